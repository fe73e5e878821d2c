/* hs-huge-pages.h — big blocks of memory the kernel may back with huge pages.
 *
 * A block is mapped on its own, aligned on HS_HUGE_PAGE_BYTES and asked for transparent
 * huge pages (madvise): one page fault per 2 MiB where 4 KiB pages took 512, each costing
 * microseconds (a replay state of half a million objects faulted in 200 ms). For the VM's
 * arenas (hs-object.c) and the trace's replay state (hs-id-map.c, hs-trace-state.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HS_HUGE_PAGE_BYTES ((gsize)2 * 1024 * 1024)

/* `bytes` rounded up to whole huge pages. */
static inline gsize
hs_huge_pages_round (gsize bytes)
{
  return (bytes + HS_HUGE_PAGE_BYTES - 1) & ~(HS_HUGE_PAGE_BYTES - 1);
}

/* A zeroed block of hs_huge_pages_round (bytes), NULL if no memory. */
gpointer hs_huge_pages_map (gsize bytes);
/* Unmaps a block hs_huge_pages_map made of `bytes`. */
void hs_huge_pages_unmap (gpointer block, gsize bytes);
/* The block hs_huge_pages_map made of `bytes`, grown to hs_huge_pages_round (new_bytes) by
 * moving its pages, not copying them (mremap); aborts when out of memory. */
gpointer hs_huge_pages_grow (gpointer block, gsize bytes, gsize new_bytes);
/* A zeroed block of `bytes`: huge pages from HS_HUGE_PAGE_BYTES up, else malloc'd; aborts
 * when out of memory, as g_malloc does. Freed by hs_big_free with the same size. */
gpointer hs_big_alloc0 (gsize bytes);
void hs_big_free (gpointer block, gsize bytes);

G_END_DECLS
