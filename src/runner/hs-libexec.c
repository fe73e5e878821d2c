/* hs-libexec.c — finding a helper program from the binary that starts it: by its own
 * location first, so that a DESTDIR install, a relocated prefix and the build tree work too. */
#include "config.h"

#include "hs-libexec.h"

char *
hs_libexec_path (const char *name, const char *built_dir)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe ? g_path_get_dirname (exe) : NULL;

  if (dir != NULL)
    {
      g_autofree char *installed
          = g_build_filename (dir, "..", HEAPSCOPE_LIBEXECDIR_NAME, name, NULL);
      g_autofree char *built = g_build_filename (dir, built_dir, name, NULL);

      if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&installed);
      if (g_file_test (built, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&built);
    }
  return g_build_filename (HEAPSCOPE_LIBEXECDIR, name, NULL);
}
