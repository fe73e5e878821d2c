/* heapscope-step-controls.h — first/back/play/forward/last, a timeline and "Step k of N".
 *
 * The buttons activate the window's step actions; the timeline sets the "step"
 * property, which the window follows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEAPSCOPE_TYPE_STEP_CONTROLS (heapscope_step_controls_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopeStepControls, heapscope_step_controls, HEAPSCOPE, STEP_CONTROLS,
                      GtkWidget)

GtkWidget *heapscope_step_controls_new (void);
int heapscope_step_controls_get_step (HeapscopeStepControls *self);
/* 0-based step; shown as "Step step+1 of n_steps". */
void heapscope_step_controls_set_step (HeapscopeStepControls *self, int step);
int heapscope_step_controls_get_n_steps (HeapscopeStepControls *self);
void heapscope_step_controls_set_n_steps (HeapscopeStepControls *self, int n_steps);
const char *heapscope_step_controls_get_label (HeapscopeStepControls *self);
GtkAdjustment *heapscope_step_controls_get_speed_adjustment (HeapscopeStepControls *self);
void heapscope_step_controls_set_playing (HeapscopeStepControls *self, gboolean playing);

G_END_DECLS
