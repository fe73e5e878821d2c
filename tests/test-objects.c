/* test-objects.c — unit tests of the object machinery and the containers: list, tuple,
 * dict, range/slice, iterators, argument parsing, the heap cap and deep frees.
 *
 * Every test checks messages against CPython 3.11's and, where it builds temporary
 * objects, that the reference counts it can see come back to where they started.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm.h"

/* ---- helpers ------------------------------------------------------------------------- */

static HsObject *
I (HsVM *vm, gint64 v)
{
  return hs_int_from_i64 (vm, v);
}

static HsObject *
S (HsVM *vm, const char *s)
{
  return hs_str_new (vm, s, strlen (s));
}

/* repr(obj) as a C string; steals obj. */
static char *
repr_take (HsVM *vm, HsObject *obj)
{
  HsObject *r;
  char *s;

  g_assert_nonnull (obj);
  r = hs_object_repr (vm, obj);
  g_assert_nonnull (r);
  s = g_strdup (hs_str_utf8 (r));
  hs_decref (vm, r);
  hs_decref (vm, obj);
  return s;
}

static void
assert_repr (HsVM *vm, HsObject *obj_take, const char *expected)
{
  char *s = repr_take (vm, obj_take);
  g_assert_cmpstr (s, ==, expected);
  g_free (s);
}

/* "TypeError: message" for the current exception, which is cleared. */
static char *
error_text (HsVM *vm)
{
  HsObject *exc, *msg;
  char *s;

  g_assert_true (hs_err_occurred (vm));
  exc = hs_err_fetch (vm);
  msg = hs_object_str (vm, exc);
  s = g_strdup_printf ("%s: %s", hs_type_name (exc), hs_str_utf8 (msg));
  hs_decref (vm, msg);
  hs_decref (vm, exc);
  return s;
}

static void
assert_error (HsVM *vm, const char *expected)
{
  char *s = error_text (vm);
  g_assert_cmpstr (s, ==, expected);
  g_free (s);
}

static HsObject *
call_method (HsVM *vm, HsObject *self, const char *name, HsObject **args, gsize nargs,
             HsObject *kwnames)
{
  HsObject *m = hs_object_getattr_cstr (vm, self, name), *r;
  g_assert_nonnull (m);
  r = hs_object_call (vm, m, args, nargs, kwnames);
  hs_decref (vm, m);
  return r;
}

static HsObject *
list_of_ints (HsVM *vm, const gint64 *v, gsize n)
{
  HsObject *l = hs_list_new (vm, 0);
  for (gsize i = 0; i < n; i++)
    hs_list_append_take (vm, l, I (vm, v[i]));
  return l;
}

static HsObject *
slice3 (HsVM *vm, HsObject *a, HsObject *b, HsObject *c)
{
  HsObject *s = hs_slice_new (vm, a, b, c);
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  hs_xdecref (vm, c);
  return s;
}

static HsVM *
new_vm (void)
{
  HsVM *vm = hs_vm_new (NULL);
  g_assert_nonnull (vm);
  return vm;
}

/* ---- list ----------------------------------------------------------------------------- */

static void
test_list_basics (void)
{
  HsVM *vm = new_vm ();
  gint64 v[] = { 1, 2, 3 };
  HsObject *l = list_of_ints (vm, v, 3), *k, *r;

  k = I (vm, -1);
  r = hs_object_getitem (vm, l, k);
  g_assert_cmpint (hs_int_small_value (r), ==, 3);
  hs_decref (vm, r);
  hs_decref (vm, k);

  k = I (vm, 3);
  g_assert_null (hs_object_getitem (vm, l, k));
  assert_error (vm, "IndexError: list index out of range");
  g_assert_cmpint (hs_object_setitem (vm, l, k, k), ==, -1);
  assert_error (vm, "IndexError: list assignment index out of range");
  hs_decref (vm, k);

  k = hs_float_new (vm, 1.0);
  g_assert_null (hs_object_getitem (vm, l, k));
  assert_error (vm, "TypeError: list indices must be integers or slices, not float");
  hs_decref (vm, k);

  r = call_method (vm, l, "pop", NULL, 0, NULL);
  g_assert_cmpint (hs_int_small_value (r), ==, 3);
  hs_decref (vm, r);
  assert_repr (vm, hs_incref (l), "[1, 2]");

  r = call_method (vm, l, "append", NULL, 0, NULL);
  g_assert_null (r);
  assert_error (vm, "TypeError: list.append() takes exactly one argument (0 given)");
  {
    HsObject *args[2] = { hs_None, hs_None };
    g_assert_null (call_method (vm, l, "pop", args, 2, NULL));
    assert_error (vm, "TypeError: pop expected at most 1 argument, got 2");
    g_assert_null (call_method (vm, l, "insert", args, 1, NULL));
    assert_error (vm, "TypeError: insert expected 2 arguments, got 1");
    g_assert_null (call_method (vm, l, "clear", args, 1, NULL));
    assert_error (vm, "TypeError: list.clear() takes no arguments (1 given)");
    g_assert_null (call_method (vm, l, "sort", args, 1, NULL));
    assert_error (vm, "TypeError: sort() takes no positional arguments");
    HsObject *kw = hs_tuple_pack (vm, 1, hs_str_intern_cstr ("x"));
    g_assert_null (call_method (vm, l, "sort", args, 0, kw));
    assert_error (vm, "TypeError: 'x' is an invalid keyword argument for sort()");
    g_assert_null (call_method (vm, l, "append", args, 0, kw));
    assert_error (vm, "TypeError: list.append() takes no keyword arguments");
    hs_decref (vm, kw);
  }
  k = I (vm, 7);
  g_assert_null (call_method (vm, l, "index", &k, 1, NULL));
  assert_error (vm, "ValueError: 7 is not in list");
  g_assert_null (call_method (vm, l, "remove", &k, 1, NULL));
  assert_error (vm, "ValueError: list.remove(x): x not in list");
  hs_decref (vm, k);

  r = hs_object_getattr_cstr (vm, l, "foo");
  g_assert_null (r);
  assert_error (vm, "AttributeError: 'list' object has no attribute 'foo'");
  g_assert_cmpint (l->refcount, ==, 1);
  hs_decref (vm, l);
  hs_vm_free (vm);
}

static void
test_list_slicing (void)
{
  HsVM *vm = new_vm ();
  gint64 v[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  HsObject *l = list_of_ints (vm, v, 10), *s, *r;

  s = slice3 (vm, I (vm, 1), I (vm, 8), I (vm, 3));
  assert_repr (vm, hs_object_getitem (vm, l, s), "[1, 4, 7]");
  hs_decref (vm, s);
  s = slice3 (vm, NULL, NULL, I (vm, -2));
  assert_repr (vm, hs_object_getitem (vm, l, s), "[9, 7, 5, 3, 1]");
  /* l[::-2] = [1] is a size error */
  r = hs_list_new (vm, 0);
  hs_list_append_take (vm, r, I (vm, 1));
  g_assert_cmpint (hs_object_setitem (vm, l, s, r), ==, -1);
  assert_error (vm, "ValueError: attempt to assign sequence of size 1 to extended slice of size 5");
  hs_decref (vm, r);
  /* del l[::-2] */
  g_assert_cmpint (hs_object_delitem (vm, l, s), ==, 0);
  assert_repr (vm, hs_incref (l), "[0, 2, 4, 6, 8]");
  hs_decref (vm, s);
  /* l[1:3] = l  (self-assignment copies first) */
  s = slice3 (vm, I (vm, 1), I (vm, 3), NULL);
  g_assert_cmpint (hs_object_setitem (vm, l, s, l), ==, 0);
  assert_repr (vm, hs_incref (l), "[0, 0, 2, 4, 6, 8, 6, 8]");
  g_assert_cmpint (hs_object_setitem (vm, l, s, hs_None), ==, -1);
  assert_error (vm, "TypeError: can only assign an iterable");
  hs_decref (vm, s);
  /* l[5:1] = (9,) inserts at 5 */
  s = slice3 (vm, I (vm, 5), I (vm, 1), NULL);
  r = hs_tuple_pack (vm, 1, hs_int_from_i64 (vm, 9));
  g_assert_cmpint (hs_object_setitem (vm, l, s, r), ==, 0);
  assert_repr (vm, hs_incref (l), "[0, 0, 2, 4, 6, 9, 8, 6, 8]");
  hs_decref (vm, r);
  hs_decref (vm, s);
  /* zero step */
  s = slice3 (vm, NULL, NULL, I (vm, 0));
  g_assert_null (hs_object_getitem (vm, l, s));
  assert_error (vm, "ValueError: slice step cannot be zero");
  assert_repr (vm, s, "slice(None, None, 0)");
  hs_decref (vm, l);
  hs_vm_free (vm);
}

/* key=lambda t: t[0] */
static HsObject *
first_item (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_incref (hs_tuple_get_borrow (args[0], 0));
}

static const HsMethodDef first_item_def = { "first", first_item };

static void
test_list_sort (void)
{
  HsVM *vm = new_vm ();
  HsObject *l = hs_list_new (vm, 0), *key, *kw, *args[2];
  const char *names = "abcdefghijklmnopqrstuvwxyz";

  /* 26 pairs (i % 3, letter): sorting by the first item must keep letters in order. */
  for (int i = 0; i < 26; i++)
    {
      HsObject *a = I (vm, (i * 7) % 3), *b = hs_str_new (vm, names + i, 1);
      hs_list_append_take (vm, l, hs_tuple_pack (vm, 2, a, b));
      hs_decref (vm, a);
      hs_decref (vm, b);
    }
  key = hs_cfunction_new (vm, &first_item_def, NULL);
  kw = hs_tuple_pack (vm, 2, hs_str_intern_cstr ("key"), hs_str_intern_cstr ("reverse"));
  args[0] = key;
  args[1] = hs_True;
  g_assert_nonnull (call_method (vm, l, "sort", args, 0, kw));
  for (gsize i = 1; i < hs_list_len (l); i++)
    {
      HsObject *p = hs_list_get_borrow (l, i - 1), *q = hs_list_get_borrow (l, i);
      gint64 kp = hs_int_small_value (hs_tuple_get_borrow (p, 0));
      gint64 kq = hs_int_small_value (hs_tuple_get_borrow (q, 0));
      g_assert_cmpint (kp, >=, kq);
      if (kp == kq) /* stable even with reverse=True */
        g_assert_cmpint (strcmp (hs_str_utf8 (hs_tuple_get_borrow (p, 1)),
                                 hs_str_utf8 (hs_tuple_get_borrow (q, 1))),
                         <, 0);
    }
  g_assert_cmpint (key->refcount, ==, 1);
  hs_decref (vm, kw);
  hs_decref (vm, key);
  hs_decref (vm, l);

  /* a big shuffled list of ints sorts; [1, 'a'].sort() fails with CPython's message */
  l = hs_list_new (vm, 0);
  for (gint64 i = 0; i < 5000; i++)
    hs_list_append_take (vm, l, I (vm, (i * 7919) % 5000));
  g_assert_cmpint (hs_list_sort (vm, l, NULL, FALSE), ==, 0);
  for (gsize i = 0; i < 5000; i++)
    g_assert_cmpint (hs_int_small_value (hs_list_get_borrow (l, i)), ==, (gint64)i);
  hs_decref (vm, l);
  l = hs_list_new (vm, 0);
  hs_list_append_take (vm, l, I (vm, 1));
  hs_list_append_take (vm, l, S (vm, "a"));
  g_assert_cmpint (hs_list_sort (vm, l, NULL, FALSE), ==, -1);
  assert_error (vm, "TypeError: '<' not supported between instances of 'str' and 'int'");
  hs_decref (vm, l);
  hs_vm_free (vm);
}

static void
test_list_ops (void)
{
  HsVM *vm = new_vm ();
  gint64 v[] = { 1, 2 };
  HsObject *l = list_of_ints (vm, v, 2), *three = I (vm, 3), *t, *r;

  assert_repr (vm, hs_number_binop (vm, HS_BIN_MUL, l, three), "[1, 2, 1, 2, 1, 2]");
  assert_repr (vm, hs_number_binop (vm, HS_BIN_MUL, three, l), "[1, 2, 1, 2, 1, 2]");
  assert_repr (vm, hs_number_binop (vm, HS_BIN_ADD, l, l), "[1, 2, 1, 2]");
  t = hs_tuple_pack (vm, 1, three);
  g_assert_null (hs_number_binop (vm, HS_BIN_ADD, l, t));
  assert_error (vm, "TypeError: can only concatenate list (not \"tuple\") to list");
  g_assert_null (hs_number_binop (vm, HS_BIN_ADD, t, l));
  assert_error (vm, "TypeError: can only concatenate tuple (not \"list\") to tuple");
  r = hs_number_inplace (vm, HS_BIN_ADD, l, t);
  g_assert_true (r == l);
  hs_decref (vm, r);
  assert_repr (vm, hs_incref (l), "[1, 2, 3]");
  g_assert_null (hs_number_inplace (vm, HS_BIN_ADD, l, three));
  assert_error (vm, "TypeError: 'int' object is not iterable");
  g_assert_null (hs_number_binop (vm, HS_BIN_SUB, three, l));
  assert_error (vm, "TypeError: unsupported operand type(s) for -: 'int' and 'list'");
  g_assert_null (hs_number_inplace (vm, HS_BIN_SUB, l, three));
  assert_error (vm, "TypeError: unsupported operand type(s) for -=: 'list' and 'int'");
  g_assert_null (hs_number_unaryop (vm, HS_UNARY_NEG, l));
  assert_error (vm, "TypeError: bad operand type for unary -: 'list'");
  g_assert_null (hs_object_richcompare (vm, l, t, HS_CMP_LT));
  assert_error (vm, "TypeError: '<' not supported between instances of 'list' and 'tuple'");
  g_assert_cmpint (hs_object_richcompare_bool (vm, l, t, HS_CMP_EQ), ==, 0);
  {
    gint64 w[] = { 1, 2, 4 };
    HsObject *m = list_of_ints (vm, w, 3);
    g_assert_cmpint (hs_object_richcompare_bool (vm, l, m, HS_CMP_LT), ==, 1);
    g_assert_cmpint (hs_object_richcompare_bool (vm, m, l, HS_CMP_GE), ==, 1);
    hs_decref (vm, m);
  }
  {
    gint64 n;
    g_assert_cmpint (hs_object_hash (vm, l, &n), ==, -1);
    assert_error (vm, "TypeError: unhashable type: 'list'");
    g_assert_cmpint (hs_object_len (vm, three), ==, -1);
    assert_error (vm, "TypeError: object of type 'int' has no len()");
    g_assert_null (hs_object_getitem (vm, three, three));
    assert_error (vm, "TypeError: 'int' object is not subscriptable");
    g_assert_cmpint (hs_object_setitem (vm, t, three, three), ==, -1);
    assert_error (vm, "TypeError: 'tuple' object does not support item assignment");
    g_assert_null (hs_object_iter (vm, three));
    assert_error (vm, "TypeError: 'int' object is not iterable");
    g_assert_null (hs_object_call (vm, three, NULL, 0, NULL));
    assert_error (vm, "TypeError: 'int' object is not callable");
  }
  g_assert_cmpint (three->refcount, ==, 1); /* immortal small int: untouched */
  hs_decref (vm, t);
  g_assert_cmpint (l->refcount, ==, 1);
  hs_decref (vm, l);
  hs_vm_free (vm);
}

static void
test_list_repr_recursive (void)
{
  HsVM *vm = new_vm ();
  HsObject *l = hs_list_new (vm, 0), *d = hs_dict_new (vm), *k = S (vm, "a");

  hs_list_append_take (vm, l, I (vm, 1));
  hs_list_append (vm, l, l);
  assert_repr (vm, hs_incref (l), "[1, [...]]");
  hs_dict_set_item (vm, d, k, d);
  assert_repr (vm, hs_incref (d), "{'a': {...}}");
  /* break the cycles so everything is freed */
  hs_list_set_item (vm, l, 1, hs_None);
  g_assert_cmpint (l->refcount, ==, 1);
  hs_dict_del_item (vm, d, k);
  g_assert_cmpint (d->refcount, ==, 1);
  hs_decref (vm, k);
  hs_decref (vm, l);
  hs_decref (vm, d);
  hs_vm_free (vm);
}

/* ---- tuple ---------------------------------------------------------------------------- */

static void
test_tuple (void)
{
  HsVM *vm = new_vm ();
  HsObject *one = I (vm, 1), *two = I (vm, 2), *t, *u;
  gint64 h;

  g_assert_true (hs_tuple_new (vm, 0) == hs_tuple_empty ());
  g_assert_cmpint (hs_object_hash (vm, hs_tuple_empty (), &h), ==, 0);
  g_assert_cmpint (h, ==, G_GINT64_CONSTANT (5740354900026072187));
  t = hs_tuple_pack (vm, 2, one, two);
  g_assert_cmpint (hs_object_hash (vm, t, &h), ==, 0);
  g_assert_cmpint (h, ==, G_GINT64_CONSTANT (-3550055125485641917));
  assert_repr (vm, hs_tuple_pack (vm, 1, one), "(1,)");
  assert_repr (vm, hs_incref (t), "(1, 2)");
  u = hs_tuple_pack (vm, 1, t);
  assert_repr (vm, hs_number_binop (vm, HS_BIN_ADD, t, u), "(1, 2, (1, 2))");
  g_assert_cmpint (t->refcount, ==, 2);
  {
    HsObject *s = slice3 (vm, NULL, NULL, I (vm, -1));
    assert_repr (vm, hs_object_getitem (vm, t, s), "(2, 1)");
    hs_decref (vm, s);
  }
  g_assert_null (hs_object_getitem (vm, t, two));
  assert_error (vm, "IndexError: tuple index out of range");
  g_assert_null (call_method (vm, t, "index", &u, 1, NULL));
  assert_error (vm, "ValueError: tuple.index(x): x not in tuple");
  g_assert_cmpint (hs_object_richcompare_bool (vm, t, u, HS_CMP_LT), ==, -1);
  assert_error (vm, "TypeError: '<' not supported between instances of 'int' and 'tuple'");
  hs_decref (vm, u);
  g_assert_cmpint (t->refcount, ==, 1);
  hs_decref (vm, t);
  hs_vm_free (vm);
}

/* ---- dict ----------------------------------------------------------------------------- */

static void
test_dict_order (void)
{
  HsVM *vm = new_vm ();
  HsObject *d = hs_dict_new (vm), *keys[5];
  const char *names[] = { "ka", "kb", "kc", "kd", "ke" };

  for (int i = 0; i < 5; i++)
    {
      keys[i] = S (vm, names[i]);
      HsObject *v = I (vm, i);
      hs_dict_set_item (vm, d, keys[i], v);
      hs_decref (vm, v);
    }
  hs_dict_del_item (vm, d, keys[1]);
  hs_dict_del_item (vm, d, keys[3]);
  hs_dict_set_item (vm, d, keys[1], hs_None);
  hs_dict_set_item (vm, d, keys[0], hs_True); /* overwrite keeps the position */
  assert_repr (vm, hs_incref (d), "{'ka': True, 'kc': 2, 'ke': 4, 'kb': None}");
  assert_repr (vm, hs_dict_keys (vm, d), "dict_keys(['ka', 'kc', 'ke', 'kb'])");
  assert_repr (vm, hs_dict_items (vm, d),
               "dict_items([('ka', True), ('kc', 2), ('ke', 4), ('kb', None)])");
  g_assert_cmpint (hs_dict_del_item (vm, d, keys[3]), ==, -1);
  assert_error (vm, "KeyError: 'kd'");
  {
    HsObject *l = hs_list_new (vm, 0);
    g_assert_cmpint (hs_dict_set_item (vm, d, l, l), ==, -1);
    assert_error (vm, "TypeError: unhashable type: 'list'");
    hs_decref (vm, l);
  }
  {
    HsObject *r = call_method (vm, d, "popitem", NULL, 0, NULL);
    assert_repr (vm, r, "('kb', None)");
    HsObject *e = hs_dict_new (vm);
    g_assert_null (call_method (vm, e, "popitem", NULL, 0, NULL));
    assert_error (vm, "KeyError: 'popitem(): dictionary is empty'");
    g_assert_null (call_method (vm, e, "get", NULL, 0, NULL));
    assert_error (vm, "TypeError: get expected at least 1 argument, got 0");
    hs_decref (vm, e);
  }
  /* iteration while growing */
  {
    HsObject *it = hs_object_iter (vm, d), *k = hs_iter_next (vm, it), *z = S (vm, "z");
    hs_dict_set_item (vm, d, z, z);
    g_assert_null (hs_iter_next (vm, it));
    assert_error (vm, "RuntimeError: dictionary changed size during iteration");
    hs_decref (vm, z);
    hs_decref (vm, k);
    hs_decref (vm, it);
  }
  for (int i = 0; i < 5; i++)
    {
      g_assert_cmpint (keys[i]->refcount, ==, (i == 0 || i == 2 || i == 4) ? 2 : 1);
      hs_decref (vm, keys[i]);
    }
  g_assert_cmpint (d->refcount, ==, 1);
  hs_decref (vm, d);
  hs_vm_free (vm);
}

static void
test_dict_many (void)
{
  HsVM *vm = new_vm ();
  HsObject *d = hs_dict_new (vm);

  /* 20,000 int keys, delete the odd ones, check the rest and the order */
  for (gint64 i = 0; i < 20000; i++)
    {
      HsObject *k = I (vm, i * 1000003), *v = I (vm, i);
      g_assert_cmpint (hs_dict_set_item (vm, d, k, v), ==, 0);
      hs_decref (vm, k);
      hs_decref (vm, v);
    }
  for (gint64 i = 1; i < 20000; i += 2)
    {
      HsObject *k = I (vm, i * 1000003);
      g_assert_cmpint (hs_dict_del_item (vm, d, k), ==, 0);
      hs_decref (vm, k);
    }
  g_assert_cmpuint (hs_dict_len (d), ==, 10000);
  {
    gsize pos = 0;
    HsObject *k, *v;
    gint64 expect = 0;
    while (hs_dict_next (d, &pos, &k, &v))
      {
        g_assert_cmpint (hs_int_small_value (v), ==, expect);
        expect += 2;
      }
    g_assert_cmpint (expect, ==, 20000);
  }
  for (gint64 i = 0; i < 20000; i++)
    {
      HsObject *k = I (vm, i * 1000003);
      HsObject *v = hs_dict_get_item_borrow (vm, d, k);
      if (i % 2)
        g_assert_null (v);
      else
        g_assert_cmpint (hs_int_small_value (v), ==, i);
      hs_decref (vm, k);
    }
  {
    HsObject *c = hs_dict_copy (vm, d);
    g_assert_cmpint (hs_object_richcompare_bool (vm, c, d, HS_CMP_EQ), ==, 1);
    hs_decref (vm, c);
  }
  hs_decref (vm, d);
  hs_vm_free (vm);
}

/* ---- range, iterators ---------------------------------------------------------------- */

static void
test_range (void)
{
  HsVM *vm = new_vm ();
  HsObject *r = hs_range_new (vm, 0, 10, 3), *k, *s;

  assert_repr (vm, hs_incref (r), "range(0, 10, 3)");
  g_assert_cmpint (hs_object_len (vm, r), ==, 4);
  k = I (vm, 9);
  g_assert_cmpint (hs_object_contains (vm, r, k), ==, 1);
  hs_decref (vm, k);
  k = I (vm, 10);
  g_assert_cmpint (hs_object_contains (vm, r, k), ==, 0);
  g_assert_null (hs_object_getitem (vm, r, k));
  assert_error (vm, "IndexError: range object index out of range");
  hs_decref (vm, k);
  s = slice3 (vm, NULL, NULL, I (vm, -1));
  assert_repr (vm, hs_object_getitem (vm, r, s), "range(9, -3, -3)");
  hs_decref (vm, s);
  assert_repr (vm, hs_list_from_iterable (vm, r), "[0, 3, 6, 9]");
  {
    HsObject *rev = hs_reversed_new (vm, r);
    assert_repr (vm, hs_list_from_iterable (vm, rev), "[9, 6, 3, 0]");
    hs_decref (vm, rev);
  }
  {
    /* range(2 ** 64, 2 ** 65, 2 ** 60): a big range */
    HsObject *two = I (vm, 2), *e = I (vm, 64), *a = hs_number_binop (vm, HS_BIN_POW, two, e);
    HsObject *b = hs_number_binop (vm, HS_BIN_MUL, a, two), *args[3];
    hs_decref (vm, e);
    e = I (vm, 60);
    args[0] = a;
    args[1] = b;
    args[2] = hs_number_binop (vm, HS_BIN_POW, two, e);
    HsObject *big = hs_object_call (vm, (HsObject *)&hs_range_type, args, 3, NULL);
    g_assert_cmpint (hs_object_len (vm, big), ==, 16);
    g_assert_null (hs_object_getitem (vm, big, e));
    assert_error (vm, "IndexError: range object index out of range");
    {
      HsObject *three = I (vm, 3);
      assert_repr (vm, hs_object_getitem (vm, big, three), "21905508587530092544");
      hs_decref (vm, three);
    }
    assert_repr (vm, hs_incref (big),
                 "range(18446744073709551616, 36893488147419103232, 1152921504606846976)");
    hs_decref (vm, big);
    hs_decref (vm, args[2]);
    hs_decref (vm, a);
    hs_decref (vm, b);
    hs_decref (vm, e);
    hs_decref (vm, two);
  }
  g_assert_null (hs_range_new (vm, 1, 2, 0));
  assert_error (vm, "ValueError: range() arg 3 must not be zero");
  hs_decref (vm, r);
  {
    HsObject *args[3] = { NULL };
    args[0] = hs_float_new (vm, 1.5);
    g_assert_null (hs_object_call (vm, (HsObject *)&hs_range_type, args, 1, NULL));
    assert_error (vm, "TypeError: 'float' object cannot be interpreted as an integer");
    hs_decref (vm, args[0]);
    g_assert_null (hs_object_call (vm, (HsObject *)&hs_range_type, args, 0, NULL));
    assert_error (vm, "TypeError: range expected at least 1 argument, got 0");
  }
  hs_vm_free (vm);
}

typedef struct
{
  HsObject *target;
  int hits;
} FindRef;

static void
count_ref (HsObject *child, const HsRef *ref, gpointer data)
{
  FindRef *f = data;
  if (child == f->target)
    f->hits++;
}

static void
test_iterators (void)
{
  HsVM *vm = new_vm ();
  gint64 v[] = { 10, 20, 30 };
  HsObject *l = list_of_ints (vm, v, 3), *it, *x, *args[2];
  FindRef f = { l, 0 };

  it = hs_object_iter (vm, l);
  hs_object_refs (it, count_ref, &f);
  g_assert_cmpint (f.hits, ==, 1); /* the iterator points at its list */
  g_assert_cmpint (l->refcount, ==, 2);
  while ((x = hs_iter_next (vm, it)) != NULL)
    hs_decref (vm, x);
  g_assert_false (hs_err_occurred (vm));
  g_assert_cmpint (l->refcount, ==, 1); /* exhausted: reference dropped */
  hs_decref (vm, it);

  args[0] = l;
  args[1] = I (vm, 5);
  it = hs_object_call (vm, (HsObject *)&hs_enumerate_type, args, 2, NULL);
  assert_repr (vm, hs_list_from_iterable (vm, it), "[(5, 10), (6, 20), (7, 30)]");
  hs_decref (vm, it);
  args[1] = S (vm, "ab");
  it = hs_object_call (vm, (HsObject *)&hs_zip_type, args, 2, NULL);
  assert_repr (vm, hs_list_from_iterable (vm, it), "[(10, 'a'), (20, 'b')]");
  hs_decref (vm, it);
  it = hs_reversed_new (vm, args[1]);
  assert_repr (vm, hs_list_from_iterable (vm, it), "['b', 'a']");
  hs_decref (vm, it);
  hs_decref (vm, args[1]);
  g_assert_null (hs_reversed_new (vm, hs_None));
  assert_error (vm, "TypeError: 'NoneType' object is not reversible");
  g_assert_null (hs_object_call (vm, (HsObject *)&hs_enumerate_type, args, 0, NULL));
  assert_error (vm, "TypeError: enumerate() missing required argument 'iterable'");
  g_assert_cmpint (l->refcount, ==, 1);
  hs_decref (vm, l);
  hs_vm_free (vm);
}

static void
test_type_objects (void)
{
  HsVM *vm = new_vm ();
  HsObject *l = hs_list_new (vm, 0), *t;

  t = hs_object_call (vm, (HsObject *)&hs_type_type, &l, 1, NULL);
  g_assert_true (t == (HsObject *)&hs_list_type);
  assert_repr (vm, t, "<class 'list'>");
  assert_repr (vm, hs_incref (hs_None), "None");
  assert_repr (vm, hs_object_getattr_cstr (vm, (HsObject *)&hs_list_type, "append"),
               "<method 'append' of 'list' objects>");
  {
    char *s = repr_take (vm, hs_object_getattr_cstr (vm, (HsObject *)&hs_dict_type, "fromkeys"));
    g_assert_true (g_str_has_prefix (s, "<built-in method fromkeys of type object at 0x"));
    g_free (s);
    s = repr_take (vm, hs_object_getattr_cstr (vm, l, "append"));
    g_assert_true (g_str_has_prefix (s, "<built-in method append of list object at 0x"));
    g_free (s);
  }
  g_assert_null (hs_object_getattr_cstr (vm, (HsObject *)&hs_int_type, "x"));
  assert_error (vm, "AttributeError: type object 'int' has no attribute 'x'");
  hs_decref (vm, l);
  hs_vm_free (vm);
}

/* ---- memory -------------------------------------------------------------------------- */

static void
test_heap_cap (void)
{
  HsVMConfig config;
  HsVM *vm;
  HsObject *l, *n, *r;
  gsize bytes;

  hs_vm_config_init (&config);
  config.heap_limit_bytes = 64 * 1024 * 1024;
  vm = hs_vm_new (&config);
  l = hs_list_new (vm, 0);
  hs_list_append_take (vm, l, I (vm, 0));
  bytes = vm->heap_bytes;
  n = I (vm, 1000000000);
  r = hs_number_binop (vm, HS_BIN_MUL, l, n);
  g_assert_null (r);
  assert_error (vm, "MemoryError: ");
  hs_decref (vm, n);
  g_assert_cmpuint (vm->heap_bytes, ==, bytes);
  /* the VM still works after a MemoryError */
  n = I (vm, 1000);
  r = hs_number_binop (vm, HS_BIN_MUL, l, n);
  g_assert_nonnull (r);
  g_assert_cmpuint (hs_list_len (r), ==, 1000);
  hs_decref (vm, r);
  hs_decref (vm, n);
  hs_decref (vm, l);
  hs_vm_free (vm);
}

static void
test_deep_free (void)
{
  HsVM *vm = new_vm ();
  HsObject *head = hs_list_new (vm, 0);
  gsize live = vm->live_count;

  for (int i = 0; i < 1000000; i++)
    {
      HsObject *outer = hs_list_new (vm, 1);
      hs_list_append_take (vm, outer, head);
      head = outer;
    }
  g_assert_cmpuint (vm->live_count, ==, live + 1000000);
  hs_decref (vm, head);
  g_assert_cmpuint (vm->live_count, ==, live - 1);
  hs_vm_free (vm);
}

static void
test_dirty_ranges (void)
{
  HsVM *vm = new_vm ();
  HsObject *l = hs_list_new (vm, 0);
  const HsDirtyEntry *e;
  gsize n;

  vm->track_dirty = TRUE;
  hs_list_append_take (vm, l, I (vm, 1));
  hs_list_append_take (vm, l, I (vm, 2));
  e = hs_heap_dirty (vm, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (e[0].obj == l);
  g_assert_cmpuint (e[0].lo, ==, 0);
  g_assert_cmpuint (e[0].hi, ==, 2);
  hs_heap_dirty_reset (vm);
  hs_list_set_item (vm, l, 1, hs_None);
  e = hs_heap_dirty (vm, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (e[0].lo, ==, 1);
  hs_decref (vm, l);
  e = hs_heap_dirty (vm, &n);
  g_assert_null (e[0].obj); /* freed after being dirtied */
  hs_vm_free (vm);
}

/* ---- the refcount invariant ------------------------------------------------------------ */

static void
count_incoming (HsObject *child, const HsRef *ref, gpointer data)
{
  GHashTable *in = data;
  g_hash_table_insert (in, child,
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (in, child)) + 1));
}

/* Every mortal object allocated after `first_id` is referenced exactly as many times
 * as refs shows, plus `root_extra` for `root` (the test's own reference). */
static void
assert_counts_match_refs (HsVM *vm, guint64 first_id, HsObject *root, int root_extra)
{
  GHashTable *in = g_hash_table_new (NULL, NULL);
  int checked = 0;

  for (HsObject *o = vm->live.next; o != &vm->live; o = o->next)
    hs_object_refs (o, count_incoming, in);
  for (HsObject *o = vm->live.next; o != &vm->live; o = o->next)
    {
      gint64 expected;
      if (o->id < first_id || hs_is_immortal (o))
        continue;
      expected = GPOINTER_TO_INT (g_hash_table_lookup (in, o)) + (o == root ? root_extra : 0);
      g_assert_cmpint (o->refcount, ==, expected);
      checked++;
    }
  g_assert_cmpint (checked, >, 5);
  g_hash_table_unref (in);
}

static void
test_refcount_invariant (void)
{
  HsVM *vm = new_vm ();
  guint64 first = vm->next_id;
  HsObject *root = hs_list_new (vm, 0), *d = hs_dict_new (vm), *k = S (vm, "key1");
  HsObject *big = I (vm, 100000), *t, *it, *m, *view, *s;

  t = hs_tuple_pack (vm, 3, big, k, root); /* a cycle through the tuple */
  hs_dict_set_item (vm, d, k, t);
  hs_dict_set_item (vm, d, big, big);
  hs_list_append (vm, root, d);
  hs_list_append (vm, root, t);
  it = hs_object_iter (vm, root);
  m = hs_object_getattr_cstr (vm, root, "append"); /* bound method holds root */
  view = hs_dict_items (vm, d);
  hs_list_append_take (vm, root, it);
  hs_list_append_take (vm, root, m);
  hs_list_append_take (vm, root, view);
  s = slice3 (vm, hs_incref (big), NULL, NULL);
  hs_list_append_take (vm, root, s);
  hs_decref (vm, big);
  hs_decref (vm, k);
  hs_decref (vm, t);
  hs_decref (vm, d);
  assert_counts_match_refs (vm, first, root, 1);
  /* mutate: sort by repr-free operations, slices, pops, dict deletes */
  {
    HsObject *r = call_method (vm, root, "pop", NULL, 0, NULL);
    hs_decref (vm, r);
    r = call_method (vm, root, "copy", NULL, 0, NULL);
    hs_list_reverse (vm, r);
    hs_list_append_take (vm, root, r);
  }
  assert_counts_match_refs (vm, first, root, 1);
  /* break the cycles and free everything */
  {
    gsize live = vm->live_count;
    HsObject *l0 = hs_list_new (vm, 0);
    HsObject *sl = slice3 (vm, NULL, NULL, NULL);
    HsObject *all = hs_list_from_iterable (vm, root);
    g_assert_cmpint (hs_object_setitem (vm, root, sl, l0), ==, 0);
    for (gsize i = 0; i < hs_list_len (all); i++)
      if (HS_IS (hs_list_get_borrow (all, i), &hs_list_type))
        hs_list_reverse (vm, hs_list_get_borrow (all, i));
    hs_decref (vm, all);
    hs_decref (vm, sl);
    hs_decref (vm, l0);
    g_assert_cmpuint (vm->live_count, <, live);
  }
  /* the dict (and with it the tuple that pointed back at root) went with the copy */
  g_assert_cmpint (root->refcount, ==, 1);
  hs_decref (vm, root);
  for (HsObject *o = vm->live.next; o != &vm->live; o = o->next)
    g_assert_cmpuint (o->id, <, first); /* nothing made by this test is left */
  hs_vm_free (vm);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/objects/list/basics", test_list_basics);
  g_test_add_func ("/core/objects/list/slicing", test_list_slicing);
  g_test_add_func ("/core/objects/list/sort-stable-key", test_list_sort);
  g_test_add_func ("/core/objects/list/operators", test_list_ops);
  g_test_add_func ("/core/objects/repr-recursive", test_list_repr_recursive);
  g_test_add_func ("/core/objects/tuple", test_tuple);
  g_test_add_func ("/core/objects/dict/order-after-delete", test_dict_order);
  g_test_add_func ("/core/objects/dict/many-keys", test_dict_many);
  g_test_add_func ("/core/objects/range", test_range);
  g_test_add_func ("/core/objects/iterators", test_iterators);
  g_test_add_func ("/core/objects/types", test_type_objects);
  g_test_add_func ("/core/objects/heap-cap", test_heap_cap);
  g_test_add_func ("/core/objects/deep-free", test_deep_free);
  g_test_add_func ("/core/objects/dirty-ranges", test_dirty_ranges);
  g_test_add_func ("/core/objects/refcount-invariant", test_refcount_invariant);
  return g_test_run ();
}
