/* hs-weakfinalize.c — weakref.finalize (in CPython a Python class of weakref.py).
 *
 * Invariant: a finalize object is "alive" exactly while vm->finalize_registry holds it
 * (CPython's finalize._registry); its weak reference to the object has the finalize
 * object itself as callback, so the object's death calls it; calling it (or detach())
 * takes it out of the registry first, so func runs at most once. At exit the ones still
 * alive with atexit set run, newest first, before the objects' __del__ (hs-finalize.c).
 */
#include "config.h"

#include "hs-weakfinalize.h"

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-weakref.h"

typedef struct
{
  HsObject header;
  HsObject *wr;     /* weakref.ref to the object, callback: this finalize object */
  HsObject *func;   /* owned */
  HsObject *args;   /* tuple, owned */
  HsObject *kwargs; /* dict, owned, or NULL */
  gboolean atexit;
} HsFinalize;

#define HS_FINALIZE(o) ((HsFinalize *)(o))

static gboolean
is_alive (HsVM *vm, HsObject *self)
{
  return vm->finalize_registry != NULL && g_ptr_array_find (vm->finalize_registry, self, NULL);
}

/* Takes self out of the registry: TRUE (and the registry's reference, now the caller's)
 * when it was alive. */
static gboolean
unregister (HsVM *vm, HsObject *self)
{
  guint i;
  if (vm->finalize_registry == NULL || !g_ptr_array_find (vm->finalize_registry, self, &i))
    return FALSE;
  g_ptr_array_remove_index (vm->finalize_registry, i);
  return TRUE;
}

static void
finalize_clear (HsVM *vm, HsObject *self)
{
  HsFinalize *f = HS_FINALIZE (self);
  HS_CLEAR (vm, f->wr);
  HS_CLEAR (vm, f->func);
  HS_CLEAR (vm, f->args);
  HS_CLEAR (vm, f->kwargs);
}

static void
finalize_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsFinalize *f = HS_FINALIZE (self);
  if (f->wr != NULL)
    hs_visit_named (visit, f->wr, HS_REF_ATTR, "weakref", data);
  if (f->func != NULL)
    hs_visit_named (visit, f->func, HS_REF_ATTR, "func", data);
  if (f->args != NULL)
    hs_visit_named (visit, f->args, HS_REF_ATTR, "args", data);
  if (f->kwargs != NULL)
    hs_visit_named (visit, f->kwargs, HS_REF_ATTR, "kwargs", data);
}

static HsObject *
finalize_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  HsFinalize *f;

  if (nargs < 2)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "finalize.__init__() missing %" G_GSIZE_FORMAT
                     " required positional argument%s: %s",
                     2 - nargs, nargs == 0 ? "s" : "", nargs == 0 ? "'obj' and 'func'" : "'func'");
      return NULL;
    }
  if (!hs_weakref_supported (vm, args[0]))
    return NULL;
  if ((f = (HsFinalize *)hs_object_alloc (vm, type, sizeof (HsFinalize))) == NULL)
    return NULL;
  f->func = hs_incref (args[1]);
  f->atexit = TRUE;
  f->args = hs_tuple_from_array (vm, args + 2, nargs - 2);
  if (f->args != NULL && nkw > 0 && (f->kwargs = hs_dict_new (vm)) != NULL)
    for (gsize k = 0; k < nkw; k++)
      if (hs_dict_set_item (vm, f->kwargs, hs_tuple_get_borrow (kwnames, k), args[nargs + k]) < 0)
        break;
  if (f->args == NULL || (nkw > 0 && (f->kwargs == NULL || hs_err_occurred (vm)))
      || (f->wr = hs_weakref_new (vm, &hs_weakref_type, args[0], &f->header)) == NULL)
    {
      hs_decref (vm, &f->header);
      return NULL;
    }
  hs_gc_track (vm, &f->header);
  if (vm->finalize_registry == NULL)
    vm->finalize_registry = g_ptr_array_new ();
  g_ptr_array_add (vm->finalize_registry, hs_incref (&f->header));
  return &f->header;
}

/* (obj, func, args, kwargs) while alive, else None. */
static HsObject *
info_tuple (HsVM *vm, HsObject *self)
{
  HsFinalize *f = HS_FINALIZE (self);
  HsObject *obj = hs_weakref_get_borrow (f->wr), *kw, *t;
  if (obj == NULL || !is_alive (vm, self))
    return hs_incref (hs_None);
  kw = f->kwargs != NULL ? hs_incref (f->kwargs) : hs_dict_new (vm);
  if (kw == NULL)
    return NULL;
  t = hs_tuple_pack (vm, 4, obj, f->func, f->args, kw);
  hs_decref (vm, kw);
  return t;
}

static HsObject *
finalize_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsFinalize *f = HS_FINALIZE (self);
  HsObject *unused = NULL, *res;
  gsize n = hs_tuple_len (f->args), nkw = f->kwargs != NULL ? hs_dict_len (f->kwargs) : 0;
  HsObject **argv, *names = NULL;
  gsize pos = 0, i = n;
  HsObject *k, *v;

  if (!hs_parse_args (vm, "__call__", args, nargs, kwnames, "@|_", &unused))
    return NULL;
  if (!unregister (vm, self))
    return hs_incref (hs_None);
  argv = g_new (HsObject *, n + nkw + 1);
  for (gsize j = 0; j < n; j++)
    argv[j] = hs_tuple_get_borrow (f->args, j);
  if (nkw > 0 && (names = hs_tuple_new (vm, nkw)) != NULL)
    while (hs_dict_next (f->kwargs, &pos, &k, &v))
      {
        hs_tuple_set_take (names, i - n, hs_incref (k));
        argv[i++] = v;
      }
  res = nkw > 0 && names == NULL ? NULL : hs_object_call (vm, f->func, argv, n, names);
  hs_xdecref (vm, names);
  g_free (argv);
  hs_decref (vm, self); /* the registry's reference */
  return res;
}

static HsObject *
m_detach (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *t;
  if (!hs_parse_args (vm, "detach", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  t = info_tuple (vm, args[0]);
  if (t != NULL && t != hs_None && unregister (vm, args[0]))
    hs_decref (vm, args[0]);
  return t;
}

static HsObject *
m_peek (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "peek", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return info_tuple (vm, args[0]);
}

static HsObject *
finalize_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "alive"))
    return hs_incref (hs_bool_from (is_alive (vm, self)));
  if (hs_str_equal_cstr (name, "atexit"))
    return hs_incref (hs_bool_from (HS_FINALIZE (self)->atexit));
  return hs_object_generic_getattr (vm, self, name);
}

static int
finalize_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  int truth;
  if (!hs_str_equal_cstr (name, "atexit") || value == NULL)
    {
      hs_err_format (vm, &hs_exc_AttributeError, "'finalize' object attribute '%s' is read-only",
                     hs_str_utf8 (name));
      return -1;
    }
  if ((truth = hs_object_truth (vm, value)) < 0)
    return -1;
  HS_FINALIZE (self)->atexit = truth;
  return 0;
}

static HsObject *
finalize_repr (HsVM *vm, HsObject *self)
{
  HsObject *obj = hs_weakref_get_borrow (HS_FINALIZE (self)->wr);
  if (obj == NULL)
    return hs_str_from_format (vm, "<finalize object at %p; dead>", hs_object_address (self));
  return hs_str_from_format (vm, "<finalize object at %p; for '%s' at %p>",
                             hs_object_address (self), hs_type_name (obj), hs_object_address (obj));
}

void
hs_weakfinalize_at_exit (HsVM *vm)
{
  while (vm->finalize_registry != NULL && vm->finalize_registry->len > 0)
    {
      guint i = vm->finalize_registry->len;
      HsObject *f = NULL, *res;
      while (i-- > 0 && f == NULL)
        if (HS_FINALIZE (vm->finalize_registry->pdata[i])->atexit)
          f = vm->finalize_registry->pdata[i];
      if (f == NULL)
        return;
      hs_incref (f);
      res = finalize_call (vm, f, NULL, 0, NULL);
      if (res != NULL)
        hs_decref (vm, res);
      else
        hs_vm_write_unraisable (vm, f);
      hs_decref (vm, f);
    }
}

void
hs_weakfinalize_drop_registry (HsVM *vm)
{
  GPtrArray *registry = g_steal_pointer (&vm->finalize_registry);
  for (guint i = 0; registry != NULL && i < registry->len; i++)
    hs_decref (vm, registry->pdata[i]);
  if (registry != NULL)
    g_ptr_array_unref (registry);
}

static const HsMethodDef finalize_methods[] = {
  { "detach", m_detach },
  { "peek", m_peek },
  { NULL, NULL },
};

HsType hs_weakfinalize_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "finalize",
  .module = "weakref",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsFinalize),
  .dealloc = finalize_clear,
  .refs = finalize_refs,
  .clear = finalize_clear,
  .repr = finalize_repr,
  .call = finalize_call,
  .getattr = finalize_getattr,
  .setattr = finalize_setattr,
  .construct = finalize_construct,
  .methods = finalize_methods,
};
