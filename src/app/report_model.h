// The generated reports of a plan (issue 11) as one document model: the committee
// extract, the half-yearly status to ØK, the directors' monthly status and the plan
// itself. ReportService builds a Report already redacted for the viewer; every format
// (the page, PDF, XLSX, CSV) is drawn from the same Report, so no format can show what
// another would not. Exporters include this header, never the use case.
//
// A report is a list of blocks: headings (the contents and the PDF outline), paragraphs
// of styled runs (OBS in red, redline inserted/deleted), facts, charts and tables.
// Tables carry typed columns, so a sheet gets numbers with a number format and a page
// gets right-aligned Danish amounts from the same cells.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "domain/plan/figures.h"

namespace bs {

enum class ReportKind { kPlan, kExtract, kHalfYear, kMonthly };
enum class ReportFormat { kHtml, kPdf, kXlsx, kCsv };
inline constexpr ReportKind kAllReportKinds[] = {ReportKind::kPlan, ReportKind::kExtract, ReportKind::kHalfYear,
                                                 ReportKind::kMonthly};
inline constexpr ReportFormat kAllReportFormats[] = {ReportFormat::kHtml, ReportFormat::kPdf, ReportFormat::kXlsx,
                                                     ReportFormat::kCsv};
// Slugs as in URLs and on the command line: plan, extract, half-year, monthly; html, pdf, xlsx, csv.
std::string_view Slug(ReportKind kind);
std::string_view Slug(ReportFormat format);
std::string_view Label(ReportKind kind);  // "Halvårsstatus til ØK"
std::optional<ReportKind> ParseReportKind(std::string_view slug);
std::optional<ReportFormat> ParseReportFormat(std::string_view slug);
// "plan, extract, half-year, monthly" for error messages.
std::string ValidReportKinds();
std::string ValidReportFormats();

// Which parts of a report a format draws: a workbook every table, a page or PDF what is
// on the page (tables for sheets only are not built), a CSV file the primary table.
enum class ReportParts { kAll, kPage, kPrimary };
ReportParts PartsFor(ReportFormat format);

enum class RunStyle {
  kNormal,
  kStrong,
  kEmphasis,
  kMuted,     // secondary text: status lines, meta
  kObs,       // OBS points: red and bold in every format
  kInserted,  // redline: new text, red and underlined
  kDeleted,   // redline: removed text, struck through
};
struct Run {
  std::string text;
  RunStyle style = RunStyle::kNormal;
};
using Runs = std::vector<Run>;
std::string PlainText(const Runs& runs);

enum class ColumnKind {
  kText,
  kAmount,   // one amount in 1.000 kr.
  kFigures,  // a budget year: planned, expected realised, deviation (a sheet gets three columns)
  kCount,    // a whole number
};
struct Column {
  std::string label;
  ColumnKind kind = ColumnKind::kText;
  int year = 0;            // kFigures
  double width = 1;        // relative width on a page; sheets fit the column to its text
  bool sheet_only = false; // data columns a grouped page shows as headings (category, committee)
};

struct Cell {
  Runs runs;                      // kText; also the label of a grouping row
  std::optional<std::string> plain;  // what sheets and CSV take instead of the runs (a title without its status line)
  std::optional<Amount> amount;   // kAmount
  YearFigures figures;            // kFigures
  bool has_figures = false;
  int64_t count = 0;              // kCount
  bool has_count = false;
};

enum class RowKind {
  kData,      // an item: the only rows a sheet and a CSV file take as data
  kHeading,   // a grouping line (category, committee or theme); spans the table on a page
  kSubtotal,  // sums of a group or a category
  kTotal,     // the sum of the table
};
struct Row {
  RowKind kind = RowKind::kData;
  std::vector<Cell> cells;  // one per column (a heading row: the first cell's runs)
  int level = 0;            // headings: 1 category, 2 group
  bool done = false;        // completed item (marked X)
  bool obs = false;         // has an OBS point
  Runs note;                // a line under the row on a page (the OBS point and its note)
  int64_t item = 0;         // the plan item a data row is about (pages may link to it)
};

struct Table {
  std::string id;       // stable name: anchors, sheet names
  std::string caption;
  std::string sheet;    // name of the sheet in XLSX (at most 31 characters); "" = no sheet
  bool on_page = true;  // shown on the page and in the PDF (some tables are for sheets only)
  bool primary = false; // the table a CSV export holds (exactly one per report)
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::string empty_text;  // shown when there are no data rows
};

// A chart drawn as SVG on the page and as bars in the PDF. The same figures are in the
// table named by `table_id` (beside it or behind a disclosure), so nothing is only seen.
struct ChartSeries {
  std::string label;
  std::string css;  // colour class: state-done, light-red, planned, expected ...
  std::vector<double> values;
};
struct Chart {
  enum class Kind { kStackedBars, kGroupedBars, kTimeline };
  Kind kind = Kind::kStackedBars;
  std::string title;
  std::string description;  // one sentence for screen readers
  std::vector<std::string> categories;  // one bar (group) per category
  std::vector<ChartSeries> series;
  std::string unit;      // "punkter", "1.000 kr."
  std::string table_id;  // the table with the same content
};

struct Block {
  enum class Kind { kHeading, kParagraph, kFacts, kTable, kChart, kList };
  Kind kind = Kind::kParagraph;
  int level = 1;       // headings: 1 or 2 (contents, outline)
  std::string anchor;  // headings
  Runs runs;           // heading text, paragraph
  std::vector<std::pair<std::string, std::string>> facts;  // label, value
  std::vector<Runs> list;  // bullet points
  Table table;
  Chart chart;
};

struct Report {
  ReportKind kind = ReportKind::kPlan;
  std::string municipality;  // "Norddjurs Kommune"
  std::string title;         // "Halvårsstatus til ØK – Udmøntningsplan 2025-2028"
  std::string plan_name;
  std::string basis;         // "Status pr. ultimo maj 2025 (pr. 31-05-2025)" or "Kladde: planen, som den er nu"
  bool draft = false;        // made from the live plan, not a published version
  Date as_of;                // the version's date, or today for a draft
  bool internal = false;     // holds internal fields (staff edition): "Intern" in the header
  std::string filename;      // without extension: "halvaarsstatus-udmoentningsplan-2025-2028-2025-05-31"
  std::vector<Block> blocks;

  const Table* PrimaryTable() const;
};

}  // namespace bs
