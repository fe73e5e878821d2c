/* hs-mod-collections-abc.c — the `collections.abc` module: the ABCs of the containers.
 *
 * Invariant: each is a class ABCMeta makes (hs-mod-abc.c) for each VM's module, with the
 * bases, abstract methods and mixin methods of CPython 3.11's _collections_abc.py, so a
 * learner's `class Deck(Sequence)` is an ordinary ABC subclass: refused with CPython's
 * TypeError while a method stays abstract, given index/count/__iter__/... once it has them.
 * The one-method ABCs (Iterable, Sized, Hashable, ...) answer isinstance() by their
 * __subclasshook__, which looks for the methods in the class's MRO as CPython's
 * _check_methods does (a built-in type's slots counting as its methods); the built-in
 * containers are registered as CPython registers them. The mixins are built-in functions
 * that go through the object's own protocol (`self[i]`, `len(self)`, `self.insert(...)`),
 * so a class's own methods are what they call; what CPython's generators yield lazily they
 * gather first (a Sequence's __reversed__, the views' __iter__, the Set operators).
 */
#include "config.h"

#include <string.h>

#include "hs-abc.h"
#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-chainmap.h"
#include "hs-class.h"
#include "hs-cpython-names.h"
#include "hs-deque.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-generator.h"
#include "hs-genericalias.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-mappingproxy.h"
#include "hs-mappingview.h"
#include "hs-module.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-usercoll.h"

#define MODULE "collections.abc"

/* ---- helpers ------------------------------------------------------------------------------ */

/* collections.abc.<name> of this VM (new reference) */
static HsObject *
abc_class (HsVM *vm, const char *name)
{
  return hs_import_attr (vm, MODULE, name);
}

/* isinstance(o, collections.abc.<name>): 1, 0, -1 */
static int
is_a (HsVM *vm, HsObject *o, const char *name)
{
  HsObject *cls = abc_class (vm, name);
  HsObject *r
      = cls != NULL ? hs_object_call_method (vm, cls, "__instancecheck__", &o, 1, NULL) : NULL;
  int t = r != NULL ? hs_object_truth (vm, r) : -1;
  hs_xdecref (vm, cls);
  hs_xdecref (vm, r);
  return t;
}

/* self.<name>(args...) whose result is dropped: 0 or -1 */
static int
call_void (HsVM *vm, HsObject *self, const char *name, HsObject **args, gsize nargs)
{
  HsObject *r = hs_object_call_method (vm, self, name, args, nargs, NULL);
  hs_xdecref (vm, r);
  return r != NULL ? 0 : -1;
}

/* The error the abstract methods raise (their bodies in CPython) */
static HsObject *
raise_bare (HsVM *vm, HsType *type)
{
  hs_err_set_value (vm, type, NULL);
  return NULL;
}

static HsObject *
empty_iter (HsVM *vm)
{
  HsObject *t = hs_tuple_new (vm, 0);
  HsObject *it = t != NULL ? hs_object_iter (vm, t) : NULL;
  hs_xdecref (vm, t);
  return it;
}

#define ARGS0(fname)                                                                               \
  HsObject *self = NULL;                                                                           \
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self", &self))                            \
  return NULL
#define ARGS1(fname, p)                                                                            \
  HsObject *self = NULL, *p = NULL;                                                                \
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self " #p, &self, &p))                    \
  return NULL

/* ---- the abstract methods: what CPython's bodies do when called through super() --------- */

static HsObject *
abs_zero (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_int_from_i64 (vm, 0);
}

static HsObject *
abs_false (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_bool_from (FALSE);
}

static HsObject *
abs_empty_iter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return empty_iter (vm);
}

static HsObject *
abs_none (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_incref (hs_None);
}

static HsObject *
abs_stop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return raise_bare (vm, &hs_exc_StopIteration);
}

static HsObject *
abs_key_error (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return raise_bare (vm, &hs_exc_KeyError);
}

static HsObject *
abs_index_error (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return raise_bare (vm, &hs_exc_IndexError);
}

static HsObject *
abs_not_implemented (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return raise_bare (vm, &hs_exc_NotImplementedError);
}

/* Generator.throw(self, typ, val=None, tb=None) and Coroutine's: raise what was given */
static HsObject *
abs_throw (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *typ = NULL, *val = hs_None, *tb = hs_None;
  if (!hs_parse_args (vm, "throw", args, nargs, kwnames, "@self typ|val tb", &self, &typ, &val,
                      &tb))
    return NULL;
  HsObject *exc = val == hs_None && hs_type_check (typ) ? hs_object_call (vm, typ, NULL, 0, NULL)
                  : val == hs_None                      ? hs_incref (typ)
                                                        : hs_incref (val);
  if (exc == NULL)
    return NULL;
  if (hs_exception_check (exc))
    hs_err_set_object (vm, exc);
  else
    hs_err_set_string (vm, &hs_exc_TypeError, "exceptions must derive from BaseException");
  hs_decref (vm, exc);
  return NULL;
}

/* ---- the one-method ABCs: __subclasshook__ ------------------------------------------------ */

/* Whether a built-in type fills the slot CPython's dunder `name` stands for */
static gboolean
has_slot (const HsType *t, const char *name)
{
  if (strcmp (name, "__iter__") == 0)
    return t->iter != NULL;
  if (strcmp (name, "__next__") == 0)
    return t->iternext != NULL;
  if (strcmp (name, "__len__") == 0)
    return t->len != NULL;
  if (strcmp (name, "__contains__") == 0)
    return t->contains != NULL;
  if (strcmp (name, "__call__") == 0)
    return t->call != NULL || t == &hs_type_type;
  if (strcmp (name, "__hash__") == 0)
    return t->hash != NULL;
  /* what CPython's dict of the type has (dict_keys.__reversed__) */
  return hs_cpython_dict_names (t) != NULL && !hs_cpython_dict_lacks (t, name);
}

/* CPython's _check_methods(C, *methods): TRUE when each is found in C's MRO and not None */
static HsObject *
check_methods (HsObject *c, const char *methods)
{
  g_auto (GStrv) names = g_strsplit (methods, " ", -1);
  for (char **n = names; *n != NULL; n++)
    {
      HsObject *key = hs_str_intern_cstr (*n), *v = NULL;
      const HsType *b;
      gboolean found = FALSE;
      for (gsize i = 0; !found && (b = hs_type_mro_at ((HsType *)c, i)) != NULL; i++)
        {
          v = b->dict != NULL ? hs_dict_get_item_borrow (NULL, b->dict, key) : NULL;
          if (v != NULL)
            found = TRUE;
          else if (!(b->type_flags & HS_TYPE_HEAP) && has_slot (b, *n))
            {
              found = TRUE;
              if (strcmp (*n, "__hash__") == 0 && b->hash == hs_object_hash_not_implemented)
                v = hs_None;
            }
        }
      if (!found || v == hs_None)
        return hs_incref (hs_NotImplemented);
    }
  return hs_bool_from (TRUE);
}

static HsObject *
subclass_hook (HsVM *vm, const char *abc, const char *methods, HsObject **args, gsize nargs,
               HsObject *kwnames)
{
  HsObject *cls = NULL, *c = NULL;
  if (!hs_parse_args (vm, "__subclasshook__", args, nargs, kwnames, "@cls C", &cls, &c))
    return NULL;
  const HsType *t = (const HsType *)cls;
  if (!hs_type_check (c) || t->module == NULL || strcmp (t->module, MODULE) != 0
      || strcmp (t->name, abc) != 0)
    return hs_incref (hs_NotImplemented);
  return check_methods (c, methods);
}

#define HOOK(fn, abc, methods)                                                                     \
  static HsObject *fn (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)                  \
  {                                                                                                \
    return subclass_hook (vm, abc, methods, args, nargs, kwnames);                                 \
  }

HOOK (hook_hashable, "Hashable", "__hash__")
HOOK (hook_awaitable, "Awaitable", "__await__")
HOOK (hook_coroutine, "Coroutine", "__await__ send throw close")
HOOK (hook_async_iterable, "AsyncIterable", "__aiter__")
HOOK (hook_async_iterator, "AsyncIterator", "__anext__ __aiter__")
HOOK (hook_async_generator, "AsyncGenerator", "__aiter__ __anext__ asend athrow aclose")
HOOK (hook_iterable, "Iterable", "__iter__")
HOOK (hook_iterator, "Iterator", "__iter__ __next__")
HOOK (hook_reversible, "Reversible", "__reversed__ __iter__")
HOOK (hook_generator, "Generator", "__iter__ __next__ send throw close")
HOOK (hook_sized, "Sized", "__len__")
HOOK (hook_container, "Container", "__contains__")
HOOK (hook_collection, "Collection", "__len__ __iter__ __contains__")
HOOK (hook_callable, "Callable", "__call__")

/* ---- Iterator, Generator, Coroutine ------------------------------------------------------- */

static HsObject *
iterator_iter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("Iterator.__iter__");
  return hs_incref (self);
}

/* Generator.__next__: self.send(None) */
static HsObject *
generator_next (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("Generator.__next__");
  HsObject *none = hs_None;
  return hs_object_call_method (vm, self, "send", &none, 1, NULL);
}

/* close(): throw GeneratorExit in; it must come back out (or StopIteration) */
static HsObject *
close_with (HsVM *vm, HsObject *self, const char *what)
{
  HsObject *exit = (HsObject *)&hs_exc_GeneratorExit;
  HsObject *r = hs_object_call_method (vm, self, "throw", &exit, 1, NULL);
  if (r == NULL)
    {
      if (!hs_err_matches (vm, &hs_exc_GeneratorExit)
          && !hs_err_matches (vm, &hs_exc_StopIteration))
        return NULL;
      hs_err_clear (vm);
      return hs_incref (hs_None);
    }
  hs_decref (vm, r);
  hs_err_format (vm, &hs_exc_RuntimeError, "%s ignored GeneratorExit", what);
  return NULL;
}

static HsObject *
generator_close (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("Generator.close");
  return close_with (vm, self, "generator");
}

static HsObject *
coroutine_close (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("Coroutine.close");
  return close_with (vm, self, "coroutine");
}

/* ---- Mapping and MutableMapping ------------------------------------------------------------ */

/* self[key], or NULL with no error when it raises KeyError */
static HsObject *
get_or_missing (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *v = hs_object_getitem (vm, self, key);
  if (v == NULL && hs_err_matches (vm, &hs_exc_KeyError))
    hs_err_clear (vm);
  return v;
}

static HsObject *
mapping_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *key = NULL, *dflt = hs_None;
  if (!hs_parse_args (vm, "Mapping.get", args, nargs, kwnames, "@self key|default", &self, &key,
                      &dflt))
    return NULL;
  HsObject *v = get_or_missing (vm, self, key);
  return v != NULL || hs_err_occurred (vm) ? v : hs_incref (dflt);
}

static HsObject *
mapping_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("Mapping.__contains__", key);
  HsObject *v = get_or_missing (vm, self, key);
  hs_xdecref (vm, v);
  return hs_err_occurred (vm) ? NULL : hs_bool_from (v != NULL);
}

/* KeysView(self), ItemsView(self), ValuesView(self) */
static HsObject *
make_view (HsVM *vm, const char *view, HsObject *mapping)
{
  HsObject *cls = abc_class (vm, view);
  HsObject *r = cls != NULL ? hs_object_call (vm, cls, &mapping, 1, NULL) : NULL;
  hs_xdecref (vm, cls);
  return r;
}

static HsObject *
mapping_keys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("Mapping.keys");
  return make_view (vm, "KeysView", self);
}

static HsObject *
mapping_items (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("Mapping.items");
  return make_view (vm, "ItemsView", self);
}

static HsObject *
mapping_values (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("Mapping.values");
  return make_view (vm, "ValuesView", self);
}

/* dict(m.items()) */
static HsObject *
dict_of_items (HsVM *vm, HsObject *m)
{
  HsObject *items = hs_object_call_method (vm, m, "items", NULL, 0, NULL);
  HsObject *d
      = items != NULL ? hs_object_call (vm, (HsObject *)&hs_dict_type, &items, 1, NULL) : NULL;
  hs_xdecref (vm, items);
  return d;
}

/* Mapping.__eq__: dict(self.items()) == dict(other.items()) for another Mapping */
static HsObject *
mapping_eq (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("Mapping.__eq__", other);
  int t = is_a (vm, other, "Mapping");
  if (t <= 0)
    return t < 0 ? NULL : hs_incref (hs_NotImplemented);
  HsObject *a = dict_of_items (vm, self), *b = a != NULL ? dict_of_items (vm, other) : NULL;
  HsObject *r = b != NULL ? hs_object_richcompare (vm, a, b, HS_CMP_EQ) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return r;
}

static HsObject *marker; /* MutableMapping's __marker: pop() was given no default */

static HsObject *
mutmap_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *key = NULL, *dflt = marker;
  if (!hs_parse_args (vm, "MutableMapping.pop", args, nargs, kwnames, "@self key|default", &self,
                      &key, &dflt))
    return NULL;
  HsObject *v = dflt == marker ? hs_object_getitem (vm, self, key) : get_or_missing (vm, self, key);
  if (v == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (dflt);
  if (hs_object_delitem (vm, self, key) < 0)
    HS_CLEAR (vm, v);
  return v;
}

static HsObject *
mutmap_popitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("MutableMapping.popitem");
  HsObject *it = hs_object_iter (vm, self);
  HsObject *key = it != NULL ? hs_iter_next (vm, it) : NULL;
  hs_xdecref (vm, it);
  if (key == NULL)
    {
      if (!hs_err_occurred (vm))
        hs_err_set_value (vm, &hs_exc_KeyError, NULL);
      return NULL;
    }
  HsObject *v = hs_object_getitem (vm, self, key), *r = NULL;
  if (v != NULL && hs_object_delitem (vm, self, key) == 0)
    r = hs_tuple_pack (vm, 2, key, v);
  hs_decref (vm, key);
  hs_xdecref (vm, v);
  return r;
}

static HsObject *
mutmap_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("MutableMapping.clear");
  while (call_void (vm, self, "popitem", NULL, 0) == 0)
    ;
  if (!hs_err_matches (vm, &hs_exc_KeyError))
    return NULL;
  hs_err_clear (vm);
  return hs_incref (hs_None);
}

static HsObject *
mutmap_update (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs < 1)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "MutableMapping.update() missing 1 required positional argument: 'self'");
      return NULL;
    }
  if (nargs > 2)
    {
      hs_err_format (
          vm, &hs_exc_TypeError,
          "MutableMapping.update() takes from 1 to 2 positional arguments but %" G_GSIZE_FORMAT
          " were given",
          nargs);
      return NULL;
    }
  return hs_usercoll_update_all (vm, args, nargs, kwnames) < 0 ? NULL : hs_incref (hs_None);
}

static HsObject *
mutmap_setdefault (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *key = NULL, *dflt = hs_None;
  if (!hs_parse_args (vm, "MutableMapping.setdefault", args, nargs, kwnames, "@self key|default",
                      &self, &key, &dflt))
    return NULL;
  HsObject *v = get_or_missing (vm, self, key);
  if (v != NULL || hs_err_occurred (vm))
    return v;
  return hs_object_setitem (vm, self, key, dflt) < 0 ? NULL : hs_incref (dflt);
}

/* ---- the views ------------------------------------------------------------------------------ */

static HsObject *
view_mapping (HsVM *vm, HsObject *self)
{
  return hs_object_getattr_cstr (vm, self, "_mapping");
}

static HsObject *
view_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MappingView.__init__", mapping);
  return hs_object_setattr (vm, self, hs_str_intern_cstr ("_mapping"), mapping) < 0
             ? NULL
             : hs_incref (hs_None);
}

static HsObject *
view_len (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("MappingView.__len__");
  HsObject *m = view_mapping (vm, self);
  gssize n = m != NULL ? hs_object_len (vm, m) : -1;
  hs_xdecref (vm, m);
  return n < 0 ? NULL : hs_int_from_i64 (vm, n);
}

static HsObject *
view_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("MappingView.__repr__");
  HsObject *m = view_mapping (vm, self), *inner = m != NULL ? hs_object_repr (vm, m) : NULL;
  HsObject *r = inner != NULL
                    ? hs_str_from_format (vm, "%s(%s)", hs_type_name (self), hs_str_utf8 (inner))
                    : NULL;
  hs_xdecref (vm, m);
  hs_xdecref (vm, inner);
  return r;
}

/* iter() of the mapping's keys, values or items, read through its own protocol */
static HsObject *
view_iter_kind (HsVM *vm, HsObject *self, HsMappingViewKind kind)
{
  HsObject *m = view_mapping (vm, self);
  HsObject *v = m != NULL ? hs_mapping_view_new (vm, m, kind) : NULL;
  HsObject *it = v != NULL ? hs_object_iter (vm, v) : NULL;
  hs_xdecref (vm, m);
  hs_xdecref (vm, v);
  return it;
}

/* KeysView.__iter__, ItemsView.__iter__, ValuesView.__iter__ */
static HsObject *
view_iter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname,
           HsMappingViewKind kind)
{
  ARGS0 (fname);
  return view_iter_kind (vm, self, kind);
}

HS_CFUNCTION_VARIANT (keys_iter, view_iter, "KeysView.__iter__", HS_MAPPING_VIEW_KEYS)
HS_CFUNCTION_VARIANT (items_iter, view_iter, "ItemsView.__iter__", HS_MAPPING_VIEW_ITEMS)
HS_CFUNCTION_VARIANT (values_iter, view_iter, "ValuesView.__iter__", HS_MAPPING_VIEW_VALUES)

static HsObject *
keys_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("KeysView.__contains__", key);
  HsObject *m = view_mapping (vm, self);
  int t = m != NULL ? hs_object_contains (vm, m, key) : -1;
  hs_xdecref (vm, m);
  return t < 0 ? NULL : hs_bool_from (t);
}

/* (key, value) in an ItemsView: the mapping has key, its value that value */
static HsObject *
items_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("ItemsView.__contains__", item);
  HsObject *kv[2] = { NULL, NULL };
  if (hs_unpack_sequence (vm, item, 2, kv) < 0)
    return NULL;
  HsObject *m = view_mapping (vm, self), *v = m != NULL ? get_or_missing (vm, m, kv[0]) : NULL;
  int t = v == NULL    ? (hs_err_occurred (vm) ? -1 : 0)
          : v == kv[1] ? 1
                       : hs_object_richcompare_bool (vm, v, kv[1], HS_CMP_EQ);
  hs_xdecref (vm, m);
  hs_xdecref (vm, v);
  hs_decref (vm, kv[0]);
  hs_decref (vm, kv[1]);
  return t < 0 ? NULL : hs_bool_from (t);
}

/* `value in` a ValuesView, or a Sequence: by iterating and comparing */
static HsObject *
iter_contains (HsVM *vm, HsObject *iterable, HsObject *value)
{
  int t = hs_object_iter_search (vm, iterable, value);
  return t < 0 ? NULL : hs_bool_from (t);
}

static HsObject *
values_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("ValuesView.__contains__", value);
  return iter_contains (vm, self, value);
}

/* KeysView._from_iterable and ItemsView's: set(it) */
static HsObject *
view_from_iterable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = NULL, *it = NULL;
  if (!hs_parse_args (vm, "_from_iterable", args, nargs, kwnames, "@cls it", &cls, &it))
    return NULL;
  return hs_set_from_iterable (vm, it);
}

/* ---- Sequence and MutableSequence ----------------------------------------------------------- */

static HsObject *
seq_iter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("Sequence.__iter__");
  return hs_seq_iter_new (vm, self);
}

static HsObject *
seq_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("Sequence.__contains__", value);
  return iter_contains (vm, self, value);
}

/* self[i] for i in reversed(range(len(self))), gathered */
static HsObject *
seq_reversed (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("Sequence.__reversed__");
  gssize n = hs_object_len (vm, self);
  HsObject *list = n >= 0 ? hs_list_new (vm, 0) : NULL;
  for (gssize i = n - 1; list != NULL && i >= 0; i--)
    {
      HsObject *k = hs_int_from_i64 (vm, i),
               *v = k != NULL ? hs_object_getitem (vm, self, k) : NULL;
      hs_xdecref (vm, k);
      if (v == NULL || hs_list_append_take (vm, list, v) < 0)
        HS_CLEAR (vm, list);
    }
  HsObject *it = list != NULL ? hs_object_iter (vm, list) : NULL;
  hs_xdecref (vm, list);
  return it;
}

/* v is value or v == value: 1, 0, -1 */
static int
same_or_equal (HsVM *vm, HsObject *v, HsObject *value)
{
  return v == value ? 1 : hs_object_richcompare_bool (vm, v, value, HS_CMP_EQ);
}

/* Sequence.index(value, start=0, stop=None): a bare ValueError when absent, as CPython's */
static HsObject *
seq_index (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *value = NULL, *start_o = NULL, *stop_o = hs_None;
  if (!hs_parse_args (vm, "Sequence.index", args, nargs, kwnames, "@self value|start stop", &self,
                      &value, &start_o, &stop_o))
    return NULL;
  gssize start = 0, stop = -1, n;
  gboolean has_stop = stop_o != hs_None;
  if (start_o != NULL && start_o != hs_None && (start = hs_int_as_ssize (vm, start_o)) == -1
      && hs_err_occurred (vm))
    return NULL;
  if (has_stop && (stop = hs_int_as_ssize (vm, stop_o)) == -1 && hs_err_occurred (vm))
    return NULL;
  if (start < 0 || (has_stop && stop < 0))
    {
      if ((n = hs_object_len (vm, self)) < 0)
        return NULL;
      if (start < 0)
        start = MAX (n + start, 0);
      if (has_stop && stop < 0)
        stop += n;
    }
  for (gssize i = start; !has_stop || i < stop; i++)
    {
      HsObject *k = hs_int_from_i64 (vm, i),
               *v = k != NULL ? hs_object_getitem (vm, self, k) : NULL;
      if (v == NULL)
        {
          hs_xdecref (vm, k);
          if (!hs_err_matches (vm, &hs_exc_IndexError))
            return NULL;
          hs_err_clear (vm);
          break;
        }
      int t = same_or_equal (vm, v, value);
      hs_decref (vm, v);
      if (t != 0)
        {
          if (t < 0)
            HS_CLEAR (vm, k);
          return k;
        }
      hs_decref (vm, k);
    }
  return raise_bare (vm, &hs_exc_ValueError);
}

typedef struct
{
  HsObject *value;
  gint64 n;
} CountData;

static int
count_one (HsVM *vm, HsObject *item, gpointer data)
{
  CountData *c = data;
  int t = same_or_equal (vm, item, c->value);
  c->n += t > 0;
  return t < 0 ? -1 : 0;
}

static HsObject *
seq_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("Sequence.count", value);
  CountData c = { value, 0 };
  return hs_object_foreach (vm, self, count_one, &c) < 0 ? NULL : hs_int_from_i64 (vm, c.n);
}

/* append(value): self.insert(len(self), value) */
static HsObject *
mutseq_append (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MutableSequence.append", value);
  gssize n = hs_object_len (vm, self);
  HsObject *at = n >= 0 ? hs_int_from_i64 (vm, n) : NULL;
  HsObject *call[2] = { at, value };
  int rc = at != NULL ? call_void (vm, self, "insert", call, 2) : -1;
  hs_xdecref (vm, at);
  return rc < 0 ? NULL : hs_incref (hs_None);
}

static HsObject *
mutseq_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("MutableSequence.clear");
  while (call_void (vm, self, "pop", NULL, 0) == 0)
    ;
  if (!hs_err_matches (vm, &hs_exc_IndexError))
    return NULL;
  hs_err_clear (vm);
  return hs_incref (hs_None);
}

/* reverse(): swaps self[i] and self[n-i-1] */
static HsObject *
mutseq_reverse (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("MutableSequence.reverse");
  gssize n = hs_object_len (vm, self);
  if (n < 0)
    return NULL;
  for (gssize i = 0; i < n / 2; i++)
    {
      HsObject *a = hs_int_from_i64 (vm, i), *b = hs_int_from_i64 (vm, n - i - 1);
      HsObject *va = a != NULL && b != NULL ? hs_object_getitem (vm, self, b) : NULL;
      HsObject *vb = va != NULL ? hs_object_getitem (vm, self, a) : NULL;
      int rc = vb != NULL && hs_object_setitem (vm, self, a, va) == 0
                       && hs_object_setitem (vm, self, b, vb) == 0
                   ? 0
                   : -1;
      hs_xdecref (vm, a);
      hs_xdecref (vm, b);
      hs_xdecref (vm, va);
      hs_xdecref (vm, vb);
      if (rc < 0)
        return NULL;
    }
  return hs_incref (hs_None);
}

static int
append_one (HsVM *vm, HsObject *item, gpointer self)
{
  return call_void (vm, self, "append", &item, 1);
}

/* extend(values): self.append(v) for each (a list of them first when values is self) */
static int
extend_with (HsVM *vm, HsObject *self, HsObject *values)
{
  HsObject *copy = values == self ? hs_list_from_iterable (vm, values) : hs_incref (values);
  int rc = copy != NULL ? hs_object_foreach (vm, copy, append_one, self) : -1;
  hs_xdecref (vm, copy);
  return rc;
}

static HsObject *
mutseq_extend (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MutableSequence.extend", values);
  return extend_with (vm, self, values) < 0 ? NULL : hs_incref (hs_None);
}

static HsObject *
mutseq_iadd (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MutableSequence.__iadd__", values);
  return extend_with (vm, self, values) < 0 ? NULL : hs_incref (self);
}

/* pop(index=-1): v = self[index]; del self[index] */
static HsObject *
mutseq_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *index = NULL;
  if (!hs_parse_args (vm, "MutableSequence.pop", args, nargs, kwnames, "@self|index", &self,
                      &index))
    return NULL;
  HsObject *at = index != NULL ? hs_incref (index) : hs_int_from_i64 (vm, -1);
  HsObject *v = at != NULL ? hs_object_getitem (vm, self, at) : NULL;
  if (v != NULL && hs_object_delitem (vm, self, at) < 0)
    HS_CLEAR (vm, v);
  hs_xdecref (vm, at);
  return v;
}

/* remove(value): del self[self.index(value)] */
static HsObject *
mutseq_remove (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MutableSequence.remove", value);
  HsObject *i = hs_object_call_method (vm, self, "index", &value, 1, NULL);
  int rc = i != NULL ? hs_object_delitem (vm, self, i) : -1;
  hs_xdecref (vm, i);
  return rc < 0 ? NULL : hs_incref (hs_None);
}

/* ---- Set and MutableSet --------------------------------------------------------------------- */

/* self._from_iterable(items) */
static HsObject *
from_iterable (HsVM *vm, HsObject *self, HsObject *items)
{
  if (items == NULL)
    return NULL;
  HsObject *r = hs_object_call_method (vm, self, "_from_iterable", &items, 1, NULL);
  hs_decref (vm, items);
  return r;
}

/* the items of `of` that are (or are not, want 0) in `in` */
static HsObject *
filter_in (HsVM *vm, HsObject *of, HsObject *in, int want)
{
  HsObject *items = hs_list_from_iterable (vm, of), *r = items != NULL ? hs_list_new (vm, 0) : NULL;
  for (gsize i = 0; r != NULL && i < hs_list_len (items); i++)
    {
      HsObject *v = hs_list_get_borrow (items, i);
      int t = hs_object_contains (vm, in, v);
      if (t < 0 || (t == want && hs_list_append (vm, r, v) < 0))
        HS_CLEAR (vm, r);
    }
  hs_xdecref (vm, items);
  return r;
}

/* self <= other for two Sets: every item of self in other */
static int
set_le (HsVM *vm, HsObject *a, HsObject *b)
{
  gssize na = hs_object_len (vm, a), nb = na >= 0 ? hs_object_len (vm, b) : -1;
  if (nb < 0)
    return -1;
  if (na > nb)
    return 0;
  HsObject *missing = filter_in (vm, a, b, 0);
  int t = missing != NULL ? hs_list_len (missing) == 0 : -1;
  hs_xdecref (vm, missing);
  return t;
}

/* The comparisons of Set: NotImplemented unless other is a Set */
static HsObject *
set_compare (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, HsCompareOp op)
{
  ARGS1 ("Set.__le__", other);
  int t = is_a (vm, other, "Set");
  if (t <= 0)
    return t < 0 ? NULL : hs_incref (hs_NotImplemented);
  gboolean swap = op == HS_CMP_GE || op == HS_CMP_GT;
  HsObject *a = swap ? other : self, *b = swap ? self : other;
  gssize na = hs_object_len (vm, a), nb = na >= 0 ? hs_object_len (vm, b) : -1;
  if (nb < 0)
    return NULL;
  if ((op == HS_CMP_LT || op == HS_CMP_GT) && na >= nb)
    return hs_bool_from (FALSE);
  if (op == HS_CMP_EQ && na != nb)
    return hs_bool_from (FALSE);
  t = set_le (vm, a, b);
  return t < 0 ? NULL : hs_bool_from (t);
}

#define SET_CMP(fn, op)                                                                            \
  static HsObject *fn (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)                  \
  {                                                                                                \
    return set_compare (vm, args, nargs, kwnames, op);                                             \
  }
SET_CMP (set_le_m, HS_CMP_LE)
SET_CMP (set_lt_m, HS_CMP_LT)
SET_CMP (set_ge_m, HS_CMP_GE)
SET_CMP (set_gt_m, HS_CMP_GT)
SET_CMP (set_eq_m, HS_CMP_EQ)

static HsObject *
set_from_iterable_m (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = NULL, *it = NULL;
  if (!hs_parse_args (vm, "Set._from_iterable", args, nargs, kwnames, "@cls it", &cls, &it))
    return NULL;
  return hs_object_call (vm, cls, &it, 1, NULL);
}

/* other as a Set for the operators: itself, self._from_iterable(other) for another iterable,
 * or NULL with no error (NotImplemented) */
static HsObject *
as_set (HsVM *vm, HsObject *self, HsObject *other, gboolean need_set)
{
  int t = is_a (vm, other, "Set");
  if (t != 0)
    return t < 0 ? NULL : hs_incref (other);
  if ((t = is_a (vm, other, "Iterable")) <= 0)
    return NULL;
  return need_set ? from_iterable (vm, self, hs_incref (other)) : hs_incref (other);
}

static HsObject *
set_and (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("Set.__and__", other);
  HsObject *o = as_set (vm, self, other, FALSE);
  if (o == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (hs_NotImplemented);
  HsObject *r = from_iterable (vm, self, filter_in (vm, o, self, 1));
  hs_decref (vm, o);
  return r;
}

static HsObject *
set_or (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("Set.__or__", other);
  HsObject *o = as_set (vm, self, other, FALSE);
  if (o == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (hs_NotImplemented);
  HsObject *all = hs_list_from_iterable (vm, self);
  HsObject *more = all != NULL ? hs_list_from_iterable (vm, o) : NULL;
  hs_decref (vm, o);
  for (gsize i = 0; more != NULL && i < hs_list_len (more); i++)
    if (hs_list_append (vm, all, hs_list_get_borrow (more, i)) < 0)
      HS_CLEAR (vm, more);
  if (more == NULL)
    HS_CLEAR (vm, all);
  hs_xdecref (vm, more);
  return from_iterable (vm, self, all);
}

/* a - b as Set.__sub__ gives it: the items of a not in b */
static HsObject *
set_minus (HsVM *vm, HsObject *self, HsObject *a, HsObject *b)
{
  return from_iterable (vm, self, filter_in (vm, a, b, 0));
}

/* Set.__sub__ (self - other) and Set.__rsub__ (other - self) */
static HsObject *
set_sub_either (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname,
                gboolean reflected)
{
  ARGS1 (fname, other);
  HsObject *o = as_set (vm, self, other, TRUE);
  if (o == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (hs_NotImplemented);
  HsObject *r = reflected ? set_minus (vm, self, o, self) : set_minus (vm, self, self, o);
  hs_decref (vm, o);
  return r;
}

HS_CFUNCTION_VARIANT (set_sub, set_sub_either, "Set.__sub__", FALSE)
HS_CFUNCTION_VARIANT (set_rsub, set_sub_either, "Set.__rsub__", TRUE)

/* (self - other) | (other - self) */
static HsObject *
set_xor (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("Set.__xor__", other);
  HsObject *o = as_set (vm, self, other, TRUE);
  if (o == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (hs_NotImplemented);
  HsObject *a = filter_in (vm, self, o, 0), *b = a != NULL ? filter_in (vm, o, self, 0) : NULL;
  hs_decref (vm, o);
  for (gsize i = 0; b != NULL && i < hs_list_len (b); i++)
    if (hs_list_append (vm, a, hs_list_get_borrow (b, i)) < 0)
      HS_CLEAR (vm, b);
  if (b == NULL)
    HS_CLEAR (vm, a);
  hs_xdecref (vm, b);
  return from_iterable (vm, self, a);
}

static HsObject *
set_isdisjoint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("Set.isdisjoint", other);
  HsObject *common = filter_in (vm, other, self, 1);
  HsObject *r = common != NULL ? hs_bool_from (hs_list_len (common) == 0) : NULL;
  hs_xdecref (vm, common);
  return r;
}

/* MutableSet.remove(value): KeyError(value) when absent, else self.discard(value) */
static HsObject *
mutset_remove (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MutableSet.remove", value);
  int t = hs_object_contains (vm, self, value);
  if (t <= 0)
    {
      if (t == 0)
        hs_err_set_key (vm, value);
      return NULL;
    }
  return call_void (vm, self, "discard", &value, 1) < 0 ? NULL : hs_incref (hs_None);
}

static HsObject *
mutset_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("MutableSet.pop");
  HsObject *it = hs_object_iter (vm, self);
  HsObject *v = it != NULL ? hs_iter_next (vm, it) : NULL;
  hs_xdecref (vm, it);
  if (v == NULL)
    {
      if (!hs_err_occurred (vm))
        hs_err_set_value (vm, &hs_exc_KeyError, NULL);
      return NULL;
    }
  if (call_void (vm, self, "discard", &v, 1) < 0)
    HS_CLEAR (vm, v);
  return v;
}

static HsObject *
mutset_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("MutableSet.clear");
  while (call_void (vm, self, "pop", NULL, 0) == 0)
    ;
  if (!hs_err_matches (vm, &hs_exc_KeyError))
    return NULL;
  hs_err_clear (vm);
  return hs_incref (hs_None);
}

/* self.<method>(v) for each v of `items` (a list, stolen); self, or NULL */
static HsObject *
each_then_self (HsVM *vm, HsObject *self, const char *method, HsObject *items)
{
  int rc = items != NULL ? 0 : -1;
  for (gsize i = 0; rc == 0 && i < hs_list_len (items); i++)
    rc = call_void (vm, self, method, &hs_list_items (items)[i], 1);
  hs_xdecref (vm, items);
  return rc < 0 ? NULL : hs_incref (self);
}

static HsObject *
mutset_ior (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MutableSet.__ior__", it);
  return each_then_self (vm, self, "add", hs_list_from_iterable (vm, it));
}

static HsObject *
mutset_iand (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MutableSet.__iand__", it);
  return each_then_self (vm, self, "discard", filter_in (vm, self, it, 0));
}

/* self.clear(), then self */
static HsObject *
clear_then_self (HsVM *vm, HsObject *self)
{
  return call_void (vm, self, "clear", NULL, 0) < 0 ? NULL : hs_incref (self);
}

static HsObject *
mutset_isub (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MutableSet.__isub__", it);
  if (it == self)
    return clear_then_self (vm, self);
  return each_then_self (vm, self, "discard", hs_list_from_iterable (vm, it));
}

static HsObject *
mutset_ixor (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("MutableSet.__ixor__", it);
  if (it == self)
    return clear_then_self (vm, self);
  HsObject *items = hs_list_from_iterable (vm, it);
  for (gsize i = 0; items != NULL && i < hs_list_len (items); i++)
    {
      HsObject *v = hs_list_get_borrow (items, i);
      int t = hs_object_contains (vm, self, v);
      if (t < 0 || call_void (vm, self, t ? "discard" : "add", &v, 1) < 0)
        HS_CLEAR (vm, items);
    }
  if (items == NULL)
    return NULL;
  hs_decref (vm, items);
  return hs_incref (self);
}

/* ---- the classes ------------------------------------------------------------------------------
 */

typedef struct
{
  const char *name;
  const char *bases;    /* earlier classes of this module, space-separated; "" none */
  const char *abstract; /* the methods of `methods` that are abstract, space-separated */
  const HsMethodDef *methods;
} AbcDef;

#define M(n, f)                                                                                    \
  {                                                                                                \
    n, f                                                                                           \
  }
#define CM(n, f)                                                                                   \
  {                                                                                                \
    n, f, HS_METH_CLASS                                                                            \
  }
#define END                                                                                        \
  {                                                                                                \
    NULL, NULL                                                                                     \
  }
#define GA CM ("__class_getitem__", hs_alias_class_getitem_method)

static const HsMethodDef hashable_m[]
    = { M ("__hash__", abs_zero), CM ("__subclasshook__", hook_hashable), END };
static const HsMethodDef awaitable_m[]
    = { M ("__await__", abs_empty_iter), CM ("__subclasshook__", hook_awaitable), GA, END };
static const HsMethodDef coroutine_m[]
    = { M ("send", abs_stop), M ("throw", abs_throw), M ("close", coroutine_close),
        CM ("__subclasshook__", hook_coroutine), END };
static const HsMethodDef async_iterable_m[]
    = { M ("__aiter__", abs_none), CM ("__subclasshook__", hook_async_iterable), GA, END };
static const HsMethodDef async_iterator_m[]
    = { M ("__anext__", abs_none), M ("__aiter__", iterator_iter),
        CM ("__subclasshook__", hook_async_iterator), END };
static const HsMethodDef async_generator_m[]
    = { M ("asend", abs_none), M ("athrow", abs_throw),
        CM ("__subclasshook__", hook_async_generator), END };
static const HsMethodDef iterable_m[]
    = { M ("__iter__", abs_empty_iter), CM ("__subclasshook__", hook_iterable), GA, END };
static const HsMethodDef iterator_m[] = { M ("__next__", abs_stop), M ("__iter__", iterator_iter),
                                          CM ("__subclasshook__", hook_iterator), END };
static const HsMethodDef reversible_m[]
    = { M ("__reversed__", abs_empty_iter), CM ("__subclasshook__", hook_reversible), END };
static const HsMethodDef generator_m[] = { M ("__next__", generator_next),
                                           M ("send", abs_stop),
                                           M ("throw", abs_throw),
                                           M ("close", generator_close),
                                           CM ("__subclasshook__", hook_generator),
                                           END };
static const HsMethodDef sized_m[]
    = { M ("__len__", abs_zero), CM ("__subclasshook__", hook_sized), END };
static const HsMethodDef container_m[]
    = { M ("__contains__", abs_false), CM ("__subclasshook__", hook_container), GA, END };
static const HsMethodDef collection_m[] = { CM ("__subclasshook__", hook_collection), END };
static const HsMethodDef callable_m[]
    = { M ("__call__", abs_false), CM ("__subclasshook__", hook_callable), GA, END };
static const HsMethodDef set_m[] = {
  M ("__le__", set_le_m),
  M ("__lt__", set_lt_m),
  M ("__gt__", set_gt_m),
  M ("__ge__", set_ge_m),
  M ("__eq__", set_eq_m),
  CM ("_from_iterable", set_from_iterable_m),
  M ("__and__", set_and),
  M ("__rand__", set_and),
  M ("isdisjoint", set_isdisjoint),
  M ("__or__", set_or),
  M ("__ror__", set_or),
  M ("__sub__", set_sub),
  M ("__rsub__", set_rsub),
  M ("__xor__", set_xor),
  M ("__rxor__", set_xor),
  END,
};
static const HsMethodDef mutable_set_m[] = {
  M ("add", abs_not_implemented), M ("discard", abs_not_implemented),
  M ("remove", mutset_remove),    M ("pop", mutset_pop),
  M ("clear", mutset_clear),      M ("__ior__", mutset_ior),
  M ("__iand__", mutset_iand),    M ("__ixor__", mutset_ixor),
  M ("__isub__", mutset_isub),    END,
};
static const HsMethodDef mapping_m[] = {
  M ("__getitem__", abs_key_error),
  M ("get", mapping_get),
  M ("__contains__", mapping_contains),
  M ("keys", mapping_keys),
  M ("items", mapping_items),
  M ("values", mapping_values),
  M ("__eq__", mapping_eq),
  END,
};
static const HsMethodDef mutable_mapping_m[] = {
  M ("__setitem__", abs_key_error),
  M ("__delitem__", abs_key_error),
  M ("pop", mutmap_pop),
  M ("popitem", mutmap_popitem),
  M ("clear", mutmap_clear),
  M ("update", mutmap_update),
  M ("setdefault", mutmap_setdefault),
  END,
};
static const HsMethodDef mapping_view_m[] = {
  M ("__init__", view_init), M ("__len__", view_len), M ("__repr__", view_repr), GA, END,
};
static const HsMethodDef keys_view_m[] = {
  CM ("_from_iterable", view_from_iterable),
  M ("__contains__", keys_contains),
  M ("__iter__", keys_iter),
  END,
};
static const HsMethodDef items_view_m[] = {
  CM ("_from_iterable", view_from_iterable),
  M ("__contains__", items_contains),
  M ("__iter__", items_iter),
  END,
};
static const HsMethodDef values_view_m[] = {
  M ("__contains__", values_contains),
  M ("__iter__", values_iter),
  END,
};
static const HsMethodDef sequence_m[] = {
  M ("__getitem__", abs_index_error),
  M ("__iter__", seq_iter),
  M ("__contains__", seq_contains),
  M ("__reversed__", seq_reversed),
  M ("index", seq_index),
  M ("count", seq_count),
  END,
};
static const HsMethodDef byte_string_m[] = { END };
static const HsMethodDef mutable_sequence_m[] = {
  M ("__setitem__", abs_index_error),
  M ("__delitem__", abs_index_error),
  M ("insert", abs_index_error),
  M ("append", mutseq_append),
  M ("clear", mutseq_clear),
  M ("reverse", mutseq_reverse),
  M ("extend", mutseq_extend),
  M ("pop", mutseq_pop),
  M ("remove", mutseq_remove),
  M ("__iadd__", mutseq_iadd),
  END,
};

/* In CPython's order, each after its bases */
static const AbcDef abc_defs[] = {
  { "Hashable", "", "__hash__", hashable_m },
  { "Awaitable", "", "__await__", awaitable_m },
  { "Coroutine", "Awaitable", "send throw", coroutine_m },
  { "AsyncIterable", "", "__aiter__", async_iterable_m },
  { "AsyncIterator", "AsyncIterable", "__anext__", async_iterator_m },
  { "AsyncGenerator", "AsyncIterator", "asend athrow", async_generator_m },
  { "Iterable", "", "__iter__", iterable_m },
  { "Iterator", "Iterable", "__next__", iterator_m },
  { "Reversible", "Iterable", "__reversed__", reversible_m },
  { "Generator", "Iterator", "send throw", generator_m },
  { "Sized", "", "__len__", sized_m },
  { "Container", "", "__contains__", container_m },
  { "Collection", "Sized Iterable Container", "", collection_m },
  { "Callable", "", "__call__", callable_m },
  { "Set", "Collection", "", set_m },
  { "MutableSet", "Set", "add discard", mutable_set_m },
  { "Mapping", "Collection", "__getitem__", mapping_m },
  { "MappingView", "Sized", "", mapping_view_m },
  { "KeysView", "MappingView Set", "", keys_view_m },
  { "ItemsView", "MappingView Set", "", items_view_m },
  { "ValuesView", "MappingView Collection", "", values_view_m },
  { "MutableMapping", "Mapping", "__setitem__ __delitem__", mutable_mapping_m },
  { "Sequence", "Reversible Collection", "__getitem__", sequence_m },
  { "ByteString", "Sequence", "", byte_string_m },
  { "MutableSequence", "Sequence", "__setitem__ __delitem__ insert", mutable_sequence_m },
};

/* the method descriptors of each class, made once per process (abstract ones flagged) */
static HsObject **abc_descrs[G_N_ELEMENTS (abc_defs)];

/* _collections_abc.py's abstract methods: those the class's `abstract` string names */
static gboolean
is_named_abstract (const HsMethodDef *def, gconstpointer data)
{
  g_auto (GStrv) names = g_strsplit (data, " ", -1);
  return g_strv_contains ((const char *const *)names, def->name);
}

void
hs_mod_collections_abc_runtime_init (void)
{
  marker = hs_object_alloc (NULL, &hs_object_type, sizeof (HsObject));
  for (gsize i = 0; i < G_N_ELEMENTS (abc_defs); i++)
    abc_descrs[i]
        = hs_abc_method_descrs_new (abc_defs[i].methods, is_named_abstract, abc_defs[i].abstract);
}

/* __slots__ of class i: ('_mapping',) for MappingView, () for the others */
static HsObject *
class_slots (HsVM *vm, gsize i)
{
  gboolean view = strcmp (abc_defs[i].name, "MappingView") == 0;
  HsObject *slots = hs_tuple_new (vm, view ? 1 : 0);
  if (slots != NULL && view)
    hs_tuple_items (slots)[0] = hs_incref (hs_str_intern_cstr ("_mapping"));
  return slots;
}

/* The namespace of class i: __module__, __slots__, its methods (and __hash__ None where
 * it defines __eq__, as a class body does) */
static HsObject *
class_namespace (HsVM *vm, gsize i)
{
  HsObject *ns = hs_abc_namespace_new (vm, MODULE, class_slots (vm, i));
  gboolean ok = ns != NULL;
  for (gsize k = 0; ok && abc_defs[i].methods[k].name != NULL; k++)
    ok = hs_abc_namespace_set_method (vm, ns, abc_defs[i].methods[k].name, abc_descrs[i][k]) == 0;
  if (ok && strcmp (abc_defs[i].name, "MutableMapping") == 0)
    ok = hs_dict_set_item (vm, ns, hs_str_intern_cstr ("_MutableMapping__marker"), marker) == 0;
  if (ok && strcmp (abc_defs[i].name, "Mapping") == 0)
    ok = hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__reversed__"), hs_None) == 0;
  if (!ok)
    HS_CLEAR (vm, ns);
  return ns;
}

/* CPython's registrations of the built-in types (and of collections' own) */
static const struct
{
  const char *abc;
  HsType *type;
} registrations[] = {
  { "Generator", &hs_generator_type },
  { "Set", &hs_frozenset_type },
  { "MutableSet", &hs_set_type },
  { "Mapping", &hs_mappingproxy_type },
  { "MutableMapping", &hs_dict_type },
  { "KeysView", &hs_dict_keys_type },
  { "ValuesView", &hs_dict_values_type },
  { "ItemsView", &hs_dict_items_type },
  { "Sequence", &hs_tuple_type },
  { "Sequence", &hs_str_type },
  { "Sequence", &hs_range_type },
  { "ByteString", &hs_bytes_type },
  { "ByteString", &hs_bytearray_type },
  { "MutableSequence", &hs_list_type },
  { "MutableSequence", &hs_bytearray_type },
  { "MutableSequence", &hs_deque_type },
  { "MutableMapping", &hs_chainmap_type },
};

static int
register_builtins (HsVM *vm, HsObject *dict)
{
  for (gsize i = 0; i < G_N_ELEMENTS (registrations); i++)
    if (hs_abc_register (vm, hs_dict_get_item_cstr_borrow (vm, dict, registrations[i].abc),
                         (HsObject *)registrations[i].type)
        < 0)
      return -1;
  /* the mapping views Heapscope's own Mappings give (UserDict's, ChainMap's) */
  static const char *const views[] = { "KeysView", "ValuesView", "ItemsView" };
  for (gsize k = 0; k < G_N_ELEMENTS (views); k++)
    if (hs_abc_register (vm, hs_dict_get_item_cstr_borrow (vm, dict, views[k]),
                         (HsObject *)hs_mapping_view_type ((HsMappingViewKind)k))
        < 0)
      return -1;
  /* collections' User classes, which CPython derives from these */
  static const char *const users[][2] = { { "UserDict", "MutableMapping" },
                                          { "UserList", "MutableSequence" },
                                          { "UserString", "Sequence" } };
  HsObject *coll = hs_import_module (vm, "collections");
  for (gsize k = 0; coll != NULL && k < G_N_ELEMENTS (users); k++)
    {
      HsObject *c = hs_dict_get_item_cstr_borrow (vm, hs_module_dict (coll), users[k][0]);
      if (c != NULL
          && hs_abc_register (vm, hs_dict_get_item_cstr_borrow (vm, dict, users[k][1]), c) < 0)
        HS_CLEAR (vm, coll);
    }
  if (coll == NULL)
    return -1;
  hs_decref (vm, coll);
  return 0;
}

int
hs_mod_collections_abc_init (HsVM *vm, HsObject *dict)
{
  int rc = 0;
  for (gsize i = 0; rc == 0 && i < G_N_ELEMENTS (abc_defs); i++)
    rc = hs_module_add_take (vm, dict, abc_defs[i].name,
                             hs_abc_class_new (vm, MODULE, dict, abc_defs[i].name,
                                               abc_defs[i].bases, class_namespace (vm, i)));
  return rc < 0 ? -1 : register_builtins (vm, dict);
}
