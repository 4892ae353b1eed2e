// The web layer's own request and response types, independent of Beast so that
// handlers and views can be tested without sockets.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/access.h"

namespace bs::web {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // raw path, percent-encoded, without the query
  std::string query;   // raw query string without '?'
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote;  // the client's address (the peer, or through a trusted proxy)
  // From the server's configuration, never from the request (issue 15): the site's
  // base URL without a trailing "/", and whether it is https.
  std::string base_url;
  bool secure = false;
  // This request's id (issue 15): in the access log, the X-Request-Id answer header and
  // on error pages, so a user can quote it. Set by the server.
  std::string request_id;

  // Filled by the Site before routing (web/session.h): who is asking.
  Viewer viewer;
  std::string csrf;           // the session's CSRF token; empty for the anonymous
  std::string session_token;  // the session cookie as sent

  // Header by lower-case name, or "".
  std::string Header(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response Html(int status, std::string body);
  static Response Json(int status, std::string body);
  static Response Redirect(std::string location);  // 303 See Other, after a POST
  static Response NoContent();
};

}  // namespace bs::web
