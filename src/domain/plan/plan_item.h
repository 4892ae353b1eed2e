// A plan item (emne/punkt/indsats) of an udmøntningsplan, with every field of
// DOMAIN.md "Plan item". A PlanItem that exists is valid: it comes from Create, which
// checks a draft against the plan it belongs to, or from Restore in a storage adapter.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "domain/plan/plan.h"
#include "domain/plan/proposal_code.h"
#include "domain/plan/timing.h"

namespace bs {

enum class Category { kOperating, kProposal, kCapital, kIntent };
enum class ProgressState { kNotStarted, kInProgress, kDone, kDropped };
enum class TrafficLight { kNone, kGreen, kYellow, kRed };

// Slugs used in URLs, forms and the API, and the Danish labels shown to people.
std::string_view Slug(Category c);
std::string_view Slug(ProgressState s);
std::string_view Slug(TrafficLight t);
std::string_view Label(Category c);        // "Driftsændring"
std::string_view PluralLabel(Category c);  // "Driftsændringer"
std::string_view Label(ProgressState s);   // "Ikke startet"
std::string_view Label(TrafficLight t);    // "Grøn – på rette spor"
std::optional<Category> ParseCategory(std::string_view slug);
std::optional<ProgressState> ParseProgressState(std::string_view slug);
std::optional<TrafficLight> ParseTrafficLight(std::string_view slug);
inline constexpr Category kAllCategories[] = {Category::kOperating, Category::kProposal,
                                              Category::kCapital, Category::kIntent};
inline constexpr ProgressState kAllStates[] = {ProgressState::kNotStarted, ProgressState::kInProgress,
                                               ProgressState::kDone, ProgressState::kDropped};
inline constexpr TrafficLight kAllLights[] = {TrafficLight::kNone, TrafficLight::kGreen,
                                              TrafficLight::kYellow, TrafficLight::kRed};

// One step of the political treatment an item needs: a body and roughly when.
struct TreatmentStep {
  std::string body;  // body code
  Timing when;
  bool operator==(const TreatmentStep&) const = default;
};

struct PoliticalTreatment {
  bool ordinary_operation = false;  // "ordinær drift": no further political treatment
  std::vector<TreatmentStep> steps;

  // One step per line, "ØK: juni 2025"; or the single line "ordinær drift".
  // Unknown bodies are reported with their line number.
  static Result<PoliticalTreatment> ParseLines(std::string_view text,
                                               const std::set<std::string>& known_bodies);
  // For storage adapters: text that FormatLines wrote, bodies not checked again.
  static PoliticalTreatment RestoreLines(std::string_view text);
  std::string FormatLines() const;
  // "BUU juni 2025, ØK august 2025" or "Ordinær drift".
  std::string Summary() const;
  bool operator==(const PoliticalTreatment&) const = default;
};

// The validated content of an item, as edited by people.
struct ItemData {
  Category category = Category::kOperating;
  std::string committee;  // owning body code; may be empty for declarations of intent
  ThemeId theme_id = 0;   // required for declarations of intent, 0 = none
  std::optional<ProposalCode> code;
  std::string title;
  std::string process;
  std::string status_text;
  ProgressState state = ProgressState::kNotStarted;
  TrafficLight traffic_light = TrafficLight::kNone;
  std::string responsible;
  std::string director;
  Timing timing;
  PoliticalTreatment treatment;
  std::string directors_role;
  std::map<int, Amount> amounts;  // budget year -> amount (1.000 kr.), savings negative
  // Expected realised effect per budget year, from the status updates (issue 11): each
  // update sets the years it names and keeps the others. Not edited in the item form.
  std::map<int, Amount> realised;
  bool cross_cutting = false;
  bool strategic = false;
  StrategicLineId strategic_line_id = 0;
  bool obs = false;
  std::string obs_note;
  std::vector<std::string> case_numbers;  // "24/7615"
  // Keys of the item in the finance system (account or project numbers as an extract
  // from KMD Opus or Prisme names them, "3.22.01-1-001"): realised amounts imported from
  // there are matched to the item by them (issue 13). Several per item.
  std::vector<std::string> external_keys;
  std::vector<std::string> strategies;    // "Plan- og Udviklingsstrategi"
  std::vector<int> sdgs;                  // UN Sustainable Development Goals 1..17
  bool demo = false;                      // invented for the demo, not from the seeds
};

// What a form or API request supplies; every value still a string.
struct ItemDraft {
  std::string category, committee, theme, code, title, process, status_text, state,
      traffic_light, responsible, director, timing, political_treatment, directors_role,
      obs_note, case_numbers, strategies, sdgs, strategic_line, external_keys;
  std::map<std::string, std::string> amounts;  // "2025" -> "-1.234,5"
  bool cross_cutting = false, strategic = false, obs = false, demo = false;

  // The draft that reproduces `data` (for edit forms and round trips).
  static ItemDraft From(const ItemData& data, const std::vector<Theme>& themes);
};

// What a draft is checked against: the plan and the bodies and themes that exist.
struct ValidationContext {
  int first_year = 0;
  int last_year = 0;
  std::set<std::string> committees;   // bodies that can own items
  std::set<std::string> all_bodies;   // any body, for political treatment
  std::vector<Theme> themes;          // the plan's themes
  std::set<StrategicLineId> strategic_lines;
};

inline constexpr size_t kMaxTitleChars = 300;
inline constexpr size_t kMaxNameChars = 200;
inline constexpr size_t kMaxTextChars = 20000;

class PlanItem {
 public:
  // Validates every field; on failure returns InvalidArgument with one FieldError per
  // wrong field (field names as in ItemDraft; amounts as "amount_2025").
  static Result<ItemData> Validate(const ItemDraft& draft, const ValidationContext& context);
  static Result<PlanItem> Create(PlanId plan_id, const ItemDraft& draft, const ValidationContext& context);
  // For storage adapters: an item that was valid when stored.
  static PlanItem Restore(ItemId id, PlanId plan_id, ItemData data, int64_t revision,
                          int64_t created_at, int64_t updated_at);

  ItemId id() const { return id_; }
  PlanId plan_id() const { return plan_id_; }
  const ItemData& data() const { return data_; }
  int64_t revision() const { return revision_; }
  int64_t created_at() const { return created_at_; }
  int64_t updated_at() const { return updated_at_; }

  // Case-folded text searched by the free-text filter. Never includes internal fields
  // (directors' role, OBS note): people who may not see them search it too.
  std::string SearchText() const;
  // Sort keys shared by every storage backend.
  std::string CodeSortKey() const;  // prefix, zero-padded number, flags; items without code last
  std::string TitleSortKey() const;  // Danish order

 private:
  ItemId id_ = 0;
  PlanId plan_id_ = 0;
  ItemData data_;
  int64_t revision_ = 0;
  int64_t created_at_ = 0;
  int64_t updated_at_ = 0;
};

}  // namespace bs
