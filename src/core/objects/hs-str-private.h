/* hs-str-private.h — what hs-str.c, hs-str-intern.c and hs-str-repr.c share.
 *
 * Invariant: the singletons ("" and the one-character Latin-1 strs) are made once per
 * process, before anything is interned.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* A new immortal str of the text, outside every VM (vm NULL), its hash cached. */
HsObject *hs_str_new_immortal (const char *utf8, gsize len);
/* The shared singleton for "" or a one-character Latin-1 text, else NULL. */
HsObject *hs_str_singleton (const char *utf8, gsize len);
/* A one-letter name CPython 3.11 has interned apart from its one-character singleton. */
gboolean hs_str_interned_apart (const char *s, gsize len);
/* Whether CPython 3.11 allocates the text statically as one of its `_Py_ID` names (two
 * letters or more; hs-str-cpython-ids.c). */
gboolean hs_str_is_cpython_static_id (const char *s, gsize len);
/* str.isprintable's test of one character (hs-str-repr.c). */
gboolean hs_str_is_printable (gunichar c);
/* The interned str s (HS_FLAG_INTERNED), freed: it leaves its VM's table. */
void hs_str_forget_interned (HsVM *vm, HsObject *s);

G_END_DECLS
