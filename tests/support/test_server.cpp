#include "support/test_server.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "demo/demo_meetings.h"
#include "demo/demo_people.h"
#include "demo/demo_plan.h"
#include "web/routes.h"

namespace bs::testing {

TestServer::TestServer(int generated_items, int64_t upload_limit_bytes, web::ServerOptions network) {
  if (upload_limit_bytes > 0) meeting_policy_.upload_limit = upload_limit_bytes;
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-web-XXXXXX").string();
  dir_ = mkdtemp(tmpl.data());
  auto db = sqlite::Database::Open((dir_ / "test.db").string());
  if (!db.ok()) std::abort();
  db_ = std::move(*db);
  store_ = std::make_unique<SqlitePlanStore>(*db_);
  faulty_ = std::make_unique<FaultyPlanStore>(*store_);
  service_ = std::make_unique<PlanRegister>(*faulty_, clock_);
  if (!InitSodium()) std::abort();
  people_store_ = std::make_unique<SqlitePeopleStore>(*db_);
  faulty_people_ = std::make_unique<FaultyPeopleStore>(*people_store_);
  people_ = std::make_unique<PeopleService>(*faulty_people_, *faulty_, hasher_, tokens_, clock_);
  rounds_ = std::make_unique<RoundService>(*faulty_, *service_, clock_);
  if (generated_items >= 0) {
    auto demo = demo::LoadDemo(*service_, *rounds_, generated_items);
    if (!demo.ok()) std::abort();
    demo_plan_ = demo->plan_id;
    auto users = demo::LoadDemoPeople(*people_);
    if (!users.ok()) std::abort();
    for (const auto& u : *users) passwords_[u.username] = u.password;
    meeting_store_ = std::make_unique<SqliteMeetingStore>(*db_);
    faulty_meetings_ = std::make_unique<FaultyMeetingStore>(*meeting_store_);
    reports_ = std::make_unique<ReportService>(*faulty_, *service_, *rounds_, clock_);
    {
      // The demo is loaded as `budgetspor demo` loads it, with the default upload limit
      // (its generated report attachments are larger than an upload test's small limit).
      MeetingService demo_meetings_service(*meeting_store_, *service_, *people_, clock_);
      ReportAttachments demo_attachments(demo_meetings_service, *reports_, report_files_);
      auto demo_meetings = demo::LoadDemoMeetings(demo_meetings_service, *service_, *people_, demo_attachments);
      if (!demo_meetings.ok()) {
        ADD_FAILURE() << "demo meetings: " << demo_meetings.error().message;
        std::abort();
      }
    }
    meetings_ = std::make_unique<MeetingService>(*faulty_meetings_, *service_, *people_, clock_, meeting_policy_);
  } else {
    // No bodies yet, so no memberships: one person who may set the municipality up.
    UserDraft d{"okonomi", "Mette Holm", "", {"okonomi", "administrator"}, true};
    if (!people_->CreateUserFromCommandLine(d, "okonomi-adgangskode").ok()) std::abort();
    passwords_["okonomi"] = "okonomi-adgangskode";
  }
  if (!meetings_) {
    meeting_store_ = std::make_unique<SqliteMeetingStore>(*db_);
    faulty_meetings_ = std::make_unique<FaultyMeetingStore>(*meeting_store_);
    meetings_ = std::make_unique<MeetingService>(*faulty_meetings_, *service_, *people_, clock_, meeting_policy_);
  }
  if (!reports_) reports_ = std::make_unique<ReportService>(*faulty_, *service_, *rounds_, clock_);
  if (!report_attachments_) report_attachments_ = std::make_unique<ReportAttachments>(*meetings_, *reports_, report_files_);
  ActAs("okonomi");
  use_cases_ = std::make_unique<PlanService>(*service_);
  imports_ = std::make_unique<PlanImportService>(*use_cases_, *service_, import_reader_);
  agenda_imports_ = std::make_unique<AgendaImportService>(*meetings_, *faulty_meetings_, *service_, agenda_reader_, clock_);
  start_ = std::make_unique<StartPageService>(*use_cases_, *meetings_, *rounds_);
  site_ = std::make_unique<web::Site>(web::Services{*use_cases_, cache_, *people_, *meetings_, exports_, *rounds_, *reports_,
                                                    report_files_, *report_attachments_, *imports_, *agenda_imports_, *start_});
  web::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.upload_limit = static_cast<size_t>(meeting_policy_.upload_limit) + 64 * 1024;
  options.base_url = network.base_url;
  options.trusted_proxies = network.trusted_proxies;
  options.ready = network.ready;
  options.access_log = network.access_log;
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

HttpResult TestServer::PostMultipart(const std::string& target, const std::map<std::string, std::string>& fields,
                                     const std::string& file_field, const std::string& filename,
                                     const std::string& file_type, const std::string& file_bytes) {
  const std::string boundary = "----budgetsporTestBoundary7MA4YWxk";
  std::string body;
  for (const auto& [k, v] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  if (!file_field.empty()) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" + filename +
            "\"\r\n";
    if (!file_type.empty()) body += "Content-Type: " + file_type + "\r\n";
    body += "\r\n" + file_bytes + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return HttpRequest(port(), "POST", target, body,
                     WithSession({{"Content-Type", "multipart/form-data; boundary=" + boundary}}));
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
  report_attachments_.reset();
  reports_.reset();
  rounds_.reset();
  meetings_.reset();
  faulty_meetings_.reset();
  meeting_store_.reset();
  people_.reset();
  faulty_people_.reset();
  people_store_.reset();
  service_.reset();
  faulty_.reset();
  store_.reset();
  db_.reset();
  std::filesystem::remove_all(dir_);
}

}  // namespace bs::testing
