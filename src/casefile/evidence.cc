#include "casefile/evidence.h"

#include <array>
#include <utility>

#include "casefile/elements.h"
#include "casefile/investigation.h"
#include "casefile/internal/enum_names.h"
#include "casefile/internal/json_fields.h"
#include "core/ids.h"
#include "core/text.h"

namespace tafkik::casefile {
namespace {

using internal::NameOf;
using internal::NameTable;
using internal::OptionalString;
using internal::ParseName;
using internal::RequiredString;
using internal::StringList;

constexpr NameTable<EvidenceType, 3> kTypeNames = {{
    {EvidenceType::kPhysical, "physical"},
    {EvidenceType::kDocumentary, "documentary"},
    {EvidenceType::kDigital, "digital"},
}};

constexpr NameTable<LegalBasis, 5> kBasisNames = {{
    {LegalBasis::kWarrant, "warrant"},
    {LegalBasis::kProsecutor, "prosecutor"},
    {LegalBasis::kConsent, "consent"},
    {LegalBasis::kFlagrante, "flagrante"},
    {LegalBasis::kCourtOrder, "court_order"},
}};

bool IsLowerHex64(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Status Missing(const EvidenceItem& item, std::string_view field, std::string_view what) {
  std::string who = item.number.empty() ? "evidence item" : "evidence item " + item.number;
  return InvalidArgumentError(who + ": " + std::string(field) + " is missing (" +
                              std::string(what) + ")");
}

Status ValidateRequiredText(const EvidenceItem& item) {
  if (Trim(item.description).empty()) return Missing(item, "description", "what it is");
  if (Trim(item.collected_by).empty()) return Missing(item, "collected_by", "who collected it");
  if (item.collected_at.micros() == 0) return Missing(item, "collected_at", "when");
  if (Trim(item.place).empty()) return Missing(item, "place", "where it was collected");
  for (const std::string* text : {&item.description, &item.collected_by, &item.place,
                                  &item.legal_reference, &item.seal, &item.file_name}) {
    if (!IsValidUtf8(*text)) return InvalidArgumentError("evidence item: text is not UTF-8");
  }
  return Status::Ok();
}

Status ValidateKindSpecific(const EvidenceItem& item) {
  if (item.type == EvidenceType::kDigital && !IsLowerHex64(item.sha256)) {
    return InvalidArgumentError("digital evidence item: sha256 must be 64 lower-case hex digits");
  }
  if (item.type != EvidenceType::kDigital && !item.sha256.empty()) {
    return InvalidArgumentError("evidence item: only digital items carry a file (sha256)");
  }
  if (item.type == EvidenceType::kPhysical && Trim(item.seal).empty()) {
    return Missing(item, "seal", "a physical item is sealed at seizure");
  }
  bool needs_reference = item.legal_basis == LegalBasis::kWarrant ||
                         item.legal_basis == LegalBasis::kProsecutor ||
                         item.legal_basis == LegalBasis::kCourtOrder;
  if (needs_reference && Trim(item.legal_reference).empty()) {
    return Missing(item, "legal_reference",
                   "the number of the " + std::string(LegalBasisName(item.legal_basis)) +
                       " it was collected under");
  }
  return Status::Ok();
}

}  // namespace

std::string_view EvidenceTypeName(EvidenceType type) { return NameOf(kTypeNames, type); }
std::string_view LegalBasisName(LegalBasis basis) { return NameOf(kBasisNames, basis); }

Result<EvidenceType> ParseEvidenceType(std::string_view name) {
  return ParseName(kTypeNames, name, "evidence type");
}

Result<LegalBasis> ParseLegalBasis(std::string_view name) {
  return ParseName(kBasisNames, name, "legal basis");
}

Status ValidateEvidence(const EvidenceItem& item) {
  TAFKIK_RETURN_IF_ERROR(ValidateRequiredText(item));
  TAFKIK_RETURN_IF_ERROR(ValidateKindSpecific(item));
  for (const std::string& entity : item.entities) {
    if (!IsValidEntityId(entity)) {
      return InvalidArgumentError("evidence item: '" + entity + "' is not an entity id");
    }
  }
  for (const std::string& element : item.elements) {
    if (!IsKnownElement(element)) {
      return InvalidArgumentError("evidence item: element '" + element +
                                  "' is not one of: " + KnownElementList());
    }
  }
  return Status::Ok();
}

std::string EvidenceRecordId(std::string_view case_reference, int number) {
  return CaseItemId(case_reference, 'E', number);
}

Json ToJson(const FileMetadata& metadata) {
  Json body = Json::object();
  auto put = [&body](const char* field, const std::string& value) {
    if (!value.empty()) body[field] = value;
  };
  put("mime_type", metadata.mime_type);
  put("description", metadata.description);
  body["size"] = metadata.size;
  put("exif_time", metadata.exif_time);
  put("exif_camera", metadata.exif_camera);
  put("gps_latitude", metadata.gps_latitude);
  put("gps_longitude", metadata.gps_longitude);
  put("pdf_title", metadata.pdf_title);
  put("pdf_author", metadata.pdf_author);
  put("pdf_creator", metadata.pdf_creator);
  put("pdf_producer", metadata.pdf_producer);
  put("pdf_created", metadata.pdf_created);
  if (metadata.pdf_pages > 0) body["pdf_pages"] = metadata.pdf_pages;
  put("pdf_text", metadata.pdf_text);
  if (!metadata.warnings.empty()) body["warnings"] = internal::StringArray(metadata.warnings);
  return body;
}

FileMetadata FileMetadataFromJson(const Json& body) {
  FileMetadata metadata;
  if (!body.is_object()) return metadata;
  auto get = [&body](const char* field) {
    auto found = body.find(field);
    return found != body.end() && found->is_string() ? found->get<std::string>() : "";
  };
  metadata.mime_type = get("mime_type");
  metadata.description = get("description");
  metadata.size = body.value("size", int64_t{0});
  metadata.exif_time = get("exif_time");
  metadata.exif_camera = get("exif_camera");
  metadata.gps_latitude = get("gps_latitude");
  metadata.gps_longitude = get("gps_longitude");
  metadata.pdf_title = get("pdf_title");
  metadata.pdf_author = get("pdf_author");
  metadata.pdf_creator = get("pdf_creator");
  metadata.pdf_producer = get("pdf_producer");
  metadata.pdf_created = get("pdf_created");
  metadata.pdf_pages = body.value("pdf_pages", int64_t{0});
  metadata.pdf_text = get("pdf_text");
  if (body.contains("warnings") && body["warnings"].is_array()) {
    for (const Json& warning : body["warnings"]) {
      if (warning.is_string()) metadata.warnings.push_back(warning.get<std::string>());
    }
  }
  return metadata;
}

Json ToJson(const EvidenceItem& item) {
  Json body{{"id", item.id},
            {"number", item.number},
            {"case", item.case_reference},
            {"type", EvidenceTypeName(item.type)},
            {"description", item.description},
            {"collected_by", item.collected_by},
            {"collected_at", FormatTimestamp(item.collected_at)},
            {"place", item.place},
            {"legal_basis", LegalBasisName(item.legal_basis)},
            {"legal_reference", item.legal_reference},
            {"seal", item.seal},
            {"entities", internal::StringArray(item.entities)},
            {"elements", internal::StringArray(item.elements)}};
  if (item.type == EvidenceType::kDigital) {
    body["sha256"] = item.sha256;
    body["file_name"] = item.file_name;
    body["metadata"] = ToJson(item.metadata);
  }
  if (item.integrity) {
    body["integrity"] = Json{{"status", "altered"},
                             {"detected", item.integrity->detected},
                             {"actual_sha256", item.integrity->actual_sha256},
                             {"reason", item.integrity->reason}};
  }
  return body;
}

Result<EvidenceItem> EvidenceFromJson(const Json& body) {
  if (!body.is_object()) return DataLossError("evidence body is not a JSON object");
  EvidenceItem item;
  TAFKIK_ASSIGN_OR_RETURN(item.id, RequiredString(body, "id"));
  auto fail = [&item](const Status& status) { return status.WithContext("evidence " + item.id); };
  auto read = [&](std::string& target, const char* field, bool required) -> Status {
    Result<std::string> value =
        required ? RequiredString(body, field) : OptionalString(body, field);
    if (!value.ok()) return fail(value.status());
    target = *value;
    return Status::Ok();
  };
  TAFKIK_RETURN_IF_ERROR(read(item.number, "number", true));
  TAFKIK_RETURN_IF_ERROR(read(item.case_reference, "case", false));
  std::string type, basis;
  TAFKIK_RETURN_IF_ERROR(read(type, "type", true));
  TAFKIK_RETURN_IF_ERROR(read(basis, "legal_basis", true));
  Result<EvidenceType> parsed_type = ParseEvidenceType(type);
  Result<LegalBasis> parsed_basis = ParseLegalBasis(basis);
  if (!parsed_type.ok()) return fail(DataLossError(parsed_type.status().message()));
  if (!parsed_basis.ok()) return fail(DataLossError(parsed_basis.status().message()));
  item.type = *parsed_type;
  item.legal_basis = *parsed_basis;
  TAFKIK_RETURN_IF_ERROR(read(item.description, "description", true));
  TAFKIK_RETURN_IF_ERROR(read(item.collected_by, "collected_by", true));
  TAFKIK_RETURN_IF_ERROR(read(item.place, "place", true));
  TAFKIK_RETURN_IF_ERROR(read(item.legal_reference, "legal_reference", false));
  TAFKIK_RETURN_IF_ERROR(read(item.seal, "seal", false));
  TAFKIK_RETURN_IF_ERROR(read(item.sha256, "sha256", false));
  TAFKIK_RETURN_IF_ERROR(read(item.file_name, "file_name", false));
  Result<Timestamp> collected = internal::RequiredTime(body, "collected_at");
  if (!collected.ok()) return fail(collected.status());
  item.collected_at = *collected;
  Result<std::vector<std::string>> entities = StringList(body, "entities");
  Result<std::vector<std::string>> elements = StringList(body, "elements");
  if (!entities.ok()) return fail(entities.status());
  if (!elements.ok()) return fail(elements.status());
  item.entities = *entities;
  item.elements = *elements;
  if (body.contains("metadata")) item.metadata = FileMetadataFromJson(body["metadata"]);
  if (body.contains("integrity") && body["integrity"].is_object()) {
    const Json& flag = body["integrity"];
    item.integrity = IntegrityFlag{flag.value("detected", ""), flag.value("actual_sha256", ""),
                                   flag.value("reason", "")};
  }
  return item;
}

}  // namespace tafkik::casefile
