// Amounts in the unit of budget tables: 1.000 kr. Stored exactly as whole kroner so
// that sums never drift; written and read the Danish way ("-1.234,5": thousands
// separated by '.', decimals after ','). Negative amounts are savings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace bs {

class Amount {
 public:
  constexpr Amount() = default;
  static constexpr Amount FromKroner(int64_t kroner) { return Amount(kroner); }

  // Parses an amount in 1.000 kr. written the Danish way: "-1.234", "12,5", "-500",
  // "1234,125" (at most three decimals, i.e. whole kroner). A leading '+', '-' or the
  // Unicode minus is accepted. Errors say what is wrong in Danish.
  static Result<Amount> ParseTkr(std::string_view text);

  // From a JSON number in 1.000 kr.; rejects non-finite values, values past
  // ±1.000.000.000 (1.000 kr.) and more than three decimals.
  static Result<Amount> FromTkrNumber(double tkr);

  int64_t kroner() const { return kroner_; }
  double tkr() const { return static_cast<double>(kroner_) / 1000.0; }

  // "-1.234" or "12,5": thousands separators, decimals only when not whole.
  std::string FormatTkr() const;
  // As FormatTkr but with the true minus sign (U+2212) used in print.
  std::string FormatTkrTypographic() const;

  Amount operator+(Amount o) const { return Amount(kroner_ + o.kroner_); }
  Amount& operator+=(Amount o) { kroner_ += o.kroner_; return *this; }
  Amount operator-(Amount o) const { return Amount(kroner_ - o.kroner_); }
  Amount operator-() const { return Amount(-kroner_); }
  bool zero() const { return kroner_ == 0; }
  // With an explicit sign ("+100", "−1.234"); deviations read better that way.
  std::string FormatTkrSigned() const;
  bool operator==(const Amount&) const = default;
  auto operator<=>(const Amount&) const = default;

 private:
  constexpr explicit Amount(int64_t kroner) : kroner_(kroner) {}
  int64_t kroner_ = 0;
};

}  // namespace bs
