/* hs-cli-source.c — reading a program file for any command.
 *
 * Python source must be text: NUL bytes and invalid UTF-8 are refused with a message
 * naming the file and the byte, before anything is compiled.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-cli.h"

gboolean
hs_cli_read_source (const char *command, const char *path, char **text, gsize *len, char **abs)
{
  g_autoptr (GError) error = NULL;
  const char *bad = NULL;

  if (!g_file_get_contents (path, text, len, &error))
    {
      g_printerr (_ ("heapscope-cli %s: can't open file '%s': %s\n"), command, path,
                  error->message);
      return FALSE;
    }
  if (memchr (*text, '\0', *len) != NULL)
    {
      g_printerr (_ ("heapscope-cli %s: %s: the file contains a NUL byte; Python source must be "
                     "text\n"),
                  command, path);
      return FALSE;
    }
  if (!g_utf8_validate (*text, *len, &bad))
    {
      g_printerr (_ ("heapscope-cli %s: %s: the file is not valid UTF-8 (at byte %ld)\n"), command,
                  path, (long)(bad - *text));
      return FALSE;
    }
  *abs = g_canonicalize_filename (path, NULL);
  return TRUE;
}
