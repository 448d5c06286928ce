#include "model/schema.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/status_matchers.h"
#include "core/text.h"
#include "core/time.h"

namespace tafkik::model {
namespace {

using ::tafkik::IsOk;
using ::tafkik::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

const SchemaRegistry& Registry() { return SchemaRegistry::Default(); }

const Provenance kManual{.dataset = "manual", .user = "officer.test"};

// ---------------------------------------------------------------------------------------
// Rejected values: each row is one kind of rejection. The message must name the
// "Schema.property", show the (escaped) value in quotes and say why.

struct Rejection {
  const char* test_name;
  std::string schema;
  std::string property;
  std::string value;
  std::string quoted;  // how the value appears in the message
  std::string why;     // a fragment of the reason
};

class RejectedValueTest : public ::testing::TestWithParam<Rejection> {};

TEST_P(RejectedValueTest, IsInvalidArgumentNamingPropertyAndValue) {
  const Rejection& row = GetParam();
  EXPECT_THAT(Registry().ValidateValue(row.schema, row.property, row.value),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr(row.schema + "." + row.property + ": "),
                             HasSubstr(row.quoted), HasSubstr(row.why))));
}

INSTANTIATE_TEST_SUITE_P(
    Schema, RejectedValueTest,
    ::testing::Values(
        Rejection{"Empty", "Person", "name", "", "''", "is empty"},
        Rejection{"Blank", "Person", "name", "   ", "'   '", "is empty"},
        Rejection{"InvalidUtf8", "Person", "name", "Mo\xff", "'Mo\\xff'", "not valid UTF-8"},
        Rejection{"LineBreakInOneLineType", "Person", "birthPlace", "Tanger\nTetouan",
                  "'Tanger\\nTetouan'", "line break"},
        Rejection{"ControlCharacterInText", "Person", "notes", "a\x01z", "'a\\x01z'",
                  "control characters"},
        Rejection{"Padding", "Person", "firstName", " Karim", "' Karim'",
                  "leading or trailing whitespace"},
        Rejection{"DateMonth13", "Person", "birthDate", "2024-13-01", "'2024-13-01'",
                  "is not an ISO 8601 date"},
        Rejection{"DateNotLeapYear", "Person", "birthDate", "2023-02-29", "'2023-02-29'",
                  "is not an ISO 8601 date"},
        Rejection{"DateFrenchOrder", "Person", "deathDate", "17/05/1990", "'17/05/1990'",
                  "is not an ISO 8601 date"},
        Rejection{"CountryUpperCase", "Person", "nationality", "MA", "'MA'", "use 'ma'"},
        Rejection{"CountryName", "Person", "country", "morocco", "'morocco'",
                  "is not an ISO 3166-1 alpha-2 country code"},
        Rejection{"PhoneNational", "Person", "phone", "0612345678", "'0612345678'",
                  "is not an E.164 phone number"},
        Rejection{"EmailWithoutAt", "Person", "email", "karim.example.ma", "'karim.example.ma'",
                  "is not an e-mail address"},
        Rejection{"EmailWithoutDomainDot", "Email", "email", "karim@localhost", "'karim@localhost'",
                  "is not an e-mail address"},
        Rejection{"NumberWithComma", "Call", "duration", "12,5", "'12,5'",
                  "use '.' as the decimal separator"},
        Rejection{"NumberText", "Vessel", "grossRegisteredTonnage", "ten", "'ten'",
                  "is not a decimal number"},
        Rejection{"NegativeDuration", "Call", "duration", "-3", "'-3'", "is negative"},
        Rejection{"AmountGrouped", "Payment", "amount", "1 500", "'1 500'",
                  "is not a decimal number"},
        Rejection{"AmountTooPrecise", "Payment", "amount", "1.12345", "'1.12345'",
                  "more decimals than any currency"},
        Rejection{"AmountEurCents", "Payment", "amountEur", "10.125", "'10.125'",
                  "more decimals than EUR allows (2)"},
        Rejection{"CurrencyLowerCase", "Payment", "currency", "mad", "'mad'", "use 'MAD'"},
        Rejection{"CurrencyUnknown", "Payment", "currency", "DIRHAM", "'DIRHAM'",
                  "is not an ISO 4217 currency code"},
        Rejection{"EntityId", "Payment", "payerAccount", "Account 7", "'Account 7'",
                  "is not an entity id"},
        Rejection{"UrlScheme", "Person", "sourceUrl", "ftp://example.org/a",
                  "'ftp://example.org/a'", "is not an http(s) URL"},
        Rejection{"UrlWithoutHost", "Person", "website", "https:///path", "'https:///path'",
                  "is not an http(s) URL"},
        Rejection{"EnumValue", "Person", "gender", "m", "'m'",
                  "is not one of: male, female, other"},
        Rejection{"ImeiLength", "Device", "imei", "35209900176148", "'35209900176148'",
                  "is not an IMEI (15 digits)"},
        Rejection{"ImeiCheckDigit", "Device", "imei", "490154203237519", "'490154203237519'",
                  "Luhn"},
        Rejection{"ImsiLength", "Phone", "imsi", "60400", "'60400'", "is not an IMSI"},
        Rejection{"IbanCheckDigits", "BankAccount", "iban", "GB82WEST12345698765433",
                  "'GB82WEST12345698765433'", "mod 97"},
        Rejection{"IbanNotNormalised", "BankAccount", "iban", "gb82 west 1234 5698 7654 32",
                  "'gb82 west 1234 5698 7654 32'", "use 'GB82WEST12345698765432'"},
        Rejection{"IbanShape", "BankAccount", "iban", "12345", "'12345'", "is not an IBAN"},
        Rejection{"Bic", "BankAccount", "bic", "BMCE", "'BMCE'", "is not a BIC"},
        Rejection{"Latitude", "Location", "latitude", "95", "'95'", "latitude"},
        Rejection{"Longitude", "Address", "longitude", "-181", "'-181'", "longitude"},
        Rejection{"Percentage", "Ownership", "percentage", "120", "'120'", "percentage"},
        Rejection{"Score", "SameAs", "score", "1.5", "'1.5'", "between 0 and 1"}),
    [](const ::testing::TestParamInfo<Rejection>& info) { return info.param.test_name; });

TEST(SchemaRegistryTest, LongValuesAreCutInTheMessage) {
  const std::string value = std::string(100, 'x') + "\n";
  const Status status = Registry().ValidateValue("Person", "birthPlace", value);
  EXPECT_THAT(status,
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Person.birthPlace: '" + std::string(60, 'x') + "...'"),
                             Not(HasSubstr(std::string(61, 'x'))))));
}

TEST(SchemaRegistryTest, CutsLongArabicValuesOnCharacterBoundaries) {
  std::string value;
  for (int repeat = 0; repeat < 40; ++repeat) value += "محمد ";  // 5 characters each
  value += "\n";
  const Status status = Registry().ValidateValue("Person", "birthPlace", value);
  ASSERT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("...'"));
  EXPECT_TRUE(IsValidUtf8(status.message())) << status.message();
}

// ---------------------------------------------------------------------------------------
// Accepted values.

struct Acceptance {
  std::string schema;
  std::string property;
  std::string value;
};

class AcceptedValueTest : public ::testing::TestWithParam<Acceptance> {};

TEST_P(AcceptedValueTest, IsOk) {
  const Acceptance& row = GetParam();
  EXPECT_THAT(Registry().ValidateValue(row.schema, row.property, row.value), IsOk())
      << row.schema << "." << row.property << " = '" << row.value << "'";
}

INSTANTIATE_TEST_SUITE_P(
    Schema, AcceptedValueTest,
    ::testing::Values(
        Acceptance{"Person", "name", "Mohamed Ben Ali"},
        Acceptance{"Person", "name", "محمد بن علي"}, Acceptance{"Person", "alias", "Abou Karim"},
        Acceptance{"Person", "birthDate", "1990"}, Acceptance{"Person", "birthDate", "1990-05"},
        Acceptance{"Person", "birthDate", "1990-05-17"},
        Acceptance{"Person", "birthDate", "2024-02-29"},
        Acceptance{"Person", "deathDate", "2025-07-01T10:20:30Z"},
        Acceptance{"Person", "nationality", "ma"}, Acceptance{"Person", "nationality", "eg"},
        Acceptance{"Person", "country", "ly"}, Acceptance{"Person", "phone", "+212612345678"},
        Acceptance{"Person", "phone", "+201001234567"},
        Acceptance{"Person", "phone", "+21620123456"},
        Acceptance{"Person", "email", "karim.benali@example.ma"},
        Acceptance{"Person", "email", "a+tag@mail.example.co.uk"},
        Acceptance{"Person", "gender", "female"},
        Acceptance{"Person", "notes", "First interview.\nSecond line\twith a tab."},
        Acceptance{"Person", "sourceUrl", "https://example.org/report?id=1#p2"},
        Acceptance{"Person", "website", "HTTP://EXAMPLE.ORG"},
        Acceptance{"Person", "passportNumber", "AB1234567"},
        Acceptance{"Device", "imei", "490154203237518"},
        Acceptance{"Device", "imei", "356938035643809"},
        Acceptance{"Phone", "imsi", "604001234567890"},
        Acceptance{"Phone", "number", "+212612345678"},
        Acceptance{"BankAccount", "iban", "GB82WEST12345698765432"},
        Acceptance{"BankAccount", "iban", "TN5910006035183598478831"},
        Acceptance{"BankAccount", "iban", "EG380019000500000000263180002"},
        Acceptance{"BankAccount", "iban", "LY83002048000020100120361"},
        Acceptance{"BankAccount", "bic", "BCMAMAMC"},
        Acceptance{"BankAccount", "bic", "DEUTDEFF500"},
        Acceptance{"BankAccount", "currency", "MAD"}, Acceptance{"Payment", "amount", "1500"},
        Acceptance{"Payment", "amount", "1500.50"}, Acceptance{"Payment", "amount", "0.125"},
        Acceptance{"Payment", "amountEur", "12.50"}, Acceptance{"Payment", "currency", "LYD"},
        Acceptance{"Payment", "channel", "hawala"},
        Acceptance{"Payment", "payerAccount", "3f2a9c0d1e"}, Acceptance{"Call", "duration", "0"},
        Acceptance{"Call", "duration", "75"}, Acceptance{"Call", "callType", "sms"},
        Acceptance{"Location", "latitude", "35.7595"},
        Acceptance{"Location", "longitude", "-5.8340"},
        Acceptance{"Location", "kind", "border_crossing"},
        Acceptance{"Ownership", "percentage", "100"}, Acceptance{"SameAs", "score", "0.93"},
        Acceptance{"SameAs", "decision", "pending"},
        Acceptance{"IdentityDocument", "type", "residence_permit"},
        Acceptance{"Vessel", "flag", "pa"},
        Acceptance{"Exploitation", "form", "domestic_servitude"},
        Acceptance{"Recruitment", "method", "deception"}));

// ---------------------------------------------------------------------------------------
// Unknown names.

TEST(SchemaRegistryTest, UnknownSchemaIsNotFound) {
  EXPECT_THAT(Registry().ValidateValue("Persn", "name", "Karim"),
              StatusIs(StatusCode::kNotFound, HasSubstr("'Persn'")));
  EXPECT_THAT(Registry().Find("person"),
              StatusIs(StatusCode::kNotFound, HasSubstr("did you mean 'Person'")));
}

TEST(SchemaRegistryTest, UnknownPropertyIsNotFoundWithCaseHint) {
  EXPECT_THAT(Registry().ValidateValue("Person", "birthdate", "1990"),
              StatusIs(StatusCode::kNotFound, AllOf(HasSubstr("'Person.birthdate'"),
                                                    HasSubstr("did you mean 'birthDate'"))));
  EXPECT_THAT(Registry().FindProperty("Person", "shoeSize"),
              StatusIs(StatusCode::kNotFound, HasSubstr("'Person.shoeSize'")));
}

// ---------------------------------------------------------------------------------------
// The catalogue.

const Property& PropertyOf(const std::string& schema, const std::string& property) {
  auto found = Registry().FindProperty(schema, property);
  EXPECT_THAT(found, IsOk());
  static const Property kMissing;
  return found.ok() ? **found : kMissing;
}

TEST(SchemaRegistryTest, HasEverySchemaTheIssueNames) {
  for (const char* name :
       {"Person", "Organization", "Phone", "BankAccount", "Address", "Location", "Vehicle",
        "Vessel", "IdentityDocument", "Device", "Email", "SocialAccount", "Event"}) {
    auto schema = Registry().Find(name);
    ASSERT_THAT(schema, IsOk());
    EXPECT_FALSE((*schema)->is_relation) << name;
    EXPECT_FALSE((*schema)->abstract) << name;
  }
  for (const char* name :
       {"Call", "Message", "Payment", "Meeting", "Travel", "Family", "Associate", "Membership",
        "Employment", "Ownership", "Recruitment", "Exploitation", "SameAs", "UnknownLink"}) {
    auto schema = Registry().Find(name);
    ASSERT_THAT(schema, IsOk());
    EXPECT_TRUE((*schema)->is_relation) << name;
  }
}

TEST(SchemaRegistryTest, PersonInheritsFromLegalEntityAndThing) {
  EXPECT_EQ(PropertyOf("Person", "name").type, PropertyType::kName);
  EXPECT_TRUE(PropertyOf("Person", "name").indexed);
  EXPECT_EQ(PropertyOf("Person", "phone").type, PropertyType::kPhone);
  EXPECT_TRUE(PropertyOf("Person", "phone").indexed);
  EXPECT_EQ(PropertyOf("Person", "idNumber").type, PropertyType::kIdentifier);
  EXPECT_TRUE(Registry().IsA("Person", "LegalEntity"));
  EXPECT_TRUE(Registry().IsA("Person", "Thing"));
  EXPECT_TRUE(Registry().IsA("Person", "Person"));
  EXPECT_FALSE(Registry().IsA("Person", "Organization"));
  EXPECT_FALSE(Registry().IsA("Nobody", "Thing"));
}

TEST(SchemaRegistryTest, VesselInheritsFromVehicle) {
  EXPECT_TRUE(PropertyOf("Vessel", "registrationNumber").indexed);
  EXPECT_EQ(PropertyOf("Vessel", "flag").type, PropertyType::kCountry);
  EXPECT_EQ(PropertyOf("Vessel", "name").type, PropertyType::kName);
}

TEST(SchemaRegistryTest, RelationsDoNotInheritThingProperties) {
  EXPECT_THAT(Registry().FindProperty("Call", "name"), StatusIs(StatusCode::kNotFound));
  EXPECT_EQ(PropertyOf("Call", "startDate").type, PropertyType::kDate);
}

TEST(SchemaRegistryTest, EveryRelationSchemaHasBothEnds) {
  int relations = 0;
  for (const std::string& name : Registry().SchemaNames()) {
    const Schema& schema = **Registry().Find(name);
    if (!schema.is_relation || schema.abstract) continue;
    ++relations;
    ASSERT_FALSE(schema.source_property.empty()) << name;
    ASSERT_FALSE(schema.target_property.empty()) << name;
    EXPECT_NE(schema.source_property, schema.target_property) << name;
    EXPECT_EQ(PropertyOf(name, schema.source_property).type, PropertyType::kEntity) << name;
    EXPECT_EQ(PropertyOf(name, schema.target_property).type, PropertyType::kEntity) << name;
  }
  EXPECT_EQ(relations, 14);
}

TEST(SchemaRegistryTest, EntitySchemataHaveNoEnds) {
  for (const std::string& name : Registry().SchemaNames()) {
    const Schema& schema = **Registry().Find(name);
    if (schema.is_relation) continue;
    EXPECT_TRUE(schema.source_property.empty() && schema.target_property.empty()) << name;
  }
}

TEST(SchemaRegistryTest, EnumsListTheirValuesAndOnlyEnumsDo) {
  for (const std::string& name : Registry().SchemaNames()) {
    for (const auto& [property_name, property] : (*Registry().Find(name))->properties) {
      EXPECT_EQ(property.type == PropertyType::kEnum, !property.allowed.empty())
          << name << "." << property_name;
    }
  }
}

TEST(SchemaRegistryTest, EveryAmountHasACurrency) {
  for (const std::string& name : Registry().SchemaNames()) {
    const Schema& schema = **Registry().Find(name);
    for (const auto& [property_name, property] : schema.properties) {
      if (property.type != PropertyType::kAmount || !property.currency.empty()) continue;
      ASSERT_TRUE(schema.properties.contains("currency")) << name << "." << property_name;
      EXPECT_EQ(schema.properties.at("currency").type, PropertyType::kCurrency);
    }
  }
}

TEST(SchemaRegistryTest, LookupPropertiesAreIndexed) {
  EXPECT_TRUE(PropertyOf("Phone", "number").indexed);
  EXPECT_TRUE(PropertyOf("Phone", "imsi").indexed);
  EXPECT_TRUE(PropertyOf("Device", "imei").indexed);
  EXPECT_TRUE(PropertyOf("BankAccount", "iban").indexed);
  EXPECT_TRUE(PropertyOf("IdentityDocument", "number").indexed);
  EXPECT_TRUE(PropertyOf("Location", "cellId").indexed);
  EXPECT_TRUE(PropertyOf("Payment", "transactionNumber").indexed);
  EXPECT_FALSE(PropertyOf("Person", "notes").indexed);
}

TEST(SchemaRegistryTest, PropertyTypeNamesFollowFtm) {
  EXPECT_EQ(PropertyTypeName(PropertyType::kIdentifier), "identifier");
  EXPECT_EQ(PropertyTypeName(PropertyType::kEntity), "entity");
  EXPECT_EQ(PropertyTypeName(PropertyType::kCountry), "country");
}

// ---------------------------------------------------------------------------------------
// Whole entities.

Entity MakePerson() {
  Entity person{.id = EntityId("p1"), .schema = "Person"};
  person.Add("name", "Karim Benali", kManual);
  person.Add("alias", "كريم بن علي", kManual);
  person.Add("birthDate", "1988-03-14", kManual);
  person.Add("nationality", "ma", kManual);
  person.Add("phone", "+212612345678", kManual);
  return person;
}

TEST(ValidateEntityTest, AcceptsAValidPerson) {
  EXPECT_THAT(Registry().Validate(MakePerson()), IsOk());
}

TEST(ValidateEntityTest, RejectsABadValueNamingPropertyAndValue) {
  Entity person = MakePerson();
  person.Add("nationality", "MA", kManual);
  EXPECT_THAT(
      Registry().Validate(person),
      StatusIs(StatusCode::kInvalidArgument,
               AllOf(HasSubstr("Person.nationality"), HasSubstr("'MA'"), HasSubstr("use 'ma'"))));
}

TEST(ValidateEntityTest, RejectsAnInvalidId) {
  Entity person = MakePerson();
  person.id = EntityId("Karim Benali");
  EXPECT_THAT(Registry().Validate(person),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Person id"), HasSubstr("'Karim Benali'"))));
}

TEST(ValidateEntityTest, RejectsAMissingId) {
  Entity person = MakePerson();
  person.id = EntityId();
  EXPECT_THAT(Registry().Validate(person),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Person has no id")));
}

TEST(ValidateEntityTest, UnknownSchemaIsNotFound) {
  Entity thing{.id = EntityId("x1"), .schema = "Spaceship"};
  EXPECT_THAT(Registry().Validate(thing),
              StatusIs(StatusCode::kNotFound, HasSubstr("'Spaceship'")));
}

TEST(ValidateEntityTest, UnknownPropertyIsNotFound) {
  Entity person = MakePerson();
  person.Add("shoeSize", "42", kManual);
  EXPECT_THAT(Registry().Validate(person),
              StatusIs(StatusCode::kNotFound, HasSubstr("'Person.shoeSize'")));
}

TEST(ValidateEntityTest, RejectsARelationSchema) {
  Entity call{.id = EntityId("c1"), .schema = "Call"};
  EXPECT_THAT(Registry().Validate(call),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Call is a relation schema")));
}

TEST(ValidateEntityTest, RejectsAnAbstractSchema) {
  Entity thing{.id = EntityId("t1"), .schema = "Thing"};
  EXPECT_THAT(Registry().Validate(thing),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Thing is abstract")));
}

// ---------------------------------------------------------------------------------------
// Whole relations.

Relation MakePayment() {
  Relation payment{.id = EntityId("pay1"),
                   .schema = "Payment",
                   .source = EntityId("p1"),
                   .target = EntityId("p2"),
                   .start = Timestamp::FromSeconds(1'750'000'000),
                   .end = Timestamp::FromSeconds(1'750'000'000)};
  payment.Add("amount", "15000.50", kManual);
  payment.Add("currency", "MAD", kManual);
  payment.Add("channel", "hawala", kManual);
  payment.Add("purpose", "crossing fee", kManual);
  return payment;
}

TEST(ValidateRelationTest, AcceptsAValidPayment) {
  EXPECT_THAT(Registry().Validate(MakePayment()), IsOk());
}

TEST(ValidateRelationTest, AcceptsMillimesInDinars) {
  Relation payment = MakePayment();
  payment.properties.erase("amount");
  payment.properties.erase("currency");
  payment.Add("amount", "1200.125", kManual);
  payment.Add("currency", "LYD", kManual);
  EXPECT_THAT(Registry().Validate(payment), IsOk());
}

TEST(ValidateRelationTest, RejectsMoreDecimalsThanTheCurrencyHas) {
  Relation payment = MakePayment();
  payment.properties.erase("amount");
  payment.Add("amount", "12.345", kManual);
  EXPECT_THAT(Registry().Validate(payment),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Payment.amount"), HasSubstr("'12.345'"),
                             HasSubstr("more decimals than MAD allows (2)"))));
}

TEST(ValidateRelationTest, RejectsAFeeMoreDecimalsThanTheCurrencyHas) {
  Relation payment = MakePayment();
  payment.Add("fee", "0.505", kManual);
  EXPECT_THAT(Registry().Validate(payment),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Payment.fee"), HasSubstr("'0.505'"), HasSubstr("MAD"))));
}

TEST(ValidateRelationTest, RejectsAnAmountWithoutCurrency) {
  Relation payment = MakePayment();
  payment.properties.erase("currency");
  EXPECT_THAT(Registry().Validate(payment),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Payment.amount"), HasSubstr("'15000.50'"),
                             HasSubstr("has no currency"))));
}

TEST(ValidateRelationTest, RejectsAMissingSource) {
  Relation payment = MakePayment();
  payment.source = EntityId();
  EXPECT_THAT(Registry().Validate(payment),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Payment.payer"), HasSubstr("not set"))));
}

TEST(ValidateRelationTest, RejectsAMissingTarget) {
  Relation payment = MakePayment();
  payment.target = EntityId();
  EXPECT_THAT(Registry().Validate(payment),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Payment.beneficiary"), HasSubstr("not set"))));
}

TEST(ValidateRelationTest, RejectsAnInvalidEndId) {
  Relation call{.id = EntityId("c1"),
                .schema = "Call",
                .source = EntityId("+212612345678"),
                .target = EntityId("p2")};
  EXPECT_THAT(Registry().Validate(call),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Call.caller"), HasSubstr("'+212612345678'"),
                             HasSubstr("is not an entity id"))));
}

TEST(ValidateRelationTest, RejectsAnInvalidRelationId) {
  Relation payment = MakePayment();
  payment.id = EntityId("-pay");
  EXPECT_THAT(
      Registry().Validate(payment),
      StatusIs(StatusCode::kInvalidArgument, AllOf(HasSubstr("Payment id"), HasSubstr("'-pay'"))));
}

TEST(ValidateRelationTest, RejectsStartAfterEnd) {
  Relation payment = MakePayment();
  payment.start = Timestamp::FromSeconds(1'750'000'060);
  EXPECT_THAT(Registry().Validate(payment),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Payment 'pay1'"), HasSubstr("is after end"),
                             HasSubstr(FormatTimestamp(*payment.start)))));
}

TEST(ValidateRelationTest, AcceptsOpenIntervals) {
  Relation payment = MakePayment();
  payment.end.reset();
  EXPECT_THAT(Registry().Validate(payment), IsOk());
  payment.start.reset();
  EXPECT_THAT(Registry().Validate(payment), IsOk());
}

TEST(ValidateRelationTest, RejectsAnEntitySchema) {
  Relation relation = MakePayment();
  relation.schema = "Person";
  relation.properties.clear();
  EXPECT_THAT(Registry().Validate(relation),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Person is not a relation schema")));
}

TEST(ValidateRelationTest, RejectsAnEndRepeatedInProperties) {
  Relation payment = MakePayment();
  payment.Add("payer", "p1", kManual);
  EXPECT_THAT(Registry().Validate(payment),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Payment.payer"), HasSubstr("source"))));
}

TEST(ValidateRelationTest, RejectsTheIntervalRepeatedInProperties) {
  Relation payment = MakePayment();
  payment.Add("startDate", "2025-06-15", kManual);
  EXPECT_THAT(Registry().Validate(payment),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Payment.startDate"), HasSubstr("start"))));
}

TEST(ValidateRelationTest, AcceptsACallFromACdr) {
  Relation call{.id = EntityId("cdr-1"),
                .schema = "Call",
                .source = EntityId("phone-a"),
                .target = EntityId("phone-b"),
                .start = Timestamp::FromSeconds(1'750'000'000),
                .end = Timestamp::FromSeconds(1'750'000'075)};
  call.Add("callerNumber", "+212612345678", kManual);
  call.Add("receiverNumber", "+218912345678", kManual);
  call.Add("duration", "75", kManual);
  call.Add("callType", "voice", kManual);
  call.Add("cellFirst", "604-00-1021-33011", kManual);
  EXPECT_THAT(Registry().Validate(call), IsOk());
}

}  // namespace
}  // namespace tafkik::model
