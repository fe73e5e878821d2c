/* hs-dict.c — Python's dict (CPython 3.6+'s compact, insertion-ordered layout) and its
 * views dict_keys / dict_values / dict_items.
 *
 * Invariant: entries[0..nentries) are in insertion order, deleted ones with key NULL;
 * indices[] (mask + 1 slots, a power of two) holds for each probe slot HS_DICT_EMPTY,
 * HS_DICT_DUMMY (deleted: probing continues past it) or an entry number; every live
 * entry is reachable from its hash's probe sequence. entries_cap == (mask + 1) * 2 / 3,
 * so the table is never more than two thirds full and every probe ends at an EMPTY slot.
 * A lookup that calls __eq__ re-checks that the table was not changed under it.
 */
#include "config.h"

#include "hs-dict.h"
#include "hs-dict-setview.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-mappingproxy.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"

#define HS_DICT_EMPTY (-1)
#define HS_DICT_DUMMY (-2)
#define MIN_SIZE 8
#define PERTURB_SHIFT 5

/* Lookup results besides an entry number. */
#define NOT_FOUND (-1)
#define FAILED (-2)

static inline gsize
usable_for (gsize size)
{
  return size * 2 / 3;
}

/* A dict is made untracked and tracked once it holds something the collector may see
 * (CPython's MAINTAIN_TRACKING), so gc.collect() counts and gc.is_tracked() answer as
 * CPython's; the full collections untrack it again (hs-gc.c). A dict subclass's or kind's
 * (defaultdict, OrderedDict) is always tracked, as CPython's. */
HsObject *
hs_dict_new (HsVM *vm)
{
  return hs_object_alloc (vm, &hs_dict_type, sizeof (HsDict));
}

static inline void
maintain_tracking (HsVM *vm, HsDict *d, HsObject *key, HsObject *value)
{
  HsObject *o = &d->header;
  if (!(o->flags & HS_FLAG_GC_TRACKED) && vm != NULL
      && (hs_gc_may_be_tracked (key) || hs_gc_may_be_tracked (value)))
    hs_gc_track (vm, o);
}

HsObject *
hs_dict_new_type (HsVM *vm, const HsType *type)
{
  HsObject *d = hs_object_alloc (vm, type, type->basicsize);
  if (d != NULL && type != &hs_dict_type)
    hs_gc_track (vm, d);
  return d;
}

void
hs_dict_mark_type_namespace (HsObject *d, const HsType *type)
{
  HS_DICT (d)->type_namespace = TRUE;
  HS_DICT (d)->namespace_of = type;
}

static guint64 keys_version_counter;

static inline void
bump_version (HsVM *vm, HsDict *d)
{
  d->keys_version = __atomic_add_fetch (&keys_version_counter, 1, __ATOMIC_RELAXED);
  if (G_UNLIKELY (d->namespace_of != NULL))
    hs_type_modified (vm, d->namespace_of);
}

static void
mark_dirty (HsVM *vm, HsObject *d)
{
  bump_version (vm, HS_DICT (d));
  hs_object_mark_dirty (vm, d);
}

/* Only entries[lo, hi) changed (and nentries, when they were appended): the trace
 * records just those. A resize renumbers the entries and marks the whole dict. */
static void
mark_dirty_entries (HsVM *vm, HsObject *d, gsize lo, gsize hi)
{
  bump_version (vm, HS_DICT (d));
  hs_object_mark_dirty_range (vm, d, lo, hi);
}

static int
key_hash (HsVM *vm, HsObject *key, gint64 *out)
{
  if (HS_IS (key, &hs_str_type) && HS_STR (key)->hash != -1)
    {
      *out = HS_STR (key)->hash;
      return 0;
    }
  if (HS_IS (key, &hs_int_type) && hs_int_is_small (key))
    {
      *out = hs_int_small_hash (key);
      return 0;
    }
  return hs_object_hash (vm, key, out);
}

/* Equality of a stored key with a probe key of the same hash: 1, 0, -1. */
static int
keys_equal (HsVM *vm, HsObject *stored, HsObject *key)
{
  int r;

  if (HS_IS (stored, &hs_str_type) && HS_IS (key, &hs_str_type))
    return hs_str_equal (stored, key);
  hs_incref (stored);
  r = hs_object_equal (vm, stored, key);
  hs_decref (vm, stored);
  return r;
}

/* Finds `key`: its entry number (and index slot in *slot), NOT_FOUND (with *slot the
 * first free slot of its probe sequence) or FAILED (error set). */
static gssize
lookup (HsVM *vm, HsDict *d, HsObject *key, gint64 hash, gsize *slot)
{
restart:
  if (d->mask == 0)
    return NOT_FOUND;
  {
    guint64 perturb = (guint64)hash;
    gsize i = (gsize)hash & d->mask;
    gssize free_slot = -1;

    for (;;)
      {
        gint32 ix = d->indices[i];
        if (ix == HS_DICT_EMPTY)
          {
            *slot = free_slot >= 0 ? (gsize)free_slot : i;
            return NOT_FOUND;
          }
        if (ix == HS_DICT_DUMMY)
          {
            if (free_slot < 0)
              free_slot = (gssize)i;
          }
        else
          {
            HsDictEntry *e = &d->entries[ix];
            if (e->key == key)
              {
                *slot = i;
                return ix;
              }
            if (e->hash == hash)
              {
                HsDictEntry *entries = d->entries;
                HsObject *stored = e->key;
                int eq = keys_equal (vm, stored, key);
                if (eq < 0)
                  return FAILED;
                if (entries != d->entries || d->indices[i] != ix || d->entries[ix].key != stored)
                  goto restart; /* __eq__ changed the table */
                if (eq > 0)
                  {
                    *slot = i;
                    return ix;
                  }
              }
          }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + (gsize)perturb + 1) & d->mask;
      }
  }
}

/* Slot of an EMPTY index for `hash` (the table has no dummies right after a resize). */
static gsize
find_empty_slot (HsDict *d, gint64 hash)
{
  guint64 perturb = (guint64)hash;
  gsize i = (gsize)hash & d->mask;

  while (d->indices[i] != HS_DICT_EMPTY)
    {
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + (gsize)perturb + 1) & d->mask;
    }
  return i;
}

/* Rebuilds the table with room for at least `minused` entries, compacting deletions. */
static int
resize (HsVM *vm, HsDict *d, gsize minused)
{
  gsize size = MIN_SIZE, usable, n = 0;
  gint32 *indices;
  HsDictEntry *entries;

  while (size < minused || usable_for (size) < minused)
    {
      if (size > (gsize)G_MAXINT32)
        {
          hs_err_no_memory (vm);
          return -1;
        }
      size <<= 1;
    }
  usable = usable_for (size);
  indices = hs_mem_realloc (vm, NULL, 0, size * sizeof (gint32));
  if (indices == NULL)
    return -1;
  entries = hs_mem_realloc (vm, NULL, 0, usable * sizeof (HsDictEntry));
  if (entries == NULL)
    {
      hs_mem_realloc (vm, indices, size * sizeof (gint32), 0);
      return -1;
    }
  memset (indices, 0xff, size * sizeof (gint32)); /* all HS_DICT_EMPTY */
  for (gsize i = 0; i < d->nentries; i++)
    if (d->entries[i].key != NULL)
      entries[n++] = d->entries[i];
  hs_mem_realloc (vm, d->indices, (d->mask ? d->mask + 1 : 0) * sizeof (gint32), 0);
  hs_mem_realloc (vm, d->entries, d->entries_cap * sizeof (HsDictEntry), 0);
  d->indices = indices;
  d->entries = entries;
  hs_object_mark_dirty (vm, &d->header); /* entries renumbered */
  d->mask = size - 1;
  d->entries_cap = usable;
  d->nentries = n;
  for (gsize i = 0; i < n; i++)
    d->indices[find_empty_slot (d, entries[i].hash)] = (gint32)i;
  return 0;
}

/* Appends a new entry for a key known to be absent; steals nothing (increfs). */
static int
insert_new (HsVM *vm, HsDict *d, HsObject *key, gint64 hash, HsObject *value, gssize slot)
{
  HsDictEntry *e;

  if (d->nentries == d->entries_cap)
    {
      if (resize (vm, d, d->used * 3) < 0)
        return -1;
      slot = -1;
    }
  if (slot < 0)
    slot = (gssize)find_empty_slot (d, hash);
  d->indices[slot] = (gint32)d->nentries;
  e = &d->entries[d->nentries++];
  e->hash = hash;
  e->key = hs_incref (key);
  e->value = hs_incref (value);
  d->used++;
  maintain_tracking (vm, d, key, value);
  return 0;
}

int
hs_dict_set_item_hash (HsVM *vm, HsObject *dict, HsObject *key, gint64 hash, HsObject *value)
{
  HsDict *d = HS_DICT (dict);
  gsize slot = 0;
  gssize ix = lookup (vm, d, key, hash, &slot);

  if (ix == FAILED)
    return -1;
  if (ix >= 0)
    {
      hs_dict_replace_value (vm, dict, ix, value);
      return 0;
    }
  if (insert_new (vm, d, key, hash, value, d->mask ? (gssize)slot : -1) < 0)
    return -1;
  mark_dirty_entries (vm, dict, d->nentries - 1, d->nentries);
  return 0;
}

void
hs_dict_replace_value (HsVM *vm, HsObject *dict, gsize ix, HsObject *value)
{
  HsDict *d = HS_DICT (dict);
  HsObject *old = d->entries[ix].value;

  d->entries[ix].value = hs_incref (value);
  maintain_tracking (vm, d, d->entries[ix].key, value);
  if (G_UNLIKELY (d->namespace_of != NULL))
    hs_type_modified_value (vm, d->namespace_of, d->entries[ix].key, old, value);
  hs_object_mark_dirty_range (vm, dict, ix, ix + 1);
  hs_decref (vm, old);
}

gssize
hs_dict_find_entry (HsVM *vm, HsObject *dict, HsObject *key, gint64 hash)
{
  gsize slot;
  gssize ix = lookup (vm, HS_DICT (dict), key, hash, &slot);
  return ix >= 0 ? ix : ix == FAILED ? -2 : -1;
}

int
hs_dict_set_item (HsVM *vm, HsObject *d, HsObject *key, HsObject *value)
{
  gint64 hash;
  if (key_hash (vm, key, &hash) < 0)
    return -1;
  return hs_dict_set_item_hash (vm, d, key, hash, value);
}

HsObject *
hs_dict_get_item_hash_borrow (HsVM *vm, HsObject *dict, HsObject *key, gint64 hash)
{
  gsize slot;
  gssize ix = lookup (vm, HS_DICT (dict), key, hash, &slot);
  return ix >= 0 ? HS_DICT (dict)->entries[ix].value : NULL;
}

HsObject *
hs_dict_get_item_borrow (HsVM *vm, HsObject *dict, HsObject *key)
{
  gint64 hash;
  if (key_hash (vm, key, &hash) < 0)
    return NULL;
  return hs_dict_get_item_hash_borrow (vm, dict, key, hash);
}

HsObject *
hs_dict_get_item_cstr_borrow (HsVM *vm, HsObject *dict, const char *key)
{
  HsDict *d = HS_DICT (dict);
  for (gsize i = 0; i < d->nentries; i++)
    if (d->entries[i].key != NULL && HS_IS (d->entries[i].key, &hs_str_type)
        && strcmp (hs_str_utf8 (d->entries[i].key), key) == 0)
      return d->entries[i].value;
  return NULL;
}

int
hs_dict_contains (HsVM *vm, HsObject *dict, HsObject *key)
{
  HsObject *v = hs_dict_get_item_borrow (vm, dict, key);
  if (v != NULL)
    return 1;
  return hs_err_occurred (vm) ? -1 : 0;
}

/* Removes entry ix found at index slot; drops its references last. */
static void
delete_entry (HsVM *vm, HsObject *dict, gsize slot, gssize ix)
{
  HsDict *d = HS_DICT (dict);
  HsObject *k = d->entries[ix].key, *v = d->entries[ix].value;

  d->indices[slot] = HS_DICT_DUMMY;
  d->entries[ix].key = d->entries[ix].value = NULL;
  d->used--;
  mark_dirty_entries (vm, dict, ix, ix + 1);
  hs_decref (vm, k);
  hs_decref (vm, v);
}

/* Takes key's value out of the dict: new reference, NULL if absent (error set only on
 * failure: check hs_err_occurred). */
static HsObject *
dict_pop_item (HsVM *vm, HsObject *dict, HsObject *key)
{
  HsDict *d = HS_DICT (dict);
  gint64 hash;
  gsize slot;
  gssize ix;
  HsObject *v;

  if (key_hash (vm, key, &hash) < 0)
    return NULL;
  ix = lookup (vm, d, key, hash, &slot);
  if (ix < 0)
    return NULL;
  v = hs_incref (d->entries[ix].value);
  delete_entry (vm, dict, slot, ix);
  return v;
}

int
hs_dict_del_item (HsVM *vm, HsObject *dict, HsObject *key)
{
  HsObject *v = dict_pop_item (vm, dict, key);
  if (v == NULL)
    {
      if (!hs_err_occurred (vm))
        hs_err_set_key (vm, key);
      return -1;
    }
  hs_decref (vm, v);
  return 0;
}

gboolean
hs_dict_next (HsObject *dict, gsize *pos, HsObject **key, HsObject **value)
{
  HsDict *d = HS_DICT (dict);

  while (*pos < d->nentries && d->entries[*pos].key == NULL)
    (*pos)++;
  if (*pos >= d->nentries)
    return FALSE;
  if (key)
    *key = d->entries[*pos].key;
  if (value)
    *value = d->entries[*pos].value;
  (*pos)++;
  return TRUE;
}

gsize
hs_dict_end_pos (HsObject *dict)
{
  return HS_DICT (dict)->nentries;
}

gboolean
hs_dict_prev (HsObject *dict, gsize *pos, HsObject **key, HsObject **value)
{
  HsDict *d = HS_DICT (dict);

  *pos = MIN (*pos, d->nentries);
  while (*pos > 0 && d->entries[*pos - 1].key == NULL)
    (*pos)--;
  if (*pos == 0)
    return FALSE;
  (*pos)--;
  if (key)
    *key = d->entries[*pos].key;
  if (value)
    *value = d->entries[*pos].value;
  return TRUE;
}

static void
dict_release (HsVM *vm, HsDict *d, gboolean dirty)
{
  HsDictEntry *entries = d->entries;
  gint32 *indices = d->indices;
  gsize n = d->nentries, cap = d->entries_cap, size = d->mask ? d->mask + 1 : 0;

  d->entries = NULL;
  d->indices = NULL;
  d->nentries = d->used = d->entries_cap = d->mask = 0;
  bump_version (vm, d);
  if (dirty)
    mark_dirty (vm, &d->header);
  for (gsize i = 0; i < n; i++)
    if (entries[i].key != NULL)
      {
        hs_decref (vm, entries[i].key);
        hs_decref (vm, entries[i].value);
      }
  hs_mem_realloc (vm, entries, cap * sizeof (HsDictEntry), 0);
  hs_mem_realloc (vm, indices, size * sizeof (gint32), 0);
}

void
hs_dict_clear (HsVM *vm, HsObject *d)
{
  if (HS_DICT (d)->nentries > 0)
    dict_release (vm, HS_DICT (d), TRUE);
}

/* Inserts all of src's items into d (for copy and update from a dict). */
static int
merge_dict (HsVM *vm, HsObject *d, HsObject *src)
{
  HsDict *s = HS_DICT (src);

  for (gsize i = 0; i < s->nentries; i++)
    {
      HsDictEntry *e = &s->entries[i];
      if (e->key == NULL)
        continue;
      HsObject *k = hs_incref (e->key), *v = hs_incref (e->value);
      int r = hs_dict_set_item_hash (vm, d, k, e->hash, v);
      hs_decref (vm, k);
      hs_decref (vm, v);
      if (r < 0)
        return -1;
    }
  return 0;
}

HsObject *
hs_dict_copy (HsVM *vm, HsObject *d)
{
  HsObject *r = hs_dict_new (vm);

  if (r == NULL)
    return NULL;
  if (HS_DICT (d)->used > 0 && resize (vm, HS_DICT (r), HS_DICT (d)->used) < 0)
    {
      hs_decref (vm, r);
      return NULL;
    }
  if (merge_dict (vm, r, d) < 0)
    {
      hs_decref (vm, r);
      return NULL;
    }
  return r;
}

HsObject *
hs_attr_dict_lazy (HsVM *vm, HsObject *self, HsObject **field)
{
  if (*field == NULL && (*field = hs_dict_new (vm)) != NULL)
    hs_object_mark_dirty (vm, self);
  return *field;
}

int
hs_attr_dict_store (HsVM *vm, HsObject *self, HsObject **field, HsObject *name, HsObject *value)
{
  if (value == NULL && (*field == NULL || hs_dict_get_item_borrow (vm, *field, name) == NULL))
    {
      if (!hs_err_occurred (vm))
        hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                       hs_type_name (self), hs_str_check (name) ? hs_str_utf8 (name) : "?");
      return -1;
    }
  if (hs_attr_dict_lazy (vm, self, field) == NULL)
    return -1;
  hs_object_mark_dirty (vm, self);
  return value != NULL ? hs_dict_set_item (vm, *field, name, value)
                       : hs_dict_del_item (vm, *field, name);
}

int
hs_attr_dict_replace (HsVM *vm, HsObject *self, HsObject **field, HsObject *value)
{
  if (value == NULL)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "cannot delete __dict__");
      return -1;
    }
  if (!hs_dict_check (value))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                     hs_type_name (value));
      return -1;
    }
  HsObject *old = *field;
  *field = hs_incref (value);
  hs_object_mark_dirty (vm, self);
  hs_xdecref (vm, old);
  return 0;
}

/* One element of an update sequence: a 2-item list or tuple view, or NULL with error. */
static HsObject *
pair_of (HsVM *vm, HsObject *item, gsize index)
{
  HsObject *seq;
  gsize n;

  seq = hs_sequence_fast (vm, item, NULL);
  if (seq == NULL)
    {
      if (hs_err_matches (vm, &hs_exc_TypeError))
        {
          hs_err_clear (vm);
          hs_err_format (vm, &hs_exc_TypeError,
                         "cannot convert dictionary update sequence element #%" G_GSIZE_FORMAT
                         " to a sequence",
                         index);
        }
      return NULL;
    }
  n = hs_tuple_check (seq) ? hs_tuple_len (seq) : hs_list_len (seq);
  if (n != 2)
    {
      hs_err_format (vm, &hs_exc_ValueError,
                     "dictionary update sequence element #%" G_GSIZE_FORMAT
                     " has length %" G_GSIZE_FORMAT "; 2 is required",
                     index, n);
      hs_decref (vm, seq);
      return NULL;
    }
  return seq;
}

static int
merge_pairs (HsVM *vm, HsObject *d, HsObject *iterable)
{
  HsObject *it = hs_object_iter (vm, iterable), *item;
  gsize index = 0;

  if (it == NULL)
    return -1;
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *seq = pair_of (vm, item, index++);
      HsObject **kv;
      int r = -1;
      hs_decref (vm, item);
      if (seq != NULL)
        {
          kv = hs_tuple_check (seq) ? hs_tuple_items (seq) : hs_list_items (seq);
          r = hs_dict_set_item (vm, d, kv[0], kv[1]);
          hs_decref (vm, seq);
        }
      if (r < 0)
        break;
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? -1 : 0;
}

/* A mapping that is not a dict (it has keys()): d[k] = other[k] for k in other.keys(),
 * as CPython's PyDict_Merge. */
static int
merge_mapping (HsVM *vm, HsObject *d, HsObject *keys_method, HsObject *other)
{
  HsObject *keys = hs_object_call (vm, keys_method, NULL, 0, NULL), *it, *k;
  if (keys == NULL)
    return -1;
  it = hs_object_iter (vm, keys);
  hs_decref (vm, keys);
  if (it == NULL)
    return -1;
  while ((k = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *v = hs_object_getitem (vm, other, k);
      int r = v != NULL ? hs_dict_set_item (vm, d, k, v) : -1;
      hs_xdecref (vm, v);
      hs_decref (vm, k);
      if (r < 0)
        break;
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? -1 : 0;
}

int
hs_dict_update (HsVM *vm, HsObject *d, HsObject *other)
{
  HsObject *keys;
  int r;
  if (hs_dict_check (other))
    return other == d ? 0 : merge_dict (vm, d, other);
  if ((keys = hs_object_getattr_cstr (vm, other, "keys")) == NULL)
    {
      if (!hs_err_matches (vm, &hs_exc_AttributeError))
        return -1;
      hs_err_clear (vm);
      return merge_pairs (vm, d, other);
    }
  r = merge_mapping (vm, d, keys, other);
  hs_decref (vm, keys);
  return r;
}

int
hs_dict_merge_kwargs (HsVM *vm, HsObject *d, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  for (gsize k = 0; k < nkw; k++)
    if (hs_dict_set_item (vm, d, hs_tuple_get_borrow (kwnames, k), args[nargs + k]) < 0)
      return -1;
  return 0;
}

/* ---- slots ----------------------------------------------------------------------------- */

static void
dict_dealloc (HsVM *vm, HsObject *self)
{
  dict_release (vm, HS_DICT (self), FALSE);
}

static void
dict_clear_slot (HsVM *vm, HsObject *self)
{
  hs_dict_clear (vm, self);
}

static void
dict_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsDict *d = HS_DICT (self);
  for (gsize i = 0; i < d->nentries; i++)
    if (d->entries[i].key != NULL)
      {
        hs_visit_item (visit, d->entries[i].key, HS_REF_KEY, i, data);
        hs_visit_item (visit, d->entries[i].value, HS_REF_VALUE, i, data);
      }
}

static HsObject *
dict_repr (HsVM *vm, HsObject *self)
{
  HsDict *d = HS_DICT (self);
  GString *out;
  gboolean first = TRUE;

  if (d->used == 0)
    return hs_str_new (vm, "{}", 2);
  if (hs_repr_enter (self))
    return hs_str_new (vm, "{...}", 5);
  out = g_string_new ("{");
  for (gsize i = 0; i < d->nentries; i++)
    {
      HsObject *k = d->entries[i].key, *v;
      gboolean ok;
      if (k == NULL)
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      v = hs_incref (d->entries[i].value);
      hs_incref (k);
      ok = hs_str_build_repr (vm, out, k);
      if (ok)
        g_string_append (out, ": ");
      ok = ok && hs_str_build_repr (vm, out, v);
      hs_decref (vm, k);
      hs_decref (vm, v);
      if (!ok)
        {
          hs_repr_leave (self);
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  g_string_append_c (out, '}');
  hs_repr_leave (self);
  return hs_str_from_gstring (vm, out);
}

/* a == b for two dicts: 1, 0, -1. */
static int
dict_equal (HsVM *vm, HsObject *a, HsObject *b)
{
  HsDict *da = HS_DICT (a);

  if (da->used != HS_DICT (b)->used)
    return 0;
  for (gsize i = 0; i < da->nentries; i++)
    {
      HsObject *k = da->entries[i].key, *va, *vb;
      int r;
      if (k == NULL)
        continue;
      k = hs_incref (k);
      va = hs_incref (da->entries[i].value);
      vb = hs_dict_get_item_hash_borrow (vm, b, k, da->entries[i].hash);
      if (vb == NULL)
        r = hs_err_occurred (vm) ? -1 : 0;
      else
        {
          hs_incref (vb);
          r = hs_object_equal (vm, va, vb);
          hs_decref (vm, vb);
        }
      hs_decref (vm, k);
      hs_decref (vm, va);
      if (r <= 0)
        return r;
    }
  return 1;
}

static HsObject *
dict_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  int r;

  if (!hs_dict_check (a) || !hs_dict_check (b) || (op != HS_CMP_EQ && op != HS_CMP_NE))
    return hs_incref (hs_NotImplemented);
  r = dict_equal (vm, a, b);
  if (r < 0)
    return NULL;
  return hs_incref (hs_bool_from ((r == 1) == (op == HS_CMP_EQ)));
}

static HsObject *
dict_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *r;

  if (op != HS_BIN_OR || !hs_dict_check (a) || !hs_dict_check (b))
    return hs_incref (hs_NotImplemented);
  r = hs_dict_copy (vm, a);
  if (r != NULL && merge_dict (vm, r, b) < 0)
    HS_CLEAR (vm, r);
  return r;
}

static HsObject *
dict_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (op != HS_BIN_OR || !hs_dict_check (a))
    return hs_incref (hs_NotImplemented);
  return hs_dict_update (vm, a, b) < 0 ? NULL : hs_incref (a);
}

static gssize
dict_len (HsVM *vm, HsObject *self)
{
  return (gssize)HS_DICT (self)->used;
}

/* d[key] of a key an instance of a class derived from dict lacks: its class's
 * __missing__(key) when it has one (only d[key] asks, not get() or `in`), else KeyError. */
static HsObject *
missing (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *fn = hs_type_lookup_borrow (self->type, hs_str_intern_cstr ("__missing__")), *bound, *r;

  if (fn == NULL)
    {
      hs_err_set_key (vm, key);
      return NULL;
    }
  bound = hs_descr_get (vm, fn, self, self->type);
  if (bound == NULL)
    return NULL;
  r = hs_object_call (vm, bound, &key, 1, NULL);
  hs_decref (vm, bound);
  return r;
}

static HsObject *
dict_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *v = hs_dict_get_item_borrow (vm, self, key);
  if (v == NULL)
    {
      if (!hs_err_occurred (vm) && !HS_IS (self, &hs_dict_type))
        return missing (vm, self, key);
      if (!hs_err_occurred (vm))
        hs_err_set_key (vm, key);
      return NULL;
    }
  return hs_incref (v);
}

static int
dict_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  if (value == NULL)
    return hs_dict_del_item (vm, self, key);
  return hs_dict_set_item (vm, self, key, value);
}

static HsObject *
dict_iter (HsVM *vm, HsObject *self)
{
  return hs_dict_iter_new (vm, self, 0);
}

int
hs_dict_init_args (HsVM *vm, HsObject *d, const char *name, HsObject **args, gsize nargs,
                   HsObject *kwnames)
{
  if (nargs > 1)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s expected at most 1 argument, got %" G_GSIZE_FORMAT,
                     name, nargs);
      return -1;
    }
  if ((nargs == 1 && hs_dict_update (vm, d, args[0]) < 0)
      || hs_dict_merge_kwargs (vm, d, args, nargs, kwnames) < 0)
    return -1;
  return 0;
}

static HsObject *
dict_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *d = hs_dict_new (vm);

  if (d != NULL && hs_dict_init_args (vm, d, "dict", args, nargs, kwnames) < 0)
    HS_CLEAR (vm, d);
  return d;
}

/* ---- methods ---------------------------------------------------------------------------- */

static HsObject *
m_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key, *dflt = hs_None, *v;

  if (!hs_parse_args (vm, "dict.get", args + 1, nargs - 1, kwnames, "key | default /", &key, &dflt))
    return NULL;
  v = hs_dict_get_item_borrow (vm, args[0], key);
  if (v == NULL && hs_err_occurred (vm))
    return NULL;
  return hs_incref (v ? v : dflt);
}

HsObject *
hs_dict_setdefault (HsVM *vm, HsObject *d, HsObject *key, HsObject *dflt)
{
  HsObject *v = hs_dict_get_item_borrow (vm, d, key);
  if (v != NULL)
    return hs_incref (v);
  if (hs_err_occurred (vm) || hs_dict_set_item (vm, d, key, dflt) < 0)
    return NULL;
  return hs_incref (dflt);
}

static HsObject *
m_setdefault (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key, *dflt = hs_None;

  if (!hs_parse_args (vm, "dict.setdefault", args + 1, nargs - 1, kwnames, "key | default /", &key,
                      &dflt))
    return NULL;
  return hs_dict_setdefault (vm, args[0], key, dflt);
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key, *dflt = NULL, *v;

  if (!hs_parse_args (vm, "dict.pop", args + 1, nargs - 1, kwnames, "key | default /", &key, &dflt))
    return NULL;
  v = dict_pop_item (vm, args[0], key);
  if (v != NULL || hs_err_occurred (vm))
    return v;
  if (dflt != NULL)
    return hs_incref (dflt);
  hs_err_set_key (vm, key);
  return NULL;
}

static HsObject *
m_popitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsDict *d = HS_DICT (args[0]);
  HsObject *pair, *k, *v;
  gsize slot;
  gssize ix;

  if (!hs_parse_args (vm, "dict.popitem", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (d->used == 0)
    {
      HsObject *msg = hs_str_from_cstr (vm, "popitem(): dictionary is empty");
      if (msg != NULL)
        {
          hs_err_set_key (vm, msg);
          hs_decref (vm, msg);
        }
      return NULL;
    }
  ix = (gssize)d->nentries - 1;
  while (d->entries[ix].key == NULL)
    ix--;
  k = d->entries[ix].key;
  v = d->entries[ix].value;
  pair = hs_tuple_pack (vm, 2, k, v);
  if (pair == NULL)
    return NULL;
  ix = lookup (vm, d, k, d->entries[ix].hash, &slot); /* identity: finds it at once */
  delete_entry (vm, args[0], slot, ix);
  d->nentries = (gsize)ix; /* the last entries are now all deleted */
  return pair;
}

static HsObject *
m_keys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "dict.keys", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_dict_keys (vm, args[0]);
}

static HsObject *
m_values (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "dict.values", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_dict_values (vm, args[0]);
}

static HsObject *
m_items (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "dict.items", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_dict_items (vm, args[0]);
}

static HsObject *
m_update (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 2)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "update expected at most 1 argument, got %" G_GSIZE_FORMAT, nargs - 1);
      return NULL;
    }
  if ((nargs == 2 && hs_dict_update (vm, args[0], args[1]) < 0)
      || hs_dict_merge_kwargs (vm, args[0], args, nargs, kwnames) < 0)
    return NULL;
  return hs_None;
}

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "dict.copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_dict_copy (vm, args[0]);
}

static HsObject *
m_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "dict.clear", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  hs_dict_clear (vm, args[0]);
  return hs_None;
}

/* dict.fromkeys(iterable, value=None): args[0] is the class, called with no arguments for
 * the new mapping (an OrderedDict, a subclass), which is filled through its __setitem__
 * unless it is a plain dict (CPython's dict_fromkeys). */
static HsObject *
m_fromkeys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable, *value = hs_None, *d, *it, *k;

  if (!hs_parse_args (vm, "dict.fromkeys", args + 1, nargs - 1, kwnames, "iterable | value /",
                      &iterable, &value))
    return NULL;
  d = args[0] == (HsObject *)&hs_dict_type ? hs_dict_new (vm)
                                           : hs_object_call (vm, args[0], NULL, 0, NULL);
  it = d ? hs_object_iter (vm, iterable) : NULL;
  if (it == NULL)
    {
      hs_xdecref (vm, d);
      return NULL;
    }
  gboolean plain = HS_IS (d, &hs_dict_type);
  while ((k = hs_iter_next (vm, it)) != NULL)
    {
      int r = plain ? hs_dict_set_item (vm, d, k, value) : hs_object_setitem (vm, d, k, value);
      hs_decref (vm, k);
      if (r < 0)
        break;
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    HS_CLEAR (vm, d);
  return d;
}

static HsObject *
m_len (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "dict.__len__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (vm, (gint64)HS_DICT (args[0])->used);
}

/* dict.__init__(self, mapping_or_pairs=(), /, **kw): fills an instance of a class derived
 * from dict, with no call of its __setitem__ (as CPython). */
static HsObject *
m_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_dict_init_args (vm, args[0], "dict", args + 1, nargs - 1, kwnames) < 0 ? NULL : hs_None;
}

/* dict.__reversed__(): what reversed() gives for a dict, its keys last to first. */
static HsObject *
m_reversed (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "dict.__reversed__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_dict_iter_new (vm, args[0], 3);
}

static const HsMethodDef dict_methods[] = {
  { "__reversed__", m_reversed },
  { "__init__", m_init, HS_METH_SLOT },
  { "get", m_get },
  { "setdefault", m_setdefault },
  { "pop", m_pop },
  { "popitem", m_popitem },
  { "keys", m_keys },
  { "values", m_values },
  { "items", m_items },
  { "update", m_update },
  { "copy", m_copy },
  { "clear", m_clear },
  { "fromkeys", m_fromkeys, HS_METH_CLASS },
  { "__len__", m_len, HS_METH_SLOT },
  { NULL },
};

HsType hs_dict_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "dict",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsDict),
  .dealloc = dict_dealloc,
  .refs = dict_refs,
  .clear = dict_clear_slot,
  .repr = dict_repr,
  .hash = hs_object_hash_not_implemented,
  .richcompare = dict_richcompare,
  .binop = dict_binop,
  .inplace = dict_inplace,
  .len = dict_len,
  .getitem = dict_getitem,
  .setitem = dict_setitem,
  .contains = hs_dict_contains,
  .iter = dict_iter,
  .construct = dict_construct,
  .methods = dict_methods,
};

/* ---- views ------------------------------------------------------------------------------ */

typedef struct
{
  HsObject header;
  HsObject *dict;
} HsDictView;

HsObject *
hs_dict_view_dict (HsObject *view)
{
  return ((HsDictView *)view)->dict;
}

static HsObject *
view_new (HsVM *vm, HsType *type, HsObject *d)
{
  HsDictView *v = (HsDictView *)hs_object_alloc (vm, type, sizeof (HsDictView));
  if (v == NULL)
    return NULL;
  v->dict = hs_incref (d);
  hs_gc_track (vm, &v->header);
  return &v->header;
}

HsObject *
hs_dict_keys (HsVM *vm, HsObject *d)
{
  return view_new (vm, &hs_dict_keys_type, d);
}

HsObject *
hs_dict_values (HsVM *vm, HsObject *d)
{
  return view_new (vm, &hs_dict_values_type, d);
}

HsObject *
hs_dict_items (HsVM *vm, HsObject *d)
{
  return view_new (vm, &hs_dict_items_type, d);
}

static void
view_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsDictView *)self)->dict);
}

static void
view_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsDictView *v = (HsDictView *)self;
  if (v->dict != NULL)
    hs_visit_dict (visit, v->dict, HS_REF_PLAIN, NULL, data);
}

static gssize
view_len (HsVM *vm, HsObject *self)
{
  return (gssize)HS_DICT (((HsDictView *)self)->dict)->used;
}

static int
view_kind (HsObject *self)
{
  return HS_IS (self, &hs_dict_keys_type) ? 0 : HS_IS (self, &hs_dict_values_type) ? 1 : 2;
}

static HsObject *
view_iter (HsVM *vm, HsObject *self)
{
  return hs_dict_iter_new (vm, ((HsDictView *)self)->dict, view_kind (self));
}

/* "dict_keys(['a', 'b'])": the type name around the repr of a list of the items. */
static HsObject *
view_repr (HsVM *vm, HsObject *self)
{
  HsObject *list, *r;
  GString *out;

  if (hs_repr_enter (self))
    return hs_str_new (vm, "...", 3);
  list = hs_list_from_iterable (vm, self);
  r = list ? hs_object_repr (vm, list) : NULL;
  hs_xdecref (vm, list);
  hs_repr_leave (self);
  if (r == NULL)
    return NULL;
  out = g_string_new (hs_type_name (self));
  g_string_append_c (out, '(');
  g_string_append_len (out, hs_str_utf8 (r), hs_str_byte_len (r));
  g_string_append_c (out, ')');
  hs_decref (vm, r);
  return hs_str_from_gstring (vm, out);
}

static int
keys_contains (HsVM *vm, HsObject *self, HsObject *key)
{
  return hs_dict_contains (vm, ((HsDictView *)self)->dict, key);
}

static int
items_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  HsObject *v;
  int r;

  if (!hs_tuple_check (item) || hs_tuple_len (item) != 2)
    return 0;
  v = hs_dict_get_item_borrow (vm, ((HsDictView *)self)->dict, hs_tuple_get_borrow (item, 0));
  if (v == NULL)
    return hs_err_occurred (vm) ? -1 : 0;
  hs_incref (v);
  r = hs_object_equal (vm, v, hs_tuple_get_borrow (item, 1));
  hs_decref (vm, v);
  return r;
}

/* Whether every member of a is in b: 1, 0, -1. */
static int
all_contained_in (HsVM *vm, HsObject *a, HsObject *b)
{
  HsObject *it = hs_object_iter (vm, a), *x;
  int ok = it != NULL ? 1 : -1;

  while (ok == 1 && (x = hs_iter_next (vm, it)) != NULL)
    {
      ok = hs_object_contains (vm, b, x);
      hs_decref (vm, x);
    }
  hs_xdecref (vm, it);
  return ok >= 0 && hs_err_occurred (vm) ? -1 : ok;
}

/* CPython's dictview_richcompare: a keys or items view against a set or another such
 * view, as sets (sizes first, then membership); NotImplemented for anything else. */
static HsObject *
setview_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  gssize la, lb;
  int ok = 0;

  if (!hs_anyset_check (b) && !HS_IS (b, &hs_dict_keys_type) && !HS_IS (b, &hs_dict_items_type))
    return hs_incref (hs_NotImplemented);
  if ((la = hs_object_len (vm, a)) < 0 || (lb = hs_object_len (vm, b)) < 0)
    return NULL;
  switch (op)
    {
      case HS_CMP_EQ:
      case HS_CMP_NE:
        ok = la == lb ? all_contained_in (vm, a, b) : 0;
        if (op == HS_CMP_NE && ok >= 0)
          ok = !ok;
        break;
      case HS_CMP_LT:
      case HS_CMP_LE:
        ok = (op == HS_CMP_LT ? la < lb : la <= lb) ? all_contained_in (vm, a, b) : 0;
        break;
      case HS_CMP_GT:
      case HS_CMP_GE:
        ok = (op == HS_CMP_GT ? la > lb : la >= lb) ? all_contained_in (vm, b, a) : 0;
        break;
    }
  return ok < 0 ? NULL : hs_incref (hs_bool_from (ok));
}

#define VIEW_TYPE(cname, pyname, contains_fn, cmp_fn, hash_fn, binop_fn, methods_table)            \
  HsType cname = {                                                                                 \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = pyname,                                                                                \
    .base = &hs_object_type,                                                                       \
    .type_flags = HS_TYPE_GC,                                                                      \
    .basicsize = sizeof (HsDictView),                                                              \
    .dealloc = view_dealloc,                                                                       \
    .refs = view_refs,                                                                             \
    .clear = view_dealloc,                                                                         \
    .repr = view_repr,                                                                             \
    .hash = hash_fn,                                                                               \
    .richcompare = cmp_fn,                                                                         \
    .len = view_len,                                                                               \
    .contains = contains_fn,                                                                       \
    .iter = view_iter,                                                                             \
    .binop = binop_fn,                                                                             \
    .methods = methods_table,                                                                      \
  }

VIEW_TYPE (hs_dict_keys_type, "dict_keys", keys_contains, setview_richcompare,
           hs_object_hash_not_implemented, hs_dict_setview_binop, hs_dict_setview_methods);
VIEW_TYPE (hs_dict_values_type, "dict_values", NULL, NULL, NULL, NULL, NULL);
VIEW_TYPE (hs_dict_items_type, "dict_items", items_contains, setview_richcompare,
           hs_object_hash_not_implemented, hs_dict_setview_binop, hs_dict_setview_methods);

/* view.__reversed__(): the dict's reverse iterator of the view's kind */
static HsObject *
view_reversed (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__reversed__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_dict_iter_new (vm, ((HsDictView *)args[0])->dict, view_kind (args[0]) + 3);
}

static const HsMethodDef view_more_methods[] = {
  { "__reversed__", view_reversed },
  { NULL, NULL },
};

/* view.mapping: a read-only proxy of the view's dict */
static HsObject *
view_mapping (HsVM *vm, HsObject *self, HsObject *name)
{
  return hs_mappingproxy_new (vm, ((HsDictView *)self)->dict);
}

void
hs_dict_views_runtime_init (void)
{
  HsType *const views[] = { &hs_dict_keys_type, &hs_dict_values_type, &hs_dict_items_type };
  for (gsize i = 0; i < G_N_ELEMENTS (views); i++)
    {
      hs_type_add_methods (views[i], view_more_methods);
      hs_getset_install (views[i], "mapping", view_mapping, NULL);
    }
}
