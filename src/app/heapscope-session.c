/* heapscope-session.c — recording in a GTask, layouts on one thread, a per-step cache.
 *
 * Invariants:
 * - `box` is the latest successful trace; workers hold their own reference, so a new
 *   run never frees a trace a layout or an export is reading.
 * - `cache` maps step -> HeapscopeStepInfo (scene, output, explanation) laid out from `box` with
 * the current view options; `generation` changes whenever either changes, and a result from an
 * older generation is dropped on arrival.
 * - `pending` holds the steps queued on the layout pool, so none is queued twice.
 * - `run_task` is the run under way (NULL when none): a run longer than PREVIEW_STEPS
 *   first records its first PREVIEW_STEPS steps and shows them (`partial`) while the
 *   whole run records, so a long program shows its first diagram at once. A run the
 *   user stops keeps the steps recorded so far; a run replaced by a newer one, or
 *   cancelled because the window closed, delivers nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "heapscope-session.h"
#include "hs-diagram.h"

/* Steps recorded and shown before the rest of a long run: small enough to take a few
 * milliseconds, large enough that the user rarely steps past them while waiting. */
#define PREVIEW_STEPS 1000

struct _HeapscopeTraceBox
{
  HsTrace *trace;
};

HeapscopeTraceBox *
heapscope_trace_box_new (HsTrace *trace)
{
  HeapscopeTraceBox *box = g_atomic_rc_box_new0 (HeapscopeTraceBox);

  box->trace = trace;
  return box;
}

HeapscopeTraceBox *
heapscope_trace_box_ref (HeapscopeTraceBox *box)
{
  return g_atomic_rc_box_acquire (box);
}

static void
trace_box_clear (gpointer data)
{
  HeapscopeTraceBox *box = data;

  g_clear_pointer (&box->trace, hs_trace_free);
}

void
heapscope_trace_box_unref (HeapscopeTraceBox *box)
{
  g_atomic_rc_box_release_full (box, trace_box_clear);
}

HsTrace *
heapscope_trace_box_get (HeapscopeTraceBox *box)
{
  return box ? box->trace : NULL;
}

/* ---- view options, copied for workers ---- */

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static GHashTable *
id_set_copy (GHashTable *src)
{
  GHashTable *dst = id_set_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (dst, g_memdup2 (key, sizeof (guint64)));
  return dst;
}

static GHashTable *
str_set_copy (GHashTable *src)
{
  GHashTable *dst = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (dst, g_strdup (key));
  return dst;
}

static void
view_options_init (HeapscopeViewOptions *o)
{
  o->collapsed_ids = id_set_new ();
  o->collapsed_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o->expanded_ids = id_set_new ();
  o->show_refcounts = TRUE;
}

static void
view_options_clear (HeapscopeViewOptions *o)
{
  g_clear_pointer (&o->collapsed_ids, g_hash_table_unref);
  g_clear_pointer (&o->collapsed_types, g_hash_table_unref);
  g_clear_pointer (&o->expanded_ids, g_hash_table_unref);
}

HeapscopeViewOptions *
heapscope_view_options_copy (const HeapscopeViewOptions *o)
{
  HeapscopeViewOptions *c = g_new0 (HeapscopeViewOptions, 1);

  c->collapsed_ids = id_set_copy (o->collapsed_ids);
  c->collapsed_types = str_set_copy (o->collapsed_types);
  c->expanded_ids = id_set_copy (o->expanded_ids);
  c->show_refcounts = o->show_refcounts;
  c->view_flags = o->view_flags;
  return c;
}

void
heapscope_view_options_free (HeapscopeViewOptions *o)
{
  view_options_clear (o);
  g_free (o);
}

/* ---- layout of one step ---- */

HsScene *
heapscope_layout_step (HsTrace *trace, int k, const HeapscopeViewOptions *options)
{
  g_autoptr (HsSnapshot) snap = hs_trace_view (trace, k, options->view_flags);

  return snap ? heapscope_layout_snapshot (snap, options) : NULL;
}

HsScene *
heapscope_layout_snapshot (const HsSnapshot *snap, const HeapscopeViewOptions *options)
{
  g_autoptr (GError) error = NULL;
  HsDiagramOptions opts;
  HsScene *scene;

  hs_diagram_options_init (&opts);
  opts.collapsed_ids = options->collapsed_ids;
  opts.collapsed_types = options->collapsed_types;
  opts.expanded_ids = options->expanded_ids;
  scene = hs_diagram_render (snap, &opts, &error);
  if (scene == NULL)
    g_warning ("Could not lay out step %d: %s", snap->step, error ? error->message : "?");
  return scene;
}

static void
step_info_free (HeapscopeStepInfo *info)
{
  g_clear_pointer (&info->scene, hs_scene_free);
  g_free (info->stdout_text);
  g_free (info->exception_msg);
  g_strfreev (info->explanation);
  g_free (info);
}

static HeapscopeStepInfo *
prepare_step (HsTrace *trace, int k, const HeapscopeViewOptions *options)
{
  g_autoptr (HsSnapshot) snap = hs_trace_view (trace, k, options->view_flags);
  HeapscopeStepInfo *info = g_new0 (HeapscopeStepInfo, 1);

  info->explanation = hs_trace_explain_step (trace, k, options->view_flags);
  if (snap == NULL)
    return info;
  info->stdout_text = g_strdup (snap->stdout_text);
  info->exception_msg = g_strdup (snap->exception_msg);
  info->n_objects = snap->objects->len;
  info->scene = heapscope_layout_snapshot (snap, options);
  return info;
}

/* ---- the session ---- */

struct _HeapscopeSession
{
  GObject parent_instance;
  HeapscopeTraceBox *box;
  GCancellable *run_cancellable;
  GTask *run_task;
  guint run_serial;
  gboolean partial;
  gboolean stopped;
  HeapscopeViewOptions options;
  GHashTable *cache;   /* int step -> HsScene* */
  GHashTable *pending; /* int step */
  guint generation;
  int wanted_step; /* atomic: the step the user looks at, for skipping stale jobs */
  GThreadPool *pool;
};

enum
{
  PROP_0,
  PROP_TRACE,
  PROP_RUNNING,
  N_PROPS
};

enum
{
  STEP_READY,
  PREVIEW_READY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HeapscopeSession, heapscope_session, G_TYPE_OBJECT)

/* ---- recording ---- */

typedef struct
{
  char *source;
  char *filename;
  HsTraceOptions options;
  gint cancel;
  gint user_stopped;
  gint progress; /* steps recorded so far, for the window's note */
  GCancellable *cancellable;
  gulong cancel_id;
  guint serial;
} RunData;

static void
run_data_free (RunData *data)
{
  if (data->cancellable)
    g_cancellable_disconnect (data->cancellable, data->cancel_id);
  g_clear_object (&data->cancellable);
  g_free (data->source);
  g_free (data->filename);
  g_free (data);
}

static void
on_run_cancelled (GCancellable *cancellable, RunData *data)
{
  g_atomic_int_set (&data->cancel, 1);
}

static void drop_cache (HeapscopeSession *self);

/* Queues `func` on the main loop. Not g_main_context_invoke: that runs it right here,
 * on the worker thread, whenever the main context happens to be free. */
static void
run_on_main (GSourceFunc func, gpointer data, GDestroyNotify notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_attach (source, NULL);
  g_source_unref (source);
}

typedef struct
{
  GWeakRef session;
  guint serial;
  HsTrace *trace;
} Preview;

static void
preview_free (Preview *p)
{
  g_weak_ref_clear (&p->session);
  g_clear_pointer (&p->trace, hs_trace_free);
  g_free (p);
}

/* Main thread: show the preview unless the run it belongs to is over or replaced. */
static gboolean
deliver_preview (gpointer user_data)
{
  Preview *p = user_data;
  g_autoptr (HeapscopeSession) self = g_weak_ref_get (&p->session);

  if (self == NULL || self->run_task == NULL || p->serial != self->run_serial)
    return G_SOURCE_REMOVE;
  g_clear_pointer (&self->box, heapscope_trace_box_unref);
  self->box = heapscope_trace_box_new (g_steal_pointer (&p->trace));
  self->partial = TRUE;
  self->stopped = FALSE;
  drop_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACE]);
  g_signal_emit (self, signals[PREVIEW_READY], 0);
  return G_SOURCE_REMOVE;
}

static void
run_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  RunData *data = task_data;
  gsize len = strlen (data->source);
  HsTrace *trace;

  if (data->options.max_steps > PREVIEW_STEPS + 1)
    {
      HsTraceOptions preview = data->options;
      Preview *p;

      preview.max_steps = PREVIEW_STEPS + 1; /* its last step is the limit note */
      trace = hs_trace_record (data->source, len, data->filename, &preview, &data->cancel);
      if (hs_trace_get_end (trace) != HS_TRACE_END_STEP_LIMIT)
        {
          /* the whole run fitted: this is the trace (a limit not reached is invisible) */
          g_task_return_pointer (task, trace, (GDestroyNotify)hs_trace_free);
          return;
        }
      p = g_new0 (Preview, 1);
      g_weak_ref_init (&p->session, source_object);
      p->serial = data->serial;
      p->trace = trace;
      run_on_main (deliver_preview, p, (GDestroyNotify)preview_free);
    }
  data->options.progress = &data->progress;
  trace = hs_trace_record (data->source, len, data->filename, &data->options, &data->cancel);
  g_task_return_pointer (task, trace, (GDestroyNotify)hs_trace_free);
}

int
heapscope_session_get_recorded_steps (HeapscopeSession *self)
{
  RunData *data;

  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), 0);
  if (self->run_task == NULL)
    return 0;
  data = g_task_get_task_data (self->run_task);
  return g_atomic_int_get (&data->progress);
}

static gboolean
get_running (HeapscopeSession *self)
{
  return self->run_task != NULL;
}

void
heapscope_session_run_async (HeapscopeSession *self, const char *source, const char *filename,
                             const HsTraceOptions *options, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  RunData *data;

  g_return_if_fail (HEAPSCOPE_IS_SESSION (self));
  g_return_if_fail (source != NULL);

  heapscope_session_cancel (self);
  self->run_cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();

  data = g_new0 (RunData, 1);
  data->source = g_strdup (source);
  data->filename = g_strdup (filename ? filename : "<string>");
  if (options)
    data->options = *options;
  else
    hs_trace_options_init (&data->options);
  data->serial = ++self->run_serial;
  data->cancellable = g_object_ref (self->run_cancellable);
  data->cancel_id
      = g_cancellable_connect (data->cancellable, G_CALLBACK (on_run_cancelled), data, NULL);

  task = g_task_new (self, self->run_cancellable, callback, user_data);
  g_task_set_source_tag (task, heapscope_session_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify)run_data_free);
  /* a run the user stopped still returns the steps it recorded */
  g_task_set_check_cancellable (task, FALSE);
  self->run_task = g_object_ref (task);
  g_task_run_in_thread (task, run_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
drop_cache (HeapscopeSession *self)
{
  self->generation++;
  g_hash_table_remove_all (self->cache);
  g_hash_table_remove_all (self->pending);
}

gboolean
heapscope_session_run_finish (HeapscopeSession *self, GAsyncResult *result, GError **error)
{
  RunData *data;
  HsTrace *trace;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  data = g_task_get_task_data (G_TASK (result));
  trace = g_task_propagate_pointer (G_TASK (result), error);
  if (trace == NULL)
    return FALSE;
  if (data->serial != self->run_serial || self->run_task != G_TASK (result)
      || (hs_trace_get_end (trace) == HS_TRACE_END_CANCELLED
          && !g_atomic_int_get (&data->user_stopped)))
    {
      /* a newer run replaced this one, or the window went away, while it recorded */
      hs_trace_free (trace);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("The run was cancelled"));
      return FALSE;
    }
  g_clear_object (&self->run_cancellable);
  g_clear_object (&self->run_task);
  g_clear_pointer (&self->box, heapscope_trace_box_unref);
  self->box = heapscope_trace_box_new (trace);
  self->partial = FALSE;
  self->stopped = hs_trace_get_end (trace) == HS_TRACE_END_CANCELLED;
  drop_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACE]);
  return TRUE;
}

void
heapscope_session_cancel (HeapscopeSession *self)
{
  g_return_if_fail (HEAPSCOPE_IS_SESSION (self));
  if (self->run_cancellable == NULL)
    return;
  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_object (&self->run_task);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
heapscope_session_stop (HeapscopeSession *self)
{
  RunData *data;

  g_return_if_fail (HEAPSCOPE_IS_SESSION (self));
  if (self->run_task == NULL)
    return;
  data = g_task_get_task_data (self->run_task);
  g_atomic_int_set (&data->user_stopped, 1);
  /* stays "running" until the worker hands back the steps recorded so far */
  g_cancellable_cancel (self->run_cancellable);
}

gboolean
heapscope_session_get_partial (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), FALSE);
  return self->partial;
}

gboolean
heapscope_session_get_stopped (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), FALSE);
  return self->stopped;
}

gboolean
heapscope_session_get_running (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), FALSE);
  return get_running (self);
}

HsTrace *
heapscope_session_get_trace (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  return heapscope_trace_box_get (self->box);
}

HeapscopeTraceBox *
heapscope_session_ref_trace_box (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  return self->box ? heapscope_trace_box_ref (self->box) : NULL;
}

/* ---- layouts ---- */

typedef struct
{
  GWeakRef session;
  HeapscopeTraceBox *box;
  HeapscopeViewOptions *options;
  guint generation;
  int step;
  const int *wanted_step;
  HeapscopeStepInfo *info;
} LayoutJob;

static void
layout_job_free (LayoutJob *job)
{
  g_weak_ref_clear (&job->session);
  g_clear_pointer (&job->box, heapscope_trace_box_unref);
  g_clear_pointer (&job->options, heapscope_view_options_free);
  g_clear_pointer (&job->info, step_info_free);
  g_free (job);
}

static gboolean
deliver_layout (gpointer data)
{
  LayoutJob *job = data;
  g_autoptr (HeapscopeSession) self = g_weak_ref_get (&job->session);

  if (self == NULL || job->generation != self->generation)
    return G_SOURCE_REMOVE;
  g_hash_table_remove (self->pending, GINT_TO_POINTER (job->step));
  if (job->info == NULL)
    return G_SOURCE_REMOVE;
  g_hash_table_replace (self->cache, GINT_TO_POINTER (job->step), g_steal_pointer (&job->info));
  g_signal_emit (self, signals[STEP_READY], 0, job->step);
  return G_SOURCE_REMOVE;
}

static void
layout_worker (gpointer data, gpointer pool_data)
{
  LayoutJob *job = data;
  int wanted = g_atomic_int_get (job->wanted_step);

  /* the user scrubbed far away: this prefetch is no longer worth its time */
  if (ABS (job->step - wanted) <= 4)
    job->info = prepare_step (job->box->trace, job->step, job->options);
  run_on_main (deliver_layout, job, (GDestroyNotify)layout_job_free);
}

static void
queue_layout (HeapscopeSession *self, int k)
{
  LayoutJob *job;

  if (k < 0 || k >= hs_trace_get_n_steps (self->box->trace)
      || g_hash_table_contains (self->cache, GINT_TO_POINTER (k))
      || g_hash_table_contains (self->pending, GINT_TO_POINTER (k)))
    return;
  job = g_new0 (LayoutJob, 1);
  g_weak_ref_init (&job->session, self);
  job->box = heapscope_trace_box_ref (self->box);
  job->options = heapscope_view_options_copy (&self->options);
  job->generation = self->generation;
  job->step = k;
  job->wanted_step = &self->wanted_step;
  g_hash_table_add (self->pending, GINT_TO_POINTER (k));
  g_thread_pool_push (self->pool, job, NULL);
}

static void
trim_cache (HeapscopeSession *self, int k)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->cache) < 256)
    return;
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (ABS (GPOINTER_TO_INT (key) - k) > 64)
      g_hash_table_iter_remove (&iter);
}

const HeapscopeStepInfo *
heapscope_session_get_step (HeapscopeSession *self, int k)
{
  const HeapscopeStepInfo *info;

  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  if (self->box == NULL || k < 0 || k >= hs_trace_get_n_steps (self->box->trace))
    return NULL;
  g_atomic_int_set (&self->wanted_step, k);
  trim_cache (self, k);
  info = g_hash_table_lookup (self->cache, GINT_TO_POINTER (k));
  queue_layout (self, k);
  queue_layout (self, k + 1);
  queue_layout (self, k - 1);
  queue_layout (self, k + 2);
  return info;
}

const HeapscopeStepInfo *
heapscope_session_get_step_sync (HeapscopeSession *self, int k)
{
  HeapscopeStepInfo *info;

  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  if (self->box == NULL || k < 0 || k >= hs_trace_get_n_steps (self->box->trace))
    return NULL;
  info = g_hash_table_lookup (self->cache, GINT_TO_POINTER (k));
  if (info)
    return info;
  info = prepare_step (self->box->trace, k, &self->options);
  g_hash_table_replace (self->cache, GINT_TO_POINTER (k), info);
  return info;
}

HeapscopeViewOptions *
heapscope_session_get_view_options (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  return &self->options;
}

void
heapscope_session_options_changed (HeapscopeSession *self)
{
  g_return_if_fail (HEAPSCOPE_IS_SESSION (self));
  drop_cache (self);
}

static void
heapscope_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HeapscopeSession *self = HEAPSCOPE_SESSION (object);

  switch (prop_id)
    {
      case PROP_TRACE:
        g_value_set_pointer (value, heapscope_session_get_trace (self));
        break;
      case PROP_RUNNING:
        g_value_set_boolean (value, get_running (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heapscope_session_dispose (GObject *object)
{
  HeapscopeSession *self = HEAPSCOPE_SESSION (object);

  if (self->run_cancellable)
    g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_object (&self->run_task);
  if (self->pool)
    {
      /* wait for the layout in progress: it reads self->wanted_step */
      g_thread_pool_free (self->pool, TRUE, TRUE);
      self->pool = NULL;
    }
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->box, heapscope_trace_box_unref);
  view_options_clear (&self->options);
  G_OBJECT_CLASS (heapscope_session_parent_class)->dispose (object);
}

static void
heapscope_session_class_init (HeapscopeSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = heapscope_session_dispose;
  object_class->get_property = heapscope_session_get_property;

  properties[PROP_TRACE] = g_param_spec_pointer (
      "trace", NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING]
      = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STEP_READY] = g_signal_new ("step-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* the first steps of a long run are shown while it still records */
  signals[PREVIEW_READY] = g_signal_new ("preview-ready", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
heapscope_session_init (HeapscopeSession *self)
{
  view_options_init (&self->options);
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)step_info_free);
  self->pending = g_hash_table_new (NULL, NULL);
  /* one thread: Graphviz layouts cannot run in parallel anyway */
  self->pool = g_thread_pool_new_full (layout_worker, NULL, (GDestroyNotify)layout_job_free, 1,
                                       FALSE, NULL);
}

HeapscopeSession *
heapscope_session_new (void)
{
  return g_object_new (HEAPSCOPE_TYPE_SESSION, NULL);
}
