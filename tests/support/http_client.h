// A minimal blocking HTTP/1.1 client for tests (one request per connection).
#pragma once

#include <map>
#include <string>

namespace bs::testing {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

HttpResult HttpRequest(unsigned short port, const std::string& method, const std::string& target,
                       const std::string& body = "", const std::map<std::string, std::string>& headers = {});

// Writes `bytes` as they are and returns everything the server sends until it closes
// the connection (or 5 s pass): for requests no client library would send.
std::string RawExchange(unsigned short port, const std::string& bytes);

}  // namespace bs::testing
