// A seeded mutation fuzzer for the sheet readers (issue 13), no clang needed: fixtures
// mutated by bit flips, interesting bytes, truncations, insertions of tokens that mean
// something to CSV or SpreadsheetML, duplicated and deleted chunks; for XLSX also the
// XML inside a valid zip, rebuilt with libzip so that the parsers see it, not just
// libzip's checksums. Every result must be a sheet of valid UTF-8 in ascending rows or
// an InvalidArgument/TooLarge with a non-empty message; nothing may throw or crash.
//
// Runs BS_FUZZ_SECONDS in total (5; bench/fuzz-import.sh runs it longer) from seed
// BS_FUZZ_SEED (13). With BS_FUZZ_CRASH_DIR set, a crashing input is written there.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "core/text.h"
#include "importers/sheet/sheet.h"
#include "importers/sheet_test_util.h"
#include "importers/xlsx_test_util.h"

namespace bs::sheet {
namespace {

// ---- keeping the input that crashed ----

const char* volatile g_input = nullptr;
volatile size_t g_input_size = 0;
char g_crash_path[4096];

void OnCrash(int sig) {
  // Only async-signal-safe calls: open, write, close, then die of the same signal.
  if (g_crash_path[0] && g_input) {
    int fd = ::open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      ssize_t ignored = ::write(fd, g_input, g_input_size);
      (void)ignored;
      ::close(fd);
    }
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void InstallCrashHandler() {
  const char* dir = std::getenv("BS_FUZZ_CRASH_DIR");
  if (!dir) return;
  std::snprintf(g_crash_path, sizeof g_crash_path, "%s/crash-%d.bin", dir, static_cast<int>(::getpid()));
  for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, OnCrash);
}

// ---- the loop ----

double Budget(double share) {
  const char* env = std::getenv("BS_FUZZ_SECONDS");
  double total = env ? std::atof(env) : 5.0;
  return total * share;
}

uint64_t Seed() {
  const char* env = std::getenv("BS_FUZZ_SEED");
  return env ? std::strtoull(env, nullptr, 10) : 13;
}

constexpr size_t kMaxInput = 512 * 1024;

class Mutator {
 public:
  Mutator(uint64_t seed, std::vector<std::string> tokens) : rng_(seed), tokens_(std::move(tokens)) {}

  size_t Below(size_t n) { return n ? std::uniform_int_distribution<size_t>(0, n - 1)(rng_) : 0; }

  std::string Mutate(std::string s) {
    for (size_t ops = 1 + Below(4); ops > 0; --ops) {
      size_t at = Below(s.size() + 1);
      switch (Below(7)) {
        case 0:  // flip a bit
          if (!s.empty()) s[Below(s.size())] ^= static_cast<char>(1 << Below(8));
          break;
        case 1: {  // an interesting byte
          static constexpr char kBytes[] = {'\0', '\xFF', '"', ';', ',', '\t', '\n', '\r', '<', '>', '&',
                                            '\x80', '\x81', '\xC3', '\xE2', '0', '9', '-', '.'};
          if (!s.empty()) s[Below(s.size())] = kBytes[Below(sizeof kBytes)];
          break;
        }
        case 2:  // truncate
          s.resize(at);
          break;
        case 3:  // a token
          s.insert(at, tokens_[Below(tokens_.size())]);
          break;
        case 4: {  // duplicate a chunk
          size_t from = Below(s.size() + 1), len = Below(std::min<size_t>(s.size() - from, 4096) + 1);
          std::string chunk = s.substr(from, len);
          for (size_t times = 1 + Below(Below(2) ? 2 : 64); times > 0 && s.size() + chunk.size() < kMaxInput; --times)
            s.insert(at, chunk);
          break;
        }
        case 5: {  // delete a chunk
          s.erase(at, Below(64) + 1);
          break;
        }
        default:  // random bytes
          for (size_t n = Below(8) + 1; n > 0; --n) s.insert(s.begin() + static_cast<std::ptrdiff_t>(Below(s.size() + 1)), static_cast<char>(Below(256)));
      }
    }
    if (s.size() > kMaxInput) s.resize(kMaxInput);
    return s;
  }

 private:
  std::mt19937_64 rng_;
  std::vector<std::string> tokens_;
};

struct Outcome {
  size_t iterations = 0;
  size_t read = 0;  // inputs that gave a sheet, not an error: the mutations reach the parsers
  size_t failures = 0;
};

// Reads one input and checks the result; returns false when it breaks the contract.
bool Survives(const std::string& input, std::string_view filename, const Limits& limits, std::string* why,
              bool* read) {
  g_input = input.data();
  g_input_size = input.size();
  Result<Sheet> r = Error{};
  try {
    r = Read(input, filename, limits);
  } catch (...) {
    *why = "an exception left Read";
    return false;
  }
  if (!r.ok()) {
    const Error& e = r.error();
    if (e.code != ErrorCode::kInvalidArgument && e.code != ErrorCode::kTooLarge) *why = "code " + std::to_string(static_cast<int>(e.code)) + ": " + e.message;
    else if (e.message.empty() || !text::IsValidUtf8(e.message)) *why = "an empty or broken message: " + e.message;
    return why->empty();
  }
  *read = true;
  int previous = 0;
  for (const Row& row : r->rows) {
    if (row.number <= previous) *why = "rows out of order";
    previous = row.number;
    if (row.cells.size() > limits.max_columns) *why = "a row past max_columns";
    for (const Cell& cell : row.cells)
      if (!text::IsValidUtf8(cell.text) || cell.text != text::Trim(cell.text)) *why = "a cell that is not trimmed UTF-8";
  }
  return why->empty();
}

template <typename NextInput>
Outcome Fuzz(const char* name, double seconds, NextInput next) {
  InstallCrashHandler();
  Limits limits;
  limits.max_file_bytes = kMaxInput;
  limits.max_inflated_bytes = 8u * 1024 * 1024;
  limits.max_cells = 50'000;
  Outcome out;
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    auto [input, filename] = next();
    std::string why;
    bool read = false;
    ++out.iterations;
    bool survived = Survives(input, filename, limits, &why, &read);
    out.read += read;
    if (!survived) {
      if (++out.failures <= 5) ADD_FAILURE() << name << " iteration " << out.iterations << ": " << why;
    }
  }
  g_input = nullptr;
  std::cout << "fuzz " << name << ": " << out.iterations << " iterations (" << out.read << " read as a sheet), "
            << out.failures << " failures, seed " << Seed()
            << ", " << seconds << " s" << std::endl;
  return out;
}

std::vector<std::string> FixturesEndingIn(const std::string& ext) {
  std::vector<std::string> out;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(BUDGETSPOR_TEST_DATA) + "/import"))
    if (entry.path().extension() == ext) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());  // the same corpus order on every machine
  for (const auto& p : paths) out.push_back(Fixture(p.filename().string()));
  return out;
}

TEST(SheetFuzzTest, CsvReaderSurvivesMutations) {
  std::vector<std::string> corpus = FixturesEndingIn(".csv");
  corpus.push_back("a;b\r\n\"c\"\"d\";\"e\nf\"\r\n");
  corpus.push_back(std::string("\xFF\xFE" "a\0;\0b\0\n\0", 10));
  ASSERT_GE(corpus.size(), 6u);
  Mutator m(Seed(), {"\"", "\"\"", ";", ",", "\t", "\r\n", "\r", "\n\n", "\xEF\xBB\xBF", "\xFF\xFE", "\x80", "\x81",
                     "\xC3\xA6", "\xE2\x80\x93", "  ", "PK\x03\x04", "%PDF", "<html>"});
  Outcome out = Fuzz("csv", Budget(0.4), [&] {
    return std::pair<std::string, std::string_view>(m.Mutate(corpus[m.Below(corpus.size())]), "plan.csv");
  });
  EXPECT_EQ(out.failures, 0u);
  EXPECT_GT(out.iterations, 0u);
}

TEST(SheetFuzzTest, XlsxReaderSurvivesMutations) {
  std::vector<std::string> corpus = FixturesEndingIn(".xlsx");
  XlsxParts p;
  p.shared_strings = "<si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r></si>";
  p.styles = "<numFmts><numFmt numFmtId=\"164\" formatCode=\"dd-mm-yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs>";
  p.sheet_data = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>45818</v></c><c r=\"C1\"><f>A1</f></c>"
                 "<c r=\"D1\" t=\"inlineStr\"><is><t>x_x000D_</t></is></c><c r=\"E1\" t=\"b\"><v>1</v></c></row>"
                 "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" t=\"e\"><v>#N/A</v></c><c r=\"C3\" t=\"d\"><v>2025-06-10</v></c></row>";
  p.after_sheet_data = "<mergeCells><mergeCell ref=\"A1:A3\"/><mergeCell ref=\"B3:D3\"/></mergeCells>";
  corpus.push_back(Xlsx(p));
  ASSERT_GE(corpus.size(), 4u);
  // The parts of each package (not_a_zip.xlsx has none), to mutate the XML and zip it again.
  std::vector<testing::ZipEntries> packages;
  for (const std::string& zip : corpus)
    if (auto entries = testing::ReadZip(zip); !entries.empty()) packages.push_back(std::move(entries));
  ASSERT_GE(packages.size(), 4u);
  Mutator m(Seed(), {"<c r=\"XFD1048576\"><v>1</v></c>", "<v>1e308</v>", "<v>-1</v>", " t=\"s\"", " t=\"inlineStr\"",
                     " t=\"str\"", " t=\"d\"", " s=\"4294967295\"", " s=\"1\"", "<f>A1</f>", "</row>", "<row r=\"0\">",
                     "<row>", "<c>", "<mergeCell ref=\"A1:A1048576\"/>", "<mergeCell ref=\"A1:XFD2\"/>", "_x000D_",
                     "_xD800_", "&amp;", "&#0;", "&#x110000;", "<![CDATA[x]]>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;",
                     "date1904=\"1\"", "numFmtId=\"14\"", "formatCode=\"yyyy\"", "\xC3", "<x:c>", "r:id=\"rId9\"",
                     "Target=\"/xl/worksheets/../../../etc/passwd\"", "state=\"hidden\""});
  Outcome out = Fuzz("xlsx", Budget(0.6), [&] {
    if (m.Below(4) == 0)
      return std::pair<std::string, std::string_view>(m.Mutate(corpus[m.Below(corpus.size())]), "plan.xlsx");
    testing::ZipEntries entries = packages[m.Below(packages.size())];
    for (size_t parts = 1 + m.Below(2); parts > 0; --parts) {
      auto& part = entries[m.Below(entries.size())];
      part.second = m.Mutate(part.second);
    }
    if (m.Below(8) == 0) entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(m.Below(entries.size())));
    return std::pair<std::string, std::string_view>(testing::BuildZip(entries), "plan.xlsx");
  });
  EXPECT_EQ(out.failures, 0u);
  EXPECT_GT(out.iterations, 0u);
}

}  // namespace
}  // namespace bs::sheet
