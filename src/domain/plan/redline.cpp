#include "domain/plan/redline.h"

#include <algorithm>
#include <unordered_map>

namespace bs {
namespace {

enum class TokenClass { kWord, kSpace, kPunct };

struct Token {
  std::string_view text;
  TokenClass cls;
};

TokenClass Classify(unsigned char c) {
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return TokenClass::kSpace;
  if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return TokenClass::kWord;
  return TokenClass::kPunct;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    TokenClass cls = Classify(static_cast<unsigned char>(s[i]));
    size_t j = i + 1;
    if (cls != TokenClass::kPunct)
      while (j < s.size() && Classify(static_cast<unsigned char>(s[j])) == cls) ++j;
    out.push_back({s.substr(i, j - i), cls});
    i = j;
  }
  return out;
}

bool Same(const Token& a, const Token& b) {
  if (a.cls == TokenClass::kSpace && b.cls == TokenClass::kSpace) return true;  // spacing is not a change
  return a.cls == b.cls && a.text == b.text;
}

void Emit(std::vector<Segment>& out, SegmentKind kind, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().kind == kind) out.back().text.append(text);
  else out.push_back({kind, std::string(text)});
}

// Myers' greedy algorithm with the V array saved per step, then a backtrack. Returns
// false when more than max_edits edits are needed.
bool Myers(const std::vector<Token>& a, size_t a0, size_t a1, const std::vector<Token>& b, size_t b0, size_t b1,
           int max_edits, std::vector<Segment>& out) {
  const int n = static_cast<int>(a1 - a0), m = static_cast<int>(b1 - b0);
  const int max = std::min(n + m, max_edits);
  const int offset = max + 1;
  std::vector<int> v(2 * max + 3, 0);
  std::vector<std::vector<int>> trace;
  int found = -1;
  for (int d = 0; d <= max && found < 0; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && Same(a[a0 + x], b[b0 + y])) { ++x; ++y; }
      v[offset + k] = x;
      if (x >= n && y >= m) { found = d; break; }
    }
  }
  if (found < 0) return false;
  // Backtrack from (n, m) through the saved V arrays, collecting edits in reverse.
  std::vector<std::pair<SegmentKind, const Token*>> rev;
  int x = n, y = m;
  for (int d = found; d > 0; --d) {
    const std::vector<int>& pv = trace[d];
    int k = x - y;
    bool down = (k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]));
    int prev_k = down ? k + 1 : k - 1;
    int prev_x = pv[offset + prev_k];
    int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) { --x; --y; rev.push_back({SegmentKind::kEqual, &b[b0 + y]}); }
    if (down) { --y; rev.push_back({SegmentKind::kInsert, &b[b0 + y]}); }
    else { --x; rev.push_back({SegmentKind::kDelete, &a[a0 + x]}); }
  }
  while (x > 0 && y > 0) { --x; --y; rev.push_back({SegmentKind::kEqual, &b[b0 + y]}); }
  for (auto it = rev.rbegin(); it != rev.rend(); ++it) Emit(out, it->first, it->second->text);
  return true;
}

bool IsBlank(const std::string& s) {
  for (char c : s) if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
  return true;
}

// Readability cleanup: a whitespace-only equal run between two changes belongs to the
// change, and each change region then reads as one deletion followed by one insertion
// ("[-old words-]{+new words+}" instead of alternating single words).
std::vector<Segment> GroupChanges(const std::vector<Segment>& in) {
  std::vector<Segment> out;
  size_t i = 0;
  while (i < in.size()) {
    if (in[i].kind == SegmentKind::kEqual) { out.push_back(in[i++]); continue; }
    std::string del, ins;
    size_t j = i;
    while (j < in.size()) {
      if (in[j].kind == SegmentKind::kDelete) del += in[j].text;
      else if (in[j].kind == SegmentKind::kInsert) ins += in[j].text;
      else if (IsBlank(in[j].text) && j + 1 < in.size() && in[j + 1].kind != SegmentKind::kEqual) {
        del += in[j].text;
        ins += in[j].text;
      } else {
        break;
      }
      ++j;
    }
    if (!del.empty()) out.push_back({SegmentKind::kDelete, del});
    if (!ins.empty()) out.push_back({SegmentKind::kInsert, ins});
    i = j;
  }
  return out;
}

}  // namespace

std::vector<Segment> WordDiff(std::string_view before, std::string_view after, int max_edits) {
  std::vector<Token> a = Tokenize(before), b = Tokenize(after);
  // Common prefix and suffix first: most edits touch a small part of a text.
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && Same(a[pre], b[pre])) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && Same(a[a.size() - 1 - suf], b[b.size() - 1 - suf])) ++suf;
  std::vector<Segment> out;
  for (size_t i = 0; i < pre; ++i) Emit(out, SegmentKind::kEqual, b[i].text);
  if (!Myers(a, pre, a.size() - suf, b, pre, b.size() - suf, max_edits, out)) {
    for (size_t i = pre; i < a.size() - suf; ++i) Emit(out, SegmentKind::kDelete, a[i].text);
    for (size_t i = pre; i < b.size() - suf; ++i) Emit(out, SegmentKind::kInsert, b[i].text);
  }
  for (size_t i = b.size() - suf; i < b.size(); ++i) Emit(out, SegmentKind::kEqual, b[i].text);
  return GroupChanges(out);
}

bool HasChanges(const std::vector<Segment>& segments) {
  for (const auto& s : segments) if (s.kind != SegmentKind::kEqual) return true;
  return false;
}

Redline CompareItems(const std::vector<PlanItem>& before, const std::vector<PlanItem>& after,
                     const std::vector<Theme>& themes, const std::vector<StrategicLine>& lines) {
  Redline r;
  std::unordered_map<ItemId, const PlanItem*> old_by_id, new_by_id;
  for (const auto& i : before) old_by_id[i.id()] = &i;
  for (const auto& i : after) new_by_id[i.id()] = &i;
  for (const auto& now : after) {
    auto it = old_by_id.find(now.id());
    if (it == old_by_id.end()) {
      r.added.push_back(now);
      continue;
    }
    const PlanItem& was = *it->second;
    if (was.revision() == now.revision()) continue;  // same revision: same data
    ItemChange c{was, now, {}, {}, false, false, false};
    for (auto& f : DiffItems(was.data(), now.data(), themes, lines)) {
      if (f.is_text) {
        auto segments = WordDiff(f.before, f.after);
        if (HasChanges(segments)) c.texts.push_back({std::move(f), std::move(segments)});
      } else {
        c.fields.push_back(std::move(f));
      }
    }
    c.completed = now.data().state == ProgressState::kDone && was.data().state != ProgressState::kDone;
    c.obs_raised = now.data().obs && !was.data().obs;
    c.obs_resolved = !now.data().obs && was.data().obs;
    if (c.texts.empty() && c.fields.empty()) continue;
    r.completed += c.completed;
    r.obs_raised += c.obs_raised;
    r.obs_resolved += c.obs_resolved;
    r.changed.push_back(std::move(c));
  }
  for (const auto& was : before)
    if (!new_by_id.count(was.id())) r.removed.push_back(was);
  for (const auto& a : r.added) {
    if (a.data().state == ProgressState::kDone) ++r.completed;
    if (a.data().obs) ++r.obs_raised;
  }
  return r;
}

}  // namespace bs
