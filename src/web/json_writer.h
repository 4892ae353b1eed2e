// A streaming JSON writer for the API's hot paths (the item list): appends to one
// string instead of building nlohmann's tree of maps, which cost most of a list's time
// in allocations (issue 12). Its output is byte for byte what nlohmann's
// dump(-1, ' ', false, replace) prints for the same document: keys must be written in
// sorted order, as nlohmann's std::map holds them (tests/web/json_writer_test.cpp holds
// the two equal). Everything else goes through nlohmann.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bs::web {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The next member's name (a plain ASCII literal: written as it is, not escaped); the
  // value follows with one of the calls below.
  JsonWriter& Key(std::string_view name);

  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Double(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();

  // Key + value in one call, for objects written member by member.
  JsonWriter& Member(std::string_view name, std::string_view s) { return Key(name).String(s); }
  JsonWriter& Member(std::string_view name, const char* s) { return Key(name).String(s); }
  JsonWriter& Member(std::string_view name, const std::string& s) { return Key(name).String(s); }
  JsonWriter& Member(std::string_view name, int64_t v) { return Key(name).Int(v); }
  JsonWriter& Member(std::string_view name, int v) { return Key(name).Int(v); }
  JsonWriter& Member(std::string_view name, bool v) { return Key(name).Bool(v); }

 private:
  void BeforeValue();

  std::string& out_;
  std::vector<char> first_;  // per open container: no member written yet (not vector<bool>: bit access showed in profiles)
  bool after_key_ = false;
};

// Appends `s` as a JSON string literal (quotes included), escaped as nlohmann does with
// ensure_ascii off; invalid UTF-8 is replaced by U+FFFD as its "replace" handler does.
void AppendJsonString(std::string& out, std::string_view s);
// Appends a double as nlohmann prints it (shortest round trip, "1100.0" for whole numbers).
void AppendJsonDouble(std::string& out, double v);

}  // namespace bs::web
