#include "domain/plan/round.h"

#include "core/text.h"

namespace bs {

Result<ReportingRound> ValidateRound(const RoundDraft& d, PlanId plan) {
  std::vector<FieldError> errors;
  ReportingRound r;
  r.plan_id = plan;
  r.name = text::IsValidUtf8(d.name) ? text::Trim(text::CleanSingleLine(d.name)) : "";
  if (r.name.empty()) errors.push_back({"name", "Giv runden et navn, fx «Halvårsstatus juni 2025»."});
  else if (text::CodePointCount(r.name) > 200) errors.push_back({"name", "Navnet må højst være 200 tegn."});
  auto cutoff = Date::Parse(text::IsValidUtf8(d.cutoff) ? text::Trim(d.cutoff) : "");
  if (!cutoff.ok())
    errors.push_back({"cutoff", text::Trim(d.cutoff).empty() || !text::IsValidUtf8(d.cutoff)
                                    ? "Skriv fristen som dd-mm-åååå, fx 31-05-2025."
                                    : "«" + text::Truncate(text::Trim(d.cutoff), 20) +
                                          "» er ikke en dato. Skriv fristen som dd-mm-åååå, fx 31-05-2025."});
  else r.cutoff = *cutoff;
  r.followup = text::IsValidUtf8(d.followup) ? text::Trim(text::CleanSingleLine(d.followup)) : "";
  if (!text::IsValidUtf8(d.followup)) errors.push_back({"followup", "Teksten indeholder ugyldige tegn (ikke UTF-8)."});
  else if (text::CodePointCount(r.followup) > 200) errors.push_back({"followup", "Højst 200 tegn."});
  if (!errors.empty()) return FieldErrors(std::move(errors));
  return r;
}

Result<Highlight> ValidateHighlight(RoundId round, ItemId item, const std::string& reason, bool internal) {
  Highlight h;
  h.round_id = round;
  h.item_id = item;
  h.internal = internal;
  if (!text::IsValidUtf8(reason)) return FieldErrors({{"reason", "Begrundelsen indeholder ugyldige tegn (ikke UTF-8)."}});
  h.reason = text::Trim(text::CleanSingleLine(reason));
  if (h.reason.empty())
    return FieldErrors({{"reason", "Skriv kort, hvorfor punktet skal fremhæves for ØK."}});
  if (text::CodePointCount(h.reason) > kMaxHighlightChars)
    return FieldErrors({{"reason", "Begrundelsen må højst være " + std::to_string(kMaxHighlightChars) + " tegn."}});
  return h;
}

bool TakesPart(const ItemData& item, bool reported_in_round) {
  if (reported_in_round) return true;
  return item.state != ProgressState::kDone && item.state != ProgressState::kDropped;
}

VersionDraft VersionForRound(const ReportingRound& r) {
  return VersionDraft{r.name, r.cutoff.Short(), r.followup.empty() ? r.name : r.followup};
}

}  // namespace bs
