#include "domain/people/people.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

const std::set<std::string> kBodies{"ØK", "KB"};

// Issue 14: a seat carries the party letter as the minutes print it.
TEST(MembershipTest, PartyLetterIsUpperCasedLettersAndPrintedAfterTheName) {
  auto m = ValidateMembership(7, {"KB", "medlem", "01-01-2022", "", " æ "}, kBodies);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->party, "Æ");
  EXPECT_EQ(ValidateMembership(7, {"KB", "formand", "01-01-2022", "", "sf"}, kBodies)->party, "SF");
  EXPECT_EQ(ValidateMembership(7, {"KB", "medlem", "01-01-2022", "", ""}, kBodies)->party, "");
  Seat seat{*m, "Diana Therese Mikkelsen"};
  EXPECT_EQ(seat.Printed(), "Diana Therese Mikkelsen (Æ)");
  seat.membership.party.clear();
  EXPECT_EQ(seat.Printed(), "Diana Therese Mikkelsen");
}

TEST(MembershipTest, EveryWrongFieldIsReportedAtOnce) {
  auto bad = ValidateMembership(7, {"XX", "medlem", "31-02-2025", "10/06", "A)"}, kBodies);
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields;
  for (const auto& f : bad.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"body", "from", "to", "party"}));
  EXPECT_EQ(bad.error().fields[1].message, "Startdato: «31-02-2025» findes ikke: februar 2025 har 28 dage.");
  auto secretary = ValidateMembership(7, {"KB", "sekretaer", "01-01-2022", "", "A"}, kBodies);
  ASSERT_FALSE(secretary.ok());
  EXPECT_EQ(secretary.error().fields.at(0).field, "party");
  EXPECT_FALSE(ValidateMembership(7, {"KB", "medlem", "01-01-2022", "", "ABCDEFGHIJKLM"}, kBodies).ok());
  EXPECT_FALSE(ValidateMembership(7, {"KB", "medlem", "01-01-2022", "", "\xff"}, kBodies).ok());
  EXPECT_TRUE(ValidateMembership(7, {"KB", "medlem", "01-01-2022", "", "ABCDEFGHIJKL"}, kBodies).ok());
}

}  // namespace
}  // namespace bs
