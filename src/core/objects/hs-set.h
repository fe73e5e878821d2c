/* hs-set.h — Python's set and frozenset.
 *
 * Invariant: the table is CPython 3.11's open-addressing layout: mask + 1 slots (a power
 * of two, at least 8; the first 8 live inside the object), each empty (key NULL, hash 0),
 * a dummy left by a deletion (key == the private dummy, hash -1) or active (an owned key
 * and its hash). `fill` counts active + dummy slots, `used` the active ones (len), and
 * fill * 5 < mask * 3 after every insertion. Probing is CPython's (LINEAR_PROBES = 9
 * neighbours, then perturbation), so iterating the table by slot gives the order CPython
 * prints for keys whose hashes are deterministic (ints, floats, tuples of them).
 * A frozenset is never changed once handed to Python code; its hash is cached.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

#define HS_SET_MINSIZE 8

typedef struct
{
  HsObject *key; /* NULL: empty; the dummy: deleted */
  gint64 hash;
} HsSetEntry;

typedef struct
{
  HsObject header;
  gsize fill;        /* active + dummy slots */
  gsize used;        /* active slots: len(s) */
  gsize mask;        /* slots - 1 */
  gsize finger;      /* where pop() starts its search */
  gint64 hash;       /* frozenset: cached hash, -1 until computed */
  HsSetEntry *table; /* smalltable or a side buffer */
  HsSetEntry smalltable[HS_SET_MINSIZE];
} HsSet;

#define HS_SET(o) ((HsSet *)(o))

extern HsType hs_set_type;
extern HsType hs_frozenset_type;
extern HsType hs_set_iter_type;

static inline gboolean
hs_anyset_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_set_type)
         || hs_type_is_subtype (o->type, &hs_frozenset_type);
}

static inline gsize
hs_set_len (HsObject *s)
{
  return HS_SET (s)->used;
}

/* Readies the two types and the iterator (method dicts); called once per process. */
void hs_set_runtime_init (void);

/* An empty set. */
HsObject *hs_set_new (HsVM *vm);
/* An empty set of `type` (set, frozenset or a class derived from one), type->basicsize
 * bytes. */
HsObject *hs_set_new_type (HsVM *vm, const HsType *type);
/* set(iterable) / frozenset(iterable); iterable may be NULL (empty). */
HsObject *hs_set_from_iterable (HsVM *vm, HsObject *iterable);
HsObject *hs_frozenset_from_iterable (HsVM *vm, HsObject *iterable);
/* s.add(key), borrowing key: -1 on unhashable key (TypeError) or MemoryError. For the
 * compiler's set displays and comprehensions (BUILD_SET / SET_ADD) too. */
int hs_set_add (HsVM *vm, HsObject *set, HsObject *key);
/* s.update(iterable) (SET_UPDATE of `{*a, 1}`). */
int hs_set_update (HsVM *vm, HsObject *set, HsObject *iterable);
/* 1 present, 0 absent, -1 error. */
int hs_set_contains (HsVM *vm, HsObject *set, HsObject *key);
/* 1 removed, 0 absent, -1 error. */
int hs_set_discard (HsVM *vm, HsObject *set, HsObject *key);
/* Iteration by slot, in CPython's order: start with *pos = 0; `key` is borrowed. For the
 * trace recorder (HS_SNAP_SET). */
gboolean hs_set_next (HsObject *set, gsize *pos, HsObject **key);
/* Bytes sys.getsizeof reports on CPython 3.11 (64-bit). */
gsize hs_set_sizeof (HsObject *set);

G_END_DECLS
