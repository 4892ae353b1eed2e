#include "web/errors.h"

#include <nlohmann/json.hpp>

#include "web/form.h"
#include "web/views/layout.h"

namespace bs::web {
namespace {
const char* CodeName(ErrorCode c) {
  switch (c) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kUnsupportedMediaType: return "unsupported_media_type";
    case ErrorCode::kPreconditionRequired: return "precondition_required";
    case ErrorCode::kTooManyRequests: return "too_many_requests";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}
const char* Title(int status) {
  switch (status) {
    case 400: return "Fejl i forespørgslen";
    case 403: return "Ingen adgang";
    case 404: return "Siden findes ikke";
    case 405: return "Metoden er ikke tilladt";
    case 409: return "Konflikt";
    case 413: return "For store data";
    case 415: return "Forkert indholdstype";
    case 428: return "Version mangler";
    case 429: return "For mange forsøg";
    case 503: return "Prøv igen om lidt";
    default: return "Der opstod en fejl";
  }
}
}  // namespace

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kAlreadyExists: return 409;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kUnsupportedMediaType: return 415;
    case ErrorCode::kPreconditionRequired: return 428;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response JsonError(const Error& e) {
  nlohmann::json j;
  j["error"]["code"] = CodeName(e.code);
  j["error"]["message"] = e.code == ErrorCode::kInternal ? "Der opstod en intern fejl." : e.message;
  auto fields = nlohmann::json::array();
  for (const auto& f : e.fields) fields.push_back({{"field", f.field}, {"message", f.message}});
  j["error"]["fields"] = fields;
  return Response::Json(HttpStatus(e.code), j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response JsonError(int status, const std::string& message) {
  ErrorCode code = status == 404 ? ErrorCode::kNotFound : status == 413 ? ErrorCode::kTooLarge
                 : status == 428 ? ErrorCode::kPreconditionRequired
                 : status == 415 ? ErrorCode::kUnsupportedMediaType
                 : status == 403 ? ErrorCode::kPermissionDenied : status == 429 ? ErrorCode::kTooManyRequests : status >= 500 ? ErrorCode::kInternal
                 : ErrorCode::kInvalidArgument;
  Response r = JsonError(Error{code, message, {}});
  r.status = status;
  return r;
}

Response HtmlError(const Error& e) {
  return HtmlError(HttpStatus(e.code), e.code == ErrorCode::kInternal ? "Der opstod en intern fejl. Prøv igen, og kontakt support hvis det gentager sig." : e.message);
}

Response HtmlError(int status, const std::string& message) {
  Html h;
  views::PageStart(h, Title(status), {});
  h.Raw("<h1>").Text(Title(status)).Raw("</h1><p class=\"error-message\">").Text(message).Raw("</p>");
  h.Raw("<p><a href=\"/\">Til forsiden</a></p>");
  // The server writes the request's id into the slot; quoted to support, it finds the
  // request in the access log.
  h.Raw("<p class=\"request-id\">Fejlens id: <code>\x01R</code> (oplys det, hvis du kontakter support).</p>");
  views::PageEnd(h);
  return Response::Html(status, h.Take());
}

}  // namespace bs::web

namespace bs::web {

Response SignInRequired(const std::string& next, const std::string& message) {
  Html h;
  views::PageStart(h, "Log ind for at se siden", {});
  h.Raw("<h1>Log ind for at se siden</h1><p class=\"error-message\">").Text(message).Raw("</p>");
  h.Raw("<p><a class=\"button\" href=\"/log-ind?next=").Text(PercentEncode(next)).Raw("\">Log ind</a></p>");
  h.Raw("<p><a href=\"/planer\">Se de offentliggjorte planer</a></p>");
  views::PageEnd(h);
  return Response::Html(403, h.Take());
}

}  // namespace bs::web
