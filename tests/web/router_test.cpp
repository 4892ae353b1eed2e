#include "web/router.h"

#include <gtest/gtest.h>

#include "web/form.h"
#include "web/html.h"

namespace bs::web {
namespace {

TEST(SplitPathTest, DecodesAndRejectsTraversal) {
  std::vector<std::string> s;
  ASSERT_TRUE(SplitPath("/planer/1/udvalg/%C3%98K", &s));
  EXPECT_EQ(s, (std::vector<std::string>{"planer", "1", "udvalg", "ØK"}));
  EXPECT_FALSE(SplitPath("/a/..", &s));
  EXPECT_FALSE(SplitPath("/a/%2e%2e", &s));
  EXPECT_FALSE(SplitPath("/a/b%2Fc", &s));
  EXPECT_FALSE(SplitPath("/a/%00", &s));
  EXPECT_FALSE(SplitPath("/a/%C3", &s));
  EXPECT_FALSE(SplitPath("/a/%G1", &s));
}

TEST(RouterTest, MatchesParamsAndAnswers405) {
  Router r;
  r.Add("GET", "/emner/{id}", [](const Request&, const Params& p) { return Response::Html(200, p.at("id")); });
  r.SetNotFound([](const Request&, const Params&) { return Response::Html(404, ""); });
  r.SetMethodNotAllowed([](const Request&, const std::string& allow) { return Response::Html(405, allow); });
  auto request = [](std::string method, std::string path) {
    Request q;
    q.method = std::move(method);
    q.path = std::move(path);
    return q;
  };
  EXPECT_EQ(r.Dispatch(request("GET", "/emner/42")).body, "42");
  EXPECT_EQ(r.Dispatch(request("POST", "/emner/42")).status, 405);
  EXPECT_EQ(r.Dispatch(request("GET", "/nope")).status, 404);
}

TEST(RouterTest, MovedPagesRedirectPermanently) {
  Router r;
  r.Add("GET", "/planer/{id}/udvalg/{code}", [](const Request&, const Params& p) { return Response::Html(200, p.at("code")); });
  r.Add("GET", "/plans/{id}/keep", [](const Request&, const Params&) { return Response::Html(200, "route"); });
  r.Moved("/plans/{id}/committees/{code}", "/planer/{id}/udvalg/{code}");
  r.Moved("/plans/{id}/keep", "/planer/{id}/keep");
  r.SetNotFound([](const Request&, const Params&) { return Response::Html(404, ""); });
  r.SetMethodNotAllowed([](const Request&, const std::string& allow) { return Response::Html(405, allow); });
  auto request = [](std::string method, std::string path, std::string query = "") {
    Request q;
    q.method = std::move(method);
    q.path = std::move(path);
    q.query = std::move(query);
    return q;
  };
  auto location = [](const Response& res) {
    for (const auto& [k, v] : res.headers) if (k == "Location") return v;
    return std::string();
  };
  // The values go on still percent-encoded, the query as it came.
  auto get = r.Dispatch(request("GET", "/plans/7/committees/%C3%98K", "q=a%20b&x=1"));
  EXPECT_EQ(get.status, 301);
  EXPECT_EQ(location(get), "/planer/7/udvalg/%C3%98K?q=a%20b&x=1");
  EXPECT_EQ(r.Dispatch(request("HEAD", "/plans/7/committees/BUU")).status, 301);
  auto post = r.Dispatch(request("POST", "/plans/7/committees/BUU"));
  EXPECT_EQ(post.status, 308);
  EXPECT_EQ(location(post), "/planer/7/udvalg/BUU");
  EXPECT_EQ(r.Dispatch(request("GET", "/planer/7/udvalg/%C3%98K")).body, "ØK");
  // A registered route wins; what matches no old pattern stays 404.
  EXPECT_EQ(r.Dispatch(request("GET", "/plans/7/keep")).body, "route");
  EXPECT_EQ(r.Dispatch(request("POST", "/plans/7/keep")).status, 405);
  EXPECT_EQ(r.Dispatch(request("GET", "/plans/7/committees")).status, 404);
  EXPECT_EQ(r.Dispatch(request("GET", "/plans/7/committees/BUU/x")).status, 404);
  EXPECT_EQ(r.Dispatch(request("GET", "/plans/7/committees/..")).status, 404);
  // Whatever bytes the parser let through, Location stays printable ASCII.
  auto raw = r.Dispatch(request("GET", "/plans/7/committees/\xC3\x98K", "q=\xC3\xA6 x\r\nSet-Cookie: a=1"));
  EXPECT_EQ(raw.status, 301);
  EXPECT_EQ(location(raw), "/planer/7/udvalg/%C3%98K?q=%C3%A6%20x%0D%0ASet-Cookie:%20a=1");
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
