// The storage contract's import part (issue 13, app/ports/plan_store.h): a whole import
// in one transaction or nothing, remembered mappings, uploads waiting between steps.
#include <gtest/gtest.h>

#include "app/plan_register.h"
#include "support/store_backends.h"

namespace bs {
namespace {

class ImportStoreContract : public ::testing::TestWithParam<testing::NamedBackend> {
 protected:
  void SetUp() override {
    backend_ = GetParam().second();
    store_ = backend_->plans.get();
    reg_ = std::make_unique<PlanRegister>(*store_, clock_);
    ASSERT_TRUE(store_->UpsertBody(*Body::Create("BUU", "Børne- og Ungdomsudvalget", true, 0), Meta()).ok());
    plan_ = reg_->CreatePlan({"Testplan 2025-2028", "Budget 2025-2028", "2025", "2028", ""}, "test", "test")->id();
    ItemDraft d;
    d.category = "operating";
    d.committee = "BUU";
    d.title = "Findes";
    existing_ = *reg_->CreateItem(plan_, d, Meta());
  }

  WriteMeta Meta() { return WriteMeta{1'750'000'000, "Mette Holm", "import", "", "Importeret fra «plan.xlsx»"}; }

  PlanItem NewItem(const std::string& title) {
    ItemData d;
    d.committee = "BUU";
    d.title = title;
    return PlanItem::Restore(0, plan_, d, 0, 0, 0);
  }

  FixedClock clock_{1'750'000'000};
  std::unique_ptr<testing::Backend> backend_;
  PlanStore* store_ = nullptr;
  std::unique_ptr<PlanRegister> reg_;
  PlanId plan_ = 0;
  PlanItem existing_;
};

TEST_P(ImportStoreContract, AppliesCreatesUpdatesStatusesAndBodiesTogether) {
  ImportBatch b;
  b.plan = plan_;
  b.new_bodies = {*Body::Create("ÆU", "Ældreudvalget", true, 100)};
  b.creates = {NewItem("Ny 1"), NewItem("Ny 2")};
  ItemData changed = existing_.data();
  changed.title = "Findes, rettet";
  b.updates = {{existing_.id(), changed, existing_.revision()}};
  auto applied = store_->ApplyImport(b, Meta());
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  ASSERT_EQ(applied->created.size(), 2u);
  EXPECT_GT(applied->created[0].id(), 0);
  EXPECT_EQ(applied->created[1].data().title, "Ny 2");
  ASSERT_EQ(applied->updated.size(), 1u);
  EXPECT_EQ(applied->updated[0].revision(), existing_.revision() + 1);
  auto history = store_->ItemHistory(applied->created[0].id(), 0);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->back().source, "import");
  EXPECT_EQ(history->back().action, "create");
  EXPECT_EQ(history->back().comment, "Importeret fra «plan.xlsx»");
  EXPECT_EQ(history->back().author, "Mette Holm");
  EXPECT_EQ(store_->ItemHistory(existing_.id(), 0)->back().action, "update");
  bool body = false;
  auto bodies = store_->ListBodies();
  for (const auto& x : *bodies) body = body || x.code == "ÆU";
  EXPECT_TRUE(body);
  EXPECT_EQ(store_->ListItems(plan_, {})->total, 3);

  // A status write: the update is listed on the item.
  StatusUpdate u;
  u.as_of = Date{2025, 5, 31};
  u.author = "Mette Holm";
  u.status_text = "Realiseret pr. 31-05-2025";
  u.realised = {{2025, Amount::FromKroner(-400'000)}};
  ItemData with = applied->updated[0].data();
  with.realised = u.realised;
  ImportBatch s;
  s.plan = plan_;
  s.statuses = {{existing_.id(), u, with, applied->updated[0].revision()}};
  ASSERT_TRUE(store_->ApplyImport(s, Meta()).ok());
  auto updates = store_->ListStatusUpdates(existing_.id());
  ASSERT_EQ(updates->size(), 1u);
  EXPECT_EQ(updates->front().status_text, "Realiseret pr. 31-05-2025");
  EXPECT_EQ(store_->GetItem(existing_.id())->data().realised.at(2025).kroner(), -400'000);
}

TEST_P(ImportStoreContract, AStaleItemWritesNothingAtAll) {
  int64_t before = *store_->PlanRevision(plan_);
  ImportBatch b;
  b.plan = plan_;
  b.new_bodies = {*Body::Create("ÆU", "Ældreudvalget", true, 100)};
  b.creates = {NewItem("Ny")};
  b.updates = {{existing_.id(), existing_.data(), existing_.revision() + 5}};
  auto applied = store_->ApplyImport(b, Meta());
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->ListItems(plan_, {})->total, 1);
  auto bodies = store_->ListBodies();
  for (const auto& x : *bodies) EXPECT_NE(x.code, "ÆU");
  EXPECT_EQ(*store_->PlanRevision(plan_), before);

  ImportBatch other;
  other.plan = plan_;
  other.creates = {NewItem("Ny")};
  other.updates = {{999'999, existing_.data(), 1}};
  EXPECT_EQ(store_->ApplyImport(other, Meta()).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->ListItems(plan_, {})->total, 1);
  ImportBatch unknown_plan;
  unknown_plan.plan = 999'999;
  EXPECT_EQ(store_->ApplyImport(unknown_plan, Meta()).error().code, ErrorCode::kNotFound);
}

TEST_P(ImportStoreContract, RemembersMappingsPerLayout) {
  EXPECT_FALSE(store_->ImportMapping("plan-sheet|nr|titel")->has_value());
  ASSERT_TRUE(store_->SaveImportMapping("plan-sheet|nr|titel", "{\"a\":1}", Meta()).ok());
  ASSERT_TRUE(store_->SaveImportMapping("plan-sheet|nr|titel", "{\"a\":2}", Meta()).ok());
  EXPECT_EQ(store_->ImportMapping("plan-sheet|nr|titel")->value(), "{\"a\":2}");
  EXPECT_FALSE(store_->ImportMapping("plan-sheet|nr")->has_value());
}

TEST_P(ImportStoreContract, KeepsUploadsForADay) {
  ImportUpload u;
  u.plan = plan_;
  u.kind = "plan-sheet";
  u.filename = "plan.xlsx";
  u.bytes = std::string("PK\x03\x04\0\xff", 6);
  auto id = store_->SaveImportUpload(u, Meta());
  ASSERT_TRUE(id.ok());
  auto read = store_->GetImportUpload(*id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->bytes, u.bytes);
  EXPECT_EQ(read->uploaded_by, "Mette Holm");
  WriteMeta later = Meta();
  later.now += 2 * 86400;
  ASSERT_TRUE(store_->SaveImportUpload(u, later).ok());
  auto gone = store_->GetImportUpload(*id);
  ASSERT_FALSE(gone.ok()) << "an upload older than a day is forgotten";
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  u.plan = 999'999;
  auto refused = store_->SaveImportUpload(u, Meta());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
}

BS_CONTRACT_ON_ALL_BACKENDS(ImportStoreContract);

}  // namespace
}  // namespace bs
