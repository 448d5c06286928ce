#include "core/json.h"

#include "core/hash.h"
#include "core/text.h"

namespace tafkik {

namespace {

// Where a JSON Pointer path points, in words; the empty pointer is the whole document.
std::string Where(const std::string& path) { return path.empty() ? "the top level" : path; }

// Appends one JSON Pointer reference token, escaped as RFC 6901 requires.
void AppendPointerToken(std::string& path, std::string_view token) {
  path += '/';
  for (char c : token) {
    if (c == '~') {
      path += "~0";
    } else if (c == '/') {
      path += "~1";
    } else {
      path += c;
    }
  }
}

// Walks `value` and reports the first thing canonical JSON cannot hold, with its JSON
// Pointer path so the caller can find it. `path` is restored before returning.
Status CheckCanonicalizable(const Json& value, std::string& path, int depth) {
  switch (value.type()) {
    case Json::value_t::number_float:
      return InvalidArgumentError("floating-point number at " + Where(path) +
                                  ": canonical JSON allows integers only");
    case Json::value_t::binary:
    case Json::value_t::discarded:
      return InvalidArgumentError("value at " + Where(path) + " has no JSON text form");
    case Json::value_t::string:
      if (IsValidUtf8(value.get_ref<const std::string&>())) return Status::Ok();
      return InvalidArgumentError("string at " + Where(path) + " is not valid UTF-8");
    case Json::value_t::array:
    case Json::value_t::object:
      break;
    default:
      return Status::Ok();
  }
  // `depth` containers enclose this one, so it is the (depth + 1)-th level.
  if (depth >= kMaxJsonDepth) {
    return InvalidArgumentError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                                " levels at " + Where(path));
  }
  size_t path_length = path.size();
  // items() gives object keys, or array indexes as decimal text: both are pointer tokens.
  for (const auto& [key, element] : value.items()) {
    if (!IsValidUtf8(key)) {
      return InvalidArgumentError("object key at " + Where(path) + " is not valid UTF-8");
    }
    AppendPointerToken(path, key);
    Status status = CheckCanonicalizable(element, path, depth + 1);
    path.resize(path_length);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Byte offset of the first '[' or '{' nested deeper than kMaxJsonDepth, or npos. Run before
// parsing because deep nesting would exhaust the stack of every recursive walk afterwards.
size_t FindExcessiveNesting(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    char c = text[pos];
    if (in_string) {
      if (c == '\\') {
        ++pos;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return pos;
    }
    if (c == ']' || c == '}') --depth;
  }
  return std::string_view::npos;
}

}  // namespace

Result<std::string> CanonicalJson(const Json& value) {
  std::string path;
  TAFKIK_RETURN_IF_ERROR(CheckCanonicalizable(value, path, 0));
  // Json objects are std::maps ordered by bytes, and UTF-8 byte order is code point order,
  // so dump() already emits keys sorted as canonical JSON wants.
  try {
    return value.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::strict);
  } catch (const Json::exception& e) {
    return InvalidArgumentError(std::string("cannot serialise JSON: ") + e.what());
  }
}

Result<std::string> CanonicalJsonSha256(const Json& value) {
  TAFKIK_ASSIGN_OR_RETURN(std::string canonical, CanonicalJson(value));
  return Sha256Hex(canonical);
}

Result<Json> ParseJson(std::string_view text) {
  if (size_t pos = FindExcessiveNesting(text); pos != std::string_view::npos) {
    return InvalidArgumentError("invalid JSON at byte " + std::to_string(pos) +
                                ": nested deeper than " + std::to_string(kMaxJsonDepth) +
                                " levels");
  }
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    // nlohmann counts the bytes read, so the offending byte is one before.
    size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    return InvalidArgumentError("invalid JSON at byte " + std::to_string(offset) + ": " + e.what());
  } catch (const Json::exception& e) {
    return InvalidArgumentError(std::string("invalid JSON: ") + e.what());
  }
}

}  // namespace tafkik
