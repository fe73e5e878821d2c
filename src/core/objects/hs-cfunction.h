/* hs-cfunction.h — built-in functions and methods, and the argument parser every C
 * function uses.
 *
 * Invariant: a built-in function object wraps a static HsMethodDef. When `self` is set
 * it is a bound method and owns a reference to `self` (visited by refs, so the
 * diagram can draw it). Method descriptors live in the dicts of the static types
 * (immortal, installed by hs_runtime_init); attribute lookup on an instance binds them.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  const HsMethodDef *def;
  HsObject *self;      /* bound self (new reference), or NULL for a plain function */
  const HsType *owner; /* type that defines the method (for messages), or NULL */
} HsCFunctionObject;

/* `builtin_function_or_method`: plain built-in functions and bound built-in methods. */
extern HsType hs_cfunction_type;
/* `method_descriptor` (list.append) and `classmethod_descriptor` (dict.fromkeys). */
extern HsType hs_method_descr_type;
extern HsType hs_classmethod_descr_type;
/* `wrapper_descriptor` (int.__add__) and `method-wrapper` ((1).__add__): a slot's method
 * (HS_METH_SLOT), unbound and bound, which behave as a method_descriptor and a bound
 * builtin_function_or_method do. */
extern HsType hs_wrapper_descr_type;
extern HsType hs_method_wrapper_type;

/* The type Python is shown for obj (type(), __class__, isinstance): `function` for a
 * function CPython writes in Python (dataclass, json.dumps, Random.randint), `method` for
 * one bound (random.randint), though ours are written in C; obj's own type otherwise. */
const HsType *hs_cfunction_python_type (HsObject *obj);

/* A method descriptor of either kind (list.append, int.__add__). */
static inline gboolean
hs_method_descr_check (const HsObject *o)
{
  return o->type == &hs_method_descr_type || o->type == &hs_wrapper_descr_type;
}

/* A built-in function or bound method of either kind (len, [].append, (1).__add__). */
static inline gboolean
hs_cfunction_check (const HsObject *o)
{
  return o->type == &hs_cfunction_type || o->type == &hs_method_wrapper_type;
}

/* A built-in function (self NULL) or bound method. vm NULL: process-wide immortal. */
HsObject *hs_cfunction_new (HsVM *vm, const HsMethodDef *def, HsObject *self);
/* A bound method of `owner` (a type used in messages such as "list.append()"). */
HsObject *hs_cfunction_new_method (HsVM *vm, const HsMethodDef *def, const HsType *owner,
                                   HsObject *self);
/* Method descriptor for a type's dict (immortal, vm NULL). */
HsObject *hs_method_descr_new (const HsMethodDef *def, const HsType *owner);
/* The descriptors of a NULL-terminated table of methods, for a class a module makes in C
 * once per process (immortal): an array in the table's order, ending in NULL. */
HsObject **hs_method_descrs_new (const HsMethodDef *defs, const HsType *owner);

/* Calls a C method with `self` prepended to args (used by bound methods and by the VM's
 * LOAD_METHOD/CALL_METHOD fast path: no bound-method object is created). */
HsObject *hs_cfunction_call_with_self (HsVM *vm, const HsMethodDef *def, HsObject *self,
                                       HsObject **args, gsize nargs, HsObject *kwnames);

/* ---- argument parsing ---------------------------------------------------------
 *
 * hs_parse_args (vm, "list.pop", args, nargs, kwnames, "|index /", &index)
 *
 * `fname` is the qualified name ("list.pop", "len", "enumerate"); messages use it or its
 * last component, as CPython does. `args`/`nargs`/`kwnames` are exactly what an
 * HsCFunction receives (for methods pass args + 1, nargs - 1: self is not counted).
 *
 * `spec` lists parameter names separated by spaces or commas, with markers:
 *   "|"  the following parameters are optional;
 *   "$"  the following parameters are keyword-only;
 *   "/"  all parameters before it are positional-only;
 *   "!"  (first character) METH_O / METH_NOARGS style messages: "x() takes exactly one
 *        argument (0 given)", "x() takes no arguments (1 given)"; all positional-only.
 *   "%"  (first character) PyArg_ParseTuple's messages, for CPython's METH_VARARGS
 *        functions: "find() takes at least 1 argument (0 given)"; end the spec with "/".
 *   "@"  (first character) the messages of a function CPython writes in Python
 *        ("copy() missing 1 required positional argument: 'x'").
 * The empty spec "" means no arguments (METH_NOARGS style).
 * When every parameter is positional-only the messages are Argument Clinic's
 * ("pop expected at most 1 argument, got 2", "insert expected 2 arguments, got 1") and
 * keywords give "list.pop() takes no keyword arguments"; otherwise the keyword style
 * ("'x' is an invalid keyword argument for sort()", "sort() takes no positional
 * arguments", "enumerate() takes at most 2 arguments (3 given)").
 *
 * For each parameter pass one `HsObject **`: it receives a BORROWED reference; optional
 * parameters that were not given are left untouched (pre-set your defaults, e.g. NULL).
 * Returns FALSE with TypeError set on a mismatch. `spec` must be a string literal (static
 * storage): its shape is cached by address. */
gboolean hs_parse_args (HsVM *vm, const char *fname, HsObject **args, gsize nargs,
                        HsObject *kwnames, const char *spec, ...);

/* Shortcut for functions taking no keywords: TypeError "f() takes no keyword arguments". */
gboolean hs_parse_no_kwargs (HsVM *vm, const char *fname, HsObject *kwnames);

G_END_DECLS
