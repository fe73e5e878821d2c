/* hs-source.c — see hs-source.h. */
#include "hs-source.h"

#include <string.h>

static int
line_of (const char *bytes, const char *at)
{
  int line = 1;
  for (const char *p = bytes; p < at; p++)
    line += *p == '\n';
  return line;
}

static HsSyntaxError *
syntax_error (const char *msg, int lineno, char *text)
{
  HsSyntaxError *err = g_new0 (HsSyntaxError, 1);
  err->type_name = g_strdup ("SyntaxError");
  err->msg = g_strdup (msg);
  err->lineno = err->end_lineno = lineno;
  err->text = text;
  return err;
}

static HsSyntaxError *
null_byte_error (const char *bytes, const char *nul)
{
  const char *start = nul;
  while (start > bytes && start[-1] != '\n')
    start--;
  /* CPython shows the line up to the NUL, with no caret. */
  return syntax_error ("source code cannot contain null bytes", line_of (bytes, nul),
                       g_utf8_make_valid (start, nul - start));
}

static HsSyntaxError *
encoding_error (const char *bytes, const char *bad, const char *filename)
{
  g_autofree char *msg = g_strdup_printf ("Non-UTF-8 code starting with '\\x%02x' in file %s on "
                                          "line %d, but no encoding declared; see "
                                          "https://peps.python.org/pep-0263/ for details",
                                          (guint8)*bad, filename, line_of (bytes, bad));
  return syntax_error (msg, 0, NULL);
}

char *
hs_source_prepare (const char *bytes, gsize len, const char *filename, gsize *out_len,
                   HsSyntaxError **error)
{
  const char *bad = NULL;
  const char *nul = memchr (bytes, '\0', len);
  GString *out;

  /* CPython checks the encoding first, up to the first NUL. */
  if (!g_utf8_validate (bytes, nul ? nul - bytes : (gssize)len, &bad))
    {
      *error = encoding_error (bytes, bad, filename);
      return NULL;
    }
  if (nul != NULL)
    {
      *error = null_byte_error (bytes, nul);
      return NULL;
    }
  if (len >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0)
    {
      bytes += 3;
      len -= 3;
    }
  out = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    {
      if (bytes[i] != '\r')
        g_string_append_c (out, bytes[i]);
      else
        {
          g_string_append_c (out, '\n');
          if (i + 1 < len && bytes[i + 1] == '\n')
            i++;
        }
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}
