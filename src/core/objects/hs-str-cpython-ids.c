/* hs-str-cpython-ids.c — the identifiers CPython 3.11 allocates statically.
 *
 * CPython 3.11 makes the names its own C code uses (`_Py_ID(name)`) and the names and constants
 * of its deep-frozen modules (importlib, os, site, codecs, io…) as static objects with a count
 * of 999999999, and interns them before any program runs: a program's constant 'name' is that
 * object, and `sys.getrefcount('name')` prints 1000000371 (1000000040 under `python3 -S`: the
 * number depends on the whole interpreter). They are preallocated like the small ints, so
 * Heapscope interns them as immortal strs of the process (hs-str-intern.c). The table is
 * written by build-aux/gen-cpython-static-ids.py; one-letter names are singletons already
 * (hs_str_interned_apart).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hs-str-private.h"

static const char *const cpython_ids[] = {
#include "hs-str-cpython-ids-table.h"
};

static int
compare_id (const void *key, const void *item)
{
  return strcmp (key, *(const char *const *)item);
}

gboolean
hs_str_is_cpython_static_id (const char *s, gsize len)
{
  char buf[64];

  if (len < 2 || len >= sizeof buf || memchr (s, '\0', len) != NULL)
    return FALSE;
  memcpy (buf, s, len);
  buf[len] = '\0';
  return bsearch (buf, cpython_ids, G_N_ELEMENTS (cpython_ids), sizeof cpython_ids[0], compare_id)
         != NULL;
}
