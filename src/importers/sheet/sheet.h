// A spreadsheet as the importers see it (issue 13): rows of cells with the row numbers
// the spreadsheet program shows, read from XLSX (libzip + pugixml) or CSV (any of
// ';' ',' TAB, UTF-8 or Windows-1252). Reading never throws and is bounded: a zip bomb,
// a 50 MB file or millions of cells are refused with a Danish message, never a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"

namespace bs::sheet {

struct Cell {
  // The value as the sheet shows it (trimmed, valid UTF-8): shared/inline strings as
  // written; numbers as the shortest decimal text ("-1250.5"); dates (a serial number in
  // a cell with a date format) as "dd-mm-yyyy"; booleans "1"/"0".
  std::string text;
  // Set when the cell holds a number (XLSX numeric cells, including dates' serials, and
  // formulas' cached numeric values). CSV cells never set it: their text is parsed.
  std::optional<double> number;
  bool date = false;               // a number shown as a date
  bool formula = false;            // the cell had a formula (its cached value is used)
  bool formula_without_value = false;  // a formula with no cached value (text empty)
  bool merged_copy = false;        // filled in from the top-left cell of a vertical merge
};

struct Row {
  int number = 0;           // 1-based, as shown: XLSX row r, or the CSV line the record starts on
  std::vector<Cell> cells;  // column 0 = A; trailing empty cells dropped
  bool Empty() const;       // no cell with text
};

enum class Format { kXlsx, kCsv };

struct Sheet {
  Format format = Format::kCsv;
  std::string name;            // the worksheet's name (XLSX) or the file's name (CSV)
  std::vector<Row> rows;       // ascending by number; entirely empty rows may be absent
  char delimiter = 0;          // CSV only: ';', ',' or '\t'
  bool converted_from_windows_1252 = false;  // CSV only
  std::vector<std::string> notes;  // what was handled on the way ("Filen var i Windows-1252 ...")
};

struct Limits {
  size_t max_file_bytes = 50u * 1024 * 1024;      // the upload/file itself
  size_t max_inflated_bytes = 200u * 1024 * 1024; // sum of the XLSX parts read, checked before inflating
  size_t max_cells = 2'000'000;                   // non-empty cells
  size_t max_columns = 16384;                     // XFD
};

// Reads the first worksheet of an XLSX (by its bytes: "PK\3\4") or else a CSV. The file
// name is used only for messages and Sheet::name. Errors are InvalidArgument (wrong type:
// "Filen er hverken et XLSX-regneark eller en CSV-fil."; broken zip; not UTF-8 or
// Windows-1252 text) or TooLarge (limits), with a Danish message saying where and why.
Result<Sheet> Read(std::string_view bytes, std::string_view filename, const Limits& limits = {});

// Column letters: 0 -> "A", 27 -> "AB".
std::string ColumnName(size_t index);

// An amount in 1.000 kr. as sheets write it: Danish "-1.250,5", "1.250" (thousands),
// "(1.250)" (negative), "−1.250" (U+2212), "1250.5" and "-1,250.5" (English), "-" or "–"
// alone (zero), with or without "kr."/spaces; a numeric cell's number is used as is.
// Empty text gives nullopt. Errors are InvalidArgument with a Danish message
// ("«12x» er ikke et beløb.").
Result<std::optional<Amount>> ParseAmount(const Cell& cell);

}  // namespace bs::sheet
