// Demo meetings (issue 6): the meetings and cases of the seeds (24/7615 at BUU, at DIR
// with seed 001's monthly status and seed 004's meeting of 4 June 2025, and at ØK;
// 22/291 at ØK, KB and HU in 2022-23; seed 004's time schedule, closed items, closed
// attachment and its list of June 2025 meetings), the coming weeks' meetings around
// today so the overview and portfolios have content, a demo meeting with one closed item
// and a closed attachment, and the year wheel's topics.
#pragma once

#include "app/meeting_service.h"
#include "app/report_attachments.h"

namespace bs::demo {

struct MeetingDemoReport {
  int meetings = 0;
  int cases = 0;
};

// Loads once: does nothing (zero counts) when case 24/7615 exists already. The reports
// attached at DIR 04-06-2025 and ØK 10-06-2025 are generated from the demo plan's
// version "Halvårsstatus juni 2025" through `reports`.
Result<MeetingDemoReport> LoadDemoMeetings(MeetingService& meetings, PlanRegister& plans, PeopleService& people,
                                           ReportAttachments& reports);

// A small valid one-page PDF showing `title` (Latin-1 letters), for demo attachments.
std::string TinyPdf(const std::string& title);

}  // namespace bs::demo
