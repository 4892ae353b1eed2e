// Reporting rounds (statusrunder, issue 11): the use cases. Every call takes the viewer
// and asks the access rule (Resource::Kind::kRound): økonomi and administrators open
// and close rounds, the directors highlight items for ØK, staff read the progress, and
// each responsible person sees "Mine punkter i runden". Views come back redacted.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/plan_register.h"
#include "app/ports/plan_store.h"
#include "core/clock.h"
#include "domain/plan/round.h"

namespace bs {

// Reported / in the round, for one committee or one responsible person.
struct RoundTally {
  std::string key;    // committee code or the responsible's name ("" = none)
  std::string label;  // "Børne- og Ungdomsudvalget (BUU)", "Uden ansvarlig"
  int items = 0;
  int reported = 0;
};

// A highlighted item with its reason as this viewer may see it.
struct HighlightView {
  Highlight highlight;  // reason emptied when internal and the viewer is not staff
  PlanItem item;
  bool reason_hidden = false;
};

// A round as pages mark it: which items still await a status (open), or gave none (the
// version a closed round published).
struct RoundMark {
  ReportingRound round;
  std::set<ItemId> awaiting;  // items taking part without a status in the round
  std::set<ItemId> reported_items;  // items that gave their status in the round
  int items = 0;
  int reported = 0;
};

struct RoundView {
  ReportingRound round;
  Plan plan;
  std::optional<Version> version;  // published when it closed
  int items = 0;                   // taking part
  int reported = 0;
  std::vector<RoundTally> by_committee, by_responsible;
  std::vector<PlanItem> missing;        // taking part, not reported; plan order
  std::vector<PlanItem> mine;           // the viewer's own items taking part
  std::set<ItemId> reported_items;
  std::vector<HighlightView> highlights;
  std::vector<PlanItem> candidates;     // items a director may highlight (in the round)
  bool may_close = false;
  bool may_highlight = false;
};

class RoundService {
 public:
  RoundService(PlanStore& store, PlanRegister& plans, const Clock& clock) : store_(store), plans_(plans), clock_(clock) {}

  // Økonomi opens a round. FieldErrors for a bad draft; Conflict when one is open;
  // AlreadyExists for a name used before; FailedPrecondition-like Conflict when no item
  // would take part ("Runden har ingen punkter").
  Result<ReportingRound> Open(const Viewer& v, PlanId plan, const RoundDraft& draft);
  // Closes the round with its completeness; with `publish` a version named after it is
  // published in the same step. Conflict when closed already.
  Result<ReportingRound> Close(const Viewer& v, RoundId round, bool publish);
  // Directors only; FieldErrors for a missing reason; Conflict when closed.
  Status SetHighlight(const Viewer& v, RoundId round, ItemId item, const std::string& reason, bool internal);
  Status RemoveHighlight(const Viewer& v, RoundId round, ItemId item);

  Result<RoundView> View(const Viewer& v, RoundId round);
  Result<std::vector<ReportingRound>> Rounds(const Viewer& v, PlanId plan);
  // The plan's open round with the items awaiting status, for marking pages; no access
  // check (the marks show on pages the viewer already reads). nullopt when none is open.
  Result<std::optional<RoundMark>> OpenRoundMark(PlanId plan);
  // For a version a round published: the items that took part in the round without
  // giving a status (as the version has them). nullopt when no round published it.
  Result<std::optional<RoundMark>> VersionMark(PlanId plan, VersionId version);
  // The round a version was published by, if any.
  Result<std::optional<ReportingRound>> RoundOfVersion(PlanId plan, VersionId version);
  // Highlights of a round as the viewer may see them.
  Result<std::vector<HighlightView>> Highlights(const Viewer& v, const ReportingRound& round);

 private:
  Result<ReportingRound> Authorized(const Viewer& v, RoundId round, Action action);
  PlanStore& store_;
  PlanRegister& plans_;
  const Clock& clock_;
};

}  // namespace bs
