// One content-stream pass per page: poppler's TextOutputDev collects the characters (what
// poppler-glib's text functions read), and this subclass also records every stroked and
// filled path. See include/CPopplerDrawing.h for the C surface.
//
// These are poppler's private C++ classes (libpoppler-private-dev), whose signatures change
// between releases; the version check below stops the build on an untested poppler.

#include "CPopplerDrawing.h"

#include <GlobalParams.h>
#include <GfxState.h>
#include <Gfx.h>
#include <Page.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>
#include <poppler-config.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <vector>

namespace {

// POPPLER_VERSION is a string such as "22.12.0"; its major and minor numbers, at compile time.
constexpr int versionPart(const char *text, int part) {
  int value = 0;
  int index = 0;
  for (const char *c = text; *c != '\0'; ++c) {
    if (*c == '.') {
      if (index == part) return value;
      ++index;
      value = 0;
    } else if (*c >= '0' && *c <= '9') {
      value = value * 10 + (*c - '0');
    }
  }
  return index == part ? value : -1;
}
constexpr int popplerVersion = versionPart(POPPLER_VERSION, 0) * 100 + versionPart(POPPLER_VERSION, 1);
static_assert(popplerVersion >= 2203 && popplerVersion < 2500,
              "CPopplerDrawing uses poppler's private C++ API as of poppler 22.03–24.x (tested with 22.12, "
              "Debian 12). For another poppler, check PageDrawing.cpp against its TextOutputDev.h, "
              "GfxState.h and PDFDoc.h, then widen this range.");

// The most path points kept for one page (16 bytes each): a page drawn as millions of
// vector points (a map, a scanned-and-vectorised image) keeps its first 4 million.
constexpr size_t maximumPoints = 4'000'000;

/// A TextOutputDev that also records the paths the page paints, in device space, which for a
/// 72 dpi, upside-down device is page points with a top-left origin, rotation applied.
class DrawingOutputDev : public TextOutputDev {
public:
  DrawingOutputDev() : TextOutputDev(nullptr, true, 0, false, false) {}

  void stroke(GfxState *state) override { record(state, GKPaintStroke); }
  void fill(GfxState *state) override { record(state, GKPaintFill); }
  void eoFill(GfxState *state) override { record(state, GKPaintEvenOddFill); }

  // Shadings (gradients) are no table rules: claim them as drawn so Gfx does not split them
  // into thousands of small fills. Text is never inside a shading, so the text is unchanged.
  bool useShadedFills(int) override { return true; }
  bool functionShadedFill(GfxState *, GfxFunctionShading *) override { return true; }
  bool axialShadedFill(GfxState *, GfxAxialShading *, double, double) override { return true; }
  bool radialShadedFill(GfxState *, GfxRadialShading *, double, double) override { return true; }
  bool gouraudTriangleShadedFill(GfxState *, GfxGouraudTriangleShading *) override { return true; }
  bool patchMeshShadedFill(GfxState *, GfxPatchMeshShading *) override { return true; }

  std::vector<GKPath> paths;
  std::vector<GKSubpath> subpaths;
  std::vector<GKPoint> points;
  bool truncated = false;

private:
  void record(GfxState *state, GKPaint paint) {
    const GfxPath *path = state->getPath();
    if (path == nullptr || path->getNumSubpaths() == 0) return;
    size_t needed = 0;
    for (int i = 0; i < path->getNumSubpaths(); ++i) needed += size_t(path->getSubpath(i)->getNumPoints());
    if (points.size() + needed > maximumPoints) {
      truncated = true;
      return;
    }
    GKPath record{};
    record.paint = paint;
    GfxRGB rgb;
    if (paint == GKPaintStroke) {
      record.line_width = state->getTransformedLineWidth();
      state->getStrokeRGB(&rgb);
      record.opacity = state->getStrokeOpacity();
    } else {
      record.line_width = 0;
      state->getFillRGB(&rgb);
      record.opacity = state->getFillOpacity();
    }
    record.red = colToDbl(rgb.r);
    record.green = colToDbl(rgb.g);
    record.blue = colToDbl(rgb.b);
    state->getClipBBox(&record.clip_x0, &record.clip_y0, &record.clip_x1, &record.clip_y1);
    record.first_subpath = uint32_t(subpaths.size());
    record.subpath_count = uint32_t(path->getNumSubpaths());
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath *subpath = path->getSubpath(i);
      GKSubpath entry{};
      entry.first_point = uint32_t(points.size());
      entry.point_count = uint32_t(subpath->getNumPoints());
      entry.closed = subpath->isClosed() ? 1 : 0;
      for (int j = 0; j < subpath->getNumPoints(); ++j) {
        if (subpath->getCurve(j)) entry.curved = 1;
        GKPoint point;
        state->transform(subpath->getX(j), subpath->getY(j), &point.x, &point.y);
        points.push_back(point);
      }
      subpaths.push_back(entry);
    }
    paths.push_back(record);
  }
};

/// Copies a vector into a malloc'd array the C caller frees (NULL when empty).
template <typename T> T *copyOut(const std::vector<T> &values) {
  if (values.empty()) return nullptr;
  T *result = static_cast<T *>(std::malloc(values.size() * sizeof(T)));
  if (result == nullptr) throw std::bad_alloc();
  std::memcpy(result, values.data(), values.size() * sizeof(T));
  return result;
}

/// The characters of a text page the way poppler-glib reads them: the selection of the whole
/// page in glyph style, line by line, word by word, a space after a word poppler marks with
/// one (not after a line's last word), a line break between lines. poppler_page_get_text
/// and poppler_page_get_text_layout walk the same selection, so this is their pairing of
/// scalars and boxes, made directly.
std::vector<GKCharacter> selectionCharacters(TextPage *text, double width, double height) {
  std::vector<GKCharacter> characters;
  PDFRectangle selection(0, 0, width, height);
  int lineCount = 0;
  std::vector<TextWordSelection *> **lines = text->getSelectionWords(&selection, selectionStyleGlyph, &lineCount);
  if (lines == nullptr) return characters;
  for (int i = 0; i < lineCount; ++i) {
    std::vector<TextWordSelection *> *words = lines[i];
    double lastX = 0, lastY = 0;
    for (size_t j = 0; j < words->size(); ++j) {
      TextWordSelection *selected = (*words)[j];
      const TextWord *word = selected->getWord();
      for (int k = selected->getBegin(); k < selected->getEnd(); ++k) {
        GKCharacter character{};
        character.codepoint = *word->getChar(k);
        word->getCharBBox(k, &character.x0, &character.y0, &character.x1, &character.y1);
        characters.push_back(character);
      }
      double x0, y0, x1, y1;
      word->getBBox(&x0, &y0, &x1, &y1);
      lastX = x1;
      lastY = y1;
      if (word->hasSpaceAfter() && j + 1 < words->size()) {
        double nx0, ny0, nx1, ny1;
        (*words)[j + 1]->getWord()->getBBox(&nx0, &ny0, &nx1, &ny1);
        // The gap up to the next word, as tall as this one (as poppler-glib reports it).
        characters.push_back(GKCharacter{0x20, x1, y0, nx0, y1});
      }
      delete selected;
    }
    if (i + 1 < lineCount) characters.push_back(GKCharacter{0x0A, lastX, lastY, lastX, lastY});
    delete words;
  }
  gfree(lines);
  return characters;
}

} // namespace

struct GKDrawingDocument {
  std::unique_ptr<PDFDoc> document;
};

extern "C" {

GKDrawingDocument *gk_drawing_open(const char *bytes, size_t length, const char *password,
                                   GKDrawingOpenStatus *status) {
  try {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    std::optional<GooString> secret;
    if (password != nullptr) secret = GooString(password);
    // MemStream reads the caller's bytes in place; PDFDoc owns (and deletes) the stream.
    auto *stream = new MemStream(bytes, 0, Goffset(length), Object(objNull));
    auto document = std::make_unique<PDFDoc>(stream, secret, secret);
    if (!document->isOk()) {
      if (status != nullptr)
        *status = document->getErrorCode() == errEncrypted ? GKDrawingOpenEncrypted : GKDrawingOpenDamaged;
      return nullptr;
    }
    if (status != nullptr) *status = GKDrawingOpenOK;
    return new GKDrawingDocument{std::move(document)};
  } catch (...) {
    if (status != nullptr) *status = GKDrawingOpenDamaged;
    return nullptr;
  }
}

void gk_drawing_close(GKDrawingDocument *document) { delete document; }

int gk_drawing_page_count(const GKDrawingDocument *document) {
  return document == nullptr ? 0 : document->document->getNumPages();
}

int gk_drawing_read_page(GKDrawingDocument *document, int index, GKPageDrawing *page) {
  if (page == nullptr) return -1;
  std::memset(page, 0, sizeof(*page));
  if (document == nullptr || index < 0 || index >= document->document->getNumPages()) return -1;
  try {
    Page *pdfPage = document->document->getPage(index + 1);
    if (pdfPage == nullptr) return -1;
    const int rotate = pdfPage->getRotate();
    double width = pdfPage->getCropWidth();
    double height = pdfPage->getCropHeight();
    if (rotate == 90 || rotate == 270) std::swap(width, height);

    // As poppler-glib builds its text page: 72 dpi, crop box, no annotations.
    DrawingOutputDev device;
    std::unique_ptr<Gfx> gfx(pdfPage->createGfx(&device, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false,
                                                nullptr, nullptr));
    pdfPage->display(gfx.get());
    device.endPage();
    TextPage *text = device.takeText();
    std::vector<GKCharacter> characters;
    if (text != nullptr) {
      characters = selectionCharacters(text, width, height);
      text->decRefCnt();
    }

    page->width = width;
    page->height = height;
    page->paths_truncated = device.truncated ? 1 : 0;
    // Filled in place, so a failed copy leaves nothing the catch below does not free.
    page->characters = copyOut(characters);
    page->character_count = characters.size();
    page->paths = copyOut(device.paths);
    page->path_count = device.paths.size();
    page->subpaths = copyOut(device.subpaths);
    page->subpath_count = device.subpaths.size();
    page->points = copyOut(device.points);
    page->point_count = device.points.size();
    return 0;
  } catch (...) {
    gk_drawing_page_free(page);
    return -1;
  }
}

void gk_drawing_page_free(GKPageDrawing *page) {
  if (page == nullptr) return;
  std::free(page->characters);
  std::free(page->paths);
  std::free(page->subpaths);
  std::free(page->points);
  std::memset(page, 0, sizeof(*page));
}

const char *gk_drawing_poppler_version(void) { return POPPLER_VERSION; }

} // extern "C"
