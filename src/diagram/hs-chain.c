/* hs-chain.c — long chains of same-type objects, summarised.
 *
 * A chain is a run n0 → n1 → … → nk of objects of one type where each node refers to
 * exactly one object of its type besides the node before it, the next, and every
 * reference into the next node is that link or one back from the node after it (count 1,
 * or 2 in a doubly linked list whose nodes also refer to their `prev`; no hidden holder):
 * a linked list, singly or doubly, a degenerate tree's spine, nested lists. A ring (a
 * circular list) is a chain from the node something outside refers to, round to the one
 * before it. The last node, drawn, may be held by anything (a `tail` name). A node a chain
 * would go on to that the run before it left (a tree's spine, each node's `parent` pointing
 * back, below a root whose first run went to its other child) starts a run. A node with
 * more than one next is a fork: the run goes on along the largest branch when the others
 * are small side branches only it holds (a search tree's long path with a leaf hanging off
 * some of its nodes), and a hidden node's side branches are hidden with it.
 * Drawn whole, a 50-node list is 50 boxes in a row too long to read; a chain longer than
 * opts->chain_threshold keeps its first HS_CHAIN_HEAD nodes and its last, and one marker
 * ("… 42 more Node") stands for the nodes between.
 *
 * Invariant: a hidden node is reachable only through the chain (its count is the links
 * into it from its two neighbours, and the cells of a long collection that draw no arrow:
 * the items of a list that link each other), so hiding it hides no reference that a drawn
 * badge counts, except those the hidden nodes hold themselves: the marker draws them as
 * bundles (hs-graph.c), the back link of the first hidden node among them, and the last
 * node's back link into the hidden ones is drawn into the marker. The
 * marker's id is its first hidden node's, and the viewer expands the chain by putting
 * that id into opts->expanded_ids, as for a long collection.
 *
 * A deep recursion is a chain too: a run of consecutive frames of one function (or of a
 * cycle of functions calling each other in turn: f, g, f, g…) keeps its first HS_CHAIN_HEAD
 * frames (whole rounds of the cycle) and its last HS_CHAIN_FRAME_TAIL (the running call
 * and its caller), and one marker ("… 24 more frames of fact()", "… of f(), g()") stands
 * for the frames between, keyed by its first hidden frame's id with
 * HS_SCENE_FRAME_CHAIN_BIT set.
 */
#include <string.h>

#include "hs-diagram-private.h"

struct _HsChains
{
  GPtrArray *chains;    /* HsChain*, owned */
  HsIdMap hidden;       /* id of a hidden node -> HsChain* */
  GHashTable *frames;   /* guint64* frame id of a hidden frame -> HsChain* */
  GHashTable *expanded; /* guint64* ids: keys of long chains the viewer expanded */
  GHashTable *whole;    /* const HsSnapObject*: the nodes of those chains */
};

/* One object's links (hs_chain_links), found once: the finder asks for a node's several
 * times (its own run, its neighbours' checks), 2.2 million times for a 200,000-node chain. */
typedef struct
{
  guint n;
  const HsSnapObject *refs[3];
} Links;

/* What the chain finder reads: the snapshot, and the references into each object from
 * cells that no arrow is drawn from (the middle of a long collection, elided, or left out by
 * the view), which a hidden node may have besides its links: hiding it hides none of them.
 * A list's items that link each other (l.append((l[-1], i))) are a chain so. */
typedef struct
{
  const HsSnapshot *snap;
  HsIdMap *undrawn;  /* id -> how many such references (as a pointer) */
  HsIdMap *links_at; /* id -> 1 + the index of its Links in `links` */
  GArray *links;     /* of Links */
} Find;

static void
count_undrawn (const Find *find, const HsSnapValue *value)
{
  if (value->kind != HS_SNAP_VALUE_REF || hs_snapshot_lookup (find->snap, value->ref) == NULL)
    return;
  hs_id_map_insert (
      find->undrawn, value->ref,
      GUINT_TO_POINTER (GPOINTER_TO_UINT (hs_id_map_lookup (find->undrawn, value->ref)) + 1));
}

/* The references of obj's cells that it draws no arrow from, when obj is drawn open (a
 * collapsed one bundles them all: they stay). */
static void
count_undrawn_cells (const Find *find, const HsDiagramOptions *opts, const HsSnapObject *obj)
{
  guint n = obj->cells->len, head, tail;

  if (hs_diagram_options_is_collapsed (opts, obj))
    return;
  hs_elide_plan (n, hs_elide_threshold_for (opts, obj), &head, &tail);
  for (guint i = head; i + tail < n; i++)
    {
      const HsSnapCell *cell = &g_array_index (obj->cells, HsSnapCell, i);

      count_undrawn (find, &cell->key);
      count_undrawn (find, &cell->value);
    }
  for (guint i = 0; obj->omitted_refs != NULL && i < obj->omitted_refs->len; i++)
    count_undrawn (find,
                   &(HsSnapValue){ HS_SNAP_VALUE_REF, g_array_index (obj->omitted_refs, guint64, i),
                                   NULL, NULL });
}

static guint
undrawn_refs (const Find *find, const HsSnapObject *obj)
{
  return GPOINTER_TO_UINT (hs_id_map_lookup (find->undrawn, obj->id));
}

static void
chain_free (HsChain *chain)
{
  g_ptr_array_unref (chain->hidden);
  g_free (chain);
}

static gboolean
chainable_kind (HsSnapKind kind)
{
  return kind != HS_SNAP_PRIMITIVE && kind != HS_SNAP_CLASS && kind != HS_SNAP_FUNCTION;
}

const HsSnapObject *
hs_chain_same_type_target (const HsSnapshot *snap, const HsSnapObject *obj,
                           const HsSnapValue *value)
{
  const HsSnapObject *target;

  if (value->kind != HS_SNAP_VALUE_REF)
    return NULL;
  target = hs_snapshot_lookup (snap, value->ref);
  if (target == NULL || target == obj || target->kind != obj->kind
      || g_strcmp0 (target->type_name, obj->type_name) != 0)
    return NULL;
  return target;
}

const HsSnapObject *
hs_chain_link_container (const HsSnapshot *snap, const HsSnapObject *obj, const HsSnapValue *value)
{
  const HsSnapObject *c;

  if (value->kind != HS_SNAP_VALUE_REF || (c = hs_snapshot_lookup (snap, value->ref)) == NULL
      || c == obj
      || (c->kind != HS_SNAP_LIST && c->kind != HS_SNAP_TUPLE && c->kind != HS_SNAP_SET
          && c->kind != HS_SNAP_DICT)
      || (c->kind == obj->kind && g_strcmp0 (c->type_name, obj->type_name) == 0) || c->immortal
      || c->refcount != 1 || c->hidden_holders->len > 0 || c->class_ref.kind == HS_SNAP_VALUE_REF
      || (c->flags & (HS_SNAP_FLAG_FREED | HS_SNAP_FLAG_UNREACHABLE | HS_SNAP_FLAG_HIDDEN_HELD)))
    return NULL;
  for (guint i = 0; i < c->cells->len; i++)
    {
      const HsSnapCell *cell = &g_array_index (c->cells, HsSnapCell, i);

      if (hs_chain_same_type_target (snap, obj, &cell->value) == NULL)
        return NULL;
    }
  return c;
}

guint
hs_chain_links (const HsSnapshot *snap, const HsSnapObject *obj, const HsSnapObject **refs,
                guint max)
{
  guint n = 0;

  if (!chainable_kind (obj->kind))
    return 0;
  for (guint i = 0; i < obj->cells->len && n < max; i++)
    {
      const HsSnapCell *cell = &g_array_index (obj->cells, HsSnapCell, i);
      const HsSnapObject *found[2] = { hs_chain_same_type_target (snap, obj, &cell->key),
                                       hs_chain_same_type_target (snap, obj, &cell->value) };
      const HsSnapObject *c;

      for (guint f = 0; f < 2 && n < max; f++)
        if (found[f] != NULL)
          refs[n++] = found[f];
      if (found[1] == NULL && (c = hs_chain_link_container (snap, obj, &cell->value)) != NULL)
        for (guint j = 0; j < c->cells->len && n < max; j++)
          refs[n++] = hs_chain_same_type_target (snap, obj,
                                                 &g_array_index (c->cells, HsSnapCell, j).value);
    }
  return n;
}

/* hs_chain_links (obj, refs, 3), each object's found once. */
static guint
links_of (const Find *find, const HsSnapObject *obj, const HsSnapObject **refs)
{
  gsize at = GPOINTER_TO_SIZE (hs_id_map_lookup (find->links_at, obj->id));
  const Links *links;

  if (at == 0)
    {
      Links found;

      found.n = hs_chain_links (find->snap, obj, found.refs, 3);
      g_array_append_val (find->links, found);
      at = find->links->len;
      hs_id_map_insert (find->links_at, obj->id, GSIZE_TO_POINTER (at));
    }
  links = &g_array_index (find->links, Links, at - 1);
  memcpy (refs, links->refs, links->n * sizeof *refs);
  return links->n;
}

/* The link containers of obj (link_container), added to `out`. */
static void
add_link_containers (const HsSnapshot *snap, const HsSnapObject *obj, GPtrArray *out)
{
  for (guint i = 0; i < obj->cells->len; i++)
    {
      const HsSnapObject *c
          = hs_chain_link_container (snap, obj, &g_array_index (obj->cells, HsSnapCell, i).value);

      if (c != NULL)
        g_ptr_array_add (out, (gpointer)c);
    }
}

/* How many of obj's references (to its own type) go to target. */
static guint
refs_to (const Find *find, const HsSnapObject *obj, const HsSnapObject *target)
{
  const HsSnapObject *refs[3];
  guint n = links_of (find, obj, refs), k = 0;

  for (guint i = 0; i < n; i++)
    k += refs[i] == target;
  return k;
}

/* Whether `next`, which `obj` refers to once, holds no reference but that one, those its
 * own next node holds back to it (a doubly linked list's `prev`) and those no arrow is drawn
 * from: then it can hide behind a marker, every arrow into it coming from its neighbours in
 * the chain. */
static gboolean
only_chain_holds (const Find *find, const HsSnapObject *obj, const HsSnapObject *next)
{
  const HsSnapObject *refs[3];
  guint n = links_of (find, next, refs);
  gint64 back = 0;

  if (next->immortal || next->hidden_holders->len > 0
      || (next->flags & (HS_SNAP_FLAG_FREED | HS_SNAP_FLAG_UNREACHABLE | HS_SNAP_FLAG_HIDDEN_HELD))
      || refs_to (find, obj, next) != 1)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (refs[i] != obj && (i == 0 || refs[i] != refs[i - 1]))
      back += refs_to (find, refs[i], next);
  return next->refcount == 1 + back + undrawn_refs (find, next);
}

/* Whether `next`, which `obj` refers to once, ends a chain there: it refers to no node of
 * its type but obj (a doubly linked list's last node, its prev). Drawn after the marker, it
 * may be held by anything else too (a `tail` name). */
static gboolean
ends_chain (const Find *find, const HsSnapObject *obj, const HsSnapObject *next)
{
  const HsSnapObject *refs[3];
  guint n = links_of (find, next, refs);

  if ((next->flags & (HS_SNAP_FLAG_FREED | HS_SNAP_FLAG_UNREACHABLE))
      || refs_to (find, obj, next) != 1)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (refs[i] != obj)
      return FALSE;
  return TRUE;
}

/* How many nodes the side branch from `parent` to `node` holds (node and the nodes of its
 * type it refers to, but parent, and theirs), when each is held by the branch alone
 * (only_chain_holds); else, or past HS_CHAIN_SIDE_MAX, HS_CHAIN_SIDE_MAX + 1. Each node
 * found is added to `nodes` when it is not NULL. */
static guint
side_size (const Find *find, const HsSnapObject *parent, const HsSnapObject *node, GPtrArray *nodes)
{
  const HsSnapObject *refs[3];
  guint n, size = 1;

  if (!only_chain_holds (find, parent, node))
    return HS_CHAIN_SIDE_MAX + 1;
  if (nodes != NULL)
    g_ptr_array_add (nodes, (gpointer)node);
  n = links_of (find, node, refs);
  for (guint i = 0; i < n && size <= HS_CHAIN_SIDE_MAX; i++)
    if (refs[i] != parent && (i == 0 || refs[i] != refs[i - 1]))
      size += side_size (find, node, refs[i], nodes);
  return MIN (size, HS_CHAIN_SIDE_MAX + 1);
}

/* At a fork (obj refers to `n` nodes of its type besides prev), the one a spine goes on
 * to: the largest branch, when every other is a small side branch it alone holds (a
 * search tree's long path, a leaf hanging off some of its nodes); else NULL. */
static const HsSnapObject *
spine_next (const Find *find, const HsSnapObject *obj, const HsSnapObject *const *refs, guint n)
{
  const HsSnapObject *next = NULL;
  guint best = 0, second = 0;

  for (guint i = 0; i < n; i++)
    {
      guint size = side_size (find, obj, refs[i], NULL);

      if (size > best)
        {
          second = best;
          best = size;
          next = refs[i];
        }
      else
        second = MAX (second, size);
    }
  return second < best && second <= HS_CHAIN_SIDE_MAX ? next : NULL;
}

/* The node after `obj` in a chain that came to it from `prev` (NULL: obj starts it), or
 * NULL. Its references to prev are back links; it must refer to one other node of its
 * type, the next, or to more where all but the next are small side branches (spine_next).
 * A first node that refers to two (a ring's first node: next and prev) goes on to the one
 * that comes first among its cells when the other refers back to it. `to_end`: a node held
 * from outside too may end the chain (not when looking for the nodes that start one: a
 * doubly linked list's `head` would end its run from the `tail`). */
static const HsSnapObject *
next_node (const Find *find, const HsSnapObject *obj, const HsSnapObject *prev, gboolean to_end)
{
  const HsSnapObject *refs[3], *others[3], *next = NULL;
  guint n = links_of (find, obj, refs), n_others = 0;

  if (prev == NULL && n == 2 && refs[0] != refs[1] && refs_to (find, refs[1], obj) > 0)
    prev = refs[1];
  for (guint i = 0; i < n; i++)
    if (refs[i] != prev)
      others[n_others++] = refs[i];
  next = n_others == 1 ? others[0] : n_others > 1 ? spine_next (find, obj, others, n_others) : NULL;
  return next != NULL
                 && (only_chain_holds (find, obj, next) || (to_end && ends_chain (find, obj, next)))
             ? next
             : NULL;
}

static const HsSnapObject *
chain_next (const Find *find, const HsSnapObject *obj, const HsSnapObject *prev)
{
  return next_node (find, obj, prev, TRUE);
}

static void
link (HsIdMap *linked, const HsSnapObject *next, const HsSnapObject *obj)
{
  if (next != NULL && hs_id_map_lookup (linked, next->id) == NULL)
    hs_id_map_insert (linked, next->id, (gpointer)obj);
}

/* Adds to `linked` every node a chain through obj would go on to (-> obj): from obj as its
 * first node, or coming from a node that refers back to it. */
static void
add_linked (const Find *find, const HsSnapObject *obj, HsIdMap *linked)
{
  const HsSnapObject *refs[3];
  guint n = links_of (find, obj, refs);

  link (linked, next_node (find, obj, NULL, FALSE), obj);
  for (guint i = 0; i < n; i++)
    if (refs_to (find, refs[i], obj) > 0)
      link (linked, next_node (find, obj, refs[i], FALSE), obj);
}

/* The nodes of the side branches of the spine node obj, between prev and next. */
static void
add_sides (const Find *find, const HsSnapObject *obj, const HsSnapObject *prev,
           const HsSnapObject *next, GPtrArray *nodes)
{
  const HsSnapObject *refs[3];
  guint n = links_of (find, obj, refs);

  for (guint i = 0; i < n; i++)
    if (refs[i] != prev && refs[i] != next && (i == 0 || refs[i] != refs[i - 1]))
      side_size (find, obj, refs[i], nodes);
}

static void
add_chain (HsChains *chains, const Find *find, const HsDiagramOptions *opts, GPtrArray *run)
{
  HsChain *chain;
  const HsSnapObject *first;
  GPtrArray *hidden;

  if (run->len <= MAX (opts->chain_threshold, HS_CHAIN_HEAD + 3))
    return;
  first = g_ptr_array_index (run, HS_CHAIN_HEAD);
  hidden = g_ptr_array_new ();
  for (guint i = HS_CHAIN_HEAD; i + 1 < run->len; i++)
    g_ptr_array_add (hidden, g_ptr_array_index (run, i));
  /* then the side branches of the hidden nodes, hidden with them */
  for (guint i = HS_CHAIN_HEAD; i + 1 < run->len; i++)
    add_sides (find, g_ptr_array_index (run, i), g_ptr_array_index (run, i - 1),
               g_ptr_array_index (run, i + 1), hidden);
  if (hs_diagram_options_is_expanded (opts, first))
    {
      /* drawn whole: no subtree of it is folded either (hs-fold.c) */
      hs_chains_add_expanded (chains, first->id);
      for (guint i = 0; i < run->len; i++)
        g_hash_table_add (chains->whole, g_ptr_array_index (run, i));
      for (guint i = 0; i < hidden->len; i++)
        g_hash_table_add (chains->whole, g_ptr_array_index (hidden, i));
      g_ptr_array_unref (hidden);
      return;
    }
  chain = g_new0 (HsChain, 1);
  chain->marker = first->id;
  chain->last = ((const HsSnapObject *)g_ptr_array_index (run, run->len - 1))->id;
  chain->hidden = hidden;
  /* the containers that link the hidden nodes (a `children` list) go after them */
  chain->n_nodes = chain->hidden->len;
  hs_chains_add (chains, find->snap, chain);
}

void
hs_chains_add (HsChains *chains, const HsSnapshot *snap, HsChain *chain)
{
  for (guint i = 0; i < chain->n_nodes; i++)
    add_link_containers (snap, g_ptr_array_index (chain->hidden, i), chain->hidden);
  for (guint i = 0; i < chain->hidden->len; i++)
    {
      const HsSnapObject *obj = g_ptr_array_index (chain->hidden, i);

      hs_id_map_insert (&chains->hidden, obj->id, chain);
    }
  g_ptr_array_add (chains->chains, chain);
}

void
hs_chains_remove (HsChains *chains, const HsChain *chain)
{
  for (guint i = 0; i < chain->hidden->len; i++)
    {
      const HsSnapObject *obj = g_ptr_array_index (chain->hidden, i);

      hs_id_map_remove (&chains->hidden, obj->id);
    }
  g_ptr_array_remove (chains->chains, (gpointer)chain);
}

void
hs_chains_add_expanded (HsChains *chains, guint64 key)
{
  g_hash_table_add (chains->expanded, g_memdup2 (&key, sizeof key));
}

static gboolean
same_function (const HsSnapFrame *a, const HsSnapFrame *b)
{
  return !a->is_hidden && !b->is_hidden && g_strcmp0 (a->func_name, b->func_name) == 0;
}

/* The frames shown before a recursion's marker: HS_CHAIN_HEAD, rounded up to whole rounds
 * of its cycle (f, g, f, g before "… 24 more frames of f(), g()"). */
static guint
recursion_head (guint period)
{
  return (HS_CHAIN_HEAD + period - 1) / period * period;
}

/* Frames [start, end) repeat a cycle of `period` functions, each called by the one before.
 * Returns whether the run is long enough to summarise (it may be expanded). */
static gboolean
add_recursion (HsChains *chains, const HsDiagramOptions *opts, GPtrArray *frames, guint start,
               guint end, guint period)
{
  guint head = recursion_head (period);
  const HsSnapFrame *first;
  HsChain *chain;
  guint64 key;

  if (end - start <= MAX (opts->chain_threshold, head + HS_CHAIN_FRAME_TAIL + 2))
    return FALSE;
  first = g_ptr_array_index (frames, start + head);
  key = first->frame_id | HS_SCENE_FRAME_CHAIN_BIT;
  if (opts->expanded_ids != NULL && g_hash_table_contains (opts->expanded_ids, &key))
    {
      hs_chains_add_expanded (chains, key);
      return TRUE;
    }
  chain = g_new0 (HsChain, 1);
  chain->marker = key;
  chain->of_frames = TRUE;
  chain->period = period;
  chain->hidden = g_ptr_array_new ();
  for (guint i = start + head; i < end - HS_CHAIN_FRAME_TAIL; i++)
    {
      const HsSnapFrame *frame = g_ptr_array_index (frames, i);

      g_ptr_array_add (chain->hidden, (gpointer)frame);
      g_hash_table_insert (chains->frames, (gpointer)&frame->frame_id, chain);
    }
  g_ptr_array_add (chains->chains, chain);
  return TRUE;
}

/* The end of the run from `start` that repeats its first `period` frames' functions. */
static guint
cycle_end (GPtrArray *frames, guint start, guint period)
{
  guint end = start + period;

  while (
      end < frames->len
      && same_function (g_ptr_array_index (frames, end - period), g_ptr_array_index (frames, end)))
    end++;
  return MIN (end, frames->len);
}

/* Runs of frames that repeat one function (a recursion) or a cycle of up to
 * HS_CHAIN_MAX_PERIOD (f calls g calls f: a mutual recursion), each the longest from its
 * first frame, the shortest cycle among equals. */
static void
find_recursions (HsChains *chains, const HsSnapshot *snap, const HsDiagramOptions *opts)
{
  guint n = snap->frames->len;

  for (guint start = 0; start < n;)
    {
      guint end = start + 1, period = 1;

      for (guint p = 1; p <= HS_CHAIN_MAX_PERIOD && start + 2 * p <= n; p++)
        {
          guint e = cycle_end (snap->frames, start, p);

          if (e >= start + 2 * p && e > end)
            end = e, period = p;
        }
      /* a run too short to summarise may hold the start of a longer one */
      start = add_recursion (chains, opts, snap->frames, start, end, period) ? end : start + 1;
    }
}

/* The run from obj (coming from `prev`, or NULL) over the nodes no run took, summarised
 * when it is long. */
static void
take_run (HsChains *chains, const Find *find, const HsDiagramOptions *opts, const HsSnapObject *obj,
          const HsSnapObject *prev, HsIdMap *taken, GPtrArray *run)
{
  const HsSnapObject *after;

  g_ptr_array_set_size (run, 0);
  g_ptr_array_add (run, (gpointer)obj);
  hs_id_map_insert (taken, obj->id, (gpointer)obj);
  while ((after = chain_next (find, obj, prev)) != NULL
         && hs_id_map_lookup (taken, after->id) == NULL)
    {
      g_ptr_array_add (run, (gpointer)after);
      hs_id_map_insert (taken, after->id, (gpointer)after);
      prev = obj;
      obj = after;
    }
  add_chain (chains, find, opts, run);
}

HsChains *
hs_chains_find (const HsSnapshot *snap, const HsDiagramOptions *opts)
{
  HsChains *chains = g_new0 (HsChains, 1);
  HsIdMap linked, taken, undrawn, links_at; /* linked: id of a node -> the node before it */
  g_autoptr (GPtrArray) run = NULL;
  g_autoptr (GArray) links = NULL;
  Find find = { snap, &undrawn, &links_at, NULL };
  gboolean started = TRUE;

  chains->chains = g_ptr_array_new_with_free_func ((GDestroyNotify)chain_free);
  hs_id_map_init (&chains->hidden);
  chains->frames = g_hash_table_new (g_int64_hash, g_int64_equal);
  chains->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  chains->whole = g_hash_table_new (NULL, NULL);
  if (opts->chain_threshold == 0)
    return chains;
  find_recursions (chains, snap, opts);
  run = g_ptr_array_new ();
  links = g_array_new (FALSE, FALSE, sizeof (Links));
  find.links = links;
  hs_id_map_init (&linked);
  hs_id_map_init (&taken);
  hs_id_map_init (&undrawn);
  hs_id_map_init (&links_at);
  for (guint i = 0; i < snap->objects->len; i++)
    count_undrawn_cells (&find, opts, g_ptr_array_index (snap->objects, i));
  for (guint i = 0; i < snap->objects->len; i++)
    add_linked (&find, g_ptr_array_index (snap->objects, i), &linked);
  /* Every chain from its first node, which no other node goes on to; a ring that nothing
   * outside refers to has none and stays whole. A node belongs to one chain at most. */
  for (guint i = 0; i < snap->objects->len; i++)
    {
      const HsSnapObject *obj = g_ptr_array_index (snap->objects, i);

      if (hs_id_map_lookup (&linked, obj->id) == NULL && hs_id_map_lookup (&taken, obj->id) == NULL)
        take_run (chains, &find, opts, obj, NULL, &taken, run);
    }
  /* A node a chain would go on to that the run of the node before it left (a tree's spine
   * below a root whose run went to its other child, each child's `parent` pointing back)
   * starts a run of its own, once the node before it is in one. */
  while (started)
    {
      started = FALSE;
      for (guint i = 0; i < snap->objects->len; i++)
        {
          const HsSnapObject *obj = g_ptr_array_index (snap->objects, i);
          const HsSnapObject *prev = hs_id_map_lookup (&linked, obj->id);

          if (prev == NULL || hs_id_map_lookup (&taken, obj->id) != NULL
              || hs_id_map_lookup (&taken, prev->id) == NULL)
            continue;
          take_run (chains, &find, opts, obj, prev, &taken, run);
          started = TRUE;
        }
    }
  hs_id_map_clear (&linked);
  hs_id_map_clear (&taken);
  hs_id_map_clear (&undrawn);
  hs_id_map_clear (&links_at);
  hs_folds_find (chains, snap, opts);
  return chains;
}

void
hs_chains_free (HsChains *chains)
{
  if (chains == NULL)
    return;
  hs_id_map_clear (&chains->hidden);
  g_hash_table_unref (chains->frames);
  g_hash_table_unref (chains->expanded);
  g_hash_table_unref (chains->whole);
  g_ptr_array_unref (chains->chains);
  g_free (chains);
}

const HsChain *
hs_chains_lookup (const HsChains *chains, guint64 id)
{
  return chains ? hs_id_map_lookup (&chains->hidden, id) : NULL;
}

const HsChain *
hs_chains_lookup_frame (const HsChains *chains, guint64 frame_id)
{
  return chains ? g_hash_table_lookup (chains->frames, &frame_id) : NULL;
}

guint
hs_chains_count (const HsChains *chains)
{
  return chains->chains->len;
}

const HsChain *
hs_chains_get (const HsChains *chains, guint i)
{
  return g_ptr_array_index (chains->chains, i);
}

gboolean
hs_chains_is_expanded_key (const HsChains *chains, guint64 id)
{
  return g_hash_table_contains (chains->expanded, &id);
}

gboolean
hs_chains_is_whole (const HsChains *chains, const HsSnapObject *obj)
{
  return g_hash_table_contains (chains->whole, obj);
}
