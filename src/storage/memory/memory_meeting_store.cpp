#include "storage/memory/memory_meeting_store.h"

#include <algorithm>
#include <functional>
#include <set>

namespace bs {
namespace {
Error MeetingNotFound(int64_t id) { return NotFound("Møde " + std::to_string(id) + " findes ikke."); }
Error CaseNotFound() { return NotFound("Sagen findes ikke."); }
Error ItemNotFound(int64_t id) { return NotFound("Dagsordenspunkt " + std::to_string(id) + " findes ikke."); }
Error AttachmentNotFound(int64_t id) { return NotFound("Bilag " + std::to_string(id) + " findes ikke."); }
}  // namespace

Result<Meeting> MemoryMeetingStore::CreateMeeting(const Meeting& meeting) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  Meeting m = meeting;
  m.id = next_id_++;
  meetings_[m.id] = m;
  return m;
}

Status MemoryMeetingStore::UpdateMeeting(const Meeting& meeting) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  auto it = meetings_.find(meeting.id);
  if (it == meetings_.end()) return MeetingNotFound(meeting.id);
  it->second = meeting;
  return OkStatus();
}

Result<Meeting> MemoryMeetingStore::GetMeeting(int64_t id) {
  std::lock_guard lock(mu_);
  auto it = meetings_.find(id);
  if (it == meetings_.end()) return MeetingNotFound(id);
  return it->second;
}

Result<std::vector<Meeting>> MemoryMeetingStore::ListMeetings(const std::string& body, Date from, Date to) {
  std::lock_guard lock(mu_);
  std::vector<Meeting> out;
  for (const auto& [id, m] : meetings_)
    if ((body.empty() || m.body == body) && m.date >= from && m.date <= to) out.push_back(m);
  std::stable_sort(out.begin(), out.end(), [](const Meeting& a, const Meeting& b) {
    return a.date != b.date ? a.date < b.date : a.start_minute < b.start_minute;
  });
  return out;
}

Result<Case> MemoryMeetingStore::CreateCase(const Case& c) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  for (const auto& [id, existing] : cases_)
    if (existing.number.text == c.number.text) return AlreadyExists("Sagsnummeret " + c.number.text + " findes allerede.");
  Case out = c;
  out.id = next_id_++;
  cases_[out.id] = out;
  return out;
}

Result<Case> MemoryMeetingStore::GetCase(int64_t id) {
  std::lock_guard lock(mu_);
  auto it = cases_.find(id);
  if (it == cases_.end()) return CaseNotFound();
  return it->second;
}

Result<Case> MemoryMeetingStore::FindCase(const std::string& number) {
  std::lock_guard lock(mu_);
  for (const auto& [id, c] : cases_)
    if (c.number.text == number) return c;
  return CaseNotFound();
}

Result<std::vector<Case>> MemoryMeetingStore::ListCases() {
  std::lock_guard lock(mu_);
  std::vector<Case> out;
  for (const auto& [id, c] : cases_) out.push_back(c);
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) {
    return a.number.year != b.number.year ? a.number.year > b.number.year : a.number.serial > b.number.serial;
  });
  return out;
}

std::vector<AgendaItem> MemoryMeetingStore::Where(const std::function<bool(const AgendaItem&)>& keep) const {
  std::vector<AgendaItem> out;
  for (const auto& [id, item] : items_)
    if (keep(item)) out.push_back(item);
  std::sort(out.begin(), out.end(), [](const AgendaItem& a, const AgendaItem& b) {
    return a.meeting_id != b.meeting_id ? a.meeting_id < b.meeting_id : a.position < b.position;
  });
  return out;
}

void MemoryMeetingStore::Renumber(int64_t meeting) {
  int n = 0;
  for (const auto& item : Where([&](const AgendaItem& i) { return i.meeting_id == meeting; })) items_[item.id].position = ++n;
}

Result<AgendaItem> MemoryMeetingStore::AddAgendaItem(const AgendaItem& item) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  if (!meetings_.count(item.meeting_id)) return MeetingNotFound(item.meeting_id);
  if (!cases_.count(item.case_id)) return CaseNotFound();
  AgendaItem out = item;
  out.id = next_id_++;
  out.position = static_cast<int>(Where([&](const AgendaItem& i) { return i.meeting_id == item.meeting_id; }).size()) + 1;
  items_[out.id] = out;
  return out;
}

Status MemoryMeetingStore::UpdateAgendaItem(const AgendaItem& item, const std::optional<AgendaRevision>& revision) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  auto it = items_.find(item.id);
  if (it == items_.end()) return ItemNotFound(item.id);
  AgendaItem updated = item;
  updated.meeting_id = it->second.meeting_id;
  updated.position = it->second.position;
  updated.case_id = it->second.case_id;
  if (revision) {
    auto& list = revisions_[item.id];
    AgendaRevision r = *revision;
    r.agenda_item_id = item.id;
    r.number = static_cast<int>(list.size()) + 1;
    list.push_back(r);
    updated.revision = r.number;
  } else {
    updated.revision = it->second.revision;
  }
  it->second = updated;
  return OkStatus();
}

Status MemoryMeetingStore::RemoveAgendaItem(int64_t id) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  auto it = items_.find(id);
  if (it == items_.end()) return ItemNotFound(id);
  int64_t meeting = it->second.meeting_id;
  items_.erase(it);
  revisions_.erase(id);
  std::erase_if(attachments_, [&](const auto& kv) { return kv.second.first.agenda_item_id == id; });
  Renumber(meeting);
  return OkStatus();
}

Status MemoryMeetingStore::SetAgendaOrder(int64_t meeting, const std::vector<int64_t>& order) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  auto current = Where([&](const AgendaItem& i) { return i.meeting_id == meeting; });
  std::vector<int64_t> a, b = order;
  for (const auto& i : current) a.push_back(i.id);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (a != b) return Conflict("Dagsordenen er ændret i mellemtiden. Indlæs siden igen.");
  for (size_t i = 0; i < order.size(); ++i) items_[order[i]].position = static_cast<int>(i) + 1;
  return OkStatus();
}

Result<AgendaItem> MemoryMeetingStore::GetAgendaItem(int64_t id) {
  std::lock_guard lock(mu_);
  auto it = items_.find(id);
  if (it == items_.end()) return ItemNotFound(id);
  return it->second;
}

Result<std::vector<AgendaItem>> MemoryMeetingStore::AgendaOf(int64_t meeting) {
  std::lock_guard lock(mu_);
  return Where([&](const AgendaItem& i) { return i.meeting_id == meeting; });
}

Result<std::vector<AgendaItem>> MemoryMeetingStore::AgendaItemsOfCase(int64_t case_id) {
  std::lock_guard lock(mu_);
  return Where([&](const AgendaItem& i) { return i.case_id == case_id; });
}

Result<std::vector<PlacedItem>> MemoryMeetingStore::AgendaItemsForPlanItem(ItemId item) {
  std::lock_guard lock(mu_);
  std::vector<PlacedItem> out;
  for (auto& i : Where([&](const AgendaItem& i) {
         return std::find(i.plan_items.begin(), i.plan_items.end(), item) != i.plan_items.end();
       })) {
    i.plan_items.clear();
    out.push_back({i, meetings_.at(i.meeting_id)});
  }
  return out;
}

Result<std::vector<AgendaRevision>> MemoryMeetingStore::RevisionsOf(int64_t agenda_item) {
  std::lock_guard lock(mu_);
  auto it = revisions_.find(agenda_item);
  if (it == revisions_.end()) return std::vector<AgendaRevision>{};
  return it->second;
}

Result<std::vector<Case>> MemoryMeetingStore::CasesOnAgenda(int64_t meeting) {
  std::lock_guard lock(mu_);
  std::set<int64_t> ids;
  for (const auto& item : Where([&](const AgendaItem& i) { return i.meeting_id == meeting; })) ids.insert(item.case_id);
  std::vector<Case> out;
  for (int64_t id : ids) out.push_back(cases_.at(id));
  return out;
}

Result<std::vector<Attachment>> MemoryMeetingStore::AttachmentsOfMeeting(int64_t meeting) {
  std::lock_guard lock(mu_);
  std::vector<Attachment> out;
  for (const auto& item : Where([&](const AgendaItem& i) { return i.meeting_id == meeting; })) {
    std::vector<Attachment> of_item;
    for (const auto& [id, entry] : attachments_)
      if (entry.first.agenda_item_id == item.id) of_item.push_back(entry.first);
    std::sort(of_item.begin(), of_item.end(), [](const Attachment& a, const Attachment& b) { return a.number < b.number; });
    out.insert(out.end(), of_item.begin(), of_item.end());
  }
  return out;
}

Result<std::vector<AgendaRevision>> MemoryMeetingStore::RevisionsOfMeeting(int64_t meeting) {
  std::lock_guard lock(mu_);
  std::vector<AgendaRevision> out;
  for (const auto& item : Where([&](const AgendaItem& i) { return i.meeting_id == meeting; })) {
    auto it = revisions_.find(item.id);
    if (it != revisions_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  return out;
}

Result<std::vector<AgendaItem>> MemoryMeetingStore::DecidedElsewhere(int64_t meeting) {
  std::lock_guard lock(mu_);
  std::set<int64_t> cases;
  for (const auto& item : Where([&](const AgendaItem& i) { return i.meeting_id == meeting; })) cases.insert(item.case_id);
  return Where([&](const AgendaItem& i) { return i.meeting_id != meeting && cases.count(i.case_id) && !i.decision.empty(); });
}

Result<Attachment> MemoryMeetingStore::AddAttachment(const Attachment& meta, const std::string& bytes) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  if (!items_.count(meta.agenda_item_id)) return ItemNotFound(meta.agenda_item_id);
  Attachment a = meta;
  a.id = next_id_++;
  a.size = static_cast<int64_t>(bytes.size());
  int count = 0;
  for (const auto& [id, entry] : attachments_)
    if (entry.first.agenda_item_id == meta.agenda_item_id) count = std::max(count, entry.first.number);
  a.number = count + 1;
  attachments_[a.id] = {a, bytes};
  return a;
}

Result<Attachment> MemoryMeetingStore::GetAttachment(int64_t id) {
  std::lock_guard lock(mu_);
  auto it = attachments_.find(id);
  if (it == attachments_.end()) return AttachmentNotFound(id);
  return it->second.first;
}

Result<std::string> MemoryMeetingStore::AttachmentBytes(int64_t id) {
  std::lock_guard lock(mu_);
  auto it = attachments_.find(id);
  if (it == attachments_.end()) return AttachmentNotFound(id);
  return it->second.second;
}

Result<std::vector<Attachment>> MemoryMeetingStore::AttachmentsOf(int64_t agenda_item) {
  std::lock_guard lock(mu_);
  std::vector<Attachment> out;
  for (const auto& [id, entry] : attachments_)
    if (entry.first.agenda_item_id == agenda_item) out.push_back(entry.first);
  std::sort(out.begin(), out.end(), [](const Attachment& a, const Attachment& b) { return a.number < b.number; });
  return out;
}

Status MemoryMeetingStore::RemoveAttachment(int64_t id) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  if (!attachments_.erase(id)) return AttachmentNotFound(id);
  return OkStatus();
}

Result<int64_t> MemoryMeetingStore::Revision() {
  std::lock_guard lock(mu_);
  return revision_;
}

Result<RecurringTopic> MemoryMeetingStore::AddTopic(const RecurringTopic& topic) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  if (!cases_.count(topic.case_id)) return CaseNotFound();
  RecurringTopic t = topic;
  t.id = next_id_++;
  topics_[t.id] = t;
  return t;
}

Result<std::vector<RecurringTopic>> MemoryMeetingStore::Topics(const std::string& body) {
  std::lock_guard lock(mu_);
  std::vector<RecurringTopic> out;
  for (const auto& [id, t] : topics_)
    if (body.empty() || t.body == body) out.push_back(t);
  return out;
}

Status MemoryMeetingStore::RemoveTopic(int64_t id) {
  std::lock_guard lock(mu_);
  ++revision_;  // a refused write bumps it too: harmless, caches just miss once
  if (!topics_.erase(id)) return NotFound("Emnet findes ikke.");
  return OkStatus();
}

// Checked whole first, then written: the memory store's "transaction".
Result<std::vector<AgendaItem>> MemoryMeetingStore::WriteAgendaImport(const AgendaImportWrite& w) {
  std::lock_guard lock(mu_);
  ++revision_;
  if (!meetings_.count(w.meeting)) return MeetingNotFound(w.meeting);
  std::set<std::string> numbers;
  for (const auto& [id, existing] : cases_) numbers.insert(existing.number.text);
  for (const auto& c : w.new_cases)
    if (!numbers.insert(c.number.text).second) return AlreadyExists("Sagsnummeret " + c.number.text + " findes allerede.");
  for (const auto& i : w.items) {
    if (i.new_case >= static_cast<int>(w.new_cases.size())) return CaseNotFound();
    if (i.new_case < 0 && !cases_.count(i.item.case_id)) return CaseNotFound();
  }
  std::vector<int64_t> case_ids;
  for (const auto& c : w.new_cases) {
    Case out = c;
    out.id = next_id_++;
    cases_[out.id] = out;
    case_ids.push_back(out.id);
  }
  int position = static_cast<int>(Where([&](const AgendaItem& i) { return i.meeting_id == w.meeting; }).size());
  std::vector<AgendaItem> written;
  for (const auto& i : w.items) {
    AgendaItem out = i.item;
    out.id = next_id_++;
    out.meeting_id = w.meeting;
    if (i.new_case >= 0) out.case_id = case_ids[static_cast<size_t>(i.new_case)];
    out.position = ++position;
    out.revision = 0;
    if (i.revision) {
      AgendaRevision r = *i.revision;
      r.agenda_item_id = out.id;
      r.number = 1;
      revisions_[out.id].push_back(r);
      out.revision = 1;
    }
    items_[out.id] = out;
    written.push_back(out);
  }
  return written;
}

Status MemoryMeetingStore::ReplaceKle(const std::vector<KleEntry>& entries, const KleMeta& meta) {
  std::lock_guard lock(mu_);
  ++revision_;
  std::map<std::string, KleEntry> next;
  for (const auto& e : entries)
    if (!next.emplace(e.number, e).second) return InvalidArgument("KLE-nummeret " + e.number + " står to gange i listen.");
  kle_ = std::move(next);
  kle_meta_ = meta;
  return OkStatus();
}

Result<std::vector<KleEntry>> MemoryMeetingStore::KleEntries() {
  std::lock_guard lock(mu_);
  std::vector<KleEntry> out;
  for (const auto& [number, e] : kle_) out.push_back(e);
  return out;
}

Result<std::optional<KleMeta>> MemoryMeetingStore::KleLoaded() {
  std::lock_guard lock(mu_);
  return kle_meta_;
}

}  // namespace bs
