#include "static_files.h"  // generated from web/static and docs
#include "web/errors.h"
#include "web/routes.h"
#include "web/html.h"
#include "web/views/layout.h"

namespace bs::web {
namespace {
std::string_view Find(std::string_view name) {
  for (const auto& [n, content] : static_files::kFiles)
    if (n == name) return content;
  return {};
}
std::string ContentType(const std::string& name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}
}  // namespace

void AddStatic(Router& router) {
  router.Add("GET", "/static/{name}", [](const Request&, const Params& p) {
    const std::string& name = p.at("name");
    std::string_view content = name.ends_with(".md") ? std::string_view() : Find(name);
    if (content.empty()) return HtmlError(404, "Filen findes ikke.");
    Response r;
    r.content_type = ContentType(name);
    r.body = std::string(content);
    r.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return r;
  });
  auto doc = [](const char* file, const char* title) {
    return [file, title](const Request&, const Params&) {
      Html h;
      views::PageStart(h, title, {{title, ""}});
      h.Raw("<h1>").Text(title).Raw("</h1><pre class=\"doc\" tabindex=\"0\">").Text(Find(file)).Raw("</pre>");
      views::PageEnd(h);
      return Response::Html(200, h.Take());
    };
  };
  router.Add("GET", "/dokumentation/api", doc("api.md", "API-dokumentation"));
  router.Add("GET", "/dokumentation/adgang", doc("access.md", "Adgang: hvem må se og gøre hvad"));
}

}  // namespace bs::web
