/* hs-mod-unicodedata.c — the `unicodedata` module: the Unicode database's properties of a
 * character (CPython's Modules/unicodedata.c): category, decimal, digit, numeric, name,
 * lookup, normalize, is_normalized, unidata_version.
 *
 * Invariant: the properties are Unicode 14.0.0's, as CPython 3.11's: categories and numeric
 * values from a table written at build time from the build machine's Python
 * (build-aux/gen-unicode-data.py), names from the table the \N{...} escape reads
 * (hs-unicode-name.h). Normalization is GLib's g_utf8_normalize (GLib's Unicode version).
 * bidirectional, combining, decomposition, east_asian_width, mirrored and ucd_3_2_0 are
 * refused (the names table).
 */
#include "config.h"

#include <string.h>

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-unicode-name.h"
#include "hs-unicodedata-table.h"

/* The one character of a str argument, or FALSE with CPython's TypeError */
static gboolean
char_arg (HsVM *vm, const char *fname, HsObject *o, gunichar *c)
{
  if (!hs_str_check (o) || hs_str_char_len (o) != 1)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() argument must be a unicode character, not %s",
                     fname, hs_type_name (o));
      return FALSE;
    }
  *c = g_utf8_get_char (hs_str_utf8 (o));
  return TRUE;
}

static HsObject *
u_category (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *chr = NULL;
  gunichar c;
  gsize lo = 0, hi = G_N_ELEMENTS (unicode_category_runs);

  if (!hs_parse_args (vm, "unicodedata.category", args, nargs, kwnames, "!chr", &chr)
      || !char_arg (vm, "category", chr, &c))
    return NULL;
  /* the last run starting at or before c */
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (unicode_category_runs[mid].start <= c)
        lo = mid;
      else
        hi = mid;
    }
  return hs_str_from_cstr (vm, unicode_categories[unicode_category_runs[lo].category]);
}

static int
compare_code (const void *key, const void *entry)
{
  guint32 c = *(const guint32 *)key, e = *(const guint32 *)entry;
  return c < e ? -1 : c > e;
}

/* decimal(chr[, default]), digit(...), numeric(...): which says which value */
static HsObject *
value_of (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname, int which)
{
  static const char *const missing[]
      = { "not a decimal", "not a digit", "not a numeric character" };
  HsObject *chr = NULL, *dflt = NULL;
  gunichar c;
  const typeof (unicode_numerics[0]) *e;

  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "%chr | default /", &chr, &dflt)
      || !char_arg (vm, fname, chr, &c))
    return NULL;
  e = bsearch (&c, unicode_numerics, G_N_ELEMENTS (unicode_numerics), sizeof unicode_numerics[0],
               compare_code);
  if (e != NULL && which == 0 && e->decimal >= 0)
    return hs_int_from_i64 (vm, e->decimal);
  if (e != NULL && which == 1 && e->digit >= 0)
    return hs_int_from_i64 (vm, e->digit);
  if (e != NULL && which == 2)
    return hs_float_new (vm, e->numeric);
  if (dflt != NULL)
    return hs_incref (dflt);
  hs_err_set_string (vm, &hs_exc_ValueError, missing[which]);
  return NULL;
}

HS_CFUNCTION_VARIANT (u_decimal, value_of, "decimal", 0)
HS_CFUNCTION_VARIANT (u_digit, value_of, "digit", 1)
HS_CFUNCTION_VARIANT (u_numeric, value_of, "numeric", 2)

static HsObject *
u_name (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *chr = NULL, *dflt = NULL, *r;
  gunichar c;
  char *name;

  if (!hs_parse_args (vm, "name", args, nargs, kwnames, "chr | default /", &chr, &dflt)
      || !char_arg (vm, "name", chr, &c))
    return NULL;
  if ((name = hs_unicode_name (c)) == NULL)
    {
      if (dflt != NULL)
        return hs_incref (dflt);
      hs_err_set_string (vm, &hs_exc_ValueError, "no such name");
      return NULL;
    }
  r = hs_str_from_cstr (vm, name);
  g_free (name);
  return r;
}

static HsObject *
u_lookup (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL, *key;
  const char *s;
  gsize len;
  gunichar c;
  char utf8[6];

  if (!hs_parse_args (vm, "unicodedata.lookup", args, nargs, kwnames, "!name", &name))
    return NULL;
  if (hs_str_check (name))
    s = hs_str_utf8 (name), len = hs_str_byte_len (name);
  else if (!hs_bytes_buffer (vm, name, &s, &len))
    return NULL;
  if (!hs_unicode_lookup (s, len, &c))
    {
      g_autofree char *text = g_strndup (s, len);
      key = hs_str_from_format (vm, "undefined character name '%s'", text);
      if (key != NULL)
        {
          hs_err_set_string (vm, &hs_exc_KeyError, hs_str_utf8 (key));
          hs_decref (vm, key);
        }
      return NULL;
    }
  return hs_str_new (vm, utf8, (gsize)g_unichar_to_utf8 (c, utf8));
}

/* The form's GLib mode, or FALSE with CPython's errors */
static gboolean
form_of (HsVM *vm, const char *fname, HsObject *form, HsObject *s, GNormalizeMode *mode)
{
  static const char *const forms[] = { "NFC", "NFD", "NFKC", "NFKD" };
  static const GNormalizeMode modes[]
      = { G_NORMALIZE_NFC, G_NORMALIZE_NFD, G_NORMALIZE_NFKC, G_NORMALIZE_NFKD };
  if (!hs_str_check (form) || !hs_str_check (s))
    {
      HsObject *bad = hs_str_check (form) ? s : form;
      hs_err_format (vm, &hs_exc_TypeError, "%s() argument %d must be str, not %s", fname,
                     bad == form ? 1 : 2, hs_type_name (bad));
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    if (hs_str_equal_cstr (form, forms[i]))
      {
        *mode = modes[i];
        return TRUE;
      }
  hs_err_set_string (vm, &hs_exc_ValueError, "invalid normalization form");
  return FALSE;
}

/* s in the form, or NULL with the error */
static char *
normalized (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *form = NULL, *s = NULL;
  GNormalizeMode mode;
  char *r;

  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "form unistr /", &form, &s)
      || !form_of (vm, fname, form, s, &mode))
    return NULL;
  if ((r = g_utf8_normalize (hs_str_utf8 (s), (gssize)hs_str_byte_len (s), mode)) == NULL)
    hs_err_format (vm, &hs_exc_NotImplementedError,
                   "unicodedata.%s() of a str with surrogates is not supported by Heapscope yet",
                   fname);
  return r;
}

static HsObject *
u_normalize (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  char *r = normalized (vm, "normalize", args, nargs, kwnames);
  HsObject *s;

  if (r == NULL)
    return NULL;
  /* CPython returns the argument itself when it is already in the form */
  if (strcmp (r, hs_str_utf8 (args[1])) == 0)
    s = hs_incref (args[1]);
  else
    s = hs_str_new (vm, r, strlen (r));
  g_free (r);
  return s;
}

static HsObject *
u_is_normalized (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  char *r = normalized (vm, "is_normalized", args, nargs, kwnames);
  gboolean same;

  if (r == NULL)
    return NULL;
  same = strcmp (r, hs_str_utf8 (args[1])) == 0;
  g_free (r);
  return hs_incref (hs_bool_from (same));
}

static const HsMethodDef unicodedata_functions[] = {
  { "category", u_category },
  { "decimal", u_decimal },
  { "digit", u_digit },
  { "numeric", u_numeric },
  { "name", u_name },
  { "lookup", u_lookup },
  { "normalize", u_normalize },
  { "is_normalized", u_is_normalized },
  { NULL, NULL },
};

int
hs_mod_unicodedata_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_functions (vm, dict, unicodedata_functions) < 0)
    return -1;
  return hs_module_add_take (vm, dict, "unidata_version",
                             hs_str_from_cstr (vm, HS_UNIDATA_VERSION));
}
