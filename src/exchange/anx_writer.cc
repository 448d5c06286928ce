// i2 Analyst's Notebook Exchange (ANX): the conservative subset documented in
// docs/exchange-i2-anx.md. Definitions first (strengths, link types, entity types, attribute
// classes, all known from the scan), then one ChartItem per entity (End > Entity > Icon >
// IconStyle) and per relation (Link > LinkStyle), with the relation's start as the item's
// date and every property as an attribute. Times are UTC (UseLocalTimeZone="false").
#include <map>

#include "exchange/internal/writers.h"
#include "exchange/xml_writer.h"
#include "model/caption.h"
#include "model/schema.h"

namespace tafkik::exchange::internal {
namespace {

struct I2Type {
  const char* name;  // i2 entity type name
  const char* icon;  // i2 icon file
};

// Icon files only from those i2's standard palette is known to resolve; "anon" otherwise.
I2Type I2TypeOf(const std::string& schema) {
  static const std::map<std::string, I2Type> types = {
      {"Person", {"Person", "person"}},
      {"Organization", {"Organisation", "anon"}},
      {"Company", {"Organisation", "anon"}},
      {"Phone", {"Telephone", "anon"}},
      {"Device", {"Mobile Phone", "anon"}},
      {"BankAccount", {"Account", "anon"}},
      {"Vehicle", {"Vehicle", "car"}},
      {"Vessel", {"Vessel", "anon"}},
      {"Address", {"Address", "place"}},
      {"Location", {"Location", "place"}},
      {"Email", {"Email Address", "anon"}},
      {"SocialAccount", {"Online Account", "anon"}},
      {"IdentityDocument", {"Document", "anon"}},
      {"Event", {"Event", "anon"}},
  };
  auto it = types.find(schema);
  return it == types.end() ? I2Type{"Other", "anon"} : it->second;
}

// Relations with no direction of their own are drawn without arrows.
bool IsSymmetric(const std::string& schema) {
  return schema == "Associate" || schema == "Family" || schema == "Meeting" ||
         schema == "SameAs";
}

std::string I2Time(Timestamp t) {
  std::string text = FormatTimestamp(Timestamp::FromSeconds(t.seconds()));
  return text.substr(0, 19) + ".000";  // "2025-07-01T10:20:30.000": i2 wants no zone
}

std::string AttType(const std::string& property) {
  if (AttributeType(property) == "double") return "AttNumber";
  return "AttText";
}

void Attributes(XmlWriter& xml, const std::map<std::string, std::string>& classes,
                const model::PropertyMap& properties) {
  if (properties.empty()) return;
  xml.Start("AttributeCollection");
  for (const auto& [name, values] : properties) {
    xml.Start("Attribute");
    xml.Attribute("AttributeClass", name);
    xml.Attribute("AttributeClassReference", classes.at(name));
    xml.Attribute("Value", AttType(name) == "AttNumber" ? values.front().value : Joined(values));
    xml.End();
  }
  xml.End();
}

}  // namespace

Status WriteAnx(ExportSource& source, std::ostream& out, ExportSummary& summary) {
  const Scan& scan = source.scan();
  XmlWriter xml(out);
  xml.Declaration();
  xml.Start("Chart");
  xml.Attribute("IdReferenceLinking", "true");
  xml.Attribute("Rigorous", "true");
  xml.Attribute("UseLocalTimeZone", "false");
  if (scan.earliest) xml.Attribute("DefaultDate", I2Time(*scan.earliest));

  xml.Start("StrengthCollection");
  xml.Start("Strength");
  xml.Attribute("Id", "STRENGTH_CONFIRMED");
  xml.Attribute("Name", "Confirmed");
  xml.Attribute("DotStyle", "DotStyleSolid");
  xml.End();
  xml.Start("Strength");
  xml.Attribute("Id", "STRENGTH_TENTATIVE");
  xml.Attribute("Name", "Tentative");
  xml.Attribute("DotStyle", "DotStyleDashed");
  xml.End();
  xml.End();

  xml.Start("LinkTypeCollection");
  for (const auto& [schema, count] : scan.relations_by_schema) {
    xml.Start("LinkType");
    xml.Attribute("Id", "LINKTYPE_" + schema);
    xml.Attribute("Name", schema);
    xml.Attribute("Colour", "0");
    xml.End();
  }
  xml.End();

  std::map<std::string, std::string> entity_types;  // i2 type name -> id
  xml.Start("EntityTypeCollection");
  for (const auto& [schema, count] : scan.entities_by_schema) {
    I2Type type = I2TypeOf(schema);
    if (!entity_types.try_emplace(type.name, "ENTITYTYPE_" + schema).second) continue;
    xml.Start("EntityType");
    xml.Attribute("Id", entity_types.at(type.name));
    xml.Attribute("Name", type.name);
    xml.Attribute("IconFile", type.icon);
    xml.Attribute("PreferredRepresentation", "RepresentAsIcon");
    xml.Attribute("Colour", "0");
    xml.End();
  }
  xml.End();

  std::map<std::string, std::string> classes;  // property -> id
  for (const auto& [schema, names] : scan.properties_by_schema) {
    for (const std::string& name : names) classes.try_emplace(name, "ATTR_" + name);
  }
  if (!classes.empty()) {
    xml.Start("AttributeClassCollection");
    for (const auto& [name, id] : classes) {
      xml.Start("AttributeClass");
      xml.Attribute("Id", id);
      xml.Attribute("Name", name);
      xml.Attribute("Type", AttType(name));
      xml.End();
    }
    xml.End();
  }

  xml.Start("ChartItemCollection");
  TAFKIK_RETURN_IF_ERROR(source.ForEachEntity([&](const model::Entity& entity) {
    I2Type type = I2TypeOf(entity.schema);
    std::string label = model::Caption(entity);
    xml.Start("ChartItem");
    xml.Attribute("Id", "E" + entity.id.value());
    xml.Attribute("Label", label);
    xml.Attribute("DateSet", "false");
    Attributes(xml, classes, entity.properties);
    xml.Start("End");
    xml.Start("Entity");
    xml.Attribute("EntityId", entity.id.value());
    xml.Attribute("Identity", entity.id.value());
    xml.Attribute("LabelIsIdentity", "false");
    xml.Start("Icon");
    xml.Start("IconStyle");
    xml.Attribute("Type", type.name);
    xml.Attribute("EntityTypeReference", entity_types.at(type.name));
    xml.End();
    xml.End();
    xml.End();
    xml.End();
    xml.End();
    ++summary.entities_by_schema[entity.schema];
    return Status::Ok();
  }));
  TAFKIK_RETURN_IF_ERROR(source.ForEachRelation([&](const model::Relation& relation) {
    xml.Start("ChartItem");
    xml.Attribute("Id", "L" + relation.id.value());
    xml.Attribute("Label", relation.schema);
    xml.Attribute("DateSet", relation.start ? "true" : "false");
    xml.Attribute("TimeSet", relation.start ? "true" : "false");
    if (relation.start) xml.Attribute("DateTime", I2Time(*relation.start));
    Attributes(xml, classes, relation.properties);
    xml.Start("Link");
    xml.Attribute("End1Reference", "E" + relation.source.value());
    xml.Attribute("End2Reference", "E" + relation.target.value());
    xml.Start("LinkStyle");
    xml.Attribute("ArrowStyle", IsSymmetric(relation.schema) ? "ArrowNone" : "ArrowOnHead");
    bool tentative = relation.schema == "SameAs" && relation.First("decision") != "confirmed";
    xml.Attribute("Strength", tentative ? "Tentative" : "Confirmed");
    xml.Attribute("StrengthReference", tentative ? "STRENGTH_TENTATIVE" : "STRENGTH_CONFIRMED");
    xml.Attribute("Type", relation.schema);
    xml.Attribute("LinkTypeReference", "LINKTYPE_" + relation.schema);
    xml.End();
    xml.End();
    xml.End();
    ++summary.relations_by_schema[relation.schema];
    return Status::Ok();
  }));
  xml.Finish();
  return out ? Status::Ok() : UnavailableError("writing ANX failed");
}

}  // namespace tafkik::exchange::internal
