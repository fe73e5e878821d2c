/* heapscope-preferences-window.h — the preferences, bound to GSettings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEAPSCOPE_TYPE_PREFERENCES_WINDOW (heapscope_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopePreferencesWindow, heapscope_preferences_window, HEAPSCOPE,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

HeapscopePreferencesWindow *heapscope_preferences_window_new (GSettings *settings);

G_END_DECLS
