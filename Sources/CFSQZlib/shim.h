// zlib (apt-get install zlib1g-dev), for reading ZIP archives (the SEC's bulk company facts).
// Linked as -lz, which Scripts/link/libz.so turns into the static libz.a: no pkg-config file
// is read, so no system library folder comes before Scripts/link on the link line.
#include <zlib.h>
