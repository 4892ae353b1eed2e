#include "support/pdf_text.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace bs::testing {

std::optional<std::string> PdfText(const std::string& pdf_bytes) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "budgetspor-pdf-XXXXXX").string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return std::nullopt;
  close(fd);
  {
    std::ofstream out(tmpl, std::ios::binary);
    out << pdf_bytes;
  }
  std::string command = "pdftotext -q -enc UTF-8 '" + tmpl + "' - 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    std::filesystem::remove(tmpl);
    return std::nullopt;
  }
  std::string text;
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
  int rc = pclose(pipe);
  std::filesystem::remove(tmpl);
  if (rc != 0) return std::nullopt;
  return text;
}

}  // namespace bs::testing
