// GraphML in and out: GraphML -> Tafkik -> GraphML keeps nodes, edges and their attributes.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "exchange/exchange_test_util.h"
#include "exchange/export.h"

namespace tafkik::exchange {
namespace {

using testing::Import;
using testing::NewWorkspace;

constexpr char kGraphml[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="node" attr.name="nationality" attr.type="string"/>
  <key id="d2" for="node" attr.name="schema" attr.type="string"/>
  <key id="d3" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d4" for="edge" attr.name="schema" attr.type="string"/>
  <key id="d5" for="edge" attr.name="start" attr.type="string"/>
  <key id="d6" for="edge" attr.name="duration" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <edge source="n0" target="n1"><data key="d3">3</data></edge>
    <node id="n0"><data key="d0">Omar &amp; Sons</data><data key="d2">Organization</data></node>
    <node id="n1"><data key="d0">Fatima Zahra</data><data key="d1">ma</data></node>
    <node id="n2"><data key="d0">مصطفى</data></node>
    <edge source="n1" target="n2"><data key="d4">Call</data><data key="d5">2024-05-01T08:00:00Z</data><data key="d6">60</data></edge>
  </graph>
</graphml>
)";

// Nodes as "schema name attr=value ..." and edges as "source-name>target-name schema attrs",
// from a GraphML text: ids differ between files, content must not.
std::multiset<std::string> Canonical(const std::string& text) {
  testing::ParsedXml xml = testing::ParseXml(text);
  EXPECT_TRUE(xml.status.ok()) << xml.status.ToString();
  std::map<std::string, std::string> key_names;
  struct Item {
    bool is_edge;
    std::string id_or_ends;
    std::map<std::string, std::string> data;
  };
  std::vector<Item> items;
  for (size_t idx = 0; idx < xml.elements.size(); ++idx) {
    const std::string& element = xml.elements[idx];
    const auto& attributes = xml.attributes[idx];
    if (element == "key") key_names[attributes.at("id")] = attributes.at("attr.name");
    if (element == "node") items.push_back({false, attributes.at("id"), {}});
    if (element == "edge") {
      items.push_back({true, attributes.at("source") + ">" + attributes.at("target"), {}});
    }
    if (element == "data") items.back().data[key_names[attributes.at("key")]] = xml.texts[idx];
  }
  std::map<std::string, std::string> names;
  for (Item& item : items) {
    if (!item.data.contains("schema")) item.data["schema"] = item.is_edge ? "Associate" : "Person";
    if (!item.is_edge) names[item.id_or_ends] = item.data["name"];
  }
  std::multiset<std::string> out;
  for (const Item& item : items) {
    std::string line = "node";
    if (item.is_edge) {
      size_t bar = item.id_or_ends.find('>');
      line = "edge " + names[item.id_or_ends.substr(0, bar)] + ">" +
             names[item.id_or_ends.substr(bar + 1)];
    }
    for (const auto& [name, value] : item.data) line += " " + name + "=" + value;
    out.insert(line);
  }
  return out;
}

TEST(Graphml, RoundTripKeepsNodesEdgesAndAttributes) {
  auto workspace = NewWorkspace();
  std::string path = workspace->dir.Sub("in.graphml");
  testing::WriteAll(path, kGraphml);
  auto result = Import(*workspace, path, InFormat::kGraphml);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_TRUE(result.rejects.empty());
  EXPECT_EQ(result.entities, 3);
  EXPECT_EQ(result.relations, 2);

  std::ostringstream out;
  ExportOptions options;
  options.format = OutFormat::kGraphml;
  options.output = "-";
  options.stdout_stream = &out;
  ASSERT_TRUE(Export(*workspace->store, {"tester"}, options).ok());
  std::multiset<std::string> expected = {
      "node name=Omar & Sons schema=Organization",
      "node name=Fatima Zahra nationality=ma schema=Person",
      "node name=مصطفى schema=Person",
      "edge Omar & Sons>Fatima Zahra schema=Associate weight=3",
      "edge Fatima Zahra>مصطفى duration=60 schema=Call start=2024-05-01T08:00:00Z",
  };
  EXPECT_EQ(Canonical(kGraphml), expected);  // the comparison itself reads GraphML right
  EXPECT_EQ(Canonical(out.str()), expected);
}

TEST(Graphml, TypedKeysAreDeclared) {
  auto workspace = NewWorkspace();
  std::string path = workspace->dir.Sub("in.graphml");
  testing::WriteAll(path, kGraphml);
  ASSERT_TRUE(Import(*workspace, path, InFormat::kGraphml).status.ok());
  std::ostringstream out;
  ExportOptions options;
  options.format = OutFormat::kGraphml;
  options.output = "-";
  options.stdout_stream = &out;
  ASSERT_TRUE(Export(*workspace->store, {"tester"}, options).ok());
  testing::ParsedXml xml = testing::ParseXml(out.str());
  ASSERT_TRUE(xml.status.ok());
  const auto* weight = xml.Find("key", "attr.name", "weight");
  ASSERT_NE(weight, nullptr);
  EXPECT_EQ(weight->at("attr.type"), "double");
  EXPECT_EQ(weight->at("for"), "edge");
  EXPECT_EQ(xml.Find("key", "attr.name", "nationality")->at("attr.type"), "string");
  EXPECT_EQ(xml.Find("graph", "edgedefault", "directed") != nullptr, true);
}

// The fuzz finding of the FtM reader, in GraphML: a Payment with an amount and no currency
// passes every per-value check; the record as a whole is a reject, not a failed import.
TEST(Graphml, PaymentWithoutCurrencyIsARejectNotAFailedImport) {
  auto workspace = NewWorkspace();
  std::string path = workspace->dir.Sub("in.graphml");
  testing::WriteAll(path, R"(<graphml><key id="s" for="edge" attr.name="schema"/>
    <key id="a" for="edge" attr.name="amount"/><graph>
    <node id="a"/><node id="b"/>
    <edge source="a" target="b"><data key="s">Payment</data><data key="a">10</data></edge>
    <edge source="a" target="b"/></graph></graphml>)");
  auto result = Import(*workspace, path, InFormat::kGraphml);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.entities, 2);
  EXPECT_EQ(result.relations, 1);
  ASSERT_EQ(result.rejects.size(), 1u);
  EXPECT_EQ(result.rejects[0].row, 3);  // ordinal among nodes and edges: the first edge
}

TEST(Graphml, MalformedXmlFailsAndLandsNothing) {
  auto workspace = NewWorkspace();
  std::string path = workspace->dir.Sub("bad.graphml");
  testing::WriteAll(path, "<graphml><graph><node id=\"a\"></graph>");
  auto result = Import(*workspace, path, InFormat::kGraphml);
  EXPECT_EQ(result.status.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(workspace->store->Count()->entities_by_schema.empty());
}

}  // namespace
}  // namespace tafkik::exchange
