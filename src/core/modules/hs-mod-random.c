/* hs-mod-random.c — the `random` module: CPython's Mersenne Twister, bit for bit.
 *
 * Invariant: a generator's state is MT19937 exactly as CPython's _random module keeps
 * it (624 words + index), seeded the same way (init_by_array over the 32-bit words of
 * |seed|, little-endian; str, bytes and bytearray seeds through SHA-512 as random.py's
 * version 2), and every function consumes the same 32-bit outputs in the same order as
 * random.py 3.11 (randbelow by rejection with getrandbits(n.bit_length())), so a seeded program
 * prints what python3 prints. A generator also holds what CPython's Random keeps in its instance
 * __dict__: gauss_next, gauss()'s cached second value (None after seeding), a named
 * reference (its refs) so that the trace shows it as CPython's does. The module functions
 * are bound methods of one hidden generator per VM. seed() / seed(None) and the unseeded
 * start use the wall clock and the process id (CPython uses os.urandom): such runs are
 * not reproducible, as in CPython.
 */
#include "config.h"

#include <gmp.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-str.h"
#include "hs-tuple.h"

#define N 624
#define M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct
{
  HsObject header;
  guint32 state[N];
  int index;
  HsObject *gauss_next; /* owned; any object a program assigns, NULL once deleted */
} HsRandom;

static HsType random_type;

/* ---- MT19937 (Matsumoto & Nishimura), as in CPython's _randommodule.c ------------- */

static void
init_genrand (HsRandom *r, guint32 s)
{
  guint32 *mt = r->state;
  mt[0] = s;
  for (int i = 1; i < N; i++)
    mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (guint32)i;
  r->index = N;
}

static void
init_by_array (HsRandom *r, const guint32 *key, gsize key_length)
{
  guint32 *mt = r->state;
  gsize i = 1, j = 0, k;

  init_genrand (r, 19650218U);
  for (k = MAX ((gsize)N, key_length); k > 0; k--)
    {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (guint32)j;
      i++;
      j++;
      if (i >= N)
        {
          mt[0] = mt[N - 1];
          i = 1;
        }
      if (j >= key_length)
        j = 0;
    }
  for (k = N - 1; k > 0; k--)
    {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (guint32)i;
      i++;
      if (i >= N)
        {
          mt[0] = mt[N - 1];
          i = 1;
        }
    }
  mt[0] = 0x80000000U;
}

static guint32
genrand_uint32 (HsRandom *r)
{
  static const guint32 mag01[2] = { 0x0U, MATRIX_A };
  guint32 *mt = r->state, y;

  if (r->index >= N)
    {
      int kk;
      for (kk = 0; kk < N - M; kk++)
        {
          y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
          mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
      for (; kk < N - 1; kk++)
        {
          y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
          mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
      y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
      r->index = 0;
    }
  y = mt[r->index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

static double
random_double (HsRandom *r)
{
  guint32 a = genrand_uint32 (r) >> 5, b = genrand_uint32 (r) >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* Seeds from a non-negative integer (its 32-bit words, least significant first). */
static void
seed_mpz (HsRandom *r, mpz_t n)
{
  gsize count = 0;
  guint32 *key = mpz_export (NULL, &count, -1, 4, 0, 0, n);

  if (count == 0)
    {
      guint32 zero = 0;
      init_by_array (r, &zero, 1);
    }
  else
    init_by_array (r, key, count);
  hs_int_gmp_free (key);
}

static void
seed_time (HsRandom *r)
{
  guint32 key[3]
      = { (guint32)g_get_real_time (), (guint32)(g_get_real_time () >> 32), (guint32)getpid () };
  init_by_array (r, key, 3);
}

/* random.py's version-2 seed of a str (its UTF-8), bytes or bytearray:
 * int.from_bytes(s + sha512(s).digest()). */
static void
seed_bytes (HsRandom *r, const char *data, gsize len, mpz_t n)
{
  gsize dlen = 64;
  guint8 *buf = g_malloc (len + 64);
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA512);

  memcpy (buf, data, len);
  g_checksum_update (sum, (const guchar *)data, len);
  g_checksum_get_digest (sum, buf + len, &dlen);
  g_checksum_free (sum);
  mpz_import (n, len + dlen, 1, 1, 0, 0, buf);
  g_free (buf);
  seed_mpz (r, n);
}

/* Replaces r.gauss_next (takes value); the trace then records r again. */
static void
set_gauss_next_take (HsVM *vm, HsRandom *r, HsObject *value)
{
  HsObject *old = r->gauss_next;
  r->gauss_next = value;
  hs_object_mark_dirty (vm, &r->header);
  hs_xdecref (vm, old);
}

static int
seed_state (HsVM *vm, HsRandom *r, HsObject *arg)
{
  mpz_t n;

  if (arg == NULL || arg == hs_None)
    {
      seed_time (r);
      return 0;
    }
  mpz_init (n);
  if (hs_int_check (arg))
    {
      HsInt *i = (HsInt *)arg;
      if (i->big != NULL)
        mpz_abs (n, (mpz_ptr)i->big);
      else
        {
          mpz_set_si (n, (long)i->small);
          mpz_abs (n, n);
        }
      seed_mpz (r, n);
    }
  else if (hs_str_check (arg))
    seed_bytes (r, hs_str_utf8 (arg), hs_str_byte_len (arg), n);
  else if (hs_bytes_like_check (arg))
    seed_bytes (r, HS_BYTES (arg)->data, HS_BYTES (arg)->len, n);
  else if (HS_ISINSTANCE (arg, &hs_float_type))
    {
      /* _random seeds other hashables by hash(arg) read as an unsigned size_t. */
      gint64 h;
      if (hs_object_hash (vm, arg, &h) < 0)
        {
          mpz_clear (n);
          return -1;
        }
      mpz_set_ui (n, (gulong)(guint64)h);
      seed_mpz (r, n);
    }
  else
    {
      mpz_clear (n);
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "The only supported seed types are: None,\n"
                         "int, float, str, bytes, and bytearray.");
      return -1;
    }
  mpz_clear (n);
  return 0;
}

/* Random.seed: the Mersenne Twister's seeding, then gauss_next = None. */
static int
do_seed (HsVM *vm, HsRandom *r, HsObject *arg)
{
  if (seed_state (vm, r, arg) < 0)
    return -1;
  set_gauss_next_take (vm, r, hs_None);
  return 0;
}

/* ---- integers ------------------------------------------------------------------------ */

/* getrandbits(k) into out (CPython: 32-bit words, least significant first; the last
 * word keeps only its top bits). */
static void
getrandbits_mpz (HsRandom *r, gsize k, mpz_t out)
{
  gsize words = (k - 1) / 32 + 1;
  guint32 *w;

  if (k == 0)
    {
      mpz_set_ui (out, 0);
      return;
    }
  if (k <= 32)
    {
      mpz_set_ui (out, genrand_uint32 (r) >> (32 - k));
      return;
    }
  w = g_new (guint32, words);
  for (gsize i = 0; i < words; i++, k -= 32)
    {
      guint32 v = genrand_uint32 (r);
      if (k < 32)
        v >>= (32 - k);
      w[i] = v;
    }
  mpz_import (out, words, -1, 4, 0, 0, w);
  g_free (w);
}

/* random.py's _randbelow_with_getrandbits: out = uniform in [0, n), n > 0. */
static void
randbelow_mpz (HsRandom *r, mpz_t n, mpz_t out)
{
  gsize k = mpz_sizeinbase (n, 2);
  do
    getrandbits_mpz (r, k, out);
  while (mpz_cmp (out, n) >= 0);
}

static guint64
randbelow_u64 (HsRandom *r, guint64 n)
{
  mpz_t nz, out;
  guint64 v;

  if (n <= G_MAXUINT32)
    {
      int k = n == 0 ? 0 : 64 - __builtin_clzll (n);
      guint32 x;
      if (k == 0)
        return 0;
      do
        x = genrand_uint32 (r) >> (32 - k);
      while (x >= n);
      return x;
    }
  mpz_init_set_ui (nz, n);
  mpz_init (out);
  randbelow_mpz (r, nz, out);
  v = mpz_get_ui (out);
  mpz_clear (nz);
  mpz_clear (out);
  return v;
}

static gboolean
index_arg (HsVM *vm, HsObject *o, const char *what, mpz_t out)
{
  if (!hs_int_check (o))
    {
      if (HS_ISINSTANCE (o, &hs_float_type))
        {
          double d = hs_float_value (o);
          if (d == (double)(gint64)d)
            {
              /* 3.11 accepts integral floats with a DeprecationWarning. */
              mpz_set_d (out, d);
              return TRUE;
            }
          hs_err_format (vm, &hs_exc_ValueError, "non-integer %s for randrange()", what);
          return FALSE;
        }
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (o));
      return FALSE;
    }
  hs_int_get_mpz (o, out);
  return TRUE;
}

/* ---- methods (args[0] is the generator) ------------------------------------------- */

#define SELF ((HsRandom *)args[0])

static HsObject *
r_seed (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *version = NULL;
  if (!hs_parse_args (vm, "seed", args + 1, nargs - 1, kwnames, "|a version", &a, &version))
    return NULL;
  return do_seed (vm, SELF, a) < 0 ? NULL : hs_None;
}

static HsObject *
r_random (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "Random.random", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_float_new (vm, random_double (SELF));
}

static HsObject *
r_getrandbits (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *ko;
  gint64 k;
  mpz_t out;

  if (!hs_parse_args (vm, "Random.getrandbits", args + 1, nargs - 1, kwnames, "!k", &ko))
    return NULL;
  if (!hs_int_check (ko))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (ko));
      return NULL;
    }
  if (!hs_int_as_i64 (ko, &k) || k > (1 << 24))
    {
      /* CPython takes k as a C int; Heapscope draws 2**24 bits at most */
      hs_err_set_string (vm, &hs_exc_OverflowError,
                         !hs_int_as_i64 (ko, &k) || k > G_MAXINT32
                             ? "Python int too large to convert to C int"
                             : "getrandbits() argument too large");
      return NULL;
    }
  if (k < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "number of bits must be non-negative");
      return NULL;
    }
  HsObject *result;
  mpz_init (out);
  getrandbits_mpz (SELF, (gsize)k, out);
  result = hs_int_from_mpz (vm, out);
  mpz_clear (out);
  return result;
}

static HsObject *
randrange (HsVM *vm, HsRandom *r, HsObject *start, HsObject *stop, HsObject *step)
{
  mpz_t istart, istop, istep, width, n, out;
  HsObject *result = NULL;

  mpz_inits (istart, istop, istep, width, n, out, NULL);
  if (!index_arg (vm, start, "arg 1", istart))
    goto done;
  if (stop == NULL || stop == hs_None)
    {
      if (step != NULL)
        hs_err_set_string (vm, &hs_exc_TypeError, "Missing a non-None stop argument");
      else if (mpz_sgn (istart) > 0)
        {
          randbelow_mpz (r, istart, out);
          result = hs_int_from_mpz (vm, out);
        }
      else
        hs_err_set_string (vm, &hs_exc_ValueError, "empty range for randrange()");
      goto done;
    }
  if (!index_arg (vm, stop, "stop", istop))
    goto done;
  mpz_sub (width, istop, istart);
  mpz_set_ui (istep, 1);
  if (step != NULL && !index_arg (vm, step, "step", istep))
    goto done;
  if (mpz_cmp_ui (istep, 1) == 0)
    {
      if (mpz_sgn (width) > 0)
        {
          randbelow_mpz (r, width, out);
          mpz_add (out, out, istart);
          result = hs_int_from_mpz (vm, out);
        }
      else
        {
          char *a = mpz_get_str (NULL, 10, istart), *b = mpz_get_str (NULL, 10, istop),
               *c = mpz_get_str (NULL, 10, width);
          hs_err_format (vm, &hs_exc_ValueError, "empty range for randrange() (%s, %s, %s)", a, b,
                         c);
          hs_int_gmp_free (a);
          hs_int_gmp_free (b);
          hs_int_gmp_free (c);
        }
      goto done;
    }
  if (mpz_sgn (istep) == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "zero step for randrange()");
      goto done;
    }
  /* n = (width + step -/+ 1) // step, floor division like Python's. */
  mpz_add (n, width, istep);
  if (mpz_sgn (istep) > 0)
    mpz_sub_ui (n, n, 1);
  else
    mpz_add_ui (n, n, 1);
  mpz_fdiv_q (n, n, istep);
  if (mpz_sgn (n) <= 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "empty range for randrange()");
      goto done;
    }
  randbelow_mpz (r, n, out);
  mpz_mul (out, out, istep);
  mpz_add (out, out, istart);
  result = hs_int_from_mpz (vm, out);
done:
  mpz_clears (istart, istop, istep, width, n, out, NULL);
  return result;
}

static HsObject *
r_randrange (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *start, *stop = NULL, *step = NULL;
  if (!hs_parse_args (vm, "randrange", args + 1, nargs - 1, kwnames, "start |stop step", &start,
                      &stop, &step))
    return NULL;
  return randrange (vm, SELF, start, stop, step);
}

static HsObject *
r_randint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a, *b, *stop, *r;
  if (!hs_parse_args (vm, "randint", args + 1, nargs - 1, kwnames, "a b", &a, &b))
    return NULL;
  stop = hs_number_binop (vm, HS_BIN_ADD, b, hs_True);
  if (stop == NULL)
    return NULL;
  r = randrange (vm, SELF, a, stop, NULL);
  hs_decref (vm, stop);
  return r;
}

static HsObject *
r_choice (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *seq, *idx, *item;
  gssize n;

  if (!hs_parse_args (vm, "choice", args + 1, nargs - 1, kwnames, "seq", &seq))
    return NULL;
  n = hs_object_len (vm, seq);
  if (n < 0)
    return NULL;
  if (n == 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "Cannot choose from an empty sequence");
      return NULL;
    }
  idx = hs_int_from_u64 (vm, randbelow_u64 (SELF, (guint64)n));
  if (idx == NULL)
    return NULL;
  item = hs_object_getitem (vm, seq, idx);
  hs_decref (vm, idx);
  return item;
}

static int
swap_items (HsVM *vm, HsObject *x, guint64 i, guint64 j)
{
  HsObject *io = hs_int_from_u64 (vm, i), *jo = hs_int_from_u64 (vm, j);
  HsObject *a = NULL, *b = NULL;
  int rc = -1;

  if (io == NULL || jo == NULL)
    goto out;
  /* x[i], x[j] = x[j], x[i] */
  if ((b = hs_object_getitem (vm, x, jo)) == NULL || (a = hs_object_getitem (vm, x, io)) == NULL)
    goto out;
  if (hs_object_setitem (vm, x, io, b) < 0 || hs_object_setitem (vm, x, jo, a) < 0)
    goto out;
  rc = 0;
out:
  hs_xdecref (vm, io);
  hs_xdecref (vm, jo);
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return rc;
}

static HsObject *
r_shuffle (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x;
  gssize n;

  if (!hs_parse_args (vm, "shuffle", args + 1, nargs - 1, kwnames, "x", &x))
    return NULL;
  n = hs_object_len (vm, x);
  if (n < 0)
    return NULL;
  for (gssize i = n - 1; i >= 1; i--)
    {
      guint64 j = randbelow_u64 (SELF, (guint64)i + 1);
      if (swap_items (vm, x, (guint64)i, j) < 0)
        return NULL;
    }
  return hs_None;
}

static gboolean
is_sequence (HsObject *o)
{
  return hs_list_check (o) || hs_tuple_check (o) || hs_str_check (o)
         || HS_ISINSTANCE (o, &hs_range_type);
}

static HsObject *
sample_pool (HsVM *vm, HsRandom *r, HsObject *population, HsObject *result, gsize n, gsize k)
{
  HsObject *pool = hs_list_from_iterable (vm, population);
  if (pool == NULL)
    return NULL;
  for (gsize i = 0; i < k; i++)
    {
      gsize j = (gsize)randbelow_u64 (r, n - i);
      hs_list_append (vm, result, hs_list_get_borrow (pool, j));
      hs_list_set_item (vm, pool, j, hs_list_get_borrow (pool, n - i - 1));
    }
  hs_decref (vm, pool);
  return result;
}

static HsObject *
sample_set (HsVM *vm, HsRandom *r, HsObject *population, HsObject *result, gsize n, gsize k)
{
  GHashTable *selected = g_hash_table_new (NULL, NULL);
  for (gsize i = 0; i < k; i++)
    {
      guint64 j = randbelow_u64 (r, n);
      HsObject *jo, *item;
      while (g_hash_table_contains (selected, GSIZE_TO_POINTER (j + 1)))
        j = randbelow_u64 (r, n);
      g_hash_table_add (selected, GSIZE_TO_POINTER (j + 1));
      jo = hs_int_from_u64 (vm, j);
      item = jo ? hs_object_getitem (vm, population, jo) : NULL;
      hs_xdecref (vm, jo);
      if (item == NULL || hs_list_append_take (vm, result, item) < 0)
        {
          g_hash_table_unref (selected);
          return NULL;
        }
    }
  g_hash_table_unref (selected);
  return result;
}

static HsObject *sample_counted (HsVM *vm, HsObject *self, HsObject *population, gssize n,
                                 HsObject *ko, HsObject *counts);

static HsObject *
r_sample (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *population, *ko, *counts = NULL, *result;
  gssize n;
  gint64 k;
  gsize setsize = 21;

  if (!hs_parse_args (vm, "sample", args + 1, nargs - 1, kwnames, "population k | $ counts",
                      &population, &ko, &counts))
    return NULL;
  if (!is_sequence (population))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "Population must be a sequence.  For dicts or sets, use sorted(d).");
      return NULL;
    }
  if ((n = hs_object_len (vm, population)) < 0)
    return NULL;
  if (counts != NULL && counts != hs_None)
    return sample_counted (vm, args[0], population, n, ko, counts);
  if (!hs_int_check (ko))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (ko));
      return NULL;
    }
  if (!hs_int_as_i64 (ko, &k) || k < 0 || k > n)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Sample larger than population or is negative");
      return NULL;
    }
  if (k > 5)
    {
      /* 4 ** ceil(log(k * 3, 4)), computed as random.py does (floating point). */
      double e = ceil (log ((double)k * 3) / log (4.0));
      setsize += (gsize)pow (4.0, e);
    }
  result = hs_list_new (vm, (gsize)k);
  if (result == NULL)
    return NULL;
  if ((gsize)n <= setsize ? sample_pool (vm, SELF, population, result, (gsize)n, (gsize)k) == NULL
                          : sample_set (vm, SELF, population, result, (gsize)n, (gsize)k) == NULL)
    {
      hs_decref (vm, result);
      return NULL;
    }
  return result;
}

static HsObject *
r_uniform (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *ao, *bo;
  double a, b;
  if (!hs_parse_args (vm, "uniform", args + 1, nargs - 1, kwnames, "a b", &ao, &bo)
      || hs_number_as_double (vm, ao, &a) < 0 || hs_number_as_double (vm, bo, &b) < 0)
    return NULL;
  return hs_float_new (vm, a + (b - a) * random_double (SELF));
}

/* mu + z * sigma with Python's operators, as random.py computes it (z may be anything a
 * program stored in gauss_next); mu and sigma default (NULL) to 0.0 and 1.0. */
static HsObject *
shift_scale (HsVM *vm, HsObject *mu, HsObject *z, HsObject *sigma)
{
  HsObject *own_mu = NULL, *own_sigma = NULL, *zs = NULL, *result = NULL;

  if ((mu == NULL && (mu = own_mu = hs_float_new (vm, 0.0)) == NULL)
      || (sigma == NULL && (sigma = own_sigma = hs_float_new (vm, 1.0)) == NULL))
    goto out;
  if ((zs = hs_number_binop (vm, HS_BIN_MUL, z, sigma)) != NULL)
    result = hs_number_binop (vm, HS_BIN_ADD, mu, zs);
out:
  hs_xdecref (vm, own_mu);
  hs_xdecref (vm, own_sigma);
  hs_xdecref (vm, zs);
  return result;
}

static HsObject *
r_gauss (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsRandom *r = SELF;
  HsObject *mu = NULL, *sigma = NULL, *z, *result;

  if (!hs_parse_args (vm, "gauss", args + 1, nargs - 1, kwnames, "|mu sigma", &mu, &sigma))
    return NULL;
  /* Box-Muller: two values per pair of random() calls; the second one is kept. */
  if (r->gauss_next == NULL)
    {
      hs_err_set_string (vm, &hs_exc_AttributeError,
                         "'Random' object has no attribute 'gauss_next'");
      return NULL;
    }
  z = hs_incref (r->gauss_next);
  set_gauss_next_take (vm, r, hs_None);
  if (z == hs_None)
    {
      double x2pi = random_double (r) * (2.0 * G_PI);
      double g2rad = sqrt (-2.0 * log (1.0 - random_double (r)));
      HsObject *next;
      if ((z = hs_float_new (vm, cos (x2pi) * g2rad)) == NULL)
        return NULL;
      if ((next = hs_float_new (vm, sin (x2pi) * g2rad)) == NULL)
        {
          hs_decref (vm, z);
          return NULL;
        }
      set_gauss_next_take (vm, r, next);
    }
  result = shift_scale (vm, mu, z, sigma);
  hs_decref (vm, z);
  return result;
}

static HsObject *
r_normalvariate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  /* random.py's NV_MAGICCONST, computed the same way. */
  const double magic = 4 * exp (-0.5) / sqrt (2.0);
  HsObject *mu = NULL, *sigma = NULL, *z, *result;
  double u1, u2, zv;

  if (!hs_parse_args (vm, "normalvariate", args + 1, nargs - 1, kwnames, "|mu sigma", &mu, &sigma))
    return NULL;
  /* Kinderman and Monahan's ratio of uniforms. */
  do
    {
      u1 = random_double (SELF);
      u2 = 1.0 - random_double (SELF);
      zv = magic * (u1 - 0.5) / u2;
    }
  while (!(zv * zv / 4.0 <= -log (u2)));
  if ((z = hs_float_new (vm, zv)) == NULL)
    return NULL;
  result = shift_scale (vm, mu, z, sigma);
  hs_decref (vm, z);
  return result;
}

/* ---- random.py's distributions, with Python's arithmetic on the parameters ------------- */

/* The objects an expression made along the way, released together (a NULL operand makes a
 * NULL result, so an error propagates to the end). */
typedef struct
{
  HsVM *vm;
  HsObject *items[16];
  int n;
} Scratch;

static HsObject *
keep (Scratch *s, HsObject *o)
{
  g_assert (s->n < (int)G_N_ELEMENTS (s->items));
  if (o != NULL)
    s->items[s->n++] = o;
  return o;
}

static HsObject *
num (Scratch *s, double v)
{
  return keep (s, hs_float_new (s->vm, v));
}

static HsObject *
bin (Scratch *s, HsBinOp op, HsObject *a, HsObject *b)
{
  return a != NULL && b != NULL ? keep (s, hs_number_binop (s->vm, op, a, b)) : NULL;
}

/* Returns result (a new reference, or NULL) and releases the rest. */
static HsObject *
finish (Scratch *s, HsObject *result)
{
  if (result != NULL)
    hs_incref (result);
  for (int i = 0; i < s->n; i++)
    hs_decref (s->vm, s->items[i]);
  return result;
}

/* math.exp / math.sqrt / math.log of a Python number, with math's errors */
static gboolean
real_of (HsVM *vm, HsObject *o, double *out)
{
  return o != NULL && hs_number_as_double (vm, o, out) == 0;
}

static HsObject *
r_triangular (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  Scratch s = { vm };
  HsObject *low = NULL, *high = NULL, *mode = hs_None, *c, *u, *swap;
  double uc;

  if (!hs_parse_args (vm, "Random.triangular", args, nargs, kwnames, "@self |low high mode", &me,
                      &low, &high, &mode))
    return NULL;
  low = low != NULL ? low : num (&s, 0.0);
  high = high != NULL ? high : num (&s, 1.0);
  u = num (&s, random_double (SELF));
  c = mode == hs_None ? num (&s, 0.5)
                      : bin (&s, HS_BIN_TRUEDIV, bin (&s, HS_BIN_SUB, mode, low),
                             bin (&s, HS_BIN_SUB, high, low));
  if (c == NULL && hs_err_matches (vm, &hs_exc_ZeroDivisionError))
    {
      hs_err_clear (vm);
      return finish (&s, low);
    }
  if (c == NULL || u == NULL)
    return finish (&s, NULL);
  switch (hs_object_richcompare_bool (vm, u, c, HS_CMP_GT))
    {
      case 1:
        u = bin (&s, HS_BIN_SUB, num (&s, 1.0), u);
        c = bin (&s, HS_BIN_SUB, num (&s, 1.0), c);
        swap = low, low = high, high = swap;
        break;
      case -1:
        return finish (&s, NULL);
    }
  if (!real_of (vm, bin (&s, HS_BIN_MUL, u, c), &uc))
    return finish (&s, NULL);
  if (uc < 0.0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "math domain error");
      return finish (&s, NULL);
    }
  return finish (&s,
                 bin (&s, HS_BIN_ADD, low,
                      bin (&s, HS_BIN_MUL, bin (&s, HS_BIN_SUB, high, low), num (&s, sqrt (uc)))));
}

static HsObject *
r_expovariate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  Scratch s = { vm };
  HsObject *lambd;
  if (!hs_parse_args (vm, "Random.expovariate", args, nargs, kwnames, "@self lambd", &me, &lambd))
    return NULL;
  return finish (&s, bin (&s, HS_BIN_TRUEDIV, num (&s, -log (1.0 - random_double (SELF))), lambd));
}

static HsObject *
r_paretovariate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  Scratch s = { vm };
  HsObject *alpha;
  if (!hs_parse_args (vm, "Random.paretovariate", args, nargs, kwnames, "@self alpha", &me, &alpha))
    return NULL;
  HsObject *u = num (&s, 1.0 - random_double (SELF));
  return finish (&s, bin (&s, HS_BIN_POW, u, bin (&s, HS_BIN_TRUEDIV, num (&s, -1.0), alpha)));
}

static HsObject *
r_weibullvariate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  Scratch s = { vm };
  HsObject *alpha, *beta;
  if (!hs_parse_args (vm, "Random.weibullvariate", args, nargs, kwnames, "@self alpha beta", &me,
                      &alpha, &beta))
    return NULL;
  double u = 1.0 - random_double (SELF);
  return finish (&s, bin (&s, HS_BIN_MUL, alpha,
                          bin (&s, HS_BIN_POW, num (&s, -log (u)),
                               bin (&s, HS_BIN_TRUEDIV, num (&s, 1.0), beta))));
}

static HsObject *
r_lognormvariate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  HsObject *mu, *sigma, *call[3], *z;
  double v;
  if (!hs_parse_args (vm, "Random.lognormvariate", args, nargs, kwnames, "@self mu sigma", &me, &mu,
                      &sigma))
    return NULL;
  call[0] = args[0], call[1] = mu, call[2] = sigma;
  z = r_normalvariate (vm, call, 3, NULL);
  if (!real_of (vm, z, &v))
    {
      hs_xdecref (vm, z);
      return NULL;
    }
  hs_decref (vm, z);
  if (isinf (exp (v)) && isfinite (v))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "math range error");
      return NULL;
    }
  return hs_float_new (vm, exp (v));
}

static HsObject *
r_vonmisesvariate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  Scratch s = { vm };
  HsObject *mu, *kappa_obj;
  double kappa, sr, r, u1, z, d, u2, q, f, angle;
  const double twopi = 2.0 * G_PI;

  if (!hs_parse_args (vm, "Random.vonmisesvariate", args, nargs, kwnames, "@self mu kappa", &me,
                      &mu, &kappa_obj)
      || !real_of (vm, kappa_obj, &kappa))
    return NULL;
  if (kappa <= 1e-6)
    return hs_float_new (vm, twopi * random_double (SELF));
  sr = 0.5 / kappa;
  r = sr + sqrt (1.0 + sr * sr);
  do
    {
      u1 = random_double (SELF);
      z = cos (G_PI * u1);
      d = z / (r + z);
      u2 = random_double (SELF);
    }
  while (!(u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp (d)));
  q = 1.0 / r;
  f = (q + z) / (1.0 + q * z);
  if (!(f >= -1.0 && f <= 1.0))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "math domain error");
      return NULL;
    }
  angle = acos (f);
  return finish (
      &s, bin (&s, HS_BIN_MOD,
               bin (&s, random_double (SELF) > 0.5 ? HS_BIN_ADD : HS_BIN_SUB, mu, num (&s, angle)),
               num (&s, twopi)));
}

/* random.py's gammavariate on doubles; *x is the variate before scaling by beta */
static gboolean
gamma_double (HsVM *vm, HsRandom *r, double alpha, double beta, double *x)
{
  const double log4 = log (4.0), sg_magicconst = 1.0 + log (4.5);

  if (alpha <= 0.0 || beta <= 0.0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "gammavariate: alpha and beta must be > 0.0");
      return FALSE;
    }
  if (alpha > 1.0)
    {
      /* Cheng's rejection method (Marsaglia's variant as random.py writes it) */
      double ainv = sqrt (2.0 * alpha - 1.0), bbb = alpha - log4, ccc = alpha + ainv;
      for (;;)
        {
          double u1 = random_double (r), u2, v, z, rr;
          if (!(1e-7 < u1 && u1 < 0.9999999))
            continue;
          u2 = 1.0 - random_double (r);
          v = log (u1 / (1.0 - u1)) / ainv;
          *x = alpha * exp (v);
          z = u1 * u1 * u2;
          rr = bbb + ccc * v - *x;
          if (rr + sg_magicconst - 4.5 * z >= 0.0 || rr >= log (z))
            return TRUE;
        }
    }
  if (alpha == 1.0)
    {
      *x = -log (1.0 - random_double (r));
      return TRUE;
    }
  /* Kennedy & Gentle's algorithm GS for 0 < alpha < 1 */
  for (;;)
    {
      double u = random_double (r), b = (G_E + alpha) / G_E, p = b * u, u1;
      *x = p <= 1.0 ? pow (p, 1.0 / alpha) : -log ((b - p) / alpha);
      u1 = random_double (r);
      if (p > 1.0 ? u1 <= pow (*x, alpha - 1.0) : u1 <= exp (-*x))
        return TRUE;
    }
}

static HsObject *
r_gammavariate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  Scratch s = { vm };
  HsObject *alpha_obj, *beta_obj;
  double alpha, beta, x;

  if (!hs_parse_args (vm, "Random.gammavariate", args, nargs, kwnames, "@self alpha beta", &me,
                      &alpha_obj, &beta_obj)
      || !real_of (vm, alpha_obj, &alpha) || !real_of (vm, beta_obj, &beta)
      || !gamma_double (vm, SELF, alpha, beta, &x))
    return NULL;
  return finish (&s, bin (&s, HS_BIN_MUL, num (&s, x), beta_obj));
}

static HsObject *
r_betavariate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  HsObject *alpha_obj, *beta_obj;
  double alpha, beta, y, z;

  if (!hs_parse_args (vm, "Random.betavariate", args, nargs, kwnames, "@self alpha beta", &me,
                      &alpha_obj, &beta_obj)
      || !real_of (vm, alpha_obj, &alpha) || !real_of (vm, beta_obj, &beta)
      || !gamma_double (vm, SELF, alpha, 1.0, &y))
    return NULL;
  if (y == 0.0)
    return hs_float_new (vm, 0.0);
  if (!gamma_double (vm, SELF, beta, 1.0, &z))
    return NULL;
  return hs_float_new (vm, y / (y + z));
}

/* ---- choices ------------------------------------------------------------------------- */

/* bisect.bisect_right(a, x, 0, hi) with Python's comparisons; -1 on error */
static gssize
bisect_right (HsVM *vm, HsObject *a, HsObject *x, gsize hi)
{
  gsize lo = 0;
  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      int lt = hs_object_richcompare_bool (vm, x, hs_list_get_borrow (a, mid), HS_CMP_LT);
      if (lt < 0)
        return -1;
      if (lt)
        hi = mid;
      else
        lo = mid + 1;
    }
  return (gssize)lo;
}

/* itertools.accumulate(iterable) as a list: running sums with Python's + */
static HsObject *
accumulate (HsVM *vm, HsObject *iterable)
{
  HsObject *list = hs_list_from_iterable (vm, iterable);
  gsize n = list != NULL ? hs_list_len (list) : 0;

  for (gsize i = 1; i < n; i++)
    {
      HsObject *sum = hs_number_binop (vm, HS_BIN_ADD, hs_list_get_borrow (list, i - 1),
                                       hs_list_get_borrow (list, i));
      if (sum == NULL)
        {
          HS_CLEAR (vm, list);
          return NULL;
        }
      hs_list_set_item (vm, list, i, sum);
      hs_decref (vm, sum);
    }
  return list;
}

/* population[i] appended to out */
static int
append_item_at (HsVM *vm, HsObject *out, HsObject *population, gsize i)
{
  HsObject *index = hs_int_from_u64 (vm, i);
  HsObject *item = index != NULL ? hs_object_getitem (vm, population, index) : NULL;
  hs_xdecref (vm, index);
  return item != NULL ? hs_list_append_take (vm, out, item) : -1;
}

/* The cumulative weights choices() bisects over, from weights or cum_weights, checked as
 * random.py checks them; *total their last plus 0.0. */
static HsObject *
cumulative (HsVM *vm, HsObject *weights, HsObject *cum_weights, gssize n, double *total)
{
  HsObject *cum, *zero, *last = NULL;

  if (cum_weights != hs_None && weights != hs_None)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "Cannot specify both weights and cumulative weights");
      return NULL;
    }
  if (cum_weights != hs_None)
    cum = hs_list_from_iterable (vm, cum_weights);
  else if ((cum = accumulate (vm, weights)) == NULL && hs_int_check (weights)
           && hs_err_matches (vm, &hs_exc_TypeError))
    {
      HsObject *k = hs_object_repr (vm, weights);
      hs_err_clear (vm);
      if (k != NULL)
        hs_err_format (vm, &hs_exc_TypeError,
                       "The number of choices must be a keyword argument: k=%s", hs_str_utf8 (k));
      hs_xdecref (vm, k);
      return NULL;
    }
  if (cum == NULL)
    return NULL;
  if ((gssize)hs_list_len (cum) != n)
    hs_err_set_string (vm, &hs_exc_ValueError,
                       "The number of weights does not match the population");
  else if (n == 0)
    hs_err_set_string (vm, &hs_exc_IndexError, "list index out of range");
  else if ((zero = hs_float_new (vm, 0.0)) != NULL)
    {
      last = hs_number_binop (vm, HS_BIN_ADD, hs_list_get_borrow (cum, n - 1), zero);
      hs_decref (vm, zero);
    }
  if (last != NULL && hs_number_as_double (vm, last, total) == 0)
    {
      if (*total <= 0.0)
        hs_err_set_string (vm, &hs_exc_ValueError, "Total of weights must be greater than zero");
      else if (!isfinite (*total))
        hs_err_set_string (vm, &hs_exc_ValueError, "Total of weights must be finite");
    }
  hs_xdecref (vm, last);
  if (hs_err_occurred (vm))
    HS_CLEAR (vm, cum);
  return cum;
}

static HsObject *
r_choices (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  HsObject *population, *weights = hs_None, *cum_weights = hs_None, *ko = NULL, *cum = NULL, *out;
  gssize n, k = 1;
  double total = 0.0;

  if (!hs_parse_args (vm, "Random.choices", args, nargs, kwnames,
                      "@self population |weights $cum_weights k", &me, &population, &weights,
                      &cum_weights, &ko))
    return NULL;
  if ((n = hs_object_len (vm, population)) < 0)
    return NULL;
  if (ko != NULL)
    {
      HsObject *index = hs_object_index (vm, ko);
      if (index == NULL)
        return NULL;
      k = hs_int_as_ssize (vm, index);
      hs_decref (vm, index);
      if (k == -1 && hs_err_occurred (vm))
        return NULL;
    }
  if ((weights != hs_None || cum_weights != hs_None)
      && (cum = cumulative (vm, weights, cum_weights, n, &total)) == NULL)
    return NULL;
  out = hs_list_new (vm, 0);
  for (gssize i = 0; out != NULL && i < k; i++)
    {
      gssize at = cum == NULL ? (gssize)floor (random_double (SELF) * (double)n) : 0;
      if (cum != NULL)
        {
          HsObject *x = hs_float_new (vm, random_double (SELF) * total);
          at = x != NULL ? bisect_right (vm, cum, x, (gsize)n - 1) : -1;
          hs_xdecref (vm, x);
        }
      if (at < 0 || append_item_at (vm, out, population, (gsize)at) < 0)
        HS_CLEAR (vm, out);
    }
  hs_xdecref (vm, cum);
  return out;
}

/* ---- state ----------------------------------------------------------------------------- */

/* getstate(): (3, the 624 words and the index, gauss_next), as random.py's VERSION 3 */
static HsObject *
r_getstate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  HsRandom *r = SELF;
  HsObject *words, *version, *result;

  if (!hs_parse_args (vm, "Random.getstate", args, nargs, kwnames, "@self", &me)
      || (words = hs_tuple_new (vm, N + 1)) == NULL)
    return NULL;
  for (int i = 0; i < N; i++)
    hs_tuple_set_take (words, i, hs_int_from_u64 (vm, r->state[i]));
  hs_tuple_set_take (words, N, hs_int_from_i64 (vm, r->index));
  for (int i = 0; i <= N; i++)
    if (hs_tuple_get_borrow (words, i) == NULL)
      {
        hs_decref (vm, words);
        return NULL;
      }
  version = hs_int_from_i64 (vm, 3);
  result = version != NULL ? hs_tuple_pack (vm, 3, version, words,
                                            r->gauss_next != NULL ? r->gauss_next : hs_None)
                           : NULL;
  hs_xdecref (vm, version);
  hs_decref (vm, words);
  return result;
}

/* _random.Random.setstate(internalstate): 625 ints (version 2's reduced mod 2**32) */
static gboolean
set_internal_state (HsVM *vm, HsRandom *r, HsObject *state, gboolean reduce)
{
  guint32 words[N];
  gint64 index;

  if (!hs_tuple_check (state))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "state vector must be a tuple");
      return FALSE;
    }
  if (hs_tuple_len (state) != N + 1)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "state vector is the wrong size");
      return FALSE;
    }
  for (int i = 0; i <= N; i++)
    {
      HsObject *item = hs_tuple_get_borrow (state, i);
      mpz_t z;
      gboolean fits;

      if (!hs_int_check (item))
        {
          hs_err_format (vm, &hs_exc_TypeError, "an integer is required (got type %s)",
                         hs_type_name (item));
          return FALSE;
        }
      mpz_init (z);
      hs_int_get_mpz (item, z);
      if (reduce)
        mpz_fdiv_r_2exp (z, z, 32);
      fits = i < N ? mpz_sgn (z) >= 0 && mpz_sizeinbase (z, 2) <= 32 : mpz_fits_slong_p (z);
      if (fits && i < N)
        words[i] = (guint32)mpz_get_ui (z);
      else if (fits)
        index = mpz_get_si (z);
      else
        hs_err_set_string (vm, &hs_exc_OverflowError,
                           mpz_sgn (z) < 0 ? "can't convert negative int to unsigned"
                                           : "Python int too large to convert to C unsigned long");
      mpz_clear (z);
      if (!fits)
        return FALSE;
    }
  if (index < 0 || index > N)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "invalid state");
      return FALSE;
    }
  memcpy (r->state, words, sizeof words);
  r->index = (int)index;
  return TRUE;
}

static HsObject *
r_setstate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  HsObject *state, *items = NULL, *version, *r = NULL;
  gint64 v = 0;

  HsObject *zero;
  if (!hs_parse_args (vm, "Random.setstate", args, nargs, kwnames, "@self state", &me, &state)
      || (zero = hs_int_from_i64 (vm, 0)) == NULL)
    return NULL;
  version = hs_object_getitem (vm, state, zero);
  hs_decref (vm, zero);
  if (version == NULL)
    return NULL;
  if (!hs_int_check (version) || !hs_int_as_i64 (version, &v) || (v != 3 && v != 2))
    {
      HsObject *text = hs_object_str (vm, version);
      if (text != NULL)
        hs_err_format (vm, &hs_exc_ValueError,
                       "state with version %s passed to Random.setstate() of version 3",
                       hs_str_utf8 (text));
      hs_xdecref (vm, text);
    }
  else if ((items = hs_tuple_from_iterable (vm, state)) != NULL && hs_tuple_len (items) != 3)
    hs_err_format (vm, &hs_exc_ValueError,
                   hs_tuple_len (items) < 3
                       ? "not enough values to unpack (expected 3, got %" G_GSIZE_FORMAT ")"
                       : "too many values to unpack (expected 3)",
                   hs_tuple_len (items));
  else if (items != NULL)
    {
      set_gauss_next_take (vm, SELF, hs_incref (hs_tuple_get_borrow (items, 2)));
      if (set_internal_state (vm, SELF, hs_tuple_get_borrow (items, 1), v == 2))
        r = hs_incref (hs_None);
    }
  hs_decref (vm, version);
  hs_xdecref (vm, items);
  return r;
}

/* randbytes(n): getrandbits(n * 8).to_bytes(n, 'little') */
static HsObject *
r_randbytes (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *me; /* args[0], the generator */
  HsObject *no, *result;
  gint64 n;
  mpz_t bits;
  guint8 *buf;
  gsize written = 0;

  if (!hs_parse_args (vm, "Random.randbytes", args, nargs, kwnames, "@self n", &me, &no))
    return NULL;
  if (!hs_int_check (no))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (no));
      return NULL;
    }
  if (!hs_int_as_i64 (no, &n) || n > (1 << 21))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "getrandbits() argument too large");
      return NULL;
    }
  if (n < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "number of bits must be non-negative");
      return NULL;
    }
  mpz_init (bits);
  getrandbits_mpz (SELF, (gsize)n * 8, bits);
  buf = g_malloc0 ((gsize)n + 1);
  mpz_export (buf, &written, -1, 1, 0, 0, bits);
  mpz_clear (bits);
  result = hs_bytes_new (vm, (const char *)buf, (gsize)n);
  g_free (buf);
  return result;
}

/* sample(population, k, counts=...): random.py's, a sample of range(total) bisected into
 * the cumulative counts */
static HsObject *
sample_counted (HsVM *vm, HsObject *self, HsObject *population, gssize n, HsObject *ko,
                HsObject *counts)
{
  HsObject *cum = accumulate (vm, counts), *total = NULL, *range = NULL, *picks = NULL, *out = NULL;

  if (cum == NULL)
    return NULL;
  if ((gssize)hs_list_len (cum) != n)
    hs_err_set_string (vm, &hs_exc_ValueError,
                       "The number of counts does not match the population");
  else if (n == 0)
    hs_err_set_string (vm, &hs_exc_IndexError, "pop from empty list");
  else if (!hs_int_check (total = hs_list_get_borrow (cum, n - 1)))
    hs_err_set_string (vm, &hs_exc_TypeError, "Counts must be integers");
  else if (hs_int_sign (total) <= 0)
    hs_err_set_string (vm, &hs_exc_ValueError, "Total of counts must be greater than zero");
  else if ((range = hs_range_new (vm, 0, 0, 1)) != NULL)
    {
      HsObject *zero = hs_int_from_i64 (vm, 0), *one = hs_int_from_i64 (vm, 1);
      hs_decref (vm, range);
      range = zero != NULL && one != NULL ? hs_range_new_from_ints (vm, zero, total, one) : NULL;
      hs_xdecref (vm, zero);
      hs_xdecref (vm, one);
    }
  if (range != NULL)
    {
      HsObject *call[3] = { self, range, ko };
      picks = r_sample (vm, call, 3, NULL);
      out = picks != NULL ? hs_list_new (vm, 0) : NULL;
    }
  for (gsize i = 0; out != NULL && i < hs_list_len (picks); i++)
    {
      gssize at = bisect_right (vm, cum, hs_list_get_borrow (picks, i), (gsize)n - 1);
      if (at < 0 || append_item_at (vm, out, population, (gsize)at) < 0)
        HS_CLEAR (vm, out);
    }
  hs_xdecref (vm, picks);
  hs_xdecref (vm, range);
  hs_decref (vm, cum);
  return out;
}

static const HsMethodDef random_methods[] = {
  { "betavariate", r_betavariate },
  { "choice", r_choice },
  { "choices", r_choices },
  { "expovariate", r_expovariate },
  { "gammavariate", r_gammavariate },
  { "getstate", r_getstate },
  { "lognormvariate", r_lognormvariate },
  { "paretovariate", r_paretovariate },
  { "randbytes", r_randbytes },
  { "setstate", r_setstate },
  { "triangular", r_triangular },
  { "vonmisesvariate", r_vonmisesvariate },
  { "weibullvariate", r_weibullvariate },
  { "gauss", r_gauss },
  { "getrandbits", r_getrandbits },
  { "normalvariate", r_normalvariate },
  { "randint", r_randint },
  { "random", r_random },
  { "randrange", r_randrange },
  { "sample", r_sample },
  { "seed", r_seed },
  { "shuffle", r_shuffle },
  { "uniform", r_uniform },
  { NULL, NULL },
};

/* random.Random(seed=None): an independent generator. */
static HsObject *
random_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL;
  HsRandom *r;

  if (!hs_parse_args (vm, "Random", args, nargs, kwnames, "|x /", &a))
    return NULL;
  r = (HsRandom *)hs_object_alloc (vm, &random_type, sizeof (HsRandom));
  if (r == NULL)
    return NULL;
  hs_gc_track (vm, &r->header);
  if (do_seed (vm, r, a) < 0)
    {
      hs_decref (vm, &r->header);
      return NULL;
    }
  return &r->header;
}

/* gauss_next is the one attribute a generator carries (CPython's instances take any). */
static gboolean
is_gauss_next (HsObject *name)
{
  return hs_str_equal_cstr (name, "gauss_next");
}

static HsObject *
random_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsRandom *r = (HsRandom *)self;
  if (is_gauss_next (name) && r->gauss_next != NULL)
    return hs_incref (r->gauss_next);
  return hs_object_generic_getattr (vm, self, name);
}

static int
random_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsRandom *r = (HsRandom *)self;
  if (!is_gauss_next (name) || (value == NULL && r->gauss_next == NULL))
    {
      hs_err_format (vm, &hs_exc_AttributeError, "'Random' object has no attribute '%s'",
                     hs_str_utf8 (name));
      return -1;
    }
  set_gauss_next_take (vm, r, value != NULL ? hs_incref (value) : NULL);
  return 0;
}

static void
random_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsRandom *r = (HsRandom *)self;
  if (r->gauss_next != NULL)
    hs_visit_named (visit, r->gauss_next, HS_REF_ATTR, "gauss_next", data);
}

static void
random_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsRandom *)self)->gauss_next);
}

static HsType random_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Random",
  .module = "random",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,
  .basicsize = sizeof (HsRandom),
  .dealloc = random_clear,
  .refs = random_refs,
  .clear = random_clear,
  .getattr = random_getattr,
  .setattr = random_setattr,
  .construct = random_construct,
  .methods = random_methods,
};

void
hs_mod_random_runtime_init (void)
{
  hs_type_ready (&random_type);
}

int
hs_mod_random_init (HsVM *vm, HsObject *dict)
{
  HsObject *inst = random_construct (vm, &random_type, NULL, 0, NULL);

  if (inst == NULL)
    return -1;
  for (const HsMethodDef *d = random_methods; d->name != NULL; d++)
    {
      /* Python methods of random.Random in CPython, but random() and getrandbits() */
      hs_module_note_function_home (d, "random");
      if (hs_module_add_take (vm, dict, d->name,
                              hs_cfunction_new_method (vm, d, &random_type, inst))
          < 0)
        {
          hs_decref (vm, inst);
          return -1;
        }
    }
  hs_decref (vm, inst);
  if (hs_module_add_take (vm, dict, "TWOPI", hs_float_new (vm, 2.0 * G_PI)) < 0
      || hs_module_add_take (vm, dict, "LOG4", hs_float_new (vm, log (4.0))) < 0
      || hs_module_add_take (vm, dict, "NV_MAGICCONST",
                             hs_float_new (vm, 4 * exp (-0.5) / sqrt (2.0)))
             < 0
      || hs_module_add_take (vm, dict, "SG_MAGICCONST", hs_float_new (vm, 1.0 + log (4.5))) < 0
      || hs_module_add_take (vm, dict, "BPF", hs_int_from_i64 (vm, 53)) < 0
      || hs_module_add_take (vm, dict, "RECIP_BPF", hs_float_new (vm, ldexp (1.0, -53))) < 0)
    return -1;
  return hs_module_add_take (vm, dict, "Random", hs_incref ((HsObject *)&random_type));
}
