/* hs-scene.c — construction, copying and queries of scenes.
 *
 * Invariant: every pointer in a scene is owned by it (strings, cell arrays, edge point
 * arrays), so hs_scene_copy is deep and hs_scene_free releases all.
 */
#include <math.h>

#include "hs-scene.h"

static void
cell_clear (gpointer data)
{
  HsSceneCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
  g_clear_pointer (&cell->note, g_free);
  g_clear_pointer (&cell->port, g_free);
}

static void
node_free (gpointer data)
{
  HsSceneNode *node = data;

  g_free (node->badge);
  g_free (node->caption);
  g_strfreev (node->hidden_holders);
  g_array_unref (node->cells);
  g_free (node);
}

static void
edge_free (gpointer data)
{
  HsSceneEdge *edge = data;

  g_free (edge->points);
  g_free (edge);
}

HsScene *
hs_scene_new (void)
{
  HsScene *scene = g_new0 (HsScene, 1);

  scene->nodes = g_ptr_array_new_with_free_func (node_free);
  scene->edges = g_ptr_array_new_with_free_func (edge_free);
  return scene;
}

void
hs_scene_free (HsScene *scene)
{
  if (scene == NULL)
    return;
  g_ptr_array_unref (scene->nodes);
  g_ptr_array_unref (scene->edges);
  g_free (scene);
}

static HsSceneNode *
node_new (HsSceneNodeRole role, guint64 id)
{
  HsSceneNode *node = g_new0 (HsSceneNode, 1);

  node->role = role;
  node->id = id;
  node->alpha = 1.0;
  node->scale = 1.0;
  node->cells = g_array_new (FALSE, TRUE, sizeof (HsSceneCell));
  g_array_set_clear_func (node->cells, cell_clear);
  return node;
}

HsSceneNode *
hs_scene_add_node (HsScene *scene, HsSceneNodeRole role, guint64 id)
{
  HsSceneNode *node = node_new (role, id);

  g_ptr_array_add (scene->nodes, node);
  return node;
}

HsSceneCell *
hs_scene_node_add_cell (HsSceneNode *node, HsCellRole role, guint key, const char *text)
{
  HsSceneCell cell = { 0 };

  cell.role = role;
  cell.key = key;
  cell.text = g_strdup (text);
  cell.alpha = 1.0;
  g_array_append_val (node->cells, cell);
  return &g_array_index (node->cells, HsSceneCell, node->cells->len - 1);
}

HsSceneEdge *
hs_scene_add_edge (HsScene *scene)
{
  HsSceneEdge *edge = g_new0 (HsSceneEdge, 1);

  edge->alpha = 1.0;
  edge->n_refs = 1;
  g_ptr_array_add (scene->edges, edge);
  return edge;
}

static HsSceneNode *
node_copy (const HsSceneNode *src)
{
  HsSceneNode *node = node_new (src->role, src->id);
  GArray *cells = node->cells;

  *node = *src;
  node->cells = cells;
  node->badge = g_strdup (src->badge);
  node->caption = g_strdup (src->caption);
  node->hidden_holders = g_strdupv (src->hidden_holders);
  g_array_set_size (cells, src->cells->len);
  for (guint i = 0; i < src->cells->len; i++)
    {
      HsSceneCell *c = &g_array_index (cells, HsSceneCell, i);

      *c = g_array_index (src->cells, HsSceneCell, i);
      c->text = g_strdup (c->text);
      c->note = g_strdup (c->note);
      c->port = g_strdup (c->port);
    }
  return node;
}

static HsSceneEdge *
edge_copy (const HsSceneEdge *src)
{
  HsSceneEdge *edge = g_new (HsSceneEdge, 1);

  *edge = *src;
  edge->points = g_memdup2 (src->points, sizeof (HsPoint) * src->n_points);
  return edge;
}

HsScene *
hs_scene_copy (const HsScene *scene)
{
  HsScene *copy = hs_scene_new ();

  copy->width = scene->width;
  copy->height = scene->height;
  copy->n_elided_objects = scene->n_elided_objects;
  for (guint i = 0; i < scene->nodes->len; i++)
    g_ptr_array_add (copy->nodes, node_copy (g_ptr_array_index (scene->nodes, i)));
  for (guint i = 0; i < scene->edges->len; i++)
    g_ptr_array_add (copy->edges, edge_copy (g_ptr_array_index (scene->edges, i)));
  return copy;
}

const HsSceneNode *
hs_scene_find_node (const HsScene *scene, HsSceneNodeRole role, guint64 id)
{
  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *node = g_ptr_array_index (scene->nodes, i);

      if (node->role == role && node->id == id)
        return node;
    }
  return NULL;
}

const HsSceneCell *
hs_scene_node_find_cell (const HsSceneNode *node, guint key)
{
  for (guint i = 0; i < node->cells->len; i++)
    {
      const HsSceneCell *cell = &g_array_index (node->cells, HsSceneCell, i);

      if (cell->key == key)
        return cell;
    }
  return NULL;
}

double
hs_scene_mean_displacement (const HsScene *a, const HsScene *b)
{
  double total = 0;
  guint n = 0;

  g_return_val_if_fail (a != NULL && b != NULL, 0);
  for (guint i = 0; i < b->nodes->len; i++)
    {
      const HsSceneNode *nb = g_ptr_array_index (b->nodes, i);
      const HsSceneNode *na = hs_scene_find_node (a, nb->role, nb->id);

      if (na == NULL || nb->role == HS_SCENE_NODE_SUMMARY)
        continue;
      total += hypot (nb->rect.x + nb->rect.width / 2 - (na->rect.x + na->rect.width / 2),
                      nb->rect.y + nb->rect.height / 2 - (na->rect.y + na->rect.height / 2));
      n++;
    }
  return n ? total / n : 0;
}
