#include "resolve/internal/name_variants.h"

#include "core/text.h"

namespace tafkik::resolve::internal {
namespace {

bool HasArabic(std::string_view text) {
  // Arabic letters are two-byte UTF-8 sequences starting 0xD8..0xDB.
  for (unsigned char c : text) {
    if (c >= 0xD8 && c <= 0xDB) return true;
  }
  return false;
}

void AddLine(const std::string& line, NameVariants& table) {
  std::vector<std::string> columns = Split(line, '\t');
  if (columns.size() != 4) return;
  const std::string& canonical = columns[0];
  const bool divine = columns[1] == "divine";
  auto& latin = divine ? table.divine_latin : table.given_latin;
  auto& arabic = divine ? table.divine_arabic : table.given_arabic;
  for (const std::string& form : Split(columns[2], ' ')) {
    if (form.empty()) continue;
    // Folded exactly as tokens are folded, so that lookups compare like with like.
    std::string folded = FoldArabicForm(form);
    if (!folded.empty()) arabic.emplace(folded, canonical);
  }
  for (const std::string& form : Split(columns[3], ' ')) {
    if (!form.empty() && !HasArabic(form)) latin.emplace(form, canonical);
  }
}

}  // namespace

const NameVariants& Variants() {
  static const NameVariants table = [] {
    NameVariants built;
    for (const std::string& line : Split(NameVariantsTsv(), '\n')) {
      if (line.empty() || line[0] == '#') continue;
      AddLine(line, built);
    }
    return built;
  }();
  return table;
}

}  // namespace tafkik::resolve::internal
