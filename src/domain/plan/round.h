// Reporting rounds (statusrunder, issue 11): the period before a status version, e.g. the
// half-yearly status to ØK or a budget follow-up round. Økonomi opens a round with a
// cut-off; every responsible person reports on their items; an item without a report
// in the round is "afventer status", never silently green; the directors mark what is
// highlighted to ØK; closing the round publishes a version named after it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/plan/history.h"
#include "domain/plan/plan_item.h"

namespace bs {

using RoundId = int64_t;

struct ReportingRound {
  RoundId id = 0;
  PlanId plan_id = 0;
  std::string name;      // "Halvårsstatus juni 2025"
  Date cutoff;           // status is due by this day
  std::string followup;  // the budget follow-up round it belongs to, optional
  int64_t opened_at = 0;
  std::string opened_by;
  int64_t closed_at = 0;  // 0 while open
  std::string closed_by;
  VersionId version_id = 0;  // the version published when it closed, if any
  // Completeness when it closed (kept in history; live while open).
  int64_t reported_count = 0;
  int64_t item_count = 0;

  bool open() const { return closed_at == 0; }
};

struct RoundDraft {
  std::string name, cutoff, followup;
};
// Name 1-200 characters, a cut-off date; every wrong field reported.
Result<ReportingRound> ValidateRound(const RoundDraft& draft, PlanId plan);

// An item the directors lift to ØK in a round, with a short reason. An internal reason
// is shown only to staff; otherwise the reason goes with the item into the report.
struct Highlight {
  RoundId round_id = 0;
  ItemId item_id = 0;
  std::string reason;
  bool internal = false;
  std::string by;
  int64_t at = 0;
};
inline constexpr size_t kMaxHighlightChars = 500;
// The reason is required (1-500 characters, one line).
Result<Highlight> ValidateHighlight(RoundId round, ItemId item, const std::string& reason, bool internal);

// Whether an item takes part in a round: every item still to be done (not completed or
// dropped), and any item that reported in the round (a report may complete it).
bool TakesPart(const ItemData& item, bool reported_in_round);

// The version a round publishes when it closes: named after the round, as of its cut-off,
// tied to its budget follow-up round (or the round's own name).
VersionDraft VersionForRound(const ReportingRound& round);

}  // namespace bs
