#include "domain/plan/timing.h"

#include <cstdio>

#include "core/date.h"
#include "core/text.h"

namespace bs {
namespace {
bool ParseYear(const std::string& s, int* year) {
  if (s.size() != 4) return false;
  for (char c : s) if (c < '0' || c > '9') return false;
  *year = std::stoi(s);
  return *year >= 2000 && *year <= 2100;
}
}  // namespace

Result<Timing> Timing::Parse(std::string_view input) {
  std::string s = text::CleanSingleLine(text::Trim(input));
  Timing t;
  if (s.empty()) return t;
  if (text::CodePointCount(s) > 200) return InvalidArgument("Tidspunktet må højst være 200 tegn.");
  std::string f = text::FoldCase(s);
  std::vector<std::string> words = text::SplitTrimmed(f, ' ');
  int year = 0, a = 0, b = 0;
  char sep = 0;
  int consumed = 0;
  if (words.size() == 1 && ParseYear(words[0], &year)) {
    t.kind_ = Kind::kYear;
    t.year_ = year;
    return t;
  }
  if (words.size() == 2 && ParseYear(words[1], &year)) {
    int month = ParseDanishMonth(words[0]);
    if (month) { t.kind_ = Kind::kMonth; t.year_ = year; t.month_ = month; return t; }
    if ((words[0].size() == 2) && (words[0][0] == 'q' || words[0][0] == 'k') && words[0][1] >= '1' && words[0][1] <= '4') {
      t.kind_ = Kind::kQuarter; t.year_ = year; t.quarter_ = words[0][1] - '0'; return t;
    }
  }
  if (words.size() == 3 && ParseYear(words[2], &year) && words[0].size() == 2 && words[0][1] == '.' &&
      words[0][0] >= '1' && words[0][0] <= '4' &&
      (words[1] == "kvartal" || words[1] == "kvt." || words[1] == "kvt")) {
    t.kind_ = Kind::kQuarter; t.year_ = year; t.quarter_ = words[0][0] - '0'; return t;
  }
  if (std::sscanf(f.c_str(), "%d%c%d%n", &a, &sep, &b, &consumed) == 3 &&
      static_cast<size_t>(consumed) == f.size() && (sep == '-' || sep == '/' || sep == '.')) {
    int month = a > 12 ? b : a;
    year = a > 12 ? a : b;
    if (month >= 1 && month <= 12 && year >= 2000 && year <= 2100) {
      t.kind_ = Kind::kMonth; t.year_ = year; t.month_ = month; return t;
    }
  }
  t.kind_ = Kind::kText;
  t.text_ = s;
  return t;
}

std::string Timing::Display() const {
  switch (kind_) {
    case Kind::kNone: return "";
    case Kind::kMonth: return std::string(DanishMonthName(month_)) + " " + std::to_string(year_);
    case Kind::kQuarter: return std::to_string(quarter_) + ". kvartal " + std::to_string(year_);
    case Kind::kYear: return std::to_string(year_);
    case Kind::kText: return text_;
  }
  return "";
}

int Timing::SortKey() const {
  switch (kind_) {
    case Kind::kMonth: return year_ * 100 + month_;
    case Kind::kQuarter: return year_ * 100 + quarter_ * 3;
    case Kind::kYear: return year_ * 100 + 12;
    case Kind::kText: return 99'999'998;
    case Kind::kNone: return 99'999'999;
  }
  return 99'999'999;
}

}  // namespace bs
