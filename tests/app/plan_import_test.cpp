// PlanImportService on the in-memory store (issue 13): who may import, what a dry run
// says for each row, all or nothing, history as an import from the file, the same sheet
// twice changing nothing, committees mapped or created, realised amounts per key.
#include "app/plan_import.h"

#include <gtest/gtest.h>

#include "storage/memory/memory_plan_store.h"
#include "support/faulty_plan_store.h"
#include "support/viewers.h"

namespace bs {
namespace {

using testing::SignedIn;

// The reader port is the importers' business (tested in tests/importers and the CLI
// test); these tests hand the service requests directly.
class NoReader final : public ImportReader {
 public:
  Result<SheetRead> ReadPlanSheet(std::string_view, const std::string&, const PlanContext&, const std::vector<std::string>&,
                                  PlanSheetRequest*) const override { return InvalidArgument("ingen"); }
  std::string PlanSheetLayoutKey(std::string_view, const std::string&) const override { return ""; }
  std::vector<ImportFieldChoice> FieldChoices(int, int) const override { return {}; }
  Result<SheetRead> ReadRealised(std::string_view, const std::string&, RealisedRequest*) const override {
    return InvalidArgument("ingen");
  }
};

class PlanImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteMeta meta{clock_.NowUnix(), "test", "test", "", ""};
    ASSERT_TRUE(store_.UpsertBody(*Body::Create("BUU", "Børne- og Ungdomsudvalget", true, 0), meta).ok());
    ASSERT_TRUE(store_.UpsertBody(*Body::Create("ØK", "Økonomiudvalget", true, 1), meta).ok());
    plan_ = reg_.CreatePlan({"Plan 2025-2028", "Budget 2025-2028", "2025", "2028", ""}, "test", "test")->id();
    ItemDraft d;
    d.category = "proposal";
    d.committee = "BUU";
    d.code = "R307(B)";
    d.title = "Fraværsindsatsen";
    d.status_text = "Skrevet af fagchefen.";
    d.external_keys = "4.11.02-001";
    d.amounts = {{"2025", "-100"}};
    existing_ = *reg_.CreateItem(plan_, d, reg_.Meta("test", "form"));
  }

  SheetRow Row(int number, std::map<std::string, std::string> values) {
    SheetRow r;
    r.row = number;
    for (const auto& [field, value] : values) r.columns[field] = std::string(1, static_cast<char>('A' + r.columns.size()));
    r.values = std::move(values);
    return r;
  }

  PlanSheetRequest Request(std::vector<SheetRow> rows) {
    PlanSheetRequest req;
    req.plan = plan_;
    req.filename = "plan 2025.xlsx";
    req.rows = std::move(rows);
    return req;
  }

  FixedClock clock_{1'748'736'000};  // 01-06-2025
  MemoryPlanStore store_;
  PlanRegister reg_{store_, clock_};
  PlanService plans_{reg_};
  NoReader reader_;
  PlanImportService imports_{plans_, reg_, reader_};
  Viewer finance_ = SignedIn(Role::kFinance, "mh", "Mette Holm");
  PlanId plan_ = 0;
  PlanItem existing_;
};

TEST_F(PlanImportTest, DryRunSaysWhatEachRowDoesAndWritesNothing) {
  int64_t before = *store_.PlanRevision(plan_);
  auto r = imports_.DryRunSheet(finance_, Request({
      Row(2, {{"code", "R307 (B)"}, {"title", "Fraværsindsatsen"}, {"committee", "BUU"}, {"amount_2025", "-250"}}),
      Row(3, {{"code", "R308"}, {"title", "Ny"}, {"committee", "Økonomiudvalget"}}),
      Row(4, {{"code", "R307(B)"}, {"title", "Fraværsindsatsen"}, {"committee", "BUU"}, {"amount_2025", "-100"}}),
  }));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0].action, ImportAction::kUpdate);
  EXPECT_EQ(r->rows[0].item_id, existing_.id()) << "matched by code, the space before the flags ignored";
  ASSERT_EQ(r->rows[0].changes.size(), 1u);
  EXPECT_EQ(r->rows[0].changes[0].field, "amount_2025");
  EXPECT_EQ(r->rows[1].action, ImportAction::kCreate);
  EXPECT_EQ(r->rows[1].data.committee, "ØK") << "a committee by its full name";
  ASSERT_EQ(r->problems.size(), 1u);
  EXPECT_EQ(r->problems[0].row, 4);
  EXPECT_EQ(r->problems[0].message, "Koden R307(B) står også i række 2.");
  EXPECT_EQ(*store_.PlanRevision(plan_), before);
  EXPECT_FALSE(r->applied);
}

TEST_F(PlanImportTest, ApplyWritesAllAsAnImportFromTheFileAndTheSameSheetAgainChangesNothing) {
  auto request = Request({
      Row(2, {{"code", "R307(B)"}, {"title", "Fraværsindsatsen"}, {"committee", "BUU"}, {"amount_2025", "-250"},
              {"status_text", "Opdateret fra arket."}}),
      Row(3, {{"title", "Fælles indkøb"}, {"committee", "ØK"}, {"traffic_light", "yellow"}}),
  });
  auto applied = imports_.ApplySheet(finance_, request);
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_TRUE(applied->applied);
  EXPECT_EQ(applied->created, 1u);
  EXPECT_EQ(applied->updated, 1u);
  ItemId created = applied->rows[1].item_id;
  ASSERT_GT(created, 0);
  auto history = store_.ItemHistory(created, 0);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->back().source, "import");
  EXPECT_EQ(history->back().author, "Mette Holm");
  EXPECT_EQ(history->back().comment, "Importeret fra «plan 2025.xlsx»");
  EXPECT_EQ(store_.ItemHistory(existing_.id(), 0)->back().action, "update");
  EXPECT_EQ(store_.GetItem(existing_.id())->data().amounts.at(2025).kroner(), -250'000);
  EXPECT_EQ(store_.GetItem(existing_.id())->data().external_keys, existing_.data().external_keys)
      << "fields the sheet does not have are kept";

  int64_t before = *store_.PlanRevision(plan_);
  auto again = imports_.ApplySheet(finance_, request);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 2u);
  EXPECT_EQ(again->created + again->updated, 0u);
  EXPECT_EQ(*store_.PlanRevision(plan_), before) << "nothing written";
}

// What the person confirmed is what is written: the dry run's fingerprint, sent with
// the apply, refuses an apply that would now write something else.
TEST_F(PlanImportTest, AnApplyWhoseDryRunIsStaleIsAConflictAndWritesNothing) {
  auto request = Request({Row(2, {{"code", "R307(B)"}, {"title", "Fraværsindsatsen"}, {"committee", "BUU"}, {"responsible", "Person A"}})});
  auto dry = imports_.DryRunSheet(finance_, request);
  ASSERT_TRUE(dry.ok());
  ASSERT_EQ(dry->fingerprint.size(), 16u);
  EXPECT_EQ(imports_.DryRunSheet(finance_, request)->fingerprint, dry->fingerprint) << "stable";
  // Someone changes the item in between.
  ItemDraft d = ItemDraft::From(existing_.data(), {});
  d.responsible = "Person B";
  ASSERT_TRUE(reg_.UpdateItem(existing_.id(), d, existing_.revision(), reg_.Meta("Søren Dahl", "form")).ok());
  int64_t before = *store_.PlanRevision(plan_);
  request.expected_fingerprint = dry->fingerprint;
  auto stale = imports_.ApplySheet(finance_, request);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(*store_.PlanRevision(plan_), before) << "nothing written";
  request.expected_fingerprint = imports_.DryRunSheet(finance_, request)->fingerprint;
  auto fresh = imports_.ApplySheet(finance_, request);
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_EQ(store_.GetItem(existing_.id())->data().responsible, "Person A");
}

TEST_F(PlanImportTest, AnyProblemRefusesTheWholeImport) {
  auto r = imports_.ApplySheet(finance_, Request({
      Row(2, {{"title", "God række"}, {"committee", "ØK"}}),
      Row(3, {{"title", "Forkert udvalg"}, {"committee", "Ældreudvalget"}}),
  }));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message, "Importen er ikke gennemført: filen har 1 problem. Intet er ændret.");
  EXPECT_EQ(store_.ListItems(plan_, {})->total, 1);
  auto dry = imports_.DryRunSheet(finance_, Request({Row(3, {{"title", "Forkert udvalg"}, {"committee", "Ældreudvalget"}})}));
  ASSERT_EQ(dry->unknown_committees.size(), 1u);
  EXPECT_EQ(dry->unknown_committees[0].written, "Ældreudvalget");
  EXPECT_EQ(dry->problems[0].column, "A");  // Row() gives the fields columns in name order
}

TEST_F(PlanImportTest, AnUnknownCommitteeIsMappedToABodyOrCreated) {
  auto mapped = Request({Row(2, {{"title", "Ældreplan"}, {"committee", "Ældreudvalget"}})});
  mapped.committee_map["ældreudvalget"] = "BUU";
  auto r = imports_.DryRunSheet(finance_, mapped);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->problems.empty());
  EXPECT_EQ(r->rows[0].data.committee, "BUU");

  auto created = Request({Row(2, {{"title", "Ældreplan"}, {"committee", "Ældreudvalget"}})});
  created.committee_map["ældreudvalget"] = "new:ÆU";
  auto applied = imports_.ApplySheet(finance_, created);
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  auto bodies = store_.ListBodies();
  bool found = false;
  for (const auto& b : *bodies) found = found || (b.code == "ÆU" && b.name == "Ældreudvalget" && b.owns_items);
  EXPECT_TRUE(found);

  auto taken = Request({Row(2, {{"title", "Andet"}, {"committee", "Noget nyt"}})});
  taken.committee_map["noget nyt"] = "new:BUU";
  auto refused = imports_.DryRunSheet(finance_, taken);
  ASSERT_TRUE(refused.ok());
  ASSERT_FALSE(refused->problems.empty());
  EXPECT_NE(refused->problems[0].message.find("findes allerede et organ med koden BUU"), std::string::npos);
}

TEST_F(PlanImportTest, OnlyPlanEditorsImport) {
  for (Role role : {Role::kDepartmentHead, Role::kDirector, Role::kSecretary, Role::kPolitician}) {
    auto r = imports_.DryRunSheet(SignedIn(role), Request({Row(2, {{"title", "X"}, {"committee", "ØK"}})}));
    ASSERT_FALSE(r.ok()) << static_cast<int>(role);
    EXPECT_TRUE(r.error().code == ErrorCode::kPermissionDenied || r.error().code == ErrorCode::kNotFound);
  }
  EXPECT_FALSE(imports_.DryRunSheet(Viewer::Anonymous(), Request({})).ok());
  EXPECT_TRUE(imports_.DryRunSheet(SignedIn(Role::kAdministrator), Request({})).ok());
  // An upload is continued only by the one who made it.
  auto id = imports_.KeepUpload(finance_, plan_, "plan-sheet", "a.csv", "Titel\nX\n");
  ASSERT_TRUE(id.ok());
  EXPECT_TRUE(imports_.Upload(finance_, plan_, *id).ok());
  EXPECT_EQ(imports_.Upload(SignedIn(Role::kFinance, "other", "Mette Holm"), plan_, *id).error().code, ErrorCode::kNotFound);
}

TEST_F(PlanImportTest, AStoreFailureWritesNothing) {
  testing::FaultyPlanStore faulty(store_);
  PlanRegister reg(faulty, clock_);
  PlanService plans(reg);
  PlanImportService imports(plans, reg, reader_);
  faulty.FailWrite(1, ErrorCode::kUnavailable);
  auto r = imports.ApplySheet(finance_, Request({Row(2, {{"title", "Ny"}, {"committee", "ØK"}})}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(store_.ListItems(plan_, {})->total, 1);
}

TEST_F(PlanImportTest, RealisedAmountsBecomeOneStatusUpdatePerItemAndUnmatchedLinesAreListed) {
  RealisedRequest req;
  req.plan = plan_;
  req.filename = "opus.csv";
  req.lines = {{2, "4.11.02-001", 2025, Amount::FromKroner(-30'000), Date{2025, 5, 31}},
               {3, "4.11.02-001", 2025, Amount::FromKroner(-20'500), Date{2025, 5, 15}},
               {4, "9.99.99", 2025, Amount::FromKroner(-1'000), std::nullopt}};
  auto dry = imports_.DryRunRealised(finance_, req);
  ASSERT_TRUE(dry.ok()) << dry.error().message;
  ASSERT_EQ(dry->items.size(), 1u);
  EXPECT_EQ(dry->items[0].realised.at(2025).kroner(), -50'500);
  ASSERT_EQ(dry->unmatched.size(), 1u);
  EXPECT_EQ(dry->unmatched[0].row, 4);
  EXPECT_EQ(dry->as_of, (Date{2025, 5, 31}));
  EXPECT_TRUE(store_.ListStatusUpdates(existing_.id())->empty());

  auto applied = imports_.ApplyRealised(finance_, req);
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  auto updates = store_.ListStatusUpdates(existing_.id());
  ASSERT_EQ(updates->size(), 1u);
  EXPECT_EQ(updates->front().status_text,
            "Realiseret pr. 31-05-2025, importeret fra økonomisystemet («opus.csv»).");
  EXPECT_EQ(updates->front().author, "Mette Holm");
  auto item = store_.GetItem(existing_.id());
  EXPECT_EQ(item->data().realised.at(2025).kroner(), -50'500);
  EXPECT_EQ(item->data().status_text, "Skrevet af fagchefen.") << "the figures change, not the person's words";
  EXPECT_EQ(imports_.DryRunRealised(finance_, req)->unchanged, 1u);
}

TEST_F(PlanImportTest, AKeyOnTwoItemsOrAYearOutsideThePlanIsAProblem) {
  ItemDraft d;
  d.category = "operating";
  d.committee = "ØK";
  d.title = "Andet punkt";
  d.external_keys = "4.11.02-001";
  ASSERT_TRUE(reg_.CreateItem(plan_, d, reg_.Meta("test", "form")).ok());
  RealisedRequest req;
  req.plan = plan_;
  req.lines = {{2, "4.11.02-001", 2025, Amount::FromKroner(-1), std::nullopt}};
  auto r = imports_.DryRunRealised(finance_, req);
  ASSERT_EQ(r->problems.size(), 1u);
  EXPECT_NE(r->problems[0].message.find("står på flere punkter"), std::string::npos);
  ASSERT_FALSE(imports_.ApplyRealised(finance_, req).ok());
}

}  // namespace
}  // namespace bs
