#include "importers/sheet/internal/xlsx_values.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace bs::sheet::internal {
namespace {

// Days since 1970-01-01 <-> civil date, proleptic Gregorian (H. Hinnant, "chrono-
// Compatible Low-Level Date Algorithms").
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
}

constexpr int64_t kEpoch1900 = -25569;  // 1899-12-30 in days since 1970-01-01
constexpr int64_t kEpoch1904 = -24107;  // 1904-01-01
constexpr int64_t kLeapBug = 60;        // the serial of Lotus' 29-02-1900

std::string Format(unsigned d, unsigned m, int64_t y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u-%02u-%04d", d, m, static_cast<int>(y));
  return buf;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::optional<CellRef> ParseCellRef(std::string_view ref) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  size_t column = 0, letters = 0;
  for (; i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z')); ++i, ++letters)
    column = column * 26 + static_cast<size_t>((ref[i] | 0x20) - 'a' + 1);
  if (letters == 0 || letters > 3) return std::nullopt;
  if (i < ref.size() && ref[i] == '$') ++i;
  int row = 0;
  auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (i == ref.size() || ref[i] == '+' || ec != std::errc() || end != ref.data() + ref.size() || row < 1 || row > kMaxRows)
    return std::nullopt;
  return CellRef{row, column - 1};
}

bool IsBuiltInDateFormat(unsigned id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47); }

bool IsDateFormatCode(std::string_view code) {
  bool day_or_year = false, month = false, time = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = static_cast<char>(code[i] | 0x20);
    if (code[i] == '"') {
      size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (code[i] == '[') {
      size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (code[i] == '\\' || code[i] == '_' || code[i] == '*') {
      ++i;  // an escaped character, or the one a padding code repeats or spaces by
    } else if (c == 'd' || c == 'y') {
      day_or_year = true;
    } else if (c == 'm') {
      month = true;
    } else if (c == 'h' || c == 's') {
      time = true;
    }
  }
  return day_or_year || (month && !time);
}

std::optional<std::string> DateText(double serial, bool date1904) {
  if (!(serial >= 0) || serial >= 2958466) return std::nullopt;  // 2958465 is 31-12-9999
  const int64_t days = static_cast<int64_t>(std::floor(serial));
  int64_t z;
  if (date1904) {
    z = kEpoch1904 + days;
  } else {
    if (days == 0) return "00-01-1900";
    if (days == kLeapBug) return "29-02-1900";
    z = kEpoch1900 + days + (days < kLeapBug ? 1 : 0);
  }
  int64_t y;
  unsigned m, d;
  CivilFromDays(z, y, m, d);
  if (y > 9999) return std::nullopt;
  return Format(d, m, y);
}

std::optional<double> SerialFromIsoDate(std::string_view iso, bool date1904) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || (iso.size() > 10 && iso[10] != 'T')) return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto digits = [&](size_t at, size_t n, auto& out) {
    auto [end, ec] = std::from_chars(iso.data() + at, iso.data() + at + n, out);
    return ec == std::errc() && end == iso.data() + at + n && iso[at] != '+' && iso[at] != '-';
  };
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  int64_t z = DaysFromCivil(y, m, d);
  int64_t y2;
  unsigned m2, d2;
  CivilFromDays(z, y2, m2, d2);
  if (m2 != m || d2 != d) return std::nullopt;  // 31-02
  int64_t serial = date1904 ? z - kEpoch1904 : z - kEpoch1900;
  if (!date1904 && serial <= kLeapBug) --serial;  // before Lotus' leap day
  if (serial < 0) return std::nullopt;
  return static_cast<double>(serial);
}

std::string NumberText(double number) {
  if (number == 0) return "0";  // also -0
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, number);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::string DecodeEscapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int a = HexValue(s[i + 2]), b = HexValue(s[i + 3]), c = HexValue(s[i + 4]), d = HexValue(s[i + 5]);
      if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
        unsigned cp = static_cast<unsigned>(a << 12 | b << 8 | c << 4 | d);
        if (cp < 0xD800 || cp > 0xDFFF) AppendUtf8(out, cp);  // a lone surrogate is dropped
        i += 6;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

}  // namespace bs::sheet::internal
