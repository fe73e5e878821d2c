/* test-export.c — the files the diagram writes are valid: PNG signature and scaled size,
 * SVG that parses as XML, PDFs with one page per step, DOT that Graphviz reads back.
 */
#define _GNU_SOURCE
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hs-export.h"
#include "diagram-fixtures.h"

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static HsScene *
render (HsSnapshot *snap)
{
  g_autoptr (GError) error = NULL;
  HsScene *scene = hs_diagram_render (snap, NULL, &error);

  g_assert_no_error (error);
  return scene;
}

static guint32
read_be32 (const guchar *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

static void
test_png_scaled (void)
{
  g_autoptr (HsSnapshot) snap = fixture_tree (3);
  g_autoptr (HsScene) scene = render (snap);
  g_autofree char *path = tmp_path ("tree.png");
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;

  g_assert_true (hs_export_png (scene, hs_theme_get (HS_THEME_LIGHT), 2.0, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (read_be32 ((guchar *)data + 16), ==, (guint32)ceil (scene->width * 2));
  g_assert_cmpuint (read_be32 ((guchar *)data + 20), ==, (guint32)ceil (scene->height * 2));
}

static void
test_png_bad_path (void)
{
  g_autoptr (HsSnapshot) snap = fixture_tree (2);
  g_autoptr (HsScene) scene = render (snap);
  g_autoptr (GError) error = NULL;

  g_assert_false (
      hs_export_png (scene, hs_theme_get (HS_THEME_DARK), 1.0, "/nonexistent-dir/x.png", &error));
  g_assert_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO);
}

static void
test_svg_parses (void)
{
  g_autoptr (HsSnapshot) snap = fixture_dict_of_lists ();
  g_autoptr (HsScene) scene = render (snap);
  g_autofree char *path = tmp_path ("dict.svg");
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  GMarkupParser parser = { 0 };
  GMarkupParseContext *context;
  gsize len;

  g_assert_true (hs_export_svg (scene, hs_theme_get (HS_THEME_HIGH_CONTRAST), path, &error));
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_nonnull (strstr (data, "<svg"));
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, len, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
}

/* Counts "/Type /Page" objects (not "/Type /Pages"); cairo writes them uncompressed. */
static guint
pdf_page_count (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  guint pages = 0;
  const char *needle = "/Type /Page";

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  /* memmem, not g_strstr_len: the PDF's binary streams contain NUL bytes. */
  for (const char *p = data; (p = memmem (p, len - (p - data), needle, strlen (needle))) != NULL;
       p += strlen (needle))
    if (p[strlen (needle)] != 's')
      pages++;
  return pages;
}

static void
test_pdf_one_step (void)
{
  g_autoptr (HsSnapshot) snap = fixture_aliasing ();
  g_autoptr (HsScene) scene = render (snap);
  g_autofree char *path = tmp_path ("aliasing.pdf");

  g_assert_true (hs_export_pdf (scene, hs_theme_get (HS_THEME_LIGHT), path, NULL));
  g_assert_cmpuint (pdf_page_count (path), ==, 1);
}

static void
test_pdf_pages (void)
{
  enum
  {
    STEPS = 5
  };
  HsScene *scenes[STEPS];
  char *titles[STEPS + 1] = { NULL };
  g_autofree char *path = tmp_path ("steps.pdf");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < STEPS; i++)
    {
      g_autoptr (HsSnapshot) snap = fixture_linked_list (i);

      scenes[i] = render (snap);
      titles[i] = hs_export_step_title (i, 3 + i, "  head = Node(i, head)\n");
    }
  g_assert_cmpstr (titles[0], ==, "Step 1 — line 3: head = Node(i, head)");
  g_assert_true (hs_export_pdf_pages ((const HsScene *const *)scenes, (const char *const *)titles,
                                      STEPS, hs_theme_get (HS_THEME_LIGHT), path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (path), ==, STEPS);
  for (guint i = 0; i < STEPS; i++)
    {
      hs_scene_free (scenes[i]);
      g_free (titles[i]);
    }
}

static void
test_dot_reads_back (void)
{
  g_autoptr (HsSnapshot) snap = fixture_linked_list (3);
  g_autofree char *path = tmp_path ("list.dot");
  g_autofree char *data = NULL;
  Agraph_t *g;
  guint nodes = 0;

  g_assert_true (hs_export_dot (snap, NULL, path, NULL));
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "digraph"));
  g_assert_nonnull (strstr (data, "PORT=\"v1\""));
  g_assert_nonnull (strstr (data, "__init__(self, value, next)"));
  g_assert_nonnull (strstr (data, "o20:v1:e -> o21"));
  g = agmemread (data);
  g_assert_nonnull (g);
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    nodes++;
  g_assert_cmpuint (nodes, ==, 6);
  agclose (g);
}

/* A 20,000-character string object (heap primitives): its box shows a shortened value,
 * so the DOT label stays under Graphviz's 16 KiB limit for an HTML string and the file
 * reads back. (from fuzzing) */
static void
test_dot_long_string (void)
{
  g_autoptr (HsSnapshot) snap = hs_snapshot_new ();
  g_autoptr (HsScene) scene = NULL;
  g_autofree char *path = tmp_path ("long.dot");
  g_autofree char *data = NULL;
  g_autofree char *text = g_strnfill (20000, 'x');
  HsSnapObject *str = fx_object (snap, 30, HS_SNAP_PRIMITIVE, "str");
  Agraph_t *g;

  str->label = g_strdup_printf ("'%s'", text);
  hs_snap_frame_add_var (fx_module (snap), "s", hs_snap_value_ref (30));
  fixture_finish (snap);
  g_assert_true (hs_export_dot (snap, NULL, path, NULL));
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_null (strstr (data, text));
  g = agmemread (data);
  g_assert_nonnull (g);
  agclose (g);
  scene = render (snap);
  g_assert_cmpfloat (scene->width, <, 1000);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("heapscope-export-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_test_add_func ("/diagram/export/png-scaled", test_png_scaled);
  g_test_add_func ("/diagram/export/png-bad-path", test_png_bad_path);
  g_test_add_func ("/diagram/export/svg-parses", test_svg_parses);
  g_test_add_func ("/diagram/export/pdf-one-step", test_pdf_one_step);
  g_test_add_func ("/diagram/export/pdf-pages", test_pdf_pages);
  g_test_add_func ("/diagram/export/dot-reads-back", test_dot_reads_back);
  g_test_add_func ("/diagram/export/dot-long-string", test_dot_long_string);
  status = g_test_run ();
  if (g_getenv ("HS_KEEP_EXPORTS") == NULL)
    {
      const char *names[]
          = { "tree.png", "dict.svg", "aliasing.pdf", "steps.pdf", "list.dot", "long.dot" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = tmp_path (names[i]);

          g_unlink (path);
        }
      g_rmdir (tmpdir);
    }
  g_free (tmpdir);
  hs_diagram_shutdown ();
  return status;
}
