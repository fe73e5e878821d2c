/* hs-slot-wrapper.h — the dunder methods of built-in types, as CPython's slot wrappers.
 *
 * Invariant: a built-in object has a dunder method (`iter(x).__next__`, `[].__len__`,
 * `(1).__add__`, `().__repr__`) exactly when its type, or a base other than object,
 * fills the matching slot; calling it calls that slot, so it behaves as the operator.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* The bound method for `name` on obj (new reference), or NULL without an error when the
 * name is not a dunder obj's type implements by a slot. */
HsObject *hs_slot_wrapper_lookup (HsVM *vm, HsObject *obj, HsObject *name);

/* Calls add (name, data) for each dunder hs_slot_wrapper_lookup finds on an instance of the
 * built-in `type` (`__bool__` of NoneType, whose dict does not hold its slot wrappers). */
void hs_slot_wrapper_foreach_name (const HsType *type, void (*add) (const char *, gpointer),
                                   gpointer data);

/* Puts the slot wrappers of the slots `type` itself fills into its dict (names it has
 * already are kept), as CPython's type dicts hold them: `list.__getitem__`, which a
 * subclass reaches through super(). Reflected operators (__radd__) only when `numeric`. */
void hs_slot_wrapper_install (HsType *type, gboolean numeric);

/* A slot wrapper's argument count: TRUE when one called with nargs (self included) got
 * `want` arguments, else CPython's TypeError "expected 1 argument, got 2". */
gboolean hs_slot_wrapper_nargs (HsVM *vm, gsize nargs, gsize want);

G_END_DECLS
