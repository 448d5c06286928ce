// Name normalisation for entity resolution: one name in any script (Arabic, Latin, others
// through ICU) becomes a list of tokens, each with a Latin form, a phonetic key that brings
// Maghreb, Egyptian and English spellings together, a consonant skeleton that crosses
// scripts, and, for names on the variant list (data/resolve/name_variants.tsv), a canonical
// name that decides identity outright (Mohamed = Muhammad = محمد; Mohamed != Mahmoud).
// Compounds are one token: Abd + divine name (Abdel Kader = Abdelkader = عبد القادر),
// X + ad-Din (Nour Eddine = Noureddine), Abu/Bou + name. Articles (al, el, ad, ar, ...) are
// dropped; ben/bin/ibn/ould/ait/bint are kept as particles, which count for little.
// Pure functions over an immutable table loaded once; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tafkik::resolve {

enum class Script { kLatin, kArabic, kOther };

struct NameToken {
  std::string text;       // folded spelling as written: "abdelkader", "عبدالقادر"
  std::string latin;      // Latin form: `text`, or its transliteration ("abdalqadr")
  std::string key;        // PhoneticKey(latin): "m.h.m.d"
  std::string skeleton;   // consonants only, the same for every script: "mhmd"
  std::string canonical;  // from the variant list ("muhammad", "abd:qadir"), or ""
  Script script = Script::kLatin;
  bool particle = false;  // ben, bin, ibn, ould, ait, bint: count for little
  float weight = 1;       // frequency weight, set by TokenFrequencies::Apply (1 until then)

  // What identifies the token for blocking and frequency counts: the canonical name when
  // known, else the skeleton (else the Latin form when it has no consonant).
  const std::string& Identity() const;
};

struct NormalizedName {
  std::vector<NameToken> tokens;  // in the order written; particles included
  bool mixed_scripts = false;     // letters of more than one script in the raw name
  float frequency = 0;            // share of records with this whole name (Apply sets it)
};

// Normalises one raw name (any UTF-8; invalid bytes count as separators). Never fails: an
// empty or letterless name gives no tokens.
NormalizedName NormalizeName(std::string_view raw);

// The phonetic key of one lower-case Latin token: consonant classes (ch/sh/sch -> S,
// dj/j/g -> J, kh -> X, gh -> G, q/k/ck/hard c -> k, soft c -> s, ph -> f, th -> t,
// dh -> d, v -> f, p -> b, x -> ks), doubled letters once, a vowel run as "i" when it
// holds i, y or ee (a long i: Hussein, Hocine) and "." otherwise, w/ou before a vowel as
// w, a silent final e and a final h after a vowel dropped. "mohamed" -> "m.h.m.d",
// "mahmoud" -> "m.hm.d", "hassan" -> "h.s.n", "hocine" -> "h.sin".
std::string PhoneticKey(std::string_view latin);

// The key without its vowel marks: "m.h.m.d" -> "mhmd".
std::string Skeleton(std::string_view key);

// Latin letters for one Arabic-script token folded by NameKey: consonants as in the common
// English-French practice (kh, sh, gh, th, dh), و/ي as w/y before a vowel or at the start
// and u/i elsewhere, ا as a, ة/final ه as a; ع and hamza dropped. "محمود" -> "mhmud".
std::string TransliterateArabic(std::string_view arabic);

// Token similarity in [0, 1]: 1 for the same canonical name or spelling, 0 for two
// different canonical names, 0.95 for the same phonetic key; otherwise, in one script,
// 1 - 2 x (1 - Jaro-Winkler) on the Latin forms (a typo's 0.95 gives 0.9, two different
// surnames' 0.85 only 0.7), across scripts 0.9 x Jaro-Winkler on the skeletons.
double TokenSimilarity(const NameToken& left, const NameToken& right);

}  // namespace tafkik::resolve
