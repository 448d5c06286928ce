#include "exchange/exchange_test_util.h"

#include <expat.h>

#include <fstream>
#include <sstream>

#include "store/sqlite/sqlite_store.h"

namespace tafkik::exchange::testing {

Status StoreSink::OnEntity(const model::Entity& entity) {
  return transaction_.PutEntity(entity);
}

Status StoreSink::OnRelation(const model::Relation& relation) {
  return transaction_.PutRelation(relation);
}

std::unique_ptr<Workspace> NewWorkspace() {
  auto workspace = std::make_unique<Workspace>();
  store::OpenOptions options;
  options.create = true;
  Result<std::unique_ptr<store::Store>> opened =
      store::OpenSqliteWorkspace(workspace->dir.Sub("ws"), options);
  if (opened.ok()) workspace->store = std::move(*opened);
  return workspace;
}

ImportResult Import(Workspace& workspace, const std::string& path, InFormat format,
                    const std::string& dataset) {
  ImportResult result;
  Result<std::unique_ptr<store::WriteTransaction>> transaction =
      workspace.store->BeginWrite({"tester"});
  if (!transaction.ok()) {
    result.status = transaction.status();
    return result;
  }
  StoreSink sink(**transaction);
  model::Provenance provenance{dataset, std::string(64, 'b'), -1, "", "tester"};
  result.status = ReadExchangeFile(path, format, provenance, sink);
  result.rejects = sink.rejects;
  if (!result.status.ok()) return result;
  result.status = (*transaction)->Commit({"import", "import:" + path});
  if (!result.status.ok()) return result;
  Result<store::Counts> counts = workspace.store->Count();
  if (!counts.ok()) {
    result.status = counts.status();
    return result;
  }
  result.entities_by_schema = counts->entities_by_schema;
  result.relations_by_schema = counts->relations_by_schema;
  for (const auto& [schema, count] : counts->entities_by_schema) result.entities += count;
  for (const auto& [schema, count] : counts->relations_by_schema) result.relations += count;
  return result;
}

namespace {

void OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* parsed = static_cast<ParsedXml*>(data);
  std::string local = name;
  size_t bar = local.rfind('|');
  if (bar != std::string::npos) local = local.substr(bar + 1);
  parsed->elements.push_back(local);
  std::map<std::string, std::string> map;
  for (int attr_idx = 0; attributes[attr_idx] != nullptr; attr_idx += 2) {
    map[attributes[attr_idx]] = attributes[attr_idx + 1];
  }
  parsed->attributes.push_back(std::move(map));
  parsed->texts.emplace_back();
  parsed->open.push_back(parsed->elements.size() - 1);
}

void OnEnd(void* data, const XML_Char*) { static_cast<ParsedXml*>(data)->open.pop_back(); }

void OnText(void* data, const XML_Char* text, int length) {
  auto* parsed = static_cast<ParsedXml*>(data);
  if (!parsed->open.empty()) parsed->texts[parsed->open.back()].append(text, length);
}

}  // namespace

ParsedXml ParseXml(const std::string& text) {
  ParsedXml parsed;
  XML_Parser parser = XML_ParserCreateNS(nullptr, '|');
  XML_SetUserData(parser, &parsed);
  XML_SetElementHandler(parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser, OnText);
  if (XML_Parse(parser, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_ERROR) {
    parsed.status = InvalidArgumentError(
        std::string("line ") + std::to_string(XML_GetCurrentLineNumber(parser)) + ": " +
        XML_ErrorString(XML_GetErrorCode(parser)));
  }
  XML_ParserFree(parser);
  return parsed;
}

int ParsedXml::Count(const std::string& name) const {
  int count = 0;
  for (const std::string& element : elements) count += element == name;
  return count;
}

const std::map<std::string, std::string>* ParsedXml::Find(const std::string& name,
                                                          const std::string& attribute,
                                                          const std::string& value) const {
  for (size_t idx = 0; idx < elements.size(); ++idx) {
    if (elements[idx] != name) continue;
    auto it = attributes[idx].find(attribute);
    if (it != attributes[idx].end() && it->second == value) return &attributes[idx];
  }
  return nullptr;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteAll(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string DataPath(const std::string& relative) {
  return std::string(TAFKIK_SOURCE_DIR) + "/../shared/data/networks/" + relative;
}

}  // namespace tafkik::exchange::testing
