#ifndef GONGKAI_CCRYPTO_SHIM_H
#define GONGKAI_CCRYPTO_SHIM_H

// OpenSSL's one-shot digest, for source.sha256 of large inputs (it uses the CPU's SHA
// instructions where there are any). Only GongkaiReader imports this module.
#include <openssl/evp.h>

#endif
