#include "exporters/xlsx/report_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/text.h"
#include "exporters/csv/report_csv.h"

namespace bs::xlsx {
namespace {

struct Formats {
  lxw_format* header;
  lxw_format* amount;
  lxw_format* amount_total;
  lxw_format* count;
  lxw_format* text;
  lxw_format* wrap;
  lxw_format* total;
  lxw_format* obs;
};

double Tkr(Amount a) { return static_cast<double>(a.kroner()) / 1000.0; }

// Characters a column needs for its widest cell (header included), within 6..60.
std::vector<double> Widths(const Table& t, const std::vector<std::string>& headers) {
  std::vector<double> w;
  for (const auto& h : headers) w.push_back(std::min<double>(24, text::CodePointCount(h) + 2));
  for (const auto& row : t.rows) {
    if (row.kind != RowKind::kData && row.kind != RowKind::kTotal) continue;
    size_t col = 0;
    for (size_t i = 0; i < t.columns.size() && i < row.cells.size(); ++i) {
      const Cell& c = row.cells[i];
      if (t.columns[i].kind == ColumnKind::kFigures) {
        for (int k = 0; k < 3; ++k) w[col + k] = std::max(w[col + k], 10.0);
        col += 3;
        continue;
      }
      size_t len = t.columns[i].kind == ColumnKind::kText ? text::CodePointCount(c.plain ? *c.plain : PlainText(c.runs)) : 8;
      w[col] = std::max(w[col], static_cast<double>(len) + 2);
      ++col;
    }
  }
  for (auto& x : w) x = std::clamp(x, 6.0, 60.0);
  return w;
}

void WriteRow(lxw_worksheet* ws, lxw_row_t r, const Table& t, const Row& row, const Formats& f) {
  bool total = row.kind == RowKind::kTotal;
  lxw_col_t col = 0;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const Cell empty;
    const Cell& c = i < row.cells.size() ? row.cells[i] : empty;
    switch (t.columns[i].kind) {
      case ColumnKind::kFigures: {
        lxw_format* fmt = total ? f.amount_total : f.amount;
        worksheet_write_number(ws, r, col, Tkr(c.figures.planned), fmt);
        if (c.figures.reported) {
          worksheet_write_number(ws, r, col + 1, Tkr(*c.figures.reported), fmt);
          worksheet_write_number(ws, r, col + 2, Tkr(c.figures.deviation()), fmt);
        }
        col += 3;
        continue;
      }
      case ColumnKind::kAmount:
        if (c.amount) worksheet_write_number(ws, r, col, Tkr(*c.amount), total ? f.amount_total : f.amount);
        break;
      case ColumnKind::kCount:
        if (c.has_count) worksheet_write_number(ws, r, col, static_cast<double>(c.count), f.count);
        break;
      case ColumnKind::kText: {
        std::string s = c.plain ? *c.plain : PlainText(c.runs);
        if (!s.empty()) {
          bool red = std::any_of(c.runs.begin(), c.runs.end(), [](const Run& x) { return x.style == RunStyle::kObs; });
          worksheet_write_string(ws, r, col, s.c_str(), total ? f.total : red ? f.obs : f.text);
        }
        break;
      }
    }
    ++col;
  }
}

std::string UniqueName(const std::string& wanted, std::set<std::string>& used) {
  std::string name = wanted.empty() ? "Ark" : wanted;
  for (int n = 2; used.count(text::FoldCase(name)); ++n) {
    std::string suffix = " " + std::to_string(n);
    name = text::Truncate(wanted, 31 - suffix.size() - 1) + suffix;
  }
  used.insert(text::FoldCase(name));
  return name;
}

void WriteTable(lxw_workbook* wb, const Table& t, const Formats& f, std::set<std::string>& used) {
  std::string name = UniqueName(t.sheet, used);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  auto headers = csv::SheetHeaders(t);
  auto widths = Widths(t, headers);
  for (size_t i = 0; i < widths.size(); ++i)
    worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), widths[i], widths[i] >= 60 ? f.wrap : nullptr);
  for (size_t i = 0; i < headers.size(); ++i) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), headers[i].c_str(), f.header);
  lxw_row_t r = 1;
  for (const auto& row : t.rows)
    if (row.kind == RowKind::kData) WriteRow(ws, r++, t, row, f);
  lxw_row_t last_data = r - 1;
  bool totals = std::any_of(t.rows.begin(), t.rows.end(), [](const Row& x) { return x.kind == RowKind::kTotal; });
  if (totals && last_data >= 1) {
    ++r;  // an empty row keeps the sums out of the filter
    for (const auto& row : t.rows)
      if (row.kind == RowKind::kTotal) WriteRow(ws, r++, t, row, f);
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (!headers.empty()) worksheet_autofilter(ws, 0, 0, std::max<lxw_row_t>(last_data, 0), static_cast<lxw_col_t>(headers.size() - 1));
}

}  // namespace

Result<std::string> RenderReport(const Report& report) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-xlsx-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return Internal("Regnearket kunne ikke dannes (ingen midlertidig mappe).");
  std::filesystem::path dir = tmpl;
  std::string path = (dir / "rapport.xlsx").string();
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = const_cast<char*>(tmpl.c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) {
    std::filesystem::remove_all(dir);
    return Internal("Regnearket kunne ikke dannes.");
  }
  Formats f;
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  f.amount = workbook_add_format(wb);
  format_set_num_format(f.amount, "#,##0");
  f.amount_total = workbook_add_format(wb);
  format_set_num_format(f.amount_total, "#,##0");
  format_set_bold(f.amount_total);
  f.count = workbook_add_format(wb);
  format_set_num_format(f.count, "0");
  f.text = nullptr;
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.total = workbook_add_format(wb);
  format_set_bold(f.total);
  f.obs = workbook_add_format(wb);
  format_set_font_color(f.obs, 0xB00020);
  format_set_bold(f.obs);

  std::string subject = report.basis;
  lxw_doc_properties props = {};
  props.title = const_cast<char*>(report.title.c_str());
  props.subject = const_cast<char*>(subject.c_str());
  props.company = const_cast<char*>(report.municipality.c_str());
  props.author = const_cast<char*>("budgetspor");
  // The same report gives the same file: the creation time is the report's date.
  std::tm tm = {};
  tm.tm_year = report.as_of.year - 1900;
  tm.tm_mon = report.as_of.month - 1;
  tm.tm_mday = report.as_of.day;
  tm.tm_hour = 12;
  props.created = timegm(&tm);
  workbook_set_properties(wb, &props);

  std::set<std::string> used;
  // The primary table first: it is what the file is about.
  if (const Table* primary = report.PrimaryTable(); primary && !primary->sheet.empty()) WriteTable(wb, *primary, f, used);
  for (const auto& b : report.blocks)
    if (b.kind == Block::Kind::kTable && !b.table.sheet.empty() && !b.table.primary) WriteTable(wb, b.table, f, used);
  lxw_worksheet* info = workbook_add_worksheet(wb, UniqueName("Oplysninger", used).c_str());
  worksheet_set_column(info, 0, 0, 18, f.header);
  worksheet_set_column(info, 1, 1, 80, nullptr);
  const std::pair<const char*, std::string> facts[] = {
      {"Kommune", report.municipality},
      {"Rapport", report.title},
      {"Grundlag", report.basis},
      {"Dato", report.as_of.Short()},
      {"Udgave", report.draft ? "Kladde (ikke offentliggjort)" : report.internal ? "Intern (med interne felter)" : "Offentlig"},
      {"Beløb", "1.000 kr.; negative beløb er besparelser"},
  };
  lxw_row_t r = 0;
  for (const auto& [k, v] : facts) {
    worksheet_write_string(info, r, 0, k, f.header);
    worksheet_write_string(info, r++, 1, v.c_str(), nullptr);
  }
  lxw_error err = workbook_close(wb);
  std::string bytes;
  if (err == LXW_NO_ERROR) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  if (err != LXW_NO_ERROR || bytes.empty()) return Internal("Regnearket kunne ikke dannes.");
  return bytes;
}

}  // namespace bs::xlsx
