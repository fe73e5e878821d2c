/* hs-namedtuple.c — collections.namedtuple: classes whose instances are tuples with named
 * items.
 *
 * Invariant: namedtuple() makes an ordinary class derived from tuple (refcounted, drawn as
 * any class), its namespace CPython's: __doc__, __slots__ = (), _fields, _field_defaults,
 * __new__ (a staticmethod), _make, _replace, __repr__, _asdict, __getnewargs__,
 * __match_args__, a _tuplegetter per field and __module__. Only the built-in part of its
 * instances differs from tuple's: `namedtuple_base` (its static_base, a subtype of tuple
 * that Python never sees: HS_TYPE_HIDDEN), whose refs name each item by its field, so the
 * trace draws an instance as a tuple with named items. The class namedtuple() made is found
 * from any class derived from it as the last class before tuple along the bases; its
 * `_fields` and `_field_defaults` are read from its namespace.
 */
#include "config.h"

#include "hs-namedtuple.h"

#include <string.h>

#include "hs-builtin-subclass.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

static HsType namedtuple_base, tuplegetter_type;

gboolean
hs_namedtuple_is_base (const HsType *t)
{
  return t == &namedtuple_base;
}

/* The class namedtuple() made that t is or derives from, or NULL. */
static const HsType *
nt_class_of (const HsType *t)
{
  if (!(t->type_flags & HS_TYPE_HEAP) || HS_CLASS (t)->static_base != &namedtuple_base)
    return NULL;
  while (t->base->type_flags & HS_TYPE_HEAP)
    t = t->base;
  return t;
}

/* The namedtuple class's `_fields` (borrowed; an empty tuple when it is not a tuple of str). */
static HsObject *
fields_of (const HsType *nt)
{
  HsObject *f = hs_type_lookup_borrow (nt, hs_str_intern_cstr ("_fields"));
  if (f == NULL || !hs_tuple_check (f))
    return hs_tuple_empty ();
  for (gsize i = 0; i < hs_tuple_len (f); i++)
    if (!hs_str_check (hs_tuple_get_borrow (f, i)))
      return hs_tuple_empty ();
  return f;
}

static gssize
field_index (HsObject *fields, HsObject *name)
{
  for (gsize i = 0; i < hs_tuple_len (fields); i++)
    if (hs_str_equal (hs_tuple_get_borrow (fields, i), name))
      return (gssize)i;
  return -1;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static void
append_names (GString *out, HsObject **names, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
      g_string_append_printf (out, "'%s'", hs_str_utf8 (names[i]));
    }
}

/* The plain tuple of the fields bound as CPython's generated __new__(_cls, x, y=…) binds
 * them, its defaults those of _field_defaults; errors name the namedtuple class nt. */
static HsObject *
nt_bind (HsVM *vm, const HsType *nt, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fields = fields_of (nt), *self;
  HsObject *defaults = hs_type_lookup_borrow (nt, hs_str_intern_cstr ("_field_defaults"));
  gsize n = hs_tuple_len (fields), nopt = 0, nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  g_autofree HsObject **slots = g_new0 (HsObject *, n + 1);
  g_autofree HsObject **missing = g_new0 (HsObject *, n + 1);
  gsize nmissing = 0;

  for (gsize i = 0; i < n; i++)
    if (defaults != NULL && hs_dict_check (defaults)
        && hs_dict_get_item_borrow (vm, defaults, hs_tuple_get_borrow (fields, i)) != NULL)
      nopt++;
  for (gsize i = 0; i < MIN (nargs, n); i++)
    slots[i] = args[i];
  for (gsize k = 0; k < nkw; k++)
    {
      HsObject *kw = hs_tuple_get_borrow (kwnames, k);
      gssize i = field_index (fields, kw);
      if (i < 0 || slots[i] != NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         i < 0 ? "%s.__new__() got an unexpected keyword argument '%s'"
                               : "%s.__new__() got multiple values for argument '%s'",
                         nt->name, hs_str_utf8 (kw));
          return NULL;
        }
      slots[i] = args[nargs + k];
    }
  if (nargs > n)
    {
      g_autofree char *takes
          = nopt > 0 ? g_strdup_printf ("from %" G_GSIZE_FORMAT " to %" G_GSIZE_FORMAT,
                                        n - nopt + 1, n + 1)
                     : g_strdup_printf ("%" G_GSIZE_FORMAT, n + 1);
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s.__new__() takes %s positional arguments but %" G_GSIZE_FORMAT
                     " were given",
                     nt->name, takes, nargs + 1);
      return NULL;
    }
  for (gsize i = 0; i < n; i++)
    if (slots[i] == NULL && defaults != NULL && hs_dict_check (defaults))
      slots[i] = hs_dict_get_item_borrow (vm, defaults, hs_tuple_get_borrow (fields, i));
  for (gsize i = 0; i < n; i++)
    if (slots[i] == NULL)
      missing[nmissing++] = hs_tuple_get_borrow (fields, i);
  if (nmissing > 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      append_names (names, missing, nmissing);
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s.__new__() missing %" G_GSIZE_FORMAT " required positional argument%s: %s",
                     nt->name, nmissing, nmissing == 1 ? "" : "s", names->str);
      return NULL;
    }
  if ((self = hs_tuple_new (vm, n)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    hs_tuple_set_take (self, i, hs_incref (slots[i]));
  return self;
}

/* The namedtuple class of cls, the first argument of __new__ or _make, or NULL with
 * CPython's TypeError. */
static const HsType *
nt_target (HsVM *vm, const char *name, HsObject **args, gsize nargs)
{
  const HsType *nt = nargs >= 1 && hs_type_check (args[0]) ? nt_class_of ((HsType *)args[0]) : NULL;
  if (nt == NULL)
    hs_err_format (vm, &hs_exc_TypeError, "%s(X): X is not a namedtuple class", name);
  return nt;
}

/* __new__(cls, *fields): an instance of cls, a namedtuple class or a class derived from
 * one (class Point(namedtuple('Point', 'x y'))). */
static HsObject *
nt_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  const HsType *nt = nt_target (vm, "namedtuple.__new__", args, nargs);
  HsObject *v = nt != NULL ? nt_bind (vm, nt, args + 1, nargs - 1, kwnames) : NULL;
  HsObject *self = v != NULL ? hs_builtin_subclass_from_value (vm, (HsType *)args[0], v) : NULL;
  hs_xdecref (vm, v);
  return self;
}

static const HsMethodDef nt_new_def = { "__new__", nt_new };
static HsObject *nt_new_fn;

static HsObject *
nt_repr (HsVM *vm, HsObject *self)
{
  const HsType *nt = nt_class_of (self->type);
  HsObject *fields = nt != NULL ? fields_of (nt) : hs_tuple_empty ();
  GString *out = g_string_new (self->type->name);

  if (hs_repr_enter (self))
    {
      g_string_append (out, "(...)");
      return hs_str_from_gstring (vm, out);
    }
  g_string_append_c (out, '(');
  for (gsize i = 0; i < hs_tuple_len (self); i++)
    {
      HsObject *r = hs_object_repr (vm, hs_tuple_get_borrow (self, i));
      if (r == NULL)
        {
          hs_repr_leave (self);
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_printf (
          out, "%s%s=%s", i > 0 ? ", " : "",
          i < hs_tuple_len (fields) ? hs_str_utf8 (hs_tuple_get_borrow (fields, i)) : "?",
          hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  g_string_append_c (out, ')');
  hs_repr_leave (self);
  return hs_str_from_gstring (vm, out);
}

/* A field has no setter: its _tuplegetter's __set__ and __delete__ refuse. */
static int
nt_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *d = hs_type_lookup_borrow (self->type, name);
  if (d != NULL && HS_IS (d, &tuplegetter_type))
    hs_err_set_string (vm, &hs_exc_AttributeError,
                       value != NULL ? "can't set attribute" : "can't delete attribute");
  else
    hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                   hs_type_name (self), hs_str_utf8 (name));
  return -1;
}

/* The items, named by the fields. */
static void
nt_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  const HsType *nt = nt_class_of (self->type);
  HsObject *fields = nt != NULL ? fields_of (nt) : hs_tuple_empty ();
  for (gsize i = 0; i < hs_tuple_len (self); i++)
    if (hs_tuple_get_borrow (self, i) == NULL)
      continue;
    else if (i < hs_tuple_len (fields))
      hs_visit_attr_str (visit, hs_tuple_get_borrow (self, i), hs_tuple_get_borrow (fields, i),
                         data);
    else
      hs_visit_item (visit, hs_tuple_get_borrow (self, i), HS_REF_ITEM, i, data);
}

static HsObject *
m_asdict (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *d, *fields;
  const HsType *nt = nt_class_of (self->type);
  if (!hs_parse_args (vm, "_asdict", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  fields = nt != NULL ? fields_of (nt) : hs_tuple_empty ();
  d = hs_dict_new (vm);
  for (gsize i = 0; d != NULL && i < MIN (hs_tuple_len (self), hs_tuple_len (fields)); i++)
    if (hs_dict_set_item (vm, d, hs_tuple_get_borrow (fields, i), hs_tuple_get_borrow (self, i))
        < 0)
      HS_CLEAR (vm, d);
  return d;
}

/* A new instance of type from exactly len(_fields) items (CPython's _make). */
static HsObject *
make_from (HsVM *vm, HsType *type, const HsType *nt, HsObject *items)
{
  gsize n = hs_tuple_len (fields_of (nt));
  HsObject *v, *self;
  if (hs_list_len (items) != n)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "Expected %" G_GSIZE_FORMAT " arguments, got %" G_GSIZE_FORMAT, n,
                     hs_list_len (items));
      return NULL;
    }
  if ((v = hs_tuple_from_array (vm, hs_list_items (items), n)) == NULL)
    return NULL;
  self = hs_builtin_subclass_from_value (vm, type, v);
  hs_decref (vm, v);
  return self;
}

static HsObject *
m_make (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *items, *r;
  const HsType *nt = nt_target (vm, "_make", args, nargs);
  if (nt == NULL
      || !hs_parse_args (vm, "_make", args + 1, nargs - 1, kwnames, "@iterable", &iterable))
    return NULL;
  if ((items = hs_list_from_iterable (vm, iterable)) == NULL)
    return NULL;
  r = make_from (vm, (HsType *)args[0], nt, items);
  hs_decref (vm, items);
  return r;
}

static HsObject *
m_replace (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *items, *r = NULL;
  const HsType *nt = nt_class_of (self->type);
  HsObject *fields = nt != NULL ? fields_of (nt) : hs_tuple_empty ();
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  g_autoptr (GString) unknown = g_string_new (NULL);

  if (!hs_parse_args (vm, "_replace", args + 1, nargs - 1, NULL, "@"))
    return NULL;
  if ((items = hs_list_from_array (vm, hs_tuple_items (self), hs_tuple_len (self))) == NULL)
    return NULL;
  for (gsize k = 0; k < nkw; k++)
    {
      HsObject *kw = hs_tuple_get_borrow (kwnames, k);
      gssize i = field_index (fields, kw);
      if (i >= 0 && (gsize)i < hs_list_len (items))
        hs_list_set_item (vm, items, (gsize)i, args[nargs + k]);
      else
        g_string_append_printf (unknown, "%s'%s'", unknown->len ? ", " : "", hs_str_utf8 (kw));
    }
  if (unknown->len > 0)
    hs_err_format (vm, &hs_exc_ValueError, "Got unexpected field names: [%s]", unknown->str);
  else if (nt != NULL)
    r = make_from (vm, (HsType *)self->type, nt, items);
  hs_decref (vm, items);
  return r;
}

/* tuple(self): what copy and pickle rebuild an instance from */
static HsObject *
m_getnewargs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__getnewargs__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_tuple_from_array (vm, hs_tuple_items (args[0]), hs_tuple_len (args[0]));
}

static HsObject *
m_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__repr__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return nt_repr (vm, args[0]);
}

static const HsMethodDef nt_methods[] = {
  { "_asdict", m_asdict },
  { "__repr__", m_repr },
  { "_make", m_make, HS_METH_CLASS },
  { "_replace", m_replace },
  { "__getnewargs__", m_getnewargs },
  { NULL, NULL },
};

static HsType namedtuple_base = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "namedtuple",
  .module = "collections",
  .base = &hs_tuple_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_HIDDEN,
  .basicsize = sizeof (HsTuple),
  .repr = nt_repr,
  .setattr = nt_setattr,
  .refs = nt_refs,
  .methods = nt_methods,
};

/* ---- _tuplegetter ---------------------------------------------------------------- */

/* _collections._tuplegetter(index, doc): a field's descriptor, the item at index of an
 * instance; a class's own (the class holds it), not refcounted children: index and doc are
 * kept as C values. */
typedef struct
{
  HsObject header;
  gsize index;
} TupleGetter;

static HsObject *
tuplegetter_get (HsVM *vm, HsObject *self, HsObject *obj, const HsType *type)
{
  gsize i = ((TupleGetter *)self)->index;
  (void)type;
  if (obj == NULL)
    return hs_incref (self);
  if (!hs_tuple_check (obj))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "descriptor for index '%" G_GSIZE_FORMAT "' for tuple subclasses "
                     "doesn't apply to '%s' object",
                     i, hs_type_name (obj));
      return NULL;
    }
  if (i >= hs_tuple_len (obj))
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "tuple index out of range");
      return NULL;
    }
  return hs_incref (hs_tuple_get_borrow (obj, i));
}

static HsObject *
tuplegetter_repr (HsVM *vm, HsObject *self)
{
  gsize i = ((TupleGetter *)self)->index;
  return hs_str_from_format (
      vm, "_tuplegetter(%" G_GSIZE_FORMAT ", 'Alias for field number %" G_GSIZE_FORMAT "')", i, i);
}

static HsType tuplegetter_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_tuplegetter",
  .module = "_collections",
  .tp_name = "_collections._tuplegetter",
  .basicsize = sizeof (TupleGetter),
  .repr = tuplegetter_repr,
  .descr_get = tuplegetter_get,
};

static HsObject *
tuplegetter_new (HsVM *vm, gsize index)
{
  TupleGetter *g = (TupleGetter *)hs_object_alloc (vm, &tuplegetter_type, sizeof (TupleGetter));
  if (g != NULL)
    g->index = index;
  return (HsObject *)g;
}

/* ---- namedtuple() ---------------------------------------------------------------- */

static gboolean
is_keyword (const char *s)
{
  static const char *const keywords[]
      = { "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
          "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
          "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
          "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield" };
  for (gsize i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strcmp (s, keywords[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_identifier (const char *s)
{
  if (!g_ascii_isalpha (*s) && *s != '_' && !((guchar)*s & 0x80))
    return FALSE;
  for (s++; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '_' && !((guchar)*s & 0x80))
      return FALSE;
  return TRUE;
}

/* The field names as a list of str: a str is split at commas and spaces. */
static HsObject *
field_list (HsVM *vm, HsObject *field_names)
{
  HsObject *list;
  if (!hs_str_check (field_names))
    return hs_list_from_iterable (vm, field_names);
  list = hs_list_new (vm, 0);
  g_auto (GStrv) parts = g_strsplit_set (hs_str_utf8 (field_names), ", \t\n", -1);
  for (gsize i = 0; list != NULL && parts[i] != NULL; i++)
    if (parts[i][0] != '\0' && hs_list_append_take (vm, list, hs_str_from_cstr (vm, parts[i])) < 0)
      HS_CLEAR (vm, list);
  return list;
}

/* Checks (or with rename, replaces) the names as CPython's namedtuple() does. */
static gboolean
check_names (HsVM *vm, HsObject *type_name, HsObject *names, gboolean rename)
{
  gsize n = hs_list_len (names);
  for (gsize i = 0; rename && i < n; i++)
    {
      const char *s = hs_str_check (hs_list_get_borrow (names, i))
                          ? hs_str_utf8 (hs_list_get_borrow (names, i))
                          : NULL;
      gboolean dup = FALSE;
      for (gsize j = 0; s != NULL && j < i; j++)
        dup = dup || hs_str_equal (hs_list_get_borrow (names, j), hs_list_get_borrow (names, i));
      if (s == NULL || !is_identifier (s) || is_keyword (s) || s[0] == '_' || dup)
        {
          HsObject *r = hs_str_from_format (vm, "_%" G_GSIZE_FORMAT, i);
          if (r == NULL)
            return FALSE;
          hs_list_set_item (vm, names, i, r);
          hs_decref (vm, r);
        }
    }
  for (gsize i = 0; i <= n; i++)
    {
      HsObject *name = i == 0 ? type_name : hs_list_get_borrow (names, i - 1);
      const char *s;
      if (!hs_str_check (name))
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "Type names and field names must be strings");
          return FALSE;
        }
      s = hs_str_utf8 (name);
      if (!is_identifier (s))
        hs_err_format (vm, &hs_exc_ValueError,
                       "Type names and field names must be valid identifiers: '%s'", s);
      else if (is_keyword (s))
        hs_err_format (vm, &hs_exc_ValueError,
                       "Type names and field names cannot be a keyword: '%s'", s);
      if (hs_err_occurred (vm))
        return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      HsObject *name = hs_list_get_borrow (names, i);
      if (hs_str_utf8 (name)[0] == '_' && !rename)
        {
          hs_err_format (vm, &hs_exc_ValueError,
                         "Field names cannot start with an underscore: '%s'", hs_str_utf8 (name));
          return FALSE;
        }
      for (gsize j = 0; j < i; j++)
        if (hs_str_equal (hs_list_get_borrow (names, j), name))
          {
            hs_err_format (vm, &hs_exc_ValueError, "Encountered duplicate field name: '%s'",
                           hs_str_utf8 (name));
            return FALSE;
          }
    }
  return TRUE;
}

/* ns[name] = value (value taken) */
static gboolean
ns_set_take (HsVM *vm, HsObject *ns, const char *name, HsObject *value)
{
  int r = value != NULL ? hs_dict_set_item (vm, ns, hs_str_intern_cstr (name), value) : -1;
  hs_xdecref (vm, value);
  return r == 0;
}

/* "Point(x, y)" */
static HsObject *
class_doc (HsVM *vm, HsObject *type_name, HsObject *fields)
{
  g_autoptr (GString) doc = g_string_new (hs_str_utf8 (type_name));
  g_string_append_c (doc, '(');
  for (gsize i = 0; i < hs_tuple_len (fields); i++)
    g_string_append_printf (doc, "%s%s", i > 0 ? ", " : "",
                            hs_str_utf8 (hs_tuple_get_borrow (fields, i)));
  g_string_append_c (doc, ')');
  return hs_str_from_cstr (vm, doc->str);
}

/* The namespace CPython's namedtuple() gives type(typename, (tuple,), ns), in its order. */
static gboolean
fill_namespace (HsVM *vm, HsObject *ns, HsObject *type_name, HsObject *fields, HsObject *defaults,
                HsObject *module)
{
  static const char *const methods[]
      = { "_make", "_replace", "__repr__", "_asdict", "__getnewargs__" };
  gsize n = hs_tuple_len (fields), ndef = hs_tuple_len (defaults);
  HsObject *field_defaults = hs_dict_new (vm);
  gboolean ok = field_defaults != NULL;
  for (gsize i = 0; ok && i < ndef; i++)
    ok = hs_dict_set_item (vm, field_defaults, hs_tuple_get_borrow (fields, n - ndef + i),
                           hs_tuple_get_borrow (defaults, i))
         == 0;
  ok = ok && ns_set_take (vm, ns, "__doc__", class_doc (vm, type_name, fields))
       && ns_set_take (vm, ns, "__slots__", hs_incref (hs_tuple_empty ()))
       && ns_set_take (vm, ns, "_fields", hs_incref (fields))
       && ns_set_take (vm, ns, "_field_defaults", hs_incref (field_defaults))
       && ns_set_take (vm, ns, "__new__",
                       hs_object_call (vm, (HsObject *)&hs_staticmethod_type, &nt_new_fn, 1, NULL));
  hs_xdecref (vm, field_defaults);
  for (gsize i = 0; ok && i < G_N_ELEMENTS (methods); i++)
    ok = ns_set_take (
        vm, ns, methods[i],
        hs_incref (hs_dict_get_item_cstr_borrow (vm, namedtuple_base.dict, methods[i])));
  ok = ok && ns_set_take (vm, ns, "__match_args__", hs_incref (fields));
  for (gsize i = 0; ok && i < n; i++)
    {
      HsObject *getter = tuplegetter_new (vm, i);
      ok = getter != NULL
           && hs_dict_set_item (vm, ns, hs_tuple_get_borrow (fields, i), getter) == 0;
      hs_xdecref (vm, getter);
    }
  return ok && ns_set_take (vm, ns, "__module__", hs_incref (module));
}

/* type(typename, (tuple,), ns) with the namespace CPython's namedtuple() writes; its
 * instances' built-in part namedtuple_base. */
static HsObject *
new_class (HsVM *vm, HsObject *type_name, HsObject *names, HsObject *defaults, HsObject *module)
{
  HsObject *fields = hs_tuple_new (vm, hs_list_len (names)), *ns = hs_dict_new (vm), *cls = NULL;
  HsObject *base = (HsObject *)&hs_tuple_type;
  if (fields != NULL && ns != NULL)
    {
      for (gsize i = 0; i < hs_list_len (names); i++)
        hs_tuple_set_take (fields, i, hs_str_intern_name_obj (vm, hs_list_get_borrow (names, i)));
      if (fill_namespace (vm, ns, type_name, fields, defaults, module))
        cls = hs_class_new (vm, &hs_type_type, type_name, &base, 1, ns, NULL, NULL);
    }
  if (cls != NULL)
    HS_CLASS (cls)->static_base = &namedtuple_base;
  hs_xdecref (vm, fields);
  hs_xdecref (vm, ns);
  return cls;
}

HsObject *
hs_namedtuple_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *type_name = NULL, *field_names = NULL, *rename = NULL, *defaults = NULL, *module = NULL,
           *names, *defs = NULL, *r = NULL;
  int ren = 0;

  if (!hs_parse_args (vm, "namedtuple", args, nargs, kwnames,
                      "@typename field_names|$rename defaults module", &type_name, &field_names,
                      &rename, &defaults, &module))
    return NULL;
  if (rename != NULL && (ren = hs_object_truth (vm, rename)) < 0)
    return NULL;
  if ((names = field_list (vm, field_names)) == NULL)
    return NULL;
  if (!check_names (vm, type_name, names, ren))
    goto out;
  defs = defaults != NULL && defaults != hs_None ? hs_tuple_from_iterable (vm, defaults)
                                                 : hs_incref (hs_tuple_empty ());
  if (defs == NULL)
    goto out;
  if (hs_tuple_len (defs) > hs_list_len (names))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "Got more default values than field names");
      goto out;
    }
  r = new_class (vm, type_name, names, defs,
                 module != NULL && hs_str_check (module) ? module
                                                         : hs_str_intern_cstr ("__main__"));
out:
  hs_xdecref (vm, defs);
  hs_decref (vm, names);
  return r;
}

void
hs_namedtuple_runtime_init (void)
{
  hs_type_ready (&namedtuple_base);
  hs_type_ready (&tuplegetter_type);
  nt_new_fn = hs_cfunction_new (NULL, &nt_new_def, NULL);
}
