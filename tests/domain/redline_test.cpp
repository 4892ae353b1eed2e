#include "domain/plan/redline.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

// Renders segments as text: [-deleted-] {+inserted+}, the way a reader sees a redline.
std::string Show(const std::vector<Segment>& segs) {
  std::string out;
  for (const auto& s : segs) {
    if (s.kind == SegmentKind::kEqual) out += s.text;
    else if (s.kind == SegmentKind::kDelete) out += "[-" + s.text + "-]";
    else out += "{+" + s.text + "+}";
  }
  return out;
}

struct DiffCase {
  const char* name;
  const char* before;
  const char* after;
  const char* shown;
};

class WordDiffTest : public ::testing::TestWithParam<DiffCase> {};

TEST_P(WordDiffTest, MarksInsertedAndDeletedWords) {
  EXPECT_EQ(Show(WordDiff(GetParam().before, GetParam().after)), GetParam().shown);
}

INSTANTIATE_TEST_SUITE_P(Table, WordDiffTest, ::testing::Values(
    DiffCase{"Same", "Status er uændret.", "Status er uændret.", "Status er uændret."},
    DiffCase{"DanishWordReplaced", "Forventes afsluttet i maj.", "Forventes afsluttet i juni.",
             "Forventes afsluttet i [-maj-]{+juni+}."},
    DiffCase{"AeOeAaAreLetters", "Sagen går til ØK.", "Sagen går til BUU og ØK.", "Sagen går til {+BUU og +}ØK."},
    DiffCase{"WordWithAeIsOneToken", "Bæredygtig økonomi", "Bæredygtig drift", "Bæredygtig [-økonomi-]{+drift+}"},
    DiffCase{"Punctuation", "Godkendt, med ændringer", "Godkendt; med ændringer", "Godkendt[-,-]{+;+} med ændringer"},
    DiffCase{"WhitespaceOnlyIsNoChange", "To  ord\nher", "To ord her", "To ord her"},
    DiffCase{"EmptyToFull", "", "Ny tekst", "{+Ny tekst+}"},
    DiffCase{"FullToEmpty", "Gammel tekst", "", "[-Gammel tekst-]"},
    DiffCase{"ReorderedSentences", "Første. Anden.", "Anden. Første.", "[-Første-]{+Anden+}. [-Anden-]{+Første+}."},
    DiffCase{"Numbers", "Besparelse på 1.200 t.kr.", "Besparelse på 1.450 t.kr.", "Besparelse på 1.[-200-]{+450+} t.kr."},
    DiffCase{"RewrittenSentenceReadsAsOneChange", "Tværgående indsats følger status.", "Ny proces er implementeret.",
             "[-Tværgående indsats følger status-]{+Ny proces er implementeret+}."}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(WordDiffTest, LongTextWithOneChangeIsOneChange) {
  std::string a, b;
  for (int i = 0; i < 3000; ++i) { a += "ord" + std::to_string(i) + " "; b += (i == 1500 ? "ÆNDRET " : "ord" + std::to_string(i) + " "); }
  auto segs = WordDiff(a, b);
  int changes = 0;
  for (const auto& s : segs) changes += s.kind != SegmentKind::kEqual;
  EXPECT_EQ(changes, 2);
  EXPECT_NE(Show(segs).find("[-ord1500-]{+ÆNDRET+}"), std::string::npos);
}

TEST(WordDiffTest, VeryDifferentTextsFallBackToReplacement) {
  std::string a, b;
  for (int i = 0; i < 500; ++i) { a += "a" + std::to_string(i) + " "; b += "b" + std::to_string(i) + " "; }
  auto segs = WordDiff(a, b, 50);
  ASSERT_EQ(segs.size(), 3u);  // the changed middle, then the common trailing space
  EXPECT_EQ(segs[2].text, " ");
  EXPECT_EQ(segs[0].kind, SegmentKind::kDelete);
  EXPECT_EQ(segs[1].kind, SegmentKind::kInsert);
}

TEST(WordDiffTest, ReassemblesBothTexts) {
  const char* a = "Udmøntningsplanen er dynamisk og bliver løbende ajourført.";
  const char* b = "Planen er dynamisk, og den bliver ajourført hver måned.";
  std::string before, after;
  for (const auto& s : WordDiff(a, b)) {
    if (s.kind != SegmentKind::kInsert) before += s.text;
    if (s.kind != SegmentKind::kDelete) after += s.text;
  }
  EXPECT_EQ(before, a);
  EXPECT_EQ(after, b);
}

PlanItem Item(ItemId id, int64_t revision, const std::string& title, ProgressState state, bool obs, int64_t amount) {
  ItemData d;
  d.committee = "BUU";
  d.title = title;
  d.state = state;
  d.obs = obs;
  d.obs_note = obs ? "Hjælp" : "";
  d.amounts[2025] = Amount::FromKroner(amount);
  return PlanItem::Restore(id, 1, d, revision, 0, 0);
}

TEST(RedlineTest, ReportsNewRemovedCompletedObsAndAmounts) {
  std::vector<PlanItem> before = {Item(1, 1, "Uændret", ProgressState::kInProgress, false, 0),
                                  Item(2, 1, "Fjernes", ProgressState::kInProgress, false, 0),
                                  Item(3, 1, "Gøres færdig", ProgressState::kInProgress, true, -500'000)};
  std::vector<PlanItem> after = {Item(1, 1, "Uændret", ProgressState::kInProgress, false, 0),
                                 Item(3, 4, "Gøres helt færdig", ProgressState::kDone, false, -650'000),
                                 Item(4, 1, "Nyt", ProgressState::kNotStarted, true, 0)};
  Redline r = CompareItems(before, after, {}, {});
  ASSERT_EQ(r.added.size(), 1u);
  EXPECT_EQ(r.added[0].id(), 4);
  ASSERT_EQ(r.removed.size(), 1u);
  EXPECT_EQ(r.removed[0].id(), 2);
  ASSERT_EQ(r.changed.size(), 1u);
  const ItemChange& c = r.changed[0];
  EXPECT_TRUE(c.completed);
  EXPECT_TRUE(c.obs_resolved);
  EXPECT_EQ(r.completed, 1);
  EXPECT_EQ(r.obs_raised, 1);  // the new item comes with one
  EXPECT_EQ(r.obs_resolved, 1);
  ASSERT_EQ(c.texts.size(), 2u);  // title and OBS note
  EXPECT_EQ(Show(c.texts[0].segments), "Gøres {+helt +}færdig");
  bool amount_seen = false;
  for (const auto& f : c.fields)
    if (f.field == "amount_2025") {
      amount_seen = true;
      EXPECT_EQ(f.before, "-500");
      EXPECT_EQ(f.after, "-650");
    }
  EXPECT_TRUE(amount_seen);
}

TEST(StatusUpdateTest, ValidatesAuthorDateObsAndPeriod) {
  ItemData item;
  StatusDraft d{"31-05-2025", "", "Status", "in_progress", "green", "resolve", "", {{"2031", "5"}, {"2025", "abc"}}};
  auto r = ValidateStatus(d, item, 2025, 2028);
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"author", "obs_action", "realised_2025", "realised_2031"}));
  StatusDraft ok{"31-05-2025", "Fagchef Anne", "Forsinket", "in_progress", "yellow", "raise", "Mangler afklaring", {{"2025", "-400"}}};
  auto u = ValidateStatus(ok, item, 2025, 2028);
  ASSERT_TRUE(u.ok());
  ItemData applied = ApplyStatus(item, *u);
  EXPECT_TRUE(applied.obs);
  EXPECT_EQ(applied.obs_note, "Mangler afklaring");
  EXPECT_EQ(applied.traffic_light, TrafficLight::kYellow);
  EXPECT_EQ(u->realised.at(2025).kroner(), -400'000);
}

TEST(VersionTest, NeedsANameAndADate) {
  EXPECT_EQ(ValidateVersion({"", "31-05-2025", ""}, 1).error().fields[0].field, "name");
  EXPECT_EQ(ValidateVersion({"Status", "31-13-2025", ""}, 1).error().fields[0].field, "as_of");
  EXPECT_TRUE(ValidateVersion({"Status pr. ultimo maj 2025", "31-05-2025", "Budgetopfølgning 2"}, 1).ok());
}

}  // namespace
}  // namespace bs
