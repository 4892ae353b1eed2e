// The first worksheet of an XLSX (ECMA-376 part 1, SpreadsheetML), read with libzip from
// memory and pugixml, bounded: every part's size is checked before it is inflated
// (zip bombs), no more than that size is ever read (a lying header), and the cells go
// through RowsBuilder's limits. Nothing here throws past Read's net in sheet.cpp.
#include <zip.h>

#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "core/text.h"
#include "importers/sheet/internal/readers.h"
#include "importers/sheet/internal/xlsx_values.h"

namespace bs::sheet::internal {
namespace {

Error Broken(const std::string& reason) {
  return InvalidArgument("Filen er ikke et gyldigt XLSX-regneark: " + reason + ".");
}

// ---- the zip ----

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

class Zip {
 public:
  static Result<Zip> Open(std::string_view bytes, const Limits& limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
      zip_error_fini(&error);
      return TooLarge("Regnearket er for stort til at blive læst.");
    }
    zip_t* z = zip_open_from_source(source, ZIP_RDONLY, &error);
    int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    if (!z) {
      zip_source_free(source);
      // libzip's own words are for programmers; people get the likely cause.
      if (code == ZIP_ER_MEMORY) return TooLarge("Regnearket er for stort til at blive læst.");
      return Broken("zip-filen er beskadiget eller afkortet (blev den hentet helt?)");
    }
    return Zip(z, limits);
  }

  bool Has(const std::string& name) { return zip_name_locate(z_.get(), name.c_str(), ZIP_FL_NOCASE) >= 0; }

  // The part's bytes, or nullopt when there is no such part. The part's stated size is
  // checked against what is left of max_inflated_bytes before anything is inflated, and
  // at most that size is read, so a header that lies about it cannot make us read more.
  Result<std::optional<std::string>> Part(const std::string& name) {
    zip_int64_t index = zip_name_locate(z_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::optional<std::string>();
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z_.get(), index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
      return Broken("delen " + Shown(name, 60) + " kan ikke læses");
    if (st.size > limits_.max_inflated_bytes || st.size > limits_.max_inflated_bytes - inflated_)
      return TooLarge("Regnearket fylder over " + FormatBytes(limits_.max_inflated_bytes) +
                      " udpakket og afvises (zipbombe?).");
    inflated_ += st.size;
    zip_file_t* file = zip_fopen_index(z_.get(), index, 0);
    if (!file) {
      int code = zip_error_code_zip(zip_get_error(z_.get()));
      if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
        return InvalidArgument("Filen er beskyttet med adgangskode og kan ikke læses; fjern adgangskoden i Excel og gem den igen.");
      if (code == ZIP_ER_COMPNOTSUPP) return Broken("den er pakket på en måde, som ikke understøttes; gem den igen fra Excel");
      return Broken("delen " + Shown(name, 60) + " kan ikke læses");
    }
    std::string out(static_cast<size_t>(st.size), '\0');
    size_t done = 0;
    while (done < out.size()) {
      zip_int64_t n = zip_fread(file, out.data() + done, out.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    zip_fclose(file);
    if (done != out.size()) return Broken("delen " + Shown(name, 60) + " er beskadiget");
    return std::optional<std::string>(std::move(out));
  }

 private:
  Zip(zip_t* z, const Limits& limits) : z_(z), limits_(limits) {}
  std::unique_ptr<zip_t, ZipCloser> z_;
  const Limits& limits_;
  size_t inflated_ = 0;
};

// ---- XML, compared by local name: some writers prefix SpreadsheetML ("x:c") ----

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling())
    if (child.type() == pugi::node_element && LocalName(child) == name) return child;
  return {};
}

template <typename F>
void ForEachChild(const pugi::xml_node& node, std::string_view name, F f) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling())
    if (child.type() == pugi::node_element && LocalName(child) == name) f(child);
}

// The attribute by local name ("r:id" and "ns1:id" alike when `name` is "id" with a prefix).
std::string_view Attribute(const pugi::xml_node& node, std::string_view name, bool prefixed = false) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view n = a.name();
    size_t colon = n.find(':');
    if (!prefixed && n == name) return a.value();
    if (prefixed && colon != std::string_view::npos && n.substr(colon + 1) == name) return a.value();
  }
  return {};
}

// Parses a part in place (the document keeps pointing into `bytes`).
Result<pugi::xml_node> Parse(pugi::xml_document& doc, std::string& bytes, const std::string& name,
                             std::string_view root) {
  pugi::xml_parse_result parsed = doc.load_buffer_inplace(bytes.data(), bytes.size());
  pugi::xml_node top = doc.document_element();
  if (!parsed || LocalName(top) != root) return Broken("delen " + Shown(name, 60) + " er beskadiget (ugyldig XML)");
  return top;
}

// The text of a string item (<si> or <is>): its <t>, or its rich text runs' <t>; the
// phonetic runs (<rPh>) are not part of the value.
std::string StringItem(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node child = item.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (LocalName(child) == "t") out += child.text().get();
    else if (LocalName(child) == "r") out += Child(child, "t").text().get();
  }
  return out;
}

// ---- the workbook: which part is the first worksheet ----

struct SheetPart {
  std::string name;
  std::string path;
  bool date1904 = false;
};

// "worksheets/sheet1.xml" is relative to xl/; "/xl/..." is absolute in the package.
std::string ResolveTarget(std::string_view target) {
  if (!target.empty() && target[0] == '/') return std::string(target.substr(1));
  std::vector<std::string> parts = {"xl"};
  size_t start = 0;
  while (start <= target.size()) {
    size_t slash = target.find('/', start);
    std::string part(target.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return text::Join(parts, "/");
}

Result<SheetPart> FindFirstWorksheet(Zip& zip) {
  SheetPart found;
  auto workbook_bytes = TRY(zip.Part("xl/workbook.xml"));
  auto rels_bytes = TRY(zip.Part("xl/_rels/workbook.xml.rels"));
  if (workbook_bytes && rels_bytes) {
    pugi::xml_document workbook_doc, rels_doc;
    pugi::xml_node workbook = TRY(Parse(workbook_doc, *workbook_bytes, "xl/workbook.xml", "workbook"));
    pugi::xml_node rels = TRY(Parse(rels_doc, *rels_bytes, "xl/_rels/workbook.xml.rels", "Relationships"));
    std::string_view date1904 = Attribute(Child(workbook, "workbookPr"), "date1904");
    found.date1904 = date1904 == "1" || date1904 == "true";
    std::map<std::string, std::string, std::less<>> worksheets;  // relationship id -> target
    ForEachChild(rels, "Relationship", [&](const pugi::xml_node& r) {
      std::string_view type = Attribute(r, "Type");
      if (type.size() >= 10 && type.substr(type.size() - 10) == "/worksheet")
        worksheets[std::string(Attribute(r, "Id"))] = ResolveTarget(Attribute(r, "Target"));
    });
    // The first worksheet people see: hidden sheets (lookup lists) and chart sheets are
    // skipped; a workbook of only hidden sheets gives its first.
    std::optional<SheetPart> first_hidden;
    ForEachChild(Child(workbook, "sheets"), "sheet", [&](const pugi::xml_node& s) {
      auto it = worksheets.find(Attribute(s, "id", /*prefixed=*/true));
      if (!found.path.empty() || it == worksheets.end() || !zip.Has(it->second)) return;
      SheetPart part{std::string(Attribute(s, "name")), it->second, found.date1904};
      if (Attribute(s, "state").empty() || Attribute(s, "state") == "visible") found = part;
      else if (!first_hidden) first_hidden = part;
    });
    if (found.path.empty() && first_hidden) found = *first_hidden;
  }
  if (found.path.empty() && zip.Has("xl/worksheets/sheet1.xml")) found.path = "xl/worksheets/sheet1.xml";
  if (found.path.empty()) {
    if (auto mimetype = TRY(zip.Part("mimetype")); mimetype && mimetype->find("opendocument.spreadsheet") != std::string::npos)
      return InvalidArgument("Filen er et OpenDocument-regneark (.ods); gem den som .xlsx eller CSV.");
    if (zip.Has("word/document.xml")) return InvalidArgument("Filen er et Word-dokument og ikke et regneark.");
    return Broken("den indeholder intet regneark");
  }
  return found;
}

// ---- shared strings and styles ----

Result<std::vector<std::string>> ReadSharedStrings(Zip& zip) {
  std::vector<std::string> strings;
  auto bytes = TRY(zip.Part("xl/sharedStrings.xml"));
  if (!bytes) return strings;
  pugi::xml_document doc;
  pugi::xml_node sst = TRY(Parse(doc, *bytes, "xl/sharedStrings.xml", "sst"));
  ForEachChild(sst, "si", [&](const pugi::xml_node& si) { strings.push_back(StringItem(si)); });
  return strings;
}

// For each cell style (cellXfs index): whether its number format shows a date.
Result<std::vector<bool>> ReadDateStyles(Zip& zip) {
  std::vector<bool> date_styles;
  auto bytes = TRY(zip.Part("xl/styles.xml"));
  if (!bytes) return date_styles;
  pugi::xml_document doc;
  pugi::xml_node styles = TRY(Parse(doc, *bytes, "xl/styles.xml", "styleSheet"));
  std::map<unsigned, bool> custom;
  ForEachChild(Child(styles, "numFmts"), "numFmt", [&](const pugi::xml_node& f) {
    custom[pugi::xml_attribute(f.attribute("numFmtId")).as_uint()] = IsDateFormatCode(Attribute(f, "formatCode"));
  });
  ForEachChild(Child(styles, "cellXfs"), "xf", [&](const pugi::xml_node& xf) {
    unsigned id = xf.attribute("numFmtId").as_uint();
    auto it = custom.find(id);
    date_styles.push_back(it != custom.end() ? it->second : IsBuiltInDateFormat(id));
  });
  return date_styles;
}

// ---- the worksheet ----

struct Context {
  const std::vector<std::string>& shared;
  const std::vector<bool>& date_styles;
  bool date1904;
};

Result<std::string> CellText(std::string raw, std::string_view where) {
  std::string decoded = DecodeEscapes(raw);
  if (!text::IsValidUtf8(decoded)) return Broken("celle " + std::string(where) + " indeholder ugyldige tegn");
  return text::Trim(text::CleanMultiline(decoded));
}

// One <c>: its value as the sheet shows it.
Result<Cell> ReadCell(const pugi::xml_node& c, const Context& context, std::string_view where) {
  Cell cell;
  std::string_view type = Attribute(c, "t");
  pugi::xml_node v = Child(c, "v");
  cell.formula = !Child(c, "f").empty();
  if (type == "inlineStr") {
    cell.text = TRY(CellText(StringItem(Child(c, "is")), where));
    return cell;
  }
  if (!v) {
    cell.formula_without_value = cell.formula;
    return cell;
  }
  std::string value = v.text().get();
  if (type == "s") {
    size_t index = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
    if (ec != std::errc() || end != value.data() + value.size() || index >= context.shared.size())
      return Broken("celle " + std::string(where) + " henviser til en tekst, der ikke findes");
    cell.text = TRY(CellText(context.shared[index], where));
  } else if (type == "str" || type == "e") {
    cell.text = TRY(CellText(value, where));  // a formula's text, or an error such as "#DIV/0!"
  } else if (type == "b") {
    cell.text = text::Trim(value) == "1" || text::Trim(value) == "true" ? "1" : "0";
  } else if (type == "d") {
    std::optional<double> serial = SerialFromIsoDate(text::Trim(value), context.date1904);
    if (!serial) return Broken("celle " + std::string(where) + " har en ugyldig dato");
    cell.number = serial;
    cell.text = *DateText(*serial, context.date1904);
    cell.date = true;
  } else {
    std::string trimmed = text::Trim(value);
    if (trimmed.empty()) {
      cell.formula_without_value = cell.formula;
      return cell;
    }
    double number = 0;
    auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), number);
    if (ec != std::errc() || end != trimmed.data() + trimmed.size() || !std::isfinite(number))
      return Broken("celle " + std::string(where) + " har et ugyldigt tal");
    cell.number = number;
    size_t style = c.attribute("s").as_uint();
    std::optional<std::string> date;
    if (style < context.date_styles.size() && context.date_styles[style]) date = DateText(number, context.date1904);
    cell.date = date.has_value();
    cell.text = date ? *date : NumberText(number);
  }
  return cell;
}

Status ReadSheetData(const pugi::xml_node& worksheet, const Context& context, RowsBuilder& rows) {
  int row_number = 0;
  for (pugi::xml_node row = Child(Child(worksheet, "sheetData"), "row"); row; row = row.next_sibling()) {
    if (row.type() != pugi::node_element || LocalName(row) != "row") continue;
    // "r" may be left out: then the row follows the previous one (ECMA-376 18.3.1.73).
    std::string_view r = Attribute(row, "r");
    int number = r.empty() ? row_number + 1 : 0;
    if (!r.empty()) {
      auto [end, ec] = std::from_chars(r.data(), r.data() + r.size(), number);
      if (ec != std::errc() || end != r.data() + r.size()) number = 0;
    }
    if (number < 1 || number > kMaxRows) return Broken("række " + Shown(r, 20) + " har et ugyldigt nummer");
    row_number = number;
    size_t column = 0;
    bool first = true;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || LocalName(c) != "c") continue;
      std::string_view ref = Attribute(c, "r");
      if (ref.empty()) {
        column = first ? 0 : column + 1;
      } else {
        std::optional<CellRef> parsed = ParseCellRef(ref);
        if (!parsed || parsed->row != number) return Broken("cellen «" + Shown(ref, 20) + "» har en ugyldig placering");
        column = parsed->column;
      }
      first = false;
      std::string where = ColumnName(column) + std::to_string(number);
      Cell cell = TRY(ReadCell(c, context, where));
      RETURN_IF_ERROR(rows.Put(number, column, std::move(cell)));
    }
  }
  return OkStatus();
}

// Merged cells: a merge over several rows is one value for all of them (a committee
// name beside its items), so the rows below get a copy in the range's first column; a
// merge over columns only is a heading and keeps its value in the top-left cell.
Status ApplyMerges(const pugi::xml_node& worksheet, RowsBuilder& rows) {
  for (pugi::xml_node m = Child(Child(worksheet, "mergeCells"), "mergeCell"); m; m = m.next_sibling()) {
    if (m.type() != pugi::node_element || LocalName(m) != "mergeCell") continue;
    std::string_view ref = Attribute(m, "ref");
    size_t colon = ref.find(':');
    if (colon == std::string_view::npos) continue;  // one cell: nothing to fill
    std::optional<CellRef> top_left = ParseCellRef(ref.substr(0, colon));
    std::optional<CellRef> bottom_right = ParseCellRef(ref.substr(colon + 1));
    if (!top_left || !bottom_right || bottom_right->row < top_left->row || bottom_right->column < top_left->column)
      return Broken("de flettede celler «" + Shown(ref, 30) + "» er ugyldige");
    const Cell* source = rows.Find(top_left->row, top_left->column);
    if (!source || bottom_right->row == top_left->row) continue;
    Cell copy = *source;
    copy.merged_copy = true;
    for (int r = top_left->row + 1; r <= bottom_right->row; ++r) {
      RETURN_IF_ERROR(rows.Charge(1));
      if (!rows.Find(r, top_left->column)) RETURN_IF_ERROR(rows.Put(r, top_left->column, copy));
    }
  }
  return OkStatus();
}

}  // namespace

Result<Sheet> ReadXlsx(std::string_view bytes, std::string_view filename, const Limits& limits) {
  Zip zip = TRY(Zip::Open(bytes, limits));
  SheetPart part = TRY(FindFirstWorksheet(zip));
  auto sheet_bytes = TRY(zip.Part(part.path));
  if (!sheet_bytes) return Broken("den indeholder intet regneark");
  std::vector<std::string> shared = TRY(ReadSharedStrings(zip));
  std::vector<bool> date_styles = TRY(ReadDateStyles(zip));
  pugi::xml_document doc;
  pugi::xml_node worksheet = TRY(Parse(doc, *sheet_bytes, part.path, "worksheet"));
  RowsBuilder rows(limits, limits.max_inflated_bytes);
  RETURN_IF_ERROR(ReadSheetData(worksheet, Context{shared, date_styles, part.date1904}, rows));
  RETURN_IF_ERROR(ApplyMerges(worksheet, rows));
  Sheet sheet;
  sheet.format = Format::kXlsx;
  sheet.name = Shown(part.name, 100);
  sheet.rows = std::move(rows).Finish();
  return sheet;
}

}  // namespace bs::sheet::internal
