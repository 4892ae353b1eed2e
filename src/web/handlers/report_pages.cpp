// The generated reports (issue 11): /planer/{id}/rapporter (the list),
// /planer/{id}/rapporter/{kind}?format=html|pdf|xlsx|csv&version=ID|latest|live
// &committee=BUU&month=04-2025&sep=semicolon (and the plan page's filters for kind plan),
// the same under /api/v1/plans/{id}/reports/{kind}, and a published version's committee
// extract at /planer/{id}/versioner/{vid}/udvalg/{code}. Every format is drawn from the
// one Report ReportService builds for the viewer; answers are cached per plan revision
// and access class like the plan pages.
#include "core/text.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/list_query.h"
#include "web/routes.h"
#include "web/views/report_views.h"

namespace bs::web {
namespace {

Response Bad(const Request& r, const std::string& message) {
  return WantsJson(r) ? JsonError(400, message) : HtmlError(400, message);
}

Response Fail(const Request& r, const Error& e) { return Denied(r, e); }

struct Parsed {
  ReportRequest request;
  ReportFormat format = ReportFormat::kHtml;
  char separator = ',';
  std::string version, committee, month, filter_query;
};

// Reads the query; a wrong value is a 400 that names the parameter and what it may be.
std::optional<Response> Parse(Services s, const Request& r, const Params& p, Parsed* out) {
  PlanId plan;
  if (!ParseId(p, "id", &plan)) return WantsJson(r) ? JsonError(404, "Planen findes ikke.") : HtmlError(404, "Planen findes ikke.");
  out->request.plan = plan;
  std::string kind = p.at("kind");
  auto k = ParseReportKind(kind);
  if (!k) return Bad(r, "Ukendt rapport «" + text::Truncate(kind, 30) + "». Vælg en af: " + ValidReportKinds() + ".");
  out->request.kind = *k;
  FormData q;
  if (!FormData::Parse(r.query, &q)) return Bad(r, "Adressens parametre kunne ikke læses.");
  std::string format = q.Has("format") ? q.Get("format") : "html";
  auto f = ParseReportFormat(format);
  if (!f) return Bad(r, "Ukendt format «" + text::Truncate(format, 30) + "». Vælg et af: " + ValidReportFormats() + ".");
  out->format = *f;
  out->request.parts = PartsFor(*f);
  std::string sep = q.Get("sep");
  if (sep == "semicolon" || sep == ";") out->separator = ';';
  else if (!sep.empty() && sep != "comma" && sep != ",") return Bad(r, "sep skal være comma eller semicolon.");
  out->version = q.Get("version");
  if (out->version.empty()) out->request.basis = ReportRequest::Basis::kDefault;
  else if (out->version == "latest") out->request.basis = ReportRequest::Basis::kLatest;
  else if (out->version == "live") out->request.basis = ReportRequest::Basis::kLive;
  else {
    Params id{{"v", out->version}};
    if (!ParseId(id, "v", &out->request.version))
      return Bad(r, "version skal være en versions id, latest eller live.");
    out->request.basis = ReportRequest::Basis::kVersion;
  }
  out->committee = q.Get("committee");
  out->request.committee = out->committee;
  out->month = q.Get("month");
  if (!out->month.empty()) {
    auto d = Date::Parse("01-" + out->month);
    if (!d.ok()) d = Date::Parse(out->month + "-01");
    if (!d.ok()) return Bad(r, "Skriv måneden som mm-åååå, fx 04-2025.");
    out->request.month = *d;
  }
  if (out->request.kind == ReportKind::kPlan) {
    // A plan the viewer may not know of answers as unknown before its filter is read, so
    // that a wrong filter value cannot tell a hidden plan from a missing one.
    auto read = s.plans.ReadPublished(r.viewer, plan);
    if (!read.ok() && (read.error().code == ErrorCode::kPermissionDenied || read.error().code == ErrorCode::kNotFound))
      return Denied(r, read.error());
    if (read.ok()) {
      ListQuery lq = ParseListQuery(r.query, read->ctx, false);
      if (!lq.errors.empty()) return Bad(r, "Filteret kunne ikke bruges: " + lq.errors.front().message);
      out->request.filter = lq.filter;
      out->request.filtered = lq.Any();
      out->filter_query = lq.QueryString();
      if (!out->filter_query.empty() && out->filter_query[0] == '?') out->filter_query.erase(0, 1);
    }
  }
  return std::nullopt;
}

Response Render(Services s, const Request& r, const Parsed& in) {
  auto report = s.reports.Build(r.viewer, in.request);
  if (!report.ok()) return Fail(r, report.error());
  Response res;
  res.status = 200;
  std::string name = report->filename;
  switch (in.format) {
    case ReportFormat::kHtml: {
      if (WantsJson(r)) {
        res.content_type = "text/html; charset=utf-8";
        res.body = views::ReportDocument(*report);
        break;
      }
      auto choices = s.reports.Choices(r.viewer, in.request.plan);
      if (!choices.ok()) return HtmlError(choices.error());
      std::string month = in.month;
      if (month.empty() && in.request.kind == ReportKind::kMonthly)  // the month shown, so the box says which
        month = Date{report->as_of.year, report->as_of.month, 1}.Short().substr(3);
      if (in.request.month) month = in.request.month->Short().substr(3);
      views::ReportPageModel m{&*report, in.request.plan, report->plan_name, &*choices, in.version, in.committee,
                               month, in.filter_query, s.plans.CapabilitiesFor(r.viewer, in.request.plan).live};
      return Response::Html(200, views::ReportPage(m));
    }
    case ReportFormat::kPdf: {
      auto bytes = s.report_files.Pdf(*report);
      if (!bytes.ok()) return Fail(r, bytes.error());
      res.content_type = "application/pdf";
      res.body = std::move(*bytes);
      res.headers.emplace_back("Content-Disposition", ContentDisposition(name + ".pdf", true));
      break;
    }
    case ReportFormat::kXlsx: {
      auto bytes = s.report_files.Xlsx(*report);
      if (!bytes.ok()) return Fail(r, bytes.error());
      res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      res.body = std::move(*bytes);
      res.headers.emplace_back("Content-Disposition", ContentDisposition(name + ".xlsx"));
      break;
    }
    case ReportFormat::kCsv:
      res.content_type = "text/csv; charset=utf-8";
      res.body = s.report_files.Csv(*report, in.separator);
      res.headers.emplace_back("Content-Disposition",
                               ContentDisposition(name + (in.separator == ';' ? "-semikolon" : "") + ".csv"));
      break;
  }
  // Editions with internal fields and drafts are only ever served to signed-in people,
  // whose answers the Site marks "private, no-store" (web/session.cpp).
  return res;
}

// The request as the cache knows it: only what the report depends on, in one order, so
// that unknown or reordered parameters neither multiply cache entries nor bypass them.
Request CacheKey(const Request& r, const Parsed& in) {
  Request key = r;
  key.query = "format=" + std::string(Slug(in.format)) + "&sep=" + std::string(1, in.separator) + "&version=" +
              PercentEncode(in.version) + "&committee=" + PercentEncode(in.committee) + "&month=" + PercentEncode(in.month) +
              "&" + in.filter_query;
  return key;
}

Response ShowReport(Services s, const Request& r, const Params& p) {
  Parsed in;
  if (auto bad = Parse(s, r, p, &in)) return *bad;
  return CachedByStamp(s, s.reports.Stamp(in.request.plan), CacheKey(r, in), [&] { return Render(s, r, in); });
}

// A committee's extract at the addresses people bookmark: of the live plan
// (/planer/{id}/udvalg/{code}, for those who read it) and of a published version
// (/planer/{id}/versioner/{vid}/udvalg/{code}, public). Both are the extract report.
Response Extract(Services s, const Request& r, const Params& p, std::optional<VersionId> version) {
  Params q = p;
  q["kind"] = "extract";
  Parsed in;
  if (auto bad = Parse(s, r, q, &in)) return *bad;
  if (version) {
    in.request.basis = ReportRequest::Basis::kVersion;
    in.request.version = *version;
    in.version = std::to_string(*version);
  } else {
    if (auto live = s.plans.LiveStamp(r.viewer, in.request.plan); !live.ok()) return Denied(r, live.error());
    in.request.basis = ReportRequest::Basis::kLive;
    in.version = "live";
  }
  in.request.committee = in.committee = p.at("code");
  return CachedByStamp(s, s.reports.Stamp(in.request.plan), CacheKey(r, in), [&] {
    Response res = Render(s, r, in);
    // An unknown committee in the address is a page that does not exist.
    if (res.status == 400) return HtmlError(404, "Udvalget findes ikke.");
    return res;
  });
}

Response ShowLiveExtract(Services s, const Request& r, const Params& p) { return Extract(s, r, p, std::nullopt); }

Response ShowVersionExtract(Services s, const Request& r, const Params& p) {
  VersionId vid;
  if (!ParseId(p, "vid", &vid)) return HtmlError(404, "Versionen findes ikke.");
  return Extract(s, r, p, vid);
}

Response ShowIndex(Services s, const Request& r, const Params& p) {
  PlanId plan = TRY_PAGE(PathId(p, "id", "Planen findes ikke."));
  // The list is as public as the plan's versions.
  PlanRead read = TRY_ALLOWED(r, s.plans.ReadPublished(r.viewer, plan));
  auto choices = s.reports.Choices(r.viewer, plan);
  if (!choices.ok()) return HtmlError(choices.error());
  return Response::Html(200, views::ReportsIndexPage(plan, read.ctx.plan.name(), *choices, read.caps.live));
}

// A report of a published version as a frozen attachment of an agenda item.
Response AttachReport(Services s, const Request& r, const Params& p) {
  int64_t item;
  if (!ParseId(p, "id", &item)) return HtmlError(404, "Punktet findes ikke.");
  FormData f;
  if (!FormData::Parse(r.body, &f)) return HtmlError(400, "Formularen kunne ikke læses (ugyldig kodning).");
  auto located = s.meetings.AgendaItemFor(r.viewer, item);
  if (!located.ok()) return Denied(r, located.error());
  ReportRequest req;
  auto kind = ParseReportKind(f.Get("art"));
  if (!kind) return HtmlError(400, "Ukendt rapport «" + text::Truncate(f.Get("art"), 30) + "». Vælg en af: " + ValidReportKinds() + ".");
  req.kind = *kind;
  std::string source = f.Get("kilde");
  size_t colon = source.find(':');
  Params ids{{"plan", source.substr(0, colon)}, {"version", colon == std::string::npos ? "" : source.substr(colon + 1)}};
  if (colon == std::string::npos || !ParseId(ids, "plan", &req.plan) || !ParseId(ids, "version", &req.version))
    return HtmlError(400, "Vælg den version, rapporten skal dannes af.");
  req.basis = ReportRequest::Basis::kVersion;
  req.committee = f.Get("udvalg");
  auto attached = s.report_attachments.Attach(r.viewer, item, req, f.Get("bilagstitel"), f.Get("bilagsnummer"),
                                              f.Get("bilag_lukket") == "1");
  if (!attached.ok()) {
    const Error& e = attached.error();
    if (e.code == ErrorCode::kPermissionDenied || (e.code == ErrorCode::kNotFound && e.fields.empty())) return Denied(r, e);
    return HtmlError(HttpStatus(e.code), e.fields.empty() ? e.message : e.fields.front().message);
  }
  return Response::Redirect("/moeder/" + std::to_string(located->meeting.id) + "?gemt=1#punkt-" +
                            std::to_string(located->item.position));
}

}  // namespace

void AddReportPages(Router& router, Services s) {
  router.Add("GET", "/planer/{id}/rapporter", Bind(s, ShowIndex));
  router.Add("GET", "/planer/{id}/rapporter/{kind}", Bind(s, ShowReport));
  router.Add("GET", "/planer/{id}/udvalg/{code}", Bind(s, ShowLiveExtract));
  router.Add("GET", "/planer/{id}/versioner/{vid}/udvalg/{code}", Bind(s, ShowVersionExtract));
  router.Add("GET", "/api/v1/plans/{id}/reports/{kind}", Bind(s, ShowReport));
  router.Add("POST", "/punkter/{id}/rapport-bilag", Bind(s, AttachReport));
}

}  // namespace bs::web
