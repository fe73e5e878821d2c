/* hs-trace-json-private.h — what the JSON writer (hs-trace-json.c) and its compact steps'
 * bookkeeping (hs-trace-json-delta.c) share. */
#pragma once

#include "hs-trace-private.h"

G_BEGIN_DECLS

/* The tag of the heap entry of an inline value that is an object of the language (a
 * module, a built-in function, a type, Ellipsis, NotImplemented), or NULL. */
const char *hs_json_language_tag (const HsSnapValue *v);
/* Whether a str's repr is one of the keys pg_encoder leaves out of a dict. */
gboolean hs_json_is_pg_hidden_label (const char *text);

/* What a compact step writes, found from what the step touched. */
typedef struct
{
  HsSnapshot *part;    /* hs_rstate_to_part_snapshot: the frames and the objects touched */
  GPtrArray *counted;  /* HsSnapObject*, by id: those whose count the step changed, and
                        * those it touched, their refcount set */
  GArray *gone;        /* guint64, by id: objects drawn at the step before, freed in this one */
  GPtrArray *lang_new; /* const HsSnapValue*: language objects named now, not before */
  GArray *lang_gone;   /* guint64: language objects named before, not now */
  /* const HsSnapValue*: every language object the step names, in the order a whole step
   * writes them (that of a table of all it names, see hs_json_language_order) */
  GPtrArray *lang_all;
} HsJsonDeltaStep;

/* The language objects (hs_json_language_tag) that `values` (const HsSnapValue*, in the
 * order a whole step meets them) name, in the order a whole step writes them: that of a
 * GHashTable of them all. */
GPtrArray *hs_json_language_order (GPtrArray *values);

typedef struct _HsJsonDelta HsJsonDelta;

/* `whole`: steps are written whole from what they touched, so every language object a
 * step names is written (HsJsonDeltaStep.lang_all), not only those named anew. */
HsJsonDelta *hs_json_delta_new (HsTrace *trace, gboolean whole);
void hs_json_delta_free (HsJsonDelta *delta);
/* Learns the counts and what is drawn from the whole snapshot of a step just written (its
 * objects still in it). */
void hs_json_delta_reset (HsJsonDelta *delta, HsSnapshot *snap);
/* Step k, applied to st with its flags, as what it changed (`reuse` holding every object
 * of step k - 1, as hs_snap_reuse_keep_part leaves it); FALSE when the step may change
 * more than what it touched (then write its whole snapshot, and reset). */
gboolean hs_json_delta_step (HsJsonDelta *delta, HsRState *st, int k, HsSnapReuse *reuse,
                             HsJsonDeltaStep *step);
void hs_json_delta_step_clear (HsJsonDeltaStep *step);
/* Clears `step` once written, its part snapshot kept (if `delta` is not NULL) to be filled
 * again at the next step: the objects left in it (the freed ones) go then. */
void hs_json_delta_step_done (HsJsonDelta *delta, HsJsonDeltaStep *step);

/* A compact step's proof that what it touched is still reached (hs-trace-json-reach.c). */
typedef struct _HsJsonReach HsJsonReach;

HsJsonReach *hs_json_reach_new (void);
void hs_json_reach_free (HsJsonReach *reach);
/* Forgets all, then proves what the frames of a whole snapshot reach (`frame_values`:
 * const HsSnapValue*, the frames' variables and held values). */
void hs_json_reach_reset (HsJsonReach *reach, HsSnapshot *snap, GPtrArray *frame_values);
void hs_json_reach_begin_step (HsJsonReach *reach);
/* A reference from src (0: a frame) to the drawn object dst, taken back (sign -1) or
 * made (1); every one the step took back comes before those it made. A function or an
 * object that folded a part holds nothing: its references are not told. */
void hs_json_reach_edge (HsJsonReach *reach, guint64 src, guint64 dst, int sign);
/* Whether id has a holder that still refers to it. */
gboolean hs_json_reach_proven (HsJsonReach *reach, guint64 id);
/* Removes from `wanted` (guint64* ids, the step's objects once it is counted) those
 * proven, by their holders or the references the step made to them. */
void hs_json_reach_prove (HsJsonReach *reach, GHashTable *wanted);
/* The walk from the frames met id from `holder` (0, or an object it met before): id is
 * reached. FALSE when id can neither be held by `holder` nor be left without a holder
 * (it holds others). */
gboolean hs_json_reach_met (HsJsonReach *reach, guint64 id, guint64 holder);
/* Lets an object that a step's reference made by a proven object hold what a frame held,
 * where it can: frames let go sooner. */
void hs_json_reach_prefer_objects (HsJsonReach *reach);
/* An object no longer drawn (those it held are taken back first). */
void hs_json_reach_forget (HsJsonReach *reach, guint64 id);

G_END_DECLS
