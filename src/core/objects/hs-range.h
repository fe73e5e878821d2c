/* hs-range.h — range and slice objects, and the slice arithmetic shared by list,
 * tuple, str and range.
 *
 * Invariant: a range whose start, stop, step and length all fit a gint64 is "small":
 * the gint64 fields hold them and the object fields are NULL, so indexing, `in` and
 * iteration are plain machine arithmetic. Otherwise ("big", range(2 ** 64, ...)) the
 * object fields hold the ints and every operation uses int arithmetic. step != 0.
 * A slice holds three references (None for an omitted part).
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  gint64 start;
  gint64 stop;
  gint64 step;
  gint64 len;
  HsObject *ostart; /* all four set for a big range, else NULL */
  HsObject *ostop;
  HsObject *ostep;
  HsObject *olen;
} HsRange;

typedef struct
{
  HsObject header;
  HsObject *start;
  HsObject *stop;
  HsObject *step;
} HsSlice;

#define HS_RANGE(o) ((HsRange *)(o))
#define HS_SLICE(o) ((HsSlice *)(o))

HsObject *hs_range_new (HsVM *vm, gint64 start, gint64 stop, gint64 step);
/* range(start, stop, step) from int objects of any size. */
HsObject *hs_range_new_from_ints (HsVM *vm, HsObject *start, HsObject *stop, HsObject *step);
/* reversed(range) and iter(range), for small and big ranges. */
HsObject *hs_range_reversed (HsVM *vm, HsObject *range);

/* Puts range's and slice's start, stop and step members in their dicts. */
void hs_range_runtime_init (void);
/* slice(start, stop, step); NULL parts mean None; borrows. */
HsObject *hs_slice_new (HsVM *vm, HsObject *start, HsObject *stop, HsObject *step);

/* CPython's _PyEval_SliceIndex: an object with __index__ as a slice bound, saturated to
 * the gint64 range; else TypeError "slice indices must be integers [or None] or have an
 * __index__ method" (the "or None" when the caller accepts None). */
gboolean hs_slice_index (HsVM *vm, HsObject *o, gboolean none_allowed, gint64 *out);

/* CPython's PySlice_GetIndicesEx: clamps the slice to a sequence of `length` and gives
 * the number of items it selects. ValueError "slice step cannot be zero", TypeError
 * "slice indices must be integers or None or have an __index__ method". */
int hs_slice_indices (HsVM *vm, HsObject *slice, gssize length, gssize *start, gssize *stop,
                      gssize *step, gssize *slicelength);

/* Sequence index normalisation: i < 0 counts from the end; 0 if in range, -1 if not
 * (no error set). */
static inline int
hs_index_normalize (gssize *i, gsize len)
{
  if (*i < 0)
    *i += (gssize)len;
  return (*i >= 0 && (gsize)*i < len) ? 0 : -1;
}

G_END_DECLS
