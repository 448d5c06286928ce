// A short human label for an entity in lists and tables: its name, number, address, ...
// Thread-safe.
#pragma once

#include <string>

#include "model/entity.h"

namespace tafkik::app {

// The first value of the first captioning property the entity has (name, number, email,
// accountNumber, iban, ...); the id when it has none.
std::string Caption(const model::Entity& entity);

}  // namespace tafkik::app
