#include "core/money.h"

#include <cmath>

#include "core/text.h"

namespace bs {
namespace {
constexpr int64_t kMaxTkr = 1'000'000'000;  // 1 trillion kroner: far past any municipal budget.
}

Result<Amount> Amount::ParseTkr(std::string_view input) {
  std::string s = text::Trim(input);
  if (s.empty()) return InvalidArgument("Beløbet mangler.");
  bool negative = false;
  size_t i = 0;
  if (s[0] == '-' || s[0] == '+') {
    negative = s[0] == '-';
    i = 1;
  } else if (s.rfind("\xE2\x88\x92", 0) == 0) {  // U+2212 minus sign
    negative = true;
    i = 3;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  std::string integer_digits;
  std::string decimals;
  bool seen_comma = false;
  bool uses_thousands = false;
  size_t group_len = 0;
  bool first_group = true;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (seen_comma) decimals.push_back(c);
      else { integer_digits.push_back(c); ++group_len; }
    } else if (c == '.' && !seen_comma) {
      // Thousands separator: groups after the first must have exactly three digits.
      if (group_len == 0 || (first_group ? group_len > 3 : group_len != 3))
        return InvalidArgument("«" + s + "» er ikke et beløb: punktum skal adskille tusinder (fx 1.234,5).");
      uses_thousands = true;
      first_group = false;
      group_len = 0;
    } else if (c == ',') {
      if (seen_comma) return InvalidArgument("«" + s + "» er ikke et beløb: der må kun være ét komma.");
      if (uses_thousands && group_len != 3)
        return InvalidArgument("«" + s + "» er ikke et beløb: punktum skal adskille tusinder (fx 1.234,5).");
      seen_comma = true;
    } else {
      return InvalidArgument("«" + s + "» er ikke et beløb i 1.000 kr. (brug fx -1.234,5).");
    }
  }
  if (integer_digits.empty() && decimals.empty())
    return InvalidArgument("«" + s + "» er ikke et beløb i 1.000 kr. (brug fx -1.234,5).");
  if (!seen_comma && uses_thousands && group_len != 3)
    return InvalidArgument("«" + s + "» er ikke et beløb: punktum skal adskille tusinder (fx 1.234,5).");
  if (seen_comma && decimals.empty())
    return InvalidArgument("«" + s + "» er ikke et beløb: der mangler cifre efter kommaet.");
  if (decimals.size() > 3)
    return InvalidArgument("«" + s + "» har for mange decimaler: højst tre (hele kroner).");
  if (integer_digits.size() > 10)
    return InvalidArgument("«" + s + "» er for stort et beløb.");
  int64_t whole = integer_digits.empty() ? 0 : std::stoll(integer_digits);
  if (whole > kMaxTkr) return InvalidArgument("«" + s + "» er for stort et beløb.");
  while (decimals.size() < 3) decimals.push_back('0');
  int64_t kroner = whole * 1000 + std::stoll(decimals);
  return Amount(negative ? -kroner : kroner);
}

Result<Amount> Amount::FromTkrNumber(double tkr) {
  if (!std::isfinite(tkr) || std::fabs(tkr) > static_cast<double>(kMaxTkr))
    return InvalidArgument("Beløbet er uden for det tilladte interval.");
  double kroner = tkr * 1000.0;
  double rounded = std::round(kroner);
  if (std::fabs(kroner - rounded) > 1e-6)
    return InvalidArgument("Beløbet har for mange decimaler: højst tre (hele kroner).");
  return Amount(static_cast<int64_t>(rounded));
}

namespace {
std::string Format(int64_t kroner, std::string_view minus) {
  std::string out;
  if (kroner < 0) out.append(minus);
  uint64_t abs = kroner < 0 ? static_cast<uint64_t>(-(kroner + 1)) + 1 : static_cast<uint64_t>(kroner);
  uint64_t whole = abs / 1000;
  uint64_t frac = abs % 1000;
  std::string digits = std::to_string(whole);
  std::string grouped;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count && count % 3 == 0) grouped.push_back('.');
    grouped.push_back(*it);
    ++count;
  }
  out.append(grouped.rbegin(), grouped.rend());
  if (frac) {
    std::string f = std::to_string(frac);
    while (f.size() < 3) f.insert(f.begin(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    out.push_back(',');
    out.append(f);
  }
  return out;
}
}  // namespace

std::string Amount::FormatTkr() const { return Format(kroner_, "-"); }
std::string Amount::FormatTkrTypographic() const { return Format(kroner_, "\xE2\x88\x92"); }
std::string Amount::FormatTkrSigned() const { return kroner_ > 0 ? "+" + Format(kroner_, "") : FormatTkrTypographic(); }

}  // namespace bs
