/* hs-recursion.c — the C stack left on the running thread, and the recursion counter.
 *
 * Invariant: `hs_stack_floor` is, per thread, the lowest stack address a check lets C
 * code reach (the thread's stack end plus its reserve); it is computed once per thread
 * from the thread's own bounds (pthread_getattr_np: the main thread's size comes from
 * RLIMIT_STACK, another thread's from its attributes), never from the main thread's.
 * Stacks grow down on every platform Heapscope builds for.
 */
#define _GNU_SOURCE
#include "config.h"

#include "hs-recursion.h"

#include <pthread.h>

#include "hs-error.h"
#include "hs-vm-private.h"

#define RESERVE_MAX (2u << 20)
#define RESERVE_MIN (64u << 10)

__thread guintptr hs_stack_floor;

static guintptr
compute_floor (void)
{
  pthread_attr_t attr;
  void *addr = NULL;
  size_t size = 0;
  gsize reserve;

  if (pthread_getattr_np (pthread_self (), &attr) != 0)
    return 1; /* bounds unknown: never report exhaustion */
  pthread_attr_getstack (&attr, &addr, &size);
  pthread_attr_destroy (&attr);
  reserve = CLAMP (size / 4, RESERVE_MIN, RESERVE_MAX);
  if (addr == NULL || size <= reserve)
    return 1;
  return (guintptr)addr + reserve;
}

guintptr
hs_stack_floor_compute (void)
{
  return hs_stack_floor = compute_floor ();
}

gboolean
hs_stack_check (HsVM *vm)
{
  if (G_LIKELY (!hs_stack_exhausted ()))
    return TRUE;
  hs_err_set_string (vm, &hs_exc_RecursionError, "maximum recursion depth exceeded");
  return FALSE;
}

gboolean
hs_recursion_enter (HsVM *vm, const char *where)
{
  if (vm == NULL)
    return TRUE;
  if (vm->depth >= vm->config.recursion_limit || hs_stack_exhausted ())
    {
      hs_err_format (vm, &hs_exc_RecursionError, "maximum recursion depth exceeded%s", where);
      return FALSE;
    }
  vm->depth++;
  return TRUE;
}

void
hs_recursion_leave (HsVM *vm)
{
  if (vm != NULL)
    vm->depth--;
}

gboolean
hs_recursion_enter_n (HsVM *vm, int n, const char *where)
{
  for (int i = 0; i < n; i++)
    if (!hs_recursion_enter (vm, where))
      {
        hs_recursion_leave_n (vm, i);
        return FALSE;
      }
  return TRUE;
}

void
hs_recursion_leave_n (HsVM *vm, int n)
{
  while (n-- > 0)
    hs_recursion_leave (vm);
}

gboolean
hs_recursion_probe (HsVM *vm, int n, const char *where)
{
  if (!hs_recursion_enter_n (vm, n, where))
    return FALSE;
  hs_recursion_leave_n (vm, n);
  return TRUE;
}
