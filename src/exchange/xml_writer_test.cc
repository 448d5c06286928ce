#include "exchange/xml_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "exchange/exchange_test_util.h"

namespace tafkik::exchange {
namespace {

TEST(XmlWriter, EscapesTextAndAttributes) {
  EXPECT_EQ(XmlWriter::Escape("a<b>&\"c\"\n", false), "a&lt;b&gt;&amp;\"c\"\n");
  EXPECT_EQ(XmlWriter::Escape("a<b>&\"c\"\n\t", true), "a&lt;b&gt;&amp;&quot;c&quot;&#xA;&#x9;");
}

TEST(XmlWriter, DropsForbiddenControlsAndReplacesInvalidUtf8) {
  EXPECT_EQ(XmlWriter::Escape(std::string("a\x01\x1f" "b", 4), false), "ab");
  EXPECT_EQ(XmlWriter::Escape("\xC3(", false), "\xEF\xBF\xBD(");
  EXPECT_EQ(XmlWriter::Escape("مرحبا", false), "مرحبا");
}

TEST(XmlWriter, HostileValuesStayWellFormed) {
  std::ostringstream out;
  XmlWriter xml(out);
  xml.Declaration();
  xml.Start("root");
  xml.Attribute("name", "\"><evil attr='x'/>\x02");
  xml.Element("child", "]]></root><!-- \xFF");
  xml.Start("empty");
  xml.End();
  xml.Finish();
  testing::ParsedXml parsed = testing::ParseXml(out.str());
  ASSERT_TRUE(parsed.status.ok()) << parsed.status.ToString() << out.str();
  EXPECT_EQ(parsed.elements, (std::vector<std::string>{"root", "child", "empty"}));
  EXPECT_EQ(parsed.attributes[0].at("name"), "\"><evil attr='x'/>");
  EXPECT_EQ(parsed.texts[1], "]]></root><!-- \xEF\xBF\xBD");
}

}  // namespace
}  // namespace tafkik::exchange
