/* hs-cli.h — the commands of heapscope-cli, one file each. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads a program file. On failure prints why (prefixed with the command name) and
 * returns FALSE. `abs` receives the absolute path tracebacks show. */
gboolean hs_cli_read_source (const char *command, const char *path, char **text, gsize *len,
                             char **abs);

int hs_cli_run (int argc, char **argv);
int hs_cli_trace (int argc, char **argv);
int hs_cli_render (int argc, char **argv);
int hs_cli_explain (int argc, char **argv);

G_END_DECLS
