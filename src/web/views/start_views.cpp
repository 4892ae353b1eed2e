// "Mit overblik" and the public home page (issue 14): each role's section links into
// the pages where the work is done; every list has its empty state.
#include "web/views/start_views.h"

#include <set>

#include "core/text.h"
#include "web/form.h"
#include "web/html.h"
#include "web/views/layout.h"
#include "web/views/meeting_parts.h"

namespace bs::web::views {
using namespace meeting_parts;

namespace {

constexpr size_t kListed = 10;  // rows shown per list before «Se alle»

std::string PlanUrl(const StartPage& p) { return "/planer/" + Id(p.plan->ctx.plan.id()); }

void Count(Html& h, size_t n, Literal one, Literal many) {
  h.Text(static_cast<long long>(n)).Raw(" ").Raw(n == 1 ? one : many);
}

void ItemLink(Html& h, const PlanItem& item) {
  h.Raw("<a href=\"/emner/").Text(item.id()).Raw("\">");
  if (item.data().code) h.Raw("<span class=\"code\">").Text(item.data().code->text()).Raw("</span> ");
  h.Text(item.data().title).Raw("</a>");
}

void Light(Html& h, TrafficLight l) {
  if (l == TrafficLight::kNone) { h.Raw("<span class=\"meta\">Intet trafiklys</span>"); return; }
  h.Raw("<span class=\"light light-").Text(Slug(l)).Raw("\"><span class=\"dot\" aria-hidden=\"true\"></span>").Text(Label(l)).Raw("</span>");
}

// A list of items: link, state and light; at most kListed, then a link to all of them.
void ItemList(Html& h, const std::vector<PlanItem>& items, const std::string& all_url, const std::set<ItemId>* awaiting = nullptr) {
  h.Raw("<ul class=\"start-items\">");
  for (size_t i = 0; i < items.size() && i < kListed; ++i) {
    const PlanItem& item = items[i];
    h.Raw("<li>");
    ItemLink(h, item);
    h.Raw(" <span class=\"meta\">– ").Text(Label(item.data().state)).Raw(" · </span>");
    Light(h, item.data().traffic_light);
    if (awaiting && awaiting->count(item.id())) h.Raw(" <strong class=\"tag\">Mangler status i runden</strong>");
    h.Raw("</li>");
  }
  h.Raw("</ul>");
  if (items.size() > kListed && !all_url.empty())
    h.Raw("<p><a href=\"").Text(all_url).Raw("\">Se alle ").Text(static_cast<long long>(items.size())).Raw("</a></p>");
}

void Meetings(Html& h, const std::vector<MeetingSummary>& meetings, const char* none) {
  if (meetings.empty()) { h.Raw("<p class=\"none\">").Text(none).Raw("</p>"); return; }
  h.Raw("<ul class=\"meetings\">");
  for (size_t i = 0; i < meetings.size() && i < kListed; ++i) MeetingLine(h, meetings[i], true);
  h.Raw("</ul>");
}

void Glance(Html& h, const StartPage& p) {
  std::string url = PlanUrl(p);
  h.Raw("<section class=\"start\" aria-labelledby=\"s-plan\"><h2 id=\"s-plan\">Planen lige nu</h2><p>")
      .Text(p.plan->ctx.plan.name()).Raw(": ");
  Count(h, static_cast<size_t>(p.items), "punkt", "punkter");
  h.Raw(", heraf <a href=\"").Text(url).Raw("?obs=1\">");
  Count(h, static_cast<size_t>(p.obs), "med OBS-punkt", "med OBS-punkt");
  h.Raw("</a>.</p><div class=\"glance\"><table><caption>Fremdrift</caption><tbody>");
  for (auto s : {ProgressState::kNotStarted, ProgressState::kInProgress, ProgressState::kDone, ProgressState::kDropped}) {
    auto it = p.by_state.find(s);
    h.Raw("<tr><th scope=\"row\"><a href=\"").Text(url).Raw("?state=").Text(Slug(s)).Raw("\">").Text(Label(s)).Raw("</a></th><td class=\"num\">")
        .Text(it == p.by_state.end() ? 0 : it->second).Raw("</td></tr>");
  }
  h.Raw("</tbody></table><table><caption>Trafiklys</caption><tbody>");
  for (auto l : {TrafficLight::kGreen, TrafficLight::kYellow, TrafficLight::kRed, TrafficLight::kNone}) {
    auto it = p.by_light.find(l);
    h.Raw("<tr><th scope=\"row\">");
    Light(h, l);
    h.Raw("</th><td class=\"num\">").Text(it == p.by_light.end() ? 0 : it->second).Raw("</td></tr>");
  }
  h.Raw("</tbody></table></div>");
  if (p.open_round) {
    const RoundMark& r = *p.open_round;
    h.Raw("<p>Statusrunden <a href=\"/statusrunder/").Text(r.round.id).Raw("\">«").Text(r.round.name).Raw("»</a> er åben til ")
        .Text(r.round.cutoff.Short()).Raw(": ").Text(r.reported).Raw(" af ");
    Count(h, static_cast<size_t>(r.items), "punkt", "punkter");
    h.Raw(" har givet status.</p>");
  }
  h.Raw("<h3>Uden status i over tre måneder</h3>");
  if (p.stale.empty()) {
    h.Raw("<p class=\"none\">Alle igangværende punkter har fået status inden for de seneste tre måneder.</p>");
  } else {
    h.Raw("<ul class=\"start-items\">");
    for (size_t i = 0; i < p.stale.size() && i < kListed; ++i) {
      h.Raw("<li>");
      ItemLink(h, p.stale[i]);
      auto it = p.last_status.find(p.stale[i].id());
      h.Raw(" <span class=\"meta\">– ");
      if (it == p.last_status.end()) h.Raw("aldrig fået status");
      else h.Raw("seneste status ").Text(it->second.Short());
      h.Raw("</span></li>");
    }
    h.Raw("</ul>");
    if (p.stale.size() > kListed)
      h.Raw("<p class=\"meta\">og ").Text(static_cast<long long>(p.stale.size() - kListed)).Raw(" flere.</p>");
  }
  h.Raw("</section>");
}

void Mine(Html& h, const StartPage& p) {
  h.Raw("<section class=\"start\" aria-labelledby=\"s-mine\"><h2 id=\"s-mine\">Mine punkter</h2>");
  if (!p.departments.empty())
    h.Raw("<p class=\"meta\">Punkterne i ").Text(text::Join(p.departments, ", ")).Raw(" og dem, du er ansvarlig for.</p>");
  if (p.mine.empty()) {
    h.Raw("<p class=\"none\">Du er ikke ansvarlig for nogen punkter i planen.</p></section>");
    return;
  }
  if (p.open_round) {
    size_t awaiting = 0;
    for (const auto& i : p.mine) awaiting += p.open_round->awaiting.count(i.id());
    h.Raw("<p>");
    if (awaiting == 0) h.Raw("Alle dine punkter har givet status i runden «").Text(p.open_round->round.name).Raw("».");
    else {
      Count(h, awaiting, "punkt mangler", "punkter mangler");
      h.Raw(" status i runden «").Text(p.open_round->round.name).Raw("» (frist ").Text(p.open_round->round.cutoff.Short()).Raw(").");
    }
    h.Raw("</p>");
  }
  std::string all = PlanUrl(p) + (p.departments.size() == 1 ? "?committee=" + PercentEncode(p.departments[0]) : "");
  ItemList(h, p.mine, all, p.open_round ? &p.open_round->awaiting : nullptr);
  h.Raw("</section>");
}

void Directors(Html& h, const StartPage& p) {
  std::string url = PlanUrl(p);
  h.Raw("<section class=\"start\" aria-labelledby=\"s-obs\"><h2 id=\"s-obs\">Åbne OBS-punkter</h2>");
  if (p.obs_items.empty()) h.Raw("<p class=\"none\">Ingen punkter har et åbent OBS-punkt.</p>");
  else ItemList(h, p.obs_items, url + "?obs=1");
  h.Raw("</section><section class=\"start\" aria-labelledby=\"s-cross\"><h2 id=\"s-cross\">Tværgående punkter</h2>");
  if (p.cross_cutting.empty()) h.Raw("<p class=\"none\">Ingen igangværende tværgående punkter.</p>");
  else ItemList(h, p.cross_cutting, url + "?cross_cutting=1");
  h.Raw("</section>");
  h.Raw("<section class=\"start\" aria-labelledby=\"s-high\"><h2 id=\"s-high\">Fremhævet for ØK</h2>");
  if (!p.highlight_round) {
    h.Raw("<p class=\"none\">Der har ikke været en statusrunde endnu.</p></section>");
    return;
  }
  h.Raw("<p class=\"meta\">Fra statusrunden <a href=\"/statusrunder/").Text(p.highlight_round->id).Raw("\">«").Text(p.highlight_round->name)
      .Raw("»</a>.</p>");
  if (p.highlights.empty()) h.Raw("<p class=\"none\">Intet er fremhævet i runden.</p>");
  else {
    h.Raw("<ul class=\"start-items\">");
    for (const auto& hv : p.highlights) {
      h.Raw("<li>");
      ItemLink(h, hv.item);
      if (!hv.highlight.reason.empty()) h.Raw(" <span class=\"meta\">– ").Text(hv.highlight.reason).Raw("</span>");
      h.Raw("</li>");
    }
    h.Raw("</ul>");
  }
  h.Raw("</section>");
}

void Secretaries(Html& h, const StartPage& p) {
  h.Raw("<section class=\"start\" aria-labelledby=\"s-prep\"><h2 id=\"s-prep\">Møder under forberedelse</h2>");
  Meetings(h, p.preparing, "Ingen kommende møder i dine organer venter på at blive offentliggjort.");
  h.Raw("<p><a href=\"/moeder\">Alle møder</a> · <a href=\"/sager\">Sager</a></p></section>");
  h.Raw("<section class=\"start\" aria-labelledby=\"s-way\"><h2 id=\"s-way\">Sager på vej til dine organer</h2>");
  if (p.on_the_way.empty()) h.Raw("<p class=\"none\">Ingen sager venter på at komme på en dagsorden.</p>");
  else {
    h.Raw("<ul class=\"start-items\">");
    for (const auto& w : p.on_the_way) {
      h.Raw("<li>");
      CaseLink(h, w.c.number);
      h.Raw(" ").Text(w.c.title).Raw(" <span class=\"meta\">– behandlet i ").Text(w.from_body).Raw(" ").Text(w.decided_on.Short())
          .Raw(", næste: ").Text(w.next_body).Raw("</span></li>");
    }
    h.Raw("</ul>");
  }
  h.Raw("</section>");
}

void Politicians(Html& h, const StartPage& p) {
  h.Raw("<section class=\"start\" aria-labelledby=\"s-next\"><h2 id=\"s-next\">Dine næste møder</h2>");
  Meetings(h, p.next_meetings, "Ingen møder i dine organer de næste to måneder.");
  h.Raw("</section><section class=\"start\" aria-labelledby=\"s-min\"><h2 id=\"s-min\">Seneste protokoller</h2>");
  if (p.latest_minutes.empty()) h.Raw("<p class=\"none\">Ingen godkendte protokoller fra dine organer endnu.</p>");
  else {
    h.Raw("<ul class=\"meetings\">");
    for (const auto& s : p.latest_minutes) {
      h.Raw("<li><a href=\"").Text(MeetingUrl(s.meeting)).Raw("\">").Text(s.body_name).Raw(" ").Text(s.meeting.date.Long())
          .Raw("</a> · <a href=\"").Text(MeetingUrl(s.meeting)).Raw("/protokol.pdf\">Beslutningsprotokol (PDF)</a></li>");
    }
    h.Raw("</ul>");
  }
  h.Raw("</section>");
  if (p.plan) {
    bool any = false;
    for (const auto& b : p.bodies) {
      if (!b.owns_items) continue;
      if (!any) h.Raw("<section class=\"start\" aria-labelledby=\"s-ext\"><h2 id=\"s-ext\">Dit udvalgs punkter</h2><ul>");
      any = true;
      h.Raw("<li><a href=\"").Text(PlanUrl(p)).Raw("/udvalg/").Text(PercentEncode(b.code)).Raw("\">").Text(b.name).Raw(": udtræk af ")
          .Text(p.plan->ctx.plan.name()).Raw("</a></li>");
    }
    if (any) h.Raw("</ul></section>");
  }
}

void Everyone(Html& h, const StartPage& p) {
  h.Raw("<section class=\"start\" aria-labelledby=\"s-coming\"><h2 id=\"s-coming\">Kommende møder</h2>");
  Meetings(h, p.coming, "Ingen offentliggjorte dagsordener til de kommende møder endnu.");
  h.Raw("<p><a href=\"/moeder\">Alle møder og arkivet</a></p></section>");
  h.Raw("<section class=\"start\" aria-labelledby=\"s-dec\"><h2 id=\"s-dec\">Seneste beslutninger</h2>");
  if (p.decisions.empty()) {
    h.Raw("<p class=\"none\">Ingen godkendte protokoller endnu.</p></section>");
    return;
  }
  MeetingId current = 0;
  for (const auto& d : p.decisions) {
    if (d.meeting.meeting.id != current) {
      if (current != 0) h.Raw("</ul>");
      current = d.meeting.meeting.id;
      h.Raw("<h3><a href=\"").Text(MeetingUrl(d.meeting.meeting)).Raw("\">").Text(d.meeting.body_name).Raw(" ")
          .Text(d.meeting.meeting.date.Long()).Raw("</a></h3><ul class=\"decisions\">");
    }
    h.Raw("<li><a href=\"").Text(MeetingUrl(d.meeting.meeting)).Raw("#punkt-").Text(d.position).Raw("\">").Text(d.position).Raw(". ")
        .Text(d.title).Raw("</a>: ").Text(text::Truncate(d.decision, 200)).Raw("</li>");
  }
  h.Raw("</ul></section>");
}

}  // namespace

std::string StartPageView(const StartPage& p) {
  Html h;
  std::string title = p.signed_in ? "Mit overblik" : (p.municipality.empty() ? "budgetspor" : p.municipality);
  PageStart(h, title, {});
  if (p.signed_in) {
    h.Raw("<h1>Mit overblik</h1><p class=\"lead\">").Text(p.name).Raw(", ").Text(p.today.Long()).Raw(".</p>");
  } else {
    h.Raw("<h1>").Text(title).Raw("</h1><p class=\"lead\">Udmøntningsplanen viser, hvordan kommunalbestyrelsens budgetaftale "
          "bliver til virkelighed: hvert punkt i aftalen med ansvarlig, tidsplan, status og beløb. Her kan du følge planen "
          "og de politiske møder, hvor den behandles.</p>");
  }
  if (!p.plan) {
    h.Raw("<p class=\"none\">Der er ingen ").Raw(p.signed_in ? Literal("planer") : Literal("offentliggjort plan")).Raw(" endnu.");
    if (p.signed_in) h.Raw(" <a href=\"/planer\">Planer</a>");
    h.Raw("</p>");
  } else if (!p.plan->caps.live || !p.signed_in) {
    h.Raw("<section class=\"start\" aria-labelledby=\"s-pub\"><h2 id=\"s-pub\">Planen</h2><p>");
    if (p.latest_version)
      h.Raw("<a href=\"").Text(PlanUrl(p)).Raw("/versioner/").Text(p.latest_version->id).Raw("\">").Text(p.plan->ctx.plan.name()).Raw(": ")
          .Text(p.latest_version->name).Raw("</a> <span class=\"meta\">(pr. ").Text(p.latest_version->as_of.Short()).Raw(")</span>");
    else h.Raw("<a href=\"").Text(PlanUrl(p)).Raw("\">").Text(p.plan->ctx.plan.name()).Raw("</a>");
    h.Raw("</p></section>");
  } else {
    h.Raw("<p><a href=\"").Text(PlanUrl(p)).Raw("\">").Text(p.plan->ctx.plan.name()).Raw("</a>");
    if (p.latest_version)
      h.Raw(" · senest offentliggjort: <a href=\"").Text(PlanUrl(p)).Raw("/versioner/").Text(p.latest_version->id).Raw("\">")
          .Text(p.latest_version->name).Raw("</a>");
    h.Raw("</p>");
  }
  if (p.signed_in && p.plan && p.plan->caps.live) {
    if (p.head) Mine(h, p);
    if (p.director) Directors(h, p);
    if (p.finance) Glance(h, p);
  }
  if (p.signed_in && p.secretary) Secretaries(h, p);
  if (p.signed_in && !p.bodies.empty()) Politicians(h, p);
  Everyone(h, p);
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
