// The built-in schemata. Schema and property names are FollowTheMoney's wherever FtM has the
// concept, so that FtM import and export stay a thin renaming-free layer. Everything FtM
// lacks is marked "Tafkik:" below. Deliberate departures from FtM:
//   - FtM's Identification/Passport is IdentityDocument here (an entity, not an interval),
//     and FtM's UserAccount is SocialAccount.
//   - FtM has no Phone, Device, Email or Location schema (phones and e-mails are only
//     property types there); investigations need them as nodes to link calls, handsets and
//     places. The IMEI lives on Device, not Phone: a Phone is a line (number, SIM/IMSI), a
//     Device a handset, and SIM swaps between handsets are evidence.
//   - Email's address property is "email" (as on FtM's LegalEntity and UserAccount), not
//     "address", because every Thing already has "address" meaning a postal address.
//   - FtM's Message is a document with many recipients; here it is a relation with one
//     target, still named "recipients" so that FtM messages map one edge per recipient.
//   - Relations keep their ends and interval outside `properties` (Relation::source, target,
//     start, end); the registry still declares them so importers can validate FtM columns.

#include "model/internal/builtin_schemata.h"

#include <string>
#include <utility>
#include <vector>

namespace tafkik::model::internal {
namespace {

using T = PropertyType;
using F = ValueFormat;

Property Prop(std::string name, T type = T::kString, F format = F::kAny) {
  Property property;
  property.name = std::move(name);
  property.type = type;
  property.format = format;
  return property;
}

// A property the store indexes because investigators look things up by it.
Property Key(std::string name, T type, F format = F::kAny) {
  Property property = Prop(std::move(name), type, format);
  property.indexed = true;
  return property;
}

Property Choice(std::string name, std::vector<std::string> allowed) {
  Property property = Prop(std::move(name), T::kEnum);
  property.allowed = std::move(allowed);
  return property;
}

// Amounts are never negative: a refund is a payment the other way.
Property Amount(std::string name, std::string fixed_currency = "") {
  Property property = Prop(std::move(name), T::kAmount, F::kNonNegative);
  property.currency = std::move(fixed_currency);
  return property;
}

Schema Node(std::string name, std::string parent, std::vector<Property> properties) {
  Schema schema;
  schema.name = std::move(name);
  schema.parent = std::move(parent);
  for (Property& property : properties) {
    std::string key = property.name;
    schema.properties.emplace(std::move(key), std::move(property));
  }
  return schema;
}

Schema Edge(std::string name, std::string source, std::string target,
            std::vector<Property> properties) {
  properties.push_back(Key(source, T::kEntity));
  properties.push_back(Key(target, T::kEntity));
  Schema schema = Node(std::move(name), "Interval", std::move(properties));
  schema.is_relation = true;
  schema.source_property = std::move(source);
  schema.target_property = std::move(target);
  return schema;
}

std::vector<Schema> Roots() {
  Schema thing =
      Node("Thing", "",
           {Key("name", T::kName), Key("alias", T::kName), Key("weakAlias", T::kName),
            Key("previousName", T::kName), Prop("summary", T::kText), Prop("description", T::kText),
            Prop("notes", T::kText), Prop("country", T::kCountry), Prop("sourceUrl", T::kUrl),
            Prop("address"), Key("addressEntity", T::kEntity), Prop("keywords")});
  thing.abstract = true;
  Schema interval =
      Node("Interval", "",
           {Prop("startDate", T::kDate), Prop("endDate", T::kDate), Prop("summary", T::kText),
            Prop("description", T::kText), Prop("notes", T::kText), Key("recordId", T::kIdentifier),
            Prop("sourceUrl", T::kUrl)});
  interval.abstract = true;
  interval.is_relation = true;
  return {thing, interval};
}

std::vector<Schema> Parties() {
  return {
      Node("LegalEntity", "Thing",
           {Key("email", T::kEmail), Key("phone", T::kPhone), Prop("website", T::kUrl),
            Key("idNumber", T::kIdentifier), Key("taxNumber", T::kIdentifier),
            Key("registrationNumber", T::kIdentifier), Prop("legalForm"),
            Prop("incorporationDate", T::kDate), Prop("dissolutionDate", T::kDate), Prop("status"),
            Prop("sector"), Prop("mainCountry", T::kCountry), Prop("jurisdiction", T::kCountry)}),
      Node("Person", "LegalEntity",
           {Prop("title"), Prop("firstName", T::kName), Prop("secondName", T::kName),
            Prop("middleName", T::kName), Prop("lastName", T::kName), Prop("fatherName", T::kName),
            Prop("motherName", T::kName), Prop("birthDate", T::kDate), Prop("birthPlace"),
            Prop("deathDate", T::kDate), Choice("gender", {"male", "female", "other"}),
            Prop("nationality", T::kCountry), Prop("citizenship", T::kCountry),
            Key("passportNumber", T::kIdentifier), Prop("position"), Prop("ethnicity"),
            Prop("religion"), Prop("spokenLanguage")}),
      Node("Organization", "LegalEntity", {}),
      Node("Company", "Organization", {}),
  };
}

std::vector<Schema> CommunicationThings() {
  return {
      // Tafkik: a telephone line (number and SIM).
      Node("Phone", "Thing",
           {Key("number", T::kPhone), Key("imsi", T::kIdentifier, F::kImsi),
            Prop("serviceProvider"), Key("owner", T::kEntity)}),
      // Tafkik: a handset, identified by its IMEI.
      Node("Device", "Thing",
           {Key("imei", T::kIdentifier, F::kImei), Prop("model"), Prop("manufacturer"),
            Key("owner", T::kEntity)}),
      // Tafkik: an e-mail address as a node of its own.
      Node("Email", "Thing", {Key("email", T::kEmail), Key("owner", T::kEntity)}),
      // FtM UserAccount.
      Node("SocialAccount", "Thing",
           {Key("username", T::kString), Prop("service"), Key("email", T::kEmail),
            Key("number", T::kPhone), Key("owner", T::kEntity)}),
  };
}

std::vector<Schema> Assets() {
  return {
      Node("BankAccount", "Thing",
           {Key("iban", T::kIdentifier, F::kIban), Key("accountNumber", T::kIdentifier),
            Prop("bankName"), Key("bank", T::kEntity), Key("bic", T::kIdentifier, F::kBic),
            Prop("currency", T::kCurrency), Prop("accountType"), Prop("openingDate", T::kDate),
            Prop("closingDate", T::kDate)}),
      Node("Vehicle", "Thing",
           {Key("registrationNumber", T::kIdentifier), Prop("type"), Prop("model"),
            Key("owner", T::kEntity), Key("operator", T::kEntity), Prop("buildDate", T::kDate),
            Prop("registrationDate", T::kDate)}),
      Node("Vessel", "Vehicle",
           {Key("imoNumber", T::kIdentifier), Key("mmsi", T::kIdentifier),
            Key("callSign", T::kIdentifier), Prop("flag", T::kCountry), Prop("registrationPort"),
            Prop("tonnage"), Prop("grossRegisteredTonnage", T::kNumber, F::kNonNegative),
            Prop("pastFlags")}),
  };
}

std::vector<Schema> PlacesAndDocuments() {
  return {
      Node("Address", "Thing",
           {Key("full", T::kString), Prop("street"), Prop("street2"), Prop("city"),
            Prop("postalCode"), Prop("postOfficeBox"), Prop("region"), Prop("state"),
            Prop("remarks"), Prop("latitude", T::kNumber, F::kLatitude),
            Prop("longitude", T::kNumber, F::kLongitude)}),
      // Tafkik: a place on a route or a site of exploitation; cellId ties CDR cells to it.
      Node("Location", "Thing",
           {Prop("latitude", T::kNumber, F::kLatitude),
            Prop("longitude", T::kNumber, F::kLongitude), Prop("region"),
            Choice("kind", {"city", "town", "village", "border_crossing", "port", "beach",
                            "airport", "checkpoint", "camp", "detention_centre", "cell_site",
                            "farm", "workplace", "safehouse", "other"}),
            Key("cellId", T::kIdentifier)}),
      // FtM Event (a node here, as Tafkik intervals are edges): a meeting, a crime, a
      // summit in a 2-mode network.
      Node("Event", "Thing",
           {Prop("startDate", T::kDate), Prop("endDate", T::kDate), Prop("location")}),
      // FtM Identification/Passport, as an entity of its own.
      Node("IdentityDocument", "Thing",
           {Key("number", T::kIdentifier),
            Choice("type", {"passport", "national_id", "residence_permit", "visa",
                            "refugee_document", "driving_licence", "other"}),
            Key("holder", T::kEntity), Prop("issueDate", T::kDate), Prop("expiryDate", T::kDate),
            Prop("authority")}),
  };
}

std::vector<Schema> CommunicationRelations() {
  return {
      // FtM Call; callType, cellFirst and cellLast are Tafkik (CDR fields; tower dumps
      // look calls up by cell).
      Edge("Call", "caller", "receiver",
           {Key("callerNumber", T::kPhone), Key("receiverNumber", T::kPhone),
            Prop("duration", T::kNumber, F::kNonNegative),
            Choice("callType", {"voice", "sms", "data"}), Key("cellFirst", T::kIdentifier),
            Key("cellLast", T::kIdentifier),
            // Tafkik: how many calls one aggregated edge stands for (wiretap matrices).
            Prop("weight", T::kNumber, F::kNonNegative)}),
      // FtM Message; channel is Tafkik ("whatsapp", "sms", "facebook").
      Edge("Message", "sender", "recipients",
           {Key("senderAccount", T::kEntity), Key("recipientAccount", T::kEntity), Prop("subject"),
            Prop("bodyText", T::kText), Prop("channel"),
            // Tafkik: the SHA-256 of an attached file kept in the workspace's blobs/ (UFDR).
            Key("attachmentSha256", T::kIdentifier)}),
      // Tafkik.
      Edge("Meeting", "participant", "counterpart", {Key("location", T::kEntity), Prop("place")}),
  };
}

std::vector<Schema> MoneyRelations() {
  return {
      // FtM Payment (with FtM Value's amount, currency, amountEur); channel, fee and
      // serviceProvider (the bank, money transfer operator or hawaladar) are Tafkik.
      Edge("Payment", "payer", "beneficiary",
           {Key("payerAccount", T::kEntity), Key("beneficiaryAccount", T::kEntity),
            Amount("amount"), Prop("currency", T::kCurrency), Amount("amountEur", "EUR"),
            Choice("channel", {"bank", "money_transfer", "mobile_money", "hawala", "cash"}),
            Prop("serviceProvider"), Amount("fee"), Prop("purpose"),
            Key("transactionNumber", T::kIdentifier), Prop("sequenceNumber")}),
      Edge("Ownership", "owner", "asset",
           {Prop("percentage", T::kNumber, F::kPercentage), Prop("role")}),
  };
}

std::vector<Schema> SocialRelations() {
  return {
      Edge("Family", "person", "relative", {Prop("relationship")}),
      // weight is Tafkik: a tie strength from network files (exchange/, co-offending counts).
      Edge("Associate", "person", "associate",
           {Prop("relationship"), Prop("weight", T::kNumber, F::kNonNegative)}),
      // FtM UnknownLink: a link whose nature the source does not say (a person at a meeting
      // in a 2-mode network, a suspect of a crime); weight is Tafkik, as on Associate.
      Edge("UnknownLink", "subject", "object",
           {Prop("role"), Prop("weight", T::kNumber, F::kNonNegative)}),
      Edge("Membership", "member", "organization", {Prop("role"), Prop("status")}),
      Edge("Employment", "employer", "employee", {Prop("role"), Prop("status")}),
  };
}

// Tafkik: movement and the acts that make trafficking (recruitment, exploitation).
std::vector<Schema> TraffickingRelations() {
  return {
      Edge("Travel", "traveller", "destination",
           {Key("origin", T::kEntity), Choice("mode", {"land", "sea", "air"}),
            Key("borderCrossing", T::kEntity), Prop("routeLeg"), Key("vehicle", T::kEntity)}),
      Edge("Recruitment", "recruiter", "recruit",
           {Choice("method", {"deception", "coercion", "abduction", "debt_bondage", "online",
                              "personal_network", "agency", "other"}),
            Prop("promise", T::kText)}),
      Edge("Exploitation", "exploiter", "victim",
           {Choice("form", {"sexual", "domestic_servitude", "forced_labour", "agriculture",
                            "construction", "begging", "forced_criminality", "other"}),
            Key("location", T::kEntity)}),
  };
}

// Tafkik: an entity-resolution decision, with its reasons.
std::vector<Schema> ResolutionRelations() {
  return {Edge(
      "SameAs", "entity", "match",
      {Prop("score", T::kNumber, F::kUnitInterval),
       Choice("decision", {"confirmed", "rejected", "pending"}), Prop("explanation", T::kText)})};
}

}  // namespace

std::vector<Schema> BuiltinSchemata() {
  std::vector<Schema> all;
  for (auto group :
       {Roots, Parties, CommunicationThings, Assets, PlacesAndDocuments, CommunicationRelations,
        MoneyRelations, SocialRelations, TraffickingRelations, ResolutionRelations}) {
    for (Schema& schema : group()) all.push_back(std::move(schema));
  }
  return all;
}

}  // namespace tafkik::model::internal
