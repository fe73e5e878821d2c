/* hs-stdio.c — sys.stdin, sys.stdout and sys.stderr: the program's standard streams, as
 * CPython's io.TextIOWrapper objects over the host's input and output functions.
 *
 * Invariant: stdout writes go where print() writes (hs_vm_write_output), stderr writes where
 * the run's other stderr text goes (hs_vm_write_error); both count against the output cap.
 * stdin and input() read through one buffer, vm->stdin_buf, filled a line at a time from the
 * host's HsInputFn (each line read is reported to the input hook once, so a trace echoes it
 * as it echoes input()'s answers): what a sized read leaves of a line is what the next read,
 * readline or input() returns first. The objects hold no references (drawn as leaves).
 */
#include "config.h"

#include "hs-stdio.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-dict.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-vm-private.h"

typedef struct
{
  HsObject header;
  int fd; /* 0, 1 or 2 */
} HsStdio;

#define STDIO_FD(o) (((HsStdio *)(o))->fd)

static const char *const stream_names[] = { "<stdin>", "<stdout>", "<stderr>" };

/* io.UnsupportedOperation (CPython's derives from OSError and ValueError; this one from
 * OSError only) */
HsType hs_unsupported_operation_type = {
  .name = "UnsupportedOperation",
  .module = "io",
  .base = &hs_exc_OSError,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

/* ---- the input buffer ------------------------------------------------------------------ */

/* Reads one more line from the host into the buffer; FALSE at the end of input. */
static gboolean
fill_line (HsVM *vm)
{
  g_autofree char *line = NULL;
  gsize len = 0;

  if (vm->stdin_eof)
    return FALSE;
  if (vm->input_fn != NULL)
    line = vm->input_fn (&len, vm->input_data);
  if (line == NULL)
    {
      vm->stdin_eof = TRUE;
      return FALSE;
    }
  if (!g_utf8_validate (line, len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (line, len);
      g_free (line);
      line = g_steal_pointer (&valid);
      len = strlen (line);
    }
  if (vm->stdin_buf == NULL)
    vm->stdin_buf = g_string_new (NULL);
  g_string_append_len (vm->stdin_buf, line, len);
  if (vm->hooks != NULL && vm->hooks->input != NULL)
    vm->hooks->input (vm, line, len > 0 && line[len - 1] == '\n' ? len - 1 : len, vm->hooks_data);
  return TRUE;
}

/* The first `bytes` bytes of the buffer as a str, removed from it. */
static HsObject *
take (HsVM *vm, gsize bytes)
{
  HsObject *r = hs_str_new (vm, vm->stdin_buf != NULL ? vm->stdin_buf->str : "", bytes);
  if (r != NULL && bytes > 0)
    g_string_erase (vm->stdin_buf, 0, (gssize)bytes);
  return r;
}

/* Bytes of the buffer's first `chars` characters (all of it when it has fewer). */
static gsize
char_bytes (HsVM *vm, gsize chars)
{
  const char *s = vm->stdin_buf->str, *end = s + vm->stdin_buf->len, *p = s;
  for (gsize i = 0; i < chars && p < end; i++)
    p = g_utf8_next_char (p);
  return (gsize)(p - s);
}

HsObject *
hs_stdin_readline (HsVM *vm, gssize limit)
{
  const char *nl;
  gsize bytes;

  if ((vm->stdin_buf == NULL || vm->stdin_buf->len == 0) && !fill_line (vm))
    return take (vm, 0);
  nl = memchr (vm->stdin_buf->str, '\n', vm->stdin_buf->len);
  bytes = nl != NULL ? (gsize)(nl - vm->stdin_buf->str) + 1 : vm->stdin_buf->len;
  if (limit >= 0)
    bytes = MIN (bytes, char_bytes (vm, (gsize)limit));
  return take (vm, bytes);
}

/* read(n): n characters, fewer at the end of input; n < 0: everything up to the end. */
static HsObject *
stdin_read (HsVM *vm, gssize n)
{
  while ((n < 0 || vm->stdin_buf == NULL
          || hs_utf8_count (vm->stdin_buf->str, vm->stdin_buf->len) < (gsize)n)
         && fill_line (vm))
    ;
  if (vm->stdin_buf == NULL)
    return take (vm, 0);
  return take (vm, n < 0 ? vm->stdin_buf->len : char_bytes (vm, (gsize)n));
}

HsObject *
hs_stdio_redirected (HsVM *vm, int fd)
{
  HsObject *sys, *stream;

  if (vm->modules == NULL
      || (sys = hs_dict_get_item_borrow (vm, vm->modules, hs_str_intern_cstr ("sys"))) == NULL)
    return NULL;
  stream = hs_dict_get_item_borrow (vm, hs_module_dict (sys),
                                    hs_str_intern_cstr (fd == 1 ? "stdout" : "stderr"));
  return stream == NULL || hs_stdio_is (stream, fd) ? NULL : stream;
}

gboolean
hs_stdio_is (HsObject *obj, int fd)
{
  return HS_IS (obj, &hs_stdio_type) && STDIO_FD (obj) == fd;
}

/* ---- the stream objects ---------------------------------------------------------------- */

HsObject *
hs_stdio_new (HsVM *vm, int fd)
{
  HsStdio *s = (HsStdio *)hs_object_alloc (vm, &hs_stdio_type, sizeof (HsStdio));
  if (s != NULL)
    s->fd = fd;
  return &s->header;
}

/* io.UnsupportedOperation "not readable"/"not writable" unless the stream is one. */
static gboolean
check_mode (HsVM *vm, HsObject *self, gboolean reading)
{
  if ((STDIO_FD (self) == 0) == reading)
    return TRUE;
  hs_err_set_string (vm, &hs_unsupported_operation_type, reading ? "not readable" : "not writable");
  return FALSE;
}

static int
write_text (HsVM *vm, HsObject *self, HsObject *str)
{
  if (!hs_str_check (str))
    {
      hs_err_format (vm, &hs_exc_TypeError, "write() argument must be str, not %s",
                     hs_type_name (str));
      return -1;
    }
  return STDIO_FD (self) == 1 ? hs_vm_write_output (vm, hs_str_utf8 (str), hs_str_byte_len (str))
                              : hs_vm_write_error (vm, hs_str_utf8 (str), hs_str_byte_len (str));
}

static HsObject *
m_write (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *str = NULL;
  if (!hs_parse_args (vm, "TextIOWrapper.write", args + 1, nargs - 1, kwnames, "!s", &str)
      || !check_mode (vm, args[0], FALSE) || write_text (vm, args[0], str) < 0)
    return NULL;
  return hs_int_from_i64 (vm, (gint64)hs_str_char_len (str));
}

static HsObject *
m_writelines (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *lines = NULL, *it, *line;
  if (!hs_parse_args (vm, "TextIOWrapper.writelines", args + 1, nargs - 1, kwnames, "!lines",
                      &lines)
      || !check_mode (vm, args[0], FALSE) || (it = hs_object_iter (vm, lines)) == NULL)
    return NULL;
  while ((line = hs_iter_next (vm, it)) != NULL)
    {
      int r = write_text (vm, args[0], line);
      hs_decref (vm, line);
      if (r < 0)
        break;
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? NULL : hs_incref (hs_None);
}

/* A size argument: an int (or None when none_ok); -1 when absent */
static gboolean
size_arg (HsVM *vm, HsObject *size, gboolean none_ok, gssize *out)
{
  *out = -1;
  if (size == NULL || (none_ok && size == hs_None))
    return TRUE;
  HsObject *index = hs_object_index (vm, size);
  if (index == NULL)
    return FALSE;
  *out = hs_int_as_ssize (vm, index);
  hs_decref (vm, index);
  return !(*out == -1 && hs_err_occurred (vm));
}

/* readline(size=-1) (`line`) and read(size=-1), which also takes None */
static HsObject *
read_sized (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
            gboolean line)
{
  HsObject *size = NULL;
  gssize n;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "|size /", &size)
      || !size_arg (vm, size, !line, &n) || !check_mode (vm, args[0], TRUE))
    return NULL;
  return line ? hs_stdin_readline (vm, n) : stdin_read (vm, n);
}

static HsObject *
m_readline (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return read_sized (vm, "readline", args, nargs, kwnames, TRUE);
}

static HsObject *
m_read (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return read_sized (vm, "read", args, nargs, kwnames, FALSE);
}

static HsObject *
stdio_iternext (HsVM *vm, HsObject *self)
{
  HsObject *line;
  if (!check_mode (vm, self, TRUE))
    return NULL;
  line = hs_stdin_readline (vm, -1);
  if (line != NULL && hs_str_byte_len (line) == 0)
    HS_CLEAR (vm, line);
  return line;
}

static HsObject *
m_readlines (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *hint = NULL, *list, *line;
  gssize n;
  if (!hs_parse_args (vm, "readlines", args + 1, nargs - 1, kwnames, "|hint /", &hint)
      || !size_arg (vm, hint, TRUE, &n) || !check_mode (vm, args[0], TRUE)
      || (list = hs_list_new (vm, 0)) == NULL)
    return NULL;
  for (gsize total = 0; (n <= 0 || total < (gsize)n) && (line = stdio_iternext (vm, args[0]));)
    {
      total += hs_str_char_len (line);
      if (hs_list_append_take (vm, list, line) < 0)
        break;
    }
  if (hs_err_occurred (vm))
    HS_CLEAR (vm, list);
  return list;
}

/* flush(), isatty(), readable(), writable(), seekable(), fileno(): no arguments, an answer */
static HsObject *
answer (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
        HsObject *value)
{
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, ""))
    {
      hs_decref (vm, value);
      return NULL;
    }
  return value;
}

static HsObject *
m_flush (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "TextIOWrapper.flush", args, nargs, kwnames, hs_incref (hs_None));
}

/* The program never runs on a terminal: the window's console and the tests' pipes. */
static HsObject *
m_isatty (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "TextIOWrapper.isatty", args, nargs, kwnames, hs_incref (hs_False));
}

static HsObject *
m_seekable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "TextIOWrapper.seekable", args, nargs, kwnames, hs_incref (hs_False));
}

static HsObject *
m_readable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "TextIOWrapper.readable", args, nargs, kwnames,
                 hs_bool_from (STDIO_FD (args[0]) == 0));
}

static HsObject *
m_writable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "TextIOWrapper.writable", args, nargs, kwnames,
                 hs_bool_from (STDIO_FD (args[0]) != 0));
}

static HsObject *
m_fileno (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return answer (vm, "TextIOWrapper.fileno", args, nargs, kwnames,
                 hs_int_from_i64 (vm, STDIO_FD (args[0])));
}

static HsObject *
stdio_iter (HsVM *vm, HsObject *self)
{
  return hs_incref (self);
}

static HsObject *
stdio_repr (HsVM *vm, HsObject *self)
{
  GString *out = g_string_new (NULL);
  g_string_printf (out, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>",
                   stream_names[STDIO_FD (self)], STDIO_FD (self) == 0 ? "r" : "w");
  return hs_str_from_gstring (vm, out);
}

static HsObject *
stdio_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  int fd = STDIO_FD (self);
  if (hs_str_equal_cstr (name, "name"))
    return hs_str_from_cstr (vm, stream_names[fd]);
  if (hs_str_equal_cstr (name, "mode"))
    return hs_str_from_cstr (vm, fd == 0 ? "r" : "w");
  if (hs_str_equal_cstr (name, "encoding"))
    return hs_str_from_cstr (vm, "utf-8");
  if (hs_str_equal_cstr (name, "errors"))
    return hs_str_from_cstr (vm, fd == 2 ? "backslashreplace" : "surrogateescape");
  if (hs_str_equal_cstr (name, "closed"))
    return hs_incref (hs_False);
  return hs_object_generic_getattr (vm, self, name);
}

static const HsMethodDef stdio_methods[] = {
  { "write", m_write },       { "writelines", m_writelines }, { "read", m_read },
  { "readline", m_readline }, { "readlines", m_readlines },   { "flush", m_flush },
  { "isatty", m_isatty },     { "readable", m_readable },     { "writable", m_writable },
  { "seekable", m_seekable }, { "fileno", m_fileno },         { NULL, NULL },
};

HsType hs_stdio_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "TextIOWrapper",
  .module = "_io",
  .base = &hs_object_type,
  .basicsize = sizeof (HsStdio),
  .repr = stdio_repr,
  .iter = stdio_iter,
  .iternext = stdio_iternext,
  .getattr = stdio_getattr,
  .methods = stdio_methods,
};

void
hs_stdio_runtime_init (void)
{
  hs_type_ready (&hs_stdio_type);
  hs_type_ready (&hs_unsupported_operation_type);
}
