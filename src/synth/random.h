// A small deterministic pseudo-random generator (xoshiro256** seeded through splitmix64).
// The standard library's distributions are not used anywhere in synth: their output differs
// between standard libraries, and the generator promises the same bytes everywhere for a seed.
// Value type; not thread-safe (each user owns its Rng).
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace tafkik::synth::internal {

// One step of splitmix64: a good 64-bit mixer, used to seed and to derive sub-streams.
uint64_t SplitMix64(uint64_t& state);

// Mixes any number of 64-bit words into one (for deriving per-unit / per-day streams).
uint64_t MixKeys(std::initializer_list<uint64_t> keys);

class Rng {
 public:
  explicit Rng(uint64_t seed);
  // An independent stream for a purpose named by `keys` (e.g. {kCalls, unit, day}): the same
  // keys always give the same stream, whatever else was drawn before.
  Rng Fork(std::initializer_list<uint64_t> keys) const;

  uint64_t Next();
  // Uniform in [0, bound). REQUIRES: bound > 0. Unbiased (Lemire's multiply-and-reject).
  uint64_t Below(uint64_t bound);
  // Uniform in [low, high]. REQUIRES: low <= high.
  int64_t Between(int64_t low, int64_t high);
  // True with probability per_mille / 1000.
  bool Chance(int per_mille);
  // A uniformly chosen element. REQUIRES: !items.empty().
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  template <typename T, size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[Below(N)];
  }
  // An index drawn with probability proportional to weights[index]. REQUIRES: a positive sum.
  size_t Weighted(const std::vector<uint32_t>& weights);
  // A string of `count` decimal digits.
  std::string Digits(int count);

 private:
  std::array<uint64_t, 4> state_;
  uint64_t seed_;  // the seed this stream was made from, so Fork does not depend on draws
};

}  // namespace tafkik::synth::internal
