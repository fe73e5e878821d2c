/* hs-weakmethod.c — weakref.WeakMethod: a weak reference to a bound method, which lives as
 * long as both the method's object and its function do (CPython's is Python code in
 * weakref.py, a subclass of ref).
 *
 * Invariant: a WeakMethod is a weak reference to the method's __self__ holding a weak
 * reference to its __func__ (`_func_ref`) and the method's type. Both are entries whose
 * container is the WeakMethod (borrowed; the WeakMethod detaches its `_func_ref` when it
 * is freed), so the death of either referent calls `died`, which marks the WeakMethod
 * dead once and calls its callback with it: CPython's `_cb` closure, without the closure
 * and its weak reference to the WeakMethod.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-weakref.h"

typedef struct
{
  HsWeakref ref;
  HsObject *func_ref;  /* owned: a weak reference to the function */
  HsObject *meth_type; /* owned: type(meth) */
  HsObject *callback;  /* owned, or NULL */
  gboolean alive;
} HsWeakMethod;

#define WM(o) ((HsWeakMethod *)(o))

/* The object or the function of the WeakMethod `self` died (wr: the reference cleared). */
static void
died (HsVM *vm, HsObject *self, HsObject *wr)
{
  if (!WM (self)->alive)
    return;
  WM (self)->alive = FALSE;
  hs_object_mark_dirty (vm, self);
  if (WM (self)->callback == NULL)
    return;
  hs_incref (self); /* the callback may drop the last other reference */
  hs_weakref_call_callback (vm, WM (self)->callback, self);
  hs_decref (vm, self);
  (void)wr;
}

/* CPython's TypeError for what is not a bound method: "... not <class 'function'>" */
static void
not_a_method (HsVM *vm, HsObject *meth)
{
  HsObject *r = hs_object_repr (vm, (HsObject *)meth->type);
  if (r == NULL)
    return;
  hs_err_format (vm, &hs_exc_TypeError, "argument should be a bound method, not %s",
                 hs_str_utf8 (r));
  hs_decref (vm, r);
}

static HsObject *
wm_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *meth = NULL, *callback = NULL, *obj, *func = NULL, *self = NULL;

  if (!hs_parse_args (vm, "__new__", args, nargs, kwnames, "meth|callback", &meth, &callback))
    return NULL;
  if ((obj = hs_object_getattr_cstr (vm, meth, "__self__")) != NULL)
    func = hs_object_getattr_cstr (vm, meth, "__func__");
  if (func == NULL && hs_err_matches (vm, &hs_exc_AttributeError))
    {
      hs_err_clear (vm);
      not_a_method (vm, meth);
    }
  if (func != NULL && (self = hs_weakref_new_entry (vm, type, obj, NULL, NULL, died)) != NULL)
    {
      HS_WEAKREF (self)->container = self;
      WM (self)->meth_type = hs_incref ((HsObject *)meth->type);
      WM (self)->callback = callback != NULL && callback != hs_None ? hs_incref (callback) : NULL;
      WM (self)->alive = TRUE;
      WM (self)->func_ref = hs_weakref_new_entry (vm, &hs_weakref_type, func, NULL, self, died);
      if (WM (self)->func_ref == NULL)
        HS_CLEAR (vm, self);
      else
        hs_gc_track (vm, self);
    }
  hs_xdecref (vm, obj);
  hs_xdecref (vm, func);
  return self;
}

static void
wm_clear (HsVM *vm, HsObject *self)
{
  if (WM (self)->func_ref != NULL)
    hs_weakref_detach_entries (self, &WM (self)->func_ref, 1);
  HS_CLEAR (vm, WM (self)->func_ref);
  HS_CLEAR (vm, WM (self)->meth_type);
  HS_CLEAR (vm, WM (self)->callback);
  hs_weakref_clear (vm, self);
}

static void
wm_dealloc (HsVM *vm, HsObject *self)
{
  wm_clear (vm, self);
  hs_weakref_dealloc (vm, self);
}

static void
wm_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_weakref_refs (self, visit, data);
  if (WM (self)->func_ref != NULL)
    hs_visit_named (visit, WM (self)->func_ref, HS_REF_ATTR, "_func_ref", data);
  if (WM (self)->meth_type != NULL)
    hs_visit_named (visit, WM (self)->meth_type, HS_REF_ATTR, "_meth_type", data);
  if (WM (self)->callback != NULL)
    hs_visit_named (visit, WM (self)->callback, HS_REF_ATTR, "callback", data);
}

/* wm(): a new bound method of the function and the object while both live, else None */
static HsObject *
wm_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = hs_weakref_get_borrow (self), *func, *pair[2];
  if (!hs_parse_args (vm, "__call__", args, nargs, kwnames, ""))
    return NULL;
  func = WM (self)->func_ref != NULL ? hs_weakref_get_borrow (WM (self)->func_ref) : NULL;
  if (obj == NULL || func == NULL)
    return hs_incref (hs_None);
  if (WM (self)->meth_type == (HsObject *)&hs_method_type)
    return hs_method_new (vm, func, obj);
  pair[0] = func;
  pair[1] = obj;
  return hs_object_call (vm, WM (self)->meth_type, pair, 2, NULL);
}

/* Two live WeakMethods are equal when their objects and their functions are; a dead one
 * only to itself (CPython's WeakMethod.__eq__ and __ne__). */
static HsObject *
wm_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *r;
  int t;
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !HS_ISINSTANCE (a, &hs_weakmethod_type)
      || !HS_ISINSTANCE (b, &hs_weakmethod_type))
    return hs_incref (hs_NotImplemented);
  if (!WM (a)->alive || !WM (b)->alive)
    return hs_incref (hs_bool_from ((a == b) == (op == HS_CMP_EQ)));
  /* ref.__eq__(a, b) and a._func_ref == b._func_ref (`or` for !=) */
  if ((r = hs_weakref_type.richcompare (vm, a, b, op)) == NULL)
    return NULL;
  if ((t = hs_object_truth (vm, r)) == (op == HS_CMP_NE))
    return r;
  hs_decref (vm, r);
  return t < 0 ? NULL : hs_object_richcompare (vm, WM (a)->func_ref, WM (b)->func_ref, op);
}

HsType hs_weakmethod_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "WeakMethod",
  .module = "weakref",
  .base = &hs_weakref_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsWeakMethod),
  .dealloc = wm_dealloc,
  .refs = wm_refs,
  .clear = wm_clear,
  .richcompare = wm_richcompare,
  .call = wm_call,
  .construct = wm_construct,
};
