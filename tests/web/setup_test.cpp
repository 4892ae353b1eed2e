// A municipality that starts from an empty database sets up its bodies, a plan, its
// themes and strategic lines, and fills the plan: nothing depends on the demo.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_server.h"

namespace bs::testing {
namespace {
using nlohmann::json;

bool Has(const std::string& body, const std::string& needle) { return body.find(needle) != std::string::npos; }

TEST(SetupTest, AFreshMunicipalitySetsItselfUpWithoutTheDemo) {
  TestServer server(-1);
  auto start = server.Get("/");  // no plans yet: the start page says so and leads to the plan list
  EXPECT_EQ(start.status, 200);
  EXPECT_TRUE(Has(start.body, "Der er ingen planer endnu. <a href=\"/planer\">Planer</a>"));
  auto plan = server.Send("POST", "/api/v1/plans",
                          R"({"name":"Udmøntningsplan 2026-2029","budget_name":"Budget 2026-2029","first_year":2026,"last_year":"2029"})");
  ASSERT_EQ(plan.status, 201) << plan.body;
  std::string id = std::to_string(json::parse(plan.body)["id"].get<int>());
  // No committee yet: an item cannot be placed.
  auto early = server.Send("POST", "/api/v1/plans/" + id + "/items", R"({"category":"operating","committee":"SU","title":"x"})");
  EXPECT_EQ(early.status, 400);
  EXPECT_EQ(server.Send("POST", "/api/v1/bodies", R"({"code":"SU","name":"Sundhedsudvalget","owns_items":true})").status, 201);
  EXPECT_EQ(server.Send("POST", "/api/v1/bodies", R"({"code":"KB","name":"Kommunalbestyrelsen","owns_items":false})").status, 201);
  EXPECT_EQ(server.Send("POST", "/api/v1/bodies", R"({"code":"bad code","name":""})").status, 400);
  EXPECT_EQ(server.Send("POST", "/api/v1/plans/" + id + "/themes", R"({"name":"Sundhed og trivsel"})").status, 201);
  EXPECT_EQ(server.Send("POST", "/api/v1/plans/" + id + "/themes", R"({"name":"Sundhed og trivsel"})").status, 409);
  EXPECT_EQ(server.Send("POST", "/api/v1/plans/999/themes", R"({"name":"x"})").status, 404);
  // The same through the setup page.
  auto line = server.PostForm("/planer/" + id + "/opsaetning/linjer", "title=Forebyggelse&description=Tidlig+indsats");
  EXPECT_EQ(line.status, 303);
  auto bad = server.PostForm("/planer/" + id + "/opsaetning/temaer", "name=");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad.body, "Skriv et navn på 1-200 tegn."));
  auto setup = server.Get("/planer/" + id + "/opsaetning");
  EXPECT_TRUE(Has(setup.body, "Sundhedsudvalget"));
  EXPECT_TRUE(Has(setup.body, "Forebyggelse"));
  // Now items of every kind can be created.
  auto item = server.Send("POST", "/api/v1/plans/" + id + "/items",
                          R"({"category":"operating","committee":"SU","title":"Flere sundhedsplejersker","political_treatment":"SU: marts 2026\nKB: april 2026","amounts":{"2026":900}})");
  EXPECT_EQ(item.status, 201) << item.body;
  auto intent = server.Send("POST", "/api/v1/plans/" + id + "/items",
                            R"({"category":"intent","theme":"Sundhed og trivsel","title":"Sundhedspolitik revideres"})");
  EXPECT_EQ(intent.status, 201) << intent.body;
  auto page = server.Get("/planer/" + id);
  EXPECT_TRUE(Has(page.body, "Sundhedsudvalget (SU)"));
  EXPECT_TRUE(Has(page.body, "Sundhed og trivsel"));
  EXPECT_TRUE(Has(page.body, "SU marts 2026, KB april 2026"));
  auto events = json::parse(server.Get("/api/v1/plans/" + id + "/history").body)["events"];
  EXPECT_GE(events.size(), 5u);
}

}  // namespace
}  // namespace bs::testing
