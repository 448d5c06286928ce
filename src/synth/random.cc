#include "synth/random.h"

namespace tafkik::synth::internal {

uint64_t SplitMix64(uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t MixKeys(std::initializer_list<uint64_t> keys) {
  uint64_t state = 0x5a17c0de5eed1234ULL;
  uint64_t mixed = 0;
  for (uint64_t key : keys) {
    state ^= key;
    mixed = SplitMix64(state);
  }
  return mixed;
}

Rng::Rng(uint64_t seed) : seed_(seed) {
  uint64_t state = seed;
  for (uint64_t& word : state_) word = SplitMix64(state);
}

Rng Rng::Fork(std::initializer_list<uint64_t> keys) const {
  uint64_t mixed = seed_;
  for (uint64_t key : keys) mixed = MixKeys({mixed, key});
  return Rng(mixed);
}

static uint64_t RotateLeft(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t Rng::Next() {
  const uint64_t result = RotateLeft(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = RotateLeft(state_[3], 45);
  return result;
}

uint64_t Rng::Below(uint64_t bound) {
  // Lemire: the high word of a 128-bit product, rejecting the few low words that would bias.
  unsigned __int128 product = static_cast<unsigned __int128>(Next()) * bound;
  uint64_t low = static_cast<uint64_t>(product);
  if (low < bound) {
    const uint64_t threshold = -bound % bound;
    while (low < threshold) {
      product = static_cast<unsigned __int128>(Next()) * bound;
      low = static_cast<uint64_t>(product);
    }
  }
  return static_cast<uint64_t>(product >> 64);
}

int64_t Rng::Between(int64_t low, int64_t high) {
  const uint64_t span = static_cast<uint64_t>(high - low) + 1;
  if (span == 0) return static_cast<int64_t>(Next());  // the whole 64-bit range
  return low + static_cast<int64_t>(Below(span));
}

bool Rng::Chance(int per_mille) { return static_cast<int>(Below(1000)) < per_mille; }

size_t Rng::Weighted(const std::vector<uint32_t>& weights) {
  uint64_t total = 0;
  for (uint32_t weight : weights) total += weight;
  uint64_t draw = Below(total);
  for (size_t index = 0; index < weights.size(); ++index) {
    if (draw < weights[index]) return index;
    draw -= weights[index];
  }
  return weights.size() - 1;  // unreachable when the sum is positive
}

std::string Rng::Digits(int count) {
  std::string digits(static_cast<size_t>(count), '0');
  for (char& digit : digits) digit = static_cast<char>('0' + Below(10));
  return digits;
}

}  // namespace tafkik::synth::internal
