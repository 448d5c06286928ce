#include "synth/names.h"

#include <string_view>
#include <vector>

#include "synth/name_tables.h"

namespace tafkik::synth::internal {
namespace {

bool IsArabicOrigin(NameOrigin origin) {
  return origin == NameOrigin::kMaghreb || origin == NameOrigin::kEgypt ||
         origin == NameOrigin::kLibya;
}

std::string_view PreferredLatin(const NameToken& token, NameOrigin origin) {
  switch (origin) {
    case NameOrigin::kEgypt:
      return token.egypt;
    case NameOrigin::kLibya:
    case NameOrigin::kNigeria:
      return token.english;
    default:
      return token.french;
  }
}

// Most records use the spelling usual in the person's country; a third use another one.
std::string_view VariedLatin(const NameToken& token, NameOrigin origin, Rng& rng) {
  if (!rng.Chance(330)) return PreferredLatin(token, origin);
  std::vector<std::string_view> spellings = {token.french, token.egypt, token.english};
  if (!token.alt.empty()) spellings.push_back(token.alt);
  return rng.Pick(spellings);
}

// The alternative spellings of article names that already carry the article ("Ettazi").
bool CarriesArticle(const NameToken& token, std::string_view spelling) {
  return token.article && spelling == token.alt && !spelling.empty() && spelling[0] == 'E';
}

std::string Glued(std::string_view prefix, std::string_view name) {
  std::string glued(prefix);
  for (char letter : name) {
    if (letter == ' ' || letter == '-') continue;
    glued.push_back(letter >= 'A' && letter <= 'Z' ? static_cast<char>(letter - 'A' + 'a')
                                                   : letter);
  }
  return glued;
}

std::string WithArticle(std::string_view bare, NameOrigin origin, Rng& rng) {
  if (rng.Chance(150)) return std::string(bare);  // dropped
  static constexpr std::string_view kMaghreb[] = {"El ", "El ", "El-", "el-", "Al "};
  static constexpr std::string_view kEgypt[] = {"El ", "El-", "El-", "Al-", "el-"};
  static constexpr std::string_view kLibya[] = {"Al-", "Al ", "El ", "al-", "El-"};
  if (rng.Chance(120)) return Glued("El", bare);  // "Elidrissi"
  std::string_view article;
  switch (origin) {
    case NameOrigin::kEgypt:
      article = kEgypt[rng.Below(5)];
      break;
    case NameOrigin::kLibya:
      article = kLibya[rng.Below(5)];
      break;
    default:
      article = kMaghreb[rng.Below(5)];
      break;
  }
  return std::string(article) + std::string(bare);
}

std::string PatronymicLatin(const NameToken& father, NameOrigin origin, Rng& rng) {
  const std::string_view spelling = VariedLatin(father, origin, rng);
  if (origin == NameOrigin::kLibya && rng.Chance(500)) return "Bin " + std::string(spelling);
  if (rng.Chance(550)) return Glued("Ben", spelling);  // "Benabderrahmane"
  return "Ben " + std::string(spelling);
}

const NameToken& GivenToken(const PersonName& name) {
  return name.female ? FemaleGivenNames(name.origin)[name.given]
                     : MaleGivenNames(name.origin)[name.given];
}
const NameToken& FatherToken(const PersonName& name) {
  return MaleGivenNames(name.origin)[name.father];
}
const NameToken& FamilyToken(const PersonName& name) {
  return name.family_kind == FamilyKind::kTable ? FamilyNames(name.origin)[name.family]
                                                : MaleGivenNames(name.origin)[name.family];
}

std::string FamilyLatin(const PersonName& name, Rng& rng) {
  const NameToken& family = FamilyToken(name);
  if (name.family_kind == FamilyKind::kPatronymic) {
    return PatronymicLatin(family, name.origin, rng);
  }
  const std::string_view spelling = VariedLatin(family, name.origin, rng);
  if (!family.article || CarriesArticle(family, spelling)) return std::string(spelling);
  return WithArticle(spelling, name.origin, rng);
}

std::string FamilyArabic(const PersonName& name) {
  const NameToken& family = FamilyToken(name);
  if (name.family_kind == FamilyKind::kPatronymic) return "بن " + std::string(family.arabic);
  return std::string(family.arabic);
}

// Egyptian and Libyan names carry the father's name between given and family.
bool HasFatherPart(NameOrigin origin) {
  return origin == NameOrigin::kEgypt || origin == NameOrigin::kLibya;
}

std::string JoinParts(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!joined.empty()) joined.push_back(' ');
    joined += part;
  }
  return joined;
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

// Orthographic variation of hand-entered Arabic: hamza seats dropped, ta marbuta written as ha,
// alif maqsura as ya. NameKey folds all three, a naive comparison does not.
void VaryArabic(std::string& text, Rng& rng) {
  if (rng.Chance(400)) {
    ReplaceAll(text, "أ", "ا");
    ReplaceAll(text, "إ", "ا");
  }
  if (rng.Chance(250)) ReplaceAll(text, "ة", "ه");
  if (rng.Chance(250)) ReplaceAll(text, "ى", "ي");
}

std::string StripAccents(std::string text) {
  static constexpr std::pair<std::string_view, std::string_view> kFolds[] = {
      {"é", "e"}, {"è", "e"}, {"ë", "e"}, {"ï", "i"}, {"ç", "c"}, {"ô", "o"}};
  for (const auto& [from, to] : kFolds) ReplaceAll(text, from, to);
  return text;
}

std::string Upper(std::string text) {
  for (char& letter : text) {
    if (letter >= 'a' && letter <= 'z') letter = static_cast<char>(letter - 'a' + 'A');
  }
  return text;
}

bool IsAsciiLetter(char letter) {
  return (letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z');
}

// One keying error: a letter dropped, doubled or swapped with its neighbour.
void AddTypo(std::string& text, Rng& rng) {
  std::vector<size_t> positions;
  for (size_t at = 1; at + 1 < text.size(); ++at) {
    if (IsAsciiLetter(text[at]) && IsAsciiLetter(text[at + 1])) positions.push_back(at);
  }
  if (positions.empty()) return;
  const size_t at = rng.Pick(positions);
  switch (rng.Below(3)) {
    case 0:
      text.erase(at, 1);
      break;
    case 1:
      text.insert(at, 1, text[at]);
      break;
    default:
      std::swap(text[at], text[at + 1]);
      break;
  }
}

std::string RenderArabic(const PersonName& name, Rng& rng) {
  std::string given(GivenToken(name).arabic);
  std::string father = HasFatherPart(name.origin) && rng.Chance(850)
                           ? std::string(FatherToken(name).arabic)
                           : std::string();
  std::string family = FamilyArabic(name);
  // Some registers put the family name first.
  std::string text = name.origin == NameOrigin::kMaghreb && rng.Chance(300)
                         ? JoinParts({family, given})
                         : JoinParts({given, father, family});
  VaryArabic(text, rng);
  return text;
}

std::string RenderLatin(const PersonName& name, NameStyle style, Rng& rng) {
  std::string given(VariedLatin(GivenToken(name), name.origin, rng));
  std::string father;
  if (HasFatherPart(name.origin) && rng.Chance(style == NameStyle::kTitle ? 500 : 700)) {
    father = std::string(VariedLatin(FatherToken(name), name.origin, rng));
  }
  std::string family = FamilyLatin(name, rng);
  const int family_first = style == NameStyle::kAdminUpper ? 450 : 60;
  std::string text = rng.Chance(family_first) ? JoinParts({family, given, father})
                                              : JoinParts({given, father, family});
  if (rng.Chance(style == NameStyle::kAdminUpper ? 120 : 80)) AddTypo(text, rng);
  if (style == NameStyle::kAdminUpper) text = Upper(StripAccents(text));
  return text;
}

}  // namespace

PersonName DrawName(NameOrigin origin, bool female, Rng& rng) {
  PersonName name;
  name.origin = origin;
  name.female = female;
  const size_t given_count =
      female ? FemaleGivenNames(origin).size() : MaleGivenNames(origin).size();
  name.given = static_cast<uint16_t>(rng.Below(given_count));
  name.father = static_cast<uint16_t>(rng.Below(MaleGivenNames(origin).size()));
  name.family_kind = FamilyKind::kTable;
  if (origin == NameOrigin::kEgypt && rng.Chance(600)) name.family_kind = FamilyKind::kGiven;
  if ((origin == NameOrigin::kMaghreb || origin == NameOrigin::kLibya) && rng.Chance(200)) {
    name.family_kind = FamilyKind::kPatronymic;
  }
  const size_t family_count = name.family_kind == FamilyKind::kTable
                                  ? FamilyNames(origin).size()
                                  : MaleGivenNames(origin).size();
  name.family = static_cast<uint16_t>(rng.Below(family_count));
  return name;
}

std::string RenderName(const PersonName& name, NameStyle style, Rng& rng) {
  if (style == NameStyle::kArabic) return RenderArabic(name, rng);
  return RenderLatin(name, style, rng);
}

std::string CanonicalLatin(const PersonName& name) {
  std::string father = HasFatherPart(name.origin)
                           ? std::string(PreferredLatin(FatherToken(name), name.origin))
                           : std::string();
  const NameToken& family = FamilyToken(name);
  std::string family_text(PreferredLatin(family, name.origin));
  if (name.family_kind == FamilyKind::kPatronymic) family_text = "Ben " + family_text;
  if (name.family_kind == FamilyKind::kTable && family.article) {
    family_text = (name.origin == NameOrigin::kLibya ? "Al-" : "El ") + family_text;
  }
  return JoinParts(
      {std::string(PreferredLatin(GivenToken(name), name.origin)), father, family_text});
}

std::string CanonicalArabic(const PersonName& name) {
  std::string father =
      HasFatherPart(name.origin) ? std::string(FatherToken(name).arabic) : std::string();
  return JoinParts({std::string(GivenToken(name).arabic), father, FamilyArabic(name)});
}

std::string Nickname(const PersonName& name, std::string_view place_latin,
                     std::string_view place_arabic, std::string_view role_word, Rng& rng) {
  const NameToken& given = GivenToken(name);
  const bool arabic_script = IsArabicOrigin(name.origin) && rng.Chance(300);
  std::string nickname;
  bool arabic_nickname = false;
  if (!role_word.empty() && rng.Chance(450)) {
    nickname = role_word == "Mama" ? "Mama " + std::string(PreferredLatin(given, name.origin))
                                   : std::string(role_word);
  } else if (!given.nickname.empty() && rng.Chance(650)) {
    arabic_nickname = arabic_script && !given.nickname_arabic.empty();
    nickname = std::string(arabic_nickname ? given.nickname_arabic : given.nickname);
  } else if (IsArabicOrigin(name.origin) && !name.female && rng.Chance(500)) {
    // A kunya: "father of" the (fictional) eldest son.
    const std::span<const NameToken> sons = MaleGivenNames(name.origin);
    const NameToken& son = sons[rng.Below(sons.size())];
    arabic_nickname = arabic_script;
    nickname = arabic_script ? "أبو " + std::string(son.arabic) : "Abu " + std::string(son.english);
  } else {
    arabic_nickname = arabic_script;
    nickname = arabic_script ? std::string(given.arabic)
                             : std::string(VariedLatin(given, name.origin, rng));
  }
  const std::string_view place = arabic_nickname ? place_arabic : place_latin;
  if (!place.empty() && rng.Chance(400)) nickname += " " + std::string(place);
  return nickname;
}

}  // namespace tafkik::synth::internal
