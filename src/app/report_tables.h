// Internal to the report builders (report_service.cpp, report_status.cpp): the item
// table every report shares, in the plan's grouping for pages and flat for sheets.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "app/plan_register.h"
#include "app/report_model.h"

namespace bs::report {

// Marks an item row may carry.
struct ItemMarks {
  const std::set<ItemId>* awaiting = nullptr;  // items awaiting status in an open round
  bool closed = false;  // the round is closed: those items gave no status in it
};

// Code, title (with the status line), category and committee/theme (sheets only),
// responsible, timing, political treatment, state, traffic light, a figures column per
// year, and for sheets the status text, cross-cutting and the OBS note.
std::vector<Column> ItemColumns(const std::vector<int>& years);
Row ItemRow(const PlanContext& ctx, const PlanItem& item, const std::vector<int>& years, const ItemMarks& marks);
// The label of the group an item belongs to: "Børne- og Ungdomsudvalget (BUU)" or the theme.
std::string GroupLabel(const PlanContext& ctx, const ItemData& item);

// The items grouped as the document is (category, then committee or theme), with a
// heading row per category and group, sums per group and category and the total.
// With `own_committee`, that committee's groups come first and others are marked
// "– tværgående" (a committee's extract).
Table GroupedItemTable(const std::string& id, const std::string& caption, const std::string& sheet,
                       const PlanContext& ctx, const std::vector<PlanItem>& items, const std::string& own_committee,
                       const ItemMarks& marks);
// The same items as data rows only, for a sheet (not on the page).
Table FlatItemTable(const std::string& id, const std::string& caption, const std::string& sheet, const PlanContext& ctx,
                    const std::vector<PlanItem>& items, const ItemMarks& marks);

// "grøn", "gul", "rød" or "".
std::string LightWord(TrafficLight light);

// Small builders.
Cell TextCell(std::string text, RunStyle style = RunStyle::kNormal);
Cell RunsCell(Runs runs);
Cell CountCell(int64_t n);
Cell FiguresCell(const YearFigures& f);
Block Heading(std::string text, std::string anchor, int level = 1);
Block Paragraph(Runs runs);
Block Text(std::string text, RunStyle style = RunStyle::kNormal);
Block TableBlock(Table table);
Block ChartBlock(Chart chart);
Block ListBlock(std::vector<Runs> items);
// A sheet name: at most 31 characters, none of : \ / ? * [ ].
std::string SheetName(std::string_view name);
// "halvaarsstatus-udmoentningsplan-2025-2028": ASCII, lower case, dashes.
std::string FileSlug(std::string_view text);

}  // namespace bs::report
