// A report (issue 11) as PDF, drawn with cairo and pango: A4 landscape, a running
// header with the municipality, the report, the version and its date, "Side N af M",
// a title block and contents with page numbers (two passes: measure, then draw),
// headings in the outline and as link targets, tables with their header repeated on
// every page, OBS points in red, redline as red underlined and struck-through text,
// charts as bars. The PDF is tagged (headings, paragraphs, lists, tables) and carries
// the language da-DK.
#pragma once

#include <string>

#include "app/report_model.h"
#include "core/result.h"

namespace bs::pdf {

// Internal when cairo fails.
Result<std::string> RenderReport(const Report& report);

// Adds /Lang to the document catalogue of a PDF cairo wrote, as an incremental update
// (a new catalogue object, an xref section and a trailer pointing back): cairo 1.16
// cannot set it. Returns the input unchanged when it does not recognise the structure.
std::string WithLanguage(std::string pdf, const std::string& lang);

}  // namespace bs::pdf
