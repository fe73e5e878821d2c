/* hs-trace-log.c — see hs-trace-log.h. */
#include "hs-trace-log.h"

#include <string.h>

void
hs_log_init (HsLog *log)
{
  log->data = NULL;
  log->len = 0;
  log->cap = 0;
}

void
hs_log_clear (HsLog *log)
{
  g_free (log->data);
  hs_log_init (log);
}

void
hs_log_reserve (HsLog *log, gsize extra)
{
  if (log->len + extra <= log->cap)
    return;
  log->cap = MAX (log->cap * 2, log->len + extra + 256);
  log->data = g_realloc (log->data, log->cap);
}

void
hs_log_append (HsLog *log, const void *data, gsize len)
{
  if (len == 0)
    return;
  hs_log_reserve (log, len);
  memcpy (log->data + log->len, data, len);
  log->len += len;
}

/* Zig-zag, so small negative numbers stay small. */
void
hs_log_put_signed (HsLog *log, gint64 v)
{
  hs_log_put (log, ((guint64)v << 1) ^ (guint64)(v >> 63));
}

guint64
hs_log_get (HsLogReader *r)
{
  guint64 v = 0;
  int shift = 0;

  while (r->p < r->end)
    {
      guint8 b = *r->p++;
      v |= (guint64)(b & 0x7f) << shift;
      if (!(b & 0x80))
        break;
      shift += 7;
    }
  return v;
}

gint64
hs_log_get_signed (HsLogReader *r)
{
  guint64 z = hs_log_get (r);
  return (gint64)(z >> 1) ^ -(gint64)(z & 1);
}

double
hs_log_get_double (HsLogReader *r)
{
  double v = 0;

  if (r->end - r->p >= (gssize)sizeof v)
    memcpy (&v, r->p, sizeof v);
  r->p += MIN (sizeof v, (gsize)(r->end - r->p));
  return v;
}
