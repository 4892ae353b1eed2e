// The JSON of `budgetspor import agenda-text --dry-run --json` (agenda_text.h: ToJson).
// nlohmann's ordered_json keeps the fields in the contract's order.
#include <nlohmann/json.hpp>

#include "importers/agenda/agenda_text.h"

namespace bs::agenda_import {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json ItemJson(const ImportedItem& item, const JournalLookup* lookup) {
  Json j;
  j["line"] = item.line;
  j["number"] = item.number ? Json(*item.number) : Json(nullptr);
  j["title"] = OrNull(item.title);
  j["case_number"] = OrNull(item.case_number);
  j["journal_number"] = OrNull(item.journal_number);
  if (lookup) {
    JournalCheck check = item.journal_number.empty() ? JournalCheck{} : (*lookup)(item.journal_number);
    j["journal_title"] = OrNull(check.title);
    j["journal_problem"] = OrNull(check.problem);
  }
  j["access"] = item.closed ? Json(*item.closed ? "closed" : "open") : Json(nullptr);
  j["route"] = item.route;
  j["responsible"] = OrNull(item.responsible);
  j["sections"] = Json::array();
  for (const auto& s : item.sections)
    j["sections"].push_back({{"heading", s.heading}, {"field", OrNull(s.field)}, {"line", s.line}, {"text", s.text}});
  j["decisions"] = Json::array();
  for (const auto& d : item.decisions)
    j["decisions"].push_back({{"body", OrNull(d.body)},
                              {"date", d.date ? Json(d.date->Iso()) : Json(nullptr)},
                              {"text", d.text},
                              {"absent", OrNull(d.absent)},
                              {"apologies", OrNull(d.apologies)},
                              {"earlier", d.earlier},
                              {"line", d.line}});
  j["proposal_codes"] = item.proposal_codes;
  j["attachments"] = Json::array();
  for (const auto& a : item.attachments)
    j["attachments"].push_back({{"number", a.number},
                                {"title", a.title},
                                {"access", OrNull(a.access)},
                                {"id", OrNull(a.id)},
                                {"document_number", OrNull(a.document_number)},
                                {"marks", a.marks},
                                {"line", a.line}});
  j["absent"] = OrNull(item.absent);
  j["apologies"] = OrNull(item.apologies);
  return j;
}

std::string Write(const AgendaImport& import, const JournalLookup* lookup) {
  Json j;
  j["layout"] = import.layout;
  j["lines"] = import.lines;
  j["items"] = Json::array();
  for (const auto& item : import.items) j["items"].push_back(ItemJson(item, lookup));
  j["unrecognised"] = Json::array();
  for (const auto& u : import.unrecognised)
    j["unrecognised"].push_back({{"line", u.line}, {"text", u.text}, {"reason", u.reason}});
  j["noise"] = {{"blank", import.noise.blank},
                {"page_furniture", import.noise.page_furniture},
                {"table_rules", import.noise.table_rules},
                {"signature_page", import.noise.signature_page},
                {"attachment_overview", import.noise.attachment_overview}};
  return j.dump(2) + "\n";
}

}  // namespace

std::string ToJson(const AgendaImport& import) { return Write(import, nullptr); }
std::string ToJson(const AgendaImport& import, const JournalLookup& lookup) { return Write(import, &lookup); }

}  // namespace bs::agenda_import
