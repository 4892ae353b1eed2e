#include "crypto/sodium_crypto.h"

#include <sodium.h>

#include <vector>

namespace bs {
namespace {
std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}
}  // namespace

bool InitSodium() { return sodium_init() >= 0; }

Result<std::string> SodiumPasswordHasher::Hash(const std::string& password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), params_.opslimit, params_.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Internal("Adgangskoden kunne ikke krypteres (mangler hukommelse).");
  return std::string(out);
}

bool SodiumPasswordHasher::Verify(const std::string& encoded, const std::string& password) const {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumTokenSource::NewToken() const {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

std::string SodiumTokenSource::Digest(const std::string& token) const {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return Hex(out, sizeof out);
}

bool SodiumTokenSource::Equal(const std::string& a, const std::string& b) const {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace bs
