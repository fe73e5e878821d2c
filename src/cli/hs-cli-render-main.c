/* hs-cli-render-main.c — heapscope-cli-render, the program heapscope-cli's `render` runs
 * (installed in libexecdir): the one command that draws, and so the only one that loads
 * Graphviz, cairo and Pango. Its command line is heapscope-cli's.
 */
#include "config.h"

#include "hs-cli.h"

int
main (int argc, char **argv)
{
  hs_cli_init_i18n ();
  if (argc < 2)
    return 2;
  return hs_cli_render (argc - 1, argv + 1);
}
