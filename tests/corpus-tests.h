/* corpus-tests.h — one test case per program of tests/programs, for the tests that check
 * a property of every corpus program (refcounts, trace counts). Header-only: each test
 * binary includes it once. */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <string.h>

static int
corpus_compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* Adds PREFIX/NAME for every tests/programs/NAME.py (found through HS_SOURCE_DIR), in name
 * order; each case gets the program's path as its data. HS_CORPUS_SHARD=K/N keeps the Kth
 * of every N programs (K from 1), so that N processes share a long corpus test. */
static void
corpus_add_tests (const char *prefix, GTestDataFunc test)
{
  const char *srcdir = g_getenv ("HS_SOURCE_DIR");
  const char *shard = g_getenv ("HS_CORPUS_SHARD");
  guint k = 1, n = 1;
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "tests", "programs", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (d);
  if (shard != NULL)
    g_assert_true (sscanf (shard, "%u/%u", &k, &n) == 2 && k >= 1 && k <= n);
  for (const char *n; (n = g_dir_read_name (d)) != NULL;)
    if (g_str_has_suffix (n, ".py"))
      g_ptr_array_add (names, g_strdup (n));
  g_ptr_array_sort (names, corpus_compare_names);
  for (guint i = k - 1; i < names->len; i += n)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (name, strlen (name) - 3);
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, stem);
      g_test_add_data_func_full (path, g_build_filename (dir, name, NULL), test, g_free);
    }
}
