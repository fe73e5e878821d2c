/* hs-export.h — diagrams as files: the table of formats and the one export function.
 *
 * The window's export dialog and `heapscope-cli render` both call hs_export_steps, so a
 * step's title, the page size, the scale and the theme agree wherever a file comes from.
 * Adding a format is one row in the table (hs-export.c) and its writer. Every image goes
 * through hs_painter_draw, so a file looks like the window.
 */
#pragma once

#include "hs-diagram.h"
#include "hs-painter.h"
#include "hs-trace.h"

G_BEGIN_DECLS

/* The page of a multi-page PDF: every page has the same size. */
typedef enum
{
  HS_PAGE_FIT,          /* the largest step's size, drawn at scale 1 */
  HS_PAGE_A4,           /* portrait, for handouts */
  HS_PAGE_A4_LANDSCAPE, /* landscape A4 */
  HS_PAGE_16_9,         /* a 16:9 slide (960 x 540 pt) */
  HS_N_PAGE_SIZES
} HsPageSize;

/* "fit", "a4", "a4-landscape", "16:9"; hs_page_size_lookup returns FALSE when unknown. */
const char *hs_page_size_name (HsPageSize size);
gboolean hs_page_size_lookup (const char *name, HsPageSize *size);

typedef struct _HsExportJob HsExportJob;

typedef struct
{
  const char *id;        /* "png", "svg", "pdf", "pdf-pages", "gif", "dot": CLI and settings */
  const char *extension; /* ".png" */
  const char *label;     /* N_("PNG Image"): translate it where it is shown */
  /* A range of steps goes into one file (pages, frames); otherwise each step is a file. */
  gboolean multi_page;
  gboolean scaled; /* a raster image: the scale applies */
  /* Writes steps first..last (one step when !multi_page) through hs_export_job_write. */
  gboolean (*write) (HsExportJob *job, int first, int last, GError **error);
} HsExportFormat;

/* The table, in the order a dialog lists it. */
const HsExportFormat *hs_export_formats (guint *n_formats);
const HsExportFormat *hs_export_format_lookup (const char *id);
/* The format a file name asks for (by extension, case-insensitively); for ".pdf", the
 * multi-page PDF when `range` is TRUE. NULL when no format has that extension. */
const HsExportFormat *hs_export_format_for_path (const char *path, gboolean range);
/* ".png, .svg, .pdf, .gif or .dot", for messages. */
char *hs_export_extensions_list (void);

/* The scene of step k: lets the window export what it shows (collapsed objects...). */
typedef HsScene *(*HsExportLayoutFunc) (HsTrace *trace, int step, gpointer user_data,
                                        GError **error);

typedef struct
{
  const HsExportFormat *format;
  HsTrace *trace;
  int first, last;      /* steps, from 0, inclusive */
  const HsTheme *theme; /* default: light */
  double scale;         /* raster formats; default 1 */
  HsPageSize page_size; /* multi-page PDF; default HS_PAGE_FIT */
  gboolean show_badges; /* refcount badges; default TRUE */
  /* Frames drawn between two steps of an animation (GIF); default 4. */
  guint tween_frames;
  HsViewFlags view;                /* the learner's view (0) or the internals too */
  const HsDiagramOptions *diagram; /* NULL: the defaults */
  HsExportLayoutFunc layout;       /* NULL: hs_diagram_render of the view with `diagram` */
  gpointer layout_data;
  /* Optional, the caller's: the export appends (char*, translated) what the user should
   * know about the files written, such as a PNG drawn smaller than asked to fit an
   * image's size limit. */
  GPtrArray *notes;
} HsExportSettings;

void hs_export_settings_init (HsExportSettings *settings);

/* Exports steps first..last of the trace to `path`: one file for a multi-page format,
 * else one file per step, named by hs_export_numbered_path when there are several.
 * Each file is written beside its target and renamed into place once complete, so on
 * failure no file is left (nor any earlier file of the same export) and `error` says
 * why. Returns the paths written (NULL-terminated; g_strfreev), or NULL. */
char **hs_export_steps (const HsExportSettings *settings, const char *path, GError **error);

/* Step `first` of the settings in the format, in memory (the window's clipboard). */
GBytes *hs_export_to_bytes (const HsExportSettings *settings, GError **error);

/* "diagram.png", step 3 of 12 -> "diagram-004.png" (at least three digits). */
char *hs_export_numbered_path (const char *path, int step, int n_steps);
/* The title of step k's page: "Step k+1 — line N: <the line just run>", or "Step 1 —
 * start" before anything ran. */
char *hs_export_step_title (HsTrace *trace, int step);

G_END_DECLS
