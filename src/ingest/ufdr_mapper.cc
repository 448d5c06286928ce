// The UFDR mapper's plumbing: device and owner, parties, values, times, attachments, and
// sending. The per-model mappings are in ufdr_models.cc.
#include <algorithm>
#include <cctype>

#include "core/phone.h"
#include "core/text.h"
#include "ingest/internal/ufdr_mapper.h"
#include "model/schema.h"

namespace tafkik::ingest::internal {
namespace {

constexpr size_t kMaxRejectValue = 200;

bool Contains(const std::string& haystack, std::string_view needle) {
  return AsciiLower(haystack).find(needle) != std::string::npos;
}

// Stored values are normalised: control characters (line breaks too, outside long text)
// become spaces and the ends are trimmed.
std::string Clean(std::string value, bool multiline) {
  for (char& c : value) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = byte >= 0x20 || (multiline && (c == '\n' || c == '\r' || c == '\t'));
    if (!keep || byte == 0x7f) c = ' ';
  }
  return std::string(Trim(value));
}

std::string NormalPath(std::string path) {
  std::replace(path.begin(), path.end(), '\\', '/');
  while (path.starts_with("./") || path.starts_with("/")) path.erase(0, path.starts_with("/") ? 1 : 2);
  return path;
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "+212...", "212...@s.whatsapp.net", "0612..." -> the raw digits worth normalising; "" for
// a user name.
std::string PhoneLike(const std::string& identifier) {
  std::string number = identifier.substr(0, identifier.find('@'));
  std::string digits;
  for (char c : number) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '+') digits += c;
    else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') return "";
  }
  if (digits.size() < 6) return "";
  // A JID carries the international number without '+'.
  if (identifier.find('@') != std::string::npos && digits[0] != '+') digits = "+" + digits;
  return digits;
}

}  // namespace

UfdrMapper::UfdrMapper(const UfdrOptions& options, std::string fallback_device_key,
                       model::RecordSink& sink)
    : options_(options), fallback_device_key_(std::move(fallback_device_key)), sink_(sink) {}

void UfdrMapper::AddStoredFile(const std::string& entry_name, const std::string& sha256) {
  const std::string path = NormalPath(entry_name);
  files_by_path_[path] = sha256;
  auto [it, inserted] = files_by_basename_.emplace(BaseName(path), sha256);
  if (!inserted && it->second != sha256) it->second.clear();
}

model::Provenance UfdrMapper::At(int64_t row) const {
  model::Provenance provenance = options_.provenance;
  provenance.row = row;
  return provenance;
}

void UfdrMapper::Reject(int64_t row, const std::string& column, const std::string& value,
                        const std::string& reason) {
  sink_.OnReject({row, column, value.substr(0, kMaxRejectValue), reason});
}

void UfdrMapper::OnReject(const model::Reject& reject) { sink_.OnReject(reject); }

std::string UfdrMapper::RecordKey(const UfdrNode& model) const {
  return model.id.empty() ? "#" + std::to_string(model.ordinal) : model.id;
}

template <typename Record>
bool UfdrMapper::Put(Record& record, const std::string& property, std::string value,
                     int64_t row) {
  const model::SchemaRegistry& registry = model::SchemaRegistry::Default();
  Result<const model::Property*> declared = registry.FindProperty(record.schema, property);
  if (!declared.ok()) return false;
  value = Clean(std::move(value), (*declared)->type == model::PropertyType::kText);
  if (value.empty()) return false;
  Status valid = registry.ValidateValue(record.schema, property, value);
  if (!valid.ok()) {
    Reject(row, property, value, valid.message());
    return false;
  }
  record.Add(property, std::move(value), At(row));
  return true;
}

Status UfdrMapper::Send(const model::Entity& entity, int64_t row) {
  std::string key = entity.id.value();
  for (const auto& [property, values] : entity.properties) {
    for (const model::Value& value : values) key += "\x1f" + property + "=" + value.value;
  }
  if (!sent_.insert(std::move(key)).second) return Status::Ok();
  Status valid = model::SchemaRegistry::Default().Validate(entity);
  if (!valid.ok()) {
    Reject(row, "", entity.schema, valid.message());
    return Status::Ok();
  }
  return sink_.OnEntity(entity);
}

Status UfdrMapper::Send(const model::Relation& relation, int64_t row) {
  Status valid = model::SchemaRegistry::Default().Validate(relation);
  if (!valid.ok()) {
    Reject(row, "", relation.schema, valid.message());
    return Status::Ok();
  }
  return sink_.OnRelation(relation);
}

Status UfdrMapper::OnMetadataItem(const std::string&, const std::string& name,
                                  const std::string& value) {
  if (owner_sent_ || value.empty()) return Status::Ok();
  if (Contains(name, "imei")) {
    imeis_.push_back(value);
  } else if (Contains(name, "msisdn") || Contains(name, "phonenumber") ||
             Contains(name, "phone number")) {
    if (msisdn_.empty()) msisdn_ = value;
  } else if (Contains(name, "ownername") || Contains(name, "owner name")) {
    if (owner_name_.empty()) owner_name_ = value;
  } else if (Contains(name, "manufacturer")) {
    if (manufacturer_.empty()) manufacturer_ = value;
  } else if (Contains(name, "model") || Contains(name, "devicename")) {
    if (device_model_.empty()) device_model_ = value;
  }
  return Status::Ok();
}

Status UfdrMapper::EnsureOwner() {
  if (owner_sent_) return Status::Ok();
  owner_sent_ = true;
  const std::string& dataset = options_.provenance.dataset;
  model::Entity device;
  device.schema = "Device";
  for (const std::string& imei : imeis_) {
    if (Put(device, "imei", imei, 0) && device_key_.empty()) device_key_ = device.First("imei");
  }
  // A handset with an IMEI is the same Device in every dataset (docs/exchange-ids.md); one
  // without is known only by this report.
  const bool by_imei = !device_key_.empty();
  if (device_key_.empty()) device_key_ = fallback_device_key_;
  device_id_ = device.id = by_imei ? HandsetEntityId(device_key_)
                                   : MakeEntityId(dataset, {"device", device_key_});
  Put(device, "model", device_model_, 0);
  Put(device, "manufacturer", manufacturer_, 0);

  if (!owner_name_.empty()) {
    model::Entity person;
    person.schema = "Person";
    person.id = MakeEntityId(dataset, {"ufdr-owner", device_key_});
    if (Put(person, "name", owner_name_, 0)) {
      owner_person_id_ = person.id;
      Put(device, "owner", person.id.value(), 0);
      TAFKIK_RETURN_IF_ERROR(Send(person, 0));
    }
  }
  if (!msisdn_.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(
        owner_phone_id_,
        PhoneEntity(msisdn_, 0, "MSISDN", owner_person_id_ ? owner_person_id_->value() : ""));
  }
  return Send(device, 0);
}

Status UfdrMapper::Finish() { return EnsureOwner(); }

EntityId UfdrMapper::OwnerEnd() const { return owner_phone_id_ ? *owner_phone_id_ : device_id_; }

Result<std::optional<EntityId>> UfdrMapper::PhoneEntity(const std::string& raw, int64_t row,
                                                        const std::string& column,
                                                        const std::string& owner_id) {
  const std::string written = Clean(raw, false);
  Result<std::string> e164 = NormalizePhone(written, options_.default_region);
  if (!e164.ok()) {
    Reject(row, column, written, e164.status().message());
    return std::optional<EntityId>();
  }
  model::Entity phone;
  phone.schema = "Phone";
  phone.id = PhoneEntityId(*e164);  // one Phone per number across datasets
  if (!Put(phone, "number", *e164, row)) return std::optional<EntityId>();
  Put(phone, "name", written, row);
  if (!owner_id.empty()) Put(phone, "owner", owner_id, row);
  TAFKIK_RETURN_IF_ERROR(Send(phone, row));
  return std::optional<EntityId>(phone.id);
}

Result<std::optional<EntityId>> UfdrMapper::PartyEnd(const UfdrNode& party,
                                                     const std::string& channel,
                                                     bool phone_channel) {
  if (AsciiLower(party.Field("IsPhoneOwner")) == "true") return std::optional(OwnerEnd());
  const std::string identifier = Clean(party.Field("Identifier"), false);
  if (identifier.empty()) return std::optional<EntityId>();
  if (phone_channel) return PhoneEntity(identifier, party.ordinal, "Identifier", "");

  model::Entity account;
  account.schema = "SocialAccount";
  account.id = MakeEntityId(options_.provenance.dataset, {"account", channel, identifier});
  Put(account, "username", identifier, party.ordinal);
  Put(account, "service", channel, party.ordinal);
  Put(account, "name", party.Field("Name"), party.ordinal);
  const std::string digits = PhoneLike(identifier);
  if (!digits.empty()) {
    Result<std::string> e164 = NormalizePhone(digits, options_.default_region);
    if (e164.ok()) Put(account, "number", *e164, party.ordinal);
  }
  TAFKIK_RETURN_IF_ERROR(Send(account, party.ordinal));
  return std::optional(account.id);
}

std::optional<Timestamp> UfdrMapper::ParseTime(const std::string& raw, int64_t row,
                                               const std::string& column, std::string& note) {
  if (raw.empty()) return std::nullopt;
  Result<Timestamp> instant = ParseTimestamp(raw);
  if (instant.ok()) {
    note = "source time: " + raw;
    return *instant;
  }
  Result<Timestamp> local = LocalToUtc(raw, options_.source_time_zone);
  if (local.ok()) {
    note = "source time: " + raw + " (" + options_.source_time_zone + ")";
    return *local;
  }
  Reject(row, column, raw, instant.status().message());
  return std::nullopt;
}

std::vector<std::string> UfdrMapper::AttachmentHashes(const UfdrNode& message) {
  std::vector<const UfdrNode*> attachments = message.MultiModelField("Attachments");
  if (const UfdrNode* single = message.ModelField("Attachment")) attachments.push_back(single);
  std::vector<std::string> hashes;
  for (const UfdrNode* attachment : attachments) {
    std::string hash;
    for (const char* field : {"attachment_extracted_path", "AttachmentExtractedPath", "LocalPath"}) {
      auto it = files_by_path_.find(NormalPath(attachment->Field(field)));
      if (hash.empty() && it != files_by_path_.end()) hash = it->second;
    }
    std::vector<const UfdrNode*> targets;
    attachment->Collect("targetid", targets);
    for (const UfdrNode* target : targets) {
      auto it = files_by_id_.find(std::string(Trim(target->text)));
      if (hash.empty() && it != files_by_id_.end()) hash = it->second;
    }
    const std::string filename = attachment->Field("Filename");
    auto by_name = files_by_basename_.find(BaseName(NormalPath(filename)));
    if (hash.empty() && by_name != files_by_basename_.end()) hash = by_name->second;
    if (hash.empty()) {
      Reject(attachment->ordinal, "Attachments", filename,
             "the attachment is not among the files under files/ of this report");
      continue;
    }
    hashes.push_back(hash);
  }
  return hashes;
}

Status UfdrMapper::OnTaggedFile(const UfdrNode& file) {
  std::vector<const UfdrNode*> items;
  file.Collect("item", items);
  std::string local_path, claimed;
  for (const UfdrNode* item : items) {
    if (item->name == "Local Path") local_path = NormalPath(std::string(Trim(item->text)));
    if (AsciiLower(item->name) == "sha256") claimed = AsciiLower(Trim(item->text));
  }
  auto stored = files_by_path_.find(local_path);
  if (local_path.empty() || stored == files_by_path_.end()) return Status::Ok();
  if (!file.id.empty()) files_by_id_[file.id] = stored->second;
  if (!claimed.empty() && claimed != stored->second) {
    Reject(0, "SHA256", claimed,
           local_path + " hashes to " + stored->second +
               ", not to the SHA-256 the report records: the file was changed after extraction");
  }
  return Status::Ok();
}

template bool UfdrMapper::Put(model::Entity&, const std::string&, std::string, int64_t);
template bool UfdrMapper::Put(model::Relation&, const std::string&, std::string, int64_t);

}  // namespace tafkik::ingest::internal
