// The app's AgendaTextReader port over the agenda text parser (issue 13).
#pragma once

#include "app/ports/agenda_text_reader.h"

namespace bs::agenda_import {

class AgendaTextParser final : public AgendaTextReader {
 public:
  Result<AgendaText> Read(std::string_view text, const std::string& layout) const override;
  std::vector<std::string> Layouts() const override;
};

}  // namespace bs::agenda_import
