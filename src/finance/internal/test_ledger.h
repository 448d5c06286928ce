// Building small ledgers in tests: payments written as "id payer>beneficiary amount time".
#pragma once

#include <string>
#include <vector>

#include "finance/ledger.h"

namespace tafkik::finance::testing {

// One payment: amount in EUR (a decimal string) at "2025-01-01T00:00:00Z" + `hours`.
inline TransactionInput Pay(std::string id, std::string payer, std::string beneficiary,
                            int64_t minor, double hours, Channel channel = Channel::kBank) {
  TransactionInput input;
  input.id = std::move(id);
  input.payer = std::move(payer);
  input.beneficiary = std::move(beneficiary);
  input.amount = Money{minor, "EUR"};
  input.time = Timestamp::FromMicros(1'735'689'600'000'000 +
                                     static_cast<int64_t>(hours * 3'600'000'000.0));
  input.channel = channel;
  return input;
}

inline Ledger Build(std::vector<TransactionInput> inputs, LedgerReport* report = nullptr) {
  LedgerBuilder builder;
  for (auto& input : inputs) builder.Add(std::move(input));
  LedgerReport ignored;
  return builder.Build(RatesTable("EUR"), report ? report : &ignored);
}

}  // namespace tafkik::finance::testing
