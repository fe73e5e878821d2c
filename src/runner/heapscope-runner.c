/* heapscope-runner.c — runs one program for the app, in a process of its own, and sends
 * its recording to stdout as a trace stream (hs-trace-stream.h) while it records.
 *
 *   heapscope-runner [--max-steps N] [--heap-primitives] [--memory-limit MIB] [--name NAME]
 *
 * The program's text comes on stdin, and then the answers to its input() calls (the
 * runner's input, hs-trace-stream.h): when no answer is waiting, the runner sends the
 * steps so far and asks for one. Whatever the program does to this process (a crash
 * in the interpreter, an endless C loop, memory without end) ends this process only; the
 * app keeps the steps that arrived. SIGTERM stops the recording at the next step, as the
 * user's Stop does (also while waiting for an answer), and the steps so far still end
 * the stream properly.
 *
 * Invariant: the process is confined (hs_sandbox_confine) before the program's first
 * step, and nothing but the stream goes to stdout.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "hs-recursion.h"
#include "hs-sandbox.h"
#include "hs-trace-stream.h"

/* How often the steps recorded go out: often enough that a crash loses only a moment's
 * steps, seldom enough that writing costs nothing next to recording. */
#define SEND_INTERVAL_US 10000

static gint cancel;

static void
on_sigterm (int sig)
{
  g_atomic_int_set (&cancel, 1);
}

static gboolean
write_stdout (const guint8 *data, gsize len, gpointer user_data)
{
  while (len > 0)
    {
      gssize n = write (STDOUT_FILENO, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* the app went away: nobody wants the rest */
          g_atomic_int_set (&cancel, 1);
          return FALSE;
        }
      data += n;
      len -= (gsize)n;
    }
  return TRUE;
}

/* ---- faults on demand, for the app's tests only ---- */

typedef enum
{
  FAULT_NONE,
  FAULT_CRASH,
  FAULT_HANG,
  FAULT_OOM,
} Fault;

typedef struct
{
  HsTraceStreamWriter *writer;
  HsTraceInputDecoder *input;
  HsTrace *trace; /* the one recording, once it made its first step */
  guint n_answers;
  Fault fault;
  int fault_step;
} Runner;

/* The next message of the runner's input; FALSE at its end, when it is not the app's, or
 * when Stop interrupted the wait. */
static gboolean
next_message (Runner *run, HsTraceInputType *type, char **data, gsize *len)
{
  guint8 chunk[65536];

  while (!hs_trace_input_decoder_next (run->input, type, data, len))
    {
      g_autoptr (GError) error = NULL;
      gssize n = read (STDIN_FILENO, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR && !g_atomic_int_get (&cancel))
        continue;
      if (n <= 0)
        return FALSE;
      if (!hs_trace_input_decoder_feed (run->input, chunk, (gsize)n, &error))
        {
          g_printerr ("heapscope-runner: %s\n", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* An HsInputFn: the app's next answer, a line typed and entered (so with its "\n"). The
 * answers the app already knows wait in the pipe; only when none does the app hear that
 * the program waits, with its steps so far. */
static char *
read_answer (gsize *len, gpointer data)
{
  Runner *run = data;
  struct pollfd in = { STDIN_FILENO, POLLIN, 0 };
  HsTraceInputType type;
  g_autofree char *line = NULL;

  if (!hs_trace_input_decoder_next (run->input, &type, &line, len))
    {
      if (poll (&in, 1, 0) == 0 && run->trace != NULL)
        hs_trace_stream_writer_want_input (run->writer, run->trace, run->n_answers);
      if (!next_message (run, &type, &line, len))
        return NULL;
    }
  if (type != HS_TRACE_INPUT_ANSWER)
    return NULL;
  run->n_answers++;
  *len += 1;
  return g_strconcat (line, "\n", NULL);
}

/* HS_TEST_CHILD_FAULT=crash:N, hang:N or oom:N: at step N, after sending the steps so
 * far, the interpreter crashes (a real invalid memory access), hangs where no step check
 * can stop it, or asks for 1 GiB at once, as a bug in the C code would. */
static void
parse_fault (Runner *run)
{
  static const char *const names[] = { NULL, "crash:", "hang:", "oom:" };
  const char *fault = g_getenv ("HS_TEST_CHILD_FAULT");

  for (guint i = 1; fault != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_has_prefix (fault, names[i]))
      {
        run->fault = (Fault)i;
        run->fault_step = atoi (fault + strlen (names[i]));
      }
}

static void
step_done (HsTrace *trace, gpointer data)
{
  Runner *run = data;
  volatile int *nowhere;

  run->trace = trace;
  hs_trace_stream_writer_step_done (trace, run->writer);
  if (run->fault == FAULT_NONE || hs_trace_get_n_steps (trace) != run->fault_step)
    return;
  hs_trace_stream_writer_flush (run->writer, trace);
  if (run->fault == FAULT_HANG)
    for (;;)
      pause ();
  if (run->fault == FAULT_OOM)
    {
      /* past a smaller --memory-limit this aborts; without the limit it would succeed */
      g_free (g_malloc (1024 * 1024 * 1024));
      return;
    }
  /* an invalid memory access the compiler cannot see coming */
  nowhere = (volatile int *)(gintptr)g_getenv ("HS_NO_SUCH_VARIABLE");
  *nowhere = 1;
}

int
main (int argc, char **argv)
{
  gint64 max_steps = 100000;
  gint64 memory_mib = HS_SANDBOX_DEFAULT_MEMORY_MIB;
  gboolean heap_primitives = FALSE;
  g_autofree char *name = NULL;
  GOptionEntry entries[] = {
    { "max-steps", 0, 0, G_OPTION_ARG_INT64, &max_steps, "Stop after N steps", "N" },
    { "heap-primitives", 0, 0, G_OPTION_ARG_NONE, &heap_primitives,
      "Ints, strs and the like as heap objects", NULL },
    { "memory-limit", 0, 0, G_OPTION_ARG_INT64, &memory_mib, "Address space limit in MiB (0: none)",
      "MIB" },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, "The program's file name", "NAME" },
    { NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("— run a program from stdin");
  g_autoptr (GError) error = NULL;
  g_autofree char *source = NULL;
  g_autoptr (HsTrace) trace = NULL;
  g_autoptr (HsTraceInputDecoder) input = hs_trace_input_decoder_new ();
  struct sigaction stop = { 0 };
  Runner run = { 0 };
  HsTraceInputType type;
  HsTraceOptions options;
  gboolean sent;
  gsize len;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("heapscope-runner: %s\n", error->message);
      return 2;
    }
  /* the app gone, even killed outright, nobody reads this run: it ends too */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  signal (SIGPIPE, SIG_IGN);
  /* no SA_RESTART: Stop must interrupt a wait for input */
  stop.sa_handler = on_sigterm;
  sigaction (SIGTERM, &stop, NULL);
  parse_fault (&run);
  run.input = input;
  if (!next_message (&run, &type, &source, &len) || type != HS_TRACE_INPUT_SOURCE)
    {
      g_printerr ("heapscope-runner: no program on stdin\n");
      return 2;
    }
  /* the main thread's stack bounds come from /proc/self/maps, which the confined process
   * cannot open: read after, every C-stack check would pass and deep data would crash */
  hs_stack_floor_compute ();
  if (!hs_sandbox_limit_memory ((guint64)MAX (memory_mib, 0), &error)
      || !hs_sandbox_confine (&error))
    {
      g_printerr ("heapscope-runner: %s\n", error->message);
      return 2;
    }
  run.writer = hs_trace_stream_writer_new (write_stdout, NULL, SEND_INTERVAL_US);
  hs_trace_options_init (&options);
  options.max_steps = max_steps;
  options.heap_primitives = heap_primitives;
  options.step_done = step_done;
  options.step_done_data = &run;
  options.input = read_answer;
  options.input_data = &run;
  trace = hs_trace_record_take (g_steal_pointer (&source), len, name ? name : "<string>", &options,
                                &cancel);
  sent = hs_trace_stream_writer_finish (run.writer, trace);
  hs_trace_stream_writer_free (run.writer);
  return sent ? 0 : 1;
}
