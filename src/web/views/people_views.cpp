#include "web/views/people_views.h"

#include <algorithm>

#include "core/text.h"
#include "web/html.h"
#include "web/views/form_fields.h"
#include "web/views/layout.h"

namespace bs::web::views {
namespace {

void Errors(Html& h, const std::vector<FieldError>& errors) { ErrorSummary(h, "Ikke gemt:", errors); }

// The people forms list their errors in the summary above the form (ErrorSummary).
void Input(Html& h, const char* id, const char* name, std::string_view label, const std::string& value, Literal attrs = "",
           std::string_view hint = "") {
  static const std::vector<FieldError> kNone;
  FormFields(h, kNone).Input({id, name, label, hint, false, attrs}, value);
}

std::string RolesText(const User& u) {
  std::vector<std::string> parts;
  for (Role r : u.roles) parts.push_back(Label(r));
  return parts.empty() ? "–" : text::Join(parts, ", ");
}

// Role checkboxes and the departments field, shared by the new-user and edit forms.
void RoleFields(Html& h, const UserDraft& d, const std::vector<Body>& bodies) {
  h.Raw("<fieldset><legend>Roller</legend>");
  for (Role r : kAllRoles) {
    bool on = std::find(d.roles.begin(), d.roles.end(), Slug(r)) != d.roles.end();
    h.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"roles\" value=\"").Text(Slug(r)).Raw("\"")
        .Raw(on ? Literal(" checked") : Literal("")).Raw("> ").Text(Label(r)).Raw("</label>");
  }
  h.Raw("</fieldset>");
  std::string codes;
  for (const auto& b : bodies)
    if (b.owns_items) codes += (codes.empty() ? "" : ", ") + b.code;
  Input(h, "u-departments", "departments", "Fagchefens udvalg (forkortelser, kommasepareret)", d.departments, "",
        "Fx BUU. Mulige: " + codes + ". En fagchef kan også melde status på de punkter, hvor vedkommende står som ansvarlig.");
}

}  // namespace

std::string SignInPage(const SignInModel& m) {
  Html h;
  PageStart(h, "Log ind", {});
  h.Raw("<h1>Log ind</h1>");
  Notice(h, m.notice);
  if (!m.signed_in_as.empty()) h.Raw("<p>Du er logget ind som ").Text(m.signed_in_as).Raw(".</p>");
  if (!m.error.empty()) h.Raw("<div class=\"error-summary\" role=\"alert\"><p>").Text(m.error).Raw("</p></div>");
  h.PostForm("/log-ind", "class=\"stack narrow\"");
  h.Raw("<input type=\"hidden\" name=\"_pre\" value=\"").Text(m.pre_token).Raw("\">");
  h.Raw("<input type=\"hidden\" name=\"next\" value=\"").Text(m.next).Raw("\">");
  Input(h, "si-user", "username", "Brugernavn", m.username, " autocomplete=\"username\" required");
  Input(h, "si-pass", "password", "Adgangskode", "", " type=\"password\" autocomplete=\"current-password\" required maxlength=\"256\"");
  h.Raw("<div class=\"actions\"><button type=\"submit\">Log ind</button></div></form>");
  h.Raw("<p class=\"lead\">Offentligheden kan uden login se planernes offentliggjorte versioner under "
        "<a href=\"/planer\">Planer</a>. Har du glemt din adgangskode, så kontakt en administrator.</p>");
  PageEnd(h);
  return h.Take();
}

std::string UsersPage(const std::vector<User>& users, const std::vector<Body>& bodies, const UserFormModel& f) {
  Html h;
  PageStart(h, "Brugere", {{"Administration", "/admin/brugere"}, {"Brugere", ""}});
  h.Raw("<h1>Brugere</h1><p class=\"lead\"><a href=\"/admin/log\">Se revisionsloggen</a> (logins, roller og medlemskaber).</p>");
  Notice(h, f.notice);
  h.Raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Brugere\"><table><caption>").Text(static_cast<long long>(users.size()))
      .Raw(users.size() == 1 ? Literal(" bruger") : Literal(" brugere")).Raw("</caption><thead><tr>"
        "<th scope=\"col\">Navn</th><th scope=\"col\">Brugernavn</th><th scope=\"col\">Roller</th>"
        "<th scope=\"col\">Udvalg</th><th scope=\"col\">Aktiv</th></tr></thead><tbody>");
  for (const auto& u : users) {
    h.Raw("<tr><td><a href=\"/admin/brugere/").Text(u.id).Raw("\">").Text(u.name).Raw("</a></td><td>").Text(u.username)
        .Raw("</td><td>").Text(RolesText(u)).Raw("</td><td>").Text(text::Join(u.departments, ", ")).Raw("</td><td>")
        .Raw(u.active ? Literal("Ja") : Literal("Nej")).Raw("</td></tr>");
  }
  h.Raw("</tbody></table></div>");
  h.Raw("<section><h2 id=\"ny\">Ny bruger</h2>");
  Errors(h, f.errors);
  h.PostForm("/admin/brugere", "class=\"stack\"");
  Input(h, "u-username", "username", "Brugernavn (små bogstaver, fx mette.holm)", f.draft.username, " autocomplete=\"off\"");
  Input(h, "u-name", "name", "Navn", f.draft.name);
  RoleFields(h, f.draft, bodies);
  Input(h, "u-password", "password", "Adgangskode (10-256 tegn; giv den videre ad en sikker vej)", "",
        " type=\"password\" autocomplete=\"new-password\" maxlength=\"256\"");
  h.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"uden_login\" value=\"1\"").Raw(f.without_login ? Literal(" checked") : Literal(""))
      .Raw("> Uden login: et medlem, der kun skal stå i fremmøde og protokoller (ingen adgangskode; kan få en senere)</label>");
  h.Raw("<div class=\"actions\"><button type=\"submit\">Opret bruger</button></div></form></section>");
  PageEnd(h);
  return h.Take();
}

std::string UserPage(const UserPageModel& m) {
  const User& u = m.details.user;
  const std::string base = "/admin/brugere/" + std::to_string(u.id);
  Html h;
  PageStart(h, u.name, {{"Administration", "/admin/brugere"}, {"Brugere", "/admin/brugere"}, {u.name, ""}});
  h.Raw("<h1>").Text(u.name).Raw(" <span class=\"code\">").Text(u.username).Raw("</span></h1>");
  Notice(h, m.notice);
  Errors(h, m.errors);
  h.Raw("<section><h2>Navn, roller og udvalg</h2>").PostForm(base, "class=\"stack\"");
  Input(h, "u-name", "name", "Navn", m.draft.name);
  RoleFields(h, m.draft, m.bodies);
  h.Raw("<label class=\"check\"><input type=\"checkbox\" name=\"active\" value=\"1\"").Raw(m.draft.active ? Literal(" checked") : Literal(""))
      .Raw("> Aktiv (en inaktiv bruger kan ikke logge ind, og sessioner afsluttes)</label>");
  h.Raw("<div class=\"actions\"><button type=\"submit\">Gem</button></div></form></section>");
  h.Raw("<section><h2>Ny adgangskode</h2>").PostForm(base + "/adgangskode", "class=\"stack\"");
  Input(h, "u-password", "password", "Adgangskode (10-256 tegn)", "", " type=\"password\" autocomplete=\"new-password\" maxlength=\"256\"");
  h.Raw("<div class=\"actions\"><button type=\"submit\">Sæt adgangskode</button></div></form></section>");
  h.Raw("<section><h2>Medlemskaber af organer</h2><div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Medlemskaber\"><table><thead><tr><th scope=\"col\">Organ</th><th scope=\"col\">Som</th><th scope=\"col\">Parti</th>"
        "<th scope=\"col\">Fra</th><th scope=\"col\">Til</th><th scope=\"col\">Afslut</th></tr></thead><tbody>");
  for (const auto& ms : m.details.memberships) {
    h.Raw("<tr><td>").Text(ms.body).Raw("</td><td>").Text(Label(ms.kind)).Raw("</td><td>").Text(ms.party.empty() ? "–" : ms.party)
        .Raw("</td><td>").Text(ms.from.Short())
        .Raw("</td><td>").Text(ms.to ? ms.to->Short() : "–").Raw("</td><td>");
    if (!ms.to || *ms.to >= m.today) {
      std::string id = "end-" + std::to_string(ms.id);
      h.PostForm("/admin/medlemskaber/" + std::to_string(ms.id) + "/afslut", "class=\"inline\"").Raw(
            "<label for=\"").Text(id).Raw("\" class=\"visually-hidden\">Sidste dag for ").Text(ms.body).Raw("</label><input id=\"")
          .Text(id).Raw("\" name=\"to\" size=\"10\" value=\"").Text(m.today.Short()).Raw("\"> <button type=\"submit\">Afslut</button></form>");
    }
    h.Raw("</td></tr>");
  }
  h.Raw("</tbody></table></div>").PostForm(base + "/medlemskaber", "class=\"stack\"").Raw("<h3>Tilføj medlemskab</h3>"
        "<div class=\"field\"><label for=\"m-body\">Organ</label><select id=\"m-body\" name=\"body\">");
  for (const auto& b : m.bodies)
    h.Raw("<option value=\"").Text(b.code).Raw("\"").Raw(b.code == m.membership.body ? Literal(" selected") : Literal("")).Raw(">").Text(b.name)
        .Raw(" (").Text(b.code).Raw(")</option>");
  h.Raw("</select></div><div class=\"field\"><label for=\"m-kind\">Som</label><select id=\"m-kind\" name=\"kind\">");
  for (auto k : {MembershipKind::kMember, MembershipKind::kChair, MembershipKind::kViceChair, MembershipKind::kSecretary})
    h.Raw("<option value=\"").Text(Slug(k)).Raw("\"").Raw(m.membership.kind == Slug(k) ? Literal(" selected") : Literal("")).Raw(">").Text(Label(k)).Raw("</option>");
  h.Raw("</select></div>");
  // Each error beside its field, the input kept (issue 14).
  FormFields fields(h, m.errors);
  fields.Input({"m-from", "from", "Fra (dd-mm-åååå)", "", false, ""}, m.membership.from);
  fields.Input({"m-to", "to", "Til og med (tom: fortsat)", "", false, ""}, m.membership.to);
  fields.Input({"m-party", "party", "Partibogstav, som protokollen skriver det", "Fx Æ, A eller SF; tomt for sekretærer.", false,
                " maxlength=\"12\" autocomplete=\"off\""},
               m.membership.party);
  h.Raw("<p class=\"hint\">Skifter et medlem parti, afsluttes medlemskabet dagen før skiftet, og et nyt tilføjes fra skiftedagen, så "
        "tidligere protokoller beholder bogstavet fra deres dag.</p>"
        "<div class=\"actions\"><button type=\"submit\">Tilføj medlemskab</button></div></form></section>");
  PageEnd(h);
  return h.Take();
}

std::string AuditPage(const std::vector<AuditEntry>& entries, int page, bool more) {
  Html h;
  PageStart(h, "Revisionslog", {{"Administration", "/admin/brugere"}, {"Revisionslog", ""}});
  h.Raw("<h1>Revisionslog</h1><p class=\"lead\">Logins, mislykkede logins, roller og medlemskaber, nyeste først. "
        "Loggen kan ikke ændres.</p><div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Revisionslog\"><table><thead><tr><th scope=\"col\">Tidspunkt</th><th scope=\"col\">Hændelse</th>"
        "<th scope=\"col\">Af</th><th scope=\"col\">Om</th><th scope=\"col\">Detaljer</th><th scope=\"col\">Adresse</th></tr></thead><tbody>");
  for (const auto& e : entries)
    h.Raw("<tr><td>").Text(DanishTime::FromUnix(e.at).Short()).Raw("</td><td>").Text(AuditActionLabel(e.action)).Raw("</td><td>")
        .Text(e.actor).Raw("</td><td>").Text(e.subject).Raw("</td><td>").Text(e.detail).Raw("</td><td>").Text(e.remote).Raw("</td></tr>");
  h.Raw("</tbody></table></div><nav aria-label=\"Sider\" class=\"pager\">");
  if (page > 1) h.Raw("<a href=\"/admin/log?side=").Text(page - 1).Raw("\">Nyere</a> ");
  if (more) h.Raw("<a href=\"/admin/log?side=").Text(page + 1).Raw("\">Ældre</a>");
  h.Raw("</nav>");
  PageEnd(h);
  return h.Take();
}

std::string SeatsPage(const Body& body, Date day, const std::vector<Seat>& seats, const std::string& error) {
  Html h;
  PageStart(h, body.name + " – medlemmer", {{"Organer", ""}, {body.name, ""}});
  h.Raw("<h1>Medlemmer af ").Text(body.name).Raw(" den ").Text(day.Long()).Raw("</h1>");
  if (!error.empty()) h.Raw("<div class=\"error-summary\" role=\"alert\"><p>").Text(error).Raw("</p></div>");
  h.Raw("<form method=\"get\" class=\"filters no-print\"><div class=\"field\"><label for=\"s-day\">Dato</label>"
        "<input id=\"s-day\" name=\"dato\" value=\"").Text(day.Short()).Raw("\"></div><button type=\"submit\">Vis</button></form>");
  if (seats.empty()) h.Raw("<p>Ingen medlemmer registreret den dag.</p>");
  else {
    h.Raw("<ul>");
    for (const auto& s : seats) {
      h.Raw("<li>").Text(s.Printed());
      if (s.membership.kind != MembershipKind::kMember) h.Raw(" (").Text(Label(s.membership.kind)).Raw(")");
      h.Raw("</li>");
    }
    h.Raw("</ul>");
  }
  PageEnd(h);
  return h.Take();
}

}  // namespace bs::web::views
