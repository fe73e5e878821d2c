/* hs-trace.c — a trace's storage: what the recorder adds besides steps (warnings, stderr,
 * the one step of a program that never ran), then reading it: per-step facts, the output
 * and snapshots.
 *
 * Invariant: a trace is never modified after hs_trace_record returns, so every reader
 * here is safe to call from any thread.
 */
#include "hs-trace-private.h"

void
hs_trace_options_init (HsTraceOptions *options)
{
  options->max_steps = 100000;
  options->heap_primitives = FALSE;
  options->verify_counts = FALSE;
  options->step_done = NULL;
  options->step_done_data = NULL;
  options->input = NULL;
  options->input_data = NULL;
  options->forward_only = FALSE;
}

static void
clear_warning (gpointer data)
{
  g_free (((HsTraceWarning *)data)->message);
}

void
hs_trace_add_warning (HsTrace *trace, int line, const char *message)
{
  HsTraceWarning w = { line, g_strdup (message) };

  g_array_append_val (trace->warnings, w);
}

guint
hs_trace_get_n_warnings (HsTrace *trace)
{
  return trace->warnings->len;
}

const char *
hs_trace_get_warning (HsTrace *trace, guint i, int *line)
{
  const HsTraceWarning *w = &g_array_index (trace->warnings, HsTraceWarning, i);

  *line = w->line;
  return w->message;
}

char *
hs_trace_format_warnings (HsTrace *trace)
{
  g_auto (GStrv) lines = NULL;
  guint n_lines;
  GString *text;

  if (trace->warnings->len == 0)
    return NULL;
  lines = g_strsplit (trace->source, "\n", -1);
  n_lines = g_strv_length (lines);
  text = g_string_new (NULL);
  for (guint i = 0; i < trace->warnings->len; i++)
    {
      const HsTraceWarning *w = &g_array_index (trace->warnings, HsTraceWarning, i);

      hs_format_syntax_warning (text, trace->filename, w->line, w->message,
                                w->line >= 1 && (guint)w->line <= n_lines ? lines[w->line - 1]
                                                                          : NULL);
    }
  return g_string_free (text, FALSE);
}

HsTrace *
hs_trace_new (const char *source, gsize len, const char *filename, const HsTraceOptions *options)
{
  /* The program's text as the editor and the JSON show it, even when it is not UTF-8
   * (the run then stops at a SyntaxError, as CPython does). */
  return hs_trace_new_take (g_utf8_make_valid (source, len), filename, options);
}

HsTrace *
hs_trace_new_take (char *source, const char *filename, const HsTraceOptions *options)
{
  HsTrace *t = g_new0 (HsTrace, 1);

  t->source = source;
  t->filename = g_strdup (filename);
  if (options)
    t->options = *options;
  else
    hs_trace_options_init (&t->options);
  t->options.max_steps = CLAMP (t->options.max_steps, 1, 10000000);
  hs_log_init (&t->steps);
  hs_log_init (&t->log);
  hs_log_init (&t->keylog);
  t->keyframes = g_array_new (FALSE, FALSE, sizeof (HsTraceKeyframe));
  hs_string_pool_init (&t->pool);
  t->out = g_string_new (NULL);
  t->err = g_string_new (NULL);
  t->err_marks = g_array_new (FALSE, FALSE, sizeof (HsTraceErrMark));
  t->warnings = g_array_new (FALSE, FALSE, sizeof (HsTraceWarning));
  g_array_set_clear_func (t->warnings, clear_warning);
  g_mutex_init (&t->replay_lock);
  return t;
}

void
hs_trace_free (HsTrace *trace)
{
  if (trace == NULL)
    return;
  g_free (trace->source);
  g_free (trace->filename);
  hs_log_clear (&trace->steps);
  hs_log_clear (&trace->log);
  hs_log_clear (&trace->keylog);
  g_array_unref (trace->keyframes);
  hs_string_pool_clear (&trace->pool);
  g_string_free (trace->out, TRUE);
  g_string_free (trace->err, TRUE);
  g_array_unref (trace->err_marks);
  g_free (trace->error_text);
  g_free (trace->syntax_msg);
  g_free (trace->syntax_construct);
  g_array_unref (trace->warnings);
  if (trace->count_errors)
    g_string_free (trace->count_errors, TRUE);
  g_clear_pointer (&trace->replay_state, hs_rstate_free);
  g_mutex_clear (&trace->replay_lock);
  g_free (trace);
}

int
hs_trace_get_n_steps (HsTrace *trace)
{
  return (int)HS_TRACE_N_STEPS (trace);
}

HsTraceEnd
hs_trace_get_end (HsTrace *trace)
{
  return trace->end;
}

const char *
hs_trace_get_error_text (HsTrace *trace)
{
  return trace->error_text;
}

gboolean
hs_trace_get_syntax_error (HsTrace *trace, int *line, int *col, int *end_col, const char **message)
{
  if (trace->end != HS_TRACE_END_SYNTAX_ERROR)
    return FALSE;
  if (line)
    *line = trace->syntax_line;
  if (col)
    *col = trace->syntax_col;
  if (end_col)
    *end_col = trace->syntax_end_col;
  if (message)
    *message = trace->syntax_msg;
  return TRUE;
}

const char *
hs_trace_get_count_errors (HsTrace *trace)
{
  return trace->count_errors && trace->count_errors->len ? trace->count_errors->str : NULL;
}

const char *
hs_trace_get_refused_construct (HsTrace *trace)
{
  return trace->end == HS_TRACE_END_SYNTAX_ERROR ? trace->syntax_construct : NULL;
}

const char *
hs_trace_get_source (HsTrace *trace)
{
  return trace->source;
}

static const HsTraceStep *
step_at (HsTrace *trace, int k)
{
  g_return_val_if_fail (k >= 0 && k < (int)HS_TRACE_N_STEPS (trace), NULL);
  return &HS_TRACE_STEP (trace, k);
}

/* A program that never ran (it does not compile, or is refused as too large to) gets one
 * step saying why, like Python Tutor's traces. */
void
hs_trace_set_only_step (HsTrace *t, int line, const char *msg)
{
  HsTraceStep step = { 0 };

  step.delta_offset = t->log.len;
  step.line = line;
  step.func_str = hs_string_pool_add (&t->pool, "<module>");
  step.exc_str = hs_string_pool_add (&t->pool, msg);
  step.event = HS_STEP_UNCAUGHT;
  t->steps.len = 0;
  hs_log_append (&t->steps, &step, sizeof step);
}

void
hs_trace_finish_syntax_error (HsTrace *t, const HsSyntaxError *err)
{
  g_autofree char *msg = g_strconcat (err->type_name, *err->msg ? ": " : "", err->msg, NULL);

  t->end = HS_TRACE_END_SYNTAX_ERROR;
  t->syntax_line = err->lineno;
  t->syntax_col = err->offset;
  t->syntax_end_col = err->end_offset;
  /* an error without a place (RecursionError, the parser's MemoryError) says its type */
  t->syntax_msg = g_strdup (err->lineno > 0 ? err->msg : msg);
  t->syntax_construct = g_strdup (err->construct);
  hs_trace_set_only_step (t, err->lineno, msg);
}

void
hs_trace_add_stderr (HsTrace *trace, const char *text, gsize len)
{
  GArray *marks = trace->err_marks;
  HsTraceErrMark mark = { (guint32)trace->out->len, 0 };

  g_string_append_len (trace->err, text, len);
  mark.err_len = (guint32)trace->err->len;
  /* writes with no output between them are one part ("oops", then print's "\n") */
  if (marks->len > 0
      && g_array_index (marks, HsTraceErrMark, marks->len - 1).out_len == mark.out_len)
    g_array_index (marks, HsTraceErrMark, marks->len - 1).err_len = mark.err_len;
  else
    g_array_append_val (marks, mark);
}

char *
hs_trace_console_text (HsTrace *trace, int k, GArray **err_ranges)
{
  const HsTraceStep *s = k >= 0 ? step_at (trace, k) : NULL;
  gsize out_len = s ? s->stdout_len : trace->out->len;
  gsize err_len = s ? s->stderr_len : trace->err->len;
  GString *text = g_string_sized_new (out_len + err_len + 1);
  gsize out_at = 0, err_at = 0;

  if (err_ranges != NULL)
    *err_ranges = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < trace->err_marks->len; i++)
    {
      const HsTraceErrMark *m = &g_array_index (trace->err_marks, HsTraceErrMark, i);
      guint32 range[2];

      if (m->err_len > err_len)
        break;
      g_string_append_len (text, trace->out->str + out_at, m->out_len - out_at);
      out_at = m->out_len;
      range[0] = (guint32)text->len;
      g_string_append_len (text, trace->err->str + err_at, m->err_len - err_at);
      err_at = m->err_len;
      range[1] = (guint32)text->len;
      if (err_ranges != NULL)
        g_array_append_vals (*err_ranges, range, 2);
    }
  g_string_append_len (text, trace->out->str + out_at, out_len - out_at);
  return g_string_free (text, FALSE);
}

const char *
hs_trace_get_stderr (HsTrace *trace, int k, gsize *len)
{
  const HsTraceStep *s = step_at (trace, k);

  *len = s ? s->stderr_len : 0;
  return trace->err->str;
}

int
hs_trace_step_line (HsTrace *trace, int k)
{
  const HsTraceStep *s = step_at (trace, k);
  return s ? s->line : 0;
}

const char *
hs_trace_step_event (HsTrace *trace, int k)
{
  const HsTraceStep *s = step_at (trace, k);
  return s ? hs_trace_event_names[s->event] : NULL;
}

const char *
hs_trace_step_raised (HsTrace *trace, int k)
{
  const HsTraceStep *s = step_at (trace, k);
  return s ? hs_string_pool_get (&trace->pool, s->raised_str) : NULL;
}

const char *
hs_trace_step_exception (HsTrace *trace, int k)
{
  const HsTraceStep *s = step_at (trace, k);
  return s ? hs_string_pool_get (&trace->pool, s->exc_str) : NULL;
}

int
hs_trace_step_next_line (HsTrace *trace, int k)
{
  return k + 1 < (int)HS_TRACE_N_STEPS (trace) ? hs_trace_step_line (trace, k + 1) : 0;
}

HsSnapshot *
hs_trace_snapshot (HsTrace *trace, int k)
{
  g_return_val_if_fail (k >= 0 && k < (int)HS_TRACE_N_STEPS (trace), NULL);
  return hs_trace_replay_snapshot (trace, k, 0);
}

HsSnapshot *
hs_trace_view (HsTrace *trace, int k, HsViewFlags flags)
{
  HsSnapshot *snap;

  g_return_val_if_fail (k >= 0 && k < (int)HS_TRACE_N_STEPS (trace), NULL);
  snap = hs_trace_replay_snapshot (trace, k, HS_VIEW_MAX_CELLS);
  hs_snapshot_apply_view (snap, flags);
  return snap;
}
