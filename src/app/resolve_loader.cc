// LoadPersonRecords: Person entities and the phones, documents and accounts linked to them,
// as resolve::PersonRecord values.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/resolve.h"

namespace tafkik::app {
namespace {

constexpr int64_t kPage = 5000;

Result<std::vector<model::Entity>> AllOfSchema(store::Store& store, const std::string& schema,
                                               std::optional<CaseId> case_id) {
  std::vector<model::Entity> all;
  for (int64_t offset = 0;; offset += kPage) {
    store::EntityQuery query;
    query.schema = schema;
    query.case_id = case_id;
    query.limit = kPage;
    query.offset = offset;
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Entity> page, store.ListEntities(query));
    const bool last = static_cast<int64_t>(page.size()) < kPage;
    for (model::Entity& entity : page) all.push_back(std::move(entity));
    if (last) return all;
  }
}

Result<std::vector<model::Relation>> AllOwnerships(store::Store& store) {
  std::vector<model::Relation> all;
  for (int64_t offset = 0;; offset += kPage) {
    store::RelationQuery query;
    query.schema = "Ownership";
    query.limit = kPage;
    query.offset = offset;
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> page, store.ListRelations(query));
    const bool last = static_cast<int64_t>(page.size()) < kPage;
    for (model::Relation& relation : page) all.push_back(std::move(relation));
    if (last) return all;
  }
}

void Append(std::vector<std::string>& into, const std::vector<std::string>& values) {
  for (const std::string& value : values) {
    if (!value.empty()) into.push_back(value);
  }
}

resolve::PersonRecord FromPerson(const model::Entity& person) {
  resolve::PersonRecord record;
  record.id = person.id.value();
  for (const char* property : {"name", "alias", "previousName"}) {
    Append(record.names, person.All(property));
  }
  const std::string given = person.First("firstName"), family = person.First("lastName");
  if (!given.empty() || !family.empty()) {
    std::string full = given;
    for (const char* property : {"secondName", "middleName", "fatherName"}) {
      if (!person.First(property).empty()) full += " " + person.First(property);
    }
    record.names.push_back(full + " " + family);
  }
  Append(record.birth_dates, person.All("birthDate"));
  for (const char* property : {"passportNumber", "idNumber"}) {
    Append(record.documents, person.All(property));
  }
  Append(record.phones, person.All("phone"));
  Append(record.addresses, person.All("address"));
  Append(record.nationalities, person.All("nationality"));
  Append(record.nationalities, person.All("citizenship"));
  return record;
}

}  // namespace

Result<std::vector<resolve::PersonRecord>> LoadPersonRecords(store::Store& store,
                                                             const std::string& case_reference) {
  std::optional<CaseId> case_id;
  if (!case_reference.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(model::Case found, store.GetCase(case_reference));
    case_id = found.id;
  }
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Entity> people, AllOfSchema(store, "Person", case_id));
  std::vector<resolve::PersonRecord> records;
  std::unordered_map<std::string, size_t> index;
  for (const model::Entity& person : people) {
    index.emplace(person.id.value(), records.size());
    records.push_back(FromPerson(person));
  }
  // Shared phones, documents and accounts link records as strongly as their own fields.
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Entity> phones, AllOfSchema(store, "Phone", {}));
  for (const model::Entity& phone : phones) {
    for (const std::string& owner : phone.All("owner")) {
      auto found = index.find(owner);
      if (found != index.end()) Append(records[found->second].phones, phone.All("number"));
    }
  }
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Entity> documents,
                          AllOfSchema(store, "IdentityDocument", {}));
  for (const model::Entity& document : documents) {
    for (const std::string& holder : document.All("holder")) {
      auto found = index.find(holder);
      if (found != index.end()) Append(records[found->second].documents, document.All("number"));
    }
  }
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Entity> accounts,
                          AllOfSchema(store, "BankAccount", {}));
  std::unordered_map<std::string, const model::Entity*> account_by_id;
  for (const model::Entity& account : accounts) account_by_id[account.id.value()] = &account;
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Relation> ownerships, AllOwnerships(store));
  for (const model::Relation& ownership : ownerships) {
    auto owner = index.find(ownership.source.value());
    auto account = account_by_id.find(ownership.target.value());
    if (owner == index.end() || account == account_by_id.end()) continue;
    Append(records[owner->second].accounts, account->second->All("iban"));
    Append(records[owner->second].accounts, account->second->All("accountNumber"));
  }
  return records;
}

}  // namespace tafkik::app
