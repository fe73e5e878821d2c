/* test-int.c — int and bool: small ints, big ints, parsing, hashing, conversions and
 * errors, against CPython 3.11's results (the operator tables are test-int-arith.c and
 * test-int-bitwise.c; floats are test-float.c).
 *
 * Every expected string below was produced by python3.11: a value's repr, or
 * "ExcType: message" when CPython raises.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-float.h"
#include "hs-int.h"
#include "hs-str.h"
#include "core-test.h"

typedef struct
{
  const char *text;
  gint64 expected;
} HashCase;

static const StrCase int_parse_cases[] = {
  { "123", 10, "123" },
  { " -12_3 ", 10, "-123" },
  { "1__2", 10, "ValueError: invalid literal for int() with base 10: '1__2'" },
  { "0x1f", 0, "31" },
  { "0x1f", 16, "31" },
  { "0b101", 0, "5" },
  { "0o17", 0, "15" },
  { "010", 0, "ValueError: invalid literal for int() with base 0: '010'" },
  { "0_0", 0, "0" },
  { "00", 0, "0" },
  { "z", 36, "35" },
  { "Z", 36, "35" },
  { "", 10, "ValueError: invalid literal for int() with base 10: ''" },
  { "  ", 10, "ValueError: invalid literal for int() with base 10: '  '" },
  { "1.5", 10, "ValueError: invalid literal for int() with base 10: '1.5'" },
  { "abc", 10, "ValueError: invalid literal for int() with base 10: 'abc'" },
  { "_1", 10, "ValueError: invalid literal for int() with base 10: '_1'" },
  { "1_", 10, "ValueError: invalid literal for int() with base 10: '1_'" },
  { "0x", 16, "ValueError: invalid literal for int() with base 16: '0x'" },
  { "0x_f", 16, "15" },
  { "+5", 10, "5" },
  { "-0", 10, "0" },
  { "99999999999999999999999", 10, "99999999999999999999999" },
  { "-99999999999999999999999", 10, "-99999999999999999999999" },
  { "ffffffffffffffffffff", 16, "1208925819614629174706175" },
  { "12", 1, "ValueError: int() base must be >= 2 and <= 36, or 0" },
  { "12", 37, "ValueError: int() base must be >= 2 and <= 36, or 0" },
  { "	42\n", 10, "42" },
};
static const HashCase int_hash_cases[] = {
  { "0", G_GINT64_CONSTANT (0) },
  { "1", G_GINT64_CONSTANT (1) },
  { "-1", G_GINT64_CONSTANT (-2) },
  { "-2", G_GINT64_CONSTANT (-2) },
  { "2305843009213693951", G_GINT64_CONSTANT (0) },
  { "2305843009213693952", G_GINT64_CONSTANT (1) },
  { "4611686018427387904", G_GINT64_CONSTANT (2) },
  { "-9223372036854775808", G_GINT64_CONSTANT (-4) },
  { "18446744073709551616", G_GINT64_CONSTANT (8) },
  { "-1267650600228229401496703205376", G_GINT64_CONSTANT (-549755813888) },
  { "1000000000000000000000000000000", G_GINT64_CONSTANT (465258685558744706) },
  { "9223372036854775807", G_GINT64_CONSTANT (3) },
  { "12345678901234567890123", G_GINT64_CONSTANT (195429904450476469) },
};

static void
test_small_ints_shared (void)
{
  HsObject *a = hs_int_from_i64 (vm, 256), *b = hs_int_from_i64 (vm, 256);
  HsObject *c = hs_int_from_i64 (vm, 257), *d = hs_int_from_i64 (vm, 257);
  g_assert_true (a == b);
  g_assert_true (hs_is_immortal (a));
  g_assert_true (c != d);
  g_assert_false (hs_is_immortal (c));
  g_assert_true (hs_int_from_i64 (vm, -5) == hs_int_from_i64 (vm, -5));
  g_assert_true (hs_int_from_i64 (vm, -6) != NULL);
  hs_decref (vm, c);
  hs_decref (vm, d);
}

static void
test_overflow_and_back (void)
{
  HsObject *max = hs_int_from_i64 (vm, G_MAXINT64), *one = hs_int_from_i64 (vm, 1);
  HsObject *big = hs_number_binop (vm, HS_BIN_ADD, max, one);
  HsObject *back = hs_number_binop (vm, HS_BIN_SUB, big, one);
  gint64 v;

  g_assert_false (hs_int_is_small (big));
  g_assert_false (hs_int_as_i64 (big, &v));
  g_assert_true (hs_int_is_small (back));
  g_assert_true (hs_int_as_i64 (back, &v));
  g_assert_cmpint (v, ==, G_MAXINT64);
  hs_decref (vm, big);
  hs_decref (vm, back);
  hs_decref (vm, max);
}

static void
test_parse (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (int_parse_cases); i++)
    {
      const StrCase *c = &int_parse_cases[i];
      g_autofree char *got
          = core_test_outcome (hs_int_from_str (vm, c->text, strlen (c->text), c->base));
      if (strcmp (got, c->expected) != 0)
        g_error ("int(%s, %d): got %s, want %s", c->text, c->base, got, c->expected);
    }
}

static void
test_str_digit_limit (void)
{
  g_autofree char *d4300 = g_strnfill (4300, '9');
  g_autofree char *d4301 = g_strnfill (4301, '9');
  HsObject *ok = hs_int_from_str (vm, d4300, 4300, 10);
  HsObject *s, *bigger, *ten = hs_int_from_i64 (vm, 10);
  g_autofree char *err = NULL;

  g_assert_nonnull (ok);
  s = hs_int_to_str (vm, ok);
  g_assert_cmpstr (hs_str_utf8 (s), ==, d4300);
  hs_decref (vm, s);
  err = core_test_outcome (hs_int_from_str (vm, d4301, 4301, 10));
  g_assert_cmpstr (err, ==,
                   "ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
                   "value has 4301 digits; use sys.set_int_max_str_digits() to increase the "
                   "limit");
  bigger = hs_number_binop (vm, HS_BIN_MUL, ok, ten);
  g_clear_pointer (&err, g_free);
  err = core_test_outcome (hs_int_to_str (vm, bigger));
  g_assert_cmpstr (err, ==,
                   "ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
                   "use sys.set_int_max_str_digits() to increase the limit");
  hs_decref (vm, bigger);
  hs_decref (vm, ok);
}

static void
test_hash (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (int_hash_cases); i++)
    {
      HsObject *o = core_test_number (int_hash_cases[i].text);
      gint64 h;
      g_assert_cmpint (hs_object_hash (vm, o, &h), ==, 0);
      g_assert_cmpint (h, ==, int_hash_cases[i].expected);
      hs_decref (vm, o);
    }
}

static void
test_compare_mixed (void)
{
  HsObject *big = core_test_number ("9007199254740993"); /* 2**53 + 1: not a double */
  HsObject *f = hs_float_new (vm, 9007199254740992.0);
  HsObject *nan = hs_float_new (vm, NAN);

  g_assert_cmpint (hs_object_richcompare_bool (vm, big, f, HS_CMP_EQ), ==, 0);
  g_assert_cmpint (hs_object_richcompare_bool (vm, big, f, HS_CMP_GT), ==, 1);
  g_assert_cmpint (hs_object_richcompare_bool (vm, f, big, HS_CMP_LT), ==, 1);
  g_assert_cmpint (hs_object_richcompare_bool (vm, big, nan, HS_CMP_NE), ==, 1);
  g_assert_cmpint (hs_object_richcompare_bool (vm, big, nan, HS_CMP_LT), ==, 0);
  hs_decref (vm, big);
  hs_decref (vm, f);
  hs_decref (vm, nan);
}

static void
test_bool (void)
{
  g_autofree char *s1 = core_test_outcome (hs_number_binop (vm, HS_BIN_ADD, hs_True, hs_True));
  g_autofree char *s2 = core_test_outcome (hs_number_binop (vm, HS_BIN_AND, hs_True, hs_False));
  g_autofree char *s3
      = core_test_outcome (hs_number_binop (vm, HS_BIN_OR, hs_True, hs_int_from_i64 (vm, 1)));
  g_autofree char *s4 = core_test_outcome (hs_number_unaryop (vm, HS_UNARY_INVERT, hs_True));
  g_autofree char *s5
      = core_test_outcome (hs_number_binop (vm, HS_BIN_TRUEDIV, hs_True, hs_int_from_i64 (vm, 2)));
  g_assert_cmpstr (s1, ==, "2");
  g_assert_cmpstr (s2, ==, "False");
  g_assert_cmpstr (s3, ==, "1");
  g_assert_cmpstr (s4, ==, "-2");
  g_assert_cmpstr (s5, ==, "0.5");
  g_assert_true (hs_bool_from (TRUE) == hs_True);
  g_assert_true (HS_ISINSTANCE (hs_True, &hs_int_type));
}

static void
test_divmod_and_pow (void)
{
  HsObject *a = core_test_number ("-1000000000000000000000000000000"), *b = core_test_number ("7");
  HsObject *m = core_test_number ("-7"), *two = core_test_number ("2"),
           *hundred = core_test_number ("100");
  g_autofree char *d1 = core_test_outcome (hs_number_divmod (vm, a, b));
  g_autofree char *d2 = core_test_outcome (hs_number_divmod (vm, core_test_number ("-7.5"), two));
  g_autofree char *d3 = core_test_outcome (hs_number_divmod (vm, b, core_test_number ("0")));
  g_autofree char *d4
      = core_test_outcome (hs_number_divmod (vm, core_test_number ("1.0"), core_test_number ("0")));
  g_autofree char *p1 = core_test_outcome (hs_number_pow (vm, two, hundred, b));
  g_autofree char *p2
      = core_test_outcome (hs_number_pow (vm, core_test_number ("3"), core_test_number ("-1"), b));
  g_autofree char *p3 = core_test_outcome (hs_number_pow (vm, two, hundred, m));
  g_assert_cmpstr (d1, ==, "(-142857142857142857142857142858, 6)");
  g_assert_cmpstr (d2, ==, "(-4.0, 0.5)");
  g_assert_cmpstr (d3, ==, "ZeroDivisionError: integer division or modulo by zero");
  g_assert_cmpstr (d4, ==, "ZeroDivisionError: float divmod()");
  g_assert_cmpstr (p1, ==, "2");
  g_assert_cmpstr (p2, ==, "5");
  g_assert_cmpstr (p3, ==, "-5");
  hs_decref (vm, a);
}

static void
test_huge_fails_fast (void)
{
  HsObject *two = core_test_number ("2"), *e = core_test_number ("10000000000"),
           *big = core_test_number ("100000000000000000000");
  g_autofree char *r1 = core_test_outcome (hs_number_binop (vm, HS_BIN_POW, two, e));
  g_autofree char *r2 = core_test_outcome (hs_number_binop (vm, HS_BIN_LSHIFT, two, big));
  g_autofree char *r3 = core_test_outcome (hs_number_binop (vm, HS_BIN_LSHIFT, two, e));
  g_assert_cmpstr (r1, ==, "MemoryError");
  g_assert_cmpstr (r2, ==, "OverflowError: too many digits in integer");
  g_assert_cmpstr (r3, ==, "MemoryError");
  hs_decref (vm, e);
  hs_decref (vm, big);
}

static void
test_construct (void)
{
  HsObject *args[2];
  HsObject *s = hs_str_from_cstr (vm, " 0x1F ");
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL, *r5 = NULL, *r6 = NULL;

  args[0] = s;
  args[1] = core_test_number ("0");
  r1 = core_test_outcome (hs_object_call (vm, (HsObject *)&hs_int_type, args, 2, NULL));
  args[0] = hs_float_new (vm, -3.9);
  r2 = core_test_outcome (hs_object_call (vm, (HsObject *)&hs_int_type, args, 1, NULL));
  args[1] = core_test_number ("2");
  r3 = core_test_outcome (hs_object_call (vm, (HsObject *)&hs_int_type, args, 2, NULL));
  r4 = core_test_outcome (hs_object_call (vm, (HsObject *)&hs_float_type, &s, 1, NULL));
  r5 = core_test_outcome (hs_object_call (vm, (HsObject *)&hs_bool_type, args, 1, NULL));
  args[0] = hs_float_new (vm, INFINITY);
  r6 = core_test_outcome (hs_object_call (vm, (HsObject *)&hs_int_type, args, 1, NULL));
  g_assert_cmpstr (r1, ==, "31");
  g_assert_cmpstr (r2, ==, "-3");
  g_assert_cmpstr (r3, ==, "TypeError: int() can't convert non-string with explicit base");
  g_assert_cmpstr (r4, ==, "ValueError: could not convert string to float: ' 0x1F '");
  g_assert_cmpstr (r5, ==, "True");
  g_assert_cmpstr (r6, ==, "OverflowError: cannot convert float infinity to integer");
  hs_decref (vm, s);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/core/int/small-ints-shared", test_small_ints_shared);
  g_test_add_func ("/core/int/add-overflow", test_overflow_and_back);
  g_test_add_func ("/core/int/parse", test_parse);
  g_test_add_func ("/core/int/str-digit-limit", test_str_digit_limit);
  g_test_add_func ("/core/int/hash", test_hash);
  g_test_add_func ("/core/int/compare-float-exact", test_compare_mixed);
  g_test_add_func ("/core/int/bool", test_bool);
  g_test_add_func ("/core/int/divmod-pow", test_divmod_and_pow);
  g_test_add_func ("/core/int/huge-fails-fast", test_huge_fails_fast);
  g_test_add_func ("/core/int/construct", test_construct);
  return core_test_run ();
}
