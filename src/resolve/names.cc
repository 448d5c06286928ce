#include "resolve/names.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>

#include "core/text.h"
#include "resolve/internal/name_variants.h"
#include "resolve/similarity.h"

namespace tafkik::resolve {
namespace {

using internal::Variants;

// ---------------------------------------------------------------- UTF-8 code points

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  for (size_t at = 0; at < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (at + length > text.size()) break;  // NameKey output is valid UTF-8; defensive only
    char32_t code = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (int extra = 1; extra < length; ++extra) {
      code = (code << 6) | (static_cast<unsigned char>(text[at + extra]) & 0x3F);
    }
    out.push_back(code);
    at += length;
  }
  return out;
}

void AppendUtf8(char32_t code, std::string& out) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

std::string EncodeUtf8(std::u32string_view codes) {
  std::string out;
  for (char32_t code : codes) AppendUtf8(code, out);
  return out;
}

bool IsArabicCode(char32_t code) {
  return (code >= 0x0600 && code <= 0x06FF) || (code >= 0x0750 && code <= 0x077F) ||
         (code >= 0x08A0 && code <= 0x08FF);
}

bool IsAsciiAlnum(char32_t code) {
  return (code >= 'a' && code <= 'z') || (code >= '0' && code <= '9');
}

// ---------------------------------------------------------------- Arabic

constexpr char32_t kAlef = 0x0627, kWaw = 0x0648, kYeh = 0x064A, kHeh = 0x0647;

// Folds NameKey leaves alone: hamza on a carrier becomes the carrier, a lone hamza goes.
std::u32string FoldHamza(std::u32string_view token) {
  std::u32string out;
  for (char32_t code : token) {
    if (code == 0x0624) code = kWaw;   // ؤ
    if (code == 0x0626) code = kYeh;   // ئ
    if (code == 0x0621) continue;      // ء
    if (code == 0x0671) code = kAlef;  // ٱ (wasla)
    out.push_back(code);
  }
  return out;
}

const char* ArabicConsonant(char32_t code) {
  switch (code) {
    case 0x0628:
      return "b";
    case 0x062A:
      return "t";
    case 0x062B:
      return "th";
    case 0x062C:
      return "j";
    case 0x062D:
      return "h";
    case 0x062E:
      return "kh";
    case 0x062F:
      return "d";
    case 0x0630:
      return "dh";
    case 0x0631:
      return "r";
    case 0x0632:
      return "z";
    case 0x0633:
      return "s";
    case 0x0634:
      return "sh";
    case 0x0635:
      return "s";
    case 0x0636:
      return "d";
    case 0x0637:
      return "t";
    case 0x0638:
      return "z";
    case 0x0639:
      return "";
    case 0x063A:
      return "gh";
    case 0x0641:
      return "f";
    case 0x0642:
      return "q";
    case 0x0643:
      return "k";
    case 0x0644:
      return "l";
    case 0x0645:
      return "m";
    case 0x0646:
      return "n";
    case 0x067E:
      return "p";
    case 0x0686:
      return "ch";
    case 0x0698:
      return "zh";
    case 0x06AF:
      return "g";
    case 0x06A4:
      return "v";
    case 0x06A9:
      return "k";
    case 0x0629:
      return "a";
    default:
      return nullptr;
  }
}

std::string TransliterateCodes(std::u32string_view codes) {
  std::string out;
  for (size_t at = 0; at < codes.size(); ++at) {
    const char32_t code = codes[at];
    const char32_t next = at + 1 < codes.size() ? codes[at + 1] : 0;
    const bool first = at == 0;
    if (code == kAlef) {
      out += 'a';
    } else if (code == kWaw) {
      out += (first || next == kAlef) ? 'w' : 'u';
    } else if (code == kYeh) {
      out += (first || next == kAlef || next == kWaw) ? 'y' : 'i';
    } else if (code == kHeh) {
      out += (at + 1 == codes.size() && at > 0) ? 'a' : 'h';  // ta marbuta folded to ه
    } else if (const char* latin = ArabicConsonant(code)) {
      out += latin;
    } else if (code < 0x80) {
      out += static_cast<char>(code);
    }
    // Anything else (rare letters of other Arabic-script languages) is dropped.
  }
  return out;
}

// ---------------------------------------------------------------- other scripts (ICU)

std::string ToLatinWithIcu(std::string_view token) {
  // A Transliterator is not safe to share between threads: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, error));
    return U_SUCCESS(error) ? std::move(created) : nullptr;
  }();
  if (!transliterator) return std::string(token);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
  transliterator->transliterate(text);
  std::string utf8;
  text.toUTF8String(utf8);
  std::string letters;
  for (char c : utf8) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letters += c;
  }
  return letters;
}

// ---------------------------------------------------------------- pieces and compounds

// One word of the folded name before compounds are formed.
struct Piece {
  std::string text;  // folded spelling (Latin lower case, or Arabic)
  std::string latin;
  Script script = Script::kLatin;
  std::string canonical;
  bool particle = false;
};

const std::unordered_set<std::string>& LatinArticles() {
  static const std::unordered_set<std::string> articles = {
      "al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ech", "es",
      "er", "ed", "et", "ez", "en", "ul", "ud", "ur", "us",  "l",   "il"};
  return articles;
}

const std::unordered_set<std::string>& LatinParticles() {
  static const std::unordered_set<std::string> particles = {
      "ben", "bin", "ibn", "ould", "ait", "bint", "bent", "walad", "oulad", "ouled", "bni"};
  return particles;
}

const std::unordered_set<std::string>& LatinAbdForms() {
  static const std::unordered_set<std::string> forms = {"abd",    "abdel", "abdul", "abdal",
                                                        "abdoul", "abdil", "abdol", "abdelle"};
  return forms;
}

const std::unordered_set<std::string>& LatinAbuForms() {
  static const std::unordered_set<std::string> forms = {"abu", "abou", "bou", "abo", "bu"};
  return forms;
}

const std::unordered_set<std::string>& LatinDinForms() {
  static const std::unordered_set<std::string> forms = {"din",   "dine",  "deen", "eddine", "eddin",
                                                        "edine", "uddin", "udin", "addin",  "aldin",
                                                        "eldin", "ddine", "ddin", "eddyn"};
  return forms;
}

constexpr std::array<std::string_view, 10> kGluedDinSuffixes = {
    "eddine", "eddin", "edine", "uddin", "uddeen", "addin", "aldin", "eldin", "aldeen", "eddyn"};

const std::u32string kArabicAbd = U"\u0639\u0628\u062F";          // عبد
const std::u32string kArabicArticle = U"\u0627\u0644";            // ال
const std::u32string kArabicAllah = U"\u0627\u0644\u0644\u0647";  // الله
const std::u32string kArabicDin = U"\u062F\u064A\u0646";          // دين
const std::u32string kArabicAbu = U"\u0627\u0628\u0648";          // ابو
const std::u32string kArabicBu = U"\u0628\u0648";                 // بو

bool IsArabicParticle(const std::u32string& word) {
  return word == U"\u0628\u0646" || word == U"\u0627\u0628\u0646" ||        // بن ابن
         word == U"\u0628\u0646\u062A" || word == U"\u0648\u0644\u062F" ||  // بنت ولد
         word == U"\u0627\u064A\u062A" || word == U"\u0627\u0648\u0644\u0627\u062F";  // ايت اولاد
}

std::string Lookup(const std::unordered_map<std::string, std::string>& table,
                   const std::string& key) {
  auto found = table.find(key);
  return found == table.end() ? std::string() : found->second;
}

// The divine name after "abd" in a glued Latin spelling: "elkader", "errahmane", "ullah".
// Tries the rest as it is, then without 1 to 4 leading letters of connector or article,
// each also without an assimilated doubled first letter ("rrahmane" -> "rahmane").
std::pair<std::string, std::string> GluedDivine(const std::string& rest) {
  const auto& divine = Variants().divine_latin;
  for (size_t strip = 0; strip <= 4 && strip < rest.size(); ++strip) {
    std::string candidate = rest.substr(strip);
    std::string canonical = Lookup(divine, candidate);
    if (!canonical.empty()) return {canonical, candidate};
    if (candidate.size() > 2 && candidate[0] == candidate[1]) {
      candidate.erase(0, 1);
      canonical = Lookup(divine, candidate);
      if (!canonical.empty()) return {canonical, candidate};
    }
  }
  return {"", ""};
}

Piece MakeLatinPiece(std::string text) {
  Piece piece;
  piece.latin = text;
  piece.canonical = Lookup(Variants().given_latin, text);
  piece.particle = LatinParticles().count(text) > 0;
  piece.text = std::move(text);
  return piece;
}

Piece MakeArabicPiece(const std::u32string& codes) {
  Piece piece;
  piece.script = Script::kArabic;
  piece.text = EncodeUtf8(codes);
  piece.latin = codes == kArabicAllah ? "allah" : TransliterateCodes(codes);
  piece.canonical = Lookup(Variants().given_arabic, piece.text);
  piece.particle = IsArabicParticle(codes);
  return piece;
}

Piece Compound(const Piece& head, const Piece& tail, const std::string& latin,
               const std::string& canonical) {
  Piece joined;
  joined.script = head.script;
  joined.text = head.text + (head.script == Script::kArabic ? " " : "") + tail.text;
  joined.latin = latin;
  joined.canonical = canonical;
  return joined;
}

// "abd" + divine name, from a separate head and tail.
Piece AbdCompound(const Piece& head, const Piece& tail) {
  std::string divine;
  if (tail.script == Script::kArabic) {
    divine = Lookup(Variants().divine_arabic, tail.text);
  } else {
    divine = Lookup(Variants().divine_latin, tail.text);
  }
  return Compound(head, tail, "abd" + tail.latin, divine.empty() ? "" : "abd:" + divine);
}

bool IsAbdHead(const Piece& piece) {
  if (piece.script == Script::kArabic) return DecodeUtf8(piece.text) == kArabicAbd;
  return LatinAbdForms().count(piece.text) > 0;
}

bool IsAbuHead(const Piece& piece) {
  if (piece.script == Script::kArabic) {
    std::u32string codes = DecodeUtf8(piece.text);
    return codes == kArabicAbu || codes == kArabicBu;
  }
  return LatinAbuForms().count(piece.text) > 0;
}

bool IsDinTail(const Piece& piece) {
  if (piece.script == Script::kArabic) return DecodeUtf8(piece.text) == kArabicDin;
  return LatinDinForms().count(piece.text) > 0;
}

// Splits a glued Latin word into its parts: "benali" -> ben + ali (only before a known name
// or an abd compound), "abdelkader" -> one abd compound, "noureddine" -> nour + din.
void AddLatinWord(const std::string& word, std::vector<Piece>& pieces) {
  for (std::string_view particle : {"ben", "bin", "ibn"}) {
    if (word.size() > particle.size() + 2 && word.compare(0, particle.size(), particle) == 0) {
      std::string rest = word.substr(particle.size());
      if (!Lookup(Variants().given_latin, rest).empty() || rest.compare(0, 3, "abd") == 0) {
        pieces.push_back(MakeLatinPiece(std::string(particle)));
        AddLatinWord(rest, pieces);
        return;
      }
    }
  }
  if (word.size() > 4 && word.compare(0, 3, "abd") == 0 && !LatinAbdForms().count(word)) {
    auto [divine, spelling] = GluedDivine(word.substr(3));
    if (!divine.empty()) {
      Piece piece = MakeLatinPiece(word);
      piece.latin = "abd" + spelling;
      piece.canonical = "abd:" + divine;
      pieces.push_back(std::move(piece));
      return;
    }
  }
  for (std::string_view suffix : kGluedDinSuffixes) {
    if (word.size() >= suffix.size() + 3 &&
        word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
      pieces.push_back(MakeLatinPiece(word.substr(0, word.size() - suffix.size())));
      pieces.push_back(MakeLatinPiece("din"));
      return;
    }
  }
  pieces.push_back(MakeLatinPiece(word));
}

bool StartsWith(const std::u32string& text, const std::u32string& prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

void AddArabicWord(std::u32string word, std::vector<Piece>& pieces) {
  word = FoldHamza(word);
  if (word.empty()) return;
  if (word == kArabicAllah) {
    pieces.push_back(MakeArabicPiece(word));
    return;
  }
  // عبدالقادر, عبدالله: the glued abd compound.
  if (StartsWith(word, kArabicAbd + kArabicArticle) && word.size() > 5) {
    pieces.push_back(MakeArabicPiece(kArabicAbd));
    pieces.push_back(MakeArabicPiece(word.substr(5)));
    return;
  }
  // نورالدين: X + الدين.
  const std::u32string glued_din = kArabicArticle + kArabicDin;
  if (word.size() >= glued_din.size() + 2 &&
      word.compare(word.size() - glued_din.size(), glued_din.size(), glued_din) == 0) {
    pieces.push_back(MakeArabicPiece(word.substr(0, word.size() - glued_din.size())));
    pieces.push_back(MakeArabicPiece(kArabicDin));
    return;
  }
  // The article ال is dropped (الحوثي -> حوثي), as Latin al-/el- are.
  if (StartsWith(word, kArabicArticle) && word.size() >= 4) word = word.substr(2);
  pieces.push_back(MakeArabicPiece(word));
}

// Splits the folded name into words, and words at changes of script.
std::vector<std::pair<std::u32string, Script>> Words(std::string_view folded, bool& mixed) {
  std::vector<std::pair<std::u32string, Script>> words;
  bool seen_latin = false, seen_arabic = false, seen_other = false;
  std::u32string current;
  Script current_script = Script::kLatin;
  auto flush = [&] {
    if (!current.empty()) words.emplace_back(std::move(current), current_script);
    current.clear();
  };
  for (char32_t code : DecodeUtf8(folded)) {
    if (code == ' ') {
      flush();
      continue;
    }
    Script script = IsArabicCode(code)   ? Script::kArabic
                    : IsAsciiAlnum(code) ? Script::kLatin
                                         : Script::kOther;
    if (code >= 0x00C0 && code <= 0x024F) script = Script::kLatin;  // ø, ł, đ: Latin still
    seen_latin |= script == Script::kLatin;
    seen_arabic |= script == Script::kArabic;
    seen_other |= script == Script::kOther;
    if (!current.empty() && script != current_script) flush();
    current_script = script;
    current.push_back(code);
  }
  flush();
  mixed = (seen_latin + seen_arabic + seen_other) > 1;
  return words;
}

std::vector<Piece> Pieces(std::string_view folded, bool& mixed) {
  std::vector<Piece> pieces;
  auto words = Words(folded, mixed);
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    auto& [codes, script] = words[word_idx];
    if (script == Script::kArabic) {
      AddArabicWord(codes, pieces);
      continue;
    }
    std::string latin = EncodeUtf8(codes);
    bool ascii = true;
    for (char32_t code : codes) ascii &= code < 0x80;
    if (!ascii) latin = ToLatinWithIcu(latin);
    if (latin.empty()) continue;
    // An article is dropped unless it is the whole name.
    if (LatinArticles().count(latin) && words.size() > 1) continue;
    const size_t first_new = pieces.size();
    AddLatinWord(latin, pieces);
    for (size_t at = first_new; at < pieces.size(); ++at) pieces[at].script = script;
  }
  return pieces;
}

// Joins abd + divine name, abu + name, name + din into single tokens.
std::vector<Piece> Compounds(std::vector<Piece> pieces) {
  std::vector<Piece> joined;
  for (size_t at = 0; at < pieces.size(); ++at) {
    const Piece& piece = pieces[at];
    const bool has_next = at + 1 < pieces.size();
    if (has_next && IsAbdHead(piece) && !pieces[at + 1].particle) {
      joined.push_back(AbdCompound(piece, pieces[at + 1]));
      ++at;
    } else if (has_next && IsAbuHead(piece) && !pieces[at + 1].particle) {
      const Piece& tail = pieces[at + 1];
      std::string canonical = tail.canonical.empty() ? "" : "abu:" + tail.canonical;
      joined.push_back(Compound(piece, tail, piece.latin + tail.latin, canonical));
      ++at;
    } else if (!joined.empty() && IsDinTail(piece) && !joined.back().particle) {
      Piece head = joined.back();
      joined.pop_back();
      std::string canonical = head.canonical.empty() ? "" : head.canonical + "+din";
      joined.push_back(Compound(head, piece, head.latin + "din", canonical));
    } else {
      joined.push_back(piece);
    }
  }
  return joined;
}

// Apostrophes and ayn/hamza letters written in Latin join a word ("Sa'id" is one word), where
// NameKey would split it.
std::string DropApostrophes(std::string_view raw) {
  static constexpr std::array<std::string_view, 7> kMarks = {"'",      "`",      "\u2018", "\u2019",
                                                             "\u02BF", "\u02BE", "\u00B4"};
  std::string out;
  out.reserve(raw.size());
  for (size_t at = 0; at < raw.size();) {
    bool dropped = false;
    for (std::string_view mark : kMarks) {
      if (raw.substr(at, mark.size()) == mark) {
        at += mark.size();
        dropped = true;
        break;
      }
    }
    if (!dropped) out += raw[at++];
  }
  return out;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

namespace internal {

std::string FoldArabicForm(std::string_view form) {
  std::u32string codes;
  for (char32_t code : FoldHamza(DecodeUtf8(NameKey(form)))) {
    if (code != ' ') codes.push_back(code);
  }
  return EncodeUtf8(codes);
}

}  // namespace internal

const std::string& NameToken::Identity() const {
  if (!canonical.empty()) return canonical;
  if (!skeleton.empty()) return skeleton;
  return latin;
}

std::string TransliterateArabic(std::string_view arabic) {
  return TransliterateCodes(FoldHamza(DecodeUtf8(arabic)));
}

std::string PhoneticKey(std::string_view latin) {
  size_t size = latin.size();
  // A silent final e (Hassane, Rachide) and a final h after a vowel (Fatimah) are dropped.
  if (size > 3 && latin[size - 1] == 'e' && !IsVowel(latin[size - 2])) --size;
  if (size > 2 && latin[size - 1] == 'h' && IsVowel(latin[size - 2])) --size;
  std::string_view text = latin.substr(0, size);
  std::string out;
  auto at = [&](size_t pos) -> char { return pos < text.size() ? text[pos] : '\0'; };
  auto emit = [&](char c) {
    if (out.empty() || out.back() != c) out += c;
  };
  for (size_t pos = 0; pos < text.size();) {
    const char c = text[pos];
    const bool after_vowel_or_start = pos == 0 || IsVowel(text[pos - 1]);
    if (c == 'o' && at(pos + 1) == 'u' && IsVowel(at(pos + 2)) && after_vowel_or_start) {
      emit('w');  // Ouassim, Naoual: ou before a vowel is the consonant w
      pos += 2;
      continue;
    }
    if ((c == 'w' || c == 'y') && IsVowel(at(pos + 1))) {
      emit(c);
      ++pos;
      continue;
    }
    if (IsVowel(c) || c == 'w' || c == 'y') {
      bool long_i = false;
      int e_count = 0;
      size_t end = pos;
      while (end < text.size()) {
        const char v = text[end];
        const bool semivowel = (v == 'w' || v == 'y') && !IsVowel(at(end + 1));
        if (!IsVowel(v) && !semivowel) break;
        if (end > pos && v == 'o' && at(end + 1) == 'u' && IsVowel(at(end + 2))) break;
        long_i |= v == 'i' || v == 'y';
        e_count += v == 'e';
        ++end;
      }
      out += (long_i || e_count >= 2) ? 'i' : '.';
      pos = end;
      continue;
    }
    const char next = at(pos + 1);
    if (c == 's' && next == 'c' && at(pos + 2) == 'h') {
      emit('S');
      pos += 3;
      continue;
    }
    if (next == 'h' &&
        (c == 's' || c == 'c' || c == 'k' || c == 'g' || c == 'p' || c == 't' || c == 'd')) {
      emit(c == 's' || c == 'c' ? 'S' : c == 'k' ? 'X' : c == 'g' ? 'G' : c == 'p' ? 'f' : c);
      pos += 2;
      continue;
    }
    if ((c == 'd' && next == 'j') || (c == 'c' && next == 'k')) {
      emit(c == 'd' ? 'J' : 'k');
      pos += 2;
      continue;
    }
    switch (c) {
      case 'j':
      case 'g':
        emit('J');
        break;
      case 'q':
      case 'k':
        emit('k');
        break;
      case 'c':
        emit(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
        break;
      case 'v':
        emit('f');
        break;
      case 'p':
        emit('b');
        break;
      case 'x':
        emit('k');
        emit('s');
        break;
      default:
        emit(c);
    }
    ++pos;
  }
  return out;
}

std::string Skeleton(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '.' || c == 'i') continue;
    if (!out.empty() && out.back() == c) continue;  // m.m -> mm -> m: vowels no longer split
    out += c;
  }
  return out;
}

NormalizedName NormalizeName(std::string_view raw) {
  NormalizedName name;
  const std::string folded = NameKey(DropApostrophes(raw));
  for (Piece& piece : Compounds(Pieces(folded, name.mixed_scripts))) {
    NameToken token;
    token.key = PhoneticKey(piece.latin);
    token.skeleton = Skeleton(token.key);
    token.text = std::move(piece.text);
    token.latin = std::move(piece.latin);
    token.canonical = std::move(piece.canonical);
    token.script = piece.script;
    token.particle = piece.particle;
    name.tokens.push_back(std::move(token));
  }
  return name;
}

double TokenSimilarity(const NameToken& left, const NameToken& right) {
  if (left.script == right.script && left.text == right.text) return 1.0;
  if (!left.canonical.empty() && !right.canonical.empty()) {
    return left.canonical == right.canonical ? 1.0 : 0.0;
  }
  const bool left_abjad = left.script == Script::kArabic;
  const bool right_abjad = right.script == Script::kArabic;
  if (left_abjad != right_abjad) {
    // Arabic script writes no short vowels: only the consonants can be compared.
    if (left.skeleton.empty() || right.skeleton.empty()) return 0.0;
    if (left.skeleton == right.skeleton) return 0.9;
    return 0.9 * JaroWinkler(left.skeleton, right.skeleton);
  }
  if (left.latin == right.latin) return left.latin.empty() ? 0.0 : 1.0;
  if (!left.key.empty() && left.key == right.key) return 0.95;
  // Two different surnames often reach a Jaro-Winkler of 0.85, a typo about 0.95: the scale
  // is stretched so that 0.95 gives 0.9 and 0.85 only 0.7.
  return std::max(0.0, 1.0 - 2.0 * (1.0 - JaroWinkler(left.latin, right.latin)));
}

}  // namespace tafkik::resolve
