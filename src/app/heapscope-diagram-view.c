/* heapscope-diagram-view.c — draws the scene, tweens between scenes, zooms and pans.
 *
 * Invariants:
 * - `target` is the last scene set (what the view is heading to); `shown` is what the
 *   last frame drew: `target` itself when settled, while animating a frame of `tween`
 *   (which borrows `from` and `target`, so it goes before them).
 * - Geometry: a scene point p is drawn at p * zoom + origin, where origin centres the
 *   content when it is smaller than the viewport and follows the adjustments otherwise.
 *   A step's tween carries its scroll: the adjustments are where the step ends at once,
 *   the diagram is drawn from where the step before was seen to there (drawn_origin).
 * - Fitting (`fit`, on until the viewer zooms by hand): the zoom changes between steps
 *   only when the new scene no longer fits, so that text keeps its size while stepping;
 *   it then shrinks to fit, down to `fit_floor` (MIN_FIT_ZOOM, below which text is not
 *   readable and the view scrolls; MIN_ZOOM after Fit to Window, which shows it whole).
 *   A view change (expanding, shortening, collapsing a node: the signals below) is not a
 *   step: its scene comes back to `zoom_to_return`, the zoom before the first such change
 *   (or a fresh fit, after a new viewport), as far as it fits, so a long recursion expanded
 *   and shortened again is drawn at the size it had.
 * - snapshot only reads this state; every change calls gtk_widget_queue_draw/resize.
 * - Keyboard and accessibility: `focus_role`/`focus_id` name the node the keyboard is on
 *   (it keeps its name across steps, as nodes do); the accessible description is the
 *   target scene in words, the label names the focused node (hs-scene-describe.h).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <time.h>

#include "heapscope-diagram-view.h"
#include "hs-painter.h"
#include "hs-scene-describe.h"
#include "hs-tween.h"

#define MARGIN 24.0
#define MIN_ZOOM 0.01    /* Fit to Window shows any diagram whole */
#define MIN_FIT_ZOOM 0.4 /* below this text is unreadable: stepping scrolls instead */
#define MAX_ZOOM 8.0
#define ZOOM_STEP 1.2
#define FIT_STEPS_PER_OCTAVE 16 /* fitted zooms are powers of 2^(1/16): 4.4% apart */

struct _HeapscopeDiagramView
{
  GtkWidget parent_instance;

  HsScene *target;
  HsScene *from;              /* animation start, or NULL */
  HsTween *tween;             /* from -> target while animating, or NULL */
  const HsScene *shown;       /* the tween's last frame, or NULL: then `target` is shown */
  gint64 anim_start_us;       /* the frame time of the animation's first frame, or 0 before it */
  gboolean resize_pending;    /* the target's size is to be measured from its second frame */
  int measured_w, measured_h; /* the natural size measure last gave */
  double progress;            /* the tween's eased time, 0 to 1 */
  /* the origin the tween started from less origin(): drawn_origin comes from there */
  double scroll_dx, scroll_dy;
  gboolean scroll_held; /* a step moves the adjustments: its tween draws that scroll */
  guint tick_id;
  guint duration_ms;
  /* a finished animation's tween and first scene, freed after its last frame (freeing 300
   * boxes' cells and texts was 1 ms of that frame), as are the paint cache's retired images */
  HsTween *spent_tween;
  HsScene *spent_from;
  guint cleanup_id;
  /* between an animation's frames: its next frame drawn where no one sees it, so that what
   * that frame would draw anew (a step's still layer, edges' masks, boxes' new images) is in
   * the paint cache when it comes (draw_ahead) */
  guint ahead_id;
  double device_dx, device_dy; /* where the widget's frames are drawn on their device */

  char *theme;
  gboolean show_refcounts;
  HsPaintCache *paint_cache; /* nodes as images: a frame of a moving scene blits them */

  double zoom;
  double zoom_at_gesture;
  double max_fit_zoom;
  gboolean fit;
  double fit_floor;
  int fit_width, fit_height; /* the viewport the zoom was last fitted to */
  double zoom_to_return;     /* while view changes are shown, or 0 */
  gboolean view_changed;     /* the next scene comes from a view change */

  GtkAdjustment *hadj;
  GtkAdjustment *vadj;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;
  double drag_h0, drag_v0;

  /* the node a context menu was opened on */
  guint64 menu_id;
  char *menu_type;
  GtkWidget *menu;

  HeapscopeCollapsedFunc collapsed_func;
  gpointer collapsed_data;

  /* the node the keyboard is on, and the one an arrow was followed from (Left goes back) */
  gboolean has_focus_node;
  HsSceneNodeRole focus_role;
  guint64 focus_id;
  gboolean has_came_from;
  HsSceneNodeRole came_from_role;
  guint64 came_from_id;

  /* HEAPSCOPE_PROFILE=1: what the frames of each animation cost (README, "Performance") */
  gboolean profile;
  GdkFrameClock *profile_clock; /* connected to while an animation runs */
  double frame_cpu0, frame_wall0, tween_ms, snapshot_ms;
  /* images0, layers0: the paint cache's images and still layers drawn before the animation */
  guint n_frames, images0, layers0;
  double sum_cpu_ms, max_cpu_ms, sum_wall_ms, max_wall_ms, sum_tween_ms, sum_snapshot_ms;
  double sum_ahead_ms, max_ahead_ms; /* draw_ahead, between the frames */
};

enum
{
  PROP_0,
  PROP_ZOOM,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum
{
  EXPAND_OBJECT,
  SHORTEN_OBJECT,
  TOGGLE_COLLAPSED,
  TOGGLE_COLLAPSED_TYPE,
  RESTORE_ALL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (HeapscopeDiagramView, heapscope_diagram_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static const HsScene *
shown_scene (HeapscopeDiagramView *self)
{
  return self->shown ? self->shown : self->target;
}

/* ---- geometry ---- */

static void
content_size (HeapscopeDiagramView *self, double *w, double *h)
{
  const HsScene *s = self->target;

  *w = (s ? s->width : 0) * self->zoom + 2 * MARGIN;
  *h = (s ? s->height : 0) * self->zoom + 2 * MARGIN;
}

static void
origin (HeapscopeDiagramView *self, double *ox, double *oy)
{
  double cw, ch;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  content_size (self, &cw, &ch);
  *ox = cw <= w ? (w - cw) / 2 + MARGIN
                : MARGIN - (self->hadj ? gtk_adjustment_get_value (self->hadj) : 0);
  *oy = ch <= h ? (h - ch) / 2 + MARGIN
                : MARGIN - (self->vadj ? gtk_adjustment_get_value (self->vadj) : 0);
}

/* Where the origin is drawn: while a step's tween runs, it goes from where the view was
 * when the step came to origin() (where the adjustments are already), by whole pixels, so
 * that the painter's still layer moves with it instead of being drawn again. */
static void
drawn_origin (HeapscopeDiagramView *self, double *ox, double *oy)
{
  double left = self->tween ? 1 - self->progress : 0;

  origin (self, ox, oy);
  *ox += round (self->scroll_dx * left);
  *oy += round (self->scroll_dy * left);
}

static void
widget_to_scene (HeapscopeDiagramView *self, double x, double y, double *sx, double *sy)
{
  double ox, oy;

  origin (self, &ox, &oy);
  *sx = (x - ox) / self->zoom;
  *sy = (y - oy) / self->zoom;
}

static gboolean
rect_contains (const HsRect *r, double x, double y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static const HsSceneNode *
node_at (HeapscopeDiagramView *self, double x, double y)
{
  const HsScene *scene = self->target;
  double sx, sy;

  if (scene == NULL)
    return NULL;
  widget_to_scene (self, x, y, &sx, &sy);
  /* later nodes are drawn on top */
  for (guint i = scene->nodes->len; i > 0; i--)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i - 1);
      if (rect_contains (&node->rect, sx, sy))
        return node;
    }
  return NULL;
}

static const HsSceneCell *
cell_at (HeapscopeDiagramView *self, const HsSceneNode *node, double x, double y)
{
  double sx, sy;

  widget_to_scene (self, x, y, &sx, &sy);
  for (guint i = 0; i < node->cells->len; i++)
    {
      const HsSceneCell *cell = &g_array_index (node->cells, HsSceneCell, i);
      if (rect_contains (&cell->rect, sx, sy))
        return cell;
    }
  return NULL;
}

const char *
heapscope_scene_node_type_name (const HsSceneNode *node)
{
  for (guint i = 0; node && i < node->cells->len; i++)
    {
      const HsSceneCell *cell = &g_array_index (node->cells, HsSceneCell, i);
      if (cell->role == HS_CELL_HEADER)
        return cell->text;
    }
  return NULL;
}

/* ---- adjustments (GtkScrollable) ---- */

static void
configure_adjustment (GtkAdjustment *adj, double content, int viewport)
{
  double upper = MAX (content, viewport);
  double value = CLAMP (gtk_adjustment_get_value (adj), 0, upper - viewport);

  gtk_adjustment_configure (adj, value, 0, upper, viewport * 0.1, viewport * 0.9, viewport);
}

static void
configure_adjustments (HeapscopeDiagramView *self)
{
  double cw, ch;

  content_size (self, &cw, &ch);
  if (self->hadj)
    configure_adjustment (self->hadj, cw, gtk_widget_get_width (GTK_WIDGET (self)));
  if (self->vadj)
    configure_adjustment (self->vadj, ch, gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
on_adjustment_changed (GtkAdjustment *adj, HeapscopeDiagramView *self)
{
  if (!self->scroll_held)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (HeapscopeDiagramView *self, GtkAdjustment **slot, GtkAdjustment *adj)
{
  if (*slot == adj)
    return;
  if (*slot)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
  g_clear_object (slot);
  if (adj == NULL)
    adj = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adj);
  g_signal_connect (adj, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  configure_adjustments (self);
}

/* The values of an adjustment with this page size at which [lo, hi] is all in view; when
 * it is longer than the page, those at which it fills the page. */
static void
values_showing (double lo, double hi, double page, double *from, double *to)
{
  *from = MIN (hi - page, lo);
  *to = MAX (hi - page, lo);
}

/* How much of [lo, hi] a page starting at v shows. */
static double
overlap (double lo, double hi, double v, double page)
{
  return MAX (0, MIN (hi, v + page) - MAX (lo, v));
}

/* Scrolls so that scene rect r is visible, when it is not already, as little as that takes;
 * with `also` (may be NULL), to where `also` is in view with it if they fit together. When
 * they do not, `also` (the frames' column) stays whole, as near r as it allows, while that
 * shows at least half of what showing r would; else the view stops as near `also` as r
 * allows. A column cut at its edge would hide the variables' names: a jump to the end of
 * a 300-node tree, a little wider than the view with its frames, cut the global frame. */
static void
scroll_to_rect (HeapscopeDiagramView *self, const HsRect *r, const HsRect *also)
{
  const HsRect *rects[2] = { r, also ? also : r };
  GtkAdjustment *adjs[2] = { self->hadj, self->vadj };

  for (int axis = 0; axis < 2; axis++)
    {
      double lo[2], hi[2], from[2], to[2], v, page, near_also, near_r;

      if (adjs[axis] == NULL)
        continue;
      v = gtk_adjustment_get_value (adjs[axis]);
      page = gtk_adjustment_get_page_size (adjs[axis]);
      for (int i = 0; i < 2; i++)
        {
          double start = axis ? rects[i]->y : rects[i]->x;
          double length = axis ? rects[i]->height : rects[i]->width;

          lo[i] = start * self->zoom, hi[i] = lo[i] + length * self->zoom + 2 * MARGIN;
          values_showing (lo[i], hi[i], page, &from[i], &to[i]);
        }
      if (lo[0] + MARGIN >= v && hi[0] - MARGIN <= v + page)
        continue; /* r is in view */
      if (MAX (from[0], from[1]) <= MIN (to[0], to[1]))
        v = CLAMP (v, MAX (from[0], from[1]), MIN (to[0], to[1]));
      else
        {
          near_also = to[1] < from[0] ? to[1] : from[1];
          near_r = to[1] < from[0] ? from[0] : to[0];
          /* r's own edges, without the margins */
          v = 2 * overlap (lo[0] + MARGIN, hi[0] - MARGIN, near_also, page)
                      >= overlap (lo[0] + MARGIN, hi[0] - MARGIN, near_r, page)
                  ? near_also
                  : near_r;
        }
      gtk_adjustment_set_value (adjs[axis], v);
    }
}

/* Whether `n` is something the eye should follow: created or changed in this step,
 * a count that moved since `prev`, or a frame that just became the running one. */
static gboolean
node_changed (const HsSceneNode *n, const HsScene *prev)
{
  const HsSceneNode *before = prev ? hs_scene_find_node (prev, n->role, n->id) : NULL;

  if (n->flags & (HS_SNAP_FLAG_NEW | HS_SNAP_FLAG_CHANGED))
    return TRUE;
  if (prev == NULL)
    return FALSE;
  if (before == NULL)
    return TRUE;
  if (n->role == HS_SCENE_NODE_FRAME)
    return n->is_highlighted && !before->is_highlighted;
  return g_strcmp0 (n->badge, before->badge) != 0;
}

/* What a box is taken around: what changed (objects or frames), or the frames' column
 * (frames and recursion markers, whose names say what the objects are). */
typedef enum
{
  CHANGED_OBJECTS,
  CHANGED_FRAMES,
  FRAMES_COLUMN,
} Pick;

static gboolean
picked (const HsSceneNode *n, const HsScene *prev, Pick pick)
{
  if (pick == FRAMES_COLUMN)
    return hs_scene_node_is_frame_like (n);
  return n->role == (pick == CHANGED_OBJECTS ? HS_SCENE_NODE_OBJECT : HS_SCENE_NODE_FRAME)
         && node_changed (n, prev);
}

/* The rectangle around the nodes of `s` that `pick` takes; FALSE when there are none. */
static gboolean
bounds (const HsScene *s, const HsScene *prev, Pick pick, HsRect *out)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  gboolean any = FALSE;

  for (guint i = 0; i < s->nodes->len; i++)
    {
      const HsSceneNode *n = g_ptr_array_index (s->nodes, i);

      if (!picked (n, prev, pick))
        continue;
      any = TRUE;
      x0 = MIN (x0, n->rect.x);
      y0 = MIN (y0, n->rect.y);
      x1 = MAX (x1, n->rect.x + n->rect.width);
      y1 = MAX (y1, n->rect.y + n->rect.height);
    }
  *out = (HsRect){ x0, y0, x1 - x0, y1 - y0 };
  return any;
}

/* Brings what this step changed into view when it is off-screen: the objects first
 * (that is where the lesson is), else the frames; with the frames' column when both fit. */
static void
follow_changes (HeapscopeDiagramView *self, const HsScene *prev)
{
  HsRect r, frames;

  if (self->target == NULL)
    return;
  if (bounds (self->target, prev, CHANGED_OBJECTS, &r)
      || bounds (self->target, prev, CHANGED_FRAMES, &r))
    scroll_to_rect (self, &r, bounds (self->target, NULL, FRAMES_COLUMN, &frames) ? &frames : NULL);
}

/* ---- zoom ---- */

/* The zoom at which the whole target fits the viewport (at most max_fit_zoom, at least
 * `least`), or 0 when there is nothing to fit yet. */
static double
fit_zoom (HeapscopeDiagramView *self, double least)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  const HsScene *s = self->target;
  double z;

  if (s == NULL || s->width <= 0 || s->height <= 0 || w <= 0 || h <= 0)
    return 0;
  self->fit_width = w, self->fit_height = h;
  z = MIN ((w - 2 * MARGIN) / s->width, (h - 2 * MARGIN) / s->height);
  /* down to a step of 1/16 octave: a diagram a few pixels larger than the last keeps its
   * zoom (its text its size, its boxes' images their use) where it would shrink a little
   * at every step */
  z = exp2 (floor (log2 (z) * FIT_STEPS_PER_OCTAVE + 1e-9) / FIT_STEPS_PER_OCTAVE);
  return CLAMP (z, least, self->max_fit_zoom);
}

/* A fresh fit while view changes are shown: returning from them fits afresh too. */
static void
refitted (HeapscopeDiagramView *self)
{
  if (self->zoom_to_return > 0)
    self->zoom_to_return = self->max_fit_zoom;
}

/* The zoom for a new target while fitting: the current one while the scene still fits
 * (or cannot fit at a readable size anyway), else the one that fits. A first scene, or a
 * new viewport size, is fitted afresh. */
static double
settle_zoom (HeapscopeDiagramView *self, gboolean fresh)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  double z;

  fresh = fresh || w != self->fit_width || h != self->fit_height;
  z = fit_zoom (self, self->fit_floor);
  if (z == 0)
    return self->zoom;
  if (fresh)
    refitted (self);
  return fresh ? z : MIN (self->zoom, z);
}

/* The zoom for the scene of a view change: the one before the first change, as far as the
 * scene fits; once it fits there, the view is back at rest. */
static double
return_zoom (HeapscopeDiagramView *self)
{
  double z = fit_zoom (self, self->fit_floor);
  double back = self->zoom_to_return;

  if (z == 0)
    return self->zoom;
  if (z >= back)
    self->zoom_to_return = 0;
  return MIN (back, z);
}

/* Zoomed by hand: the zoom stays where the viewer put it, view changes included. */
static void
stop_fitting (HeapscopeDiagramView *self)
{
  self->fit = FALSE;
  self->zoom_to_return = 0;
}

static void
apply_zoom (HeapscopeDiagramView *self, double zoom, double ax, double ay)
{
  double sx, sy, ox, oy;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;
  /* keep the scene point under the anchor (ax, ay) where it is */
  widget_to_scene (self, ax, ay, &sx, &sy);
  self->zoom = zoom;
  configure_adjustments (self);
  origin (self, &ox, &oy);
  if (self->hadj)
    gtk_adjustment_set_value (self->hadj,
                              gtk_adjustment_get_value (self->hadj) + (sx * zoom + ox - ax));
  if (self->vadj)
    gtk_adjustment_set_value (self->vadj,
                              gtk_adjustment_get_value (self->vadj) + (sy * zoom + oy - ay));
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
zoom_centered (HeapscopeDiagramView *self, double zoom)
{
  apply_zoom (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
heapscope_diagram_view_get_zoom (HeapscopeDiagramView *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self), 1.0);
  return self->zoom;
}

void
heapscope_diagram_view_set_zoom (HeapscopeDiagramView *self, double zoom)
{
  g_return_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self));
  stop_fitting (self);
  zoom_centered (self, zoom);
}

void
heapscope_diagram_view_zoom_in (HeapscopeDiagramView *self)
{
  heapscope_diagram_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
heapscope_diagram_view_zoom_out (HeapscopeDiagramView *self)
{
  heapscope_diagram_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

void
heapscope_diagram_view_zoom_fit (HeapscopeDiagramView *self)
{
  g_return_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self));
  self->fit = TRUE;
  self->fit_floor = MIN_ZOOM;
  refitted (self);
  if (fit_zoom (self, self->fit_floor) > 0)
    zoom_centered (self, fit_zoom (self, self->fit_floor));
}

void
heapscope_diagram_view_set_max_fit_zoom (HeapscopeDiagramView *self, double zoom)
{
  g_return_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self));
  self->max_fit_zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (self->fit)
    zoom_centered (self, settle_zoom (self, TRUE));
}

/* The class handlers of the view-change signals (run first, before the window lays the
 * step out again): the zoom to come back to is the one before the first change. */
static void
view_change (HeapscopeDiagramView *self)
{
  if (self->fit && self->zoom_to_return == 0)
    self->zoom_to_return = self->zoom;
  self->view_changed = TRUE;
}

static void
view_change_id (HeapscopeDiagramView *self, guint64 id)
{
  view_change (self);
}

static void
view_change_type (HeapscopeDiagramView *self, const char *type)
{
  view_change (self);
}

/* ---- animation ---- */

static double
ease_out_cubic (double t)
{
  double u = 1 - t;
  return 1 - u * u * u;
}

static void profile_end (HeapscopeDiagramView *self);

static void
stop_animation (HeapscopeDiagramView *self)
{
  if (self->tick_id)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->ahead_id, g_source_remove);
  self->shown = NULL;
  self->progress = self->scroll_dx = self->scroll_dy = 0;
  g_clear_pointer (&self->tween, hs_tween_free);
  g_clear_pointer (&self->from, hs_scene_free);
  profile_end (self);
}

/* Milliseconds of this thread's CPU time: what a frame costs the main thread, whatever
 * else the machine is doing. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
profile_before_paint (GdkFrameClock *clock, HeapscopeDiagramView *self)
{
  self->frame_cpu0 = thread_cpu_ms ();
  self->frame_wall0 = g_get_monotonic_time () / 1000.0;
  self->tween_ms = self->snapshot_ms = 0;
}

/* A frame is over: the tween, GTK's layout, every widget's snapshot and GSK's rendering. */
static void
profile_after_paint (GdkFrameClock *clock, HeapscopeDiagramView *self)
{
  double cpu = thread_cpu_ms () - self->frame_cpu0;
  double wall = g_get_monotonic_time () / 1000.0 - self->frame_wall0;

  self->n_frames++;
  self->sum_cpu_ms += cpu, self->max_cpu_ms = MAX (self->max_cpu_ms, cpu);
  self->sum_wall_ms += wall, self->max_wall_ms = MAX (self->max_wall_ms, wall);
  self->sum_tween_ms += self->tween_ms, self->sum_snapshot_ms += self->snapshot_ms;
}

/* Times the frames of the animation that starts now, until profile_end. */
static void
profile_begin (HeapscopeDiagramView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!self->profile || self->profile_clock != NULL || clock == NULL)
    return;
  self->profile_clock = g_object_ref (clock);
  self->images0 = hs_paint_cache_n_images_drawn (self->paint_cache);
  self->layers0 = hs_paint_cache_n_layers_drawn (self->paint_cache);
  g_signal_connect (clock, "before-paint", G_CALLBACK (profile_before_paint), self);
  g_signal_connect (clock, "after-paint", G_CALLBACK (profile_after_paint), self);
}

static void
profile_end (HeapscopeDiagramView *self)
{
  guint n = MAX (self->n_frames, 1);

  if (self->profile_clock == NULL)
    return;
  /* by function: GTK's own tick handler on the clock has this widget as its data too */
  g_signal_handlers_disconnect_by_func (self->profile_clock, profile_before_paint, self);
  g_signal_handlers_disconnect_by_func (self->profile_clock, profile_after_paint, self);
  g_clear_object (&self->profile_clock);
  g_printerr ("heapscope-profile: animation of %u nodes: %u frames, CPU mean %.1f ms max %.1f "
              "ms (tween %.1f, diagram snapshot %.1f; %u boxes and %u still layers drawn anew at "
              "zoom %.3f), wall mean %.1f ms max %.1f ms; drawn ahead between frames: mean %.1f "
              "ms max %.1f ms\n",
              self->target ? self->target->nodes->len : 0, self->n_frames, self->sum_cpu_ms / n,
              self->max_cpu_ms, self->sum_tween_ms / n, self->sum_snapshot_ms / n,
              hs_paint_cache_n_images_drawn (self->paint_cache) - self->images0,
              hs_paint_cache_n_layers_drawn (self->paint_cache) - self->layers0, self->zoom,
              self->sum_wall_ms / n, self->max_wall_ms, self->sum_ahead_ms / n, self->max_ahead_ms);
  self->n_frames = 0;
  self->sum_cpu_ms = self->max_cpu_ms = self->sum_wall_ms = self->max_wall_ms = 0;
  self->sum_tween_ms = self->sum_snapshot_ms = self->sum_ahead_ms = self->max_ahead_ms = 0;
}

/* What the last frames let go of: a finished animation's tween and first scene, and the
 * images the paint cache no longer keeps. */
static void
free_spent (HeapscopeDiagramView *self)
{
  g_clear_pointer (&self->spent_tween, hs_tween_free);
  g_clear_pointer (&self->spent_from, hs_scene_free);
  if (self->paint_cache != NULL)
    hs_paint_cache_release (self->paint_cache);
}

static gboolean
cleanup (gpointer data)
{
  HeapscopeDiagramView *self = data;

  self->cleanup_id = 0;
  free_spent (self);
  return G_SOURCE_REMOVE;
}

/* Work between an animation's frames: once a frame is over, before the next, which the
 * frame clock starts at GDK_PRIORITY_REDRAW (an idle of default priority waited for the
 * animation's end when frames came late). */
#define BETWEEN_FRAMES_PRIORITY (GDK_PRIORITY_REDRAW - 5)

/* What a frame let go of is freed once it is over, before the next. */
static void
schedule_cleanup (HeapscopeDiagramView *self)
{
  if (self->cleanup_id == 0)
    self->cleanup_id = g_idle_add_full (BETWEEN_FRAMES_PRIORITY, cleanup, self, NULL);
}

/* Ends the animation, its tween freed once the frame is over. */
static void
finish_animation (HeapscopeDiagramView *self)
{
  g_clear_pointer (&self->spent_tween, hs_tween_free);
  g_clear_pointer (&self->spent_from, hs_scene_free);
  self->spent_tween = g_steal_pointer (&self->tween);
  self->spent_from = g_steal_pointer (&self->from);
  schedule_cleanup (self);
  stop_animation (self);
}

/* Whether the natural size is the one measure last gave. */
static gboolean
measured_same (HeapscopeDiagramView *self)
{
  double cw, ch;

  content_size (self, &cw, &ch);
  return MAX ((int)ceil (cw), 64) == self->measured_w
         && MAX ((int)ceil (ch), 64) == self->measured_h;
}

static gboolean
on_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t, t0 = self->profile ? thread_cpu_ms () : 0;

  /* the animation's first frame: its start, already on screen (see set_scene) */
  if (self->anim_start_us == 0)
    {
      self->anim_start_us = now;
      return G_SOURCE_CONTINUE;
    }
  /* a resize lays the whole window out again, asking the X server for the work area */
  if (self->resize_pending && !measured_same (self))
    gtk_widget_queue_resize (widget);
  self->resize_pending = FALSE;
  t = (now - self->anim_start_us) / (1000.0 * MAX (self->duration_ms, 1));
  if (t >= 1.0 || !gtk_widget_get_mapped (widget))
    {
      self->tick_id = 0;
      finish_animation (self);
      gtk_widget_queue_draw (widget);
      return G_SOURCE_REMOVE;
    }
  self->progress = ease_out_cubic (MAX (t, 0));
  self->shown = hs_tween_frame (self->tween, self->progress);
  gtk_widget_queue_draw (widget);
  if (self->profile)
    self->tween_ms = thread_cpu_ms () - t0;
  return G_SOURCE_CONTINUE;
}

static void paint_scene (HeapscopeDiagramView *self, cairo_t *cr, const HsScene *scene, int w,
                         int h);

/* Draws the frame at `progress` on a recording no one shows. */
static void
draw_unseen (HeapscopeDiagramView *self, double progress, int w, int h)
{
  cairo_surface_t *surface = cairo_recording_surface_create (
      CAIRO_CONTENT_COLOR_ALPHA, &(cairo_rectangle_t){ self->device_dx, self->device_dy, w, h });
  cairo_t *cr = cairo_create (surface);

  self->progress = progress;
  self->shown = hs_tween_frame (self->tween, progress);
  cairo_translate (cr, self->device_dx, self->device_dy);
  paint_scene (self, cr, self->shown, w, h);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Between two frames of an animation: the next frame drawn where no one sees it, so that
 * what it draws anew is in the paint cache when it comes: the still layer of a step's
 * second frame (one image of the edges that stay put), the boxes whose image changes, and
 * the masks of the edges that move with their ends. Each took 5-15 ms of its frame at 300
 * objects (HEAPSCOPE_PROFILE: "drawn ahead between frames"). The next frame is then the
 * one shown until the tick, at the progress it is expected to have. */
static gboolean
draw_ahead (gpointer data)
{
  HeapscopeDiagramView *self = data;
  GtkWidget *widget = GTK_WIDGET (self);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double duration_us = 1000.0 * MAX (self->duration_ms, 1), t0 = thread_cpu_ms (), t;
  gint64 interval = 0, last;

  self->ahead_id = 0;
  if (self->tween == NULL || clock == NULL || w <= 0 || h <= 0)
    return G_SOURCE_REMOVE;
  /* the next frame comes a refresh after the last (the animation's first, when none) */
  last = self->anim_start_us ? gdk_frame_clock_get_frame_time (clock) : 0;
  gdk_frame_clock_get_refresh_info (clock, last, &interval, NULL);
  t = (last - self->anim_start_us + interval) / duration_us;
  if (t >= 1 || interval <= 0)
    return G_SOURCE_REMOVE; /* it is the settled step */
  draw_unseen (self, ease_out_cubic (t), w, h);
  if (hs_paint_cache_has_retired (self->paint_cache))
    schedule_cleanup (self);
  if (self->profile)
    {
      self->sum_ahead_ms += thread_cpu_ms () - t0;
      self->max_ahead_ms = MAX (self->max_ahead_ms, thread_cpu_ms () - t0);
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_draw_ahead (HeapscopeDiagramView *self)
{
  if (self->ahead_id == 0 && self->tween != NULL)
    self->ahead_id = g_idle_add_full (BETWEEN_FRAMES_PRIORITY, draw_ahead, self, NULL);
}

static gboolean
animations_enabled (HeapscopeDiagramView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);
  return enabled && self->duration_ms > 0 && gtk_widget_get_mapped (GTK_WIDGET (self));
}

static void update_accessible (HeapscopeDiagramView *self);

void
heapscope_diagram_view_set_scene (HeapscopeDiagramView *self, const HsScene *scene,
                                  gboolean animate)
{
  HsScene *from;
  double zoom = self->zoom, ox0, oy0, ox1, oy1;

  g_return_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self));
  /* the new animation starts from exactly what is on screen now */
  drawn_origin (self, &ox0, &oy0);
  from = self->tween ? hs_tween_steal (self->tween) : g_steal_pointer (&self->target);
  stop_animation (self);
  g_clear_pointer (&self->target, hs_scene_free);
  self->target = scene ? hs_scene_copy (scene) : NULL;
  animate = animate && animations_enabled (self) && (from || self->target);

  if (self->fit)
    self->zoom = self->view_changed && self->zoom_to_return > 0 ? return_zoom (self)
                                                                : settle_zoom (self, from == NULL);
  self->view_changed = FALSE;
  /* at the same zoom, the tween draws the scroll to what changed (a new zoom draws anew) */
  self->scroll_held = animate && zoom == self->zoom;
  configure_adjustments (self);
  follow_changes (self, from);
  self->scroll_held = FALSE;

  if (animate)
    {
      self->from = from;
      self->tween = hs_tween_new (self->from, self->target);
      self->shown = hs_tween_frame (self->tween, 0);
      self->anim_start_us = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
      origin (self, &ox1, &oy1);
      if (zoom == self->zoom)
        self->scroll_dx = ox0 - ox1, self->scroll_dy = oy0 - oy1;
      profile_begin (self);
      schedule_draw_ahead (self);
    }
  else
    g_clear_pointer (&from, hs_scene_free);

  update_accessible (self);
  /* An animation starts with what the screen shows at the same zoom (its scroll too): the
   * view is neither drawn nor measured again (a resize draws too) until its second frame,
   * so the first paints only the widgets that changed with the step.
   * Drawn with them, cairo composited the whole diagram through a mask of their clip (a
   * step's first frame at 300 objects presenting: 31 million instructions, now 10). */
  if (self->tween != NULL && zoom == self->zoom)
    self->resize_pending = TRUE;
  else
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

const HsScene *
heapscope_diagram_view_get_scene (HeapscopeDiagramView *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self), NULL);
  return self->target;
}

gboolean
heapscope_diagram_view_is_animating (HeapscopeDiagramView *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self), FALSE);
  return self->tick_id != 0;
}

void
heapscope_diagram_view_set_duration (HeapscopeDiagramView *self, guint ms)
{
  g_return_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self));
  self->duration_ms = ms;
}

void
heapscope_diagram_view_set_theme (HeapscopeDiagramView *self, const char *theme)
{
  g_return_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self));
  if (g_strcmp0 (self->theme, theme) == 0)
    return;
  g_free (self->theme);
  self->theme = g_strdup (theme ? theme : "light");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
heapscope_diagram_view_get_theme (HeapscopeDiagramView *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self), NULL);
  return self->theme;
}

void
heapscope_diagram_view_set_show_refcounts (HeapscopeDiagramView *self, gboolean show)
{
  g_return_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self));
  if (self->show_refcounts == !!show)
    return;
  self->show_refcounts = !!show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
heapscope_diagram_view_set_collapsed_func (HeapscopeDiagramView *self, HeapscopeCollapsedFunc func,
                                           gpointer user_data)
{
  g_return_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self));
  self->collapsed_func = func;
  self->collapsed_data = user_data;
}

/* ---- drawing ---- */

static const HsSceneNode *focused_node (HeapscopeDiagramView *self);

/* Where the keyboard is: a ring around the focused node, while the view has the focus. */
static void
draw_focus_ring (HeapscopeDiagramView *self, cairo_t *cr, const HsScene *scene)
{
  const HsSceneNode *target = focused_node (self);
  const HsSceneNode *node;
  double pad = 4 / self->zoom;

  if (target == NULL || !gtk_widget_is_focus (GTK_WIDGET (self)))
    return;
  /* while animating, the ring follows the node where it is drawn now */
  node = hs_scene_find_node (scene, target->role, target->id);
  if (node == NULL)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, node->rect.x - pad, node->rect.y - pad, node->rect.width + 2 * pad,
                   node->rect.height + 2 * pad);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89); /* GNOME's accent blue, on every theme */
  cairo_set_line_width (cr, 3 / self->zoom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Draws `scene` on `cr`, whose origin is the widget's top left (w x h), as a frame shows it. */
static void
paint_scene (HeapscopeDiagramView *self, cairo_t *cr, const HsScene *scene, int w, int h)
{
  const HsTheme *theme = hs_theme_lookup (self->theme);
  HsPaintOptions paint;
  double ox, oy, ox1, oy1;

  hs_paint_options_init (&paint);
  /* the viewport's colour, below, is the same: what paints it here is an animation's still
   * layer, which holds the background with the edges that stay put */
  paint.paint_background = TRUE;
  paint.show_badges = self->show_refcounts;
  paint.cache = self->paint_cache;
  paint.moving = self->shown != NULL; /* animating */
  drawn_origin (self, &ox, &oy);
  /* the tween's later frames scroll towards the viewport at origin() */
  origin (self, &ox1, &oy1);
  paint.still_ahead
      = (HsRect){ -ox1 / self->zoom, -oy1 / self->zoom, w / self->zoom, h / self->zoom };
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  hs_painter_draw (cr, scene, theme ? theme : hs_theme_get (HS_THEME_LIGHT), &paint);
  draw_focus_ring (self, cr, scene);
}

static void
heapscope_diagram_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  const HsScene *scene = shown_scene (self);
  const HsTheme *theme = hs_theme_lookup (self->theme);
  cairo_matrix_t device;
  double t0;
  cairo_t *cr;

  if (w <= 0 || h <= 0)
    return;
  if (theme == NULL)
    theme = hs_theme_get (HS_THEME_LIGHT);
  /* the whole viewport in the theme's background, so the diagram reads as one canvas */
  gtk_snapshot_append_color (
      snapshot, &(GdkRGBA){ theme->background.r, theme->background.g, theme->background.b, 1 },
      &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (scene == NULL)
    return;
  t0 = self->profile ? thread_cpu_ms () : 0;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_get_matrix (cr, &device);
  self->device_dx = device.x0, self->device_dy = device.y0;
  paint_scene (self, cr, scene, w, h);
  cairo_destroy (cr);
  if (self->tween != NULL)
    schedule_draw_ahead (self);
  if (hs_paint_cache_has_retired (self->paint_cache))
    schedule_cleanup (self);
  if (self->profile)
    self->snapshot_ms += thread_cpu_ms () - t0;
}

static void
heapscope_diagram_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                                int *minimum, int *natural, int *min_baseline, int *nat_baseline)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);
  double cw, ch;

  content_size (self, &cw, &ch);
  *minimum = 64;
  *natural = (int)ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? cw : ch);
  *natural = MAX (*natural, *minimum);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    self->measured_w = *natural;
  else
    self->measured_h = *natural;
}

static void
heapscope_diagram_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);

  if (self->fit)
    self->zoom = settle_zoom (self, FALSE);
  configure_adjustments (self);
  gtk_popover_present (GTK_POPOVER (self->menu));
}

/* ---- input ---- */

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, HeapscopeDiagramView *self)
{
  GdkModifierType mods
      = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event;
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (!(mods & GDK_CONTROL_MASK))
    return FALSE; /* plain scrolling pans: the scrolled window handles it */
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event)
    {
      gdk_event_get_position (event, &x, &y);
      /* event coordinates are relative to the surface: bring them to ours */
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double nx, ny, tx, ty;
      gtk_native_get_surface_transform (native, &nx, &ny);
      if (gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self), x - nx, y - ny,
                                            &tx, &ty))
        x = tx, y = ty;
    }
  stop_fitting (self);
  apply_zoom (self, self->zoom * pow (ZOOM_STEP, -dy), x, y);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture *gesture, GdkEventSequence *seq, HeapscopeDiagramView *self)
{
  self->zoom_at_gesture = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture, double scale, HeapscopeDiagramView *self)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  stop_fitting (self);
  apply_zoom (self, self->zoom_at_gesture * scale, x, y);
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, HeapscopeDiagramView *self)
{
  self->drag_h0 = self->hadj ? gtk_adjustment_get_value (self->hadj) : 0;
  self->drag_v0 = self->vadj ? gtk_adjustment_get_value (self->vadj) : 0;
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, HeapscopeDiagramView *self)
{
  if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int)dx, (int)dy)
      && gtk_gesture_get_sequence_state (
             GTK_GESTURE (gesture),
             gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture)))
             != GTK_EVENT_SEQUENCE_CLAIMED)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  if (self->hadj)
    gtk_adjustment_set_value (self->hadj, self->drag_h0 - dx);
  if (self->vadj)
    gtk_adjustment_set_value (self->vadj, self->drag_v0 - dy);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, HeapscopeDiagramView *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_click_released (GtkGestureClick *gesture, int n_press, double x, double y,
                   HeapscopeDiagramView *self)
{
  const HsSceneNode *node = node_at (self, x, y);
  const HsSceneCell *cell;

  if (node == NULL || (node->role != HS_SCENE_NODE_OBJECT && node->role != HS_SCENE_NODE_CHAIN))
    return;
  cell = cell_at (self, node, x, y);
  /* the "…" of a long collection, or a long chain's marker: shown whole */
  if (cell && cell->role == HS_CELL_ELLIPSIS)
    g_signal_emit (self, signals[EXPAND_OBJECT], 0, node->id);
}

static gboolean
node_has_ellipsis (const HsSceneNode *node)
{
  for (guint i = 0; i < node->cells->len; i++)
    if (g_array_index (node->cells, HsSceneCell, i).role == HS_CELL_ELLIPSIS)
      return TRUE;
  return FALSE;
}

static GMenuModel *
context_menu_model (HeapscopeDiagramView *self, const HsSceneNode *node)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  const char *type = heapscope_scene_node_type_name (node);
  gboolean collapsed = FALSE, type_collapsed = FALSE;

  if (node && node->role == HS_SCENE_NODE_CHAIN)
    {
      g_menu_append (section, _ ("_Expand"), "diagram.expand");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  else if (node && node->role == HS_SCENE_NODE_FRAME && node->is_expanded)
    {
      /* the first frame of a recursion shown whole: summarised again */
      g_menu_append (section, _ ("Show _Fewer Frames"), "diagram.shorten");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  else if (node && node->role == HS_SCENE_NODE_OBJECT)
    {
      g_autofree char *type_label = NULL;

      collapsed = node->is_collapsed;
      if (self->collapsed_func)
        {
          collapsed = self->collapsed_func (node->id, NULL, self->collapsed_data);
          type_collapsed = type && self->collapsed_func (0, type, self->collapsed_data);
        }
      /* A collection drawn with "…" can be shown whole (as clicking the "…" does), and one
       * shown whole can be shortened again. */
      if (!node->is_collapsed && node_has_ellipsis (node))
        g_menu_append (section, _ ("_Expand"), "diagram.expand");
      else if (node->is_expanded)
        g_menu_append (section, _ ("Show _Fewer Items"), "diagram.shorten");
      g_menu_append (section, collapsed ? _ ("_Restore This Object") : _ ("_Collapse This Object"),
                     "diagram.toggle-collapsed");
      if (type)
        {
          type_label = g_strdup_printf (type_collapsed ? _ ("Restore All “%s” Objects")
                                                       : _ ("Collapse All “%s” Objects"),
                                        type);
          g_menu_append (section, type_label, "diagram.toggle-collapsed-type");
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  g_object_unref (section);
  section = g_menu_new ();
  g_menu_append (section, _ ("Restore _All Objects"), "diagram.restore-all");
  g_menu_append (section, _ ("_Fit to Window"), "win.zoom-fit");
  g_menu_append (section, _ ("_Original Size"), "win.zoom-reset");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  return G_MENU_MODEL (menu);
}

/* The context menu of `node` (or of the diagram, NULL), pointing at (x, y). */
static void
open_menu (HeapscopeDiagramView *self, const HsSceneNode *node, double x, double y)
{
  g_autoptr (GMenuModel) model = context_menu_model (self, node);

  self->menu_id = node
                          && (node->role == HS_SCENE_NODE_OBJECT
                              || node->role == HS_SCENE_NODE_CHAIN || node->is_expanded)
                      ? hs_scene_node_expand_key (node)
                      : 0;
  g_free (self->menu_type);
  self->menu_type = g_strdup (heapscope_scene_node_type_name (node));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle){ x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_right_click (GtkGestureClick *gesture, int n_press, double x, double y,
                HeapscopeDiagramView *self)
{
  open_menu (self, node_at (self, x, y), x, y);
}

static void
toggle_collapsed_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);

  if (self->menu_id)
    g_signal_emit (self, signals[TOGGLE_COLLAPSED], 0, self->menu_id);
}

static void
expand_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);

  if (self->menu_id)
    g_signal_emit (self, signals[EXPAND_OBJECT], 0, self->menu_id);
}

static void
shorten_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);

  if (self->menu_id)
    g_signal_emit (self, signals[SHORTEN_OBJECT], 0, self->menu_id);
}

static void
toggle_collapsed_type_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);

  if (self->menu_type)
    g_signal_emit (self, signals[TOGGLE_COLLAPSED_TYPE], 0, self->menu_type);
}

static void
restore_all_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_signal_emit (widget, signals[RESTORE_ALL], 0);
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer user_data)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);
  const HsSceneNode *node = node_at (self, x, y);
  const char *type;
  g_autofree char *text = NULL;
  double ox, oy;

  if (node == NULL || node->role == HS_SCENE_NODE_SUMMARY)
    return FALSE;
  type = heapscope_scene_node_type_name (node);
  if (node->role == HS_SCENE_NODE_CHAIN)
    text = g_strdup (node->is_subtree ? _ ("Click to show this subtree's first node")
                                      : _ ("Click to show the whole chain"));
  else if (node->role == HS_SCENE_NODE_FRAME)
    text = g_strdup_printf (_ ("Frame of %s"), type ? type : "?");
  /* Plain %llu/%lld: xgettext cannot expand G_GUINT64_FORMAT inside a msgid. */
  else if (node->badge && g_str_equal (node->badge, "∞"))
    text = g_strdup_printf (_ ("%s #%llu\nimmortal: its count does not matter"),
                            type ? type : "object", (unsigned long long)node->id);
  else
    {
      gint64 count = node->badge ? g_ascii_strtoll (node->badge, NULL, 10) : 0;
      guint n_hidden = node->hidden_holders ? g_strv_length (node->hidden_holders) : 0;
      g_autofree char *words
          = hs_snap_count_words (count, (const char *const *)node->hidden_holders, n_hidden);

      /* TRANSLATORS: an object's tooltip: "list #12", then its count in words */
      text = g_strdup_printf (_ ("%s #%llu\n%s"), type ? type : "object",
                              (unsigned long long)node->id, words);
    }
  if (node->is_collapsed)
    {
      char *t = g_strconcat (text, "\n", _ ("collapsed: right-click to restore"), NULL);
      g_free (text);
      text = t;
    }
  if (node->caption)
    {
      char *t = g_strconcat (text, "\n", node->caption, NULL);
      g_free (text);
      text = t;
    }
  gtk_tooltip_set_text (tooltip, text);
  origin (self, &ox, &oy);
  gtk_tooltip_set_tip_area (
      tooltip, &(GdkRectangle){ node->rect.x * self->zoom + ox, node->rect.y * self->zoom + oy,
                                node->rect.width * self->zoom, node->rect.height * self->zoom });
  return TRUE;
}

/* ---- GObject ---- */

/* ---- the keyboard and assistive technologies ---- */

static const HsSceneNode *
focused_node (HeapscopeDiagramView *self)
{
  if (!self->has_focus_node || self->target == NULL)
    return NULL;
  return hs_scene_find_node (self->target, self->focus_role, self->focus_id);
}

/* The label names the node the keyboard is on, so a screen reader says where it went. */
static void
update_label (HeapscopeDiagramView *self)
{
  const HsSceneNode *node = focused_node (self);
  g_autofree char *node_text = node ? hs_scene_describe_node (self->target, node) : NULL;
  /* TRANSLATORS: the diagram's name for screen readers, then the object the keyboard is on */
  g_autofree char *label = node_text ? g_strdup_printf (_ ("Memory diagram: %s"), node_text)
                                     : g_strdup (_ ("Memory diagram"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Every step: the whole diagram in words, and the focused node (which may have gone). */
static void
update_accessible (HeapscopeDiagramView *self)
{
  g_autofree char *text = self->target ? hs_scene_describe (self->target) : NULL;

  if (self->has_focus_node && focused_node (self) == NULL)
    self->has_focus_node = FALSE;
  if (!self->has_focus_node && gtk_widget_is_focus (GTK_WIDGET (self)) && self->target
      && self->target->nodes->len > 0)
    {
      const HsSceneNode *first = g_ptr_array_index (self->target->nodes, 0);

      self->has_focus_node = TRUE;
      self->focus_role = first->role;
      self->focus_id = first->id;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : _ ("Nothing has run yet."), -1);
  update_label (self);
}

static void
focus_node (HeapscopeDiagramView *self, const HsSceneNode *node)
{
  if (node == NULL)
    return;
  self->has_focus_node = TRUE;
  self->focus_role = node->role;
  self->focus_id = node->id;
  scroll_to_rect (self, &node->rect, NULL);
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const HsSceneNode *
heapscope_diagram_view_get_focused_node (HeapscopeDiagramView *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_DIAGRAM_VIEW (self), NULL);
  return focused_node (self);
}

/* Tab into the diagram: the keyboard starts at the global frame (or stays where it was).
 * The root's focus widget, not focus events: those wait for the window to be active. */
static void
on_root_focus_changed (GtkRoot *root, GParamSpec *pspec, HeapscopeDiagramView *self)
{
  if (gtk_widget_is_focus (GTK_WIDGET (self)))
    update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
heapscope_diagram_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (heapscope_diagram_view_parent_class)->root (widget);
  g_signal_connect (gtk_widget_get_root (widget), "notify::focus-widget",
                    G_CALLBACK (on_root_focus_changed), widget);
}

static void
heapscope_diagram_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), on_root_focus_changed,
                                        widget);
  GTK_WIDGET_CLASS (heapscope_diagram_view_parent_class)->unroot (widget);
}

/* The node after (delta 1) or before (-1) `node` among `nodes`, wrapping; the first if
 * `node` is not among them. */
static const HsSceneNode *
cycle (GPtrArray *nodes, const HsSceneNode *node, int delta)
{
  guint i;

  if (nodes->len == 0)
    return NULL;
  if (!g_ptr_array_find (nodes, node, &i))
    return g_ptr_array_index (nodes, 0);
  return g_ptr_array_index (nodes, (i + nodes->len + delta) % nodes->len);
}

/* Right: along the focused node's first arrow (again from there: down a chain). */
static void
follow_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);
  const HsSceneNode *node = focused_node (self);
  g_autoptr (GPtrArray) targets = node ? hs_scene_node_targets (self->target, node) : NULL;

  if (targets == NULL || targets->len == 0)
    return;
  self->has_came_from = TRUE;
  self->came_from_role = node->role;
  self->came_from_id = node->id;
  focus_node (self, g_ptr_array_index (targets, 0));
}

/* Left: back against an arrow, to the node followed from if it still holds this one,
 * else to the first that does. */
static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);
  const HsSceneNode *node = focused_node (self);
  g_autoptr (GPtrArray) holders = node ? hs_scene_node_holders (self->target, node) : NULL;
  const HsSceneNode *from
      = self->has_came_from
            ? hs_scene_find_node (self->target, self->came_from_role, self->came_from_id)
            : NULL;

  if (holders == NULL || holders->len == 0)
    return;
  if (from == NULL || !g_ptr_array_find (holders, from, NULL))
    from = g_ptr_array_index (holders, 0);
  /* the way back from here: whatever holds `from` */
  self->has_came_from = FALSE;
  focus_node (self, from);
}

/* Down/Up: the next/previous arrow of the node followed from (a list's next element), or,
 * at the top, the next/previous node of the diagram. */
static void
sibling_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);
  const HsSceneNode *node = focused_node (self);
  const HsSceneNode *from
      = self->has_came_from
            ? hs_scene_find_node (self->target, self->came_from_role, self->came_from_id)
            : NULL;
  int delta = g_str_equal (name, "diagram.next") ? 1 : -1;
  g_autoptr (GPtrArray) siblings = NULL;

  if (node == NULL)
    return;
  siblings = from ? hs_scene_node_targets (self->target, from) : NULL;
  if (siblings == NULL || !g_ptr_array_find (siblings, node, NULL))
    {
      g_clear_pointer (&siblings, g_ptr_array_unref);
      /* borrowed: not g_ptr_array_copy, which would take the nodes' free function along */
      siblings = g_ptr_array_sized_new (self->target->nodes->len);
      for (guint i = 0; i < self->target->nodes->len; i++)
        g_ptr_array_add (siblings, g_ptr_array_index (self->target->nodes, i));
      self->has_came_from = FALSE;
    }
  focus_node (self, cycle (siblings, node, delta));
}

/* Enter: a long collection, chain or recursion shown whole, or shortened again; any other
 * object collapsed or restored. */
static void
activate_node_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);
  const HsSceneNode *node = focused_node (self);

  if (node == NULL)
    return;
  if (node->role == HS_SCENE_NODE_CHAIN
      || (node->role == HS_SCENE_NODE_OBJECT && !node->is_collapsed && node_has_ellipsis (node)))
    g_signal_emit (self, signals[EXPAND_OBJECT], 0, node->id);
  else if (node->role != HS_SCENE_NODE_SUMMARY && node->is_expanded)
    g_signal_emit (self, signals[SHORTEN_OBJECT], 0, hs_scene_node_expand_key (node));
  else if (node->role == HS_SCENE_NODE_OBJECT)
    g_signal_emit (self, signals[TOGGLE_COLLAPSED], 0, node->id);
}

/* The Menu key: the focused node's context menu, at the node. */
static void
menu_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (widget);
  const HsSceneNode *node = focused_node (self);
  double ox, oy;

  origin (self, &ox, &oy);
  if (node == NULL)
    open_menu (self, NULL, gtk_widget_get_width (widget) / 2.0,
               gtk_widget_get_height (widget) / 2.0);
  else
    open_menu (self, node, (node->rect.x + node->rect.width / 2) * self->zoom + ox,
               (node->rect.y + node->rect.height) * self->zoom + oy);
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  static const struct
  {
    guint key;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right, "diagram.follow" },
    { GDK_KEY_KP_Right, "diagram.follow" },
    { GDK_KEY_Left, "diagram.back" },
    { GDK_KEY_KP_Left, "diagram.back" },
    { GDK_KEY_Down, "diagram.next" },
    { GDK_KEY_KP_Down, "diagram.next" },
    { GDK_KEY_Up, "diagram.previous" },
    { GDK_KEY_KP_Up, "diagram.previous" },
    { GDK_KEY_Return, "diagram.activate-node" },
    { GDK_KEY_KP_Enter, "diagram.activate-node" },
    { GDK_KEY_space, "diagram.activate-node" },
    { GDK_KEY_Menu, "diagram.menu" },
  };

  gtk_widget_class_install_action (widget_class, "diagram.follow", NULL, follow_action);
  gtk_widget_class_install_action (widget_class, "diagram.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "diagram.next", NULL, sibling_action);
  gtk_widget_class_install_action (widget_class, "diagram.previous", NULL, sibling_action);
  gtk_widget_class_install_action (widget_class, "diagram.activate-node", NULL,
                                   activate_node_action);
  gtk_widget_class_install_action (widget_class, "diagram.menu", NULL, menu_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, 0, keys[i].action, NULL);
}

static void
heapscope_diagram_view_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
      case PROP_ZOOM:
        g_value_set_double (value, self->zoom);
        break;
      case PROP_HADJUSTMENT:
        g_value_set_object (value, self->hadj);
        break;
      case PROP_VADJUSTMENT:
        g_value_set_object (value, self->vadj);
        break;
      case PROP_HSCROLL_POLICY:
        g_value_set_enum (value, self->hscroll_policy);
        break;
      case PROP_VSCROLL_POLICY:
        g_value_set_enum (value, self->vscroll_policy);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heapscope_diagram_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
      case PROP_ZOOM:
        heapscope_diagram_view_set_zoom (self, g_value_get_double (value));
        break;
      case PROP_HADJUSTMENT:
        set_adjustment (self, &self->hadj, g_value_get_object (value));
        break;
      case PROP_VADJUSTMENT:
        set_adjustment (self, &self->vadj, g_value_get_object (value));
        break;
      case PROP_HSCROLL_POLICY:
        self->hscroll_policy = g_value_get_enum (value);
        gtk_widget_queue_resize (GTK_WIDGET (self));
        break;
      case PROP_VSCROLL_POLICY:
        self->vscroll_policy = g_value_get_enum (value);
        gtk_widget_queue_resize (GTK_WIDGET (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heapscope_diagram_view_dispose (GObject *object)
{
  HeapscopeDiagramView *self = HEAPSCOPE_DIAGRAM_VIEW (object);

  stop_animation (self);
  g_clear_handle_id (&self->cleanup_id, g_source_remove);
  free_spent (self);
  g_clear_pointer (&self->target, hs_scene_free);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->menu_type, g_free);
  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->paint_cache, hs_paint_cache_free);
  if (self->hadj)
    g_signal_handlers_disconnect_by_func (self->hadj, on_adjustment_changed, self);
  if (self->vadj)
    g_signal_handlers_disconnect_by_func (self->vadj, on_adjustment_changed, self);
  g_clear_object (&self->hadj);
  g_clear_object (&self->vadj);
  G_OBJECT_CLASS (heapscope_diagram_view_parent_class)->dispose (object);
}

static void
heapscope_diagram_view_class_init (HeapscopeDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heapscope_diagram_view_dispose;
  object_class->get_property = heapscope_diagram_view_get_property;
  object_class->set_property = heapscope_diagram_view_set_property;
  widget_class->snapshot = heapscope_diagram_view_snapshot;
  widget_class->measure = heapscope_diagram_view_measure;
  widget_class->size_allocate = heapscope_diagram_view_size_allocate;
  widget_class->root = heapscope_diagram_view_root;
  widget_class->unroot = heapscope_diagram_view_unroot;

  properties[PROP_ZOOM]
      = g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[EXPAND_OBJECT] = g_signal_new_class_handler (
      "expand-object", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_FIRST, G_CALLBACK (view_change_id),
      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  signals[SHORTEN_OBJECT] = g_signal_new_class_handler (
      "shorten-object", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_FIRST, G_CALLBACK (view_change_id),
      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  signals[TOGGLE_COLLAPSED] = g_signal_new_class_handler (
      "toggle-collapsed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_FIRST,
      G_CALLBACK (view_change_id), NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  signals[TOGGLE_COLLAPSED_TYPE] = g_signal_new_class_handler (
      "toggle-collapsed-type", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_FIRST,
      G_CALLBACK (view_change_type), NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[RESTORE_ALL]
      = g_signal_new_class_handler ("restore-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_FIRST,
                                    G_CALLBACK (view_change), NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "diagram.expand", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "diagram.shorten", NULL, shorten_action);
  gtk_widget_class_install_action (widget_class, "diagram.toggle-collapsed", NULL,
                                   toggle_collapsed_action);
  gtk_widget_class_install_action (widget_class, "diagram.toggle-collapsed-type", NULL,
                                   toggle_collapsed_type_action);
  gtk_widget_class_install_action (widget_class, "diagram.restore-all", NULL, restore_all_action);
  add_key_bindings (widget_class);
  gtk_widget_class_set_css_name (widget_class, "heapscopediagram");
  /* an image a screen reader describes in words (update_accessible) */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
add_controllers (HeapscopeDiagramView *self)
{
  GtkEventController *scroll;
  GtkGesture *zoom, *drag, *click, *right;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL
                                            | GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  right = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (right), GDK_BUTTON_SECONDARY);
  g_signal_connect (right, "pressed", G_CALLBACK (on_right_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (right));
}

static void
heapscope_diagram_view_init (HeapscopeDiagramView *self)
{
  self->zoom = 1.0;
  self->max_fit_zoom = 1.25;
  self->fit = TRUE;
  self->fit_floor = MIN_FIT_ZOOM;
  self->duration_ms = 300;
  self->theme = g_strdup ("light");
  self->show_refcounts = TRUE;
  self->profile = g_getenv ("HEAPSCOPE_PROFILE") != NULL;
  self->paint_cache = hs_paint_cache_new ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  self->menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  add_controllers (self);
  update_accessible (self);
}

GtkWidget *
heapscope_diagram_view_new (void)
{
  return g_object_new (HEAPSCOPE_TYPE_DIAGRAM_VIEW, NULL);
}
