/* hs-cli-source.c — what every command shares: its translations, its options parsed, and
 * what a program reads: its file and its standard input.
 *
 * The bytes go to the core as they are: it refuses NUL bytes and invalid UTF-8 with
 * CPython's own SyntaxError (hs-source.c), so `run` ends like `python3` does.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "hs-cli.h"

/* Translations are found in LOCALEDIR, or where HEAPSCOPE_LOCALEDIR says (tests run
 * from the build tree). */
void
hs_cli_init_i18n (void)
{
  const char *dir = g_getenv ("HEAPSCOPE_LOCALEDIR");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir && *dir ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

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

gboolean
hs_cli_parse_options (const char *command, const char *summary, GOptionEntry *entries, int *argc,
                      char ***argv)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new (summary);
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (g_option_context_parse (ctx, argc, argv, &error))
    return TRUE;
  g_printerr ("heapscope-cli %s: %s\n", command, error->message);
  return FALSE;
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
