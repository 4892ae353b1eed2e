#include "core/config.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "core/text.h"

namespace bs {
namespace {

// Text a message may quote: valid UTF-8, one line, short.
std::string Shown(std::string_view s) { return text::Truncate(text::CleanSingleLine(text::ValidUtf8(s)), 60); }

bool ParseIntIn(const std::string& s, long min, long max, int* out) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  long v = std::stol(s);
  if (v < min || v > max) return false;
  *out = static_cast<int>(v);
  return true;
}

// "HOST:PORT", the host an address or name and the port 0-65535 (0: any free port).
bool SplitListen(const std::string& s, std::string* host, unsigned short* port) {
  size_t colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  int p = 0;
  if (!ParseIntIn(s.substr(colon + 1), 0, 65535, &p)) return false;
  std::string h = s.substr(0, colon);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);  // [::1]:8080
  if (h.find_first_of(" \t/") != std::string::npos) return false;
  if (host) *host = h;
  if (port) *port = static_cast<unsigned short>(p);
  return true;
}

// An IPv4 address in dotted form or an IPv6 address in hex groups (checked loosely: the
// server compares them as text with the peer's address as Boost prints it).
bool LooksLikeAddress(const std::string& a) {
  if (a.empty() || a.size() > 45) return false;
  if (a.find(':') != std::string::npos) return a.find_first_not_of("0123456789abcdefABCDEF:.") == std::string::npos;
  int parts = 0;
  for (const auto& p : text::SplitTrimmed(a, '.')) {
    int v = 0;
    if (!ParseIntIn(p, 0, 255, &v)) return false;
    ++parts;
  }
  return parts == 4 && std::count(a.begin(), a.end(), '.') == 3;
}

struct Entry {
  ConfigKey doc;
  std::function<Status(Config&, const std::string&)> set;
  std::function<std::string(const Config&)> get;
};

const std::vector<Entry>& Entries() {
  static const std::vector<Entry> entries = {
      {{"server", "listen", "127.0.0.1:8080", "Adressen og porten, serveren lytter på (VÆRT:PORT; port 0 vælger en ledig)."},
       [](Config& c, const std::string& v) {
         if (!SplitListen(v, nullptr, nullptr)) return Status(InvalidArgument("skal være VÆRT:PORT, fx 127.0.0.1:8080"));
         c.listen = v;
         return OkStatus();
       },
       [](const Config& c) { return c.listen; }},
      {{"server", "threads", "2", "Antal netværkstråde (1-64)."},
       [](Config& c, const std::string& v) {
         if (!ParseIntIn(v, 1, 64, &c.threads)) return Status(InvalidArgument("skal være et heltal fra 1 til 64"));
         return OkStatus();
       },
       [](const Config& c) { return std::to_string(c.threads); }},
      {{"server", "workers", "4",
        "Antal arbejdstråde, som sider, PDF'er, eksporter og kontrol af adgangskoder kører på (1-256); "
        "netværkstrådene læser og skriver kun. 0: på netværkstrådene (som før; kun til sammenligning)."},
       [](Config& c, const std::string& v) {
         if (!ParseIntIn(v, 0, 256, &c.workers)) return Status(InvalidArgument("skal være et heltal fra 0 til 256"));
         return OkStatus();
       },
       [](const Config& c) { return std::to_string(c.workers); }},
      {{"server", "max_connections", "1024", "Højst så mange åbne forbindelser; flere får 503 (1-100000)."},
       [](Config& c, const std::string& v) {
         if (!ParseIntIn(v, 1, 100000, &c.max_connections))
           return Status(InvalidArgument("skal være et heltal fra 1 til 100000"));
         return OkStatus();
       },
       [](const Config& c) { return std::to_string(c.max_connections); }},
      {{"server", "base_url", "http://<listen>",
        "Den adresse, brugerne når tjenesten på (http:// eller https://, uden sti). Bruges til links, "
        "kalender-UID'er og cookies (Secure og navnet __Host- ved https); aldrig forespørgslens Host-header."},
       [](Config& c, const std::string& v) {
         std::string u = v;
         while (!u.empty() && u.back() == '/') u.pop_back();
         std::string lower = text::FoldCase(u);
         size_t start = lower.rfind("https://", 0) == 0 ? 8 : lower.rfind("http://", 0) == 0 ? 7 : 0;
         if (!start) return Status(InvalidArgument("skal begynde med http:// eller https://"));
         std::string host = u.substr(start);
         if (host.empty() || host.find_first_of("/?#@ \t\\") != std::string::npos)
           return Status(InvalidArgument("skal være skema og vært (og evt. port) uden sti, fx https://budget.kommune.dk"));
         c.base_url = u;
         return OkStatus();
       },
       [](const Config& c) { return c.base_url; }},
      {{"server", "trusted_proxies", "(ingen)",
        "Kommasepareret liste af IP-adresser på reverse proxies. Kun fra dem tros X-Forwarded-For; "
        "X-Forwarded-Proto tros aldrig (base_url afgør https)."},
       [](Config& c, const std::string& v) {
         std::vector<std::string> list;
         for (const auto& a : text::SplitTrimmed(v, ',')) {
           if (a.empty()) continue;
           if (!LooksLikeAddress(a)) return Status(InvalidArgument("«" + Shown(a) + "» er ikke en IP-adresse"));
           list.push_back(text::FoldCase(a));
         }
         c.trusted_proxies = std::move(list);
         return OkStatus();
       },
       [](const Config& c) { return text::Join(c.trusted_proxies, ", "); }},
      {{"uploads", "limit_mb", "50", "Største bilag i MB (1-1024)."},
       [](Config& c, const std::string& v) {
         if (!ParseIntIn(v, 1, 1024, &c.upload_limit_mb)) return Status(InvalidArgument("skal være et heltal fra 1 til 1024"));
         return OkStatus();
       },
       [](const Config& c) { return std::to_string(c.upload_limit_mb); }},
      {{"database", "path", "(skal angives)", "SQLite-databasefilen (oprettes og migreres ved behov)."},
       [](Config& c, const std::string& v) {
         if (v.empty()) return Status(InvalidArgument("mangler en værdi"));
         c.database = v;
         return OkStatus();
       },
       [](const Config& c) { return c.database; }},
      {{"data", "dir", "data", "Mappen til tjenestens egne filer (fx sikkerhedskopier)."},
       [](Config& c, const std::string& v) {
         if (v.empty()) return Status(InvalidArgument("mangler en værdi"));
         c.data_dir = v;
         return OkStatus();
       },
       [](const Config& c) { return c.data_dir; }},
      {{"backup", "dir", "<data.dir>/backups", "Mappen til planlagte sikkerhedskopier (oprettes med mode 0700)."},
       [](Config& c, const std::string& v) {
         if (v.empty()) return Status(InvalidArgument("mangler en værdi"));
         c.backup_dir = v;
         return OkStatus();
       },
       [](const Config& c) { return c.EffectiveBackupDir(); }},
      {{"backup", "interval_minutes", "0",
        "Minutter mellem planlagte sikkerhedskopier, mens serveren kører (0: ingen; 1440: en gang i døgnet)."},
       [](Config& c, const std::string& v) {
         if (!ParseIntIn(v, 0, 10080, &c.backup_interval_minutes))
           return Status(InvalidArgument("skal være et heltal fra 0 til 10080 (en uge)"));
         return OkStatus();
       },
       [](const Config& c) { return std::to_string(c.backup_interval_minutes); }},
      {{"backup", "keep", "14", "Antal planlagte sikkerhedskopier, der gemmes; de ældste slettes (1-1000)."},
       [](Config& c, const std::string& v) {
         if (!ParseIntIn(v, 1, 1000, &c.backup_keep)) return Status(InvalidArgument("skal være et heltal fra 1 til 1000"));
         return OkStatus();
       },
       [](const Config& c) { return std::to_string(c.backup_keep); }},
      {{"log", "access", "stderr",
        "Adgangsloggen, en JSON-linje pr. forespørgsel: stderr, off eller en fil (tilføjes; mode 0600)."},
       [](Config& c, const std::string& v) {
         if (v.empty()) return Status(InvalidArgument("skal være stderr, off eller en filsti"));
         c.access_log = v;
         return OkStatus();
       },
       [](const Config& c) { return c.access_log; }},
  };
  return entries;
}

const Entry* Find(const std::string& section, const std::string& key) {
  for (const auto& e : Entries())
    if (e.doc.section == section && e.doc.key == key) return &e;
  return nullptr;
}

}  // namespace

std::string Config::EffectiveBackupDir() const {
  return backup_dir.empty() ? data_dir + "/backups" : backup_dir;
}

std::string Config::host() const {
  std::string h;
  SplitListen(listen, &h, nullptr);
  return h;
}

unsigned short Config::port() const {
  unsigned short p = 0;
  SplitListen(listen, nullptr, &p);
  return p;
}

std::string Config::EffectiveBaseUrl() const { return base_url.empty() ? "http://" + listen : base_url; }

const std::vector<ConfigKey>& ConfigKeys() {
  static const std::vector<ConfigKey> keys = [] {
    std::vector<ConfigKey> out;
    for (const auto& e : Entries()) out.push_back(e.doc);
    return out;
  }();
  return keys;
}

Status SetConfigValue(Config& c, const std::string& section, const std::string& key, const std::string& value) {
  const Entry* e = Find(section, key);
  if (!e) {
    bool known_section = false;
    for (const auto& k : ConfigKeys()) known_section = known_section || k.section == section;
    if (!known_section) return InvalidArgument("ukendt afsnit [" + Shown(section) + "]");
    return InvalidArgument("ukendt nøgle «" + Shown(key) + "» i [" + section + "]");
  }
  auto st = e->set(c, value);
  if (!st.ok()) return InvalidArgument(section + "." + key + " " + st.error().message);
  return OkStatus();
}

Status ReadConfigText(Config& c, std::string_view text, const std::string& file_name) {
  std::vector<std::string> errors;
  std::string section;
  std::set<std::string> seen;
  size_t line_no = 0;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    std::string where = file_name + ", linje " + std::to_string(line_no) + ": ";
    if (!text::IsValidUtf8(line)) { errors.push_back(where + "linjen er ikke gyldig UTF-8"); continue; }
    std::string t = text::Trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';') continue;
    if (t.front() == '[') {
      if (t.back() != ']') { errors.push_back(where + "et afsnit skrives [navn]"); continue; }
      section = text::Trim(t.substr(1, t.size() - 2));
      bool known = false;
      for (const auto& k : ConfigKeys()) known = known || k.section == section;
      if (!known) errors.push_back(where + "ukendt afsnit [" + Shown(section) + "]");
      continue;
    }
    size_t eq = t.find('=');
    if (eq == std::string::npos) { errors.push_back(where + "forventede nøgle = værdi, fik «" + Shown(t) + "»"); continue; }
    std::string key = text::Trim(t.substr(0, eq));
    std::string value = text::Trim(t.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (section.empty()) { errors.push_back(where + "«" + Shown(key) + "» står før noget [afsnit]"); continue; }
    if (!seen.insert(section + "." + key).second) { errors.push_back(where + section + "." + key + " står to gange"); continue; }
    auto st = SetConfigValue(c, section, key, value);
    if (!st.ok()) errors.push_back(where + st.error().message);
  }
  if (errors.empty()) return OkStatus();
  return InvalidArgument(text::Join(errors, "\n"));
}

Status ReadConfigFile(Config& c, const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return InvalidArgument("Konfigurationsfilen " + path + " kan ikke læses.");
  std::ostringstream s;
  s << f.rdbuf();
  if (s.str().size() > 1024 * 1024) return InvalidArgument("Konfigurationsfilen " + path + " er over 1 MB.");
  return ReadConfigText(c, s.str(), path);
}

Status ApplyConfigEnvironment(Config& c, const std::function<const char*(const char*)>& getenv) {
  std::vector<std::string> errors;
  for (const auto& k : ConfigKeys()) {
    std::string name = "BUDGETSPOR_" + k.section + "_" + k.key;
    for (auto& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const char* v = getenv(name.c_str());
    if (!v) continue;
    auto st = SetConfigValue(c, k.section, k.key, v);
    if (!st.ok()) errors.push_back("Miljøvariablen " + name + ": " + st.error().message);
  }
  if (errors.empty()) return OkStatus();
  return InvalidArgument(text::Join(errors, "\n"));
}

Status ValidateConfig(const Config& c) {
  if (c.database.empty())
    return InvalidArgument("database.path mangler: angiv databasen i [database] path = ..., med "
                           "BUDGETSPOR_DATABASE_PATH eller med --db FIL.");
  return OkStatus();
}

std::string DescribeConfig(const Config& c) {
  std::string out = "# Den gældende konfiguration (standardværdier, fil, miljø og flag lagt sammen).\n";
  std::string section;
  for (const auto& e : Entries()) {
    if (e.doc.section != section) {
      section = e.doc.section;
      out += "\n[" + section + "]\n";
    }
    std::string v = e.get(c);
    if (e.doc.secret) v = v.empty() ? "" : "(hemmelig)";
    if (e.doc.key == "base_url" && v.empty()) v = c.EffectiveBaseUrl() + "  # afledt af listen";
    out += e.doc.key + " = " + v + "\n";
  }
  return out;
}

}  // namespace bs
