// The HTTP server: Boost.Beast on an io_context run by a few threads. It turns bytes
// into Requests, asks the router, and writes Responses; nothing else.
#pragma once

#include <chrono>
#include <functional>
#include <vector>
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
  // Handlers run on this many worker threads, never on the network threads, so slow
  // work (password hashing, PDFs, exports) cannot stall reading and writing for others.
  int workers = 4;
  // Requests waiting for a worker beyond this get 503 at once (with Retry-After).
  size_t max_queue = 512;
  // Connections beyond this are answered 503 and closed.
  size_t max_connections = 1024;
  // The header must arrive within this; a body within it plus its size at
  // min_upload_rate bytes per second (at most 300 s), so a trickle cannot hold a
  // connection open.
  std::chrono::milliseconds read_timeout{30'000};
  size_t min_upload_rate = 32 * 1024;
  // On SIGTERM: requests in flight get this long to finish before the process stops.
  std::chrono::milliseconds drain_timeout{10'000};
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
  // Stops accepting, lets requests in flight finish (up to drain_timeout), then stops.
  // What SIGTERM and SIGINT do in Run().
  void Drain();
  // Requests taken but not yet answered, and open connections (for tests and metrics).
  size_t InFlight() const;
  size_t Connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bs::web
