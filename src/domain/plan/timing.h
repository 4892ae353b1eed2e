// Indicative timing ("tidspunkter er vejledende"): a month, a quarter, a year, or free
// text. Parsed so that lists sort by it and later views can tell what is due.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace bs {

class Timing {
 public:
  enum class Kind { kNone, kMonth, kQuarter, kYear, kText };

  // Recognises "juni 2025", "jun 2025", "06-2025", "2025-06", "2. kvartal 2025",
  // "2. kvt. 2025", "Q2 2025", "K2 2025", "2025"; anything else is kept as free text.
  // Fails only for text over 200 characters.
  static Result<Timing> Parse(std::string_view text);

  Kind kind() const { return kind_; }
  int year() const { return year_; }
  int month() const { return month_; }      // kMonth
  int quarter() const { return quarter_; }  // kQuarter
  const std::string& text() const { return text_; }  // kText

  // The Danish display form: "juni 2025", "2. kvartal 2025", "2025" or the free text.
  std::string Display() const;
  // Orders by time; free text after dated timings, none last.
  int SortKey() const;
  bool operator==(const Timing&) const = default;

 private:
  Kind kind_ = Kind::kNone;
  int year_ = 0;
  int month_ = 0;
  int quarter_ = 0;
  std::string text_;
};

}  // namespace bs
