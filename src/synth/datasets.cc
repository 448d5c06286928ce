#include "synth/datasets.h"

#include <utility>

#include "core/hash.h"

namespace tafkik::synth::internal {
namespace {

constexpr std::string_view kNames[] = {
    "police-register",  "mto-export",     "bank-statement",  "mobile-money",     "hawala-ledger",
    "phone-extraction", "border-police",  "ngo-screening",   "surveillance-log", "vehicle-register",
    "company-register", "gazetteer",      "cdr-operator-ma", "cdr-operator-eg",  "cdr-operator-ly",
    "cdr-operator-tn",  "cdr-operator-ne"};
static_assert(std::size(kNames) == static_cast<size_t>(Dataset::kCount));

}  // namespace

std::string_view DatasetName(Dataset dataset) { return kNames[static_cast<size_t>(dataset)]; }

Dataset CdrDataset(std::string_view country, std::string_view fallback) {
  static constexpr std::pair<std::string_view, Dataset> kOperators[] = {{"ma", Dataset::kCdrMa},
                                                                        {"eg", Dataset::kCdrEg},
                                                                        {"ly", Dataset::kCdrLy},
                                                                        {"tn", Dataset::kCdrTn},
                                                                        {"ne", Dataset::kCdrNe}};
  for (const auto& [code, dataset] : kOperators) {
    if (code == country) return dataset;
  }
  for (const auto& [code, dataset] : kOperators) {
    if (code == fallback) return dataset;
  }
  return Dataset::kCdrMa;
}

NameStyle StyleOf(Dataset dataset) {
  switch (dataset) {
    case Dataset::kPoliceRegister:
    case Dataset::kHawalaLedger:
      return NameStyle::kArabic;
    case Dataset::kBankStatement:
    case Dataset::kNgoScreening:
    case Dataset::kSurveillanceLog:
    case Dataset::kCompanyRegister:
      return NameStyle::kTitle;
    default:
      return NameStyle::kAdminUpper;
  }
}

ProvenanceStamp::ProvenanceStamp(uint64_t seed) {
  // A stand-in for the hash of the source file: fixed per dataset and seed.
  for (size_t index = 0; index < file_hashes_.size(); ++index) {
    file_hashes_[index] =
        Sha256Hex("synthetic:" + std::string(kNames[index]) + ":" + std::to_string(seed));
  }
}

model::Provenance ProvenanceStamp::Next(Dataset dataset, std::string evidence_id) {
  const size_t index = static_cast<size_t>(dataset);
  model::Provenance provenance;
  provenance.dataset = std::string(kNames[index]);
  provenance.source_sha256 = file_hashes_[index];
  provenance.row = ++rows_[index];
  provenance.evidence_id = std::move(evidence_id);
  provenance.user = "generator";
  return provenance;
}

}  // namespace tafkik::synth::internal
