#include "finance/ledger.h"

#include <algorithm>
#include <numeric>

namespace tafkik::finance {
namespace {

constexpr std::string_view kChannelNames[] = {"unknown", "bank", "money_transfer",
                                              "mobile_money", "hawala", "cash"};

bool SameContent(const TransactionInput& left, const TransactionInput& right) {
  return left.payer == right.payer && left.beneficiary == right.beneficiary &&
         left.time == right.time && left.amount == right.amount &&
         left.channel == right.channel && left.reverses == right.reverses;
}

// Why `input` cannot be a payment, or "" when it can (before reversal and conversion).
std::string Problem(const TransactionInput& input) {
  if (input.payer.empty()) return "no payer";
  if (input.beneficiary.empty()) return "no beneficiary";
  if (!input.time) return "no time (a payment is traced in time order)";
  if (!FindCurrency(input.amount.currency)) {
    return "currency '" + input.amount.currency + "' is not ISO 4217";
  }
  if (input.amount.minor == 0) return "zero amount";
  if (input.amount.minor < 0 && input.reverses.empty()) {
    return "negative amount " + FormatAmount(input.amount) +
           " that names no payment it reverses";
  }
  if (input.amount.minor > 0 && !input.reverses.empty()) {
    return "a reversal of " + input.reverses + " with a positive amount";
  }
  return "";
}

NodeIndex Intern(const std::string& id, std::vector<std::string>& ids,
                 std::unordered_map<std::string, NodeIndex>& index) {
  auto [it, inserted] = index.try_emplace(id, static_cast<NodeIndex>(ids.size()));
  if (inserted) ids.push_back(id);
  return it->second;
}

void BuildCsr(const std::vector<Transaction>& transactions, size_t node_count, bool by_payer,
              std::vector<uint64_t>& offsets, std::vector<TxIndex>& list) {
  offsets.assign(node_count + 1, 0);
  for (const Transaction& tx : transactions) ++offsets[(by_payer ? tx.payer : tx.beneficiary) + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  list.resize(transactions.size());
  std::vector<uint64_t> next(offsets.begin(), offsets.end() - 1);
  for (TxIndex tx_idx = 0; tx_idx < transactions.size(); ++tx_idx) {
    const Transaction& tx = transactions[tx_idx];
    list[next[by_payer ? tx.payer : tx.beneficiary]++] = tx_idx;
  }
}

}  // namespace

std::string_view ChannelName(Channel channel) {
  return kChannelNames[static_cast<int>(channel)];
}

Result<Channel> ParseChannel(std::string_view name) {
  if (name.empty()) return Channel::kUnknown;
  for (int index = 0; index < 6; ++index) {
    if (kChannelNames[index] == name) return static_cast<Channel>(index);
  }
  return InvalidArgumentError("channel '" + std::string(name) +
                              "' is not bank, money_transfer, mobile_money, hawala or cash");
}

std::string_view Ledger::id(TxIndex index) const {
  return std::string_view(id_arena_).substr(id_offsets_[index],
                                            id_offsets_[index + 1] - id_offsets_[index]);
}

std::optional<NodeIndex> Ledger::FindNode(std::string_view id) const {
  auto found = node_index_.find(std::string(id));
  if (found == node_index_.end()) return std::nullopt;
  return found->second;
}

std::vector<NodeIndex> Ledger::NodesOf(std::string_view id) const {
  std::vector<NodeIndex> nodes;
  std::optional<NodeIndex> node = FindNode(id);
  if (!node) return nodes;
  nodes.push_back(*node);
  auto [first, last] = accounts_of_party_.equal_range(*node);
  for (auto it = first; it != last; ++it) nodes.push_back(it->second);
  std::sort(nodes.begin() + 1, nodes.end());
  return nodes;
}

std::optional<TxIndex> Ledger::FindTransaction(std::string_view id) const {
  if (tx_index_.empty()) {
    tx_index_.reserve(size());
    for (TxIndex index = 0; index < size(); ++index) tx_index_.emplace(this->id(index), index);
  }
  auto found = tx_index_.find(id);
  if (found == tx_index_.end()) return std::nullopt;
  return found->second;
}

Money Ledger::original(TxIndex index) const {
  const Transaction& tx = transactions_[index];
  return Money{tx.original_minor, currencies_[tx.currency]};
}

void LedgerBuilder::Reserve(size_t transactions) { inputs_.reserve(transactions); }

void LedgerBuilder::Add(TransactionInput input) { inputs_.push_back(std::move(input)); }

Ledger LedgerBuilder::Build(const RatesTable& rates, LedgerReport* report) {
  *report = LedgerReport{};
  std::vector<uint8_t> keep(inputs_.size(), 1);
  std::unordered_map<std::string_view, size_t> first_of_id;
  first_of_id.reserve(inputs_.size());
  auto reject = [&](size_t index, std::string reason) {
    keep[index] = 0;
    report->rejected.push_back({inputs_[index].id, std::move(reason)});
  };
  for (size_t index = 0; index < inputs_.size(); ++index) {
    const TransactionInput& input = inputs_[index];
    if (input.id.empty()) {
      reject(index, "a payment without an id");
      continue;
    }
    auto [seen, inserted] = first_of_id.try_emplace(input.id, index);
    if (!inserted) {
      if (SameContent(inputs_[seen->second], input)) {
        keep[index] = 0;
        ++report->duplicates;
      } else {
        reject(index, "id already used by another payment with different content");
      }
      continue;
    }
    if (std::string problem = Problem(input); !problem.empty()) reject(index, problem);
  }
  // Reversals cancel (or, when smaller, reduce) the payment they name.
  for (size_t index = 0; index < inputs_.size(); ++index) {
    TransactionInput& reversal = inputs_[index];
    if (!keep[index] || reversal.amount.minor >= 0) continue;
    auto original = first_of_id.find(reversal.reverses);
    if (original == first_of_id.end() || !keep[original->second] ||
        inputs_[original->second].amount.minor <= 0) {
      reject(index, "reverses " + reversal.reverses + ", which is not a payment here");
      continue;
    }
    TransactionInput& paid = inputs_[original->second];
    if (paid.amount.currency != reversal.amount.currency ||
        -reversal.amount.minor > paid.amount.minor) {
      reject(index, "reverses " + reversal.reverses + " with " + FormatAmount(reversal.amount) +
                        " " + reversal.amount.currency + ", more than or other than it paid");
      continue;
    }
    paid.amount.minor += reversal.amount.minor;
    keep[index] = 0;
    ++report->reversed;
    if (paid.amount.minor == 0) keep[original->second] = 0;
  }
  first_of_id.clear();

  Ledger ledger;
  ledger.reporting_currency_ = rates.reporting_currency();
  std::unordered_map<std::string, uint16_t> currency_index;
  struct Pending {
    Transaction tx;
    int64_t sequence;
    size_t input;
  };
  std::vector<Pending> pending;
  pending.reserve(inputs_.size());
  ledger.node_index_.reserve(inputs_.size() / 4 + 16);
  std::vector<std::pair<NodeIndex, NodeIndex>> holders;
  for (size_t index = 0; index < inputs_.size(); ++index) {
    if (!keep[index]) continue;
    const TransactionInput& input = inputs_[index];
    Result<int64_t> converted = rates.Convert(input.amount, *input.time);
    if (!converted.ok() && input.source_reporting_minor && *input.source_reporting_minor > 0) {
      converted = *input.source_reporting_minor;
      ++report->source_converted;
    }
    if (!converted.ok()) {
      reject(index, converted.status().message());
      continue;
    }
    Pending item{{}, input.sequence, index};
    item.tx.time_us = input.time->micros();
    item.tx.amount = *converted;
    item.tx.original_minor = input.amount.minor;
    item.tx.fee_minor = input.fee_minor;
    item.tx.channel = input.channel;
    auto [currency, added] = currency_index.try_emplace(
        input.amount.currency, static_cast<uint16_t>(ledger.currencies_.size()));
    if (added) ledger.currencies_.push_back(input.amount.currency);
    item.tx.currency = currency->second;
    item.tx.payer = Intern(input.payer, ledger.node_ids_, ledger.node_index_);
    item.tx.beneficiary = Intern(input.beneficiary, ledger.node_ids_, ledger.node_index_);
    if (!input.payer_party.empty() && input.payer_party != input.payer) {
      holders.emplace_back(item.tx.payer,
                           Intern(input.payer_party, ledger.node_ids_, ledger.node_index_));
    }
    if (!input.beneficiary_party.empty() && input.beneficiary_party != input.beneficiary) {
      holders.emplace_back(item.tx.beneficiary, Intern(input.beneficiary_party,
                                                                ledger.node_ids_,
                                                                ledger.node_index_));
    }
    pending.push_back(item);
  }
  std::sort(pending.begin(), pending.end(), [&](const Pending& left, const Pending& right) {
    if (left.tx.time_us != right.tx.time_us) return left.tx.time_us < right.tx.time_us;
    if (left.sequence != right.sequence) return left.sequence < right.sequence;
    return inputs_[left.input].id < inputs_[right.input].id;
  });
  ledger.transactions_.reserve(pending.size());
  ledger.id_offsets_.reserve(pending.size() + 1);
  ledger.id_offsets_.push_back(0);
  for (const Pending& item : pending) {
    ledger.transactions_.push_back(item.tx);
    ledger.id_arena_ += inputs_[item.input].id;
    ledger.id_offsets_.push_back(ledger.id_arena_.size());
  }
  report->accepted = static_cast<int64_t>(pending.size());
  pending.clear();
  inputs_.clear();
  inputs_.shrink_to_fit();

  ledger.party_.assign(ledger.node_ids_.size(), kNoNode);
  std::sort(holders.begin(), holders.end());
  holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
  for (auto [account, party] : holders) {
    if (ledger.party_[account] == kNoNode) ledger.party_[account] = party;
    ledger.accounts_of_party_.emplace(party, account);
  }
  BuildCsr(ledger.transactions_, ledger.node_ids_.size(), true, ledger.out_offsets_,
           ledger.out_tx_);
  BuildCsr(ledger.transactions_, ledger.node_ids_.size(), false, ledger.in_offsets_,
           ledger.in_tx_);
  return ledger;
}

}  // namespace tafkik::finance
