// The real server on port 0 with an SQLite file in a temporary directory, the demo
// loaded and a fixed clock: hermetic integration tests (STYLE.md habit 15).
// The demo users exist (one per role, see demo/demo_people.h; cheap argon2 parameters)
// and requests go out signed in as "okonomi" (finance) with its CSRF token, unless a
// test chooses another person with ActAs() or the public with ActAnonymously().
#pragma once

#include "importers/agenda/agenda_text_reader.h"
#include "importers/plan_sheet/plan_sheet.h"

#include <filesystem>
#include <memory>

#include "app/meeting_service.h"
#include "app/people_service.h"
#include "exporters/meeting_files.h"
#include "exporters/report_files.h"
#include "app/report_service.h"
#include "app/round_service.h"
#include "app/plan_service.h"
#include "crypto/sodium_crypto.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_meeting_store.h"
#include "storage/sqlite/sqlite_people_store.h"
#include "storage/sqlite/sqlite_plan_store.h"
#include "support/faulty_meeting_store.h"
#include "support/faulty_people_store.h"
#include "support/faulty_plan_store.h"
#include "support/http_client.h"
#include "web/render_cache.h"
#include "web/session.h"
#include "web/server.h"

namespace bs::testing {

class TestServer {
 public:
  // generated_items < 0: an empty database, no demo at all. `upload_limit_bytes`
  // (0: the default 50 MB) lets upload tests use a small limit.
  // `network` gives the server's base_url and trusted_proxies (the rest is the test's).
  explicit TestServer(int generated_items = 0, int64_t upload_limit_bytes = 0, web::ServerOptions network = {});
  ~TestServer();

  unsigned short port() const { return server_->port(); }
  PlanId demo_plan() const { return demo_plan_; }
  PlanRegister& plans() { return *service_; }
  FaultyPlanStore& faults() { return *faulty_; }
  // The meeting and people stores the services use, wrapped like the plan store's.
  FaultyMeetingStore& meeting_faults() { return *faulty_meetings_; }
  FaultyPeopleStore& people_faults() { return *faulty_people_; }
  PeopleService& people() { return *people_; }
  MeetingService& meetings() { return *meetings_; }
  AgendaImportService& agenda_imports() { return *agenda_imports_; }
  // The meetings of a body in a window, straight from the store (no viewer: tests find
  // the demo's meetings by day with it; pages go through MeetingService).
  Result<std::vector<Meeting>> MeetingsOf(const std::string& body, Date from, Date to) {
    return meeting_store_->ListMeetings(body, from, to);
  }
  RoundService& rounds() { return *rounds_; }
  ReportService& reports() { return *reports_; }
  ReportAttachments& report_attachments() { return *report_attachments_; }
  FixedClock& clock() { return clock_; }
  HttpResult Get(const std::string& target, const std::map<std::string, std::string>& headers = {}) {
    return HttpRequest(port(), "GET", target, "", WithSession(headers));
  }
  HttpResult Send(const std::string& method, const std::string& target, const std::string& body,
                  std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}}) {
    return HttpRequest(port(), method, target, body, WithSession(headers));
  }
  // A multipart/form-data POST (uploads): fields and one file.
  HttpResult PostMultipart(const std::string& target, const std::map<std::string, std::string>& fields,
                           const std::string& file_field, const std::string& filename, const std::string& file_type,
                           const std::string& file_bytes);
  HttpResult PostForm(const std::string& target, const std::string& body) {
    return HttpRequest(port(), "POST", target, body, WithSession({{"Content-Type", "application/x-www-form-urlencoded"}}));
  }

  struct Credentials {
    std::string token;  // the session cookie
    std::string csrf;
  };
  // Signs `username` in (through the service, not HTTP) and sends later requests as them.
  void ActAs(const std::string& username);
  void ActAnonymously() { acting_ = {}; }
  Credentials SignIn(const std::string& username);
  const Credentials& acting() const { return acting_; }
  // The demo users' passwords by username.
  const std::map<std::string, std::string>& passwords() const { return passwords_; }
  // Adds the acting session's cookie and CSRF header.
  std::map<std::string, std::string> WithSession(std::map<std::string, std::string> headers) const;

 private:
  std::filesystem::path dir_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<SqlitePlanStore> store_;
  std::unique_ptr<FaultyPlanStore> faulty_;
  FixedClock clock_{1'749'549'600};  // 10-06-2025
  std::unique_ptr<PlanRegister> service_;
  std::unique_ptr<PlanService> use_cases_;  // what the site gets
  std::unique_ptr<SqlitePeopleStore> people_store_;
  std::unique_ptr<FaultyPeopleStore> faulty_people_;
  SodiumPasswordHasher hasher_{Argon2Params::ForTests()};
  SodiumTokenSource tokens_;
  std::unique_ptr<PeopleService> people_;
  MeetingPolicy meeting_policy_;
  std::unique_ptr<SqliteMeetingStore> meeting_store_;
  std::unique_ptr<FaultyMeetingStore> faulty_meetings_;
  std::unique_ptr<MeetingService> meetings_;
  MeetingFiles exports_;
  std::unique_ptr<RoundService> rounds_;
  std::unique_ptr<ReportService> reports_;
  std::unique_ptr<StartPageService> start_;
  ReportFiles report_files_;
  std::unique_ptr<ReportAttachments> report_attachments_;
  plan_sheet::SheetImportReader import_reader_;
  std::unique_ptr<PlanImportService> imports_;
  agenda_import::AgendaTextParser agenda_reader_;
  std::unique_ptr<AgendaImportService> agenda_imports_;
  std::map<std::string, std::string> passwords_;
  Credentials acting_;
  web::RenderCache cache_;
  std::unique_ptr<web::Site> site_;
  std::unique_ptr<web::Server> server_;
  PlanId demo_plan_ = 0;
};

}  // namespace bs::testing
