/* test-set.c — set and frozenset: CPython's slot order (hence printed order), the set
 * algebra's operand choices, frozenset hashes, errors and reference counts.
 *
 * Expected values were produced by python3 (3.11) on the same operations.
 */
#include "config.h"

#include <string.h>

#include "hs-error.h"
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

static HsObject *
set_of (HsVM *vm, const gint64 *v, gsize n)
{
  HsObject *s = hs_set_new (vm);
  for (gsize i = 0; i < n; i++)
    {
      HsObject *k = hs_int_from_i64 (vm, v[i]);
      g_assert_cmpint (hs_set_add (vm, s, k), ==, 0);
      hs_decref (vm, k);
    }
  return s;
}

/* repr of obj as a C string (obj borrowed). */
static char *
repr_of (HsVM *vm, HsObject *obj)
{
  HsObject *r = hs_object_repr (vm, obj);
  char *s;
  g_assert_nonnull (r);
  s = g_strdup (hs_str_utf8 (r));
  hs_decref (vm, r);
  return s;
}

static void
assert_repr_take (HsVM *vm, HsObject *obj, const char *expected)
{
  char *s;
  g_assert_nonnull (obj);
  s = repr_of (vm, obj);
  g_assert_cmpstr (s, ==, expected);
  g_free (s);
  hs_decref (vm, obj);
}

static void
test_order_ints (void)
{
  static const gint64 keys[] = {
    3, 1, 2, 100, 33, -7, 64, 8, 16, 1000, G_GINT64_CONSTANT (1) << 40, -1, -2, 0, 9, 17, 25
  };
  HsVM *vm = new_vm ();
  assert_repr_take (vm, set_of (vm, keys, G_N_ELEMENTS (keys)),
                    "{64, 1, 2, 3, 100, 33, 1099511627776, 0, 8, 1000, 9, 16, 17, -2, 25, -7, -1}");
  hs_vm_free (vm);
}

/* 3.11 reuses the LAST dummy slot met while probing, not the first. */
static void
test_dummy_reuse (void)
{
  HsVM *vm = new_vm ();
  HsObject *s = hs_set_new (vm), *k;

  for (gint64 i = 1; i < 20; i++)
    {
      k = hs_int_from_i64 (vm, i);
      hs_set_add (vm, s, k);
      hs_decref (vm, k);
    }
  for (gint64 i = 2; i < 20; i++)
    {
      k = hs_int_from_i64 (vm, i);
      g_assert_cmpint (hs_set_discard (vm, s, k), ==, 1);
      hs_decref (vm, k);
    }
  for (gint64 v = 0; v <= 128; v += 128)
    {
      k = hs_int_from_i64 (vm, v);
      hs_set_add (vm, s, k);
      hs_decref (vm, k);
    }
  {
    char *r = repr_of (vm, s);
    g_assert_cmpstr (r, ==, "{0, 1, 128}");
    g_free (r);
  }
  for (gint64 v = 0; v <= 128; v += 128)
    {
      k = hs_int_from_i64 (vm, v);
      hs_set_discard (vm, s, k);
      hs_decref (vm, k);
    }
  k = hs_int_from_i64 (vm, 256);
  hs_set_add (vm, s, k);
  hs_decref (vm, k);
  assert_repr_take (vm, s, "{1, 256}");
  hs_vm_free (vm);
}

static void
test_repr (void)
{
  static const gint64 one[] = { 1 };
  HsVM *vm = new_vm ();
  HsObject *s = set_of (vm, one, 1);

  assert_repr_take (vm, hs_set_new (vm), "set()");
  assert_repr_take (vm, hs_frozenset_from_iterable (vm, NULL), "frozenset()");
  assert_repr_take (vm, hs_frozenset_from_iterable (vm, s), "frozenset({1})");
  assert_repr_take (vm, s, "{1}");
  hs_vm_free (vm);
}

static void
test_algebra (void)
{
  static const gint64 av[] = { 1, 2, 3, 100, 40 }, bv[] = { 3, 4, 100, 7, 77 };
  HsVM *vm = new_vm ();
  HsObject *a = set_of (vm, av, 5), *b = set_of (vm, bv, 5);

  assert_repr_take (vm, hs_number_binop (vm, HS_BIN_OR, a, b), "{1, 2, 3, 100, 4, 7, 40, 77}");
  assert_repr_take (vm, hs_number_binop (vm, HS_BIN_AND, a, b), "{3, 100}");
  assert_repr_take (vm, hs_number_binop (vm, HS_BIN_SUB, a, b), "{40, 1, 2}");
  assert_repr_take (vm, hs_number_binop (vm, HS_BIN_SUB, b, a), "{4, 77, 7}");
  assert_repr_take (vm, hs_number_binop (vm, HS_BIN_XOR, a, b), "{1, 2, 4, 7, 40, 77}");
  g_assert_cmpint (hs_object_richcompare_bool (vm, a, b, HS_CMP_EQ), ==, 0);
  g_assert_cmpint (hs_object_richcompare_bool (vm, a, a, HS_CMP_LE), ==, 1);
  g_assert_cmpint (hs_object_richcompare_bool (vm, a, a, HS_CMP_LT), ==, 0);
  hs_decref (vm, a);
  hs_decref (vm, b);
  hs_vm_free (vm);
}

static void
test_frozenset_hash (void)
{
  static const gint64 v[] = { 1, 2 };
  HsVM *vm = new_vm ();
  HsObject *s = set_of (vm, v, 2), *f = hs_frozenset_from_iterable (vm, s);
  HsObject *e = hs_frozenset_from_iterable (vm, NULL);
  HsObject *r = hs_object_call (vm, (HsObject *)&hs_range_type,
                                (HsObject *[]){ hs_int_from_i64 (vm, 100) }, 1, NULL);
  HsObject *big = hs_frozenset_from_iterable (vm, r);
  gint64 h;

  g_assert_cmpint (hs_object_hash (vm, f, &h), ==, 0);
  g_assert_cmpint (h, ==, G_GINT64_CONSTANT (-1826646154956904602));
  g_assert_cmpint (hs_object_hash (vm, e, &h), ==, 0);
  g_assert_cmpint (h, ==, G_GINT64_CONSTANT (133146708735736));
  g_assert_cmpint (hs_object_hash (vm, big, &h), ==, 0);
  g_assert_cmpint (h, ==, G_GINT64_CONSTANT (4411996150312757951));
  g_assert_cmpint (hs_object_hash (vm, s, &h), ==, -1);
  g_assert_true (hs_err_matches (vm, &hs_exc_TypeError));
  hs_err_clear (vm);
  hs_decref (vm, s);
  hs_decref (vm, f);
  hs_decref (vm, e);
  hs_decref (vm, r);
  hs_decref (vm, big);
  hs_vm_free (vm);
}

static void
test_refcounts (void)
{
  HsVM *vm = new_vm ();
  HsObject *s = hs_set_new (vm);
  HsObject *l = hs_list_new (vm, 0);
  HsObject *key = hs_int_from_i64 (vm, 1000000);

  g_assert_cmpint (hs_set_add (vm, s, l), ==, -1); /* unhashable */
  g_assert_true (hs_err_matches (vm, &hs_exc_TypeError));
  hs_err_clear (vm);
  g_assert_cmpint (hs_set_add (vm, s, key), ==, 0);
  g_assert_cmpint (hs_set_add (vm, s, key), ==, 0);
  g_assert_cmpint (key->refcount, ==, 2);
  g_assert_cmpint (hs_set_len (s), ==, 1);
  g_assert_cmpint (hs_set_discard (vm, s, key), ==, 1);
  g_assert_cmpint (key->refcount, ==, 1);
  g_assert_cmpint (hs_set_discard (vm, s, key), ==, 0);
  hs_decref (vm, key);
  hs_decref (vm, l);
  hs_decref (vm, s);
  hs_vm_free (vm);
}

static void
test_sizeof (void)
{
  HsVM *vm = new_vm ();
  HsObject *s = hs_set_new (vm);
  g_assert_cmpuint (hs_set_sizeof (s), ==, 216);
  for (gint64 i = 0; i < 5; i++)
    {
      HsObject *k = hs_int_from_i64 (vm, i);
      hs_set_add (vm, s, k);
      hs_decref (vm, k);
    }
  g_assert_cmpuint (hs_set_sizeof (s), ==, 728);
  hs_decref (vm, s);
  hs_vm_free (vm);
}

static void
test_next (void)
{
  static const gint64 v[] = { 9, 1, 5 };
  HsVM *vm = new_vm ();
  HsObject *s = set_of (vm, v, 3), *key;
  gsize pos = 0;
  GString *seen = g_string_new (NULL);

  while (hs_set_next (s, &pos, &key))
    g_string_append_printf (seen, "%" G_GINT64_FORMAT ",", hs_int_small_value (key));
  g_assert_cmpstr (seen->str, ==, "9,5,1,");
  g_string_free (seen, TRUE);
  hs_decref (vm, s);
  hs_vm_free (vm);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/set/order-ints", test_order_ints);
  g_test_add_func ("/core/set/dummy-reuse", test_dummy_reuse);
  g_test_add_func ("/core/set/repr", test_repr);
  g_test_add_func ("/core/set/algebra", test_algebra);
  g_test_add_func ("/core/set/frozenset-hash", test_frozenset_hash);
  g_test_add_func ("/core/set/refcounts", test_refcounts);
  g_test_add_func ("/core/set/sizeof", test_sizeof);
  g_test_add_func ("/core/set/next", test_next);
  return g_test_run ();
}
