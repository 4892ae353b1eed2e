#include "support/test_server.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "demo/demo_people.h"
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
  if (!InitSodium()) std::abort();
  people_store_ = std::make_unique<SqlitePeopleStore>(*db_);
  people_ = std::make_unique<PeopleService>(*people_store_, *faulty_, hasher_, tokens_, clock_);
  if (generated_items >= 0) {
    auto demo = demo::LoadDemo(*service_, generated_items);
    if (!demo.ok()) std::abort();
    demo_plan_ = demo->plan_id;
    auto users = demo::LoadDemoPeople(*people_);
    if (!users.ok()) std::abort();
    for (const auto& u : *users) passwords_[u.username] = u.password;
  } else {
    // No bodies yet, so no memberships: one person who may set the municipality up.
    UserDraft d{"okonomi", "Mette Holm", "", {"okonomi", "administrator"}, true};
    if (!people_->CreateUserFromCommandLine(d, "okonomi-adgangskode").ok()) std::abort();
    passwords_["okonomi"] = "okonomi-adgangskode";
  }
  ActAs("okonomi");
  site_ = std::make_unique<web::Site>(web::Services{*service_, cache_, *people_});
  web::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  server_ = std::make_unique<web::Server>(options, [this](const web::Request& r) { return site_->Handle(r); });
  if (!server_->Listen().ok()) std::abort();
  server_->Start();
}

TestServer::Credentials TestServer::SignIn(const std::string& username) {
  auto signed_in = people_->SignIn(username, passwords_.at(username), "127.0.0.2");
  if (!signed_in.ok()) {
    ADD_FAILURE() << "sign-in of " << username << " failed: " << signed_in.error().message;
    return {};
  }
  return {signed_in->token, signed_in->csrf};
}

void TestServer::ActAs(const std::string& username) { acting_ = SignIn(username); }

std::map<std::string, std::string> TestServer::WithSession(std::map<std::string, std::string> headers) const {
  if (acting_.token.empty()) return headers;
  std::string cookie = std::string(web::kSessionCookie) + "=" + acting_.token;
  auto it = headers.find("Cookie");
  if (it != headers.end()) it->second += "; " + cookie;
  else headers["Cookie"] = cookie;
  headers.try_emplace("X-CSRF-Token", acting_.csrf);
  return headers;
}

TestServer::~TestServer() {
  server_->Stop();
  server_.reset();
  site_.reset();
  people_.reset();
  people_store_.reset();
  service_.reset();
  faulty_.reset();
  store_.reset();
  db_.reset();
  std::filesystem::remove_all(dir_);
}

}  // namespace bs::testing
