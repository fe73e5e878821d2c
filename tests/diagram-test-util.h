/* diagram-test-util.h — what the diagram's tests share: rendering a fixture, and reading
 * what a scene draws (its arrows, badges and markers).
 */
#pragma once

#include "hs-diagram.h"

static inline HsScene *
render_with (HsSnapshot *snap, const HsDiagramOptions *opts)
{
  g_autoptr (GError) error = NULL;
  HsScene *scene = hs_diagram_render (snap, opts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

static inline HsScene *
render (HsSnapshot *snap)
{
  return render_with (snap, NULL);
}

static inline GHashTable *
id_set (const guint64 *ids, guint n)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    g_hash_table_add (set, g_memdup2 (&ids[i], sizeof (guint64)));
  return set;
}

static inline guint
count_cells (const HsSceneNode *node, HsCellRole role)
{
  guint n = 0;

  for (guint i = 0; i < node->cells->len; i++)
    n += g_array_index (node->cells, HsSceneCell, i).role == role;
  return n;
}

/* Arrows into `node`: a bundle counts for as many references as it stands for. */
static inline guint
refs_drawn_into (const HsScene *scene, const HsSceneNode *node)
{
  guint n = 0;

  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);

      if (e->head_role == node->role && e->head_id == node->id && !e->is_weak)
        n += e->n_refs;
    }
  return n;
}

static inline guint
count_role (const HsScene *scene, HsSceneNodeRole role)
{
  guint n = 0;

  for (guint i = 0; i < scene->nodes->len; i++)
    n += ((const HsSceneNode *)g_ptr_array_index (scene->nodes, i))->role == role;
  return n;
}

static inline void
assert_badges_add_up (const HsScene *scene)
{
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);

      if (node->role == HS_SCENE_NODE_OBJECT && g_strcmp0 (node->badge, "∞") != 0)
        g_assert_cmpuint (refs_drawn_into (scene, node), ==,
                          g_ascii_strtoull (node->badge, NULL, 10));
    }
}

/* `snap` drawn with object `id` expanded (the window's click on it). */
static inline HsScene *
render_expanded (HsSnapshot *snap, guint64 id)
{
  g_autoptr (GHashTable) expanded = id_set (&id, 1);
  HsDiagramOptions opts;

  hs_diagram_options_init (&opts);
  opts.expanded_ids = expanded;
  return render_with (snap, &opts);
}
