/* hs-builtin-subclass.h — classes derived from list, dict, set, frozenset, tuple, str, int,
 * float, collections' deque, defaultdict, Counter and OrderedDict, and ModuleType.
 *
 * Invariant: an instance of such a class is the built-in's object (its struct first, so
 * every C function of the built-in works on it unchanged, and refs visits its items)
 * followed by the instance's attribute table: at the class's attrs_offset, or, for str and
 * tuple, whose objects vary in size, and for modules (whose every object has room for
 * it, so that its __class__ can change), at the end of the allocation (attrs_offset 0).
 * A module's attributes stay in its dict, the table stays empty. The
 * built-in's __new__ makes it (an immutable one from the value its constructor computes),
 * the mutable ones fill it in their __init__; what the built-in's C code does on it
 * never calls the class's methods (list.extend does not call append), as in CPython,
 * except where CPython's does: a dict's d[key] calls __missing__, a defaultdict's
 * __missing__ and an OrderedDict's update store through the class's __setitem__, a
 * Counter's methods (Python in CPython) use the class's, and a copy calls the class.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* Whether a class may derive from the built-in type t (list, dict, ...). */
gboolean hs_builtin_subclass_allowed (const HsType *t);
/* Whether the objects of t vary in size (str, tuple): attributes then go at the end. */
gboolean hs_builtin_subclass_varsize (const HsType *t);
/* The built-in type whose object an instance of `type` (a class) is, NULL for a class
 * whose built-in part is object, type or an exception. */
HsType *hs_builtin_subclass_base (const HsType *type);
/* An instance of the class `type` holding the built-in's empty value (what a class's
 * __new__ that reaches object's makes, and what copy fills). */
HsObject *hs_builtin_subclass_new_empty (HsVM *vm, HsType *type);

/* An instance of `type` holding the value v (borrowed) of its built-in immutable type
 * (tuple, a namedtuple() type, str, int, float, frozenset, the datetime types). */
HsObject *hs_builtin_subclass_from_value (HsVM *vm, HsType *type, HsObject *v);
/* The repr of the built-in value an instance of such a class holds (an int subclass's
 * "5", whatever its class's __repr__ says), for the diagram; NULL on error (cleared). */
char *hs_builtin_subclass_value_repr (HsVM *vm, HsObject *o);

/* The state a built-in's __reduce__ gives for o (CPython's object.__getstate__): its
 * __dict__ when o is an instance of a class and has attributes, else None. */
HsObject *hs_builtin_subclass_state (HsVM *vm, HsObject *o);

/* Installs __new__, __init__ and the slot wrappers in the built-ins' dicts. */
void hs_builtin_subclass_runtime_init (void);

G_END_DECLS
