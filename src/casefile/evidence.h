// The evidence register: physical, documentary and digital items of a case with who collected
// them, when, where, on what legal basis and under which seal; digital items carry the SHA-256
// of their file (kept in the workspace's blob store) and the metadata read from it. Plain
// values and pure functions (no I/O). Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "core/time.h"

namespace tafkik::casefile {

// Record kind of evidence items (model/record.h).
inline constexpr char kEvidenceKind[] = "evidence";

enum class EvidenceType { kPhysical, kDocumentary, kDigital };
// warrant (a judge's search or seizure warrant), prosecutor (the prosecutor's written
// authorisation or requisition), consent (of the holder), flagrante (flagrante delicto
// powers of the judicial police), court_order (an investigating judge's order).
enum class LegalBasis { kWarrant, kProsecutor, kConsent, kFlagrante, kCourtOrder };

// "physical", "documentary", "digital"; "warrant", "prosecutor", "consent", "flagrante",
// "court_order". Parse* return InvalidArgument listing the accepted names.
std::string_view EvidenceTypeName(EvidenceType type);
std::string_view LegalBasisName(LegalBasis basis);
Result<EvidenceType> ParseEvidenceType(std::string_view name);
Result<LegalBasis> ParseLegalBasis(std::string_view name);

// What could be read from a digital item's bytes (metadata.h). Empty fields: not present.
struct FileMetadata {
  std::string mime_type;     // libmagic: "image/jpeg"
  std::string description;   // libmagic: "JPEG image data, Exif standard ..."
  int64_t size = 0;          // bytes
  std::string exif_time;     // EXIF DateTimeOriginal as written by the camera (no zone)
  std::string exif_camera;   // "Make Model"
  std::string gps_latitude;  // decimal degrees as text, 6 decimals, "-" for south
  std::string gps_longitude;
  std::string pdf_title;
  std::string pdf_author;
  std::string pdf_creator;
  std::string pdf_producer;
  std::string pdf_created;   // ISO 8601 UTC when the PDF states it
  int64_t pdf_pages = 0;
  std::string pdf_text;      // the first kPdfTextLimit bytes of the text (valid UTF-8)
  std::vector<std::string> warnings;  // what could not be read and why
};

inline constexpr size_t kPdfTextLimit = 4000;

// What the store holds when a digital item's bytes no longer match its hash.
struct IntegrityFlag {
  std::string detected;      // ISO time of the check that found it
  std::string actual_sha256; // what the stored bytes hash to now ("" when missing)
  std::string reason;        // the verification message
};

struct EvidenceItem {
  std::string id;              // record id: "<case>:E<n>" (case reference with '/' as '_')
  std::string number;          // "E<n>", the number within the case
  std::string case_reference;
  EvidenceType type = EvidenceType::kDocumentary;
  std::string description;     // what it is
  std::string collected_by;    // officer who collected or seized it
  Timestamp collected_at;      // when
  std::string place;           // where
  LegalBasis legal_basis = LegalBasis::kWarrant;
  std::string legal_reference; // warrant or authorisation number; "" when none (consent)
  std::string seal;            // seal number; required for physical items
  std::string sha256;          // digital items: SHA-256 of the file; "" otherwise
  std::string file_name;       // digital items: the file's name at intake
  FileMetadata metadata;       // digital items
  std::vector<std::string> entities;  // linked entity ids (suspects, victims, phones, ...)
  std::vector<std::string> elements;  // legal elements it supports ("tip.means"; elements.h)
  std::optional<IntegrityFlag> integrity;  // set once its bytes were found changed
};

// InvalidArgument naming the first missing or bad field: description, collected_by, place,
// collected_at (unset), sha256 (required for digital items, 64 lower-case hex digits, and
// not allowed on others), seal (required for physical items), legal_reference (required
// for warrant, prosecutor and court_order), an entity id that is not valid, an element
// that is not known (elements.h).
Status ValidateEvidence(const EvidenceItem& item);

// "<case reference with '/' replaced by '_'>:E<number>".
std::string EvidenceRecordId(std::string_view case_reference, int number);

Json ToJson(const EvidenceItem& item);
// DataLoss naming the field when a stored body is not an evidence item.
Result<EvidenceItem> EvidenceFromJson(const Json& body);

Json ToJson(const FileMetadata& metadata);
FileMetadata FileMetadataFromJson(const Json& body);

}  // namespace tafkik::casefile
