// One content-stream pass per page: poppler's TextOutputDev collects the characters (what
// poppler-glib's text functions read), and this subclass also records every stroked and
// filled path. See include/CPopplerDrawing.h for the C surface.
//
// These are poppler's private C++ classes (libpoppler-private-dev), whose signatures change
// between releases; the version check below stops the build on an untested poppler.

#include "CPopplerDrawing.h"

#include <Error.h>
#include <GlobalParams.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <Gfx.h>
#include <Page.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>
#include <goo/GooString.h>
#include <poppler-config.h>

#include <sched.h>

#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <utility>
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

/// The key of a character's origin in device space (to an eighth of a point).
std::pair<long, long> originKey(double x, double y) { return {std::lround(x * 8), std::lround(y * 8)}; }

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

  // Type 3 text: each character's origin in device space and its true size (see fitType3Box).
  void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY,
                CharCode c, int nBytes, const Unicode *u, int uLen) override {
    TextOutputDev::drawChar(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
    const std::shared_ptr<GfxFont> &font = state->getFont();
    if (font && font->getType() == fontType3) {
      double deviceX, deviceY;
      state->transform(x, y, &deviceX, &deviceY);
      type3Sizes[originKey(deviceX, deviceY)] = state->getTransformedFontSize();
    }
  }

  std::map<std::pair<long, long>, double> type3Sizes;
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

/// Where a horizontal word in a Type 3 font starts, its true size: poppler guesses a Type 3
/// font's size from one glyph's width (TextPage::updateFont), and Chromium, which prints
/// CFF fonts such as Noto CJK as Type 3, gets boxes 1.5–2 times the text's height that reach
/// over the rules into the table rows above and below. The box is cut to 1.3 true sizes
/// about the baseline (0.95 above, 0.35 below: poppler's extent for a font without
/// metrics) when it is taller than 1.5 of them.
void fitType3Box(const TextWord *word, int index, const std::map<std::pair<long, long>, double> &type3Sizes,
                 double *y0, double *y1) {
  if (type3Sizes.empty() || word->getRotation() != 0) return;
  double x0, ignoredY0, x1, ignoredY1;
  word->getCharBBox(index, &x0, &ignoredY0, &x1, &ignoredY1);
  double base = word->getBaseline();
  auto found = type3Sizes.find(originKey(x0, base));
  if (found == type3Sizes.end()) return;
  double size = found->second;
  if (size <= 0 || *y1 - *y0 <= 1.5 * size) return;
  *y0 = base - 0.95 * size;
  *y1 = base + 0.35 * size;
}

/// The characters of a text page the way poppler-glib reads them: the selection of the whole
/// page in glyph style, line by line, word by word, a space after a word poppler marks with
/// one (not after a line's last word), a line break between lines. poppler_page_get_text
/// and poppler_page_get_text_layout walk the same selection, so this is their pairing of
/// scalars and boxes, made directly.
std::vector<GKCharacter> selectionCharacters(TextPage *text, double width, double height,
                                             const std::map<std::pair<long, long>, double> &type3Sizes) {
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
        fitType3Box(word, k, type3Sizes, &character.y0, &character.y1);
        characters.push_back(character);
      }
      double x0, y0, x1, y1;
      word->getBBox(&x0, &y0, &x1, &y1);
      if (word->getLength() > 0) fitType3Box(word, 0, type3Sizes, &y0, &y1);
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

/// The pixel count of the largest image XObject the page's resources name (images are not
/// drawn in the text pass, so their placement is not known; their size is enough to tell a
/// scanned page).
uint64_t largestImagePixels(Page *page) {
  Dict *resources = page->getResourceDict();
  if (resources == nullptr) return 0;
  Object xObjects = resources->lookup("XObject");
  if (!xObjects.isDict()) return 0;
  uint64_t largest = 0;
  for (int i = 0; i < xObjects.dictGetLength(); ++i) {
    Object xObject = xObjects.dictGetVal(i);
    if (!xObject.isStream()) continue;
    Dict *dict = xObject.streamGetDict();
    if (!dict->lookup("Subtype").isName("Image")) continue;
    Object width = dict->lookup("Width");
    Object height = dict->lookup("Height");
    if (!width.isInt() || !height.isInt() || width.getInt() <= 0 || height.getInt() <= 0) continue;
    const uint64_t pixels = uint64_t(width.getInt()) * uint64_t(height.getInt());
    if (pixels > largest) largest = pixels;
  }
  return largest;
}

/// The most decoded font-program bytes kept for one document (and its sibling).
constexpr size_t maximumKeptFontBytes = 64u << 20;

using ObjectKey = std::pair<int, int>;

/// Decoded font programs shared by the documents opened on the same bytes (the caller's and
/// the page-reading helper's), so each program is inflated once per file: by whichever
/// thread first needs it, while the other decodes another one or waits for it.
struct FontProgramStore {
  struct Program {
    bool done = false;
    /// Where the raw stream lies in the file: the sibling takes the bytes only for the same
    /// raw stream (a damaged file's rebuilt cross-reference table can differ between them).
    Goffset start = 0;
    Goffset length = 0;
    std::shared_ptr<const std::vector<unsigned char>> bytes; // null: not kept
  };
  std::mutex lock;
  std::condition_variable finished;
  std::map<ObjectKey, Program> programs;
  size_t keptBytes = 0;
};

} // namespace

struct GKDrawingDocument {
  /// Shared with a sibling document (gk_drawing_share_font_programs).
  std::shared_ptr<FontProgramStore> store = std::make_shared<FontProgramStore>();
  /// The decoded programs that plain streams in this document's XRef read in place
  /// (declared before `document`, so they outlive it).
  std::vector<std::shared_ptr<const std::vector<unsigned char>>> keptPrograms;
  /// The font and font-program objects this document has looked at.
  std::set<ObjectKey> examinedFonts;
  std::set<ObjectKey> examinedPrograms;
  std::unique_ptr<PDFDoc> document;
};

namespace {

/// A stream poppler reads whole whenever it builds a font the page names (a Type 1 or CFF
/// font program, a ToUnicode CMap), to decode before the page.
struct PendingProgram {
  Ref reference;
  Object stream;
};

/// Puts `bytes` (the decoded program) back into the document's XRef as a plain stream.
void replaceProgram(GKDrawingDocument *document, const PendingProgram &program,
                    const std::shared_ptr<const std::vector<unsigned char>> &bytes) {
  XRef *xref = document->document->getXRef();
  Dict *dictionary = program.stream.streamGetDict()->copy(xref);
  dictionary->remove("Filter");
  dictionary->remove("DecodeParms");
  dictionary->set("Length", Object(static_cast<int>(bytes->size())));
  const char *data = reinterpret_cast<const char *>(bytes->data());
  Object plain(static_cast<Stream *>(new MemStream(data, 0, Goffset(bytes->size()), Object(dictionary))));
  document->keptPrograms.push_back(bytes);
  xref->setModifiedObject(&plain, program.reference);
}

/// The ToUnicode CMaps of the page's fonts and the Type 1 and CFF programs of its simple
/// fonts, those this document has not looked at.
std::vector<PendingProgram> programsToDecode(GKDrawingDocument *document, Page *page) {
  std::vector<PendingProgram> pending;
  Dict *resources = page->getResourceDict();
  if (resources == nullptr) return pending;
  Object fonts = resources->lookup("Font");
  if (!fonts.isDict()) return pending;
  XRef *xref = document->document->getXRef();
  for (int i = 0; i < fonts.dictGetLength(); ++i) {
    const Object &reference = fonts.dictGetValNF(i);
    if (reference.isRef() && !document->examinedFonts.insert({reference.getRef().num, reference.getRef().gen}).second)
      continue;
    Object font = reference.fetch(xref);
    if (!font.isDict()) continue;
    // Every font's constructor reads its ToUnicode CMap stream whole, composite fonts too.
    const Object &toUnicode = font.dictLookupNF("ToUnicode");
    if (toUnicode.isRef() && document->examinedPrograms.insert({toUnicode.getRef().num, toUnicode.getRef().gen}).second) {
      Object stream = xref->fetch(toUnicode.getRef());
      if (stream.isStream()) pending.push_back(PendingProgram{toUnicode.getRef(), std::move(stream)});
    }
    if (font.dictLookup("Subtype").isName("Type0")) continue;
    Object descriptor = font.dictLookup("FontDescriptor");
    if (!descriptor.isDict()) continue;
    // The program poppler takes: the first of FontFile, FontFile2, FontFile3 that is a
    // reference. It reads a Type 1 program (FontFile) or a CFF one (FontFile3 /Type1C) whole;
    // a TrueType program (FontFile2, the other FontFile3 kinds) is not read to build a font.
    Ref program = Ref::INVALID();
    const char *kind = nullptr;
    for (const char *key : {"FontFile", "FontFile2", "FontFile3"}) {
      const Object &entry = descriptor.dictLookupNF(key);
      if (entry.isRef()) {
        program = entry.getRef();
        kind = key;
        break;
      }
    }
    if (program == Ref::INVALID() || std::strcmp(kind, "FontFile2") == 0 ||
        !document->examinedPrograms.insert({program.num, program.gen}).second)
      continue;
    Object stream = xref->fetch(program);
    if (!stream.isStream()) continue;
    if (std::strcmp(kind, "FontFile3") == 0 && !stream.streamGetDict()->lookup("Subtype").isName("Type1C")) continue;
    pending.push_back(PendingProgram{program, std::move(stream)});
  }
  return pending;
}

/// poppler builds a page's fonts anew for every page, and for a Type 1 or CFF font it
/// inflates the whole embedded font program each time (pdftotext too): on LibreOffice's CJK
/// exports that is most of a page's work; every font's ToUnicode CMap is inflated again too.
/// Before a page is read, each such stream its fonts name is decoded once per file
/// (FontProgramStore) and put back into the document's XRef as a plain stream of the same
/// bytes, so its pages copy instead of inflating. What poppler reads is unchanged, only where
/// the bytes come from.
void keepFontProgramsDecoded(GKDrawingDocument *document, Page *page) {
  std::vector<PendingProgram> pending = programsToDecode(document, page);
  if (pending.empty()) return;
  FontProgramStore &store = *document->store;
  // First the programs nobody has claimed (decoded here) or finished; then, waiting, those
  // the sibling is decoding.
  for (int round = 0; round < 2; ++round) {
    for (PendingProgram &program : pending) {
      if (program.stream.isNull()) continue;
      BaseStream *raw = program.stream.getStream()->getBaseStream();
      const Goffset start = raw->getStart(), length = raw->getLength();
      const ObjectKey key{program.reference.num, program.reference.gen};
      std::unique_lock<std::mutex> guard(store.lock);
      auto found = store.programs.find(key);
      if (found != store.programs.end()) {
        if (!found->second.done) {
          if (round == 0) continue;
          store.finished.wait(guard, [&] { return found->second.done; });
        }
        const FontProgramStore::Program entry = found->second;
        guard.unlock();
        if (entry.bytes && entry.start == start && entry.length == length) replaceProgram(document, program, entry.bytes);
        program.stream.setToNull();
        continue;
      }
      store.programs.emplace(key, FontProgramStore::Program{false, start, length, nullptr});
      guard.unlock();
      std::shared_ptr<const std::vector<unsigned char>> bytes;
      try {
        auto decoded = std::make_shared<std::vector<unsigned char>>(program.stream.getStream()->toUnsignedChars());
        program.stream.streamClose();
        bytes = std::move(decoded);
      } catch (...) {
      }
      guard.lock();
      FontProgramStore::Program &entry = store.programs[key];
      if (bytes && !bytes->empty() && bytes->size() <= maximumKeptFontBytes - store.keptBytes) {
        entry.bytes = bytes;
        store.keptBytes += bytes->size();
      }
      entry.done = true;
      const bool keep = entry.bytes != nullptr;
      guard.unlock();
      store.finished.notify_all();
      if (keep) replaceProgram(document, program, bytes);
      program.stream.setToNull();
    }
  }
}

} // namespace

extern "C" {

GKDrawingDocument *gk_drawing_open(const char *bytes, size_t length, const char *password,
                                   GKDrawingOpenStatus *status, int *error_code) {
  if (error_code != nullptr) *error_code = 0;
  try {
    // poppler's global parameters, counted by their initers: poppler-glib's documents each
    // hold one and reset the parameters when the last goes, under documents of ours. This one
    // lives as long as the process. Its error callback is silent: poppler would print every
    // syntax error of a damaged file; the caller reports what matters in one line.
    static GlobalParamsIniter *const initer = new GlobalParamsIniter([](ErrorCategory, Goffset, const char *) {});
    (void)initer;
    // poppler's GfxState builds its process-wide colour profiles (lcms2) in its first
    // constructor without a lock: build them here, once, before any page is read, so
    // documents read on several threads (gk_drawing_read_page) never race for them.
    static const bool colourProfilesReady = [] {
      const PDFRectangle box(0, 0, 1, 1);
      GfxState state(72.0, 72.0, &box, 0, true);
      return true;
    }();
    (void)colourProfilesReady;
    std::optional<GooString> secret;
    if (password != nullptr) secret = GooString(password);
    // MemStream reads the caller's bytes in place; PDFDoc owns (and deletes) the stream.
    auto *stream = new MemStream(bytes, 0, Goffset(length), Object(objNull));
    auto document = std::make_unique<PDFDoc>(stream, secret, secret);
    if (!document->isOk()) {
      if (error_code != nullptr) *error_code = document->getErrorCode();
      if (status != nullptr)
        *status = document->getErrorCode() == errEncrypted ? GKDrawingOpenEncrypted : GKDrawingOpenDamaged;
      return nullptr;
    }
    if (status != nullptr) *status = GKDrawingOpenOK;
    auto *result = new GKDrawingDocument();
    result->document = std::move(document);
    return result;
  } catch (...) {
    if (status != nullptr) *status = GKDrawingOpenDamaged;
    return nullptr;
  }
}

void gk_drawing_close(GKDrawingDocument *document) { delete document; }

void gk_drawing_share_font_programs(GKDrawingDocument *from, GKDrawingDocument *to) {
  if (from != nullptr && to != nullptr && from != to) to->store = from->store;
}

int gk_drawing_page_count(const GKDrawingDocument *document) {
  return document == nullptr ? 0 : document->document->getNumPages();
}

char *gk_drawing_title(GKDrawingDocument *document) {
  if (document == nullptr) return nullptr;
  try {
    std::unique_ptr<GooString> raw = document->document->getDocInfoStringEntry("Title");
    if (!raw) return nullptr;
    // A PDF text string: UTF-16BE with a byte-order mark, or PDFDocEncoding.
    Unicode *scalars = nullptr;
    const int count = TextStringToUCS4(raw->toStr(), &scalars);
    std::string utf8;
    for (int i = 0; i < count; ++i) {
      Unicode c = scalars[i];
      if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
      if (c < 0x80) {
        utf8 += char(c);
      } else if (c < 0x800) {
        utf8 += char(0xC0 | (c >> 6));
        utf8 += char(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        utf8 += char(0xE0 | (c >> 12));
        utf8 += char(0x80 | ((c >> 6) & 0x3F));
        utf8 += char(0x80 | (c & 0x3F));
      } else {
        utf8 += char(0xF0 | (c >> 18));
        utf8 += char(0x80 | ((c >> 12) & 0x3F));
        utf8 += char(0x80 | ((c >> 6) & 0x3F));
        utf8 += char(0x80 | (c & 0x3F));
      }
    }
    gfree(scalars);
    char *result = static_cast<char *>(std::malloc(utf8.size() + 1));
    if (result == nullptr) return nullptr;
    std::memcpy(result, utf8.c_str(), utf8.size() + 1);
    return result;
  } catch (...) {
    return nullptr;
  }
}

/// The page's size as displayed: its crop box, width and height swapped when rotated a quarter turn.
static bool displayedSize(Page *page, double *width, double *height) {
  if (page == nullptr) return false;
  const int rotate = page->getRotate();
  *width = page->getCropWidth();
  *height = page->getCropHeight();
  if (rotate == 90 || rotate == 270) std::swap(*width, *height);
  return true;
}

int gk_drawing_page_size(GKDrawingDocument *document, int index, double *width, double *height) {
  if (document == nullptr || width == nullptr || height == nullptr || index < 0 ||
      index >= document->document->getNumPages())
    return -1;
  try {
    return displayedSize(document->document->getPage(index + 1), width, height) ? 0 : -1;
  } catch (...) {
    return -1;
  }
}

int gk_drawing_read_page(GKDrawingDocument *document, int index, GKPageDrawing *page) {
  if (page == nullptr) return -1;
  std::memset(page, 0, sizeof(*page));
  if (document == nullptr || index < 0 || index >= document->document->getNumPages()) return -1;
  try {
    Page *pdfPage = document->document->getPage(index + 1);
    double width = 0, height = 0;
    if (!displayedSize(pdfPage, &width, &height)) return -1;
    try {
      keepFontProgramsDecoded(document, pdfPage);
    } catch (...) {
      // Only a shortcut: poppler then inflates the programs itself, as it always did.
    }

    // As poppler-glib builds its text page: 72 dpi, crop box, no annotations.
    DrawingOutputDev device;
    std::unique_ptr<Gfx> gfx(pdfPage->createGfx(&device, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false,
                                                nullptr, nullptr));
    pdfPage->display(gfx.get());
    device.endPage();
    TextPage *text = device.takeText();
    std::vector<GKCharacter> characters;
    if (text != nullptr) {
      characters = selectionCharacters(text, width, height, device.type3Sizes);
      text->decRefCnt();
    }

    page->width = width;
    page->height = height;
    page->largest_image_pixels = largestImagePixels(pdfPage);
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

int gk_drawing_usable_cores(void) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) != 0) return 1;
  const int count = CPU_COUNT(&set);
  return count > 0 ? count : 1;
}

const char *gk_drawing_poppler_version(void) { return POPPLER_VERSION; }

} // extern "C"
