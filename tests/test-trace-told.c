/* test-trace-told.c — a trace's JSON is the same whichever way it is written: steps told by
 * what they touched or each from its whole snapshot, from a trace read forward only or one
 * that keeps keyframes. Every corpus program is checked four ways, the heaviest trace test:
 * it is its own binary so that meson runs its corpus in shards (HS_CORPUS_SHARD) side by side. */
#define _GNU_SOURCE /* fopencookie */
#include <stdio.h>
#include <string.h>

#include "corpus-tests.h"
#include "hs-trace-private.h"

/* Writes the JSON of t (compact or not), its steps told by what they touched or (`whole`)
 * each from its whole snapshot, to file. */
static void
write_steps (HsTrace *t, gboolean compact, gboolean whole, FILE *file)
{
  HsJsonOptions opts;

  hs_json_options_init (&opts);
  opts.compact = compact;
  opts.whole_steps = whole;
  g_assert_cmpint (hs_trace_write_json (t, &opts, file, NULL, NULL), >, 0);
  fclose (file);
}

static char *
steps_json (HsTrace *t, gboolean compact, gboolean whole)
{
  char *data = NULL;
  size_t size = 0;

  write_steps (t, compact, whole, open_memstream (&data, &size));
  return data;
}

static ssize_t
checksum_write (void *cookie, const char *buf, size_t size)
{
  g_checksum_update (cookie, (const guchar *)buf, size);
  return size;
}

/* The SHA-256 of steps_json's text, without holding it: a deep recursion's whole JSON is
 * hundreds of megabytes, which growing a buffer for took most of this test's time. */
static char *
steps_digest (HsTrace *t, gboolean compact, gboolean whole)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  cookie_io_functions_t io = { .write = checksum_write };

  write_steps (t, compact, whole, fopencookie (sum, "w", io));
  return g_strdup (g_checksum_get_string (sum));
}

/* The JSON of t told by what each step touched reads byte for byte as the one written from
 * each step's whole snapshot; when they differ, the texts say where. */
static void
assert_told_whole (HsTrace *t, gboolean heap_primitives, gboolean compact)
{
  g_autofree char *told_sum = steps_digest (t, compact, FALSE);
  g_autofree char *whole_sum = steps_digest (t, compact, TRUE);
  g_autofree char *told = NULL;
  g_autofree char *whole = NULL;
  gsize at = 0;

  if (g_str_equal (told_sum, whole_sum))
    return;
  told = steps_json (t, compact, FALSE);
  whole = steps_json (t, compact, TRUE);
  while (told[at] != '\0' && told[at] == whole[at])
    at++;
  g_test_message ("compact %d, heap primitives %d, byte %zu: told ...%.200s\nwhole ...%.200s",
                  compact, heap_primitives, at, told + (at > 100 ? at - 100 : 0),
                  whole + (at > 100 ? at - 100 : 0));
  g_assert_cmpstr (told, ==, whole);
}

/* A trace whose steps are told by what they touched (hs-trace-json-delta.c) reads byte for
 * byte as one whose steps are each written from the whole heap, compact or whole, with
 * primitives inline and as heap objects. */
static void
test_corpus_compact (gconstpointer data)
{
  const char *path = data;
  g_autofree char *src = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &src, &len, NULL));
  for (int heap_primitives = 0; heap_primitives < 2; heap_primitives++)
    {
      HsTraceOptions opts;
      g_autoptr (HsTrace) t = NULL;

      hs_trace_options_init (&opts);
      opts.max_steps = 2000;
      opts.heap_primitives = heap_primitives;
      t = hs_trace_record (src, len, path, &opts, NULL);
      for (int compact = 1; compact >= 0; compact--)
        assert_told_whole (t, heap_primitives, compact);
    }
}

/* A trace read forward only (the CLI's JSON) keeps no keyframes, yet it is the trace a
 * window records: the same steps and deltas, the same JSON, compact and whole. */
static void
test_forward_only (void)
{
  static const char src[] = "d = {}\n"
                            "lst = []\n"
                            "for i in range(1500):\n"
                            "    lst.append([i, str(i)])\n"
                            "    d[i % 50] = lst[-1]\n"
                            "    if len(lst) > 40:\n"
                            "        del lst[0]\n";
  g_autoptr (HsTrace) kept = NULL;
  g_autoptr (HsTrace) forward = NULL;
  HsTraceOptions opts;

  hs_trace_options_init (&opts);
  kept = hs_trace_record (src, strlen (src), "/tmp/prog.py", &opts, NULL);
  opts.forward_only = TRUE;
  forward = hs_trace_record (src, strlen (src), "/tmp/prog.py", &opts, NULL);
  g_assert_cmpuint (kept->keyframes->len, >, 1);
  g_assert_cmpuint (forward->keyframes->len, ==, 0);
  g_assert_cmpuint (forward->keylog.len, ==, 0);
  g_assert_cmpint (hs_trace_get_n_steps (forward), ==, hs_trace_get_n_steps (kept));
  g_assert_cmpuint (forward->log.len, ==, kept->log.len);
  for (int compact = 0; compact < 2; compact++)
    {
      g_autofree char *a = steps_json (kept, compact, FALSE);
      g_autofree char *b = steps_json (forward, compact, FALSE);

      g_assert_cmpstr (a, ==, b);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trace/keyframes/forward-only", test_forward_only);
  corpus_add_tests ("/trace/compact", test_corpus_compact);
  return g_test_run ();
}
