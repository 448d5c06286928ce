// The one-paragraph summary of a screening's outcome in English, French and Arabic, written
// with the catalogue's phrases and element texts. Private to screening/.
#pragma once

#include "screening/catalogue.h"
#include "screening/rules.h"

namespace tafkik::screening::internal {

// REQUIRES: every other field of `result` is final.
Text Summarise(const Catalogues& catalogues, const ScreeningResult& result);

}  // namespace tafkik::screening::internal
