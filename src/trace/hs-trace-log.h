/* hs-trace-log.h — an append-only byte log of unsigned varints, doubles and strings.
 *
 * Invariant: a reader positioned at a record boundary reads back exactly the values
 * written there, in order. Values are LEB128 varints (small ids and counts take one or
 * two bytes; a double its 8 bytes), which is what keeps a step's delta far under 100 bytes.
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

typedef struct
{
  guint8 *data;
  gsize len;
  gsize cap;
} HsLog;

typedef struct
{
  const guint8 *p;
  const guint8 *end;
} HsLogReader;

void hs_log_init (HsLog *log);
void hs_log_clear (HsLog *log);
/* Makes room for `extra` more bytes. */
void hs_log_reserve (HsLog *log, gsize extra);

/* Inline: the recorder puts a dozen values per step. */
static inline void
hs_log_put (HsLog *log, guint64 v)
{
  if (G_UNLIKELY (log->len + 10 > log->cap))
    hs_log_reserve (log, 10);
  while (v >= 0x80)
    {
      log->data[log->len++] = (guint8)(v | 0x80);
      v >>= 7;
    }
  log->data[log->len++] = (guint8)v;
}

void hs_log_put_signed (HsLog *log, gint64 v);

/* A double as its 8 bytes (a varint of its bits would take 10); inline: a keyframe puts
 * every traced float. */
static inline void
hs_log_put_double (HsLog *log, double v)
{
  if (G_UNLIKELY (log->len + sizeof v > log->cap))
    hs_log_reserve (log, sizeof v);
  memcpy (log->data + log->len, &v, sizeof v);
  log->len += sizeof v;
}
/* Raw bytes, for logs that carry other logs (hs-trace-stream.c). */
void hs_log_append (HsLog *log, const void *data, gsize len);

static inline void
hs_log_reader_init (HsLogReader *r, const HsLog *log, gsize offset)
{
  r->p = log->data + offset;
  r->end = log->data + log->len;
}

static inline gboolean
hs_log_reader_done (const HsLogReader *r)
{
  return r->p >= r->end;
}

guint64 hs_log_get (HsLogReader *r);
gint64 hs_log_get_signed (HsLogReader *r);
double hs_log_get_double (HsLogReader *r);

G_END_DECLS
