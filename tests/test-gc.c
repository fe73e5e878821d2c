/* test-gc.c — the cycle collector: what it finds (the counts CPython's gc.collect()
 * returns for the same shapes), what it keeps, the trace hook, automatic collection by
 * thresholds, and the heap checker.
 */
#include "config.h"

#include <string.h>

#include "hs-dict.h"
#include "hs-error.h"
#include "hs-gc.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm.h"

static HsVM *
new_vm (void)
{
  hs_runtime_init ();
  return hs_vm_new (NULL);
}

/* Two lists referring to each other, with no outside reference left. */
static void
make_list_pair (HsVM *vm)
{
  HsObject *a = hs_list_new (vm, 0), *b = hs_list_new (vm, 0);
  hs_list_append (vm, a, b);
  hs_list_append (vm, b, a);
  hs_decref (vm, a);
  hs_decref (vm, b);
}

static void
test_cycle_of_two (void)
{
  HsVM *vm = new_vm ();
  gsize before;

  hs_gc_collect (vm, 2);
  before = vm->live_count;
  make_list_pair (vm);
  g_assert_cmpuint (vm->live_count, ==, before + 2);
  g_assert_cmpuint (hs_gc_collect (vm, 2), ==, 2);
  g_assert_cmpuint (vm->live_count, ==, before);
  g_assert_cmpuint (hs_gc_collect (vm, 2), ==, 0);
  hs_vm_free (vm);
}

static void
test_self_dict (void)
{
  HsVM *vm = new_vm ();
  HsObject *d = hs_dict_new (vm);

  hs_dict_set_item (vm, d, hs_str_intern_cstr ("me"), d);
  hs_decref (vm, d);
  g_assert_cmpuint (hs_gc_collect (vm, 2), ==, 1);
  hs_vm_free (vm);
}

/* A cycle still reachable from outside survives, and so does what it refers to. */
static void
test_reachable_survives (void)
{
  HsVM *vm = new_vm ();
  HsObject *a = hs_list_new (vm, 0), *b = hs_list_new (vm, 0), *s = hs_set_new (vm);
  HsObject *k = hs_int_from_i64 (vm, 123456789);

  hs_list_append (vm, a, b);
  hs_list_append (vm, b, a);
  hs_list_append (vm, b, s);
  hs_set_add (vm, s, k);
  hs_decref (vm, b);
  hs_decref (vm, s);
  g_assert_cmpuint (hs_gc_collect (vm, 2), ==, 0);
  g_assert_cmpint (a->refcount, ==, 2);
  g_assert_cmpint (k->refcount, ==, 2);
  /* Dropping the last outside reference makes all three garbage. */
  hs_decref (vm, a);
  g_assert_cmpuint (hs_gc_collect (vm, 2), ==, 3);
  g_assert_cmpint (k->refcount, ==, 1);
  hs_decref (vm, k);
  hs_vm_free (vm);
}

typedef struct
{
  gsize calls, n;
  gboolean all_alive;
} HookLog;

static void
gc_hook (HsVM *vm, HsObject *const *unreachable, gsize n, gpointer data)
{
  HookLog *log = data;
  log->calls++;
  log->n += n;
  for (gsize i = 0; i < n; i++)
    if (unreachable[i]->refcount <= 0 || unreachable[i]->type != &hs_list_type)
      log->all_alive = FALSE;
}

static void
test_hook (void)
{
  HsVM *vm = new_vm ();
  static HsVMHooks hooks = { .gc = gc_hook };
  HookLog log = { 0, 0, TRUE };

  hs_gc_collect (vm, 2);
  hs_vm_set_hooks (vm, &hooks, &log);
  make_list_pair (vm);
  g_assert_cmpuint (hs_gc_collect (vm, 2), ==, 2);
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_cmpuint (log.n, ==, 2);
  g_assert_true (log.all_alive);
  hs_vm_set_hooks (vm, NULL, NULL);
  hs_vm_free (vm);
}

/* CPython 3.11: past 700 net GC allocations, generation 0 is collected. */
static void
test_automatic (void)
{
  HsVM *vm = new_vm ();
  gint64 count[3];
  gsize base;

  hs_gc_collect (vm, 2);
  base = vm->live_count;
  for (int i = 0; i < 10000; i++)
    make_list_pair (vm);
  /* Each automatic collection leaves at most a threshold's worth of new cycles. */
  g_assert_cmpuint (vm->live_count, <=, base + 702);
  hs_gc_get_count (vm, count);
  g_assert_cmpint (count[0], <=, 700);
  g_assert_cmpint (count[1], >=, 0);
  hs_vm_free (vm);
}

static void
test_disabled (void)
{
  HsVM *vm = new_vm ();
  gsize base;
  int t[3];

  hs_gc_get_threshold (vm, t);
  g_assert_cmpint (t[0], ==, 700);
  g_assert_cmpint (t[1], ==, 10);
  g_assert_cmpint (t[2], ==, 10);
  hs_gc_collect (vm, 2);
  base = vm->live_count;
  hs_gc_set_enabled (vm, FALSE);
  g_assert_false (hs_gc_is_enabled (vm));
  for (int i = 0; i < 1000; i++)
    make_list_pair (vm);
  g_assert_cmpuint (vm->live_count, ==, base + 2000);
  g_assert_cmpuint (hs_gc_collect (vm, 0), ==, 2000);
  hs_gc_set_enabled (vm, TRUE);
  hs_vm_free (vm);
}

/* Generation 0 only sees objects allocated since the last collection. */
static void
test_generations (void)
{
  HsVM *vm = new_vm ();
  HsObject *a = hs_list_new (vm, 0), *b = hs_list_new (vm, 0);

  hs_gc_set_enabled (vm, FALSE);
  hs_list_append (vm, a, b);
  hs_list_append (vm, b, a);
  g_assert_cmpuint (hs_gc_collect (vm, 0), ==, 0); /* a, b survive into generation 1 */
  hs_decref (vm, a);
  hs_decref (vm, b);
  g_assert_cmpuint (hs_gc_collect (vm, 0), ==, 0); /* old cycle: not in generation 0 */
  g_assert_cmpuint (hs_gc_collect (vm, 1), ==, 2);
  hs_vm_free (vm);
}

static void
test_check_heap (void)
{
  HsVM *vm = new_vm ();
  HsObject *m = hs_import_module (vm, "math");
  g_assert_nonnull (m);
  make_list_pair (vm);
  g_assert_true (hs_gc_check_heap (vm));
  hs_decref (vm, m);
  hs_vm_free (vm);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/gc/cycle-of-two", test_cycle_of_two);
  g_test_add_func ("/core/gc/self-dict", test_self_dict);
  g_test_add_func ("/core/gc/reachable-survives", test_reachable_survives);
  g_test_add_func ("/core/gc/hook", test_hook);
  g_test_add_func ("/core/gc/automatic", test_automatic);
  g_test_add_func ("/core/gc/disabled", test_disabled);
  g_test_add_func ("/core/gc/generations", test_generations);
  g_test_add_func ("/core/gc/check-heap", test_check_heap);
  return g_test_run ();
}
