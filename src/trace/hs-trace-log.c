/* hs-trace-log.c — see hs-trace-log.h. */
#include "hs-trace-log.h"

#include <string.h>

#include "hs-huge-pages.h"

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
  if (log->cap >= HS_HUGE_PAGE_BYTES)
    hs_huge_pages_unmap (log->data, log->cap);
  else
    g_free (log->data);
  hs_log_init (log);
}

void
hs_log_reserve (HsLog *log, gsize extra)
{
  gsize cap;

  if (log->len + extra <= log->cap)
    return;
  cap = MAX (log->cap * 2, log->len + extra + 256);
  /* Past a huge page a log has pages of its own, grown by mremap: a realloc copied it at
   * each doubling, and touched it 4 KiB at a time, some 18,000 page faults per million
   * steps, each costing as much as recording ten steps (perf, trace-overhead's loop.py). */
  if (cap < HS_HUGE_PAGE_BYTES)
    log->data = g_realloc (log->data, cap);
  else if (log->cap >= HS_HUGE_PAGE_BYTES)
    log->data = hs_huge_pages_grow (log->data, log->cap, cap);
  else
    {
      guint8 *p = hs_huge_pages_map (cap);

      if (p == NULL)
        g_error ("%s: failed to map %" G_GSIZE_FORMAT " bytes", G_STRLOC, cap);
      if (log->len > 0) /* a log's first append can pass a huge page: no data yet */
        memcpy (p, log->data, log->len);
      g_free (log->data);
      log->data = p;
    }
  log->cap = cap >= HS_HUGE_PAGE_BYTES ? hs_huge_pages_round (cap) : cap;
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
