#include "model/caption.h"

#include <array>

namespace tafkik::model {

std::string Caption(const Entity& entity) {
  // In order of preference; FtM names, so that one list serves every schema.
  static constexpr std::array<const char*, 12> kCaptionProperties = {
      "name", "number",    "email", "accountNumber", "iban",   "username", "registrationNumber",
      "full", "imoNumber", "imei",  "title",         "summary"};
  for (const char* property : kCaptionProperties) {
    std::string value = entity.First(property);
    if (!value.empty()) return value;
  }
  return entity.id.value();
}

}  // namespace tafkik::model
