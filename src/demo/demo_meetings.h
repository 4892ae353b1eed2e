// Demo meetings (issue 6): the meetings and cases of the seeds (24/7615 at BUU, DIR and
// ØK in 2025; 22/291 at ØK, KB and HU in 2022-23; the DIR meeting of 4 June 2025 with
// its time schedule, closed items and closed attachment, seed 004), the coming weeks'
// meetings around today so the overview and portfolios have content, a demo meeting
// with one closed item and a closed attachment, and the year wheel's topics.
#pragma once

#include "app/meeting_service.h"

namespace bs::demo {

struct MeetingDemoReport {
  int meetings = 0;
  int cases = 0;
};

// Loads once: does nothing (zero counts) when case 24/7615 exists already.
Result<MeetingDemoReport> LoadDemoMeetings(MeetingService& meetings, PlanService& plans, PeopleService& people);

// A small valid one-page PDF showing `title` (Latin-1 letters), for demo attachments.
std::string TinyPdf(const std::string& title);

}  // namespace bs::demo
