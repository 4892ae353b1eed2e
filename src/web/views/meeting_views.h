// Pages for meetings, cases, agendas and minutes (issue 6). The models come from
// MeetingService already redacted for the viewer; these functions only render.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/meeting_read_models.h"
#include "domain/plan/history.h"
#include "web/html.h"

namespace bs::web::views {

struct MeetingsPageModel {
  std::vector<MeetingSummary> meetings;  // the coming and recent ones (no year chosen)
  MeetingArchive archive;                // years; with a year chosen, its meetings
  Date today;
  std::vector<Body> bodies;
  std::string body;            // filter (code) or ""
  std::string title;           // "Møder" or "Økonomiudvalgets møder"
  std::vector<Body> preparable;  // bodies the viewer may create meetings for
  MeetingDraft draft;
  std::vector<FieldError> errors;
  std::string notice;
};
std::string MeetingsPage(const MeetingsPageModel& m);

// A plan whose published versions a report attachment can be made from (issue 11).
struct ReportSource {
  PlanId plan = 0;
  std::string plan_name;
  std::vector<Version> versions;  // newest first
  std::vector<Body> committees;
};

struct MeetingPageModel {
  MeetingView view;
  std::vector<ReportSource> report_sources;  // preparers: "Vedhæft en rapport som bilag"
  std::string notice;
  std::vector<FieldError> errors;
  std::string error_heading = "Ikke gemt:";
  std::string add_case;       // the case number typed into "Sæt sag på"
  std::vector<Case> cases;    // for the add form (preparers)
  bool public_edition = false;  // ?udgave=offentlig: as the public sees it
};
std::string MeetingPage(const MeetingPageModel& m);
// The form that makes a report of a published version an attachment of the agenda item.
void ReportAttachmentForm(Html& h, const MeetingPageModel& model, const AgendaEntry& entry);

struct AgendaItemFormModel {
  MeetingView view;  // the meeting, for the heading
  AgendaEntry entry;
  AgendaItemDraft draft;
  std::string plan_items;  // "12, 14" (the older text field, still read)
  std::string reason;
  std::vector<FieldError> errors;
  // Picking plan items (issue 14): those linked (checked boxes), the search typed and what
  // it found (unchecked boxes); labels "R307(B) Fraværsindsatsen".
  std::vector<std::pair<ItemId, std::string>> chosen, found;
  std::string search;
  bool searched = false;
};
std::string AgendaItemForm(const AgendaItemFormModel& m);

std::string ConfirmRemovePage(const MeetingView& view, const AgendaEntry& entry);
// «Offentliggør dagsordenen?» (issue 14): what the members and the public will get, with a
// warning for each item without text, before the one POST that publishes.
std::string ConfirmPublishPage(const MeetingView& view);
std::string ConfirmRemoveAttachmentPage(const MeetingView& view, const AgendaEntry& entry, const Attachment& attachment);

struct CasesPageModel {
  std::vector<Case> cases;
  std::map<std::string, std::string> kle_titles;  // journal number -> KLE titles (MeetingService::KleTitles)
  CaseDraft draft;
  std::vector<FieldError> errors;
  std::string notice;
};
std::string CasesPage(const CasesPageModel& m);
// A case's own page (issue 14).
std::string CasePage(const CaseView& c);

std::string OverviewPage(const Overview& o);
std::string PortfolioPage(const Portfolio& p);

struct WorkplanPageModel {
  Workplan plan;
  bool may_prepare = false;
  TopicDraft draft;
  std::vector<FieldError> errors;
  std::string notice;
};
std::string WorkplanPage(const WorkplanPageModel& m);
// The year wheel: twelve month sectors, the body's meetings as dots, planned topics as
// labels; accessible (role=img with a title and a text list beside it).
SafeHtml YearWheelSvg(const Workplan& w);

}  // namespace bs::web::views
