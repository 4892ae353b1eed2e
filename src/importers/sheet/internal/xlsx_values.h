// The small pure pieces of the XLSX reader, apart so that they are tested one by one:
// cell references, number formats that show dates, serial dates, number text and the
// _xHHHH_ escapes of SpreadsheetML strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bs::sheet::internal {

inline constexpr int kMaxRows = 1'048'576;  // Excel's last row

struct CellRef {
  int row = 0;        // 1-based
  size_t column = 0;  // 0-based
};
// "C7" (or "$C$7"): one to three letters and a row 1..1048576; nullopt otherwise.
std::optional<CellRef> ParseCellRef(std::string_view ref);

// ECMA-376 18.8.30: the built-in formats 14-22 show dates (22 with a time) and 45-47
// times; Excel stores both as serial numbers.
bool IsBuiltInDateFormat(unsigned id);
// A custom format code shows a date when, outside quotes, brackets ("[Red]", "[$-406]")
// and escaped characters, it has a d or a y, or an m that is a month: an m in a format
// with h or s ("h:mm", "mm:ss") is minutes, so a time-only format is not a date.
bool IsDateFormatCode(std::string_view code);

// "dd-mm-yyyy" for a serial date (the fraction, a time of day, is dropped), in the 1900
// date system with Lotus 1-2-3's leap day (serial 60 is 29-02-1900, 0 is 00-01-1900
// as Excel shows them) or the 1904 system. nullopt for a serial before 0 or after 9999.
std::optional<std::string> DateText(double serial, bool date1904);
// The serial of an ISO 8601 date ("2025-06-10" or "2025-06-10T00:00:00", t="d" cells).
std::optional<double> SerialFromIsoDate(std::string_view iso, bool date1904);

// The shortest decimal text that reads back as `number` ("-1250.5", "0.30000000000000004").
std::string NumberText(double number);

// SpreadsheetML escapes characters XML cannot hold as "_xHHHH_" ("_x000D_" is CR);
// "_x005F_" escapes an underscore. Returns the text with them decoded.
std::string DecodeEscapes(std::string_view s);

}  // namespace bs::sheet::internal
