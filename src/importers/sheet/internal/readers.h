// What sheet.cpp shares with the two readers (not API): the readers themselves, which
// Read() dispatches to, and the RowsBuilder that places cells and enforces the limits
// the same way for both.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "importers/sheet/sheet.h"

namespace bs::sheet::internal {

// The first worksheet of a zip that starts with "PK". `bytes` is within max_file_bytes.
Result<Sheet> ReadXlsx(std::string_view bytes, std::string_view filename, const Limits& limits);
// A text file; `bytes` is within max_file_bytes.
Result<Sheet> ReadCsv(std::string_view bytes, std::string_view filename, const Limits& limits);

inline Error TooLarge(std::string message) { return MakeError(ErrorCode::kTooLarge, std::move(message)); }

// "50 MB", "64 kB", "900 byte": a limit as people read it.
std::string FormatBytes(size_t bytes);
// "2.000.000": a count the Danish way.
std::string FormatCount(size_t count);

// Text from the file made safe to show in a message or a name: valid UTF-8 (other bytes
// become '?'), one line, at most `max_chars` code points ("…" when cut).
std::string Shown(std::string_view raw, size_t max_chars);

// A cell counts as empty when it shows nothing and is not a formula without a value
// (which the importer wants to report, so it is kept).
inline bool IsEmpty(const Cell& cell) { return cell.text.empty() && !cell.formula_without_value; }

// Collects cells by (row, column) and enforces the limits while doing so, so that no
// input can make the reader hold more than the limits allow:
//   - at most max_cells non-empty cells;
//   - no column at or past max_columns;
//   - at most 2 * max_cells + max_columns stored positions: a row keeps a vector of
//     cells up to its last one, so a lone cell in column XFD costs 16384 positions and
//     a sheet of such rows would otherwise exhaust memory while holding few cells;
//   - at most `max_text_bytes` of text in total: one long shared string referenced by
//     every cell would otherwise multiply (the XLSX reader passes max_inflated_bytes).
class RowsBuilder {
 public:
  RowsBuilder(const Limits& limits, size_t max_text_bytes)
      : limits_(limits), max_text_bytes_(max_text_bytes) {}

  // Places `cell` at `row` (1-based) and `column` (0-based), replacing what was there.
  // Empty cells are not stored. TooLarge past a limit.
  Status Put(int row, size_t column, Cell cell);
  // The cell at (row, column), or nullptr when none is stored there.
  const Cell* Find(int row, size_t column) const;
  // Counts work that does not store a cell (merge ranges over filled cells) against
  // max_cells, so that no input makes the reader loop unboundedly.
  Status Charge(size_t units);
  // The rows in ascending order, trailing empty cells and rows without cells dropped.
  std::vector<Row> Finish() &&;

 private:
  const Limits& limits_;
  size_t max_text_bytes_;
  std::map<int, std::vector<Cell>> rows_;
  size_t cells_ = 0;
  size_t positions_ = 0;
  size_t text_bytes_ = 0;
  size_t work_ = 0;
};

}  // namespace bs::sheet::internal
