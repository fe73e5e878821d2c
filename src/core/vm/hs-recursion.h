/* hs-recursion.h — guarding C recursion on the program's data.
 *
 * Invariant: every C path that recurses as deep as a program's data or code nests
 * (repr, str, comparison and hash of nested containers, isinstance with nested tuples,
 * iterator chains, calls from C into Python, the parser and the compiler) passes
 * through one of these checks at each level, so it fails with RecursionError before
 * either sys.getrecursionlimit() or the running thread's C stack runs out.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* The lowest address a check lets C code reach, per thread; 0 until computed. */
extern __thread guintptr hs_stack_floor;
guintptr hs_stack_floor_compute (void);

/* TRUE when the running thread has less C stack left than its reserve (a quarter of
 * its stack, at most 2 MiB): enough for the error path and the unchecked frames
 * between two checks. Works on any thread: the bounds are the thread's own. Inline:
 * every Python call and generator resume checks. */
static inline gboolean
hs_stack_exhausted (void)
{
  char here;
  guintptr floor = hs_stack_floor;

  if (G_UNLIKELY (floor == 0))
    floor = hs_stack_floor_compute ();
  return (guintptr)&here < floor;
}

/* Stack check alone, for paths CPython does not count against the recursion limit
 * (hash of nested tuples, iterator chains): FALSE with RecursionError set. */
gboolean hs_stack_check (HsVM *vm);

/* CPython's Py_EnterRecursiveCall: one more level against the recursion limit (shared
 * with Python frames) and the C stack; FALSE with "maximum recursion depth exceeded"
 * + `where` set. Pair a TRUE with hs_recursion_leave. vm may be NULL (no check). */
gboolean hs_recursion_enter (HsVM *vm, const char *where);
void hs_recursion_leave (HsVM *vm);

/* CPython 3.11's _PyObject_MakeTpCall: calling what has no vectorcall (a class of the
 * program) is a level against the recursion limit while the call runs. */
static inline gboolean
hs_recursion_enter_tp_call (HsVM *vm)
{
  return hs_recursion_enter (vm, " while calling a Python object");
}

/* n levels at once, for library code that is Python in CPython (copy, json): the frames
 * it would hold. All or none: FALSE with RecursionError and nothing entered. */
gboolean hs_recursion_enter_n (HsVM *vm, int n, const char *where);
void hs_recursion_leave_n (HsVM *vm, int n);

/* Whether n levels more would be within the limit, entering none: a call CPython makes and
 * returns from (a C call's check) before going deeper. FALSE with RecursionError. */
gboolean hs_recursion_probe (HsVM *vm, int n, const char *where);

G_END_DECLS
