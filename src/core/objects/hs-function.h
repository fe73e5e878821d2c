/* hs-function.h — Python function objects and argument binding.
 *
 * Invariant: a function holds its code (owned by the VM, so borrowed), an interned name,
 * its defaults tuple (owned, visited: the diagram draws default values) and its globals
 * dict (owned, as CPython's func_globals, visited as a hidden reference: the diagram draws
 * the module's dict as the module frame, and lists the functions among its holders).
 */
#pragma once

#include "hs-code.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  HsCode *code;
  HsObject *name;          /* str (owned): the code's name, interned, until __name__ is set */
  HsObject *defaults;      /* tuple or NULL */
  HsObject *globals;       /* dict (owned) */
  HsObject *closure;       /* tuple of cells (owned, visited) or NULL */
  HsObject *kwdefaults;    /* dict of keyword-only defaults (owned, visited) or NULL */
  guint64 parent_frame_id; /* id of the function frame that made it (a nested def); 0 if none */
  /* What CPython's function keeps beside (owned, NULL: none): its attribute dict (`f.x = 1`,
   * functools.wraps' __wrapped__), made when first needed, its entries drawn as rows of the
   * function; its annotations dict (made by the def, or when first read), drawn as a dict
   * the row __annotations__ points to; __qualname__, __doc__ and __module__ once the program
   * set them (until then the code's qualname and docstring, the module's name), drawn as
   * rows. */
  HsObject *dict, *annotations, *qualname, *doc, *module;
} HsFunction;

#define HS_FUNCTION(o) ((HsFunction *)(o))

extern HsType hs_function_type;

/* Steals `defaults` (may be NULL). */
HsObject *hs_function_new (HsVM *vm, HsCode *code, HsObject *globals, HsObject *defaults);

/* Sets the closure, kwdefaults and annotations (a tuple of name, value pairs, as CPython
 * 3.11's MAKE_FUNCTION takes them) of a new function (all stolen, may be NULL). -1 with
 * MemoryError when the annotations dict could not be made. */
int hs_function_set_extras (HsVM *vm, HsFunction *fn, HsObject *kwdefaults, HsObject *closure,
                            HsObject *annotations, guint64 parent_frame_id);

/* Fills the parameter slots (positional, keyword-only, *args, **kwargs) from a call (new
 * references), with CPython's TypeErrors ("f() missing 1 required positional argument: 'b'", ...).
 * Returns -1 on error, leaving already-filled slots for the caller to clear. */
int hs_function_bind_args (HsVM *vm, HsFunction *fn, HsObject **locals, HsObject **args,
                           gsize nargs, HsObject *kwnames);

/* Calls a Python function from C (builtins calling a key function, a slot calling a
 * method) with self (unless NULL) then args: runs a nested evaluation until it returns.
 * Implemented in hs-call.c. */
HsObject *hs_vm_call_function (HsVM *vm, HsObject *func, HsObject *self, HsObject **args,
                               gsize nargs, HsObject *kwnames);

/* "<function QUALNAME at 0x…>": how every function CPython writes in Python prints, with
 * the object's id standing for its address (stable from run to run, as the diagram's). */
HsObject *hs_function_repr_named (HsVM *vm, const char *qualname, HsObject *self);

/* Readies the VM's static types; called by hs_runtime_init. */
void hs_vm_runtime_init (void);

/* "f(a, b=[])"-style parameter names and defaults, for the trace engine. */
int hs_function_nparams (HsFunction *fn);
const char *hs_function_param_name (HsFunction *fn, int i);
HsObject *hs_function_default_borrow (HsFunction *fn, int i); /* NULL: no default */

G_END_DECLS
