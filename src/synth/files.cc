#include "synth/files.h"

#include <filesystem>

#include "core/text.h"
#include "synth/emitter.h"
#include "synth/places.h"

namespace tafkik::synth::internal {
namespace {

constexpr char kCdrHeader[] = "caller,callee,start,duration,type,imsi,imei,cell_first,cell_last\n";
constexpr char kTransferHeader[] =
    "control_number,send_date,sender_name,sender_id_number,sender_phone,sender_country,"
    "sender_agent,receiver_name,receiver_id_number,receiver_phone,receiver_country,"
    "receiver_agent,principal,fee,currency\n";

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

std::string LocalTime(Timestamp t, std::string_view zone) {
  // Offsets in the order they are likely in North Africa, then every other whole or half hour.
  static constexpr int kQuarterHours[] = {4, 0, 8, 12, -4, 16, 20, 24, 28, 32, 36, 40, 44, 48,
                                          52, 56, -8, -12, -16, -20, -24, -28, -32, -36, -40,
                                          -44, -48, 2, 6, 10, 14, 18, 22, 23, 38, 39, 51, 55};
  for (int quarters : kQuarterHours) {
    std::string text = FormatTimestamp(Timestamp::FromSeconds(t.seconds() + quarters * 900));
    text = text.substr(0, 10) + " " + text.substr(11, 8);
    Result<Timestamp> back = LocalToUtc(text, zone);
    if (back.ok() && back->seconds() == t.seconds()) return text;
  }
  std::string utc = FormatTimestamp(t);  // not reached for real zones
  return utc.substr(0, 10) + " " + utc.substr(11, 8);
}

void RekeyTransferCustomers(World& world) {
  for (uint32_t index = 0; index < world.records.size(); ++index) {
    Record& record = world.records[index];
    if (record.dataset != Dataset::kMtoExport) continue;
    const model::Entity person = PersonRecord(world, index, model::Provenance{});
    std::string id_number = person.First("idNumber");
    if (id_number.empty()) id_number = person.First("passportNumber");
    record.id = MakeEntityId(kTransferDataset, {person.First("name"), id_number});
  }
}

std::string OperatorNumber(const std::string& e164) {
  if (e164.starts_with("+212")) return "0" + e164.substr(4);
  return "00" + e164.substr(1);
}

DatasetFiles::DatasetFiles(const World& world, std::string dir)
    : world_(world), dir_(std::move(dir)), imei_of_phone_(world.phones.size()) {
  // A handset is carried with its owner's first line.
  for (const Asset& asset : world.assets) {
    if (asset.kind != AssetKind::kDevice || asset.owner == kNobody) continue;
    const Person& owner = world.persons[asset.owner];
    if (owner.phone_count == 0) continue;
    std::string& imei = imei_of_phone_[owner.first_phone];
    if (imei.empty()) imei = asset.imei;
  }
}

Result<std::unique_ptr<DatasetFiles>> DatasetFiles::Open(const World& world,
                                                         const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return UnavailableError("cannot create " + dir + ": " + error.message());
  std::unique_ptr<DatasetFiles> files(new DatasetFiles(world, dir));
  files->cdr_.open(dir + "/" + kCdrFile, std::ios::binary | std::ios::trunc);
  files->transfers_file_.open(dir + "/" + kTransferFile, std::ios::binary | std::ios::trunc);
  if (!files->cdr_ || !files->transfers_file_) {
    return UnavailableError("cannot write the generated source files in " + dir);
  }
  files->cdr_ << kCdrHeader;
  files->transfers_file_ << kTransferHeader;
  return files;
}

void DatasetFiles::KeepCustomer(const model::Entity& person) {
  Customer customer;
  customer.name = person.First("name");
  customer.id_number = person.First("idNumber");
  if (customer.id_number.empty()) customer.id_number = person.First("passportNumber");
  customer.phone = person.First("phone");
  customer.country = Upper(person.First("country"));
  customers_[person.id.value()] = std::move(customer);
}

Status DatasetFiles::AddCall(const model::Relation& call, uint32_t caller_phone) {
  const std::string type = call.First("callType") == "sms" ? "SMS" : "VOICE";
  cdr_ << OperatorNumber(call.First("callerNumber")) << ','
       << OperatorNumber(call.First("receiverNumber")) << ','
       << LocalTime(*call.start, kFilesTimeZone) << ',' << call.First("duration") << ',' << type
       << ",," << imei_of_phone_[caller_phone] << ',' << call.First("cellFirst") << ','
       << call.First("cellLast") << '\n';
  ++calls_;
  return cdr_ ? Status::Ok() : UnavailableError("cannot write " + dir_ + "/" + kCdrFile);
}

Status DatasetFiles::AddTransfer(const model::Relation& payment, const PaymentPlan& plan) {
  auto customer = [&](const EntityId& id) {
    auto found = customers_.find(id.value());
    return found == customers_.end() ? Customer{} : found->second;
  };
  const Customer sender = customer(payment.source);
  const Customer receiver = customer(payment.target);
  auto agent = [&](uint32_t person) {
    const Place& home = Places()[world_.persons[person].home];
    return std::string(TransferOperator(home.country)) + " " + std::string(home.name);
  };
  auto phone = [](const std::string& e164) { return e164.empty() ? e164 : OperatorNumber(e164); };
  transfers_file_ << CsvField(payment.First("transactionNumber")) << ','
                  << LocalTime(*payment.start, kFilesTimeZone) << ',' << CsvField(sender.name)
                  << ',' << CsvField(sender.id_number) << ',' << phone(sender.phone) << ','
                  << sender.country << ',' << CsvField(agent(plan.payer)) << ','
                  << CsvField(receiver.name) << ',' << CsvField(receiver.id_number) << ','
                  << phone(receiver.phone) << ',' << receiver.country << ','
                  << CsvField(agent(plan.beneficiary)) << ',' << payment.First("amount") << ','
                  << payment.First("fee") << ',' << payment.First("currency") << '\n';
  ++transfers_;
  return transfers_file_ ? Status::Ok()
                         : UnavailableError("cannot write " + dir_ + "/" + kTransferFile);
}

Status DatasetFiles::Close() {
  cdr_.close();
  transfers_file_.close();
  if (!cdr_ || !transfers_file_) return UnavailableError("cannot write the files in " + dir_);
  return Status::Ok();
}

}  // namespace tafkik::synth::internal
