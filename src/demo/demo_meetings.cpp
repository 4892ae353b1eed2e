#include "demo/demo_meetings.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "demo/demo_plan.h"

#include "core/text.h"

namespace bs::demo {
namespace {

// The demo acts as an administrator (the demo command owns the database file).
Viewer DemoAdmin() {
  Viewer v;
  User u;
  u.id = 0;
  u.username = "demo";
  u.name = "demo";
  u.roles = {Role::kAdministrator};
  u.active = true;
  v.user = u;
  return v;
}

struct ItemSeed {
  const char* case_number;
  const char* title;  // as on this agenda; empty: the case title
  const char* slot_start;
  const char* slot_end;
  const char* participants;
  AgendaSections sections;
  const char* decision;  // empty: none
  bool closed;
};

struct CaseSeed {
  const char* number;
  const char* kle;
  const char* title;
  const char* officer;
  const char* route;
  bool closed;
};

// Seeds 000-004. Numbers marked are invented: seed 004 prints items 1-5 of the
// DIR meeting without case numbers.
const CaseSeed kCases[] = {
    {"24/7615", "00.30.10.S00", "Status på udmøntningsplan 2025-2028",
     "Kim Bruun Nielsen, Direktør for Fællesforvaltningen og Bettina Andersen, Økonomichef", "BUU → DIR → ØK", false},
    {"25/743", "00.30.14.S00", "Økonomi", "Kim Bruun Nielsen, Direktør for Fællesforvaltningen og Bettina Andersen, Økonomichef",
     "DIR", false},
    {"22/291", "", "Udmøntningsplan 2023-2026", "Kommunaldirektøren", "ØK → KB → HU", false},
    {"25/9001", "", "Beslutningsprotokoller og dagsordener", "Ledelsessekretariatet", "DIR", false},
    {"25/9003", "", "Besøg på administrative adresser og møde med aftaleholdere",
     "Marie Bach Trads, Sekretariatschef, Ledelsessekretariatet, sagsbehandler Vicki Nygaard", "DIR", false},
    {"25/9004", "", "Aktørskab", "Ledelsessekretariatet", "DIR", true},
    {"25/9005", "", "Flexregistreringssystem efter ibrugtagning", "HR-afdelingen", "DIR", true},
    {"26/9901", "", "Køb af ejendom til daginstitution", "Ejendomsafdelingen", "ØK → KB", true},
    {"26/9902", "", "Budgetopfølgning", "Økonomiafdelingen", "ØK → KB", false},
    {"26/9903", "", "Budget 2027-2030", "Økonomichefen", "ØK → KB", false},
};

AgendaSections Sections(const char* background, const char* presentation, const char* policies, const char* economy,
                        const char* legal, const char* recommendation, const char* by) {
  return {background, presentation, policies, economy, legal, recommendation, by};
}

}  // namespace

std::string TinyPdf(const std::string& title) {
  // Latin-1 for the standard Helvetica font (WinAnsiEncoding covers æ, ø, å).
  std::string latin1;
  for (size_t i = 0; i < title.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    if (c < 0x80) {
      if (c == '(' || c == ')' || c == '\\') latin1.push_back('\\');
      latin1.push_back(static_cast<char>(c));
    } else if ((c & 0xE0) == 0xC0 && i + 1 < title.size()) {
      latin1.push_back(static_cast<char>(((c & 0x1F) << 6) | (static_cast<unsigned char>(title[++i]) & 0x3F)));
    } else {
      latin1.push_back('?');
    }
  }
  std::string content = "BT /F1 16 Tf 72 760 Td (" + latin1 + ") Tj ET";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  };
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return out;
}

Result<MeetingDemoReport> LoadDemoMeetings(MeetingService& meetings, PlanRegister& plans, PeopleService& people,
                                           ReportAttachments& reports) {
  MeetingDemoReport report;
  const Viewer admin = DemoAdmin();
  auto existing = meetings.ListCases(admin);
  if (!existing.ok()) return existing.error();
  for (const auto& c : *existing)
    if (c.number.text == "24/7615") return report;
  for (const auto& c : kCases) {
    TRY(meetings.CreateCase(admin, {c.number, c.kle, c.title, c.officer, c.route, c.closed}));
    ++report.cases;
  }
  // Plan items that name a case, for the links both ways.
  std::map<std::string, std::vector<ItemId>> items_by_case;
  std::vector<ItemId> cross_cutting;
  for (const auto& p : TRY(plans.ListPlans())) {
    for (const auto& item : TRY(plans.ListItems(p.id(), ItemFilter{})).items) {
      for (const auto& n : item.data().case_numbers) items_by_case[n].push_back(item.id());
      if (item.data().cross_cutting && cross_cutting.size() < 3) cross_cutting.push_back(item.id());
    }
  }

  auto add_meeting = [&](const char* body, Date date, const char* start, const char* end, const char* place,
                         const char* kind) -> Result<Meeting> {
    ++report.meetings;
    return meetings.CreateMeeting(admin, {body, date.Short(), start, end, place, kind, false});
  };
  auto add_item = [&](const Meeting& m, const ItemSeed& s) -> Result<AgendaItem> {
    auto item = TRY(meetings.AddToAgenda(admin, m.id, s.case_number, ""));
    AgendaItemDraft d;
    d.title = *s.title ? s.title : item.title;
    d.slot_start = s.slot_start;
    d.slot_end = s.slot_end;
    d.participants = s.participants;
    d.sections = s.sections;
    d.closed = s.closed || item.closed;
    d.plan_items = items_by_case[s.case_number];
    if (d.plan_items.empty() && std::string(s.case_number) == "25/743") d.plan_items = cross_cutting;
    return meetings.UpdateAgendaItem(admin, item.id, d, "");
  };
  // Publishes, decides, records who was absent (Fraværende) or sent apologies (Afbud) by
  // name as the seeds print them ("Name (P)"), who did not take part in the first item
  // (seed 002), and approves the minutes.
  auto decide_and_approve = [&](const Meeting& m, const std::vector<std::pair<AgendaItem, const char*>>& decisions,
                                std::vector<std::string> absent = {}, std::vector<std::string> apologies = {},
                                std::vector<std::string> not_in_first = {}) -> Status {
    RETURN_IF_ERROR(meetings.PublishAgenda(admin, m.id));
    std::set<int64_t> a, b;
    std::vector<ItemAbsence> c;
    for (const auto& seat : TRY(people.SeatsOn(m.body, m.date))) {
      auto named = [&](const std::vector<std::string>& names) {
        return std::find(names.begin(), names.end(), seat.Printed()) != names.end();
      };
      if (named(absent)) a.insert(seat.membership.user_id);
      if (named(apologies)) b.insert(seat.membership.user_id);
      if (named(not_in_first)) c.push_back({seat.membership.user_id, false});
    }
    if (a.size() != absent.size() || b.size() != apologies.size() || c.size() != not_in_first.size())
      return Internal("demo: fremmøde uden medlemmer");
    if (!absent.empty() || !apologies.empty()) RETURN_IF_ERROR(meetings.RecordAttendance(admin, m.id, a, b));
    for (size_t i = 0; i < decisions.size(); ++i) {
      std::optional<std::vector<ItemAbsence>> absences;
      if (i == 0 && !c.empty()) absences = c;
      TRY(meetings.RecordDecision(admin, decisions[i].first.id, decisions[i].second, "", "", absences));
    }
    return meetings.ApproveMinutes(admin, m.id);
  };
  // The demo plan's version of the June round: the reports attached below are made from it.
  ReportRequest june;
  june.basis = ReportRequest::Basis::kVersion;
  for (const auto& p : TRY(plans.ListPlans()))
    for (const auto& v : TRY(plans.ListVersions(p.id())))
      if (v.name == kDemoRoundName) {
        june.plan = p.id();
        june.version = v.id;
      }
  auto attach_report = [&](const AgendaItem& item, ReportKind kind, const std::string& title, const char* document) -> Status {
    if (!june.version) return Internal("demo: versionen «" + std::string(kDemoRoundName) + "» mangler");
    ReportRequest r = june;
    r.kind = kind;
    auto a = reports.Attach(admin, item.id, r, title, document, false);
    return a.ok() ? OkStatus() : Status(a.error());
  };
  auto attach = [&](const AgendaItem& item, const std::string& title, bool closed, const char* document) -> Status {
    std::string file = title + ".pdf";
    for (auto& ch : file)
      if (ch == '/' || ch == ':') ch = '-';
    auto a = meetings.AddAttachment(admin, item.id, title, closed, document, file, "application/pdf", TinyPdf(title));
    return a.ok() ? OkStatus() : Status(a.error());
  };

  // 22/291 (seed 002): ØK 06-12-2022 "Tiltrådt.", KB 13-12-2022 "Godkendt.", HU 02-03-2023.
  {
    AgendaSections s = Sections(
        "", "Der er udarbejdet udmøntningsplan for budget 2023-2026. I lighed med sidste år, er der desuden udarbejdet en "
            "strategisk udmøntningsplan. Den strategiske udmøntningsplan vil indgå 2 gange årligt på direktionens dagsorden "
            "og vil også være en del af direktionens årshjul.\nI udmøntningsplanen indgår samtlige emner fra budgetaftalen "
            "2023-2026, og proces, tværgående aspekter og Direktionens rolle er beskrevet for den enkelte indsats.",
        "", "", "", "Kommunaldirektøren indstiller, at den samlede udmøntningsplan med den strategiske og faste del drøftes og godkendes.",
        "Kommunaldirektøren");
    auto ok = TRY(add_meeting("ØK", {2022, 12, 6}, "14:00", "17:00", "Rådhuset, mødelokale 1", "ordinaer"));
    auto item = TRY(add_item(ok, {"22/291", "", "", "", "", s, "", false}));
    RETURN_IF_ERROR(attach(item, "Udmøntningsplan 2023-2026 til ØK og KB i december", false, "151433/22"));
    RETURN_IF_ERROR(attach(item, "Strategisk udmøntningsplan 2023-2026", false, "146522/22"));
    RETURN_IF_ERROR(decide_and_approve(ok, {{item, "Tiltrådt."}}));
    auto kb = TRY(add_meeting("KB", {2022, 12, 13}, "18:00", "21:00", "Byrådssalen", "ordinaer"));
    auto sent = TRY(meetings.SendOn(admin, item.id));
    // Seed 002: "Allan Gjersbøl Jørgensen (A) deltog ikke under behandling af punktet."
    RETURN_IF_ERROR(decide_and_approve(kb, {{sent, "Godkendt."}}, {}, {}, {"Allan Gjersbøl Jørgensen (A)"}));
    auto hu = TRY(add_meeting("HU", {2023, 3, 2}, "13:00", "15:00", "Rådhuset", "ordinaer"));
    auto hu_item = TRY(meetings.SendOn(admin, sent.id));
    AgendaItemDraft d;
    d.title = hu_item.title;
    d.sections = hu_item.sections;
    d.sections.recommendation = "Formanden indstiller, at Hovedudvalget har en dialog om Udmøntningsplan 2023-2026.";
    d.sections.recommended_by = "Formanden";
    TRY(meetings.UpdateAgendaItem(admin, hu_item.id, d, ""));
    RETURN_IF_ERROR(decide_and_approve(
        hu, {{hu_item, "Fællesforvaltningsdirektør Kim Bruun Nielsen indledte punktet. Hovedudvalget havde en dialog om "
                       "udmøntningsplan 2023-2026, herunder processen omkring de to §17-stk. 4-udvalg."}}));
  }

  // 24/7615 at BUU 15-01-2025 (seed 003).
  const char* presentation_2025 =
      "Denne sag indeholder en statusopfølgning på udmøntningsplanen for budget 2025-2028. Udmøntningsplanen er dynamisk og "
      "bliver løbende ajourført og vedlagt findes en opdateret version pr. ultimo maj 2025. De anførte tidspunkter i planen er "
      "vejledende, og kan blive justeret.\nUdmøntningsplanen er opdelt i driftsændringer, råderumsforslag, anlægsprojekter samt "
      "hensigtserklæringer.";
  {
    auto buu = TRY(add_meeting("BUU", {2025, 1, 15}, "15:00", "18:00", "Rådhuset, mødelokale 2", "ordinaer"));
    AgendaSections s = Sections("", presentation_2025, "", "", "",
                                "Velfærdsdirektøren indstiller, at orienteringen om udmøntningsplanen for budget 2025 for "
                                "Børne- og Ungdomsudvalgets område tages til efterretning.",
                                "Velfærdsdirektøren");
    auto item = TRY(add_item(buu, {"24/7615", "Udmøntningsplan 2025-2028", "", "", "", s, "", false}));
    RETURN_IF_ERROR(attach(item, "BUU - Udmøntningsplan 2025-2028", false, "127811/24"));
    RETURN_IF_ERROR(decide_and_approve(buu, {{item, "Godkendt."}}, {"Bente Hedegaard (A)"}));
  }

  // Seed 001: the directors' monthly status on the cross-cutting items (24/7615). The
  // seed gives no date; the meeting of 2 April 2025 is the demo's choice.
  {
    auto dir = TRY(add_meeting("DIR", {2025, 4, 2}, "09:00", "12:00", "Direktionens mødelokale", "ordinaer"));
    auto item = TRY(add_item(dir, {"24/7615", "Status på tværgående indsatser i udmøntningsplanen", "", "", "Økonomichef Bettina Andersen deltager i punktet.",
                                   Sections("Udmøntningsplan 2025 blev drøftet på direktionens møde den 29. januar 2025. Her besluttede "
                                            "direktionen at Direktionens rolle er, at være orienterede om, hvad status er på opgaverne, "
                                            "og om der er noget der kræver hjælp og koordinering i direktionen for at sikre fortsat fremdrift.",
                                            "De tværgående indsatser i udmøntningsplanen er planlagt til løbende drøftelser på direktionens "
                                            "møder i 2025. Fagcheferne er anmodet om at give status på punkterne, og som udgangspunkt er det "
                                            "direktørerne, som fremfører status for direktionen.",
                                            "", "", "", "Direktionen gennemgår status på strategiske og tværgående indsatser.",
                                            "Fællesforvaltningsdirektør og økonomichef"),
                                   "", false}));
    RETURN_IF_ERROR(decide_and_approve(dir, {{item, "Taget til efterretning."}}));
  }

  // Seed 004, "Uge 23-24-25": the political meetings of June 2025 (the group chairs'
  // meeting is not a body here and is left out).
  {
    struct Listed { const char* body; Date date; const char* start; const char* end; const char* kind; };
    const Listed june[] = {{"MTU", {2025, 6, 6}, "08:00", "09:00", "ekstraordinaer"}, {"KFU", {2025, 6, 11}, "15:00", "18:00", "ordinaer"},
                           {"AU", {2025, 6, 12}, "15:00", "18:00", "ordinaer"},        {"EU", {2025, 6, 16}, "15:00", "18:00", "ordinaer"},
                           {"KB", {2025, 6, 17}, "16:00", "17:30", "temamoede"},      {"KB", {2025, 6, 17}, "18:00", "21:00", "ordinaer"},
                           {"BUU", {2025, 6, 19}, "15:00", "18:00", "ordinaer"},      {"MTU", {2025, 6, 23}, "15:00", "18:00", "ordinaer"},
                           {"VPU", {2025, 6, 24}, "15:00", "18:00", "ordinaer"}};
    for (const auto& l : june) TRY(add_meeting(l.body, l.date, l.start, l.end, "Rådhuset", l.kind));
  }

  // DIR 04-06-2025 (seed 004): the time schedule, two closed items, a closed attachment.
  {
    auto dir = TRY(add_meeting("DIR", {2025, 6, 4}, "09:00", "12:30", "Direktionens mødelokale", "ordinaer"));
    TRY(meetings.UpdateMeeting(admin, dir.id, {"", "04-06-2025", "09:00", "12:30", "Direktionens mødelokale", "ordinaer", false},
                               "10:45-10:55 Pause\n12:15-12:30 Frokost"));
    std::vector<std::pair<AgendaItem, const char*>> decisions;
    auto i1 = TRY(add_item(dir, {"25/9001", "Beslutningsprotokoller og dagsordener (borgmester deltager)", "09:00", "10:00",
                                 "Borgmester deltager under behandlingen.",
                                 Sections("", "Rul juni: ØK d. 10/6 2025, KB d. 17/6 2025. Kommende politiske udvalgsmøder "
                                              "afholdes. Direktionen drøfter sager af særlig relevans.",
                                          "", "", "", "Det indstilles, at de nævnte beslutningsprotokoller og de nævnte "
                                                      "dagsordener gennemgås.", ""),
                                 "", false}));
    auto i3 = TRY(add_item(dir, {"25/9003", "Besøg på administrative adresser og møde med aftaleholdere", "10:30", "10:45",
                                 "Borgmester og Vicki Nygaard (Ledelsessekretariatet) deltager under behandlingen.",
                                 Sections("", "Drøfter og kvalificerer oplæg til besøg på de administrative adresser og møde "
                                              "med aftaleholdere i juni 2025 mhp. at ledelsessekretariatet tilpasser oplæg.",
                                          "", "", "", "", ""),
                                 "", false}));
    RETURN_IF_ERROR(attach(i3, "Oplæg til besøg (lukket bilag)", true, ""));
    auto i5 = TRY(add_item(dir, {"25/9005", "Flexregistreringssystem efter ibrugtagning", "10:55", "11:10",
                                 "Marianne Fisker (HR-afdelingsleder) deltager under behandlingen.",
                                 Sections("", "Status på ibrugtagningen og de erfaringer, der er gjort.", "", "", "", "", ""), "", true}));
    auto i4 = TRY(add_item(dir, {"25/9004", "Aktørskab", "11:10", "11:30",
                                 "Vivian Voldgaard og Marc Kromann (Ledelsessekretariatet – Kommunikation) deltager under behandlingen.",
                                 Sections("", "Drøftelse af kommunens aktørskab.", "", "", "", "", ""), "", true}));
    auto i6 = TRY(add_item(dir, {"25/743", "Økonomi", "11:45", "12:05", "Bettina Andersen (Økonomichef) deltager under behandlingen via TEAMS.",
                                 Sections("Denne sag indeholder orientering og resume af Økonomiaftalen 2026 og bud på den anden ud "
                                          "af fire budgetopfølgninger i 2025.",
                                          "For at følge den økonomiske udvikling og gennemførelsen af budgettet indeholder "
                                          "direktionens møder løbende punkter om kommunens økonomi.",
                                          "", "", "", "Det indstilles, at punkterne drøftes.", ""),
                                 "", false}));
    auto i7 = TRY(add_item(dir, {"24/7615", "Status på udmøntningsplan 2025-2028", "", "", "",
                                 Sections("Udmøntningsplanen har i sin helhed været til drøftelse og godkendelse i ØK og KB i "
                                          "december, mens fagudvalgene har drøftet og godkendt egen del af udmøntningsplanen på "
                                          "møder i januar/februar.",
                                          presentation_2025, "", "", "", "Det indstilles, at status på udmøntningsplanen drøftes.", ""),
                                 "", false}));
    RETURN_IF_ERROR(attach_report(i7, ReportKind::kHalfYear, "Udmøntningsplan 2025-2028 - til DIR 04-06-2025", "52074/25"));
    RETURN_IF_ERROR(decide_and_approve(dir, {{i1, "Taget til efterretning."},
                                             {i3, "Drøftet. Ledelsessekretariatet tilpasser oplægget."},
                                             {i5, "Taget til efterretning."},
                                             {i4, "Drøftet."},
                                             {i6, "Taget til efterretning."},
                                             {i7, "Indstillingen anbefales."}}));
    (void)decisions;
    // ØK 10-06-2025 (seed 000): the case sent on from DIR; decided "Godkendt.".
    auto ok = TRY(add_meeting("ØK", {2025, 6, 10}, "14:00", "17:00", "Rådhuset, mødelokale 1", "ordinaer"));
    auto sent = TRY(meetings.SendOn(admin, i7.id));
    AgendaItemDraft d;
    d.title = "Status på udmøntningsplan 2025-2029";
    d.sections = sent.sections;
    d.sections.policies = "Udmøntningen af budgettet tager strategisk udgangspunkt i den politisk Plan- og Udviklingsstrategi "
                          "som er vedtaget i november 2023.";
    d.sections.economy = "Ingen.";
    d.sections.legal_basis = "Den kommunale styrelseslov og Budgetloven.";
    d.sections.recommendation = "Kommunaldirektøren indstiller, at den halvårlige status på udmøntningsplanen drøftes og godkendes.";
    d.sections.recommended_by = "Kommunaldirektøren";
    d.plan_items = sent.plan_items;
    TRY(meetings.UpdateAgendaItem(admin, sent.id, d, ""));
    RETURN_IF_ERROR(attach_report(sent, ReportKind::kPlan, "Udmøntningsplan 2025-2028 pr. ultimo maj 2025", "52074/25"));
    // Seed 000: "Fraværende: Diana Therese Mikkelsen (Æ)", "Afbud: Allan Gjersbøl Jørgensen (A)".
    RETURN_IF_ERROR(decide_and_approve(ok, {{sent, "Godkendt."}}, {"Diana Therese Mikkelsen (Æ)"},
                                       {"Allan Gjersbøl Jørgensen (A)"}));
  }

  // The coming weeks around today: the rolling overview and portfolios have content.
  Date today = meetings.Today();
  // The next working day (1970-01-01 was a Thursday): no meetings at weekends or on the
  // Christmas days, New Year's Eve and New Year's Day.
  auto holiday = [](Date x) {
    return (x.month == 12 && (x.day == 24 || x.day == 25 || x.day == 26 || x.day == 31)) || (x.month == 1 && x.day == 1);
  };
  auto day = [&](int offset) {
    int64_t d = today.ToDays() + offset;
    while (((d % 7) + 7) % 7 == 2 || ((d % 7) + 7) % 7 == 3 || holiday(Date::FromDays(d))) ++d;
    return Date::FromDays(d);
  };
  const char* upcoming[][2] = {{"DIR", "09:00"}, {"ØK", "14:00"}, {"BUU", "15:00"}, {"KB", "18:00"}};
  int offset = 3;
  for (const auto& [body, start] : upcoming) {
    for (int k = 0; k < 3; ++k) TRY(add_meeting(body, day(offset + 14 * k), start, body[0] == 'K' ? "21:00" : "17:00",
                                                 "Rådhuset", "ordinaer"));
    offset += 2;
  }
  // The demo meeting: one open and one closed item with a closed attachment, published.
  {
    auto ok = TRY(add_meeting("ØK", day(8), "14:00", "17:00", "Rådhuset, mødelokale 1", "ordinaer"));
    auto open = TRY(add_item(ok, {"26/9902", "Budgetopfølgning pr. 30. september", "14:00", "14:30", "",
                                  Sections("", "Budgetopfølgningen viser et forventet mindreforbrug på driften.", "",
                                           "Ingen ud over det beskrevne.", "", "Kommunaldirektøren indstiller, at "
                                           "budgetopfølgningen tages til efterretning.", "Kommunaldirektøren"),
                                  "", false}));
    RETURN_IF_ERROR(attach(open, "Budgetopfølgning - hovedoversigt", false, "90001/26"));
    auto closed = TRY(add_item(ok, {"26/9901", "Køb af ejendom til daginstitution", "14:30", "15:00", "",
                                    Sections("", "Forvaltningen har forhandlet om køb af en ejendom. Prisen er fortrolig, "
                                                 "indtil handlen er indgået.", "", "Købesummen finansieres af anlægsrammen.",
                                             "Kommunalfuldmagten.", "Kommunaldirektøren indstiller, at købet anbefales over "
                                                                    "for Kommunalbestyrelsen.", "Kommunaldirektøren"),
                                    "", true}));
    RETURN_IF_ERROR(attach(closed, "Vurderingsrapport", true, "90002/26"));
    RETURN_IF_ERROR(meetings.PublishAgenda(admin, ok.id));
  }
  // The year wheel: recurring topics defined once.
  TRY(meetings.AddTopic(admin, {"ØK", "Halvårlig status på udmøntningsplanen", "juni, december", "24/7615"}));
  TRY(meetings.AddTopic(admin, {"DIR", "Månedlig status på tværgående emner", "alle", "24/7615"}));
  TRY(meetings.AddTopic(admin, {"ØK", "Budgetopfølgning", "marts, maj, august, oktober", "26/9902"}));
  // Budget milestones: first reading at ØK and KB in September, second at KB in October.
  TRY(meetings.AddTopic(admin, {"ØK", "Budget, 1. behandling", "september", "26/9903"}));
  TRY(meetings.AddTopic(admin, {"KB", "Budget, 1. og 2. behandling", "september, oktober", "26/9903"}));
  (void)people;
  return report;
}

}  // namespace bs::demo
