// THE access rule (issue 5; STYLE.md "Security habits"). Every read path (page, API,
// search, export, feed, history, error message) and every write asks Decide() here;
// views never decide. The rule is pure: who is asking (Viewer), what they want to do
// (Action) and a description of the object (Resource) give one Decision.
//
// 403 or 404 (docs/access.md): when the object's existence is public (a plan with a
// published version and its items, an admin page, a closed case whose number and title
// the law lists), a person without the right gets 403 Forbidden. When its existence is
// itself not public (a plan never published, its items, history of such), they get 404,
// exactly as for an id that does not exist, so guessing ids tells nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/people/people.h"
#include "domain/plan/history.h"
#include "domain/plan/plan_item.h"

namespace bs {

// The person asking. Anonymous (no user) is the public.
struct Viewer {
  std::optional<User> user;
  std::vector<Membership> memberships;  // those active today
  bool session_expired = false;         // a session cookie came but its session has ended

  bool anonymous() const { return !user; }
  bool Has(Role role) const { return user && user->active && user->Has(role); }
  // Sits in (member, chair, vice-chair) or serves (secretary) the body today.
  bool SitsIn(const std::string& body) const;
  bool Serves(const std::string& body) const;
  // Staff of the administration: any role but politician alone.
  bool IsStaff() const;
  // The name written into history for this person's writes.
  std::string AuthorName() const;
  // Everything the rule looks at, as a short string: pages rendered for one viewer
  // may be served from the cache to another with the same access class only.
  std::string AccessClass() const;

  static Viewer Anonymous() { return Viewer{}; }
  // Who the command line reads as (`budgetspor report`): the operator holding the
  // database file reads what finance staff read, named "kommandolinje" in nothing it
  // writes (reports write nothing).
  static Viewer CommandLine();
};

enum class Action {
  kRead,
  kEdit,          // create, change, delete, restore plan items; change a plan
  kReportStatus,  // add a status update
  kHandleObs,     // raise or resolve an OBS point
  kPublish,       // publish a version of the plan
  kSetup,         // plans, bodies, themes, strategic lines
  kAdminister,    // users, roles, memberships, the audit log
  kHighlight,     // mark an item "fremhæves for ØK" in a reporting round (directors)
};

struct Resource {
  enum class Kind {
    kPlan,         // the plan's live working copy (and its committee extracts)
    kVersion,      // a published version of a plan
    kItem,         // a plan item, live
    kStatusEntry,  // a status update on an item
    kHistory,      // an item's revisions, the plan's event log, restore
    kRedlineToNow, // a redline from a version to the live plan
    kAdministration,  // users, roles, memberships, audit log
    kCase,         // meeting material (issue 6): a case, an agenda item, an attachment
    kAgendaItem,
    kAttachment,
    kRound,        // a reporting round of a plan: its progress, open/close (kPublish), highlights
    kReport,       // a generated report or export of a plan (issue 11); kVersion when from a version
  };
  Kind kind = Kind::kPlan;
  bool plan_published = false;  // the plan has at least one published version
  std::string committee;        // item: owning committee
  std::string responsible;      // item: responsible officer (name)
  std::string body;             // case / agenda item / attachment: the body it belongs to
  bool closed = false;          // case / agenda item / attachment: Lukket
  bool published = true;        // agenda item / attachment: its meeting's agenda is published

  static Resource Of(Kind kind, bool published = false) {
    Resource r;
    r.kind = kind;
    r.plan_published = published;
    return r;
  }
  static Resource Plan(bool published) { return Of(Kind::kPlan, published); }
  static Resource Item(bool published, const PlanItem& item) {
    Resource r = Of(Kind::kItem, published);
    r.committee = item.data().committee;
    r.responsible = item.data().responsible;
    return r;
  }
  // Meeting material (issue 6): a case, agenda item or attachment of `body`. Until the
  // agenda is published only those who prepare it (administrators, the body's
  // secretaries) know of its items: for everyone else they do not exist (404).
  static Resource Meeting(Kind kind, const std::string& body, bool closed, bool published = true) {
    Resource r = Of(kind);
    r.body = body;
    r.closed = closed;
    r.published = published;
    return r;
  }
};

enum class Decision {
  kAllow,
  kForbidden,  // 403: the person may know it exists but not see or do this
  kHidden,     // 404: its existence is not public
};

Decision Decide(const Viewer& viewer, Action action, const Resource& resource);

// Whether the item is the viewer's own to report on: they are its responsible officer
// (by name), or a head of department for its committee. "Mine punkter i runden".
bool ResponsibleFor(const Viewer& viewer, const PlanItem& item);

// The Decision as an error (PermissionDenied or NotFound) with a Danish message naming
// `what` ("planen", "punktet"); OkStatus for kAllow.
Status Check(const Viewer& viewer, Action action, const Resource& resource, const std::string& what);

// Fields that are internal to the administration: the directors' role and the OBS note
// (DOMAIN.md; internal by default). Staff see them; politicians and the public do not.
enum class ItemField { kDirectorsRole, kObsNote, kInternalHighlightReason };
bool MaySeeField(const Viewer& viewer, ItemField field);
// The item as this viewer may see it: internal fields emptied when not entitled.
PlanItem Redact(const Viewer& viewer, const PlanItem& item);
void RedactAll(const Viewer& viewer, std::vector<PlanItem>& items);
// True when Redact leaves every item as it is for this viewer (staff see every field):
// their lists may share the store's items instead of copying them.
bool SeesEveryItemField(const Viewer& viewer);
// Status updates likewise: their OBS note is internal.
void RedactAll(const Viewer& viewer, std::vector<StatusUpdate>& updates);

// What the viewer's pages should offer (buttons and links), decided here so views do not.
struct Capabilities {
  bool edit = false;      // create/edit/delete items, restore
  bool publish = false;
  bool setup = false;
  bool history = false;   // item history and plan event log
  bool live = false;      // the live plan and items
  bool administer = false;
  bool internal_fields = false;
};
Capabilities CapabilitiesOf(const Viewer& viewer, bool plan_published);

}  // namespace bs
