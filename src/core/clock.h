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
  // Today's date in Copenhagen (DanishTime: the EU summer-time rule Denmark follows),
  // never the process's time zone: a server in UTC is otherwise a day behind for the
  // first hour or two after Danish midnight (issue 15 #12).
  virtual Date Today() const = 0;
};

// A clock that stands still until told to move; for tests and the demo.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t unix_seconds) : now_(unix_seconds) {}
  int64_t NowUnix() const override { return now_; }
  Date Today() const override { return DanishTime::FromUnix(now_).date; }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  int64_t now_;
};

}  // namespace bs
