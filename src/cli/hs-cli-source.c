/* hs-cli-source.c — what a program reads, for any command: its file, and its standard input.
 *
 * The bytes go to the core as they are: it refuses NUL bytes and invalid UTF-8 with
 * CPython's own SyntaxError (hs-source.c), so `run` ends like `python3` does.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hs-cli.h"

gboolean
hs_cli_read_source (const char *command, const char *path, char **text, gsize *len, char **abs)
{
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (path, text, len, &error))
    {
      g_printerr (_ ("heapscope-cli %s: can't open file '%s': %s\n"), command, path,
                  error->message);
      return FALSE;
    }
  *abs = g_canonicalize_filename (path, NULL);
  return TRUE;
}

char *
hs_cli_read_stdin_line (gsize *len, gpointer user_data)
{
  g_autofree char *buf = NULL;
  size_t cap = 0;
  ssize_t n = getline (&buf, &cap, stdin);
  if (n <= 0)
    return NULL;
  /* a line ending in "\r\n" (a file saved on Windows) reads as one ending in "\n" */
  if (n >= 2 && buf[n - 1] == '\n' && buf[n - 2] == '\r')
    buf[--n - 1] = '\n';
  *len = n;
  return g_strndup (buf, n);
}
