// Maps the subtrees of a UFDR report.xml (see ufdr_xml.h) to entities and relations, as
// described in ingest/ufdr_reader.h. Memory: the set of entities already sent (to send each
// once) grows with the distinct phones, accounts and places, not with the messages.
// Not thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "ingest/internal/ufdr_xml.h"
#include "ingest/ufdr_reader.h"

namespace tafkik::ingest::internal {

class UfdrMapper : public UfdrXmlHandler {
 public:
  // `fallback_device_key` names the handset when the report has no valid IMEI (the .ufdr's
  // SHA-256 or file name).
  UfdrMapper(const UfdrOptions& options, std::string fallback_device_key,
             model::RecordSink& sink);

  // An attachment already in the blob store: its zip entry name ("files/Image/a.jpg").
  void AddStoredFile(const std::string& entry_name, const std::string& sha256);
  // Sends the device and its owner if nothing has yet (a report with no decoded data).
  Status Finish();

  Status OnMetadataItem(const std::string& section, const std::string& name,
                        const std::string& value) override;
  Status OnTaggedFile(const UfdrNode& file) override;
  Status OnModel(const UfdrNode& model, const UfdrNode* chat) override;
  void OnReject(const model::Reject& reject) override;

 private:
  Status EnsureOwner();
  Status MapContact(const UfdrNode& contact);
  Status MapCall(const UfdrNode& call);
  Status MapMessage(const UfdrNode& message, const UfdrNode* chat);
  Status MapLocation(const UfdrNode& location);

  // The entity standing for a <model type="Party">, sent if new; nullopt (with a reject when
  // the identifier is unusable) when it names nobody.
  Result<std::optional<EntityId>> PartyEnd(const UfdrNode& party, const std::string& channel,
                                           bool phone_channel);
  Result<std::optional<EntityId>> PhoneEntity(const std::string& raw, int64_t row,
                                              const std::string& column,
                                              const std::string& owner_id);
  EntityId OwnerEnd() const;
  std::vector<std::string> AttachmentHashes(const UfdrNode& message);
  std::optional<Timestamp> ParseTime(const std::string& raw, int64_t row,
                                     const std::string& column, std::string& note);

  // Adds a value after cleaning and validating it; a bad value is rejected, not added.
  template <typename Record>
  bool Put(Record& record, const std::string& property, std::string value, int64_t row);
  Status Send(const model::Entity& entity, int64_t row);
  Status Send(const model::Relation& relation, int64_t row);
  model::Provenance At(int64_t row) const;
  std::string RecordKey(const UfdrNode& model) const;
  void Reject(int64_t row, const std::string& column, const std::string& value,
              const std::string& reason);

  // Constant after construction.
  const UfdrOptions& options_;
  const std::string fallback_device_key_;
  model::RecordSink& sink_;

  // Files under files/ by zip path, by base name (empty when ambiguous), by tagged file id.
  std::map<std::string, std::string> files_by_path_;
  std::map<std::string, std::string> files_by_basename_;
  std::map<std::string, std::string> files_by_id_;

  // Device metadata, until the owner is sent.
  std::vector<std::string> imeis_;
  std::string msisdn_, owner_name_, device_model_, manufacturer_;
  bool owner_sent_ = false;
  std::string device_key_;
  EntityId device_id_;
  std::optional<EntityId> owner_person_id_;
  std::optional<EntityId> owner_phone_id_;

  std::unordered_set<std::string> sent_;  // id + properties of every entity sent
};

}  // namespace tafkik::ingest::internal
