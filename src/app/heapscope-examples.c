/* heapscope-examples.c — lists and loads the examples compiled into the binary, so a
 * newcomer always has a program to run, whatever is installed. */
#include "config.h"

#include "heapscope-examples.h"

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
  g_autofree char *base
      = g_strndup (name, g_str_has_suffix (name, ".py") ? strlen (name) - 3 : strlen (name));
  g_autofree char *spaced = g_strdelimit (g_strdup (base), "_-", ' ');
  /* strip an ordering prefix such as "01 " */
  const char *p = spaced;

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
