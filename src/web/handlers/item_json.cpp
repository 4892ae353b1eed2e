#include "web/handlers/item_json.h"

#include <cassert>
#include <set>

#include "core/text.h"
#include "web/errors.h"

namespace bs::web {
using nlohmann::json;

namespace {
void WriteAmounts(JsonWriter& w, const std::map<int, Amount>& amounts) {
  w.BeginObject();
  // Numeric order is nlohmann's (string) order while every year has four digits, which
  // validation guarantees (budget years 1900-2200).
  for (const auto& [year, amount] : amounts) {
    assert(year >= 1000 && year <= 9999);
    w.Key(std::to_string(year)).Double(amount.tkr());
  }
  w.EndObject();
}

void WriteTiming(JsonWriter& w, const Timing& t) {
  w.BeginObject();
  switch (t.kind()) {
    case Timing::Kind::kNone: w.Member("kind", "none"); break;
    case Timing::Kind::kMonth: w.Member("kind", "month").Member("month", t.month()); break;
    case Timing::Kind::kQuarter: w.Member("kind", "quarter").Member("quarter", t.quarter()); break;
    case Timing::Kind::kYear: w.Member("kind", "year"); break;
    case Timing::Kind::kText: w.Member("kind", "text"); break;
  }
  w.Member("text", t.Display());
  if (t.kind() == Timing::Kind::kMonth || t.kind() == Timing::Kind::kQuarter || t.kind() == Timing::Kind::kYear)
    w.Member("year", t.year());
  w.EndObject();
}

void WriteStrings(JsonWriter& w, const std::vector<std::string>& values) {
  w.BeginArray();
  for (const auto& v : values) w.String(v);
  w.EndArray();
}
}  // namespace

// Members in sorted order, as nlohmann's objects print them (json_writer.h).
void WriteItemJson(JsonWriter& w, const PlanContext& ctx, const PlanItem& item) {
  const ItemData& d = item.data();
  w.BeginObject();
  w.Key("amounts");
  WriteAmounts(w, d.amounts);
  w.Key("case_numbers");
  WriteStrings(w, d.case_numbers);
  w.Member("category", Slug(d.category)).Member("category_label", Label(d.category));
  if (d.code) {
    w.Member("code", d.code->text()).Key("code_parts").BeginObject().Key("flags");
    WriteStrings(w, d.code->flags());
    w.Member("number", d.code->number()).Member("prefix", d.code->prefix()).EndObject();
  } else {
    w.Key("code").Null();
  }
  w.Key("committee");
  if (d.committee.empty()) w.Null(); else w.String(d.committee);
  w.Member("created_at", item.created_at()).Member("cross_cutting", d.cross_cutting).Member("demo", d.demo);
  w.Member("director", d.director).Member("directors_role", d.directors_role);
  w.Key("external_keys");
  WriteStrings(w, d.external_keys);
  w.Member("id", item.id());
  w.Member("obs", d.obs).Member("obs_note", d.obs_note).Member("ordinary_operation", d.treatment.ordinary_operation);
  w.Member("plan_id", item.plan_id()).Member("political_treatment", d.treatment.FormatLines());
  w.Key("political_treatment_steps").BeginArray();
  for (const auto& s : d.treatment.steps) w.BeginObject().Member("body", s.body).Member("when", s.when.Display()).EndObject();
  w.EndArray();
  w.Member("process", d.process);
  w.Key("realised");  // expected realised effect per year, from status updates (read-only)
  WriteAmounts(w, d.realised);
  w.Member("responsible", d.responsible).Member("revision", item.revision());
  w.Key("sdgs").BeginArray();
  for (int g : d.sdgs) w.Int(g);
  w.EndArray();
  w.Member("state", Slug(d.state)).Member("state_label", Label(d.state)).Member("status_text", d.status_text);
  w.Member("strategic", d.strategic).Key("strategic_line");
  if (d.strategic_line_id) w.Int(d.strategic_line_id); else w.Null();
  w.Key("strategies");
  WriteStrings(w, d.strategies);
  const Theme* theme = ctx.FindTheme(d.theme_id);
  w.Key("theme");
  if (theme) w.String(theme->name); else w.Null();
  w.Member("timing", d.timing.Display()).Key("timing_parsed");
  WriteTiming(w, d.timing);
  w.Member("title", d.title).Member("traffic_light", Slug(d.traffic_light)).Member("updated_at", item.updated_at());
  w.Member("url", "/api/v1/items/" + std::to_string(item.id()));
  w.EndObject();
}

std::string ItemJsonText(const PlanContext& ctx, const PlanItem& item) {
  std::string out;
  JsonWriter w(out);
  WriteItemJson(w, ctx, item);
  return out;
}

json ItemToJson(const PlanContext& ctx, const PlanItem& item) { return json::parse(ItemJsonText(ctx, item)); }

json PlanToJson(const PlanContext& ctx) {
  const Plan& p = ctx.plan;
  json themes = json::array(), lines = json::array(), committees = json::array();
  for (const auto& t : ctx.themes) themes.push_back({{"id", t.id}, {"name", t.name}});
  for (const auto& l : ctx.strategic_lines) lines.push_back({{"id", l.id}, {"title", l.title}, {"description", l.description}});
  for (const auto& b : ctx.committees) committees.push_back({{"code", b.code}, {"name", b.name}});
  return {{"id", p.id()}, {"name", p.name()}, {"budget_name", p.budget_name()}, {"first_year", p.first_year()},
          {"last_year", p.last_year()}, {"description", p.description()}, {"committees", committees},
          {"themes", themes}, {"strategic_lines", lines},
          {"items_url", "/api/v1/plans/" + std::to_string(p.id()) + "/items"}};
}

bool IsJsonMediaType(std::string_view ct) {
  std::string type = text::FoldCase(text::Trim(std::string(ct.substr(0, ct.find(';')))));
  return type == "application/json";
}

Result<json> ReadJsonObject(const Request& r, std::string_view what) {
  if (!IsJsonMediaType(r.Header("content-type")))
    return MakeError(ErrorCode::kUnsupportedMediaType, "Send " + std::string(what) + " som application/json.");
  return ParseJsonObject(r.body);
}

Result<json> ParseJsonObject(const std::string& body) {
  // nlohmann's parser recurses; bound the depth before handing it the text.
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') { if (++depth > 64) return InvalidArgument("JSON er for dybt indlejret (højst 64 niveauer)."); }
    else if (c == '}' || c == ']') --depth;
  }
  // The last key read names the field when a number is out of range (issue 15 #5:
  // 1e400 answered 500 on every JSON endpoint).
  std::string key;
  auto note_key = [&key](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key && parsed.is_string()) key = parsed.get<std::string>();
    return true;
  };
  try {
    json j = json::parse(body, note_key);
    if (!j.is_object()) return InvalidArgument("Forespørgslens indhold skal være et JSON-objekt.");
    return j;
  } catch (const json::parse_error& e) {
    return InvalidArgument("Ugyldig JSON ved tegn " + std::to_string(e.byte) + ".");
  } catch (const json::exception&) {
    if (key.empty()) return InvalidArgument("Et tal i forespørgslen er for stort eller for lille.");
    std::string shown = text::Truncate(text::ValidUtf8(key), 40);
    return FieldErrors({{shown, "Tallet i «" + shown + "» er for stort eller for lille."}});
  }
}

Status ApplyJsonToDraft(const json& j, ItemDraft& d, int64_t* revision) {
  static const std::map<std::string, std::string ItemDraft::*> kStrings = {
      {"category", &ItemDraft::category}, {"committee", &ItemDraft::committee}, {"theme", &ItemDraft::theme},
      {"code", &ItemDraft::code}, {"title", &ItemDraft::title}, {"process", &ItemDraft::process},
      {"status_text", &ItemDraft::status_text}, {"state", &ItemDraft::state},
      {"traffic_light", &ItemDraft::traffic_light}, {"responsible", &ItemDraft::responsible},
      {"director", &ItemDraft::director}, {"timing", &ItemDraft::timing},
      {"political_treatment", &ItemDraft::political_treatment}, {"directors_role", &ItemDraft::directors_role},
      {"obs_note", &ItemDraft::obs_note}};
  static const std::map<std::string, bool ItemDraft::*> kBools = {
      {"cross_cutting", &ItemDraft::cross_cutting}, {"strategic", &ItemDraft::strategic},
      {"obs", &ItemDraft::obs}, {"demo", &ItemDraft::demo}};
  static const std::set<std::string> kReadOnly = {
      "id", "plan_id", "category_label", "code_parts", "state_label", "timing_parsed", "political_treatment_steps",
      "ordinary_operation", "realised", "created_at", "updated_at", "url"};

  std::vector<FieldError> errors;
  auto string_list = [&](const std::string& key, const json& v, const char* sep, std::string* out) {
    if (v.is_string()) { *out = v.get<std::string>(); return; }
    if (v.is_null()) { out->clear(); return; }
    if (!v.is_array()) { errors.push_back({key, "Skal være en liste af tekster."}); return; }
    std::vector<std::string> parts;
    for (const auto& e : v) {
      if (e.is_string()) parts.push_back(e.get<std::string>());
      else if (e.is_number_integer()) parts.push_back(std::to_string(e.get<int64_t>()));
      else { errors.push_back({key, "Listen må kun indeholde tekster eller tal."}); return; }
    }
    *out = text::Join(parts, sep);
  };

  for (const auto& [key, v] : j.items()) {
    if (auto it = kStrings.find(key); it != kStrings.end()) {
      if (v.is_string()) d.*(it->second) = v.get<std::string>();
      else if (v.is_null()) d.*(it->second) = "";
      else if (key == "political_treatment" && v.is_array()) {
        std::vector<std::string> lines;
        for (const auto& step : v) {
          if (!step.is_object() || !step.contains("body") || !step["body"].is_string()) {
            errors.push_back({key, "Hver behandling skal være {\"body\": \"ØK\", \"when\": \"juni 2025\"}."});
            break;
          }
          std::string line = step["body"].get<std::string>();
          if (step.contains("when") && step["when"].is_string()) line += ": " + step["when"].get<std::string>();
          lines.push_back(line);
        }
        d.political_treatment = text::Join(lines, "\n");
      } else errors.push_back({key, "Skal være en tekst."});
    } else if (auto b = kBools.find(key); b != kBools.end()) {
      if (v.is_boolean()) d.*(b->second) = v.get<bool>();
      else errors.push_back({key, "Skal være true eller false."});
    } else if (key == "amounts") {
      if (!v.is_object()) { errors.push_back({key, "Skal være et objekt med år som nøgler, fx {\"2025\": -500}."}); continue; }
      d.amounts.clear();
      ReadAmountsJson(v, "amount_", &d.amounts, &errors);
    } else if (key == "case_numbers") {
      string_list(key, v, ",", &d.case_numbers);
    } else if (key == "external_keys") {
      string_list(key, v, ",", &d.external_keys);
    } else if (key == "strategies") {
      string_list(key, v, "\n", &d.strategies);
    } else if (key == "sdgs") {
      string_list(key, v, ",", &d.sdgs);
    } else if (key == "strategic_line") {
      if (v.is_null()) d.strategic_line.clear();
      else if (v.is_number_integer()) d.strategic_line = std::to_string(v.get<int64_t>());
      else errors.push_back({key, "Skal være id'et på en strategisk linje eller null."});
    } else if (key == "revision") {
      if (v.is_number_integer() && revision) *revision = v.get<int64_t>();
      else if (!v.is_number_integer()) errors.push_back({key, "Skal være et heltal."});
    } else if (!kReadOnly.count(key)) {
      errors.push_back({text::IsValidUtf8(key) ? key.substr(0, 60) : "?", "Ukendt felt."});
    }
  }
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return OkStatus();
}

void ReadAmountsJson(const json& v, const std::string& prefix, std::map<std::string, std::string>* out,
                     std::vector<FieldError>* errors) {
  for (const auto& [year, a] : v.items()) {
    if (a.is_null()) continue;
    if (a.is_string()) {
      (*out)[year] = a.get<std::string>();
    } else if (a.is_number()) {
      auto amount = Amount::FromTkrNumber(a.get<double>());
      if (amount.ok()) (*out)[year] = amount->FormatTkr();
      else errors->push_back({prefix + year.substr(0, 8), amount.error().message});
    } else {
      errors->push_back({prefix + year.substr(0, 8), "Beløbet skal være et tal i 1.000 kr."});
    }
  }
}

bool ParseIfMatch(const std::string& header, int64_t* revision, bool* any) {
  std::string v = text::Trim(header);
  *any = v == "*";
  if (*any) return true;
  if (v.rfind("W/", 0) == 0) v = v.substr(2);
  if (v.size() < 3 || v.front() != '"' || v.back() != '"') return false;
  v = v.substr(1, v.size() - 2);
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  *revision = std::stoll(v);
  return *revision > 0;
}

Result<int64_t> BaseRevision(const Request& r, const PlanItem& current, bool* any_out) {
  std::string header = r.Header("if-match");
  if (text::Trim(header).empty())
    return MakeError(ErrorCode::kPreconditionRequired,
                     "Send If-Match med den version af punktet, ændringen bygger på (fra ETag), eller If-Match: *.");
  int64_t revision = 0;
  bool any = false;
  if (!ParseIfMatch(header, &revision, &any))
    return FieldErrors({{"If-Match", "If-Match skal være en version i anførselstegn, fx \"3\", eller *."}});
  if (any_out) *any_out = any;
  if (!any) return revision;
  return current.revision();
}

Response JsonResponse(int status, const json& j) {
  return Response::Json(status, j.dump(-1, ' ', false, json::error_handler_t::replace));
}

Response ItemResponse(int status, const PlanContext& ctx, const PlanItem& item) {
  Response r = Response::Json(status, ItemJsonText(ctx, item));
  r.headers.emplace_back("ETag", "\"" + std::to_string(item.revision()) + "\"");
  return r;
}

}  // namespace bs::web
