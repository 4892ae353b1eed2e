// multipart/form-data parsing (uploads, issue 6).
#include "web/multipart.h"

#include <gtest/gtest.h>

namespace bs::web {
namespace {

const std::string kType = "multipart/form-data; boundary=XyZ";

std::string Body() {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc123\r\n"
         "--XyZ\r\nContent-Disposition: form-data; name=\"titel\"\r\n\r\nKort over \"stien\"\r\n"
         "--XyZ\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"k\\\"ort.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
         "%PDF-1.4\r\n--XY not the boundary\r\n\r\n"
         "--XyZ--\r\n";
}

TEST(MultipartTest, ReadsFieldsAndFilesWithTheirBytes) {
  auto m = Multipart::Parse(kType, Body());
  ASSERT_TRUE(m.has_value());
  ASSERT_EQ(m->parts().size(), 3u);
  EXPECT_EQ(m->Get("titel"), "Kort over \"stien\"");
  const Part* file = m->Find("fil");
  ASSERT_NE(file, nullptr);
  EXPECT_TRUE(file->is_file);
  EXPECT_EQ(file->filename, "k\"ort.pdf");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->data, "%PDF-1.4\r\n--XY not the boundary\r\n");
  EXPECT_EQ(Multipart::FieldOf(kType, Body(), "_csrf"), "abc123");
  EXPECT_EQ(Multipart::FieldOf(kType, Body(), "fil"), "") << "files are not fields";
}

TEST(MultipartTest, RefusesWhatIsNotWellFormed) {
  EXPECT_FALSE(Multipart::Parse("multipart/form-data", Body()).has_value()) << "no boundary";
  EXPECT_FALSE(Multipart::Parse("application/x-www-form-urlencoded; boundary=XyZ", Body()).has_value());
  EXPECT_FALSE(Multipart::Parse(kType, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end").has_value());
  EXPECT_FALSE(Multipart::Parse(kType, "--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--").has_value());
  EXPECT_FALSE(Multipart::Parse(kType, "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--").has_value()) << "no name";
  EXPECT_FALSE(Multipart::Parse(kType, "").has_value());
  EXPECT_EQ(Multipart::FieldOf(kType, "garbage", "_csrf"), "");
}

}  // namespace
}  // namespace bs::web
