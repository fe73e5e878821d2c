/* hs-trace-record.c — recording a run: the VM's step hook writes each step's delta.
 *
 * Invariant: an object is "traced" (HS_FLAG_TRACED, or in `immortals`) once its full
 * contents are in the log; from then on every change to it is in the log too: container
 * mutations through the VM's dirty list, its death through the free hook. An object is
 * traced the first time a traced object or a frame refers to it, so the log holds exactly
 * what the diagram can reach, plus what became unreachable while alive (a leaked cycle).
 * Frames are compared with shadows of their last recorded values: only the top frame and
 * the module's globals can change between two steps.
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

typedef struct
{
  guint64 id;           /* the VM's frame */
  guint64 shown_id;     /* the trace's: one per 'call' step, as Python Tutor numbers frames */
  GArray *vals;         /* guint64: value ids of the locals (0 = unbound), or of globals entries */
  GArray *ptrs;         /* HsObject*: the locals as last compared (sync_locals) */
  GArray *keys;         /* HsObject*: globals keys (module frame only) */
  GArray *held;         /* guint64: held value ids */
  CodeNames *names;     /* of the frame's code */
  HsObject *synced;     /* the dict of variables last compared whole (sync_dict_vars), or NULL */
  GArray *entries;      /* gsize: each variable's entry number in it, ascending */
  gboolean is_parent;   /* made a function that was shown (Python Tutor's parent frame) */
  guint64 parent_shown; /* the shown id of the frame that made the function running, or 0 */
} Shadow;

/* One row of an object as the diagram draws it: a reference its type's `refs` describes. */
typedef struct
{
  HsRefKind kind; /* of the reference (an unfolded part's are ATTR) */
  gsize index;    /* ITEM, KEY, VALUE */
  guint32 label;  /* pooled name, 0 for none */
  HsObject *child;
} Row;

static void
shadow_free (gpointer p)
{
  Shadow *s = p;
  g_array_unref (s->vals);
  g_array_unref (s->ptrs);
  g_array_unref (s->keys);
  g_array_unref (s->held);
  g_array_unref (s->entries);
  g_free (s);
}

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

/* What the recording holds, as its budget counts it: the logs, the step index, the pooled
 * texts. Only the logs and the texts' bytes were counted, and a recording stopped at its
 * 256 MB peaked at 577 MB (the steps of a 2-million-step loop are 86 MB). */
static gsize
recorded_bytes (Recorder *rec)
{
  HsTrace *t = rec->trace;

  return t->log.len + t->keylog.len + t->steps->len * sizeof (HsTraceStep) + t->pool.bytes
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

/* ---- Python Tutor's parent frames ------------------------------------------------ */

static Shadow *
shadow_of (Recorder *rec, guint64 vm_id, guint *depth)
{
  for (guint i = rec->shadows->len; i-- > 0;)
    {
      Shadow *s = g_ptr_array_index (rec->shadows, i);
      if (s->id == vm_id)
        {
          *depth = i;
          return s;
        }
    }
  return NULL;
}

/* Comprehensions and generator expressions are functions to the runtime, not to the
 * learner: Python Tutor gives them no parent. */
static gboolean
is_comprehension (HsCode *code)
{
  return code->name[0] == '<' && strcmp (code->name, "<lambda>") != 0;
}

/* The shown id of the frame that made a function of this code (vm_id): from the stack, or
 * remembered from when it was marked a parent; 0 if it was never shown. */
static guint64
shown_frame_id (Recorder *rec, HsCode *code, guint64 vm_id)
{
  guint depth;
  if (vm_id == 0 || is_comprehension (code))
    return 0;
  Shadow *s = shadow_of (rec, vm_id, &depth);
  if (s != NULL)
    return s->shown_id;
  return GPOINTER_TO_SIZE (g_hash_table_lookup (rec->parents, GSIZE_TO_POINTER (vm_id)));
}

static void
remember_parent (Recorder *rec, Shadow *s)
{
  s->is_parent = TRUE;
  g_hash_table_insert (rec->parents, GSIZE_TO_POINTER (s->id), GSIZE_TO_POINTER (s->shown_id));
  g_hash_table_insert (rec->parent_links, GSIZE_TO_POINTER (s->shown_id),
                       GSIZE_TO_POINTER (s->parent_shown));
}

/* A frame becomes a parent once a function it made is shown, as in Python Tutor; it is
 * remembered so that the function and the frames running it name it after it returned. */
static void
mark_parent (Recorder *rec, HsLog *log, guint64 vm_id)
{
  guint depth;
  Shadow *s = shadow_of (rec, vm_id, &depth);
  if (s == NULL || s->is_parent)
    return;
  remember_parent (rec, s);
  hs_log_put (log, HS_REC_PARENT);
  hs_log_put (log, depth);
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
  guint64 parent = shown_frame_id (rec, code, fn->parent_frame_id);
  if (parent != 0)
    {
      hs_log_put (log, HS_REC_FUNC_PARENT);
      hs_log_put (log, hs_object_id (o));
      hs_log_put (log, parent);
      mark_parent (rec, log, fn->parent_frame_id);
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

/* ---- frames ----------------------------------------------------------------------- */

static guint32
held_label (Recorder *rec, HsObject *o)
{
  const HsType *type = HS_TYPE (o);
  const char *name = type->name;
  guint slot = ((guintptr)type >> 4) % G_N_ELEMENTS (rec->held_types);
  guint32 label;

  /* a loop holds the same iterators at every step (a chain of generators: several) */
  if (rec->held_types[slot] == type)
    return rec->held_type_labels[slot];
  label = g_str_has_suffix (name, "iterator") || g_str_equal (name, "enumerate")
                  || g_str_equal (name, "zip") || g_str_equal (name, "reversed")
              ? rec->str_iterator
              : rec->str_pending;
  /* a class of the program's may be freed, and another made at its address */
  if (hs_is_immortal ((HsObject *)type))
    {
      rec->held_types[slot] = type;
      rec->held_type_labels[slot] = label;
    }
  return label;
}

/* A variable kept in a cell (a closure's) that is not assigned yet: Python Tutor does
 * not list it; the frame's reference to the cell is shown as a held value instead. */
static gboolean
is_empty_cell (HsObject *o)
{
  return o != NULL && HS_IS (o, &hs_cell_type) && hs_cell_get_borrow (o) == NULL;
}

/* Appends to the held values being gathered (room was made for them). */
static inline void
add_held (Recorder *rec, HsObject *o, guint32 label)
{
  guint n = rec->n_held++;

  rec->held_ids[n] = ref (rec, o);
  rec->held_labels[n] = label;
}

/* Whether what the VM holds (shown with the outermost frame) is what it was at the last
 * step's sync_held: nothing but the same exception being handled. Remembers it for the
 * next step. */
static gboolean
vm_held_unchanged (Recorder *rec, HsObject *handled, const guint *nvm)
{
  gboolean any = nvm[0] + nvm[1] + nvm[2] > 0;
  gboolean same = !any && !rec->vm_held_any && handled == rec->vm_handled
                  && (handled == NULL || handled->id == rec->vm_handled_id);

  rec->vm_held_any = any;
  rec->vm_handled = handled;
  rec->vm_handled_id = handled != NULL ? handled->id : 0;
  return same;
}

/* `idle`: the frame has not run since the last step, so its own values are those the shadow
 * has (but for cells a closure may have assigned). */
static void
sync_held (Recorder *rec, HsLog *log, Shadow *s, HsFrame *f, guint depth, gboolean force,
           gboolean idle)
{
  HsCode *code = hs_inspect_frame_code (f);
  guint nvm[HS_VM_HELD_FINALIZE_REGISTRY + 1] = { 0 };
  HsObject *const *vm_held[HS_VM_HELD_FINALIZE_REGISTRY + 1];
  HsObject *handled = depth == 0 ? hs_inspect_handled_exception (rec->vm) : NULL;
  gsize room = 2;

  for (HsVMHeld i = 0; depth == 0 && i <= HS_VM_HELD_FINALIZE_REGISTRY; i++)
    {
      vm_held[i] = hs_inspect_vm_held (rec->vm, i, &nvm[i]);
      room += nvm[i];
    }
  /* the outermost frame, under a call running (most steps of a program with functions):
   * told before its stack is looked at */
  if (depth == 0 && !force && vm_held_unchanged (rec, handled, nvm) && idle
      && (code->ncells | code->nfrees) == 0)
    return;
  HsObject *const *locals = hs_inspect_frame_locals (f);
  int sp, nlocals = hs_inspect_frame_namespace (f) == NULL && !code->is_module ? code->nlocals : 0;
  HsObject *const *stack = hs_inspect_frame_stack (f, &sp);
  guint ncall;
  HsObject *const *call = hs_inspect_frame_call_held (f, &ncall);
  room += (gsize)nlocals + sp + ncall;
  /* the room first, then the values written in place (held values go every step) */
  if (room > rec->held_cap)
    {
      rec->held_cap = MAX (room, 2 * rec->held_cap);
      rec->held_ids = g_renew (guint64, rec->held_ids, rec->held_cap);
      rec->held_labels = g_renew (guint32, rec->held_labels, rec->held_cap);
    }
  rec->n_held = 0;
  for (int i = 0; i < nlocals; i++)
    if (is_empty_cell (locals[i]))
      add_held (rec, locals[i], rec->str_cell);
  /* Immortal values (None saved by an except block, a pending small int) have no count to
   * explain: not shown. */
  for (int i = 0; i < sp; i++)
    if (stack[i] != NULL && !hs_is_immortal (stack[i]))
      add_held (rec, stack[i], held_label (rec, stack[i]));
  /* a class call running its __init__ (the call is pending in this frame) */
  for (guint i = 0; i < ncall; i++)
    if (!hs_is_immortal (call[i]))
      add_held (rec, call[i], rec->str_pending);
  /* the function it runs (CPython 3.11's f_func) */
  if (hs_inspect_frame_func (f) != NULL)
    add_held (rec, hs_inspect_frame_func (f), rec->str_f_func);
  /* The exception an except block is handling is the VM's (sys.exc_info()), not a
   * frame's: shown once, with the globals. */
  if (handled != NULL)
    add_held (rec, handled, rec->str_handling);
  /* An object whose count reached zero while its __del__ runs or waits to run (CPython's
   * temporary reference), and the weakref.finalize objects alive (weakref.finalize's
   * registry): the VM's, like the exception being handled. */
  for (HsVMHeld i = 0; depth == 0 && i <= HS_VM_HELD_FINALIZE_REGISTRY; i++)
    for (guint j = 0; j < nvm[i]; j++)
      add_held (rec, vm_held[i][j],
                i != HS_VM_HELD_FINALIZE_REGISTRY ? rec->str_finalizing : rec->str_registry);
  if (!force && rec->n_held == s->held->len
      && (rec->n_held == 0
          || memcmp (rec->held_ids, s->held->data, rec->n_held * sizeof (guint64)) == 0))
    return;
  hs_log_put (log, HS_REC_HELD);
  hs_log_put (log, depth);
  hs_log_put (log, rec->n_held);
  for (guint i = 0; i < rec->n_held; i++)
    {
      hs_log_put (log, rec->held_labels[i]);
      hs_log_put (log, rec->held_ids[i]);
    }
  g_array_set_size (s->held, 0);
  g_array_append_vals (s->held, rec->held_ids, rec->n_held);
}

static void
put_var (HsLog *log, guint depth, guint32 name, guint64 value, guint64 rank)
{
  hs_log_put (log, HS_REC_VAR);
  hs_log_put (log, depth);
  hs_log_put (log, name);
  hs_log_put (log, value);
  hs_log_put (log, rank);
}

static void
sync_locals (Recorder *rec, HsLog *log, Shadow *s, HsFrame *f, guint depth, gboolean force)
{
  HsCode *code = hs_inspect_frame_code (f);
  HsObject *const *locals = hs_inspect_frame_locals (f);
  guint64 *vals;
  HsObject **ptrs;

  if (s->vals->len != (guint)code->nlocals)
    {
      g_array_set_size (s->vals, code->nlocals);
      g_array_set_size (s->ptrs, code->nlocals);
    }
  if (!s->names->has_vars) /* once per code */
    {
      for (int i = 0; i < code->nlocals; i++)
        {
          s->names->vars[2 * i] = pool (rec, hs_code_varname (code, i));
          s->names->vars[2 * i + 1] = hs_trace_local_rank (code, i);
        }
      s->names->has_vars = TRUE;
    }
  vals = (guint64 *)s->vals->data;
  ptrs = (HsObject **)s->ptrs->data;
  for (int i = 0; i < code->nlocals; i++)
    {
      HsObject *o = locals[i];
      guint64 id;
      const guint64 *n;

      /* The object recorded last (alive, so traced, and not freed and replaced at its
       * address: its id tells), or still unbound: nothing to compare. A cell is compared:
       * an empty one is recorded as unbound, and it may have been filled or emptied. */
      if (!force && o == ptrs[i] && (o == NULL || (o->id == vals[i] && !HS_IS (o, &hs_cell_type))))
        continue;
      ptrs[i] = o;
      id = is_empty_cell (o) ? 0 : ref (rec, o);
      if (!force && vals[i] == id)
        continue;
      vals[i] = id;
      n = &s->names->vars[2 * i];
      if (id != 0 || !force)
        put_var (log, depth, (guint32)n[0], id, n[1]);
    }
}

/* The first of the shadow's variables whose entry number is at least `entry`. */
static guint
first_var_at (Shadow *s, gsize entry)
{
  guint lo = 0, hi = s->entries->len;
  while (lo < hi)
    if (g_array_index (s->entries, gsize, (lo + hi) / 2) < entry)
      lo = (lo + hi) / 2 + 1;
    else
      hi = (lo + hi) / 2;
  return lo;
}

/* Variables kept in a dict (the module's globals, a class body's namespace), in insertion
 * order; a key whose position moved is rewritten as unbind+bind so the replayed order stays
 * the dict's order (the names' for a namespace that is not the globals). Only the entries
 * dirtied are compared. */
static void
sync_dict_vars (Recorder *rec, HsLog *log, Shadow *s, HsObject *g, guint depth, gboolean force,
                HsTraceVars kind)
{
  gboolean by_name = kind != HS_TRACE_VARS_GLOBALS;
  gsize pos = 0, i = 0, lo = 0, hi = G_MAXSIZE;
  HsObject *k, *v;
  gboolean same = !force;

  /* No dirty mark since the last step: the variables are those the shadow has. */
  if (g == NULL || (!force && s->synced == g && !(g->flags & HS_FLAG_DIRTY)))
    return;
  /* A resize renumbers the entries and dirties them all: compared whole. */
  if (force || s->synced != g || !hs_heap_dirty_range (rec->vm, g, &lo, &hi) || hi == G_MAXSIZE)
    lo = 0, hi = G_MAXSIZE;
  i = first_var_at (s, pos = lo);
  s->synced = g;
  while (hs_dict_next (g, &pos, &k, &v))
    {
      gsize entry = pos - 1;
      guint64 id;
      if (hs_trace_hides_var (k, kind))
        continue;
      if (same && entry >= hi && i < s->entries->len
          && g_array_index (s->entries, gsize, i) == entry)
        return; /* past the dirty entries, in the same order: the rest stands */
      id = ref (rec, v);
      if (same && i < s->keys->len && g_array_index (s->keys, HsObject *, i) == k)
        {
          if (g_array_index (s->vals, guint64, i) != id)
            put_var (log, depth, pool (rec, hs_str_utf8 (k)), id,
                     by_name ? hs_trace_name_rank (k) : 0);
        }
      else
        {
          /* Order changed (a deletion, or a new name): rewrite from here on. */
          if (same)
            for (gsize j = i; j < s->keys->len; j++)
              put_var (log, depth, pool (rec, hs_str_utf8 (g_array_index (s->keys, HsObject *, j))),
                       0, 0);
          same = FALSE;
          put_var (log, depth, pool (rec, hs_str_utf8 (k)), id,
                   by_name ? hs_trace_name_rank (k) : 0);
        }
      if (i == s->keys->len)
        {
          g_array_set_size (s->keys, i + 1);
          g_array_set_size (s->vals, i + 1);
          g_array_set_size (s->entries, i + 1);
        }
      g_array_index (s->keys, HsObject *, i) = k;
      g_array_index (s->vals, guint64, i) = id;
      g_array_index (s->entries, gsize, i++) = entry;
    }
  if (same)
    for (gsize j = i; j < s->keys->len; j++)
      put_var (log, depth, pool (rec, hs_str_utf8 (g_array_index (s->keys, HsObject *, j))), 0, 0);
  if (s->keys->len != i) /* most steps: no variable gone */
    {
      g_array_set_size (s->keys, i);
      g_array_set_size (s->vals, i);
      g_array_set_size (s->entries, i);
    }
}

/* Frames named __new__ or __repr__, and the library's generated code, give no step of
 * their own (see is_hidden). */
static gboolean
hides_own_steps (HsCode *code)
{
  return (code->flags & HS_CODE_LIBRARY) || g_str_equal (code->name, "__new__")
         || g_str_equal (code->name, "__repr__");
}

static gboolean
in_chain (const guint64 *chain, guint n, guint64 id)
{
  for (guint i = 0; i < n; i++)
    if (chain[i] == id)
      return TRUE;
  return FALSE;
}

static void
put_push (Recorder *rec, HsLog *log, HsFrame *f, Shadow *s)
{
  HsCode *code = hs_inspect_frame_code (f);

  if (s->names->name == 0)
    {
      g_autoptr (GString) name = g_string_new (code->name);
      hs_record_append_lambda_line (name, code);
      s->names->name = pool (rec, name->str);
    }
  /* the parent, its own parent, ... as far as they were remembered */
  guint64 chain[16];
  guint n = 0;
  for (guint64 p = s->parent_shown; p != 0 && n < G_N_ELEMENTS (chain) && !in_chain (chain, n, p);
       p = GPOINTER_TO_SIZE (g_hash_table_lookup (rec->parent_links, GSIZE_TO_POINTER (p))))
    chain[n++] = p;
  HsObject *gen = hs_inspect_frame_generator (f);
  hs_log_put (log, HS_REC_PUSH);
  hs_log_put (log, s->shown_id);
  hs_log_put (log, s->names->name);
  hs_log_put (log, (s->is_parent ? HS_PUSH_PARENT : 0) | (s->names->hides ? HS_PUSH_HIDDEN : 0)
                       | (gen != NULL ? HS_PUSH_GENERATOR : 0));
  if (gen != NULL)
    hs_log_put (log, hs_object_id (gen));
  hs_log_put (log, n);
  for (guint i = 0; i < n; i++)
    hs_log_put (log, chain[i]);
}

static void
put_paused (HsLog *log, guint depth)
{
  hs_log_put (log, HS_REC_PAUSED);
  hs_log_put (log, depth);
}

static void
put_line (HsLog *log, guint depth, int line)
{
  hs_log_put (log, HS_REC_LINE);
  hs_log_put (log, depth);
  hs_log_put (log, line);
}

/* A shadow for a frame: a spare one emptied, or a new one (a call makes one at every step
 * and its return drops it). */
/* The names of code's frames (filled as they are first needed, in the order they were when
 * each frame pooled its own, so that the pool's numbering stays the same). */
static CodeNames *
code_names_of (Recorder *rec, HsCode *code)
{
  CodeNamesCacheEntry *e
      = &rec->code_names_cache[((guintptr)code >> 4) % G_N_ELEMENTS (rec->code_names_cache)];

  if (e->code != code)
    {
      CodeNames *names = g_hash_table_lookup (rec->code_names, code);
      if (names == NULL)
        {
          names = g_malloc0 (sizeof (CodeNames) + 2 * sizeof (guint64) * code->nlocals);
          names->hides = hides_own_steps (code);
          g_hash_table_insert (rec->code_names, code, names);
        }
      e->code = code;
      e->names = names;
    }
  return e->names;
}

static Shadow *
shadow_new (Recorder *rec, HsFrame *f, guint64 shown_id)
{
  Shadow *s;

  if (rec->spare_shadows->len > 0)
    {
      s = g_ptr_array_steal_index_fast (rec->spare_shadows, rec->spare_shadows->len - 1);
      /* emptied in place: g_array_set_size zeroes what a later growth adds (vals, ptrs) */
      s->vals->len = s->ptrs->len = s->keys->len = s->held->len = s->entries->len = 0;
      s->synced = NULL;
      s->is_parent = FALSE;
      s->parent_shown = 0;
    }
  else
    {
      s = g_new0 (Shadow, 1);
      s->vals = g_array_new (FALSE, TRUE, sizeof (guint64));
      s->ptrs = g_array_new (FALSE, TRUE, sizeof (HsObject *));
      s->keys = g_array_new (FALSE, FALSE, sizeof (HsObject *));
      s->held = g_array_new (FALSE, FALSE, sizeof (guint64));
      s->entries = g_array_new (FALSE, FALSE, sizeof (gsize));
    }
  s->id = hs_inspect_frame_id (f);
  s->shown_id = shown_id;
  s->names = code_names_of (rec, hs_inspect_frame_code (f));
  return s;
}

/* Keeps a shadow no longer used for the next shadow_new. */
static void
shadow_drop (Recorder *rec, Shadow *s)
{
  if (rec->spare_shadows->len < 64)
    g_ptr_array_add (rec->spare_shadows, s);
  else
    shadow_free (s);
}

/* Fills `frames` with the VM's frames, outermost first. */
static void
vm_frames_fill (HsVM *vm, GPtrArray *frames)
{
  guint n = 0;

  for (HsFrame *f = hs_vm_current_frame (vm); f != NULL; f = hs_inspect_frame_back (f))
    n++;
  g_ptr_array_set_size (frames, n);
  for (HsFrame *f = hs_vm_current_frame (vm); f != NULL; f = hs_inspect_frame_back (f))
    frames->pdata[--n] = f;
}

static void
sync_frame (Recorder *rec, HsLog *log, Shadow *s, HsFrame *f, guint depth, gboolean force,
            gboolean idle)
{
  HsCode *code = hs_inspect_frame_code (f);
  HsObject *ns = hs_inspect_frame_namespace (f);

  if (code->is_module)
    {
      sync_dict_vars (rec, log, s, hs_inspect_globals (rec->vm), depth, force,
                      HS_TRACE_VARS_GLOBALS);
      hs_record_put_annotation_holders (rec, log);
    }
  else if (ns != NULL)
    sync_dict_vars (rec, log, s, ns, depth, force,
                    (code->flags & HS_CODE_TEXT) ? HS_TRACE_VARS_TEXT : HS_TRACE_VARS_CLASS_BODY);
  else
    sync_locals (rec, log, s, f, depth, force);
  sync_held (rec, log, s, f, depth, force, idle);
}

/* How far from the top common_frames looks for a frame the last step recorded. */
#define NEAR_FRAMES 4

/* Fills rec->frames with the VM's frames, outermost first, and says how many of them the
 * recorded frames (the shadows) begin with. A frame that is not a generator's keeps its
 * callers as long as it lives (a generator's gets new ones when it is resumed), so once
 * such a frame near the top is found among the shadows, the frames under it are those the
 * last step found: a deep recursion is not walked at every step. */
static guint
common_frames (Recorder *rec, gboolean entered)
{
  GPtrArray *frames = rec->frames;
  HsFrame *above[NEAR_FRAMES];
  guint nshadows = rec->shadows->len, common = 0, max_common;
  HsFrame *f = hs_vm_current_frame (rec->vm);

  for (guint j = 0; f != NULL && j < NEAR_FRAMES && frames->len == nshadows; j++)
    {
      if (!(entered && j == 0) && hs_inspect_frame_generator (f) == NULL)
        {
          guint64 id = hs_inspect_frame_id (f);
          for (guint i = nshadows; i-- > 0 && i + NEAR_FRAMES >= nshadows;)
            if (((Shadow *)g_ptr_array_index (rec->shadows, i))->id == id)
              {
                if (frames->len != i + 1 + j) /* most steps: the same number of frames */
                  g_ptr_array_set_size (frames, i + 1 + j);
                for (guint k = 0; k < j; k++)
                  frames->pdata[i + j - k] = above[k];
                common = i + 1;
                goto extend;
              }
        }
      above[j] = f;
      f = hs_inspect_frame_back (f);
    }
  vm_frames_fill (rec->vm, frames);
extend:
  max_common = entered && frames->len > 0 ? frames->len - 1 : frames->len;
  while (common < max_common && common < nshadows
         && ((Shadow *)g_ptr_array_index (rec->shadows, common))->id
                == hs_inspect_frame_id (g_ptr_array_index (frames, common)))
    common++;
  return common;
}

/* `entered`: a 'call' step, whose frame is new to the trace even when it is a generator
 * resumed right after it yielded. */
static void
sync_frames (Recorder *rec, int line, gboolean entered)
{
  HsLog *log = &rec->trace->log;
  GPtrArray *frames = rec->frames;
  guint common = common_frames (rec, entered);
  GArray *cells = rec->cell_depths;

  while (rec->shadows->len > common)
    {
      hs_log_put (log, HS_REC_POP);
      shadow_drop (rec, g_ptr_array_steal_index (rec->shadows, rec->shadows->len - 1));
    }
  while (cells->len > 0 && g_array_index (cells, guint, cells->len - 1) >= common)
    g_array_set_size (cells, cells->len - 1);
  for (guint i = common; i < frames->len; i++)
    {
      HsFrame *f = g_ptr_array_index (frames, i);
      HsCode *code = hs_inspect_frame_code (f);
      Shadow *s = shadow_new (rec, f, ++rec->last_shown_id);
      s->parent_shown = shown_frame_id (rec, code, hs_inspect_frame_parent_id (f));
      /* Python Tutor makes a frame whose code holds a lambda a parent from its first step */
      for (int c = 0; c < code->nchildren && !s->is_parent; c++)
        if (g_str_equal (code->children[c]->name, "<lambda>"))
          remember_parent (rec, s);
      put_push (rec, log, f, s);
      g_ptr_array_add (rec->shadows, s);
      if ((code->ncells | code->nfrees) != 0)
        g_array_append_val (cells, i);
    }
  /* Since the last step only these can have changed: the globals, the frames entered,
   * and the deepest frame both steps share (it ran: it may have left values on its stack
   * for a call, or received a return value). Frames under it have not run, but a closure
   * may have assigned their cells: those with cells (cell_depths, ascending) are compared
   * too. The outermost frame is compared at every step for its globals and what the VM
   * holds; it ran only when it is the deepest frame both steps share. */
  if (frames->len > 0)
    sync_frame (rec, log, g_ptr_array_index (rec->shadows, 0), g_ptr_array_index (frames, 0), 0,
                FALSE, common > 1);
  guint tail = common > 1 ? common - 1 : 1;
  for (guint k = 0; k < cells->len && g_array_index (cells, guint, k) < tail; k++)
    {
      guint i = g_array_index (cells, guint, k);
      if (i != 0)
        sync_frame (rec, log, g_ptr_array_index (rec->shadows, i), g_ptr_array_index (frames, i), i,
                    FALSE, FALSE);
    }
  for (guint i = tail; i < frames->len; i++)
    sync_frame (rec, log, g_ptr_array_index (rec->shadows, i), g_ptr_array_index (frames, i), i,
                FALSE, FALSE);
  if (frames->len > 0)
    put_line (log, frames->len - 1, line);
}

/* ---- keyframes ----------------------------------------------------------------- */

static gboolean
keyframe_due (Recorder *rec)
{
  HsTrace *t = rec->trace;
  guint64 gap = rec->last_keyframe_size;

  if (t->keylog.len + gap <= MAX (t->log.len, KEYFRAME_BUDGET_BYTES))
    gap = MIN (gap, KEYFRAME_MAX_DELTA_BYTES);
  return t->log.len - rec->last_keyframe_end > MAX (KEYFRAME_MIN_DELTA_BYTES, gap);
}

static void
write_keyframe (Recorder *rec, int step)
{
  HsTrace *t = rec->trace;
  HsLog *log = &t->keylog;
  HsTraceKeyframe kf = { step, log->len, 0 };
  GPtrArray *frames = rec->frames; /* as this step's sync_frames found them */
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
  for (guint i = 0; i < frames->len; i++)
    {
      HsFrame *f = g_ptr_array_index (frames, i);
      Shadow *live = g_ptr_array_index (rec->shadows, i);
      Shadow *s = shadow_new (rec, f, live->shown_id);
      s->is_parent = live->is_parent;
      s->parent_shown = live->parent_shown;
      put_push (rec, log, f, s);
      sync_frame (rec, log, s, f, i, TRUE, FALSE);
      put_line (log, i, hs_inspect_frame_line (f));
      shadow_drop (rec, s);
    }
  if (rec->yielding && frames->len > 0)
    put_paused (log, frames->len - 1);
  kf.len = log->len - kf.offset;
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
  g_array_append_val (rec->trace->steps, step);
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
      rec->shown_code_hides = hides_own_steps (rec->shown_code);
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
  int k = (int)t->steps->len;
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
  sync_frames (rec, line, ev == HS_STEP_CALL);
  hs_heap_dirty_reset (vm); /* after sync_frames: it skips a dict of variables not marked */
  /* Python Tutor shows the value a frame returns; None when an exception ends it. */
  if (ev == HS_STEP_RETURN && rec->shadows->len > 1)
    put_var (&t->log, rec->shadows->len - 1, rec->str_return, ref (rec, arg ? arg : hs_None),
             G_MAXUINT32);
  rec->yielding = ev == HS_STEP_RETURN && gen != NULL && hs_inspect_frame_at_yield (f);
  if (rec->yielding)
    put_paused (&t->log, rec->shadows->len - 1);
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
  if (!rec->stopped && rec->trace->steps->len > 0)
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
  rec.shadows = g_ptr_array_new_with_free_func (shadow_free);
  rec.spare_shadows = g_ptr_array_new_with_free_func (shadow_free);
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
  if (t->end == HS_TRACE_END_EXCEPTION && t->steps->len == 0)
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
      const HsTraceStep *last = &g_array_index (t->steps, HsTraceStep, t->steps->len - 1);
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
  /* the caller's callback outlives only the recording */
  t->options.step_done = NULL;
  return t;
}
