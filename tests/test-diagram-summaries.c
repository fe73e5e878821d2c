/* test-diagram-summaries.c — what the diagram summarises: chains (linked lists, spines,
 * deep recursion) behind a "… 46 more Node" marker, and a bushy tree's subtrees folded.
 *
 * Every fixture is built by hand (diagram-fixtures.h), so these tests need no core.
 */
#include <string.h>

#include "hs-diagram.h"
#include "diagram-fixtures.h"
#include "diagram-test-util.h"

/* A 50-node linked list: its first three nodes, "… 46 more Node", its last node; every
 * badge still equals the arrows into it (the marker's bundle stands for the link to the
 * last node, the class curve for all fifty instances). */
static void
test_chain_linked_list (void)
{
  g_autoptr (HsSnapshot) snap = fixture_linked_list (50);
  g_autoptr (HsScene) scene = render (snap);
  const HsSceneNode *marker = hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, 23);
  gboolean to_last = FALSE;

  g_assert_nonnull (marker);
  g_assert_cmpstr (g_array_index (marker->cells, HsSceneCell, 0).text, ==, "… 46 more Node");
  g_assert_cmpint (g_array_index (marker->cells, HsSceneCell, 0).role, ==, HS_CELL_ELLIPSIS);
  g_assert_null (marker->badge);
  for (guint64 id = 20; id < 70; id++)
    g_assert_true ((hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id) != NULL)
                   == (id < 23 || id == 69));
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_CHAIN), ==, 1);
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_SUMMARY), ==, 0);
  g_assert_cmpuint (scene->n_elided_objects, ==, 0);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);

      if (e->is_class_ref)
        g_assert_cmpuint (e->n_refs, ==, 50);
      if (e->tail_role == HS_SCENE_NODE_CHAIN && e->head_id == 69)
        to_last = e->is_bundle;
      if (e->tail_id == 22 && e->head_role == HS_SCENE_NODE_CHAIN)
        g_assert_cmpuint (e->head_id, ==, 23);
    }
  g_assert_true (to_last);
  assert_badges_add_up (scene);
}

/* The marker's id expands the chain (the window's click); the node under that id then
 * offers to shorten it again. */
static void
test_chain_expand (void)
{
  g_autoptr (HsSnapshot) snap = fixture_linked_list (50);
  g_autoptr (HsScene) scene = render_expanded (snap, 23);

  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_CHAIN), ==, 0);
  for (guint64 id = 20; id < 70; id++)
    g_assert_nonnull (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id));
  g_assert_true (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 23)->is_expanded);
  g_assert_false (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 22)->is_expanded);
  assert_badges_add_up (scene);
}

/* What is not a long chain stays whole: eight nodes, a balanced tree (two children of its
 * type), and a node another name also refers to (it is shown, and splits the chain). */
static void
test_chain_not_summarised (void)
{
  g_autoptr (HsSnapshot) short_list = fixture_linked_list (HS_DIAGRAM_DEFAULT_CHAIN_THRESHOLD);
  g_autoptr (HsSnapshot) tree = fixture_tree (5);
  g_autoptr (HsSnapshot) named = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (named);
  g_autoptr (HsScene) a = render (short_list);
  g_autoptr (HsScene) b = render (tree);
  g_autoptr (HsScene) c = NULL;

  g_assert_cmpuint (count_role (a, HS_SCENE_NODE_CHAIN), ==, 0);
  g_assert_cmpuint (count_role (b, HS_SCENE_NODE_CHAIN), ==, 0);
  for (guint i = 0; i < 30; i++)
    {
      HsSnapObject *node = fx_object (named, 100 + i, HS_SNAP_INSTANCE, "Node");

      fx_attr (node, "next", i + 1 < 30 ? hs_snap_value_ref (101 + i) : fx_none ());
    }
  hs_snap_frame_add_var (module, "head", hs_snap_value_ref (100));
  hs_snap_frame_add_var (module, "mid", hs_snap_value_ref (115));
  fixture_finish (named);
  c = render (named);
  /* 100..114 and 115..129: two chains of fifteen, each with its own marker */
  g_assert_nonnull (hs_scene_find_node (c, HS_SCENE_NODE_OBJECT, 115));
  g_assert_nonnull (hs_scene_find_node (c, HS_SCENE_NODE_OBJECT, 114));
  g_assert_nonnull (hs_scene_find_node (c, HS_SCENE_NODE_CHAIN, 103));
  g_assert_nonnull (hs_scene_find_node (c, HS_SCENE_NODE_CHAIN, 118));
  assert_badges_add_up (c);
}

/* The edge from node `tail` (a node or a chain's marker) to `head`, or NULL. */
static const HsSceneEdge *
find_edge (const HsScene *scene, HsSceneNodeRole tail_role, guint64 tail, HsSceneNodeRole head_role,
           guint64 head)
{
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);

      if (e->tail_role == tail_role && e->tail_id == tail && e->head_role == head_role
          && e->head_id == head)
        return e;
    }
  return NULL;
}

/* A 50-node doubly linked list (next and prev): summarised as a singly linked one. The
 * marker bundles the hidden nodes' references out of the chain (the first one's prev, the
 * last hidden one's next), the last node's prev points at the marker, no link between two
 * hidden nodes is drawn, and every badge equals its arrows. */
static void
test_chain_doubly_linked (void)
{
  g_autoptr (HsSnapshot) snap = fixture_doubly_linked_list (50, FALSE);
  g_autoptr (HsScene) scene = render (snap);
  const HsSceneNode *marker = hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, 23);
  const HsSceneEdge *back;

  g_assert_nonnull (marker);
  g_assert_cmpstr (g_array_index (marker->cells, HsSceneCell, 0).text, ==, "… 46 more Node");
  for (guint64 id = 20; id < 70; id++)
    g_assert_true ((hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id) != NULL)
                   == (id < 23 || id == 69));
  g_assert_cmpstr (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 22)->badge, ==, "2");
  g_assert_cmpstr (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 69)->badge, ==, "1");
  g_assert_true (find_edge (scene, HS_SCENE_NODE_CHAIN, 23, HS_SCENE_NODE_OBJECT, 22)->is_bundle);
  g_assert_true (find_edge (scene, HS_SCENE_NODE_CHAIN, 23, HS_SCENE_NODE_OBJECT, 69)->is_bundle);
  back = find_edge (scene, HS_SCENE_NODE_OBJECT, 69, HS_SCENE_NODE_CHAIN, 23);
  g_assert_nonnull (back);
  g_assert_false (back->is_bundle);
  g_assert_null (find_edge (scene, HS_SCENE_NODE_CHAIN, 23, HS_SCENE_NODE_CHAIN, 23));
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_SUMMARY), ==, 0);
  g_assert_cmpuint (scene->n_elided_objects, ==, 0);
  assert_badges_add_up (scene);
}

/* Expanded through its marker's id, the doubly linked list is drawn whole. */
static void
test_chain_doubly_linked_expand (void)
{
  g_autoptr (HsSnapshot) snap = fixture_doubly_linked_list (50, FALSE);
  g_autoptr (HsScene) scene = render_expanded (snap, 23);

  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_CHAIN), ==, 0);
  for (guint64 id = 20; id < 70; id++)
    g_assert_nonnull (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id));
  g_assert_true (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 23)->is_expanded);
  assert_badges_add_up (scene);
}

/* A `tail` name on the last node of a doubly linked list (or a singly linked one) does not
 * end the chain early: the first three nodes, "… 46 more Node", the last node, `tail`'s
 * arrow reaching it and its badge counting it. */
static void
test_chain_tail (void)
{
  for (int doubly = 0; doubly < 2; doubly++)
    {
      g_autoptr (HsSnapshot) snap
          = doubly ? fixture_doubly_linked_list (50, FALSE) : fixture_linked_list (50);
      g_autoptr (HsScene) scene = NULL;
      const HsSceneNode *marker, *last;
      gboolean tail_arrow = FALSE;

      hs_snap_frame_add_var (g_ptr_array_index (snap->frames, 0), "tail", hs_snap_value_ref (69));
      hs_snapshot_lookup (snap, 69)->refcount++;
      scene = render (snap);
      marker = hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, 23);
      g_assert_nonnull (marker);
      g_assert_cmpstr (g_array_index (marker->cells, HsSceneCell, 0).text, ==, "… 46 more Node");
      for (guint64 id = 20; id < 70; id++)
        g_assert_true ((hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id) != NULL)
                       == (id < 23 || id == 69));
      last = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 69);
      g_assert_cmpstr (last->badge, ==, "2");
      for (guint i = 0; i < scene->edges->len; i++)
        {
          const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);

          tail_arrow = tail_arrow
                       || (e->tail_role == HS_SCENE_NODE_FRAME && e->head_id == 69
                           && e->head_role == HS_SCENE_NODE_OBJECT);
        }
      g_assert_true (tail_arrow);
      g_assert_true (
          find_edge (scene, HS_SCENE_NODE_CHAIN, 23, HS_SCENE_NODE_OBJECT, 69)->is_bundle);
      assert_badges_add_up (scene);
    }
}

/* l = [()]; l.extend(zip(l, range(59))): a list of 60 tuples, each item of the one after;
 * `view`: as hs_trace_view gives it with at most 30 cells (its items 28..57 left out,
 * counted in omitted_refs). */
static HsSnapshot *
fixture_list_of_chain (gboolean view)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapObject *l = fx_object (snap, 10, HS_SNAP_LIST, "list");

  hs_snap_frame_add_var (fx_module (snap), "l", hs_snap_value_ref (10));
  for (guint i = 0; i < 60; i++)
    {
      HsSnapObject *t = fx_object (snap, 100 + i, HS_SNAP_TUPLE, "tuple");
      g_autofree char *label = g_strdup_printf ("%u", i);

      if (i > 0)
        {
          g_autofree char *text = g_strdup_printf ("%u", i - 1);

          fx_item (t, hs_snap_value_ref (99 + i));
          fx_item (t, fx_int (text));
        }
      if (!view || i < 28 || i >= 58)
        hs_snap_object_add_cell (l, label, fx_no_key (), hs_snap_value_ref (100 + i));
      else
        {
          guint64 id = 100 + i;

          if (l->omitted_refs == NULL)
            l->omitted_refs = g_array_new (FALSE, FALSE, sizeof (guint64));
          g_array_append_val (l->omitted_refs, id);
        }
    }
  if (view)
    {
      l->omitted_at = 28;
      l->n_omitted = 30;
    }
  fixture_finish (snap);
  for (guint i = 0; view && i < l->omitted_refs->len; i++)
    hs_snapshot_lookup (snap, g_array_index (l->omitted_refs, guint64, i))->refcount++;
  return snap;
}

/* The tuples of that list form a chain from the last: each is held by the next and by the
 * list, whose middle items draw no arrow. The chain from item 58, whose cell is drawn, is
 * summarised: 58, 57, 56, "… 38 more tuple", 17 (the node before 16, which the list's cell
 * 16 draws). Each drawn tuple's badge is its arrows plus the list's item the "…" stands for
 * (items 17 to 57). */
static void
test_chain_in_list (void)
{
  for (int view = 0; view < 2; view++)
    {
      g_autoptr (HsSnapshot) snap = fixture_list_of_chain (view);
      g_autoptr (HsScene) scene = render (snap);
      const HsSceneNode *marker = hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, 155);

      g_assert_nonnull (marker);
      g_assert_cmpstr (g_array_index (marker->cells, HsSceneCell, 0).text, ==, "… 38 more tuple");
      g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_CHAIN), ==, 1);
      for (guint64 id = 100; id < 160; id++)
        {
          const HsSceneNode *node = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id);

          g_assert_true ((node != NULL) == (id <= 117 || id >= 156));
          if (node != NULL)
            g_assert_cmpuint (refs_drawn_into (scene, node) + (id >= 117 && id <= 157), ==,
                              g_ascii_strtoull (node->badge, NULL, 10));
        }
      g_assert_nonnull (find_edge (scene, HS_SCENE_NODE_OBJECT, 156, HS_SCENE_NODE_CHAIN, 155));
      g_assert_true (
          find_edge (scene, HS_SCENE_NODE_CHAIN, 155, HS_SCENE_NODE_OBJECT, 117)->is_bundle);
      g_assert_cmpuint (scene->n_elided_objects, ==, 0);
    }
}

/* A search tree built from sorted keys with parent pointers: the root's left child is a
 * leaf, its right child starts a spine of 40 nodes, each child's `parent` pointing back.
 * The spine is summarised as a doubly linked list is (its first three nodes, "… 36 more
 * Tree", its last), the root and the leaf drawn; badges equal arrows. */
static void
test_chain_parent_spine (void)
{
  g_autoptr (HsSnapshot) snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSnapObject *root = fx_object (snap, 100, HS_SNAP_INSTANCE, "Tree");
  HsSnapObject *leaf = fx_object (snap, 101, HS_SNAP_INSTANCE, "Tree");
  g_autoptr (HsScene) scene = NULL;
  const HsSceneNode *marker;

  fx_attr (root, "key", fx_int ("0"));
  fx_attr (root, "left", hs_snap_value_ref (101));
  fx_attr (root, "right", hs_snap_value_ref (102));
  fx_attr (root, "parent", fx_none ());
  fx_attr (leaf, "key", fx_int ("-1"));
  fx_attr (leaf, "left", fx_none ());
  fx_attr (leaf, "right", fx_none ());
  fx_attr (leaf, "parent", hs_snap_value_ref (100));
  for (guint i = 0; i < 40; i++)
    {
      HsSnapObject *node = fx_object (snap, 102 + i, HS_SNAP_INSTANCE, "Tree");
      char key[16];

      g_snprintf (key, sizeof key, "%u", i + 1);
      fx_attr (node, "key", fx_int (key));
      fx_attr (node, "left", fx_none ());
      fx_attr (node, "right", i + 1 < 40 ? hs_snap_value_ref (103 + i) : fx_none ());
      fx_attr (node, "parent", hs_snap_value_ref (i == 0 ? 100 : 101 + i));
    }
  hs_snap_frame_add_var (module, "root", hs_snap_value_ref (100));
  fixture_finish (snap);
  scene = render (snap);
  marker = hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, 105);
  g_assert_nonnull (marker);
  g_assert_cmpstr (g_array_index (marker->cells, HsSceneCell, 0).text, ==, "… 36 more Tree");
  for (guint64 id = 100; id < 142; id++)
    g_assert_true ((hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id) != NULL)
                   == (id < 105 || id == 141));
  g_assert_nonnull (find_edge (scene, HS_SCENE_NODE_OBJECT, 102, HS_SCENE_NODE_OBJECT, 100));
  g_assert_nonnull (find_edge (scene, HS_SCENE_NODE_OBJECT, 141, HS_SCENE_NODE_CHAIN, 105));
  assert_badges_add_up (scene);
}

/* A search tree's long path with forks: 40 spine nodes (100..139, each `right` the next),
 * every other one with a leaf on its `left` (200 + i), the last with two leaves.
 * `parents`: each child's `parent` points back. */
static HsSnapshot *
fixture_forked_spine (gboolean parents)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);

  for (guint i = 0; i < 40; i++)
    {
      HsSnapObject *node = fx_object (snap, 100 + i, HS_SNAP_INSTANCE, "Tree");
      gboolean leaf = i % 2 == 1 || i == 39;

      fx_attr (node, "left", leaf ? hs_snap_value_ref (200 + i) : fx_none ());
      fx_attr (node, "right",
               i + 1 < 40 ? hs_snap_value_ref (101 + i)
               : i == 39  ? hs_snap_value_ref (300)
                          : fx_none ());
      if (parents)
        fx_attr (node, "parent", i > 0 ? hs_snap_value_ref (99 + i) : fx_none ());
      if (leaf)
        {
          HsSnapObject *l = fx_object (snap, 200 + i, HS_SNAP_INSTANCE, "Tree");

          fx_attr (l, "left", fx_none ());
          fx_attr (l, "right", fx_none ());
          if (parents)
            fx_attr (l, "parent", hs_snap_value_ref (100 + i));
        }
    }
  {
    HsSnapObject *l = fx_object (snap, 300, HS_SNAP_INSTANCE, "Tree");

    fx_attr (l, "left", fx_none ());
    fx_attr (l, "right", fx_none ());
    if (parents)
      fx_attr (l, "parent", hs_snap_value_ref (139));
  }
  hs_snap_frame_add_var (module, "root", hs_snap_value_ref (100));
  fixture_finish (snap);
  return snap;
}

/* A long spine with small forks is summarised as a chain: its first three nodes (with
 * their leaves), "… N more Tree" standing for the hidden spine nodes and their leaves, the
 * last node with its leaves; it expands through the marker's id; badges equal arrows. */
static void
test_chain_forked_spine (void)
{
  for (int parents = 0; parents < 2; parents++)
    {
      g_autoptr (HsSnapshot) snap = fixture_forked_spine (parents);
      g_autoptr (HsScene) scene = render (snap);
      g_autoptr (HsScene) whole = render_expanded (snap, 103);
      const HsSceneNode *marker = hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, 103);

      g_assert_nonnull (marker);
      /* spine 103..138 (36) and the leaves of 103, 105, ..., 137 (18) */
      g_assert_cmpstr (g_array_index (marker->cells, HsSceneCell, 0).text, ==, "… 54 more Tree");
      for (guint64 id = 100; id < 140; id++)
        g_assert_true ((hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id) != NULL)
                       == (id < 103 || id == 139));
      for (guint64 id = 200; id < 240; id++)
        if (id % 2 == 1 || id == 239)
          g_assert_true ((hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id) != NULL)
                         == (id < 203 || id == 239));
      g_assert_nonnull (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 300));
      g_assert_nonnull (find_edge (scene, HS_SCENE_NODE_OBJECT, 101, HS_SCENE_NODE_OBJECT, 201));
      assert_badges_add_up (scene);
      g_assert_cmpuint (count_role (whole, HS_SCENE_NODE_CHAIN), ==, 0);
      g_assert_nonnull (hs_scene_find_node (whole, HS_SCENE_NODE_OBJECT, 237));
      g_assert_true (hs_scene_find_node (whole, HS_SCENE_NODE_OBJECT, 103)->is_expanded);
      assert_badges_add_up (whole);
    }
}

/* A fork of two long chains: `root` (100) refers to two runs of 30 nodes (200.., 300..),
 * by `left` and `right`, each node's `next` the next. `kids`: each node holds its next
 * in a `kids` list of its own (a general tree: Node(kids=[child])) at 1000 + its id, the
 * root's list holding both first nodes; then a trunk of 20 nodes (400..) leads to the
 * root from `top`. */
static HsSnapshot *
fixture_fork (gboolean kids)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  guint64 firsts[2] = { 200, 300 };

  for (guint b = 0; b < 2; b++)
    for (guint i = 0; i < 30; i++)
      {
        guint64 id = firsts[b] + i;
        HsSnapObject *node = fx_object (snap, id, HS_SNAP_INSTANCE, "Node");
        gboolean last = i + 1 == 30;

        fx_attr (node, "value", fx_int ("7"));
        if (!kids)
          fx_attr (node, "next", last ? fx_none () : hs_snap_value_ref (id + 1));
        else
          {
            HsSnapObject *list = fx_object (snap, 1000 + id, HS_SNAP_LIST, "list");

            fx_attr (node, "kids", hs_snap_value_ref (1000 + id));
            if (!last)
              fx_item (list, hs_snap_value_ref (id + 1));
          }
      }
  {
    HsSnapObject *root = fx_object (snap, 100, HS_SNAP_INSTANCE, "Node");

    fx_attr (root, "value", fx_int ("0"));
    if (!kids)
      {
        fx_attr (root, "left", hs_snap_value_ref (200));
        fx_attr (root, "right", hs_snap_value_ref (300));
      }
    else
      {
        HsSnapObject *list = fx_object (snap, 1100, HS_SNAP_LIST, "list");

        fx_attr (root, "kids", hs_snap_value_ref (1100));
        fx_item (list, hs_snap_value_ref (200));
        fx_item (list, hs_snap_value_ref (300));
      }
  }
  for (guint i = 0; i < 20; i++)
    {
      HsSnapObject *node = fx_object (snap, 400 + i, HS_SNAP_INSTANCE, "Node");
      guint64 next = i + 1 < 20 ? 401 + i : 100;

      fx_attr (node, "value", fx_int ("1"));
      if (!kids)
        fx_attr (node, "next", hs_snap_value_ref (next));
      else
        {
          fx_attr (node, "kids", hs_snap_value_ref (1400 + i));
          fx_item (fx_object (snap, 1400 + i, HS_SNAP_LIST, "list"), hs_snap_value_ref (next));
        }
    }
  hs_snap_frame_add_var (module, "top", hs_snap_value_ref (400));
  fixture_finish (snap);
  return snap;
}

/* Whether object `id` is drawn in `scene`. */
static gboolean
drawn (const HsScene *scene, guint64 id)
{
  return hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id) != NULL;
}

/* Each long run is summarised wherever it is: the trunk to a fork (its first three nodes,
 * "… 17 more Node", the fork's node as its last) and both branches of the fork
 * (the first three, "… 26 more Node", the last), whether a node refers to the next
 * directly or through a `kids` list of its own (a hidden node's list is hidden with it,
 * the marker counting nodes only). A branch expands through its marker's id, the other
 * staying summarised, and the node under that id offers to shorten it again. Badges
 * equal arrows throughout. */
static void
test_chain_fork (void)
{
  for (int kids = 0; kids < 2; kids++)
    {
      g_autoptr (HsSnapshot) snap = fixture_fork (kids);
      g_autoptr (HsScene) scene = render (snap);
      g_autoptr (HsScene) open = render_expanded (snap, 203);
      const guint64 markers[] = { 403, 203, 303 };
      const char *const texts[] = { "… 17 more Node", "… 26 more Node", "… 26 more Node" };

      g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_CHAIN), ==, 3);
      for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
        {
          const HsSceneNode *marker = hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, markers[m]);

          g_assert_nonnull (marker);
          g_assert_cmpstr (g_array_index (marker->cells, HsSceneCell, 0).text, ==, texts[m]);
        }
      g_assert_true (drawn (scene, 100));
      for (guint64 id = 400; id < 420; id++)
        g_assert_true (drawn (scene, id) == (id < 403));
      for (guint64 id = 200; id < 230; id++)
        {
          g_assert_true (drawn (scene, id) == (id < 203 || id == 229));
          g_assert_true (drawn (scene, id + 100) == (id < 203 || id == 229));
          if (kids)
            {
              g_assert_true (drawn (scene, 1000 + id) == (id < 203 || id == 229));
              g_assert_true (drawn (scene, 1100 + id) == (id < 203 || id == 229));
            }
        }
      if (kids)
        {
          g_assert_true (drawn (scene, 1100));
          g_assert_nonnull (
              find_edge (scene, HS_SCENE_NODE_OBJECT, 1202, HS_SCENE_NODE_CHAIN, 203));
          g_assert_true (
              find_edge (scene, HS_SCENE_NODE_CHAIN, 203, HS_SCENE_NODE_OBJECT, 229)->is_bundle);
        }
      g_assert_cmpuint (scene->n_elided_objects, ==, 0);
      assert_badges_add_up (scene);

      g_assert_cmpuint (count_role (open, HS_SCENE_NODE_CHAIN), ==, 2);
      g_assert_null (hs_scene_find_node (open, HS_SCENE_NODE_CHAIN, 203));
      g_assert_nonnull (hs_scene_find_node (open, HS_SCENE_NODE_CHAIN, 303));
      for (guint64 id = 200; id < 230; id++)
        g_assert_true (drawn (open, id));
      g_assert_true (hs_scene_find_node (open, HS_SCENE_NODE_OBJECT, 203)->is_expanded);
      assert_badges_add_up (open);
    }
}

/* A circular doubly linked list: a chain from the node `head` names, round to the one
 * before it, whose next leads back to the first. */
static void
test_chain_ring (void)
{
  g_autoptr (HsSnapshot) snap = fixture_doubly_linked_list (50, TRUE);
  g_autoptr (HsScene) scene = render (snap);

  g_assert_nonnull (hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, 23));
  for (guint64 id = 20; id < 70; id++)
    g_assert_true ((hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id) != NULL)
                   == (id < 23 || id == 69));
  g_assert_cmpstr (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 20)->badge, ==, "3");
  g_assert_nonnull (find_edge (scene, HS_SCENE_NODE_OBJECT, 69, HS_SCENE_NODE_OBJECT, 20));
  g_assert_nonnull (find_edge (scene, HS_SCENE_NODE_OBJECT, 20, HS_SCENE_NODE_OBJECT, 69));
  g_assert_nonnull (find_edge (scene, HS_SCENE_NODE_OBJECT, 69, HS_SCENE_NODE_CHAIN, 23));
  assert_badges_add_up (scene);
}

/* fact(30) paused at its deepest call: the module, the first three calls, "… 25 more
 * frames of fact()", the last two (the running one highlighted), top to bottom. */
static void
test_chain_recursion (void)
{
  g_autoptr (HsSnapshot) snap = fixture_recursion (30);
  g_autoptr (HsScene) scene = render (snap);
  const HsSceneNode *marker
      = hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, 5 | HS_SCENE_FRAME_CHAIN_BIT);
  const HsSceneNode *above = hs_scene_find_node (scene, HS_SCENE_NODE_FRAME, 4);
  const HsSceneNode *below = hs_scene_find_node (scene, HS_SCENE_NODE_FRAME, 30);

  g_assert_nonnull (marker);
  g_assert_true (hs_scene_node_is_frame_like (marker));
  g_assert_cmpstr (g_array_index (marker->cells, HsSceneCell, 0).text, ==,
                   "… 25 more frames of fact()");
  g_assert_cmpint (g_array_index (marker->cells, HsSceneCell, 0).role, ==, HS_CELL_ELLIPSIS);
  for (guint64 id = 1; id <= 31; id++)
    g_assert_true ((hs_scene_find_node (scene, HS_SCENE_NODE_FRAME, id) != NULL)
                   == (id <= 4 || id >= 30));
  g_assert_true (hs_scene_find_node (scene, HS_SCENE_NODE_FRAME, 31)->is_highlighted);
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_CHAIN), ==, 1);
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_SUMMARY), ==, 0);
  g_assert_cmpfloat (above->rect.y + above->rect.height, <=, marker->rect.y);
  g_assert_cmpfloat (marker->rect.y + marker->rect.height, <=, below->rect.y);
  g_assert_cmpfloat (marker->rect.width, ==, below->rect.width); /* one column */
  /* a recursion of eight calls stays whole */
  {
    g_autoptr (HsSnapshot) shallow = fixture_recursion (HS_DIAGRAM_DEFAULT_CHAIN_THRESHOLD);
    g_autoptr (HsScene) whole = render (shallow);

    g_assert_cmpuint (count_role (whole, HS_SCENE_NODE_CHAIN), ==, 0);
  }
}

/* The marker's id expands the recursion (the window's click), and only that key: an object
 * with the frame's plain id expanded leaves it summarised. Expanded, the first frame the
 * marker hid offers to shorten it again. */
static void
test_chain_recursion_expand (void)
{
  g_autoptr (HsSnapshot) snap = fixture_recursion (30);
  g_autoptr (GHashTable) plain = id_set ((guint64[]){ 5 }, 1);
  g_autoptr (GHashTable) expanded = id_set ((guint64[]){ 5 | HS_SCENE_FRAME_CHAIN_BIT }, 1);
  g_autoptr (HsScene) summarised = NULL;
  g_autoptr (HsScene) whole = NULL;
  HsDiagramOptions opts;

  hs_diagram_options_init (&opts);
  opts.expanded_ids = plain;
  summarised = hs_diagram_render (snap, &opts, NULL);
  g_assert_cmpuint (count_role (summarised, HS_SCENE_NODE_CHAIN), ==, 1);
  opts.expanded_ids = expanded;
  whole = hs_diagram_render (snap, &opts, NULL);
  g_assert_cmpuint (count_role (whole, HS_SCENE_NODE_CHAIN), ==, 0);
  g_assert_cmpuint (count_role (whole, HS_SCENE_NODE_FRAME), ==, 31);
  for (guint64 id = 1; id <= 31; id++)
    {
      const HsSceneNode *frame = hs_scene_find_node (whole, HS_SCENE_NODE_FRAME, id);

      g_assert_true (frame->is_expanded == (id == 5));
      if (id == 5)
        g_assert_cmpuint (hs_scene_node_expand_key (frame), ==, 5 | HS_SCENE_FRAME_CHAIN_BIT);
    }
}

/* A recursion over one list: the hidden frames' references to it are one bundle from the
 * marker ("×25"), so its badge still equals the arrows into it; what only the hidden
 * frames refer to is hidden with them, not counted as left out. */
static void
test_chain_recursion_refs (void)
{
  g_autoptr (HsSnapshot) snap = fixture_recursion (30);
  HsSnapObject *xs = fx_object (snap, 70, HS_SNAP_LIST, "list");
  g_autoptr (HsScene) scene = NULL;
  const HsSceneEdge *bundle = NULL;

  fx_item (xs, fx_int ("1"));
  hs_snap_frame_add_var (g_ptr_array_index (snap->frames, 0), "data", hs_snap_value_ref (70));
  for (guint i = 1; i < snap->frames->len; i++)
    {
      HsSnapFrame *frame = g_ptr_array_index (snap->frames, i);

      hs_snap_frame_add_var (frame, "xs", hs_snap_value_ref (70));
      if (i == 10) /* a list only a hidden frame refers to */
        {
          fx_item (fx_object (snap, 80, HS_SNAP_LIST, "list"), fx_int ("2"));
          hs_snap_frame_add_var (frame, "ys", hs_snap_value_ref (80));
        }
    }
  fixture_finish (snap);
  scene = render (snap);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);

      if (e->tail_role == HS_SCENE_NODE_CHAIN && e->is_bundle)
        {
          g_assert_null (bundle);
          bundle = e;
        }
    }
  g_assert_nonnull (bundle);
  g_assert_cmpuint (bundle->head_id, ==, 70);
  g_assert_cmpuint (bundle->n_refs, ==, 25);
  g_assert_cmpstr (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 70)->badge, ==, "31");
  g_assert_null (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 80));
  g_assert_cmpuint (scene->n_elided_objects, ==, 0);
  assert_badges_add_up (scene);
}

/* A stack of frames below the module: one per letter of `prefix`, then `depth` calls that
 * go round the functions named by the letters of `cycle` (frame ids from 2 on). */
static HsSnapshot *
fixture_calls (const char *prefix, const char *cycle, guint depth)
{
  HsSnapshot *snap = hs_snapshot_new ();
  guint n = strlen (prefix);

  fx_module (snap)->is_highlighted = FALSE;
  for (guint i = 0; i < n + depth; i++)
    {
      char name[2] = { i < n ? prefix[i] : cycle[(i - n) % strlen (cycle)], 0 };
      HsSnapFrame *frame = hs_snapshot_add_frame (snap, 2 + i, name);

      hs_snap_frame_add_var (frame, "n", fx_int ("1"));
      frame->is_highlighted = i == n + depth - 1;
    }
  fixture_finish (snap);
  return snap;
}

/* The text of the scene's one recursion marker. */
static const char *
marker_text (const HsScene *scene)
{
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_CHAIN), ==, 1);
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);

      if (node->role == HS_SCENE_NODE_CHAIN)
        return g_array_index (node->cells, HsSceneCell, 0).text;
    }
  return NULL;
}

/* is_even(30) over is_odd: f, g, f, g… is one recursion, its first two rounds shown, then
 * "… 24 more frames of f(), g()" and the last two; it expands and shortens like fact's.
 * A cycle of three is summarised too, a function called twice in it named once; after a
 * caller that is not part of it (m), the cycle is found where it starts. */
static void
test_chain_mutual_recursion (void)
{
  g_autoptr (HsSnapshot) snap = fixture_calls ("", "fg", 30);
  g_autoptr (HsScene) scene = render (snap);
  g_autoptr (GHashTable) expanded = id_set ((guint64[]){ 6 | HS_SCENE_FRAME_CHAIN_BIT }, 1);
  g_autoptr (HsScene) whole = NULL;
  HsDiagramOptions opts;

  g_assert_cmpstr (marker_text (scene), ==, "… 24 more frames of f(), g()");
  g_assert_nonnull (hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, 6 | HS_SCENE_FRAME_CHAIN_BIT));
  for (guint64 id = 1; id <= 31; id++)
    g_assert_true ((hs_scene_find_node (scene, HS_SCENE_NODE_FRAME, id) != NULL)
                   == (id <= 5 || id >= 30));
  assert_badges_add_up (scene);
  hs_diagram_options_init (&opts);
  opts.expanded_ids = expanded;
  whole = hs_diagram_render (snap, &opts, NULL);
  g_assert_cmpuint (count_role (whole, HS_SCENE_NODE_CHAIN), ==, 0);
  g_assert_cmpuint (count_role (whole, HS_SCENE_NODE_FRAME), ==, 31);
  g_assert_true (hs_scene_find_node (whole, HS_SCENE_NODE_FRAME, 6)->is_expanded);
  {
    g_autoptr (HsSnapshot) three = fixture_calls ("m", "ffg", 30);
    g_autoptr (HsScene) drawn = render (three);

    /* m, then f f g (one round), 25 hidden, the last two */
    g_assert_cmpstr (marker_text (drawn), ==, "… 25 more frames of f(), g()");
    g_assert_nonnull (hs_scene_find_node (drawn, HS_SCENE_NODE_FRAME, 5));
    g_assert_nonnull (
        hs_scene_find_node (drawn, HS_SCENE_NODE_CHAIN, 6 | HS_SCENE_FRAME_CHAIN_BIT));
  }
  {
    /* eight frames of a cycle stay whole, as eight of one function do */
    g_autoptr (HsSnapshot) shallow = fixture_calls ("", "fg", HS_DIAGRAM_DEFAULT_CHAIN_THRESHOLD);
    g_autoptr (HsScene) drawn = render (shallow);

    g_assert_cmpuint (count_role (drawn, HS_SCENE_NODE_CHAIN), ==, 0);
  }
  {
    /* calls of one function are still its own recursion, before a cycle's */
    g_autoptr (HsSnapshot) mixed = fixture_calls ("aaaaaaaaaaaa", "fg", 20);
    g_autoptr (HsScene) drawn = render (mixed);

    g_assert_cmpuint (count_role (drawn, HS_SCENE_NODE_CHAIN), ==, 2);
    g_assert_nonnull (
        hs_scene_find_node (drawn, HS_SCENE_NODE_CHAIN, 5 | HS_SCENE_FRAME_CHAIN_BIT));
    g_assert_nonnull (
        hs_scene_find_node (drawn, HS_SCENE_NODE_CHAIN, 18 | HS_SCENE_FRAME_CHAIN_BIT));
  }
}

/* ---- folded subtrees ------------------------------------------------------------------ */

/* The Tree nodes `scene` stands for: those drawn, plus what each marker says it hides
 * ("▸ 31 more Tree"). Asserts no more than the fold budget are drawn. */
static guint
count_tree_nodes (const HsScene *scene)
{
  guint n = 0, drawn = 0;

  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);
      const char *text = g_array_index (node->cells, HsSceneCell, 0).text;

      if (node->role == HS_SCENE_NODE_CHAIN)
        {
          g_assert_true (g_str_has_prefix (text, "▸ "));
          g_assert_true (g_str_has_suffix (text, " more Tree"));
          n += (guint)g_ascii_strtoull (text + strlen ("▸ "), NULL, 10);
        }
      n += node->role == HS_SCENE_NODE_OBJECT;
      drawn += node->role == HS_SCENE_NODE_OBJECT || node->role == HS_SCENE_NODE_CHAIN;
    }
  g_assert_cmpuint (drawn, <=, HS_DIAGRAM_DEFAULT_FOLD_BUDGET);
  return n;
}

/* A complete binary tree of 511 nodes is drawn to the depth that keeps it within the
 * budget, levels 0..3 (15 nodes), and each of the 16 subtrees below as one marker of 31;
 * every node is accounted for, nothing is left out, and every badge adds up. */
static void
test_fold_tree (void)
{
  g_autoptr (HsSnapshot) snap = fixture_tree (9);
  g_autoptr (HsScene) scene = render (snap);

  g_assert_cmpuint (snap->objects->len, ==, 511);
  g_assert_cmpuint (count_tree_nodes (scene), ==, 511);
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_OBJECT), ==, 15);
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_CHAIN), ==, 16);
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);

      g_assert_true (node->is_subtree == (node->role == HS_SCENE_NODE_CHAIN));
    }
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_SUMMARY), ==, 0);
  g_assert_cmpuint (scene->n_elided_objects, ==, 0);
  g_assert_nonnull (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, 100));
  assert_badges_add_up (scene);
  /* a small tree stays whole */
  {
    g_autoptr (HsSnapshot) small = fixture_tree (5);
    g_autoptr (HsScene) whole = render (small);

    g_assert_cmpuint (count_role (whole, HS_SCENE_NODE_CHAIN), ==, 0);
  }
}

/* The id of the object `cell` of object `id` refers to. */
static guint64
ref_of (const HsSnapshot *snap, guint64 id, const char *cell)
{
  const HsSnapObject *obj = hs_snapshot_lookup (snap, id);

  for (guint i = 0; i < obj->cells->len; i++)
    if (g_strcmp0 (g_array_index (obj->cells, HsSnapCell, i).label, cell) == 0)
      return g_array_index (obj->cells, HsSnapCell, i).value.ref;
  g_assert_not_reached ();
}

/* A click on a marker (its id expanded) shows the subtree's root with its two children,
 * each folded in turn; the root offers to fold it again. */
static void
test_fold_expand (void)
{
  g_autoptr (HsSnapshot) snap = fixture_tree (9);
  g_autoptr (HsScene) folded = render (snap);
  const HsSceneNode *marker = NULL;
  g_autoptr (HsScene) scene = NULL;
  const HsSceneNode *root;

  for (guint i = 0; marker == NULL && i < folded->nodes->len; i++)
    if (((const HsSceneNode *)g_ptr_array_index (folded->nodes, i))->role == HS_SCENE_NODE_CHAIN)
      marker = g_ptr_array_index (folded->nodes, i);
  g_assert_nonnull (marker);
  scene = render_expanded (snap, marker->id);
  root = hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, marker->id);
  g_assert_nonnull (root);
  g_assert_true (root->is_expanded);
  g_assert_null (hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, marker->id));
  g_assert_nonnull (
      hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, ref_of (snap, marker->id, "left")));
  g_assert_nonnull (
      hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, ref_of (snap, marker->id, "right")));
  g_assert_cmpuint (count_tree_nodes (scene), ==, 511);
  assert_badges_add_up (scene);
}

/* The node the step changed (a leaf eight levels down) stays drawn, with the path to it;
 * the subtrees beside the path are folded. */
static void
test_fold_keeps_changed (void)
{
  g_autoptr (HsSnapshot) snap = fixture_tree (9);
  guint64 leaf = 610, path[9];
  HsSnapObject *obj = hs_snapshot_lookup (snap, leaf);
  g_autoptr (HsScene) scene = NULL;

  obj->flags |= HS_SNAP_FLAG_CHANGED;
  scene = render (snap);
  path[0] = 100;
  for (guint i = 1; i < 9; i++)
    path[i] = ref_of (snap, path[i - 1], "right");
  g_assert_cmpuint (path[8], ==, leaf);
  for (guint i = 0; i < 9; i++)
    g_assert_nonnull (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, path[i]));
  g_assert_nonnull (
      hs_scene_find_node (scene, HS_SCENE_NODE_CHAIN, ref_of (snap, path[5], "left")));
  g_assert_cmpuint (count_tree_nodes (scene), ==, 511);
  assert_badges_add_up (scene);
}

/* Each node also refers back to its parent, and a frame's `node` names a leaf eight levels
 * down (a recursive insert's frame): the subtrees still fold, their back links bundled
 * from the markers into the drawn parents (every badge adds up), and the path from the
 * root to the named leaf stays drawn. */
static void
test_fold_parent_links (void)
{
  g_autoptr (HsSnapshot) snap = fixture_tree (9);
  HsSnapFrame *module = g_ptr_array_index (snap->frames, 0);
  g_autoptr (HsScene) scene = NULL;
  guint64 id = 100;

  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *obj = g_ptr_array_index (snap->objects, i);

      for (guint c = 1; c < 3; c++)
        {
          HsSnapValue *child = &g_array_index (obj->cells, HsSnapCell, c).value;

          if (child->kind == HS_SNAP_VALUE_REF)
            fx_attr (hs_snapshot_lookup (snap, child->ref), "parent", hs_snap_value_ref (obj->id));
        }
    }
  hs_snap_frame_add_var (module, "node", hs_snap_value_ref (610));
  fixture_finish (snap);
  scene = render (snap);
  g_assert_cmpuint (count_tree_nodes (scene), ==, 511);
  g_assert_cmpuint (count_role (scene, HS_SCENE_NODE_CHAIN), >, 8);
  for (guint depth = 0; depth < 9; depth++)
    {
      g_assert_nonnull (hs_scene_find_node (scene, HS_SCENE_NODE_OBJECT, id));
      if (depth < 8)
        id = ref_of (snap, id, "right");
    }
  g_assert_cmpuint (id, ==, 610);
  assert_badges_add_up (scene);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diagram/chain/linked-list", test_chain_linked_list);
  g_test_add_func ("/diagram/chain/expand", test_chain_expand);
  g_test_add_func ("/diagram/chain/not-summarised", test_chain_not_summarised);
  g_test_add_func ("/diagram/chain/doubly-linked", test_chain_doubly_linked);
  g_test_add_func ("/diagram/chain/doubly-linked-expand", test_chain_doubly_linked_expand);
  g_test_add_func ("/diagram/chain/tail", test_chain_tail);
  g_test_add_func ("/diagram/chain/in-list", test_chain_in_list);
  g_test_add_func ("/diagram/chain/parent-spine", test_chain_parent_spine);
  g_test_add_func ("/diagram/chain/forked-spine", test_chain_forked_spine);
  g_test_add_func ("/diagram/chain/fork", test_chain_fork);
  g_test_add_func ("/diagram/chain/ring", test_chain_ring);
  g_test_add_func ("/diagram/chain/recursion", test_chain_recursion);
  g_test_add_func ("/diagram/chain/recursion-expand", test_chain_recursion_expand);
  g_test_add_func ("/diagram/chain/recursion-refs", test_chain_recursion_refs);
  g_test_add_func ("/diagram/chain/mutual-recursion", test_chain_mutual_recursion);
  g_test_add_func ("/diagram/fold/tree", test_fold_tree);
  g_test_add_func ("/diagram/fold/expand", test_fold_expand);
  g_test_add_func ("/diagram/fold/keeps-changed", test_fold_keeps_changed);
  g_test_add_func ("/diagram/fold/parent-links", test_fold_parent_links);
  status = g_test_run ();
  hs_diagram_shutdown ();
  return status;
}
