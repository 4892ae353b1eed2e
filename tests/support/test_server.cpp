#include "support/test_server.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "demo/demo_plan.h"
#include "web/routes.h"

namespace bs::testing {

TestServer::TestServer(int generated_items) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-web-XXXXXX").string();
  dir_ = mkdtemp(tmpl.data());
  auto db = sqlite::Database::Open((dir_ / "test.db").string());
  if (!db.ok()) std::abort();
  db_ = std::move(*db);
  store_ = std::make_unique<SqlitePlanStore>(*db_);
  faulty_ = std::make_unique<FaultyPlanStore>(*store_);
  service_ = std::make_unique<PlanService>(*faulty_, clock_);
  if (generated_items >= 0) {
    auto demo = demo::LoadDemo(*service_, generated_items);
    if (!demo.ok()) std::abort();
    demo_plan_ = demo->plan_id;
  }
  router_ = std::make_unique<web::Router>(web::BuildRouter({*service_, cache_}));
  web::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  server_ = std::make_unique<web::Server>(options, [this](const web::Request& r) { return router_->Dispatch(r); });
  if (!server_->Listen().ok()) std::abort();
  server_->Start();
}

TestServer::~TestServer() {
  server_->Stop();
  server_.reset();
  service_.reset();
  faulty_.reset();
  store_.reset();
  db_.reset();
  std::filesystem::remove_all(dir_);
}

}  // namespace bs::testing
