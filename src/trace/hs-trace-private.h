/* hs-trace-private.h — how a trace is stored.
 *
 * A trace is a step index (HsTraceStep, fixed size) plus one byte log of deltas: the ops
 * recorded at step k's boundary turn the memory of step k-1 into the memory of step k.
 * Every so often a keyframe (a full dump in the same ops) is written to a second log,
 * so that any step is rebuilt by replaying one keyframe and the deltas after it. A
 * keyframe is written when the deltas since the last one outweigh it, so keyframes cost
 * at most as much as the deltas themselves, and a replay never reads more than about two
 * keyframes' worth of ops.
 */
#pragma once

#include "hs-trace.h"
#include "hs-id-map.h"
#include "hs-trace-log.h"
#include "hs-code.h"
#include "hs-inspect.h"

G_BEGIN_DECLS

/* Ops in the logs; each is followed by its varint arguments. */
typedef enum
{
  /* In the headers below, `immortal` is HS_HEADER_IMMORTAL | HS_HEADER_LIBRARY bits. */
  HS_REC_OBJ = 1,     /* id kind type_str label_str immortal n value... (replaces contents) */
  HS_REC_PAIRS,       /* id kind type_str label_str immortal n (key value)... (dicts: one pair
                       * per entry slot, a deleted slot as (0 0), so slots keep their numbers;
                       * (0 v): v is the object's class_ref, a defaultdict's factory) */
  HS_REC_ATTRS,       /* id kind type_str label_str immortal n (name_str value)... */
  HS_REC_INT,         /* id signed-value: a primitive int that fits in 64 bits */
  HS_REC_PRIM,        /* id type_str repr_str immortal: other primitives (str, big int) */
  HS_REC_LIST_RANGE,  /* id new_len lo n value...: items [lo, lo+n) replaced, length new_len */
  HS_REC_FREE,        /* id */
  HS_REC_PUSH,        /* frame_id name_str flags n parent_id...: a frame is entered */
  HS_REC_POP,         /* the innermost frame is left */
  HS_REC_VAR,         /* depth name_str value rank: bind (value 0: unbind) a variable, placed
                       * before the first one of a higher rank (rank 0: after the others) */
  HS_REC_HELD,        /* depth n (label_str value)...: the values a frame holds */
  HS_REC_LINE,        /* depth line */
  HS_REC_GC,          /* n id...: the collector freed these (their HS_REC_FREE follow) */
  HS_REC_DICT_RANGE,  /* id nentries lo n (key value)...: entry slots [lo, lo+n) replaced */
  HS_REC_PARENT,      /* depth: the frame made a function that is shown (Python Tutor) */
  HS_REC_FUNC_PARENT, /* id frame_id: the function was made by that frame */
  HS_REC_HOLDERS,     /* id n (kind_str name_str)...: the object's hidden holders, replacing
                       * its list (HsSnapHolder: holders the log has no object for) */
  HS_REC_SLOTS,       /* id kind type_str label_str immortal n value...: a set's hash table,
                       * one value per slot, 0 for an empty or deleted one (the items are
                       * the others, in slot order), so that a change can name its slot */
  HS_REC_SLOTS_RANGE, /* id nslots lo n value...: slots [lo, lo+n) replaced, nslots in all */
  HS_REC_FLOAT,       /* id value immortal: a float by value (hs_log_put_double), its repr made
                       * when it is shown */
  HS_REC_PAUSED,      /* depth: the frame, a generator's, leaves at a `yield` (its generator
                       * keeps it): HsSnapFrame.is_paused */
} HsTraceOp;

/* The `immortal` field of an object's header */
enum
{
  HS_HEADER_IMMORTAL = 1 << 0,
  HS_HEADER_LIBRARY = 1 << 1, /* a function of the library's generated code */
  /* the program's globals dict (`g = globals()`, exec's argument): drawn as the global
   * frame, whose variables its entries are, so its entries are not counted again */
  HS_HEADER_GLOBALS = 1 << 2,
};
/* Functions: how many of the leading rows (a shared defaults tuple unfolded) are the
 * parameters' default values, in the header's bits from this one up; the rows after them
 * are the cells it closes over and its attributes. */
#define HS_HEADER_DEFAULTS_SHIFT 3

/* HS_REC_PUSH flags */
enum
{
  HS_PUSH_PARENT = 1 << 0, /* HsSnapFrame.is_parent */
  HS_PUSH_HIDDEN = 1 << 1, /* HsSnapFrame.is_hidden */
  /* a generator's frame: the generator's id follows the flags (HsSnapFrame.generator_id) */
  HS_PUSH_GENERATOR = 1 << 2,
};

/* In an HS_REC_ATTRS record, the pair with this name is the object's class (instances)
 * or base class (classes): HsSnapObject.class_ref, not a cell. No attribute's name (a
 * class's own `__class__` property is a row of its namespace like any other). */
#define HS_TRACE_CLASS_ATTR "\001class"
/* In an HS_REC_ATTRS record, a pair with this name is the key of a dict entry whose value
 * is the next pair's (an instance of a class derived from dict): a keyed cell. */
#define HS_TRACE_KEY_ATTR "__key__"
/* In a class's HS_REC_ATTRS record of a class with several bases, each pair with this name
 * names one base (its value is a pooled string, not an object): HsSnapObject.bases. */
#define HS_TRACE_BASE_ATTR "__bases__"
/* In a weak reference's HS_REC_ATTRS record, the pair with this name is the object it
 * refers to (0 once that died): HsSnapObject.weak_ref, never counted. */
#define HS_TRACE_WEAK_ATTR "__weakref_to__"

/* In a function's or an instance's HS_REC_ATTRS record, a pair whose name starts with this
 * stands before each row it draws from one of its parts (a function's defaults tuple,
 * keyword-only defaults dict or closure, an instance's materialised dict, named by the
 * rest: "__defaults__", "__dict__"): its value is the part, which holds what the row
 * refers to. The pair counts as the owner's reference to the part; the row is drawn, and
 * counted as the part's reference (HsSnapObject.parts). A part with no rows has its pair
 * once, followed by the pair (0, 0). */
#define HS_TRACE_PART_PREFIX "__part__."

/* Strings (type names, variable names, reprs of primitives) are stored once in a pool
 * and referred to by index; index 0 is "no string". A text may be derived: an earlier
 * one's start plus a tail (hs-trace-pool.c), read with hs_string_pool_text. */
typedef struct
{
  GPtrArray *strings; /* char*, owned, or a derived text (its lowest bit set); [0] = NULL */
  GHashTable *index;  /* char* (borrowed from strings) -> index+1, of the plain texts */
  gsize bytes;        /* the strings' bytes with their NULs (the recorder's budget) */
} HsStringPool;

void hs_string_pool_init (HsStringPool *pool);
void hs_string_pool_clear (HsStringPool *pool);
guint32 hs_string_pool_add (HsStringPool *pool, const char *s);
/* hs_string_pool_add of s, a g_malloc'd text, which it takes (frees it when equal to a
 * pooled one). */
guint32 hs_string_pool_take (HsStringPool *pool, char *s);
/* A new text: the first `keep` bytes of the text `base` (clipped to its length), then
 * tail_len bytes of tail. Not looked up among the pooled texts: it gets an index of its
 * own (or, far from a plain text, it is pooled plain). */
guint32 hs_string_pool_add_derived (HsStringPool *pool, guint32 base, gsize keep, const char *tail,
                                    gsize tail_len);
/* Whether idx is a derived text, and what it is made of. */
gboolean hs_string_pool_get_derived (const HsStringPool *pool, guint32 idx, guint32 *base,
                                     gsize *keep, const char **tail, gsize *tail_len);
/* The length in bytes of the text idx. */
gsize hs_string_pool_len (const HsStringPool *pool, guint32 idx);
const char *hs_string_pool_derived_get (const HsStringPool *pool, guint32 idx);

/* A recorded text clipped from a long str or bytes-like value (hs-trace-record-text.c)
 * starts with HS_TEXT_LEN_MARK, the value's length (len()) in decimal and the mark again:
 * the length travels with the text through the pool and the stream, and two values clipped
 * to the same text keep theirs. */
#define HS_TEXT_LEN_MARK '\x01'
/* text without that mark; `*len` the length it gave, or 0. */
const char *hs_text_value_len (const char *text, guint64 *len);

/* A plain text by index (a derived one is an error: hs_string_pool_text). */
static inline const char *
hs_string_pool_get (const HsStringPool *pool, guint32 idx)
{
  const char *s = idx < pool->strings->len ? g_ptr_array_index (pool->strings, idx) : NULL;

  return G_LIKELY (((guintptr)s & 1) == 0) ? s : hs_string_pool_derived_get (pool, idx);
}

/* Where a reader writes the derived texts it reads; it keeps the last one, so that the
 * next text derived from it costs only its tail (a JSON writer reads a growing str's text
 * at every step). Zero-initialised; emptied by hs_pool_scratch_clear. */
typedef struct
{
  GString *buf;
  guint32 idx; /* the text buf holds, or 0 */
} HsPoolScratch;
/* The text idx, plain or derived: a derived one is written in scratch, valid until its
 * next use. */
const char *hs_string_pool_text (const HsStringPool *pool, guint32 idx, HsPoolScratch *scratch);
void hs_pool_scratch_clear (HsPoolScratch *scratch);

typedef struct
{
  guint64 delta_offset; /* start of this step's ops in `log` */
  guint32 stdout_len;   /* bytes of output printed so far */
  guint32 stderr_len;   /* bytes of the program's stderr (HsTrace.err) so far */
  gint32 line;
  guint32 func_str;   /* pool index of the current function's name */
  guint32 exc_str;    /* pool index of the exception message, or 0 */
  guint8 event;       /* HsStepEvent-like: index into hs_trace_event_names */
  guint32 raised_str; /* "return" steps: pool index of the exception's type when one
                       * leaves the frame (it returns nothing), else 0 */
} HsTraceStep;

typedef struct
{
  int step;
  guint64 offset; /* in keylog */
  guint64 len;
} HsTraceKeyframe;

typedef struct
{
  int line;
  char *message;
} HsTraceWarning;

/* A write to stderr: it ended at err_len bytes of HsTrace.err while stdout had out_len
 * bytes, which places it in the output as a terminal shows it. */
typedef struct
{
  guint32 out_len;
  guint32 err_len;
} HsTraceErrMark;

/* Makes the trace one step saying why the program never ran (it does not compile, or is
 * refused as too large to), at `line`, like Python Tutor's traces. */
void hs_trace_set_only_step (HsTrace *trace, int line, const char *msg);
/* Ends the trace at the syntax error, in one step saying it. */
void hs_trace_finish_syntax_error (HsTrace *trace, const HsSyntaxError *err);
/* Appends what the program wrote to stderr, placed after the output so far. */
void hs_trace_add_stderr (HsTrace *trace, const char *text, gsize len);

/* Appends a warning (the message is copied). */
void hs_trace_add_warning (HsTrace *trace, int line, const char *message);

/* The number of steps. */
#define HS_TRACE_N_STEPS(t) ((guint)((t)->steps.len / sizeof (HsTraceStep)))
/* Step k (below HS_TRACE_N_STEPS). */
#define HS_TRACE_STEP(t, k) (((HsTraceStep *)(t)->steps.data)[k])

struct _HsTrace
{
  char *source;
  char *filename;
  HsTraceOptions options;
  HsLog steps; /* HsTraceStep records back to back: a log grows without copying (hs-trace-log.c) */
  HsLog log;
  HsLog keylog;
  GArray *keyframes; /* HsTraceKeyframe */
  HsStringPool pool;
  GString *out; /* all output */
  /* What the program wrote to stderr while it ran (sys.stderr, "Exception ignored in"
   * reports), and where each write goes among the output. */
  GString *err;
  GArray *err_marks; /* HsTraceErrMark */
  HsTraceEnd end;
  char *error_text;
  int syntax_line, syntax_col, syntax_end_col;
  char *syntax_msg;
  char *syntax_construct; /* HsSyntaxError.construct */
  GString *count_errors;  /* verify_counts mismatches, or NULL */
  GArray *warnings;       /* HsTraceWarning: the compiler's SyntaxWarnings */
  /* A field added here must travel in hs-trace-stream.c's MSG_END too (HsTraceStep and
   * HsTraceKeyframe fields travel by themselves). */

  /* Not part of the trace: the state last replayed, kept so that the next snapshot at or
   * a little after its step (stepping forward, explaining step k after k - 1) applies a
   * few deltas instead of replaying from a keyframe. Whoever holds the lock owns it. */
  GMutex replay_lock;
  struct _HsRState *replay_state;
  int replay_step;
};

extern const char *const hs_trace_event_names[];

/* `v` in decimal into `buf` (HS_DECIMAL_SIZE bytes), NUL-terminated; returns its length.
 * Snapshots and JSON write a number per cell: printf was most of their time. */
#define HS_DECIMAL_SIZE 24
/* A primitive's text made on the stack: an int's, or a float's repr ("-2.2250738585072014e-308") */
#define HS_PRIM_TEXT_SIZE 32
static inline gsize
hs_format_int (char *buf, gint64 v)
{
  char digits[20];
  guint64 u = v < 0 ? -(guint64)v : (guint64)v;
  gsize n = 0, len = 0;

  do
    digits[n++] = (char)('0' + u % 10);
  while ((u /= 10) != 0);
  if (v < 0)
    buf[len++] = '-';
  while (n > 0)
    buf[len++] = digits[--n];
  buf[len] = '\0';
  return len;
}

/* An empty trace of `source`, ready to record into or to read a stream into. */
HsTrace *hs_trace_new (const char *source, gsize len, const char *filename,
                       const HsTraceOptions *options);
/* The same, taking source (UTF-8, NUL-terminated, g_free'd with the trace) as it is. */
HsTrace *hs_trace_new_take (char *source, const char *filename, const HsTraceOptions *options);

/* ---- class statements (hs-trace-class-lines.c) ------------------------------------ */

/* The lines of source that start a class statement, ascending (a new array of int). */
GArray *hs_trace_class_lines (const char *source);
/* Whether line is one of them. */
gboolean hs_trace_is_class_line (GArray *lines, int line);

/* ---- variable order (hs-trace-var-order.c) --------------------------------------- */

/* A function's local `slot`'s rank among its frame's rows (HS_REC_VAR). */
guint64 hs_trace_local_rank (HsCode *code, int slot);
/* A name sorted among the variables of a frame that lists its namespace by name. */
guint64 hs_trace_name_rank (HsObject *name);
/* Whose variables a dict holds: the module's, exec() text's, or a class body's. */
typedef enum
{
  HS_TRACE_VARS_GLOBALS,
  HS_TRACE_VARS_TEXT,
  HS_TRACE_VARS_CLASS_BODY,
} HsTraceVars;
/* A dunder name the frame does not show (in a class body, only those CPython's own). */
gboolean hs_trace_hides_var (HsObject *name, HsTraceVars kind);

/* ---- replay state (hs-trace-state.c) ------------------------------------------ */

typedef enum
{
  HS_SHAPE_SEQ,
  HS_SHAPE_SLOTS, /* a SEQ whose 0 values are empty slots (HS_REC_SLOTS) */
  HS_SHAPE_PAIRS,
  HS_SHAPE_ATTRS,
  HS_SHAPE_PRIM
} HsShape;

typedef enum
{
  HS_PRIM_TEXT, /* label_str is the text (HS_REC_PRIM), or not a primitive */
  HS_PRIM_INT,
  HS_PRIM_FLOAT
} HsPrim;

/* An object's values in the replay state, in one block with their length: made to the
 * size first read (a GArray, its header and its data apart, took 80 bytes of heap for a
 * one-item tuple's value; this takes 32), grown by half when a list grows by appends. */
typedef struct
{
  guint32 len, room;
  guint64 v[];
} HsVals;

/* One per traced object (a step of 900,000 pairs replays 1,800,000 of them): its booleans are
 * bytes, packed with its small fields. */
typedef struct
{
  guint64 id;
  guint8 kind;     /* HsSnapKind */
  guint8 shape;    /* HsShape */
  guint8 prim;     /* HsPrim: how a primitive's text is kept */
  guint8 immortal; /* booleans */
  guint8 library;  /* a function of the library's generated code (HS_CODE_LIBRARY) */
  guint8 globals;  /* the program's globals dict (HS_HEADER_GLOBALS) */
  guint8 made;     /* made by the step last applied (its flags may say FREED since) */
  guint8 cut;      /* left out of the view being built (hs_rstate_cut), else 0 */
  guint32 type_str, label_str;
  guint32 n_defaults; /* functions: see HS_HEADER_DEFAULTS_SHIFT */
  guint flags;        /* HS_SNAP_FLAG_* for the step last applied */
  guint32 dirty_from; /* CHANGED: the first of `vals` that step changed (0: maybe any) */
  guint8 new_header;  /* that step gave it another header (kind, class, label, ...) */
  union
  {
    gint64 i; /* HS_PRIM_INT (HS_REC_INT) */
    double d; /* HS_PRIM_FLOAT (HS_REC_FLOAT) */
  } value;
  guint64 parent_frame_id; /* functions: the frame that made it, or 0 */
  HsVals *vals;            /* SEQ values; PAIRS key,value,...; ATTRS name_str,value,...; or NULL */
  GArray *holders;         /* guint32: kind_str, name_str, ... (HS_REC_HOLDERS), or NULL */
} HsRObj;

typedef struct
{
  guint64 id;
  guint32 name_str;
  GArray *parent_ids; /* guint64, see HsSnapFrame.parent_frame_ids */
  gboolean is_parent;
  gboolean is_hidden;
  guint64 generator_id; /* see HsSnapFrame */
  gboolean is_paused;
  int line;
  GArray *names; /* guint32 pool index */
  GArray *vals;  /* guint64 object id */
  GArray *ranks; /* guint64, see HS_REC_VAR */
  GArray *held_names;
  GArray *held_vals;
} HsRFrame;

typedef struct _HsRState
{
  HsIdMap objs; /* id -> HsRObj* (owned) */
  /* id -> HsRObj*: the objs that are not primitives (shape != HS_SHAPE_PRIM); a snapshot
   * walks these, not a long program's many constants */
  HsIdMap composites;
  GArray *marked;           /* guint64: ids whose flags the step last applied set */
  GPtrArray *frames;        /* HsRFrame*, outermost first */
  GPtrArray *freed;         /* HsRObj* freed by the step last applied (owned) */
  GArray *gc_freed;         /* guint64 */
  gboolean holders_changed; /* the step last applied named some object's hidden holders */
  /* the HsRObj are cut from blocks (a keyframe of a long list makes and a jump frees
   * hundreds of thousands of them, a malloc and a free each): blocks made, the free places */
  GPtrArray *blocks;
  guint block, block_used; /* the block being cut, and how much of it is */
  HsRObj *free_objs;       /* linked through their `vals` */
} HsRState;

HsRState *hs_rstate_new (void);
void hs_rstate_free (HsRState *st);
/* Applies ops from [offset, offset+len) of `log`; `mark` sets NEW/CHANGED flags (for the
 * step being shown) rather than rebuilding silently (keyframes, earlier steps). */
void hs_rstate_apply (HsRState *st, const HsLog *log, guint64 offset, guint64 len, gboolean mark);
/* What a writer that snapshots every step in order (the JSON) keeps of one snapshot for the
 * next: its lists, tuples and instances by id, so that the next snapshot builds only what
 * its step changed (a list's cells from the first that changed) rather than every cell of a
 * long list again. */
typedef struct _HsSnapReuse HsSnapReuse;
HsSnapReuse *hs_snap_reuse_new (void);
void hs_snap_reuse_free (HsSnapReuse *reuse);
/* Takes the objects out of `snap`, which hs_rstate_to_snapshot made with `reuse` for the
 * step before the next one asked; forgets what the last snapshot did not take. */
void hs_snap_reuse_keep (HsSnapReuse *reuse, HsSnapshot *snap);
/* Takes the objects out of a part snapshot (hs_rstate_to_part_snapshot) in place of their
 * last versions, and forgets those it freed: reuse then holds every object of its step. */
void hs_snap_reuse_keep_part (HsSnapReuse *reuse, HsSnapshot *part);
/* The object `id` as the step kept last has it, or NULL. */
HsSnapObject *hs_snap_reuse_lookup (HsSnapReuse *reuse, guint64 id);

/* Builds the public snapshot of the state for step k, with at most max_cells cells of each
 * sequence (see HsSnapObject.n_omitted; 0: all). With `reuse` (the JSON: max_cells 0, each
 * step after the one before) it takes what it can from the last snapshot kept there, and
 * leaves inline_objects empty: the JSON lists no inline value's count, and making them was
 * most of the time of a step of a long list of ints. */
HsSnapshot *hs_rstate_to_snapshot (HsRState *st, HsTrace *trace, int k, guint max_cells,
                                   HsSnapReuse *reuse);
/* What step k (applied to st with its flags) touched, for a writer that keeps the rest
 * from the step before (hs-trace-json-delta.c): the frames, and the objects the step made,
 * changed (built from `reuse` as hs_rstate_to_snapshot builds them) or freed; no counts,
 * no reachability. Into `recycled` (hs_snapshot_recycle) when not NULL: the part of the
 * step before, its objects taken, refilled without making its frames again. */
HsSnapshot *hs_rstate_to_part_snapshot (HsRState *st, HsTrace *trace, int k, HsSnapReuse *reuse,
                                        HsSnapshot *recycled);
/* Adds to `part` the objects `ids` (guint64) of st that its step did not touch, built as
 * hs_rstate_to_snapshot builds them: what the step's references drew anew (an immortal
 * int, None) in a part snapshot. */
void hs_part_snapshot_add (HsSnapshot *part, HsRState *st, HsTrace *trace, const GArray *ids);
/* Whether every object the step last applied made or changed (but primitives) is a list,
 * tuple, dict, set or instance of name/value rows alone (no part, weak reference, bases or
 * hidden holders): its entry and its references are its own rows. */
gboolean hs_rstate_marked_are_plain (HsRState *st, HsTrace *trace);
/* Marks the objects of st that a view keeping max_cells cells of each sequence leaves out
 * (hs-trace-cut.c): those only the cells it leaves out reach. FALSE if none is; else
 * hs_rstate_uncut once the view is built. */
gboolean hs_rstate_cut (HsRState *st, const HsTrace *trace, guint max_cells);
void hs_rstate_uncut (HsRState *st, const HsTrace *trace);
/* The state at step k, replayed from the nearest keyframe (step k's flags set). */
HsRState *hs_trace_replay (HsTrace *trace, int k);
/* Applies step k's delta to a state holding step k-1 (or an empty state for k == 0). */
void hs_trace_advance (HsTrace *trace, HsRState *st, int k);
/* Notes in trace->count_errors each object drawn at step k, just recorded, whose count
 * differs from its arrows or that is not alive in vm (hs-trace-verify.c). */
void hs_trace_verify_counts (HsTrace *trace, HsVM *vm, int k);
/* The snapshot of step k, through the trace's replay cache (hs_trace_snapshot). */
HsSnapshot *hs_trace_replay_snapshot (HsTrace *trace, int k, guint max_cells);

G_END_DECLS
