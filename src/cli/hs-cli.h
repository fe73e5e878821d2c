/* hs-cli.h — the commands of heapscope-cli, one file each. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the translations (LOCALEDIR, or HEAPSCOPE_LOCALEDIR) and the locale. */
void hs_cli_init_i18n (void);

/* Reads a program file. On failure prints why (prefixed with the command name) and
 * returns FALSE. `abs` receives the absolute path tracebacks show. */
gboolean hs_cli_read_source (const char *command, const char *path, char **text, gsize *len,
                             char **abs);

/* Parses the options `entries` describe out of argv (`summary` heads --help); FALSE, having
 * printed why, when they are wrong. */
gboolean hs_cli_parse_options (const char *command, const char *summary, GOptionEntry *entries,
                               int *argc, char ***argv);

/* An HsInputFn: the next line of standard input with its "\n" (a "\r\n" read as "\n");
 * NULL at the end. */
char *hs_cli_read_stdin_line (gsize *len, gpointer user_data);

int hs_cli_run (int argc, char **argv);
int hs_cli_trace (int argc, char **argv);
int hs_cli_render (int argc, char **argv); /* in heapscope-cli-render */
int hs_cli_explain (int argc, char **argv);

G_END_DECLS
