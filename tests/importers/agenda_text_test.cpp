// The agenda text import (issue 13), rule by rule: what each kind of line becomes.
#include "importers/agenda/agenda_text.h"

#include <gtest/gtest.h>

namespace bs::agenda_import {
namespace {

const Layout& Norddjurs() { return *FindLayout("norddjurs"); }

AgendaImport MustParse(std::string_view text, const Layout& layout = Norddjurs()) {
  auto r = Parse(text, layout);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r).value() : AgendaImport{};
}

// The PDF extraction's shape: an empty line after every line, " " lines between paragraphs.
const char* kItem =
    " 7.  Status på udmøntningsplan 2025-2028 \n"   // 1
    "\n"
    "00.30.10.S00   24/7615   Åben sag    \n"     // 3
    "\n"
    "Sagsgang \n"                                  // 5
    "\n"
    "DIR → ØK, KB \n"                              // 7
    "\n"
    "Sagsfremstilling \n"                          // 9
    "\n"
    "Denne sag indeholder en statusopfølgning på udmøntningsplanen for budget 2025-2028. Ud-\n"  // 11
    "\n"
    "møntningsplanen er dynamisk, og Børne- og Ungdomsudvalget får den; også Børne-\n"  // 13
    "\n"
    "og Ungdomsudvalget og KB-\n"                    // 15
    "\n"
    "seminaret.\n"                                   // 17
    "\n"
    " Direktionen 04-06-2025 \n"                     // 19
    "\n"
    "15\n"                                           // 21
    "\n"
    "Skriftlige fremstillinger R101 (I)(B) og Aktindsigt R001(I)(B), igen R101(I)(B).\n"  // 23
    "\n"
    "Beslutning i Økonomiudvalget den 10-06-2025 \n"  // 25
    "\n"
    "Godkendt. \n"                                    // 27
    "\n"
    "Fraværende: \n"                                  // 29
    "\n"
    "Diana Therese Mikkelsen (Æ) \n"                  // 31
    "\n"
    "Bilag: \n"                                       // 33
    "\n"
    "1 Åben Udmøntningsplan 2025-2028 - til DIR 04-06-2025 52074/25 \n"  // 35
    "Et bilag uden nummer\n";                         // 36

TEST(AgendaTextTest, ReadsTheCaseHeadOfANumberedItem) {
  auto a = MustParse(kItem);
  ASSERT_EQ(a.items.size(), 1u);
  const auto& item = a.items[0];
  EXPECT_EQ(item.line, 1);
  EXPECT_EQ(item.number, 7);
  EXPECT_EQ(item.title, "Status på udmøntningsplan 2025-2028");
  EXPECT_EQ(item.case_number, "24/7615");
  EXPECT_EQ(item.journal_number, "00.30.10.S00");
  EXPECT_EQ(item.closed, false);
  EXPECT_EQ(item.route, (std::vector<std::string>{"DIR", "ØK", "KB"}));
}

TEST(AgendaTextTest, UndoesHyphenationAtLineEndsButKeepsRealHyphens) {
  auto a = MustParse(kItem);
  ASSERT_EQ(a.items.size(), 1u);
  ASSERT_EQ(a.items[0].sections.size(), 1u);
  const std::string& text = a.items[0].sections[0].text;
  EXPECT_NE(text.find("2025-2028. Udmøntningsplanen er dynamisk"), std::string::npos) << text;
  EXPECT_NE(text.find("og Børne- og Ungdomsudvalget får den; også Børne- og Ungdomsudvalget og KB-seminaret."),
            std::string::npos)
      << text;
}

TEST(AgendaTextTest, RemovesPageHeadersAndTheirPageNumbers) {
  auto a = MustParse(kItem);
  ASSERT_EQ(a.items.size(), 1u);
  const std::string& text = a.items[0].sections[0].text;
  EXPECT_EQ(text.find("Direktionen 04-06-2025"), std::string::npos) << text;
  EXPECT_EQ(text.find("15"), std::string::npos) << text;
  EXPECT_EQ(a.noise.page_furniture, 2);  // the header and the number after it
  // The page break did not break the paragraph (a short line ending a sentence starts a
  // new line, nothing more).
  EXPECT_NE(text.find("KB-seminaret.\nSkriftlige fremstillinger"), std::string::npos) << text;
}

TEST(AgendaTextTest, FindsProposalCodesWithAndWithoutSpacesOnce) {
  auto a = MustParse(kItem);
  ASSERT_EQ(a.items.size(), 1u);
  EXPECT_EQ(a.items[0].proposal_codes, (std::vector<std::string>{"R101(I)(B)", "R001(I)(B)"}));
  EXPECT_EQ(FindProposalCodes("R307(B), R706 og R101 (I) (B); ikke R2, XR123, R12345678 eller R1234x"),
            (std::vector<std::string>{"R307(B)", "R706", "R101(I)(B)"}));
}

TEST(AgendaTextTest, ReadsTheDecisionWithItsAttendance) {
  auto a = MustParse(kItem);
  ASSERT_EQ(a.items.size(), 1u);
  ASSERT_EQ(a.items[0].decisions.size(), 1u);
  const auto& d = a.items[0].decisions[0];
  EXPECT_EQ(d.body, "Økonomiudvalget");
  ASSERT_TRUE(d.date.has_value());
  EXPECT_EQ(d.date->Iso(), "2025-06-10");
  EXPECT_EQ(d.text, "Godkendt.");
  EXPECT_EQ(d.absent, "Diana Therese Mikkelsen (Æ)");
  EXPECT_EQ(a.items[0].absent, "Diana Therese Mikkelsen (Æ)");
}

TEST(AgendaTextTest, ReadsAttachmentsAndReportsTheLineThatIsNone) {
  auto a = MustParse(kItem);
  ASSERT_EQ(a.items.size(), 1u);
  ASSERT_EQ(a.items[0].attachments.size(), 1u);
  const auto& at = a.items[0].attachments[0];
  EXPECT_EQ(at.number, "1");
  EXPECT_EQ(at.access, "open");
  EXPECT_EQ(at.title, "Udmøntningsplan 2025-2028 - til DIR 04-06-2025");
  EXPECT_EQ(at.document_number, "52074/25");
  ASSERT_EQ(a.unrecognised.size(), 1u);
  EXPECT_EQ(a.unrecognised[0].line, 36);
  EXPECT_EQ(a.unrecognised[0].text, "Et bilag uden nummer");
  EXPECT_EQ(a.unrecognised[0].reason, "Står under Bilag, men er ingen bilagslinje.");
}

TEST(AgendaTextTest, ReportsUnplaceableLinesWithTheirLineNumbers) {
  auto a = MustParse(
      "Dagsorden til mødet\n"          // 1: before any item
      "\n"
      "Sagsansvarlig\n"                // 3: an item without title or case line starts here
      "Kim Bruun Nielsen\n"
      "Sagsgang\n"
      "Kim Bruun Nielsen, Direktør\n"  // 6: no body codes
      "Tekst uden overskrift\n"        // 7: still under Sagsgang
      "Indstilling\n"
      "Det indstilles, at planen godkendes.\n"
      "\n"
      "Næste punkt\n"                  // 11: the title above a case line
      "99/0 Åben sag\n");              // 12: a case line whose number is invalid
  ASSERT_EQ(a.unrecognised.size(), 4u);
  EXPECT_EQ(a.unrecognised[0].line, 1);
  EXPECT_EQ(a.unrecognised[0].text, "Dagsorden til mødet");
  EXPECT_EQ(a.unrecognised[0].reason, "Står før det første punkt og er ingen kendt linje.");
  EXPECT_EQ(a.unrecognised[1].line, 6);
  EXPECT_EQ(a.unrecognised[1].reason, "Står under Sagsgang, men er ikke organkoder (fx DIR, ØK, KB).");
  EXPECT_EQ(a.unrecognised[2].line, 7);
  EXPECT_EQ(a.unrecognised[3].line, 12);
  EXPECT_EQ(a.unrecognised[3].reason, "Sagsnummeret skal skrives som år/løbenummer, fx 24/7615.");
  ASSERT_EQ(a.items.size(), 2u);
  EXPECT_EQ(a.items[0].line, 3);
  EXPECT_EQ(a.items[0].responsible, "Kim Bruun Nielsen");
  EXPECT_TRUE(a.items[0].title.empty());
  EXPECT_TRUE(a.items[0].route.empty());
  EXPECT_EQ(a.items[0].sections.at(0).text, "Det indstilles, at planen godkendes.");
  EXPECT_EQ(a.items[1].line, 11);
  EXPECT_EQ(a.items[1].title, "Næste punkt");
  EXPECT_EQ(a.items[1].closed, false);
  EXPECT_TRUE(a.items[1].case_number.empty());
}

TEST(AgendaTextTest, TheLineAboveACaseLineIsTheTitle) {
  auto a = MustParse("Status på udmøntningsplan 2025-2029 \n\n \n24/7615 Åben Sag \n");
  ASSERT_EQ(a.items.size(), 1u);
  EXPECT_EQ(a.items[0].line, 1);
  EXPECT_EQ(a.items[0].title, "Status på udmøntningsplan 2025-2029");
  EXPECT_FALSE(a.items[0].number.has_value());
  EXPECT_TRUE(a.unrecognised.empty());
}

TEST(AgendaTextTest, ParagraphsBulletsAndNumberedLines) {
  auto a = MustParse(
      "Lukket sag\n\nSagsfremstilling\n\n"
      "Det foreslås følgende oplæg: \n\n"
      "1. Velkomst ved borgmester \n\n"
      "a. Visioner fra Norddjurs Kommune baseret på Kommunalbestyrelsesseminaret i januar 2025, og \n\n"
      "hvad vi arbejder med. \n\n \n\n"
      "\xEF\x82\xB7 Arbejdet med kloge m2, som skaber de bedste rammer for borgere og ansatte og reducerer \n\n"
      "kapacitet og omkostninger m.v. \n\n"
      "\xEF\x82\xB7 Flådestyring R003(I)(B) \n");
  ASSERT_EQ(a.items.size(), 1u);
  EXPECT_EQ(a.items[0].closed, true);
  EXPECT_EQ(a.items[0].sections.at(0).text,
            "Det foreslås følgende oplæg:\n1. Velkomst ved borgmester\n"
            "a. Visioner fra Norddjurs Kommune baseret på Kommunalbestyrelsesseminaret i januar 2025, og hvad vi "
            "arbejder med.\n\n"
            "- Arbejdet med kloge m2, som skaber de bedste rammer for borgere og ansatte og reducerer kapacitet og "
            "omkostninger m.v.\n- Flådestyring R003(I)(B)");
  EXPECT_EQ(a.items[0].sections.at(0).field, "presentation");
}

TEST(AgendaTextTest, SignaturePageAndAttachmentOverviewAreNoise) {
  auto a = MustParse("Åben sag\nIndstilling\nGodkendes.\n Bilagsoversigt\n3.  Lukket punkt - Besøg\n"
                     "   1.  (Lukket bilag)\n Underskriftsside\nKommunaldirektør Jonas Kroustrup\n");
  EXPECT_TRUE(a.unrecognised.empty());
  EXPECT_EQ(a.noise.attachment_overview, 3);
  EXPECT_EQ(a.noise.signature_page, 2);
  ASSERT_EQ(a.items.size(), 1u);
  EXPECT_EQ(a.items[0].sections.at(0).text, "Godkendes.");
}

TEST(AgendaTextTest, RefusesEmptyNonUtf8AndTooLargeText) {
  EXPECT_EQ(Parse("", Norddjurs()).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Parse(" \n\n\t\n", Norddjurs()).error().message, "Teksten er tom: der er intet at indlæse.");
  auto bad = Parse("Åben sag\nok\nBeslutning \xC3\x28\n", Norddjurs());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message.find("UTF-8 (første fejl i linje 3)"), std::string::npos) << bad.error().message;
  std::string huge(kMaxTextBytes + 1, 'a');
  EXPECT_EQ(Parse(huge, Norddjurs()).error().code, ErrorCode::kTooLarge);
}

TEST(AgendaTextTest, AcceptsBomAndCrLf) {
  auto a = MustParse("\xEF\xBB\xBF" "Status\r\n\r\n24/7615 Åben Sag\r\nIndstilling\r\nGodkendes.\r\n");
  ASSERT_EQ(a.items.size(), 1u);
  EXPECT_EQ(a.items[0].title, "Status");
  EXPECT_EQ(a.items[0].sections.at(0).text, "Godkendes.");
}

// A new layout is a table entry: here one written in the test, with its own item start.
TEST(AgendaTextTest, ALayoutIsData) {
  Layout l;
  l.name = "punkt";
  l.empty_line_breaks_paragraph = true;
  l.rules = {{Role::kItemStart, R"(^Punkt (\d+): (.+)$)", {"number", "title"}, "Punkt", 200, 1},
             {Role::kCaseNumber, R"(^J\.nr\. (\S+)$)", {"case"}, "J.nr.", 40, 1}};
  l.headings = {{Role::kSection, {"Resumé"}, "background"}};
  auto a = MustParse("Punkt 3: Ny skole\nJ.nr. 21/1234\nResumé\nEn ny skole bygges.\n", l);
  ASSERT_EQ(a.items.size(), 1u);
  EXPECT_EQ(a.layout, "punkt");
  EXPECT_EQ(a.items[0].number, 3);
  EXPECT_EQ(a.items[0].case_number, "21/1234");
  EXPECT_EQ(a.items[0].sections.at(0).heading, "Resumé");
  l.rules.push_back({Role::kNoise, "([", {}, "", 10});
  auto broken = Parse("x", l);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::kInvalidArgument);
}

TEST(AgendaTextTest, LinksTheItemToPlanItemsCarryingItsCodes) {
  auto item = [](ItemId id, const char* code) {
    ItemData d;
    d.title = "Emne";
    if (code) d.code = *ProposalCode::Parse(code);
    return PlanItem::Restore(id, 1, d, 1, 0, 0);
  };
  std::vector<PlanItem> plan = {item(1, "R101 (I)(B)"), item(2, "R706"), item(3, nullptr), item(4, "R001(I)(B)")};
  ImportedItem imported;
  imported.proposal_codes = {"R001(I)(B)", "R101(I)(B)", "R999"};
  EXPECT_EQ(LinkedPlanItems(imported, plan), (std::vector<ItemId>{4, 1}));
}

TEST(AgendaTextTest, JsonHasTheContractsFields) {
  auto a = MustParse(kItem);
  std::string json = ToJson(a);
  for (const char* field : {"\"items\"", "\"number\": 7", "\"case_number\": \"24/7615\"", "\"journal_number\"",
                            "\"access\": \"open\"", "\"route\"", "\"responsible\": null", "\"sections\"",
                            "\"heading\": \"Sagsfremstilling\"", "\"decisions\"", "\"date\": \"2025-06-10\"",
                            "\"proposal_codes\"", "\"R101(I)(B)\"", "\"attachments\"", "\"unrecognised\"",
                            "\"line\": 36"})
    EXPECT_NE(json.find(field), std::string::npos) << field;
}

}  // namespace
}  // namespace bs::agenda_import
