#include "resolve/similarity.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

namespace tafkik::resolve {

double Jaro(std::string_view left, std::string_view right) {
  if (left.empty() || right.empty()) return 0.0;
  if (left == right) return 1.0;
  const int left_size = static_cast<int>(left.size());
  const int right_size = static_cast<int>(right.size());
  const int window = std::max(0, std::max(left_size, right_size) / 2 - 1);
  // Names are short; fixed buffers avoid allocation in the hot loop of a million records.
  std::array<bool, 64> left_small{};
  std::array<bool, 64> right_small{};
  std::vector<bool> left_large;
  std::vector<bool> right_large;
  const bool small = left_size <= 64 && right_size <= 64;
  if (!small) {
    left_large.assign(left_size, false);
    right_large.assign(right_size, false);
  }
  auto left_matched = [&](int at) -> bool { return small ? left_small[at] : left_large[at]; };
  auto right_matched = [&](int at) -> bool { return small ? right_small[at] : right_large[at]; };
  auto set_left = [&](int at) { small ? (left_small[at] = true) : (left_large[at] = true); };
  auto set_right = [&](int at) { small ? (right_small[at] = true) : (right_large[at] = true); };

  int matches = 0;
  for (int left_at = 0; left_at < left_size; ++left_at) {
    const int from = std::max(0, left_at - window);
    const int to = std::min(right_size - 1, left_at + window);
    for (int right_at = from; right_at <= to; ++right_at) {
      if (right_matched(right_at) || left[left_at] != right[right_at]) continue;
      set_left(left_at);
      set_right(right_at);
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  int transpositions = 0;
  int right_at = 0;
  for (int left_at = 0; left_at < left_size; ++left_at) {
    if (!left_matched(left_at)) continue;
    while (!right_matched(right_at)) ++right_at;
    if (left[left_at] != right[right_at]) ++transpositions;
    ++right_at;
  }
  const double m = matches;
  return (m / left_size + m / right_size + (m - transpositions / 2.0) / m) / 3.0;
}

double JaroWinkler(std::string_view left, std::string_view right) {
  const double jaro = Jaro(left, right);
  size_t prefix = 0;
  const size_t limit = std::min<size_t>({4, left.size(), right.size()});
  while (prefix < limit && left[prefix] == right[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

int BoundedLevenshtein(std::string_view left, std::string_view right, int limit) {
  const int left_size = static_cast<int>(left.size());
  const int right_size = static_cast<int>(right.size());
  if (std::abs(left_size - right_size) > limit) return limit + 1;
  std::vector<int> previous(right_size + 1);
  std::vector<int> current(right_size + 1);
  for (int at = 0; at <= right_size; ++at) previous[at] = at;
  for (int left_at = 1; left_at <= left_size; ++left_at) {
    current[0] = left_at;
    int row_best = current[0];
    for (int right_at = 1; right_at <= right_size; ++right_at) {
      const int substitution =
          previous[right_at - 1] + (left[left_at - 1] == right[right_at - 1] ? 0 : 1);
      current[right_at] =
          std::min({previous[right_at] + 1, current[right_at - 1] + 1, substitution});
      row_best = std::min(row_best, current[right_at]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(previous, current);
  }
  return std::min(previous[right_size], limit + 1);
}

bool IsAdjacentTransposition(std::string_view left, std::string_view right) {
  if (left.size() != right.size() || left.size() < 2) return false;
  size_t first = 0;
  while (first < left.size() && left[first] == right[first]) ++first;
  if (first + 1 >= left.size()) return false;
  if (left[first] != right[first + 1] || left[first + 1] != right[first]) return false;
  return left.substr(first + 2) == right.substr(first + 2);
}

}  // namespace tafkik::resolve
