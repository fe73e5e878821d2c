/* hs-cli-render.c — `heapscope-cli render FILE --step N|A-B|last|all -o OUT`.
 *
 * Steps are counted from 1, as the window's "Step k of N" does. The work is
 * hs_export_steps, the window's export function: a range goes into one multi-page PDF
 * or animated GIF, or into numbered files (OUT-001.png, ...) for the other formats.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hs-cli.h"
#include "hs-export.h"

static gboolean
parse_one_step (const char *s, int n_steps, int *step, GError **error)
{
  gint64 k;

  if (g_strcmp0 (s, "last") == 0)
    {
      *step = n_steps - 1;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (s, 10, 1, G_MAXINT, &k, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--step must be a step number, a range A-B, \"last\" or \"all\", not \"%s\""),
                   s);
      return FALSE;
    }
  if (k > n_steps)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "step %d does not exist: the program has %d step",
                                "step %d does not exist: the program has %d steps", n_steps),
                   (int)k, n_steps);
      return FALSE;
    }
  *step = (int)k - 1;
  return TRUE;
}

/* "N", "last", "A-B" (from 1, inclusive) or "all" into 0-based first and last. */
static gboolean
parse_steps (const char *s, int n_steps, int *first, int *last, GError **error)
{
  const char *dash = strchr (s, '-');

  if (g_strcmp0 (s, "all") == 0)
    {
      *first = 0;
      *last = n_steps - 1;
      return TRUE;
    }
  if (dash != NULL)
    {
      g_autofree char *from = g_strndup (s, dash - s);

      if (!parse_one_step (from, n_steps, first, error)
          || !parse_one_step (dash + 1, n_steps, last, error))
        return FALSE;
      if (*first > *last)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("--step %s: the range ends before it starts"), s);
          return FALSE;
        }
      return TRUE;
    }
  if (!parse_one_step (s, n_steps, first, error))
    return FALSE;
  *last = *first;
  return TRUE;
}

static void
usage_error (const char *fmt, const char *arg)
{
  g_autofree char *message = g_strdup_printf (fmt, arg);

  g_printerr ("heapscope-cli render: %s\n", message);
}

int
hs_cli_render (int argc, char **argv)
{
  g_autofree char *step_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *theme_name = NULL;
  g_autofree char *page_name = NULL;
  g_autofree char *extensions = hs_export_extensions_list ();
  gboolean heap_primitives = FALSE;
  gboolean internals = FALSE;
  gint64 max_steps = 100000;
  double scale = 1.0;
  GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_STRING, &step_arg,
      N_ ("Steps to draw, from 1: a number, a range A-B, last or all"), "N|A-B|last|all" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_ ("Output file: .png, .svg, .pdf, .gif or .dot"), "OUT" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_ ("Scale factor of a PNG or GIF (default 1)"),
      "S" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_name,
      N_ ("Colours: light, dark or high-contrast (default light)"), "T" },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &page_name,
      N_ ("Pages of a multi-page PDF: fit (the largest step, default), a4, a4-landscape or 16:9"),
      "P" },
    { "heap-primitives", 0, 0, G_OPTION_ARG_NONE, &heap_primitives,
      N_ ("Show ints, floats, strs, bools and None as heap objects"), NULL },
    { "internals", 0, 0, G_OPTION_ARG_NONE, &internals,
      N_ ("Show what the interpreter makes behind the scenes (loop iterators, .0)"), NULL },
    { "max-steps", 0, 0, G_OPTION_ARG_INT64, &max_steps,
      N_ ("Record at most N steps (default 100000)"), "N" },
    { NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *abs = NULL;
  g_autoptr (HsTrace) trace = NULL;
  g_auto (GStrv) written = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  HsTraceOptions options;
  HsExportSettings settings;
  gsize len = 0;

  if (!hs_cli_parse_options ("render", _ ("FILE — draw the memory diagram of a step"), entries,
                             &argc, &argv))
    return 2;
  if (argc != 2 || out == NULL)
    {
      g_printerr (
          _ ("Usage: heapscope-cli render FILE --step N|A-B|last|all -o OUT "
             "[--scale S] [--theme T] [--page-size P] [--heap-primitives] [--internals]\n"));
      return 2;
    }
  hs_export_settings_init (&settings);
  if (hs_export_format_for_path (out, FALSE) == NULL)
    {
      g_autofree char *message
          = g_strdup_printf (_ ("%s: unknown format; use %s"), out, extensions);

      usage_error ("%s", message);
      return 2;
    }
  settings.theme = hs_theme_lookup (theme_name ? theme_name : "light");
  if (settings.theme == NULL)
    {
      usage_error (_ ("unknown theme '%s'; use light, dark or high-contrast"), theme_name);
      return 2;
    }
  if (page_name != NULL && !hs_page_size_lookup (page_name, &settings.page_size))
    {
      usage_error (_ ("unknown page size '%s'; use fit, a4, a4-landscape or 16:9"), page_name);
      return 2;
    }
  if (!(scale > 0.05 && scale <= 16.0))
    {
      g_printerr (_ ("heapscope-cli render: --scale must be between 0.05 and 16\n"));
      return 2;
    }
  settings.scale = scale;
  settings.view = internals ? HS_VIEW_SHOW_INTERNALS : 0;
  settings.notes = notes;
  if (!hs_cli_read_source ("render", argv[1], &text, &len, &abs))
    return 1;
  hs_trace_options_init (&options);
  options.heap_primitives = heap_primitives;
  options.input = hs_cli_read_stdin_line;
  options.max_steps = CLAMP (max_steps, 1, 10000000);
  trace = hs_trace_record_take (g_steal_pointer (&text), len, abs, &options, NULL);
  settings.trace = trace;
  if (parse_steps (step_arg ? step_arg : "last", hs_trace_get_n_steps (trace), &settings.first,
                   &settings.last, &error))
    {
      settings.format = hs_export_format_for_path (out, settings.first < settings.last);
      written = hs_export_steps (&settings, out, &error);
    }
  hs_diagram_shutdown ();
  if (written == NULL)
    {
      g_printerr ("heapscope-cli render: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < notes->len; i++)
    g_printerr ("heapscope-cli render: %s\n", (char *)notes->pdata[i]);
  return 0;
}
