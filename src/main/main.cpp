// budgetspor: thin main. Parses the command line, wires the adapters, starts.
//   budgetspor serve --db FILE [--listen HOST:PORT] [--threads N] [--upload-limit-mb N]
//   budgetspor demo  --db FILE [--items N]
//   budgetspor user add|password --db FILE --username U ...
#include <malloc.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <thread>

#include "app/meeting_service.h"
#include "app/people_service.h"
#include "core/text.h"
#include "app/plan_register.h"
#include "app/plan_service.h"
#include "crypto/sodium_crypto.h"
#include "demo/demo_meetings.h"
#include "demo/demo_people.h"
#include "exporters/meeting_files.h"
#include "exporters/report_files.h"
#include "app/report_service.h"
#include "app/round_service.h"
#include "demo/demo_plan.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_meeting_store.h"
#include "storage/sqlite/sqlite_people_store.h"
#include "storage/sqlite/sqlite_plan_store.h"
#include "web/routes.h"
#include "web/server.h"
#include "web/session.h"
#include "web/views/report_views.h"
#include "main/backup_commands.h"
#include "main/import_commands.h"
#include "storage/sqlite/sqlite_backup.h"
#include "importers/agenda/agenda_text_reader.h"
#include "importers/plan_sheet/plan_sheet.h"
#include "core/config.h"
#include "main/system_clock.h"

namespace {

using bs::SystemClock;

constexpr const char* kUsage =
    "budgetspor – udmøntningsplanen og dens møder\n"
    "\n"
    "Brug:\n"
    "  budgetspor serve [--config FIL] [--db FIL] [--listen VÆRT:PORT] [--threads N] [--upload-limit-mb N]\n"
    "  budgetspor check-config FIL\n"
    "  budgetspor demo  --db FIL [--items N]\n"
    "  budgetspor user add --db FIL --username NAVN --name \"FULDT NAVN\" --roles ROLLE[,ROLLE] [--departments BUU]\n"
    "  budgetspor user password --db FIL --username NAVN\n"
    "  budgetspor report ART --db FIL --plan ID [--version ID|latest] [--committee KODE] --format pdf|xlsx|csv|html --out FIL\n"
    "  budgetspor import plan-sheet|realised|agenda-text|kle ... [--dry-run] [--json] FIL\n"
    "  budgetspor backup [--config FIL] [--db FIL] --to FIL\n"
    "  budgetspor restore [--config FIL] [--db FIL] --from FIL\n"
    "  budgetspor KOMMANDO --help\n";

constexpr const char* kBackupHelp =
    "budgetspor backup [--config FIL] [--db FIL] --to FIL\n"
    "budgetspor restore [--config FIL] [--db FIL] --from FIL\n"
    "\n"
    "backup: kopierer databasen, også mens serveren kører og skriver, til en ny fil (mode 0600).\n"
    "        Kopien er databasen, som den stod, da kopieringen begyndte; den kontrolleres\n"
    "        (integrity_check) og får et indholdstjek (tabeller, rækker og en kontrolsum).\n"
    "        En fil, der findes, overskrives aldrig. Kopiér aldrig selve databasefilen, mens\n"
    "        serveren kører: skrivninger i -wal-filen går tabt.\n"
    "restore: erstatter databasen med en sikkerhedskopi. Afvises, mens en server bruger databasen.\n"
    "        Den hidtidige database gemmes som FIL.foer-gendannelse-TID; indholdstjekket af den\n"
    "        gendannede database sammenlignes med sikkerhedskopiens.\n"
    "Databasen tages fra --db eller konfigurationen (--config, BUDGETSPOR_DATABASE_PATH).\n";

constexpr const char* kReportHelp =
    "budgetspor report ART --db FIL --plan ID [--version ID|latest] [--committee KODE] [--month MM-ÅÅÅÅ]\n"
    "                  --format pdf|xlsx|csv|html --out FIL [--edition intern|offentlig] [--separator semicolon]\n"
    "\n"
    "Danner en rapport af planen og skriver den til FIL.\n"
    "  ART            plan, extract (udvalgets udsnit; kræver --committee), half-year (halvårsstatus til ØK),\n"
    "                 monthly (direktionens månedlige status)\n"
    "  --version      en offentliggjort versions id eller latest; uden: planen, som den er nu (kladde)\n"
    "  --month        måneden for monthly, fx 04-2025; standard: grundlagets måned\n"
    "  --edition      intern (standard: med interne felter, som økonomi ser den) eller offentlig\n"
    "  --separator    semicolon: CSV med semikolon og decimalkomma (dansk Excel)\n"
    "Afslutter med 0 og én linje om, hvad der blev skrevet; 2 ved forkerte argumenter; 1 med en\n"
    "dansk fejlmeddelelse ellers. Fremdrift skrives på stderr, når det tager mere end et øjeblik.\n";

constexpr const char* kUserHelp =
    "budgetspor user add --db FIL --username NAVN --name \"FULDT NAVN\" --roles ROLLE[,ROLLE] [--departments KODER]\n"
    "budgetspor user password --db FIL --username NAVN\n"
    "\n"
    "add: opretter en bruger, fx den første administrator. Roller: administrator, okonomi, fagchef,\n"
    "     direktion, sekretaer, politiker. --departments: fagchefens udvalg (fx BUU,AU).\n"
    "password: sætter en ny adgangskode; brugerens sessioner afsluttes.\n"
    "Adgangskoden dannes tilfældigt og skrives én gang på stdout; den gemmes kun som argon2id-hash.\n"
    "Med --password-stdin 1 læses den i stedet fra første linje på stdin (10-256 tegn).\n";

constexpr const char* kServeHelp =
    "budgetspor serve [--config FIL] [--db FIL] [--listen VÆRT:PORT] [--threads N] [--upload-limit-mb N]\n"
    "                 [--base-url URL] [--trusted-proxies ADR,ADR]\n"
    "\n"
    "Starter webserveren på en SQLite-database (oprettes og migreres ved behov).\n"
    "Indstillinger læses i rækkefølgen standard, --config FIL, miljøet (BUDGETSPOR_AFSNIT_NØGLE,\n"
    "fx BUDGETSPOR_DATABASE_PATH) og til sidst flagene; se docs/configuration.md.\n"
    "  --config FIL      konfigurationsfilen (INI); tjek den med budgetspor check-config FIL\n"
    "  --db FIL          databasefilen (påkrævet her, i filen eller i miljøet)\n"
    "  --base-url URL    adressen, brugerne bruger, fx https://budget.kommune.dk\n"
    "  --trusted-proxies kommasepareret liste af proxy-adresser, hvis X-Forwarded-For tros\n"
    "  --listen V:P      adresse og port, standard 127.0.0.1:8080; port 0 vælger en ledig port\n"
    "  --threads N       antal tråde, standard 2\n"
    "  --upload-limit-mb N  største bilag i MB, standard 50\n"
    "Første linje på stdout er adressen, serveren lytter på. Stop med Ctrl-C.\n";

constexpr const char* kDemoHelp =
    "budgetspor demo --db FIL [--items N]\n"
    "\n"
    "Opretter databasen om nødvendigt og indlæser demoplanen «Udmøntningsplan 2025-2028»\n"
    "(punkterne fra seeds plus opdigtede punkter markeret som demo) og én demobruger pr. rolle,\n"
    "hvis databasen ingen brugere har. Demobrugernes adgangskoder skrives kun denne ene gang.\n"
    "  --items N   N ekstra genererede punkter fordelt på alle udvalg og kategorier (til benchmarks)\n";

// Parses "--key value" pairs; returns false on a stray argument.
bool ParseFlags(int argc, char** argv, int start, std::map<std::string, std::string>* flags, bool* help) {
  for (int i = start; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { *help = true; continue; }
    if (a.rfind("--", 0) != 0 || i + 1 >= argc) {
      std::cerr << "Ukendt eller ufuldstændigt argument: " << a << "\n";
      return false;
    }
    (*flags)[a.substr(2)] = argv[++i];
  }
  return true;
}

bool ParseInt(const std::string& s, long min, long max, long* out) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = std::stol(s);
  return *out >= min && *out <= max;
}

// The effective configuration: defaults, --config FILE, the environment, then flags.
// Prints what is wrong (file, line and key) and returns false.
bool LoadConfig(const std::map<std::string, std::string>& flags, bs::Config* config) {
  static const std::map<std::string, std::pair<std::string, std::string>> kFlags = {
      {"db", {"database", "path"}},         {"listen", {"server", "listen"}},
      {"threads", {"server", "threads"}},   {"workers", {"server", "workers"}},   {"base-url", {"server", "base_url"}},
      {"trusted-proxies", {"server", "trusted_proxies"}}, {"upload-limit-mb", {"uploads", "limit_mb"}}};
  for (const auto& [flag, value] : flags)
    if (flag != "config" && !kFlags.count(flag)) {
      std::cerr << "Ukendt flag --" << flag << ".\n" << kServeHelp;
      return false;
    }
  bool ok = true;
  auto report = [&ok](const bs::Status& st) {
    if (!st.ok()) { std::cerr << st.error().message << "\n"; ok = false; }
  };
  if (auto it = flags.find("config"); it != flags.end()) report(bs::ReadConfigFile(*config, it->second));
  if (!ok) return false;
  report(bs::ApplyConfigEnvironment(*config, [](const char* name) { return std::getenv(name); }));
  for (const auto& [flag, value] : flags) {
    auto it = kFlags.find(flag);
    if (it == kFlags.end()) continue;
    auto st = bs::SetConfigValue(*config, it->second.first, it->second.second, value);
    if (!st.ok()) report(bs::InvalidArgument("--" + flag + ": " + st.error().message));
  }
  if (ok) report(bs::ValidateConfig(*config));
  return ok;
}

int CheckConfig(int argc, char** argv) {
  if (argc != 3 || !std::strcmp(argv[2], "--help") || !std::strcmp(argv[2], "-h")) {
    std::cout << "budgetspor check-config FIL\n\nLæser konfigurationsfilen som serve gør (med miljøets "
                 "BUDGETSPOR_-variabler) og skriver den gældende konfiguration uden hemmeligheder.\n"
                 "Afslutter med 0, eller 2 med hver fejl (fil, linje og nøgle) på stderr.\n";
    return argc == 3 ? 0 : 2;
  }
  bs::Config config;
  if (!LoadConfig({{"config", argv[2]}}, &config)) return 2;
  std::cout << bs::DescribeConfig(config);
  return 0;
}

int Serve(const std::map<std::string, std::string>& flags) {
  bs::Config config;
  if (!LoadConfig(flags, &config)) return 2;
  bs::web::ServerOptions options;
  options.host = config.host();
  options.port = config.port();
  options.threads = config.threads;
  options.workers = config.workers;
  options.max_connections = static_cast<size_t>(config.max_connections);
  options.base_url = config.base_url;
  options.trusted_proxies = config.trusted_proxies;
  bs::MeetingPolicy meeting_policy;
  meeting_policy.upload_limit = int64_t{config.upload_limit_mb} * 1024 * 1024;
  // An upload is a multipart body: the file plus the form's other fields.
  options.upload_limit = static_cast<size_t>(meeting_policy.upload_limit) + 64 * 1024;
  // Held while serving: `budgetspor restore` refuses to replace the database under us.
  auto service_lock = bs::sqlite::ServiceLock::Take(config.database, /*exclusive=*/false);
  if (!service_lock.ok()) { std::cerr << service_lock.error().message << "\n"; return 1; }
  auto db = bs::sqlite::Database::Open(config.database);
  if (!db.ok()) { std::cerr << "Databasen kan ikke åbnes: " << db.error().message << "\n"; return 1; }
  options.ready = [&db] { return (*db)->CheckReady(); };
  std::FILE* access = nullptr;
  if (config.access_log == "stderr") access = stderr;
  else if (config.access_log != "off") {
    access = std::fopen(config.access_log.c_str(), "a");
    if (!access) { std::cerr << "Adgangsloggen " << config.access_log << " kan ikke åbnes til skrivning.\n"; return 1; }
    std::setvbuf(access, nullptr, _IOLBF, 0);
  }
  if (access) options.access_log = [access](const std::string& line) { std::fprintf(access, "%s\n", line.c_str()); };
  bs::BackupScheduler backups(config.database, config.EffectiveBackupDir(), config.backup_interval_minutes,
                              config.backup_keep);
  bs::SqlitePlanStore store(**db);
  bs::SqlitePeopleStore people_store(**db);
  SystemClock clock;
  bs::PlanRegister plans(store, clock);
  bs::SodiumPasswordHasher hasher;
  bs::SodiumTokenSource tokens;
  bs::PeopleService people(people_store, store, hasher, tokens, clock);
  if (auto n = people_store.CountUsers(); n.ok() && *n == 0)
    std::cerr << "Bemærk: databasen har ingen brugere. Opret den første administrator med\n"
                 "  budgetspor user add --db " << config.database << " --username NAVN --name \"FULDT NAVN\" --roles administrator\n";
  // Pages of several hundred KB are built per request; glibc would otherwise hand such
  // blocks back to the kernel after each answer and fault them in again on the next
  // (bench/plan-pages.sh: 2,300 -> 5,500 req/s on the BUU page with these two lines).
  mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  std::jthread prepare([&people] { people.Prepare(); });  // ~0.1 s of argon2id beside start-up
  bs::web::RenderCache cache;
  bs::SqliteMeetingStore meeting_store(**db);
  bs::MeetingService meetings(meeting_store, plans, people, clock, meeting_policy);
  bs::MeetingFiles exports;
  bs::RoundService rounds(store, plans, clock);
  bs::ReportService reports(store, plans, rounds, clock);
  bs::ReportFiles report_files;
  bs::ReportAttachments report_attachments(meetings, reports, report_files);
  bs::PlanService plan_use_cases(plans);  // web/ reads and writes the plan only through this
  bs::plan_sheet::SheetImportReader import_reader;
  bs::PlanImportService imports(plan_use_cases, plans, import_reader);
  bs::agenda_import::AgendaTextParser agenda_reader;
  bs::AgendaImportService agenda_imports(meetings, meeting_store, plans, agenda_reader, clock);
  bs::StartPageService start(plan_use_cases, meetings, rounds);
  bs::web::Site site({plan_use_cases, cache, people, meetings, exports, rounds, reports, report_files, report_attachments, imports,
                      agenda_imports, start});
  bs::web::Server server(options, [&site](const bs::web::Request& r) { return site.Handle(r); });
  auto listening = server.Listen();
  if (!listening.ok()) { std::cerr << listening.error().message << "\n"; return 1; }
  std::cout << "budgetspor lytter på http://" << options.host << ":" << server.port() << "/" << std::endl;
  server.Run();
  std::cout << "budgetspor stoppet." << std::endl;
  return 0;
}

int Demo(const std::map<std::string, std::string>& flags) {
  auto db_it = flags.find("db");
  if (db_it == flags.end()) { std::cerr << "Mangler --db FIL.\n" << kDemoHelp; return 2; }
  long items = 0;
  if (auto it = flags.find("items"); it != flags.end() && !ParseInt(it->second, 0, 1'000'000, &items)) {
    std::cerr << "--items skal være et tal fra 0 til 1.000.000.\n";
    return 2;
  }
  auto db = bs::sqlite::Database::Open(db_it->second);
  if (!db.ok()) { std::cerr << "Databasen kan ikke åbnes: " << db.error().message << "\n"; return 1; }
  bs::SqlitePlanStore store(**db);
  SystemClock clock;
  bs::PlanRegister plans(store, clock);
  bs::RoundService rounds(store, plans, clock);
  auto report = bs::demo::LoadDemo(plans, rounds, static_cast<int>(items));
  if (!report.ok()) { std::cerr << "Demoen kunne ikke indlæses: " << report.error().message << "\n"; return 1; }
  bs::SqlitePeopleStore people_store(**db);
  bs::SodiumPasswordHasher hasher;
  bs::SodiumTokenSource tokens;
  bs::PeopleService people(people_store, store, hasher, tokens, clock);
  auto users = bs::demo::LoadDemoPeople(people);
  if (!users.ok()) { std::cerr << "Demobrugerne kunne ikke oprettes: " << users.error().message << "\n"; return 1; }
  if (report->created_plan)
    std::cout << "Demoplanen «" << bs::demo::kDemoPlanName << "» er oprettet (plan " << report->plan_id << "): "
              << report->seed_items << " punkter fra seeds, " << report->invented_items << " opdigtede demopunkter.\n";
  else
    std::cout << "Demoplanen findes allerede (plan " << report->plan_id << ").\n";
  if (report->generated_items) std::cout << report->generated_items << " genererede punkter tilføjet.\n";
  bs::SqliteMeetingStore meeting_store(**db);
  bs::MeetingService meetings(meeting_store, plans, people, clock);
  bs::ReportService reports(store, plans, rounds, clock);
  bs::ReportFiles report_files;
  bs::ReportAttachments report_attachments(meetings, reports, report_files);
  auto meeting_report = bs::demo::LoadDemoMeetings(meetings, plans, people, report_attachments);
  if (!meeting_report.ok()) {
    std::cerr << "Demomøderne kunne ikke indlæses: " << meeting_report.error().message << "\n";
    return 1;
  }
  if (meeting_report->meetings)
    std::cout << "Demomøder: " << meeting_report->meetings << " møder og " << meeting_report->cases
              << " sager fra seeds og demo.\n";
  if (users->empty()) {
    std::cout << "Databasen har allerede brugere; ingen demobrugere oprettet.\n";
  } else {
    std::cout << "Demobrugere (adgangskoderne vises kun nu og gemmes ingen steder):\n";
    for (const auto& u : *users)
      std::cout << "  " << u.username << "  " << u.password << "  (" << u.role_label << ", " << u.name << ")\n";
  }
  return 0;
}

// `user add` and `user password`: the first administrator, and a way back in.
int UserCommand(const std::string& sub, const std::map<std::string, std::string>& flags) {
  auto get = [&](const char* k) { auto it = flags.find(k); return it == flags.end() ? std::string() : it->second; };
  if (get("db").empty() || get("username").empty()) { std::cerr << "Mangler --db og --username.\n" << kUserHelp; return 2; }
  auto db = bs::sqlite::Database::Open(get("db"));
  if (!db.ok()) { std::cerr << "Databasen kan ikke åbnes: " << db.error().message << "\n"; return 1; }
  bs::SqlitePlanStore store(**db);
  bs::SqlitePeopleStore people_store(**db);
  SystemClock clock;
  bs::SodiumPasswordHasher hasher;
  bs::SodiumTokenSource tokens;
  bs::PeopleService people(people_store, store, hasher, tokens, clock);
  std::string password;
  bool generated = get("password-stdin") != "1";
  if (generated) password = tokens.NewToken().substr(0, 20);
  else if (!std::getline(std::cin, password)) { std::cerr << "Ingen adgangskode på stdin.\n"; return 2; }
  auto report = [](const bs::Error& e) {
    std::cerr << e.message << "\n";
    for (const auto& f : e.fields) std::cerr << "  --" << f.field << ": " << f.message << "\n";
    return 1;
  };
  if (sub == "add") {
    bs::UserDraft d;
    d.username = get("username");
    d.name = get("name");
    d.departments = get("departments");
    for (const auto& r : bs::text::SplitTrimmed(get("roles"), ',')) d.roles.push_back(r);
    auto user = people.CreateUserFromCommandLine(d, password);
    if (!user.ok()) return report(user.error());
    std::cout << "Brugeren «" << user->username << "» (" << user->name << ") er oprettet.\n";
  } else {
    auto user = people.SetPasswordFromCommandLine(get("username"), password);
    if (!user.ok()) return report(user.error());
    std::cout << "Ny adgangskode sat for «" << user->username << "».\n";
  }
  if (generated) std::cout << "Adgangskode (vises kun nu): " << password << "\n";
  return 0;
}

// `report`: a report written to a file, for batch use (issue 11).
int ReportCommand(const std::string& kind_slug, const std::map<std::string, std::string>& flags) {
  auto get = [&](const char* k) { auto it = flags.find(k); return it == flags.end() ? std::string() : it->second; };
  const auto started = std::chrono::steady_clock::now();
  auto progress = [&](const std::string& what) {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (s > 0.5) std::cerr << what << " (" << static_cast<int>(s * 1000) << " ms)\n";
  };
  auto kind = bs::ParseReportKind(kind_slug);
  if (!kind) {
    std::cerr << "Ukendt rapport «" << kind_slug << "». Vælg en af: " << bs::ValidReportKinds() << ".\n";
    return 2;
  }
  auto format = bs::ParseReportFormat(get("format"));
  if (!format) {
    std::cerr << (get("format").empty() ? "Mangler --format." : "Ukendt format «" + get("format") + "».")
              << " Vælg et af: " << bs::ValidReportFormats() << ".\n";
    return 2;
  }
  long plan = 0;
  if (get("db").empty() || get("out").empty() || !ParseInt(get("plan"), 1, 999'999'999, &plan)) {
    std::cerr << "Mangler --db FIL, --plan ID eller --out FIL.\n" << kReportHelp;
    return 2;
  }
  bs::ReportRequest request;
  request.kind = *kind;
  request.plan = plan;
  request.basis = bs::ReportRequest::Basis::kLive;
  if (std::string v = get("version"); v == "latest") {
    request.basis = bs::ReportRequest::Basis::kLatest;
  } else if (!v.empty()) {
    long id = 0;
    if (!ParseInt(v, 1, 999'999'999, &id)) { std::cerr << "--version skal være en versions id eller latest.\n"; return 2; }
    request.basis = bs::ReportRequest::Basis::kVersion;
    request.version = id;
  }
  request.committee = get("committee");
  if (*kind == bs::ReportKind::kExtract && request.committee.empty()) {
    std::cerr << "extract kræver --committee KODE, fx --committee BUU.\n";
    return 2;
  }
  if (std::string m = get("month"); !m.empty()) {
    auto d = bs::Date::Parse("01-" + m);
    if (!d.ok()) { std::cerr << "--month skal være MM-ÅÅÅÅ, fx 04-2025.\n"; return 2; }
    request.month = *d;
  }
  std::string edition = get("edition");
  if (!edition.empty() && edition != "intern" && edition != "offentlig") {
    std::cerr << "--edition skal være intern eller offentlig.\n";
    return 2;
  }
  request.public_edition = edition == "offentlig";
  request.parts = bs::PartsFor(*format);
  std::string separator = get("separator");
  if (!separator.empty() && separator != "semicolon" && separator != "comma") {
    std::cerr << "--separator skal være semicolon eller comma.\n";
    return 2;
  }
  auto db = bs::sqlite::Database::Open(get("db"));
  if (!db.ok()) { std::cerr << "Databasen kan ikke åbnes: " << db.error().message << "\n"; return 1; }
  bs::SqlitePlanStore store(**db);
  SystemClock clock;
  bs::PlanRegister plans(store, clock);
  bs::RoundService rounds(store, plans, clock);
  bs::ReportService reports(store, plans, rounds, clock);
  progress("Planen er åbnet");
  auto report = reports.Build(bs::Viewer::CommandLine(), request);
  if (!report.ok()) { std::cerr << report.error().message << "\n"; return 1; }
  progress("Rapporten er dannet");
  bs::ReportFiles files;
  std::string bytes;
  switch (*format) {
    case bs::ReportFormat::kHtml: bytes = bs::web::views::ReportDocument(*report); break;
    case bs::ReportFormat::kCsv: bytes = files.Csv(*report, separator == "semicolon" ? ';' : ','); break;
    case bs::ReportFormat::kPdf:
    case bs::ReportFormat::kXlsx: {
      auto made = *format == bs::ReportFormat::kPdf ? files.Pdf(*report) : files.Xlsx(*report);
      if (!made.ok()) { std::cerr << made.error().message << "\n"; return 1; }
      bytes = std::move(*made);
      break;
    }
  }
  progress("Filen er dannet");
  std::ofstream out(get("out"), std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) { std::cerr << "Filen " << get("out") << " kunne ikke skrives.\n"; return 1; }
  std::cout << "Skrev «" << report->title << "» (" << report->basis << ") som " << bs::Slug(*format) << " til "
            << get("out") << ": " << bytes.size() << " byte.\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  std::map<std::string, std::string> flags;
  bool help = false;
  // The database, its -wal and -shm, backups and the lock file hold password hashes
  // and closed attachments: whatever this process creates is its own user's alone.
  ::umask(077);
  if (!bs::InitSodium()) { std::cerr << "libsodium kunne ikke startes.\n"; return 1; }
  if (command == "user") {
    if (argc < 3 || (std::strcmp(argv[2], "add") && std::strcmp(argv[2], "password"))) {
      std::cout << kUserHelp;
      return argc >= 3 && (!std::strcmp(argv[2], "--help") || !std::strcmp(argv[2], "-h")) ? 0 : 2;
    }
    if (!ParseFlags(argc, argv, 3, &flags, &help)) return 2;
    if (help) { std::cout << kUserHelp; return 0; }
    return UserCommand(argv[2], flags);
  }
  if (command == "report") {
    if (argc < 3 || !std::strcmp(argv[2], "--help") || !std::strcmp(argv[2], "-h")) {
      std::cout << kReportHelp;
      return argc < 3 ? 2 : 0;
    }
    if (!ParseFlags(argc, argv, 3, &flags, &help)) return 2;
    if (help) { std::cout << kReportHelp; return 0; }
    return ReportCommand(argv[2], flags);
  }
  if (command == "import") return bs::ImportCommand(argc, argv);
  if (command == "check-config") return CheckConfig(argc, argv);
  if (command == "backup" || command == "restore") {
    if (!ParseFlags(argc, argv, 2, &flags, &help)) return 2;
    if (help) { std::cout << kBackupHelp; return 0; }
    const char* file_flag = command == "backup" ? "to" : "from";
    auto file = flags.find(file_flag);
    if (file == flags.end() || file->second.empty()) {
      std::cerr << "Mangler --" << file_flag << " FIL.\n" << kBackupHelp;
      return 2;
    }
    std::string path = file->second;
    flags.erase(file);
    bs::Config config;
    if (!LoadConfig(flags, &config)) return 2;
    return command == "backup" ? bs::BackupCommand(config.database, path) : bs::RestoreCommand(path, config.database);
  }
  if (command != "serve" && command != "demo") {
    std::cerr << "Ukendt kommando: " << command << "\n" << kUsage;
    return 2;
  }
  if (!ParseFlags(argc, argv, 2, &flags, &help)) return 2;
  if (command == "serve") {
    if (help) { std::cout << kServeHelp; return 0; }
    return Serve(flags);
  }
  if (help) { std::cout << kDemoHelp; return 0; }
  return Demo(flags);
}
