/* hs-cpython-names.c — refusing, rather than denying, what CPython 3.11 has.
 *
 * Invariant: a lookup that fails on a built-in object, type or module for a name CPython
 * 3.11 has there (hs-cpython-names-table.h) ends in NotImplementedError naming it, as
 * docs/language.md promises, never in an AttributeError or ImportError CPython would not
 * raise. The program's own classes and objects are not concerned.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hs-cpython-names.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-module.h"
#include "hs-str.h"

#include "hs-cpython-dicts-table.h"
#include "hs-cpython-functions-table.h"
#include "hs-cpython-names-table.h"

/* dict_table's rows by type key, built once */
static gpointer
build_dict_index (gpointer data)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < G_N_ELEMENTS (dict_table); i++)
    g_hash_table_insert (index, (gpointer)dict_table[i].type, (gpointer)dict_table[i].names);
  return index;
}

/* What dict_table says of one built-in type: its names as written (NULL when the table
 * has no such type) and the same as a set. Start-up asks it for every slot of every type
 * (hs_slot_wrapper_install): formatting the type's key and scanning the text each time
 * were a sixth of starting a run. */
typedef struct
{
  const char *names;
  GHashTable *set;
} DictRow;

/* The set's keys point into the names: a word ends at a space or at the end of a string. */
static guint
word_hash (gconstpointer key)
{
  guint h = 5381;
  for (const char *p = key; *p != ' ' && *p != '\0'; p++)
    h = h * 33 + (guchar)*p;
  return h;
}

static gboolean
word_equal (gconstpointer a, gconstpointer b)
{
  const char *p = a, *q = b;
  for (; *p == *q && *p != ' ' && *p != '\0'; p++, q++)
    ;
  return (*p == ' ' || *p == '\0') && (*q == ' ' || *q == '\0');
}

static GMutex rows_lock;
static GHashTable *rows_by_type; /* const HsType * → DictRow *, filled as types are asked */

static DictRow *
dict_row_new (const HsType *type)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *index = g_once (&once, build_dict_index, NULL);
  DictRow *row = g_new0 (DictRow, 1);
  g_autofree char *key = NULL;

  if (type->module != NULL)
    key = g_strdup_printf ("%s.%s", type->module, type->name);
  row->names = g_hash_table_lookup (index, key != NULL ? key : type->name);
  if (row->names == NULL)
    return row;
  row->set = g_hash_table_new (word_hash, word_equal);
  for (const char *p = row->names + 1; *p != '\0'; p = strchr (p, ' ') + 1)
    g_hash_table_add (row->set, (gpointer)p);
  return row;
}

/* Rows live as long as the process, as the static types they describe. */
static const DictRow *
dict_row (const HsType *type)
{
  DictRow *row;

  g_mutex_lock (&rows_lock);
  if (rows_by_type == NULL)
    rows_by_type = g_hash_table_new (NULL, NULL);
  row = g_hash_table_lookup (rows_by_type, type);
  if (row == NULL)
    {
      row = dict_row_new (type);
      g_hash_table_insert (rows_by_type, (gpointer)type, row);
    }
  g_mutex_unlock (&rows_lock);
  return row;
}

const char *
hs_cpython_dict_names (const HsType *type)
{
  if (type->type_flags & HS_TYPE_HEAP)
    return NULL;
  return dict_row (type)->names;
}

gboolean
hs_cpython_dict_lacks (const HsType *type, const char *name)
{
  const DictRow *row;

  if (type->type_flags & HS_TYPE_HEAP)
    return FALSE;
  row = dict_row (type);
  return row->set != NULL && !g_hash_table_contains (row->set, name);
}

/* Moves d's entry `name` (when it has one) to the end of d's order. */
static void
move_to_end (HsObject *d, HsObject *name)
{
  HsObject *value = hs_dict_get_item_borrow (NULL, d, name);
  if (value == NULL)
    return;
  hs_incref (value);
  hs_incref (name);
  hs_dict_del_item (NULL, d, name);
  hs_dict_set_item (NULL, d, name, value);
  hs_decref (NULL, name);
  hs_decref (NULL, value);
}

/* Whether d's keys that CPython's dict of `type` has come first, in the order of `names`. */
static gboolean
in_cpython_order (HsObject *d, char **names)
{
  gsize pos = 0;
  HsObject *key;
  char **w = names;
  while (hs_dict_next (d, &pos, &key, NULL))
    {
      while (*w != NULL && hs_dict_get_item_cstr_borrow (NULL, d, *w) == NULL)
        w++;
      if (*w == NULL)
        return TRUE; /* the rest are Heapscope's own */
      if (!hs_str_check (key) || strcmp (hs_str_utf8 (key), *w) != 0)
        return FALSE;
      w++;
    }
  return TRUE;
}

void
hs_cpython_dict_order (HsType *type)
{
  const char *names = hs_cpython_dict_names (type);
  g_auto (GStrv) words = names != NULL ? g_strsplit (names + 1, " ", -1) : NULL;
  g_autoptr (GPtrArray) own = g_ptr_array_new ();
  gsize pos = 0;
  HsObject *key;

  if (words == NULL || in_cpython_order (type->dict, words))
    return;
  while (hs_dict_next (type->dict, &pos, &key, NULL))
    if (!hs_str_check (key) || hs_cpython_dict_lacks (type, hs_str_utf8 (key)))
      g_ptr_array_add (own, key);
  for (char **w = words; *w != NULL; w++)
    if (**w != '\0' && hs_dict_get_item_cstr_borrow (NULL, type->dict, *w) != NULL)
      move_to_end (type->dict, hs_str_intern_cstr (*w));
  for (guint i = 0; i < own->len; i++)
    move_to_end (type->dict, own->pdata[i]);
}

gboolean
hs_cpython_has_name (const char *owner, const char *name, gboolean *callable)
{
  gsize n = strlen (name);

  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (strcmp (table[i].owner, owner) != 0)
        continue;
      for (const char *p = table[i].names; n > 0 && (p = strstr (p, name)) != NULL; p += n)
        if ((p == table[i].names || p[-1] == ' ') && (p[n] == ' ' || p[n] == '('))
          {
            if (callable != NULL)
              *callable = p[n] == '(';
            return TRUE;
          }
    }
  return FALSE;
}

/* The owner's name as the table and the message give it: a built-in object's type, a
 * built-in type itself, or a module; NULL for the program's own classes and objects. */
static const char *
owner_name (HsObject *obj)
{
  if (HS_IS (obj, &hs_module_type))
    return hs_str_utf8 (((HsModuleObject *)obj)->name);
  if (hs_type_check (obj))
    return (((HsType *)obj)->type_flags & HS_TYPE_HEAP) ? NULL : ((HsType *)obj)->name;
  return (obj->type->type_flags & HS_TYPE_HEAP) ? NULL : obj->type->name;
}

void
hs_cpython_refuse_missing (HsVM *vm, HsObject *obj, HsObject *name)
{
  const char *owner = owner_name (obj);
  gboolean callable = FALSE;

  if (owner == NULL || !hs_str_check (name)
      || !(hs_err_matches (vm, &hs_exc_AttributeError) || hs_err_matches (vm, &hs_exc_ImportError))
      || !hs_cpython_has_name (owner, hs_str_utf8 (name), &callable))
    return;
  hs_err_clear (vm);
  hs_err_format (vm, &hs_exc_NotImplementedError, "%s.%s%s is not supported by Heapscope yet",
                 owner, hs_str_utf8 (name), callable ? "()" : "");
}

static int
compare_function_name (const void *key, const void *entry)
{
  return strcmp (key, ((const HsCPythonFunction *)entry)->name);
}

const HsCPythonFunction *
hs_cpython_function (const char *module, const char *name)
{
  const HsCPythonFunction *f = bsearch (name, functions, G_N_ELEMENTS (functions),
                                        sizeof functions[0], compare_function_name);
  g_autofree char *word = module != NULL ? g_strconcat (" ", module, " ", NULL) : NULL;

  return f != NULL && (word == NULL || strstr (f->modules, word) != NULL) ? f : NULL;
}
