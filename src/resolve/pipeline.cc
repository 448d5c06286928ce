#include "resolve/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <thread>

namespace tafkik::resolve {
namespace {

const std::set<std::string>& OptionalPasses() {
  static const std::set<std::string> passes = {"frequencies", "block", "estimate", "cluster"};
  return passes;
}

const std::set<std::string>& MandatoryPasses() {
  static const std::set<std::string> passes = {"normalise", "compare", "score"};
  return passes;
}

// Runs work(begin, end) over [0, count) split into `threads` contiguous ranges.
void ParallelFor(size_t count, int threads,
                 const std::function<void(size_t begin, size_t end)>& work) {
  if (threads <= 1 || count < 1000) {
    work(0, count);
    return;
  }
  std::vector<std::thread> workers;
  const size_t chunk = (count + threads - 1) / threads;
  for (int thread_idx = 0; thread_idx < threads; ++thread_idx) {
    const size_t begin = std::min(count, thread_idx * chunk);
    const size_t end = std::min(count, begin + chunk);
    if (begin < end) workers.emplace_back(work, begin, end);
  }
  for (std::thread& worker : workers) worker.join();
}

class Timer {
 public:
  Timer() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

std::string Signed(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%+.1f", value);
  return text;
}

std::string Decimal(double value, const char* format) {
  char text[32];
  std::snprintf(text, sizeof(text), format, value);
  return text;
}

}  // namespace

Json Explanation::ToJson() const {
  Json fields_json = Json::array();
  for (const FieldEvidence& evidence : fields) {
    Json entry = {{"field", std::string(FieldName(evidence.field))},
                  {"level", std::string(LevelName(evidence.field, evidence.level))},
                  {"weight", Decimal(evidence.weight, "%.2f")}};
    if (evidence.level != kMissing) {
      entry["left"] = evidence.values.left;
      entry["right"] = evidence.values.right;
    }
    fields_json.push_back(std::move(entry));
  }
  Json tokens = Json::array();
  for (const TokenMatch& match : names.matches) {
    tokens.push_back({{"left", match.left},
                      {"right", match.right},
                      {"similarity", Decimal(match.similarity, "%.3f")},
                      {"weight", Decimal(match.weight, "%.2f")}});
  }
  return Json{{"probability", Decimal(probability, "%.6f")},
              {"match_weight", Decimal(weight, "%.2f")},
              {"name_score", Decimal(names.score, "%.3f")},
              {"fields", fields_json},
              {"name_tokens", tokens}};
}

std::string Explanation::Summary() const {
  std::string summary;
  for (const FieldEvidence& evidence : fields) {
    if (evidence.level == kMissing) continue;
    if (!summary.empty()) summary += ", ";
    summary += std::string(FieldName(evidence.field)) + " " +
               std::string(LevelName(evidence.field, evidence.level)) + " (" +
               Signed(evidence.weight) + ")";
  }
  return summary.empty() ? "nothing to compare" : summary;
}

Explanation Explain(const PreparedRecord& left, const PreparedRecord& right, const Model& model,
                    const TokenFrequencies* frequencies) {
  Explanation explanation;
  const Comparison comparison = Compare(left, right, frequencies);
  const auto values = BestValues(left, right, frequencies, &explanation.names);
  for (int field = 0; field < kFieldCount; ++field) {
    FieldEvidence evidence;
    evidence.field = static_cast<Field>(field);
    evidence.level = comparison.levels[field];
    evidence.weight = model.FieldWeight(comparison, evidence.field);
    evidence.values = values[field];
    explanation.fields.push_back(std::move(evidence));
  }
  explanation.weight = model.MatchWeight(comparison);
  explanation.probability = Model::Probability(explanation.weight);
  return explanation;
}

Pipeline::Pipeline(const std::vector<PersonRecord>& records, PipelineOptions options)
    : records_(records), options_(std::move(options)) {}

int Pipeline::Threads() const {
  if (options_.threads > 0) return options_.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

Status Pipeline::CheckOptions() const {
  for (const std::string& pass : options_.skip) {
    if (MandatoryPasses().count(pass)) {
      return InvalidArgumentError("pass '" + pass + "' cannot be switched off");
    }
    if (!OptionalPasses().count(pass)) {
      return InvalidArgumentError("no pass named '" + pass +
                                  "' (optional passes: frequencies, block, estimate, cluster)");
    }
  }
  if (!Enabled("block") && records_.size() > kMaxUnblockedRecords) {
    return InvalidArgumentError("blocking can be switched off for at most " +
                                std::to_string(kMaxUnblockedRecords) + " records, not " +
                                std::to_string(records_.size()));
  }
  return Status::Ok();
}

Result<PipelineResult> Pipeline::Run() {
  TAFKIK_RETURN_IF_ERROR(CheckOptions());
  PipelineResult result;
  Timer total;
  auto pass = [&](const std::string& name, bool enabled, const std::function<int64_t()>& body) {
    PassReport report{name, enabled, 0, 0};
    if (enabled) {
      Timer timer;
      report.items = body();
      report.seconds = timer.Seconds();
    }
    result.passes.push_back(report);
  };

  pass("normalise", true, [&] {
    prepared_.assign(records_.size(), PreparedRecord());
    ParallelFor(records_.size(), Threads(), [&](size_t begin, size_t end) {
      for (size_t at = begin; at < end; ++at) prepared_[at] = Prepare(records_[at]);
    });
    return static_cast<int64_t>(prepared_.size());
  });

  use_frequencies_ = Enabled("frequencies");
  pass("frequencies", use_frequencies_, [&] {
    frequencies_ = TokenFrequencies();
    for (const PreparedRecord& record : prepared_) frequencies_.Add(record);
    frequencies_.Finish();
    ParallelFor(prepared_.size(), Threads(), [&](size_t begin, size_t end) {
      for (size_t at = begin; at < end; ++at) frequencies_.Apply(prepared_[at]);
    });
    return static_cast<int64_t>(prepared_.size());
  });
  const TokenFrequencies* frequencies = use_frequencies_ ? &frequencies_ : nullptr;

  if (Enabled("block")) {
    pass("block", true, [&] {
      result.blocking = Block(prepared_, options_.blocking, use_frequencies_);
      return static_cast<int64_t>(result.blocking.pairs.size());
    });
  } else {
    pass("block", false, [] { return int64_t{0}; });
    result.blocking = AllPairs(prepared_.size());
  }

  std::vector<Comparison> comparisons;
  pass("compare", true, [&] {
    const auto& pairs = result.blocking.pairs;
    comparisons.resize(pairs.size());
    ParallelFor(pairs.size(), Threads(), [&](size_t begin, size_t end) {
      for (size_t at = begin; at < end; ++at) {
        comparisons[at] =
            Compare(prepared_[PairLeft(pairs[at])], prepared_[PairRight(pairs[at])], frequencies);
      }
    });
    return static_cast<int64_t>(comparisons.size());
  });
  result.compared_pairs = static_cast<int64_t>(comparisons.size());

  result.model = Model::Defaults();
  pass("estimate", Enabled("estimate"), [&] {
    // Too few records say nothing reliable about m and u: the documented defaults stay.
    if (prepared_.size() < kMinRecordsToEstimate) return int64_t{0};
    EstimateU(prepared_, frequencies, options_.estimation, result.model);
    EstimateM(comparisons, options_.estimation, prepared_.size(), result.model);
    return static_cast<int64_t>(result.model.em_iterations);
  });

  std::vector<ScoredPair> scored;
  pass("score", true, [&] {
    const auto& pairs = result.blocking.pairs;
    scored.reserve(pairs.size());
    for (size_t at = 0; at < pairs.size(); ++at) {
      const double weight = result.model.MatchWeight(comparisons[at]);
      const double probability = Model::Probability(weight);
      scored.push_back({PairLeft(pairs[at]), PairRight(pairs[at]), probability});
      if (probability < options_.review_threshold) continue;
      result.candidates.push_back(
          {PairLeft(pairs[at]), PairRight(pairs[at]), comparisons[at], weight, probability});
    }
    std::sort(result.candidates.begin(), result.candidates.end(),
              [](const CandidatePair& a, const CandidatePair& b) {
                if (a.probability != b.probability) return a.probability > b.probability;
                return a.left != b.left ? a.left < b.left : a.right < b.right;
              });
    return static_cast<int64_t>(result.candidates.size());
  });
  result.blocking.pairs.clear();
  result.blocking.pairs.shrink_to_fit();

  pass("cluster", Enabled("cluster"), [&] {
    result.clusters = Cluster(prepared_.size(), scored, options_.clustering);
    return static_cast<int64_t>(result.clusters.clusters.size());
  });
  result.seconds = total.Seconds();
  return result;
}

Explanation Pipeline::ExplainPair(uint32_t left, uint32_t right, const Model& model) const {
  return Explain(prepared_[left], prepared_[right], model,
                 use_frequencies_ ? &frequencies_ : nullptr);
}

}  // namespace tafkik::resolve
