/* hs-scene-describe.c — see hs-scene-describe.h.
 *
 * Invariant: every sentence is built from the scene's cells and edges alone (what the
 * painter draws), never from the snapshot behind it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "hs-scene-describe.h"

/* The title cell: a header, or the type line of a primitive drawn on the heap. */
static const HsSceneCell *
title_cell (const HsSceneNode *node)
{
  for (guint i = 0; i < node->cells->len; i++)
    if (g_array_index (node->cells, HsSceneCell, i).role == HS_CELL_HEADER)
      return &g_array_index (node->cells, HsSceneCell, i);
  return node->cells->len > 0 ? &g_array_index (node->cells, HsSceneCell, 0) : NULL;
}

char *
hs_scene_node_name (const HsSceneNode *node)
{
  const HsSceneCell *title = title_cell (node);
  const char *text = title && title->text ? title->text : "";

  if (node->role == HS_SCENE_NODE_OBJECT && (title == NULL || title->note == NULL))
    return g_strdup_printf ("%s #%" G_GUINT64_FORMAT, text, node->id);
  if (title != NULL && title->note != NULL)
    return g_strdup_printf ("%s %s", text, title->note);
  return g_strdup (text);
}

static const HsSceneEdge *
edge_from (const HsScene *scene, const HsSceneNode *node, guint cell_key, gboolean class_ref)
{
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);

      if (e->tail_role == node->role && e->tail_id == node->id && e->tail_cell == cell_key
          && e->is_class_ref == class_ref)
        return e;
    }
  return NULL;
}

static char *
target_name (const HsScene *scene, const HsSceneEdge *e)
{
  const HsSceneNode *head = e ? hs_scene_find_node (scene, e->head_role, e->head_id) : NULL;

  return head ? hs_scene_node_name (head) : g_strdup (_ ("an object left out of the diagram"));
}

static char *
row_text (const HsScene *scene, const HsSceneNode *node, const HsSceneCell *cell, const char *label)
{
  g_autofree char *target = NULL;

  if (cell->is_ref)
    {
      target = target_name (scene, edge_from (scene, node, cell->key, FALSE));
      /* TRANSLATORS: "xs refers to list #12" */
      return label ? g_strdup_printf (_ ("%s refers to %s"), label, target)
                   : g_strdup_printf (_ ("refers to %s"), target);
    }
  if (label == NULL)
    return g_strdup (cell->text ? cell->text : "");
  /* TRANSLATORS: a variable and its value, "n is 3" */
  return node->role == HS_SCENE_NODE_FRAME ? g_strdup_printf (_ ("%s is %s"), label, cell->text)
                                           : g_strdup_printf ("%s: %s", label, cell->text);
}

static gboolean
is_label (const HsSceneCell *cell)
{
  return cell->role == HS_CELL_INDEX || cell->role == HS_CELL_NAME || cell->role == HS_CELL_HELD
         || cell->role == HS_CELL_KEY;
}

/* The cell that names a value: an index above it, or a name or key left of it on its row
 * (cells come by grid rows, so the geometry pairs them, not their order). */
static const HsSceneCell *
label_of (const HsSceneNode *node, const HsSceneCell *value)
{
  for (guint i = 0; i < node->cells->len; i++)
    {
      const HsSceneCell *c = &g_array_index (node->cells, HsSceneCell, i);
      gboolean above = c->role == HS_CELL_INDEX && fabs (c->rect.x - value->rect.x) < 0.5
                       && c->rect.y < value->rect.y;
      gboolean left = c->role != HS_CELL_INDEX && fabs (c->rect.y - value->rect.y) < 0.5
                      && c->rect.x < value->rect.x;

      if (is_label (c) && (above || left))
        return c;
    }
  return NULL;
}

static char *
label_text (const HsScene *scene, const HsSceneNode *node, const HsSceneCell *label)
{
  if (label == NULL)
    return NULL;
  if (label->role == HS_CELL_INDEX)
    /* TRANSLATORS: a list's or tuple's element, "item 0" */
    return g_strdup_printf (_ ("item %s"), label->text ? label->text : "");
  if (label->is_ref)
    return row_text (scene, node, label, NULL);
  return g_strdup (label->text ? label->text : "");
}

/* The rows of a node in drawing order: each value with what names it, and the notes
 * ("empty", "… 42 more"). */
static GPtrArray *
rows (const HsScene *scene, const HsSceneNode *node)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const HsSceneCell *title = title_cell (node);

  for (guint i = 0; i < node->cells->len; i++)
    {
      const HsSceneCell *cell = &g_array_index (node->cells, HsSceneCell, i);

      if (cell == title || is_label (cell))
        continue;
      if (cell->role == HS_CELL_VALUE)
        {
          g_autofree char *label = label_text (scene, node, label_of (node, cell));

          g_ptr_array_add (out, row_text (scene, node, cell, label));
        }
      else if (cell->text && *cell->text)
        g_ptr_array_add (out, g_strdup (cell->text));
    }
  return out;
}

static void
append_count (GString *out, const HsSceneNode *node)
{
  g_autofree char *words = NULL;

  if (node->badge == NULL)
    return;
  if (g_str_equal (node->badge, "∞"))
    {
      /* TRANSLATORS: an object that is never freed (None, small ints) */
      g_string_append (out, _ (", immortal"));
      return;
    }
  words = hs_snap_count_words (g_ascii_strtoll (node->badge, NULL, 10),
                               (const char *const *)node->hidden_holders,
                               node->hidden_holders ? g_strv_length (node->hidden_holders) : 0);
  g_string_append_printf (out, ", %s", words);
}

char *
hs_scene_describe_node (const HsScene *scene, const HsSceneNode *node)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) cells = rows (scene, node);
  g_autofree char *name = hs_scene_node_name (node);
  const HsSceneCell *title = title_cell (node);
  const HsSceneEdge *class_edge = title ? edge_from (scene, node, title->key, TRUE) : NULL;

  g_string_append (out, name);
  if (node->role == HS_SCENE_NODE_FRAME && node->is_highlighted)
    /* TRANSLATORS: the frame executing now */
    g_string_append (out, _ (", running"));
  append_count (out, node);
  if (node->caption)
    g_string_append_printf (out, " (%s)", node->caption);
  if (class_edge)
    {
      g_autofree char *cls = target_name (scene, class_edge);

      /* TRANSLATORS: an instance's class, or a class's base class */
      g_string_append_printf (out, _ (", of %s"), cls);
    }
  if (cells->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (cells, NULL);
      joined = g_strjoinv (", ", (char **)cells->pdata);
      g_string_append (out, ": ");
      g_string_append (out, joined);
    }
  g_string_append_c (out, '.');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
hs_scene_describe (const HsScene *scene)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; scene != NULL && i < scene->nodes->len; i++)
    {
      g_autofree char *sentence
          = hs_scene_describe_node (scene, g_ptr_array_index (scene->nodes, i));

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, sentence);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_once (GPtrArray *nodes, const HsSceneNode *node)
{
  if (node != NULL && !g_ptr_array_find (nodes, node, NULL))
    g_ptr_array_add (nodes, (gpointer)node);
}

GPtrArray *
hs_scene_node_targets (const HsScene *scene, const HsSceneNode *node)
{
  GPtrArray *out = g_ptr_array_new ();

  /* by cell, so that "next" follows the rows; then what leaves no cell (bundles) */
  for (guint i = 0; i <= node->cells->len; i++)
    for (guint j = 0; j < scene->edges->len; j++)
      {
        const HsSceneEdge *e = g_ptr_array_index (scene->edges, j);
        gboolean in_cell = i < node->cells->len
                           && e->tail_cell == g_array_index (node->cells, HsSceneCell, i).key;
        gboolean elsewhere = i == node->cells->len && e->is_bundle;

        if (e->tail_role == node->role && e->tail_id == node->id && (in_cell || elsewhere))
          add_once (out, hs_scene_find_node (scene, e->head_role, e->head_id));
      }
  return out;
}

GPtrArray *
hs_scene_node_holders (const HsScene *scene, const HsSceneNode *node)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < scene->nodes->len; i++)
    {
      const HsSceneNode *holder = g_ptr_array_index (scene->nodes, i);

      for (guint j = 0; j < scene->edges->len; j++)
        {
          const HsSceneEdge *e = g_ptr_array_index (scene->edges, j);

          if (e->tail_role == holder->role && e->tail_id == holder->id && e->head_role == node->role
              && e->head_id == node->id)
            add_once (out, holder);
        }
    }
  return out;
}
