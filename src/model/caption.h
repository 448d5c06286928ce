// A short human label for an entity in lists, tables, charts and exports: its name, number,
// address, ...
// Thread-safe.
#pragma once

#include <string>

#include "model/entity.h"

namespace tafkik::model {

// The first value of the first captioning property the entity has (name, number, email,
// accountNumber, iban, ...); the id when it has none.
std::string Caption(const Entity& entity);

}  // namespace tafkik::model
