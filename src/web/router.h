// A small router: METHOD + pattern with {name} segments -> handler. A path that
// matches a pattern under another method answers 405 with Allow.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "web/http.h"

namespace bs::web {

using Params = std::map<std::string, std::string>;  // percent-decoded segment values
using Handler = std::function<Response(const Request&, const Params&)>;

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  // Routes a request; unknown paths go to the not-found handler, known paths with
  // another method to 405.
  Response Dispatch(const Request& request) const;
  void SetNotFound(Handler h) { not_found_ = std::move(h); }
  void SetMethodNotAllowed(std::function<Response(const Request&, const std::string& allow)> h) {
    method_not_allowed_ = std::move(h);
  }

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
  Handler not_found_;
  std::function<Response(const Request&, const std::string&)> method_not_allowed_;
};

// Splits "/a/b%20c" into {"a", "b c"}; false if a segment decodes to invalid UTF-8,
// contains '/', NUL or is "." or "..".
bool SplitPath(const std::string& path, std::vector<std::string>* segments);

}  // namespace bs::web
