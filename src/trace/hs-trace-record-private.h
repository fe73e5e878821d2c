/* hs-trace-record-private.h — what the recorder's files share: its state (Recorder) and
 * how an object becomes traced. hs-trace-record.c writes the steps and the objects;
 * hs-trace-record-frames.c the frames; hs-trace-holders.c the hidden holders (the references the
 * program cannot see that a count includes).
 */
#pragma once

#include "hs-trace-private.h"

G_BEGIN_DECLS

typedef struct
{
  const char *text; /* an address pool() was asked for, or NULL */
  guint32 id;       /* what its text was pooled as */
} PoolCacheEntry;

/* A long str's pooled repr, which the repr of a str made from it by a concatenation extends
 * (hs-trace-record-text.c). */
typedef struct
{
  guint64 id;       /* the str's */
  gsize byte_len;   /* its text's */
  guint32 text_str; /* its pooled repr */
  gsize text_len;
  char quote;                      /* the repr's */
  gboolean has_single, has_double; /* whether the text has ' and " */
} StrText;

/* What every frame of a code shows, worked out once per code: a call pushes a frame at
 * almost every step, and each pooled its name and its variables' names again. */
typedef struct
{
  gboolean hides;    /* its frames give no step of their own (hides_own_steps) */
  guint32 name;      /* the frame's (put_push), 0 until a frame of it is pushed */
  gboolean has_vars; /* vars filled (sync_locals, the first time a frame of it is synced) */
  guint64 vars[];    /* each local's pooled name and hs_trace_local_rank, code->nlocals pairs */
} CodeNames;

typedef struct
{
  HsCode *code;
  CodeNames *names;
} CodeNamesCacheEntry;

typedef struct
{
  HsTrace *trace;
  HsVM *vm;
  const gint *cancel;
  gboolean stopped;
  gboolean yielding; /* this step is a generator's 'return' at a `yield` */
  gboolean step_limit_hit;
  gboolean too_large;      /* a collection past MAX_RECORDED_ITEMS or the trace past its budget */
  GHashTable *immortals;   /* HsObject* traced immortal objects (shared, never freed) */
  GPtrArray *immortal_ids; /* the same, lowest id first up to n_sorted, then as traced */
  guint n_sorted;
  GPtrArray *todo;             /* objects to trace */
  guint64 *held_ids;           /* sync_held's scratch, kept: it runs at every step */
  guint32 *held_labels;        /* their labels */
  guint n_held, held_cap;      /* in use, room */
  const HsType *held_types[8]; /* the built-in types held_label saw (direct-mapped) */
  guint32 held_type_labels[8]; /* their labels */
  gboolean vm_held_any;        /* the VM held objects (hs_inspect_vm_held) at the last step */
  HsObject *vm_handled;        /* the exception handled at the last step, and its id */
  guint64 vm_handled_id;
  HsCode *shown_code;        /* the code is_hidden asked about last */
  gboolean shown_code_hides; /* whether it gives no steps (hides_own_steps) */
  guint32 last_func_str;     /* the last step's function name */
  const char *last_func;     /* the text last_func_str was pooled from */
  GPtrArray *frames;         /* sync_frames' scratch: the VM's frames, outermost first */
  GPtrArray *shadows;        /* Shadow*, outermost first */
  GArray *cell_depths;       /* guint, ascending: the shadows whose code has cells or frees */
  GPtrArray *spare_shadows;  /* Shadow*: emptied, for the next frame */
  GHashTable *code_names;    /* HsCode* -> CodeNames* (code_names_of) */
  guint64 delta_start;       /* where the current step's delta began in the log */
  guint64 last_keyframe_end;
  guint64 last_keyframe_size;
  HsLog dropped_keyframe;         /* forward_only: the keyframe being measured */
  guint64 dropped_keyframe_bytes; /* forward_only: what the keyframes not kept measured */
  guint32 str_iterator, str_pending, str_handling, str_return, str_class, str_base, str_cell,
      str_finalizing, str_registry, str_weak, str_f_func;
  GHashTable *class_dicts;     /* a traced class's namespace dict -> the class */
  GHashTable *part_owners;     /* a traced function's part (its defaults...) or instance's
                                * materialised __dict__ -> the function or instance, whose rows
                                * show what the part holds */
  GHashTable *dict_parts;      /* a traced instance -> the __dict__ it was last drawn with */
  gboolean shared_dicts;       /* two instances were drawn with one __dict__ (`b.__dict__ =
                                * a.__dict__`): a change to a dict part looks for them all */
  GHashTable *code_holders;    /* HsObject* constant -> GArray of guint32 (kind_str, name_str) */
  guint codes_version;         /* the VM's codes_version when code_holders was made */
  guint64 code_holders_max_id; /* the highest id of a mortal key of code_holders */
  gboolean module_annotated;   /* the module had an __annotations__ at its last sync */
  GPtrArray *generators;       /* traced generators that ran since the last flush (their frames
                                * change without a dirty mark), lowest id first */
  gsize oversized_len;         /* length of the first collection too large to record, or 0 */
  const char *oversized_type;
  GArray *class_lines;  /* int, ascending: the lines that start a class statement */
  guint64 hidden_frame; /* the class body running unseen (see is_hidden), or 0 */
  gint64 hidden_events; /* events not recorded as steps so far */
  guint64 last_shown_id;
  GHashTable *parents;      /* VM frame id -> shown id, of the frames that made shown functions */
  GHashTable *parent_links; /* shown id -> its parent_shown, of those frames */
  GArray *rows;             /* Row: scratch of put_rows */
  GHashTable *texts;        /* a traced int, float or str -> its pooled repr (primitive_text) */
  GString *text_scratch;    /* str_text's */

  /* where the module's __annotations__ entry is (its number + 1, 0: none) while the
   * globals' keys_version is annotations_keys */
  guint64 annotations_keys;
  gsize annotations_at;
  /* the module's __annotations__ dict (or NULL) at the last hs_record_put_annotation_holders,
   * once it was looked for */
  HsObject *annotations;
  gboolean annotations_known;

  PoolCacheEntry pool_cache[512]; /* pool()'s */
  HsObject *immortals_seen[64];   /* is_traced's: immortals found in `immortals` */
  /* code_names_of's, direct-mapped by address: a code lives as long as the run */
  CodeNamesCacheEntry code_names_cache[64];
  StrText str_texts[64]; /* direct-mapped by id */

  /* a traced generator -> GArray of guint64: what its rows were last put from */
  GHashTable *generator_sources;
  GArray *sources_scratch;
  HsObject *sources_put; /* the generator whose sources generator_unchanged just stored */
} Recorder;

static inline gboolean
is_traced (Recorder *rec, HsObject *o)
{
  HsObject **seen;

  if (!hs_is_immortal (o))
    return (o->flags & HS_FLAG_TRACED) != 0;
  /* an immortal traced stays so (None, a small int: looked up at most steps) */
  seen = &rec->immortals_seen[((guintptr)o >> 4) % G_N_ELEMENTS (rec->immortals_seen)];
  if (*seen == o)
    return TRUE;
  if (!g_hash_table_contains (rec->immortals, o))
    return FALSE;
  *seen = o;
  return TRUE;
}

/* The id the log uses for a value, queueing the object for tracing if needed. */
static inline guint64
ref (Recorder *rec, HsObject *o)
{
  if (o == NULL)
    return 0;
  if (!is_traced (rec, o))
    {
      if (hs_is_immortal (o))
        {
          g_hash_table_add (rec->immortals, o);
          g_ptr_array_add (rec->immortal_ids, o);
        }
      else
        o->flags |= HS_FLAG_TRACED;
      g_ptr_array_add (rec->todo, o);
    }
  return hs_object_id (o);
}

/* The pooled copy of s. The recorder pools the same few names (a type's, a variable's, a
 * label) from the same addresses at every step: a direct-mapped cache by address answers
 * most without hashing the text (checked against the text, so an address reused for
 * another text is only a miss). */
static inline guint32
pool (Recorder *rec, const char *s)
{
  PoolCacheEntry *e;

  if (s == NULL)
    return 0;
  e = &rec->pool_cache[((guintptr)s >> 3) % G_N_ELEMENTS (rec->pool_cache)];
  if (e->text != s || strcmp (hs_string_pool_get (&rec->trace->pool, e->id), s) != 0)
    {
      e->text = s;
      e->id = hs_string_pool_add (&rec->trace->pool, s);
    }
  return e->id;
}

/* ---- frames (hs-trace-record-frames.c) ------------------------------------------- */

/* Frees a frame's shadow (what was last recorded of it). */
void hs_record_shadow_free (gpointer shadow);
/* Compares the VM's frames with their shadows and logs what changed; `entered`: this step
 * called a function. */
void hs_record_sync_frames (Recorder *rec, int line, gboolean entered);
/* Puts every frame whole into a keyframe. */
void hs_record_put_frames (Recorder *rec, HsLog *log);
/* Logs a variable of the frame at depth: its pooled name, its value's id, its rank. */
void hs_record_put_var (HsLog *log, guint depth, guint32 name, guint64 value, guint64 rank);
/* Logs that the frame at depth is paused at a `yield`. */
void hs_record_put_paused (HsLog *log, guint depth);
/* Whether a code's frames give no steps of their own (library code, __new__, __repr__). */
gboolean hs_record_hides_own_steps (HsCode *code);
/* The shown id of the frame that made a function of this code (vm_id), or 0. */
guint64 hs_record_shown_frame_id (Recorder *rec, HsCode *code, guint64 vm_id);
/* Marks the frame vm_id a parent (Python Tutor's): a function it made is shown. */
void hs_record_mark_parent (Recorder *rec, HsLog *log, guint64 vm_id);

/* ---- texts (hs-trace-record-text.c) ------------------------------------------------ */

/* The runtime's repr of o, computed without disturbing the program, clipped to what a
 * recorded text keeps (newly allocated). */
char *hs_record_repr_text (Recorder *rec, HsObject *o);
/* Whether o's text never changes (an int, a str): pooled once while it lives. */
gboolean hs_record_has_fixed_text (HsObject *o);
/* Whether o may have a text kept in rec->texts (hs_record_primitive_text): a str, or an int
 * past 64 bits (put_object records the others by value). Asked as each traced object is freed. */
gboolean hs_record_has_pooled_text (HsObject *o);
/* The pooled text of a primitive (its repr, a module's class by its name). */
guint32 hs_record_primitive_text (Recorder *rec, HsObject *o);

/* Appends `*args`, keyword-only parameters and `**kwargs` (after the positional ones) to a
 * function's label. */
void hs_record_append_star_params (GString *label, HsCode *code);
/* Python Tutor tells lambdas apart by their line: "<lambda> <line 3>". */
void hs_record_append_lambda_line (GString *name, HsCode *code);

/* ---- hidden holders (hs-trace-holders.c) ------------------------------------------ */

/* The keys (values: TRUE) of a table of objects, in a new array, oldest (lowest id) first.
 * A table keyed by object is hashed on addresses, which change from run to run: the trace
 * walks it only in this order, so that its ids and records never depend on them. */
GPtrArray *hs_record_by_id (GHashTable *table, gboolean values);
/* The order of hs_record_by_id, for g_ptr_array_sort. */
gint hs_record_compare_ids (gconstpointer a, gconstpointer b);

/* What the unfolded parts of o keep out of its drawing (a class's namespace entries
 * __doc__, __module__, ...): (key, value) pairs, flattened, in a new array. */
GPtrArray *hs_record_hidden_rows (HsObject *o);
/* Whether o may be a class's __mro__ or __bases__ tuple that the program reached: drawn,
 * its items its arrows (a class's descriptors stay hidden holders: their references are
 * not drawn). */
gboolean hs_record_is_traced_tuple (HsObject *o);
/* Who holds each constant: the code objects whose co_consts name it and the parse tree of
 * the program. Code objects live as long as the run, so this is made once, and every
 * constant is traced: what a constant tuple holds counts, drawn or not (a snapshot leaves
 * out what only hidden holders keep, and lists its references as hidden holders). */
void hs_record_ensure_code_holders (Recorder *rec);
/* A class's __mro__ and __bases__ tuples (either may be NULL while it is made or cleared). */
void hs_record_class_tuples (HsObject *cls, HsObject *tuples[2]);
/* Writes the object's hidden holders (code objects and the parsed program for a constant,
 * class internals for a class) when it has or may have had some. */
void hs_record_put_holders (Recorder *rec, HsLog *log, HsObject *o, HsObject *leaving);
/* When the module's __annotations__ changed: the holders again of what it holds. */
void hs_record_put_annotation_holders (Recorder *rec, HsLog *log);
/* A class's internal object the program reached is traced now: the classes it refers to
 * counted it as a hidden holder, and count its references as arrows from now on. */
void hs_record_put_internal_traced (Recorder *rec, HsLog *log, HsObject *o);
/* A class's internals hold its ancestors and its metaclass: theirs change when it comes or
 * goes. Those not yet written get theirs when they are. */
void hs_record_put_ancestor_holders (Recorder *rec, HsLog *log, HsObject *cls, HsObject *leaving);
/* The holders of the internals of cls the program reached before cls was traced. */
void hs_record_put_traced_internal_holders (Recorder *rec, HsLog *log, HsObject *cls);

G_END_DECLS
