// Report.xml fragments and options shared by the UFDR tests.
#pragma once

#include <string>

#include "ingest/ufdr_reader.h"

namespace tafkik::ingest::testing {

inline std::string Field(const std::string& name, const std::string& value) {
  return "<field name=\"" + name + "\" type=\"String\"><value type=\"String\"><![CDATA[" + value +
         "]]></value></field>";
}
inline std::string Party(const std::string& identifier, const std::string& role,
                  const std::string& name = "", bool owner = false) {
  return "<model type=\"Party\">" + Field("Identifier", identifier) + Field("Role", role) +
         (name.empty() ? "" : Field("Name", name)) +
         (owner ? Field("IsPhoneOwner", "True") : "") + "</model>";
}

inline UfdrOptions Options() {
  UfdrOptions options;
  options.provenance = {"seizure-7", std::string(64, 'b'), -1, "EV-7", "tester"};
  options.default_region = "MA";
  options.source_time_zone = "Africa/Casablanca";
  return options;
}

}  // namespace tafkik::ingest::testing
