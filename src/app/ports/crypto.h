// Cryptography the app needs, as a port: password hashing and random tokens.
// Implemented by crypto/sodium (libsodium, argon2id); the only place that includes
// sodium.h. Tests may use the same adapter with cheap parameters.
#pragma once

#include <string>

#include "core/result.h"

namespace bs {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // An encoded hash that carries its own salt and parameters. Internal on failure
  // (out of memory).
  virtual Result<std::string> Hash(const std::string& password) const = 0;
  // True when `password` matches `encoded`; false for a wrong password or a malformed
  // hash. Takes about as long as Hash() in both cases.
  virtual bool Verify(const std::string& encoded, const std::string& password) const = 0;
};

class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // 32 random bytes from the system's CSPRNG as 64 hex characters.
  virtual std::string NewToken() const = 0;
  // A one-way digest (hex) of a token: sessions are stored by digest, so a copy of the
  // database does not hold usable session cookies.
  virtual std::string Digest(const std::string& token) const = 0;
  // Compares in constant time.
  virtual bool Equal(const std::string& a, const std::string& b) const = 0;
};

}  // namespace bs
