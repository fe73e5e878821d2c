/* diagram-fixtures.h — hand-built snapshots for the diagram's tests, samples and bench.
 *
 * Invariant: every fixture ends with fixture_finish, which sets each mortal object's
 * refcount to the number of references drawn into it (the snapshot contract) and
 * indexes the snapshot.
 */
#pragma once

#include "hs-snapshot.h"

static inline HsSnapObject *
fx_object (HsSnapshot *snap, guint64 id, HsSnapKind kind, const char *type_name)
{
  return hs_snapshot_add_object (snap, id, kind, type_name);
}

static inline HsSnapValue
fx_int (const char *text)
{
  return hs_snap_value_primitive ("int", text);
}

static inline HsSnapValue
fx_none (void)
{
  return hs_snap_value_primitive ("NoneType", "None");
}

static inline HsSnapValue
fx_no_key (void)
{
  return hs_snap_value_primitive (NULL, NULL);
}

static inline void
fx_item (HsSnapObject *obj, HsSnapValue value)
{
  char label[16];

  g_snprintf (label, sizeof label, "%u", obj->cells->len);
  hs_snap_object_add_cell (obj, label, fx_no_key (), value);
}

static inline void
fx_attr (HsSnapObject *obj, const char *name, HsSnapValue value)
{
  hs_snap_object_add_cell (obj, name, fx_no_key (), value);
}

static inline void
fx_entry (HsSnapObject *obj, HsSnapValue key, HsSnapValue value)
{
  hs_snap_object_add_cell (obj, NULL, key, value);
}

static inline void
fx_count (GHashTable *counts, const HsSnapValue *value)
{
  if (value->kind == HS_SNAP_VALUE_REF)
    {
      guint64 *key = g_new (guint64, 1);

      *key = value->ref;
      g_hash_table_insert (
          counts, key, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)) + 1));
    }
}

static inline void
fixture_finish (HsSnapshot *snap)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < snap->frames->len; i++)
    {
      HsSnapFrame *frame = g_ptr_array_index (snap->frames, i);

      for (guint j = 0; j < frame->vars->len; j++)
        fx_count (counts, &g_array_index (frame->vars, HsSnapVar, j).value);
      for (guint j = 0; j < frame->held->len; j++)
        fx_count (counts, &g_array_index (frame->held, HsSnapVar, j).value);
    }
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *obj = g_ptr_array_index (snap->objects, i);

      for (guint j = 0; j < obj->cells->len; j++)
        {
          fx_count (counts, &g_array_index (obj->cells, HsSnapCell, j).key);
          fx_count (counts, &g_array_index (obj->cells, HsSnapCell, j).value);
        }
      fx_count (counts, &obj->class_ref);
    }
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *obj = g_ptr_array_index (snap->objects, i);

      if (!obj->immortal)
        obj->refcount = GPOINTER_TO_INT (g_hash_table_lookup (counts, &obj->id));
    }
  g_hash_table_unref (counts);
  hs_snapshot_index (snap);
}

static inline HsSnapFrame *
fx_module (HsSnapshot *snap)
{
  HsSnapFrame *frame = hs_snapshot_add_frame (snap, 1, "<module>");

  frame->is_highlighted = TRUE;
  return frame;
}

/* Node `i` of a list: a Node at 20 + i whose value is i + 1. */
static inline HsSnapObject *
fx_list_node (HsSnapshot *snap, guint i)
{
  HsSnapObject *node = fx_object (snap, 20 + i, HS_SNAP_INSTANCE, "Node");
  char text[16];

  g_snprintf (text, sizeof text, "%u", i + 1);
  fx_attr (node, "value", fx_int (text));
  return node;
}

/* class Node; head = Node(1, Node(2, Node(3, None))) — `n` nodes. */
static inline HsSnapshot *
fixture_linked_list (guint n)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSnapObject *cls = fx_object (snap, 10, HS_SNAP_CLASS, "type");

  cls->label = g_strdup ("Node");
  fx_attr (cls, "__init__", hs_snap_value_ref (11));
  fx_object (snap, 11, HS_SNAP_FUNCTION, "function")->label
      = g_strdup ("__init__(self, value, next)");
  hs_snap_frame_add_var (module, "Node", hs_snap_value_ref (10));
  if (n > 0)
    hs_snap_frame_add_var (module, "head", hs_snap_value_ref (20));
  for (guint i = 0; i < n; i++)
    {
      HsSnapObject *node = fx_list_node (snap, i);

      fx_attr (node, "next", i + 1 < n ? hs_snap_value_ref (21 + i) : fx_none ());
      node->class_ref = hs_snap_value_ref (10);
    }
  module->line = 9;
  snap->line = 9;
  fixture_finish (snap);
  return snap;
}

/* A doubly linked list of `n` Node(value, next, prev) from 20, `head` its first node;
 * `ring`: a circular one (the last node's next is the first, whose prev is the last). */
static inline HsSnapshot *
fixture_doubly_linked_list (guint n, gboolean ring)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);

  hs_snap_frame_add_var (module, "head", hs_snap_value_ref (20));
  for (guint i = 0; i < n; i++)
    {
      HsSnapObject *node = fx_list_node (snap, i);

      fx_attr (node, "next",
               i + 1 < n ? hs_snap_value_ref (21 + i)
               : ring    ? hs_snap_value_ref (20)
                         : fx_none ());
      fx_attr (node, "prev",
               i > 0  ? hs_snap_value_ref (19 + i)
               : ring ? hs_snap_value_ref (19 + n)
                      : fx_none ());
    }
  fixture_finish (snap);
  return snap;
}

/* A complete binary tree of `depth` levels of Tree(value, left, right). */
static inline guint64
fx_tree (HsSnapshot *snap, guint64 *next_id, int depth, int *value)
{
  guint64 id = (*next_id)++;
  HsSnapObject *node = fx_object (snap, id, HS_SNAP_INSTANCE, "Tree");
  char text[16];
  guint64 left = 0, right = 0;

  if (depth > 1)
    left = fx_tree (snap, next_id, depth - 1, value);
  g_snprintf (text, sizeof text, "%d", (*value)++);
  if (depth > 1)
    right = fx_tree (snap, next_id, depth - 1, value);
  fx_attr (node, "value", fx_int (text));
  fx_attr (node, "left", left ? hs_snap_value_ref (left) : fx_none ());
  fx_attr (node, "right", right ? hs_snap_value_ref (right) : fx_none ());
  return id;
}

static inline HsSnapshot *
fixture_tree (int depth)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  guint64 next_id = 100;
  int value = 1;

  hs_snap_frame_add_var (module, "root",
                         hs_snap_value_ref (fx_tree (snap, &next_id, depth, &value)));
  fixture_finish (snap);
  return snap;
}

/* d = {'a': [1, 2], 'b': [3], 'c': []} */
static inline HsSnapshot *
fixture_dict_of_lists (void)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSnapObject *d = fx_object (snap, 30, HS_SNAP_DICT, "dict");
  HsSnapObject *a = fx_object (snap, 31, HS_SNAP_LIST, "list");
  HsSnapObject *b = fx_object (snap, 32, HS_SNAP_LIST, "list");

  fx_object (snap, 33, HS_SNAP_LIST, "list");
  fx_item (a, fx_int ("1"));
  fx_item (a, fx_int ("2"));
  fx_item (b, fx_int ("3"));
  fx_entry (d, hs_snap_value_primitive ("str", "'a'"), hs_snap_value_ref (31));
  fx_entry (d, hs_snap_value_primitive ("str", "'b'"), hs_snap_value_ref (32));
  fx_entry (d, hs_snap_value_primitive ("str", "'c'"), hs_snap_value_ref (33));
  hs_snap_frame_add_var (module, "d", hs_snap_value_ref (30));
  fixture_finish (snap);
  return snap;
}

/* a = [1, 2, 3]; b = a; c = [1, 2, 3]; t = (a, c) */
static inline HsSnapshot *
fixture_aliasing (void)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSnapObject *a = fx_object (snap, 40, HS_SNAP_LIST, "list");
  HsSnapObject *c = fx_object (snap, 41, HS_SNAP_LIST, "list");
  HsSnapObject *t = fx_object (snap, 42, HS_SNAP_TUPLE, "tuple");

  for (int i = 1; i <= 3; i++)
    {
      char text[4];

      g_snprintf (text, sizeof text, "%d", i);
      fx_item (a, fx_int (text));
      fx_item (c, fx_int (text));
    }
  fx_item (t, hs_snap_value_ref (40));
  fx_item (t, hs_snap_value_ref (41));
  t->flags = HS_SNAP_FLAG_NEW;
  hs_snap_frame_add_var (module, "a", hs_snap_value_ref (40));
  hs_snap_frame_add_var (module, "b", hs_snap_value_ref (40));
  hs_snap_frame_add_var (module, "c", hs_snap_value_ref (41));
  hs_snap_frame_add_var (module, "t", hs_snap_value_ref (42));
  fixture_finish (snap);
  return snap;
}

/* a = []; b = [a]; a.append(b); del a, b — before gc.collect() (collected = FALSE) the two
 * lists are alive and unreachable; after it they are freed this step. */
static inline HsSnapshot *
fixture_cycle (gboolean collected)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSnapObject *a = fx_object (snap, 50, HS_SNAP_LIST, "list");
  HsSnapObject *b = fx_object (snap, 51, HS_SNAP_LIST, "list");
  HsSnapObject *keep = fx_object (snap, 52, HS_SNAP_LIST, "list");
  guint flag = collected ? HS_SNAP_FLAG_FREED : HS_SNAP_FLAG_UNREACHABLE;

  fx_item (a, hs_snap_value_ref (51));
  fx_item (b, hs_snap_value_ref (50));
  fx_item (keep, fx_int ("7"));
  a->flags = b->flags = flag;
  hs_snap_frame_add_var (module, "keep", hs_snap_value_ref (52));
  fixture_finish (snap);
  if (collected)
    {
      guint64 ids[] = { 50, 51 };

      a->refcount = b->refcount = 0;
      g_array_append_vals (snap->gc_freed, ids, 2);
    }
  return snap;
}

/* def fact(n): ... fact(5) paused at n == 1: five frames below the module. */
static inline HsSnapshot *
fixture_recursion (int depth)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSnapObject *fact = fx_object (snap, 60, HS_SNAP_FUNCTION, "function");

  module->is_highlighted = FALSE;
  fact->label = g_strdup ("fact(n)");
  hs_snap_frame_add_var (module, "fact", hs_snap_value_ref (60));
  for (int i = 0; i < depth; i++)
    {
      HsSnapFrame *frame = hs_snapshot_add_frame (snap, 2 + i, "fact");
      char text[8];

      g_snprintf (text, sizeof text, "%d", depth - i);
      hs_snap_frame_add_var (frame, "n", fx_int (text));
      frame->is_highlighted = i == depth - 1;
    }
  fixture_finish (snap);
  return snap;
}

/* xs = list(range(n)); a for loop over it holds an iterator. */
static inline HsSnapshot *
fixture_long_list (guint n)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  HsSnapObject *xs = fx_object (snap, 70, HS_SNAP_LIST, "list");
  HsSnapObject *it = fx_object (snap, 71, HS_SNAP_OTHER, "list_iterator");

  for (guint i = 0; i < n; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", i);
      fx_item (xs, fx_int (text));
    }
  it->label = g_strdup ("at index 3");
  fx_attr (it, "over", hs_snap_value_ref (70));
  hs_snap_frame_add_var (module, "xs", hs_snap_value_ref (70));
  hs_snap_frame_add_var (module, "x", fx_int ("2"));
  hs_snap_frame_add_held (module, "for iterator", hs_snap_value_ref (71));
  fixture_finish (snap);
  return snap;
}

/* About `n` objects: `groups`, a list of lists of at most 8 Point instances, each with
 * a tuple holding a dict and a list of tags; `index`, a dict naming every eighth point. */
static inline HsSnapshot *
fixture_many (guint n)
{
  HsSnapshot *snap = hs_snapshot_new ();
  HsSnapFrame *module = fx_module (snap);
  guint per = MAX ((n * 8) / 33, 1); /* points: 4 objects each, plus a list per 8 */
  HsSnapObject *groups = fx_object (snap, 1000, HS_SNAP_LIST, "list");
  HsSnapObject *index = fx_object (snap, 1001, HS_SNAP_DICT, "dict");
  HsSnapObject *group = NULL;

  hs_snap_frame_add_var (module, "groups", hs_snap_value_ref (1000));
  hs_snap_frame_add_var (module, "index", hs_snap_value_ref (1001));
  for (guint i = 0; i < per; i++)
    {
      guint64 base = 2000 + 4 * i;
      HsSnapObject *point = fx_object (snap, base, HS_SNAP_INSTANCE, "Point");
      HsSnapObject *pair = fx_object (snap, base + 1, HS_SNAP_TUPLE, "tuple");
      HsSnapObject *tags = fx_object (snap, base + 2, HS_SNAP_LIST, "list");
      HsSnapObject *meta = fx_object (snap, base + 3, HS_SNAP_DICT, "dict");
      char text[32];

      if (i % 8 == 0)
        {
          group = fx_object (snap, 1100 + i / 8, HS_SNAP_LIST, "list");
          fx_item (groups, hs_snap_value_ref (group->id));
        }
      g_snprintf (text, sizeof text, "%u", i);
      fx_attr (point, "x", fx_int (text));
      fx_attr (point, "pair", hs_snap_value_ref (base + 1));
      fx_attr (point, "tags", hs_snap_value_ref (base + 2));
      fx_item (pair, fx_int (text));
      fx_item (pair, hs_snap_value_ref (base + 3));
      fx_item (tags, hs_snap_value_primitive ("str", "'red'"));
      fx_entry (meta, hs_snap_value_primitive ("str", "'id'"), fx_int (text));
      fx_item (group, hs_snap_value_ref (base));
      if (i % 8 == 0)
        {
          g_snprintf (text, sizeof text, "'p%u'", i);
          fx_entry (index, hs_snap_value_primitive ("str", text), hs_snap_value_ref (base));
        }
    }
  fixture_finish (snap);
  return snap;
}
