// A small SQLite toolkit for the adapters in this folder: a pool of connections (one
// per thread at a time, as SQLite wants), cached prepared statements, transactions,
// and versioned migrations. The only place besides sqlite_*.cpp that sees sqlite3.h.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/result.h"

namespace bs::sqlite {

// A prepared statement borrowed from a connection's cache; reset on destruction.
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  ~Stmt() { if (s_) { sqlite3_reset(s_); sqlite3_clear_bindings(s_); } }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }

  Stmt& Bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); return *this; }
  Stmt& Bind(int i, int v) { sqlite3_bind_int64(s_, i, v); return *this; }
  Stmt& Bind(int i, bool v) { sqlite3_bind_int64(s_, i, v ? 1 : 0); return *this; }
  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& BindNull(int i) { sqlite3_bind_null(s_, i); return *this; }
  Stmt& BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob64(s_, i, v.data(), v.size(), SQLITE_TRANSIENT);
    return *this;
  }

  // Steps once: true when a row is ready, false when done; errors as Result.
  Result<bool> Step();
  // Steps to the end, for statements without rows.
  Status Run();

  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, col)) : std::string();
  }
  std::string Blob(int col) const {
    const void* b = sqlite3_column_blob(s_, col);
    return b ? std::string(static_cast<const char*>(b), sqlite3_column_bytes(s_, col)) : std::string();
  }
  sqlite3_stmt* raw() const { return s_; }

 private:
  sqlite3_stmt* s_;
};

class Connection {
 public:
  // `commits` counts commits across the pool (owned by the Database).
  Connection(sqlite3* db, std::atomic<uint64_t>* commits) : db_(db), commits_(commits) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Prepares once per connection and caches by SQL text.
  Result<Stmt> Prepare(const std::string& sql);
  Status Exec(const std::string& sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() const { return db_; }
  // Called after each commit: every kCheckpointEvery commits, restarts the WAL so it
  // cannot grow without bound while readers are always present (checkpoint starvation).
  void AfterCommit();

 private:
  sqlite3* db_;
  std::atomic<uint64_t>* commits_;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

// FNV-1a, 64 bits: notices any change of the bytes fed to it (migration checksums,
// backup content checks). Not a defence against someone who may write the database.
class Fnv64 {
 public:
  Fnv64& Add(std::string_view bytes) {
    for (unsigned char ch : bytes) { h_ ^= ch; h_ *= 1099511628211ULL; }
    return *this;
  }
  std::string Hex() const;

 private:
  uint64_t h_ = 1469598103934665603ULL;
};

// Maps a SQLite result code to our error codes; never shows SQL to people.
Error ToError(int rc, sqlite3* db, std::string_view what);

// Stored text that does not read back (a broken or hand-edited database): logs `what`
// and returns Internal "Data i databasen kan ikke læses." (never the text to people).
Error Unreadable(std::string_view what);
// A whole decimal integer from stored text, without throwing; Unreadable otherwise.
Result<int64_t> StoredInt(std::string_view text, std::string_view what);

namespace internal {
template <typename R> struct RowOf { using type = R; static constexpr bool kFallible = false; };
template <typename T> struct RowOf<Result<T>> { using type = T; static constexpr bool kFallible = true; };
}  // namespace internal

// The one prepare-bind-step-collect loop: prepares `sql`, lets `bind(Stmt&)` bind its
// parameters, and reads every row with `read(const Stmt&)`, a named row reader that
// returns T, or Result<T> when stored text may not read back (the first such error is
// returned). Errors of SQLite as ToError.
template <typename Bind, typename Read>
auto QueryAll(Connection& c, const std::string& sql, Bind&& bind, Read&& read)
    -> Result<std::vector<typename internal::RowOf<std::invoke_result_t<Read&, const Stmt&>>::type>>;
// The same for statements without parameters.
template <typename Read>
auto QueryAll(Connection& c, const std::string& sql, Read&& read) {
  return QueryAll(c, sql, [](Stmt&) {}, std::forward<Read>(read));
}

class Database;

// A connection borrowed from the pool; returned on destruction.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> c) : db_(db), c_(std::move(c)) {}
  ~Lease();
  Lease(Lease&&) = default;
  Connection* operator->() { return c_.get(); }
  Connection& operator*() { return *c_; }

 private:
  Database* db_;
  std::unique_ptr<Connection> c_;
};

// A transaction that rolls back unless committed.
class Transaction {
 public:
  // BEGIN IMMEDIATE: takes the write lock now so that a read-then-write cannot be
  // overtaken by another writer (optimistic revision checks depend on it).
  static Result<Transaction> Begin(Connection& c);
  Transaction(Transaction&& o) noexcept : c_(o.c_) { o.c_ = nullptr; }
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Connection* c) : c_(c) {}
  Connection* c_;
};

class Database {
 public:
  // Opens (creating if needed) the file, sets WAL, foreign keys and busy timeout, and
  // applies pending migrations. Unavailable when the file cannot be opened.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();

  Result<Lease> Acquire();
  void Release(std::unique_ptr<Connection> c);
  int SchemaVersion() const { return schema_version_; }
  // For /readyz: a connection answers, the file is writable, and the newest migration
  // this binary carries is applied. The message is safe to show (no path, no SQL).
  Status CheckReady();
  // The newest migration this binary carries.
  static int NewestKnownVersion();

 private:
  explicit Database(std::string path) : path_(std::move(path)) {}
  Result<std::unique_ptr<Connection>> OpenConnection();
  Status Migrate();

  std::string path_;
  std::atomic<uint64_t> commits_{0};
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int schema_version_ = 0;
};

template <typename Bind, typename Read>
auto QueryAll(Connection& c, const std::string& sql, Bind&& bind, Read&& read)
    -> Result<std::vector<typename internal::RowOf<std::invoke_result_t<Read&, const Stmt&>>::type>> {
  using Row = internal::RowOf<std::invoke_result_t<Read&, const Stmt&>>;
  auto s = TRY(c.Prepare(sql));
  bind(s);
  std::vector<typename Row::type> out;
  while (TRY(s.Step())) {
    if constexpr (Row::kFallible) out.push_back(TRY(read(static_cast<const Stmt&>(s))));
    else out.push_back(read(static_cast<const Stmt&>(s)));
  }
  return out;
}

}  // namespace bs::sqlite
