#ifndef GONGKAI_CPOPPLER_SHIM_H
#define GONGKAI_CPOPPLER_SHIM_H

// The parts of poppler-glib, GLib and cairo that GongkaiPDF calls, loaded on first use with
// dlopen rather than linked. A PDF's text layer and drawing are read through poppler's core
// (CPopplerDrawing); poppler-glib is needed only to render pages (OCR, the bitmap rule
// route) and for its own text functions. Linked, it made every start of gongkai load it and
// its dependencies (cairo, gio, pixman, X11/xcb, …): about 3.5 ms of a 30 ms run.
//
// The few types and constants used are declared here, as in poppler-glib's, GLib's and
// cairo's public headers (stable C ABIs), so that no pkg-config link flags come with them.
// Only GongkaiPDF imports this module; no C type crosses into its public API.
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t GQuark;
typedef struct _GBytes GBytes;
typedef struct _GError {
  GQuark domain;
  int code;
  char *_Nullable message;
} GError;
typedef struct _PopplerDocument PopplerDocument;
typedef struct _PopplerPage PopplerPage;
typedef struct _PopplerRectangle {
  double x1, y1, x2, y2;
} PopplerRectangle;
typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _cairo_font_options cairo_font_options_t;

enum { GONGKAI_POPPLER_ERROR_ENCRYPTED = 1 };  // PopplerError's POPPLER_ERROR_ENCRYPTED
enum { GONGKAI_CAIRO_FORMAT_RGB24 = 1 };       // cairo_format_t
enum { GONGKAI_CAIRO_HINT_STYLE_NONE = 1 };    // cairo_hint_style_t
enum { GONGKAI_CAIRO_HINT_METRICS_OFF = 1 };   // cairo_hint_metrics_t
enum { GONGKAI_CAIRO_STATUS_SUCCESS = 0 };     // cairo_status_t
enum { GONGKAI_CAIRO_STATUS_WRITE_ERROR = 11 }; // cairo_status_t
/// cairo_write_func_t: takes `length` bytes of a PNG being written; returns a cairo_status_t.
typedef int (*GongkaiCairoWrite)(void *_Nullable closure, const unsigned char *_Nullable data, unsigned int length);

/// The loaded functions (GLib's, poppler-glib's, cairo's signatures); every pointer is set
/// once loading succeeds.
typedef struct {
  GBytes *_Nullable (*_Nonnull g_bytes_new_static)(const void *_Nullable data, size_t size);
  void (*_Nonnull g_bytes_unref)(GBytes *_Nonnull bytes);
  void (*_Nonnull g_error_free)(GError *_Nonnull error);
  GQuark (*_Nonnull g_file_error_quark)(void);
  char *_Nullable (*_Nonnull g_filename_to_uri)(const char *_Nonnull filename, const char *_Nullable hostname,
                                                 GError *_Nullable *_Nullable error);
  void (*_Nonnull g_free)(void *_Nullable memory);
  void (*_Nonnull g_object_unref)(void *_Nonnull object);
  int (*_Nonnull poppler_document_get_n_pages)(PopplerDocument *_Nonnull document);
  PopplerPage *_Nullable (*_Nonnull poppler_document_get_page)(PopplerDocument *_Nonnull document, int index);
  PopplerDocument *_Nullable (*_Nonnull poppler_document_new_from_bytes)(GBytes *_Nonnull bytes,
                                                                          const char *_Nullable password,
                                                                          GError *_Nullable *_Nullable error);
  PopplerDocument *_Nullable (*_Nonnull poppler_document_new_from_file)(const char *_Nonnull uri,
                                                                         const char *_Nullable password,
                                                                         GError *_Nullable *_Nullable error);
  GQuark (*_Nonnull poppler_error_quark)(void);
  void (*_Nonnull poppler_page_get_size)(PopplerPage *_Nonnull page, double *_Nullable width,
                                         double *_Nullable height);
  char *_Nullable (*_Nonnull poppler_page_get_text)(PopplerPage *_Nonnull page);
  int (*_Nonnull poppler_page_get_text_layout)(PopplerPage *_Nonnull page,
                                               PopplerRectangle *_Nullable *_Nonnull rectangles,
                                               unsigned int *_Nonnull count);
  void (*_Nonnull poppler_page_render)(PopplerPage *_Nonnull page, cairo_t *_Nonnull cairo);
  cairo_t *_Nullable (*_Nonnull cairo_create)(cairo_surface_t *_Nonnull target);
  void (*_Nonnull cairo_destroy)(cairo_t *_Nonnull cairo);
  cairo_font_options_t *_Nullable (*_Nonnull cairo_font_options_create)(void);
  void (*_Nonnull cairo_font_options_destroy)(cairo_font_options_t *_Nonnull options);
  void (*_Nonnull cairo_font_options_set_hint_metrics)(cairo_font_options_t *_Nonnull options, int metrics);
  void (*_Nonnull cairo_font_options_set_hint_style)(cairo_font_options_t *_Nonnull options, int style);
  cairo_surface_t *_Nonnull (*_Nonnull cairo_image_surface_create)(int format, int width, int height);
  unsigned char *_Nullable (*_Nonnull cairo_image_surface_get_data)(cairo_surface_t *_Nonnull surface);
  int (*_Nonnull cairo_image_surface_get_stride)(cairo_surface_t *_Nonnull surface);
  void (*_Nonnull cairo_paint)(cairo_t *_Nonnull cairo);
  void (*_Nonnull cairo_scale)(cairo_t *_Nonnull cairo, double sx, double sy);
  void (*_Nonnull cairo_set_font_options)(cairo_t *_Nonnull cairo, const cairo_font_options_t *_Nonnull options);
  void (*_Nonnull cairo_set_source_rgb)(cairo_t *_Nonnull cairo, double red, double green, double blue);
  void (*_Nonnull cairo_surface_destroy)(cairo_surface_t *_Nonnull surface);
  void (*_Nonnull cairo_surface_flush)(cairo_surface_t *_Nonnull surface);
  int (*_Nonnull cairo_surface_status)(cairo_surface_t *_Nonnull surface);
  int (*_Nonnull cairo_surface_write_to_png_stream)(cairo_surface_t *_Nonnull surface, GongkaiCairoWrite _Nonnull write, void *_Nullable closure);
  cairo_surface_t *_Nonnull (*_Nonnull cairo_image_surface_create_from_png)(const char *_Nonnull filename);
  int (*_Nonnull cairo_image_surface_get_width)(cairo_surface_t *_Nonnull surface);
  int (*_Nonnull cairo_image_surface_get_height)(cairo_surface_t *_Nonnull surface);
} GongkaiPopplerAPI;

#define GONGKAI_POPPLER_FUNCTIONS(X)                                                          \
  X(g_bytes_new_static) X(g_bytes_unref) X(g_error_free) X(g_file_error_quark)               \
  X(g_filename_to_uri) X(g_free) X(g_object_unref)                                           \
  X(poppler_document_get_n_pages) X(poppler_document_get_page)                               \
  X(poppler_document_new_from_bytes) X(poppler_document_new_from_file) X(poppler_error_quark) \
  X(poppler_page_get_size) X(poppler_page_get_text) X(poppler_page_get_text_layout)          \
  X(poppler_page_render) X(cairo_create) X(cairo_destroy) X(cairo_font_options_create)       \
  X(cairo_font_options_destroy) X(cairo_font_options_set_hint_metrics)                       \
  X(cairo_font_options_set_hint_style) X(cairo_image_surface_create)                         \
  X(cairo_image_surface_get_data) X(cairo_image_surface_get_stride) X(cairo_paint)           \
  X(cairo_scale) X(cairo_set_font_options) X(cairo_set_source_rgb) X(cairo_surface_destroy)  \
  X(cairo_surface_flush) X(cairo_surface_status) X(cairo_surface_write_to_png_stream)      \
  X(cairo_image_surface_create_from_png) X(cairo_image_surface_get_width)                   \
  X(cairo_image_surface_get_height)

/// Loads poppler-glib (with GLib and cairo, its dependencies): the table of its functions,
/// or NULL with `*problem` saying what is missing. Call it once.
static inline const GongkaiPopplerAPI *_Nullable gongkai_poppler_load(const char *_Nullable *_Nonnull problem) {
  static GongkaiPopplerAPI api;
  void *library = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) library = dlopen("libpoppler-glib.so", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    *problem = dlerror();
    return NULL;
  }
  // dlsym on the handle also searches the libraries poppler-glib depends on (GLib, cairo).
#define GONGKAI_POPPLER_LOAD(name)                                   \
  *(void **)&api.name = dlsym(library, #name);                       \
  if (api.name == NULL) {                                            \
    *problem = "libpoppler-glib (or its GLib and cairo) has no " #name; \
    return NULL;                                                     \
  }
  GONGKAI_POPPLER_FUNCTIONS(GONGKAI_POPPLER_LOAD)
#undef GONGKAI_POPPLER_LOAD
  // The library stays loaded for the life of the process, as a linked one would.
  return &api;
}

#endif
