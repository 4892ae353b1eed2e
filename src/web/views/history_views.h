// HTML for history, status updates, versions and redline (issue 4). Redline uses
// <ins>/<del> with visually hidden text labels, so it reads without colour and by a
// screen reader.
#pragma once

#include "domain/plan/round.h"

#include <optional>
#include <string>
#include <vector>

#include "app/plan_register.h"
#include "web/html.h"
#include "web/list_query.h"

namespace bs::web::views {

// Appends word-diff segments as <ins>/<del> with labels.
void Segments(Html& h, const std::vector<Segment>& segments);

struct StatusFormModel {
  StatusDraft draft;
  std::vector<FieldError> errors;
  std::string message;
  bool show_form = false;   // the viewer may report status on this item
  bool obs_fields = false;  // and raise or resolve OBS points
};
// The item's status section: planned vs realised, the update form, the updates.
void StatusSection(Html& h, const PlanContext& ctx, const PlanItem& item, const std::vector<StatusUpdate>& updates,
                   const StatusFormModel& form);
// The history timeline, newest first; `limit` 0 = all.
void HistoryTimeline(Html& h, const PlanContext& ctx, const PlanItem& item, const std::vector<HistoryEntry>& history,
                     size_t limit);
std::string HistoryPage(const PlanContext& ctx, const PlanItem& item, const std::vector<HistoryEntry>& history);

// caps: what to offer (publish form, the event log, comparisons with the live plan).
std::string VersionsPage(const PlanContext& ctx, const std::vector<Version>& versions, const VersionDraft& draft,
                         const std::vector<FieldError>& errors, const std::vector<PlanEvent>& events,
                         const Capabilities& caps);
// «Offentliggør version?» (issue 14): what will be published, to whom, and what is missing
// (items still awaiting status in an open round), before the POST that publishes.
struct ConfirmVersionModel {
  const PlanContext* ctx = nullptr;
  VersionDraft draft;
  int64_t items = 0;
  std::optional<ReportingRound> open_round;
  size_t awaiting = 0;
};
std::string ConfirmVersionPage(const ConfirmVersionModel& m);
std::string RedlinePage(const PlanContext& ctx, const RedlineView& view,
                        const std::vector<Version>& versions, const Capabilities& caps);

// The conflict table shown on a 409: the other person's saved value beside the user's.
struct ConflictRow {
  std::string label, theirs, yours;
};
void ConflictTable(Html& h, const std::vector<ConflictRow>& rows);

}  // namespace bs::web::views
