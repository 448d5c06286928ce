#include "core/json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"

namespace tafkik {
namespace {

using ::testing::HasSubstr;

std::string Canonical(const Json& value) {
  Result<std::string> text = CanonicalJson(value);
  return text.ok() ? *text : text.status().ToString();
}

// `depth` nested arrays around a 0.
std::string NestedArrays(int depth) {
  return std::string(depth, '[') + "0" + std::string(depth, ']');
}

TEST(CanonicalJsonTest, SortsKeysAndDropsWhitespace) {
  Json value = Json::parse(R"({ "b": [true, null, "x"], "a": 1, "c": {"z": -2, "y": {}} })");
  EXPECT_EQ(Canonical(value), R"({"a":1,"b":[true,null,"x"],"c":{"y":{},"z":-2}})");
}

TEST(CanonicalJsonTest, SameValueSameTextWhateverTheInputOrder) {
  Json first = Json::parse(R"({"name":"x","phones":["+212612345678"],"age":30})");
  Json second = Json::parse(R"({"age":30,"phones":["+212612345678"],"name":"x"})");
  EXPECT_EQ(Canonical(first), Canonical(second));
}

TEST(CanonicalJsonTest, SortsKeysByCodePointNotUtf16) {
  // U+FB01 sorts before U+1D11E by code point, after it in UTF-16 code units.
  Json value = {{"\xF0\x9D\x84\x9E", 5},
                {"\xEF\xAC\x81", 4},
                {"\xE2\x82\xAC", 3},
                {"\xC3\xA9", 2},
                {"z", 1},
                {"Z", 0}};
  EXPECT_EQ(Canonical(value),
            "{\"Z\":0,\"z\":1,\"\xC3\xA9\":2,\"\xE2\x82\xAC\":3,\"\xEF\xAC\x81\":4,"
            "\"\xF0\x9D\x84\x9E\":5}");
}

TEST(CanonicalJsonTest, KeepsUtf8AndEscapesOnlyWhatJsonRequires) {
  Json value = {{"name", "محمد \"Hamid\" \\ Kafé"}, {"note", "tab\there\nnew\x01"}};
  EXPECT_EQ(Canonical(value), R"({"name":"محمد \"Hamid\" \\ Kafé","note":"tab\there\nnew\u0001"})");
}

TEST(CanonicalJsonTest, KeepsIntegersExactly) {
  Json value = {{"min", INT64_MIN}, {"max", UINT64_MAX}, {"zero", 0}};
  EXPECT_EQ(Canonical(value),
            R"({"max":18446744073709551615,"min":-9223372036854775808,"zero":0})");
}

TEST(CanonicalJsonTest, RejectsFloatsAnywhereNamingThePlace) {
  EXPECT_THAT(CanonicalJson(Json(1.5)),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("at the top level")));
  EXPECT_THAT(
      CanonicalJson(Json::parse(R"({"a":[1,{"b/c":[2, 3.0]}]})")),
      StatusIs(StatusCode::kInvalidArgument, HasSubstr("floating-point number at /a/1/b~1c/1")));
  EXPECT_THAT(CanonicalJson(Json::parse(R"([1e3])")), StatusIs(StatusCode::kInvalidArgument));
}

TEST(CanonicalJsonTest, RejectsInvalidUtf8InStringsAndKeys) {
  EXPECT_THAT(CanonicalJson(Json{{"name", "caf\xE9"}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("string at /name")));
  EXPECT_THAT(CanonicalJson(Json{{"k\xC0\xAF", 1}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("object key")));
  // A UTF-8 encoded surrogate is not valid UTF-8 either.
  EXPECT_THAT(CanonicalJson(Json::array({"\xED\xA0\x80"})),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("/0")));
}

TEST(CanonicalJsonTest, RejectsBinaryValues) {
  EXPECT_THAT(CanonicalJson(Json{{"blob", Json::binary({1, 2, 3})}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("/blob")));
}

TEST(CanonicalJsonTest, LimitsNesting) {
  Json deepest_allowed = Json::parse(NestedArrays(kMaxJsonDepth));
  EXPECT_THAT(CanonicalJson(deepest_allowed), IsOk());
  Json too_deep = Json::array({deepest_allowed});
  EXPECT_THAT(CanonicalJson(too_deep),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("nested deeper")));
}

TEST(CanonicalJsonSha256Test, HashesTheCanonicalText) {
  // Python: hashlib.sha256(b'{"a":1,"b":[true,null,"x"]}').hexdigest()
  Json value = Json::parse(R"({"b": [true, null, "x"], "a": 1})");
  EXPECT_EQ(CanonicalJsonSha256(value).value(),
            "eca8cfb31ab74533e1eb2f4c74d2d55dfe3c79ac704787e54be8647ea7777eb1");
  EXPECT_THAT(CanonicalJsonSha256(Json(0.5)), StatusIs(StatusCode::kInvalidArgument));
}

TEST(ParseJsonTest, ParsesDocuments) {
  Result<Json> value = ParseJson(R"({"schema":"Person","properties":{"name":["Amina"]}})");
  ASSERT_THAT(value, IsOk());
  EXPECT_EQ((*value)["properties"]["name"][0], "Amina");
  EXPECT_TRUE(ParseJson("2.5")->is_number_float());
}

TEST(ParseJsonTest, ReportsTheByteOffsetOfTheError) {
  EXPECT_THAT(ParseJson("[1,]"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("invalid JSON at byte 3")));
  EXPECT_THAT(ParseJson(R"({"a":1} x)"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("at byte 8")));
  EXPECT_THAT(ParseJson(""), StatusIs(StatusCode::kInvalidArgument, HasSubstr("at byte 0")));
}

TEST(ParseJsonTest, RejectsInvalidUtf8AndNonJson) {
  EXPECT_THAT(ParseJson("[\"caf\xE9\"]"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseJson("{'a': 1}"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseJson("[1] // comment"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseJson("NaN"), StatusIs(StatusCode::kInvalidArgument));
}

TEST(ParseJsonTest, LimitsNestingBeforeParsing) {
  EXPECT_THAT(ParseJson(NestedArrays(kMaxJsonDepth)), IsOk());
  EXPECT_THAT(ParseJson(NestedArrays(kMaxJsonDepth + 1)),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("at byte " + std::to_string(kMaxJsonDepth))));
  // Brackets inside strings, even after escaped quotes, do not count.
  std::string in_string = "[\"\\\"" + std::string(kMaxJsonDepth + 10, '[') + "\"]";
  EXPECT_THAT(ParseJson(in_string), IsOk());
  // Far deeper than any stack could walk recursively.
  EXPECT_THAT(ParseJson(std::string(1'000'000, '[')), StatusIs(StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace tafkik
