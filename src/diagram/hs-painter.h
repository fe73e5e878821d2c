/* hs-painter.h — drawing a scene with cairo.
 *
 * One painter for the window and every export: it draws in scene units (pixels at
 * scale 1) on whatever cairo context it is given, so the caller's transform sets the
 * zoom and the surface sets the format.
 */
#pragma once

#include <cairo.h>

#include "hs-scene.h"
#include "hs-text.h"
#include "hs-theme.h"

G_BEGIN_DECLS

/* Where the painter's shapes and text go instead of cairo's drawing operations (the SVG
 * writer's elements). The shape is `cr`'s current path, in the colour, line width and dash
 * set on `cr`; a sink leaves the path alone. Groups enclose each node ("object-12",
 * "frame-3", with a title such as "list #12, refcount 2"), edge and badge. */
typedef struct
{
  void (*fill) (cairo_t *cr, gpointer data);
  void (*stroke) (cairo_t *cr, gpointer data);
  /* `layout` in `font`, its top left at (x, y) in user space */
  void (*text) (cairo_t *cr, HsFont font, PangoLayout *layout, double x, double y, gpointer data);
  void (*begin_group) (const char *id, const char *title, gpointer data); /* title may be NULL */
  void (*end_group) (gpointer data);
  gpointer data;
} HsPaintSink;

/* Nodes kept as images at the zoom they were drawn at, reused while they look the same
 * (moved, fading or growing in): what lets an animation frame of 300 objects take a few
 * milliseconds instead of a hundred, since text is what costs; and, in moving frames, the
 * edges that stay put as one image of the visible area and edges that moved with both their
 * ends as alpha masks. Images are no larger than what they hold
 * (a badge's and a caption's room only where there is one). For the window only: an
 * image is drawn to the nearest device pixel, which an export does not want. */
typedef struct _HsPaintCache HsPaintCache;

HsPaintCache *hs_paint_cache_new (void);
void hs_paint_cache_free (HsPaintCache *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsPaintCache, hs_paint_cache_free)

/* Destroys the images and layers the cache has let go of, which cairo copies when they are
 * destroyed if they were ever painted into a recording (as GTK records a frame): the window
 * calls it between frames, else the next draw does it first. */
void hs_paint_cache_release (HsPaintCache *cache);
/* Whether there are such images to destroy. */
gboolean hs_paint_cache_has_retired (const HsPaintCache *cache);

/* How many node images the cache has drawn since it was made (what a frame that draws none
 * saved: HEAPSCOPE_PROFILE reports it, tests count it). */
guint hs_paint_cache_n_images_drawn (const HsPaintCache *cache);
/* How many still layers (see HsPaintOptions.moving) it has drawn since it was made. */
guint hs_paint_cache_n_layers_drawn (const HsPaintCache *cache);

typedef struct
{
  gboolean paint_background; /* fill the scene's rectangle with the theme background first */
  gboolean show_badges;      /* refcount badges (on by default) */
  const HsPaintSink *sink;   /* NULL (the default): draw with cairo */
  HsPaintCache *cache;       /* NULL (the default): draw every node; not with a sink */
  /* a frame of an animation: with a cache, the edges that no frame of the tween moves
   * (is_still) come from one image of the visible area (and `still_ahead`), kept while they
   * stay (with the background, when it is painted), and an edge that keeps its shape
   * through the tween (is_rigid: it moves with its ends, or fades) is drawn from an image,
   * to the nearest device pixel (FALSE) */
  gboolean moving;
  /* with `moving`: what the tween's next frames will show besides this one's visible area,
   * in scene units (the view scrolls with the tween; empty, the default: nothing more). A
   * still layer drawn now covers it, and a scroll by whole device pixels moves the layer. */
  HsRect still_ahead;
} HsPaintOptions;

void hs_paint_options_init (HsPaintOptions *opts);

/* Draws `scene` (or a tween) at the origin of `cr`; `opts` may be NULL for the defaults.
 * Leaves the cairo state as it found it. */
void hs_painter_draw (cairo_t *cr, const HsScene *scene, const HsTheme *theme,
                      const HsPaintOptions *opts);

G_END_DECLS
