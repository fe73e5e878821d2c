/* hs-namedtuple.c — collections.namedtuple: classes whose instances are tuples with named
 * items.
 *
 * Invariant: namedtuple() makes a type (an NTType, immortal for the rest of the run, like
 * what a module defines: the trace shows it by name) whose base is `namedtuple_base`,
 * itself a subtype of tuple that Python never sees (HS_TYPE_HIDDEN: Point.__mro__ is
 * (Point, tuple, object) as CPython's, and Point's dict holds its methods too): an instance is an
 * HsTuple of exactly len(_fields) items, so every tuple operation applies to it, and the trace
 * draws it as a tuple whose items are named by the fields (its refs). The type's dict holds
 * `_fields` and
 * `_field_defaults`; the defaults fill the last parameters, as CPython's __new__ does.
 */
#include "config.h"

#include "hs-namedtuple.h"

#include <string.h>

#include "hs-builtin-subclass.h"
#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsType type;
  HsObject *fields;   /* tuple of interned str */
  HsObject *defaults; /* tuple, for the last len(defaults) fields */
} NTType;

#define NT(t) ((NTType *)(t))

static HsType namedtuple_base;

gboolean
hs_namedtuple_type_check (const HsType *t)
{
  return !(t->type_flags & HS_TYPE_HEAP) && t->base == &namedtuple_base;
}

/* The namedtuple() type that `t` is or derives from, or NULL. */
static NTType *
nt_of_type (const HsType *t)
{
  while (t != NULL && t->base != &namedtuple_base)
    t = t->base;
  return (NTType *)t;
}

static NTType *
nt_type_of (HsObject *self)
{
  return nt_of_type (self->type);
}

static gssize
field_index (NTType *t, HsObject *name)
{
  for (gsize i = 0; i < hs_tuple_len (t->fields); i++)
    if (hs_str_equal (hs_tuple_get_borrow (t->fields, i), name))
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

/* Binds Point(*args, **kw) to the fields as CPython's generated __new__ does. */
static HsObject *
nt_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  NTType *t = nt_of_type (type);
  gsize n = hs_tuple_len (t->fields), ndef = hs_tuple_len (t->defaults);
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  g_autofree HsObject **slots = g_new0 (HsObject *, n + 1);
  g_autofree HsObject **missing = g_new0 (HsObject *, n + 1);
  gsize nmissing = 0;
  HsObject *self;

  for (gsize i = 0; i < MIN (nargs, n); i++)
    slots[i] = args[i];
  for (gsize k = 0; k < nkw; k++)
    {
      HsObject *kw = hs_tuple_get_borrow (kwnames, k);
      gssize i = field_index (t, kw);
      if (i < 0 || slots[i] != NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         i < 0 ? "%s.__new__() got an unexpected keyword argument '%s'"
                               : "%s.__new__() got multiple values for argument '%s'",
                         type->name, hs_str_utf8 (kw));
          return NULL;
        }
      slots[i] = args[nargs + k];
    }
  if (nargs > n)
    {
      g_autofree char *takes
          = ndef > 0 ? g_strdup_printf ("from %" G_GSIZE_FORMAT " to %" G_GSIZE_FORMAT,
                                        n - ndef + 1, n + 1)
                     : g_strdup_printf ("%" G_GSIZE_FORMAT, n + 1);
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s.__new__() takes %s positional arguments but %" G_GSIZE_FORMAT
                     " were given",
                     type->name, takes, nargs + 1);
      return NULL;
    }
  for (gsize i = 0; i < n; i++)
    if (slots[i] == NULL && i >= n - ndef)
      slots[i] = hs_tuple_get_borrow (t->defaults, i - (n - ndef));
    else if (slots[i] == NULL)
      missing[nmissing++] = hs_tuple_get_borrow (t->fields, i);
  if (nmissing > 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      append_names (names, missing, nmissing);
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s.__new__() missing %" G_GSIZE_FORMAT " required positional argument%s: %s",
                     type->name, nmissing, nmissing == 1 ? "" : "s", names->str);
      return NULL;
    }
  if ((self = hs_tuple_new_type (vm, type, n)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    hs_tuple_set_take (self, i, hs_incref (slots[i]));
  return self;
}

static HsObject *
nt_repr (HsVM *vm, HsObject *self)
{
  NTType *t = nt_type_of (self);
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
      g_string_append_printf (out, "%s%s=%s", i > 0 ? ", " : "",
                              hs_str_utf8 (hs_tuple_get_borrow (t->fields, i)), hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  g_string_append_c (out, ')');
  hs_repr_leave (self);
  return hs_str_from_gstring (vm, out);
}

static HsObject *
nt_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  gssize i = field_index (nt_type_of (self), name);
  if (i >= 0 && (gsize)i < hs_tuple_len (self))
    return hs_incref (hs_tuple_get_borrow (self, (gsize)i));
  return hs_object_generic_getattr (vm, self, name);
}

static int
nt_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  if (field_index (nt_type_of (self), name) >= 0)
    hs_err_set_string (vm, &hs_exc_AttributeError, "can't set attribute");
  else
    hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                   hs_type_name (self), hs_str_utf8 (name));
  return -1;
}

/* The items, named by the fields. */
static void
nt_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  NTType *t = nt_type_of (self);
  for (gsize i = 0; i < hs_tuple_len (self); i++)
    if (hs_tuple_get_borrow (self, i) != NULL)
      hs_visit_attr_str (visit, hs_tuple_get_borrow (self, i), hs_tuple_get_borrow (t->fields, i),
                         data);
}

static HsObject *
m_asdict (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *d;
  NTType *t = nt_type_of (self);
  if (!hs_parse_args (vm, "_asdict", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  d = hs_dict_new (vm);
  for (gsize i = 0; d != NULL && i < hs_tuple_len (self); i++)
    if (hs_dict_set_item (vm, d, hs_tuple_get_borrow (t->fields, i), hs_tuple_get_borrow (self, i))
        < 0)
      HS_CLEAR (vm, d);
  return d;
}

/* An object of type (a namedtuple() type or a class derived from one) holding the items of
 * v, an object of its namedtuple() type (borrowed): v itself when that is type. */
static HsObject *
retype (HsVM *vm, HsType *type, HsObject *v)
{
  return v->type == type ? hs_incref (v) : hs_builtin_subclass_from_value (vm, type, v);
}

/* A new instance of type from exactly len(_fields) items. */
static HsObject *
make_from (HsVM *vm, HsType *type, HsObject *items)
{
  NTType *t = nt_of_type (type);
  gsize n = hs_tuple_len (t->fields);
  HsObject *v, *self;
  if (hs_list_len (items) != n)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "Expected %" G_GSIZE_FORMAT " arguments, got %" G_GSIZE_FORMAT, n,
                     hs_list_len (items));
      return NULL;
    }
  if ((v = hs_tuple_new_type (vm, &t->type, n)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    hs_tuple_set_take (v, i, hs_incref (hs_list_get_borrow (items, i)));
  self = retype (vm, type, v);
  hs_decref (vm, v);
  return self;
}

/* __new__(cls, *fields): an instance of cls, a namedtuple() type or a class derived from
 * one (class Point(namedtuple('Point', 'x y'))). */
static HsObject *
nt_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs < 1 || !hs_type_check (args[0]) || nt_of_type ((HsType *)args[0]) == NULL)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "namedtuple.__new__(X): X is not a type derived from a namedtuple");
      return NULL;
    }
  NTType *t = nt_of_type ((HsType *)args[0]);
  HsObject *v = nt_construct (vm, &t->type, args + 1, nargs - 1, kwnames);
  HsObject *self = v != NULL ? retype (vm, (HsType *)args[0], v) : NULL;
  hs_xdecref (vm, v);
  return self;
}

static const HsMethodDef nt_new_def = { "__new__", nt_new };
static HsObject *nt_new_fn;

static HsObject *
m_make (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *items, *r;
  if (!hs_parse_args (vm, "_make", args + 1, nargs - 1, kwnames, "@iterable", &iterable))
    return NULL;
  if ((items = hs_list_from_iterable (vm, iterable)) == NULL)
    return NULL;
  r = make_from (vm, (HsType *)args[0], items);
  hs_decref (vm, items);
  return r;
}

static HsObject *
m_replace (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *items, *r = NULL;
  NTType *t = nt_type_of (self);
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  g_autoptr (GString) unknown = g_string_new (NULL);

  if (!hs_parse_args (vm, "_replace", args + 1, nargs - 1, NULL, "@"))
    return NULL;
  if ((items = hs_list_from_array (vm, hs_tuple_items (self), hs_tuple_len (self))) == NULL)
    return NULL;
  for (gsize k = 0; k < nkw; k++)
    {
      HsObject *kw = hs_tuple_get_borrow (kwnames, k);
      gssize i = field_index (t, kw);
      if (i >= 0)
        hs_list_set_item (vm, items, (gsize)i, args[nargs + k]);
      else
        g_string_append_printf (unknown, "%s'%s'", unknown->len ? ", " : "", hs_str_utf8 (kw));
    }
  if (unknown->len > 0)
    hs_err_format (vm, &hs_exc_ValueError, "Got unexpected field names: [%s]", unknown->str);
  else
    r = make_from (vm, (HsType *)self->type, items);
  hs_decref (vm, items);
  return r;
}

/* (type, tuple(self)): copy rebuilds an instance from its items */
static HsObject *
m_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *items, *r;
  if (!hs_parse_args (vm, "__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((items = hs_tuple_from_array (vm, hs_tuple_items (args[0]), hs_tuple_len (args[0]))) == NULL)
    return NULL;
  r = hs_tuple_pack (vm, 2, (HsObject *)args[0]->type, items);
  hs_decref (vm, items);
  return r;
}

static const HsMethodDef nt_methods[] = {
  { "_asdict", m_asdict },
  { "_make", m_make, HS_METH_CLASS },
  { "_replace", m_replace },
  { "__reduce__", m_reduce },
  { NULL, NULL },
};

static HsType namedtuple_base = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "namedtuple",
  .module = "collections",
  .base = &hs_tuple_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_HIDDEN,
  .basicsize = 0,
  .repr = nt_repr,
  .getattr = nt_getattr,
  .setattr = nt_setattr,
  .refs = nt_refs,
  .construct = nt_construct,
  .methods = nt_methods,
};

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

/* An object the rest of the run keeps (held by an immortal type). */
static HsObject *
keep (HsObject *o)
{
  if (o != NULL)
    o->flags |= HS_FLAG_IMMORTAL;
  return o;
}

/* `module`: namedtuple's module= (a str), else NULL for "__main__" */
static HsObject *
new_type (HsVM *vm, HsObject *type_name, HsObject *names, HsObject *defaults, HsObject *module)
{
  gsize len = hs_str_byte_len (type_name);
  const char *module_name = module != NULL ? hs_str_utf8 (module) : "__main__";
  gsize mlen = strlen (module_name);
  NTType *t = (NTType *)hs_object_alloc (vm, &hs_type_type, sizeof (NTType) + len + mlen + 2);
  HsObject *field_defaults;
  char *name;
  gsize n = hs_list_len (names), ndef = hs_tuple_len (defaults);

  if (t == NULL)
    return NULL;
  name = (char *)(t + 1);
  memcpy (name, hs_str_utf8 (type_name), len + 1);
  memcpy (name + len + 1, module_name, mlen + 1);
  t->type.name = name;
  t->type.module = name + len + 1;
  t->type.base = &namedtuple_base;
  t->type.type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE | HS_TYPE_BASETYPE;
  /* what a class derived from it takes from its built-in part (hs-class.c's static_base) */
  t->type.repr = namedtuple_base.repr;
  t->type.getattr = namedtuple_base.getattr;
  t->type.setattr = namedtuple_base.setattr;
  t->type.refs = namedtuple_base.refs;
  t->type.basicsize = sizeof (HsTuple);
  t->fields = keep (hs_tuple_new (vm, n));
  t->defaults = keep (hs_incref (defaults));
  t->type.dict = keep (hs_dict_new (vm));
  if (t->type.dict != NULL)
    hs_dict_mark_type_namespace (t->type.dict, &t->type);
  field_defaults = keep (hs_dict_new (vm));
  keep (&t->type.header);
  if (t->fields == NULL || t->type.dict == NULL || field_defaults == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *s = hs_list_get_borrow (names, i);
      hs_tuple_set_take (t->fields, i, hs_str_intern_name_obj (vm, s));
    }
  for (gsize i = 0; i < ndef; i++)
    if (hs_dict_set_item (vm, field_defaults, hs_tuple_get_borrow (t->fields, n - ndef + i),
                          hs_tuple_get_borrow (defaults, i))
        < 0)
      return NULL;
  if (hs_dict_set_item (vm, t->type.dict, hs_str_intern_cstr ("__new__"), nt_new_fn) < 0
      || hs_dict_set_item (vm, t->type.dict, hs_str_intern_cstr ("_fields"), t->fields) < 0
      || hs_dict_set_item (vm, t->type.dict, hs_str_intern_cstr ("__match_args__"), t->fields) < 0
      || hs_dict_set_item (vm, t->type.dict, hs_str_intern_cstr ("_field_defaults"), field_defaults)
             < 0)
    return NULL;
  hs_decref (vm, field_defaults);
  /* namedtuple_base's methods, which CPython writes into each class */
  gsize pos = 0;
  HsObject *key, *value;
  while (hs_dict_next (namedtuple_base.dict, &pos, &key, &value))
    if (hs_dict_set_item (vm, t->type.dict, key, value) < 0)
      return NULL;
  return &t->type.header;
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
  r = new_type (vm, type_name, names, defs,
                module != NULL && hs_str_check (module) ? module : NULL);
out:
  hs_xdecref (vm, defs);
  hs_decref (vm, names);
  return r;
}

void
hs_namedtuple_runtime_init (void)
{
  hs_type_ready (&namedtuple_base);
  nt_new_fn = hs_cfunction_new (NULL, &nt_new_def, NULL);
}
