// Source files in the shapes of the shipped mapping profiles (data/mappings), for the demo and
// for tests of the import path: with GeneratorOptions::files_dir set, the Moroccan operator's
// call records and the money transfer operator's export are not handed to the Sink but
// written as the CSV files those sources deliver (cdr.csv, money_transfer.csv), to be
// imported with `tafkik import FILE --profile cdr|money_transfer`. Numbers are written as the
// operator writes them (national format for Moroccan lines, 00-prefixed otherwise), times in
// Africa/Casablanca local time, amounts with a decimal point. Not thread-safe.
#pragma once

#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/entity.h"
#include "synth/world.h"

namespace tafkik::synth::internal {

// The file names, in files_dir.
inline constexpr char kCdrFile[] = "cdr.csv";
inline constexpr char kTransferFile[] = "money_transfer.csv";
// The zone the files' local times are written in (the profiles' default).
inline constexpr char kFilesTimeZone[] = "Africa/Casablanca";
// The dataset `tafkik import money_transfer.csv --profile money_transfer` records.
inline constexpr char kTransferDataset[] = "money_transfer:money_transfer.csv";

// Gives the money transfer export's customer records the ids the shipped profile gives them
// on import (MakeEntityId(kTransferDataset, {name, id number})), so the imported rows merge
// into the customers the workspace holds instead of doubling them. Before any emission.
void RekeyTransferCustomers(World& world);

// `t` as local time in `zone`, "YYYY-MM-DD HH:MM:SS" (exact: checked back through LocalToUtc).
std::string LocalTime(Timestamp t, std::string_view zone);
// "+212612345678" -> "0612345678"; other numbers -> "00" + digits.
std::string OperatorNumber(const std::string& e164);

class DatasetFiles {
 public:
  // Creates `dir` and opens both files (with their headers). Unavailable naming the file.
  static Result<std::unique_ptr<DatasetFiles>> Open(const World& world, const std::string& dir);

  // A Person record of the money transfer export: kept for the rows of its transfers.
  void KeepCustomer(const model::Entity& person);
  Status AddCall(const model::Relation& call, uint32_t caller_phone);
  Status AddTransfer(const model::Relation& payment, const PaymentPlan& plan);
  // Flushes and closes; Unavailable when a write failed.
  Status Close();

  int64_t calls() const { return calls_; }
  int64_t transfers() const { return transfers_; }

 private:
  DatasetFiles(const World& world, std::string dir);
  struct Customer {
    std::string name, id_number, phone, country;
  };

  const World& world_;
  std::string dir_;
  std::ofstream cdr_, transfers_file_;
  std::map<std::string, Customer> customers_;  // by record id
  std::vector<std::string> imei_of_phone_;     // the handset its user carries, or ""
  int64_t calls_ = 0, transfers_ = 0;
};

}  // namespace tafkik::synth::internal
