/* heapscope-export-dialog.h — choose steps, format, scale and theme; then a file. */
#pragma once

#include <adwaita.h>

#include "heapscope-export.h"
#include "heapscope-window.h"

G_BEGIN_DECLS

#define HEAPSCOPE_TYPE_EXPORT_DIALOG (heapscope_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopeExportDialog, heapscope_export_dialog, HEAPSCOPE, EXPORT_DIALOG,
                      AdwMessageDialog)

HeapscopeExportDialog *heapscope_export_dialog_new (HeapscopeWindow *window);

/* A format of hs_export_formats, by id ("png", "pdf-pages", ...). */
void heapscope_export_dialog_set_format (HeapscopeExportDialog *self, const char *id);
void heapscope_export_dialog_set_all_steps (HeapscopeExportDialog *self, gboolean all_steps);
/* Steps first..last (from 0) instead of the current or all steps. */
void heapscope_export_dialog_set_range (HeapscopeExportDialog *self, int first, int last);
void heapscope_export_dialog_set_page_size (HeapscopeExportDialog *self, HsPageSize size);
void heapscope_export_dialog_set_scale (HeapscopeExportDialog *self, double scale);
/* "light", "dark" or "high-contrast". */
void heapscope_export_dialog_set_theme (HeapscopeExportDialog *self, const char *theme);

/* The request the dialog's choices describe, writing to `path` (may be NULL). */
HeapscopeExportRequest *heapscope_export_dialog_build_request (HeapscopeExportDialog *self,
                                                               const char *path);
/* What "Export…" does once a file is chosen: starts the export in the window (which
 * shows a toast when done) and closes the dialog. */
void heapscope_export_dialog_export_to (HeapscopeExportDialog *self, GFile *file);

G_END_DECLS
