#ifndef GONGKAI_CPOPPLER_SHIM_H
#define GONGKAI_CPOPPLER_SHIM_H

// The parts of poppler-glib, GLib and cairo that GongkaiPDF calls. Only GongkaiPDF
// imports this module; no C type crosses into its public API.
#include <glib.h>
#include <glib-object.h>
#include <poppler.h>
#include <cairo.h>

#endif
