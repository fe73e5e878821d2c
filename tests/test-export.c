/* test-export.c — hs_export_steps, the one export function of the window and the CLI:
 * PNG signature and scaled size, SVG that parses, PDFs with one page per step all of one
 * size and titled by the line just run, DOT that Graphviz reads back, and exports that
 * fail leaving no file behind.
 */
#define _GNU_SOURCE
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gif_lib.h>

#include "hs-export.h"
#include "diagram-fixtures.h"

static char *tmpdir;

/* A program whose diagram grows step by step (so pages would differ in size). */
static const char growing[] = "a = [1, 2]\n"
                              "b = a\n"
                              "c = {'key': [a, b], 'other': (1, 2, 3)}\n"
                              "d = [c, c, a, 'a longer string to widen the picture']\n";

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static HsTrace *
record (const char *source)
{
  HsTraceOptions opts;

  hs_trace_options_init (&opts);
  return hs_trace_record (source, strlen (source), "/tmp/prog.py", &opts, NULL);
}

static void
settings_for (HsExportSettings *s, HsTrace *trace, const char *format, int first, int last)
{
  hs_export_settings_init (s);
  s->format = hs_export_format_lookup (format);
  g_assert_nonnull (s->format);
  s->trace = trace;
  s->first = first;
  s->last = last;
}

/* Exports and checks that exactly the expected paths were written. */
static void
export_ok (const HsExportSettings *s, const char *path, guint n_files)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) written = hs_export_steps (s, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (written);
  g_assert_cmpuint (g_strv_length (written), ==, n_files);
  for (guint i = 0; i < n_files; i++)
    g_assert_true (g_file_test (written[i], G_FILE_TEST_IS_REGULAR));
}

/* Nothing but `expected` files in the test folder (no temporary file left over). */
static void
assert_dir_holds (guint expected)
{
  g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, expected);
}

static void
empty_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = tmp_path (name);

      g_unlink (path);
    }
}

static guint32
read_be32 (const guchar *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

static void
test_png_scaled (void)
{
  g_autoptr (HsTrace) trace = record (growing);
  int last = hs_trace_get_n_steps (trace) - 1;
  g_autoptr (HsSnapshot) snap = hs_trace_view (trace, last, 0);
  g_autoptr (HsScene) scene = hs_diagram_render (snap, NULL, NULL);
  g_autofree char *path = tmp_path ("tree.png");
  g_autofree char *data = NULL;
  HsExportSettings s;
  gsize len;

  empty_dir ();
  settings_for (&s, trace, "png", last, last);
  s.scale = 2.0;
  export_ok (&s, path, 1);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (read_be32 ((guchar *)data + 16), ==, (guint32)ceil (scene->width * 2));
  g_assert_cmpuint (read_be32 ((guchar *)data + 20), ==, (guint32)ceil (scene->height * 2));
  assert_dir_holds (1);
}

/* A PNG that would pass cairo's 32,767 pixels a side is drawn smaller, and says so. */
static void
test_png_too_big (void)
{
  g_autoptr (HsTrace) trace = record ("xs = [str(i) * 30 for i in range(19)]\n");
  int last = hs_trace_get_n_steps (trace) - 1;
  g_autofree char *path = tmp_path ("wide.png");
  g_autofree char *data = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  HsExportSettings s;
  gsize len;

  empty_dir ();
  settings_for (&s, trace, "png", last, last);
  s.scale = 16.0;
  s.notes = notes;
  export_ok (&s, path, 1);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (read_be32 ((guchar *)data + 16), <=, 32767);
  g_assert_cmpuint (read_be32 ((guchar *)data + 16), >, 30000);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (notes->pdata[0], "% of the size asked for"));
  assert_dir_holds (1);
}

static void
test_png_bad_path (void)
{
  g_autoptr (HsTrace) trace = record (growing);
  g_autoptr (GError) error = NULL;
  HsExportSettings s;

  settings_for (&s, trace, "png", 0, 0);
  s.theme = hs_theme_get (HS_THEME_DARK);
  g_assert_null (hs_export_steps (&s, "/nonexistent-dir/x.png", &error));
  g_assert_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/x.png"));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
}

static HsScene *
fail_at_step_3 (HsTrace *trace, int k, gpointer user_data, GError **error)
{
  g_autoptr (HsSnapshot) snap = NULL;

  if (k == 2)
    {
      g_set_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_LAYOUT, "refused on purpose");
      return NULL;
    }
  snap = hs_trace_view (trace, k, 0);
  return hs_diagram_render (snap, NULL, error);
}

/* A failure in the middle of an export of several files or pages leaves none of them. */
static void
test_failure_leaves_nothing (void)
{
  const char *formats[] = { "png", "svg", "pdf-pages" };
  g_autoptr (HsTrace) trace = record (growing);
  g_autofree char *path = tmp_path ("steps.out");

  empty_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (GError) error = NULL;
      HsExportSettings s;

      settings_for (&s, trace, formats[i], 0, hs_trace_get_n_steps (trace) - 1);
      s.layout = fail_at_step_3;
      g_assert_null (hs_export_steps (&s, path, &error));
      g_assert_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_LAYOUT);
      g_assert_nonnull (strstr (error->message, "refused on purpose"));
      g_assert_nonnull (strstr (error->message, "steps"));
      assert_dir_holds (0);
    }
}

/* Several files: numbered from the step, all written. */
static void
test_numbered_files (void)
{
  g_autoptr (HsTrace) trace = record (growing);
  g_autofree char *path = tmp_path ("all.svg");
  g_autofree char *second = tmp_path ("all-002.svg");
  g_autofree char *big = hs_export_numbered_path ("/x/d.v1/name", 41, 12000);
  HsExportSettings s;
  int n = hs_trace_get_n_steps (trace);

  empty_dir ();
  settings_for (&s, trace, "svg", 0, n - 1);
  export_ok (&s, path, n);
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  assert_dir_holds (n);
  g_assert_cmpstr (big, ==, "/x/d.v1/name-00042");
}

typedef struct
{
  GString *text;  /* all text of <text> elements, "|"-separated */
  guint n_groups; /* <g> with an id */
  guint n_titles; /* <title> elements */
  gboolean in_text;
} SvgCensus;

static void
svg_start (GMarkupParseContext *ctx, const char *name, const char **attrs, const char **values,
           gpointer data, GError **error)
{
  SvgCensus *c = data;

  c->in_text = g_str_equal (name, "text");
  if (g_str_equal (name, "title"))
    c->n_titles++;
  if (g_str_equal (name, "text"))
    for (guint i = 0; attrs[i]; i++)
      if (g_str_equal (attrs[i], "font-family"))
        g_assert_true (g_str_has_suffix (values[i], "sans-serif")
                       || g_str_has_suffix (values[i], "monospace"));
  for (guint i = 0; g_str_equal (name, "g") && attrs[i]; i++)
    if (g_str_equal (attrs[i], "id"))
      c->n_groups++;
}

static void
svg_end (GMarkupParseContext *ctx, const char *name, gpointer data, GError **error)
{
  ((SvgCensus *)data)->in_text = FALSE;
}

static void
svg_chars (GMarkupParseContext *ctx, const char *text, gsize len, gpointer data, GError **error)
{
  SvgCensus *c = data;

  if (c->in_text)
    g_string_append_printf (c->text, "%.*s|", (int)len, text);
}

static void
test_svg_parses (void)
{
  g_autoptr (HsTrace) trace = record (growing);
  g_autofree char *path = tmp_path ("dict.svg");
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HsSnapshot) snap = NULL;
  g_autoptr (HsScene) scene = NULL;
  GMarkupParser parser = { svg_start, svg_end, svg_chars, NULL, NULL };
  SvgCensus census = { g_string_new (NULL), 0, 0, FALSE };
  GMarkupParseContext *context;
  HsExportSettings s;
  int last = hs_trace_get_n_steps (trace) - 1;
  gsize len;

  snap = hs_trace_view (trace, last, 0);
  scene = hs_diagram_render (snap, NULL, NULL);
  settings_for (&s, trace, "svg", last, last);
  s.theme = hs_theme_get (HS_THEME_HIGH_CONTRAST);
  export_ok (&s, path, 1);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_nonnull (strstr (data, "<svg"));
  context = g_markup_parse_context_new (&parser, 0, &census, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, len, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  /* real text: the variable names, a value, the key of the dict, a type */
  for (guint i = 0; i < 5; i++)
    {
      const char *expected[] = { "|a|", "|b|", "|d|", "|'key'|", "|list|" };

      g_assert_nonnull (strstr (census.text->str, expected[i]));
    }
  /* a group and a title per node */
  g_assert_cmpuint (census.n_titles, ==, scene->nodes->len);
  g_assert_cmpuint (census.n_groups, >, census.n_titles);
  g_assert_null (strstr (data, "<symbol")); /* no glyph outlines */
  g_string_free (census.text, TRUE);
}

/* The PDF's pages: their count and every MediaBox (cairo writes page dictionaries
 * uncompressed). */
static GPtrArray *
pdf_media_boxes (const char *path)
{
  g_autofree char *data = NULL;
  GPtrArray *boxes = g_ptr_array_new_with_free_func (g_free);
  const char *needle = "/MediaBox [";
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  /* memmem, not g_strstr_len: the PDF's binary streams contain NUL bytes. */
  for (const char *p = data; (p = memmem (p, len - (p - data), needle, strlen (needle))) != NULL;
       p += strlen (needle))
    {
      const char *end = memchr (p, ']', len - (p - data));

      g_assert_nonnull (end);
      g_ptr_array_add (boxes, g_strndup (p + strlen (needle), end - p - strlen (needle)));
    }
  return boxes;
}

static void
test_pdf_one_step (void)
{
  g_autoptr (HsTrace) trace = record (growing);
  g_autofree char *path = tmp_path ("aliasing.pdf");
  g_autoptr (GPtrArray) boxes = NULL;
  HsExportSettings s;

  settings_for (&s, trace, "pdf", 2, 2);
  export_ok (&s, path, 1);
  boxes = pdf_media_boxes (path);
  g_assert_cmpuint (boxes->len, ==, 1);
}

/* One page per step, every page of one size: the largest step's, or a fixed size. */
static void
test_pdf_pages (void)
{
  g_autoptr (HsTrace) trace = record (growing);
  g_autofree char *path = tmp_path ("steps.pdf");
  HsExportSettings s;
  int n = hs_trace_get_n_steps (trace);
  const struct
  {
    HsPageSize size;
    const char *box;
  } sizes[] = {
    { HS_PAGE_FIT, NULL },
    { HS_PAGE_A4, " 0 0 595.276 841.89 " },
    { HS_PAGE_A4_LANDSCAPE, " 0 0 841.89 595.276 " },
    { HS_PAGE_16_9, " 0 0 960 540 " },
  };

  g_assert_cmpint (n, >=, 4);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr (GPtrArray) boxes = NULL;

      settings_for (&s, trace, "pdf-pages", 0, n - 1);
      s.page_size = sizes[i].size;
      export_ok (&s, path, 1);
      boxes = pdf_media_boxes (path);
      g_assert_cmpuint (boxes->len, ==, n);
      for (guint p = 1; p < boxes->len; p++)
        g_assert_cmpstr (boxes->pdata[p], ==, boxes->pdata[0]);
      if (sizes[i].box)
        g_assert_cmpstr (boxes->pdata[0], ==, sizes[i].box);
    }
}

/* Step k shows the memory after step k-1's line: the title names that line. */
static void
test_step_titles (void)
{
  g_autoptr (HsTrace) trace = record (growing);
  g_autofree char *first = hs_export_step_title (trace, 0);
  g_autofree char *second = hs_export_step_title (trace, 1);
  g_autofree char *third = hs_export_step_title (trace, 2);

  g_assert_cmpstr (first, ==, "Step 1 — start");
  g_assert_cmpstr (second, ==, "Step 2 — line 1: a = [1, 2]");
  g_assert_cmpstr (third, ==, "Step 3 — line 2: b = a");
}

/* One frame per step and per tween, all of one size. */
static void
test_gif_frames (void)
{
  g_autoptr (HsTrace) trace = record (growing);
  g_autofree char *path = tmp_path ("steps.gif");
  HsExportSettings s;
  GifFileType *gif;
  int code = 0;

  settings_for (&s, trace, "gif", 1, 3);
  s.tween_frames = 3;
  export_ok (&s, path, 1);
  gif = DGifOpenFileName (path, &code);
  g_assert_nonnull (gif);
  g_assert_cmpint (DGifSlurp (gif), ==, GIF_OK);
  g_assert_cmpint (gif->ImageCount, ==, 3 + 2 * 3);
  for (int i = 0; i < gif->ImageCount; i++)
    {
      g_assert_cmpint (gif->SavedImages[i].ImageDesc.Width, ==, gif->SWidth);
      g_assert_cmpint (gif->SavedImages[i].ImageDesc.Height, ==, gif->SHeight);
    }
  g_assert_nonnull (gif->SColorMap);
  DGifCloseFile (gif, &code);
}

/* An animation that would pass cairo's 32,767 pixels a side (or the frames' memory) is
 * drawn smaller, and says so; every frame has the canvas's size. */
static void
test_gif_too_big (void)
{
  g_autoptr (HsTrace) trace = record ("xs = [str(i) * 30 for i in range(19)]\n");
  int last = hs_trace_get_n_steps (trace) - 1;
  g_autofree char *path = tmp_path ("wide.gif");
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  HsExportSettings s;
  GifFileType *gif;
  int code = 0;

  settings_for (&s, trace, "gif", last - 1, last);
  s.scale = 16.0;
  s.notes = notes;
  export_ok (&s, path, 1);
  gif = DGifOpenFileName (path, &code);
  g_assert_nonnull (gif);
  g_assert_cmpint (DGifSlurp (gif), ==, GIF_OK);
  g_assert_cmpint (gif->SWidth, <=, 32767);
  g_assert_cmpint ((gint64)gif->SWidth * gif->SHeight, <=, 16000000 + gif->SWidth + gif->SHeight);
  g_assert_cmpint (gif->SWidth, >, 1000);
  g_assert_cmpint (gif->SavedImages[gif->ImageCount - 1].ImageDesc.Width, ==, gif->SWidth);
  DGifCloseFile (gif, &code);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (notes->pdata[0], "% of the size asked for"));
}

static void
test_format_table (void)
{
  guint n;
  const HsExportFormat *formats = hs_export_formats (&n);
  g_autofree char *list = hs_export_extensions_list ();

  g_assert_cmpuint (n, >=, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strconcat ("x", formats[i].extension, NULL);

      g_assert_true (hs_export_format_lookup (formats[i].id) == &formats[i]);
      g_assert_nonnull (formats[i].write);
      g_assert_nonnull (strstr (list, formats[i].extension));
      g_assert_nonnull (hs_export_format_for_path (name, formats[i].multi_page));
    }
  g_assert_cmpstr (hs_export_format_for_path ("A.PDF", TRUE)->id, ==, "pdf-pages");
  g_assert_cmpstr (hs_export_format_for_path ("a.pdf", FALSE)->id, ==, "pdf");
  g_assert_null (hs_export_format_for_path ("a.bmp", FALSE));
}

static void
write_dot (HsSnapshot *snap, const char *path)
{
  g_autoptr (HsDiagram) diagram = NULL;
  HsDiagramOptions opts;
  FILE *file = fopen (path, "w");

  hs_diagram_options_init (&opts);
  opts.cell_text = TRUE;
  diagram = hs_diagram_new (snap, &opts);
  g_assert_true (hs_diagram_write_dot (diagram, file, NULL));
  fclose (file);
}

static void
test_dot_reads_back (void)
{
  g_autoptr (HsSnapshot) snap = fixture_linked_list (3);
  g_autofree char *path = tmp_path ("list.dot");
  g_autofree char *data = NULL;
  Agraph_t *g;
  guint nodes = 0;

  write_dot (snap, path);
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

/* The DOT row of the table writes the same through hs_export_steps. */
static void
test_dot_export (void)
{
  g_autoptr (HsTrace) trace = record (growing);
  g_autofree char *path = tmp_path ("step.dot");
  g_autofree char *data = NULL;
  HsExportSettings s;
  Agraph_t *g;

  settings_for (&s, trace, "dot", 1, 1);
  export_ok (&s, path, 1);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g = agmemread (data);
  g_assert_nonnull (g);
  agclose (g);
}

/* A 20,000-character string object (heap primitives): its box shows a shortened value,
 * so the DOT label stays under Graphviz's 16 KiB limit for an HTML string and the file
 * reads back. */
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
  write_dot (snap, path);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_null (strstr (data, text));
  g = agmemread (data);
  g_assert_nonnull (g);
  agclose (g);
  scene = hs_diagram_render (snap, NULL, NULL);
  g_assert_cmpfloat (scene->width, <, 1000);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("heapscope-export-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_test_add_func ("/diagram/export/format-table", test_format_table);
  g_test_add_func ("/diagram/export/png-scaled", test_png_scaled);
  g_test_add_func ("/diagram/export/png-too-big", test_png_too_big);
  g_test_add_func ("/diagram/export/png-bad-path", test_png_bad_path);
  g_test_add_func ("/diagram/export/failure-leaves-nothing", test_failure_leaves_nothing);
  g_test_add_func ("/diagram/export/numbered-files", test_numbered_files);
  g_test_add_func ("/diagram/export/svg-parses", test_svg_parses);
  g_test_add_func ("/diagram/export/pdf-one-step", test_pdf_one_step);
  g_test_add_func ("/diagram/export/pdf-pages", test_pdf_pages);
  g_test_add_func ("/diagram/export/step-titles", test_step_titles);
  g_test_add_func ("/diagram/export/gif-frames", test_gif_frames);
  g_test_add_func ("/diagram/export/gif-too-big", test_gif_too_big);
  g_test_add_func ("/diagram/export/dot-reads-back", test_dot_reads_back);
  g_test_add_func ("/diagram/export/dot-export", test_dot_export);
  g_test_add_func ("/diagram/export/dot-long-string", test_dot_long_string);
  status = g_test_run ();
  if (g_getenv ("HS_KEEP_EXPORTS") == NULL)
    {
      empty_dir ();
      g_rmdir (tmpdir);
    }
  g_free (tmpdir);
  hs_diagram_shutdown ();
  return status;
}
