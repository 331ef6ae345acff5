#ifndef GONGKAI_CCRYPTO_SHIM_H
#define GONGKAI_CCRYPTO_SHIM_H

// OpenSSL's one-shot SHA-256, for source.sha256 of large inputs (it uses the CPU's SHA
// instructions where there are any). libcrypto is loaded on first use with dlopen rather
// than linked: linking it makes every start of gongkai load and relocate it, though a
// small input is hashed as fast by the core's portable code. Only GongkaiReader imports
// this module; the two functions are declared here, so no OpenSSL header is needed.
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

/// EVP_Digest(data, count, md, size, type, engine).
typedef int (*GongkaiEVPDigest)(const void *_Nullable, size_t, unsigned char *_Nullable,
                                unsigned int *_Nullable, const void *_Nullable, void *_Nullable);
/// EVP_sha256().
typedef const void *_Nullable (*GongkaiEVPSHA256)(void);

/// The SHA-256 of `count` bytes at `data` into `digest` (32 bytes) through libcrypto:
/// 1 when done, 0 when libcrypto cannot be loaded or fails (the caller then uses its own
/// implementation). libcrypto is looked for once per process and stays loaded.
static GongkaiEVPDigest _Nullable gongkai_evp_digest = NULL;
static GongkaiEVPSHA256 _Nullable gongkai_evp_sha256 = NULL;

static inline void gongkai_crypto_load(void) {
  void *library = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) library = dlopen("libcrypto.so", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) return;
  gongkai_evp_digest = (GongkaiEVPDigest)dlsym(library, "EVP_Digest");
  gongkai_evp_sha256 = (GongkaiEVPSHA256)dlsym(library, "EVP_sha256");
}

static inline int gongkai_sha256(const void *_Nullable data, size_t count, unsigned char *_Nonnull digest) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, gongkai_crypto_load);
  if (gongkai_evp_digest == NULL || gongkai_evp_sha256 == NULL) return 0;
  unsigned int length = 0;
  return gongkai_evp_digest(data, count, digest, &length, gongkai_evp_sha256(), NULL) == 1 && length == 32;
}

#endif
