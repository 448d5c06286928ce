// Stable names of the catalogue enums (catalogue.h).
#include <array>
#include <string>

#include "screening/catalogue.h"
#include "core/text.h"
#include "screening/internal/parse_name.h"

namespace tafkik::screening {
namespace {

using internal::ParseName;


constexpr std::array<std::string_view, 3> kStrengthNames = {"strong", "medium", "weak"};
constexpr std::array<std::string_view, kDimensionCount> kDimensionNames = {
    "deceptive_recruitment",   "coercive_recruitment",    "recruitment_vulnerability",
    "exploitative_conditions", "coercion_at_destination", "vulnerability_at_destination"};
constexpr std::array<std::string_view, kIloListCount> kListNames = {
    "adult_labour", "adult_sexual", "child_labour", "child_sexual"};
constexpr std::array<std::string_view, 8> kGroupNames = {
    "act", "means", "purpose", "consent", "som_act", "som_benefit", "som_aggravating", "fact"};
constexpr std::array<std::string_view, 4> kFormNames = {"labour", "sexual", "domestic_servitude",
                                                        "other"};

}  // namespace

const std::string& Text::In(std::string_view language) const {
  if (language == "fr") return fr;
  if (language == "ar") return ar;
  return en;
}

std::string_view StrengthName(Strength strength) {
  return kStrengthNames[static_cast<size_t>(strength)];
}
std::string_view DimensionName(Dimension dimension) {
  return kDimensionNames[static_cast<size_t>(dimension)];
}
std::string_view IloListName(IloList list) { return kListNames[static_cast<size_t>(list)]; }
std::string_view ElementGroupName(ElementGroup group) {
  return kGroupNames[static_cast<size_t>(group)];
}
std::string_view FormName(Form form) { return kFormNames[static_cast<size_t>(form)]; }

Result<Strength> ParseStrength(std::string_view name) {
  return ParseName<Strength>("strength", name, kStrengthNames);
}
Result<Dimension> ParseDimension(std::string_view name) {
  return ParseName<Dimension>("ILO dimension", name, kDimensionNames);
}
Result<IloList> ParseIloList(std::string_view name) {
  return ParseName<IloList>("ILO list", name, kListNames);
}
Result<ElementGroup> ParseElementGroup(std::string_view name) {
  return ParseName<ElementGroup>("element group", name, kGroupNames);
}
Result<Form> ParseForm(std::string_view name) { return ParseName<Form>("form", name, kFormNames); }

}  // namespace tafkik::screening
