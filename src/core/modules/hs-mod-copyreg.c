/* hs-mod-copyreg.c — the `copyreg` module: the callables object.__reduce_ex__ names in what
 * it returns (__newobj__, __newobj_ex__, _reconstructor), as copyreg.py 3.11's.
 *
 * Invariant: calling one rebuilds what CPython's rebuilds (cls.__new__(cls, *args);
 * _reconstructor's base.__new__ and base.__init__), so copy.py's _reconstruct of a
 * __reduce_ex__ tuple gives CPython's object. Written in C, as Heapscope's copy is.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* cls.__new__(cls, *args, **kwargs) (kwargs a dict or NULL) */
static HsObject *
call_new (HsVM *vm, HsObject *cls, HsObject *const *args, gsize nargs, HsObject *kwargs)
{
  gsize nkw = kwargs != NULL ? hs_dict_len (kwargs) : 0, pos = 0, i = 0;
  g_autofree HsObject **all = g_new (HsObject *, nargs + nkw + 1);
  HsObject *new_fn, *kwnames = NULL, *k, *v, *r;

  if (nkw > 0 && (kwnames = hs_tuple_new (vm, nkw)) == NULL)
    return NULL;
  all[0] = cls;
  for (gsize j = 0; j < nargs; j++)
    all[j + 1] = args[j];
  while (kwnames != NULL && hs_dict_next (kwargs, &pos, &k, &v))
    {
      hs_tuple_set_take (kwnames, i, hs_incref (k));
      all[nargs + 1 + i++] = v;
    }
  new_fn = hs_object_getattr_cstr (vm, cls, "__new__");
  r = new_fn != NULL ? hs_object_call (vm, new_fn, all, nargs + 1, kwnames) : NULL;
  hs_xdecref (vm, new_fn);
  hs_xdecref (vm, kwnames);
  return r;
}

/* __newobj__(cls, *args) */
static HsObject *
copyreg_newobj (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs < 1 || (kwnames != NULL && hs_tuple_len (kwnames) > 0))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         nargs < 1 ? "__newobj__() missing 1 required positional argument: 'cls'"
                                   : "__newobj__() got an unexpected keyword argument");
      return NULL;
    }
  return call_new (vm, args[0], args + 1, nargs - 1, NULL);
}

/* __newobj_ex__(cls, args, kwargs) */
static HsObject *
copyreg_newobj_ex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls, *a, *kw;
  if (!hs_parse_args (vm, "__newobj_ex__", args, nargs, kwnames, "cls args kwargs", &cls, &a, &kw))
    return NULL;
  if (!hs_tuple_check (a) || !hs_dict_check (kw))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "__newobj_ex__() needs a tuple and a dict");
      return NULL;
    }
  return call_new (vm, cls, hs_tuple_items (a), hs_tuple_len (a), kw);
}

/* _reconstructor(cls, base, state): object.__new__(cls), or base.__new__(cls, state) then
 * base.__init__(obj, state) when base has its own __init__. */
static HsObject *
copyreg_reconstructor (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls, *base, *state, *obj, *init, *r;
  if (!hs_parse_args (vm, "_reconstructor", args, nargs, kwnames, "cls base state", &cls, &base,
                      &state))
    return NULL;
  if (base == (HsObject *)&hs_object_type)
    return call_new (vm, base, &cls, 1, NULL);
  HsObject *new_args[2] = { cls, state };
  HsObject *new_fn = hs_object_getattr_cstr (vm, base, "__new__");
  obj = new_fn != NULL ? hs_object_call (vm, new_fn, new_args, 2, NULL) : NULL;
  hs_xdecref (vm, new_fn);
  if (obj == NULL)
    return NULL;
  init = hs_type_lookup_borrow ((HsType *)base, hs_str_intern_cstr ("__init__"));
  if (init != NULL
      && init != hs_type_lookup_borrow (&hs_object_type, hs_str_intern_cstr ("__init__")))
    {
      HsObject *init_fn = hs_object_getattr_cstr (vm, base, "__init__");
      HsObject *init_args[2] = { obj, state };
      r = init_fn != NULL ? hs_object_call (vm, init_fn, init_args, 2, NULL) : NULL;
      hs_xdecref (vm, init_fn);
      if (r == NULL)
        HS_CLEAR (vm, obj);
      hs_xdecref (vm, r);
    }
  return obj;
}

static const HsMethodDef copyreg_functions[] = {
  { "__newobj__", copyreg_newobj },
  { "__newobj_ex__", copyreg_newobj_ex },
  { "_reconstructor", copyreg_reconstructor },
  { NULL, NULL },
};

int
hs_mod_copyreg_init (HsVM *vm, HsObject *dict)
{
  return hs_module_add_functions (vm, dict, copyreg_functions);
}
