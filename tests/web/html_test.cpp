// The escaping helper's rules (issue 12): Raw takes literals only, fragments come only
// from an Html, and a POST form is opened by PostForm, which writes the CSRF slot.
#include "web/html.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <type_traits>

namespace bs::web {
namespace {

template <typename T>
concept RawTakes = requires(Html h, T markup) { h.Raw(markup); };
template <typename T>
concept AppendTakes = requires(Html h, T fragment) { h.Append(fragment); };

// Runtime strings cannot be written as markup: they do not compile.
static_assert(!RawTakes<std::string>);
static_assert(!RawTakes<const std::string&>);
static_assert(!RawTakes<std::string_view>);
static_assert(!std::is_constructible_v<Literal, std::string>);
static_assert(!std::is_constructible_v<Literal, std::string_view>);
// A composed fragment is a SafeHtml, and nothing but an Html makes one.
static_assert(!AppendTakes<std::string>);
static_assert(!AppendTakes<std::string_view>);
static_assert(!std::is_constructible_v<SafeHtml, std::string>);
static_assert(!std::is_constructible_v<SafeHtml, const char*>);
static_assert(RawTakes<Literal>);
static_assert(AppendTakes<SafeHtml>);

TEST(HtmlTest, LiteralsAreWrittenAndTextIsEscaped) {
  Html h;
  h.Raw("<p>").Text("<b>&\"'").Raw(true ? Literal("!") : Literal("?")).RawIf(false, "x").Raw("</p>");
  EXPECT_EQ(h.Take(), "<p>&lt;b&gt;&amp;&quot;&#39;!</p>");
}

TEST(HtmlTest, AFragmentIsAppendedAsBuilt) {
  Html inner;
  inner.Raw("<em>").Text("a<b").Raw("</em>");
  SafeHtml fragment = inner.Fragment();
  Html h;
  h.Raw("<p>").Append(fragment).Raw("</p>");
  EXPECT_EQ(h.Take(), "<p><em>a&lt;b</em></p>");
}

TEST(HtmlTest, PostFormWritesTheCsrfSlotAfterTheOpeningTag) {
  Html h;
  h.PostForm("/emner/1/status?a=1&b=\"2\"", "class=\"stack\"").Raw("</form>");
  EXPECT_EQ(h.Take(), std::string("<form method=\"post\" action=\"/emner/1/status?a=1&amp;b=&quot;2&quot;\" class=\"stack\">") +
                          kSlot + "C</form>");
  Html bare;
  bare.PostForm("/log-ud");
  EXPECT_EQ(bare.Take(), std::string("<form method=\"post\" action=\"/log-ud\">") + kSlot + "C");
}

TEST(HtmlTest, TextCannotForgeASlot) {
  Html h;
  h.Text(std::string("a") + kSlot + "Cb");
  EXPECT_EQ(h.Take(), "aCb");
}

// Markup typed by hand no longer gets a CSRF field: only PostForm writes the slot.
TEST(HtmlTest, AFormTypedAsALiteralGetsNoSlot) {
  Html h;
  h.Raw("<form method=\"post\" action=\"/x\">");
  EXPECT_EQ(h.Take().find(kSlot), std::string::npos);
}

}  // namespace
}  // namespace bs::web
