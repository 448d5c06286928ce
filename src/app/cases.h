// Use cases on cases: create, show, list, assign an entity in a role. The Store is borrowed,
// not owned. Thread-compatible, as Store.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "model/case.h"
#include "store/store.h"

namespace tafkik::app {

struct CreateCaseRequest {
  std::string reference;              // unique: "MA-2026-0001"
  std::string title;                  // default "": none
  std::string country;                // ISO 3166-1 alpha-2, any case: "ma"
  std::string region;                 // default "": none
  std::vector<std::string> offences;  // at least one of "tip", "som", "other"
  std::string status = "open";        // "open", "investigation", "prosecution", "closed"
  std::string lead_unit;              // "BNPJ Tanger"
};

// Validates and creates the case (opened now) audited as "case.create". InvalidArgument
// naming the bad field; AlreadyExists when the reference is taken.
Result<model::Case> CreateCase(store::Store& store, const store::Actor& actor,
                               const CreateCaseRequest& request);

struct MemberView {
  model::CaseMember member;
  std::string schema;   // the member entity's schema
  std::string caption;  // its name or number (app/caption.h)
};

struct CaseView {
  model::Case record;
  std::vector<MemberView> members;  // in the store's order
};

// The case with its members and their captions. Members' names are victims' data when they
// are victims, so the read is recorded as an "entity.read" event first. NotFound for an
// unknown reference.
Result<CaseView> ShowCase(store::Store& store, const store::Actor& actor,
                          const std::string& reference);

// Every case, without members.
Result<std::vector<model::Case>> ListCases(store::Store& store);

// Adds `entity` to the case in `role` ("suspect", "victim", "witness", "informant",
// "other"), audited as "case.assign". InvalidArgument for an unknown role; NotFound for an
// unknown case or entity. Assigning the same (entity, role) twice keeps it once.
Status AssignToCase(store::Store& store, const store::Actor& actor, const std::string& reference,
                    const std::string& entity, const std::string& role);

}  // namespace tafkik::app
