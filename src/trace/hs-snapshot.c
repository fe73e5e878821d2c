/* hs-snapshot.c — building and freeing snapshots.
 *
 * Invariant: a snapshot owns every string and array it points to, except the static
 * `type_name` of primitive values and the borrowed pointers in `by_id`.
 */
#include "hs-snapshot.h"

static void
value_clear (HsSnapValue *value)
{
  g_clear_pointer (&value->text, g_free);
}

static void
var_clear (gpointer data)
{
  HsSnapVar *var = data;

  g_clear_pointer (&var->name, g_free);
  value_clear (&var->value);
}

static void
cell_clear (gpointer data)
{
  HsSnapCell *cell = data;

  g_clear_pointer (&cell->label, g_free);
  value_clear (&cell->key);
  value_clear (&cell->value);
}

static void
frame_free (gpointer data)
{
  HsSnapFrame *frame = data;

  g_free (frame->func_name);
  g_array_unref (frame->vars);
  g_array_unref (frame->held);
  g_array_unref (frame->parent_frame_ids);
  g_free (frame);
}

static void
object_free (gpointer data)
{
  HsSnapObject *obj = data;

  g_free (obj->type_name);
  g_free (obj->label);
  g_array_unref (obj->cells);
  value_clear (&obj->class_ref);
  g_free (obj);
}

HsSnapshot *
hs_snapshot_new (void)
{
  HsSnapshot *snap = g_new0 (HsSnapshot, 1);

  snap->frames = g_ptr_array_new_with_free_func (frame_free);
  snap->objects = g_ptr_array_new_with_free_func (object_free);
  snap->gc_freed = g_array_new (FALSE, FALSE, sizeof (guint64));
  snap->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  return snap;
}

void
hs_snapshot_free (HsSnapshot *snap)
{
  if (snap == NULL)
    return;
  g_free (snap->event);
  g_free (snap->func_name);
  g_free (snap->stdout_text);
  g_free (snap->exception_msg);
  g_hash_table_unref (snap->by_id);
  g_ptr_array_unref (snap->objects);
  g_ptr_array_unref (snap->frames);
  g_array_unref (snap->gc_freed);
  g_free (snap);
}

HsSnapFrame *
hs_snapshot_add_frame (HsSnapshot *snap, guint64 frame_id, const char *func_name)
{
  HsSnapFrame *frame = g_new0 (HsSnapFrame, 1);

  g_return_val_if_fail (snap != NULL, NULL);
  frame->frame_id = frame_id;
  frame->func_name = g_strdup (func_name);
  frame->vars = g_array_new (FALSE, TRUE, sizeof (HsSnapVar));
  g_array_set_clear_func (frame->vars, var_clear);
  frame->held = g_array_new (FALSE, TRUE, sizeof (HsSnapVar));
  g_array_set_clear_func (frame->held, var_clear);
  frame->parent_frame_ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_ptr_array_add (snap->frames, frame);
  return frame;
}

HsSnapObject *
hs_snapshot_add_object (HsSnapshot *snap, guint64 id, HsSnapKind kind, const char *type_name)
{
  HsSnapObject *obj = g_new0 (HsSnapObject, 1);

  g_return_val_if_fail (snap != NULL, NULL);
  obj->id = id;
  obj->kind = kind;
  obj->type_name = g_strdup (type_name);
  obj->cells = g_array_new (FALSE, TRUE, sizeof (HsSnapCell));
  g_array_set_clear_func (obj->cells, cell_clear);
  g_ptr_array_add (snap->objects, obj);
  return obj;
}

HsSnapValue
hs_snap_value_primitive (const char *type_name, const char *text)
{
  HsSnapValue value = { HS_SNAP_VALUE_PRIMITIVE, 0, g_strdup (text), type_name };

  return value;
}

HsSnapValue
hs_snap_value_ref (guint64 id)
{
  HsSnapValue value = { HS_SNAP_VALUE_REF, id, NULL, NULL };

  return value;
}

/* Takes ownership of `value`'s text. */
static void
add_var (GArray *vars, const char *name, HsSnapValue value)
{
  HsSnapVar var = { g_strdup (name), value };

  g_array_append_val (vars, var);
}

void
hs_snap_frame_add_var (HsSnapFrame *frame, const char *name, HsSnapValue value)
{
  g_return_if_fail (frame != NULL);
  add_var (frame->vars, name, value);
}

void
hs_snap_frame_add_held (HsSnapFrame *frame, const char *label, HsSnapValue value)
{
  g_return_if_fail (frame != NULL);
  add_var (frame->held, label, value);
}

void
hs_snap_object_add_cell (HsSnapObject *obj, const char *label, HsSnapValue key, HsSnapValue value)
{
  HsSnapCell cell = { g_strdup (label), key, value };

  g_return_if_fail (obj != NULL);
  g_array_append_val (obj->cells, cell);
}

static gint
compare_objects (gconstpointer a, gconstpointer b)
{
  const HsSnapObject *oa = *(HsSnapObject *const *)a;
  const HsSnapObject *ob = *(HsSnapObject *const *)b;

  return oa->id < ob->id ? -1 : oa->id > ob->id;
}

void
hs_snapshot_index (HsSnapshot *snap)
{
  g_return_if_fail (snap != NULL);
  g_ptr_array_sort (snap->objects, compare_objects);
  g_hash_table_remove_all (snap->by_id);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *obj = g_ptr_array_index (snap->objects, i);

      g_hash_table_insert (snap->by_id, &obj->id, obj);
    }
}

HsSnapObject *
hs_snapshot_lookup (HsSnapshot *snap, guint64 id)
{
  g_return_val_if_fail (snap != NULL, NULL);
  return g_hash_table_lookup (snap->by_id, &id);
}
