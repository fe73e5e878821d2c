/* hs-mod-hashlib.c — the `hashlib` module: md5, sha1, sha224, sha256, sha384 and sha512
 * hash objects (CPython's _hashlib.HASH, over OpenSSL there, over GLib's GChecksum here).
 *
 * Invariant: a HASH object holds no reference (it is drawn as its repr, like a bytes
 * object); its state is GLib's GChecksum, except SHA-224, which GLib lacks: SHA-256's
 * compression with SHA-224's initial values, written here. digest() and hexdigest() read a
 * copy, so the object can be updated further, as CPython's. The constructors are named as
 * CPython's (openssl_md5, ...) and raise its TypeErrors for a str ("Strings must be encoded
 * before hashing") or another object without the buffer protocol. The object counts against
 * the heap cap at its size, which holds a SHA-224 state, plus its GChecksum's state (GLib's
 * allocation, a few hundred bytes: CHECKSUM_STATE_BYTES).
 */
#include "config.h"

#include <string.h>

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-set.h"
#include "hs-str.h"

typedef enum
{
  ALG_MD5,
  ALG_SHA1,
  ALG_SHA224,
  ALG_SHA256,
  ALG_SHA384,
  ALG_SHA512,
} Alg;

static const struct
{
  const char *name;
  GChecksumType type; /* unused for SHA-224 */
  gsize digest_size, block_size;
} algs[] = {
  [ALG_MD5] = { "md5", G_CHECKSUM_MD5, 16, 64 },
  [ALG_SHA1] = { "sha1", G_CHECKSUM_SHA1, 20, 64 },
  [ALG_SHA224] = { "sha224", G_CHECKSUM_SHA256, 28, 64 },
  [ALG_SHA256] = { "sha256", G_CHECKSUM_SHA256, 32, 64 },
  [ALG_SHA384] = { "sha384", G_CHECKSUM_SHA384, 48, 128 },
  [ALG_SHA512] = { "sha512", G_CHECKSUM_SHA512, 64, 128 },
};

/* ---- SHA-224 (FIPS 180-4): SHA-256 with other initial values, cut to 28 bytes ---------- */

typedef struct
{
  guint32 h[8];
  guint64 len; /* bytes hashed */
  guchar block[64];
} Sha224;

static const guint32 sha256_k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
sha224_init (Sha224 *s)
{
  static const guint32 iv[8] = { 0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4 };
  memcpy (s->h, iv, sizeof iv);
  s->len = 0;
}

static void
sha256_compress (guint32 h[8], const guchar *p)
{
  guint32 w[64], v[8];

  for (int i = 0; i < 16; i++)
    w[i] = (guint32)p[4 * i] << 24 | (guint32)p[4 * i + 1] << 16 | (guint32)p[4 * i + 2] << 8
           | p[4 * i + 3];
  for (int i = 16; i < 64; i++)
    {
      guint32 s0 = ROTR (w[i - 15], 7) ^ ROTR (w[i - 15], 18) ^ (w[i - 15] >> 3);
      guint32 s1 = ROTR (w[i - 2], 17) ^ ROTR (w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
  memcpy (v, h, sizeof v);
  for (int i = 0; i < 64; i++)
    {
      guint32 t1 = v[7] + (ROTR (v[4], 6) ^ ROTR (v[4], 11) ^ ROTR (v[4], 25))
                   + ((v[4] & v[5]) ^ (~v[4] & v[6])) + sha256_k[i] + w[i];
      guint32 t2 = (ROTR (v[0], 2) ^ ROTR (v[0], 13) ^ ROTR (v[0], 22))
                   + ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
      memmove (v + 1, v, 7 * sizeof *v);
      v[4] += t1;
      v[0] = t1 + t2;
    }
  for (int i = 0; i < 8; i++)
    h[i] += v[i];
}

static void
sha224_update (Sha224 *s, const guchar *p, gsize n)
{
  while (n > 0)
    {
      gsize used = s->len % 64, take = MIN (n, 64 - used);
      memcpy (s->block + used, p, take);
      s->len += take;
      p += take;
      n -= take;
      if (s->len % 64 == 0)
        sha256_compress (s->h, s->block);
    }
}

/* The digest of a copy of s (s itself stays open for more data). */
static void
sha224_digest (const Sha224 *s, guchar out[28])
{
  Sha224 c = *s;
  guchar pad[72] = { 0x80 };
  gsize pad_len = (c.len % 64 < 56 ? 56 : 120) - c.len % 64;
  guint64 bits = s->len * 8;

  for (int i = 0; i < 8; i++)
    pad[pad_len + i] = (guchar)(bits >> (56 - 8 * i));
  sha224_update (&c, pad, pad_len + 8);
  for (int i = 0; i < 28; i++)
    out[i] = (guchar)(c.h[i / 4] >> (24 - 8 * (i % 4)));
}

/* ---- the HASH type ---------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  Alg alg;
  GChecksum *checksum; /* NULL for SHA-224 */
  Sha224 sha224;
} HsHash;

#define HASH(o) ((HsHash *)(o))

/* What a GChecksum's state takes, at most (GLib's SHA-512 state with its header, rounded
 * up to malloc's chunk): counted against the heap cap with the object. */
#define CHECKSUM_STATE_BYTES 320

static HsType hash_type;

/* A new HASH object of alg, its GChecksum's state counted against the heap cap (a program
 * making millions of them grew past the cap uncounted); checksum is left to the caller. */
static HsHash *
hash_alloc (HsVM *vm, Alg alg)
{
  HsHash *h = (HsHash *)hs_object_alloc (vm, &hash_type, sizeof (HsHash));

  if (h == NULL)
    return NULL;
  h->alg = alg;
  if (alg != ALG_SHA224 && !hs_mem_charge (vm, CHECKSUM_STATE_BYTES))
    {
      hs_decref (vm, &h->header);
      return NULL;
    }
  return h;
}

static HsObject *
hash_new (HsVM *vm, Alg alg)
{
  HsHash *h = hash_alloc (vm, alg);

  if (h == NULL)
    return NULL;
  if (alg == ALG_SHA224)
    sha224_init (&h->sha224);
  else
    h->checksum = g_checksum_new (algs[alg].type);
  return &h->header;
}

static void
hash_dealloc (HsVM *vm, HsObject *self)
{
  if (HASH (self)->checksum != NULL) /* charged: hash_alloc's failure has none */
    hs_mem_discharge (vm, CHECKSUM_STATE_BYTES);
  g_clear_pointer (&HASH (self)->checksum, g_checksum_free);
}

/* The bytes `data` stands for, or FALSE with CPython's TypeError. */
static gboolean
data_of (HsVM *vm, HsObject *data, const char **d, gsize *n)
{
  if (hs_str_check (data))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "Strings must be encoded before hashing");
      return FALSE;
    }
  if (!hs_bytes_has_buffer (data))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "object supporting the buffer API required");
      return FALSE;
    }
  return hs_bytes_buffer (vm, data, d, n);
}

static void
hash_feed (HsHash *h, const char *d, gsize n)
{
  if (h->checksum != NULL)
    g_checksum_update (h->checksum, (const guchar *)d, (gssize)n);
  else
    sha224_update (&h->sha224, (const guchar *)d, n);
}

/* The digest so far, into out (64 bytes at most); returns its size. */
static gsize
hash_digest_bytes (HsHash *h, guchar out[64])
{
  gsize size = algs[h->alg].digest_size;
  if (h->checksum != NULL)
    {
      GChecksum *copy = g_checksum_copy (h->checksum);
      g_checksum_get_digest (copy, out, &size);
      g_checksum_free (copy);
    }
  else
    sha224_digest (&h->sha224, out);
  return size;
}

static HsObject *
hash_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_format (vm, "<%s _hashlib.HASH object @ %p>", algs[HASH (self)->alg].name,
                             hs_object_address (self));
}

static HsObject *
m_update (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL;
  const char *d;
  gsize n;

  if (!hs_parse_args (vm, "HASH.update", args + 1, nargs - 1, kwnames, "!data", &data)
      || !data_of (vm, data, &d, &n))
    return NULL;
  hash_feed (HASH (args[0]), d, n);
  return hs_None;
}

static HsObject *
m_digest (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  guchar out[64];
  gsize size;

  if (!hs_parse_args (vm, "HASH.digest", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  size = hash_digest_bytes (HASH (args[0]), out);
  return hs_bytes_new (vm, (const char *)out, size);
}

static HsObject *
m_hexdigest (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  guchar out[64];
  char hex[129];
  gsize size;

  if (!hs_parse_args (vm, "HASH.hexdigest", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  size = hash_digest_bytes (HASH (args[0]), out);
  for (gsize i = 0; i < size; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", out[i]);
  return hs_str_new (vm, hex, 2 * size);
}

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsHash *self = HASH (args[0]), *c;

  if (!hs_parse_args (vm, "HASH.copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((c = hash_alloc (vm, self->alg)) == NULL)
    return NULL;
  c->sha224 = self->sha224;
  c->checksum = self->checksum != NULL ? g_checksum_copy (self->checksum) : NULL;
  return &c->header;
}

static HsObject *
hash_attr (HsVM *vm, HsObject *self, HsObject *name)
{
  Alg alg = HASH (self)->alg;
  if (hs_str_equal_cstr (name, "name"))
    return hs_str_from_cstr (vm, algs[alg].name);
  return hs_int_from_i64 (vm, hs_str_equal_cstr (name, "digest_size")
                                  ? (gint64)algs[alg].digest_size
                                  : (gint64)algs[alg].block_size);
}

static const HsMethodDef hash_methods[] = {
  { "update", m_update }, { "digest", m_digest }, { "hexdigest", m_hexdigest },
  { "copy", m_copy },     { NULL, NULL },
};

static HsType hash_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "HASH",
  .module = "_hashlib",
  .tp_name = "_hashlib.HASH",
  .base = &hs_object_type,
  .basicsize = sizeof (HsHash),
  .dealloc = hash_dealloc,
  .repr = hash_repr,
  .methods = hash_methods,
};

/* ---- the constructors ------------------------------------------------------------------- */

/* A new hash of `data` (NULL: none), or NULL with CPython's errors. */
static HsObject *
hash_of (HsVM *vm, Alg alg, HsObject *data)
{
  const char *d = NULL;
  gsize n = 0;
  HsObject *h;

  if (data != NULL && !data_of (vm, data, &d, &n))
    return NULL;
  if ((h = hash_new (vm, alg)) != NULL && n > 0)
    hash_feed (HASH (h), d, n);
  return h;
}

static HsObject *
constructor (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname, Alg alg)
{
  HsObject *data = NULL, *usedforsecurity = NULL;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "|string $usedforsecurity", &data,
                      &usedforsecurity))
    return NULL;
  return hash_of (vm, alg, data);
}

HS_CFUNCTION_VARIANT (h_md5, constructor, "openssl_md5", ALG_MD5)
HS_CFUNCTION_VARIANT (h_sha1, constructor, "openssl_sha1", ALG_SHA1)
HS_CFUNCTION_VARIANT (h_sha224, constructor, "openssl_sha224", ALG_SHA224)
HS_CFUNCTION_VARIANT (h_sha256, constructor, "openssl_sha256", ALG_SHA256)
HS_CFUNCTION_VARIANT (h_sha384, constructor, "openssl_sha384", ALG_SHA384)
HS_CFUNCTION_VARIANT (h_sha512, constructor, "openssl_sha512", ALG_SHA512)

/* hashlib.new(name, data=b'', **kwargs): the algorithm by name, in either case, as
 * OpenSSL's names take it */
static HsObject *
h_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL, *data = NULL, *usedforsecurity = NULL;

  if (!hs_parse_args (vm, "__hash_new", args, nargs, kwnames, "@name|data $usedforsecurity", &name,
                      &data, &usedforsecurity))
    return NULL;
  if (!hs_str_check (name))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "name must be a string");
      return NULL;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (algs); i++)
    if (g_ascii_strcasecmp (hs_str_utf8 (name), algs[i].name) == 0)
      return hash_of (vm, (Alg)i, data);
  hs_err_format (vm, &hs_exc_ValueError, "unsupported hash type %s", hs_str_utf8 (name));
  return NULL;
}

/* Keyed by their CPython names: hashlib.md5.__name__ is 'openssl_md5' */
static const HsMethodDef hashlib_constructors[] = {
  { "openssl_md5", h_md5 },       { "openssl_sha1", h_sha1 },
  { "openssl_sha224", h_sha224 }, { "openssl_sha256", h_sha256 },
  { "openssl_sha384", h_sha384 }, { "openssl_sha512", h_sha512 },
  { "__hash_new", h_new },        { NULL, NULL },
};

void
hs_mod_hashlib_runtime_init (void)
{
  hs_type_ready (&hash_type);
  hs_getset_install (&hash_type, "name digest_size block_size", hash_attr, NULL);
}

/* {'md5', 'sha1', ...}: the algorithms this hashlib provides (CPython's set also has
 * blake2, sha3 and shake, which are not) */
static HsObject *
algorithm_set (HsVM *vm)
{
  HsObject *set = hs_set_new (vm);
  for (gsize i = 0; set != NULL && i < G_N_ELEMENTS (algs); i++)
    if (hs_set_add (vm, set, hs_str_intern_cstr (algs[i].name)) < 0)
      HS_CLEAR (vm, set);
  return set;
}

int
hs_mod_hashlib_init (HsVM *vm, HsObject *dict)
{
  static const char *const public_names[]
      = { "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new" };

  for (gsize i = 0; i < G_N_ELEMENTS (public_names); i++)
    if (hs_module_add_function_as (vm, dict, public_names[i], &hashlib_constructors[i]) < 0)
      return -1;
  if (hs_module_add_take (vm, dict, "algorithms_guaranteed", algorithm_set (vm)) < 0)
    return -1;
  return hs_module_add_take (vm, dict, "algorithms_available", algorithm_set (vm));
}
