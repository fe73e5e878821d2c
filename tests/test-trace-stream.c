/* test-trace-stream.c — a recording sent as a stream and read back: whole, in pieces of
 * any size, cut short (a runner that crashed), limited to its first steps (the preview),
 * ended by a syntax error, and refused when it is not a stream. */
#include <string.h>

#include "hs-trace-private.h"
#include "hs-trace-stream.h"

/* Exercises every part of a trace: frames, containers, sharing, output, a freed object,
 * the collector, and enough steps for keyframes. */
static const char program[] = "import gc\n"
                              "def make(n):\n"
                              "    out = []\n"
                              "    for i in range(n):\n"
                              "        out.append({'i': i, 's': str(i) * 3})\n"
                              "    return out\n"
                              "a = make(300)\n"
                              "b = a\n"
                              "print(len(b), b[3])\n"
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
      g_assert_cmpmem (back->steps->data, back->steps->len * sizeof (HsTraceStep), t->steps->data,
                       t->steps->len * sizeof (HsTraceStep));
      g_assert_cmpmem (back->log.data, back->log.len, t->log.data, t->log.len);
      g_assert_cmpuint (back->pool.strings->len, ==, t->pool.strings->len);
      g_assert_cmpint (hs_trace_get_end (back), ==, HS_TRACE_END_OK);
    }
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trace/stream/whole", test_whole);
  g_test_add_func ("/trace/stream/cut", test_cut);
  g_test_add_func ("/trace/stream/first-steps", test_first_steps);
  g_test_add_func ("/trace/stream/syntax-error", test_syntax_error);
  g_test_add_func ("/trace/stream/not-a-stream", test_not_a_stream);
  return g_test_run ();
}
