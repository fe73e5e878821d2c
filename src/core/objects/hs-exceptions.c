/* hs-exceptions.c — the built-in exception classes and the hs_err_* API.
 *
 * Invariant: vm->exc is NULL or one exception instance owned by the VM. Raising while
 * another exception is current chains it as the new one's __context__ (CPython's
 * implicit chaining). MemoryError is raised from a per-VM preallocated instance, so
 * running out of heap never needs more heap; the raised one is the program's own (the
 * VM keeps no reference) and the reserve is made again at once.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "hs-exceptions.h"
#include "hs-exception-group.h"
#include "hs-cfunction.h"
#include "hs-class-private.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- instances ------------------------------------------------------------------- */

/* What an exception carries besides attributes: its args tuple and its chain. */
static void
exc_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsException *e = HS_EXCEPTION (self);
  const char *names[] = { "args", "__cause__", "__context__", "__traceback__",
                          "name", "obj",       "filename",    "filename2" };
  HsObject *values[]
      = { e->args, e->cause, e->context, e->tb_object, e->name, e->obj, e->filename, e->filename2 };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (values[i] != NULL)
      hs_visit_named (visit, values[i], HS_REF_ATTR, names[i], data);
  if (e->dict != NULL)
    hs_visit_unfold (visit, e->dict, hs_ref_row_by_key, data);
}

static void
exc_clear (HsVM *vm, HsObject *self)
{
  HsException *e = HS_EXCEPTION (self);
  HS_CLEAR (vm, e->args);
  HS_CLEAR (vm, e->cause);
  HS_CLEAR (vm, e->context);
  HS_CLEAR (vm, e->name);
  HS_CLEAR (vm, e->obj);
  HS_CLEAR (vm, e->tb_object);
  HS_CLEAR (vm, e->filename);
  HS_CLEAR (vm, e->filename2);
  HS_CLEAR (vm, e->dict);
}

static void
exc_dealloc (HsVM *vm, HsObject *self)
{
  HsException *e = HS_EXCEPTION (self);
  exc_clear (vm, self);
  if (e->traceback != NULL)
    g_array_free (e->traceback, TRUE);
  e->traceback = NULL;
}

HsObject *
hs_exception_new (HsVM *vm, HsType *type, HsObject *args)
{
  /* a module's exception may keep more (re.error) */
  HsException *e
      = (HsException *)hs_object_alloc (vm, type, MAX (type->basicsize, sizeof (HsException)));
  if (e == NULL)
    return NULL;
  e->args = hs_incref (args != NULL ? args : hs_tuple_empty ());
  hs_gc_track (vm, (HsObject *)e);
  if (hs_exception_args_set (vm, (HsObject *)e) < 0)
    {
      hs_decref (vm, (HsObject *)e);
      return NULL;
    }
  return (HsObject *)e;
}

static gboolean
is_os_error (HsObject *exc)
{
  return hs_type_is_subtype (exc->type, &hs_exc_OSError);
}

/* OSError(errno, strerror, filename, winerror, filename2) keeps the file names apart and
 * only (errno, strerror) as its args, as CPython's oserror_init does. */
int
hs_exception_args_set (HsVM *vm, HsObject *exc)
{
  HsException *e = HS_EXCEPTION (exc);
  gsize n = hs_tuple_len (e->args);
  if (!is_os_error (exc) || n < 3 || n > 5)
    return 0;
  HsObject *pair
      = hs_tuple_pack (vm, 2, hs_tuple_get_borrow (e->args, 0), hs_tuple_get_borrow (e->args, 1));
  if (pair == NULL)
    return -1;
  HS_CLEAR (vm, e->filename);
  HS_CLEAR (vm, e->filename2);
  e->filename = hs_incref (hs_tuple_get_borrow (e->args, 2));
  if (n == 5)
    e->filename2 = hs_incref (hs_tuple_get_borrow (e->args, 4));
  HsObject *old = e->args;
  e->args = pair;
  hs_decref (vm, old);
  return 0;
}

/* errno and strerror: the first two args when there are two to five of them. */
static HsObject *
os_error_arg (HsObject *exc, gsize i)
{
  HsException *e = HS_EXCEPTION (exc);
  gsize n = hs_tuple_len (e->args);
  return n >= 2 && n <= 5 ? hs_tuple_get_borrow (e->args, i) : hs_None;
}

/* OSError(errno, ...) makes the subclass for that errno, as CPython's errnomap does. */
static HsType *
os_error_subclass (HsObject *code)
{
  static const struct
  {
    int code;
    HsType *type;
  } map[] = {
    { EAGAIN, &hs_exc_BlockingIOError },
    { EALREADY, &hs_exc_BlockingIOError },
    { EINPROGRESS, &hs_exc_BlockingIOError },
    { EWOULDBLOCK, &hs_exc_BlockingIOError },
    { EPIPE, &hs_exc_BrokenPipeError },
    { ESHUTDOWN, &hs_exc_BrokenPipeError },
    { ECHILD, &hs_exc_ChildProcessError },
    { ECONNABORTED, &hs_exc_ConnectionAbortedError },
    { ECONNREFUSED, &hs_exc_ConnectionRefusedError },
    { ECONNRESET, &hs_exc_ConnectionResetError },
    { EEXIST, &hs_exc_FileExistsError },
    { ENOENT, &hs_exc_FileNotFoundError },
    { EISDIR, &hs_exc_IsADirectoryError },
    { ENOTDIR, &hs_exc_NotADirectoryError },
    { EINTR, &hs_exc_InterruptedError },
    { EACCES, &hs_exc_PermissionError },
    { EPERM, &hs_exc_PermissionError },
    { ESRCH, &hs_exc_ProcessLookupError },
    { ETIMEDOUT, &hs_exc_TimeoutError },
  };
  gint64 v;
  if (!hs_int_check (code) || !hs_int_as_i64 (code, &v))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (map); i++)
    if (map[i].code == v)
      return map[i].type;
  return NULL;
}

void
hs_exception_add_traceback (HsObject *exc, HsCode *code, int ip)
{
  HsException *e = HS_EXCEPTION (exc);
  if (e->traceback == NULL)
    e->traceback = g_array_new (FALSE, FALSE, sizeof (HsTracebackEntry));
  HsTracebackEntry entry = { code, ip };
  g_array_append_val (e->traceback, entry);
}

/* ---- traceback objects ----------------------------------------------------------- */

/* One frame an exception went through, as CPython's traceback: `tb_next` leads toward the
 * frame that raised it. There are no frame objects here: `tb_frame` is not offered.
 * The line is kept as an int so that the diagram can show it as a row (CPython computes
 * it from tb_lasti at each access). */
typedef struct
{
  HsObject header;
  HsObject *next; /* traceback or NULL */
  HsObject *lineno;
  HsCode *code; /* borrowed: code objects outlive exceptions */
  int ip;
} HsTraceback;

/* The rows the diagram shows: the line, then the traceback toward the raise. */
static void
tb_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsTraceback *tb = (HsTraceback *)self;
  hs_visit_named (visit, tb->lineno, HS_REF_ATTR, "tb_lineno", data);
  if (tb->next != NULL)
    hs_visit_named (visit, tb->next, HS_REF_ATTR, "tb_next", data);
}

static void
tb_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsTraceback *)self)->next);
}

static void
tb_dealloc (HsVM *vm, HsObject *self)
{
  tb_clear (vm, self);
  HS_CLEAR (vm, ((HsTraceback *)self)->lineno);
}

static HsObject *
tb_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsTraceback *tb = (HsTraceback *)self;
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "tb_next") == 0)
    return hs_incref (tb->next != NULL ? tb->next : hs_None);
  if (strcmp (n, "tb_lineno") == 0)
    return hs_incref (tb->lineno);
  if (strcmp (n, "tb_lasti") == 0)
    return hs_int_from_i64 (vm, 2 * (gint64)tb->ip);
  hs_err_format (vm, &hs_exc_AttributeError, "'traceback' object has no attribute '%s'", n);
  return NULL;
}

static HsType hs_traceback_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "traceback",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,
  .basicsize = sizeof (HsTraceback),
  .dealloc = tb_dealloc,
  .refs = tb_refs,
  .clear = tb_clear,
  .getattr = tb_getattr,
};

gboolean
hs_traceback_entry (HsObject *tb, HsCode **code, int *ip, HsObject **next)
{
  if (!HS_IS (tb, &hs_traceback_type))
    return FALSE;
  *code = ((HsTraceback *)tb)->code;
  *ip = ((HsTraceback *)tb)->ip;
  *next = ((HsTraceback *)tb)->next;
  return TRUE;
}

/* Entries added since the last call get their objects, each leading to the one before,
 * as CPython prepends a traceback object in every frame the exception leaves. */
HsObject *
hs_exception_traceback_object (HsVM *vm, HsObject *exc)
{
  HsException *e = HS_EXCEPTION (exc);
  guint n = e->traceback != NULL ? e->traceback->len : 0;
  while (e->tb_len < n)
    {
      HsTracebackEntry *entry = &g_array_index (e->traceback, HsTracebackEntry, e->tb_len);
      HsObject *lineno = hs_int_from_i64 (vm, hs_code_line (entry->code, entry->ip));
      if (lineno == NULL)
        return NULL;
      HsTraceback *tb
          = (HsTraceback *)hs_object_alloc (vm, &hs_traceback_type, sizeof (HsTraceback));
      if (tb == NULL)
        {
          hs_decref (vm, lineno);
          return NULL;
        }
      tb->code = entry->code;
      tb->ip = entry->ip;
      tb->lineno = lineno;
      tb->next = e->tb_object; /* the reference moves to the new object */
      hs_gc_track (vm, (HsObject *)tb);
      e->tb_object = (HsObject *)tb;
      e->tb_len++;
      hs_object_mark_dirty (vm, exc);
    }
  return hs_incref (e->tb_object != NULL ? e->tb_object : hs_None);
}

/* "[Errno 2] No such file: 'a.txt'", as CPython's OSError_str: errno and strerror as
 * str(), then the file names as repr(). */
static HsObject *
os_error_str (HsVM *vm, HsObject *self)
{
  HsException *e = HS_EXCEPTION (self);
  HsObject *parts[4]
      = { os_error_arg (self, 0), os_error_arg (self, 1), e->filename, e->filename2 };
  static const char *const lead[4] = { "[Errno ", "] ", ": ", " -> " };
  gsize n = e->filename2 != NULL ? 4 : e->filename != NULL ? 3 : 2;
  g_autoptr (GString) out = g_string_new (NULL);

  for (gsize i = 0; i < n; i++)
    {
      HsObject *text = i < 2 ? hs_object_str (vm, parts[i]) : hs_object_repr (vm, parts[i]);
      if (text == NULL)
        return NULL;
      g_string_append (out, lead[i]);
      g_string_append (out, hs_str_utf8 (text));
      hs_decref (vm, text);
    }
  return hs_str_from_gstring (vm, g_steal_pointer (&out));
}

/* SyntaxError's fields, from its args as CPython's SyntaxError_init reads them: msg, then
 * (filename, lineno, offset, text, end_lineno, end_offset). Borrowed; None when absent. */
static const char *const syntax_fields[]
    = { "msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", NULL };

HsObject *
hs_syntax_error_field (HsObject *exc, int i)
{
  HsObject *args = HS_EXCEPTION (exc)->args;
  gsize n = hs_tuple_len (args);
  if (i == 0)
    return n >= 1 ? hs_tuple_get_borrow (args, 0) : hs_None;
  if (n != 2 || !HS_IS (hs_tuple_get_borrow (args, 1), &hs_tuple_type))
    return hs_None;
  HsObject *info = hs_tuple_get_borrow (args, 1);
  return (gsize)i <= hs_tuple_len (info) ? hs_tuple_get_borrow (info, i - 1) : hs_None;
}

static gboolean
is_syntax_error (HsObject *exc)
{
  return hs_type_is_subtype (exc->type, &hs_exc_SyntaxError);
}

/* "invalid syntax (<string>, line 1)", as CPython's SyntaxError_str */
static HsObject *
syntax_error_str (HsVM *vm, HsObject *self)
{
  HsObject *msg = hs_object_str (vm, hs_syntax_error_field (self, 0));
  HsObject *file = hs_syntax_error_field (self, 1), *line = hs_syntax_error_field (self, 2);
  if (msg == NULL)
    return NULL;
  gboolean has_file = hs_str_check (file), has_line = hs_int_check (line);
  if (!has_file && !has_line)
    return msg;
  g_autofree char *base = has_file ? g_path_get_basename (hs_str_utf8 (file)) : NULL;
  g_autoptr (GString) out = g_string_new (hs_str_utf8 (msg));
  hs_decref (vm, msg);
  gint64 n = 0;
  if (has_line)
    hs_int_as_i64 (line, &n);
  if (has_file && has_line)
    g_string_append_printf (out, " (%s, line %" G_GINT64_FORMAT ")", base, n);
  else if (has_file)
    g_string_append_printf (out, " (%s)", base);
  else
    g_string_append_printf (out, " (line %" G_GINT64_FORMAT ")", n);
  return hs_str_from_gstring (vm, g_steal_pointer (&out));
}

static HsObject *
exc_str (HsVM *vm, HsObject *self)
{
  if (is_syntax_error (self) && hs_tuple_len (HS_EXCEPTION (self)->args) > 0)
    return syntax_error_str (vm, self);
  HsObject *args = HS_EXCEPTION (self)->args;
  if (is_os_error (self)
      && (HS_EXCEPTION (self)->filename != NULL
          || (os_error_arg (self, 0) != hs_None && os_error_arg (self, 1) != hs_None)))
    return os_error_str (vm, self);
  HsObject *text;
  if (hs_unicode_error_check (self) && hs_unicode_error_str (vm, self, &text))
    return text;
  gsize n = hs_tuple_len (args);
  if (n == 0)
    return hs_str_new (vm, "", 0);
  if (n == 1)
    {
      HsObject *a = hs_tuple_get_borrow (args, 0);
      if (hs_type_is_subtype (self->type, &hs_exc_KeyError))
        return hs_object_repr (vm, a);
      return hs_object_str (vm, a);
    }
  return hs_object_str (vm, args);
}

static HsObject *
exc_repr (HsVM *vm, HsObject *self)
{
  HsObject *args = HS_EXCEPTION (self)->args;
  GString *s = g_string_new (self->type->name);
  if (hs_tuple_len (args) == 1)
    {
      HsObject *r = hs_object_repr (vm, hs_tuple_get_borrow (args, 0));
      if (r == NULL)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      g_string_append_printf (s, "(%s)", hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  else
    {
      HsObject *r = hs_object_repr (vm, args);
      if (r == NULL)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      g_string_append (s, hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  return hs_str_from_gstring (vm, s);
}

static HsObject *
exc_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() takes no keyword arguments", type->name);
      return NULL;
    }
  if (hs_type_is_subtype (type, &hs_exc_UnicodeEncodeError)
      || hs_type_is_subtype (type, &hs_exc_UnicodeDecodeError))
    if (!hs_unicode_error_check_args (vm, type, args, nargs))
      return NULL;
  HsObject *t = hs_tuple_from_array (vm, args, nargs);
  if (t == NULL)
    return NULL;
  HsType *sub = type == &hs_exc_OSError && nargs >= 2 ? os_error_subclass (args[0]) : NULL;
  HsObject *e = hs_exception_new (vm, sub != NULL ? sub : type, t);
  hs_decref (vm, t);
  return e;
}

static HsObject *
exc_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsException *e = HS_EXCEPTION (self);
  const char *n = hs_str_utf8 (name);
  if ((HS_IS (self, &hs_exc_NameError) || HS_IS (self, &hs_exc_AttributeError))
      && strcmp (n, "name") == 0)
    return hs_incref (e->name != NULL ? e->name : hs_None);
  if (HS_IS (self, &hs_exc_SystemExit) && strcmp (n, "code") == 0)
    return hs_incref (hs_system_exit_code (self));
  if (HS_IS (self, &hs_exc_StopIteration) && strcmp (n, "value") == 0)
    return hs_incref (hs_stop_iteration_value (self));
  if (HS_IS (self, &hs_exc_AttributeError) && strcmp (n, "obj") == 0)
    return hs_incref (e->obj != NULL ? e->obj : hs_None);
  for (int i = 0; is_syntax_error (self) && syntax_fields[i] != NULL; i++)
    if (strcmp (n, syntax_fields[i]) == 0)
      return hs_incref (hs_syntax_error_field (self, i));
  if (is_os_error (self))
    {
      if (strcmp (n, "errno") == 0)
        return hs_incref (os_error_arg (self, 0));
      if (strcmp (n, "strerror") == 0)
        return hs_incref (os_error_arg (self, 1));
      if (strcmp (n, "filename") == 0)
        return hs_incref (e->filename != NULL ? e->filename : hs_None);
      if (strcmp (n, "filename2") == 0)
        return hs_incref (e->filename2 != NULL ? e->filename2 : hs_None);
    }
  /* CPython's generic lookup: a data descriptor (args, __cause__…), the exception's own
   * __dict__, then the type's methods */
  HsObject *v = hs_type_lookup_borrow (self->type, name);
  if (v != NULL && HS_IS (v, &hs_getset_descr_type))
    return hs_getset_get (vm, v, self);
  if (strcmp (n, "__dict__") == 0)
    {
      HsObject *d = hs_attr_dict_lazy (vm, self, &e->dict);
      return d != NULL ? hs_incref (d) : NULL;
    }
  HsObject *own = e->dict != NULL ? hs_dict_get_item_borrow (vm, e->dict, name) : NULL;
  if (own != NULL)
    return hs_incref (own);
  if (v != NULL && hs_method_descr_check (v))
    return hs_cfunction_new_method (vm, ((HsCFunctionObject *)v)->def, self->type, self);
  if (v != NULL)
    return hs_incref (v);
  return hs_object_generic_getattr (vm, self, name); /* __class__, e.__str__, or the error */
}

static int
exc_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *v = hs_type_lookup_borrow (self->type, name);
  if (v != NULL && HS_IS (v, &hs_getset_descr_type))
    return hs_getset_set (vm, v, self, value);
  if (strcmp (hs_str_utf8 (name), "__dict__") == 0)
    return hs_attr_dict_replace (vm, self, &HS_EXCEPTION (self)->dict, value);
  return hs_attr_dict_store (vm, self, &HS_EXCEPTION (self)->dict, name, value);
}

/* BaseException's getset descriptors, read and written by its instances and by those of
 * every class derived from it. */
static HsObject *
exc_field_get (HsVM *vm, HsObject *self, HsObject *name)
{
  HsException *e = HS_EXCEPTION (self);
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "args") == 0)
    return hs_incref (e->args);
  if (strcmp (n, "__cause__") == 0)
    return hs_incref (e->cause != NULL ? e->cause : hs_None);
  if (strcmp (n, "__context__") == 0)
    return hs_incref (e->context != NULL ? e->context : hs_None);
  if (strcmp (n, "__suppress_context__") == 0)
    return hs_incref (hs_bool_from (e->suppress_context));
  return hs_exception_traceback_object (vm, self);
}

/* exc.__traceback__ = tb: the entries tb leads to, innermost first, replace the
 * exception's (None: none). */
static int
set_traceback (HsVM *vm, HsObject *self, HsObject *tb)
{
  HsException *e = HS_EXCEPTION (self);
  if (tb != hs_None && !HS_IS (tb, &hs_traceback_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "__traceback__ must be a traceback or None");
      return -1;
    }
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (HsTracebackEntry));
  for (HsObject *t = tb; t != hs_None && t != NULL; t = ((HsTraceback *)t)->next)
    {
      HsTracebackEntry entry = { ((HsTraceback *)t)->code, ((HsTraceback *)t)->ip };
      g_array_prepend_val (entries, entry);
    }
  if (e->traceback != NULL)
    g_array_free (e->traceback, TRUE);
  e->traceback = entries;
  HS_CLEAR (vm, e->tb_object);
  e->tb_object = tb != hs_None ? hs_incref (tb) : NULL;
  e->tb_len = entries->len;
  return 0;
}

static int
exc_field_set (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsException *e = HS_EXCEPTION (self);
  const char *n = hs_str_utf8 (name);
  gboolean link = strcmp (n, "__cause__") == 0 || strcmp (n, "__context__") == 0;
  int r = 0;
  if (value == NULL)
    {
      if (strcmp (n, "__suppress_context__") == 0)
        hs_err_set_string (vm, &hs_exc_TypeError, "can't delete numeric/char attribute");
      else
        hs_err_format (vm, &hs_exc_TypeError, "%s may not be deleted", n);
      return -1;
    }
  if (link && value != hs_None && !hs_exception_check (value))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "exception %s must be None or derive from BaseException",
                     n[2] == 'c' && n[3] == 'a' ? "cause" : "context");
      return -1;
    }
  if (strcmp (n, "args") == 0)
    {
      HsObject *t = hs_tuple_from_iterable (vm, value);
      if (t == NULL)
        return -1;
      HS_CLEAR (vm, e->args);
      e->args = t;
    }
  else if (link)
    {
      HsObject **field = n[3] == 'a' ? &e->cause : &e->context;
      HsObject *old = *field;
      *field = value != hs_None ? hs_incref (value) : NULL;
      if (field == &e->cause)
        e->suppress_context = TRUE;
      hs_xdecref (vm, old);
    }
  else if (strcmp (n, "__suppress_context__") == 0)
    {
      if (!HS_IS (value, &hs_bool_type))
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "attribute value type must be bool");
          return -1;
        }
      e->suppress_context = value == hs_True;
    }
  else
    r = set_traceback (vm, self, value);
  hs_object_mark_dirty (vm, self);
  return r;
}

/* BaseException.add_note(note): appended to the list in __notes__, made the first time. */
static HsObject *
exc_add_note (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *note;
  if (!hs_parse_args (vm, "add_note", args + 1, nargs - 1, kwnames, "note /", &note))
    return NULL;
  if (!hs_str_check (note))
    {
      hs_err_format (vm, &hs_exc_TypeError, "note must be a str, not '%s'", hs_type_name (note));
      return NULL;
    }
  HsObject *name = hs_str_intern_cstr ("__notes__");
  HsObject *notes = hs_object_getattr (vm, args[0], name);
  if (notes == NULL)
    {
      if (!hs_err_matches (vm, &hs_exc_AttributeError))
        return NULL;
      hs_err_clear (vm);
      notes = hs_list_new (vm, 0);
      if (notes == NULL || hs_object_setattr (vm, args[0], name, notes) < 0)
        {
          hs_xdecref (vm, notes);
          return NULL;
        }
    }
  int r = -1;
  if (!HS_IS (notes, &hs_list_type))
    hs_err_set_string (vm, &hs_exc_TypeError, "Cannot add note: __notes__ is not a list");
  else
    r = hs_list_append (vm, notes, note);
  hs_decref (vm, notes);
  return r < 0 ? NULL : hs_None;
}

/* BaseException.with_traceback(tb): sets __traceback__, returns the exception. */
static HsObject *
exc_with_traceback (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tb;
  if (!hs_parse_args (vm, "with_traceback", args + 1, nargs - 1, kwnames, "tb /", &tb))
    return NULL;
  if (set_traceback (vm, args[0], tb) < 0)
    return NULL;
  hs_object_mark_dirty (vm, args[0]);
  return hs_incref (args[0]);
}

/* BaseException.__init__/__str__/__repr__ for subclasses' super() calls. */
static HsObject *
exc_init_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *t = hs_tuple_from_array (vm, args + 1, nargs - 1);
  if (t == NULL)
    return NULL;
  HsObject *old = HS_EXCEPTION (args[0])->args;
  HS_EXCEPTION (args[0])->args = t;
  hs_object_mark_dirty (vm, args[0]);
  hs_xdecref (vm, old);
  if (hs_exception_args_set (vm, args[0]) < 0)
    return NULL;
  return hs_None;
}

static HsObject *exc_str (HsVM *vm, HsObject *self);
static HsObject *exc_repr (HsVM *vm, HsObject *self);

static HsObject *
exc_str_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return exc_str (vm, args[0]);
}

static HsObject *
exc_repr_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return exc_repr (vm, args[0]);
}

static const HsMethodDef base_exception_methods[] = {
  { "__init__", exc_init_method, HS_METH_SLOT }, { "__str__", exc_str_method, HS_METH_SLOT },
  { "__repr__", exc_repr_method, HS_METH_SLOT }, { "add_note", exc_add_note },
  { "with_traceback", exc_with_traceback },      { NULL, NULL },
};

/* ---- the classes ----------------------------------------------------------------- */

#define hs_exc_object hs_object_type
#define HS_DEFINE_EXC(exc_name, exc_base)                                                          \
  HsType hs_exc_##exc_name = {                                                                     \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = #exc_name,                                                                             \
    .base = &hs_exc_##exc_base,                                                                    \
    .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,                               \
    .basicsize = sizeof (HsException),                                                             \
    .dealloc = exc_dealloc,                                                                        \
    .refs = exc_refs,                                                                              \
    .clear = exc_clear,                                                                            \
    .repr = exc_repr,                                                                              \
    .str = exc_str,                                                                                \
    .getattr = exc_getattr,                                                                        \
    .setattr = exc_setattr,                                                                        \
    .construct = exc_construct,                                                                    \
  };
HS_FOREACH_BUILTIN_EXCEPTION (HS_DEFINE_EXC)
HS_DEFINE_EXC (StopRun, BaseException)
#undef HS_DEFINE_EXC
#undef hs_exc_object

/* The fields CPython's exception types hold as members or getsets (StopIteration.value,
 * OSError.errno, SyntaxError.lineno): exc_getattr reads them; this getter serves
 * classes derived from the types it names exactly. */
static HsObject *
exc_member_get (HsVM *vm, HsObject *self, HsObject *name)
{
  HsException *e = HS_EXCEPTION (self);
  const char *n = hs_str_utf8 (name);
  for (int i = 0; is_syntax_error (self) && syntax_fields[i] != NULL; i++)
    if (strcmp (n, syntax_fields[i]) == 0)
      return hs_incref (hs_syntax_error_field (self, i));
  if (hs_unicode_error_check (self) && hs_unicode_error_field (self, n) != NULL)
    return hs_incref (hs_unicode_error_field (self, n));
  if (strcmp (n, "value") == 0)
    return hs_incref (hs_stop_iteration_value (self));
  if (strcmp (n, "code") == 0)
    return hs_incref (hs_system_exit_code (self));
  if (strcmp (n, "errno") == 0 || strcmp (n, "strerror") == 0)
    return hs_incref (os_error_arg (self, n[0] == 'e' ? 0 : 1));
  if (strcmp (n, "filename") == 0 || strcmp (n, "filename2") == 0)
    {
      HsObject *f = n[8] == '\0' ? e->filename : e->filename2;
      return hs_incref (f != NULL ? f : hs_None);
    }
  if (strcmp (n, "name") == 0 || strcmp (n, "obj") == 0)
    {
      HsObject *f = n[0] == 'n' ? e->name : e->obj;
      return hs_incref (f != NULL ? f : hs_None);
    }
  if (strcmp (n, "characters_written") == 0)
    hs_err_set_string (vm, &hs_exc_AttributeError, "characters_written");
  else if (strcmp (n, "print_file_and_line") == 0)
    return hs_incref (hs_None);
  return NULL;
}

/* Setting one keeps the value in the exception's __dict__, as before these were listed */
static int
exc_member_set (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  return hs_attr_dict_store (vm, self, &HS_EXCEPTION (self)->dict, name, value);
}

/* An exception's __dict__ (an instance of a class deriving from one has an instance's) */
static HsObject *
exc_dict_get (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *d;
  if (self->type->type_flags & HS_TYPE_HEAP)
    return hs_instance_dict (vm, self);
  d = hs_attr_dict_lazy (vm, self, &HS_EXCEPTION (self)->dict);
  return d != NULL ? hs_incref (d) : NULL;
}

static int
exc_dict_set (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  if (self->type->type_flags & HS_TYPE_HEAP)
    return hs_instance_set_dict (vm, self, value);
  return hs_attr_dict_replace (vm, self, &HS_EXCEPTION (self)->dict, value);
}

/* BaseException.__setstate__(state): each item of the dict set as an attribute */
static HsObject *
exc_setstate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *state, *k, *v;
  gsize pos = 0;
  if (!hs_parse_args (vm, "__setstate__", args + 1, nargs - 1, kwnames, "!state", &state))
    return NULL;
  if (state == hs_None)
    return hs_incref (hs_None);
  if (!hs_dict_check (state))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "state is not a dictionary");
      return NULL;
    }
  while (hs_dict_next (state, &pos, &k, &v))
    if (hs_object_setattr (vm, args[0], k, v) < 0)
      return NULL;
  return hs_incref (hs_None);
}

static const HsMethodDef exc_more_methods[] = {
  { "__setstate__", exc_setstate },
  { NULL, NULL },
};

void
hs_exceptions_runtime_init (void)
{
  hs_exc_BaseException.methods = base_exception_methods;
  hs_exception_group_runtime_init ();
#define HS_READY_EXC(exc_name, exc_base) hs_type_ready (&hs_exc_##exc_name);
  HS_FOREACH_BUILTIN_EXCEPTION (HS_READY_EXC)
#undef HS_READY_EXC
  hs_type_ready (&hs_exc_StopRun);
  hs_getset_install (&hs_exc_BaseException,
                     "args __cause__ __context__ __suppress_context__ __traceback__", exc_field_get,
                     exc_field_set);
  hs_getset_install (&hs_exc_BaseException, "__dict__", exc_dict_get, exc_dict_set);
  hs_type_add_methods (&hs_exc_BaseException, exc_more_methods);
  hs_getset_install (&hs_exc_StopIteration, "value", exc_member_get, exc_member_set);
  hs_getset_install (&hs_exc_SystemExit, "code", exc_member_get, exc_member_set);
  hs_getset_install (&hs_exc_NameError, "name", exc_member_get, exc_member_set);
  hs_getset_install (&hs_exc_AttributeError, "name obj", exc_member_get, exc_member_set);
  hs_getset_install (&hs_exc_OSError, "errno strerror filename filename2 characters_written",
                     exc_member_get, exc_member_set);
  hs_getset_install (&hs_exc_UnicodeEncodeError, "encoding object start end reason", exc_member_get,
                     exc_member_set);
  hs_getset_install (&hs_exc_UnicodeDecodeError, "encoding object start end reason", exc_member_get,
                     exc_member_set);
  hs_getset_install (&hs_exc_SyntaxError,
                     "msg filename lineno offset text end_lineno end_offset print_file_and_line",
                     exc_member_get, exc_member_set);
  hs_exception_group_runtime_ready ();
}

/* ---- raising ----------------------------------------------------------------------- */

/* CPython's implicit chaining: an exception raised while another is
 * being handled (hs_vm_handled_exception) gets it as __context__, cutting any cycle first. */
static void
chain_handled (HsVM *vm, HsObject *exc)
{
  HsObject *handled = hs_vm_handled_exception (vm);
  if (handled == NULL || handled == exc || !hs_exception_check (exc)
      || HS_IS (exc, &hs_exc_StopRun))
    return;
  for (HsObject *o = handled; o != NULL; o = HS_EXCEPTION (o)->context)
    {
      HsObject *ctx = HS_EXCEPTION (o)->context;
      if (ctx == exc)
        {
          HS_EXCEPTION (o)->context = NULL;
          hs_object_mark_dirty (vm, o);
          hs_decref (vm, ctx);
          break;
        }
    }
  HsObject *old = HS_EXCEPTION (exc)->context;
  HS_EXCEPTION (exc)->context = hs_incref (handled);
  hs_object_mark_dirty (vm, exc);
  hs_xdecref (vm, old);
}

void
hs_err_set_object (HsVM *vm, HsObject *exc)
{
  HsObject *old = vm->exc;
  vm->exc = hs_incref (exc);
  chain_handled (vm, exc);
  if (old == NULL)
    return;
  if (old != exc && HS_EXCEPTION (exc)->context == NULL && !HS_IS (old, &hs_exc_StopRun))
    HS_EXCEPTION (exc)->context = old;
  else
    hs_decref (vm, old);
}

void
hs_err_set_value (HsVM *vm, HsType *type, HsObject *arg)
{
  HsObject *args = arg != NULL ? hs_tuple_pack (vm, 1, arg) : NULL;
  if (arg != NULL && args == NULL)
    return;
  HsObject *e = hs_exception_new (vm, type, args);
  hs_xdecref (vm, args);
  if (e == NULL)
    return;
  hs_err_set_object (vm, e);
  hs_decref (vm, e);
}

void
hs_err_set_string (HsVM *vm, HsType *exc_type, const char *msg)
{
  HsObject *s = hs_str_new (vm, msg, strlen (msg));
  if (s == NULL)
    return;
  hs_err_set_value (vm, exc_type, s);
  hs_decref (vm, s);
}

void
hs_err_format (HsVM *vm, HsType *exc_type, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  hs_err_set_string (vm, exc_type, msg);
  g_free (msg);
}

void
hs_err_set_stop_iteration (HsVM *vm, HsObject *value)
{
  hs_err_set_value (vm, &hs_exc_StopIteration, value != hs_None ? value : NULL);
}

HsObject *
hs_stop_iteration_value (HsObject *exc)
{
  HsObject *args = HS_EXCEPTION (exc)->args;
  return args != NULL && hs_tuple_len (args) > 0 ? hs_tuple_items (args)[0] : hs_None;
}

HsObject *
hs_system_exit_code (HsObject *exc)
{
  HsObject *args = HS_EXCEPTION (exc)->args;
  gsize n = args != NULL ? hs_tuple_len (args) : 0;
  return n == 0 ? hs_None : n == 1 ? hs_tuple_items (args)[0] : args;
}

void
hs_err_set_attribute_context (HsVM *vm, HsObject *obj, HsObject *name)
{
  if (!hs_err_matches (vm, &hs_exc_AttributeError))
    return;
  HsException *e = HS_EXCEPTION (vm->exc);
  if (e->name != NULL || e->obj != NULL)
    return;
  e->name = hs_incref (name);
  e->obj = hs_incref (obj);
  hs_object_mark_dirty (vm, vm->exc);
}

void
hs_err_set_key (HsVM *vm, HsObject *key)
{
  hs_err_set_value (vm, &hs_exc_KeyError, key);
}

/* A new MemoryError for the reserve, made past the heap cap (a few hundred bytes): NULL
 * only when the process itself is out of memory. */
static HsObject *
memory_error_reserve (HsVM *vm)
{
  gsize limit = vm->config.heap_limit_bytes;
  HsObject *e;

  vm->memory_refilling = TRUE;
  vm->config.heap_limit_bytes = 0;
  e = hs_exception_new (vm, &hs_exc_MemoryError, NULL);
  vm->config.heap_limit_bytes = limit;
  vm->memory_refilling = FALSE;
  return e;
}

void
hs_err_no_memory (HsVM *vm)
{
  HsObject *e;

  if (vm->memory_refilling)
    return; /* the reserve could not be made: its caller keeps what is raised */
  if (vm->memory_exc == NULL)
    vm->memory_exc = memory_error_reserve (vm);
  e = g_steal_pointer (&vm->memory_exc);
  if (e == NULL)
    {
      /* the last resort, which the VM keeps (its count is one more than drawn) */
      e = hs_incref (vm->memory_exc_shared);
      if (HS_EXCEPTION (e)->traceback != NULL)
        g_array_set_size (HS_EXCEPTION (e)->traceback, 0);
    }
  hs_err_set_object (vm, e);
  hs_decref (vm, e);
  vm->memory_exc = memory_error_reserve (vm);
}

gboolean
hs_err_occurred (HsVM *vm)
{
  return vm->exc != NULL;
}

gboolean
hs_err_matches (HsVM *vm, const HsType *exc_type)
{
  return vm->exc != NULL && hs_type_is_subtype (vm->exc->type, exc_type);
}

HsObject *
hs_err_fetch (HsVM *vm)
{
  HsObject *e = vm->exc;
  vm->exc = NULL;
  return e;
}

void
hs_err_clear (HsVM *vm)
{
  HS_CLEAR (vm, vm->exc);
}

static const char *
binop_symbol (HsBinOp op)
{
  static const char *const symbols[]
      = { "+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@" };
  return op < HS_BIN_COUNT ? symbols[op] : "?";
}

HsObject *
hs_err_unsupported_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  hs_err_format (vm, &hs_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                 binop_symbol (op), hs_type_name (a), hs_type_name (b));
  return NULL;
}

char *
hs_exception_format_last_line (HsVM *vm, HsObject *exc)
{
  HsObject *s = hs_object_str (vm, exc);
  const char *module = exc->type->module;
  const char *qualname = hs_type_qualname (exc->type);
  g_autofree char *name
      = module ? g_strdup_printf ("%s.%s", module, qualname) : g_strdup (qualname);
  char *line;
  if (s == NULL)
    {
      hs_err_clear (vm);
      line = g_strdup_printf ("%s: <exception str() failed>", name);
    }
  else if (hs_str_byte_len (s) == 0)
    line = g_strdup (name);
  else
    line = g_strdup_printf ("%s: %s", name, hs_str_utf8 (s));
  hs_xdecref (vm, s);
  return line;
}
