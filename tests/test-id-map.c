/* test-id-map.c — the replay state's id table (hs-id-map.h): what is inserted is found,
 * what is removed is gone and takes nothing else with it, whatever the pattern of ids
 * (runs, strides, ids colliding across the end of the table), checked against a GHashTable. */
#include "hs-id-map.h"

/* Inserts n ids of the pattern, removes every third, replaces every fifth, then checks
 * each id and the walk against a GHashTable doing the same. */
static void
check_pattern (guint64 first, guint64 stride, guint n)
{
  HsIdMap map;
  g_autoptr (GHashTable) ref = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree guint64 *ids = g_new (guint64, n);
  gsize pos = 0, walked = 0;
  gpointer value;

  hs_id_map_init (&map);
  for (guint i = 0; i < n; i++)
    {
      ids[i] = first + i * stride;
      hs_id_map_insert (&map, ids[i], GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (ref, &ids[i], GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < n; i += 3)
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (hs_id_map_remove (&map, ids[i])), ==, i + 1);
      g_assert_null (hs_id_map_remove (&map, ids[i]));
      g_hash_table_remove (ref, &ids[i]);
    }
  for (guint i = 0; i < n; i += 5)
    {
      hs_id_map_insert (&map, ids[i], GUINT_TO_POINTER (n + i + 1));
      g_hash_table_insert (ref, &ids[i], GUINT_TO_POINTER (n + i + 1));
    }
  g_assert_cmpuint (map.len, ==, g_hash_table_size (ref));
  for (guint i = 0; i < n; i++)
    g_assert_true (hs_id_map_lookup (&map, ids[i]) == g_hash_table_lookup (ref, &ids[i]));
  g_assert_null (hs_id_map_lookup (&map, first + n * stride));
  while (hs_id_map_next (&map, &pos, &value))
    walked++;
  g_assert_cmpuint (walked, ==, map.len);
  hs_id_map_clear (&map);
  g_assert_null (hs_id_map_lookup (&map, first));
}

static void
test_patterns (void)
{
  check_pattern (1, 1, 100000);        /* a run of allocation serials */
  check_pattern (7, 3, 50000);         /* every third object traced */
  check_pattern (64, 1024, 5000);      /* strides that share low bits */
  check_pattern (1ull << 40, 7, 3000); /* large ids, high bits folded in */
}

/* Tiny tables: entries pushed past the last slot wrap to the first, and a removal must
 * pull the wrapped ones back across the end. */
static void
test_wrap_around (void)
{
  for (guint64 first = 1; first < 64; first++)
    check_pattern (first, 16, 7);
  for (guint64 first = 1; first < 64; first++)
    check_pattern (first, 1, 7);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trace/id-map/patterns", test_patterns);
  g_test_add_func ("/trace/id-map/wrap-around", test_wrap_around);
  return g_test_run ();
}
