#ifndef GONGKAI_CSHA256_H
#define GONGKAI_CSHA256_H

// SHA-256 through the CPU's SHA instructions (x86-64 SHA extensions), for source.sha256:
// a few times the speed of portable code and nothing to load, where OpenSSL would have to
// be loaded and relocated first. Only GongkaiReader imports this module.
#include <stddef.h>

/// The SHA-256 of `count` bytes at `data` into `digest` (32 bytes): 1 when done, 0 when
/// this CPU has no SHA instructions (the caller then hashes another way). Safe to call
/// from any thread.
int gongkai_sha256_hardware(const void *_Nullable data, size_t count, unsigned char *_Nonnull digest);

#endif
