/* hs-traceback.c — error reports: the text CPython 3.11's PyErr_Display prints for an
 * uncaught exception (its chain, tracebacks with source lines and carets, a name
 * suggestion), for a SyntaxError, for SystemExit, and for a run stopped by a limit.
 *
 * Invariant: the text is CPython's byte for byte; it is built from the last run's outcome
 * (vm->last_exc, last_syntax_error, stop_reason) and its source, nothing else.
 */
#include "config.h"

#include <string.h>

#include "hs-exception-group.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-suggest.h"
#include "hs-tuple.h"
#include "hs-vm-internal.h"

static char *
file_line (HsVM *vm, const char *filename, int lineno)
{
  if (vm->source == NULL || lineno < 1 || g_strcmp0 (filename, vm->filename) != 0)
    return NULL;
  const char *p = vm->source, *end = vm->source + vm->source_len;
  for (int l = 1; l < lineno; l++)
    {
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        return NULL;
      p++;
    }
  const char *e = memchr (p, '\n', end - p);
  if (e == NULL)
    e = end;
  if (e > p && e[-1] == '\r')
    e--;
  return g_strndup (p, e - p);
}

static char *
source_line (HsVM *vm, HsCode *code, int lineno)
{
  return file_line (vm, code->filename, lineno);
}

static glong
char_offset_of (const char *line, int byte_off)
{
  glong n = (glong)strlen (line);
  if (byte_off > n)
    byte_off = (int)n;
  return g_utf8_strlen (line, byte_off);
}

/* `margin` starts the caret line (an exception group's box) */
static void
append_carets (GString *out, const char *margin, const char *line, const HsCodePos *p)
{
  glong len = g_utf8_strlen (line, -1);
  glong ws = 0;
  for (const char *c = line; *c == ' ' || *c == '\t' || *c == '\f'; c++)
    ws++;
  glong start = char_offset_of (line, p->col);
  glong end;
  glong left = -1, right = -1;
  if (p->end_line == p->line)
    {
      end = char_offset_of (line, p->end_col);
      if (p->anchor_left >= 0)
        {
          left = char_offset_of (line, p->anchor_left);
          right = char_offset_of (line, p->anchor_right);
        }
    }
  else
    {
      glong i = (glong)strlen (line);
      while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t' || line[i - 1] == '\f'))
        i--;
      end = g_utf8_strlen (line, i);
    }
  if (end - start == len - ws && left < 0)
    return;
  g_string_append (out, margin);
  g_string_append (out, "    ");
  for (glong off = ws + 1; off <= end; off++)
    {
      if (off <= start)
        g_string_append_c (out, ' ');
      else if (left >= 0 && left < off && off <= right)
        g_string_append_c (out, '^');
      else
        g_string_append_c (out, left >= 0 ? '~' : '^');
    }
  g_string_append_c (out, '\n');
}

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

/* How the traceback module asks for a report: `limit` frames of each traceback (CPython's
 * limit: the outermost ones when positive, the innermost when negative, all when
 * G_MAXINT), the chain or not, and `cuts` (or NULL) receiving the offset where each of
 * format_exception's strings ends. */
typedef struct
{
  int limit;
  gboolean chain;
  GArray *cuts;
  /* while an exception group is printed: how deep in its boxes the text is, and whether
   * the box of its last exception is still to be closed (CPython's
   * exception_print_context) */
  int group_depth;
  gboolean need_close;
  /* the exceptions printed so far (CPython's ctx->seen): a chain that loops, or an
   * exception met again in a group, is printed once */
  GHashTable *seen;
} TbOpts;

static const TbOpts tb_default = { G_MAXINT, TRUE, NULL, 0, FALSE, NULL };

/* What starts a line inside a group's box: CPython's _Py_WriteIndentedMargin */
static char *
margin_text (const TbOpts *o)
{
  return o->group_depth > 0 ? g_strdup_printf ("%*s| ", 2 * o->group_depth, "") : g_strdup ("");
}

static void
margin (GString *out, const TbOpts *o)
{
  g_autofree char *m = margin_text (o);
  g_string_append (out, m);
}

static void
append_entry (HsVM *vm, GString *out, HsTracebackEntry *t, const TbOpts *o)
{
  const HsCodePos pos = hs_code_pos (t->code, t->ip);
  g_autofree char *m = margin_text (o);
  g_string_append_printf (out, "%s", m);
  g_string_append_printf (out, "  File \"%s\", line %d, in %s\n", t->code->filename, pos.line,
                          t->code->name);
  g_autofree char *line = source_line (vm, t->code, pos.line);
  if (line == NULL)
    return;
  const char *stripped = line;
  while (*stripped == ' ' || *stripped == '\t' || *stripped == '\f')
    stripped++;
  g_string_append_printf (out, "%s    %s\n", m, stripped);
  if (pos.col >= 0 && pos.end_col >= 0)
    append_carets (out, m, line, &pos);
}

static void
cut (const TbOpts *o, GString *out)
{
  gsize at = out->len;
  if (o->cuts != NULL)
    g_array_append_val (o->cuts, at);
}

static void
append_repeated (GString *out, int cnt, const TbOpts *o)
{
  cnt -= TB_RECURSIVE_CUTOFF;
  margin (out, o);
  g_string_append_printf (out, "  [Previous line repeated %d more time%s]\n", cnt,
                          cnt > 1 ? "s" : "");
}

/* A group's header has its own words, and opens the outermost box with "+ " */
static void
append_traceback (HsVM *vm, GString *out, GArray *tb, gboolean group, const TbOpts *o)
{
  int n = (int)tb->len;
  int first = n > TB_LIMIT ? n - TB_LIMIT : 0, last = 0;
  if (o->limit >= 0 && o->limit < n)
    last = n - o->limit; /* the outermost `limit` */
  else if (o->limit < 0 && -o->limit < n)
    first = n + o->limit; /* the innermost */
  if (n - first <= last)
    return;
  if (group && o->group_depth == 1)
    g_string_append_printf (out, "%*s+ ", 2 * o->group_depth, "");
  else
    margin (out, o);
  g_string_append (out, group ? "Exception Group Traceback (most recent call last):\n"
                              : "Traceback (most recent call last):\n");
  cut (o, out);
  HsCode *last_code = NULL;
  int last_line = -1, cnt = 0;
  /* entries are innermost first: print from the outermost */
  for (int i = n - 1 - first; i >= last; i--)
    {
      HsTracebackEntry *t = &g_array_index (tb, HsTracebackEntry, i);
      int line = hs_code_line (t->code, t->ip);
      if (last_code == NULL || strcmp (t->code->filename, last_code->filename) != 0
          || line != last_line || strcmp (t->code->name, last_code->name) != 0)
        {
          if (cnt > TB_RECURSIVE_CUTOFF)
            {
              append_repeated (out, cnt, o);
              cut (o, out);
            }
          last_code = t->code;
          last_line = line;
          cnt = 0;
        }
      cnt++;
      if (cnt <= TB_RECURSIVE_CUTOFF)
        {
          append_entry (vm, out, t, o);
          cut (o, out);
        }
    }
  if (cnt > TB_RECURSIVE_CUTOFF)
    {
      append_repeated (out, cnt, o);
      cut (o, out);
    }
}

static gboolean append_syntax_error_exception (HsVM *vm, GString *out, HsObject *exc);
static void append_notes (HsVM *vm, GString *out, HsObject *exc, const TbOpts *o);

/* The exception's last line (or a SyntaxError's lines) and its notes: CPython's
 * format_exception_only. */
static void
append_exception_only (HsVM *vm, GString *out, HsObject *exc, const TbOpts *o)
{
  if (append_syntax_error_exception (vm, out, exc))
    {
      cut (o, out);
      return;
    }
  g_autofree char *last = hs_exception_format_last_line (vm, exc);
  margin (out, o);
  g_string_append (out, last);
  g_autofree char *suggestion = hs_suggestion_for (vm, exc);
  if (suggestion != NULL)
    g_string_append_printf (out, ". Did you mean: '%s'?", suggestion);
  g_string_append_c (out, '\n');
  cut (o, out);
  append_notes (vm, out, exc, o);
}

/* One note, or what CPython 3.11 writes when str() of it fails. */
static void
append_note (HsVM *vm, GString *out, HsObject *note, const TbOpts *o)
{
  HsObject *s = hs_str_check (note) ? hs_incref (note) : hs_object_str (vm, note);
  if (s == NULL)
    hs_err_clear (vm);
  margin (out, o);
  g_string_append (out, s != NULL ? hs_str_utf8 (s) : "<note str() failed>");
  g_string_append_c (out, '\n');
  cut (o, out);
  hs_xdecref (vm, s);
}

/* The exception's __notes__ after its last line, a line each (a list or tuple of them),
 * else their repr, as CPython 3.11's print_exception_notes. */
static void
append_notes (HsVM *vm, GString *out, HsObject *exc, const TbOpts *o)
{
  HsObject *notes = hs_object_getattr (vm, exc, hs_str_intern_cstr ("__notes__"));
  if (notes == NULL)
    {
      hs_err_clear (vm);
      return;
    }
  if (HS_IS (notes, &hs_list_type) || HS_IS (notes, &hs_tuple_type))
    {
      /* a list may change under a note's __str__: read it afresh at each index */
      for (gsize i = 0;
           i < (HS_IS (notes, &hs_list_type) ? hs_list_len (notes) : hs_tuple_len (notes)); i++)
        {
          HsObject *note
              = hs_incref (HS_IS (notes, &hs_list_type) ? hs_list_get_borrow (notes, i)
                                                        : hs_tuple_get_borrow (notes, i));
          append_note (vm, out, note, o);
          hs_decref (vm, note);
        }
    }
  else
    {
      HsObject *r = hs_object_repr (vm, notes);
      if (r == NULL)
        hs_err_clear (vm);
      margin (out, o);
      g_string_append (out, r != NULL ? hs_str_utf8 (r) : "<__notes__ repr() failed>");
      g_string_append_c (out, '\n');
      cut (o, out);
      hs_xdecref (vm, r);
    }
  hs_decref (vm, notes);
}

static void append_exception (HsVM *vm, GString *out, HsObject *exc, TbOpts *o);

static const char cause_message[]
    = "The above exception was the direct cause of the following exception:\n";
static const char context_message[]
    = "During handling of the above exception, another exception occurred:\n";

/* The words that lead from an exception of the chain to the next (CPython's print_chained),
 * each line in the box it is in. */
static void
append_chain_link (GString *out, const char *message, TbOpts *o)
{
  margin (out, o);
  g_string_append_c (out, '\n');
  margin (out, o);
  g_string_append (out, message);
  margin (out, o);
  g_string_append_c (out, '\n');
  cut (o, out);
}

/* The exception printed before e, with the words leading from it to e (CPython's
 * print_exception_cause_and_context): its cause, or else its context unless suppressed;
 * NULL when there is none or it was printed already (a cause printed already ends the
 * chain, as in CPython). */
static HsObject *
chained_before (HsException *e, const char **message, const TbOpts *o)
{
  HsObject *next = NULL;
  if (e->cause != NULL && hs_exception_check (e->cause))
    next = e->cause, *message = cause_message;
  else if (e->context != NULL && !e->suppress_context && hs_exception_check (e->context))
    next = e->context, *message = context_message;
  return next != NULL && !g_hash_table_contains (o->seen, next) ? next : NULL;
}
/* CPython's max_group_width and max_group_depth */
#define GROUP_WIDTH 15
#define GROUP_DEPTH 10

/* An exception group: itself, then each of its exceptions (the first 15) in a numbered box
 * one level deeper, as CPython 3.11's print_exception_group. */
static void
append_group_members (HsVM *vm, GString *out, HsObject *exc, TbOpts *o)
{
  HsObject *excs = hs_exception_group_excs (exc);
  gsize num = hs_tuple_len (excs), n = MIN (num, GROUP_WIDTH + 1);
  o->need_close = FALSE;
  for (gsize i = 0; i < n; i++)
    {
      gboolean last = i == n - 1, truncated = i >= GROUP_WIDTH;
      if (last)
        o->need_close = TRUE; /* unless a group inside closes it */
      g_string_append_printf (out, "%*s%s+---------------- ", 2 * o->group_depth, "",
                              i == 0 ? "+-" : "  ");
      if (truncated)
        g_string_append (out, "... ----------------\n");
      else
        g_string_append_printf (out, "%" G_GSIZE_FORMAT " ----------------\n", i + 1);
      o->group_depth++;
      if (!truncated)
        append_exception (vm, out, hs_tuple_get_borrow (excs, i), o);
      else
        {
          margin (out, o);
          g_string_append_printf (out, "and %" G_GSIZE_FORMAT " more exception%s\n",
                                  num - GROUP_WIDTH, num - GROUP_WIDTH > 1 ? "s" : "");
        }
      if (last && o->need_close)
        {
          g_string_append_printf (out, "%*s+------------------------------------\n",
                                  2 * o->group_depth, "");
          o->need_close = FALSE;
        }
      o->group_depth--;
      cut (o, out);
    }
}

/* One exception without its chain: its traceback, its line, and a group's members. */
static void
append_exception_alone (HsVM *vm, GString *out, HsObject *exc, TbOpts *o)
{
  HsException *e = HS_EXCEPTION (exc);
  gboolean group = hs_exception_group_check (exc);
  if (group && o->group_depth > GROUP_DEPTH)
    {
      margin (out, o);
      g_string_append_printf (out, "... (max_group_depth is %d)\n", GROUP_DEPTH);
      cut (o, out);
      return;
    }
  gboolean outermost = group && o->group_depth == 0;
  if (outermost)
    o->group_depth = 1;
  if (e->traceback != NULL && e->traceback->len > 0)
    append_traceback (vm, out, e->traceback, group, o);
  append_exception_only (vm, out, exc, o);
  if (group)
    append_group_members (vm, out, exc, o);
  if (outermost)
    o->group_depth = 0;
}

/* An exception after its chain, oldest first. The chain is followed in a loop, not by
 * recursion: one built at run time can be a million exceptions long. */
static void
append_exception (HsVM *vm, GString *out, HsObject *exc, TbOpts *o)
{
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();
  g_autoptr (GPtrArray) messages = g_ptr_array_new ();
  const char *message = NULL;
  g_hash_table_add (o->seen, exc);
  for (HsObject *e = exc; o->chain && (e = chained_before (HS_EXCEPTION (e), &message, o));)
    {
      g_hash_table_add (o->seen, e);
      g_ptr_array_add (chain, e);
      g_ptr_array_add (messages, (gpointer)message);
    }
  gboolean need_close = o->need_close;
  for (guint i = chain->len; i-- > 0;)
    {
      append_exception_alone (vm, out, g_ptr_array_index (chain, i), o);
      o->need_close = need_close;
      append_chain_link (out, g_ptr_array_index (messages, i), o);
    }
  append_exception_alone (vm, out, exc, o);
}

/* A whole report of exc, with the chain when o asks for it. */
static void
append_report (HsVM *vm, GString *out, HsObject *exc, TbOpts *o)
{
  o->seen = g_hash_table_new (NULL, NULL);
  append_exception (vm, out, exc, o);
  g_clear_pointer (&o->seen, g_hash_table_unref);
}

/* The length of a SyntaxError's line as CPython's print_error_text measures it: in bytes
 * (PyUnicode_AsUTF8AndSize), whatever unit its offsets are in. */
static glong
text_length (const char *text)
{
  return (glong)strlen (text);
}

static void
append_syntax_error (GString *out, const char *filename, HsSyntaxError *err)
{
  /* A file that is not UTF-8 is reported without a location, as CPython does. */
  if (err->lineno > 0)
    g_string_append_printf (out, "  File \"%s\", line %d\n", filename, err->lineno);
  if (err->text != NULL)
    {
      const char *text = err->text;
      /* a program is read from a file: CPython's tokenizer has no column at its end (no
       * caret), where compile() of its text has one */
      glong offset = err->at_end ? 0 : err->offset, end_offset = err->end_offset;
      glong line_size = text_length (text);
      /* CPython uses its text's length, which counts the newline ending a line that the
       * error continues past; the parser's texts leave it out, the compiler's keep it */
      if (err->end_lineno > err->lineno)
        end_offset = line_size + !g_str_has_suffix (text, "\n");
      if (end_offset > line_size + 1)
        end_offset = line_size + 1;
      glong reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
      /* CPython 3.11 prints one caret for indentation errors whatever their range */
      if (g_str_has_suffix (err->type_name, "IndentationError")
          || strcmp (err->type_name, "TabError") == 0)
        reps = 1;
      offset--;
      while (*text == ' ' || *text == '\t' || *text == '\f')
        {
          text++;
          offset--;
        }
      glong len = text_length (text);
      if (len > 0 && text[strlen (text) - 1] == '\n')
        len--;
      if (offset > len)
        offset = len;
      g_string_append_printf (out, "    %s", text);
      if (strlen (text) == 0 || text[strlen (text) - 1] != '\n')
        g_string_append_c (out, '\n');
      if (offset >= 0)
        {
          g_string_append (out, "    ");
          for (glong i = 0; i < offset; i++)
            g_string_append_c (out, ' ');
          for (glong i = 0; i < reps; i++)
            g_string_append_c (out, '^');
          g_string_append_c (out, '\n');
        }
    }
  if (*err->msg == '\0')
    g_string_append_printf (out, "%s\n", err->type_name); /* the parser's MemoryError */
  else
    g_string_append_printf (out, "%s: %s\n", err->type_name, err->msg);
}

static int
int_field (HsObject *exc, int i, int dflt)
{
  gint64 v;
  HsObject *o = hs_syntax_error_field (exc, i);
  return hs_int_check (o) && hs_int_as_i64 (o, &v) ? (int)v : dflt;
}

/* A SyntaxError raised by exec(), eval() or compile() (or made by the program) with its
 * location: shown as CPython shows one, its file, line, text and carets; FALSE for one
 * without a line number. */
static gboolean
append_syntax_error_exception (HsVM *vm, GString *out, HsObject *exc)
{
  if (!hs_type_is_subtype (exc->type, &hs_exc_SyntaxError)
      || !hs_int_check (hs_syntax_error_field (exc, 2)))
    return FALSE;
  HsObject *file = hs_syntax_error_field (exc, 1), *text = hs_syntax_error_field (exc, 4);
  HsObject *msg = hs_object_str (vm, hs_syntax_error_field (exc, 0));
  if (msg == NULL)
    {
      hs_err_clear (vm);
      return FALSE;
    }
  HsSyntaxError err = { (char *)exc->type->name,
                        (char *)hs_str_utf8 (msg),
                        int_field (exc, 2, 0),
                        int_field (exc, 3, 0),
                        int_field (exc, 5, 0),
                        int_field (exc, 6, 0),
                        hs_str_check (text) ? (char *)hs_str_utf8 (text) : NULL,
                        NULL };
  append_syntax_error (out, hs_str_check (file) ? hs_str_utf8 (file) : "<string>", &err);
  hs_decref (vm, msg);
  return TRUE;
}

char *
hs_vm_format_exception (HsVM *vm, HsObject *exc)
{
  GString *out = g_string_new (NULL);
  TbOpts o = tb_default;
  append_report (vm, out, exc, &o);
  return g_string_free (out, FALSE);
}

/* Cuts a report into the strings whose offsets `cuts` lists: a new list of str. */
static HsObject *
pieces_of (HsVM *vm, GString *out, GArray *cuts)
{
  HsObject *list = hs_list_new (vm, 0);
  gsize from = 0;
  for (guint i = 0; list != NULL && i < cuts->len; i++)
    {
      gsize to = g_array_index (cuts, gsize, i);
      HsObject *s = hs_str_new (vm, out->str + from, to - from);
      if (s == NULL || hs_list_append (vm, list, s) < 0)
        HS_CLEAR (vm, list);
      hs_xdecref (vm, s);
      from = to;
    }
  return list;
}

HsObject *
hs_vm_format_exception_list (HsVM *vm, HsObject *exc, int limit, gboolean chain, gboolean only)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  TbOpts o = { limit, chain, cuts, 0, FALSE, NULL };
  if (only)
    append_exception_only (vm, out, exc, &o);
  else
    append_report (vm, out, exc, &o);
  return pieces_of (vm, out, cuts);
}

/* The caret line CPython's StackSummary.format writes under a frame's source line ("" when
 * the whole line is meant). */
char *
hs_vm_frame_carets (HsVM *vm, HsCode *code, int ip)
{
  GString *out = g_string_new (NULL);
  const HsCodePos pos = hs_code_pos (code, ip);
  g_autofree char *line = source_line (vm, code, pos.line);
  if (line != NULL && pos.col >= 0 && pos.end_col >= 0)
    append_carets (out, "", line, &pos);
  return g_string_free (out, FALSE);
}

char *
hs_vm_source_line (HsVM *vm, const char *filename, int lineno)
{
  return file_line (vm, filename, lineno);
}

void
hs_vm_write_unraisable (HsVM *vm, HsObject *where)
{
  HsObject *exc = hs_err_fetch (vm);
  HsObject *r = hs_object_repr (vm, where);
  g_autofree char *text = hs_vm_format_exception (vm, exc);
  g_autofree char *msg = g_strdup_printf (
      "Exception ignored in: %s\n%s", r != NULL ? hs_str_utf8 (r) : "<object repr() failed>", text);

  hs_xdecref (vm, r);
  hs_decref (vm, exc);
  hs_err_clear (vm);
  if (vm->err_fn != NULL)
    vm->err_fn (msg, strlen (msg), vm->err_data);
}

void
hs_format_syntax_warning (GString *out, const char *filename, int lineno, const char *message,
                          const char *line)
{
  g_string_append_printf (out, "%s:%d: SyntaxWarning: %s\n", filename, lineno, message);
  if (line != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (line));

      g_string_append_printf (out, "  %s\n", stripped);
    }
}

void
hs_vm_write_syntax_warning (HsVM *vm, const char *filename, int lineno, const char *message,
                            const char *line, gboolean record)
{
  g_autoptr (GString) text = g_string_new (NULL);

  hs_format_syntax_warning (text, filename, lineno, message, line);
  if (vm->err_fn != NULL)
    vm->err_fn (text->str, text->len, vm->err_data);
  if (record)
    {
      HsVMWarning w = { lineno, g_strdup (message) };

      g_array_append_val (vm->warnings, w);
    }
}

void
hs_vm_warn_deprecated (HsVM *vm, const char *format, ...)
{
  HsFrame *f = vm->frame;
  g_autofree char *message = NULL, *key = NULL, *line = NULL;
  g_autoptr (GString) text = NULL;
  va_list args;
  int lineno;

  if (f == NULL || f->globals != vm->globals || vm->err_fn == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  lineno = hs_frame_line (f);
  key = g_strdup_printf ("%d:%s", lineno, message);
  if (!g_hash_table_add (vm->warned, g_steal_pointer (&key)))
    return;
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s:%d: DeprecationWarning: %s\n", f->code->filename, lineno,
                          message);
  line = source_line (vm, f->code, lineno);
  if (line != NULL)
    g_string_append_printf (text, "  %s\n", g_strstrip (line));
  vm->err_fn (text->str, text->len, vm->err_data);
}

char *
hs_vm_format_error (HsVM *vm)
{
  GString *out = g_string_new (NULL);
  if (vm->last_syntax_error != NULL)
    {
      /* shown as CPython shows it for a program file: in the columns it reports then */
      HsSyntaxError shown = *vm->last_syntax_error;
      if (shown.from_compiler || !vm->source_declares_encoding)
        hs_syntax_error_columns_to_bytes (&shown);
      append_syntax_error (out, vm->filename != NULL ? vm->filename : "<string>", &shown);
    }
  else if (vm->last_exc != NULL && HS_IS (vm->last_exc, &hs_exc_SystemExit))
    {
      /* CPython's handle_system_exit: a code that is not an int is printed, alone */
      HsObject *code = hs_system_exit_code (vm->last_exc);
      HsObject *text = code != hs_None && !hs_int_check (code) ? hs_object_str (vm, code) : NULL;
      if (text != NULL)
        g_string_append_printf (out, "%s\n", hs_str_utf8 (text));
      hs_xdecref (vm, text);
      hs_err_clear (vm);
    }
  else if (vm->last_exc != NULL)
    {
      TbOpts o = tb_default;
      append_report (vm, out, vm->last_exc, &o);
    }
  else
    switch (vm->stop_reason)
      {
        case HS_RUN_STEP_LIMIT:
          g_string_append_printf (out,
                                  "StepLimitError: the program ran more than %" G_GINT64_FORMAT
                                  " steps; stopped (use --max-steps)\n",
                                  vm->config.max_line_steps);
          break;
        case HS_RUN_OUTPUT_LIMIT:
          g_string_append_printf (out,
                                  "OutputLimitError: the program printed more than %" G_GSIZE_FORMAT
                                  " bytes; stopped\n",
                                  vm->config.output_limit_bytes);
          break;
        case HS_RUN_CANCELLED:
          g_string_append (out, "Cancelled: the program was stopped\n");
          break;
        default:
          break;
      }
  return g_string_free (out, FALSE);
}
