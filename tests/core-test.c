/* core-test.c — the core's value tests' shared support (see core-test.h). */
#include "config.h"

#include <string.h>

#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-str.h"
#include "core-test.h"

HsVM *vm;

void
core_test_init (int *argc, char ***argv)
{
  g_test_init (argc, argv, NULL);
  vm = hs_vm_new (NULL);
}

/* Runs the added tests, then frees the VM (the sanitizer build checks it leaks nothing). */
int
core_test_run (void)
{
  int rc = g_test_run ();

  hs_vm_free (vm);
  return rc;
}

/* An int or float from literal text ("inf", "nan", "1e5" are floats; "None" is None). */
HsObject *
core_test_number (const char *lit)
{
  if (strcmp (lit, "None") == 0)
    return hs_None;
  if (strpbrk (lit, ".eEn") != NULL)
    return hs_float_from_str (vm, lit, strlen (lit));
  return hs_int_from_str (vm, lit, strlen (lit), 10);
}

/* repr of a result, or the "Type: message" line of the pending exception. */
char *
core_test_outcome (HsObject *result)
{
  char *text;

  if (result == NULL)
    {
      HsObject *exc;
      g_assert_true (hs_err_occurred (vm));
      exc = hs_err_fetch (vm);
      text = hs_exception_format_last_line (vm, exc);
      hs_decref (vm, exc);
      return text;
    }
  g_assert_false (hs_err_occurred (vm));
  {
    HsObject *r = hs_object_repr (vm, result);
    g_assert_nonnull (r);
    text = g_strdup (hs_str_utf8 (r));
    hs_decref (vm, r);
  }
  hs_decref (vm, result);
  return text;
}

void
core_test_check_binops (const BinopCase *cases, gsize n_cases)
{
  int failures = 0;

  for (gsize i = 0; i < n_cases; i++)
    {
      const BinopCase *c = &cases[i];
      HsObject *a = core_test_number (c->a), *b = core_test_number (c->b);
      g_autofree char *got = core_test_outcome (hs_number_binop (vm, c->op, a, b));
      if (strcmp (got, c->expected) != 0)
        {
          g_printerr ("(%s) op%d (%s): got %s, want %s\n", c->a, c->op, c->b, got, c->expected);
          failures++;
        }
      hs_decref (vm, a);
      hs_decref (vm, b);
    }
  g_assert_cmpint (failures, ==, 0);
}
