#include "support/http_client.h"

#include <array>
#include <chrono>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace bs::testing {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

HttpResult HttpRequest(unsigned short port, const std::string& method, const std::string& target,
                       const std::string& body, const std::map<std::string, std::string>& headers) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> req(http::string_to_verb(method), target, 11);
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  beast::error_code write_ec;
  http::write(stream, req, write_ec);  // the server may answer (413) before reading it all
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  beast::error_code ec;
  http::read(stream, buffer, parser, ec);
  HttpResult out;
  if (ec) return out;
  auto& res = parser.get();
  out.status = res.result_int();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string& slot = out.headers[name];  // repeated headers (Set-Cookie) are kept, one per line
    slot += (slot.empty() ? "" : "\n") + std::string(f.value());
  }
  out.body = res.body();
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  return out;
}

std::string RawExchange(unsigned short port, const std::string& bytes) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  stream.expires_after(std::chrono::seconds(5));
  beast::error_code ec;
  net::write(stream, net::buffer(bytes), ec);
  std::string out;
  std::array<char, 4096> chunk;
  while (true) {
    stream.expires_after(std::chrono::seconds(5));
    size_t n = stream.read_some(net::buffer(chunk), ec);
    out.append(chunk.data(), n);
    if (ec) break;
  }
  return out;
}

}  // namespace bs::testing
