#include "importers/agenda/agenda_text_reader.h"

#include "importers/agenda/agenda_text.h"

namespace bs::agenda_import {

Result<AgendaText> AgendaTextParser::Read(std::string_view text, const std::string& layout) const {
  Result<AgendaImport> parsed = InvalidArgument("");
  if (layout.empty()) {
    parsed = ParseDetect(text);
  } else {
    const Layout* l = FindLayout(layout);
    if (!l) return FieldErrors({{"layout", "Layoutet «" + layout + "» findes ikke."}});
    parsed = Parse(text, *l);
  }
  if (!parsed.ok()) return parsed.error();
  AgendaText out;
  out.layout = parsed->layout;
  out.lines = parsed->lines;
  for (const auto& i : parsed->items) {
    AgendaTextItem item;
    item.line = i.line;
    item.number = i.number;
    item.title = i.title;
    item.case_number = i.case_number;
    item.journal_number = i.journal_number;
    item.closed = i.closed;
    item.route = i.route;
    item.responsible = i.responsible;
    for (const auto& s : i.sections) item.sections.push_back({s.heading, s.text, s.field, s.line});
    for (const auto& d : i.decisions) item.decisions.push_back({d.body, d.date, d.text, d.earlier, d.line});
    item.proposal_codes = i.proposal_codes;
    out.items.push_back(std::move(item));
  }
  for (const auto& u : parsed->unrecognised) out.unrecognised.push_back({u.line, u.text, u.reason});
  return out;
}

std::vector<std::string> AgendaTextParser::Layouts() const {
  std::vector<std::string> names;
  for (const auto& l : BuiltInLayouts()) names.push_back(l.name);
  return names;
}

}  // namespace bs::agenda_import
