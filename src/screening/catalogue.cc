#include "screening/catalogue.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/text.h"

namespace tafkik::screening {

// Reads the three files into a Catalogues. Every error names the file, the item and the field.
class CatalogueLoader {
 public:
  explicit CatalogueLoader(Catalogues& out) : out_(out) {}

  Status LoadAll(const std::string& dir) {
    TAFKIK_RETURN_IF_ERROR(LoadFile(dir + "/elements.yaml", &CatalogueLoader::ReadElements));
    TAFKIK_RETURN_IF_ERROR(LoadFile(dir + "/ilo.yaml", &CatalogueLoader::ReadIlo));
    TAFKIK_RETURN_IF_ERROR(LoadFile(dir + "/unodc.yaml", &CatalogueLoader::ReadUnodc));
    return CheckElementReferences();
  }

 private:
  using Reader = Status (CatalogueLoader::*)(const YAML::Node&);

  Status LoadFile(const std::string& path, Reader reader) {
    if (!std::filesystem::exists(path)) {
      return NotFoundError("indicator catalogue " + path + " does not exist");
    }
    file_ = path;
    try {
      YAML::Node root = YAML::LoadFile(path);
      if (!root.IsMap()) return Error("", "the file is not a YAML mapping");
      return (this->*reader)(root);
    } catch (const YAML::Exception& error) {
      return InvalidArgumentError(path + ":" + std::to_string(error.mark.line + 1) + ": " +
                                  error.msg);
    }
  }

  Status Error(const std::string& where, const std::string& why) const {
    return InvalidArgumentError(file_ + (where.empty() ? "" : ": " + where) + ": " + why);
  }

  Result<std::string> Scalar(const YAML::Node& node, const std::string& key,
                             const std::string& where, bool required = true) const {
    YAML::Node value = node[key];
    if (!value || value.IsNull()) {
      if (!required) return std::string();
      return Error(where, "field '" + key + "' is missing");
    }
    if (!value.IsScalar()) return Error(where, "field '" + key + "' is not a single value");
    std::string text = value.as<std::string>();
    if (!IsValidUtf8(text)) return Error(where, "field '" + key + "' is not valid UTF-8");
    if (required && Trim(text).empty()) return Error(where, "field '" + key + "' is empty");
    return text;
  }

  Result<Text> ReadText(const YAML::Node& node, const std::string& key,
                        const std::string& where) const {
    YAML::Node value = node[key];
    if (!value || !value.IsMap()) return Error(where, "field '" + key + "' needs en, fr and ar");
    Text text;
    TAFKIK_ASSIGN_OR_RETURN(text.en, Scalar(value, "en", where + " " + key));
    TAFKIK_ASSIGN_OR_RETURN(text.fr, Scalar(value, "fr", where + " " + key));
    TAFKIK_ASSIGN_OR_RETURN(text.ar, Scalar(value, "ar", where + " " + key));
    return text;
  }

  Result<std::vector<std::string>> StringList(const YAML::Node& node, const std::string& key,
                                              const std::string& where) const {
    std::vector<std::string> items;
    YAML::Node value = node[key];
    if (!value || value.IsNull()) return items;
    if (value.IsScalar()) {
      items.push_back(value.as<std::string>());
      return items;
    }
    if (!value.IsSequence()) return Error(where, "field '" + key + "' is not a list");
    for (const YAML::Node& item : value) {
      if (!item.IsScalar()) return Error(where, "field '" + key + "' holds a non-text item");
      items.push_back(item.as<std::string>());
    }
    return items;
  }

  Result<CatalogueInfo> ReadInfo(const YAML::Node& root, const std::string& expected) const {
    CatalogueInfo info;
    TAFKIK_ASSIGN_OR_RETURN(info.name, Scalar(root, "catalogue", ""));
    if (info.name != expected) {
      return Error("catalogue", "is '" + info.name + "', expected '" + expected + "'");
    }
    TAFKIK_ASSIGN_OR_RETURN(std::string version, Scalar(root, "version", ""));
    info.version = std::atoi(version.c_str());
    if (info.version < 1) return Error("version", "must be a positive integer");
    TAFKIK_ASSIGN_OR_RETURN(info.title, ReadText(root, "title", "catalogue"));
    TAFKIK_ASSIGN_OR_RETURN(info.sources, StringList(root, "source", "catalogue"));
    if (info.sources.empty()) return Error("source", "every catalogue cites its source document");
    TAFKIK_ASSIGN_OR_RETURN(std::string translation, Scalar(root, "translation", ""));
    TAFKIK_ASSIGN_OR_RETURN(info.translation_checked, TranslationChecked(translation, "catalogue"));
    TAFKIK_ASSIGN_OR_RETURN(info.source_check, Scalar(root, "source_check", "", false));
    return info;
  }

  Result<bool> TranslationChecked(const std::string& value, const std::string& where) const {
    if (value == "checked" || value == "glossary") return true;
    if (value == "unchecked") return false;
    return Error(where, "translation is '" + value + "' (accepted: checked, glossary, unchecked)");
  }

  Status AddId(std::map<std::string, size_t, std::less<>>& index, const std::string& id,
               size_t position, const std::string& where) {
    if (!seen_ids_.insert(id).second) return Error(where, "id '" + id + "' is used twice");
    index[id] = position;
    return Status::Ok();
  }

  Result<std::string> ItemId(const YAML::Node& item, const std::string& list, size_t position) {
    std::string where = list + "[" + std::to_string(position) + "]";
    if (!item.IsMap()) return Error(where, "is not a mapping");
    TAFKIK_ASSIGN_OR_RETURN(std::string id, Scalar(item, "id", where));
    if (id.find_first_of(" \t/@=") != std::string::npos) {
      return Error(where, "id '" + id + "' holds a space or one of / @ =");
    }
    return id;
  }

  Status ReadElements(const YAML::Node& root) {
    TAFKIK_ASSIGN_OR_RETURN(CatalogueInfo info, ReadInfo(root, "elements"));
    out_.infos_.push_back(info);
    YAML::Node elements = root["elements"];
    if (!elements || !elements.IsSequence()) return Error("elements", "is missing or not a list");
    for (size_t position = 0; position < elements.size(); ++position) {
      TAFKIK_RETURN_IF_ERROR(ReadElement(elements[position], position, info));
    }
    TAFKIK_RETURN_IF_ERROR(ReadTextMap(root, "questions", out_.questions_));
    YAML::Node phrases = root["phrases"];
    if (!phrases || !phrases.IsMap()) return Error("phrases", "is missing or not a mapping");
    for (const auto& entry : phrases) {
      std::string key = entry.first.as<std::string>();
      TAFKIK_ASSIGN_OR_RETURN(Text text, ReadText(phrases, key, "phrases"));
      out_.phrases_[key] = text;
    }
    return Status::Ok();
  }

  Status ReadElement(const YAML::Node& item, size_t position, const CatalogueInfo& info) {
    Element element;
    TAFKIK_ASSIGN_OR_RETURN(element.id, ItemId(item, "elements", position));
    std::string where = "element " + element.id;
    TAFKIK_ASSIGN_OR_RETURN(std::string group, Scalar(item, "group", where));
    auto parsed_group = ParseElementGroup(group);
    if (!parsed_group.ok()) return Error(where, parsed_group.status().message());
    element.group = *parsed_group;
    TAFKIK_ASSIGN_OR_RETURN(std::string form, Scalar(item, "form", where, false));
    if (!form.empty()) {
      auto parsed_form = ParseForm(form);
      if (!parsed_form.ok()) return Error(where, parsed_form.status().message());
      element.form = *parsed_form;
    }
    if (element.group == ElementGroup::kPurpose && !element.form) {
      return Error(where, "a purpose needs a form (labour, sexual, domestic_servitude, other)");
    }
    TAFKIK_ASSIGN_OR_RETURN(element.article, Scalar(item, "article", where));
    TAFKIK_ASSIGN_OR_RETURN(element.text, ReadText(item, "text", where));
    element.translation_checked = info.translation_checked;
    TAFKIK_ASSIGN_OR_RETURN(std::string translation, Scalar(item, "translation", where, false));
    if (!translation.empty()) {
      TAFKIK_ASSIGN_OR_RETURN(element.translation_checked, TranslationChecked(translation, where));
    }
    TAFKIK_RETURN_IF_ERROR(AddId(out_.element_index_, element.id, out_.elements_.size(), where));
    out_.elements_.push_back(std::move(element));
    return Status::Ok();
  }

  Status ReadTextMap(const YAML::Node& root, const std::string& key,
                     std::map<std::string, Text, std::less<>>& into) {
    YAML::Node list = root[key];
    if (!list || !list.IsSequence()) return Error(key, "is missing or not a list");
    for (size_t position = 0; position < list.size(); ++position) {
      TAFKIK_ASSIGN_OR_RETURN(std::string id, ItemId(list[position], key, position));
      TAFKIK_ASSIGN_OR_RETURN(Text text, ReadText(list[position], "text", key + " " + id));
      if (!into.emplace(id, text).second) return Error(key, "id '" + id + "' is used twice");
    }
    return Status::Ok();
  }

  Status ReadIlo(const YAML::Node& root) {
    TAFKIK_ASSIGN_OR_RETURN(CatalogueInfo info, ReadInfo(root, "ilo"));
    out_.infos_.push_back(info);
    TAFKIK_ASSIGN_OR_RETURN(std::vector<std::string> list_names, StringList(root, "lists", "lists"));
    for (const std::string& name : list_names) {
      auto list = ParseIloList(name);
      if (!list.ok()) return Error("lists", list.status().message());
      lists_.push_back(*list);
    }
    if (lists_.empty()) return Error("lists", "names no ILO list");
    TAFKIK_RETURN_IF_ERROR(ReadDimensions(root));
    YAML::Node indicators = root["indicators"];
    if (!indicators || !indicators.IsSequence()) return Error("indicators", "is missing");
    for (size_t position = 0; position < indicators.size(); ++position) {
      TAFKIK_RETURN_IF_ERROR(ReadIloIndicator(indicators[position], position, info));
    }
    return Status::Ok();
  }

  Status ReadDimensions(const YAML::Node& root) {
    YAML::Node dimensions = root["dimensions"];
    if (!dimensions || !dimensions.IsSequence()) return Error("dimensions", "is missing");
    std::set<Dimension> seen;
    for (size_t position = 0; position < dimensions.size(); ++position) {
      TAFKIK_ASSIGN_OR_RETURN(std::string id, ItemId(dimensions[position], "dimensions", position));
      auto dimension = ParseDimension(id);
      if (!dimension.ok()) return Error("dimensions", dimension.status().message());
      size_t slot = static_cast<size_t>(*dimension);
      TAFKIK_ASSIGN_OR_RETURN(out_.dimension_text_[slot],
                              ReadText(dimensions[position], "text", "dimension " + id));
      TAFKIK_ASSIGN_OR_RETURN(out_.dimension_elements_[slot],
                              StringList(dimensions[position], "elements", "dimension " + id));
      seen.insert(*dimension);
    }
    if (seen.size() != kDimensionCount) return Error("dimensions", "must define all six");
    return Status::Ok();
  }

  Status ReadStrengths(const YAML::Node& item, Indicator& indicator, const std::string& where) {
    YAML::Node strength = item["strength"];
    if (!strength) return Error(where, "field 'strength' is missing");
    if (strength.IsScalar()) {
      auto parsed = ParseStrength(strength.as<std::string>());
      if (!parsed.ok()) return Error(where, parsed.status().message());
      for (IloList list : lists_) indicator.strength[static_cast<size_t>(list)] = *parsed;
      return Status::Ok();
    }
    if (!strength.IsMap()) return Error(where, "'strength' is neither a rating nor a map by list");
    for (const auto& entry : strength) {
      auto list = ParseIloList(entry.first.as<std::string>());
      if (!list.ok()) return Error(where, list.status().message());
      auto parsed = ParseStrength(entry.second.as<std::string>());
      if (!parsed.ok()) return Error(where, parsed.status().message());
      indicator.strength[static_cast<size_t>(*list)] = *parsed;
    }
    return Status::Ok();
  }

  Status ReadIloIndicator(const YAML::Node& item, size_t position, const CatalogueInfo& info) {
    Indicator indicator;
    indicator.catalogue = "ilo";
    TAFKIK_ASSIGN_OR_RETURN(indicator.id, ItemId(item, "indicators", position));
    std::string where = "indicator " + indicator.id;
    TAFKIK_ASSIGN_OR_RETURN(indicator.category, Scalar(item, "dimension", where));
    auto dimension = ParseDimension(indicator.category);
    if (!dimension.ok()) return Error(where, dimension.status().message());
    indicator.dimension = *dimension;
    TAFKIK_RETURN_IF_ERROR(ReadStrengths(item, indicator, where));
    indicator.elements = out_.dimension_elements_[static_cast<size_t>(*dimension)];
    TAFKIK_ASSIGN_OR_RETURN(std::vector<std::string> own, StringList(item, "elements", where));
    for (const std::string& element : own) {
      if (std::find(indicator.elements.begin(), indicator.elements.end(), element) ==
          indicator.elements.end()) {
        indicator.elements.push_back(element);
      }
    }
    TAFKIK_ASSIGN_OR_RETURN(indicator.text, ReadText(item, "text", where));
    indicator.translation_checked = info.translation_checked;
    return AddIndicator(std::move(indicator), where);
  }

  Status AddIndicator(Indicator indicator, const std::string& where) {
    std::string prefix = indicator.catalogue + ".";
    if (indicator.id.rfind(prefix, 0) != 0) {
      return Error(where, "id must start with '" + prefix + "'");
    }
    TAFKIK_RETURN_IF_ERROR(
        AddId(out_.indicator_index_, indicator.id, out_.indicators_.size(), where));
    out_.indicators_.push_back(std::move(indicator));
    return Status::Ok();
  }

  Status ReadUnodc(const YAML::Node& root) {
    TAFKIK_ASSIGN_OR_RETURN(CatalogueInfo info, ReadInfo(root, "unodc"));
    out_.infos_.push_back(info);
    YAML::Node categories = root["categories"];
    if (!categories || !categories.IsSequence()) return Error("categories", "is missing");
    for (size_t position = 0; position < categories.size(); ++position) {
      TAFKIK_ASSIGN_OR_RETURN(std::string id, ItemId(categories[position], "categories", position));
      TAFKIK_ASSIGN_OR_RETURN(Text text, ReadText(categories[position], "text", "category " + id));
      out_.unodc_categories_.emplace_back(id, text);
    }
    YAML::Node indicators = root["indicators"];
    if (!indicators || !indicators.IsSequence()) return Error("indicators", "is missing");
    for (size_t position = 0; position < indicators.size(); ++position) {
      TAFKIK_RETURN_IF_ERROR(ReadUnodcIndicator(indicators[position], position, info));
    }
    return Status::Ok();
  }

  Status ReadUnodcIndicator(const YAML::Node& item, size_t position, const CatalogueInfo& info) {
    Indicator indicator;
    indicator.catalogue = "unodc";
    TAFKIK_ASSIGN_OR_RETURN(indicator.id, ItemId(item, "indicators", position));
    std::string where = "indicator " + indicator.id;
    TAFKIK_ASSIGN_OR_RETURN(indicator.category, Scalar(item, "category", where));
    bool known = std::any_of(out_.unodc_categories_.begin(), out_.unodc_categories_.end(),
                             [&](const auto& category) { return category.first == indicator.category; });
    if (!known) return Error(where, "unknown category '" + indicator.category + "'");
    TAFKIK_ASSIGN_OR_RETURN(indicator.elements, StringList(item, "elements", where));
    TAFKIK_ASSIGN_OR_RETURN(indicator.text, ReadText(item, "text", where));
    indicator.translation_checked = info.translation_checked;
    return AddIndicator(std::move(indicator), where);
  }

  Status CheckElementReferences() {
    for (const Indicator& indicator : out_.indicators_) {
      for (const std::string& element : indicator.elements) {
        if (out_.element_index_.count(element) == 0) {
          return InvalidArgumentError("indicator " + indicator.id + " cites unknown element '" +
                                      element + "' (not in elements.yaml)");
        }
      }
    }
    return Status::Ok();
  }

  Catalogues& out_;
  std::string file_;                 // the file being read, for messages
  std::vector<IloList> lists_;       // the lists ilo.yaml declares
  std::set<std::string> seen_ids_;   // ids of every file: they share one space
};

Result<Catalogues> Catalogues::Load(const std::string& dir) {
  Catalogues catalogues;
  CatalogueLoader loader(catalogues);
  TAFKIK_RETURN_IF_ERROR(loader.LoadAll(dir));
  return catalogues;
}

std::string Catalogues::DefaultDir() {
  if (const char* env = std::getenv("TAFKIK_INDICATORS"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef TAFKIK_DATA_DIR
  if (std::filesystem::is_directory(TAFKIK_DATA_DIR "/indicators")) {
    return TAFKIK_DATA_DIR "/indicators";
  }
#endif
  return "data/indicators";
}

const Indicator* Catalogues::FindIndicator(std::string_view id) const {
  auto found = indicator_index_.find(id);
  return found == indicator_index_.end() ? nullptr : &indicators_[found->second];
}

const Element* Catalogues::FindElement(std::string_view id) const {
  auto found = element_index_.find(id);
  return found == element_index_.end() ? nullptr : &elements_[found->second];
}

const Text* Catalogues::Question(std::string_view id) const {
  auto found = questions_.find(id);
  return found == questions_.end() ? nullptr : &found->second;
}

const Text* Catalogues::Phrase(std::string_view key) const {
  auto found = phrases_.find(key);
  return found == phrases_.end() ? nullptr : &found->second;
}

const Text& Catalogues::DimensionText(Dimension dimension) const {
  return dimension_text_[static_cast<size_t>(dimension)];
}

namespace {

size_t EditDistance(std::string_view left, std::string_view right) {
  std::vector<size_t> row(right.size() + 1);
  for (size_t column = 0; column <= right.size(); ++column) row[column] = column;
  for (size_t line = 1; line <= left.size(); ++line) {
    size_t diagonal = row[0];
    row[0] = line;
    for (size_t column = 1; column <= right.size(); ++column) {
      size_t above = row[column];
      size_t cost = left[line - 1] == right[column - 1] ? 0 : 1;
      row[column] = std::min({row[column] + 1, row[column - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[right.size()];
}

}  // namespace

std::vector<std::string> Catalogues::Suggest(std::string_view id, size_t limit) const {
  std::vector<std::pair<size_t, std::string>> scored;
  for (const Indicator& indicator : indicators_) {
    scored.emplace_back(EditDistance(id, indicator.id), indicator.id);
  }
  for (const Element& element : elements_) scored.emplace_back(EditDistance(id, element.id), element.id);
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> best;
  for (const auto& [distance, candidate] : scored) {
    if (best.size() >= limit || distance > std::max<size_t>(3, id.size() / 3)) break;
    best.push_back(candidate);
  }
  return best;
}

}  // namespace tafkik::screening
