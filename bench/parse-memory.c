/* parse-memory.c — what a large source costs in memory (issue 13: a 50 MB source within 10x
 * its size): the peak of the front end alone and of a whole run, and the code the front end
 * keeps, each against the source's size, with the time each takes.
 *
 * Usage: parse-memory [SOURCE_MB]   (default 10; meson's benchmark gives 50, issue 13's size)
 *
 * Two programs: "mixed" repeats a block of ordinary course code (a function with a loop, a
 * list, a dict, a call, an f-string) under new names; "straight" is a long straight-line
 * program of assignments and prints. A peak is the resident size of a child process that
 * does the work, less that of one that does nothing: the front end reads and compiles the
 * module a statement at a time (hs_parse_module_each, hs_module_compiler_*), as a run does;
 * the run is hs_vm_run_source with the output thrown away, so it includes the source's
 * prepared copy, the code and what the program builds. The code is the bytes in use once it
 * is compiled (glibc's mallinfo2: the heap plus mmapped blocks). A measurement, not an
 * assertion: exits 0 whatever the figures.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hs-ast.h"
#include "hs-compile.h"
#include "hs-vm-private.h"

static const char mixed_block[] = "def f%d(a, b=2):\n"
                                  "    x = [a, b, 3]\n"
                                  "    for k in range(a):\n"
                                  "        x.append(k * 2 + 1)\n"
                                  "    if x[0] > 1 and b:\n"
                                  "        print(f'value {x[-1]}', {'k': k})\n"
                                  "    return x\n"
                                  "y%d = f%d(3)\n";

static const char straight_block[] = "total%d = %d * 3 + len('abc') - 1\n"
                                     "items = [total%d, %d, 'word', (1, 2)]\n"
                                     "print(total%d, items[0])\n";

typedef enum
{
  IDLE,
  FRONT_END,
  RUN,
} Work;

static gsize
in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();
  return mi.uordblks + mi.hblkhd;
}

static void
report (const char *stage, gsize bytes, gsize source_len, gint64 usec)
{
  printf ("  %-34s %8.1f MB  %6.1fx the source  %7.2f s\n", stage, bytes / 1e6,
          (double)bytes / source_len, usec / 1e6);
}

static HsCode *
front_end (HsVM *vm, const GString *src)
{
  g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
  HsSyntaxError *err = NULL;
  HsModuleCompiler *mc = hs_module_compiler_new (vm, src->str, src->len, "big.py");
  gboolean parsed
      = hs_parse_module_each (arena, src->str, src->len, hs_module_compiler_add, mc, &err);
  g_assert (parsed);
  HsCode *code = hs_module_compiler_finish (mc, parsed, &err);
  g_assert (code != NULL);
  return code;
}

static void
discard (const char *text, gsize len, gpointer data)
{
}

/* The peak resident size of a child that does `work`, in bytes. */
static gsize
child_peak (const GString *src, Work work)
{
  struct rusage ru;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      HsVMConfig config;
      hs_vm_config_init (&config);
      config.heap_limit_bytes = 0; /* the figure, not the refusal */
      HsVM *vm = hs_vm_new (&config);
      hs_vm_set_output (vm, discard, NULL);
      if (work == FRONT_END)
        front_end (vm, src);
      else if (work == RUN)
        g_assert (hs_vm_run_source (vm, src->str, src->len, "big.py") == HS_RUN_OK);
      _exit (0);
    }
  g_assert (pid > 0 && wait4 (pid, &status, 0, &ru) == pid && WIFEXITED (status));
  return (gsize)ru.ru_maxrss * 1024;
}

static void
measure (const char *name, const char *block, double mb)
{
  g_autoptr (GString) src = g_string_new (NULL);
  gsize base, idle, lines = 0;
  gint64 t0;

  for (int i = 0; src->len < mb * 1e6; i++)
    g_string_append_printf (src, block, i, i, i, i, i);
  for (gsize i = 0; i < src->len; i++)
    lines += src->str[i] == '\n';
  printf ("%s: %.1f MB, %zu lines\n", name, src->len / 1e6, lines);

  /* first, while the parent holds no freed memory that the children would reuse */
  malloc_trim (0);
  idle = child_peak (src, IDLE);
  for (Work w = FRONT_END; w <= RUN; w++)
    {
      t0 = g_get_monotonic_time ();
      gsize peak = child_peak (src, w) - idle;
      report (w == RUN ? "PEAK of a run (resident)" : "PEAK of the front end (resident)", peak,
              src->len, g_get_monotonic_time () - t0);
      if (w == RUN)
        printf ("  issue 13: a run within 10x its source: %s\n",
                peak <= 10 * src->len ? "yes" : "NO");
    }

  HsVM *vm = hs_vm_new (NULL);
  base = in_use ();
  t0 = g_get_monotonic_time ();
  HsCode *code = front_end (vm, src);
  report ("code (kept while running)", in_use () - base, src->len, g_get_monotonic_time () - t0);
  hs_code_free (vm, code);
  hs_vm_free (vm);
}

int
main (int argc, char **argv)
{
  double mb = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 10.0;

  measure ("mixed", mixed_block, mb);
  measure ("straight", straight_block, mb);
  return 0;
}
