// The import pages (issue 13): the upload form, the mapping step with the dry run
// beside it, and the result once applied.
#pragma once

#include <string>
#include <vector>

#include "app/plan_import.h"

namespace bs::web::views {

struct ImportStartModel {
  const PlanContext* ctx = nullptr;
  std::string message;  // an upload that could not be read
  std::vector<FieldError> errors;
};
std::string ImportStartPage(const ImportStartModel& m);

struct ImportPreviewModel {
  const PlanContext* ctx = nullptr;
  int64_t upload_id = 0;
  std::string filename;
  const SheetImport* sheet = nullptr;        // a plan sheet, or
  const RealisedImport* realised = nullptr;  // realised amounts
  std::vector<ImportFieldChoice> choices;
  std::string message;  // why apply was refused, or a stale item
  bool applied = false;
};
std::string ImportPreviewPage(const ImportPreviewModel& m);

}  // namespace bs::web::views
