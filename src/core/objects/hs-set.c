/* hs-set.c — set and frozenset with CPython 3.11's hash table (Objects/setobject.c).
 *
 * Invariant (see hs-set.h): every slot is empty, dummy or active; fill counts active +
 * dummy, used the active ones; a failing search always meets an empty slot because
 * fill * 5 < mask * 3 after every insertion. Insertion, deletion, resizing and the set
 * algebra follow CPython's algorithms step for step (which operand is copied, which one
 * is iterated), because the resulting slot layout is the printed order.
 */
#include "config.h"

#include "hs-set.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-recursion.h"
#include "hs-str.h"
#include "hs-tuple.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* Marks a deleted slot; never a real object, never visited. */
static HsObject dummy_struct = { .refcount = 1, .flags = HS_FLAG_IMMORTAL };
#define DUMMY (&dummy_struct)

static int set_update_internal (HsVM *vm, HsSet *so, HsObject *other);

static gboolean
is_frozen (HsSet *so)
{
  return hs_type_is_subtype (so->header.type, &hs_frozenset_type);
}

static void
mark (HsVM *vm, HsSet *so)
{
  hs_object_mark_dirty (vm, &so->header);
}

/* Only this slot changed (an add or a discard that did not resize): a trace records the
 * slot, not the whole set. */
static void
mark_slot (HsVM *vm, HsSet *so, HsSetEntry *entry)
{
  gsize i = (gsize)(entry - so->table);
  hs_object_mark_dirty_range (vm, &so->header, i, i + 1);
}

static HsSet *
alloc_set (HsVM *vm, const HsType *type)
{
  HsSet *so = (HsSet *)hs_object_alloc (vm, type, type->basicsize);
  if (so == NULL)
    return NULL;
  so->table = so->smalltable;
  so->mask = HS_SET_MINSIZE - 1;
  so->hash = -1;
  return so;
}

static int
key_hash (HsVM *vm, HsObject *key, gint64 *hash)
{
  if (HS_IS (key, &hs_str_type))
    {
      *hash = hs_str_hash (key);
      return 0;
    }
  if (HS_IS (key, &hs_int_type) && hs_int_is_small (key))
    {
      *hash = hs_int_small_hash (key);
      return 0;
    }
  return hs_object_hash (vm, key, hash);
}

/* ---- the table ------------------------------------------------------------------- */

/* Inserts a key known to be absent into a table without dummies (resize, merge). */
static void
insert_clean (HsSetEntry *table, gsize mask, HsObject *key, gint64 hash)
{
  gsize perturb = (gsize)hash;
  gsize i = (gsize)hash & mask;

  for (;;)
    {
      HsSetEntry *entry = &table[i];
      if (entry->key == NULL)
        goto found_null;
      if (i + LINEAR_PROBES <= mask)
        for (int j = 0; j < LINEAR_PROBES; j++)
          {
            entry++;
            if (entry->key == NULL)
              goto found_null;
          }
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
      continue;
    found_null:
      entry->key = key;
      entry->hash = hash;
      return;
    }
}

/* Post-condition: the table has the smallest power-of-two size > minused (at least 8),
 * holds the same active keys and no dummies. */
static int
table_resize (HsVM *vm, HsSet *so, gsize minused)
{
  gsize newsize = HS_SET_MINSIZE, oldmask = so->mask;
  HsSetEntry *oldtable = so->table, *newtable;
  HsSetEntry small_copy[HS_SET_MINSIZE];
  gboolean old_malloced = oldtable != so->smalltable;

  while (newsize <= minused)
    newsize <<= 1;
  if (newsize == HS_SET_MINSIZE)
    {
      newtable = so->smalltable;
      if (newtable == oldtable)
        {
          if (so->fill == so->used)
            return 0;
          memcpy (small_copy, oldtable, sizeof small_copy);
          oldtable = small_copy;
        }
    }
  else
    {
      newtable = hs_mem_realloc (vm, NULL, 0, newsize * sizeof (HsSetEntry));
      if (newtable == NULL)
        return -1;
    }
  memset (newtable, 0, newsize * sizeof (HsSetEntry));
  mark (vm, so); /* every key may move */
  so->mask = newsize - 1;
  so->table = newtable;
  if (so->fill != so->used)
    so->fill = so->used;
  for (gsize i = 0; i <= oldmask; i++)
    if (oldtable[i].key != NULL && oldtable[i].key != DUMMY)
      insert_clean (newtable, so->mask, oldtable[i].key, oldtable[i].hash);
  if (old_malloced)
    hs_mem_realloc (vm, oldtable, (oldmask + 1) * sizeof (HsSetEntry), 0);
  return 0;
}

/* The slot holding key, or the empty slot ending its probe sequence; NULL on error. */
static HsSetEntry *
lookkey (HsVM *vm, HsSet *so, HsObject *key, gint64 hash)
{
restart:;
  gsize mask = so->mask, perturb = (gsize)hash, i = (gsize)hash & mask;

  for (;;)
    {
      HsSetEntry *entry = &so->table[i];
      int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
      do
        {
          if (entry->hash == 0 && entry->key == NULL)
            return entry;
          if (entry->hash == hash)
            {
              HsObject *startkey = entry->key;
              HsSetEntry *table = so->table;
              int cmp;

              if (startkey == key)
                return entry;
              if (HS_IS (startkey, &hs_str_type) && HS_IS (key, &hs_str_type))
                {
                  if (hs_str_equal (startkey, key))
                    return entry;
                  goto next;
                }
              hs_incref (startkey);
              cmp = hs_object_richcompare_bool (vm, startkey, key, HS_CMP_EQ);
              hs_decref (vm, startkey);
              if (cmp < 0)
                return NULL;
              if (table != so->table || entry->key != startkey)
                goto restart;
              if (cmp > 0)
                return entry;
              mask = so->mask;
            }
        next:
          entry++;
        }
      while (probes--);
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Adds key (borrowed; the set takes its own reference) unless an equal key is present. */
static int
add_entry (HsVM *vm, HsSet *so, HsObject *key, gint64 hash)
{
  HsSetEntry *entry, *freeslot;
  gsize mask, perturb, i;

restart:
  mask = so->mask;
  i = (gsize)hash & mask;
  freeslot = NULL;
  perturb = (gsize)hash;
  for (;;)
    {
      int probes;
      entry = &so->table[i];
      probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
      do
        {
          if (entry->hash == 0 && entry->key == NULL)
            goto found_unused_or_dummy;
          if (entry->hash == hash)
            {
              HsObject *startkey = entry->key;
              HsSetEntry *table = so->table;
              int cmp;

              if (startkey == key)
                return 0;
              if (HS_IS (startkey, &hs_str_type) && HS_IS (key, &hs_str_type))
                {
                  if (hs_str_equal (startkey, key))
                    return 0;
                  goto next;
                }
              hs_incref (startkey);
              cmp = hs_object_richcompare_bool (vm, startkey, key, HS_CMP_EQ);
              hs_decref (vm, startkey);
              if (cmp > 0)
                return 0;
              if (cmp < 0)
                return -1;
              if (table != so->table || entry->key != startkey)
                goto restart;
              mask = so->mask;
            }
          else if (entry->hash == -1)
            freeslot = entry; /* 3.11 reuses the last dummy met on the way */
        next:
          entry++;
        }
      while (probes--);
      perturb >>= PERTURB_SHIFT;
      i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
  if (freeslot != NULL)
    {
      mark_slot (vm, so, freeslot);
      so->used++;
      freeslot->key = hs_incref (key);
      freeslot->hash = hash;
      return 0;
    }
  mark_slot (vm, so, entry);
  so->fill++;
  so->used++;
  entry->key = hs_incref (key);
  entry->hash = hash;
  if (so->fill * 5 < mask * 3)
    return 0;
  return table_resize (vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static int
add_key (HsVM *vm, HsSet *so, HsObject *key)
{
  gint64 hash;
  if (key_hash (vm, key, &hash) < 0)
    return -1;
  return add_entry (vm, so, key, hash);
}

static int
contains_entry (HsVM *vm, HsSet *so, HsObject *key, gint64 hash)
{
  HsSetEntry *entry = lookkey (vm, so, key, hash);
  if (entry == NULL)
    return -1;
  return entry->key != NULL;
}

static int
contains_key (HsVM *vm, HsSet *so, HsObject *key)
{
  gint64 hash;
  if (key_hash (vm, key, &hash) < 0)
    return -1;
  return contains_entry (vm, so, key, hash);
}

/* 1 removed (the slot becomes a dummy), 0 absent, -1 error. */
static int
discard_entry (HsVM *vm, HsSet *so, HsObject *key, gint64 hash)
{
  HsSetEntry *entry = lookkey (vm, so, key, hash);
  HsObject *old;

  if (entry == NULL)
    return -1;
  if (entry->key == NULL)
    return 0;
  old = entry->key;
  entry->key = DUMMY;
  entry->hash = -1;
  so->used--;
  mark_slot (vm, so, entry);
  hs_decref (vm, old);
  return 1;
}

static int
discard_key (HsVM *vm, HsSet *so, HsObject *key)
{
  gint64 hash;
  if (key_hash (vm, key, &hash) < 0)
    return -1;
  return discard_entry (vm, so, key, hash);
}

/* Callbacks for hs_object_foreach over an iterable other than a set; data is the set. */

static int
add_item (HsVM *vm, HsObject *item, gpointer so)
{
  return add_key (vm, so, item) < 0 ? -1 : 0;
}

static int
discard_item (HsVM *vm, HsObject *item, gpointer so)
{
  return discard_key (vm, so, item) < 0 ? -1 : 0;
}

/* Stops at the first item the set holds. */
static int
item_present (HsVM *vm, HsObject *item, gpointer so)
{
  return contains_key (vm, so, item);
}

/* Stops at the first item the set lacks. */
static int
item_absent (HsVM *vm, HsObject *item, gpointer so)
{
  int rv = contains_key (vm, so, item);
  return rv < 0 ? -1 : rv == 0;
}

static gboolean
set_next (HsSet *so, gsize *pos, HsSetEntry **entry)
{
  gsize i = *pos;
  while (i <= so->mask && (so->table[i].key == NULL || so->table[i].key == DUMMY))
    i++;
  *pos = i + 1;
  if (i > so->mask)
    return FALSE;
  *entry = &so->table[i];
  return TRUE;
}

gboolean
hs_set_next (HsObject *set, gsize *pos, HsObject **key)
{
  HsSetEntry *entry;
  if (!set_next (HS_SET (set), pos, &entry))
    return FALSE;
  *key = entry->key;
  return TRUE;
}

/* Post-condition: so is empty with its small table; the old keys are released only
 * after, so that a decref running code sees a consistent set. */
static void
clear_internal (HsVM *vm, HsSet *so)
{
  HsSetEntry *table = so->table;
  HsSetEntry small_copy[HS_SET_MINSIZE];
  gsize oldmask = so->mask;
  gboolean malloced = table != so->smalltable;

  if (so->fill == 0)
    return;
  if (!malloced)
    {
      memcpy (small_copy, table, sizeof small_copy);
      table = small_copy;
    }
  memset (so->smalltable, 0, sizeof so->smalltable);
  so->table = so->smalltable;
  so->mask = HS_SET_MINSIZE - 1;
  so->fill = so->used = 0;
  mark (vm, so);
  for (gsize i = 0; i <= oldmask; i++)
    if (table[i].key != NULL && table[i].key != DUMMY)
      hs_decref (vm, table[i].key);
  if (malloced)
    hs_mem_realloc (vm, table, (oldmask + 1) * sizeof (HsSetEntry), 0);
}

/* so |= other for a set or frozenset `other` (CPython's set_merge). */
static int
set_merge (HsVM *vm, HsSet *so, HsSet *other)
{
  if (other == so || other->used == 0)
    return 0;
  /* One big resize at the start rather than growing step by step. */
  if ((so->fill + other->used) * 5 >= so->mask * 3
      && table_resize (vm, so, (so->used + other->used) * 2) < 0)
    return -1;
  mark (vm, so);
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used)
    {
      /* Same size, nothing here, no dummies there: copy slot by slot. */
      for (gsize i = 0; i <= other->mask; i++)
        if (other->table[i].key != NULL)
          {
            so->table[i].key = hs_incref (other->table[i].key);
            so->table[i].hash = other->table[i].hash;
          }
      so->fill = other->fill;
      so->used = other->used;
      return 0;
    }
  if (so->fill == 0)
    {
      so->fill = so->used = other->used;
      for (gsize i = 0; i <= other->mask; i++)
        {
          HsObject *key = other->table[i].key;
          if (key != NULL && key != DUMMY)
            insert_clean (so->table, so->mask, hs_incref (key), other->table[i].hash);
        }
      return 0;
    }
  for (gsize i = 0; i <= other->mask; i++)
    {
      HsSetEntry *e = &other->table[i];
      if (e->key != NULL && e->key != DUMMY && add_entry (vm, so, e->key, e->hash) < 0)
        return -1;
    }
  return 0;
}

static int
update_from_dict (HsVM *vm, HsSet *so, HsObject *d)
{
  gsize pos = 0, n = hs_dict_len (d);
  HsObject *key, *value;

  if ((so->fill + n) * 5 >= so->mask * 3 && table_resize (vm, so, (so->used + n) * 2) < 0)
    return -1;
  while (hs_dict_next (d, &pos, &key, &value))
    if (add_key (vm, so, key) < 0)
      return -1;
  return 0;
}

static int
update_from_iter (HsVM *vm, HsSet *so, HsObject *iterable)
{
  return hs_object_foreach (vm, iterable, add_item, so);
}

static int
set_update_internal (HsVM *vm, HsSet *so, HsObject *other)
{
  if (hs_anyset_check (other))
    return set_merge (vm, so, HS_SET (other));
  if (HS_IS (other, &hs_dict_type))
    return update_from_dict (vm, so, other);
  return update_from_iter (vm, so, other);
}

/* A new set or frozenset of `type` holding iterable's items (NULL: empty). */
static HsObject *
make_new_set (HsVM *vm, const HsType *type, HsObject *iterable)
{
  HsSet *so = alloc_set (vm, type);
  if (so == NULL)
    return NULL;
  if (iterable != NULL && set_update_internal (vm, so, iterable) < 0)
    {
      hs_decref (vm, &so->header);
      return NULL;
    }
  hs_gc_track (vm, &so->header);
  return &so->header;
}

/* The type of what an operation on so makes: set or frozenset, never a subclass (CPython's
 * make_new_set_basetype). */
static const HsType *
result_type (HsSet *so)
{
  return is_frozen (so) ? &hs_frozenset_type : &hs_set_type;
}

static HsObject *
set_copy (HsVM *vm, HsSet *so)
{
  return make_new_set (vm, result_type (so), &so->header);
}

/* ---- public API ------------------------------------------------------------------- */

HsObject *
hs_set_new_type (HsVM *vm, const HsType *type)
{
  return make_new_set (vm, type, NULL);
}

HsObject *
hs_set_new (HsVM *vm)
{
  return make_new_set (vm, &hs_set_type, NULL);
}

HsObject *
hs_set_from_iterable (HsVM *vm, HsObject *iterable)
{
  return make_new_set (vm, &hs_set_type, iterable);
}

HsObject *
hs_frozenset_from_iterable (HsVM *vm, HsObject *iterable)
{
  return make_new_set (vm, &hs_frozenset_type, iterable);
}

int
hs_set_add (HsVM *vm, HsObject *set, HsObject *key)
{
  return add_key (vm, HS_SET (set), key);
}

int
hs_set_update (HsVM *vm, HsObject *set, HsObject *iterable)
{
  return set_update_internal (vm, HS_SET (set), iterable);
}

/* A set used as a key is looked up as the equal frozenset (CPython's set_contains). */
static HsObject *
frozen_key (HsVM *vm, HsObject *key)
{
  if (!hs_anyset_check (key) || !hs_err_matches (vm, &hs_exc_TypeError))
    return NULL;
  hs_err_clear (vm);
  return make_new_set (vm, &hs_frozenset_type, key);
}

int
hs_set_contains (HsVM *vm, HsObject *set, HsObject *key)
{
  int rv = contains_key (vm, HS_SET (set), key);
  HsObject *tmp;

  if (rv >= 0 || (tmp = frozen_key (vm, key)) == NULL)
    return rv;
  rv = contains_key (vm, HS_SET (set), tmp);
  hs_decref (vm, tmp);
  return rv;
}

int
hs_set_discard (HsVM *vm, HsObject *set, HsObject *key)
{
  int rv = discard_key (vm, HS_SET (set), key);
  HsObject *tmp;

  if (rv >= 0 || (tmp = frozen_key (vm, key)) == NULL)
    return rv;
  rv = discard_key (vm, HS_SET (set), tmp);
  hs_decref (vm, tmp);
  return rv;
}

gsize
hs_set_sizeof (HsObject *set)
{
  HsSet *so = HS_SET (set);
  /* CPython: 16 (GC header) + 200 (PySetObject with its 8-slot table) + big table. */
  gsize size = 216;
  if (so->table != so->smalltable)
    size += (so->mask + 1) * 16;
  return size;
}

/* ---- the algebra (CPython's operand choices) -------------------------------------- */

/* data: { the set, the intersection being built } */
static int
keep_common_item (HsVM *vm, HsObject *item, gpointer data)
{
  HsSet **sets = data;
  gint64 h;
  int rv = key_hash (vm, item, &h);
  if (rv == 0)
    rv = contains_entry (vm, sets[0], item, h);
  if (rv > 0)
    rv = add_entry (vm, sets[1], item, h);
  return rv < 0 ? -1 : 0;
}

/* Swaps a and b when b is the larger: a loop over b then looks each item up in a. */
static void
smaller_second (HsSet **a, HsSet **b)
{
  if ((*b)->used > (*a)->used)
    {
      HsSet *t = *a;
      *a = *b;
      *b = t;
    }
}

static HsObject *
set_intersection (HsVM *vm, HsSet *so, HsObject *other)
{
  HsSet *result;

  if (&so->header == other)
    return set_copy (vm, so);
  result = alloc_set (vm, result_type (so));
  if (result == NULL)
    return NULL;
  if (hs_anyset_check (other))
    {
      HsSet *a = so, *b = HS_SET (other);
      HsSetEntry *entry;
      gsize pos = 0;
      smaller_second (&a, &b);
      /* Iterate the smaller one (b), look up in the larger one (a). */
      while (set_next (b, &pos, &entry))
        {
          HsObject *k = hs_incref (entry->key);
          gint64 h = entry->hash;
          int rv = contains_entry (vm, a, k, h);
          if (rv > 0)
            rv = add_entry (vm, result, k, h);
          hs_decref (vm, k);
          if (rv < 0)
            goto fail;
        }
      goto done;
    }
  if (hs_object_foreach (vm, other, keep_common_item, (HsSet *[]){ so, result }) < 0)
    goto fail;
done:
  hs_gc_track (vm, &result->header);
  return &result->header;
fail:
  hs_decref (vm, &result->header);
  return NULL;
}

/* Post-condition: no key of other is in so; more than a quarter dummies are resized
 * away. */
static int
difference_update_internal (HsVM *vm, HsSet *so, HsObject *other)
{
  if (&so->header == other)
    {
      clear_internal (vm, so);
      return 0;
    }
  if (hs_anyset_check (other))
    {
      HsSetEntry *entry;
      gsize pos = 0;
      while (set_next (HS_SET (other), &pos, &entry))
        {
          HsObject *k = hs_incref (entry->key);
          int rv = discard_entry (vm, so, k, entry->hash);
          hs_decref (vm, k);
          if (rv < 0)
            return -1;
        }
    }
  else
    {
      if (hs_object_foreach (vm, other, discard_item, so) < 0)
        return -1;
    }
  if (so->fill - so->used <= so->mask / 4)
    return 0;
  return table_resize (vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static HsObject *
copy_and_difference (HsVM *vm, HsSet *so, HsObject *other)
{
  HsObject *result = set_copy (vm, so);
  if (result == NULL)
    return NULL;
  if (difference_update_internal (vm, HS_SET (result), other) < 0)
    {
      hs_decref (vm, result);
      return NULL;
    }
  return result;
}

static HsObject *
set_difference (HsVM *vm, HsSet *so, HsObject *other)
{
  gsize other_size, pos = 0;
  HsSetEntry *entry;
  HsSet *result;

  if (hs_anyset_check (other))
    other_size = hs_set_len (other);
  else if (HS_IS (other, &hs_dict_type))
    other_size = hs_dict_len (other);
  else
    return copy_and_difference (vm, so, other);
  /* Much bigger than other: copying and discarding is cheaper. */
  if ((so->used >> 2) > other_size)
    return copy_and_difference (vm, so, other);
  result = alloc_set (vm, result_type (so));
  if (result == NULL)
    return NULL;
  while (set_next (so, &pos, &entry))
    {
      HsObject *k = hs_incref (entry->key);
      gint64 h = entry->hash;
      int rv = hs_anyset_check (other) ? contains_entry (vm, HS_SET (other), k, h)
                                       : hs_dict_contains (vm, other, k);
      if (rv == 0)
        rv = add_entry (vm, result, k, h);
      hs_decref (vm, k);
      if (rv < 0)
        {
          hs_decref (vm, &result->header);
          return NULL;
        }
    }
  hs_gc_track (vm, &result->header);
  return &result->header;
}

static int
symmetric_difference_update (HsVM *vm, HsSet *so, HsObject *other)
{
  HsObject *otherset;
  HsSetEntry *entry;
  gsize pos = 0;
  int rv = 0;

  if (&so->header == other)
    {
      clear_internal (vm, so);
      return 0;
    }
  if (hs_anyset_check (other))
    otherset = hs_incref (other);
  else if ((otherset = make_new_set (vm, result_type (so), other)) == NULL)
    return -1;
  while (rv >= 0 && set_next (HS_SET (otherset), &pos, &entry))
    {
      HsObject *k = hs_incref (entry->key);
      gint64 h = entry->hash;
      rv = discard_entry (vm, so, k, h);
      if (rv == 0)
        rv = add_entry (vm, so, k, h);
      hs_decref (vm, k);
    }
  hs_decref (vm, otherset);
  return rv < 0 ? -1 : 0;
}

static HsObject *
set_symmetric_difference (HsVM *vm, HsSet *so, HsObject *other)
{
  /* CPython copies `other` (into so's type) and xor-updates the copy with so. */
  HsObject *result = make_new_set (vm, result_type (so), other);
  if (result == NULL)
    return NULL;
  if (symmetric_difference_update (vm, HS_SET (result), &so->header) < 0)
    {
      hs_decref (vm, result);
      return NULL;
    }
  return result;
}

static HsObject *
set_union (HsVM *vm, HsSet *so, HsObject *other)
{
  HsObject *result = set_copy (vm, so);
  if (result == NULL)
    return NULL;
  if (set_update_internal (vm, HS_SET (result), other) < 0)
    {
      hs_decref (vm, result);
      return NULL;
    }
  return result;
}

static int
set_issubset (HsVM *vm, HsSet *so, HsSet *other)
{
  HsSetEntry *entry;
  gsize pos = 0;

  if (so->used > other->used)
    return 0;
  while (set_next (so, &pos, &entry))
    {
      HsObject *k = hs_incref (entry->key);
      int rv = contains_entry (vm, other, k, entry->hash);
      hs_decref (vm, k);
      if (rv <= 0)
        return rv;
    }
  return 1;
}

/* ---- type slots ----------------------------------------------------------------------- */

static void
set_dealloc (HsVM *vm, HsObject *self)
{
  HsSet *so = HS_SET (self);
  for (gsize i = 0; i <= so->mask; i++)
    if (so->table[i].key != NULL && so->table[i].key != DUMMY)
      hs_decref (vm, so->table[i].key);
  if (so->table != so->smalltable)
    hs_mem_realloc (vm, so->table, (so->mask + 1) * sizeof (HsSetEntry), 0);
  so->table = so->smalltable;
  so->fill = so->used = 0;
  so->mask = HS_SET_MINSIZE - 1;
}

static void
set_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsSet *so = HS_SET (self);
  for (gsize i = 0, n = 0; i <= so->mask; i++)
    if (so->table[i].key != NULL && so->table[i].key != DUMMY)
      hs_visit_item (visit, so->table[i].key, HS_REF_ITEM, n++, data);
}

static void
set_gc_clear (HsVM *vm, HsObject *self)
{
  clear_internal (vm, HS_SET (self));
}

static HsObject *
set_repr (HsVM *vm, HsObject *self)
{
  HsSet *so = HS_SET (self);
  const char *name = self->type->name;
  gboolean frozen = !HS_IS (self, &hs_set_type); /* a subclass's repr names it too */
  HsSetEntry *entry;
  gsize pos = 0, n = 0;
  HsObject **keys;
  GString *out;

  if (so->used == 0)
    return hs_str_from_format (vm, "%s()", name);
  if (hs_repr_enter (self))
    return hs_str_from_format (vm, "%s(...)", name);
  /* CPython's set_repr takes the repr of a list of the keys: one level more than a list's */
  if (!hs_recursion_enter (vm, " while getting the repr of an object"))
    {
      hs_repr_leave (self);
      return NULL;
    }
  /* Snapshot the keys first: a key's repr may change the set. */
  keys = g_new (HsObject *, so->used);
  while (set_next (so, &pos, &entry))
    keys[n++] = hs_incref (entry->key);
  out = g_string_new (NULL);
  if (frozen)
    g_string_append_printf (out, "%s(", name);
  g_string_append_c (out, '{');
  for (gsize i = 0; i < n && out != NULL; i++)
    {
      if ((i > 0 && !hs_str_build (vm, out, ", ", 2)) || !hs_str_build_repr (vm, out, keys[i]))
        {
          g_string_free (out, TRUE);
          out = NULL;
          break;
        }
    }
  for (gsize i = 0; i < n; i++)
    hs_decref (vm, keys[i]);
  g_free (keys);
  hs_recursion_leave (vm);
  hs_repr_leave (self);
  if (out == NULL)
    return NULL;
  g_string_append_c (out, '}');
  if (frozen)
    g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

static guint64
shuffle_bits (guint64 h)
{
  return ((h ^ G_GUINT64_CONSTANT (89869747)) ^ (h << 16)) * G_GUINT64_CONSTANT (3644798167);
}

/* CPython's frozenset_hash: xor of shuffled slot hashes, corrected for empty and dummy
 * slots, so that it is independent of the table's layout. */
static int
frozenset_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  HsSet *so = HS_SET (self);
  guint64 hash = 0;

  if (so->hash != -1)
    {
      *out = so->hash;
      return 0;
    }
  for (gsize i = 0; i <= so->mask; i++)
    hash ^= shuffle_bits ((guint64)so->table[i].hash);
  if ((so->mask + 1 - so->fill) & 1)
    hash ^= shuffle_bits (0);
  if ((so->fill - so->used) & 1)
    hash ^= shuffle_bits ((guint64)-1);
  hash ^= ((guint64)so->used + 1) * G_GUINT64_CONSTANT (1927868237);
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + G_GUINT64_CONSTANT (907133923);
  if (hash == (guint64)-1)
    hash = 590923713U;
  so->hash = (gint64)hash;
  *out = so->hash;
  return 0;
}

static HsObject *
bool_result (int rv)
{
  if (rv < 0)
    return NULL;
  return hs_incref (hs_bool_from (rv));
}

static HsObject *
set_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsSet *so = HS_SET (a), *other;
  int rv;

  if (!hs_anyset_check (b))
    return hs_incref (hs_NotImplemented);
  other = HS_SET (b);
  switch (op)
    {
      case HS_CMP_EQ:
      case HS_CMP_NE:
        if (so->used != other->used)
          rv = 0;
        else if (so->hash != -1 && other->hash != -1 && so->hash != other->hash)
          rv = 0;
        else
          rv = set_issubset (vm, so, other);
        if (rv >= 0 && op == HS_CMP_NE)
          rv = !rv;
        return bool_result (rv);
      case HS_CMP_LE:
        return bool_result (set_issubset (vm, so, other));
      case HS_CMP_GE:
        return bool_result (set_issubset (vm, other, so));
      case HS_CMP_LT:
        return so->used < other->used ? bool_result (set_issubset (vm, so, other))
                                      : bool_result (0);
      case HS_CMP_GT:
        return so->used > other->used ? bool_result (set_issubset (vm, other, so))
                                      : bool_result (0);
      default:
        return hs_incref (hs_NotImplemented);
    }
}

static HsObject *
set_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (!hs_anyset_check (a) || !hs_anyset_check (b))
    return hs_incref (hs_NotImplemented);
  switch (op)
    {
      case HS_BIN_OR:
        return set_union (vm, HS_SET (a), b);
      case HS_BIN_AND:
        return set_intersection (vm, HS_SET (a), b);
      case HS_BIN_SUB:
        return set_difference (vm, HS_SET (a), b);
      case HS_BIN_XOR:
        return set_symmetric_difference (vm, HS_SET (a), b);
      default:
        return hs_incref (hs_NotImplemented);
    }
}

/* Replaces a's contents by b's (both sets), keeping a's identity (intersection_update). */
static void
swap_bodies (HsVM *vm, HsSet *a, HsSet *b)
{
  HsSet tmp;
  gsize body = sizeof (HsSet) - G_STRUCT_OFFSET (HsSet, fill);

  memcpy ((char *)&tmp + G_STRUCT_OFFSET (HsSet, fill), (char *)a + G_STRUCT_OFFSET (HsSet, fill),
          body);
  memcpy ((char *)a + G_STRUCT_OFFSET (HsSet, fill), (char *)b + G_STRUCT_OFFSET (HsSet, fill),
          body);
  memcpy ((char *)b + G_STRUCT_OFFSET (HsSet, fill), (char *)&tmp + G_STRUCT_OFFSET (HsSet, fill),
          body);
  if (a->table == b->smalltable)
    a->table = a->smalltable;
  if (b->table == a->smalltable)
    b->table = b->smalltable;
  a->hash = b->hash = -1;
  mark (vm, a);
}

static int
intersection_update (HsVM *vm, HsSet *so, HsObject *other)
{
  HsObject *tmp = set_intersection (vm, so, other);
  if (tmp == NULL)
    return -1;
  swap_bodies (vm, so, HS_SET (tmp));
  hs_decref (vm, tmp);
  return 0;
}

static HsObject *
self_or_null (HsObject *self, int rv)
{
  return rv < 0 ? NULL : hs_incref (self);
}

static HsObject *
set_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsSet *so = HS_SET (a);

  if (!hs_anyset_check (b))
    return hs_incref (hs_NotImplemented);
  switch (op)
    {
      case HS_BIN_OR:
        return self_or_null (a, set_update_internal (vm, so, b));
      case HS_BIN_AND:
        return self_or_null (a, intersection_update (vm, so, b));
      case HS_BIN_SUB:
        return self_or_null (a, difference_update_internal (vm, so, b));
      case HS_BIN_XOR:
        return self_or_null (a, symmetric_difference_update (vm, so, b));
      default:
        return hs_incref (hs_NotImplemented);
    }
}

static gssize
set_len (HsVM *vm, HsObject *self)
{
  return (gssize)HS_SET (self)->used;
}

static int
set_contains_slot (HsVM *vm, HsObject *self, HsObject *key)
{
  return hs_set_contains (vm, self, key);
}

/* ---- iterator ------------------------------------------------------------------------ */

typedef struct
{
  HsObject header;
  HsObject *set; /* NULL once exhausted */
  gsize used;    /* the set's size when iteration started; G_MAXSIZE: broken */
  gsize pos;
  gsize left; /* items not yet given (CPython's si->len) */
} SetIter;

static HsObject *
set_iter (HsVM *vm, HsObject *self)
{
  SetIter *it = (SetIter *)hs_object_alloc (vm, &hs_set_iter_type, sizeof (SetIter));
  if (it == NULL)
    return NULL;
  it->set = hs_incref (self);
  it->used = it->left = HS_SET (self)->used;
  hs_gc_track (vm, &it->header);
  return &it->header;
}

static HsObject *
setiter_next (HsVM *vm, HsObject *self)
{
  SetIter *it = (SetIter *)self;
  HsSetEntry *entry;

  if (it->set == NULL)
    return NULL;
  if (it->used != HS_SET (it->set)->used)
    {
      it->used = G_MAXSIZE; /* sticky, as in CPython */
      hs_err_set_string (vm, &hs_exc_RuntimeError, "Set changed size during iteration");
      return NULL;
    }
  if (!set_next (HS_SET (it->set), &it->pos, &entry))
    {
      HS_CLEAR (vm, it->set);
      hs_object_mark_dirty (vm, self);
      return NULL;
    }
  it->left--;
  return hs_incref (entry->key);
}

/* CPython's setiter_len: what is left, 0 once the set changed size */
static HsObject *
setiter_length_hint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  SetIter *it = (SetIter *)args[0];
  if (!hs_parse_args (vm, "__length_hint__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (
      vm, it->set != NULL && it->used == HS_SET (it->set)->used ? (gint64)it->left : 0);
}

/* CPython's setiter_reduce: (iter, (list of what is left,)), listed by a copy of the
 * iterator so this one does not move */
static HsObject *
setiter_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  SetIter *it = (SetIter *)args[0], *tmp;
  HsObject *list;
  if (!hs_parse_args (vm, "__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (it->set == NULL)
    return hs_iter_reduce_value (vm, "iter", hs_list_new (vm, 0), FALSE, 0);
  tmp = (SetIter *)set_iter (vm, it->set);
  if (tmp == NULL)
    return NULL;
  tmp->used = it->used;
  tmp->pos = it->pos;
  tmp->left = it->left;
  list = hs_list_from_iterable (vm, &tmp->header);
  hs_decref (vm, &tmp->header);
  return hs_iter_reduce_value (vm, "iter", list, FALSE, 0);
}

static const HsMethodDef setiter_methods[] = {
  { "__length_hint__", setiter_length_hint },
  { "__reduce__", setiter_reduce },
  { NULL, NULL },
};

static HsObject *
iter_self (HsVM *vm, HsObject *self)
{
  return hs_incref (self);
}

static void
setiter_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((SetIter *)self)->set);
}

static void
setiter_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  SetIter *it = (SetIter *)self;
  if (it->set != NULL)
    hs_visit (visit, it->set, data);
}

HsType hs_set_iter_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "set_iterator",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (SetIter),
  .dealloc = setiter_dealloc,
  .refs = setiter_refs,
  .clear = setiter_dealloc,
  .iter = iter_self,
  .iternext = setiter_next,
  .methods = setiter_methods,
};

/* ---- methods -------------------------------------------------------------------------- */

#define SELF (HS_SET (args[0]))

static HsObject *
m_add (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key;
  if (!hs_parse_args (vm, "set.add", args + 1, nargs - 1, kwnames, "!key", &key))
    return NULL;
  return add_key (vm, SELF, key) < 0 ? NULL : hs_None;
}

static HsObject *
m_discard (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key;
  if (!hs_parse_args (vm, "set.discard", args + 1, nargs - 1, kwnames, "!key", &key))
    return NULL;
  return hs_set_discard (vm, args[0], key) < 0 ? NULL : hs_None;
}

static HsObject *
m_remove (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key;
  int rv;
  if (!hs_parse_args (vm, "set.remove", args + 1, nargs - 1, kwnames, "!key", &key))
    return NULL;
  rv = hs_set_discard (vm, args[0], key);
  if (rv < 0)
    return NULL;
  if (rv == 0)
    {
      hs_err_set_key (vm, key);
      return NULL;
    }
  return hs_None;
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsSet *so = SELF;
  HsSetEntry *entry, *limit;
  HsObject *key;

  if (!hs_parse_args (vm, "set.pop", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (so->used == 0)
    {
      hs_err_set_string (vm, &hs_exc_KeyError, "pop from an empty set");
      return NULL;
    }
  entry = so->table + (so->finger & so->mask);
  limit = so->table + so->mask;
  while (entry->key == NULL || entry->key == DUMMY)
    {
      entry++;
      if (entry > limit)
        entry = so->table;
    }
  key = entry->key;
  entry->key = DUMMY;
  entry->hash = -1;
  so->used--;
  so->finger = (gsize)(entry - so->table) + 1;
  mark (vm, so);
  return key; /* the set's reference becomes the caller's */
}

static HsObject *
m_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "set.clear", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  clear_internal (vm, SELF);
  return hs_None;
}

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  const char *fname = is_frozen (SELF) ? "frozenset.copy" : "set.copy";
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (HS_IS (args[0], &hs_frozenset_type))
    return hs_incref (args[0]);
  return set_copy (vm, SELF);
}

static const char *
qualify (HsObject *self, const char *method, char *buf, gsize size)
{
  g_snprintf (buf, size, "%s.%s", self->type->name, method);
  return buf;
}

/* union / intersection / difference / update...: any number of iterables. */
typedef HsObject *(*MultiFn) (HsVM *vm, HsSet *so, HsObject **others, gsize n);

static HsObject *
multi (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name, MultiFn fn)
{
  char buf[64];
  if (!hs_parse_no_kwargs (vm, qualify (args[0], name, buf, sizeof buf), kwnames))
    return NULL;
  return fn (vm, SELF, args + 1, nargs - 1);
}

static HsObject *
do_union (HsVM *vm, HsSet *so, HsObject **others, gsize n)
{
  HsObject *result = set_copy (vm, so);
  for (gsize i = 0; result != NULL && i < n; i++)
    if (set_update_internal (vm, HS_SET (result), others[i]) < 0)
      HS_CLEAR (vm, result);
  return result;
}

static HsObject *
do_intersection (HsVM *vm, HsSet *so, HsObject **others, gsize n)
{
  HsObject *result;
  if (n == 0)
    return set_copy (vm, so);
  result = hs_incref (&so->header);
  for (gsize i = 0; result != NULL && i < n; i++)
    {
      HsObject *next = set_intersection (vm, HS_SET (result), others[i]);
      hs_decref (vm, result);
      result = next;
    }
  return result;
}

static HsObject *
do_difference (HsVM *vm, HsSet *so, HsObject **others, gsize n)
{
  HsObject *result;
  if (n == 0)
    return set_copy (vm, so);
  result = set_difference (vm, so, others[0]);
  for (gsize i = 1; result != NULL && i < n; i++)
    if (difference_update_internal (vm, HS_SET (result), others[i]) < 0)
      HS_CLEAR (vm, result);
  return result;
}

static HsObject *
do_update (HsVM *vm, HsSet *so, HsObject **others, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (set_update_internal (vm, so, others[i]) < 0)
      return NULL;
  return hs_None;
}

static HsObject *
do_intersection_update (HsVM *vm, HsSet *so, HsObject **others, gsize n)
{
  HsObject *tmp = do_intersection (vm, so, others, n);
  if (tmp == NULL)
    return NULL;
  swap_bodies (vm, so, HS_SET (tmp));
  hs_decref (vm, tmp);
  return hs_None;
}

static HsObject *
do_difference_update (HsVM *vm, HsSet *so, HsObject **others, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (difference_update_internal (vm, so, others[i]) < 0)
      return NULL;
  return hs_None;
}

HS_CFUNCTION_VARIANT (m_union, multi, "union", do_union)
HS_CFUNCTION_VARIANT (m_intersection, multi, "intersection", do_intersection)
HS_CFUNCTION_VARIANT (m_difference, multi, "difference", do_difference)
HS_CFUNCTION_VARIANT (m_update, multi, "update", do_update)
HS_CFUNCTION_VARIANT (m_intersection_update, multi, "intersection_update", do_intersection_update)
HS_CFUNCTION_VARIANT (m_difference_update, multi, "difference_update", do_difference_update)

/* One-argument methods: parse "!other" under the qualified name. */
static gboolean
one_arg (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
         HsObject **other)
{
  char buf[64];
  return hs_parse_args (vm, qualify (args[0], name, buf, sizeof buf), args + 1, nargs - 1, kwnames,
                        "!other", other);
}

static HsObject *
m_symmetric_difference (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other;
  if (!one_arg (vm, args, nargs, kwnames, "symmetric_difference", &other))
    return NULL;
  return set_symmetric_difference (vm, SELF, other);
}

static HsObject *
m_symmetric_difference_update (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other;
  if (!one_arg (vm, args, nargs, kwnames, "symmetric_difference_update", &other))
    return NULL;
  return symmetric_difference_update (vm, SELF, other) < 0 ? NULL : hs_None;
}

/* Runs fn(so, other as a set): a temporary set when other is not one. */
static int
with_set (HsVM *vm, HsObject *other, int (*fn) (HsVM *, HsSet *, HsSet *), HsSet *so,
          gboolean so_first)
{
  HsObject *tmp;
  int rv;

  if (hs_anyset_check (other))
    return so_first ? fn (vm, so, HS_SET (other)) : fn (vm, HS_SET (other), so);
  tmp = make_new_set (vm, &hs_set_type, other);
  if (tmp == NULL)
    return -1;
  rv = so_first ? fn (vm, so, HS_SET (tmp)) : fn (vm, HS_SET (tmp), so);
  hs_decref (vm, tmp);
  return rv;
}

static HsObject *
m_issubset (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other;
  if (!one_arg (vm, args, nargs, kwnames, "issubset", &other))
    return NULL;
  return bool_result (with_set (vm, other, set_issubset, SELF, TRUE));
}

static int
superset_of_iterable (HsVM *vm, HsSet *so, HsObject *other)
{
  int rv = hs_object_foreach (vm, other, item_absent, so);
  return rv < 0 ? -1 : rv == 0;
}

static HsObject *
m_issuperset (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other;
  if (!one_arg (vm, args, nargs, kwnames, "issuperset", &other))
    return NULL;
  if (hs_anyset_check (other))
    return bool_result (set_issubset (vm, HS_SET (other), SELF));
  return bool_result (superset_of_iterable (vm, SELF, other));
}

static int
isdisjoint (HsVM *vm, HsSet *so, HsObject *other)
{
  int rv;

  if (&so->header == other)
    return so->used == 0;
  if (hs_anyset_check (other))
    {
      HsSet *a = so, *b = HS_SET (other);
      HsSetEntry *entry;
      gsize pos = 0;
      smaller_second (&a, &b);
      while (set_next (b, &pos, &entry))
        {
          HsObject *k = hs_incref (entry->key);
          rv = contains_entry (vm, a, k, entry->hash);
          hs_decref (vm, k);
          if (rv != 0)
            return rv < 0 ? -1 : 0;
        }
      return 1;
    }
  rv = hs_object_foreach (vm, other, item_present, so);
  return rv < 0 ? -1 : rv == 0;
}

static HsObject *
m_isdisjoint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other;
  if (!one_arg (vm, args, nargs, kwnames, "isdisjoint", &other))
    return NULL;
  return bool_result (isdisjoint (vm, SELF, other));
}

/* __contains__ is a method of its own as well as the slot (CPython's METH_COEXIST), so
 * frozenset(...).__contains__ is a built-in method, what keyword.iskeyword is. */
static HsObject *
m_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key;
  if (!one_arg (vm, args, nargs, kwnames, "__contains__", &key))
    return NULL;
  return bool_result (hs_set_contains (vm, args[0], key));
}

/* set.__init__(self, iterable=(), /): fills an instance of a class derived from set. */
static HsObject *
m_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL;

  if (!hs_parse_args (vm, hs_type_name (args[0]), args + 1, nargs - 1, kwnames, "|iterable /",
                      &iterable))
    return NULL;
  clear_internal (vm, SELF);
  return iterable != NULL && set_update_internal (vm, SELF, iterable) < 0 ? NULL : hs_None;
}

static const HsMethodDef set_methods[] = {
  { "__init__", m_init, HS_METH_SLOT },
  { "__contains__", m_contains },
  { "add", m_add },
  { "clear", m_clear },
  { "copy", m_copy },
  { "difference", m_difference },
  { "difference_update", m_difference_update },
  { "discard", m_discard },
  { "intersection", m_intersection },
  { "intersection_update", m_intersection_update },
  { "isdisjoint", m_isdisjoint },
  { "issubset", m_issubset },
  { "issuperset", m_issuperset },
  { "pop", m_pop },
  { "remove", m_remove },
  { "symmetric_difference", m_symmetric_difference },
  { "symmetric_difference_update", m_symmetric_difference_update },
  { "union", m_union },
  { "update", m_update },
  { NULL, NULL },
};

static const HsMethodDef frozenset_methods[] = {
  { "__contains__", m_contains }, { "copy", m_copy },
  { "difference", m_difference }, { "intersection", m_intersection },
  { "isdisjoint", m_isdisjoint }, { "issubset", m_issubset },
  { "issuperset", m_issuperset }, { "symmetric_difference", m_symmetric_difference },
  { "union", m_union },           { NULL, NULL },
};

/* ---- constructors --------------------------------------------------------------------- */

static HsObject *
set_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL;
  if (!hs_parse_args (vm, type->name, args, nargs, kwnames, "|iterable /", &iterable))
    return NULL;
  if (type == &hs_frozenset_type && iterable != NULL && HS_IS (iterable, &hs_frozenset_type))
    return hs_incref (iterable);
  return make_new_set (vm, type, iterable);
}

HsType hs_set_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "set",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsSet),
  .dealloc = set_dealloc,
  .refs = set_refs,
  .clear = set_gc_clear,
  .repr = set_repr,
  .hash = hs_object_hash_not_implemented,
  .richcompare = set_richcompare,
  .binop = set_binop,
  .inplace = set_inplace,
  .len = set_len,
  .contains = set_contains_slot,
  .iter = set_iter,
  .construct = set_construct,
  .methods = set_methods,
};

HsType hs_frozenset_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "frozenset",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsSet),
  .dealloc = set_dealloc,
  .refs = set_refs,
  .clear = set_gc_clear,
  .repr = set_repr,
  .hash = frozenset_hash,
  .richcompare = set_richcompare,
  .binop = set_binop,
  .len = set_len,
  .contains = set_contains_slot,
  .iter = set_iter,
  .construct = set_construct,
  .methods = frozenset_methods,
};

void
hs_set_runtime_init (void)
{
  hs_type_ready (&hs_set_type);
  hs_type_ready (&hs_frozenset_type);
  hs_type_ready (&hs_set_iter_type);
}
