#include "support/zip_build.h"

#include <zip.h>

namespace bs::testing {

std::string BuildZip(const ZipEntries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(target);  // we read the bytes out after zip_close
  zip_t* z = zip_open_from_source(target, ZIP_TRUNCATE, &error);
  for (const auto& [name, contents] : entries) {
    zip_source_t* part = zip_source_buffer(z, contents.data(), contents.size(), 0);
    zip_int64_t index = zip_file_add(z, name.c_str(), part, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
  }
  zip_close(z);
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(target, &st) == 0 && zip_source_open(target) == 0) {
    out.resize(st.size);
    zip_int64_t n = zip_source_read(target, out.data(), out.size());
    out.resize(n < 0 ? 0 : static_cast<size_t>(n));
    zip_source_close(target);
  }
  zip_source_free(target);
  zip_error_fini(&error);
  return out;
}

ZipEntries ReadZip(std::string_view bytes) {
  ZipEntries out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!z) {
    if (source) zip_source_free(source);
    zip_error_fini(&error);
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_file_t* f = zip_stat_index(z, i, 0, &st) == 0 ? zip_fopen_index(z, i, 0) : nullptr;
    if (!f) continue;
    std::string contents(st.size, '\0');
    zip_int64_t n = zip_fread(f, contents.data(), contents.size());
    zip_fclose(f);
    contents.resize(n < 0 ? 0 : static_cast<size_t>(n));
    out.emplace_back(st.name, std::move(contents));
  }
  zip_discard(z);
  zip_error_fini(&error);
  return out;
}

}  // namespace bs::testing
