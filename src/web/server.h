// The HTTP server: Boost.Beast on an io_context run by a few threads. It turns bytes
// into Requests, asks the router, and writes Responses; nothing else.
#pragma once

#include <vector>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "web/http.h"

namespace bs::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;       // 0: any free port
  int threads = 2;
  size_t body_limit = 1024 * 1024;  // bigger bodies get 413
  // multipart/form-data bodies (attachment uploads) may be this big instead.
  size_t upload_limit = 50 * 1024 * 1024 + 64 * 1024;
  // The address people use (config server.base_url): links, iCalendar UIDs, cookies and
  // HSTS follow it, never a request header. Empty: http://<host>:<bound port>.
  std::string base_url;
  // Peers whose X-Forwarded-For is believed (exact addresses as text, lower case).
  std::vector<std::string> trusted_proxies;
  // GET /readyz answers 200 when this says ok (database reachable and writable,
  // migrations current), else 503 with its message. Unset: always ready.
  std::function<Status()> ready;
  // One JSON line per answered request (docs/operations.md); unset: no access log.
  std::function<void(const std::string&)> access_log;
};

// A new request id: 16 hex digits, unique within the process and unlikely across runs.
std::string NewRequestId();
// An X-Request-Id a trusted proxy sent, if it is 1-64 of [0-9A-Za-z-]; else "".
std::string AcceptedRequestId(const std::string& header);

// The client's address: the peer, or when the peer is a trusted proxy the rightmost
// X-Forwarded-For entry that is not itself a trusted proxy (the leftmost ones are the
// client's own claims). Entries that are not addresses stop the walk at the last good one.
std::string ClientAddress(const std::string& peer, const std::string& forwarded_for,
                          const std::vector<std::string>& trusted);

class Server {
 public:
  using Dispatch = std::function<Response(const Request&)>;
  Server(ServerOptions options, Dispatch dispatch);
  ~Server();

  // Binds and listens; Unavailable with a Danish message when the address is taken.
  Status Listen();
  // The port actually bound (useful with port 0).
  unsigned short port() const;
  // Runs until Stop(); blocks the calling thread, which serves too.
  void Run();
  // Starts serving on background threads and returns at once.
  void Start();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bs::web
