/* hs-tween.c — the scene between two steps.
 *
 * Invariant: the result depends only on (a, b, t) and owns all its memory; at t = 0 it
 * draws like `a` and at t = 1 like `b` (apart from vanished nodes and edges, which are
 * present at alpha 0). Nodes and cells are matched by their stable keys, edges by the
 * cell they leave from. Callers apply their own easing to t.
 */
#include <math.h>

#include "hs-scene.h"

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

/* ---- nodes -------------------------------------------------------------------------- */

static HsSceneNode *
node_fading (HsScene *out, const HsSceneNode *src, double alpha, double scale)
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
  node->alpha = src->alpha * alpha;
  node->scale = src->scale * scale;
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
  return node;
}

/* A cell moved into `node`'s interpolated frame: its offset within its own node is
 * interpolated, so cells ride along with a sliding node. */
static void
tween_cell (HsSceneNode *node, const HsSceneNode *na, const HsSceneCell *ca, const HsSceneNode *nb,
            const HsSceneCell *cb, double t)
{
  const HsSceneCell *src = cb ? cb : ca;
  HsSceneCell *cell = hs_scene_node_add_cell (node, src->role, src->key,
                                              (cb && (t >= 0.5 || !ca)) ? cb->text : ca->text);
  HsRect ra = { 0 }, rb = { 0 }, rel;

  cell->note = g_strdup ((cb && (t >= 0.5 || !ca)) ? cb->note : ca->note);

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
  cell->port = g_strdup (src->port);
  cell->is_ref = (cb && (t >= 0.5 || !ca)) ? cb->is_ref : ca->is_ref;
  cell->is_held_row = src->is_held_row;
  cell->align = src->align;
}

static void
tween_node (HsScene *out, const HsSceneNode *na, const HsSceneNode *nb, double t)
{
  const HsSceneNode *late = t >= 0.5 ? nb : na;
  HsSceneNode *node = hs_scene_add_node (out, nb->role, nb->id);

  node->kind = nb->kind;
  node->rect = lerp_rect (&na->rect, &nb->rect, t);
  node->badge = g_strdup (late->badge);
  node->caption = g_strdup (late->caption);
  node->hidden_holders = g_strdupv (late->hidden_holders);
  node->flags = late->flags;
  node->is_highlighted = late->is_highlighted;
  node->is_zombie = late->is_zombie;
  node->alpha = lerp (na->alpha, nb->alpha, t);
  node->scale = lerp (na->scale, nb->scale, t);
  for (guint i = 0; i < nb->cells->len; i++)
    {
      const HsSceneCell *cb = &g_array_index (nb->cells, HsSceneCell, i);

      tween_cell (node, na, hs_scene_node_find_cell (na, cb->key), nb, cb, t);
    }
  for (guint i = 0; i < na->cells->len; i++)
    {
      const HsSceneCell *ca = &g_array_index (na->cells, HsSceneCell, i);

      if (hs_scene_node_find_cell (nb, ca->key) == NULL)
        tween_cell (node, na, ca, nb, NULL, t);
    }
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

static void
edge_fading (HsScene *out, const HsSceneEdge *src, double alpha)
{
  HsSceneEdge *edge = hs_scene_add_edge (out);

  *edge = *src;
  edge->points = g_memdup2 (src->points, sizeof (HsPoint) * src->n_points);
  edge->alpha = src->alpha * alpha;
}

static void
tween_edge (HsScene *out, const HsSceneEdge *ea, const HsSceneEdge *eb, double t)
{
  guint n = MAX (ea->n_points, eb->n_points);
  g_autofree HsPoint *pa = resample (ea, n);
  g_autofree HsPoint *pb = resample (eb, n);
  HsSceneEdge *edge = hs_scene_add_edge (out);

  *edge = t >= 0.5 ? *eb : *ea;
  edge->n_points = n;
  edge->points = g_new (HsPoint, n);
  for (guint i = 0; i < n; i++)
    edge->points[i] = lerp_point (pa[i], pb[i], t);
  edge->tip = lerp_point (ea->tip, eb->tip, t);
  edge->alpha = lerp (ea->alpha, eb->alpha, t);
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

HsScene *
hs_scene_tween (const HsScene *a, const HsScene *b, double t)
{
  HsScene *out;
  g_autofree guint64 *store_a = NULL, *store_b = NULL, *edges_a = NULL, *edges_b = NULL;
  GHashTable *nodes_a, *nodes_b, *tails_a, *tails_b;

  t = CLAMP (t, 0.0, 1.0);
  if (a == NULL && b == NULL)
    return hs_scene_new ();
  if (a == NULL || b == NULL)
    {
      const HsScene *only = a ? a : b;
      double alpha = a ? 1 - t : t;

      out = hs_scene_new ();
      out->width = only->width, out->height = only->height;
      for (guint i = 0; i < only->nodes->len; i++)
        node_fading (out, g_ptr_array_index (only->nodes, i), alpha, 1);
      for (guint i = 0; i < only->edges->len; i++)
        edge_fading (out, g_ptr_array_index (only->edges, i), alpha);
      return out;
    }
  out = hs_scene_new ();
  out->width = lerp (a->width, b->width, t);
  out->height = lerp (a->height, b->height, t);
  out->n_elided_objects = t >= 0.5 ? b->n_elided_objects : a->n_elided_objects;
  store_a = g_new (guint64, a->nodes->len + 1);
  store_b = g_new (guint64, b->nodes->len + 1);
  edges_a = g_new (guint64, a->edges->len + 1);
  edges_b = g_new (guint64, b->edges->len + 1);
  nodes_a = index_nodes (a, store_a);
  nodes_b = index_nodes (b, store_b);
  tails_a = index_edges (a, edges_a);
  tails_b = index_edges (b, edges_b);

  /* Vanishing nodes first, so that they fade out underneath the others. */
  for (guint i = 0; i < a->nodes->len; i++)
    if (lookup_node (nodes_b, b, g_ptr_array_index (a->nodes, i)) == NULL)
      node_fading (out, g_ptr_array_index (a->nodes, i), 1 - t, 1);
  for (guint i = 0; i < b->nodes->len; i++)
    {
      const HsSceneNode *nb = g_ptr_array_index (b->nodes, i);
      const HsSceneNode *na = lookup_node (nodes_a, a, nb);

      if (na != NULL)
        tween_node (out, na, nb, t);
      else
        node_fading (out, nb, t, 0.6 + 0.4 * t);
    }
  for (guint i = 0; i < a->edges->len; i++)
    if (find_edge (b, g_ptr_array_index (a->edges, i), tails_b) == NULL)
      edge_fading (out, g_ptr_array_index (a->edges, i), 1 - t);
  for (guint i = 0; i < b->edges->len; i++)
    {
      const HsSceneEdge *eb = g_ptr_array_index (b->edges, i);
      const HsSceneEdge *ea = find_edge (a, eb, tails_a);

      if (ea != NULL)
        tween_edge (out, ea, eb, t);
      else
        edge_fading (out, eb, t);
    }
  g_hash_table_unref (nodes_a);
  g_hash_table_unref (nodes_b);
  g_hash_table_unref (tails_a);
  g_hash_table_unref (tails_b);
  return out;
}
