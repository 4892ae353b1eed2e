#include "storage/sqlite/sqlite_plan_store.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "core/text.h"
#include "storage/sqlite/sqlite_plan_shared.h"

namespace bs {

using sqlite::Connection;
using sqlite::QueryAll;
using sqlite::Stmt;
using sqlite::Transaction;

namespace sqlite_plan {

Error NoAuthor() { return InvalidArgument("En ændring skal have en afsender; den er ikke gemt."); }

Error PlanNotFound(PlanId id) { return NotFound("Plan " + std::to_string(id) + " findes ikke."); }
Error ItemNotFound(ItemId id) { return NotFound("Punkt " + std::to_string(id) + " findes ikke."); }

// Appends to the plan-level history (plan 0: municipality-wide).
Status RecordEvent(Connection& c, PlanId plan, const WriteMeta& meta, const char* action, const std::string& detail) {
  auto s = TRY(c.Prepare("INSERT INTO plan_events (plan_id, at, author, source, action, detail) VALUES (?, ?, ?, ?, ?, ?)"));
  if (plan) s.Bind(1, plan); else s.BindNull(1);
  s.Bind(2, meta.now).Bind(3, meta.author).Bind(4, meta.source).Bind(5, action).Bind(6, detail);
  return s.Run();
}

// Every write a plan view can show bumps the plan's revision in its own transaction.
Status BumpPlan(Connection& c, PlanId id) {
  auto s = TRY(c.Prepare("UPDATE plans SET revision = revision + 1 WHERE id = ?"));
  s.Bind(1, id);
  return s.Run();
}

Result<bool> PlanExists(Connection& c, PlanId id) {
  auto s = TRY(c.Prepare("SELECT 1 FROM plans WHERE id = ?"));
  s.Bind(1, id);
  return s.Step();
}

}  // namespace sqlite_plan

using namespace sqlite_plan;

namespace {



constexpr const char* kHistoryDataColumns =
    "category, committee, theme_id, code, title, process, status_text, state, traffic_light, responsible, "
    "director, timing, political_treatment, directors_role, amounts, cross_cutting, strategic, "
    "strategic_line_id, obs, obs_note, case_numbers, strategies, sdgs, demo, realised, external_keys";

// Appends the item's current row to item_revisions (append-only history).
Status RecordRevision(Connection& c, ItemId id, const WriteMeta& meta, const char* action) {
  auto s = TRY(c.Prepare(std::string("INSERT INTO item_revisions (item_id, revision, plan_id, ") + kHistoryDataColumns +
                         ", at, author, source, action, comment) SELECT id, revision, plan_id, " + kHistoryDataColumns +
                         ", ?, ?, ?, ?, ? FROM items WHERE id = ?"));
  s.Bind(1, meta.now).Bind(2, meta.author).Bind(3, meta.source).Bind(4, action).Bind(5, meta.comment).Bind(6, id);
  return s.Run();
}


std::string EncodeAmounts(const std::map<int, Amount>& amounts) {
  std::string s;
  for (const auto& [year, a] : amounts) {
    if (!s.empty()) s.push_back(';');
    s += std::to_string(year) + ":" + std::to_string(a.kroner());
  }
  return s;
}

// Stored text that does not parse (it never should) is skipped, not thrown.
std::map<int, Amount> DecodeAmounts(const std::string& s) {
  std::map<int, Amount> out;
  for (const auto& part : text::SplitTrimmed(s, ';')) {
    size_t colon = part.find(':');
    if (colon == std::string::npos) continue;
    int year = 0;
    int64_t kroner = 0;
    const char* p = part.data();
    if (std::from_chars(p, p + colon, year).ec != std::errc()) continue;
    if (std::from_chars(p + colon + 1, p + part.size(), kroner).ec != std::errc()) continue;
    out[year] = Amount::FromKroner(kroner);
  }
  return out;
}

std::string EncodeInts(const std::vector<int>& v) {
  std::vector<std::string> parts;
  for (int i : v) parts.push_back(std::to_string(i));
  return text::Join(parts, ",");
}

// `realised_column`: where the expected realised effect is in this statement's row; the
// external keys follow it.
// Stored text that does not read back (an SDG that is no number) is an error, not an
// exception (issue 12); the rest falls back as before.
Result<PlanItem> ReadItemWith(const Stmt& s, int realised_column) {
  ItemData d;
  d.category = ParseCategory(s.Text(2)).value_or(Category::kOperating);
  d.committee = s.Text(3);
  d.theme_id = s.Int(4);
  if (!s.IsNull(5)) {
    auto code = ProposalCode::Parse(s.Text(5));
    if (code.ok()) d.code = *code;
  }
  d.title = s.Text(6);
  d.process = s.Text(7);
  d.status_text = s.Text(8);
  d.state = ParseProgressState(s.Text(9)).value_or(ProgressState::kNotStarted);
  d.traffic_light = ParseTrafficLight(s.Text(10)).value_or(TrafficLight::kNone);
  d.responsible = s.Text(11);
  d.director = s.Text(12);
  auto timing = Timing::Parse(s.Text(13));
  if (timing.ok()) d.timing = *timing;
  d.treatment = PoliticalTreatment::RestoreLines(s.Text(14));
  d.directors_role = s.Text(15);
  d.amounts = DecodeAmounts(s.Text(16));
  d.cross_cutting = s.Int(17) != 0;
  d.strategic = s.Int(18) != 0;
  d.strategic_line_id = s.Int(19);
  d.obs = s.Int(20) != 0;
  d.obs_note = s.Text(21);
  d.case_numbers = text::SplitTrimmed(s.Text(22), ',');
  d.strategies = text::SplitTrimmed(s.Text(23), '\n');
  for (const auto& g : text::SplitTrimmed(s.Text(24), ','))
    d.sdgs.push_back(static_cast<int>(TRY(sqlite::StoredInt(g, "items.sdgs"))));
  d.demo = s.Int(25) != 0;
  d.realised = DecodeAmounts(s.Text(realised_column));
  d.external_keys = text::SplitTrimmed(s.Text(realised_column + 1), ',');
  return PlanItem::Restore(s.Int(0), s.Int(1), std::move(d), s.Int(26), s.Int(27), s.Int(28));
}
}  // namespace

Result<PlanItem> sqlite_plan::ReadItem(const Stmt& s) { return ReadItemWith(s, kItemRealisedColumn); }

namespace {

// Binds the item's data (and the derived keys) to parameters 1..31 in this order:
// category, committee, theme_id, code, title, process, status_text, state, traffic_light,
// responsible, director, timing, political_treatment, directors_role, amounts,
// cross_cutting, strategic, strategic_line_id, obs, obs_note, case_numbers, strategies,
// sdgs, demo, search_text, responsible_key, code_key, title_key, state_order, timing_key,
// realised, external_keys.
void BindData(Stmt& s, const PlanItem& item) {
  const ItemData& d = item.data();
  s.Bind(1, Slug(d.category));
  if (d.committee.empty()) s.BindNull(2); else s.Bind(2, d.committee);
  if (d.theme_id) s.Bind(3, d.theme_id); else s.BindNull(3);
  if (d.code) s.Bind(4, d.code->text()); else s.BindNull(4);
  s.Bind(5, d.title).Bind(6, d.process).Bind(7, d.status_text).Bind(8, Slug(d.state));
  s.Bind(9, Slug(d.traffic_light)).Bind(10, d.responsible).Bind(11, d.director);
  s.Bind(12, d.timing.Display()).Bind(13, d.treatment.FormatLines()).Bind(14, d.directors_role);
  s.Bind(15, EncodeAmounts(d.amounts)).Bind(16, d.cross_cutting).Bind(17, d.strategic);
  if (d.strategic_line_id) s.Bind(18, d.strategic_line_id); else s.BindNull(18);
  s.Bind(19, d.obs).Bind(20, d.obs_note).Bind(21, text::Join(d.case_numbers, ","));
  s.Bind(22, text::Join(d.strategies, "\n")).Bind(23, EncodeInts(d.sdgs)).Bind(24, d.demo);
  s.Bind(25, item.SearchText()).Bind(26, text::FoldCase(d.responsible)).Bind(27, item.CodeSortKey());
  s.Bind(28, item.TitleSortKey()).Bind(29, static_cast<int>(d.state)).Bind(30, d.timing.SortKey());
  s.Bind(31, EncodeAmounts(d.realised)).Bind(32, text::Join(d.external_keys, ","));
}

constexpr const char* kDataColumns =
    "category, committee, theme_id, code, title, process, status_text, state, traffic_light, "
    "responsible, director, timing, political_treatment, directors_role, amounts, cross_cutting, "
    "strategic, strategic_line_id, obs, obs_note, case_numbers, strategies, sdgs, demo, "
    "search_text, responsible_key, code_key, title_key, state_order, timing_key, realised, external_keys";

Result<PlanItem> ReadItemById(Connection& c, ItemId id) {
  auto s = TRY(c.Prepare(std::string("SELECT ") + kItemColumns + " FROM items WHERE id = ? AND deleted_at IS NULL"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return ItemNotFound(id);
  return ReadItem(s);
}

Body ReadBody(const Stmt& s) { return Body{s.Text(0), s.Text(1), s.Int(2) != 0, static_cast<int>(s.Int(3))}; }
Theme ReadTheme(const Stmt& s) { return Theme{s.Int(0), s.Int(1), s.Text(2), static_cast<int>(s.Int(3))}; }
StrategicLine ReadStrategicLine(const Stmt& s) {
  return StrategicLine{s.Int(0), s.Int(1), s.Text(2), s.Text(3), static_cast<int>(s.Int(4))};
}
PlanEvent ReadPlanEvent(const Stmt& s) {
  return PlanEvent{s.Int(0), s.Int(1), s.Int(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6)};
}




}  // namespace

Status SqlitePlanStore::UpsertBody(const Body& body, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(
      "INSERT INTO bodies (code, name, owns_items, sort_order) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(code) DO UPDATE SET name = excluded.name, owns_items = excluded.owns_items, "
      "sort_order = excluded.sort_order"));
  s.Bind(1, body.code).Bind(2, body.name).Bind(3, body.owns_items).Bind(4, body.sort_order);
  auto tx = TRY(Transaction::Begin(*c));
  RETURN_IF_ERROR(s.Run());
  RETURN_IF_ERROR(c->Exec("UPDATE plans SET revision = revision + 1"));
  RETURN_IF_ERROR(RecordEvent(*c, 0, meta, "body_changed", body.code + " – " + body.name));
  return tx.Commit();
}

Result<std::vector<Body>> SqlitePlanStore::ListBodies() {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, "SELECT code, name, owns_items, sort_order FROM bodies ORDER BY sort_order, code", ReadBody);
}

Result<Plan> SqlitePlanStore::CreatePlan(const Plan& plan, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  {
    auto exists = TRY(c->Prepare("SELECT 1 FROM plans WHERE name = ?"));
    exists.Bind(1, plan.name());
    if (TRY(exists.Step())) return AlreadyExists("Der findes allerede en plan med navnet «" + plan.name() + "».");
  }
  auto s = TRY(c->Prepare(
      "INSERT INTO plans (name, budget_name, first_year, last_year, description, revision, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, 1, ?, ?)"));
  s.Bind(1, plan.name()).Bind(2, plan.budget_name()).Bind(3, plan.first_year()).Bind(4, plan.last_year());
  s.Bind(5, plan.description()).Bind(6, meta.now).Bind(7, meta.author);
  RETURN_IF_ERROR(s.Run());
  PlanId id = c->LastInsertId();
  RETURN_IF_ERROR(RecordEvent(*c, id, meta, "plan_created", plan.name()));
  RETURN_IF_ERROR(tx.Commit());
  return Plan::Restore(id, plan.name(), plan.budget_name(), plan.first_year(), plan.last_year(), plan.description(), 1);
}

namespace {
constexpr const char* kPlanColumns = "id, name, budget_name, first_year, last_year, description, revision";
Plan ReadPlan(const Stmt& s) {
  return Plan::Restore(s.Int(0), s.Text(1), s.Text(2), static_cast<int>(s.Int(3)), static_cast<int>(s.Int(4)),
                       s.Text(5), s.Int(6));
}
}  // namespace

Result<std::vector<Plan>> SqlitePlanStore::ListPlans() {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, std::string("SELECT ") + kPlanColumns + " FROM plans ORDER BY first_year DESC, id", ReadPlan);
}

Result<int64_t> SqlitePlanStore::PlanRevision(PlanId id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("SELECT revision FROM plans WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return PlanNotFound(id);
  return s.Int(0);
}

Result<Plan> SqlitePlanStore::GetPlan(PlanId id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string("SELECT ") + kPlanColumns + " FROM plans WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return PlanNotFound(id);
  return ReadPlan(s);
}

Result<Theme> SqlitePlanStore::AddTheme(PlanId plan, const std::string& name, int sort_order, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  if (!TRY(PlanExists(*c, plan))) return PlanNotFound(plan);
  {
    auto exists = TRY(c->Prepare("SELECT 1 FROM themes WHERE plan_id = ? AND name = ?"));
    exists.Bind(1, plan).Bind(2, name);
    if (TRY(exists.Step())) return AlreadyExists("Temaet «" + name + "» findes allerede i planen.");
  }
  auto s = TRY(c->Prepare("INSERT INTO themes (plan_id, name, sort_order) VALUES (?, ?, ?)"));
  s.Bind(1, plan).Bind(2, name).Bind(3, sort_order);
  RETURN_IF_ERROR(s.Run());
  Theme t{c->LastInsertId(), plan, name, sort_order};
  RETURN_IF_ERROR(RecordEvent(*c, plan, meta, "theme_added", name));
  RETURN_IF_ERROR(BumpPlan(*c, plan));
  RETURN_IF_ERROR(tx.Commit());
  return t;
}

Result<std::vector<Theme>> SqlitePlanStore::ListThemes(PlanId plan) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, "SELECT id, plan_id, name, sort_order FROM themes WHERE plan_id = ? ORDER BY sort_order, id",
                  [&](Stmt& s) { s.Bind(1, plan); }, ReadTheme);
}

Result<StrategicLine> SqlitePlanStore::AddStrategicLine(PlanId plan, const std::string& title,
                                                        const std::string& description, int sort_order,
                                                        const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  if (!TRY(PlanExists(*c, plan))) return PlanNotFound(plan);
  {
    auto exists = TRY(c->Prepare("SELECT 1 FROM strategic_lines WHERE plan_id = ? AND title = ?"));
    exists.Bind(1, plan).Bind(2, title);
    if (TRY(exists.Step())) return AlreadyExists("Den strategiske linje «" + title + "» findes allerede.");
  }
  auto s = TRY(c->Prepare("INSERT INTO strategic_lines (plan_id, title, description, sort_order) VALUES (?, ?, ?, ?)"));
  s.Bind(1, plan).Bind(2, title).Bind(3, description).Bind(4, sort_order);
  RETURN_IF_ERROR(s.Run());
  StrategicLine l{c->LastInsertId(), plan, title, description, sort_order};
  RETURN_IF_ERROR(RecordEvent(*c, plan, meta, "strategic_line_added", title));
  RETURN_IF_ERROR(BumpPlan(*c, plan));
  RETURN_IF_ERROR(tx.Commit());
  return l;
}

Result<std::vector<StrategicLine>> SqlitePlanStore::ListStrategicLines(PlanId plan) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, "SELECT id, plan_id, title, description, sort_order FROM strategic_lines WHERE plan_id = ? ORDER BY sort_order, id",
                  [&](Stmt& s) { s.Bind(1, plan); }, ReadStrategicLine);
}

Result<PlanItem> SqlitePlanStore::CreateItem(const PlanItem& item, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  if (!TRY(PlanExists(*c, item.plan_id()))) return PlanNotFound(item.plan_id());
  if (!meta.request_key.empty()) {
    ItemId existing = 0;
    {
      auto s = TRY(c->Prepare("SELECT id FROM items WHERE plan_id = ? AND request_key = ?"));
      s.Bind(1, item.plan_id()).Bind(2, meta.request_key);
      if (TRY(s.Step())) existing = s.Int(0);
    }
    if (existing) return ReadItemById(*c, existing);
  }
  ItemId id = TRY(Insert(*c, item, meta));
  auto stored = TRY(ReadItemById(*c, id));
  RETURN_IF_ERROR(BumpPlan(*c, item.plan_id()));
  RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<ItemId> SqlitePlanStore::Insert(Connection& c, const PlanItem& item, const WriteMeta& meta) {
  auto s = TRY(c.Prepare(std::string("INSERT INTO items (") + kDataColumns +
                         ", plan_id, revision, created_at, created_by, updated_at, updated_by, request_key) VALUES "
                         "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, ?, 1, ?, ?, ?, ?, ?)"));
  BindData(s, item);
  s.Bind(33, item.plan_id()).Bind(34, meta.now).Bind(35, meta.author).Bind(36, meta.now).Bind(37, meta.author);
  if (meta.request_key.empty()) s.BindNull(38); else s.Bind(38, meta.request_key);
  RETURN_IF_ERROR(s.Run());
  ItemId id = c.LastInsertId();
  RETURN_IF_ERROR(RecordRevision(c, id, meta, "create"));
  return id;
}

Result<PlanItem> SqlitePlanStore::GetItem(ItemId id) {
  auto c = TRY(db_.Acquire());
  return ReadItemById(*c, id);
}

Result<PlanItem> SqlitePlanStore::UpdateItem(ItemId id, const ItemData& data, int64_t expected_revision,
                                             const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  auto next = TRY(Update(*c, id, data, expected_revision, meta, "update"));
  RETURN_IF_ERROR(tx.Commit());
  return next;
}

Result<PlanItem> SqlitePlanStore::Update(Connection& c, ItemId id, const ItemData& data, int64_t expected_revision,
                                         const WriteMeta& meta, const char* action) {
  auto current = TRY(ReadItemById(c, id));
  if (current.revision() != expected_revision)
    return Conflict("Punktet er ændret af en anden, siden du hentede det (version " + std::to_string(expected_revision) +
                    ", nu " + std::to_string(current.revision()) + ").");
  PlanItem next = PlanItem::Restore(id, current.plan_id(), data, current.revision() + 1, current.created_at(), meta.now);
  {
    std::string sql = "UPDATE items SET (";
    sql += kDataColumns;
    sql += ") = (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?), "
           "revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ? AND revision = ?";
    auto s = TRY(c.Prepare(sql));
    BindData(s, next);
    s.Bind(33, meta.now).Bind(34, meta.author).Bind(35, id).Bind(36, expected_revision);
    RETURN_IF_ERROR(s.Run());
    if (c.Changes() != 1) return Conflict("Punktet er ændret af en anden, siden du hentede det.");
  }
  RETURN_IF_ERROR(RecordRevision(c, id, meta, action));
  RETURN_IF_ERROR(BumpPlan(c, current.plan_id()));
  return next;
}

Status SqlitePlanStore::DeleteItem(ItemId id, int64_t expected_revision, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  auto current = TRY(ReadItemById(*c, id));
  if (expected_revision && current.revision() != expected_revision)
    return Conflict("Punktet er ændret af en anden, siden du hentede det.");
  {
    auto s = TRY(c->Prepare("UPDATE items SET deleted_at = ?, updated_at = ?, updated_by = ?, revision = revision + 1 WHERE id = ?"));
    s.Bind(1, meta.now).Bind(2, meta.now).Bind(3, meta.author).Bind(4, id);
    RETURN_IF_ERROR(s.Run());
  }
  RETURN_IF_ERROR(RecordRevision(*c, id, meta, "delete"));
  RETURN_IF_ERROR(BumpPlan(*c, current.plan_id()));
  return tx.Commit();
}

Result<ItemPage> SqlitePlanStore::ListItems(PlanId plan, const ItemFilter& f) {
  auto c = TRY(db_.Acquire());
  if (!TRY(PlanExists(*c, plan))) return PlanNotFound(plan);

  // The WHERE clause mirrors ItemFilter::Matches; the contract suite holds them equal.
  std::string where = " FROM items WHERE plan_id = ?1 AND deleted_at IS NULL";
  if (!f.committee.empty())
    where += f.include_cross_cutting ? " AND (committee = ?2 OR cross_cutting = 1)" : " AND committee = ?2";
  if (f.category) where += " AND category = ?3";
  if (f.state) where += " AND state = ?4";
  if (f.cross_cutting) where += " AND cross_cutting = ?5";
  if (f.obs) where += " AND obs = ?6";
  if (f.theme_id) where += " AND theme_id = ?7";
  if (!f.responsible.empty()) where += " AND instr(responsible_key, ?8) > 0";
  if (!f.query.empty()) where += " AND instr(search_text, ?9) > 0";

  auto bind = [&](Stmt& s) {
    s.Bind(1, plan);
    if (!f.committee.empty()) s.Bind(2, f.committee);
    if (f.category) s.Bind(3, Slug(*f.category));
    if (f.state) s.Bind(4, Slug(*f.state));
    if (f.cross_cutting) s.Bind(5, *f.cross_cutting);
    if (f.obs) s.Bind(6, *f.obs);
    if (f.theme_id) s.Bind(7, f.theme_id);
    if (!f.responsible.empty()) s.Bind(8, text::FoldCase(f.responsible));
    if (!f.query.empty()) s.Bind(9, text::FoldCase(f.query));
  };

  const char* dir = f.descending ? " DESC" : "";
  std::string order;
  auto add = [&](const char* col) { order += (order.empty() ? " ORDER BY " : ", ") + std::string(col) + dir; };
  switch (f.sort) {
    case ItemSort::kCode: break;
    case ItemSort::kTitle: add("title_key"); break;
    case ItemSort::kState: add("state_order"); break;
    case ItemSort::kTiming: add("timing_key"); break;
  }
  add("code_key");
  add("title_key");
  add("id");

  ItemPage page;
  page.items = TRY(QueryAll(*c, std::string("SELECT ") + kItemColumns + where + order + " LIMIT ?10 OFFSET ?11",
                            [&](Stmt& s) {
                              bind(s);
                              s.Bind(10, f.limit > 0 ? static_cast<int64_t>(f.limit) : int64_t{-1});
                              s.Bind(11, static_cast<int64_t>(std::max(0, f.offset)));
                            },
                            ReadItem));
  // The whole list (the plan page, extracts) is its own count; only a page of it asks.
  if (f.limit <= 0 && f.offset <= 0) {
    page.total = static_cast<int64_t>(page.items.size());
  } else {
    auto s = TRY(c->Prepare("SELECT count(*)" + where));
    bind(s);
    if (TRY(s.Step())) page.total = s.Int(0);
  }
  return page;
}

namespace {
constexpr const char* kRevisionSelect =
    "SELECT r.item_id, r.plan_id, r.category, r.committee, r.theme_id, r.code, r.title, r.process, r.status_text, "
    "r.state, r.traffic_light, r.responsible, r.director, r.timing, r.political_treatment, r.directors_role, "
    "r.amounts, r.cross_cutting, r.strategic, r.strategic_line_id, r.obs, r.obs_note, r.case_numbers, "
    "r.strategies, r.sdgs, r.demo, r.revision, r.at, r.at, r.author, r.source, r.action, r.comment, r.realised, "
    "r.external_keys "
    "FROM item_revisions r";
constexpr int kRevisionRealisedColumn = 33;

// An item as a revision (kRevisionSelect) holds it.
Result<PlanItem> ReadRevisionItem(const Stmt& s) { return ReadItemWith(s, kRevisionRealisedColumn); }

Result<HistoryEntry> ReadHistory(const Stmt& s) {
  return HistoryEntry{s.Int(0), s.Int(26), s.Int(27), s.Text(29), s.Text(30), s.Text(31), s.Text(32), TRY(ReadRevisionItem(s))};
}

constexpr const char* kStatusColumns =
    "id, item_id, item_revision, as_of, author, status_text, state, traffic_light, realised, obs_action, obs_note, "
    "created_at, round_id";

StatusUpdate ReadStatus(const Stmt& s) {
  StatusUpdate u;
  u.id = s.Int(0);
  u.item_id = s.Int(1);
  u.item_revision = s.Int(2);
  auto date = Date::Parse(s.Text(3));
  if (date.ok()) u.as_of = *date;
  u.author = s.Text(4);
  u.status_text = s.Text(5);
  u.state = ParseProgressState(s.Text(6)).value_or(ProgressState::kNotStarted);
  u.traffic_light = ParseTrafficLight(s.Text(7)).value_or(TrafficLight::kNone);
  u.realised = DecodeAmounts(s.Text(8));
  std::string action = s.Text(9);
  u.obs_action = action == "raise" ? ObsAction::kRaise : action == "resolve" ? ObsAction::kResolve : ObsAction::kNone;
  u.obs_note = s.Text(10);
  u.created_at = s.Int(11);
  u.round_id = s.Int(12);
  return u;
}

constexpr const char* kVersionColumns =
    "id, plan_id, name, as_of, reporting_round, published_at, published_by, item_count";

Version ReadVersion(const Stmt& s) {
  Version v;
  v.id = s.Int(0);
  v.plan_id = s.Int(1);
  v.name = s.Text(2);
  auto date = Date::Parse(s.Text(3));
  if (date.ok()) v.as_of = *date;
  v.reporting_round = s.Text(4);
  v.published_at = s.Int(5);
  v.published_by = s.Text(6);
  v.item_count = s.Int(7);
  return v;
}
}  // namespace

Result<std::vector<HistoryEntry>> SqlitePlanStore::ItemHistory(ItemId id, int limit) {
  auto c = TRY(db_.Acquire());
  auto out = TRY(QueryAll(*c, std::string(kRevisionSelect) + " WHERE r.item_id = ? ORDER BY r.revision DESC LIMIT ?",
                          [&](Stmt& s) { s.Bind(1, id).Bind(2, limit > 0 ? static_cast<int64_t>(limit) : int64_t{-1}); },
                          ReadHistory));
  std::reverse(out.begin(), out.end());
  if (out.empty()) return ItemNotFound(id);
  return out;
}

Result<HistoryEntry> SqlitePlanStore::ItemRevision(ItemId id, int64_t revision) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string(kRevisionSelect) + " WHERE r.item_id = ? AND r.revision = ?"));
  s.Bind(1, id).Bind(2, revision);
  if (!TRY(s.Step())) return NotFound("Punkt " + std::to_string(id) + " har ingen version " + std::to_string(revision) + ".");
  return ReadHistory(s);
}

Result<PlanItem> SqlitePlanStore::AddStatusUpdate(ItemId id, const StatusUpdate& u, const ItemData& data,
                                                  int64_t expected_revision, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  auto item = TRY(AddStatus(*c, id, u, data, expected_revision, meta));
  RETURN_IF_ERROR(tx.Commit());
  return item;
}

Result<PlanItem> SqlitePlanStore::AddStatus(Connection& c, ItemId id, const StatusUpdate& u, const ItemData& data,
                                            int64_t expected_revision, const WriteMeta& meta) {
  auto item = TRY(Update(c, id, data, expected_revision, meta, "status"));
  auto s = TRY(c.Prepare(
      "INSERT INTO status_updates (item_id, item_revision, as_of, author, status_text, state, traffic_light, "
      "realised, obs_action, obs_note, created_at, round_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "(SELECT id FROM reporting_rounds WHERE plan_id = ? AND closed_at IS NULL))"));
  s.Bind(1, id).Bind(2, item.revision()).Bind(3, u.as_of.Iso()).Bind(4, u.author).Bind(5, u.status_text);
  s.Bind(6, Slug(u.state)).Bind(7, Slug(u.traffic_light)).Bind(8, EncodeAmounts(u.realised));
  s.Bind(9, Slug(u.obs_action)).Bind(10, u.obs_note).Bind(11, meta.now).Bind(12, item.plan_id());
  RETURN_IF_ERROR(s.Run());
  return item;
}

Result<std::vector<StatusUpdate>> SqlitePlanStore::ListStatusUpdates(ItemId id) {
  auto c = TRY(db_.Acquire());
  (void)TRY(ReadItemById(*c, id));
  return QueryAll(*c, std::string("SELECT ") + kStatusColumns + " FROM status_updates WHERE item_id = ? ORDER BY id DESC",
                  [&](Stmt& s) { s.Bind(1, id); }, ReadStatus);
}

Result<Version> SqlitePlanStore::PublishVersion(const Version& v, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  Version out = TRY(Publish(*c, v, meta));
  RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Version> SqlitePlanStore::Publish(Connection& connection, const Version& v, const WriteMeta& meta) {
  Connection* c = &connection;
  if (!TRY(PlanExists(*c, v.plan_id))) return PlanNotFound(v.plan_id);
  {
    auto exists = TRY(c->Prepare("SELECT 1 FROM versions WHERE plan_id = ? AND name = ?"));
    exists.Bind(1, v.plan_id).Bind(2, v.name);
    if (TRY(exists.Step())) return AlreadyExists("Planen har allerede en version med navnet «" + v.name + "».");
  }
  int64_t count = 0;
  {
    auto n = TRY(c->Prepare("SELECT count(*) FROM items WHERE plan_id = ? AND deleted_at IS NULL"));
    n.Bind(1, v.plan_id);
    if (TRY(n.Step())) count = n.Int(0);
  }
  VersionId id = 0;
  {
    auto s = TRY(c->Prepare("INSERT INTO versions (plan_id, name, as_of, reporting_round, published_at, published_by, "
                            "item_count) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    s.Bind(1, v.plan_id).Bind(2, v.name).Bind(3, v.as_of.Iso()).Bind(4, v.reporting_round).Bind(5, meta.now);
    s.Bind(6, meta.author).Bind(7, count);
    RETURN_IF_ERROR(s.Run());
    id = c->LastInsertId();
  }
  {
    auto s = TRY(c->Prepare("INSERT INTO version_items (version_id, item_id, item_revision) "
                            "SELECT ?, id, revision FROM items WHERE plan_id = ? AND deleted_at IS NULL"));
    s.Bind(1, id).Bind(2, v.plan_id);
    RETURN_IF_ERROR(s.Run());
  }
  RETURN_IF_ERROR(RecordEvent(*c, v.plan_id, meta, "version_published", v.name));
  RETURN_IF_ERROR(BumpPlan(*c, v.plan_id));
  Version out = v;
  out.id = id;
  out.published_at = meta.now;
  out.published_by = meta.author;
  out.item_count = count;
  return out;
}

Result<std::vector<PlanEvent>> SqlitePlanStore::PlanEvents(PlanId plan) {
  auto c = TRY(db_.Acquire());
  if (!TRY(PlanExists(*c, plan))) return PlanNotFound(plan);
  return QueryAll(*c,
                  "SELECT id, coalesce(plan_id, 0), at, author, source, action, detail FROM plan_events "
                  "WHERE plan_id = ? OR plan_id IS NULL ORDER BY id DESC",
                  [&](Stmt& s) { s.Bind(1, plan); }, ReadPlanEvent);
}

Result<std::vector<Version>> SqlitePlanStore::ListVersions(PlanId plan) {
  auto c = TRY(db_.Acquire());
  if (!TRY(PlanExists(*c, plan))) return PlanNotFound(plan);
  return QueryAll(*c, std::string("SELECT ") + kVersionColumns + " FROM versions WHERE plan_id = ? ORDER BY id DESC",
                  [&](Stmt& s) { s.Bind(1, plan); }, ReadVersion);
}

Result<Version> SqlitePlanStore::GetVersion(VersionId id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string("SELECT ") + kVersionColumns + " FROM versions WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return NotFound("Version " + std::to_string(id) + " findes ikke.");
  return ReadVersion(s);
}

Result<std::vector<PlanItem>> SqlitePlanStore::VersionItems(VersionId id) { return *TRY(SharedVersionItems(id)); }

Result<std::shared_ptr<const std::vector<PlanItem>>> SqlitePlanStore::SharedVersionItems(VersionId id) {
  if (auto cached = versions_.Get(id)) return cached;
  (void)TRY(GetVersion(id));
  auto c = TRY(db_.Acquire());
  auto out = TRY(QueryAll(*c,
                          std::string(kRevisionSelect) +
                              " JOIN version_items v ON v.item_id = r.item_id AND v.item_revision = r.revision"
                              " WHERE v.version_id = ?",
                          [&](Stmt& s) { s.Bind(1, id); }, ReadRevisionItem));
  ItemFilter().Sort(out);
  auto snapshot = std::make_shared<const std::vector<PlanItem>>(std::move(out));
  versions_.Put(id, snapshot);
  return snapshot;
}

Result<std::vector<StatusUpdate>> SqlitePlanStore::PlanStatusUpdates(PlanId plan, Date from, Date to) {
  auto c = TRY(db_.Acquire());
  if (!TRY(PlanExists(*c, plan))) return PlanNotFound(plan);
  std::string columns;
  for (const auto& col : text::SplitTrimmed(kStatusColumns, ',')) columns += (columns.empty() ? "u." : ", u.") + col;
  return QueryAll(*c,
                  "SELECT " + columns + " FROM status_updates u JOIN items i ON i.id = u.item_id "
                  "WHERE i.plan_id = ? AND u.as_of >= ? AND u.as_of <= ? ORDER BY u.as_of DESC, u.id DESC",
                  [&](Stmt& s) { s.Bind(1, plan).Bind(2, from.Iso()).Bind(3, to.Iso()); }, ReadStatus);
}

Result<std::string> SqlitePlanStore::MunicipalityName() {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("SELECT value FROM settings WHERE key = 'municipality'"));
  if (!TRY(s.Step())) return std::string();
  return s.Text(0);
}

Status SqlitePlanStore::SetMunicipalityName(const std::string& name, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  auto s = TRY(c->Prepare("INSERT INTO settings (key, value) VALUES ('municipality', ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
  s.Bind(1, name);
  RETURN_IF_ERROR(s.Run());
  RETURN_IF_ERROR(c->Exec("UPDATE plans SET revision = revision + 1"));
  return tx.Commit();
}

}  // namespace bs
