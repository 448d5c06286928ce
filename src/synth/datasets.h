// The fictional source datasets the generator pretends its records came from, and the
// provenance stamped on every value: dataset name, a SHA-256 standing in for the source
// file's hash, the 1-based row in that file, user "generator". Not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/entity.h"
#include "synth/names.h"

namespace tafkik::synth::internal {

enum class Dataset : uint8_t {
  kPoliceRegister,   // police arrest and hearing records, names in Arabic script
  kMtoExport,        // money transfer operator export, names in capitals
  kBankStatement,    // bank statements obtained by requisition
  kMobileMoney,      // mobile money operator export
  kHawalaLedger,     // a seized hawaladar's notebook, transcribed
  kPhoneExtraction,  // contacts and identifiers extracted from seized handsets
  kBorderPolice,     // border and coast guard records (passports, interceptions)
  kNgoScreening,     // victim screening interviews by an NGO
  kSurveillanceLog,  // physical surveillance reports (meetings)
  kVehicleRegister,  // vehicle registration authority
  kCompanyRegister,  // commercial register
  kGazetteer,        // the analyst's place list
  kCdrMa,            // call detail records and subscriber data of one operator per country
  kCdrEg,
  kCdrLy,
  kCdrTn,
  kCdrNe,
  kCount,
};

std::string_view DatasetName(Dataset dataset);
// The operator dataset holding records of SIMs of `country`; kCdrMa.. for ma/eg/ly/tn/ne,
// and for other countries the operator of `fallback`.
Dataset CdrDataset(std::string_view country, std::string_view fallback);
// How the source writes person names.
NameStyle StyleOf(Dataset dataset);

class ProvenanceStamp {
 public:
  explicit ProvenanceStamp(uint64_t seed);
  // The provenance of the next row of `dataset` (rows count from 1 per dataset).
  model::Provenance Next(Dataset dataset, std::string evidence_id = "");
  int64_t rows(Dataset dataset) const { return rows_[static_cast<size_t>(dataset)]; }

 private:
  std::array<std::string, static_cast<size_t>(Dataset::kCount)> file_hashes_;
  std::array<int64_t, static_cast<size_t>(Dataset::kCount)> rows_{};
};

}  // namespace tafkik::synth::internal
