#include "store/sqlite/packed_values.h"

#include <algorithm>

namespace tafkik::store::sqlite {
namespace {

void PutVarint(uint64_t number, std::string& out) {
  while (number >= 0x80) {
    out.push_back(static_cast<char>((number & 0x7f) | 0x80));
    number >>= 7;
  }
  out.push_back(static_cast<char>(number));
}

// Reads one varint at `pos`, advancing it; false when the blob ends inside it.
bool GetVarint(std::string_view blob, size_t& pos, uint64_t& number) {
  number = 0;
  for (int shift = 0; shift < 64 && pos < blob.size(); shift += 7) {
    const auto byte = static_cast<uint8_t>(blob[pos++]);
    number |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace

std::string PackValues(const std::vector<PackedValue>& values) {
  std::string out;
  for (const PackedValue& value : values) {
    PutVarint(static_cast<uint64_t>(value.property), out);
    PutVarint(static_cast<uint64_t>(value.source), out);
    PutVarint(static_cast<uint64_t>(value.row + 1), out);
    PutVarint(value.value.size(), out);
    out += value.value;
  }
  return out;
}

Result<std::vector<PackedValue>> UnpackValues(std::string_view blob) {
  std::vector<PackedValue> values;
  size_t pos = 0;
  while (pos < blob.size()) {
    uint64_t property, source, row_plus_one, length;
    if (!GetVarint(blob, pos, property) || !GetVarint(blob, pos, source) ||
        !GetVarint(blob, pos, row_plus_one) || !GetVarint(blob, pos, length) ||
        length > blob.size() - pos) {
      return DataLossError("relation values are truncated or malformed at byte " +
                           std::to_string(pos));
    }
    values.push_back({static_cast<int64_t>(property), static_cast<int64_t>(source),
                      static_cast<int64_t>(row_plus_one) - 1,
                      std::string(blob.substr(pos, length))});
    pos += length;
  }
  return values;
}

bool MergeValues(std::vector<PackedValue>& into, const std::vector<PackedValue>& more) {
  bool added = false;
  for (const PackedValue& value : more) {
    if (std::find(into.begin(), into.end(), value) != into.end()) continue;
    into.push_back(value);
    added = true;
  }
  return added;
}

}  // namespace tafkik::store::sqlite
