#ifndef GONGKAI_CPOPPLERCORE_SHIM_H
#define GONGKAI_CPOPPLERCORE_SHIM_H

// poppler's C++ core (libpoppler, headers from libpoppler-private-dev). This module exists
// only to give CPopplerDrawing the compiler and linker flags of `pkg-config poppler`;
// nothing imports its header, and no Swift code sees a poppler C++ type.

#endif
