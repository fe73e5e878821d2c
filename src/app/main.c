/* main.c — starts Heapscope: `heapscope [FILE.py]`.
 *
 * Everything lives in HeapscopeApplication; main only sets up gettext and runs it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "heapscope-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (HeapscopeApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* HEAPSCOPE_LOCALEDIR lets tests and build-aux/run use the catalogues in <build>/po. */
  const char *localedir = g_getenv ("HEAPSCOPE_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = heapscope_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
