/* hs-cell.c — cell objects (see hs-cell.h for the invariant). */
#include "config.h"

#include "hs-cell.h"
#include "hs-error.h"
#include "hs-object-private.h"
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
    return hs_str_from_format (vm, "<cell at %p: empty>", hs_object_address (self));
  return hs_str_from_format (vm, "<cell at %p: %s object at %p>", hs_object_address (self),
                             hs_type_name (v), hs_object_address (v));
}

/* cell_contents reads and writes the variable the closure shares (Python 3.7+). */
static HsObject *
cell_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (!hs_str_equal_cstr (name, "cell_contents"))
    return hs_object_generic_getattr (vm, self, name);
  if (HS_CELL (self)->ref == NULL)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Cell is empty");
      return NULL;
    }
  return hs_incref (HS_CELL (self)->ref);
}

static int
cell_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  if (!hs_str_equal_cstr (name, "cell_contents"))
    {
      hs_err_format (vm, &hs_exc_AttributeError, "'cell' object has no attribute '%s'",
                     hs_str_utf8 (name));
      return -1;
    }
  hs_cell_set (vm, self, value);
  return 0;
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
  .getattr = cell_getattr,
  .setattr = cell_setattr,
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
