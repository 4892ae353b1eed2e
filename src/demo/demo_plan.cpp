#include "demo/demo_plan.h"

#include <cstdint>
#include <set>

namespace bs::demo {
namespace {

struct BodySeed { const char* code; const char* name; bool owns_items; };
constexpr BodySeed kBodies[] = {
    {"KB", "Kommunalbestyrelsen", false},
    {"ØK", "Økonomiudvalget", true},
    {"BUU", "Børne- og Ungdomsudvalget", true},
    {"VPU", "Voksen- og Plejeudvalget", true},
    {"AU", "Arbejdsmarkedsudvalget", true},
    {"MTU", "Miljø- og Teknikudvalget", true},
    {"KFU", "Kultur- og Fritidsudvalget", true},
    {"EU", "Erhvervsudvalget", true},
    {"DIR", "Direktionen", false},
    {"HU", "Hovedudvalget", false},
};

// Seed 003: the themes that group the declarations of intent.
constexpr const char* kThemes[] = {
    "Økonomisk Politik",
    "Politiske visioner",
    "Sociale investeringer, Fremtidens velfærd, Skoler og dagtilbud",
    "Norddjurs i bevægelse",
    "Partnerskaber",
    "Vækst, erhverv og beskæftigelse",
    "Klima, miljø, natur og den grønne omstilling",
};

// Seed 000: the larger strategic cross-cutting subjects.
struct LineSeed { const char* title; const char* description; };
constexpr LineSeed kLines[] = {
    {"Kloge m2", "Arbejdet med kloge m2, som skaber de bedste rammer for borgere og ansatte og reducerer kapacitet og omkostninger."},
    {"Flådestyring", "Centraliseret flådestyring af kommunens køretøjer for at reducere CO2 og optimere drift, indkøb og kørsel."},
    {"Effektive arbejdsgange og generativ AI", "Effektiviseringer af arbejdsgange i administrationen, fx aktindsigt og generativ kunstig intelligens."},
    {"Natur og miljø", "Ressourcer til natur- og miljøområdet som følge af områdets stigende betydning og kompleksitet."},
    {"Sygefravær", "Aktiv og helhedsorienteret indsats målrettet sygefravær generelt i kommunen."},
    {"De nationale reformer", "De nationale reformer skal lande godt i Norddjurs."},
};

// Seed 001: the cross-cutting items the directors follow monthly (with their codes);
// seed 004 item 7: the items it lifts to ØK that seed 001 does not name. Their political
// treatment and status are the demo's reading of the seeds (seed 004 names the bodies
// and what is done or under way; the months are the demo's).
struct ItemSeed {
  const char* category;
  const char* committee;
  const char* theme;
  const char* code;
  const char* title;
  const char* line;        // strategic line title or ""
  bool cross_cutting;
  const char* treatment;
  const char* status;
};
constexpr ItemSeed kSeedItems[] = {
    {"operating", "ØK", "", "", "Effektiviseringsbidrag og novembergreb", "", true, "ordinær drift",
     "Effektiviseringsbidraget for 2025 er fordelt på fagområderne; novembergrebet følges i budgetopfølgningerne."},
    {"operating", "ØK", "", "", "Aktiv/helhedsorienteret indsats målrettet sygefravær generelt i kommunen", "Sygefravær", true,
     "ordinær drift", "Sygefraværet opgøres kvartalsvis, og indsatsen er i gang i alle forvaltninger."},
    {"operating", "ØK", "", "", "Ledelsesinformation generelt på hele kommunen", "", true, "ordinær drift",
     "Behovet for ledelsesinformation er kortlagt sammen med afdelingerne."},
    {"operating", "EU", "", "", "Bosætningskampagne", "", true, "EU: marts 2025",
     "Kampagnen planlægges sammen med boligselskaberne."},
    {"proposal", "ØK", "", "R101 (I)(B)", "Skriftlige fremstillinger", "Effektive arbejdsgange og generativ AI", true,
     "ordinær drift", "Skabeloner og vejledning til skriftlige fremstillinger er under udarbejdelse."},
    {"proposal", "ØK", "", "R001(I)(B)", "Aktindsigt", "Effektive arbejdsgange og generativ AI", true, "ordinær drift",
     "En fælles arbejdsgang for aktindsigt er beskrevet."},
    {"proposal", "ØK", "", "R002(I)(B)", "AI-hjælpeværktøj til skriftlig fremstilling", "Effektive arbejdsgange og generativ AI",
     true, "ordinær drift", "Værktøjet afprøves i to afdelinger."},
    {"proposal", "MTU", "", "R003(I)(B)", "Flådestyring", "Flådestyring", true, "MTU: februar 2025",
     "Flådestyringsenheden er etableret; registreringen af kommunens køretøjer er i gang."},
    {"operating", "ØK", "", "", "Arbejde med kloge m2", "Kloge m2", true, "ØK: august 2025\nKB: august 2025",
     "Arbejdet med kloge m2 og en vision for arbejdslivet er i gang."},
    {"proposal", "BUU", "", "R307(B)", "Investering i fraværsindsatsen på BUU - besparelser på forsørgelsesudgifter", "", true,
     "ordinær drift", "Fraværsindsatsen er i gang på skolerne."},
    {"proposal", "BUU", "", "R307(B)", "Investering i fraværsindsatsen - besparelser på sociale indsatser og anbringelser", "",
     true, "ordinær drift", "Indsatsen er i gang; effekten på anbringelserne følges."},
    {"capital", "ØK", "", "", "Investering i analyse til brug for optimering af anvendelsen af kommunens bygninger", "Kloge m2",
     true, "ordinær drift", "Analysen af bygningernes anvendelse er udbudt."},
    {"proposal", "VPU", "", "R706", "Samling af demensindsatsen i Glesborg", "", true, "VPU: marts 2025",
     "Knudepunktet ved Glesborg forberedes."},
    {"operating", "ØK", "", "", "Økonomisk prognose på myndighedsdelen på børneområdet samt på voksen-handicapområdet", "", true,
     "BUU: juni 2025\nVPU: juni 2025", "Prognosemodellen er opdateret med regnskab 2024."},
    {"intent", "", "Sociale investeringer, Fremtidens velfærd, Skoler og dagtilbud", "", "De nationale reformer skal lande godt i Norddjurs",
     "De nationale reformer", true, "ordinær drift", "Reformerne følges i de berørte forvaltninger."},
    {"intent", "", "Norddjurs i bevægelse", "", "Norddjurs i bevægelse", "", true, "ordinær drift",
     "Strategien for bevægelse udmøntes sammen med foreningerne."},
    {"capital", "MTU", "", "", "Fjellerup Udvikling", "", true, "ordinær drift", "Projektet er i dialog med borgerforeningen."},
    {"operating", "VPU", "", "", "Pulje til udvikling og velfærdsteknologi", "", true, "ordinær drift",
     "Puljen er åben for ansøgninger fra afdelingerne."},
    // Seed 004 item 7, the items it lifts to ØK beyond seed 001's list.
    {"operating", "ØK", "", "", "Omprioriteringsbidrag", "", false, "KB: april 2025",
     "Omprioriteringsbidraget forberedes til budgetforhandlingerne."},
    {"operating", "ØK", "", "", "Pulje til værn om servicerammen", "", false, "ØK: maj 2025",
     "Anvendelseskriterier for puljen forberedes."},
    {"operating", "BUU", "", "", "Sidste skoledag – evaluering", "", false, "BUU: august 2025",
     "Evalueringen af sidste skoledag gennemføres med skolerne."},
    {"operating", "BUU", "", "", "Taskforce udsatte unge", "", false, "BUU: september 2025",
     "Taskforcen er nedsat og arbejder med de første forløb."},
    {"operating", "AU", "", "", "Beskæftigelsesindsats – opfølgning på beskæftigelsesplan", "", false, "AU: august 2025",
     "Opfølgningen på beskæftigelsesplanen forberedes."},
};

// Invented, plausible items (marked demo) so every category and committee has some.
struct InventedSeed {
  const char* category; const char* committee; const char* theme; const char* code; const char* title;
  const char* state; const char* light; const char* timing; const char* treatment;
  int a1, a2, a3, a4;  // 1.000 kr. per year 2025-2028
  bool obs; const char* obs_note;
};
constexpr InventedSeed kInvented[] = {
    {"operating", "BUU", "", "", "Styrket sprogindsats i dagtilbud", "in_progress", "green", "marts 2025", "BUU: marts 2025", 1500, 1500, 1500, 1500, false, ""},
    {"operating", "BUU", "", "", "Tilpasning af åbningstider i daginstitutioner", "done", "green", "januar 2025", "ordinær drift", -400, -800, -800, -800, false, ""},
    {"capital", "BUU", "", "", "Udbygning af Auning Skole, etape 2", "in_progress", "yellow", "3. kvartal 2025", "BUU: august 2025\nØK: august 2025\nKB: august 2025", 4000, 12000, 0, 0, true, "Licitationen kom 18 % over budget. Direktionen skal drøfte finansieringen før udvalgsbehandlingen."},
    {"proposal", "BUU", "", "R311(B)", "Fælles kørselsordning for specialtilbud", "not_started", "", "2026", "BUU: februar 2026", 0, -600, -1200, -1200, false, ""},
    {"operating", "VPU", "", "", "Flere hverdagsrehabiliteringsforløb", "in_progress", "green", "april 2025", "VPU: april 2025", -500, -1000, -1000, -1000, false, ""},
    {"capital", "VPU", "", "", "Ombygning af plejecenter Solbakken", "not_started", "yellow", "2. kvartal 2026", "VPU: maj 2026\nKB: juni 2026", 0, 8000, 6000, 0, false, ""},
    {"proposal", "VPU", "", "R704(B)", "Nattevagter i bofællesskaber samles", "dropped", "", "", "VPU: marts 2025", 0, 0, 0, 0, false, ""},
    {"operating", "AU", "", "", "Virksomhedsrettet indsats for ledige over 50 år", "in_progress", "green", "maj 2025", "AU: maj 2025", 300, 300, 0, 0, false, ""},
    {"proposal", "AU", "", "R402(I)", "Digital jobsamtale som standard", "in_progress", "red", "juni 2025", "AU: juni 2025", -250, -500, -500, -500, true, "Systemleverandøren kan ikke levere før 2026; besparelsen i 2025 er usikker."},
    {"operating", "MTU", "", "", "Øget vejvedligehold på landevejene", "in_progress", "green", "2025", "ordinær drift", 2000, 2000, 2000, 2000, false, ""},
    {"capital", "MTU", "", "", "Cykelsti Grenaa–Trustrup", "not_started", "", "4. kvartal 2026", "MTU: oktober 2026\nKB: november 2026", 0, 5500, 5500, 0, false, ""},
    {"capital", "MTU", "", "", "Afledt drift af nyt rensningsanlæg", "done", "green", "januar 2025", "ordinær drift", 350, 350, 350, 350, false, ""},
    {"operating", "KFU", "", "", "Tilskud til lokale idrætsforeninger", "done", "green", "februar 2025", "KFU: februar 2025", 500, 500, 500, 500, false, ""},
    {"capital", "KFU", "", "", "Renovering af Grenaa Bibliotek", "in_progress", "yellow", "september 2025", "KFU: september 2025", 1200, 2500, 0, 0, false, ""},
    {"operating", "EU", "", "", "Erhvervsservice for iværksættere", "in_progress", "green", "2. kvartal 2025", "EU: juni 2025", 400, 400, 400, 400, false, ""},
    {"capital", "EU", "", "", "Byggemodning af erhvervsarealer ved Grenaa Havn", "not_started", "", "2027", "EU: marts 2027\nØK: april 2027\nKB: april 2027", 0, 0, 9000, 3000, false, ""},
    {"operating", "ØK", "", "", "Fælles indkøbsaftaler på tværs af forvaltninger", "in_progress", "green", "oktober 2025", "ØK: oktober 2025", -1000, -2000, -2000, -2000, false, ""},
    {"intent", "", "Økonomisk Politik", "", "Budgettet skal være i balance over perioden", "in_progress", "green", "2025", "ØK: august 2025", 0, 0, 0, 0, false, ""},
    {"intent", "", "Politiske visioner", "", "Visionsarbejde frem mod næste valgperiode", "not_started", "", "2026", "KB: januar 2026", 0, 0, 0, 0, false, ""},
    {"intent", "", "Partnerskaber", "", "Partnerskabet med Halmstad videreføres", "in_progress", "green", "2025", "ordinær drift", 0, 0, 0, 0, false, ""},
    {"intent", "", "Vækst, erhverv og beskæftigelse", "", "Analyse af kvalificeret arbejdskraft til virksomhederne", "not_started", "", "1. kvartal 2026", "EU: marts 2026\nAU: marts 2026", 0, 0, 0, 0, false, ""},
    {"intent", "", "Klima, miljø, natur og den grønne omstilling", "", "Klimahandlingsplanen følges op årligt", "done", "green", "december 2025", "MTU: december 2025", 0, 0, 0, 0, false, ""},
};

ItemDraft InventedDraft(const InventedSeed& s) {
  ItemDraft d;
  d.category = s.category;
  d.committee = s.committee;
  d.theme = s.theme;
  d.code = s.code;
  d.title = s.title;
  d.state = s.state;
  d.traffic_light = s.light;
  d.timing = s.timing;
  d.political_treatment = s.treatment;
  d.process = "Fagafdelingen udarbejder oplæg; udvalget behandler det som angivet.";
  d.status_text = "Opfølgning sker ved næste budgetopfølgning.";
  // Invented names, one responsible per committee (the head of BUU is the demo user).
  const std::string c = s.committee;
  d.responsible = c == "BUU" ? "Søren Dahl" : c == "VPU" ? "Ældrechef Hanne Kjær" : c == "AU" ? "Jobcenterchef Lars Munk"
                : c == "MTU" ? "Driftschef Anders Vinther" : c == "KFU" ? "Kulturchef Ida Friis"
                : c == "EU"  ? "Erhvervschef Jonas Vad" : c == "ØK" ? "Økonomichef Bettina Andersen"
                             : "Kommunaldirektør Jonas Kroustrup";
  d.director = c == "BUU" || c == "VPU" ? "Velfærdsdirektør" : c == "MTU" || c == "KFU" ? "Teknik- og miljødirektør"
                                                                                        : "Fællesforvaltningsdirektør";
  const int amounts[] = {s.a1, s.a2, s.a3, s.a4};
  for (int i = 0; i < 4; ++i)
    if (amounts[i]) d.amounts[std::to_string(2025 + i)] = Amount::FromKroner(int64_t{amounts[i]} * 1000).FormatTkr();
  d.obs = s.obs;
  d.obs_note = s.obs_note;
  d.demo = true;
  return d;
}

// Deterministic generator for benchmark items: spread over committees and categories.
ItemDraft GeneratedDraft(int n, const PlanContext& ctx) {
  static const char* kStates[] = {"not_started", "in_progress", "in_progress", "done", "dropped"};
  static const char* kLights[] = {"", "green", "green", "yellow", "red"};
  static const char* kVerbs[] = {"Analyse af", "Omlægning af", "Digitalisering af", "Samling af", "Styrkelse af", "Udbud af"};
  static const char* kObjects[] = {"hjemmeplejen", "skolernes IT", "rengøring", "kørsel", "vedligehold af veje",
                                   "ældreområdet", "dagtilbud", "bibliotekerne", "jobcentret", "bygningsdrift"};
  static const char* kMonths[] = {"januar", "februar", "marts", "april", "maj", "juni", "august", "september", "oktober", "november"};
  uint64_t x = 0x9E3779B97F4A7C15ull * static_cast<uint64_t>(n + 1);
  auto next = [&x] { x ^= x >> 33; x *= 0xff51afd7ed558ccdull; x ^= x >> 33; return x; };
  ItemDraft d;
  const Category cats[] = {Category::kOperating, Category::kProposal, Category::kCapital, Category::kIntent};
  Category cat = cats[n % 4];
  if (cat == Category::kIntent && ctx.themes.empty()) cat = Category::kOperating;
  d.category = Slug(cat);
  if (cat == Category::kIntent) d.theme = ctx.themes[next() % ctx.themes.size()].name;
  else d.committee = ctx.committees[(n / 4) % ctx.committees.size()].code;
  if (cat == Category::kProposal) d.code = "R" + std::to_string(1000 + n) + (n % 3 == 0 ? "(I)(B)" : "(B)");
  d.title = std::string(kVerbs[next() % 6]) + " " + kObjects[next() % 10] + " (nr. " + std::to_string(n) + ")";
  d.state = kStates[next() % 5];
  d.traffic_light = kLights[next() % 5];
  d.timing = std::string(kMonths[next() % 10]) + " " + std::to_string(2025 + static_cast<int>(next() % 4));
  d.political_treatment = next() % 3 == 0 ? "ordinær drift" : (d.committee.empty() ? "ØK" : d.committee) + ": " + d.timing;
  d.process = "Genereret punkt til belastningstest.";
  d.status_text = "Status følger ved næste budgetopfølgning.";
  d.responsible = "Fagchef " + std::to_string(next() % 40);
  d.director = "Direktør " + std::to_string(next() % 4);
  for (int y = 2025; y <= 2028; ++y)
    d.amounts[std::to_string(y)] = Amount::FromKroner(-static_cast<int64_t>(next() % 2000) * 1000).FormatTkr();
  d.cross_cutting = next() % 10 == 0;
  d.obs = next() % 25 == 0;
  if (d.obs) d.obs_note = "Kræver direktionens stillingtagen.";
  d.demo = true;
  return d;
}

ItemId FindByTitle(PlanRegister& plans, PlanId plan, const std::string& title) {
  ItemFilter f;
  f.query = title;
  auto page = plans.ListItems(plan, f);
  if (!page.ok()) return 0;
  for (const auto& i : page->items)
    if (i.data().title == title) return i.id();
  return page->items.empty() ? 0 : page->items.front().id();
}

// The demo acts as the people who would do it: økonomi opens and closes the round, a
// director highlights, the heads of department report (names as the demo users').
Viewer DemoPerson(const char* name, Role role) {
  Viewer v;
  User u;
  u.username = "demo";
  u.name = name;
  u.roles = {role};
  u.active = true;
  v.user = u;
  return v;
}

struct Update {
  const char* title;
  StatusDraft draft;
};

Status Report(PlanRegister& plans, PlanId plan, const Update& u) {
  ItemId id = FindByTitle(plans, plan, u.title);
  if (!id) return Internal(std::string("demo: ") + u.title);
  PlanItem item = TRY(plans.GetItem(id));
  StatusDraft d = u.draft;
  if (d.state.empty()) d.state = std::string(Slug(item.data().state));
  if (d.traffic_light.empty()) d.traffic_light = std::string(Slug(item.data().traffic_light));
  (void)TRY(plans.AddStatus(id, d, item.revision(), plans.Meta(d.author, "status")));
  return OkStatus();
}

// The history: a version in February, the directors' monthly status in April (seed 001),
// and the round "Halvårsstatus juni 2025" whose statuses, highlights (seed 004 item 7)
// and closing publish the version the half-yearly status to ØK is made from.
Status AddDemoHistory(PlanRegister& plans, RoundService& rounds, PlanId plan) {
  (void)TRY(plans.PublishVersion(plan, {"Status pr. ultimo februar 2025", "28-02-2025", "Budgetopfølgning 1 pr. 28.02.2025"},
                                 "demo"));
  const char* chief = "Økonomichef Bettina Andersen";
  // April: the monthly status of the cross-cutting items at DIR 02-04-2025.
  const Update april[] = {
      {"Effektiviseringsbidrag og novembergreb", {"01-04-2025", chief, "Effektiviseringsbidraget er udmøntet i alle forvaltninger; novembergrebet følges i budgetopfølgningerne.", "", "", "", "", {}}},
      {"Aktiv/helhedsorienteret indsats målrettet sygefravær generelt i kommunen", {"01-04-2025", "HR-chef Marianne Fisker", "Fraværssamtaler er indført i alle forvaltninger.", "", "", "", "", {}}},
      {"Aktindsigt", {"01-04-2025", chief, "Den fælles arbejdsgang for aktindsigt er i høring i afdelingerne.", "", "", "", "", {}}},
      {"Flådestyring", {"01-04-2025", "Driftschef Anders Vinther", "Alle køretøjer er registreret; kørselsdata indsamles.", "", "", "", "", {}}},
      {"Samling af demensindsatsen i Glesborg", {"01-04-2025", "Ældrechef Hanne Kjær", "Etableringen af knudepunkt ved Glesborg er planlagt; den fremtidige brug af Fuglsanggården afklares.", "", "yellow", "", "", {}}},
      {"Økonomisk prognose på myndighedsdelen på børneområdet samt på voksen-handicapområdet", {"01-04-2025", chief, "Prognosen viser et merforbrug på voksen-handicapområdet.", "", "yellow", "raise", "Prognosen viser merforbrug på voksen-handicapområdet; direktionen bedes drøfte tiltag før budgetopfølgning 2.", {}}},
      {"Bosætningskampagne", {"01-04-2025", "Erhvervschef Jonas Vad", "Kampagnens første fase er klar; samarbejdet med boligselskaberne aftales.", "", "", "", "", {}}},
  };
  for (const auto& u : april) RETURN_IF_ERROR(Report(plans, plan, u));

  const Viewer finance = DemoPerson("Mette Holm", Role::kFinance);
  const Viewer director = DemoPerson("Jens Kragh", Role::kDirector);
  auto round = TRY(rounds.Open(finance, plan, {kDemoRoundName, "31-05-2025", "Budgetopfølgning 2 pr. 31.05.2025"}));
  // May: the statuses of the round. Three items do not report (they stay "afventer status").
  const Update may[] = {
      {"Skriftlige fremstillinger", {"31-05-2025", chief, "Skabeloner og vejledning er taget i brug i alle afdelinger.", "done", "green", "", "", {{"2025", "-250"}}}},
      {"Bosætningskampagne", {"31-05-2025", "Erhvervschef Jonas Vad", "Kampagnen er forsinket, fordi samarbejdet med boligselskaberne ikke er på plads.", "in_progress", "red", "raise", "Direktionen bedes afklare finansieringen af kampagnens anden fase.", {}}},
      {"Ledelsesinformation generelt på hele kommunen", {"31-05-2025", chief, "Første version af ledelsesinformationen er testet i to afdelinger.", "", "green", "", "", {}}},
      {"Omprioriteringsbidrag", {"28-05-2025", chief, "KB har fastsat bidraget til 0,5 pct. som udgangspunkt for budgetforhandlingerne til budget 2026-2029.", "done", "green", "", "", {}}},
      {"Pulje til værn om servicerammen", {"28-05-2025", chief, "Økonomiudvalget har tiltrådt anvendelseskriterier for puljen til værn om servicerammen.", "", "green", "", "", {}}},
      {"Aktindsigt", {"26-05-2025", chief, "Ny arbejdsgang for aktindsigt er implementeret i alle afdelinger.", "", "green", "", "", {}}},
      {"Flådestyring", {"26-05-2025", "Driftschef Anders Vinther", "Kørselsdata viser besparelsespotentiale; første køretøjer udskiftes.", "", "green", "", "", {}}},
      {"Samling af demensindsatsen i Glesborg", {"27-05-2025", "Ældrechef Hanne Kjær", "Knudepunktet ved Glesborg etableres; den fremtidige brug af Fuglsanggården afklares.", "", "yellow", "", "", {}}},
      {"Investering i fraværsindsatsen på BUU - besparelser på forsørgelsesudgifter", {"27-05-2025", "Søren Dahl", "Fraværsindsatsen er i gang; opgørelsen af udviklingen af fravær i skolerne mangler.", "", "yellow", "", "", {{"2025", "-600"}}}},
      {"Arbejde med kloge m2", {"27-05-2025", chief, "Oplæg om kloge m2 og vision for arbejdslivet forelægges ØK og KB i august.", "", "green", "", "", {}}},
      {"Økonomisk prognose på myndighedsdelen på børneområdet samt på voksen-handicapområdet", {"30-05-2025", chief, "Prognosen præsenteres for BUU og VPU i juni.", "", "yellow", "", "", {}}},
      {"Sidste skoledag – evaluering", {"26-05-2025", "Søren Dahl", "Evalueringen er gennemført og forelægges BUU i august.", "", "green", "", "", {}}},
      {"Taskforce udsatte unge", {"26-05-2025", "Søren Dahl", "Status på projektet forelægges BUU i september.", "", "green", "", "", {}}},
      {"Beskæftigelsesindsats – opfølgning på beskæftigelsesplan", {"27-05-2025", "Jobcenterchef Lars Munk", "Opfølgningen på beskæftigelsesplanen forelægges AU i august.", "", "green", "", "", {}}},
      {"Fælles indkøbsaftaler på tværs af forvaltninger", {"28-05-2025", chief, "Besparelsen i 2025 bliver mindre, fordi to udbud er forsinket.", "", "yellow", "", "", {{"2025", "-700"}}}},
      {"Udbygning af Auning Skole, etape 2", {"28-05-2025", "Søren Dahl", "Licitationen er afsluttet; merudgiften i 2025 finansieres af anlægsrammen.", "", "yellow", "", "", {{"2025", "4.700"}, {"2026", "12.400"}}}},
      {"Digital jobsamtale som standard", {"28-05-2025", "Jobcenterchef Lars Munk", "Leverandøren leverer først i 2026; besparelsen i 2025 udebliver.", "", "red", "", "", {{"2025", "0"}}}},
      {"Flere hverdagsrehabiliteringsforløb", {"27-05-2025", "Ældrechef Hanne Kjær", "Forløbene er i gang som planlagt.", "", "green", "", "", {{"2025", "-500"}}}},
      {"Styrket sprogindsats i dagtilbud", {"26-05-2025", "Søren Dahl", "Sprogvurderingerne er gennemført i alle dagtilbud.", "", "green", "", "", {}}},
  };
  for (const auto& u : may) RETURN_IF_ERROR(Report(plans, plan, u));
  // Every other item taking part reports "as planned", but three, which stay without.
  const std::set<std::string> silent = {"Fjellerup Udvikling", "Cykelsti Grenaa–Trustrup", "Analyse af kvalificeret arbejdskraft til virksomhederne"};
  std::set<std::string> reported;
  for (const auto& u : may) reported.insert(u.title);
  for (const auto& item : TRY(plans.ListItems(plan, ItemFilter{})).items) {
    const ItemData& d = item.data();
    if (!TakesPart(d, false) || reported.count(d.title) || silent.count(d.title)) continue;
    Update u{d.title.c_str(), {"30-05-2025", d.responsible.empty() ? chief : d.responsible.c_str(),
                               "Fremdrift som planlagt; ingen ændringer siden sidste status.", "", "", "", "", {}}};
    RETURN_IF_ERROR(Report(plans, plan, u));
  }
  // The directors lift to ØK what seed 004 item 7 lists, with the seed's words as reasons.
  const std::pair<const char*, const char*> highlights[] = {
      {"Omprioriteringsbidrag", "KB har fastsat bidraget til 0,5 pct. som udgangspunkt for budgetforhandlingerne til budget 2026-2029"},
      {"Pulje til værn om servicerammen", "Økonomiudvalget har tiltrådt anvendelseskriterier for puljen til værn om servicerammen"},
      {"Skriftlige fremstillinger", "Følges ved direktionens månedlige status"},
      {"Aktindsigt", "Følges ved direktionens månedlige status"},
      {"Samling af demensindsatsen i Glesborg", "Etablering af knudepunkt ved Glesborg samt fremtidig brug af Fuglsanggården"},
      {"Investering i fraværsindsatsen på BUU - besparelser på forsørgelsesudgifter", "Der mangler opgørelse af udviklingen af fravær i skolerne"},
      {"Bosætningskampagne", "Følges ved direktionens månedlige status"},
      {"Flådestyring", "Følges ved direktionens månedlige status"},
      {"Arbejde med kloge m2", "Herunder vision for arbejdslivet (ØK, KB)"},
      {"Sidste skoledag – evaluering", "Evaluering (BUU)"},
      {"Taskforce udsatte unge", "Status på projektet for BUU"},
      {"Økonomisk prognose på myndighedsdelen på børneområdet samt på voksen-handicapområdet", "Præsenteres for BUU og VPU"},
      {"Beskæftigelsesindsats – opfølgning på beskæftigelsesplan", "Opfølgning på beskæftigelsesplan (AU)"},
  };
  for (const auto& [title, reason] : highlights) {
    ItemId id = FindByTitle(plans, plan, title);
    if (!id) return Internal(std::string("demo: ") + title);
    RETURN_IF_ERROR(rounds.SetHighlight(director, round.id, id, reason, false));
  }
  (void)TRY(rounds.Close(finance, round.id, true));
  return OkStatus();
}

}  // namespace

Result<DemoReport> LoadDemo(PlanRegister& plans, RoundService& rounds, int generated_items) {
  DemoReport report;
  for (const auto& b : kBodies) {
    Body body = TRY(Body::Create(b.code, b.name, b.owns_items, static_cast<int>(&b - kBodies)));
    RETURN_IF_ERROR(plans.UpsertBody(body, "demo"));
  }
  auto existing = TRY(plans.ListPlans());
  for (const auto& p : existing) if (p.name() == kDemoPlanName) report.plan_id = p.id();
  if (!report.plan_id) {
    PlanDraft draft{kDemoPlanName, "Budget 2025-2028", "2025", "2028",
                    "Udmøntningsplanen er dynamisk og bliver løbende ajourført. De anførte tidspunkter i planen er "
                    "vejledende, og kan blive justeret."};
    Plan plan = TRY(plans.CreatePlan(draft, "demo", "demo"));
    report.plan_id = plan.id();
    report.created_plan = true;
    int order = 0;
    for (const char* t : kThemes) (void)TRY(plans.AddTheme(plan.id(), t, order++, "demo"));
    order = 0;
    for (const auto& l : kLines) (void)TRY(plans.AddStrategicLine(plan.id(), l.title, l.description, order++, "demo"));
    PlanContext ctx = TRY(plans.Context(plan.id()));
    for (const auto& s : kSeedItems) {
      ItemDraft d;
      d.category = s.category;
      d.committee = s.committee;
      d.theme = s.theme;
      d.code = s.code;
      d.title = s.title;
      d.state = "in_progress";
      d.traffic_light = "green";
      d.cross_cutting = s.cross_cutting;
      d.strategic = s.line[0] != '\0';
      for (const auto& l : ctx.strategic_lines) if (l.title == s.line) d.strategic_line = std::to_string(l.id);
      d.status_text = s.status;
      d.process = s.cross_cutting ? "Fagcheferne giver status; direktørerne fremfører status for direktionen."
                                  : "Fagafdelingen forbereder sagen til den politiske behandling.";
      d.directors_role = "Direktionen er orienteret om status og om der er noget, der kræver hjælp og koordinering "
                         "for at sikre fortsat fremdrift.";
      d.responsible = "Økonomichef Bettina Andersen";
      d.director = "Fællesforvaltningsdirektør";
      d.political_treatment = s.treatment;
      d.case_numbers = s.cross_cutting ? "24/7615" : "";
      d.strategies = "Plan- og Udviklingsstrategi";
      (void)TRY(plans.CreateItem(plan.id(), d, plans.Meta("demo", "demo")));
      ++report.seed_items;
    }
    for (const auto& s : kInvented) {
      (void)TRY(plans.CreateItem(plan.id(), InventedDraft(s), plans.Meta("demo", "demo")));
      ++report.invented_items;
    }
    RETURN_IF_ERROR(plans.SetMunicipalityName(kDemoMunicipality, "demo"));
    RETURN_IF_ERROR(AddDemoHistory(plans, rounds, plan.id()));
  }
  if (generated_items > 0) {
    PlanContext ctx = TRY(plans.Context(report.plan_id));
    auto page = TRY(plans.ListItems(report.plan_id, ItemFilter{}));
    int start = static_cast<int>(page.total);
    for (int i = 0; i < generated_items; ++i) {
      (void)TRY(plans.CreateItem(ctx, GeneratedDraft(start + i, ctx), plans.Meta("demo", "demo")));
      ++report.generated_items;
    }
  }
  return report;
}

}  // namespace bs::demo
