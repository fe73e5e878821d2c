/* parse-memory.c — what the front end holds for a large source (issue 13: a 50 MB source
 * within 10x its size in memory): the bytes in use after tokenizing, parsing and compiling a
 * generated program of SOURCE_MB megabytes, each against the source's size.
 *
 * Usage: parse-memory [SOURCE_MB]   (default 10)
 *
 * The program repeats a block of ordinary course code (a function with a loop, a list, a
 * dict, a call, an f-string) under new names. Bytes in use are glibc's (mallinfo2: the heap
 * plus mmapped blocks), so they count every allocation, the heap cap's or not. Prints one
 * line a stage: the token stream (alive while parsing, beside the growing tree), the tree,
 * the code compiled from it, and the code alone once the tree is freed (as hs_vm_run_source
 * frees it before the program runs). A measurement, not an assertion: exits 0 whatever the
 * figures.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs-ast.h"
#include "hs-compile.h"
#include "hs-lexer.h"
#include "hs-vm-private.h"

static const char block[] = "def f%d(a, b=2):\n"
                            "    x = [a, b, 3]\n"
                            "    for k in range(a):\n"
                            "        x.append(k * 2 + 1)\n"
                            "    if x[0] > 1 and b:\n"
                            "        print(f'value {x[-1]}', {'k': k})\n"
                            "    return x\n"
                            "y%d = f%d(3)\n";

static gsize
in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();
  return mi.uordblks + mi.hblkhd;
}

static void
report (const char *stage, gsize bytes, gsize source_len)
{
  printf ("%-34s %8.1f MB  %6.1fx the source\n", stage, bytes / 1e6, (double)bytes / source_len);
}

int
main (int argc, char **argv)
{
  double mb = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 10.0;
  g_autoptr (GString) src = g_string_new (NULL);
  HsTokenStream ts;
  HsSyntaxError *err = NULL;
  gsize base, after;

  for (int i = 0; src->len < mb * 1e6; i++)
    g_string_append_printf (src, block, i, i, i);
  printf ("source: %.1f MB\n", src->len / 1e6);

  base = in_use ();
  hs_lexer_tokenize (src->str, src->len, &ts);
  report ("tokens (the whole stream)", in_use () - base, src->len);
  printf ("  %d tokens of %zu bytes\n", ts.n_tokens, sizeof (HsToken));
  hs_lexer_stream_clear (&ts);

  {
    HsVM *vm = hs_vm_new (NULL);
    HsAstArena *arena = hs_ast_arena_new ();
    HsModule *mod;
    HsCode *code;

    base = in_use ();
    mod = hs_parse_module (arena, src->str, src->len, &err);
    g_assert (mod != NULL);
    report ("tree (after parsing)", in_use () - base, src->len);
    after = in_use ();
    code = hs_compile_module (vm, mod, src->str, src->len, "big.py", &err);
    g_assert (code != NULL);
    report ("code", in_use () - after, src->len);
    report ("peak while compiling (tree + code)", in_use () - base, src->len);
    hs_ast_arena_free (arena);
    report ("while running (the tree freed)", in_use () - base, src->len);
    hs_decref (vm, (HsObject *)code);
    hs_vm_free (vm);
  }
  return 0;
}
