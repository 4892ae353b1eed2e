// The Clock port: domain and app code ask it for "now" and "today" so that tests can
// fix time (STYLE.md habit 2). The system clock lives in main/.
#pragma once

#include <cstdint>

#include "core/date.h"

namespace bs {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t NowUnix() const = 0;
  // Today's date in Danish local time.
  virtual Date Today() const = 0;
};

// A clock that stands still until told to move; for tests and the demo.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t unix_seconds) : now_(unix_seconds) {}
  int64_t NowUnix() const override { return now_; }
  Date Today() const override { return Date::FromDays(now_ / 86400); }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  int64_t now_;
};

}  // namespace bs
