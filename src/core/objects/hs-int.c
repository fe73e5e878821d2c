/* hs-int.c — int and bool: a gint64 fast path, GMP past it.
 *
 * Invariant: `big` is non-NULL only when the value does not fit a gint64 (int_from_mpz
 * normalises every result), values -5..256 are the immortal cached objects, and no
 * GMP call is made whose result could exceed the VM's heap cap: the size of a product,
 * power or shift is estimated first and refused with MemoryError. Every block GMP
 * allocates is counted in the heap of the VM that runs on this thread (hs_int_charge_to),
 * so a big int's limbs weigh on the cap like any other object's memory.
 */
#include "config.h"

#include <gmp.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "hs-int.h"
#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-float.h"
#include "hs-format.h"
#include "hs-number-parts.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-error.h"
#include "hs-vm-private.h"

G_STATIC_ASSERT (sizeof (long) == sizeof (gint64));
G_STATIC_ASSERT (sizeof (mp_limb_t) == sizeof (guint64));

#define BIG(o) ((mpz_ptr)((HsInt *)(o))->big)
#define SMALL(o) (((HsInt *)(o))->small)
#define HASH_BITS 61
#define HASH_MODULUS ((((guint64)1) << HASH_BITS) - 1)

static HsObject *small_ints[HS_SMALL_INT_MAX - HS_SMALL_INT_MIN + 1];

/* ---- GMP's memory ------------------------------------------------------------------ */

/* The VM whose heap GMP's allocations on this thread are counted in (NULL: none). */
static __thread HsVM *gmp_vm;

/* Each GMP block is preceded by the VM it was counted in and its size, so that freeing it
 * uncounts it there whichever VM runs then. GMP cannot fail an allocation: one past the
 * cap is made, and the next object the program allocates (the int the result goes into)
 * is refused with MemoryError, which frees it. */
typedef struct
{
  HsVM *vm;
  gsize size;
} GmpPrefix;

G_STATIC_ASSERT (sizeof (GmpPrefix) == 16);

static void *
gmp_alloc (size_t size)
{
  GmpPrefix *p = g_malloc (sizeof *p + size);
  p->vm = gmp_vm;
  p->size = size;
  if (p->vm != NULL)
    p->vm->heap_bytes += size;
  return p + 1;
}

static void *
gmp_realloc (void *block, size_t old_size, size_t new_size)
{
  GmpPrefix *p = (GmpPrefix *)block - 1;
  HsVM *vm = p->vm;

  (void)old_size; /* the prefix's, which is exact */
  if (vm != NULL)
    vm->heap_bytes = vm->heap_bytes - p->size + new_size;
  p = g_realloc (p, sizeof *p + new_size);
  p->size = new_size;
  return p + 1;
}

static void
gmp_free (void *block, size_t size)
{
  GmpPrefix *p;

  (void)size;
  if (block == NULL) /* mpz_export's of zero: nothing to step back from */
    return;
  p = (GmpPrefix *)block - 1;
  if (p->vm != NULL)
    p->vm->heap_bytes -= p->size;
  g_free (p);
}

/* Before main: no block may be allocated with GMP's own functions and freed with these. */
__attribute__ ((constructor)) static void
gmp_use_ours (void)
{
  mp_set_memory_functions (gmp_alloc, gmp_realloc, gmp_free);
}

void
hs_int_gmp_free (gpointer block)
{
  gmp_free (block, 0);
}

HsVM *
hs_int_charge_to (HsVM *vm)
{
  HsVM *outer = gmp_vm;
  gmp_vm = vm;
  return outer;
}

HsInt hs_True_struct = { { &hs_bool_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL }, 1, NULL };
HsInt hs_False_struct = { { &hs_bool_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL }, 0, NULL };

HsObject *
hs_bool_from (gboolean b)
{
  return b ? hs_True : hs_False;
}

/* ---- construction ----------------------------------------------------------------- */

static HsObject *
int_alloc_small (HsVM *vm, gint64 v)
{
  HsInt *i = (HsInt *)hs_object_alloc_plain (vm, &hs_int_type, sizeof (HsInt));
  if (i == NULL)
    return NULL;
  i->small = v;
  i->big = NULL;
  return &i->header;
}

HsObject *
hs_int_from_i64 (HsVM *vm, gint64 v)
{
  if (v >= HS_SMALL_INT_MIN && v <= HS_SMALL_INT_MAX)
    return small_ints[v - HS_SMALL_INT_MIN];
  return int_alloc_small (vm, v);
}

/* Takes the value of z (and clears it); normalises to the small form. */
static HsObject *
int_from_mpz (HsVM *vm, mpz_ptr z)
{
  HsInt *i;

  if (mpz_fits_slong_p (z))
    {
      gint64 v = mpz_get_si (z);
      mpz_clear (z);
      return hs_int_from_i64 (vm, v);
    }
  i = (HsInt *)hs_object_alloc (vm, &hs_int_type, sizeof (HsInt));
  if (i == NULL)
    {
      mpz_clear (z);
      return NULL;
    }
  i->big = g_new (__mpz_struct, 1);
  *(mpz_ptr)i->big = *z; /* moves the limbs */
  return &i->header;
}

HsObject *
hs_int_from_mpz_take (HsVM *vm, gpointer mpz)
{
  return int_from_mpz (vm, mpz);
}

HsObject *
hs_int_from_mpz (HsVM *vm, gconstpointer mpz)
{
  mpz_t copy; /* its limbs move into the int */

  mpz_init_set (copy, mpz);
  return int_from_mpz (vm, copy);
}

void
hs_int_get_mpz (HsObject *o, gpointer out)
{
  if (BIG (o) != NULL)
    mpz_set (out, BIG (o));
  else
    mpz_set_si (out, (long)SMALL (o));
}

HsObject *
hs_int_from_u64 (HsVM *vm, guint64 v)
{
  mpz_t z;

  if (v <= G_MAXINT64)
    return hs_int_from_i64 (vm, (gint64)v);
  mpz_init (z);
  mpz_import (z, 1, -1, sizeof v, 0, 0, &v);
  return int_from_mpz (vm, z);
}

static void
int_dealloc (HsVM *vm, HsObject *self)
{
  HsInt *i = (HsInt *)self;
  if (i->big != NULL)
    {
      mpz_clear (BIG (self));
      g_free (i->big);
      i->big = NULL;
    }
}

void
hs_int_runtime_init (void)
{
  for (gint64 v = HS_SMALL_INT_MIN; v <= HS_SMALL_INT_MAX; v++)
    {
      HsObject *o = int_alloc_small (NULL, v);
      o->flags |= HS_FLAG_IMMORTAL;
      small_ints[v - HS_SMALL_INT_MIN] = o;
    }
}

/* ---- views and helpers ------------------------------------------------------------ */

/* A read-only mpz for any int, without allocating: small values borrow one limb. */
typedef struct
{
  mp_limb_t limb;
  __mpz_struct z;
} MpzView;

static mpz_srcptr
view (HsObject *o, MpzView *v)
{
  gint64 s;

  if (BIG (o) != NULL)
    return BIG (o);
  s = SMALL (o);
  v->limb = s < 0 ? -(guint64)s : (guint64)s;
  return mpz_roinit_n (&v->z, &v->limb, s < 0 ? -1 : (s > 0 ? 1 : 0));
}

static gsize
int_bits (HsObject *o)
{
  MpzView v;
  mpz_srcptr z = view (o, &v);
  return mpz_sgn (z) == 0 ? 0 : mpz_sizeinbase (z, 2);
}

gboolean
hs_int_check_bits (HsVM *vm, double bits)
{
  double limit = vm != NULL ? (double)vm->config.heap_limit_bytes : 1e12;
  double used = vm != NULL ? (double)vm->heap_bytes : 0;

  if (bits / 8.0 + used > limit || bits > 1e15)
    {
      hs_err_no_memory (vm);
      return FALSE;
    }
  return TRUE;
}

int
hs_int_sign (HsObject *o)
{
  if (BIG (o) != NULL)
    return mpz_sgn (BIG (o));
  return SMALL (o) < 0 ? -1 : SMALL (o) > 0;
}

gsize
hs_int_num_bits (HsObject *o)
{
  if (BIG (o) != NULL)
    return mpz_sgn (BIG (o)) == 0 ? 0 : mpz_sizeinbase (BIG (o), 2);
  guint64 v = SMALL (o) < 0 ? -(guint64)SMALL (o) : (guint64)SMALL (o);
  return v == 0 ? 0 : 64 - (gsize)__builtin_clzll (v);
}

gboolean
hs_int_as_i64 (HsObject *o, gint64 *out)
{
  if (BIG (o) != NULL)
    return FALSE;
  *out = SMALL (o);
  return TRUE;
}

gssize
hs_int_as_ssize_index (HsVM *vm, HsObject *o)
{
  if (BIG (o) != NULL)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "cannot fit 'int' into an index-sized integer");
      return -1;
    }
  return (gssize)SMALL (o);
}

gboolean
hs_int_index_i64 (HsVM *vm, HsObject *o, gint64 *out, const char *overflow)
{
  HsObject *i = hs_object_index (vm, o);
  gboolean fits;

  if (i == NULL)
    return FALSE;
  fits = hs_int_as_i64 (i, out);
  hs_decref (vm, i);
  if (!fits)
    hs_err_set_string (vm, &hs_exc_OverflowError, overflow);
  return fits;
}

gboolean
hs_int_arg_ssize (HsVM *vm, HsObject *o, gssize *out)
{
  gint64 v;
  if (!hs_int_index_i64 (vm, o, &v, "Python int too large to convert to C ssize_t"))
    return FALSE;
  *out = (gssize)v;
  return TRUE;
}

gboolean
hs_int_arg_c_int (HsVM *vm, HsObject *o, int *out)
{
  gint64 v = 0;

  if (!hs_int_index_i64 (vm, o, &v, "Python int too large to convert to C long"))
    return FALSE;
  if (v > G_MAXINT || v < G_MININT)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError,
                         v > 0 ? "signed integer is greater than maximum"
                               : "signed integer is less than minimum");
      return FALSE;
    }
  *out = (int)v;
  return TRUE;
}

gssize
hs_int_as_ssize (HsVM *vm, HsObject *o)
{
  if (BIG (o) != NULL)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
      return -1;
    }
  return (gssize)SMALL (o);
}

/* Correctly rounded (half to even) value of q * 2**exp2 for q >= 0. `sticky` says that
 * the true value is a little above q (a non-zero remainder was dropped). */
static double
mpz_scaled_to_double (mpz_srcptr q, glong exp2, gboolean sticky)
{
  gsize nb;
  glong keep, drop, e;
  mpz_t top;
  double d;
  gboolean round_up = FALSE;

  if (mpz_sgn (q) == 0)
    return 0.0;
  nb = mpz_sizeinbase (q, 2);
  e = (glong)nb + exp2; /* value in [2**(e-1), 2**e) */
  keep = DBL_MANT_DIG;
  if (e - 1 < DBL_MIN_EXP - 1)
    keep = DBL_MANT_DIG - ((DBL_MIN_EXP - 1) - (e - 1));
  if (keep < 0)
    return 0.0;
  drop = (glong)nb - keep;
  if (drop <= 0)
    return ldexp (mpz_get_d (q), (int)exp2);
  mpz_init (top);
  mpz_fdiv_q_2exp (top, q, drop);
  if (mpz_tstbit (q, drop - 1))
    {
      gboolean rest = sticky || mpz_scan1 (q, 0) < (mp_bitcnt_t)(drop - 1);
      round_up = rest || mpz_odd_p (top);
    }
  if (round_up)
    mpz_add_ui (top, top, 1);
  d = mpz_get_d (top); /* at most 54 bits: exact */
  mpz_clear (top);
  if (exp2 + drop > DBL_MAX_EXP + 64)
    return HUGE_VAL;
  return ldexp (d, (int)(exp2 + drop));
}

int
hs_int_as_double (HsVM *vm, HsObject *o, double *out)
{
  double d;

  if (BIG (o) == NULL)
    {
      *out = (double)SMALL (o);
      return 0;
    }
  {
    mpz_t a;
    mpz_init (a);
    mpz_abs (a, BIG (o));
    d = mpz_scaled_to_double (a, 0, FALSE);
    mpz_clear (a);
  }
  if (isinf (d))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "int too large to convert to float");
      return -1;
    }
  *out = mpz_sgn (BIG (o)) < 0 ? -d : d;
  return 0;
}

int
hs_int_compare (HsObject *a, HsObject *b)
{
  MpzView va, vb;

  if (BIG (a) == NULL && BIG (b) == NULL)
    return SMALL (a) < SMALL (b) ? -1 : SMALL (a) > SMALL (b);
  {
    int c = mpz_cmp (view (a, &va), view (b, &vb));
    return c < 0 ? -1 : c > 0;
  }
}

int
hs_int_compare_double (HsObject *o, double d)
{
  double fl;
  mpz_t z;
  MpzView v;
  int c;

  if (isnan (d))
    return 2;
  if (isinf (d))
    return d > 0 ? -1 : 1;
  if (BIG (o) == NULL && SMALL (o) > -(G_GINT64_CONSTANT (1) << 53)
      && SMALL (o) < (G_GINT64_CONSTANT (1) << 53))
    {
      double x = (double)SMALL (o);
      return x < d ? -1 : x > d;
    }
  fl = floor (d);
  mpz_init_set_d (z, fl);
  c = mpz_cmp (view (o, &v), z);
  mpz_clear (z);
  if (c != 0)
    return c < 0 ? -1 : 1;
  return d > fl ? -1 : 0;
}

/* ---- hashing ---------------------------------------------------------------------- */

int
hs_int_hash (HsVM *vm, HsObject *o, gint64 *out)
{
  guint64 m;
  gint64 h;
  int sign = hs_int_sign (o);

  if (BIG (o) == NULL)
    {
      gint64 v = SMALL (o);
      m = (v < 0 ? -(guint64)v : (guint64)v) % HASH_MODULUS;
    }
  else
    m = mpz_tdiv_ui (BIG (o), HASH_MODULUS);
  h = sign < 0 ? -(gint64)m : (gint64)m;
  *out = h == -1 ? -2 : h;
  return 0;
}

gint64
hs_hash_double (HsObject *owner, double v)
{
  int e, sign = 1;
  double m;
  guint64 x = 0, y;

  if (!isfinite (v))
    {
      if (isinf (v))
        return v > 0 ? 314159 : -314159;
      return owner != NULL ? (gint64)(owner->id * 0x9E3779B97F4A7C15ull >> 4) : 0;
    }
  m = frexp (v, &e);
  if (m < 0)
    {
      sign = -1;
      m = -m;
    }
  /* Accumulate the mantissa 28 bits at a time, reducing mod 2**61 - 1 (a rotation). */
  while (m != 0)
    {
      x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
      m *= 268435456.0;
      e -= 28;
      y = (guint64)m;
      m -= (double)y;
      x += y;
      if (x >= HASH_MODULUS)
        x -= HASH_MODULUS;
    }
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
  x = x * (guint64)(gint64)sign;
  if (x == (guint64)-1)
    x = (guint64)-2;
  return (gint64)x;
}

/* ---- text conversion -------------------------------------------------------------- */

/* sys.get_int_max_str_digits(), G_MAXSIZE when 0 (no limit) */
static gsize
max_digits (HsVM *vm)
{
  int n = vm != NULL ? vm->int_max_str_digits : HS_INT_MAX_STR_DIGITS;
  return n > 0 ? (gsize)n : G_MAXSIZE;
}

/* Whether an int of `bits` bits surely has more decimal digits than the limit: refused
 * early, before converting a huge value (4300 digits are about 14284 bits). */
static gboolean
past_limit_bits (HsVM *vm, gsize bits)
{
  return max_digits (vm) != G_MAXSIZE && bits > (gsize)(max_digits (vm) * 3.3219280948873623 + 8);
}

static void
raise_str_limit (HsVM *vm)
{
  hs_err_format (vm, &hs_exc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit",
                 (int)max_digits (vm));
}

/* The digits of a small int's magnitude in `base`, written so that they end at `end`
 * (64 bytes before it are enough); returns where they start. By hand: snprintf, or GMP's
 * conversion of a one-limb view, was most of the cost of str(i) and f"{i:06d}". A small
 * int has at most 19 decimal digits, far below any sys.set_int_max_str_digits limit. */
static char *
small_digits (HsObject *o, int base, gboolean upper, char *end)
{
  const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  guint64 mag = SMALL (o) < 0 ? -(guint64)SMALL (o) : (guint64)SMALL (o);
  char *p = end;

  do
    {
      *--p = alphabet[mag % (guint64)base];
      mag /= (guint64)base;
    }
  while (mag != 0);
  return p;
}

HsObject *
hs_int_to_str (HsVM *vm, HsObject *o)
{
  char buf[72];
  char *text;
  HsObject *s;
  gsize len;

  if (BIG (o) == NULL)
    {
      text = small_digits (o, 10, FALSE, buf + sizeof buf);
      if (SMALL (o) < 0)
        *--text = '-';
      return hs_str_new_ascii_unshared (vm, text, (gsize)(buf + sizeof buf - text));
    }
  if (past_limit_bits (vm, mpz_sizeinbase (BIG (o), 2)))
    {
      raise_str_limit (vm);
      return NULL;
    }
  text = mpz_get_str (NULL, 10, BIG (o));
  len = strlen (text);
  if (len - (text[0] == '-') > max_digits (vm))
    {
      hs_int_gmp_free (text);
      raise_str_limit (vm);
      return NULL;
    }
  s = hs_str_new (vm, text, len);
  hs_int_gmp_free (text);
  return s;
}

gboolean
hs_int_format_digits (HsVM *vm, HsObject *o, int base, gboolean upper, GString *out)
{
  MpzView v;
  mpz_t a;
  char *text;

  if (BIG (o) == NULL)
    {
      char buf[64];
      text = small_digits (o, base, upper, buf + sizeof buf);
      g_string_append_len (out, text, buf + sizeof buf - text);
      return TRUE;
    }
  if (base == 10 && past_limit_bits (vm, mpz_sizeinbase (BIG (o), 2)))
    {
      raise_str_limit (vm);
      return FALSE;
    }
  mpz_init (a);
  mpz_abs (a, view (o, &v));
  text = mpz_get_str (NULL, upper ? -base : base, a);
  mpz_clear (a);
  if (base == 10 && strlen (text) > max_digits (vm))
    {
      hs_int_gmp_free (text);
      raise_str_limit (vm);
      return FALSE;
    }
  g_string_append (out, text);
  hs_int_gmp_free (text);
  return TRUE;
}

static gboolean
is_py_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int
digit_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

static void
raise_invalid_literal (HsVM *vm, const char *s, gsize len, int base)
{
  HsObject *str = hs_str_new (vm, s, MIN (len, 200));
  HsObject *r = str != NULL ? hs_object_repr (vm, str) : NULL;
  if (r != NULL)
    hs_err_format (vm, &hs_exc_ValueError, "invalid literal for int() with base %d: %s", base,
                   hs_str_utf8 (r));
  hs_xdecref (vm, r);
  hs_xdecref (vm, str);
}

/* Copies the digits of p[0..n) into `digits` (underscores removed), validating the
 * placement of underscores and every digit against `base`. */
static gboolean
collect_digits (const char *p, gsize n, int base, gboolean after_prefix, GString *digits)
{
  gboolean prev_us = after_prefix; /* "0x_1" is fine, "_1" is not */
  gboolean any = FALSE;

  if (n == 0)
    return FALSE;
  if (p[0] == '_' && !after_prefix)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if (p[i] == '_')
        {
          if (i > 0 && p[i - 1] == '_')
            return FALSE;
          prev_us = TRUE;
          continue;
        }
      if (digit_value (p[i]) >= base)
        return FALSE;
      g_string_append_c (digits, p[i]);
      prev_us = FALSE;
      any = TRUE;
    }
  return any && !prev_us;
}

static int
prefix_base (const char *p, gsize n)
{
  if (n >= 2 && p[0] == '0')
    switch (p[1])
      {
        case 'x':
        case 'X':
          return 16;
        case 'o':
        case 'O':
          return 8;
        case 'b':
        case 'B':
          return 2;
        default:
          break;
      }
  return 0;
}

static HsObject *
int_from_digits (HsVM *vm, const char *digits, gsize n, int base, gboolean negative)
{
  mpz_t z;

  if (n <= 18 && base <= 10)
    {
      gint64 v = 0;
      for (gsize i = 0; i < n; i++)
        v = v * base + (digits[i] - '0');
      return hs_int_from_i64 (vm, negative ? -v : v);
    }
  if (base == 10 && n > max_digits (vm))
    {
      hs_err_format (vm, &hs_exc_ValueError,
                     "Exceeds the limit (%d digits) for integer string conversion: value has "
                     "%" G_GSIZE_FORMAT " digits; use sys.set_int_max_str_digits() to increase "
                     "the limit",
                     (int)max_digits (vm), n);
      return NULL;
    }
  if (!hs_int_check_bits (vm, n * log2 (base)))
    return NULL;
  mpz_init (z);
  mpz_set_str (z, digits, base);
  if (negative)
    mpz_neg (z, z);
  return int_from_mpz (vm, z);
}

/* int(s, base) of ASCII text; an error shows `shown`, the text as the program gave it */
static HsObject *
int_from_ascii (HsVM *vm, const char *s, gsize len, int base, const char *shown, gsize shown_len)
{
  const char *p = s, *end = s + len;
  gboolean negative = FALSE, after_prefix = FALSE;
  int orig_base = base;
  g_autoptr (GString) digits = NULL;

  if ((base != 0 && base < 2) || base > 36)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
      return NULL;
    }
  while (p < end && is_py_space (*p))
    p++;
  while (end > p && is_py_space (end[-1]))
    end--;
  if (p < end && (*p == '+' || *p == '-'))
    negative = *p++ == '-';
  {
    int pb = prefix_base (p, end - p);
    if (pb != 0 && (base == 0 || base == pb))
      {
        base = pb;
        p += 2;
        after_prefix = TRUE;
      }
  }
  if (base == 0)
    {
      /* Decimal with base 0: no leading zeros unless the value is zero ("0_0"). */
      base = 10;
      if (p < end && *p == '0')
        for (const char *q = p; q < end; q++)
          if (*q != '0' && *q != '_')
            goto invalid;
    }
  digits = g_string_sized_new (end - p + 1);
  if (!collect_digits (p, end - p, base, after_prefix, digits))
    goto invalid;
  return int_from_digits (vm, digits->str, digits->len, base, negative);

invalid:
  raise_invalid_literal (vm, shown, shown_len, orig_base);
  return NULL;
}

HsObject *
hs_int_from_str (HsVM *vm, const char *s, gsize len, int base)
{
  g_autoptr (GString) ascii = hs_str_decimal_to_ascii (s, len);
  if (ascii != NULL)
    return int_from_ascii (vm, ascii->str, ascii->len, base, s, len);
  return int_from_ascii (vm, s, len, base, s, len);
}

HsObject *
hs_int_from_literal (HsVM *vm, const char *s, gsize len)
{
  return hs_int_from_str (vm, s, len, 0);
}

HsObject *
hs_int_from_double (HsVM *vm, double d)
{
  mpz_t z;

  if (isinf (d))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "cannot convert float infinity to integer");
      return NULL;
    }
  if (isnan (d))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "cannot convert float NaN to integer");
      return NULL;
    }
  if (d > -9223372036854775808.0 && d < 9223372036854775808.0)
    return hs_int_from_i64 (vm, (gint64)d);
  mpz_init_set_d (z, d);
  return int_from_mpz (vm, z);
}

/* ---- arithmetic ------------------------------------------------------------------- */

static HsObject *
raise_zero (HsVM *vm, const char *msg)
{
  hs_err_set_string (vm, &hs_exc_ZeroDivisionError, msg);
  return NULL;
}

/* int / int, correctly rounded like CPython (both may be huge). */
static HsObject *
int_true_divide (HsVM *vm, HsObject *a, HsObject *b)
{
  MpzView va, vb;
  mpz_t n, d, q, r;
  glong shift;
  double res;
  gboolean neg;

  if (hs_int_sign (b) == 0)
    return raise_zero (vm, "division by zero");
  if (BIG (a) == NULL && BIG (b) == NULL && SMALL (a) >= -(G_GINT64_CONSTANT (1) << 53)
      && SMALL (a) <= (G_GINT64_CONSTANT (1) << 53) && SMALL (b) >= -(G_GINT64_CONSTANT (1) << 53)
      && SMALL (b) <= (G_GINT64_CONSTANT (1) << 53))
    return hs_float_new (vm, (double)SMALL (a) / (double)SMALL (b));
  neg = (hs_int_sign (a) < 0) != (hs_int_sign (b) < 0);
  mpz_inits (n, d, q, r, NULL);
  mpz_abs (n, view (a, &va));
  mpz_abs (d, view (b, &vb));
  /* Scale so the quotient has at least DBL_MANT_DIG + 2 bits; the remainder is sticky. */
  shift = (glong)mpz_sizeinbase (n, 2) - (glong)mpz_sizeinbase (d, 2) - (DBL_MANT_DIG + 3);
  if (mpz_sgn (n) == 0)
    shift = 0;
  if (shift < 0)
    mpz_mul_2exp (n, n, -shift);
  else
    mpz_mul_2exp (d, d, shift);
  mpz_tdiv_qr (q, r, n, d);
  res = mpz_scaled_to_double (q, shift, mpz_sgn (r) != 0);
  mpz_clears (n, d, q, r, NULL);
  if (isinf (res))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError,
                         "integer division result too large for a float");
      return NULL;
    }
  return hs_float_new (vm, neg ? -res : res);
}

static HsObject *
int_pow_negative (HsVM *vm, HsObject *a, HsObject *b)
{
  double x, y;
  if (hs_int_as_double (vm, a, &x) < 0 || hs_int_as_double (vm, b, &y) < 0)
    return NULL;
  return hs_float_pow (vm, x, y);
}

static HsObject *
big_pow (HsVM *vm, HsObject *a, HsObject *b)
{
  MpzView va;
  mpz_srcptr za = view (a, &va);
  gint64 e;
  mpz_t z;

  if (mpz_cmpabs_ui (za, 1) <= 0) /* 0, 1, -1: no size problem whatever e is */
    {
      int s = mpz_sgn (za);
      if (s >= 0)
        return hs_int_from_i64 (vm, hs_int_sign (b) == 0 ? 1 : s);
      return hs_int_from_i64 (vm,
                              (BIG (b) != NULL ? mpz_odd_p (BIG (b)) : (SMALL (b) & 1)) ? -1 : 1);
    }
  /* GMP's powering holds about three times the result while it works */
  if (!hs_int_as_i64 (b, &e) || !hs_int_check_bits (vm, 3.0 * (double)int_bits (a) * (double)e))
    {
      if (!hs_err_occurred (vm))
        hs_err_no_memory (vm);
      return NULL;
    }
  mpz_init (z);
  mpz_pow_ui (z, za, (gulong)e);
  return int_from_mpz (vm, z);
}

static HsObject *
small_pow (HsVM *vm, gint64 base, gint64 exp, HsObject *a, HsObject *b)
{
  gint64 result = 1;

  while (exp > 0)
    {
      if (exp & 1)
        if (__builtin_mul_overflow (result, base, &result))
          return big_pow (vm, a, b);
      exp >>= 1;
      if (exp > 0 && __builtin_mul_overflow (base, base, &base))
        return big_pow (vm, a, b);
    }
  return hs_int_from_i64 (vm, result);
}

static HsObject *
int_lshift (HsVM *vm, HsObject *a, HsObject *b)
{
  MpzView va;
  gint64 n;
  mpz_t z;

  if (hs_int_sign (b) < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "negative shift count");
      return NULL;
    }
  if (hs_int_sign (a) == 0)
    return hs_int_from_i64 (vm, 0);
  if (!hs_int_as_i64 (b, &n))
    {
      /* CPython's divmod_shift and _PyLong_New: a shift past 2**63 counts 30-bit digits;
       * past its ceiling (2**61 digits, less its header) OverflowError, under it the
       * allocation fails: MemoryError */
      const guint64 max_digits = (G_MAXINT64 - 24) / 4;
      MpzView vb;
      mpz_t w;
      guint64 digits;
      mpz_init (w);
      guint64 rem = mpz_fdiv_q_ui (w, view (b, &vb), 30);
      if (mpz_cmp_ui (w, G_MAXINT64 / 4) >= 0)
        digits = G_MAXINT64 / 4;
      else
        digits = mpz_get_ui (w) + (rem != 0);
      mpz_clear (w);
      digits += (int_bits (a) + 29) / 30;
      if (digits > max_digits)
        hs_err_set_string (vm, &hs_exc_OverflowError, "too many digits in integer");
      else
        hs_err_no_memory (vm);
      return NULL;
    }
  if (BIG (a) == NULL && n < 63)
    {
      gint64 x = SMALL (a);
      gint64 r = (gint64)((guint64)x << n);
      if ((r >> n) == x)
        return hs_int_from_i64 (vm, r);
    }
  if (!hs_int_check_bits (vm, (double)int_bits (a) + (double)n))
    return NULL;
  mpz_init (z);
  mpz_mul_2exp (z, view (a, &va), (mp_bitcnt_t)n);
  return int_from_mpz (vm, z);
}

static HsObject *
int_rshift (HsVM *vm, HsObject *a, HsObject *b)
{
  MpzView va;
  gint64 n;
  mpz_t z;

  if (hs_int_sign (b) < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "negative shift count");
      return NULL;
    }
  if (!hs_int_as_i64 (b, &n) || (guint64)n >= int_bits (a) + 1)
    return hs_int_from_i64 (vm, hs_int_sign (a) < 0 ? -1 : 0);
  if (BIG (a) == NULL)
    return hs_int_from_i64 (vm, n >= 64 ? (SMALL (a) < 0 ? -1 : 0) : SMALL (a) >> n);
  mpz_init (z);
  mpz_fdiv_q_2exp (z, view (a, &va), (mp_bitcnt_t)n);
  return int_from_mpz (vm, z);
}

/* Any operator on ints in GMP (the fast path declined). */
static HsObject *
big_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  MpzView va, vb;
  mpz_srcptr x = view (a, &va), y = view (b, &vb);
  mpz_t z;

  switch (op)
    {
      case HS_BIN_TRUEDIV:
        return int_true_divide (vm, a, b);
      case HS_BIN_POW:
        return hs_int_sign (b) < 0 ? int_pow_negative (vm, a, b) : big_pow (vm, a, b);
      case HS_BIN_LSHIFT:
        return int_lshift (vm, a, b);
      case HS_BIN_RSHIFT:
        return int_rshift (vm, a, b);
      case HS_BIN_FLOORDIV:
        if (mpz_sgn (y) == 0)
          return raise_zero (vm, "integer division or modulo by zero");
        break;
      case HS_BIN_MOD:
        if (mpz_sgn (y) == 0)
          return raise_zero (vm, "integer modulo by zero");
        break;
      case HS_BIN_MUL:
        /* the product and GMP's scratch space of about as much */
        if (!hs_int_check_bits (vm, 2.0 * ((double)int_bits (a) + (double)int_bits (b))))
          return NULL;
        break;
      default:
        /* a sum, a difference or a bitwise result: at most one bit past the longer */
        if (!hs_int_check_bits (vm, (double)MAX (int_bits (a), int_bits (b)) + 1))
          return NULL;
        break;
    }
  mpz_init (z);
  switch (op)
    {
      case HS_BIN_ADD:
        mpz_add (z, x, y);
        break;
      case HS_BIN_SUB:
        mpz_sub (z, x, y);
        break;
      case HS_BIN_MUL:
        mpz_mul (z, x, y);
        break;
      case HS_BIN_FLOORDIV:
        mpz_fdiv_q (z, x, y);
        break;
      case HS_BIN_MOD:
        mpz_fdiv_r (z, x, y);
        break;
      case HS_BIN_AND:
        mpz_and (z, x, y);
        break;
      case HS_BIN_OR:
        mpz_ior (z, x, y);
        break;
      case HS_BIN_XOR:
        mpz_xor (z, x, y);
        break;
      default:
        mpz_clear (z);
        return hs_incref (hs_NotImplemented);
    }
  return int_from_mpz (vm, z);
}

static inline gboolean
fits_double_exactly (gint64 v)
{
  return v >= -(G_GINT64_CONSTANT (1) << 53) && v <= (G_GINT64_CONSTANT (1) << 53);
}

static HsObject *
small_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  gint64 x = SMALL (a), y = SMALL (b), r;

  switch (op)
    {
      case HS_BIN_ADD:
        if (!__builtin_add_overflow (x, y, &r))
          return hs_int_from_i64 (vm, r);
        break;
      case HS_BIN_SUB:
        if (!__builtin_sub_overflow (x, y, &r))
          return hs_int_from_i64 (vm, r);
        break;
      case HS_BIN_MUL:
        if (!__builtin_mul_overflow (x, y, &r))
          return hs_int_from_i64 (vm, r);
        break;
      case HS_BIN_FLOORDIV:
        if (y == 0)
          return raise_zero (vm, "integer division or modulo by zero");
        if (y == -1 && x == G_MININT64)
          break;
        r = x / y;
        if (x % y != 0 && ((x < 0) != (y < 0)))
          r--;
        return hs_int_from_i64 (vm, r);
      case HS_BIN_MOD:
        if (y == 0)
          return raise_zero (vm, "integer modulo by zero");
        if (y == -1)
          return hs_int_from_i64 (vm, 0);
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0)))
          r += y;
        return hs_int_from_i64 (vm, r);
      case HS_BIN_TRUEDIV:
        if (y == 0)
          return raise_zero (vm, "division by zero");
        if (fits_double_exactly (x) && fits_double_exactly (y))
          return hs_float_new (vm, (double)x / (double)y);
        break;
      case HS_BIN_POW:
        if (y >= 0)
          return small_pow (vm, x, y, a, b);
        return int_pow_negative (vm, a, b);
      case HS_BIN_AND:
        return hs_int_from_i64 (vm, x & y);
      case HS_BIN_OR:
        return hs_int_from_i64 (vm, x | y);
      case HS_BIN_XOR:
        return hs_int_from_i64 (vm, x ^ y);
      default:
        break;
    }
  return big_binop (vm, op, a, b);
}

HsObject *
hs_int_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (!hs_int_check (a) || !hs_int_check (b) || op == HS_BIN_MATMUL)
    return hs_incref (hs_NotImplemented);
  if (BIG (a) == NULL && BIG (b) == NULL)
    return small_binop (vm, op, a, b);
  return big_binop (vm, op, a, b);
}

static HsObject *
bool_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (HS_IS (a, &hs_bool_type) && HS_IS (b, &hs_bool_type))
    {
      gboolean x = SMALL (a) != 0, y = SMALL (b) != 0;
      switch (op)
        {
          case HS_BIN_AND:
            return hs_bool_from (x && y);
          case HS_BIN_OR:
            return hs_bool_from (x || y);
          case HS_BIN_XOR:
            return hs_bool_from (x != y);
          default:
            break;
        }
    }
  return hs_int_binop (vm, op, a, b);
}

HsObject *
hs_int_divmod (HsVM *vm, HsObject *a, HsObject *b)
{
  HsObject *q, *r, *t;

  if (hs_int_sign (b) == 0)
    return raise_zero (vm, "integer division or modulo by zero");
  q = hs_int_binop (vm, HS_BIN_FLOORDIV, a, b);
  if (q == NULL)
    return NULL;
  r = hs_int_binop (vm, HS_BIN_MOD, a, b);
  if (r == NULL)
    {
      hs_decref (vm, q);
      return NULL;
    }
  t = hs_tuple_new (vm, 2);
  if (t == NULL)
    {
      hs_decref (vm, q);
      hs_decref (vm, r);
      return NULL;
    }
  hs_tuple_items (t)[0] = q;
  hs_tuple_items (t)[1] = r;
  return t;
}

HsObject *
hs_int_pow_mod (HsVM *vm, HsObject *a, HsObject *b, HsObject *m)
{
  MpzView va, vb, vm_;
  mpz_t z, mm;

  if (hs_int_sign (m) == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "pow() 3rd argument cannot be 0");
      return NULL;
    }
  mpz_init (z);
  mpz_init_set (mm, view (m, &vm_));
  mpz_abs (mm, mm);
  if (hs_int_sign (b) < 0)
    {
      if (!mpz_invert (z, view (a, &va), mm))
        {
          mpz_clears (z, mm, NULL);
          hs_err_set_string (vm, &hs_exc_ValueError,
                             "base is not invertible for the given modulus");
          return NULL;
        }
      {
        mpz_t e;
        mpz_init (e);
        mpz_neg (e, view (b, &vb));
        mpz_powm (z, z, e, mm);
        mpz_clear (e);
      }
    }
  else
    mpz_powm (z, view (a, &va), view (b, &vb), mm);
  /* Python's result takes the sign of the modulus. */
  if (hs_int_sign (m) < 0 && mpz_sgn (z) != 0)
    mpz_sub (z, z, mm);
  mpz_clear (mm);
  return int_from_mpz (vm, z);
}

HsObject *
hs_int_abs (HsVM *vm, HsObject *o)
{
  MpzView v;
  mpz_t z;

  if (BIG (o) == NULL && SMALL (o) != G_MININT64)
    return hs_int_from_i64 (vm, SMALL (o) < 0 ? -SMALL (o) : SMALL (o));
  mpz_init (z);
  mpz_abs (z, view (o, &v));
  return int_from_mpz (vm, z);
}

/* A copy of o as a plain int (for +True, int(True), round(x)). */
static HsObject *
int_exact (HsVM *vm, HsObject *o)
{
  mpz_t z;
  if (HS_IS (o, &hs_int_type))
    return hs_incref (o);
  if (BIG (o) == NULL)
    return hs_int_from_i64 (vm, SMALL (o));
  mpz_init_set (z, BIG (o));
  return int_from_mpz (vm, z);
}

/* r (stolen) as a plain int: an int of a derived class (True) is copied */
static HsObject *
int_exact_steal (HsVM *vm, HsObject *r)
{
  HsObject *e = r != NULL && !HS_IS (r, &hs_int_type) ? int_exact (vm, r) : NULL;
  if (e == NULL)
    return r;
  hs_decref (vm, r);
  return e;
}

static const char strict_int_subclass[]
    = "The ability to return an instance of a strict subclass of int is deprecated, and may be "
      "removed in a future version of Python.";

HsObject *
hs_number_index (HsVM *vm, HsObject *o)
{
  return int_exact_steal (vm, hs_object_index (vm, o));
}

/* x.__int__(), checked as PyNumber_Long checks it */
static HsObject *
long_from_int_hook (HsVM *vm, HsObject *x)
{
  HsObject *r = hs_object_call_method (vm, x, "__int__", NULL, 0, NULL);

  if (r == NULL || HS_IS (r, &hs_int_type))
    return r;
  if (!hs_int_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__int__ returned non-int (type %s)", hs_type_name (r));
      HS_CLEAR (vm, r);
      return NULL;
    }
  hs_vm_warn_deprecated (vm, "__int__ returned non-int (type %s).  %s", hs_type_name (r),
                         strict_int_subclass);
  return int_exact_steal (vm, r);
}

/* x.__trunc__(), which int() still calls (deprecated): an Integral's value */
static HsObject *
long_from_trunc_hook (HsVM *vm, HsObject *x)
{
  HsObject *r, *i;

  hs_vm_warn_deprecated (vm, "The delegation of int() to __trunc__ is deprecated.");
  r = hs_object_call_method (vm, x, "__trunc__", NULL, 0, NULL);
  if (r == NULL || hs_int_check (r))
    return int_exact_steal (vm, r);
  if (!hs_object_has_index (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                     hs_type_name (r));
      hs_decref (vm, r);
      return NULL;
    }
  i = hs_number_index (vm, r);
  hs_decref (vm, r);
  return i;
}

/* CPython's PyNumber_Long for what is not a plain int, float or str: the type's __int__,
 * __index__ or __trunc__, in this order (*found FALSE: none of them). */
static HsObject *
long_from_hooks (HsVM *vm, HsObject *x, gboolean *found)
{
  *found = TRUE;
  if (hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("__int__")) != NULL)
    return long_from_int_hook (vm, x);
  if (hs_object_has_index (x))
    return hs_number_index (vm, x);
  if (hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("__trunc__")) != NULL)
    return long_from_trunc_hook (vm, x);
  *found = FALSE;
  return NULL;
}

HsObject *
hs_int_round (HsVM *vm, HsObject *o, HsObject *ndigits)
{
  MpzView v;
  gint64 n;
  mpz_t p, q, r;

  if (ndigits == NULL || ndigits == hs_None || hs_int_sign (ndigits) >= 0)
    return int_exact (vm, o);
  if (!hs_int_as_i64 (ndigits, &n) || -n > (gint64)int_bits (o) / 3 + 2)
    return hs_int_from_i64 (vm, 0);
  mpz_inits (p, q, r, NULL);
  mpz_ui_pow_ui (p, 10, (gulong)-n);
  mpz_fdiv_qr (q, r, view (o, &v), p);
  /* Round half to even: compare 2r with p. */
  mpz_mul_2exp (r, r, 1);
  {
    int c = mpz_cmp (r, p);
    if (c > 0 || (c == 0 && mpz_odd_p (q)))
      mpz_add_ui (q, q, 1);
  }
  mpz_mul (q, q, p);
  mpz_clears (p, r, NULL);
  return int_from_mpz (vm, q);
}

static HsObject *
int_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  MpzView v;
  mpz_t z;

  if (BIG (self) == NULL)
    switch (op)
      {
        case HS_UNARY_NEG:
          if (SMALL (self) != G_MININT64)
            return hs_int_from_i64 (vm, -SMALL (self));
          break;
        case HS_UNARY_POS:
          return int_exact (vm, self);
        case HS_UNARY_INVERT:
          return hs_int_from_i64 (vm, ~SMALL (self));
      }
  if (op == HS_UNARY_POS)
    return int_exact (vm, self);
  mpz_init (z);
  if (op == HS_UNARY_NEG)
    mpz_neg (z, view (self, &v));
  else
    mpz_com (z, view (self, &v));
  return int_from_mpz (vm, z);
}

/* ---- type slots ------------------------------------------------------------------- */

static HsObject *
int_repr (HsVM *vm, HsObject *self)
{
  return hs_int_to_str (vm, self);
}

static HsObject *
bool_repr (HsVM *vm, HsObject *self)
{
  return hs_str_intern_cstr (SMALL (self) ? "True" : "False");
}

static int
int_hash_slot (HsVM *vm, HsObject *self, gint64 *out)
{
  return hs_int_hash (vm, self, out);
}

static HsObject *
int_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  int c;

  if (!hs_int_check (a))
    return hs_incref (hs_NotImplemented);
  if (hs_int_check (b))
    c = hs_int_compare (a, b);
  else if (HS_ISINSTANCE (b, &hs_float_type))
    {
      c = hs_int_compare_double (a, hs_float_value (b));
      if (c == 2) /* nan */
        return hs_bool_from (op == HS_CMP_NE);
    }
  else
    return hs_incref (hs_NotImplemented);
  return hs_bool_from (hs_compare_holds (c, op));
}

static int
int_truth (HsVM *vm, HsObject *self)
{
  return hs_int_sign (self) != 0;
}

static HsObject *
int_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  HsObject *x = nargs > 0 ? args[0] : NULL, *base_obj = nargs > 1 ? args[1] : NULL;
  gint64 base = 10;

  for (gsize i = 0; i < nkw; i++)
    {
      HsObject *name = hs_tuple_items (kwnames)[i];
      if (hs_str_equal_cstr (name, "base") && base_obj == NULL)
        base_obj = args[nargs + i];
      else
        {
          hs_err_format (vm, &hs_exc_TypeError, "'%s' is an invalid keyword argument for int()",
                         hs_str_utf8 (name));
          return NULL;
        }
    }
  if (nargs > 2)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "int() takes at most 2 arguments (%" G_GSIZE_FORMAT " given)", nargs);
      return NULL;
    }
  if (x == NULL)
    {
      if (base_obj != NULL)
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "int() missing string argument");
          return NULL;
        }
      return hs_int_from_i64 (vm, 0);
    }
  if (base_obj != NULL && !hs_int_check (base_obj) && hs_object_has_index (base_obj))
    {
      HsObject *b = hs_number_index (vm, base_obj), *r, *pass[2] = { x, b };
      r = b != NULL ? int_construct (vm, type, pass, 2, NULL) : NULL;
      hs_xdecref (vm, b);
      return r;
    }
  if (base_obj != NULL)
    {
      if (!hs_int_check (base_obj))
        {
          hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                         hs_type_name (base_obj));
          return NULL;
        }
      if (!hs_int_as_i64 (base_obj, &base) || (base != 0 && base < 2) || base > 36)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
          return NULL;
        }
      if (!HS_ISINSTANCE (x, &hs_str_type))
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "int() can't convert non-string with explicit base");
          return NULL;
        }
    }
  if (HS_IS (x, &hs_int_type))
    return hs_incref (x);
  if (HS_IS (x, &hs_float_type))
    return hs_int_from_double (vm, trunc (hs_float_value (x)));
  if (base_obj == NULL && !HS_IS (x, &hs_str_type))
    {
      gboolean found;
      HsObject *r = long_from_hooks (vm, x, &found);
      if (found)
        return r;
    }
  if (hs_int_check (x))
    return int_exact (vm, x);
  if (HS_ISINSTANCE (x, &hs_float_type))
    return hs_int_from_double (vm, trunc (hs_float_value (x)));
  if (HS_ISINSTANCE (x, &hs_str_type))
    return hs_int_from_str (vm, hs_str_utf8 (x), hs_str_byte_len (x), (int)base);
  hs_err_format (vm, &hs_exc_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, "
                 "not '%s'",
                 hs_type_name (x));
  return NULL;
}

static HsObject *
bool_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int t;

  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "bool() takes no keyword arguments");
      return NULL;
    }
  if (nargs > 1)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "bool expected at most 1 argument, got %" G_GSIZE_FORMAT, nargs);
      return NULL;
    }
  if (nargs == 0)
    return hs_False;
  t = hs_object_truth (vm, args[0]);
  return t < 0 ? NULL : hs_bool_from (t);
}

/* ---- methods ---------------------------------------------------------------------- */

static gboolean
check_nargs (HsVM *vm, const char *name, gsize nargs, gsize want, HsObject *kwnames)
{
  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() takes no keyword arguments", name);
      return FALSE;
    }
  if (nargs != want)
    {
      if (want == 1)
        hs_err_format (vm, &hs_exc_TypeError, "%s() takes no arguments (%" G_GSIZE_FORMAT " given)",
                       name, nargs - 1);
      else
        hs_err_format (vm, &hs_exc_TypeError,
                       "%s() takes exactly one argument (%" G_GSIZE_FORMAT " given)", name,
                       nargs - 1);
      return FALSE;
    }
  return TRUE;
}

static HsObject *
int_bit_length (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!check_nargs (vm, "int.bit_length", nargs, 1, kwnames))
    return NULL;
  return hs_int_from_i64 (vm, (gint64)int_bits (args[0]));
}

static HsObject *
int_bit_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  MpzView v;
  mpz_t a;
  gint64 n;

  if (!check_nargs (vm, "int.bit_count", nargs, 1, kwnames))
    return NULL;
  mpz_init (a);
  mpz_abs (a, view (args[0], &v));
  n = (gint64)mpz_popcount (a);
  mpz_clear (a);
  return hs_int_from_i64 (vm, n);
}

static HsObject *
int_conjugate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!check_nargs (vm, "int.conjugate", nargs, 1, kwnames))
    return NULL;
  return int_exact (vm, args[0]);
}

/* real, imag, numerator and denominator, then the methods */
static HsObject *
int_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *part = hs_int_part (vm, self, name);
  return part != NULL || hs_err_occurred (vm) ? part : hs_object_generic_getattr (vm, self, name);
}

/* ---- to_bytes and from_bytes ------------------------------------------------------ */

/* The byteorder argument: TRUE for 'little'; -1 with CPython's errors. */
static int
byteorder_arg (HsVM *vm, const char *fname, HsObject *order)
{
  if (order == NULL)
    return FALSE;
  if (!hs_str_check (order))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
                     hs_type_name (order));
      return -1;
    }
  if (hs_str_equal_cstr (order, "little") || hs_str_equal_cstr (order, "big"))
    return hs_str_equal_cstr (order, "little");
  hs_err_set_string (vm, &hs_exc_ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False): two's complement when signed */
static HsObject *
int_to_bytes (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *length_arg = NULL, *order = NULL, *signed_arg = NULL, *r = NULL;
  gint64 length = 1;
  int little, is_signed = 0;
  MpzView v;
  mpz_srcptr z = view (args[0], &v);

  if (!hs_parse_args (vm, "to_bytes", args + 1, nargs - 1, kwnames, "|length byteorder $signed",
                      &length_arg, &order, &signed_arg)
      || (length_arg != NULL
          && !hs_int_index_i64 (vm, length_arg, &length,
                                "Python int too large to convert to C ssize_t"))
      || (little = byteorder_arg (vm, "to_bytes", order)) < 0
      || (signed_arg != NULL && (is_signed = hs_object_truth (vm, signed_arg)) < 0))
    return NULL;
  if (length < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "length argument must be non-negative");
      return NULL;
    }
  if (mpz_sgn (z) < 0 && !is_signed)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "can't convert negative int to unsigned");
      return NULL;
    }
  /* the bits the value needs: a negative one -n as n - 1 in two's complement, a sign bit */
  mpz_t t;
  mpz_init (t);
  if (mpz_sgn (z) < 0)
    mpz_com (t, z); /* -z - 1 */
  else
    mpz_set (t, z);
  gsize bits = (mpz_sgn (t) == 0 ? 0 : mpz_sizeinbase (t, 2)) + (is_signed ? 1 : 0);
  /* in bytes: length * 8 wraps around past 2**61 */
  if ((bits + 7) / 8 > (guint64)length)
    hs_err_set_string (vm, &hs_exc_OverflowError, "int too big to convert");
  else if (hs_int_check_bits (vm, (double)length * 8))
    {
      unsigned char *buf = g_malloc0 (length + 1);
      gsize count = 0;
      if (mpz_sgn (z) < 0)
        {
          mpz_set_ui (t, 1);
          mpz_mul_2exp (t, t, (mp_bitcnt_t)length * 8);
          mpz_add (t, t, z);
        }
      if (mpz_sgn (t) != 0)
        mpz_export (buf + length - (mpz_sizeinbase (t, 256)), &count, 1, 1, 0, 0, t);
      for (gint64 i = 0; little && i < length / 2; i++)
        {
          unsigned char c = buf[i];
          buf[i] = buf[length - 1 - i];
          buf[length - 1 - i] = c;
        }
      r = hs_bytes_new (vm, (const char *)buf, length);
      g_free (buf);
    }
  mpz_clear (t);
  return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a class method: a subclass's
 * is cls(the int), as CPython's */
static HsObject *
int_from_bytes (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *source = NULL, *order = NULL, *signed_arg = NULL, *r;
  int little, is_signed = 0;
  HsBytesArg bytes;

  if (!hs_parse_args (vm, "from_bytes", args + 1, nargs - 1, kwnames, "bytes |byteorder $signed",
                      &source, &order, &signed_arg)
      || (little = byteorder_arg (vm, "from_bytes", order)) < 0
      || (signed_arg != NULL && (is_signed = hs_object_truth (vm, signed_arg)) < 0))
    return NULL;
  /* PyObject_Bytes: bytes(x) but for a str or an int count */
  if (hs_str_check (source) || hs_int_check (source))
    {
      hs_err_format (vm, &hs_exc_TypeError, "cannot convert '%s' object to bytes",
                     hs_type_name (source));
      return NULL;
    }
  if (!hs_bytes_from_args (vm, "bytes", source, NULL, NULL, &bytes))
    return NULL;
  mpz_t z;
  mpz_init (z);
  if (bytes.len > 0)
    mpz_import (z, bytes.len, little ? -1 : 1, 1, 0, 0, bytes.data);
  if (is_signed && bytes.len > 0 && (bytes.data[little ? bytes.len - 1 : 0] & 0x80))
    {
      mpz_t m;
      mpz_init_set_ui (m, 1);
      mpz_mul_2exp (m, m, (mp_bitcnt_t)bytes.len * 8);
      mpz_sub (z, z, m);
      mpz_clear (m);
    }
  hs_bytes_arg_clear (vm, &bytes);
  r = int_from_mpz (vm, z);
  if (r != NULL && args[0] != &hs_int_type.header)
    {
      HsObject *made = hs_object_call (vm, args[0], &r, 1, NULL);
      hs_decref (vm, r);
      r = made;
    }
  return r;
}

static const HsMethodDef int_methods[] = {
  { "__format__", hs_format_dunder },
  { "__abs__", hs_number_dunder_abs, HS_METH_SLOT },
  { "__round__", hs_number_dunder_round },
  { "__divmod__", hs_number_dunder_divmod, HS_METH_SLOT },
  { "__rdivmod__", hs_number_dunder_rdivmod, HS_METH_SLOT },
  { "__float__", hs_number_dunder_float, HS_METH_SLOT },
  { "__getnewargs__", hs_number_dunder_getnewargs },
  { "__int__", hs_int_dunder_value, HS_METH_SLOT },
  { "__index__", hs_int_dunder_value, HS_METH_SLOT },
  { "__trunc__", hs_int_dunder_value },
  { "__floor__", hs_int_dunder_value },
  { "__ceil__", hs_int_dunder_value },
  { "as_integer_ratio", hs_int_as_integer_ratio },
  { "bit_length", int_bit_length },
  { "bit_count", int_bit_count },
  { "conjugate", int_conjugate },
  { "to_bytes", int_to_bytes },
  { "from_bytes", int_from_bytes, HS_METH_CLASS },
  { NULL, NULL },
};

HsType hs_int_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "int",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsInt),
  .dealloc = int_dealloc,
  .repr = int_repr,
  .hash = int_hash_slot,
  .richcompare = int_richcompare,
  .binop = hs_int_binop,
  .unaryop = int_unaryop,
  .truth = int_truth,
  .construct = int_construct,
  .getattr = int_getattr,
  .methods = int_methods,
};

HsType hs_bool_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "bool",
  .base = &hs_int_type,
  .basicsize = sizeof (HsInt),
  .dealloc = int_dealloc,
  .repr = bool_repr,
  .str = bool_repr,
  .hash = int_hash_slot,
  .richcompare = int_richcompare,
  .binop = bool_binop,
  .unaryop = int_unaryop,
  .truth = int_truth,
  .construct = bool_construct,
};
