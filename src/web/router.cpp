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
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') params[p.substr(1, p.size() - 2)] = segs[i];
      else match = p == segs[i];
    }
    if (!match) continue;
    if (r.method == request.method || (r.method == "GET" && request.method == "HEAD")) return r.handler(request, params);
    if (allow.find(r.method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + r.method;
  }
  if (!allow.empty()) return method_not_allowed_(request, allow);
  return not_found_(request, {});
}

}  // namespace bs::web
