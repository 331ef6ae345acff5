#ifndef GONGKAI_CLIBXML2_SHIM_H
#define GONGKAI_CLIBXML2_SHIM_H

// The parts of libxml2 that GongkaiMarkup calls: its HTML parser and its XML parser.
// Only GongkaiMarkup imports this module; no C type crosses into its public API.
// libxml2 is built with ICU, and its encoding.h would pull in the system's ICU headers,
// which clash with the copy Foundation carries. Nothing here uses the ICU converters
// (text reaches libxml2 already decoded to UTF-8), so the include is turned off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#endif
