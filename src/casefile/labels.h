// Report labels in Arabic, French and English (data/report/labels.json, compiled in), using
// the official terms of ../shared/GLOSSARY.md. Thread-safe after construction.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"

namespace tafkik::casefile {

class Labels {
 public:
  // The labels of `lang` ("en", "fr", "ar"); InvalidArgument for another language.
  static Result<Labels> ForLanguage(std::string_view lang);

  // The label of `key`; the key itself when missing (a visible, never silent gap).
  std::string Get(const std::string& key) const;
  const std::string& lang() const { return lang_; }
  bool right_to_left() const { return lang_ == "ar"; }

 private:
  std::string lang_;
  std::map<std::string, std::string> labels_;
};

}  // namespace tafkik::casefile
