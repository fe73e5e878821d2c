/* hs-weakcontainer.c — the parts WeakValueDictionary, WeakKeyDictionary and WeakSet share.
 *
 * Invariant: see hs-weakcontainer.h. An entry's weak reference is a value of `data` for a
 * WeakValueDictionary, a key for a WeakKeyDictionary, an item for a WeakSet.
 */
#include "config.h"

#include "hs-weakcontainer.h"

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-weakref.h"

static gboolean
is_entry (HsObject *self, HsObject *o)
{
  return o != NULL && hs_weakref_check (o) && HS_WEAKREF (o)->container == self;
}

/* The entries' weak references (borrowed), in order. */
static GPtrArray *
entries (HsObject *self)
{
  HsObject *data = HS_WEAK_CONTAINER (self)->data;
  GPtrArray *out = g_ptr_array_new ();
  HsObject *k, *v;
  gsize pos = 0;

  if (data == NULL)
    return out;
  if (hs_dict_check (data))
    while (hs_dict_next (data, &pos, &k, &v))
      g_ptr_array_add (out, is_entry (self, v) ? v : k);
  else
    while (hs_set_next (data, &pos, &k))
      g_ptr_array_add (out, k);
  return out;
}

HsObject *
hs_weakcontainer_new (HsVM *vm, HsType *type, HsObject *data_take)
{
  HsWeakContainer *c;

  if (data_take == NULL)
    return NULL;
  if ((c = (HsWeakContainer *)hs_object_alloc (vm, type, sizeof (HsWeakContainer))) == NULL)
    {
      hs_decref (vm, data_take);
      return NULL;
    }
  c->data = data_take;
  hs_gc_track (vm, &c->header);
  return &c->header;
}

void
hs_weakcontainer_purge (HsVM *vm, HsObject *self)
{
  g_autoptr (GPtrArray) all = entries (self);
  g_autoptr (GPtrArray) dead = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (is_entry (self, all->pdata[i]) && hs_weakref_get_borrow (all->pdata[i]) == NULL)
      g_ptr_array_add (dead, hs_incref (all->pdata[i]));
  /* held while removing: dropping one entry must not free another under us */
  for (guint i = 0; i < dead->len; i++)
    {
      if (is_entry (self, dead->pdata[i]))
        HS_WEAKREF (dead->pdata[i])->remove (vm, self, dead->pdata[i]);
      hs_decref (vm, dead->pdata[i]);
    }
}

HsObject *
hs_weakcontainer_live (HsVM *vm, HsObject *self)
{
  HsObject *data = HS_WEAK_CONTAINER (self)->data, *out, *k, *v;
  gboolean by_key = hs_dict_check (data) && self->type == &hs_weakvaluedict_type;
  gsize pos = 0;

  hs_weakcontainer_purge (vm, self);
  if ((out = hs_list_new (vm, 0)) == NULL)
    return NULL;
  while (hs_dict_check (data) ? hs_dict_next (data, &pos, &k, &v) : hs_set_next (data, &pos, &k))
    {
      HsObject *item = by_key ? k : hs_weakref_get_borrow (k);
      if (item != NULL && hs_list_append (vm, out, item) < 0)
        {
          hs_decref (vm, out);
          return NULL;
        }
    }
  return out;
}

HsObject *
hs_weakcontainer_probe (HsVM *vm, HsObject *obj)
{
  return hs_weakref_new (vm, &hs_weakref_type, obj, NULL);
}

HsObject *
hs_weakcontainer_copy (HsVM *vm, HsObject *self, HsObject *contents_take,
                       HsObject *(*construct) (HsVM *vm, HsType *type, HsObject **args, gsize nargs,
                                               HsObject *kwnames))
{
  HsObject *copy;

  if (contents_take == NULL)
    return NULL;
  copy = construct (vm, (HsType *)self->type, &contents_take, 1, NULL);
  hs_decref (vm, contents_take);
  return copy;
}

HsObject *
hs_weakcontainer_m_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data, *fresh;

  if (!hs_parse_args (vm, "clear", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  data = HS_WEAK_CONTAINER (args[0])->data;
  if ((fresh = hs_dict_check (data) ? hs_dict_new (vm) : hs_set_new (vm)) == NULL)
    return NULL;
  hs_weakcontainer_clear (vm, args[0]);
  HS_WEAK_CONTAINER (args[0])->data = fresh;
  return hs_None;
}

static void
detach (HsObject *self)
{
  g_autoptr (GPtrArray) all = entries (self);
  hs_weakref_detach_entries (self, (HsObject *const *)all->pdata, all->len);
}

void
hs_weakcontainer_dealloc (HsVM *vm, HsObject *self)
{
  detach (self);
  HS_CLEAR (vm, HS_WEAK_CONTAINER (self)->data);
}

void
hs_weakcontainer_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (HS_WEAK_CONTAINER (self)->data != NULL)
    hs_visit_named (visit, HS_WEAK_CONTAINER (self)->data, HS_REF_ATTR, "data", data);
}

void
hs_weakcontainer_clear (HsVM *vm, HsObject *self)
{
  detach (self);
  HS_CLEAR (vm, HS_WEAK_CONTAINER (self)->data);
}

HsObject *
hs_weakcontainer_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_format (vm, "<%s at %p>", self->type->name, hs_object_address (self));
}

gssize
hs_weakcontainer_len (HsVM *vm, HsObject *self)
{
  HsObject *data = HS_WEAK_CONTAINER (self)->data;

  hs_weakcontainer_purge (vm, self);
  return hs_dict_check (data) ? (gssize)hs_dict_len (data) : (gssize)hs_set_len (data);
}

HsObject *
hs_weakcontainer_iter (HsVM *vm, HsObject *self)
{
  HsObject *live = hs_weakcontainer_live (vm, self), *it;

  if (live == NULL)
    return NULL;
  it = hs_object_iter (vm, live);
  hs_decref (vm, live);
  return it;
}

/* What a container holds now, as a dict (the dictionaries: key -> value) or a set. */
static HsObject *
snapshot (HsVM *vm, HsObject *self)
{
  HsObject *data = HS_WEAK_CONTAINER (self)->data, *out, *k, *v;
  gsize pos = 0;
  int r = 0;

  hs_weakcontainer_purge (vm, self);
  if (!hs_dict_check (data))
    {
      HsObject *live = hs_weakcontainer_live (vm, self);
      out = live != NULL ? hs_set_from_iterable (vm, live) : NULL;
      hs_xdecref (vm, live);
      return out;
    }
  if ((out = hs_dict_new (vm)) == NULL)
    return NULL;
  while (r == 0 && hs_dict_next (data, &pos, &k, &v))
    {
      gboolean by_key = self->type == &hs_weakvaluedict_type;
      HsObject *key = by_key ? k : hs_weakref_get_borrow (k);
      HsObject *value = by_key ? hs_weakref_get_borrow (v) : v;
      if (key != NULL && value != NULL)
        r = hs_dict_set_item (vm, out, key, value);
    }
  if (r < 0)
    HS_CLEAR (vm, out);
  return out;
}

/* == and != as CPython's Mapping.__eq__ (against dicts and the weak dictionaries) and
 * WeakSet.__eq__ (against WeakSets): by what they hold now. */
HsObject *
hs_weakcontainer_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  gboolean a_set = a->type == &hs_weakset_type;
  gboolean b_ok = a_set ? b->type == &hs_weakset_type
                        : hs_dict_check (b) || b->type == &hs_weakvaluedict_type
                              || b->type == &hs_weakkeydict_type;
  HsObject *x, *y = NULL, *r = NULL;

  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !b_ok)
    return hs_incref (hs_NotImplemented);
  x = snapshot (vm, a);
  if (x != NULL)
    y = hs_dict_check (b) ? hs_incref (b) : snapshot (vm, b);
  if (y != NULL)
    r = hs_object_richcompare (vm, x, y, op);
  hs_xdecref (vm, x);
  hs_xdecref (vm, y);
  return r;
}
