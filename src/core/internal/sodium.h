// Private to core: libsodium must be initialised once before use (it picks the fastest
// implementations and seeds its random generator). Thread-safe; idempotent.
#pragma once

namespace tafkik::internal {

// Aborts when libsodium cannot initialise: without it no hash or key can be trusted.
void EnsureSodiumInitialized();

}  // namespace tafkik::internal
