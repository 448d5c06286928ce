#include "resolve/blocking.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>

namespace tafkik::resolve {
namespace {

uint64_t Hash(std::string_view text) { return std::hash<std::string_view>{}(text); }

constexpr size_t kMaxNames = 4;
constexpr size_t kMaxTokens = 4;

std::vector<const NameToken*> KeyTokens(const NormalizedName& name) {
  std::vector<const NameToken*> tokens;
  for (const NameToken& token : name.tokens) {
    if (token.particle || token.Identity().size() < 2) continue;
    tokens.push_back(&token);
    if (tokens.size() == kMaxTokens) break;
  }
  return tokens;
}

void NameKeys(const PreparedRecord& record, bool use_weights, std::vector<uint64_t>& keys) {
  for (size_t name_idx = 0; name_idx < record.names.size() && name_idx < kMaxNames; ++name_idx) {
    std::vector<const NameToken*> tokens = KeyTokens(record.names[name_idx]);
    for (size_t first = 0; first < tokens.size(); ++first) {
      const std::string& identity = tokens[first]->Identity();
      for (size_t second = first + 1; second < tokens.size(); ++second) {
        const auto& [low, high] = std::minmax(identity, tokens[second]->Identity());
        keys.push_back(Hash("p|" + low + "|" + high));
      }
      if (use_weights && tokens[first]->weight < 0.5) continue;
      for (const BirthDate& date : record.birth_dates) {
        keys.push_back(Hash("y|" + identity + "|" + std::to_string(date.year)));
      }
    }
    for (const BirthDate& date : record.birth_dates) {
      if (date.day == 0) continue;
      const std::string prefix =
          "d|" + std::to_string(date.year * 10000 + date.month * 100 + date.day) + "|";
      for (const NameToken& token : record.names[name_idx].tokens) {
        if (token.particle || token.skeleton.empty()) continue;
        keys.push_back(Hash(prefix + token.skeleton.substr(0, 1)));
      }
    }
  }
}

}  // namespace

std::vector<uint64_t> BlockingKeys(const PreparedRecord& record, bool use_weights) {
  std::vector<uint64_t> keys;
  NameKeys(record, use_weights, keys);
  for (const std::string& document : record.documents) keys.push_back(Hash("i|" + document));
  for (const std::string& phone : record.phones) {
    keys.push_back(Hash("t|" + phone.substr(phone.size() > 9 ? phone.size() - 9 : 0)));
  }
  for (const std::string& account : record.accounts) keys.push_back(Hash("a|" + account));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

BlockingResult Block(const std::vector<PreparedRecord>& records, const BlockingOptions& options,
                     bool use_weights) {
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  entries.reserve(records.size() * 8);
  for (size_t record_idx = 0; record_idx < records.size(); ++record_idx) {
    for (uint64_t key : BlockingKeys(records[record_idx], use_weights)) {
      entries.emplace_back(key, static_cast<uint32_t>(record_idx));
    }
  }
  std::sort(entries.begin(), entries.end());
  BlockingResult result;
  result.keys = static_cast<int64_t>(entries.size());
  for (size_t begin = 0; begin < entries.size();) {
    size_t end = begin + 1;
    while (end < entries.size() && entries[end].first == entries[begin].first) ++end;
    const size_t size = end - begin;
    if (size >= 2) ++result.blocks;
    if (size > static_cast<size_t>(options.max_block_size)) {
      ++result.skipped_blocks;
      result.skipped_records += static_cast<int64_t>(size);
    } else {
      for (size_t left = begin; left < end; ++left) {
        for (size_t right = left + 1; right < end; ++right) {
          result.pairs.push_back(PairKey(entries[left].second, entries[right].second));
        }
      }
    }
    begin = end;
  }
  std::sort(result.pairs.begin(), result.pairs.end());
  result.pairs.erase(std::unique(result.pairs.begin(), result.pairs.end()), result.pairs.end());
  return result;
}

BlockingResult AllPairs(size_t record_count) {
  BlockingResult result;
  for (size_t left = 0; left < record_count; ++left) {
    for (size_t right = left + 1; right < record_count; ++right) {
      result.pairs.push_back(PairKey(static_cast<uint32_t>(left), static_cast<uint32_t>(right)));
    }
  }
  result.blocks = record_count >= 2 ? 1 : 0;
  return result;
}

}  // namespace tafkik::resolve
