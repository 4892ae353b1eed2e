// Hand-made XLSX packages for the reader tests and the fuzz loop: the parts a writer
// library would not produce (a formula without a cached value, prefixed elements, the
// 1904 date system, broken parts), zipped with libzip in memory.
#pragma once

#include <string>

#include "support/zip_build.h"

namespace bs::sheet {

struct XlsxParts {
  std::string sheet_data;          // the inside of <sheetData>
  std::string after_sheet_data;    // e.g. <mergeCells>
  std::string shared_strings;      // the inside of <sst>; no part when empty
  std::string styles;              // the inside of <styleSheet>; no part when empty
  std::string workbook_pr;         // attributes of <workbookPr>, e.g. date1904="1"
  std::string sheet_name = "Ark1";
};

inline testing::ZipEntries XlsxEntries(const XlsxParts& p) {
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
  testing::ZipEntries entries = {
      {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + ns + "><workbookPr " + p.workbook_pr +
                              "/><sheets><sheet name=\"" + p.sheet_name + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
       "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet " + ns + "><sheetData>" + p.sheet_data +
                                       "</sheetData>" + p.after_sheet_data + "</worksheet>"},
  };
  if (!p.shared_strings.empty())
    entries.push_back({"xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst " + ns + ">" + p.shared_strings + "</sst>"});
  if (!p.styles.empty())
    entries.push_back({"xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + ns + ">" + p.styles + "</styleSheet>"});
  return entries;
}

inline std::string Xlsx(const XlsxParts& p) { return testing::BuildZip(XlsxEntries(p)); }

}  // namespace bs::sheet
