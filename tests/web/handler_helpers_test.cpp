// The handlers' shared opening (issue 12): path ids and forms as Results.
#include "web/handler_helpers.h"

#include <gtest/gtest.h>

namespace bs::web {
namespace {

TEST(HandlerHelpersTest, PathIdTakesDigitsOnlyAndSaysWhatWasNotFound) {
  EXPECT_EQ(*PathId({{"id", "42"}}, "id", "Mødet findes ikke."), 42);
  for (const char* bad : {"", "0", "-1", "4x", "1234567890123456789"}) {
    auto r = PathId({{"id", bad}}, "id", "Mødet findes ikke.");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(r.error().message, "Mødet findes ikke.");
  }
  EXPECT_EQ(PathId({}, "id", "x").error().code, ErrorCode::kNotFound);
}

TEST(HandlerHelpersTest, ReadFormRefusesABodyThatDoesNotDecodeWith400) {
  Request r;
  r.body = "titel=M%C3%B8de&x=1";
  auto form = ReadForm(r);
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Get("titel"), "Møde");
  r.body = "titel=%ZZ";
  auto bad = ReadForm(r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().message, "Formularen kunne ikke læses (ugyldig kodning).");
  EXPECT_EQ(HtmlError(bad.error()).status, 400);
}

Response Opening(const Params& p, const Request& r) {
  int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
  FormData form = TRY_PAGE(ReadForm(r));
  return Response::Html(200, std::to_string(id) + form.Get("a"));
}

TEST(HandlerHelpersTest, TryPageAnswersWithTheErrorPage) {
  Request r;
  r.body = "a=b";
  EXPECT_EQ(Opening({{"id", "7"}}, r).body, "7b");
  EXPECT_EQ(Opening({{"id", "x"}}, r).status, 404);
  r.body = "a=%";
  EXPECT_EQ(Opening({{"id", "7"}}, r).status, 400);
}

}  // namespace
}  // namespace bs::web
