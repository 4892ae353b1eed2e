// CSV as people save it from Excel and older systems: ';' (Danish Excel), ',' or TAB,
// UTF-8 with or without a BOM, UTF-16 with a BOM ("Unicode text") or Windows-1252
// (Danish Excel's "CSV (semikolonsepareret)"); quoted fields per RFC 4180, including
// newlines inside quotes; CRLF, CR or LF line ends.
#include <array>
#include <cstdint>

#include "core/text.h"
#include "importers/sheet/internal/readers.h"

namespace bs::sheet::internal {
namespace {

constexpr char kWrongType[] = "Filen er hverken et XLSX-regneark eller en CSV-fil.";

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Windows-1252 0x80-0x9F (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT);
// 0 marks the five undefined bytes. 0xA0-0xFF are Latin-1, i.e. the same code point.
constexpr std::array<uint16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

// The 1-based line of byte `at`, counting CRLF, CR and LF as one line end each.
int LineAt(std::string_view s, size_t at) {
  int line = 1;
  for (size_t i = 0; i < at && i < s.size(); ++i)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
  return line;
}

Result<std::string> FromWindows1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c >= 0xA0) {
      AppendUtf8(out, c);
    } else if (uint16_t cp = kCp1252High[c - 0x80]) {
      AppendUtf8(out, cp);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      return InvalidArgument("Linje " + std::to_string(LineAt(s, i)) + " indeholder et tegn (byte 0x" + kHex[c >> 4] +
                             kHex[c & 15] + "), der hverken er UTF-8 eller Windows-1252; gem filen som CSV (UTF-8).");
    }
  }
  return out;
}

// UTF-16 after its BOM, little or big endian, as Excel's "Unicode text" writes it.
Result<std::string> FromUtf16(std::string_view s, bool big_endian) {
  if (s.size() % 2) return InvalidArgument("Filen er i UTF-16, men er afkortet midt i et tegn.");
  std::string out;
  out.reserve(s.size());
  auto unit = [&](size_t i) -> uint32_t {
    unsigned char a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (size_t i = 0; i < s.size(); i += 2) {
    uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < s.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      return InvalidArgument("Filen er i UTF-16, men indeholder et ugyldigt tegn.");
    }
    AppendUtf8(out, cp);
  }
  return out;
}

// Text files hold no NUL and no C0 controls other than TAB, LF, VT, FF, CR (and the old
// end-of-file mark 0x1A); anything else is a binary file such as an image or a program.
bool LooksBinary(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1A) return true;
  return false;
}

// The delimiter among ';', TAB and ',' (that order breaks ties): the one whose count
// outside quotes is the same non-zero number on the most of the first 20 non-empty
// records. A file where none occurs is one column (';' is reported).
char DetectDelimiter(std::string_view s) {
  static constexpr char kCandidates[] = {';', '\t', ','};
  std::array<std::vector<size_t>, 3> counts;
  std::array<size_t, 3> current = {0, 0, 0};
  bool in_quotes = false, record_has_text = false;
  int records = 0;
  for (size_t i = 0; i <= s.size() && records < 20; ++i) {
    char c = i < s.size() ? s[i] : '\n';
    if (c == '"') in_quotes = !in_quotes;
    if (!in_quotes && (c == '\n' || c == '\r')) {
      if (record_has_text) {
        for (int k = 0; k < 3; ++k) counts[k].push_back(current[k]);
        ++records;
      }
      current = {0, 0, 0};
      record_has_text = false;
      continue;
    }
    if (c != ' ') record_has_text = true;
    if (!in_quotes)
      for (int k = 0; k < 3; ++k) current[k] += c == kCandidates[k];
  }
  char best = ';';
  size_t best_score = 0;
  for (int k = 0; k < 3; ++k) {
    // The score: how many records share the most common non-zero count.
    std::map<size_t, size_t> frequency;
    for (size_t n : counts[k])
      if (n) ++frequency[n];
    size_t score = 0;
    for (auto [n, times] : frequency) score = std::max(score, times);
    if (score > best_score) best = kCandidates[k], best_score = score;
  }
  return best;
}

struct Field {
  std::string text;
  bool quoted = false;
};

class Parser {
 public:
  Parser(std::string_view s, char delimiter, const Limits& limits)
      : s_(s), delimiter_(delimiter), limits_(limits), rows_(limits, SIZE_MAX) {}

  Result<std::vector<Row>> Run() && {
    size_t i = 0;
    while (i < s_.size()) RETURN_IF_ERROR(ReadRecord(i));
    return std::move(rows_).Finish();
  }

 private:
  // Reads the record starting at `i` (on line_), leaving `i` after its line end.
  Status ReadRecord(size_t& i) {
    const int start_line = line_;
    size_t column = 0;
    std::string field;
    bool quoted = false, in_quotes = false;
    int quote_line = 0;
    for (;; ++i) {
      if (i >= s_.size()) {
        if (in_quotes)
          return InvalidArgument("Linje " + std::to_string(quote_line) +
                                 ": et felt begynder med et anførselstegn (\"), der aldrig afsluttes.");
        return EndField(start_line, column, field);
      }
      char c = s_[i];
      if (in_quotes) {
        if (c == '"' && i + 1 < s_.size() && s_[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else if (c == '"') {
          in_quotes = false;
        } else {
          if (c == '\n' || (c == '\r' && (i + 1 >= s_.size() || s_[i + 1] != '\n'))) ++line_;
          field.push_back(c);
        }
        continue;
      }
      if (c == delimiter_) {
        RETURN_IF_ERROR(EndField(start_line, column, field));
        ++column;
        quoted = false;
      } else if (c == '"' && !quoted && text::Trim(field).empty()) {
        // A quote opens a field only at its start (after spaces); elsewhere it is text.
        field.clear();
        quoted = in_quotes = true;
        quote_line = line_;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s_.size() && s_[i + 1] == '\n') ++i;
        ++i;
        ++line_;
        return EndField(start_line, column, field);
      } else {
        field.push_back(c);
      }
    }
  }

  Status EndField(int line, size_t column, std::string& field) {
    Cell cell;
    cell.text = text::Trim(text::CleanMultiline(field));
    field.clear();
    if (column >= limits_.max_columns)
      return TooLarge("Linje " + std::to_string(line) + " har flere end " + FormatCount(limits_.max_columns) +
                      " kolonner.");
    return rows_.Put(line, column, std::move(cell));
  }

  std::string_view s_;
  char delimiter_;
  const Limits& limits_;
  RowsBuilder rows_;
  int line_ = 1;
};

}  // namespace

Result<Sheet> ReadCsv(std::string_view bytes, std::string_view filename, const Limits& limits) {
  Sheet sheet;
  sheet.format = Format::kCsv;
  sheet.name = std::string(filename);
  std::string decoded;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    decoded = TRY(FromUtf16(bytes.substr(2), bytes[0] == '\xFE'));
    if (decoded.substr(0, 3) == "\xEF\xBB\xBF") decoded.erase(0, 3);
    sheet.notes.push_back("Filen var i UTF-16 og er omsat til UTF-8.");
  } else {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (text::IsValidUtf8(bytes)) {
      decoded = std::string(bytes);
    } else {
      if (LooksBinary(bytes)) return InvalidArgument(kWrongType);
      decoded = TRY(FromWindows1252(bytes));
      sheet.converted_from_windows_1252 = true;
      sheet.notes.push_back("Filen var i Windows-1252 og er omsat til UTF-8.");
    }
  }
  if (LooksBinary(decoded)) return InvalidArgument(kWrongType);
  sheet.delimiter = DetectDelimiter(decoded);
  sheet.rows = TRY(Parser(decoded, sheet.delimiter, limits).Run());
  return sheet;
}

}  // namespace bs::sheet::internal
