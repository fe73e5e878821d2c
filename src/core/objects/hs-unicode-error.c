/* hs-unicode-error.c — UnicodeEncodeError and UnicodeDecodeError as CPython 3.11's.
 *
 * Invariant: such an exception's args are (encoding, object, start, end, reason), checked
 * when it is made (CPython's UnicodeEncodeError_init and UnicodeDecodeError_init), and its
 * str() and its attributes `encoding`, `object`, `start`, `end` and `reason` are read from
 * them: a program sees the same e.args, e.start and message whether a codec raised it or
 * the program did.
 */
#include "config.h"

#include "hs-bytes.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

static const char *const fields[] = { "encoding", "object", "start", "end", "reason", NULL };

static gboolean
is_encode (HsObject *exc)
{
  return hs_type_is_subtype (exc->type, &hs_exc_UnicodeEncodeError);
}

gboolean
hs_unicode_error_check (HsObject *exc)
{
  return is_encode (exc) || hs_type_is_subtype (exc->type, &hs_exc_UnicodeDecodeError);
}

/* The five args (borrowed), or FALSE when they are not such a tuple */
static gboolean
args_of (HsObject *exc, HsObject *f[5])
{
  HsObject *args = HS_EXCEPTION (exc)->args;
  if (!hs_unicode_error_check (exc) || args == NULL || hs_tuple_len (args) != 5)
    return FALSE;
  for (int i = 0; i < 5; i++)
    f[i] = hs_tuple_get_borrow (args, i);
  return TRUE;
}

HsObject *
hs_unicode_error_field (HsObject *exc, const char *name)
{
  HsObject *f[5];
  for (int i = 0; fields[i] != NULL; i++)
    if (strcmp (name, fields[i]) == 0)
      return args_of (exc, f) ? f[i] : hs_None;
  return NULL;
}

gboolean
hs_unicode_error_check_args (HsVM *vm, HsType *type, HsObject **args, gsize nargs)
{
  gboolean encode = hs_type_is_subtype (type, &hs_exc_UnicodeEncodeError);
  if (nargs != 5)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "function takes exactly 5 arguments (%" G_GSIZE_FORMAT " given)", nargs);
      return FALSE;
    }
  for (int i = 0; i < 5; i++)
    {
      HsObject *a = args[i];
      if ((i == 0 || i == 4 || (i == 1 && encode)) && !hs_str_check (a))
        hs_err_format (vm, &hs_exc_TypeError, "argument %d must be str, not %s", i + 1,
                       hs_type_name (a));
      else if (i == 1 && !encode && !hs_bytes_has_buffer (a))
        hs_err_format (vm, &hs_exc_TypeError, "a bytes-like object is required, not '%s'",
                       hs_type_name (a));
      else if ((i == 2 || i == 3) && !hs_object_has_index (a))
        hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       hs_type_name (a));
      else
        continue;
      return FALSE;
    }
  return TRUE;
}

/* "'ascii' codec can't encode character '\xe9' in position 1: ordinal not in range(128)",
 * or "... characters in position 1-3: ...", as CPython's UnicodeEncodeError_str and
 * UnicodeDecodeError_str. */
static HsObject *
unicode_error_str (HsVM *vm, HsObject *exc)
{
  HsObject *f[5], *enc, *reason;
  gint64 start = 0, end = 0;
  gboolean encode = is_encode (exc);
  const char *data = NULL;
  gsize len = 0;
  g_autoptr (GString) out = g_string_new (NULL);

  args_of (exc, f);
  if (!encode && !hs_bytes_buffer (vm, f[1], &data, &len))
    return NULL;
  hs_int_as_i64 (f[2], &start);
  hs_int_as_i64 (f[3], &end);
  if (encode)
    len = hs_str_char_len (f[1]);
  if ((enc = hs_object_str (vm, f[0])) == NULL)
    return NULL;
  if ((reason = hs_object_str (vm, f[4])) == NULL)
    {
      hs_decref (vm, enc);
      return NULL;
    }
  g_string_printf (out, "'%s' codec can't %s ", hs_str_utf8 (enc), encode ? "encode" : "decode");
  if (start >= 0 && (gsize)start < len && end == start + 1)
    {
      gunichar c = encode ? g_utf8_get_char (hs_str_utf8 (f[1]) + hs_str_offset_of (f[1], start))
                          : (guchar)data[start];
      if (!encode)
        g_string_append_printf (out, "byte 0x%02x", c);
      else
        g_string_append_printf (out,
                                c <= 0xff     ? "character '\\x%02x'"
                                : c <= 0xffff ? "character '\\u%04x'"
                                              : "character '\\U%08x'",
                                c);
      g_string_append_printf (out, " in position %" G_GINT64_FORMAT, start);
    }
  else
    g_string_append_printf (out, "%s in position %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                            encode ? "characters" : "bytes", start, end - 1);
  g_string_append_printf (out, ": %s", hs_str_utf8 (reason));
  hs_decref (vm, enc);
  hs_decref (vm, reason);
  return hs_str_from_gstring (vm, g_steal_pointer (&out));
}

gboolean
hs_unicode_error_str (HsVM *vm, HsObject *exc, HsObject **out)
{
  HsObject *f[5];
  if (!args_of (exc, f) || !hs_int_check (f[2]) || !hs_int_check (f[3])
      || !(is_encode (exc) ? hs_str_check (f[1]) : hs_bytes_has_buffer (f[1])))
    return FALSE;
  *out = unicode_error_str (vm, exc);
  return TRUE;
}

void
hs_err_unicode (HsVM *vm, HsType *type, const char *encoding, HsObject *object, gsize start,
                gsize end, const char *reason)
{
  HsObject *enc = hs_str_from_cstr (vm, encoding), *why = hs_str_from_cstr (vm, reason);
  HsObject *s = hs_int_from_i64 (vm, (gint64)start), *e = hs_int_from_i64 (vm, (gint64)end);
  HsObject *args = enc && why && s && e ? hs_tuple_pack (vm, 5, enc, object, s, e, why) : NULL;
  HsObject *exc = args != NULL ? hs_exception_new (vm, type, args) : NULL;
  if (exc != NULL)
    hs_err_set_object (vm, exc);
  hs_xdecref (vm, exc);
  hs_xdecref (vm, args);
  hs_xdecref (vm, enc);
  hs_xdecref (vm, why);
  hs_xdecref (vm, s);
  hs_xdecref (vm, e);
}
