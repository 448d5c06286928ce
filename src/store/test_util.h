// Helpers for the store's tests: temporary workspaces and small valid entities.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/ids.h"
#include "core/temp_dir.h"
#include "model/entity.h"

namespace tafkik::store::testing {

using ::tafkik::testing::TempDir;

inline model::Provenance TestProvenance(int64_t row = 1) {
  return {"test-register", std::string(64, 'a'), row, "", "tester"};
}

inline model::Entity MakePerson(const std::string& key, const std::string& name) {
  model::Entity person;
  person.id = MakeEntityId("test-register", {key});
  person.schema = "Person";
  person.Add("name", name, TestProvenance());
  return person;
}

inline model::Entity MakePhone(const std::string& number) {
  model::Entity phone;
  phone.id = MakeEntityId("test-register", {number});
  phone.schema = "Phone";
  phone.Add("number", number, TestProvenance());
  return phone;
}

}  // namespace tafkik::store::testing
