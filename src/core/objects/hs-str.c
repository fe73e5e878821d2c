/* hs-str.c — str objects: construction, interning, repr, indexing and the str methods.
 *
 * Invariant: a str's bytes never change after hs_str_new returns (the hash is cached);
 * positions seen by Python are code points, positions inside this file are bytes unless
 * a name says `ch` (an ASCII string has them equal, which is the fast path). The intern
 * table maps text to its one immortal str and is only touched under `intern_lock`.
 */
#define _GNU_SOURCE
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "hs-str.h"
#include "hs-str-private.h"
#include "hs-siphash.h"
#include "hs-bytes.h"
#include "hs-object-private.h"
#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-format.h"
#include "hs-inspect.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-range.h"
#include "hs-tuple.h"

static HsObject *empty_str;
static HsObject *latin1_strs[256];

/* ---- construction ----------------------------------------------------------------- */

static void
measure (HsStr *s)
{
  gsize chars = hs_utf8_count (s->data, s->byte_len);
  s->char_len = chars;
  s->ascii = chars == s->byte_len;
  s->hash = -1;
}

/* An uninitialised str of `len` bytes (caller fills data, then calls measure). */
static HsStr *
str_alloc (HsVM *vm, gsize len)
{
  HsStr *s;

  if (len > G_MAXSSIZE - sizeof (HsStr) - 1)
    {
      hs_err_no_memory (vm);
      return NULL;
    }
  s = (HsStr *)hs_object_alloc_plain_unzeroed (vm, &hs_str_type, sizeof (HsStr) + len + 1);
  if (s == NULL)
    return NULL;
  s->byte_len = len;
  s->data[len] = '\0';
  return s;
}

HsObject *
hs_str_new_immortal (const char *utf8, gsize len)
{
  HsStr *s = str_alloc (NULL, len);
  memcpy (s->data, utf8, len);
  measure (s);
  s->header.flags |= HS_FLAG_IMMORTAL;
  hs_str_hash (&s->header); /* cached now: VMs on other threads only read it */
  return &s->header;
}

/* The one-letter names CPython 3.11 has already interned by the time a program starts
 * (from its own modules' code), as objects apart from the one-character singletons: for
 * these the names and constants of a program are not what indexing or iterating gives
 * (`"a" is "abc"[0]` when computed at run time is False, `"g" is ...` True). */
gboolean
hs_str_interned_apart (const char *s, gsize len)
{
  return len == 1 && s[0] != '\0' && strchr ("BCLST_abcdefhijklmnopqrstvwxy", s[0]) != NULL;
}

static void
ensure_singletons (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      char buf[4];
      empty_str = hs_str_new_immortal ("", 0);
      empty_str->flags |= HS_FLAG_INTERNED;
      for (gunichar c = 0; c < 256; c++)
        {
          gsize len = g_unichar_to_utf8 (c, buf);
          latin1_strs[c] = hs_str_new_immortal (buf, len);
          if (!hs_str_interned_apart (buf, len))
            latin1_strs[c]->flags |= HS_FLAG_INTERNED;
        }
      g_once_init_leave (&done, 1);
    }
}

void
hs_str_runtime_init (void)
{
  ensure_singletons ();
}

/* The shared singleton for "" or a one-character Latin-1 text, else NULL. */
static HsObject *
singleton_for (const char *utf8, gsize len)
{
  if (len == 0)
    return empty_str;
  if (len == 1 && (guchar)utf8[0] < 0x80)
    return latin1_strs[(guchar)utf8[0]];
  if (len == 2 && ((guchar)utf8[0] == 0xC2 || (guchar)utf8[0] == 0xC3))
    return latin1_strs[g_utf8_get_char (utf8)];
  return NULL;
}

HsObject *
hs_str_singleton (const char *utf8, gsize len)
{
  ensure_singletons ();
  return singleton_for (utf8, len);
}

HsObject *
hs_str_new (HsVM *vm, const char *utf8, gsize len)
{
  HsObject *single;

  ensure_singletons ();
  single = singleton_for (utf8, len);
  if (single != NULL)
    return single;
  return hs_str_new_unshared (vm, utf8, len);
}

HsObject *
hs_str_new_unshared (HsVM *vm, const char *utf8, gsize len)
{
  HsStr *s = str_alloc (vm, len);
  if (s == NULL)
    return NULL;
  memcpy (s->data, utf8, len);
  measure (s);
  return &s->header;
}

HsObject *
hs_str_new_ascii_unshared (HsVM *vm, const char *ascii, gsize len)
{
  HsStr *s = str_alloc (vm, len);
  if (s == NULL)
    return NULL;
  memcpy (s->data, ascii, len);
  s->char_len = len;
  s->ascii = TRUE;
  s->hash = -1;
  return &s->header;
}

HsObject *
hs_str_from_cstr (HsVM *vm, const char *s)
{
  return hs_str_new (vm, s, strlen (s));
}

HsObject *
hs_str_from_gstring (HsVM *vm, GString *s)
{
  HsObject *r = hs_str_new (vm, s->str, s->len);
  g_string_free (s, TRUE);
  return r;
}

void
hs_str_append_repeat (GString *out, const char *unit, gsize unit_len, gsize n)
{
  gsize start = out->len, total = unit_len * n;

  if (total == 0)
    return;
  g_string_set_size (out, start + total);
  if (unit_len == 1)
    memset (out->str + start, unit[0], total);
  else
    {
      /* doubling copies, as hs_str_repeat */
      gsize done = unit_len;
      memcpy (out->str + start, unit, unit_len);
      while (done < total)
        {
          gsize chunk = MIN (done, total - done);
          memcpy (out->str + start + done, out->str + start, chunk);
          done += chunk;
        }
    }
}

gboolean
hs_str_build (HsVM *vm, GString *out, const char *text, gsize len)
{
  if (!hs_format_check_size (vm, out->len + len))
    return FALSE;
  g_string_append_len (out, text, len);
  return TRUE;
}

gboolean
hs_str_build_repr (HsVM *vm, GString *out, HsObject *o)
{
  HsObject *r;
  gboolean ok;

  hs_incref (o);
  r = hs_object_repr (vm, o);
  hs_decref (vm, o);
  if (r == NULL)
    return FALSE;
  ok = hs_str_build (vm, out, hs_str_utf8 (r), hs_str_byte_len (r));
  hs_decref (vm, r);
  return ok;
}

HsObject *
hs_str_from_format (HsVM *vm, const char *fmt, ...)
{
  va_list ap;
  g_autofree char *text = NULL;

  va_start (ap, fmt);
  text = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  return hs_str_from_cstr (vm, text);
}

/* ---- basic operations ------------------------------------------------------------- */

gboolean
hs_str_equal (HsObject *a, HsObject *b)
{
  return a == b
         || (HS_STR (a)->byte_len == HS_STR (b)->byte_len
             && memcmp (HS_STR (a)->data, HS_STR (b)->data, HS_STR (a)->byte_len) == 0);
}

gboolean
hs_str_equal_cstr (HsObject *s, const char *c)
{
  gsize n = strlen (c);
  return HS_STR (s)->byte_len == n && memcmp (HS_STR (s)->data, c, n) == 0;
}

/* CPython's _Py_HashBytes: SipHash-1-3, 0 for no bytes, never -1 */
static gint64
hash_of (HsSipHash *st)
{
  gint64 h = st->total == 0 ? 0 : (gint64)hs_siphash_finish (st);
  return h == -1 ? -2 : h;
}

gint64
hs_hash_bytes (const char *data, gsize len)
{
  gint64 h = len == 0 ? 0 : (gint64)hs_siphash13 ((const guint8 *)data, len);
  return h == -1 ? -2 : h;
}

/* A str is hashed as CPython stores it (PEP 393): its code points in 1, 2 or 4 bytes each,
 * the least that holds its largest, little-endian. */
gint64
hs_str_hash (HsObject *o)
{
  HsStr *s = HS_STR (o);
  const char *end = s->data + s->byte_len;
  gunichar max = 0;
  HsSipHash st;
  guint width;

  if (s->hash != -1)
    return s->hash;
  if (s->ascii)
    return s->hash = hs_hash_bytes (s->data, s->byte_len);
  for (const char *p = s->data; p < end; p = g_utf8_next_char (p))
    max = MAX (max, g_utf8_get_char (p));
  width = max <= 0xff ? 1 : max <= 0xffff ? 2 : 4;
  hs_siphash_init (&st);
  for (const char *p = s->data; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint8 unit[4] = { c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff, c >> 24 };
      hs_siphash_feed (&st, unit, width);
    }
  return s->hash = hash_of (&st);
}

gsize
hs_str_offset_of (HsObject *o, gsize i)
{
  HsStr *s = HS_STR (o);
  if (s->ascii)
    return i;
  if (i >= s->char_len)
    return s->byte_len;
  return (gsize)(g_utf8_offset_to_pointer (s->data, (glong)i) - s->data);
}

static gsize
char_index_of (HsObject *o, gsize byte_off)
{
  HsStr *s = HS_STR (o);
  return s->ascii ? byte_off : (gsize)g_utf8_pointer_to_offset (s->data, s->data + byte_off);
}

HsObject *
hs_str_char_at (HsVM *vm, HsObject *o, gsize i)
{
  gsize off = hs_str_offset_of (o, i);
  const char *p = HS_STR (o)->data + off;
  return hs_str_new (vm, p, g_utf8_next_char (p) - p);
}

/* A str built in place of a singleton when it is one: "" or one Latin-1 character. */
static HsObject *
shared_or_new (HsVM *vm, HsStr *s)
{
  HsObject *single = s->char_len <= 1 ? singleton_for (s->data, s->byte_len) : NULL;
  if (single == NULL)
    return &s->header;
  hs_decref (vm, &s->header);
  return single;
}

/* While a trace records: s, just made, starts with a's text (hs_inspect_str_origin). */
static void
note_origin (HsVM *vm, HsStr *s, HsObject *a)
{
  guint64 id = s->header.id;

  vm->str_origins[id % G_N_ELEMENTS (vm->str_origins)].id = id;
  vm->str_origins[id % G_N_ELEMENTS (vm->str_origins)].from_id = hs_object_id (a);
  vm->str_origins[id % G_N_ELEMENTS (vm->str_origins)].from_len = HS_STR (a)->byte_len;
}

HsObject *
hs_str_concat (HsVM *vm, HsObject *a, HsObject *b)
{
  gsize la = HS_STR (a)->byte_len, lb = HS_STR (b)->byte_len;
  HsStr *s;

  if (lb == 0 && HS_IS (a, &hs_str_type))
    return hs_incref (a);
  if (la == 0 && HS_IS (b, &hs_str_type))
    return hs_incref (b);
  s = str_alloc (vm, la + lb);
  if (s == NULL)
    return NULL;
  memcpy (s->data, HS_STR (a)->data, la);
  memcpy (s->data + la, HS_STR (b)->data, lb);
  s->char_len = HS_STR (a)->char_len + HS_STR (b)->char_len;
  s->ascii = HS_STR (a)->ascii && HS_STR (b)->ascii;
  s->hash = -1;
  if (G_UNLIKELY (vm != NULL && vm->track_dirty) && la >= HS_INSPECT_STR_ORIGIN_BYTES)
    note_origin (vm, s, a);
  return shared_or_new (vm, s);
}

HsObject *
hs_str_join_array (HsVM *vm, HsObject *sep, HsObject **items, gsize n)
{
  gsize sep_len = sep != NULL ? HS_STR (sep)->byte_len : 0, total = 0, chars = 0;
  gboolean ascii = sep == NULL || HS_STR (sep)->ascii;
  HsStr *s;
  char *p;

  /* CPython's _PyUnicode_JoinArray gives back a lone str item itself */
  if (n == 1 && HS_IS (items[0], &hs_str_type))
    return hs_incref (items[0]);
  for (gsize i = 0; i < n; i++)
    {
      gsize add = HS_STR (items[i])->byte_len + (i > 0 ? sep_len : 0);
      if (add > G_MAXSSIZE - total)
        {
          hs_err_set_string (vm, &hs_exc_OverflowError,
                             "join() result is too long for a Python string");
          return NULL;
        }
      total += add;
      chars += HS_STR (items[i])->char_len + (i > 0 && sep != NULL ? HS_STR (sep)->char_len : 0);
      ascii = ascii && HS_STR (items[i])->ascii;
    }
  /* built in the heap, where the cap counts it: no copy made outside first */
  if ((s = str_alloc (vm, total)) == NULL)
    return NULL;
  p = s->data;
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && sep_len > 0)
        p = (char *)memcpy (p, HS_STR (sep)->data, sep_len) + sep_len;
      memcpy (p, HS_STR (items[i])->data, HS_STR (items[i])->byte_len);
      p += HS_STR (items[i])->byte_len;
    }
  s->char_len = chars;
  s->ascii = ascii;
  s->hash = -1;
  return shared_or_new (vm, s);
}

HsObject *
hs_str_append_take (HsVM *vm, HsObject *a, HsObject *b)
{
  gsize la = HS_STR (a)->byte_len, lb = HS_STR (b)->byte_len;
  HsStr *s;

  if (a->refcount != 1 || hs_is_immortal (a) || !HS_IS (a, &hs_str_type) || la == 0 || lb == 0)
    {
      HsObject *r = hs_str_concat (vm, a, b);
      hs_decref (vm, a);
      return r;
    }
  s = (HsStr *)hs_object_resize (vm, a, sizeof (HsStr) + la + lb + 1);
  if (s == NULL)
    {
      hs_decref (vm, a);
      return NULL;
    }
  memcpy (s->data + la, HS_STR (b)->data, lb);
  s->byte_len = la + lb;
  s->data[s->byte_len] = '\0';
  s->char_len += HS_STR (b)->char_len;
  s->ascii = s->ascii && HS_STR (b)->ascii;
  s->hash = -1;
  return &s->header;
}

HsObject *
hs_str_repeat (HsVM *vm, HsObject *o, gssize n)
{
  gsize len = HS_STR (o)->byte_len;
  HsStr *s;

  if (n <= 0 || len == 0)
    return empty_str;
  if (n == 1 && HS_IS (o, &hs_str_type))
    return hs_incref (o);
  if ((gsize)n > G_MAXSSIZE / len)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "repeated string is too long");
      return NULL;
    }
  s = str_alloc (vm, len * (gsize)n);
  if (s == NULL)
    return NULL;
  if (len == 1)
    memset (s->data, HS_STR (o)->data[0], (gsize)n);
  else
    {
      /* Doubling copies: log(n) memcpy calls. */
      gsize done = len, total = len * (gsize)n;
      memcpy (s->data, HS_STR (o)->data, len);
      while (done < total)
        {
          gsize chunk = MIN (done, total - done);
          memcpy (s->data + done, s->data, chunk);
          done += chunk;
        }
    }
  s->char_len = HS_STR (o)->char_len * (gsize)n;
  s->ascii = HS_STR (o)->ascii;
  s->hash = -1;
  return &s->header;
}

/* ---- repr ------------------------------------------------------------------------- */

static HsObject *
str_repr (HsVM *vm, HsObject *self)
{
  GString *out;

  /* an escape takes at most 4 bytes a byte of the text ("\x00"): refused before it is built
   * past what the cap leaves */
  if (!hs_format_check_size (vm, HS_STR (self)->byte_len * 4 + 2))
    return NULL;
  out = g_string_sized_new (HS_STR (self)->byte_len + 2);
  hs_str_repr_append (out, self);
  return hs_str_from_gstring (vm, out);
}

static HsObject *
str_str (HsVM *vm, HsObject *self)
{
  if (HS_IS (self, &hs_str_type))
    return hs_incref (self);
  return hs_str_new (vm, HS_STR (self)->data, HS_STR (self)->byte_len);
}

/* ---- slots ------------------------------------------------------------------------ */

static int
str_hash_slot (HsVM *vm, HsObject *self, gint64 *out)
{
  *out = hs_str_hash (self);
  return 0;
}

static HsObject *
str_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if (!hs_str_check (a) || !hs_str_check (b))
    return hs_incref (hs_NotImplemented);
  return hs_bool_from (hs_str_compare_holds (a, b, op));
}

gboolean
hs_str_compare_holds (HsObject *a, HsObject *b, HsCompareOp op)
{
  gsize la, lb;
  int c;

  if (op == HS_CMP_EQ || op == HS_CMP_NE)
    return hs_str_equal (a, b) == (op == HS_CMP_EQ);
  /* UTF-8's byte order is its code points' order */
  la = HS_STR (a)->byte_len;
  lb = HS_STR (b)->byte_len;
  c = memcmp (HS_STR (a)->data, HS_STR (b)->data, MIN (la, lb));
  if (c == 0)
    c = la < lb ? -1 : la > lb;
  return hs_compare_holds (c, op);
}

static HsObject *
str_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (op == HS_BIN_ADD && hs_str_check (a) && hs_str_check (b))
    return hs_str_concat (vm, a, b);
  if (op == HS_BIN_MUL && (hs_str_check (a) || hs_str_check (b)))
    {
      HsObject *s = hs_str_check (a) ? a : b, *n = hs_str_check (a) ? b : a;
      gssize count;
      if (!hs_object_has_index (n))
        return hs_incref (hs_NotImplemented);
      count = hs_sequence_repeat_count (vm, n);
      return count < 0 ? NULL : hs_str_repeat (vm, s, count);
    }
  if (op == HS_BIN_MOD && hs_str_check (a))
    return hs_str_percent_format (vm, a, b);
  return hs_incref (hs_NotImplemented);
}

static gssize
str_len (HsVM *vm, HsObject *self)
{
  return (gssize)HS_STR (self)->char_len;
}

static HsObject *
str_slice (HsVM *vm, HsObject *self, HsObject *slice)
{
  HsStr *s = HS_STR (self);
  gssize start, stop, step, n;
  GString *out;

  if (hs_slice_indices (vm, slice, (gssize)s->char_len, &start, &stop, &step, &n) < 0)
    return NULL;
  if (n <= 0)
    return empty_str;
  if (step == 1)
    {
      gsize b0 = hs_str_offset_of (self, (gsize)start);
      gsize b1 = s->ascii
                     ? (gsize)stop
                     : b0 + (gsize)(g_utf8_offset_to_pointer (s->data + b0, n) - (s->data + b0));
      if (b0 == 0 && b1 == s->byte_len && HS_IS (self, &hs_str_type))
        return hs_incref (self);
      return hs_str_new (vm, s->data + b0, b1 - b0);
    }
  out = g_string_sized_new ((gsize)n);
  if (s->ascii)
    for (gssize i = 0, k = start; i < n; i++, k += step)
      g_string_append_c (out, s->data[k]);
  else
    {
      g_autofree gsize *offs = g_new (gsize, s->char_len + 1);
      gsize ci = 0;
      for (const char *p = s->data; p < s->data + s->byte_len; p = g_utf8_next_char (p))
        offs[ci++] = (gsize)(p - s->data);
      offs[ci] = s->byte_len;
      for (gssize i = 0, k = start; i < n; i++, k += step)
        g_string_append_len (out, s->data + offs[k], offs[k + 1] - offs[k]);
    }
  return hs_str_from_gstring (vm, out);
}

static HsObject *
str_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  gssize i;

  if (!HS_IS (key, &hs_slice_type) && hs_object_has_index (key))
    {
      if (!hs_sequence_index (vm, key, "string", &i))
        return NULL;
      if (hs_index_normalize (&i, HS_STR (self)->char_len) < 0)
        {
          hs_err_set_string (vm, &hs_exc_IndexError, "string index out of range");
          return NULL;
        }
      if (HS_STR (self)->ascii)
        return latin1_strs[(guchar)HS_STR (self)->data[i]];
      return hs_str_char_at (vm, self, (gsize)i);
    }
  if (HS_IS (key, &hs_slice_type))
    return str_slice (vm, self, key);
  hs_err_format (vm, &hs_exc_TypeError, "string indices must be integers, not '%s'",
                 hs_type_name (key));
  return NULL;
}

static const char *
find_bytes (const char *hay, gsize hlen, const char *needle, gsize nlen)
{
  return memmem (hay, hlen, needle, nlen);
}

static int
str_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  if (!hs_str_check (item))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                     hs_type_name (item));
      return -1;
    }
  return find_bytes (HS_STR (self)->data, HS_STR (self)->byte_len, HS_STR (item)->data,
                     HS_STR (item)->byte_len)
         != NULL;
}

static int
str_truth (HsVM *vm, HsObject *self)
{
  return HS_STR (self)->byte_len != 0;
}

static HsObject *
str_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *encoding = NULL, *errors = NULL;

  if (nargs == 1 && kwnames == NULL) /* str(x), the common call, without parsing */
    return hs_object_str (vm, args[0]);
  if (!hs_parse_args (vm, "str", args, nargs, kwnames, "|object encoding errors", &obj, &encoding,
                      &errors))
    return NULL;
  if (encoding != NULL || errors != NULL)
    return hs_str_from_encoded (vm, obj, encoding, errors);
  if (obj == NULL)
    return empty_str;
  return hs_object_str (vm, obj);
}

/* ---- character classes ------------------------------------------------------------ */

static gboolean
py_isspace (gunichar c)
{
  if (c < 128)
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
  return c == 0x85 || g_unichar_isspace (c);
}

static gboolean
py_isdecimal (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_DECIMAL_NUMBER;
}

static gboolean
py_isdigit (gunichar c)
{
  return py_isdecimal (c) || c == 0xB2 || c == 0xB3 || c == 0xB9
         || (c >= 0x2070 && c <= 0x2079 && c != 0x2071 && c != 0x2072 && c != 0x2073)
         || (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468);
}

GString *
hs_str_decimal_to_ascii (const char *s, gsize len)
{
  GString *out;
  const char *p, *end = s + len;
  gsize i = 0;

  while (i < len && (guchar)s[i] < 0x80)
    i++;
  if (i == len)
    return NULL;
  out = g_string_new_len (s, (gssize)i);
  for (p = s + i; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = g_unichar_digit_value (c);
      if (c < 0x80)
        g_string_append_c (out, (char)c);
      else
        g_string_append_c (out, py_isspace (c) ? ' ' : d >= 0 ? (char)('0' + d) : '?');
    }
  return out;
}

static gboolean
py_isnumeric (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return t == G_UNICODE_DECIMAL_NUMBER || t == G_UNICODE_LETTER_NUMBER
         || t == G_UNICODE_OTHER_NUMBER;
}

static gboolean
py_isalpha (gunichar c)
{
  return g_unichar_isalpha (c);
}

static gboolean
py_isalnum (gunichar c)
{
  return py_isalpha (c) || py_isnumeric (c);
}

static gboolean
is_cased (gunichar c)
{
  return g_unichar_isupper (c) || g_unichar_islower (c) || g_unichar_istitle (c);
}

typedef gboolean (*CharPred) (gunichar c);

static HsObject *
all_chars (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
           CharPred pred, gboolean empty)
{
  HsStr *s = HS_STR (args[0]);
  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (s->byte_len == 0)
    return hs_bool_from (empty);
  for (const char *p = s->data; p < s->data + s->byte_len; p = g_utf8_next_char (p))
    if (!pred (g_utf8_get_char (p)))
      return hs_False;
  return hs_True;
}

/* `empty`: what "" answers (True only for isascii and isprintable, as CPython's) */
#define PRED_METHOD(name, pred, empty)                                                             \
  static HsObject *str_##name (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)          \
  {                                                                                                \
    return all_chars (vm, args, nargs, kwnames, "str." #name, pred, empty);                        \
  }

PRED_METHOD (isspace, py_isspace, FALSE)
PRED_METHOD (isdigit, py_isdigit, FALSE)
PRED_METHOD (isdecimal, py_isdecimal, FALSE)
PRED_METHOD (isnumeric, py_isnumeric, FALSE)
PRED_METHOD (isalpha, py_isalpha, FALSE)
PRED_METHOD (isalnum, py_isalnum, FALSE)

static gboolean
py_isascii (gunichar c)
{
  return c < 128;
}
PRED_METHOD (isascii, py_isascii, TRUE)
PRED_METHOD (isprintable, hs_str_is_printable, TRUE)

/* isupper / islower: some cased character, and none of the other case. */
static HsObject *
case_check (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean upper)
{
  HsStr *s = HS_STR (args[0]);
  gboolean cased = FALSE;

  if (!hs_parse_args (vm, upper ? "str.isupper" : "str.islower", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  for (const char *p = s->data; p < s->data + s->byte_len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((upper ? g_unichar_islower (c) : g_unichar_isupper (c)) || g_unichar_istitle (c))
        return hs_False;
      cased |= upper ? g_unichar_isupper (c) : g_unichar_islower (c);
    }
  return hs_bool_from (cased);
}

HS_CFUNCTION_VARIANT (str_isupper, case_check, TRUE)
HS_CFUNCTION_VARIANT (str_islower, case_check, FALSE)

static HsObject *
str_istitle (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsStr *s = HS_STR (args[0]);
  gboolean prev_cased = FALSE, any = FALSE;

  if (!hs_parse_args (vm, "str.istitle", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  for (const char *p = s->data; p < s->data + s->byte_len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        {
          if (prev_cased)
            return hs_False;
          prev_cased = any = TRUE;
        }
      else if (g_unichar_islower (c))
        {
          if (!prev_cased)
            return hs_False;
          prev_cased = any = TRUE;
        }
      else
        prev_cased = FALSE;
    }
  return hs_bool_from (any);
}

gboolean
hs_str_is_identifier (HsObject *str)
{
  HsStr *s = HS_STR (str);
  gboolean first = TRUE;

  if (s->byte_len == 0)
    return FALSE;
  for (const char *p = s->data; p < s->data + s->byte_len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean ok = c == '_' || py_isalpha (c) || g_unichar_type (c) == G_UNICODE_LETTER_NUMBER;
      if (!first && !ok)
        {
          GUnicodeType t = g_unichar_type (c);
          ok = py_isdecimal (c) || t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK
               || t == G_UNICODE_CONNECT_PUNCTUATION;
        }
      if (!ok)
        return FALSE;
      first = FALSE;
    }
  return TRUE;
}

static HsObject *
str_isidentifier (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "str.isidentifier", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_bool_from (hs_str_is_identifier (args[0]));
}

/* ---- case conversion -------------------------------------------------------------- */

typedef enum
{
  CASE_UPPER,
  CASE_LOWER,
  CASE_SWAP,
  CASE_TITLE,
  CASE_CAPITALIZE,
  CASE_FOLD
} CaseMode;

static void
append_char (GString *out, gunichar c)
{
  g_string_append_unichar (out, c);
}

static void
append_upper (GString *out, gunichar c)
{
  char buf[8];
  g_autofree char *u = NULL;
  int n = g_unichar_to_utf8 (c, buf);
  u = g_utf8_strup (buf, n); /* handles special casing (ß -> SS) */
  g_string_append (out, u);
}

static void
append_lower (GString *out, gunichar c)
{
  char buf[8];
  g_autofree char *u = NULL;
  int n = g_unichar_to_utf8 (c, buf);
  u = g_utf8_strdown (buf, n);
  g_string_append (out, u);
}

static void
append_folded (GString *out, gunichar c)
{
  char buf[8];
  g_autofree char *u = NULL;
  int n = g_unichar_to_utf8 (c, buf);
  u = g_utf8_casefold (buf, n); /* full folding, as CPython's (ß -> ss) */
  g_string_append (out, u);
}

/* Title case with CPython's special cases: a letter whose upper case is several letters
   ("ß", "ﬁ") becomes the first of them followed by the rest in lower case ("Ss", "Fi"). */
static void
append_title (GString *out, gunichar c)
{
  char buf[8];
  g_autofree char *u = NULL;
  int n = g_unichar_to_utf8 (c, buf);
  const char *rest;

  u = g_utf8_strup (buf, n);
  rest = g_utf8_next_char (u);
  if (*rest == '\0' || g_unichar_istitle (g_unichar_totitle (c)))
    {
      g_string_append_unichar (out, g_unichar_totitle (c));
      return;
    }
  g_string_append_len (out, u, rest - u);
  for (; *rest; rest = g_utf8_next_char (rest))
    append_lower (out, g_utf8_get_char (rest));
}

/* What Unicode calls case-ignorable (apostrophes, marks, modifiers), for the final-sigma
   rule. */
static gboolean
is_case_ignorable (gunichar c)
{
  switch (g_unichar_type (c))
    {
      case G_UNICODE_NON_SPACING_MARK:
      case G_UNICODE_ENCLOSING_MARK:
      case G_UNICODE_FORMAT:
      case G_UNICODE_MODIFIER_LETTER:
      case G_UNICODE_MODIFIER_SYMBOL:
        return TRUE;
      default:
        return c == '\'' || c == '.' || c == ':' || c == 0x00B7 || c == 0x2019;
    }
}

/* CPython's lower case of Σ: final ς after a cased letter that no cased letter follows
   (case-ignorable characters between are skipped both ways). */
static gunichar
lower_sigma (const char *start, const char *at, const char *end)
{
  const char *p = at;
  gboolean before = FALSE, after = FALSE;

  while (p > start)
    {
      gunichar c;
      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (!is_case_ignorable (c))
        {
          before = is_cased (c);
          break;
        }
    }
  for (p = g_utf8_next_char (at); p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_case_ignorable (c))
        {
          after = is_cased (c);
          break;
        }
    }
  return before && !after ? 0x03C2 : 0x03C3;
}

static void
append_lower_at (GString *out, HsStr *s, const char *at, gunichar c)
{
  if (c == 0x03A3)
    g_string_append_unichar (out, lower_sigma (s->data, at, s->data + s->byte_len));
  else
    append_lower (out, c);
}

static HsObject *
change_case (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
             CaseMode mode)
{
  HsStr *s = HS_STR (args[0]);
  GString *out;
  gboolean prev_cased = FALSE, first = TRUE;
  gsize room = hs_format_text_room (vm);

  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, ""))
    return NULL;
  out = g_string_sized_new (s->byte_len);
  for (const char *p = s->data; p < s->data + s->byte_len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* a case can be 3 characters ("ΐ".upper()): the text is kept under the cap as it grows */
      if (out->len > room)
        {
          g_string_free (out, TRUE);
          hs_err_no_memory (vm);
          return NULL;
        }
      if (c == 0)
        {
          /* GLib's case functions stop at a NUL */
          g_string_append_c (out, '\0');
          prev_cased = first = FALSE;
          continue;
        }
      switch (mode)
        {
          case CASE_UPPER:
            append_upper (out, c);
            break;
          case CASE_LOWER:
            append_lower_at (out, s, p, c);
            break;
          case CASE_FOLD:
            append_folded (out, c);
            break;
          case CASE_SWAP:
            if (g_unichar_isupper (c))
              append_lower_at (out, s, p, c);
            else if (g_unichar_islower (c))
              append_upper (out, c);
            else
              append_char (out, c);
            break;
          case CASE_TITLE:
            if (prev_cased)
              append_lower_at (out, s, p, c);
            else
              append_title (out, c);
            prev_cased = is_cased (c);
            break;
          case CASE_CAPITALIZE:
            if (first)
              append_title (out, c);
            else
              append_lower_at (out, s, p, c);
            break;
        }
      first = FALSE;
    }
  return hs_str_from_gstring (vm, out);
}

static HsObject *
ascii_case (HsVM *vm, HsObject *self, gboolean upper)
{
  HsStr *s = HS_STR (self), *r;
  gboolean changes = FALSE;

  for (gsize i = 0; i < s->byte_len && !changes; i++)
    changes = upper ? g_ascii_islower (s->data[i]) : g_ascii_isupper (s->data[i]);
  if (!changes && HS_IS (self, &hs_str_type))
    return hs_incref (self);
  r = str_alloc (vm, s->byte_len);
  if (r == NULL)
    return NULL;
  for (gsize i = 0; i < s->byte_len; i++)
    r->data[i] = upper ? g_ascii_toupper (s->data[i]) : g_ascii_tolower (s->data[i]);
  measure (r);
  if (r->char_len == 1)
    {
      HsObject *single = singleton_for (r->data, 1);
      hs_decref (vm, &r->header);
      return single;
    }
  return &r->header;
}

static HsObject *
str_upper (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (HS_STR (args[0])->ascii && nargs == 1 && kwnames == NULL)
    return ascii_case (vm, args[0], TRUE);
  return change_case (vm, args, nargs, kwnames, "str.upper", CASE_UPPER);
}

static HsObject *
str_lower (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (HS_STR (args[0])->ascii && nargs == 1 && kwnames == NULL)
    return ascii_case (vm, args[0], FALSE);
  return change_case (vm, args, nargs, kwnames, "str.lower", CASE_LOWER);
}

HS_CFUNCTION_VARIANT (str_casefold, change_case, "str.casefold", CASE_FOLD)
HS_CFUNCTION_VARIANT (str_swapcase, change_case, "str.swapcase", CASE_SWAP)
HS_CFUNCTION_VARIANT (str_title, change_case, "str.title", CASE_TITLE)
HS_CFUNCTION_VARIANT (str_capitalize, change_case, "str.capitalize", CASE_CAPITALIZE)

/* ---- argument helpers ------------------------------------------------------------- */

static gboolean
expect_str (HsVM *vm, HsObject *o, const char *what)
{
  if (hs_str_check (o))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError, "%s must be str, not %s", what, hs_type_name (o));
  return FALSE;
}

/* A start/end argument (None or int, clamped like a slice) in code points. */
static gboolean
slice_bound (HsVM *vm, HsObject *o, gsize len, gsize *out)
{
  gint64 v;

  if (o == NULL || o == hs_None)
    return TRUE;
  if (!hs_int_check (o))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "slice indices must be integers or None or have an __index__ method");
      return FALSE;
    }
  if (!hs_int_as_i64 (o, &v))
    v = hs_int_sign (o) < 0 ? G_MININT64 / 2 : G_MAXINT64 / 2;
  if (v < 0)
    v += (gint64)len;
  *out = v < 0 ? 0 : (gsize)v > len ? len : (gsize)v;
  return TRUE;
}

/* Parses (sub, [start, [end]]) into the byte window [*lo, *hi) of self. */
static gboolean
parse_find_args (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames,
                 HsObject **sub, gsize *lo, gsize *hi, gboolean *empty_window)
{
  HsObject *start = NULL, *end = NULL;
  HsObject *self = args[0];
  gsize len = HS_STR (self)->char_len, s = 0, e = len;

  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "%sub|start end /", sub, &start,
                      &end))
    return FALSE;
  if (!slice_bound (vm, start, len, &s) || !slice_bound (vm, end, len, &e))
    return FALSE;
  /* A start past the end finds nothing, not even "" (CPython's ADJUST_INDICES). */
  *empty_window = s > e
                  || (start != NULL && start != hs_None && hs_int_sign (start) > 0
                      && (!hs_int_is_small (start) || hs_int_small_value (start) > (gint64)len));
  if (s > e)
    e = s;
  *lo = hs_str_offset_of (self, s);
  *hi = hs_str_offset_of (self, e);
  return TRUE;
}

static gssize
find_in (HsObject *self, HsObject *sub, gsize lo, gsize hi, gboolean reverse)
{
  const char *d = HS_STR (self)->data, *n = HS_STR (sub)->data;
  gsize nl = HS_STR (sub)->byte_len;

  if (nl > hi - lo)
    return -1;
  if (!reverse)
    {
      const char *p = find_bytes (d + lo, hi - lo, n, nl);
      return p != NULL ? p - d : -1;
    }
  for (gsize i = hi - nl + 1; i-- > lo;)
    if (memcmp (d + i, n, nl) == 0)
      return (gssize)i;
  return -1;
}

static HsObject *
find_common (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
             gboolean reverse, gboolean raise)
{
  HsObject *sub;
  gsize lo, hi;
  gboolean empty;
  gssize pos;

  if (!parse_find_args (vm, name, args, nargs, kwnames, &sub, &lo, &hi, &empty))
    return NULL;
  if (!hs_str_check (sub))
    {
      hs_err_format (vm, &hs_exc_TypeError, "must be str, not %s", hs_type_name (sub));
      return NULL;
    }
  pos = empty ? -1 : find_in (args[0], sub, lo, hi, reverse);
  if (pos < 0 && raise)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "substring not found");
      return NULL;
    }
  return hs_int_from_i64 (vm, pos < 0 ? -1 : (gint64)char_index_of (args[0], (gsize)pos));
}

HS_CFUNCTION_VARIANT (str_find, find_common, "str.find", FALSE, FALSE)
HS_CFUNCTION_VARIANT (str_rfind, find_common, "str.rfind", TRUE, FALSE)
HS_CFUNCTION_VARIANT (str_index, find_common, "str.index", FALSE, TRUE)
HS_CFUNCTION_VARIANT (str_rindex, find_common, "str.rindex", TRUE, TRUE)

static HsObject *
str_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *sub;
  gsize lo, hi, n = 0;
  gboolean empty;
  const char *d = HS_STR (args[0])->data;

  if (!parse_find_args (vm, "str.count", args, nargs, kwnames, &sub, &lo, &hi, &empty))
    return NULL;
  if (!hs_str_check (sub))
    {
      hs_err_format (vm, &hs_exc_TypeError, "must be str, not %s", hs_type_name (sub));
      return NULL;
    }
  if (empty)
    return hs_int_from_i64 (vm, 0);
  if (HS_STR (sub)->byte_len == 0)
    return hs_int_from_i64 (
        vm, (gint64)(char_index_of (args[0], hi) - char_index_of (args[0], lo) + 1));
  for (gsize i = lo; i < hi;)
    {
      const char *p = find_bytes (d + i, hi - i, HS_STR (sub)->data, HS_STR (sub)->byte_len);
      if (p == NULL)
        break;
      n++;
      i = (gsize)(p - d) + HS_STR (sub)->byte_len;
    }
  return hs_int_from_i64 (vm, (gint64)n);
}

static HsObject *
starts_ends (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean ends)
{
  const char *qualname = ends ? "str.endswith" : "str.startswith", *name = qualname + 4;
  HsObject *prefix, *start = NULL, *end = NULL, *self = args[0];
  gsize len = HS_STR (self)->char_len, s = 0, e = len, lo, hi;
  HsObject **cands;
  gsize ncands;

  if (!hs_parse_args (vm, qualname, args + 1, nargs - 1, kwnames, "%prefix|start end /", &prefix,
                      &start, &end))
    return NULL;
  if (!slice_bound (vm, start, len, &s) || !slice_bound (vm, end, len, &e))
    return NULL;
  if (hs_tuple_check (prefix))
    {
      cands = hs_tuple_items (prefix);
      ncands = hs_tuple_len (prefix);
    }
  else
    {
      cands = &prefix;
      ncands = 1;
    }
  for (gsize i = 0; i < ncands; i++)
    if (!hs_str_check (cands[i]))
      {
        if (cands == &prefix)
          hs_err_format (vm, &hs_exc_TypeError,
                         "%s first arg must be str or a tuple of str, not %s", name,
                         hs_type_name (prefix));
        else
          hs_err_format (vm, &hs_exc_TypeError, "tuple for %s must only contain str, not %s", name,
                         hs_type_name (cands[i]));
        return NULL;
      }
  if (s > e)
    return hs_False;
  lo = hs_str_offset_of (self, s);
  hi = hs_str_offset_of (self, e);
  for (gsize i = 0; i < ncands; i++)
    {
      gsize n = HS_STR (cands[i])->byte_len;
      if (n > hi - lo)
        continue;
      if (memcmp (HS_STR (self)->data + (ends ? hi - n : lo), HS_STR (cands[i])->data, n) == 0)
        return hs_True;
    }
  return hs_False;
}

HS_CFUNCTION_VARIANT (str_startswith, starts_ends, FALSE)
HS_CFUNCTION_VARIANT (str_endswith, starts_ends, TRUE)

/* ---- strip ------------------------------------------------------------------------ */

static gboolean
in_chars (gunichar c, HsObject *chars)
{
  if (chars == NULL)
    return py_isspace (c);
  const char *end = HS_STR (chars)->data + HS_STR (chars)->byte_len;
  for (const char *p = HS_STR (chars)->data; p < end; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

static HsObject *
strip_common (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
              gboolean left, gboolean right)
{
  HsObject *chars = NULL, *self = args[0];
  const char *d = HS_STR (self)->data, *lo = d, *hi = d + HS_STR (self)->byte_len;

  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "|chars /", &chars))
    return NULL;
  if (chars == hs_None)
    chars = NULL;
  if (chars != NULL && !hs_str_check (chars))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s arg must be None or str", name + 4);
      return NULL;
    }
  if (left)
    while (lo < hi && in_chars (g_utf8_get_char (lo), chars))
      lo = g_utf8_next_char (lo);
  if (right)
    while (hi > lo)
      {
        const char *prev = g_utf8_prev_char (hi);
        if (!in_chars (g_utf8_get_char (prev), chars))
          break;
        hi = prev;
      }
  if (lo == d && hi == d + HS_STR (self)->byte_len && HS_IS (self, &hs_str_type))
    return hs_incref (self);
  return hs_str_new (vm, lo, (gsize)(hi - lo));
}

HS_CFUNCTION_VARIANT (str_strip, strip_common, "str.strip", TRUE, TRUE)
HS_CFUNCTION_VARIANT (str_lstrip, strip_common, "str.lstrip", TRUE, FALSE)
HS_CFUNCTION_VARIANT (str_rstrip, strip_common, "str.rstrip", FALSE, TRUE)

/* ---- split / join / replace ------------------------------------------------------- */

static int
append_piece (HsVM *vm, HsObject *list, const char *p, gsize n)
{
  HsObject *s = hs_str_new (vm, p, n);
  if (s == NULL)
    return -1;
  return hs_list_append_take (vm, list, s);
}

static gboolean
parse_split_args (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames,
                  HsObject **sep, gint64 *maxsplit)
{
  HsObject *ms = NULL;

  *sep = NULL;
  *maxsplit = -1;
  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "|sep maxsplit", sep, &ms))
    return FALSE;
  /* CPython's argument clinic converts maxsplit (a Py_ssize_t) before the body looks at sep */
  if (ms != NULL)
    {
      gssize n;

      if (!hs_int_arg_ssize (vm, ms, &n))
        return FALSE;
      *maxsplit = n;
    }
  if (*sep == hs_None)
    *sep = NULL;
  if (*sep != NULL && !hs_str_check (*sep))
    {
      hs_err_format (vm, &hs_exc_TypeError, "must be str or None, not %s", hs_type_name (*sep));
      return FALSE;
    }
  if (*sep != NULL && HS_STR (*sep)->byte_len == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "empty separator");
      return FALSE;
    }
  if (*maxsplit < 0)
    *maxsplit = G_MAXINT64;
  return TRUE;
}

/* The slots CPython's split and rsplit give their list first (stringlib's PREALLOC_SIZE:
 * at most 12), which sys.getsizeof shows. */
static gsize
split_prealloc (gint64 maxsplit)
{
  return maxsplit >= 0 && maxsplit < 12 ? (gsize)maxsplit + 1 : 12;
}

static HsObject *
split_whitespace (HsVM *vm, HsObject *self, gint64 maxsplit, gboolean reverse)
{
  const char *d = HS_STR (self)->data, *end = d + HS_STR (self)->byte_len;
  HsObject *list = hs_list_new (vm, split_prealloc (maxsplit));

  if (list == NULL)
    return NULL;
  if (!reverse)
    {
      const char *p = d;
      while (p < end)
        {
          const char *w;
          while (p < end && py_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (p >= end)
            break;
          if (maxsplit-- == 0)
            {
              if (append_piece (vm, list, p, (gsize)(end - p)) < 0)
                goto fail;
              break;
            }
          w = p;
          while (p < end && !py_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (append_piece (vm, list, w, (gsize)(p - w)) < 0)
            goto fail;
        }
    }
  else
    {
      const char *p = end;
      while (p > d)
        {
          const char *w;
          while (p > d && py_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
            p = g_utf8_prev_char (p);
          if (p <= d)
            break;
          if (maxsplit-- == 0)
            {
              if (append_piece (vm, list, d, (gsize)(p - d)) < 0)
                goto fail;
              break;
            }
          w = p;
          while (p > d && !py_isspace (g_utf8_get_char (g_utf8_prev_char (p))))
            p = g_utf8_prev_char (p);
          if (append_piece (vm, list, p, (gsize)(w - p)) < 0)
            goto fail;
        }
      hs_list_reverse (vm, list);
    }
  return list;
fail:
  hs_decref (vm, list);
  return NULL;
}

static HsObject *
split_sep (HsVM *vm, HsObject *self, HsObject *sep, gint64 maxsplit, gboolean reverse)
{
  const char *d = HS_STR (self)->data;
  gsize len = HS_STR (self)->byte_len, nl = HS_STR (sep)->byte_len;
  HsObject *list = hs_list_new (vm, split_prealloc (maxsplit));

  if (list == NULL)
    return NULL;
  if (!reverse)
    {
      gsize i = 0;
      for (;;)
        {
          const char *p
              = maxsplit-- != 0 ? find_bytes (d + i, len - i, HS_STR (sep)->data, nl) : NULL;
          gsize stop = p != NULL ? (gsize)(p - d) : len;
          if (append_piece (vm, list, d + i, stop - i) < 0)
            goto fail;
          if (p == NULL)
            break;
          i = stop + nl;
        }
    }
  else
    {
      gsize hi = len;
      for (;;)
        {
          gssize pos = maxsplit-- != 0 ? find_in (self, sep, 0, hi, TRUE) : -1;
          gsize start = pos >= 0 ? (gsize)pos + nl : 0;
          if (append_piece (vm, list, d + start, hi - start) < 0)
            goto fail;
          if (pos < 0)
            break;
          hi = (gsize)pos;
        }
      hs_list_reverse (vm, list);
    }
  return list;
fail:
  hs_decref (vm, list);
  return NULL;
}

static HsObject *
str_split (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *sep;
  gint64 maxsplit;

  if (!parse_split_args (vm, "split", args, nargs, kwnames, &sep, &maxsplit))
    return NULL;
  return sep == NULL ? split_whitespace (vm, args[0], maxsplit, FALSE)
                     : split_sep (vm, args[0], sep, maxsplit, FALSE);
}

static HsObject *
str_rsplit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *sep;
  gint64 maxsplit;

  if (!parse_split_args (vm, "rsplit", args, nargs, kwnames, &sep, &maxsplit))
    return NULL;
  return sep == NULL ? split_whitespace (vm, args[0], maxsplit, TRUE)
                     : split_sep (vm, args[0], sep, maxsplit, TRUE);
}

/* Length in bytes of the line break at p (0 if none). */
static gsize
line_break_len (const char *p, const char *end)
{
  gunichar c = g_utf8_get_char (p);
  if (c == '\r')
    return (p + 1 < end && p[1] == '\n') ? 2 : 1;
  if (c == '\n' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85
      || c == 0x2028 || c == 0x2029)
    return (gsize)(g_utf8_next_char (p) - p);
  return 0;
}

static HsObject *
str_splitlines (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *keep = NULL, *list;
  const char *d = HS_STR (args[0])->data, *end = d + HS_STR (args[0])->byte_len, *p, *line;
  int keepends = 0;

  if (!hs_parse_args (vm, "splitlines", args + 1, nargs - 1, kwnames, "|keepends", &keep))
    return NULL;
  if (keep != NULL && (keepends = hs_object_truth (vm, keep)) < 0)
    return NULL;
  list = hs_list_new (vm, 0);
  if (list == NULL)
    return NULL;
  for (p = line = d; p < end;)
    {
      gsize br = line_break_len (p, end);
      if (br == 0)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (append_piece (vm, list, line, (gsize)(p - line) + (keepends ? br : 0)) < 0)
        goto fail;
      p += br;
      line = p;
    }
  if (line < end && append_piece (vm, list, line, (gsize)(end - line)) < 0)
    goto fail;
  return list;
fail:
  hs_decref (vm, list);
  return NULL;
}

/* As CPython, the items are all gathered (hs_sequence_fast) before any is checked. */
static HsObject *
str_join (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable, *seq, **items, *self = args[0], *r;
  gsize n;

  if (!hs_parse_args (vm, "str.join", args + 1, nargs - 1, kwnames, "!iterable", &iterable))
    return NULL;
  seq = hs_sequence_fast (vm, iterable, "can only join an iterable");
  if (seq == NULL)
    return NULL;
  items = hs_list_check (seq) ? hs_list_items (seq) : hs_tuple_items (seq);
  n = hs_list_check (seq) ? hs_list_len (seq) : hs_tuple_len (seq);
  for (gsize i = 0; i < n; i++)
    if (!hs_str_check (items[i]))
      {
        hs_err_format (vm, &hs_exc_TypeError,
                       "sequence item %" G_GSIZE_FORMAT ": expected str instance, %s found", i,
                       hs_type_name (items[i]));
        hs_decref (vm, seq);
        return NULL;
      }
  r = hs_str_join_array (vm, self, items, n);
  hs_decref (vm, seq);
  return r;
}

/* How many times str.replace puts `new` in (at most count), and where the last ends. */
static gsize
replace_count (HsStr *self, HsStr *old, gint64 count)
{
  gsize k = 0, i = 0;

  if (old->byte_len == 0)
    return (gsize)MIN ((guint64)count, (guint64)self->char_len + 1);
  for (const char *p; (gint64)k < count; k++, i = (gsize)(p - self->data) + old->byte_len)
    if ((p = find_bytes (self->data + i, self->byte_len - i, old->data, old->byte_len)) == NULL)
      break;
  return k;
}

static HsObject *
str_replace (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *old_obj, *new_obj, *count_obj = NULL, *self = args[0];
  HsStr *s = HS_STR (self), *old, *new_, *r;
  gint64 count = -1;
  gsize k, total;
  const char *d = s->data, *end = s->data + s->byte_len;
  char *w;

  if (!hs_parse_args (vm, "replace", args + 1, nargs - 1, kwnames, "old new|count /", &old_obj,
                      &new_obj, &count_obj))
    return NULL;
  if (!expect_str (vm, old_obj, "replace() argument 1")
      || !expect_str (vm, new_obj, "replace() argument 2"))
    return NULL;
  if (count_obj != NULL)
    {
      gssize n;

      if (!hs_int_arg_ssize (vm, count_obj, &n))
        return NULL;
      count = n;
    }
  if (count < 0)
    count = G_MAXINT64;
  old = HS_STR (old_obj);
  new_ = HS_STR (new_obj);
  /* CPython gives back the str unchanged when old is new (the same object) */
  k = old_obj != new_obj ? replace_count (s, old, count) : 0;
  if (k == 0 && HS_IS (self, &hs_str_type))
    return hs_incref (self);
  if (new_->byte_len > old->byte_len
      && k > (G_MAXSSIZE - s->byte_len) / (new_->byte_len - old->byte_len))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "replace string is too long");
      return NULL;
    }
  /* made at its final size in the heap, where the cap counts it */
  total = s->byte_len + k * new_->byte_len - k * old->byte_len;
  if ((r = str_alloc (vm, total)) == NULL)
    return NULL;
  w = r->data;
  for (gsize j = 0; j < k; j++)
    {
      const char *p
          = old->byte_len == 0 ? d : find_bytes (d, (gsize)(end - d), old->data, old->byte_len);
      memcpy (w, d, (gsize)(p - d));
      w += p - d;
      memcpy (w, new_->data, new_->byte_len);
      w += new_->byte_len;
      /* an empty `old` is found before every character: the character follows */
      d = old->byte_len > 0 ? p + old->byte_len : p < end ? g_utf8_next_char (p) : p;
      if (old->byte_len == 0)
        {
          memcpy (w, p, (gsize)(d - p));
          w += d - p;
        }
    }
  memcpy (w, d, (gsize)(end - d));
  r->char_len = s->char_len + k * new_->char_len - k * old->char_len;
  r->ascii = r->char_len == total;
  r->hash = -1;
  return shared_or_new (vm, r);
}

static HsObject *
partition_common (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean reverse)
{
  HsObject *sep, *self = args[0], *t, *parts[3];
  const char *d = HS_STR (self)->data;
  gsize len = HS_STR (self)->byte_len;
  gssize pos;

  if (!hs_parse_args (vm, reverse ? "str.rpartition" : "str.partition", args + 1, nargs - 1,
                      kwnames, "!sep", &sep))
    return NULL;
  if (!expect_str (vm, sep, "must be str,"))
    return NULL;
  if (HS_STR (sep)->byte_len == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "empty separator");
      return NULL;
    }
  pos = find_in (self, sep, 0, len, reverse);
  if (pos < 0)
    {
      parts[0] = reverse ? empty_str : hs_incref (self);
      parts[1] = empty_str;
      parts[2] = reverse ? hs_incref (self) : empty_str;
    }
  else
    {
      gsize after = (gsize)pos + HS_STR (sep)->byte_len;
      parts[0] = hs_str_new (vm, d, (gsize)pos);
      parts[1] = hs_incref (sep);
      parts[2] = hs_str_new (vm, d + after, len - after);
      if (parts[0] == NULL || parts[2] == NULL)
        {
          hs_xdecref (vm, parts[0]);
          hs_decref (vm, parts[1]);
          hs_xdecref (vm, parts[2]);
          return NULL;
        }
    }
  t = hs_tuple_new (vm, 3);
  for (int i = 0; i < 3; i++)
    {
      if (t != NULL)
        hs_tuple_set_take (t, i, parts[i]);
      else
        hs_decref (vm, parts[i]);
    }
  return t;
}

HS_CFUNCTION_VARIANT (str_partition, partition_common, FALSE)
HS_CFUNCTION_VARIANT (str_rpartition, partition_common, TRUE)

/* ---- padding ---------------------------------------------------------------------- */

static HsObject *
pad_common (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name, char align)
{
  HsObject *width_obj, *fill_obj = NULL, *self = args[0];
  gsize len = HS_STR (self)->char_len;
  gssize width;
  const char *fill = " ";
  gsize fill_len = 1;
  GString *out;

  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "width|fillchar /", &width_obj,
                      &fill_obj)
      || !hs_int_arg_ssize (vm, width_obj, &width))
    return NULL;
  if (fill_obj != NULL)
    {
      if (!hs_str_check (fill_obj) || HS_STR (fill_obj)->char_len != 1)
        {
          if (!hs_str_check (fill_obj))
            hs_err_format (vm, &hs_exc_TypeError, "%s() argument 2 must be str, not %s", name + 4,
                           hs_type_name (fill_obj));
          else
            hs_err_set_string (vm, &hs_exc_TypeError,
                               "The fill character must be exactly one character long");
          return NULL;
        }
      fill = HS_STR (fill_obj)->data;
      fill_len = HS_STR (fill_obj)->byte_len;
    }
  if (width <= (gssize)len)
    return HS_IS (self, &hs_str_type) ? hs_incref (self) : str_str (vm, self);
  if (!hs_format_check_size (vm, (gsize)width * fill_len))
    return NULL;
  out = g_string_sized_new ((gsize)width * fill_len);
  hs_text_pad (out, HS_STR (self)->data, HS_STR (self)->byte_len, len, (gsize)width, align, fill,
               fill_len);
  return hs_str_from_gstring (vm, out);
}

HS_CFUNCTION_VARIANT (str_ljust, pad_common, "str.ljust", '<')
HS_CFUNCTION_VARIANT (str_rjust, pad_common, "str.rjust", '>')
HS_CFUNCTION_VARIANT (str_center, pad_common, "str.center", '^')

static HsObject *
str_zfill (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *width_obj, *self = args[0];
  gssize width;
  gsize len = HS_STR (self)->char_len;
  GString *out;

  if (!hs_parse_args (vm, "str.zfill", args + 1, nargs - 1, kwnames, "!width", &width_obj)
      || !hs_int_arg_ssize (vm, width_obj, &width))
    return NULL;
  if (width <= (gssize)len)
    return hs_incref (self);
  if (!hs_format_check_size (vm, (gsize)width))
    return NULL;
  out = g_string_sized_new ((gsize)width + HS_STR (self)->byte_len);
  hs_text_zfill (out, HS_STR (self)->data, HS_STR (self)->byte_len, len, (gsize)width);
  return hs_str_from_gstring (vm, out);
}

static HsObject *
remove_affix (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean suffix)
{
  HsObject *affix, *self = args[0];
  gsize n, len = HS_STR (self)->byte_len;

  if (!hs_parse_args (vm, suffix ? "str.removesuffix" : "str.removeprefix", args + 1, nargs - 1,
                      kwnames, "!affix", &affix))
    return NULL;
  if (!expect_str (vm, affix, suffix ? "removesuffix() argument" : "removeprefix() argument"))
    return NULL;
  n = HS_STR (affix)->byte_len;
  if (n == 0 || n > len
      || memcmp (HS_STR (self)->data + (suffix ? len - n : 0), HS_STR (affix)->data, n) != 0)
    return hs_incref (self);
  return hs_str_new (vm, HS_STR (self)->data + (suffix ? 0 : n), len - n);
}

HS_CFUNCTION_VARIANT (str_removeprefix, remove_affix, FALSE)
HS_CFUNCTION_VARIANT (str_removesuffix, remove_affix, TRUE)

static HsObject *
str_format_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_str_format_method (vm, args[0], args + 1, nargs - 1, kwnames);
}

static HsObject *
str_format_map (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *mapping;
  if (!hs_parse_args (vm, "str.format_map", args + 1, nargs - 1, kwnames, "!mapping", &mapping))
    return NULL;
  return hs_str_format_map (vm, args[0], mapping);
}

/* str.__getnewargs__(): (a new str of the same text,), as CPython's _PyUnicode_Copy. */
static HsObject *
str_getnewargs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *copy, *r;
  if (!hs_parse_args (vm, "str.__getnewargs__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  gsize len = hs_str_byte_len (args[0]);
  /* CPython's "" is the shared empty string; a one-character str is a new object */
  copy = len == 0 ? hs_str_new (vm, "", 0) : hs_str_new_unshared (vm, hs_str_utf8 (args[0]), len);
  if (copy == NULL)
    return NULL;
  r = hs_tuple_pack (vm, 1, copy);
  hs_decref (vm, copy);
  return r;
}

static const HsMethodDef str_methods[] = {
  { "__getnewargs__", str_getnewargs },
  { "encode", hs_str_encode_method },
  { "upper", str_upper },
  { "lower", str_lower },
  { "casefold", str_casefold },
  { "capitalize", str_capitalize },
  { "title", str_title },
  { "swapcase", str_swapcase },
  { "strip", str_strip },
  { "lstrip", str_lstrip },
  { "rstrip", str_rstrip },
  { "split", str_split },
  { "rsplit", str_rsplit },
  { "splitlines", str_splitlines },
  { "join", str_join },
  { "replace", str_replace },
  { "find", str_find },
  { "rfind", str_rfind },
  { "index", str_index },
  { "rindex", str_rindex },
  { "count", str_count },
  { "startswith", str_startswith },
  { "endswith", str_endswith },
  { "isdigit", str_isdigit },
  { "isdecimal", str_isdecimal },
  { "isnumeric", str_isnumeric },
  { "isalpha", str_isalpha },
  { "isalnum", str_isalnum },
  { "isspace", str_isspace },
  { "isupper", str_isupper },
  { "islower", str_islower },
  { "istitle", str_istitle },
  { "isascii", str_isascii },
  { "isprintable", str_isprintable },
  { "isidentifier", str_isidentifier },
  { "zfill", str_zfill },
  { "center", str_center },
  { "ljust", str_ljust },
  { "rjust", str_rjust },
  { "partition", str_partition },
  { "rpartition", str_rpartition },
  { "removeprefix", str_removeprefix },
  { "removesuffix", str_removesuffix },
  { "format", str_format_method },
  { "format_map", str_format_map },
  { "translate", hs_str_translate_method },
  { "maketrans", hs_str_maketrans, HS_METH_CLASS },
  { "expandtabs", hs_text_expandtabs_method },
  { "__format__", hs_format_dunder },
  { NULL, NULL },
};

static void
str_dealloc (HsVM *vm, HsObject *self)
{
  if (self->flags & HS_FLAG_INTERNED)
    hs_str_forget_interned (vm, self);
}

HsType hs_str_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "str",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsStr),
  .dealloc = str_dealloc,
  .repr = str_repr,
  .str = str_str,
  .hash = str_hash_slot,
  .richcompare = str_richcompare,
  .binop = str_binop,
  .len = str_len,
  .getitem = str_getitem,
  .contains = str_contains,
  .iter = hs_str_iter_new,
  .truth = str_truth,
  .construct = str_construct,
  .methods = str_methods,
};
