// SqlitePlanStore, reporting rounds and the directors' highlights (issue 11): one open
// round per plan (a unique index), closing publishes the version in the same transaction,
// closed rounds and their highlights immutable by trigger (migration 0006).
#include "storage/sqlite/sqlite_plan_store.h"

#include "core/text.h"
#include "storage/sqlite/sqlite_plan_shared.h"

namespace bs {

using sqlite::Connection;
using sqlite::QueryAll;
using sqlite::Stmt;
using sqlite::Transaction;
using namespace sqlite_plan;

namespace {
constexpr const char* kRoundColumns =
    "id, plan_id, name, cutoff, followup, opened_at, opened_by, coalesce(closed_at, 0), coalesce(closed_by, ''), "
    "coalesce(version_id, 0), reported_count, item_count";

ReportingRound ReadRound(const Stmt& s) {
  ReportingRound r;
  r.id = s.Int(0);
  r.plan_id = s.Int(1);
  r.name = s.Text(2);
  if (auto d = Date::Parse(s.Text(3)); d.ok()) r.cutoff = *d;
  r.followup = s.Text(4);
  r.opened_at = s.Int(5);
  r.opened_by = s.Text(6);
  r.closed_at = s.Int(7);
  r.closed_by = s.Text(8);
  r.version_id = s.Int(9);
  r.reported_count = s.Int(10);
  r.item_count = s.Int(11);
  return r;
}

Highlight ReadHighlight(const Stmt& s) { return Highlight{s.Int(0), s.Int(1), s.Text(2), s.Int(3) != 0, s.Text(4), s.Int(5)}; }
ItemId ReadItemId(const Stmt& s) { return s.Int(0); }

Error RoundNotFound(RoundId id) { return NotFound("Statusrunde " + std::to_string(id) + " findes ikke."); }

Result<ReportingRound> ReadRoundById(Connection& c, RoundId id) {
  auto s = TRY(c.Prepare(std::string("SELECT ") + kRoundColumns + " FROM reporting_rounds WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return RoundNotFound(id);
  return ReadRound(s);
}

// The round, checked open, for a change to its highlights.
Result<ReportingRound> OpenRoundForChange(Connection& c, RoundId id) {
  auto r = TRY(ReadRoundById(c, id));
  if (!r.open()) return Conflict("Statusrunden er lukket; dens fremhævninger kan ikke ændres.");
  return r;
}

Result<std::string> ItemTitleInPlan(Connection& c, ItemId item, PlanId plan) {
  auto s = TRY(c.Prepare("SELECT title FROM items WHERE id = ? AND plan_id = ? AND deleted_at IS NULL"));
  s.Bind(1, item).Bind(2, plan);
  if (!TRY(s.Step())) return ItemNotFound(item);
  return s.Text(0);
}
}  // namespace

Result<ReportingRound> SqlitePlanStore::OpenRound(const ReportingRound& round, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  if (!TRY(PlanExists(*c, round.plan_id))) return PlanNotFound(round.plan_id);
  {
    auto open = TRY(c->Prepare("SELECT name FROM reporting_rounds WHERE plan_id = ? AND closed_at IS NULL"));
    open.Bind(1, round.plan_id);
    if (TRY(open.Step()))
      return Conflict("Statusrunden «" + open.Text(0) + "» er allerede åben. Luk den, før en ny åbnes.");
  }
  {
    auto same = TRY(c->Prepare("SELECT 1 FROM reporting_rounds WHERE plan_id = ? AND name = ?"));
    same.Bind(1, round.plan_id).Bind(2, round.name);
    if (TRY(same.Step())) return AlreadyExists("Planen har allerede haft en statusrunde med navnet «" + round.name + "».");
  }
  auto s = TRY(c->Prepare("INSERT INTO reporting_rounds (plan_id, name, cutoff, followup, opened_at, opened_by) "
                          "VALUES (?, ?, ?, ?, ?, ?)"));
  s.Bind(1, round.plan_id).Bind(2, round.name).Bind(3, round.cutoff.Iso()).Bind(4, round.followup);
  s.Bind(5, meta.now).Bind(6, meta.author);
  RETURN_IF_ERROR(s.Run());
  RoundId id = c->LastInsertId();
  RETURN_IF_ERROR(RecordEvent(*c, round.plan_id, meta, "round_opened", round.name));
  RETURN_IF_ERROR(BumpPlan(*c, round.plan_id));
  auto stored = TRY(ReadRoundById(*c, id));
  RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<std::vector<ReportingRound>> SqlitePlanStore::ListRounds(PlanId plan) {
  auto c = TRY(db_.Acquire());
  if (!TRY(PlanExists(*c, plan))) return PlanNotFound(plan);
  return QueryAll(*c, std::string("SELECT ") + kRoundColumns + " FROM reporting_rounds WHERE plan_id = ? ORDER BY id DESC",
                  [&](Stmt& s) { s.Bind(1, plan); }, ReadRound);
}

Result<ReportingRound> SqlitePlanStore::GetRound(RoundId id) {
  auto c = TRY(db_.Acquire());
  return ReadRoundById(*c, id);
}

Result<ReportingRound> SqlitePlanStore::CloseRound(RoundId id, int64_t reported, int64_t items,
                                                   const std::optional<Version>& publish, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  auto round = TRY(ReadRoundById(*c, id));
  if (!round.open()) return Conflict("Statusrunden «" + round.name + "» er allerede lukket.");
  VersionId version = 0;
  if (publish) version = TRY(Publish(*c, *publish, meta)).id;
  {
    auto s = TRY(c->Prepare("UPDATE reporting_rounds SET closed_at = ?, closed_by = ?, version_id = ?, reported_count = ?, "
                            "item_count = ? WHERE id = ? AND closed_at IS NULL"));
    s.Bind(1, meta.now).Bind(2, meta.author);
    if (version) s.Bind(3, version); else s.BindNull(3);
    s.Bind(4, reported).Bind(5, items).Bind(6, id);
    RETURN_IF_ERROR(s.Run());
    if (c->Changes() != 1) return Conflict("Statusrunden «" + round.name + "» er allerede lukket.");
  }
  RETURN_IF_ERROR(RecordEvent(*c, round.plan_id, meta, "round_closed", round.name));
  RETURN_IF_ERROR(BumpPlan(*c, round.plan_id));
  auto stored = TRY(ReadRoundById(*c, id));
  RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<std::set<ItemId>> SqlitePlanStore::ReportedInRound(RoundId id) {
  auto c = TRY(db_.Acquire());
  (void)TRY(ReadRoundById(*c, id));
  auto ids = TRY(QueryAll(*c, "SELECT DISTINCT item_id FROM status_updates WHERE round_id = ?", [&](Stmt& s) { s.Bind(1, id); },
                          ReadItemId));
  return std::set<ItemId>(ids.begin(), ids.end());
}

Status SqlitePlanStore::SetHighlight(const Highlight& h, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  auto round = TRY(OpenRoundForChange(*c, h.round_id));
  std::string title = TRY(ItemTitleInPlan(*c, h.item_id, round.plan_id));
  auto s = TRY(c->Prepare("INSERT INTO round_highlights (round_id, item_id, reason, internal, by_name, at) VALUES (?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT(round_id, item_id) DO UPDATE SET reason = excluded.reason, internal = excluded.internal, "
                          "by_name = excluded.by_name, at = excluded.at"));
  s.Bind(1, h.round_id).Bind(2, h.item_id).Bind(3, h.reason).Bind(4, h.internal).Bind(5, meta.author).Bind(6, meta.now);
  RETURN_IF_ERROR(s.Run());
  RETURN_IF_ERROR(RecordEvent(*c, round.plan_id, meta, "highlight_set", title));
  RETURN_IF_ERROR(BumpPlan(*c, round.plan_id));
  return tx.Commit();
}

Status SqlitePlanStore::RemoveHighlight(RoundId round_id, ItemId item, const WriteMeta& meta) {
  if (meta.author.empty()) return NoAuthor();
  auto c = TRY(db_.Acquire());
  auto tx = TRY(Transaction::Begin(*c));
  auto round = TRY(OpenRoundForChange(*c, round_id));
  auto s = TRY(c->Prepare("DELETE FROM round_highlights WHERE round_id = ? AND item_id = ?"));
  s.Bind(1, round_id).Bind(2, item);
  RETURN_IF_ERROR(s.Run());
  if (c->Changes() != 1) return NotFound("Punktet er ikke fremhævet i runden.");
  auto title = ItemTitleInPlan(*c, item, round.plan_id);
  RETURN_IF_ERROR(RecordEvent(*c, round.plan_id, meta, "highlight_removed", title.ok() ? *title : std::to_string(item)));
  RETURN_IF_ERROR(BumpPlan(*c, round.plan_id));
  return tx.Commit();
}

Result<std::vector<Highlight>> SqlitePlanStore::ListHighlights(RoundId round) {
  auto c = TRY(db_.Acquire());
  (void)TRY(ReadRoundById(*c, round));
  return QueryAll(*c,
                  "SELECT round_id, item_id, reason, internal, by_name, at FROM round_highlights WHERE round_id = ? "
                  "ORDER BY at, item_id",
                  [&](Stmt& s) { s.Bind(1, round); }, ReadHighlight);
}

}  // namespace bs
