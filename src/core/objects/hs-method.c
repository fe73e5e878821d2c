/* hs-method.c — bound methods: a function and the object it was looked up on
 * (CPython's classobject.c).
 *
 * Invariant: a bound method holds its function and its self; the diagram draws both as
 * the attributes that reach them (`__func__`, `__self__`).
 */
#include "config.h"

#include <string.h>

#include "hs-class-private.h"
#include "hs-error.h"
#include "hs-function.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- bound methods ------------------------------------------------------------------- */

static void
method_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsMethod *m = (HsMethod *)self;
  hs_visit_named (visit, m->func, HS_REF_ATTR, "__func__", data);
  hs_visit_named (visit, m->self, HS_REF_ATTR, "__self__", data);
}

static void
method_dealloc (HsVM *vm, HsObject *self)
{
  HsMethod *m = (HsMethod *)self;
  HS_CLEAR (vm, m->func);
  HS_CLEAR (vm, m->self);
}

static HsObject *
method_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsMethod *m = (HsMethod *)self;
  gsize n = nargs + (kwnames != NULL ? hs_tuple_len (kwnames) : 0);
  HsObject *small[HS_ARGS_SMALL];
  HsObject **all = hs_args_prepend (vm, m->self, args, n, small);
  if (all == NULL)
    return NULL;
  HsObject *r = hs_object_call (vm, m->func, all, nargs + 1, kwnames);
  hs_args_prepend_free (vm, all, n, small);
  return r;
}

HsObject **
hs_args_prepend (HsVM *vm, HsObject *first, HsObject *const *args, gsize n, HsObject **small)
{
  HsObject **all
      = n + 1 <= HS_ARGS_SMALL ? small : hs_mem_realloc (vm, NULL, 0, (n + 1) * sizeof (*all));
  if (all == NULL)
    return NULL;
  all[0] = first;
  if (n > 0)
    memcpy (all + 1, args, sizeof (HsObject *) * n);
  return all;
}

void
hs_args_prepend_free (HsVM *vm, HsObject **all, gsize n, HsObject **small)
{
  if (all != small)
    hs_mem_realloc (vm, all, (n + 1) * sizeof (*all), 0);
}

static const char *
func_qualname (HsObject *f)
{
  if (HS_IS (f, &hs_function_type))
    return HS_FUNCTION (f)->code->qualname;
  return hs_type_name (f);
}

static HsObject *
method_repr (HsVM *vm, HsObject *self)
{
  HsMethod *m = (HsMethod *)self;
  HsObject *r = hs_object_repr (vm, m->self);
  if (r == NULL)
    return NULL;
  HsObject *s = hs_str_from_format (vm, "<bound method %s of %s>", func_qualname (m->func),
                                    hs_str_utf8 (r));
  hs_decref (vm, r);
  return s;
}

static HsObject *
method_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsMethod *m = (HsMethod *)self;
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "__self__") == 0)
    return hs_incref (m->self);
  if (strcmp (n, "__func__") == 0)
    return hs_incref (m->func);
  return hs_object_getattr (vm, m->func, name);
}

static HsObject *
method_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !HS_IS (b, &hs_method_type))
    return hs_incref (hs_NotImplemented);
  HsMethod *x = (HsMethod *)a, *y = (HsMethod *)b;
  gboolean eq = x->func == y->func && x->self == y->self;
  return hs_bool_from (op == HS_CMP_EQ ? eq : !eq);
}

/* types.MethodType(function, instance): CPython's method_new */
static HsObject *
method_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "method() takes no keyword arguments");
      return NULL;
    }
  if (nargs != 2)
    {
      hs_err_format (vm, &hs_exc_TypeError, "method expected 2 arguments, got %" G_GSIZE_FORMAT,
                     nargs);
      return NULL;
    }
  if (!hs_object_is_callable (args[0]))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "first argument must be callable");
      return NULL;
    }
  if (args[1] == hs_None)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "instance must not be None");
      return NULL;
    }
  return hs_method_new (vm, args[0], args[1]);
}

HsType hs_method_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "method",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,
  .basicsize = sizeof (HsMethod),
  .dealloc = method_dealloc,
  .refs = method_refs,
  .clear = NULL,
  .repr = method_repr,
  .richcompare = method_richcompare,
  .call = method_call,
  .getattr = method_getattr,
  .construct = method_construct,
};

HsObject *
hs_method_new (HsVM *vm, HsObject *func, HsObject *self)
{
  HsMethod *m = (HsMethod *)hs_object_alloc (vm, &hs_method_type, sizeof (HsMethod));
  if (m == NULL)
    return NULL;
  m->func = hs_incref (func);
  m->self = hs_incref (self);
  hs_gc_track (vm, (HsObject *)m);
  return (HsObject *)m;
}
