// The built-in agenda layouts as data (agenda_text.h: Layout). Adding an agenda system
// means adding an entry here; the parser has no layout-specific code.
#include <string_view>

#include "importers/agenda/agenda_text.h"

namespace bs::agenda_import {
namespace {

// Headings both layouts print the same way. The field is the AgendaSections member the
// section fills (domain/meetings/agenda.h).
std::vector<HeadingRule> CommonSections() {
  return {
      {Role::kSection, {"Baggrund"}, "background"},
      {Role::kSection, {"Sagsfremstilling", "Sagsbeskrivelse"}, "presentation"},
      {Role::kSection,
       {"Sammenhæng til andre politikker/strategier og fagområder", "Sammenhæng til andre politikker/strategier",
        "Sammenhæng til andre politikker"},
       "policies"},
      {Role::kSection, {"Økonomiske konsekvenser", "Økonomi", "Økonomiske og personalemæssige konsekvenser"}, "economy"},
      {Role::kSection, {"Lovgrundlag", "Lovgivning", "Retsgrundlag"}, "legal_basis"},
      {Role::kSection, {"Indstilling", "Forslag", "Administrationens indstilling"}, "recommendation"},
      {Role::kSection, {"Protokoltilførsel"}, ""},
      {Role::kAbsent, {"Fraværende", "Fravær"}, ""},
      {Role::kApologies, {"Afbud"}, ""},
      {Role::kAttachments, {"Bilag", "Bilagsliste"}, ""},
  };
}

Layout Norddjurs() {
  Layout l;
  l.name = "norddjurs";
  l.description = "Norddjurs Kommune (First Agenda-PDF): « 7.  Titel », « 00.30.10.S00   24/7615   Åben sag », "
                  "Sagsgang, Sagsansvarlig, « Beslutning i Økonomiudvalget den 10-06-2025 »";
  l.headings = CommonSections();
  l.headings.push_back({Role::kRoute, {"Sagsgang"}, ""});
  l.headings.push_back({Role::kResponsible, {"Sagsansvarlig"}, ""});
  l.headings.push_back({Role::kSignaturePage, {"Underskriftsside"}, ""});
  l.headings.push_back({Role::kOverview, {"Bilagsoversigt"}, ""});
  l.rules = {
      // "00.30.14.S00   25/743   Åben sag", "24/7615 Åben Sag", "Lukket sag"
      {Role::kCaseLine,
       R"(^(?:(\d{2}\.\d{2}\.\d{2}(?:\.[A-Z]\d{2})?) )?(?:(\d{2} ?/ ?\d{1,9}) )?(Åben|Lukket) [Ss]ag$)",
       {"kle", "case", "access"}, "ag", 60},
      // "Beslutning i Børne- og ungdomsudvalget den 15-01-2025"
      {Role::kDecision, R"(^Beslutning i (.+) den (\d{1,2}-\d{1,2}-\d{4}):?$)", {"body", "date"}, "Beslutning", 160, 1},
      {Role::kAbsent, R"(^Fraværende: ?(.+)$)", {"value"}, "Fraværende", 400, 1},
      {Role::kApologies, R"(^Afbud: ?(.+)$)", {"value"}, "Afbud", 400, 1},
      // "1 - 3389825 Åben Udmøntningsplan ... (151433/22) (H)", "1 Lukket", "1 Åben Titel 52074/25"
      {Role::kAttachment, R"(^(\d{1,3})\.? ?(?:- ?(\d{3,12}) )?(Åben|Lukket)(?: (.*))?$)",
       {"number", "id", "access", "title"}, "", 400},
      // Page header/footer: "Direktionen 04-06-2025", "Direktionen 04-06-2025 15" (not a
      // sentence with "den").
      {Role::kPageFurniture, R"(^(?!.* den )[^\s\d]+(?: [^\s\d]+){0,3} \d{2}-\d{2}-\d{4}(?: \d{1,4})?$)", {}, "-", 70},
      {Role::kPageFurniture, R"(^Side \d{1,4}(?: af \d{1,4})?$)", {}, "Side", 20, 1},
      {Role::kPageNumber, R"(^\d{1,4}$)", {}, "", 4},
      // Markdown table rules left by the extraction: "-------------  ------  -----"
      {Role::kNoise, R"(^[-|: ]*---[-|: ]*$)", {}, "---", 400},
      // "7.  Status på udmøntningsplan 2025-2028", "Status på ..." (only above a case line)
      {Role::kItemTitle, R"(^(?:(\d{1,3})\. )?(.+)$)", {"number", "title"}, "", 300},
  };
  return l;
}

// A second agenda system's layout ("Sagsnr.: 17/20180" style, as several municipalities'
// systems print it): the item starts with "Nr.275 - Titel", the head fields are labelled
// lines, the first section is "Beslutningstema", recommendations are numbered, earlier
// decisions come in a "Sagsforløb" block, the decision is "<Organ>s beslutning den ...".
// One line per paragraph, so an empty line breaks a paragraph. Fixture:
// tests/data/import/agenda/sagsnr_sample.txt.
Layout Sagsnr() {
  Layout l;
  l.name = "sagsnr";
  l.description = "« Nr.275 - Titel », « Sagsnr.: 17/20180 », Beslutningstema, Sagsforløb, "
                  "« Økonomiudvalgets beslutning den 12-03-2019 »";
  l.empty_line_breaks_paragraph = true;
  l.short_line = 1000000;  // lines are never wrapped: every line break is kept
  l.headings = CommonSections();
  l.headings.insert(l.headings.begin(), {Role::kSection, {"Beslutningstema", "Resumé"}, "background"});
  l.headings.push_back({Role::kSection, {"Høring", "Kommunikation", "Videre proces"}, ""});
  l.headings.push_back({Role::kHistory, {"Sagsforløb", "Tidligere beslutninger"}, ""});
  l.rules = {
      {Role::kItemStart, R"(^(?:Punkt|Nr)\. ?(\d{1,4}) ?[-–:] ?(.+)$)", {"number", "title"}, "", 300},
      {Role::kCaseNumber, R"(^Sagsnr\.?: ?(\d{2} ?/ ?\d{1,9})$)", {"case"}, "Sagsnr", 40, 1},
      {Role::kJournal, R"(^KLE(?:-nr\.?)?: ?(\d{2}\.\d{2}\.\d{2}(?:\.[A-Z]\d{2})?)$)", {"kle"}, "KLE", 40, 1},
      {Role::kAccess, R"(^(Åben|Lukket) (?:sag|punkt)$)", {"access"}, "", 20},
      {Role::kRoute, R"(^Sagsgang: ?(.+)$)", {"value"}, "Sagsgang", 120, 1},
      {Role::kResponsible, R"(^(?:Sagsbehandler|Sagsansvarlig): ?(.+)$)", {"value"}, "Sags", 200, 1},
      {Role::kDecision, R"(^(.+?)s beslutning den (\d{1,2}-\d{1,2}-\d{4}):?$)", {"body", "date"}, "beslutning den", 120},
      {Role::kAbsent, R"(^Fraværende: ?(.+)$)", {"value"}, "Fraværende", 400, 1},
      {Role::kApologies, R"(^Afbud: ?(.+)$)", {"value"}, "Afbud", 400, 1},
      // "Økonomiudvalget 05-02-2019, pkt. 31: Sagen blev udsat."
      {Role::kHistoryEntry, R"(^(.+?) (\d{1,2}-\d{1,2}-\d{4})(?:, pkt\. ?\d+)?: ?(.*)$)", {"body", "date", "text"}, ":", 400},
      // "1. Købsaftale (lukket)", "Bilag 2: Kort over området"
      {Role::kAttachment, R"(^(?:Bilag )?(\d{1,3})[.:] (.+?)(?: \((Lukket|lukket|Åben|åben)\))?$)",
       {"number", "title", "access"}, "", 400},
      // "Økonomiudvalget | Referat | 12-03-2019 | Side 3"
      {Role::kPageFurniture, R"(^.*\| Side \d{1,4}$)", {}, "| Side", 160},
  };
  return l;
}

}  // namespace

const std::vector<Layout>& BuiltInLayouts() {
  static const std::vector<Layout> layouts = {Norddjurs(), Sagsnr()};
  return layouts;
}

const Layout* FindLayout(std::string_view name) {
  for (const auto& l : BuiltInLayouts())
    if (l.name == name) return &l;
  return nullptr;
}

}  // namespace bs::agenda_import
