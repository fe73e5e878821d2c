/* hs-calliter.c — callable_iterator, what iter(callable, sentinel) returns (and what
 * re.finditer returns over a scanner's search).
 *
 * Invariant: until it is exhausted the iterator holds the callable and the sentinel (drawn
 * as its rows); each next() calls the callable once, and a result equal to the sentinel
 * or a StopIteration from the call exhausts it: it drops both, as CPython's calliterobject.
 */
#include "config.h"

#include "hs-iter.h"

#include "hs-error.h"
#include "hs-object-private.h"

typedef struct
{
  HsObject header;
  HsObject *callable, *sentinel; /* NULL once exhausted */
} CallIter;

#define CALLITER(o) ((CallIter *)(o))

HsObject *
hs_calliter_new (HsVM *vm, HsObject *callable, HsObject *sentinel)
{
  CallIter *it = (CallIter *)hs_object_alloc (vm, &hs_calliter_type, sizeof (CallIter));
  if (it == NULL)
    return NULL;
  it->callable = hs_incref (callable);
  it->sentinel = hs_incref (sentinel);
  hs_gc_track (vm, &it->header);
  return &it->header;
}

static void
calliter_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, CALLITER (self)->callable);
  HS_CLEAR (vm, CALLITER (self)->sentinel);
}

static void
calliter_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (CALLITER (self)->callable != NULL)
    hs_visit_named (visit, CALLITER (self)->callable, HS_REF_ATTR, "callable", data);
  if (CALLITER (self)->sentinel != NULL)
    hs_visit_named (visit, CALLITER (self)->sentinel, HS_REF_ATTR, "sentinel", data);
}

/* The end of the iteration: both references dropped, which the diagram shows. */
static void
exhaust (HsVM *vm, HsObject *self)
{
  hs_object_mark_dirty (vm, self);
  calliter_clear (vm, self);
}

static HsObject *
calliter_iter (HsVM *vm, HsObject *self)
{
  (void)vm;
  return hs_incref (self);
}

static HsObject *
calliter_next (HsVM *vm, HsObject *self)
{
  CallIter *it = CALLITER (self);
  if (it->callable == NULL)
    return NULL;
  HsObject *r = hs_object_call (vm, it->callable, NULL, 0, NULL);
  if (r == NULL)
    {
      if (hs_err_matches (vm, &hs_exc_StopIteration))
        {
          hs_err_clear (vm);
          exhaust (vm, self);
        }
      return NULL;
    }
  int same = hs_object_richcompare_bool (vm, r, it->sentinel, HS_CMP_EQ);
  if (same != 0)
    {
      hs_decref (vm, r);
      if (same > 0)
        exhaust (vm, self);
      return NULL;
    }
  return r;
}

HsType hs_calliter_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "callable_iterator",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (CallIter),
  .dealloc = calliter_clear,
  .refs = calliter_refs,
  .clear = calliter_clear,
  .iter = calliter_iter,
  .iternext = calliter_next,
};
