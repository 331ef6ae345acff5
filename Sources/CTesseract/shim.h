#ifndef GONGKAI_CTESSERACT_SHIM_H
#define GONGKAI_CTESSERACT_SHIM_H

// tesseract's C API, loaded on first use with dlopen rather than linked: linking
// libtesseract makes every start of gongkai load it and its dependencies (curl,
// libarchive, …) and run its static initialisers, about 18 ms, though only scanned pages
// need it. Only GongkaiOCR imports this module; no C type crosses into its public API.
#include <dlfcn.h>
#include <stddef.h>
#include <tesseract/capi.h>

// Every function Gongkai calls; the table below gets one pointer of the exact type of each.
#define GONGKAI_TESSERACT_FUNCTIONS(X)                                                       \
  X(TessBaseAPICreate) X(TessBaseAPIDelete) X(TessBaseAPIInit4) X(TessBaseAPIEnd)            \
  X(TessBaseAPISetImage) X(TessBaseAPISetSourceResolution) X(TessBaseAPISetRectangle)        \
  X(TessBaseAPIClear) X(TessBaseAPIRecognize) X(TessBaseAPISetPageSegMode)                   \
  X(TessBaseAPISetVariable) X(TessBaseAPIGetIterator) X(TessBaseAPIGetUTF8Text)              \
  X(TessDeleteText) X(TessResultIteratorNext) X(TessResultIteratorGetUTF8Text)               \
  X(TessResultIteratorGetPageIterator) X(TessResultIteratorGetPageIteratorConst)             \
  X(TessResultIteratorDelete) X(TessResultIteratorConfidence) X(TessPageIteratorBegin)       \
  X(TessPageIteratorBoundingBox)

#define GONGKAI_TESSERACT_FIELD(name) __typeof__(&name) _Nonnull name;
/// The loaded functions; every pointer is set once loading succeeds.
typedef struct {
  GONGKAI_TESSERACT_FUNCTIONS(GONGKAI_TESSERACT_FIELD)
} GongkaiTesseractAPI;
#undef GONGKAI_TESSERACT_FIELD

/// Loads libtesseract: the table of its functions, or NULL with `*problem` saying what is
/// missing (dlerror's text, or the name of a function not found). Call it once.
///
/// OpenMP, which tesseract brings, is kept to the calling thread (as `OMP_THREAD_LIMIT=1`
/// does for a process started with it) so its threads do not fight the page workers.
static inline const GongkaiTesseractAPI *_Nullable gongkai_tesseract_load(const char *_Nullable *_Nonnull problem) {
  static GongkaiTesseractAPI api;
  void *library = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) library = dlopen("libtesseract.so", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    *problem = dlerror();
    return NULL;
  }
#define GONGKAI_TESSERACT_LOAD(name)                              \
  api.name = (__typeof__(&name))dlsym(library, #name);            \
  if (api.name == NULL) {                                         \
    *problem = "libtesseract has no " #name;                      \
    return NULL;                                                  \
  }
  GONGKAI_TESSERACT_FUNCTIONS(GONGKAI_TESSERACT_LOAD)
#undef GONGKAI_TESSERACT_LOAD
  void (*setMaxActiveLevels)(int) = (void (*)(int))dlsym(library, "omp_set_max_active_levels");
  if (setMaxActiveLevels != NULL) setMaxActiveLevels(0);
  // The library stays loaded for the life of the process, as a linked one would.
  return &api;
}

#endif
