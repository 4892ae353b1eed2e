// UTF-8 text helpers that the domain and every adapter share: validation, trimming,
// Danish case folding and the Danish sort key (æ, ø, å after z).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bs::text {

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates).
bool IsValidUtf8(std::string_view s);
// `s` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string ValidUtf8(std::string_view s);

// Number of code points in a valid UTF-8 string.
size_t CodePointCount(std::string_view s);

// Removes leading and trailing ASCII whitespace and no-break spaces.
std::string Trim(std::string_view s);

// Normalises line ends to \n and removes control characters other than \n and \t.
std::string CleanMultiline(std::string_view s);
// As CleanMultiline but also turns newlines and tabs into spaces (single-line fields).
std::string CleanSingleLine(std::string_view s);

// Lower-cases ASCII and the Latin-1 letters Danish uses (Æ Ø Å É Ä Ö Ü ...).
std::string FoldCase(std::string_view s);

// A byte string whose plain byte order is Danish alphabetical order: case folded,
// with æ/ä, ø/ö, å mapped to bytes that sort after z, and é as e, ü as y.
std::string DanishSortKey(std::string_view s);

// Compares two strings in Danish alphabetical order.
bool DanishLess(std::string_view a, std::string_view b);

// Splits on `sep`, trimming each part and dropping empty parts.
std::vector<std::string> SplitTrimmed(std::string_view s, char sep);

// At most `max_chars` code points of `s`, with "…" appended when cut.
std::string Truncate(std::string_view s, size_t max_chars);

// Joins parts with `sep`.
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace bs::text
