/* hs-mod-dataclasses.c — the `dataclasses` module: dataclass, field, fields, asdict,
 * astuple, replace, is_dataclass, FrozenInstanceError and MISSING.
 *
 * Invariant: @dataclass turns the class's annotations (its own, after those of its
 * dataclass bases) into Field objects kept in the class's `__dataclass_fields__` dict,
 * in order, and installs the methods it asks for as method descriptors in the class's
 * namespace, only where the class defines none (CPython's _set_new_attribute). Each
 * generated method reads the fields from that dict of the instance's class, so it does
 * what CPython's generated source does for those fields: same results, same messages
 * (named by the class's qualified name, "Point.__init__() missing 1 required positional
 * argument: 'y'"). CPython's generated methods are Python functions (their frames show
 * in a traceback and a trace); these are built-in.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-recursion.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

static HsType frozen_error_type = {
  .name = "FrozenInstanceError",
  .module = "dataclasses",
  .base = &hs_exc_AttributeError,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

/* ---- MISSING ----------------------------------------------------------------------------- */

static HsType missing_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_MISSING_TYPE",
  .module = "dataclasses",
  .base = &hs_object_type,
  .basicsize = sizeof (HsObject),
};

static HsObject missing_struct
    = { .type = &missing_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL };
#define MISSING (&missing_struct)

/* ---- Field ------------------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *name, *type;     /* None until the class is processed */
  HsObject *deflt, *factory; /* MISSING when not given */
  HsObject *init, *repr, *hash, *compare, *metadata, *kw_only;
  int kind; /* CPython's _field_type: a field, an InitVar or a ClassVar pseudo-field */
} HsField;

enum
{
  KIND_FIELD,
  KIND_INITVAR,
  KIND_CLASSVAR,
};

#define FIELD(o) ((HsField *)(o))
#define N_FIELD_ATTRS 10

static const char *const field_attrs[N_FIELD_ATTRS]
    = { "name", "type", "default", "default_factory", "init",
        "repr", "hash", "compare", "metadata",        "kw_only" };

static HsObject **
field_slot (HsField *f, int i)
{
  HsObject **slots[N_FIELD_ATTRS] = { &f->name, &f->type, &f->deflt,   &f->factory,  &f->init,
                                      &f->repr, &f->hash, &f->compare, &f->metadata, &f->kw_only };
  return slots[i];
}

static void
field_dealloc (HsVM *vm, HsObject *self)
{
  for (int i = 0; i < N_FIELD_ATTRS; i++)
    HS_CLEAR (vm, *field_slot (FIELD (self), i));
}

static void
field_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  for (int i = 0; i < N_FIELD_ATTRS; i++)
    if (*field_slot (FIELD (self), i) != NULL)
      hs_visit_named (visit, *field_slot (FIELD (self), i), HS_REF_ATTR, field_attrs[i], data);
}

static HsObject *
field_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  for (int i = 0; i < N_FIELD_ATTRS; i++)
    if (hs_str_equal_cstr (name, field_attrs[i]) && *field_slot (FIELD (self), i) != NULL)
      return hs_incref (*field_slot (FIELD (self), i));
  return hs_object_generic_getattr (vm, self, name);
}

/* Field(name='x',type=<class 'int'>,default=1,...,_field_type=_FIELD) */
static HsObject *
field_repr (HsVM *vm, HsObject *self)
{
  GString *out = g_string_new ("Field(");
  for (int i = 0; i < N_FIELD_ATTRS; i++)
    {
      HsObject *v = *field_slot (FIELD (self), i), *r;
      if ((r = hs_object_repr (vm, v != NULL ? v : hs_None)) == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_printf (out, "%s=%s,", field_attrs[i], hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  static const char *const kinds[] = { "_FIELD", "_FIELD_INITVAR", "_FIELD_CLASSVAR" };
  g_string_append_printf (out, "_field_type=%s)", kinds[FIELD (self)->kind]);
  return hs_str_from_gstring (vm, out);
}

static HsType field_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Field",
  .module = "dataclasses",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,
  .basicsize = sizeof (HsField),
  .dealloc = field_dealloc,
  .refs = field_refs,
  .clear = field_dealloc,
  .repr = field_repr,
  .getattr = field_getattr,
};

/* ---- InitVar and KW_ONLY ------------------------------------------------------------------ */

/* InitVar[T]: an init-only pseudo-field's annotation, holding T. */
typedef struct
{
  HsObject header;
  HsObject *type;
} HsInitVar;

static void
initvar_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsInitVar *)self)->type);
}

static void
initvar_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit_named (visit, ((HsInitVar *)self)->type, HS_REF_ATTR, "type", data);
}

/* dataclasses.InitVar[int]: a type by its name, anything else by its repr */
static HsObject *
initvar_repr (HsVM *vm, HsObject *self)
{
  HsObject *t = ((HsInitVar *)self)->type;
  if (hs_type_check (t) && !(((HsType *)t)->type_flags & HS_TYPE_HEAP))
    return hs_str_from_format (vm, "dataclasses.InitVar[%s]", ((HsType *)t)->name);
  HsObject *r
      = hs_type_check (t) ? hs_object_getattr_cstr (vm, t, "__name__") : hs_object_repr (vm, t);
  HsObject *s
      = r != NULL ? hs_str_from_format (vm, "dataclasses.InitVar[%s]", hs_str_utf8 (r)) : NULL;
  hs_xdecref (vm, r);
  return s;
}

static HsObject *
initvar_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "type"))
    return hs_incref (((HsInitVar *)self)->type);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *initvar_class_getitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

static const HsMethodDef initvar_methods[] = {
  { "__class_getitem__", initvar_class_getitem, HS_METH_CLASS },
  { NULL, NULL },
};

static HsObject *initvar_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs,
                                    HsObject *kwnames);

static HsType initvar_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "InitVar",
  .module = "dataclasses",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsInitVar),
  .dealloc = initvar_dealloc,
  .refs = initvar_refs,
  .clear = initvar_dealloc,
  .repr = initvar_repr,
  .getattr = initvar_getattr,
  .construct = initvar_construct,
  .methods = initvar_methods,
};

static HsObject *
initvar_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *t = NULL;
  if (!hs_parse_args (vm, "InitVar", args, nargs, kwnames, "@type", &t))
    return NULL;
  HsInitVar *iv = (HsInitVar *)hs_object_alloc (vm, type, sizeof (HsInitVar));
  if (iv == NULL)
    return NULL;
  hs_incref ((HsObject *)type);
  iv->type = hs_incref (t);
  hs_gc_track (vm, &iv->header);
  return &iv->header;
}

static HsObject *
initvar_class_getitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return initvar_construct (vm, &initvar_type, args + 1, nargs - 1, kwnames);
}

/* KW_ONLY: the fields annotated after `_: KW_ONLY` are keyword-only. */
static HsType kw_only_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_KW_ONLY_TYPE",
  .module = "dataclasses",
  .base = &hs_object_type,
  .basicsize = sizeof (HsObject),
};

static HsObject kw_only_struct
    = { .type = &kw_only_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL };
#define KW_ONLY (&kw_only_struct)

static HsObject *
field_new (HsVM *vm, HsObject *deflt, HsObject *factory, HsObject *init, HsObject *repr,
           HsObject *hash, HsObject *compare, HsObject *metadata, HsObject *kw_only)
{
  HsField *f = (HsField *)hs_object_alloc (vm, &field_type, sizeof (HsField));
  if (f == NULL)
    return NULL;
  f->name = hs_incref (hs_None);
  f->type = hs_incref (hs_None);
  f->deflt = hs_incref (deflt);
  f->factory = hs_incref (factory);
  f->init = hs_incref (init);
  f->repr = hs_incref (repr);
  f->hash = hs_incref (hash);
  f->compare = hs_incref (compare);
  f->metadata = metadata != hs_None ? hs_incref (metadata) : hs_dict_new (vm);
  f->kw_only = hs_incref (kw_only);
  hs_gc_track (vm, &f->header);
  if (f->metadata == NULL)
    {
      hs_decref (vm, &f->header);
      return NULL;
    }
  return &f->header;
}

static HsObject *
dc_field (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *deflt = MISSING, *factory = MISSING, *init = hs_True, *repr = hs_True, *hash = hs_None,
           *compare = hs_True, *metadata = hs_None, *kw_only = MISSING;
  if (!hs_parse_args (vm, "field", args, nargs, kwnames,
                      "@|$default default_factory init repr hash compare metadata kw_only", &deflt,
                      &factory, &init, &repr, &hash, &compare, &metadata, &kw_only))
    return NULL;
  if (deflt != MISSING && factory != MISSING)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "cannot specify both default and default_factory");
      return NULL;
    }
  return field_new (vm, deflt, factory, init, repr, hash, compare, metadata, kw_only);
}

/* ---- reading a dataclass ---------------------------------------------------------------- */

static HsObject *fields_str, *post_init_str; /* interned at runtime init */

static HsObject *
fields_name (void)
{
  return fields_str;
}

/* The fields dict of obj's class (or of obj, a class), borrowed; NULL (no error) if none. */
static HsObject *
fields_of (HsObject *obj)
{
  const HsType *t = HS_ISINSTANCE (obj, &hs_type_type) ? (HsType *)obj : HS_TYPE (obj);
  HsObject *d = hs_type_lookup_borrow (t, fields_name ());
  return d != NULL && hs_dict_check (d) ? d : NULL;
}

/* The class whose dataclass methods self's class uses: the first in its MRO that has its
 * own fields dict. Its qualified name names the methods in messages. */
static const char *
owner_name (HsObject *self)
{
  for (const HsType *t = HS_TYPE (self); t != NULL; t = t->base)
    if (t->dict != NULL && hs_dict_get_item_borrow (NULL, t->dict, fields_name ()) != NULL)
      return t->name;
  return HS_TYPE (self)->name;
}

static gboolean
flag (HsObject *v)
{
  return v != NULL && v != hs_None && v != hs_bool_from (FALSE);
}

/* ---- the generated methods ------------------------------------------------------------- */

static int
set_field (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  return hs_instance_set_attr (vm, self, name, value);
}

/* "'x' and 'y'", "'x', 'y', and 'z'" */
static void
append_names (GString *out, GPtrArray *names)
{
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (out, names->len == 2 ? " and " : i + 1 == names->len ? ", and " : ", ");
      g_string_append_printf (out, "'%s'", (const char *)names->pdata[i]);
    }
}

/* An __init__ parameter: a field or InitVar with init=True (a ClassVar is none). */
static gboolean
is_param (HsField *f)
{
  return f->kind != KIND_CLASSVAR && flag (f->init);
}

static gboolean
has_default (HsField *f)
{
  return f->deflt != MISSING || f->factory != MISSING;
}

/* "A.__init__() missing 2 required keyword-only arguments: 'a' and 'b'" */
static void
set_missing_error (HsVM *vm, HsObject *self, GPtrArray *missing, const char *kind)
{
  GString *msg = g_string_new (NULL);
  g_string_printf (msg, "%s.__init__() missing %u required %s argument%s: ", owner_name (self),
                   missing->len, kind, missing->len == 1 ? "" : "s");
  append_names (msg, missing);
  hs_err_set_string (vm, &hs_exc_TypeError, msg->str);
  g_string_free (msg, TRUE);
}

/* The required parameters with no argument, positional ones first (CPython names those
 * only, when any is missing): the TypeError; FALSE if none is missing. */
static gboolean
check_missing (HsVM *vm, HsObject *self, HsObject **params, HsObject **given, gsize n)
{
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GPtrArray) missing_kw = NULL;
  gsize i = 0;

  while (i < n && (given[i] != NULL || has_default (FIELD (params[i]))))
    i++;
  if (i == n) /* the usual case, checked without making the arrays (once per instance) */
    return FALSE;
  missing = g_ptr_array_new ();
  missing_kw = g_ptr_array_new ();
  for (; i < n; i++)
    if (given[i] == NULL && !has_default (FIELD (params[i])))
      g_ptr_array_add (FIELD (params[i])->kw_only == hs_True ? missing_kw : missing,
                       (gpointer)hs_str_utf8 (FIELD (params[i])->name));
  if (missing->len == 0 && missing_kw->len == 0)
    return FALSE;
  set_missing_error (vm, self, missing->len > 0 ? missing : missing_kw,
                     missing->len > 0 ? "positional" : "keyword-only");
  return TRUE;
}

/* Up to this many fields, __init__ binds its arguments in arrays on the C stack (it is
 * called for every instance: a heap array per call was a third of its time). */
#define INIT_STACK_FIELDS 16

/* The generated __init__(self, <fields>, *, <keyword-only fields>): binds the arguments as
 * CPython binds them to that signature, sets the fields, then calls __post_init__ with the
 * InitVars. */
static HsObject *
dc_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *fields = fields_of (self), *k, *v, *post;
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0, pos = 0, npos = 0, nrequired = 0;
  gsize nparams = 0, nfields = fields != NULL ? hs_dict_len (fields) : 0;
  HsObject *stack_objs[2 * INIT_STACK_FIELDS];
  gsize stack_positional[INIT_STACK_FIELDS];
  g_autofree HsObject **heap_objs = NULL;
  g_autofree gsize *heap_positional = NULL;
  HsObject **params = stack_objs, **given; /* fields in definition order; their arguments */
  gsize *positional = stack_positional;    /* the positional parameters' indices */
  g_autoptr (GPtrArray) initvars = NULL;

  if (fields == NULL)
    return hs_incref (hs_None);
  if (nfields > INIT_STACK_FIELDS)
    {
      params = heap_objs = g_new (HsObject *, 2 * nfields);
      positional = heap_positional = g_new (gsize, nfields);
    }
  given = params + MAX (nfields, INIT_STACK_FIELDS);
  while (hs_dict_next (fields, &pos, &k, &v))
    if (is_param (FIELD (v)))
      {
        if (FIELD (v)->kw_only != hs_True)
          {
            positional[npos++] = nparams;
            nrequired += !has_default (FIELD (v));
          }
        given[nparams] = NULL;
        params[nparams++] = v;
      }
  if (nargs - 1 > npos)
    {
      if (nrequired < npos)
        hs_err_format (vm, &hs_exc_TypeError,
                       "%s.__init__() takes from %" G_GSIZE_FORMAT " to %" G_GSIZE_FORMAT
                       " positional arguments but %" G_GSIZE_FORMAT " were given",
                       owner_name (self), nrequired + 1, npos + 1, nargs);
      else
        hs_err_format (vm, &hs_exc_TypeError,
                       "%s.__init__() takes %" G_GSIZE_FORMAT
                       " positional argument%s but %" G_GSIZE_FORMAT " were given",
                       owner_name (self), npos + 1, npos == 0 ? "" : "s", nargs);
      return NULL;
    }
  for (gsize a = 1; a < nargs; a++)
    given[positional[a - 1]] = args[a];
  for (gsize kw = 0; kw < nkw; kw++)
    {
      HsObject *kname = hs_tuple_get_borrow (kwnames, kw);
      gsize i = 0;
      while (i < nparams && !hs_str_equal (FIELD (params[i])->name, kname))
        i++;
      if (i == nparams)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         "%s.__init__() got an unexpected keyword argument '%s'", owner_name (self),
                         hs_str_utf8 (kname));
          return NULL;
        }
      if (given[i] != NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         "%s.__init__() got multiple values for argument '%s'", owner_name (self),
                         hs_str_utf8 (kname));
          return NULL;
        }
      given[i] = args[nargs + kw];
    }
  if (check_missing (vm, self, params, given, nparams))
    return NULL;
  gsize i = 0;
  gboolean ok = TRUE;
  for (pos = 0; ok && hs_dict_next (fields, &pos, &k, &v);)
    {
      HsField *f = FIELD (v);
      HsObject *value = NULL;
      gboolean in_init = is_param (f);
      if (f->kind == KIND_CLASSVAR)
        continue;
      if (in_init && given[i] != NULL)
        value = hs_incref (given[i]);
      else if (f->factory != MISSING)
        value = hs_object_call (vm, f->factory, NULL, 0, NULL);
      else if (in_init)
        value = hs_incref (f->deflt);
      i += in_init;
      if (value == NULL)
        ok = !hs_err_occurred (vm);
      else if (f->kind == KIND_INITVAR)
        {
          if (initvars == NULL)
            initvars = g_ptr_array_new ();
          g_ptr_array_add (initvars, value);
        }
      else
        {
          ok = set_field (vm, self, k, value) == 0;
          hs_decref (vm, value);
        }
    }
  HsObject *r = ok ? hs_None : NULL;
  if (ok && (post = hs_type_lookup_borrow (HS_TYPE (self), post_init_str)) != NULL)
    {
      HsObject *m = hs_object_getattr_cstr (vm, self, "__post_init__");
      r = m != NULL ? hs_object_call (vm, m, initvars != NULL ? (HsObject **)initvars->pdata : NULL,
                                      initvars != NULL ? initvars->len : 0, NULL)
                    : NULL;
      hs_xdecref (vm, m);
      hs_xdecref (vm, r);
    }
  for (guint j = 0; initvars != NULL && j < initvars->len; j++)
    hs_decref (vm, initvars->pdata[j]);
  return r != NULL ? hs_incref (hs_None) : NULL;
}

static HsObject *
dc_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *fields = fields_of (self), *k, *v, *q;
  GString *out;
  gsize pos = 0;
  gboolean first = TRUE;

  if (!hs_parse_args (vm, "__repr__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  /* CPython's generated __repr__ is Python code under _recursive_repr's wrapper: two frames
   * against the recursion limit while the fields' reprs are made, the wrapper's call of
   * _thread.get_ident() (a C call) one level below it */
  if (!hs_recursion_enter (vm, ""))
    return NULL;
  if (!hs_recursion_probe (vm, 1, " while calling a Python object") || !hs_recursion_enter (vm, ""))
    {
      hs_recursion_leave (vm);
      return NULL;
    }
  if (hs_repr_enter (self))
    {
      hs_recursion_leave_n (vm, 2);
      return hs_str_from_cstr (vm, "...");
    }
  if ((q = hs_object_getattr_cstr (vm, (HsObject *)HS_TYPE (self), "__qualname__")) == NULL)
    {
      hs_repr_leave (self);
      hs_recursion_leave_n (vm, 2);
      return NULL;
    }
  out = g_string_new (hs_str_utf8 (q));
  hs_decref (vm, q);
  g_string_append_c (out, '(');
  while (fields != NULL && hs_dict_next (fields, &pos, &k, &v))
    {
      HsObject *value, *r;
      if (FIELD (v)->kind != KIND_FIELD || !flag (FIELD (v)->repr))
        continue;
      value = hs_object_getattr (vm, self, k);
      r = value != NULL ? hs_object_repr (vm, value) : NULL;
      hs_xdecref (vm, value);
      if (r == NULL)
        {
          hs_repr_leave (self);
          hs_recursion_leave_n (vm, 2);
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_printf (out, "%s%s=%s", first ? "" : ", ", hs_str_utf8 (k), hs_str_utf8 (r));
      hs_decref (vm, r);
      first = FALSE;
    }
  hs_repr_leave (self);
  hs_recursion_leave_n (vm, 2);
  g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

static gboolean
field_used (HsField *f, gboolean for_hash)
{
  return f->kind == KIND_FIELD
         && (for_hash ? (f->hash == hs_None ? flag (f->compare) : flag (f->hash))
                      : flag (f->compare));
}

/* The tuple of self's fields that `which` selects (compare, or hash) */
static HsObject *
field_tuple (HsVM *vm, HsObject *self, gboolean for_hash)
{
  HsObject *fields = fields_of (self), *k, *v, *t;
  HsObject *small[16];
  g_autofree HsObject **names = NULL;
  gsize pos = 0, n = 0, cap = G_N_ELEMENTS (small);
  HsObject **used = small;

  /* the fields it takes, named once (it runs for each comparison of two instances) */
  while (fields != NULL && hs_dict_next (fields, &pos, &k, &v))
    if (field_used (FIELD (v), for_hash))
      {
        if (n == cap)
          {
            if (names == NULL)
              names = g_memdup2 (small, sizeof small);
            cap *= 2;
            used = names = g_renew (HsObject *, names, cap);
          }
        used[n++] = k; /* a field's name: an identifier, immortal */
      }
  if ((t = hs_tuple_new (vm, n)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *value = hs_object_getattr (vm, self, used[i]);
      if (value == NULL)
        {
          hs_decref (vm, t);
          return NULL;
        }
      hs_tuple_set_take (t, i, value);
    }
  return t;
}

static HsObject *
compare (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
         HsCompareOp op)
{
  HsObject *self = NULL, *other = NULL, *a, *b, *r;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "@self other", &self, &other))
    return NULL;
  if (HS_TYPE (other) != HS_TYPE (self))
    return hs_incref (hs_NotImplemented);
  if ((a = field_tuple (vm, self, FALSE)) == NULL)
    return NULL;
  if ((b = field_tuple (vm, other, FALSE)) == NULL)
    {
      hs_decref (vm, a);
      return NULL;
    }
  r = hs_object_richcompare (vm, a, b, op);
  hs_decref (vm, a);
  hs_decref (vm, b);
  return r;
}

#define COMPARE(fname, dunder, op)                                                                 \
  static HsObject *fname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)               \
  {                                                                                                \
    return compare (vm, args, nargs, kwnames, dunder, op);                                         \
  }
COMPARE (dc_eq, "__eq__", HS_CMP_EQ)
COMPARE (dc_lt, "__lt__", HS_CMP_LT)
COMPARE (dc_le, "__le__", HS_CMP_LE)
COMPARE (dc_gt, "__gt__", HS_CMP_GT)
COMPARE (dc_ge, "__ge__", HS_CMP_GE)
#undef COMPARE

static HsObject *
dc_hash (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *t;
  gint64 h;
  if (!hs_parse_args (vm, "__hash__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if ((t = field_tuple (vm, args[0], TRUE)) == NULL)
    return NULL;
  if (hs_object_hash (vm, t, &h) < 0)
    {
      hs_decref (vm, t);
      return NULL;
    }
  hs_decref (vm, t);
  return hs_int_from_i64 (vm, h);
}

/* frozen: assignment to a field (or any attribute of the class itself) is refused */
static HsObject *
frozen_refuse (HsVM *vm, HsObject *self, HsObject *name, HsObject *value, const char *what)
{
  HsObject *fields = fields_of (self), *r;
  int is_field = fields != NULL ? hs_dict_contains (vm, fields, name) : 0;
  if (is_field < 0)
    return NULL;
  if (!is_field && hs_dict_get_item_borrow (vm, HS_TYPE (self)->dict, fields_name ()) == NULL)
    {
      if (set_field (vm, self, name, value) < 0)
        return NULL;
      return hs_incref (hs_None);
    }
  if ((r = hs_object_repr (vm, name)) != NULL)
    {
      HsObject *msg = hs_str_from_format (vm, "cannot %s field %s", what, hs_str_utf8 (r));
      if (msg != NULL)
        hs_err_set_value (vm, &frozen_error_type, msg);
      hs_xdecref (vm, msg);
      hs_decref (vm, r);
    }
  return NULL;
}

static HsObject *
dc_frozen_setattr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *name = NULL, *value = NULL;
  if (!hs_parse_args (vm, "__setattr__", args, nargs, kwnames, "@self name value", &self, &name,
                      &value))
    return NULL;
  return frozen_refuse (vm, self, name, value, "assign to");
}

static HsObject *
dc_frozen_delattr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *name = NULL;
  if (!hs_parse_args (vm, "__delattr__", args, nargs, kwnames, "@self name", &self, &name))
    return NULL;
  return frozen_refuse (vm, self, name, NULL, "delete");
}

enum
{
  M_INIT,
  M_REPR,
  M_EQ,
  M_LT,
  M_LE,
  M_GT,
  M_GE,
  M_HASH,
  M_SETATTR,
  M_DELATTR,
  M_COUNT
};

static const HsMethodDef method_defs[M_COUNT] = {
  { "__init__", dc_init },
  { "__repr__", dc_repr },
  { "__eq__", dc_eq },
  { "__lt__", dc_lt },
  { "__le__", dc_le },
  { "__gt__", dc_gt },
  { "__ge__", dc_ge },
  { "__hash__", dc_hash },
  { "__setattr__", dc_frozen_setattr },
  { "__delattr__", dc_frozen_delattr },
};
static HsObject *method_descrs[M_COUNT];

/* ---- @dataclass -------------------------------------------------------------------------- */

typedef struct
{
  gboolean init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only;
} Params;

static HsObject *
own_borrow (HsVM *vm, HsObject *cls, const char *name)
{
  return hs_dict_get_item_borrow (vm, hs_class_dict_borrow (cls), hs_str_intern_cstr (name));
}

/* Sets cls.name = the method unless the class defines it; TRUE if it did define it. */
static int
set_new_attribute (HsVM *vm, HsObject *cls, int m)
{
  if (own_borrow (vm, cls, method_defs[m].name) != NULL)
    return 1;
  return hs_object_setattr (vm, cls, hs_str_intern_cstr (method_defs[m].name), method_descrs[m]);
}

/* What kind of pseudo-field an annotation makes (CPython's _is_classvar: typing.ClassVar
 * or ClassVar[...], whose reprs name it; _is_initvar). */
static int
annotation_kind (HsVM *vm, HsObject *ann)
{
  if (ann == (HsObject *)&initvar_type || HS_IS (ann, &initvar_type))
    return KIND_INITVAR;
  HsObject *r = hs_object_repr (vm, ann);
  gboolean classvar = r != NULL
                      && (hs_str_equal_cstr (r, "typing.ClassVar")
                          || g_str_has_prefix (hs_str_utf8 (r), "typing.ClassVar["));
  hs_xdecref (vm, r);
  hs_err_clear (vm);
  return classvar ? KIND_CLASSVAR : KIND_FIELD;
}

/* The fields of cls's dataclass bases, then its own annotations, into `fields`; a field's
 * kw_only is resolved (the class's flag, or after `_: KW_ONLY`). */
static int
collect_fields (HsVM *vm, HsObject *cls, HsObject *fields, gboolean kw_only)
{
  HsObject *mro = hs_object_getattr_cstr (vm, cls, "__mro__"), *ann, *k, *v;
  gsize pos = 0;
  gboolean seen_default = FALSE;

  if (mro == NULL)
    return -1;
  for (gsize i = hs_tuple_len (mro); i-- > 1;)
    {
      HsObject *base = hs_tuple_get_borrow (mro, i), *bf;
      if (!hs_class_check (base) || (bf = own_borrow (vm, base, "__dataclass_fields__")) == NULL)
        continue;
      if (hs_dict_update (vm, fields, bf) < 0)
        {
          hs_decref (vm, mro);
          return -1;
        }
    }
  hs_decref (vm, mro);
  ann = own_borrow (vm, cls, "__annotations__");
  while (ann != NULL && hs_dict_check (ann) && hs_dict_next (ann, &pos, &k, &v))
    {
      if (v == KW_ONLY)
        {
          kw_only = TRUE;
          continue;
        }
      HsObject *dflt = own_borrow (vm, cls, hs_str_utf8 (k)), *f;
      if (dflt != NULL && HS_IS (dflt, &field_type))
        f = hs_incref (dflt);
      else if ((f = field_new (vm, dflt != NULL ? dflt : MISSING, MISSING, hs_True, hs_True,
                               hs_None, hs_True, hs_None, MISSING))
               == NULL)
        return -1;
      HS_CLEAR (vm, FIELD (f)->name);
      FIELD (f)->name = hs_incref (k);
      HS_CLEAR (vm, FIELD (f)->type);
      FIELD (f)->type = hs_incref (v);
      FIELD (f)->kind = annotation_kind (vm, v);
      if (FIELD (f)->kind != KIND_CLASSVAR && FIELD (f)->kw_only == MISSING)
        {
          HS_CLEAR (vm, FIELD (f)->kw_only);
          FIELD (f)->kw_only = hs_incref (hs_bool_from (kw_only));
        }
      hs_object_mark_dirty (vm, f);
      /* a default whose class is unhashable (list, dict, set) would be shared */
      if (FIELD (f)->kind == KIND_FIELD && FIELD (f)->deflt != MISSING
          && (HS_TYPE (FIELD (f)->deflt)->hash == hs_object_hash_not_implemented
              || hs_type_lookup_borrow (HS_TYPE (FIELD (f)->deflt), hs_str_intern_cstr ("__hash__"))
                     == hs_None))
        {
          hs_err_format (vm, &hs_exc_ValueError,
                         "mutable default <class '%s'> for field %s is not allowed: use "
                         "default_factory",
                         hs_type_name (FIELD (f)->deflt), hs_str_utf8 (k));
          hs_decref (vm, f);
          return -1;
        }
      if (dflt != NULL && HS_IS (dflt, &field_type))
        {
          int r = FIELD (f)->deflt == MISSING ? hs_object_setattr (vm, cls, k, NULL)
                                              : hs_object_setattr (vm, cls, k, FIELD (f)->deflt);
          if (r < 0)
            {
              hs_decref (vm, f);
              return -1;
            }
        }
      if (hs_dict_set_item (vm, fields, k, f) < 0)
        {
          hs_decref (vm, f);
          return -1;
        }
      hs_decref (vm, f);
    }
  /* __init__'s positional parameters: no required one after one with a default */
  for (pos = 0; hs_dict_next (fields, &pos, &k, &v);)
    if (is_param (FIELD (v)) && FIELD (v)->kw_only != hs_True)
      {
        gboolean has = FIELD (v)->deflt != MISSING || FIELD (v)->factory != MISSING;
        if (!has && seen_default)
          {
            hs_err_format (vm, &hs_exc_TypeError,
                           "non-default argument '%s' follows default argument", hs_str_utf8 (k));
            return -1;
          }
        seen_default = seen_default || has;
      }
  return 0;
}

static int
add_order (HsVM *vm, HsObject *cls)
{
  for (int m = M_LT; m <= M_GE; m++)
    {
      int r = set_new_attribute (vm, cls, m);
      if (r < 0)
        return -1;
      if (r == 1)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         "Cannot overwrite attribute %s in class %s. Consider using "
                         "functools.total_ordering",
                         method_defs[m].name, hs_class_name (cls));
          return -1;
        }
    }
  return 0;
}

/* CPython's _hash_action table */
static int
add_hash (HsVM *vm, HsObject *cls, const Params *p)
{
  HsObject *own = own_borrow (vm, cls, "__hash__");
  gboolean explicit_hash
      = own != NULL && !(own == hs_None && own_borrow (vm, cls, "__eq__") != NULL);
  HsObject *name = hs_str_intern_cstr ("__hash__");
  if (p->unsafe_hash)
    {
      if (explicit_hash)
        {
          hs_err_format (vm, &hs_exc_TypeError, "Cannot overwrite attribute __hash__ in class %s",
                         hs_class_name (cls));
          return -1;
        }
      return hs_object_setattr (vm, cls, name, method_descrs[M_HASH]);
    }
  if (!p->eq || explicit_hash)
    return 0;
  return hs_object_setattr (vm, cls, name, p->frozen ? method_descrs[M_HASH] : hs_None);
}

static int
add_frozen (HsVM *vm, HsObject *cls)
{
  for (int m = M_SETATTR; m <= M_DELATTR; m++)
    {
      int r = set_new_attribute (vm, cls, m);
      if (r == 1)
        hs_err_format (vm, &hs_exc_TypeError, "Cannot overwrite attribute %s in class %s",
                       method_defs[m].name, hs_class_name (cls));
      if (r != 0)
        return -1;
    }
  return 0;
}

static int
add_match_args (HsVM *vm, HsObject *cls, HsObject *fields)
{
  HsObject *list, *k, *v, *t;
  gsize pos = 0;
  int r;
  if (own_borrow (vm, cls, "__match_args__") != NULL || (list = hs_list_new (vm, 0)) == NULL)
    return hs_err_occurred (vm) ? -1 : 0;
  while (hs_dict_next (fields, &pos, &k, &v))
    if (is_param (FIELD (v)) && FIELD (v)->kw_only != hs_True && hs_list_append (vm, list, k) < 0)
      {
        hs_decref (vm, list);
        return -1;
      }
  t = hs_list_as_tuple (vm, list);
  hs_decref (vm, list);
  if (t == NULL)
    return -1;
  r = hs_object_setattr (vm, cls, hs_str_intern_cstr ("__match_args__"), t);
  hs_decref (vm, t);
  return r;
}

static HsObject *
process_class (HsVM *vm, HsObject *cls, const Params *p)
{
  HsObject *fields;
  int r;

  if (!hs_class_check (cls))
    {
      hs_err_format (vm, &hs_exc_TypeError, "dataclass() should be called on a class");
      return NULL;
    }
  if (p->order && !p->eq)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "eq must be true if order is true");
      return NULL;
    }
  if ((fields = hs_dict_new (vm)) == NULL)
    return NULL;
  r = collect_fields (vm, cls, fields, p->kw_only);
  if (r == 0)
    r = hs_object_setattr (vm, cls, fields_name (), fields);
  if (r == 0 && p->init)
    r = set_new_attribute (vm, cls, M_INIT) < 0 ? -1 : 0;
  if (r == 0 && p->repr)
    r = set_new_attribute (vm, cls, M_REPR) < 0 ? -1 : 0;
  if (r == 0 && p->eq)
    r = set_new_attribute (vm, cls, M_EQ) < 0 ? -1 : 0;
  if (r == 0 && p->order)
    r = add_order (vm, cls);
  if (r == 0 && p->frozen)
    r = add_frozen (vm, cls);
  if (r == 0)
    r = add_hash (vm, cls, p);
  if (r == 0 && p->match_args)
    r = add_match_args (vm, cls, fields);
  hs_decref (vm, fields);
  return r < 0 ? NULL : hs_incref (cls);
}

/* dataclass(...) with options returns this, bound to a tuple of the eight flags */
static HsObject *
dc_wrap (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = NULL, *flags = args[0];
  Params p;
  if (!hs_parse_args (vm, "wrap", args + 1, nargs - 1, kwnames, "@cls", &cls))
    return NULL;
  p.init = flag (hs_tuple_get_borrow (flags, 0));
  p.repr = flag (hs_tuple_get_borrow (flags, 1));
  p.eq = flag (hs_tuple_get_borrow (flags, 2));
  p.order = flag (hs_tuple_get_borrow (flags, 3));
  p.unsafe_hash = flag (hs_tuple_get_borrow (flags, 4));
  p.frozen = flag (hs_tuple_get_borrow (flags, 5));
  p.match_args = flag (hs_tuple_get_borrow (flags, 6));
  p.kw_only = flag (hs_tuple_get_borrow (flags, 7));
  return process_class (vm, cls, &p);
}

static const HsMethodDef wrap_def = { "wrap", dc_wrap };

static HsObject *
dc_dataclass (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = hs_None, *v[8] = { hs_True, hs_True, hs_True, NULL, NULL, NULL, hs_True, NULL };
  HsObject *slots = NULL, *weakref_slot = NULL, *flags, *r;
  v[3] = v[4] = v[5] = v[7] = hs_bool_from (FALSE);
  if (!hs_parse_args (vm, "dataclass", args, nargs, kwnames,
                      "@|cls / $init repr eq order unsafe_hash frozen match_args kw_only slots "
                      "weakref_slot",
                      &cls, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &slots,
                      &weakref_slot))
    return NULL;
  if (flag (slots) || flag (weakref_slot))
    {
      hs_err_format (vm, &hs_exc_NotImplementedError,
                     "dataclass(%s=True) is not supported by Heapscope yet",
                     flag (slots) ? "slots" : "weakref_slot");
      return NULL;
    }
  if ((flags = hs_tuple_from_array (vm, v, 8)) == NULL)
    return NULL;
  if (cls == hs_None)
    r = hs_cfunction_new (vm, &wrap_def, flags);
  else
    {
      HsObject *wargs[2] = { flags, cls };
      r = dc_wrap (vm, wargs, 2, NULL);
    }
  hs_decref (vm, flags);
  return r;
}

/* ---- fields, asdict, astuple, replace ----------------------------------------------------- */

static HsObject *
dc_fields (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *fields, *list, *k, *v, *t;
  gsize pos = 0;
  if (!hs_parse_args (vm, "fields", args, nargs, kwnames, "@class_or_instance", &obj))
    return NULL;
  if ((fields = fields_of (obj)) == NULL)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "must be called with a dataclass type or instance");
      return NULL;
    }
  if ((list = hs_list_new (vm, 0)) == NULL)
    return NULL;
  while (hs_dict_next (fields, &pos, &k, &v))
    if (FIELD (v)->kind == KIND_FIELD && hs_list_append (vm, list, v) < 0)
      {
        hs_decref (vm, list);
        return NULL;
      }
  t = hs_list_as_tuple (vm, list);
  hs_decref (vm, list);
  return t;
}

static HsObject *
dc_is_dataclass (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL;
  if (!hs_parse_args (vm, "is_dataclass", args, nargs, kwnames, "@obj", &obj))
    return NULL;
  return hs_bool_from (fields_of (obj) != NULL);
}

static gboolean
is_dataclass_instance (HsObject *o)
{
  return !HS_ISINSTANCE (o, &hs_type_type) && fields_of (o) != NULL;
}

/* _asdict_inner / _astuple_inner: dataclasses become dicts (or tuples), lists, tuples and
 * dicts are rebuilt of converted items, anything else is deep-copied. */
static HsObject *
convert (HsVM *vm, HsObject *obj, HsObject *factory, gboolean as_dict, HsObject *deepcopy)
{
  HsObject *r = NULL;
  if (is_dataclass_instance (obj))
    {
      HsObject *fields = fields_of (obj), *list = hs_list_new (vm, 0), *k, *v, *arg;
      gsize pos = 0;
      while (list != NULL && hs_dict_next (fields, &pos, &k, &v))
        {
          if (FIELD (v)->kind != KIND_FIELD)
            continue;
          HsObject *value = hs_object_getattr (vm, obj, k), *c, *item;
          c = value != NULL ? convert (vm, value, factory, as_dict, deepcopy) : NULL;
          hs_xdecref (vm, value);
          item = c == NULL ? NULL : as_dict ? hs_tuple_pack (vm, 2, k, c) : hs_incref (c);
          hs_xdecref (vm, c);
          if (item == NULL || hs_list_append_take (vm, list, item) < 0)
            HS_CLEAR (vm, list);
        }
      if (list == NULL)
        return NULL;
      arg = list;
      r = hs_object_call (vm, factory, &arg, 1, NULL);
      hs_decref (vm, list);
      return r;
    }
  if (hs_list_check (obj) || HS_ISINSTANCE (obj, &hs_tuple_type))
    {
      gboolean is_list = hs_list_check (obj);
      gsize n = is_list ? hs_list_len (obj) : hs_tuple_len (obj);
      HsObject *list = hs_list_new (vm, n), *arg;
      for (gsize i = 0; list != NULL && i < n; i++)
        {
          HsObject *item = is_list ? hs_list_get_borrow (obj, i) : hs_tuple_get_borrow (obj, i);
          if (hs_list_append_take (vm, list, convert (vm, item, factory, as_dict, deepcopy)) < 0)
            HS_CLEAR (vm, list);
        }
      if (list == NULL)
        return NULL;
      if (is_list && HS_IS (obj, &hs_list_type))
        return list;
      if (hs_type_lookup_borrow (HS_TYPE (obj), hs_str_intern_cstr ("_fields")) != NULL)
        r = hs_object_call (vm, (HsObject *)HS_TYPE (obj), hs_list_items (list), hs_list_len (list),
                            NULL);
      else
        {
          arg = list;
          r = hs_object_call (vm, (HsObject *)HS_TYPE (obj), &arg, 1, NULL);
        }
      hs_decref (vm, list);
      return r;
    }
  if (hs_dict_check (obj))
    {
      HsObject *d = hs_dict_new (vm), *k, *v;
      gsize pos = 0;
      while (d != NULL && hs_dict_next (obj, &pos, &k, &v))
        {
          HsObject *ck = convert (vm, k, factory, as_dict, deepcopy);
          HsObject *cv = ck != NULL ? convert (vm, v, factory, as_dict, deepcopy) : NULL;
          if (cv == NULL || hs_dict_set_item (vm, d, ck, cv) < 0)
            HS_CLEAR (vm, d);
          hs_xdecref (vm, ck);
          hs_xdecref (vm, cv);
        }
      if (d == NULL || HS_IS (obj, &hs_dict_type))
        return d;
      r = hs_object_call (vm, (HsObject *)HS_TYPE (obj), &d, 1, NULL);
      hs_decref (vm, d);
      return r;
    }
  return hs_object_call (vm, deepcopy, &obj, 1, NULL);
}

static HsObject *
as_something (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean as_dict)
{
  const char *fname = as_dict ? "asdict" : "astuple";
  HsObject *obj = NULL, *factory = NULL, *copy, *deepcopy, *r;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames,
                      as_dict ? "@obj|$dict_factory" : "@obj|$tuple_factory", &obj, &factory))
    return NULL;
  if (!is_dataclass_instance (obj))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() should be called on dataclass instances", fname);
      return NULL;
    }
  if (factory == NULL)
    factory = (HsObject *)(as_dict ? &hs_dict_type : &hs_tuple_type);
  if ((copy = hs_import_module (vm, "copy")) == NULL)
    return NULL;
  deepcopy = hs_object_getattr_cstr (vm, copy, "deepcopy");
  hs_decref (vm, copy);
  if (deepcopy == NULL)
    return NULL;
  r = convert (vm, obj, factory, as_dict, deepcopy);
  hs_decref (vm, deepcopy);
  return r;
}

HS_CFUNCTION_VARIANT (dc_asdict, as_something, TRUE)
HS_CFUNCTION_VARIANT (dc_astuple, as_something, FALSE)

static HsObject *
dc_replace (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *fields, *changes, *k, *v, *r = NULL, *names = NULL;
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0, pos = 0;
  g_autoptr (GPtrArray) values = g_ptr_array_new ();

  if (!hs_parse_args (vm, "replace", args, nargs, NULL, "@obj /", &obj))
    return NULL;
  if (!is_dataclass_instance (obj))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "replace() should be called on dataclass instances");
      return NULL;
    }
  fields = fields_of (obj);
  if ((changes = hs_dict_new (vm)) == NULL)
    return NULL;
  for (gsize i = 0; i < nkw; i++)
    if (hs_dict_set_item (vm, changes, hs_tuple_get_borrow (kwnames, i), args[nargs + i]) < 0)
      goto out;
  while (hs_dict_next (fields, &pos, &k, &v))
    {
      int in = hs_dict_contains (vm, changes, k);
      if (in < 0)
        goto out;
      if (FIELD (v)->kind == KIND_CLASSVAR)
        continue;
      if (FIELD (v)->kind == KIND_INITVAR)
        {
          if (!in && FIELD (v)->deflt == MISSING)
            {
              hs_err_format (vm, &hs_exc_ValueError,
                             "InitVar '%s' must be specified with replace()", hs_str_utf8 (k));
              goto out;
            }
          continue;
        }
      if (!flag (FIELD (v)->init))
        {
          if (in)
            {
              hs_err_format (vm, &hs_exc_ValueError,
                             "field %s is declared with init=False, it cannot be specified with "
                             "replace()",
                             hs_str_utf8 (k));
              goto out;
            }
          continue;
        }
      if (!in)
        {
          HsObject *cur = hs_object_getattr (vm, obj, k);
          if (cur == NULL || hs_dict_set_item (vm, changes, k, cur) < 0)
            {
              hs_xdecref (vm, cur);
              goto out;
            }
          hs_decref (vm, cur);
        }
    }
  if ((names = hs_tuple_new (vm, hs_dict_len (changes))) == NULL)
    goto out;
  for (gsize i = 0, p2 = 0; hs_dict_next (changes, &p2, &k, &v); i++)
    {
      hs_tuple_set_take (names, i, hs_incref (k));
      g_ptr_array_add (values, v);
    }
  r = hs_object_call (vm, (HsObject *)HS_TYPE (obj), (HsObject **)values->pdata, 0,
                      values->len > 0 ? names : NULL);
out:
  hs_xdecref (vm, names);
  hs_decref (vm, changes);
  return r;
}

static const HsMethodDef dataclasses_functions[] = {
  { "dataclass", dc_dataclass },
  { "field", dc_field },
  { "fields", dc_fields },
  { "asdict", dc_asdict },
  { "astuple", dc_astuple },
  { "replace", dc_replace },
  { "is_dataclass", dc_is_dataclass },
  { NULL, NULL },
};

void
hs_mod_dataclasses_runtime_init (void)
{
  hs_type_ready (&frozen_error_type);
  hs_type_ready (&missing_type);
  hs_type_ready (&field_type);
  hs_type_ready (&initvar_type);
  hs_type_ready (&kw_only_type);
  fields_str = hs_str_intern_cstr ("__dataclass_fields__");
  post_init_str = hs_str_intern_cstr ("__post_init__");
  for (int m = 0; m < M_COUNT; m++)
    method_descrs[m] = hs_method_descr_new (&method_defs[m], &hs_object_type);
}

gboolean
hs_dataclass_repr_is_generated (const HsObject *repr)
{
  return repr != NULL && repr == method_descrs[M_REPR];
}

int
hs_mod_dataclasses_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_take (vm, dict, "FrozenInstanceError",
                          hs_incref ((HsObject *)&frozen_error_type))
          < 0
      || hs_module_add_take (vm, dict, "Field", hs_incref ((HsObject *)&field_type)) < 0
      || hs_module_add_take (vm, dict, "MISSING", hs_incref (MISSING)) < 0
      || hs_module_add_take (vm, dict, "InitVar", hs_incref ((HsObject *)&initvar_type)) < 0
      || hs_module_add_take (vm, dict, "KW_ONLY", hs_incref (KW_ONLY)) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, dataclasses_functions);
}
