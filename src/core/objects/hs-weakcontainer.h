/* hs-weakcontainer.h — what WeakValueDictionary, WeakKeyDictionary and WeakSet share
 * (hs-weakdict.c, hs-weakset.c; CPython's are Python classes in weakref.py and _weakrefset.py
 * holding a `data` dict or set of weak references; so are these, in C).
 *
 * Invariant: `data` (owned, counted: drawn as the container's row "data") holds the entries'
 * weak references, each made by hs_weakref_new_entry for this container, which drops the
 * entry when its referent dies (at the next event, like a callback); every operation first
 * drops the entries already dead, so Python never sees one.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  HsObject *data; /* a dict (the dictionaries) or a set (WeakSet) */
} HsWeakContainer;

#define HS_WEAK_CONTAINER(o) ((HsWeakContainer *)(o))

extern HsType hs_weakvaluedict_type;
extern HsType hs_weakkeydict_type;
extern HsType hs_weakset_type;

/* A new, empty container of `type` around `data_take` (NULL on error: data released). */
HsObject *hs_weakcontainer_new (HsVM *vm, HsType *type, HsObject *data_take);
/* Drops the entries whose referent died. */
void hs_weakcontainer_purge (HsVM *vm, HsObject *self);
/* A new list of what the live entries refer to (keys of a WeakKeyDictionary, the items of a
 * WeakSet) or, for a WeakValueDictionary, of its keys; in order. */
HsObject *hs_weakcontainer_live (HsVM *vm, HsObject *self);
/* A weak reference to obj to look an entry up with (new), or NULL with TypeError. */
HsObject *hs_weakcontainer_probe (HsVM *vm, HsObject *obj);

/* A new container of self's type made by `construct` from contents_take (what self holds
 * now, as construct takes it; NULL is an error, passed on): copy() and __copy__(). */
HsObject *hs_weakcontainer_copy (HsVM *vm, HsObject *self, HsObject *contents_take,
                                 HsObject *(*construct) (HsVM *vm, HsType *type, HsObject **args,
                                                         gsize nargs, HsObject *kwnames));
/* clear(): drops every entry. */
HsObject *hs_weakcontainer_m_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

/* The slots the three share. */
void hs_weakcontainer_dealloc (HsVM *vm, HsObject *self);
void hs_weakcontainer_refs (HsObject *self, HsVisitFn visit, gpointer data);
void hs_weakcontainer_clear (HsVM *vm, HsObject *self);
HsObject *hs_weakcontainer_repr (HsVM *vm, HsObject *self); /* "<WeakValueDictionary at 0x…>" */
gssize hs_weakcontainer_len (HsVM *vm, HsObject *self);
HsObject *hs_weakcontainer_iter (HsVM *vm, HsObject *self);
HsObject *hs_weakcontainer_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op);

G_END_DECLS
