#include "exporters/csv/report_csv.h"

#include <cstdio>

namespace bs::csv {
namespace {

// Text a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return
// first) gets a leading apostrophe: a title like =HYPERLINK(...) stays text (OWASP's
// advice against CSV injection). Number columns are written as numbers and never touched.
std::string Defused(std::string_view value) {
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
    return "'" + std::string(value);
  return std::string(value);
}

void Field(std::string& out, std::string_view value, char sep) {
  bool quote = value.find_first_of(std::string("\"\r\n") + sep) != std::string_view::npos;
  if (!quote) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

// 1.000 kr. as a plain number: "-1234.5" (or "-1234,5" with ';'), no thousands separator.
std::string Number(Amount a, char sep) {
  int64_t k = a.kroner();
  std::string s = k < 0 ? "-" : "";
  uint64_t abs = k < 0 ? static_cast<uint64_t>(-(k + 1)) + 1 : static_cast<uint64_t>(k);
  s += std::to_string(abs / 1000);
  if (abs % 1000) {
    char frac[8];
    std::snprintf(frac, sizeof frac, "%03u", static_cast<unsigned>(abs % 1000));
    std::string f = frac;
    while (f.back() == '0') f.pop_back();
    s += (sep == ';' ? "," : ".") + f;
  }
  return s;
}

}  // namespace

std::vector<std::string> SheetHeaders(const Table& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns) {
    if (c.kind == ColumnKind::kFigures) {
      out.push_back("Planlagt " + c.label);
      out.push_back("Forventet realiseret " + c.label);
      out.push_back("Afvigelse " + c.label);
    } else {
      out.push_back(c.label);
    }
  }
  return out;
}

std::string RenderReport(const Report& report, char sep) {
  std::string out = "\xEF\xBB\xBF";
  const Table* t = report.PrimaryTable();
  if (!t) return out;
  auto headers = SheetHeaders(*t);
  for (size_t i = 0; i < headers.size(); ++i) {
    if (i) out.push_back(sep);
    Field(out, headers[i], sep);
  }
  out += "\r\n";
  for (const auto& row : t->rows) {
    if (row.kind != RowKind::kData) continue;
    bool first = true;
    auto next = [&] {
      if (!first) out.push_back(sep);
      first = false;
    };
    for (size_t i = 0; i < t->columns.size(); ++i) {
      const Column& col = t->columns[i];
      const Cell empty;
      const Cell& cell = i < row.cells.size() ? row.cells[i] : empty;
      switch (col.kind) {
        case ColumnKind::kFigures: {
          const YearFigures& f = cell.figures;
          next();
          out += Number(f.planned, sep);
          next();
          if (f.reported) out += Number(*f.reported, sep);
          next();
          if (f.reported) out += Number(f.deviation(), sep);
          break;
        }
        case ColumnKind::kAmount:
          next();
          if (cell.amount) out += Number(*cell.amount, sep);
          break;
        case ColumnKind::kCount:
          next();
          if (cell.has_count) out += std::to_string(cell.count);
          break;
        case ColumnKind::kText:
          next();
          Field(out, Defused(cell.plain ? *cell.plain : PlainText(cell.runs)), sep);
          break;
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace bs::csv
