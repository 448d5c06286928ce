#include "casefile/internal/json_fields.h"

namespace tafkik::casefile::internal {

Result<std::string> OptionalString(const Json& body, const char* field) {
  auto found = body.find(field);
  if (found == body.end() || found->is_null()) return std::string();
  if (!found->is_string()) return DataLossError(std::string("field '") + field + "' is not text");
  return found->get<std::string>();
}

Result<std::string> RequiredString(const Json& body, const char* field) {
  TAFKIK_ASSIGN_OR_RETURN(std::string value, OptionalString(body, field));
  if (value.empty()) return DataLossError(std::string("field '") + field + "' is missing");
  return value;
}

Result<std::vector<std::string>> StringList(const Json& body, const char* field) {
  std::vector<std::string> values;
  auto found = body.find(field);
  if (found == body.end() || found->is_null()) return values;
  if (!found->is_array()) return DataLossError(std::string("field '") + field + "' is not a list");
  for (const Json& value : *found) {
    if (!value.is_string()) {
      return DataLossError(std::string("field '") + field + "' holds a value that is not text");
    }
    values.push_back(value.get<std::string>());
  }
  return values;
}

Result<Timestamp> RequiredTime(const Json& body, const char* field) {
  TAFKIK_ASSIGN_OR_RETURN(std::string text, RequiredString(body, field));
  Result<Timestamp> parsed = ParseTimestamp(text);
  if (!parsed.ok()) {
    return DataLossError(std::string("field '") + field + "': " + parsed.status().message());
  }
  return *parsed;
}

Json StringArray(const std::vector<std::string>& values) {
  Json array = Json::array();
  for (const std::string& value : values) array.push_back(value);
  return array;
}

}  // namespace tafkik::casefile::internal
