// The streaming JSON writer prints exactly what nlohmann prints for the same document
// (json_writer.h), so the API's answers did not change when the item list stopped
// building a tree (issue 12).
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "support/test_server.h"
#include "web/handlers/item_json.h"
#include "web/json_writer.h"

namespace bs::testing {
namespace {
using nlohmann::json;

std::string Nlohmann(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

TEST(JsonWriterTest, StringsAreEscapedAsNlohmannDoes) {
  const std::vector<std::string> cases = {
      "", "Børne- og Ungdomsudvalget", "R307(B) «citat» – 1.000 kr.", "\"quoted\" \\ back", "linje 1\nlinje 2\r\t",
      std::string("nul\0byte", 8), "\x01\x1f\x7f", "\b\f", "emoji 😀", "bad \xC3 utf-8", "\xFF\xFE", "ok \xE2\x88\x92 400"};
  for (const auto& s : cases) {
    std::string out;
    web::AppendJsonString(out, s);
    EXPECT_EQ(out, Nlohmann(json(s))) << "case " << (&s - &cases[0]);
  }
}

TEST(JsonWriterTest, NumbersArePrintedAsNlohmannDoes) {
  for (double v : {0.0, -0.0, 1.0, -400.0, 1100.0, 1234.5, -1.5, 0.001, 123456789.123, 1e-5, 1e20, 2.5e15, 1e16, 1234567890123456.0, 123456789012345680.0, 999999999999999.0,
                   -987654.321, 0.1, 1.0 / 3.0}) {
    std::string out;
    web::AppendJsonDouble(out, v);
    EXPECT_EQ(out, json(v).dump()) << v;
  }
  std::string out;
  web::JsonWriter w(out);
  w.BeginObject().Member("a", int64_t{-9007199254740993}).Member("b", true).Key("c").Null().Key("d").BeginArray();
  w.Int(1).Double(2.5).BeginObject().EndObject().BeginArray().EndArray().EndArray().EndObject();
  EXPECT_EQ(out, R"({"a":-9007199254740993,"b":true,"c":null,"d":[1,2.5,{},[]]})");
}

// Every item of the demo plan (all categories, codes with flags, timings of each
// kind, political treatment, amounts, realised, strategic lines, themes): the streamed
// text parses and prints back identical, so its keys are in nlohmann's order and its
// values in nlohmann's form.
TEST(JsonWriterTest, EveryDemoItemStreamsAsNlohmannWouldPrintIt) {
  TestServer server;
  auto ctx = server.plans().Context(server.demo_plan());
  ASSERT_TRUE(ctx.ok());
  auto page = server.plans().ListItems(server.demo_plan(), ItemFilter{});
  ASSERT_TRUE(page.ok());
  ASSERT_GT(page->items.size(), 30u);
  std::set<std::string> kinds;
  for (const auto& item : page->items) {
    std::string text = web::ItemJsonText(*ctx, item);
    json parsed = json::parse(text);
    EXPECT_EQ(text, Nlohmann(parsed)) << item.id();
    EXPECT_EQ(parsed["id"], item.id());
    EXPECT_EQ(parsed["title"], item.data().title);
    kinds.insert(parsed["timing_parsed"]["kind"].get<std::string>());
    if (item.data().code) {
      EXPECT_EQ(parsed["code_parts"]["number"], item.data().code->number());
    }
  }
  EXPECT_GE(kinds.size(), 3u) << "the demo should hold several kinds of timing";
}

}  // namespace
}  // namespace bs::testing
