// Where every importer (mapping profiles over CSV/XLSX, Cellebrite UFDR, exchange formats)
// sends what it reads: entities, relations, rejected rows, and evidence files. The import
// driver implements it over one store WriteTransaction, so a whole file lands in one
// transaction with one audit event — or, if the import is killed, not at all.
// Entities must arrive before the relations that refer to them. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "model/entity.h"

namespace tafkik::model {

// One problem with one row: the good rows still land; these go to the reject report.
struct Reject {
  int64_t row = 0;       // 1-based data row (or XML element ordinal for UFDR), 0 for the file
  std::string column;    // column or field name; "" when the whole row is bad
  std::string value;     // the raw value (truncated to 200 bytes)
  std::string reason;    // why, in words an investigator understands
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual Status OnEntity(const Entity& entity) = 0;
  virtual Status OnRelation(const Relation& relation) = 0;
  virtual void OnReject(const Reject& reject) = 0;
  // An evidence file (a UFDR attachment) already stored content-addressed: its SHA-256 and
  // the name it had in the source. The driver records it with the import.
  virtual Status OnEvidenceFile(const std::string& sha256, const std::string& source_name) = 0;
};

}  // namespace tafkik::model
