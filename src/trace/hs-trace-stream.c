/* hs-trace-stream.c — see hs-trace-stream.h.
 *
 * Invariants:
 * - The writer's `sent` counts say how much of each of the trace's append-only arrays
 *   went out; a batch sends exactly what lies past them, steps last.
 * - The reader's trace only ever holds whole messages, and `marks` (the log lengths at
 *   the last step received) say where the last whole step's delta ends, so a stream cut
 *   short is truncated to its last whole step.
 */
#include "hs-trace-stream.h"

#include <string.h>

#include "hs-trace-private.h"

static const char magic[4] = { 'H', 'S', 'T', 'S' };
static const char input_magic[4] = { 'H', 'S', 'T', 'I' };

typedef enum
{
  MSG_STRINGS = 1, /* first_index n (string)... */
  MSG_LOG,         /* bytes appended to the delta log */
  MSG_KEYLOG,      /* bytes appended to the keyframe log */
  MSG_KEYFRAMES,   /* HsTraceKeyframe... (raw) */
  MSG_OUT,         /* program output appended */
  MSG_STEPS,       /* log_len keylog_len HsTraceStep... (raw) */
  MSG_RESET,       /* n_steps: the steps past n are replaced (a syntax error ends a run) */
  MSG_END,         /* end error_text syntax_line syntax_col syntax_end_col syntax_msg
                    * count_errors syntax_construct n_warnings (line message)... */
  MSG_INPUT,       /* index: the program waits for its answer number index (version 2) */
  MSG_ERR,         /* n (out_len err_len)... then the stderr bytes appended */
} MsgType;

/* How much of each array went out (writer) or came in (reader). */
typedef struct
{
  guint strings, steps, keyframes;
  gsize log, keylog, out, err;
  guint err_marks;
} Counts;

/* ---- encoding ---- */

static void
put_string (HsLog *b, const char *s)
{
  gsize len = s ? strlen (s) : 0;

  hs_log_put (b, s ? len + 1 : 0);
  hs_log_append (b, s, len);
}

/* A pooled text: 0 and the text, or a derived one as its base, the bytes it keeps of it and
 * its tail (hs_string_pool_add_derived). */
static void
put_pooled (HsLog *b, const HsStringPool *pool, guint32 i)
{
  guint32 base;
  gsize keep, tail_len;
  const char *tail;

  if (!hs_string_pool_get_derived (pool, i, &base, &keep, &tail, &tail_len))
    {
      hs_log_put (b, 0);
      put_string (b, hs_string_pool_get (pool, i));
      return;
    }
  hs_log_put (b, base);
  hs_log_put (b, keep);
  hs_log_put (b, tail_len);
  hs_log_append (b, tail, tail_len);
}

/* An empty message says nothing: it is not sent. */
static void
put_message (HsLog *out, MsgType type, const guint8 *data, gsize len)
{
  if (len == 0)
    return;
  hs_log_put (out, type);
  hs_log_put (out, len);
  hs_log_append (out, data, len);
}

/* Everything the trace gained past `sent`, steps last; `sent` moves to the end. */
static void
encode_batch (HsTrace *t, Counts *sent, HsLog *out)
{
  HsLog p;

  hs_log_init (&p);
  if (t->pool.strings->len > sent->strings)
    {
      hs_log_put (&p, sent->strings);
      hs_log_put (&p, t->pool.strings->len - sent->strings);
      for (guint i = sent->strings; i < t->pool.strings->len; i++)
        put_pooled (&p, &t->pool, i);
      put_message (out, MSG_STRINGS, p.data, p.len);
      sent->strings = t->pool.strings->len;
    }
  put_message (out, MSG_LOG, t->log.data + sent->log, t->log.len - sent->log);
  sent->log = t->log.len;
  put_message (out, MSG_KEYLOG, t->keylog.data + sent->keylog, t->keylog.len - sent->keylog);
  sent->keylog = t->keylog.len;
  /* steps and keyframes go as they are in memory: a field added to them travels without
   * a change here (the header's sizes make a runner and an app of different builds
   * refuse each other) */
  put_message (out, MSG_KEYFRAMES,
               (const guint8 *)&g_array_index (t->keyframes, HsTraceKeyframe, sent->keyframes),
               (t->keyframes->len - sent->keyframes) * sizeof (HsTraceKeyframe));
  sent->keyframes = t->keyframes->len;
  put_message (out, MSG_OUT, (const guint8 *)t->out->str + sent->out, t->out->len - sent->out);
  sent->out = t->out->len;
  if (t->err_marks->len > sent->err_marks)
    {
      p.len = 0;
      hs_log_put (&p, t->err_marks->len - sent->err_marks);
      for (guint i = sent->err_marks; i < t->err_marks->len; i++)
        {
          hs_log_put (&p, g_array_index (t->err_marks, HsTraceErrMark, i).out_len);
          hs_log_put (&p, g_array_index (t->err_marks, HsTraceErrMark, i).err_len);
        }
      hs_log_append (&p, (const guint8 *)t->err->str + sent->err, t->err->len - sent->err);
      put_message (out, MSG_ERR, p.data, p.len);
      sent->err = t->err->len;
      sent->err_marks = t->err_marks->len;
    }
  if (HS_TRACE_N_STEPS (t) > sent->steps)
    {
      p.len = 0;
      hs_log_put (&p, t->log.len);
      hs_log_put (&p, t->keylog.len);
      hs_log_append (&p, &HS_TRACE_STEP (t, sent->steps),
                     (HS_TRACE_N_STEPS (t) - sent->steps) * sizeof (HsTraceStep));
      put_message (out, MSG_STEPS, p.data, p.len);
      sent->steps = HS_TRACE_N_STEPS (t);
    }
  hs_log_clear (&p);
}

/* ---- the writer ---- */

struct _HsTraceStreamWriter
{
  HsTraceStreamSink sink;
  gpointer user_data;
  gint64 interval_us;
  gint64 last_sent;
  gboolean started;
  gboolean failed;
  Counts sent;
  HsLog buf;
};

HsTraceStreamWriter *
hs_trace_stream_writer_new (HsTraceStreamSink sink, gpointer user_data, gint64 interval_us)
{
  HsTraceStreamWriter *w = g_new0 (HsTraceStreamWriter, 1);

  w->sink = sink;
  w->user_data = user_data;
  w->interval_us = interval_us;
  w->last_sent = g_get_monotonic_time ();
  hs_log_init (&w->buf);
  return w;
}

void
hs_trace_stream_writer_free (HsTraceStreamWriter *w)
{
  if (w == NULL)
    return;
  hs_log_clear (&w->buf);
  g_free (w);
}

static void
send_batch (HsTraceStreamWriter *w, HsTrace *t)
{
  w->buf.len = 0;
  if (!w->started)
    {
      hs_log_append (&w->buf, magic, sizeof magic);
      hs_log_put (&w->buf, HS_TRACE_STREAM_VERSION);
      hs_log_put (&w->buf, sizeof (HsTraceStep));
      hs_log_put (&w->buf, sizeof (HsTraceKeyframe));
      w->started = TRUE;
    }
  encode_batch (t, &w->sent, &w->buf);
  if (!w->failed && w->buf.len > 0 && !w->sink (w->buf.data, w->buf.len, w->user_data))
    w->failed = TRUE;
  w->last_sent = g_get_monotonic_time ();
}

void
hs_trace_stream_writer_flush (HsTraceStreamWriter *w, HsTrace *trace)
{
  send_batch (w, trace);
}

void
hs_trace_stream_writer_want_input (HsTraceStreamWriter *w, HsTrace *trace, guint index)
{
  HsLog p;

  send_batch (w, trace);
  hs_log_init (&p);
  hs_log_put (&p, index);
  w->buf.len = 0;
  put_message (&w->buf, MSG_INPUT, p.data, p.len);
  hs_log_clear (&p);
  if (!w->failed && !w->sink (w->buf.data, w->buf.len, w->user_data))
    w->failed = TRUE;
}

void
hs_trace_stream_writer_step_done (HsTrace *trace, gpointer writer)
{
  HsTraceStreamWriter *w = writer;

  if (w->interval_us == 0 || g_get_monotonic_time () - w->last_sent >= w->interval_us)
    send_batch (w, trace);
}

gboolean
hs_trace_stream_writer_finish (HsTraceStreamWriter *w, HsTrace *t)
{
  HsLog p;

  /* a program that does not compile replaces whatever steps ran into one */
  if (t->end == HS_TRACE_END_SYNTAX_ERROR && w->sent.steps > 0)
    {
      send_batch (w, t); /* the header, if nothing went out yet */
      hs_log_init (&p);
      hs_log_put (&p, 0);
      w->buf.len = 0;
      put_message (&w->buf, MSG_RESET, p.data, p.len);
      hs_log_clear (&p);
      if (!w->failed && !w->sink (w->buf.data, w->buf.len, w->user_data))
        w->failed = TRUE;
      w->sent.steps = 0;
    }
  send_batch (w, t);
  hs_log_init (&p);
  hs_log_put (&p, t->end);
  put_string (&p, t->error_text);
  hs_log_put_signed (&p, t->syntax_line);
  hs_log_put_signed (&p, t->syntax_col);
  hs_log_put_signed (&p, t->syntax_end_col);
  put_string (&p, t->syntax_msg);
  put_string (&p, t->count_errors ? t->count_errors->str : NULL);
  put_string (&p, t->syntax_construct);
  hs_log_put (&p, t->warnings->len);
  for (guint i = 0; i < t->warnings->len; i++)
    {
      const HsTraceWarning *warning = &g_array_index (t->warnings, HsTraceWarning, i);

      hs_log_put (&p, (guint64)warning->line);
      put_string (&p, warning->message);
    }
  w->buf.len = 0;
  put_message (&w->buf, MSG_END, p.data, p.len);
  hs_log_clear (&p);
  if (!w->failed && !w->sink (w->buf.data, w->buf.len, w->user_data))
    w->failed = TRUE;
  return !w->failed;
}

/* ---- the reader ---- */

struct _HsTraceReader
{
  HsTrace *trace;
  int max_steps;
  GByteArray *pending; /* bytes of an incomplete message */
  gboolean header_read;
  gboolean ended;
  gboolean full; /* max_steps reached */
  gboolean broken;
  gsize marks_log, marks_keylog; /* the logs' lengths at the last step received */
  guint inputs_wanted;
};

HsTraceReader *
hs_trace_reader_new (const char *source, const char *filename, const HsTraceOptions *options,
                     int max_steps)
{
  HsTraceReader *r = g_new0 (HsTraceReader, 1);

  r->trace = hs_trace_new (source, strlen (source), filename, options);
  r->max_steps = max_steps;
  r->pending = g_byte_array_new ();
  return r;
}

void
hs_trace_reader_free (HsTraceReader *r)
{
  if (r == NULL)
    return;
  hs_trace_free (r->trace);
  g_byte_array_unref (r->pending);
  g_free (r);
}

int
hs_trace_reader_get_n_steps (HsTraceReader *r)
{
  return (int)HS_TRACE_N_STEPS (r->trace);
}

gboolean
hs_trace_reader_is_complete (HsTraceReader *r)
{
  return r->ended || r->full;
}

guint
hs_trace_reader_get_inputs_wanted (HsTraceReader *r)
{
  return r->inputs_wanted;
}

HsTrace *
hs_trace_reader_copy_trace (HsTraceReader *r, HsTraceEnd end)
{
  HsTrace *t = r->trace;
  HsTrace *c = hs_trace_new (t->source, strlen (t->source), t->filename, &t->options);

  /* the pool's plain strings are distinct, so adding them in order keeps their indices */
  for (guint i = 1; i < t->pool.strings->len; i++)
    {
      guint32 base;
      gsize keep, tail_len;
      const char *tail;

      if (hs_string_pool_get_derived (&t->pool, i, &base, &keep, &tail, &tail_len))
        hs_string_pool_add_derived (&c->pool, base, keep, tail, tail_len);
      else
        hs_string_pool_add (&c->pool, hs_string_pool_get (&t->pool, i));
    }
  hs_log_append (&c->log, t->log.data, MIN (t->log.len, r->marks_log));
  hs_log_append (&c->keylog, t->keylog.data, MIN (t->keylog.len, r->marks_keylog));
  for (guint i = 0; i < t->keyframes->len; i++)
    {
      HsTraceKeyframe *kf = &g_array_index (t->keyframes, HsTraceKeyframe, i);

      if (kf->offset + kf->len <= c->keylog.len)
        g_array_append_val (c->keyframes, *kf);
    }
  hs_log_append (&c->steps, t->steps.data, t->steps.len);
  g_string_append_len (c->out, t->out->str, t->out->len);
  g_string_append_len (c->err, t->err->str, t->err->len);
  g_array_append_vals (c->err_marks, t->err_marks->data, t->err_marks->len);
  c->end = end;
  return c;
}

/* A varint at *p (before end), or FALSE when it is not all there yet. */
static gboolean
peek_varint (const guint8 **p, const guint8 *end, guint64 *v)
{
  HsLogReader lr = { *p, end };
  const guint8 *q;

  for (q = *p; q < end && (*q & 0x80); q++)
    ;
  if (q >= end)
    return FALSE;
  *v = hs_log_get (&lr);
  *p = lr.p;
  return TRUE;
}

/* The message at *p, if it is all there: its type, payload and length; *p moves past it. */
static gboolean
next_frame (const guint8 **p, const guint8 *end, guint64 *type, const guint8 **payload, guint64 *n)
{
  const guint8 *q = *p;

  if (!peek_varint (&q, end, type) || !peek_varint (&q, end, n) || *n > (guint64)(end - q))
    return FALSE;
  *payload = q;
  *p = q + *n;
  return TRUE;
}

static char *get_string (HsLogReader *lr);

/* Reads what put_pooled wrote, pooled as text `index` unless the pool has that many. */
static void
get_pooled (HsLogReader *lr, HsStringPool *pool, guint64 index)
{
  guint64 base = hs_log_get (lr), keep, tail_len;
  g_autofree char *s = NULL;

  if (base == 0)
    {
      s = get_string (lr);
      if (index >= pool->strings->len)
        hs_string_pool_add (pool, s);
      return;
    }
  keep = hs_log_get (lr);
  tail_len = MIN (hs_log_get (lr), (guint64)(lr->end - lr->p));
  if (index >= pool->strings->len)
    hs_string_pool_add_derived (pool, (guint32)MIN (base, G_MAXUINT32), keep, (const char *)lr->p,
                                tail_len);
  lr->p += tail_len;
}

static char *
get_string (HsLogReader *lr)
{
  guint64 n = hs_log_get (lr);
  char *s;

  if (n == 0)
    return NULL;
  n--;
  if (n > (guint64)(lr->end - lr->p))
    n = lr->end - lr->p;
  s = g_strndup ((const char *)lr->p, n);
  lr->p += n;
  return s;
}

/* Keeps the first n steps, and of the logs what they use. */
static void
truncate_steps (HsTraceReader *r, guint n, gsize log_len, gsize keylog_len)
{
  HsTrace *t = r->trace;

  g_clear_pointer (&t->replay_state, hs_rstate_free); /* it may hold a step dropped here */
  t->steps.len = MIN (n, HS_TRACE_N_STEPS (t)) * sizeof (HsTraceStep);
  t->log.len = MIN (t->log.len, log_len);
  t->keylog.len = MIN (t->keylog.len, keylog_len);
  while (t->keyframes->len > 0
         && (g_array_index (t->keyframes, HsTraceKeyframe, t->keyframes->len - 1).step >= (int)n
             || g_array_index (t->keyframes, HsTraceKeyframe, t->keyframes->len - 1).offset
                        + g_array_index (t->keyframes, HsTraceKeyframe, t->keyframes->len - 1).len
                    > t->keylog.len))
    g_array_set_size (t->keyframes, t->keyframes->len - 1);
}

static void
read_steps (HsTraceReader *r, HsLogReader *lr)
{
  HsTrace *t = r->trace;
  gsize log_len = hs_log_get (lr);
  gsize keylog_len = hs_log_get (lr);
  gsize n = (gsize)(lr->end - lr->p) / sizeof (HsTraceStep);

  if (r->max_steps > 0 && HS_TRACE_N_STEPS (t) + n > (gsize)r->max_steps)
    {
      gsize keep = (gsize)r->max_steps - HS_TRACE_N_STEPS (t);
      HsTraceStep dropped; /* copied out: the bytes are not aligned for it */

      /* the first step not kept says where the last kept one's delta ends */
      memcpy (&dropped, lr->p + keep * sizeof (HsTraceStep), sizeof dropped);
      log_len = dropped.delta_offset;
      n = keep;
    }
  hs_log_append (&t->steps, lr->p, n * sizeof (HsTraceStep));
  if (r->max_steps > 0 && (int)HS_TRACE_N_STEPS (t) >= r->max_steps)
    r->full = TRUE;
  r->marks_log = log_len;
  r->marks_keylog = keylog_len;
  if (r->full)
    truncate_steps (r, HS_TRACE_N_STEPS (t), log_len, keylog_len);
}

static void
read_end (HsTraceReader *r, HsLogReader *lr)
{
  HsTrace *t = r->trace;
  g_autofree char *count_errors = NULL;

  t->end = (HsTraceEnd)hs_log_get (lr);
  g_free (t->error_text);
  t->error_text = get_string (lr);
  t->syntax_line = (int)hs_log_get_signed (lr);
  t->syntax_col = (int)hs_log_get_signed (lr);
  t->syntax_end_col = (int)hs_log_get_signed (lr);
  g_free (t->syntax_msg);
  t->syntax_msg = get_string (lr);
  count_errors = get_string (lr);
  if (count_errors != NULL)
    t->count_errors = g_string_new (count_errors);
  g_free (t->syntax_construct);
  t->syntax_construct = get_string (lr);
  g_array_set_size (t->warnings, 0);
  for (guint64 n = hs_log_get (lr); n > 0 && lr->p < lr->end; n--)
    {
      int line = (int)hs_log_get (lr);
      g_autofree char *message = get_string (lr);

      hs_trace_add_warning (t, line, message);
    }
  r->ended = TRUE;
}

static void
read_message (HsTraceReader *r, guint64 type, const guint8 *data, gsize len)
{
  HsTrace *t = r->trace;
  HsLogReader lr = { data, data + len };

  switch (type)
    {
      case MSG_STRINGS:
        {
          guint64 first = hs_log_get (&lr);
          guint64 n = hs_log_get (&lr);

          /* indices are positions: a string already read is not added twice */
          for (guint64 i = 0; i < n && !hs_log_reader_done (&lr); i++)
            get_pooled (&lr, &t->pool, first + i);
          break;
        }
      case MSG_LOG:
        hs_log_append (&t->log, data, len);
        break;
      case MSG_KEYLOG:
        hs_log_append (&t->keylog, data, len);
        break;
      case MSG_KEYFRAMES:
        g_array_append_vals (t->keyframes, data, (guint)(len / sizeof (HsTraceKeyframe)));
        break;
      case MSG_OUT:
        g_string_append_len (t->out, (const char *)data, len);
        break;
      case MSG_ERR:
        for (guint64 n = hs_log_get (&lr); n > 0 && !hs_log_reader_done (&lr); n--)
          {
            HsTraceErrMark m;

            m.out_len = (guint32)hs_log_get (&lr);
            m.err_len = (guint32)hs_log_get (&lr);
            g_array_append_val (t->err_marks, m);
          }
        g_string_append_len (t->err, (const char *)lr.p, lr.end - lr.p);
        break;
      case MSG_STEPS:
        read_steps (r, &lr);
        break;
      case MSG_RESET:
        truncate_steps (r, (guint)hs_log_get (&lr), G_MAXSIZE, G_MAXSIZE);
        break;
      case MSG_END:
        read_end (r, &lr);
        break;
      case MSG_INPUT:
        r->inputs_wanted = (guint)hs_log_get (&lr) + 1;
        break;
      default: /* a later version's addition */
        break;
    }
}

gboolean
hs_trace_reader_feed (HsTraceReader *r, const guint8 *data, gsize len, GError **error)
{
  const guint8 *p, *end;
  gsize used;

  if (r->broken || hs_trace_reader_is_complete (r))
    return !r->broken;
  g_byte_array_append (r->pending, data, len);
  p = r->pending->data;
  end = p + r->pending->len;
  if (!r->header_read)
    {
      guint64 version = 0, step_size = 0, keyframe_size = 0;
      const guint8 *q = p + sizeof magic;

      if (r->pending->len < sizeof magic)
        return TRUE;
      if (memcmp (p, magic, sizeof magic) == 0
          && (!peek_varint (&q, end, &version) || !peek_varint (&q, end, &step_size)
              || !peek_varint (&q, end, &keyframe_size)))
        return TRUE; /* not all there yet */
      if (memcmp (p, magic, sizeof magic) != 0 || version != HS_TRACE_STREAM_VERSION
          || step_size != sizeof (HsTraceStep) || keyframe_size != sizeof (HsTraceKeyframe))
        {
          r->broken = TRUE;
          g_set_error (error, HS_TRACE_ERROR, HS_TRACE_ERROR_BAD_STREAM,
                       "not a trace stream of this Heapscope (version %d)",
                       HS_TRACE_STREAM_VERSION);
          return FALSE;
        }
      p = q;
      r->header_read = TRUE;
    }
  while (!hs_trace_reader_is_complete (r))
    {
      const guint8 *payload;
      guint64 type, n;

      if (!next_frame (&p, end, &type, &payload, &n))
        break;
      read_message (r, type, payload, n);
    }
  used = p - r->pending->data;
  g_byte_array_remove_range (r->pending, 0, used);
  return TRUE;
}

HsTrace *
hs_trace_reader_finish (HsTraceReader *r, HsTraceEnd end_if_cut, const char *error_text)
{
  HsTrace *t = r->trace;

  if (!r->ended)
    {
      /* what arrived past the last whole step belongs to no step */
      truncate_steps (r, HS_TRACE_N_STEPS (t), r->marks_log, r->marks_keylog);
      t->end = end_if_cut;
      g_free (t->error_text);
      t->error_text = g_strdup (error_text);
    }
  r->trace = NULL;
  hs_trace_reader_free (r);
  return t;
}

/* ---- the runner's input ---- */

void
hs_trace_input_put_header (GByteArray *out)
{
  HsLog p;

  hs_log_init (&p);
  hs_log_append (&p, input_magic, sizeof input_magic);
  hs_log_put (&p, HS_TRACE_STREAM_VERSION);
  g_byte_array_append (out, p.data, p.len);
  hs_log_clear (&p);
}

void
hs_trace_input_put (GByteArray *out, HsTraceInputType type, const char *data, gsize len)
{
  HsLog p;

  hs_log_init (&p);
  hs_log_put (&p, type);
  hs_log_put (&p, len);
  hs_log_append (&p, data, len);
  g_byte_array_append (out, p.data, p.len);
  hs_log_clear (&p);
}

struct _HsTraceInputDecoder
{
  GByteArray *pending;
  gboolean header_read;
  gboolean broken;
};

HsTraceInputDecoder *
hs_trace_input_decoder_new (void)
{
  HsTraceInputDecoder *d = g_new0 (HsTraceInputDecoder, 1);

  d->pending = g_byte_array_new ();
  return d;
}

void
hs_trace_input_decoder_free (HsTraceInputDecoder *d)
{
  if (d == NULL)
    return;
  g_byte_array_unref (d->pending);
  g_free (d);
}

gboolean
hs_trace_input_decoder_feed (HsTraceInputDecoder *d, const guint8 *data, gsize len, GError **error)
{
  const guint8 *q;
  guint64 version = 0;

  if (d->broken)
    return FALSE;
  g_byte_array_append (d->pending, data, len);
  if (d->header_read || d->pending->len < sizeof input_magic)
    return TRUE;
  q = d->pending->data + sizeof input_magic;
  if (memcmp (d->pending->data, input_magic, sizeof input_magic) == 0
      && !peek_varint (&q, d->pending->data + d->pending->len, &version))
    return TRUE; /* not all there yet */
  if (memcmp (d->pending->data, input_magic, sizeof input_magic) != 0
      || version != HS_TRACE_STREAM_VERSION)
    {
      d->broken = TRUE;
      g_set_error (error, HS_TRACE_ERROR, HS_TRACE_ERROR_BAD_STREAM,
                   "not the runner input of this Heapscope (version %d)", HS_TRACE_STREAM_VERSION);
      return FALSE;
    }
  g_byte_array_remove_range (d->pending, 0, q - d->pending->data);
  d->header_read = TRUE;
  return TRUE;
}

gboolean
hs_trace_input_decoder_next (HsTraceInputDecoder *d, HsTraceInputType *type, char **data,
                             gsize *len)
{
  while (d->header_read && !d->broken)
    {
      const guint8 *p = d->pending->data;
      const guint8 *payload;
      guint64 t, n;

      if (!next_frame (&p, d->pending->data + d->pending->len, &t, &payload, &n))
        return FALSE;
      if (t == HS_TRACE_INPUT_SOURCE || t == HS_TRACE_INPUT_ANSWER)
        {
          *type = (HsTraceInputType)t;
          /* the bytes as they are: a NUL in a program is the core's SyntaxError to report */
          *data = g_malloc (n + 1);
          memcpy (*data, payload, n);
          (*data)[n] = '\0';
          *len = n;
        }
      g_byte_array_remove_range (d->pending, 0, p - d->pending->data);
      if (t == HS_TRACE_INPUT_SOURCE || t == HS_TRACE_INPUT_ANSWER)
        return TRUE;
    }
  return FALSE;
}
