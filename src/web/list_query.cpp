#include "web/list_query.h"

#include "core/text.h"
#include "web/form.h"

namespace bs::web {
namespace {
bool ParseFlag(const std::string& v, std::optional<bool>* out) {
  if (v.empty()) return true;
  if (v == "1" || v == "true" || v == "ja") { *out = true; return true; }
  if (v == "0" || v == "false" || v == "nej") { *out = false; return true; }
  return false;
}
bool ParseNonNegative(const std::string& v, int max, int* out) {
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = std::stoi(v);
  return *out <= max;
}
}  // namespace

ListQuery ParseListQuery(const std::string& raw, const PlanContext& ctx, bool paging) {
  ListQuery q;
  FormData form;
  if (!FormData::Parse(raw, &form)) {
    q.errors.push_back({"query", "Adressens parametre kunne ikke læses (ugyldig kodning)."});
    return q;
  }
  auto get = [&](const char* k) { return text::Trim(form.Get(k)).substr(0, 300); };
  q.committee = get("committee");
  q.category = get("category");
  q.state = get("state");
  q.cross = get("cross_cutting");
  q.obs = get("obs");
  q.responsible = get("responsible");
  q.q = get("q");
  q.sort = get("sort");
  q.dir = get("dir");
  q.done = get("done");
  q.limit = get("limit");
  q.offset = get("offset");

  ItemFilter& f = q.filter;
  if (!q.committee.empty()) {
    const Body* b = ctx.FindBody(q.committee);
    if (!b || !b->owns_items) q.errors.push_back({"committee", "«" + q.committee + "» er ikke et kendt udvalg."});
    else f.committee = q.committee;
  }
  if (!q.category.empty()) {
    if (auto c = ParseCategory(q.category)) f.category = c;
    else q.errors.push_back({"category", "Ukendt kategori «" + q.category + "» (brug operating, proposal, capital eller intent)."});
  }
  if (!q.state.empty()) {
    if (auto s = ParseProgressState(q.state)) f.state = s;
    else q.errors.push_back({"state", "Ukendt fremdrift «" + q.state + "» (brug not_started, in_progress, done eller dropped)."});
  }
  if (!ParseFlag(q.cross, &f.cross_cutting)) q.errors.push_back({"cross_cutting", "Brug 1 eller 0."});
  if (!ParseFlag(q.obs, &f.obs)) q.errors.push_back({"obs", "Brug 1 eller 0."});
  f.responsible = q.responsible;
  f.query = q.q;
  if (!q.sort.empty()) {
    if (auto s = ParseItemSort(q.sort)) f.sort = *s;
    else q.errors.push_back({"sort", "Sortér efter code, title, state eller timing."});
  }
  if (q.dir == "desc") f.descending = true;
  else if (!q.dir.empty() && q.dir != "asc") q.errors.push_back({"dir", "Brug asc eller desc."});
  q.separate_done = q.done == "separate";
  if (paging) {
    f.limit = 100;
    if (!q.limit.empty() && (!ParseNonNegative(q.limit, 500, &f.limit) || f.limit < 1))
      q.errors.push_back({"limit", "limit skal være et tal fra 1 til 500."});
    if (!q.offset.empty() && !ParseNonNegative(q.offset, 100'000'000, &f.offset))
      q.errors.push_back({"offset", "offset skal være et tal fra 0 og op."});
  }
  return q;
}

std::string ListQuery::QueryString(const std::string& key, const std::string& value) const {
  std::vector<std::pair<std::string, std::string>> kv = {
      {"committee", committee}, {"category", category}, {"state", state}, {"cross_cutting", cross},
      {"obs", obs}, {"responsible", responsible}, {"q", q}, {"sort", sort}, {"dir", dir}, {"done", done}};
  std::string out;
  for (auto& [k, v] : kv) {
    std::string val = k == key ? value : v;
    if (val.empty()) continue;
    out += (out.empty() ? "?" : "&") + k + "=" + PercentEncode(val);
  }
  return out;
}

bool ListQuery::Any() const {
  return !(committee.empty() && category.empty() && state.empty() && cross.empty() && obs.empty() &&
           responsible.empty() && q.empty());
}

}  // namespace bs::web
