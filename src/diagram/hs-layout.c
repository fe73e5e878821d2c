/* hs-layout.c — running dot in-process and reading its answer into the scene.
 *
 * Invariant: every Graphviz call of the process happens under `gv_lock` (Graphviz keeps
 * global state); after hs_diagram_layout the scene holds only copied numbers, and the
 * graph's layout has been freed again with gvFreeLayout.
 */
#include <math.h>

#include "hs-diagram-private.h"
#include "hs-text.h"

static GRecMutex gv_lock;
static GVC_t *gv_context;
static GString *gv_messages; /* what Graphviz said during the current call */

static int
collect_message (char *message)
{
  if (gv_messages != NULL)
    g_string_append (gv_messages, message);
  return 0;
}

void
hs_graphviz_lock (void)
{
  g_rec_mutex_lock (&gv_lock);
}

void
hs_graphviz_unlock (void)
{
  g_rec_mutex_unlock (&gv_lock);
}

GVC_t *
hs_graphviz_context (void)
{
  if (gv_context == NULL)
    {
      gv_context = gvContext ();
      gv_messages = g_string_new (NULL);
      agseterrf (collect_message);
    }
  return gv_context;
}

void
hs_diagram_shutdown (void)
{
  hs_graphviz_lock ();
  if (gv_context != NULL)
    {
      gvFreeContext (gv_context);
      gv_context = NULL;
      g_string_free (gv_messages, TRUE);
      gv_messages = NULL;
    }
  hs_graphviz_unlock ();
  hs_text_release ();
}

/* Graphviz has y up and its own origin; the scene has y down and a margin. */
typedef struct
{
  double left, top;
} Frame;

static HsPoint
to_scene (const Frame *frame, pointf p)
{
  return (HsPoint){ p.x - frame->left + HS_DIAGRAM_MARGIN, frame->top - p.y + HS_DIAGRAM_MARGIN };
}

static void
place_node (HsDiagram *d, const Frame *frame, guint index)
{
  HsSceneNode *node = g_ptr_array_index (d->scene->nodes, index);
  Agnode_t *n = g_ptr_array_index (d->gv_nodes, index);
  double width = ND_width (n) * 72, height = ND_height (n) * 72;
  HsPoint centre = to_scene (frame, ND_coord (n));

  node->rect.x = round (centre.x - width / 2);
  node->rect.y = round (centre.y - height / 2);
  for (guint i = 0; i < node->cells->len; i++)
    {
      HsSceneCell *cell = &g_array_index (node->cells, HsSceneCell, i);

      cell->rect.x += node->rect.x;
      cell->rect.y += node->rect.y;
    }
}

/* Bundles and class references start where dot's spline leaves the node. */
static void
copy_spline (HsSceneEdge *edge, const Frame *frame, const bezier *bz)
{
  edge->n_points = bz->size;
  edge->points = g_new (HsPoint, edge->n_points);
  for (int i = 0; i < bz->size; i++)
    edge->points[i] = to_scene (frame, bz->list[i]);
  edge->tip = bz->eflag ? to_scene (frame, bz->ep) : edge->points[edge->n_points - 1];
}

/* The curve starts at the dot in the middle of its cell: a straight first segment joins
 * the dot to where dot's spline leaves the node. */
static void
place_edge (HsDiagram *d, const Frame *frame, const HsPendingEdge *pending)
{
  HsSceneNode *tail = g_ptr_array_index (d->scene->nodes, pending->tail_node);
  HsSceneCell *cell = NULL;
  splines *spl = pending->edge ? ED_spl (pending->edge) : NULL;
  HsSceneEdge *edge;
  HsPoint dot, start;
  bezier *bz;

  if (pending->is_class || spl == NULL || spl->size < 1 || spl->list[0].size < 4)
    return;
  bz = &spl->list[0];
  edge = hs_scene_add_edge (d->scene);
  edge->tail_role = tail->role;
  edge->tail_id = tail->id;
  edge->head_role = pending->head_role;
  edge->head_id = pending->head_id;
  edge->to_summary = pending->to_summary;
  edge->from_freed = (tail->flags & HS_SNAP_FLAG_FREED) != 0;
  edge->is_weak = pending->is_weak;
  if (pending->bundle > 0)
    {
      /* A bundle leaves the box's side, where dot's spline starts. */
      edge->tail_cell = pending->bundle_key;
      edge->is_bundle = TRUE;
      edge->n_refs = pending->bundle;
      copy_spline (edge, frame, bz);
      return;
    }
  cell = &g_array_index (tail->cells, HsSceneCell, pending->tail_cell);
  dot = (HsPoint){ cell->rect.x + cell->rect.width / 2, cell->rect.y + cell->rect.height / 2 };
  edge->tail_cell = cell->key;
  edge->n_points = bz->size + 3;
  edge->points = g_new (HsPoint, edge->n_points);
  start = to_scene (frame, bz->list[0]);
  edge->points[0] = dot;
  edge->points[1] = (HsPoint){ dot.x + (start.x - dot.x) / 3, dot.y + (start.y - dot.y) / 3 };
  edge->points[2]
      = (HsPoint){ dot.x + 2 * (start.x - dot.x) / 3, dot.y + 2 * (start.y - dot.y) / 3 };
  for (int i = 0; i < bz->size; i++)
    edge->points[3 + i] = to_scene (frame, bz->list[i]);
  edge->tip = bz->eflag ? to_scene (frame, bz->ep) : edge->points[edge->n_points - 1];
}

/* ---- class references --------------------------------------------------------- */

#define CLASS_ARROW 9.0

typedef struct
{
  const HsPendingEdge *pending;
  HsSceneNode *tail;
  const HsSceneNode *head;
  HsPoint start;  /* top centre of the tail's header */
  gboolean below; /* the tail's header starts below the head: arrive at its bottom */
  guint n_refs;   /* the class references this curve stands for */
} ClassRef;

/* One dotted curve: up out of the header, into the head's bottom (from below) or over
 * and down into its top, "×n" on it when it stands for n > 1 references. */
static void
add_class_curve (HsScene *scene, const ClassRef *ref)
{
  HsSceneEdge *edge = hs_scene_add_edge (scene);
  const HsRect *h = &ref->head->rect;
  HsPoint s = ref->start, base;
  /* the middle of the class, clear of the badge on its top right */
  double x = h->x + 10 + (h->width - (ref->below ? 20 : 34)) / 2, apex;

  edge->tail_role = ref->tail->role;
  edge->tail_id = ref->tail->id;
  edge->tail_cell = g_array_index (ref->tail->cells, HsSceneCell, ref->pending->tail_cell).key;
  edge->head_role = ref->pending->head_role;
  edge->head_id = ref->pending->head_id;
  edge->to_summary = ref->pending->to_summary;
  edge->from_freed = (ref->tail->flags & HS_SNAP_FLAG_FREED) != 0;
  edge->is_class_ref = TRUE;
  edge->n_refs = ref->n_refs;
  edge->n_points = 4;
  edge->points = g_new (HsPoint, 4);
  edge->points[0] = s;
  if (ref->below)
    {
      double bend;

      edge->tip = (HsPoint){ x, h->y + h->height + 1 };
      base = (HsPoint){ x, edge->tip.y + CLASS_ARROW };
      bend = MAX ((s.y - base.y) * 0.5, 12);
      edge->points[1] = (HsPoint){ s.x, s.y - bend };
      edge->points[2] = (HsPoint){ base.x, base.y + bend };
    }
  else
    {
      edge->tip = (HsPoint){ x, h->y - 1 };
      base = (HsPoint){ x, edge->tip.y - CLASS_ARROW };
      apex = MAX (MIN (s.y, base.y) - 28, 2);
      edge->points[1] = (HsPoint){ s.x, apex };
      edge->points[2] = (HsPoint){ base.x, apex };
    }
  edge->points[3] = base;
}

static double
distance_to_rect (HsPoint p, const HsRect *r)
{
  double dx = MAX (MAX (r->x - p.x, 0), p.x - (r->x + r->width));
  double dy = MAX (MAX (r->y - p.y, 0), p.y - (r->y + r->height));

  return hypot (dx, dy);
}

/* Class references take no part in dot's layout (hs-graph.c). One curve of our own
 * stands for all the references into one class (fifty dotted lines from fifty instances
 * would hide the arrows that matter): it leaves the instance nearest to the class, and
 * says how many references it stands for, so that the class's badge still adds up. */
static void
place_class_edges (HsDiagram *d)
{
  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (ClassRef));

  for (guint i = 0; i < d->edges->len; i++)
    {
      const HsPendingEdge *pending = &g_array_index (d->edges, HsPendingEdge, i);
      const HsSceneCell *cell;
      ClassRef ref = { pending };
      ClassRef *same = NULL;

      if (!pending->is_class)
        continue;
      ref.head = hs_scene_find_node (d->scene, pending->head_role, pending->head_id);
      if (ref.head == NULL)
        continue;
      ref.tail = g_ptr_array_index (d->scene->nodes, pending->tail_node);
      cell = &g_array_index (ref.tail->cells, HsSceneCell, pending->tail_cell);
      ref.start = (HsPoint){ cell->rect.x + cell->rect.width / 2, cell->rect.y };
      ref.below = ref.start.y >= ref.head->rect.y + ref.head->rect.height + 2 * CLASS_ARROW;
      ref.n_refs = pending->bundle;
      for (guint j = 0; j < refs->len && same == NULL; j++)
        if (g_array_index (refs, ClassRef, j).head == ref.head)
          same = &g_array_index (refs, ClassRef, j);
      if (same == NULL)
        g_array_append_val (refs, ref);
      else
        {
          guint n = same->n_refs + ref.n_refs;

          if (distance_to_rect (ref.start, &ref.head->rect)
              < distance_to_rect (same->start, &same->head->rect))
            *same = ref;
          same->n_refs = n;
        }
    }
  for (guint i = 0; i < refs->len; i++)
    add_class_curve (d->scene, &g_array_index (refs, ClassRef, i));
}

static guint64
pair_key (HsSceneNodeRole tail_role, guint64 tail, HsSceneNodeRole head_role, guint64 head)
{
  return ((tail * 2 + tail_role) * 1000003u) ^ (head * 2 + head_role);
}

/* Two objects that point at each other get two nearly collinear edges; the one running
 * leftwards bows downwards so that both arrows stay visible. */
static void
separate_mutual_edges (HsScene *scene)
{
  g_autoptr (GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < scene->edges->len; i++)
    {
      HsSceneEdge *e = g_ptr_array_index (scene->edges, i);
      guint64 *key = g_new (guint64, 1);

      *key = pair_key (e->tail_role, e->tail_id, e->head_role, e->head_id);
      g_hash_table_add (pairs, key);
    }
  for (guint i = 0; i < scene->edges->len; i++)
    {
      HsSceneEdge *e = g_ptr_array_index (scene->edges, i);
      guint64 back = pair_key (e->head_role, e->head_id, e->tail_role, e->tail_id);

      if (e->tip.x >= e->points[0].x || !g_hash_table_contains (pairs, &back))
        continue;
      const HsSceneNode *head = hs_scene_find_node (scene, e->head_role, e->head_id);
      double arrive = head ? MIN (12, head->rect.y + head->rect.height - 6 - e->tip.y) : 0;

      for (guint k = 1; k + 1 < e->n_points; k++)
        e->points[k].y += 24;
      /* Arrive a little lower than the other edge leaves. */
      e->points[e->n_points - 1].y += MAX (arrive, 0);
      e->tip.y += MAX (arrive, 0);
    }
}

static void
read_layout (HsDiagram *d)
{
  boxf bb = GD_bb (d->graph);
  Frame frame = { bb.LL.x, bb.UR.y };

  d->scene->width = ceil (bb.UR.x - bb.LL.x) + 2 * HS_DIAGRAM_MARGIN;
  d->scene->height = ceil (bb.UR.y - bb.LL.y) + 2 * HS_DIAGRAM_MARGIN;
  for (guint i = 0; i < d->scene->nodes->len; i++)
    place_node (d, &frame, i);
  for (guint i = 0; i < d->edges->len; i++)
    place_edge (d, &frame, &g_array_index (d->edges, HsPendingEdge, i));
  place_class_edges (d);
  separate_mutual_edges (d->scene);
}

gboolean
hs_diagram_layout (HsDiagram *diagram, GError **error)
{
  GVC_t *gvc;
  int status;

  g_return_val_if_fail (diagram != NULL && diagram->scene != NULL, FALSE);
  g_return_val_if_fail (!diagram->laid_out, FALSE);
  hs_graphviz_lock ();
  gvc = hs_graphviz_context ();
  g_string_truncate (gv_messages, 0);
  status = gvLayout (gvc, diagram->graph, "dot");
  if (status != 0)
    {
      g_set_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_LAYOUT, "Graphviz layout failed: %s",
                   gv_messages->str);
      hs_graphviz_unlock ();
      return FALSE;
    }
  read_layout (diagram);
  gvFreeLayout (gvc, diagram->graph);
  hs_graphviz_unlock ();
  diagram->laid_out = TRUE;
  return TRUE;
}

HsScene *
hs_diagram_steal_scene (HsDiagram *diagram)
{
  g_return_val_if_fail (diagram != NULL && diagram->laid_out, NULL);
  return g_steal_pointer (&diagram->scene);
}

gboolean
hs_diagram_write_dot (HsDiagram *diagram, FILE *file, GError **error)
{
  int status;

  g_return_val_if_fail (diagram != NULL && file != NULL, FALSE);
  hs_graphviz_lock ();
  status = agwrite (diagram->graph, file);
  hs_graphviz_unlock ();
  if (status != 0 || ferror (file))
    {
      g_set_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO, "Could not write the DOT source");
      return FALSE;
    }
  return TRUE;
}

void
hs_diagram_free (HsDiagram *diagram)
{
  if (diagram == NULL)
    return;
  hs_graphviz_lock ();
  agclose (diagram->graph);
  hs_graphviz_unlock ();
  hs_scene_free (diagram->scene);
  g_ptr_array_unref (diagram->gv_nodes);
  g_array_unref (diagram->caption_space);
  g_array_unref (diagram->edges);
  g_free (diagram);
}

HsScene *
hs_diagram_render (const HsSnapshot *snap, const HsDiagramOptions *opts, GError **error)
{
  g_autoptr (HsDiagram) diagram = hs_diagram_new (snap, opts);

  if (!hs_diagram_layout (diagram, error))
    return NULL;
  return hs_diagram_steal_scene (diagram);
}

void
hs_diagram_warm_up (void)
{
  g_autoptr (HsSnapshot) snap = hs_snapshot_new ();
  g_autoptr (HsScene) scene = NULL;
  HsSnapFrame *frame = hs_snapshot_add_frame (snap, 1, "<module>");
  HsSnapObject *list = hs_snapshot_add_object (snap, 1, HS_SNAP_LIST, "list");
  HsSnapValue no_key = hs_snap_value_primitive (NULL, NULL);
  HsDiagramOptions opts;

  hs_snap_object_add_cell (list, "0", no_key, hs_snap_value_primitive ("str", "'a'"));
  hs_snap_frame_add_var (frame, "x", hs_snap_value_ref (1));
  hs_snapshot_index (snap);
  hs_diagram_options_init (&opts);
  scene = hs_diagram_render (snap, &opts, NULL);
}
