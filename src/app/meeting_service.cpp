// MeetingService (issue 6): preparing and reading one meeting: meetings, cases, the
// agenda, revisions, decisions, attendance, minutes, sending on, attachments, and the
// redacted view pages, PDFs and feeds are built from. Overviews across meetings and the
// year wheel are in meeting_overviews.cpp.
#include "app/meeting_service.h"

#include <algorithm>
#include <set>

#include "core/text.h"

namespace bs {
namespace {

// The name of someone no longer seated (their membership ended after the fact).
Result<std::string> PersonNameOf(PeopleService& people, int64_t id) {
  auto name = people.NameOf(id);
  if (name.ok()) return *name;
  if (name.error().code == ErrorCode::kNotFound) return std::string("Et tidligere medlem");
  return name.error();
}

// User id -> "Name (P)" of each seat.
std::map<int64_t, std::string> PrintedNames(const std::vector<Seat>& seats) {
  std::map<int64_t, std::string> names;
  for (const auto& s : seats) names[s.membership.user_id] = s.Printed();
  return names;
}

using K = Resource::Kind;

// A store's NotFound in the use case's words; a busy or broken store stays what it is
// (503 or 500, never "findes ikke").
Error NoMeeting(Error store_error) { return NotFoundAs(std::move(store_error), "Mødet findes ikke."); }
Error NoAgendaItem() { return NotFound("Dagsordenspunktet findes ikke."); }
Error NoAgendaItem(Error store_error) { return NotFoundAs(std::move(store_error), "Dagsordenspunktet findes ikke."); }
Error NoAttachment(Error store_error) { return NotFoundAs(std::move(store_error), "Bilaget findes ikke."); }

std::string Clean(const std::string& s) { return text::IsValidUtf8(s) ? text::Trim(text::CleanMultiline(s)) : ""; }

Error ReasonRequired(const std::string& why) {
  return FieldErrors({{"begrundelse", why + " Skriv en begrundelse for ændringen; den vises sammen med ændringen."}});
}

}  // namespace

// --- helpers ---------------------------------------------------------------------------

Result<Body> MeetingService::FindBody(const std::string& code) {
  for (auto& b : TRY(plans_.ListBodies()))
    if (b.code == code) return b;
  return NotFound("Organet findes ikke.");
}

bool MeetingService::Prepares(const Viewer& v, const std::string& body) const {
  return Decide(v, Action::kEdit, Resource::Meeting(K::kAgendaItem, body, false)) == Decision::kAllow;
}

Status MeetingService::MayPrepare(const Viewer& v, const std::string& body) {
  if (Prepares(v, body)) return OkStatus();
  return PermissionDenied(v.anonymous() ? "Log ind som sekretær for organet for at forberede møder."
                                        : "Kun organets sekretærer og administratorer kan forberede dets møder.");
}

Status MeetingService::MayPrepareDraft(const Viewer& v, const std::string& body_text) {
  // Access is decided before the draft is validated (issue 15 #11): a secretary of
  // another body, or someone who prepares no body at all, is told 403 and nothing about
  // the fields. Only a body that does not exist is left to the field errors.
  std::string body = text::Trim(body_text);
  bool any = false;
  for (const auto& b : TRY(plans_.ListBodies())) {
    if (b.code == body) return MayPrepare(v, body);
    any = any || Prepares(v, b.code);
  }
  return any ? OkStatus() : MayPrepare(v, body);
}

Result<MeetingService::Editing> MeetingService::ForEditing(const Viewer& v, int64_t id) {
  // Someone who may not even know the item exists learns nothing from the error.
  auto located = TRY(AgendaItemFor(v, id));
  RETURN_IF_ERROR(MayPrepare(v, located.meeting.body));
  return Editing{std::move(located.item), std::move(located.meeting)};
}

Result<MeetingService::Located> MeetingService::AgendaItemFor(const Viewer& v, int64_t id) {
  auto item = store_.GetAgendaItem(id);
  if (!item.ok()) return NoAgendaItem(item.error());
  auto meeting = TRY(store_.GetMeeting(item->meeting_id));
  if (Decide(v, Action::kRead, Resource::Meeting(K::kAgendaItem, meeting.body, false, meeting.published())) ==
      Decision::kHidden)
    return NoAgendaItem();
  return Located{std::move(*item), std::move(meeting)};
}

Result<MeetingService::Located> MeetingService::AttachmentFor(const Viewer& v, int64_t id) {
  auto a = store_.GetAttachment(id);
  if (!a.ok()) return NoAttachment(a.error());
  auto located = AgendaItemFor(v, a->agenda_item_id);
  if (!located.ok()) return NoAttachment(located.error());
  return located;
}

Result<AgendaRevision> MeetingService::Revise(const Viewer& v, const AgendaItem& before, const AgendaItem& after,
                                              const std::string& reason, const std::string& why_needed,
                                              const std::map<int64_t, std::string>& names) {
  AgendaRevision r = DiffForRevision(before, after, names);
  if (r.what.empty()) return r;
  r.reason = Clean(reason);
  if (r.reason.empty()) return ReasonRequired(why_needed);
  r.author = Author(v);
  r.at = clock_.NowUnix();
  return r;
}

// --- meetings ------------------------------------------------------------------------

Result<Meeting> MeetingService::CreateMeeting(const Viewer& v, const MeetingDraft& draft) {
  RETURN_IF_ERROR(MayPrepareDraft(v, draft.body));
  std::set<std::string> codes;
  for (const auto& b : TRY(plans_.ListBodies())) codes.insert(b.code);
  auto m = ValidateMeeting(draft, codes);
  if (!m.ok()) return m.error();
  RETURN_IF_ERROR(MayPrepare(v, m->body));
  return store_.CreateMeeting(*m);
}

Result<Meeting> MeetingService::UpdateMeeting(const Viewer& v, int64_t id, const MeetingDraft& draft,
                                              const std::string& breaks, const std::string& reason) {
  auto current = store_.GetMeeting(id);
  if (!current.ok()) return NoMeeting(current.error());
  RETURN_IF_ERROR(MayPrepare(v, current->body));
  MeetingDraft d = draft;
  d.body = current->body;  // a meeting stays with its body
  std::set<std::string> codes{current->body};
  auto m = ValidateMeeting(d, codes);
  auto parsed = ParseBreaks(breaks);
  if (!m.ok() || !parsed.ok()) {
    std::vector<FieldError> errors;
    if (!m.ok()) errors = m.error().fields;
    if (!parsed.ok()) errors.insert(errors.end(), parsed.error().fields.begin(), parsed.error().fields.end());
    return FieldErrors(std::move(errors));
  }
  Meeting updated = *current;
  updated.date = m->date;
  updated.start_minute = m->start_minute;
  updated.end_minute = m->end_minute;
  updated.place = m->place;
  updated.kind = m->kind;
  updated.cancelled = m->cancelled;
  updated.breaks = *parsed;
  if (current->published()) {
    // Never silent after publishing: what changed, by whom, why.
    std::vector<std::string> what;
    if (updated.date != current->date) what.push_back("dato " + current->date.Short() + " → " + updated.date.Short());
    if (updated.start_minute != current->start_minute || updated.end_minute != current->end_minute)
      what.push_back("tid " + FormatClock(current->start_minute) + "–" + FormatClock(current->end_minute) + " → " +
                     FormatClock(updated.start_minute) + "–" + FormatClock(updated.end_minute));
    if (updated.place != current->place) what.push_back("sted «" + current->place + "» → «" + updated.place + "»");
    if (updated.kind != current->kind) what.push_back(std::string("mødetype ") + Label(current->kind) + " → " + Label(updated.kind));
    if (updated.cancelled != current->cancelled) what.push_back(updated.cancelled ? "mødet aflyst" : "aflysningen trukket tilbage");
    if (!(updated.breaks == current->breaks)) what.push_back("pauser");
    if (what.empty()) return updated;
    std::string why = Clean(reason);
    if (why.empty()) return ReasonRequired("Dagsordenen er offentliggjort.");
    updated.change_log += DanishTime::FromUnix(clock_.NowUnix()).Short() + ", " + Author(v) + ": " + text::Join(what, "; ") +
                          ". Begrundelse: " + text::CleanSingleLine(why) + "\n";
  }
  RETURN_IF_ERROR(store_.UpdateMeeting(updated));
  return updated;
}

// Everything one meeting's page needs besides its items, read once per page (a query
// each, not one per agenda item).
struct MeetingService::PageData {
  std::map<int64_t, Case> cases;
  std::map<int64_t, std::vector<Attachment>> attachments;  // by agenda item
  std::map<int64_t, std::vector<AgendaRevision>> revisions;  // by agenda item
  std::map<int64_t, std::vector<AgendaItem>> decided_elsewhere;  // by case
  std::map<int64_t, Meeting> meetings;
  std::map<std::string, std::string> body_names;
  std::map<int64_t, std::string> seat_names;  // the meeting's seats, printed ("Name (P)")
  KleIndex kle;
  std::map<PlanId, bool> plan_published;
  // Per plan: each item's latest status update on or before the meeting's day, and its
  // OBS point as the latest raise or resolve before then left it.
  struct Then {
    std::optional<StatusUpdate> latest;
    std::optional<StatusUpdate> obs;
  };
  std::map<PlanId, std::map<ItemId, Then>> status_then;
};

Result<MeetingService::PageData> MeetingService::LoadPageData(const Meeting& m) {
  PageData d;
  for (auto& c : TRY(store_.CasesOnAgenda(m.id))) d.cases[c.id] = std::move(c);
  for (auto& a : TRY(store_.AttachmentsOfMeeting(m.id))) d.attachments[a.agenda_item_id].push_back(std::move(a));
  for (auto& r : TRY(store_.RevisionsOfMeeting(m.id))) d.revisions[r.agenda_item_id].push_back(std::move(r));
  d.meetings[m.id] = m;
  for (auto& other : TRY(store_.DecidedElsewhere(m.id))) {
    if (!d.meetings.count(other.meeting_id)) d.meetings[other.meeting_id] = TRY(store_.GetMeeting(other.meeting_id));
    d.decided_elsewhere[other.case_id].push_back(std::move(other));
  }
  for (const auto& b : TRY(plans_.ListBodies())) d.body_names[b.code] = b.name;
  d.kle = TRY(Kle());
  d.seat_names = TRY(SeatNames(m));
  return d;
}

Result<AgendaEntry> MeetingService::Entry(const Viewer& v, const Meeting& m, const AgendaItem& item, bool prepares,
                                          PageData& d) {
  AgendaEntry e;
  e.item = item;
  auto c = d.cases.find(item.case_id);
  if (c == d.cases.end()) return Internal("Sagen til et dagsordenspunkt mangler.");
  e.c = c->second;
  e.content = Decide(v, Action::kRead, Resource::Meeting(K::kAgendaItem, m.body, item.closed, m.published())) ==
              Decision::kAllow;
  if (!e.content) {
    // Number and title only (Offentlighedsloven / Styrelsesloven §10: closed items are
    // listed, not shown).
    AgendaItem bare;
    bare.id = item.id;
    bare.meeting_id = item.meeting_id;
    bare.position = item.position;
    bare.title = item.title;
    bare.closed = item.closed;
    e.item = bare;
    e.c = Case{};
    e.c.closed = true;
    return e;
  }
  if (!e.c.kle.empty())
    if (auto t = d.kle.Titles(e.c.kle); t.ok()) e.kle_title = *t;
  e.decision_visible = m.approved() || prepares;
  if (!e.decision_visible) {
    e.item.decision.clear();
    e.item.protocol_note.clear();
    e.item.absences.clear();
  }
  for (const auto& a : e.item.absences) {
    auto n = d.seat_names.find(a.person);
    e.absence_lines.push_back(AbsenceLine(n != d.seat_names.end() ? n->second : TRY(PersonNameOf(people_, a.person)), a.inhabil));
  }
  e.attachments = d.attachments[item.id];
  for (auto& a : e.attachments) {
    bool may = Decide(v, Action::kRead, Resource::Meeting(K::kAttachment, m.body, a.closed || item.closed, m.published())) ==
               Decision::kAllow;
    e.may_open.push_back(may);
    if (!may) {
      a.title.clear();
      a.filename.clear();
      a.document_number.clear();
    }
  }
  for (ItemId id : item.plan_items) {
    auto p = plans_.GetItem(id);
    if (!p.ok()) {
      if (p.error().code == ErrorCode::kNotFound) continue;  // the plan item is gone: no link
      return p.error();
    }
    auto published = d.plan_published.find(p->plan_id());
    if (published == d.plan_published.end())
      published = d.plan_published.emplace(p->plan_id(), TRY(plans_.IsPublished(p->plan_id()))).first;
    if (Decide(v, Action::kRead, Resource::Item(published->second, *p)) != Decision::kAllow) continue;
    PlanItem shown = Redact(v, *p);
    const ItemData& x = shown.data();
    PlanLink link{id, x.code ? x.code->text() : "", x.title, x.status_text, x.state, x.traffic_light, x.obs, x.obs_note, {}, ""};
    if (m.date < clock_.Today()) {
      // A meeting held shows the status it was given, not today's.
      auto plan = d.status_then.find(p->plan_id());
      if (plan == d.status_then.end()) {
        std::map<ItemId, PageData::Then> then;
        for (auto& u : TRY(plans_.StatusUpdatesUntil(p->plan_id(), m.date))) {  // newest first
          PageData::Then& t = then[u.item_id];
          if (!t.obs && u.obs_action != ObsAction::kNone) t.obs = u;
          if (!t.latest) t.latest = std::move(u);
        }
        plan = d.status_then.emplace(p->plan_id(), std::move(then)).first;
      }
      if (auto t = plan->second.find(id); t != plan->second.end()) {
        if (const auto& u = t->second.latest) {
          link.status_text = u->status_text;
          link.state = u->state;
          link.light = u->traffic_light;
          link.status_date = u->as_of;
          link.status_author = u->author;
        }
        if (const auto& o = t->second.obs) {
          link.obs = o->obs_action == ObsAction::kRaise;
          link.obs_note = link.obs && MaySeeField(v, ItemField::kObsNote) ? o->obs_note : "";
        }
      }
    }
    e.plan_items.push_back(std::move(link));
  }
  // Decisions taken earlier on the case's route (other bodies, earlier days).
  for (const auto& other : d.decided_elsewhere[item.case_id]) {
    const Meeting& om = d.meetings.at(other.meeting_id);
    if (om.date > m.date || (om.date == m.date && om.start_minute >= m.start_minute)) continue;
    bool visible = Decide(v, Action::kRead, Resource::Meeting(K::kAgendaItem, om.body, other.closed, om.published())) ==
                   Decision::kAllow;
    if (!visible || !(om.approved() || Prepares(v, om.body))) continue;
    auto name = d.body_names.find(om.body);
    e.earlier.push_back({DecisionHeading(name != d.body_names.end() ? name->second : om.body, om.date), other.decision, om.id});
  }
  std::sort(e.earlier.begin(), e.earlier.end(), [&](const EarlierDecision& a, const EarlierDecision& b) {
    return d.meetings.at(a.meeting_id).date < d.meetings.at(b.meeting_id).date;
  });
  e.revisions = d.revisions[item.id];
  if (!prepares)
    for (auto& r : e.revisions) r.before.clear();  // the reason is public, the old text is the secretary's
  e.next_body = NextOnRoute(e.c, m.body);
  return e;
}

Result<MeetingView> MeetingService::GetMeeting(const Viewer& v, int64_t id) {
  auto m = store_.GetMeeting(id);
  if (!m.ok()) return NoMeeting(m.error());
  MeetingView view;
  view.meeting = *m;
  auto body = TRY(FindBody(m->body));
  view.body_name = body.name;
  view.may_prepare = Prepares(v, m->body);
  view.agenda_visible = m->published() || view.may_prepare;
  if (view.agenda_visible) {
    auto data = TRY(LoadPageData(*m));
    for (const auto& item : TRY(store_.AgendaOf(id))) {
      auto e = TRY(Entry(v, *m, item, view.may_prepare, data));
      // The members' edition is any view with closed content: a closed item's text, or a
      // closed attachment's title (issue 11: it said "Offentlig udgave" on such a PDF).
      if (e.content && e.item.closed) view.members_edition = true;
      for (size_t i = 0; i < e.attachments.size(); ++i)
        if (e.may_open[i] && (e.attachments[i].closed || e.item.closed)) view.members_edition = true;
      view.agenda.push_back(std::move(e));
    }
    std::vector<AgendaItem> shown;
    for (const auto& e : view.agenda) shown.push_back(e.item);
    view.schedule = TimeSchedule(shown, m->breaks);
  }
  view.seated = TRY(people_.SeatsOn(m->body, m->date));
  std::set<int64_t> absent(m->absent.begin(), m->absent.end()), apologies(m->apologies.begin(), m->apologies.end());
  for (const auto& s : view.seated) {
    if (absent.count(s.membership.user_id)) view.absent.push_back(s.Printed());
    else if (apologies.count(s.membership.user_id)) view.apologies.push_back(s.Printed());
    else view.present.push_back(s.Printed());
  }
  return view;
}

Result<MeetingSummary> MeetingService::Summarize(const Viewer& v, const Meeting& m, const std::vector<Body>& bodies,
                                                 bool titles) {
  MeetingSummary s;
  s.meeting = m;
  s.body_name = m.body;
  for (const auto& b : bodies)
    if (b.code == m.body) s.body_name = b.name;
  if (titles && (m.published() || Prepares(v, m.body))) {
    for (const auto& item : TRY(store_.AgendaOf(m.id))) s.titles.push_back(std::to_string(item.position) + ". " + item.title);
  }
  return s;
}

Result<std::vector<MeetingSummary>> MeetingService::BodyMeetings(const Viewer& v, const std::string& body, Date from,
                                                                 Date to, bool titles) {
  if (!body.empty()) TRY(FindBody(body));
  auto bodies = TRY(plans_.ListBodies());
  std::vector<MeetingSummary> out;
  for (const auto& m : TRY(store_.ListMeetings(body, from, to))) out.push_back(TRY(Summarize(v, m, bodies, titles)));
  return out;
}

Status MeetingService::PublishAgenda(const Viewer& v, int64_t id) {
  auto m = store_.GetMeeting(id);
  if (!m.ok()) return NoMeeting(m.error());
  RETURN_IF_ERROR(MayPrepare(v, m->body));
  if (m->published()) return Conflict("Dagsordenen er allerede offentliggjort.");
  if (m->cancelled) return Conflict("Mødet er aflyst; dets dagsorden kan ikke offentliggøres.");
  if (TRY(store_.AgendaOf(id)).empty()) return Conflict("Dagsordenen er tom. Sæt mindst én sag på, før den offentliggøres.");
  m->published_at = clock_.NowUnix();
  return store_.UpdateMeeting(*m);
}

Status MeetingService::ApproveMinutes(const Viewer& v, int64_t id) {
  auto m = store_.GetMeeting(id);
  if (!m.ok()) return NoMeeting(m.error());
  RETURN_IF_ERROR(MayPrepare(v, m->body));
  if (m->approved()) return Conflict("Protokollen er allerede godkendt.");
  if (!m->published()) return Conflict("Dagsordenen skal offentliggøres, før protokollen kan godkendes.");
  if (m->date > clock_.Today()) return Conflict("Mødet er ikke holdt endnu (" + m->date.Short() + ").");
  std::vector<std::string> missing;
  for (const auto& item : TRY(store_.AgendaOf(id)))
    if (item.decision.empty()) missing.push_back(std::to_string(item.position));
  if (!missing.empty())
    return Conflict("Der mangler en beslutning på punkt " + text::Join(missing, ", ") + ".");
  m->approved_at = clock_.NowUnix();
  return store_.UpdateMeeting(*m);
}

Status MeetingService::RecordAttendance(const Viewer& v, int64_t id, const std::set<int64_t>& absent,
                                        const std::set<int64_t>& apologies) {
  auto m = store_.GetMeeting(id);
  if (!m.ok()) return NoMeeting(m.error());
  RETURN_IF_ERROR(MayPrepare(v, m->body));
  if (m->approved()) return Conflict("Protokollen er godkendt; fremmødet kan ikke ændres.");
  std::set<int64_t> seated;
  for (const auto& s : TRY(people_.SeatsOn(m->body, m->date))) seated.insert(s.membership.user_id);
  auto problems = AttendanceProblems(seated, absent, apologies);
  // Someone away from the whole meeting cannot also stand as not taking part in an item.
  std::vector<FieldError> item_errors;
  for (const auto& item : TRY(store_.AgendaOf(id)))
    for (const auto& a : item.absences)
      if (absent.count(a.person) || apologies.count(a.person)) {
        auto name = people_.NameOf(a.person);
        if (!name.ok() && name.error().code != ErrorCode::kNotFound) return name.error();
        item_errors.push_back({absent.count(a.person) ? "absent" : "apologies",
                               (name.ok() ? *name : "Person " + std::to_string(a.person)) +
                                   " står som «deltog ikke» under punkt " + std::to_string(item.position) +
                                   ". Ret det under punktets beslutning først."});
      }
  if (problems.empty() && !item_errors.empty()) return FieldErrors(std::move(item_errors));
  if (!problems.empty()) {
    // Name the people (the domain knows only ids, and says which one in each problem).
    std::vector<FieldError> errors;
    for (const auto& p : problems) {
      auto name = people_.NameOf(p.person);
      if (!name.ok() && name.error().code != ErrorCode::kNotFound) return name.error();
      errors.push_back({p.field, p.Message(name.ok() ? *name : "Ukendt person")});
    }
    return FieldErrors(std::move(errors));
  }
  auto a = TRY(ValidateAttendance(seated, absent, apologies));
  m->absent = a.absent;
  m->apologies = a.apologies;
  return store_.UpdateMeeting(*m);
}

// --- cases ---------------------------------------------------------------------------

Result<Case> MeetingService::CreateCase(const Viewer& v, const CaseDraft& draft) {
  std::set<std::string> codes;
  for (const auto& b : TRY(plans_.ListBodies())) codes.insert(b.code);
  auto c = ValidateCase(draft, codes);
  if (!c.ok()) return c.error();
  if (!c->kle.empty()) RETURN_IF_ERROR(CheckKle(TRY(Kle()), c->kle));
  bool may = v.Has(Role::kAdministrator);
  for (const auto& body : c->route) may = may || Prepares(v, body);
  if (!may) return PermissionDenied("Kun sekretærer for et organ i sagsgangen og administratorer kan oprette sager.");
  if (c->route.empty()) return FieldErrors({{"route", "Angiv sagsgangen: de organer, sagen skal behandles i, fx DIR → ØK → KB."}});
  auto created = store_.CreateCase(*c);
  if (!created.ok() && created.error().code == ErrorCode::kAlreadyExists) {
    Error e = FieldErrors({{"number", created.error().message}});
    e.code = ErrorCode::kAlreadyExists;
    e.message = created.error().message;
    return e;
  }
  return created;
}

Status MeetingService::CheckKle(const KleIndex& kle, const std::string& journal_number) {
  auto titles = kle.Titles(journal_number);
  if (titles.ok()) return OkStatus();
  if (titles.error().code != ErrorCode::kNotFound && titles.error().code != ErrorCode::kInvalidArgument) return titles.error();
  return FieldErrors({{"kle", titles.error().message}});
}

Result<KleIndex> MeetingService::Kle() { return KleIndex(TRY(store_.KleEntries())); }

Status MeetingService::ReplaceKle(const Viewer& v, const std::vector<KleEntry>& entries, const std::string& source) {
  if (!v.Has(Role::kAdministrator)) return PermissionDenied("Kun administratorer kan indlæse KLE-listen.");
  if (entries.empty()) return InvalidArgument("KLE-listen er tom.");
  return store_.ReplaceKle(entries, KleMeta{source, Author(v), clock_.NowUnix()});
}

Result<std::map<std::string, std::string>> MeetingService::KleTitles(const std::vector<Case>& cases) {
  std::map<std::string, std::string> out;
  auto kle = TRY(Kle());
  if (kle.empty()) return out;
  for (const auto& c : cases)
    if (auto t = kle.Titles(c.kle); t.ok() && !t->empty()) out[c.kle] = *t;
  return out;
}

Result<std::vector<Case>> MeetingService::ListCases(const Viewer& v) {
  auto all = TRY(store_.ListCases());
  std::vector<Case> out;
  for (auto& c : all) {
    bool prepares = v.Has(Role::kAdministrator);
    for (const auto& b : c.route) prepares = prepares || Prepares(v, b);
    if (prepares) out.push_back(std::move(c));
  }
  return out;
}

// --- agenda --------------------------------------------------------------------------

Result<AgendaItem> MeetingService::AddToAgenda(const Viewer& v, int64_t meeting, const std::string& case_number,
                                               const std::string& reason) {
  auto m = store_.GetMeeting(meeting);
  if (!m.ok()) return NoMeeting(m.error());
  RETURN_IF_ERROR(MayPrepare(v, m->body));
  auto number = CaseNumber::Parse(case_number);
  if (!number.ok()) return FieldErrors({{"sag", number.error().message}});
  auto c = store_.FindCase(number->text);
  if (!c.ok() && c.error().code != ErrorCode::kNotFound) return c.error();
  if (!c.ok()) return FieldErrors({{"sag", "Sag " + number->text + " findes ikke. Opret sagen først."}});
  if (m->approved()) return Conflict("Protokollen er godkendt; der kan ikke sættes flere sager på.");
  for (const auto& item : TRY(store_.AgendaOf(meeting)))
    if (item.case_id == c->id) return FieldErrors({{"sag", "Sag " + c->number.text + " står allerede på dagsordenen."}});
  std::string why = Clean(reason);
  if (m->published() && why.empty()) return ReasonRequired("Dagsordenen er offentliggjort.");
  AgendaItem item;
  item.meeting_id = meeting;
  item.case_id = c->id;
  item.title = c->title;
  item.closed = c->closed;
  auto added = TRY(store_.AddAgendaItem(item));
  if (m->published()) {
    AgendaRevision r{added.id, 0, why, Author(v), clock_.NowUnix(), "Punktet sat på efter offentliggørelsen", ""};
    RETURN_IF_ERROR(store_.UpdateAgendaItem(added, r));
    added.revision = 1;
  }
  return added;
}

Result<AgendaItem> MeetingService::UpdateAgendaItem(const Viewer& v, int64_t id, const AgendaItemDraft& draft,
                                                    const std::string& reason) {
  auto e = TRY(ForEditing(v, id));
  // Every wrong field at once (issue 14): the plan item links beside the times and texts.
  std::vector<FieldError> errors;
  AgendaItemDraft d = draft;
  if (d.plan_items_text) {
    std::string bad;
    d.plan_items = ReadItemIds(*d.plan_items_text, &bad);
    if (!bad.empty())
      errors.push_back({"planpunkter", "Planpunkter skrives som tal adskilt af komma, fx 12, 14 («" + text::Truncate(bad, 20) + "» er ikke et tal)."});
  }
  auto updated = ApplyDraft(e.item, d);
  if (!updated.ok()) {
    if (updated.error().fields.empty()) return updated.error();
    errors.insert(errors.end(), updated.error().fields.begin(), updated.error().fields.end());
  }
  // Plan item links must point at items that exist.
  for (ItemId pid : d.plan_items) {
    auto linked = plans_.GetItem(pid);
    if (!linked.ok() && linked.error().code != ErrorCode::kNotFound) return linked.error();
    if (!linked.ok()) errors.push_back({"planpunkter", "Planpunkt " + std::to_string(pid) + " findes ikke."});
  }
  if (!errors.empty()) return FieldErrors(std::move(errors));
  std::optional<AgendaRevision> revision;
  if (e.meeting.published()) {
    revision = TRY(Revise(v, e.item, *updated, reason, "Dagsordenen er offentliggjort."));
    if (revision->what.empty()) return *updated;  // nothing changed: no revision
  }
  RETURN_IF_ERROR(store_.UpdateAgendaItem(*updated, revision));
  return store_.GetAgendaItem(id);
}

Status MeetingService::MoveAgendaItem(const Viewer& v, int64_t id, int delta) {
  auto e = TRY(ForEditing(v, id));
  if (e.meeting.published()) return Conflict("Rækkefølgen kan ikke ændres, efter dagsordenen er offentliggjort.");
  std::vector<int64_t> order;
  for (const auto& item : TRY(store_.AgendaOf(e.meeting.id))) order.push_back(item.id);
  auto moved = TRY(MoveInOrder(order, id, delta));
  if (moved == order) return OkStatus();
  return store_.SetAgendaOrder(e.meeting.id, moved);
}

Status MeetingService::RemoveAgendaItem(const Viewer& v, int64_t id) {
  auto e = TRY(ForEditing(v, id));
  if (e.meeting.published()) return Conflict("Et punkt kan ikke fjernes, efter dagsordenen er offentliggjort.");
  return store_.RemoveAgendaItem(id);
}

Result<std::map<int64_t, std::string>> MeetingService::SeatNames(const Meeting& m) {
  return PrintedNames(TRY(people_.SeatsOn(m.body, m.date)));
}

Result<AgendaItem> MeetingService::RecordDecision(const Viewer& v, int64_t id, const std::string& decision,
                                                  const std::string& protocol_note, const std::string& reason,
                                                  const std::optional<std::vector<ItemAbsence>>& absences) {
  auto e = TRY(ForEditing(v, id));
  if (!e.meeting.published()) return Conflict("Dagsordenen skal offentliggøres, før der kan træffes beslutninger.");
  if (e.meeting.date > clock_.Today()) return Conflict("Mødet er ikke holdt endnu (" + e.meeting.date.Short() + ").");
  AgendaItem updated = e.item;
  updated.decision = Clean(decision);
  updated.protocol_note = Clean(protocol_note);
  std::vector<FieldError> errors;
  if (updated.decision.empty()) errors.push_back({"beslutning", "Vælg en beslutning eller skriv den."});
  if (text::CodePointCount(updated.decision) > 20000) errors.push_back({"beslutning", "Beslutningen må højst fylde 20.000 tegn."});
  if (text::CodePointCount(updated.protocol_note) > 20000)
    errors.push_back({"protokol", "Protokoltilførslen må højst fylde 20.000 tegn."});
  auto seats = TRY(people_.SeatsOn(e.meeting.body, e.meeting.date));
  auto names = PrintedNames(seats);
  if (absences) {
    // One line per person (inhabil when marked so twice), in the order of the seats.
    std::map<int64_t, bool> marked;
    for (const auto& a : *absences) marked[a.person] = marked[a.person] || a.inhabil;
    std::set<int64_t> away(e.meeting.absent.begin(), e.meeting.absent.end());
    away.insert(e.meeting.apologies.begin(), e.meeting.apologies.end());
    updated.absences.clear();
    for (const auto& [person, inhabil] : marked) {
      if (!names.count(person)) {
        // Not looked up: the form offers only those seated, and a name is not told to
        // whoever sends an id.
        errors.push_back({"deltog_ikke", "Person " + std::to_string(person) + " sad ikke i organet på mødedagen."});
      } else if (away.count(person)) {
        errors.push_back({"deltog_ikke", names[person] + " var ikke på mødet (fraværende eller afbud) og kan ikke "
                                                         "også stå under punktet."});
      }
    }
    for (const auto& s : seats)
      if (auto m = marked.find(s.membership.user_id); m != marked.end()) updated.absences.push_back({m->first, m->second});
  }
  if (!errors.empty()) return FieldErrors(std::move(errors));
  std::optional<AgendaRevision> revision;
  if (e.meeting.approved()) {
    revision = TRY(Revise(v, e.item, updated, reason, "Protokollen er godkendt.", names));
    if (revision->what.empty()) return updated;
  }
  RETURN_IF_ERROR(store_.UpdateAgendaItem(updated, revision));
  return store_.GetAgendaItem(id);
}

Result<AgendaItem> MeetingService::SendOn(const Viewer& v, int64_t id) {
  auto e = TRY(ForEditing(v, id));
  auto c = TRY(store_.GetCase(e.item.case_id));
  auto next = NextOnRoute(c, e.meeting.body);
  if (!next) return Conflict("Sagsgangen for " + c.number.text + " slutter i " + e.meeting.body + ".");
  auto next_body = TRY(FindBody(*next));
  RETURN_IF_ERROR(MayPrepare(v, *next));
  // The next meeting of that body after this one whose agenda is still open.
  std::optional<Meeting> target;
  for (const auto& m : TRY(store_.ListMeetings(*next, e.meeting.date, Date::FromDays(e.meeting.date.ToDays() + 3660)))) {
    if (m.cancelled || m.published()) continue;
    if (m.date == e.meeting.date && m.start_minute <= e.meeting.start_minute) continue;
    target = m;
    break;
  }
  if (!target)
    return Conflict("Der er intet kommende møde i " + next_body.name + " med åben dagsorden. Opret mødet først.");
  for (const auto& item : TRY(store_.AgendaOf(target->id)))
    if (item.case_id == c.id)
      return Conflict("Sagen står allerede på " + next_body.name + "s møde den " + target->date.Short() + ".");
  AgendaItem item;
  item.meeting_id = target->id;
  item.case_id = c.id;
  item.title = e.item.title;
  item.closed = e.item.closed;
  item.sections = e.item.sections;
  item.plan_items = e.item.plan_items;
  return store_.AddAgendaItem(item);
}

// --- attachments ---------------------------------------------------------------------

Result<Attachment> MeetingService::AddAttachment(const Viewer& v, int64_t agenda_item, const std::string& title,
                                                 bool closed, const std::string& document_number,
                                                 const std::string& filename, const std::string& claimed_type,
                                                 const std::string& bytes) {
  auto e = TRY(ForEditing(v, agenda_item));
  std::vector<FieldError> errors;
  Attachment a;
  a.agenda_item_id = agenda_item;
  a.title = text::IsValidUtf8(title) ? text::Trim(text::CleanSingleLine(title)) : "";
  if (a.title.empty() || text::CodePointCount(a.title) > 300) errors.push_back({"titel", "Skriv bilagets titel (højst 300 tegn)."});
  if (!text::Trim(document_number).empty()) {
    auto d = ValidateDocumentNumber(document_number);
    if (!d.ok()) errors.push_back({"dokumentnummer", d.error().message});
    else a.document_number = *d;
  }
  std::string name = text::IsValidUtf8(filename) ? text::Trim(text::CleanSingleLine(filename)) : "";
  // Only the last path part (old browsers send C:\...\fil.pdf), without quotes.
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  std::erase_if(name, [](char ch) { return ch == '"' || ch == '\r' || ch == '\n'; });
  if (name.empty() && !bytes.empty()) errors.push_back({"fil", "Filen har intet navn."});
  auto type = CheckUpload(name, claimed_type, bytes, policy_.upload_limit);
  if (!type.ok()) errors.push_back({"fil", type.error().message});
  if (!errors.empty()) return FieldErrors(std::move(errors));
  if (e.meeting.approved()) return Conflict("Protokollen er godkendt; der kan ikke tilføjes bilag.");
  a.filename = text::Truncate(name, 200);
  a.content_type = *type;
  a.closed = closed || e.item.closed;
  return store_.AddAttachment(a, bytes);
}

Status MeetingService::RemoveAttachment(const Viewer& v, int64_t id) {
  auto a = store_.GetAttachment(id);
  if (!a.ok()) return NoAttachment(a.error());
  auto e = TRY(ForEditing(v, a->agenda_item_id));
  if (e.meeting.published()) return Conflict("Et bilag kan ikke fjernes, efter dagsordenen er offentliggjort.");
  return store_.RemoveAttachment(id);
}

Result<MeetingService::File> MeetingService::OpenAttachment(const Viewer& v, int64_t id) {
  auto a = store_.GetAttachment(id);
  if (!a.ok()) return NoAttachment(a.error());
  auto item = TRY(store_.GetAgendaItem(a->agenda_item_id));
  auto m = TRY(store_.GetMeeting(item.meeting_id));
  RETURN_IF_ERROR(Check(v, Action::kRead,
                        Resource::Meeting(K::kAttachment, m.body, a->closed || item.closed, m.published()), "bilaget"));
  return File{*a, TRY(store_.AttachmentBytes(id))};
}

}  // namespace bs
