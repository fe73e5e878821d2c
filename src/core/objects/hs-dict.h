/* hs-dict.h — Python's dict: an insertion-ordered compact hash table.
 *
 * Invariant: entries[0..nentries) hold the items in insertion order; a deleted entry
 * has key == NULL. indices[] (size mask + 1, a power of two) maps a probe slot to an
 * entry number, HS_DICT_EMPTY or HS_DICT_DUMMY; `used` is the number of live entries.
 * Every live entry's hash is the key's hash, so lookups compare hashes before keys.
 * Every mutation marks the dict dirty; one that adds or removes a key or moves the entries
 * renews `keys_version`.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 hash;
  HsObject *key; /* NULL: deleted */
  HsObject *value;
} HsDictEntry;

typedef struct
{
  HsObject header;
  gsize used;        /* live entries: len(d) */
  gsize nentries;    /* entries slots consumed, live or deleted */
  gsize entries_cap; /* usable entries before a resize */
  gsize mask;        /* number of index slots - 1; 0 when nothing is allocated yet */
  gint32 *indices;
  HsDictEntry *entries;
  /* Unique in the process, renewed whenever a key is added or removed or the entries
   * move, not when a value is replaced; 0: no key ever (LOAD_GLOBAL's cache) */
  guint64 keys_version;
  gboolean type_namespace; /* a type's dict (drawn as the class's rows) */
  gboolean split;          /* an instance's materialised __dict__: CPython's is a split table */
  /* The type whose namespace it is (not owned; NULL once the type is freed): a change is
   * hs_type_modified on it. */
  const HsType *namespace_of;
} HsDict;

#define HS_DICT(o) ((HsDict *)(o))

/* d is type's namespace: drawn as its rows, and each change to it is one to the type. */
void hs_dict_mark_type_namespace (HsObject *d, const HsType *type);

/* Visits a view's, an iterator's or a mappingproxy's reference to the dict d, as `kind`
 * named `name`; but a class's namespace is drawn as the class's rows, never as a dict, so
 * a reference to it from elsewhere (`C.__dict__`, iterating it) is held unseen. */
static inline void
hs_visit_dict (HsVisitFn visit, HsObject *d, HsRefKind kind, const char *name, gpointer data)
{
  if (((HsDict *)d)->type_namespace)
    hs_visit_named (visit, d, HS_REF_HIDDEN, "class namespace", data);
  else
    hs_visit_named (visit, d, kind, name, data);
}

/* The entry number of `key` (its hash given): >= 0; -1 when absent; -2 with the error set.
 * The entry keeps that key while the dict's keys_version holds. */
gssize hs_dict_find_entry (HsVM *vm, HsObject *dict, HsObject *key, gint64 hash);
/* Replaces the value of live entry `ix` (a new reference is taken to value). */
void hs_dict_replace_value (HsVM *vm, HsObject *dict, gsize ix, HsObject *value);

static inline gboolean
hs_dict_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_dict_type);
}

static inline gsize
hs_dict_len (HsObject *d)
{
  return HS_DICT (d)->used;
}

HsObject *hs_dict_new (HsVM *vm); /* vm NULL: immortal (type dicts) */
/* An empty dict of a built-in subtype of dict (type->basicsize bytes, zeroed beyond the
 * dict: collections' defaultdict, Counter, OrderedDict). */
HsObject *hs_dict_new_type (HsVM *vm, const HsType *type);
/* d[key] = value; borrows both. -1 on unhashable key or MemoryError. */
int hs_dict_set_item (HsVM *vm, HsObject *d, HsObject *key, HsObject *value);
/* As above when the key's hash is known (the VM caches names' hashes). */
int hs_dict_set_item_hash (HsVM *vm, HsObject *d, HsObject *key, gint64 hash, HsObject *value);
/* Borrowed value or NULL: absent (no error set) or failed (error set: check
 * hs_err_occurred, only possible for unhashable keys or failing __eq__). */
HsObject *hs_dict_get_item_borrow (HsVM *vm, HsObject *d, HsObject *key);
HsObject *hs_dict_get_item_hash_borrow (HsVM *vm, HsObject *d, HsObject *key, gint64 hash);
/* Lookup by C string (no allocation; compares str keys only). NULL if absent. */
HsObject *hs_dict_get_item_cstr_borrow (HsVM *vm, HsObject *d, const char *key);
/* del d[key]; KeyError(key) if absent. */
int hs_dict_del_item (HsVM *vm, HsObject *d, HsObject *key);
/* 1 if present, 0 if not, -1 on error. */
int hs_dict_contains (HsVM *vm, HsObject *d, HsObject *key);
/* Iteration by position: start with *pos = 0; borrowed key/value (either may be NULL). */
gboolean hs_dict_next (HsObject *d, gsize *pos, HsObject **key, HsObject **value);
/* The dict a keys/values/items view shows (borrowed). */
HsObject *hs_dict_view_dict (HsObject *view);
/* Backwards: start with *pos = hs_dict_end_pos (d). */
gsize hs_dict_end_pos (HsObject *d);
gboolean hs_dict_prev (HsObject *d, gsize *pos, HsObject **key, HsObject **value);
void hs_dict_clear (HsVM *vm, HsObject *d);
HsObject *hs_dict_copy (HsVM *vm, HsObject *d);
/* d.setdefault(key, dflt) of the dict itself: the value (new reference), or NULL. */
HsObject *hs_dict_setdefault (HsVM *vm, HsObject *d, HsObject *key, HsObject *dflt);
/* d.update(other): a dict or an iterable of pairs. */
int hs_dict_update (HsVM *vm, HsObject *d, HsObject *other);
/* The keyword arguments args[nargs..] that kwnames (or NULL) names go into d: 0, or -1. */
int hs_dict_merge_kwargs (HsVM *vm, HsObject *d, HsObject **args, gsize nargs, HsObject *kwnames);
/* What dict(*args, **kwargs) puts into d (at most one positional argument: TypeError
 * "NAME expected at most 1 argument, got 2"). */
int hs_dict_init_args (HsVM *vm, HsObject *d, const char *name, HsObject **args, gsize nargs,
                       HsObject *kwnames);
/* dict.keys()/values()/items() views. */
HsObject *hs_dict_keys (HsVM *vm, HsObject *d);
HsObject *hs_dict_values (HsVM *vm, HsObject *d);
HsObject *hs_dict_items (HsVM *vm, HsObject *d);

/* The attribute dict a built-in object keeps in one of its fields (a function's or a
 * built-in exception's __dict__), made the first time the program reads or writes it:
 * borrowed, NULL with MemoryError. */
HsObject *hs_attr_dict_lazy (HsVM *vm, HsObject *self, HsObject **field);
/* self.name = value (NULL: del) into that dict; deleting an absent name is CPython's
 * AttributeError. */
int hs_attr_dict_store (HsVM *vm, HsObject *self, HsObject **field, HsObject *name,
                        HsObject *value);
/* self.__dict__ = value: a dict only, and it cannot be deleted (CPython's TypeErrors). */
int hs_attr_dict_replace (HsVM *vm, HsObject *self, HsObject **field, HsObject *value);

extern HsType hs_dict_keys_type;
extern HsType hs_dict_values_type;
extern HsType hs_dict_items_type;

/* The dict views' __reversed__ and `mapping` as CPython's (hs_runtime_init). */
void hs_dict_views_runtime_init (void);

G_END_DECLS
