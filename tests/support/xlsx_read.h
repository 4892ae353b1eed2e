// Reads an XLSX file back for tests (libzip + pugixml): the sheets in order, each cell's
// value as written (shared or inline strings, numbers) and its number format, so that
// exports are compared cell by cell (STYLE.md habit 13). Sizes are checked before
// inflating (no zip bombs in tests either).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bs::testing {

struct XlsxCell {
  std::string ref;         // "B3"
  std::string value;       // text, or the number as written
  bool number = false;
  std::string num_format;  // "#,##0", "" for General
  bool bold = false;
};

struct XlsxSheet {
  std::string name;
  std::vector<XlsxCell> cells;  // row by row
  std::string frozen;           // the top-left cell of the unfrozen pane ("A2"), "" if none
  std::string autofilter;       // "A1:V41"
  std::map<int, double> widths; // column (0-based) -> width
  const XlsxCell* At(const std::string& ref) const;
};

struct XlsxBook {
  std::vector<XlsxSheet> sheets;
  std::string title;  // docProps/core.xml dc:title
  const XlsxSheet* Sheet(const std::string& name) const;
  // Every text and number in the book, one per line (for "does X appear anywhere").
  std::string AllText() const;
};

std::optional<XlsxBook> ReadXlsx(const std::string& bytes);

}  // namespace bs::testing
