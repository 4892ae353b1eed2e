// Issue 15: handlers run on workers, so slow ones cannot stall the network threads; the
// connection and queue bounds answer 503; a body that trickles is cut off; SIGTERM's
// drain lets requests in flight finish. Each test is decided by latches, not by timing.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "support/http_client.h"
#include "web/server.h"

namespace bs::testing {
namespace {

using namespace std::chrono_literals;

// A gate slow handlers wait at until the test opens it.
struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  bool open = false;
  int waiting = 0;
  void Wait() {
    std::unique_lock lock(mu);
    ++waiting;
    cv.notify_all();
    cv.wait(lock, [this] { return open; });
  }
  void Open() {
    std::lock_guard lock(mu);
    open = true;
    cv.notify_all();
  }
  void AwaitWaiting(int n) {
    std::unique_lock lock(mu);
    cv.wait_for(lock, 10s, [&] { return waiting >= n; });
  }
};

struct LimitsServer {
  explicit LimitsServer(web::ServerOptions o) {
    o.port = 0;
    server = std::make_unique<web::Server>(o, [this](const web::Request& r) {
      if (r.path == "/slow") gate.Wait();
      return web::Response::Html(200, "ok " + r.path);
    });
    EXPECT_TRUE(server->Listen().ok());
    server->Start();
  }
  ~LimitsServer() {
    gate.Open();
    server->Stop();
  }
  unsigned short port() const { return server->port(); }
  Gate gate;
  std::unique_ptr<web::Server> server;
};

// A connected socket that sends nothing (or what the test writes).
int Connect(unsigned short port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  ::inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) { ::close(fd); return -1; }
  return fd;
}

template <typename F>
bool FinishesWithin(std::future<F>& f, std::chrono::seconds s) { return f.wait_for(s) == std::future_status::ready; }

TEST(ServerLimitsTest, SlowHandlersDoNotStallOtherRequestsOnOneNetworkThread) {
  web::ServerOptions o;
  o.threads = 1;
  o.workers = 3;
  LimitsServer s(o);
  auto slow1 = std::async(std::launch::async, [&] { return HttpRequest(s.port(), "GET", "/slow"); });
  auto slow2 = std::async(std::launch::async, [&] { return HttpRequest(s.port(), "GET", "/slow"); });
  s.gate.AwaitWaiting(2);
  auto fast = std::async(std::launch::async, [&] { return HttpRequest(s.port(), "GET", "/fast"); });
  ASSERT_TRUE(FinishesWithin(fast, 5s)) << "a fast page waited for two slow ones";
  EXPECT_EQ(fast.get().body, "ok /fast");
  EXPECT_EQ(s.server->InFlight(), 2u);
  s.gate.Open();
  EXPECT_EQ(slow1.get().status, 200);
  EXPECT_EQ(slow2.get().status, 200);
}

TEST(ServerLimitsTest, AFullQueueIsAnswered503WithRetryAfterAndProbesStillAnswer) {
  web::ServerOptions o;
  o.workers = 1;
  o.max_queue = 1;
  LimitsServer s(o);
  auto busy = std::async(std::launch::async, [&] { return HttpRequest(s.port(), "GET", "/slow"); });
  s.gate.AwaitWaiting(1);
  auto queued = std::async(std::launch::async, [&] { return HttpRequest(s.port(), "GET", "/queued"); });
  for (int i = 0; i < 500 && s.server->InFlight() < 2; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_EQ(s.server->InFlight(), 2u);
  auto refused = HttpRequest(s.port(), "GET", "/more");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.Header("retry-after"), "1");
  EXPECT_NE(refused.body.find("Serveren har travlt"), std::string::npos);
  EXPECT_EQ(HttpRequest(s.port(), "GET", "/healthz").status, 200) << "the probe waits for no worker";
  s.gate.Open();
  EXPECT_EQ(busy.get().status, 200);
  EXPECT_EQ(queued.get().body, "ok /queued");
}

TEST(ServerLimitsTest, ConnectionsBeyondTheBoundAreAnswered503) {
  web::ServerOptions o;
  o.max_connections = 2;
  LimitsServer s(o);
  int a = Connect(s.port()), b = Connect(s.port());
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  for (int i = 0; i < 500 && s.server->Connections() < 2; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_EQ(s.server->Connections(), 2u);
  std::string raw = RawExchange(s.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 503", 0), 0u) << raw;
  EXPECT_NE(raw.find("for mange forbindelser"), std::string::npos);
  ::close(a);
  ::close(b);
  for (int i = 0; i < 500 && s.server->Connections() > 0; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(HttpRequest(s.port(), "GET", "/").status, 200);
}

TEST(ServerLimitsTest, AnUploadThatTricklesIsCutOffByItsDeadline) {
  web::ServerOptions o;
  o.read_timeout = 500ms;  // the deadline: 0.5 s plus 1,000 bytes at 32 KiB/s
  LimitsServer s(o);
  int fd = Connect(s.port());
  ASSERT_GE(fd, 0);
  std::string head =
      "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000\r\n\r\n";
  ASSERT_EQ(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  timeval tv{0, 100'000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  auto started = std::chrono::steady_clock::now();
  bool closed = false;
  while (std::chrono::steady_clock::now() - started < 20s) {
    if (::send(fd, "x", 1, MSG_NOSIGNAL) != 1) { closed = true; break; }
    char buf[256];
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n == 0) { closed = true; break; }
    std::this_thread::sleep_for(200ms);
  }
  ::close(fd);
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s) << "a 1-byte-per-200-ms body held the connection";
}

TEST(ServerLimitsTest, DrainLetsARequestInFlightFinishAndTakesNoNewOnes) {
  web::ServerOptions o;
  o.port = 0;
  o.drain_timeout = 10s;
  Gate gate;
  web::Server server(o, [&gate](const web::Request& r) {
    if (r.path == "/slow") gate.Wait();
    return web::Response::Html(200, "ok " + r.path);
  });
  ASSERT_TRUE(server.Listen().ok());
  std::thread run([&] { server.Run(); });
  auto slow = std::async(std::launch::async, [&] { return HttpRequest(server.port(), "GET", "/slow"); });
  gate.AwaitWaiting(1);
  const unsigned short port = server.port();
  server.Drain();
  for (int i = 0; i < 200; ++i) {
    int fd = Connect(port);
    if (fd < 0) break;
    ::close(fd);
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_LT(Connect(port), 0) << "still accepting while draining";
  gate.Open();
  auto answer = slow.get();
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body, "ok /slow");
  run.join();  // Run returns once drained
}

}  // namespace
}  // namespace bs::testing
