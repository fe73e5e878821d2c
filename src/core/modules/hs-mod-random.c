/* hs-mod-random.c — the `random` module: CPython's Mersenne Twister, bit for bit.
 *
 * Invariant: a generator's state is MT19937 exactly as CPython's _random module keeps
 * it (624 words + index), seeded the same way (init_by_array over the 32-bit words of
 * |seed|, little-endian; str seeds through SHA-512 as random.py's version 2), and every
 * function consumes the same 32-bit outputs in the same order as random.py 3.11
 * (randbelow by rejection with getrandbits(n.bit_length())), so a seeded program prints
 * what python3 prints. A generator also holds what CPython's Random keeps in its instance
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

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
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
  free (key);
}

static void
seed_time (HsRandom *r)
{
  guint32 key[3]
      = { (guint32)g_get_real_time (), (guint32)(g_get_real_time () >> 32), (guint32)getpid () };
  init_by_array (r, key, 3);
}

/* random.py's version-2 str seed: int.from_bytes(s + sha512(s).digest()). */
static void
seed_str (HsRandom *r, HsObject *s, mpz_t n)
{
  gsize len = hs_str_byte_len (s), dlen = 64;
  guint8 *buf = g_malloc (len + 64);
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA512);

  memcpy (buf, hs_str_utf8 (s), len);
  g_checksum_update (sum, (const guchar *)hs_str_utf8 (s), len);
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
    seed_str (r, arg, n);
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

/* A new int with z's value (z stays the caller's). */
static HsObject *
mpz_to_int (HsVM *vm, mpz_t z)
{
  mpz_ptr heap = g_new (__mpz_struct, 1);
  HsObject *o;
  mpz_init_set (heap, z);
  o = hs_int_from_mpz_take (vm, heap);
  g_free (heap);
  return o;
}

static void
int_to_mpz (HsObject *o, mpz_t out)
{
  HsInt *i = (HsInt *)o;
  if (i->big != NULL)
    mpz_set (out, (mpz_ptr)i->big);
  else
    mpz_set_si (out, (long)i->small);
}

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
  int_to_mpz (o, out);
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
      hs_err_set_string (vm, &hs_exc_OverflowError, "getrandbits() argument too large");
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
  result = mpz_to_int (vm, out);
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
          result = mpz_to_int (vm, out);
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
          result = mpz_to_int (vm, out);
        }
      else
        {
          char *a = mpz_get_str (NULL, 10, istart), *b = mpz_get_str (NULL, 10, istop),
               *c = mpz_get_str (NULL, 10, width);
          hs_err_format (vm, &hs_exc_ValueError, "empty range for randrange() (%s, %s, %s)", a, b,
                         c);
          free (a);
          free (b);
          free (c);
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
  result = mpz_to_int (vm, out);
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
  if (counts != NULL && counts != hs_None)
    {
      hs_err_set_string (vm, &hs_exc_NotImplementedError,
                         "random.sample(counts=...) is not supported by Heapscope");
      return NULL;
    }
  if ((n = hs_object_len (vm, population)) < 0)
    return NULL;
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

static const HsMethodDef random_methods[] = {
  { "choice", r_choice },
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
    if (hs_module_add_take (vm, dict, d->name, hs_cfunction_new_method (vm, d, &random_type, inst))
        < 0)
      {
        hs_decref (vm, inst);
        return -1;
      }
  hs_decref (vm, inst);
  return hs_module_add_take (vm, dict, "Random", hs_incref ((HsObject *)&random_type));
}
