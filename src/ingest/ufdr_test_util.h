// Report.xml fragments and options shared by the UFDR tests.
#pragma once

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>

#include "ingest/ufdr_reader.h"

namespace tafkik::ingest::testing {

// Writes a zip holding `entries` (name -> bytes) at `path` (the test links libzip).
inline void WriteZip(const std::string& path, const std::map<std::string, std::string>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr);
  for (const auto& [name, bytes] : entries) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    ASSERT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
  }
  ASSERT_EQ(zip_close(archive), 0);
}

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
