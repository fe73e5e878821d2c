/* hs-vm.c — the interpreter loop, frames, calls, line events and error reports.
 *
 * Invariant: Python-to-Python calls do not recurse in C: CALL pushes a frame in the
 * VM's arena and the same loop continues in it; RETURN_VALUE pops it. Only a C
 * function calling back into Python (a sort key, say) starts a nested loop, which
 * returns when the frame it entered returns. vm->depth counts the frames; pushing one
 * past config.recursion_limit raises RecursionError. An exception unwinds frame by
 * frame, each appending its (code, instruction) to the traceback. A stop (step limit,
 * output cap, cancel, a hook returning FALSE) unwinds the same way with the internal
 * StopRun exception, which records nothing.
 *
 * Registers: `ip` points at the next instruction word, `sp` at the first free stack
 * slot; both are written back to the frame (f->ip = index of the current instruction,
 * f->sp) before anything that may look at frames: calls, hooks, errors.
 */
#include "config.h"

#include <string.h>

#include "hs-builtins.h"
#include "hs-cell.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-compile.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-format.h"
#include "hs-frame.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-source.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-suggest.h"
#include "hs-tuple.h"

/* ---- configuration ------------------------------------------------------------------ */

void
hs_vm_config_init (HsVMConfig *config)
{
  config->max_line_steps = 0;
  config->recursion_limit = 1000;
  config->heap_limit_bytes = (gsize)1 << 29;
  config->output_limit_bytes = 10 * 1024 * 1024;
}

/* ---- the frame arena ------------------------------------------------------------ */

typedef struct _HsFrameChunk HsFrameChunk;
struct _HsFrameChunk
{
  HsFrameChunk *prev;
  gsize size; /* slots */
  gsize top;  /* slots in use */
  HsObject *slots[];
};

#define CHUNK_SLOTS (64 * 1024)
#define FRAME_HEADER_SLOTS ((sizeof (HsFrame) + sizeof (HsObject *) - 1) / sizeof (HsObject *))

static HsFrameChunk *
chunk_new (HsFrameChunk *prev, gsize need)
{
  gsize size = MAX (need, CHUNK_SLOTS);
  HsFrameChunk *c = g_malloc (sizeof (HsFrameChunk) + size * sizeof (HsObject *));
  c->prev = prev;
  c->size = size;
  c->top = 0;
  return c;
}

/* A new frame with all locals unbound; NULL with RecursionError past the limit. */
static HsFrame *
frame_push (HsVM *vm, HsCode *code, HsObject *func, HsObject *globals)
{
  if (vm->depth >= vm->config.recursion_limit)
    {
      hs_err_set_string (vm, &hs_exc_RecursionError, "maximum recursion depth exceeded");
      return NULL;
    }
  gsize need = FRAME_HEADER_SLOTS + code->nlocals + code->stacksize;
  HsFrameChunk *c = vm->chunk;
  if (c->top + need > c->size)
    c = vm->chunk = chunk_new (c, need);
  HsFrame *f = (HsFrame *)&c->slots[c->top];
  f->arena_mark = c->top;
  c->top += need;
  f->back = vm->frame;
  f->code = code;
  f->func = func;
  f->globals = globals;
  f->id = vm->next_frame_id++;
  f->ip = 0;
  f->sp = 0;
  f->cur_line = -1; /* CPython 3.11 traces the first line of every frame */
  f->parent_frame_id = func != NULL ? HS_FUNCTION (func)->parent_frame_id : 0;
  f->ns = NULL;
  f->gen = NULL;
  f->is_init = FALSE;
  memset (f->locals, 0, sizeof (HsObject *) * code->nlocals);
  f->stack = f->locals + code->nlocals;
  vm->frame = f;
  vm->depth++;
  return f;
}

/* A frame for a generator: outside the arena, not on the stack. */
static HsFrame *
frame_new_heap (HsVM *vm, HsCode *code, HsObject *func, HsObject *globals, gsize *size)
{
  gsize bytes = sizeof (HsObject *) * (FRAME_HEADER_SLOTS + code->nlocals + code->stacksize);
  HsFrame *f = hs_mem_realloc (vm, NULL, 0, bytes);
  if (f == NULL)
    return NULL;
  memset (f, 0, bytes);
  f->code = code;
  f->func = func;
  f->globals = globals;
  f->id = vm->next_frame_id++;
  f->cur_line = -1;
  f->parent_frame_id = func != NULL ? HS_FUNCTION (func)->parent_frame_id : 0;
  f->stack = f->locals + code->nlocals;
  *size = bytes;
  return f;
}

static void
frame_clear (HsVM *vm, HsFrame *f)
{
  /* each slot emptied before its value goes: a free may run code (a generator's close)
   * that looks at the frames */
  for (int i = 0; i < f->sp; i++)
    HS_CLEAR (vm, f->stack[i]);
  f->sp = 0;
  for (int i = 0; i < f->code->nlocals; i++)
    HS_CLEAR (vm, f->locals[i]);
  f->func = NULL;
  HS_CLEAR (vm, f->ns);
}

/* Drops the frame's references and gives its slots back to the arena. */
static void
frame_pop (HsVM *vm, HsFrame *f)
{
  frame_clear (vm, f);
  vm->frame = f->back;
  vm->depth--;
  if (f->gen != NULL)
    {
      f->back = NULL; /* generator frames live outside the arena */
      return;
    }
  HsFrameChunk *c = vm->chunk;
  c->top = f->arena_mark;
  if (c->top == 0 && c->prev != NULL)
    {
      vm->chunk = c->prev;
      g_free (c);
    }
}

HsFrame *
hs_vm_current_frame (HsVM *vm)
{
  return vm->frame;
}

void
hs_frame_traverse (HsFrame *f, HsVisitFn visit, gpointer data)
{
  for (int i = 0; i < f->code->nlocals; i++)
    if (f->locals[i] != NULL)
      visit (f->locals[i], data);
  for (int i = 0; i < f->sp; i++)
    if (f->stack[i] != NULL)
      visit (f->stack[i], data);
  if (f->ns != NULL)
    visit (f->ns, data);
}

/* ---- hooks, steps, stops ----------------------------------------------------------- */

void
hs_vm_set_hooks (HsVM *vm, const HsVMHooks *hooks, gpointer data)
{
  vm->hooks = hooks;
  vm->hooks_data = data;
}

void
hs_vm_set_output (HsVM *vm, HsOutputFn fn, gpointer user_data)
{
  vm->output_fn = fn;
  vm->output_data = user_data;
}

void
hs_vm_cancel (HsVM *vm)
{
  g_atomic_int_set (&vm->cancel_requested, 1);
}

/* Starts unwinding the whole run: the internal StopRun exception is not caught by
 * anything and leaves no traceback. */
static void
stop_run (HsVM *vm, HsRunResult reason)
{
  if (vm->stop_reason == HS_RUN_OK)
    vm->stop_reason = reason;
  HS_CLEAR (vm, vm->exc);
  vm->exc = hs_incref (vm->stop_exc);
}

static gboolean
is_stopping (HsVM *vm)
{
  return vm->exc != NULL && vm->exc == vm->stop_exc;
}

static void close_freed_generators_now (HsVM *vm);

/* See close_freed_generators_now; called on every event, so the test is inline. */
static inline void
close_freed_generators (HsVM *vm)
{
  if (G_UNLIKELY (vm->closing != NULL && vm->closing->len > 0))
    close_freed_generators_now (vm);
}

static int
call_hook (HsVM *vm, HsStepEvent ev, HsFrame *f, int line, HsObject *arg)
{
  close_freed_generators (vm);
  if (!vm->hooks->step (vm, ev, f, line, arg, vm->hooks_data))
    {
      stop_run (vm, HS_RUN_CANCELLED);
      return -1;
    }
  return 0;
}

/* A line event: counts the step, honours the limits and cancel, calls the hook. */
static int
line_event (HsVM *vm, HsFrame *f, int line)
{
  vm->line_steps++;
  if (vm->config.max_line_steps > 0 && vm->line_steps > vm->config.max_line_steps)
    {
      stop_run (vm, HS_RUN_STEP_LIMIT);
      return -1;
    }
  if (g_atomic_int_get (&vm->cancel_requested))
    {
      stop_run (vm, HS_RUN_CANCELLED);
      return -1;
    }
  if (vm->hooks != NULL && vm->hooks->step != NULL)
    return call_hook (vm, HS_STEP_LINE, f, line, NULL);
  close_freed_generators (vm);
  return 0;
}

int
hs_vm_write_output (HsVM *vm, const char *text, gsize len)
{
  gsize room = vm->config.output_limit_bytes > vm->output_bytes
                   ? vm->config.output_limit_bytes - vm->output_bytes
                   : 0;
  gboolean over = vm->config.output_limit_bytes > 0 && len > room;
  if (over)
    len = room;
  vm->output_bytes += len;
  if (len > 0)
    {
      if (vm->output_fn != NULL)
        vm->output_fn (text, len, vm->output_data);
      if (vm->hooks != NULL && vm->hooks->output != NULL)
        vm->hooks->output (vm, text, len, vm->hooks_data);
    }
  if (over)
    {
      stop_run (vm, HS_RUN_OUTPUT_LIMIT);
      return -1;
    }
  return 0;
}

/* ---- helpers of the loop -------------------------------------------------------------- */

static void
name_error (HsVM *vm, HsObject *name)
{
  hs_err_format (vm, &hs_exc_NameError, "name '%s' is not defined", hs_str_utf8 (name));
  if (vm->exc != NULL && HS_ISINSTANCE (vm->exc, &hs_exc_NameError)
      && HS_EXCEPTION (vm->exc)->name == NULL)
    HS_EXCEPTION (vm->exc)->name = hs_incref (name);
}

static void
unbound_local_error (HsVM *vm, HsCode *code, int i)
{
  hs_err_format (vm, &hs_exc_UnboundLocalError,
                 "cannot access local variable '%s' where it is not associated with a value",
                 code->varnames[i]);
}

static HsObject *
load_global (HsVM *vm, HsObject *globals, HsObject *name)
{
  gint64 h = hs_str_hash (name);
  HsObject *v = hs_dict_get_item_hash_borrow (vm, globals, name, h);
  if (v == NULL)
    v = hs_dict_get_item_hash_borrow (vm, vm->builtins, name, h);
  if (v == NULL)
    {
      if (!hs_err_occurred (vm))
        name_error (vm, name);
      return NULL;
    }
  return hs_incref (v);
}

/* Pushes the n items of `seq` on the stack in reverse order (first item on top). */
static int
unpack_sequence (HsVM *vm, HsObject *seq, int n, HsObject **sp)
{
  if (HS_IS (seq, &hs_tuple_type) || HS_IS (seq, &hs_list_type))
    {
      gsize len = HS_IS (seq, &hs_tuple_type) ? hs_tuple_len (seq) : hs_list_len (seq);
      HsObject **items = HS_IS (seq, &hs_tuple_type) ? hs_tuple_items (seq) : hs_list_items (seq);
      if (len == (gsize)n)
        {
          for (int i = 0; i < n; i++)
            sp[n - 1 - i] = hs_incref (items[i]);
          return 0;
        }
      if (len < (gsize)n)
        hs_err_format (vm, &hs_exc_ValueError,
                       "not enough values to unpack (expected %d, got %" G_GSIZE_FORMAT ")", n,
                       len);
      else
        hs_err_format (vm, &hs_exc_ValueError, "too many values to unpack (expected %d)", n);
      return -1;
    }
  HsObject *it = hs_object_iter (vm, seq);
  if (it == NULL)
    {
      if (hs_err_matches (vm, &hs_exc_TypeError) && HS_TYPE (seq)->iter == NULL)
        {
          hs_err_clear (vm);
          hs_err_format (vm, &hs_exc_TypeError, "cannot unpack non-iterable %s object",
                         hs_type_name (seq));
        }
      return -1;
    }
  int got = 0;
  for (; got < n; got++)
    {
      HsObject *item = hs_iter_next (vm, it);
      if (item == NULL)
        break;
      sp[n - 1 - got] = item;
    }
  if (got < n && !hs_err_occurred (vm))
    hs_err_format (vm, &hs_exc_ValueError, "not enough values to unpack (expected %d, got %d)", n,
                   got);
  if (got == n)
    {
      HsObject *extra = hs_iter_next (vm, it);
      if (extra != NULL)
        {
          hs_decref (vm, extra);
          hs_err_format (vm, &hs_exc_ValueError, "too many values to unpack (expected %d)", n);
        }
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    {
      for (int i = 0; i < got; i++)
        hs_decref (vm, sp[n - 1 - i]);
      return -1;
    }
  return 0;
}

/* a, *b, c = seq: pushes (top first) the `before` items, a list of the middle, then
 * the `after` items. As CPython: `before` items come from the iterator one by one, the
 * rest through list(iterator) (which asks the iterator's length hint). */
static int
unpack_ex (HsVM *vm, HsObject *seq, int before, int after, HsObject **sp)
{
  int total = before + after + 1, got = 0;
  HsObject *it = hs_object_iter (vm, seq), *rest = NULL, *middle;
  gsize n;

  if (it == NULL)
    {
      if (hs_err_matches (vm, &hs_exc_TypeError) && HS_TYPE (seq)->iter == NULL)
        {
          hs_err_clear (vm);
          hs_err_format (vm, &hs_exc_TypeError, "cannot unpack non-iterable %s object",
                         hs_type_name (seq));
        }
      return -1;
    }
  for (; got < before; got++)
    {
      HsObject *item = hs_iter_next (vm, it);
      if (item == NULL)
        {
          if (!hs_err_occurred (vm))
            hs_err_format (vm, &hs_exc_ValueError,
                           "not enough values to unpack (expected at least %d, got %d)",
                           before + after, got);
          goto fail;
        }
      sp[total - 1 - got] = item;
    }
  rest = hs_list_from_iterable (vm, it);
  if (rest == NULL)
    goto fail;
  n = hs_list_len (rest);
  if (n < (gsize)after)
    {
      hs_err_format (vm, &hs_exc_ValueError,
                     "not enough values to unpack (expected at least %d, got %" G_GSIZE_FORMAT ")",
                     before + after, before + n);
      goto fail;
    }
  middle = after == 0 ? hs_incref (rest) : hs_list_from_array (vm, hs_list_items (rest), n - after);
  if (middle == NULL)
    goto fail;
  for (int i = 0; i < after; i++)
    sp[after - 1 - i] = hs_incref (hs_list_items (rest)[n - after + i]);
  sp[after] = middle;
  hs_decref (vm, rest);
  hs_decref (vm, it);
  return 0;
fail:
  for (int i = 0; i < got; i++)
    hs_decref (vm, sp[total - 1 - i]);
  hs_xdecref (vm, rest);
  hs_decref (vm, it);
  return -1;
}

static HsObject *
build_string (HsVM *vm, HsObject **items, int n)
{
  gsize total = 0;
  for (int i = 0; i < n; i++)
    total += hs_str_byte_len (items[i]);
  GString *s = g_string_sized_new (total + 1);
  for (int i = 0; i < n; i++)
    g_string_append_len (s, hs_str_utf8 (items[i]), hs_str_byte_len (items[i]));
  return hs_str_from_gstring (vm, s);
}

static HsObject *
format_value (HsVM *vm, HsObject *v, guint32 flags, HsObject *spec)
{
  HsObject *conv = NULL;
  switch (flags & 3)
    {
      case 1:
        conv = hs_object_str (vm, v);
        break;
      case 2:
        conv = hs_object_repr (vm, v);
        break;
      case 3:
        conv = hs_object_ascii (vm, v);
        break;
      default:
        break;
    }
  if ((flags & 3) != 0 && conv == NULL)
    return NULL;
  HsObject *target = conv != NULL ? conv : v;
  HsObject *r;
  if (spec == NULL && HS_IS (target, &hs_str_type))
    r = hs_incref (target);
  else
    r = hs_format_value (vm, target, spec);
  hs_xdecref (vm, conv);
  return r;
}

static HsObject *
make_exception (HsVM *vm, HsObject *v)
{
  if (hs_exception_type_check (v))
    return hs_object_call (vm, v, NULL, 0, NULL);
  if (hs_exception_check (v))
    return hs_incref (v);
  hs_err_set_string (vm, &hs_exc_TypeError, "exceptions must derive from BaseException");
  return NULL;
}

static void
do_raise (HsVM *vm, HsObject *exc, HsObject *cause)
{
  HsObject *e = make_exception (vm, exc);
  if (e == NULL)
    return;
  if (cause != NULL)
    {
      HsObject *c = NULL;
      if (cause != hs_None)
        {
          c = make_exception (vm, cause);
          if (c == NULL)
            {
              hs_err_clear (vm);
              hs_err_set_string (vm, &hs_exc_TypeError,
                                 "exception causes must derive from BaseException");
              hs_decref (vm, e);
              return;
            }
        }
      HS_CLEAR (vm, HS_EXCEPTION (e)->cause);
      HS_EXCEPTION (e)->cause = c;
      HS_EXCEPTION (e)->suppress_context = TRUE;
    }
  hs_err_set_object (vm, e);
  hs_decref (vm, e);
}

/* An empty cell read: a free variable or an unbound captured local. */
static void
deref_error (HsVM *vm, HsCode *co, int slot)
{
  for (int i = 0; i < co->nfrees; i++)
    if (co->frees[i] == slot)
      {
        hs_err_format (vm, &hs_exc_NameError,
                       "cannot access free variable '%s' where it is not associated with a value "
                       "in enclosing scope",
                       co->varnames[slot]);
        if (vm->exc != NULL && HS_EXCEPTION (vm->exc)->name == NULL)
          HS_EXCEPTION (vm->exc)->name = hs_incref (co->varname_objs[slot]);
        return;
      }
  unbound_local_error (vm, co, slot);
}

static gboolean
is_exception_class (HsObject *t)
{
  return HS_IS (t, &hs_type_type) && hs_type_is_subtype ((HsType *)t, &hs_exc_BaseException);
}

/* `except T:` — 1 if exc is an instance of T (a class or a tuple of classes). */
static int
exc_matches (HsVM *vm, HsObject *exc, HsObject *t)
{
  if (hs_tuple_check (t))
    {
      for (gsize i = 0; i < hs_tuple_len (t); i++)
        if (!is_exception_class (hs_tuple_get_borrow (t, i)))
          goto bad;
      for (gsize i = 0; i < hs_tuple_len (t); i++)
        if (HS_ISINSTANCE (exc, (HsType *)hs_tuple_get_borrow (t, i)))
          return 1;
      return 0;
    }
  if (is_exception_class (t))
    return HS_ISINSTANCE (exc, (HsType *)t);
bad:
  hs_err_set_string (vm, &hs_exc_TypeError,
                     "catching classes that do not inherit from BaseException is not allowed");
  return -1;
}

/* CPython's _PyObject_FunctionStr: "__main__.f", "__main__.Point", "print". */
static char *
callable_name (HsObject *fn)
{
  if (HS_IS (fn, &hs_method_type))
    fn = hs_method_func_borrow (fn);
  if (HS_IS (fn, &hs_function_type))
    return g_strdup_printf ("__main__.%s", HS_FUNCTION (fn)->code->qualname);
  if (HS_IS (fn, &hs_type_type))
    return (((HsType *)fn)->type_flags & HS_TYPE_HEAP)
               ? g_strdup_printf ("__main__.%s", ((HsType *)fn)->name)
               : g_strdup (((HsType *)fn)->name);
  if (HS_IS (fn, &hs_cfunction_type))
    return g_strdup (((HsCFunctionObject *)fn)->def->name);
  return g_strdup_printf ("%s object", hs_type_name (fn));
}

/* {**m} (update) or f(**m) (duplicates are errors; fn names the callee). */
static int
dict_merge (HsVM *vm, HsObject *d, HsObject *m, gboolean update, HsObject *fn)
{
  if (!hs_dict_check (m))
    {
      if (fn != NULL)
        {
          g_autofree char *fname = callable_name (fn);
          hs_err_format (vm, &hs_exc_TypeError, "%s() argument after ** must be a mapping, not %s",
                         fname, hs_type_name (m));
        }
      else
        hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not a mapping", hs_type_name (m));
      return -1;
    }
  if (update)
    return hs_dict_update (vm, d, m);
  gsize pos = 0;
  HsObject *k, *v;
  while (hs_dict_next (m, &pos, &k, &v))
    {
      if (!hs_str_check (k) || hs_dict_get_item_borrow (vm, d, k) != NULL)
        {
          g_autofree char *fname = callable_name (fn);
          if (!hs_str_check (k))
            hs_err_format (vm, &hs_exc_TypeError, "%s() keywords must be strings", fname);
          else
            hs_err_format (vm, &hs_exc_TypeError,
                           "%s() got multiple values for keyword argument '%s'", fname,
                           hs_str_utf8 (k));
          return -1;
        }
      if (hs_dict_set_item (vm, d, k, v) < 0)
        return -1;
    }
  return 0;
}

static HsObject *
import_module (HsVM *vm, HsObject *name)
{
  const char *n = hs_str_utf8 (name);
  if (*n == '\0')
    {
      hs_err_set_string (vm, &hs_exc_ImportError,
                         "attempted relative import with no known parent package");
      return NULL;
    }
  return hs_import_module (vm, n);
}

static HsObject *
import_from (HsVM *vm, HsObject *module, HsObject *name)
{
  HsObject *v = hs_object_getattr (vm, module, name);
  if (v != NULL || !hs_err_matches (vm, &hs_exc_AttributeError))
    return v;
  hs_err_clear (vm);
  HsObject *mn = hs_object_getattr_cstr (vm, module, "__name__");
  if (mn == NULL)
    hs_err_clear (vm);
  hs_err_format (vm, &hs_exc_ImportError, "cannot import name '%s' from '%s' (unknown location)",
                 hs_str_utf8 (name), mn != NULL && hs_str_check (mn) ? hs_str_utf8 (mn) : "?");
  hs_xdecref (vm, mn);
  return NULL;
}

/* with mgr: returns mgr.__enter__() and the bound __exit__ in *exit. */
static HsObject *
with_enter (HsVM *vm, HsObject *mgr, HsObject **exit)
{
  HsObject *enter = hs_type_lookup_borrow (HS_TYPE (mgr), hs_str_intern_cstr ("__enter__"));
  HsObject *ex = hs_type_lookup_borrow (HS_TYPE (mgr), hs_str_intern_cstr ("__exit__"));
  if (enter == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "'%s' object does not support the context manager protocol",
                     hs_type_name (mgr));
      return NULL;
    }
  if (ex == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "'%s' object does not support the context manager protocol (missed "
                     "__exit__ method)",
                     hs_type_name (mgr));
      return NULL;
    }
  *exit = hs_descr_get (vm, ex, mgr, HS_TYPE (mgr));
  if (*exit == NULL)
    return NULL;
  HsObject *bound = hs_descr_get (vm, enter, mgr, HS_TYPE (mgr));
  HsObject *r = bound != NULL ? hs_object_call (vm, bound, NULL, 0, NULL) : NULL;
  hs_xdecref (vm, bound);
  if (r == NULL)
    HS_CLEAR (vm, *exit);
  return r;
}

static HsObject *
binary_op_fast (HsVM *vm, guint32 op, HsObject *a, HsObject *b)
{
  if (HS_IS (a, &hs_int_type) && HS_IS (b, &hs_int_type) && hs_int_is_small (a)
      && hs_int_is_small (b))
    {
      gint64 x = hs_int_small_value (a), y = hs_int_small_value (b), r;
      switch (op)
        {
          case HS_BIN_ADD:
            if (!__builtin_add_overflow (x, y, &r))
              return hs_int_from_i64 (vm, r);
            break;
          case HS_BIN_SUB:
            if (!__builtin_sub_overflow (x, y, &r))
              return hs_int_from_i64 (vm, r);
            break;
          case HS_BIN_MUL:
            if (!__builtin_mul_overflow (x, y, &r))
              return hs_int_from_i64 (vm, r);
            break;
          default:
            break;
        }
    }
  return hs_number_binop (vm, op, a, b);
}

static HsObject *
compare_fast (HsVM *vm, guint32 op, HsObject *a, HsObject *b)
{
  if (HS_IS (a, &hs_int_type) && HS_IS (b, &hs_int_type) && hs_int_is_small (a)
      && hs_int_is_small (b))
    {
      gint64 x = hs_int_small_value (a), y = hs_int_small_value (b);
      gboolean r;
      switch (op)
        {
          case HS_CMP_LT:
            r = x < y;
            break;
          case HS_CMP_LE:
            r = x <= y;
            break;
          case HS_CMP_EQ:
            r = x == y;
            break;
          case HS_CMP_NE:
            r = x != y;
            break;
          case HS_CMP_GT:
            r = x > y;
            break;
          default:
            r = x >= y;
            break;
        }
      return hs_bool_from (r);
    }
  return hs_object_richcompare (vm, a, b, op);
}

static HsObject *
subscr_fast (HsVM *vm, HsObject *c, HsObject *k)
{
  if (HS_IS (c, &hs_list_type) && HS_IS (k, &hs_int_type) && hs_int_is_small (k))
    {
      gssize i = (gssize)hs_int_small_value (k);
      if (hs_index_normalize (&i, hs_list_len (c)) == 0)
        return hs_incref (hs_list_get_borrow (c, i));
    }
  return hs_object_getitem (vm, c, k);
}

/* Cells of the new frame (locals captured by inner functions) and its free variables
 * (from the function's closure). */
static int
frame_setup_closure (HsVM *vm, HsFrame *f, HsFunction *fn)
{
  HsCode *co = fn->code;
  for (int i = 0; i < co->ncells; i++)
    {
      int slot = co->cells[i];
      HsObject *cell = hs_cell_new (vm, f->locals[slot]);
      if (cell == NULL)
        return -1;
      hs_xdecref (vm, f->locals[slot]);
      f->locals[slot] = cell;
    }
  for (int i = 0; i < co->nfrees && fn->closure != NULL; i++)
    f->locals[co->frees[i]] = hs_incref (hs_tuple_get_borrow (fn->closure, i));
  return 0;
}

static gboolean
simple_args (HsCode *co)
{
  return co->nkwonly == 0 && !(co->flags & (HS_CODE_VARARGS | HS_CODE_VARKEYWORDS));
}

/* Sets up a new frame for a Python function called with args (borrowed); NULL on
 * error (nothing pushed). Generator functions are handled by start_call. */
static HsFrame *
enter_function (HsVM *vm, HsObject *func, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsFunction *fn = HS_FUNCTION (func);
  HsCode *co = fn->code;
  HsFrame *f = frame_push (vm, co, func, fn->globals);
  if (f == NULL)
    return NULL;
  if (kwnames == NULL && nargs == (gsize)co->nparams && simple_args (co))
    {
      for (gsize i = 0; i < nargs; i++)
        f->locals[i] = hs_incref (args[i]);
    }
  else if (hs_function_bind_args (vm, fn, f->locals, args, nargs, kwnames) < 0)
    {
      frame_pop (vm, f);
      return NULL;
    }
  if ((co->ncells | co->nfrees) != 0 && frame_setup_closure (vm, f, fn) < 0)
    {
      frame_pop (vm, f);
      return NULL;
    }
  return f;
}

/* Calling a generator function: binds the arguments in a frame of its own and returns
 * the generator, without running anything. */
static HsObject *
make_generator (HsVM *vm, HsObject *func, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsFunction *fn = HS_FUNCTION (func);
  gsize size = 0;
  HsFrame *f = frame_new_heap (vm, fn->code, NULL, fn->globals, &size);
  if (f == NULL)
    return NULL;
  HsObject *gen = hs_generator_new (vm, f, size);
  if (gen == NULL)
    {
      frame_clear (vm, f);
      hs_mem_realloc (vm, f, size, 0);
      return NULL;
    }
  if (hs_function_bind_args (vm, fn, f->locals, args, nargs, kwnames) < 0
      || ((fn->code->ncells | fn->code->nfrees) != 0 && frame_setup_closure (vm, f, fn) < 0))
    {
      hs_decref (vm, gen);
      return NULL;
    }
  return gen;
}

void
hs_vm_generator_release_frame (HsVM *vm, HsObject *gen)
{
  HsGenerator *g = HS_GENERATOR (gen);
  HsFrame *f = g->frame;
  if (f == NULL)
    return;
  g->frame = NULL;
  frame_clear (vm, f);
  hs_mem_realloc (vm, f, g->frame_size, 0);
}

static HsObject *eval_frame (HsVM *vm, HsFrame *entry);

/* `del name` in a dict of variables (globals, a class body): NameError if unbound. */
static int
delete_dict_name (HsVM *vm, HsObject *dict, HsObject *name)
{
  if (hs_dict_get_item_borrow (vm, dict, name) == NULL)
    {
      name_error (vm, name);
      return -1;
    }
  return hs_dict_del_item (vm, dict, name);
}

static int start_call (HsVM *vm, HsObject *callable, HsObject **args, gsize nargs,
                       HsObject *kwnames, HsFrame **nf, HsObject **res);

/* Calling a class whose __init__ is Python: the instance is made here and is the call's
 * result (*res) right away, while __init__ runs in a new frame (*nf) flagged so that its
 * return leaves that result in place. 1 on success, 0 when the class is called the
 * ordinary way, -1 on error. */
static int
start_init (HsVM *vm, HsObject *cls, HsObject **args, gsize nargs, HsObject *kwnames, HsFrame **nf,
            HsObject **res)
{
  HsObject *init = NULL;
  HsObject *self = hs_class_start_instance (vm, cls, args, nargs, &init);
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  HsObject *small[8];
  HsObject **all;
  int r;

  if (self == NULL)
    return init != NULL || hs_err_occurred (vm) ? -1 : 0;
  all = nargs + nkw + 1 <= G_N_ELEMENTS (small) ? small : g_new (HsObject *, nargs + nkw + 1);
  all[0] = self;
  if (nargs + nkw > 0)
    memcpy (all + 1, args, sizeof (HsObject *) * (nargs + nkw));
  r = start_call (vm, init, all, nargs + 1, kwnames, nf, res);
  if (all != small)
    g_free (all);
  if (r != 1)
    {
      hs_decref (vm, self);
      return -1;
    }
  (*nf)->is_init = TRUE;
  *res = self;
  return 1;
}

/* Starts a call: 1 with a new Python frame pushed in *nf, 0 with the result in *res,
 * -1 on error. Args are borrowed. With 1, *res may also be set: a value the caller
 * holds as the call's result while the frame runs (the instance an __init__ builds). */
static int
start_call (HsVM *vm, HsObject *callable, HsObject **args, gsize nargs, HsObject *kwnames,
            HsFrame **nf, HsObject **res)
{
  close_freed_generators (vm);
  if (is_stopping (vm))
    return -1;
  if (hs_class_check (callable))
    {
      int r = start_init (vm, callable, args, nargs, kwnames, nf, res);
      if (r != 0)
        return r;
    }
  if (HS_IS (callable, &hs_method_type)
      && HS_IS (hs_method_func_borrow (callable), &hs_function_type))
    {
      gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
      HsObject *small[8];
      HsObject **all = nargs + nkw + 1 <= 8 ? small : g_new (HsObject *, nargs + nkw + 1);
      all[0] = hs_method_self_borrow (callable);
      if (nargs + nkw > 0)
        memcpy (all + 1, args, sizeof (HsObject *) * (nargs + nkw));
      int r = start_call (vm, hs_method_func_borrow (callable), all, nargs + 1, kwnames, nf, res);
      if (all != small)
        g_free (all);
      return r;
    }
  if (HS_IS (callable, &hs_function_type))
    {
      if (HS_FUNCTION (callable)->code->flags & HS_CODE_GENERATOR)
        {
          *res = make_generator (vm, callable, args, nargs, kwnames);
          return *res != NULL ? 0 : -1;
        }
      *nf = enter_function (vm, callable, args, nargs, kwnames);
      return *nf != NULL ? 1 : -1;
    }
  *res = hs_object_call (vm, callable, args, nargs, kwnames);
  return *res != NULL ? 0 : -1;
}

HsObject *
hs_vm_call_function (HsVM *vm, HsObject *func, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (HS_FUNCTION (func)->code->flags & HS_CODE_GENERATOR)
    return make_generator (vm, func, args, nargs, kwnames);
  HsFrame *f = enter_function (vm, func, args, nargs, kwnames);
  if (f == NULL)
    return NULL;
  return eval_frame (vm, f);
}

/* Resumes a generator with `value` as the result of its `yield`, or with `exc` (stolen,
 * then value is unused) raised at that `yield`, as CPython's send() and throw(). When it
 * returns, *returned (if asked for) gets its return value. */
static HsObject *
generator_run (HsVM *vm, HsObject *gen, HsObject *value, HsObject *exc, HsObject **returned)
{
  HsGenerator *g = HS_GENERATOR (gen);
  HsFrame *f;
  close_freed_generators (vm);
  f = g->frame;
  if (f == NULL || is_stopping (vm))
    {
      hs_xdecref (vm, exc);
      return NULL;
    }
  if (g->running)
    {
      hs_xdecref (vm, exc);
      hs_err_set_string (vm, &hs_exc_ValueError, "generator already executing");
      return NULL;
    }
  if (vm->depth >= vm->config.recursion_limit)
    {
      hs_xdecref (vm, exc);
      hs_err_set_string (vm, &hs_exc_RecursionError, "maximum recursion depth exceeded");
      return NULL;
    }
  if (exc != NULL)
    g->thrown = exc; /* raised by eval_frame once the frame is entered */
  else if (f->ip != 0)
    f->stack[f->sp++] = hs_incref (value); /* the value of the `yield` expression */
  f->back = vm->frame;
  vm->frame = f;
  vm->depth++;
  g->running = TRUE;
  g->yielded = FALSE;
  hs_incref (gen);
  HsObject *r = eval_frame (vm, f);
  g->running = FALSE;
  HS_CLEAR (vm, g->thrown); /* not raised: the run stopped on entering the frame */
  if (!g->yielded)
    {
      /* finished: the frame was popped (cleared) */
      hs_vm_generator_release_frame (vm, gen);
      if (returned != NULL)
        *returned = g_steal_pointer (&r);
      HS_CLEAR (vm, r);
    }
  hs_decref (vm, gen);
  return r;
}

HsObject *
hs_vm_generator_resume (HsVM *vm, HsObject *gen, HsObject *value, HsObject **returned)
{
  return generator_run (vm, gen, value, NULL, returned);
}

/* The iterator a generator suspended in `yield from` delegates to, or NULL: the compiled
 * loop is SEND then YIELD_VALUE, with the iterator on top of the stack. */
static HsObject *
generator_delegate (HsFrame *f)
{
  const guint32 *code = f->code->code;
  if (f->ip < 2 || f->sp < 1 || HS_INSTR_OP (code[f->ip - 1]) != HS_OP_YIELD_VALUE
      || HS_INSTR_OP (code[f->ip - 2]) != HS_OP_SEND)
    return NULL;
  return f->stack[f->sp - 1];
}

/* The delegate of a `yield from` returned `value` while the generator was not running
 * (during throw()): the generator goes on after its SEND with that value, as CPython's
 * _gen_throw moves the frame past it. */
static HsObject *
generator_end_delegation (HsVM *vm, HsObject *gen, HsObject *value, HsObject **returned)
{
  HsFrame *f = HS_GENERATOR (gen)->frame;
  HsObject *inner = f->stack[--f->sp];
  f->ip = (int)HS_INSTR_ARG (f->code->code[f->ip - 2]);
  HS_GENERATOR (gen)->past_send = TRUE;
  hs_decref (vm, inner);
  HsObject *r = generator_run (vm, gen, value, NULL, returned);
  hs_decref (vm, value);
  return r;
}

int
hs_vm_generator_close (HsVM *vm, HsObject *gen)
{
  HsGenerator *g = HS_GENERATOR (gen);
  HsFrame *f = g->frame;
  HsObject *inner, *exc, *r;
  int err = 0;

  if (f == NULL)
    return 0;
  if (g->running)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "generator already executing");
      return -1;
    }
  inner = generator_delegate (f);
  if (inner != NULL && HS_IS (inner, &hs_generator_type))
    {
      g->running = TRUE;
      err = hs_vm_generator_close (vm, inner);
      g->running = FALSE;
    }
  /* CPython throws the delegate's error, if closing it failed, instead of GeneratorExit */
  exc = err < 0 ? hs_err_fetch (vm) : hs_exception_new (vm, &hs_exc_GeneratorExit, NULL);
  if (exc == NULL)
    return -1;
  r = generator_run (vm, gen, NULL, exc, NULL);
  if (r != NULL)
    {
      hs_decref (vm, r);
      hs_err_set_string (vm, &hs_exc_RuntimeError, "generator ignored GeneratorExit");
      return -1;
    }
  if (hs_err_matches (vm, &hs_exc_GeneratorExit) || hs_err_matches (vm, &hs_exc_StopIteration))
    hs_err_clear (vm);
  return hs_err_occurred (vm) ? -1 : 0;
}

HsObject *
hs_vm_generator_throw (HsVM *vm, HsObject *gen, HsObject *exc, HsObject **returned)
{
  HsGenerator *g = HS_GENERATOR (gen);
  HsObject *inner = g->frame != NULL && !g->running ? generator_delegate (g->frame) : NULL;

  if (g->frame == NULL)
    {
      hs_err_set_object (vm, exc);
      hs_decref (vm, exc);
      return NULL;
    }
  if (inner != NULL && HS_IS (inner, &hs_generator_type))
    {
      gboolean closing = HS_IS (exc, &hs_exc_GeneratorExit);
      HsObject *r = NULL, *inner_returned = NULL;
      g->running = TRUE;
      if (closing)
        {
          if (hs_vm_generator_close (vm, inner) < 0)
            {
              hs_decref (vm, exc);
              exc = hs_err_fetch (vm);
            }
        }
      else
        r = hs_vm_generator_throw (vm, inner, exc, &inner_returned);
      g->running = FALSE;
      if (r != NULL)
        return r;
      if (!closing && !hs_err_occurred (vm))
        return generator_end_delegation (
            vm, gen, inner_returned != NULL ? inner_returned : hs_incref (hs_None), returned);
      if (!closing)
        exc = hs_err_fetch (vm);
    }
  return generator_run (vm, gen, NULL, exc, returned);
}

/* A suspended generator frame whose generator was freed, waiting to be closed. */
typedef struct
{
  HsFrame *frame;
  gsize size;
} ClosingFrame;

void
hs_vm_generator_finalize (HsVM *vm, HsObject *gen)
{
  HsGenerator *g = HS_GENERATOR (gen);
  ClosingFrame c = { g->frame, g->frame_size };

  /* Not while the collector frees a cycle, nor once the run is over or stopping: then
   * the frame is just dropped. */
  if (c.frame == NULL || (vm->frame == NULL && !vm->finalizing) || vm->gc.collecting
      || is_stopping (vm))
    return;
  if (vm->closing == NULL)
    vm->closing = g_array_new (FALSE, FALSE, sizeof (ClosingFrame));
  c.frame->gen = NULL;
  g->frame = NULL;
  g_array_append_val (vm->closing, c);
}

static void
drop_closing_frame (HsVM *vm, ClosingFrame *c)
{
  frame_clear (vm, c->frame);
  hs_mem_realloc (vm, c->frame, c->size, 0);
}

/* Closes the generators freed while suspended. CPython closes them at once, but a free
 * can happen in the middle of an instruction, when the frames on the stack are not in a
 * state a hook may look at; so they are closed at the next event, call or resumption,
 * before anything of the program that could tell the difference runs. */
static void
close_freed_generators_now (HsVM *vm)
{
  while (vm->closing->len > 0)
    {
      ClosingFrame c = g_array_index (vm->closing, ClosingFrame, 0);
      HsObject *saved, *heir;

      g_array_remove_index (vm->closing, 0);
      if (is_stopping (vm))
        {
          drop_closing_frame (vm, &c);
          continue;
        }
      saved = hs_err_fetch (vm); /* an event of an exception being raised */
      heir = hs_generator_new (vm, c.frame, c.size);
      if (heir == NULL)
        drop_closing_frame (vm, &c);
      else
        {
          hs_vm_generator_close (vm, heir);
          hs_decref (vm, heir);
        }
      if (is_stopping (vm))
        {
          hs_xdecref (vm, saved);
          continue;
        }
      hs_err_clear (vm); /* CPython reports a failed close as unraisable (on stderr) */
      vm->exc = saved;
    }
}

/* Runs a class body with a fresh namespace, then makes the class. */
static HsObject *
build_class (HsVM *vm, HsObject *func, HsObject *name, HsObject **bases, gsize nbases)
{
  HsFunction *fn = HS_FUNCTION (func);
  HsObject *ns = hs_dict_new (vm);
  if (ns == NULL)
    return NULL;
  HsFrame *f = frame_push (vm, fn->code, func, fn->globals);
  if (f == NULL)
    {
      hs_decref (vm, ns);
      return NULL;
    }
  f->ns = hs_incref (ns);
  f->cur_line = -1;
  if ((fn->code->ncells | fn->code->nfrees) != 0 && frame_setup_closure (vm, f, fn) < 0)
    {
      frame_pop (vm, f);
      hs_decref (vm, ns);
      return NULL;
    }
  HsObject *r = eval_frame (vm, f);
  if (r == NULL)
    {
      hs_decref (vm, ns);
      return NULL;
    }
  HsObject *cls = hs_class_new (vm, name, bases, nbases, ns);
  hs_decref (vm, ns);
  if (cls != NULL && HS_IS (r, &hs_cell_type))
    hs_cell_set (vm, r, cls);
  hs_decref (vm, r);
  return cls;
}

/* A generator returning a value to the FOR_ITER driving it ends the loop with
 * StopIteration(value), which CPython's tracer reports in the loop's frame. Only for the
 * trace: without memory for it, the step is left out. */
static void
note_generator_stop (HsVM *vm, HsObject *value)
{
  HsObject *args = hs_tuple_pack (vm, 1, value);
  HsObject *e = args != NULL ? hs_exception_new (vm, &hs_exc_StopIteration, args) : NULL;
  hs_xdecref (vm, args);
  if (e == NULL)
    {
      hs_err_clear (vm);
      return;
    }
  HS_CLEAR (vm, vm->for_iter_stop);
  vm->for_iter_stop = e;
}

/* One step of `yield from`, as CPython 3.11's SEND runs under a tracer: the receiver's
 * next value; or NULL, with no error, once it is done: then *returned holds what it
 * returned and *stop the StopIteration the tracer reports, if one was raised (send() of a
 * value always raises it, next() only for a return value other than None). */
static HsObject *
send_value (HsVM *vm, HsFrame *f, HsObject *receiver, HsObject *v, HsObject **returned,
            HsObject **stop)
{
  HsObject *r;
  if (HS_IS (receiver, &hs_generator_type))
    {
      r = hs_generator_send (vm, receiver, v, returned);
      if (r != NULL || hs_err_occurred (vm))
        return r;
      if (*returned == NULL)
        *returned = hs_incref (hs_None);
      if (v != hs_None || *returned != hs_None)
        {
          hs_err_set_stop_iteration (vm, *returned);
          *stop = hs_err_fetch (vm);
        }
      return NULL;
    }
  if (v == hs_None)
    {
      HsFrame *outer = vm->for_iter_frame;
      vm->for_iter_frame = f; /* a Python __next__'s StopIteration lands in for_iter_stop */
      r = hs_iter_next (vm, receiver);
      vm->for_iter_frame = outer;
      *stop = g_steal_pointer (&vm->for_iter_stop);
    }
  else
    {
      HsObject *send = hs_object_getattr_cstr (vm, receiver, "send");
      r = send != NULL ? hs_object_call (vm, send, &v, 1, NULL) : NULL;
      hs_xdecref (vm, send);
      if (r == NULL && hs_err_matches (vm, &hs_exc_StopIteration))
        *stop = hs_err_fetch (vm);
    }
  if (r == NULL && !hs_err_occurred (vm))
    *returned = hs_incref (*stop != NULL ? hs_stop_iteration_value (*stop) : hs_None);
  return r;
}

/* ---- the loop ------------------------------------------------------------------------ */

#define FOREACH_LABEL(name) &&op_##name,

static HsObject *
eval_frame (HsVM *vm, HsFrame *entry)
{
  static void *const labels[] = { HS_FOREACH_OPCODE (FOREACH_LABEL) };
  HsFrame *f = entry;
  HsCode *co;
  const guint32 *code;
  const guint32 *ip;
  HsObject **sp;
  HsObject **locals;
  HsObject **consts;
  HsObject **names;
  guint32 w, arg;
  HsObject *retval = NULL;
  HsObject *callee = NULL, **cargs = NULL, *ckw = NULL, **cbase = NULL;
  gsize cnargs = 0;

#define LOAD_FRAME()                                                                               \
  do                                                                                               \
    {                                                                                              \
      co = f->code;                                                                                \
      code = co->code;                                                                             \
      ip = code + f->ip;                                                                           \
      sp = f->stack + f->sp;                                                                       \
      locals = f->locals;                                                                          \
      consts = co->consts;                                                                         \
      names = co->names;                                                                           \
    }                                                                                              \
  while (0)
#define SAVE_FRAME()                                                                               \
  do                                                                                               \
    {                                                                                              \
      f->ip = (int)(ip - code) - 1;                                                                \
      f->sp = (int)(sp - f->stack);                                                                \
    }                                                                                              \
  while (0)
#define DISPATCH()                                                                                 \
  do                                                                                               \
    {                                                                                              \
      w = *ip++;                                                                                   \
      arg = HS_INSTR_ARG (w);                                                                      \
      goto *labels[HS_INSTR_OP (w)];                                                               \
    }                                                                                              \
  while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define ERROR_IF(cond)                                                                             \
  do                                                                                               \
    {                                                                                              \
      if (G_UNLIKELY (cond))                                                                       \
        goto error;                                                                                \
    }                                                                                              \
  while (0)

  vm->eval_depth++;
  LOAD_FRAME ();
  if (G_UNLIKELY (f->gen != NULL && HS_GENERATOR (f->gen)->past_send))
    HS_GENERATOR (f->gen)->past_send = FALSE;
  else if (vm->hooks != NULL && vm->hooks->step != NULL)
    {
      /* a resumed generator reports the line of its yield */
      int line = co->is_module ? 0 : f->ip != 0 ? f->cur_line : co->firstlineno;
      if (call_hook (vm, HS_STEP_CALL, f, line, NULL) < 0)
        goto error_noip;
    }
  if (G_UNLIKELY (f->gen != NULL && HS_GENERATOR (f->gen)->thrown != NULL))
    {
      /* throw(), close(): the exception is raised by the `yield` the frame was suspended
       * at, or on entry if it never started (CPython 3.11) */
      vm->exc = HS_GENERATOR (f->gen)->thrown;
      HS_GENERATOR (f->gen)->thrown = NULL;
      f->ip = f->ip > 0 ? f->ip - 1 : -1;
      goto error_noip;
    }
  DISPATCH ();

op_NOP:
  DISPATCH ();

op_LINE:
  {
    int line = co->pos[ip - code - 1].line;
    if (line != f->cur_line)
      {
        f->cur_line = line;
        SAVE_FRAME ();
        f->ip++; /* the instruction after LINE is the one about to run */
        if (G_UNLIKELY (line_event (vm, f, line) < 0))
          goto error_noip;
      }
    DISPATCH ();
  }

op_LOAD_CONST:
  PUSH (hs_incref (consts[arg]));
  DISPATCH ();

op_LOAD_FAST:
  {
    HsObject *v = locals[arg];
    if (G_UNLIKELY (v == NULL))
      {
        unbound_local_error (vm, co, arg);
        goto error;
      }
    PUSH (hs_incref (v));
    DISPATCH ();
  }

op_STORE_FAST:
  {
    HsObject *old = locals[arg];
    locals[arg] = POP ();
    hs_xdecref (vm, old);
    DISPATCH ();
  }

op_DELETE_FAST:
  {
    HsObject *old = locals[arg];
    if (old == NULL)
      {
        unbound_local_error (vm, co, arg);
        goto error;
      }
    locals[arg] = NULL;
    hs_decref (vm, old);
    DISPATCH ();
  }

op_LOAD_GLOBAL:
  {
    HsObject *v = load_global (vm, f->globals, names[arg]);
    ERROR_IF (v == NULL);
    PUSH (v);
    DISPATCH ();
  }

op_STORE_GLOBAL:
  {
    HsObject *v = POP ();
    int r = hs_dict_set_item_hash (vm, f->globals, names[arg], hs_str_hash (names[arg]), v);
    hs_decref (vm, v);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_DELETE_GLOBAL:
  ERROR_IF (delete_dict_name (vm, f->globals, names[arg]) < 0);
  DISPATCH ();

op_POP_TOP:
  {
    HsObject *v = POP ();
    hs_decref (vm, v);
    DISPATCH ();
  }

op_DUP_TOP:
  {
    HsObject *v = TOP ();
    PUSH (hs_incref (v));
    DISPATCH ();
  }

op_DUP_TOP_TWO:
  {
    HsObject *a = SECOND (), *b = TOP ();
    PUSH (hs_incref (a));
    PUSH (hs_incref (b));
    DISPATCH ();
  }

op_ROT_TWO:
  {
    HsObject *t = TOP ();
    TOP () = SECOND ();
    SECOND () = t;
    DISPATCH ();
  }

op_ROT_THREE:
  {
    HsObject *t = TOP ();
    TOP () = SECOND ();
    SECOND () = THIRD ();
    THIRD () = t;
    DISPATCH ();
  }

op_BINARY_OP:
  {
    HsObject *b = POP (), *a = TOP ();
    HsObject *r = binary_op_fast (vm, arg, a, b);
    hs_decref (vm, b);
    ERROR_IF (r == NULL);
    TOP () = r;
    hs_decref (vm, a);
    DISPATCH ();
  }

op_INPLACE_OP:
  {
    HsObject *b = POP (), *a = TOP ();
    HsObject *r = HS_IS (a, &hs_int_type) && HS_IS (b, &hs_int_type)
                      ? binary_op_fast (vm, arg, a, b)
                      : hs_number_inplace (vm, arg, a, b);
    hs_decref (vm, b);
    if (r == NULL)
      goto error;
    TOP () = r;
    hs_decref (vm, a);
    DISPATCH ();
  }

op_UNARY_OP:
  {
    HsObject *a = TOP ();
    HsObject *r = hs_number_unaryop (vm, arg, a);
    ERROR_IF (r == NULL);
    TOP () = r;
    hs_decref (vm, a);
    DISPATCH ();
  }

op_UNARY_NOT:
  {
    HsObject *a = TOP ();
    int t = hs_object_truth (vm, a);
    ERROR_IF (t < 0);
    TOP () = hs_bool_from (!t);
    hs_decref (vm, a);
    DISPATCH ();
  }

op_COMPARE_OP:
  {
    HsObject *b = POP (), *a = TOP ();
    HsObject *r = compare_fast (vm, arg, a, b);
    hs_decref (vm, b);
    ERROR_IF (r == NULL);
    TOP () = r;
    hs_decref (vm, a);
    DISPATCH ();
  }

op_IS_OP:
  {
    HsObject *b = POP (), *a = TOP ();
    gboolean r = (a == b) != (arg != 0);
    TOP () = hs_bool_from (r);
    hs_decref (vm, a);
    hs_decref (vm, b);
    DISPATCH ();
  }

op_CONTAINS_OP:
  {
    HsObject *container = POP (), *item = TOP ();
    int r = hs_object_contains (vm, container, item);
    hs_decref (vm, container);
    ERROR_IF (r < 0);
    TOP () = hs_bool_from (r != (int)arg);
    hs_decref (vm, item);
    DISPATCH ();
  }

op_BINARY_SUBSCR:
  {
    HsObject *k = POP (), *c = TOP ();
    HsObject *r = subscr_fast (vm, c, k);
    hs_decref (vm, k);
    ERROR_IF (r == NULL);
    TOP () = r;
    hs_decref (vm, c);
    DISPATCH ();
  }

op_STORE_SUBSCR:
  {
    HsObject *k = POP (), *c = POP (), *v = POP ();
    int r = hs_object_setitem (vm, c, k, v);
    hs_decref (vm, k);
    hs_decref (vm, c);
    hs_decref (vm, v);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_DELETE_SUBSCR:
  {
    HsObject *k = POP (), *c = POP ();
    int r = hs_object_delitem (vm, c, k);
    hs_decref (vm, k);
    hs_decref (vm, c);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_BUILD_SLICE:
  {
    HsObject *step = arg == 3 ? POP () : NULL;
    HsObject *stop = POP (), *start = TOP ();
    HsObject *s = hs_slice_new (vm, start, stop, step);
    hs_xdecref (vm, step);
    hs_decref (vm, stop);
    ERROR_IF (s == NULL);
    TOP () = s;
    hs_decref (vm, start);
    DISPATCH ();
  }

op_LOAD_ATTR:
  {
    HsObject *o = TOP ();
    HsObject *r = hs_object_getattr (vm, o, names[arg]);
    ERROR_IF (r == NULL);
    TOP () = r;
    hs_decref (vm, o);
    DISPATCH ();
  }

op_STORE_ATTR:
  {
    HsObject *o = POP (), *v = POP ();
    int r = hs_object_setattr (vm, o, names[arg], v);
    hs_decref (vm, o);
    hs_decref (vm, v);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_DELETE_ATTR:
  {
    HsObject *o = POP ();
    int r = hs_object_setattr (vm, o, names[arg], NULL);
    hs_decref (vm, o);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_LOAD_METHOD:
  {
    HsObject *o = TOP ();
    HsObject *d = hs_type_lookup_borrow (HS_TYPE (o), names[arg]);
    if (d != NULL && HS_IS (d, &hs_method_descr_type) && HS_TYPE (o)->getattr == NULL)
      {
        TOP () = hs_incref (d);
        PUSH (o);
        DISPATCH ();
      }
    if (d != NULL && (HS_IS (d, &hs_function_type) || HS_IS (d, &hs_method_descr_type))
        && hs_instance_check (o) && hs_instance_attr_borrow (o, names[arg]) == NULL)
      {
        TOP () = hs_incref (d);
        PUSH (o);
        DISPATCH ();
      }
    SAVE_FRAME ();
    HsObject *r = hs_object_getattr (vm, o, names[arg]);
    ERROR_IF (r == NULL);
    TOP () = NULL;
    PUSH (r);
    hs_decref (vm, o);
    DISPATCH ();
  }

op_CALL_METHOD:
  {
    HsObject *meth = sp[-(int)arg - 2];
    if (meth != NULL && !HS_IS (meth, &hs_function_type))
      {
        /* self and the arguments are contiguous: call the C method in place. */
        HsObject **args = sp - arg - 1;
        SAVE_FRAME ();
        HsObject *r = ((HsCFunctionObject *)meth)->def->fn (vm, args, arg + 1, NULL);
        while (sp > args)
          {
            HsObject *v = POP ();
            hs_decref (vm, v);
          }
        HsObject *m = POP ();
        hs_decref (vm, m);
        ERROR_IF (r == NULL);
        PUSH (r);
        DISPATCH ();
      }
    if (meth != NULL)
      {
        /* (function, self, args...): a Python method called without a bound method */
        callee = meth;
        cargs = sp - arg - 1;
        cnargs = arg + 1;
        ckw = NULL;
        cbase = sp - arg - 2;
        goto do_start_call;
      }
    /* (NULL, callable, args...): an ordinary call one slot up */
    callee = sp[-(int)arg - 1];
    cargs = sp - arg;
    cnargs = arg;
    ckw = NULL;
    cbase = sp - arg - 2;
    goto do_start_call;
  }

op_CALL:
  callee = sp[-(int)arg - 1];
  cargs = sp - arg;
  cnargs = arg;
  ckw = NULL;
  cbase = sp - arg - 1;
  goto do_start_call;

op_CALL_KW:
  {
    HsObject *kwnames = POP ();
    ckw = kwnames;
    cnargs = arg - hs_tuple_len (kwnames);
    cargs = sp - arg;
    callee = cargs[-1];
    cbase = cargs - 1;
    goto do_start_call;
  }

op_CALL_FUNCTION_EX:
  {
    HsObject *kwargs = arg ? POP () : NULL;
    HsObject *argt = POP ();
    HsObject *fn = TOP ();
    gsize npos = hs_tuple_len (argt), nkw = kwargs != NULL ? hs_dict_len (kwargs) : 0;
    HsObject *kwn = nkw > 0 ? hs_tuple_new (vm, nkw) : NULL;
    HsObject **flat = g_new (HsObject *, npos + nkw + 1);
    if (npos > 0)
      memcpy (flat, hs_tuple_items (argt), sizeof (HsObject *) * npos);
    if (nkw > 0 && kwn != NULL)
      {
        gsize pos = 0, k = 0;
        HsObject *key, *value;
        while (hs_dict_next (kwargs, &pos, &key, &value))
          {
            hs_tuple_set_take (kwn, k, hs_incref (key));
            flat[npos + k++] = value;
          }
      }
    HsFrame *nf = NULL;
    HsObject *r = NULL;
    int how = -1;
    SAVE_FRAME ();
    if (nkw == 0 || kwn != NULL)
      how = start_call (vm, fn, flat, npos, kwn, &nf, &r);
    g_free (flat);
    hs_xdecref (vm, kwn);
    hs_decref (vm, argt);
    hs_xdecref (vm, kwargs);
    (void)POP ();
    if (how == 1)
      {
        if (r != NULL)
          PUSH (r);
        f->sp = (int)(sp - f->stack);
        hs_decref (vm, fn);
        goto entered_frame_nf;
      }
    hs_decref (vm, fn);
    ERROR_IF (how < 0);
    PUSH (r);
    DISPATCH ();
  entered_frame_nf:
    f = nf;
    LOAD_FRAME ();
    if (vm->hooks != NULL && vm->hooks->step != NULL
        && call_hook (vm, HS_STEP_CALL, f, co->firstlineno, NULL) < 0)
      goto error_noip;
    DISPATCH ();
  }

do_start_call:
  {
    HsFrame *nf = NULL;
    HsObject *r = NULL;
    SAVE_FRAME ();
    int how = start_call (vm, callee, cargs, cnargs, ckw, &nf, &r);
    /* the arguments now live in the new frame (or were used): drop the caller's copies */
    while (sp > cbase)
      {
        HsObject *v = POP ();
        hs_xdecref (vm, v);
      }
    hs_xdecref (vm, ckw);
    if (how == 1)
      {
        if (r != NULL)
          PUSH (r);
        f->sp = (int)(sp - f->stack);
        f = nf;
        LOAD_FRAME ();
        if (vm->hooks != NULL && vm->hooks->step != NULL
            && call_hook (vm, HS_STEP_CALL, f, co->firstlineno, NULL) < 0)
          goto error_noip;
        DISPATCH ();
      }
    ERROR_IF (how < 0);
    PUSH (r);
    DISPATCH ();
  }

op_BUILD_LIST:
  {
    HsObject *l = hs_list_new (vm, arg);
    ERROR_IF (l == NULL);
    HsObject **items = sp - arg;
    int r = 0;
    for (guint32 i = 0; i < arg; i++)
      if (hs_list_append_take (vm, l, items[i]) < 0)
        r = -1;
    sp = items;
    if (r < 0)
      {
        hs_decref (vm, l);
        goto error;
      }
    PUSH (l);
    DISPATCH ();
  }

op_BUILD_TUPLE:
  {
    HsObject *t = hs_tuple_new (vm, arg);
    ERROR_IF (t == NULL);
    HsObject **items = sp - arg;
    for (guint32 i = 0; i < arg; i++)
      hs_tuple_set_take (t, i, items[i]);
    sp = items;
    PUSH (t);
    DISPATCH ();
  }

op_BUILD_MAP:
  {
    HsObject *d = hs_dict_new (vm);
    ERROR_IF (d == NULL);
    HsObject **items = sp - 2 * arg;
    int r = 0;
    for (guint32 i = 0; i < arg && r == 0; i++)
      r = hs_dict_set_item (vm, d, items[2 * i], items[2 * i + 1]);
    if (r < 0)
      {
        hs_decref (vm, d);
        goto error;
      }
    while (sp > items)
      {
        HsObject *v = POP ();
        hs_decref (vm, v);
      }
    PUSH (d);
    DISPATCH ();
  }

op_BUILD_STRING:
  {
    HsObject **items = sp - arg;
    HsObject *s = build_string (vm, items, arg);
    ERROR_IF (s == NULL);
    while (sp > items)
      {
        HsObject *v = POP ();
        hs_decref (vm, v);
      }
    PUSH (s);
    DISPATCH ();
  }

op_FORMAT_VALUE:
  {
    HsObject *spec = (arg & 4) ? POP () : NULL;
    HsObject *v = TOP ();
    HsObject *r = format_value (vm, v, arg, spec);
    hs_xdecref (vm, spec);
    ERROR_IF (r == NULL);
    TOP () = r;
    hs_decref (vm, v);
    DISPATCH ();
  }

op_UNPACK_SEQUENCE:
  {
    HsObject *seq = POP ();
    int r = unpack_sequence (vm, seq, arg, sp);
    if (r < 0)
      {
        PUSH (seq);
        goto error;
      }
    sp += arg;
    hs_decref (vm, seq);
    DISPATCH ();
  }

op_UNPACK_EX:
  {
    HsObject *seq = POP ();
    SAVE_FRAME ();
    int r = unpack_ex (vm, seq, arg & 0xfff, arg >> 12, sp);
    if (r < 0)
      {
        PUSH (seq);
        goto error;
      }
    sp += (arg & 0xfff) + (arg >> 12) + 1;
    hs_decref (vm, seq);
    DISPATCH ();
  }

op_JUMP:
  ip = code + arg;
  DISPATCH ();

op_JUMP_BACKWARD:
  f->cur_line = -1; /* CPython fires a line event on every backward jump */
  ip = code + arg;
  DISPATCH ();

op_POP_JUMP_IF_FALSE:
op_POP_JUMP_IF_TRUE:
  {
    HsObject *v = POP ();
    int t;
    if (v == hs_True)
      t = 1;
    else if (v == hs_False)
      t = 0;
    else
      {
        t = hs_object_truth (vm, v);
        hs_decref (vm, v);
        ERROR_IF (t < 0);
      }
    if (t == (HS_INSTR_OP (w) == HS_OP_POP_JUMP_IF_TRUE))
      {
        if (code + arg < ip)
          f->cur_line = -1;
        ip = code + arg;
      }
    DISPATCH ();
  }

op_JUMP_IF_FALSE_OR_POP:
op_JUMP_IF_TRUE_OR_POP:
  {
    HsObject *v = TOP ();
    int t = hs_object_truth (vm, v);
    ERROR_IF (t < 0);
    if (t == (HS_INSTR_OP (w) == HS_OP_JUMP_IF_TRUE_OR_POP))
      ip = code + arg;
    else
      {
        (void)POP ();
        hs_decref (vm, v);
      }
    DISPATCH ();
  }

op_GET_ITER:
  {
    HsObject *o = TOP ();
    HsObject *it = hs_object_iter (vm, o);
    ERROR_IF (it == NULL);
    TOP () = it;
    hs_decref (vm, o);
    DISPATCH ();
  }

op_FOR_ITER:
  {
    HsObject *it = TOP ();
    HsObject *v;
    if (G_LIKELY (vm->hooks == NULL))
      v = hs_iter_next (vm, it);
    else
      {
        HsFrame *outer = vm->for_iter_frame;
        SAVE_FRAME ();
        vm->for_iter_frame = f;
        v = hs_iter_next (vm, it);
        vm->for_iter_frame = outer;
        if (vm->for_iter_stop != NULL)
          {
            /* the loop ended by a StopIteration raised in Python code */
            HsObject *stop = g_steal_pointer (&vm->for_iter_stop);
            if (vm->hooks->step != NULL && !is_stopping (vm))
              call_hook (vm, HS_STEP_EXCEPTION, f, hs_code_line (co, f->ip), stop);
            hs_decref (vm, stop);
          }
      }
    if (v != NULL)
      {
        PUSH (v);
        DISPATCH ();
      }
    ERROR_IF (hs_err_occurred (vm));
    (void)POP ();
    hs_decref (vm, it);
    ip = code + arg;
    DISPATCH ();
  }

op_MAKE_FUNCTION:
  {
    HsObject *closure = (arg & 4) ? POP () : NULL;
    HsObject *kwdefaults = (arg & 2) ? POP () : NULL;
    HsObject *defaults = (arg & 1) ? POP () : NULL;
    HsObject *fn = hs_function_new (vm, co->children[arg >> 3], f->globals, defaults);
    if (fn == NULL)
      {
        hs_xdecref (vm, closure);
        hs_xdecref (vm, kwdefaults);
        goto error;
      }
    /* a def inside a function (not inside a class body) names the frame that made it */
    gboolean nested = (co->children[arg >> 3]->flags & HS_CODE_NESTED) && f->ns == NULL;
    hs_function_set_extras (HS_FUNCTION (fn), kwdefaults, closure, nested ? f->id : 0);
    PUSH (fn);
    DISPATCH ();
  }

op_RETURN_VALUE:
  {
    retval = POP ();
    SAVE_FRAME ();
    if (vm->hooks != NULL && vm->hooks->step != NULL
        && call_hook (vm, HS_STEP_RETURN, f,
                      hs_code_line (co, f->ip) >= 0 ? hs_code_line (co, f->ip) : f->cur_line,
                      retval)
               < 0)
      {
        HS_CLEAR (vm, retval);
        goto error_noip;
      }
    if (G_UNLIKELY (f->gen != NULL) && retval != hs_None && vm->for_iter_frame != NULL
        && vm->for_iter_frame == f->back)
      note_generator_stop (vm, retval);
    HsFrame *back = f->back;
    gboolean done = f == entry;
    gboolean was_init = f->is_init;
    frame_pop (vm, f);
    if (done)
      {
        vm->eval_depth--;
        return retval;
      }
    f = back;
    LOAD_FRAME ();
    ip++; /* past the CALL */
    if (was_init)
      {
        /* The caller already holds the new instance as the call's result. */
        gboolean ok = retval == hs_None;
        if (!ok)
          hs_err_format (vm, &hs_exc_TypeError, "__init__() should return None, not '%s'",
                         hs_type_name (retval));
        HS_CLEAR (vm, retval);
        if (!ok)
          {
            ip--;
            goto error;
          }
        DISPATCH ();
      }
    PUSH (retval);
    retval = NULL;
    DISPATCH ();
  }

op_RAISE:
  {
    if (arg == 0)
      {
        if (vm->exc_info == NULL)
          {
            hs_err_set_string (vm, &hs_exc_RuntimeError, "No active exception to reraise");
            goto error;
          }
        HS_CLEAR (vm, vm->exc);
        vm->exc = hs_incref (vm->exc_info);
        SAVE_FRAME ();
        f->raise_ip = f->ip;
        goto exception_unwind;
      }
    HsObject *cause = arg == 2 ? POP () : NULL;
    HsObject *exc = POP ();
    do_raise (vm, exc, cause);
    hs_decref (vm, exc);
    hs_xdecref (vm, cause);
    goto error;
  }

op_ASSERT_FAIL:
  {
    HsObject *msg = arg ? POP () : NULL;
    HsObject *t = msg != NULL ? hs_tuple_pack (vm, 1, msg) : NULL;
    hs_xdecref (vm, msg);
    if (msg == NULL || t != NULL)
      {
        HsObject *e = hs_exception_new (vm, &hs_exc_AssertionError, t);
        if (e != NULL)
          {
            hs_err_set_object (vm, e);
            hs_decref (vm, e);
          }
      }
    hs_xdecref (vm, t);
    goto error;
  }

op_LOAD_DEREF:
  {
    HsObject *v = hs_cell_get_borrow (locals[arg]);
    if (G_UNLIKELY (v == NULL))
      {
        deref_error (vm, co, arg);
        goto error;
      }
    PUSH (hs_incref (v));
    DISPATCH ();
  }

op_STORE_DEREF:
  {
    HsObject *v = POP ();
    hs_cell_set (vm, locals[arg], v);
    hs_decref (vm, v);
    DISPATCH ();
  }

op_DELETE_DEREF:
  {
    if (hs_cell_get_borrow (locals[arg]) == NULL)
      {
        deref_error (vm, co, arg);
        goto error;
      }
    hs_cell_set (vm, locals[arg], NULL);
    DISPATCH ();
  }

op_LOAD_CLOSURE:
  PUSH (hs_incref (locals[arg]));
  DISPATCH ();

op_LOAD_NAME:
  {
    HsObject *v = hs_dict_get_item_borrow (vm, f->ns, names[arg]);
    if (v != NULL)
      {
        PUSH (hs_incref (v));
        DISPATCH ();
      }
    v = load_global (vm, f->globals, names[arg]);
    ERROR_IF (v == NULL);
    PUSH (v);
    DISPATCH ();
  }

op_STORE_NAME:
  {
    HsObject *v = POP ();
    int r = hs_dict_set_item (vm, f->ns, names[arg], v);
    hs_decref (vm, v);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_DELETE_NAME:
  ERROR_IF (delete_dict_name (vm, f->ns, names[arg]) < 0);
  DISPATCH ();

op_LOAD_CLASSDEREF:
  {
    int slot = arg & 0xfff;
    HsObject *name = names[arg >> 12];
    HsObject *v = hs_dict_get_item_borrow (vm, f->ns, name);
    if (v == NULL)
      v = hs_cell_get_borrow (locals[slot]);
    if (v == NULL)
      {
        deref_error (vm, co, slot);
        goto error;
      }
    PUSH (hs_incref (v));
    DISPATCH ();
  }

op_SETUP_FINALLY:
op_POP_BLOCK:
  DISPATCH (); /* removed by the assembler */

op_PUSH_EXC_INFO:
  {
    HsObject *exc = TOP ();
    TOP () = vm->exc_info != NULL ? vm->exc_info : hs_None;
    vm->exc_info = hs_incref (exc);
    PUSH (exc);
    DISPATCH ();
  }

op_POP_EXCEPT:
  {
    HsObject *prev = POP ();
    HsObject *old = vm->exc_info;
    vm->exc_info = prev != hs_None ? prev : NULL;
    hs_xdecref (vm, old);
    DISPATCH ();
  }

op_CHECK_EXC_MATCH:
  {
    HsObject *type = POP ();
    int r = exc_matches (vm, TOP (), type);
    hs_decref (vm, type);
    ERROR_IF (r < 0);
    PUSH (hs_bool_from (r));
    DISPATCH ();
  }

op_RERAISE:
  {
    HsObject *exc = POP ();
    HS_CLEAR (vm, vm->exc);
    vm->exc = exc;
    SAVE_FRAME ();
    if (arg == 0) /* 1: a cleanup re-raising what it caught, the raise stays where it was */
      f->raise_ip = f->ip;
    goto exception_unwind;
  }

op_BUILD_CLASS:
  {
    HsObject **bases = sp - arg;
    SAVE_FRAME ();
    HsObject *cls = build_class (vm, bases[-2], bases[-1], bases, arg);
    while (sp > bases - 2)
      {
        HsObject *v = POP ();
        hs_decref (vm, v);
      }
    ERROR_IF (cls == NULL);
    PUSH (cls);
    DISPATCH ();
  }

op_LIST_APPEND:
  {
    HsObject *v = POP ();
    ERROR_IF (hs_list_append_take (vm, sp[-(int)arg], v) < 0);
    DISPATCH ();
  }

op_SET_ADD:
  {
    HsObject *v = POP ();
    int r = hs_set_add (vm, sp[-(int)arg], v);
    hs_decref (vm, v);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_MAP_ADD:
  {
    HsObject *v = POP (), *k = POP ();
    int r = hs_dict_set_item (vm, sp[-(int)(arg & 0xff)], k, v);
    hs_decref (vm, k);
    hs_decref (vm, v);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_LIST_EXTEND:
  {
    HsObject *it = POP ();
    SAVE_FRAME ();
    int depth = (int)(arg & 0xff);
    int r = hs_list_extend (vm, sp[-depth], it);
    if (r < 0 && hs_err_matches (vm, &hs_exc_TypeError) && HS_TYPE (it)->iter == NULL
        && HS_TYPE (it)->getitem == NULL)
      {
        hs_err_clear (vm);
        if (arg & 0x100)
          {
            g_autofree char *fname = callable_name (sp[-depth - 1]);
            hs_err_format (vm, &hs_exc_TypeError,
                           "%s() argument after * must be an iterable, not %s", fname,
                           hs_type_name (it));
          }
        else
          hs_err_format (vm, &hs_exc_TypeError, "Value after * must be an iterable, not %s",
                         hs_type_name (it));
      }
    hs_decref (vm, it);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_LIST_TO_TUPLE:
  {
    HsObject *l = TOP ();
    HsObject *t = hs_list_as_tuple (vm, l);
    ERROR_IF (t == NULL);
    TOP () = t;
    hs_decref (vm, l);
    DISPATCH ();
  }

op_DICT_MERGE:
  {
    HsObject *m = POP ();
    SAVE_FRAME ();
    int r = dict_merge (vm, sp[-(int)(arg & 0xff)], m, (arg & 0x100) != 0,
                        (arg & 0x100) ? NULL : sp[-(int)(arg & 0xff) - 2]);
    hs_decref (vm, m);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_SET_UPDATE:
  {
    HsObject *it = POP ();
    SAVE_FRAME ();
    int r = hs_set_update (vm, sp[-(int)arg], it);
    hs_decref (vm, it);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_BUILD_SET:
  {
    HsObject *set = hs_set_new (vm);
    ERROR_IF (set == NULL);
    HsObject **items = sp - arg;
    int r = 0;
    for (guint32 i = 0; i < arg && r == 0; i++)
      r = hs_set_add (vm, set, items[i]);
    while (sp > items)
      {
        HsObject *v = POP ();
        hs_decref (vm, v);
      }
    if (r < 0)
      {
        hs_decref (vm, set);
        goto error;
      }
    PUSH (set);
    DISPATCH ();
  }

op_YIELD_VALUE:
  {
    retval = POP ();
    SAVE_FRAME ();
    f->ip++; /* resume after the yield */
    if (vm->hooks != NULL && vm->hooks->step != NULL
        && call_hook (vm, HS_STEP_RETURN, f, hs_code_line (co, f->ip - 1), retval) < 0)
      {
        HS_CLEAR (vm, retval);
        f->ip--;
        goto error_noip;
      }
    g_assert (f == entry && f->gen != NULL);
    HS_GENERATOR (f->gen)->yielded = TRUE;
    vm->frame = f->back;
    f->back = NULL;
    vm->depth--;
    vm->eval_depth--;
    return retval;
  }

op_SEND:
  {
    HsObject *v = POP ();
    HsObject *returned = NULL, *stop = NULL;
    SAVE_FRAME ();
    HsObject *r = send_value (vm, f, TOP (), v, &returned, &stop);
    hs_decref (vm, v);
    if (stop != NULL)
      {
        if (vm->hooks != NULL && vm->hooks->step != NULL && !is_stopping (vm))
          call_hook (vm, HS_STEP_EXCEPTION, f, hs_code_line (co, f->ip), stop);
        hs_decref (vm, stop);
      }
    if (r != NULL)
      {
        PUSH (r);
        DISPATCH ();
      }
    ERROR_IF (returned == NULL);
    HsObject *receiver = TOP ();
    TOP () = returned;
    hs_decref (vm, receiver);
    ip = code + arg;
    DISPATCH ();
  }

op_GET_YIELD_FROM_ITER:
  {
    HsObject *o = TOP ();
    if (!HS_IS (o, &hs_generator_type))
      {
        HsObject *it = hs_object_iter (vm, o);
        ERROR_IF (it == NULL);
        TOP () = it;
        hs_decref (vm, o);
      }
    DISPATCH ();
  }

op_IMPORT_NAME:
  {
    SAVE_FRAME ();
    HsObject *m = import_module (vm, names[arg]);
    ERROR_IF (m == NULL);
    PUSH (m);
    DISPATCH ();
  }

op_IMPORT_FROM:
  {
    SAVE_FRAME ();
    HsObject *v = import_from (vm, TOP (), names[arg]);
    ERROR_IF (v == NULL);
    PUSH (v);
    DISPATCH ();
  }

op_BEFORE_WITH:
  {
    HsObject *mgr = TOP ();
    SAVE_FRAME ();
    HsObject *exit = NULL;
    HsObject *entered = with_enter (vm, mgr, &exit);
    ERROR_IF (entered == NULL);
    TOP () = exit;
    hs_decref (vm, mgr);
    PUSH (entered);
    DISPATCH ();
  }

op_WITH_EXCEPT_START:
  {
    HsObject *exc = TOP (), *exit = sp[-3];
    SAVE_FRAME ();
    HsObject *tb = hs_exception_traceback_object (vm, exc);
    ERROR_IF (tb == NULL);
    HsObject *args[3] = { (HsObject *)HS_TYPE (exc), exc, tb };
    HsObject *r = hs_object_call (vm, exit, args, 3, NULL);
    hs_decref (vm, tb);
    ERROR_IF (r == NULL);
    PUSH (r);
    DISPATCH ();
  }

error:
  SAVE_FRAME ();
error_noip:
  for (;;)
    {
      if (vm->exc == NULL)
        hs_err_set_string (vm, &hs_exc_RuntimeError, "error return without exception set");
      f->raise_ip = f->ip;
      if (!is_stopping (vm))
        {
          hs_exception_add_traceback (vm->exc, f->code, f->ip);
          if (vm->hooks != NULL && vm->hooks->step != NULL)
            call_hook (vm, HS_STEP_EXCEPTION, f, hs_code_line (f->code, f->ip), vm->exc);
        }
    exception_unwind:
      if (!is_stopping (vm))
        {
          const HsExcEntry *h = hs_code_find_handler (f->code, f->ip);
          if (h != NULL)
            {
              LOAD_FRAME ();
              while (sp > f->stack + h->depth)
                {
                  HsObject *v = POP ();
                  hs_xdecref (vm, v);
                }
              PUSH (vm->exc);
              vm->exc = NULL;
              ip = code + h->target;
              DISPATCH ();
            }
          if (vm->hooks != NULL && vm->hooks->step != NULL)
            {
              /* a position-less re-raise is where the last line was (CPython gives such
               * code its predecessor's line) */
              int line = hs_code_line (f->code, f->raise_ip);
              if (line < 0)
                line = f->cur_line;
              if (f->back == NULL)
                call_hook (vm, HS_STEP_UNCAUGHT, f, line, vm->exc);
              else
                call_hook (vm, HS_STEP_RETURN, f, line, NULL);
            }
        }
      HsFrame *back = f->back;
      gboolean done = f == entry;
      frame_pop (vm, f);
      if (done)
        {
          vm->eval_depth--;
          return NULL;
        }
      f = back;
    }
}

#undef LOAD_FRAME
#undef SAVE_FRAME
#undef DISPATCH

/* ---- VM life cycle ------------------------------------------------------------------ */

static HsObject *
str_key (const char *s)
{
  return hs_str_intern_cstr (s);
}

HsVM *
hs_vm_new (const HsVMConfig *config)
{
  hs_runtime_init ();
  HsVM *vm = g_new0 (HsVM, 1);
  if (config != NULL)
    vm->config = *config;
  else
    hs_vm_config_init (&vm->config);
  if (vm->config.recursion_limit <= 0)
    vm->config.recursion_limit = 1000;
  hs_heap_init (vm);
  vm->next_frame_id = 1;
  vm->chunk = chunk_new (NULL, 0);
  vm->codes = g_ptr_array_new ();
  vm->stop_exc = hs_exception_new (vm, &hs_exc_StopRun, NULL);
  vm->memory_exc = hs_exception_new (vm, &hs_exc_MemoryError, NULL);
  vm->builtins = hs_builtins_new (vm);
  return vm;
}

static void
reset_run_state (HsVM *vm)
{
  HS_CLEAR (vm, vm->last_exc);
  HS_CLEAR (vm, vm->exc);
  HS_CLEAR (vm, vm->exc_info);
  g_clear_pointer (&vm->last_syntax_error, hs_syntax_error_free);
  vm->stop_reason = HS_RUN_OK;
  vm->line_steps = 0;
  vm->output_bytes = 0;
}

void
hs_vm_free (HsVM *vm)
{
  if (vm == NULL)
    return;
  while (vm->frame != NULL)
    frame_pop (vm, vm->frame);
  for (guint i = 0; vm->closing != NULL && i < vm->closing->len; i++)
    drop_closing_frame (vm, &g_array_index (vm->closing, ClosingFrame, i));
  if (vm->closing != NULL)
    g_array_unref (vm->closing);
  reset_run_state (vm);
  HS_CLEAR (vm, vm->exc_info);
  HS_CLEAR (vm, vm->globals);
  HS_CLEAR (vm, vm->builtins);
  HS_CLEAR (vm, vm->stop_exc);
  HS_CLEAR (vm, vm->memory_exc);
  /* Code constants are objects on the live list, and garbage still alive (a cycle through
   * a dict keyed by a constant string) holds them: hs_heap_fini frees them with the rest,
   * then the codes go without touching them. */
  hs_heap_fini (vm);
  for (guint i = 0; i < vm->codes->len; i++)
    hs_code_free (NULL, vm->codes->pdata[i]);
  g_ptr_array_free (vm->codes, TRUE);
  while (vm->chunk != NULL)
    {
      HsFrameChunk *prev = vm->chunk->prev;
      g_free (vm->chunk);
      vm->chunk = prev;
    }
  g_free (vm->source);
  g_free (vm->filename);
  g_free (vm);
}

static HsObject *
new_globals (HsVM *vm)
{
  HsObject *g = hs_dict_new (vm);
  if (g == NULL)
    return NULL;
  HsObject *main_name = hs_str_intern_cstr ("__main__");
  HsObject *builtins = NULL;
  if (hs_dict_set_item (vm, g, str_key ("__name__"), main_name) < 0
      || (builtins = hs_import_module (vm, "builtins")) == NULL
      || hs_dict_set_item (vm, g, str_key ("__builtins__"), builtins) < 0)
    {
      hs_xdecref (vm, builtins);
      hs_decref (vm, g);
      return NULL;
    }
  hs_decref (vm, builtins);
  return g;
}

HsRunResult
hs_vm_run_source (HsVM *vm, const char *source, gsize len, const char *filename)
{
  reset_run_state (vm);
  g_atomic_int_set (&vm->cancel_requested, 0);
  g_free (vm->source);
  g_free (vm->filename);
  vm->source = g_strndup (source, len);
  vm->source_len = len;
  vm->filename = g_strdup (filename);

  g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
  HsSyntaxError *serr = NULL;
  g_autofree char *text = hs_source_prepare (source, len, filename, &len, &serr);
  if (text == NULL)
    {
      vm->last_syntax_error = serr;
      return HS_RUN_EXCEPTION;
    }
  source = text;
  g_free (vm->source);
  vm->source = g_strndup (source, len);
  vm->source_len = len;
  HsModule *mod = hs_parse_module (arena, source, len, &serr);
  if (mod == NULL)
    {
      vm->last_syntax_error = serr;
      return HS_RUN_EXCEPTION;
    }
  HsCode *code = hs_compile_module (vm, mod, source, len, filename, &serr);
  if (code == NULL)
    {
      vm->last_syntax_error = serr;
      return HS_RUN_EXCEPTION;
    }
  g_ptr_array_add (vm->codes, code);

  HS_CLEAR (vm, vm->globals);
  vm->globals = new_globals (vm);
  if (vm->globals == NULL)
    {
      vm->last_exc = hs_err_fetch (vm);
      return HS_RUN_EXCEPTION;
    }
  HsFrame *f = frame_push (vm, code, NULL, vm->globals);
  HsObject *r = f != NULL ? eval_frame (vm, f) : NULL;
  if (r != NULL)
    {
      hs_decref (vm, r);
      return HS_RUN_OK;
    }
  if (vm->stop_reason != HS_RUN_OK)
    {
      hs_err_clear (vm);
      return vm->stop_reason;
    }
  vm->last_exc = hs_err_fetch (vm);
  return HS_RUN_EXCEPTION;
}

void
hs_vm_finalize (HsVM *vm, HsRunResult result)
{
  if ((result != HS_RUN_OK && result != HS_RUN_EXCEPTION) || vm->globals == NULL)
    return;
  /* CPython drops __main__ and collects what it kept as garbage: the collector finalizes
   * every suspended generator before it clears anything, in the order it tracks them (the
   * order they were made), the globals intact. */
  g_autoptr (GPtrArray) suspended = g_ptr_array_new ();
  for (HsObject *p = vm->live.next; p != &vm->live; p = p->next)
    if (HS_IS (p, &hs_generator_type) && HS_GENERATOR (p)->frame != NULL)
      g_ptr_array_add (suspended, hs_incref (p));
  vm->finalizing = TRUE;
  close_freed_generators (vm); /* those the uncaught exception's unwinding freed */
  for (guint i = 0; i < suspended->len; i++)
    {
      if (hs_vm_generator_close (vm, suspended->pdata[i]) < 0)
        hs_err_clear (vm); /* CPython reports it as unraisable */
      hs_decref (vm, suspended->pdata[i]);
    }
  close_freed_generators (vm); /* any a finally block made and left */
  vm->finalizing = FALSE;
}

int
hs_vm_exit_status (HsVM *vm, HsRunResult result)
{
  if (result == HS_RUN_OK)
    return 0;
  if (vm->last_exc == NULL || !HS_IS (vm->last_exc, &hs_exc_SystemExit))
    return 1;
  HsObject *code = hs_system_exit_code (vm->last_exc);
  gint64 status;
  if (code == hs_None)
    return 0;
  if (hs_int_check (code))
    return hs_int_as_i64 (code, &status) ? (int)(status & 0xff) : 0xff;
  return 1;
}

void
hs_vm_runtime_init (void)
{
  hs_type_ready (&hs_function_type);
  hs_type_ready (&hs_cell_type);
  hs_type_ready (&hs_generator_type);
  hs_class_runtime_init ();
}

/* ---- error reports (CPython 3.11's PyErr_Display, byte for byte) ------------------- */

static char *
source_line (HsVM *vm, HsCode *code, int lineno)
{
  if (vm->source == NULL || lineno < 1 || g_strcmp0 (code->filename, vm->filename) != 0)
    return NULL;
  const char *p = vm->source, *end = vm->source + vm->source_len;
  for (int l = 1; l < lineno; l++)
    {
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        return NULL;
      p++;
    }
  const char *e = memchr (p, '\n', end - p);
  if (e == NULL)
    e = end;
  if (e > p && e[-1] == '\r')
    e--;
  return g_strndup (p, e - p);
}

static glong
char_offset_of (const char *line, int byte_off)
{
  glong n = (glong)strlen (line);
  if (byte_off > n)
    byte_off = (int)n;
  return g_utf8_strlen (line, byte_off);
}

static void
append_carets (GString *out, const char *line, const HsCodePos *p)
{
  glong len = g_utf8_strlen (line, -1);
  glong ws = 0;
  for (const char *c = line; *c == ' ' || *c == '\t' || *c == '\f'; c++)
    ws++;
  glong start = char_offset_of (line, p->col);
  glong end;
  glong left = -1, right = -1;
  if (p->end_line == p->line)
    {
      end = char_offset_of (line, p->end_col);
      if (p->anchor_left >= 0)
        {
          left = char_offset_of (line, p->anchor_left);
          right = char_offset_of (line, p->anchor_right);
        }
    }
  else
    {
      glong i = (glong)strlen (line);
      while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t' || line[i - 1] == '\f'))
        i--;
      end = g_utf8_strlen (line, i);
    }
  if (end - start == len - ws && left < 0)
    return;
  g_string_append (out, "    ");
  for (glong off = ws + 1; off <= end; off++)
    {
      if (off <= start)
        g_string_append_c (out, ' ');
      else if (left >= 0 && left < off && off <= right)
        g_string_append_c (out, '^');
      else
        g_string_append_c (out, left >= 0 ? '~' : '^');
    }
  g_string_append_c (out, '\n');
}

static void
append_entry (HsVM *vm, GString *out, HsTracebackEntry *t)
{
  const HsCodePos pos = hs_code_pos (t->code, t->ip);
  g_string_append_printf (out, "  File \"%s\", line %d, in %s\n", t->code->filename, pos.line,
                          t->code->name);
  g_autofree char *line = source_line (vm, t->code, pos.line);
  if (line == NULL)
    return;
  const char *stripped = line;
  while (*stripped == ' ' || *stripped == '\t' || *stripped == '\f')
    stripped++;
  g_string_append_printf (out, "    %s\n", stripped);
  if (pos.col >= 0 && pos.end_col >= 0)
    append_carets (out, line, &pos);
}

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

static void
append_repeated (GString *out, int cnt)
{
  cnt -= TB_RECURSIVE_CUTOFF;
  g_string_append_printf (out, "  [Previous line repeated %d more time%s]\n", cnt,
                          cnt > 1 ? "s" : "");
}

static void
append_traceback (HsVM *vm, GString *out, GArray *tb)
{
  g_string_append (out, "Traceback (most recent call last):\n");
  int n = (int)tb->len;
  int first = n > TB_LIMIT ? n - TB_LIMIT : 0;
  HsCode *last_code = NULL;
  int last_line = -1, cnt = 0;
  /* entries are innermost first: print from the outermost */
  for (int i = n - 1 - first; i >= 0; i--)
    {
      HsTracebackEntry *t = &g_array_index (tb, HsTracebackEntry, i);
      int line = hs_code_line (t->code, t->ip);
      if (last_code == NULL || strcmp (t->code->filename, last_code->filename) != 0
          || line != last_line || strcmp (t->code->name, last_code->name) != 0)
        {
          if (cnt > TB_RECURSIVE_CUTOFF)
            append_repeated (out, cnt);
          last_code = t->code;
          last_line = line;
          cnt = 0;
        }
      cnt++;
      if (cnt <= TB_RECURSIVE_CUTOFF)
        append_entry (vm, out, t);
    }
  if (cnt > TB_RECURSIVE_CUTOFF)
    append_repeated (out, cnt);
}

static void
append_exception (HsVM *vm, GString *out, HsObject *exc, int depth)
{
  HsException *e = HS_EXCEPTION (exc);
  if (depth < 100)
    {
      if (e->cause != NULL && hs_exception_check (e->cause))
        {
          append_exception (vm, out, e->cause, depth + 1);
          g_string_append (out, "\nThe above exception was the direct cause of the following "
                                "exception:\n\n");
        }
      else if (e->context != NULL && !e->suppress_context && hs_exception_check (e->context))
        {
          append_exception (vm, out, e->context, depth + 1);
          g_string_append (out, "\nDuring handling of the above exception, another exception "
                                "occurred:\n\n");
        }
    }
  if (e->traceback != NULL && e->traceback->len > 0)
    append_traceback (vm, out, e->traceback);
  g_autofree char *last = hs_exception_format_last_line (vm, exc);
  g_string_append (out, last);
  g_autofree char *suggestion = hs_suggestion_for (vm, exc);
  if (suggestion != NULL)
    g_string_append_printf (out, ". Did you mean: '%s'?", suggestion);
  g_string_append_c (out, '\n');
}

/* Characters in a SyntaxError's line, counted as the lexer counts its offsets (bytes that
 * do not continue a UTF-8 sequence). The text may be invalid UTF-8 when the parser is
 * called without hs_source_prepare; g_utf8_strlen (text, -1) would then skip over the
 * terminating NUL after a truncated sequence. */
static glong
text_length (const char *text)
{
  glong n = 0;
  for (const char *p = text; *p != '\0'; p++)
    n += ((unsigned char)*p & 0xC0) != 0x80;
  return n;
}

static void
append_syntax_error (GString *out, const char *filename, HsSyntaxError *err)
{
  /* A file that is not UTF-8 is reported without a location, as CPython does. */
  if (err->lineno > 0)
    g_string_append_printf (out, "  File \"%s\", line %d\n", filename, err->lineno);
  if (err->text != NULL)
    {
      const char *text = err->text;
      glong offset = err->offset, end_offset = err->end_offset;
      glong line_size = text_length (text);
      /* CPython uses its text's length, which counts the newline ending a line that the
       * error continues past; the parser's texts leave it out, the compiler's keep it */
      if (err->end_lineno > err->lineno)
        end_offset = line_size + !g_str_has_suffix (text, "\n");
      if (end_offset > line_size + 1)
        end_offset = line_size + 1;
      glong reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
      /* CPython 3.11 prints one caret for indentation errors whatever their range */
      if (g_str_has_suffix (err->type_name, "IndentationError")
          || strcmp (err->type_name, "TabError") == 0)
        reps = 1;
      offset--;
      while (*text == ' ' || *text == '\t' || *text == '\f')
        {
          text++;
          offset--;
        }
      glong len = text_length (text);
      if (len > 0 && text[strlen (text) - 1] == '\n')
        len--;
      if (offset > len)
        offset = len;
      g_string_append_printf (out, "    %s", text);
      if (strlen (text) == 0 || text[strlen (text) - 1] != '\n')
        g_string_append_c (out, '\n');
      if (offset >= 0)
        {
          g_string_append (out, "    ");
          for (glong i = 0; i < offset; i++)
            g_string_append_c (out, ' ');
          for (glong i = 0; i < reps; i++)
            g_string_append_c (out, '^');
          g_string_append_c (out, '\n');
        }
    }
  g_string_append_printf (out, "%s: %s\n", err->type_name, err->msg);
}

char *
hs_vm_format_error (HsVM *vm)
{
  GString *out = g_string_new (NULL);
  if (vm->last_syntax_error != NULL)
    append_syntax_error (out, vm->filename != NULL ? vm->filename : "<string>",
                         vm->last_syntax_error);
  else if (vm->last_exc != NULL && HS_IS (vm->last_exc, &hs_exc_SystemExit))
    {
      /* CPython's handle_system_exit: a code that is not an int is printed, alone */
      HsObject *code = hs_system_exit_code (vm->last_exc);
      HsObject *text = code != hs_None && !hs_int_check (code) ? hs_object_str (vm, code) : NULL;
      if (text != NULL)
        g_string_append_printf (out, "%s\n", hs_str_utf8 (text));
      hs_xdecref (vm, text);
      hs_err_clear (vm);
    }
  else if (vm->last_exc != NULL)
    append_exception (vm, out, vm->last_exc, 0);
  else
    switch (vm->stop_reason)
      {
        case HS_RUN_STEP_LIMIT:
          g_string_append_printf (out,
                                  "StepLimitError: the program ran more than %" G_GINT64_FORMAT
                                  " steps; stopped (use --max-steps)\n",
                                  vm->config.max_line_steps);
          break;
        case HS_RUN_OUTPUT_LIMIT:
          g_string_append_printf (out,
                                  "OutputLimitError: the program printed more than %" G_GSIZE_FORMAT
                                  " bytes; stopped\n",
                                  vm->config.output_limit_bytes);
          break;
        case HS_RUN_CANCELLED:
          g_string_append (out, "Cancelled: the program was stopped\n");
          break;
        default:
          break;
      }
  return g_string_free (out, FALSE);
}
