/* hs-super.c — super(): the attributes of the classes after a given one in
 * an object's MRO (CPython's super_getattro), with the zero-argument form reading the
 * calling frame's `__class__` cell and first argument.
 *
 * Invariant: a super object holds its class and its object.
 */
#include "config.h"

#include <string.h>

#include "hs-cell.h"
#include "hs-cfunction.h"
#include "hs-class-private.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-frame.h"
#include "hs-function.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- super ------------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *type; /* the class whose bases are searched */
  HsObject *obj;
} HsSuper;

static void
super_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsSuper *s = (HsSuper *)self;
  hs_visit (visit, s->type, data);
  hs_visit (visit, s->obj, data);
}

static void
super_dealloc (HsVM *vm, HsObject *self)
{
  HsSuper *s = (HsSuper *)self;
  HS_CLEAR (vm, s->type);
  HS_CLEAR (vm, s->obj);
}

/* Whether super's object is a class deriving from its class (super(C, D) in a
 * classmethod) rather than an instance. */
static gboolean
super_of_type (const HsSuper *s)
{
  return hs_type_check (s->obj) && hs_type_is_subtype ((HsType *)s->obj, (HsType *)s->type);
}

/* What CPython's super_getattro finds (borrowed, NULL: nothing): `name` in the first class
 * after super's class in the MRO of `start`, the object's type or the object itself. */
static HsObject *
super_find (HsVM *vm, const HsSuper *s, const HsType *start, HsObject *name)
{
  const HsType *m;
  gsize i = 0;

  while ((m = hs_type_mro_at (start, i)) != NULL && m != (HsType *)s->type)
    i++;
  for (i++; m != NULL && (m = hs_type_mro_at (start, i)) != NULL; i++)
    {
      HsObject *d = m->dict != NULL ? hs_dict_get_item_borrow (vm, m->dict, name) : NULL;
      if (d != NULL)
        return d;
    }
  return NULL;
}

/* CPython's super_getattro: the attribute of the first class after `type` in the MRO of
 * the object's type (of the object itself when it is a subclass of `type`). */
static HsObject *
super_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsSuper *s = (HsSuper *)self;
  gboolean is_type = super_of_type (s);
  const HsType *start = is_type ? (HsType *)s->obj : s->obj->type;
  HsObject *d = super_find (vm, s, start, name);

  if (d == NULL)
    {
      hs_err_format (vm, &hs_exc_AttributeError, "'super' object has no attribute '%s'",
                     hs_str_utf8 (name));
      return NULL;
    }
  if (hs_method_descr_check (d) && is_type)
    return hs_incref (d);
  return hs_descr_get (vm, d, is_type ? NULL : s->obj, start);
}

HsObject *
hs_super_method_borrow (HsVM *vm, HsObject *sup, HsObject *name, HsObject **self)
{
  HsSuper *s = (HsSuper *)sup;
  HsObject *d;

  if (super_of_type (s))
    return NULL;
  d = super_find (vm, s, s->obj->type, name);
  if (d == NULL || !(HS_IS (d, &hs_function_type) || hs_method_descr_check (d)))
    return NULL;
  *self = s->obj;
  return d;
}

static HsObject *
super_repr (HsVM *vm, HsObject *self)
{
  HsSuper *s = (HsSuper *)self;
  return hs_str_from_format (vm, "<super: <class '%s'>, <%s object>>", ((HsType *)s->type)->name,
                             hs_type_name (s->obj));
}

static HsObject *super_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs,
                                  HsObject *kwnames);

HsType hs_super_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "super",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsSuper),
  .dealloc = super_dealloc,
  .refs = super_refs,
  .repr = super_repr,
  .getattr = super_getattr,
  .construct = super_construct,
};

static HsObject *
super_new (HsVM *vm, HsObject *type, HsObject *obj)
{
  HsType *t = (HsType *)type;
  gboolean ok = (hs_type_check (obj) && hs_type_is_subtype ((HsType *)obj, t))
                || hs_type_is_subtype (obj->type, t);
  if (!ok)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "super(type, obj): obj must be an instance or subtype of type");
      return NULL;
    }
  HsSuper *s = (HsSuper *)hs_object_alloc (vm, &hs_super_type, sizeof (HsSuper));
  if (s == NULL)
    return NULL;
  s->type = hs_incref (type);
  s->obj = hs_incref (obj);
  hs_gc_track (vm, (HsObject *)s);
  return (HsObject *)s;
}

static HsObject *
super_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "super() takes no keyword arguments");
      return NULL;
    }
  if (nargs == 2)
    {
      if (!hs_type_check (args[0]))
        {
          hs_err_format (vm, &hs_exc_TypeError, "super() argument 1 must be a type, not %s",
                         hs_type_name (args[0]));
          return NULL;
        }
      return super_new (vm, args[0], args[1]);
    }
  if (nargs != 0)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "super() expected at most 2 arguments, got %" G_GSIZE_FORMAT, nargs);
      return NULL;
    }
  HsFrame *f = hs_vm_current_frame (vm);
  if (f == NULL || f->code->is_module)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): no arguments");
      return NULL;
    }
  /* CPython's super_init_without_args, in its order: the first argument, then the cell */
  HsCode *co = f->code;
  HsObject *cls = NULL, *obj;
  if (co->nparams == 0)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): no arguments");
      return NULL;
    }
  obj = f->locals[0];
  if (obj != NULL && HS_IS (obj, &hs_cell_type))
    obj = hs_cell_get_borrow (obj);
  if (obj == NULL)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): arg[0] deleted");
      return NULL;
    }
  for (int i = 0; i < co->nfrees; i++)
    if (strcmp (hs_code_varname (co, co->frees[i]), "__class__") == 0)
      {
        HsObject *cell = f->locals[co->frees[i]];
        cls = cell != NULL ? hs_cell_get_borrow (cell) : NULL;
        if (cls == NULL)
          {
            hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): empty __class__ cell");
            return NULL;
          }
        break;
      }
  if (cls == NULL)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): __class__ cell not found");
      return NULL;
    }
  return super_new (vm, cls, obj);
}
