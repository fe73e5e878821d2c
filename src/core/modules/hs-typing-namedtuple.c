/* hs-typing-namedtuple.c — typing.NamedTuple: `class Point(NamedTuple)` with annotated
 * fields and defaults, and the call NamedTuple('Point', [('x', int), ('y', int)]).
 *
 * As CPython 3.11's typing.py: NamedTuple is a function whose __mro_entries__ puts the
 * class `NamedTuple` (made by the metaclass NamedTupleMeta) in the bases, so that
 * NamedTupleMeta.__new__ makes the class: collections.namedtuple of the annotated fields,
 * then a class on it with the other names of the class body (CPython sets them on the
 * namedtuple's type itself; its __mro__ here has that type, and the namedtuple base, in
 * between). Each VM makes its own NamedTupleMeta and base class at import; the function's
 * type is static.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-genericalias.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-namedtuple.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-typing-namedtuple.h"

/* ---- NamedTupleMeta.__new__ -------------------------------------------------------------- */

/* The names a class body may not define. */
static const char *const prohibited[]
    = { "__new__",         "__init__", "__slots__", "__getnewargs__", "_fields",
        "_field_defaults", "_make",    "_replace",  "_asdict",        "_source" };

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
  HsObject *fields = hs_list_new (vm, 0), *defaults = hs_list_new (vm, 0);
  HsObject *body = hs_dict_new (vm), *base = NULL, *cls = NULL;
  HsObject *empty = types == NULL ? hs_dict_new (vm) : NULL;
  if (types == NULL)
    types = empty;
  if (fields != NULL && defaults != NULL && body != NULL && types != NULL && hs_dict_check (types)
      && fields_of (vm, ns, types, fields, defaults))
    {
      HsObject *module = hs_dict_get_item_cstr_borrow (vm, ns, "__module__");
      base = make_nmtuple (vm, typename, fields, defaults, module != NULL ? module : hs_None);
    }
  /* the class: the body's names but the fields, on the namedtuple's type, without a
   * __dict__ for its instances (CPython sets them on that type itself) */
  gsize pos = 0;
  HsObject *key, *value;
  gboolean ok = base != NULL
                && hs_dict_set_item (vm, body, hs_str_intern_cstr ("__annotations__"), types) == 0;
  while (ok && hs_dict_next (ns, &pos, &key, &value))
    {
      if (hs_str_check (key) && in_list (key, prohibited, G_N_ELEMENTS (prohibited)))
        {
          hs_err_format (vm, &hs_exc_AttributeError, "Cannot overwrite NamedTuple attribute %s",
                         hs_str_utf8 (key));
          ok = FALSE;
        }
      else if (hs_object_contains (vm, fields, key) == 0)
        ok = hs_dict_set_item (vm, body, key, value) == 0;
    }
  if (ok && hs_dict_set_item (vm, body, hs_str_intern_cstr ("__slots__"), hs_tuple_empty ()) == 0)
    cls = hs_class_new (vm, &hs_type_type, typename, &base, 1, body, NULL, NULL);
  hs_xdecref (vm, base);
  hs_xdecref (vm, body);
  hs_xdecref (vm, fields);
  hs_xdecref (vm, defaults);
  hs_xdecref (vm, empty);
  return cls;
}

static const HsMethodDef nt_meta_new_def = { "__new__", nt_meta_new };

/* ---- the function NamedTuple --------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *base; /* the class NamedTuple that __mro_entries__ gives */
} HsNamedTupleFn;

static void
fn_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit (visit, ((HsNamedTupleFn *)self)->base, data);
}

static void
fn_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsNamedTupleFn *)self)->base);
}

/* As the module's other functions written in C here (namedtuple): no address, which would
 * differ from run to run in the diagram (CPython's is a Python function) */
static HsObject *
fn_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_cstr (vm, "<built-in function NamedTuple>");
}

/* NamedTuple('Point', [('x', int), ('y', int)]) or NamedTuple('Point', x=int, y=int) */
static HsObject *
fn_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
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

static HsObject *
fn_mro_entries (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *bases;
  if (!hs_parse_args (vm, "__mro_entries__", args + 1, nargs - 1, kwnames, "bases /", &bases))
    return NULL;
  return hs_tuple_pack (vm, 1, ((HsNamedTupleFn *)args[0])->base);
}

static const HsMethodDef fn_methods[] = {
  { "__mro_entries__", fn_mro_entries },
  { NULL, NULL },
};

/* CPython's NamedTuple is a function; here one of this type, named as built-in ones are. */
static HsType namedtuple_fn_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "builtin_function_or_method",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsNamedTupleFn),
  .dealloc = fn_clear,
  .refs = fn_refs,
  .clear = fn_clear,
  .repr = fn_repr,
  .call = fn_call,
  .methods = fn_methods,
};

/* A class of typing: NamedTupleMeta (made by type), the base NamedTuple (made by it). */
static HsObject *
typing_class (HsVM *vm, HsType *meta, const char *name, HsObject *base, HsObject *ns)
{
  HsObject *cls = NULL;
  if (ns != NULL
      && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"), hs_str_intern_cstr ("typing"))
             == 0)
    cls = hs_class_new (vm, meta, hs_str_intern_cstr (name), &base, base != NULL, ns, NULL, NULL);
  hs_xdecref (vm, ns);
  if (cls != NULL)
    ((HsType *)cls)->module = "typing";
  return cls;
}

int
hs_typing_namedtuple_add (HsVM *vm, HsObject *dict)
{
  HsObject *ns = hs_dict_new (vm), *new_fn = hs_cfunction_new (vm, &nt_meta_new_def, NULL);
  if (ns != NULL && new_fn != NULL
      && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__new__"), new_fn) < 0)
    HS_CLEAR (vm, ns);
  hs_xdecref (vm, new_fn);
  HsObject *meta
      = typing_class (vm, &hs_type_type, "NamedTupleMeta", (HsObject *)&hs_type_type, ns);
  HsObject *base = meta != NULL
                       ? typing_class (vm, (HsType *)meta, "NamedTuple", NULL, hs_dict_new (vm))
                       : NULL;
  hs_xdecref (vm, meta); /* the base class holds its metaclass */
  if (base == NULL)
    return -1;
  HsNamedTupleFn *fn
      = (HsNamedTupleFn *)hs_object_alloc (vm, &namedtuple_fn_type, sizeof (HsNamedTupleFn));
  if (fn == NULL)
    {
      hs_decref (vm, base);
      return -1;
    }
  fn->base = base;
  hs_gc_track (vm, &fn->header);
  return hs_module_add_take (vm, dict, "NamedTuple", &fn->header);
}

void
hs_typing_namedtuple_runtime_init (void)
{
  hs_type_ready (&namedtuple_fn_type);
}
