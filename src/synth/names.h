// Fictional person names for the generator, in Arabic script and in the French, Egyptian and
// English Latin spellings that different sources use for the same person, plus nicknames.
// The tables are the module's own lists of common given and family names (no real person is
// meant). Rendering is deterministic for a given Rng. Thread-safe (tables are constant).
#pragma once

#include <cstdint>
#include <string>

#include "synth/random.h"

namespace tafkik::synth::internal {

// Which naming tradition a person's name follows: it picks the lists, the order of the parts
// and the preferred transliteration.
enum class NameOrigin {
  kMaghreb,       // Morocco, Tunisia: "given family", French spellings (Youssef, Abderrahmane)
  kEgypt,         // "given father grandfather", Egyptian spellings (Gamal, Abdel Rahman)
  kLibya,         // "given father family", English spellings (Yousef, Abdulrahman)
  kWestAfricaFr,  // Niger, Senegal: French spellings (Mamadou, Traoré); Arabic by transcription
  kNigeria,       // English spellings (Chinedu, Okafor, Abubakar)
};

enum class FamilyKind : uint8_t {
  kTable,       // a family name from the origin's list ("El Alaoui", "Diallo")
  kPatronymic,  // "ben" + a male given name ("Benabderrahmane", "بن عبد الرحمن")
  kGiven,       // a grandfather's given name, as in Egypt ("Mohamed Abdel Rahman Hassan")
};

// A real person's name as indexes into the tables: small enough to keep one per person.
struct PersonName {
  NameOrigin origin = NameOrigin::kMaghreb;
  bool female = false;
  FamilyKind family_kind = FamilyKind::kTable;
  uint16_t given = 0;   // into the origin's male or female given names
  uint16_t father = 0;  // into the origin's male given names
  uint16_t family = 0;  // into the family list or, for kPatronymic/kGiven, the male given names
};

// How a source writes names.
enum class NameStyle {
  kArabic,      // police register, hawala ledger: Arabic script, orthographic variants
  kAdminUpper,  // money transfer export, passports: "EL ALAOUI MOHAMED", accents stripped
  kTitle,       // bank statements, NGO interviews: "Mohammed Abdel Rahman"
};

PersonName DrawName(NameOrigin origin, bool female, Rng& rng);

// The name as `style` writes it, with the variation real records show: alternative
// transliterations, article forms (El/Al-/el-), glued particles, family name first, a missing
// father's name, a typo. The same rng state gives the same text.
std::string RenderName(const PersonName& name, NameStyle style, Rng& rng);

// The canonical (unvaried) full name in Latin and in Arabic script, for the ground truth.
std::string CanonicalLatin(const PersonName& name);
std::string CanonicalArabic(const PersonName& name);

// A nickname as a seized phone's contact list would hold it: "Hamada", "Abu Yousef",
// "حمادة", optionally with a place or role ("Hamada Zuwara", "حمادة زوارة", "Capitano").
// The place is appended in the nickname's script; "" for none.
std::string Nickname(const PersonName& name, std::string_view place_latin,
                     std::string_view place_arabic, std::string_view role_word, Rng& rng);

}  // namespace tafkik::synth::internal
