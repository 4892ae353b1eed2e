#include "web/router.h"

#include "core/text.h"
#include "web/form.h"

namespace bs::web {

bool SplitPath(const std::string& path, std::vector<std::string>* out) {
  out->clear();
  size_t start = 1;
  if (path.empty() || path[0] != '/') return false;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string raw = path.substr(start, end - start);
    if (!raw.empty() || end != path.size()) {
      std::string seg;
      if (!PercentDecode(raw, false, &seg)) return false;
      if (seg == "." || seg == ".." || seg.find('/') != std::string::npos || seg.find('\0') != std::string::npos ||
          !text::IsValidUtf8(seg))
        return false;
      if (!seg.empty()) out->push_back(std::move(seg));
    }
    start = end + 1;
  }
  return true;
}

void Router::Add(std::string method, std::string pattern, Handler handler) {
  std::vector<std::string> segs;
  SplitPath(pattern, &segs);
  routes_.push_back(Route{std::move(method), std::move(segs), std::move(handler)});
}

void Router::Moved(std::string from, std::string to) {
  Move m;
  SplitPath(from, &m.from);
  SplitPath(to, &m.to);
  moved_.push_back(std::move(m));
}

namespace {

bool IsParam(const std::string& p) { return p.size() > 2 && p.front() == '{' && p.back() == '}'; }

// The raw (still percent-encoded) segments of a path that SplitPath accepted.
std::vector<std::string> RawSegments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// What goes into Location as it came, except bytes outside printable ASCII, which are
// percent-encoded (the header stays ASCII and cannot be split whatever the parser let by).
std::string HeaderSafe(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c > 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

}  // namespace

// 301/308 to where an old page path lives now, or nothing when no old pattern matches.
std::optional<Response> Router::Redirect(const Request& request, const std::vector<std::string>& segs) const {
  for (const auto& m : moved_) {
    if (m.from.size() != segs.size()) continue;
    bool match = true;
    for (size_t i = 0; i < segs.size() && match; ++i) match = IsParam(m.from[i]) || m.from[i] == segs[i];
    if (!match) continue;
    // The values go on as they came (percent-encoded), so "/plans/1/committees/%C3%98K"
    // keeps its code.
    std::vector<std::string> raw = RawSegments(request.path);
    if (raw.size() != segs.size()) continue;
    std::string location;
    for (const auto& t : m.to) {
      std::string seg = t;
      if (IsParam(t))
        for (size_t i = 0; i < m.from.size(); ++i)
          if (m.from[i] == t) seg = HeaderSafe(raw[i]);
      location += "/" + seg;
    }
    if (location.empty()) location = "/";
    if (!request.query.empty()) location += "?" + HeaderSafe(request.query);
    Response res;
    res.status = request.method == "GET" || request.method == "HEAD" ? 301 : 308;
    res.content_type = "text/plain; charset=utf-8";
    res.body = "Siden er flyttet til " + location + "\n";
    res.headers.emplace_back("Location", std::move(location));
    return res;
  }
  return std::nullopt;
}

Response Router::Dispatch(const Request& request) const {
  std::vector<std::string> segs;
  if (!SplitPath(request.path, &segs)) return not_found_(request, {});
  std::string allow;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    Params params;
    bool match = true;
    for (size_t i = 0; i < segs.size() && match; ++i) {
      const std::string& p = r.segments[i];
      if (IsParam(p)) params[p.substr(1, p.size() - 2)] = segs[i];
      else match = p == segs[i];
    }
    if (!match) continue;
    if (r.method == request.method || (r.method == "GET" && request.method == "HEAD")) return r.handler(request, params);
    if (allow.find(r.method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + r.method;
  }
  if (!allow.empty()) return method_not_allowed_(request, allow);
  if (auto moved = Redirect(request, segs)) return std::move(*moved);
  return not_found_(request, {});
}

}  // namespace bs::web
