/* hs-mod-dataclasses.c — the `dataclasses` module: dataclass, field, fields, asdict,
 * astuple, replace, is_dataclass, FrozenInstanceError and MISSING.
 *
 * Invariant: @dataclass turns the class's annotations (its own, after those of its
 * dataclass bases) into Field objects kept in the class's `__dataclass_fields__` dict,
 * in order, and installs the methods it asks for in the class's namespace, only where the
 * class defines none (CPython's _set_new_attribute). __init__, the comparisons, __hash__
 * and a frozen class's __setattr__/__delattr__ are Python functions made from the text
 * CPython's _create_fn writes, run as library code (HS_CODE_LIBRARY: no step of their
 * own), so their names, defaults, messages and traceback lines are CPython's. __repr__ is
 * built-in: CPython's runs under a wrapper in dataclasses.py that guards recursion.
 */
#include "config.h"

#include <string.h>

#include "hs-builtins.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-recursion.h"
#include "hs-set.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

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

/* The default of a parameter whose field has a default factory: __init__ calls the factory
 * when it gets this (CPython's _HAS_DEFAULT_FACTORY, repr "<factory>"). */
static HsObject *
has_factory_repr (HsVM *vm, HsObject *self)
{
  (void)self;
  return hs_str_from_cstr (vm, "<factory>");
}

static HsType has_factory_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_HAS_DEFAULT_FACTORY_CLASS",
  .module = "dataclasses",
  .base = &hs_object_type,
  .basicsize = sizeof (HsObject),
  .repr = has_factory_repr,
};

static HsObject has_factory_struct
    = { .type = &has_factory_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL };
#define HAS_FACTORY (&has_factory_struct)

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

static gboolean
flag (HsObject *v)
{
  return v != NULL && v != hs_None && v != hs_bool_from (FALSE);
}

/* ---- the generated methods ------------------------------------------------------------- */

/* An __init__ parameter: a field or InitVar with init=True (a ClassVar is none). */
static gboolean
is_param (HsField *f)
{
  return f->kind != KIND_CLASSVAR && flag (f->init);
}

static gboolean
field_used (HsField *f, gboolean for_hash)
{
  return f->kind == KIND_FIELD
         && (for_hash ? (f->hash == hs_None ? flag (f->compare) : flag (f->hash))
                      : flag (f->compare));
}

static HsObject *
own_borrow (HsVM *vm, HsObject *cls, const char *name)
{
  return hs_dict_get_item_borrow (vm, hs_class_dict_borrow (cls), hs_str_intern_cstr (name));
}

/* The globals the generated methods run with: CPython's sys.modules[cls.__module__].__dict__,
 * or a new dict when that module is not there. */
static HsObject *
module_globals (HsVM *vm, HsObject *cls)
{
  HsObject *name = own_borrow (vm, cls, "__module__"), *mod = NULL;

  if (name != NULL && vm->modules != NULL
      && (mod = hs_dict_get_item_borrow (vm, vm->modules, name)) == NULL && hs_err_occurred (vm))
    return NULL;
  if (mod == NULL)
    return hs_dict_new (vm);
  return hs_module_check (mod) ? hs_incref (hs_module_dict (mod))
                               : hs_object_getattr_cstr (vm, mod, "__dict__");
}

/* locals[prefix + name] = value */
static int
set_local (HsVM *vm, HsObject *locals, const char *prefix, const char *name, HsObject *value)
{
  g_autofree char *key = g_strconcat (prefix, name, NULL);
  return hs_dict_set_item (vm, locals, hs_str_intern_cstr (key), value);
}

/* CPython's _create_fn: runs "def __create_fn__(<locals>):\n def name(args):\n  <body>\n
 * return name" as library text in the class's module globals and calls __create_fn__ with
 * the locals (a dict, taken), so the function is Python code whose lines are those
 * CPython's tracebacks name ("<string>", line 5, in __init__). */
static HsObject *
create_fn (HsVM *vm, const char *name, const char *args, GPtrArray *body, HsObject *globals,
           HsObject *locals, gboolean returns_none)
{
  g_autoptr (GString) txt = g_string_new ("def __create_fn__(");
  HsObject *ns, *create, *kwnames = NULL, *k, *v, *fn = NULL;
  g_autofree HsObject **values = NULL;
  gsize pos = 0, i = 0;

  if (locals == NULL || (returns_none && set_local (vm, locals, "_return_type", "", hs_None) < 0))
    {
      hs_xdecref (vm, locals);
      return NULL;
    }
  while (hs_dict_next (locals, &pos, &k, &v))
    g_string_append_printf (txt, "%s%s", i++ > 0 ? ", " : "", hs_str_utf8 (k));
  g_string_append_printf (txt, "):\n def %s(%s)%s:\n", name, args,
                          returns_none ? "->_return_type" : "");
  for (guint j = 0; j < body->len; j++)
    g_string_append_printf (txt, "%s  %s", j > 0 ? "\n" : "", (const char *)body->pdata[j]);
  g_string_append_printf (txt, "\n return %s", name);
  if ((ns = hs_exec_library_text (vm, txt->str, globals)) != NULL
      && (create = hs_dict_get_item_cstr_borrow (vm, ns, "__create_fn__")) != NULL
      && (kwnames = hs_tuple_new (vm, hs_dict_len (locals))) != NULL)
    {
      values = g_new (HsObject *, hs_dict_len (locals) + 1);
      for (pos = 0, i = 0; hs_dict_next (locals, &pos, &k, &v); i++)
        {
          hs_tuple_set_take (kwnames, i, hs_incref (k));
          values[i] = v;
        }
      fn = hs_object_call (vm, create, values, 0, kwnames);
    }
  hs_xdecref (vm, kwnames);
  hs_xdecref (vm, ns);
  hs_decref (vm, locals);
  return fn;
}

/* CPython's _set_qualname then setattr: cls.name = fn, fn named "<cls qualname>.<name>". */
static int
set_named_method (HsVM *vm, HsObject *cls, const char *name, HsObject *fn)
{
  HsObject *q = hs_object_getattr_cstr (vm, cls, "__qualname__"), *fq;
  int r;

  fq = q != NULL ? hs_str_from_format (vm, "%s.%s", hs_str_utf8 (q), name) : NULL;
  r = fq != NULL && hs_object_setattr (vm, fn, hs_str_intern_cstr ("__qualname__"), fq) == 0
              && hs_object_setattr (vm, cls, hs_str_intern_cstr (name), fn) == 0
          ? 0
          : -1;
  hs_xdecref (vm, fq);
  hs_xdecref (vm, q);
  return r;
}

/* CPython's _set_new_attribute: cls.name = fn (taken), named cls's, unless the class
 * defines name itself: 1 then, 0 done, -1 error. */
static int
set_new_attribute (HsVM *vm, HsObject *cls, const char *name, HsObject *fn)
{
  int r = 1;

  if (fn == NULL)
    return -1;
  if (own_borrow (vm, cls, name) == NULL)
    r = set_named_method (vm, cls, name, fn);
  hs_decref (vm, fn);
  return r;
}

/* "(self.x,self.y,)", "()" for no field: CPython's _tuple_str */
static void
append_tuple (GString *out, const char *obj, HsObject *fields, gboolean for_hash)
{
  HsObject *k, *v;
  gsize pos = 0;

  g_string_append_c (out, '(');
  while (hs_dict_next (fields, &pos, &k, &v))
    if (field_used (FIELD (v), for_hash))
      g_string_append_printf (out, "%s.%s,", obj, hs_str_utf8 (k));
  g_string_append_c (out, ')');
}

static GPtrArray *
lines_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* __init__(self, <fields>, *, <keyword-only fields>) as CPython's _init_fn writes it: each
 * field set from its argument, its default or its factory, then __post_init__ with the
 * InitVars. */
static HsObject *
init_fn (HsVM *vm, HsObject *cls, HsObject *fields, gboolean frozen, HsObject *globals)
{
  HsObject *locals = hs_dict_new (vm), *k, *v;
  g_autoptr (GPtrArray) body = lines_new ();
  g_autoptr (GString) args = g_string_new (NULL), initvars = g_string_new (NULL);
  const char *self
      = hs_dict_get_item_cstr_borrow (vm, fields, "self") != NULL ? "__dataclass_self__" : "self";
  gsize pos = 0;
  int r = locals != NULL ? 0 : -1;

  while (r == 0 && hs_dict_next (fields, &pos, &k, &v))
    if (FIELD (v)->kind != KIND_CLASSVAR)
      r = set_local (vm, locals, "_type_", hs_str_utf8 (k), FIELD (v)->type);
  if (r == 0)
    r = set_local (vm, locals, "MISSING", "", MISSING) < 0
                || set_local (vm, locals, "_HAS_DEFAULT_FACTORY", "", HAS_FACTORY) < 0
                || set_local (vm, locals, "__dataclass_builtins_object__", "",
                              (HsObject *)&hs_object_type)
                       < 0
            ? -1
            : 0;
  for (pos = 0; r == 0 && hs_dict_next (fields, &pos, &k, &v);)
    {
      HsField *f = FIELD (v);
      const char *name = hs_str_utf8 (k);
      g_autofree char *value = NULL;

      if (f->kind == KIND_CLASSVAR)
        continue;
      if (f->factory != MISSING)
        {
          r = set_local (vm, locals, "_dflt_", name, f->factory);
          value = flag (f->init) ? g_strdup_printf (
                      "_dflt_%s() if %s is _HAS_DEFAULT_FACTORY else %s", name, name, name)
                                 : g_strdup_printf ("_dflt_%s()", name);
        }
      else if (flag (f->init))
        {
          if (f->deflt != MISSING)
            r = set_local (vm, locals, "_dflt_", name, f->deflt);
          value = g_strdup (name);
        }
      if (f->kind == KIND_INITVAR)
        g_string_append_printf (initvars, "%s%s", initvars->len > 0 ? "," : "", name);
      if (value == NULL || f->kind == KIND_INITVAR || r < 0)
        continue;
      if (frozen)
        {
          HsObject *repr = hs_object_repr (vm, k);
          if (repr == NULL)
            r = -1;
          else
            g_ptr_array_add (body,
                             g_strdup_printf ("__dataclass_builtins_object__.__setattr__(%s,%s,%s)",
                                              self, hs_str_utf8 (repr), value));
          hs_xdecref (vm, repr);
        }
      else
        g_ptr_array_add (body, g_strdup_printf ("%s.%s=%s", self, name, value));
    }
  if (r == 0 && hs_type_lookup_borrow ((HsType *)cls, post_init_str) != NULL)
    g_ptr_array_add (body, g_strdup_printf ("%s.__post_init__(%s)", self, initvars->str));
  if (body->len == 0)
    g_ptr_array_add (body, g_strdup ("pass"));
  /* the parameters: positional ones, then keyword-only ones after a `*` */
  g_string_append (args, self);
  for (int kw_only = 0; kw_only < 2; kw_only++)
    {
      gboolean star = FALSE;
      for (pos = 0; hs_dict_next (fields, &pos, &k, &v);)
        {
          HsField *f = FIELD (v);
          const char *name = hs_str_utf8 (k);
          if (!is_param (f) || (f->kw_only == hs_True) != kw_only)
            continue;
          if (kw_only && !star)
            g_string_append (args, ",*");
          star = TRUE;
          g_string_append_printf (args, ",%s:_type_%s", name, name);
          if (f->deflt != MISSING)
            g_string_append_printf (args, "=_dflt_%s", name);
          else if (f->factory != MISSING)
            g_string_append (args, "=_HAS_DEFAULT_FACTORY");
        }
    }
  if (r < 0)
    {
      hs_xdecref (vm, locals);
      return NULL;
    }
  return create_fn (vm, "__init__", args->str, body, globals, locals, TRUE);
}

/* __eq__, __lt__, ...: CPython's _cmp_fn over the fields compared */
static HsObject *
cmp_fn (HsVM *vm, const char *name, const char *op, HsObject *fields, HsObject *globals)
{
  g_autoptr (GPtrArray) body = lines_new ();
  g_autoptr (GString) line = g_string_new (" return ");

  append_tuple (line, "self", fields, FALSE);
  g_string_append (line, op);
  append_tuple (line, "other", fields, FALSE);
  g_ptr_array_add (body, g_strdup ("if other.__class__ is self.__class__:"));
  g_ptr_array_add (body, g_strdup (line->str));
  g_ptr_array_add (body, g_strdup ("return NotImplemented"));
  return create_fn (vm, name, "self,other", body, globals, hs_dict_new (vm), FALSE);
}

static HsObject *
hash_fn (HsVM *vm, HsObject *fields, HsObject *globals)
{
  g_autoptr (GPtrArray) body = lines_new ();
  g_autoptr (GString) line = g_string_new ("return hash(");

  append_tuple (line, "self", fields, TRUE);
  g_string_append_c (line, ')');
  g_ptr_array_add (body, g_strdup (line->str));
  return create_fn (vm, "__hash__", "self", body, globals, hs_dict_new (vm), FALSE);
}

/* __setattr__ or __delattr__ of a frozen class: CPython's _frozen_get_del_attr */
static HsObject *
frozen_fn (HsVM *vm, HsObject *cls, gboolean set, HsObject *fields, HsObject *globals)
{
  g_autoptr (GPtrArray) body = lines_new ();
  g_autoptr (GString) cond = g_string_new ("if type(self) is cls or name in (");
  HsObject *locals = hs_dict_new (vm), *k, *v;
  gsize pos = 0;

  while (hs_dict_next (fields, &pos, &k, &v))
    if (FIELD (v)->kind == KIND_FIELD)
      g_string_append_printf (cond, "'%s',", hs_str_utf8 (k));
  g_string_append (cond, "):");
  g_ptr_array_add (body, g_strdup (cond->str));
  g_ptr_array_add (body,
                   g_strdup_printf (" raise FrozenInstanceError(f\"cannot %s field {name!r}\")",
                                    set ? "assign to" : "delete"));
  g_ptr_array_add (body, g_strdup (set ? "super(cls, self).__setattr__(name, value)"
                                       : "super(cls, self).__delattr__(name)"));
  if (locals != NULL
      && (set_local (vm, locals, "cls", "", cls) < 0
          || set_local (vm, locals, "FrozenInstanceError", "", (HsObject *)&frozen_error_type) < 0))
    HS_CLEAR (vm, locals);
  return create_fn (vm, set ? "__setattr__" : "__delattr__", set ? "self,name,value" : "self,name",
                    body, globals, locals, FALSE);
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

static const HsMethodDef repr_def = { "__repr__", dc_repr };
static HsObject *repr_descr;

/* ---- @dataclass -------------------------------------------------------------------------- */

typedef struct
{
  gboolean init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only;
} Params;

/* ---- __dataclass_params__: the options a class was made with (CPython's _DataclassParams) */

#define N_PARAM_FLAGS 6

static const char *const param_names[N_PARAM_FLAGS]
    = { "init", "repr", "eq", "order", "unsafe_hash", "frozen" };

typedef struct
{
  HsObject header;
  gboolean flags[N_PARAM_FLAGS]; /* in param_names' order */
} HsDataclassParams;

static HsObject *
params_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  for (int i = 0; i < N_PARAM_FLAGS; i++)
    if (hs_str_equal_cstr (name, param_names[i]))
      return hs_incref (hs_bool_from (((HsDataclassParams *)self)->flags[i]));
  return hs_object_generic_getattr (vm, self, name);
}

/* _DataclassParams(init=True,repr=True,eq=True,order=False,unsafe_hash=False,frozen=False) */
static HsObject *
params_repr (HsVM *vm, HsObject *self)
{
  GString *out = g_string_new ("_DataclassParams(");
  for (int i = 0; i < N_PARAM_FLAGS; i++)
    g_string_append_printf (out, "%s%s=%s", i > 0 ? "," : "", param_names[i],
                            ((HsDataclassParams *)self)->flags[i] ? "True" : "False");
  g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

static HsType params_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_DataclassParams",
  .module = "dataclasses",
  .base = &hs_object_type,
  .basicsize = sizeof (HsDataclassParams),
  .repr = params_repr,
  .getattr = params_getattr,
};

static HsObject *
params_new (HsVM *vm, const Params *p)
{
  HsDataclassParams *o
      = (HsDataclassParams *)hs_object_alloc (vm, &params_type, sizeof (HsDataclassParams));
  if (o == NULL)
    return NULL;
  o->flags[0] = p->init, o->flags[1] = p->repr, o->flags[2] = p->eq;
  o->flags[3] = p->order, o->flags[4] = p->unsafe_hash, o->flags[5] = p->frozen;
  return (HsObject *)o;
}

/* ---- annotations written as strings (`from __future__ import annotations`) -------------- */

static gboolean
is_word_char (gunichar c)
{
  return c == '_' || g_unichar_isalnum (c);
}

static const char *
skip_word (const char *p)
{
  while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static const char *
skip_space (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/* CPython's _is_type: what a string annotation such as "InitVar[int]" or
 * "dataclasses.KW_ONLY" names (its leading `[module.]name`: a name in the class's module, or
 * one of `module` when the class's module calls it by its name), borrowed; NULL if none. */
static HsObject *
string_annotation_target (HsVM *vm, HsObject *cls, HsObject *ann, const char *module)
{
  const char *p = skip_space (hs_str_utf8 (ann)), *w1 = p, *e1 = skip_word (p), *q;
  HsObject *globals, *target = NULL;
  g_autofree char *name = NULL;

  if (e1 == w1)
    return NULL;
  q = skip_space (e1);
  if (*q == '.')
    {
      const char *w2 = skip_space (q + 1), *e2 = skip_word (w2);
      g_autofree char *prefix = g_strndup (w1, e1 - w1);
      HsObject *mod
          = vm->modules != NULL ? hs_dict_get_item_cstr_borrow (vm, vm->modules, module) : NULL;
      if (e2 == w2 || (globals = module_globals (vm, cls)) == NULL)
        return NULL;
      /* CPython looks the name up in the module the marker comes from */
      if (mod != NULL && hs_module_check (mod)
          && hs_dict_get_item_cstr_borrow (vm, globals, prefix) == mod)
        {
          name = g_strndup (w2, e2 - w2);
          target = hs_dict_get_item_cstr_borrow (vm, hs_module_dict (mod), name);
        }
    }
  else
    {
      if ((globals = module_globals (vm, cls)) == NULL)
        return NULL;
      name = g_strndup (w1, e1 - w1);
      target = hs_dict_get_item_cstr_borrow (vm, globals, name);
    }
  hs_decref (vm, globals); /* the module's dict stays: target stays alive */
  hs_err_clear (vm);
  return target;
}

static gboolean
is_classvar (HsVM *vm, HsObject *ann)
{
  HsObject *r = ann != NULL ? hs_object_repr (vm, ann) : NULL;
  gboolean classvar = r != NULL
                      && (hs_str_equal_cstr (r, "typing.ClassVar")
                          || g_str_has_prefix (hs_str_utf8 (r), "typing.ClassVar["));
  hs_xdecref (vm, r);
  hs_err_clear (vm);
  return classvar;
}

static gboolean
is_kw_only_marker (HsVM *vm, HsObject *cls, HsObject *ann)
{
  return ann == KW_ONLY
         || (hs_str_check (ann)
             && string_annotation_target (vm, cls, ann, "dataclasses") == KW_ONLY);
}

/* What kind of pseudo-field an annotation makes (CPython's _is_classvar: typing.ClassVar
 * or ClassVar[...], whose reprs name it, when typing was imported; _is_initvar), a string
 * annotation by what it names. */
static int
annotation_kind (HsVM *vm, HsObject *cls, HsObject *ann)
{
  gboolean text = hs_str_check (ann);
  HsObject *named;

  if (ann == (HsObject *)&initvar_type || HS_IS (ann, &initvar_type)
      || (text
          && string_annotation_target (vm, cls, ann, "dataclasses") == (HsObject *)&initvar_type))
    return KIND_INITVAR;
  if (vm->modules == NULL || hs_dict_get_item_cstr_borrow (vm, vm->modules, "typing") == NULL)
    {
      hs_err_clear (vm);
      return KIND_FIELD;
    }
  named = text ? string_annotation_target (vm, cls, ann, "typing") : ann;
  return is_classvar (vm, named) ? KIND_CLASSVAR : KIND_FIELD;
}

/* The fields of cls's dataclass bases, then its own annotations, into `fields`; a field's
 * kw_only is resolved (the class's flag, or after `_: KW_ONLY`). */
static int
collect_fields (HsVM *vm, HsObject *cls, HsObject *fields, const Params *p)
{
  HsObject *mro = hs_object_getattr_cstr (vm, cls, "__mro__"), *ann, *k, *v;
  gsize pos = 0;
  gboolean seen_default = FALSE, kw_only = p->kw_only;
  gboolean has_dataclass_bases = FALSE, any_frozen_base = FALSE;

  if (mro == NULL)
    return -1;
  for (gsize i = hs_tuple_len (mro); i-- > 1;)
    {
      HsObject *base = hs_tuple_get_borrow (mro, i), *bf, *bp;
      if (!hs_class_check (base) || (bf = own_borrow (vm, base, "__dataclass_fields__")) == NULL)
        continue;
      has_dataclass_bases = TRUE;
      bp = own_borrow (vm, base, "__dataclass_params__");
      any_frozen_base
          = any_frozen_base
            || (bp != NULL && HS_IS (bp, &params_type) && ((HsDataclassParams *)bp)->flags[5]);
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
      if (is_kw_only_marker (vm, cls, v))
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
      FIELD (f)->kind = annotation_kind (vm, cls, v);
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
  /* CPython's checks, in its order: a Field with no annotation, then frozen inheritance */
  for (pos = 0; hs_dict_next (hs_class_dict_borrow (cls), &pos, &k, &v);)
    if (HS_IS (v, &field_type)
        && (ann == NULL || !hs_dict_check (ann) || hs_dict_get_item_borrow (vm, ann, k) == NULL))
      {
        HsObject *r = hs_object_repr (vm, k);
        if (r != NULL)
          hs_err_format (vm, &hs_exc_TypeError, "%s is a field but has no type annotation",
                         hs_str_utf8 (r));
        hs_xdecref (vm, r);
        return -1;
      }
  if (has_dataclass_bases && any_frozen_base != p->frozen)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         any_frozen_base ? "cannot inherit non-frozen dataclass from a frozen one"
                                         : "cannot inherit frozen dataclass from a non-frozen one");
      return -1;
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
add_order (HsVM *vm, HsObject *cls, HsObject *fields, HsObject *globals)
{
  static const char *const names[] = { "__lt__", "__le__", "__gt__", "__ge__" };
  static const char *const ops[] = { "<", "<=", ">", ">=" };

  for (guint m = 0; m < G_N_ELEMENTS (names); m++)
    {
      int r = set_new_attribute (vm, cls, names[m], cmp_fn (vm, names[m], ops[m], fields, globals));
      if (r < 0)
        return -1;
      if (r == 1)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         "Cannot overwrite attribute %s in class %s. Consider using "
                         "functools.total_ordering",
                         names[m], hs_class_name (cls));
          return -1;
        }
    }
  return 0;
}

/* CPython's _hash_action table */
static int
add_hash (HsVM *vm, HsObject *cls, const Params *p, HsObject *fields, HsObject *globals)
{
  HsObject *own = own_borrow (vm, cls, "__hash__"), *fn;
  gboolean explicit_hash
      = own != NULL && !(own == hs_None && own_borrow (vm, cls, "__eq__") != NULL);
  HsObject *name = hs_str_intern_cstr ("__hash__");
  int r;

  if (p->unsafe_hash && explicit_hash)
    {
      hs_err_format (vm, &hs_exc_TypeError, "Cannot overwrite attribute __hash__ in class %s",
                     hs_class_name (cls));
      return -1;
    }
  if (!p->unsafe_hash && (!p->eq || explicit_hash))
    return 0;
  if (!p->unsafe_hash && !p->frozen)
    return hs_object_setattr (vm, cls, name, hs_None);
  if ((fn = hash_fn (vm, fields, globals)) == NULL)
    return -1;
  r = set_named_method (vm, cls, "__hash__", fn);
  hs_decref (vm, fn);
  return r;
}

static int
add_frozen (HsVM *vm, HsObject *cls, HsObject *fields, HsObject *globals)
{
  HsObject *set = frozen_fn (vm, cls, TRUE, fields, globals), *del;
  const char *name = "__setattr__";
  int r;

  if (set == NULL)
    return -1;
  if ((del = frozen_fn (vm, cls, FALSE, fields, globals)) == NULL)
    {
      hs_decref (vm, set);
      return -1;
    }
  r = set_new_attribute (vm, cls, name, set);
  if (r == 0)
    r = set_new_attribute (vm, cls, name = "__delattr__", hs_incref (del));
  hs_decref (vm, del);
  if (r == 1)
    hs_err_format (vm, &hs_exc_TypeError, "Cannot overwrite attribute %s in class %s", name,
                   hs_class_name (cls));
  return r == 0 ? 0 : -1;
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
  HsObject *fields, *globals = NULL, *params;
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
  if ((params = params_new (vm, p)) == NULL)
    return NULL;
  r = hs_object_setattr (vm, cls, hs_str_intern_cstr ("__dataclass_params__"), params);
  hs_decref (vm, params);
  if (r < 0 || (fields = hs_dict_new (vm)) == NULL)
    return NULL;
  r = collect_fields (vm, cls, fields, p);
  if (r == 0)
    r = hs_object_setattr (vm, cls, fields_name (), fields);
  if (r == 0 && (globals = module_globals (vm, cls)) == NULL)
    r = -1;
  if (r == 0 && p->init)
    r = set_new_attribute (vm, cls, "__init__", init_fn (vm, cls, fields, p->frozen, globals)) < 0
            ? -1
            : 0;
  if (r == 0 && p->repr && own_borrow (vm, cls, "__repr__") == NULL)
    r = hs_object_setattr (vm, cls, hs_str_intern_cstr ("__repr__"), repr_descr);
  if (r == 0 && p->eq)
    r = set_new_attribute (vm, cls, "__eq__", cmp_fn (vm, "__eq__", "==", fields, globals)) < 0 ? -1
                                                                                                : 0;
  if (r == 0 && p->order)
    r = add_order (vm, cls, fields, globals);
  if (r == 0 && p->frozen)
    r = add_frozen (vm, cls, fields, globals);
  if (r == 0)
    r = add_hash (vm, cls, p, fields, globals);
  if (r == 0 && p->match_args)
    r = add_match_args (vm, cls, fields);
  hs_xdecref (vm, globals);
  hs_decref (vm, fields);
  return r < 0 ? NULL : hs_incref (cls);
}

/* The names a base's own __slots__ declares into the set `into` (CPython's _get_slots: a
 * str is one name, another iterable its items) */
static int
base_slots (HsVM *vm, HsObject *base, HsObject *into)
{
  HsObject *slots = hs_class_check (base) ? own_borrow (vm, base, "__slots__") : NULL, *it, *x;
  if (slots == NULL)
    return 0;
  if (hs_str_check (slots))
    return hs_set_add (vm, into, slots);
  if ((it = hs_object_iter (vm, slots)) == NULL)
    return -1;
  while ((x = hs_iter_next (vm, it)) != NULL)
    {
      int r = hs_set_add (vm, into, x);
      hs_decref (vm, x);
      if (r < 0)
        break;
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? -1 : 0;
}

/* CPython's _add_slots: the class made again with __slots__ of its fields (less those its
 * bases declare), without their class attributes, __dict__ and __weakref__ */
static HsObject *
add_slots (HsVM *vm, HsObject *cls)
{
  HsObject *fields = fields_of (cls), *inherited = hs_set_new (vm), *names = hs_list_new (vm, 0);
  HsObject *d = hs_dict_copy (vm, hs_class_dict_borrow (cls)), *k, *v, *r = NULL, *t = NULL;
  HsObject *mro = hs_object_getattr (vm, cls, hs_str_intern_cstr ("__mro__"));
  HsObject *args[3] = { NULL, NULL, d };
  static const char *const dropped[] = { "__dict__", "__weakref__", NULL };
  gsize pos = 0;
  int ok = inherited != NULL && names != NULL && d != NULL && mro != NULL;

  for (gsize i = 1; ok && i + 1 < hs_tuple_len (mro); i++)
    ok = base_slots (vm, hs_tuple_get_borrow (mro, i), inherited) == 0;
  while (ok && hs_dict_next (fields, &pos, &k, &v))
    if (FIELD (v)->kind == KIND_FIELD)
      {
        int has = hs_set_contains (vm, inherited, k);
        ok = has >= 0 && (has || hs_list_append (vm, names, k) == 0)
             && (hs_dict_get_item_borrow (vm, d, k) == NULL || hs_dict_del_item (vm, d, k) == 0);
      }
  for (int i = 0; ok && dropped[i] != NULL; i++)
    {
      HsObject *name = hs_str_intern_cstr (dropped[i]);
      ok = hs_dict_get_item_borrow (vm, d, name) == NULL || hs_dict_del_item (vm, d, name) == 0;
    }
  ok = ok && (t = hs_list_as_tuple (vm, names)) != NULL
       && hs_dict_set_item (vm, d, hs_str_intern_cstr ("__slots__"), t) == 0
       && (args[0] = hs_object_getattr (vm, cls, hs_str_intern_cstr ("__name__"))) != NULL
       && (args[1] = hs_object_getattr (vm, cls, hs_str_intern_cstr ("__bases__"))) != NULL
       && (r = hs_object_call (vm, (HsObject *)HS_TYPE (cls), args, 3, NULL)) != NULL;
  if (ok)
    {
      HsObject *qualname = hs_object_getattr (vm, cls, hs_str_intern_cstr ("__qualname__"));
      if (qualname == NULL
          || hs_object_setattr (vm, r, hs_str_intern_cstr ("__qualname__"), qualname) < 0)
        HS_CLEAR (vm, r);
      hs_xdecref (vm, qualname);
    }
  HsObject *held[] = { inherited, names, d, mro, t, args[0], args[1] };
  for (gsize i = 0; i < G_N_ELEMENTS (held); i++)
    hs_xdecref (vm, held[i]);
  return r;
}

/* dataclass(...) with options returns this, bound to a tuple of the nine flags */
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
  if (!flag (hs_tuple_get_borrow (flags, 8)))
    return process_class (vm, cls, &p);
  HsObject *done, *slotted;
  if ((done = process_class (vm, cls, &p)) == NULL)
    return NULL;
  slotted = add_slots (vm, done);
  hs_decref (vm, done);
  return slotted;
}

static const HsMethodDef wrap_def = { "wrap", dc_wrap };

static HsObject *
dc_dataclass (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = hs_None,
           *v[9] = { hs_True, hs_True, hs_True, NULL, NULL, NULL, hs_True, NULL, NULL };
  HsObject *weakref_slot = NULL, *flags, *r;
  v[3] = v[4] = v[5] = v[7] = v[8] = hs_bool_from (FALSE);
  if (!hs_parse_args (vm, "dataclass", args, nargs, kwnames,
                      "@|cls / $init repr eq order unsafe_hash frozen match_args kw_only slots "
                      "weakref_slot",
                      &cls, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8],
                      &weakref_slot))
    return NULL;
  if (flag (weakref_slot))
    {
      hs_err_set_string (vm, &hs_exc_NotImplementedError,
                         "dataclass(weakref_slot=True) is not supported by Heapscope yet");
      return NULL;
    }
  if ((flags = hs_tuple_from_array (vm, v, 9)) == NULL)
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

static HsObject *convert_frame (HsVM *vm, HsObject *obj, HsObject *factory, gboolean as_dict,
                                HsObject *deepcopy);

/* One call of _asdict_inner / _astuple_inner: dataclasses become dicts (or tuples), lists,
 * tuples and dicts are rebuilt of converted items, anything else is deep-copied. It is a
 * Python frame in CPython, and so is the generator expression between a container and its
 * items' calls: an object nested 100,000 deep is a RecursionError, not a C stack overflow. */
static HsObject *
convert (HsVM *vm, HsObject *obj, HsObject *factory, gboolean as_dict, HsObject *deepcopy)
{
  HsObject *r;
  /* the frame, then its call of _is_dataclass_instance() one deeper */
  if (!hs_recursion_enter (vm, ""))
    return NULL;
  gboolean dataclass = is_dataclass_instance (obj);
  /* a dataclass's fields() calls dict.values(), a C call, two deeper; a container's items
   * are converted from a generator expression's frame */
  gboolean container
      = !dataclass
        && (hs_list_check (obj) || HS_ISINSTANCE (obj, &hs_tuple_type) || hs_dict_check (obj));
  if (!hs_recursion_probe (vm, 1, "")
      || (dataclass && !hs_recursion_probe (vm, 2, " while calling a Python object"))
      || (container && !hs_recursion_enter (vm, "")))
    {
      hs_recursion_leave (vm);
      return NULL;
    }
  r = convert_frame (vm, obj, factory, as_dict, deepcopy);
  hs_recursion_leave_n (vm, container ? 2 : 1);
  return r;
}

static HsObject *
convert_frame (HsVM *vm, HsObject *obj, HsObject *factory, gboolean as_dict, HsObject *deepcopy)
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
  HsObject *obj = NULL, *factory = NULL, *copy, *deepcopy, *r = NULL;
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
  if (hs_recursion_enter (vm, "")) /* asdict()'s own frame */
    {
      r = convert (vm, obj, factory, as_dict, deepcopy);
      hs_recursion_leave (vm);
    }
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
  hs_type_ready (&has_factory_type);
  hs_type_ready (&params_type);
  hs_type_ready (&field_type);
  hs_type_ready (&initvar_type);
  hs_type_ready (&kw_only_type);
  fields_str = hs_str_intern_cstr ("__dataclass_fields__");
  post_init_str = hs_str_intern_cstr ("__post_init__");
  repr_descr = hs_method_descr_new (&repr_def, &hs_object_type);
}

gboolean
hs_dataclass_repr_is_generated (const HsObject *repr)
{
  return repr != NULL && repr == repr_descr;
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
