/* hs-builtins.h — the `builtins` namespace.
 *
 * Invariant: the builtins dict maps each built-in name to a process-wide immortal
 * object (built-in function objects, the type objects themselves, the exception
 * classes), so sharing them between VMs never touches a count.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* A new dict (owned by the VM) with every built-in name. */
HsObject *hs_builtins_new (HsVM *vm);

/* exit(code=None), also sys.exit: raises SystemExit(code). */
HsObject *hs_builtin_exit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

/* exec(), eval() and compile() (hs-exec.c). */
HsObject *hs_builtin_exec (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_builtin_eval (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_builtin_compile (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

/* Runs text a library module generates, as CPython's library exec()s it: file "<string>",
 * the globals given (borrowed), a new dict of locals, which it returns (NULL with the
 * exception set). Its code, and the code of all it defines, is marked HS_CODE_LIBRARY. */
HsObject *hs_exec_library_text (HsVM *vm, const char *text, HsObject *globals);

/* The same in the locals given (borrowed, a dict), as CPython's timeit exec()s its template
 * with the callables its defaults name: 0, or -1 with the exception set. */
int hs_exec_library_text_in (HsVM *vm, const char *text, HsObject *globals, HsObject *locals);

/* Makes a module written in Python: adds its primitives (built-in functions, or NULL) to its dict,
 * then runs its text there, as globals and locals: 0, or -1 with the exception set. Its code
 * is library code whose frames no traceback shows (as a module of CPython's written in C). */
int hs_exec_library_module (HsVM *vm, HsObject *dict, const HsMethodDef *primitives,
                            const char *text);

G_END_DECLS
