// The KLE list import (issue 13): the OS2KLE/KL Emnesystematik as "number title" lines.
#include "importers/agenda/kle_list.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace bs::kle_import {
namespace {

std::string ReadSample() {
  std::ifstream in(std::filesystem::path(BUDGETSPOR_TEST_DATA) / "import" / "kle_sample.txt", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(KleListTest, ReadsMainGroupsGroupsSubjectsAndFacetsWithAnySeparator) {
  auto list = Parse(ReadSample());
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->entries.size(), 32u);
  EXPECT_EQ(list->entries[0].number, "00");
  EXPECT_EQ(list->entries[0].title, "Kommunens styrelse");
  EXPECT_EQ(list->entries[0].kind, Kind::kMainGroup);
  EXPECT_EQ(list->entries[0].line, 2);  // the BOM and the header line are not entries
  EXPECT_EQ(list->Find("00.30.10")->title, "Budgetlægning");  // tab
  EXPECT_EQ(list->Find("00.30.10")->kind, Kind::kSubject);
  EXPECT_EQ(list->Find("00.32")->title, "Kommunens økonomistyring");  // semicolon
  EXPECT_EQ(list->Find("00.32")->kind, Kind::kGroup);
  EXPECT_EQ(list->Find("00.32.10")->title, "Økonomiske analyser");  // quoted
  EXPECT_EQ(list->Find("G01")->kind, Kind::kFacet);
  EXPECT_EQ(list->Find("S00")->title, "Styring");
  EXPECT_EQ(list->Find("00.30.1"), nullptr);
}

TEST(KleListTest, LocatesEveryBadLine) {
  auto list = Parse(ReadSample());
  ASSERT_TRUE(list.ok());
  std::vector<std::pair<int, bool>> got;
  for (const auto& p : list->problems) got.push_back({p.line, p.warning});
  // 27: 17.02.05 without its group 17.02 (a warning, taken); 34: wrong shape; 35: a
  // duplicate; 36: no title; 37: not a number; 38: a journal number, not a list entry;
  // 40: a duplicate facet.
  EXPECT_EQ(got, (std::vector<std::pair<int, bool>>{
                     {27, true}, {34, false}, {35, false}, {36, false}, {37, false}, {38, false}, {40, false}}));
  EXPECT_EQ(list->problems[0].message, "KLE-nummeret 17.02.05 står uden sin overordnede gruppe 17.02.");
  EXPECT_EQ(list->problems[2].message, "KLE-nummeret 00.30.10 står allerede i linje 14; denne linje er sprunget over.");
  EXPECT_EQ(list->problems[3].message, "KLE-nummeret 00.40.00 mangler en titel.");
  EXPECT_NE(list->Find("17.02.05"), nullptr);
}

TEST(KleListTest, ChecksJournalNumbersAndShowsTheirTitles) {
  auto list = Parse(ReadSample());
  ASSERT_TRUE(list.ok());
  auto t = Lookup(*list, "00.30.10.S00");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->Label(), "00.30.10 Budgetlægning, S00 Styring");
  EXPECT_EQ(Lookup(*list, " 00.30.14 ")->Label(), "00.30.14 Budgetopfølgning");
  EXPECT_EQ(Lookup(*list, "00.30.99").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Lookup(*list, "00.30.99").error().message, "KLE-nummeret 00.30.99 findes ikke i KLE-listen.");
  EXPECT_EQ(Lookup(*list, "00.30.10.K07").error().message, "Handlingsfacetten K07 findes ikke i KLE-listen.");
  EXPECT_EQ(Lookup(*list, "00-30-10").error().code, ErrorCode::kInvalidArgument);
}

TEST(KleListTest, TheAgendaJsonShowsJournalTitles) {
  auto list = Parse(ReadSample());
  ASSERT_TRUE(list.ok());
  auto agenda = agenda_import::Parse("Økonomi\n\n00.30.14.S00   25/743   Åben sag\n\nTitel\n\n00.30.99   25/744   Åben sag\n",
                                     *agenda_import::FindLayout("norddjurs"));
  ASSERT_TRUE(agenda.ok());
  std::string json = agenda_import::ToJson(*agenda, LookupIn(*list));
  EXPECT_NE(json.find("\"journal_title\": \"00.30.14 Budgetopfølgning, S00 Styring\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"journal_problem\": \"KLE-nummeret 00.30.99 findes ikke i KLE-listen.\""), std::string::npos)
      << json;
}

TEST(KleListTest, RefusesEmptyNonUtf8AndTooLargeLists) {
  EXPECT_EQ(Parse(" \n\r\n").error().message, "KLE-listen er tom.");
  EXPECT_EQ(Parse("00 Styrelse\n01 Fysisk \xFF planlægning\n").error().message,
            "KLE-listen er ikke gyldig UTF-8 (linje 2). Gem den som UTF-8 og prøv igen.");
  EXPECT_EQ(Parse(std::string(kMaxListBytes + 1, '0')).error().code, ErrorCode::kTooLarge);
}

TEST(KleListTest, JsonListsEntriesAndProblems) {
  auto list = Parse("00 Kommunens styrelse\r\n00.01.00 Styrelse i almindelighed\r\nG01 Generelle sager\r\n");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(ToJson(*list),
            "{\n"
            "  \"entries\": [\n"
            "    {\n      \"number\": \"00\",\n      \"title\": \"Kommunens styrelse\",\n      \"kind\": \"main_group\"\n    },\n"
            "    {\n      \"number\": \"00.01.00\",\n      \"title\": \"Styrelse i almindelighed\",\n      \"kind\": \"subject\"\n    },\n"
            "    {\n      \"number\": \"G01\",\n      \"title\": \"Generelle sager\",\n      \"kind\": \"facet\"\n    }\n"
            "  ],\n"
            "  \"problems\": [\n"
            "    {\n      \"line\": 2,\n      \"message\": \"KLE-nummeret 00.01.00 står uden sin overordnede gruppe 00.01.\",\n"
            "      \"severity\": \"warning\"\n    }\n"
            "  ]\n"
            "}\n");
}

}  // namespace
}  // namespace bs::kle_import
