// Request files: plain-text tests of the site, in the spirit of DuckDB's sqllogictest
// (STYLE.md habit 13: request -> status + fragment). Every tests/requests/*.req is one
// test (RequestFiles/RequestFileTest.Runs/<file name>) against a fresh TestServer with
// the demo loaded; its blocks run in file order against that one server.
//
// The format, one block per request, blocks separated by blank lines:
//
//   # The public sees the published plan, never the live one
//   request GET /planer/{demo_plan}/versioner/1
//   as public
//   status 200
//   contains <html lang="da">
//   lacks href="/emner/
//   header Cache-Control: private, no-store
//
//   request    METHOD PATH   starts a block (GET, POST, PUT, DELETE); PATH is sent as
//                            written (percent-encode it yourself: %C3%98K for ØK).
//   as         WHO           required: `public` (not signed in) or a demo user:
//                            administrator, okonomi, fagchef, direktion, sekretaer,
//                            politiker (demo/demo_people.cpp).
//   status     CODE          required: the expected HTTP status, three digits.
//   contains   TEXT          TEXT appears in the response body (any number of these).
//   lacks      TEXT          TEXT does not appear in the response body.
//   header     NAME: VALUE   the response header NAME (any case) is exactly VALUE; an
//                            empty VALUE means the header is absent or empty.
//   body       FORM          a form body (application/x-www-form-urlencoded), sent as
//                            written; a signed-in request carries its CSRF token.
//
// TEXT and VALUE are the rest of the line with blanks at either end removed; there are
// no escapes (write «−» and «Ø» as they are). Lines starting with `#` are comments.
// Placeholders in PATH, FORM, TEXT and VALUE: `{demo_plan}` (the demo plan's id) and
// `{meeting BODY DD-MM-YYYY}` (the id of BODY's meeting that day). A `{` followed by a
// lower-case letter always starts a placeholder, and an unknown one is a parse error.
// Blocks run in order and may write (a POST), so a later block sees what an earlier
// one did; keep such files short and say so in a comment.
//
// A file that does not parse fails its test naming file:line, as does every expectation
// that does not hold (with the request, what was expected and what came back).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "support/http_client.h"
#include "support/test_server.h"
#include "web/session.h"

namespace bs::testing {
namespace {

struct Fragment {
  int line = 0;
  std::string text;
  bool present = true;  // `contains` (true) or `lacks` (false)
};

struct HeaderExpectation {
  int line = 0;
  std::string name;  // lower case, as HttpResult keeps them
  std::string value;
};

struct RequestBlock {
  int line = 0;  // of its `request` line
  std::string method;
  std::string target;
  std::string as;
  int status = 0;
  std::optional<std::string> body;
  std::vector<Fragment> fragments;
  std::vector<HeaderExpectation> headers;
};

struct ParseError {
  int line = 0;
  std::string message;
};

struct ParsedFile {
  std::vector<RequestBlock> blocks;
  std::vector<ParseError> errors;  // all of them, each with its line
};

std::string Trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return "";
  size_t b = s.find_last_not_of(" \t\r");
  return std::string(s.substr(a, b + 1 - a));
}

// The placeholders in `text` that a run can fill in; the message names the first that it cannot.
std::optional<std::string> CheckPlaceholders(const std::string& text) {
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    if (open + 1 >= text.size() || text[open + 1] < 'a' || text[open + 1] > 'z') continue;
    size_t close = text.find('}', open);
    if (close == std::string::npos) return "placeholder «" + text.substr(open) + "» has no closing }";
    std::istringstream words(text.substr(open + 1, close - open - 1));
    std::vector<std::string> w;
    for (std::string x; words >> x;) w.push_back(x);
    bool known = (w.size() == 1 && w[0] == "demo_plan") || (w.size() == 3 && w[0] == "meeting");
    if (!known)
      return "unknown placeholder «" + text.substr(open, close + 1 - open) +
             "» (known: {demo_plan}, {meeting BODY DD-MM-YYYY})";
  }
  return std::nullopt;
}

// A path is one word, but a placeholder in it may have blanks: {meeting ØK 10-06-2025}.
bool HasBlankOutsidePlaceholders(const std::string& target) {
  int depth = 0;
  for (char c : target) {
    if (c == '{') ++depth;
    else if (c == '}' && depth > 0) --depth;
    else if ((c == ' ' || c == '\t') && depth == 0) return true;
  }
  return false;
}

ParsedFile Parse(const std::string& text) {
  ParsedFile out;
  std::optional<RequestBlock> block;
  bool has_status = false;
  auto error = [&](int line, std::string message) { out.errors.push_back({line, std::move(message)}); };
  auto finish = [&] {
    if (!block) return;
    if (block->as.empty()) error(block->line, "the block has no `as` line (public or a demo user)");
    if (!has_status) error(block->line, "the block has no `status` line");
    out.blocks.push_back(std::move(*block));
    block.reset();
    has_status = false;
  };
  std::istringstream in(text);
  std::string raw;
  for (int line = 1; std::getline(in, raw); ++line) {
    std::string content = Trim(raw);
    if (content.empty()) {
      finish();
      continue;
    }
    if (content[0] == '#') continue;
    size_t space = content.find_first_of(" \t");
    std::string directive = content.substr(0, space);
    std::string rest = space == std::string::npos ? "" : Trim(content.substr(space));
    if (auto bad = CheckPlaceholders(rest)) {
      error(line, *bad);
      continue;
    }
    if (directive == "request") {
      if (block) {
        error(line, "a new `request` needs a blank line before it");
        finish();
      }
      std::string method = rest.substr(0, rest.find_first_of(" \t"));
      std::string target = Trim(rest.substr(method.size()));
      static const std::vector<std::string> kMethods = {"GET", "POST", "PUT", "DELETE"};
      if (std::find(kMethods.begin(), kMethods.end(), method) == kMethods.end())
        error(line, "`request` wants a method (GET, POST, PUT, DELETE), got «" + method + "»");
      else if (target.empty() || target[0] != '/' || HasBlankOutsidePlaceholders(target))
        error(line, "`request " + method + "` wants one path starting with /, got «" + target + "»");
      block = RequestBlock{};
      block->line = line;
      block->method = method;
      block->target = target;
      continue;
    }
    if (!block) {
      error(line, "«" + directive + "» outside a block: a block starts with `request METHOD PATH`");
      continue;
    }
    if (directive == "as") {
      if (!block->as.empty()) error(line, "a second `as` in one block");
      else if (rest.empty() || rest.find_first_of(" \t") != std::string::npos)
        error(line, "`as` wants one word: public or a demo user, got «" + rest + "»");
      else block->as = rest;
    } else if (directive == "status") {
      bool digits = rest.size() == 3 && std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (has_status) error(line, "a second `status` in one block");
      else if (!digits || rest[0] < '1' || rest[0] > '5') error(line, "`status` wants an HTTP status (100-599), got «" + rest + "»");
      else block->status = std::stoi(rest);
      has_status = true;
    } else if (directive == "contains" || directive == "lacks") {
      if (rest.empty()) error(line, "`" + directive + "` wants the text to look for");
      else block->fragments.push_back({line, rest, directive == "contains"});
    } else if (directive == "header") {
      size_t colon = rest.find(':');
      std::string name = colon == std::string::npos ? "" : Trim(rest.substr(0, colon));
      if (name.empty() || name.find_first_of(" \t") != std::string::npos) {
        error(line, "`header` wants «Name: value», got «" + rest + "»");
      } else {
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        block->headers.push_back({line, name, Trim(rest.substr(colon + 1))});
      }
    } else if (directive == "body") {
      if (block->body) error(line, "a second `body` in one block");
      else if (block->method == "GET") error(line, "a GET request has no `body`");
      else block->body = rest;
    } else {
      error(line, "unknown directive «" + directive + "» (request, as, status, contains, lacks, header, body)");
    }
  }
  finish();
  return out;
}

// Runs the blocks of one file against one server and reports each expectation that does
// not hold as a failure at file:line.
class Runner {
 public:
  Runner(TestServer& server, std::string file) : server_(server), file_(std::move(file)) {}

  void Run(const RequestBlock& block) {
    std::string target = Fill(block.target, block.line);
    std::string where = block.method + " " + target + " as " + block.as;
    std::map<std::string, std::string> headers;
    if (block.as != "public") {
      if (!server_.passwords().count(block.as)) {
        Fail(block.line, where, "unknown user «" + block.as + "» (public or a demo user)");
        return;
      }
      auto [it, fresh] = sessions_.try_emplace(block.as);
      if (fresh) it->second = server_.SignIn(block.as);
      headers["Cookie"] = std::string(web::kSessionCookie) + "=" + it->second.token;
      headers["X-CSRF-Token"] = it->second.csrf;
    }
    std::string body;
    if (block.body) {
      body = Fill(*block.body, block.line);
      headers["Content-Type"] = "application/x-www-form-urlencoded";
    }
    if (failed_fill_) return;
    auto r = HttpRequest(server_.port(), block.method, target, body, headers);
    if (r.status != block.status)
      Fail(block.line, where, "status " + std::to_string(r.status) + ", expected " + std::to_string(block.status) +
                                  "\n  body begins: " + Excerpt(r.body));
    for (const auto& f : block.fragments) {
      std::string text = Fill(f.text, f.line);
      bool found = r.body.find(text) != std::string::npos;
      if (found != f.present)
        Fail(f.line, where, (f.present ? "missing: «" : "forbidden but present: «") + text + "»");
    }
    for (const auto& h : block.headers) {
      std::string expected = Fill(h.value, h.line);
      if (r.Header(h.name) != expected)
        Fail(h.line, where, "header " + h.name + ": «" + r.Header(h.name) + "», expected «" + expected + "»");
    }
  }

 private:
  void Fail(int line, const std::string& where, const std::string& what) {
    ADD_FAILURE_AT(file_.c_str(), line) << where << "\n  " << what;
  }

  // The body's <main> if it has one (what differs between pages), else its start.
  static std::string Excerpt(const std::string& body) {
    size_t main = body.find("<main");
    std::string part = body.substr(main == std::string::npos ? 0 : main, 400);
    std::replace(part.begin(), part.end(), '\n', ' ');
    return part;
  }

  std::string Fill(std::string text, int line) {
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open)) {
      if (open + 1 >= text.size() || text[open + 1] < 'a' || text[open + 1] > 'z') {
        ++open;
        continue;
      }
      size_t close = text.find('}', open);
      std::string value = Resolve(text.substr(open + 1, close - open - 1), line);
      text.replace(open, close + 1 - open, value);
      open += value.size();
    }
    return text;
  }

  std::string Resolve(const std::string& placeholder, int line) {
    if (placeholder == "demo_plan") return std::to_string(server_.demo_plan());
    std::istringstream words(placeholder);
    std::string name, body, date;
    words >> name >> body >> date;
    auto day = Date::Parse(date);
    if (day.ok()) {
      auto list = server_.MeetingsOf(body, *day, *day);
      if (list.ok() && !list->empty()) return std::to_string(list->front().id);
    }
    ADD_FAILURE_AT(file_.c_str(), line) << "{" << placeholder << "}: no meeting of " << body << " on " << date;
    failed_fill_ = true;
    return "0";
  }

  TestServer& server_;
  std::string file_;
  std::map<std::string, TestServer::Credentials> sessions_;  // signed in once per file
  bool failed_fill_ = false;
};

std::vector<std::filesystem::path> RequestFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(BS_REQUESTS_DIR))
    if (entry.path().extension() == ".req") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class RequestFileTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(RequestFileTest, Runs) {
  const std::string file = GetParam().string();
  ParsedFile parsed = Parse(ReadFile(GetParam()));
  for (const auto& e : parsed.errors) ADD_FAILURE_AT(file.c_str(), e.line) << "parse error: " << e.message;
  if (!parsed.errors.empty()) return;
  ASSERT_FALSE(parsed.blocks.empty()) << file << " has no request";
  TestServer server;
  Runner runner(server, file);
  for (const auto& block : parsed.blocks) runner.Run(block);
}

INSTANTIATE_TEST_SUITE_P(RequestFiles, RequestFileTest, ::testing::ValuesIn(RequestFiles()),
                         [](const ::testing::TestParamInfo<std::filesystem::path>& info) {
                           std::string name = info.param.stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(RequestFilesTest, TheDirectoryHasFiles) { EXPECT_FALSE(RequestFiles().empty()) << BS_REQUESTS_DIR; }

// The parser: a malformed file is an error with its line, never a skipped block.
struct Malformed {
  std::string name;
  std::string text;
  int line;
  std::string message_part;
  friend void PrintTo(const Malformed& m, std::ostream* os) { *os << m.name; }
};

class RequestFileParserTest : public ::testing::TestWithParam<Malformed> {};

TEST_P(RequestFileParserTest, ReportsTheLineOfAMalformedFile) {
  ParsedFile parsed = Parse(GetParam().text);
  ASSERT_FALSE(parsed.errors.empty()) << GetParam().text;
  EXPECT_EQ(parsed.errors.front().line, GetParam().line) << parsed.errors.front().message;
  EXPECT_NE(parsed.errors.front().message.find(GetParam().message_part), std::string::npos) << parsed.errors.front().message;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, RequestFileParserTest,
    ::testing::Values(
        Malformed{"StatusNotANumber", "# a status that is no number\nrequest GET /\nas public\nstatus abc\n", 4,
                  "`status` wants an HTTP status"},
        Malformed{"UnknownDirective", "request GET /\nas public\nstatus 200\nexpect Forside\n", 4, "unknown directive «expect»"},
        Malformed{"ExpectationOutsideABlock", "request GET /\nas public\nstatus 200\n\ncontains x\n", 5, "outside a block"},
        Malformed{"NoAs", "request GET /\nstatus 200\n", 1, "no `as` line"},
        Malformed{"NoStatus", "request GET /\nas public\n", 1, "no `status` line"},
        Malformed{"UnknownMethod", "request FETCH /\nas public\nstatus 200\n", 1, "wants a method"},
        Malformed{"RelativePath", "request GET plans\nas public\nstatus 200\n", 1, "starting with /"},
        Malformed{"NoBlankLineBetweenBlocks", "request GET /\nas public\nstatus 200\nrequest GET /plans\nas public\nstatus 200\n", 4,
                  "blank line"},
        Malformed{"BodyOnAGet", "request GET /\nas public\nstatus 200\nbody a=1\n", 4, "GET request has no `body`"},
        Malformed{"UnknownPlaceholder", "request GET /planer/{plan}\nas public\nstatus 200\n", 1, "unknown placeholder «{plan}»"},
        Malformed{"HeaderWithoutColon", "request GET /\nas public\nstatus 200\nheader Location /x\n", 4, "«Name: value»"},
        Malformed{"TwoAs", "request GET /\nas public\nas okonomi\nstatus 200\n", 3, "second `as`"}),
    [](const ::testing::TestParamInfo<Malformed>& info) { return info.param.name; });

TEST(RequestFileParserTest, ReadsEveryDirective) {
  ParsedFile parsed = Parse(
      "# comment\n"
      "request POST /planer/{demo_plan}/emner\n"
      "as okonomi\n"
      "# a comment inside the block\n"
      "body title=%ZZ\n"
      "status 400\n"
      "contains Ugyldig  \n"
      "lacks <script>\n"
      "header Content-Type: text/html; charset=utf-8\n"
      "\n"
      "request GET /moeder/{meeting ØK 10-06-2025}\n"
      "as public\n"
      "status 200\n");
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors.front().line << ": " << parsed.errors.front().message;
  ASSERT_EQ(parsed.blocks.size(), 2u);
  const RequestBlock& b = parsed.blocks[0];
  EXPECT_EQ(b.line, 2);
  EXPECT_EQ(b.method, "POST");
  EXPECT_EQ(b.target, "/planer/{demo_plan}/emner");
  EXPECT_EQ(b.as, "okonomi");
  EXPECT_EQ(b.body, "title=%ZZ");
  EXPECT_EQ(b.status, 400);
  ASSERT_EQ(b.fragments.size(), 2u);
  EXPECT_EQ(b.fragments[0].text, "Ugyldig");
  EXPECT_TRUE(b.fragments[0].present);
  EXPECT_EQ(b.fragments[1].line, 8);
  EXPECT_FALSE(b.fragments[1].present);
  ASSERT_EQ(b.headers.size(), 1u);
  EXPECT_EQ(b.headers[0].name, "content-type");
  EXPECT_EQ(b.headers[0].value, "text/html; charset=utf-8");
  EXPECT_EQ(parsed.blocks[1].line, 11);
  EXPECT_FALSE(parsed.blocks[1].body.has_value());
}

}  // namespace
}  // namespace bs::testing
