/* test-app-share.c — the real window under Xvfb sharing its diagram: export through the
 * dialog's path (every format, ranges, what it remembers, failures), copy, print, and
 * opening a file dropped on it.
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <gif_lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app-test.h"
#include "heapscope-export-dialog.h"

typedef struct
{
  GStrv paths;
  char *error;
  gboolean done;
} ExportResult;

static void
on_export_finished (HeapscopeWindow *win, GStrv paths, const char *error, ExportResult *r)
{
  r->paths = g_strdupv (paths);
  r->error = g_strdup (error);
  r->done = TRUE;
}

/* Exports to path with the choices made in the dialog, and waits for the result. */
static void
export_to (HeapscopeWindow *win, HeapscopeExportDialog *dialog, const char *path, ExportResult *r)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  gulong id = g_signal_connect (win, "export-finished", G_CALLBACK (on_export_finished), r);

  memset (r, 0, sizeof *r);
  heapscope_export_dialog_export_to (dialog, file);
  wait_until_done (&r->done, "export");
  g_signal_handler_disconnect (win, id);
}

static void
export_through_dialog (HeapscopeWindow *win, const char *format, gboolean all, const char *path,
                       ExportResult *r)
{
  HeapscopeExportDialog *dialog = heapscope_export_dialog_new (win);

  heapscope_export_dialog_set_format (dialog, format);
  heapscope_export_dialog_set_all_steps (dialog, all);
  heapscope_export_dialog_set_scale (dialog, 1.5);
  export_to (win, dialog, path, r);
}

static void
assert_file_starts (const char *path, const char *magic)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, strlen (magic));
  g_assert_true (memcmp (data, magic, strlen (magic)) == 0);
}

/* Every page of the PDF has the first page's MediaBox, and (when pdftotext is there to
 * read them) the pages are titled from "Step 1 — start" on, as the CLI titles them. */
static void
assert_pdf_pages_alike (const char *data, gsize len)
{
  const char *needle = "/MediaBox [";
  g_autofree char *first = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int fd;

  for (const char *p = data; (p = memmem (p, len - (p - data), needle, strlen (needle))) != NULL;
       p += strlen (needle))
    {
      g_autofree char *box = g_strndup (p, strcspn (p, "]"));

      if (first == NULL)
        first = g_strdup (box);
      g_assert_cmpstr (box, ==, first);
    }
  g_assert_nonnull (first);
  if (pdftotext == NULL)
    return;
  fd = g_file_open_tmp ("heapscope-XXXXXX.pdf", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (write (fd, data, len) == (gssize)len);
  close (fd);
  {
    const char *argv[] = { pdftotext, path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text,
                                 NULL, NULL, NULL));
  }
  g_unlink (path);
  g_assert_nonnull (strstr (text, "Step 1 — start"));
  g_assert_nonnull (strstr (text, "Step 2 — line 4: a = [1, 2, 3]"));
}

/* An animated GIF of a range of steps from the dialog: a frame per step and per tween. */
static void
test_export_gif_range (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("heapscope-export-XXXXXX", NULL);
  g_autofree char *gif_path = g_build_filename (dir, "steps.gif", NULL);
  HeapscopeExportDialog *dialog;
  ExportResult r;
  GifFileType *gif;
  int code = 0;

  g_assert_true (heapscope_window_load_example (win, "aliasing.py"));
  wait_until (settled);
  dialog = heapscope_export_dialog_new (win);
  heapscope_export_dialog_set_format (dialog, "gif");
  heapscope_export_dialog_set_scale (dialog, 1.0);
  heapscope_export_dialog_set_range (dialog, 1, 3);
  export_to (win, dialog, gif_path, &r);
  g_assert_cmpstr (r.error, ==, NULL);
  gif = DGifOpenFileName (gif_path, &code);
  g_assert_nonnull (gif);
  g_assert_cmpint (DGifSlurp (gif), ==, GIF_OK);
  g_assert_cmpint (gif->ImageCount, ==, 3 + 2 * 4); /* 3 steps, 4 tweens between each two */
  DGifCloseFile (gif, &code);
  g_strfreev (r.paths);
  g_unlink (gif_path);
  g_rmdir (dir);
  close_window (win);
}

static void
test_export (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("heapscope-export-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "one.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "all.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pages.pdf", NULL);
  g_autofree char *pdf_data = NULL;
  ExportResult r;
  gsize pdf_len = 0;
  int n, pages = 0;

  g_assert_true (heapscope_window_load_example (win, "aliasing.py"));
  wait_until (settled);
  activate (win, "step-forward");
  n = heapscope_step_controls_get_n_steps (heapscope_window_get_step_controls (win));

  export_through_dialog (win, "png", FALSE, png, &r);
  g_assert_cmpstr (r.error, ==, NULL);
  g_assert_cmpuint (g_strv_length (r.paths), ==, 1);
  assert_file_starts (png, "\x89PNG");
  g_strfreev (r.paths);

  export_through_dialog (win, "svg", TRUE, svg, &r);
  g_assert_cmpstr (r.error, ==, NULL);
  g_assert_cmpuint (g_strv_length (r.paths), ==, n);
  for (guint i = 0; r.paths[i]; i++)
    assert_file_starts (r.paths[i], "<?xml");
  g_assert_true (g_str_has_suffix (r.paths[0], "all-001.svg"));
  g_strfreev (r.paths);

  export_through_dialog (win, "pdf-pages", FALSE, pdf, &r);
  g_assert_cmpstr (r.error, ==, NULL);
  assert_file_starts (pdf, "%PDF");
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_len, NULL));
  /* binary streams hold NULs: scan bytes, not a C string */
  for (gsize i = 0; i + 12 <= pdf_len; i++)
    if (memcmp (pdf_data + i, "/Type /Page", 11) == 0 && pdf_data[i + 11] != 's')
      pages++;
  g_assert_cmpint (pages, ==, n);
  assert_pdf_pages_alike (pdf_data, pdf_len);
  g_strfreev (r.paths);
  close_window (win);
}

/* The export dialog opens with the choices of the last export, and a row the format does
 * not use shows what the export will use: a multi-page PDF takes all steps. */
static void
test_export_remembers (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("heapscope-export-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "one.svg", NULL);
  HeapscopeExportDialog *dialog;
  HeapscopeExportRequest *req;
  ExportResult r;

  g_assert_true (heapscope_window_load_example (win, "aliasing.py"));
  wait_until (settled);
  export_through_dialog (win, "svg", FALSE, svg, &r);
  g_assert_cmpstr (r.error, ==, NULL);
  g_strfreev (r.paths);
  dialog = heapscope_export_dialog_new (win);
  req = heapscope_export_dialog_build_request (dialog, "x");
  g_assert_cmpstr (req->format->id, ==, "svg");
  g_assert_cmpfloat (req->scale, ==, 1.5);
  g_assert_false (req->all_steps);
  heapscope_export_request_free (req);
  heapscope_export_dialog_set_format (dialog, "pdf-pages");
  req = heapscope_export_dialog_build_request (dialog, "x");
  g_assert_true (req->all_steps);
  heapscope_export_request_free (req);
  heapscope_export_dialog_set_format (dialog, "png");
  req = heapscope_export_dialog_build_request (dialog, "x");
  g_assert_false (req->all_steps); /* the user's choice is back */
  heapscope_export_request_free (req);
  heapscope_export_dialog_set_range (dialog, 1, 3);
  req = heapscope_export_dialog_build_request (dialog, "x");
  g_assert_true (req->range);
  g_assert_cmpint (req->first, ==, 1);
  g_assert_cmpint (req->last, ==, 3);
  heapscope_export_request_free (req);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (svg);
  g_rmdir (dir);
  close_window (win);
}

typedef struct
{
  GBytes *bytes;
  gboolean done;
} ClipboardRead;

static void
clipboard_read_done (GObject *source, GAsyncResult *result, gpointer data)
{
  ClipboardRead *c = data;
  g_autoptr (GInputStream) in
      = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);

  c->bytes = in ? g_input_stream_read_bytes (in, 1 << 22, NULL, NULL) : NULL;
  c->done = TRUE;
}

/* win.copy-diagram puts the step on the clipboard as PNG and as an SVG with text. */
static void
test_copy_diagram (void)
{
  HeapscopeWindow *win = new_window ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (win));
  g_autoptr (GSettings) settings = g_settings_new ("io.github.heapscope.Heapscope");
  static const char *svg_type[] = { "image/svg+xml", NULL };
  ClipboardRead c = { NULL, FALSE };
  GdkContentFormats *formats;

  g_assert_true (heapscope_window_load_example (win, "aliasing.py"));
  wait_until (settled);
  activate (win, "step-last");
  activate (win, "copy-diagram");
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
  gdk_clipboard_read_async (clipboard, svg_type, G_PRIORITY_DEFAULT, NULL, clipboard_read_done, &c);
  wait_until_done (&c.done, "clipboard");
  g_assert_nonnull (c.bytes);
  g_assert_nonnull (
      g_strstr_len (g_bytes_get_data (c.bytes, NULL), g_bytes_get_size (c.bytes), "<text"));
  g_assert_nonnull (
      g_strstr_len (g_bytes_get_data (c.bytes, NULL), g_bytes_get_size (c.bytes), "badge-"));
  g_clear_pointer (&c.bytes, g_bytes_unref);
  /* without the window's badges, the copy has none either */
  g_settings_set_boolean (settings, "show-refcounts", FALSE);
  activate (win, "copy-diagram");
  c.done = FALSE;
  gdk_clipboard_read_async (clipboard, svg_type, G_PRIORITY_DEFAULT, NULL, clipboard_read_done, &c);
  wait_until_done (&c.done, "clipboard");
  g_assert_null (
      g_strstr_len (g_bytes_get_data (c.bytes, NULL), g_bytes_get_size (c.bytes), "badge-"));
  g_bytes_unref (c.bytes);
  g_settings_reset (settings, "show-refcounts");
  close_window (win);
}

/* win.print's operation, exporting to a PDF instead of showing the dialog. */
static void
test_print (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("heapscope-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (heapscope_window_load_example (win, "aliasing.py"));
  wait_until (settled);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "print"));
  g_assert_true (heapscope_window_print (win, pdf, &error));
  g_assert_no_error (error);
  assert_file_starts (pdf, "%PDF");
  g_unlink (pdf);
  g_rmdir (dir);
  close_window (win);
}

static gboolean
editor_has_dropped_text (HeapscopeWindow *win)
{
  g_autofree char *text = heapscope_editor_dup_text (heapscope_window_get_editor (win));

  return strstr (text, "dropped = 1") != NULL;
}

/* A .py file dropped on the window opens in it. */
static void
test_drop_file (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("heapscope-drop-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "dropped.py", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (win));
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_true (g_file_set_contents (path, "dropped = 1\n", -1, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr (GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c))
        target = GTK_DROP_TARGET (c);
    }
  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  wait_until (editor_has_dropped_text);
  g_unlink (path);
  g_rmdir (dir);
  close_window (win);
}

/* An export into a folder that does not exist shows an error. */
static void
test_export_fails (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("heapscope-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing", "one.png", NULL);
  ExportResult r;

  run_source (win, "a = [1]\n");
  export_through_dialog (win, "png", FALSE, path, &r);
  g_assert_nonnull (r.error);
  g_assert_null (r.paths);
  g_assert_cmpuint (close_error_dialogs (win), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_free (r.error);
  close_window (win);
}

int
main (int argc, char *argv[])
{
  int status;

  app_test_init (&argc, &argv);
  g_test_add_func ("/app/export/through-dialog", test_export);
  g_test_add_func ("/app/export/remembers", test_export_remembers);
  g_test_add_func ("/app/export/gif-range", test_export_gif_range);
  g_test_add_func ("/app/share/copy-diagram", test_copy_diagram);
  g_test_add_func ("/app/share/print", test_print);
  g_test_add_func ("/app/share/drop-file", test_drop_file);
  g_test_add_func ("/app/fault/export-fails", test_export_fails);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
