/* heapscope-examples.c — lists and loads the examples compiled into the binary, so a
 * newcomer always has a program to run, whatever is installed. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "heapscope-examples.h"

/* The bundled examples' titles, translated; an example not listed is titled from its file
 * name. */
static const struct
{
  const char *name, *title;
} titles[] = {
  { "aliasing.py", N_ ("Aliasing") },
  { "binary_tree.py", N_ ("Binary tree") },
  { "classes.py", N_ ("Classes") },
  { "closures.py", N_ ("Closures") },
  { "copying.py", N_ ("Copying") },
  { "cycle_gc.py", N_ ("Reference cycles and the collector") },
  { "del_names.py", N_ ("Deleting names") },
  { "dict_of_lists.py", N_ ("Dict of lists") },
  { "generators.py", N_ ("Generators") },
  { "grid_trap.py", N_ ("The grid trap") },
  { "interning.py", N_ ("Interning") },
  { "linked_list.py", N_ ("Linked list") },
  { "mutable_default.py", N_ ("Mutable default argument") },
  { "recursion_frames.py", N_ ("Recursion frames") },
  { "refcounts.py", N_ ("Reference counts") },
  { "string_immutable.py", N_ ("Strings are immutable") },
  { "swap_and_unpack.py", N_ ("Swap and unpack") },
  { "tuples_immutable.py", N_ ("Tuples are immutable") },
};

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

char **
heapscope_examples_list (void)
{
  g_auto (GStrv) all = g_resources_enumerate_children (HEAPSCOPE_EXAMPLES_PATH, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; all && all[i]; i++)
    if (g_str_has_suffix (all[i], ".py"))
      g_ptr_array_add (names, g_strdup (all[i]));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char *
heapscope_examples_title (const char *name)
{
  g_autofree char *base = NULL;
  g_autofree char *spaced = NULL;
  const char *p;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (name, titles[i].name))
      return g_strdup (_ (titles[i].title));
  base = g_strndup (name, g_str_has_suffix (name, ".py") ? strlen (name) - 3 : strlen (name));
  spaced = g_strdelimit (g_strdup (base), "_-", ' ');
  /* strip an ordering prefix such as "01 " */
  p = spaced;

  while (g_ascii_isdigit (*p))
    p++;
  if (p != spaced && *p == ' ')
    p++;
  else
    p = spaced;
  return g_strdup_printf ("%c%s", g_ascii_toupper (*p), *p ? p + 1 : "");
}

/* The '#' that starts a comment outside a string literal on `line`, or NULL. */
static const char *
comment_start (const char *line, const char *end)
{
  char quote = 0;

  for (const char *p = line; p < end; p++)
    {
      if (quote != 0 && *p == '\\' && p + 1 < end)
        p++;
      else if (quote != 0 && *p == quote)
        quote = 0;
      else if (quote == 0 && (*p == '\'' || *p == '"'))
        quote = *p;
      else if (quote == 0 && *p == '#')
        return p;
    }
  return NULL;
}

/* A comment says something worth translating when it has a word that is not a literal:
 * `# 1 2 3` and `# False True` stay as they are. */
static gboolean
is_prose (const char *text)
{
  static GRegex *word;

  if (g_once_init_enter (&word))
    g_once_init_leave (&word, g_regex_new ("\\b(?!(?:True|False|None)\\b)[A-Za-z]{2,}",
                                           G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (word, text, 0, NULL);
}

/* Ends the run of whole-line comments in `block`: its message, translated when `out` is
 * given, is written back one "# " line per line at the run's indentation. */
static void
flush_block (GString *block, const char *indent, GString *out, GPtrArray *messages)
{
  gboolean prose;
  g_auto (GStrv) lines = NULL;

  if (block->len == 0)
    return;
  g_string_truncate (block, block->len - 1); /* the last line's newline */
  prose = is_prose (block->str);
  if (prose && messages != NULL)
    g_ptr_array_add (messages, g_strdup (block->str));
  if (out != NULL)
    {
      lines = g_strsplit (prose ? g_dpgettext2 (GETTEXT_PACKAGE, "example comment", block->str)
                                : block->str,
                          "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (out, "%s#%s%s\n", indent, *lines[i] ? " " : "", lines[i]);
    }
  g_string_truncate (block, 0);
}

/* Walks the comments of a program as build-aux/gen-example-comments.py does: a run of
 * whole-line comments at one indentation is one message, a comment after code another.
 * Collects the messages into `messages` and/or writes the text with them translated into
 * `out`. */
static void
walk_comments (const char *text, GString *out, GPtrArray *messages)
{
  g_autoptr (GString) block = g_string_new (NULL);
  g_autofree char *indent = NULL;

  for (const char *line = text; *line != '\0';)
    {
      const char *eol = strchr (line, '\n');
      const char *end = eol != NULL ? eol : line + strlen (line);
      const char *hash = comment_start (line, end);
      gboolean whole = hash != NULL && strspn (line, " \t") == (gsize)(hash - line);
      gsize indent_len = whole ? (gsize)(hash - line) : 0;
      g_autofree char *comment = NULL;

      if (hash != NULL)
        {
          const char *body = hash + 1 < end && hash[1] == ' ' ? hash + 2 : hash + 1;

          comment = g_strchomp (g_strndup (body, end - body));
        }

      if (!whole
          || (block->len > 0
              && (strlen (indent) != indent_len || strncmp (line, indent, indent_len) != 0)))
        flush_block (block, indent, out, messages);
      if (whole)
        {
          g_free (indent);
          indent = g_strndup (line, hash - line);
          g_string_append_printf (block, "%s\n", comment);
        }
      else if (comment != NULL && is_prose (comment))
        {
          if (messages != NULL)
            g_ptr_array_add (messages, g_strdup (comment));
          if (out != NULL)
            g_string_append_printf (out, "%.*s# %s\n", (int)(hash - line), line,
                                    g_dpgettext2 (GETTEXT_PACKAGE, "example comment", comment));
        }
      else if (out != NULL)
        g_string_append_printf (out, "%.*s\n", (int)(end - line), line);
      line = eol != NULL ? eol + 1 : end;
    }
  flush_block (block, indent, out, messages);
}

GPtrArray *
heapscope_examples_comments (const char *text)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  walk_comments (text, NULL, messages);
  return messages;
}

char *
heapscope_examples_translate_comments (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  walk_comments (text, out, NULL);
  if (out->len > 0 && !g_str_has_suffix (text, "\n"))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

char *
heapscope_examples_load (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (HEAPSCOPE_EXAMPLES_PATH, name, NULL);
  g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, error);
  gsize len;
  const char *data;
  g_autofree char *text = NULL;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  text = g_strndup (data, len);
  return heapscope_examples_translate_comments (text);
}

GMenuModel *
heapscope_examples_menu (const char *action)
{
  g_auto (GStrv) names = heapscope_examples_list ();
  GMenu *menu = g_menu_new ();

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *title = heapscope_examples_title (names[i]);
      g_autoptr (GMenuItem) item = g_menu_item_new (title, NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (names[i]));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}
