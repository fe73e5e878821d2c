/* parse-memory.c — what the front end holds for a large source (issue 13: a 50 MB source
 * within 10x its size in memory): the bytes in use after tokenizing, parsing and compiling a
 * generated program of SOURCE_MB megabytes, each against the source's size, the peak of the
 * whole front end, and the time each stage takes.
 *
 * Usage: parse-memory [SOURCE_MB]   (default 10)
 *
 * Two programs: "functions" repeats a block of ordinary course code (a function with a
 * loop, a list, a dict, a call, an f-string) under new names; "straight" is a long
 * straight-line program of assignments and prints. Bytes in use are glibc's (mallinfo2: the
 * heap plus mmapped blocks), so they count every allocation, the heap cap's or not. One line
 * a stage: the token stream (alive while parsing, beside the growing tree), the tree, the
 * code compiled from it, and the code alone once the tree is freed (as hs_vm_run_source frees
 * it before the program runs). The peak is the resident size of a child process that runs
 * hs_parse_module and hs_compile_module, less that of one that does nothing: it includes
 * what lives only inside a stage (the symbol table, the compiler's units). A measurement, not
 * an assertion: exits 0 whatever the figures.
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
#include "hs-lexer.h"
#include "hs-vm-private.h"

static const char functions_block[] = "def f%d(a, b=2):\n"
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
front_end (HsVM *vm, HsAstArena *arena, const GString *src)
{
  HsSyntaxError *err = NULL;
  HsModule *mod = hs_parse_module (arena, src->str, src->len, &err);
  g_assert (mod != NULL);
  HsCode *code = hs_compile_module (vm, mod, src->str, src->len, "big.py", &err);
  g_assert (code != NULL);
  return code;
}

/* The peak resident size of a child that runs the front end (work) or not, in bytes. */
static gsize
child_peak (const GString *src, gboolean work)
{
  struct rusage ru;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      if (work)
        {
          HsVM *vm = hs_vm_new (NULL);
          HsAstArena *arena = hs_ast_arena_new ();
          front_end (vm, arena, src);
        }
      _exit (0);
    }
  g_assert (pid > 0 && wait4 (pid, &status, 0, &ru) == pid && WIFEXITED (status));
  return (gsize)ru.ru_maxrss * 1024;
}

static void
measure (const char *name, const char *block, double mb)
{
  g_autoptr (GString) src = g_string_new (NULL);
  HsTokenStream ts;
  gsize base, after, idle, lines = 0;
  gint64 t0;

  for (int i = 0; src->len < mb * 1e6; i++)
    g_string_append_printf (src, block, i, i, i, i, i);
  for (gsize i = 0; i < src->len; i++)
    lines += src->str[i] == '\n';
  printf ("%s: %.1f MB, %zu lines\n", name, src->len / 1e6, lines);

  /* first, while the parent holds no freed memory that the children would reuse */
  malloc_trim (0);
  idle = child_peak (src, FALSE);
  t0 = g_get_monotonic_time ();
  after = child_peak (src, TRUE);
  report ("PEAK of the front end (resident)", after - idle, src->len, g_get_monotonic_time () - t0);

  base = in_use ();
  t0 = g_get_monotonic_time ();
  hs_lexer_tokenize (src->str, src->len, &ts);
  report ("tokens (the whole stream)", in_use () - base, src->len, g_get_monotonic_time () - t0);
  hs_lexer_stream_clear (&ts);

  {
    HsVM *vm = hs_vm_new (NULL);
    HsAstArena *arena = hs_ast_arena_new ();
    HsSyntaxError *err = NULL;
    HsModule *mod;
    HsCode *code;

    base = in_use ();
    t0 = g_get_monotonic_time ();
    mod = hs_parse_module (arena, src->str, src->len, &err);
    g_assert (mod != NULL);
    report ("tree (after parsing)", in_use () - base, src->len, g_get_monotonic_time () - t0);
    after = in_use ();
    t0 = g_get_monotonic_time ();
    code = hs_compile_module (vm, mod, src->str, src->len, "big.py", &err);
    g_assert (code != NULL);
    report ("code", in_use () - after, src->len, g_get_monotonic_time () - t0);
    hs_ast_arena_free (arena);
    report ("while running (the tree freed)", in_use () - base, src->len, 0);
    hs_decref (vm, (HsObject *)code);
    hs_vm_free (vm);
  }
}

int
main (int argc, char **argv)
{
  double mb = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 10.0;

  measure ("functions", functions_block, mb);
  measure ("straight", straight_block, mb);
  return 0;
}
