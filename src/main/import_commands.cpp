#include "main/import_commands.h"

#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/agenda_import.h"
#include "app/meeting_service.h"
#include "app/people_service.h"
#include "app/plan_import.h"
#include "app/plan_service.h"
#include "crypto/sodium_crypto.h"
#include "importers/agenda/agenda_text.h"
#include "importers/agenda/agenda_text_reader.h"
#include "importers/agenda/kle_list.h"
#include "importers/plan_sheet/plan_sheet.h"
#include "importers/sheet/sheet.h"
#include "main/system_clock.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_meeting_store.h"
#include "storage/sqlite/sqlite_people_store.h"
#include "storage/sqlite/sqlite_plan_store.h"

namespace bs {
namespace {

constexpr const char* kImportHelp =
    "budgetspor import plan-sheet --db FIL --plan ID [--mapping FIL] [--dry-run] [--json] ARK\n"
    "budgetspor import realised   --db FIL --plan ID [--as-of DD-MM-ÅÅÅÅ] [--dry-run] [--json] ARK\n"
    "budgetspor import agenda-text [--layout NAVN] [--db FIL] --dry-run [--json] TEKSTFIL\n"
    "budgetspor import agenda-text [--layout NAVN] --db FIL --meeting ID [--dry-run] TEKSTFIL\n"
    "budgetspor import kle [--db FIL] --dry-run [--json] LISTE\n"
    "budgetspor import kle --db FIL LISTE\n"
    "\n"
    "plan-sheet  en udmøntningsplan som XLSX eller CSV: kolonnerne genkendes på de danske\n"
    "            overskrifter (se docs/import.md); --mapping FIL retter kortlægningen\n"
    "            ({\"columns\": {\"Overskrift\": \"felt\"}, \"committees\": {\"Navn\": \"KODE\" | \"new:KODE\"}}).\n"
    "            Den senest bekræftede kortlægning for samme overskriftsrække bruges igen.\n"
    "realised    realiserede beløb fra økonomisystemet (nøgle, år, beløb, evt. dato): en\n"
    "            statusopdatering pr. punkt, fundet ved punktets nøgler i økonomisystemet.\n"
    "agenda-text dagsordentekst udtrukket af PDF (som seeds). --dry-run alene viser det læste som JSON\n"
    "            (med --db: journalnumrene med titler fra KLE-listen i databasen). Med --meeting ID\n"
    "            gemmes punkterne i mødet: sager findes eller oprettes, punkterne sættes på\n"
    "            dagsordenen med deres afsnit, koblinger til planpunkter og mødets egen beslutning.\n"
    "            Punkter uden sagsnummer og sager, der allerede står på dagsordenen, springes over.\n"
    "kle         KLE-emnelisten (nummer og titel pr. linje). Uden --dry-run erstatter den hele\n"
    "            kommunens KLE-liste i databasen; afvises, hvis listen har fejl (advarsler er ok).\n"
    "            Derefter skal nye sagers KLE-numre findes i listen.\n"
    "--dry-run   viser, hvad der ville ske, og skriver intet. Uden: alt eller intet i én transaktion,\n"
    "            i historikken som import fra filen ved «budgetspor (kommandolinje)».\n"
    "--json      skriver resultatet som JSON på stdout (formatet i docs/import.md).\n"
    "Afslutter med 0 (også ved en prøvekørsel med problemer: de står i resultatet), 1 når\n"
    "importen afvises eller fejler, 2 ved forkerte argumenter. Fremdrift skrives på stderr.\n";

struct Args {
  std::string kind;
  std::map<std::string, std::string> flags;
  bool dry_run = false, json = false;
  std::string file;
};

bool ParseArgs(int argc, char** argv, Args* out) {
  static const std::set<std::string> valued = {"db", "plan", "mapping", "as-of", "layout", "meeting"};
  out->kind = argc > 2 ? argv[2] : "";
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dry-run") { out->dry_run = true; continue; }
    if (a == "--json") { out->json = true; continue; }
    if (a.rfind("--", 0) == 0) {
      if (!valued.count(a.substr(2)) || i + 1 >= argc) {
        std::cerr << "Ukendt eller ufuldstændigt argument: " << a << "\n";
        return false;
      }
      out->flags[a.substr(2)] = argv[++i];
      continue;
    }
    if (!out->file.empty()) { std::cerr << "Kun én fil ad gangen (" << a << ").\n"; return false; }
    out->file = a;
  }
  if (out->file.empty()) { std::cerr << "Mangler filen, der skal importeres.\n"; return false; }
  return true;
}

struct Progress {
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  void operator()(const std::string& what) const {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << what << " (" << static_cast<int>(s * 1000) << " ms)\n";
  }
};

Result<std::string> ReadFile(const std::string& path, size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("Filen " + path + " kan ikke åbnes.");
  in.seekg(0, std::ios::end);
  auto size = static_cast<size_t>(in.tellg());
  if (size > limit) return MakeError(ErrorCode::kTooLarge, "Filen " + path + " er større end " + std::to_string(limit / (1024 * 1024)) + " MB.");
  in.seekg(0);
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) return Internal("Filen " + path + " kunne ikke læses.");
  return bytes;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

int Fail(const Error& e) {
  std::cerr << e.message << "\n";
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.message << "\n";
  return 1;
}

void PrintProblems(const std::vector<ImportProblem>& problems) {
  for (const auto& p : problems) {
    std::cerr << "  ";
    if (p.row) std::cerr << "række " << p.row << (p.column.empty() ? "" : ", kolonne " + p.column) << ": ";
    std::cerr << p.message << "\n";
  }
}

// Opens the database and runs `body` with the import use cases.
template <typename Body>
int WithPlan(const Args& args, Body&& body) {
  long plan = 0;
  auto it = args.flags.find("plan");
  if (!args.flags.count("db") || it == args.flags.end() || it->second.empty() || it->second.size() > 9 ||
      it->second.find_first_not_of("0123456789") != std::string::npos || (plan = std::stol(it->second)) < 1) {
    std::cerr << "Mangler --db FIL og --plan ID.\n" << kImportHelp;
    return 2;
  }
  auto db = sqlite::Database::Open(args.flags.at("db"));
  if (!db.ok()) { std::cerr << "Databasen kan ikke åbnes: " << db.error().message << "\n"; return 1; }
  SqlitePlanStore store(**db);
  SystemClock clock;
  PlanRegister reg(store, clock);
  PlanService plans(reg);
  plan_sheet::SheetImportReader reader;
  PlanImportService imports(plans, reg, reader);
  return body(imports, static_cast<PlanId>(plan));
}

int PlanSheet(const Args& args) {
  Progress progress;
  return WithPlan(args, [&](PlanImportService& imports, PlanId plan) {
    Viewer v = Viewer::CommandLine();
    auto bytes = ReadFile(args.file, sheet::Limits{}.max_file_bytes);
    if (!bytes.ok()) return Fail(bytes.error());
    std::vector<std::string> mappings;
    if (auto it = args.flags.find("mapping"); it != args.flags.end()) {
      auto text = ReadFile(it->second, 1024 * 1024);
      if (!text.ok()) return Fail(text.error());
      mappings.push_back(*text);
    }
    std::string name = BaseName(args.file);
    auto done = imports.ImportSheet(v, plan, *bytes, name, mappings, !args.dry_run);
    if (!done.ok()) {
      // Refused for its problems: show them, as the dry run would.
      if (!args.dry_run && done.error().code == ErrorCode::kInvalidArgument && done.error().fields.empty())
        if (auto dry = imports.ImportSheet(v, plan, *bytes, name, mappings, false); dry.ok()) {
          if (args.json) std::cout << plan_sheet::ResultJson(dry->read, dry->result, dry->ctx) << "\n";
          PrintProblems(dry->result.problems);
        }
      return Fail(done.error());
    }
    const PlanImportResult& result = done->result;
    for (const auto& n : done->read.notes) std::cerr << n << "\n";
    progress(std::string(args.dry_run ? "Prøvekørslen er færdig" : "Importen er skrevet") + ": " +
             std::to_string(done->read.sheet_rows) + " rækker læst");
    if (args.json) std::cout << plan_sheet::ResultJson(done->read, result, done->ctx) << "\n";
    std::cerr << (args.dry_run ? "Prøvekørsel: " : "Importeret: ") << result.created << " oprettes, " << result.updated
              << " opdateres, " << result.unchanged << " uændrede, " << result.problems.size() << " problemer.\n";
    PrintProblems(result.problems);
    return 0;
  });
}

int Realised(const Args& args) {
  Progress progress;
  return WithPlan(args, [&](PlanImportService& imports, PlanId plan) {
    Viewer v = Viewer::CommandLine();
    std::optional<Date> as_of;
    if (auto it = args.flags.find("as-of"); it != args.flags.end()) {
      auto d = Date::Parse(it->second);
      if (!d.ok()) { std::cerr << "--as-of skal være en dato, fx 31-05-2025.\n"; return 2; }
      as_of = *d;
    }
    auto bytes = ReadFile(args.file, sheet::Limits{}.max_file_bytes);
    if (!bytes.ok()) return Fail(bytes.error());
    std::string name = BaseName(args.file);
    auto done = imports.ImportRealised(v, plan, *bytes, name, as_of, !args.dry_run);
    if (!done.ok()) {
      if (!args.dry_run && done.error().code == ErrorCode::kInvalidArgument && done.error().fields.empty())
        if (auto dry = imports.ImportRealised(v, plan, *bytes, name, as_of, false); dry.ok()) {
          if (args.json) std::cout << plan_sheet::RealisedJson(dry->read, dry->result) << "\n";
          PrintProblems(dry->result.problems);
        }
      return Fail(done.error());
    }
    const RealisedResult& result = done->result;
    for (const auto& n : done->read.notes) std::cerr << n << "\n";
    progress(args.dry_run ? "Prøvekørslen er færdig" : "Importen er skrevet");
    if (args.json) std::cout << plan_sheet::RealisedJson(done->read, result) << "\n";
    std::cerr << (args.dry_run ? "Prøvekørsel: " : "Importeret: ") << result.updated << " punkter får realiserede beløb pr. "
              << result.as_of.Short() << ", " << result.unchanged << " uændrede, " << result.unmatched.size()
              << " linjer uden punkt, " << result.problems.size() << " problemer.\n";
    for (const auto& l : result.unmatched)
      std::cerr << "  række " << l.row << ": nøglen «" << l.key << "» (" << l.year << ", " << l.amount.FormatTkr()
                << ") står ikke på noget punkt\n";
    PrintProblems(result.problems);
    return 0;
  });
}

// The meeting side over the database, as `budgetspor serve` builds it.
struct MeetingSide {
  std::unique_ptr<sqlite::Database> db;
  SystemClock clock;
  std::unique_ptr<SqlitePlanStore> plan_store;
  std::unique_ptr<SqlitePeopleStore> people_store;
  std::unique_ptr<SqliteMeetingStore> meeting_store;
  SodiumPasswordHasher hasher;
  SodiumTokenSource tokens;
  std::unique_ptr<PlanRegister> plans;
  std::unique_ptr<PeopleService> people;
  std::unique_ptr<MeetingService> meetings;

  static Result<std::unique_ptr<MeetingSide>> Open(const std::string& path) {
    auto side = std::make_unique<MeetingSide>();
    side->db = TRY(sqlite::Database::Open(path));
    side->plan_store = std::make_unique<SqlitePlanStore>(*side->db);
    side->people_store = std::make_unique<SqlitePeopleStore>(*side->db);
    side->meeting_store = std::make_unique<SqliteMeetingStore>(*side->db);
    side->plans = std::make_unique<PlanRegister>(*side->plan_store, side->clock);
    side->people = std::make_unique<PeopleService>(*side->people_store, *side->plan_store, side->hasher, side->tokens, side->clock);
    side->meetings = std::make_unique<MeetingService>(*side->meeting_store, *side->plans, *side->people, side->clock);
    return side;
  }
};

// Who writes meetings from the command line: the operator holding the database file
// (who could change the file anyway) acts as an administrator, named as the command line.
Viewer CommandLineAdministrator() {
  Viewer v = Viewer::CommandLine();
  v.user->roles.insert(Role::kAdministrator);
  return v;
}

int OpenFailed(const Error& e) {
  std::cerr << "Databasen kan ikke åbnes: " << e.message << "\n";
  return 1;
}

// The stored KLE list as the importer's, for the journal numbers' titles in the JSON.
kle_import::KleList AsKleList(const std::vector<KleEntry>& entries) {
  kle_import::KleList list;
  for (const auto& e : entries) {
    kle_import::Kind kind = e.kind == "main_group" ? kle_import::Kind::kMainGroup
                            : e.kind == "group"    ? kle_import::Kind::kGroup
                            : e.kind == "facet"    ? kle_import::Kind::kFacet
                                                   : kle_import::Kind::kSubject;
    list.index.emplace(e.number, list.entries.size());
    list.entries.push_back({e.number, e.title, kind, 0});
  }
  return list;
}

int AgendaDryRun(const Args& args, const std::string& text) {
  Progress progress;
  Result<agenda_import::AgendaImport> parsed = InvalidArgument("");
  if (auto it = args.flags.find("layout"); it != args.flags.end()) {
    const agenda_import::Layout* layout = agenda_import::FindLayout(it->second);
    if (!layout) { std::cerr << "Layoutet «" << it->second << "» findes ikke.\n"; return 2; }
    parsed = agenda_import::Parse(text, *layout);
  } else {
    parsed = agenda_import::ParseDetect(text);
  }
  if (!parsed.ok()) return Fail(parsed.error());
  std::vector<KleEntry> stored;
  if (auto db = args.flags.find("db"); db != args.flags.end()) {
    auto side = MeetingSide::Open(db->second);
    if (!side.ok()) return OpenFailed(side.error());
    auto entries = (*side)->meeting_store->KleEntries();
    if (!entries.ok()) return Fail(entries.error());
    stored = std::move(*entries);
  }
  kle_import::KleList list = AsKleList(stored);
  if (args.json)
    std::cout << (stored.empty() ? agenda_import::ToJson(*parsed) : agenda_import::ToJson(*parsed, kle_import::LookupIn(list)));
  progress("Prøvekørslen er færdig: " + std::to_string(parsed->lines) + " linjer læst med layoutet " + parsed->layout);
  std::cerr << "Prøvekørsel: " << parsed->items.size() << " punkter, " << parsed->unrecognised.size()
            << " linjer ikke genkendt.\n";
  for (const auto& u : parsed->unrecognised) std::cerr << "  linje " << u.line << ": " << u.reason << "\n";
  return 0;
}

int AgendaTextCommand(const Args& args) {
  auto text = ReadFile(args.file, agenda_import::kMaxTextBytes);
  if (!text.ok()) return Fail(text.error());
  if (!args.flags.count("meeting")) {
    if (!args.dry_run) { std::cerr << "Angiv --meeting ID for at gemme i et møde, eller --dry-run.\n" << kImportHelp; return 2; }
    return AgendaDryRun(args, *text);
  }
  const std::string& id = args.flags.at("meeting");
  if (!args.flags.count("db") || id.empty() || id.size() > 12 || id.find_first_not_of("0123456789") != std::string::npos) {
    std::cerr << "Mangler --db FIL og --meeting ID.\n" << kImportHelp;
    return 2;
  }
  Progress progress;
  auto side = MeetingSide::Open(args.flags.at("db"));
  if (!side.ok()) return OpenFailed(side.error());
  agenda_import::AgendaTextParser reader;
  AgendaImportService imports(*(*side)->meetings, *(*side)->meeting_store, *(*side)->plans, reader, (*side)->clock);
  std::string layout = args.flags.count("layout") ? args.flags.at("layout") : "";
  auto done = imports.Import(CommandLineAdministrator(), std::stoll(id), *text, layout, BaseName(args.file), !args.dry_run);
  if (!done.ok()) return Fail(done.error());
  const AgendaImportResult& r = *done;
  progress(std::string(r.applied ? "Importen er gemt" : "Prøvekørslen er færdig") + ": " + std::to_string(r.text.lines) +
           " linjer læst med layoutet " + r.text.layout);
  for (const auto& item : r.items) {
    std::cerr << "  " << (item.source.number ? std::to_string(*item.source.number) + ". " : "") << item.source.title << ": "
              << Label(item.action);
    if (!item.c.number.text.empty()) std::cerr << " (" << item.c.number.text << ")";
    std::cerr << "\n";
    for (const auto& n : item.notes) std::cerr << "    " << n.Located() << "\n";
  }
  for (const auto& u : r.text.unrecognised) std::cerr << "  linje " << u.line << " ikke genkendt: " << u.reason << "\n";
  std::cerr << (r.applied ? "Importeret: " : "Prøvekørsel: ") << r.added << " punkter sættes på dagsordenen, " << r.new_cases
            << " nye sager, " << r.decisions << " beslutninger, " << r.skipped << " sprunget over, " << r.problems.size()
            << " problemer.\n";
  for (const auto& p : r.problems) std::cerr << "  " << p.Located() << "\n";
  if (!args.dry_run && !r.applied) {
    std::cerr << "Intet er gemt: ret problemerne i teksten og importér igen.\n";
    return 1;
  }
  return 0;
}

int KleCommand(const Args& args) {
  Progress progress;
  auto bytes = ReadFile(args.file, kle_import::kMaxListBytes);
  if (!bytes.ok()) return Fail(bytes.error());
  auto list = kle_import::Parse(*bytes);
  if (!list.ok()) return Fail(list.error());
  size_t errors = 0, warnings = 0;
  for (const auto& p : list->problems) (p.warning ? warnings : errors)++;
  if (args.json) std::cout << kle_import::ToJson(*list);
  progress("KLE-listen er læst: " + std::to_string(list->entries.size()) + " numre");
  for (const auto& p : list->problems)
    std::cerr << "  linje " << p.line << (p.warning ? " (advarsel): " : ": ") << p.message << "\n";
  if (args.dry_run) {
    std::cerr << "Prøvekørsel: " << list->entries.size() << " numre, " << errors << " fejl, " << warnings << " advarsler.\n";
    return 0;
  }
  if (!args.flags.count("db")) { std::cerr << "Mangler --db FIL.\n" << kImportHelp; return 2; }
  if (errors) {
    std::cerr << "KLE-listen er ikke indlæst: den har " << errors << " fejl (se ovenfor). Intet er ændret.\n";
    return 1;
  }
  auto side = MeetingSide::Open(args.flags.at("db"));
  if (!side.ok()) return OpenFailed(side.error());
  std::vector<KleEntry> entries;
  for (const auto& e : list->entries) entries.push_back({e.number, e.title, kle_import::Slug(e.kind)});
  Status st = (*side)->meetings->ReplaceKle(CommandLineAdministrator(), entries, BaseName(args.file));
  if (!st.ok()) return Fail(st.error());
  progress("KLE-listen er indlæst");
  std::cerr << "Indlæst: " << entries.size() << " numre erstatter den tidligere KLE-liste, " << warnings << " advarsler.\n";
  return 0;
}

}  // namespace

int ImportCommand(int argc, char** argv) {
  if (argc < 3 || !std::strcmp(argv[2], "--help") || !std::strcmp(argv[2], "-h")) {
    std::cout << kImportHelp;
    return argc < 3 ? 2 : 0;
  }
  for (int i = 3; i < argc; ++i)
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) { std::cout << kImportHelp; return 0; }
  Args args;
  if (!ParseArgs(argc, argv, &args)) return 2;
  if (args.kind == "plan-sheet") return PlanSheet(args);
  if (args.kind == "realised") return Realised(args);
  if (args.kind == "agenda-text") return AgendaTextCommand(args);
  if (args.kind == "kle") return KleCommand(args);
  std::cerr << "Ukendt import «" << args.kind << "». Vælg plan-sheet, realised, agenda-text eller kle.\n" << kImportHelp;
  return 2;
}

}  // namespace bs
