// The variant list data/resolve/name_variants.tsv, compiled in (CMake writes its text into
// a generated source), parsed once into lookup tables. Private to resolve/. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace tafkik::resolve::internal {

struct NameVariants {
  // spelling -> canonical name; Arabic spellings folded as NormalizeName folds tokens.
  std::unordered_map<std::string, std::string> given_latin;
  std::unordered_map<std::string, std::string> given_arabic;
  std::unordered_map<std::string, std::string> divine_latin;
  std::unordered_map<std::string, std::string> divine_arabic;
};

// The raw TSV text.
std::string_view NameVariantsTsv();

// An Arabic-script spelling folded as NormalizeName folds Arabic tokens: NameKey, then the
// hamza carriers (ؤ -> و, ئ -> ي) folded and lone hamza and spaces dropped. Defined in
// names.cc.
std::string FoldArabicForm(std::string_view form);

// The parsed table (built on first use).
const NameVariants& Variants();

}  // namespace tafkik::resolve::internal
