#include "CSHA256.h"

#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>

#define GONGKAI_SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

// The round constants of FIPS 180-4, four to a vector (the first of each group in lane 0).
static const uint32_t round_constants[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/// Whether the CPU has the SHA extensions and the SSSE3/SSE4.1 shuffles used around them.
static int cpu_has_sha(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  int shuffles = (ecx & bit_SSSE3) != 0 && (ecx & bit_SSE4_1) != 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  return shuffles && (ebx & bit_SHA) != 0;
}

/// Folds `blocks` 64-byte blocks at `data` into the state, held as the instructions want
/// it: `abef` = (A, B, E, F) and `cdgh` = (C, D, G, H), A in the highest lane.
GONGKAI_SHA_TARGET
static void compress(__m128i *abef, __m128i *cdgh, const unsigned char *data, size_t blocks) {
  // Big-endian words: reverses the bytes of each 32-bit lane.
  const __m128i byte_order = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i state0 = *abef, state1 = *cdgh;
  for (size_t block = 0; block < blocks; block++, data += 64) {
    const __m128i saved0 = state0, saved1 = state1;
    // The message schedule, four words to a vector: words[g % 4] holds W[4g … 4g+3].
    __m128i words[4];
    for (int group = 0; group < 16; group++) {
      __m128i current;
      if (group < 4) {
        current = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * group)), byte_order);
      } else {
        // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time.
        __m128i sum = _mm_sha256msg1_epu32(words[group % 4], words[(group + 1) % 4]);
        sum = _mm_add_epi32(sum, _mm_alignr_epi8(words[(group + 3) % 4], words[(group + 2) % 4], 4));
        current = _mm_sha256msg2_epu32(sum, words[(group + 3) % 4]);
      }
      words[group % 4] = current;
      __m128i message = _mm_add_epi32(current, _mm_loadu_si128((const __m128i *)(round_constants + 4 * group)));
      state1 = _mm_sha256rnds2_epu32(state1, state0, message);
      message = _mm_shuffle_epi32(message, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, message);
    }
    state0 = _mm_add_epi32(state0, saved0);
    state1 = _mm_add_epi32(state1, saved1);
  }
  *abef = state0;
  *cdgh = state1;
}

GONGKAI_SHA_TARGET
static void hash(const unsigned char *data, size_t count, unsigned char *digest) {
  static const uint32_t initial[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  // (A, B, C, D) and (E, F, G, H), A in lane 0, rearranged to (A, B, E, F) and (C, D, G, H).
  __m128i low = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)initial), 0xB1);      // C D A B → lanes 3..0
  __m128i high = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(initial + 4)), 0x1B); // E F G H
  __m128i abef = _mm_alignr_epi8(low, high, 8);
  __m128i cdgh = _mm_blend_epi16(high, low, 0xF0);

  size_t whole = count / 64;
  compress(&abef, &cdgh, data, whole);
  // The rest, the 0x80 byte, zeros and the length in bits: one block or two.
  unsigned char tail[128];
  size_t rest = count - whole * 64;
  memset(tail, 0, sizeof tail);
  if (rest > 0) memcpy(tail, data + whole * 64, rest);
  tail[rest] = 0x80;
  size_t tailBlocks = rest < 56 ? 1 : 2;
  uint64_t bits = (uint64_t)count * 8;
  for (int index = 0; index < 8; index++) tail[tailBlocks * 64 - 1 - index] = (unsigned char)(bits >> (8 * index));
  compress(&abef, &cdgh, tail, tailBlocks);

  // Back to (A, B, C, D) and (E, F, G, H), then big-endian bytes.
  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  __m128i dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  __m128i hgfe = _mm_alignr_epi8(dchg, feba, 8);
  uint32_t words[8];
  _mm_storeu_si128((__m128i *)words, dcba);
  _mm_storeu_si128((__m128i *)(words + 4), hgfe);
  for (int index = 0; index < 8; index++) {
    digest[4 * index] = (unsigned char)(words[index] >> 24);
    digest[4 * index + 1] = (unsigned char)(words[index] >> 16);
    digest[4 * index + 2] = (unsigned char)(words[index] >> 8);
    digest[4 * index + 3] = (unsigned char)words[index];
  }
}

int gongkai_sha256_hardware(const void *data, size_t count, unsigned char *digest) {
  // Asked once per process; a data race on the cache would only repeat the question.
  static int known = -1;
  int available = __atomic_load_n(&known, __ATOMIC_RELAXED);
  if (available < 0) {
    available = cpu_has_sha();
    __atomic_store_n(&known, available, __ATOMIC_RELAXED);
  }
  if (!available || (data == NULL && count > 0)) return 0;
  hash((const unsigned char *)data, count, digest);
  return 1;
}

#else

int gongkai_sha256_hardware(const void *data, size_t count, unsigned char *digest) {
  (void)data;
  (void)count;
  (void)digest;
  return 0;
}

#endif
