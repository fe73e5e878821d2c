/* hs-cell.c — cell objects (see hs-cell.h for the invariant). */
#include "config.h"

#include "hs-cell.h"
#include "hs-str.h"
#include "hs-vm-private.h"

static void
cell_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (HS_CELL (self)->ref != NULL)
    hs_visit (visit, HS_CELL (self)->ref, data);
}

static void
cell_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, HS_CELL (self)->ref);
}

static HsObject *
cell_repr (HsVM *vm, HsObject *self)
{
  HsObject *v = HS_CELL (self)->ref;
  if (v == NULL)
    return hs_str_from_format (vm, "<cell at %p: empty>", (void *)self);
  return hs_str_from_format (vm, "<cell at %p: %s object at %p>", (void *)self, hs_type_name (v),
                             (void *)v);
}

HsType hs_cell_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "cell",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsCell),
  .dealloc = cell_clear,
  .refs = cell_refs,
  .clear = cell_clear,
  .repr = cell_repr,
};

HsObject *
hs_cell_new (HsVM *vm, HsObject *value)
{
  HsCell *c = (HsCell *)hs_object_alloc (vm, &hs_cell_type, sizeof (HsCell));
  if (c == NULL)
    return NULL;
  c->ref = value != NULL ? hs_incref (value) : NULL;
  hs_gc_track (vm, (HsObject *)c);
  return (HsObject *)c;
}

void
hs_cell_set (HsVM *vm, HsObject *cell, HsObject *value)
{
  HsObject *old = HS_CELL (cell)->ref;
  HS_CELL (cell)->ref = value != NULL ? hs_incref (value) : NULL;
  hs_object_mark_dirty (vm, cell);
  hs_xdecref (vm, old);
}
