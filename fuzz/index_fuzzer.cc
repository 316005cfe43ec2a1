// libFuzzer target for the persistent index loader (index/format.h,
// index/index.h): check() and Index::from_bytes() must say "not usable" for
// any corrupt file, never crash, and every accessor of an index they accept
// must stay in bounds.
//
// Random bytes almost never get past the magic and the XXH3 checksum, so the
// first input byte picks a mode:
//   even  the rest is the file, as is (truncated, bit-flipped, random files);
//   odd   the rest is made "plausible": a valid header is written over it
//         (record counts taken from the input, capped at 15 each; missing
//         record bytes are zeros, the remaining bytes are the string table),
//         padded and checksummed, so the record and string checks are what
//         is fuzzed.
// An accepted index is walked through every view, converted back with
// to_data() and re-serialized; that must load again and be a fixed point.
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "discover/discover.h"
#include "index/format.h"
#include "index/index.h"

namespace {

using namespace hypergen::index;

constexpr std::size_t kMaxInputBytes = 4096;
constexpr std::uint32_t kMaxCount = 15;

std::string plausible(std::string_view raw) {
  std::string out(raw);
  if (out.size() < sizeof(Header)) out.resize(sizeof(Header), '\0');
  Header h;
  std::memcpy(&h, out.data(), sizeof h);
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kFormatVersion;
  h.byte_order = kByteOrderMark;
  h.roots %= kMaxCount + 1;
  h.generators %= kMaxCount + 1;
  h.actions %= kMaxCount + 1;
  h.templates %= kMaxCount + 1;
  h.dirs %= kMaxCount + 1;
  h.files %= kMaxCount + 1;
  const std::size_t records =
      h.roots * sizeof(RootRecord) + h.generators * sizeof(GeneratorRecord) +
      h.actions * sizeof(ActionRecord) + h.templates * sizeof(TemplateRecord) +
      h.dirs * sizeof(DirRecord) + h.files * sizeof(FileRecord);
  if (out.size() < sizeof(Header) + records) out.resize(sizeof(Header) + records, '\0');
  h.strings = out.size() - sizeof(Header) - records;
  out.resize((out.size() + 7) / 8 * 8, '\0');
  h.file_size = out.size() + sizeof(std::uint64_t);
  std::memcpy(out.data(), &h, sizeof h);
  const std::uint64_t sum = XXH3_64bits(out.data(), out.size());
  out.append(reinterpret_cast<const char*>(&sum), sizeof sum);
  return out;
}

std::size_t walk(const Index& index) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < index.root_count(); ++i) n += index.root(i).size();
  for (const GeneratorView& g : index.generators()) {
    n += g.name.size() + g.path.size() + g.metadata.size();
    if (index.find_generator(g.name)) ++n;
    for (const ActionView& a : index.actions(g)) {
      n += a.name.size() + a.path.size() + a.hook.size() + a.metadata.size() +
           a.metadata_path.size();
      if (index.find_action(g.name, a.name)) ++n;
      for (const TemplateView& t : index.templates(a)) {
        n += t.path.size() + t.rel.size() + t.frontmatter.size();
      }
      n += index.template_files(a).size();
    }
  }
  for (std::size_t i = 0; i < index.template_count(); ++i) n += index.template_at(i).path.size();
  n += index.generator_infos().size();
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return 0;
  if (size > kMaxInputBytes) return -1;
  const std::string_view rest(reinterpret_cast<const char*>(bytes + 1), size - 1);
  const std::string file = (bytes[0] & 1) != 0 ? plausible(rest) : std::string(rest);

  const FormatStatus status = check(file);
  volatile std::size_t name_len = format_status_name(status).size();
  (void)name_len;
  FormatStatus why = FormatStatus::kOk;
  auto index = Index::from_bytes(file, &why);
  if (index.has_value() != (status == FormatStatus::kOk)) std::abort();
  if (!index) {
    if (why != status) std::abort();  // the loader reports what check() found
    return 0;
  }
  volatile std::size_t sink = walk(*index);
  (void)sink;

  const std::string again = serialize(index->to_data());
  FormatStatus why_again = FormatStatus::kOk;
  auto reloaded = Index::from_bytes(again, &why_again);
  // What we accepted must serialize to a loadable file, and that one must be
  // a fixed point. (Not equal to the input: check() verifies bounds, not that
  // records are consistent, e.g. orphan templates that no action owns are
  // dropped by to_data().)
  if (!reloaded) std::abort();
  volatile std::size_t sink_again = walk(*reloaded);
  (void)sink_again;
  if (serialize(reloaded->to_data()) != again) std::abort();
  return 0;
}
