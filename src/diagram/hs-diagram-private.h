/* hs-diagram-private.h — what graph building hands to layout.
 *
 * Invariant: `gv_nodes` and `caption_space` run parallel to `scene->nodes`; cell
 * rectangles are relative to their node's top-left corner until hs_diagram_layout
 * moves them to absolute coordinates.
 */
#pragma once

#include <graphviz/gvc.h>

#include "hs-diagram.h"

typedef struct
{
  Agedge_t *edge;
  guint tail_node; /* index in scene->nodes */
  guint tail_cell; /* index in that node's cells */
  HsSceneNodeRole head_role;
  guint64 head_id;
  gboolean to_summary;
  guint bundle;      /* > 0: a collapsed object's bundle of that many references */
  guint bundle_key;  /* the scene edge's tail_cell for a bundle (no real cell) */
  gboolean is_class; /* a class reference, leaving the tail's header */
  gboolean is_weak;  /* a weak reference (HsSceneEdge.is_weak) */
} HsPendingEdge;

struct _HsDiagram
{
  Agraph_t *graph;
  HsScene *scene;
  GPtrArray *gv_nodes;   /* Agnode_t* */
  GArray *caption_space; /* int: pixels below each node kept free for its caption */
  GArray *edges;         /* HsPendingEdge */
  gboolean laid_out;
};

/* Margin around the drawing, room for badges that stick out of their node. */
#define HS_DIAGRAM_MARGIN 24

/* The process-wide Graphviz lock and context (hs-layout.c). */
void hs_graphviz_lock (void);
void hs_graphviz_unlock (void);
GVC_t *hs_graphviz_context (void);

/* Chains (hs-chain.c): long runs of same-type objects, each node the next's only holder,
 * drawn as their first HS_CHAIN_HEAD nodes, a marker and their last node. */
#define HS_CHAIN_HEAD 3
/* A recursion's frames drawn after its marker: the running call and its caller. */
#define HS_CHAIN_FRAME_TAIL 2
/* The longest cycle of functions calling each other in turn summarised as one recursion. */
#define HS_CHAIN_MAX_PERIOD 4
/* The most nodes a side branch of a chain's spine may hold (hs-chain.c). */
#define HS_CHAIN_SIDE_MAX 3

typedef struct
{
  guint64 marker;     /* id of the first hidden node: the marker's id and the chain's key (a
                       * frame's id with HS_SCENE_FRAME_CHAIN_BIT for a recursion) */
  guint64 last;       /* objects: the chain's last node, drawn after the marker */
  gboolean of_frames; /* a recursion: `hidden` holds frames */
  guint period;       /* a recursion: how many functions its cycle has (1: one calls itself) */
  GPtrArray *hidden;  /* const HsSnapObject* (or HsSnapFrame*), the nodes the marker stands
                       * for, in order, then (objects) the containers that linked them */
  guint n_nodes;      /* objects: how many of `hidden` are nodes (the marker counts them) */
  gboolean subtree;   /* a folded subtree (hs-fold.c): the marker stands for its root, the
                       * first hidden node, and all below it; no node is drawn after it */
} HsChain;

typedef struct _HsChains HsChains;

/* The chains of `snap` to summarise under `opts` (those not expanded). */
HsChains *hs_chains_find (const HsSnapshot *snap, const HsDiagramOptions *opts);
void hs_chains_free (HsChains *chains);
/* The chain that hides object `id`, or NULL (also when `chains` is NULL). */
const HsChain *hs_chains_lookup (const HsChains *chains, guint64 id);
/* The recursion that hides frame `frame_id`, or NULL (also when `chains` is NULL). */
const HsChain *hs_chains_lookup_frame (const HsChains *chains, guint64 frame_id);
/* Whether `id` keys a long chain (or recursion) drawn whole because the viewer expanded it. */
gboolean hs_chains_is_expanded_key (const HsChains *chains, guint64 id);
/* Whether `obj` is a node of a long chain the viewer expanded (or of its side branches). */
gboolean hs_chains_is_whole (const HsChains *chains, const HsSnapObject *obj);
guint hs_chains_count (const HsChains *chains);
const HsChain *hs_chains_get (const HsChains *chains, guint i);
/* Hides `chain`'s nodes (n_nodes of `hidden`, to which their link containers are added)
 * behind its marker; `chains` takes it. */
void hs_chains_add (HsChains *chains, const HsSnapshot *snap, HsChain *chain);
/* Drops `chain` of objects and frees it (its nodes folded into a subtree, hs-fold.c). */
void hs_chains_remove (HsChains *chains, const HsChain *chain);
/* Notes that the chain (or folded subtree) keyed `key` is drawn whole at the viewer's
 * request, so its first node offers to summarise it again. */
void hs_chains_add_expanded (HsChains *chains, guint64 key);

/* The objects of obj's type that obj refers to, directly or through a link container, in
 * the order of its cells, as many times as it does, at most `max` (a chain needs three at
 * most). Returns how many it put in `refs`. */
guint hs_chain_links (const HsSnapshot *snap, const HsSnapObject *obj, const HsSnapObject **refs,
                      guint max);
/* The object `value` of obj refers to when it has obj's type and is not obj, else NULL. */
const HsSnapObject *hs_chain_same_type_target (const HsSnapshot *snap, const HsSnapObject *obj,
                                               const HsSnapValue *value);
/* The list, tuple, set or dict that `value` of obj refers to when it only links obj to
 * nodes of obj's type (a tree's `children` list, a trie's dict of children): obj alone
 * holds it (count 1, no hidden holder) and each of its items (values) is such a node; else
 * NULL. A chain goes through it as through a direct reference, and a hidden node's links
 * are hidden with it. */
const HsSnapObject *hs_chain_link_container (const HsSnapshot *snap, const HsSnapObject *obj,
                                             const HsSnapValue *value);

/* Folded subtrees (hs-fold.c): when more than opts->fold_budget objects would be drawn,
 * the subtrees of a bushy tree below the depth that fits, each behind one marker, added to
 * `chains` (which holds the chains found so far). */
void hs_folds_find (HsChains *chains, const HsSnapshot *snap, const HsDiagramOptions *opts);

/* Elision (hs-elide.c). Cells shown of a collection of `n`: the first `*head` and the
 * last `*tail`; returns TRUE when some are elided (then a "…" sits between). */
gboolean hs_elide_plan (guint n, guint threshold, guint *head, guint *tail);
/* The elision threshold of one object: the default, or none when it is expanded. */
guint hs_elide_threshold_for (const HsDiagramOptions *opts, const HsSnapObject *obj);
/* Ids (guint64* into `snap`) of the objects to draw, at most opts->max_objects, found
 * from the frames through the cells that are drawn, then from unreachable and freed
 * objects; a chain's marker is drawn under its id and leads on to the chain's last node.
 * `*left_out` is the number of objects not drawn, apart from those hidden behind
 * collapsed objects and chain markers. */
GHashTable *hs_elide_select_objects (const HsSnapshot *snap, const HsDiagramOptions *opts,
                                     const HsChains *chains, guint *left_out);
