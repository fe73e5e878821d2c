/* hs-weakref.h — weak references (CPython's Objects/weakrefobject.c): weakref.ref and the
 * proxies, and the VM's table of who is weakly referenced.
 *
 * Invariant: a weak reference holds no count on its referent. vm->weakrefs maps every
 * object that has weak references (and carries HS_FLAG_WEAKREFED) to the array of them
 * (borrowed: each weak reference leaves it when freed), plain references without callback
 * first. When the referent is freed (or found in cyclic garbage) every weak reference to
 * it is cleared (referent NULL, marked dirty) and those with a callback are queued in
 * vm->wr_callbacks (owned), whose callbacks run at the next event.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* Called (at the next event) for an entry of a weak container whose referent died: the
 * container drops the entry, as CPython's containers do from their entries' callbacks. */
typedef void (*HsWeakEntryRemove) (HsVM *vm, HsObject *container, HsObject *wr);

typedef struct
{
  HsObject header;
  HsObject *referent; /* borrowed; NULL once it died */
  HsObject *callback; /* owned, or NULL */
  gint64 hash;        /* the referent's hash, once asked */
  gboolean hashed;
  /* An entry of a weak container (WeakValueDictionary, WeakKeyDictionary, WeakSet): the
   * container (borrowed; NULL once it is gone) and what drops the entry from it. */
  HsObject *container;
  HsWeakEntryRemove remove;
  HsObject *key; /* a KeyedRef's key (owned, counted, as CPython's), else NULL */
} HsWeakref;

#define HS_WEAKREF(o) ((HsWeakref *)(o))

extern HsType hs_weakref_type;           /* weakref.ReferenceType (weakref.ref) */
extern HsType hs_weakproxy_type;         /* weakref.ProxyType */
extern HsType hs_weakcallableproxy_type; /* weakref.CallableProxyType */
extern HsType hs_weakkeyedref_type;      /* weakref.KeyedRef: a WeakValueDictionary's entry */
extern HsType hs_weakmethod_type;        /* weakref.WeakMethod (hs-weakmethod.c) */

static inline gboolean
hs_weakref_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_weakref_type);
}

static inline gboolean
hs_weakproxy_check (const HsObject *o)
{
  return o->type == &hs_weakproxy_type || o->type == &hs_weakcallableproxy_type;
}

/* The referent (borrowed), or NULL once it died. */
static inline HsObject *
hs_weakref_get_borrow (HsObject *wr)
{
  return HS_WEAKREF (wr)->referent;
}

/* Whether obj's type supports weak references; else TypeError "cannot create weak
 * reference to 'int' object" is set (when vm is not NULL). */
gboolean hs_weakref_supported (HsVM *vm, HsObject *obj);
/* A new weak reference of `type` (ref, proxy, or a subtype of ref) to obj, with callback
 * (borrowed, may be NULL or None); without callback the existing plain one is returned. */
HsObject *hs_weakref_new (HsVM *vm, HsType *type, HsObject *obj, HsObject *callback);
/* The weak references to obj (borrowed array), or NULL. */
GPtrArray *hs_weakref_list (HsVM *vm, HsObject *obj);
/* A new weak reference of `type` (ref or KeyedRef, with `key`) to obj for an entry of
 * `container` (never the shared plain one); `remove` drops the entry once obj died. */
HsObject *hs_weakref_new_entry (HsVM *vm, HsType *type, HsObject *obj, HsObject *key,
                                HsObject *container, HsWeakEntryRemove remove);
/* The container forgets its entries (it is being freed): they remove nothing any more. */
void hs_weakref_detach_entries (HsObject *container, HsObject *const *entries, gsize n);
/* obj is being freed (or is cyclic garbage): clears its weak references, queueing their
 * callbacks; with `garbage`, those weak references that are themselves in it get none
 * (CPython's handle_weakrefs). */
void hs_weakref_clear_referent (HsVM *vm, HsObject *obj, GHashTable *garbage);
/* Runs the queued callbacks (each with its weak reference) in the order they were queued,
 * an object's newest first, one after the other as CPython's dealloc runs them; an
 * exception is reported as unraisable. */
void hs_weakref_run_callbacks (HsVM *vm);
/* Calls cb(arg) for a dead referent, keeping the exception being handled; an exception cb
 * raises is reported as unraisable. */
void hs_weakref_call_callback (HsVM *vm, HsObject *cb, HsObject *arg);
/* Forgets the table and the queue without running anything (the VM is going away). */
void hs_weakref_drop_all (HsVM *vm);

/* Shared with the proxies (hs-weakproxy.c). */
void hs_weakref_dealloc (HsVM *vm, HsObject *self);
void hs_weakref_clear (HsVM *vm, HsObject *self);
void hs_weakref_refs (HsObject *self, HsVisitFn visit, gpointer data);
/* "<WHAT at 0x...; to 'A' at 0x...>", or "<WHAT at 0x...; dead>". */
HsObject *hs_weakref_repr_as (HsVM *vm, HsObject *self, const char *what);

G_END_DECLS
