// The opening every handler shares (issue 12): the id in the path and the posted form as
// Results, and TRY_PAGE/TRY_JSON, which turn an error into the handler's answer (the
// status chosen by errors.cpp, the one place). In a handler:
//   int64_t id = TRY_PAGE(PathId(p, "id", "Mødet findes ikke."));
//   FormData form = TRY_PAGE(ReadForm(r));
#pragma once

#include <string>

#include "core/result.h"
#include "web/errors.h"
#include "web/form.h"
#include "web/http.h"
#include "web/router.h"

namespace bs::web {

// The path parameter `name` as an id (digits only, > 0); otherwise NotFound with
// `not_found_message` (a wrong id is a page that does not exist).
Result<int64_t> PathId(const Params& params, const char* name, const std::string& not_found_message);
// The url-encoded body of a POST; InvalidArgument "Formularen kunne ikke læses (ugyldig
// kodning)." (400) when it does not decode.
Result<FormData> ReadForm(const Request& request);

}  // namespace bs::web

// TRY_PAGE(expr): evaluates a Result; on error returns HtmlError(error) from the handler,
// otherwise yields the value. TRY_JSON the same with JsonError, for the API.
#define BS_TRY_RESPOND(expr, respond)                               \
  ({                                                                \
    auto BS_CONCAT(_answer_, __LINE__) = (expr);                    \
    if (!BS_CONCAT(_answer_, __LINE__).ok())                        \
      return respond(BS_CONCAT(_answer_, __LINE__).error());        \
    std::move(BS_CONCAT(_answer_, __LINE__)).value();               \
  })
#define TRY_PAGE(expr) BS_TRY_RESPOND(expr, ::bs::web::HtmlError)
#define TRY_JSON(expr) BS_TRY_RESPOND(expr, ::bs::web::JsonError)
