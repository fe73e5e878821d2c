/* hs-builtin-subclass.c — see hs-builtin-subclass.h. The built-ins' __new__ (one function
 * per type, all going through builtin_new), the allocation of an instance with room for
 * its attributes, and the copy of an immutable value into one. */
#include "config.h"

#include "hs-builtin-subclass.h"

#include <gmp.h>
#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-datetime.h"
#include "hs-deque.h"
#include "hs-dict.h"
#include "hs-dictkinds.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-namedtuple.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-slot-wrapper.h"
#include "hs-str.h"
#include "hs-tuple.h"

#define ALIGN8(n) (((n) + 7) & ~(gsize)7)

static HsType *const allowed[] = {
  &hs_list_type,        &hs_dict_type,        &hs_set_type,    &hs_frozenset_type, &hs_tuple_type,
  &hs_str_type,         &hs_int_type,         &hs_float_type,  &hs_deque_type,     &hs_counter_type,
  &hs_defaultdict_type, &hs_ordereddict_type, &hs_module_type, &hs_timedelta_type, &hs_date_type,
  &hs_datetime_type,    &hs_time_type,
};

/* collections' deque and dicts: their constructor makes an object of the class it is
 * given (its size the class's), which their __init__ then fills. */
static gboolean
made_by_constructor (const HsType *base)
{
  return base == &hs_deque_type
         || (base != &hs_dict_type && hs_type_is_subtype (base, &hs_dict_type));
}

gboolean
hs_builtin_subclass_allowed (const HsType *t)
{
  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (allowed[i] == t)
      return TRUE;
  return hs_namedtuple_is_base (t);
}

gboolean
hs_builtin_subclass_varsize (const HsType *t)
{
  return t == &hs_str_type || t == &hs_tuple_type || t == &hs_module_type
         || hs_namedtuple_is_base (t);
}

HsType *
hs_builtin_subclass_base (const HsType *type)
{
  if (!(type->type_flags & HS_TYPE_HEAP))
    return NULL;
  HsType *sb = HS_CLASS (type)->static_base;
  /* a class of object's: every instance a class call makes asks (the list walked is long) */
  return sb != NULL && sb != &hs_object_type && hs_builtin_subclass_allowed (sb) ? sb : NULL;
}

char *
hs_builtin_subclass_value_repr (HsVM *vm, HsObject *o)
{
  HsObject *r = HS_CLASS (o->type)->static_base->repr (vm, o);
  char *text = r != NULL ? g_strdup (hs_str_utf8 (r)) : NULL;
  if (r == NULL)
    hs_err_clear (vm);
  hs_xdecref (vm, r);
  return text;
}

HsObject *
hs_builtin_subclass_state (HsVM *vm, HsObject *o)
{
  gsize pos = 0;
  if (!(o->type->type_flags & HS_TYPE_HEAP) || !hs_instance_next_attr (o, &pos, NULL, NULL))
    return hs_incref (hs_None);
  return hs_instance_dict (vm, o);
}

/* An instance of `type` whose built-in part takes `size` bytes (zeroed), its attributes
 * after it; not yet tracked. */
static HsObject *
alloc_instance (HsVM *vm, HsType *type, gsize size)
{
  HsType *base = HS_CLASS (type)->static_base;
  HsObject *o = hs_object_alloc (
      vm, type,
      hs_builtin_subclass_varsize (base) ? ALIGN8 (size) + sizeof (HsAttrs) : type->basicsize);
  if (o != NULL)
    hs_incref ((HsObject *)type);
  return o;
}

static HsObject *
tracked (HsVM *vm, HsObject *o)
{
  if (o != NULL)
    hs_gc_track (vm, o);
  return o;
}

HsObject *
hs_builtin_subclass_new_empty (HsVM *vm, HsType *type)
{
  HsType *base = HS_CLASS (type)->static_base;
  HsObject *o;

  if (base == &hs_set_type || base == &hs_frozenset_type)
    {
      o = hs_set_new_type (vm, type);
      if (o != NULL)
        hs_incref ((HsObject *)type);
      return o;
    }
  if (base == &hs_module_type)
    return hs_module_new_empty (vm, type);
  if (made_by_constructor (base))
    {
      o = base->construct (vm, type, NULL, 0, NULL);
      if (o != NULL)
        hs_incref ((HsObject *)type);
      return o;
    }
  o = alloc_instance (vm, type, base == &hs_str_type ? sizeof (HsStr) + 1 : base->basicsize);
  if (o == NULL)
    return NULL;
  if (base == &hs_str_type)
    {
      HS_STR (o)->hash = -1;
      HS_STR (o)->ascii = TRUE;
    }
  return tracked (vm, o);
}

static HsObject *
copy_tuple (HsVM *vm, HsType *type, HsObject *v)
{
  gsize n = hs_tuple_len (v);
  HsObject *o = alloc_instance (vm, type, sizeof (HsTuple) + n * sizeof (HsObject *));
  if (o == NULL)
    return NULL;
  HS_TUPLE (o)->len = n;
  for (gsize i = 0; i < n; i++)
    HS_TUPLE (o)->items[i] = hs_incref (hs_tuple_get_borrow (v, i));
  return tracked (vm, o);
}

static HsObject *
copy_str (HsVM *vm, HsType *type, HsObject *v)
{
  HsStr *s = HS_STR (v);
  HsObject *o = alloc_instance (vm, type, sizeof (HsStr) + s->byte_len + 1);
  if (o == NULL)
    return NULL;
  HS_STR (o)->byte_len = s->byte_len;
  HS_STR (o)->char_len = s->char_len;
  HS_STR (o)->ascii = s->ascii;
  HS_STR (o)->hash = -1;
  memcpy (HS_STR (o)->data, s->data, s->byte_len + 1);
  return tracked (vm, o);
}

static HsObject *
copy_int (HsVM *vm, HsType *type, HsObject *v)
{
  HsObject *o = alloc_instance (vm, type, sizeof (HsInt));
  if (o == NULL)
    return NULL;
  ((HsInt *)o)->small = ((HsInt *)v)->small;
  if (((HsInt *)v)->big != NULL)
    {
      mpz_ptr z = g_new (__mpz_struct, 1);
      mpz_init_set (z, ((HsInt *)v)->big);
      ((HsInt *)o)->big = z;
    }
  return tracked (vm, o);
}

HsObject *
hs_builtin_subclass_from_value (HsVM *vm, HsType *type, HsObject *v)
{
  HsType *base = HS_CLASS (type)->static_base;
  HsObject *o;

  if (base == &hs_tuple_type || hs_namedtuple_is_base (base))
    return copy_tuple (vm, type, v);
  if (base == &hs_str_type)
    return copy_str (vm, type, v);
  if (base == &hs_int_type)
    return copy_int (vm, type, v);
  if (base == &hs_timedelta_type || base == &hs_date_type || base == &hs_datetime_type
      || base == &hs_time_type)
    return hs_datetime_retype (vm, type, v);
  if (base == &hs_float_type)
    {
      o = alloc_instance (vm, type, sizeof (HsFloat));
      if (o != NULL)
        ((HsFloat *)o)->value = hs_float_value (v);
      return tracked (vm, o);
    }
  o = hs_builtin_subclass_new_empty (vm, type); /* frozenset */
  if (o != NULL && hs_set_update (vm, o, v) < 0)
    HS_CLEAR (vm, o);
  return o;
}

/* `base.__new__(cls, ...)`: list, dict, set and deque make an empty object (their
 * __init__ fills it, the arguments are its); the immutable ones compute the value as
 * `base(...)` does and give it to an instance of cls. */
static HsObject *
builtin_new (HsVM *vm, HsType *base, HsObject **args, gsize nargs, HsObject *kwnames)
{
  const char *bname = hs_type_tp_name (base);
  HsType *type = hs_class_new_target (vm, bname, args, nargs);
  if (type == NULL)
    return NULL;
  if (!hs_type_is_subtype (type, base))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", bname,
                     hs_type_tp_name (type), hs_type_tp_name (type), bname);
      return NULL;
    }
  /* CPython's tp_new_wrapper: the nearest class whose __new__ is not written in Python
   * must make its objects with this __new__ */
  HsType *safe = type;
  while ((safe->type_flags & HS_TYPE_HEAP)
         && hs_dict_get_item_borrow (vm, safe->dict, hs_str_intern_cstr ("__new__")) != NULL)
    safe = safe->base;
  if (hs_type_lookup_borrow (safe, hs_str_intern_cstr ("__new__"))
      != hs_type_lookup_borrow (base, hs_str_intern_cstr ("__new__")))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", bname,
                     hs_type_tp_name (type), hs_type_tp_name (safe));
      return NULL;
    }
  if (base == &hs_module_type)
    return hs_module_new_empty (vm, type);
  if (base == &hs_list_type || base == &hs_dict_type || base == &hs_set_type
      || base == &hs_deque_type)
    return type == base ? base->construct (vm, base, NULL, 0, NULL)
                        : hs_builtin_subclass_new_empty (vm, type);
  HsObject *v = base->construct (vm, base, args + 1, nargs - 1, kwnames);
  if (v == NULL || type == base)
    return v;
  HsObject *o = hs_builtin_subclass_from_value (vm, type, v);
  hs_decref (vm, v);
  return o;
}

#define NEW_FN(T)                                                                                  \
  static HsObject *new_##T (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)             \
  {                                                                                                \
    return builtin_new (vm, &hs_##T##_type, args, nargs, kwnames);                                 \
  }
NEW_FN (list)
NEW_FN (dict)
NEW_FN (set)
NEW_FN (frozenset)
NEW_FN (tuple)
NEW_FN (str)
NEW_FN (int)
NEW_FN (float)
NEW_FN (deque)
NEW_FN (module)
NEW_FN (timedelta)
NEW_FN (date)
NEW_FN (datetime)
NEW_FN (time)

/* One per type of `allowed`; the dicts of collections have dict's (fn NULL). */
static const HsMethodDef new_defs[] = {
  { "__new__", new_list },
  { "__new__", new_dict },
  { "__new__", new_set },
  { "__new__", new_frozenset },
  { "__new__", new_tuple },
  { "__new__", new_str },
  { "__new__", new_int },
  { "__new__", new_float },
  { "__new__", new_deque },
  { NULL, NULL },
  { NULL, NULL },
  { NULL, NULL },
  { "__new__", new_module },
  { "__new__", new_timedelta },
  { "__new__", new_date },
  { "__new__", new_datetime },
  { "__new__", new_time },
};

void
hs_builtin_subclass_runtime_init (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (new_defs) == G_N_ELEMENTS (allowed));
  HsObject *new_name = hs_str_intern_cstr ("__new__");
  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      HsType *t = allowed[i];
      hs_type_ready (t);
      t->type_flags |= HS_TYPE_BASETYPE;
      if (new_defs[i].fn != NULL)
        hs_dict_set_item (NULL, t->dict, new_name, hs_cfunction_new (NULL, &new_defs[i], NULL));
      hs_slot_wrapper_install (t, t == &hs_int_type || t == &hs_float_type
                                      || t == &hs_timedelta_type || t == &hs_date_type
                                      || t == &hs_datetime_type);
    }
}
