// The real server on port 0 with an SQLite file in a temporary directory, the demo
// loaded and a fixed clock: hermetic integration tests (STYLE.md habit 15).
#pragma once

#include <filesystem>
#include <memory>

#include "app/plan_service.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_plan_store.h"
#include "support/faulty_plan_store.h"
#include "support/http_client.h"
#include "web/render_cache.h"
#include "web/router.h"
#include "web/server.h"

namespace bs::testing {

class TestServer {
 public:
  // generated_items < 0: an empty database, no demo at all.
  explicit TestServer(int generated_items = 0);
  ~TestServer();

  unsigned short port() const { return server_->port(); }
  PlanId demo_plan() const { return demo_plan_; }
  PlanService& plans() { return *service_; }
  FaultyPlanStore& faults() { return *faulty_; }
  HttpResult Get(const std::string& target, const std::map<std::string, std::string>& headers = {}) {
    return HttpRequest(port(), "GET", target, "", headers);
  }
  HttpResult Send(const std::string& method, const std::string& target, const std::string& body,
                  std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}}) {
    return HttpRequest(port(), method, target, body, headers);
  }
  HttpResult PostForm(const std::string& target, const std::string& body) {
    return HttpRequest(port(), "POST", target, body, {{"Content-Type", "application/x-www-form-urlencoded"}});
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<SqlitePlanStore> store_;
  std::unique_ptr<FaultyPlanStore> faulty_;
  FixedClock clock_{1'749'549'600};  // 10-06-2025
  std::unique_ptr<PlanService> service_;
  web::RenderCache cache_;
  std::unique_ptr<web::Router> router_;
  std::unique_ptr<web::Server> server_;
  PlanId demo_plan_ = 0;
};

}  // namespace bs::testing
