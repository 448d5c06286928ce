// Records: the capability documents that are not entities or relations — screenings,
// referrals, evidence items, custody events, investigative actions, tasks, resolution
// decisions, alerts. Each is a JSON body under a kind and an id, optionally tied to a case
// and to the entity it is about. Plain values. Thread-compatible.
//
// Kinds are owned by the module that writes them ("screening", "referral", "evidence",
// "custody", "action", "task", "resolve.decision", "money.alert", ...); the store does not
// interpret bodies. A record's body is validated by its owner before it is written.
#pragma once

#include <optional>
#include <string>

#include "core/json.h"
#include "core/status.h"
#include "core/time.h"

namespace tafkik::model {

struct Record {
  std::string kind;            // [a-z][a-z0-9_.]{0,63}
  std::string id;              // [A-Za-z0-9_.:-]{1,128}, unique within the kind
  std::string case_reference;  // "" when not tied to a case
  std::string subject;         // entity id it is about; "" when none
  Json body;                   // a JSON object
  Timestamp created;           // set by the store when written (the transaction's time)
  std::string actor;           // set by the store: who wrote it
};

// InvalidArgument naming the field: kind or id malformed, body not a JSON object, subject
// not a valid entity id (when set), case reference malformed (when set).
Status ValidateRecord(const Record& record);

}  // namespace tafkik::model
