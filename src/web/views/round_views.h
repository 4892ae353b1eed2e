// Pages of the reporting rounds (issue 11): a plan's rounds and the form to open one,
// a round's progress (a bar per committee and responsible, the items still missing,
// "Mine punkter i runden", the directors' highlights) and the confirmation before it
// closes and publishes its version.
#pragma once

#include <string>
#include <vector>

#include "app/round_service.h"

namespace bs::web::views {

struct RoundsPageModel {
  PlanContext* ctx = nullptr;
  std::vector<ReportingRound> rounds;  // newest first
  std::optional<RoundMark> open;       // the open round's progress
  bool may_open = false;
  RoundDraft draft;
  std::vector<FieldError> errors;
  std::string message;  // a refusal that is not about one field
};
std::string RoundsPage(const RoundsPageModel& model);

struct RoundPageModel {
  const RoundView* view = nullptr;
  std::string notice;
  std::vector<FieldError> errors;  // of the highlight form
  std::string reason;              // kept on an error
  ItemId item = 0;
  bool internal = false;
};
std::string RoundPage(const RoundPageModel& model);

std::string CloseRoundPage(const RoundView& view, const std::string& message);

}  // namespace bs::web::views
