/* heapscope-diagram-view.h — the diagram: draws a scene, animates between scenes,
 * zooms and pans (GtkScrollable: put it in a GtkScrolledWindow). */
#pragma once

#include <gtk/gtk.h>

#include "hs-scene.h"

G_BEGIN_DECLS

#define HEAPSCOPE_TYPE_DIAGRAM_VIEW (heapscope_diagram_view_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopeDiagramView, heapscope_diagram_view, HEAPSCOPE, DIAGRAM_VIEW,
                      GtkWidget)

GtkWidget *heapscope_diagram_view_new (void);

/* Shows `scene` (copied; NULL clears). With `animate`, the view tweens from what it
 * shows now over the animation duration; otherwise it jumps. */
void heapscope_diagram_view_set_scene (HeapscopeDiagramView *self, const HsScene *scene,
                                       gboolean animate);
/* The scene the view is heading to (the last one set), or NULL. */
const HsScene *heapscope_diagram_view_get_scene (HeapscopeDiagramView *self);
gboolean heapscope_diagram_view_is_animating (HeapscopeDiagramView *self);

/* "light", "dark" or "high-contrast". */
void heapscope_diagram_view_set_theme (HeapscopeDiagramView *self, const char *theme);
const char *heapscope_diagram_view_get_theme (HeapscopeDiagramView *self);
void heapscope_diagram_view_set_show_refcounts (HeapscopeDiagramView *self, gboolean show);
/* Duration of one step's animation in ms (0: no animation). */
void heapscope_diagram_view_set_duration (HeapscopeDiagramView *self, guint ms);

double heapscope_diagram_view_get_zoom (HeapscopeDiagramView *self);
void heapscope_diagram_view_set_zoom (HeapscopeDiagramView *self, double zoom);
void heapscope_diagram_view_zoom_in (HeapscopeDiagramView *self);
void heapscope_diagram_view_zoom_out (HeapscopeDiagramView *self);
/* Fit keeps fitting on resize and on new scenes until the user zooms. */
void heapscope_diagram_view_zoom_fit (HeapscopeDiagramView *self);
/* Largest zoom "fit" may pick (1 on a desk, more when presenting). */
void heapscope_diagram_view_set_max_fit_zoom (HeapscopeDiagramView *self, double zoom);

/* Used by the context menu to say "Collapse" or "Restore". */
typedef gboolean (*HeapscopeCollapsedFunc) (guint64 id, const char *type_name, gpointer user_data);
void heapscope_diagram_view_set_collapsed_func (HeapscopeDiagramView *self,
                                                HeapscopeCollapsedFunc func, gpointer user_data);

/* The node the keyboard is on (Tab enters the diagram at its first node; the arrows
 * follow references, diagram.follow/back/next/previous), or NULL. */
const HsSceneNode *heapscope_diagram_view_get_focused_node (HeapscopeDiagramView *self);

/* The type name shown in a node's header cell (borrowed), or NULL. */
const char *heapscope_scene_node_type_name (const HsSceneNode *node);

G_END_DECLS
