/* test-app.c — the real application window under Xvfb: load an example, run it, step
 * through actions, check what the widgets show; keep the text safe whatever the program
 * or the disk does. Sharing the diagram is test-app-share.c.
 */
#define _GNU_SOURCE
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../src/app/heapscope-examples.h" /* not the resource header of that name */
#include "app-test.h"

static const char *self_path; /* argv[0], to start this program again */

/* aliasing.py: step 0 is about to run `a = [1, 2, 3]` (line 4); step 1 is about to run
 * `b = a` with one list on the heap; the last step has printed everything. */
static void
test_example_steps (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *expected_label = NULL;
  g_autofree char *out = NULL;
  int n;

  g_assert_true (heapscope_window_load_example (win, "aliasing.py"));
  wait_until (settled);
  n = heapscope_step_controls_get_n_steps (heapscope_window_get_step_controls (win));
  g_assert_cmpint (n, >, 5);
  expected_label = g_strdup_printf ("Step 1 of %d", n);
  g_assert_cmpstr (step_label (win), ==, expected_label);
  g_assert_cmpuint (scene_nodes (win), ==, 1); /* the global frame only */

  activate (win, "step-forward");
  g_assert_cmpint (heapscope_window_get_step (win), ==, 1);
  g_free (expected_label);
  expected_label = g_strdup_printf ("Step 2 of %d", n);
  g_assert_cmpstr (step_label (win), ==, expected_label);
  g_assert_cmpuint (scene_nodes (win), ==, 2); /* frame + the list */
  out = console_text (win);
  g_assert_cmpstr (out, ==, "");

  activate (win, "step-last");
  g_assert_cmpint (heapscope_window_get_step (win), ==, n - 1);
  g_free (out);
  out = console_text (win);
  g_assert_true (g_str_has_prefix (out, "[1, 2, 3, 4]\nTrue\n"));
  g_assert_nonnull (strstr (out, "[1, 2, 3, 4] ['new']"));

  activate (win, "step-back");
  g_assert_cmpint (heapscope_window_get_step (win), ==, n - 2);
  activate (win, "step-first");
  g_assert_cmpint (heapscope_window_get_step (win), ==, 0);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "step-back"));
  close_window (win);
}

static void
test_rerun_keeps_step (void)
{
  HeapscopeWindow *win = new_window ();

  run_source (win, "x = 1\ny = [x]\nz = 3\nprint(z)\n");
  activate (win, "step-forward");
  activate (win, "step-forward");
  g_assert_cmpint (heapscope_window_get_step (win), ==, 2);
  run_source (win, "x = 1\ny = [x, x]\nz = 4\nprint(z)\n");
  g_assert_cmpint (heapscope_window_get_step (win), ==, 2);
  close_window (win);
}

static void
test_syntax_error (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *out = NULL;

  run_source (win, "x = (1,\n");
  out = console_text (win);
  g_assert_nonnull (strstr (out, "SyntaxError"));
  g_assert_cmpstr (step_label (win), ==, "No steps");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "step-forward"));
  close_window (win);
}

static void
test_runtime_error (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *out = NULL;

  run_source (win, "a = [1]\nprint('before')\nprint(a[3])\n");
  activate (win, "step-last");
  out = console_text (win);
  g_assert_true (g_str_has_prefix (out, "before\n"));
  g_assert_nonnull (strstr (out, "IndexError: list index out of range"));
  close_window (win);
}

static void
test_presentation (void)
{
  HeapscopeWindow *win = new_window ();

  g_assert_true (heapscope_window_load_example (win, "aliasing.py"));
  wait_until (settled);
  g_action_group_activate_action (G_ACTION_GROUP (win), "presentation", NULL);
  g_assert_true (heapscope_window_get_presenting (win));
  g_assert_cmpstr (heapscope_diagram_view_get_theme (heapscope_window_get_diagram (win)), !=, NULL);
  activate (win, "step-forward");
  g_action_group_activate_action (G_ACTION_GROUP (win), "presentation", NULL);
  g_assert_false (heapscope_window_get_presenting (win));
  close_window (win);
}

static gboolean
diagram_high_contrast (HeapscopeWindow *win)
{
  return g_strcmp0 (heapscope_diagram_view_get_theme (heapscope_window_get_diagram (win)),
                    "high-contrast")
         == 0;
}

/* The system's high-contrast setting reaches the diagram; the app's icon is found from the
 * build tree (it is in the resources). */
static void
test_high_contrast_and_icon (void)
{
  HeapscopeWindow *win = new_window ();
  GSettingsSchema *schema = g_settings_schema_source_lookup (
      g_settings_schema_source_get_default (), "org.gnome.desktop.a11y.interface", TRUE);
  g_autoptr (GSettings) a11y = NULL;

  g_assert_true (gtk_icon_theme_has_icon (
      gtk_icon_theme_get_for_display (gdk_display_get_default ()), HEAPSCOPE_APP_ID));
  g_assert_false (diagram_high_contrast (win));
  /* where libadwaita reads the setting without a portal (the GNOME desktop schemas) */
  if (schema == NULL)
    {
      g_test_message ("no org.gnome.desktop.a11y.interface schema: high contrast not checked");
      close_window (win);
      return;
    }
  g_settings_schema_unref (schema);
  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  wait_until (diagram_high_contrast);
  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  g_assert_false (diagram_high_contrast (win));
  close_window (win);
}

static const HsSceneNode *
find_object (HeapscopeWindow *win, const char *type_name)
{
  const HsScene *scene = heapscope_diagram_view_get_scene (heapscope_window_get_diagram (win));

  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);
      if (node->role == HS_SCENE_NODE_OBJECT
          && g_strcmp0 (heapscope_scene_node_type_name (node), type_name) == 0)
        return node;
    }
  return NULL;
}

/* Collapsing from the context menu shrinks the object and survives stepping. */
static void
test_collapse (void)
{
  HeapscopeWindow *win = new_window ();
  HeapscopeDiagramView *view = heapscope_window_get_diagram (win);
  const HsSceneNode *node;
  guint64 id;
  guint cells;

  g_assert_true (heapscope_window_load_example (win, "aliasing.py"));
  wait_until (settled);
  activate (win, "step-forward");
  node = find_object (win, "list");
  g_assert_nonnull (node);
  id = node->id;
  cells = node->cells->len;

  g_signal_emit_by_name (view, "toggle-collapsed", id);
  wait_until (settled);
  node = hs_scene_find_node (heapscope_diagram_view_get_scene (view), HS_SCENE_NODE_OBJECT, id);
  g_assert_nonnull (node);
  g_assert_cmpuint (node->cells->len, <, cells);

  activate (win, "step-forward");
  node = hs_scene_find_node (heapscope_diagram_view_get_scene (view), HS_SCENE_NODE_OBJECT, id);
  g_assert_nonnull (node);
  g_assert_cmpuint (node->cells->len, <, cells);

  g_signal_emit_by_name (view, "restore-all");
  wait_until (settled);
  node = hs_scene_find_node (heapscope_diagram_view_get_scene (view), HS_SCENE_NODE_OBJECT, id);
  g_assert_cmpuint (node->cells->len, >=, cells);
  close_window (win);
}

static char *
panel_text (HeapscopeWindow *win)
{
  return heapscope_explain_panel_dup_text (heapscope_window_get_explain (win));
}

/* Steps forward until the What happened panel contains `needle` (at most 40 steps). */
static char *
step_until_panel_says (HeapscopeWindow *win, const char *needle)
{
  for (int i = 0; i < 40; i++)
    {
      char *text = panel_text (win);

      if (strstr (text, needle) != NULL)
        return text;
      g_free (text);
      activate (win, "step-forward");
    }
  g_error ("the panel never said \"%s\"", needle);
}

static gboolean
line_has_mark (HeapscopeWindow *win, int line, const char *category)
{
  GtkSourceBuffer *buf = heapscope_editor_get_buffer (heapscope_window_get_editor (win));
  g_autoptr (GSList) marks = gtk_source_buffer_get_source_marks_at_line (buf, line - 1, category);

  return marks != NULL;
}

/* Issue 14, 4: the step where an exception leaves ratio() says it raised, not returned,
 * and the editor marks the line as raising, not with a ✓. */
static void
test_raise_is_not_return (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *raising = NULL;
  g_autofree char *gone = NULL;

  run_source (win, "def ratio(a, b):\n"
                   "    return a / b\n"
                   "try:\n"
                   "    ratio(1, 0)\n"
                   "except ZeroDivisionError:\n"
                   "    pass\n");
  raising = step_until_panel_says (win, "ratio() is raising ZeroDivisionError");
  g_assert_null (strstr (raising, "__return__"));
  g_assert_true (line_has_mark (win, 2, "heapscope-raised"));
  g_assert_false (line_has_mark (win, 2, "heapscope-executed"));
  activate (win, "step-forward");
  gone = panel_text (win);
  g_assert_nonnull (strstr (gone, "ratio() raised ZeroDivisionError; its frame is gone"));
  g_assert_null (strstr (gone, "returned"));
  /* A line that ran normally keeps its ✓. */
  activate (win, "step-last");
  g_assert_true (line_has_mark (win, 6, "heapscope-executed"));
  close_window (win);
}

/* Issue 14, 6: each box shows the id the panel uses, and the panel says what changed. */
static void
test_words_and_ids (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *appended = NULL;
  g_autofree char *set = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *list_name = NULL;
  const HsSceneNode *list;
  const HsSceneCell *header;

  run_source (win, "a = [1, 2, 3]\n"
                   "a.append(5)\n"
                   "d = {}\n"
                   "d['a'] = 2\n"
                   "a[0] = 7\n"
                   "pass\n");
  appended = step_until_panel_says (win, ": item 3 appended: 5");
  list = find_object (win, "list");
  g_assert_nonnull (list);
  header = &g_array_index (list->cells, HsSceneCell, 0);
  g_assert_cmpstr (header->text, ==, "list");
  list_name = g_strdup_printf ("list %s: item 3 appended: 5", header->note);
  g_assert_nonnull (strstr (appended, list_name));
  set = step_until_panel_says (win, "key 'a' set to 2");
  g_assert_true (g_regex_match_simple ("dict #[0-9]+: key 'a' set to 2", set, 0, 0));
  replaced = step_until_panel_says (win, "item 0 replaced: 7");
  g_assert_true (g_regex_match_simple ("list #[0-9]+: item 0 replaced: 7", replaced, 0, 0));
  close_window (win);
}

static gboolean
scene_has_type (HeapscopeWindow *win, const char *type_name)
{
  return find_object (win, type_name) != NULL;
}

/* Issue 14, 7: a loop's iterator is hidden unless "Show Interpreter Internals" is on. */
static void
test_show_internals (void)
{
  HeapscopeWindow *win = new_window ();
  g_autoptr (GSettings) settings = g_settings_new (HEAPSCOPE_APP_ID);
  g_autofree char *text = NULL;

  run_source (win, "xs = [1, 2]\nfor x in xs:\n    y = x\n");
  text = step_until_panel_says (win, "`y` is now 1");
  g_assert_false (scene_has_type (win, "list_iterator"));
  g_settings_set_boolean (settings, "show-internals", TRUE);
  wait_until (settled);
  g_assert_true (scene_has_type (win, "list_iterator"));
  g_settings_set_boolean (settings, "show-internals", FALSE);
  wait_until (settled);
  g_assert_false (scene_has_type (win, "list_iterator"));
  close_window (win);
}

static GtkMenuButton *
find_main_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget)
      && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic")
             == 0)
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkMenuButton *found = find_main_menu_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu (Ctrl+F10, reachable from any pane) lists every example; choosing one
 * opens it. */
static void
test_main_menu_examples (void)
{
  HeapscopeWindow *win = new_window ();
  GtkMenuButton *button = find_main_menu_button (GTK_WIDGET (win));
  GMenuModel *file_section, *examples = NULL, *items;
  g_auto (GStrv) names = heapscope_examples_list ();
  g_autofree char *last = NULL;
  g_autofree char *text = NULL;
  int n;

  g_assert_nonnull (button);
  file_section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (button), 0,
                                             G_MENU_LINK_SECTION);
  n = g_menu_model_get_n_items (file_section);
  for (int i = 0; i < n && examples == NULL; i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (file_section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label)
          && g_str_equal (label, "Open E_xample"))
        examples = g_menu_model_get_item_link (file_section, i, G_MENU_LINK_SUBMENU);
    }
  g_assert_nonnull (examples);
  items = g_menu_model_get_item_link (examples, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (items), ==, g_strv_length (names));
  for (int i = 0; names[i] != NULL; i++)
    {
      g_autofree char *action = NULL;
      g_autoptr (GVariant) target = g_menu_model_get_item_attribute_value (
          items, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

      g_assert_true (
          g_menu_model_get_item_attribute (items, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (action, ==, "win.open-example");
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, names[i]);
    }
  last = g_strdup (names[g_strv_length (names) - 1]);
  g_action_group_activate_action (G_ACTION_GROUP (win), "open-example",
                                  g_variant_new_string (last));
  wait_until (settled);
  text = heapscope_editor_dup_text (heapscope_window_get_editor (win));
  g_assert_nonnull (strstr (text, "tuple"));
  g_object_unref (examples);
  g_object_unref (items);
  g_object_unref (file_section);
  close_window (win);
}

static gboolean
line_has_tag (HeapscopeWindow *win, int line, const char *name)
{
  GtkTextBuffer *buf = gtk_text_view_get_buffer (GTK_TEXT_VIEW (heapscope_window_get_editor (win)));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buf), name);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buf, &iter, line - 1);
  do
    if (gtk_text_iter_has_tag (&iter, tag))
      return TRUE;
  while (gtk_text_iter_forward_char (&iter) && !gtk_text_iter_starts_line (&iter));
  return FALSE;
}

/* The compiler's SyntaxWarnings: above the output as CPython prints them, and their lines
 * underlined in the editor; gone once the program no longer has them. */
static void
test_syntax_warnings (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *out = NULL;
  g_autofree char *after = NULL;

  run_source (win, "x = 1000\nprint(x is 1000)\nprint(x)\n");
  activate (win, "step-last");
  out = console_text (win);
  g_assert_nonnull (strstr (out, ":2: SyntaxWarning: \"is\" with a literal. Did you mean "
                                 "\"==\"?\n  print(x is 1000)\nTrue\n1000\n"));
  g_assert_true (line_has_tag (win, 2, "warning"));
  g_assert_false (line_has_tag (win, 1, "warning"));
  g_assert_false (line_has_tag (win, 3, "warning"));

  run_source (win, "x = 1000\nprint(x == 1000)\n"); /* stays at the last step */
  after = console_text (win);
  g_assert_cmpstr (after, ==, "True\n");
  g_assert_false (line_has_tag (win, 2, "warning"));
  close_window (win);
}

/* The console's text view (its only one). */
static GtkTextView *
console_view (GtkWidget *w)
{
  if (GTK_IS_TEXT_VIEW (w))
    return GTK_TEXT_VIEW (w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkTextView *found = console_view (c);

      if (found)
        return found;
    }
  return NULL;
}

/* Whether the console shows `text` in the error style (at its first occurrence). */
static gboolean
console_shows_as_error (HeapscopeWindow *win, const char *text)
{
  GtkTextView *view = console_view (GTK_WIDGET (heapscope_window_get_console (win)));
  GtkTextBuffer *buf = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buf), "error");
  GtkTextIter start, at, end;

  gtk_text_buffer_get_start_iter (buf, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &at, &end, NULL));
  do
    if (!gtk_text_iter_has_tag (&at, tag))
      return FALSE;
  while (gtk_text_iter_forward_char (&at) && !gtk_text_iter_equal (&at, &end));
  return TRUE;
}

/* What the program writes to stderr shows where it was written, in the error style, from
 * the step that wrote it, as in a terminal. */
static void
test_console_stderr (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *out = NULL;
  g_autofree char *first = NULL;

  run_source (win, "import sys\nprint('a')\nprint('oops', file=sys.stderr)\nprint('b')\n");
  activate (win, "step-last");
  out = console_text (win);
  g_assert_cmpstr (out, ==, "a\noops\nb\n");
  g_assert_true (console_shows_as_error (win, "oops"));
  g_assert_false (console_shows_as_error (win, "a"));
  g_assert_false (console_shows_as_error (win, "b"));
  activate (win, "step-first");
  first = console_text (win);
  g_assert_cmpstr (first, ==, "");
  close_window (win);
}

/* The keys the issue asks for are bound to the actions. */
static void
test_accels (void)
{
  static const struct
  {
    const char *accel, *action;
  } expected[] = {
    { "<Control>Return", "win.run" },
    { "<Control>period", "win.stop" },
    { "F10", "win.step-forward" },
    { "<Alt>Right", "win.step-forward" },
    { "<Shift>F10", "win.step-back" },
    { "<Alt>Left", "win.step-back" },
    { "<Alt>Home", "win.step-first" },
    { "<Alt>End", "win.step-last" },
    { "<Control>space", "win.play" },
    { "F5", "win.presentation" },
    { "<Control>e", "win.export" },
    { "<Control>plus", "win.zoom-in" },
    { "<Control>minus", "win.zoom-out" },
    { "<Control>0", "win.zoom-fit" },
    { "<Control>o", "win.open" },
    { "<Control>s", "win.save" },
    { "<Control><Shift>s", "win.save-as" },
    { "<Control>comma", "app.preferences" },
    { "<Control>q", "app.quit" },
    { "<Control>p", "win.print" },
    { "<Control><Shift>c", "win.copy-diagram" },
    { "<Control><Shift>BackSpace", "win.forget-input" },
    { "<Control><Shift>o", "win.presentation-output" },
    { "<Control>F10", "win.show-menu" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto (GStrv) actions
          = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), expected[i].accel);
      g_assert_true (g_strv_contains ((const char *const *)actions, expected[i].action));
    }
}

static guint
count_ellipsis (const HsSceneNode *node)
{
  guint n = 0;

  for (guint i = 0; i < node->cells->len; i++)
    if (g_array_index (node->cells, HsSceneCell, i).role == HS_CELL_ELLIPSIS)
      n++;
  return n;
}

/* A click on "…" (the view's "expand-object") shows every element of that list. */
static void
test_expand_elided (void)
{
  HeapscopeWindow *win = new_window ();
  HeapscopeDiagramView *view = heapscope_window_get_diagram (win);
  const HsSceneNode *node;
  guint64 id;

  run_source (win, "a = list(range(60))\nb = 1\n");
  activate (win, "step-last");
  node = find_object (win, "list");
  g_assert_nonnull (node);
  g_assert_cmpuint (count_ellipsis (node), >, 0);
  id = node->id;
  g_signal_emit_by_name (view, "expand-object", id);
  wait_until (settled);
  node = hs_scene_find_node (heapscope_diagram_view_get_scene (view), HS_SCENE_NODE_OBJECT, id);
  g_assert_cmpuint (count_ellipsis (node), ==, 0);
  close_window (win);
}

/* The first node of `role` in the window's scene (or NULL), and how many there are. */
static const HsSceneNode *
find_role (HeapscopeWindow *win, HsSceneNodeRole role, guint *n)
{
  const HsScene *scene = heapscope_diagram_view_get_scene (heapscope_window_get_diagram (win));
  const HsSceneNode *found = NULL;

  *n = 0;
  for (guint i = 0; i < scene->nodes->len; i++)
    if (((const HsSceneNode *)g_ptr_array_index (scene->nodes, i))->role == role && !(*n)++)
      found = g_ptr_array_index (scene->nodes, i);
  return found;
}

/* The diagram has its size in the window (fitting needs it). */
static gboolean
diagram_allocated (HeapscopeWindow *win)
{
  return gtk_widget_get_width (GTK_WIDGET (heapscope_window_get_diagram (win))) > 0;
}

/* fact(30) at its deepest call: "… 25 more frames of fact()" between the first calls and
 * the last; clicking it (the view's "expand-object") shows all thirty frames, and the
 * first frame it hid shortens them again (its "Show Fewer Frames", "shorten-object").
 * The view zooms out to fit the whole recursion and comes back to its zoom after. */
static void
test_recursion_summarised (void)
{
  HeapscopeWindow *win = new_window ();
  HeapscopeDiagramView *view = heapscope_window_get_diagram (win);
  HsTrace *t;
  const HsSceneNode *marker, *first;
  int deepest = 0;
  guint most = 0, n;
  guint64 key;
  double zoom;

  run_source (win, "def fact(n):\n    if n <= 1:\n        return 1\n"
                   "    return n * fact(n - 1)\n\nprint(fact(30))\n");
  t = heapscope_session_get_trace (heapscope_window_get_session (win));
  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);

      if (snap->frames->len > most)
        most = snap->frames->len, deepest = k;
    }
  g_assert_cmpuint (most, ==, 31);
  heapscope_step_controls_set_step (heapscope_window_get_step_controls (win), deepest);
  wait_until (settled);
  marker = find_role (win, HS_SCENE_NODE_CHAIN, &n);
  g_assert_nonnull (marker);
  g_assert_true (hs_scene_node_is_frame_like (marker));
  g_assert_cmpstr (g_array_index (marker->cells, HsSceneCell, 0).text, ==,
                   "… 25 more frames of fact()");
  find_role (win, HS_SCENE_NODE_FRAME, &n);
  g_assert_cmpuint (n, ==, 6);
  key = marker->id;
  wait_until (diagram_allocated);
  zoom = heapscope_diagram_view_get_zoom (view);

  g_signal_emit_by_name (view, "expand-object", key);
  wait_until (settled);
  g_assert_null (find_role (win, HS_SCENE_NODE_CHAIN, &n));
  find_role (win, HS_SCENE_NODE_FRAME, &n);
  g_assert_cmpuint (n, ==, 31);
  g_assert_cmpfloat (heapscope_diagram_view_get_zoom (view), <, zoom);
  first = hs_scene_find_node (heapscope_diagram_view_get_scene (view), HS_SCENE_NODE_FRAME,
                              key & ~HS_SCENE_FRAME_CHAIN_BIT);
  g_assert_true (first->is_expanded);
  g_assert_cmpuint (hs_scene_node_expand_key (first), ==, key);
  /* the recursion stays whole while stepping back up through it */
  activate (win, "step-forward");
  g_assert_null (find_role (win, HS_SCENE_NODE_CHAIN, &n));
  activate (win, "step-back");

  g_signal_emit_by_name (view, "shorten-object", key);
  wait_until (settled);
  g_assert_nonnull (find_role (win, HS_SCENE_NODE_CHAIN, &n));
  find_role (win, HS_SCENE_NODE_FRAME, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpfloat_with_epsilon (heapscope_diagram_view_get_zoom (view), zoom, 1e-9);
  close_window (win);
}

static guint64
global_id (HeapscopeWindow *win, const char *name)
{
  HsTrace *t = heapscope_session_get_trace (heapscope_window_get_session (win));
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, hs_trace_get_n_steps (t) - 1);
  HsSnapFrame *g = g_ptr_array_index (snap->frames, 0);

  for (guint i = 0; i < g->vars->len; i++)
    if (g_str_equal (g_array_index (g->vars, HsSnapVar, i).name, name))
      return g_array_index (g->vars, HsSnapVar, i).value.ref;
  g_assert_not_reached ();
}

static const HsSceneNode *
object_node (HeapscopeWindow *win, guint64 id)
{
  return hs_scene_find_node (heapscope_diagram_view_get_scene (heapscope_window_get_diagram (win)),
                             HS_SCENE_NODE_OBJECT, id);
}

/* References drawn into an object: a bundle stands for as many as it says. */
static guint
arrows_into (HeapscopeWindow *win, guint64 id)
{
  const HsScene *scene = heapscope_diagram_view_get_scene (heapscope_window_get_diagram (win));
  guint n = 0;

  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);
      if (e->head_role == HS_SCENE_NODE_OBJECT && e->head_id == id)
        n += e->n_refs;
    }
  return n;
}

/* Issue 14, 5: collapsing keeps every reference drawn (the badge still adds up); expanding
 * one list changes only that list, and it can be shortened again. */
static void
test_collapse_and_expand_one (void)
{
  HeapscopeWindow *win = new_window ();
  HeapscopeDiagramView *view = heapscope_window_get_diagram (win);
  guint64 a, t, xs, ys;

  run_source (win, "a = [1]\nt = [a, a, a]\nxs = list(range(40))\nys = list(range(40))\n");
  activate (win, "step-last");
  a = global_id (win, "a");
  t = global_id (win, "t");
  xs = global_id (win, "xs");
  ys = global_id (win, "ys");

  g_signal_emit_by_name (view, "toggle-collapsed", t);
  wait_until (settled);
  g_assert_true (object_node (win, t)->is_collapsed);
  g_assert_cmpstr (object_node (win, a)->badge, ==, "4");
  g_assert_cmpuint (arrows_into (win, a), ==, 4);

  g_signal_emit_by_name (view, "expand-object", xs);
  wait_until (settled);
  g_assert_cmpuint (count_ellipsis (object_node (win, xs)), ==, 0);
  g_assert_true (object_node (win, xs)->is_expanded);
  g_assert_cmpuint (count_ellipsis (object_node (win, ys)), ==, 1);
  g_assert_false (object_node (win, ys)->is_expanded);

  g_signal_emit_by_name (view, "shorten-object", xs);
  wait_until (settled);
  g_assert_cmpuint (count_ellipsis (object_node (win, xs)), ==, 1);
  g_assert_false (object_node (win, xs)->is_expanded);
  /* the collapsed list stayed collapsed through all this, and can be restored */
  g_assert_true (object_node (win, t)->is_collapsed);
  g_signal_emit_by_name (view, "toggle-collapsed", t);
  wait_until (settled);
  g_assert_false (object_node (win, t)->is_collapsed);
  g_assert_cmpuint (arrows_into (win, a), ==, 4);
  close_window (win);
}

/* ui/help-overlay.ui is found through the resource base path: GTK adds the action. */
static void
test_shortcuts_window (void)
{
  HeapscopeWindow *win = new_window ();

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (win), "show-help-overlay"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win)));
  close_window (win);
}

static gboolean
console_says_42 (HeapscopeWindow *win)
{
  g_autofree char *out = NULL;

  if (!heapscope_window_is_settled (win))
    return FALSE;
  g_action_group_activate_action (G_ACTION_GROUP (win), "step-last", NULL);
  out = console_text (win);
  return g_str_equal (out, "42\n");
}

static int
n_steps_shown (HeapscopeWindow *win)
{
  return heapscope_step_controls_get_n_steps (heapscope_window_get_step_controls (win));
}

static gboolean
entry_mapped (HeapscopeWindow *win)
{
  return gtk_widget_get_mapped (heapscope_console_get_entry (heapscope_window_get_console (win)));
}

static gboolean
asking (HeapscopeWindow *win)
{
  return heapscope_console_get_asking (heapscope_window_get_console (win));
}

static void
type_answer (HeapscopeWindow *win, const char *answer)
{
  GtkWidget *entry = heapscope_console_get_entry (heapscope_window_get_console (win));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (win));

  /* the entry's text widget has the focus */
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), answer);
  g_signal_emit_by_name (focus, "activate"); /* what Enter does */
}

static const char *console_wanted;

static gboolean
console_shows_wanted (HeapscopeWindow *win)
{
  g_autofree char *out = console_text (win);

  return g_str_equal (out, console_wanted);
}

/* The step shown is laid out in the background: its output comes with it. */
static void
assert_console (HeapscopeWindow *win, const char *expected)
{
  console_wanted = expected;
  wait_until (console_shows_wanted);
}

/* input() in the app (issue 16 item 1): the run pauses at it with the prompt in the
 * Output and an entry; each answer typed goes on; the next run replays the answers; the
 * forget-input action asks again, in presentation mode too; Stop ends a wait. */
static void
test_input (void)
{
  HeapscopeWindow *win = new_window ();
  HeapscopeSession *session = heapscope_window_get_session (win);
  GtkWidget *entry = heapscope_console_get_entry (heapscope_window_get_console (win));
  int n;

  heapscope_editor_set_text (heapscope_window_get_editor (win),
                             "name = input('Name? ')\nprint('Hi', name)\nage = input()\n");
  heapscope_window_run (win);
  wait_until (asking);
  g_assert_true (heapscope_session_get_running (session));
  g_assert_true (heapscope_session_get_at_input (session));
  /* paused before line 1 has run: the prompt is out, the step is the line asking */
  assert_console (win, "Name? ");
  g_assert_cmpint (heapscope_window_get_step (win), ==, n_steps_shown (win) - 1);
  type_answer (win, "Ada");
  g_assert_false (asking (win));
  wait_until (asking);
  assert_console (win, "Name? Ada\nHi Ada\n");
  type_answer (win, "36");
  wait_until (settled);
  g_assert_false (asking (win));
  activate (win, "step-last");
  assert_console (win, "Name? Ada\nHi Ada\n36\n");
  n = n_steps_shown (win);

  /* run again: the answers are replayed, nothing is asked */
  heapscope_window_run (win);
  wait_until (settled);
  g_assert_false (asking (win));
  g_assert_cmpint (n_steps_shown (win), ==, n);
  g_assert_cmpint (heapscope_window_get_step (win), ==, n - 1); /* a run again keeps the step */
  assert_console (win, "Name? Ada\nHi Ada\n36\n");

  /* forgotten, in presentation mode: asked again, the Output shown for it */
  g_action_group_activate_action (G_ACTION_GROUP (win), "presentation", NULL);
  g_assert_false (gtk_widget_get_mapped (entry));
  g_action_group_activate_action (G_ACTION_GROUP (win), "forget-input", NULL);
  wait_until (asking);
  wait_until (entry_mapped);
  assert_console (win, "Name? ");

  /* Stop while the program waits */
  g_action_group_activate_action (G_ACTION_GROUP (win), "stop", NULL);
  wait_until (settled);
  g_assert_false (asking (win));
  g_assert_true (heapscope_session_get_stopped (session));
  g_action_group_activate_action (G_ACTION_GROUP (win), "presentation", NULL);
  close_window (win);
}

static gboolean
diagram_settled (HeapscopeWindow *win)
{
  return heapscope_window_is_settled (win)
         && !heapscope_diagram_view_is_animating (heapscope_window_get_diagram (win));
}

static const HsSceneNode *
focused (HeapscopeWindow *win)
{
  return heapscope_diagram_view_get_focused_node (heapscope_window_get_diagram (win));
}

/* The keys of the diagram are its actions (Right follows an arrow, Left goes back, Down
 * and Up the holder's next arrow, Enter collapses or expands, Menu opens the menu). */
static void
diagram_key (HeapscopeWindow *win, const char *action)
{
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (heapscope_window_get_diagram (win)), action, NULL));
}

/* A scene of `width` x 100: the global frame at x 0-100, an object at 150-250 and, when
 * `new_width` is not 0, a new one that wide at 300. */
static HsScene *
scene_of_three (double width, double new_width)
{
  HsScene *scene = hs_scene_new ();
  HsSceneNode *frame = hs_scene_add_node (scene, HS_SCENE_NODE_FRAME, 1);
  HsSceneNode *old = hs_scene_add_node (scene, HS_SCENE_NODE_OBJECT, 10);

  scene->width = width, scene->height = 100;
  frame->rect = (HsRect){ 0, 0, 100, 50 };
  old->rect = (HsRect){ 150, 0, 100, 50 };
  if (new_width > 0)
    {
      HsSceneNode *new = hs_scene_add_node (scene, HS_SCENE_NODE_OBJECT, 11);

      new->rect = (HsRect){ 300, 0, new_width, 50 };
      new->flags = HS_SNAP_FLAG_NEW;
    }
  return scene;
}

static gboolean
widget_allocated (GtkWidget *widget)
{
  return gtk_widget_get_width (widget) > 0;
}

/* Following a step's change scrolls to it, and, when the frames' column fits beside it,
 * to the frames too: a jump to the end of a wide diagram (Alt+End) showed the change at
 * the view's left edge with the global frame cut off. When they do not fit together but
 * most of the change is in view beside the frames, the frames stay whole: a jump to the
 * end of a 300-node tree, a little wider than the view, cut the global frame by 58 px. */
static void
test_follow_keeps_frames (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  HeapscopeDiagramView *view = HEAPSCOPE_DIAGRAM_VIEW (heapscope_diagram_view_new ());
  g_autoptr (HsScene) before = scene_of_three (2000, 0);
  g_autoptr (HsScene) after = scene_of_three (2000, 100);
  g_autoptr (HsScene) after_wide = scene_of_three (2000, 450);
  GtkAdjustment *hadj;
  double v, page;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 300);
  gtk_window_present (GTK_WINDOW (window));
  heapscope_diagram_view_set_scene (view, before, FALSE);
  heapscope_diagram_view_set_zoom (view, 1.0);
  wait_until_impl ((gboolean (*) (gpointer))widget_allocated, view, "the view allocated");
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  page = gtk_adjustment_get_page_size (hadj);
  g_assert_cmpfloat (page, <, 2000);
  gtk_adjustment_set_value (hadj, gtk_adjustment_get_upper (hadj) - page); /* at the far right */

  heapscope_diagram_view_set_scene (view, after, FALSE);
  /* the new object in view (content x = scene x + the 24-pixel margin), the frame too */
  v = gtk_adjustment_get_value (hadj);
  g_assert_cmpfloat (v + page, >=, 400 + 24);
  g_assert_cmpfloat (v, <=, 0 + 24);

  /* the new object (with its margins, 300-798) fits alone, not with the frame (0-798) */
  g_assert_cmpfloat (450 + 2 * 24, <, page);
  g_assert_cmpfloat (300 + 450 + 2 * 24, >, page);
  heapscope_diagram_view_set_scene (view, before, FALSE);
  gtk_adjustment_set_value (hadj, gtk_adjustment_get_upper (hadj) - page);
  heapscope_diagram_view_set_scene (view, after_wide, FALSE);
  v = gtk_adjustment_get_value (hadj);
  g_assert_cmpfloat (v, <=, 0 + 24);
  g_assert_cmpfloat (v + page, >=, 300 + 24 + 450 / 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_call (gpointer instance, guint *n)
{
  (*n)++;
}

/* What `drawn` counted at the start of each frame. */
typedef struct
{
  const guint *drawn;
  guint at_frame[3];
  guint n_frames;
} FrameStarts;

static void
on_frame_start (GdkFrameClock *clock, FrameStarts *starts)
{
  if (starts->n_frames < G_N_ELEMENTS (starts->at_frame))
    starts->at_frame[starts->n_frames++] = *starts->drawn;
}

/* Lets `clock` run frames (asking for them) until `starts` has seen three. */
static void
wait_frames (GdkFrameClock *clock, FrameStarts *starts)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (starts->n_frames < G_N_ELEMENTS (starts->at_frame))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for frames");
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* An animated step does not draw the diagram in its first frame, which would show what the
 * screen shows already: that frame paints only the widgets that changed with the step, and
 * the diagram's frames after it only the diagram (drawn together, cairo composited the
 * whole diagram through a mask of the widgets' clip). */
static void
test_animation_first_frame (void)
{
  GtkWidget *window = gtk_window_new ();
  HeapscopeDiagramView *view = HEAPSCOPE_DIAGRAM_VIEW (heapscope_diagram_view_new ());
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (view));
  g_autoptr (HsScene) before = scene_of_three (600, 0);
  g_autoptr (HsScene) after = scene_of_three (600, 100);
  guint drawn = 0;
  FrameStarts starts = { &drawn };
  GdkFrameClock *clock;
  double zoom;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 300);
  gtk_window_present (GTK_WINDOW (window));
  heapscope_diagram_view_set_scene (view, before, FALSE);
  wait_until_impl ((gboolean (*) (gpointer))widget_allocated, view, "the view allocated");
  /* the paintable says so (after the frame) each time the view was drawn */
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (count_call), &drawn);
  zoom = heapscope_diagram_view_get_zoom (view);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));

  /* the first scene drawn and on screen */
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_start), &starts);
  wait_frames (clock, &starts);
  g_assert_cmpuint (drawn, >, 0);
  starts.n_frames = 0;
  heapscope_diagram_view_set_scene (view, after, TRUE);
  g_assert_true (heapscope_diagram_view_is_animating (view));
  g_assert_cmpfloat (heapscope_diagram_view_get_zoom (view), ==, zoom);
  wait_frames (clock, &starts);
  g_signal_handlers_disconnect_by_func (clock, on_frame_start, &starts);
  /* not drawn in the animation's first frame, drawn in its second */
  g_assert_cmpuint (starts.at_frame[1], ==, starts.at_frame[0]);
  g_assert_cmpuint (starts.at_frame[2], >, starts.at_frame[1]);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_animating (HeapscopeDiagramView *view)
{
  return !heapscope_diagram_view_is_animating (view);
}

/* The first column of `view`, drawn now, that is not its background (that of its last
 * column) in its row `y`; its width when there is none. */
static int
leftmost_drawn (GtkWidget *view, int y)
{
  int w = gtk_widget_get_width (view), h = gtk_widget_get_height (view), x = 0;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  const guint32 *row;

  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  row = (const guint32 *)(cairo_image_surface_get_data (surface)
                          + y * cairo_image_surface_get_stride (surface));
  while (x < w && row[x] == row[w - 1])
    x++;
  cairo_surface_destroy (surface);
  return x;
}

/* A step's scroll to what changed is part of its tween: the adjustments are at once where
 * an unanimated step puts them, the diagram is not drawn in the step's first frame (it
 * shows the view before the scroll), its frames come from there (the diagram left of where
 * it ends) and the last ends where the unanimated step is drawn. */
static void
test_animation_follow_scroll (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  HeapscopeDiagramView *view = HEAPSCOPE_DIAGRAM_VIEW (heapscope_diagram_view_new ());
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (view));
  g_autoptr (HsScene) before = scene_of_three (2000, 100);
  g_autoptr (HsScene) after = scene_of_three (2000, 100);
  guint drawn = 0;
  FrameStarts starts = { &drawn };
  GdkFrameClock *clock;
  GtkAdjustment *hadj;
  double v_end;
  int x_end, x_mid, y;

  /* the object at 300 changes in the step, where nothing moves */
  ((HsSceneNode *)g_ptr_array_index (before->nodes, 2))->flags = 0;
  ((HsSceneNode *)g_ptr_array_index (after->nodes, 2))->flags = HS_SNAP_FLAG_CHANGED;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 300);
  gtk_window_present (GTK_WINDOW (window));
  heapscope_diagram_view_set_scene (view, before, FALSE);
  heapscope_diagram_view_set_zoom (view, 1.0);
  wait_until_impl ((gboolean (*) (gpointer))widget_allocated, view, "the view allocated");
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  /* the changed object (300-400) just cut at the left: the step scrolls to it */
  gtk_adjustment_set_value (hadj, 330);
  heapscope_diagram_view_set_scene (view, after, FALSE);
  v_end = gtk_adjustment_get_value (hadj);
  g_assert_cmpfloat (v_end, <, 330);
  y = gtk_widget_get_height (GTK_WIDGET (view)) / 2;
  x_end = leftmost_drawn (GTK_WIDGET (view), y);
  g_assert_cmpint (x_end, <, 100);

  heapscope_diagram_view_set_scene (view, before, FALSE);
  gtk_adjustment_set_value (hadj, 330);
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (count_call), &drawn);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_frame_start), &starts);
  wait_frames (clock, &starts);
  starts.n_frames = 0;
  /* long enough not to end in the frames looked at (a frame reads the duration) */
  heapscope_diagram_view_set_duration (view, 20000);
  heapscope_diagram_view_set_scene (view, after, TRUE);
  g_assert_true (heapscope_diagram_view_is_animating (view));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, v_end);
  wait_frames (clock, &starts);
  g_signal_handlers_disconnect_by_func (clock, on_frame_start, &starts);
  g_assert_cmpuint (starts.at_frame[1], ==, starts.at_frame[0]);
  g_assert_cmpuint (starts.at_frame[2], >, starts.at_frame[1]);
  g_assert_true (heapscope_diagram_view_is_animating (view));
  x_mid = leftmost_drawn (GTK_WIDGET (view), y);
  g_assert_cmpint (x_mid, <, x_end);

  heapscope_diagram_view_set_duration (view, 1);
  wait_until_impl ((gboolean (*) (gpointer))not_animating, view, "the animation's end");
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, v_end);
  g_assert_cmpint (leftmost_drawn (GTK_WIDGET (view), y), ==, x_end);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Fitting, a diagram that grows by a few pixels a step keeps its zoom for several steps
 * (text keeps its size, and the boxes' images drawn at it stay of use), yet always fits. */
static void
test_fit_zoom_steps (void)
{
  GtkWidget *window = gtk_window_new ();
  HeapscopeDiagramView *view = HEAPSCOPE_DIAGRAM_VIEW (heapscope_diagram_view_new ());
  double zoom = 0;
  guint changes = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 300);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_impl ((gboolean (*) (gpointer))widget_allocated, view, "the view allocated");
  for (int i = 0; i < 20; i++)
    {
      double width = 1000 * pow (1.005, i);
      g_autoptr (HsScene) scene = scene_of_three (width, 0);

      heapscope_diagram_view_set_scene (view, scene, FALSE);
      g_assert_cmpfloat (width * heapscope_diagram_view_get_zoom (view) + 2 * 24, <=,
                         gtk_widget_get_width (GTK_WIDGET (view)));
      changes += i > 0 && heapscope_diagram_view_get_zoom (view) != zoom;
      zoom = heapscope_diagram_view_get_zoom (view);
    }
  /* 10% of growth: at most three steps of 4.4% */
  g_assert_cmpuint (changes, <=, 3);
  g_assert_cmpfloat (zoom, <, 0.55);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Lets the window run its idles and lay itself out until `widget`'s height has stayed the
 * same for 300 ms (at most 20 s); returns that height. */
static int
settled_height (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gint64 since = g_get_monotonic_time ();
  int height = gtk_widget_get_height (widget);

  while (g_get_monotonic_time () < since + 300 * 1000)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for a height to settle");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      if (gtk_widget_get_height (widget) != height)
        height = gtk_widget_get_height (widget), since = g_get_monotonic_time ();
    }
  return height;
}

/* Presenting, What happened grows to its sentences but does not shrink between steps, and
 * the code strip above the diagram is three lines at the first line too: the diagram keeps
 * its height, so its zoom does not go back and forth (each zoom drew every box anew,
 * mid-animation). */
static void
test_presenting_panel_grows_only (void)
{
  HeapscopeWindow *win = new_window ();
  GtkWidget *diagram = GTK_WIDGET (heapscope_window_get_diagram (win));
  GtkWidget *panel = GTK_WIDGET (heapscope_window_get_explain (win));
  int at_start, after_long, panel_long;

  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 800);
  run_source (win, "a = [1, 2, 3]\nb = a\nc = [a, b]\ndel a, b\nc.clear()\n");
  activate (win, "presentation");
  at_start = settled_height (diagram);
  activate (win, "step-last"); /* a list freed, counts that fell: several sentences */
  panel_long = settled_height (panel);
  after_long = settled_height (diagram);
  g_assert_cmpint (after_long, <, at_start);
  activate (win, "step-first"); /* nothing has run: one line */
  g_assert_cmpint (settled_height (panel), ==, panel_long);
  g_assert_cmpint (settled_height (diagram), ==, after_long);
  activate (win, "presentation");
  close_window (win);
}

/* The diagram from the keyboard alone (issue 21 item 1): focus enters at the global frame;
 * the arrows go along references and back; Enter collapses an object and restores it; the
 * Menu key opens the context menu. */
static void
test_diagram_keyboard (void)
{
  HeapscopeWindow *win = new_window ();
  HeapscopeDiagramView *view = heapscope_window_get_diagram (win);
  const HsSceneNode *node;
  GtkWidget *menu;

  run_source (win, "xs = [1, 2]\nys = [xs, xs]\nd = {'k': ys}\n");
  activate (win, "step-last");
  wait_until (diagram_settled);
  g_assert_null (focused (win));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  node = focused (win);
  g_assert_nonnull (node);
  g_assert_cmpint (node->role, ==, HS_SCENE_NODE_FRAME);

  diagram_key (win, "diagram.follow"); /* xs */
  node = focused (win);
  g_assert_cmpint (node->role, ==, HS_SCENE_NODE_OBJECT);
  g_assert_cmpstr (heapscope_scene_node_type_name (node), ==, "list");
  g_assert_cmpstr (node->badge, ==, "3");
  diagram_key (win, "diagram.next"); /* the frame's next arrow: ys */
  node = focused (win);
  g_assert_cmpstr (node->badge, ==, "2");
  diagram_key (win, "diagram.follow"); /* ys[0]: xs */
  g_assert_cmpstr (focused (win)->badge, ==, "3");
  diagram_key (win, "diagram.back"); /* back to ys */
  g_assert_true (focused (win)->id == node->id);
  diagram_key (win, "diagram.back"); /* whoever holds ys: the frame */
  g_assert_cmpint (focused (win)->role, ==, HS_SCENE_NODE_FRAME);

  /* Enter on xs: collapsed; again: restored */
  diagram_key (win, "diagram.follow");
  node = focused (win);
  diagram_key (win, "diagram.activate-node");
  wait_until (diagram_settled);
  g_assert_true (focused (win)->is_collapsed);
  diagram_key (win, "diagram.activate-node");
  wait_until (diagram_settled);
  g_assert_false (focused (win)->is_collapsed);

  diagram_key (win, "diagram.menu");
  menu = gtk_widget_get_first_child (GTK_WIDGET (view)); /* the view's only child */
  g_assert_true (GTK_IS_POPOVER (menu) && gtk_widget_get_visible (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
  close_window (win);
}

static gboolean
in_pane (HeapscopeWindow *win, gpointer pane)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (win));

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

/* F6 and Shift+F6 (win.next-pane, win.previous-pane) move the keyboard between the panes,
 * which Tab cannot leave the editor to do: editor, diagram, What happened, Output, and
 * round again; the editor, hidden while presenting, is skipped then. */
static void
test_pane_cycling (void)
{
  HeapscopeWindow *win = new_window ();
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  g_auto (GStrv) next = gtk_application_get_accels_for_action (app, "win.next-pane");
  g_auto (GStrv) previous = gtk_application_get_accels_for_action (app, "win.previous-pane");
  gpointer editor = heapscope_window_get_editor (win);
  gpointer diagram = heapscope_window_get_diagram (win);
  gpointer explain = heapscope_window_get_explain (win);
  gpointer console = heapscope_window_get_console (win);

  g_assert_cmpstr (next[0], ==, "F6");
  g_assert_cmpstr (previous[0], ==, "<Shift>F6");
  run_source (win, "xs = [1, 2]\n");
  activate (win, "step-last");
  wait_until (diagram_settled);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (editor)));
  activate (win, "next-pane");
  g_assert_true (in_pane (win, diagram));
  g_assert_nonnull (focused (win)); /* the diagram's keys work from here */
  activate (win, "next-pane");
  g_assert_true (in_pane (win, explain));
  activate (win, "next-pane");
  g_assert_true (in_pane (win, console));
  activate (win, "next-pane");
  g_assert_true (in_pane (win, editor));
  activate (win, "previous-pane");
  g_assert_true (in_pane (win, console));

  /* presenting: the editor and the Output are hidden, the diagram has the keyboard */
  activate (win, "presentation");
  g_assert_true (in_pane (win, diagram));
  activate (win, "next-pane");
  g_assert_true (in_pane (win, explain));
  activate (win, "next-pane");
  g_assert_true (in_pane (win, diagram));
  activate (win, "presentation");
  close_window (win);
}

/* With "live-run" on, typing re-runs the program once typing pauses. */
static void
test_live_run (void)
{
  HeapscopeWindow *win = new_window ();
  g_autoptr (GSettings) settings = g_settings_new (HEAPSCOPE_APP_ID);
  GtkTextBuffer *buf;

  run_source (win, "x = 1\n");
  g_settings_set_boolean (settings, "live-run", TRUE);
  buf = GTK_TEXT_BUFFER (heapscope_editor_get_buffer (heapscope_window_get_editor (win)));
  gtk_text_buffer_insert_at_cursor (buf, "print(41 + 1)\n", -1);
  wait_until (console_says_42);
  g_settings_set_boolean (settings, "live-run", FALSE);
  close_window (win);
}

/* Replaces the text as a user would: an edit, not a load (set_text is irreversible in
 * GTK 4, which leaves the buffer unmodified). */
static void
type_text (HeapscopeWindow *win, const char *text)
{
  GtkTextBuffer *buf
      = GTK_TEXT_BUFFER (heapscope_editor_get_buffer (heapscope_window_get_editor (win)));

  gtk_text_buffer_set_text (buf, "", -1);
  gtk_text_buffer_insert_at_cursor (buf, text, -1);
}

static gboolean
both_autosaved (gpointer data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "heapscope", "autosave", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  gboolean seen_y = FALSE, seen_z = FALSE;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      if (g_str_has_suffix (name, ".py") && g_file_get_contents (path, &text, NULL, NULL))
        {
          seen_y |= g_str_equal (text, "y = [7]\n");
          seen_z |= g_str_equal (text, "z = (8,)\n");
        }
    }
  return seen_y && seen_z;
}

static char *
window_text (HeapscopeWindow *win)
{
  return heapscope_editor_dup_text (heapscope_window_get_editor (win));
}

static gboolean
file_loaded (HeapscopeWindow *win)
{
  g_autofree char *text = window_text (win);

  return g_str_equal (text, "saved = 1\n") && heapscope_window_is_settled (win);
}

/* What was typed in each window comes back, each in a window of its own, even if it
 * was never saved (the windows are destroyed without closing, as in a crash); it waits
 * for the user to run it, and says so. A window holding a file as saved leaves nothing
 * to restore (issue 14, item 9). */
static void
test_autosave_restore (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "heapscope", "autosave", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("heapscope-restore-XXXXXX", NULL);
  g_autofree char *saved_path = g_build_filename (tmp, "saved.py", NULL);
  g_autoptr (GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  HeapscopeWindow *a, *b, *c, *win;
  g_autoptr (GList) restored = NULL;
  const char *name;
  guint n_before;

  /* earlier tests' windows autosaved too: start from none */
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_assert_true (g_file_set_contents (saved_path, "saved = 1\n", -1, NULL));
  a = new_window ();
  b = new_window ();
  c = win = new_window ();
  heapscope_window_open_file (c, saved);
  wait_until (file_loaded);
  n_before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  run_source (a, "x = 1\n");
  run_source (b, "x = 2\n");
  type_text (a, "y = [7]\n");
  type_text (b, "z = (8,)\n");
  wait_until_impl (both_autosaved, NULL, "both autosaves");
  close_window (a);
  close_window (b);
  close_window (c);

  heapscope_window_restore_session (HEAPSCOPE_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_before - 1);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      g_autofree char *text = window_text (l->data);

      g_assert_cmpstr (text, !=, "saved = 1\n");
      if (g_str_equal (text, "y = [7]\n") || g_str_equal (text, "z = (8,)\n"))
        {
          restored = g_list_prepend (restored, l->data);
          g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (
              heapscope_editor_get_buffer (heapscope_window_get_editor (l->data)))));
          /* not run: the program may be what brought the app down */
          g_assert_null (heapscope_session_get_trace (heapscope_window_get_session (l->data)));
          g_assert_false (heapscope_session_get_running (heapscope_window_get_session (l->data)));
          g_assert_nonnull (strstr (heapscope_window_get_banner (l->data), "press Run"));
        }
    }
  g_assert_cmpuint (g_list_length (restored), ==, 2);
  {
    g_autofree char *t0 = window_text (restored->data);
    g_autofree char *t1 = window_text (restored->next->data);

    g_assert_cmpstr (t0, !=, t1);
  }
  win = restored->data;
  activate (win, "run");
  g_assert_nonnull (heapscope_session_get_trace (heapscope_window_get_session (win)));
  g_assert_null (heapscope_window_get_banner (win));
  close_window (restored->data);
  close_window (restored->next->data);
  g_unlink (saved_path);
  g_rmdir (tmp);
}

/* ---- faults (issue 8, item 5) ---- */

#define ENDLESS "i = 0\nwhile True:\n    i += 1\n"

/* The note over the diagram counts the steps recorded past the preview's. */
static gboolean
counting_steps (HeapscopeWindow *win)
{
  return strstr (heapscope_window_get_recording_note (win), "steps so far") != NULL
         && heapscope_session_get_recorded_steps (heapscope_window_get_session (win)) > 2048;
}

static gboolean
showing_preview (HeapscopeWindow *win)
{
  return heapscope_session_get_partial (heapscope_window_get_session (win))
         && heapscope_window_is_settled (win) == FALSE
         && heapscope_diagram_view_get_scene (heapscope_window_get_diagram (win)) != NULL;
}

/* Starts a program that never ends with a step limit it will not reach soon, and waits
 * until its first steps are on screen while the rest still records. */
static void
start_endless (HeapscopeWindow *win, GSettings *settings)
{
  g_settings_set_int (settings, "step-limit", 10000000);
  heapscope_editor_set_text (heapscope_window_get_editor (win), ENDLESS);
  heapscope_window_run (win);
  wait_until (showing_preview);
  g_assert_true (heapscope_session_get_running (heapscope_window_get_session (win)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "stop"));
}

/* The first steps show while an endless program records; Stop keeps what was recorded
 * and says so. */
static void
test_stop_endless (void)
{
  HeapscopeWindow *win = new_window ();
  g_autoptr (GSettings) settings = g_settings_new (HEAPSCOPE_APP_ID);
  HeapscopeSession *session = heapscope_window_get_session (win);
  g_autofree char *out = NULL;
  int n;

  start_endless (win, settings);
  wait_until (counting_steps);
  g_assert_nonnull (strstr (heapscope_window_get_recording_note (win), "The first 1000 are ready"));
  /* the preview can be stepped through while the run goes on */
  g_action_group_activate_action (G_ACTION_GROUP (win), "step-forward", NULL);
  g_assert_cmpint (heapscope_window_get_step (win), ==, 1);
  g_assert_true (heapscope_session_get_running (session));

  g_action_group_activate_action (G_ACTION_GROUP (win), "stop", NULL);
  wait_until (settled);
  g_assert_true (heapscope_session_get_stopped (session));
  g_assert_cmpint (hs_trace_get_end (heapscope_session_get_trace (session)), ==,
                   HS_TRACE_END_CANCELLED);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "stop"));
  n = heapscope_step_controls_get_n_steps (heapscope_window_get_step_controls (win));
  g_assert_cmpint (n, >=, 1000);
  g_assert_cmpint (heapscope_window_get_step (win), ==, 1); /* where the user was */
  activate (win, "step-last");
  out = console_text (win);
  g_assert_nonnull (strstr (out, "You stopped the program after"));
  g_settings_reset (settings, "step-limit");
  close_window (win);
}

static gboolean
is_null (gpointer *where)
{
  return *where == NULL;
}

/* Closing the window while a run records cancels the worker; the session (which the
 * worker's task holds) goes away once the worker has returned, with no warning. */
static void
test_close_during_run (void)
{
  HeapscopeWindow *win = new_window ();
  g_autoptr (GSettings) settings = g_settings_new (HEAPSCOPE_APP_ID);
  gpointer session = heapscope_window_get_session (win);
  gpointer window = win;
  gint64 start;

  start_endless (win, settings);
  g_object_add_weak_pointer (G_OBJECT (session), &session);
  g_object_add_weak_pointer (G_OBJECT (win), &window);
  start = g_get_monotonic_time ();
  gtk_window_destroy (GTK_WINDOW (win));
  wait_until_impl ((gboolean (*) (gpointer))is_null, &session, "the session to go");
  wait_until_impl ((gboolean (*) (gpointer))is_null, &window, "the window to go");
  /* cancelled at the next step, not recorded to the 10,000,000-step limit */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_settings_reset (settings, "step-limit");
}

typedef struct
{
  char *error;
  gboolean done;
} SaveResult;

static void
on_save_finished (HeapscopeWindow *win, const char *error, SaveResult *r)
{
  g_free (r->error);
  r->error = g_strdup (error);
  r->done = TRUE;
}

static void
save_to (HeapscopeWindow *win, const char *path, SaveResult *r)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  gulong id = g_signal_connect (win, "save-finished", G_CALLBACK (on_save_finished), r);

  r->done = FALSE;
  g_clear_pointer (&r->error, g_free);
  heapscope_window_save_to (win, file);
  wait_until_done (&r->done, "save");
  g_signal_handler_disconnect (win, id);
}

/* A save that fails shows an error and keeps the text and its unsaved state. */
static void
test_save_fails (void)
{
  HeapscopeWindow *win = new_window ();
  GtkTextBuffer *buf
      = GTK_TEXT_BUFFER (heapscope_editor_get_buffer (heapscope_window_get_editor (win)));
  g_autofree char *dir = g_dir_make_tmp ("heapscope-save-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir", "a.py", NULL);
  g_autofree char *good = g_build_filename (dir, "a.py", NULL);
  const char *bad[] = { missing, dir /* a folder, not a file */,
                        "/proc/heapscope-read-only.py" /* a read-only file system */ };
  SaveResult r = { 0 };
  g_autofree char *on_disk = NULL;

  run_source (win, "x = 1\n");
  /* typed, as a user would (set_text is an irreversible load in GTK 4) */
  gtk_text_buffer_insert_at_cursor (buf, "x = [1, 2]\n", -1);
  g_assert_true (gtk_text_buffer_get_modified (buf));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = NULL;

      save_to (win, bad[i], &r);
      g_assert_nonnull (r.error);
      g_assert_cmpuint (close_error_dialogs (win), ==, 1);
      text = heapscope_editor_dup_text (heapscope_window_get_editor (win));
      g_assert_cmpstr (text, ==, "x = [1, 2]\nx = 1\n");
      g_assert_true (gtk_text_buffer_get_modified (buf));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "Untitled.py");
    }
  save_to (win, good, &r);
  g_assert_null (r.error);
  g_assert_false (gtk_text_buffer_get_modified (buf));
  g_assert_true (g_file_get_contents (good, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, "x = [1, 2]\nx = 1\n");
  g_free (r.error);
  close_window (win);
}

/* Saving onto a disk that fills up mid-write leaves the file as it was and says why. The
 * full disk is a file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored: writes past it fail with
 * EFBIG, as ENOSPC would), which needs no root. Before issue 13, GIO rewrote the file in
 * place and this left it cut short. */
static void
test_save_full_disk (void)
{
  HeapscopeWindow *win = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("heapscope-full-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "prog.py", NULL);
  g_autoptr (GString) big = g_string_new (NULL);
  struct rlimit old, tiny;
  SaveResult r = { 0 };
  g_autofree char *on_disk = NULL;
  g_autoptr (GDir) d = NULL;
  void (*old_handler) (int);

  g_assert_true (g_file_set_contents (path, "old = 1\n", -1, NULL));
  run_source (win, "x = 1\n");
  for (int i = 0; i < 2000; i++)
    g_string_append_printf (big, "x%d = %d\n", i, i);
  type_text (win, big->str);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  tiny = old;
  tiny.rlim_cur = 4096;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &tiny), ==, 0);
  save_to (win, path, &r);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_nonnull (r.error);
  g_assert_nonnull (strstr (r.error, g_strerror (EFBIG)));
  g_assert_cmpuint (close_error_dialogs (win), ==, 1);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, "old = 1\n");
  /* no half-written temporary file is left beside it */
  d = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (d), ==, "prog.py");
  g_assert_null (g_dir_read_name (d));
  g_assert_true (gtk_text_buffer_get_modified (
      GTK_TEXT_BUFFER (heapscope_editor_get_buffer (heapscope_window_get_editor (win)))));
  g_free (r.error);
  close_window (win);
  g_unlink (path);
  g_rmdir (dir);
}

/* The step limit is a banner at every step, not a toast that goes; its button records
 * twice the steps (issue 14, item 9). */
static void
test_step_limit_banner (void)
{
  HeapscopeWindow *win = new_window ();
  g_autoptr (GSettings) settings = g_settings_new (HEAPSCOPE_APP_ID);
  HeapscopeStepControls *controls = heapscope_window_get_step_controls (win);

  g_settings_set_int (settings, "step-limit", 100);
  run_source (win, ENDLESS);
  g_assert_cmpint (heapscope_step_controls_get_n_steps (controls), ==, 100);
  g_assert_nonnull (strstr (heapscope_window_get_banner (win), "after 100 steps"));
  activate (win, "step-last");
  g_assert_nonnull (strstr (heapscope_window_get_banner (win), "step limit"));
  activate (win, "step-first");
  g_assert_nonnull (strstr (heapscope_window_get_banner (win), "step limit"));
  g_action_group_activate_action (G_ACTION_GROUP (win), "record-further", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "step-limit"), ==, 200);
  wait_until (settled);
  g_assert_cmpint (heapscope_step_controls_get_n_steps (controls), ==, 200);
  g_assert_nonnull (strstr (heapscope_window_get_banner (win), "after 200 steps"));
  g_settings_reset (settings, "step-limit");
  run_source (win, "x = 1\n");
  g_assert_null (heapscope_window_get_banner (win));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "record-further"));
  close_window (win);
}

/* A run stopped because what it recorded grew too large says so; recording further would
 * stop at the same step, so the banner offers no button for it. */
static void
test_too_large_banner (void)
{
  HeapscopeWindow *win = new_window ();

  run_source (win, "x = 1\nbig = [0] * 2000000\ny = 2\n");
  g_assert_nonnull (strstr (heapscope_window_get_banner (win), "grew too large"));
  g_assert_null (strstr (heapscope_window_get_banner (win), "step limit"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "record-further"));
  close_window (win);
}

/* ---- the interpreter in its own process (issue 13, item 2) ---- */

static gboolean
not_running (HeapscopeWindow *win)
{
  return !heapscope_session_get_running (heapscope_window_get_session (win));
}

/* The interpreter crashes at step 300 (a real invalid memory access in the runner): the
 * window, its text and the 300 steps stay, and the banner and the console say what
 * happened. The next run works. */
static void
test_child_crash (void)
{
  HeapscopeWindow *win = new_window ();
  HeapscopeSession *session = heapscope_window_get_session (win);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  HsTrace *t;

  g_setenv ("HS_TEST_CHILD_FAULT", "crash:300", TRUE);
  run_source (win, "total = 0\nfor i in range(1000):\n    total += i\nprint(total)\n");
  g_unsetenv ("HS_TEST_CHILD_FAULT");
  t = heapscope_session_get_trace (session);
  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_INTERRUPTED);
  g_assert_cmpint (heapscope_step_controls_get_n_steps (heapscope_window_get_step_controls (win)),
                   ==, 300);
  g_assert_nonnull (strstr (heapscope_window_get_banner (win),
                            "Heapscope’s interpreter stopped unexpectedly at step 300 (signal"));
  text = window_text (win);
  g_assert_cmpstr (text, ==, "total = 0\nfor i in range(1000):\n    total += i\nprint(total)\n");
  activate (win, "step-last");
  g_assert_cmpint (heapscope_window_get_step (win), ==, 299);
  g_assert_cmpuint (scene_nodes (win), >, 0);
  out = console_text (win);
  g_assert_nonnull (strstr (out, "stopped unexpectedly"));
  run_source (win, "print(6 * 7)\n");
  g_assert_cmpint (hs_trace_get_end (heapscope_session_get_trace (session)), ==, HS_TRACE_END_OK);
  g_assert_null (heapscope_window_get_banner (win));
  close_window (win);
}

/* Data nested deeper than the C stack (hashing a tuple 100,000 deep: zip over the list it
 * extends nests each tuple in the next, in a few steps) ends in the runner as in
 * `heapscope-cli run`, with RecursionError, not a crash: the confined runner still knows
 * its stack's bounds. The run's end is what counts here, not the drawing of the chain. */
static void
test_child_deep_recursion (void)
{
  HeapscopeWindow *win = new_window ();
  HeapscopeSession *session = heapscope_window_get_session (win);

  heapscope_editor_set_text (heapscope_window_get_editor (win),
                             "l = [()]\nl.extend(zip(l, range(100000)))\nhash(l[-1])\n");
  heapscope_window_run (win);
  wait_until (not_running);
  g_assert_cmpint (hs_trace_get_end (heapscope_session_get_trace (session)), ==,
                   HS_TRACE_END_EXCEPTION);
  g_assert_null (heapscope_window_get_banner (win));
  g_assert_nonnull (strstr (hs_trace_get_error_text (heapscope_session_get_trace (session)),
                            "RecursionError: maximum recursion depth exceeded"));
  close_window (win);
}

/* A runner that asks for more memory than the memory-limit preference allows ends, and
 * the window says it ran out of memory and keeps the steps so far. */
static void
test_child_out_of_memory (void)
{
  HeapscopeWindow *win;
  g_autoptr (GSettings) settings = g_settings_new (HEAPSCOPE_APP_ID);

#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("AddressSanitizer needs the address space the limit would take");
  return;
#endif
  win = new_window ();
  g_settings_set_int (settings, "memory-limit", 256);
  g_setenv ("HS_TEST_CHILD_FAULT", "oom:20", TRUE);
  run_source (win, "total = 0\nfor i in range(1000):\n    total += i\n");
  g_unsetenv ("HS_TEST_CHILD_FAULT");
  g_assert_cmpint (
      hs_trace_get_end (heapscope_session_get_trace (heapscope_window_get_session (win))), ==,
      HS_TRACE_END_INTERRUPTED);
  g_assert_cmpint (heapscope_step_controls_get_n_steps (heapscope_window_get_step_controls (win)),
                   ==, 20);
  g_assert_nonnull (strstr (heapscope_window_get_banner (win), "ran out of memory at step 20"));
  /* g_format_size puts a no-break space before the unit */
  g_assert_nonnull (strstr (heapscope_window_get_banner (win), "(the limit is 256.0"));
  g_settings_reset (settings, "memory-limit");
  close_window (win);
}

static gboolean
fifty_steps_in (HeapscopeWindow *win)
{
  return heapscope_session_get_recorded_steps (heapscope_window_get_session (win)) == 50;
}

/* An interpreter stuck where no step check reaches (a C loop) does not answer Stop's
 * SIGTERM; Stop kills it after a short grace and keeps the steps so far. */
static void
test_stop_hung_child (void)
{
  HeapscopeWindow *win = new_window ();
  g_autoptr (GSettings) settings = g_settings_new (HEAPSCOPE_APP_ID);
  HeapscopeSession *session = heapscope_window_get_session (win);
  gint64 start;

  g_settings_set_int (settings, "step-limit", 10000000);
  g_setenv ("HS_TEST_CHILD_FAULT", "hang:50", TRUE);
  heapscope_editor_set_text (heapscope_window_get_editor (win), ENDLESS);
  heapscope_window_run (win);
  g_unsetenv ("HS_TEST_CHILD_FAULT");
  wait_until (fifty_steps_in);
  g_assert_true (heapscope_session_get_running (session));
  start = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (win), "stop", NULL);
  wait_until (not_running);
  g_test_message ("Stop ended the hung runner after %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  wait_until (settled);
  g_assert_true (heapscope_session_get_stopped (session));
  g_assert_cmpint (hs_trace_get_end (heapscope_session_get_trace (session)), ==,
                   HS_TRACE_END_CANCELLED);
  g_assert_cmpint (heapscope_step_controls_get_n_steps (heapscope_window_get_step_controls (win)),
                   ==, 50);
  g_settings_reset (settings, "step-limit");
  close_window (win);
}

/* The app process killed outright (SIGKILL) with unsaved text that it had just run: the
 * next start restores the text and does not run it. The killed app is this test program
 * started again as "--type-run-and-wait TEXT" on the same display and home. */
static void
test_kill_restore (void)
{
  const char *typed = "items = [1, 2]\nitems.append(items)\n";
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "heapscope", "autosave", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  guint n_before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  HeapscopeWindow *win = NULL;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path,
                            "--type-run-and-wait", typed, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ran");
  g_subprocess_send_signal (child, SIGKILL);
  g_assert_true (g_subprocess_wait (child, NULL, NULL));
  g_assert_true (g_subprocess_get_if_signaled (child));

  win = heapscope_window_restore_session (HEAPSCOPE_APPLICATION (app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_before + 1);
  {
    g_autofree char *text = window_text (win);
    g_assert_cmpstr (text, ==, typed);
  }
  g_assert_null (heapscope_session_get_trace (heapscope_window_get_session (win)));
  g_assert_false (heapscope_session_get_running (heapscope_window_get_session (win)));
  g_assert_nonnull (strstr (heapscope_window_get_banner (win), "press Run"));
  close_window (win);
}

/* The killed app of test_kill_restore: types, runs (which autosaves), says so, waits. */
static int
type_run_and_wait (const char *text)
{
  HeapscopeWindow *win;

  adw_init ();
  app = heapscope_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  win = new_window ();
  type_text (win, text);
  heapscope_window_run (win);
  wait_until (settled);
  g_print ("ran\n");
  fflush (stdout);
  for (;;) /* until the test kills this process */
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

int
main (int argc, char *argv[])
{
  int status;

  self_path = argv[0];
  if (argc == 3 && g_str_equal (argv[1], "--type-run-and-wait"))
    return type_run_and_wait (argv[2]); /* in the home of the test that started it */
  app_test_init (&argc, &argv);

  g_test_add_func ("/app/window/console-stderr", test_console_stderr);
  g_test_add_func ("/app/window/example-steps", test_example_steps);
  g_test_add_func ("/app/window/main-menu-examples", test_main_menu_examples);
  g_test_add_func ("/app/window/syntax-warnings", test_syntax_warnings);
  g_test_add_func ("/app/window/rerun-keeps-step", test_rerun_keeps_step);
  g_test_add_func ("/app/window/syntax-error", test_syntax_error);
  g_test_add_func ("/app/window/runtime-error", test_runtime_error);
  g_test_add_func ("/app/window/presentation", test_presentation);
  g_test_add_func ("/app/window/high-contrast-and-icon", test_high_contrast_and_icon);
  g_test_add_func ("/app/window/collapse", test_collapse);
  g_test_add_func ("/app/window/raise-is-not-return", test_raise_is_not_return);
  g_test_add_func ("/app/window/words-and-ids", test_words_and_ids);
  g_test_add_func ("/app/window/show-internals", test_show_internals);
  g_test_add_func ("/app/window/expand-elided", test_expand_elided);
  g_test_add_func ("/app/window/collapse-and-expand-one", test_collapse_and_expand_one);
  g_test_add_func ("/app/window/recursion-summarised", test_recursion_summarised);
  g_test_add_func ("/app/window/live-run", test_live_run);
  g_test_add_func ("/app/window/input", test_input);
  g_test_add_func ("/app/diagram/keyboard", test_diagram_keyboard);
  g_test_add_func ("/app/diagram/follow-keeps-frames", test_follow_keeps_frames);
  g_test_add_func ("/app/diagram/fit-zoom-steps", test_fit_zoom_steps);
  g_test_add_func ("/app/diagram/animation-first-frame", test_animation_first_frame);
  g_test_add_func ("/app/diagram/animation-follow-scroll", test_animation_follow_scroll);
  g_test_add_func ("/app/window/presenting-panel-grows-only", test_presenting_panel_grows_only);
  g_test_add_func ("/app/window/autosave-restore", test_autosave_restore);
  g_test_add_func ("/app/accels", test_accels);
  g_test_add_func ("/app/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/app/pane-cycling", test_pane_cycling);
  g_test_add_func ("/app/fault/stop-endless", test_stop_endless);
  g_test_add_func ("/app/fault/close-during-run", test_close_during_run);
  g_test_add_func ("/app/fault/save-fails", test_save_fails);
  g_test_add_func ("/app/fault/save-full-disk", test_save_full_disk);
  g_test_add_func ("/app/window/step-limit-banner", test_step_limit_banner);
  g_test_add_func ("/app/window/too-large-banner", test_too_large_banner);
  g_test_add_func ("/app/fault/child-crash", test_child_crash);
  g_test_add_func ("/app/fault/stop-hung-child", test_stop_hung_child);
  g_test_add_func ("/app/fault/child-deep-recursion", test_child_deep_recursion);
  g_test_add_func ("/app/fault/child-out-of-memory", test_child_out_of_memory);
  g_test_add_func ("/app/fault/kill-restore", test_kill_restore);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
