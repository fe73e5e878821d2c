/* test-examples.c — the bundled examples' comments are translatable: every prose comment the
 * app finds in an example is a message of src/app/heapscope-examples-comments.h (which
 * xgettext reads), and under a German or Spanish locale an example loads with its comments
 * translated and its code unchanged. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "../src/app/heapscope-examples-comments.h"
#include "../src/app/heapscope-examples.h"

static char *
load_original (const char *name)
{
  g_autofree char *path = g_strconcat (HEAPSCOPE_EXAMPLES_PATH, name, NULL);
  g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  gsize len;
  const char *data;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

static gboolean
in_table (const char *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (heapscope_examples_comment_table); i++)
    if (g_str_equal (heapscope_examples_comment_table[i], message))
      return TRUE;
  return FALSE;
}

/* The table and the examples agree both ways: no comment is missed by xgettext, and no
 * message is left over from an example that changed. */
static void
test_comments_in_table (void)
{
  g_auto (GStrv) names = heapscope_examples_list ();
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (g_strv_length (names), >, 10);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *text = load_original (names[i]);
      g_autoptr (GPtrArray) messages = heapscope_examples_comments (text);

      g_assert_cmpuint (messages->len, >, 0);
      for (guint m = 0; m < messages->len; m++)
        {
          const char *message = g_ptr_array_index (messages, m);

          if (!in_table (message))
            g_error ("%s: comment not in heapscope-examples-comments.h (run "
                     "build-aux/gen-example-comments.py): \"%s\"",
                     names[i], message);
          g_hash_table_add (used, g_strdup (message));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (heapscope_examples_comment_table); i++)
    if (!g_hash_table_contains (used, heapscope_examples_comment_table[i]))
      g_error ("message no longer in any example: \"%s\"", heapscope_examples_comment_table[i]);
}

/* The lines that hold no comment, in order. */
static char *
code_lines (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *code = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strchr (lines[i], '#') == NULL)
      g_string_append_printf (code, "%s\n", lines[i]);
  return g_string_free (code, FALSE);
}

static void
test_translated (gconstpointer data)
{
  const char *language = data;
  g_auto (GStrv) names = heapscope_examples_list ();
  guint messages_total = 0, translated = 0;

  g_setenv ("LANGUAGE", language, TRUE);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *original = load_original (names[i]);
      g_autofree char *loaded = heapscope_examples_load (names[i], NULL);
      g_autofree char *original_code = code_lines (original);
      g_autofree char *loaded_code = code_lines (loaded);
      g_autoptr (GPtrArray) before = heapscope_examples_comments (original);
      g_autoptr (GPtrArray) after = heapscope_examples_comments (loaded);

      g_assert_cmpstr (loaded_code, ==, original_code);
      g_assert_cmpuint (after->len, ==, before->len);
      for (guint m = 0; m < before->len; m++)
        {
          messages_total++;
          if (!g_str_equal (g_ptr_array_index (before, m), g_ptr_array_index (after, m)))
            translated++;
        }
    }
  g_unsetenv ("LANGUAGE");
  /* A few comments read the same in both languages ("Interning", code in backquotes). */
  g_test_message ("%s: %u of %u comments differ from English", language, translated,
                  messages_total);
  g_assert_cmpuint (translated * 10, >=, messages_total * 9);
}

/* Untranslated, loading changes nothing. */
static void
test_english_unchanged (void)
{
  g_auto (GStrv) names = heapscope_examples_list ();

  g_setenv ("LANGUAGE", "C", TRUE);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *original = load_original (names[i]);
      g_autofree char *loaded = heapscope_examples_load (names[i], NULL);

      g_assert_cmpstr (loaded, ==, original);
    }
  g_unsetenv ("LANGUAGE");
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("HEAPSCOPE_LOCALEDIR");

  /* glibc ignores LANGUAGE under the "C" locale, not under C.UTF-8, which always exists. */
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/examples/comments-in-table", test_comments_in_table);
  g_test_add_func ("/examples/english-unchanged", test_english_unchanged);
  g_test_add_data_func ("/examples/translated/de", "de", test_translated);
  g_test_add_data_func ("/examples/translated/es", "es", test_translated);
  return g_test_run ();
}
