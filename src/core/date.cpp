#include "core/date.h"

#include <array>
#include <cstdio>

#include "core/text.h"

namespace bs {
namespace {
constexpr std::array<std::string_view, 12> kMonths = {
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december"};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}
}  // namespace

bool Date::IsValid(int y, int m, int d) {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

namespace {
// As the messages quote the input: valid UTF-8 and short, whatever was sent.
std::string Shown(const std::string& s) { return text::Truncate(text::ValidUtf8(s), 20); }
}  // namespace

Result<Date> Date::Parse(std::string_view input) {
  std::string s = text::Trim(input);
  int a = 0, b = 0, c = 0;
  char s1 = 0, s2 = 0;
  int consumed = 0;
  if (std::sscanf(s.c_str(), "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &consumed) == 5 &&
      static_cast<size_t>(consumed) == s.size()) {
    Date d;
    if (a > 31 && s1 == '-' && s2 == '-') d = Date{a, b, c};  // ISO
    else if ((s1 == '-' || s1 == '.' || s1 == '/') && (s2 == '-' || s2 == '.')) d = Date{c, b, a};
    else return InvalidArgument("«" + Shown(s) + "» er ikke en dato (skriv fx 10-06-2025).");
    if (IsValid(d.year, d.month, d.day)) return d;
    // Said as a person would (issue 14): the date does not exist, and why.
    if (d.year < 1900 || d.year > 2200)
      return InvalidArgument("«" + Shown(s) + "»: året " + std::to_string(d.year) + " ligger uden for 1900-2200.");
    if (d.month < 1 || d.month > 12) return InvalidArgument("«" + Shown(s) + "» findes ikke: der er 12 måneder.");
    if (d.day < 1 || d.day > DaysInMonth(d.year, d.month))
      return InvalidArgument("«" + Shown(s) + "» findes ikke: " + std::string(DanishMonthName(d.month)) + " " + std::to_string(d.year) +
                             " har " + std::to_string(DaysInMonth(d.year, d.month)) + " dage.");
    return InvalidArgument("«" + Shown(s) + "» er ikke en gyldig dato.");
  }
  return InvalidArgument("«" + Shown(s) + "» er ikke en dato (skriv fx 10-06-2025).");
}

std::string DateFieldError(std::string_view label, std::string_view input) {
  if (text::Trim(input).empty()) return std::string(label) + " mangler (skriv fx 10-06-2025).";
  auto d = Date::Parse(input);
  if (d.ok()) return "";
  return std::string(label) + ": " + d.error().message;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t Date::ToDays() const {
  int y = year - (month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date Date::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::string Date::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}
std::string Date::Short() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", day, month, year);
  return buf;
}
std::string Date::Long() const {
  return std::to_string(day) + ". " + std::string(DanishMonthName(month)) + " " + std::to_string(year);
}

namespace {
// Unix seconds of 01:00 UTC on the last Sunday of `month` in `year`.
int64_t LastSundayOneUtc(int year, int month) {
  Date last{year, month, DaysInMonth(year, month)};
  int64_t days = last.ToDays();
  int weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday (4); Sunday = 0
  days -= weekday;
  return days * 86400 + 3600;
}
}  // namespace

DanishTime DanishTime::FromUnix(int64_t unix) {
  int year = Date::FromDays(unix >= 0 ? unix / 86400 : (unix - 86399) / 86400).year;
  bool summer = unix >= LastSundayOneUtc(year, 3) && unix < LastSundayOneUtc(year, 10);
  int64_t local = unix + (summer ? 7200 : 3600);
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t secs = local - days * 86400;
  return DanishTime{Date::FromDays(days), static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), summer};
}

std::string DanishTime::Short() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
  return date.Short() + " kl. " + buf;
}

std::string_view DanishMonthName(int month) {
  if (month < 1 || month > 12) return "";
  return kMonths[month - 1];
}

int ParseDanishMonth(std::string_view word) {
  std::string w = text::FoldCase(text::Trim(word));
  if (!w.empty() && w.back() == '.') w.pop_back();
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i]) return i + 1;
    if (w.size() == 3 && kMonths[i].substr(0, 3) == w) return i + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

}  // namespace bs
