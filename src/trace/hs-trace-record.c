/* hs-trace-record.c — recording a run: the VM's step hook writes each step's delta.
 *
 * Invariant: an object is "traced" (HS_FLAG_TRACED, or in `immortals`) once its full
 * contents are in the log; from then on every change to it is in the log too: container
 * mutations through the VM's dirty list, its death through the free hook. An object is
 * traced the first time a traced object or a frame refers to it, so the log holds exactly
 * what the diagram can reach, plus what became unreachable while alive (a leaked cycle).
 * The frames are recorded by hs-trace-record-frames.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-trace-record-private.h"

#include "hs-builtin-subclass.h"
#include "hs-bytes.h"
#include "hs-cell.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-dictkinds.h"
#include "hs-float.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-inspect.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-weakref.h"

/* Deltas between keyframes (keyframe_due): at least this many bytes; at most the
 * keyframe's size (so keyframes never cost more than the deltas, and a replay reads at
 * most twice a keyframe) and, while the keyframes stay within KEYFRAME_BUDGET_BYTES, at
 * most KEYFRAME_MAX_DELTA_BYTES (so the deltas a replay applies after a big keyframe are
 * bounded: a million-step run building a 500,000-item list replayed up to 270,000 steps). */
#define KEYFRAME_MIN_DELTA_BYTES (8 * 1024)
#ifndef KEYFRAME_MAX_DELTA_BYTES
#define KEYFRAME_MAX_DELTA_BYTES (1024 * 1024)
#endif
#define KEYFRAME_BUDGET_BYTES (256 * 1024 * 1024)

/* One row of an object as the diagram draws it: a reference its type's `refs` describes. */
typedef struct
{
  HsRefKind kind; /* of the reference (an unfolded part's are ATTR) */
  gsize index;    /* ITEM, KEY, VALUE */
  guint32 label;  /* pooled name, 0 for none */
  HsObject *child;
} Row;

/* ---- object contents ------------------------------------------------------------ */

/* The recording stops (with a last step saying so) once the trace holds this much: its
 * deltas, keyframes, step index and texts (recorded_bytes). A program can change a big heap at
 * every step (a list of 900,000 items assigned to at its front logs all of it each time); without a
 * bound the trace filled the address space and aborted. */
#ifndef TRACE_BUDGET_BYTES
#define TRACE_BUDGET_BYTES ((gsize)256 * 1024 * 1024)
#endif
/* What a pooled text costs beyond its bytes (its pointer, its entry in the pool's index,
 * malloc's header and rounding), and an entry of the recorder's table of texts: counted
 * with the budget, since a loop making short strs and ints pools one per object. */
#define POOL_ENTRY_BYTES 64
#define TEXTS_ENTRY_BYTES 32

/* The keyframes' bytes, kept or (forward_only) measured only. */
static guint64
keyframe_bytes (Recorder *rec)
{
  return rec->trace->keylog.len + rec->dropped_keyframe_bytes;
}

/* What the recording holds, as its budget counts it: the logs, the step index, the pooled
 * texts. Only the logs and the texts' bytes were counted, and a recording stopped at its
 * 256 MB peaked at 577 MB (the steps of a 2-million-step loop are 86 MB). */
static gsize
recorded_bytes (Recorder *rec)
{
  HsTrace *t = rec->trace;

  return t->log.len + keyframe_bytes (rec) + t->steps.len + t->pool.bytes
         + t->pool.strings->len * POOL_ENTRY_BYTES
         + g_hash_table_size (rec->texts) * TEXTS_ENTRY_BYTES;
}

/* A function's rows begin with its parameters' defaults, one per value (function_refs). */
static guint64
function_n_defaults (HsObject *o)
{
  HsFunction *fn = HS_FUNCTION (o);
  return (fn->defaults != NULL ? hs_tuple_len (fn->defaults) : 0)
         + (fn->kwdefaults != NULL ? hs_dict_len (fn->kwdefaults) : 0);
}

static void
put_header (Recorder *rec, HsLog *log, HsTraceOp op, HsObject *o, HsSnapKind kind,
            const char *label)
{
  gboolean function = HS_IS (o, &hs_function_type);

  hs_log_put (log, op);
  hs_log_put (log, hs_object_id (o));
  hs_log_put (log, kind);
  hs_log_put (log, pool (rec, HS_TYPE (o)->name));
  hs_log_put (log, pool (rec, label));
  hs_log_put (
      log,
      (hs_is_immortal (o) ? HS_HEADER_IMMORTAL : 0)
          | (function && (HS_FUNCTION (o)->code->flags & HS_CODE_LIBRARY) ? HS_HEADER_LIBRARY : 0)
          | (o == hs_inspect_globals (rec->vm) ? HS_HEADER_GLOBALS : 0)
          | (function ? function_n_defaults (o) << HS_HEADER_DEFAULTS_SHIFT : 0));
}

/* Built-in functions, types, modules, a module's classes (UserDict, Enum: immortal), a class's
 * `__dict__`/`__weakref__` descriptors are part of the language, not of the program's memory:
 * shown by name, inline, like a number, without a count (a module lives as long as the run in
 * the VM's table of modules, a descriptor as long as its class: one arrow short). */
static gboolean
is_part_of_language (HsObject *o)
{
  return (hs_is_immortal (o) && !HS_IS (o, &hs_tuple_type)) || hs_module_check (o)
         || HS_IS (o, &hs_getset_descr_type) || HS_IS (o, &hs_member_descr_type);
}

static void
put_primitive (Recorder *rec, HsLog *log, HsObject *o, const char *type_name)
{
  hs_log_put (log, HS_REC_PRIM);
  hs_log_put (log, hs_object_id (o));
  hs_log_put (log, pool (rec, type_name));
  hs_log_put (log, hs_record_primitive_text (rec, o));
  hs_log_put (log, is_part_of_language (o));
}

/* A collection past this many items cannot be drawn item by item: recording stops at the
 * step that made it, with a message, rather than filling memory. */
#define MAX_RECORDED_ITEMS 1000000

/* Clips a collection's length to what is recorded, noting the first one too large. */
static gsize
clip_items (Recorder *rec, HsObject *o, gsize n)
{
  if (n <= MAX_RECORDED_ITEMS)
    return n;
  if (rec->oversized_len == 0)
    {
      rec->oversized_len = n;
      rec->oversized_type = HS_TYPE (o)->name;
    }
  return MAX_RECORDED_ITEMS;
}

/* ---- rows: an object's references as its type describes them (refs) --------------- */

typedef struct
{
  Recorder *rec;
  HsObject *holder;
  HsRefNameFn name;
  HsObject *key;  /* of the entry whose value comes next */
  HsObject *part; /* the unfolded object, when its rows are marked as its (part_label) */
  guint32 part_label;
} Unfold;

static void
add_row (Recorder *rec, HsRefKind kind, gsize index, guint32 label, HsObject *child)
{
  Row row = { kind, index, label, child };
  g_array_append_val (rec->rows, row);
}

/* A reference of an unfolded part, drawn as a row of its holder (or not at all). */
static void
unfold_row (HsObject *child, const HsRef *ref, gpointer data)
{
  Unfold *u = data;
  const char *name;

  if (ref->kind == HS_REF_KEY)
    {
      u->key = child;
      return;
    }
  name = u->name (u->holder, ref, ref->kind == HS_REF_VALUE ? u->key : NULL);
  if (name == NULL)
    return;
  if (u->part_label != 0)
    add_row (u->rec, HS_REF_ATTR, 0, u->part_label, u->part);
  add_row (u->rec, HS_REF_ATTR, 0, pool (u->rec, name), child);
}

/* The marker of the rows a function or an instance draws from one of its parts
 * (HS_TRACE_PART_PREFIX), or 0 for an unfolded object whose rows are the holder's own (a
 * class's namespace). */
static guint32
part_label (Recorder *rec, HsObject *holder, HsObject *part)
{
  HsFunction *fn = HS_IS (holder, &hs_function_type) ? HS_FUNCTION (holder) : NULL;
  const char *name = hs_instance_check (holder) && part == hs_instance_dict_borrow (holder)
                         ? HS_TRACE_PART_PREFIX "__dict__"
                     : fn == NULL             ? NULL
                     : part == fn->defaults   ? HS_TRACE_PART_PREFIX "__defaults__"
                     : part == fn->kwdefaults ? HS_TRACE_PART_PREFIX "__kwdefaults__"
                     : part == fn->closure    ? HS_TRACE_PART_PREFIX "__closure__"
                     : part == fn->dict       ? HS_TRACE_PART_PREFIX "__dict__"
                                              : NULL;
  return name != NULL ? pool (rec, name) : 0;
}

static void
row_of_ref (HsObject *child, const HsRef *ref, gpointer data)
{
  Unfold *u = data;
  Recorder *rec = u->rec;

  switch (ref->kind)
    {
      case HS_REF_UNFOLD:
        {
          Unfold part
              = { rec, u->holder, ref->unfold, NULL, child, part_label (rec, u->holder, child) };
          guint before = rec->rows->len;
          hs_object_refs (child, unfold_row, &part);
          if (part.part_label != 0 && rec->rows->len == before)
            {
              /* an empty part (a cleared __dict__) still holds a reference: its marker,
               * then a row of no name and no value (HS_TRACE_PART_PREFIX) */
              add_row (rec, HS_REF_ATTR, 0, part.part_label, child);
              add_row (rec, HS_REF_ATTR, 0, 0, NULL);
            }
          return;
        }
      case HS_REF_HIDDEN:
        return;
      case HS_REF_ATTR:
        add_row (rec, ref->kind, 0, pool (rec, ref->name), child);
        return;
      case HS_REF_ATTR_STR:
        add_row (rec, ref->kind, 0, pool (rec, hs_str_utf8 (ref->name_obj)), child);
        return;
      case HS_REF_CLASS:
        add_row (rec, ref->kind, 0, rec->str_class, child);
        return;
      default:
        add_row (rec, ref->kind, ref->index, 0, child);
    }
}

/* The rows the diagram draws for o (or for a generator's frame f), in rec->rows, valid
 * until the next call. */
static const Row *
rows_of (Recorder *rec, HsObject *o, HsFrame *f, guint *n)
{
  Unfold u = { rec, o, NULL, NULL, NULL, 0 };

  g_array_set_size (rec->rows, 0);
  if (f != NULL)
    hs_frame_refs (f, row_of_ref, &u);
  else
    hs_object_refs (o, row_of_ref, &u);
  *n = rec->rows->len;
  return (const Row *)rec->rows->data;
}

static void
put_rows (Recorder *rec, HsLog *log, const Row *rows, guint n, gboolean skip_class)
{
  for (guint i = 0; i < n; i++)
    if (!skip_class || rows[i].kind != HS_REF_CLASS)
      {
        hs_log_put (log, rows[i].label);
        hs_log_put (log, ref (rec, rows[i].child));
      }
}

static void
put_sequence (Recorder *rec, HsLog *log, HsObject *o, HsSnapKind kind)
{
  guint n;
  const Row *rows;

  /* a list's rows are its items (list_refs): read in place, not row by row (a keyframe
   * puts every traced list again) */
  if (HS_IS (o, &hs_list_type))
    {
      n = clip_items (rec, o, hs_list_len (o));
      put_header (rec, log, HS_REC_OBJ, o, kind, NULL);
      hs_log_put (log, n);
      for (guint i = 0; i < n; i++)
        hs_log_put (log, ref (rec, hs_list_get_borrow (o, i)));
      return;
    }
  rows = rows_of (rec, o, NULL, &n);

  n = clip_items (rec, o, n);
  put_header (rec, log, HS_REC_OBJ, o, kind, NULL);
  hs_log_put (log, n);
  for (guint i = 0; i < n; i++)
    hs_log_put (log, ref (rec, rows[i].child));
}

/* A range record's start: op id n lo count, for the parts [lo, hi) of o's n. */
static void
put_range_header (HsLog *log, HsTraceOp op, HsObject *o, gsize n, gsize lo, gsize hi)
{
  hs_log_put (log, op);
  hs_log_put (log, hs_object_id (o));
  hs_log_put (log, n);
  hs_log_put (log, lo);
  hs_log_put (log, hi - lo);
}

/* A set's table slots [lo, hi): each key, or 0 for an empty or deleted slot. */
static void
put_set_slots (Recorder *rec, HsLog *log, HsSet *so, gsize lo, gsize hi)
{
  for (gsize i = lo; i < hi; i++)
    {
      HsObject *key = so->table[i].key;
      hs_log_put (log, key != NULL && so->table[i].hash != -1 ? ref (rec, key) : 0);
    }
}

/* Slot by slot, so that an add or a discard records its slot only (put_set_range): a set
 * growing item by item was rewritten whole at each add, quadratic. */
static void
put_set (Recorder *rec, HsLog *log, HsObject *o)
{
  HsSet *so = HS_SET (o);
  gsize nslots = so->mask + 1;

  if (clip_items (rec, o, so->used) < so->used)
    {
      put_sequence (rec, log, o, HS_SNAP_SET);
      return;
    }
  put_header (rec, log, HS_REC_SLOTS, o, HS_SNAP_SET, NULL);
  hs_log_put (log, nslots);
  put_set_slots (rec, log, so, 0, nslots);
}

static void
put_set_range (Recorder *rec, HsObject *o, gsize lo, gsize hi)
{
  HsLog *log = &rec->trace->log;
  HsSet *so = HS_SET (o);
  gsize nslots = so->mask + 1;

  lo = MIN (lo, nslots);
  hi = CLAMP (hi, lo, nslots);
  put_range_header (log, HS_REC_SLOTS_RANGE, o, nslots, lo, hi);
  put_set_slots (rec, log, so, lo, hi);
}

static void
put_dict_entries (Recorder *rec, HsLog *log, HsDict *d, gsize lo, gsize hi)
{
  for (gsize i = lo; i < hi; i++)
    {
      hs_log_put (log, ref (rec, d->entries[i].key));
      hs_log_put (log, ref (rec, d->entries[i].value));
    }
}

/* Entry slots in order, deleted ones included, so that later changes can name a slot. A
 * subtype of dict (defaultdict) may have one named reference more (its default factory),
 * written last as the pair (0, it), its name in the header when it is part of the
 * language. Such dicts are written whole at every change (flush_dirty), so the pair
 * stays last. */
static void
put_dict (Recorder *rec, HsLog *log, HsObject *o)
{
  guint nrows;
  const Row *rows, *extra, *pair, *end;
  g_autofree char *label = NULL;
  gsize n = clip_items (rec, o, HS_DICT (o)->nentries);

  /* a plain dict's rows are its entries (dict_refs): read in place, not row by row (a
   * growing dict is put whole at each resize, a third of a recording of dict inserts) */
  if (HS_IS (o, &hs_dict_type))
    {
      put_header (rec, log, HS_REC_PAIRS, o, HS_SNAP_DICT, NULL);
      hs_log_put (log, n);
      put_dict_entries (rec, log, HS_DICT (o), 0, n);
      return;
    }
  rows = rows_of (rec, o, NULL, &nrows);
  extra = nrows > 0 && rows[nrows - 1].kind == HS_REF_ATTR ? &rows[nrows - 1] : NULL;
  pair = rows;
  end = rows + (nrows - (extra != NULL)) / 2 * 2;
  if (extra != NULL && extra->child == hs_None)
    label = g_strdup ("None");
  else if (extra != NULL && hs_is_immortal (extra->child))
    label = g_strdup (hs_type_check (extra->child) ? ((HsType *)extra->child)->name
                                                   : HS_TYPE (extra->child)->name);
  put_header (rec, log, HS_REC_PAIRS, o, HS_SNAP_DICT, label);
  hs_log_put (log, n + (extra != NULL));
  for (gsize slot = 0; slot < n; slot++)
    if (pair < end && pair->index == slot)
      {
        hs_log_put (log, ref (rec, pair[0].child));
        hs_log_put (log, ref (rec, pair[1].child));
        pair += 2;
      }
    else
      {
        hs_log_put (log, 0); /* a deleted entry */
        hs_log_put (log, 0);
      }
  if (extra != NULL)
    {
      hs_log_put (log, 0);
      hs_log_put (log, ref (rec, extra->child));
    }
}

static void
put_dict_range (Recorder *rec, HsObject *o, gsize lo, gsize hi)
{
  HsLog *log = &rec->trace->log;
  HsDict *d = HS_DICT (o);

  gsize n = clip_items (rec, o, d->nentries);

  lo = MIN (lo, n);
  hi = CLAMP (hi, lo, n);
  put_range_header (log, HS_REC_DICT_RANGE, o, n, lo, hi);
  put_dict_entries (rec, log, d, lo, hi);
}

/* An instance's materialised __dict__ (or a function's) is its part: a change to it shows
 * in its rows. The dict it had before (replaced by `obj.__dict__ = {}`) no longer does. */
static void
note_dict_part (Recorder *rec, HsObject *o, HsObject *dict)
{
  HsObject *before = g_hash_table_lookup (rec->dict_parts, o);

  if (before != NULL && before != dict && g_hash_table_lookup (rec->part_owners, before) == o)
    g_hash_table_remove (rec->part_owners, before);
  if (dict == NULL)
    {
      g_hash_table_remove (rec->dict_parts, o);
      return;
    }
  HsObject *other = g_hash_table_lookup (rec->part_owners, dict);
  if (other != NULL && other != o && g_hash_table_lookup (rec->dict_parts, other) == dict)
    rec->shared_dicts = TRUE;
  g_hash_table_insert (rec->dict_parts, o, dict);
  g_hash_table_insert (rec->part_owners, dict, o);
}

/* A function shows its signature, then its rows (its refs: default values and the cells
 * it closes over). */
static void
put_function (Recorder *rec, HsLog *log, HsObject *o)
{
  HsFunction *fn = HS_FUNCTION (o);
  HsObject *parts[] = { fn->defaults, fn->kwdefaults, fn->closure };
  HsCode *code = fn->code;
  int n = hs_function_nparams (fn);
  g_autoptr (GString) label = g_string_new (hs_str_utf8 (fn->name));
  guint nrows;
  const Row *rows;

  g_string_append_c (label, '(');
  for (int i = 0; i < n; i++)
    g_string_append_printf (label, "%s%s", i ? ", " : "", hs_function_param_name (fn, i));
  hs_record_append_star_params (label, code);
  g_string_append_c (label, ')');
  hs_record_append_lambda_line (label, code);
  put_header (rec, log, HS_REC_ATTRS, o, HS_SNAP_FUNCTION, label->str);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_hash_table_insert (rec->part_owners, parts[i], o);
  note_dict_part (rec, o, fn->dict);
  rows = rows_of (rec, o, NULL, &nrows);
  hs_log_put (log, nrows);
  put_rows (rec, log, rows, nrows, FALSE);
  guint64 parent = hs_record_shown_frame_id (rec, code, fn->parent_frame_id);
  if (parent != 0)
    {
      hs_log_put (log, HS_REC_FUNC_PARENT);
      hs_log_put (log, hs_object_id (o));
      hs_log_put (log, parent);
      hs_record_mark_parent (rec, log, fn->parent_frame_id);
    }
}

/* An instance of a class derived from a built-in: its shape (a list's or deque's cells, a
 * dict's or Counter's entries, an int's, float's or str's value as its label), the class
 * row and the attributes. A dict entry is two rows, the key's named HS_TRACE_KEY_ATTR. */
static void
put_builtin_subclass (Recorder *rec, HsLog *log, HsObject *o, const HsType *base)
{
  guint n;
  const Row *rows = rows_of (rec, o, NULL, &n);
  HsSnapKind kind = hs_list_check (o) || (base->type_flags & HS_TYPE_DRAWN_AS_LIST) ? HS_SNAP_LIST
                    : hs_type_is_subtype (base, &hs_tuple_type)                     ? HS_SNAP_TUPLE
                    : hs_dict_check (o)                                             ? HS_SNAP_DICT
                    : hs_anyset_check (o)                                           ? HS_SNAP_SET
                                                                                    : HS_SNAP_OTHER;
  g_autofree char *label
      = kind == HS_SNAP_OTHER ? hs_builtin_subclass_value_repr (rec->vm, o) : NULL;

  put_header (rec, log, HS_REC_ATTRS, o, kind, label);
  hs_log_put (log, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *index = rows[i].kind == HS_REF_ITEM
                                   ? g_strdup_printf ("%" G_GSIZE_FORMAT, rows[i].index)
                                   : NULL;
      hs_log_put (log, index != NULL                ? pool (rec, index)
                       : rows[i].kind == HS_REF_KEY ? pool (rec, HS_TRACE_KEY_ATTR)
                                                    : rows[i].label);
      hs_log_put (log, ref (rec, rows[i].child));
    }
}

/* Instances (user classes', exceptions, built-in objects drawn as instances): the class,
 * then the rows (the type's refs). A namedtuple is a tuple whose items are named by its
 * fields (no class row: a tuple is drawn without one). */
static void
put_instance (Recorder *rec, HsLog *log, HsObject *o)
{
  gboolean tuple = hs_tuple_check (o);
  guint nrows, nclass = 0;
  const Row *rows = rows_of (rec, o, NULL, &nrows);

  note_dict_part (rec, o, hs_instance_check (o) ? hs_instance_dict_borrow (o) : NULL);

  for (guint i = 0; i < nrows; i++)
    nclass += rows[i].kind == HS_REF_CLASS;
  put_header (rec, log, HS_REC_ATTRS, o, tuple ? HS_SNAP_TUPLE : HS_SNAP_INSTANCE, NULL);
  hs_log_put (log, nrows - nclass + !tuple);
  if (!tuple)
    {
      hs_log_put (log, rec->str_class);
      hs_log_put (log, ref (rec, (HsObject *)HS_TYPE (o)));
    }
  put_rows (rec, log, rows, nrows, TRUE);
}

/* A class shows its rows (its refs: its base, a built-in one recorded inline by its name,
 * and the entries of its namespace dict, which is not drawn itself); a class with several
 * bases also names them all, after its base row. */
static void
put_class (Recorder *rec, HsLog *log, HsObject *o)
{
  HsObject *dict = hs_class_dict_borrow (o);
  HsObject *bases = hs_class_bases_borrow (o);
  gsize nbases = bases != NULL && hs_tuple_len (bases) > 1 ? hs_tuple_len (bases) : 0;
  guint nrows, first = 0;
  const Row *rows;

  if (dict != NULL && !g_hash_table_contains (rec->class_dicts, dict))
    {
      g_autoptr (GPtrArray) hidden = hs_record_hidden_rows (o);
      g_hash_table_insert (rec->class_dicts, dict, o);
      hs_record_put_ancestor_holders (rec, log, o, NULL);
      hs_record_put_traced_internal_holders (rec, log, o);
      /* its docstring, a constant traced before, is held by the namespace now */
      for (guint i = 1; i < hidden->len; i += 2)
        {
          HsObject *v = hidden->pdata[i];
          if ((v->flags & HS_FLAG_TRACED) && !g_ptr_array_find (rec->todo, v, NULL))
            hs_record_put_holders (rec, log, v, NULL);
        }
    }
  put_header (rec, log, HS_REC_ATTRS, o, HS_SNAP_CLASS, hs_class_name (o));
  rows = rows_of (rec, o, NULL, &nrows);
  hs_log_put (log, nrows + nbases);
  for (; first < nrows && rows[first].kind == HS_REF_CLASS; first++)
    put_rows (rec, log, rows + first, 1, FALSE);
  for (gsize i = 0; i < nbases; i++)
    {
      hs_log_put (log, rec->str_base);
      hs_log_put (log, pool (rec, ((HsType *)hs_tuple_get_borrow (bases, i))->name));
    }
  put_rows (rec, log, rows + first, nrows - first, FALSE);
}

/* What a generator's rows are made of (its frame's code, locals, stack and pending call),
 * each object by address and id, in `out`. */
static void
generator_sources (HsObject *gen, GArray *out)
{
  HsFrame *f = HS_GENERATOR (gen)->frame;
  HsObject *const *objs[3];
  int n[3];
  guint ncall = 0;
  guint64 *p;

  if (f == NULL)
    {
      g_array_set_size (out, 1);
      g_array_index (out, guint64, 0) = 0;
      return;
    }
  objs[0] = hs_inspect_frame_locals (f);
  n[0] = hs_inspect_frame_code (f)->nlocals;
  objs[1] = hs_inspect_frame_stack (f, &n[1]);
  objs[2] = hs_inspect_frame_call_held (f, &ncall);
  n[2] = (int)ncall;
  g_array_set_size (out, 4 + 2 * ((gsize)n[0] + n[1] + n[2]));
  p = (guint64 *)(void *)out->data;
  *p++ = (guintptr)f;
  for (int k = 0; k < 3; k++)
    {
      *p++ = (guint64)n[k];
      for (int i = 0; i < n[k]; i++)
        {
          HsObject *o = objs[k][i];
          /* an id tells an object from one made later at its address */
          *p++ = (guintptr)o;
          *p++ = o != NULL ? o->id : 0;
        }
    }
}

/* Whether a traced generator's rows would be put as they were last (its frame's values are
 * the same objects, alive since, so traced): a generator that ran is put again only when
 * it changed (a loop over a chain of generators put each of them at every step). */
static gboolean
generator_unchanged (Recorder *rec, HsObject *gen)
{
  GArray *last = g_hash_table_lookup (rec->generator_sources, gen);
  GArray *now = rec->sources_scratch;

  if (last == NULL)
    return FALSE;
  generator_sources (gen, now);
  if (last->len == now->len && memcmp (last->data, now->data, now->len * sizeof (guint64)) == 0)
    return TRUE;
  /* the generator is put next: what it is put from is not made again (put_generator) */
  g_array_set_size (last, now->len);
  memcpy (last->data, now->data, now->len * sizeof (guint64));
  rec->sources_put = gen;
  return FALSE;
}

/* A generator keeps its frame: shown as the generator's rows, the frame's references
 * named like its variables (its refs), also while it runs. */
static void
put_generator (Recorder *rec, HsLog *log, HsObject *o)
{
  HsFrame *f = HS_GENERATOR (o)->frame;
  guint nrows = 0;
  const Row *rows = NULL;
  GArray *sources = g_hash_table_lookup (rec->generator_sources, o);

  if (sources == NULL)
    {
      sources = g_array_new (FALSE, FALSE, sizeof (guint64));
      g_hash_table_insert (rec->generator_sources, o, sources);
    }
  if (rec->sources_put != o)
    generator_sources (o, sources);
  rec->sources_put = NULL;

  put_header (rec, log, HS_REC_ATTRS, o, HS_SNAP_OTHER,
              f != NULL ? hs_inspect_frame_code (f)->name : NULL);
  if (f != NULL)
    rows = rows_of (rec, o, f, &nrows);
  hs_log_put (log, nrows);
  put_rows (rec, log, rows, nrows, FALSE);
}

/* Any other object: its rows (its refs), unnamed for its unnamed references. */
static void
put_other (Recorder *rec, HsLog *log, HsObject *o)
{
  guint nrows;
  const Row *rows;
  g_autofree char *label = NULL;
  HsSnapKind kind = hs_type_check (o) ? HS_SNAP_CLASS : HS_SNAP_OTHER;

  rows_of (rec, o, NULL, &nrows);
  /* a default repr would show only an address, which differs from run to run */
  if (nrows == 0 && kind == HS_SNAP_CLASS)
    label = g_strdup (((HsType *)o)->name);
  else if ((nrows == 0 || (HS_TYPE (o)->type_flags & HS_TYPE_DRAWN_WITH_TEXT))
           && !hs_object_has_default_repr (o))
    label = hs_record_repr_text (rec, o);
  put_header (rec, log, HS_REC_ATTRS, o, kind, label);
  rows = rows_of (rec, o, NULL, &nrows); /* again: a repr may have run code */
  hs_log_put (log, nrows);
  put_rows (rec, log, rows, nrows, FALSE);
}

/* A weak reference (weakref.ref, a proxy): its rows (a callback), then the object it refers
 * to (0 once that died), which it does not count: the diagram's dashed arrow, or "dead". Its
 * repr would show only addresses. */
static void
put_weakref (Recorder *rec, HsLog *log, HsObject *o)
{
  guint nrows;
  const Row *rows = rows_of (rec, o, NULL, &nrows);
  HsObject *referent = hs_weakref_get_borrow (o);

  put_header (rec, log, HS_REC_ATTRS, o, HS_SNAP_OTHER, NULL);
  hs_log_put (log, nrows + 1);
  put_rows (rec, log, rows, nrows, FALSE);
  hs_log_put (log, rec->str_weak);
  hs_log_put (log, ref (rec, referent));
}

/* Writes obj's whole contents. */
static void
put_object (Recorder *rec, HsLog *log, HsObject *o)
{
  gint64 v;

  if (HS_IS (o, &hs_bool_type))
    put_primitive (rec, log, o, "bool");
  else if (HS_IS (o, &hs_int_type) && hs_int_as_i64 (o, &v))
    {
      hs_log_put (log, HS_REC_INT);
      hs_log_put (log, hs_object_id (o));
      hs_log_put_signed (log, v);
      hs_log_put (log, hs_is_immortal (o));
    }
  else if (HS_IS (o, &hs_int_type))
    put_primitive (rec, log, o, "int");
  else if (HS_IS (o, &hs_float_type))
    {
      hs_log_put (log, HS_REC_FLOAT);
      hs_log_put (log, hs_object_id (o));
      hs_log_put_double (log, hs_float_value (o));
      hs_log_put (log, hs_is_immortal (o));
    }
  else if (HS_IS (o, &hs_str_type))
    put_primitive (rec, log, o, "str");
  else if (o == hs_None)
    put_primitive (rec, log, o, "NoneType");
  else if (HS_IS (o, &hs_list_type))
    put_sequence (rec, log, o, HS_SNAP_LIST);
  else if (HS_IS (o, &hs_tuple_type))
    put_sequence (rec, log, o, HS_SNAP_TUPLE);
  else if (hs_module_check (o)) /* of any class, as pg_encoder */
    put_primitive (rec, log, o, hs_module_type.name);
  else if (hs_builtin_subclass_base (HS_TYPE (o)) != NULL && !hs_type_check (o))
    put_builtin_subclass (rec, log, o, hs_builtin_subclass_base (HS_TYPE (o)));
  else if (hs_dict_check (o) && hs_dictkinds_attrs_borrow (o) != NULL)
    {
      /* a plain OrderedDict's or Counter's attributes: rows after its entries, as those of
       * an instance of a class derived from dict */
      note_dict_part (rec, o, hs_dictkinds_attrs_borrow (o));
      put_builtin_subclass (rec, log, o, HS_TYPE (o));
    }
  else if (hs_dict_check (o))
    put_dict (rec, log, o);
  else if (HS_IS (o, &hs_function_type))
    put_function (rec, log, o);
  else if (HS_TYPE (o)->type_flags & (HS_TYPE_DRAWN_AS_INSTANCE | HS_TYPE_EXCEPTION))
    put_instance (rec, log, o);
  else if (hs_class_check (o) && !is_part_of_language (o))
    put_class (rec, log, o); /* a module's classes (UserDict, Enum) are drawn by name below */
  else if (hs_anyset_check (o))
    put_set (rec, log, o);
  else if (HS_IS (o, &hs_generator_type))
    put_generator (rec, log, o);
  else if (is_part_of_language (o))
    put_primitive (rec, log, o, HS_TYPE (o)->name);
  else if (HS_TYPE (o)->type_flags & HS_TYPE_DRAWN_AS_LIST)
    put_sequence (rec, log, o, HS_SNAP_LIST);
  else if (hs_weakref_check (o) || hs_weakproxy_check (o))
    put_weakref (rec, log, o);
  else
    put_other (rec, log, o);
  hs_record_put_holders (rec, log, o, NULL);
  if (HS_IS (o, &hs_tuple_type)) /* only a class's internal tuple has some */
    hs_record_put_internal_traced (rec, log, o);
}

/* Traces everything queued, and what it refers to, iteratively (a long chain of new
 * nodes must not recurse). */
static void
drain_todo (Recorder *rec)
{
  while (rec->todo->len > 0)
    {
      HsObject *o = g_ptr_array_steal_index_fast (rec->todo, rec->todo->len - 1);
      put_object (rec, &rec->trace->log, o);
    }
}

static void
put_list_range (Recorder *rec, HsObject *o, gsize lo, gsize hi)
{
  HsLog *log = &rec->trace->log;
  gsize len = clip_items (rec, o, hs_list_len (o));

  lo = MIN (lo, len);
  hi = len; /* the union of ranges may end past a shrunk list; record to the end */
  put_range_header (log, HS_REC_LIST_RANGE, o, len, lo, hi);
  for (gsize i = lo; i < hi; i++)
    hs_log_put (log, ref (rec, hs_list_get_borrow (o, i)));
}

/* The other instance drawn with `dict` (its part owner aside), or NULL; put_too: put each
 * one's record again. */
static HsObject *
dict_sharers (Recorder *rec, HsObject *dict, HsObject *owner, gboolean put_too)
{
  g_autoptr (GPtrArray) instances = NULL;
  HsObject *found = NULL;

  if (!rec->shared_dicts)
    return NULL;
  instances = hs_record_by_id (rec->dict_parts, FALSE);
  for (guint i = 0; i < instances->len; i++)
    {
      HsObject *inst = instances->pdata[i];
      if (inst == owner || g_hash_table_lookup (rec->dict_parts, inst) != dict)
        continue;
      found = found != NULL ? found : inst; /* the oldest */
      if (!put_too)
        break;
      if (inst->flags & HS_FLAG_TRACED)
        put_object (rec, &rec->trace->log, inst);
    }
  return found;
}

static void
flush_dirty (Recorder *rec)
{
  gsize n;
  const HsDirtyEntry *dirty = hs_heap_dirty (rec->vm, &n);
  GPtrArray *generators = rec->generators;

  for (gsize i = 0; i < n; i++)
    {
      HsObject *o = dirty[i].obj;
      /* a function or an instance shows its parts' contents (`f.__kwdefaults__['b'] = 5`,
       * `obj.__dict__['a'] = 1`), also those of a part with nothing drawn yet */
      HsObject *owner = o != NULL && g_hash_table_size (rec->part_owners) > 0
                            ? g_hash_table_lookup (rec->part_owners, o)
                            : NULL;
      if (o != NULL && !(o->flags & HS_FLAG_TRACED))
        o = g_hash_table_size (rec->class_dicts) > 0 ? g_hash_table_lookup (rec->class_dicts, o)
                                                     : NULL; /* a class's namespace changed */
      if (o == NULL || !(o->flags & HS_FLAG_TRACED))
        ;
      else if (HS_IS (o, &hs_list_type) && dirty[i].lo != 0)
        put_list_range (rec, o, dirty[i].lo, dirty[i].hi);
      else if (HS_IS (o, &hs_dict_type) && dirty[i].hi != G_MAXSIZE)
        put_dict_range (rec, o, dirty[i].lo, dirty[i].hi);
      else if (HS_IS (o, &hs_set_type) && dirty[i].hi != G_MAXSIZE && !rec->oversized_len)
        put_set_range (rec, o, dirty[i].lo, dirty[i].hi);
      else
        put_object (rec, &rec->trace->log, o);
      if (owner != NULL && (owner->flags & HS_FLAG_TRACED))
        put_object (rec, &rec->trace->log, owner);
      if (owner != NULL && g_hash_table_lookup (rec->dict_parts, owner) == dirty[i].obj)
        dict_sharers (rec, dirty[i].obj, owner, TRUE);
    }
  /* Once the program reached its globals as a dict, their holders (the functions defined
   * since) are listed anew. */
  if (hs_inspect_globals (rec->vm)->flags & HS_FLAG_TRACED)
    hs_record_put_holders (rec, &rec->trace->log, hs_inspect_globals (rec->vm), NULL);
  /* A running generator may still change after its last event (a yield finishes after
   * its 'return' step), so it stays in the table until it is put suspended or finished. */
  for (guint i = 0; i < generators->len;)
    {
      HsObject *gen = generators->pdata[i];
      if (!generator_unchanged (rec, gen))
        put_object (rec, &rec->trace->log, gen);
      rec->sources_put = NULL;
      if (!HS_GENERATOR (gen)->running)
        g_ptr_array_remove_index (generators, i);
      else
        i++;
    }
}

/* Notes that a traced generator runs (in rec->generators, kept in id order: a step puts
 * the few that ran without a table sorted and freed at every step). */
static void
note_running (Recorder *rec, HsObject *gen)
{
  GPtrArray *generators = rec->generators;
  guint i = generators->len;

  while (i > 0 && ((HsObject *)generators->pdata[i - 1])->id > gen->id)
    i--;
  if (i == 0 || generators->pdata[i - 1] != gen)
    g_ptr_array_insert (generators, i, gen);
}

/* ---- keyframes ----------------------------------------------------------------- */

static gboolean
keyframe_due (Recorder *rec)
{
  HsTrace *t = rec->trace;
  guint64 gap = rec->last_keyframe_size;

  if (keyframe_bytes (rec) + gap <= MAX (t->log.len, KEYFRAME_BUDGET_BYTES))
    gap = MIN (gap, KEYFRAME_MAX_DELTA_BYTES);
  return t->log.len - rec->last_keyframe_end > MAX (KEYFRAME_MIN_DELTA_BYTES, gap);
}

static void
write_keyframe (Recorder *rec, int step)
{
  HsTrace *t = rec->trace;
  HsLog *log = t->options.forward_only ? &rec->dropped_keyframe : &t->keylog;
  HsTraceKeyframe kf = { step, log->len, 0 };
  GPtrArray *immortals = rec->immortal_ids;
  guint n_immortals = immortals->len;

  /* in id order (an immortal's id is given when first used, not when traced), sorted again
   * only when some were traced since the last keyframe */
  if (rec->n_sorted != n_immortals)
    g_ptr_array_sort (immortals, hs_record_compare_ids);
  rec->n_sorted = n_immortals;
  for (HsObject *p = hs_inspect_live_first (rec->vm); p != NULL;
       p = hs_inspect_live_next (rec->vm, p))
    if (p->flags & HS_FLAG_TRACED)
      put_object (rec, log, p);
  for (guint i = 0; i < n_immortals; i++)
    put_object (rec, log, immortals->pdata[i]);
  hs_record_put_frames (rec, log);
  kf.len = log->len - kf.offset;
  if (t->options.forward_only)
    {
      rec->dropped_keyframe_bytes += kf.len;
      log->len = 0;
    }
  else
    g_array_append_val (t->keyframes, kf);
  rec->last_keyframe_size = kf.len;
  rec->last_keyframe_end = t->log.len;
}

/* ---- the step hook -------------------------------------------------------------- */

static char *
exception_line (Recorder *rec, HsObject *exc)
{
  g_autofree char *text = hs_inspect_str (rec->vm, exc);

  if (text == NULL)
    return g_strdup (HS_TYPE (exc)->name);
  /* "Type: str(value)" even when the text is empty, as Python Tutor writes it */
  return g_strdup_printf ("%s: %s", HS_TYPE (exc)->name, text);
}

static void
add_step (Recorder *rec, HsStepEvent ev, int line, const char *func, const char *exc_msg)
{
  HsTraceStep step = { 0 };
  step.delta_offset = rec->delta_start;
  step.stdout_len = (guint32)rec->trace->out->len;
  step.stderr_len = (guint32)rec->trace->err->len;
  step.line = line;
  /* most steps repeat the last one's function, most often the same code's name */
  if (func != rec->last_func
      && g_strcmp0 (hs_string_pool_get (&rec->trace->pool, rec->last_func_str), func) != 0)
    rec->last_func_str = pool (rec, func);
  rec->last_func = func;
  step.func_str = rec->last_func_str;
  step.exc_str = pool (rec, exc_msg);
  step.event = (guint8)ev;
  /* A frame left by an exception returns no value: its step names what it raised. */
  if (ev == HS_STEP_RETURN && hs_inspect_raised_exception (rec->vm) != NULL)
    step.raised_str = pool (rec, HS_TYPE (hs_inspect_raised_exception (rec->vm))->name);
  hs_log_append (&rec->trace->steps, &step, sizeof step);
  rec->delta_start = rec->trace->log.len;
}

/* Python Tutor records no step in a class body, nor in anything it calls, until it
 * returns; nor in frames named __new__ or __repr__, nor in the library's code (what they
 * call is shown). The memory
 * they change still gets to the log, so it belongs to the next step shown. */
static gboolean
is_hidden (Recorder *rec, HsStepEvent ev, HsFrame *f)
{
  int first;

  if (rec->hidden_frame != 0)
    {
      if (ev == HS_STEP_RETURN && hs_inspect_frame_id (f) == rec->hidden_frame)
        rec->hidden_frame = 0;
      return TRUE;
    }
  /* code that exec() or eval() runs in other globals than the program's is not the
   * learner's (Python Tutor traces the frames of the program's globals only) */
  if (hs_inspect_frame_code (f) != rec->shown_code)
    {
      rec->shown_code = hs_inspect_frame_code (f);
      rec->shown_code_hides = hs_record_hides_own_steps (rec->shown_code);
    }
  if (rec->shown_code_hides || hs_inspect_frame_globals (f) != hs_inspect_globals (rec->vm))
    return TRUE;
  first = hs_inspect_frame_code (f)->firstlineno;
  if (ev == HS_STEP_CALL && first > 0 && hs_trace_is_class_line (rec->class_lines, first))
    {
      rec->hidden_frame = hs_inspect_frame_id (f);
      return TRUE;
    }
  return FALSE;
}

static gboolean
on_step (HsVM *vm, HsStepEvent ev, HsFrame *f, int line, HsObject *arg, gpointer data)
{
  Recorder *rec = data;
  HsTrace *t = rec->trace;
  g_autofree char *exc_msg = NULL;
  int k = (int)HS_TRACE_N_STEPS (t);
  HsObject *gen = f != NULL ? hs_inspect_frame_generator (f) : NULL;

  if (rec->stopped)
    return FALSE;
  /* A generator's frame changes only while it runs, and every run reports events: only
   * the traced generators seen running since the last flush are put again. */
  if (gen != NULL && (gen->flags & HS_FLAG_TRACED))
    note_running (rec, gen);
  /* Python Tutor's traces start at the first line, not at the module's own call. */
  if (ev == HS_STEP_CALL && f != NULL && hs_inspect_frame_code (f)->is_module)
    return TRUE;
  if (rec->cancel != NULL && g_atomic_int_get (rec->cancel))
    {
      rec->stopped = TRUE;
      return FALSE;
    }
  /* Hidden events count against the step limit too, so that a class body that never ends
   * still stops (at a step shown inside it). The library's generated code never loops: its
   * events (a dataclass's __init__ for every instance) are not the program's steps. */
  if (f != NULL && ev != HS_STEP_UNCAUGHT && is_hidden (rec, ev, f)
      && ((hs_inspect_frame_code (f)->flags & HS_CODE_LIBRARY)
          || ++rec->hidden_events < t->options.max_steps))
    return TRUE;
  hs_record_ensure_code_holders (rec);
  flush_dirty (rec);
  hs_record_sync_frames (rec, line, ev == HS_STEP_CALL);
  hs_heap_dirty_reset (vm); /* after sync_frames: it skips a dict of variables not marked */
  /* Python Tutor shows the value a frame returns; None when an exception ends it. */
  if (ev == HS_STEP_RETURN && rec->shadows->len > 1)
    hs_record_put_var (&t->log, rec->shadows->len - 1, rec->str_return,
                       ref (rec, arg ? arg : hs_None), G_MAXUINT32);
  rec->yielding = ev == HS_STEP_RETURN && gen != NULL && hs_inspect_frame_at_yield (f);
  if (rec->yielding)
    hs_record_put_paused (&t->log, rec->shadows->len - 1);
  drain_todo (rec);
  if ((ev == HS_STEP_EXCEPTION || ev == HS_STEP_UNCAUGHT) && arg != NULL)
    exc_msg = exception_line (rec, arg);
  if (rec->oversized_len > 0)
    {
      g_free (exc_msg);
      exc_msg = g_strdup_printf ("Heapscope stopped recording: a %s of %" G_GSIZE_FORMAT
                                 " items is too large to show (the limit is %d)",
                                 rec->oversized_type, rec->oversized_len, MAX_RECORDED_ITEMS);
      ev = HS_STEP_UNCAUGHT;
      rec->too_large = TRUE;
      rec->stopped = TRUE;
    }
  else if (recorded_bytes (rec) > TRACE_BUDGET_BYTES)
    {
      g_free (exc_msg);
      exc_msg = g_strdup_printf ("Heapscope stopped recording after %d steps: the trace "
                                 "passed %" G_GSIZE_FORMAT " MB",
                                 k + 1, TRACE_BUDGET_BYTES >> 20);
      ev = HS_STEP_UNCAUGHT;
      rec->too_large = TRUE;
      rec->stopped = TRUE;
    }
  else if ((k + 1 >= t->options.max_steps || rec->hidden_events >= t->options.max_steps)
           && ev != HS_STEP_UNCAUGHT)
    {
      g_free (exc_msg);
      exc_msg = g_strdup_printf ("Heapscope stopped the program after %d steps (the step limit)",
                                 k + 1);
      ev = HS_STEP_UNCAUGHT;
      rec->step_limit_hit = TRUE;
      rec->stopped = TRUE;
    }
  add_step (rec, ev, line, f ? hs_inspect_frame_code (f)->name : "<module>", exc_msg);
  if (t->options.verify_counts && ev == HS_STEP_LINE && hs_inspect_holds_listed (vm))
    hs_trace_verify_counts (t, vm, k);
  if (keyframe_due (rec))
    {
      HsSerials mark;
      hs_inspect_serials (vm, &mark);
      write_keyframe (rec, k);
      hs_inspect_give_back_serials (vm, &mark);
    }
  if (t->options.step_done != NULL)
    t->options.step_done (t, t->options.step_done_data);
  return !rec->stopped;
}

/* The internals of the class `leaving` that the program reached lose it as a holder (a
 * collected class's are gone once the collector clears it: done when it is found). */
static void
put_leaving_internals (Recorder *rec, HsObject *leaving)
{
  HsObject *tuples[2];

  hs_record_class_tuples (leaving, tuples);
  for (int i = 0; i < 2; i++)
    if (tuples[i] != NULL && hs_record_is_traced_tuple (tuples[i]))
      hs_record_put_holders (rec, &rec->trace->log, tuples[i], leaving);
}

/* A function going: its parts (which may outlive it) no longer show in it. */
static void
forget_parts (Recorder *rec, HsObject *fn)
{
  HsObject *parts[]
      = { HS_FUNCTION (fn)->defaults, HS_FUNCTION (fn)->kwdefaults, HS_FUNCTION (fn)->closure };
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && g_hash_table_lookup (rec->part_owners, parts[i]) == fn)
      g_hash_table_remove (rec->part_owners, parts[i]);
}

static void
on_free (HsVM *vm, HsObject *obj, gpointer data)
{
  Recorder *rec = data;
  if (HS_TYPE (obj)->type_flags & HS_TYPE_GC) /* a class's dict, a generator, a function's part */
    {
      g_hash_table_remove (rec->class_dicts, obj);
      g_ptr_array_remove (rec->generators, obj);
      g_hash_table_remove (rec->generator_sources, obj);
      g_hash_table_remove (rec->part_owners, obj);
    }
  if (HS_IS (obj, &hs_function_type))
    forget_parts (rec, obj);
  if (obj == rec->annotations) /* looked for again (freed with the globals at the end) */
    rec->annotations_known = FALSE;
  if (g_hash_table_size (rec->dict_parts) > 0
      && g_hash_table_contains (rec->dict_parts, obj)) /* its __dict__: as forget_parts */
    {
      HsObject *dict = g_hash_table_lookup (rec->dict_parts, obj), *other;
      g_hash_table_remove (rec->dict_parts, obj);
      if (g_hash_table_lookup (rec->part_owners, dict) == obj)
        {
          if ((other = dict_sharers (rec, dict, obj, FALSE)) != NULL)
            g_hash_table_insert (rec->part_owners, dict, other);
          else
            g_hash_table_remove (rec->part_owners, dict);
        }
    }
  if ((obj->flags & HS_FLAG_TRACED) && hs_record_has_pooled_text (obj))
    g_hash_table_remove (rec->texts, obj);
  if (rec->stopped || !(obj->flags & HS_FLAG_TRACED))
    return;
  if (hs_class_check (obj))
    {
      hs_record_put_ancestor_holders (rec, &rec->trace->log, obj, obj);
      put_leaving_internals (rec, obj);
    }
  /* No longer read: its dealloc may run code (a generator's close) that records steps
   * while the object is half torn down. */
  obj->flags &= ~HS_FLAG_TRACED;
  hs_log_put (&rec->trace->log, HS_REC_FREE);
  hs_log_put (&rec->trace->log, obj->id);
}

static void
on_output (HsVM *vm, const char *text, gsize len, gpointer data)
{
  Recorder *rec = data;
  if (!rec->stopped)
    g_string_append_len (rec->trace->out, text, len);
}

/* The program's stderr; before the first step, the compiler's warnings (kept as such). */
static void
on_error_output (const char *text, gsize len, gpointer data)
{
  Recorder *rec = data;
  if (!rec->stopped && rec->trace->steps.len > 0)
    hs_trace_add_stderr (rec->trace, text, len);
}

static void
on_gc (HsVM *vm, HsObject *const *unreachable, gsize n, gpointer data)
{
  Recorder *rec = data;
  if (rec->stopped || n == 0)
    return;
  /* the classes found go first, so that none is a holder of what another keeps */
  for (gsize i = 0; i < n; i++)
    if (hs_class_check (unreachable[i]) && (unreachable[i]->flags & HS_FLAG_TRACED))
      g_hash_table_remove (rec->class_dicts, hs_class_dict_borrow (unreachable[i]));
  for (gsize i = 0; i < n; i++)
    if (hs_class_check (unreachable[i]) && (unreachable[i]->flags & HS_FLAG_TRACED))
      put_leaving_internals (rec, unreachable[i]);
  hs_log_put (&rec->trace->log, HS_REC_GC);
  hs_log_put (&rec->trace->log, n);
  for (gsize i = 0; i < n; i++)
    hs_log_put (&rec->trace->log, hs_object_id (unreachable[i]));
}

/* Python Tutor's convention (pg_logger's raw_input_wrapper): the trace's output shows
 * the answer after its prompt, as a terminal echoes it, with the Enter. */
static void
on_input (HsVM *vm, const char *line, gsize len, gpointer data)
{
  Recorder *rec = data;
  if (rec->stopped)
    return;
  g_string_append_len (rec->trace->out, line, len);
  g_string_append_c (rec->trace->out, '\n');
}

static const HsVMHooks recorder_hooks = { on_step, NULL, on_free, on_output, on_gc, on_input };

/* ---- recording ------------------------------------------------------------------- */

HsTrace *
hs_trace_record (const char *source, gsize len, const char *filename, const HsTraceOptions *options,
                 const gint *cancel)
{
  char *copy = g_malloc (len + 1);

  memcpy (copy, source, len);
  copy[len] = '\0';
  return hs_trace_record_take (copy, len, filename, options, cancel);
}

HsTrace *
hs_trace_record_take (char *source, gsize len, const char *filename, const HsTraceOptions *options,
                      const gint *cancel)
{
  /* A text in UTF-8 becomes the trace's own and the VM runs it from there (the trace
   * outlives the VM), preparing a copy only when it has a byte-order mark or carriage
   * returns; otherwise the trace keeps a copy made valid and the VM takes the bytes as they
   * are. A large program is held once while it compiles, not twice. */
  gboolean valid = g_utf8_validate (source, len, NULL);
  HsTrace *t = valid ? hs_trace_new_take (source, filename, options)
                     : hs_trace_new (source, len, filename, options);
  Recorder rec = { 0 };
  HsVMConfig config;
  HsRunResult result;
  g_autoptr (HsVM) vm = NULL;

  hs_runtime_init ();
  hs_vm_config_init (&config);
  config.max_line_steps = 0;
  vm = hs_vm_new (&config);
  rec.trace = t;
  rec.vm = vm;
  rec.cancel = cancel;
  rec.immortals = g_hash_table_new (NULL, NULL);
  rec.immortal_ids = g_ptr_array_new ();
  rec.parents = g_hash_table_new (NULL, NULL);
  rec.parent_links = g_hash_table_new (NULL, NULL);
  rec.todo = g_ptr_array_new ();
  rec.shadows = g_ptr_array_new_with_free_func (hs_record_shadow_free);
  rec.spare_shadows = g_ptr_array_new_with_free_func (hs_record_shadow_free);
  rec.code_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* Held labels stay English in the trace (and its JSON); the diagram translates them. */
  rec.str_iterator = hs_string_pool_add (&t->pool, N_ ("iterator"));
  rec.str_pending = hs_string_pool_add (&t->pool, N_ ("pending"));
  rec.str_handling = hs_string_pool_add (&t->pool, N_ ("handling"));
  rec.str_finalizing = hs_string_pool_add (&t->pool, N_ ("finalizing"));
  rec.str_registry = hs_string_pool_add (&t->pool, N_ ("finalize registry"));
  rec.str_cell = hs_string_pool_add (&t->pool, N_ ("cell"));
  rec.str_f_func = hs_string_pool_add (&t->pool, HS_FRAME_FUNC_LABEL);
  rec.str_return = hs_string_pool_add (&t->pool, "__return__");
  rec.str_class = hs_string_pool_add (&t->pool, HS_TRACE_CLASS_ATTR);
  rec.str_base = hs_string_pool_add (&t->pool, HS_TRACE_BASE_ATTR);
  rec.str_weak = hs_string_pool_add (&t->pool, HS_TRACE_WEAK_ATTR);
  rec.class_dicts = g_hash_table_new (NULL, NULL);
  rec.part_owners = g_hash_table_new (NULL, NULL);
  rec.dict_parts = g_hash_table_new (NULL, NULL);
  rec.generators = g_ptr_array_new ();
  rec.generator_sources = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
  rec.sources_scratch = g_array_new (FALSE, FALSE, sizeof (guint64));
  rec.texts = g_hash_table_new (NULL, NULL);
  rec.text_scratch = g_string_new (NULL);
  rec.class_lines = hs_trace_class_lines (t->source);
  /* reserved, so that rows_of never returns NULL: `rows + 0` on NULL is undefined (the
   * fuzzers' UBSan stopped on an empty dict's and a class's rows) */
  rec.rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), 16);
  rec.frames = g_ptr_array_new ();
  rec.cell_depths = g_array_new (FALSE, FALSE, sizeof (guint));
  hs_inspect_track_dirty (vm, TRUE);
  hs_vm_set_hooks (vm, &recorder_hooks, &rec);
  hs_vm_set_input (vm, t->options.input, t->options.input_data);
  hs_vm_set_error_output (vm, on_error_output, &rec);

  result = valid ? hs_vm_run_source_lent (vm, source, len, filename)
                 : hs_vm_run_source_take (vm, g_steal_pointer (&source), len, filename);
  rec.stopped = TRUE;
  {
    guint n_warnings;
    const HsVMWarning *warnings = hs_vm_get_warnings (vm, &n_warnings);

    for (guint i = 0; i < n_warnings; i++)
      hs_trace_add_warning (t, warnings[i].lineno, warnings[i].message);
  }
  /* What the VM freed after the last step belongs to no step. */
  t->log.len = rec.delta_start;

  if (hs_inspect_syntax_error (vm) != NULL)
    hs_trace_finish_syntax_error (t, hs_inspect_syntax_error (vm));
  else if (rec.too_large)
    t->end = HS_TRACE_END_TOO_LARGE;
  else if (rec.step_limit_hit)
    t->end = HS_TRACE_END_STEP_LIMIT;
  else if (result == HS_RUN_CANCELLED)
    t->end = HS_TRACE_END_CANCELLED;
  else if (result == HS_RUN_OK)
    t->end = HS_TRACE_END_OK;
  else
    t->end = HS_TRACE_END_EXCEPTION;
  if (t->end == HS_TRACE_END_EXCEPTION || t->end == HS_TRACE_END_SYNTAX_ERROR)
    t->error_text = hs_vm_format_error (vm);
  if (t->end == HS_TRACE_END_EXCEPTION && t->steps.len == 0)
    {
      /* raised before the first line ran (a MemoryError for a source too large to compile):
       * the error's last line, "Type: message", on line 1 */
      g_autofree char *text = g_strchomp (g_strdup (t->error_text != NULL ? t->error_text : ""));
      const char *last = strrchr (text, '\n');
      hs_trace_set_only_step (t, 1, last != NULL ? last + 1 : text);
    }
  else if (t->end == HS_TRACE_END_STEP_LIMIT || t->end == HS_TRACE_END_TOO_LARGE)
    {
      /* The last step says why: the step limit, or what grew too large to show. */
      const HsTraceStep *last = &HS_TRACE_STEP (t, HS_TRACE_N_STEPS (t) - 1);
      t->error_text = g_strdup_printf ("%s.\n", hs_string_pool_get (&t->pool, last->exc_str));
    }

  hs_vm_set_hooks (vm, NULL, NULL);
  hs_vm_set_error_output (vm, NULL, NULL);
  g_hash_table_unref (rec.immortals);
  g_ptr_array_unref (rec.immortal_ids);
  g_hash_table_unref (rec.parents);
  g_hash_table_unref (rec.parent_links);
  g_hash_table_unref (rec.class_dicts);
  g_hash_table_unref (rec.part_owners);
  g_hash_table_unref (rec.dict_parts);
  g_clear_pointer (&rec.code_holders, g_hash_table_unref);
  g_ptr_array_unref (rec.generators);
  g_hash_table_unref (rec.generator_sources);
  g_array_unref (rec.sources_scratch);
  g_hash_table_unref (rec.texts);
  g_string_free (rec.text_scratch, TRUE);
  g_array_unref (rec.class_lines);
  g_ptr_array_unref (rec.todo);
  g_free (rec.held_ids);
  g_free (rec.held_labels);
  g_ptr_array_unref (rec.shadows);
  g_ptr_array_unref (rec.spare_shadows);
  g_hash_table_unref (rec.code_names);
  g_array_unref (rec.rows);
  g_ptr_array_unref (rec.frames);
  g_array_unref (rec.cell_depths);
  hs_log_clear (&rec.dropped_keyframe);
  /* the caller's callback outlives only the recording */
  t->options.step_done = NULL;
  return t;
}
