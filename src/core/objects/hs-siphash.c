/* hs-siphash.c — SipHash-1-3 (Aumasson and Bernstein's SipHash with one compression and
 * three finalisation rounds), as CPython 3.11's Python/pyhash.c computes it, including its
 * final xor of all four words. */
#include "config.h"

#include "hs-siphash.h"

#include <string.h>

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

static inline void
half_round (guint64 *a, guint64 *b, guint64 *c, guint64 *d, int s, int t)
{
  *a += *b;
  *c += *d;
  *b = ROTL (*b, s) ^ *a;
  *d = ROTL (*d, t) ^ *c;
  *a = ROTL (*a, 32);
}

static inline void
sip_round (HsSipHash *st)
{
  half_round (&st->v0, &st->v1, &st->v2, &st->v3, 13, 16);
  half_round (&st->v2, &st->v1, &st->v0, &st->v3, 17, 21);
}

static inline void
compress (HsSipHash *st, guint64 m)
{
  st->v3 ^= m;
  sip_round (st);
  st->v0 ^= m;
}

void
hs_siphash_init (HsSipHash *st)
{
  /* the key (k0, k1) is (0, 0) */
  st->v0 = 0x736f6d6570736575ull;
  st->v1 = 0x646f72616e646f6dull;
  st->v2 = 0x6c7967656e657261ull;
  st->v3 = 0x7465646279746573ull;
  st->tail = 0;
  st->ntail = 0;
  st->total = 0;
}

void
hs_siphash_feed (HsSipHash *st, const guint8 *data, gsize len)
{
  st->total += len;
  while (len > 0 && st->ntail > 0)
    {
      st->tail |= (guint64)*data++ << (8 * st->ntail);
      len--;
      if (++st->ntail == 8)
        {
          compress (st, st->tail);
          st->tail = 0;
          st->ntail = 0;
        }
    }
  for (; len >= 8; data += 8, len -= 8)
    {
      guint64 m = 0;
      for (int i = 7; i >= 0; i--)
        m = (m << 8) | data[i];
      compress (st, m);
    }
  for (; len > 0; len--)
    st->tail |= (guint64)*data++ << (8 * st->ntail++);
}

static inline guint64
finish (HsSipHash *st)
{
  compress (st, st->tail | (st->total << 56));
  st->v2 ^= 0xff;
  sip_round (st);
  sip_round (st);
  sip_round (st);
  return (st->v0 ^ st->v1) ^ (st->v2 ^ st->v3);
}

/* A little-endian word of n < 8 bytes. */
static inline guint64
tail_word (const guint8 *data, gsize n)
{
  guint64 t = 0;

  switch (n)
    {
      case 7:
        t |= (guint64)data[6] << 48;
        G_GNUC_FALLTHROUGH;
      case 6:
        t |= (guint64)data[5] << 40;
        G_GNUC_FALLTHROUGH;
      case 5:
        t |= (guint64)data[4] << 32;
        G_GNUC_FALLTHROUGH;
      case 4:
        t |= (guint64)data[3] << 24;
        G_GNUC_FALLTHROUGH;
      case 3:
        t |= (guint64)data[2] << 16;
        G_GNUC_FALLTHROUGH;
      case 2:
        t |= (guint64)data[1] << 8;
        G_GNUC_FALLTHROUGH;
      case 1:
        t |= data[0];
        break;
      default:
        break;
    }
  return t;
}

guint64
hs_siphash13 (const guint8 *data, gsize len)
{
  /* the state in locals, the words read whole: a short str's hash took 235 instructions
   * through hs_siphash_feed's byte loop, 90 now (issue 20) */
  HsSipHash st;
  gsize left = len;

  hs_siphash_init (&st);
  for (; left >= 8; data += 8, left -= 8)
    {
      guint64 m;
      memcpy (&m, data, 8);
      compress (&st, GUINT64_FROM_LE (m));
    }
  st.tail = tail_word (data, left);
  st.total = len;
  return finish (&st);
}

guint64
hs_siphash_finish (HsSipHash *st)
{
  return finish (st);
}
