/* hs-export.h — diagrams as files: PNG, SVG, PDF (one step or one page per step), DOT.
 *
 * Every image export goes through hs_painter_draw, so a file looks like the window.
 */
#pragma once

#include "hs-diagram.h"
#include "hs-painter.h"

G_BEGIN_DECLS

/* A PNG of `scene` at `scale` (2.0 for a crisp slide); the image is
 * ceil(width * scale) x ceil(height * scale) pixels. */
gboolean hs_export_png (const HsScene *scene, const HsTheme *theme, double scale, const char *path,
                        GError **error);
gboolean hs_export_svg (const HsScene *scene, const HsTheme *theme, const char *path,
                        GError **error);
gboolean hs_export_pdf (const HsScene *scene, const HsTheme *theme, const char *path,
                        GError **error);
/* One page per scene, each titled with titles[i] (may be NULL for untitled pages), e.g.
 * "Step 3 — line 5: x = [1, 2]"; see hs_export_step_title. */
gboolean hs_export_pdf_pages (const HsScene *const *scenes, const char *const *titles,
                              guint n_scenes, const HsTheme *theme, const char *path,
                              GError **error);
/* "Step k — line N: <source line>" (k counted from 1, the source line stripped). */
char *hs_export_step_title (int step, int line, const char *source_line);
/* The Graphviz source of the snapshot's graph (with the cell text written in), via agwrite. */
gboolean hs_export_dot (const HsSnapshot *snap, const HsDiagramOptions *opts, const char *path,
                        GError **error);

G_END_DECLS
