// String similarity measures used by the comparators: Jaro-Winkler and a bounded Levenshtein
// distance. They work on bytes, which is exact for the ASCII keys the name normaliser makes
// and a fair approximation for other UTF-8 text. Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace tafkik::resolve {

// Jaro similarity in [0, 1]; 1 for equal strings, 0 when either is empty.
double Jaro(std::string_view left, std::string_view right);

// Jaro-Winkler with the usual prefix scale 0.1 over at most 4 common leading characters.
double JaroWinkler(std::string_view left, std::string_view right);

// Levenshtein distance, or `limit + 1` as soon as it is known to exceed `limit`.
// O(|left| * min(|right|, 2 * limit + 1)).
int BoundedLevenshtein(std::string_view left, std::string_view right, int limit);

// True when `left` becomes `right` by swapping one pair of adjacent characters.
bool IsAdjacentTransposition(std::string_view left, std::string_view right);

}  // namespace tafkik::resolve
