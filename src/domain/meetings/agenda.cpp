#include "domain/meetings/agenda.h"

#include <algorithm>
#include <cstring>

#include "core/text.h"

namespace bs {
namespace {

constexpr size_t kMaxSection = 100'000;  // characters; a long Sagsfremstilling is ~20.000

std::string CleanText(const std::string& s) { return text::IsValidUtf8(s) ? text::Trim(text::CleanMultiline(s)) : ""; }
std::string CleanLine(const std::string& s) { return text::IsValidUtf8(s) ? text::Trim(text::CleanSingleLine(s)) : ""; }

struct FileType {
  const char* extension;
  const char* content_type;
  const char* label;
  const char* magic;  // how the bytes begin; nullptr: UTF-8 text
  size_t magic_size;
};

const FileType kTypes[] = {
    {"pdf", "application/pdf", "PDF", "%PDF-", 5},
    {"png", "image/png", "PNG", "\x89PNG\r\n\x1a\n", 8},
    {"jpg", "image/jpeg", "JPEG", "\xFF\xD8\xFF", 3},
    {"jpeg", "image/jpeg", "JPEG", "\xFF\xD8\xFF", 3},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", "PK\x03\x04", 4},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", "PK\x03\x04", 4},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint", "PK\x03\x04", 4},
    {"txt", "text/plain; charset=utf-8", "tekst", nullptr, 0},
    {"csv", "text/csv; charset=utf-8", "CSV", nullptr, 0},
};

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

const std::vector<SectionField>& SectionFields() {
  static const std::vector<SectionField> kFields = {
      {"baggrund", "Baggrund", &AgendaSections::background},
      {"sagsfremstilling", "Sagsfremstilling", &AgendaSections::presentation},
      {"politikker", "Sammenhæng til andre politikker/strategier", &AgendaSections::policies},
      {"oekonomi", "Økonomiske konsekvenser", &AgendaSections::economy},
      {"lovgrundlag", "Lovgrundlag", &AgendaSections::legal_basis},
      {"indstilling", "Indstilling", &AgendaSections::recommendation},
      {"indstiller", "Indstillingen gives af", &AgendaSections::recommended_by},
  };
  return kFields;
}

Result<AgendaItem> ApplyDraft(AgendaItem item, const AgendaItemDraft& d) {
  std::vector<FieldError> errors;
  item.title = CleanLine(d.title);
  if (item.title.empty() || text::CodePointCount(item.title) > 300)
    errors.push_back({"titel", "Skriv punktets overskrift (højst 300 tegn)."});
  for (const auto& f : SectionFields()) {
    std::string v = CleanText(d.sections.*f.member);
    if (text::CodePointCount(v) > kMaxSection)
      errors.push_back({f.slug, std::string(f.label) + " må højst fylde 100.000 tegn."});
    item.sections.*f.member = std::move(v);
  }
  item.slot_start = item.slot_end = -1;
  if (!text::Trim(d.slot_start).empty()) {
    auto t = ParseClock(d.slot_start);
    if (!t.ok()) errors.push_back({"tid_fra", "Tidspunktet skrives som 10:30."});
    else item.slot_start = *t;
  }
  if (!text::Trim(d.slot_end).empty()) {
    auto t = ParseClock(d.slot_end);
    if (!t.ok()) errors.push_back({"tid_til", "Tidspunktet skrives som 10:45."});
    else if (item.slot_start < 0) errors.push_back({"tid_til", "Angiv også, hvornår punktet begynder."});
    else if (*t <= item.slot_start) errors.push_back({"tid_til", "Punktet skal slutte efter det begynder."});
    else item.slot_end = *t;
  }
  item.participants = CleanText(d.participants);
  if (text::CodePointCount(item.participants) > 2000)
    errors.push_back({"deltagere", "Deltagerne må højst fylde 2.000 tegn."});
  item.plan_items = d.plan_items;
  std::sort(item.plan_items.begin(), item.plan_items.end());
  item.plan_items.erase(std::unique(item.plan_items.begin(), item.plan_items.end()), item.plan_items.end());
  item.closed = d.closed;
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return item;
}

std::string AbsenceLine(const std::string& who, bool inhabil) {
  return who + " deltog ikke under behandling af punktet" + (inhabil ? " på grund af inhabilitet." : ".");
}

AgendaRevision DiffForRevision(const AgendaItem& before, const AgendaItem& after,
                               const std::map<int64_t, std::string>& names) {
  AgendaRevision r;
  r.agenda_item_id = after.id;
  std::vector<std::string> what;
  auto note = [&](const std::string& label, const std::string& old_text, const std::string& new_text) {
    if (old_text == new_text) return;
    what.push_back(label);
    r.before += label + ":\n" + (old_text.empty() ? "(tom)" : old_text) + "\n\n";
  };
  note("Overskrift", before.title, after.title);
  for (const auto& f : SectionFields()) note(f.label, before.sections.*f.member, after.sections.*f.member);
  note("Deltagere", before.participants, after.participants);
  note("Beslutning", before.decision, after.decision);
  note("Protokoltilførsel", before.protocol_note, after.protocol_note);
  if (before.closed != after.closed) note("Lukket", before.closed ? "ja" : "nej", after.closed ? "ja" : "nej");
  auto slot = [](const AgendaItem& i) {
    return i.slot_start < 0 ? std::string() : FormatClock(i.slot_start) + (i.slot_end < 0 ? "" : "-" + FormatClock(i.slot_end));
  };
  note("Tid", slot(before), slot(after));
  auto plan = [](const AgendaItem& i) {
    std::string s;
    for (ItemId id : i.plan_items) s += (s.empty() ? "" : ", ") + std::to_string(id);
    return s;
  };
  note("Planpunkter", plan(before), plan(after));
  // By person, so the same people in another order are no change.
  auto absent = [&](const AgendaItem& i) {
    auto sorted = i.absences;
    std::sort(sorted.begin(), sorted.end(), [](const ItemAbsence& a, const ItemAbsence& b) { return a.person < b.person; });
    std::string s;
    for (const auto& a : sorted) {
      auto n = names.find(a.person);
      s += (s.empty() ? "" : "\n") + AbsenceLine(n != names.end() ? n->second : "Person " + std::to_string(a.person), a.inhabil);
    }
    return s;
  };
  note("Deltog ikke i punktet", absent(before), absent(after));
  r.what = text::Join(what, ", ");
  return r;
}

std::vector<ItemId> ReadItemIds(const std::string& s, std::string* bad) {
  std::vector<ItemId> out;
  for (const auto& part : text::SplitTrimmed(s, ',')) {
    bool digits = part.size() <= 18 && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && std::stoll(part) > 0) out.push_back(std::stoll(part));
    else if (bad && bad->empty()) *bad = part;
  }
  return out;
}

std::vector<TextBlock> TextBlocks(const std::string& s) {
  std::vector<TextBlock> out;
  for (const auto& line : text::SplitTrimmed(s, '\n')) {
    if (line.empty() || line == "-" || line == "*" || line == "\xE2\x80\x93" || line == "\xE2\x80\xA2") continue;  // a bullet alone
    TextBlock b;
    for (std::string_view mark : {"- ", "\xE2\x80\x93 ", "\xE2\x80\xA2", "* "}) {  // "- ", "– ", "•", "* "
      if (line.rfind(mark, 0) == 0) {
        b.bullet = true;
        b.text = text::Trim(std::string_view(line).substr(mark.size()));
        break;
      }
    }
    if (!b.bullet) b.text = line;
    if (!b.text.empty()) out.push_back(std::move(b));
  }
  return out;
}

std::string DecisionHeading(const std::string& body_name, Date date) {
  return "Beslutning i " + body_name + " den " + date.Short();
}

Result<std::string> ValidateDocumentNumber(std::string_view raw) {
  std::string s = text::Trim(raw);
  size_t slash = s.find('/');
  auto digits = [](std::string_view v) { return !v.empty() && v.find_first_not_of("0123456789") == std::string_view::npos; };
  if (slash == std::string::npos || slash > 9 || !digits(std::string_view(s).substr(0, slash)) ||
      s.size() - slash - 1 != 2 || !digits(std::string_view(s).substr(slash + 1)))
    return InvalidArgument("Dokumentnummeret skrives som løbenummer/år, fx 52074/25.");
  return s;
}

Result<std::string> CheckUpload(const std::string& filename, const std::string& claimed_type, std::string_view bytes,
                                int64_t limit) {
  if (bytes.empty()) return InvalidArgument("Filen er tom. Vælg en fil med indhold.");
  if (static_cast<int64_t>(bytes.size()) > limit)
    return InvalidArgument("Filen er for stor: højst " + std::to_string(limit / (1024 * 1024)) + " MB.");
  size_t dot = filename.rfind('.');
  std::string ext = dot == std::string::npos ? "" : Lower(filename.substr(dot + 1));
  const FileType* type = nullptr;
  for (const auto& t : kTypes)
    if (ext == t.extension) type = &t;
  if (!type)
    return InvalidArgument("Filtypen kan ikke bruges som bilag. Brug PDF, Word, Excel, PowerPoint, PNG, JPEG, tekst eller CSV.");
  std::string claimed = Lower(text::Trim(claimed_type.substr(0, claimed_type.find(';'))));
  std::string expected = Lower(std::string(type->content_type).substr(0, std::string(type->content_type).find(';')));
  // Browsers send octet-stream (or nothing) when they do not know; anything else must agree.
  if (!claimed.empty() && claimed != "application/octet-stream" && claimed != expected &&
      !(claimed == "application/vnd.ms-excel" && std::strcmp(type->extension, "csv") == 0))
    return InvalidArgument("Filen er angivet som " + text::Truncate(claimed, 60) + ", men navnet siger " + type->label + ".");
  bool matches = type->magic ? bytes.size() >= type->magic_size && bytes.substr(0, type->magic_size) == std::string_view(type->magic, type->magic_size)
                             : text::IsValidUtf8(bytes) && bytes.find('\0') == std::string_view::npos;
  if (!matches) return InvalidArgument(std::string("Filens indhold passer ikke til typen ") + type->label + ".");
  return std::string(type->content_type);
}

Result<std::vector<ScheduleBreak>> ParseBreaks(std::string_view raw) {
  std::vector<ScheduleBreak> out;
  std::vector<FieldError> errors;
  int line_no = 0;
  std::string all(raw);
  size_t start = 0;
  while (start <= all.size()) {
    size_t nl = all.find('\n', start);
    std::string line = text::Trim(all.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    start = nl == std::string::npos ? all.size() + 1 : nl + 1;
    ++line_no;
    if (line.empty()) continue;
    // "10:45-10:55 Pause"
    size_t dash = line.find('-');
    size_t space = line.find(' ');
    ScheduleBreak b;
    bool ok = dash != std::string::npos && space != std::string::npos && dash < space;
    if (ok) {
      auto from = ParseClock(line.substr(0, dash));
      auto to = ParseClock(line.substr(dash + 1, space - dash - 1));
      ok = from.ok() && to.ok() && *to > *from;
      if (ok) {
        b.start = *from;
        b.end = *to;
        b.label = text::Trim(text::CleanSingleLine(line.substr(space + 1)));
        ok = !b.label.empty() && text::CodePointCount(b.label) <= 100;
      }
    }
    if (!ok) errors.push_back({"pauser", "Linje " + std::to_string(line_no) + ": skriv fx «10:45-10:55 Pause»."});
    else out.push_back(b);
  }
  if (!errors.empty()) return FieldErrors(std::move(errors));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  return out;
}

std::string FormatBreaks(const std::vector<ScheduleBreak>& breaks) {
  std::string s;
  for (const auto& b : breaks) s += FormatClock(b.start) + "-" + FormatClock(b.end) + " " + b.label + "\n";
  return s;
}

std::vector<ScheduleRow> TimeSchedule(const std::vector<AgendaItem>& agenda, const std::vector<ScheduleBreak>& breaks) {
  std::vector<ScheduleRow> rows;
  for (const auto& a : agenda)
    if (a.slot_start >= 0)
      rows.push_back({a.slot_start, a.slot_end, std::to_string(a.position) + ". " + a.title, a.participants, false});
  for (const auto& b : breaks) rows.push_back({b.start, b.end, b.label, "", true});
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  return rows;
}

Result<std::vector<int>> ParseMonths(std::string_view raw) {
  std::string s = Lower(text::Trim(raw));
  if (s == "alle" || s == "hver måned" || s == "månedlig") return std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  std::vector<int> months;
  for (const auto& part : text::SplitTrimmed(s, ',')) {
    int m = 0;
    if (!part.empty() && part.size() <= 2 && part.find_first_not_of("0123456789") == std::string::npos) m = std::stoi(part);
    else m = ParseDanishMonth(part);
    if (m < 1 || m > 12) return InvalidArgument("Ukendt måned «" + text::Truncate(part, 20) + "». Skriv fx «6, 12», «juni, december» eller «alle».");
    months.push_back(m);
  }
  if (months.empty()) return InvalidArgument("Angiv mindst én måned, fx «6, 12» eller «alle».");
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return months;
}

std::string FormatMonths(const std::vector<int>& months) {
  if (months.size() == 12) return "hver måned";
  std::vector<std::string> names;
  for (int m : months) names.emplace_back(DanishMonthName(m));
  return text::Join(names, ", ");
}

}  // namespace bs
