#include "core/text.h"

#include <algorithm>

namespace bs::text {

namespace {
// The length of the well-formed UTF-8 sequence at s[i], or 0 when there is none.
size_t SequenceAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t len;
  unsigned cp;
  if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
  else return 0;
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}
}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len = SequenceAt(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = SequenceAt(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) if ((c & 0xC0) != 0x80) ++n;
  return n;
}

namespace {
bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') { *len = 1; return true; }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) { *len = 2; return true; }
  return false;
}

std::string Clean(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      c = '\n';
    }
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\t') {
      out.push_back(keep_newlines ? c : ' ');
    } else if (u < 0x20 || u == 0x7F) {
      continue;
    } else {
      out.push_back(c);
    }
  }
  return out;
}
}  // namespace

std::string Trim(std::string_view s) {
  size_t b = 0, len = 0;
  while (b < s.size() && IsSpaceAt(s, b, &len)) b += len;
  size_t e = s.size();
  while (e > b) {
    if (e >= 1 && IsSpaceAt(s, e - 1, &len) && len == 1) { --e; continue; }
    if (e >= 2 && static_cast<unsigned char>(s[e - 2]) == 0xC2 && static_cast<unsigned char>(s[e - 1]) == 0xA0) { e -= 2; continue; }
    break;
  }
  return std::string(s.substr(b, e - b));
}

std::string CleanMultiline(std::string_view s) { return Clean(s, true); }
std::string CleanSingleLine(std::string_view s) { return Clean(s, false); }

namespace {
// Two-byte UTF-8 sequences starting with 0xC3 cover Latin-1 letters U+00C0..U+00FF.
// Upper-case ones are 0xC3 0x80..0x9E (except × at 0x97); lower-case adds 0x20.
unsigned char LowerLatin1Second(unsigned char second) {
  if (second >= 0x80 && second <= 0x9E && second != 0x97) return second + 0x20;
  return second;
}
}  // namespace

std::string FoldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(LowerLatin1Second(static_cast<unsigned char>(s[++i]))));
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string DanishSortKey(std::string_view s) {
  std::string folded = FoldCase(s);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    if (c == 0xC3 && i + 1 < folded.size()) {
      unsigned char d = static_cast<unsigned char>(folded[i + 1]);
      char mapped = 0;
      switch (d) {
        case 0xA6: case 0xA4: mapped = '{'; break;  // æ, ä
        case 0xB8: case 0xB6: mapped = '|'; break;  // ø, ö
        case 0xA5: mapped = '}'; break;             // å
        case 0xA9: case 0xA8: mapped = 'e'; break;  // é, è
        case 0xBC: mapped = 'y'; break;             // ü
        case 0xA1: case 0xA0: mapped = 'a'; break;  // á, à
        case 0xB3: mapped = 'o'; break;             // ó
        default: break;
      }
      if (mapped) { out.push_back(mapped); ++i; continue; }
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

bool DanishLess(std::string_view a, std::string_view b) {
  return DanishSortKey(a) < DanishSortKey(b);
}

std::vector<std::string> SplitTrimmed(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string part = Trim(s.substr(start, end - start));
    if (!part.empty()) out.push_back(std::move(part));
    start = end + 1;
  }
  return out;
}

std::string Truncate(std::string_view s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) return std::string(s.substr(0, i)) + "…";
      ++chars;
    }
  }
  return std::string(s);
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

}  // namespace bs::text
