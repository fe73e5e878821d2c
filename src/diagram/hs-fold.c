/* hs-fold.c — a bushy tree's subtrees, folded.
 *
 * A tree of same-type objects that is no chain (a search tree, a trie, nested dicts) may
 * hold hundreds of nodes: drawn whole, its text is tiny and its layout huge. When the
 * diagram would draw more than opts->fold_budget objects, each tree is drawn down to the
 * deepest level that keeps the diagram within the budget, and each subtree below that
 * level is one marker ("▸ 37 more Node"). The marker's id is the subtree's root's, as a
 * chain's is its first hidden node's (hs-chain.c): a click puts it into
 * opts->expanded_ids, which shows the root and folds its own subtrees, and "Show Fewer"
 * folds it again.
 *
 * The tree is the breadth-first one from the frames: a node's parent is the node of its
 * type that first reaches it, directly or through a link container (a `children` list).
 *
 * Invariant: a folded subtree is closed, every reference into one of its nodes coming from
 * its parent or its children (a `parent` link back), so hiding it hides no reference that
 * a drawn badge counts but those its nodes hold, which the marker bundles (hs-graph.c).
 * It holds no node that must stay in sight: one the step made or changed (or whose link
 * container it changed), one that a frame or anything else refers to, one the viewer
 * expanded, one of a chain (summarised, or expanded by the viewer). So the path from the frames to
 * each of those, and the nodes along it, stay drawn.
 */
#include "hs-diagram-private.h"

/* The most links to its own type a node may have and still fold: wider is a table. */
#define LINKS_MAX 256

typedef struct _TreeNode TreeNode;

struct _TreeNode
{
  const HsSnapObject *obj;
  TreeNode *parent; /* the node of its type that reached it first, or NULL: a root */
  GPtrArray *children;
  const HsSnapObject **links; /* hs_chain_links */
  guint n_links;
  guint depth;       /* 0: a root */
  guint weight;      /* objects its subtree hides when folded: nodes and link containers */
  gboolean bushy;    /* a node of its subtree has two children or more */
  gboolean chained;  /* a chain's hidden node or its last: no fold's root */
  gboolean closed;   /* its subtree could be folded, were it not expanded */
  gboolean foldable; /* closed, and not expanded: its subtree keeps nothing in sight */
  gboolean may_fold; /* foldable, bushy and not chained: a marker's root at some depths */
  guint floor;       /* the depth of its nearest ancestor that may fold, or 0 */
  gboolean hidden;   /* in the plan chosen: folded (under a marker or as one) */
};

typedef struct
{
  const HsSnapshot *snap;
  const HsDiagramOptions *opts;
  GHashTable *nodes; /* const HsSnapObject* -> TreeNode*, every object reached */
  GPtrArray *order;  /* TreeNode*, owned, breadth-first */
  GQueue queue;
  guint max_depth;
} Forest;

static void
tree_node_free (TreeNode *node)
{
  g_ptr_array_unref (node->children);
  g_free (node->links);
  g_free (node);
}

static void
add_node (Forest *f, const HsSnapObject *obj, TreeNode *parent)
{
  TreeNode *node = g_new0 (TreeNode, 1);

  node->obj = obj;
  node->children = g_ptr_array_new ();
  if (parent != NULL)
    {
      node->parent = parent;
      node->depth = parent->depth + 1;
      f->max_depth = MAX (f->max_depth, node->depth);
      g_ptr_array_add (parent->children, node);
    }
  g_hash_table_insert (f->nodes, (gpointer)obj, node);
  g_ptr_array_add (f->order, node);
  g_queue_push_tail (&f->queue, node);
}

static void
reach (Forest *f, const HsSnapValue *value)
{
  const HsSnapObject *obj;

  if (value->kind == HS_SNAP_VALUE_REF && (obj = hs_snapshot_lookup (f->snap, value->ref)) != NULL
      && !g_hash_table_contains (f->nodes, obj))
    add_node (f, obj, NULL);
}

/* Breadth-first: each node's links first (the nodes it reaches become its children),
 * then whatever else its cells refer to. */
static void
drain (Forest *f)
{
  const HsSnapObject *links[LINKS_MAX];
  TreeNode *node;

  while ((node = g_queue_pop_head (&f->queue)) != NULL)
    {
      const HsSnapObject *obj = node->obj;

      node->n_links = hs_chain_links (f->snap, obj, links, LINKS_MAX);
      node->links = g_memdup2 (links, node->n_links * sizeof *links);
      for (guint i = 0; i < node->n_links; i++)
        if (!g_hash_table_contains (f->nodes, links[i]))
          add_node (f, links[i], node);
      for (guint i = 0; i < obj->cells->len; i++)
        {
          reach (f, &g_array_index (obj->cells, HsSnapCell, i).key);
          reach (f, &g_array_index (obj->cells, HsSnapCell, i).value);
        }
    }
}

static guint
links_to (const TreeNode *from, const HsSnapObject *obj)
{
  guint n = 0;

  for (guint i = 0; i < from->n_links; i++)
    n += from->links[i] == obj;
  return n;
}

/* Whether every reference into node comes from its parent or its children. */
static gboolean
held_by_tree (const TreeNode *node)
{
  gint64 n = links_to (node->parent, node->obj);

  for (guint i = 0; i < node->children->len; i++)
    n += links_to (g_ptr_array_index (node->children, i), node->obj);
  return n == node->obj->refcount;
}

/* How many link containers node has; `*changed`: whether the step changed one. */
static guint
count_link_containers (const Forest *f, const TreeNode *node, gboolean *changed)
{
  guint n = 0;

  *changed = FALSE;
  for (guint i = 0; i < node->obj->cells->len; i++)
    {
      const HsSnapObject *c = hs_chain_link_container (
          f->snap, node->obj, &g_array_index (node->obj->cells, HsSnapCell, i).value);

      if (c != NULL)
        {
          n++;
          *changed |= (c->flags & (HS_SNAP_FLAG_NEW | HS_SNAP_FLAG_CHANGED)) != 0;
        }
    }
  return n;
}

/* Whether node may be hidden with its parent's subtree (its own subtree aside). A chain
 * summarised in it is folded with it. */
static gboolean
may_hide (const TreeNode *node, const HsChains *chains)
{
  const HsSnapObject *obj = node->obj;

  return node->parent != NULL && !obj->immortal && obj->hidden_holders->len == 0
         && !(obj->flags
              & (HS_SNAP_FLAG_FREED | HS_SNAP_FLAG_UNREACHABLE | HS_SNAP_FLAG_HIDDEN_HELD
                 | HS_SNAP_FLAG_NEW | HS_SNAP_FLAG_CHANGED))
         && node->n_links < LINKS_MAX && !hs_chains_is_whole (chains, obj) && held_by_tree (node);
}

/* Sizes and foldability, children before parents. */
static void
measure (Forest *f, const HsChains *chains)
{
  g_autoptr (GHashTable) lasts = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < hs_chains_count (chains); i++)
    if (!hs_chains_get (chains, i)->of_frames)
      g_hash_table_add (lasts, (gpointer)&hs_chains_get (chains, i)->last);
  for (guint i = f->order->len; i-- > 0;)
    {
      TreeNode *node = g_ptr_array_index (f->order, i);
      gboolean changed;

      node->weight = 1 + count_link_containers (f, node, &changed);
      node->closed = !changed && may_hide (node, chains);
      node->chained = hs_chains_lookup (chains, node->obj->id) != NULL
                      || g_hash_table_contains (lasts, &node->obj->id);
      node->bushy = node->children->len > 1;
      for (guint c = 0; c < node->children->len; c++)
        {
          const TreeNode *child = g_ptr_array_index (node->children, c);

          node->weight += child->weight;
          node->closed &= child->foldable;
          node->bushy |= child->bushy;
        }
      node->foldable = node->closed && !hs_diagram_options_is_expanded (f->opts, node->obj);
      node->may_fold = node->foldable && node->bushy && !node->chained;
    }
}

/* Whether the plan folds node's subtree, shown down to depth `k`. A run without forks is
 * a chain, summarised or not by hs-chain.c (a linked list the viewer expanded stays whole),
 * and a subtree of one node is as big as its marker. */
static gboolean
folds_at (const TreeNode *node, guint k)
{
  return node->depth > k && node->may_fold && (node->parent == NULL || !node->parent->hidden);
}

/* Marks the nodes the plan of depth `k` hides. */
static void
plan (Forest *f, guint k)
{
  for (guint i = 0; i < f->order->len; i++)
    {
      TreeNode *node = g_ptr_array_index (f->order, i);

      node->hidden = (node->parent != NULL && node->parent->hidden) || folds_at (node, k);
    }
}

/* saves[k]: how many objects fewer the plan of depth k draws, for every k at once (a tree
 * may be as deep as it has nodes, a plan per depth would be quadratic). A node that may
 * fold is a marker's root for the depths from its nearest such ancestor's (which folds it
 * below that) to its own, excluded. */
static guint *
plans_saves (Forest *f)
{
  g_autofree gint64 *delta = g_new0 (gint64, f->max_depth + 1);
  guint *saves = g_new0 (guint, f->max_depth + 1);
  gint64 sum = 0;

  for (guint i = 0; i < f->order->len; i++) /* parents first */
    {
      TreeNode *node = g_ptr_array_index (f->order, i);

      if (node->parent != NULL)
        node->floor = node->parent->may_fold ? node->parent->depth : node->parent->floor;
      if (node->may_fold && node->floor < node->depth)
        {
          delta[node->floor] += node->weight - 1;
          delta[node->depth] -= node->weight - 1;
        }
    }
  for (guint k = 0; k <= f->max_depth; k++)
    saves[k] = (guint)(sum += delta[k]);
  return saves;
}

/* The subtree of root behind one marker. */
static void
add_fold (HsChains *chains, const HsSnapshot *snap, const TreeNode *root)
{
  g_autoptr (GPtrArray) subtree = g_ptr_array_new ();
  HsChain *fold = g_new0 (HsChain, 1);

  /* breadth-first, root first: the marker names its type */
  g_ptr_array_add (subtree, (gpointer)root);
  for (guint i = 0; i < subtree->len; i++)
    {
      const TreeNode *node = g_ptr_array_index (subtree, i);

      g_ptr_array_extend (subtree, node->children, NULL, NULL);
    }
  fold->marker = root->obj->id;
  fold->subtree = TRUE;
  fold->hidden = g_ptr_array_sized_new (root->weight);
  for (guint i = 0; i < subtree->len; i++)
    g_ptr_array_add (fold->hidden,
                     (gpointer)((const TreeNode *)g_ptr_array_index (subtree, i))->obj);
  fold->n_nodes = subtree->len;
  /* a chain in the subtree (a long path below its root) is folded with it */
  for (guint i = 0; i < fold->n_nodes; i++)
    {
      const HsChain *chain = hs_chains_lookup (
          chains, ((const HsSnapObject *)g_ptr_array_index (fold->hidden, i))->id);

      if (chain != NULL)
        hs_chains_remove (chains, chain);
    }
  hs_chains_add (chains, snap, fold);
}

/* The trees of everything drawn, breadth-first from the frames, then from what no frame
 * reaches (unreachable objects), measured. */
static void
forest_build (Forest *f, const HsChains *chains)
{
  for (guint i = 0; i < f->snap->frames->len; i++)
    {
      const HsSnapFrame *frame = g_ptr_array_index (f->snap->frames, i);

      for (guint j = 0; j < frame->vars->len; j++, drain (f))
        reach (f, &g_array_index (frame->vars, HsSnapVar, j).value);
      for (guint j = 0; j < frame->held->len; j++, drain (f))
        reach (f, &g_array_index (frame->held, HsSnapVar, j).value);
    }
  for (guint i = 0; i < f->snap->objects->len; i++, drain (f))
    {
      const HsSnapObject *obj = g_ptr_array_index (f->snap->objects, i);

      reach (f, &(HsSnapValue){ HS_SNAP_VALUE_REF, obj->id, NULL, NULL });
    }
  measure (f, chains);
}

/* How many objects the diagram would draw. */
static guint
count_drawn (const HsSnapshot *snap, const HsDiagramOptions *opts, const HsChains *chains)
{
  guint left_out;
  GHashTable *drawn = hs_elide_select_objects (snap, opts, chains, &left_out);
  guint n = g_hash_table_size (drawn) + left_out;

  g_hash_table_unref (drawn);
  return n;
}

void
hs_folds_find (HsChains *chains, const HsSnapshot *snap, const HsDiagramOptions *opts)
{
  Forest f = { snap, opts, NULL, NULL, G_QUEUE_INIT, 0 };
  g_autofree guint *saves = NULL;
  guint n_drawn, k;

  if (opts->fold_budget == 0 || (n_drawn = count_drawn (snap, opts, chains)) <= opts->fold_budget)
    return;
  f.nodes = g_hash_table_new (NULL, NULL);
  f.order = g_ptr_array_new_with_free_func ((GDestroyNotify)tree_node_free);
  forest_build (&f, chains);
  /* the deepest level shown that keeps within the budget, or all folded that can be */
  saves = plans_saves (&f);
  for (k = f.max_depth; k > 0 && n_drawn > opts->fold_budget + saves[k]; k--)
    ;
  plan (&f, k);
  for (guint i = 0; i < f.order->len; i++)
    {
      const TreeNode *node = g_ptr_array_index (f.order, i);

      if (node->hidden && !node->parent->hidden)
        add_fold (chains, snap, node);
      else if (node->closed && !node->foldable && node->depth > k && node->bushy
               && (node->parent == NULL || !node->parent->hidden))
        hs_chains_add_expanded (chains, node->obj->id); /* folds again when shortened */
    }
  g_hash_table_unref (f.nodes);
  g_ptr_array_unref (f.order);
}
