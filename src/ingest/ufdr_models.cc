// The per-model mappings of a UFDR report: Contact, Call, SMS/MMS/InstantMessage (and the
// messages of a Chat), Location. See ingest/ufdr_reader.h for what each becomes.
#include <algorithm>
#include <charconv>

#include "core/phone.h"
#include "core/text.h"
#include "ingest/internal/ufdr_mapper.h"

namespace tafkik::ingest::internal {
namespace {

// "00:01:23", "01:23", "83" or "83.5" -> whole seconds; nullopt otherwise.
std::optional<int64_t> DurationSeconds(const std::string& text) {
  int64_t total = 0;
  int parts = 0;
  for (const std::string& part : Split(text, ':')) {
    if (part.empty() || ++parts > 3) return std::nullopt;
    const std::string whole = part.substr(0, part.find('.'));
    int64_t number = 0;
    auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), number);
    if (error != std::errc() || end != whole.data() + whole.size() || number < 0 ||
        number > 100'000'000) {
      return std::nullopt;
    }
    total = total * 60 + number;
  }
  return total;
}

// The first party of `parties` with this role ("From" / "To"), or nullptr.
const UfdrNode* WithRole(const std::vector<const UfdrNode*>& parties, std::string_view role) {
  for (const UfdrNode* party : parties) {
    if (AsciiLower(party->Field("Role")) == role) return party;
  }
  return nullptr;
}

bool IsOwnerFolder(const std::string& folder) {
  const std::string lower = AsciiLower(folder);
  return lower == "sent" || lower == "outbox" || lower == "draft" || lower == "drafts";
}

}  // namespace

Status UfdrMapper::OnModel(const UfdrNode& model, const UfdrNode* chat) {
  TAFKIK_RETURN_IF_ERROR(EnsureOwner());
  if (chat != nullptr) return MapMessage(model, chat);
  if (model.type == "Contact") return MapContact(model);
  if (model.type == "Call") return MapCall(model);
  if (model.type == "SMS" || model.type == "MMS" || model.type == "InstantMessage") {
    return MapMessage(model, nullptr);
  }
  if (model.type == "Location") return MapLocation(model);
  return Status::Ok();  // Chats were sent message by message; other kinds are not mapped.
}

Status UfdrMapper::MapContact(const UfdrNode& contact) {
  const int64_t row = contact.ordinal;
  const std::string& dataset = options_.provenance.dataset;
  model::Entity person;
  person.schema = "Person";
  person.id = MakeEntityId(dataset, {"ufdr-contact", device_key_, RecordKey(contact)});
  const bool named = Put(person, "name", contact.Field("Name"), row);
  std::vector<std::string> numbers;
  for (const UfdrNode* entry : contact.MultiModelField("Entries")) {
    const std::string value = entry->Field("Value");
    if (entry->type == "PhoneNumber" && !value.empty()) numbers.push_back(value);
    if (entry->type == "EmailAddress" && named) Put(person, "email", value, entry->ordinal);
  }
  if (!named && numbers.empty()) {
    Reject(row, "Name", "", "a contact with neither a name nor a phone number");
    return Status::Ok();
  }
  if (named) {
    for (const std::string& number : numbers) {
      Result<std::string> e164 = NormalizePhone(number, options_.default_region);
      if (e164.ok()) Put(person, "phone", *e164, row);
    }
    TAFKIK_RETURN_IF_ERROR(Send(person, row));
  }
  for (const std::string& number : numbers) {
    TAFKIK_RETURN_IF_ERROR(
        PhoneEntity(number, row, "Entries", named ? person.id.value() : "").status());
  }
  if (!named) return Status::Ok();
  model::Relation link;
  link.schema = "Associate";
  link.id = MakeEntityId(dataset, {"ufdr-contact-link", device_key_, RecordKey(contact)});
  link.source = owner_person_id_ ? *owner_person_id_ : device_id_;
  link.target = person.id;
  Put(link, "relationship", "contact", row);
  Put(link, "recordId", contact.id, row);
  return Send(link, row);
}

Status UfdrMapper::MapCall(const UfdrNode& call) {
  const int64_t row = call.ordinal;
  const std::vector<const UfdrNode*> parties = call.MultiModelField("Parties");
  const std::string direction = AsciiLower(call.Field("Direction"));
  const bool outgoing = direction == "outgoing";
  const bool incoming = direction == "incoming" || direction == "missed" ||
                        direction == "rejected";
  // The other party: by role when the direction says which, else any party that is not the
  // owner.
  const UfdrNode* from = WithRole(parties, "from");
  const UfdrNode* to = WithRole(parties, "to");
  const UfdrNode* other = outgoing ? to : incoming ? from : nullptr;
  for (const UfdrNode* party : parties) {
    if (other == nullptr && AsciiLower(party->Field("IsPhoneOwner")) != "true") other = party;
  }
  std::optional<EntityId> counterpart;
  if (other != nullptr) {
    TAFKIK_ASSIGN_OR_RETURN(counterpart, PartyEnd(*other, "call", true));
  }
  if (!counterpart) {
    Reject(row, "Parties", "", "a call without another party with a usable number");
    return Status::Ok();
  }
  model::Relation relation;
  relation.schema = "Call";
  relation.id = MakeEntityId(options_.provenance.dataset, {"ufdr-call", device_key_, RecordKey(call)});
  const bool owner_calls = outgoing || (!incoming && other == to);
  relation.source = owner_calls ? OwnerEnd() : *counterpart;
  relation.target = owner_calls ? *counterpart : OwnerEnd();
  std::string note;
  relation.start = ParseTime(call.Field("TimeStamp"), row, "TimeStamp", note);
  const std::string duration_text = call.Field("Duration");
  std::optional<int64_t> duration = DurationSeconds(duration_text);
  if (duration) {
    Put(relation, "duration", std::to_string(*duration), row);
    if (relation.start) relation.end = Timestamp::FromMicros(relation.start->micros() + *duration * 1'000'000);
  } else if (!duration_text.empty()) {
    Reject(row, "Duration", duration_text, "is not a duration (HH:MM:SS or seconds)");
  }
  Put(relation, "callType", "voice", row);
  Put(relation, "description", call.Field("Direction"), row);
  Put(relation, "notes", note, row);
  Put(relation, "recordId", call.id, row);
  return Send(relation, row);
}

Status UfdrMapper::MapMessage(const UfdrNode& message, const UfdrNode* chat) {
  const int64_t row = message.ordinal;
  const bool phone_channel = message.type == "SMS" || message.type == "MMS";
  std::string channel = phone_channel ? AsciiLower(message.type) : "";
  for (const UfdrNode* source : {&message, chat}) {
    if (source == nullptr || !channel.empty()) continue;
    channel = AsciiLower(Trim(source->Field("Source")));
    if (channel.empty()) channel = AsciiLower(Trim(source->Field("SourceApplication")));
  }
  if (channel.empty()) channel = "instant message";

  std::vector<const UfdrNode*> parties = message.MultiModelField("Parties");
  const UfdrNode* from = message.ModelField("From");
  if (from == nullptr) from = WithRole(parties, "from");
  std::vector<const UfdrNode*> to = message.MultiModelField("To");
  for (const UfdrNode* party : parties) {
    if (AsciiLower(party->Field("Role")) == "to") to.push_back(party);
  }
  const EntityId owner = OwnerEnd();
  std::optional<EntityId> sender;
  if (from != nullptr) {
    TAFKIK_ASSIGN_OR_RETURN(sender, PartyEnd(*from, channel, phone_channel));
  }
  if (!sender && (from == nullptr || AsciiLower(message.Field("FromIsOwner")) == "true" ||
                  IsOwnerFolder(message.Field("Folder")))) {
    sender = owner;
  }
  if (!sender) {
    Reject(row, "From", "", "a message whose sender has no usable identifier");
    return Status::Ok();
  }
  // No recipients written: the owner received it, or the owner wrote into a chat whose other
  // participants read it.
  if (to.empty() && *sender != owner) {
    to.push_back(nullptr);
  } else if (to.empty() && chat != nullptr) {
    to = chat->MultiModelField("Participants");
  }
  std::vector<EntityId> recipients;
  for (const UfdrNode* party : to) {
    std::optional<EntityId> recipient = owner;
    if (party != nullptr) {
      TAFKIK_ASSIGN_OR_RETURN(recipient, PartyEnd(*party, channel, phone_channel));
    }
    if (!recipient || *recipient == *sender) continue;
    if (std::find(recipients.begin(), recipients.end(), *recipient) == recipients.end()) {
      recipients.push_back(*recipient);
    }
  }
  if (recipients.empty()) {
    Reject(row, "To", "", "a message without a recipient with a usable identifier");
    return Status::Ok();
  }
  std::string note;
  std::optional<Timestamp> start = ParseTime(message.Field("TimeStamp"), row, "TimeStamp", note);
  const std::vector<std::string> attachments = AttachmentHashes(message);
  for (const EntityId& recipient : recipients) {
    model::Relation relation;
    relation.schema = "Message";
    relation.id = MakeEntityId(options_.provenance.dataset,
                               {"ufdr-message", device_key_, RecordKey(message), recipient.value()});
    relation.source = *sender;
    relation.target = recipient;
    relation.start = start;
    relation.end = start;
    Put(relation, "bodyText", message.Field("Body"), row);
    Put(relation, "subject", message.Field("Subject"), row);
    Put(relation, "channel", channel, row);
    for (const std::string& hash : attachments) Put(relation, "attachmentSha256", hash, row);
    Put(relation, "notes", note, row);
    Put(relation, "recordId", message.id, row);
    TAFKIK_RETURN_IF_ERROR(Send(relation, row));
  }
  return Status::Ok();
}

Status UfdrMapper::MapLocation(const UfdrNode& location) {
  const int64_t row = location.ordinal;
  const UfdrNode* position = location.ModelField("Position");
  const UfdrNode& coordinates = position != nullptr ? *position : location;
  model::Entity place;
  place.schema = "Location";
  const bool has_latitude = Put(place, "latitude", coordinates.Field("Latitude"), row);
  const bool has_longitude = Put(place, "longitude", coordinates.Field("Longitude"), row);
  if (!has_latitude || !has_longitude) {
    Reject(row, "Position", "", "a location without a valid latitude and longitude");
    return Status::Ok();
  }
  place.id = MakeEntityId(options_.provenance.dataset,
                          {"location", place.First("latitude"), place.First("longitude")});
  Put(place, "name", location.Field("Name"), row);
  Put(place, "description", location.Field("Description"), row);
  TAFKIK_RETURN_IF_ERROR(Send(place, row));

  model::Relation travel;
  travel.schema = "Travel";
  travel.id = MakeEntityId(options_.provenance.dataset,
                           {"ufdr-location", device_key_, RecordKey(location)});
  travel.source = device_id_;
  travel.target = place.id;
  std::string note;
  travel.start = ParseTime(location.Field("TimeStamp"), row, "TimeStamp", note);
  travel.end = travel.start;
  Put(travel, "notes", note, row);
  Put(travel, "recordId", location.id, row);
  return Send(travel, row);
}

}  // namespace tafkik::ingest::internal
