#ifndef GONGKAI_CLIBXML2_H
#define GONGKAI_CLIBXML2_H

// The parts of libxml2 that GongkaiMarkup calls: its HTML parser and its XML parser.
// Only GongkaiMarkup imports this module; no C type crosses into its public API.
//
// libxml2 is loaded on first use with dlopen rather than linked: linking it makes every
// start of gongkai load and relocate it and the ICU and lzma it brings, though only web
// pages and Word files need it. Its headers (libxml2-dev) give the types and the
// functions' exact signatures; they live in /usr/include/libxml2 and include each other
// as <libxml/…>, so include/libxml/ holds one-line forwarders to them (the headers the
// ones below include): that finds them without pkg-config, whose flags would also link
// the library.
//
// libxml2 is built with ICU, and its encoding.h would pull in the system's ICU headers,
// which clash with the copy Foundation carries. Nothing here uses the ICU converters
// (text reaches libxml2 already decoded to UTF-8), so the include is turned off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

// Every function GongkaiMarkup calls; the table below gets one pointer of the exact type of each.
#define GONGKAI_XML_FUNCTIONS(X)                                                                 \
  X(xmlInitParser) X(xmlCreateMemoryParserCtxt) X(xmlFreeParserCtxt) X(htmlCtxtUseOptions)       \
  X(htmlParseDocument) X(xmlReadMemory) X(xmlDocGetRootElement) X(xmlFreeDoc) X(xmlStrEqual)     \
  X(xmlStrcasecmp)

#define GONGKAI_XML_FIELD(name) __typeof__(&name) _Nonnull name;
/// The loaded functions; every pointer is set once loading succeeds.
typedef struct {
  GONGKAI_XML_FUNCTIONS(GONGKAI_XML_FIELD)
} GongkaiXMLAPI;
#undef GONGKAI_XML_FIELD

/// Loads libxml2 once per process (later calls return the first answer): the table of
/// its functions, or NULL with `*problem` saying what is missing (dlerror's text, or the
/// name of a function not found). The library stays loaded, as a linked one would.
const GongkaiXMLAPI *_Nullable gongkai_xml_load(const char *_Nullable *_Nonnull problem);

#endif
