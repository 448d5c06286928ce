// Helpers for the store's tests: temporary workspaces and small valid entities.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/ids.h"
#include "model/entity.h"

namespace tafkik::store::testing {

// A fresh folder under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tafkik-test-XXXXXX");
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

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
