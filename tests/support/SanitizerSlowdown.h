#pragma once

// Time and CPU bounds in the tests are set for the optimised build. Under AddressSanitizer (the
// sanitizer job: clang -O1, every allocation through ASan's allocator) the same work costs
// several times more, so such bounds are scaled by this factor, not dropped: a relapse to the
// old cost still fails there.
namespace natter::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr int kSanitizerSlowdown = 4;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr int kSanitizerSlowdown = 4;
#else
inline constexpr int kSanitizerSlowdown = 1;
#endif
#else
inline constexpr int kSanitizerSlowdown = 1;
#endif

} // namespace natter::test
