// The generated reports (issue 11): the plan, a committee's extract, the half-yearly
// status to ØK and the directors' monthly status of cross-cutting items, each from a
// published version (public) or from the live plan for those who read it (marked as a
// draft). Build() takes the viewer and returns a Report already redacted for them; the
// page, the PDF, the sheet and the CSV file are all drawn from it (app/report_model.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/plan_register.h"
#include "app/ports/plan_store.h"
#include "app/report_model.h"
#include "app/round_service.h"
#include "core/clock.h"

namespace bs {

struct ReportRequest {
  ReportKind kind = ReportKind::kPlan;
  PlanId plan = 0;
  // Which state of the plan: a version, the newest published one, or the live plan.
  enum class Basis { kDefault, kLatest, kVersion, kLive };
  Basis basis = Basis::kDefault;  // kDefault: the newest version, or live when none and the viewer reads live
  VersionId version = 0;          // kVersion
  std::string committee;          // kExtract: the body's code
  std::optional<Date> month;      // kMonthly: any day of the month; default the basis' month
  ItemFilter filter;              // kPlan: the filter of the page it was asked from
  bool filtered = false;          // the filter narrows the plan (the title says so)
  // The public edition whoever asks: internal fields, internal highlight reasons and who
  // reported are left out (a report that becomes an open attachment, `--edition offentlig`).
  bool public_edition = false;
  // What the format will draw (PartsFor): the report holds at least those parts.
  ReportParts parts = ReportParts::kAll;
};

// What a report page offers to choose from.
struct ReportChoices {
  std::vector<Version> versions;  // newest first
  bool live = false;              // the viewer may ask for a draft of the live plan
  std::vector<Body> committees;   // bodies with an extract
};

class ReportService {
 public:
  ReportService(PlanStore& store, PlanRegister& plans, RoundService& rounds, const Clock& clock)
      : store_(store), plans_(plans), rounds_(rounds), clock_(clock) {}

  // NotFound for an unknown plan, version or committee (and for a plan whose existence
  // is not public); PermissionDenied for a draft the viewer may not read; Conflict
  // ("har ingen offentliggjort version") when a version is asked for and there is none.
  Result<Report> Build(const Viewer& v, const ReportRequest& request);
  Result<ReportChoices> Choices(const Viewer& v, PlanId plan);
  // Changes whenever any report of the plan may change: a key for caching rendered
  // reports (with the request and the viewer's access class).
  Result<int64_t> Stamp(PlanId plan) { return plans_.PlanRevision(plan); }

 private:
  struct Basis;
  Result<Basis> LoadBasis(const Viewer& v, const ReportRequest& request);
  PlanStore& store_;
  PlanRegister& plans_;
  RoundService& rounds_;
  const Clock& clock_;
};

}  // namespace bs
