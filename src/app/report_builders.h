// Internal to ReportService: the four reports as pure functions of data already loaded
// and redacted for the viewer, so each can be tested without a store.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/plan_register.h"
#include "app/report_model.h"
#include "app/round_service.h"

namespace bs::report {

// The state of the plan a report is made from, redacted for the viewer.
struct Basis {
  PlanContext ctx;
  std::vector<PlanItem> items;     // sorted by code
  std::optional<Version> version;  // empty: the live plan (a draft)
  Date as_of;                      // the version's date, or today
  std::string municipality;
  bool internal = false;           // the viewer sees internal fields
  std::optional<RoundMark> open_round;  // live only: items awaiting status
  Date today;
  ReportParts parts = ReportParts::kAll;  // what the format draws; others may be left out

  bool Page() const { return parts != ReportParts::kPrimary; }    // blocks on the page
  bool Sheets() const { return parts == ReportParts::kAll; }      // sheet-only, not primary
  bool Primary() const { return parts != ReportParts::kPage; }   // the primary (CSV) table
};

Report PlanReport(const Basis& basis, bool filtered);
Report ExtractReport(const Basis& basis, const Body& committee);

struct HalfYearData {
  std::optional<ReportingRound> round;     // the round behind the version (or the open round)
  std::vector<HighlightView> highlights;
  std::optional<Version> previous;         // the version before, for the redline
  // Its items, redacted (for staff the store's own shared copy); empty without a previous.
  std::shared_ptr<const std::vector<PlanItem>> previous_items = std::make_shared<const std::vector<PlanItem>>();
  int round_items = 0, round_reported = 0; // completeness
  bool staff = false;  // the reader may see the round's progress and who highlighted
};
Report HalfYearReport(const Basis& basis, const HalfYearData& data);

struct MonthlyData {
  Date month;                              // the first of the month
  std::vector<StatusUpdate> updates;       // up to the month's end, newest first, redacted
  bool show_authors = false;               // the viewer may read status entries
};
Report MonthlyReport(const Basis& basis, const MonthlyData& data);

// The notes under a report's facts: a draft, an open round (what awaits status) or the
// round that published the version (what gave no status).
void DraftNote(const Basis& basis, Report& r);
// Shared by the builders: the header of every report.
Report StartReport(const Basis& basis, ReportKind kind, std::string title);
// Whether a treatment step is "coming" seen from `as_of`: in the six months after its month.
bool IsComing(const Timing& when, const Date& as_of);
// Indicative timing passed before `as_of` for an item not completed or dropped.
bool IsOverdue(const ItemData& item, const Date& as_of);

}  // namespace bs::report
