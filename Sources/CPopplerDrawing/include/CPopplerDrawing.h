#ifndef GONGKAI_CPOPPLERDRAWING_H
#define GONGKAI_CPOPPLERDRAWING_H

// One pass over a PDF page's content stream that collects, together, the characters of its
// text layer (as poppler-glib's poppler_page_get_text/get_text_layout give them) and the
// paths it paints (strokes and fills, with colours), all in page points with the origin at
// the top-left corner and the page rotation applied.
//
// poppler's C++ classes (PDFDoc, TextOutputDev, GfxState) are not a stable API; they stay
// inside this target. Everything here is plain C: handles, structs and arrays that the
// caller copies and then frees with the matching function.
//
// Threads: one document is used by one thread at a time, but two documents (e.g. two opened
// on the same bytes) may read pages on two threads at once. poppler keeps its shared state
// (global parameters, caches) behind its own locks; the one piece it builds lazily without a
// lock is made by the first gk_drawing_open, which must return before a second thread starts.
// Two documents joined by gk_drawing_share_font_programs share one store of decoded font
// programs, behind its own lock.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open document (opaque).
typedef struct GKDrawingDocument GKDrawingDocument;

/// Why opening failed.
typedef enum GKDrawingOpenStatus {
  GKDrawingOpenOK = 0,
  GKDrawingOpenDamaged = 1,
  GKDrawingOpenEncrypted = 2,
} GKDrawingOpenStatus;

/// Opens the PDF in `bytes` (`length` bytes, not copied: they must outlive the document),
/// with `password` (UTF-8, NULL for none). Returns NULL and sets `status` on failure, and
/// `error_code` to poppler's reason (its ErrorCodes.h: 1 cannot open, 2 bad catalog,
/// 3 damaged, 4 encrypted, …).
GKDrawingDocument *gk_drawing_open(const char *bytes, size_t length, const char *password,
                                   GKDrawingOpenStatus *status, int *error_code);

/// Closes a document opened by gk_drawing_open (NULL is allowed).
void gk_drawing_close(GKDrawingDocument *document);

/// Makes `to`, opened on the same bytes as `from`, share the font programs `from` decodes
/// once per file (and `from` those `to` decodes). Call before `to` reads a page; the two may
/// then read pages on two threads.
void gk_drawing_share_font_programs(GKDrawingDocument *from, GKDrawingDocument *to);

/// The number of pages.
int gk_drawing_page_count(const GKDrawingDocument *document);

/// The document's title from its information dictionary, as UTF-8 (free with free()), or
/// NULL when it has none.
char *gk_drawing_title(GKDrawingDocument *document);

/// The size of page `index` (0-based) in points, as displayed (rotation applied). Returns 0,
/// or -1 when the index is out of range.
int gk_drawing_page_size(GKDrawingDocument *document, int index, double *width, double *height);

/// One character of the text layer, with its box. `codepoint` 0x20 is a space poppler
/// inserted between words, 0x0A the end of a line (its box is empty).
typedef struct GKCharacter {
  uint32_t codepoint;
  double x0, y0, x1, y1;
} GKCharacter;

/// A point in page points, top-left origin.
typedef struct GKPoint {
  double x, y;
} GKPoint;

/// One subpath: `point_count` points starting at `first_point` in the page's points.
typedef struct GKSubpath {
  uint32_t first_point;
  uint32_t point_count;
  /// 1 when the subpath was closed (h, or re).
  uint8_t closed;
  /// 1 when any of its points is a Bézier control or end point.
  uint8_t curved;
} GKSubpath;

/// How a path was painted.
typedef enum GKPaint {
  GKPaintStroke = 0,
  GKPaintFill = 1,
  GKPaintEvenOddFill = 2,
} GKPaint;

/// One painted path.
typedef struct GKPath {
  GKPaint paint;
  /// The stroke width in page points (0 for fills; a 0-width stroke is a hairline).
  double line_width;
  /// The paint colour as RGB in 0…1, and its constant opacity (1 is opaque).
  double red, green, blue, opacity;
  /// The clip region's bounding box when the path was painted, in page points.
  double clip_x0, clip_y0, clip_x1, clip_y1;
  uint32_t first_subpath;
  uint32_t subpath_count;
} GKPath;

/// What one page holds. Arrays are owned by the struct; free with gk_drawing_page_free.
typedef struct GKPageDrawing {
  /// Page size in points, as displayed (rotation applied).
  double width, height;
  GKCharacter *characters;
  size_t character_count;
  GKPath *paths;
  size_t path_count;
  GKSubpath *subpaths;
  size_t subpath_count;
  GKPoint *points;
  size_t point_count;
  /// 1 when the page painted more path points than are kept (the rest are dropped).
  uint8_t paths_truncated;
  /// The pixel count (width × height) of the largest image XObject in the page's resources:
  /// a scan under an invisible OCR text layer has its table rules only as pixels.
  uint64_t largest_image_pixels;
} GKPageDrawing;

/// Reads page `index` (0-based) into `page`. Returns 0 on success, -1 when the index is out
/// of range or the page cannot be read (then `page` is empty and needs no freeing).
int gk_drawing_read_page(GKDrawingDocument *document, int index, GKPageDrawing *page);

/// Frees the arrays of a page filled by gk_drawing_read_page and empties it.
void gk_drawing_page_free(GKPageDrawing *page);

/// The number of CPUs this process may run on (its affinity mask; 1 when it cannot be read):
/// whether a second thread reading pages would have a core of its own.
int gk_drawing_usable_cores(void);

/// The version of poppler this target was built against (e.g. "22.12.0").
const char *gk_drawing_poppler_version(void);

#ifdef __cplusplus
}
#endif

#endif
