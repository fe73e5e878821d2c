/* hs-snapshot.c — building and freeing snapshots.
 *
 * Invariant: a snapshot owns every string and array it points to, except the static
 * `type_name` of primitive values and the borrowed pointers in `by_id`. An object's
 * `type_name` is an interned GRefString (a step of 900,000 tuples names "tuple" once), and
 * its holder arrays are one shared empty array until a holder is added (most objects have
 * none): a snapshot of a huge heap costs what its cells cost.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

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

/* The labels of the first items of sequences, shared by every cell that has one (a step of
 * 900,000 pairs names its items "0" and "1" twice each, not 1,800,000 times). */
#define N_INDEX_LABELS 1024
static char index_labels[N_INDEX_LABELS][sizeof "1023"];

/* Compared as addresses: `index_labels[0] + sizeof index_labels` is past the end of the row
 * index_labels[0], which UBSan's bounds check reports (and any label may be compared). */
static gboolean
is_index_label (const char *label)
{
  guintptr at = (guintptr)label, first = (guintptr)index_labels;

  return at >= first && at < first + sizeof index_labels;
}

static const char *
index_label (guint i)
{
  static gsize made;

  if (g_once_init_enter (&made))
    {
      for (guint j = 0; j < N_INDEX_LABELS; j++)
        g_snprintf (index_labels[j], sizeof index_labels[j], "%u", j);
      g_once_init_leave (&made, 1);
    }
  return index_labels[i];
}

static void
cell_clear (gpointer data)
{
  HsSnapCell *cell = data;

  if (is_index_label (cell->label))
    cell->label = NULL;
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
holder_clear (gpointer data)
{
  HsSnapHolder *h = data;

  g_clear_pointer (&h->kind, g_free);
  g_clear_pointer (&h->name, g_free);
}

void
hs_snap_object_free (HsSnapObject *obj)
{
  g_clear_pointer (&obj->type_name, g_ref_string_release);
  g_free (obj->label);
  g_array_unref (obj->cells);
  g_ptr_array_unref (obj->hidden_holders);
  g_array_unref (obj->recorded_holders);
  value_clear (&obj->class_ref);
  value_clear (&obj->weak_ref);
  g_clear_pointer (&obj->bases, g_ptr_array_unref);
  g_clear_pointer (&obj->omitted_refs, g_array_unref);
  g_clear_pointer (&obj->folded_cells, g_array_unref);
  g_free (obj);
}

HsSnapshot *
hs_snapshot_new (void)
{
  HsSnapshot *snap = g_new0 (HsSnapshot, 1);

  snap->frames = g_ptr_array_new_with_free_func (frame_free);
  snap->objects = g_ptr_array_new_with_free_func ((GDestroyNotify)hs_snap_object_free);
  snap->gc_freed = g_array_new (FALSE, FALSE, sizeof (guint64));
  hs_id_map_init (&snap->by_id);
  snap->inline_objects = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                (GDestroyNotify)hs_snap_object_free);
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
  g_free (snap->stderr_text);
  g_free (snap->exception_msg);
  g_free (snap->raised);
  hs_id_map_clear (&snap->by_id);
  g_hash_table_unref (snap->inline_objects);
  g_ptr_array_unref (snap->objects);
  g_ptr_array_unref (snap->frames);
  g_array_unref (snap->gc_freed);
  g_free (snap);
}

void
hs_snapshot_recycle (HsSnapshot *snap)
{
  g_clear_pointer (&snap->event, g_free);
  g_clear_pointer (&snap->func_name, g_free);
  g_clear_pointer (&snap->stdout_text, g_free);
  g_clear_pointer (&snap->stderr_text, g_free);
  g_clear_pointer (&snap->exception_msg, g_free);
  g_clear_pointer (&snap->raised, g_free);
  hs_id_map_remove_all (&snap->by_id);
  g_hash_table_remove_all (snap->inline_objects);
  g_ptr_array_set_size (snap->objects, 0);
  g_array_set_size (snap->gc_freed, 0);
  snap->step = snap->line = 0;
  snap->n_cut = 0;
}

HsSnapFrame *
hs_snapshot_refill_frame (HsSnapshot *snap, guint i, guint64 frame_id, const char *func_name)
{
  HsSnapFrame *frame;

  if (i >= snap->frames->len)
    return hs_snapshot_add_frame (snap, frame_id, func_name);
  frame = g_ptr_array_index (snap->frames, i);
  if (g_strcmp0 (frame->func_name, func_name) != 0)
    {
      g_free (frame->func_name);
      frame->func_name = g_strdup (func_name);
    }
  frame->frame_id = frame_id;
  frame->line = 0;
  frame->is_highlighted = frame->is_zombie = frame->is_parent = frame->is_hidden = FALSE;
  frame->generator_id = 0;
  frame->is_paused = FALSE;
  g_array_set_size (frame->parent_frame_ids, 0);
  return frame;
}

void
hs_snapshot_end_frames (HsSnapshot *snap, guint n)
{
  if (snap->frames->len > n)
    g_ptr_array_set_size (snap->frames, n);
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

/* The holder arrays of an object that has none: shared, never written (readers only read
 * their length); the first holder added gives the object its own. */
static GPtrArray *
no_hidden_holders (void)
{
  static GPtrArray *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_ptr_array_new ());
  return g_ptr_array_ref (empty);
}

static GArray *
no_recorded_holders (void)
{
  static GArray *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_array_new (FALSE, TRUE, sizeof (HsSnapHolder)));
  return g_array_ref (empty);
}

static HsSnapObject *
object_new (guint64 id, HsSnapKind kind, const char *type_name)
{
  HsSnapObject *obj = g_new0 (HsSnapObject, 1);

  obj->id = id;
  obj->kind = kind;
  obj->type_name = type_name != NULL ? g_ref_string_new_intern (type_name) : NULL;
  obj->cells = g_array_new (FALSE, TRUE, sizeof (HsSnapCell));
  g_array_set_clear_func (obj->cells, cell_clear);
  obj->hidden_holders = no_hidden_holders ();
  obj->recorded_holders = no_recorded_holders ();
  return obj;
}

HsSnapObject *
hs_snapshot_add_object (HsSnapshot *snap, guint64 id, HsSnapKind kind, const char *type_name)
{
  HsSnapObject *obj;

  g_return_val_if_fail (snap != NULL, NULL);
  obj = object_new (id, kind, type_name);
  g_ptr_array_add (snap->objects, obj);
  return obj;
}

HsSnapObject *
hs_snapshot_steal_object (HsSnapshot *snap, guint i)
{
  g_return_val_if_fail (snap != NULL && i < snap->objects->len, NULL);
  return g_ptr_array_steal_index_fast (snap->objects, i);
}

void
hs_snapshot_take_object (HsSnapshot *snap, HsSnapObject *obj)
{
  g_return_if_fail (snap != NULL && obj != NULL);
  g_ptr_array_add (snap->objects, obj);
}

HsSnapObject *
hs_snapshot_add_inline_object (HsSnapshot *snap, guint64 id, const char *type_name,
                               const char *text)
{
  HsSnapObject *obj;

  g_return_val_if_fail (snap != NULL, NULL);
  obj = object_new (id, HS_SNAP_PRIMITIVE, type_name);
  obj->label = g_strdup (text);
  g_hash_table_insert (snap->inline_objects, &obj->id, obj);
  return obj;
}

/* Takes ownership of `holder`. */
void
hs_snap_object_add_hidden_holder (HsSnapObject *obj, char *holder)
{
  g_return_if_fail (obj != NULL);
  if (obj->hidden_holders->len == 0)
    {
      g_ptr_array_unref (obj->hidden_holders);
      obj->hidden_holders = g_ptr_array_new_with_free_func (g_free);
    }
  g_ptr_array_add (obj->hidden_holders, holder);
}

/* The holder in the learner's words, translated. */
static char *
describe_holder (const HsSnapHolder *holder)
{
  if (g_strcmp0 (holder->kind, "code") == 0 && g_strcmp0 (holder->name, "<module>") == 0)
    return g_strdup (_ ("the program's code"));
  if (g_strcmp0 (holder->kind, "code") == 0)
    /* TRANSLATORS: a function's code object holds its constants, e.g. "the code of f()" */
    return g_strdup_printf (_ ("the code of %s()"), holder->name);
  if (g_strcmp0 (holder->kind, "ast") == 0)
    /* TRANSLATORS: CPython keeps the parsed program (its syntax tree) while it runs */
    return g_strdup (_ ("the parsed program"));
  if (g_strcmp0 (holder->kind, "class") == 0)
    return g_strdup (holder->name);
  if (g_strcmp0 (holder->kind, "annotation") == 0)
    /* TRANSLATORS: `x: Point = …` at module level keeps Point in the module's
     * __annotations__, e.g. "the annotation of x" */
    return g_strdup_printf (_ ("the annotation of %s"), holder->name);
  return g_strdup_printf ("%s %s", holder->kind, holder->name); /* "tuple #12" */
}

void
hs_snap_object_add_recorded_holder (HsSnapObject *obj, const char *kind, const char *name)
{
  HsSnapHolder h = { g_strdup (kind), g_strdup (name) };

  g_return_if_fail (obj != NULL);
  if (obj->recorded_holders->len == 0)
    {
      g_array_unref (obj->recorded_holders);
      obj->recorded_holders = g_array_new (FALSE, TRUE, sizeof (HsSnapHolder));
      g_array_set_clear_func (obj->recorded_holders, holder_clear);
    }
  g_array_append_val (obj->recorded_holders, h);
  hs_snap_object_add_hidden_holder (obj, describe_holder (&h));
}

char *
hs_snap_object_title (const HsSnapObject *obj)
{
  /* The id is formatted first: a G_GUINT64_FORMAT inside _() would hide the string from
   * xgettext. */
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, obj->id);
  g_autofree char *name = NULL;

  if (obj->kind == HS_SNAP_CLASS && obj->label != NULL)
    /* TRANSLATORS: a class in the diagram, e.g. "class Node #17" */
    return g_strdup_printf (_ ("class %s #%s"), obj->label, id);
  if (obj->kind == HS_SNAP_FUNCTION && obj->label != NULL)
    {
      /* The label is the signature, "f(a, b)": the name is what comes before "(". */
      name = g_strndup (obj->label, strcspn (obj->label, "("));
      /* TRANSLATORS: a function in the diagram, e.g. "function area #34" */
      return g_strdup_printf (_ ("function %s #%s"), name, id);
    }
  /* TRANSLATORS: an object in the diagram, e.g. "list #12" */
  return g_strdup_printf (_ ("%s #%s"), obj->type_name, id);
}

char *
hs_snap_count_words (gint64 count, const char *const *holders, guint n_holders)
{
  g_autofree char *total = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%lld reference", "%lld references", (gulong)count),
      (long long)count);
  g_autofree char *arrows = NULL, *hidden = NULL;
  g_autoptr (GString) list = g_string_new (NULL);
  gint64 n_arrows = MAX (count - (gint64)n_holders, 0);

  if (n_holders == 0)
    return g_steal_pointer (&total);
  arrows = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%lld arrow", "%lld arrows", (gulong)n_arrows),
      (long long)n_arrows);
  hidden = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hidden", "%u hidden", n_holders),
                            n_holders);
  for (guint i = 0; i < n_holders; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", holders[i]);
  /* TRANSLATORS: a count and what accounts for it: "3 references: 1 arrow, 2 hidden: the
   * code of f(), the parsed program" (the arrows drawn, then the holders not drawn) */
  return g_strdup_printf (_ ("%s: %s, %s: %s"), total, arrows, hidden, list->str);
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

/* Entry j of vars set to name = value (the name kept when it is the same); takes value's
 * text. */
static void
set_var (GArray *vars, guint j, const char *name, HsSnapValue value)
{
  HsSnapVar *var;

  if (j == vars->len)
    {
      HsSnapVar fresh = { g_strdup (name), value };

      g_array_append_val (vars, fresh);
      return;
    }
  var = &g_array_index (vars, HsSnapVar, j);
  if (g_strcmp0 (var->name, name) != 0)
    {
      g_free (var->name);
      var->name = g_strdup (name);
    }
  value_clear (&var->value);
  var->value = value;
}

void
hs_snap_frame_set_var (HsSnapFrame *frame, guint j, const char *name, HsSnapValue value)
{
  set_var (frame->vars, j, name, value);
}

void
hs_snap_frame_set_held (HsSnapFrame *frame, guint j, const char *label, HsSnapValue value)
{
  set_var (frame->held, j, label, value);
}

void
hs_snap_frame_end_vars (HsSnapFrame *frame, guint n_vars, guint n_held)
{
  if (frame->vars->len > n_vars)
    g_array_set_size (frame->vars, n_vars);
  if (frame->held->len > n_held)
    g_array_set_size (frame->held, n_held);
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
hs_snap_object_add_base (HsSnapObject *obj, const char *name)
{
  g_return_if_fail (obj != NULL);
  if (obj->bases == NULL)
    obj->bases = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (obj->bases, g_strdup (name));
}

void
hs_snap_object_add_cell (HsSnapObject *obj, const char *label, HsSnapValue key, HsSnapValue value)
{
  HsSnapCell cell = { g_strdup (label), key, value };

  g_return_if_fail (obj != NULL);
  g_array_append_val (obj->cells, cell);
}

void
hs_snap_object_add_item (HsSnapObject *obj, guint i, HsSnapValue value)
{
  HsSnapCell cell = { i < N_INDEX_LABELS ? (char *)index_label (i) : g_strdup_printf ("%u", i),
                      { HS_SNAP_VALUE_PRIMITIVE, 0, NULL, NULL },
                      value };

  g_return_if_fail (obj != NULL);
  g_array_append_val (obj->cells, cell);
}

void
hs_snap_object_set_item (HsSnapObject *obj, guint i, HsSnapValue value)
{
  HsSnapCell *cell;

  g_return_if_fail (obj != NULL && i < obj->cells->len);
  cell = &g_array_index (obj->cells, HsSnapCell, i);
  value_clear (&cell->value);
  cell->value = value;
}

void
hs_snap_object_fold_cells (HsSnapObject *obj, guint first, guint n, const char *label,
                           HsSnapValue value)
{
  HsSnapCell cell = { g_strdup (label), { HS_SNAP_VALUE_PRIMITIVE, 0, NULL, NULL }, value };

  g_return_if_fail (obj != NULL && first + n <= obj->cells->len);
  if (obj->folded_cells == NULL)
    {
      obj->folded_cells = g_array_new (FALSE, TRUE, sizeof (HsSnapCell));
      g_array_set_clear_func (obj->folded_cells, cell_clear);
    }
  /* moved, not copied: the folded cells' strings go with them (none for an empty part) */
  /* folded from the last part first: prepended, they stay in order */
  if (n > 0)
    {
      g_array_prepend_vals (obj->folded_cells, &g_array_index (obj->cells, HsSnapCell, first), n);
      memset (&g_array_index (obj->cells, HsSnapCell, first), 0, n * sizeof (HsSnapCell));
      g_array_remove_range (obj->cells, first, n);
    }
  g_array_insert_val (obj->cells, first, cell);
}

static gint
compare_objects (gconstpointer a, gconstpointer b)
{
  const HsSnapObject *oa = *(HsSnapObject *const *)a;
  const HsSnapObject *ob = *(HsSnapObject *const *)b;

  return oa->id < ob->id ? -1 : oa->id > ob->id;
}

/* Whether the objects are in id order already: a view removing some keeps the order (a
 * step of 200,000 tuples was sorted four times over to be drawn). */
static gboolean
objects_sorted (const HsSnapshot *snap)
{
  for (guint i = 1; i < snap->objects->len; i++)
    if (compare_objects (&snap->objects->pdata[i - 1], &snap->objects->pdata[i]) > 0)
      return FALSE;
  return TRUE;
}

void
hs_snapshot_index (HsSnapshot *snap)
{
  guint n;

  g_return_if_fail (snap != NULL);
  n = snap->objects->len;
  if (!objects_sorted (snap))
    g_ptr_array_sort (snap->objects, compare_objects);
  /* slots kept for refilling, unless far more than these objects need (a recycled
   * snapshot after a huge step) */
  if (snap->by_id.mask + 1 > 8 * MAX (n, 64))
    hs_id_map_clear (&snap->by_id);
  else
    hs_id_map_remove_all (&snap->by_id);
  for (guint i = 0; i < n; i++)
    {
      HsSnapObject *obj = g_ptr_array_index (snap->objects, i);

      hs_id_map_insert (&snap->by_id, obj->id, obj);
    }
}

void
hs_snapshot_reach_value (HsSnapshot *snap, GHashTable *seen, GQueue *todo, const HsSnapValue *v)
{
  HsSnapObject *o;

  if (v->kind != HS_SNAP_VALUE_REF || g_hash_table_contains (seen, &v->ref))
    return;
  o = hs_snapshot_lookup (snap, v->ref);
  if (o == NULL)
    return;
  g_hash_table_add (seen, &o->id);
  g_queue_push_tail (todo, o);
}

const HsSnapCell *
hs_snap_object_item (const HsSnapObject *obj, guint i)
{
  if (i >= obj->omitted_at && i < obj->omitted_at + obj->n_omitted)
    return NULL;
  if (i >= obj->omitted_at + obj->n_omitted)
    i -= obj->n_omitted;
  return i < obj->cells->len ? &g_array_index (obj->cells, HsSnapCell, i) : NULL;
}

void
hs_snapshot_reach_queued (HsSnapshot *snap, GHashTable *seen, GQueue *todo)
{
  HsSnapObject *o;

  while ((o = g_queue_pop_head (todo)) != NULL)
    {
      hs_snapshot_reach_value (snap, seen, todo, &o->class_ref);
      for (guint j = 0; o->omitted_refs != NULL && j < o->omitted_refs->len; j++)
        hs_snapshot_reach_value (
            snap, seen, todo,
            &(HsSnapValue){ HS_SNAP_VALUE_REF, g_array_index (o->omitted_refs, guint64, j) });
      for (guint j = 0; j < o->cells->len; j++)
        {
          HsSnapCell *c = &g_array_index (o->cells, HsSnapCell, j);
          hs_snapshot_reach_value (snap, seen, todo, &c->key);
          hs_snapshot_reach_value (snap, seen, todo, &c->value);
        }
    }
}

void
hs_snapshot_reach_from_frames (HsSnapshot *snap, GHashTable *seen, GQueue *todo)
{
  for (guint i = 0; i < snap->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (snap->frames, i);
      for (guint j = 0; j < f->vars->len; j++)
        hs_snapshot_reach_value (snap, seen, todo, &g_array_index (f->vars, HsSnapVar, j).value);
      for (guint j = 0; j < f->held->len; j++)
        hs_snapshot_reach_value (snap, seen, todo, &g_array_index (f->held, HsSnapVar, j).value);
    }
  hs_snapshot_reach_queued (snap, seen, todo);
}
