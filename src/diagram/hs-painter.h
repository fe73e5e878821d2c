/* hs-painter.h — drawing a scene with cairo.
 *
 * One painter for the window and every export: it draws in scene units (pixels at
 * scale 1) on whatever cairo context it is given, so the caller's transform sets the
 * zoom and the surface sets the format.
 */
#pragma once

#include <cairo.h>

#include "hs-scene.h"
#include "hs-theme.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean paint_background; /* fill the scene's rectangle with the theme background first */
  gboolean show_badges;      /* refcount badges (on by default) */
} HsPaintOptions;

void hs_paint_options_init (HsPaintOptions *opts);

/* Draws `scene` (or a tween) at the origin of `cr`; `opts` may be NULL for the defaults.
 * Leaves the cairo state as it found it. */
void hs_painter_draw (cairo_t *cr, const HsScene *scene, const HsTheme *theme,
                      const HsPaintOptions *opts);

G_END_DECLS
