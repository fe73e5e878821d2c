/* fuzz-parser.c — libFuzzer harness for the front end: any text either parses to a tree
 * (which can be dumped) or gives a syntax error with a message; nothing crashes, leaks or
 * overflows the C stack. */
#include "fuzz-common.h"
#include "hs-ast.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (HsAstArena) arena = NULL;
  g_autoptr (HsSyntaxError) error = NULL;
  HsModule *module;

  if (!fuzz_source_ok (data, size))
    return 0;
  arena = hs_ast_arena_new ();
  module = hs_parse_module (arena, (const char *)data, size, &error);
  if (module != NULL)
    {
      g_assert (error == NULL);
      g_free (hs_ast_dump_full (module, TRUE));
    }
  else
    g_assert (error != NULL);
  return 0;
}
