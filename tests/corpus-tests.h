/* corpus-tests.h — one test case per program of tests/programs, for the tests that check
 * a property of every corpus program (refcounts, trace counts). Header-only: each test
 * binary includes it once. */
#pragma once

#include <glib.h>
#include <string.h>

static int
corpus_compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* Adds PREFIX/NAME for every tests/programs/NAME.py (found through HS_SOURCE_DIR), in name
 * order; each case gets the program's path as its data. */
static void
corpus_add_tests (const char *prefix, GTestDataFunc test)
{
  const char *srcdir = g_getenv ("HS_SOURCE_DIR");
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "tests", "programs", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (d);
  for (const char *n; (n = g_dir_read_name (d)) != NULL;)
    if (g_str_has_suffix (n, ".py"))
      g_ptr_array_add (names, g_strdup (n));
  g_ptr_array_sort (names, corpus_compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (n, strlen (n) - 3);
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, stem);
      g_test_add_data_func_full (path, g_build_filename (dir, n, NULL), test, g_free);
    }
}
