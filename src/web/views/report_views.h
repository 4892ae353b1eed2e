// The reports as pages (issue 11): the same Report the PDF, sheet and CSV are drawn
// from, as HTML through the one escaping helper, with charts as inline SVG whose
// figures stand in a table beside them. Views decide nothing: what to offer comes in
// the model.
#pragma once

#include <string>
#include <vector>

#include "app/report_model.h"
#include "app/report_service.h"
#include "web/html.h"

namespace bs::web::views {

struct ReportPageModel {
  const Report* report = nullptr;
  PlanId plan = 0;
  std::string plan_name;
  const ReportChoices* choices = nullptr;
  // The request as asked, to keep it in the chooser and the download links.
  std::string version;    // "", "latest", "live" or an id
  std::string committee;
  std::string month;      // "04-2025"
  std::string filter_query;  // the plan page's filter, kept in the links (kind plan)
  bool live_plan_link = false;  // the viewer reads the live plan (breadcrumb)
};
std::string ReportPage(const ReportPageModel& model);
// The report alone as a standalone HTML document (the command line's --format html).
std::string ReportDocument(const Report& report);

// The page listing the reports of a plan, with what can be chosen.
std::string ReportsIndexPage(PlanId plan, const std::string& plan_name, const ReportChoices& choices,
                             bool live_plan_link);

// Draws the report's blocks into h (shared by both pages above). `link_items`: item
// titles link to the live item pages (for those who read the live plan).
void ReportBody(Html& h, const Report& report, bool link_items = false);

}  // namespace bs::web::views
