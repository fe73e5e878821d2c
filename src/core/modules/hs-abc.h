/* hs-abc.h — what the abc module gives the modules that make ABCs in C (collections.abc).
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* What ABCMeta.__new__ does after type.__new__ made cls: its __abstractmethods__, its
 * _abc_impl, and cls noted among its ABC bases' subclasses. 0, or -1 with an error. */
int hs_abc_init_class (HsVM *vm, HsObject *cls);
/* ABCMeta.register(cls, sub) without its checks. 0, or -1 with an error. */
int hs_abc_register (HsVM *vm, HsObject *cls, HsObject *sub);

/* ---- the ABCs a module makes in C (collections.abc, numbers) ----
 * The module builds each class body's namespace from a table of methods; these make the
 * parts that are the same for every such module. */

/* Which methods of a table are abstract: `data` is the module's own (its list of names). */
typedef gboolean (*HsAbcIsAbstract) (const HsMethodDef *def, gconstpointer data);
/* The method descriptors of a NULL-terminated table, made once per process (immortal), those
 * is_abstract picks flagged HS_FLAG_ABSTRACT: an array in the table's order, ending in NULL. */
HsObject **hs_abc_method_descrs_new (const HsMethodDef *methods, HsAbcIsAbstract is_abstract,
                                     gconstpointer data);
/* A class body's namespace holding __module__ and __slots__ (slots is taken; NULL after a
 * failure gives NULL). New reference, or NULL with an error. */
HsObject *hs_abc_namespace_new (HsVM *vm, const char *module, HsObject *slots);
/* ns[name] = v as a `def` in a class body does it: defining __eq__ also sets __hash__ to None.
 * 0, or -1 with an error. */
int hs_abc_namespace_set_method (HsVM *vm, HsObject *ns, const char *name, HsObject *v);
/* ABCMeta(name, bases, ns) of `module`, whose bases are the classes of `dict` that `bases`
 * names (space-separated, at most three). Takes ns (NULL after a failure gives NULL). */
HsObject *hs_abc_class_new (HsVM *vm, const char *module, HsObject *dict, const char *name,
                            const char *bases, HsObject *ns);

G_END_DECLS
