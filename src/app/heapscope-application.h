/* heapscope-application.h — the AdwApplication: app-wide actions, settings and theme. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEAPSCOPE_APP_ID "io.github.heapscope.Heapscope"

#define HEAPSCOPE_TYPE_APPLICATION (heapscope_application_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopeApplication, heapscope_application, HEAPSCOPE, APPLICATION,
                      AdwApplication)

HeapscopeApplication *heapscope_application_new (void);
GSettings *heapscope_application_get_settings (HeapscopeApplication *self);
/* TRUE when the diagram should use its dark palette (theme setting or system). */
gboolean heapscope_application_get_dark (HeapscopeApplication *self);
/* g_get_monotonic_time () when the application was created (for HEAPSCOPE_PROFILE). */
gint64 heapscope_application_get_start_time (HeapscopeApplication *self);

G_END_DECLS
