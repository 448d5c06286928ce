// The keys under which an indexed property value can be found (table `lookup`), shared by
// writes and by the migration that back-fills the index. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/schema.h"

namespace tafkik::store::sqlite {

// Names: "n:<NameKey>" and "t:<token>" per token of the key; phones: "p:<E.164>";
// identifiers and anything else indexed: "i:<upper-case, spaces and dashes removed>".
// Empty for properties that are not indexed.
std::vector<std::string> LookupKeys(const model::Property& property, std::string_view value);

// The keys a free-text search looks at, in the same spaces: "n:", "t:" prefixes for names,
// "p:" when the text normalises to a phone number, "i:" for identifiers.
struct SearchKeys {
  std::string name_key;                 // "n:mohamed ben ali"
  std::vector<std::string> token_keys;  // "t:mohamed", "t:ben", "t:ali"
  std::string phone_key;                // "p:+212612345678" or ""
  std::string identifier_key;           // "i:AB123456"
};
SearchKeys SearchKeysFor(std::string_view text);

}  // namespace tafkik::store::sqlite
