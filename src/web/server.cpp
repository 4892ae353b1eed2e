#include "web/server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <thread>
#include <vector>

#include "core/text.h"
#include "web/errors.h"
#include "web/html.h"

namespace bs::web {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

// One connection. Owned by the shared_ptr that its pending async operation holds:
// Beast's async model keeps a session alive exactly while an operation is outstanding,
// which is the written reason for shared_ptr here (STYLE.md habit 9).
// What the sessions share with the server: the worker pool and the counters.
struct Shared {
  net::thread_pool* workers = nullptr;
  std::atomic<size_t> queued{0};       // handed to the workers, not yet picked up
  std::atomic<size_t> in_flight{0};    // taken, not yet answered
  std::atomic<size_t> connections{0};
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const Server::Dispatch& dispatch, const ServerOptions& options, Shared& shared)
      : stream_(std::move(socket)), dispatch_(dispatch), options_(options), shared_(shared),
        body_limit_(options.body_limit), upload_limit_(options.upload_limit) {
    ++shared_.connections;
  }
  ~Session() { --shared_.connections; }

  void Run() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }
  // Over the connection bound: one 503 and the connection closed.
  void Refuse() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->id_ = NewRequestId();
      Response res = self->JsonOrHtmlError(503, "Serveren har for mange forbindelser lige nu. Prøv igen om lidt.");
      res.headers.emplace_back("Retry-After", "1");
      self->Send(std::move(res), true);
    });
  }

 private:
  void Read() {
    id_ = NewRequestId();
    if (remote_.empty()) {
      beast::error_code ignored;
      auto ep = stream_.socket().remote_endpoint(ignored);
      if (!ignored) remote_ = ep.address().to_string();
    }
    method_.clear();
    path_.clear();
    started_ = std::chrono::steady_clock::now();
    parser_.emplace();
    // The larger limit until the header is known: Beast compares Content-Length with
    // the limit as soon as the header is complete, before OnHeader could choose.
    parser_->body_limit(std::max(body_limit_, upload_limit_));
    parser_->header_limit(32 * 1024);
    limit_ = body_limit_;
    stream_.expires_after(options_.read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  // Uploads (multipart/form-data) may be bigger than other bodies; the limit is chosen
  // once the header is known, before any of the body is read.
  void OnHeader(beast::error_code ec) {
    if (ec) return OnRead(ec);
    if (!TransferEncodingOk(parser_->get())) {
      // Issue 15 #3: a body framed any other way than exactly "chunked" (gzip, identity,
      // "chunked, identity", two fields, or beside a Content-Length) is not guessed at:
      // its bytes would otherwise be read as the next request. 400, connection closed.
      auto target = parser_->get().target();
      accepts_json_ = std::string_view(target.data(), target.size()).rfind("/api/", 0) == 0;
      return Send(JsonOrHtmlError(400, "Forespørgslens Transfer-Encoding understøttes ikke (kun «chunked»)."), true);
    }
    auto type = parser_->get()[http::field::content_type];
    const bool upload = std::string_view(type.data(), type.size()).rfind("multipart/form-data", 0) == 0;
    if (upload) limit_ = upload_limit_;
    // The body's deadline follows its size: the base, plus the bytes at the slowest
    // rate we wait for (a 50 MB upload gets ~27 minutes... capped at 300 s; a form of a
    // few KB the base). A body that trickles is cut off there, not after 300 s.
    {
      size_t bytes = parser_->content_length() ? static_cast<size_t>(*parser_->content_length()) : limit_;
      auto extra = std::chrono::milliseconds(1000 * (bytes / std::max<size_t>(1, options_.min_upload_rate)));
      stream_.expires_after(std::min<std::chrono::milliseconds>(options_.read_timeout + extra, std::chrono::seconds(300)));
    }
    parser_->body_limit(limit_);  // for chunked bodies
    if (auto length = parser_->content_length(); length && *length > limit_) return OnRead(http::error::body_limit);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  static bool TransferEncodingOk(const http::request<http::string_body>& req) {
    int fields = 0;
    std::string value;
    for (const auto& f : req)
      if (f.name() == http::field::transfer_encoding) {
        ++fields;
        value = text::FoldCase(text::Trim(std::string_view(f.value().data(), f.value().size())));
      }
    if (fields == 0) return true;
    return fields == 1 && value == "chunked" && req.find(http::field::content_length) == req.end();
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == net::error::operation_aborted || ec == beast::error::timeout ||
        ec == net::error::connection_reset || ec == net::error::eof) {
      return Close();
    }
    {
      // The start line is parsed before a body limit trips; answer in the path's format.
      auto target = parser_->get().target();
      accepts_json_ = std::string_view(target.data(), target.size()).rfind("/api/", 0) == 0;
    }
    if (ec == http::error::body_limit) {
      // A Content-Length beyond even the larger limit trips while the header is read,
      // before OnHeader chose: an upload is told the upload limit, not the form limit.
      auto type = parser_->get()[http::field::content_type];
      if (std::string_view(type.data(), type.size()).rfind("multipart/form-data", 0) == 0) limit_ = upload_limit_;
      std::string limit = limit_ >= 1024 * 1024 ? std::to_string(limit_ / (1024 * 1024)) + " MB" : std::to_string(limit_ / 1024) + " KiB";
      return Send(JsonOrHtmlError(413, "Data er for store: højst " + limit + "."), true);
    }
    if (ec) return Send(JsonOrHtmlError(400, "Forespørgslen kunne ikke læses."), true);

    auto& req = parser_->get();
    started_ = std::chrono::steady_clock::now();
    Request r;
    r.method = std::string(req.method_string());
    std::string_view target(req.target().data(), req.target().size());
    size_t q = target.find('?');
    r.path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) r.query = std::string(target.substr(q + 1));
    for (const auto& f : req) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers[name] = std::string(f.value());
    }
    r.body = std::move(req.body());
    beast::error_code ignored;
    auto ep = stream_.socket().remote_endpoint(ignored);
    const std::string peer = ignored ? "" : ep.address().to_string();
    r.remote = ClientAddress(peer, r.Header("x-forwarded-for"), options_.trusted_proxies);
    // A trusted proxy's request id is kept, so one id follows the request end to end.
    if (std::find(options_.trusted_proxies.begin(), options_.trusted_proxies.end(), text::FoldCase(peer)) !=
        options_.trusted_proxies.end())
      if (auto forwarded = AcceptedRequestId(r.Header("x-request-id")); !forwarded.empty()) id_ = forwarded;
    r.request_id = id_;
    method_ = r.method.substr(0, 16);
    path_ = r.path.substr(0, 512);
    remote_ = r.remote;
    r.base_url = options_.base_url;
    r.secure = r.base_url.rfind("https://", 0) == 0;
    accepts_json_ = r.path.rfind("/api/", 0) == 0;
    bool keep_alive = req.keep_alive();
    if (r.method == "HEAD") head_only_ = true;
    ++shared_.in_flight;
    answering_ = true;
    // Probes answer here, even when every worker is busy.
    if (r.path == "/healthz" || r.path == "/readyz") return Send(Probe(r), !keep_alive);
    if (!shared_.workers) return Send(Handle(r), !keep_alive);
    if (shared_.queued.load() >= options_.max_queue) {
      Response res = JsonOrHtmlError(503, "Serveren har travlt lige nu. Prøv igen om lidt.");
      res.headers.emplace_back("Retry-After", "1");
      return Send(std::move(res), !keep_alive);
    }
    ++shared_.queued;
    // The handler runs on a worker; the answer is written back on this connection's
    // strand, so the network threads only ever read and write.
    net::post(*shared_.workers, [self = shared_from_this(), r = std::move(r), keep_alive]() mutable {
      --self->shared_.queued;
      Response res = self->Handle(r);
      net::post(self->stream_.get_executor(), [self, res = std::move(res), keep_alive]() mutable {
        self->Send(std::move(res), !keep_alive);
      });
    });
  }

  Response Handle(const Request& r) {
    try {
      return dispatch_(r);
    } catch (const std::exception& e) {
      // A bug: log it, show nothing internal.
      std::fprintf(stderr, "handler threw for %s %s: %s\n", r.method.c_str(), r.path.c_str(), e.what());
      // The connection's strand is idle while its request is on a worker.
      return JsonOrHtmlError(500, "Der opstod en intern fejl.");
    }
  }

  Response JsonOrHtmlError(int status, const std::string& message) {
    if (accepts_json_) return JsonError(status, message);
    Response res = HtmlError(status, message);
    res.body = DropSlots(FillRequestId(res.body, id_));
    return res;
  }

  // /healthz: the process answers. /readyz: it can serve (the database reachable and
  // writable, its migrations current). Plain text, never cached, no session.
  Response Probe(const Request& r) {
    Response res;
    res.content_type = "text/plain; charset=utf-8";
    res.headers.emplace_back("Cache-Control", "no-store");
    if (r.method != "GET" && r.method != "HEAD") {
      res.status = 405;
      res.body = "Kun GET.\n";
      res.headers.emplace_back("Allow", "GET, HEAD");
      return res;
    }
    if (r.path == "/healthz") { res.body = "ok\n"; return res; }
    Status ready = options_.ready ? options_.ready() : OkStatus();
    if (ready.ok()) { res.body = "klar\n"; return res; }
    res.status = 503;
    res.body = "ikke klar: " + ready.error().message + "\n";
    return res;
  }

  // Errors carry the request's id: in the page's slot, or as error.request_id in JSON.
  void MarkError(Response& res) {
    if (res.status < 400) return;
    if (res.content_type.rfind("text/html", 0) == 0) {
      if (res.body.find('\x01') != std::string::npos) res.body = FillRequestId(res.body, id_);
    } else if (res.content_type.rfind("application/json", 0) == 0 && res.body.rfind("{\"error\":{", 0) == 0) {
      res.body.insert(10, "\"request_id\":\"" + id_ + "\",");
    }
  }

  void LogAccess(int status, size_t bytes) {
    if (!options_.access_log) return;
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[96];
    int ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    double duration = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    nlohmann::ordered_json line = {{"time", stamp},     {"request_id", id_},  {"remote", remote_},
                                   {"method", method_}, {"path", path_},      {"status", status},
                                   {"bytes", bytes},    {"duration_ms", static_cast<int64_t>(duration * 1000) / 1000.0}};
    options_.access_log(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  void Send(Response res, bool close) {
    MarkError(res);
    LogAccess(res.status, res.body.size());
    auto msg = std::make_shared<http::response<http::string_body>>();
    msg->version(11);
    msg->result(static_cast<http::status>(res.status));
    msg->set(http::field::server, "budgetspor");
    msg->set("X-Request-Id", id_);
    if (!res.content_type.empty()) msg->set(http::field::content_type, res.content_type);
    // On every answer, PDFs, attachments and errors included (issue 15 #13).
    msg->set("X-Content-Type-Options", "nosniff");
    msg->set("Referrer-Policy", "same-origin");
    msg->set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
    msg->set("X-Frame-Options", "DENY");
    msg->set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
    // HSTS when the configured base URL is https: known from configuration, never from
    // a client's header.
    if (options_.base_url.rfind("https://", 0) == 0) msg->set("Strict-Transport-Security", "max-age=31536000");
    for (auto& [k, v] : res.headers) msg->insert(k, v);  // insert: several Set-Cookie headers may go out
    msg->keep_alive(!close);
    size_t length = res.body.size();
    if (!head_only_) msg->body() = std::move(res.body);
    msg->content_length(length);
    if (head_only_) msg->body().clear();
    head_only_ = false;
    stream_.expires_after(std::chrono::seconds(30));
    const bool answered = answering_;
    answering_ = false;
    http::async_write(stream_, *msg, [self = shared_from_this(), msg, close, answered](beast::error_code ec, size_t) {
      if (answered) --self->shared_.in_flight;
      if (ec) return self->Close();
      if (close) return self->LingeringClose();
      self->Read();
    });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  // After refusing a request whose body is still arriving (413), stop sending and read
  // and discard for a while, so the client sees our answer instead of a reset.
  void LingeringClose() {
    Close();
    stream_.expires_after(std::chrono::seconds(2));
    Drain();
  }
  void Drain() {
    stream_.async_read_some(net::buffer(drain_buffer_), [self = shared_from_this()](beast::error_code ec, size_t) {
      if (!ec) self->Drain();
    });
  }
  std::array<char, 16 * 1024> drain_buffer_;

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  const Server::Dispatch& dispatch_;
  const ServerOptions& options_;
  Shared& shared_;
  bool answering_ = false;  // a request was counted in flight and its answer not yet sent
  size_t body_limit_;
  size_t upload_limit_;
  size_t limit_ = 0;  // the limit of the request being read
  bool accepts_json_ = false;
  bool head_only_ = false;
  // The request being answered, for its id header and the access log.
  std::string id_, method_, path_, remote_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace

std::string NewRequestId() {
  static const uint64_t kRun = std::random_device{}() ^ (static_cast<uint64_t>(std::random_device{}()) << 32);
  static std::atomic<uint64_t> next{0};
  // A counter scrambled by an odd multiplier and the run's random value: unique in the
  // process (the map is a bijection), and not a count of the site's traffic.
  uint64_t v = (next.fetch_add(1) + 1) * 0x9E3779B97F4A7C15ULL ^ kRun;
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(v));
  return out;
}

std::string AcceptedRequestId(const std::string& header) {
  if (header.empty() || header.size() > 64) return "";
  for (unsigned char c : header)
    if (!std::isalnum(c) && c != '-') return "";
  return header;
}

std::string ClientAddress(const std::string& peer, const std::string& forwarded_for,
                          const std::vector<std::string>& trusted) {
  auto is_trusted = [&trusted](const std::string& a) {
    return std::find(trusted.begin(), trusted.end(), text::FoldCase(a)) != trusted.end();
  };
  if (peer.empty() || !is_trusted(peer) || forwarded_for.empty()) return peer;
  std::string client = peer;
  auto hops = text::SplitTrimmed(forwarded_for, ',');
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    beast::error_code ec;
    auto a = net::ip::make_address(*it, ec);
    if (ec) break;  // not an address: believe no further
    client = a.to_string();
    if (!is_trusted(client)) break;
  }
  return client;
}

struct Server::Impl {
  // Declared first, destroyed last: sessions still queued in the loop count down in it.
  Shared shared;
  ServerOptions options;
  Dispatch dispatch;
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  std::vector<std::thread> threads;
  // Destroyed before the loop its tasks post to.
  std::unique_ptr<net::thread_pool> workers;
  std::unique_ptr<net::steady_timer> drain_timer;

  void Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
      if (!ec) {
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);  // STACK-NOTES: Nagle stalls keep-alive
        bool over = shared.connections.load() >= options.max_connections;
        auto session = std::make_shared<Session>(std::move(socket), dispatch, options, shared);
        if (over) session->Refuse();
        else session->Run();
      }
      Accept();
    });
  }

  // Polls until nothing is in flight or the deadline passed, then stops the loop.
  void WaitDrained(std::chrono::steady_clock::time_point deadline) {
    if (shared.in_flight.load() == 0 || std::chrono::steady_clock::now() >= deadline) {
      if (shared.in_flight.load())
        std::fprintf(stderr, "server: stopping with %zu requests unanswered after the drain timeout\n",
                     shared.in_flight.load());
      ioc.stop();
      return;
    }
    drain_timer->expires_after(std::chrono::milliseconds(20));
    drain_timer->async_wait([this, deadline](beast::error_code) { WaitDrained(deadline); });
  }
};

Server::Server(ServerOptions options, Dispatch dispatch) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->dispatch = std::move(dispatch);
  if (impl_->options.workers > 0) {
    impl_->workers = std::make_unique<net::thread_pool>(static_cast<size_t>(impl_->options.workers));
    impl_->shared.workers = impl_->workers.get();
  }
}

size_t Server::InFlight() const { return impl_->shared.in_flight.load(); }
size_t Server::Connections() const { return impl_->shared.connections.load(); }

void Server::Drain() {
  net::post(impl_->ioc, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->drain_timer = std::make_unique<net::steady_timer>(impl_->ioc);
    impl_->WaitDrained(std::chrono::steady_clock::now() + impl_->options.drain_timeout);
  });
}

Server::~Server() { Stop(); }

Status Server::Listen() {
  beast::error_code ec;
  auto address = net::ip::make_address(impl_->options.host, ec);
  if (ec) return InvalidArgument("«" + impl_->options.host + "» er ikke en IP-adresse.");
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Unavailable("Kan ikke lytte på " + impl_->options.host + ":" + std::to_string(impl_->options.port) + ": " +
                       ec.message());
  }
  if (impl_->options.base_url.empty()) {
    std::string host = address.is_v6() ? "[" + impl_->options.host + "]" : impl_->options.host;
    impl_->options.base_url = "http://" + host + ":" + std::to_string(port());
  }
  while (!impl_->options.base_url.empty() && impl_->options.base_url.back() == '/') impl_->options.base_url.pop_back();
  impl_->Accept();
  return OkStatus();
}

unsigned short Server::port() const {
  beast::error_code ec;
  auto ep = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : ep.port();
}

void Server::Start() {
  int n = std::max(1, impl_->options.threads);
  for (int i = 0; i < n; ++i) impl_->threads.emplace_back([this] { impl_->ioc.run(); });
}

void Server::Run() {
  // SIGINT and SIGTERM stop serving; main then closes the database cleanly.
  net::signal_set signals(impl_->ioc, SIGINT, SIGTERM);
  signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) Drain();
  });
  int n = std::max(1, impl_->options.threads);
  for (int i = 1; i < n; ++i) impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : impl_->threads) if (t.joinable()) t.join();
  impl_->threads.clear();
}

void Server::Stop() {
  if (!impl_) return;
  impl_->ioc.stop();
  for (auto& t : impl_->threads)
    if (t.joinable() && t.get_id() != std::this_thread::get_id()) t.join();
  impl_->threads.clear();
  // Handlers still running finish; their answers are not written (the loop stopped).
  if (impl_->workers) impl_->workers->join();
}

}  // namespace bs::web
