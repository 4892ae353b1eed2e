#include "support/xlsx_read.h"

#include <zip.h>

#include <pugixml.hpp>

namespace bs::testing {
namespace {

std::optional<std::string> Entry(zip_t* z, const char* name) {
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) != 0) return std::nullopt;
  if (st.size > 64u * 1024 * 1024) return std::nullopt;  // far beyond any test file
  zip_file_t* f = zip_fopen(z, name, 0);
  if (!f) return std::nullopt;
  std::string out(st.size, '\0');
  zip_int64_t n = zip_fread(f, out.data(), st.size);
  zip_fclose(f);
  if (n != static_cast<zip_int64_t>(st.size)) return std::nullopt;
  return out;
}

}  // namespace

const XlsxCell* XlsxSheet::At(const std::string& ref) const {
  for (const auto& c : cells)
    if (c.ref == ref) return &c;
  return nullptr;
}

const XlsxSheet* XlsxBook::Sheet(const std::string& name) const {
  for (const auto& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

std::string XlsxBook::AllText() const {
  std::string out = title + "\n";
  for (const auto& s : sheets) {
    out += s.name + "\n";
    for (const auto& c : s.cells) out += c.value + "\n";
  }
  return out;
}

std::optional<XlsxBook> ReadXlsx(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) return std::nullopt;
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!z) {
    zip_source_free(src);
    return std::nullopt;
  }
  XlsxBook book;
  std::vector<std::string> shared;
  if (auto ss = Entry(z, "xl/sharedStrings.xml")) {
    pugi::xml_document d;
    d.load_buffer(ss->data(), ss->size());
    for (auto si : d.child("sst").children("si")) {
      std::string s;
      for (auto t : si.select_nodes(".//t")) s += t.node().text().get();
      shared.push_back(s);
    }
  }
  // Styles: cellXfs index -> number format code and bold.
  std::vector<std::pair<std::string, bool>> xfs;
  if (auto st = Entry(z, "xl/styles.xml")) {
    pugi::xml_document d;
    d.load_buffer(st->data(), st->size());
    std::map<int, std::string> formats;
    for (auto f : d.child("styleSheet").child("numFmts").children("numFmt"))
      formats[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
    std::vector<bool> bold_fonts;
    for (auto f : d.child("styleSheet").child("fonts").children("font")) bold_fonts.push_back(!f.child("b").empty());
    for (auto xf : d.child("styleSheet").child("cellXfs").children("xf")) {
      int id = xf.attribute("numFmtId").as_int();
      std::string code = formats.count(id) ? formats[id] : id == 3 ? "#,##0" : id == 1 ? "0" : "";
      size_t font = xf.attribute("fontId").as_uint();
      xfs.push_back({code, font < bold_fonts.size() && bold_fonts[font]});
    }
  }
  auto wb = Entry(z, "xl/workbook.xml");
  auto rels = Entry(z, "xl/_rels/workbook.xml.rels");
  if (!wb || !rels) {
    zip_close(z);
    return std::nullopt;
  }
  pugi::xml_document wd, rd;
  wd.load_buffer(wb->data(), wb->size());
  rd.load_buffer(rels->data(), rels->size());
  std::map<std::string, std::string> targets;
  for (auto r : rd.child("Relationships").children("Relationship")) targets[r.attribute("Id").value()] = r.attribute("Target").value();
  for (auto s : wd.child("workbook").child("sheets").children("sheet")) {
    XlsxSheet sheet;
    sheet.name = s.attribute("name").value();
    auto sx = Entry(z, ("xl/" + targets[s.attribute("r:id").value()]).c_str());
    if (!sx) continue;
    pugi::xml_document d;
    d.load_buffer(sx->data(), sx->size());
    auto ws = d.child("worksheet");
    if (auto pane = ws.child("sheetViews").child("sheetView").child("pane"); pane && std::string(pane.attribute("state").value()) == "frozen")
      sheet.frozen = pane.attribute("topLeftCell").value();
    sheet.autofilter = ws.child("autoFilter").attribute("ref").value();
    for (auto col : ws.child("cols").children("col"))
      for (int i = col.attribute("min").as_int(); i <= col.attribute("max").as_int(); ++i)
        sheet.widths[i - 1] = col.attribute("width").as_double();
    for (auto row : ws.child("sheetData").children("row"))
      for (auto c : row.children("c")) {
        XlsxCell cell;
        cell.ref = c.attribute("r").value();
        std::string type = c.attribute("t").value();
        if (type == "s") cell.value = shared.at(c.child("v").text().as_uint());
        else if (type == "inlineStr") cell.value = c.child("is").child("t").text().get();
        else {
          cell.value = c.child("v").text().get();
          cell.number = !cell.value.empty();
        }
        size_t style = c.attribute("s").as_uint();
        if (style < xfs.size()) {
          cell.num_format = xfs[style].first;
          cell.bold = xfs[style].second;
        }
        sheet.cells.push_back(std::move(cell));
      }
    book.sheets.push_back(std::move(sheet));
  }
  if (auto core = Entry(z, "docProps/core.xml")) {
    pugi::xml_document d;
    d.load_buffer(core->data(), core->size());
    book.title = d.first_child().child("dc:title").text().get();
  }
  zip_close(z);
  return book;
}

}  // namespace bs::testing
