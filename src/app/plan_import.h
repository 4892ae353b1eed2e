// Importing into a plan (issue 13): the rows of a plan sheet become created or updated
// items, and realised amounts from the finance system become status updates, each first
// as a dry run that says for every row what would happen and every problem with its row
// and column, then applied all or nothing in one transaction, recorded in history as an
// import by the person with the file's name. The importers (src/importers) turn a file
// into these requests; this is where they meet the plan's rules and the access rule.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/plan_register.h"
#include "app/plan_service.h"
#include "app/ports/import_reader.h"

namespace bs {

// A problem found while reading or checking an import, located as the sheet shows it.
struct ImportProblem {
  int row = 0;         // 1-based as shown (XLSX row, CSV line); 0: the file as a whole
  std::string column;  // "C", or "" for the whole row
  std::string message;
  bool operator==(const ImportProblem&) const = default;
};

// One data row of a plan sheet: the ItemDraft fields it supplies, as text, and the
// column each came from. Fields it does not supply keep the matched item's values.
struct SheetRow {
  int row = 0;
  // ItemDraft field names: code, title, category, committee, theme, responsible, director,
  // process, timing, political_treatment, status_text, state, traffic_light, cross_cutting,
  // obs, obs_note, case_numbers, external_keys, and amount_YYYY; plus "completed" (a
  // non-empty X column: state afsluttet). Values already normalised by the importer
  // (slugs for category, state and light; "1"/"" for flags; amounts as Amount::FormatTkr).
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> columns;  // field -> column letter
  bool unreadable = false;  // a cell could not be read (its problem is in the request): listed in no action
};

struct PlanSheetRequest {
  PlanId plan = 0;
  std::string filename;
  std::vector<SheetRow> rows;
  std::vector<ImportProblem> problems;  // found while reading the sheet
  // A committee as written in the sheet (case-folded) -> an existing body's code, or
  // "new:CODE" to create it under the name written.
  std::map<std::string, std::string> committee_map;
  // Applying: the fingerprint of the dry run the person confirmed ("" = no check, the
  // command line). When what would be written now differs (the plan or the mapping
  // changed since), Conflict and nothing is written.
  std::string expected_fingerprint;
};

enum class ImportAction { kCreate, kUpdate, kUnchanged };
std::string_view Slug(ImportAction a);   // create, update, unchanged
std::string_view Label(ImportAction a);  // Oprettes, Opdateres, Uændret

struct ImportedRow {
  int row = 0;
  ImportAction action = ImportAction::kCreate;
  ItemId item_id = 0;              // the matched item (update, unchanged)
  ItemData data;                   // the item as it will be
  std::vector<FieldChange> changes;  // update: what changes
};

// A committee the sheet names that the municipality does not have.
struct UnknownCommittee {
  std::string written;    // as in the sheet
  std::string folded;     // the committee_map key
  std::vector<int> rows;
};

struct PlanImportResult {
  std::vector<ImportedRow> rows;
  std::vector<ImportProblem> problems;  // sorted by row, then column
  std::vector<UnknownCommittee> unknown_committees;
  std::vector<Body> new_bodies;  // created by committee_map "new:" entries
  size_t created = 0, updated = 0, unchanged = 0;
  bool applied = false;
  std::string fingerprint;  // of what the dry run says will happen (rows, actions, changes)
};

// Realised amounts from the finance system: one line per key, year and amount.
struct RealisedLine {
  int row = 0;
  std::string key;
  int year = 0;
  Amount amount;
  std::optional<Date> date;
};
struct RealisedRequest {
  PlanId plan = 0;
  std::string filename;
  std::vector<RealisedLine> lines;
  std::vector<ImportProblem> problems;
  std::optional<Date> as_of;  // default: the latest date of the lines, else today
  std::string expected_fingerprint;  // as PlanSheetRequest's
};
struct RealisedItem {
  ItemId item_id = 0;
  ImportAction action = ImportAction::kUpdate;  // kUnchanged when the figures stand already
  std::vector<std::string> keys;    // the item's keys that lines matched
  std::map<int, Amount> realised;   // per budget year: the sum of its lines
  std::vector<int> rows;            // the lines it came from
  PlanItem item;                    // as it is now
};
struct RealisedResult {
  Date as_of;
  std::vector<RealisedItem> items;
  std::vector<RealisedLine> unmatched;  // lines whose key no item carries: listed, never dropped
  std::vector<ImportProblem> problems;
  size_t updated = 0, unchanged = 0;
  bool applied = false;
  std::string fingerprint;
};

// A plan sheet read and checked (or applied): what the mapping step and the dry run show.
struct SheetImport {
  SheetRead read;
  PlanImportResult result;
  PlanContext ctx;
};
struct RealisedImport {
  SheetRead read;
  RealisedResult result;
};

class PlanImportService {
 public:
  PlanImportService(PlanService& plans, PlanRegister& reg, const ImportReader& reader)
      : plans_(plans), register_(reg), reader_(reader) {}

  // A file, start to end: read with the mapping remembered for its header row (if any)
  // and then `mappings` (the user's changes, JSON of docs/import.md), checked, and with
  // `apply` written all or nothing; once applied, its mapping is remembered for the
  // layout. Errors: the file's (InvalidArgument, TooLarge), access (403/404), and as
  // ApplySheet when applying.
  // `expected`: the fingerprint of the dry run the person confirmed (the page sends it).
  Result<SheetImport> ImportSheet(const Viewer& v, PlanId plan, std::string_view bytes, const std::string& filename,
                                  const std::vector<std::string>& mappings, bool apply, const std::string& expected = "");
  Result<RealisedImport> ImportRealised(const Viewer& v, PlanId plan, std::string_view bytes, const std::string& filename,
                                        std::optional<Date> as_of, bool apply, const std::string& expected = "");
  std::vector<ImportFieldChoice> FieldChoices(const PlanContext& ctx) const {
    return reader_.FieldChoices(ctx.plan.first_year(), ctx.plan.last_year());
  }

  // Both need the right to edit the plan's items (økonomi, administrators).
  Result<PlanImportResult> DryRunSheet(const Viewer& v, const PlanSheetRequest& request);
  // InvalidArgument when the dry run has problems (nothing is written); Conflict when an
  // item changed since (nothing is written). Remembers nothing itself: see SaveMapping.
  Result<PlanImportResult> ApplySheet(const Viewer& v, const PlanSheetRequest& request);

  Result<RealisedResult> DryRunRealised(const Viewer& v, const RealisedRequest& request);
  Result<RealisedResult> ApplyRealised(const Viewer& v, const RealisedRequest& request);

  // The plan's context for the importers (bodies, themes, years), for editors only.
  Result<PlanContext> ContextForImport(const Viewer& v, PlanId plan);
  // Mappings remembered per sheet layout (the importer makes the key and the text).
  Result<std::optional<std::string>> RememberedMapping(const Viewer& v, PlanId plan, const std::string& layout_key);
  Status SaveMapping(const Viewer& v, PlanId plan, const std::string& layout_key, const std::string& mapping);
  // Uploaded files waiting between the mapping step and apply; only their uploader's
  // plan editors may continue (NotFound otherwise, also for another plan's upload).
  Result<int64_t> KeepUpload(const Viewer& v, PlanId plan, const std::string& kind, const std::string& filename,
                             std::string bytes);
  Result<ImportUpload> Upload(const Viewer& v, PlanId plan, int64_t id);

 private:
  Result<PlanImportResult> Sheet(const Viewer& v, const PlanSheetRequest& request, bool apply);
  Result<RealisedResult> Realised(const Viewer& v, const RealisedRequest& request, bool apply);
  PlanService& plans_;
  PlanRegister& register_;
  const ImportReader& reader_;
};

// The body a sheet's committee text names: its code or its full name, case-folded
// ("Børne- og Ungdomsudvalget" and "buu" are BUU), also "Name (CODE)" as our exports
// write it; then the user's committee_map. Empty when unknown.
std::string ResolveCommittee(const PlanContext& ctx, const std::map<std::string, std::string>& committee_map,
                             const std::string& written);

}  // namespace bs
