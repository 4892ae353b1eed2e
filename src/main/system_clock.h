// The real clock, for the binary's commands (tests use a fixed one).
#pragma once

#include <chrono>
#include <ctime>

#include "core/clock.h"

namespace bs {

class SystemClock final : public Clock {
 public:
  int64_t NowUnix() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  }
  Date Today() const override { return DanishTime::FromUnix(NowUnix()).date; }
};

}  // namespace bs
