// The port through which the import use cases read files (issue 13), implemented by
// importers/plan_sheet (XLSX and CSV through importers/sheet). The web pages and the
// command line hand the use cases a file's bytes; how columns are recognised and rows
// read is the importer's, what the rows do to the plan is PlanImportService's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/plan_register.h"
#include "core/result.h"

namespace bs {

struct PlanSheetRequest;
struct RealisedRequest;

// One column of a sheet's header row and the field it is mapped to.
struct ImportColumn {
  size_t index = 0;
  std::string letter;  // "C"
  std::string header;  // as written
  std::string field;   // "" = not imported
};

struct ImportFieldChoice {
  std::string field;
  std::string label;
};

// A sheet read with a mapping: the columns as mapped, and the rows as a request.
struct SheetRead {
  int header_row = 0;
  std::vector<ImportColumn> columns;
  std::string layout_key;    // where the mapping is remembered
  std::string mapping_json;  // the mapping used, to remember once applied
  std::vector<std::string> notes;  // "Filen var i Windows-1252 ..."
  size_t sheet_rows = 0;
};

class ImportReader {
 public:
  virtual ~ImportReader() = default;

  // Reads a plan sheet. `mappings` are applied over the proposed mapping in order (the
  // remembered one, then the user's changes); each is the JSON of docs/import.md. Errors:
  // InvalidArgument or TooLarge for a file that is no sheet, with a Danish message;
  // InvalidArgument with field errors for a mapping that names unknown fields.
  virtual Result<SheetRead> ReadPlanSheet(std::string_view bytes, const std::string& filename, const PlanContext& ctx,
                                          const std::vector<std::string>& mappings, PlanSheetRequest* request) const = 0;
  // The layout key of a plan sheet's proposed header row, to look up a remembered mapping
  // before ReadPlanSheet ("" when the file is not a sheet).
  virtual std::string PlanSheetLayoutKey(std::string_view bytes, const std::string& filename) const = 0;
  // Every field a column can be mapped to, in form order.
  virtual std::vector<ImportFieldChoice> FieldChoices(int first_year, int last_year) const = 0;

  // Reads realised amounts (key, year, amount, optionally date).
  virtual Result<SheetRead> ReadRealised(std::string_view bytes, const std::string& filename,
                                         RealisedRequest* request) const = 0;
};

}  // namespace bs
