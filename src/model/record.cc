#include "model/record.h"

#include "core/ids.h"
#include "core/text.h"

namespace tafkik::model {
namespace {

bool IsKindChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '.' || c == ':' || c == '-';
}

bool IsValidKind(const std::string& kind) {
  if (kind.empty() || kind.size() > 64 || kind[0] < 'a' || kind[0] > 'z') return false;
  for (char c : kind) {
    if (!IsKindChar(c)) return false;
  }
  return true;
}

bool IsValidRecordId(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (!IsIdChar(c)) return false;
  }
  return true;
}

bool IsValidCaseReference(const std::string& reference) {
  if (reference.empty() || reference.size() > 64) return false;
  for (char c : reference) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Status ValidateRecord(const Record& record) {
  if (!IsValidKind(record.kind)) {
    return InvalidArgumentError("record kind '" + record.kind +
                                "' is not [a-z][a-z0-9_.]{0,63}");
  }
  const std::string where = "record " + record.kind + "/" + record.id + ": ";
  if (!IsValidRecordId(record.id)) {
    return InvalidArgumentError("record " + record.kind + ": id '" + record.id +
                                "' is not [A-Za-z0-9_.:-]{1,128}");
  }
  if (!record.body.is_object()) return InvalidArgumentError(where + "body is not a JSON object");
  if (!record.subject.empty() && !IsValidEntityId(record.subject)) {
    return InvalidArgumentError(where + "subject '" + record.subject +
                                "' is not a valid entity id");
  }
  if (!record.case_reference.empty() && !IsValidCaseReference(record.case_reference)) {
    return InvalidArgumentError(where + "case reference '" + record.case_reference +
                                "' is not [A-Za-z0-9/_.-]{1,64}");
  }
  return Status::Ok();
}

}  // namespace tafkik::model
