// Zips built and taken apart in memory with libzip, for tests that need an XLSX the
// writers cannot make (a formula without a cached value, a zip bomb, a broken part).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bs::testing {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;  // name, contents

// A zip of `entries` in order, deflated.
std::string BuildZip(const ZipEntries& entries);
// The entries of a zip; empty when it cannot be read.
ZipEntries ReadZip(std::string_view zip);

}  // namespace bs::testing
