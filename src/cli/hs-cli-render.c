/* hs-cli-render.c — `heapscope-cli render FILE --step N|last|all -o OUT.(png|svg|pdf|dot)`.
 *
 * Steps are counted from 1, as the window's "Step k of N" does. `all` writes one PDF with
 * a page per step, or numbered files (OUT-0001.png, ...) for the other formats.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hs-cli.h"
#include "hs-diagram.h"
#include "hs-export.h"
#include "hs-trace.h"

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
  FORMAT_DOT
} Format;

typedef struct
{
  HsTrace *trace;
  Format format;
  const HsTheme *theme;
  double scale;
  HsDiagramOptions diagram;
  HsViewFlags view;
} Render;

static gboolean
parse_format (const char *path, Format *format)
{
  static const char *const exts[] = { ".png", ".svg", ".pdf", ".dot" };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    if (g_str_has_suffix (lower, exts[i]))
      {
        *format = (Format)i;
        return TRUE;
      }
  return FALSE;
}

/* "1".."N", "last" or "all" (-1). */
static gboolean
parse_step (const char *s, int n_steps, int *step, GError **error)
{
  gint64 k;

  if (g_strcmp0 (s, "all") == 0)
    {
      *step = -1;
      return TRUE;
    }
  if (g_strcmp0 (s, "last") == 0)
    {
      *step = n_steps - 1;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (s, 10, 1, G_MAXINT, &k, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--step must be a step number, \"last\" or \"all\", not \"%s\""), s);
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

static HsScene *
scene_at (Render *r, int k, GError **error)
{
  g_autoptr (HsSnapshot) snap = hs_trace_view (r->trace, k, r->view);
  return hs_diagram_render (snap, &r->diagram, error);
}

static gboolean
write_one (Render *r, int k, const char *path, GError **error)
{
  g_autoptr (HsScene) scene = NULL;

  if (r->format == FORMAT_DOT)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_view (r->trace, k, r->view);
      return hs_export_dot (snap, &r->diagram, path, error);
    }
  scene = scene_at (r, k, error);
  if (scene == NULL)
    return FALSE;
  switch (r->format)
    {
      case FORMAT_PNG:
        return hs_export_png (scene, r->theme, r->scale, path, error);
      case FORMAT_SVG:
        return hs_export_svg (scene, r->theme, path, error);
      default:
        return hs_export_pdf (scene, r->theme, path, error);
    }
}

static char *
source_line (HsTrace *trace, int line)
{
  g_auto (GStrv) lines = g_strsplit (hs_trace_get_source (trace), "\n", -1);
  return line >= 1 && line <= (int)g_strv_length (lines) ? g_strdup (lines[line - 1])
                                                         : g_strdup ("");
}

static gboolean
write_pages (Render *r, const char *path, GError **error)
{
  int n = hs_trace_get_n_steps (r->trace);
  g_autoptr (GPtrArray) scenes = g_ptr_array_new_with_free_func ((GDestroyNotify)hs_scene_free);
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  for (int k = 0; k < n; k++)
    {
      int line = hs_trace_step_line (r->trace, k);
      g_autofree char *text = source_line (r->trace, line);
      HsScene *scene = scene_at (r, k, error);
      if (scene == NULL)
        return FALSE;
      g_ptr_array_add (scenes, scene);
      g_ptr_array_add (titles, hs_export_step_title (k + 1, line, text));
    }
  return hs_export_pdf_pages ((const HsScene *const *)scenes->pdata,
                              (const char *const *)titles->pdata, scenes->len, r->theme, path,
                              error);
}

/* OUT.png -> OUT-0001.png, ... */
static char *
numbered_path (const char *path, int k)
{
  const char *dot = strrchr (path, '.');
  return g_strdup_printf ("%.*s-%04d%s", (int)(dot - path), path, k + 1, dot);
}

static gboolean
write_all (Render *r, const char *path, GError **error)
{
  if (r->format == FORMAT_PDF)
    return write_pages (r, path, error);
  for (int k = 0; k < hs_trace_get_n_steps (r->trace); k++)
    {
      g_autofree char *p = numbered_path (path, k);
      if (!write_one (r, k, p, error))
        return FALSE;
    }
  return TRUE;
}

int
hs_cli_render (int argc, char **argv)
{
  g_autofree char *step_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *theme_name = NULL;
  gboolean heap_primitives = FALSE;
  gboolean internals = FALSE;
  gint64 max_steps = 100000;
  double scale = 1.0;
  GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_STRING, &step_arg,
      N_ ("Step to draw: a number from 1, last or all"), "N|last|all" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_ ("Output file: .png, .svg, .pdf or .dot"),
      "OUT" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_ ("Scale factor of a PNG (default 1)"), "S" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_name,
      N_ ("Colours: light, dark or high-contrast (default light)"), "T" },
    { "heap-primitives", 0, 0, G_OPTION_ARG_NONE, &heap_primitives,
      N_ ("Show ints, floats, strs, bools and None as heap objects"), NULL },
    { "internals", 0, 0, G_OPTION_ARG_NONE, &internals,
      N_ ("Show what the interpreter makes behind the scenes (loop iterators, .0)"), NULL },
    { "max-steps", 0, 0, G_OPTION_ARG_INT64, &max_steps,
      N_ ("Record at most N steps (default 100000)"), "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new (_ ("FILE — draw the memory diagram of a step"));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *abs = NULL;
  g_autoptr (HsTrace) trace = NULL;
  HsTraceOptions options;
  Render r = { 0 };
  gsize len = 0;
  int step;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("heapscope-cli render: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || out == NULL)
    {
      g_printerr (_ ("Usage: heapscope-cli render FILE --step N|last|all -o OUT.(png|svg|pdf|dot) "
                     "[--scale S] [--theme T] [--heap-primitives] [--internals]\n"));
      return 2;
    }
  if (!parse_format (out, &r.format))
    {
      g_printerr (_ ("heapscope-cli render: %s: unknown format; use .png, .svg, .pdf or .dot\n"),
                  out);
      return 2;
    }
  r.theme = hs_theme_lookup (theme_name ? theme_name : "light");
  if (r.theme == NULL)
    {
      g_printerr (
          _ ("heapscope-cli render: unknown theme '%s'; use light, dark or high-contrast\n"),
          theme_name);
      return 2;
    }
  if (!(scale > 0.05 && scale <= 16.0))
    {
      g_printerr (_ ("heapscope-cli render: --scale must be between 0.05 and 16\n"));
      return 2;
    }
  r.scale = scale;
  r.view = internals ? HS_VIEW_SHOW_INTERNALS : 0;
  hs_diagram_options_init (&r.diagram);
  if (!hs_cli_read_source ("render", argv[1], &text, &len, &abs))
    return 1;
  hs_trace_options_init (&options);
  options.heap_primitives = heap_primitives;
  options.max_steps = CLAMP (max_steps, 1, 10000000);
  trace = hs_trace_record (text, len, abs, &options, NULL);
  r.trace = trace;
  if (!parse_step (step_arg ? step_arg : "last", hs_trace_get_n_steps (trace), &step, &error)
      || !(step < 0 ? write_all (&r, out, &error) : write_one (&r, step, out, &error)))
    {
      g_printerr ("heapscope-cli render: %s\n", error->message);
      hs_diagram_shutdown ();
      return 1;
    }
  hs_diagram_shutdown ();
  return 0;
}
