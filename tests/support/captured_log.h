#pragma once
// The default spdlog logger redirected, for the life of a CapturedLog, to a list of message texts (the payload
// only, without time or level), so a test can look at what a running server logged. The server logs an access
// line after the response is written, which may be after the client has read it: WaitFor() blocks until a line
// matching a predicate arrives (woken by each new line, never polling) or a timeout passes.
//
// Thread-safe: the server's threads log while the test thread waits.
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace motcua::test_support {

class CapturedLog {
 public:
  CapturedLog() : sink_(std::make_shared<Sink>()), previous_(spdlog::default_logger()) {
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", sink_));
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;

  // The first line for which `matches` holds, waiting up to `timeout` for it; nullopt if none came.
  std::optional<std::string> WaitFor(const std::function<bool(const std::string&)>& matches,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(sink_->lines_mutex);
    std::optional<std::string> found;
    sink_->arrived.wait_for(lock, timeout, [&] {
      for (const std::string& line : sink_->lines) {
        if (matches(line)) found = line;
        if (found) return true;
      }
      return false;
    });
    return found;
  }

  // Every line so far.
  std::vector<std::string> Lines() {
    std::lock_guard lock(sink_->lines_mutex);
    return sink_->lines;
  }

 private:
  struct Sink final : spdlog::sinks::base_sink<std::mutex> {
    std::mutex lines_mutex;
    std::condition_variable arrived;
    std::vector<std::string> lines;  // guarded by lines_mutex

   protected:
    void sink_it_(const spdlog::details::log_msg& message) override {
      {
        std::lock_guard lock(lines_mutex);
        lines.emplace_back(message.payload.data(), message.payload.size());
      }
      arrived.notify_all();
    }
    void flush_() override {}
  };

  std::shared_ptr<Sink> sink_;
  std::shared_ptr<spdlog::logger> previous_;
};

}  // namespace motcua::test_support
