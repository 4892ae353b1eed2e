#include "web/multipart.h"

#include <cctype>

namespace bs::web {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A parameter of a header value: name="value" or name=value; nullopt when absent.
std::optional<std::string> Param(std::string_view header, std::string_view name) {
  size_t pos = 0;
  while ((pos = header.find(';', pos)) != std::string_view::npos) {
    ++pos;
    std::string_view rest = Trim(header.substr(pos));
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos) continue;
    if (Lower(Trim(rest.substr(0, eq))) != name) continue;
    std::string_view v = rest.substr(eq + 1);
    if (!v.empty() && v.front() == '"') {
      std::string out;
      for (size_t i = 1; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) out.push_back(v[++i]);
        else if (v[i] == '"') return out;
        else out.push_back(v[i]);
      }
      return std::nullopt;  // unterminated
    }
    size_t end = v.find(';');
    return std::string(Trim(v.substr(0, end)));
  }
  return std::nullopt;
}

// Walks the parts of a multipart/form-data body without copying their data; `visit`
// returns false to stop early. False when the body is malformed (up to where it stopped).
template <typename Visit>
bool ForEachPart(std::string_view content_type, std::string_view body, Visit visit) {
  if (Lower(Trim(content_type.substr(0, content_type.find(';')))) != "multipart/form-data") return false;
  auto boundary = Param(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) return false;
  const std::string delimiter = "--" + *boundary;
  const std::string separator = "\r\n" + delimiter;
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return false;
  pos += delimiter.size();
  while (true) {
    if (body.substr(pos, 2) == "--") return true;  // closing delimiter
    if (body.substr(pos, 2) != "\r\n") return false;
    pos += 2;
    size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return false;
    Part part;  // everything but the data
    bool named = false;
    std::string_view headers = body.substr(pos, headers_end - pos);
    size_t line_start = 0;
    while (line_start <= headers.size()) {
      size_t nl = headers.find("\r\n", line_start);
      std::string_view line = headers.substr(line_start, nl == std::string_view::npos ? std::string_view::npos : nl - line_start);
      line_start = nl == std::string_view::npos ? headers.size() + 1 : nl + 2;
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string key = Lower(Trim(line.substr(0, colon)));
      std::string_view value = Trim(line.substr(colon + 1));
      if (key == "content-disposition") {
        if (Lower(Trim(value.substr(0, value.find(';')))) != "form-data") return false;
        auto name = Param(value, "name");
        if (!name) return false;
        part.name = *name;
        named = true;
        if (auto filename = Param(value, "filename")) {
          part.filename = *filename;
          part.is_file = true;
        }
      } else if (key == "content-type") {
        part.content_type = std::string(value);
      }
    }
    if (!named) return false;
    size_t data_start = headers_end + 4;
    size_t next = body.find(separator, data_start);
    if (next == std::string_view::npos) return false;
    if (!visit(part, body.substr(data_start, next - data_start))) return true;
    pos = next + separator.size();
  }
}

}  // namespace

std::optional<Multipart> Multipart::Parse(std::string_view content_type, std::string_view body) {
  Multipart out;
  bool ok = ForEachPart(content_type, body, [&](Part& part, std::string_view data) {
    part.data = std::string(data);
    out.parts_.push_back(std::move(part));
    return true;
  });
  if (!ok) return std::nullopt;
  return out;
}

std::string Multipart::FieldOf(std::string_view content_type, std::string_view body, const std::string& name) {
  std::string value;
  ForEachPart(content_type, body, [&](Part& part, std::string_view data) {
    if (part.name != name || part.is_file) return true;
    value = std::string(data);
    return false;
  });
  return value;
}

const Part* Multipart::Find(const std::string& name) const {
  for (const auto& p : parts_)
    if (p.name == name) return &p;
  return nullptr;
}

std::string Multipart::Get(const std::string& name) const {
  const Part* p = Find(name);
  return p ? p->data : "";
}

}  // namespace bs::web
