/* test-trace-stream.c — a recording sent as a stream and read back: whole, in pieces of
 * any size, cut short (a runner that crashed), limited to its first steps (the preview),
 * ended by a syntax error, paused at an input request, and refused when it is not a
 * stream; the runner's input (program and answers) encoded and decoded. */
#include <string.h>

#include "hs-trace-private.h"
#include "hs-trace-stream.h"

/* Exercises every part of a trace: frames, containers, sharing, output, a freed object,
 * the collector, and enough steps for keyframes. */
static const char program[] = "import gc, sys\n"
                              "def make(n):\n"
                              "    out = []\n"
                              "    for i in range(n):\n"
                              "        out.append({'i': i, 's': str(i) * 3})\n"
                              "    return out\n"
                              "a = make(300)\n"
                              "b = a\n"
                              "print(len(b), b[3])\n"
                              "print('to stderr', file=sys.stderr)\n"
                              "c = [1]\n"
                              "c.append(c)\n"
                              "del c\n"
                              "gc.collect()\n"
                              "a = None\n"
                              "print('done')\n";

static gboolean
collect (const guint8 *data, gsize len, gpointer user_data)
{
  g_byte_array_append (user_data, data, len);
  return TRUE;
}

/* Records `src` with the writer attached, as the runner does; returns the trace and
 * leaves the stream in `bytes`. */
static HsTrace *
record_streamed (const char *src, GByteArray *bytes)
{
  HsTraceStreamWriter *w = hs_trace_stream_writer_new (collect, bytes, 0);
  HsTraceOptions opts;
  HsTrace *t;

  hs_trace_options_init (&opts);
  opts.step_done = hs_trace_stream_writer_step_done;
  opts.step_done_data = w;
  t = hs_trace_record (src, strlen (src), "prog.py", &opts, NULL);
  g_assert_true (hs_trace_stream_writer_finish (w, t));
  hs_trace_stream_writer_free (w);
  return t;
}

static HsTraceReader *
reader_for (const char *src, int max_steps)
{
  HsTraceOptions opts;

  hs_trace_options_init (&opts);
  return hs_trace_reader_new (src, "prog.py", &opts, max_steps);
}

static void
feed_in_pieces (HsTraceReader *r, const guint8 *data, gsize len, gsize piece)
{
  for (gsize at = 0; at < len; at += piece)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (hs_trace_reader_feed (r, data + at, MIN (piece, len - at), &error));
      g_assert_no_error (error);
    }
}

/* Steps [0, n) of `a` and `b` show the same memory, output and explanation (every
 * fifth, and the last: each is a replay from a keyframe). */
/* The trace a reader rebuilds from the whole stream `bytes` of src, fed in 4 KiB pieces. */
static HsTrace *
read_back (const char *src, GByteArray *bytes)
{
  HsTraceReader *r = reader_for (src, 0);

  feed_in_pieces (r, bytes->data, bytes->len, 4096);
  return hs_trace_reader_finish (r, HS_TRACE_END_INTERRUPTED, "unused");
}

static void
assert_same_steps (HsTrace *a, HsTrace *b, int n)
{
  for (int k = n - 1; k >= 0; k -= 5)
    {
      g_autoptr (HsSnapshot) sa = hs_trace_snapshot (a, k);
      g_autoptr (HsSnapshot) sb = hs_trace_snapshot (b, k);
      g_auto (GStrv) ea = hs_trace_explain_step (a, k, 0);
      g_auto (GStrv) eb = hs_trace_explain_step (b, k, 0);

      g_assert_cmpint (hs_trace_step_line (a, k), ==, hs_trace_step_line (b, k));
      g_assert_cmpstr (hs_trace_step_event (a, k), ==, hs_trace_step_event (b, k));
      g_assert_cmpuint (sa->objects->len, ==, sb->objects->len);
      g_assert_cmpuint (sa->frames->len, ==, sb->frames->len);
      g_assert_cmpstr (sa->stdout_text, ==, sb->stdout_text);
      g_assert_cmpstr (sa->stderr_text, ==, sb->stderr_text);
      g_assert_true (g_strv_equal ((const char *const *)ea, (const char *const *)eb));
    }
}

/* Read back whole, in pieces of 1, 7 and 4096 bytes: the same trace, to the byte. */
static void
test_whole (void)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (HsTrace) t = record_streamed (program, bytes);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);
  const gsize pieces[] = { 1, 7, 4096 };

  g_assert_cmpint (hs_trace_get_n_steps (t), >, 300);
  g_assert_cmpuint (t->keyframes->len, >=, 2); /* replays start from keyframes too */
  g_assert_nonnull (strstr (json, "\"heapscope_stderr\": \"to stderr\\n\""));
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      HsTraceReader *r = reader_for (program, 0);
      g_autoptr (HsTrace) back = NULL;
      g_autofree char *back_json = NULL;

      feed_in_pieces (r, bytes->data, bytes->len, pieces[i]);
      g_assert_true (hs_trace_reader_is_complete (r));
      back = hs_trace_reader_finish (r, HS_TRACE_END_INTERRUPTED, "unused");
      back_json = hs_trace_to_json (back, 0, NULL);
      g_assert_cmpstr (back_json, ==, json);
      /* every field of every step, including those the JSON leaves out */
      g_assert_cmpmem (back->steps.data, back->steps.len, t->steps.data, t->steps.len);
      g_assert_cmpmem (back->log.data, back->log.len, t->log.data, t->log.len);
      g_assert_cmpuint (back->pool.strings->len, ==, t->pool.strings->len);
      g_assert_cmpint (hs_trace_get_end (back), ==, HS_TRACE_END_OK);
    }
}

/* A str grown at every step has its text pooled as the last one's plus a tail (derived),
 * and now and then whole: the same JSON, read back from the stream too, with the texts'
 * bytes linear in the steps, not quadratic. */
static void
test_growing_str (void)
{
  static const char src[] = "def build(n):\n"
                            "    s = 'x' * 300 + '\\n'\n"
                            "    for i in range(n):\n"
                            "        s += str(i % 10) + '\\t'\n"
                            "    return s\n"
                            "t = build(1500)\n"
                            "t += \"'\"\n"
                            "print(len(t))\n";
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (HsTrace) t = record_streamed (src, bytes);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);
  g_autoptr (HsTrace) back = NULL;
  g_autofree char *back_json = NULL;
  guint derived = 0;

  for (guint i = 1; i < t->pool.strings->len; i++)
    {
      guint32 base;
      gsize keep, tail_len;
      const char *tail;

      derived += hs_string_pool_get_derived (&t->pool, i, &base, &keep, &tail, &tail_len);
    }
  g_assert_cmpuint (derived, >, 1400);
  /* whole, each text would be 3,300,000 bytes */
  g_assert_cmpuint (t->pool.bytes, <, 500000);
  g_assert_nonnull (strstr (json, "\"t\": \"xxx"));
  g_assert_nonnull (strstr (json, "8\\t9\\t'\""));
  back = read_back (src, bytes);
  back_json = hs_trace_to_json (back, 0, NULL);
  g_assert_cmpstr (back_json, ==, json);
  assert_same_steps (t, back, hs_trace_get_n_steps (t));
}

/* The object a global of the last step's snapshot names (inline or not). */
static const HsSnapObject *
global_object (HsSnapshot *snap, const char *name)
{
  const HsSnapFrame *module = g_ptr_array_index (snap->frames, 0);

  for (guint i = 0; i < module->vars->len; i++)
    {
      const HsSnapVar *var = &g_array_index (module->vars, HsSnapVar, i);

      if (g_str_equal (var->name, name))
        return var->value.kind == HS_SNAP_VALUE_REF
                   ? hs_snapshot_lookup (snap, var->value.ref)
                   : g_hash_table_lookup (snap->inline_objects, &var->value.ref);
    }
  g_assert_not_reached ();
}

/* A str or bytes value too long for a recorded text keeps its length beside its clipped
 * text, through the stream: two strs clipped to the same text keep theirs; the text and
 * the JSON show no trace of it. */
static void
test_clipped_length (void)
{
  static const char src[] = "s = 'a' * 100000\n"
                            "t = 'a' * 100001\n"
                            "b = bytes(70000)\n"
                            "ba = bytearray(b'xy') * 20000\n"
                            "u = 'short'\n";
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (HsTrace) t = record_streamed (src, bytes);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);
  g_autoptr (HsTrace) back = read_back (src, bytes);
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (back, hs_trace_get_n_steps (back) - 1);

  g_assert_cmpuint (global_object (snap, "s")->value_len, ==, 100000);
  g_assert_cmpuint (global_object (snap, "t")->value_len, ==, 100001);
  g_assert_cmpuint (global_object (snap, "b")->value_len, ==, 70000);
  g_assert_cmpuint (global_object (snap, "ba")->value_len, ==, 40000);
  g_assert_cmpuint (global_object (snap, "u")->value_len, ==, 0);
  g_assert_true (g_str_has_prefix (global_object (snap, "s")->label, "'aaa"));
  g_assert_true (g_str_has_prefix (global_object (snap, "ba")->label, "bytearray(b'xy"));
  g_assert_null (strstr (json, "\\u0001"));
  g_assert_null (strchr (json, '\x01'));
}

/* A stream cut anywhere (the runner died) gives the steps that arrived whole, each the
 * same as in the full trace, and the end the caller names. */
static void
test_cut (void)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (HsTrace) t = record_streamed (program, bytes);
  int last_n = -1;

  for (gsize cut = 0; cut < bytes->len; cut += bytes->len / 13 + 1)
    {
      HsTraceReader *r = reader_for (program, 0);
      g_autoptr (HsTrace) back = NULL;
      int n;

      feed_in_pieces (r, bytes->data, cut, 512);
      g_assert_false (hs_trace_reader_is_complete (r));
      back = hs_trace_reader_finish (r, HS_TRACE_END_INTERRUPTED, "stopped at step N");
      n = hs_trace_get_n_steps (back);
      g_assert_cmpint (n, <, hs_trace_get_n_steps (t));
      g_assert_cmpint (n, >=, last_n);
      last_n = n;
      g_assert_cmpint (hs_trace_get_end (back), ==, HS_TRACE_END_INTERRUPTED);
      g_assert_cmpstr (hs_trace_get_error_text (back), ==, "stopped at step N");
      assert_same_steps (t, back, n);
    }
  g_assert_cmpint (last_n, >, 100);
}

/* The preview keeps the first steps only, each as in the full trace. */
static void
test_first_steps (void)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (HsTrace) t = record_streamed (program, bytes);
  HsTraceReader *r = reader_for (program, 101);
  g_autoptr (HsTrace) back = NULL;

  feed_in_pieces (r, bytes->data, bytes->len, 300);
  g_assert_true (hs_trace_reader_is_complete (r));
  g_assert_cmpint (hs_trace_reader_get_n_steps (r), ==, 101);
  back = hs_trace_reader_finish (r, HS_TRACE_END_STEP_LIMIT, NULL);
  g_assert_cmpint (hs_trace_get_n_steps (back), ==, 101);
  assert_same_steps (t, back, 101);
}

/* The compiler's warnings travel with the end of the trace, in order, and make the JSON's
 * heapscope_warnings. */
static void
test_warnings (void)
{
  const char *src = "x = 1000\nprint(x is 1000)\nprint([1, 2] ['a'] if x else 0)\n"
                    "assert (x, 'always')\n";
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (HsTrace) t = record_streamed (src, bytes);
  HsTraceReader *r = reader_for (src, 0);
  g_autoptr (HsTrace) back = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  static const struct
  {
    int line;
    const char *message;
  } expected[] = {
    { 2, "\"is\" with a literal. Did you mean \"==\"?" },
    { 3, "list indices must be integers or slices, not str; perhaps you missed a comma?" },
    { 4, "assertion is always true, perhaps remove parentheses?" },
  };

  feed_in_pieces (r, bytes->data, bytes->len, 7);
  back = hs_trace_reader_finish (r, HS_TRACE_END_INTERRUPTED, NULL);
  g_assert_cmpuint (hs_trace_get_n_warnings (t), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (hs_trace_get_n_warnings (back), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int line, back_line;

      g_assert_cmpstr (hs_trace_get_warning (t, i, &line), ==, expected[i].message);
      g_assert_cmpint (line, ==, expected[i].line);
      g_assert_cmpstr (hs_trace_get_warning (back, i, &back_line), ==, expected[i].message);
      g_assert_cmpint (back_line, ==, expected[i].line);
    }
  json = hs_trace_to_json (back, 0, NULL);
  g_assert_nonnull (
      strstr (json, "\"heapscope_warnings\": [{\"line\": 2, \"message\": "
                    "\"\\\"is\\\" with a literal. Did you mean \\\"==\\\"?\"}, {\"line\": 3,"));
  text = hs_trace_format_warnings (back);
  g_assert_true (g_str_has_suffix (
      text, ":4: SyntaxWarning: assertion is always true, perhaps remove parentheses?\n"
            "  assert (x, 'always')\n"));
}

static void
test_syntax_error (void)
{
  const char *src = "x = 1\nif x\n    y = 2\n";
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (HsTrace) t = record_streamed (src, bytes);
  HsTraceReader *r = reader_for (src, 0);
  g_autoptr (HsTrace) back = NULL;
  int line, col, end_col, back_line, back_col, back_end_col;
  const char *msg, *back_msg;

  feed_in_pieces (r, bytes->data, bytes->len, 3);
  back = hs_trace_reader_finish (r, HS_TRACE_END_INTERRUPTED, NULL);
  g_assert_cmpint (hs_trace_get_end (back), ==, HS_TRACE_END_SYNTAX_ERROR);
  g_assert_cmpint (hs_trace_get_n_steps (back), ==, hs_trace_get_n_steps (t));
  g_assert_true (hs_trace_get_syntax_error (t, &line, &col, &end_col, &msg));
  g_assert_true (hs_trace_get_syntax_error (back, &back_line, &back_col, &back_end_col, &back_msg));
  g_assert_cmpint (back_line, ==, line);
  g_assert_cmpint (back_col, ==, col);
  g_assert_cmpint (back_end_col, ==, end_col);
  g_assert_cmpstr (back_msg, ==, msg);
  g_assert_cmpstr (hs_trace_get_error_text (back), ==, hs_trace_get_error_text (t));
}

static void
test_not_a_stream (void)
{
  g_autoptr (HsTraceReader) r = reader_for ("x = 1\n", 0);
  g_autoptr (GError) error = NULL;

  g_assert_false (hs_trace_reader_feed (r, (const guint8 *)"Segmentation fault\n", 19, &error));
  g_assert_error (error, HS_TRACE_ERROR, HS_TRACE_ERROR_BAD_STREAM);
  g_assert_cmpint (hs_trace_reader_get_n_steps (r), ==, 0);
}

typedef struct
{
  HsTraceStreamWriter *writer;
  HsTrace *trace;
  GByteArray *bytes;
  gsize asked_at; /* the stream's length after the input request */
} AskCtx;

static void
ask_step_done (HsTrace *trace, gpointer data)
{
  AskCtx *ctx = data;

  ctx->trace = trace;
  hs_trace_stream_writer_step_done (trace, ctx->writer);
}

/* As the runner does when no answer waits: the steps so far, then the request. */
static char *
ask_input (gsize *len, gpointer data)
{
  AskCtx *ctx = data;

  hs_trace_stream_writer_want_input (ctx->writer, ctx->trace, 0);
  ctx->asked_at = ctx->bytes->len;
  *len = 3;
  return g_strdup ("Ada");
}

/* A stream read up to an input request: the reader knows the program waits for its
 * first answer, and a copy of what it read is the steps so far with the prompt printed,
 * each step as in the whole trace. */
static void
test_input_request (void)
{
  const char *src = "xs = [1, 2]\nname = input('Name? ')\nprint('Hi', name, xs)\n";
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  AskCtx ctx = { hs_trace_stream_writer_new (collect, bytes, 10 * G_USEC_PER_SEC), NULL, bytes, 0 };
  g_autoptr (HsTraceReader) r = reader_for (src, 0);
  g_autoptr (HsTrace) t = NULL;
  g_autoptr (HsTrace) paused = NULL;
  g_autofree char *paused_text = NULL;
  g_autofree char *text = NULL;
  HsTraceOptions opts;

  hs_trace_options_init (&opts);
  opts.step_done = ask_step_done;
  opts.step_done_data = &ctx;
  opts.input = ask_input;
  opts.input_data = &ctx;
  t = hs_trace_record (src, strlen (src), "prog.py", &opts, NULL);
  g_assert_true (hs_trace_stream_writer_finish (ctx.writer, t));
  hs_trace_stream_writer_free (ctx.writer);
  g_assert_cmpuint (ctx.asked_at, >, 0);

  feed_in_pieces (r, bytes->data, ctx.asked_at, 5);
  g_assert_cmpuint (hs_trace_reader_get_inputs_wanted (r), ==, 1);
  g_assert_false (hs_trace_reader_is_complete (r));
  paused = hs_trace_reader_copy_trace (r, HS_TRACE_END_OK);
  g_assert_cmpint (hs_trace_get_n_steps (paused), ==, 2); /* lines 1 and 2 */
  g_assert_cmpint (hs_trace_step_line (paused, 1), ==, 2);
  paused_text = hs_trace_console_text (paused, -1, NULL);
  g_assert_cmpstr (paused_text, ==, "Name? ");
  assert_same_steps (t, paused, 2);

  /* the reader goes on to the end: the answer is echoed after its prompt */
  feed_in_pieces (r, bytes->data + ctx.asked_at, bytes->len - ctx.asked_at, 5);
  g_assert_true (hs_trace_reader_is_complete (r));
  text = hs_trace_console_text (t, -1, NULL);
  g_assert_cmpstr (text, ==, "Name? Ada\nHi Ada [1, 2]\n");
}

/* The runner's input: a program and answers, in pieces of any size; messages of a later
 * version skipped; anything else refused. */
static void
test_runner_input (void)
{
  g_autoptr (GByteArray) in = g_byte_array_new ();
  const char *texts[] = { "print(input())\n", "", "naïve answer" };
  const HsTraceInputType types[]
      = { HS_TRACE_INPUT_SOURCE, HS_TRACE_INPUT_ANSWER, HS_TRACE_INPUT_ANSWER };
  const guint8 later[] = { 99, 2, 'x', 'y' }; /* type 99, 2 bytes */
  g_autoptr (HsTraceInputDecoder) bad = hs_trace_input_decoder_new ();
  g_autoptr (GError) error = NULL;

  hs_trace_input_put_header (in);
  hs_trace_input_put (in, types[0], texts[0], strlen (texts[0]));
  g_byte_array_append (in, later, sizeof later);
  hs_trace_input_put (in, types[1], texts[1], strlen (texts[1]));
  hs_trace_input_put (in, types[2], texts[2], strlen (texts[2]));
  for (gsize piece = 1; piece <= in->len; piece += 6)
    {
      g_autoptr (HsTraceInputDecoder) d = hs_trace_input_decoder_new ();
      guint got = 0;

      for (gsize at = 0; at < in->len; at += piece)
        {
          HsTraceInputType type;
          char *data;
          gsize len;

          g_assert_true (
              hs_trace_input_decoder_feed (d, in->data + at, MIN (piece, in->len - at), NULL));
          while (hs_trace_input_decoder_next (d, &type, &data, &len))
            {
              g_assert_cmpuint (got, <, G_N_ELEMENTS (texts));
              g_assert_cmpint (type, ==, types[got]);
              g_assert_cmpstr (data, ==, texts[got]);
              g_assert_cmpuint (len, ==, strlen (texts[got]));
              g_free (data);
              got++;
            }
        }
      g_assert_cmpuint (got, ==, G_N_ELEMENTS (texts));
    }
  g_assert_false (hs_trace_input_decoder_feed (bad, (const guint8 *)"print(1)\n", 9, &error));
  g_assert_error (error, HS_TRACE_ERROR, HS_TRACE_ERROR_BAD_STREAM);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trace/stream/whole", test_whole);
  g_test_add_func ("/trace/stream/cut", test_cut);
  g_test_add_func ("/trace/stream/growing-str", test_growing_str);
  g_test_add_func ("/trace/stream/clipped-length", test_clipped_length);
  g_test_add_func ("/trace/stream/first-steps", test_first_steps);
  g_test_add_func ("/trace/stream/syntax-error", test_syntax_error);
  g_test_add_func ("/trace/stream/warnings", test_warnings);
  g_test_add_func ("/trace/stream/not-a-stream", test_not_a_stream);
  g_test_add_func ("/trace/stream/input-request", test_input_request);
  g_test_add_func ("/trace/stream/runner-input", test_runner_input);
  return g_test_run ();
}
