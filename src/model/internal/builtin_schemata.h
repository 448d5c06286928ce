// The catalogue of built-in schemata, as declared: each with its own properties only and
// parents listed before their children. SchemaRegistry flattens inheritance. Thread-safe.
#pragma once

#include <vector>

#include "model/schema.h"

namespace tafkik::model::internal {

std::vector<Schema> BuiltinSchemata();

}  // namespace tafkik::model::internal
