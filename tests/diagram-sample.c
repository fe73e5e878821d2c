/* diagram-sample.c — writes the fixture diagrams as PNGs (and one multi-page PDF) into
 * a directory, for a person to look at: diagram-sample OUTDIR [THEME] [SCALE].
 */
#include "hs-export.h"
#include "diagram-fixtures.h"

static void
write_png (const char *dir, const char *name, HsSnapshot *snap, const HsTheme *theme, double scale)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HsScene) scene = hs_diagram_render (snap, NULL, &error);
  g_autofree char *path = g_strdup_printf ("%s/%s-%s.png", dir, name, theme->name);

  if (scene == NULL || !hs_export_png (scene, theme, scale, path, &error))
    g_printerr ("%s: %s\n", name, error->message);
  else
    g_print ("%s (%.0f x %.0f)\n", path, scene->width, scene->height);
  hs_snapshot_free (snap);
}

int
main (int argc, char **argv)
{
  const HsTheme *theme;
  double scale;

  if (argc < 2)
    {
      g_printerr ("usage: %s OUTDIR [light|dark|high-contrast] [SCALE]\n", argv[0]);
      return 2;
    }
  theme = hs_theme_lookup (argc > 2 ? argv[2] : "light");
  scale = argc > 3 ? g_ascii_strtod (argv[3], NULL) : 1.0;
  if (theme == NULL || scale <= 0)
    return 2;
  g_mkdir_with_parents (argv[1], 0755);
  write_png (argv[1], "linked-list", fixture_linked_list (3), theme, scale);
  write_png (argv[1], "tree", fixture_tree (3), theme, scale);
  write_png (argv[1], "dict-of-lists", fixture_dict_of_lists (), theme, scale);
  write_png (argv[1], "aliasing", fixture_aliasing (), theme, scale);
  write_png (argv[1], "cycle-before-gc", fixture_cycle (FALSE), theme, scale);
  write_png (argv[1], "cycle-after-gc", fixture_cycle (TRUE), theme, scale);
  write_png (argv[1], "recursion", fixture_recursion (5), theme, scale);
  write_png (argv[1], "long-list", fixture_long_list (10000), theme, scale);
  write_png (argv[1], "many-100", fixture_many (100), theme, scale);
  hs_diagram_shutdown ();
  return 0;
}
