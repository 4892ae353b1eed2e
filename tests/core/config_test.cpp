// Issue 15: the configuration file, its errors, the environment and check-config's text.
#include "core/config.h"

#include <gtest/gtest.h>

#include <map>

#include "core/clock.h"

namespace bs {
namespace {

TEST(ConfigTest, ReadsEveryKeyOntoTheDefaults) {
  Config c;
  ASSERT_TRUE(ReadConfigText(c,
                             "# budgetspor\n[server]\nlisten = 0.0.0.0:9090\nthreads=4\n"
                             "base_url = https://budget.kommune.dk/\ntrusted_proxies = 10.0.0.5, ::1\n"
                             "[uploads]\nlimit_mb = 20\n; kommentar\n[database]\npath = \"/var/lib/budgetspor/budgetspor.db\"\n"
                             "[data]\ndir = /var/lib/budgetspor\n",
                             "budgetspor.ini")
                  .ok());
  EXPECT_EQ(c.host(), "0.0.0.0");
  EXPECT_EQ(c.port(), 9090);
  EXPECT_EQ(c.threads, 4);
  EXPECT_EQ(c.EffectiveBaseUrl(), "https://budget.kommune.dk");
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"10.0.0.5", "::1"}));
  EXPECT_EQ(c.upload_limit_mb, 20);
  EXPECT_EQ(c.database, "/var/lib/budgetspor/budgetspor.db");
  EXPECT_TRUE(ValidateConfig(c).ok());
  Config defaults;
  EXPECT_EQ(defaults.EffectiveBaseUrl(), "http://127.0.0.1:8080");
  EXPECT_FALSE(ValidateConfig(defaults).ok()) << "the database is required";
  EXPECT_NE(ValidateConfig(defaults).error().message.find("database.path"), std::string::npos);
}

TEST(ConfigTest, EveryBadLineIsNamedWithItsKey) {
  Config c;
  auto st = ReadConfigText(c,
                           "[server]\nlisten = 8080\nthreads = mange\nfarve = blå\nbase_url = budget.kommune.dk\n"
                           "base_url = https://x/sti\ntrusted_proxies = 10.0.0.300\nstray line\n[ukendt]\n"
                           "[database]\npath =\n[uploads]\nlimit_mb = 0\n",
                           "b.ini");
  ASSERT_FALSE(st.ok());
  const std::string& m = st.error().message;
  for (const char* want : {"b.ini, linje 2: server.listen skal være VÆRT:PORT", "b.ini, linje 3: server.threads skal være et heltal",
                           "b.ini, linje 4: ukendt nøgle «farve» i [server]", "linje 5: server.base_url skal begynde med http://",
                           "linje 6: server.base_url står to gange", "linje 7: server.trusted_proxies «10.0.0.300» er ikke en IP-adresse",
                           "linje 8: forventede nøgle = værdi", "linje 9: ukendt afsnit [ukendt]", "linje 11: database.path mangler en værdi",
                           "linje 13: uploads.limit_mb skal være et heltal fra 1 til 1024"})
    EXPECT_NE(m.find(want), std::string::npos) << want << "\n" << m;
  Config path;
  EXPECT_NE(ReadConfigText(path, "[server]\nbase_url = https://x/sti\n", "c.ini").error().message.find("uden sti"), std::string::npos);
  EXPECT_NE(ReadConfigText(path, "listen = 1:2\n", "c.ini").error().message.find("før noget [afsnit]"), std::string::npos);
  EXPECT_FALSE(ReadConfigFile(path, "/nonexistent/budgetspor.ini").ok());
}

TEST(ConfigTest, TheEnvironmentOverridesTheFile) {
  Config c;
  ASSERT_TRUE(ReadConfigText(c, "[database]\npath = fil.db\n[server]\nthreads = 3\n", "f.ini").ok());
  std::map<std::string, std::string> env = {{"BUDGETSPOR_DATABASE_PATH", "miljo.db"}, {"BUDGETSPOR_SERVER_LISTEN", "127.0.0.1:0"}};
  auto get = [&env](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  ASSERT_TRUE(ApplyConfigEnvironment(c, get).ok());
  EXPECT_EQ(c.database, "miljo.db");
  EXPECT_EQ(c.port(), 0);
  EXPECT_EQ(c.threads, 3);
  env["BUDGETSPOR_SERVER_THREADS"] = "0";
  auto bad = ApplyConfigEnvironment(c, get);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("BUDGETSPOR_SERVER_THREADS"), std::string::npos);
}

TEST(ConfigTest, DescribeListsEveryDocumentedKey) {
  Config c;
  c.database = "x.db";
  std::string text = DescribeConfig(c);
  for (const auto& k : ConfigKeys()) EXPECT_NE(text.find(k.key + " = "), std::string::npos) << k.key;
  EXPECT_NE(text.find("base_url = http://127.0.0.1:8080"), std::string::npos);
  // What it prints reads back as the same configuration.
  Config again;
  std::string clean = text;
  for (size_t p; (p = clean.find("  # afledt af listen")) != std::string::npos;) clean.erase(p, 20);
  ASSERT_TRUE(ReadConfigText(again, clean, "beskrevet").ok()) << clean;
  EXPECT_EQ(again.database, "x.db");
}

// Issue 15 #12: "today" is the date in Copenhagen, whatever zone the process runs in.
TEST(ClockTest, TodayIsTheDanishDate) {
  // 2025-06-09 22:30 UTC is 00:30 on 10 June in Copenhagen (summer time).
  EXPECT_EQ(FixedClock(1'749'508'200).Today(), (Date{2025, 6, 10}));
  // 2025-01-09 23:30 UTC is 00:30 on 10 January (winter time); 22:30 UTC is still the 9th.
  EXPECT_EQ(FixedClock(1'736'465'400).Today(), (Date{2025, 1, 10}));
  EXPECT_EQ(FixedClock(1'736'461'800).Today(), (Date{2025, 1, 9}));
}

}  // namespace
}  // namespace bs
