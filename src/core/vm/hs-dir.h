/* hs-dir.h — dir(): the names an object answers to, as CPython lists them. */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* dir(obj), sorted: a module's globals; a class's namespace and its bases'; anything else
 * its own attributes and its type's names, down to object's. Strings owned by the array. */
GPtrArray *hs_dir_names (HsObject *obj);

/* dir() without an argument: the namespace's keys, sorted; for __main__'s globals with
 * the names CPython's __main__ also has (Heapscope's holds only __name__ of them). */
GPtrArray *hs_dir_namespace (HsObject *ns, gboolean is_main);

/* The names CPython's __main__ module starts with, in its dict's order. */
extern const char *const hs_dir_main_names[];

/* Whether hs_dir_names (obj) is exactly CPython's list: for classes of the program and
 * their instances (whose names come from class statements and object), and for object, int,
 * bool, ellipsis and NoneType, their instances and subclasses; the other built-in types here
 * lack some of CPython's dunder methods or have extra ones, modules some of their functions. */
gboolean hs_dir_is_exact (HsObject *obj);

/* dir(obj): sorted(type(obj).__dir__(obj)) where a class defines __dir__, a module's own
 * __dir__() or dict keys, else hs_dir_names as a list; NotImplementedError where that is not
 * CPython's list (hs_dir_is_exact). New reference, or NULL with the error set. */
HsObject *hs_dir_of (HsVM *vm, HsObject *obj);
/* The names as a new list of str. */
HsObject *hs_dir_list (HsVM *vm, GPtrArray *names);

G_END_DECLS
