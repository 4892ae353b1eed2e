#include "domain/meetings/meeting.h"

#include <algorithm>

#include "core/text.h"

namespace bs {
namespace {

bool AllDigits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

}  // namespace

Result<CaseNumber> CaseNumber::Parse(std::string_view raw) {
  std::string s;
  for (char c : text::Trim(raw))
    if (c != ' ') s.push_back(c);
  size_t slash = s.find('/');
  const Error bad = InvalidArgument("Sagsnummeret skal skrives som år/løbenummer, fx 24/7615.");
  if (slash != 2 || !AllDigits(s.substr(0, 2)) || !AllDigits(s.substr(3)) || s.size() - 3 > 9) return bad;
  CaseNumber n;
  n.year = std::stoi(s.substr(0, 2));
  n.serial = std::stoll(s.substr(3));
  if (n.serial <= 0) return bad;
  n.text = s;
  return n;
}

Result<std::string> ValidateKle(std::string_view raw) {
  std::string s = text::Trim(raw);
  // dd.dd.dd, optionally .Xdd (the handling facet).
  auto two = [&](size_t at) { return at + 2 <= s.size() && AllDigits(std::string_view(s).substr(at, 2)); };
  bool ok = (s.size() == 8 || s.size() == 12) && two(0) && s[2] == '.' && two(3) && s[5] == '.' && two(6);
  if (ok && s.size() == 12) ok = s[8] == '.' && s[9] >= 'A' && s[9] <= 'Z' && two(10);
  if (!ok) return InvalidArgument("KLE-nummeret skal have formen 00.30.10 eller med facet 00.30.10.S00.");
  return s;
}

const char* Slug(MeetingKind k) {
  switch (k) {
    case MeetingKind::kOrdinary: return "ordinaer";
    case MeetingKind::kExtraordinary: return "ekstraordinaer";
    case MeetingKind::kTheme: return "temamoede";
  }
  return "";
}

const char* Label(MeetingKind k) {
  switch (k) {
    case MeetingKind::kOrdinary: return "Ordinært møde";
    case MeetingKind::kExtraordinary: return "Ekstraordinært møde";
    case MeetingKind::kTheme: return "Temamøde";
  }
  return "";
}

std::optional<MeetingKind> MeetingKindFromSlug(std::string_view slug) {
  for (auto k : {MeetingKind::kOrdinary, MeetingKind::kExtraordinary, MeetingKind::kTheme})
    if (slug == Slug(k)) return k;
  return std::nullopt;
}

Result<int> ParseClock(std::string_view raw) {
  std::string s = text::Trim(raw);
  size_t sep = s.find_first_of(":.");
  if (sep == std::string::npos || sep == 0 || sep > 2 || s.size() - sep - 1 != 2 || !AllDigits(s.substr(0, sep)) ||
      !AllDigits(s.substr(sep + 1)))
    return InvalidArgument("Klokkeslæt skrives som 14:00.");
  int h = std::stoi(s.substr(0, sep)), m = std::stoi(s.substr(sep + 1));
  if (h > 23 || m > 59) return InvalidArgument("Klokkeslæt skrives som 14:00.");
  return h * 60 + m;
}

std::string FormatClock(int minute) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
  return buf;
}

Result<Meeting> ValidateMeeting(const MeetingDraft& d, const std::set<std::string>& bodies) {
  std::vector<FieldError> errors;
  Meeting m;
  m.body = text::Trim(d.body);
  if (!bodies.count(m.body)) errors.push_back({"body", "Vælg et organ, der findes."});
  auto date = Date::Parse(text::Trim(d.date));
  if (!date.ok()) errors.push_back({"date", DateFieldError("Mødedato", d.date)});
  else m.date = *date;
  auto start = ParseClock(d.start);
  auto end = ParseClock(d.end);
  if (!start.ok()) errors.push_back({"start", "Starttidspunktet skrives som 14:00."});
  else m.start_minute = *start;
  if (!end.ok()) errors.push_back({"end", "Sluttidspunktet skrives som 16:00."});
  else m.end_minute = *end;
  if (start.ok() && end.ok() && *end <= *start) errors.push_back({"end", "Mødet skal slutte efter det begynder."});
  m.place = text::IsValidUtf8(d.place) ? text::Trim(text::CleanSingleLine(d.place)) : "";
  if (text::CodePointCount(m.place) > 200) errors.push_back({"place", "Stedet må højst være 200 tegn."});
  auto kind = MeetingKindFromSlug(text::Trim(d.kind).empty() ? "ordinaer" : text::Trim(d.kind));
  if (!kind) errors.push_back({"kind", "Vælg ordinært møde, ekstraordinært møde eller temamøde."});
  else m.kind = *kind;
  m.cancelled = d.cancelled;
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return m;
}

Result<Case> ValidateCase(const CaseDraft& d, const std::set<std::string>& bodies) {
  std::vector<FieldError> errors;
  Case c;
  auto number = CaseNumber::Parse(d.number);
  if (!number.ok()) errors.push_back({"number", number.error().message});
  else c.number = *number;
  if (!text::Trim(d.kle).empty()) {
    auto kle = ValidateKle(d.kle);
    if (!kle.ok()) errors.push_back({"kle", kle.error().message});
    else c.kle = *kle;
  }
  c.title = text::IsValidUtf8(d.title) ? text::Trim(text::CleanSingleLine(d.title)) : "";
  if (c.title.empty() || text::CodePointCount(c.title) > 300) errors.push_back({"title", "Skriv sagens titel (højst 300 tegn)."});
  c.officer = text::IsValidUtf8(d.officer) ? text::Trim(text::CleanSingleLine(d.officer)) : "";
  if (text::CodePointCount(c.officer) > 200) errors.push_back({"officer", "Den sagsansvarlige må højst fylde 200 tegn."});
  // Route: separated by arrows, commas or hyphens: "DIR → ØK → KB", "ØK, KB".
  std::string route = text::IsValidUtf8(d.route) ? d.route : "";
  for (const char* arrow : {"→", "->"}) {
    size_t pos;
    while ((pos = route.find(arrow)) != std::string::npos) route.replace(pos, std::string(arrow).size(), ",");
  }
  for (const auto& code : text::SplitTrimmed(route, ',')) {
    if (!bodies.count(code)) { errors.push_back({"route", "Ukendt organ i sagsgangen: «" + text::Truncate(code, 20) + "»."}); break; }
    if (std::find(c.route.begin(), c.route.end(), code) != c.route.end()) {
      errors.push_back({"route", "«" + code + "» står to gange i sagsgangen."});
      break;
    }
    c.route.push_back(code);
  }
  c.closed = d.closed;
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return c;
}

std::optional<std::string> NextOnRoute(const Case& c, const std::string& body) {
  auto it = std::find(c.route.begin(), c.route.end(), body);
  if (it == c.route.end() || it + 1 == c.route.end()) return std::nullopt;
  return *(it + 1);
}

Result<std::vector<int64_t>> MoveInOrder(std::vector<int64_t> order, int64_t id, int delta) {
  auto it = std::find(order.begin(), order.end(), id);
  if (it == order.end()) return NotFound("Punktet står ikke på dagsordenen.");
  long from = it - order.begin();
  long to = std::clamp<long>(from + delta, 0, static_cast<long>(order.size()) - 1);
  if (to == from) return order;
  int64_t moving = order[from];
  order.erase(order.begin() + from);
  order.insert(order.begin() + to, moving);
  return order;
}

const std::vector<std::string>& DecisionPresets() {
  static const std::vector<std::string> kPresets = {"Godkendt.", "Tiltrådt.", "Taget til efterretning.",
                                                    "Indstillingen anbefales.", "Oversendes."};
  return kPresets;
}

std::string AttendanceProblem::Message(const std::string& who) const {
  return who + (kind == Kind::kNotSeated ? " sad ikke i organet på mødedagen." : " står både som fraværende og med afbud.");
}

std::vector<AttendanceProblem> AttendanceProblems(const std::set<int64_t>& seated, const std::set<int64_t>& absent,
                                                  const std::set<int64_t>& apologies) {
  using Kind = AttendanceProblem::Kind;
  std::vector<AttendanceProblem> out;
  for (int64_t id : absent)
    if (!seated.count(id)) out.push_back({"absent", id, Kind::kNotSeated});
  for (int64_t id : apologies) {
    if (!seated.count(id)) out.push_back({"apologies", id, Kind::kNotSeated});
    if (absent.count(id)) out.push_back({"apologies", id, Kind::kAbsentAndApologies});
  }
  return out;
}

Result<Attendance> ValidateAttendance(const std::set<int64_t>& seated, const std::set<int64_t>& absent,
                                      const std::set<int64_t>& apologies) {
  std::vector<FieldError> errors;
  for (const auto& p : AttendanceProblems(seated, absent, apologies))
    errors.push_back({p.field, p.Message("Person " + std::to_string(p.person))});
  if (!errors.empty()) return FieldErrors(std::move(errors));
  Attendance a;
  for (int64_t id : seated) {
    if (absent.count(id)) a.absent.push_back(id);
    else if (apologies.count(id)) a.apologies.push_back(id);
    else a.present.push_back(id);
  }
  return a;
}

}  // namespace bs
