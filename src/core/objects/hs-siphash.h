/* hs-siphash.h — SipHash-1-3, the hash CPython 3.11 gives str and bytes.
 *
 * Keyed with zeros, as CPython is when PYTHONHASHSEED=0 (hash randomisation off): the
 * hashes of str and bytes, and so the order of a set of strings, are those of
 * `PYTHONHASHSEED=0 python3`, the run the test corpus and the tracing oracle compare with.
 * Fed in pieces, so that a str stored as UTF-8 is hashed as its PEP 393 code units
 * without a copy.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 v0, v1, v2, v3;
  guint64 tail;  /* bytes of an unfinished 8-byte word, little-endian */
  guint ntail;   /* how many */
  guint64 total; /* bytes fed */
} HsSipHash;

void hs_siphash_init (HsSipHash *st);
void hs_siphash_feed (HsSipHash *st, const guint8 *data, gsize len);
guint64 hs_siphash_finish (HsSipHash *st);
/* The same of len bytes at once: hs_siphash_init, _feed and _finish in one. */
guint64 hs_siphash13 (const guint8 *data, gsize len);

G_END_DECLS
