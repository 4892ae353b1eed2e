// AgendaImportService (issue 13): an agenda text checked against a meeting and written
// into it all or nothing. The rules are listed in agenda_import.h; the checks reuse the
// domain's (ValidateCase, ApplyDraft, KleIndex) so an imported case or agenda item is
// held to what the forms are held to.
#include "app/agenda_import.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace bs {
namespace {

using ItemAction = AgendaImportItem::Action;

std::string NoSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// "Punkt 3" as the text numbers it, or by its place when it prints no number.
std::optional<int> ItemNumber(const AgendaTextItem& item, size_t index) {
  return item.number ? item.number : std::optional<int>(static_cast<int>(index) + 1);
}

// The AgendaSections member a section's field names (agenda_layouts.cpp's names).
std::string AgendaSections::*Member(const std::string& field) {
  static const std::map<std::string, std::string AgendaSections::*> members = {
      {"background", &AgendaSections::background},         {"presentation", &AgendaSections::presentation},
      {"policies", &AgendaSections::policies},             {"economy", &AgendaSections::economy},
      {"legal_basis", &AgendaSections::legal_basis},       {"recommendation", &AgendaSections::recommendation},
      {"recommended_by", &AgendaSections::recommended_by},
  };
  auto it = members.find(field);
  return it == members.end() ? nullptr : it->second;
}

void Append(std::string& to, const std::string& text) {
  if (text.empty()) return;
  if (!to.empty()) to += "\n\n";
  to += text;
}

AgendaSections SectionsOf(const AgendaTextItem& item) {
  AgendaSections s;
  for (const auto& section : item.sections) {
    if (auto member = Member(section.field)) Append(s.*member, section.text);
    else Append(s.presentation, section.heading + (section.text.empty() ? "" : "\n\n" + section.text));
  }
  return s;
}

struct PlanCode {
  std::string code;  // without spaces
  PlanLink link;
};

}  // namespace

std::string AgendaImportProblem::Located() const {
  std::string at = line ? std::to_string(line) : "";
  if (item) return "Punkt " + std::to_string(*item) + (line ? " (linje " + at + ")" : "") + ": " + message;
  return line ? "Linje " + at + ": " + message : message;
}

std::string_view Label(ItemAction a) {
  switch (a) {
    case ItemAction::kCreateCase: return "Ny sag";
    case ItemAction::kUseCase: return "Eksisterende sag";
    case ItemAction::kAlreadyOnAgenda: return "Står allerede på dagsordenen";
    case ItemAction::kNoCase: return "Uden sagsnummer: importeres ikke";
    case ItemAction::kRefused: return "Kan ikke importeres";
  }
  return "";
}

Result<AgendaImportResult> AgendaImportService::Import(const Viewer& v, MeetingId meeting_id, std::string_view text,
                                                       const std::string& layout, const std::string& source, bool apply) {
  auto meeting = store_.GetMeeting(meeting_id);
  if (!meeting.ok()) return NotFoundAs(meeting.error(), "Mødet findes ikke.");
  if (!meetings_.Prepares(v, meeting->body))
    return PermissionDenied(v.anonymous() ? "Log ind som sekretær for organet for at importere en dagsorden."
                                          : "Kun organets sekretærer og administratorer kan importere dets dagsordener.");
  AgendaImportResult r;
  r.meeting = *meeting;
  r.source = source.empty() ? "indsat tekst" : source;
  r.text = TRY(reader_.Read(text, layout));

  std::set<std::string> codes;
  std::map<std::string, std::string> body_by_folded;  // name or code, case-folded -> code
  for (const auto& b : TRY(plans_.ListBodies())) {
    codes.insert(b.code);
    body_by_folded[text::FoldCase(b.code)] = b.code;
    body_by_folded[text::FoldCase(b.name)] = b.code;
    if (b.code == r.meeting.body) r.body_name = b.name;
  }
  KleIndex kle = TRY(meetings_.Kle());
  std::set<CaseId> on_agenda;
  for (const auto& item : TRY(store_.AgendaOf(meeting_id))) on_agenda.insert(item.case_id);
  std::vector<PlanCode> plan_codes;
  for (const auto& plan : TRY(plans_.ListPlans())) {
    auto items = TRY(plans_.LiveItems(plan.id()));
    for (const auto& p : *items)
      if (p.data().code) {
        PlanLink link;
        link.id = p.id();
        link.code = p.data().code->text();
        link.title = p.data().title;
        plan_codes.push_back({NoSpaces(link.code), link});
      }
  }

  auto problem = [&](std::optional<int> item, int line, std::string message) {
    r.problems.push_back({item, line, std::move(message)});
  };
  if (r.meeting.approved()) problem(std::nullopt, 0, "Protokollen er godkendt; der kan ikke sættes flere sager på dagsordenen.");
  const bool may_decide = r.meeting.published() && r.meeting.date <= clock_.Today();
  const std::string why_no_decision =
      !r.meeting.published() ? "dagsordenen er ikke offentliggjort endnu; beslutninger kan først skrives bagefter."
                             : "mødet er ikke holdt endnu (" + r.meeting.date.Short() + ").";

  AgendaImportWrite write;
  write.meeting = meeting_id;
  std::map<std::string, int> seen;  // case number -> the item number that had it first
  for (size_t index = 0; index < r.text.items.size(); ++index) {
    const AgendaTextItem& src = r.text.items[index];
    AgendaImportItem out;
    out.source = src;
    const std::optional<int> number = ItemNumber(src, index);
    const size_t problems_before = r.problems.size();
    auto note = [&](std::string message, int line = 0) { out.notes.push_back({number, line ? line : src.line, std::move(message)}); };
    auto refuse = [&](std::string message, int line = 0) { problem(number, line ? line : src.line, std::move(message)); };

    if (src.case_number.empty()) {
      out.action = ItemAction::kNoCase;
      note("Punktet har intet sagsnummer og importeres ikke. Sæt det på dagsordenen i hånden, hvis det skal med.");
      ++r.skipped;
      r.items.push_back(std::move(out));
      continue;
    }
    auto case_number = CaseNumber::Parse(src.case_number);
    if (!case_number.ok()) {
      refuse(case_number.error().message);
      r.items.push_back(std::move(out));
      continue;
    }
    if (auto [it, fresh] = seen.emplace(case_number->text, number.value_or(0)); !fresh) {
      refuse("Sag " + case_number->text + " står også i punkt " + std::to_string(it->second) + ".");
      r.items.push_back(std::move(out));
      continue;
    }
    auto existing = store_.FindCase(case_number->text);
    if (!existing.ok() && existing.error().code != ErrorCode::kNotFound) return existing.error();
    if (existing.ok()) {
      out.c = *existing;
      out.action = ItemAction::kUseCase;
      if (on_agenda.count(existing->id)) {
        out.action = ItemAction::kAlreadyOnAgenda;
        note("Sag " + case_number->text + " står allerede på dagsordenen; punktet springes over.");
        ++r.skipped;
        if (auto t = kle.Titles(out.c.kle); t.ok()) out.kle_title = *t;
        r.items.push_back(std::move(out));
        continue;
      }
    } else {
      // A new case, held to what the case form is held to.
      std::vector<std::string> route;
      for (const auto& code : src.route) {
        if (codes.count(code)) route.push_back(code);
        else refuse("Organet «" + code + "» i sagsgangen findes ikke.");
      }
      if (src.route.empty()) route.push_back(r.meeting.body);
      CaseDraft draft{case_number->text, src.journal_number, src.title, src.responsible, text::Join(route, ", "),
                      src.closed.value_or(false)};
      auto c = ValidateCase(draft, codes);
      if (!c.ok()) {
        for (const auto& f : c.error().fields) refuse(f.message);
        if (c.error().fields.empty()) refuse(c.error().message);
      } else {
        out.c = *c;
        if (!c->kle.empty())
          if (auto t = kle.Titles(c->kle); !t.ok()) refuse(t.error().message);
        bool may = v.Has(Role::kAdministrator);
        for (const auto& body : c->route) may = may || meetings_.Prepares(v, body);
        if (!may && !c->route.empty())
          refuse("Du forbereder ikke møder i noget organ i sagens sagsgang (" + text::Join(c->route, " → ") + ").");
      }
      out.action = ItemAction::kCreateCase;
    }
    if (!out.c.kle.empty())
      if (auto t = kle.Titles(out.c.kle); t.ok()) out.kle_title = *t;

    // The agenda item: title as printed, sections, links, and this meeting's decision.
    AgendaItem base;
    base.meeting_id = meeting_id;
    base.case_id = out.c.id;
    base.closed = out.c.closed;
    AgendaItemDraft draft;
    draft.title = src.title.empty() ? out.c.title : src.title;
    draft.closed = out.c.closed;
    draft.sections = SectionsOf(src);
    for (const auto& code : src.proposal_codes) {
      bool found = false;
      for (const auto& p : plan_codes)
        if (p.code == code) {
          found = true;
          if (std::none_of(out.plan_items.begin(), out.plan_items.end(), [&](const PlanLink& l) { return l.id == p.link.id; })) {
            out.plan_items.push_back(p.link);
            draft.plan_items.push_back(p.link.id);
          }
        }
      if (!found) note("Forslag " + code + " står ikke på nogen plan; det kobles ikke.");
    }
    auto item = ApplyDraft(base, draft);
    if (!item.ok()) {
      for (const auto& f : item.error().fields) refuse(f.message);
      if (item.error().fields.empty()) refuse(item.error().message);
    } else {
      out.item = *item;
    }
    for (const auto& d : src.decisions) {
      auto body = body_by_folded.find(text::FoldCase(d.body));
      if (d.earlier || !d.date || *d.date != r.meeting.date || body == body_by_folded.end() || body->second != r.meeting.body)
        continue;
      std::string decision = text::Trim(text::CleanMultiline(d.text));
      if (decision.empty()) continue;
      if (!may_decide) {
        note("Beslutningen gemmes ikke: " + why_no_decision, d.line);
      } else if (text::CodePointCount(decision) > 20000) {
        refuse("Beslutningen må højst fylde 20.000 tegn.", d.line);
      } else {
        out.item.decision = decision;
        ++r.decisions;
      }
      break;
    }
    if (r.problems.size() > problems_before) {
      out.action = ItemAction::kRefused;
      r.items.push_back(std::move(out));
      continue;
    }
    ImportedAgendaItem w;
    w.item = out.item;
    if (out.action == ItemAction::kCreateCase) {
      w.new_case = static_cast<int>(write.new_cases.size());
      write.new_cases.push_back(out.c);
      ++r.new_cases;
    }
    if (r.meeting.published())  // as AddToAgenda: never silent after publishing
      w.revision = AgendaRevision{0, 0, "Importeret fra dagsordenteksten «" + text::CleanSingleLine(r.source) + "».",
                                  v.AuthorName(), clock_.NowUnix(), "Punktet sat på efter offentliggørelsen", ""};
    write.items.push_back(std::move(w));
    ++r.added;
    r.items.push_back(std::move(out));
  }
  std::stable_sort(r.problems.begin(), r.problems.end(),
                   [](const AgendaImportProblem& a, const AgendaImportProblem& b) { return a.line < b.line; });
  if (!apply || !r.problems.empty()) return r;
  r.applied = true;
  if (write.items.empty()) return r;  // nothing new (a text imported before)
  auto written = TRY(store_.WriteAgendaImport(write));
  size_t next = 0;
  for (auto& item : r.items)
    if (item.written() && next < written.size()) {
      item.item = written[next++];
      item.c.id = item.item.case_id;
    }
  return r;
}

}  // namespace bs
