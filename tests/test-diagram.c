/* test-diagram.c — graph building, layout into scenes, elision, tweening and painting.
 *
 * Every fixture is built by hand (diagram-fixtures.h), so these tests need no core.
 */
#include <math.h>
#include <graphviz/gvc.h>

#include "hs-diagram.h"
#include "hs-painter.h"
#include "hs-scene-describe.h"
#include "hs-tween.h"
#include "diagram-fixtures.h"
#include "diagram-test-util.h"

typedef HsSnapshot *(*FixtureFunc) (void);

static HsSnapshot *
linked_list_3 (void)
{
  return fixture_linked_list (3);
}

static HsSnapshot *
tree_3 (void)
{
  return fixture_tree (3);
}

static HsSnapshot *
cycle_before (void)
{
  return fixture_cycle (FALSE);
}

static HsSnapshot *
cycle_after (void)
{
  return fixture_cycle (TRUE);
}

static HsSnapshot *
recursion_5 (void)
{
  return fixture_recursion (5);
}

static HsSnapshot *
long_list (void)
{
  return fixture_long_list (10000);
}

static const FixtureFunc fixtures[] = {
  linked_list_3, tree_3,      fixture_dict_of_lists, fixture_aliasing,
  cycle_before,  cycle_after, recursion_5,           long_list,
};

static guint
count_nodes (Agraph_t *g)
{
  guint n = 0;

  for (Agnode_t *node = agfstnode (g); node; node = agnxtnode (g, node))
    n++;
  return n;
}

/* Visible edges (the frame stack's invisible ordering edges excluded). */
static guint
count_edges (Agraph_t *g)
{
  guint n = 0;

  for (Agnode_t *node = agfstnode (g); node; node = agnxtnode (g, node))
    for (Agedge_t *e = agfstout (g, node); e; e = agnxtout (g, e))
      if (g_strcmp0 (agget (e, (char *)"style"), "invis") != 0)
        n++;
  return n;
}

static void
test_graph_linked_list (void)
{
  g_autoptr (HsSnapshot) snap = fixture_linked_list (3);
  g_autoptr (HsDiagram) diagram = hs_diagram_new (snap, NULL);
  Agraph_t *g = hs_diagram_get_graph (diagram);
  Agnode_t *frame, *first, *last;
  Agedge_t *e;
  const char *label;

  /* module frame, class, __init__, three nodes */
  g_assert_cmpuint (count_nodes (g), ==, 6);
  /* Node, head, __init__, next, next (class references are drawn by us, not laid out) */
  g_assert_cmpuint (count_edges (g), ==, 5);
  frame = agnode (g, (char *)"f1", FALSE);
  first = agnode (g, (char *)"o20", FALSE);
  last = agnode (g, (char *)"o22", FALSE);
  g_assert_nonnull (frame);
  g_assert_nonnull (first);
  g_assert_nonnull (last);
  label = agget (first, (char *)"label");
  g_assert_true (aghtmlstr ((char *)label));
  g_assert_nonnull (strstr (label, "PORT=\"v1\""));
  g_assert_null (strstr (agget (last, (char *)"label"), "PORT=\"v")); /* next is None */
  e = agedge (g, first, agnode (g, (char *)"o21", FALSE), NULL, FALSE);
  g_assert_nonnull (e);
  g_assert_cmpstr (agget (e, (char *)"tailport"), ==, "v1:e");
  e = agedge (g, frame, first, NULL, FALSE);
  g_assert_cmpstr (agget (e, (char *)"tailport"), ==, "v1:e");
  g_assert_cmpstr (agget (first, (char *)"hs_badge"), ==, "1");
  g_assert_cmpstr (agget (agnode (g, (char *)"o10", FALSE), (char *)"hs_badge"), ==, "4");
  g_assert_cmpstr (agget (g, (char *)"rankdir"), ==, "LR");
  g_assert_cmpstr (agget (g, (char *)"ordering"), ==, "out");
}

/* The DOT export lays out in Graphviz's own dot as quickly as in the window: no class
 * reference edges (constraint=false edges made dot take minutes at 400 instances) and no
 * xlabels; each header names the class and says the count instead. */
static void
test_graph_dot_export_lean (void)
{
  g_autoptr (HsSnapshot) snap = fixture_linked_list (3);
  HsDiagramOptions opts;
  g_autoptr (HsDiagram) diagram = NULL;
  Agraph_t *g;
  Agnode_t *first, *cls;

  hs_diagram_options_init (&opts);
  opts.cell_text = TRUE;
  diagram = hs_diagram_new (snap, &opts);
  g = hs_diagram_get_graph (diagram);
  g_assert_cmpuint (count_edges (g), ==, 5);
  first = agnode (g, (char *)"o20", FALSE);
  cls = agnode (g, (char *)"o10", FALSE);
  g_assert_null (agedge (g, first, cls, NULL, FALSE));
  g_assert_null (agattr (g, AGEDGE, (char *)"constraint", NULL));
  g_assert_null (agattr (g, AGNODE, (char *)"xlabel", NULL));
  g_assert_nonnull (strstr (agget (first, (char *)"label"), "Node #20, refcount 1"));
}

static void
test_graph_aliasing_badges (void)
{
  g_autoptr (HsSnapshot) snap = fixture_aliasing ();
  g_autoptr (HsDiagram) diagram = hs_diagram_new (snap, NULL);
  Agraph_t *g = hs_diagram_get_graph (diagram);
  g_autoptr (HsScene) scene = NULL;
  const HsSceneNode *shared;

  /* a, b and the tuple refer to list 40: three arrows, a badge of 3 */
  g_assert_cmpstr (agget (agnode (g, (char *)"o40", FALSE), (char *)"hs_badge"), ==, "3");
  g_assert_cmpstr (agget (agnode (g, (char *)"o41", FALSE), (char *)"hs_badge"), ==, "2");
  /* A tuple's cells send their arrows downwards, one distinct arrow per cell. */
  g_assert_cmpstr (agget (agedge (g, agnode (g, (char *)"o42", FALSE),
                                  agnode (g, (char *)"o40", FALSE), NULL, FALSE),
                          (char *)"tailport"),
                   ==, "v0:s");
  g_assert_true (hs_diagram_layout (diagram, NULL));
  scene = hs_diagram_steal_scene (diagram);
  shared = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 40);
  g_assert_nonnull (shared);
  g_assert_cmpstr (shared->badge, ==, "3");
  g_assert_cmpuint (scene->edges->len, ==, 6);
  g_assert_true (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 42)->flags & HS_SNAP_FLAG_NEW);
}

/* A box whose count is partly held out of view carries its hidden holders, in words, so
 * the tooltip and the description can account for the badge: arrows + hidden = count. */
static void
test_scene_hidden_holders (void)
{
  g_autoptr (HsSnapshot) snap = fixture_aliasing ();
  HsSnapObject *tuple = hs_snapshot_lookup (snap, 42);
  g_autoptr (HsScene) scene = NULL;
  const HsSceneNode *node, *list;
  g_autofree char *text = NULL;

  hs_snap_object_add_recorded_holder (tuple, "code", "f");
  hs_snap_object_add_recorded_holder (tuple, "ast", "<module>");
  tuple->refcount += 2;
  scene = render (snap);
  node = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 42);
  list = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 40);
  g_assert_cmpstr (node->badge, ==, "3");
  g_assert_cmpuint (g_strv_length (node->hidden_holders), ==, 2);
  g_assert_cmpstr (node->hidden_holders[0], ==, "the code of f()");
  g_assert_cmpstr (node->hidden_holders[1], ==, "the parsed program");
  g_assert_cmpuint (refs_drawn_into (scene, node) + 2, ==, 3);
  g_assert_null (list->hidden_holders);
  text = hs_scene_describe (scene);
  g_assert_nonnull (strstr (text, "tuple #42, 3 references: 1 arrow, 2 hidden: the code of f(), "
                                  "the parsed program: item 0"));
  g_assert_nonnull (strstr (text, "list #40, 3 references: item 0"));
}

/* The scene in words says what is drawn: each variable and what it refers to, each object
 * with its count and rows; the arrows lead from a node to its targets and back. */
static void
test_scene_describe (void)
{
  g_autoptr (HsSnapshot) snap = fixture_aliasing ();
  g_autoptr (HsScene) scene = render (snap);
  g_autofree char *text = hs_scene_describe (scene);
  const HsSceneNode *frame = g_ptr_array_index (scene->nodes, 0);
  const HsSceneNode *shared = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 40);
  const HsSceneNode *tuple = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 42);
  g_autoptr (GPtrArray) targets = hs_scene_node_targets (scene, frame);
  g_autoptr (GPtrArray) holders = hs_scene_node_holders (scene, shared);
  g_autoptr (GPtrArray) tuple_targets = hs_scene_node_targets (scene, tuple);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text,
                            "Global frame, running: a refers to list #40, b refers to list #40, "
                            "c refers to list #41, t refers to tuple #42."));
  g_assert_nonnull (strstr (text, "list #40, 3 references: item 0: 1, item 1: 2, item 2: 3."));
  g_assert_nonnull (strstr (text, "tuple #42, 1 reference: item 0 refers to list #40, item 1 "
                                  "refers to list #41."));
  /* the frame's arrows in row order, each target once */
  g_assert_cmpuint (targets->len, ==, 3);
  g_assert_true (g_ptr_array_index (targets, 0) == shared);
  g_assert_true (g_ptr_array_index (targets, 2) == tuple);
  g_assert_cmpuint (holders->len, ==, 2); /* the frame and the tuple */
  g_assert_true (g_ptr_array_index (holders, 0) == frame);
  g_assert_cmpuint (tuple_targets->len, ==, 2);
}

static gboolean
point_in_rect (HsPoint p, const HsRect *r)
{
  return p.x >= r->x && p.x <= r->x + r->width && p.y >= r->y && p.y <= r->y + r->height;
}

/* Each edge starts inside the cell holding its reference and ends at its head. */
static void
check_scene_edges (const HsScene *scene)
{
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);
      const HsSceneNode *tail = hs_scene_find_node (scene, e->tail_role, e->tail_id);
      const HsSceneNode *head = hs_scene_find_node (scene, e->head_role, e->head_id);
      const HsSceneCell *cell;
      HsRect grown;

      g_assert_nonnull (tail);
      g_assert_nonnull (head);
      cell = hs_scene_node_find_cell (tail, e->tail_cell);
      g_assert_nonnull (cell);
      g_assert_cmpuint (e->n_points % 3, ==, 1);
      if (e->is_class_ref)
        {
          /* Class references leave the header's edge, not a dot. */
          grown = (HsRect){ cell->rect.x - 2, cell->rect.y - 2, cell->rect.width + 4,
                            cell->rect.height + 4 };
          g_assert_cmpint (cell->role, ==, HS_CELL_HEADER);
          g_assert_true (point_in_rect (e->points[0], &grown));
        }
      else
        {
          g_assert_true (cell->is_ref);
          g_assert_true (point_in_rect (e->points[0], &cell->rect));
        }
      grown = (HsRect){ head->rect.x - 2, head->rect.y - 2, head->rect.width + 4,
                        head->rect.height + 4 + 20 };
      g_assert_true (point_in_rect (e->tip, &grown));
    }
}

static void
test_scene_edges_start_in_cells (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr (HsSnapshot) snap = fixtures[f]();
      g_autoptr (HsScene) scene = render (snap);

      check_scene_edges (scene);
      for (guint i = 0; i < scene->nodes->len; i++)
        {
          const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);

          g_assert_cmpfloat (node->rect.x, >=, 0);
          g_assert_cmpfloat (node->rect.y, >=, 0);
          g_assert_cmpfloat (node->rect.x + node->rect.width, <=, scene->width);
          g_assert_cmpfloat (node->rect.y + node->rect.height, <=, scene->height);
        }
    }
}

static HsSnapshot *
many_100 (void)
{
  return fixture_many (100);
}

/* Graphviz places exactly the boxes we draw: a node without references is a plain box
 * of the scene node's size, one with references an HTML label with a port per
 * reference; and since Graphviz keeps nodes apart, no two drawn boxes overlap. */
static void
test_layout_boxes_as_drawn (void)
{
  const FixtureFunc with_many[] = { linked_list_3, fixture_dict_of_lists, recursion_5, many_100 };

  for (guint f = 0; f < G_N_ELEMENTS (with_many); f++)
    {
      g_autoptr (HsSnapshot) snap = with_many[f]();
      g_autoptr (HsDiagram) diagram = hs_diagram_new (snap, NULL);
      g_autoptr (HsScene) scene = NULL;
      Agraph_t *g = hs_diagram_get_graph (diagram);
      guint boxes = 0;

      g_assert_true (hs_diagram_layout (diagram, NULL));
      scene = hs_diagram_steal_scene (diagram);
      for (guint i = 0; i < scene->nodes->len; i++)
        {
          const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);
          g_autofree char *name = hs_diagram_node_name (node->role, node->id);
          Agnode_t *n = agnode (g, name, FALSE);
          char *label = agget (n, (char *)"label");
          guint refs = 0;

          for (guint c = 0; c < node->cells->len; c++)
            refs += g_array_index (node->cells, HsSceneCell, c).is_ref;
          if (refs == 0)
            {
              g_assert_cmpstr (agget (n, (char *)"shape"), ==, "box");
              g_assert_cmpfloat_with_epsilon (
                  g_ascii_strtod (agget (n, (char *)"width"), NULL) * 72, node->rect.width, 0.01);
              g_assert_cmpfloat (g_ascii_strtod (agget (n, (char *)"height"), NULL) * 72 + 0.01, >=,
                                 node->rect.height);
              boxes++;
            }
          else
            {
              g_assert_true (aghtmlstr (label));
              for (guint c = 0; c < node->cells->len; c++)
                {
                  const HsSceneCell *cell = &g_array_index (node->cells, HsSceneCell, c);
                  g_autofree char *port = g_strdup_printf ("PORT=\"%s\"", cell->port);

                  if (cell->is_ref)
                    g_assert_nonnull (strstr (label, port));
                }
            }
          for (guint j = 0; j < i; j++)
            {
              const HsRect *a = &node->rect;
              const HsRect *b = &((const HsSceneNode *)g_ptr_array_index (scene->nodes, j))->rect;

              g_assert_false (a->x + 0.5 < b->x + b->width && b->x + 0.5 < a->x + a->width
                              && a->y + 0.5 < b->y + b->height && b->y + 0.5 < a->y + a->height);
            }
        }
      g_assert_cmpuint (boxes, >, 0);
    }
}

/* Instances' class references into one class are one dotted curve from a header,
 * standing for all of them ("×3"), so that the class's badge (3 instances + the variable
 * `Node`) still equals the arrows into it. */
static void
test_scene_class_refs (void)
{
  g_autoptr (HsSnapshot) snap = fixture_linked_list (3);
  g_autoptr (HsScene) scene = render (snap);
  const HsSceneNode *cls = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 10);
  guint n_class = 0;

  g_assert_nonnull (cls);
  g_assert_cmpuint (scene->edges->len, ==, 6);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);
      const HsSceneNode *tail = hs_scene_find_node (scene, e->tail_role, e->tail_id);

      if (!e->is_class_ref)
        continue;
      n_class++;
      g_assert_cmpuint (e->head_id, ==, 10);
      g_assert_cmpuint (e->n_refs, ==, 3);
      g_assert_cmpint (hs_scene_node_find_cell (tail, e->tail_cell)->role, ==, HS_CELL_HEADER);
    }
  g_assert_cmpuint (n_class, ==, 1);
  g_assert_cmpstr (cls->badge, ==, "4");
  g_assert_cmpuint (refs_drawn_into (scene, cls), ==, 4);
  check_scene_edges (scene);
}

static void
test_scene_frames_column (void)
{
  g_autoptr (HsSnapshot) snap = fixture_recursion (5);
  g_autoptr (HsScene) scene = render (snap);
  const HsSceneNode *prev = NULL, *fn;

  for (guint i = 0; i < 6; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);

      g_assert_cmpint (node->role, ==, HS_SCENE_NODE_FRAME);
      if (prev)
        {
          g_assert_cmpfloat (node->rect.y, >, prev->rect.y + prev->rect.height);
          g_assert_cmpfloat (fabs (node->rect.x - prev->rect.x), <, 0.5);
          g_assert_cmpfloat (node->rect.width, ==, prev->rect.width);
        }
      prev = node;
    }
  g_assert_true (((HsSceneNode *)g_ptr_array_index (scene->nodes, 5))->is_highlighted);
  fn = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 60);
  g_assert_cmpfloat (fn->rect.x, >, prev->rect.x + prev->rect.width);
}

static void
test_unreachable_and_freed (void)
{
  g_autoptr (HsSnapshot) before = fixture_cycle (FALSE);
  g_autoptr (HsSnapshot) after = fixture_cycle (TRUE);
  g_autoptr (HsScene) a = render (before);
  g_autoptr (HsScene) b = render (after);
  const HsSceneNode *na = hs_scene_find_node (a, HS_SCENE_NODE_OBJECT, 50);
  const HsSceneNode *nb = hs_scene_find_node (b, HS_SCENE_NODE_OBJECT, 50);

  g_assert_cmpstr (na->caption, ==, "unreachable");
  g_assert_cmpstr (na->badge, ==, "1");
  g_assert_cmpstr (nb->caption, ==, "freed");
  g_assert_cmpstr (nb->badge, ==, "0");
  g_assert_true (nb->flags & HS_SNAP_FLAG_FREED);
  g_assert_cmpuint (a->edges->len, ==, 3);
}

static void
test_elide_long_list (void)
{
  g_autoptr (HsSnapshot) snap = fixture_long_list (10000);
  gint64 start = g_get_monotonic_time ();
  g_autoptr (HsScene) scene = render (snap);
  double ms = (g_get_monotonic_time () - start) / 1000.0;
  const HsSceneNode *list = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 70);
  guint values = 0, ellipses = 0;

  for (guint i = 0; i < list->cells->len; i++)
    {
      const HsSceneCell *cell = &g_array_index (list->cells, HsSceneCell, i);

      values += cell->role == HS_CELL_VALUE;
      ellipses += cell->role == HS_CELL_ELLIPSIS;
    }
  g_assert_cmpuint (values, ==, HS_DIAGRAM_DEFAULT_ELIDE_THRESHOLD - 1);
  g_assert_cmpuint (ellipses, ==, 1);
  g_assert_cmpstr (g_array_index (list->cells, HsSceneCell, list->cells->len - 1).text, ==, "9999");
  g_test_message ("10,000-element list: %.1f ms", ms);
  g_assert_cmpfloat (ms, <, 500);
}

static void
test_elide_at_threshold (void)
{
  g_autoptr (HsSnapshot) snap = fixture_long_list (HS_DIAGRAM_DEFAULT_ELIDE_THRESHOLD);
  g_autoptr (HsScene) scene = render (snap);
  const HsSceneNode *list = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 70);

  for (guint i = 0; i < list->cells->len; i++)
    g_assert_cmpint (g_array_index (list->cells, HsSceneCell, i).role, !=, HS_CELL_ELLIPSIS);
}

static void
test_object_cap (void)
{
  g_autoptr (HsSnapshot) snap = fixture_many (400);
  HsDiagramOptions opts;
  g_autoptr (HsScene) scene = NULL;
  const HsSceneNode *summary;

  hs_diagram_options_init (&opts);
  opts.max_objects = 50;
  /* objects a view left out unbuilt (the items of a huge list) are among those not drawn */
  snap->n_cut = 1000;
  scene = hs_diagram_render (snap, &opts, NULL);
  g_assert_nonnull (scene);
  summary = hs_scene_find_node (scene, HS_SCENE_NODE_SUMMARY, 0);
  g_assert_nonnull (summary);
  g_assert_cmpuint (scene->n_elided_objects, ==, snap->objects->len + 1000 - 50);
  g_assert_cmpuint (scene->nodes->len, ==, 1 + 50 + 1);
  check_scene_edges (scene);
}

static void
test_tween_endpoints (void)
{
  g_autoptr (HsSnapshot) s2 = fixture_linked_list (2);
  g_autoptr (HsSnapshot) s3 = fixture_linked_list (3);
  g_autoptr (HsScene) a = render (s2);
  g_autoptr (HsScene) b = render (s3);
  g_autoptr (HsScene) t0 = hs_scene_tween (a, b, 0);
  g_autoptr (HsScene) t1 = hs_scene_tween (a, b, 1);
  g_autoptr (HsScene) mid = hs_scene_tween (a, b, 0.5);
  const HsSceneNode *fresh;

  g_assert_cmpfloat (hs_scene_mean_displacement (a, t0), <, 1e-9);
  g_assert_cmpfloat (hs_scene_mean_displacement (b, t1), <, 1e-9);
  fresh = hs_scene_find_node (t0, HS_SCENE_NODE_OBJECT, 22);
  g_assert_cmpfloat (fresh->alpha, ==, 0);
  fresh = hs_scene_find_node (mid, HS_SCENE_NODE_OBJECT, 22);
  g_assert_cmpfloat (fresh->alpha, ==, 0.5);
  g_assert_cmpfloat (fresh->scale, <, 1);
  g_assert_cmpuint (t1->edges->len, ==, b->edges->len);
  for (guint i = 0; i < mid->edges->len; i++)
    g_assert_cmpuint (((HsSceneEdge *)g_ptr_array_index (mid->edges, i))->n_points % 3, ==, 1);
}

static void
test_tween_fades_freed (void)
{
  g_autoptr (HsSnapshot) s3 = fixture_linked_list (3);
  g_autoptr (HsSnapshot) s0 = fixture_linked_list (0);
  g_autoptr (HsScene) a = render (s3);
  g_autoptr (HsScene) b = render (s0);
  g_autoptr (HsScene) mid = hs_scene_tween (a, b, 0.25);
  g_autoptr (HsScene) only = hs_scene_tween (NULL, b, 0.5);

  g_assert_cmpfloat (hs_scene_find_node (mid, HS_SCENE_NODE_OBJECT, 21)->alpha, ==, 0.75);
  g_assert_cmpuint (only->nodes->len, ==, b->nodes->len);
}

/* A list growing by one element per step: the list node widens, nothing jumps. */
static void
test_tween_growing_list (void)
{
  g_autoptr (HsSnapshot) s3 = fixture_long_list (3);
  g_autoptr (HsSnapshot) s4 = fixture_long_list (4);
  g_autoptr (HsScene) a = render (s3);
  g_autoptr (HsScene) b = render (s4);
  g_autoptr (HsScene) mid = hs_scene_tween (a, b, 0.5);
  const HsSceneNode *la = hs_scene_find_node (a, HS_SCENE_NODE_OBJECT, 70);
  const HsSceneNode *lb = hs_scene_find_node (b, HS_SCENE_NODE_OBJECT, 70);
  const HsSceneNode *lm = hs_scene_find_node (mid, HS_SCENE_NODE_OBJECT, 70);
  const HsSceneCell *grown = hs_scene_node_find_cell (lm, (2 << 24) | 3);

  g_assert_cmpfloat (lm->rect.width, >, la->rect.width);
  g_assert_cmpfloat (lm->rect.width, <, lb->rect.width);
  g_assert_nonnull (grown);
  g_assert_cmpfloat (grown->alpha, ==, 0.5);
}

static void
test_stability (void)
{
  static const struct
  {
    const char *name;
    HsSnapshot *(*make) (guint);
  } sequences[] = {
    { "linked list growing 1..8", fixture_linked_list },
    { "list growing 1..8", fixture_long_list },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sequences); s++)
    {
      HsScene *prev = NULL;
      double total = 0;

      for (guint n = 1; n <= 8; n++)
        {
          g_autoptr (HsSnapshot) snap = sequences[s].make (n);
          HsScene *scene = render (snap);

          if (prev)
            total += hs_scene_mean_displacement (prev, scene);
          hs_scene_free (prev);
          prev = scene;
        }
      hs_scene_free (prev);
      g_test_message ("%s: mean displacement %.1f px per step", sequences[s].name, total / 7);
      g_assert_cmpfloat (total / 7, <, 60);
    }
}

/* ---- per-object options ------------------------------------------------------------ */

/* a = A(); r = weakref.ref(a); r2 = weakref.ref(A()): r's arrow to a is dashed and no
 * badge counts it; r2 is dead. */
static void
test_scene_weak_refs (void)
{
  g_autoptr (HsSnapshot) snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSceneNode *a, *dead;
  guint n_weak = 0;
  gboolean says_dead = FALSE;

  fx_object (snap, 21, HS_SNAP_INSTANCE, "A");
  fx_object (snap, 22, HS_SNAP_OTHER, "ReferenceType")->weak_ref = hs_snap_value_ref (21);
  fx_object (snap, 24, HS_SNAP_OTHER, "ReferenceType")->weak_ref
      = hs_snap_value_primitive ("NoneType", "dead");
  hs_snap_frame_add_var (module, "a", hs_snap_value_ref (21));
  hs_snap_frame_add_var (module, "r", hs_snap_value_ref (22));
  hs_snap_frame_add_var (module, "r2", hs_snap_value_ref (24));
  fixture_finish (snap);
  g_autoptr (HsScene) scene = render (snap);
  a = (HsSceneNode *)hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 21);
  dead = (HsSceneNode *)hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 24);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);
      if (!e->is_weak)
        continue;
      n_weak++;
      g_assert_cmpuint (e->tail_id, ==, 22);
      g_assert_cmpuint (e->head_id, ==, 21);
    }
  g_assert_cmpuint (n_weak, ==, 1);
  g_assert_cmpstr (a->badge, ==, "1");
  g_assert_cmpuint (refs_drawn_into (scene, a), ==, 1);
  for (guint i = 0; i < dead->cells->len; i++)
    says_dead |= g_strcmp0 (g_array_index (dead->cells, HsSceneCell, i).text, "dead") == 0;
  g_assert_true (says_dead);
  check_scene_edges (scene);
}

/* xs and ys, two lists of 30 ints; only xs is expanded. */
static void
test_options_expand (void)
{
  g_autoptr (HsSnapshot) snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSnapObject *xs = fx_object (snap, 80, HS_SNAP_LIST, "list");
  HsSnapObject *ys = fx_object (snap, 81, HS_SNAP_LIST, "list");
  g_autoptr (GHashTable) expanded = id_set ((guint64[]){ 80 }, 1);
  g_autoptr (HsScene) scene = NULL;
  HsDiagramOptions opts;

  for (int i = 0; i < 30; i++)
    {
      fx_item (xs, fx_int ("7"));
      fx_item (ys, fx_int ("8"));
    }
  hs_snap_frame_add_var (module, "xs", hs_snap_value_ref (80));
  hs_snap_frame_add_var (module, "ys", hs_snap_value_ref (81));
  fixture_finish (snap);
  hs_diagram_options_init (&opts);
  opts.expanded_ids = expanded;
  scene = hs_diagram_render (snap, &opts, NULL);
  g_assert_nonnull (scene);
  g_assert_cmpuint (
      count_cells (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 80), HS_CELL_VALUE), ==, 30);
  g_assert_cmpuint (
      count_cells (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 80), HS_CELL_ELLIPSIS), ==, 0);
  /* the other collection keeps the global threshold */
  g_assert_cmpuint (
      count_cells (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 81), HS_CELL_ELLIPSIS), ==, 1);
  g_assert_cmpuint (
      count_cells (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 81), HS_CELL_VALUE), ==,
      HS_DIAGRAM_DEFAULT_ELIDE_THRESHOLD - 1);
}

/* Collapsing the tuple of the aliasing fixture: a small box, its badge kept, and each of
 * its two references drawn as a bundle, so every badge still equals its drawn arrows. */
static void
test_options_collapse_id (void)
{
  g_autoptr (HsSnapshot) snap = fixture_aliasing ();
  g_autoptr (GHashTable) collapsed = id_set ((guint64[]){ 42 }, 1);
  g_autoptr (HsScene) scene = NULL;
  const HsSceneNode *tuple;
  HsDiagramOptions opts;
  guint bundles = 0;

  hs_diagram_options_init (&opts);
  opts.collapsed_ids = collapsed;
  scene = hs_diagram_render (snap, &opts, NULL);
  g_assert_nonnull (scene);
  tuple = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 42);
  g_assert_true (tuple->is_collapsed);
  g_assert_cmpstr (tuple->badge, ==, "1");
  g_assert_cmpuint (tuple->cells->len, ==, 2);
  g_assert_cmpstr (g_array_index (tuple->cells, HsSceneCell, 0).text, ==, "tuple");
  g_assert_cmpstr (g_array_index (tuple->cells, HsSceneCell, 1).text, ==, "2 items");
  g_assert_cmpuint (count_cells (tuple, HS_CELL_VALUE), ==, 0);
  g_assert_false (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 40)->is_collapsed);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);

      if (e->tail_id == 42 && e->tail_role == HS_SCENE_NODE_OBJECT)
        {
          g_assert_true (e->is_bundle);
          g_assert_cmpuint (e->n_refs, ==, 1);
          g_assert_cmpuint (e->n_points % 3, ==, 1);
          bundles++;
        }
      else
        g_assert_false (e->is_bundle);
    }
  g_assert_cmpuint (bundles, ==, 2);
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);

      if (node->role == HS_SCENE_NODE_OBJECT)
        g_assert_cmpuint (refs_drawn_into (scene, node), ==,
                          g_ascii_strtoull (node->badge, NULL, 10));
    }
}

/* a = [1]; t = [a, a, a]; t collapsed: one bundle standing for three references. */
static void
test_options_bundle_counts (void)
{
  g_autoptr (HsSnapshot) snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSnapObject *a = fx_object (snap, 90, HS_SNAP_LIST, "list");
  HsSnapObject *t = fx_object (snap, 91, HS_SNAP_LIST, "list");
  g_autoptr (GHashTable) collapsed = id_set ((guint64[]){ 91 }, 1);
  g_autoptr (HsScene) scene = NULL;
  HsDiagramOptions opts;
  const HsSceneEdge *bundle = NULL;

  fx_item (a, fx_int ("1"));
  for (int i = 0; i < 3; i++)
    fx_item (t, hs_snap_value_ref (90));
  hs_snap_frame_add_var (module, "a", hs_snap_value_ref (90));
  hs_snap_frame_add_var (module, "t", hs_snap_value_ref (91));
  fixture_finish (snap);
  hs_diagram_options_init (&opts);
  opts.collapsed_ids = collapsed;
  scene = hs_diagram_render (snap, &opts, NULL);
  g_assert_nonnull (scene);
  g_assert_cmpuint (scene->edges->len, ==, 3); /* a, t, and the bundle */
  for (guint i = 0; i < scene->edges->len; i++)
    if (((HsSceneEdge *)g_ptr_array_index (scene->edges, i))->is_bundle)
      bundle = g_ptr_array_index (scene->edges, i);
  g_assert_nonnull (bundle);
  g_assert_cmpuint (bundle->n_refs, ==, 3);
  g_assert_cmpuint (bundle->head_id, ==, 90);
  g_assert_cmpstr (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 90)->badge, ==, "4");
  g_assert_cmpuint (refs_drawn_into (scene, hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 90)),
                    ==, 4);
  /* bundles survive a tween and paint without error */
  {
    g_autoptr (HsScene) tween = hs_scene_tween (scene, scene, 0.5);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
    cairo_t *cr = cairo_create (surface);

    hs_painter_draw (cr, tween, hs_theme_get (HS_THEME_DARK), NULL);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* Collapsing every "Node": the first is drawn collapsed; what only it reaches is hidden
 * by choice, so it is neither drawn nor counted in the "+ N more" summary. */
static void
test_options_collapse_type (void)
{
  g_autoptr (HsSnapshot) snap = fixture_linked_list (3);
  g_autoptr (GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (HsScene) scene = NULL;
  HsDiagramOptions opts;

  g_hash_table_add (types, (gpointer) "Node");
  hs_diagram_options_init (&opts);
  opts.collapsed_types = types;
  scene = hs_diagram_render (snap, &opts, NULL);
  g_assert_nonnull (scene);
  g_assert_true (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 20)->is_collapsed);
  g_assert_false (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 10)->is_collapsed);
  g_assert_null (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 21));
  g_assert_null (hs_scene_find_node (scene, HS_SCENE_NODE_SUMMARY, 0));
  g_assert_cmpuint (scene->n_elided_objects, ==, 0);
  g_assert_cmpstr (
      g_array_index (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 20)->cells, HsSceneCell, 1)
          .text,
      ==, "2 attributes");
  /* The class is not collapsed by a type name it does not have. */
  g_assert_cmpuint (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 10)->cells->len, >, 2);
}

/* Each box's header carries the id the What happened panel names it by ("list #40"),
 * beside its type; a cached value (a small int, ∞) carries none. */
static void
test_box_ids (void)
{
  g_autoptr (HsSnapshot) snap = fixture_aliasing ();
  g_autoptr (HsScene) scene = NULL;
  const HsSceneNode *list;
  const HsSceneCell *header;
  HsSnapObject *small = fx_object (snap, 41, HS_SNAP_PRIMITIVE, "int");

  /* list #41 becomes the cached int 7 */
  g_ptr_array_remove (snap->objects, hs_snapshot_lookup (snap, 41));
  small->label = g_strdup ("7");
  small->immortal = TRUE;
  hs_snapshot_index (snap);
  scene = render (snap);
  list = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 40);
  header = &g_array_index (list->cells, HsSceneCell, 0);
  g_assert_cmpint (header->role, ==, HS_CELL_HEADER);
  g_assert_cmpstr (header->text, ==, "list");
  g_assert_cmpstr (header->note, ==, "#40");
  g_assert_null (
      g_array_index (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 41)->cells, HsSceneCell, 0)
          .note);
  /* the note survives copies and tweens */
  {
    g_autoptr (HsScene) tween = hs_scene_tween (scene, scene, 0.5);
    g_assert_cmpstr (
        g_array_index (hs_scene_find_node (tween, HS_SCENE_NODE_OBJECT, 40)->cells, HsSceneCell, 0)
            .note,
        ==, "#40");
  }
}

static void
test_painter_themes (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr (HsSnapshot) snap = fixtures[f]();
      g_autoptr (HsScene) scene = render (snap);

      for (int t = 0; t < HS_N_THEMES; t++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (
              CAIRO_FORMAT_ARGB32, (int)ceil (scene->width), (int)ceil (scene->height));
          cairo_t *cr = cairo_create (surface);
          g_autoptr (HsScene) tween = hs_scene_tween (scene, NULL, 0.3);

          hs_painter_draw (cr, scene, hs_theme_get (t), NULL);
          hs_painter_draw (cr, tween, hs_theme_get (t), NULL);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
  g_assert_nonnull (hs_theme_lookup ("high-contrast"));
  g_assert_null (hs_theme_lookup ("sepia"));
}

/* A long value is drawn shortened wherever it is: a 100,000-character bytearray's repr (an
 * object's label), a str drawn on the heap, an int and a str in a frame's cells; no box is
 * wider than a normal one (a 10 MB bytearray drew a box half a million pixels wide). */
static void
test_long_values_shortened (void)
{
  g_autoptr (HsSnapshot) snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  GString *digits = g_string_new (NULL), *repr = g_string_new ("bytearray(b'");
  g_autofree char *str = NULL;
  HsSnapObject *obj;
  g_autoptr (HsScene) scene = NULL;

  for (int i = 0; i < 100000; i++)
    {
      g_string_append_c (digits, '0' + i % 10);
      g_string_append (repr, "\\x00");
    }
  g_string_append (repr, "')");
  str = g_strdup_printf ("'%s'", digits->str);
  obj = fx_object (snap, 30, HS_SNAP_OTHER, "bytearray");
  obj->label = g_string_free (repr, FALSE);
  obj = fx_object (snap, 31, HS_SNAP_PRIMITIVE, "str");
  obj->label = g_strdup (str);
  hs_snap_frame_add_var (module, "b", hs_snap_value_ref (30));
  hs_snap_frame_add_var (module, "s", hs_snap_value_ref (31));
  hs_snap_frame_add_var (module, "n", fx_int (digits->str));
  hs_snap_frame_add_var (module, "t", hs_snap_value_primitive ("str", str));
  g_string_free (digits, TRUE);
  fixture_finish (snap);
  scene = render (snap);
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);

      g_assert_cmpfloat (node->rect.width, <, 500);
      for (guint c = 0; c < node->cells->len; c++)
        {
          const char *text = g_array_index (node->cells, HsSceneCell, c).text;

          /* a str's or bytes' length said after it: "(100000 characters)" */
          g_assert_true (text == NULL || g_utf8_strlen (text, -1) <= 40
                         || (g_utf8_strlen (text, -1) <= 46 && g_str_has_suffix (text, "s)")));
        }
    }
  g_assert_cmpuint (scene->nodes->len, ==, 3);
  g_assert_cmpfloat (scene->width, <, 1500);
}

/* Pixels of two w x h images apart by more than 96 in a channel. */
static guint
pixels_apart (cairo_surface_t *x, cairo_surface_t *y, int w, int h)
{
  guint n = 0;

  for (int row = 0; row < h; row++)
    {
      const guint32 *p = (const guint32 *)(cairo_image_surface_get_data (x)
                                           + row * cairo_image_surface_get_stride (x));
      const guint32 *q = (const guint32 *)(cairo_image_surface_get_data (y)
                                           + row * cairo_image_surface_get_stride (y));

      for (int col = 0; col < w; col++)
        for (int c = 0; c < 32; c += 8)
          if (ABS ((int)((p[col] >> c) & 0xff) - (int)((q[col] >> c) & 0xff)) > 96)
            {
              n++;
              break;
            }
    }
  return n;
}

/* Draws `scene` as the window does, on its background: through `cache` as a frame of an
 * animation (NULL: directly), shifted by (dx, dy) device pixels (the view scrolled), at
 * `zoom`, with what the tween's next frames will show (`ahead`, may be NULL). */
static void
draw_in_view (cairo_surface_t *surface, const HsScene *scene, HsPaintCache *cache,
              const HsTheme *theme, double zoom, double dx, double dy, const HsRect *ahead)
{
  cairo_t *cr = cairo_create (surface);
  HsPaintOptions paint;

  cairo_set_source_rgb (cr, theme->background.r, theme->background.g, theme->background.b);
  cairo_paint (cr);
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, zoom, zoom);
  hs_paint_options_init (&paint);
  paint.cache = cache;
  paint.moving = cache != NULL;
  if (ahead != NULL)
    paint.still_ahead = *ahead;
  hs_painter_draw (cr, scene, theme, &paint);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

/* The same in the light theme, at 1:1, with nothing ahead. */
static void
draw_in_window (cairo_surface_t *surface, const HsScene *scene, HsPaintCache *cache, double dx,
                double dy)
{
  draw_in_view (surface, scene, cache, hs_theme_get (HS_THEME_LIGHT), 1, dx, dy, NULL);
}

/* The cache keeps the boxes' images of the zoom before: a zoom that comes back (presenting,
 * the What happened panel grows and shrinks again between steps) draws none anew, and a new
 * one draws them all at its scale. */
static void
test_painter_cache_zoom_back (void)
{
  g_autoptr (HsSnapshot) snap = fixture_many (20);
  g_autoptr (HsScene) scene = render (snap);
  g_autoptr (HsPaintCache) cache = hs_paint_cache_new ();
  int w = (int)ceil (scene->width), h = (int)ceil (scene->height);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  const double zooms[] = { 1, 0.5, 1, 0.5, 0.75 };
  guint drawn[G_N_ELEMENTS (zooms)];

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      cairo_t *cr = cairo_create (surface);
      guint before = hs_paint_cache_n_images_drawn (cache);
      HsPaintOptions paint;

      cairo_scale (cr, zooms[i], zooms[i]);
      hs_paint_options_init (&paint);
      paint.cache = cache;
      hs_painter_draw (cr, scene, hs_theme_get (HS_THEME_LIGHT), &paint);
      cairo_destroy (cr);
      drawn[i] = hs_paint_cache_n_images_drawn (cache) - before;
    }
  g_assert_cmpuint (drawn[0], ==, scene->nodes->len);
  g_assert_cmpuint (drawn[1], ==, scene->nodes->len);
  g_assert_cmpuint (drawn[2], ==, 0);
  g_assert_cmpuint (drawn[3], ==, 0);
  g_assert_cmpuint (drawn[4], ==, scene->nodes->len);
  cairo_surface_destroy (surface);
}

/* A frame of an animation drawn through the cache (nodes as images, edges that moved with
 * their ends as masks from the frame before) looks as drawn directly: pixels apart only
 * where a box or line is placed to the nearest device pixel. */
static void
test_painter_moving_cache (void)
{
  g_autoptr (HsSnapshot) a = fixture_many (20);
  g_autoptr (HsSnapshot) b = fixture_many (28);
  g_autoptr (HsScene) sa = render (a);
  g_autoptr (HsScene) sb = render (b);
  g_autoptr (HsPaintCache) cache = hs_paint_cache_new ();
  int w = (int)ceil (MAX (sa->width, sb->width)), h = (int)ceil (MAX (sa->height, sb->height));
  cairo_surface_t *direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);

  for (int f = 1; f <= 3; f++)
    {
      g_autoptr (HsScene) mid = hs_scene_tween (sa, sb, f / 4.0);

      draw_in_window (cached, mid, cache, 0, 0);
      if (f == 3)
        draw_in_window (direct, mid, NULL, 0, 0);
    }
  g_assert_cmpfloat ((double)pixels_apart (direct, cached, w, h) / (w * h), <, 0.01);
  cairo_surface_destroy (direct);
  cairo_surface_destroy (cached);
}

/* `scene` drawn through `cache`, whose still layer was made for earlier frames, equals it
 * drawn through a cache of its own, whose layer is made for this frame: pixel for pixel.
 * That cache sees the scene `sights` times: as often as `cache` has seen the shapes of its
 * moving edges (an edge that keeps its shape is drawn from a mask from its first sight on). */
static void
assert_layer_fresh (const HsScene *scene, HsPaintCache *cache, double dx, double dy, int w, int h,
                    int sights)
{
  g_autoptr (HsPaintCache) fresh = hs_paint_cache_new ();
  cairo_surface_t *kept = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_surface_t *made = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);

  draw_in_window (kept, scene, cache, dx, dy);
  for (int i = 0; i < sights; i++)
    draw_in_window (made, scene, fresh, dx, dy);
  g_assert_cmpmem (cairo_image_surface_get_data (kept), h * cairo_image_surface_get_stride (kept),
                   cairo_image_surface_get_data (made), h * cairo_image_surface_get_stride (made));
  cairo_surface_destroy (kept);
  cairo_surface_destroy (made);
}

/* The edges no frame of a tween moves are drawn once, into a layer kept for the tween's
 * frames: it is never shown where it no longer belongs (later frames, after the view
 * scrolled, in the next step's tween), and a frame drawn through it looks as drawn
 * directly. */
static void
test_painter_still_layer (void)
{
  g_autoptr (HsSnapshot) a = fixture_many (20);
  g_autoptr (HsSnapshot) c = fixture_many (28);
  g_autoptr (HsScene) sa = render (a);
  g_autoptr (HsScene) sb = hs_scene_copy (sa);
  g_autoptr (HsScene) sc = render (c);
  g_autoptr (HsTween) ab = NULL, bc = NULL;
  g_autoptr (HsPaintCache) cache = hs_paint_cache_new ();
  int w = (int)ceil (MAX (sa->width, sc->width)), h = (int)ceil (MAX (sa->height, sc->height));
  cairo_surface_t *direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  HsSceneNode *moved = g_ptr_array_index (sb->nodes, sb->nodes->len - 1);
  HsSceneEdge *bent = g_ptr_array_index (sb->edges, 0);
  const HsScene *frame = NULL;
  guint still = 0;

  /* a step that moves one box, changes its count and bends an arrow: the others stay */
  moved->rect.x += 30;
  g_free (moved->badge);
  moved->badge = g_strdup ("9");
  for (guint i = 1; i < bent->n_points; i++)
    bent->points[i].y += 12 * i;
  bent->tip.y += 40;
  ab = hs_tween_new (sa, sb);
  bc = hs_tween_new (sb, sc);
  for (int f = 1; f <= 3; f++)
    {
      frame = hs_tween_frame (ab, f / 4.0);
      draw_in_window (cached, frame, cache, 0, 0);
    }
  for (guint i = 0; i < frame->edges->len; i++)
    still += ((const HsSceneEdge *)g_ptr_array_index (frame->edges, i))->is_still;
  g_assert_cmpuint (still, >, 0);
  g_assert_cmpuint (still, <, frame->edges->len);
  /* the bent arrow's shape at 3/4 was seen in the third frame, the next step's are new */
  assert_layer_fresh (frame, cache, 0, 0, w, h, 2);
  assert_layer_fresh (frame, cache, -37, -23, w, h, 2);
  assert_layer_fresh (hs_tween_frame (bc, 0.5), cache, 0, 0, w, h, 1);

  /* and as drawn directly: apart only where a box or line is placed to the nearest pixel */
  frame = hs_tween_frame (ab, 0.75);
  draw_in_window (cached, frame, cache, 0, 0);
  draw_in_window (direct, frame, NULL, 0, 0);
  g_assert_cmpfloat ((double)pixels_apart (direct, cached, w, h) / (w * h), <, 0.01);
  cairo_surface_destroy (direct);
  cairo_surface_destroy (cached);
}

/* A still layer made for what the tween's next frames show (the view scrolls with the tween)
 * is moved, not drawn again, by a scroll of whole pixels within that area, and a frame
 * through it equals one through a fresh layer, byte for byte; a scroll by a fraction of a
 * pixel, past that area, or a new zoom or theme draws it anew. */
static void
test_painter_still_layer_scrolls (void)
{
  g_autoptr (HsSnapshot) a = fixture_many (20);
  g_autoptr (HsScene) sa = render (a);
  g_autoptr (HsScene) sb = hs_scene_copy (sa);
  g_autoptr (HsTween) ab = NULL;
  g_autoptr (HsPaintCache) cache = hs_paint_cache_new ();
  const HsTheme *light = hs_theme_get (HS_THEME_LIGHT), *dark = hs_theme_get (HS_THEME_DARK);
  int w = (int)ceil (sa->width / 2), h = (int)ceil (sa->height / 2);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  /* the viewport scrolled by (40, 30) pixels */
  HsRect ahead = { 40, 30, w, h };
  HsSceneNode *moved = g_ptr_array_index (sb->nodes, sb->nodes->len - 1);
  const HsScene *frame;
  guint layers;

  g_assert_cmpfloat (sa->width, >, 200);
  g_assert_cmpfloat (sa->height, >, 200);
  moved->rect.x += 30;
  ab = hs_tween_new (sa, sb);
  frame = hs_tween_frame (ab, 0.5);
  draw_in_view (surface, frame, cache, light, 1, 0, 0, &ahead);
  layers = hs_paint_cache_n_layers_drawn (cache);
  g_assert_cmpuint (layers, ==, 1);
  draw_in_view (surface, frame, cache, light, 1, -13, -7, &ahead);
  assert_layer_fresh (frame, cache, -40, -30, w, h, 2);
  g_assert_cmpuint (hs_paint_cache_n_layers_drawn (cache), ==, layers);

  /* a fraction of a pixel: its edges would be placed apart from the boxes */
  draw_in_view (surface, frame, cache, light, 1, -20.5, -10, &ahead);
  g_assert_cmpuint (hs_paint_cache_n_layers_drawn (cache), ==, ++layers);
  draw_in_view (surface, frame, cache, light, 1, 0, 0, &ahead);
  g_assert_cmpuint (hs_paint_cache_n_layers_drawn (cache), ==, ++layers);
  /* past the area it was made for */
  assert_layer_fresh (frame, cache, -41 - w / 2, -30, w, h, 2);
  g_assert_cmpuint (hs_paint_cache_n_layers_drawn (cache), ==, ++layers);
  draw_in_view (surface, frame, cache, light, 0.5, 0, 0, NULL);
  g_assert_cmpuint (hs_paint_cache_n_layers_drawn (cache), ==, ++layers);
  draw_in_view (surface, frame, cache, dark, 0.5, 0, 0, NULL);
  g_assert_cmpuint (hs_paint_cache_n_layers_drawn (cache), ==, ++layers);
  draw_in_view (surface, frame, cache, dark, 0.5, 0, 0, NULL);
  g_assert_cmpuint (hs_paint_cache_n_layers_drawn (cache), ==, layers);
  cairo_surface_destroy (surface);
}

/* What the cache lets go of (a tween's still layer once the step has settled, images
 * unused for two draws) is not destroyed while the draw goes on, since the window's last
 * frame may still show it (cairo copies it then), but kept until the window releases it
 * between frames, or the next draw does. */
static void
test_painter_cache_retires (void)
{
  g_autoptr (HsSnapshot) a = fixture_many (20);
  g_autoptr (HsScene) sa = render (a);
  g_autoptr (HsScene) sb = hs_scene_copy (sa);
  g_autoptr (HsTween) ab = NULL;
  g_autoptr (HsPaintCache) cache = hs_paint_cache_new ();
  int w = (int)ceil (sa->width), h = (int)ceil (sa->height);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  HsSceneNode *moved = g_ptr_array_index (sb->nodes, sb->nodes->len - 1);
  cairo_t *cr;
  HsPaintOptions paint;

  moved->rect.x += 30;
  ab = hs_tween_new (sa, sb);
  draw_in_window (surface, hs_tween_frame (ab, 0.5), cache, 0, 0);
  g_assert_cmpuint (hs_paint_cache_n_layers_drawn (cache), ==, 1);
  g_assert_false (hs_paint_cache_has_retired (cache));
  /* settled: the layer goes, after the draw */
  cr = cairo_create (surface);
  hs_paint_options_init (&paint);
  paint.cache = cache;
  hs_painter_draw (cr, sb, hs_theme_get (HS_THEME_LIGHT), &paint);
  cairo_destroy (cr);
  g_assert_true (hs_paint_cache_has_retired (cache));
  hs_paint_cache_release (cache);
  g_assert_false (hs_paint_cache_has_retired (cache));
  /* a new zoom: the images of two zooms ago go, then the draw after lets them go */
  draw_in_view (surface, sb, cache, hs_theme_get (HS_THEME_LIGHT), 0.5, 0, 0, NULL);
  draw_in_view (surface, sb, cache, hs_theme_get (HS_THEME_LIGHT), 0.25, 0, 0, NULL);
  g_assert_true (hs_paint_cache_has_retired (cache));
  draw_in_view (surface, sb, cache, hs_theme_get (HS_THEME_LIGHT), 0.25, 0, 0, NULL);
  g_assert_false (hs_paint_cache_has_retired (cache));
  cairo_surface_destroy (surface);
}

/* ---- shortened values ----------------------------------------------------------------- */

/* The text of the value cell of the global frame's variable `row` (0-based). */
static const char *
global_value_text (const HsScene *scene, guint row)
{
  const HsSceneNode *frame = hs_scene_find_node (scene, HS_SCENE_NODE_FRAME, 1);
  guint n = 0;

  for (guint i = 0; i < frame->cells->len; i++)
    {
      const HsSceneCell *cell = &g_array_index (frame->cells, HsSceneCell, i);

      if (cell->role == HS_CELL_VALUE && n++ == row)
        return cell->text;
    }
  g_assert_not_reached ();
}

/* A long str or bytes value is shown shortened and says how long it is: counted in its
 * repr (an escape is one character or byte), or as the recorder noted it when it clipped
 * the text (HsSnapObject.value_len); another long value is only shortened. */
static void
test_shortened_length (void)
{
  g_autoptr (HsSnapshot) snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  g_autoptr (GString) s = g_string_new ("'");
  g_autoptr (GString) b = g_string_new ("b'");
  g_autoptr (HsScene) scene = NULL;
  HsSnapValue clipped;

  for (int i = 0; i < 100; i++)
    g_string_append (s, "ab\\n\\u20ac");
  g_string_append_c (s, '\'');
  for (int i = 0; i < 50; i++)
    g_string_append (b, "\\x00c");
  g_string_append_c (b, '\'');
  hs_snap_frame_add_var (module, "s", hs_snap_value_primitive ("str", s->str));
  hs_snap_frame_add_var (module, "b", hs_snap_value_primitive ("object", b->str));
  hs_snap_frame_add_var (module, "n", fx_int ("1234567890123456789012345678901234567890123"));
  clipped = hs_snap_value_primitive ("str", s->str);
  clipped.ref = 500;
  hs_snapshot_add_inline_object (snap, 500, "str", s->str)->value_len = 123456;
  hs_snap_frame_add_var (module, "c", clipped);
  fixture_finish (snap);
  scene = render (snap);
  g_assert_true (g_str_has_prefix (global_value_text (scene, 0), "'ab\\n\\u20acab"));
  g_assert_true (g_str_has_suffix (global_value_text (scene, 0), "…u20ac' (400 characters)"));
  g_assert_true (g_str_has_suffix (global_value_text (scene, 1), "' (100 bytes)"));
  g_assert_true (g_str_has_suffix (global_value_text (scene, 2), "…67890123"));
  g_assert_true (g_str_has_suffix (global_value_text (scene, 3), "456 characters)"));
  g_assert_nonnull (strstr (global_value_text (scene, 3), "123"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diagram/graph/linked-list", test_graph_linked_list);
  g_test_add_func ("/diagram/scene/box-ids", test_box_ids);
  g_test_add_func ("/diagram/graph/aliasing-badges", test_graph_aliasing_badges);
  g_test_add_func ("/diagram/scene/hidden-holders", test_scene_hidden_holders);
  g_test_add_func ("/diagram/scene/describe", test_scene_describe);
  g_test_add_func ("/diagram/graph/dot-export-lean", test_graph_dot_export_lean);
  g_test_add_func ("/diagram/scene/edges-start-in-cells", test_scene_edges_start_in_cells);
  g_test_add_func ("/diagram/scene/frames-column", test_scene_frames_column);
  g_test_add_func ("/diagram/layout/boxes-as-drawn", test_layout_boxes_as_drawn);
  g_test_add_func ("/diagram/scene/class-refs", test_scene_class_refs);
  g_test_add_func ("/diagram/scene/weak-refs", test_scene_weak_refs);
  g_test_add_func ("/diagram/scene/unreachable-and-freed", test_unreachable_and_freed);
  g_test_add_func ("/diagram/elide/long-list", test_elide_long_list);
  g_test_add_func ("/diagram/elide/at-threshold", test_elide_at_threshold);
  g_test_add_func ("/diagram/elide/object-cap", test_object_cap);
  g_test_add_func ("/diagram/tween/endpoints", test_tween_endpoints);
  g_test_add_func ("/diagram/tween/fades-freed", test_tween_fades_freed);
  g_test_add_func ("/diagram/tween/growing-list", test_tween_growing_list);
  g_test_add_func ("/diagram/layout/stability", test_stability);
  g_test_add_func ("/diagram/painter/themes", test_painter_themes);
  g_test_add_func ("/diagram/painter/moving-cache", test_painter_moving_cache);
  g_test_add_func ("/diagram/painter/cache-zoom-back", test_painter_cache_zoom_back);
  g_test_add_func ("/diagram/painter/still-layer", test_painter_still_layer);
  g_test_add_func ("/diagram/painter/still-layer-scrolls", test_painter_still_layer_scrolls);
  g_test_add_func ("/diagram/painter/cache-retires", test_painter_cache_retires);
  g_test_add_func ("/diagram/scene/long-values-shortened", test_long_values_shortened);
  g_test_add_func ("/diagram/options/expand", test_options_expand);
  g_test_add_func ("/diagram/options/collapse-id", test_options_collapse_id);
  g_test_add_func ("/diagram/options/bundle-counts", test_options_bundle_counts);
  g_test_add_func ("/diagram/options/collapse-type", test_options_collapse_type);
  g_test_add_func ("/diagram/shortened-length", test_shortened_length);
  status = g_test_run ();
  hs_diagram_shutdown ();
  return status;
}
