// Helpers the sheet reader tests share: fixtures from tests/data/import and short ways
// to look at a Sheet.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "importers/sheet/sheet.h"

namespace bs::sheet {

// Cells built field by field (a partial designated initializer warns under -Wextra).
inline Cell TextCell(std::string text) {
  Cell cell;
  cell.text = std::move(text);
  return cell;
}
inline Cell NumberCell(std::string text, double number) {
  Cell cell = TextCell(std::move(text));
  cell.number = number;
  return cell;
}

inline std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(BUDGETSPOR_TEST_DATA) + "/import/" + name, std::ios::binary);
  EXPECT_TRUE(in) << "missing fixture " << name;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Each row's cell texts, for comparing a whole sheet at once.
inline std::vector<std::vector<std::string>> Texts(const Sheet& sheet) {
  std::vector<std::vector<std::string>> out;
  for (const Row& row : sheet.rows) {
    out.emplace_back();
    for (const Cell& cell : row.cells) out.back().push_back(cell.text);
  }
  return out;
}

inline std::vector<int> RowNumbers(const Sheet& sheet) {
  std::vector<int> out;
  for (const Row& row : sheet.rows) out.push_back(row.number);
  return out;
}

}  // namespace bs::sheet
