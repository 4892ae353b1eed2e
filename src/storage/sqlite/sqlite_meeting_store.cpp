#include "storage/sqlite/sqlite_meeting_store.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace bs {
namespace {

using sqlite::QueryAll;
using sqlite::Stmt;
using sqlite::Unreadable;

constexpr const char* kMeetingColumns =
    "id, body, date, start_minute, end_minute, place, kind, cancelled, published_at, approved_at, breaks, absent, apologies, change_log";
constexpr const char* kCaseColumns = "id, number, year, serial, kle, title, officer, closed, route";
constexpr const char* kItemColumns =
    "id, meeting_id, case_id, position, title, closed, background, presentation, policies, economy, legal_basis, "
    "recommendation, recommended_by, slot_start, slot_end, participants, decision, protocol_note, revision, absences";
constexpr const char* kAttachmentColumns =
    "id, agenda_item_id, number, title, closed, document_number, filename, content_type, size";

std::string EncodeIds(const std::vector<int64_t>& ids) {
  std::string s;
  for (int64_t id : ids) s += (s.empty() ? "" : ",") + std::to_string(id);
  return s;
}

// Stored text that does not read back is an error, not an exception (issue 12).
Result<std::vector<int64_t>> DecodeIds(const std::string& s, std::string_view what) {
  std::vector<int64_t> out;
  for (const auto& part : text::SplitTrimmed(s, ','))
    if (!part.empty()) out.push_back(TRY(sqlite::StoredInt(part, what)));
  return out;
}

// The meeting's columns (kMeetingColumns) from column `o` on.
Result<Meeting> ReadMeetingAt(const Stmt& s, int o) {
  Meeting m;
  m.id = s.Int(o + 0);
  m.body = s.Text(o + 1);
  auto date = Date::Parse(s.Text(o + 2));
  if (!date.ok()) return Unreadable("meetings.date");
  m.date = *date;
  m.start_minute = static_cast<int>(s.Int(o + 3));
  m.end_minute = static_cast<int>(s.Int(o + 4));
  m.place = s.Text(o + 5);
  m.kind = MeetingKindFromSlug(s.Text(o + 6)).value_or(MeetingKind::kOrdinary);
  m.cancelled = s.Int(o + 7) != 0;
  m.published_at = s.Int(o + 8);
  m.approved_at = s.Int(o + 9);
  auto breaks = ParseBreaks(s.Text(o + 10));  // written by FormatBreaks, so it parses
  if (breaks.ok()) m.breaks = std::move(*breaks);
  m.absent = TRY(DecodeIds(s.Text(o + 11), "meetings.absent"));
  m.apologies = TRY(DecodeIds(s.Text(o + 12), "meetings.apologies"));
  m.change_log = s.Text(o + 13);
  return m;
}
Result<Meeting> ReadMeeting(const Stmt& s) { return ReadMeetingAt(s, 0); }

void BindMeeting(Stmt& s, const Meeting& m) {
  s.Bind(1, m.body).Bind(2, m.date.Iso()).Bind(3, m.start_minute).Bind(4, m.end_minute).Bind(5, m.place);
  s.Bind(6, Slug(m.kind)).Bind(7, m.cancelled).Bind(8, m.published_at).Bind(9, m.approved_at);
  s.Bind(10, FormatBreaks(m.breaks)).Bind(11, EncodeIds(m.absent)).Bind(12, EncodeIds(m.apologies)).Bind(13, m.change_log);
}

Case ReadCase(const Stmt& s) {
  Case c;
  c.id = s.Int(0);
  c.number.text = s.Text(1);
  c.number.year = static_cast<int>(s.Int(2));
  c.number.serial = s.Int(3);
  c.kle = s.Text(4);
  c.title = s.Text(5);
  c.officer = s.Text(6);
  c.closed = s.Int(7) != 0;
  c.route = text::SplitTrimmed(s.Text(8), ',');
  if (c.route.size() == 1 && c.route[0].empty()) c.route.clear();
  return c;
}

// "12,14:inhabil" (migration 10).
std::string EncodeAbsences(const std::vector<ItemAbsence>& absences) {
  std::string s;
  for (const auto& a : absences) s += (s.empty() ? "" : ",") + std::to_string(a.person) + (a.inhabil ? ":inhabil" : "");
  return s;
}

Result<std::vector<ItemAbsence>> DecodeAbsences(const std::string& s) {
  std::vector<ItemAbsence> out;
  for (const auto& part : text::SplitTrimmed(s, ',')) {
    ItemAbsence a;
    std::string id = part;
    if (auto colon = part.find(':'); colon != std::string::npos) {
      if (part.substr(colon) != ":inhabil") return Unreadable("agenda_items.absences");
      a.inhabil = true;
      id = part.substr(0, colon);
    }
    a.person = TRY(sqlite::StoredInt(id, "agenda_items.absences"));
    out.push_back(a);
  }
  return out;
}

Result<AgendaItem> ReadItem(const Stmt& s) {
  AgendaItem a;
  a.id = s.Int(0);
  a.meeting_id = s.Int(1);
  a.case_id = s.Int(2);
  a.position = static_cast<int>(s.Int(3));
  a.title = s.Text(4);
  a.closed = s.Int(5) != 0;
  int col = 6;
  for (const auto& f : SectionFields()) a.sections.*f.member = s.Text(col++);
  a.slot_start = static_cast<int>(s.Int(13));
  a.slot_end = static_cast<int>(s.Int(14));
  a.participants = s.Text(15);
  a.decision = s.Text(16);
  a.protocol_note = s.Text(17);
  a.revision = static_cast<int>(s.Int(18));
  a.absences = TRY(DecodeAbsences(s.Text(19)));
  return a;
}

// Binds title .. protocol_note as parameters 1..14, absences as 15.
void BindItemContent(Stmt& s, const AgendaItem& a) {
  s.Bind(1, a.title).Bind(2, a.closed);
  int i = 3;
  for (const auto& f : SectionFields()) s.Bind(i++, a.sections.*f.member);
  s.Bind(10, a.slot_start).Bind(11, a.slot_end).Bind(12, a.participants).Bind(13, a.decision).Bind(14, a.protocol_note);
  s.Bind(15, EncodeAbsences(a.absences));
}

Attachment ReadAttachment(const Stmt& s) {
  Attachment a;
  a.id = s.Int(0);
  a.agenda_item_id = s.Int(1);
  a.number = static_cast<int>(s.Int(2));
  a.title = s.Text(3);
  a.closed = s.Int(4) != 0;
  a.document_number = s.Text(5);
  a.filename = s.Text(6);
  a.content_type = s.Text(7);
  a.size = s.Int(8);
  return a;
}

// An agenda item (kItemColumns) and its meeting (kMeetingColumns) after it.
Result<PlacedItem> ReadPlaced(const Stmt& s) { return PlacedItem{TRY(ReadItem(s)), TRY(ReadMeetingAt(s, 20))}; }

AgendaRevision ReadRevision(const Stmt& s) {
  return {s.Int(0), static_cast<int>(s.Int(1)), s.Text(2), s.Text(3), s.Int(4), s.Text(5), s.Text(6)};
}

Result<RecurringTopic> ReadTopic(const Stmt& s) {
  RecurringTopic t{s.Int(0), s.Text(1), s.Text(2), {}, s.Int(4)};
  for (int64_t m : TRY(DecodeIds(s.Text(3), "recurring_topics.months"))) t.months.push_back(static_cast<int>(m));
  return t;
}

int64_t ReadId(const Stmt& s) { return s.Int(0); }
std::pair<int64_t, int64_t> ReadIdPair(const Stmt& s) { return {s.Int(0), s.Int(1)}; }

Error ItemNotFound(int64_t id) { return NotFound("Dagsordenspunkt " + std::to_string(id) + " findes ikke."); }

}  // namespace

Result<Meeting> SqliteMeetingStore::CreateMeeting(const Meeting& meeting) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("INSERT INTO meetings (body, date, start_minute, end_minute, place, kind, cancelled, "
                          "published_at, approved_at, breaks, absent, apologies, change_log) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  BindMeeting(s, meeting);
  auto st = s.Run();
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kAlreadyExists) return NotFound("Organet findes ikke.");
    return st.error();
  }
  Meeting m = meeting;
  m.id = c->LastInsertId();
  c->AfterCommit();
  return m;
}

Status SqliteMeetingStore::UpdateMeeting(const Meeting& meeting) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("UPDATE meetings SET body=?, date=?, start_minute=?, end_minute=?, place=?, kind=?, cancelled=?, "
                          "published_at=?, approved_at=?, breaks=?, absent=?, apologies=?, change_log=? WHERE id=?"));
  BindMeeting(s, meeting);
  s.Bind(14, meeting.id);
  RETURN_IF_ERROR(s.Run());
  if (c->Changes() == 0) return NotFound("Møde " + std::to_string(meeting.id) + " findes ikke.");
  c->AfterCommit();
  return OkStatus();
}

Result<Meeting> SqliteMeetingStore::GetMeeting(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string("SELECT ") + kMeetingColumns + " FROM meetings WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return NotFound("Møde " + std::to_string(id) + " findes ikke.");
  return ReadMeeting(s);
}

Result<std::vector<Meeting>> SqliteMeetingStore::ListMeetings(const std::string& body, Date from, Date to) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c,
                  std::string("SELECT ") + kMeetingColumns +
                      " FROM meetings WHERE (?1 = '' OR body = ?1) AND date >= ?2 AND date <= ?3 "
                      "ORDER BY date, start_minute, id",
                  [&](Stmt& s) { s.Bind(1, body).Bind(2, from.Iso()).Bind(3, to.Iso()); }, ReadMeeting);
}

Result<Case> SqliteMeetingStore::InsertCase(sqlite::Connection& c, const Case& cs) {
  auto s = TRY(c.Prepare("INSERT INTO cases (number, year, serial, kle, title, officer, closed, route) VALUES (?,?,?,?,?,?,?,?)"));
  s.Bind(1, cs.number.text).Bind(2, cs.number.year).Bind(3, cs.number.serial).Bind(4, cs.kle).Bind(5, cs.title);
  s.Bind(6, cs.officer).Bind(7, cs.closed).Bind(8, text::Join(cs.route, ","));
  auto st = s.Run();
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kAlreadyExists) return AlreadyExists("Sagsnummeret " + cs.number.text + " findes allerede.");
    return st.error();
  }
  Case out = cs;
  out.id = c.LastInsertId();
  return out;
}

Result<Case> SqliteMeetingStore::CreateCase(const Case& cs) {
  auto c = TRY(db_.Acquire());
  auto out = TRY(InsertCase(*c, cs));
  c->AfterCommit();
  return out;
}

Result<Case> SqliteMeetingStore::GetCase(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return NotFound("Sagen findes ikke.");
  return ReadCase(s);
}

Result<Case> SqliteMeetingStore::FindCase(const std::string& number) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE number = ?"));
  s.Bind(1, number);
  if (!TRY(s.Step())) return NotFound("Sagen findes ikke.");
  return ReadCase(s);
}

Result<std::vector<Case>> SqliteMeetingStore::ListCases() {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, std::string("SELECT ") + kCaseColumns + " FROM cases ORDER BY year DESC, serial DESC", ReadCase);
}

Result<std::vector<AgendaItem>> SqliteMeetingStore::ItemsWhere(sqlite::Connection& c, const std::string& where,
                                                               int64_t value) {
  auto bind = [&](Stmt& s) { s.Bind(1, value); };
  auto out = TRY(QueryAll(c, std::string("SELECT ") + kItemColumns + " FROM agenda_items WHERE " + where +
                                 " ORDER BY meeting_id, position",
                          bind, ReadItem));
  if (out.empty()) return out;
  std::map<int64_t, size_t> index;
  for (size_t i = 0; i < out.size(); ++i) index[out[i].id] = i;
  // The plan item links of all of them in one query (not one per item).
  auto links = TRY(QueryAll(c, "SELECT agenda_item_id, item_id FROM agenda_plan_items WHERE agenda_item_id IN "
                               "(SELECT id FROM agenda_items WHERE " + where + ") ORDER BY agenda_item_id, item_id",
                            bind, ReadIdPair));
  for (const auto& [agenda_item, plan_item] : links) {
    auto it = index.find(agenda_item);
    if (it != index.end()) out[it->second].plan_items.push_back(plan_item);
  }
  return out;
}

Status SqliteMeetingStore::WriteLinks(sqlite::Connection& c, const AgendaItem& item) {
  auto del = TRY(c.Prepare("DELETE FROM agenda_plan_items WHERE agenda_item_id = ?"));
  del.Bind(1, item.id);
  RETURN_IF_ERROR(del.Run());
  for (ItemId id : item.plan_items) {
    auto ins = TRY(c.Prepare("INSERT OR IGNORE INTO agenda_plan_items (agenda_item_id, item_id) VALUES (?, ?)"));
    ins.Bind(1, item.id).Bind(2, id);
    RETURN_IF_ERROR(ins.Run());
  }
  return OkStatus();
}

Result<AgendaItem> SqliteMeetingStore::InsertItem(sqlite::Connection& c, const AgendaItem& item) {
  AgendaItem out = item;
  {
    auto count = TRY(c.Prepare("SELECT count(*) FROM agenda_items WHERE meeting_id = ?"));
    count.Bind(1, item.meeting_id);
    TRY(count.Step());
    out.position = static_cast<int>(count.Int(0)) + 1;
  }
  auto s = TRY(c.Prepare("INSERT INTO agenda_items (title, closed, background, presentation, policies, economy, "
                         "legal_basis, recommendation, recommended_by, slot_start, slot_end, participants, decision, "
                         "protocol_note, absences, meeting_id, case_id, position, revision) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)"));
  BindItemContent(s, item);
  s.Bind(16, item.meeting_id).Bind(17, item.case_id).Bind(18, out.position);
  auto st = s.Run();
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kAlreadyExists) return NotFound("Mødet eller sagen findes ikke.");
    return st.error();
  }
  out.id = c.LastInsertId();
  out.revision = 0;
  RETURN_IF_ERROR(WriteLinks(c, out));
  return out;
}

Result<AgendaItem> SqliteMeetingStore::AddAgendaItem(const AgendaItem& item) {
  auto c = TRY(db_.Acquire());
  auto tx = TRY(sqlite::Transaction::Begin(*c));
  auto out = TRY(InsertItem(*c, item));
  RETURN_IF_ERROR(tx.Commit());
  return out;
}

Status SqliteMeetingStore::UpdateAgendaItem(const AgendaItem& item, const std::optional<AgendaRevision>& revision) {
  auto c = TRY(db_.Acquire());
  auto tx = TRY(sqlite::Transaction::Begin(*c));
  int number = -1;
  if (revision) {
    auto n = TRY(c->Prepare("SELECT count(*) FROM agenda_revisions WHERE agenda_item_id = ?"));
    n.Bind(1, item.id);
    TRY(n.Step());
    number = static_cast<int>(n.Int(0)) + 1;
  }
  auto s = TRY(c->Prepare("UPDATE agenda_items SET title=?, closed=?, background=?, presentation=?, policies=?, economy=?, "
                          "legal_basis=?, recommendation=?, recommended_by=?, slot_start=?, slot_end=?, participants=?, "
                          "decision=?, protocol_note=?, absences=?15, revision = CASE WHEN ?16 < 0 THEN revision ELSE ?16 END WHERE id=?17"));
  BindItemContent(s, item);
  s.Bind(16, number).Bind(17, item.id);
  RETURN_IF_ERROR(s.Run());
  if (c->Changes() == 0) return ItemNotFound(item.id);
  RETURN_IF_ERROR(WriteLinks(*c, item));
  if (revision) {
    auto r = TRY(c->Prepare("INSERT INTO agenda_revisions (agenda_item_id, number, reason, author, at, what, previous) "
                            "VALUES (?,?,?,?,?,?,?)"));
    r.Bind(1, item.id).Bind(2, number).Bind(3, revision->reason).Bind(4, revision->author).Bind(5, revision->at);
    r.Bind(6, revision->what).Bind(7, revision->before);
    RETURN_IF_ERROR(r.Run());
  }
  return tx.Commit();
}

Status SqliteMeetingStore::RemoveAgendaItem(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto tx = TRY(sqlite::Transaction::Begin(*c));
  auto find = TRY(c->Prepare("SELECT meeting_id FROM agenda_items WHERE id = ?"));
  find.Bind(1, id);
  if (!TRY(find.Step())) return ItemNotFound(id);
  int64_t meeting = find.Int(0);
  for (const char* sql : {"DELETE FROM attachment_bytes WHERE attachment_id IN (SELECT id FROM attachments WHERE agenda_item_id = ?)",
                          "DELETE FROM attachments WHERE agenda_item_id = ?", "DELETE FROM agenda_plan_items WHERE agenda_item_id = ?",
                          "DELETE FROM agenda_revisions WHERE agenda_item_id = ?", "DELETE FROM agenda_items WHERE id = ?"}) {
    auto s = TRY(c->Prepare(sql));
    s.Bind(1, id);
    RETURN_IF_ERROR(s.Run());
  }
  auto renumber = TRY(c->Prepare(
      "UPDATE agenda_items SET position = (SELECT count(*) FROM agenda_items o WHERE o.meeting_id = agenda_items.meeting_id "
      "AND o.position <= agenda_items.position) WHERE meeting_id = ?"));
  renumber.Bind(1, meeting);
  RETURN_IF_ERROR(renumber.Run());
  return tx.Commit();
}

Status SqliteMeetingStore::SetAgendaOrder(int64_t meeting, const std::vector<int64_t>& order) {
  auto c = TRY(db_.Acquire());
  auto tx = TRY(sqlite::Transaction::Begin(*c));
  auto current = TRY(QueryAll(*c, "SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY id",
                              [&](Stmt& s) { s.Bind(1, meeting); }, ReadId));
  std::vector<int64_t> wanted = order;
  std::sort(wanted.begin(), wanted.end());
  if (wanted != current) return Conflict("Dagsordenen er ændret i mellemtiden. Indlæs siden igen.");
  for (size_t i = 0; i < order.size(); ++i) {
    auto s = TRY(c->Prepare("UPDATE agenda_items SET position = ? WHERE id = ?"));
    s.Bind(1, static_cast<int64_t>(i + 1)).Bind(2, order[i]);
    RETURN_IF_ERROR(s.Run());
  }
  return tx.Commit();
}

Result<AgendaItem> SqliteMeetingStore::GetAgendaItem(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto items = TRY(ItemsWhere(*c, "id = ?", id));
  if (items.empty()) return ItemNotFound(id);
  return items.front();
}

Result<std::vector<AgendaItem>> SqliteMeetingStore::AgendaOf(int64_t meeting) {
  auto c = TRY(db_.Acquire());
  return ItemsWhere(*c, "meeting_id = ?", meeting);
}

Result<std::vector<AgendaItem>> SqliteMeetingStore::AgendaItemsOfCase(int64_t case_id) {
  auto c = TRY(db_.Acquire());
  return ItemsWhere(*c, "case_id = ?", case_id);
}

Result<std::vector<PlacedItem>> SqliteMeetingStore::AgendaItemsForPlanItem(ItemId item) {
  // One statement: on the item page every statement costs a read transaction.
  auto c = TRY(db_.Acquire());
  auto prefixed = [](const char* columns, const char* alias) {
    std::string out;
    for (const auto& col : text::SplitTrimmed(columns, ',')) out += (out.empty() ? "" : ", ") + std::string(alias) + "." + col;
    return out;
  };
  return QueryAll(*c,
                  "SELECT " + prefixed(kItemColumns, "i") + ", " + prefixed(kMeetingColumns, "m") +
                      " FROM agenda_plan_items l JOIN agenda_items i ON i.id = l.agenda_item_id"
                      " JOIN meetings m ON m.id = i.meeting_id WHERE l.item_id = ? ORDER BY m.date, i.position",
                  [&](Stmt& s) { s.Bind(1, item); }, ReadPlaced);
}

Result<std::vector<AgendaRevision>> SqliteMeetingStore::RevisionsOf(int64_t agenda_item) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c,
                  "SELECT agenda_item_id, number, reason, author, at, what, previous FROM agenda_revisions "
                  "WHERE agenda_item_id = ? ORDER BY number",
                  [&](Stmt& s) { s.Bind(1, agenda_item); }, ReadRevision);
}

Result<std::vector<Case>> SqliteMeetingStore::CasesOnAgenda(int64_t meeting) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c,
                  std::string("SELECT ") + kCaseColumns +
                      " FROM cases WHERE id IN (SELECT case_id FROM agenda_items WHERE meeting_id = ?) ORDER BY id",
                  [&](Stmt& s) { s.Bind(1, meeting); }, ReadCase);
}

Result<std::vector<Attachment>> SqliteMeetingStore::AttachmentsOfMeeting(int64_t meeting) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c,
                  "SELECT a.id, a.agenda_item_id, a.number, a.title, a.closed, a.document_number, a.filename, "
                  "a.content_type, a.size FROM attachments a JOIN agenda_items i ON i.id = a.agenda_item_id "
                  "WHERE i.meeting_id = ? ORDER BY i.position, a.number",
                  [&](Stmt& s) { s.Bind(1, meeting); }, ReadAttachment);
}

Result<std::vector<AgendaRevision>> SqliteMeetingStore::RevisionsOfMeeting(int64_t meeting) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c,
                  "SELECT r.agenda_item_id, r.number, r.reason, r.author, r.at, r.what, r.previous FROM agenda_revisions r "
                  "JOIN agenda_items i ON i.id = r.agenda_item_id WHERE i.meeting_id = ? ORDER BY i.position, r.number",
                  [&](Stmt& s) { s.Bind(1, meeting); }, ReadRevision);
}

Result<std::vector<AgendaItem>> SqliteMeetingStore::DecidedElsewhere(int64_t meeting) {
  auto c = TRY(db_.Acquire());
  return ItemsWhere(*c, "meeting_id != ?1 AND decision != '' AND case_id IN (SELECT case_id FROM agenda_items WHERE meeting_id = ?1)",
                    meeting);
}

Result<Attachment> SqliteMeetingStore::AddAttachment(const Attachment& meta, const std::string& bytes) {
  auto c = TRY(db_.Acquire());
  auto tx = TRY(sqlite::Transaction::Begin(*c));
  Attachment a = meta;
  a.size = static_cast<int64_t>(bytes.size());
  {
    auto n = TRY(c->Prepare("SELECT coalesce(max(number), 0) FROM attachments WHERE agenda_item_id = ?"));
    n.Bind(1, meta.agenda_item_id);
    TRY(n.Step());
    a.number = static_cast<int>(n.Int(0)) + 1;
  }
  auto s = TRY(c->Prepare("INSERT INTO attachments (agenda_item_id, number, title, closed, document_number, filename, "
                          "content_type, size) VALUES (?,?,?,?,?,?,?,?)"));
  s.Bind(1, a.agenda_item_id).Bind(2, a.number).Bind(3, a.title).Bind(4, a.closed).Bind(5, a.document_number);
  s.Bind(6, a.filename).Bind(7, a.content_type).Bind(8, a.size);
  auto st = s.Run();
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kAlreadyExists) return ItemNotFound(meta.agenda_item_id);
    return st.error();
  }
  a.id = c->LastInsertId();
  auto b = TRY(c->Prepare("INSERT INTO attachment_bytes (attachment_id, bytes) VALUES (?, ?)"));
  b.Bind(1, a.id).BindBlob(2, bytes);
  RETURN_IF_ERROR(b.Run());
  RETURN_IF_ERROR(tx.Commit());
  return a;
}

Result<Attachment> SqliteMeetingStore::GetAttachment(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare(std::string("SELECT ") + kAttachmentColumns + " FROM attachments WHERE id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return NotFound("Bilag " + std::to_string(id) + " findes ikke.");
  return ReadAttachment(s);
}

Result<std::string> SqliteMeetingStore::AttachmentBytes(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("SELECT bytes FROM attachment_bytes WHERE attachment_id = ?"));
  s.Bind(1, id);
  if (!TRY(s.Step())) return NotFound("Bilag " + std::to_string(id) + " findes ikke.");
  return s.Blob(0);
}

Result<std::vector<Attachment>> SqliteMeetingStore::AttachmentsOf(int64_t agenda_item) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, std::string("SELECT ") + kAttachmentColumns + " FROM attachments WHERE agenda_item_id = ? ORDER BY number",
                  [&](Stmt& s) { s.Bind(1, agenda_item); }, ReadAttachment);
}

Status SqliteMeetingStore::RemoveAttachment(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto tx = TRY(sqlite::Transaction::Begin(*c));
  auto b = TRY(c->Prepare("DELETE FROM attachment_bytes WHERE attachment_id = ?"));
  b.Bind(1, id);
  RETURN_IF_ERROR(b.Run());
  auto s = TRY(c->Prepare("DELETE FROM attachments WHERE id = ?"));
  s.Bind(1, id);
  RETURN_IF_ERROR(s.Run());
  if (c->Changes() == 0) return NotFound("Bilag " + std::to_string(id) + " findes ikke.");
  return tx.Commit();
}

Result<int64_t> SqliteMeetingStore::Revision() {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("SELECT value FROM meeting_revision WHERE id = 1"));
  if (!TRY(s.Step())) return int64_t{0};
  return s.Int(0);
}

Result<RecurringTopic> SqliteMeetingStore::AddTopic(const RecurringTopic& topic) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("INSERT INTO recurring_topics (body, title, months, case_id) VALUES (?,?,?,?)"));
  std::vector<int64_t> months(topic.months.begin(), topic.months.end());
  s.Bind(1, topic.body).Bind(2, topic.title).Bind(3, EncodeIds(months)).Bind(4, topic.case_id);
  auto st = s.Run();
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kAlreadyExists) return NotFound("Organet eller sagen findes ikke.");
    return st.error();
  }
  RecurringTopic t = topic;
  t.id = c->LastInsertId();
  c->AfterCommit();
  return t;
}

Result<std::vector<RecurringTopic>> SqliteMeetingStore::Topics(const std::string& body) {
  auto c = TRY(db_.Acquire());
  return QueryAll(*c, "SELECT id, body, title, months, case_id FROM recurring_topics WHERE (?1 = '' OR body = ?1) ORDER BY id",
                  [&](Stmt& s) { s.Bind(1, body); }, ReadTopic);
}

Status SqliteMeetingStore::RemoveTopic(int64_t id) {
  auto c = TRY(db_.Acquire());
  auto s = TRY(c->Prepare("DELETE FROM recurring_topics WHERE id = ?"));
  s.Bind(1, id);
  RETURN_IF_ERROR(s.Run());
  if (c->Changes() == 0) return NotFound("Emnet findes ikke.");
  c->AfterCommit();
  return OkStatus();
}

}  // namespace bs
