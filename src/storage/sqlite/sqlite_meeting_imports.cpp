// SqliteMeetingStore (issue 13): an agenda import written in one transaction, and the
// municipality's KLE list (schema 0009_kle).
#include "storage/sqlite/sqlite_meeting_store.h"

namespace bs {
namespace {

using sqlite::QueryAll;
using sqlite::Stmt;

KleEntry ReadKle(const Stmt& s) { return KleEntry{s.Text(0), s.Text(1), s.Text(2)}; }

}  // namespace

Result<std::vector<AgendaItem>> SqliteMeetingStore::WriteAgendaImport(const AgendaImportWrite& w) {
  auto c = TRY(db_.Acquire());
  // Any error below returns before Commit: the transaction rolls back and nothing stays.
  auto tx = TRY(sqlite::Transaction::Begin(*c));
  {
    auto m = TRY(c->Prepare("SELECT 1 FROM meetings WHERE id = ?"));
    m.Bind(1, w.meeting);
    if (!TRY(m.Step())) return NotFound("Møde " + std::to_string(w.meeting) + " findes ikke.");
  }
  std::vector<int64_t> case_ids;
  for (const auto& cs : w.new_cases) case_ids.push_back(TRY(InsertCase(*c, cs)).id);
  std::vector<AgendaItem> written;
  for (const auto& i : w.items) {
    AgendaItem item = i.item;
    item.meeting_id = w.meeting;
    if (i.new_case >= 0) {
      if (static_cast<size_t>(i.new_case) >= case_ids.size()) return NotFound("Sagen findes ikke.");
      item.case_id = case_ids[static_cast<size_t>(i.new_case)];
    }
    auto out = TRY(InsertItem(*c, item));
    if (i.revision) {
      auto r = TRY(c->Prepare("INSERT INTO agenda_revisions (agenda_item_id, number, reason, author, at, what, previous) "
                              "VALUES (?,1,?,?,?,?,?)"));
      r.Bind(1, out.id).Bind(2, i.revision->reason).Bind(3, i.revision->author).Bind(4, i.revision->at);
      r.Bind(5, i.revision->what).Bind(6, i.revision->before);
      RETURN_IF_ERROR(r.Run());
      auto set = TRY(c->Prepare("UPDATE agenda_items SET revision = 1 WHERE id = ?"));
      set.Bind(1, out.id);
      RETURN_IF_ERROR(set.Run());
      out.revision = 1;
    }
    written.push_back(std::move(out));
  }
  RETURN_IF_ERROR(tx.Commit());
  return written;
}

Status SqliteMeetingStore::ReplaceKle(const std::vector<KleEntry>& entries, const KleMeta& meta) {
  auto c = TRY(db_.Acquire());
  auto tx = TRY(sqlite::Transaction::Begin(*c));
  RETURN_IF_ERROR(c->Exec("DELETE FROM kle"));
  RETURN_IF_ERROR(c->Exec("DELETE FROM kle_meta"));
  for (const auto& e : entries) {
    auto s = TRY(c->Prepare("INSERT INTO kle (number, title, kind) VALUES (?, ?, ?)"));
    s.Bind(1, e.number).Bind(2, e.title).Bind(3, e.kind);
    auto st = s.Run();
    if (!st.ok()) {
      if (st.error().code == ErrorCode::kAlreadyExists)
        return InvalidArgument("KLE-nummeret " + e.number + " står to gange i listen.");
      return st.error();
    }
  }
  auto m = TRY(c->Prepare("INSERT INTO kle_meta (id, source, author, at) VALUES (1, ?, ?, ?)"));
  m.Bind(1, meta.source).Bind(2, meta.author).Bind(3, meta.at);
  RETURN_IF_ERROR(m.Run());
  return tx.Commit();
}

Result<std::vector<KleEntry>> SqliteMeetingStore::KleEntries() {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, "SELECT number, title, kind FROM kle ORDER BY number", ReadKle);
}

Result<std::optional<KleMeta>> SqliteMeetingStore::KleLoaded() {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("SELECT source, author, at FROM kle_meta WHERE id = 1"));
  if (!TRY(s.Step())) return std::optional<KleMeta>();
  return std::optional<KleMeta>(KleMeta{s.Text(0), s.Text(1), s.Int(2)});
}

}  // namespace bs
