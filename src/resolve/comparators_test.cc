#include "resolve/comparators.h"

#include <gtest/gtest.h>

namespace tafkik::resolve {
namespace {

BirthDate Date(std::string_view text) {
  BirthDate date;
  EXPECT_TRUE(ParseBirthDate(text, date)) << text;
  return date;
}

int Level(const Comparison& comparison, Field field) {
  return comparison.levels[static_cast<int>(field)];
}

TEST(BirthDateTest, ParsesCommonFormsAndRefusesImpossibleDates) {
  BirthDate date;
  ASSERT_TRUE(ParseBirthDate("17/05/1980", date));
  EXPECT_EQ(date.year * 10000 + date.month * 100 + date.day, 19800517);
  ASSERT_TRUE(ParseBirthDate("19800517", date));
  ASSERT_TRUE(ParseBirthDate("1980-05", date));
  EXPECT_EQ(date.day, 0);
  ASSERT_TRUE(ParseBirthDate("2000-02-29", date));
  EXPECT_FALSE(ParseBirthDate("1999-02-29", date));
  EXPECT_FALSE(ParseBirthDate("1980-13-01", date));
  EXPECT_FALSE(ParseBirthDate("1980-04-31", date));
  EXPECT_FALSE(ParseBirthDate("0000-00-00", date));
  EXPECT_FALSE(ParseBirthDate("unknown", date));
  EXPECT_FALSE(ParseBirthDate("", date));
}

TEST(BirthDateTest, Levels) {
  EXPECT_EQ(CompareBirthDates(Date("1980-05-17"), Date("1980-05-17")), 3);
  EXPECT_EQ(CompareBirthDates(Date("1980-05-07"), Date("1980-07-05")), 2);  // day/month swap
  EXPECT_EQ(CompareBirthDates(Date("1980-05-17"), Date("1980-05-18")), 2);  // one digit
  EXPECT_EQ(CompareBirthDates(Date("1980-05-17"), Date("1981-05-17")), 2);  // one digit too
  EXPECT_EQ(CompareBirthDates(Date("1979-05-17"), Date("1980-05-17")), 1);  // year +-1
  EXPECT_EQ(CompareBirthDates(Date("1980"), Date("1980-05-17")), 1);        // partial
  EXPECT_EQ(CompareBirthDates(Date("1980-06"), Date("1980-05-17")), 0);
  EXPECT_EQ(CompareBirthDates(Date("1962-11-03"), Date("1980-05-17")), 0);
}

TEST(DocumentTest, Levels) {
  EXPECT_EQ(CompareDocuments("AB123456", "AB123456"), 2);
  EXPECT_EQ(CompareDocuments("AB123456", "AB123457"), 1);
  EXPECT_EQ(CompareDocuments("AB123456", "AB124356"), 1);
  EXPECT_EQ(CompareDocuments("AB123456", "AB123478"), 1);  // two slips in 8 characters
  EXPECT_EQ(CompareDocuments("12345", "12346"), 1);
  EXPECT_EQ(CompareDocuments("12345", "12366"), 0);
  EXPECT_EQ(CompareDocuments("AB123456", "XY987654"), 0);
}

TEST(PhoneTest, Levels) {
  EXPECT_EQ(ComparePhones("212612345678", "212612345678"), 2);
  EXPECT_EQ(ComparePhones("212612345678", "0612345678"), 1);  // national format
  EXPECT_EQ(ComparePhones("212612345678", "212612345679"), 0);
}

TEST(CompareTest, NothingAgreesOrDisagreesOnEmptyOrMalformedValues) {
  PersonRecord left, right;
  left.names = {"", "  ", "Ben", "بن"};  // particles alone say nothing
  right.names = {"Ahmed Tazi"};
  left.birth_dates = {"1980-13-45"};
  right.birth_dates = {"1980-05-17"};
  left.documents = {"N/A", "----"};
  right.documents = {"AB123456"};
  left.phones = {"123"};
  right.phones = {"+212612345678"};
  Comparison comparison = Compare(Prepare(left), Prepare(right), nullptr);
  for (int field = 0; field < kFieldCount; ++field) {
    EXPECT_EQ(comparison.levels[field], kMissing) << FieldName(static_cast<Field>(field));
  }
}

TEST(CompareTest, BestOfSeveralValues) {
  PersonRecord left, right;
  left.names = {"Hamada", "Mohamed Benabderrahmane"};
  right.names = {"Muhammad Abd al-Rahman"};
  left.documents = {"P-001234", "MA 778899"};
  right.documents = {"ma778899"};
  left.accounts = {"MA64 0111 1900 0001 2345 6789 0123"};
  right.accounts = {"MA640111190000012345678901 23"};
  left.nationalities = {"ma"};
  right.nationalities = {"eg"};
  Comparison comparison = Compare(Prepare(left), Prepare(right), nullptr);
  EXPECT_EQ(Level(comparison, Field::kName), 3);
  EXPECT_EQ(Level(comparison, Field::kDocument), 2);
  EXPECT_EQ(Level(comparison, Field::kAccount), 1);
  EXPECT_EQ(Level(comparison, Field::kNationality), 0);
  EXPECT_EQ(Level(comparison, Field::kPhone), kMissing);
}

TEST(CompareTest, AddressLevels) {
  EXPECT_EQ(CompareAddresses("12 des orangers rue tanger", "12 des orangers rue tanger"), 3);
  EXPECT_EQ(CompareAddresses("12 orangers rue tanger", "12 orangres rue tanger"), 3);
  EXPECT_EQ(CompareAddresses("12 orangers rue tanger", "12 orangers rue"), 2);
  EXPECT_EQ(CompareAddresses("12 orangers rue tanger", "40 orangers rue fes"), 1);
  EXPECT_EQ(CompareAddresses("12 orangers rue tanger", "45 bab el oued alger"), 0);
}

}  // namespace
}  // namespace tafkik::resolve
