/* app-frames.c — the window's animation frames as a user sees them (issue 18 item 3).
 *
 * Runs a program of about N drawn objects (points, each with a list and a dict, in groups
 * of eight) in the real window, then steps forward through its last steps, each step
 * animated, and times every frame drawn while the diagram animates: from the frame clock's
 * before-paint to its after-paint, that is the tween, GTK's layout, the widgets' snapshot
 * and GSK's rendering of the damaged area into the window's image (GSK_RENDERER=cairo,
 * under Xvfb). Prints, per size, the median, 95th percentile (all but one frame in twenty:
 * a single slow frame shows in the worst alone) and worst frame in wall time and in this
 * thread's CPU time (the machine may be busy with other work: the CPU time is what a frame
 * costs us), and the frames each 300 ms animation got; then the CPU time of the main thread
 * between two frames of a step (what the view draws ahead for the next frame, what it frees
 * after one: with the frame, what a refresh interval costs). A measurement, never an
 * assertion; the goal is 8 ms a frame at 300 objects.
 *
 * Usage: app-frames [N...] (default 100 300), under xvfb-run and dbus-run-session with
 * GSETTINGS_SCHEMA_DIR and HEAPSCOPE_RUNNER set (bench/meson.build).
 */
#include <adwaita.h>

#include "bench-clock.h"
#include "heapscope-application.h"
#include "heapscope-window.h"

#define STEPS 12 /* animated steps timed per size */

typedef struct
{
  HeapscopeDiagramView *view;
  gboolean animating; /* at the frame's before-paint */
  gboolean first;     /* the next animation frame is its step's first */
  double wall0, cpu0;
  double end_cpu;     /* at the last animation frame's end, or -1 */
  GArray *wall, *cpu; /* ms, one per animation frame after a step's first */
  GArray *first_cpu;  /* ms, a step's first frame: the rest of the window changes with it */
  GArray *between;    /* ms of CPU between two frames of a step (drawing ahead, freeing) */
} Frames;

static void
on_before_paint (GdkFrameClock *clock, Frames *f)
{
  f->animating = heapscope_diagram_view_is_animating (f->view);
  f->wall0 = bench_clock_ms (CLOCK_MONOTONIC);
  f->cpu0 = bench_clock_ms (CLOCK_THREAD_CPUTIME_ID);
  if (f->animating && !f->first && f->end_cpu >= 0)
    {
      double between = f->cpu0 - f->end_cpu;

      g_array_append_val (f->between, between);
    }
}

static void
on_after_paint (GdkFrameClock *clock, Frames *f)
{
  double wall = bench_clock_ms (CLOCK_MONOTONIC) - f->wall0;
  double cpu = bench_clock_ms (CLOCK_THREAD_CPUTIME_ID) - f->cpu0;

  f->end_cpu = f->animating ? f->cpu0 + cpu : -1;
  if (!f->animating)
    return;
  if (f->first)
    g_array_append_val (f->first_cpu, cpu);
  else
    {
      g_array_append_val (f->wall, wall);
      g_array_append_val (f->cpu, cpu);
    }
  f->first = f->animating = FALSE;
}

static void
wait_for (gboolean (*cond) (HeapscopeWindow *), HeapscopeWindow *win)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!cond (win))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Settled: the step is shown and its animation over. */
static gboolean
at_rest (HeapscopeWindow *win)
{
  return heapscope_window_is_settled (win)
         && !heapscope_diagram_view_is_animating (heapscope_window_get_diagram (win));
}

static void
activate (HeapscopeWindow *win, const char *action)
{
  g_action_group_activate_action (G_ACTION_GROUP (win), action, NULL);
  wait_for (at_rest, win);
}

/* About `n` drawn objects: a point is three (itself, its list and its dict), a group one. */
static char *
program (guint n)
{
  return g_strdup_printf ("class Point:\n"
                          "    def __init__(self, x):\n"
                          "        self.x = x\n"
                          "        self.tags = [x]\n"
                          "        self.meta = {'id': x}\n"
                          "\n"
                          "groups = []\n"
                          "for i in range(%u):\n"
                          "    if i %% 8 == 0:\n"
                          "        group = []\n"
                          "        groups.append(group)\n"
                          "    group.append(Point(i))\n",
                          n * 8 / 25);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The value below which `p` of `v` lie (0.5: the median, 1: the worst). */
static double
percentile (GArray *v, double p)
{
  g_array_sort (v, compare_doubles);
  return g_array_index (v, double, MIN ((guint)(p * v->len), v->len - 1));
}

/* Times STEPS animated steps of the program of `n` objects, in a 1400 x 900 window or
 * presenting (full screen: the diagram takes most of the screen). */
static void
bench_size (HeapscopeApplication *app, guint n, gboolean presenting)
{
  HeapscopeWindow *win = heapscope_window_new (app);
  g_autofree char *source = program (n);
  Frames f = { heapscope_window_get_diagram (win) };
  GdkFrameClock *clock;
  guint nodes;

  f.wall = g_array_new (FALSE, FALSE, sizeof (double));
  f.cpu = g_array_new (FALSE, FALSE, sizeof (double));
  f.first_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  f.between = g_array_new (FALSE, FALSE, sizeof (double));
  f.end_cpu = -1;
  gtk_window_set_default_size (GTK_WINDOW (win), 1400, 900);
  gtk_window_present (GTK_WINDOW (win));
  heapscope_editor_set_text (heapscope_window_get_editor (win), source);
  heapscope_window_run (win);
  wait_for (at_rest, win);
  if (presenting)
    g_action_group_change_action_state (G_ACTION_GROUP (win), "presentation",
                                        g_variant_new_boolean (TRUE));
  activate (win, "step-last");
  for (int i = 0; i < STEPS; i++)
    activate (win, "step-back");
  nodes = heapscope_diagram_view_get_scene (f.view)->nodes->len;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f.view));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &f);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &f);
  for (int i = 0; i < STEPS; i++)
    {
      f.first = TRUE;
      activate (win, "step-forward");
    }
  g_signal_handlers_disconnect_by_data (clock, &f);
  g_print ("%-8s %7u %6u %4dx%-4d", presenting ? "present" : "window", n, nodes,
           gtk_widget_get_width (GTK_WIDGET (f.view)), gtk_widget_get_height (GTK_WIDGET (f.view)));
  if (f.wall->len == 0 || f.first_cpu->len == 0 || f.between->len == 0)
    g_print ("  no animation frame was drawn\n");
  else
    g_print ("%7.1f %6.1f %7.1f %8.1f %8.1f %7.1f %7.1f %8.1f %5.1f %10.1f %7.1f\n",
             percentile (f.cpu, 0.5), percentile (f.cpu, 0.95), percentile (f.cpu, 1),
             percentile (f.first_cpu, 0.5), percentile (f.first_cpu, 1), percentile (f.wall, 0.5),
             percentile (f.wall, 0.95), percentile (f.wall, 1),
             (f.wall->len + f.first_cpu->len) / (double)STEPS, percentile (f.between, 0.95),
             percentile (f.between, 1));
  g_array_unref (f.wall);
  g_array_unref (f.cpu);
  g_array_unref (f.first_cpu);
  g_array_unref (f.between);
  gtk_window_destroy (GTK_WINDOW (win));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int argc, char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("heapscope-app-frames-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  HeapscopeApplication *app;

  /* a private home: no autosave or recent files of the user's */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  adw_init ();
  app = heapscope_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_print ("animation frames (ms of the main thread's CPU; wall: elapsed), target 8 at 300\n"
           "                          diagram frames after the first  a step's first"
           " wall, frames after the first frames cpu between frames\n"
           "view     objects  nodes  viewport cpu_md cpu_95 cpu_max   cpu_md  cpu_max"
           " wall_md wall_95 wall_max /step between_95 btw_max\n");
  for (int p = 0; p < 2; p++)
    if (argc > 1)
      for (int i = 1; i < argc; i++)
        bench_size (app, (guint)g_ascii_strtoull (argv[i], NULL, 10), p);
    else
      {
        bench_size (app, 100, p);
        bench_size (app, 300, p);
      }
  g_object_unref (app);
  return 0;
}
