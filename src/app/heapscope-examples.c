/* heapscope-examples.c — lists and loads the examples compiled into the binary, so a
 * newcomer always has a program to run, whatever is installed. */
#include "config.h"

#include <glib/gi18n.h>

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

char *
heapscope_examples_load (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (HEAPSCOPE_EXAMPLES_PATH, name, NULL);
  g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, error);
  gsize len;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
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
