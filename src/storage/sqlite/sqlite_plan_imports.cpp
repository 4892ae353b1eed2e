// The SQLite plan store's import writes (issue 13): a whole import in one transaction,
// the remembered mappings and the uploads waiting between mapping and apply.
#include "storage/sqlite/sqlite_plan_shared.h"
#include "storage/sqlite/sqlite_plan_store.h"

namespace bs {

using sqlite::Connection;
using sqlite::Stmt;
using sqlite::Transaction;
using namespace sqlite_plan;

namespace {

// The item as stored, of the import's plan; NotFound for a deleted item or another plan's.
Result<PlanItem> ReadPlanItem(Connection& c, PlanId plan, ItemId id) {
  auto s = TRY(c.Prepare(std::string("SELECT ") + kItemColumns + " FROM items WHERE id = ? AND plan_id = ? AND deleted_at IS NULL"));
  s.Bind(1, id).Bind(2, plan);
  if (!TRY(s.Step())) return ItemNotFound(id);
  return ReadItem(s);
}

Status CheckRevision(Connection& c, PlanId plan, ItemId id, int64_t expected) {
  auto item = TRY(ReadPlanItem(c, plan, id));
  if (item.revision() != expected)
    return Conflict("Punkt " + std::to_string(id) + " er ændret af en anden, siden importen blev forberedt.");
  return OkStatus();
}

}  // namespace

Result<ImportApplied> SqlitePlanStore::ApplyImport(const ImportBatch& batch, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  if (!TRY(PlanExists(*c, batch.plan))) return PlanNotFound(batch.plan);
  // Update() checks each revision too; checking all first keeps a stale item from
  // being found halfway (the transaction would roll back either way).
  for (const auto& u : batch.updates) RETURN_IF_ERROR(CheckRevision(*c, batch.plan, u.id, u.expected_revision));
  for (const auto& u : batch.statuses) RETURN_IF_ERROR(CheckRevision(*c, batch.plan, u.id, u.expected_revision));
  for (const auto& b : batch.new_bodies) {
    auto s = TRY(c->Prepare(
        "INSERT INTO bodies (code, name, owns_items, sort_order) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, owns_items = excluded.owns_items"));
    s.Bind(1, b.code).Bind(2, b.name).Bind(3, b.owns_items).Bind(4, b.sort_order);
    RETURN_IF_ERROR(s.Run());
    RETURN_IF_ERROR(RecordEvent(*c, 0, meta, "body_changed", b.code + " – " + b.name));
  }
  if (!batch.new_bodies.empty()) RETURN_IF_ERROR(c->Exec("UPDATE plans SET revision = revision + 1"));
  ImportApplied out;
  out.created.reserve(batch.creates.size());
  for (const auto& item : batch.creates) {
    if (item.plan_id() != batch.plan) return PlanNotFound(item.plan_id());
    WriteMeta m = meta;
    m.request_key.clear();
    ItemId id = TRY(Insert(*c, item, m));
    out.created.push_back(TRY(ReadPlanItem(*c, batch.plan, id)));
  }
  for (const auto& u : batch.updates) out.updated.push_back(TRY(Update(*c, u.id, u.data, u.expected_revision, meta, "update")));
  for (const auto& w : batch.statuses)
    out.updated.push_back(TRY(AddStatus(*c, w.id, w.update, w.data, w.expected_revision, meta)));
  RETURN_IF_ERROR(BumpPlan(*c, batch.plan));
  RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::optional<std::string>> SqlitePlanStore::ImportMapping(const std::string& layout_key) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("SELECT mapping FROM import_mappings WHERE layout_key = ?"));
  s.Bind(1, layout_key);
  if (!TRY(s.Step())) return std::optional<std::string>();
  return std::optional<std::string>(s.Text(0));
}

Status SqlitePlanStore::SaveImportMapping(const std::string& layout_key, const std::string& mapping,
                                          const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(
      "INSERT INTO import_mappings (layout_key, mapping, updated_at, updated_by) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(layout_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at, "
      "updated_by = excluded.updated_by"));
  s.Bind(1, layout_key).Bind(2, mapping).Bind(3, meta.now).Bind(4, meta.author);
  return s.Run();
}

Result<int64_t> SqlitePlanStore::SaveImportUpload(const ImportUpload& upload, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  if (!TRY(PlanExists(*c, upload.plan))) return PlanNotFound(upload.plan);
  {
    auto s = TRY(c->Prepare("DELETE FROM import_uploads WHERE uploaded_at < ?"));
    s.Bind(1, meta.now - 86400);
    RETURN_IF_ERROR(s.Run());
  }
  auto s = TRY(c->Prepare(
      "INSERT INTO import_uploads (plan_id, kind, filename, bytes, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?)"));
  s.Bind(1, upload.plan).Bind(2, upload.kind).Bind(3, upload.filename).BindBlob(4, upload.bytes);
  s.Bind(5, meta.now).Bind(6, meta.author);
  RETURN_IF_ERROR(s.Run());
  int64_t id = c->LastInsertId();
  RETURN_IF_ERROR(tx.Commit());
  return id;
}

Result<ImportUpload> SqlitePlanStore::GetImportUpload(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(
      "SELECT id, plan_id, kind, filename, bytes, uploaded_at, uploaded_by FROM import_uploads WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return NotFound("Den uploadede fil findes ikke længere; upload den igen.");
  return ImportUpload{s.Int(0), s.Int(1), s.Text(2), s.Text(3), s.Blob(4), s.Int(5), s.Text(6)};
}

}  // namespace bs
