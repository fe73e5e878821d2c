/* heapscope-window-files.c — the window's file handling: open, save, autosave, restore.
 *
 * Invariants:
 * - Unsaved text is written to the window's own autosave slot at most AUTOSAVE_SECONDS
 *   after an edit, before every run and when the window closes, so a crash loses only
 *   seconds of typing; a slot holds only text that is not saved anywhere else.
 * - A slot's N.clean marker says its window closed normally; without it the text is
 *   restored but not run until the user asks (the run may be what stopped the app).
 * - Saving is atomic: the file on disk is the old text or the new, never a part of
 *   either; a failed save changes nothing: the buffer, its modified flag and `file` stay.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heapscope-examples.h"
#include "heapscope-window-private.h"

/* ---- files ---- */

/* Each window autosaves to its own slot: <data dir>/heapscope/autosave/N.py holds the
 * buffer and N.uri the file it belongs to (absent for an unsaved buffer). Slots in use by
 * a window of this process are in `slots_taken`; a slot with files on disk is not free
 * either, so that a window opened on a file never overwrites a buffer waiting to be
 * restored. */
static GHashTable *slots_taken;

static char *
slot_path (guint slot, const char *ext)
{
  g_autofree char *name = g_strdup_printf ("%u.%s", slot, ext);

  return g_build_filename (g_get_user_data_dir (), "heapscope", "autosave", name, NULL);
}

static void
take_slot (HeapscopeWindow *self, guint slot)
{
  if (slots_taken == NULL)
    slots_taken = g_hash_table_new (NULL, NULL);
  g_hash_table_add (slots_taken, GUINT_TO_POINTER (slot));
  self->autosave_slot = slot;
}

static guint
window_slot (HeapscopeWindow *self)
{
  guint slot = 1;

  if (self->autosave_slot != 0)
    return self->autosave_slot;
  for (;; slot++)
    {
      g_autofree char *path = slot_path (slot, "py");

      if ((slots_taken == NULL || !g_hash_table_contains (slots_taken, GUINT_TO_POINTER (slot)))
          && !g_file_test (path, G_FILE_TEST_EXISTS))
        break;
    }
  take_slot (self, slot);
  return slot;
}

void
_heapscope_window_release_slot (HeapscopeWindow *self)
{
  if (self->autosave_slot != 0 && slots_taken != NULL)
    g_hash_table_remove (slots_taken, GUINT_TO_POINTER (self->autosave_slot));
  self->autosave_slot = 0;
}

static void
unlink_slot (guint slot)
{
  static const char *const exts[] = { "py", "uri", "clean" };

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    {
      g_autofree char *path = slot_path (slot, exts[i]);
      g_unlink (path);
    }
}

/* A window closed on purpose while others stay open leaves nothing to restore. */
static void
forget_autosave (HeapscopeWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  unlink_slot (window_slot (self));
}

/* Only unsaved text is kept: a buffer equal to its file (or to an example) has nothing
 * to restore, so starting with no file brings back only what would otherwise be lost. */
void
_heapscope_window_autosave_now (HeapscopeWindow *self)
{
  g_autofree char *path = slot_path (window_slot (self), "py");
  g_autofree char *uri_path = slot_path (window_slot (self), "uri");
  g_autofree char *clean_path = slot_path (window_slot (self), "clean");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : NULL;
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!_heapscope_window_buffer_modified (self))
    {
      unlink_slot (window_slot (self));
      return;
    }
  text = heapscope_editor_dup_text (self->editor);
  /* the window lives: if the process dies now, the exit was not clean */
  g_unlink (clean_path);
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error)
      || (uri != NULL
          && !g_file_set_contents_full (uri_path, uri, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                        &error)))
    {
      g_debug ("autosave failed: %s", error ? error->message : g_strerror (errno));
      return;
    }
  if (uri == NULL)
    g_unlink (uri_path);
}

static gboolean
autosave_timeout (gpointer data)
{
  HeapscopeWindow *self = data;

  self->autosave_id = 0;
  _heapscope_window_autosave_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
live_timeout (gpointer data)
{
  HeapscopeWindow *self = data;

  self->live_id = 0;
  heapscope_window_run (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (GtkTextBuffer *buffer, HeapscopeWindow *self)
{
  if (self->loading)
    return;
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_timeout, self);
  if (g_settings_get_boolean (self->settings, "live-run"))
    {
      /* debounce: run once typing pauses */
      g_clear_handle_id (&self->live_id, g_source_remove);
      self->live_id = g_timeout_add (LIVE_DELAY_MS, live_timeout, self);
    }
}

static void
on_modified_changed (GtkTextBuffer *buffer, HeapscopeWindow *self)
{
  _heapscope_window_update_title (self);
}

static void
set_text (HeapscopeWindow *self, const char *text, gboolean modified)
{
  GtkTextBuffer *buf = GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor));

  self->loading = TRUE;
  heapscope_editor_set_text (self->editor, text);
  heapscope_editor_clear_error (self->editor);
  gtk_text_buffer_set_modified (buf, modified);
  self->loading = FALSE;
  self->have_run = FALSE;
  self->step = 0;
  _heapscope_window_forget_answers (self);
  _heapscope_window_stop_playing (self);
  _heapscope_window_update_title (self);
}

static void
add_recent (HeapscopeWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (self->recent, uri);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HeapscopeWindow) self = user_data;
  GFile *file = G_FILE (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_load_contents_finish (file, result, &contents, &len, NULL, &error))
    {
      g_autofree char *msg = g_strdup_printf (_ ("Could not open “%s”: %s"),
                                              g_file_peek_path (file), error->message);
      heapscope_window_add_toast (self, msg);
      return;
    }
  if (!g_utf8_validate (contents, len, NULL))
    {
      heapscope_window_add_toast (self, _ ("The file is not UTF-8 text"));
      return;
    }
  g_set_object (&self->file, file);
  g_clear_pointer (&self->example_name, g_free);
  set_text (self, contents, FALSE);
  add_recent (self, file);
  _heapscope_window_autosave_now (self);
  heapscope_window_run (self);
}

void
heapscope_window_open_file (HeapscopeWindow *self, GFile *file)
{
  g_return_if_fail (HEAPSCOPE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_file_load_contents_async (file, NULL, load_done, g_object_ref (self));
}

gboolean
heapscope_window_load_example (HeapscopeWindow *self, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), FALSE);
  text = heapscope_examples_load (name, &error);
  if (text == NULL)
    {
      heapscope_window_add_toast (self, error->message);
      return FALSE;
    }
  g_clear_object (&self->file);
  g_free (self->example_name);
  self->example_name = g_strdup (name);
  set_text (self, text, FALSE);
  heapscope_window_run (self);
  return TRUE;
}

static gboolean
load_first_example (HeapscopeWindow *self)
{
  g_auto (GStrv) names = heapscope_examples_list ();

  if (g_strv_contains ((const char *const *)names, DEFAULT_EXAMPLE))
    return heapscope_window_load_example (self, DEFAULT_EXAMPLE);
  return names[0] && heapscope_window_load_example (self, names[0]);
}

/* The file an autosaved buffer belongs to, or NULL for an unsaved one. */
static GFile *
slot_file (guint slot)
{
  g_autofree char *uri_path = slot_path (slot, "uri");
  g_autofree char *uri = NULL;

  return g_file_get_contents (uri_path, &uri, NULL, NULL) && *uri ? g_file_new_for_uri (uri) : NULL;
}

/* The text autosaved in `slot`, or NULL when there is none worth restoring: blank, or
 * what its file holds already (slots an older version kept for every file opened). */
static char *
read_slot (guint slot)
{
  g_autofree char *path = slot_path (slot, "py");
  g_autofree char *text = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr (GFile) file = slot_file (slot);
  const char *p;

  if (!g_file_get_contents (path, &text, NULL, NULL) || !g_utf8_validate (text, -1, NULL))
    return NULL;
  for (p = text; g_ascii_isspace (*p); p++)
    ;
  if (*p == '\0'
      || (file != NULL && g_file_load_contents (file, NULL, &on_disk, NULL, NULL, NULL)
          && g_str_equal (on_disk, text)))
    {
      unlink_slot (slot);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* A buffer left by a window that closed runs again; one left by a crash (which may have
 * been the program's doing) waits, with a banner, until the user runs it. */
static void
restore_slot (HeapscopeWindow *self, guint slot, const char *text)
{
  g_autofree char *clean_path = slot_path (slot, "clean");
  gboolean clean = g_file_test (clean_path, G_FILE_TEST_EXISTS);

  take_slot (self, slot);
  g_clear_object (&self->file);
  self->file = slot_file (slot);
  set_text (self, text, TRUE);
  g_unlink (clean_path);
  if (clean)
    heapscope_window_run (self);
  else
    {
      self->restored_unrun = TRUE;
      _heapscope_window_update_banner (self);
    }
}

static int
compare_slots (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* The slots with a buffer on disk that no window of this process holds, in order. */
static GArray *
slots_to_restore (void)
{
  g_autofree char *any = slot_path (1, "py");
  g_autofree char *dir_path = g_path_get_dirname (any);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      guint slot;
      char *end;

      slot = (guint)g_ascii_strtoull (name, &end, 10);
      if (slot > 0 && g_str_equal (end, ".py")
          && (slots_taken == NULL || !g_hash_table_contains (slots_taken, GUINT_TO_POINTER (slot))))
        g_array_append_val (slots, slot);
    }
  g_array_sort (slots, compare_slots);
  return slots;
}

HeapscopeWindow *
heapscope_window_restore_session (HeapscopeApplication *app)
{
  g_autoptr (GArray) slots = slots_to_restore ();
  HeapscopeWindow *win = NULL;

  for (guint i = 0; i < slots->len; i++)
    {
      guint slot = g_array_index (slots, guint, i);
      g_autofree char *text = read_slot (slot);

      if (text == NULL)
        continue;
      win = heapscope_window_new (app);
      restore_slot (win, slot, text);
      gtk_window_present (GTK_WINDOW (win));
    }
  if (win == NULL)
    {
      win = heapscope_window_new (app);
      load_first_example (win);
      gtk_window_present (GTK_WINDOW (win));
    }
  return win;
}

static GtkFileFilter *
python_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Python Programs"));
  gtk_file_filter_add_pattern (filter, "*.py");
  gtk_file_filter_add_mime_type (filter, "text/x-python");
  gtk_file_filter_add_mime_type (filter, "text/x-python3");
  return filter;
}

gboolean
_heapscope_window_buffer_modified (HeapscopeWindow *self)
{
  return gtk_text_buffer_get_modified (
      GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor)));
}

/* Opens `file` here, or in a new window when this one holds unsaved changes. */
void
_heapscope_window_open_here_or_new (HeapscopeWindow *self, GFile *file)
{
  if (_heapscope_window_buffer_modified (self))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      HeapscopeWindow *win = heapscope_window_new (HEAPSCOPE_APPLICATION (app));

      heapscope_window_open_file (win, file);
      gtk_window_present (GTK_WINDOW (win));
      return;
    }
  heapscope_window_open_file (self, file);
}

/* Writes a complete file beside the target, syncs it and renames it over the target, so
 * the target is either the old text or the new one, never a part (a full disk, a quota, a
 * crash mid-write). GIO's replace, used before, rewrote a local file in place: a full
 * disk left it empty or cut short. The mode of the file replaced is kept, and a symbolic
 * link stays a link to the file it names. */
static gboolean
write_atomically (GFile *file, GBytes *bytes, GError **error)
{
  g_autofree char *target = NULL;
  const char *path = g_file_peek_path (file);
  struct stat st;
  int mode = 0666;

  if (path == NULL) /* not a local file: the backend's replace is all there is */
    return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                    error);
  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path); /* a new file */
  if (g_stat (target, &st) == 0 && S_ISREG (st.st_mode))
    mode = st.st_mode & 07777;
  return g_file_set_contents_full (target, g_bytes_get_data (bytes, NULL),
                                   (gssize)g_bytes_get_size (bytes), G_FILE_SET_CONTENTS_CONSISTENT,
                                   mode, error);
}

static void
save_thread (GTask *task, gpointer source, gpointer bytes, GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_atomically (G_FILE (source), bytes, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HeapscopeWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  GFile *file = G_FILE (source);
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->session == NULL)
    return; /* the window closed meanwhile; its autosave holds the text */
  if (!ok)
    {
      g_autofree char *where = g_file_get_parse_name (file);
      g_autofree char *body = g_strdup_printf (
          _ ("“%s” could not be written: %s\n\nYour program is still here, unsaved. Save it "
             "somewhere else with Save As."),
          where, error->message);

      _heapscope_window_show_error_dialog (self, _ ("Could Not Save"), body);
      self->close_after_save = FALSE;
      _heapscope_window_emit_save_finished (self, error->message);
      return;
    }
  /* only a file that was written becomes the window's file */
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      g_clear_pointer (&self->example_name, g_free);
    }
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor)),
                                FALSE);
  add_recent (self, file);
  _heapscope_window_autosave_now (self);
  _heapscope_window_update_title (self);
  _heapscope_window_emit_save_finished (self, NULL);
  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_to_file (HeapscopeWindow *self, GFile *file)
{
  g_autofree char *text = heapscope_editor_dup_text (self->editor);
  g_autoptr (GBytes) bytes = NULL;
  gsize len = strlen (text);

  g_autoptr (GTask) task = NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&text), len);
  task = g_task_new (file, NULL, save_done, g_object_ref (self));
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify)g_bytes_unref);
  g_task_run_in_thread (task, save_thread);
}

void
heapscope_window_save_to (HeapscopeWindow *self, GFile *file)
{
  g_return_if_fail (HEAPSCOPE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  save_to_file (self, file);
}

void
_heapscope_window_save (HeapscopeWindow *self)
{
  if (self->file == NULL)
    {
      _heapscope_window_save_as (self);
      return;
    }
  save_to_file (self, self->file);
}

static void
save_as_response (GtkNativeDialog *dialog, int response, HeapscopeWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      save_to_file (self, file);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (dialog);
}

void
_heapscope_window_save_as (HeapscopeWindow *self)
{
  GtkFileChooserNative *dialog
      = gtk_file_chooser_native_new (_ ("Save Program"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  g_autofree char *name = _heapscope_window_display_name (self);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), python_filter ());
  if (self->file)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
rebuild_recent_menu (HeapscopeWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  guint added = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l && added < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr (GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".py") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_submenu, item);
      added++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

static void
open_response (GtkNativeDialog *dialog, int response, HeapscopeWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      _heapscope_window_open_here_or_new (self, file);
    }
  g_object_unref (dialog);
}

void
_heapscope_window_choose_file_to_open (HeapscopeWindow *self)
{
  GtkFileChooserNative *dialog
      = gtk_file_chooser_native_new (_ ("Open Program"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), python_filter ());
  g_signal_connect (dialog, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- closing ---- */

static void
close_response (AdwMessageDialog *dialog, const char *response, HeapscopeWindow *self)
{
  if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      _heapscope_window_save (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      /* the user chose to lose these edits: do not bring them back next time */
      forget_autosave (self);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Asks about unsaved changes before the window closes; TRUE when the question is up
 * (the close waits for its answer). */
gboolean
_heapscope_window_ask_to_save (HeapscopeWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  if (self->close_confirmed || !_heapscope_window_buffer_modified (self))
    return FALSE;
  name = _heapscope_window_display_name (self);
  dialog = adw_message_dialog_new (window, _ ("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _ ("“%s” has unsaved changes. Changes which are not saved "
                                     "will be permanently lost."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "discard",
                                    _ ("_Discard"), "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* The last window's buffer comes back at the next start; with others still open, a
 * window closed on purpose (its changes saved or discarded) leaves nothing behind. */
void
_heapscope_window_autosave_on_close (HeapscopeWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_autofree char *clean_path = NULL;

  if (app != NULL && g_list_length (gtk_application_get_windows (app)) > 1)
    {
      forget_autosave (self);
      return;
    }
  if (self->close_confirmed)
    return;
  _heapscope_window_autosave_now (self);
  /* closed, not crashed: the text may run when it comes back */
  clean_path = slot_path (window_slot (self), "clean");
  if (_heapscope_window_buffer_modified (self))
    g_file_set_contents (clean_path, "", 0, NULL);
}

void
_heapscope_window_files_init (HeapscopeWindow *self)
{
  GtkTextBuffer *buf = GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor));

  g_signal_connect (buf, "changed", G_CALLBACK (on_buffer_changed), self);
  g_signal_connect (buf, "modified-changed", G_CALLBACK (on_modified_changed), self);
  g_signal_connect_swapped (self->recent, "changed", G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (self);
}
