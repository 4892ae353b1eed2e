// The plan sheet importer (issue 13): finds the header row of an udmøntningsplan sheet,
// proposes which column is which field from the Danish words municipalities write
// ("Nr.", "Forslag nr.", "Emne", "Fagudvalg", "Trafiklys", "Budget 2026", "B2026",
// "Overslagsår 2027" ...), and turns the rows below it into PlanSheetRequest rows:
// heading rows ("Driftsændringer", a committee's name, a theme) set the category,
// committee or theme of the rows under them; traffic lights and states written as words;
// an X column for completed; Danish amounts. The realised-amounts sheet (key, year,
// amount, date) is read here too. Every problem is located by row and column.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/plan_import.h"
#include "importers/sheet/sheet.h"

namespace bs::plan_sheet {

struct ColumnMapping {
  size_t column = 0;   // 0 = A
  std::string header;  // as written
  std::string field;   // a SheetRow field ("code", "amount_2026", "completed" ...) or "" to ignore
};

struct Mapping {
  int header_row = 0;  // as shown, 1-based; 0: no header row found
  std::vector<ColumnMapping> columns;
  std::map<std::string, std::string> committees;  // see PlanSheetRequest::committee_map

  // The key under which a confirmed mapping is remembered: the kind and the header row,
  // case-folded ("plan-sheet|nr.|emne|udvalg|2025").
  std::string LayoutKey(std::string_view kind) const;
  // {"header_row": 3, "columns": {"<header as written>": "<field>"}, "committees": {...}}
  std::string ToJson() const;
  // Overrides this mapping's fields with a mapping file's or a remembered one (same shape;
  // a flat {"header": "field"} object is accepted too). Unknown fields, and a field named
  // for two columns, are InvalidArgument; a field it gives a column is taken from any
  // column it does not name (a partial mapping moves a field, it does not copy it).
  Status Apply(std::string_view json);
};

// Every field a column can be mapped to, with its Danish label, in form order
// (amount columns are "amount_YYYY", one per budget year).
using FieldChoice = ImportFieldChoice;
std::vector<FieldChoice> FieldChoices(int first_year, int last_year);
// The field a header names, or "" (the header-word dictionary).
std::string FieldForHeader(std::string_view header);
// The label of a field ("Beløb 2026"), for pages and messages.
std::string FieldLabel(std::string_view field);

// Finds the header row (the first of the rows among the first 40 whose cells name the
// most distinct fields: a data row of "x" marks does not outscore the header)
// and proposes a field per column.
Mapping ProposeMapping(const sheet::Sheet& sheet);

// The rows below the header as a request for PlanImportService. Needs the plan's
// context to tell a committee or theme heading row from an item.
PlanSheetRequest ReadRows(const sheet::Sheet& sheet, const Mapping& mapping, const PlanContext& ctx,
                          PlanId plan, const std::string& filename);

// The CLI contract (docs/import.md): {"mapping", "items", "problems"} and, added,
// "summary" and "unknown_committees".
std::string ResultJson(const SheetRead& read, const PlanImportResult& result, const PlanContext& ctx);

// ---- Realised amounts from the finance system ----
struct RealisedMapping {
  int header_row = 0;
  int key = -1, year = -1, amount = -1, date = -1;  // column indexes, -1: none
  bool kroner = false;  // the amount column says kr. (not 1.000 kr.): divided by 1.000
  std::map<std::string, std::string> HeaderMap(const sheet::Sheet& sheet) const;
};
RealisedMapping ProposeRealisedMapping(const sheet::Sheet& sheet);
RealisedRequest ReadRealised(const sheet::Sheet& sheet, const RealisedMapping& mapping, PlanId plan,
                             const std::string& filename);
std::string RealisedJson(const SheetRead& read, const RealisedResult& result);

// The ImportReader port over the functions above.
class SheetImportReader final : public ImportReader {
 public:
  explicit SheetImportReader(sheet::Limits limits = {}) : limits_(limits) {}
  Result<SheetRead> ReadPlanSheet(std::string_view bytes, const std::string& filename, const PlanContext& ctx,
                                  const std::vector<std::string>& mappings, PlanSheetRequest* request) const override;
  std::string PlanSheetLayoutKey(std::string_view bytes, const std::string& filename) const override;
  std::vector<ImportFieldChoice> FieldChoices(int first_year, int last_year) const override;
  Result<SheetRead> ReadRealised(std::string_view bytes, const std::string& filename,
                                 RealisedRequest* request) const override;

 private:
  sheet::Limits limits_;
};

}  // namespace bs::plan_sheet
