/* hs-snapshot.h — the complete memory at one step, as plain data.
 *
 * This is the contract between the trace engine (which builds snapshots from the
 * runtime) and the diagram (which draws them). It holds no runtime objects, only ids,
 * names and display text, so the diagram needs nothing of the core.
 *
 * Invariant: for every object with `immortal == FALSE`, `refcount` equals the number of
 * HS_SNAP_REF values pointing at its id from frames (variables and held values) and from
 * other objects' cells, plus the length of its `hidden_holders`; the diagram draws one
 * arrow per such reference, and lists the hidden holders with the object.
 */
#pragma once

#include <glib.h>

#include "hs-id-map.h"

G_BEGIN_DECLS

typedef enum
{
  HS_SNAP_VALUE_PRIMITIVE, /* drawn inline: `text` is its repr ("3", "'hi'", "None") */
  HS_SNAP_VALUE_REF,       /* a reference (an arrow) to the object with id `ref` */
} HsSnapValueKind;

typedef struct
{
  HsSnapValueKind kind;
  guint64 ref;           /* REF: the object; PRIMITIVE: the value's own object, when known
                          * (see HsSnapshot.inline_objects), else 0 */
  char *text;            /* PRIMITIVE: repr; REF: NULL */
  const char *type_name; /* PRIMITIVE: "int", "float", "str", "bool", "NoneType"; static */
} HsSnapValue;

typedef struct
{
  char *name; /* variable name, or a label for a value the frame holds ("for iterator") */
  HsSnapValue value;
} HsSnapVar;

typedef struct
{
  guint64 frame_id;
  char *func_name;          /* "<module>" for the global frame, as CPython names it */
  int line;                 /* the line this frame is at */
  gboolean is_highlighted;  /* the frame executing now */
  gboolean is_zombie;       /* returned but kept alive (a generator or closure's parent) */
  gboolean is_parent;       /* made a function that is shown (Python Tutor's parent frame) */
  gboolean is_hidden;       /* gives no step of its own (__repr__, __new__): Python Tutor does
                             * not list it, though it holds references while what it calls runs */
  guint64 generator_id;     /* the generator that keeps this frame between its runs, or 0 */
  gboolean is_paused;       /* a generator's, leaving at a `yield` (not returning) */
  GArray *parent_frame_ids; /* guint64: the frame that made the function running, that
                             * frame's own parent, ... (Python Tutor's parent_frame_id_list) */
  GArray *vars;             /* of HsSnapVar, in CPython's variable order */
  GArray *held;             /* of HsSnapVar: references held beyond variables (iterators,
                               partly evaluated expressions); each counts like a variable */
} HsSnapFrame;

typedef enum
{
  HS_SNAP_LIST,
  HS_SNAP_TUPLE,
  HS_SNAP_DICT,
  HS_SNAP_SET,
  HS_SNAP_INSTANCE,
  HS_SNAP_CLASS,
  HS_SNAP_FUNCTION,
  HS_SNAP_PRIMITIVE, /* heap-primitives mode: an int/float/str/bool/None as its own node */
  HS_SNAP_OTHER,     /* iterators, ranges, cells, bound methods, generators, modules */
} HsSnapKind;

/* One row of an object: a list/tuple/set element (key unused, label = index), a dict
 * entry (key and value), an instance/class attribute (label = attribute name). */
typedef struct
{
  char *label;     /* "0", "1", attribute name; NULL for dict entries; freed by the
                    * snapshot (a small index's is shared: never free or change one) */
  HsSnapValue key; /* dict entries only; kind PRIMITIVE with text NULL otherwise */
  HsSnapValue value;
} HsSnapCell;

enum
{
  HS_SNAP_FLAG_NEW = 1 << 0,         /* allocated during this step */
  HS_SNAP_FLAG_CHANGED = 1 << 1,     /* contents changed during this step */
  HS_SNAP_FLAG_UNREACHABLE = 1 << 2, /* alive but no root reaches it (a leaked cycle) */
  HS_SNAP_FLAG_FREED = 1 << 3,       /* freed during this step: its last contents, shown fading */
  /* Alive and reachable, but only through holders the view hides (a loop's iterator):
   * drawn as a root of its own, its holders listed in hidden_holders. */
  HS_SNAP_FLAG_HIDDEN_HELD = 1 << 4,
  /* A function the library generated and runs as Python (a dataclass's __init__): the
   * learner's view leaves it out, as it leaves out what it holds. */
  HS_SNAP_FLAG_LIBRARY = 1 << 5,
  /* The program's globals dict, reached as a dict (`g = globals()`): its entries are the
   * global frame's variables, drawn and counted there; the learner's view
   * draws it without them, its label saying so. */
  HS_SNAP_FLAG_GLOBALS = 1 << 6,
};

/* A reference the diagram does not draw, named by its holder: a code object's constants
 * (kind "code", name the function's qualified name, "<module>" for the program), the
 * parsed program while it runs (kind "ast", name "<module>"), a class's internals (kind
 * "class", name "A.__mro__", "B.__bases__", "A.__dict__['__dict__']"), or an object that is
 * not drawn because only such holders keep it (kind its type name, name "#12"). */
typedef struct
{
  char *kind;
  char *name;
} HsSnapHolder;

typedef struct
{
  guint64 id;
  HsSnapKind kind;
  char *type_name; /* "list", "dict", a class name, "function", ...: interned (GRefString) */
  char *label;     /* functions: "f(a, b)"; classes: name; primitives: repr; else NULL */
  /* A str or bytes-like value (a bytearray: its label) whose text the recorder clipped: its
   * length (len()), which the text no longer tells; 0 otherwise. */
  guint64 value_len;
  guint64 parent_frame_id; /* functions: the frame that made it (Python Tutor's parent), or 0 */
  /* Functions: how many of the leading rows (folded_cells unfolded) are the parameters'
   * default values; the cells it closes over and its attributes follow. */
  guint n_defaults;
  gint64 refcount;
  gboolean immortal;
  guint flags;
  GArray *cells; /* of HsSnapCell, in order */
  /* Instances: the reference to their class; classes: to their base class (kind REF), or
   * nothing (kind PRIMITIVE, text NULL). It counts like any reference and is drawn from the
   * object's header. */
  HsSnapValue class_ref;
  /* Weak references (weakref.ref, the proxies): the object referred to (kind REF: drawn as a
   * dashed arrow from the header, never counted, as the object's count does not include
   * it), or "dead" (kind PRIMITIVE) once that died; kind PRIMITIVE with text NULL for any
   * other object. */
  HsSnapValue weak_ref;
  /* Classes with several bases: each base's name, in order (char*); NULL otherwise. */
  GPtrArray *bases;
  /* char*, one per reference into this object that is not drawn as an arrow, naming its
   * holder in words ("hidden list_iterator #12"): arrows drawn + hidden holders = count. */
  GPtrArray *hidden_holders;
  /* The hidden holders the trace recorded (the code objects, the parsed program, class
   * internals, objects left out because only those keep them), by kind and name, for the
   * JSON; each is also described in hidden_holders. */
  GArray *recorded_holders; /* of HsSnapHolder */
  /* A view of a long sequence keeps its first and last cells only (HS_VIEW_MAX_CELLS):
   * n_omitted cells were left out after cells[omitted_at - 1], and omitted_refs (guint64,
   * or NULL) holds the objects they refer to that are not drawn inline, which stay
   * reachable through it. Counts include the cells left out. An object that only such
   * cells reach is not in the view at all (it is drawn nowhere: hs-trace-cut.c), nor in
   * omitted_refs; the counts of the others include its references. */
  guint n_omitted;
  guint omitted_at;
  GArray *omitted_refs;
  /* Functions: the cells drawn from a part that is drawn itself (a defaults tuple two
   * functions share), in place of which one cell refers to the part; kept for the JSON,
   * which lists defaults by name as Python Tutor does. NULL if none. */
  GArray *folded_cells; /* of HsSnapCell */
  /* HS_SNAP_FLAG_CHANGED lists and tuples: the cells before this one hold what they held at
   * the step before (an append changed none of them); 0 otherwise. */
  guint changed_from;
} HsSnapObject;

/* The most cells a view (hs_trace_view) keeps of one list, tuple or set: far more than a
 * diagram shows before it summarises, few enough that a step of a huge list is quick. */
#define HS_VIEW_MAX_CELLS 500

typedef struct
{
  int step;    /* 0-based index in the trace */
  int line;    /* line about to run (Python Tutor's `line`) */
  char *event; /* "step_line", "call", "return", "exception", "uncaught_exception" */
  char *func_name;
  GPtrArray *frames;   /* of HsSnapFrame*, outermost (the global frame) first */
  GPtrArray *objects;  /* of HsSnapObject*, sorted by id */
  char *stdout_text;   /* everything printed so far */
  char *stderr_text;   /* everything the program wrote to stderr so far, or NULL if nothing */
  char *exception_msg; /* the error of this step, or NULL */
  char *raised;        /* "return" steps where an exception leaves the innermost frame: the
                        * exception's type name (the frame returns nothing), else NULL */
  GArray *gc_freed;    /* guint64 ids the collector freed during this step (may be empty) */
  HsIdMap by_id;       /* id -> HsSnapObject* (borrowed), built by hs_snapshot_index */
  /* guint64* id -> HsSnapObject* (owned, kind PRIMITIVE): the values drawn inline (ints,
   * strs, ... outside heap-primitives mode), with their counts, so that a view can draw
   * one on the heap when it is shared (hs_snapshot_apply_view). Not part of `objects`. */
  GHashTable *inline_objects;
  /* Objects a view left out unbuilt, as only the cells it leaves out of long sequences
   * reach them (HsSnapObject.n_omitted): not in `objects`, and drawn nowhere. */
  guint n_cut;
} HsSnapshot;

HsSnapshot *hs_snapshot_new (void);
void hs_snapshot_free (HsSnapshot *snap);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsSnapshot, hs_snapshot_free)

HsSnapFrame *hs_snapshot_add_frame (HsSnapshot *snap, guint64 frame_id, const char *func_name);
/* For a snapshot made again at every step (the compact JSON's part of a step): empties
 * `snap` of its objects, texts and tables, keeping their room and its frames, which
 * hs_snapshot_refill_frame fills again; then hs_snapshot_end_frames(snap, n). */
void hs_snapshot_recycle (HsSnapshot *snap);
/* Frame i of a snapshot being filled (i <= frames->len): a new frame, or the one a
 * recycled snapshot had there, its fields as a new frame's, its variables and held values
 * to be set again (hs_snap_frame_set_var, hs_snap_frame_set_held, then
 * hs_snap_frame_end_vars). */
HsSnapFrame *hs_snapshot_refill_frame (HsSnapshot *snap, guint i, guint64 frame_id,
                                       const char *func_name);
/* Drops the frames past the first n (those a recycled snapshot had beyond). */
void hs_snapshot_end_frames (HsSnapshot *snap, guint n);
HsSnapObject *hs_snapshot_add_object (HsSnapshot *snap, guint64 id, HsSnapKind kind,
                                      const char *type_name);
/* For whoever snapshots every step in order (the JSON): objects[i], taken out of the
 * snapshot (its by_id entry stays until hs_snapshot_index), for a later snapshot to take
 * (hs_snapshot_take_object) rather than build again, or to free (hs_snap_object_free). */
HsSnapObject *hs_snapshot_steal_object (HsSnapshot *snap, guint i);
void hs_snapshot_take_object (HsSnapshot *snap, HsSnapObject *obj);
void hs_snap_object_free (HsSnapObject *obj);
/* Values: primitives copy `text`; `type_name` must be a static string. */
HsSnapValue hs_snap_value_primitive (const char *type_name, const char *text);
HsSnapValue hs_snap_value_ref (guint64 id);
void hs_snap_frame_add_var (HsSnapFrame *frame, const char *name, HsSnapValue value);
void hs_snap_frame_add_held (HsSnapFrame *frame, const char *label, HsSnapValue value);
/* Variable j (j <= vars->len) of a refilled frame set to name = value: the name already
 * there is kept when it is the same (no copy). Takes value's text. */
void hs_snap_frame_set_var (HsSnapFrame *frame, guint j, const char *name, HsSnapValue value);
void hs_snap_frame_set_held (HsSnapFrame *frame, guint j, const char *label, HsSnapValue value);
/* Drops the variables and held values of a refilled frame past the first n_vars, n_held. */
void hs_snap_frame_end_vars (HsSnapFrame *frame, guint n_vars, guint n_held);
void hs_snap_object_add_base (HsSnapObject *obj, const char *name);
/* Replaces cells [first, first + n) of obj by one cell (label, value), keeping them in
 * obj->folded_cells (after those folded before, when they came first). */
void hs_snap_object_fold_cells (HsSnapObject *obj, guint first, guint n, const char *label,
                                HsSnapValue value);
void hs_snap_object_add_cell (HsSnapObject *obj, const char *label, HsSnapValue key,
                              HsSnapValue value);
/* A sequence's item: a cell labelled with its index i (a label the first items of all
 * sequences share). */
void hs_snap_object_add_item (HsSnapObject *obj, guint i, HsSnapValue value);
/* Replaces the value of item i (hs_snap_object_add_item), its label kept. */
void hs_snap_object_set_item (HsSnapObject *obj, guint i, HsSnapValue value);
/* Adds a hidden holder the trace recorded: to recorded_holders, and in words (translated:
 * "the code of f()", "the parsed program", "A.__mro__", "tuple #12") to hidden_holders. */
void hs_snap_object_add_recorded_holder (HsSnapObject *obj, const char *kind, const char *name);
/* A count in words, with what accounts for it when hidden holders hold part of it (the
 * tooltip, the panel and the description say the same): "3 references", or "3 references:
 * 1 arrow, 2 hidden: the code of f(), the parsed program" (arrows = count - holders). */
char *hs_snap_count_words (gint64 count, const char *const *holders, guint n_holders);
/* The object as the panel and the descriptions name it, matching its box's header:
 * "list #12", "class Node #17", "function f #34". */
char *hs_snap_object_title (const HsSnapObject *obj);
/* Sorts objects by id and builds `by_id`; call once the snapshot is complete. */
void hs_snapshot_index (HsSnapshot *snap);
/* The number of items of a sequence, those a view left out included. */
static inline guint
hs_snap_object_length (const HsSnapObject *obj)
{
  return obj->cells->len + obj->n_omitted;
}
/* The item at index i of a sequence (i counts the cells left out), or NULL if left out. */
const HsSnapCell *hs_snap_object_item (const HsSnapObject *obj, guint i);
/* The object of that id, or NULL (inline: the diagram looks up every reference it follows). */
static inline HsSnapObject *
hs_snapshot_lookup (const HsSnapshot *snap, guint64 id)
{
  return hs_id_map_lookup (&snap->by_id, id);
}
/* Adds an inline value's object (kind PRIMITIVE) to inline_objects and returns it. */
HsSnapObject *hs_snapshot_add_inline_object (HsSnapshot *snap, guint64 id, const char *type_name,
                                             const char *text);
void hs_snap_object_add_hidden_holder (HsSnapObject *obj, char *holder);
/* Reachability in an indexed snapshot: queues the object `v` refers to unless `seen`
 * (guint64* ids) has it; then adds everything the queued objects reach, emptying `todo`. */
void hs_snapshot_reach_value (HsSnapshot *snap, GHashTable *seen, GQueue *todo,
                              const HsSnapValue *v);
void hs_snapshot_reach_queued (HsSnapshot *snap, GHashTable *seen, GQueue *todo);
/* Same, from every frame's variables and held values. */
void hs_snapshot_reach_from_frames (HsSnapshot *snap, GHashTable *seen, GQueue *todo);

/* What the learner sees (hs-snapshot-view.c), applied to a snapshot for the diagram and
 * the What happened panel; the JSON trace is never a view. */
typedef enum
{
  /* Show what CPython makes behind the scenes that the program does not name: a loop's
   * iterator row and object, a comprehension's `.0`, pending values, empty closure cells.
   * Without it they are left out, their references listed as hidden holders. */
  HS_VIEW_SHOW_INTERNALS = 1 << 0,
} HsViewFlags;

/* Applies the learner's view: internals hidden (unless asked for), and every value drawn
 * inline that is shared (referenced from two or more shown places) or that has an equal
 * twin shown (so `is` can be seen to differ) moved onto the heap as one box. None, True
 * and False stay inline: each is one object everywhere. Re-indexes the snapshot. */
void hs_snapshot_apply_view (HsSnapshot *snap, HsViewFlags flags);

G_END_DECLS
