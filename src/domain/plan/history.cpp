#include "domain/plan/history.h"

#include "core/text.h"

namespace bs {
namespace {

std::string Join(const std::vector<std::string>& v, const char* sep) { return text::Join(v, sep); }

std::string ThemeName(ThemeId id, const std::vector<Theme>& themes) {
  for (const auto& t : themes) if (t.id == id) return t.name;
  return id ? "tema " + std::to_string(id) : "";
}
std::string LineTitle(StrategicLineId id, const std::vector<StrategicLine>& lines) {
  for (const auto& l : lines) if (l.id == id) return l.title;
  return id ? "linje " + std::to_string(id) : "";
}
std::string YesNo(bool b) { return b ? "Ja" : "Nej"; }

}  // namespace

std::vector<FieldChange> DiffItems(const ItemData& a, const ItemData& b, const std::vector<Theme>& themes,
                                   const std::vector<StrategicLine>& lines) {
  std::vector<FieldChange> out;
  auto add = [&](const char* field, const char* label, const std::string& x, const std::string& y, bool is_text = false) {
    if (x != y) out.push_back({field, label, x, y, is_text});
  };
  add("category", "Kategori", std::string(Label(a.category)), std::string(Label(b.category)));
  add("committee", "Udvalg", a.committee, b.committee);
  add("theme", "Tema", ThemeName(a.theme_id, themes), ThemeName(b.theme_id, themes));
  add("code", "Forslagskode", a.code ? a.code->text() : "", b.code ? b.code->text() : "");
  add("title", "Titel", a.title, b.title, true);
  add("process", "Proces", a.process, b.process, true);
  add("status_text", "Status", a.status_text, b.status_text, true);
  add("state", "Fremdrift", std::string(Label(a.state)), std::string(Label(b.state)));
  add("traffic_light", "Trafiklys", std::string(Label(a.traffic_light)), std::string(Label(b.traffic_light)));
  add("responsible", "Ansvarlig", a.responsible, b.responsible);
  add("director", "Direktør", a.director, b.director);
  add("timing", "Tidspunkt", a.timing.Display(), b.timing.Display());
  add("political_treatment", "Politisk behandling", a.treatment.Summary(), b.treatment.Summary());
  add("directors_role", "Direktionens rolle", a.directors_role, b.directors_role, true);
  std::map<int, std::pair<std::string, std::string>> years;
  for (const auto& [y, v] : a.amounts) years[y].first = v.FormatTkr();
  for (const auto& [y, v] : b.amounts) years[y].second = v.FormatTkr();
  for (const auto& [y, pair] : years) {
    if (pair.first == pair.second) continue;
    out.push_back({"amount_" + std::to_string(y), "Beløb " + std::to_string(y), pair.first, pair.second, false});
  }
  std::map<int, std::pair<std::string, std::string>> realised;
  for (const auto& [y, v] : a.realised) realised[y].first = v.FormatTkr();
  for (const auto& [y, v] : b.realised) realised[y].second = v.FormatTkr();
  for (const auto& [y, pair] : realised) {
    if (pair.first == pair.second) continue;
    out.push_back({"realised_" + std::to_string(y), "Forventet realiseret " + std::to_string(y), pair.first, pair.second,
                   false});
  }
  add("cross_cutting", "Tværgående", YesNo(a.cross_cutting), YesNo(b.cross_cutting));
  add("strategic", "Strategisk", YesNo(a.strategic), YesNo(b.strategic));
  add("strategic_line", "Strategisk linje", LineTitle(a.strategic_line_id, lines), LineTitle(b.strategic_line_id, lines));
  add("obs", "OBS-punkt", YesNo(a.obs), YesNo(b.obs));
  add("obs_note", "OBS-note", a.obs_note, b.obs_note, true);
  add("case_numbers", "Sager", Join(a.case_numbers, ", "), Join(b.case_numbers, ", "));
  add("external_keys", "Nøgler i økonomisystemet", Join(a.external_keys, ", "), Join(b.external_keys, ", "));
  add("strategies", "Strategier", Join(a.strategies, "; "), Join(b.strategies, "; "));
  std::vector<std::string> sa, sb;
  for (int g : a.sdgs) sa.push_back(std::to_string(g));
  for (int g : b.sdgs) sb.push_back(std::to_string(g));
  add("sdgs", "FN's verdensmål", Join(sa, ", "), Join(sb, ", "));
  return out;
}

std::string_view Slug(ObsAction a) {
  switch (a) {
    case ObsAction::kNone: return "";
    case ObsAction::kRaise: return "raise";
    case ObsAction::kResolve: return "resolve";
  }
  return "";
}

Result<StatusUpdate> ValidateStatus(const StatusDraft& d, const ItemData& item, int first_year, int last_year) {
  std::vector<FieldError> errors;
  StatusUpdate u;
  auto check_text = [&](const char* field, const std::string& v, size_t max, bool multiline) {
    if (!text::IsValidUtf8(v)) { errors.push_back({field, "Teksten indeholder ugyldige tegn (ikke UTF-8)."}); return std::string(); }
    std::string t = text::Trim(multiline ? text::CleanMultiline(v) : text::CleanSingleLine(v));
    if (text::CodePointCount(t) > max) errors.push_back({field, "Højst " + std::to_string(max) + " tegn."});
    return t;
  };
  auto date = Date::Parse(d.as_of);
  if (!date.ok()) errors.push_back({"as_of", DateFieldError("Statusdato", d.as_of)});
  else u.as_of = *date;
  u.author = check_text("author", d.author, kMaxNameChars, false);
  if (u.author.empty()) errors.push_back({"author", "Skriv hvem statusopdateringen er fra."});
  u.status_text = check_text("status_text", d.status_text, kMaxTextChars, true);
  if (u.status_text.empty()) errors.push_back({"status_text", "Skriv en status."});
  if (auto s = ParseProgressState(text::Trim(d.state))) u.state = *s;
  else errors.push_back({"state", "Vælg en fremdrift: ikke startet, i gang, afsluttet eller udgår."});
  if (auto l = ParseTrafficLight(text::Trim(d.traffic_light))) u.traffic_light = *l;
  else errors.push_back({"traffic_light", "Vælg grøn, gul, rød eller ingen vurdering."});
  std::string action = text::Trim(d.obs_action);
  u.obs_note = check_text("obs_note", d.obs_note, kMaxTextChars, true);
  if (action.empty()) u.obs_action = ObsAction::kNone;
  else if (action == "raise") u.obs_action = ObsAction::kRaise;
  else if (action == "resolve") u.obs_action = ObsAction::kResolve;
  else errors.push_back({"obs_action", "Vælg at rejse eller løse et OBS-punkt, eller ingen af delene."});
  if (u.obs_action == ObsAction::kRaise && u.obs_note.empty())
    errors.push_back({"obs_note", "Skriv hvad OBS-punktet drejer sig om."});
  if (u.obs_action == ObsAction::kResolve && !item.obs)
    errors.push_back({"obs_action", "Punktet har intet OBS-punkt at løse."});
  for (const auto& [key, value] : d.realised) {
    std::string field = "realised_" + key.substr(0, 8);
    int year = (key.size() == 4 && key.find_first_not_of("0123456789") == std::string::npos) ? std::stoi(key) : 0;
    if (year < first_year || year > last_year) {
      errors.push_back({field, "År " + text::CleanSingleLine(key).substr(0, 8) + " ligger uden for planens periode " +
                                   std::to_string(first_year) + "-" + std::to_string(last_year) + "."});
      continue;
    }
    if (text::Trim(value).empty()) continue;
    auto amount = Amount::ParseTkr(text::IsValidUtf8(value) ? value.substr(0, 64) : "?");
    if (!amount.ok()) errors.push_back({field, key + ": " + amount.error().message});
    else u.realised[year] = *amount;
  }
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return u;
}

ItemData ApplyStatus(const ItemData& item, const StatusUpdate& u) {
  ItemData d = item;
  d.status_text = u.status_text;
  d.state = u.state;
  d.traffic_light = u.traffic_light;
  if (u.obs_action == ObsAction::kRaise) {
    d.obs = true;
    d.obs_note = u.obs_note;
  } else if (u.obs_action == ObsAction::kResolve) {
    d.obs = false;
    d.obs_note.clear();
  }
  for (const auto& [year, amount] : u.realised) d.realised[year] = amount;
  return d;
}

std::string_view PlanEventLabel(const std::string& a) {
  if (a == "plan_created") return "Plan oprettet";
  if (a == "theme_added") return "Tema tilføjet";
  if (a == "strategic_line_added") return "Strategisk linje tilføjet";
  if (a == "version_published") return "Version offentliggjort";
  if (a == "body_changed") return "Udvalg oprettet eller ændret";
  if (a == "round_opened") return "Statusrunde åbnet";
  if (a == "round_closed") return "Statusrunde lukket";
  if (a == "highlight_set") return "Fremhævet for ØK";
  if (a == "highlight_removed") return "Fremhævning fjernet";
  return "Ændring";
}

Result<Version> ValidateVersion(const VersionDraft& d, PlanId plan) {
  std::vector<FieldError> errors;
  Version v;
  v.plan_id = plan;
  v.name = text::IsValidUtf8(d.name) ? text::Trim(text::CleanSingleLine(d.name)) : "";
  if (v.name.empty()) errors.push_back({"name", "Giv versionen et navn, fx «Status pr. ultimo maj 2025»."});
  else if (text::CodePointCount(v.name) > 200) errors.push_back({"name", "Navnet må højst være 200 tegn."});
  auto date = Date::Parse(d.as_of);
  if (!date.ok()) errors.push_back({"as_of", date.error().message});  // "«31-02-2025» findes ikke: ..."
  else v.as_of = *date;
  v.reporting_round = text::IsValidUtf8(d.reporting_round) ? text::Trim(text::CleanSingleLine(d.reporting_round)) : "";
  if (text::CodePointCount(v.reporting_round) > 200) errors.push_back({"reporting_round", "Højst 200 tegn."});
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return v;
}

}  // namespace bs
