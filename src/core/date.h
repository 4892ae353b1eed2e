// Calendar dates and the Danish ways of writing them: "10. juni 2025" and "10-06-2025".
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace bs {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  static bool IsValid(int year, int month, int day);
  // Accepts "10-06-2025", "10.06.2025", "10/6-2025" style day-month-year and ISO "2025-06-10".
  static Result<Date> Parse(std::string_view text);
  // Days since 1970-01-01 and back, for arithmetic.
  int64_t ToDays() const;
  static Date FromDays(int64_t days);

  std::string Iso() const;          // 2025-06-10
  std::string Short() const;        // 10-06-2025
  std::string Long() const;         // 10. juni 2025
  auto operator<=>(const Date&) const = default;
};

// A moment in Danish local time (CET, CEST in summer by the EU rule: from the last
// Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC). Pure arithmetic,
// no time-zone database.
struct DanishTime {
  Date date;
  int hour = 0;
  int minute = 0;
  bool summer = false;
  static DanishTime FromUnix(int64_t unix_seconds);
  std::string Short() const;  // "10-06-2025 kl. 14:05"
};

// "januar" .. "december" for 1..12.
std::string_view DanishMonthName(int month);
// 1..12 for a Danish month name or its three-letter abbreviation, 0 if none.
int ParseDanishMonth(std::string_view word);

// The message beside a form's date field that did not parse (issue 14), naming the field
// and saying what is wrong: "Mødedato: «31-02-2025» findes ikke: februar 2025 har 28
// dage.", or "Mødedato mangler (skriv fx 10-06-2025)." when empty; "" for a good date.
std::string DateFieldError(std::string_view label, std::string_view input);

}  // namespace bs
