#include "importers/agenda/agenda_lines.h"

#include <cstring>

#include "core/text.h"

namespace bs::agenda_import::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// Trims, turns tabs and no-break spaces into spaces and collapses runs of them: PDF
// extraction leaves stray whitespace everywhere ("Anne-Marie  Bentzen  (...)").
std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // U+00A0
      ++i;
      c = ' ';
    }
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) continue;  // other control characters
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "1. ", "12. ", "a. ", "iv. " at the start: a numbered list line.
bool IsNumberedLine(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && IsDigit(s[i])) {
    while (i < s.size() && IsDigit(s[i]) && i < 3) ++i;
  } else {
    while (i < s.size() && s[i] >= 'a' && s[i] <= 'z' && i < 4) ++i;
    if (i > 1 && s.find_first_not_of("ivx") < i) return false;  // only roman numerals run longer than one letter
  }
  return i > 0 && i + 2 < s.size() && s[i] == '.' && s[i + 1] == ' ';
}

// Removes Markdown heading marks and bold around the whole line; true when there were any.
bool StripMarkdown(std::string& s) {
  bool any = false;
  size_t hashes = 0;
  while (hashes < s.size() && s[hashes] == '#') ++hashes;
  if (hashes > 0 && hashes <= 6 && hashes < s.size() && s[hashes] == ' ') {
    s.erase(0, hashes + 1);
    any = true;
  }
  if (s.size() > 4 && StartsWith(s, "**") && s.compare(s.size() - 2, 2, "**") == 0) {
    s = s.substr(2, s.size() - 4);
    any = true;
  }
  if (any) s = Collapse(s);
  return any;
}

}  // namespace

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Lower-case ASCII or Latin-1 (U+00DF..U+00FF: æ ø å é ...).
bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s[0];
  if (c >= 'a' && c <= 'z') return true;
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x9F;
}

namespace {
// The character before position `end` (a '-') is a lower-case letter / any letter.
bool LowerBefore(std::string_view s, size_t end) {
  if (end == 0) return false;
  unsigned char c = s[end - 1];
  if (c >= 'a' && c <= 'z') return true;
  return end >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xC3 && c >= 0x9F;
}
bool LetterBefore(std::string_view s, size_t end) {
  if (end == 0) return false;
  unsigned char c = s[end - 1];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return end >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xC3 && c >= 0x80;
}
}  // namespace

bool JoinHyphenated(std::string& out, std::string_view next, const std::vector<std::string>& keep_before) {
  if (out.size() < 2 || out.back() != '-' || !LetterBefore(out, out.size() - 1)) return false;
  std::string_view word = next.substr(0, next.find(' '));
  for (const auto& keep : keep_before)
    if (word == keep) {
      out += ' ';
      out += next;
      return true;
    }
  if (StartsLower(next) && LowerBefore(out, out.size() - 1)) out.pop_back();  // "udvik-" "ling"
  out += next;  // "KB-" "seminaret" keeps its hyphen
  return true;
}

void TextBuilder::Add(const Line& line, bool paragraph_break) {
  std::string body = line.bullet ? "- " + line.clean : line.clean;
  bool sentence_end = last_char_ == '.' || last_char_ == ':' || last_char_ == '!' || last_char_ == '?';
  bool ended = last_length_ < layout_->short_line || (sentence_end && last_length_ < layout_->sentence_line);
  bool list_line = line.bullet || (line.numbered && (ended || last_list_ || last_char_ == ':'));
  if (out_.empty()) {
    out_ = body;
  } else if (paragraph_break) {
    out_ += "\n\n" + body;
  } else if (list_line) {
    out_ += "\n" + body;
  } else if (JoinHyphenated(out_, line.clean, layout_->hyphen_keep_before)) {
    // joined
  } else if (ended) {
    out_ += "\n" + line.clean;  // the line before ended on purpose
  } else {
    out_ += " " + line.clean;  // a wrapped line
  }
  last_length_ = CodePoints(line.clean) + (line.bullet ? 2 : 0);
  last_list_ = list_line;
  last_char_ = line.clean.empty() ? 0 : line.clean.back();
}

void TextBuilder::AddOwnLine(const std::string& text) {
  if (!out_.empty()) out_ += "\n";
  out_ += text;
  last_length_ = 0;
  last_list_ = false;
  last_char_ = 0;
}

void TextBuilder::AddJoined(const std::string& text) {
  if (out_.empty()) out_ = text;
  else if (!JoinHyphenated(out_, text, layout_->hyphen_keep_before)) out_ += " " + text;
  last_length_ = CodePoints(text);
  last_char_ = text.empty() ? 0 : text.back();
}

std::string TextBuilder::Take() {
  std::string s = std::move(out_);
  out_.clear();
  last_length_ = 0;
  last_list_ = false;
  last_char_ = 0;
  return s;
}

Result<CompiledLayout> Compile(const Layout& layout) {
  CompiledLayout c;
  c.layout = &layout;
  auto compile = [&](const std::string& pattern) {
    return std::regex(pattern, std::regex::ECMAScript | std::regex::optimize);
  };
  std::string current;
  try {
    for (const auto& rule : layout.rules) {
      current = rule.pattern;
      c.rules.push_back({&rule, compile(rule.pattern)});
    }
    current = layout.route_separator;
    c.route_separator = compile(layout.route_separator);
    current = layout.route_code;
    c.route_code = compile("^(?:" + layout.route_code + ")$");
  } catch (const std::regex_error& e) {
    return InvalidArgument("Layoutet «" + layout.name + "» har et mønster, der ikke kan bruges: «" +
                           text::Truncate(current, 80) + "».");
  }
  for (const auto& h : layout.headings)
    for (const auto& t : h.texts) c.headings.emplace(t, &h);
  return c;
}

std::vector<Line> SplitLines(std::string_view text, const Layout& layout) {
  std::vector<Line> lines;
  size_t start = 0;
  int number = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    Line line;
    line.number = ++number;
    line.clean = Collapse(raw);
    line.blank = line.clean.empty();
    line.spaces = line.blank && !raw.empty();
    if (!line.blank) {
      line.trimmed = text::Trim(raw);
      if (layout.strip_markdown) line.markdown = StripMarkdown(line.clean);
      for (const auto& b : layout.bullets) {
        if (StartsWith(line.clean, b) && line.clean.size() > b.size()) {
          line.bullet = true;
          line.clean = Collapse(std::string_view(line.clean).substr(b.size()));
          break;
        }
      }
      line.numbered = !line.bullet && IsNumberedLine(line.clean);
      line.blank = line.clean.empty();
    }
    line.indented = !line.blank && !raw.empty() && raw[0] == ' ' && !lines.empty() && lines.back().blank &&
                    !lines.back().spaces;
    lines.push_back(std::move(line));
    if (end == text.size() || end + 1 == text.size()) break;  // a final newline ends the last line
    start = end + 1;
  }
  if (layout.indented_bullets) {
    // An indented line is a bullet when one of the two nearest non-blank lines before or
    // after it is one too (a list has two items at least; an item may wrap once).
    std::vector<bool> bullet(lines.size(), false);
    auto near = [&](size_t i, int step) {
      int seen = 0;
      for (long j = static_cast<long>(i) + step; j >= 0 && j < static_cast<long>(lines.size()) && seen < 2; j += step) {
        if (lines[j].blank) continue;
        if (lines[j].indented || lines[j].bullet) return true;
        ++seen;
      }
      return false;
    };
    for (size_t i = 0; i < lines.size(); ++i)
      if (lines[i].indented && !lines[i].bullet && !lines[i].numbered) bullet[i] = near(i, -1) || near(i, +1);
    for (size_t i = 0; i < lines.size(); ++i)
      if (bullet[i]) lines[i].bullet = true;
  }
  return lines;
}

bool Match(const CompiledRule& c, const std::string& clean, Fields& fields) {
  const LineRule& rule = *c.rule;
  if (clean.size() > rule.max_length) return false;
  if (!rule.hint.empty()) {
    size_t at = clean.find(rule.hint);
    if (at == std::string::npos) return false;
    if (rule.hint_within && at >= rule.hint_within) return false;
  }
  std::smatch m;
  if (!std::regex_match(clean, m, c.regex)) return false;
  fields = Fields{};
  for (size_t g = 0; g < rule.groups.size() && g + 1 < m.size(); ++g) {
    if (!m[g + 1].matched) continue;
    std::string v = m[g + 1].str();
    const std::string& name = rule.groups[g];
    if (name == "number") fields.number = v;
    else if (name == "title") fields.title = v;
    else if (name == "kle") fields.kle = v;
    else if (name == "case") fields.case_number = v;
    else if (name == "access") fields.access = v;
    else if (name == "body") fields.body = v;
    else if (name == "date") fields.date = v;
    else if (name == "text") fields.text = v;
    else if (name == "value") fields.value = v;
    else if (name == "id") fields.id = v;
  }
  return true;
}

}  // namespace bs::agenda_import::internal
