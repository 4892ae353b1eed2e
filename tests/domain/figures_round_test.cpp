// Planned against expected realised (issue 11) and the reporting rounds' rules.
#include <gtest/gtest.h>

#include "domain/plan/figures.h"
#include "domain/plan/history.h"
#include "domain/plan/round.h"

namespace bs {
namespace {

Amount Tkr(int64_t tkr) { return Amount::FromKroner(tkr * 1000); }

ItemData Item(std::map<int, Amount> planned, std::map<int, Amount> realised = {}) {
  ItemData d;
  d.title = "Punkt";
  d.amounts = std::move(planned);
  d.realised = std::move(realised);
  return d;
}

TEST(FiguresTest, DeviationIsExpectedMinusPlannedAndOnlyWhenReported) {
  YearFigures f = FiguresOf(Item({{2025, Tkr(-500)}}, {{2025, Tkr(-400)}}), 2025);
  EXPECT_EQ(f.planned, Tkr(-500));
  EXPECT_EQ(f.expected(), Tkr(-400));
  EXPECT_EQ(f.deviation(), Tkr(100));  // 100.000 kr. less saved
  EXPECT_TRUE(f.has_deviation());
  YearFigures none = FiguresOf(Item({{2025, Tkr(-500)}}), 2025);
  EXPECT_FALSE(none.reported.has_value());
  EXPECT_EQ(none.expected(), Tkr(-500)) << "no news is as budgeted";
  EXPECT_EQ(none.deviation(), Tkr(0));
  EXPECT_FALSE(none.has_deviation());
  YearFigures on_track = FiguresOf(Item({{2025, Tkr(-500)}}, {{2025, Tkr(-500)}}), 2025);
  EXPECT_FALSE(on_track.has_deviation());
}

TEST(FiguresTest, SumsAddUpSoExpectedMinusPlannedIsTheSumOfDeviations) {
  FigureSums s;
  s.Add(Item({{2025, Tkr(-500)}, {2026, Tkr(-1000)}}, {{2025, Tkr(-400)}}));
  s.Add(Item({{2025, Tkr(200)}}));
  s.Add(Item({}, {{2026, Tkr(50)}}));  // reported without a plan: all of it is deviation
  EXPECT_EQ(s.Year(2025).planned, Tkr(-300));
  EXPECT_EQ(s.Year(2025).expected(), Tkr(-200));
  EXPECT_EQ(s.Year(2025).deviation(), Tkr(100));
  EXPECT_EQ(s.Year(2026).planned, Tkr(-1000));
  EXPECT_EQ(s.Year(2026).expected(), Tkr(-950));
  EXPECT_TRUE(s.AnyReported());
  EXPECT_FALSE(s.Year(2027).reported.has_value());
  FigureSums empty;
  EXPECT_FALSE(empty.AnyReported());
}

TEST(FiguresTest, SignedFormatShowsThePlusSign) {
  EXPECT_EQ(Tkr(100).FormatTkrSigned(), "+100");
  EXPECT_EQ(Tkr(-1234).FormatTkrSigned(), "\xE2\x88\x92" "1.234");
  EXPECT_EQ(Tkr(0).FormatTkrSigned(), "0");
}

TEST(StatusTest, AnUpdateSetsTheYearsItNamesAndKeepsTheOthers) {
  ItemData d = Item({{2025, Tkr(-500)}, {2026, Tkr(-800)}}, {{2025, Tkr(-450)}, {2026, Tkr(-800)}});
  StatusUpdate u;
  u.status_text = "Ny status";
  u.realised = {{2025, Tkr(-300)}};
  ItemData after = ApplyStatus(d, u);
  EXPECT_EQ(after.realised.at(2025), Tkr(-300));
  EXPECT_EQ(after.realised.at(2026), Tkr(-800));
  auto changes = DiffItems(d, after, {}, {});
  bool found = false;
  for (const auto& c : changes)
    if (c.field == "realised_2025") {
      found = true;
      EXPECT_EQ(c.label, "Forventet realiseret 2025");
      EXPECT_EQ(c.before, "-450");
      EXPECT_EQ(c.after, "-300");
    }
  EXPECT_TRUE(found) << "the redline shows changed expected amounts";
}

TEST(RoundTest, ValidationNamesEveryWrongField) {
  auto r = ValidateRound({"", "31-13-2025", std::string(201, 'x')}, 1);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().fields.size(), 3u);
  EXPECT_EQ(r.error().fields[0].field, "name");
  EXPECT_EQ(r.error().fields[1].field, "cutoff");
  EXPECT_EQ(r.error().fields[2].field, "followup");
  auto ok = ValidateRound({"  Halvårsstatus juni 2025 ", "31-05-2025", ""}, 7);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->name, "Halvårsstatus juni 2025");
  EXPECT_EQ(ok->cutoff, (Date{2025, 5, 31}));
  EXPECT_EQ(ok->plan_id, 7);
  EXPECT_TRUE(ok->open());
  EXPECT_FALSE(ValidateRound({"R\xC3", "31-05-2025", ""}, 1).ok()) << "invalid UTF-8";
}

TEST(RoundTest, AHighlightNeedsAShortReason) {
  auto none = ValidateHighlight(1, 2, "   ", false);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().fields.at(0).field, "reason");
  EXPECT_FALSE(ValidateHighlight(1, 2, std::string(501, 'a'), false).ok());
  auto ok = ValidateHighlight(1, 2, "Der mangler opgørelse\nder skal med", true);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->reason, "Der mangler opgørelse der skal med") << "one line";
  EXPECT_TRUE(ok->internal);
}

TEST(RoundTest, CompletedAndDroppedItemsTakePartOnlyIfTheyReportedInTheRound) {
  ItemData d;
  d.state = ProgressState::kInProgress;
  EXPECT_TRUE(TakesPart(d, false));
  d.state = ProgressState::kDone;
  EXPECT_FALSE(TakesPart(d, false));
  EXPECT_TRUE(TakesPart(d, true)) << "the report that completed it is part of the round";
  d.state = ProgressState::kDropped;
  EXPECT_FALSE(TakesPart(d, false));
}

TEST(RoundTest, ClosingPublishesAVersionNamedAfterTheRound) {
  ReportingRound r;
  r.name = "Halvårsstatus juni 2025";
  r.cutoff = {2025, 5, 31};
  VersionDraft v = VersionForRound(r);
  EXPECT_EQ(v.name, "Halvårsstatus juni 2025");
  EXPECT_EQ(v.as_of, "31-05-2025");
  EXPECT_EQ(v.reporting_round, "Halvårsstatus juni 2025");
  r.followup = "Budgetopfølgning 2 pr. 31.05.2025";
  EXPECT_EQ(VersionForRound(r).reporting_round, "Budgetopfølgning 2 pr. 31.05.2025");
}

}  // namespace
}  // namespace bs
