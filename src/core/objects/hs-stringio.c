/* hs-stringio.c — io.StringIO: an in-memory text file.
 *
 * Invariant: the text is buf[0, len) as code points (so positions, tell() and seek() count
 * characters, as CPython's), pos may lie past len (a write there pads with NUL characters,
 * as CPython's); the object holds no references, so it is drawn as a leaf. Once closed every
 * operation but close() raises CPython's ValueError. Newlines are never translated
 * (StringIO's default newline='\n').
 */
#include "config.h"

#include "hs-stringio.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  gunichar *buf;
  gsize len, cap, pos;
  gboolean closed;
} HsStringIO;

#define SIO(o) ((HsStringIO *)(o))

static void
sio_dealloc (HsVM *vm, HsObject *self)
{
  hs_mem_realloc (vm, SIO (self)->buf, SIO (self)->cap * sizeof (gunichar), 0);
  SIO (self)->buf = NULL;
  SIO (self)->cap = 0;
}

static gboolean
check_open (HsVM *vm, HsObject *self, const char *tail)
{
  if (!SIO (self)->closed)
    return TRUE;
  hs_err_format (vm, &hs_exc_ValueError, "I/O operation on closed file%s", tail);
  return FALSE;
}

/* The characters buf[from, to) as a new str (NULs included, which GLib's converters stop
 * at). */
static HsObject *
text (HsVM *vm, HsStringIO *s, gsize from, gsize to)
{
  GString *out = g_string_sized_new (to - from);
  for (gsize i = from; i < to; i++)
    g_string_append_unichar (out, s->buf[i]);
  return hs_str_from_gstring (vm, out);
}

/* Writes the str `str` at pos (padding with NULs up to it), moving pos past it. */
static int
write_str (HsVM *vm, HsStringIO *s, HsObject *str)
{
  gsize n = hs_str_char_len (str);
  gsize end = s->pos + n;
  if (end > s->cap)
    {
      gsize cap = MAX (end, s->cap * 2);
      gunichar *buf
          = hs_mem_realloc (vm, s->buf, s->cap * sizeof (gunichar), cap * sizeof (gunichar));
      if (buf == NULL)
        return -1;
      s->buf = buf;
      s->cap = cap;
    }
  if (s->pos > s->len)
    memset (s->buf + s->len, 0, (s->pos - s->len) * sizeof (gunichar));
  const char *p = hs_str_utf8 (str);
  for (gsize i = 0; i < n; i++, p = g_utf8_next_char (p))
    s->buf[s->pos + i] = g_utf8_get_char (p);
  s->pos = end;
  s->len = MAX (s->len, end);
  return 0;
}

/* A size argument of read()/readline(): None or a negative int mean all; -1 with the
 * error when it is neither an int nor None. */
static int
size_arg (HsVM *vm, HsObject *size, gssize *out)
{
  *out = -1;
  if (size == NULL || size == hs_None)
    return 0;
  if (!hs_int_check (size))
    {
      hs_err_format (vm, &hs_exc_TypeError, "argument should be integer or None, not '%s'",
                     hs_type_name (size));
      return -1;
    }
  *out = hs_int_as_ssize (vm, size);
  return *out == -1 && hs_err_occurred (vm) ? -1 : 0;
}

/* The end of the line starting at pos (after its '\n'), at most `limit` characters on
 * (limit < 0: no limit). */
static gsize
line_end (HsStringIO *s, gssize limit)
{
  gsize start = MIN (s->pos, s->len), end = start;
  while (end < s->len && (limit < 0 || end - start < (gsize)limit))
    if (s->buf[end++] == '\n')
      break;
  return end;
}

/* The characters from pos to `end`, pos moved there. */
static HsObject *
take_to (HsVM *vm, HsStringIO *s, gsize end)
{
  gsize start = MIN (s->pos, s->len);
  HsObject *r = text (vm, s, start, MAX (start, end));
  if (r != NULL && end > s->pos)
    s->pos = end;
  return r;
}

static HsObject *
sio_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *initial = hs_None, *newline = NULL;
  if (!hs_parse_args (vm, "StringIO", args, nargs, kwnames, "| initial_value newline", &initial,
                      &newline))
    return NULL;
  if (initial != hs_None && !hs_str_check (initial))
    {
      hs_err_format (vm, &hs_exc_TypeError, "initial_value must be str or None, not %s",
                     hs_type_name (initial));
      return NULL;
    }
  HsStringIO *s = (HsStringIO *)hs_object_alloc (vm, type, sizeof (HsStringIO));
  if (s == NULL)
    return NULL;
  if (initial != hs_None && write_str (vm, s, initial) < 0)
    {
      hs_decref (vm, &s->header);
      return NULL;
    }
  s->pos = 0;
  return &s->header;
}

static HsObject *
m_write (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *str = NULL;
  if (!hs_parse_args (vm, "write", args + 1, nargs - 1, kwnames, "!s", &str)
      || !check_open (vm, args[0], ""))
    return NULL;
  if (!hs_str_check (str))
    {
      hs_err_format (vm, &hs_exc_TypeError, "string argument expected, got '%s'",
                     hs_type_name (str));
      return NULL;
    }
  if (write_str (vm, SIO (args[0]), str) < 0)
    return NULL;
  hs_object_mark_dirty (vm, args[0]);
  return hs_int_from_i64 (vm, (gint64)hs_str_char_len (str));
}

static HsObject *
m_writelines (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *lines = NULL;
  if (!hs_parse_args (vm, "writelines", args + 1, nargs - 1, kwnames, "!lines", &lines)
      || !check_open (vm, args[0], ""))
    return NULL;
  HsObject *it = hs_object_iter (vm, lines), *line;
  while (it != NULL && (line = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *call[2] = { args[0], line };
      HsObject *r = m_write (vm, call, 2, NULL);
      hs_decref (vm, line);
      if (r == NULL)
        break;
      hs_decref (vm, r);
    }
  hs_xdecref (vm, it);
  return hs_err_occurred (vm) ? NULL : hs_incref (hs_None);
}

static HsObject *
m_read (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *size = NULL;
  gssize n;
  if (!hs_parse_args (vm, "read", args + 1, nargs - 1, kwnames, "%|size /", &size)
      || !check_open (vm, args[0], "") || size_arg (vm, size, &n) < 0)
    return NULL;
  HsStringIO *s = SIO (args[0]);
  gsize start = MIN (s->pos, s->len);
  return take_to (vm, s, n < 0 ? s->len : MIN (s->len, start + (gsize)n));
}

static HsObject *
m_readline (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *size = NULL;
  gssize n;
  if (!hs_parse_args (vm, "readline", args + 1, nargs - 1, kwnames, "%|size /", &size)
      || !check_open (vm, args[0], "") || size_arg (vm, size, &n) < 0)
    return NULL;
  return take_to (vm, SIO (args[0]), line_end (SIO (args[0]), n));
}

static HsObject *
m_readlines (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *hint = NULL;
  gssize n;
  if (!hs_parse_args (vm, "readlines", args + 1, nargs - 1, kwnames, "%|hint /", &hint)
      || !check_open (vm, args[0], "") || size_arg (vm, hint, &n) < 0)
    return NULL;
  HsStringIO *s = SIO (args[0]);
  HsObject *list = hs_list_new (vm, 0);
  gsize total = 0;
  while (list != NULL && s->pos < s->len && (n <= 0 || total < (gsize)n))
    {
      gsize start = s->pos;
      HsObject *line = take_to (vm, s, line_end (s, -1));
      total += s->pos - start;
      if (line == NULL || hs_list_append_take (vm, list, line) < 0)
        HS_CLEAR (vm, list);
    }
  return list;
}

static HsObject *
m_getvalue (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "getvalue", args + 1, nargs - 1, kwnames, "")
      || !check_open (vm, args[0], ""))
    return NULL;
  return text (vm, SIO (args[0]), 0, SIO (args[0])->len);
}

static HsObject *
m_tell (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "tell", args + 1, nargs - 1, kwnames, "")
      || !check_open (vm, args[0], ""))
    return NULL;
  return hs_int_from_i64 (vm, (gint64)SIO (args[0])->pos);
}

static HsObject *
m_seek (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *pos_obj = NULL, *whence_obj = NULL;
  if (!hs_parse_args (vm, "seek", args + 1, nargs - 1, kwnames, "%pos | whence /", &pos_obj,
                      &whence_obj))
    return NULL;
  gssize pos = hs_int_as_ssize_index (vm, pos_obj);
  gssize whence = whence_obj != NULL ? hs_int_as_ssize_index (vm, whence_obj) : 0;
  if (hs_err_occurred (vm) || !check_open (vm, args[0], ""))
    return NULL;
  HsStringIO *s = SIO (args[0]);
  if (whence < 0 || whence > 2)
    hs_err_format (vm, &hs_exc_ValueError,
                   "Invalid whence (%" G_GSSIZE_FORMAT ", should be 0, 1 or 2)", whence);
  else if (whence == 0 && pos < 0)
    hs_err_format (vm, &hs_exc_ValueError, "Negative seek position %" G_GSSIZE_FORMAT, pos);
  else if (whence != 0 && pos != 0)
    hs_err_set_string (vm, &hs_exc_OSError, "Can't do nonzero cur-relative seeks");
  if (hs_err_occurred (vm))
    return NULL;
  s->pos = whence == 0 ? (gsize)pos : whence == 2 ? s->len : s->pos;
  return hs_int_from_i64 (vm, (gint64)s->pos);
}

static HsObject *
m_truncate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *size_obj = hs_None;
  if (!hs_parse_args (vm, "truncate", args + 1, nargs - 1, kwnames, "%|pos /", &size_obj)
      || !check_open (vm, args[0], ""))
    return NULL;
  HsStringIO *s = SIO (args[0]);
  gssize size = size_obj == hs_None ? (gssize)s->pos : hs_int_as_ssize_index (vm, size_obj);
  if (size == -1 && hs_err_occurred (vm))
    return NULL;
  if (size < 0)
    {
      hs_err_format (vm, &hs_exc_ValueError, "Negative size value %" G_GSSIZE_FORMAT, size);
      return NULL;
    }
  s->len = MIN (s->len, (gsize)size);
  hs_object_mark_dirty (vm, args[0]);
  return hs_int_from_i64 (vm, size);
}

static HsObject *
m_close (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "close", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  SIO (args[0])->closed = TRUE;
  return hs_incref (hs_None);
}

/* readable(), writable(), seekable(): TRUE while open; isatty(): FALSE; flush(): None */
static HsObject *
answer (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
        HsObject *value)
{
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "") || !check_open (vm, args[0], ""))
    return NULL;
  return hs_incref (value);
}

static HsObject *
m_readable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "readable", args, nargs, kwnames, hs_True);
}

static HsObject *
m_writable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "writable", args, nargs, kwnames, hs_True);
}

static HsObject *
m_seekable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "seekable", args, nargs, kwnames, hs_True);
}

static HsObject *
m_isatty (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "isatty", args, nargs, kwnames, hs_False);
}

static HsObject *
m_flush (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "flush", args, nargs, kwnames, hs_None);
}

static HsObject *
m_enter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "__enter__", args, nargs, kwnames, args[0]);
}

static HsObject *
m_exit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  (void)nargs;
  (void)kwnames;
  SIO (args[0])->closed = TRUE;
  return hs_incref (hs_None);
}

static HsObject *
sio_iter (HsVM *vm, HsObject *self)
{
  return check_open (vm, self, ".") ? hs_incref (self) : NULL;
}

/* next(f): the next line; exhausted at the end of the text */
static HsObject *
sio_iternext (HsVM *vm, HsObject *self)
{
  if (!check_open (vm, self, ""))
    return NULL;
  HsObject *line = take_to (vm, SIO (self), line_end (SIO (self), -1));
  if (line != NULL && hs_str_byte_len (line) == 0)
    HS_CLEAR (vm, line);
  return line;
}

static HsObject *
sio_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "closed"))
    return hs_bool_from (SIO (self)->closed);
  if (hs_str_equal_cstr (name, "line_buffering"))
    return check_open (vm, self, "") ? hs_incref (hs_False) : NULL;
  return hs_object_generic_getattr (vm, self, name);
}

static const HsMethodDef sio_methods[] = {
  { "write", m_write },         { "writelines", m_writelines },
  { "read", m_read },           { "readline", m_readline },
  { "readlines", m_readlines }, { "getvalue", m_getvalue },
  { "tell", m_tell },           { "seek", m_seek },
  { "truncate", m_truncate },   { "close", m_close },
  { "readable", m_readable },   { "writable", m_writable },
  { "seekable", m_seekable },   { "isatty", m_isatty },
  { "flush", m_flush },         { "__enter__", m_enter },
  { "__exit__", m_exit },       { NULL, NULL },
};

HsType hs_stringio_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "StringIO",
  .module = "_io",
  .tp_name = "_io.StringIO",
  .base = &hs_object_type,
  .basicsize = sizeof (HsStringIO),
  .dealloc = sio_dealloc,
  .iter = sio_iter,
  .iternext = sio_iternext,
  .getattr = sio_getattr,
  .construct = sio_construct,
  .methods = sio_methods,
};

void
hs_stringio_runtime_init (void)
{
  hs_type_ready (&hs_stringio_type);
}
