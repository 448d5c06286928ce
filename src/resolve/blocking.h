// Blocking: which pairs of records are worth comparing. Several keys per record, so that a
// typo in one field does not lose a pair (a name typo is caught by the document, phone or
// date key, a date typo by the name-pair key):
//   name pair    two token identities of one name, sorted (any order of tokens)
//   name + year  each token identity with each year of birth (when token weights are set:
//                only tokens of weight >= 0.5, i.e. in at most 1% of records, as a common
//                given name with a year makes a block of thousands)
//   date + initial  full date of birth with the first consonant of each token
//   document, phone (last 9 digits), account: each value
// Keys are hashed to 64 bits. A block larger than max_block_size is skipped (counted in the
// report): such a key (a very common name with a common year) says too little to be worth
// its quadratic cost; other keys still bring its true pairs together.
// O(K log K + P) for K keys and P pairs emitted. Thread-compatible.
#pragma once

#include <cstdint>
#include <vector>

#include "resolve/comparators.h"

namespace tafkik::resolve {

struct BlockingOptions {
  int max_block_size = 200;  // default 200 records: at most 19,900 pairs per block
};

struct BlockingResult {
  std::vector<uint64_t> pairs;  // (left << 32) | right, left < right, sorted, unique
  int64_t keys = 0;
  int64_t blocks = 0;           // blocks of two or more records
  int64_t skipped_blocks = 0;   // larger than max_block_size
  int64_t skipped_records = 0;  // summed sizes of the skipped blocks
};

// Keys of one record (hashes), duplicates removed.
std::vector<uint64_t> BlockingKeys(const PreparedRecord& record, bool use_weights = false);

// Candidate pairs of `records` (indexes into it). REQUIRES: fewer than 2^32 records.
BlockingResult Block(const std::vector<PreparedRecord>& records, const BlockingOptions& options,
                     bool use_weights = false);

// Every pair (no blocking): for small inputs and for measuring what blocking loses.
BlockingResult AllPairs(size_t record_count);

inline uint64_t PairKey(uint32_t left, uint32_t right) {
  return (static_cast<uint64_t>(left) << 32) | right;
}
inline uint32_t PairLeft(uint64_t pair) { return static_cast<uint32_t>(pair >> 32); }
inline uint32_t PairRight(uint64_t pair) { return static_cast<uint32_t>(pair); }

}  // namespace tafkik::resolve
