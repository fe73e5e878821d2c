/* heapscope-export.h — exporting steps of a trace with hs_export_steps, in a worker. */
#pragma once

#include <gio/gio.h>

#include "heapscope-session.h"
#include "hs-export.h"

G_BEGIN_DECLS

/* An export of all steps refuses runs longer than this (files or pages). */
#define HEAPSCOPE_EXPORT_MAX_STEPS 1000

typedef struct
{
  HeapscopeTraceBox *box;
  HeapscopeViewOptions *options;
  const HsExportFormat *format;
  gboolean all_steps; /* every step (one file each, or pages) instead of `step` */
  gboolean range;     /* steps first..last instead */
  int first, last;
  int step;
  double scale;         /* raster formats only */
  char *theme;          /* "light", "dark", "high-contrast" */
  HsPageSize page_size; /* multi-page formats only */
  char *path;           /* the file; with all_steps and a one-image format, the name
                           gets "-001", "-002", ... before its extension */
  GPtrArray *notes;     /* filled by the export: what the user should know (char*) */
} HeapscopeExportRequest;

void heapscope_export_request_free (HeapscopeExportRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeapscopeExportRequest, heapscope_export_request_free)

/* The request's step in its format, in memory (the clipboard's PNG and SVG). */
GBytes *heapscope_export_to_bytes (const HeapscopeExportRequest *request, GError **error);

/* Takes `request`. */
void heapscope_export_async (HeapscopeExportRequest *request, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
/* The paths written (NULL-terminated, free with g_strfreev), or NULL with `error`. */
char **heapscope_export_finish (GAsyncResult *result, GError **error);
/* What the finished export wants the user to know (a PNG drawn smaller than asked), or
 * NULL; owned by the result. */
const char *heapscope_export_get_note (GAsyncResult *result);

G_END_DECLS
