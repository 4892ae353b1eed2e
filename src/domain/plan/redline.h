// Redline: what changed in a plan between two states, at word level inside each text
// field (Myers' O(ND) diff over word tokens), plus new, removed and completed items,
// OBS points raised or resolved, and changed amounts with old and new figures.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/plan/history.h"
#include "domain/plan/plan_item.h"

namespace bs {

enum class SegmentKind { kEqual, kInsert, kDelete };
struct Segment {
  SegmentKind kind;
  std::string text;
  bool operator==(const Segment&) const = default;
};

// Word-level diff. Tokens are runs of letters/digits (æøå count as letters), runs of
// whitespace, or single punctuation marks. Whitespace differences alone are not
// changes: equal runs take the new text's spacing. Adjacent segments of one kind are
// merged. Past `max_edits` differing tokens the changed middle is shown as one
// deletion and one insertion (bounded time and memory for very different texts).
std::vector<Segment> WordDiff(std::string_view before, std::string_view after, int max_edits = 2000);
bool HasChanges(const std::vector<Segment>& segments);

struct TextChange {
  FieldChange field;
  std::vector<Segment> segments;
};

struct ItemChange {
  PlanItem before;
  PlanItem after;
  std::vector<TextChange> texts;    // long-text fields, word diffed
  std::vector<FieldChange> fields;  // other fields and amounts, old and new
  bool completed = false;           // done now, not before
  bool obs_raised = false;
  bool obs_resolved = false;
};

struct Redline {
  std::vector<PlanItem> added;
  std::vector<PlanItem> removed;
  std::vector<ItemChange> changed;  // in the order of the newer state
  int completed = 0;
  int obs_raised = 0;
  int obs_resolved = 0;
};

// Compares two states of the same plan; items are matched by id and reported in the
// order the lists come in.
Redline CompareItems(const std::vector<PlanItem>& before, const std::vector<PlanItem>& after,
                     const std::vector<Theme>& themes, const std::vector<StrategicLine>& lines);

}  // namespace bs
