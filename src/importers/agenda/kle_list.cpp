#include "importers/agenda/kle_list.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "domain/meetings/meeting.h"

namespace bs::kle_import {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool TwoDigits(std::string_view s, size_t at) { return at + 2 <= s.size() && IsDigit(s[at]) && IsDigit(s[at + 1]); }

// The kind of a number by its shape; false when it has none of the four shapes.
bool KindOf(std::string_view n, Kind& kind) {
  if (n.size() == 2 && TwoDigits(n, 0)) kind = Kind::kMainGroup;
  else if (n.size() == 5 && TwoDigits(n, 0) && n[2] == '.' && TwoDigits(n, 3)) kind = Kind::kGroup;
  else if (n.size() == 8 && TwoDigits(n, 0) && n[2] == '.' && TwoDigits(n, 3) && n[5] == '.' && TwoDigits(n, 6))
    kind = Kind::kSubject;
  else if (n.size() == 3 && n[0] >= 'A' && n[0] <= 'Z' && TwoDigits(n, 1)) kind = Kind::kFacet;
  else return false;
  return true;
}

// Splits "number title", "number\ttitle", "number;title" (quotes around fields removed).
void SplitLine(std::string_view line, std::string& number, std::string& title) {
  size_t cut = line.find_first_of(" \t;");
  number = text::Trim(line.substr(0, cut));
  title = cut == std::string_view::npos ? "" : text::Trim(line.substr(cut + 1));
  while (!title.empty() && (title.front() == ';' || title.front() == '\t')) title = text::Trim(title.substr(1));
  auto unquote = [](std::string& s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  };
  unquote(number);
  unquote(title);
  // A trailing separator left by spreadsheet exports ("00.01;Titel;").
  while (!title.empty() && title.back() == ';') title.pop_back();
  title = text::Trim(text::CleanSingleLine(title));
}

bool LooksLikeHeader(const std::string& number) {
  std::string f = text::FoldCase(number);
  return f == "nummer" || f == "nr" || f == "nr." || f == "kle" || f == "kle-nummer" || f == "kle-nr" ||
         f == "emnenummer" || f == "number";
}

}  // namespace

const char* Slug(Kind kind) {
  switch (kind) {
    case Kind::kMainGroup: return "main_group";
    case Kind::kGroup: return "group";
    case Kind::kSubject: return "subject";
    case Kind::kFacet: return "facet";
  }
  return "";
}

const Entry* KleList::Find(std::string_view number) const {
  auto it = index.find(std::string(number));
  return it == index.end() ? nullptr : &entries[it->second];
}

Result<KleList> Parse(std::string_view text) {
  if (text.size() > kMaxListBytes)
    return MakeError(ErrorCode::kTooLarge, "KLE-listen er for stor; den må højst fylde 10 MB.");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return InvalidArgument("KLE-listen er tom.");
  KleList list;
  int line_number = 0;
  bool seen_content = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!text::IsValidUtf8(raw))
      return InvalidArgument("KLE-listen er ikke gyldig UTF-8 (linje " + std::to_string(line_number) +
                             "). Gem den som UTF-8 og prøv igen.");
    std::string line = text::Trim(raw);
    if (!line.empty() && line.back() == '\r') line = text::Trim(line.substr(0, line.size() - 1));
    if (line.empty()) {
      if (end == text.size()) break;
      continue;
    }
    std::string number, title;
    SplitLine(line, number, title);
    bool first = !seen_content;
    seen_content = true;
    Kind kind;
    if (!KindOf(number, kind)) {
      if (first && LooksLikeHeader(number)) continue;  // "Nummer;Titel"
      list.problems.push_back({line_number, "«" + text::Truncate(number, 30) +
                                                "» er intet KLE-nummer: brug 00, 00.01, 00.01.00 eller en facet som G01.",
                               false});
    } else if (title.empty()) {
      list.problems.push_back({line_number, "KLE-nummeret " + number + " mangler en titel.", false});
    } else if (const Entry* before = list.Find(number)) {
      list.problems.push_back({line_number, "KLE-nummeret " + number + " står allerede i linje " +
                                                std::to_string(before->line) + "; denne linje er sprunget over.",
                               false});
    } else {
      // A group needs its main group, a subject its group (a warning: lists are sometimes
      // extracts of the classification).
      std::string parent = kind == Kind::kGroup ? number.substr(0, 2) : kind == Kind::kSubject ? number.substr(0, 5) : "";
      if (!parent.empty() && !list.Find(parent))
        list.problems.push_back({line_number, "KLE-nummeret " + number + " står uden sin overordnede " +
                                                  (kind == Kind::kGroup ? "hovedgruppe " : "gruppe ") + parent + ".",
                                 true});
      list.index.emplace(number, list.entries.size());
      list.entries.push_back({number, text::Truncate(title, 300), kind, line_number});
    }
    if (end == text.size()) break;
  }
  return list;
}

std::string JournalTitle::Label() const {
  std::string s = subject + " " + subject_title;
  if (!facet.empty()) s += ", " + facet + (facet_title.empty() ? "" : " " + facet_title);
  return s;
}

Result<JournalTitle> Lookup(const KleList& list, std::string_view journal_number) {
  auto valid = ValidateKle(journal_number);
  if (!valid.ok()) return std::move(valid).error();
  const std::string& n = *valid;
  JournalTitle t;
  t.subject = n.substr(0, 8);
  const Entry* subject = list.Find(t.subject);
  if (!subject) return NotFound("KLE-nummeret " + t.subject + " findes ikke i KLE-listen.");
  t.subject_title = subject->title;
  if (n.size() == 12) {
    t.facet = n.substr(9);
    const Entry* facet = list.Find(t.facet);
    if (!facet) return NotFound("Handlingsfacetten " + t.facet + " findes ikke i KLE-listen.");
    t.facet_title = facet->title;
  }
  return t;
}

agenda_import::JournalLookup LookupIn(const KleList& list) {
  return [&list](const std::string& number) {
    auto t = Lookup(list, number);
    return t.ok() ? agenda_import::JournalCheck{t->Label(), ""} : agenda_import::JournalCheck{"", t.error().message};
  };
}

std::string ToJson(const KleList& list) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["entries"] = Json::array();
  for (const auto& e : list.entries) j["entries"].push_back({{"number", e.number}, {"title", e.title}, {"kind", Slug(e.kind)}});
  j["problems"] = Json::array();
  for (const auto& p : list.problems)
    j["problems"].push_back({{"line", p.line}, {"message", p.message}, {"severity", p.warning ? "warning" : "error"}});
  return j.dump(2) + "\n";
}

}  // namespace bs::kle_import
