/* hs-huge-pages.c — see hs-huge-pages.h. */
#define _GNU_SOURCE /* mremap */
#include "config.h"

#include "hs-huge-pages.h"

#include <string.h>
#include <sys/mman.h>

gpointer
hs_huge_pages_map (gsize bytes)
{
  gsize size = hs_huge_pages_round (bytes), span = size + HS_HUGE_PAGE_BYTES;
  guint8 *p = mmap (NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  guint8 *aligned, *end;

  if (p == MAP_FAILED)
    return NULL;
  /* mapped one huge page more, so that an aligned start lies within; the rest unmapped */
  aligned
      = (guint8 *)(((guintptr)p + HS_HUGE_PAGE_BYTES - 1) & ~(guintptr)(HS_HUGE_PAGE_BYTES - 1));
  end = aligned + size;
  if (aligned > p)
    munmap (p, aligned - p);
  if (end < p + span)
    munmap (end, p + span - end);
#ifdef MADV_HUGEPAGE
  madvise (aligned, size, MADV_HUGEPAGE);
#endif
  /* Written first: a huge page read before any write (a hash table's probe of its empty
   * slots) maps the zero page, which the first write then replaces 4 KiB at a time. */
  for (volatile guint8 *q = aligned; q < end; q += HS_HUGE_PAGE_BYTES)
    *q = 0;
  return aligned;
}

void
hs_huge_pages_unmap (gpointer block, gsize bytes)
{
  munmap (block, hs_huge_pages_round (bytes));
}

gpointer
hs_huge_pages_grow (gpointer block, gsize bytes, gsize new_bytes)
{
  gsize size = hs_huge_pages_round (new_bytes);
  gpointer p = mremap (block, hs_huge_pages_round (bytes), size, MREMAP_MAYMOVE);

  if (p == MAP_FAILED)
    g_error ("%s: failed to map %" G_GSIZE_FORMAT " bytes", G_STRLOC, size);
#ifdef MADV_HUGEPAGE
  madvise (p, size, MADV_HUGEPAGE);
#endif
  return p;
}

gpointer
hs_big_alloc0 (gsize bytes)
{
  gpointer block;

  /* zeroed by writing, not calloc: see the write in hs_huge_pages_map */
  if (bytes < HS_HUGE_PAGE_BYTES)
    return memset (g_malloc (bytes), 0, bytes);
  block = hs_huge_pages_map (bytes);
  if (block == NULL)
    g_error ("%s: failed to map %" G_GSIZE_FORMAT " bytes", G_STRLOC, bytes);
  return block;
}

void
hs_big_free (gpointer block, gsize bytes)
{
  if (bytes < HS_HUGE_PAGE_BYTES)
    g_free (block);
  else if (block != NULL)
    hs_huge_pages_unmap (block, bytes);
}
