/* hs-reduce.h — object.__reduce_ex__, __reduce__, __getstate__ and __sizeof__ (see
 * hs-reduce.c), and the pieces copy.copy and copy.deepcopy share with them. */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* object's methods of this file, for its dict. */
extern const HsMethodDef hs_reduce_object_methods[];

/* Whether the class t defines `name` otherwise than object does (its own __reduce__). */
gboolean hs_reduce_overrides (const HsType *t, const char *name);
/* copyreg._slotnames: the slot names of cls (a new list, cached in the class as
 * `__slotnames__`); an empty list for a built-in type. */
HsObject *hs_reduce_slotnames (HsVM *vm, HsObject *cls);
/* CPython's object.__getstate__ of an instance: its __dict__ (None when it has no
 * attributes), paired with a dict of the slots named in `names` that are set, if any is. */
HsObject *hs_reduce_instance_state (HsVM *vm, HsObject *x, HsObject *names);
/* CPython's object_getstate: x.__getstate__() when its class defines one, else object's
 * state; `required` refuses an object with more than object's layout and no other way back
 * ("cannot pickle 'function' object"). */
HsObject *hs_reduce_getstate (HsVM *vm, HsObject *x, gboolean required);
/* object.__reduce_ex__(x, proto): x's class's own __reduce__() if it has one, else
 * copyreg's tuple for the protocol (NotImplementedError for a built-in Heapscope cannot take
 * apart as CPython). */
HsObject *hs_reduce_ex (HsVM *vm, HsObject *x, int proto);

/* Puts these methods in object's dict, and __sizeof__ in the dicts of the built-ins with
 * their own in CPython (list, dict, ...). */
void hs_reduce_runtime_init (void);

G_END_DECLS
