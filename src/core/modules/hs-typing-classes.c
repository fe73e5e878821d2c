/* hs-typing-classes.c — typing's classes made by metaclasses: `class Point(NamedTuple)`
 * with annotated fields and defaults, NamedTuple('Point', [('x', int), ('y', int)]),
 * `class Movie(TypedDict)` and TypedDict('Movie', {'name': str}).
 *
 * As CPython 3.11's typing.py: NamedTuple and TypedDict are functions whose __mro_entries__
 * puts a base class made by a metaclass (NamedTupleMeta, _TypedDictMeta) in the bases, so
 * that the metaclass's __new__ makes the class. NamedTupleMeta's: collections.namedtuple of
 * the annotated fields, the other names of the class body set on that class (its __mro__ is
 * (Point, tuple, object)). _TypedDictMeta's: a class derived from dict, with the
 * annotations, required and optional keys of its bases and its own; calling it makes a plain
 * dict (the metaclass's __call__ is dict). Each VM makes its own metaclasses and base classes
 * at import; the functions' type is static.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-function.h"
#include "hs-genericalias.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-namedtuple.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-typing-classes.h"
#include "hs-set.h"

/* ---- NamedTupleMeta.__new__ -------------------------------------------------------------- */

/* The names a class body may not define. */
static const char *const prohibited[]
    = { "__new__",         "__init__", "__slots__", "__getnewargs__", "_fields",
        "_field_defaults", "_make",    "_replace",  "_asdict",        "_source" };
/* The names the class body has that are not set on the class. */
static const char *const special[] = { "__module__", "__name__", "__annotations__" };

static gboolean
in_list (HsObject *name, const char *const *list, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (hs_str_equal_cstr (name, list[i]))
      return TRUE;
  return FALSE;
}

/* collections.namedtuple(typename, fields, defaults=defaults, module=module). */
static HsObject *
make_nmtuple (HsVM *vm, HsObject *typename, HsObject *fields, HsObject *defaults, HsObject *module)
{
  HsObject *kwnames
      = hs_tuple_pack (vm, 2, hs_str_intern_cstr ("defaults"), hs_str_intern_cstr ("module"));
  if (kwnames == NULL)
    return NULL;
  HsObject *args[4] = { typename, fields, defaults, module };
  HsObject *cls = hs_namedtuple_new (vm, args, 2, kwnames);
  hs_decref (vm, kwnames);
  return cls;
}

/* "Non-default namedtuple field y cannot follow default field x" (fields…) */
static void
order_error (HsVM *vm, HsObject *field, HsObject *default_names)
{
  g_autoptr (GString) names = g_string_new (NULL);
  for (gsize i = 0; i < hs_list_len (default_names); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            hs_str_utf8 (hs_list_get_borrow (default_names, i)));
  hs_err_format (vm, &hs_exc_TypeError,
                 "Non-default namedtuple field %s cannot follow default field%s %s",
                 hs_str_utf8 (field), hs_list_len (default_names) > 1 ? "s" : "", names->str);
}

/* The fields (annotated names, in order) and the defaults the class body gave them. */
static gboolean
fields_of (HsVM *vm, HsObject *ns, HsObject *types, HsObject *fields, HsObject *defaults)
{
  HsObject *names = hs_list_new (vm, 0);
  gsize pos = 0;
  HsObject *key;
  gboolean ok = names != NULL;
  while (ok && hs_dict_next (types, &pos, &key, NULL))
    {
      HsObject *dflt = hs_dict_get_item_borrow (vm, ns, key);
      ok = hs_list_append (vm, fields, key) == 0;
      if (ok && dflt != NULL)
        ok = hs_list_append (vm, defaults, dflt) == 0 && hs_list_append (vm, names, key) == 0;
      else if (ok && hs_list_len (names) > 0)
        {
          order_error (vm, key, names);
          ok = FALSE;
        }
    }
  hs_xdecref (vm, names);
  return ok;
}

/* NamedTupleMeta.__new__(cls, typename, bases, ns) */
static HsObject *
nt_meta_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *mcls, *typename, *bases, *ns;
  if (!hs_parse_args (vm, "__new__", args, nargs, kwnames, "mcls typename bases ns /", &mcls,
                      &typename, &bases, &ns))
    return NULL;
  if (!hs_tuple_check (bases) || !hs_dict_check (ns) || !hs_str_check (typename))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "NamedTupleMeta.__new__() takes a name, bases "
                         "and a namespace");
      return NULL;
    }
  for (gsize i = 0; i < hs_tuple_len (bases); i++)
    {
      HsObject *b = hs_tuple_get_borrow (bases, i);
      if (b->type != (HsType *)mcls && b != (HsObject *)&hs_generic_type)
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "can only inherit from a NamedTuple type and Generic");
          return NULL;
        }
    }
  HsObject *types = hs_dict_get_item_cstr_borrow (vm, ns, "__annotations__");
  HsObject *fields = hs_list_new (vm, 0), *defaults = hs_list_new (vm, 0), *cls = NULL;
  HsObject *empty = types == NULL ? hs_dict_new (vm) : NULL;
  if (types == NULL)
    types = empty;
  if (fields != NULL && defaults != NULL && types != NULL && hs_dict_check (types)
      && fields_of (vm, ns, types, fields, defaults))
    {
      HsObject *module = hs_dict_get_item_cstr_borrow (vm, ns, "__module__");
      cls = make_nmtuple (vm, typename, fields, defaults, module != NULL ? module : hs_None);
    }
  /* the body's other names set on the namedtuple's class itself, as CPython's setattr */
  gsize pos = 0;
  HsObject *key, *value;
  gboolean ok = cls != NULL
                && hs_object_setattr (vm, cls, hs_str_intern_cstr ("__annotations__"), types) == 0;
  while (ok && hs_dict_next (ns, &pos, &key, &value))
    {
      if (hs_str_check (key) && in_list (key, prohibited, G_N_ELEMENTS (prohibited)))
        {
          hs_err_format (vm, &hs_exc_AttributeError, "Cannot overwrite NamedTuple attribute %s",
                         hs_str_utf8 (key));
          ok = FALSE;
        }
      else if (!(hs_str_check (key) && in_list (key, special, G_N_ELEMENTS (special)))
               && hs_object_contains (vm, fields, key) == 0)
        ok = hs_object_setattr (vm, cls, key, value) == 0;
    }
  if (!ok)
    HS_CLEAR (vm, cls);
  hs_xdecref (vm, fields);
  hs_xdecref (vm, defaults);
  hs_xdecref (vm, empty);
  return cls;
}

static const HsMethodDef nt_meta_new_def = { "__new__", nt_meta_new };

/* ---- _TypedDictMeta --------------------------------------------------------------------- */

/* base.__dict__[name], or NULL */
static HsObject *
own_borrow (HsVM *vm, HsObject *cls, const char *name)
{
  return hs_type_check (cls) ? hs_dict_get_item_cstr_borrow (vm, ((HsType *)cls)->dict, name)
                             : NULL;
}

/* set |= the keys of the frozenset or set `keys` (NULL: none) */
static int
add_keys (HsVM *vm, HsObject *set, HsObject *keys)
{
  return keys != NULL ? hs_set_update (vm, set, keys) : 0;
}

/* _TypedDictMeta.__new__(cls, name, bases, ns, total=True) */
static HsObject *
td_meta_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *mcls, *name, *bases, *ns, *total = NULL;
  if (!hs_parse_args (vm, "__new__", args, nargs, kwnames, "mcls name bases ns|total", &mcls, &name,
                      &bases, &ns, &total))
    return NULL;
  if (!hs_tuple_check (bases) || !hs_dict_check (ns) || !hs_str_check (name))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "_TypedDictMeta.__new__() takes a name, bases and a namespace");
      return NULL;
    }
  for (gsize i = 0; i < hs_tuple_len (bases); i++)
    {
      HsObject *b = hs_tuple_get_borrow (bases, i);
      if (b->type != (HsType *)mcls && b != (HsObject *)&hs_generic_type)
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "cannot inherit from both a TypedDict type "
                             "and a non-TypedDict base class");
          return NULL;
        }
    }
  int is_total = total != NULL ? hs_object_truth (vm, total) : 1;
  if (is_total < 0)
    return NULL;
  HsObject *dict_base = (HsObject *)&hs_dict_type;
  HsObject *cls = hs_class_new (vm, (HsType *)mcls, name, &dict_base, 1, ns, NULL, NULL);
  HsObject *annotations = hs_dict_new (vm), *required = hs_set_new (vm),
           *optional = hs_set_new (vm);
  gboolean ok = cls != NULL && annotations != NULL && required != NULL && optional != NULL;
  for (gsize i = 0; ok && i < hs_tuple_len (bases); i++)
    {
      HsObject *b = hs_tuple_get_borrow (bases, i), *a = own_borrow (vm, b, "__annotations__");
      ok = (a == NULL || hs_dict_update (vm, annotations, a) == 0)
           && add_keys (vm, required, own_borrow (vm, b, "__required_keys__")) == 0
           && add_keys (vm, optional, own_borrow (vm, b, "__optional_keys__")) == 0;
    }
  HsObject *own = hs_dict_get_item_cstr_borrow (vm, ns, "__annotations__");
  gsize pos = 0;
  HsObject *key;
  if (ok && own != NULL && hs_dict_check (own))
    while (ok && hs_dict_next (own, &pos, &key, NULL))
      ok = hs_set_add (vm, is_total ? required : optional, key) == 0;
  ok = ok && (own == NULL || hs_dict_update (vm, annotations, own) == 0);
  HsObject *values[]
      = { annotations, required != NULL ? hs_frozenset_from_iterable (vm, required) : NULL,
          optional != NULL ? hs_frozenset_from_iterable (vm, optional) : NULL };
  static const char *const names[]
      = { "__annotations__", "__required_keys__", "__optional_keys__" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    ok = ok && values[i] != NULL
         && hs_object_setattr (vm, cls, hs_str_intern_cstr (names[i]), values[i]) == 0;
  hs_xdecref (vm, values[1]);
  hs_xdecref (vm, values[2]);
  if (ok && own_borrow (vm, cls, "__total__") == NULL)
    ok = hs_object_setattr (vm, cls, hs_str_intern_cstr ("__total__"), hs_bool_from (is_total))
         == 0;
  hs_xdecref (vm, annotations);
  hs_xdecref (vm, required);
  hs_xdecref (vm, optional);
  if (!ok)
    HS_CLEAR (vm, cls);
  return cls;
}

static const HsMethodDef td_meta_new_def = { "__new__", td_meta_new };

/* isinstance(x, Movie), issubclass(C, Movie) */
static HsObject *
td_check (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  hs_err_set_string (vm, &hs_exc_TypeError, "TypedDict does not support instance and class checks");
  return NULL;
}

static const HsMethodDef td_check_defs[] = {
  { "__subclasscheck__", td_check },
  { "__instancecheck__", td_check },
};

/* ---- the functions NamedTuple and TypedDict -------------------------------------------------- */

typedef struct
{
  HsObject header;
  const char *name;
  HsObject *base; /* the class __mro_entries__ gives */
  HsObject *(*call) (HsVM *vm, HsObject *base, HsObject **args, gsize nargs, HsObject *kwnames);
} HsTypingFactory;

static void
fn_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit (visit, ((HsTypingFactory *)self)->base, data);
}

static void
fn_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsTypingFactory *)self)->base);
}

/* CPython's NamedTuple and TypedDict are Python functions: printed as such, with the id as
 * the other functions written in C (hs-cfunction.c) */
static HsObject *
fn_repr (HsVM *vm, HsObject *self)
{
  return hs_function_repr_named (vm, ((HsTypingFactory *)self)->name, self);
}

static HsObject *
fn_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "__name__") == 0 || strcmp (n, "__qualname__") == 0)
    return hs_str_from_cstr (vm, ((HsTypingFactory *)self)->name);
  if (strcmp (n, "__module__") == 0)
    return hs_str_from_cstr (vm, "typing");
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
fn_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsTypingFactory *f = (HsTypingFactory *)self;
  return f->call (vm, f->base, args, nargs, kwnames);
}

/* NamedTuple('Point', [('x', int), ('y', int)]) or NamedTuple('Point', x=int, y=int) */
static HsObject *
namedtuple_call (HsVM *vm, HsObject *base, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  if (nargs < 1 || nargs > 2 || !hs_str_check (args[0]) || (nargs == 2 && nkw > 0))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "Either list of fields or keywords can be provided to NamedTuple, not "
                         "both");
      return NULL;
    }
  HsObject *types = hs_dict_new (vm), *fields = hs_list_new (vm, 0), *cls = NULL;
  gboolean ok = types != NULL && fields != NULL;
  if (ok && nargs == 2)
    {
      HsObject *pairs = hs_tuple_from_iterable (vm, args[1]);
      for (gsize i = 0; ok && pairs != NULL && i < hs_tuple_len (pairs); i++)
        {
          HsObject *pair[2];
          ok = hs_unpack_sequence (vm, hs_tuple_get_borrow (pairs, i), 2, pair) == 0;
          if (ok)
            {
              ok = hs_list_append (vm, fields, pair[0]) == 0
                   && hs_dict_set_item (vm, types, pair[0], pair[1]) == 0;
              hs_decref (vm, pair[0]);
              hs_decref (vm, pair[1]);
            }
        }
      ok = ok && pairs != NULL;
      hs_xdecref (vm, pairs);
    }
  for (gsize i = 0; ok && i < nkw; i++)
    ok = hs_list_append (vm, fields, hs_tuple_get_borrow (kwnames, i)) == 0
         && hs_dict_set_item (vm, types, hs_tuple_get_borrow (kwnames, i), args[nargs + i]) == 0;
  if (ok)
    cls = make_nmtuple (vm, args[0], fields, hs_tuple_empty (), hs_str_intern_cstr ("__main__"));
  /* a new type: nothing has looked into its namespace yet */
  if (cls != NULL
      && hs_dict_set_item (vm, ((HsType *)cls)->dict, hs_str_intern_cstr ("__annotations__"), types)
             < 0)
    HS_CLEAR (vm, cls);
  hs_xdecref (vm, types);
  hs_xdecref (vm, fields);
  return cls;
}

/* TypedDict('Point', {'x': int, 'y': int}, total=True): _TypedDictMeta('Point', (), ns) */
static HsObject *
typeddict_call (HsVM *vm, HsObject *base, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name, *fields = hs_None, *total = NULL;
  if (!hs_parse_args (vm, "TypedDict", args, nargs, kwnames, "name|fields /$total", &name, &fields,
                      &total))
    return NULL;
  HsObject *ns = hs_dict_new (vm), *annotations = hs_dict_new (vm), *r = NULL;
  if (ns != NULL && annotations != NULL
      && (fields == hs_None || hs_dict_update (vm, annotations, fields) == 0)
      && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__annotations__"), annotations) == 0
      && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"),
                           hs_str_intern_cstr ("__main__"))
             == 0)
    {
      HsObject *kw = total != NULL ? hs_tuple_pack (vm, 1, hs_str_intern_cstr ("total")) : NULL;
      HsObject *margs[5] = { (HsObject *)base->type, name, hs_tuple_empty (), ns, total };
      if (total == NULL || kw != NULL)
        r = td_meta_new (vm, margs, 4, kw);
      hs_xdecref (vm, kw);
    }
  hs_xdecref (vm, ns);
  hs_xdecref (vm, annotations);
  return r;
}

static HsObject *
fn_mro_entries (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *bases;
  if (!hs_parse_args (vm, "__mro_entries__", args + 1, nargs - 1, kwnames, "bases /", &bases))
    return NULL;
  return hs_tuple_pack (vm, 1, ((HsTypingFactory *)args[0])->base);
}

static const HsMethodDef fn_methods[] = {
  { "__mro_entries__", fn_mro_entries },
  { NULL, NULL },
};

/* CPython's NamedTuple and TypedDict are functions; here objects of this type, named as the
 * built-in ones are. */
static HsType factory_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "builtin_function_or_method",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsTypingFactory),
  .dealloc = fn_clear,
  .refs = fn_refs,
  .clear = fn_clear,
  .repr = fn_repr,
  .getattr = fn_getattr,
  .call = fn_call,
  .methods = fn_methods,
};

/* A class of typing: a metaclass (made by type), a base class (made by one). */
static HsObject *
typing_class (HsVM *vm, HsType *meta, const char *name, HsObject *base, HsObject *ns)
{
  if (ns != NULL
      && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"), hs_str_intern_cstr ("typing"))
             < 0)
    HS_CLEAR (vm, ns);
  return hs_module_class_new (vm, "typing", meta, name, base, ns);
}

/* A metaclass (made by type) whose namespace holds __new__ and `extra` (borrowed pairs of a
 * name and a value), and the base class it makes, named `name`; the function putting that
 * base in a class's bases goes into the module's dict under that name. */
static int
add_factory (HsVM *vm, HsObject *dict, const char *name, const char *meta_name,
             const HsMethodDef *new_def, HsObject *const *extra, gsize nextra,
             HsObject *(*call) (HsVM *, HsObject *, HsObject **, gsize, HsObject *))
{
  HsObject *ns = hs_dict_new (vm), *new_fn = hs_cfunction_new (vm, new_def, NULL);
  if (ns != NULL
      && (new_fn == NULL || hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__new__"), new_fn) < 0))
    HS_CLEAR (vm, ns);
  for (gsize i = 0; ns != NULL && i < nextra; i += 2)
    if (hs_dict_set_item (vm, ns, extra[i], extra[i + 1]) < 0)
      HS_CLEAR (vm, ns);
  hs_xdecref (vm, new_fn);
  HsObject *meta = typing_class (vm, &hs_type_type, meta_name, (HsObject *)&hs_type_type, ns);
  HsObject *base
      = meta != NULL ? typing_class (vm, (HsType *)meta, name, NULL, hs_dict_new (vm)) : NULL;
  hs_xdecref (vm, meta); /* the base class holds its metaclass */
  if (base == NULL)
    return -1;
  HsTypingFactory *fn
      = (HsTypingFactory *)hs_object_alloc (vm, &factory_type, sizeof (HsTypingFactory));
  if (fn == NULL)
    {
      hs_decref (vm, base);
      return -1;
    }
  fn->name = name;
  fn->base = base;
  fn->call = call;
  hs_gc_track (vm, &fn->header);
  return hs_module_add_take (vm, dict, name, &fn->header);
}

static HsObject *td_check_descrs[G_N_ELEMENTS (td_check_defs)];

int
hs_typing_classes_add (HsVM *vm, HsObject *dict)
{
  HsObject *td_extra[] = { hs_str_intern_cstr ("__call__"),
                           (HsObject *)&hs_dict_type,
                           hs_str_intern_cstr (td_check_defs[0].name),
                           td_check_descrs[0],
                           hs_str_intern_cstr (td_check_defs[1].name),
                           td_check_descrs[1] };
  if (add_factory (vm, dict, "NamedTuple", "NamedTupleMeta", &nt_meta_new_def, NULL, 0,
                   namedtuple_call)
      < 0)
    return -1;
  return add_factory (vm, dict, "TypedDict", "_TypedDictMeta", &td_meta_new_def, td_extra,
                      G_N_ELEMENTS (td_extra), typeddict_call);
}

void
hs_typing_classes_runtime_init (void)
{
  hs_type_ready (&factory_type);
  for (gsize i = 0; i < G_N_ELEMENTS (td_check_defs); i++)
    td_check_descrs[i] = hs_method_descr_new (&td_check_defs[i], &hs_type_type);
}
