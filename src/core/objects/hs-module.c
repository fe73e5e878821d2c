/* hs-module.c — module objects and `import` of the built-in modules.
 *
 * Invariant (see hs-module.h): vm->modules maps each imported name to its one module
 * object; a module is added there only once its initialiser succeeded, so a failed
 * import leaves nothing behind. Module functions are process-wide immortal built-in
 * function objects (like the builtins), except where a module needs per-VM state
 * (random: bound methods of a hidden generator object).
 */
#include "config.h"

#include "hs-module.h"
#include "hs-range.h"
#include "hs-reduce.h"
#include "hs-cpython-names.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-datetime.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-vm-private.h"

typedef struct
{
  const char *name;
  int (*init) (HsVM *vm, HsObject *dict);
} BuiltinModule;

static const BuiltinModule builtin_modules[] = {
  /* builtins: no initialiser, its dict is the VM's builtins, where names are looked up */
  { "__future__", hs_mod_future_init },
  { "abc", hs_mod_abc_init },
  { "array", hs_mod_array_init },
  { "base64", hs_mod_base64_init },
  { "binascii", hs_mod_binascii_init },
  { "bisect", hs_mod_bisect_init },
  { "builtins", NULL },
  { "calendar", hs_mod_calendar_init },
  { "cmath", hs_mod_cmath_init },
  { "collections", hs_mod_collections_init },
  { "collections.abc", hs_mod_collections_abc_init },
  { "contextlib", hs_mod_contextlib_init },
  { "copy", hs_mod_copy_init },
  { "copyreg", hs_mod_copyreg_init },
  { "csv", hs_mod_csv_init },
  { "dataclasses", hs_mod_dataclasses_init },
  { "datetime", hs_mod_datetime_init },
  { "difflib", hs_mod_difflib_init },
  { "enum", hs_mod_enum_init },
  { "decimal", hs_mod_decimal_init },
  { "fractions", hs_mod_fractions_init },
  { "functools", hs_mod_functools_init },
  { "inspect", hs_mod_inspect_init },
  { "logging", hs_mod_logging_init },
  { "operator", hs_mod_operator_init },
  { "pprint", hs_mod_pprint_init },
  { "queue", hs_mod_queue_init },
  { "gc", hs_mod_gc_init },
  { "hashlib", hs_mod_hashlib_init },
  { "heapq", hs_mod_heapq_init },
  { "io", hs_mod_io_init },
  { "itertools", hs_mod_itertools_init },
  { "json", hs_mod_json_init },
  { "keyword", hs_mod_keyword_init },
  { "math", hs_mod_math_init },
  { "numbers", hs_mod_numbers_init },
  { "random", hs_mod_random_init },
  { "re", hs_mod_re_init },
  { "reprlib", hs_mod_reprlib_init },
  { "statistics", hs_mod_statistics_init },
  { "string", hs_mod_string_init },
  { "struct", hs_mod_struct_init },
  { "sys", hs_mod_sys_init },
  { "textwrap", hs_mod_textwrap_init },
  { "time", hs_mod_time_init },
  { "timeit", hs_mod_timeit_init },
  { "traceback", hs_mod_traceback_init },
  { "types", hs_mod_types_init },
  { "typing", hs_mod_typing_init },
  { "unicodedata", hs_mod_unicodedata_init },
  { "warnings", hs_mod_warnings_init },
  { "weakref", hs_mod_weakref_init },
};

static const BuiltinModule *
find_builtin (const char *name, gsize len)
{
  for (gsize i = 0; i < G_N_ELEMENTS (builtin_modules); i++)
    if (strlen (builtin_modules[i].name) == len
        && strncmp (builtin_modules[i].name, name, len) == 0)
      return &builtin_modules[i];
  return NULL;
}

/* ---- the module type ----------------------------------------------------------------- */

static void
module_dealloc (HsVM *vm, HsObject *self)
{
  HsModuleObject *m = (HsModuleObject *)self;
  HS_CLEAR (vm, m->dict);
  HS_CLEAR (vm, m->name);
}

static void
module_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsModuleObject *m = (HsModuleObject *)self;
  if (m->dict != NULL)
    hs_visit (visit, m->dict, data);
  if (m->name != NULL) /* CPython's md_name, the name module.__init__ was given */
    hs_visit (visit, m->name, data);
}

static void
module_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsModuleObject *)self)->dict);
}

/* CPython's _module_repr: "from FILE" for a module with a __file__ (borrowed, or NULL),
 * "(built-in)" for one of the table (no __loader__), else "<module 'm'>" (what
 * types.ModuleType('m') makes). */
static HsObject *
repr_with_file (HsVM *vm, HsModuleObject *m, HsObject *file)
{
  const char *name = m->name != NULL ? hs_str_utf8 (m->name) : "?";
  HsObject *r = file != NULL ? hs_object_repr (vm, file) : NULL, *s;
  if (file != NULL && r == NULL)
    return NULL;
  if (r != NULL)
    s = hs_str_from_format (vm, "<module '%s' from %s>", name, hs_str_utf8 (r));
  else if (hs_dict_get_item_cstr_borrow (vm, m->dict, "__loader__") == NULL)
    s = hs_str_from_format (vm, "<module '%s' (built-in)>", name);
  else
    s = hs_str_from_format (vm, "<module '%s'>", name);
  hs_xdecref (vm, r);
  return s;
}

/* The program's file, absolute, as CPython's __main__.__file__ (a str), for __main__ whose
 * globals hold no __file__; else NULL. */
static HsObject *
main_file (HsVM *vm, HsObject *module)
{
  g_autofree char *path = NULL;
  if (module != vm->main_module || vm->filename == NULL)
    return NULL;
  path = g_canonicalize_filename (vm->filename, NULL);
  return hs_str_from_cstr (vm, path);
}

HsObject *
hs_module_repr_plain (HsVM *vm, HsObject *module)
{
  HsModuleObject *m = (HsModuleObject *)module;
  HsObject *file = hs_dict_get_item_cstr_borrow (vm, m->dict, "__file__"), *main = NULL, *r;
  if (file == NULL)
    file = main = main_file (vm, module);
  r = repr_with_file (vm, m, file);
  hs_xdecref (vm, main);
  return r;
}

/* The __file__ as an attribute: a class derived from ModuleType may answer for it. */
static HsObject *
module_repr (HsVM *vm, HsObject *self)
{
  HsObject *file = hs_object_getattr_cstr (vm, self, "__file__"), *r;
  if (file == NULL && !hs_err_matches (vm, &hs_exc_AttributeError))
    return NULL;
  hs_err_clear (vm);
  if (file == NULL)
    file = main_file (vm, self);
  r = repr_with_file (vm, (HsModuleObject *)self, file);
  hs_xdecref (vm, file);
  return r;
}

/* CPython's "module 'm' has no attribute 'x'" ("module has no ..." without a name) */
static void
no_attribute (HsVM *vm, HsModuleObject *m, HsObject *name)
{
  if (m->name == NULL)
    hs_err_format (vm, &hs_exc_AttributeError, "module has no attribute '%s'", hs_str_utf8 (name));
  else
    hs_err_format (vm, &hs_exc_AttributeError, "module '%s' has no attribute '%s'",
                   hs_str_utf8 (m->name), hs_str_utf8 (name));
}

static HsObject *
module_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsModuleObject *m = (HsModuleObject *)self;
  HsObject *v = hs_dict_get_item_borrow (vm, m->dict, name);

  if (v != NULL)
    return hs_incref (v);
  if (hs_err_occurred (vm))
    return NULL;
  if (hs_str_equal_cstr (name, "__dict__"))
    return hs_incref (m->dict);
  if (hs_is_class_name (name))
    return hs_incref ((HsObject *)self->type);
  /* PEP 562: the module's own __getattr__ answers for what its dict lacks */
  HsObject *getattr = hs_dict_get_item_cstr_borrow (vm, m->dict, "__getattr__");
  if (getattr != NULL)
    {
      HsObject *r;
      hs_incref (getattr); /* it may delete itself */
      r = hs_object_call (vm, getattr, &name, 1, NULL);
      hs_decref (vm, getattr);
      return r;
    }
  if (hs_err_occurred (vm))
    return NULL;
  no_attribute (vm, m, name);
  return NULL;
}

/* m.name = value (NULL: del m.name). A module is drawn by its name, so what its dict holds
 * is listed among the holders of the value (HS_FLAG_NAMESPACE), which the step that stores
 * or drops it puts again (the program's globals are drawn as the module frame). */
static int
module_store (HsVM *vm, HsModuleObject *m, HsObject *name, HsObject *value)
{
  HsObject *old = hs_dict_get_item_borrow (vm, m->dict, name);
  gboolean drawn = m->dict != vm->globals;
  if (old != NULL && drawn)
    hs_object_mark_dirty (vm, old);
  if (value == NULL)
    return hs_dict_del_item (vm, m->dict, name);
  if (drawn)
    {
      value->flags |= HS_FLAG_NAMESPACE;
      hs_object_mark_dirty (vm, value);
    }
  return hs_dict_set_item (vm, m->dict, name, value);
}

/* A module's attributes are its dict's entries; its __class__ may become a class derived
 * from ModuleType. */
static int
module_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsModuleObject *m = (HsModuleObject *)self;
  if (hs_is_class_name (name))
    return hs_object_set_class (vm, self, value);
  if (value == NULL && hs_dict_contains (vm, m->dict, name) == 0)
    {
      no_attribute (vm, m, name);
      return -1;
    }
  return module_store (vm, m, name, value);
}

HsObject *
hs_module_new_empty (HsVM *vm, HsType *type)
{
  HsModuleObject *m = (HsModuleObject *)hs_object_alloc (vm, type, hs_module_type.basicsize);
  if (m == NULL)
    return NULL;
  if (type->type_flags & HS_TYPE_HEAP)
    {
      hs_incref ((HsObject *)type);
      hs_object_mark_dirty (vm, (HsObject *)type); /* it lists the module among its holders */
    }
  if ((m->dict = hs_dict_new (vm)) == NULL)
    {
      hs_decref (vm, &m->header);
      return NULL;
    }
  m->dict->flags |= HS_FLAG_NAMESPACE;
  hs_gc_track (vm, &m->header);
  return &m->header;
}

/* module.__init__(name, doc=None): CPython's module_init_dict */
static int
module_init (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  static const char *const none_keys[] = { "__package__", "__loader__", "__spec__" };
  HsModuleObject *m = (HsModuleObject *)self;
  HsObject *name = NULL, *doc = hs_None, *old = m->name;
  if (!hs_parse_args (vm, "module", args, nargs, kwnames, "name|doc", &name, &doc))
    return -1;
  if (!hs_str_check (name))
    {
      hs_err_format (vm, &hs_exc_TypeError, "module() argument 'name' must be str, not %s",
                     hs_type_name (name));
      return -1;
    }
  if (module_store (vm, m, hs_str_intern_cstr ("__name__"), name) < 0
      || module_store (vm, m, hs_str_intern_cstr ("__doc__"), doc) < 0)
    return -1;
  for (gsize i = 0; i < G_N_ELEMENTS (none_keys); i++)
    if (hs_dict_set_item (vm, m->dict, hs_str_intern_cstr (none_keys[i]), hs_None) < 0)
      return -1;
  m->name = hs_incref (name);
  hs_xdecref (vm, old);
  hs_object_mark_dirty (vm, self);
  return 0;
}

static HsObject *
module_m_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return module_init (vm, args[0], args + 1, nargs - 1, kwnames) < 0 ? NULL : hs_None;
}

/* types.ModuleType(name, doc=None) */
static HsObject *
module_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *m = hs_module_new_empty (vm, type);
  if (m != NULL && module_init (vm, m, args, nargs, kwnames) < 0)
    HS_CLEAR (vm, m);
  return m;
}

static const HsMethodDef module_methods[] = {
  { "__init__", module_m_init, HS_METH_SLOT },
  { NULL, NULL },
};

HsType hs_module_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "module",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  /* room for an empty attribute table after it, where an instance of a class derived from
   * ModuleType has its own (hs-builtin-subclass.h): any module's __class__ may become one */
  .basicsize = ((sizeof (HsModuleObject) + 7) & ~(gsize)7) + sizeof (HsAttrs),
  .dealloc = module_dealloc,
  .refs = module_refs,
  .clear = module_clear,
  .repr = module_repr,
  .getattr = module_getattr,
  .setattr = module_setattr,
  .construct = module_construct,
  .methods = module_methods,
};

HsObject *
hs_module_dict (HsObject *module)
{
  return ((HsModuleObject *)module)->dict;
}

/* A module named `name` with `dict` (NULL: a new one) as its attributes. */
static HsObject *
module_new (HsVM *vm, const char *name, HsObject *dict)
{
  HsModuleObject *m
      = (HsModuleObject *)hs_object_alloc (vm, &hs_module_type, hs_module_type.basicsize);
  if (m == NULL)
    return NULL;
  m->name = hs_str_intern_cstr (name);
  m->dict = dict != NULL ? hs_incref (dict) : hs_dict_new (vm);
  if (m->dict != NULL)
    m->dict->flags |= HS_FLAG_NAMESPACE;
  if (m->dict == NULL
      || hs_dict_set_item (vm, m->dict, hs_str_intern_cstr ("__name__"), m->name) < 0)
    {
      hs_decref (vm, &m->header);
      return NULL;
    }
  hs_gc_track (vm, &m->header);
  return &m->header;
}

/* ---- helpers for the module initialisers ------------------------------------------- */

static GMutex fn_lock;
static GHashTable *fn_cache; /* const HsMethodDef * -> immortal built-in function */
static GHashTable *fn_home;  /* const HsMethodDef * -> its __module__ (interned; "": None) */

/* The module CPython 3.11 defines a module's function in where that is not the module
 * itself (functools.reduce is _functools'), or "" for a bound method of a hidden
 * instance (random.random, a method of random's Random, has __module__ None); functions
 * NULL: all of the module's. */
static const struct
{
  const char *module, *functions, *home;
} c_homes[] = {
  { "weakref", " getweakrefcount getweakrefs proxy ", "_weakref" },
  { "functools", " reduce cmp_to_key ", "_functools" },
  { "heapq", " heappush heappop heapify heapreplace heappushpop ", "_heapq" },
  { "operator", NULL, "_operator" },
  { "bisect", NULL, "_bisect" },
  { "struct", NULL, "_struct" },
  { "hashlib",
    " openssl_md5 openssl_sha1 openssl_sha224 openssl_sha256 openssl_sha384 "
    "openssl_sha512 ",
    "_hashlib" },
  { "random", " random getrandbits ", "" },
  { "csv",
    " reader writer field_size_limit register_dialect unregister_dialect get_dialect "
    "list_dialects ",
    "_csv" },
  { "warnings", " warn warn_explicit ", "_warnings" },
};

static const char *
cpython_home (const char *module, const char *function)
{
  g_autofree char *word = g_strdup_printf (" %s ", function);
  for (gsize i = 0; i < G_N_ELEMENTS (c_homes); i++)
    if (strcmp (c_homes[i].module, module) == 0
        && (c_homes[i].functions == NULL || strstr (c_homes[i].functions, word) != NULL))
      return c_homes[i].home;
  return g_intern_string (module);
}

void
hs_module_note_function_home (const HsMethodDef *def, const char *module)
{
  g_mutex_lock (&fn_lock);
  if (fn_home == NULL)
    fn_home = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (fn_home, (gpointer)def, (gpointer)cpython_home (module, def->name));
  g_mutex_unlock (&fn_lock);
}

const char *
hs_module_function_home (const HsMethodDef *def)
{
  const char *home;
  g_mutex_lock (&fn_lock);
  home = fn_home != NULL ? g_hash_table_lookup (fn_home, def) : NULL;
  g_mutex_unlock (&fn_lock);
  return home;
}

static HsObject *
immortal_function (const HsMethodDef *def)
{
  HsObject *f;

  g_mutex_lock (&fn_lock);
  if (fn_cache == NULL)
    fn_cache = g_hash_table_new (NULL, NULL);
  f = g_hash_table_lookup (fn_cache, def);
  if (f == NULL)
    {
      f = hs_cfunction_new (NULL, def, NULL);
      g_hash_table_insert (fn_cache, (gpointer)def, f);
    }
  g_mutex_unlock (&fn_lock);
  return f;
}

int
hs_module_add_functions (HsVM *vm, HsObject *dict, const HsMethodDef *defs)
{
  HsObject *name = hs_dict_get_item_cstr_borrow (vm, dict, "__name__");
  for (const HsMethodDef *d = defs; d->name != NULL; d++)
    {
      if (name != NULL && hs_str_check (name))
        hs_module_note_function_home (d, hs_str_utf8 (name));
      if (hs_dict_set_item (vm, dict, hs_str_intern_cstr (d->name), immortal_function (d)) < 0)
        return -1;
    }
  return 0;
}

int
hs_module_add_function_as (HsVM *vm, HsObject *dict, const char *name, const HsMethodDef *def)
{
  HsObject *module = hs_dict_get_item_cstr_borrow (vm, dict, "__name__");
  if (module != NULL && hs_str_check (module))
    hs_module_note_function_home (def, hs_str_utf8 (module));
  return hs_dict_set_item (vm, dict, hs_str_intern_cstr (name), immortal_function (def));
}

/* The name a module keeps its Python function `name` under once a built-in calls it */
static char *
impl_name (const char *name)
{
  return g_strconcat ("_py_", name, NULL);
}

int
hs_module_add_builtins_over_python (HsVM *vm, HsObject *dict, const HsMethodDef *defs)
{
  for (const HsMethodDef *d = defs; d->name != NULL; d++)
    {
      g_autofree char *hidden = impl_name (d->name);
      HsObject *fn = hs_dict_get_item_cstr_borrow (vm, dict, d->name);
      if (fn == NULL || hs_dict_set_item (vm, dict, hs_str_intern_cstr (hidden), fn) < 0)
        return -1;
    }
  return hs_module_add_functions (vm, dict, defs);
}

HsObject *
hs_module_call_python (HsVM *vm, const char *module, const char *name, HsObject **args, gsize nargs,
                       HsObject *kwnames)
{
  g_autofree char *hidden = impl_name (name);
  HsObject *m = vm->modules != NULL ? hs_dict_get_item_cstr_borrow (vm, vm->modules, module) : NULL;
  HsObject *fn = m != NULL && hs_module_check (m)
                     ? hs_dict_get_item_cstr_borrow (vm, hs_module_dict (m), hidden)
                     : NULL;
  if (fn == NULL)
    {
      hs_err_format (vm, &hs_exc_RuntimeError, "%s.%s: the module is not imported", module, name);
      return NULL;
    }
  return hs_object_call (vm, fn, args, nargs, kwnames);
}

HsObject *
hs_module_class_new (HsVM *vm, const char *module, HsType *meta, const char *name, HsObject *base,
                     HsObject *ns)
{
  HsObject *cls = ns != NULL ? hs_class_new (vm, meta, hs_str_intern_cstr (name), &base,
                                             base != NULL ? 1 : 0, ns, NULL, NULL)
                             : NULL;
  hs_xdecref (vm, ns);
  if (cls != NULL)
    ((HsType *)cls)->module = module;
  return cls;
}

int
hs_module_add_take (HsVM *vm, HsObject *dict, const char *name, HsObject *value)
{
  int r;
  if (value == NULL)
    return -1;
  r = hs_dict_set_item (vm, dict, hs_str_intern_cstr (name), value);
  hs_decref (vm, value);
  /* What a module defines at import (math.pi, sys.maxsize, random's functions) lives as
   * long as the VM, kept by the module table that the diagram does not draw: immortal, so
   * that `from math import pi` shows no count one arrow short. hs_heap_fini frees it. */
  if (r == 0)
    value->flags |= HS_FLAG_IMMORTAL;
  return r;
}

/* ---- import -------------------------------------------------------------------------- */

/* Whether the table has a submodule of the package name[0..dot) */
static gboolean
is_package (const char *name, const char *dot)
{
  gsize len = (gsize)(dot - name) + 1;
  for (gsize i = 0; i < G_N_ELEMENTS (builtin_modules); i++)
    if (strncmp (builtin_modules[i].name, name, len) == 0)
      return TRUE;
  return FALSE;
}

static void
not_found (HsVM *vm, const char *name)
{
  const char *dot = strchr (name, '.');

  if (dot != NULL && find_builtin (name, (gsize)(dot - name)) != NULL && !is_package (name, dot))
    {
      char *head = g_strndup (name, (gsize)(dot - name));
      hs_err_format (vm, &hs_exc_ModuleNotFoundError, "No module named '%s'; '%s' is not a package",
                     name, head);
      g_free (head);
      return;
    }
  if (dot != NULL && !is_package (name, dot))
    {
      char *head = g_strndup (name, (gsize)(dot - name));
      hs_err_format (vm, &hs_exc_ModuleNotFoundError, "No module named '%s'", head);
      g_free (head);
      return;
    }
  hs_err_format (vm, &hs_exc_ModuleNotFoundError, "No module named '%s'", name);
}

static gboolean
ensure_modules (HsVM *vm)
{
  if (vm->modules == NULL && (vm->modules = hs_dict_new (vm)) != NULL)
    vm->modules->flags |= HS_FLAG_NAMESPACE;
  return vm->modules != NULL;
}

int
hs_module_set_main (HsVM *vm, HsObject *globals)
{
  HsObject *m;
  if (!ensure_modules (vm) || (m = module_new (vm, "__main__", globals)) == NULL)
    return -1;
  HS_CLEAR (vm, vm->main_module);
  vm->main_module = m;
  return hs_dict_set_item (vm, vm->modules, hs_str_intern_cstr ("__main__"), m);
}

/* A package's submodules of the table are imported with it and set as its attributes (as
 * CPython's site leaves collections.abc imported before a program runs); a submodule
 * imported alone is set on its package. */
static int
import_submodules (HsVM *vm, const char *name, HsObject *module)
{
  gsize len = strlen (name);
  const char *dot = strrchr (name, '.');
  if (dot != NULL)
    {
      g_autofree char *head = g_strndup (name, dot - name);
      HsObject *parent = hs_dict_get_item_cstr_borrow (vm, vm->modules, head);
      return parent != NULL ? hs_dict_set_item (vm, hs_module_dict (parent),
                                                hs_str_intern_cstr (dot + 1), module)
                            : 0;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (builtin_modules); i++)
    if (strncmp (builtin_modules[i].name, name, len) == 0 && builtin_modules[i].name[len] == '.')
      {
        HsObject *sub = hs_import_module (vm, builtin_modules[i].name);
        if (sub == NULL)
          return -1;
        hs_decref (vm, sub);
      }
  return 0;
}

HsObject *
hs_import_module (HsVM *vm, const char *name)
{
  const BuiltinModule *b;
  HsObject *m;

  if (!ensure_modules (vm))
    return NULL;
  m = hs_dict_get_item_cstr_borrow (vm, vm->modules, name);
  if (m != NULL)
    return hs_incref (m);
  b = find_builtin (name, strlen (name));
  if (b == NULL)
    {
      not_found (vm, name);
      return NULL;
    }
  /* a submodule: its package first (which may import it: then it is there) */
  const char *dot = strrchr (name, '.');
  if (dot != NULL)
    {
      g_autofree char *head = g_strndup (name, dot - name);
      HsObject *parent = hs_import_module (vm, head);
      if (parent == NULL)
        return NULL;
      hs_decref (vm, parent);
      m = hs_dict_get_item_cstr_borrow (vm, vm->modules, name);
      if (m != NULL)
        return hs_incref (m);
    }
  m = module_new (vm, name, b->init == NULL ? vm->builtins : NULL);
  if (m == NULL)
    return NULL;
  if ((b->init != NULL && b->init (vm, hs_module_dict (m)) < 0)
      || hs_dict_set_item (vm, vm->modules, hs_str_intern_cstr (name), m) < 0
      || import_submodules (vm, name, m) < 0)
    {
      hs_decref (vm, m);
      return NULL;
    }
  return m;
}

HsObject *
hs_import_attr (HsVM *vm, const char *module, const char *name)
{
  HsObject *m = hs_import_module (vm, module);
  HsObject *attr = m != NULL ? hs_object_getattr_cstr (vm, m, name) : NULL;
  hs_xdecref (vm, m);
  return attr;
}

int
hs_import_check_package (HsVM *vm, HsObject *module)
{
  HsObject *path = hs_object_getattr_cstr (vm, module, "__path__");
  if (path == NULL && !hs_err_matches (vm, &hs_exc_AttributeError))
    return -1;
  hs_err_clear (vm);
  hs_xdecref (vm, path);
  return 0;
}

/* The names of `__all__` (a sequence of str), each looked up on the module. */
static int
import_all (HsVM *vm, HsObject *module, HsObject *all, HsObject *ns)
{
  HsObject *it = hs_object_iter (vm, all), *name, *v;
  int rc = it != NULL ? 0 : -1;

  while (rc == 0 && (name = hs_iter_next (vm, it)) != NULL)
    {
      if (!hs_str_check (name))
        {
          hs_err_format (vm, &hs_exc_TypeError, "Item in %s.__all__ must be str, not %s",
                         hs_str_utf8 (((HsModuleObject *)module)->name), hs_type_name (name));
          rc = -1;
        }
      else if ((v = hs_object_getattr (vm, module, name)) == NULL)
        rc = -1;
      else
        {
          rc = hs_dict_set_item (vm, ns, name, v);
          hs_decref (vm, v);
        }
      hs_decref (vm, name);
    }
  if (rc == 0 && hs_err_occurred (vm))
    rc = -1;
  hs_xdecref (vm, it);
  return rc;
}

int
hs_module_import_star (HsVM *vm, HsObject *module, HsObject *ns)
{
  HsObject *dict = hs_module_dict (module), *k, *v;
  HsObject *all = hs_dict_get_item_cstr_borrow (vm, dict, "__all__");
  g_autoptr (GPtrArray) keys = NULL;
  gsize pos = 0;

  if (all != NULL)
    return import_all (vm, module, all, ns);
  /* a snapshot of the names: storing into ns may be storing into this very dict */
  keys = g_ptr_array_new ();
  while (hs_dict_next (dict, &pos, &k, &v))
    if (hs_str_check (k) && hs_str_utf8 (k)[0] != '_')
      g_ptr_array_add (keys, k);
  for (guint i = 0; i < keys->len; i++)
    {
      v = hs_dict_get_item_borrow (vm, dict, keys->pdata[i]);
      if (v != NULL && hs_dict_set_item (vm, ns, keys->pdata[i], v) < 0)
        return -1;
    }
  return 0;
}

HsObject *
hs_import_from (HsVM *vm, HsObject *module, HsObject *name)
{
  HsObject *v;

  if (!HS_IS (module, &hs_module_type))
    return hs_object_getattr (vm, module, name);
  v = hs_dict_get_item_borrow (vm, hs_module_dict (module), name);
  if (v != NULL)
    return hs_incref (v);
  if (hs_err_occurred (vm))
    return NULL;
  hs_err_format (vm, &hs_exc_ImportError, "cannot import name '%s' from '%s' (unknown location)",
                 hs_str_utf8 (name), hs_str_utf8 (((HsModuleObject *)module)->name));
  hs_cpython_refuse_missing (vm, module, name);
  return NULL;
}

void
hs_module_runtime_init (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      hs_type_ready (&hs_module_type);
      hs_set_runtime_init ();
      hs_reduce_runtime_init ();
      hs_range_runtime_init ();
      hs_mod_random_runtime_init ();
      hs_mod_copy_runtime_init ();
      hs_mod_binascii_runtime_init ();
      hs_mod_hashlib_runtime_init ();
      hs_mod_struct_runtime_init ();
      hs_mod_array_runtime_init ();
      hs_mod_collections_runtime_init ();
      hs_mod_operator_runtime_init ();
      hs_mod_functools_runtime_init ();
      hs_mod_itertools_runtime_init ();
      hs_mod_heapq_runtime_init ();
      hs_mod_contextlib_runtime_init ();
      hs_mod_queue_runtime_init ();
      hs_mod_string_runtime_init ();
      hs_mod_fractions_runtime_init ();
      hs_mod_decimal_runtime_init ();
      hs_mod_textwrap_runtime_init ();
      hs_mod_typing_runtime_init ();
      hs_mod_future_runtime_init ();
      hs_mod_dataclasses_runtime_init ();
      hs_mod_weakref_runtime_init ();
      hs_mod_statistics_runtime_init ();
      hs_mod_json_runtime_init ();
      hs_mod_io_runtime_init ();
      hs_mod_re_runtime_init ();
      hs_mod_enum_runtime_init ();
      hs_mod_abc_runtime_init ();
      hs_mod_collections_abc_runtime_init ();
      hs_mod_numbers_runtime_init ();
      hs_mod_calendar_runtime_init ();
      hs_mod_types_runtime_init ();
      hs_datetime_runtime_init ();
      hs_type_version_tags_enable ();
      g_once_init_leave (&once, 1);
    }
}
