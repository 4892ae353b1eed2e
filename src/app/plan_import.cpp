#include "app/plan_import.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "core/text.h"

namespace bs {

std::string_view Slug(ImportAction a) {
  switch (a) {
    case ImportAction::kCreate: return "create";
    case ImportAction::kUpdate: return "update";
    case ImportAction::kUnchanged: return "unchanged";
  }
  return "";
}

std::string_view Label(ImportAction a) {
  switch (a) {
    case ImportAction::kCreate: return "Oprettes";
    case ImportAction::kUpdate: return "Opdateres";
    case ImportAction::kUnchanged: return "Uændret";
  }
  return "";
}

namespace {

// Proposal codes match with or without the space the catalogue sometimes writes before
// the flags ("R101 (I)(B)" is "R101(I)(B)"), and in any case.
std::string CodeKey(std::string_view code) {
  std::string out;
  for (char c : code)
    if (c != ' ') out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
  return out;
}

std::string TitleKey(std::string_view title) { return text::FoldCase(text::CleanSingleLine(text::Trim(title))); }

using DraftField = std::string ItemDraft::*;
const std::map<std::string, DraftField>& DraftFields() {
  static const std::map<std::string, DraftField> fields = {
      {"category", &ItemDraft::category},     {"committee", &ItemDraft::committee},
      {"theme", &ItemDraft::theme},           {"code", &ItemDraft::code},
      {"title", &ItemDraft::title},           {"process", &ItemDraft::process},
      {"status_text", &ItemDraft::status_text}, {"state", &ItemDraft::state},
      {"traffic_light", &ItemDraft::traffic_light}, {"responsible", &ItemDraft::responsible},
      {"director", &ItemDraft::director},     {"timing", &ItemDraft::timing},
      {"political_treatment", &ItemDraft::political_treatment}, {"directors_role", &ItemDraft::directors_role},
      {"obs_note", &ItemDraft::obs_note},     {"case_numbers", &ItemDraft::case_numbers},
      {"strategies", &ItemDraft::strategies}, {"sdgs", &ItemDraft::sdgs},
      {"external_keys", &ItemDraft::external_keys},
  };
  return fields;
}

void SetField(ItemDraft& d, const std::string& field, const std::string& value) {
  if (auto it = DraftFields().find(field); it != DraftFields().end()) { d.*(it->second) = value; return; }
  if (field == "cross_cutting") d.cross_cutting = !value.empty();
  else if (field == "obs") d.obs = !value.empty();
  else if (field == "completed" && !value.empty()) d.state = std::string(Slug(ProgressState::kDone));
  else if (field.rfind("amount_", 0) == 0) {
    // A sheet writes 0 (or nothing) for a year without effect; an item keeps no amount then.
    std::string year = field.substr(7);
    if (value.empty()) d.amounts.erase(year);
    else if (value != "0" || d.amounts.count(year)) d.amounts[year] = value;
  }
}

bool ValidBodyCode(const std::string& code) {
  if (code.empty() || text::CodePointCount(code) > 10 || !text::IsValidUtf8(code)) return false;
  for (unsigned char c : code)
    if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c < 0x80) return false;
  return true;
}

void SortProblems(std::vector<ImportProblem>& problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const ImportProblem& a, const ImportProblem& b) {
    if (a.row != b.row) return a.row < b.row;
    if (a.column.size() != b.column.size()) return a.column.size() < b.column.size();
    return a.column < b.column;
  });
}

// Uploads are kept under the username: two people may share a name.
std::string Uploader(const Viewer& v) { return v.user ? v.user->username : "anonym"; }

Error NotApplied(size_t problems) {
  return InvalidArgument("Importen er ikke gennemført: filen har " + std::to_string(problems) +
                         (problems == 1 ? " problem" : " problemer") + ". Intet er ændret.");
}

// FNV-1a, 64 bits, as hex: a stable fingerprint of what a dry run shows.
std::string Fingerprint(const std::string& shown) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : shown) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

std::string Shown(const PlanImportResult& r) {
  std::string s;
  for (const auto& row : r.rows) {
    s += std::to_string(row.row) + '\x1f' + std::string(Slug(row.action)) + '\x1f' + std::to_string(row.item_id) + '\x1f' +
         (row.data.code ? row.data.code->text() : "") + '\x1f' + row.data.title + '\x1f' + row.data.committee;
    for (const auto& [year, amount] : row.data.amounts) s += '\x1f' + std::to_string(year) + '=' + amount.FormatTkr();
    for (const auto& c : row.changes) s += '\x1e' + c.field + '\x1f' + c.before + '\x1f' + c.after;
    s += '\n';
  }
  for (const auto& b : r.new_bodies) s += "new:" + b.code + '\x1f' + b.name + '\n';
  return s;
}

std::string Shown(const RealisedResult& r) {
  std::string s = r.as_of.Iso() + '\n';
  for (const auto& item : r.items) {
    s += std::to_string(item.item_id) + '\x1f' + std::string(Slug(item.action)) + '\x1f' + std::to_string(item.item.revision());
    for (const auto& [year, amount] : item.realised) s += '\x1f' + std::to_string(year) + '=' + amount.FormatTkr();
    s += '\n';
  }
  return s;
}

Error StaleDryRun() {
  return Conflict("Planen eller kortlægningen er ændret siden den prøvekørsel, du så, så importen er ikke gennemført. "
                  "Se den nye prøvekørsel nedenfor, og importér igen.");
}

}  // namespace

std::string ResolveCommittee(const PlanContext& ctx, const std::map<std::string, std::string>& committee_map,
                             const std::string& written) {
  std::string t = text::Trim(written);
  if (t.empty()) return "";
  std::string folded = text::FoldCase(t);
  for (const auto& b : ctx.committees)
    if (text::FoldCase(b.code) == folded || text::FoldCase(b.name) == folded) return b.code;
  // "Børne- og Ungdomsudvalget (BUU)", as our own exports write it.
  if (t.back() == ')') {
    size_t open = t.rfind('(');
    if (open != std::string::npos) {
      std::string code = text::FoldCase(text::Trim(t.substr(open + 1, t.size() - open - 2)));
      for (const auto& b : ctx.committees)
        if (text::FoldCase(b.code) == code) return b.code;
    }
  }
  if (auto it = committee_map.find(folded); it != committee_map.end()) {
    const std::string& v = it->second;
    if (v.rfind("new:", 0) == 0) return v.substr(4);
    for (const auto& b : ctx.committees)
      if (b.code == v) return b.code;
  }
  return "";
}

Result<PlanContext> PlanImportService::ContextForImport(const Viewer& v, PlanId plan) {
  return TRY(plans_.PlanForEditing(v, plan)).ctx;
}

Result<PlanImportResult> PlanImportService::DryRunSheet(const Viewer& v, const PlanSheetRequest& request) {
  return Sheet(v, request, false);
}
Result<PlanImportResult> PlanImportService::ApplySheet(const Viewer& v, const PlanSheetRequest& request) {
  return Sheet(v, request, true);
}

Result<PlanImportResult> PlanImportService::Sheet(const Viewer& v, const PlanSheetRequest& request, bool apply) {
  PlanContext ctx = TRY(plans_.PlanForEditing(v, request.plan)).ctx;
  PlanImportResult out;
  out.problems = request.problems;

  // Committees the user chose to create: known from here on, under the name the sheet gives.
  for (const auto& [folded, target] : request.committee_map) {
    if (target.rfind("new:", 0) != 0) continue;
    std::string code = text::Trim(target.substr(4));
    std::string name;
    for (const auto& row : request.rows)
      if (auto it = row.values.find("committee"); it != row.values.end() && text::FoldCase(text::Trim(it->second)) == folded)
        name = text::Trim(it->second);
    if (name.empty()) continue;  // a mapping for a committee this sheet does not name
    if (!ValidBodyCode(code)) {
      out.problems.push_back({0, "", "«" + text::Truncate(code, 20) + "» kan ikke være koden for det nye udvalg «" + name +
                                         "» (1-10 store bogstaver eller cifre, fx ÆU)."});
      continue;
    }
    if (ctx.FindBody(code)) {
      out.problems.push_back({0, "", "Der findes allerede et organ med koden " + code + "; vælg det i stedet for at oprette «" + name + "»."});
      continue;
    }
    Body b{code, text::Truncate(name, kMaxNameChars), true, 100};
    out.new_bodies.push_back(b);
    ctx.bodies.push_back(b);
    ctx.committees.push_back(b);
    ctx.validation.committees.insert(code);
    ctx.validation.all_bodies.insert(code);
  }

  auto live = TRY(register_.LiveItems(request.plan));
  // Codes are not unique in every plan (the catalogue's R307(B) covers two items in the
  // seeds): then the title tells them apart.
  std::multimap<std::string, const PlanItem*> by_code;
  std::map<std::string, const PlanItem*> by_title;
  for (const auto& item : *live) {
    if (item.data().code) by_code.emplace(CodeKey(item.data().code->text()), &item);
    else by_title.emplace(TitleKey(item.data().title), &item);
  }

  std::map<std::string, int> seen;  // code and title, or title -> the row that had it first
  std::map<std::string, int> seen_code;
  std::map<std::string, size_t> unknown_index;
  std::map<ItemId, int> matched_rows;
  for (const SheetRow& row : request.rows) {
    auto value = [&](const char* f) -> std::string {
      auto it = row.values.find(f);
      return it == row.values.end() ? std::string() : it->second;
    };
    auto column = [&](const std::string& f) -> std::string {
      auto it = row.columns.find(f);
      return it == row.columns.end() ? std::string() : it->second;
    };
    std::string code = text::Trim(value("code"));
    std::string title = text::Trim(value("title"));
    if (code.empty() && title.empty()) {
      out.problems.push_back({row.row, column("title"), "Rækken har hverken kode eller titel og er ikke importeret."});
      continue;
    }
    std::string key = (code.empty() ? "" : CodeKey(code)) + "\n" + TitleKey(title);
    if (auto [it, fresh] = seen.emplace(key, row.row); !fresh) {
      out.problems.push_back({row.row, code.empty() ? column("title") : column("code"),
                              (code.empty() ? "Titlen «" + text::Truncate(title, 60) + "»" : "Koden " + code) +
                                  " står også i række " + std::to_string(it->second) + "."});
      continue;
    }
    const PlanItem* existing = nullptr;
    if (!code.empty()) {
      auto [from, to] = by_code.equal_range(CodeKey(code));
      size_t candidates = static_cast<size_t>(std::distance(from, to));
      for (auto it = from; it != to; ++it)
        if (candidates == 1 || TitleKey(it->second->data().title) == TitleKey(title)) existing = it->second;
      if (auto [it, fresh] = seen_code.emplace(CodeKey(code), row.row); !fresh && candidates < 2) {
        out.problems.push_back({row.row, column("code"), "Koden " + code + " står også i række " + std::to_string(it->second) + "."});
        continue;
      }
      if (row.unreadable) continue;  // its problem is reported; a dry run shows no action for it
      if (!existing && candidates > 1) {
        out.problems.push_back({row.row, column("title"), "Koden " + code + " står på " + std::to_string(candidates) +
                                                                " punkter, og titlen passer ikke på nogen af dem; ret titlen, så den viser, hvilket punkt rækken gælder."});
        continue;
      }
    } else if (row.unreadable) {
      continue;
    } else if (auto it = by_title.find(TitleKey(title)); it != by_title.end()) {
      existing = it->second;
    }
    ItemDraft draft;
    if (existing) {
      draft = ItemDraft::From(existing->data(), ctx.themes);
      if (auto [it, fresh] = matched_rows.emplace(existing->id(), row.row); !fresh) {
        out.problems.push_back({row.row, column("code"), "Rækken svarer til samme punkt som række " + std::to_string(it->second) + "."});
        continue;
      }
    } else {
      draft.category = std::string(Slug(code.empty() ? Category::kOperating : Category::kProposal));
    }
    bool unknown = false;
    for (const auto& [field, v] : row.values) {
      if (field == "committee") {
        std::string written = text::Trim(v);
        std::string code_of = ResolveCommittee(ctx, request.committee_map, written);
        if (!written.empty() && code_of.empty()) {
          std::string folded = text::FoldCase(written);
          auto [it, fresh] = unknown_index.emplace(folded, out.unknown_committees.size());
          if (fresh) out.unknown_committees.push_back({written, folded, {}});
          out.unknown_committees[it->second].rows.push_back(row.row);
          unknown = true;
          continue;
        }
        draft.committee = code_of;
        continue;
      }
      if (field == "theme") {
        std::string folded = text::FoldCase(text::Trim(v));
        std::string name = text::Trim(v);
        for (const auto& t : ctx.themes)
          if (text::FoldCase(t.name) == folded) name = t.name;
        draft.theme = name;
        continue;
      }
      SetField(draft, field, v);
    }
    if (unknown) continue;  // reported once per committee below
    // "R307 (B)" in the sheet is the item's "R307(B)": the item keeps the code as it has it.
    if (existing && existing->data().code && CodeKey(draft.code) == CodeKey(existing->data().code->text()))
      draft.code = existing->data().code->text();
    auto data = PlanItem::Validate(draft, ctx.validation);
    if (!data.ok()) {
      for (const auto& fe : data.error().fields) {
        std::string col = column(fe.field);
        if (col.empty() && fe.field == "theme") col = column("category");
        out.problems.push_back({row.row, col, fe.message});
      }
      if (data.error().fields.empty()) out.problems.push_back({row.row, "", data.error().message});
      continue;
    }
    ImportedRow r;
    r.row = row.row;
    r.data = std::move(*data);
    if (existing) {
      r.data.realised = existing->data().realised;  // comes from status updates, never from the sheet
      r.item_id = existing->id();
      if (SameData(existing->data(), r.data)) {
        r.action = ImportAction::kUnchanged;
        ++out.unchanged;
      } else {
        r.action = ImportAction::kUpdate;
        r.changes = DiffItems(existing->data(), r.data, ctx.themes, ctx.strategic_lines);
        ++out.updated;
      }
    } else {
      ++out.created;
    }
    out.rows.push_back(std::move(r));
  }
  for (const auto& u : out.unknown_committees) {
    std::string col;
    for (const auto& row : request.rows)
      if (row.row == u.rows.front())
        if (auto it = row.columns.find("committee"); it != row.columns.end()) col = it->second;
    out.problems.push_back({u.rows.front(), col,
                            "Udvalget «" + text::Truncate(u.written, 80) + "» findes ikke (" + std::to_string(u.rows.size()) +
                                (u.rows.size() == 1 ? " række" : " rækker") +
                                "): vælg et eksisterende udvalg, eller opret det."});
  }
  SortProblems(out.problems);
  out.fingerprint = Fingerprint(Shown(out));
  if (!apply) return out;
  if (!out.problems.empty()) return NotApplied(out.problems.size());
  if (!request.expected_fingerprint.empty() && request.expected_fingerprint != out.fingerprint) return StaleDryRun();

  ImportBatch batch;
  batch.plan = request.plan;
  batch.new_bodies = out.new_bodies;
  for (const auto& r : out.rows) {
    if (r.action == ImportAction::kCreate) batch.creates.push_back(PlanItem::Restore(0, request.plan, r.data, 0, 0, 0));
    if (r.action != ImportAction::kUpdate) continue;
    for (const auto& item : *live)
      if (item.id() == r.item_id) batch.updates.push_back({r.item_id, r.data, item.revision()});
  }
  if (batch.creates.empty() && batch.updates.empty() && batch.new_bodies.empty()) {
    out.applied = true;
    return out;
  }
  WriteMeta meta = register_.Meta(v.AuthorName(), "import");
  meta.comment = "Importeret fra «" + text::Truncate(text::CleanSingleLine(request.filename), 120) + "»";
  auto applied = TRY(register_.ApplyImport(batch, meta));
  size_t next = 0;
  for (auto& r : out.rows)
    if (r.action == ImportAction::kCreate && next < applied.created.size()) r.item_id = applied.created[next++].id();
  out.applied = true;
  return out;
}

// ---- Realised amounts ----

Result<RealisedResult> PlanImportService::DryRunRealised(const Viewer& v, const RealisedRequest& request) {
  return Realised(v, request, false);
}
Result<RealisedResult> PlanImportService::ApplyRealised(const Viewer& v, const RealisedRequest& request) {
  return Realised(v, request, true);
}

Result<RealisedResult> PlanImportService::Realised(const Viewer& v, const RealisedRequest& request, bool apply) {
  PlanContext ctx = TRY(plans_.PlanForEditing(v, request.plan)).ctx;
  RealisedResult out;
  out.problems = request.problems;
  auto live = TRY(register_.LiveItems(request.plan));
  // A key names one item; a key two items carry cannot say where its amounts belong.
  std::map<std::string, std::vector<const PlanItem*>> by_key;
  for (const auto& item : *live)
    for (const auto& k : item.data().external_keys) by_key[text::FoldCase(k)].push_back(&item);
  std::map<ItemId, size_t> index;
  std::optional<Date> latest;
  for (const auto& line : request.lines) {
    if (line.date && (!latest || *latest < *line.date)) latest = line.date;
    auto it = by_key.find(text::FoldCase(text::Trim(line.key)));
    if (it == by_key.end()) {
      out.unmatched.push_back(line);
      continue;
    }
    if (it->second.size() > 1) {
      std::string which;
      for (const auto* item : it->second)
        which += (which.empty() ? "" : ", ") + (item->data().code ? item->data().code->text() : "«" + text::Truncate(item->data().title, 40) + "»");
      out.problems.push_back({line.row, "", "Nøglen «" + line.key + "» står på flere punkter (" + which + ")."});
      continue;
    }
    if (line.year < ctx.plan.first_year() || line.year > ctx.plan.last_year()) {
      out.problems.push_back({line.row, "", "Året " + std::to_string(line.year) + " ligger uden for planens periode " +
                                                std::to_string(ctx.plan.first_year()) + "-" + std::to_string(ctx.plan.last_year()) + "."});
      continue;
    }
    const PlanItem* item = it->second.front();
    auto [pos, fresh] = index.emplace(item->id(), out.items.size());
    if (fresh) {
      RealisedItem r;
      r.item_id = item->id();
      r.item = *item;
      out.items.push_back(std::move(r));
    }
    RealisedItem& r = out.items[pos->second];
    r.realised[line.year] += line.amount;
    r.rows.push_back(line.row);
    std::string key = text::Trim(line.key);
    if (std::find(r.keys.begin(), r.keys.end(), key) == r.keys.end()) r.keys.push_back(key);
  }
  out.as_of = request.as_of ? *request.as_of : latest ? *latest : register_.Today();
  for (auto& r : out.items) {
    bool same = true;
    for (const auto& [year, amount] : r.realised) {
      auto it = r.item.data().realised.find(year);
      if (it == r.item.data().realised.end() || it->second != amount) same = false;
    }
    r.action = same ? ImportAction::kUnchanged : ImportAction::kUpdate;
    ++(same ? out.unchanged : out.updated);
  }
  SortProblems(out.problems);
  out.fingerprint = Fingerprint(Shown(out));
  if (!apply) return out;
  if (!out.problems.empty()) return NotApplied(out.problems.size());
  if (!request.expected_fingerprint.empty() && request.expected_fingerprint != out.fingerprint) return StaleDryRun();
  ImportBatch batch;
  batch.plan = request.plan;
  std::string text = "Realiseret pr. " + out.as_of.Short() + ", importeret fra økonomisystemet («" +
                     text::Truncate(text::CleanSingleLine(request.filename), 120) + "»).";
  for (const auto& r : out.items) {
    if (r.action == ImportAction::kUnchanged) continue;
    StatusUpdate u;
    u.item_id = r.item_id;
    u.as_of = out.as_of;
    u.author = v.AuthorName();
    u.status_text = text;
    u.state = r.item.data().state;
    u.traffic_light = r.item.data().traffic_light;
    u.realised = r.realised;
    // The figures change; the item's own status text stays the responsible person's words.
    ItemData data = ApplyStatus(r.item.data(), u);
    data.status_text = r.item.data().status_text;
    batch.statuses.push_back({r.item_id, u, data, r.item.revision()});
  }
  if (!batch.statuses.empty()) {
    WriteMeta meta = register_.Meta(v.AuthorName(), "import");
    meta.comment = "Realiserede beløb importeret fra «" + text::Truncate(text::CleanSingleLine(request.filename), 120) + "»";
    TRY(register_.ApplyImport(batch, meta));
  }
  out.applied = true;
  return out;
}

// ---- Whole files ----

Result<SheetImport> PlanImportService::ImportSheet(const Viewer& v, PlanId plan, std::string_view bytes,
                                                   const std::string& filename, const std::vector<std::string>& mappings,
                                                   bool apply, const std::string& expected) {
  SheetImport out;
  out.ctx = TRY(plans_.PlanForEditing(v, plan)).ctx;
  std::vector<std::string> all;
  std::string key = reader_.PlanSheetLayoutKey(bytes, filename);
  bool remembered = false;
  if (!key.empty())
    if (auto mapping = TRY(register_.ImportMapping(key))) {
      all.push_back(*mapping);
      remembered = true;
    }
  all.insert(all.end(), mappings.begin(), mappings.end());
  PlanSheetRequest request;
  out.read = TRY(reader_.ReadPlanSheet(bytes, filename, out.ctx, all, &request));
  if (remembered)
    out.read.notes.push_back("Kolonnerne er kortlagt, som de sidst blev bekræftet for et ark med de samme overskrifter.");
  request.plan = plan;
  request.filename = filename;
  request.expected_fingerprint = expected;
  out.result = TRY(Sheet(v, request, apply));
  if (apply && out.result.applied)
    RETURN_IF_ERROR(register_.SaveImportMapping(out.read.layout_key, out.read.mapping_json,
                                                register_.Meta(v.AuthorName(), "import")));
  return out;
}

Result<RealisedImport> PlanImportService::ImportRealised(const Viewer& v, PlanId plan, std::string_view bytes,
                                                         const std::string& filename, std::optional<Date> as_of,
                                                         bool apply, const std::string& expected) {
  TRY(plans_.PlanForEditing(v, plan));
  RealisedImport out;
  RealisedRequest request;
  out.read = TRY(reader_.ReadRealised(bytes, filename, &request));
  request.plan = plan;
  request.filename = filename;
  if (as_of) request.as_of = as_of;
  request.expected_fingerprint = expected;
  out.result = TRY(Realised(v, request, apply));
  return out;
}

// ---- Remembered mappings and uploads ----

Result<std::optional<std::string>> PlanImportService::RememberedMapping(const Viewer& v, PlanId plan,
                                                                         const std::string& layout_key) {
  TRY(plans_.PlanForEditing(v, plan));
  return register_.ImportMapping(layout_key);
}

Status PlanImportService::SaveMapping(const Viewer& v, PlanId plan, const std::string& layout_key,
                                      const std::string& mapping) {
  TRY(plans_.PlanForEditing(v, plan));
  return register_.SaveImportMapping(layout_key, mapping, register_.Meta(v.AuthorName(), "import"));
}

Result<int64_t> PlanImportService::KeepUpload(const Viewer& v, PlanId plan, const std::string& kind,
                                              const std::string& filename, std::string bytes) {
  TRY(plans_.PlanForEditing(v, plan));
  ImportUpload u;
  u.plan = plan;
  u.kind = kind;
  // The name as shown on pages and in history: valid UTF-8, without a client's folder
  // ("C:\\Users\\x\\plan.csv" from old browsers is "plan.csv").
  std::string name = text::ValidUtf8(filename);
  if (size_t slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
  u.filename = text::Truncate(text::CleanSingleLine(name), 200);
  u.bytes = std::move(bytes);
  return register_.SaveImportUpload(u, register_.Meta(Uploader(v), "import"));
}

Result<ImportUpload> PlanImportService::Upload(const Viewer& v, PlanId plan, int64_t id) {
  TRY(plans_.PlanForEditing(v, plan));
  auto u = TRY(register_.GetImportUpload(id));
  // Only the one who uploaded it continues it, and only on its own plan.
  if (u.plan != plan || u.uploaded_by != Uploader(v))
    return NotFound("Den uploadede fil findes ikke længere; upload den igen.");
  return u;
}

}  // namespace bs
