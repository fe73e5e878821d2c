/* heapscope-export.h — exporting one step or every step of a trace, in a worker. */
#pragma once

#include <gio/gio.h>

#include "heapscope-session.h"

G_BEGIN_DECLS

/* An export of all steps refuses runs longer than this (files or pages). */
#define HEAPSCOPE_EXPORT_MAX_STEPS 1000

typedef enum
{
  HEAPSCOPE_EXPORT_PNG,
  HEAPSCOPE_EXPORT_SVG,
  HEAPSCOPE_EXPORT_PDF,
  HEAPSCOPE_EXPORT_PDF_PAGES, /* one multi-page PDF, a page per step */
  HEAPSCOPE_EXPORT_DOT,
} HeapscopeExportFormat;

typedef struct
{
  HeapscopeTraceBox *box;
  HeapscopeViewOptions *options;
  HeapscopeExportFormat format;
  gboolean all_steps; /* every step (one file each, or pages) instead of `step` */
  int step;
  double scale; /* PNG only */
  char *theme;  /* "light", "dark", "high-contrast" */
  char *path;   /* the file; with all_steps and a one-image format, the name
                   gets "-001", "-002", ... before its extension */
} HeapscopeExportRequest;

void heapscope_export_request_free (HeapscopeExportRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeapscopeExportRequest, heapscope_export_request_free)

const char *heapscope_export_format_extension (HeapscopeExportFormat format);

/* Takes `request`. */
void heapscope_export_async (HeapscopeExportRequest *request, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
/* The paths written (NULL-terminated, free with g_strfreev), or NULL with `error`. */
char **heapscope_export_finish (GAsyncResult *result, GError **error);

G_END_DECLS
