#include "casefile/labels.h"

#include "casefile/labels_data.h"
#include "core/json.h"

namespace tafkik::casefile {

Result<Labels> Labels::ForLanguage(std::string_view lang) {
  if (lang != "en" && lang != "fr" && lang != "ar") {
    return InvalidArgumentError("report language '" + std::string(lang) +
                                "' is not one of: ar, fr, en");
  }
  TAFKIK_ASSIGN_OR_RETURN(Json all, ParseJson(internal::kLabelsJson));
  Labels labels;
  labels.lang_ = std::string(lang);
  for (const auto& [key, translations] : all.items()) {
    auto found = translations.find(labels.lang_);
    if (found != translations.end() && found->is_string()) {
      labels.labels_[key] = found->get<std::string>();
    }
  }
  return labels;
}

std::string Labels::Get(const std::string& key) const {
  auto found = labels_.find(key);
  return found == labels_.end() ? key : found->second;
}

}  // namespace tafkik::casefile
