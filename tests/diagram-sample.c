/* diagram-sample.c — writes the fixture diagrams as PNGs into a directory, for a
 * person to look at: diagram-sample OUTDIR [THEME] [SCALE]. (Fixtures are snapshots,
 * not traces, so this draws with the painter instead of hs_export_steps.)
 */
#include <math.h>

#include "hs-diagram.h"
#include "hs-painter.h"
#include "diagram-fixtures.h"

static gboolean
scene_png (const HsScene *scene, const HsTheme *theme, double scale, const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (
      CAIRO_FORMAT_ARGB32, (int)ceil (scene->width * scale), (int)ceil (scene->height * scale));
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_scale (cr, scale, scale);
  hs_painter_draw (cr, scene, theme, NULL);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS;
}

static void
write_png_opts (const char *dir, const char *name, HsSnapshot *snap, const HsDiagramOptions *opts,
                const HsTheme *theme, double scale)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HsScene) scene = hs_diagram_render (snap, opts, &error);
  g_autofree char *path = g_strdup_printf ("%s/%s-%s.png", dir, name, theme->name);

  if (scene == NULL)
    g_printerr ("%s: %s\n", name, error->message);
  else if (!scene_png (scene, theme, scale, path))
    g_printerr ("%s: could not write %s\n", name, path);
  else
    g_print ("%s (%.0f x %.0f)\n", path, scene->width, scene->height);
  hs_snapshot_free (snap);
}

static void
write_png (const char *dir, const char *name, HsSnapshot *snap, const HsTheme *theme, double scale)
{
  write_png_opts (dir, name, snap, NULL, theme, scale);
}

/* The aliasing fixture with its tuple collapsed (two bundle edges), and the linked list
 * with its first node collapsed and every "list" of dict-of-lists collapsed. */
static void
write_collapsed (const char *dir, const HsTheme *theme, double scale)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  static const guint64 tuple = 42;
  HsDiagramOptions opts;
  HsSnapshot *snap;
  HsSnapObject *d;

  hs_diagram_options_init (&opts);
  opts.collapsed_ids = ids;
  g_hash_table_add (ids, (gpointer)&tuple);
  write_png_opts (dir, "collapsed-tuple", fixture_aliasing (), &opts, theme, scale);
  /* dict-of-lists where the dict holds list 31 three times, list 31 collapsed too */
  snap = fixture_dict_of_lists ();
  d = hs_snapshot_lookup (snap, 30);
  hs_snap_object_add_cell (d, NULL, hs_snap_value_primitive ("str", "'d'"), hs_snap_value_ref (31));
  hs_snap_object_add_cell (d, NULL, hs_snap_value_primitive ("str", "'e'"), hs_snap_value_ref (31));
  hs_snap_frame_add_var (g_ptr_array_index (snap->frames, 0), "a", hs_snap_value_ref (31));
  hs_snapshot_lookup (snap, 31)->refcount = 4;
  g_hash_table_remove_all (ids);
  opts.collapsed_ids = NULL;
  opts.collapsed_types = types;
  g_hash_table_add (types, (gpointer) "dict");
  write_png_opts (dir, "collapsed-dict", snap, &opts, theme, scale);
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
  write_collapsed (argv[1], theme, scale);
  hs_diagram_shutdown ();
  return 0;
}
