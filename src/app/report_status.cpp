// The half-yearly status to ØK and the directors' monthly status (issue 11; seeds 000,
// 001 and 004 item 7).
#include <algorithm>
#include <map>
#include <unordered_map>

#include "app/report_builders.h"
#include "app/report_tables.h"
#include "core/text.h"
#include "domain/plan/redline.h"

namespace bs::report {
namespace {

constexpr const char* kListDone = "Følgende emner er gennemført eller i gang";
constexpr const char* kListMonthly = "Følgende emner har fokus ved Direktionens månedlige status";
constexpr const char* kListComing = "Følgende emner står foran politisk behandling";

std::string Percent(int part, int whole) {
  if (whole <= 0) return "0 %";
  return std::to_string((part * 100 + whole / 2) / whole) + " %";
}

std::string CommitteeKey(const ItemData& d) { return d.category == Category::kIntent ? "" : d.committee; }

// Columns of the short item lists (OBS points, highlights, overdue items).
std::vector<Column> ShortColumns(std::vector<std::string> extra) {
  std::vector<Column> cols = {{"Kode", ColumnKind::kText, 0, 0.8, false},
                              {"Emne", ColumnKind::kText, 0, 3, false},
                              {"Udvalg eller tema", ColumnKind::kText, 0, 1.4, false},
                              {"Fremdrift", ColumnKind::kText, 0, 0.9, false},
                              {"Trafiklys", ColumnKind::kText, 0, 0.9, false}};
  for (auto& e : extra) cols.push_back({std::move(e), ColumnKind::kText, 0, 2.4, false});
  return cols;
}

Row ShortRow(const PlanContext& ctx, const PlanItem& item, std::vector<Cell> extra) {
  const ItemData& d = item.data();
  Row row;
  row.item = item.id();
  row.done = d.state == ProgressState::kDone;
  row.obs = d.obs;
  row.cells.push_back(TextCell(d.code ? d.code->text() : ""));
  row.cells.push_back(TextCell(d.title, RunStyle::kStrong));
  row.cells.push_back(TextCell(GroupLabel(ctx, d)));
  row.cells.push_back(TextCell((row.done ? "X " : "") + std::string(Label(d.state))));
  row.cells.push_back(TextCell(d.traffic_light == TrafficLight::kNone ? "" : std::string(Label(d.traffic_light))));
  for (auto& c : extra) row.cells.push_back(std::move(c));
  return row;
}

Table MakeTable(std::string id, std::string caption, std::vector<Column> cols, std::string empty) {
  Table t;
  t.id = std::move(id);
  t.caption = std::move(caption);
  t.sheet = SheetName(t.caption);
  t.columns = std::move(cols);
  t.empty_text = std::move(empty);
  return t;
}

// ---- Summary ------------------------------------------------------------------------

// Counts of one group of items: per state, per traffic light, in all.
struct Tally {
  std::map<ProgressState, int> states;
  std::map<TrafficLight, int> lights;
  int total = 0;
  void Add(const ItemData& d) {
    ++states[d.state];
    ++lights[d.traffic_light];
    ++total;
  }
};
constexpr TrafficLight kLightOrder[] = {TrafficLight::kGreen, TrafficLight::kYellow, TrafficLight::kRed, TrafficLight::kNone};

void Summary(const Basis& b, Report& r) {
  r.blocks.push_back(Heading("Sammenfatning", "sammenfatning"));
  // One pass: the plan, each category and each committee (declarations of intent as one).
  Tally all;
  std::map<Category, Tally> per_category;
  std::map<std::string, Tally> per_group;  // committee code; "" for declarations of intent
  int obs = 0, overdue = 0, awaiting = 0;
  for (const auto& i : b.items) {
    const ItemData& d = i.data();
    all.Add(d);
    per_category[d.category].Add(d);
    if (d.category == Category::kIntent || !d.committee.empty()) per_group[CommitteeKey(d)].Add(d);
    obs += d.obs;
    overdue += IsOverdue(d, b.as_of);
    if (b.open_round) awaiting += b.open_round->awaiting.count(i.id());
  }
  std::string line = std::to_string(b.items.size()) + " punkter: " + std::to_string(all.states[ProgressState::kDone]) +
                     " afsluttet, " + std::to_string(all.states[ProgressState::kInProgress]) + " i gang, " +
                     std::to_string(all.states[ProgressState::kNotStarted]) + " ikke startet og " +
                     std::to_string(all.states[ProgressState::kDropped]) + " udgået. " + std::to_string(obs) +
                     " med OBS-punkt; " + std::to_string(overdue) + " efter det vejledende tidspunkt.";
  if (b.open_round)
    line += " " + std::to_string(awaiting) +
            (b.open_round->round.open() ? " afventer status i den åbne runde." : " gav ingen status i runden.");
  r.blocks.push_back(Text(line));

  // Counts per category: state and traffic light.
  std::vector<Column> cols = {{"Kategori", ColumnKind::kText, 0, 2, false}};
  for (ProgressState s : kAllStates) cols.push_back({std::string(Label(s)), ColumnKind::kCount, 0, 1, false});
  for (TrafficLight l : kLightOrder)
    cols.push_back({l == TrafficLight::kNone ? "Uden trafiklys" : std::string(LightWord(l)).insert(0, "Trafiklys "),
                    ColumnKind::kCount, 0, 1, false});
  cols.push_back({"I alt", ColumnKind::kCount, 0, 0.8, false});
  Table t = MakeTable("fremdrift-kategori", "Fremdrift og trafiklys pr. kategori", cols, "Planen har ingen punkter.");
  auto tally_row = [](const std::string& label, Tally& n, RowKind kind) {
    Row row;
    row.kind = kind;
    row.cells.push_back(TextCell(label, kind == RowKind::kTotal ? RunStyle::kStrong : RunStyle::kNormal));
    for (ProgressState st : kAllStates) row.cells.push_back(CountCell(n.states[st]));
    for (TrafficLight li : kLightOrder) row.cells.push_back(CountCell(n.lights[li]));
    row.cells.push_back(CountCell(n.total));
    return row;
  };
  for (Category c : kAllCategories)
    if (auto it = per_category.find(c); it != per_category.end())
      t.rows.push_back(tally_row(std::string(PluralLabel(c)), it->second, RowKind::kData));
  if (!b.items.empty()) t.rows.push_back(tally_row("I alt", all, RowKind::kTotal));

  // Progress per committee: a stacked bar of states and one of traffic lights, with the
  // same counts in a table.
  std::vector<std::pair<std::string, std::string>> groups;  // key, label
  for (const auto& body : b.ctx.committees) groups.push_back({body.code, body.code});
  groups.push_back({"", "Hensigtserklæringer"});
  Table per = MakeTable("fremdrift-udvalg", "Fremdrift og trafiklys pr. udvalg", cols, "Planen har ingen punkter.");
  per.columns[0].label = "Udvalg";
  Chart state_chart, light_chart;
  state_chart.kind = light_chart.kind = Chart::Kind::kStackedBars;
  state_chart.title = "Fremdrift pr. udvalg";
  state_chart.description = "Antal punkter pr. udvalg fordelt på fremdrift. Tallene står i tabellen «Fremdrift og trafiklys pr. udvalg».";
  light_chart.title = "Trafiklys pr. udvalg";
  light_chart.description = "Antal punkter pr. udvalg fordelt på trafiklys. Tallene står i samme tabel.";
  state_chart.unit = light_chart.unit = "punkter";
  state_chart.table_id = light_chart.table_id = per.id;
  const char* state_css[] = {"state-not_started", "state-in_progress", "state-done", "state-dropped"};
  const char* light_css[] = {"light-green", "light-yellow", "light-red", "light-none"};
  int k = 0;
  for (ProgressState s : kAllStates) state_chart.series.push_back({std::string(Label(s)), state_css[k++], {}});
  k = 0;
  for (TrafficLight l : kLightOrder)
    light_chart.series.push_back({l == TrafficLight::kNone ? "Uden trafiklys" : std::string(Label(l)), light_css[k++], {}});
  for (const auto& [key, label] : groups) {
    auto it = per_group.find(key);
    if (it == per_group.end() || !it->second.total) continue;
    Tally& n = it->second;
    state_chart.categories.push_back(label);
    light_chart.categories.push_back(label);
    k = 0;
    for (ProgressState st : kAllStates) state_chart.series[k++].values.push_back(n.states[st]);
    k = 0;
    for (TrafficLight li : kLightOrder) light_chart.series[k++].values.push_back(n.lights[li]);
    per.rows.push_back(tally_row(label, n, RowKind::kData));
  }
  r.blocks.push_back(TableBlock(std::move(t)));
  if (!state_chart.categories.empty()) {
    r.blocks.push_back(ChartBlock(std::move(state_chart)));
    r.blocks.push_back(ChartBlock(std::move(light_chart)));
  }
  r.blocks.push_back(TableBlock(std::move(per)));

  r.blocks.push_back(Heading("Punkter efter det vejledende tidspunkt", "overskredet", 2));
  Table late = MakeTable("overskredet", "Punkter efter det vejledende tidspunkt", ShortColumns({"Tidspunkt"}),
                         "Ingen punkter er efter deres vejledende tidspunkt.");
  for (const auto& i : b.items)
    if (IsOverdue(i.data(), b.as_of)) late.rows.push_back(ShortRow(b.ctx, i, {TextCell(i.data().timing.Display())}));
  r.blocks.push_back(TableBlock(std::move(late)));
}

// ---- The three lists of seed 004 item 7 -----------------------------------------------

enum class ListKind { kDone, kMonthly, kComing };

bool HasComingStep(const ItemData& d, const Date& as_of) {
  return std::any_of(d.treatment.steps.begin(), d.treatment.steps.end(),
                     [&](const TreatmentStep& s) { return IsComing(s.when, as_of); });
}

// Where a highlighted item goes: about to be treated politically first (seed 004 puts
// "Arbejde med kloge m2" there although it is cross-cutting), then the cross-cutting
// items the directors follow monthly, then what is done or under way.
ListKind Place(const ItemData& d, const Date& as_of) {
  if (HasComingStep(d, as_of)) return ListKind::kComing;
  if (d.cross_cutting) return ListKind::kMonthly;
  return ListKind::kDone;
}

Cell ReasonCell(const HighlightView* h) {
  if (!h) return TextCell("");
  if (h->reason_hidden) return TextCell("(intern begrundelse)", RunStyle::kMuted);
  return TextCell(h->highlight.reason);
}

void ComingRows(const Basis& b, Table& t, const std::vector<std::pair<const PlanItem*, const HighlightView*>>& items) {
  // Grouped by body (in the municipality's order) and month (seed 004: "(ØK, KB)").
  struct Entry { int body_order; int month; std::string when; const PlanItem* item; const HighlightView* h; };
  std::vector<Entry> entries;
  std::map<std::string, int> order;
  for (size_t i = 0; i < b.ctx.bodies.size(); ++i) order[b.ctx.bodies[i].code] = static_cast<int>(i);
  for (const auto& [item, h] : items)
    for (const auto& step : item->data().treatment.steps)
      if (IsComing(step.when, b.as_of))
        entries.push_back({order.count(step.body) ? order[step.body] : 999, step.when.SortKey(), step.when.Display(), item, h});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& c) {
    return std::tie(a.body_order, a.month) < std::tie(c.body_order, c.month);
  });
  int last_body = -1;
  for (const auto& e : entries) {
    if (e.body_order != last_body) {
      last_body = e.body_order;
      Row heading;
      heading.kind = RowKind::kHeading;
      heading.level = 2;
      heading.cells.resize(t.columns.size());
      const Body* body = e.body_order < static_cast<int>(b.ctx.bodies.size()) ? &b.ctx.bodies[e.body_order] : nullptr;
      heading.cells[0] = TextCell(body ? body->name + " (" + body->code + ")" : "Andet organ", RunStyle::kStrong);
      t.rows.push_back(std::move(heading));
    }
    const ItemData& d = e.item->data();
    Row row;
    row.item = e.item->id();
    row.done = d.state == ProgressState::kDone;
    row.obs = d.obs;
    const Body* body = e.body_order < static_cast<int>(b.ctx.bodies.size()) ? &b.ctx.bodies[e.body_order] : nullptr;
    row.cells.push_back(TextCell(body ? body->code : ""));
    row.cells.push_back(TextCell(e.when));
    row.cells.push_back(TextCell(d.code ? d.code->text() : ""));
    row.cells.push_back(TextCell(d.title, RunStyle::kStrong));
    row.cells.push_back(TextCell(d.treatment.Summary()));
    row.cells.push_back(ReasonCell(e.h));
    t.rows.push_back(std::move(row));
  }
}

std::vector<Column> ComingColumns() {
  return {{"Organ", ColumnKind::kText, 0, 0.7, false},  {"Hvornår", ColumnKind::kText, 0, 1, false},
          {"Kode", ColumnKind::kText, 0, 0.8, false},   {"Emne", ColumnKind::kText, 0, 3, false},
          {"Politisk behandling", ColumnKind::kText, 0, 1.6, false}, {"Begrundelse", ColumnKind::kText, 0, 2.2, false}};
}

void Lists(const Basis& b, const HalfYearData& d, Report& r) {
  r.blocks.push_back(Heading("Emner der fremhæves for ØK", "fremhaeves"));
  std::unordered_map<ItemId, const HighlightView*> highlighted;
  for (const auto& h : d.highlights) highlighted[h.item.id()] = &h;
  std::unordered_map<ItemId, const PlanItem*> before;
  for (const auto& i : *d.previous_items) before[i.id()] = &i;
  std::vector<std::pair<const PlanItem*, const HighlightView*>> lists[3];
  const bool chosen = !d.highlights.empty();
  for (const auto& item : b.items) {
    const ItemData& x = item.data();
    if (chosen) {
      auto it = highlighted.find(item.id());
      if (it == highlighted.end()) continue;
      lists[static_cast<int>(Place(x, b.as_of))].push_back({&item, it->second});
      continue;
    }
    // Nothing chosen: every item that meets each list's criterion.
    auto was = before.find(item.id());
    bool progressed = (x.state == ProgressState::kDone || x.state == ProgressState::kInProgress) &&
                      (was == before.end() ? d.previous.has_value() || x.state == ProgressState::kDone
                                           : was->second->data().state != x.state);
    if (progressed) lists[0].push_back({&item, nullptr});
    if (x.cross_cutting && x.state != ProgressState::kDone && x.state != ProgressState::kDropped)
      lists[1].push_back({&item, nullptr});
    if (HasComingStep(x, b.as_of)) lists[2].push_back({&item, nullptr});
  }
  if (chosen)
    r.blocks.push_back(Text("Direktionen har fremhævet " + std::to_string(d.highlights.size()) +
                            (d.highlights.size() == 1 ? " emne" : " emner") + " for ØK" +
                            (d.round ? " i statusrunden «" + d.round->name + "»" : std::string()) +
                            ". De står i listen, der passer til dem."));
  else
    r.blocks.push_back(Text("Ingen emner er fremhævet for ØK" + (d.round ? " i statusrunden «" + d.round->name + "»" : std::string()) +
                                ". Listerne viser derfor alle emner, der opfylder listens kriterium: gennemført eller påbegyndt "
                                "siden forrige version; tværgående og ikke afsluttet; politisk behandling inden for seks måneder.",
                            RunStyle::kEmphasis));
  const char* titles[] = {kListDone, kListMonthly};
  const char* ids[] = {"gennemfoert", "maanedlig"};
  for (int i = 0; i < 2; ++i) {
    r.blocks.push_back(Heading(titles[i], ids[i], 2));
    Table t = MakeTable(ids[i], titles[i], ShortColumns({"Begrundelse"}), "Ingen emner i listen.");
    t.sheet = SheetName(i == 0 ? "Gennemført eller i gang" : "Månedlig status");
    for (const auto& [item, h] : lists[i]) t.rows.push_back(ShortRow(b.ctx, *item, {ReasonCell(h)}));
    r.blocks.push_back(TableBlock(std::move(t)));
  }
  r.blocks.push_back(Heading(kListComing, "politisk-behandling", 2));
  Table coming = MakeTable("politisk-behandling", kListComing, ComingColumns(), "Ingen emner i listen.");
  coming.sheet = "Foran politisk behandling";
  ComingRows(b, coming, lists[2]);
  r.blocks.push_back(TableBlock(std::move(coming)));
}

// ---- OBS points and highlights ----------------------------------------------------------

void ObsAndHighlights(const Basis& b, const HalfYearData& d, Report& r) {
  r.blocks.push_back(Heading("OBS-punkter", "obs"));
  Table obs = MakeTable("obs-punkter", "OBS-punkter", ShortColumns({"OBS-punkt"}), "Ingen punkter har et OBS-punkt.");
  for (const auto& i : b.items) {
    if (!i.data().obs) continue;
    Runs note = {{"OBS-punkt", RunStyle::kObs}};
    if (!i.data().obs_note.empty()) note = {{i.data().obs_note, RunStyle::kObs}};  // internal: emptied for the public
    obs.rows.push_back(ShortRow(b.ctx, i, {RunsCell(note)}));
  }
  r.blocks.push_back(TableBlock(std::move(obs)));

  r.blocks.push_back(Heading("Fremhævet af direktionen", "fremhaevet"));
  std::vector<std::string> extra = {"Begrundelse"};
  if (d.staff) extra.push_back("Fremhævet af");
  Table t = MakeTable("fremhaevet", "Fremhævet af direktionen", ShortColumns(extra),
                      d.round ? "Direktionen har ikke fremhævet nogen punkter i runden."
                              : "Versionen er ikke dannet af en statusrunde, så intet er fremhævet.");
  for (const auto& h : d.highlights) {
    std::vector<Cell> cells = {ReasonCell(&h)};
    if (d.staff) cells.push_back(TextCell(h.highlight.by));
    t.rows.push_back(ShortRow(b.ctx, h.item, std::move(cells)));
  }
  r.blocks.push_back(TableBlock(std::move(t)));
}

// ---- Planned against realised --------------------------------------------------------------

void Figures(const Basis& b, Report& r) {
  r.blocks.push_back(Heading("Planlagt og forventet realiseret effekt", "effekt"));
  r.blocks.push_back(Text("Forventet realiseret effekt er den seneste status for hvert år; punkter uden en forventning "
                          "tæller med det planlagte beløb. Afvigelse = forventet − planlagt (positiv: mindre besparelse "
                          "eller større udgift)."));
  const auto years = b.ctx.plan.Years();
  Table t;
  t.id = "effekt";
  t.caption = "Planlagt og forventet realiseret effekt pr. udvalg og kategori";
  t.sheet = "Planlagt og forventet";
  t.columns = {{"Område", ColumnKind::kText, 0, 3, false}};
  for (int y : years) t.columns.push_back({std::to_string(y), ColumnKind::kFigures, y, 1.2, false});
  PlanOverview ov = BuildOverview(b.ctx, b.items, false);
  auto sum_row = [&](RowKind kind, const std::string& label, const FigureSums& sums) {
    Row row;
    row.kind = kind;
    row.cells.push_back(TextCell(label, kind == RowKind::kData ? RunStyle::kNormal : RunStyle::kStrong));
    for (int y : years) row.cells.push_back(FiguresCell(sums.Year(y)));
    t.rows.push_back(std::move(row));
  };
  for (const auto& sec : ov.sections) {
    Row heading;
    heading.kind = RowKind::kHeading;
    heading.level = 1;
    heading.cells.resize(t.columns.size());
    heading.cells[0] = TextCell(std::string(PluralLabel(sec.category)), RunStyle::kStrong);
    t.rows.push_back(std::move(heading));
    for (const auto& g : sec.groups) sum_row(RowKind::kData, g.label, g.sums);
    sum_row(RowKind::kSubtotal, "I alt " + std::string(PluralLabel(sec.category)), sec.sums);
  }
  if (ov.count) sum_row(RowKind::kTotal, "I alt for planen", ov.totals);
  t.empty_text = "Planen har ingen beløb.";
  Chart c;
  c.kind = Chart::Kind::kGroupedBars;
  c.title = "Planlagt og forventet realiseret effekt pr. år";
  c.description = "Planens samlede planlagte og forventede effekt pr. budgetår i 1.000 kr. Tallene står i tabellen under.";
  c.unit = "1.000 kr.";
  c.table_id = t.id;
  ChartSeries planned{"Planlagt", "planned", {}}, expected{"Forventet realiseret", "expected", {}};
  for (int y : years) {
    c.categories.push_back(std::to_string(y));
    planned.values.push_back(ov.totals.Year(y).planned.tkr());
    expected.values.push_back(ov.totals.Year(y).expected().tkr());
  }
  c.series = {planned, expected};
  if (ov.count) {
    r.blocks.push_back(ChartBlock(std::move(c)));
  }
  r.blocks.push_back(TableBlock(std::move(t)));
}

// ---- Coming political treatments ---------------------------------------------------------

void Coming(const Basis& b, Report& r) {
  r.blocks.push_back(Heading("Kommende politisk behandling", "kommende"));
  std::vector<std::pair<const PlanItem*, const HighlightView*>> all;
  for (const auto& i : b.items)
    if (HasComingStep(i.data(), b.as_of)) all.push_back({&i, nullptr});
  Table t = MakeTable("kommende", "Kommende politisk behandling (seks måneder)", ComingColumns(),
                      "Ingen punkter skal til politisk behandling i de kommende seks måneder.");
  t.columns.pop_back();  // no reasons here
  ComingRows(b, t, all);
  for (auto& row : t.rows)
    if (row.kind == RowKind::kData) row.cells.pop_back();
  // The timeline: one row per body, a mark per month with the number of items.
  Chart c;
  c.kind = Chart::Kind::kTimeline;
  c.title = "Kommende politisk behandling";
  c.description = "Antal punkter pr. organ og måned i de kommende seks måneder. Punkterne står i tabellen under.";
  c.unit = "punkter";
  c.table_id = t.id;
  Date first = b.as_of.month == 12 ? Date{b.as_of.year + 1, 1, 1} : Date{b.as_of.year, b.as_of.month + 1, 1};
  for (int m = 0; m < 6; ++m) {
    int month = (first.month - 1 + m) % 12 + 1, year = first.year + (first.month - 1 + m) / 12;
    c.categories.push_back(std::string(DanishMonthName(month)).substr(0, 3) + " " + std::to_string(year % 100 + 100).substr(1));
  }
  for (const auto& body : b.ctx.bodies) {
    ChartSeries s{body.code, "body", std::vector<double>(6, 0)};
    bool any = false;
    for (const auto& [item, h] : all)
      for (const auto& step : item->data().treatment.steps) {
        if (step.body != body.code || !IsComing(step.when, b.as_of)) continue;
        int key = step.when.SortKey();  // the last month of the period
        int index = (key / 100 - first.year) * 12 + (key % 100 - first.month);
        index = std::clamp(index, 0, 5);
        s.values[index] += 1;
        any = true;
      }
    if (any) c.series.push_back(std::move(s));
  }
  if (!c.series.empty()) {
    r.blocks.push_back(ChartBlock(std::move(c)));
  }
  r.blocks.push_back(TableBlock(std::move(t)));
}

// ---- Redline since the previous version ------------------------------------------------------

Runs FieldRuns(const FieldChange& f) {
  return {{f.label + ": ", RunStyle::kStrong},
          {f.before.empty() ? "(tom)" : f.before, RunStyle::kDeleted},
          {" → ", RunStyle::kNormal},
          {f.after.empty() ? "(tom)" : f.after, RunStyle::kInserted}};
}

std::string ItemName(const PlanItem& i) { return (i.data().code ? i.data().code->text() + " " : "") + i.data().title; }

void Changes(const Basis& b, const HalfYearData& d, Report& r) {
  r.blocks.push_back(Heading("Ændringer siden forrige version", "redline"));
  if (!d.previous) {
    r.blocks.push_back(Text("Der er ingen tidligere version at sammenligne med."));
    return;
  }
  Redline red = CompareItems(*d.previous_items, b.items, b.ctx.themes, b.ctx.strategic_lines);
  r.blocks.push_back(Text("Fra «" + d.previous->name + "» (pr. " + d.previous->as_of.Short() + ") til " +
                          (b.version ? "«" + b.version->name + "»" : std::string("planen, som den er nu")) + ": " +
                          std::to_string(red.added.size()) + " nye, " + std::to_string(red.removed.size()) + " fjernede og " +
                          std::to_string(red.changed.size()) + " ændrede punkter; " + std::to_string(red.completed) +
                          " afsluttet, " + std::to_string(red.obs_raised) + " OBS-punkter rejst og " +
                          std::to_string(red.obs_resolved) + " løst. Ny tekst står med rødt og understreget, fjernet tekst "
                          "er overstreget."));
  if (!red.added.empty()) {
    r.blocks.push_back(Heading("Nye punkter", "redline-nye", 2));
    Block list = ListBlock({});
    for (const auto& i : red.added) {
      Runs runs = {{ItemName(i), RunStyle::kInserted}, {" – " + std::string(Label(i.data().category)), RunStyle::kNormal}};
      if (i.data().obs) runs.push_back({" OBS-punkt" + (i.data().obs_note.empty() ? "" : ": " + i.data().obs_note), RunStyle::kObs});
      list.list.push_back(std::move(runs));
    }
    r.blocks.push_back(std::move(list));
  }
  if (!red.removed.empty()) {
    r.blocks.push_back(Heading("Fjernede punkter", "redline-fjernede", 2));
    Block list = ListBlock({});
    for (const auto& i : red.removed) list.list.push_back({{ItemName(i), RunStyle::kDeleted}});
    r.blocks.push_back(std::move(list));
  }
  if (!red.changed.empty()) {
    r.blocks.push_back(Heading("Ændrede punkter", "redline-aendrede", 2));
    for (const auto& c : red.changed) {
      Runs head = {{ItemName(c.after), RunStyle::kStrong}};
      if (c.completed) head.push_back({"  X afsluttet siden", RunStyle::kStrong});
      if (c.obs_raised) head.push_back({"  OBS-punkt rejst", RunStyle::kObs});
      if (c.obs_resolved) head.push_back({"  OBS-punkt løst", RunStyle::kMuted});
      Block list = ListBlock({});
      for (const auto& t : c.texts) {
        Runs runs = {{t.field.label + ": ", RunStyle::kStrong}};
        for (const auto& s : t.segments)
          runs.push_back({s.text, s.kind == SegmentKind::kInsert   ? RunStyle::kInserted
                                  : s.kind == SegmentKind::kDelete ? RunStyle::kDeleted
                                                                   : RunStyle::kNormal});
        list.list.push_back(std::move(runs));
      }
      for (const auto& f : c.fields) list.list.push_back(FieldRuns(f));
      r.blocks.push_back(Paragraph(std::move(head)));
      r.blocks.push_back(std::move(list));
    }
  }
  if (red.added.empty() && red.removed.empty() && red.changed.empty()) r.blocks.push_back(Text("Ingen ændringer."));
}

// For the sheet: every item with its figures and whether it is highlighted.
void AllItemsSheet(const Basis& b, const HalfYearData& d, Report& r) {
  Table all = FlatItemTable("alle-punkter", "Alle punkter", "Alle punkter", b.ctx, b.items, {});
  all.primary = true;
  all.columns.push_back({"Fremhævet for ØK", ColumnKind::kText, 0, 1, true});
  std::unordered_map<ItemId, const HighlightView*> highlighted;
  for (const auto& h : d.highlights) highlighted[h.item.id()] = &h;
  for (auto& row : all.rows) {
    row.cells.emplace_back();
    if (row.kind != RowKind::kData) continue;
    auto it = highlighted.find(row.item);
    if (it != highlighted.end())
      row.cells.back() = TextCell(it->second->reason_hidden ? "Ja" : "Ja: " + it->second->highlight.reason);
  }
  r.blocks.push_back(TableBlock(std::move(all)));
}

}  // namespace

Report HalfYearReport(const Basis& b, const HalfYearData& d) {
  Report r = StartReport(b, ReportKind::kHalfYear, "Halvårsstatus til ØK – " + b.ctx.plan.name());
  Block facts;
  facts.kind = Block::Kind::kFacts;
  facts.facts.push_back({"Plan", b.ctx.plan.name() + " (" + b.ctx.plan.budget_name() + ")"});
  facts.facts.push_back({"Grundlag", r.basis});
  if (d.round) {
    facts.facts.push_back({"Statusrunde", d.round->name + ", frist " + d.round->cutoff.Short() +
                                              (d.round->open() ? " (åben)" : " (lukket)")});
    facts.facts.push_back({"Fuldstændighed", std::to_string(d.round_reported) + " af " + std::to_string(d.round_items) +
                                                 " punkter har givet status i runden (" + Percent(d.round_reported, d.round_items) + ")"});
  }
  facts.facts.push_back({"Beløb", "1.000 kr.; negative beløb er besparelser. Tidspunkterne er vejledende."});
  r.blocks.push_back(std::move(facts));
  DraftNote(b, r);
  r.blocks.push_back(Text("Udmøntningsplanen er dynamisk og bliver løbende ajourført. De punkter, der er implementeret, er "
                          "markeret med X for afsluttet; OBS-punkter står med rødt."));
  if (b.Page()) {
    Lists(b, d, r);
    ObsAndHighlights(b, d, r);
    Summary(b, r);
    Figures(b, r);
    Coming(b, r);
    Changes(b, d, r);
  }
  if (b.Primary()) AllItemsSheet(b, d, r);
  return r;
}

Report MonthlyReport(const Basis& b, const MonthlyData& d) {
  std::string month = std::string(DanishMonthName(d.month.month)) + " " + std::to_string(d.month.year);
  Report r = StartReport(b, ReportKind::kMonthly, "Direktionens månedlige status – tværgående emner, " + month);
  r.filename = FileSlug("maanedlig status " + b.ctx.plan.name() + " " + d.month.Iso().substr(0, 7));
  Block facts;
  facts.kind = Block::Kind::kFacts;
  facts.facts = {{"Plan", b.ctx.plan.name()}, {"Grundlag", r.basis}, {"Måned", month}};
  r.blocks.push_back(std::move(facts));
  if (r.draft)
    r.blocks.push_back(Text("Kladde: rapporten er dannet af planen, som den er nu, og er ikke en offentliggjort version.",
                            RunStyle::kEmphasis));
  r.blocks.push_back(Text("De tværgående emner i udmøntningsplanen får månedlig status i direktionen. Fagcheferne giver status; "
                          "OBS-punkter, som kræver direktionens hjælp eller beslutning, står med rødt."));
  Date next = d.month.month == 12 ? Date{d.month.year + 1, 1, 1} : Date{d.month.year, d.month.month + 1, 1};
  auto in_month = [&](const Date& x) { return x >= d.month && x < next; };
  std::unordered_map<ItemId, const StatusUpdate*> latest;  // updates come newest first
  std::unordered_map<ItemId, const PlanItem*> items;
  for (const auto& i : b.items) items[i.id()] = &i;
  for (const auto& u : d.updates)
    if (!latest.count(u.item_id)) latest[u.item_id] = &u;

  r.blocks.push_back(Heading("Status på de tværgående emner", "status"));
  std::vector<Column> cols = ShortColumns({"Status", "Seneste status"});
  Table t = MakeTable("maanedlig-status", "Status på de tværgående emner", cols, "Planen har ingen tværgående emner.");
  t.primary = true;
  t.sheet = "Månedlig status";
  std::vector<const PlanItem*> silent;
  for (const auto& i : b.items) {
    if (!i.data().cross_cutting) continue;
    const StatusUpdate* u = latest.count(i.id()) ? latest[i.id()] : nullptr;
    // The item as the latest status left it in the month; the item's own fields otherwise.
    PlanItem shown = i;
    if (u) {
      ItemData x = i.data();
      x.status_text = u->status_text;
      x.traffic_light = u->traffic_light;
      x.state = u->state;
      shown = PlanItem::Restore(i.id(), i.plan_id(), std::move(x), i.revision(), i.created_at(), i.updated_at());
    }
    std::string when = u ? u->as_of.Short() + (d.show_authors ? ", " + u->author : std::string()) : "Ingen status endnu";
    Row row = ShortRow(b.ctx, shown, {TextCell(shown.data().status_text), TextCell(when)});
    if (i.data().obs) {
      row.note = {{"OBS-punkt", RunStyle::kObs}};
      if (!i.data().obs_note.empty()) row.note.push_back({": " + i.data().obs_note, RunStyle::kObs});
    }
    t.rows.push_back(std::move(row));
    if (!u || !in_month(u->as_of)) silent.push_back(&i);
  }
  r.blocks.push_back(TableBlock(std::move(t)));

  r.blocks.push_back(Heading("OBS-punkter rejst og løst i " + month, "obs"));
  std::vector<Column> obs_cols = {{"Dato", ColumnKind::kText, 0, 0.9, false},
                                  {"Kode", ColumnKind::kText, 0, 0.8, false},
                                  {"Emne", ColumnKind::kText, 0, 3, false},
                                  {"Handling", ColumnKind::kText, 0, 0.9, false},
                                  {"OBS-punkt", ColumnKind::kText, 0, 3, false}};
  Table obs = MakeTable("obs-maaned", "OBS-punkter rejst og løst i " + month, obs_cols,
                        "Ingen OBS-punkter er rejst eller løst i " + month + ".");
  obs.sheet = "OBS-punkter";
  std::vector<const StatusUpdate*> events;
  for (const auto& u : d.updates)
    if (u.obs_action != ObsAction::kNone && in_month(u.as_of) && items.count(u.item_id)) events.push_back(&u);
  std::reverse(events.begin(), events.end());  // oldest first
  for (const StatusUpdate* u : events) {
    const ItemData& x = items[u->item_id]->data();
    Row row;
    row.obs = u->obs_action == ObsAction::kRaise;
    row.cells.push_back(TextCell(u->as_of.Short()));
    row.cells.push_back(TextCell(x.code ? x.code->text() : ""));
    row.cells.push_back(TextCell(x.title, RunStyle::kStrong));
    row.cells.push_back(TextCell(u->obs_action == ObsAction::kRaise ? "Rejst" : "Løst", RunStyle::kObs));
    row.cells.push_back(TextCell(u->obs_action == ObsAction::kRaise ? (u->obs_note.empty() ? "OBS-punkt" : u->obs_note) : "",
                                 RunStyle::kObs));
    obs.rows.push_back(std::move(row));
  }
  r.blocks.push_back(TableBlock(std::move(obs)));

  r.blocks.push_back(Heading("Uden status i " + month, "uden-status"));
  Table none = MakeTable("uden-status", "Tværgående emner uden status i " + month, ShortColumns({"Seneste status"}),
                         "Alle tværgående emner har fået status i " + month + ".");
  none.sheet = "Uden status";
  for (const PlanItem* i : silent) {
    const StatusUpdate* u = latest.count(i->id()) ? latest[i->id()] : nullptr;
    none.rows.push_back(ShortRow(b.ctx, *i, {TextCell(u ? u->as_of.Short() : "Ingen status endnu")}));
  }
  r.blocks.push_back(TableBlock(std::move(none)));
  return r;
}

}  // namespace bs::report
