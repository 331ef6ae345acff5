#ifndef GONGKAI_CTESSERACT_SHIM_H
#define GONGKAI_CTESSERACT_SHIM_H

// tesseract's C API. Only GongkaiOCR imports this module; no C type crosses into its
// public API.
#include <tesseract/capi.h>

#endif
