#include "domain/plan/proposal_code.h"

#include <gtest/gtest.h>

namespace bs {
namespace {

struct CodeCase {
  const char* input;
  bool ok;
  int number;
  std::vector<std::string> flags;
};

class ProposalCodeTest : public ::testing::TestWithParam<CodeCase> {};

TEST_P(ProposalCodeTest, ParsesAndKeepsTextExactly) {
  const CodeCase& c = GetParam();
  auto r = ProposalCode::Parse(c.input);
  ASSERT_EQ(r.ok(), c.ok) << c.input;
  if (!c.ok) {
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    return;
  }
  EXPECT_EQ(r->text(), c.input);  // printed back unchanged
  EXPECT_EQ(r->prefix(), "R");
  EXPECT_EQ(r->number(), c.number);
  EXPECT_EQ(r->flags(), c.flags);
}

INSTANTIATE_TEST_SUITE_P(Table, ProposalCodeTest, ::testing::Values(
    CodeCase{"R307(B)", true, 307, {"B"}},
    CodeCase{"R001(I)(B)", true, 1, {"I", "B"}},
    CodeCase{"R101 (I)(B)", true, 101, {"I", "B"}},
    CodeCase{"R706", true, 706, {}},
    CodeCase{"R30 7(B", false, 0, {}},
    CodeCase{"R307(B", false, 0, {}},
    CodeCase{"R307()", false, 0, {}},
    CodeCase{"307(B)", false, 0, {}},
    CodeCase{"R(B)", false, 0, {}},
    CodeCase{"R307  (B)", false, 0, {}},
    CodeCase{"R307(b)", false, 0, {}},
    CodeCase{"R307(B)x", false, 0, {}}));

TEST(ProposalCodeTest, KeepsLeadingZeros) {
  auto r = ProposalCode::Parse("R001(I)(B)");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->digits(), 3);
  EXPECT_EQ(r->text(), "R001(I)(B)");
}

}  // namespace
}  // namespace bs
