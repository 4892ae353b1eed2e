#include "web/router.h"

#include <gtest/gtest.h>

#include "web/form.h"
#include "web/html.h"

namespace bs::web {
namespace {

TEST(SplitPathTest, DecodesAndRejectsTraversal) {
  std::vector<std::string> s;
  ASSERT_TRUE(SplitPath("/plans/1/committees/%C3%98K", &s));
  EXPECT_EQ(s, (std::vector<std::string>{"plans", "1", "committees", "ØK"}));
  EXPECT_FALSE(SplitPath("/a/..", &s));
  EXPECT_FALSE(SplitPath("/a/%2e%2e", &s));
  EXPECT_FALSE(SplitPath("/a/b%2Fc", &s));
  EXPECT_FALSE(SplitPath("/a/%00", &s));
  EXPECT_FALSE(SplitPath("/a/%C3", &s));
  EXPECT_FALSE(SplitPath("/a/%G1", &s));
}

TEST(RouterTest, MatchesParamsAndAnswers405) {
  Router r;
  r.Add("GET", "/items/{id}", [](const Request&, const Params& p) { return Response::Html(200, p.at("id")); });
  r.SetNotFound([](const Request&, const Params&) { return Response::Html(404, ""); });
  r.SetMethodNotAllowed([](const Request&, const std::string& allow) { return Response::Html(405, allow); });
  auto request = [](std::string method, std::string path) {
    Request q;
    q.method = std::move(method);
    q.path = std::move(path);
    return q;
  };
  EXPECT_EQ(r.Dispatch(request("GET", "/items/42")).body, "42");
  EXPECT_EQ(r.Dispatch(request("POST", "/items/42")).status, 405);
  EXPECT_EQ(r.Dispatch(request("GET", "/nope")).status, 404);
}

TEST(FormDataTest, ParsesUrlEncodedUtf8) {
  FormData f;
  ASSERT_TRUE(FormData::Parse("title=Bl%C3%A5+b%C3%A6r&x=&y", &f));
  EXPECT_EQ(f.Get("title"), "Blå bær");
  EXPECT_TRUE(f.Has("y"));
  EXPECT_FALSE(FormData::Parse("a=%FF", &f));
  EXPECT_FALSE(FormData::Parse("a=%4", &f));
}

TEST(HtmlTest, EscapesEveryDangerousCharacter) {
  EXPECT_EQ(Escape("<a href=\"x\" onclick='y'>&</a>"), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

}  // namespace
}  // namespace bs::web
