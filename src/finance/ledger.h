// The in-memory transaction model: payments between accounts (or, when a payment names no
// account, between the parties themselves), each converted into one reporting currency while
// keeping its original amount, sorted by time, with per-node indexes of outgoing and incoming
// payments in time order. Built once by LedgerBuilder; immutable and thread-safe afterwards.
//
// Bad input is reported per transaction (LedgerReport), never silently dropped: a missing
// time, a zero or negative amount that reverses nothing, an unknown currency, no rate for the
// day, a duplicated id with different content. A negative payment whose `reverses` names an
// earlier payment (importers set it when a reversal carries the original's transaction number)
// cancels that payment: both are left out and counted as reversed.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "core/time.h"
#include "finance/rates.h"

namespace tafkik::finance {

enum class Channel : uint8_t { kUnknown, kBank, kMoneyTransfer, kMobileMoney, kHawala, kCash };

// "bank", "money_transfer", "mobile_money", "hawala", "cash", "unknown".
std::string_view ChannelName(Channel channel);
// The inverse of ChannelName; "" is kUnknown. InvalidArgument for anything else.
Result<Channel> ParseChannel(std::string_view name);

using NodeIndex = uint32_t;
using TxIndex = uint32_t;
inline constexpr NodeIndex kNoNode = UINT32_MAX;

// One payment as read from the store or a file.
struct TransactionInput {
  std::string id;                 // unique: the Payment relation id
  std::string payer;              // node id: the payer's account, else the payer
  std::string beneficiary;        // node id: the beneficiary's account, else the beneficiary
  std::string payer_party;        // default "": the person/organisation holding `payer`
  std::string beneficiary_party;  // default "": the holder of `beneficiary`
  std::optional<Timestamp> time;  // required
  int64_t sequence = 0;           // orders payments with the same time; default 0
  Money amount;                   // original amount and currency
  int64_t fee_minor = 0;          // in the payment's currency; default 0
  Channel channel = Channel::kUnknown;
  std::string reverses;           // default "": id of the payment this one reverses
  // The amount in the reporting currency as the source itself recorded it (FtM amountEur),
  // used only when the rates table has no rate for the payment; default none.
  std::optional<int64_t> source_reporting_minor;
};

// Compact stored form. `amount` is in the reporting currency's minor units.
struct Transaction {
  int64_t time_us = 0;
  int64_t amount = 0;
  int64_t original_minor = 0;
  int64_t fee_minor = 0;
  NodeIndex payer = kNoNode;
  NodeIndex beneficiary = kNoNode;
  uint16_t currency = 0;  // index into Ledger::currencies()
  Channel channel = Channel::kUnknown;
};

struct LedgerIssue {
  std::string transaction;  // the transaction id
  std::string reason;       // "no rate for EGP on 2025-03-02 ..."
};

struct LedgerReport {
  int64_t accepted = 0;
  int64_t reversed = 0;            // pairs of a payment and its reversal, both left out
  int64_t duplicates = 0;          // exact repeats of an id with the same content, dropped
  int64_t source_converted = 0;    // converted with the source's own reporting-currency amount
  std::vector<LedgerIssue> rejected;  // in input order
};

class Ledger {
 public:
  Ledger() = default;
  Ledger(Ledger&&) = default;
  Ledger& operator=(Ledger&&) = default;

  size_t size() const { return transactions_.size(); }
  size_t node_count() const { return node_ids_.size(); }
  // REQUIRES: index < size(). Sorted by (time, sequence, id).
  const Transaction& at(TxIndex index) const { return transactions_[index]; }
  const std::vector<Transaction>& transactions() const { return transactions_; }
  std::string_view id(TxIndex index) const;
  const std::string& node_id(NodeIndex node) const { return node_ids_[node]; }
  // kNoNode when the node has no known holder.
  NodeIndex party_of(NodeIndex node) const { return party_[node]; }
  std::optional<NodeIndex> FindNode(std::string_view id) const;
  // The node itself and every account that `id` (a party) holds; empty when unknown.
  std::vector<NodeIndex> NodesOf(std::string_view id) const;
  // The transaction with this id, nullopt when none. Builds an id index on the first call:
  // make that call before sharing the Ledger between threads.
  std::optional<TxIndex> FindTransaction(std::string_view id) const;

  // Transactions paid by / to `node`, in time order.
  std::span<const TxIndex> outgoing(NodeIndex node) const {
    return {out_tx_.data() + out_offsets_[node], out_tx_.data() + out_offsets_[node + 1]};
  }
  std::span<const TxIndex> incoming(NodeIndex node) const {
    return {in_tx_.data() + in_offsets_[node], in_tx_.data() + in_offsets_[node + 1]};
  }

  const std::string& reporting_currency() const { return reporting_currency_; }
  const std::string& currency(uint16_t index) const { return currencies_[index]; }
  // The original amount of `index`.
  Money original(TxIndex index) const;

 private:
  friend class LedgerBuilder;

  // Constant after LedgerBuilder::Build.
  std::vector<Transaction> transactions_;
  std::string id_arena_;
  std::vector<uint64_t> id_offsets_;  // size()+1 offsets into id_arena_
  std::vector<std::string> node_ids_;
  std::unordered_map<std::string, NodeIndex> node_index_;
  std::vector<NodeIndex> party_;
  std::unordered_multimap<NodeIndex, NodeIndex> accounts_of_party_;
  std::vector<uint64_t> out_offsets_, in_offsets_;
  std::vector<TxIndex> out_tx_, in_tx_;
  std::vector<std::string> currencies_;
  std::string reporting_currency_;
  mutable std::unordered_map<std::string_view, TxIndex> tx_index_;  // built on first lookup
};

// Collects payments, then builds a Ledger. Not thread-safe.
class LedgerBuilder {
 public:
  void Reserve(size_t transactions);
  void Add(TransactionInput input);
  size_t pending() const { return inputs_.size(); }

  // Converts every payment with `rates`, applies reversals and duplicates, sorts, indexes.
  // Rejected payments are listed in `report` (which must not be null). Consumes the inputs.
  Ledger Build(const RatesTable& rates, LedgerReport* report);

 private:
  std::vector<TransactionInput> inputs_;
};

}  // namespace tafkik::finance
