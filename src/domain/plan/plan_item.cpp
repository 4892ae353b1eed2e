#include "domain/plan/plan_item.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"

namespace bs {

std::string_view Slug(Category c) {
  switch (c) {
    case Category::kOperating: return "operating";
    case Category::kProposal: return "proposal";
    case Category::kCapital: return "capital";
    case Category::kIntent: return "intent";
  }
  return "";
}
std::string_view Slug(ProgressState s) {
  switch (s) {
    case ProgressState::kNotStarted: return "not_started";
    case ProgressState::kInProgress: return "in_progress";
    case ProgressState::kDone: return "done";
    case ProgressState::kDropped: return "dropped";
  }
  return "";
}
std::string_view Slug(TrafficLight t) {
  switch (t) {
    case TrafficLight::kNone: return "";
    case TrafficLight::kGreen: return "green";
    case TrafficLight::kYellow: return "yellow";
    case TrafficLight::kRed: return "red";
  }
  return "";
}
std::string_view Label(Category c) {
  switch (c) {
    case Category::kOperating: return "Driftsændring";
    case Category::kProposal: return "Råderumsforslag";
    case Category::kCapital: return "Anlægsprojekt";
    case Category::kIntent: return "Hensigtserklæring";
  }
  return "";
}
std::string_view PluralLabel(Category c) {
  switch (c) {
    case Category::kOperating: return "Driftsændringer";
    case Category::kProposal: return "Råderumsforslag";
    case Category::kCapital: return "Anlægsprojekter";
    case Category::kIntent: return "Hensigtserklæringer";
  }
  return "";
}
std::string_view Label(ProgressState s) {
  switch (s) {
    case ProgressState::kNotStarted: return "Ikke startet";
    case ProgressState::kInProgress: return "I gang";
    case ProgressState::kDone: return "Afsluttet";
    case ProgressState::kDropped: return "Udgår";
  }
  return "";
}
std::string_view Label(TrafficLight t) {
  switch (t) {
    case TrafficLight::kNone: return "Ikke vurderet";
    case TrafficLight::kGreen: return "Grøn – på rette spor";
    case TrafficLight::kYellow: return "Gul – i risiko";
    case TrafficLight::kRed: return "Rød – ikke på rette spor";
  }
  return "";
}

namespace {
template <typename E, size_t N>
std::optional<E> ParseSlug(std::string_view s, const E (&all)[N]) {
  for (E e : all) if (Slug(e) == s) return e;
  return std::nullopt;
}
}  // namespace

std::optional<Category> ParseCategory(std::string_view s) { return ParseSlug(s, kAllCategories); }
std::optional<ProgressState> ParseProgressState(std::string_view s) { return ParseSlug(s, kAllStates); }
std::optional<TrafficLight> ParseTrafficLight(std::string_view s) { return ParseSlug(s, kAllLights); }

// ---- Political treatment ----------------------------------------------------------

Result<PoliticalTreatment> PoliticalTreatment::ParseLines(std::string_view input,
                                                          const std::set<std::string>& known_bodies) {
  PoliticalTreatment t;
  std::vector<std::string> lines = text::SplitTrimmed(text::CleanMultiline(input), '\n');
  if (lines.size() == 1 && text::FoldCase(lines[0]) == "ordinær drift") {
    t.ordinary_operation = true;
    return t;
  }
  if (lines.size() > 20) return InvalidArgument("Højst 20 behandlinger.");
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    size_t end = line.find_first_of(": \t");
    std::string body = line.substr(0, end);
    std::string rest = end == std::string::npos ? "" : line.substr(end);
    size_t skip = rest.find_first_not_of(": \t\xE2\x80\x93-");  // also en dash
    // An en dash is three bytes; find_first_not_of treats them as single bytes, which is
    // fine here because the remainder starts with a word, not with a stray continuation byte.
    rest = skip == std::string::npos ? "" : rest.substr(skip);
    if (text::FoldCase(line) == "ordinær drift")
      return InvalidArgument("«ordinær drift» kan ikke kombineres med behandlinger i udvalg.");
    if (!known_bodies.count(body))
      return InvalidArgument("Linje " + std::to_string(i + 1) + ": «" + body +
                             "» er ikke et kendt udvalg (skriv fx «ØK: juni 2025»).");
    auto when = Timing::Parse(rest);
    if (!when.ok()) return InvalidArgument("Linje " + std::to_string(i + 1) + ": " + when.error().message);
    t.steps.push_back({body, *when});
  }
  return t;
}

PoliticalTreatment PoliticalTreatment::RestoreLines(std::string_view input) {
  PoliticalTreatment t;
  if (input == "ordinær drift") {
    t.ordinary_operation = true;
    return t;
  }
  for (const auto& line : text::SplitTrimmed(input, '\n')) {
    size_t colon = line.find(": ");
    std::string body = line.substr(0, colon);
    auto when = Timing::Parse(colon == std::string::npos ? "" : line.substr(colon + 2));
    t.steps.push_back({body, when.ok() ? *when : Timing()});
  }
  return t;
}

std::string PoliticalTreatment::FormatLines() const {
  if (ordinary_operation) return "ordinær drift";
  std::string out;
  for (const auto& s : steps) {
    if (!out.empty()) out.push_back('\n');
    out += s.body;
    std::string when = s.when.Display();
    if (!when.empty()) out += ": " + when;
  }
  return out;
}

std::string PoliticalTreatment::Summary() const {
  if (ordinary_operation) return "Ordinær drift";
  std::vector<std::string> parts;
  for (const auto& s : steps) {
    std::string when = s.when.Display();
    parts.push_back(when.empty() ? s.body : s.body + " " + when);
  }
  return text::Join(parts, ", ");
}

// ---- Drafts -----------------------------------------------------------------------

ItemDraft ItemDraft::From(const ItemData& d, const std::vector<Theme>& themes) {
  ItemDraft r;
  r.category = Slug(d.category);
  r.committee = d.committee;
  for (const auto& t : themes) if (t.id == d.theme_id) r.theme = t.name;
  r.code = d.code ? d.code->text() : "";
  r.title = d.title;
  r.process = d.process;
  r.status_text = d.status_text;
  r.state = Slug(d.state);
  r.traffic_light = Slug(d.traffic_light);
  r.responsible = d.responsible;
  r.director = d.director;
  r.timing = d.timing.Display();
  r.political_treatment = d.treatment.FormatLines();
  r.directors_role = d.directors_role;
  r.obs_note = d.obs_note;
  r.case_numbers = text::Join(d.case_numbers, ", ");
  r.external_keys = text::Join(d.external_keys, ", ");
  r.strategies = text::Join(d.strategies, "\n");
  std::vector<std::string> sdgs;
  for (int g : d.sdgs) sdgs.push_back(std::to_string(g));
  r.sdgs = text::Join(sdgs, ", ");
  r.strategic_line = d.strategic_line_id ? std::to_string(d.strategic_line_id) : "";
  for (const auto& [year, amount] : d.amounts) r.amounts[std::to_string(year)] = amount.FormatTkr();
  r.cross_cutting = d.cross_cutting;
  r.strategic = d.strategic;
  r.obs = d.obs;
  r.demo = d.demo;
  return r;
}

// ---- Validation -------------------------------------------------------------------

namespace {

class Checker {
 public:
  std::vector<FieldError> errors;

  // Trims and cleans a text field, checks UTF-8 and length; returns the cleaned text.
  std::string Text(const std::string& field, const std::string& value, size_t max_chars,
                   bool multiline, bool required, const char* required_message = nullptr) {
    if (!text::IsValidUtf8(value)) {
      Add(field, "Teksten indeholder ugyldige tegn (ikke UTF-8).");
      return "";
    }
    std::string v = text::Trim(multiline ? text::CleanMultiline(value) : text::CleanSingleLine(value));
    if (required && v.empty()) Add(field, required_message ? required_message : "Feltet skal udfyldes.");
    size_t n = text::CodePointCount(v);
    if (n > max_chars)
      Add(field, "Højst " + FormatCount(max_chars) + " tegn (der er " + FormatCount(n) + ").");
    return v;
  }

  void Add(const std::string& field, std::string message) {
    for (const auto& e : errors) if (e.field == field) return;  // first error per field
    errors.push_back({field, std::move(message)});
  }

  static std::string FormatCount(size_t n) {
    return Amount::FromKroner(static_cast<int64_t>(n) * 1000).FormatTkr();
  }
};

bool IsCaseNumber(const std::string& s) {
  // Year/serial as the municipality writes it: "24/7615".
  size_t slash = s.find('/');
  if (slash != 2 || s.size() < 4 || s.size() > 9) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (i != slash && (s[i] < '0' || s[i] > '9')) return false;
  return true;
}

}  // namespace

Result<ItemData> PlanItem::Validate(const ItemDraft& d, const ValidationContext& ctx) {
  Checker c;
  ItemData out;

  auto category = ParseCategory(text::Trim(d.category));
  if (!category) c.Add("category", "Vælg en kategori: driftsændring, råderumsforslag, anlægsprojekt eller hensigtserklæring.");
  else out.category = *category;

  out.committee = text::Trim(d.committee);
  if (!out.committee.empty() && !ctx.committees.count(out.committee))
    c.Add("committee", "«" + text::CleanSingleLine(out.committee).substr(0, 40) + "» er ikke et kendt udvalg.");
  std::string theme = text::Trim(d.theme);
  if (!theme.empty()) {
    for (const auto& t : ctx.themes) if (t.name == theme) out.theme_id = t.id;
    if (!out.theme_id) c.Add("theme", "«" + text::CleanSingleLine(theme).substr(0, 80) + "» er ikke et tema i denne plan.");
  }
  if (category) {
    if (*category == Category::kIntent && theme.empty())
      c.Add("theme", "En hensigtserklæring skal have et tema.");
    if (*category != Category::kIntent && out.committee.empty())
      c.Add("committee", "Vælg det udvalg, som punktet hører under.");
  }

  std::string code = text::Trim(d.code);
  if (!code.empty()) {
    auto parsed = ProposalCode::Parse(code);
    if (!parsed.ok()) c.Add("code", parsed.error().message);
    else out.code = *parsed;
  } else if (category && *category == Category::kProposal) {
    c.Add("code", "Et råderumsforslag skal have sin forslagskode fra kataloget, fx R307(B).");
  }

  out.title = c.Text("title", d.title, kMaxTitleChars, false, true, "Punktet skal have en titel.");
  out.process = c.Text("process", d.process, kMaxTextChars, true, false);
  out.status_text = c.Text("status_text", d.status_text, kMaxTextChars, true, false);
  out.responsible = c.Text("responsible", d.responsible, kMaxNameChars, false, false);
  out.director = c.Text("director", d.director, kMaxNameChars, false, false);
  out.directors_role = c.Text("directors_role", d.directors_role, kMaxTextChars, true, false);
  out.obs_note = c.Text("obs_note", d.obs_note, kMaxTextChars, true, false);

  std::string state = text::Trim(d.state);
  if (state.empty()) out.state = ProgressState::kNotStarted;
  else if (auto s = ParseProgressState(state)) out.state = *s;
  else c.Add("state", "Vælg en fremdrift: ikke startet, i gang, afsluttet eller udgår.");

  if (auto l = ParseTrafficLight(text::Trim(d.traffic_light))) out.traffic_light = *l;
  else c.Add("traffic_light", "Vælg grøn, gul, rød eller ingen vurdering.");

  if (text::IsValidUtf8(d.timing)) {
    auto timing = Timing::Parse(d.timing);
    if (!timing.ok()) c.Add("timing", timing.error().message);
    else out.timing = *timing;
  } else {
    c.Add("timing", "Teksten indeholder ugyldige tegn (ikke UTF-8).");
  }

  if (!text::IsValidUtf8(d.political_treatment)) {
    c.Add("political_treatment", "Teksten indeholder ugyldige tegn (ikke UTF-8).");
  } else {
    auto treatment = PoliticalTreatment::ParseLines(d.political_treatment, ctx.all_bodies);
    if (!treatment.ok()) c.Add("political_treatment", treatment.error().message);
    else out.treatment = *treatment;
  }

  for (const auto& [key, value] : d.amounts) {
    std::string field = "amount_" + key.substr(0, 8);
    int year = 0;
    if (key.size() == 4 && key.find_first_not_of("0123456789") == std::string::npos) year = std::stoi(key);
    if (!year || year < ctx.first_year || year > ctx.last_year) {
      c.Add(field, "År " + text::CleanSingleLine(key).substr(0, 8) + " ligger uden for planens periode " +
                       std::to_string(ctx.first_year) + "-" + std::to_string(ctx.last_year) + ".");
      continue;
    }
    if (text::Trim(value).empty()) continue;  // no amount that year
    if (!text::IsValidUtf8(value)) { c.Add(field, "Beløbet for " + key + " indeholder ugyldige tegn."); continue; }
    auto amount = Amount::ParseTkr(value.substr(0, 64));
    if (!amount.ok()) c.Add(field, key + ": " + amount.error().message);
    else out.amounts[year] = *amount;
  }

  out.cross_cutting = d.cross_cutting;
  out.strategic = d.strategic;
  out.obs = d.obs;
  out.demo = d.demo;
  if (out.obs && out.obs_note.empty())
    c.Add("obs_note", "Skriv hvad OBS-punktet drejer sig om, så direktionen kan handle på det.");

  std::string line = text::Trim(d.strategic_line);
  if (!line.empty()) {
    bool digits = line.size() < 12 && line.find_first_not_of("0123456789") == std::string::npos;
    StrategicLineId id = digits ? std::stoll(line) : 0;
    if (!id || !ctx.strategic_lines.count(id)) c.Add("strategic_line", "Den strategiske linje findes ikke i denne plan.");
    else out.strategic_line_id = id;
  }

  if (text::IsValidUtf8(d.case_numbers)) {
    std::string cases = d.case_numbers;
    std::replace(cases.begin(), cases.end(), '\n', ',');
    for (auto& n : text::SplitTrimmed(cases, ',')) {
      if (!IsCaseNumber(n)) {
        c.Add("case_numbers", "«" + text::CleanSingleLine(n).substr(0, 40) + "» er ikke et sagsnummer (skriv fx 24/7615).");
        break;
      }
      if (std::find(out.case_numbers.begin(), out.case_numbers.end(), n) == out.case_numbers.end())
        out.case_numbers.push_back(n);
    }
  } else {
    c.Add("case_numbers", "Teksten indeholder ugyldige tegn (ikke UTF-8).");
  }
  if (out.case_numbers.size() > 50) c.Add("case_numbers", "Højst 50 sagsnumre.");

  if (text::IsValidUtf8(d.external_keys)) {
    std::string keys = d.external_keys;
    std::replace(keys.begin(), keys.end(), '\n', ',');
    for (auto& k : text::SplitTrimmed(keys, ',')) {
      bool printable = std::all_of(k.begin(), k.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x20 && ch != 0x7f; });
      if (!printable || text::CodePointCount(k) > 60) {
        c.Add("external_keys", "«" + text::Truncate(text::CleanSingleLine(k), 40) + "» er ikke en nøgle (højst 60 tegn på én linje).");
        break;
      }
      if (std::find(out.external_keys.begin(), out.external_keys.end(), k) == out.external_keys.end())
        out.external_keys.push_back(k);
    }
  } else {
    c.Add("external_keys", "Teksten indeholder ugyldige tegn (ikke UTF-8).");
  }
  if (out.external_keys.size() > 50) c.Add("external_keys", "Højst 50 nøgler.");

  std::string strategies = c.Text("strategies", d.strategies, kMaxTextChars, true, false);
  out.strategies = text::SplitTrimmed(strategies, '\n');
  if (out.strategies.size() > 30) c.Add("strategies", "Højst 30 strategier.");

  if (text::IsValidUtf8(d.sdgs)) {
    for (auto& g : text::SplitTrimmed(d.sdgs, ',')) {
      bool digits = g.size() <= 2 && g.find_first_not_of("0123456789") == std::string::npos;
      int n = digits ? std::stoi(g) : 0;
      if (n < 1 || n > 17) {
        c.Add("sdgs", "FN's verdensmål har numrene 1-17 («" + text::CleanSingleLine(g).substr(0, 20) + "» er ikke et af dem).");
        break;
      }
      if (std::find(out.sdgs.begin(), out.sdgs.end(), n) == out.sdgs.end()) out.sdgs.push_back(n);
    }
    std::sort(out.sdgs.begin(), out.sdgs.end());
  } else {
    c.Add("sdgs", "Teksten indeholder ugyldige tegn (ikke UTF-8).");
  }

  if (!c.errors.empty()) return FieldErrors(std::move(c.errors));
  return out;
}

Result<PlanItem> PlanItem::Create(PlanId plan_id, const ItemDraft& draft, const ValidationContext& ctx) {
  ItemData data = TRY(Validate(draft, ctx));
  PlanItem item;
  item.plan_id_ = plan_id;
  item.data_ = std::move(data);
  return item;
}

PlanItem PlanItem::Restore(ItemId id, PlanId plan_id, ItemData data, int64_t revision,
                           int64_t created_at, int64_t updated_at) {
  PlanItem item;
  item.id_ = id;
  item.plan_id_ = plan_id;
  item.data_ = std::move(data);
  item.revision_ = revision;
  item.created_at_ = created_at;
  item.updated_at_ = updated_at;
  return item;
}

std::string PlanItem::SearchText() const {
  const ItemData& d = data_;
  std::string s;
  for (const std::string* part : {&d.title, &d.process, &d.status_text, &d.responsible, &d.director, &d.committee}) {
    s += *part;
    s.push_back('\n');
  }
  if (d.code) s += d.code->text();
  for (const auto& n : d.case_numbers) s += "\n" + n;
  return text::FoldCase(s);
}

std::string PlanItem::CodeSortKey() const {
  if (!data_.code) return "~";  // after every code
  char buf[16];
  std::snprintf(buf, sizeof buf, "%06d", data_.code->number());
  std::string key = data_.code->prefix() + buf;
  for (const auto& f : data_.code->flags()) key += "(" + f + ")";
  return key;
}

std::string PlanItem::TitleSortKey() const { return text::DanishSortKey(data_.title); }

}  // namespace bs
