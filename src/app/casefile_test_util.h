// A workspace with a case for the casefile use cases' tests: two suspects, a victim, the
// victim's account, a suspect's account, a recruitment and a payment. Tests only.
#pragma once

#include <fstream>
#include <string>

#include "app/app_test_util.h"
#include "app/cases.h"
#include "app/entities.h"
#include "app/relations.h"
#include "store/blob_store.h"
#include "store/workspace.h"

namespace tafkik::app::testing {

class CaseFileTest : public WorkspaceTest {
 protected:
  void SetUp() override {
    WorkspaceTest::SetUp();
    auto blobs = store::BlobStore::Open(store::PathsOf(root()).blobs);
    ASSERT_THAT(blobs, IsOk());
    blobs_ = std::make_unique<store::BlobStore>(std::move(blobs).value());
    CreateCaseRequest request;
    request.reference = kCase;
    request.title = "Réseau de Tanger";
    request.country = "ma";
    request.region = "Tanger-Tétouan-Al Hoceïma";
    request.offences = {"tip", "som"};
    request.lead_unit = "BNPJ Tanger";
    ASSERT_THAT(CreateCase(*store_, actor_, request), IsOk());
    karim_ = Person("Karim El Fassi", "suspect");
    driss_ = Person("Driss Ouazzani", "suspect");
    amina_ = Person("Amina Diallo", "victim");
    amina_account_ = Thing("BankAccount", "accountNumber=MA-0001");
    karim_account_ = Thing("BankAccount", "accountNumber=MA-0002");
    Relate("Ownership", amina_, amina_account_, "2025-01-01", {});
    Relate("Ownership", karim_, karim_account_, "2025-01-01", {});
    Relate("Recruitment", karim_, amina_, "2025-11-03", {"method=deception"});
    Relate("Payment", amina_account_, karim_account_, "2025-11-20",
           {"amount=25000", "currency=MAD", "channel=hawala"});
  }

  std::string Person(const std::string& name, const std::string& role) {
    std::string id = Thing("Person", "name=" + name);
    EXPECT_THAT(AssignToCase(*store_, actor_, kCase, id, role), IsOk());
    return id;
  }

  std::string Thing(const std::string& schema, const std::string& assignment) {
    AddEntityRequest request{schema, {assignment}};
    auto added = AddEntity(*store_, actor_, request);
    EXPECT_THAT(added, IsOk());
    return added.ok() ? added->id.value() : "";
  }

  void Relate(const std::string& schema, const std::string& source, const std::string& target,
              const std::string& start, std::vector<std::string> assignments) {
    AddRelationRequest request{schema, source, target, start, "", std::move(assignments)};
    EXPECT_THAT(AddRelation(*store_, actor_, request), IsOk());
  }

  std::string WriteFile(const std::string& name, const std::string& bytes) {
    std::string path = dir_.Sub(name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  static constexpr char kCase[] = "MA-2026-0042";
  std::unique_ptr<store::BlobStore> blobs_;
  std::string karim_, driss_, amina_, amina_account_, karim_account_;
};

}  // namespace tafkik::app::testing
