// Reading and writing the casefile module's records (kinds evidence, custody, action, task).
// Private to app/'s casefile use cases. Thread-compatible, as Store.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "model/record.h"
#include "store/store.h"

namespace tafkik::app::casefile_records {

// Every record of `kind` tied to the case, paging through the store in creation order.
Result<std::vector<model::Record>> ListAll(store::Store& store, const std::string& kind,
                                           const std::string& case_reference);

// The next number of a per-case sequence ("E3" -> 4): one more than the count stored.
Result<int> NextNumber(store::Store& store, const std::string& kind,
                       const std::string& case_reference);

// NotFound naming the entity when any of `ids` does not exist.
Status RequireEntities(store::Store& store, const std::vector<std::string>& ids);

// A timestamp from user input; InvalidArgument naming `field`. Empty is allowed and gives
// an unset Timestamp (the validator then names the field as missing).
Result<Timestamp> ParseField(const std::string& text, const std::string& field);

}  // namespace tafkik::app::casefile_records
