/* hs-tween.c — the scene between two steps.
 *
 * Invariant: a frame depends only on (a, b, t); at t = 0 it draws like `a` and at t = 1
 * like `b` (apart from vanished nodes and edges, which are present at alpha 0). Nodes and
 * cells are matched by their stable keys, edges by the cell they leave from. Callers apply
 * their own easing to t.
 *
 * A tween is planned once (what each node, cell and edge of a frame comes from; edges'
 * curves resampled to a common number of points) and keeps the scene of its last frame,
 * whose texts are one half's (t < 1/2: a's, after: b's): a frame makes the scene again only
 * when t crosses 1/2, and otherwise sets the numbers that move.
 */
#include <math.h>

#include "hs-tween.h"

static double
lerp (double a, double b, double t)
{
  return a + (b - a) * t;
}

static HsPoint
lerp_point (HsPoint a, HsPoint b, double t)
{
  return (HsPoint){ lerp (a.x, b.x, t), lerp (a.y, b.y, t) };
}

static HsRect
lerp_rect (const HsRect *a, const HsRect *b, double t)
{
  return (HsRect){ lerp (a->x, b->x, t), lerp (a->y, b->y, t), lerp (a->width, b->width, t),
                   lerp (a->height, b->height, t) };
}

static guint64
node_key (HsSceneNodeRole role, guint64 id)
{
  return ((guint64)role << 60) ^ id;
}

/* Maps node_key -> index + 1 for `scene`; keys live in `store`. */
static GHashTable *
index_nodes (const HsScene *scene, guint64 *store)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);

      store[i] = node_key (node->role, node->id);
      g_hash_table_insert (index, &store[i], GUINT_TO_POINTER (i + 1));
    }
  return index;
}

static const HsSceneNode *
lookup_node (GHashTable *index, const HsScene *scene, const HsSceneNode *like)
{
  guint64 key = node_key (like->role, like->id);
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &key));

  return i ? g_ptr_array_index (scene->nodes, i - 1) : NULL;
}

/* ---- edges -------------------------------------------------------------------------- */

static gboolean
same_tail (const HsSceneEdge *a, const HsSceneEdge *b)
{
  return a->tail_role == b->tail_role && a->tail_id == b->tail_id && a->tail_cell == b->tail_cell;
}

/* Splits cubic segment `seg` of `pts` (1 + 3k points) at its middle, in place; the array
 * must have room for 3 more points. De Casteljau keeps the curve's shape exactly. */
static void
split_segment (HsPoint *pts, guint *n, guint seg)
{
  HsPoint *p = pts + 3 * seg;
  HsPoint p01 = lerp_point (p[0], p[1], 0.5), p12 = lerp_point (p[1], p[2], 0.5);
  HsPoint p23 = lerp_point (p[2], p[3], 0.5), q0 = lerp_point (p01, p12, 0.5);
  HsPoint q1 = lerp_point (p12, p23, 0.5), mid = lerp_point (q0, q1, 0.5);

  memmove (p + 6, p + 3, sizeof (HsPoint) * (*n - 3 * seg - 3));
  p[1] = p01, p[2] = q0, p[3] = mid, p[4] = q1, p[5] = p23;
  *n += 3;
}

/* Splits the longest segments until the curve has `want` points. */
static HsPoint *
resample (const HsSceneEdge *edge, guint want)
{
  HsPoint *pts = g_new (HsPoint, want);
  guint n = edge->n_points;

  memcpy (pts, edge->points, sizeof (HsPoint) * n);
  while (n < want)
    {
      guint best = 0;
      double best_len = -1;

      for (guint s = 0; 3 * s + 3 < n; s++)
        {
          double len = hypot (pts[3 * s + 3].x - pts[3 * s].x, pts[3 * s + 3].y - pts[3 * s].y);

          if (len > best_len)
            best = s, best_len = len;
        }
      split_segment (pts, &n, best);
    }
  return pts;
}

static const HsSceneEdge *
find_edge (const HsScene *scene, const HsSceneEdge *like, GHashTable *tails)
{
  guint64 key = node_key (like->tail_role, like->tail_id) * 1000003u + like->tail_cell;
  GPtrArray *list = g_hash_table_lookup (tails, &key);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (same_tail (g_ptr_array_index (list, i), like))
      return g_ptr_array_index (list, i);
  return NULL;
}

/* Edges of `scene` grouped by a hash of their tail; keys live in `store`. */
static GHashTable *
index_edges (const HsScene *scene, guint64 *store)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                             (GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *edge = g_ptr_array_index (scene->edges, i);
      GPtrArray *list;

      store[i] = node_key (edge->tail_role, edge->tail_id) * 1000003u + edge->tail_cell;
      list = g_hash_table_lookup (index, &store[i]);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (index, &store[i], list);
        }
      g_ptr_array_add (list, (gpointer)edge);
    }
  return index;
}

/* ---- the plan ------------------------------------------------------------------------ */

/* Where a node or edge of a frame comes from: both scenes (it moves), only `a` (it fades
 * out) or only `b` (it fades in, and grows in when there was a scene before). */
typedef enum
{
  FROM_BOTH,
  FROM_A,
  FROM_B,
} Source;

typedef struct
{
  const HsSceneCell *ca, *cb; /* either may be NULL */
} CellPlan;

typedef struct
{
  Source source;
  const HsSceneNode *na, *nb;
  guint first_cell, n_cells; /* in `cells`: a node in both scenes only */
} NodePlan;

typedef struct
{
  Source source;
  const HsSceneEdge *ea, *eb;
  HsPoint *pa, *pb; /* both curves with n points: an edge in both scenes only */
  guint n;
  gboolean still; /* the same in every frame */
  gboolean rigid; /* of the same shape in every frame */
} EdgePlan;

struct _HsTween
{
  const HsScene *a, *b;
  GArray *nodes;  /* of NodePlan, in the order of a frame's nodes */
  GArray *cells;  /* of CellPlan */
  GArray *edges;  /* of EdgePlan, in the order of a frame's edges */
  HsScene *frame; /* the last frame, or NULL */
  gboolean late;  /* its texts are b's */
};

static void
plan_fading_node (HsTween *tween, Source source, const HsSceneNode *node)
{
  NodePlan plan = { source, source == FROM_A ? node : NULL, source == FROM_B ? node : NULL };

  g_array_append_val (tween->nodes, plan);
}

/* A persisting node: b's cells (matched with a's), then the cells only a has. */
static void
plan_moving_node (HsTween *tween, const HsSceneNode *na, const HsSceneNode *nb)
{
  NodePlan plan = { FROM_BOTH, na, nb, tween->cells->len };

  for (guint i = 0; i < nb->cells->len; i++)
    {
      const HsSceneCell *cb = &g_array_index (nb->cells, HsSceneCell, i);
      CellPlan cell = { hs_scene_node_find_cell (na, cb->key), cb };

      g_array_append_val (tween->cells, cell);
    }
  for (guint i = 0; i < na->cells->len; i++)
    {
      const HsSceneCell *ca = &g_array_index (na->cells, HsSceneCell, i);
      CellPlan cell = { ca, NULL };

      if (hs_scene_node_find_cell (nb, ca->key) == NULL)
        g_array_append_val (tween->cells, cell);
    }
  plan.n_cells = tween->cells->len - plan.first_cell;
  g_array_append_val (tween->nodes, plan);
}

static void
plan_fading_edge (HsTween *tween, Source source, const HsSceneEdge *edge)
{
  EdgePlan plan = { source, source == FROM_A ? edge : NULL, source == FROM_B ? edge : NULL };

  plan.rigid = TRUE;

  g_array_append_val (tween->edges, plan);
}

/* Whether an edge in both scenes is drawn the same in both, so in every frame between. */
static gboolean
same_edge (const HsSceneEdge *ea, const HsSceneEdge *eb)
{
  return ea->n_points == eb->n_points
         && memcmp (ea->points, eb->points, sizeof (HsPoint) * ea->n_points) == 0
         && ea->tip.x == eb->tip.x && ea->tip.y == eb->tip.y && ea->alpha == eb->alpha
         && ea->to_summary == eb->to_summary && ea->from_freed == eb->from_freed
         && ea->is_bundle == eb->is_bundle && ea->n_refs == eb->n_refs
         && ea->is_class_ref == eb->is_class_ref && ea->is_weak == eb->is_weak;
}

/* Whether curves `pa` and `pb` of n points (tips ta, tb) are one shape, one moved from the
 * other (to a 64th of a unit, what the painter tells shapes apart by). */
static gboolean
same_shape (const HsPoint *pa, HsPoint ta, const HsPoint *pb, HsPoint tb, guint n)
{
  double dx = pb[0].x - pa[0].x, dy = pb[0].y - pa[0].y;

  for (guint i = 1; i < n; i++)
    if (fabs (pb[i].x - pa[i].x - dx) > 1 / 128.0 || fabs (pb[i].y - pa[i].y - dy) > 1 / 128.0)
      return FALSE;
  return fabs (tb.x - ta.x - dx) <= 1 / 128.0 && fabs (tb.y - ta.y - dy) <= 1 / 128.0;
}

static void
plan_moving_edge (HsTween *tween, const HsSceneEdge *ea, const HsSceneEdge *eb)
{
  EdgePlan plan = { FROM_BOTH, ea, eb };

  plan.n = MAX (ea->n_points, eb->n_points);
  plan.pa = resample (ea, plan.n);
  plan.pb = resample (eb, plan.n);
  plan.still = same_edge (ea, eb);
  /* a change of style shows at the frame of a half's texts, which is a new shape then */
  plan.rigid = same_shape (plan.pa, ea->tip, plan.pb, eb->tip, plan.n);
  g_array_append_val (tween->edges, plan);
}

/* Only one scene: everything in it fades. */
static void
plan_one (HsTween *tween, const HsScene *only, Source source)
{
  for (guint i = 0; i < only->nodes->len; i++)
    plan_fading_node (tween, source, g_ptr_array_index (only->nodes, i));
  for (guint i = 0; i < only->edges->len; i++)
    plan_fading_edge (tween, source, g_ptr_array_index (only->edges, i));
}

static void
plan_both (HsTween *tween, const HsScene *a, const HsScene *b)
{
  g_autofree guint64 *store_a = g_new (guint64, a->nodes->len + 1);
  g_autofree guint64 *store_b = g_new (guint64, b->nodes->len + 1);
  g_autofree guint64 *edges_a = g_new (guint64, a->edges->len + 1);
  g_autofree guint64 *edges_b = g_new (guint64, b->edges->len + 1);
  GHashTable *nodes_a = index_nodes (a, store_a), *nodes_b = index_nodes (b, store_b);
  GHashTable *tails_a = index_edges (a, edges_a), *tails_b = index_edges (b, edges_b);

  /* Vanishing nodes first, so that they fade out underneath the others. */
  for (guint i = 0; i < a->nodes->len; i++)
    if (lookup_node (nodes_b, b, g_ptr_array_index (a->nodes, i)) == NULL)
      plan_fading_node (tween, FROM_A, g_ptr_array_index (a->nodes, i));
  for (guint i = 0; i < b->nodes->len; i++)
    {
      const HsSceneNode *nb = g_ptr_array_index (b->nodes, i);
      const HsSceneNode *na = lookup_node (nodes_a, a, nb);

      if (na != NULL)
        plan_moving_node (tween, na, nb);
      else
        plan_fading_node (tween, FROM_B, nb);
    }
  for (guint i = 0; i < a->edges->len; i++)
    if (find_edge (b, g_ptr_array_index (a->edges, i), tails_b) == NULL)
      plan_fading_edge (tween, FROM_A, g_ptr_array_index (a->edges, i));
  for (guint i = 0; i < b->edges->len; i++)
    {
      const HsSceneEdge *eb = g_ptr_array_index (b->edges, i);
      const HsSceneEdge *ea = find_edge (a, eb, tails_a);

      if (ea != NULL)
        plan_moving_edge (tween, ea, eb);
      else
        plan_fading_edge (tween, FROM_B, eb);
    }
  g_hash_table_unref (nodes_a);
  g_hash_table_unref (nodes_b);
  g_hash_table_unref (tails_a);
  g_hash_table_unref (tails_b);
}

static void
edge_plan_clear (EdgePlan *plan)
{
  g_free (plan->pa);
  g_free (plan->pb);
}

HsTween *
hs_tween_new (const HsScene *a, const HsScene *b)
{
  HsTween *tween = g_new0 (HsTween, 1);

  tween->a = a, tween->b = b;
  tween->nodes = g_array_new (FALSE, FALSE, sizeof (NodePlan));
  tween->cells = g_array_new (FALSE, FALSE, sizeof (CellPlan));
  tween->edges = g_array_new (FALSE, FALSE, sizeof (EdgePlan));
  g_array_set_clear_func (tween->edges, (GDestroyNotify)edge_plan_clear);
  if (a != NULL && b != NULL)
    plan_both (tween, a, b);
  else if (a != NULL || b != NULL)
    plan_one (tween, a ? a : b, a ? FROM_A : FROM_B);
  return tween;
}

void
hs_tween_free (HsTween *tween)
{
  if (tween == NULL)
    return;
  g_array_unref (tween->nodes);
  g_array_unref (tween->cells);
  g_array_unref (tween->edges);
  hs_scene_free (tween->frame);
  g_free (tween);
}

/* ---- a frame's texts: made once per half ------------------------------------------------ */

/* A node that fades keeps everything of its own but its alpha and scale. */
static void
make_fading_node (HsScene *out, const HsSceneNode *src)
{
  HsSceneNode *node = hs_scene_add_node (out, src->role, src->id);

  node->kind = src->kind;
  node->rect = src->rect;
  node->badge = g_strdup (src->badge);
  node->caption = g_strdup (src->caption);
  node->hidden_holders = g_strdupv (src->hidden_holders);
  node->flags = src->flags;
  node->is_highlighted = src->is_highlighted;
  node->is_zombie = src->is_zombie;
  node->is_collapsed = src->is_collapsed;
  node->is_expanded = src->is_expanded;
  node->is_subtree = src->is_subtree;
  for (guint i = 0; i < src->cells->len; i++)
    {
      const HsSceneCell *c = &g_array_index (src->cells, HsSceneCell, i);
      HsSceneCell *cell = hs_scene_node_add_cell (node, c->role, c->key, c->text);

      cell->rect = c->rect;
      cell->note = g_strdup (c->note);
      cell->port = g_strdup (c->port);
      cell->is_ref = c->is_ref;
      cell->is_held_row = c->is_held_row;
      cell->align = c->align;
      cell->alpha = c->alpha;
    }
}

/* A cell of a persisting node: its texts from b once t passes 1/2 (or when only b has it). */
static void
make_cell (HsSceneNode *node, const CellPlan *plan, gboolean late)
{
  const HsSceneCell *src = plan->cb ? plan->cb : plan->ca;
  const HsSceneCell *text = plan->cb && (late || !plan->ca) ? plan->cb : plan->ca;
  HsSceneCell *cell = hs_scene_node_add_cell (node, src->role, src->key, text->text);

  cell->note = g_strdup (text->note);
  cell->port = g_strdup (src->port);
  cell->is_ref = text->is_ref;
  cell->is_held_row = src->is_held_row;
  cell->align = src->align;
}

static void
make_moving_node (HsScene *out, const HsTween *tween, const NodePlan *plan, gboolean late)
{
  const HsSceneNode *src = late ? plan->nb : plan->na;
  HsSceneNode *node = hs_scene_add_node (out, plan->nb->role, plan->nb->id);

  node->kind = plan->nb->kind;
  node->badge = g_strdup (src->badge);
  node->caption = g_strdup (src->caption);
  node->hidden_holders = g_strdupv (src->hidden_holders);
  node->flags = src->flags;
  node->is_highlighted = src->is_highlighted;
  node->is_zombie = src->is_zombie;
  for (guint i = 0; i < plan->n_cells; i++)
    make_cell (node, &g_array_index (tween->cells, CellPlan, plan->first_cell + i), late);
}

static void
make_edge (HsScene *out, const EdgePlan *plan, gboolean late)
{
  const HsSceneEdge *src = plan->source == FROM_BOTH ? (late ? plan->eb : plan->ea)
                           : plan->ea                ? plan->ea
                                                     : plan->eb;
  HsSceneEdge *edge = hs_scene_add_edge (out);

  *edge = *src;
  edge->n_points = plan->source == FROM_BOTH ? plan->n : src->n_points;
  edge->points = plan->source == FROM_BOTH
                     ? g_new (HsPoint, plan->n)
                     : g_memdup2 (src->points, sizeof (HsPoint) * src->n_points);
  edge->is_still = plan->still;
  edge->is_rigid = plan->rigid;
}

static HsScene *
make_frame (const HsTween *tween, gboolean late)
{
  HsScene *out = hs_scene_new ();

  if (tween->a != NULL && tween->b != NULL)
    out->n_elided_objects = late ? tween->b->n_elided_objects : tween->a->n_elided_objects;
  for (guint i = 0; i < tween->nodes->len; i++)
    {
      const NodePlan *plan = &g_array_index (tween->nodes, NodePlan, i);

      if (plan->source == FROM_BOTH)
        make_moving_node (out, tween, plan, late);
      else
        make_fading_node (out, plan->na ? plan->na : plan->nb);
    }
  for (guint i = 0; i < tween->edges->len; i++)
    make_edge (out, &g_array_index (tween->edges, EdgePlan, i), late);
  return out;
}

/* ---- a frame's numbers ---------------------------------------------------------------- */

/* A cell's offset within its own node is interpolated, so cells ride along with a sliding
 * node. */
static void
place_cell (HsSceneCell *cell, const HsSceneNode *node, const HsSceneNode *na,
            const HsSceneNode *nb, const CellPlan *plan, double t)
{
  const HsSceneCell *ca = plan->ca, *cb = plan->cb;
  HsRect ra = { 0 }, rb = { 0 }, rel;

  if (ca)
    ra = (HsRect){ ca->rect.x - na->rect.x, ca->rect.y - na->rect.y, ca->rect.width,
                   ca->rect.height };
  if (cb)
    rb = (HsRect){ cb->rect.x - nb->rect.x, cb->rect.y - nb->rect.y, cb->rect.width,
                   cb->rect.height };
  if (ca && cb)
    rel = lerp_rect (&ra, &rb, t), cell->alpha = lerp (ca->alpha, cb->alpha, t);
  else if (cb)
    rel = rb, cell->alpha = cb->alpha * t;
  else
    rel = ra, cell->alpha = ca->alpha * (1 - t);
  cell->rect = (HsRect){ node->rect.x + rel.x, node->rect.y + rel.y, rel.width, rel.height };
}

static void
place_node (HsSceneNode *node, const HsTween *tween, const NodePlan *plan, double t)
{
  const HsSceneNode *na = plan->na, *nb = plan->nb;

  if (plan->source == FROM_A)
    {
      node->alpha = na->alpha * (1 - t);
      node->scale = na->scale;
      return;
    }
  if (plan->source == FROM_B)
    {
      /* grows in when it joins a scene, only fades in when there was none */
      node->alpha = nb->alpha * t;
      node->scale = nb->scale * (tween->a != NULL ? 0.6 + 0.4 * t : 1);
      return;
    }
  node->rect = lerp_rect (&na->rect, &nb->rect, t);
  node->alpha = lerp (na->alpha, nb->alpha, t);
  node->scale = lerp (na->scale, nb->scale, t);
  for (guint i = 0; i < plan->n_cells; i++)
    place_cell (&g_array_index (node->cells, HsSceneCell, i), node, na, nb,
                &g_array_index (tween->cells, CellPlan, plan->first_cell + i), t);
}

static void
place_edge (HsSceneEdge *edge, const EdgePlan *plan, double t)
{
  if (plan->source != FROM_BOTH)
    {
      edge->alpha = plan->ea ? plan->ea->alpha * (1 - t) : plan->eb->alpha * t;
      return;
    }
  for (guint i = 0; i < plan->n; i++)
    edge->points[i] = lerp_point (plan->pa[i], plan->pb[i], t);
  edge->tip = lerp_point (plan->ea->tip, plan->eb->tip, t);
  edge->alpha = lerp (plan->ea->alpha, plan->eb->alpha, t);
}

const HsScene *
hs_tween_frame (HsTween *tween, double t)
{
  const HsScene *a = tween->a, *b = tween->b;
  gboolean late;

  g_return_val_if_fail (tween != NULL, NULL);
  t = CLAMP (t, 0.0, 1.0);
  late = t >= 0.5;
  if (tween->frame == NULL || tween->late != late)
    {
      hs_scene_free (tween->frame);
      tween->frame = make_frame (tween, late);
      tween->late = late;
    }
  if (a != NULL || b != NULL)
    {
      tween->frame->width = a && b ? lerp (a->width, b->width, t) : (a ? a : b)->width;
      tween->frame->height = a && b ? lerp (a->height, b->height, t) : (a ? a : b)->height;
    }
  for (guint i = 0; i < tween->nodes->len; i++)
    place_node (g_ptr_array_index (tween->frame->nodes, i), tween,
                &g_array_index (tween->nodes, NodePlan, i), t);
  for (guint i = 0; i < tween->edges->len; i++)
    place_edge (g_ptr_array_index (tween->frame->edges, i),
                &g_array_index (tween->edges, EdgePlan, i), t);
  return tween->frame;
}

HsScene *
hs_tween_steal (HsTween *tween)
{
  g_return_val_if_fail (tween != NULL, NULL);
  if (tween->frame == NULL)
    hs_tween_frame (tween, 0);
  return g_steal_pointer (&tween->frame);
}

HsScene *
hs_scene_tween (const HsScene *a, const HsScene *b, double t)
{
  g_autoptr (HsTween) tween = hs_tween_new (a, b);

  hs_tween_frame (tween, t);
  return hs_tween_steal (tween);
}
