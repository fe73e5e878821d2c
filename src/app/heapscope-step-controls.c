/* heapscope-step-controls.c — the step bar under the window.
 *
 * Invariant: the timeline's adjustment spans [0, n_steps - 1] and its value equals
 * `step`; the label reads "Step step+1 of n_steps". `syncing` stops the echo between
 * the property and the adjustment.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "heapscope-step-controls.h"

struct _HeapscopeStepControls
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkAdjustment *timeline_adjustment;
  GtkLabel *label;
  GtkSpinButton *speed;
  GtkToggleButton *play_button;
  int step;
  int n_steps;
  gboolean syncing;
};

enum
{
  PROP_0,
  PROP_STEP,
  PROP_N_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HeapscopeStepControls, heapscope_step_controls, GTK_TYPE_WIDGET)

static void
sync_widgets (HeapscopeStepControls *self)
{
  g_autofree char *text = NULL;

  self->syncing = TRUE;
  gtk_adjustment_configure (self->timeline_adjustment, self->step, 0, MAX (self->n_steps - 1, 0), 1,
                            10, 0);
  self->syncing = FALSE;
  if (self->n_steps == 0)
    text = g_strdup (_ ("No steps"));
  else
    /* Translators: the position in the program's execution, e.g. "Step 3 of 17" */
    text = g_strdup_printf (_ ("Step %d of %d"), self->step + 1, self->n_steps);
  gtk_label_set_text (self->label, text);
}

void
heapscope_step_controls_set_step (HeapscopeStepControls *self, int step)
{
  g_return_if_fail (HEAPSCOPE_IS_STEP_CONTROLS (self));
  step = CLAMP (step, 0, MAX (self->n_steps - 1, 0));
  if (step == self->step)
    return;
  self->step = step;
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

void
heapscope_step_controls_set_n_steps (HeapscopeStepControls *self, int n_steps)
{
  g_return_if_fail (HEAPSCOPE_IS_STEP_CONTROLS (self));
  n_steps = MAX (n_steps, 0);
  if (n_steps == self->n_steps)
    return;
  self->n_steps = n_steps;
  if (self->step > MAX (n_steps - 1, 0))
    heapscope_step_controls_set_step (self, n_steps - 1);
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STEPS]);
}

int
heapscope_step_controls_get_step (HeapscopeStepControls *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_STEP_CONTROLS (self), 0);
  return self->step;
}

int
heapscope_step_controls_get_n_steps (HeapscopeStepControls *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_STEP_CONTROLS (self), 0);
  return self->n_steps;
}

const char *
heapscope_step_controls_get_label (HeapscopeStepControls *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_STEP_CONTROLS (self), NULL);
  return gtk_label_get_text (self->label);
}

GtkAdjustment *
heapscope_step_controls_get_speed_adjustment (HeapscopeStepControls *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_STEP_CONTROLS (self), NULL);
  return gtk_spin_button_get_adjustment (self->speed);
}

void
heapscope_step_controls_set_playing (HeapscopeStepControls *self, gboolean playing)
{
  g_return_if_fail (HEAPSCOPE_IS_STEP_CONTROLS (self));
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), playing
                                                                ? "media-playback-pause-symbolic"
                                                                : "media-playback-start-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _ ("Pause") : _ ("Play"), -1);
}

static void
on_timeline_changed (GtkAdjustment *adj, HeapscopeStepControls *self)
{
  if (!self->syncing)
    heapscope_step_controls_set_step (self, (int)lround (gtk_adjustment_get_value (adj)));
}

static void
heapscope_step_controls_get_property (GObject *object, guint prop_id, GValue *value,
                                      GParamSpec *pspec)
{
  HeapscopeStepControls *self = HEAPSCOPE_STEP_CONTROLS (object);

  switch (prop_id)
    {
      case PROP_STEP:
        g_value_set_int (value, self->step);
        break;
      case PROP_N_STEPS:
        g_value_set_int (value, self->n_steps);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heapscope_step_controls_set_property (GObject *object, guint prop_id, const GValue *value,
                                      GParamSpec *pspec)
{
  HeapscopeStepControls *self = HEAPSCOPE_STEP_CONTROLS (object);

  switch (prop_id)
    {
      case PROP_STEP:
        heapscope_step_controls_set_step (self, g_value_get_int (value));
        break;
      case PROP_N_STEPS:
        heapscope_step_controls_set_n_steps (self, g_value_get_int (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heapscope_step_controls_dispose (GObject *object)
{
  HeapscopeStepControls *self = HEAPSCOPE_STEP_CONTROLS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEAPSCOPE_TYPE_STEP_CONTROLS);
  self->box = NULL;
  G_OBJECT_CLASS (heapscope_step_controls_parent_class)->dispose (object);
}

static void
heapscope_step_controls_class_init (HeapscopeStepControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heapscope_step_controls_dispose;
  object_class->get_property = heapscope_step_controls_get_property;
  object_class->set_property = heapscope_step_controls_set_property;

  properties[PROP_STEP]
      = g_param_spec_int ("step", NULL, NULL, 0, G_MAXINT, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_STEPS]
      = g_param_spec_int ("n-steps", NULL, NULL, 0, G_MAXINT, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/heapscope/Heapscope/heapscope-step-controls.ui");
  gtk_widget_class_bind_template_child (widget_class, HeapscopeStepControls, box);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeStepControls, timeline_adjustment);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeStepControls, label);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeStepControls, speed);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeStepControls, play_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heapscopestepcontrols");
}

static void
heapscope_step_controls_init (HeapscopeStepControls *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->timeline_adjustment, "value-changed", G_CALLBACK (on_timeline_changed),
                    self);
  sync_widgets (self);
}

GtkWidget *
heapscope_step_controls_new (void)
{
  return g_object_new (HEAPSCOPE_TYPE_STEP_CONTROLS, NULL);
}
