#include "liquid/template.h"

#include <algorithm>

namespace hypergen::liquid {

namespace {
constexpr std::size_t kBlockSize = 8192;
}

Arena::~Arena() {
  for (auto it = dtors_.rbegin(); it != dtors_.rend(); ++it) it->fn(it->obj);
}

void* Arena::allocate(std::size_t size, std::size_t align) {
  auto misalign = [&](std::byte* p) {
    return (align - reinterpret_cast<std::uintptr_t>(p) % align) % align;
  };
  if (cur_ == nullptr || misalign(cur_) + size > left_) {
    std::size_t block = std::max(kBlockSize, size + align);
    blocks_.push_back(std::make_unique<std::byte[]>(block));
    cur_ = blocks_.back().get();
    left_ = block;
  }
  std::size_t pad = misalign(cur_);
  void* p = cur_ + pad;
  cur_ += pad + size;
  left_ -= pad + size;
  return p;
}

}  // namespace hypergen::liquid
