// The switch the fault-injecting store wrappers share (STYLE.md habit 3): fail the Nth
// write, or answer every call Unavailable (busy) or Internal (a broken disk). The
// Internal message carries an internal detail on purpose, so tests can check that it
// never reaches people.
#pragma once

#include <atomic>
#include <optional>

#include "core/result.h"

namespace bs::testing {

class FaultSwitch {
 public:
  static constexpr const char* kInternalDetail = "disk I/O error at page 77 (internal detail)";
  static constexpr const char* kBusyMessage = "Databasen er optaget lige nu. Prøv igen om et øjeblik.";

  // The n-th write from now (1 = the next one) fails with `code`; 0 disables.
  void FailWrite(int n, ErrorCode code) { fail_in_ = n; write_code_ = code; }
  // Every call fails with `code` while on.
  void FailAll(bool on, ErrorCode code = ErrorCode::kUnavailable) { all_code_ = code; fail_all_ = on; }

  // The error a read or a write answers now, if any.
  std::optional<Error> Read() const {
    if (fail_all_) return Fault(all_code_);
    return std::nullopt;
  }
  std::optional<Error> Write() {
    if (auto e = Read()) return e;
    if (fail_in_ > 0 && --fail_in_ == 0) return Fault(write_code_);
    return std::nullopt;
  }

 private:
  static Error Fault(ErrorCode code) {
    return MakeError(code, code == ErrorCode::kInternal ? kInternalDetail : kBusyMessage);
  }
  std::atomic<int> fail_in_{0};
  std::atomic<ErrorCode> write_code_{ErrorCode::kInternal};
  std::atomic<bool> fail_all_{false};
  std::atomic<ErrorCode> all_code_{ErrorCode::kUnavailable};
};

}  // namespace bs::testing
