// Fellegi-Sunter scoring. Each field level has an m probability (how often true matches
// show it) and a u probability (how often non-matches do); a pair's match weight is
// log2(lambda / (1 - lambda)) + sum over compared fields of log2(m / u), and its match
// probability is 2^w / (1 + 2^w). Missing fields add nothing.
//
// Estimation follows Splink: u from comparisons of random record pairs (nearly all of which
// are non-matches), then m and lambda by expectation-maximisation over the blocked pairs
// with u held fixed. EM runs over the distinct comparison patterns with their counts, so
// its cost does not grow with the number of pairs. Thread-compatible.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "resolve/comparators.h"

namespace tafkik::resolve {

struct FieldModel {
  std::vector<double> m;  // per level
  std::vector<double> u;  // per level
};

struct Model {
  std::array<FieldModel, kFieldCount> fields;
  double lambda = 0.001;  // share of matches among the pairs scored
  int em_iterations = 0;  // run; 0 for the documented defaults
  int64_t u_sample_pairs = 0;
  bool estimated = false;

  // Documented default weights, used when estimation is switched off or the data is too
  // small to estimate from (docs/resolve.md explains each value).
  static Model Defaults();

  // log2(m / u) of `field` at `level`; 0 for kMissing.
  double Weight(Field field, int level) const;
  // Weight(field, level) of one comparison, with the term-frequency adjustment: an exact
  // name shared by a larger share of the records than u says uses that share as u (a
  // common full name counts for less; a rare one never for more than the model says).
  double FieldWeight(const Comparison& comparison, Field field) const;
  double MatchWeight(const Comparison& comparison) const;
  static double Probability(double match_weight);

  // Numbers are written as decimal strings: canonical JSON (record bodies, audit) refuses
  // floating-point values.
  Json ToJson() const;
  static Result<Model> FromJson(const Json& json);
};

struct EstimationOptions {
  int64_t u_sample_pairs = 200'000;  // default 200,000 random pairs (all pairs if fewer)
  int em_iterations = 25;            // default 25 per session; stops when lambda settles
  int64_t min_session_pairs = 20;    // default 20: a training session needs this many pairs
  uint64_t seed = 20260501;          // the random pair sample is reproducible
};

// Sets every field's u from random pairs of `records`.
void EstimateU(const std::vector<PreparedRecord>& records, const TokenFrequencies* frequencies,
               const EstimationOptions& options, Model& model);

// Sets m and lambda by EM over `comparisons` (u fixed), in training sessions as Splink
// does: the pairs agreeing exactly on the name, then on the date of birth, then on the
// document each train the other fields' m; each field's m is the mean over its sessions;
// lambda is then fitted over all pairs. Falls back to one EM over all pairs when no session
// has min_session_pairs pairs. Lambda is fitted among the candidates, then spread over all
// pairs: lambda = expected matches / (N(N-1)/2).
// `record_count` turns the expected matches among the candidate pairs into lambda over all
// N(N-1)/2 pairs.
void EstimateM(const std::vector<Comparison>& comparisons, const EstimationOptions& options,
               size_t record_count, Model& model);

}  // namespace tafkik::resolve
