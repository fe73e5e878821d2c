/* hs-trace-pool.c — the trace's string pool: type names, variable names, primitives' texts,
 * each stored once and named by its index.
 *
 * Invariants: a plain text is pooled once (the index finds it); a derived text is an earlier
 * text's first `keep` bytes plus a tail (a str grown by `s += c` is pooled at every step:
 * its text stored whole each time made recording quadratic), never indexed, and at most
 * MAX_DEPTH derived texts lie between it and a plain one. A pool rebuilt by adding the
 * same plain and derived texts in the same order (a stream's reader, a copy) has the
 * same indices.
 */
#include "hs-trace-private.h"

#include <string.h>

/* A derived text is kept at a pointer with its lowest bit set in HsStringPool.strings. */
typedef struct
{
  guint32 base;  /* the pooled text it starts with */
  guint32 depth; /* derived texts from it to a plain one, itself included */
  gsize keep;    /* how many of base's bytes it starts with */
  gsize len;     /* its bytes */
  gsize tail_len;
  char tail[]; /* NUL-terminated */
} PoolDerived;

/* The longest chain of derived texts: a reader that has none of them written walks at most
 * this many to write one. */
#define MAX_DEPTH 1024

static inline const PoolDerived *
derived_of (const HsStringPool *pool, guint32 idx)
{
  guintptr p = idx < pool->strings->len ? (guintptr)g_ptr_array_index (pool->strings, idx) : 0;

  return (p & 1) != 0 ? (const PoolDerived *)(p - 1) : NULL;
}

/* g_str_hash of a short text; a long one by its length and 64 bytes spread over it, so
 * pooling it reads it once (to copy it), not twice more to hash it. Texts equal there
 * differ rarely: g_str_equal tells them apart. */
static guint
pool_hash (gconstpointer key)
{
  const char *s = key;
  gsize len = strlen (s), stride;
  guint h;

  if (len <= 256)
    return g_str_hash (s);
  h = (guint)len * 2654435761u;
  stride = len / 64;
  for (gsize i = 0; i < 64; i++)
    h = (h << 5) + h + (guchar)s[i * stride];
  for (gsize i = len - 16; i < len; i++)
    h = (h << 5) + h + (guchar)s[i];
  return h;
}

static void
entry_free (gpointer p)
{
  g_free ((gpointer)((guintptr)p & ~(guintptr)1));
}

void
hs_string_pool_init (HsStringPool *pool)
{
  pool->strings = g_ptr_array_new_with_free_func (entry_free);
  g_ptr_array_add (pool->strings, NULL);
  pool->index = g_hash_table_new (pool_hash, g_str_equal);
  pool->bytes = 0;
}

void
hs_string_pool_clear (HsStringPool *pool)
{
  g_clear_pointer (&pool->index, g_hash_table_unref);
  g_clear_pointer (&pool->strings, g_ptr_array_unref);
}

/* The index of a text not pooled yet, which the pool takes. */
static guint32
pool_insert (HsStringPool *pool, char *copy)
{
  pool->bytes += strlen (copy) + 1;
  g_ptr_array_add (pool->strings, copy);
  g_hash_table_insert (pool->index, copy, GUINT_TO_POINTER (pool->strings->len));
  return pool->strings->len - 1;
}

guint32
hs_string_pool_add (HsStringPool *pool, const char *s)
{
  gpointer found;

  if (s == NULL)
    return 0;
  found = g_hash_table_lookup (pool->index, s);
  return found != NULL ? GPOINTER_TO_UINT (found) - 1 : pool_insert (pool, g_strdup (s));
}

guint32
hs_string_pool_take (HsStringPool *pool, char *s)
{
  gpointer found = g_hash_table_lookup (pool->index, s);

  if (found == NULL)
    return pool_insert (pool, s);
  g_free (s);
  return GPOINTER_TO_UINT (found) - 1;
}

const char *
hs_string_pool_derived_get (const HsStringPool *pool, guint32 idx)
{
  g_critical ("pooled text %u is derived: read it with hs_string_pool_text", idx);
  return "";
}

gsize
hs_string_pool_len (const HsStringPool *pool, guint32 idx)
{
  const PoolDerived *d = derived_of (pool, idx);
  const char *s;

  if (d != NULL)
    return d->len;
  s = idx < pool->strings->len ? g_ptr_array_index (pool->strings, idx) : NULL;
  return s != NULL ? strlen (s) : 0;
}

const char *
hs_string_pool_text (const HsStringPool *pool, guint32 idx, HsPoolScratch *scratch)
{
  guint32 path[MAX_DEPTH + 1], n = 0, at = idx;
  const PoolDerived *d;

  if (derived_of (pool, idx) == NULL)
    return hs_string_pool_get (pool, idx);
  if (scratch->buf == NULL)
    scratch->buf = g_string_new (NULL);
  /* down to the text the scratch holds, or to a plain one; then up, base to tip */
  while (at != scratch->idx && (d = derived_of (pool, at)) != NULL && n < G_N_ELEMENTS (path))
    {
      path[n++] = at;
      at = d->base;
    }
  if (at != scratch->idx)
    g_string_assign (scratch->buf, hs_string_pool_get (pool, at));
  while (n > 0)
    {
      d = derived_of (pool, path[--n]);
      g_string_truncate (scratch->buf, MIN (d->keep, scratch->buf->len));
      g_string_append_len (scratch->buf, d->tail, d->tail_len);
    }
  scratch->idx = idx;
  return scratch->buf->str;
}

void
hs_pool_scratch_clear (HsPoolScratch *scratch)
{
  if (scratch->buf != NULL)
    g_string_free (scratch->buf, TRUE);
  scratch->buf = NULL;
  scratch->idx = 0;
}

guint32
hs_string_pool_add_derived (HsStringPool *pool, guint32 base, gsize keep, const char *tail,
                            gsize tail_len)
{
  const PoolDerived *b = derived_of (pool, base);
  PoolDerived *d;

  if (base == 0 || base >= pool->strings->len)
    {
      /* a base the pool lacks (a stream's reader, given a corrupt stream): nothing */
      pool->bytes += 1;
      g_ptr_array_add (pool->strings, g_strdup (""));
      return pool->strings->len - 1;
    }
  keep = MIN (keep, hs_string_pool_len (pool, base));
  if (b != NULL && b->depth >= MAX_DEPTH)
    {
      /* a plain text now and then, so that a reader writes it from a near one */
      HsPoolScratch scratch = { NULL, 0 };
      GString *text;

      hs_string_pool_text (pool, base, &scratch);
      text = g_steal_pointer (&scratch.buf);
      g_string_truncate (text, keep);
      g_string_append_len (text, tail, tail_len);
      return hs_string_pool_take (pool, g_string_free (text, FALSE));
    }
  d = g_malloc (sizeof (PoolDerived) + tail_len + 1);
  d->base = base;
  d->depth = b != NULL ? b->depth + 1 : 1;
  d->keep = keep;
  d->len = keep + tail_len;
  d->tail_len = tail_len;
  memcpy (d->tail, tail, tail_len);
  d->tail[tail_len] = '\0';
  pool->bytes += sizeof (PoolDerived) + tail_len + 1;
  g_ptr_array_add (pool->strings, (gpointer)((guintptr)d | 1));
  return pool->strings->len - 1;
}

gboolean
hs_string_pool_get_derived (const HsStringPool *pool, guint32 idx, guint32 *base, gsize *keep,
                            const char **tail, gsize *tail_len)
{
  const PoolDerived *d = derived_of (pool, idx);

  if (d == NULL)
    return FALSE;
  *base = d->base;
  *keep = d->keep;
  *tail = d->tail;
  *tail_len = d->tail_len;
  return TRUE;
}

const char *
hs_text_value_len (const char *text, guint64 *len)
{
  char *end;

  *len = 0;
  if (text == NULL || text[0] != HS_TEXT_LEN_MARK)
    return text;
  *len = g_ascii_strtoull (text + 1, &end, 10);
  return *end == HS_TEXT_LEN_MARK ? end + 1 : end;
}
