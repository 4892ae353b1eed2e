// The meetings list and the meeting page with its agenda, minutes and the preparers' panel (issue 6).
#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"
#include "web/form.h"
#include "web/html.h"
#include "web/views/layout.h"
#include "web/views/meeting_parts.h"
#include "web/views/meeting_views.h"

namespace bs::web::views {
using namespace meeting_parts;

namespace {

// Who did not take part in this item (issue 14), in the decision form: one choice per
// member at the meeting (those absent or excused for the whole meeting are not offered).
// "deltagelse" tells the handler the choices were part of the form.
void ItemAbsenceFields(Html& h, const MeetingView& v, const AgendaItem& item, const std::string& did) {
  std::set<int64_t> away(v.meeting.absent.begin(), v.meeting.absent.end());
  away.insert(v.meeting.apologies.begin(), v.meeting.apologies.end());
  std::map<int64_t, bool> marked;
  for (const auto& a : item.absences) marked[a.person] = a.inhabil;
  bool any = false;
  for (const auto& s : v.seated) any = any || !away.count(s.membership.user_id);
  if (!any) return;
  h.Raw("<details class=\"item-absences\"").Raw(marked.empty() ? Literal("") : Literal(" open"))
      .Raw("><summary>Deltog alle i behandlingen? (fx inhabilitet)</summary><input type=\"hidden\" name=\"deltagelse\" value=\"1\">"
           "<fieldset><legend>Medlemmer, der ikke deltog i behandlingen af punkt ").Text(item.position).Raw("</legend>");
  for (const auto& s : v.seated) {
    if (away.count(s.membership.user_id)) continue;
    std::string id = did + "-i" + Id(s.membership.user_id);
    auto m = marked.find(s.membership.user_id);
    std::string state = m == marked.end() ? "" : m->second ? "inhabil" : "ude";
    h.Raw("<div class=\"field inline-field\"><label for=\"").Text(id).Raw("\">").Text(s.Printed()).Raw("</label><select id=\"")
        .Text(id).Raw("\" name=\"i").Text(s.membership.user_id).Raw("\">");
    for (auto [value, label] : {std::pair{"", "Deltog"}, {"ude", "Deltog ikke"}, {"inhabil", "Deltog ikke (inhabil)"}})
      h.Raw("<option value=\"").Text(value).Raw("\"").Raw(state == value ? Literal(" selected") : Literal("")).Raw(">").Text(label).Raw("</option>");
    h.Raw("</select></div>");
  }
  h.Raw("</fieldset></details>");
}

void AgendaItemSection(Html& h, const MeetingPageModel& model, const AgendaEntry& e) {
  const MeetingView& v = model.view;
  const Meeting& m = v.meeting;
  const AgendaItem& item = e.item;
  bool tools = v.may_prepare && !model.public_edition;
  h.Raw("<section class=\"agenda-item\" id=\"punkt-").Text(item.position).Raw("\" aria-labelledby=\"p").Text(item.id).Raw("\">");
  h.Raw("<h3 id=\"p").Text(item.id).Raw("\">").Text(item.position).Raw(". ");
  if (item.closed) h.Raw("<span class=\"tag closed\">Lukket punkt</span> ");
  h.Text(item.title).Raw("</h3>");
  if (!e.content) {
    h.Raw("<p class=\"meta\">Lukket punkt. Indholdet er ikke offentligt (Styrelseslovens § 10).</p></section>");
    return;
  }
  h.Raw("<p class=\"meta\">Sag ");
  CaseLink(h, e.c.number);
  if (!e.c.kle.empty()) {
    h.Raw(" · KLE ").Text(e.c.kle);
    if (!e.kle_title.empty()) h.Raw(" ").Text(e.kle_title);
  }
  h.Raw(" · ").Raw(e.c.closed ? Literal("Lukket sag") : Literal("Åben sag"));
  if (!e.c.route.empty()) h.Raw(" · Sagsgang ").Text(text::Join(e.c.route, " → "));
  h.Raw("</p>");
  if (!e.c.officer.empty()) h.Raw("<p class=\"meta\">Sagsansvarlig: ").Text(e.c.officer).Raw("</p>");
  if (item.slot_start >= 0) {
    h.Raw("<p class=\"meta\">Tid: ").Text(FormatClock(item.slot_start));
    if (item.slot_end >= 0) h.Raw("–").Text(FormatClock(item.slot_end));
    h.Raw("</p>");
  }
  if (!item.participants.empty()) h.Raw("<p class=\"meta\">Deltagere: ").Text(item.participants).Raw("</p>");
  for (const auto& f : SectionFields()) {
    const std::string& value = item.sections.*f.member;
    if (value.empty() || f.member == &AgendaSections::recommended_by) continue;
    h.Raw("<h4>").Text(f.label).Raw("</h4>").Append(Paragraphs(value));
    if (f.member == &AgendaSections::recommendation && !item.sections.recommended_by.empty())
      h.Raw("<p class=\"meta\">Indstilling fra: ").Text(item.sections.recommended_by).Raw("</p>");
  }
  for (const auto& d : e.earlier) h.Raw("<h4>").Text(d.heading).Raw("</h4>").Append(Paragraphs(d.text));
  if (!e.plan_items.empty()) {
    // With each item's status as the meeting saw it: the directors' monthly status.
    h.Raw("<h4>Vedrører planpunkter</h4><ul class=\"plan-links\">");
    for (const auto& p : e.plan_items) {
      h.Raw("<li><a href=\"/emner/").Text(p.id).Raw("\">");
      if (!p.code.empty()) h.Text(p.code).Raw(" ");
      h.Text(p.title).Raw("</a> <span class=\"meta\">– ").Text(Label(p.state));
      if (p.light != TrafficLight::kNone)
        h.Raw(" · <span class=\"light light-").Text(Slug(p.light)).Raw("\"><span class=\"dot\" aria-hidden=\"true\"></span>")
            .Text(Label(p.light)).Raw("</span>");
      if (p.status_date.year) h.Raw(" · status ").Text(p.status_date.Short()).Raw(p.status_author.empty() ? Literal("") : Literal(", ")).Text(p.status_author);
      h.Raw("</span>");
      if (!p.status_text.empty()) h.Raw("<br>").Text(p.status_text);
      if (p.obs)
        h.Raw("<br><strong class=\"obs-label\">OBS-punkt").Raw(p.obs_note.empty() ? Literal("") : Literal(":")).Raw("</strong> ").Text(p.obs_note);
      h.Raw("</li>");
    }
    h.Raw("</ul>");
  }
  AttachmentList(h, e, tools && !m.published());
  if (e.decision_visible && !item.decision.empty()) {
    h.Raw("<div class=\"decision\"><h4>").Text(DecisionHeading(v.body_name, m.date)).Raw("</h4>").Append(Paragraphs(item.decision));
    if (!v.absent.empty()) h.Raw("<p>Fraværende: ").Text(text::Join(v.absent, ", ")).Raw("</p>");
    if (!v.apologies.empty()) h.Raw("<p>Afbud: ").Text(text::Join(v.apologies, ", ")).Raw("</p>");
    for (const auto& line : e.absence_lines) h.Raw("<p class=\"item-absence\">").Text(line).Raw("</p>");
    if (!item.protocol_note.empty()) h.Raw("<h4>Protokoltilførsel</h4>").Append(Paragraphs(item.protocol_note));
    h.Raw("</div>");
  }
  if (!e.revisions.empty()) {
    h.Raw("<details class=\"revisions\"><summary>Ændret efter offentliggørelsen (").Text(static_cast<long long>(e.revisions.size()))
        .Raw(")</summary><ol>");
    for (const auto& r : e.revisions) {
      h.Raw("<li>").Text(DanishTime::FromUnix(r.at).Short()).Raw(", ").Text(r.author).Raw(": ").Text(r.what)
          .Raw(". Begrundelse: <span class=\"comment\">").Text(r.reason).Raw("</span>");
      if (!r.before.empty()) h.Raw("<pre class=\"doc\" tabindex=\"0\">Før:\n").Text(r.before).Raw("</pre>");
      h.Raw("</li>");
    }
    h.Raw("</ol></details>");
  }
  if (tools) {
    std::string base = "/punkter/" + Id(item.id);
    h.Raw("<div class=\"tools no-print\">");
    if (!m.published()) {
      PostButton(h, base + "/op", "↑ Op", "secondary", "Flyt punkt " + Id(item.position) + " op");
      PostButton(h, base + "/ned", "↓ Ned", "secondary", "Flyt punkt " + Id(item.position) + " ned");
    }
    h.Raw("<a class=\"button secondary\" href=\"").Text(base).Raw("/rediger\">Rediger punkt ").Text(item.position).Raw("</a> ");
    if (!m.published()) h.Raw("<a class=\"button secondary\" href=\"").Text(base).Raw("/fjern\">Fjern punkt ").Text(item.position).Raw("</a> ");
    if (e.next_body) PostButton(h, base + "/send-videre", "Send videre til " + *e.next_body, "secondary");
    if (!m.approved()) {
      h.Raw("<details><summary>Tilføj bilag til punkt ").Text(item.position).Raw("</summary>")
          .PostForm(base + "/bilag", "enctype=\"multipart/form-data\" class=\"stack\"");
      std::string pid = "b" + Id(item.id);
      h.Raw("<div class=\"field\"><label for=\"").Text(pid).Raw("-t\">Titel</label><input id=\"").Text(pid).Raw("-t\" name=\"titel\" required></div>"
            "<div class=\"field\"><label for=\"").Text(pid).Raw("-d\">Dokumentnummer (fx 52074/25)</label><input id=\"").Text(pid)
          .Raw("-d\" name=\"dokumentnummer\"></div><label class=\"check\"><input type=\"checkbox\" name=\"lukket\" value=\"1\"> Lukket bilag</label>"
               "<div class=\"field\"><label for=\"").Text(pid).Raw("-f\">Fil (PDF, Word, Excel, PowerPoint, PNG, JPEG, tekst, CSV)</label><input id=\"")
          .Text(pid).Raw("-f\" name=\"fil\" type=\"file\" required></div><button type=\"submit\">Tilføj bilag</button></form></details>");
      ReportAttachmentForm(h, model, e);
    }
    if (m.published() && !m.cancelled) {
      std::string did = "d" + Id(item.id);
      h.Raw("<details><summary>Beslutning på punkt ").Text(item.position).Raw("</summary>")
          .PostForm(base + "/beslutning", "class=\"stack\"").Raw("<div class=\"field\"><label for=\"")
          .Text(did).Raw("-p\">Standardtekst</label><select id=\"").Text(did).Raw("-p\" name=\"standard\"><option value=\"\">(fri tekst nedenfor)</option>");
      for (const auto& p : DecisionPresets()) h.Raw("<option>").Text(p).Raw("</option>");
      h.Raw("</select></div><div class=\"field\"><label for=\"").Text(did).Raw("-t\">Beslutning (fri tekst)</label><textarea id=\"")
          .Text(did).Raw("-t\" name=\"beslutning\" rows=\"3\">").Text(item.decision).Raw("</textarea></div><div class=\"field\"><label for=\"")
          .Text(did).Raw("-n\">Protokoltilførsel</label><textarea id=\"").Text(did).Raw("-n\" name=\"protokol\" rows=\"2\">")
          .Text(item.protocol_note).Raw("</textarea></div>");
      ItemAbsenceFields(h, v, item, did);
      if (m.approved())
        h.Raw("<div class=\"field\"><label for=\"").Text(did).Raw("-r\">Begrundelse for ændringen (protokollen er godkendt)</label><input id=\"")
            .Text(did).Raw("-r\" name=\"begrundelse\" required></div>");
      h.Raw("<button type=\"submit\">Gem beslutning</button></form></details>");
    }
    h.Raw("</div>");
  }
  h.Raw("</section>");
}

void PreparerPanel(Html& h, const MeetingPageModel& model) {
  const MeetingView& v = model.view;
  const Meeting& m = v.meeting;
  std::string base = MeetingUrl(m);
  h.Raw("<section class=\"prepare no-print\" aria-labelledby=\"forbered\"><h2 id=\"forbered\">Forbered mødet</h2>");
  if (!m.approved()) {
    h.PostForm(base + "/punkter", "class=\"stack\"").Raw("<div class=\"field\"><label for=\"add-case\">Sæt sag på dagsordenen (sagsnummer)</label>"
          "<input id=\"add-case\" name=\"sag\" list=\"sagsliste\" value=\"").Text(model.add_case).Raw("\" required aria-describedby=\"add-case-hint\">"
          "<p class=\"hint\" id=\"add-case-hint\">Fx 24/7615. Sagen oprettes under <a href=\"/sager\">Sager</a>.</p></div><datalist id=\"sagsliste\">");
    for (const auto& c : model.cases) h.Raw("<option value=\"").Text(c.number.text).Raw("\">").Text(c.title).Raw("</option>");
    h.Raw("</datalist>");
    if (m.published())
      h.Raw("<div class=\"field\"><label for=\"add-reason\">Begrundelse (dagsordenen er offentliggjort)</label><input id=\"add-reason\" name=\"begrundelse\" required></div>");
    h.Raw("<button type=\"submit\">Sæt på dagsordenen</button></form>");
    h.Raw("<p><a class=\"button secondary\" href=\"").Text(base + "/import").Raw("\">Importér dagsorden fra tekst</a></p>");
  }
  if (!m.published()) {
    PostButton(h, base + "/aarshjul", "Sæt årshjulets punkter på", "secondary");
    // A confirmation page first (issue 14): what will be published, and what is missing.
    h.Raw("<p><a class=\"button\" href=\"").Text(base).Raw("/offentliggoer\">Offentliggør dagsordenen …</a></p>");
  } else if (!m.approved()) {
    PostButton(h, base + "/godkend", "Godkend protokollen", "");
  }
  // Meeting details.
  h.Raw("<details><summary>Mødets oplysninger og tidsplan</summary>").PostForm(base, "class=\"stack\"");
  Field(h, "m-date", "date", "Dato", m.date.Short(), model.errors);
  Field(h, "m-start", "start", "Starttid", FormatClock(m.start_minute), model.errors);
  Field(h, "m-end", "end", "Sluttid", FormatClock(m.end_minute), model.errors);
  Field(h, "m-place", "place", "Sted", m.place, model.errors);
  h.Raw("<div class=\"field\"><label for=\"m-kind\">Mødetype</label><select id=\"m-kind\" name=\"kind\">");
  for (auto k : {MeetingKind::kOrdinary, MeetingKind::kExtraordinary, MeetingKind::kTheme})
    h.Raw("<option value=\"").Text(Slug(k)).Raw("\"").Raw(k == m.kind ? Literal(" selected") : Literal("")).Raw(">").Text(Label(k)).Raw("</option>");
  h.Raw("</select></div><label class=\"check\"><input type=\"checkbox\" name=\"cancelled\" value=\"1\"").Raw(m.cancelled ? Literal(" checked") : Literal(""))
      .Raw("> Mødet er aflyst</label>");
  Field(h, "m-breaks", "pauser", "Pauser i tidsplanen (én pr. linje)", FormatBreaks(m.breaks), model.errors, "textarea",
        "Fx «10:45-10:55 Pause». Punkternes tider sættes på punkterne.");
  if (m.published())
    Field(h, "m-reason", "begrundelse", "Begrundelse for ændringen (dagsordenen er offentliggjort)", "", model.errors);
  h.Raw("<button type=\"submit\">Gem mødets oplysninger</button></form></details>");
  // Attendance.
  if (!m.approved() && !v.seated.empty()) {
    h.Raw("<details><summary>Fremmøde</summary>").PostForm(base + "/fremmoede").Raw("<table><caption>Medlemmer af organet på mødedagen</caption>"
          "<thead><tr><th scope=\"col\">Medlem</th><th scope=\"col\">Til stede</th><th scope=\"col\">Fraværende</th><th scope=\"col\">Afbud</th></tr></thead><tbody>");
    std::set<int64_t> absent(m.absent.begin(), m.absent.end()), apologies(m.apologies.begin(), m.apologies.end());
    for (const auto& s : v.seated) {
      std::string name = "p" + Id(s.membership.user_id);
      const char* state = absent.count(s.membership.user_id) ? "fravaer" : apologies.count(s.membership.user_id) ? "afbud" : "";
      h.Raw("<tr><th scope=\"row\">").Text(s.Printed()).Raw("</th>");
      for (const char* opt : {"", "fravaer", "afbud"}) {
        h.Raw("<td><input type=\"radio\" name=\"").Text(name).Raw("\" value=\"").Text(opt).Raw("\"")
            .Raw(std::string(opt) == state ? Literal(" checked") : Literal("")).Raw(" aria-label=\"").Text(s.name).Raw(" ")
            .Text(*opt == 0 ? "til stede" : std::string(opt) == "fravaer" ? "fraværende" : "afbud").Raw("\"></td>");
      }
      h.Raw("</tr>");
    }
    h.Raw("</tbody></table><button type=\"submit\">Gem fremmøde</button></form></details>");
  }
  h.Raw("</section>");
}

// One year of the archive, month by month: each meeting with its state and its agenda
// and minutes as PDF where they are out.
void ArchiveYearList(Html& h, const MeetingArchive& a, bool with_body, Date today) {
  h.Raw("<h2>Møder i ").Text(a.year).Raw("</h2>");
  if (a.meetings.empty()) {
    h.Raw("<p class=\"none\">Ingen møder i ").Text(a.year).Raw(".</p>");
    return;
  }
  int month = 0;
  for (const auto& s : a.meetings) {
    const Meeting& mt = s.meeting;
    if (mt.date.month != month) {
      if (month != 0) h.Raw("</ul>");
      month = mt.date.month;
      std::string name(DanishMonthName(month));
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
      h.Raw("<h3>").Text(name).Raw(" ").Text(a.year).Raw("</h3><ul class=\"meetings archive\">");
    }
    std::string url = MeetingUrl(mt);
    h.Raw("<li><a href=\"").Text(url).Raw("\">");
    if (with_body) h.Text(s.body_name).Raw(" ");
    h.Text(mt.date.Long()).Raw("</a>");
    if (mt.kind != MeetingKind::kOrdinary) h.Raw(" · ").Text(Label(mt.kind));
    h.Raw(" <span class=\"meta\">– ");
    if (mt.cancelled) h.Raw("<strong class=\"tag\">Aflyst</strong>");
    else if (mt.approved()) h.Raw("Protokol godkendt");
    else if (mt.published()) h.Raw(mt.date < today ? Literal("Afholdt, protokollen er ikke godkendt endnu") : Literal("Dagsorden offentliggjort"));
    else h.Raw(mt.date < today ? Literal("Ingen offentliggjort dagsorden") : Literal("Dagsordenen er ikke offentliggjort endnu"));
    h.Raw("</span>");
    if (mt.published() && !mt.cancelled) {
      h.Raw("<br><a href=\"").Text(url).Raw("/dagsorden.pdf\">Dagsorden (PDF)</a>");
      if (mt.approved()) h.Raw(" · <a href=\"").Text(url).Raw("/protokol.pdf\">Beslutningsprotokol (PDF)</a>");
    }
    h.Raw("</li>");
  }
  h.Raw("</ul>");
}

}  // namespace

std::string MeetingsPage(const MeetingsPageModel& m) {
  Html h;
  if (m.archive.year != 0) PageStart(h, m.title, {{"Forside", "/"}, {"Møder", "/moeder"}, {m.title, ""}});
  else PageStart(h, m.title, {{"Forside", "/"}, {m.title, ""}});
  h.Raw("<h1>").Text(m.title).Raw("</h1>");
  Notice(h, m.notice);
  h.Raw("<p class=\"lead\"><a href=\"/overblik\">Kommende tre ugers møder i alle organer</a> · <a href=\"/sager\">Sager</a></p>");
  const MeetingArchive& a = m.archive;
  h.Raw("<form method=\"get\" action=\"/moeder\" class=\"filters\"><div class=\"field\"><label for=\"f-body\">Organ</label><select id=\"f-body\" name=\"organ\">"
        "<option value=\"\">Alle organer</option>");
  for (const auto& b : m.bodies)
    h.Raw("<option value=\"").Text(b.code).Raw("\"").Raw(b.code == m.body ? Literal(" selected") : Literal("")).Raw(">").Text(b.name).Raw("</option>");
  h.Raw("</select></div><div class=\"field\"><label for=\"f-year\">År</label><select id=\"f-year\" name=\"aar\">"
        "<option value=\"\">Kommende og seneste møder</option>");
  for (const auto& y : a.years)
    h.Raw("<option value=\"").Text(y.year).Raw("\"").Raw(y.year == a.year ? Literal(" selected") : Literal("")).Raw(">").Text(y.year)
        .Raw("</option>");
  h.Raw("</select></div><button type=\"submit\">Vis</button></form>");
  std::string organ = m.body.empty() ? "" : "&organ=" + PercentEncode(m.body);
  if (!a.years.empty()) {
    h.Raw("<nav class=\"years\" aria-label=\"Mødearkiv efter år\"><h2>Arkiv</h2><ul>");
    for (const auto& y : a.years) {
      h.Raw("<li><a href=\"/moeder?aar=").Text(y.year).Text(organ).Raw("\"").Raw(y.year == a.year ? Literal(" aria-current=\"page\"") : Literal(""))
          .Raw(">").Text(y.year).Raw("</a> <span class=\"meta\">(").Text(y.meetings).Raw(y.meetings == 1 ? Literal(" møde") : Literal(" møder"))
          .Raw(")</span></li>");
    }
    h.Raw("</ul></nav>");
  }
  if (!m.body.empty()) {
    h.Raw("<p><a href=\"/organer/").Text(PercentEncode(m.body)).Raw("/moeder.ics\">Kalender (iCalendar)</a> · <a href=\"/organer/")
        .Text(PercentEncode(m.body)).Raw("/portefoelje\">Portefølje</a> · <a href=\"/organer/").Text(PercentEncode(m.body))
        .Raw("/arbejdsplan\">Arbejdsplan og årshjul</a></p>");
  }
  if (a.year != 0) {
    ArchiveYearList(h, a, m.body.empty(), m.today);
  } else if (m.meetings.empty()) {
    h.Raw("<p class=\"none\">Ingen møder de seneste 120 dage eller det kommende år.").Raw(a.years.empty() ? Literal("") : Literal(" Se arkivet ovenfor."))
        .Raw("</p>");
  } else {
    h.Raw("<h2>Kommende og seneste møder</h2><ul class=\"meetings\">");
    for (const auto& s : m.meetings) MeetingLine(h, s, m.body.empty());
    h.Raw("</ul>");
  }
  if (!m.preparable.empty()) {
    h.Raw("<section class=\"no-print\"><h2>Nyt møde</h2>");
    ErrorSummary(h, "Mødet er ikke oprettet:", m.errors);
    h.PostForm("/moeder", "class=\"stack\"").Raw("<div class=\"field\"><label for=\"n-body\">Organ</label><select id=\"n-body\" name=\"body\">");
    for (const auto& b : m.preparable)
      h.Raw("<option value=\"").Text(b.code).Raw("\"").Raw(b.code == m.draft.body ? Literal(" selected") : Literal("")).Raw(">").Text(b.name).Raw("</option>");
    h.Raw("</select></div>");
    Field(h, "n-date", "date", "Dato (dd-mm-åååå)", m.draft.date, m.errors);
    Field(h, "n-start", "start", "Starttid", m.draft.start.empty() ? "14:00" : m.draft.start, m.errors);
    Field(h, "n-end", "end", "Sluttid", m.draft.end.empty() ? "16:00" : m.draft.end, m.errors);
    Field(h, "n-place", "place", "Sted", m.draft.place, m.errors);
    h.Raw("<div class=\"field\"><label for=\"n-kind\">Mødetype</label><select id=\"n-kind\" name=\"kind\">");
    for (auto k : {MeetingKind::kOrdinary, MeetingKind::kExtraordinary, MeetingKind::kTheme})
      h.Raw("<option value=\"").Text(Slug(k)).Raw("\">").Text(Label(k)).Raw("</option>");
    h.Raw("</select></div><button type=\"submit\">Opret møde</button></form></section>");
  }
  PageEnd(h);
  return h.Take();
}

std::string MeetingPage(const MeetingPageModel& model) {
  const MeetingView& v = model.view;
  const Meeting& m = v.meeting;
  Html h;
  std::string title = MeetingTitle(v.body_name, m);
  PageStart(h, title, {{"Møder", "/moeder"}, {v.body_name, "/moeder?organ=" + PercentEncode(m.body)}, {m.date.Short(), ""}});
  h.Raw("<h1>").Text(title).Raw("</h1><p class=\"lead\">").Text(Label(m.kind)).Raw(", kl. ").Text(FormatClock(m.start_minute))
      .Raw("–").Text(FormatClock(m.end_minute));
  if (!m.place.empty()) h.Raw(", ").Text(m.place);
  h.Raw(".</p>");
  if (m.cancelled) h.Raw("<p class=\"obs-box\"><strong>Mødet er aflyst.</strong></p>");
  if (!m.change_log.empty()) {
    h.Raw("<details class=\"revisions\" open><summary>Mødet er ændret efter offentliggørelsen</summary><ul>");
    for (const auto& line : text::SplitTrimmed(m.change_log, '\n'))
      if (!line.empty()) h.Raw("<li>").Text(line).Raw("</li>");
    h.Raw("</ul></details>");
  }
  Notice(h, model.notice);
  ErrorSummary(h, model.error_heading, model.errors);
  h.Raw("<p class=\"state\">");
  if (m.approved()) h.Raw("Protokollen er godkendt ").Text(DanishTime::FromUnix(m.approved_at).date.Short()).Raw(".");
  else if (m.published()) h.Raw("Dagsordenen er offentliggjort ").Text(DanishTime::FromUnix(m.published_at).date.Short()).Raw(".");
  else h.Raw("Dagsordenen er ikke offentliggjort endnu.");
  h.Raw("</p>");
  std::string base = MeetingUrl(m);
  std::string edition = model.public_edition ? "?udgave=offentlig" : "";
  if (v.agenda_visible) {
    h.Raw("<p class=\"no-print\"><a href=\"").Text(base).Raw("/dagsorden.pdf").Text(edition).Raw("\">Dagsorden som PDF</a>");
    if (m.approved() || v.may_prepare)
      h.Raw(" · <a href=\"").Text(base).Raw("/protokol.pdf").Text(edition).Raw("\">Beslutningsprotokol som PDF</a>");
    if (v.members_edition || v.may_prepare) {
      if (model.public_edition) h.Raw(" · <a href=\"").Text(base).Raw("\">Se medlemsudgaven</a>");
      else h.Raw(" · <a href=\"").Text(base).Raw("?udgave=offentlig\">Se den offentlige udgave</a>");
    }
    h.Raw("</p>");
    if (v.members_edition && !model.public_edition)
      h.Raw("<p class=\"meta\">Medlemsudgave: lukkede punkter vises med indhold. Del den ikke.</p>");
  }
  if (!v.schedule.empty()) {
    h.Raw("<h2>Tidsplan</h2><table class=\"schedule\"><thead><tr><th scope=\"col\">Tid</th><th scope=\"col\">Punkt</th><th scope=\"col\">Deltagere</th></tr></thead><tbody>");
    for (const auto& row : v.schedule) {
      h.Raw("<tr").Raw(row.is_break ? Literal(" class=\"break\"") : Literal("")).Raw("><td>").Text(FormatClock(row.start));
      if (row.end >= 0) h.Raw("–").Text(FormatClock(row.end));
      h.Raw("</td><td>").Text(row.label).Raw("</td><td>").Text(row.participants).Raw("</td></tr>");
    }
    h.Raw("</tbody></table>");
  }
  if (v.agenda_visible) {
    h.Raw("<h2>Dagsorden</h2>");
    if (v.agenda.empty()) h.Raw("<p class=\"none\">Ingen punkter endnu.</p>");
    h.Raw("<nav aria-label=\"Punkter\" class=\"toc\"><ol>");
    for (const auto& e : v.agenda)
      h.Raw("<li value=\"").Text(e.item.position).Raw("\"><a href=\"#punkt-").Text(e.item.position).Raw("\">").Raw(e.item.closed ? Literal("Lukket punkt: ") : Literal(""))
          .Text(e.item.title).Raw("</a></li>");
    h.Raw("</ol></nav>");
    for (const auto& e : v.agenda) AgendaItemSection(h, model, e);
  }
  if (m.approved() || (v.may_prepare && m.published())) {
    h.Raw("<h2>Fremmøde</h2>");
    h.Raw("<p>Fraværende: ").Text(v.absent.empty() ? "Ingen." : text::Join(v.absent, ", ")).Raw("</p>");
    h.Raw("<p>Afbud: ").Text(v.apologies.empty() ? "Ingen." : text::Join(v.apologies, ", ")).Raw("</p>");
  }
  if (m.approved() && !v.present.empty()) {  // no empty «Underskriftsside» (issue 14)
    h.Raw("<section class=\"signatures\"><h2>Underskriftsside</h2><ul class=\"signature-list\">");
    for (const auto& name : v.present) h.Raw("<li><span class=\"line\"></span>").Text(name).Raw("</li>");
    h.Raw("</ul></section>");
  }
  if (v.may_prepare && !model.public_edition) PreparerPanel(h, model);
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
