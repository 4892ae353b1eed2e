// The agenda import pages (issue 13): the form to paste or upload an agenda text for a
// meeting, and the review of what saving it would do, with every problem and every line
// the import did not recognise.
#pragma once

#include <string>
#include <vector>

#include "app/agenda_import.h"

namespace bs::web::views {

struct AgendaImportModel {
  Meeting meeting;
  std::string body_name;
  std::vector<std::string> layouts;
  std::string layout;  // chosen ("" detects)
  std::string text;    // as pasted or uploaded, kept in the form for "Gem i mødet"
  std::string source;  // the uploaded file's name
  std::string message;  // why the text could not be read or saved
  std::vector<FieldError> errors;
  const AgendaImportResult* result = nullptr;  // the review; nullptr on the first form
};
std::string AgendaImportPage(const AgendaImportModel& m);

}  // namespace bs::web::views
