// JSON for the API: items and plans out, drafts in. Field names match the form's.
#pragma once

#include <nlohmann/json.hpp>

#include "app/plan_register.h"
#include "web/http.h"
#include "web/json_writer.h"

namespace bs::web {

// An item as the API shows it. WriteItemJson streams it (the list's hot path);
// ItemJsonText is that text and ItemToJson the same document as a tree, for callers
// that add to it.
void WriteItemJson(JsonWriter& w, const PlanContext& ctx, const PlanItem& item);
std::string ItemJsonText(const PlanContext& ctx, const PlanItem& item);
nlohmann::json ItemToJson(const PlanContext& ctx, const PlanItem& item);
nlohmann::json PlanToJson(const PlanContext& ctx);

// Parses a request body as a JSON object, at most 64 levels deep; the error says
// where it broke ("ved tegn 17").
Result<nlohmann::json> ParseJsonObject(const std::string& body);

// The one rule for every JSON endpoint's body (issue 15 #10): Content-Type must be
// application/json (parameters such as charset allowed, any case), else 415 with
// `what` in the message ("Send <what> som application/json."); then ParseJsonObject.
bool IsJsonMediaType(std::string_view content_type);
Result<nlohmann::json> ReadJsonObject(const Request& r, std::string_view what = "indholdet");

// Applies the fields present in `j` onto `draft` (absent fields keep their value).
// Read-only fields of ItemToJson are ignored so that GET output can be sent back.
// Wrong types and unknown fields become field errors. Reads "revision" if present.
Status ApplyJsonToDraft(const nlohmann::json& j, ItemDraft& draft, int64_t* revision);

// Reads {"2025": -500, "2026": "-1.000,5", ...} into year -> Danish amount text; a null
// year is skipped. Errors name the field "<prefix><year>". The shared reading of the
// item's "amounts" and a status update's "realised".
void ReadAmountsJson(const nlohmann::json& v, const std::string& prefix, std::map<std::string, std::string>* out,
                     std::vector<FieldError>* errors);

// If-Match: "7" or W/"7" sets *revision; "*" sets *any. False for anything else.
bool ParseIfMatch(const std::string& header, int64_t* revision, bool* any);

// The revision an edit (restore, status update) is based on: If-Match "N" gives N, and
// "If-Match: *" the item's current revision. PreconditionRequired (428) without
// If-Match, InvalidArgument (400) when it is not a revision.
// With `any` given, "If-Match: *" sets it (and answers the current revision).
Result<int64_t> BaseRevision(const Request& request, const PlanItem& current, bool* any = nullptr);

// The item as JSON with its revision as ETag.
Response ItemResponse(int status, const PlanContext& ctx, const PlanItem& item);
Response JsonResponse(int status, const nlohmann::json& j);

}  // namespace bs::web
