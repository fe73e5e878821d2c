/* hs-reduce.c — how an object says how to rebuild it: object.__reduce_ex__, __reduce__,
 * __getstate__ and __sizeof__, as CPython 3.11's typeobject.c and copyreg.py.
 *
 * Invariant: what these return is what CPython's return for the objects Heapscope knows how
 * to take apart: a class's instances (copyreg.__newobj__ with the instance's state for
 * protocol 2 and up, copyreg._reconstructor below), and the built-ins whose type dict holds
 * CPython's pickling methods; a built-in whose CPython type has a __reduce__,
 * __getnewargs__ or __getstate__ Heapscope lacks (range, a list iterator, an exception) is
 * refused with NotImplementedError rather than given object's answer. A class's own
 * __reduce__ and __getstate__ are honoured as CPython's object.__reduce_ex__ honours them.
 */
#include "config.h"

#include "hs-reduce.h"

#include <string.h>

#include "hs-builtin-subclass.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-cpython-names.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* The first type of x's class's MRO that is not a class of the program (its built-in part,
 * copyreg's `base`). */
static const HsType *
builtin_part (const HsType *t)
{
  while (t->type_flags & HS_TYPE_HEAP)
    t = t->base;
  return t;
}

gboolean
hs_reduce_overrides (const HsType *t, const char *name)
{
  HsObject *key = hs_str_intern_cstr (name);
  HsObject *own = hs_type_lookup_borrow (t, key);
  return own != NULL && own != hs_type_lookup_borrow (&hs_object_type, key);
}

/* NotImplementedError when a built-in part of x's class takes itself apart in CPython in a
 * way Heapscope's does not (range.__reduce__); 0 when object's answer is CPython's. */
static int
refuse_unknown (HsVM *vm, HsObject *x)
{
  static const char *const names[]
      = { "__reduce__", "__reduce_ex__", "__getnewargs__", "__getnewargs_ex__", "__getstate__" };
  for (const HsType *t = builtin_part (x->type); t != &hs_object_type; t = t->base)
    {
      if (hs_cpython_dict_names (t) == NULL)
        {
          hs_err_format (vm, &hs_exc_NotImplementedError,
                         "pickling a '%s' object is not supported by Heapscope yet",
                         hs_type_name (x));
          return -1;
        }
      for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
        if (!hs_cpython_dict_lacks (t, names[i])
            && hs_dict_get_item_cstr_borrow (vm, t->dict, names[i]) == NULL)
          {
            hs_err_format (vm, &hs_exc_NotImplementedError,
                           "%s.%s() is not supported by Heapscope yet", t->name, names[i]);
            return -1;
          }
    }
  return 0;
}

/* copyreg.name (new reference), importing copyreg as CPython's typeobject.c does. */
static HsObject *
copyreg_attr (HsVM *vm, const char *name)
{
  HsObject *module = hs_import_module (vm, "copyreg"), *r;
  if (module == NULL)
    return NULL;
  r = hs_object_getattr_cstr (vm, module, name);
  hs_decref (vm, module);
  return r;
}

HsObject *
hs_reduce_slotnames (HsVM *vm, HsObject *cls)
{
  HsObject *name = hs_str_intern_cstr ("__slotnames__");
  HsObject *list;

  if (!hs_class_check (cls))
    return hs_list_new (vm, 0);
  list = hs_dict_get_item_borrow (vm, hs_class_dict_borrow (cls), name);
  if (list != NULL)
    return hs_incref (list);
  if ((list = hs_class_slotnames (vm, cls)) != NULL && hs_object_setattr (vm, cls, name, list) < 0)
    HS_CLEAR (vm, list);
  return list;
}

HsObject *
hs_reduce_instance_state (HsVM *vm, HsObject *x, HsObject *names)
{
  HsObject *state = hs_None, *slots = NULL, *value;
  gsize pos = 0;

  if (hs_instance_check (x) && hs_instance_next_attr (x, &pos, NULL, NULL)
      && (state = hs_instance_dict (vm, x)) == NULL)
    return NULL;
  if (names == NULL || hs_list_len (names) == 0)
    return state;
  if ((slots = hs_dict_new (vm)) == NULL)
    goto fail;
  for (gsize i = 0; i < hs_list_len (names); i++)
    {
      value = hs_object_getattr (vm, x, hs_list_get_borrow (names, i));
      if (value == NULL && hs_err_matches (vm, &hs_exc_AttributeError))
        {
          hs_err_clear (vm);
          continue;
        }
      if (value == NULL || hs_dict_set_item (vm, slots, hs_list_get_borrow (names, i), value) < 0)
        {
          hs_xdecref (vm, value);
          goto fail;
        }
      hs_decref (vm, value);
    }
  if (hs_dict_len (slots) > 0)
    {
      HsObject *pair = hs_tuple_pack (vm, 2, state, slots);
      if (pair == NULL)
        goto fail;
      hs_decref (vm, state);
      state = pair;
    }
  hs_decref (vm, slots);
  return state;
fail:
  hs_xdecref (vm, slots);
  hs_decref (vm, state);
  return NULL;
}

/* CPython's object_getstate_default: the instance's __dict__ (None when empty) with its set
 * slots; `required` (no __getnewargs__, not a list or dict) refuses an object whose layout
 * holds more than object's, as CPython's "cannot pickle 'function' object". */
static HsObject *
getstate_default (HsVM *vm, HsObject *x, gboolean required)
{
  const HsType *base = builtin_part (x->type);
  HsObject *names, *state;

  if (required && base != &hs_object_type && base != &hs_none_type && base != &hs_ellipsis_type
      && base != &hs_notimplemented_type)
    {
      hs_err_format (vm, &hs_exc_TypeError, "cannot pickle '%s' object", hs_type_name (x));
      return NULL;
    }
  if ((names = hs_reduce_slotnames (vm, (HsObject *)x->type)) == NULL)
    return NULL;
  state = hs_reduce_instance_state (vm, x, names);
  hs_decref (vm, names);
  return state;
}

HsObject *
hs_reduce_getstate (HsVM *vm, HsObject *x, gboolean required)
{
  if (!hs_reduce_overrides (x->type, "__getstate__"))
    return getstate_default (vm, x, required);
  return hs_object_call_method (vm, x, "__getstate__", NULL, 0, NULL);
}

/* x.__getnewargs__() when its class has one (a new tuple), NULL with no error when not. */
static HsObject *
getnewargs (HsVM *vm, HsObject *x)
{
  HsObject *args;
  if (hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("__getnewargs_ex__")) != NULL)
    {
      hs_err_set_string (vm, &hs_exc_NotImplementedError,
                         "__getnewargs_ex__ is not supported by Heapscope yet");
      return NULL;
    }
  if (hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("__getnewargs__")) == NULL)
    return NULL;
  args = hs_object_call_method (vm, x, "__getnewargs__", NULL, 0, NULL);
  if (args != NULL && !hs_tuple_check (args))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                     hs_type_name (args));
      HS_CLEAR (vm, args);
    }
  return args;
}

/* CPython's reduce_newobj (protocol 2 and up): (copyreg.__newobj__, (cls, *args), state,
 * iter(x) for a list, iter(x.items()) for a dict). */
static HsObject *
reduce_newobj (HsVM *vm, HsObject *x)
{
  HsObject *args = getnewargs (vm, x), *newobj = NULL, *newargs = NULL, *state = NULL;
  HsObject *items = NULL, *view = NULL, *pairs = NULL, *rv = NULL;
  gboolean is_list = hs_list_check (x), is_dict = hs_dict_check (x);

  if (args == NULL && hs_err_occurred (vm))
    return NULL;
  if ((newobj = copyreg_attr (vm, "__newobj__")) == NULL
      || (newargs = hs_tuple_new (vm, 1 + (args != NULL ? hs_tuple_len (args) : 0))) == NULL)
    goto out;
  hs_tuple_set_take (newargs, 0, hs_incref ((HsObject *)x->type));
  for (gsize i = 0; args != NULL && i < hs_tuple_len (args); i++)
    hs_tuple_set_take (newargs, i + 1, hs_incref (hs_tuple_get_borrow (args, i)));
  if ((state = hs_reduce_getstate (vm, x, args == NULL && !is_list && !is_dict)) == NULL)
    goto out;
  if (is_list && (items = hs_object_iter (vm, x)) == NULL)
    goto out;
  if (is_dict
      && ((view = hs_object_call_method (vm, x, "items", NULL, 0, NULL)) == NULL
          || (pairs = hs_object_iter (vm, view)) == NULL))
    goto out;
  rv = hs_tuple_pack (vm, 5, newobj, newargs, state, items != NULL ? items : hs_None,
                      pairs != NULL ? pairs : hs_None);
out:
  hs_xdecref (vm, args);
  hs_xdecref (vm, newobj);
  hs_xdecref (vm, newargs);
  hs_xdecref (vm, state);
  hs_xdecref (vm, items);
  hs_xdecref (vm, view);
  hs_xdecref (vm, pairs);
  return rv;
}

/* copyreg._reduce_ex (protocols 0 and 1): (copyreg._reconstructor, (cls, base, state)[,
 * the instance's state]). */
static HsObject *
reduce_copyreg (HsVM *vm, HsObject *x)
{
  HsObject *cls = (HsObject *)x->type, *base = (HsObject *)builtin_part (x->type);
  HsObject *bstate = NULL, *args = NULL, *fn = NULL, *state = NULL, *rv = NULL, *slots;
  int truth;

  if (base == (HsObject *)&hs_object_type)
    bstate = hs_incref (hs_None);
  else if (base == cls)
    {
      hs_err_format (vm, &hs_exc_TypeError, "cannot pickle '%s' object", hs_type_name (x));
      return NULL;
    }
  else if ((bstate = hs_object_call (vm, base, &x, 1, NULL)) == NULL)
    return NULL;
  if ((args = hs_tuple_pack (vm, 3, cls, base, bstate)) == NULL)
    goto out;
  if (!hs_reduce_overrides (x->type, "__getstate__"))
    {
      slots = hs_object_getattr_cstr (vm, x, "__slots__");
      truth = slots != NULL ? hs_object_truth (vm, slots) : 0;
      hs_xdecref (vm, slots);
      if (slots == NULL && hs_err_matches (vm, &hs_exc_AttributeError))
        hs_err_clear (vm);
      else if (truth != 0)
        {
          if (truth > 0)
            hs_err_set_string (vm, &hs_exc_TypeError,
                               "a class that defines __slots__ without defining __getstate__ "
                               "cannot be pickled");
          goto out;
        }
    }
  if ((state = hs_object_call_method (vm, x, "__getstate__", NULL, 0, NULL)) == NULL
      || (truth = hs_object_truth (vm, state)) < 0
      || (fn = copyreg_attr (vm, "_reconstructor")) == NULL)
    goto out;
  rv = truth ? hs_tuple_pack (vm, 3, fn, args, state) : hs_tuple_pack (vm, 2, fn, args);
out:
  hs_xdecref (vm, bstate);
  hs_xdecref (vm, args);
  hs_xdecref (vm, fn);
  hs_xdecref (vm, state);
  return rv;
}

HsObject *
hs_reduce_ex (HsVM *vm, HsObject *x, int proto)
{
  if (hs_reduce_overrides (x->type, "__reduce__"))
    return hs_object_call_method (vm, x, "__reduce__", NULL, 0, NULL);
  if (refuse_unknown (vm, x) < 0)
    return NULL;
  return proto >= 2 ? reduce_newobj (vm, x) : reduce_copyreg (vm, x);
}

/* ---- object's methods ------------------------------------------------------------------ */

static HsObject *
object_reduce_ex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int proto = 0;
  HsObject *p = NULL;
  /* CPython names the method by the class it was called on: "Point.__reduce_ex__()" */
  g_autofree char *what = g_strdup_printf ("%s.__reduce_ex__", hs_type_qualname (args[0]->type));
  if (!hs_parse_args (vm, what, args + 1, nargs - 1, kwnames, "!protocol /", &p)
      || !hs_int_arg_c_int (vm, p, &proto))
    return NULL;
  return hs_reduce_ex (vm, args[0], proto);
}

static HsObject *
object_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "object.__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (refuse_unknown (vm, args[0]) < 0)
    return NULL;
  return reduce_copyreg (vm, args[0]);
}

static HsObject *
object_getstate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "object.__getstate__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (refuse_unknown (vm, args[0]) < 0)
    return NULL;
  return getstate_default (vm, args[0], FALSE);
}

/* The bytes CPython's sys.getsizeof counts that __sizeof__ does not: the GC header of a
 * container, and the two pointers before an instance whose class gives it a __dict__. */
static gsize
gc_extra (HsObject *x)
{
  const HsType *t = x->type;
  if (t->type_flags & HS_TYPE_HEAP)
    return 16 + (HS_CLASS (t)->has_dict ? 16 : 0);
  if (t == &hs_list_type || t == &hs_tuple_type || t == &hs_dict_type || t == &hs_set_type
      || t == &hs_frozenset_type || t == &hs_cfunction_type || t == &hs_module_type)
    return 16;
  return 0;
}

/* object.__sizeof__() and the built-ins' own (list.__sizeof__): what sys.getsizeof counts
 * without the GC header; refused where Heapscope does not lay the object out as CPython. */
static HsObject *
object_sizeof (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize size;
  if (!hs_parse_args (vm, "__sizeof__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((size = hs_sys_getsizeof (args[0])) == 0)
    {
      hs_err_format (vm, &hs_exc_NotImplementedError,
                     "__sizeof__() of a '%s' object is not supported by Heapscope yet",
                     hs_type_name (args[0]));
      return NULL;
    }
  return hs_int_from_u64 (vm, size - gc_extra (args[0]));
}

/* object.__sizeof__ itself, called on an object whose built-in type has its own (CPython's
 * object.__sizeof__([1, 2]) is list's header alone): refused. */
static HsObject *
object_sizeof_base (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  for (const HsType *t = builtin_part (args[0]->type); t != &hs_object_type; t = t->base)
    if (!hs_cpython_dict_lacks (t, "__sizeof__"))
      {
        hs_err_format (vm, &hs_exc_NotImplementedError,
                       "object.__sizeof__() of a '%s' object is not supported by Heapscope yet",
                       hs_type_name (args[0]));
        return NULL;
      }
  return object_sizeof (vm, args, nargs, kwnames);
}

const HsMethodDef hs_reduce_object_methods[] = {
  { "__reduce_ex__", object_reduce_ex },
  { "__reduce__", object_reduce },
  { "__getstate__", object_getstate },
  { "__sizeof__", object_sizeof_base },
  { NULL, NULL },
};

static const HsMethodDef sizeof_def = { "__sizeof__", object_sizeof };

void
hs_reduce_runtime_init (void)
{
  /* the built-ins whose CPython type has its own __sizeof__ (list's counts its items) */
  static HsType *const own_sizeof[] = { &hs_int_type,  &hs_str_type, &hs_list_type,
                                        &hs_dict_type, &hs_set_type, &hs_frozenset_type };
  HsObject *name = hs_str_intern_cstr ("__sizeof__");
  for (const HsMethodDef *m = hs_reduce_object_methods; m->name != NULL; m++)
    hs_dict_set_item (NULL, hs_object_type.dict, hs_str_intern_cstr (m->name),
                      hs_method_descr_new (m, &hs_object_type));
  for (gsize i = 0; i < G_N_ELEMENTS (own_sizeof); i++)
    if (!hs_cpython_dict_lacks (own_sizeof[i], "__sizeof__"))
      hs_dict_set_item (NULL, own_sizeof[i]->dict, name,
                        hs_method_descr_new (&sizeof_def, own_sizeof[i]));
}
