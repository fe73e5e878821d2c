/* hs-usercoll.h — collections.UserDict, UserList and UserString.
 *
 * Invariant: as in CPython, each is an ordinary class (made by type's own machinery, so a
 * learner's subclass is an ordinary subclass) whose instances keep the wrapped dict, list
 * or str in their `data` attribute, and nothing else: they are drawn as instances holding
 * it. Their methods are built-in (no frame of collections/__init__.py in a trace). A
 * UserDict's mixin methods (update, get, pop, setdefault, ...) go through the instance's
 * own `[]`, so a subclass that overrides __setitem__ sees every write, as in CPython; a
 * UserList's and UserString's methods work on `data` directly, as CPython's do.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* The classes, made for a VM's `collections` module (new references). */
HsObject *hs_userdict_class_new (HsVM *vm);
HsObject *hs_userlist_class_new (HsVM *vm);
HsObject *hs_userstring_class_new (HsVM *vm);

/* ---- shared by hs-usercoll.c and hs-userseq.c -------------------------------------- */

/* A class of `collections` named `name` whose namespace holds the method descriptors
 * `descrs` of `defs` (n of them). */
HsObject *hs_usercoll_class_new (HsVM *vm, const char *name, const HsMethodDef *defs,
                                 HsObject **descrs, gsize n);
/* Makes the (immortal) method descriptors of `defs` once per process. */
void hs_usercoll_descrs_init (const HsMethodDef *defs, HsObject **descrs, gsize n);
/* self.data (new reference). */
HsObject *hs_usercoll_data (HsVM *vm, HsObject *self);
/* Whether o is an instance of the class of this module named `name` (or a subclass). */
gboolean hs_usercoll_is (HsObject *o, const char *name);
/* type(self)(arg): a new instance of self's class; arg stolen (NULL: an error). */
HsObject *hs_usercoll_new_like (HsVM *vm, HsObject *self, HsObject *arg);
/* A shallow copy of self (its attributes) whose `data` is `data` (stolen; NULL: error). */
HsObject *hs_usercoll_copy_with (HsVM *vm, HsObject *self, HsObject *data);

/* MutableMapping.update(self, other=(), /, **kwds) on args[0] (an `other` of None is
 * none): a mapping's keys, else (key, value) pairs, then the keywords, each stored
 * through self[key] = value (so a class's __setitem__ sees it). */
int hs_usercoll_update_all (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

/* __len__ and __repr__: len(self.data), repr(self.data). */
HsObject *hs_usercoll_len (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_usercoll_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

void hs_usercoll_runtime_init (void);
void hs_userseq_runtime_init (void);

G_END_DECLS
