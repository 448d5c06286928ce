// The resolution pipeline: one driver runs the passes in order, times each, and lets the
// caller switch the optional ones off:
//   normalise    names, dates, documents, phones, accounts, addresses (always)
//   frequencies  name-token frequencies: common names count for less      (optional)
//   block        candidate pairs from several blocking keys; off = every pair, allowed up to
//                kMaxUnblockedRecords records                                (optional)
//   compare      comparison vectors of the candidate pairs (always)
//   estimate     u from random pairs, m and lambda by EM; off, or fewer records than
//                kMinRecordsToEstimate = Model::Defaults                     (optional)
//   score        match weight and probability of every pair (always)
//   cluster      groups of records, with the weak-chain check                (optional)
// Construct with the records and options, Run(), read the result. Work is split over
// `threads` threads in normalise, compare and estimate. Not thread-safe itself.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "resolve/blocking.h"
#include "resolve/clustering.h"
#include "resolve/comparators.h"
#include "resolve/scoring.h"

namespace tafkik::resolve {

inline constexpr size_t kMaxUnblockedRecords = 5000;
inline constexpr size_t kMinRecordsToEstimate = 500;

struct PipelineOptions {
  std::set<std::string> skip;     // default none: pass names to switch off (see above)
  double review_threshold = 0.5;  // default 0.5: pairs kept in the result from here up
  BlockingOptions blocking;
  EstimationOptions estimation;
  ClusterOptions clustering;  // link_threshold 0.9 is the operating threshold
  int threads = 0;            // default 0: std::thread::hardware_concurrency()
};

struct PassReport {
  std::string name;
  bool ran = false;
  double seconds = 0;
  int64_t items = 0;  // what the pass produced: records, pairs, patterns, clusters
};

struct CandidatePair {
  uint32_t left = 0;
  uint32_t right = 0;
  Comparison comparison;
  double weight = 0;
  double probability = 0;
};

struct PipelineResult {
  std::vector<PassReport> passes;
  Model model;
  std::vector<CandidatePair> candidates;  // probability >= review_threshold, best first
  ClusterResult clusters;                 // empty when the cluster pass is off
  int64_t compared_pairs = 0;
  BlockingResult blocking;  // pairs emptied after compare; counts kept
  double seconds = 0;
};

// Why two records were (or were not) taken for one person.
struct FieldEvidence {
  Field field = Field::kName;
  int level = kMissing;
  double weight = 0;  // log2(m / u) added by this field
  FieldValues values;
};

struct Explanation {
  double weight = 0;
  double probability = 0;
  std::vector<FieldEvidence> fields;  // every field, in Field order
  NameComparison names;               // which tokens were aligned, and how well
  Json ToJson() const;
  // "name exact (+9.1), birth_date typo (+4.2), document differ (-6.3)": compared fields only.
  std::string Summary() const;
};

Explanation Explain(const PreparedRecord& left, const PreparedRecord& right, const Model& model,
                    const TokenFrequencies* frequencies);

class Pipeline {
 public:
  // `records` is borrowed and must outlive the pipeline.
  Pipeline(const std::vector<PersonRecord>& records, PipelineOptions options);

  // InvalidArgument for an unknown pass name in `skip`, a mandatory pass in it, or block
  // switched off over more than kMaxUnblockedRecords records.
  Result<PipelineResult> Run();

  // REQUIRES: Run() succeeded. The explanation of any pair of records (indexes).
  Explanation ExplainPair(uint32_t left, uint32_t right, const Model& model) const;

  const std::vector<PreparedRecord>& prepared() const { return prepared_; }

 private:
  Status CheckOptions() const;
  bool Enabled(const std::string& pass) const { return !options_.skip.count(pass); }
  int Threads() const;

  // Constant after construction.
  const std::vector<PersonRecord>& records_;
  const PipelineOptions options_;
  // Filled by Run().
  std::vector<PreparedRecord> prepared_;
  TokenFrequencies frequencies_;
  bool use_frequencies_ = false;
};

}  // namespace tafkik::resolve
