// Golden files for the agenda text import (issue 13): every seed (../shared/seeds, the
// Norddjurs agenda texts) and the second layout's fixture import into exactly the JSON
// in tests/data/import/agenda/. BS_UPDATE_GOLDEN=1 rewrites the goldens: read the diff
// against the seed text by eye before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "importers/agenda/agenda_text.h"

namespace bs::agenda_import {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path GoldenDir() { return fs::path(BUDGETSPOR_TEST_DATA) / "import" / "agenda"; }

fs::path SeedsDir() {
  const char* env = std::getenv("BUDGETSPOR_SEEDS");
  return env ? fs::path(env) : fs::path(BUDGETSPOR_SEEDS_DIR);
}

// Compares (or with BS_UPDATE_GOLDEN=1 writes) the golden for `input`.
void CheckGolden(const fs::path& input, const std::string& golden_name, const Layout& layout) {
  auto r = Parse(ReadFile(input), layout);
  ASSERT_TRUE(r.ok()) << input << ": " << r.error().message;
  std::string json = ToJson(*r);
  fs::path golden = GoldenDir() / golden_name;
  const char* update = std::getenv("BS_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary) << json;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing: run with BS_UPDATE_GOLDEN=1 and check it by eye";
  EXPECT_EQ(json, ReadFile(golden)) << "for " << input;
}

TEST(AgendaGoldenTest, EverySeedImportsAsItsGolden) {
  fs::path seeds = SeedsDir();
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "SKIPPED: no seeds directory at " << seeds << " (../shared/seeds)";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    std::string prefix = entry.path().filename().string().substr(0, 3);  // "004"
    CheckGolden(entry.path(), prefix + ".golden.json", *FindLayout("norddjurs"));
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

TEST(AgendaGoldenTest, TheSagsnrLayoutsFixtureImportsAsItsGolden) {
  CheckGolden(GoldenDir() / "sagsnr_sample.txt", "sagsnr_sample.golden.json", *FindLayout("sagsnr"));
}

TEST(AgendaGoldenTest, DetectionPicksTheLayoutOfEachFixture) {
  auto sagsnr = ParseDetect(ReadFile(GoldenDir() / "sagsnr_sample.txt"));
  ASSERT_TRUE(sagsnr.ok());
  EXPECT_EQ(sagsnr->layout, "sagsnr");
  fs::path seeds = SeedsDir();
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "SKIPPED: no seeds directory at " << seeds;
  for (const auto& entry : fs::directory_iterator(seeds)) {
    auto r = ParseDetect(ReadFile(entry.path()));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->layout, "norddjurs") << entry.path();
  }
}

}  // namespace
}  // namespace bs::agenda_import
