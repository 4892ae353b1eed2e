#include "importers/plan_sheet/plan_sheet.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace bs::plan_sheet {
namespace {

using ojson = nlohmann::ordered_json;

// A header or cell as compared: case-folded, one space between words, no trailing
// punctuation ("Forslag nr.:" is "forslag nr").
std::string Normal(std::string_view s) {
  std::string folded = text::FoldCase(text::CleanSingleLine(s));
  std::string out;
  for (char c : folded) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.' || out.back() == ':' || out.back() == '*')) out.pop_back();
  return out;
}

const std::map<std::string, std::string>& HeaderWords() {
  static const std::map<std::string, std::string> words = {
      {"nr", "code"}, {"nr.", "code"}, {"forslag nr", "code"}, {"forslagsnr", "code"}, {"forslagsnummer", "code"},
      {"kode", "code"}, {"forslagskode", "code"}, {"løbenr", "code"}, {"id", "code"}, {"ref", "code"}, {"nummer", "code"},
      {"emne", "title"}, {"initiativ", "title"}, {"titel", "title"}, {"overskrift", "title"}, {"indsats", "title"},
      {"tiltag", "title"}, {"forslag", "title"}, {"punkt", "title"}, {"navn", "title"}, {"emne/initiativ", "title"},
      {"kategori", "category"}, {"type", "category"}, {"art", "category"},
      {"udvalg", "committee"}, {"fagudvalg", "committee"}, {"politisk udvalg", "committee"}, {"stående udvalg", "committee"},
      {"ansvarligt udvalg", "committee"}, {"udvalg eller tema", "committee"},
      {"tema", "theme"},
      {"ansvarlig", "responsible"}, {"ansvarlig person", "responsible"}, {"tovholder", "responsible"},
      {"sagsansvarlig", "responsible"}, {"ansvarlig chef", "responsible"}, {"fagchef", "responsible"},
      {"direktør", "director"}, {"ansvarlig direktør", "director"}, {"direktion", "director"},
      {"proces", "process"}, {"procesbeskrivelse", "process"}, {"beskrivelse", "process"}, {"udmøntning", "process"},
      {"proces for udmøntning", "process"},
      {"tidspunkt", "timing"}, {"tidsplan", "timing"}, {"tid", "timing"}, {"forventet tidspunkt", "timing"},
      {"tidspunkt (vejledende)", "timing"}, {"vejledende tidspunkt", "timing"},
      {"politisk behandling", "political_treatment"}, {"politisk proces", "political_treatment"},
      {"status", "status_text"}, {"statustekst", "status_text"}, {"status og bemærkninger", "status_text"},
      {"fremdrift", "state"}, {"tilstand", "state"}, {"stade", "state"},
      {"trafiklys", "traffic_light"}, {"farve", "traffic_light"}, {"lys", "traffic_light"}, {"vurdering", "traffic_light"},
      {"x", "completed"}, {"afsluttet", "completed"}, {"afsluttet (x)", "completed"}, {"udført", "completed"}, {"færdig", "completed"},
      {"tværgående", "cross_cutting"}, {"tværgående (x)", "cross_cutting"},
      {"obs", "obs"}, {"obs-punkt", "obs"}, {"obs punkt", "obs"},
      {"obs-note", "obs_note"}, {"obs note", "obs_note"},
      {"direktionens rolle", "directors_role"},
      {"sag", "case_numbers"}, {"sager", "case_numbers"}, {"sagsnr", "case_numbers"}, {"sagsnummer", "case_numbers"},
      {"sagsnumre", "case_numbers"},
      {"konto", "external_keys"}, {"kontonr", "external_keys"}, {"nøgle", "external_keys"}, {"projektnr", "external_keys"},
      {"nøgler i økonomisystemet", "external_keys"}, {"eksternt id", "external_keys"},
  };
  return words;
}

// "Budget 2026", "B2026", "Overslagsår 2027", "2026 (1.000 kr.)", "Planlagt 2025": the
// year's amount; "Forventet realiseret 2025" and "Afvigelse 2025" are ours to compute.
std::string AmountField(const std::string& normal) {
  size_t pos = std::string::npos;
  for (size_t i = 0; i + 4 <= normal.size(); ++i) {
    if (normal[i] == '2' && normal[i + 1] == '0' && isdigit(static_cast<unsigned char>(normal[i + 2])) &&
        isdigit(static_cast<unsigned char>(normal[i + 3])) &&
        (i + 4 == normal.size() || !isdigit(static_cast<unsigned char>(normal[i + 4]))) &&
        (i == 0 || !isdigit(static_cast<unsigned char>(normal[i - 1])))) {
      pos = i;
      break;
    }
  }
  if (pos == std::string::npos) return "";
  std::string rest = normal.substr(0, pos) + " " + normal.substr(pos + 4);
  if (rest.find("realiser") != std::string::npos || rest.find("afvigelse") != std::string::npos ||
      rest.find("forventet") != std::string::npos || rest.find("regnskab") != std::string::npos)
    return "";
  static const char* noise[] = {"(1.000 kr.)", "(1.000 kr)", "1.000 kr.", "1.000 kr", "i 1.000", "t.kr.", "t.kr", "tkr", "kr.", "kr",
                                "budgetår", "budget", "overslagsår", "overslag", "beløb", "planlagt", "effekt", "bo", "b", "i", "(", ")", "-", ","};
  for (const char* n : noise) {
    size_t at;
    while ((at = rest.find(n)) != std::string::npos) rest.erase(at, std::strlen(n));
  }
  if (!text::Trim(rest).empty()) return "";
  return "amount_" + normal.substr(pos, 4);
}

std::optional<std::string> CategoryWord(const std::string& n) {
  if (n == "driftsændring" || n == "driftsændringer" || n == "drift" || n == "operating") return "operating";
  if (n == "råderumsforslag" || n == "råderum" || n == "proposal" || n == "råderumskatalog") return "proposal";
  if (n == "anlægsprojekt" || n == "anlægsprojekter" || n == "anlæg" || n == "capital" || n == "anlægsinvesteringer") return "capital";
  if (n == "hensigtserklæring" || n == "hensigtserklæringer" || n == "intent") return "intent";
  return std::nullopt;
}

std::optional<std::string> StateWord(const std::string& n) {
  static const std::map<std::string, std::string> words = {
      {"ikke startet", "not_started"}, {"ikke påbegyndt", "not_started"}, {"ej startet", "not_started"}, {"not_started", "not_started"},
      {"ikke igangsat", "not_started"},
      {"i gang", "in_progress"}, {"igang", "in_progress"}, {"igangsat", "in_progress"}, {"påbegyndt", "in_progress"},
      {"i proces", "in_progress"}, {"in_progress", "in_progress"},
      {"afsluttet", "done"}, {"udført", "done"}, {"gennemført", "done"}, {"færdig", "done"}, {"implementeret", "done"},
      {"x", "done"}, {"done", "done"},
      {"opgivet", "dropped"}, {"bortfaldet", "dropped"}, {"udgået", "dropped"}, {"droppet", "dropped"},
      {"annulleret", "dropped"}, {"dropped", "dropped"}};
  if (auto it = words.find(n); it != words.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string> LightWord(const std::string& n) {
  auto starts = [&](const char* w) { return n.rfind(w, 0) == 0; };
  if (n.empty()) return "";
  if (starts("grøn") || starts("green") || n == "g") return "green";
  if (starts("gul") || starts("yellow") || starts("orange") || starts("amber")) return "yellow";
  if (starts("rød") || starts("red") || n == "r") return "red";
  if (n == "-" || n == "ingen" || n == "none") return "";
  return std::nullopt;
}

std::optional<bool> YesNo(const std::string& n, std::string_view field) {
  if (n.empty() || n == "nej" || n == "n" || n == "0" || n == "falsk" || n == "false" || n == "-" || n == "no") return false;
  if (n == "x" || n == "ja" || n == "j" || n == "1" || n == "sand" || n == "true" || n == "yes" || n == "✓" || n == "✔" ||
      n == "afsluttet" || n == "tværgående" || n == "obs")
    return true;
  return std::nullopt;
}

// "ØK august 2025, KB august 2025" (a summary, as our exports and many sheets write it)
// becomes the lines PoliticalTreatment reads ("ØK: august 2025").
std::string TreatmentLines(const std::string& written) {
  std::string t = text::Trim(written);
  if (t.empty() || t.find('\n') != std::string::npos || t.find(':') != std::string::npos) return t;
  if (Normal(t) == "ordinær drift") return "ordinær drift";
  std::string out;
  for (const auto& part : text::SplitTrimmed(t, ',')) {
    size_t space = part.find(' ');
    if (!out.empty()) out += "\n";
    out += space == std::string::npos ? part : part.substr(0, space) + ": " + text::Trim(part.substr(space + 1));
  }
  return out;
}

bool LooksLikeCommittee(const std::string& n) {
  auto ends = [&](std::string_view w) { return n.size() >= w.size() && n.compare(n.size() - w.size(), w.size(), w) == 0; };
  return ends("udvalget") || ends("udvalg") || n == "kommunalbestyrelsen" || n == "direktionen";
}

bool IsTotalRow(const std::string& n) {
  return n.rfind("i alt", 0) == 0 || n == "total" || n == "sum" || n.rfind("samlet", 0) == 0 || n.rfind("total ", 0) == 0;
}

struct Heading {
  std::optional<std::string> category;
  std::string committee;  // as written
  std::string theme;
};

}  // namespace

std::string FieldForHeader(std::string_view header) {
  std::string n = Normal(header);
  if (n.empty()) return "";
  if (auto it = HeaderWords().find(n); it != HeaderWords().end()) return it->second;
  // "B2026": letters stuck to the year.
  std::string spaced;
  for (size_t i = 0; i < n.size(); ++i) {
    if (i > 0 && isdigit(static_cast<unsigned char>(n[i])) && isalpha(static_cast<unsigned char>(n[i - 1]))) spaced.push_back(' ');
    spaced.push_back(n[i]);
  }
  if (auto f = AmountField(spaced); !f.empty()) return f;
  if (n.rfind("status pr", 0) == 0 || n.rfind("status ultimo", 0) == 0) return "status_text";
  if (n.rfind("politisk behandling", 0) == 0) return "political_treatment";
  if (n.rfind("tidspunkt", 0) == 0) return "timing";
  if (n.rfind("ansvarlig", 0) == 0 && n.find("direktør") == std::string::npos && n.find("udvalg") == std::string::npos)
    return "responsible";
  return "";
}

std::vector<FieldChoice> FieldChoices(int first_year, int last_year) {
  std::vector<FieldChoice> out = {
      {"code", "Kode"}, {"title", "Titel"}, {"category", "Kategori"}, {"committee", "Udvalg"}, {"theme", "Tema"},
      {"responsible", "Ansvarlig"}, {"director", "Direktør"}, {"process", "Proces"}, {"timing", "Tidspunkt"},
      {"political_treatment", "Politisk behandling"}, {"status_text", "Status"}, {"state", "Fremdrift"},
      {"traffic_light", "Trafiklys"}, {"completed", "Afsluttet (X)"}, {"cross_cutting", "Tværgående"},
      {"obs", "OBS-punkt"}, {"obs_note", "OBS-note"}, {"directors_role", "Direktionens rolle"},
      {"case_numbers", "Sagsnumre"}, {"external_keys", "Nøgler i økonomisystemet"}};
  for (int y = first_year; y <= last_year && y - first_year < 20; ++y)
    out.push_back({"amount_" + std::to_string(y), "Beløb " + std::to_string(y)});
  return out;
}

std::string FieldLabel(std::string_view field) {
  if (field.rfind("amount_", 0) == 0) return "Beløb " + std::string(field.substr(7));
  for (const auto& c : FieldChoices(0, -1))
    if (c.field == field) return c.label;
  return field.empty() ? "Importeres ikke" : std::string(field);
}

std::string Mapping::LayoutKey(std::string_view kind) const {
  std::string key(kind);
  for (const auto& c : columns) key += "|" + Normal(c.header);
  return key;
}

std::string Mapping::ToJson() const {
  ojson j;
  j["header_row"] = header_row;
  ojson cols = ojson::object();
  for (const auto& c : columns) cols[c.header.empty() ? sheet::ColumnName(c.column) : c.header] = c.field.empty() ? "ignore" : c.field;
  j["columns"] = cols;
  j["committees"] = committees;
  return j.dump();
}

Status Mapping::Apply(std::string_view text) {
  auto j = ojson::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return InvalidArgument("Kortlægningen er ikke et JSON-objekt.");
  const ojson* cols = &j;
  if (j.contains("columns")) cols = &j["columns"];
  else if (j.contains("mapping")) cols = &j["mapping"];
  if (!cols->is_object()) return InvalidArgument("«columns» i kortlægningen skal være et objekt.");
  std::vector<FieldError> errors;
  // The fields this mapping names, and the columns it names them for: a field named for
  // two columns here is an error; a field it moves to another column leaves the column
  // that had it before (from the proposal or a remembered mapping).
  std::map<std::string, size_t> claimed;  // field -> column
  std::set<size_t> named;
  for (const auto& [header, field] : cols->items()) {
    if (header == "header_row" || header == "committees") continue;
    if (!field.is_string()) { errors.push_back({header, "Feltet skal være en tekst, fx \"title\"."}); continue; }
    std::string f = field.get<std::string>();
    if (f == "ignore") f.clear();
    bool known = f.empty() || (f.rfind("amount_", 0) == 0 && f.size() == 11);
    for (const auto& c : FieldChoices(0, -1)) known = known || c.field == f;
    if (!known) { errors.push_back({header, "«" + text::Truncate(f, 40) + "» er ikke et felt, der kan importeres."}); continue; }
    for (auto& c : columns) {
      if (c.header != header && sheet::ColumnName(c.column) != header) continue;
      named.insert(c.column);
      c.field = f;
      if (f.empty()) continue;
      auto [at, fresh] = claimed.emplace(f, c.column);
      if (!fresh && at->second != c.column)
        errors.push_back({header, "«" + FieldLabel(f) + "» er valgt for både kolonne " + sheet::ColumnName(at->second) + " og kolonne " +
                                      sheet::ColumnName(c.column) + "; et felt kan kun komme fra én kolonne."});
    }
  }
  for (auto& c : columns)
    if (!named.count(c.column) && claimed.count(c.field)) c.field.clear();
  if (j.contains("committees") && j["committees"].is_object())
    for (const auto& [written, code] : j["committees"].items())
      if (code.is_string()) committees[text::FoldCase(text::Trim(written))] = code.get<std::string>();
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return OkStatus();
}

Mapping ProposeMapping(const sheet::Sheet& sheet) {
  Mapping best;
  int best_count = 0;
  for (const auto& row : sheet.rows) {
    if (row.number > 40) break;
    // Distinct fields, not cells: a data row of "x" marks (the completed column's
    // header is "X") or repeated words must not outscore the real header row.
    std::set<std::string> fields;
    for (const auto& c : row.cells)
      if (!c.text.empty())
        if (auto f = FieldForHeader(c.text); !f.empty()) fields.insert(f);
    int count = static_cast<int>(fields.size());
    if (count > best_count) {
      best_count = count;
      best = Mapping{};
      best.header_row = row.number;
      for (size_t i = 0; i < row.cells.size(); ++i) {
        if (row.cells[i].text.empty()) continue;
        best.columns.push_back({i, row.cells[i].text, FieldForHeader(row.cells[i].text)});
      }
    }
  }
  // A field taken by two columns: the first keeps it (a second "Status" is left to the user).
  std::set<std::string> taken;
  for (auto& c : best.columns) {
    if (c.field.empty()) continue;
    if (!taken.insert(c.field).second) c.field.clear();
  }
  return best;
}

PlanSheetRequest ReadRows(const sheet::Sheet& sheet, const Mapping& mapping, const PlanContext& ctx, PlanId plan,
                          const std::string& filename) {
  PlanSheetRequest req;
  req.plan = plan;
  req.filename = filename;
  req.committee_map = mapping.committees;
  if (mapping.header_row == 0) {
    req.problems.push_back({0, "", "Regnearket har ingen overskriftsrække, der kan genkendes (fx «Nr.», «Titel», «Udvalg», «2026»)."});
    return req;
  }
  size_t title_column = SIZE_MAX;
  bool has_title = false, has_code = false;
  for (const auto& c : mapping.columns) {
    if (c.field == "title") { title_column = c.column; has_title = true; }
    if (c.field == "code") has_code = true;
  }
  if (!has_title && !has_code)
    req.problems.push_back({mapping.header_row, "", "Ingen kolonne er valgt som titel eller kode."});
  for (const auto& c : mapping.columns) {
    if (c.field.rfind("amount_", 0) != 0) continue;
    int year = std::atoi(c.field.c_str() + 7);
    if (year < ctx.plan.first_year() || year > ctx.plan.last_year())
      req.problems.push_back({mapping.header_row, sheet::ColumnName(c.column),
                              "Året " + std::to_string(year) + " ligger uden for planens periode " + std::to_string(ctx.plan.first_year()) +
                                  "-" + std::to_string(ctx.plan.last_year()) + "; vælg «Importeres ikke» for kolonnen."});
  }
  std::vector<std::string> header_normal;
  for (const auto& c : mapping.columns) header_normal.push_back(Normal(c.header));

  Heading heading;
  for (const auto& row : sheet.rows) {
    if (row.number <= mapping.header_row || row.Empty()) continue;
    std::vector<size_t> filled;
    for (size_t i = 0; i < row.cells.size(); ++i)
      if (!row.cells[i].text.empty() && !row.cells[i].merged_copy) filled.push_back(i);
    if (filled.empty()) continue;
    // The header repeated (a sheet printed over several pages).
    size_t same = 0;
    for (size_t k = 0; k < mapping.columns.size(); ++k) {
      size_t col = mapping.columns[k].column;
      if (col < row.cells.size() && Normal(row.cells[col].text) == header_normal[k]) ++same;
    }
    if (same == mapping.columns.size() && same > 1) continue;
    std::string first = Normal(row.cells[filled.front()].text);
    if (IsTotalRow(first)) continue;
    if (filled.size() == 1 && !row.cells[filled.front()].number) {
      const std::string& written = row.cells[filled.front()].text;
      if (auto cat = CategoryWord(first)) {
        heading = Heading{cat, "", ""};
        continue;
      }
      if (!ResolveCommittee(ctx, mapping.committees, written).empty() || LooksLikeCommittee(first)) {
        heading.committee = text::Trim(written);
        heading.theme.clear();
        continue;
      }
      bool theme = false;
      for (const auto& t : ctx.themes) theme = theme || text::FoldCase(t.name) == first;
      if (theme || (heading.category == "intent" && filled.front() != title_column)) {
        heading.theme = text::Trim(written);
        continue;
      }
      if (filled.front() != title_column) {
        req.problems.push_back({row.number, sheet::ColumnName(filled.front()),
                                "Rækken har kun teksten «" + text::Truncate(written, 60) +
                                    "», som hverken er en kategori, et udvalg eller et tema."});
        continue;
      }
    }
    SheetRow out;
    out.row = row.number;
    size_t problems_before = req.problems.size();
    for (const auto& c : mapping.columns) {
      if (c.field.empty()) continue;
      std::string col = sheet::ColumnName(c.column);
      out.columns[c.field] = col;
      static const sheet::Cell kEmpty;
      const sheet::Cell& cell = c.column < row.cells.size() ? row.cells[c.column] : kEmpty;
      std::string n = Normal(cell.text);
      auto problem = [&](std::string message) { req.problems.push_back({row.number, col, std::move(message)}); };
      if (cell.formula_without_value) {
        problem("Cellen har en formel uden gemt resultat; åbn og gem regnearket i Excel, og prøv igen.");
        continue;
      }
      if (c.field.rfind("amount_", 0) == 0) {
        auto amount = sheet::ParseAmount(cell);
        if (!amount.ok()) { problem(amount.error().message); continue; }
        out.values[c.field] = *amount ? (*amount)->FormatTkr() : "";
      } else if (c.field == "category") {
        if (n.empty()) continue;
        auto cat = CategoryWord(n);
        if (!cat) { problem("«" + text::Truncate(cell.text, 40) + "» er ikke en kategori (Driftsændring, Råderumsforslag, Anlægsprojekt eller Hensigtserklæring)."); continue; }
        out.values[c.field] = *cat;
      } else if (c.field == "state") {
        if (n.empty()) continue;
        auto state = StateWord(n);
        if (!state) { problem("«" + text::Truncate(cell.text, 40) + "» er ikke en fremdrift (Ikke startet, I gang, Afsluttet eller Opgivet)."); continue; }
        out.values[c.field] = *state;
      } else if (c.field == "traffic_light") {
        auto light = LightWord(n);
        if (!light) { problem("«" + text::Truncate(cell.text, 40) + "» er ikke et trafiklys (Grøn, Gul eller Rød)."); continue; }
        out.values[c.field] = *light;
      } else if (c.field == "completed" || c.field == "cross_cutting" || c.field == "obs") {
        auto yes = YesNo(n, c.field);
        if (!yes) { problem("«" + text::Truncate(cell.text, 40) + "» er hverken X, Ja eller tom."); continue; }
        out.values[c.field] = *yes ? "1" : "";
      } else if (c.field == "political_treatment") {
        out.values[c.field] = TreatmentLines(cell.text);
      } else if ((c.field == "committee" || c.field == "theme") && n.empty()) {
        continue;  // the heading above decides
      } else {
        out.values[c.field] = cell.text;
      }
    }
    out.unreadable = req.problems.size() > problems_before;
    if (!out.values.count("category") && heading.category) out.values["category"] = *heading.category;
    if (!out.values.count("committee") && !heading.committee.empty()) out.values["committee"] = heading.committee;
    if (!out.values.count("theme") && !heading.theme.empty()) out.values["theme"] = heading.theme;
    req.rows.push_back(std::move(out));
  }
  return req;
}

namespace {

ojson AmountsJson(const std::map<int, Amount>& amounts) {
  ojson j = ojson::object();
  for (const auto& [year, a] : amounts) {
    if (a.kroner() % 1000 == 0) j[std::to_string(year)] = a.kroner() / 1000;
    else j[std::to_string(year)] = a.tkr();
  }
  return j;
}

ojson ProblemsJson(const std::vector<ImportProblem>& problems) {
  ojson j = ojson::array();
  for (const auto& p : problems) j.push_back({{"row", p.row}, {"column", p.column}, {"message", p.message}});
  return j;
}

}  // namespace

namespace {
ojson HeaderMapJson(const SheetRead& read) {
  ojson m = ojson::object();
  for (const auto& c : read.columns) {
    std::string header = c.header.empty() ? "(kolonne " + c.letter + ")" : c.header;
    if (m.contains(header)) header += " (" + c.letter + ")";
    m[header] = c.field.empty() ? "ignore" : c.field;
  }
  return m;
}
}  // namespace

std::string ResultJson(const SheetRead& read, const PlanImportResult& result, const PlanContext& ctx) {
  ojson j;
  ojson m = HeaderMapJson(read);
  j["mapping"] = m;
  ojson items = ojson::array();
  for (const auto& r : result.rows) {
    const ItemData& d = r.data;
    const Theme* theme = ctx.FindTheme(d.theme_id);
    ojson item;
    item["row"] = r.row;
    item["action"] = Slug(r.action);
    item["item_id"] = r.item_id ? ojson(r.item_id) : ojson(nullptr);
    item["code"] = d.code ? ojson(d.code->text()) : ojson(nullptr);
    item["title"] = d.title;
    item["category"] = Slug(d.category);
    item["committee"] = d.committee.empty() ? ojson(nullptr) : ojson(d.committee);
    item["theme"] = theme ? ojson(theme->name) : ojson(nullptr);
    item["responsible"] = d.responsible;
    item["state"] = Slug(d.state);
    item["traffic_light"] = d.traffic_light == TrafficLight::kNone ? ojson(nullptr) : ojson(Slug(d.traffic_light));
    item["completed"] = d.state == ProgressState::kDone;
    item["cross_cutting"] = d.cross_cutting;
    item["obs"] = d.obs;
    item["amounts"] = AmountsJson(d.amounts);
    ojson changes = ojson::array();
    for (const auto& c : r.changes) changes.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
    item["changes"] = changes;
    items.push_back(item);
  }
  j["items"] = items;
  j["problems"] = ProblemsJson(result.problems);
  ojson unknown = ojson::array();
  for (const auto& u : result.unknown_committees) unknown.push_back({{"committee", u.written}, {"rows", u.rows}});
  j["unknown_committees"] = unknown;
  j["summary"] = {{"create", result.created}, {"update", result.updated}, {"unchanged", result.unchanged},
                  {"problems", result.problems.size()}, {"applied", result.applied}};
  return j.dump(2);
}

// ---- Realised amounts ----

namespace {
std::string RealisedField(const std::string& n) {
  static const std::set<std::string> keys = {"konto", "kontonr", "kontonummer", "nøgle", "artskonto", "projekt", "projektnr",
                                             "projektnummer", "omkostningssted", "ekstern nøgle", "key", "id", "kontostreng"};
  static const std::set<std::string> years = {"år", "budgetår", "regnskabsår", "year"};
  static const std::set<std::string> dates = {"dato", "bogføringsdato", "date", "pr. dato", "opgjort", "opgjort pr"};
  if (keys.count(n)) return "key";
  if (years.count(n)) return "year";
  if (dates.count(n)) return "date";
  for (const char* w : {"beløb", "realiseret", "forbrug", "bogført", "forventet", "regnskab", "amount"})
    if (n.find(w) != std::string::npos) return "amount";
  return "";
}
}  // namespace

RealisedMapping ProposeRealisedMapping(const sheet::Sheet& sheet) {
  RealisedMapping best;
  int best_count = 0;
  for (const auto& row : sheet.rows) {
    if (row.number > 40) break;
    RealisedMapping m;
    m.header_row = row.number;
    int count = 0;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      std::string n = Normal(row.cells[i].text);
      std::string f = RealisedField(n);
      int* slot = f == "key" ? &m.key : f == "year" ? &m.year : f == "amount" ? &m.amount : f == "date" ? &m.date : nullptr;
      if (!slot || *slot >= 0) continue;
      *slot = static_cast<int>(i);
      ++count;
      if (f == "amount")
        m.kroner = n.find("kr") != std::string::npos && n.find("1.000") == std::string::npos &&
                   n.find("t.kr") == std::string::npos && n.find("tkr") == std::string::npos;
    }
    if (count > best_count) { best_count = count; best = m; }
  }
  return best;
}

std::map<std::string, std::string> RealisedMapping::HeaderMap(const sheet::Sheet& sheet) const {
  std::map<std::string, std::string> out;
  for (const auto& row : sheet.rows) {
    if (row.number != header_row) continue;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (row.cells[i].text.empty()) continue;
      int c = static_cast<int>(i);
      out[row.cells[i].text] = c == key ? "key" : c == year ? "year" : c == amount ? "amount" : c == date ? "date" : "ignore";
    }
  }
  return out;
}

RealisedRequest ReadRealised(const sheet::Sheet& sheet, const RealisedMapping& m, PlanId plan, const std::string& filename) {
  RealisedRequest req;
  req.plan = plan;
  req.filename = filename;
  if (m.key < 0 || m.year < 0 || m.amount < 0) {
    req.problems.push_back({m.header_row, "", "Filen skal have kolonner for nøgle (fx «Konto»), år (fx «År») og beløb (fx «Beløb»)."});
    return req;
  }
  for (const auto& row : sheet.rows) {
    if (row.number <= m.header_row || row.Empty()) continue;
    auto cell = [&](int c) -> const sheet::Cell& {
      static const sheet::Cell kEmpty;
      return c >= 0 && static_cast<size_t>(c) < row.cells.size() ? row.cells[c] : kEmpty;
    };
    RealisedLine line;
    line.row = row.number;
    line.key = text::Trim(cell(m.key).text);
    if (line.key.empty()) {
      if (!IsTotalRow(Normal(row.cells.empty() ? "" : row.cells.front().text)))
        req.problems.push_back({row.number, sheet::ColumnName(m.key), "Linjen har ingen nøgle."});
      continue;
    }
    if (IsTotalRow(Normal(line.key))) continue;
    std::string y = text::Trim(cell(m.year).text);
    if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) {
      req.problems.push_back({row.number, sheet::ColumnName(m.year), "«" + text::Truncate(y, 20) + "» er ikke et år (skriv fx 2025)."});
      continue;
    }
    line.year = std::stoi(y);
    auto amount = sheet::ParseAmount(cell(m.amount));
    if (!amount.ok()) { req.problems.push_back({row.number, sheet::ColumnName(m.amount), amount.error().message}); continue; }
    if (!*amount) { req.problems.push_back({row.number, sheet::ColumnName(m.amount), "Linjen har intet beløb."}); continue; }
    line.amount = m.kroner ? Amount::FromKroner((*amount)->kroner() / 1000) : **amount;
    if (m.date >= 0 && !cell(m.date).text.empty()) {
      auto d = Date::Parse(cell(m.date).text);
      if (!d.ok()) {
        req.problems.push_back({row.number, sheet::ColumnName(m.date), "«" + text::Truncate(cell(m.date).text, 20) + "» er ikke en dato (skriv fx 31-05-2025)."});
        continue;
      }
      line.date = *d;
    }
    req.lines.push_back(std::move(line));
  }
  return req;
}

std::string RealisedJson(const SheetRead& read, const RealisedResult& result) {
  ojson j;
  j["mapping"] = HeaderMapJson(read);
  j["notes"] = read.notes;
  j["as_of"] = result.as_of.Iso();
  ojson items = ojson::array();
  for (const auto& r : result.items) {
    const ItemData& d = r.item.data();
    items.push_back({{"item_id", r.item_id},
                     {"action", Slug(r.action)},
                     {"code", d.code ? ojson(d.code->text()) : ojson(nullptr)},
                     {"title", d.title},
                     {"keys", r.keys},
                     {"rows", r.rows},
                     {"realised", AmountsJson(r.realised)}});
  }
  j["items"] = items;
  ojson unmatched = ojson::array();
  for (const auto& l : result.unmatched) {
    std::map<int, Amount> one{{l.year, l.amount}};
    unmatched.push_back({{"row", l.row}, {"key", l.key}, {"year", l.year}, {"amount", AmountsJson(one)[std::to_string(l.year)]},
                         {"date", l.date ? ojson(l.date->Iso()) : ojson(nullptr)}});
  }
  j["unmatched"] = unmatched;
  j["problems"] = ProblemsJson(result.problems);
  j["summary"] = {{"update", result.updated}, {"unchanged", result.unchanged}, {"unmatched", result.unmatched.size()},
                  {"problems", result.problems.size()}, {"applied", result.applied}};
  return j.dump(2);
}

// ---- The port ----

Result<SheetRead> SheetImportReader::ReadPlanSheet(std::string_view bytes, const std::string& filename,
                                                   const PlanContext& ctx, const std::vector<std::string>& mappings,
                                                   PlanSheetRequest* request) const {
  auto sheet = TRY(sheet::Read(bytes, filename, limits_));
  Mapping mapping = ProposeMapping(sheet);
  SheetRead out;
  out.layout_key = mapping.LayoutKey("plan-sheet");
  for (const auto& m : mappings) RETURN_IF_ERROR(mapping.Apply(m));
  *request = ReadRows(sheet, mapping, ctx, ctx.plan.id(), filename);
  out.header_row = mapping.header_row;
  for (const auto& c : mapping.columns) out.columns.push_back({c.column, sheet::ColumnName(c.column), c.header, c.field});
  out.mapping_json = mapping.ToJson();
  out.notes = sheet.notes;
  out.sheet_rows = sheet.rows.size();
  return out;
}

std::string SheetImportReader::PlanSheetLayoutKey(std::string_view bytes, const std::string& filename) const {
  auto sheet = sheet::Read(bytes, filename, limits_);
  if (!sheet.ok()) return "";
  return ProposeMapping(*sheet).LayoutKey("plan-sheet");
}

std::vector<ImportFieldChoice> SheetImportReader::FieldChoices(int first_year, int last_year) const {
  return plan_sheet::FieldChoices(first_year, last_year);
}

Result<SheetRead> SheetImportReader::ReadRealised(std::string_view bytes, const std::string& filename,
                                                  RealisedRequest* request) const {
  auto sheet = TRY(sheet::Read(bytes, filename, limits_));
  RealisedMapping mapping = ProposeRealisedMapping(sheet);
  *request = plan_sheet::ReadRealised(sheet, mapping, 0, filename);
  SheetRead out;
  out.header_row = mapping.header_row;
  for (const auto& [header, field] : mapping.HeaderMap(sheet)) out.columns.push_back({0, "", header, field == "ignore" ? "" : field});
  for (const auto& row : sheet.rows)
    if (row.number == mapping.header_row)
      for (auto& c : out.columns)
        for (size_t i = 0; i < row.cells.size(); ++i)
          if (row.cells[i].text == c.header) { c.index = i; c.letter = sheet::ColumnName(i); }
  std::sort(out.columns.begin(), out.columns.end(), [](const ImportColumn& a, const ImportColumn& b) { return a.index < b.index; });
  out.notes = sheet.notes;
  if (mapping.kroner) out.notes.push_back("Beløbskolonnen er i kr. og er omregnet til 1.000 kr.");
  out.sheet_rows = sheet.rows.size();
  out.layout_key = "realised";
  return out;
}

}  // namespace bs::plan_sheet
