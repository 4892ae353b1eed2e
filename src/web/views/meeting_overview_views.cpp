// Across meetings (issue 6): the overview, a body's portfolio, its workplan and the year wheel.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "web/form.h"
#include "web/html.h"
#include "web/views/layout.h"
#include "web/views/meeting_parts.h"
#include "web/views/meeting_views.h"

namespace bs::web::views {
using namespace meeting_parts;

std::string OverviewPage(const Overview& o) {
  Html h;
  std::string title = "Kommende tre ugers møder";
  PageStart(h, title, {{"Møder", "/moeder"}, {title, ""}});
  h.Raw("<h1>Gennemgang af portefølje og kommende tre ugers møder</h1><p class=\"lead\">").Text(o.from.Long()).Raw(" – ")
      .Text(o.to.Long()).Raw(".</p>");
  h.Raw("<p class=\"no-print\"><a href=\"/overblik?fra=").Text(Date::FromDays(o.from.ToDays() - 7).Short()).Raw("\">← En uge tilbage</a> · <a href=\"/overblik?fra=")
      .Text(Date::FromDays(o.from.ToDays() + 7).Short()).Raw("\">En uge frem →</a></p>");
  h.Raw("<h2>Møder</h2>");
  if (o.meetings.empty()) h.Raw("<p class=\"none\">Ingen møder i perioden.</p>");
  else {
    h.Raw("<ul class=\"meetings\">");
    for (const auto& s : o.meetings) MeetingLine(h, s, true);
    h.Raw("</ul>");
  }
  h.Raw("<h2>Sager på vej</h2>");
  if (o.on_the_way.empty()) h.Raw("<p class=\"none\">Ingen sager venter på næste organ.</p>");
  else {
    h.Raw("<table class=\"stack-narrow\"><thead><tr><th scope=\"col\">Sag</th><th scope=\"col\">Senest på dagsorden</th><th scope=\"col\">Næste organ</th></tr></thead><tbody>");
    for (const auto& w : o.on_the_way) {
      h.Raw("<tr><td>");
      CaseLink(h, w.c.number);
      h.Raw(" ").Text(w.c.title).Raw("</td><td data-label=\"Senest på dagsorden\">").Text(w.from_body).Raw(" ").Text(w.decided_on.Short())
          .Raw("</td><td data-label=\"Næste organ\">").Text(w.next_body).Raw("</td></tr>");
    }
    h.Raw("</tbody></table>");
  }
  PageEnd(h);
  return h.Take();
}

std::string PortfolioPage(const Portfolio& p) {
  Html h;
  std::string title = p.body.name + ": portefølje";
  PageStart(h, title, {{"Møder", "/moeder"}, {p.body.name, "/moeder?organ=" + PercentEncode(p.body.code)}, {"Portefølje", ""}});
  h.Raw("<h1>").Text(title).Raw("</h1><h2>De næste tre møder</h2>");
  if (p.next_meetings.empty()) h.Raw("<p class=\"none\">Ingen kommende møder.</p>");
  else {
    h.Raw("<ul class=\"meetings\">");
    for (const auto& s : p.next_meetings) MeetingLine(h, s, false);
    h.Raw("</ul>");
  }
  h.Raw("<h2>Planpunkter, der venter på behandling</h2>");
  if (p.waiting.empty()) h.Raw("<p class=\"none\">Ingen planpunkter venter på ").Text(p.body.name).Raw(".</p>");
  else {
    h.Raw("<table><thead><tr><th scope=\"col\">Punkt</th><th scope=\"col\">Politisk behandling</th></tr></thead><tbody>");
    for (size_t i = 0; i < p.waiting.size(); ++i)
      h.Raw("<tr><td><a href=\"/emner/").Text(p.waiting[i].id).Raw("\">").Text(p.waiting[i].code).Raw(" ").Text(p.waiting[i].title)
          .Raw("</a></td><td>").Text(p.waiting_when[i]).Raw("</td></tr>");
    h.Raw("</tbody></table>");
  }
  PageEnd(h);
  return h.Take();
}

SafeHtml YearWheelSvg(const Workplan& w) {
  // 12 sectors clockwise from the top (January); meetings as dots on their day.
  const double cx = 210, cy = 210, r_out = 190, r_in = 110;
  Html h;
  h.Raw("<svg class=\"wheel\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 420 420\" width=\"420\" height=\"420\" role=\"img\" aria-labelledby=\"wheel-title\">"
        "<title id=\"wheel-title\">Årshjul ").Text(w.year).Raw(" for ").Text(w.body.name).Raw(": møder og planlagte emner pr. måned</title>");
  auto point = [&](double r, double angle) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f,%.1f", cx + r * std::sin(angle), cy - r * std::cos(angle));
    return std::string(buf);
  };
  const double kPi = 3.14159265358979;
  for (int month = 1; month <= 12; ++month) {
    double a0 = (month - 1) * kPi / 6, a1 = month * kPi / 6;
    bool planned = false;
    for (const auto& t : w.topics) planned = planned || std::find(t.months.begin(), t.months.end(), month) != t.months.end();
    h.Raw("<path d=\"M").Text(point(r_in, a0)).Raw(" L").Text(point(r_out, a0)).Raw(" A190,190 0 0 1 ").Text(point(r_out, a1)).Raw(" L")
        .Text(point(r_in, a1)).Raw(" A110,110 0 0 0 ").Text(point(r_in, a0)).Raw(" Z\" fill=\"").Raw(planned ? Literal("#dbe8f5") : Literal("#f3f5f8"))
        .Raw("\" stroke=\"#4a5360\" stroke-width=\"1\"/>");
    std::string label(DanishMonthName(month).substr(0, 3));
    std::string at = point((r_in + r_out) / 2 + 30, (a0 + a1) / 2);
    size_t comma = at.find(',');
    h.Raw("<text x=\"").Text(at.substr(0, comma)).Raw("\" y=\"").Text(at.substr(comma + 1)).Raw("\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1b1f24\">")
        .Text(label).Raw("</text>");
  }
  for (const auto& s : w.meetings) {
    double a = ((s.meeting.date.month - 1) + (s.meeting.date.day - 0.5) / 31.0) * kPi / 6;
    std::string at = point(r_in + 22, a);
    size_t comma = at.find(',');
    h.Raw("<circle cx=\"").Text(at.substr(0, comma)).Raw("\" cy=\"").Text(at.substr(comma + 1)).Raw("\" r=\"6\" fill=\"")
        .Raw(s.planned.empty() ? Literal("#4a5360") : Literal("#0b4f8a")).Raw("\"><title>").Text(s.meeting.date.Short())
        .Text(s.planned.empty() ? std::string() : ": " + text::Join(s.planned, "; ")).Raw("</title></circle>");
  }
  h.Raw("<text x=\"210\" y=\"205\" font-size=\"22\" text-anchor=\"middle\" fill=\"#1b1f24\">").Text(w.year).Raw("</text>"
        "<text x=\"210\" y=\"228\" font-size=\"12\" text-anchor=\"middle\" fill=\"#4a5360\">").Text(w.body.code).Raw("</text></svg>");
  return h.Fragment();
}

std::string WorkplanPage(const WorkplanPageModel& m) {
  const Workplan& w = m.plan;
  Html h;
  std::string title = w.body.name + ": arbejdsplan " + std::to_string(w.year);
  PageStart(h, title, {{"Møder", "/moeder"}, {w.body.name, "/moeder?organ=" + PercentEncode(w.body.code)}, {"Arbejdsplan", ""}});
  h.Raw("<h1>").Text(title).Raw("</h1>");
  Notice(h, m.notice);
  std::string base = "/organer/" + PercentEncode(w.body.code) + "/arbejdsplan";
  h.Raw("<p class=\"no-print\"><a href=\"").Text(base).Raw("?aar=").Text(w.year - 1).Raw("\">← ").Text(w.year - 1).Raw("</a> · <a href=\"")
      .Text(base).Raw("?aar=").Text(w.year + 1).Raw("\">").Text(w.year + 1).Raw(" →</a></p>");
  h.Raw("<figure class=\"wheel\">").Append(YearWheelSvg(w)).Raw("<figcaption class=\"meta\">Måneder med faste emner er farvede; "
        "prikkerne er organets møder (mørkeblå: møder med planlagte emner). Tabellen nedenfor siger det samme i tekst.</figcaption></figure>");
  h.Raw("<h2>Møder og planlagte emner</h2>");
  if (w.meetings.empty()) h.Raw("<p class=\"none\">Ingen møder i ").Text(w.year).Raw(".</p>");
  else {
    h.Raw("<table class=\"stack-narrow\"><thead><tr><th scope=\"col\">Møde</th><th scope=\"col\">Årshjulets emner</th><th scope=\"col\">På dagsordenen</th></tr></thead><tbody>");
    for (const auto& s : w.meetings) {
      h.Raw("<tr><td><a href=\"").Text(MeetingUrl(s.meeting)).Raw("\">").Text(s.meeting.date.Long()).Raw("</a></td><td data-label=\"Årshjulets emner\">")
          .Text(s.planned.empty() ? "–" : text::Join(s.planned, "; ")).Raw("</td><td data-label=\"På dagsordenen\">").Text(s.titles.empty() ? "–" : text::Join(s.titles, "; "))
          .Raw("</td></tr>");
    }
    h.Raw("</tbody></table>");
  }
  h.Raw("<h2>Årshjulets emner</h2>");
  if (w.topics.empty()) h.Raw("<p class=\"none\">Ingen faste emner endnu.</p>");
  else {
    h.Raw("<ul>");
    for (const auto& t : w.topics) {
      h.Raw("<li>").Text(t.title).Raw(" – ").Text(FormatMonths(t.months));
      if (m.may_prepare) PostButton(h, "/aarshjul/" + std::to_string(t.id) + "/fjern", "Fjern", "secondary", "Fjern emnet " + t.title);
      h.Raw("</li>");
    }
    h.Raw("</ul>");
  }
  if (m.may_prepare) {
    h.Raw("<h3>Nyt fast emne</h3>");
    ErrorSummary(h, "Emnet er ikke oprettet:", m.errors);
    h.PostForm(std::string("/organer/") + PercentEncode(w.body.code) + "/aarshjul", "class=\"stack\"");
    Field(h, "t-title", "titel", "Emne", m.draft.title, m.errors);
    Field(h, "t-months", "maaneder", "Måneder (fx «6, 12», «juni, december» eller «alle»)", m.draft.months, m.errors);
    Field(h, "t-case", "sag", "Sag (sagsnummer)", m.draft.case_number, m.errors);
    h.Raw("<button type=\"submit\">Tilføj emnet</button></form>");
  }
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
