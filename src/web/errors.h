// Error -> HTTP status, in exactly one place (STYLE.md habit 5), and the error bodies
// people see: a Danish HTML page or a JSON object. Internal errors never show details.
#pragma once

#include "core/result.h"
#include "web/http.h"

namespace bs::web {

int HttpStatus(ErrorCode code);
// {"error": {"code": "...", "message": "...", "fields": [{"field","message"}]}}
Response JsonError(const Error& error);
Response JsonError(int status, const std::string& message);
// A page in the site's layout with the message and a way back.
Response HtmlError(const Error& error);
Response HtmlError(int status, const std::string& message);
// 403 for the public: the message, and a link to sign in that comes back to `next`.
Response SignInRequired(const std::string& next, const std::string& message);

}  // namespace bs::web
