/* hs-int.h — Python's int (arbitrary precision) and bool.
 *
 * Invariant: an int whose value fits a gint64 is stored in `small` with `big == NULL`;
 * only a value outside gint64 owns a GMP mpz in `big`. Every operation normalises its
 * result back to the small form when it fits, so "is it small?" is one pointer test and
 * the VM's fast paths (hs_int_is_small / hs_int_small_value) never see a small value in
 * GMP form. Ints -5..256 are process-wide immortal objects shared by every VM, as in
 * CPython; True and False are static immortal ints of type bool.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  gint64 small; /* the value when big == NULL */
  gpointer big; /* mpz_ptr (gmp.h kept out of this header), or NULL */
} HsInt;

#define HS_SMALL_INT_MIN (-5)
#define HS_SMALL_INT_MAX 256

/* 3.11's default sys.get_int_max_str_digits() */
#define HS_INT_MAX_STR_DIGITS 4300

extern HsInt hs_True_struct;
extern HsInt hs_False_struct;
#define hs_True ((HsObject *)&hs_True_struct)
#define hs_False ((HsObject *)&hs_False_struct)

static inline gboolean
hs_int_check (const HsObject *o) /* int or bool (or a subclass) */
{
  return hs_type_is_subtype (o->type, &hs_int_type);
}

static inline gboolean
hs_int_is_small (const HsObject *o) /* o is an int that fits a gint64 */
{
  return ((const HsInt *)o)->big == NULL;
}

static inline gint64
hs_int_small_value (const HsObject *o) /* only when hs_int_is_small */
{
  return ((const HsInt *)o)->small;
}

/* hash() of a small int, inline for the dict and set lookups (CPython's: the value modulo
 * 2**61 - 1 with its sign, -1 becoming -2); hs_int_hash gives the same. */
static inline gint64
hs_int_small_hash (const HsObject *o)
{
  gint64 v = hs_int_small_value (o);
  guint64 mod = (G_GUINT64_CONSTANT (1) << 61) - 1;
  guint64 m = v < 0 ? -(guint64)v : (guint64)v;
  gint64 h;

  if (m >= mod)
    m %= mod;
  h = v < 0 ? -(gint64)m : (gint64)m;
  return h == -1 ? -2 : h;
}

void hs_int_runtime_init (void);
/* GMP's allocations on this thread are counted in vm's heap (NULL: in none) until the
 * next call, which is given the VM this returns when vm's run ends; a block GMP returned
 * to us (mpz_get_str (NULL, ...), mpz_export (NULL, ...)) is freed with hs_int_gmp_free. */
HsVM *hs_int_charge_to (HsVM *vm);
void hs_int_gmp_free (gpointer block);

/* Constructors: new references (small values come from the immortal cache). */
HsObject *hs_int_from_i64 (HsVM *vm, gint64 v);
HsObject *hs_int_from_u64 (HsVM *vm, guint64 v);
/* int(s, base): whitespace, sign, underscores, base 0 prefixes, the 4300-digit limit;
 * ValueError "invalid literal for int() with base 10: 'abc'". */
HsObject *hs_int_from_str (HsVM *vm, const char *s, gsize len, int base);
/* Python literal text from the lexer ("0x_ff", "1_000", "0o17", "0"): base prefixes as
 * int(s, 0); the same 4300-digit ValueError for decimal (the compiler reports it). */
HsObject *hs_int_from_literal (HsVM *vm, const char *s, gsize len);
/* Takes the value of an mpz_ptr (clears it); normalised to the small form. */
HsObject *hs_int_from_mpz_take (HsVM *vm, gpointer mpz);
/* A new int with the value of an mpz_srcptr, which stays the caller's. */
HsObject *hs_int_from_mpz (HsVM *vm, gconstpointer mpz);
/* Sets the initialised mpz_ptr `out` to the value of the int (or bool) o. */
void hs_int_get_mpz (HsObject *o, gpointer out);
/* int(x) for a float: truncates; OverflowError for inf, ValueError for nan. */
HsObject *hs_int_from_double (HsVM *vm, double d);

/* Accessors. */
gboolean hs_int_as_i64 (HsObject *o, gint64 *out); /* FALSE if it does not fit */
/* An index for sequences: IndexError "cannot fit 'int' into an index-sized integer"
 * when it does not fit; -1 with the error set (check hs_err_occurred on -1). */
gssize hs_int_as_ssize_index (HsVM *vm, HsObject *o);
/* o.__index__() as a gint64, FALSE with OverflowError `overflow` when it does not fit (or
 * the TypeError of hs_object_index). */
gboolean hs_int_index_i64 (HsVM *vm, HsObject *o, gint64 *out, const char *overflow);
/* CPython's PyNumber_Index: o.__index__() as a plain int (True gives 1), new reference. */
HsObject *hs_number_index (HsVM *vm, HsObject *o);
/* A Py_ssize_t argument as CPython's argument clinic reads it: through __index__, with
 * OverflowError "Python int too large to convert to C ssize_t". */
gboolean hs_int_arg_ssize (HsVM *vm, HsObject *o, gssize *out);
/* A C int argument as CPython's PyArg "i" reads it: through __index__, with its TypeError
 * and OverflowErrors ("signed integer is greater than maximum"). */
gboolean hs_int_arg_c_int (HsVM *vm, HsObject *o, int *out);
/* A size (repetition counts, range lengths): OverflowError when it does not fit. */
gssize hs_int_as_ssize (HsVM *vm, HsObject *o);
/* Correctly rounded conversion; OverflowError "int too large to convert to float". */
int hs_int_as_double (HsVM *vm, HsObject *o, double *out);
int hs_int_sign (HsObject *o);
/* The number of bits of |o| (0 for 0), as CPython's _PyLong_NumBits. */
gsize hs_int_num_bits (HsObject *o);
/* FALSE with MemoryError when a result of `bits` bits would not fit under the heap cap:
 * checked before a big computation starts, as the heap limit would stop it only at the end. */
gboolean hs_int_check_bits (HsVM *vm, double bits);
/* Exact comparison of an int with a double (nan compares unordered: returns 2). */
int hs_int_compare_double (HsObject *o, double d);
/* Three-way compare of two ints. */
int hs_int_compare (HsObject *a, HsObject *b);

/* Decimal text (str/repr); NULL + ValueError past 4300 digits. New reference. */
HsObject *hs_int_to_str (HsVM *vm, HsObject *o);
/* Digits in `base` (2, 8, 10, 16) without prefix or sign into a GString; for format(). */
gboolean hs_int_format_digits (HsVM *vm, HsObject *o, int base, gboolean upper, GString *out);

/* Arithmetic entry points usable by the VM's fast paths and builtins. */
HsObject *hs_int_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b);
HsObject *hs_int_divmod (HsVM *vm, HsObject *a, HsObject *b); /* tuple (q, r) */
HsObject *hs_int_pow_mod (HsVM *vm, HsObject *a, HsObject *b, HsObject *m);
HsObject *hs_int_round (HsVM *vm, HsObject *o, HsObject *ndigits); /* round(int, n) */
HsObject *hs_int_abs (HsVM *vm, HsObject *o);
int hs_int_hash (HsVM *vm, HsObject *o, gint64 *out);
/* CPython's hash of a double (equal to the hash of an equal int). */
gint64 hs_hash_double (HsObject *owner, double d);

G_END_DECLS
