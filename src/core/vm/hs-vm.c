/* hs-vm.c — the interpreter loop and its line events. Frames live in hs-frame.c's arena,
 * calls are set up in hs-call.c, generators resumed in hs-vm-generator.c, errors reported
 * in hs-traceback.c, a VM made, run and freed in hs-vm-life.c; hs-vm-internal.h is what
 * they share.
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

#include "hs-cell.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-exception-group.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-format.h"
#include "hs-frame.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-vm-arith.h"
#include "hs-vm-internal.h"
#include "hs-recursion.h"
#include "hs-tuple.h"

/* ---- steps, stops ------------------------------------------------------------------ */

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

/* The hooks are off while the step hook runs (CPython's tracer does not trace itself):
 * what the hook makes the VM do, a repr calling a __repr__ method, is not reported. */
static int
call_hook (HsVM *vm, HsStepEvent ev, HsFrame *f, int line, HsObject *arg)
{
  const HsVMHooks *hooks = vm->hooks;
  gboolean go_on;

  hs_vm_run_deferred (vm);
  vm->hooks = NULL;
  go_on = hooks->step (vm, ev, f, line, arg, vm->hooks_data);
  vm->hooks = hooks;
  vm->plain_lines = 0; /* the hook's own code may have counted some */
  if (!go_on)
    {
      stop_run (vm, HS_RUN_CANCELLED);
      return -1;
    }
  return 0;
}

/* The line a RETURN_VALUE step reports: its instruction's, or the frame's last line event's
 * for an instruction without a line (from the code's table of lines). */
static int
return_line (HsCode *co, const HsFrame *f)
{
  int line = hs_code_line_cached (co, f->ip);

  return line >= 0 ? line : f->cur_line;
}

/* The line of a frame left by an exception that instruction ip raised: its own; for a
 * re-raise without one, none (-1: CPython's f_lineno is None) when it starts a run of code
 * only jumps lead to (an except*'s re-raise of what no clause matched), else where the last
 * line was (CPython gives such code its predecessor's line). */
static int
unwind_line (const HsCode *co, const HsFrame *f, int ip)
{
  int line = hs_code_line (co, ip);
  if (line >= 0 || ip < 0 || HS_INSTR_OP (co->code[ip]) != HS_OP_RERAISE)
    return line >= 0 ? line : f->cur_line;
  for (int i = ip; i > 0 && hs_code_line (co, i - 1) < 0; i--)
    {
      int op = HS_INSTR_OP (co->code[i - 1]);
      if (op == HS_OP_JUMP || op == HS_OP_JUMP_BACKWARD || op == HS_OP_RETURN_VALUE
          || op == HS_OP_RERAISE || op == HS_OP_RAISE)
        return -1;
    }
  return f->cur_line;
}

/* A line event that only counts: no hook, nothing deferred to run, the step limit not
 * reached (vm->plain_lines, which line_event sets and whatever changes these zeroes), no
 * cancel. The loop takes it without writing its registers back (CPython 3.11 does nothing
 * at a line when not tracing). */
static inline gboolean
line_event_is_plain (HsVM *vm)
{
  return vm->plain_lines > 0 && !g_atomic_int_get (&vm->cancel_requested);
}

/* How many line events from now on may be plain. */
static gint64
plain_lines_ahead (HsVM *vm)
{
  if (vm->hooks != NULL || vm->maybe_deferred)
    return 0;
  if (vm->config.max_line_steps <= 0)
    return G_MAXINT64;
  return MAX (vm->config.max_line_steps - vm->line_steps, 0);
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
  hs_vm_run_deferred (vm);
  vm->plain_lines = plain_lines_ahead (vm);
  return 0;
}

/* Writes to fn (and the hook, if any), counting against the output cap. */
static int
write_counted (HsVM *vm, HsOutputFn fn, gpointer data,
               void (*hook) (HsVM *, const char *, gsize, gpointer), const char *text, gsize len)
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
      if (fn != NULL)
        fn (text, len, data);
      if (hook != NULL)
        hook (vm, text, len, vm->hooks_data);
    }
  if (over)
    {
      stop_run (vm, HS_RUN_OUTPUT_LIMIT);
      return -1;
    }
  return 0;
}

int
hs_vm_write_output (HsVM *vm, const char *text, gsize len)
{
  return write_counted (vm, vm->output_fn, vm->output_data,
                        vm->hooks != NULL ? vm->hooks->output : NULL, text, len);
}

int
hs_vm_write_error (HsVM *vm, const char *text, gsize len)
{
  return write_counted (vm, vm->err_fn, vm->err_data, NULL, text, len);
}

void
hs_vm_add_sleep (HsVM *vm, gint64 ns)
{
  vm->slept_ns += ns; /* time.sleep() checked that the clocks stay in range */
}

gint64
hs_vm_slept_ns (HsVM *vm)
{
  return vm->slept_ns;
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
                 hs_code_varname (code, i));
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

/* Counts a lookup without a cache: whether the code should now make its caches, as a
 * name was looked up three times (HsCode.uncached). */
static inline gboolean
wants_caches (HsCode *co)
{
  return ++co->uncached > 2 * (guint32)co->nnames;
}

/* The code's global cache for name i, NULL unless it holds for these globals. */
static inline HsGlobalCache *
global_cache_hit (HsVM *vm, HsCode *co, HsObject *globals, guint32 i)
{
  HsGlobalCache *c;

  if (G_UNLIKELY (co->global_cache == NULL))
    {
      if (!wants_caches (co))
        return NULL;
      co->global_cache = g_new0 (HsGlobalCache, co->nnames);
    }
  c = &co->global_cache[i];
  if (c->globals == globals && c->globals_keys == HS_DICT (globals)->keys_version
      && (c->dict == globals
          || (c->dict == vm->builtins && c->builtins_keys == HS_DICT (vm->builtins)->keys_version)))
    return c;
  return NULL;
}

/* LOAD_GLOBAL through the code's inline cache: a hit costs two version compares; a miss
 * looks the name up and remembers where it is. The keys versions are read before the
 * lookups, which may run a key's __eq__. */
static HsObject *
load_global_cached (HsVM *vm, HsCode *co, HsObject *globals, guint32 i)
{
  HsGlobalCache *c = global_cache_hit (vm, co, globals, i);
  if (c != NULL)
    return hs_incref (HS_DICT (c->dict)->entries[c->index].value);

  HsObject *name = co->names[i], *dict = globals;
  guint64 gk = HS_DICT (globals)->keys_version, bk = HS_DICT (vm->builtins)->keys_version;
  gint64 h = hs_str_hash (name);
  gssize ix = hs_dict_find_entry (vm, globals, name, h);
  if (ix == -1)
    {
      dict = vm->builtins;
      ix = hs_dict_find_entry (vm, dict, name, h);
      if (ix == -1)
        name_error (vm, name);
    }
  if (ix < 0)
    return NULL;
  if (co->global_cache != NULL)
    co->global_cache[i] = (HsGlobalCache){ globals, gk, dict, bk, (gsize)ix };
  return hs_incref (HS_DICT (dict)->entries[ix].value);
}

/* STORE_GLOBAL: a name the globals have, as the cache knows, gets its value in place. */
static int
store_global_cached (HsVM *vm, HsCode *co, HsObject *globals, guint32 i, HsObject *v)
{
  HsGlobalCache *c = global_cache_hit (vm, co, globals, i);

  if (c != NULL && c->dict == globals)
    {
      hs_dict_replace_value (vm, globals, c->index, v);
      return 0;
    }
  return hs_dict_set_item_hash (vm, globals, co->names[i], hs_str_hash (co->names[i]), v);
}

/* The attribute instructions' caches for name i of the code (see hs-class.h), or
 * `scratch` emptied (HS_ATTR_CACHE_WAYS of them), for a code that has no caches yet
 * (HsCode.uncached). */
static inline HsAttrCache *
attr_cache (HsCode *co, guint32 i, HsAttrCache *scratch)
{
  if (G_UNLIKELY (co->attr_cache == NULL))
    {
      if (!wants_caches (co))
        {
          memset (scratch, 0, sizeof *scratch * HS_ATTR_CACHE_WAYS);
          return scratch;
        }
      co->attr_cache = g_new0 (HsAttrCache, (gsize)co->nnames * HS_ATTR_CACHE_WAYS);
    }
  return &co->attr_cache[i * HS_ATTR_CACHE_WAYS];
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

int
hs_unpack_sequence (HsVM *vm, HsObject *seq, int n, HsObject **out)
{
  HsObject **rev = g_newa (HsObject *, n);
  if (unpack_sequence (vm, seq, n, rev) < 0)
    return -1;
  for (int i = 0; i < n; i++)
    out[i] = rev[n - 1 - i];
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
      hs_object_mark_dirty (vm, e);
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
                       hs_code_varname (co, slot));
        if (vm->exc != NULL && HS_EXCEPTION (vm->exc)->name == NULL)
          HS_EXCEPTION (vm->exc)->name = hs_incref (co->varname_objs[slot]);
        return;
      }
  unbound_local_error (vm, co, slot);
}

static gboolean
is_exception_class (HsObject *t)
{
  return hs_type_check (t) && hs_type_is_subtype ((HsType *)t, &hs_exc_BaseException);
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

/* {**m} (update) or f(**m) (duplicates are errors; fn names the callee). */
static int
dict_merge (HsVM *vm, HsObject *d, HsObject *m, gboolean update, HsObject *fn)
{
  if (!hs_dict_check (m))
    {
      if (fn != NULL)
        {
          g_autofree char *fname = hs_call_name (fn);
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
          g_autofree char *fname = hs_call_name (fn);
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

/* A new dict of n items, keys[i * step]: values[i * step] inserted in order (BUILD_MAP's
 * pairs, step 2; BUILD_CONST_KEY_MAP's keys tuple and values, step 1), or NULL. */
static HsObject *
dict_from_items (HsVM *vm, HsObject **keys, HsObject **values, int step, guint32 n)
{
  HsObject *d = hs_dict_new (vm);
  for (guint32 i = 0; d != NULL && i < n; i++)
    if (hs_dict_set_item (vm, d, keys[i * step], values[i * step]) < 0)
      {
        hs_decref (vm, d);
        return NULL;
      }
  return d;
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

/* A list's or a range's iterator calls no Python code and recurses nowhere: FOR_ITER calls
 * its next directly, without hs_iter_next's slot lookup and C stack check. */
static inline gboolean
is_leaf_iterator (HsObject *it)
{
  return HS_IS (it, &hs_list_iter_type) || HS_IS (it, &hs_range_iter_type);
}

/* `s = s + t` or `s += t` where only the local s and the stack hold s: CPython 3.11's
 * BINARY_OP_INPLACE_ADD_UNICODE drops the local's reference first so that the string grows
 * in place (linear, not quadratic, building). Not while a trace records: its log holds
 * each str's text as of the step it was seen. */
static inline gboolean
is_str_append_to_local (HsVM *vm, guint32 op, HsObject *a, HsObject *b, guint32 next,
                        HsObject **locals)
{
  return op == HS_BIN_ADD && HS_IS (a, &hs_str_type) && HS_IS (b, &hs_str_type)
         && HS_INSTR_OP (next) == HS_OP_STORE_FAST && locals[HS_INSTR_ARG (next)] == a
         && a->refcount == 2 && vm->hooks == NULL && !vm->track_dirty;
}

/* Takes the stack's reference to a; the local is left unbound for the STORE_FAST that
 * follows. */
static HsObject *
str_append_to_local (HsVM *vm, HsObject *a, HsObject *b, HsObject **local)
{
  *local = NULL;
  hs_decref (vm, a);
  return hs_str_append_take (vm, a, b);
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
  if (HS_IS (c, &hs_dict_type))
    {
      /* an exact dict has no __missing__ */
      HsObject *v = hs_dict_get_item_borrow (vm, c, k);
      if (v != NULL)
        return hs_incref (v);
      if (!hs_err_occurred (vm))
        hs_err_set_key (vm, k);
      return NULL;
    }
  return hs_object_getitem (vm, c, k);
}

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

/* Releases the values from sp down to base (popping them); returns base. */
static inline HsObject **
drop_values (HsVM *vm, HsObject **sp, HsObject **base)
{
  while (sp > base)
    {
      HsObject *v = *--sp;
      hs_xdecref (vm, v);
    }
  return sp;
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

__attribute__ ((optimize ("no-crossjumping", "no-gcse"))) HsObject *
hs_vm_eval_frame (HsVM *vm, HsFrame *entry)
{
  static void *const labels[] = { HS_FOREACH_OPCODE (FOREACH_LABEL) };
  HsFrame *f = entry;
  HsCode *co;
  const guint32 *code;
  const guint32 *ip;
  HsObject **sp;
  HsObject **consts;
  HsObject **names;
  guint32 arg;
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
      guint32 w_ = *ip++;                                                                          \
      arg = HS_INSTR_ARG (w_);                                                                     \
      goto *labels[HS_INSTR_OP (w_)];                                                              \
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
/* The top of the stack becomes result (a new reference; NULL is an error, the stack left as
 * it was), releasing old, which the top held. */
#define REPLACE_TOP(old, result)                                                                   \
  do                                                                                               \
    {                                                                                              \
      HsObject *result_ = (result);                                                                \
      ERROR_IF (result_ == NULL);                                                                  \
      TOP () = result_;                                                                            \
      hs_decref (vm, (old));                                                                       \
    }                                                                                              \
  while (0)

  /* the frame's fast variables, read through f (one register) rather than a pointer of
   * their own, which gcc spills */
#define LOCALS (f->locals)

  vm->eval_depth++;
  LOAD_FRAME ();
  hs_code_warm (co); /* CPython's RESUME: a call, or a generator resumed */
  if (G_UNLIKELY (f->gen != NULL && HS_GENERATOR (f->gen)->past_send))
    HS_GENERATOR (f->gen)->past_send = FALSE;
  else if (vm->hooks != NULL && vm->hooks->step != NULL)
    {
      /* a resumed generator reports the line of its yield */
      int line = co->is_module || (co->flags & HS_CODE_TEXT) ? 0
                 : f->ip != 0                                ? f->cur_line
                                                             : co->firstlineno;
      if (call_hook (vm, HS_STEP_CALL, f, line, NULL) < 0)
        goto error_noip;
    }
  if (G_UNLIKELY (f->gen != NULL && HS_GENERATOR (f->gen)->thrown != NULL))
    {
      /* throw(), close(): the exception is raised by the `yield` the frame was suspended
       * at, or on entry if it never started (CPython 3.11) */
      HsObject *thrown = g_steal_pointer (&HS_GENERATOR (f->gen)->thrown);
      /* chained to the exception the generator itself handles, if any (CPython's
       * _PyErr_ChainStackItem): not to its caller's */
      if (f->exc_state.value != NULL)
        {
          hs_err_set_object (vm, thrown);
          hs_decref (vm, thrown);
        }
      else
        vm->exc = thrown;
      f->ip = f->ip > 0 ? f->ip - 1 : -1;
      goto error_noip;
    }
  DISPATCH ();

op_NOP:
  DISPATCH ();

op_LINE:
  {
    int line = arg < HS_INSTR_ARG_MAX ? (int)arg : hs_code_line (co, (int)(ip - code - 1));
    if (line != f->cur_line || f->after_lineless)
      {
        f->cur_line = line;
        f->after_lineless = FALSE;
        if (G_LIKELY (line_event_is_plain (vm)))
          {
            vm->plain_lines--;
            vm->line_steps++;
            DISPATCH ();
          }
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
    HsObject *v = LOCALS[arg];
    if (G_UNLIKELY (v == NULL))
      {
        unbound_local_error (vm, co, arg);
        goto error;
      }
    PUSH (hs_incref (v));
    DISPATCH ();
  }

op_LOAD_FAST_LOAD_FAST:
  {
    HsObject *v = LOCALS[arg], *v2 = LOCALS[HS_INSTR_ARG (*ip)];
    if (G_UNLIKELY (v == NULL || v2 == NULL))
      goto op_LOAD_FAST; /* one at a time, for the error */
    ip++;
    PUSH (hs_incref (v));
    PUSH (hs_incref (v2));
    DISPATCH ();
  }

op_LOAD_FAST_LOAD_CONST:
  {
    HsObject *v = LOCALS[arg];
    if (G_UNLIKELY (v == NULL))
      goto op_LOAD_FAST;
    PUSH (hs_incref (v));
    PUSH (hs_incref (consts[HS_INSTR_ARG (*ip++)]));
    DISPATCH ();
  }

op_LOAD_FAST_LOAD_ATTR:
  {
    /* an instance attribute the cache knows is read with no reference to the local taken;
     * anything else (a descriptor, a miss, running code) as the two instructions */
    HsObject *o = LOCALS[arg];
    guint32 name = HS_INSTR_ARG (*ip);
    HsObject **slot;
    if (G_LIKELY (o != NULL && co->attr_cache != NULL)
        && (slot = hs_attr_cached_slot (o, names[name], &co->attr_cache[name * HS_ATTR_CACHE_WAYS],
                                        HS_ATTR_CACHE_LOAD))
               != NULL)
      {
        ip++;
        PUSH (hs_incref (*slot));
        DISPATCH ();
      }
    goto op_LOAD_FAST;
  }

op_STORE_FAST:
  {
    HsObject *old = LOCALS[arg];
    LOCALS[arg] = POP ();
    hs_xdecref (vm, old);
    DISPATCH ();
  }

op_DELETE_FAST:
  {
    HsObject *old = LOCALS[arg];
    if (old == NULL)
      {
        unbound_local_error (vm, co, arg);
        goto error;
      }
    LOCALS[arg] = NULL;
    hs_decref (vm, old);
    DISPATCH ();
  }

op_LOAD_GLOBAL:
  {
    HsGlobalCache *c = global_cache_hit (vm, co, f->globals, arg);
    if (G_LIKELY (c != NULL))
      {
        PUSH (hs_incref (HS_DICT (c->dict)->entries[c->index].value));
        DISPATCH ();
      }
    HsObject *v = load_global_cached (vm, co, f->globals, arg);
    ERROR_IF (v == NULL);
    PUSH (v);
    DISPATCH ();
  }

op_STORE_GLOBAL:
  {
    HsObject *v = POP ();
    int r = store_global_cached (vm, co, f->globals, arg, v);
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
    HsObject *r;
    gint64 iv;
    if (is_float_arith (arg, a, b))
      r = float_op_reusing (vm, arg, a, b, hs_float_value (a), hs_float_value (b), ip, LOCALS);
    else if (small_int_arith (arg, a, b, &iv))
      r = hs_int_from_i64 (vm, iv);
    else if (is_str_append_to_local (vm, arg, a, b, *ip, LOCALS))
      goto str_append;
    else
      r = hs_vm_binary_op_fast (vm, arg, a, b);
    hs_decref (vm, b);
    REPLACE_TOP (a, r);
    DISPATCH ();
  }

op_INPLACE_OP:
  {
    HsObject *b = POP (), *a = TOP ();
    HsObject *r;
    gint64 iv;
    if (is_float_arith (arg, a, b))
      r = float_op_reusing (vm, arg, a, b, hs_float_value (a), hs_float_value (b), ip, LOCALS);
    else if (small_int_arith (arg, a, b, &iv))
      r = hs_int_from_i64 (vm, iv);
    else if (is_str_append_to_local (vm, arg, a, b, *ip, LOCALS))
      goto str_append;
    else
      r = is_exact_number (a) && is_exact_number (b) ? hs_vm_binary_op_fast (vm, arg, a, b)
                                                     : hs_number_inplace (vm, arg, a, b);
    hs_decref (vm, b);
    REPLACE_TOP (a, r);
    DISPATCH ();
  }

str_append:
  {
    HsObject *b = sp[0], *a = TOP ();
    HsObject *r = str_append_to_local (vm, a, b, &LOCALS[HS_INSTR_ARG (*ip)]);
    hs_decref (vm, b);
    if (r == NULL)
      {
        sp--; /* a was taken */
        goto error;
      }
    TOP () = r;
    DISPATCH ();
  }

op_UNARY_OP:
  {
    HsObject *a = TOP ();
    REPLACE_TOP (a, hs_number_unaryop (vm, arg, a));
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

  /* A test's result t, taken by the POP_JUMP_IF_FALSE/TRUE right after it, which the test
   * runs and steps over (CPython 3.11's COMPARE_OP_INT_JUMP and its siblings: no bool
   * pushed and popped, no dispatch between); that word stays as it was, so a jump landing
   * on it runs it alone. Else the bool (immortal) is pushed. */
#define PUSH_TEST(t)                                                                               \
  do                                                                                               \
    {                                                                                              \
      gboolean t_ = (t);                                                                           \
      guint32 next_ = *ip, next_op_ = HS_INSTR_OP (next_);                                         \
      if (next_op_ == HS_OP_POP_JUMP_IF_FALSE || next_op_ == HS_OP_POP_JUMP_IF_TRUE)               \
        {                                                                                          \
          ip++;                                                                                    \
          if (t_ == (next_op_ == HS_OP_POP_JUMP_IF_TRUE))                                          \
            {                                                                                      \
              const guint32 *to_ = code + HS_INSTR_ARG (next_);                                    \
              if (to_ < ip)                                                                        \
                f->cur_line = -1;                                                                  \
              ip = to_;                                                                            \
            }                                                                                      \
          DISPATCH ();                                                                             \
        }                                                                                          \
      PUSH (t_ ? hs_True : hs_False);                                                              \
      DISPATCH ();                                                                                 \
    }                                                                                              \
  while (0)

op_COMPARE_OP:
  {
    HsObject *b = POP (), *a = TOP ();
    if (both_small_ints (a, b))
      {
        /* CPython 3.11's COMPARE_OP_INT: the result is an immortal bool */
        gboolean t = COMPARE (arg, hs_int_small_value (a), hs_int_small_value (b));
        (void)POP ();
        hs_decref (vm, a);
        hs_decref (vm, b);
        PUSH_TEST (t);
      }
    HsObject *r = hs_vm_compare_fast (vm, arg, a, b);
    hs_decref (vm, b);
    if (r == hs_True || r == hs_False)
      {
        (void)POP ();
        hs_decref (vm, a);
        PUSH_TEST (r == hs_True);
      }
    REPLACE_TOP (a, r);
    DISPATCH ();
  }

op_IS_OP:
  {
    HsObject *b = POP (), *a = POP ();
    gboolean r = (a == b) != (arg != 0);
    hs_decref (vm, a);
    hs_decref (vm, b);
    PUSH_TEST (r);
  }

op_CONTAINS_OP:
  {
    HsObject *container = POP (), *item = TOP ();
    int r = hs_object_contains (vm, container, item);
    hs_decref (vm, container);
    ERROR_IF (r < 0);
    (void)POP ();
    hs_decref (vm, item);
    PUSH_TEST (r != (int)arg);
  }

op_BINARY_SUBSCR:
  {
    HsObject *k = POP (), *c = TOP ();
    HsObject *r = subscr_fast (vm, c, k);
    hs_decref (vm, k);
    REPLACE_TOP (c, r);
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
    REPLACE_TOP (start, s);
    DISPATCH ();
  }

op_LOAD_ATTR:
  {
    HsObject *o = TOP ();
    HsAttrCache scratch[HS_ATTR_CACHE_WAYS], *c = attr_cache (co, arg, scratch);
    HsObject **slot = hs_attr_cached_slot (o, names[arg], c, HS_ATTR_CACHE_LOAD);
    if (G_LIKELY (slot != NULL))
      {
        TOP () = hs_incref (*slot);
        hs_decref (vm, o);
        DISPATCH ();
      }
    REPLACE_TOP (o, hs_attr_load_cached (vm, o, names[arg], c));
    DISPATCH ();
  }

op_STORE_ATTR:
  {
    HsObject *o = POP (), *v = POP ();
    HsAttrCache scratch[HS_ATTR_CACHE_WAYS], *c = attr_cache (co, arg, scratch);
    HsObject **slot = hs_attr_cached_slot (o, names[arg], c, HS_ATTR_CACHE_STORE);
    if (G_LIKELY (slot != NULL))
      {
        /* the attribute takes the stack's reference to v (hs-class.c's attrs_replace) */
        HsObject *old = *slot;
        *slot = v;
        hs_object_mark_dirty (vm, o);
        hs_decref (vm, old);
        hs_decref (vm, o);
        DISPATCH ();
      }
    int r = hs_attr_store_cached (vm, o, names[arg], v, c);
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
    HsAttrCache scratch[HS_ATTR_CACHE_WAYS];
    HsObject *d = hs_attr_method_cached (o, names[arg], attr_cache (co, arg, scratch));
    if (d != NULL)
      {
        TOP () = hs_incref (d);
        PUSH (o);
        DISPATCH ();
      }
    HsObject *self;
    if (o->type == &hs_super_type
        && (d = hs_super_method_borrow (vm, o, names[arg], &self)) != NULL)
      {
        TOP () = hs_incref (d);
        PUSH (hs_incref (self));
        hs_decref (vm, o);
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
        HsObject *r = NULL;
        gboolean level = !hs_code_quickened (co) && hs_call_c_is_level (vm, meth);
        SAVE_FRAME ();
        if (!level || hs_recursion_enter (vm, " while calling a Python object"))
          {
            r = ((HsCFunctionObject *)meth)->def->fn (vm, args, arg + 1, NULL);
            if (level)
              hs_recursion_leave (vm);
          }
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
    if (!HS_IS (argt, &hs_tuple_type))
      {
        /* f(*it) passes `it` itself, made a tuple here (CPython's CALL_FUNCTION_EX) */
        HsObject *t;
        SAVE_FRAME ();
        t = hs_tuple_from_iterable (vm, argt);
        if (t == NULL)
          hs_call_star_error (vm, fn, argt);
        hs_decref (vm, argt);
        if (t == NULL)
          hs_xdecref (vm, kwargs);
        ERROR_IF (t == NULL);
        argt = t;
      }
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
    /* The tuple and dict stay the frame's while the call runs, as on CPython's stack; with
     * keywords and a callee called by vectorcall (a function, a method of one), so do the
     * flat copy of the arguments and the keyword names that _PyStack_UnpackDict makes. */
    HsFrameHold held = hs_frame_hold (vm, kwargs, &argt, 1);
    hs_decref (vm, argt);
    hs_xdecref (vm, kwargs);
    HsObject *pyfn = HS_IS (fn, &hs_method_type) ? hs_method_func_borrow (fn) : fn;
    if (kwn != NULL && HS_IS (pyfn, &hs_function_type))
      hs_frame_hold (vm, kwn, flat, npos + nkw);
    vm->class_call = HS_CLASS_CALL_PACKED;
    if (nkw == 0 || kwn != NULL)
      how = hs_call_start (vm, fn, flat, npos, kwn, &nf, &r);
    vm->class_call = 0;
    /* a class's own __init__ frame: slot_tp_init's _PyObject_Call_Prepend copies the
     * instance and the arguments when there are keywords */
    if (how == 1 && nf->is_init && kwn != NULL)
      hs_frame_hold_in (f, r, flat, npos + nkw);
    if (how == 1 && nf->is_init) /* slot_tp_init's reference to __init__ */
      hs_frame_hold_in (f, nf->func, NULL, 0);
    g_free (flat);
    hs_xdecref (vm, kwn);
    if (how == 1)
      nf->back_holds = TRUE;
    else
      hs_frame_unhold (vm, held);
    (void)POP ();
    if (how == 1)
      {
        if (r != NULL)
          PUSH (r);
        f->sp = (int)(sp - f->stack);
        /* the callable stays on CPython's stack while the call runs */
        hs_frame_hold_in (f, fn, NULL, 0);
        hs_decref (vm, fn);
        goto entered_frame_nf;
      }
    hs_decref (vm, fn);
    ERROR_IF (how < 0);
    PUSH (r);
    DISPATCH ();
  entered_frame_nf:
    f = nf;
  entered_frame:
    LOAD_FRAME ();
    hs_code_warm (co);
    if (vm->hooks != NULL && vm->hooks->step != NULL
        && call_hook (vm, HS_STEP_CALL, f, co->firstlineno, NULL) < 0)
      goto error_noip;
    DISPATCH ();
  }

do_start_call:
  if (ckw == NULL && hs_call_is_lean (vm, callee, cnargs))
    {
      HsFunction *fn = HS_FUNCTION (callee);
      HsObject **below = cbase;
      gsize nbelow = cargs - cbase; /* the callee, and the NULL under it after LOAD_METHOD */
      SAVE_FRAME ();
      HsFrame *nf = hs_vm_frame_push_unset_in (vm, fn->code, callee, fn->globals, FALSE);
      if (G_UNLIKELY (nf == NULL))
        {
          sp = drop_values (vm, sp, cbase);
          goto error;
        }
      /* the arguments' references move into the new frame's locals, the defaults of
       * the parameters left out are shared (hs_function_bind_args); a loop, not memcpy:
       * a call has a few */
      for (gsize i = 0; i < cnargs; i++)
        nf->locals[i] = cargs[i];
      hs_call_bind_rest (fn, nf->locals, cnargs);
      sp = cbase;
      f->sp = (int)(sp - f->stack);
      for (gsize i = nbelow; i-- > 0;)
        hs_xdecref (vm, below[i]);
      f = nf;
      goto entered_frame;
    }
  {
    HsFrame *nf = NULL;
    HsObject *r = NULL;
    SAVE_FRAME ();
    int how = hs_call_from_stack (vm, callee, cbase, sp - cbase, cargs, cnargs, ckw, &nf, &r);
    sp = cbase;
    if (how == 1)
      {
        if (r != NULL)
          PUSH (r);
        f->sp = (int)(sp - f->stack);
        f = nf;
        goto entered_frame;
      }
    ERROR_IF (how < 0);
    PUSH (r);
    /* the popped arguments may be freed: a dunder run later on this line from C (a+b's
     * __add__) must not find them in the frame's pending values */
    f->sp = (int)(sp - f->stack);
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
    HsObject **items = sp - 2 * arg;
    HsObject *d = dict_from_items (vm, items, items + 1, 2, arg);
    ERROR_IF (d == NULL);
    while (sp > items)
      {
        HsObject *v = POP ();
        hs_decref (vm, v);
      }
    PUSH (d);
    DISPATCH ();
  }

op_BUILD_CONST_KEY_MAP:
  {
    HsObject **values = sp - 1 - arg;
    HsObject *d = dict_from_items (vm, hs_tuple_items (sp[-1]), values, 1, arg);
    ERROR_IF (d == NULL);
    while (sp > values)
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
    HsObject *s = hs_str_join_array (vm, NULL, items, (gsize)arg);
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
    REPLACE_TOP (v, r);
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
  hs_code_warm (co);
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
    if (t == (HS_INSTR_OP (ip[-1]) == HS_OP_POP_JUMP_IF_TRUE))
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
    if (t == (HS_INSTR_OP (ip[-1]) == HS_OP_JUMP_IF_TRUE_OR_POP))
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
    REPLACE_TOP (o, hs_object_iter (vm, o));
    DISPATCH ();
  }

op_FOR_ITER:
  {
    HsObject *it = TOP ();
    HsObject *v;
    if (G_LIKELY (vm->hooks == NULL))
      v = is_leaf_iterator (it) ? HS_TYPE (it)->iternext (vm, it) : hs_iter_next (vm, it);
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
            if (vm->hooks->step != NULL && !hs_vm_is_stopping (vm))
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
    HsObject *annotations = (arg & 8) ? POP () : NULL;
    HsObject *kwdefaults = (arg & 2) ? POP () : NULL;
    HsObject *defaults = (arg & 1) ? POP () : NULL;
    HsObject *fn = hs_function_new (vm, co->children[arg >> 4], f->globals, defaults);
    if (fn == NULL)
      {
        hs_xdecref (vm, closure);
        hs_xdecref (vm, annotations);
        hs_xdecref (vm, kwdefaults);
        goto error;
      }
    /* a def inside a function (not inside a class body) names the frame that made it, and
     * so does one in exec() text, as Python Tutor finds its code among that frame's */
    gboolean nested = ((co->children[arg >> 4]->flags & HS_CODE_NESTED) && f->ns == NULL)
                      || (co->flags & HS_CODE_TEXT);
    if (hs_function_set_extras (vm, HS_FUNCTION (fn), kwdefaults, closure, annotations,
                                nested ? f->id : 0)
        < 0)
      {
        hs_decref (vm, fn);
        goto error;
      }
    PUSH (fn);
    DISPATCH ();
  }

op_RETURN_VALUE:
  {
    retval = POP ();
    SAVE_FRAME ();
    if (vm->hooks != NULL && vm->hooks->step != NULL
        && call_hook (vm, HS_STEP_RETURN, f, return_line (co, f), retval) < 0)
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
    hs_vm_frame_pop_plain (vm, f);
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
        HsObject *handled = hs_vm_handled_exception (vm);
        if (handled == NULL)
          {
            hs_err_set_string (vm, &hs_exc_RuntimeError, "No active exception to reraise");
            goto error;
          }
        HS_CLEAR (vm, vm->exc);
        vm->exc = hs_incref (handled);
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
    HsObject *v = hs_cell_get_borrow (LOCALS[arg]);
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
    hs_cell_set (vm, LOCALS[arg], v);
    hs_decref (vm, v);
    DISPATCH ();
  }

op_DELETE_DEREF:
  {
    if (hs_cell_get_borrow (LOCALS[arg]) == NULL)
      {
        deref_error (vm, co, arg);
        goto error;
      }
    hs_cell_set (vm, LOCALS[arg], NULL);
    DISPATCH ();
  }

op_LOAD_CLOSURE:
  PUSH (hs_incref (LOCALS[arg]));
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
      v = hs_cell_get_borrow (LOCALS[slot]);
    if (v == NULL)
      {
        deref_error (vm, co, slot);
        goto error;
      }
    PUSH (hs_incref (v));
    DISPATCH ();
  }

op_SETUP_FINALLY:
op_SETUP_WITH:
op_POP_BLOCK:
  DISPATCH (); /* removed by the assembler */

op_PUSH_EXC_INFO:
  {
    HsObject *exc = TOP ();
    TOP () = vm->exc_top->value != NULL ? vm->exc_top->value : hs_None;
    vm->exc_top->value = hs_incref (exc);
    PUSH (exc);
    DISPATCH ();
  }

op_POP_EXCEPT:
  {
    HsObject *prev = POP ();
    HsObject *old = vm->exc_top->value;
    vm->exc_top->value = prev != hs_None ? prev : NULL;
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

op_CHECK_EG_MATCH:
  {
    HsObject *type = POP (), *match;
    int r = hs_exception_group_star_match (vm, &TOP (), type, &match);
    hs_decref (vm, type);
    ERROR_IF (r < 0);
    PUSH (match);
    if (match != hs_None) /* the match is the exception being handled */
      {
        HsObject *old = vm->exc_top->value;
        vm->exc_top->value = hs_incref (match);
        hs_xdecref (vm, old);
      }
    DISPATCH ();
  }

op_PREP_RERAISE_STAR:
  {
    HsObject *excs = POP (), *orig = POP ();
    HsObject *v = hs_exception_group_prep_reraise (vm, orig, excs);
    hs_decref (vm, excs);
    hs_decref (vm, orig);
    ERROR_IF (v == NULL);
    PUSH (v);
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
    guint32 nkw = arg >> 16, nbases = arg & 0xffff;
    HsObject *kwnames = nkw > 0 ? sp[-1] : NULL;
    HsObject **bases = sp - (nkw > 0) - nkw - nbases;
    SAVE_FRAME ();
    HsObject *cls = hs_call_build_class (vm, bases[-2], bases[-1], bases, nbases, kwnames);
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
    if (r < 0)
      hs_call_star_error (vm, arg & 0x100 ? sp[-depth - 1] : NULL, it);
    hs_decref (vm, it);
    ERROR_IF (r < 0);
    DISPATCH ();
  }

op_LIST_TO_TUPLE:
  {
    HsObject *l = TOP ();
    REPLACE_TOP (l, hs_list_as_tuple (vm, l));
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
        && call_hook (vm, HS_STEP_RETURN, f, hs_code_line_cached (co, f->ip - 1), retval) < 0)
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
        if (vm->hooks != NULL && vm->hooks->step != NULL && !hs_vm_is_stopping (vm))
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
        REPLACE_TOP (o, hs_object_iter (vm, o));
      }
    DISPATCH ();
  }

op_IMPORT_NAME:
  {
    SAVE_FRAME ();
    HsObject *m = import_module (vm, names[arg & ~HS_IMPORT_FROMLIST]);
    ERROR_IF (m == NULL);
    PUSH (m);
    ERROR_IF ((arg & HS_IMPORT_FROMLIST) && hs_import_check_package (vm, m) < 0);
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

op_IMPORT_STAR:
  {
    HsObject *m = POP ();
    SAVE_FRAME ();
    int r = hs_module_import_star (vm, m, f->ns != NULL ? f->ns : f->globals);
    hs_decref (vm, m);
    ERROR_IF (r < 0);
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

op_COPY:
  {
    HsObject *v = hs_incref (sp[-(int)arg]);
    PUSH (v);
    DISPATCH ();
  }

op_SWAP:
  {
    HsObject *t = TOP ();
    TOP () = sp[-(int)arg];
    sp[-(int)arg] = t;
    DISPATCH ();
  }

op_GET_LEN:
  {
    SAVE_FRAME ();
    gssize n = hs_object_len (vm, TOP ());
    ERROR_IF (n < 0);
    HsObject *len = hs_int_from_i64 (vm, n);
    ERROR_IF (len == NULL);
    PUSH (len);
    DISPATCH ();
  }

op_MATCH_MAPPING:
op_MATCH_SEQUENCE:
  {
    HsObject *subject = TOP ();
    PUSH (hs_bool_from (HS_INSTR_OP (ip[-1]) == HS_OP_MATCH_MAPPING
                            ? hs_match_is_mapping (subject)
                            : hs_match_is_sequence (subject)));
    DISPATCH ();
  }

op_MATCH_KEYS:
  {
    SAVE_FRAME ();
    HsObject *values = hs_match_keys (vm, SECOND (), TOP ());
    ERROR_IF (values == NULL);
    PUSH (values);
    DISPATCH ();
  }

op_MATCH_CLASS:
  {
    SAVE_FRAME ();
    HsObject *attrs = hs_match_class (vm, THIRD (), SECOND (), arg, TOP ());
    ERROR_IF (attrs == NULL);
    hs_decref (vm, POP ());
    hs_decref (vm, POP ());
    hs_decref (vm, TOP ());
    TOP () = attrs;
    DISPATCH ();
  }

op_PRINT_EXPR:
  {
    HsObject *v = POP ();
    SAVE_FRAME ();
    int r = hs_vm_displayhook (vm, v);
    hs_decref (vm, v);
    ERROR_IF (r < 0);
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
      if (!hs_vm_is_stopping (vm))
        {
          if (!(f->code->flags & HS_CODE_NO_TRACEBACK))
            hs_exception_add_traceback (vm->exc, f->code, f->ip);
          if (vm->hooks != NULL && vm->hooks->step != NULL)
            call_hook (vm, HS_STEP_EXCEPTION, f, hs_code_line (f->code, f->ip), vm->exc);
        }
    exception_unwind:
      if (!hs_vm_is_stopping (vm))
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
              f->after_lineless = hs_code_line (f->code, f->ip) < 0;
              DISPATCH ();
            }
          /* no handler: the value stack is emptied before the frame's return event, as
           * CPython's exception_unwind does (a for loop's iterator goes first) */
          while (f->sp > 0)
            {
              HsObject *v = f->stack[--f->sp];
              f->stack[f->sp] = NULL;
              hs_xdecref (vm, v);
            }
          if (vm->hooks != NULL && vm->hooks->step != NULL)
            {
              int line = unwind_line (f->code, f, f->raise_ip);
              if (f->back == NULL)
                call_hook (vm, HS_STEP_UNCAUGHT, f, line, vm->exc);
              else
                call_hook (vm, HS_STEP_RETURN, f, line, NULL);
            }
        }
      HsFrame *back = f->back;
      gboolean done = f == entry;
      hs_vm_frame_pop (vm, f);
      if (done)
        {
          vm->eval_depth--;
          return NULL;
        }
      f = back;
    }
}

#undef LOCALS
#undef PUSH_TEST
#undef LOAD_FRAME
#undef SAVE_FRAME
#undef DISPATCH
