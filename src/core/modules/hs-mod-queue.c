/* hs-mod-queue.c — the `queue` module: Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty
 * and Full.
 *
 * Invariant: a queue holds what CPython's Python class keeps in its instance's __dict__
 * (less the lock and conditions, as a program here has one thread): `maxsize` as given, its
 * items in `queue` (a deque for Queue, a list for LifoQueue, a heap list for PriorityQueue,
 * kept with heapq's own functions) and `unfinished_tasks`; a SimpleQueue its items in a list.
 * Putting into a full queue or getting from an empty one without blocking raises Full or
 * Empty as CPython's; with a timeout it raises them at once (where CPython waits the timeout
 * out: nothing else could change the queue meanwhile); blocking without a timeout, where
 * CPython would wait forever for another thread, raises them with a message saying so, and
 * join() with tasks not done raises RuntimeError likewise.
 */
#include "config.h"

#include <stddef.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-deque.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

static HsType empty_type = {
  .name = "Empty",
  .module = "_queue",
  .base = &hs_exc_Exception,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

static HsType full_type = {
  .name = "Full",
  .module = "queue",
  .base = &hs_exc_Exception,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

typedef struct
{
  HsObject header;
  HsObject *maxsize;    /* as given (NULL for a SimpleQueue) */
  HsObject *queue;      /* deque or list */
  HsObject *unfinished; /* int (NULL for a SimpleQueue) */
} HsQueue;

#define Q(o) ((HsQueue *)(o))

static HsType queue_type, lifo_type, priority_type, simple_type;

static void
q_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, Q (self)->maxsize);
  HS_CLEAR (vm, Q (self)->queue);
  HS_CLEAR (vm, Q (self)->unfinished);
}

static void
q_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (Q (self)->maxsize != NULL)
    hs_visit_named (visit, Q (self)->maxsize, HS_REF_ATTR, "maxsize", data);
  if (Q (self)->queue != NULL)
    hs_visit_named (visit, Q (self)->queue, HS_REF_ATTR,
                    HS_IS (self, &simple_type) ? "_queue" : "queue", data);
  if (Q (self)->unfinished != NULL)
    hs_visit_named (visit, Q (self)->unfinished, HS_REF_ATTR, "unfinished_tasks", data);
}

static HsObject *
q_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *v = NULL;
  if (hs_str_equal_cstr (name, "maxsize"))
    v = Q (self)->maxsize;
  else if (hs_str_equal_cstr (name, "queue") && !HS_IS (self, &simple_type))
    v = Q (self)->queue;
  else if (hs_str_equal_cstr (name, "unfinished_tasks"))
    v = Q (self)->unfinished;
  if (v != NULL)
    return hs_incref (v);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
q_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *maxsize = hs_int_from_i64 (vm, 0);
  HsQueue *q;
  if (type == &simple_type)
    {
      if (!hs_parse_args (vm, "SimpleQueue", args, nargs, kwnames, ""))
        return NULL;
    }
  else if (!hs_parse_args (vm, "Queue.__init__", args, nargs, kwnames, "@|maxsize", &maxsize))
    return NULL;
  if ((q = (HsQueue *)hs_object_alloc (vm, type, sizeof (HsQueue))) == NULL)
    return NULL;
  hs_gc_track (vm, &q->header);
  if (type != &simple_type)
    {
      q->maxsize = hs_incref (maxsize);
      q->unfinished = hs_int_from_i64 (vm, 0);
    }
  q->queue = type == &queue_type ? hs_object_call (vm, (HsObject *)&hs_deque_type, NULL, 0, NULL)
                                 : hs_list_new (vm, 0);
  if (q->queue == NULL || (type != &simple_type && q->unfinished == NULL))
    {
      hs_decref (vm, &q->header);
      return NULL;
    }
  return &q->header;
}

static gssize
qsize (HsVM *vm, HsObject *self)
{
  return hs_object_len (vm, Q (self)->queue);
}

/* 0 < maxsize <= qsize: 1, 0, -1 error (CPython's full()). */
static int
is_full (HsVM *vm, HsObject *self)
{
  HsObject *zero = hs_int_from_i64 (vm, 0), *n;
  int t;
  gssize size;
  if (Q (self)->maxsize == NULL)
    return 0;
  t = hs_object_richcompare_bool (vm, zero, Q (self)->maxsize, HS_CMP_LT);
  if (t <= 0)
    return t;
  if ((size = qsize (vm, self)) < 0 || (n = hs_int_from_i64 (vm, size)) == NULL)
    return -1;
  t = hs_object_richcompare_bool (vm, Q (self)->maxsize, n, HS_CMP_LE);
  hs_decref (vm, n);
  return t;
}

/* What a blocking call does when it would wait: 0 to raise `exc` as CPython would after its
 * timeout, 1 when there is no timeout (it would wait forever), -1 with CPython's ValueError
 * for a negative timeout. */
static int
waits_forever (HsVM *vm, HsObject *timeout)
{
  HsObject *zero;
  int t;
  if (timeout == hs_None)
    return 1;
  zero = hs_int_from_i64 (vm, 0);
  t = hs_object_richcompare_bool (vm, timeout, zero, HS_CMP_LT);
  if (t < 0)
    return -1;
  if (t > 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "'timeout' must be a non-negative number");
      return -1;
    }
  return 0;
}

static HsObject *
call_heapq (HsVM *vm, const char *fn, HsObject **args, gsize nargs)
{
  HsObject *heapq = hs_import_module (vm, "heapq"), *r;
  if (heapq == NULL)
    return NULL;
  r = hs_object_call_method (vm, heapq, fn, args, nargs, NULL);
  hs_decref (vm, heapq);
  return r;
}

static int
add_unfinished (HsVM *vm, HsObject *self, gint64 delta, gint64 *now)
{
  gint64 n = 0;
  HsObject *v;
  if (Q (self)->unfinished == NULL)
    return 0;
  if (!hs_int_as_i64 (Q (self)->unfinished, &n))
    n = 0;
  n += delta;
  if (now != NULL)
    *now = n;
  if (n < 0)
    return 0;
  if ((v = hs_int_from_i64 (vm, n)) == NULL)
    return -1;
  HS_CLEAR (vm, Q (self)->unfinished);
  Q (self)->unfinished = v;
  hs_object_mark_dirty (vm, self);
  return 0;
}

static HsObject *
q_put_with (HsVM *vm, HsObject *self, HsObject *item, HsObject *block, HsObject *timeout)
{
  HsObject *r;
  int full = is_full (vm, self), b;
  if (full < 0)
    return NULL;
  if (full)
    {
      int forever;
      if ((b = hs_object_truth (vm, block)) < 0)
        return NULL;
      forever = b ? waits_forever (vm, timeout) : 0;
      if (forever < 0)
        return NULL;
      if (forever)
        {
          HsObject *m = hs_object_repr (vm, Q (self)->maxsize);
          if (m == NULL)
            return NULL;
          hs_err_format (vm, &full_type,
                         "put() would wait forever: the queue is full (maxsize=%s) and no other "
                         "thread can take an item (Heapscope runs one thread)",
                         hs_str_utf8 (m));
          hs_decref (vm, m);
        }
      else
        hs_err_set_value (vm, &full_type, NULL);
      return NULL;
    }
  if (HS_IS (self, &priority_type))
    {
      HsObject *args[2] = { Q (self)->queue, item };
      r = call_heapq (vm, "heappush", args, 2);
    }
  else
    r = hs_object_call_method (vm, Q (self)->queue, "append", &item, 1, NULL);
  if (r == NULL)
    return NULL;
  hs_decref (vm, r);
  if (add_unfinished (vm, self, 1, NULL) < 0)
    return NULL;
  return hs_incref (hs_None);
}

static HsObject *
q_get_with (HsVM *vm, HsObject *self, HsObject *block, HsObject *timeout)
{
  gssize n = qsize (vm, self);
  if (n < 0)
    return NULL;
  if (n == 0)
    {
      int b = hs_object_truth (vm, block), forever;
      if (b < 0)
        return NULL;
      forever = b ? waits_forever (vm, timeout) : 0;
      if (forever < 0)
        return NULL;
      if (forever)
        hs_err_set_string (vm, &empty_type,
                           "get() would wait forever: the queue is empty and no other thread "
                           "can put an item (Heapscope runs one thread)");
      else
        hs_err_set_value (vm, &empty_type, NULL);
      return NULL;
    }
  if (HS_IS (self, &priority_type))
    return call_heapq (vm, "heappop", &Q (self)->queue, 1);
  if (HS_IS (self, &queue_type))
    return hs_object_call_method (vm, Q (self)->queue, "popleft", NULL, 0, NULL);
  if (HS_IS (self, &simple_type))
    {
      HsObject *zero = hs_int_from_i64 (vm, 0);
      return hs_object_call_method (vm, Q (self)->queue, "pop", &zero, 1, NULL);
    }
  return hs_object_call_method (vm, Q (self)->queue, "pop", NULL, 0, NULL);
}

static HsObject *
q_put (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *item = NULL, *block = hs_True, *timeout = hs_None;
  if (!hs_parse_args (vm, "put", args + 1, nargs - 1, kwnames, "@item|block timeout", &item, &block,
                      &timeout))
    return NULL;
  return q_put_with (vm, args[0], item, block, timeout);
}

static HsObject *
q_put_nowait (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *item = NULL;
  if (!hs_parse_args (vm, "put_nowait", args + 1, nargs - 1, kwnames, "@item", &item))
    return NULL;
  return q_put_with (vm, args[0], item, hs_False, hs_None);
}

static HsObject *
q_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *block = hs_True, *timeout = hs_None;
  if (!hs_parse_args (vm, "get", args + 1, nargs - 1, kwnames, "@|block timeout", &block, &timeout))
    return NULL;
  return q_get_with (vm, args[0], block, timeout);
}

static HsObject *
q_get_nowait (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "get_nowait", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return q_get_with (vm, args[0], hs_False, hs_None);
}

static HsObject *
q_qsize (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gssize n;
  if (!hs_parse_args (vm, "qsize", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return (n = qsize (vm, args[0])) < 0 ? NULL : hs_int_from_i64 (vm, n);
}

static HsObject *
q_empty (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gssize n;
  if (!hs_parse_args (vm, "empty", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return (n = qsize (vm, args[0])) < 0 ? NULL : hs_incref (hs_bool_from (n == 0));
}

static HsObject *
q_full (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int t;
  if (!hs_parse_args (vm, "full", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return (t = is_full (vm, args[0])) < 0 ? NULL : hs_incref (hs_bool_from (t));
}

static HsObject *
q_task_done (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gint64 now = 0;
  if (!hs_parse_args (vm, "task_done", args + 1, nargs - 1, kwnames, "@")
      || add_unfinished (vm, args[0], -1, &now) < 0)
    return NULL;
  if (now < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "task_done() called too many times");
      return NULL;
    }
  return hs_incref (hs_None);
}

static HsObject *
q_join (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gint64 n = 0;
  if (!hs_parse_args (vm, "join", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if (hs_int_as_i64 (Q (args[0])->unfinished, &n) && n > 0)
    {
      hs_err_format (vm, &hs_exc_RuntimeError,
                     "join() would wait forever: %" G_GINT64_FORMAT
                     " unfinished task%s and no other thread can call task_done() (Heapscope "
                     "runs one thread)",
                     n, n == 1 ? "" : "s");
      return NULL;
    }
  return hs_incref (hs_None);
}

static const HsMethodDef q_methods[] = {
  { "put", q_put },     { "put_nowait", q_put_nowait },
  { "get", q_get },     { "get_nowait", q_get_nowait },
  { "qsize", q_qsize }, { "empty", q_empty },
  { "full", q_full },   { "task_done", q_task_done },
  { "join", q_join },   { NULL, NULL },
};

static const HsMethodDef simple_methods[] = {
  { "put", q_put },     { "put_nowait", q_put_nowait },
  { "get", q_get },     { "get_nowait", q_get_nowait },
  { "qsize", q_qsize }, { "empty", q_empty },
  { NULL, NULL },
};

#define QUEUE_TYPE(var, tname, tmodule, methods_)                                                  \
  static HsType var = {                                                                            \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = tname,                                                                                 \
    .module = tmodule,                                                                             \
    .base = &hs_object_type,                                                                       \
    .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,                                          \
    .basicsize = sizeof (HsQueue),                                                                 \
    .dealloc = q_clear,                                                                            \
    .refs = q_refs,                                                                                \
    .clear = q_clear,                                                                              \
    .getattr = q_getattr,                                                                          \
    .construct = q_construct,                                                                      \
    .methods = methods_,                                                                           \
  };

QUEUE_TYPE (queue_type, "Queue", "queue", q_methods)
QUEUE_TYPE (lifo_type, "LifoQueue", "queue", q_methods)
QUEUE_TYPE (priority_type, "PriorityQueue", "queue", q_methods)
QUEUE_TYPE (simple_type, "SimpleQueue", "_queue", simple_methods)

void
hs_mod_queue_runtime_init (void)
{
  hs_type_ready (&empty_type);
  hs_type_ready (&full_type);
  hs_type_ready (&queue_type);
  hs_type_ready (&lifo_type);
  hs_type_ready (&priority_type);
  hs_type_ready (&simple_type);
}

int
hs_mod_queue_init (HsVM *vm, HsObject *dict)
{
  static HsType *const types[]
      = { &empty_type, &full_type, &queue_type, &lifo_type, &priority_type, &simple_type };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (hs_module_add_take (vm, dict, types[i]->name, hs_incref ((HsObject *)types[i])) < 0)
      return -1;
  return 0;
}
