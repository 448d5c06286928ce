#include "store/sqlite/lookup_keys.h"

#include "core/phone.h"
#include "core/text.h"

namespace tafkik::store::sqlite {
namespace {

std::string IdentifierKey(std::string_view value) {
  std::string key = "i:";
  for (char c : AsciiUpper(value)) {
    if (c != ' ' && c != '-' && c != '.' && c != '/') key.push_back(c);
  }
  return key;
}

void AddNameKeys(std::string_view value, std::vector<std::string>& keys) {
  std::string name = NameKey(value);
  if (name.empty()) return;
  keys.push_back("n:" + name);
  for (const std::string& token : Split(name, ' ')) {
    if (!token.empty()) keys.push_back("t:" + token);
  }
}

}  // namespace

std::vector<std::string> LookupKeys(const model::Property& property, std::string_view value) {
  std::vector<std::string> keys;
  if (!property.indexed) return keys;
  switch (property.type) {
    case model::PropertyType::kName:
      AddNameKeys(value, keys);
      break;
    case model::PropertyType::kPhone:
      keys.push_back("p:" + std::string(value));
      break;
    default:
      keys.push_back(IdentifierKey(value));
      break;
  }
  return keys;
}

SearchKeys SearchKeysFor(std::string_view text) {
  SearchKeys keys;
  std::string name = NameKey(text);
  if (!name.empty()) {
    keys.name_key = "n:" + name;
    for (const std::string& token : Split(name, ' ')) {
      if (!token.empty()) keys.token_keys.push_back("t:" + token);
    }
  }
  // A search text is a phone number only if it reads as one in E.164 or internationally
  // dialled form; national numbers need a region, which a free-text search does not have.
  Result<std::string> phone = NormalizePhone(Trim(text), "ZZ");
  if (phone.ok()) keys.phone_key = "p:" + *phone;
  keys.identifier_key = IdentifierKey(Trim(text));
  return keys;
}

}  // namespace tafkik::store::sqlite
