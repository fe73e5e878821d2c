/* hs-scene.h — a laid-out diagram as plain data.
 *
 * A scene is what the painter draws and what the tween interpolates: positioned
 * boxes (nodes), their cells, and edges as cubic Bézier curves, in pixels with y
 * pointing down and the origin at the top left. It holds no Graphviz or cairo
 * pointer; hs_scene_free releases everything it owns.
 *
 * Identity: a node is named by (role, id) — frames by frame id, objects by object
 * id — and keeps that name from step to step, so a tween can match it. A cell is
 * named by its `key` within its node, an edge by (tail node, tail cell key).
 */
#pragma once

#include <glib.h>
#include "hs-snapshot.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y;
} HsPoint;

typedef struct
{
  double x, y, width, height;
} HsRect;

typedef enum
{
  HS_SCENE_NODE_FRAME,
  HS_SCENE_NODE_OBJECT,
  HS_SCENE_NODE_SUMMARY, /* "+ N more objects": what the object cap left out */
  /* "… 42 more Node": the middle of a long chain; its id is its first hidden node's, the
   * id that expands it */
  HS_SCENE_NODE_CHAIN,
} HsSceneNodeRole;

typedef enum
{
  HS_CELL_HEADER,   /* the title row: function name, type or class name (bold) */
  HS_CELL_INDEX,    /* the small index above a list/tuple value */
  HS_CELL_NAME,     /* a variable, attribute or dict-key name */
  HS_CELL_HELD,     /* the name of a value a frame holds beyond its variables */
  HS_CELL_VALUE,    /* a value: a primitive's repr, or a dot when it is a reference */
  HS_CELL_KEY,      /* a dict key (a value in the key column) */
  HS_CELL_ELLIPSIS, /* "…": elided elements */
  HS_CELL_EMPTY,    /* body of an empty collection or frame */
} HsCellRole;

typedef enum
{
  HS_ALIGN_LEFT,
  HS_ALIGN_CENTER,
  HS_ALIGN_RIGHT,
} HsCellAlign;

/* Pixels between a cell's text and its note. */
#define HS_NOTE_GAP 4

typedef struct
{
  HsCellRole role;
  guint key;            /* stable within the node: row/column identity for tweening */
  HsRect rect;          /* absolute */
  char *text;           /* NULL for a reference (drawn as a dot) */
  char *note;           /* drawn small and dim after `text`: an object's id ("#12"), or NULL */
  char *port;           /* Graphviz port name, NULL when nothing leaves this cell */
  gboolean is_ref;      /* holds a reference: a dot, and an edge leaves from here */
  gboolean is_held_row; /* part of a frame's `held` rows: drawn in a distinct style */
  HsCellAlign align;
  double alpha; /* 1 when settled; tweens fade cells in and out */
} HsSceneCell;

typedef struct
{
  HsSceneNodeRole role;
  guint64 id;              /* frame id or object id (0 for the summary node) */
  HsSnapKind kind;         /* objects only */
  HsRect rect;             /* absolute */
  char *badge;             /* refcount text ("2"), "∞" for immortal objects, NULL for frames */
  char *caption;           /* "unreachable", "freed", "held out of view" or NULL: below */
  guint flags;             /* HS_SNAP_FLAG_* */
  gboolean is_highlighted; /* frames: the one executing now */
  gboolean is_zombie;      /* frames: returned but kept alive */
  double alpha;            /* 1 when settled */
  double scale;            /* 1 when settled; new nodes grow in from less */
  gboolean is_collapsed;   /* objects: drawn as a small box at the viewer's request */
  gboolean is_expanded;    /* objects: shown whole at the viewer's request, though long;
                            * frames: the first of a recursion's frames the viewer expanded */
  gboolean is_subtree;     /* chains: the marker of a folded subtree (its root's id), which a
                            * click opens one level */
  GArray *cells;           /* of HsSceneCell */
  /* objects: the holders of references the diagram does not draw ("the code of f()"), in
   * words, for the tooltip and the description; NULL when there are none */
  char **hidden_holders;
} HsSceneNode;

typedef struct
{
  HsSceneNodeRole tail_role;
  guint64 tail_id;
  guint tail_cell; /* key of the cell the edge leaves from */
  HsSceneNodeRole head_role;
  guint64 head_id;
  HsPoint *points; /* cubic Bézier: 1 + 3k points, starting at the cell's dot */
  guint n_points;
  HsPoint tip;         /* the arrowhead's tip; the curve ends at its base */
  gboolean to_summary; /* points at an object the cap left out */
  gboolean from_freed; /* leaves an object freed in this step */
  /* A bundle stands for all `n_refs` references a collapsed object holds to one head: it
   * leaves the node's side (no cell), thin and dashed, labelled "×n" when n > 1. Ordinary
   * edges have n_refs 1 and is_bundle FALSE. */
  gboolean is_bundle;
  guint n_refs;
  /* An instance's reference to its class, or a class's to its base: it leaves the right
   * end of the header (tail_cell is the header's key) and is drawn thin and dotted with
   * an open arrowhead, so that containment arrows stay dominant. */
  gboolean is_class_ref;
  /* A weak reference's arrow to what it refers to: dashed, and no badge counts it. */
  gboolean is_weak;
  double alpha;
  /* In a frame of a tween (hs-tween.h): drawn the same in every frame of it. */
  gboolean is_still;
  /* In a frame of a tween: of the same shape in every frame of it, moved as a whole (with
   * both its ends) or fading where it is. */
  gboolean is_rigid;
} HsSceneEdge;

/* A recursion's marker (HS_SCENE_NODE_CHAIN) is named by its first hidden frame's id with
 * this bit set, which no object id has; that key in HsDiagramOptions.expanded_ids draws the
 * recursion whole, as an object's id does a long collection or chain. */
#define HS_SCENE_FRAME_CHAIN_BIT (G_GUINT64_CONSTANT (1) << 63)

/* The key that shortens again what the viewer expanded at `node` (its expanded_ids entry). */
static inline guint64
hs_scene_node_expand_key (const HsSceneNode *node)
{
  return node->role == HS_SCENE_NODE_FRAME ? node->id | HS_SCENE_FRAME_CHAIN_BIT : node->id;
}

/* A frame, or the marker of a recursion's frames: drawn in the stack's column and style. */
static inline gboolean
hs_scene_node_is_frame_like (const HsSceneNode *node)
{
  return node->role == HS_SCENE_NODE_FRAME
         || (node->role == HS_SCENE_NODE_CHAIN && (node->id & HS_SCENE_FRAME_CHAIN_BIT));
}

typedef struct
{
  double width, height;
  GPtrArray *nodes;       /* of HsSceneNode*, frames first (outermost first), then objects by id */
  GPtrArray *edges;       /* of HsSceneEdge* */
  guint n_elided_objects; /* objects left out by the cap (summarised in one node) */
} HsScene;

HsScene *hs_scene_new (void);
void hs_scene_free (HsScene *scene);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsScene, hs_scene_free)

HsSceneNode *hs_scene_add_node (HsScene *scene, HsSceneNodeRole role, guint64 id);
HsSceneCell *hs_scene_node_add_cell (HsSceneNode *node, HsCellRole role, guint key,
                                     const char *text);
HsSceneEdge *hs_scene_add_edge (HsScene *scene);
HsScene *hs_scene_copy (const HsScene *scene);

const HsSceneNode *hs_scene_find_node (const HsScene *scene, HsSceneNodeRole role, guint64 id);
const HsSceneCell *hs_scene_node_find_cell (const HsSceneNode *node, guint key);

/* Mean distance (pixels) that the centres of nodes present in both scenes moved; 0 when
 * none persist. Used to measure the layout's stability between consecutive steps. */
double hs_scene_mean_displacement (const HsScene *a, const HsScene *b);

/* The in-between scene at 0 <= t <= 1 (0 is `a`, 1 is `b`): persisting nodes slide and
 * resize, new nodes fade and grow in, vanished ones fade out, cells gained or lost fade
 * while their node's width animates, edges morph. Either scene may be NULL (all fade).
 * Pure: the result is new and owns everything. An animation's frames: hs-tween.h. */
HsScene *hs_scene_tween (const HsScene *a, const HsScene *b, double t);

G_END_DECLS
