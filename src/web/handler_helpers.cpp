#include "web/handler_helpers.h"

#include "web/routes.h"

namespace bs::web {

Result<int64_t> PathId(const Params& params, const char* name, const std::string& not_found_message) {
  int64_t id = 0;
  if (!ParseId(params, name, &id)) return NotFound(not_found_message);
  return id;
}

Result<FormData> ReadForm(const Request& request) {
  FormData form;
  if (!FormData::Parse(request.body, &form)) return InvalidArgument("Formularen kunne ikke læses (ugyldig kodning).");
  return form;
}

}  // namespace bs::web
