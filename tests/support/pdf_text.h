// The text of a PDF through poppler's pdftotext (STYLE.md habit 13: PDFs are tested as
// text). nullopt when pdftotext is missing or fails.
#pragma once

#include <optional>
#include <string>

namespace bs::testing {

std::optional<std::string> PdfText(const std::string& pdf_bytes);

}  // namespace bs::testing
