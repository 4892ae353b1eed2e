#include "importers/sheet/sheet.h"

#include <algorithm>
#include <cmath>
#include <new>

#include "core/text.h"
#include "importers/sheet/internal/readers.h"

namespace bs::sheet {
namespace internal {

std::string FormatCount(size_t count) {
  std::string digits = std::to_string(count);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

std::string FormatBytes(size_t bytes) {
  constexpr size_t kMb = 1024 * 1024;
  if (bytes >= kMb) return FormatCount(bytes / kMb) + " MB";
  if (bytes >= 1024) return FormatCount(bytes / 1024) + " kB";
  return FormatCount(bytes) + " byte";
}

std::string Shown(std::string_view raw, size_t max_chars) {
  std::string valid(raw);
  if (!text::IsValidUtf8(valid))
    for (char& c : valid)
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  return text::Truncate(text::Trim(text::CleanSingleLine(valid)), max_chars);
}

Status RowsBuilder::Put(int row, size_t column, Cell cell) {
  if (column >= limits_.max_columns)
    return TooLarge("Række " + std::to_string(row) + " har en celle i kolonne " + ColumnName(column) +
                    ", ud over de " + FormatCount(limits_.max_columns) + " kolonner, der er tilladt.");
  if (IsEmpty(cell)) return OkStatus();
  if (++cells_ > limits_.max_cells)
    return TooLarge("Regnearket har flere end " + FormatCount(limits_.max_cells) + " udfyldte celler og afvises.");
  text_bytes_ += cell.text.size();
  if (text_bytes_ > max_text_bytes_)
    return TooLarge("Regnearkets tekst fylder over " + FormatBytes(max_text_bytes_) + " og afvises.");
  std::vector<Cell>& cells = rows_[row];
  if (column >= cells.size()) {
    positions_ += column + 1 - cells.size();
    if (positions_ > 2 * limits_.max_cells + limits_.max_columns)
      return TooLarge("Regnearket har for mange celler (de tomme medregnet) og afvises.");
    cells.resize(column + 1);
  }
  cells[column] = std::move(cell);
  return OkStatus();
}

const Cell* RowsBuilder::Find(int row, size_t column) const {
  auto it = rows_.find(row);
  if (it == rows_.end() || column >= it->second.size() || IsEmpty(it->second[column])) return nullptr;
  return &it->second[column];
}

Status RowsBuilder::Charge(size_t units) {
  work_ += units;
  if (work_ > limits_.max_cells)
    return TooLarge("Regnearket har flere end " + FormatCount(limits_.max_cells) + " udfyldte celler og afvises.");
  return OkStatus();
}

std::vector<Row> RowsBuilder::Finish() && {
  std::vector<Row> out;
  out.reserve(rows_.size());
  for (auto& [number, cells] : rows_) {
    while (!cells.empty() && IsEmpty(cells.back())) cells.pop_back();
    if (cells.empty()) continue;
    out.push_back(Row{number, std::move(cells)});
  }
  return out;
}

}  // namespace internal

namespace {

using internal::TooLarge;

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return text::FoldCase(s.substr(s.size() - suffix.size())) == suffix;
}

// An HTML table saved as ".xls" is what many older systems call an Excel export.
bool LooksLikeHtml(std::string_view bytes) {
  std::string head = text::FoldCase(bytes.substr(0, 1024));
  size_t i = 0;
  if (StartsWith(head, "\xEF\xBB\xBF")) i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  return i < head.size() && head[i] == '<' &&
         (head.find("<html") != std::string::npos || head.find("<table") != std::string::npos);
}

Result<Sheet> Dispatch(std::string_view bytes, std::string_view filename, const Limits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    return TooLarge("Filen er større end " + internal::FormatBytes(limits.max_file_bytes) + ".");
  // "PK\5\6" is an empty zip: the XLSX reader says what is wrong with it.
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06"))
    return internal::ReadXlsx(bytes, filename, limits);
  if (StartsWith(bytes, "%PDF"))
    return InvalidArgument("Filen er en PDF og ikke et regneark; gem regnearket som .xlsx eller CSV.");
  // The OLE compound file of .xls; Excel also wraps a password-protected .xlsx in one.
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    if (EndsWithNoCase(filename, ".xlsx"))
      return InvalidArgument("Filen er beskyttet med adgangskode og kan ikke læses; fjern adgangskoden i Excel og gem den igen.");
    return InvalidArgument("Filen er i det gamle Excel-format (.xls); gem den som .xlsx eller CSV.");
  }
  if (EndsWithNoCase(filename, ".xlsx") || EndsWithNoCase(filename, ".xlsm"))
    return InvalidArgument("Filen hedder .xlsx, men er ikke et XLSX-regneark (ikke en zip-fil).");
  if (LooksLikeHtml(bytes))
    return InvalidArgument("Filen er en webside (HTML) og ikke et regneark; åbn den i Excel og gem den som .xlsx eller CSV.");
  return internal::ReadCsv(bytes, filename, limits);
}

// ---- ParseAmount ----

// The cell's text in a message, cut if long: a whole paragraph in a number column would
// bury the point.
std::string InMessage(std::string_view shown) { return "«" + internal::Shown(shown, 40) + "»"; }

Error NotAnAmount(const std::string& shown) { return InvalidArgument(InMessage(shown) + " er ikke et beløb."); }

// Spaces people and spreadsheet programs put in numbers: ASCII, no-break (U+00A0),
// thin (U+2009), figure (U+2007) and narrow no-break (U+202F) spaces.
std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\t') continue;
    if (s.substr(i, 2) == "\xC2\xA0") { ++i; continue; }
    if (s.substr(i, 3) == "\xE2\x80\x89" || s.substr(i, 3) == "\xE2\x80\x87" || s.substr(i, 3) == "\xE2\x80\xAF") {
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

// Removes a unit before or after the number; longest first so "t.kr." is not read as "kr.".
std::string WithoutUnit(std::string s) {
  static constexpr std::string_view kUnits[] = {"t.kr.", "tkr.", "t.kr", "tkr", "kr.", "kr"};
  for (std::string_view unit : kUnits) {
    if (s.size() > unit.size() && text::FoldCase(s.substr(s.size() - unit.size())) == unit)
      return s.substr(0, s.size() - unit.size());
    if (s.size() > unit.size() && text::FoldCase(s.substr(0, unit.size())) == unit) return s.substr(unit.size());
  }
  return s;
}

// True when `digits` (digits and `sep` only) is thousands grouped: a first group of one
// to three digits not starting with 0 ("0.500" is a half), then groups of exactly three.
bool IsThousandsGrouped(std::string_view digits, char sep) {
  size_t first = digits.find(sep);
  if (first == std::string_view::npos) return true;
  if (first == 0 || first > 3 || digits[0] == '0') return false;
  size_t group = 0;
  for (size_t i = first + 1; i < digits.size(); ++i) {
    if (digits[i] == sep) {
      if (group != 3) return false;
      group = 0;
    } else {
      ++group;
    }
  }
  return group == 3;
}

// The unsigned number: digits with '.' and ',' in any of the ways sheets write them.
Result<Amount> ParseUnsigned(const std::string& body, const std::string& shown) {
  if (body.empty()) return NotAnAmount(shown);
  for (char c : body)
    if (!(c >= '0' && c <= '9') && c != '.' && c != ',') return NotAnAmount(shown);
  size_t dots = std::count(body.begin(), body.end(), '.');
  size_t commas = std::count(body.begin(), body.end(), ',');
  char thousands = 0;
  char decimal = 0;
  if (dots && commas) {
    // Both: the last one separates the decimals ("1.250,5" Danish, "1,250.5" English).
    decimal = body.find_last_of(".,") == body.rfind('.') ? '.' : ',';
    thousands = decimal == '.' ? ',' : '.';
  } else if (commas) {
    // One comma is the Danish decimal comma; several are thousands ("1,250,000").
    (commas == 1 ? decimal : thousands) = ',';
  } else if (dots) {
    // Dots that group by three are thousands ("1.250", "1.250.000"); one that does not
    // is a decimal point ("1250.5", "0.5").
    if (IsThousandsGrouped(body, '.')) thousands = '.';
    else if (dots == 1) decimal = '.';
    else return NotAnAmount(shown);
  }
  std::string integer = body;
  std::string fraction;
  if (decimal) {
    size_t at = body.rfind(decimal);
    if (std::count(body.begin(), body.end(), decimal) != 1) return NotAnAmount(shown);
    integer = body.substr(0, at);
    fraction = body.substr(at + 1);
    if (fraction.empty() || fraction.find_first_of(".,") != std::string::npos) return NotAnAmount(shown);
  }
  if (thousands) {
    if (!IsThousandsGrouped(integer, thousands)) return NotAnAmount(shown);
    std::erase(integer, thousands);
  }
  if (integer.empty() && fraction.empty()) return NotAnAmount(shown);
  while (fraction.size() > 3 && fraction.back() == '0') fraction.pop_back();
  if (fraction.size() > 3) return InvalidArgument(InMessage(shown) + " har for mange decimaler: højst tre (hele kroner).");
  auto amount = Amount::ParseTkr((integer.empty() ? "0" : integer) + (fraction.empty() ? "" : "," + fraction));
  if (!amount.ok()) return InvalidArgument(InMessage(shown) + " er for stort et beløb.");
  return amount.value();
}

}  // namespace

Result<Sheet> Read(std::string_view bytes, std::string_view filename, const Limits& limits) {
  // Every reader returns its errors as values; this is the last net for what the
  // libraries throw (pugixml: std::bad_alloc) so that no input throws out of Read.
  try {
    return Dispatch(bytes, filename, limits);
  } catch (const std::bad_alloc&) {
    return TooLarge("Regnearket er for stort til at blive læst.");
  } catch (...) {
    return Internal("Regnearket kunne ikke læses på grund af en fejl i programmet.");
  }
}

bool Row::Empty() const {
  for (const Cell& cell : cells)
    if (!cell.text.empty()) return false;
  return true;
}

std::string ColumnName(size_t index) {
  std::string out;
  size_t n = index + 1;  // bijective base 26: A..Z, AA..
  while (n > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

Result<std::optional<Amount>> ParseAmount(const Cell& cell) {
  if (cell.formula_without_value)
    return InvalidArgument("Cellen har en formel uden beregnet værdi; åbn filen i Excel, gem den igen, og prøv igen.");
  if (cell.date) return InvalidArgument(InMessage(cell.text) + " er en dato og ikke et beløb.");
  if (cell.number) {
    // XLSX stores binary doubles, so 0.1+0.2 arrives as 0.30000000000000004: three
    // decimals (whole kroner) is all a 1.000 kr. amount can mean.
    double number = *cell.number;
    if (!std::isfinite(number) || std::fabs(number) > 1e15) return InvalidArgument(InMessage(cell.text) + " er for stort et beløb.");
    auto amount = Amount::FromTkrNumber(std::round(number * 1000.0) / 1000.0);
    if (!amount.ok()) return InvalidArgument(InMessage(cell.text) + " er for stort et beløb.");
    return std::optional<Amount>(amount.value());
  }
  std::string shown = text::Trim(cell.text);
  if (shown.empty()) return std::optional<Amount>();
  std::string s = WithoutUnit(WithoutSpaces(shown));
  if (s == "-" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94") return std::optional<Amount>(Amount());
  bool negative = false;
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  // A sign: '+', '-', the minus sign U+2212 or the en dash U+2013 that word processors
  // put in its place.
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = negative != (s[0] == '-');
    s.erase(0, 1);
  } else if (StartsWith(s, "\xE2\x88\x92") || StartsWith(s, "\xE2\x80\x93")) {
    negative = !negative;
    s.erase(0, 3);
  }
  auto amount = ParseUnsigned(s, shown);
  if (!amount.ok()) return std::move(amount).error();
  return std::optional<Amount>(negative ? -amount.value() : amount.value());
}

}  // namespace bs::sheet
