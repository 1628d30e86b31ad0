#pragma once
// A plain TCP client for tests that must send what no HTTP library would: a broken request line, a wrong
// Content-Length, half a body, a huge header, two requests on one connection. Blocking POSIX sockets with a
// receive timeout, so that a server that fails to answer makes the test fail after `timeout` instead of hanging;
// nothing here sleeps.
//
// Not thread-safe: one connection per test thread.
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace motcua::test_support {

// One HTTP response as read off the wire.
struct RawReply {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string Header(const std::string& lower_case_name) const {
    const auto found = headers.find(lower_case_name);
    return found == headers.end() ? "" : found->second;
  }
};

class RawConnection {
 public:
  // Connects to 127.0.0.1:`port` from `from` (any 127.x.y.z address: Linux routes all of 127/8 to the loopback,
  // so that a test can be several clients); throws std::runtime_error when the connection is refused.
  explicit RawConnection(unsigned short port, std::chrono::milliseconds timeout = std::chrono::seconds(10),
                         const char* from = "127.0.0.1")
      : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (fd_ < 0) throw std::runtime_error("socket");
    sockaddr_in source{};
    source.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &source.sin_addr);
    if (::bind(fd_, reinterpret_cast<const sockaddr*>(&source), sizeof source) != 0) {
      ::close(fd_);
      throw std::runtime_error("bind");
    }
    timeval tv{static_cast<time_t>(timeout.count() / 1000), static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd_);
      throw std::runtime_error("connection refused");
    }
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Whether a new connection to 127.0.0.1:`port` is accepted.
  static bool Accepts(unsigned short port) {
    try {
      RawConnection probe(port);
      return true;
    } catch (const std::runtime_error&) {
      return false;
    }
  }

  // Sends every byte; false when the peer has closed (the server may answer and close before reading all).
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // Says "no more requests" (half-close): the server sees the end of the stream.
  void ShutdownWrite() { ::shutdown(fd_, SHUT_WR); }

  // The next response (status line, headers, a body of Content-Length bytes); nullopt when the connection
  // ends or times out first.
  std::optional<RawReply> ReadReply() {
    std::size_t header_end;
    while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos) {
      if (!Receive()) return std::nullopt;
    }
    RawReply reply = ParseHead(pending_.substr(0, header_end));
    pending_.erase(0, header_end + 4);
    const std::size_t length = std::strtoul(reply.Header("content-length").c_str(), nullptr, 10);
    while (pending_.size() < length) {
      if (!Receive()) return std::nullopt;
    }
    reply.body = pending_.substr(0, length);
    pending_.erase(0, length);
    return reply;
  }

  // Reads until the server closes the connection: true if it did (with no bytes left unread), false if data
  // kept coming or the timeout passed first.
  bool ClosedByServer() {
    char chunk[4096];
    const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
    if (got == 0) return pending_.empty();
    if (got < 0) return errno == ECONNRESET;
    pending_.append(chunk, static_cast<std::size_t>(got));
    return false;
  }

 private:
  bool Receive() {
    char chunk[4096];
    const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
    if (got <= 0) return false;
    pending_.append(chunk, static_cast<std::size_t>(got));
    return true;
  }

  static RawReply ParseHead(const std::string& head) {
    RawReply reply;
    // "HTTP/1.1 200 OK"
    if (head.size() > 12 && head.starts_with("HTTP/1.")) reply.status = std::strtoul(head.c_str() + 9, nullptr, 10);
    std::size_t line = head.find("\r\n");
    while (line != std::string::npos) {
      const std::size_t next = head.find("\r\n", line + 2);
      const std::string field = head.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
      const std::size_t colon = field.find(':');
      if (colon != std::string::npos) {
        std::string name = field.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::size_t value = field.find_first_not_of(' ', colon + 1);
        reply.headers[name] = value == std::string::npos ? "" : field.substr(value);
      }
      line = next;
    }
    return reply;
  }

  int fd_;
  std::string pending_;  // received, not yet consumed
};

}  // namespace motcua::test_support
