/* hs-unicode-name.h — Unicode characters by name, for the \N{...} escape.
 *
 * Invariant: the names are those of Unicode 14.0.0 that CPython 3.11's unicodedata.lookup
 * finds, with the name aliases it accepts (LINE FEED, NUL), looked up without regard to case; a CJK
 * unified ideograph is named by its code point in four or five upper-case hex digits ("CJK UNIFIED
 * IDEOGRAPH-4E00"), as CPython's _getcode reads it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The character named by the len bytes at name; FALSE if none is. */
gboolean hs_unicode_lookup (const char *name, gsize len, gunichar *out);
/* The name of c, as unicodedata.name gives it, newly allocated; NULL if it has none (a scan
 * of the table: for unicodedata.name, not for a loop over every character). */
char *hs_unicode_name (gunichar c);

G_END_DECLS
