#include "resolve/scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

namespace tafkik::resolve {
namespace {

constexpr double kFloor = 1e-6;

std::string Decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.9g", value);
  return text;
}

Result<double> ReadDecimal(const Json& value, const std::string& where) {
  if (!value.is_string()) return InvalidArgumentError(where + " is not a decimal string");
  const std::string& text = value.get_ref<const std::string&>();
  char* end = nullptr;
  double number = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(number) || number < 0 || number > 1) {
    return InvalidArgumentError(where + " '" + text + "' is not a probability");
  }
  return number;
}

std::vector<double> Normalised(std::vector<double> values) {
  double total = 0;
  for (double& value : values) {
    value = std::max(value, kFloor);
    total += value;
  }
  for (double& value : values) value /= total;
  return values;
}

}  // namespace

Model Model::Defaults() {
  Model model;
  auto set = [&](Field field, std::vector<double> m, std::vector<double> u) {
    model.fields[static_cast<int>(field)] = {Normalised(std::move(m)), Normalised(std::move(u))};
  };
  // Levels from "differ" up to "exact"; see docs/resolve.md for the reasons.
  set(Field::kName, {0.03, 0.07, 0.25, 0.65}, {0.97, 0.025, 0.004, 0.001});
  set(Field::kBirthDate, {0.05, 0.05, 0.10, 0.80}, {0.985, 0.012, 0.002, 0.0002});
  set(Field::kDocument, {0.10, 0.05, 0.85}, {0.9999, 0.00009, 0.00001});
  set(Field::kPhone, {0.30, 0.05, 0.65}, {0.9999, 0.00005, 0.00005});
  set(Field::kAccount, {0.40, 0.60}, {0.99999, 0.00001});
  set(Field::kAddress, {0.10, 0.15, 0.25, 0.50}, {0.90, 0.09, 0.009, 0.001});
  set(Field::kNationality, {0.10, 0.90}, {0.70, 0.30});
  // A workspace of some 10,000 persons with a few thousand duplicate pairs.
  model.lambda = 1e-4;
  return model;
}

double Model::Weight(Field field, int level) const {
  if (level == kMissing) return 0;
  const FieldModel& parameters = fields[static_cast<int>(field)];
  if (level >= static_cast<int>(parameters.m.size())) return 0;
  return std::log2(std::max(parameters.m[level], kFloor) / std::max(parameters.u[level], kFloor));
}

double Model::FieldWeight(const Comparison& comparison, Field field) const {
  const int level = comparison.levels[static_cast<int>(field)];
  const FieldModel& parameters = fields[static_cast<int>(field)];
  if (field == Field::kName && level == 3 && level < static_cast<int>(parameters.u.size()) &&
      comparison.name_frequency > parameters.u[level]) {
    return std::log2(std::max(parameters.m[level], kFloor) / comparison.name_frequency);
  }
  return Weight(field, level);
}

double Model::MatchWeight(const Comparison& comparison) const {
  double weight = std::log2(lambda / (1 - lambda));
  for (int field = 0; field < kFieldCount; ++field) {
    weight += FieldWeight(comparison, static_cast<Field>(field));
  }
  return weight;
}

double Model::Probability(double match_weight) { return 1.0 / (1.0 + std::exp2(-match_weight)); }

Json Model::ToJson() const {
  Json json = Json::object();
  json["lambda"] = Decimal(lambda);
  json["em_iterations"] = em_iterations;
  json["u_sample_pairs"] = u_sample_pairs;
  json["estimated"] = estimated;
  Json fields_json = Json::object();
  for (int field = 0; field < kFieldCount; ++field) {
    Json m = Json::array(), u = Json::array();
    for (double value : fields[field].m) m.push_back(Decimal(value));
    for (double value : fields[field].u) u.push_back(Decimal(value));
    fields_json[std::string(FieldName(static_cast<Field>(field)))] = {{"m", m}, {"u", u}};
  }
  json["fields"] = fields_json;
  return json;
}

Result<Model> Model::FromJson(const Json& json) {
  if (!json.is_object() || !json.contains("fields") || !json["fields"].is_object()) {
    return InvalidArgumentError("resolution model: no fields object");
  }
  Model model;
  TAFKIK_ASSIGN_OR_RETURN(model.lambda, ReadDecimal(json.value("lambda", Json()), "lambda"));
  model.em_iterations = json.value("em_iterations", 0);
  model.u_sample_pairs = json.value("u_sample_pairs", int64_t{0});
  model.estimated = json.value("estimated", false);
  for (int field = 0; field < kFieldCount; ++field) {
    const std::string name(FieldName(static_cast<Field>(field)));
    const Json& entry = json["fields"].value(name, Json());
    const size_t levels = LevelCount(static_cast<Field>(field));
    if (!entry.is_object() || !entry.value("m", Json()).is_array() ||
        !entry.value("u", Json()).is_array() || entry["m"].size() != levels ||
        entry["u"].size() != levels) {
      return InvalidArgumentError("resolution model: field '" + name + "' needs m and u with " +
                                  std::to_string(levels) + " levels");
    }
    for (size_t level = 0; level < levels; ++level) {
      const std::string where = name + ".m[" + std::to_string(level) + "]";
      TAFKIK_ASSIGN_OR_RETURN(double m, ReadDecimal(entry["m"][level], where));
      TAFKIK_ASSIGN_OR_RETURN(double u, ReadDecimal(entry["u"][level], name + ".u"));
      model.fields[field].m.push_back(m);
      model.fields[field].u.push_back(u);
    }
  }
  if (model.lambda <= 0 || model.lambda >= 1) {
    return InvalidArgumentError("resolution model: lambda must be strictly between 0 and 1");
  }
  return model;
}

void EstimateU(const std::vector<PreparedRecord>& records, const TokenFrequencies* frequencies,
               const EstimationOptions& options, Model& model) {
  const uint64_t count = records.size();
  if (count < 2) return;
  std::array<std::vector<double>, kFieldCount> tallies;
  for (int field = 0; field < kFieldCount; ++field) {
    tallies[field].assign(LevelCount(static_cast<Field>(field)), 1.0);  // Laplace smoothing
  }
  auto tally = [&](size_t left, size_t right) {
    Comparison comparison = Compare(records[left], records[right], frequencies);
    for (int field = 0; field < kFieldCount; ++field) {
      if (comparison.levels[field] != kMissing) tallies[field][comparison.levels[field]] += 1;
    }
  };
  const uint64_t all_pairs = count * (count - 1) / 2;
  if (all_pairs <= static_cast<uint64_t>(options.u_sample_pairs)) {
    for (size_t left = 0; left < count; ++left) {
      for (size_t right = left + 1; right < count; ++right) tally(left, right);
    }
    model.u_sample_pairs = static_cast<int64_t>(all_pairs);
  } else {
    std::mt19937_64 random(options.seed);
    std::uniform_int_distribution<uint64_t> pick(0, count - 1);
    for (int64_t sample = 0; sample < options.u_sample_pairs; ++sample) {
      uint64_t left = pick(random), right = pick(random);
      if (left == right) continue;
      tally(left, right);
    }
    model.u_sample_pairs = options.u_sample_pairs;
  }
  for (int field = 0; field < kFieldCount; ++field) {
    model.fields[field].u = Normalised(tallies[field]);
  }
}

namespace {

using Patterns = std::map<std::array<int8_t, kFieldCount>, int64_t>;

// EM over `patterns` with u fixed; `ignored` (a field every pattern agrees on exactly, the
// session's training rule) takes no part. Updates m of the other fields and lambda.
void RunEm(const Patterns& patterns, int ignored, int iterations, Model& model) {
  double total = 0;
  for (const auto& [levels, count] : patterns) total += count;
  for (int iteration = 0; iteration < iterations; ++iteration) {
    std::array<std::vector<double>, kFieldCount> expected_m;
    for (int field = 0; field < kFieldCount; ++field) {
      expected_m[field].assign(LevelCount(static_cast<Field>(field)), 0.01);
    }
    double expected_matches = 0;
    for (const auto& [levels, count] : patterns) {
      Comparison comparison;
      comparison.levels = levels;
      if (ignored >= 0) comparison.levels[ignored] = kMissing;
      const double probability = Model::Probability(model.MatchWeight(comparison));
      expected_matches += probability * count;
      for (int field = 0; field < kFieldCount; ++field) {
        if (comparison.levels[field] != kMissing) {
          expected_m[field][comparison.levels[field]] += probability * count;
        }
      }
    }
    const double previous_lambda = model.lambda;
    model.lambda = std::clamp(expected_matches / total, 1e-6, 1 - 1e-6);
    for (int field = 0; field < kFieldCount; ++field) {
      if (field != ignored) model.fields[field].m = Normalised(expected_m[field]);
    }
    model.em_iterations += 1;
    if (std::abs(model.lambda - previous_lambda) < 1e-7) break;
  }
}

// Lambda alone, m and u fixed.
void EstimateLambda(const Patterns& patterns, int iterations, Model& model) {
  double total = 0;
  for (const auto& [levels, count] : patterns) total += count;
  for (int iteration = 0; iteration < iterations; ++iteration) {
    double expected_matches = 0;
    for (const auto& [levels, count] : patterns) {
      Comparison comparison;
      comparison.levels = levels;
      expected_matches += Model::Probability(model.MatchWeight(comparison)) * count;
    }
    model.lambda = std::clamp(expected_matches / total, 1e-6, 1 - 1e-6);
  }
}

}  // namespace

void EstimateM(const std::vector<Comparison>& comparisons, const EstimationOptions& options,
               size_t record_count, Model& model) {
  Patterns all;
  for (const Comparison& comparison : comparisons) ++all[comparison.levels];
  if (all.empty()) return;
  // Training sessions as in Splink: each takes the pairs that agree exactly on one field
  // and estimates the other fields' m from them. Pairs that agree on nothing but that field
  // (the same date of birth, nothing else) are then plainly non-matches, instead of pulling
  // a global EM towards a class of "matches" that differ on everything else.
  std::array<std::vector<double>, kFieldCount> sums;
  std::array<int, kFieldCount> sessions_per_field{};
  model.em_iterations = 0;
  for (Field rule : {Field::kName, Field::kBirthDate, Field::kDocument}) {
    const int rule_idx = static_cast<int>(rule);
    const int8_t exact = static_cast<int8_t>(LevelCount(rule) - 1);
    Patterns session;
    int64_t pairs = 0;
    for (const auto& [levels, count] : all) {
      if (levels[rule_idx] != exact) continue;
      session[levels] = count;
      pairs += count;
    }
    if (pairs < options.min_session_pairs) continue;
    Model trained = model;
    trained.lambda = 0.1;  // among candidates, not over all pairs
    RunEm(session, rule_idx, options.em_iterations, trained);
    model.em_iterations += trained.em_iterations - model.em_iterations;
    for (int field = 0; field < kFieldCount; ++field) {
      if (field == rule_idx) continue;
      if (sums[field].empty()) sums[field].assign(trained.fields[field].m.size(), 0.0);
      for (size_t level = 0; level < sums[field].size(); ++level) {
        sums[field][level] += trained.fields[field].m[level];
      }
      ++sessions_per_field[field];
    }
  }
  bool any_session = false;
  for (int field = 0; field < kFieldCount; ++field) {
    if (sessions_per_field[field] == 0) continue;
    any_session = true;
    model.fields[field].m = Normalised(sums[field]);
  }
  model.lambda = 0.1;
  if (!any_session) {
    RunEm(all, -1, options.em_iterations, model);  // too little to train by sessions
  }
  EstimateLambda(all, options.em_iterations, model);
  // Lambda among the candidates -> over all pairs: the expected number of matches stays.
  double expected_matches = 0;
  for (const auto& [levels, count] : all) {
    Comparison comparison;
    comparison.levels = levels;
    expected_matches += Model::Probability(model.MatchWeight(comparison)) * count;
  }
  const double all_pairs = 0.5 * static_cast<double>(record_count) * (record_count - 1.0);
  if (all_pairs > 0) {
    model.lambda = std::clamp(expected_matches / all_pairs, 1e-12, 1 - 1e-6);
  }
  model.estimated = true;
}

}  // namespace tafkik::resolve
