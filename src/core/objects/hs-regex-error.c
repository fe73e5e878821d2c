/* hs-regex-error.c — re.error, the exception the re compiler raises for a bad pattern or
 * template, with CPython's msg, pattern, pos, lineno and colno.
 *
 * Invariant: an re.error's args hold its whole message ("msg at position N", then
 * " (line L, column C)" when the pattern has several lines), and it keeps msg, pattern and
 * pos (NULL: None) as references, drawn as its attributes; lineno and colno are computed
 * from pattern and pos when asked for, as CPython's __init__ computes them.
 */
#include "config.h"

#include "hs-regex.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsException exc;
  HsObject *msg, *pattern, *pos;
} HsReError;

#define RE_ERROR(o) ((HsReError *)(o))

/* The line and column of character pos of a str pattern (FALSE for anything else). */
static gboolean
line_and_column (HsObject *pattern, HsObject *pos, gint64 *line, gint64 *col)
{
  gint64 at;
  if (pattern == NULL || pos == NULL || !hs_str_check (pattern) || !hs_int_check (pos)
      || !hs_int_as_i64 (pos, &at))
    return FALSE;
  const char *s = hs_str_utf8 (pattern), *end = s + hs_str_byte_len (pattern);
  gint64 last_newline = -1;
  *line = 1;
  for (gint64 i = 0; i < at && s < end; i++, s = g_utf8_next_char (s))
    if (*s == '\n')
      *line += 1, last_newline = i;
  *col = at - last_newline;
  return TRUE;
}

/* Sets the fields and the args of e as CPython's error.__init__(msg, pattern, pos). */
static int
init_error (HsVM *vm, HsObject *e, HsObject *msg, HsObject *pattern, HsObject *pos)
{
  HsReError *r = RE_ERROR (e);
  HsObject *text = hs_object_str (vm, msg);
  gint64 line, col, at;
  if (text == NULL)
    return -1;
  if (pattern != NULL && pattern != hs_None && pos != NULL && pos != hs_None)
    {
      GString *s = g_string_new (hs_str_utf8 (text));
      if (hs_int_check (pos) && hs_int_as_i64 (pos, &at))
        g_string_append_printf (s, " at position %" G_GINT64_FORMAT, at);
      if (line_and_column (pattern, pos, &line, &col)
          && strchr (hs_str_utf8 (pattern), '\n') != NULL)
        g_string_append_printf (s, " (line %" G_GINT64_FORMAT ", column %" G_GINT64_FORMAT ")",
                                line, col);
      hs_decref (vm, text);
      if ((text = hs_str_from_gstring (vm, s)) == NULL)
        return -1;
    }
  HsObject *args = hs_tuple_pack (vm, 1, text);
  hs_decref (vm, text);
  if (args == NULL)
    return -1;
  hs_decref (vm, r->exc.args);
  r->exc.args = args;
  r->msg = hs_incref (msg);
  r->pattern = pattern != NULL && pattern != hs_None ? hs_incref (pattern) : NULL;
  r->pos = pos != NULL && pos != hs_None ? hs_incref (pos) : NULL;
  return 0;
}

void
hs_regex_error_set (HsVM *vm, const char *msg, HsObject *pattern, glong pos)
{
  HsObject *m = hs_str_new (vm, msg, strlen (msg));
  HsObject *p = m != NULL && pos >= 0 ? hs_int_from_i64 (vm, pos) : NULL;
  HsObject *e = m != NULL ? hs_exception_new (vm, &hs_regex_error_type, NULL) : NULL;
  if (e != NULL && init_error (vm, e, m, pos >= 0 ? pattern : NULL, p) == 0)
    hs_err_set_object (vm, e);
  hs_xdecref (vm, e);
  hs_xdecref (vm, m);
  hs_xdecref (vm, p);
}

static HsObject *
error_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *msg = NULL, *pattern = NULL, *pos = NULL;
  if (!hs_parse_args (vm, "error.__init__", args, nargs, kwnames, "@msg | pattern pos", &msg,
                      &pattern, &pos))
    return NULL;
  HsObject *e = hs_exception_new (vm, type, NULL);
  if (e != NULL && init_error (vm, e, msg, pattern, pos) < 0)
    HS_CLEAR (vm, e);
  return e;
}

static void
error_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsReError *r = RE_ERROR (self);
  hs_exc_Exception.refs (self, visit, data);
  if (r->msg != NULL)
    hs_visit_named (visit, r->msg, HS_REF_ATTR, "msg", data);
  if (r->pattern != NULL)
    hs_visit_named (visit, r->pattern, HS_REF_ATTR, "pattern", data);
  if (r->pos != NULL)
    hs_visit_named (visit, r->pos, HS_REF_ATTR, "pos", data);
}

static void
error_clear (HsVM *vm, HsObject *self)
{
  HsReError *r = RE_ERROR (self);
  HS_CLEAR (vm, r->msg);
  HS_CLEAR (vm, r->pattern);
  HS_CLEAR (vm, r->pos);
  hs_exc_Exception.clear (vm, self);
}

static void
error_dealloc (HsVM *vm, HsObject *self)
{
  error_clear (vm, self);
  hs_exc_Exception.dealloc (vm, self);
}

static HsObject *
error_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsReError *r = RE_ERROR (self);
  HsObject *const fields[] = { r->msg, r->pattern, r->pos };
  static const char *const names[] = { "msg", "pattern", "pos" };
  gint64 lc[2];
  for (int i = 0; i < 3; i++)
    if (hs_str_equal_cstr (name, names[i]))
      return hs_incref (fields[i] != NULL ? fields[i] : hs_None);
  gboolean line = hs_str_equal_cstr (name, "lineno");
  if (line || hs_str_equal_cstr (name, "colno"))
    return line_and_column (r->pattern, r->pos, &lc[0], &lc[1])
               ? hs_int_from_i64 (vm, lc[line ? 0 : 1])
               : hs_incref (hs_None);
  return hs_exc_Exception.getattr (vm, self, name);
}

HsType hs_regex_error_type = {
  .name = "error",
  .module = "re",
  .base = &hs_exc_Exception,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsReError),
  .dealloc = error_dealloc,
  .refs = error_refs,
  .clear = error_clear,
  .getattr = error_getattr,
  .construct = error_construct,
};
