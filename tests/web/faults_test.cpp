// Error paths with injected storage faults: the right status, a Danish message, no
// internals, and nothing half-written.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_server.h"

namespace bs::testing {
namespace {
using nlohmann::json;

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

class FaultsTest : public ::testing::Test {
 protected:
  void TearDown() override {
    server_.faults().FailAll(false);
    server_.faults().FailWrite(0, ErrorCode::kInternal);
  }
  std::string Items() { return "/api/v1/plans/" + std::to_string(server_.demo_plan()) + "/items"; }
  TestServer server_;
};

TEST_F(FaultsTest, BusyDatabaseIs503WithADanishMessage) {
  server_.faults().FailAll(true, ErrorCode::kUnavailable);
  auto api = server_.Get(Items());
  EXPECT_EQ(api.status, 503);
  EXPECT_EQ(json::parse(api.body)["error"]["message"], "Databasen er optaget lige nu. Prøv igen om et øjeblik.");
  auto page = server_.Get("/planer/" + std::to_string(server_.demo_plan()));
  EXPECT_EQ(page.status, 503);
  EXPECT_TRUE(Has(page.body, "Prøv igen"));
}

TEST_F(FaultsTest, InternalErrorsShowNoInternals) {
  server_.faults().FailAll(true, ErrorCode::kInternal);
  auto api = server_.Get(Items());
  EXPECT_EQ(api.status, 500);
  EXPECT_FALSE(Has(api.body, "disk I/O"));
  auto page = server_.Get("/emner/1");
  EXPECT_EQ(page.status, 500);
  EXPECT_FALSE(Has(page.body, "disk I/O"));
  EXPECT_FALSE(Has(page.body, "page 77"));
  EXPECT_TRUE(Has(page.body, "Der opstod en intern fejl"));
}

TEST_F(FaultsTest, AFailedWriteLeavesNothingBehind) {
  int64_t before = json::parse(server_.Get(Items() + "?limit=1").body)["total"];
  server_.faults().FailWrite(1, ErrorCode::kInternal);
  auto r = server_.Send("POST", Items(), R"({"category":"operating","committee":"BUU","title":"Fejler"})");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(json::parse(server_.Get(Items() + "?limit=1").body)["total"], before);
  // The next write works again.
  EXPECT_EQ(server_.Send("POST", Items(), R"({"category":"operating","committee":"BUU","title":"Virker"})").status, 201);
}

TEST_F(FaultsTest, AFailedEditKeepsTheOldItemAndTheFormInput) {
  auto created = server_.Send("POST", Items(), R"({"category":"operating","committee":"BUU","title":"Uændret"})");
  std::string id = std::to_string(json::parse(created.body)["id"].get<int>());
  server_.faults().FailWrite(1, ErrorCode::kUnavailable);
  auto r = server_.PostForm("/emner/" + id, "revision=1&category=operating&committee=BUU&title=Ny+titel");
  EXPECT_EQ(r.status, 503);
  EXPECT_TRUE(Has(r.body, "Punktet er ikke gemt"));
  EXPECT_TRUE(Has(r.body, "value=\"Ny titel\""));
  EXPECT_TRUE(Has(server_.Get("/emner/" + id).body, "Uændret"));
  server_.faults().FailWrite(1, ErrorCode::kInternal);
  auto internal = server_.PostForm("/emner/" + id, "revision=1&category=operating&committee=BUU&title=Ny+titel");
  EXPECT_EQ(internal.status, 500);
  EXPECT_TRUE(Has(internal.body, "value=\"Ny titel\""));
  EXPECT_FALSE(Has(internal.body, "disk I/O"));
}

}  // namespace
}  // namespace bs::testing
