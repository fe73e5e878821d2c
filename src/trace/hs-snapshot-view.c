/* hs-snapshot-view.c — the learner's view of a snapshot: what the diagram and the panel show.
 *
 * Invariant: the view changes what is drawn, never a count. Every reference it stops
 * drawing (a hidden row, a cell of a hidden object) is added to its target's
 * hidden_holders, so arrows drawn + hidden holders = count still holds; an object that only
 * hidden holders keep alive is flagged HS_SNAP_FLAG_HIDDEN_HELD and drawn on its own. A
 * value moved onto the heap keeps its id, its count and every reference to it.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hs-inspect.h"
#include "hs-snapshot.h"

/* ---- what CPython makes behind the scenes ---------------------------------------- */

/* The row labels of hs-trace-record.c for values a frame holds that the program does not
 * name ("handling", the exception an except block handles, stays: the program wrote it). */
static gboolean
is_internal_label (const char *label)
{
  return label != NULL
         && (label[0] == '.' || g_str_equal (label, "iterator") || g_str_equal (label, "pending")
             || g_str_equal (label, "cell"));
}

/* A frame variable such as a comprehension's `.0`: no program can name it. */
static gboolean
is_internal_var (const char *name)
{
  return name != NULL && name[0] == '.';
}

/* Objects the interpreter makes for a loop or a closure that the program does not name. */
static gboolean
is_internal_type (const HsSnapObject *obj)
{
  const char *t = obj->type_name;

  if (obj->kind != HS_SNAP_OTHER || t == NULL)
    return FALSE;
  return g_str_has_suffix (t, "iterator") || g_str_equal (t, "enumerate") || g_str_equal (t, "zip")
         || g_str_equal (t, "reversed") || g_str_equal (t, "cell");
}

static char *
frame_title (const HsSnapFrame *frame)
{
  if (g_strcmp0 (frame->func_name, "<module>") == 0)
    return g_strdup (_ ("the global frame"));
  return g_strdup_printf ("%s()", frame->func_name);
}

/* The holder of a hidden row, in words, for the list of hidden holders. */
static char *
describe_row (const char *label, const char *where)
{
  if (g_str_equal (label, HS_FRAME_FUNC_LABEL))
    /* TRANSLATORS: a function's running frame holds it, e.g. "the frame of fact() running it" */
    return g_strdup_printf (_ ("the frame of %s running it"), where);
  if (label[0] == '.')
    /* TRANSLATORS: a comprehension's hidden argument, e.g. "the argument .0 of <listcomp>()" */
    return g_strdup_printf (_ ("the argument %s of %s"), label, where);
  if (g_str_equal (label, "iterator"))
    return g_strdup_printf (_ ("a for loop in %s"), where);
  if (g_str_equal (label, "cell"))
    return g_strdup_printf (_ ("an empty closure cell of %s"), where);
  return g_strdup_printf (_ ("an unfinished expression in %s"), where);
}

typedef struct
{
  HsSnapshot *snap;
  GHashTable *hidden; /* guint64* ids of hidden objects */
} Hide;

static HsSnapObject *
target_of (HsSnapshot *snap, const HsSnapValue *v)
{
  if (v->kind == HS_SNAP_VALUE_REF)
    return hs_snapshot_lookup (snap, v->ref);
  return v->ref != 0 ? g_hash_table_lookup (snap->inline_objects, &v->ref) : NULL;
}

static gboolean
has_row (const HsSnapObject *obj, const char *label)
{
  for (guint j = 0; j < obj->cells->len; j++)
    if (g_strcmp0 (g_array_index (obj->cells, HsSnapCell, j).label, label) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_label_in (const char *label, const char *const *labels)
{
  for (; *labels != NULL; labels++)
    if (g_str_equal (label, *labels))
      return TRUE;
  return FALSE;
}

/* Who wrote an object's row for its own use, the learner not having written it: "@dataclass"
 * for a dataclass's fields' dict, match args and generated methods (library code), "Enum"
 * for an enum class's member tables and a member's bookkeeping; NULL for any other row. */
static const char *
library_row_maker (HsSnapshot *snap, const HsSnapObject *obj, const HsSnapCell *cell)
{
  static const char *const enum_class_rows[]
      = { "_member_names_", "_member_map_", "_value2member_map_", "_flag_mask_",
          "_singles_mask_", "_all_bits_",   "_inverted_",         NULL };
  static const char *const enum_member_rows[] = { "__objclass__", "_sort_order_", NULL };
  const HsSnapObject *target;
  gboolean builtin = cell->value.kind == HS_SNAP_VALUE_PRIMITIVE && cell->value.text != NULL;

  if (cell->label == NULL)
    return NULL;
  if (obj->kind == HS_SNAP_INSTANCE)
    return has_row (obj, "__objclass__") && has_row (obj, "_name_") && has_row (obj, "_value_")
                   && is_label_in (cell->label, enum_member_rows)
               ? "Enum"
               : NULL;
  if (obj->kind != HS_SNAP_CLASS)
    return NULL;
  if (has_row (obj, "_member_map_")
      && (is_label_in (cell->label, enum_class_rows)
          || (builtin && g_str_equal (cell->label, "_generate_next_value_"))))
    return "Enum";
  if (g_str_equal (cell->label, "__dataclass_fields__")
      || g_str_equal (cell->label, "__dataclass_params__"))
    return "@dataclass";
  /* what else it sets: its match args, a built-in __repr__, __hash__ = None beside __eq__ */
  if (has_row (obj, "__dataclass_fields__")
      && (g_str_equal (cell->label, "__match_args__")
          || (builtin
              && ((g_str_equal (cell->label, "__repr__")
                   && g_str_has_prefix (cell->value.text, "<method '__repr__'"))
                  || (g_str_equal (cell->label, "__hash__")
                      && g_str_equal (cell->value.text, "None"))))))
    return "@dataclass";
  target = target_of (snap, &cell->value);
  return target != NULL && (target->flags & HS_SNAP_FLAG_LIBRARY) ? "@dataclass" : NULL;
}

static gboolean
is_library_cell (HsSnapshot *snap, const HsSnapObject *obj, const HsSnapCell *cell)
{
  return library_row_maker (snap, obj, cell) != NULL;
}

/* An object's row is internal when the object is a suspended generator's frame (its
 * pending values and `.0`) or when the library wrote it into a class; other objects'
 * labels are names the program gave. */
static gboolean
is_internal_cell (HsSnapshot *snap, const HsSnapObject *obj, const HsSnapCell *cell)
{
  return (obj->kind == HS_SNAP_OTHER && g_strcmp0 (obj->type_name, "generator") == 0
          && is_internal_label (cell->label))
         || is_library_cell (snap, obj, cell);
}

static void
add_shown_target (GHashTable *targets, const HsSnapValue *v)
{
  if (v->kind == HS_SNAP_VALUE_REF)
    g_hash_table_add (targets, (gpointer)&v->ref);
}

/* The ids shown places refer to: frame rows that are not internal, and the cells of
 * objects neither hidden nor freed. */
static GHashTable *
shown_targets (Hide *h)
{
  GHashTable *targets = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < h->snap->frames->len; i++)
    {
      const HsSnapFrame *f = g_ptr_array_index (h->snap->frames, i);

      for (guint j = 0; j < f->vars->len; j++)
        if (!is_internal_var (g_array_index (f->vars, HsSnapVar, j).name))
          add_shown_target (targets, &g_array_index (f->vars, HsSnapVar, j).value);
      for (guint j = 0; j < f->held->len; j++)
        if (!is_internal_label (g_array_index (f->held, HsSnapVar, j).name))
          add_shown_target (targets, &g_array_index (f->held, HsSnapVar, j).value);
    }
  for (guint i = 0; i < h->snap->objects->len; i++)
    {
      const HsSnapObject *o = g_ptr_array_index (h->snap->objects, i);

      if ((o->flags & HS_SNAP_FLAG_FREED) || g_hash_table_contains (h->hidden, &o->id))
        continue;
      add_shown_target (targets, &o->class_ref);
      for (guint j = 0; j < o->cells->len; j++)
        {
          const HsSnapCell *c = &g_array_index (o->cells, HsSnapCell, j);

          if (is_internal_cell (h->snap, o, c))
            continue;
          add_shown_target (targets, &c->key);
          add_shown_target (targets, &c->value);
        }
    }
  return targets;
}

/* Internal objects no shown place refers to are hidden; hiding one may leave another
 * (the list_iterator an enumerate holds) with hidden holders only, so repeat. A freed
 * one goes too: its holder was a loop. */
/* What only the library's rows reach: the objects they refer to, and theirs. */
static GHashTable *
library_reach (HsSnapshot *snap)
{
  GHashTable *reach = g_hash_table_new (g_int64_hash, g_int64_equal);
  GQueue todo = G_QUEUE_INIT;
  HsSnapObject *o, *t;

  for (guint i = 0; i < snap->objects->len; i++)
    {
      o = g_ptr_array_index (snap->objects, i);
      for (guint j = 0; j < o->cells->len; j++)
        if (is_library_cell (snap, o, &g_array_index (o->cells, HsSnapCell, j))
            && (t = target_of (snap, &g_array_index (o->cells, HsSnapCell, j).value)) != NULL
            && g_hash_table_add (reach, &t->id))
          g_queue_push_tail (&todo, t);
    }
  while ((o = g_queue_pop_head (&todo)) != NULL)
    for (guint j = 0; j < o->cells->len; j++)
      {
        const HsSnapCell *c = &g_array_index (o->cells, HsSnapCell, j);
        const HsSnapValue *parts[2] = { &c->key, &c->value };
        for (int k = 0; k < 2; k++)
          if ((t = target_of (snap, parts[k])) != NULL && g_hash_table_add (reach, &t->id))
            g_queue_push_tail (&todo, t);
      }
  return reach;
}

/* Whether o is internal or only the library's rows reach it, and not hidden yet. */
static gboolean
may_hide (Hide *h, GHashTable *library, const HsSnapObject *o)
{
  return (is_internal_type (o) || g_hash_table_contains (library, &o->id))
         && !g_hash_table_contains (h->hidden, &o->id);
}

/* Whether some object may be hidden: most steps have none, and the table of every shown
 * target is then not made (200,000 entries for a step of 200,000 tuples). */
static gboolean
any_may_hide (Hide *h, GHashTable *library)
{
  for (guint i = 0; i < h->snap->objects->len; i++)
    if (may_hide (h, library, g_ptr_array_index (h->snap->objects, i)))
      return TRUE;
  return FALSE;
}

static void
find_hidden_objects (Hide *h)
{
  g_autoptr (GHashTable) library = library_reach (h->snap);
  gboolean changed = TRUE;

  while (changed && any_may_hide (h, library))
    {
      g_autoptr (GHashTable) targets = shown_targets (h);

      changed = FALSE;
      for (guint i = 0; i < h->snap->objects->len; i++)
        {
          HsSnapObject *o = g_ptr_array_index (h->snap->objects, i);

          if (!may_hide (h, library, o) || g_hash_table_contains (targets, &o->id))
            continue;
          g_hash_table_add (h->hidden, &o->id);
          changed = TRUE;
        }
    }
}

/* A reference the view stops drawing: its target lists the holder instead. */
static void
hide_reference (Hide *h, const HsSnapValue *v, char *(*describe) (gconstpointer, gconstpointer),
                gconstpointer a, gconstpointer b)
{
  HsSnapObject *target = target_of (h->snap, v);

  if (target != NULL && !g_hash_table_contains (h->hidden, &target->id))
    hs_snap_object_add_hidden_holder (target, describe (a, b));
}

static char *
describe_row_in (gconstpointer label, gconstpointer where)
{
  return describe_row (label, where);
}

typedef struct
{
  const char *label, *where, *maker;
} LibraryRow;

static char *
describe_library_row (gconstpointer row, gconstpointer unused)
{
  const LibraryRow *r = row;

  /* TRANSLATORS: a row a library made for its own use, e.g. "__init__ of class Point #4,
   * made by @dataclass" or "_member_map_ of class Color #7, made by Enum" */
  return g_strdup_printf (_ ("%s of %s, made by %s"), r->label, r->where, r->maker);
}

static char *
describe_hidden_object (gconstpointer obj, gconstpointer unused)
{
  g_autofree char *title = hs_snap_object_title (obj);

  /* TRANSLATORS: an object the learner's view does not draw, e.g. "hidden list_iterator #12" */
  return g_strdup_printf (_ ("hidden %s"), title);
}

static void
hide_rows (Hide *h, GArray *rows, gboolean (*is_internal) (const char *), const char *where)
{
  for (guint j = rows->len; j-- > 0;)
    {
      HsSnapVar *var = &g_array_index (rows, HsSnapVar, j);

      if (!is_internal (var->name))
        continue;
      hide_reference (h, &var->value, describe_row_in, var->name, where);
      g_array_remove_index (rows, j);
    }
}

static void
hide_frame_rows (Hide *h, HsSnapFrame *f)
{
  g_autofree char *where = frame_title (f);

  hide_rows (h, f->vars, is_internal_var, where);
  hide_rows (h, f->held, is_internal_label, where);
}

static void
hide_object_cells (Hide *h, HsSnapObject *o)
{
  gboolean whole = g_hash_table_contains (h->hidden, &o->id);
  g_autofree char *where = NULL; /* the title, made for the first row hidden */
  LibraryRow row = { NULL, NULL, NULL };
  const char *few[8] = { NULL }; /* most objects' makers: no allocation for each */
  g_autofree const char **many = NULL;
  const char **makers;

  if (o->flags & HS_SNAP_FLAG_FREED) /* its references no longer count */
    return;
  if (whole)
    hide_reference (h, &o->class_ref, describe_hidden_object, o, NULL);
  /* decided before any row goes: whether a row is the library's depends on the others */
  makers
      = o->cells->len <= G_N_ELEMENTS (few) ? few : (many = g_new0 (const char *, o->cells->len));
  for (guint j = 0; !whole && j < o->cells->len; j++)
    makers[j] = library_row_maker (h->snap, o, &g_array_index (o->cells, HsSnapCell, j));
  for (guint j = o->cells->len; j-- > 0;)
    {
      HsSnapCell *c = &g_array_index (o->cells, HsSnapCell, j);

      if (whole)
        {
          hide_reference (h, &c->key, describe_hidden_object, o, NULL);
          hide_reference (h, &c->value, describe_hidden_object, o, NULL);
        }
      else if ((row.maker = makers[j]) != NULL)
        {
          row.where = where = where ?: hs_snap_object_title (o);
          row.label = c->label;
          hide_reference (h, &c->value, describe_library_row, &row, NULL);
          g_array_remove_index (o->cells, j);
        }
      else if (is_internal_cell (h->snap, o, c))
        {
          where = where ?: hs_snap_object_title (o);
          hide_reference (h, &c->value, describe_row_in, c->label, where);
          g_array_remove_index (o->cells, j);
        }
    }
}

/* ---- reachability ------------------------------------------------------------------ */

/* Objects the program still reaches, but only through what the view hides, become roots
 * of their own (the list a `for` loop walks that no variable names). */
static void
flag_hidden_held (HsSnapshot *snap)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GQueue todo = G_QUEUE_INIT;
  HsSnapObject *o;

  hs_snapshot_reach_from_frames (snap, seen, &todo);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      o = g_ptr_array_index (snap->objects, i);
      if (o->immortal || (o->flags & (HS_SNAP_FLAG_FREED | HS_SNAP_FLAG_UNREACHABLE))
          || g_hash_table_contains (seen, &o->id))
        continue;
      o->flags |= HS_SNAP_FLAG_HIDDEN_HELD;
      g_hash_table_add (seen, &o->id);
      g_queue_push_tail (&todo, o);
    }
  hs_snapshot_reach_queued (snap, seen, &todo);
  /* An immortal object has no count to explain: left out, as hs-trace-state.c does. */
  for (guint i = snap->objects->len; i-- > 0;)
    {
      o = g_ptr_array_index (snap->objects, i);
      if (o->immortal && !(o->flags & HS_SNAP_FLAG_FREED) && !g_hash_table_contains (seen, &o->id))
        g_ptr_array_remove_index (snap->objects, i);
    }
  hs_snapshot_index (snap);
}

static void
hide_internals (HsSnapshot *snap)
{
  Hide h = { snap, g_hash_table_new (g_int64_hash, g_int64_equal) };

  find_hidden_objects (&h);
  for (guint i = 0; i < snap->frames->len; i++)
    hide_frame_rows (&h, g_ptr_array_index (snap->frames, i));
  for (guint i = 0; i < snap->objects->len; i++)
    hide_object_cells (&h, g_ptr_array_index (snap->objects, i));
  /* Removed last: the hash table holds pointers to their ids. */
  for (guint i = snap->objects->len; i-- > 0;)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (g_hash_table_remove (h.hidden, &o->id))
        g_ptr_array_remove_index (snap->objects, i);
    }
  g_hash_table_unref (h.hidden);
  hs_snapshot_index (snap);
  flag_hidden_held (snap);
}

/* ---- sharing ----------------------------------------------------------------------- */

typedef struct
{
  HsSnapshot *snap;
  HsIdMap places;     /* id (of inline_objects) -> number of shown places (as a pointer) */
  GHashTable *twins;  /* HsSnapObject* -> itself, one per value (its type and repr) */
  GHashTable *shared; /* guint64* ids to move onto the heap */
} Share;

typedef void (*ValueFunc) (Share *s, HsSnapValue *v);

/* Every place the view shows a value that makes it shared: frame rows and the values in
 * the cells of live objects; with `all_places`, also the cells of freed objects and keys,
 * which follow a value onto the heap but do not send it there: a dict's keys alone leave
 * a value inline, as Python Tutor draws them, since the same key string in every dict of a
 * list (or of a 300-deep chain) would cross the diagram with arrows that teach nothing and
 * take dot minutes to lay out. */
static void
for_each_shown_value (Share *s, ValueFunc func, gboolean all_places)
{
  for (guint i = 0; i < s->snap->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (s->snap->frames, i);
      for (guint j = 0; j < f->vars->len; j++)
        func (s, &g_array_index (f->vars, HsSnapVar, j).value);
      for (guint j = 0; j < f->held->len; j++)
        func (s, &g_array_index (f->held, HsSnapVar, j).value);
    }
  for (guint i = 0; i < s->snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (s->snap->objects, i);

      if ((o->flags & HS_SNAP_FLAG_FREED) && !all_places)
        continue;
      for (guint j = 0; j < o->cells->len; j++)
        {
          if (all_places)
            func (s, &g_array_index (o->cells, HsSnapCell, j).key);
          func (s, &g_array_index (o->cells, HsSnapCell, j).value);
        }
    }
}

static HsSnapObject *
shareable (Share *s, const HsSnapValue *v)
{
  HsSnapObject *o;

  if (v->kind != HS_SNAP_VALUE_PRIMITIVE || v->ref == 0)
    return NULL;
  o = g_hash_table_lookup (s->snap->inline_objects, &v->ref);
  /* None, True and False are each one object wherever they appear. */
  if (o == NULL || g_strcmp0 (o->type_name, "NoneType") == 0
      || g_strcmp0 (o->type_name, "bool") == 0)
    return NULL;
  return o;
}

/* Inline objects by value: twins (equal values, two objects) hash and compare equal. */
static guint
value_hash (gconstpointer p)
{
  const HsSnapObject *o = p;

  return g_str_hash (o->type_name) * 31 + (o->label != NULL ? g_str_hash (o->label) : 0);
}

static gboolean
value_equal (gconstpointer a, gconstpointer b)
{
  const HsSnapObject *x = a, *y = b;

  return strcmp (x->type_name, y->type_name) == 0 && g_strcmp0 (x->label, y->label) == 0;
}

/* One more shown place of v's value, shared from its second; an equal value of another
 * object makes both shared. (A table of ids per value made a table for each of 200,000
 * distinct ints.) */
static void
count_place (Share *s, HsSnapValue *v)
{
  HsSnapObject *o = shareable (s, v), *twin;
  gsize places;

  if (o == NULL)
    return;
  places = GPOINTER_TO_SIZE (hs_id_map_lookup (&s->places, o->id)) + 1;
  hs_id_map_insert (&s->places, o->id, GSIZE_TO_POINTER (places));
  if (places == 2)
    g_hash_table_add (s->shared, &o->id);
  twin = g_hash_table_lookup (s->twins, o);
  if (twin == NULL)
    g_hash_table_add (s->twins, o);
  else if (twin != o)
    {
      g_hash_table_add (s->shared, &twin->id);
      g_hash_table_add (s->shared, &o->id);
    }
}

static void
to_reference (Share *s, HsSnapValue *v)
{
  if (v->kind == HS_SNAP_VALUE_PRIMITIVE && v->ref != 0
      && g_hash_table_contains (s->shared, &v->ref))
    {
      g_clear_pointer (&v->text, g_free);
      v->type_name = NULL;
      v->kind = HS_SNAP_VALUE_REF;
    }
}

static void
share_values (HsSnapshot *snap)
{
  Share s = { snap,
              { 0 },
              g_hash_table_new (value_hash, value_equal),
              g_hash_table_new (g_int64_hash, g_int64_equal) };
  GHashTableIter it;
  gpointer key;

  hs_id_map_init (&s.places);
  for_each_shown_value (&s, count_place, FALSE);
  hs_id_map_clear (&s.places);
  for_each_shown_value (&s, to_reference, TRUE);
  g_hash_table_iter_init (&it, s.shared);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      HsSnapObject *o = g_hash_table_lookup (snap->inline_objects, key);

      g_hash_table_iter_remove (&it); /* the key points into `o` */
      g_hash_table_steal (snap->inline_objects, &o->id);
      g_ptr_array_add (snap->objects, o);
    }
  g_hash_table_unref (s.twins);
  g_hash_table_unref (s.shared);
  hs_snapshot_index (snap);
}

/* Python Tutor shows `__return__` as None in a frame an exception ends, which returns
 * nothing: the view leaves the row out. */
static void
drop_raising_return (HsSnapshot *snap)
{
  HsSnapFrame *top;

  if (snap->raised == NULL || snap->frames->len == 0)
    return;
  top = g_ptr_array_index (snap->frames, snap->frames->len - 1);
  for (guint j = top->vars->len; j-- > 0;)
    if (g_strcmp0 (g_array_index (top->vars, HsSnapVar, j).name, "__return__") == 0)
      g_array_remove_index (top->vars, j);
}

/* The program's globals dict reached as a dict (`g = globals()`) is the global frame: its
 * entries, which the frame draws and counts, are not drawn again. */
static void
empty_globals (HsSnapshot *snap)
{
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);

      if (!(o->flags & HS_SNAP_FLAG_GLOBALS))
        continue;
      g_array_set_size (o->cells, 0);
      g_free (o->label);
      o->label = g_strdup (_ ("its entries: the Global frame"));
    }
}

void
hs_snapshot_apply_view (HsSnapshot *snap, HsViewFlags flags)
{
  g_return_if_fail (snap != NULL);
  drop_raising_return (snap);
  empty_globals (snap);
  if (!(flags & HS_VIEW_SHOW_INTERNALS))
    hide_internals (snap);
  share_values (snap);
}
