#include "demo/demo_plan.h"

#include <cstdint>

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

// Seed 001: the cross-cutting items the directors follow monthly (with their codes).
struct ItemSeed {
  const char* category;
  const char* committee;
  const char* theme;
  const char* code;
  const char* title;
  const char* line;  // strategic line title or ""
};
constexpr ItemSeed kSeedItems[] = {
    {"operating", "ØK", "", "", "Effektiviseringsbidrag og novembergreb", ""},
    {"operating", "ØK", "", "", "Aktiv/helhedsorienteret indsats målrettet sygefravær generelt i kommunen", "Sygefravær"},
    {"operating", "ØK", "", "", "Ledelsesinformation generelt på hele kommunen", ""},
    {"operating", "EU", "", "", "Bosætningskampagne", ""},
    {"proposal", "ØK", "", "R101 (I)(B)", "Skriftlige fremstillinger", "Effektive arbejdsgange og generativ AI"},
    {"proposal", "ØK", "", "R001(I)(B)", "Aktindsigt", "Effektive arbejdsgange og generativ AI"},
    {"proposal", "ØK", "", "R002(I)(B)", "AI-hjælpeværktøj til skriftlig fremstilling", "Effektive arbejdsgange og generativ AI"},
    {"proposal", "MTU", "", "R003(I)(B)", "Flådestyring", "Flådestyring"},
    {"operating", "ØK", "", "", "Arbejde med kloge m2", "Kloge m2"},
    {"proposal", "BUU", "", "R307(B)", "Investering i fraværsindsatsen på BUU - besparelser på forsørgelsesudgifter", ""},
    {"proposal", "BUU", "", "R307(B)", "Investering i fraværsindsatsen - besparelser på sociale indsatser og anbringelser", ""},
    {"capital", "ØK", "", "", "Investering i analyse til brug for optimering af anvendelsen af kommunens bygninger", "Kloge m2"},
    {"proposal", "VPU", "", "R706", "Samling af demensindsatsen i Glesborg", ""},
    {"operating", "ØK", "", "", "Økonomisk prognose på myndighedsdelen på børneområdet samt på voksen-handicapområdet", ""},
    {"intent", "", "Sociale investeringer, Fremtidens velfærd, Skoler og dagtilbud", "", "De nationale reformer skal lande godt i Norddjurs", "De nationale reformer"},
    {"intent", "", "Norddjurs i bevægelse", "", "Norddjurs i bevægelse", ""},
    {"capital", "MTU", "", "", "Fjellerup Udvikling", ""},
    {"operating", "VPU", "", "", "Pulje til udvikling og velfærdsteknologi", ""},
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
  d.responsible = "Fagchef";
  d.director = "Fagdirektør";
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

ItemId FindByTitle(PlanService& plans, PlanId plan, const std::string& title) {
  ItemFilter f;
  f.query = title;
  auto page = plans.ListItems(plan, f);
  return page.ok() && !page->items.empty() ? page->items.front().id() : 0;
}

// A published status version and the status updates after it, so that the demo has a
// redline to show from the first run (invented, marked as demo in their text).
Status AddDemoHistory(PlanService& plans, PlanId plan) {
  (void)TRY(plans.PublishVersion(plan, {"Status pr. ultimo februar 2025", "28-02-2025", "Budgetopfølgning 1 pr. 28.02.2025"},
                                 "demo"));
  struct Update { const char* title; StatusDraft draft; };
  const Update updates[] = {
      {"Skriftlige fremstillinger",
       {"31-05-2025", "Økonomichef Bettina Andersen", "Skabeloner og vejledning er taget i brug i alle afdelinger (demo).",
        "done", "green", "", "", {{"2025", "-250"}}}},
      {"Bosætningskampagne",
       {"31-05-2025", "Erhvervschef (demo)", "Kampagnen er forsinket, fordi samarbejdet med boligselskaberne ikke er på plads.",
        "in_progress", "red", "raise", "Direktionen bedes afklare finansieringen af kampagnens anden fase.", {}}},
      {"Ledelsesinformation generelt",
       {"31-05-2025", "Økonomichef Bettina Andersen", "Første version af ledelsesinformationen er testet i to afdelinger (demo).",
        "in_progress", "green", "", "", {}}},
  };
  for (const auto& u : updates) {
    ItemId id = FindByTitle(plans, plan, u.title);
    if (!id) return Internal(std::string("demo: ") + u.title);
    PlanItem item = TRY(plans.GetItem(id));
    (void)TRY(plans.AddStatus(id, u.draft, item.revision(), plans.Meta(u.draft.author, "status")));
  }
  return OkStatus();
}

}  // namespace

Result<DemoReport> LoadDemo(PlanService& plans, int generated_items) {
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
      d.cross_cutting = true;
      d.strategic = s.line[0] != '\0';
      for (const auto& l : ctx.strategic_lines) if (l.title == s.line) d.strategic_line = std::to_string(l.id);
      d.status_text = "Tværgående indsats; direktionen følger status månedligt (seed 001).";
      d.process = "Fagcheferne giver status; direktørerne fremfører status for direktionen.";
      d.directors_role = "Direktionen er orienteret om status og om der er noget, der kræver hjælp og koordinering "
                         "for at sikre fortsat fremdrift.";
      d.responsible = "Økonomichef Bettina Andersen";
      d.director = "Fællesforvaltningsdirektør";
      d.political_treatment = "ØK: juni 2025";
      d.case_numbers = "24/7615";
      d.strategies = "Plan- og Udviklingsstrategi";
      (void)TRY(plans.CreateItem(plan.id(), d, plans.Meta("demo", "demo")));
      ++report.seed_items;
    }
    for (const auto& s : kInvented) {
      (void)TRY(plans.CreateItem(plan.id(), InventedDraft(s), plans.Meta("demo", "demo")));
      ++report.invented_items;
    }
    RETURN_IF_ERROR(AddDemoHistory(plans, plan.id()));
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
