#include "app/report_tables.h"

#include <algorithm>

#include "core/text.h"

namespace bs::report {

Cell TextCell(std::string text, RunStyle style) {
  Cell c;
  if (!text.empty()) c.runs.push_back({std::move(text), style});
  return c;
}

Cell RunsCell(Runs runs) {
  Cell c;
  c.runs = std::move(runs);
  return c;
}

Cell CountCell(int64_t n) {
  Cell c;
  c.count = n;
  c.has_count = true;
  return c;
}

Cell FiguresCell(const YearFigures& f) {
  Cell c;
  c.figures = f;
  c.has_figures = true;
  return c;
}

Block Heading(std::string text, std::string anchor, int level) {
  Block b;
  b.kind = Block::Kind::kHeading;
  b.level = level;
  b.anchor = std::move(anchor);
  b.runs.push_back({std::move(text), RunStyle::kNormal});
  return b;
}

Block Paragraph(Runs runs) {
  Block b;
  b.kind = Block::Kind::kParagraph;
  b.runs = std::move(runs);
  return b;
}

Block Text(std::string text, RunStyle style) { return Paragraph({{std::move(text), style}}); }

Block TableBlock(Table table) {
  Block b;
  b.kind = Block::Kind::kTable;
  b.table = std::move(table);
  return b;
}

Block ChartBlock(Chart chart) {
  Block b;
  b.kind = Block::Kind::kChart;
  b.chart = std::move(chart);
  return b;
}

Block ListBlock(std::vector<Runs> items) {
  Block b;
  b.kind = Block::Kind::kList;
  b.list = std::move(items);
  return b;
}

std::vector<Column> ItemColumns(const std::vector<int>& years) {
  std::vector<Column> cols = {
      // Widths on a page: wide enough that no column breaks a word ("september", "Fremdrift").
      {"Kode", ColumnKind::kText, 0, 0.95, false},
      {"Titel", ColumnKind::kText, 0, 3.0, false},
      {"Kategori", ColumnKind::kText, 0, 1, true},
      {"Udvalg eller tema", ColumnKind::kText, 0, 1, true},
      {"Ansvarlig", ColumnKind::kText, 0, 1.1, false},
      {"Tidspunkt", ColumnKind::kText, 0, 1.15, false},
      {"Politisk behandling", ColumnKind::kText, 0, 1.2, false},
      {"Fremdrift", ColumnKind::kText, 0, 1.1, false},
      {"Trafiklys", ColumnKind::kText, 0, 1.0, false},
  };
  for (int y : years) cols.push_back({std::to_string(y), ColumnKind::kFigures, y, 0.95, false});
  cols.push_back({"Status", ColumnKind::kText, 0, 1, true});
  cols.push_back({"Tværgående", ColumnKind::kText, 0, 1, true});
  cols.push_back({"OBS-punkt", ColumnKind::kText, 0, 1, true});
  return cols;
}

std::string GroupLabel(const PlanContext& ctx, const ItemData& d) {
  if (d.category == Category::kIntent) {
    const Theme* t = ctx.FindTheme(d.theme_id);
    return t ? t->name : "Uden tema";
  }
  const Body* b = ctx.FindBody(d.committee);
  return b ? b->name + " (" + b->code + ")" : d.committee;
}

std::string LightWord(TrafficLight light) {
  switch (light) {
    case TrafficLight::kGreen: return "grøn";
    case TrafficLight::kYellow: return "gul";
    case TrafficLight::kRed: return "rød";
    case TrafficLight::kNone: return "";
  }
  return "";
}

Row ItemRow(const PlanContext& ctx, const PlanItem& item, const std::vector<int>& years, const ItemMarks& marks) {
  const ItemData& d = item.data();
  Row row;
  row.item = item.id();
  row.done = d.state == ProgressState::kDone;
  row.obs = d.obs;
  row.cells.reserve(12 + years.size());
  row.cells.push_back(TextCell(d.code ? d.code->text() : ""));
  Runs title = {{d.title, RunStyle::kStrong}};
  if (d.cross_cutting) title.push_back({" (tværgående)", RunStyle::kMuted});
  if (!d.status_text.empty()) title.push_back({"\n" + text::Truncate(d.status_text, 240), RunStyle::kMuted});
  row.cells.push_back(RunsCell(std::move(title)));
  row.cells.back().plain = d.title;
  row.cells.push_back(TextCell(std::string(Label(d.category))));
  row.cells.push_back(TextCell(GroupLabel(ctx, d)));
  row.cells.push_back(TextCell(d.responsible));
  row.cells.push_back(TextCell(d.timing.Display()));
  row.cells.push_back(TextCell(d.treatment.Summary()));
  row.cells.push_back(TextCell((row.done ? "X " : "") + std::string(Label(d.state))));
  row.cells.back().plain = std::string(Label(d.state));
  bool awaiting = marks.awaiting && marks.awaiting->count(item.id());
  if (awaiting) {
    // Not the old light as if it were current (issue 11): the round still waits for it.
    std::string was = LightWord(d.traffic_light);
    row.cells.push_back(TextCell(std::string(marks.closed ? "Ingen status i runden" : "Afventer status") +
                                     (was.empty() ? "" : " (sidst " + was + ")"),
                                 RunStyle::kEmphasis));
  } else {
    row.cells.push_back(TextCell(d.traffic_light == TrafficLight::kNone ? "" : std::string(Label(d.traffic_light))));
  }
  for (int y : years) row.cells.push_back(FiguresCell(FiguresOf(d, y)));
  row.cells.push_back(TextCell(d.status_text));
  row.cells.push_back(TextCell(d.cross_cutting ? "Ja" : ""));
  // The note may be internal: Redact() has emptied it for those not entitled.
  row.cells.push_back(TextCell(d.obs ? (d.obs_note.empty() ? "OBS-punkt" : "OBS-punkt: " + d.obs_note) : ""));
  if (d.obs) {
    row.note.push_back({"OBS-punkt", RunStyle::kObs});
    if (!d.obs_note.empty()) row.note.push_back({": " + d.obs_note, RunStyle::kObs});
  }
  return row;
}

namespace {

Row SumRow(RowKind kind, const std::string& label, const FigureSums& sums, const std::vector<int>& years,
           size_t columns) {
  Row row;
  row.kind = kind;
  row.cells.resize(columns);
  row.cells[1] = TextCell(label, RunStyle::kStrong);
  for (size_t i = 0; i < years.size(); ++i) row.cells[9 + i] = FiguresCell(sums.Year(years[i]));
  return row;
}

Row HeadingRow(const std::string& label, int level, size_t columns) {
  Row row;
  row.kind = RowKind::kHeading;
  row.level = level;
  row.cells.resize(columns);
  row.cells[0] = TextCell(label, RunStyle::kStrong);
  return row;
}

}  // namespace

Table GroupedItemTable(const std::string& id, const std::string& caption, const std::string& sheet,
                       const PlanContext& ctx, const std::vector<PlanItem>& items, const std::string& own_committee,
                       const ItemMarks& marks) {
  Table t;
  t.id = id;
  t.caption = caption;
  t.sheet = sheet;
  const auto years = ctx.plan.Years();
  t.columns = ItemColumns(years);
  t.empty_text = "Ingen punkter.";
  PlanOverview ov = BuildOverview(ctx, items, false);
  if (!own_committee.empty())
    for (auto& sec : ov.sections)
      std::stable_partition(sec.groups.begin(), sec.groups.end(),
                            [&](const ItemGroup& g) { return g.key == own_committee; });
  const size_t n = t.columns.size();
  for (const auto& sec : ov.sections) {
    t.rows.push_back(HeadingRow(std::string(PluralLabel(sec.category)) + " (" + std::to_string(sec.count) + ")", 1, n));
    for (const auto& g : sec.groups) {
      std::string label = g.label;
      if (!own_committee.empty() && sec.category != Category::kIntent && g.key != own_committee) label += " – tværgående";
      t.rows.push_back(HeadingRow(label, 2, n));
      for (const auto& item : g.items) t.rows.push_back(ItemRow(ctx, *item, years, marks));
      t.rows.push_back(SumRow(RowKind::kSubtotal, "I alt " + g.label, g.sums, years, n));
    }
    t.rows.push_back(SumRow(RowKind::kSubtotal, "I alt " + std::string(PluralLabel(sec.category)), sec.sums, years, n));
  }
  if (ov.count) t.rows.push_back(SumRow(RowKind::kTotal, "I alt", ov.totals, years, n));
  return t;
}

Table FlatItemTable(const std::string& id, const std::string& caption, const std::string& sheet, const PlanContext& ctx,
                    const std::vector<PlanItem>& items, const ItemMarks& marks) {
  Table t;
  t.id = id;
  t.caption = caption;
  t.sheet = sheet;
  t.on_page = false;
  const auto years = ctx.plan.Years();
  t.columns = ItemColumns(years);
  // Plan order: category, then committee or theme as the document groups them.
  PlanOverview ov = BuildOverview(ctx, items, false);
  FigureSums sums;
  for (const auto& sec : ov.sections)
    for (const auto& g : sec.groups)
      for (const auto& item : g.items) {
        t.rows.push_back(ItemRow(ctx, *item, years, marks));
        sums.Add(item->data());
      }
  if (!t.rows.empty()) t.rows.push_back(SumRow(RowKind::kTotal, "I alt", sums, years, t.columns.size()));
  return t;
}

std::string SheetName(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::string_view(":\\/?*[]").find(c) != std::string_view::npos) out.push_back('-');
    else out.push_back(c);
  }
  // 31 characters, not bytes, and never half a UTF-8 sequence.
  return text::CodePointCount(out) > 31 ? text::Truncate(out, 30) : out;
}

std::string FileSlug(std::string_view s) {
  std::string out;
  auto dash = [&] {
    if (!out.empty() && out.back() != '-') out.push_back('-');
  };
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
      else dash();
      continue;
    }
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    std::string_view ch = s.substr(i, len);
    i += len - 1;
    if (ch == "æ" || ch == "Æ") out += "ae";
    else if (ch == "ø" || ch == "Ø") out += "oe";
    else if (ch == "å" || ch == "Å") out += "aa";
    else dash();
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "rapport" : out;
}

}  // namespace bs::report
