#include "CLibXML2.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

static GongkaiXMLAPI api;
static const GongkaiXMLAPI *loaded = NULL;
static const char *failure = NULL;
// dlerror's text, copied: its own buffer is reused by later dl calls.
static char message[512];

static void load(void) {
  void *library = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) library = dlopen("libxml2.so", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    const char *error = dlerror();
    strncpy(message, error != NULL ? error : "libxml2.so.2 not found", sizeof message - 1);
    failure = message;
    return;
  }
#define GONGKAI_XML_LOAD(name)                         \
  api.name = (__typeof__(&name))dlsym(library, #name); \
  if (api.name == NULL) {                              \
    failure = "libxml2 has no " #name;                 \
    return;                                            \
  }
  GONGKAI_XML_FUNCTIONS(GONGKAI_XML_LOAD)
#undef GONGKAI_XML_LOAD
  loaded = &api;
}

const GongkaiXMLAPI *gongkai_xml_load(const char **problem) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, load);
  if (loaded == NULL) *problem = failure != NULL ? failure : "libxml2 could not be loaded";
  return loaded;
}
