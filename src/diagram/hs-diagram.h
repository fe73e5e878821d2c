/* hs-diagram.h — from a snapshot to a laid-out scene, through Graphviz.
 *
 * hs_diagram_new builds a cgraph graph (HTML-like table nodes with one port per
 * reference cell, plain fixed-size boxes for nodes without references) together with
 * the scene's boxes; hs_diagram_layout runs dot
 * in-process and reads positions and splines back into the scene. Once the scene is
 * taken, nothing of Graphviz survives in it. All Graphviz calls are serialised by one
 * process-wide lock, since Graphviz keeps global state.
 */
#pragma once

#include <stdio.h>
#include <graphviz/cgraph.h>

#include "hs-scene.h"

G_BEGIN_DECLS

#define HS_DIAGRAM_ERROR (hs_diagram_error_quark ())
GQuark hs_diagram_error_quark (void);

typedef enum
{
  HS_DIAGRAM_ERROR_LAYOUT, /* Graphviz refused the graph */
  HS_DIAGRAM_ERROR_IO,     /* a file could not be written */
  HS_DIAGRAM_ERROR_DRAW,   /* cairo reported an error */
} HsDiagramError;

#define HS_DIAGRAM_DEFAULT_ELIDE_THRESHOLD 20
#define HS_DIAGRAM_DEFAULT_MAX_OBJECTS 300
#define HS_DIAGRAM_DEFAULT_CHAIN_THRESHOLD 8
#define HS_DIAGRAM_DEFAULT_FOLD_BUDGET 40

typedef struct
{
  guint elide_threshold; /* collections longer than this show first/last cells and "…" */
  guint max_objects;     /* objects drawn at most; the rest become one summary node */
  guint chain_threshold; /* chains of more same-type objects show first/last and a marker
                          * (0: never, nor subtrees) */
  guint fold_budget;     /* beyond this many drawn objects, a tree's subtrees below the depth
                          * that fits are folded into markers (0: never) */
  gboolean cell_text;    /* write cell text into the HTML labels (for the DOT export) */
  /* Per-object choices of the viewer, all borrowed and optional (NULL: none). Ids are
   * guint64* keys (g_int64_hash/g_int64_equal), type names strings (g_str_hash). */
  GHashTable *expanded_ids;    /* collections shown whole, whatever their length, and
                                * chains, keyed by their marker's id (HS_SCENE_NODE_CHAIN) */
  GHashTable *collapsed_ids;   /* objects drawn as a small box: type, size and badge */
  GHashTable *collapsed_types; /* every object whose type_name is in this set, likewise */
} HsDiagramOptions;

void hs_diagram_options_init (HsDiagramOptions *opts);
/* Whether `obj` is drawn collapsed / shown without elision under `opts`. */
gboolean hs_diagram_options_is_collapsed (const HsDiagramOptions *opts, const HsSnapObject *obj);
gboolean hs_diagram_options_is_expanded (const HsDiagramOptions *opts, const HsSnapObject *obj);

typedef struct _HsDiagram HsDiagram;

/* `snap` must be indexed (hs_snapshot_index); `opts` may be NULL for the defaults. */
HsDiagram *hs_diagram_new (const HsSnapshot *snap, const HsDiagramOptions *opts);
void hs_diagram_free (HsDiagram *diagram);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsDiagram, hs_diagram_free)

/* The graph (owned by the diagram), for inspection and the DOT export. */
Agraph_t *hs_diagram_get_graph (HsDiagram *diagram);
/* Graphviz node name of a scene node: "f<frame id>", "o<object id>", "summary". */
char *hs_diagram_node_name (HsSceneNodeRole role, guint64 id);

gboolean hs_diagram_layout (HsDiagram *diagram, GError **error);
/* The scene, after a successful layout; the caller owns it. */
HsScene *hs_diagram_steal_scene (HsDiagram *diagram);
gboolean hs_diagram_write_dot (HsDiagram *diagram, FILE *file, GError **error);

/* Build, lay out and return the scene of one snapshot. */
HsScene *hs_diagram_render (const HsSnapshot *snap, const HsDiagramOptions *opts, GError **error);

/* Lays out a tiny picture, so that Graphviz's plugins and the fonts are loaded (tens of
 * milliseconds the first time) before a real step needs them; any thread may call it. */
void hs_diagram_warm_up (void);

/* Frees the process-wide Graphviz context and this thread's text cache (tests call it
 * before exiting, so that valgrind sees only real leaks). */
void hs_diagram_shutdown (void);

G_END_DECLS
