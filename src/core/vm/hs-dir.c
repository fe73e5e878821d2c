/* hs-dir.c — dir(): the names an object answers to, as CPython lists them.
 *
 * CPython's object.__dir__ merges the instance's __dict__ with the namespaces of its class
 * and every base; type.__dir__ the namespaces of the class and its bases; a module's dir()
 * is its globals. object's own names (and a module's standard ones) are CPython's, listed
 * here: Heapscope's object type does not define every dunder CPython's has.
 */
#include "config.h"

#include <string.h>

#include "hs-cpython-names.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-dictkinds.h"
#include "hs-dir.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-slot-wrapper.h"
#include "hs-str.h"
#include "hs-vm-private.h"

static const char *const cpython_object_names[]
    = { "__class__",   "__delattr__", "__dir__",           "__doc__",          "__eq__",
        "__format__",  "__ge__",      "__getattribute__",  "__getstate__",     "__gt__",
        "__hash__",    "__init__",    "__init_subclass__", "__le__",           "__lt__",
        "__ne__",      "__new__",     "__reduce__",        "__reduce_ex__",    "__repr__",
        "__setattr__", "__sizeof__",  "__str__",           "__subclasshook__", NULL };
static const char *const cpython_module_names[]
    = { "__doc__", "__loader__", "__name__", "__package__", "__spec__", NULL };

const char *const hs_dir_main_names[]
    = { "__name__",        "__doc__",      "__package__", "__loader__", "__spec__",
        "__annotations__", "__builtins__", "__file__",    "__cached__", NULL };

static void
add_name (GHashTable *seen, const char *name)
{
  if (!g_hash_table_contains (seen, name))
    g_hash_table_add (seen, g_strdup (name));
}

static void
add_slot_name (const char *name, gpointer seen)
{
  add_name (seen, name);
}

static void
add_dict_keys (GHashTable *seen, HsObject *dict)
{
  gsize pos = 0;
  HsObject *key;
  while (dict != NULL && hs_dict_next (dict, &pos, &key, NULL))
    if (HS_IS (key, &hs_str_type))
      add_name (seen, hs_str_utf8 (key));
}

static void
add_words (GHashTable *seen, const char *const *words)
{
  for (const char *const *w = words; *w != NULL; w++)
    add_name (seen, *w);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* The names in `seen` (which it leaves empty), sorted, owned by the array. */
static GPtrArray *
sorted_names (GHashTable *seen)
{
  GPtrArray *names = g_ptr_array_new_full (g_hash_table_size (seen), g_free);
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, seen);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (names, key);
  g_hash_table_steal_all (seen);
  g_ptr_array_sort (names, compare_names);
  return names;
}

GPtrArray *
hs_dir_namespace (HsObject *ns, gboolean is_main)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_dict_keys (seen, ns);
  if (is_main)
    add_words (seen, hs_dir_main_names);
  return sorted_names (seen);
}

/* The names of an object's named references: what CPython keeps in its instance
 * __dict__ (or as attributes of its type) for an object drawn as an instance; the keys of
 * the __dict__ an instance materialised (an unfolded dict). */
static void
add_ref_name (HsObject *child, const HsRef *ref, gpointer data)
{
  if (ref->kind == HS_REF_UNFOLD && hs_dict_check (child))
    add_dict_keys (data, child);
  else if (ref->kind == HS_REF_ATTR)
    add_name (data, ref->name);
  else if (ref->kind == HS_REF_ATTR_STR)
    add_name (data, hs_str_utf8 (ref->name_obj));
}

GPtrArray *
hs_dir_names (HsObject *obj)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (HS_IS (obj, &hs_module_type))
    {
      add_dict_keys (seen, hs_module_dict (obj));
      add_words (seen, cpython_module_names);
    }
  else
    {
      gboolean is_type = hs_type_check (obj);
      if (!is_type && (HS_TYPE (obj)->type_flags & HS_TYPE_DRAWN_AS_INSTANCE))
        hs_object_refs (obj, add_ref_name, seen);
      /* the own attributes of a built-in object that has a __dict__ */
      else if (!is_type && hs_exception_check (obj) && !(HS_TYPE (obj)->type_flags & HS_TYPE_HEAP))
        add_dict_keys (seen, HS_EXCEPTION (obj)->dict);
      else if (!is_type)
        add_dict_keys (seen, hs_dictkinds_attrs_borrow (obj));
      const HsType *type = is_type ? (const HsType *)obj : obj->type;
      /* every class of the MRO, not only the first bases (class C(A, B) has B's names) */
      const HsType *t;
      for (gsize i = 0; (t = hs_type_mro_at (type, i)) != NULL; i++)
        add_dict_keys (seen, t->dict);
      if (!(type->type_flags & HS_TYPE_HEAP))
        hs_slot_wrapper_foreach_name (type, add_slot_name, seen);
      add_words (seen, cpython_object_names);
    }
  return sorted_names (seen);
}

/* Whether `name` is one of object's names as CPython lists them. */
static gboolean
is_object_name (const char *name)
{
  for (const char *const *w = cpython_object_names; *w != NULL; w++)
    if (strcmp (*w, name) == 0)
      return TRUE;
  return FALSE;
}

/* Whether dir() finds CPython 3.11's names in the dict of the built-in type t: every name
 * of CPython's dict (hs-cpython-dicts-table.h) but the ones object's dict gives dir()
 * anyway (int's own __getattribute__), and no other. */
static gboolean
own_names_exact (const HsType *t)
{
  g_autofree char *want = g_strdup (hs_cpython_dict_names (t));
  g_auto (GStrv) words = want != NULL ? g_strsplit (g_strstrip (want), " ", -1) : NULL;
  gsize pos = 0;
  HsObject *key;

  if (words == NULL)
    return FALSE;
  for (char **w = words; *w != NULL; w++)
    if (!is_object_name (*w) && hs_dict_get_item_cstr_borrow (NULL, t->dict, *w) == NULL)
      return FALSE;
  while (hs_dict_next (t->dict, &pos, &key, NULL))
    if (HS_IS (key, &hs_str_type) && hs_cpython_dict_lacks (t, hs_str_utf8 (key)))
      return FALSE;
  return TRUE;
}

/* The first built-in type of the MRO of obj (a class) or of its class. */
static const HsType *
builtin_part (HsObject *obj)
{
  const HsType *t = hs_type_check (obj) ? (const HsType *)obj : obj->type;
  while (t->type_flags & HS_TYPE_HEAP)
    t = t->base;
  return t;
}

/* A built-in type's dir() is exact when the dicts of it and its bases hold CPython's names
 * (object's are listed above). */
gboolean
hs_dir_is_exact (HsObject *obj)
{
  if (HS_IS (obj, &hs_module_type))
    return FALSE; /* Heapscope's modules have the common names only */
  for (const HsType *t = builtin_part (obj); t != NULL && t != &hs_object_type; t = t->base)
    if (!own_names_exact (t))
      return FALSE;
  return TRUE;
}

HsObject *
hs_dir_list (HsVM *vm, GPtrArray *names)
{
  HsObject *list = hs_list_new (vm, 0);
  for (guint i = 0; list != NULL && i < names->len; i++)
    {
      HsObject *s = hs_str_from_cstr (vm, names->pdata[i]);
      if (s == NULL || hs_list_append (vm, list, s) < 0)
        HS_CLEAR (vm, list);
      hs_xdecref (vm, s);
    }
  return list;
}

/* sorted(names), names a new reference to what a __dir__ returned (stolen). */
static HsObject *
sorted_list (HsVM *vm, HsObject *names)
{
  HsObject *list = names != NULL ? hs_list_from_iterable (vm, names) : NULL;
  hs_xdecref (vm, names);
  if (list != NULL && hs_list_sort (vm, list, NULL, FALSE) < 0)
    HS_CLEAR (vm, list);
  return list;
}

/* CPython's module.__dir__: the module's own __dir__() if its dict has one, else its dict's
 * keys (the program's __main__ with the names CPython's starts with). */
static HsObject *
module_dir (HsVM *vm, HsObject *module)
{
  HsObject *dict = hs_module_dict (module);
  HsObject *fn = hs_dict_get_item_cstr_borrow (vm, dict, "__dir__");
  if (fn != NULL)
    {
      HsObject *r;
      hs_incref (fn);
      r = hs_object_call (vm, fn, NULL, 0, NULL);
      hs_decref (vm, fn);
      return sorted_list (vm, r);
    }
  /* a built-in module's dict (no __loader__ here) holds the names it answers to */
  g_autoptr (GPtrArray) names = hs_dir_namespace (dict, module == vm->main_module);
  return hs_dir_list (vm, names);
}

/* Whether obj answers to `name` (getattr finds it), its error cleared. */
static gboolean
answers (HsVM *vm, HsObject *obj, const char *name)
{
  HsObject *v = hs_object_getattr (vm, obj, hs_str_intern_cstr (name));

  if (v == NULL)
    {
      hs_err_clear (vm);
      return FALSE;
    }
  hs_decref (vm, v);
  return TRUE;
}

/* dir() of what has not CPython's names exactly (a function, a built-in type whose dict
 * lacks some): the names it has here (object's as CPython lists them), and those of
 * CPython's built-in types it answers to here: a name it lacks is missing from dir() as
 * from getattr. */
static HsObject *
dir_as_far_as_here (HsVM *vm, HsObject *obj)
{
  g_autoptr (GPtrArray) have = hs_dir_names (obj);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) names = NULL;

  for (guint i = 0; i < have->len; i++)
    add_name (seen, have->pdata[i]);
  for (const HsType *t = builtin_part (obj); t != NULL; t = t->base)
    {
      g_auto (GStrv) words = NULL;
      const char *cpython = hs_cpython_dict_names (t);

      if (cpython == NULL)
        continue;
      words = g_strsplit (cpython, " ", -1);
      for (char **w = words; *w != NULL; w++)
        if (**w != '\0' && !g_hash_table_contains (seen, *w) && !is_object_name (*w)
            && answers (vm, obj, *w))
          add_name (seen, *w);
    }
  names = sorted_names (seen);
  return hs_dir_list (vm, names);
}

HsObject *
hs_dir_of (HsVM *vm, HsObject *obj)
{
  HsObject *custom = hs_type_lookup_borrow (HS_TYPE (obj), hs_str_intern_cstr ("__dir__"));
  if (custom != NULL)
    return sorted_list (vm, hs_object_call_method (vm, obj, "__dir__", NULL, 0, NULL));
  if (hs_module_check (obj))
    return module_dir (vm, obj);
  if (!hs_dir_is_exact (obj))
    return dir_as_far_as_here (vm, obj);
  g_autoptr (GPtrArray) names = hs_dir_names (obj);
  return hs_dir_list (vm, names);
}
