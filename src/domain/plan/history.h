// History of plan items, status updates and published versions (issue 4). History is
// append-only: every write to an item stores the item's whole new state as a revision,
// with who, when, from where, and an optional comment. What changed is derived by
// comparing consecutive revisions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"
#include "domain/plan/plan_item.h"

namespace bs {

using VersionId = int64_t;

struct HistoryEntry {
  ItemId item_id = 0;
  int64_t revision = 0;
  int64_t at = 0;          // unix seconds
  std::string author;
  std::string source;      // form, api, import, restore, status, demo
  std::string action;      // create, update, status, delete
  std::string comment;
  PlanItem item;           // the item as it was after this revision
};

// One field that differs between two states of an item, in display form.
struct FieldChange {
  std::string field;   // "title", "amount_2025", ...
  std::string label;   // "Titel", "Beløb 2025"
  std::string before;  // display text; "" when empty
  std::string after;
  bool is_text = false;  // long text: worth a word diff
};

// Every field that differs, in form order; themes and lines resolved by the caller's names.
std::vector<FieldChange> DiffItems(const ItemData& before, const ItemData& after,
                                   const std::vector<Theme>& themes, const std::vector<StrategicLine>& lines);

enum class ObsAction { kNone, kRaise, kResolve };

// A dated status entry by a named person: the quick path for a head of department.
struct StatusUpdate {
  int64_t id = 0;
  ItemId item_id = 0;
  int64_t item_revision = 0;  // the item revision it produced
  Date as_of;
  std::string author;
  std::string status_text;
  ProgressState state = ProgressState::kNotStarted;
  TrafficLight traffic_light = TrafficLight::kNone;
  std::map<int, Amount> realised;  // expected realised effect per budget year
  ObsAction obs_action = ObsAction::kNone;
  std::string obs_note;
  int64_t created_at = 0;
  int64_t round_id = 0;  // the reporting round it was given in (issue 11); 0: none open
};

struct StatusDraft {
  std::string as_of, author, status_text, state, traffic_light, obs_action, obs_note;
  std::map<std::string, std::string> realised;  // "2025" -> "-400"
};

// Validates a status update against the item it updates and the plan's period. The
// author must be named; raising an OBS point needs a note; resolving needs an open one.
Result<StatusUpdate> ValidateStatus(const StatusDraft& draft, const ItemData& item, int first_year, int last_year);
// The item's data after applying a status update (status, state, light, OBS, and the
// expected realised effect of the years the update names; other years keep theirs).
ItemData ApplyStatus(const ItemData& item, const StatusUpdate& update);
std::string_view Slug(ObsAction a);

// A published, immutable snapshot of a whole plan.
struct Version {
  VersionId id = 0;
  PlanId plan_id = 0;
  std::string name;             // "Status pr. ultimo maj 2025"
  Date as_of;                   // 31-05-2025
  std::string reporting_round;  // "Budgetopfølgning 2 pr. 31.05.2025", optional
  int64_t published_at = 0;
  std::string published_by;
  int64_t item_count = 0;
};

// A change to a plan's structure or the municipality's bodies (append-only).
struct PlanEvent {
  int64_t id = 0;
  PlanId plan_id = 0;  // 0: municipality-wide (a body)
  int64_t at = 0;
  std::string author;
  std::string source;
  std::string action;  // plan_created, theme_added, strategic_line_added, version_published, body_changed,
                       // round_opened, round_closed, highlight_set, highlight_removed
  std::string detail;  // the name concerned
};
std::string_view PlanEventLabel(const std::string& action);

struct VersionDraft {
  std::string name, as_of, reporting_round;
};
Result<Version> ValidateVersion(const VersionDraft& draft, PlanId plan);

}  // namespace bs
