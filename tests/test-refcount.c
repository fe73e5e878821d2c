/* test-refcount.c — the memory model's promise: at every line step of every corpus
 * program, each mortal object's reference count equals the references that frames and
 * other objects hold to it, as their `refs` functions (the collector's and the
 * diagram's source of truth) report them. The only references not drawn are the VM's own
 * roots (the module's globals dict, the builtins dict, the exception being handled) and
 * the code objects' (their constants, and the parse tree's literals while the program
 * runs), which the diagram lists as hidden holders.
 */
#include <string.h>

#include "corpus-tests.h"
#include "hs-code.h"
#include "hs-frame.h"
#include "hs-object-private.h"

typedef struct
{
  GHashTable *counted; /* HsObject* -> references found */
} Census;

static void
count_ref (HsObject *child, const HsRef *ref, gpointer data)
{
  Census *c = data;
  if (child == NULL || hs_is_immortal (child))
    return;
  g_hash_table_insert (
      c->counted, child,
      GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (c->counted, child)) + 1));
}

static void
count_root (Census *c, HsObject *o)
{
  if (o != NULL)
    count_ref (o, NULL, c);
}

typedef struct
{
  int checked_steps;
  int mismatches;
  GString *report;
} Check;

static gboolean
check_step (HsVM *vm, HsStepEvent ev, HsFrame *f, int line, HsObject *arg, gpointer data)
{
  Check *check = data;
  Census c = { g_hash_table_new (NULL, NULL) };

  if (ev != HS_STEP_LINE || vm->eval_depth != 1)
    {
      g_hash_table_unref (c.counted);
      return TRUE;
    }
  for (HsObject *o = vm->live.next; o != &vm->live; o = o->next)
    hs_object_refs (o, count_ref, &c);
  for (HsFrame *fr = hs_vm_current_frame (vm); fr != NULL; fr = fr->back)
    hs_frame_refs (fr, count_ref, &c);
  count_root (&c, vm->globals);
  count_root (&c, vm->builtins);
  count_root (&c, vm->exc);
  count_root (&c, vm->last_exc);
  count_root (&c, vm->memory_exc);
  count_root (&c, vm->memory_exc_shared);
  count_root (&c, vm->stop_exc);
  count_root (&c, vm->exc_base.value);
  count_root (&c, vm->modules);
  count_root (&c, vm->main_module);
  count_root (&c, vm->sys_copy);
  /* the interpreter's own holders: weakref.finalize's registry, the objects whose __del__
   * runs or waits, the weak references whose callback waits */
  for (guint k = 0; k < 3; k++)
    {
      GPtrArray *held = k == 0   ? vm->finalize_registry
                        : k == 1 ? vm->del_pending
                                 : vm->wr_callbacks;
      for (guint i = 0; held != NULL && i < held->len; i++)
        count_root (&c, held->pdata[i]);
    }
  for (guint i = 0; i < vm->codes->len; i++)
    hs_code_refs (vm->codes->pdata[i], count_ref, &c);
  for (HsObject *o = vm->live.next; o != &vm->live; o = o->next)
    {
      gint64 found = (gint64)GPOINTER_TO_SIZE (g_hash_table_lookup (c.counted, o));
      if (hs_is_immortal (o) || o->refcount == found)
        continue;
      check->mismatches++;
      if (check->report->len < 2000)
        g_string_append_printf (check->report,
                                "line %d: %s #%" G_GUINT64_FORMAT " has count %" G_GINT64_FORMAT
                                " but %" G_GINT64_FORMAT " references were found\n",
                                line, hs_type_name (o), o->id, o->refcount, found);
    }
  check->checked_steps++;
  g_hash_table_unref (c.counted);
  return TRUE;
}

static const HsVMHooks check_hooks = { check_step, NULL, NULL, NULL };

static void
discard_output (const char *text, gsize len, gpointer data)
{
}

static void
test_program (gconstpointer data)
{
  const char *path = data;
  g_autofree char *src = NULL;
  gsize len;
  HsVMConfig config;
  g_autoptr (HsVM) vm = NULL;
  Check check = { 0, 0, g_string_new (NULL) };

  g_assert_true (g_file_get_contents (path, &src, &len, NULL));
  hs_vm_config_init (&config);
  config.max_line_steps = 200000;
  vm = hs_vm_new (&config);
  hs_vm_set_output (vm, discard_output, NULL);
  hs_vm_set_hooks (vm, &check_hooks, &check);
  hs_vm_run_source (vm, src, len, path);
  if (check.mismatches > 0)
    g_test_message ("%s", check.report->str);
  g_assert_cmpint (check.mismatches, ==, 0);
  g_string_free (check.report, TRUE);
}

/* A sample of hand-picked cases whose counts the diagram must get right. */
static void
test_count_values (void)
{
  static const char *const src = "a = [1, 2]\n"
                                 "b = a\n"
                                 "c = [a, a]\n"
                                 "for x in c:\n"
                                 "    pass\n"
                                 "del b\n";
  HsVMConfig config;
  g_autoptr (HsVM) vm = NULL;
  Check check = { 0, 0, g_string_new (NULL) };

  hs_vm_config_init (&config);
  vm = hs_vm_new (&config);
  hs_vm_set_hooks (vm, &check_hooks, &check);
  g_assert_cmpint (hs_vm_run_source (vm, src, strlen (src), "counts.py"), ==, HS_RUN_OK);
  g_assert_cmpint (check.checked_steps, >=, 7);
  g_assert_cmpint (check.mismatches, ==, 0);
  g_string_free (check.report, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  hs_runtime_init ();
  g_test_add_func ("/refcount/count-values", test_count_values);
  corpus_add_tests ("/refcount/corpus", test_program);
  return g_test_run ();
}
