/* hs-trace-record-frames.c — recording the frames: each frame's variables and the values it
 * holds, compared with a shadow of what was last recorded (only the top frame and the module's
 * globals can change between two steps), and Python Tutor's parent frames.
 */
#include "config.h"

#include <string.h>

#include "hs-trace-record-private.h"

#include "hs-cell.h"
#include "hs-dict.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-inspect.h"
#include "hs-module.h"
#include "hs-str.h"

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

void
hs_record_shadow_free (gpointer p)
{
  Shadow *s = p;
  g_array_unref (s->vals);
  g_array_unref (s->ptrs);
  g_array_unref (s->keys);
  g_array_unref (s->held);
  g_array_unref (s->entries);
  g_free (s);
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
guint64
hs_record_shown_frame_id (Recorder *rec, HsCode *code, guint64 vm_id)
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
void
hs_record_mark_parent (Recorder *rec, HsLog *log, guint64 vm_id)
{
  guint depth;
  Shadow *s = shadow_of (rec, vm_id, &depth);
  if (s == NULL || s->is_parent)
    return;
  remember_parent (rec, s);
  hs_log_put (log, HS_REC_PARENT);
  hs_log_put (log, depth);
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
   * registry): the VM's, like the exception being handled. Those waiting, the next to run
   * first. */
  for (HsVMHeld i = 0; depth == 0 && i <= HS_VM_HELD_FINALIZE_REGISTRY; i++)
    for (guint j = 0; j < nvm[i]; j++)
      add_held (rec, vm_held[i][i == HS_VM_HELD_DEL_PENDING ? nvm[i] - 1 - j : j],
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

void
hs_record_put_var (HsLog *log, guint depth, guint32 name, guint64 value, guint64 rank)
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
        hs_record_put_var (log, depth, (guint32)n[0], id, n[1]);
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
            hs_record_put_var (log, depth, pool (rec, hs_str_utf8 (k)), id,
                               by_name ? hs_trace_name_rank (k) : 0);
        }
      else
        {
          /* Order changed (a deletion, or a new name): rewrite from here on. */
          if (same)
            for (gsize j = i; j < s->keys->len; j++)
              hs_record_put_var (log, depth,
                                 pool (rec, hs_str_utf8 (g_array_index (s->keys, HsObject *, j))),
                                 0, 0);
          same = FALSE;
          hs_record_put_var (log, depth, pool (rec, hs_str_utf8 (k)), id,
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
      hs_record_put_var (log, depth,
                         pool (rec, hs_str_utf8 (g_array_index (s->keys, HsObject *, j))), 0, 0);
  if (s->keys->len != i) /* most steps: no variable gone */
    {
      g_array_set_size (s->keys, i);
      g_array_set_size (s->vals, i);
      g_array_set_size (s->entries, i);
    }
}

/* Frames named __new__ or __repr__, and the library's generated code, give no step of
 * their own (see is_hidden). */
gboolean
hs_record_hides_own_steps (HsCode *code)
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

void
hs_record_put_paused (HsLog *log, guint depth)
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
          names->hides = hs_record_hides_own_steps (code);
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
    hs_record_shadow_free (s);
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
void
hs_record_sync_frames (Recorder *rec, int line, gboolean entered)
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
      s->parent_shown = hs_record_shown_frame_id (rec, code, hs_inspect_frame_parent_id (f));
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

/* Every frame whole, as a keyframe holds them: fresh shadows, so that nothing is compared
 * with what the deltas recorded. */
void
hs_record_put_frames (Recorder *rec, HsLog *log)
{
  GPtrArray *frames = rec->frames; /* as this step's sync_frames found them */

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
    hs_record_put_paused (log, frames->len - 1);
}
