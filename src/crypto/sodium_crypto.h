// libsodium behind the crypto port (app/ports/crypto.h): argon2id password hashes,
// random tokens from the system CSPRNG, BLAKE2b digests. The only place that
// includes sodium.h.
#pragma once

#include <cstddef>
#include <cstdint>

#include "app/ports/crypto.h"

namespace bs {

struct Argon2Params {
  // Chosen with bench/sign-in.sh so one hash takes 50-150 ms on the reference machine
  // (2 cores): 3 passes over 48 MiB. Hashes carry their parameters, so changing these
  // later keeps old passwords working.
  uint64_t opslimit = 3;
  size_t memlimit = 48u * 1024 * 1024;
  // Cheap parameters for tests that sign in many times (never for production).
  static Argon2Params ForTests() { return {1, 8u * 1024}; }
};

// Initialises libsodium once; false when it cannot (startup failure).
bool InitSodium();

class SodiumPasswordHasher final : public PasswordHasher {
 public:
  explicit SodiumPasswordHasher(Argon2Params params = {}) : params_(params) {}
  Result<std::string> Hash(const std::string& password) const override;
  bool Verify(const std::string& encoded, const std::string& password) const override;

 private:
  Argon2Params params_;
};

class SodiumTokenSource final : public TokenSource {
 public:
  std::string NewToken() const override;
  std::string Digest(const std::string& token) const override;
  bool Equal(const std::string& a, const std::string& b) const override;
};

}  // namespace bs
