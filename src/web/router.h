// A small router: METHOD + pattern with {name} segments -> handler. A path that
// matches a pattern under another method answers 405 with Allow. Pages that moved
// (issue 12: the English page paths became Danish) are old -> new pattern pairs: a
// request no route matches but an old pattern does is redirected permanently to the
// new path with the same segment values and query (301 for GET/HEAD, 308 otherwise,
// which keeps the method and the body).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "web/http.h"

namespace bs::web {

using Params = std::map<std::string, std::string>;  // percent-decoded segment values
using Handler = std::function<Response(const Request&, const Params&)>;

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  // Old page path -> its new place, e.g. Moved("/plans/{id}", "/planer/{id}"); every
  // {name} in `to` must be in `from`.
  void Moved(std::string from, std::string to);
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
  struct Move {
    std::vector<std::string> from;
    std::vector<std::string> to;
  };
  std::optional<Response> Redirect(const Request& request, const std::vector<std::string>& segments) const;
  std::vector<Route> routes_;
  std::vector<Move> moved_;
  Handler not_found_;
  std::function<Response(const Request&, const std::string&)> method_not_allowed_;
};

// Splits "/a/b%20c" into {"a", "b c"}; false if a segment decodes to invalid UTF-8,
// contains '/', NUL or is "." or "..".
bool SplitPath(const std::string& path, std::vector<std::string>* segments);

}  // namespace bs::web
