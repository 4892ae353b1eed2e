// The agenda text parser: two passes over the cleaned lines. Pass 1 gives each line the
// role of the first heading or context-free rule that matches it; pass 2 walks the lines
// with the state of the item being read (which block a line belongs to) and applies the
// rules that depend on it (attachment lines inside a Bilag list, earlier decisions
// inside Sagsforløb, a page number right after a page header, a title above a case line).
#include "importers/agenda/agenda_text.h"

#include <algorithm>
#include <optional>

#include "core/text.h"
#include "domain/meetings/meeting.h"
#include "importers/agenda/agenda_lines.h"

namespace bs::agenda_import {
namespace {

using internal::Fields;
using internal::Line;

bool IsContextual(Role r) {
  return r == Role::kAttachment || r == Role::kHistoryEntry || r == Role::kPageNumber || r == Role::kItemTitle;
}

const char* kOutsideItem = "Står før det første punkt og er ingen kendt linje.";
const char* kOutsideBlock = "Står i punktet uden for en kendt overskrift.";
const char* kNotRoute = "Står under Sagsgang, men er ikke organkoder (fx DIR, ØK, KB).";
const char* kNotAttachment = "Står under Bilag, men er ingen bilagslinje.";
const char* kNotHistory = "Står under Sagsforløb, men er ingen tidligere beslutning.";

enum class Block { kNone, kRoute, kResponsible, kSection, kDecision, kAbsent, kApologies, kAttachments, kHistory,
                   kSignature, kOverview };

class Parser {
 public:
  Parser(const internal::CompiledLayout& c, std::vector<Line> lines)
      : c_(c), layout_(*c.layout), lines_(std::move(lines)), text_(layout_) {}

  AgendaImport Run() {
    out_.layout = layout_.name;
    out_.lines = static_cast<int>(lines_.size());
    for (auto& line : lines_) Classify(line);
    for (size_t i = 0; i < lines_.size(); ++i) Step(i);
    FinishItem();
    return std::move(out_);
  }

 private:
  void Classify(Line& line) {
    if (line.blank || line.clean.size() > 2000) return;  // long lines are text: no regex on them
    std::string key = line.clean;
    if (!key.empty() && key.back() == ':') key.pop_back();
    if (auto it = c_.headings.find(key); it != c_.headings.end()) {
      line.heading = it->second;
      line.role = static_cast<int>(it->second->role);
      return;
    }
    for (const auto& rule : c_.rules) {
      if (IsContextual(rule.rule->role)) continue;
      if (internal::Match(rule, line.clean, line.fields)) {
        line.role = static_cast<int>(rule.rule->role);
        return;
      }
    }
  }

  bool Is(const Line& l, Role r) const { return l.role == static_cast<int>(r); }

  // The contextual rule of `role` matching line i, if any.
  bool MatchContextual(size_t i, Role role, Fields& fields) const {
    for (const auto& rule : c_.rules)
      if (rule.rule->role == role && internal::Match(rule, lines_[i].clean, fields)) return true;
    return false;
  }

  // A text line directly above a case line (blank lines and page furniture between) is
  // the item's title.
  bool IsTitleAboveCase(size_t i, Fields& fields) const {
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      const Line& l = lines_[j];
      if (l.blank || Is(l, Role::kPageFurniture) || Is(l, Role::kNoise)) continue;
      return Is(l, Role::kCaseLine) && MatchContextual(i, Role::kItemTitle, fields);
    }
    return false;
  }

  bool ParagraphBreak() const {
    bool empty_breaks = layout_.empty_line_breaks_paragraph || (item_ && item_->markdown);
    return spaces_ || empty_lines_ >= 2 || (empty_breaks && empty_lines_ >= 1);
  }

  void Unrecognised(const Line& l, const std::string& reason) {
    out_.unrecognised.push_back({l.number, l.trimmed, reason});
  }

  void Step(size_t i) {
    const Line& l = lines_[i];
    if (l.blank) {
      ++out_.noise.blank;
      if (l.spaces) spaces_ = true;
      else ++empty_lines_;
      return;
    }
    bool after_furniture = after_furniture_;
    after_furniture_ = false;
    Fields fields;
    if (Is(l, Role::kPageFurniture) || Is(l, Role::kNoise) ||
        (after_furniture && l.role < 0 && MatchContextual(i, Role::kPageNumber, fields))) {
      ++(Is(l, Role::kNoise) ? out_.noise.table_rules : out_.noise.page_furniture);
      after_furniture_ = Is(l, Role::kPageFurniture);
      // The empty lines around a page header are layout, not a paragraph break; a line
      // of spaces still is one.
      empty_lines_ = 0;
      return;
    }
    bool title = l.role < 0 && IsTitleAboveCase(i, fields);
    if (title || Is(l, Role::kItemStart) || Is(l, Role::kCaseLine)) {
      StartOrFillItem(l, title ? fields : l.fields, title);
    } else if (block_ == Block::kSignature || block_ == Block::kOverview) {
      if (Is(l, Role::kSignaturePage)) block_ = Block::kSignature;
      ++(block_ == Block::kSignature ? out_.noise.signature_page : out_.noise.attachment_overview);
    } else if (l.role >= 0) {
      Structural(l);
    } else {
      Text(i);
    }
    spaces_ = false;
    empty_lines_ = 0;
  }

  ImportedItem& EnsureItem(const Line& l) {
    if (!item_) {
      item_.emplace();
      item_->line = l.number;
    }
    if (l.markdown) item_->markdown = true;
    return *item_;
  }

  void CloseBlock() {
    if (block_ == Block::kSection && section_ >= 0) item_->sections[section_].text = text_.Take();
    if (block_ == Block::kDecision || block_ == Block::kHistory) {
      if (decision_ >= 0) item_->decisions[decision_].text = text_.Take();
    }
    if ((block_ == Block::kAbsent || block_ == Block::kApologies) && item_) {
      std::string names = text_.Take();
      Decision* d = attendance_decision_ >= 0 ? &item_->decisions[attendance_decision_] : nullptr;
      std::string& target = block_ == Block::kAbsent ? (d ? d->absent : item_->absent)
                                                     : (d ? d->apologies : item_->apologies);
      if (!names.empty()) target += (target.empty() ? "" : "\n") + names;
    }
    if (block_ == Block::kResponsible && item_) item_->responsible = text::Trim(text_.Take());
    text_.Take();
    block_ = Block::kNone;
  }

  void StartOrFillItem(const Line& l, const Fields& f, bool title) {
    bool fill = Is(l, Role::kCaseLine) && item_ && awaiting_case_;
    if (!fill) {
      CloseBlock();
      FinishItem();
      EnsureItem(l);
      attendance_decision_ = -1;
    }
    ImportedItem& item = *item_;
    awaiting_case_ = title || Is(l, Role::kItemStart);
    if (!f.number.empty()) item.number = std::stoi(f.number);
    if (!f.title.empty()) item.title = f.title;
    if (Is(l, Role::kCaseLine)) {
      awaiting_case_ = false;
      SetCaseFields(l, f);
    }
  }

  void SetCaseFields(const Line& l, const Fields& f) {
    ImportedItem& item = *item_;
    if (!f.case_number.empty()) {
      auto n = CaseNumber::Parse(f.case_number);
      if (n.ok()) item.case_number = n->text;
      else Unrecognised(l, n.error().message);
    }
    if (!f.kle.empty()) {
      auto k = ValidateKle(f.kle);
      if (k.ok()) item.journal_number = *k;
      else Unrecognised(l, k.error().message);
    }
    if (!f.access.empty()) {
      std::string folded = text::FoldCase(f.access);
      item.closed = std::any_of(layout_.closed_words.begin(), layout_.closed_words.end(),
                                [&](const std::string& w) { return folded.rfind(w, 0) == 0; });
    }
  }

  void Structural(const Line& l) {
    Role role = static_cast<Role>(l.role);
    if (role == Role::kSignaturePage || role == Role::kOverview) {
      if (item_) CloseBlock();
      block_ = role == Role::kSignaturePage ? Block::kSignature : Block::kOverview;
      ++(block_ == Block::kSignature ? out_.noise.signature_page : out_.noise.attachment_overview);
      return;
    }
    ImportedItem& item = EnsureItem(l);
    const Fields& f = l.fields;
    bool attendance = role == Role::kAbsent || role == Role::kApologies;
    bool keeps_decision = attendance && (block_ == Block::kDecision || block_ == Block::kAbsent ||
                                         block_ == Block::kApologies);
    CloseBlock();
    if (!keeps_decision) attendance_decision_ = -1;
    switch (role) {
      case Role::kCaseNumber:
      case Role::kJournal:
      case Role::kAccess:
        SetCaseFields(l, f);
        break;
      case Role::kRoute:
        block_ = Block::kRoute;
        if (!f.value.empty()) AddRoute(l, f.value);
        break;
      case Role::kResponsible:
        block_ = Block::kResponsible;
        if (!f.value.empty()) text_.AddOwnLine(f.value);
        break;
      case Role::kSection:
        item.sections.push_back({l.clean.back() == ':' ? l.clean.substr(0, l.clean.size() - 1) : l.clean,
                                 "", l.heading->field, l.number});
        section_ = static_cast<int>(item.sections.size()) - 1;
        block_ = Block::kSection;
        break;
      case Role::kDecision:
        AddDecision(l, f, false);
        block_ = Block::kDecision;
        break;
      case Role::kAbsent:
      case Role::kApologies:
        block_ = role == Role::kAbsent ? Block::kAbsent : Block::kApologies;
        if (!f.value.empty()) text_.AddOwnLine(f.value);
        break;
      case Role::kAttachments:
        block_ = Block::kAttachments;
        break;
      case Role::kHistory:
        block_ = Block::kHistory;
        decision_ = -1;
        break;
      default:
        break;
    }
  }

  void AddDecision(const Line& l, const Fields& f, bool earlier) {
    Decision d;
    d.body = f.body;
    if (!f.date.empty()) {
      auto date = Date::Parse(f.date);
      if (date.ok()) d.date = *date;
      else Unrecognised(l, date.error().message);
    }
    d.earlier = earlier;
    d.line = l.number;
    item_->decisions.push_back(std::move(d));
    decision_ = static_cast<int>(item_->decisions.size()) - 1;
    if (!earlier) attendance_decision_ = decision_;
    if (!f.text.empty()) text_.AddOwnLine(f.text);
  }

  void AddRoute(const Line& l, const std::string& value) {
    std::vector<std::string> codes;
    std::sregex_token_iterator it(value.begin(), value.end(), c_.route_separator, -1), end;
    for (; it != end; ++it) {
      std::string code = text::Trim(it->str());
      if (code.empty()) continue;
      if (!std::regex_match(code, c_.route_code)) return Unrecognised(l, kNotRoute);
      codes.push_back(code);
    }
    if (codes.empty()) return Unrecognised(l, kNotRoute);
    for (auto& code : codes) item_->route.push_back(std::move(code));
  }

  void AddAttachment(const Line& l, const Fields& f) {
    AttachmentRef a;
    a.number = f.number;
    a.id = f.id;
    a.line = l.number;
    if (!f.access.empty()) {
      std::string folded = text::FoldCase(f.access);
      bool closed = std::any_of(layout_.closed_words.begin(), layout_.closed_words.end(),
                                [&](const std::string& w) { return folded.rfind(w, 0) == 0; });
      a.access = closed ? "closed" : "open";
    }
    std::string title = f.title;
    // Trailing marks "(H)" and the document number "(151433/22)" or "52074/25".
    for (;;) {
      size_t n = title.size();
      if (n >= 3 && title[n - 1] == ')' && title[n - 3] == '(' && title[n - 2] >= 'A' && title[n - 2] <= 'Z') {
        a.marks.insert(a.marks.begin(), std::string(1, title[n - 2]));
        title = text::Trim(title.substr(0, n - 3));
        continue;
      }
      break;
    }
    size_t space = title.rfind(' ');
    std::string last = title.substr(space == std::string::npos ? 0 : space + 1);
    std::string bare = last.size() > 2 && last.front() == '(' && last.back() == ')' ? last.substr(1, last.size() - 2) : last;
    size_t slash = bare.find('/');
    if (slash != std::string::npos && slash >= 4 && slash <= 7 && bare.size() == slash + 3 &&
        bare.find_first_not_of("0123456789/") == std::string::npos) {
      a.document_number = bare;
      title = space == std::string::npos ? "" : text::Trim(title.substr(0, space));
    }
    a.title = title;
    item_->attachments.push_back(std::move(a));
  }

  void Text(size_t i) {
    const Line& l = lines_[i];
    if (!item_) return Unrecognised(l, kOutsideItem);
    Fields f;
    switch (block_) {
      case Block::kNone:
        return Unrecognised(l, kOutsideBlock);
      case Block::kRoute:
        return AddRoute(l, l.clean);
      case Block::kResponsible:
        return text_.AddJoined(l.clean);
      case Block::kAbsent:
      case Block::kApologies:
        return text_.AddOwnLine(l.clean);
      case Block::kAttachments:
        if (MatchContextual(i, Role::kAttachment, f)) return AddAttachment(l, f);
        return Unrecognised(l, kNotAttachment);
      case Block::kHistory:
        if (MatchContextual(i, Role::kHistoryEntry, f)) {
          if (decision_ >= 0) item_->decisions[decision_].text = text_.Take();
          AddDecision(l, f, true);
          return;
        }
        if (decision_ < 0) return Unrecognised(l, kNotHistory);
        break;
      default:
        break;
    }
    text_.Add(l, ParagraphBreak() && !text_.empty());
  }

  void FinishItem() {
    if (!item_) return;
    CloseBlock();
    ImportedItem& item = *item_;
    if (!item.decisions.empty()) {
      const Decision& last = item.decisions.back();
      if (item.absent.empty()) item.absent = last.absent;
      if (item.apologies.empty()) item.apologies = last.apologies;
    }
    std::string all = item.title;
    for (const auto& s : item.sections) all += "\n" + s.text;
    for (const auto& d : item.decisions) all += "\n" + d.text;
    for (const auto& a : item.attachments) all += "\n" + a.title;
    item.proposal_codes = FindProposalCodes(all);
    out_.items.push_back(std::move(item));
    item_.reset();
    section_ = decision_ = attendance_decision_ = -1;
    awaiting_case_ = false;
  }

  const internal::CompiledLayout& c_;
  const Layout& layout_;
  std::vector<Line> lines_;
  AgendaImport out_;
  std::optional<ImportedItem> item_;
  internal::TextBuilder text_;
  Block block_ = Block::kNone;
  int section_ = -1, decision_ = -1, attendance_decision_ = -1;
  bool awaiting_case_ = false;
  bool spaces_ = false;
  int empty_lines_ = 0;
  bool after_furniture_ = false;
};

// The first line with a byte that is not UTF-8, 0 when it is all valid.
int FirstBadUtf8Line(std::string_view text) {
  int line = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!text::IsValidUtf8(text.substr(start, end - start))) return line;
    if (end == text.size()) break;
    start = end + 1;
    ++line;
  }
  return 0;
}

}  // namespace

Result<AgendaImport> Parse(std::string_view text, const Layout& layout) {
  if (text.size() > kMaxTextBytes)
    return MakeError(ErrorCode::kTooLarge, "Teksten fylder " + std::to_string(text.size() / (1024 * 1024)) +
                                               " MB; der kan højst indlæses 20 MB.");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos)
    return InvalidArgument("Teksten er tom: der er intet at indlæse.");
  if (!text::IsValidUtf8(text))
    return InvalidArgument("Teksten er ikke gyldig UTF-8 (første fejl i linje " + std::to_string(FirstBadUtf8Line(text)) +
                           "). Gem den som UTF-8 og prøv igen.");
  auto compiled = internal::Compile(layout);
  if (!compiled.ok()) return std::move(compiled).error();
  Parser parser(*compiled, internal::SplitLines(text, layout));
  return parser.Run();
}

Result<AgendaImport> ParseDetect(std::string_view text) {
  std::optional<AgendaImport> best;
  for (const auto& layout : BuiltInLayouts()) {
    auto r = Parse(text, layout);
    if (!r.ok()) return r;
    auto placed = [](const AgendaImport& a) { return a.lines - static_cast<int>(a.unrecognised.size()); };
    if (!best || placed(*r) > placed(*best)) best = std::move(r).value();
  }
  return std::move(*best);
}

std::vector<std::string> FindProposalCodes(std::string_view s) {
  std::vector<std::string> codes;
  auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  for (size_t p = s.find('R'); p != std::string_view::npos; p = s.find('R', p + 1)) {
    if (p > 0 && (alnum(s[p - 1]) || static_cast<unsigned char>(s[p - 1]) >= 0x80)) continue;
    size_t i = p + 1;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    size_t digits = i - p - 1;
    if (digits < 3 || digits > 5) continue;
    std::string code(s.substr(p, i - p));
    // Flag groups, optionally after one space: " (I)(B)", "(B)", " (I) (B)".
    for (;;) {
      size_t j = i;
      if (j < s.size() && s[j] == ' ') ++j;
      if (j >= s.size() || s[j] != '(') break;
      size_t k = j + 1;
      while (k < s.size() && s[k] >= 'A' && s[k] <= 'Z' && k - j <= 3) ++k;
      if (k == j + 1 || k >= s.size() || s[k] != ')') break;
      code += std::string(s.substr(j, k + 1 - j));
      i = k + 1;
    }
    if (i < s.size() && alnum(s[i])) continue;  // "R1234x" is no code
    if (!ProposalCode::Parse(code).ok()) continue;
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return codes;
}

std::vector<ItemId> LinkedPlanItems(const ImportedItem& item, const std::vector<PlanItem>& plan_items) {
  std::vector<ItemId> ids;
  for (const auto& code : item.proposal_codes) {
    for (const auto& p : plan_items) {
      if (!p.data().code) continue;
      std::string text = p.data().code->text();
      text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
      if (text == code && std::find(ids.begin(), ids.end(), p.id()) == ids.end()) ids.push_back(p.id());
    }
  }
  return ids;
}

}  // namespace bs::agenda_import
