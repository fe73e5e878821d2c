/* hs-call.c — calls: binding arguments into a new frame, starting a call of any
 * callable (a Python function, a bound method, a class with a Python __init__, a
 * generator function, a C function), and running a class body.
 *
 * Invariant: a Python callee is not run here: hs_call_start pushes its frame and returns
 * 1, and the caller's loop goes on in it (no C recursion per Python call). Arguments are
 * borrowed; on an error nothing is left pushed.
 */
#include "config.h"

#include <string.h>

#include "hs-cell.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-complex.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-generator.h"
#include "hs-iter.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-internal.h"

/* Cells of the new frame: its locals captured by inner functions. */
static int
frame_setup_cells (HsVM *vm, HsFrame *f, HsFunction *fn)
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
  return 0;
}

/* The locals of a function called with self (unless NULL) then args (borrowed), bound
 * by hs_function_bind_args (its TypeErrors: -1, the slots filled left to the caller),
 * then its free variables. */
static int
bind_all (HsVM *vm, HsFunction *fn, HsObject **locals, HsObject *self, HsObject **args, gsize nargs,
          HsObject *kwnames)
{
  gsize n = nargs + (kwnames != NULL ? hs_tuple_len (kwnames) : 0);
  HsObject *small[HS_ARGS_SMALL];
  HsObject **all = self != NULL ? hs_args_prepend (vm, self, args, n, small) : args;
  int r;

  memset (locals, 0, sizeof (HsObject *) * fn->code->nlocals);
  if (all == NULL)
    return -1;
  r = hs_function_bind_args (vm, fn, locals, all, nargs + (self != NULL), kwnames);
  if (self != NULL)
    hs_args_prepend_free (vm, all, n, small);
  if (r == 0)
    hs_call_bind_frees (fn, locals);
  return r;
}

/* Sets up a new frame for a Python function called with self (unless NULL) then args
 * (borrowed); NULL on error (nothing pushed). Generator functions are handled by
 * make_generator. */
static HsFrame *
enter_function (HsVM *vm, HsObject *func, HsObject *self, HsObject **args, gsize nargs,
                HsObject *kwnames)
{
  HsFunction *fn = HS_FUNCTION (func);
  HsCode *co = fn->code;
  gsize first = self != NULL;
  HsFrame *f = hs_vm_frame_push_unset (vm, co, func, fn->globals);
  if (f == NULL)
    return NULL;
  if (kwnames == NULL && hs_call_args_with_defaults (fn, first + nargs))
    {
      if (self != NULL)
        f->locals[0] = hs_incref (self);
      for (gsize i = 0; i < nargs; i++)
        f->locals[first + i] = hs_incref (args[i]);
      hs_call_bind_rest (fn, f->locals, first + nargs);
    }
  else if (bind_all (vm, fn, f->locals, self, args, nargs, kwnames) < 0)
    {
      hs_vm_frame_pop (vm, f);
      return NULL;
    }
  if (co->ncells != 0 && frame_setup_cells (vm, f, fn) < 0)
    {
      hs_vm_frame_pop (vm, f);
      return NULL;
    }
  return f;
}

/* Calling a generator function (with self unless NULL, then args): binds the arguments
 * in a frame of its own and returns the generator, without running anything. */
static HsObject *
make_generator (HsVM *vm, HsObject *func, HsObject *self, HsObject **args, gsize nargs,
                HsObject *kwnames)
{
  HsFunction *fn = HS_FUNCTION (func);
  gsize size = 0;
  HsFrame *f = hs_vm_frame_new_heap (vm, fn->code, func, fn->globals, &size);
  if (f == NULL)
    return NULL;
  HsObject *gen = hs_generator_new (vm, f, size);
  if (gen == NULL)
    {
      hs_vm_frame_clear (vm, f);
      hs_mem_realloc (vm, f, size, 0);
      return NULL;
    }
  if (bind_all (vm, fn, f->locals, self, args, nargs, kwnames) < 0
      || (fn->code->ncells != 0 && frame_setup_cells (vm, f, fn) < 0))
    {
      hs_decref (vm, gen);
      return NULL;
    }
  return gen;
}

/* CPython's _PyObject_FunctionStr: "__main__.f", "__main__.Point", "print". */
char *
hs_call_name (HsObject *fn)
{
  if (HS_IS (fn, &hs_method_type))
    fn = hs_method_func_borrow (fn);
  if (HS_IS (fn, &hs_function_type))
    return g_strdup_printf ("__main__.%s", HS_FUNCTION (fn)->code->qualname);
  if (hs_type_check (fn))
    return (((HsType *)fn)->type_flags & HS_TYPE_HEAP)
               ? g_strdup_printf ("__main__.%s", ((HsType *)fn)->name)
               : g_strdup (((HsType *)fn)->name);
  if (hs_cfunction_check (fn))
    return g_strdup (((HsCFunctionObject *)fn)->def->name);
  return g_strdup_printf ("%s object", hs_type_name (fn));
}

/* After `*it` failed to unpack (into a call to fn, or a display when fn is NULL): a
 * TypeError because it is not iterable gets CPython's words. */
void
hs_call_star_error (HsVM *vm, HsObject *fn, HsObject *it)
{
  if (!hs_err_matches (vm, &hs_exc_TypeError) || HS_TYPE (it)->iter != NULL
      || HS_TYPE (it)->getitem != NULL)
    return;
  hs_err_clear (vm);
  if (fn != NULL)
    {
      g_autofree char *fname = hs_call_name (fn);
      hs_err_format (vm, &hs_exc_TypeError, "%s() argument after * must be an iterable, not %s",
                     fname, hs_type_name (it));
    }
  else
    hs_err_format (vm, &hs_exc_TypeError, "Value after * must be an iterable, not %s",
                   hs_type_name (it));
}

/* Calling a class whose __init__ is Python: the instance is made here and is the call's
 * result (*res) right away, while __init__ runs in a new frame (*nf) flagged so that its
 * return leaves that result in place, and the class call's level against the recursion
 * limit (hs_recursion_enter_tp_call) with it. 1 on success, 0 when the class is called the
 * ordinary way, -1 on error. */
static int
start_init (HsVM *vm, HsObject *cls, HsObject **args, gsize nargs, HsObject *kwnames, HsFrame **nf,
            HsObject **res)
{
  HsObject *init = NULL, *self;
  gsize n = nargs + (kwnames != NULL ? hs_tuple_len (kwnames) : 0);
  HsObject *small[HS_ARGS_SMALL];
  HsObject **all;
  int r = -1;

  if (!hs_recursion_enter_tp_call (vm))
    return -1;
  if ((self = hs_class_start_instance (vm, cls, args, nargs, &init)) == NULL)
    {
      hs_recursion_leave (vm);
      return init != NULL || hs_err_occurred (vm) ? -1 : 0;
    }
  if ((all = hs_args_prepend (vm, self, args, n, small)) != NULL)
    {
      r = hs_call_start (vm, init, all, nargs + 1, kwnames, nf, res);
      hs_args_prepend_free (vm, all, n, small);
    }
  if (r != 1)
    {
      hs_decref (vm, self);
      hs_recursion_leave (vm);
      return -1;
    }
  (*nf)->is_init = TRUE;
  *res = self;
  return 1;
}

/* When hs_call_start ran a class's __init__ in a frame of its own: the caller `f` holds
 * what CPython holds while it runs (HsFrame.call_held): its `nstack` stack values from
 * `stack` (the class and the arguments, NULLs skipped), the argument tuple's items (the
 * `nargs` positional `args`), and with keywords (`kwnames`) the keyword dict's values
 * and the copy of self (`self`) and every argument that passes them to __init__, and
 * the __init__ function itself (`init`, slot_tp_init's reference to the method). */
static void
hold_class_args (HsFrame *f, HsObject *init, HsObject **stack, gsize nstack, HsObject **args,
                 gsize nargs, HsObject *kwnames, HsObject *self)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  gsize max = 1 + nstack + nargs + (nkw > 0 ? nkw + 1 + nargs + nkw : 0), n = 0;
  HsObject **held;

  g_assert (f->n_call_held == 0);
  hs_frame_reserve_held (f, max);
  held = f->call_held;

  for (gsize i = 0; i < nstack; i++)
    if (stack[i] != NULL)
      held[n++] = hs_incref (stack[i]);
  for (gsize i = 0; i < nargs; i++)
    held[n++] = hs_incref (args[i]);
  if (nkw > 0)
    {
      for (gsize i = 0; i < nkw; i++)
        held[n++] = hs_incref (args[nargs + i]);
      held[n++] = hs_incref (self);
      for (gsize i = 0; i < nargs + nkw; i++)
        held[n++] = hs_incref (args[i]);
    }
  held[n++] = hs_incref (init);
  f->n_call_held = (guint)n;
}

gboolean
hs_call_c_is_level (HsVM *vm, HsObject *callable)
{
  const HsCFunctionObject *f = (const HsCFunctionObject *)callable;
  gboolean quickened = vm->frame == NULL || hs_code_quickened (vm->frame->code);

  /* int, complex and zip have no vectorcall in CPython 3.11: every call of them is
   * _PyObject_MakeTpCall's level; nor has str, whose call of one argument is specialized
   * once quickened (PRECALL_NO_KW_STR_1) */
  if (callable == (HsObject *)&hs_int_type || callable == (HsObject *)&hs_complex_type
      || callable == (HsObject *)&hs_zip_type)
    return TRUE;
  if (callable == (HsObject *)&hs_str_type)
    return !quickened;
  if (quickened || (!hs_cfunction_check (callable) && !hs_method_descr_check (callable)))
    return FALSE;
  /* a METH_O built-in function's call is its level (cfunction_call); one CPython writes in
   * Python is a frame there, not a C call */
  return !(f->self == NULL && (f->def->flags & HS_METH_O))
         && hs_cfunction_python_type (callable) == callable->type;
}

/* Starts a call: 1 with a new Python frame pushed in *nf, 0 with the result in *res,
 * -1 on error. Args are borrowed. With 1, *res may also be set: a value the caller
 * holds as the call's result while the frame runs (the instance an __init__ builds). */
int
hs_call_start (HsVM *vm, HsObject *callable, HsObject **args, gsize nargs, HsObject *kwnames,
               HsFrame **nf, HsObject **res)
{
  guint packed = hs_class_take_call (vm) & HS_CLASS_CALL_PACKED;
  gboolean level;

  hs_vm_run_deferred (vm);
  if (hs_vm_is_stopping (vm))
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
      gsize n = nargs + (kwnames != NULL ? hs_tuple_len (kwnames) : 0);
      HsObject *small[HS_ARGS_SMALL];
      HsObject **all = hs_args_prepend (vm, hs_method_self_borrow (callable), args, n, small);
      if (all == NULL)
        return -1;
      int r
          = hs_call_start (vm, hs_method_func_borrow (callable), all, nargs + 1, kwnames, nf, res);
      hs_args_prepend_free (vm, all, n, small);
      return r;
    }
  if (HS_IS (callable, &hs_function_type))
    {
      if (HS_FUNCTION (callable)->code->flags & HS_CODE_GENERATOR)
        {
          *res = make_generator (vm, callable, NULL, args, nargs, kwnames);
          return *res != NULL ? 0 : -1;
        }
      *nf = enter_function (vm, callable, NULL, args, nargs, kwnames);
      return *nf != NULL ? 1 : -1;
    }
  level = hs_call_c_is_level (vm, callable);
  if (level && !hs_recursion_enter (vm, " while calling a Python object"))
    return -1;
  vm->class_call = hs_class_call_is_direct (callable) ? HS_CLASS_CALL_DIRECT | packed : 0;
  *res = hs_object_call (vm, callable, args, nargs, kwnames);
  vm->class_call = 0;
  if (level)
    hs_recursion_leave (vm);
  return *res != NULL ? 0 : -1;
}

/* Calling a class whose instances an allocation makes and whose Python __init__ the
 * eval loop may enter itself (hs_call_is_lean), without keywords: what start_init, the
 * call of __init__ and hold_class_args do, with the stack's values moved into what the
 * caller holds (their slots emptied) instead of copied. 1 with the frame pushed, 0 when
 * the class is not called so, -1 on error (nothing moved). */
static int
start_plain_class (HsVM *vm, HsObject *cls, HsObject **stack, gsize nstack, HsObject **args,
                   gsize nargs, HsFrame **nf, HsObject **res)
{
  HsObject *init = hs_class_plain_init (cls), *self;
  HsFrame *f = vm->frame, *new;
  HsFunction *fn;
  HsObject **held;

  if (init == NULL || !hs_call_is_lean (vm, init, nargs + 1))
    return 0;
  fn = HS_FUNCTION (init);
  if (!hs_recursion_enter_tp_call (vm))
    return -1;
  if ((self = hs_instance_new_plain (vm, cls)) == NULL)
    {
      hs_recursion_leave (vm);
      return -1;
    }
  if ((new = hs_vm_frame_push_unset_in (vm, fn->code, init, fn->globals, FALSE)) == NULL)
    {
      hs_decref (vm, self);
      hs_recursion_leave (vm);
      return -1;
    }
  new->locals[0] = self;
  for (gsize i = 0; i < nargs; i++)
    new->locals[i + 1] = hs_incref (args[i]);
  hs_call_bind_rest (fn, new->locals, nargs + 1);
  new->is_init = TRUE;

  g_assert (f->n_call_held == 0);
  hs_frame_reserve_held (f, nstack + nargs + 1);
  held = f->call_held;
  for (gsize i = 0; i < nstack; i++)
    if (stack[i] != NULL)
      held[f->n_call_held++] = stack[i];
  for (gsize i = 0; i < nargs; i++)
    held[f->n_call_held++] = hs_incref (args[i]);
  held[f->n_call_held++] = hs_incref (init);
  memset (stack, 0, sizeof (HsObject *) * nstack); /* (args among them) */
  *nf = new;
  *res = hs_incref (self);
  return 1;
}

int
hs_call_from_stack (HsVM *vm, HsObject *callable, HsObject **stack, gsize nstack, HsObject **args,
                    gsize nargs, HsObject *kwnames, HsFrame **nf, HsObject **res)
{
  int how = 0;

  if (kwnames == NULL && callable->type == &hs_type_type
      && (((HsType *)callable)->type_flags & HS_TYPE_HEAP))
    how = start_plain_class (vm, callable, stack, nstack, args, nargs, nf, res);
  if (how == 0)
    {
      how = hs_call_start (vm, callable, args, nargs, kwnames, nf, res);
      if (how == 1 && (*nf)->is_init)
        hold_class_args ((*nf)->back, (*nf)->func, stack, nstack, args, nargs, kwnames, *res);
    }
  /* the arguments now live in the new frame or what the caller holds (or were used): the
   * stack's references go */
  for (gsize i = nstack; i-- > 0;)
    hs_xdecref (vm, stack[i]);
  hs_xdecref (vm, kwnames);
  return how;
}

HsObject *
hs_vm_call_function (HsVM *vm, HsObject *func, HsObject *self, HsObject **args, gsize nargs,
                     HsObject *kwnames)
{
  if (HS_FUNCTION (func)->code->flags & HS_CODE_GENERATOR)
    return make_generator (vm, func, self, args, nargs, kwnames);
  HsFrame *f = enter_function (vm, func, self, args, nargs, kwnames);
  if (f == NULL)
    return NULL;
  return hs_vm_eval_frame (vm, f);
}

/* A class statement's keywords other than metaclass=, as a call passes them: values
 * after the positional arguments, names in a tuple. */
typedef struct
{
  HsObject *meta;    /* metaclass= (borrowed), or NULL */
  HsObject **values; /* owned array of borrowed values */
  HsObject *names;   /* owned tuple, or NULL when there are none */
  gsize n;
} ClassKeywords;

static gboolean
split_keywords (HsVM *vm, HsObject **values, HsObject *kwnames, ClassKeywords *kw)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;

  kw->meta = NULL;
  kw->n = 0;
  kw->names = NULL;
  kw->values = g_new (HsObject *, nkw + 1);
  for (gsize i = 0; i < nkw; i++)
    if (hs_str_equal_cstr (hs_tuple_get_borrow (kwnames, i), "metaclass"))
      kw->meta = values[i];
    else
      kw->values[kw->n++] = values[i];
  if (kw->n == 0)
    return TRUE;
  kw->names = hs_tuple_new (vm, kw->n);
  if (kw->names == NULL)
    return FALSE;
  for (gsize i = 0, j = 0; i < nkw; i++)
    if (!hs_str_equal_cstr (hs_tuple_get_borrow (kwnames, i), "metaclass"))
      hs_tuple_set_take (kw->names, j++, hs_incref (hs_tuple_get_borrow (kwnames, i)));
  return TRUE;
}

/* Calls fn(a, b[, c], **keywords). */
static HsObject *
call_with_keywords (HsVM *vm, HsObject *fn, HsObject **pos, gsize npos, const ClassKeywords *kw)
{
  HsObject *small[8];
  HsObject **all = npos + kw->n <= G_N_ELEMENTS (small) ? small : g_new (HsObject *, npos + kw->n);
  memcpy (all, pos, sizeof (HsObject *) * npos);
  memcpy (all + npos, kw->values, sizeof (HsObject *) * kw->n);
  HsObject *r = hs_object_call (vm, fn, all, npos, kw->names);
  if (all != small)
    g_free (all);
  return r;
}

/* The namespace a class body runs in: what the metaclass's __prepare__(name, bases,
 * **kw) gives (a dict), else a new dict. */
static HsObject *
prepare_namespace (HsVM *vm, HsObject *meta, HsObject *name, HsObject **bases, gsize nbases,
                   const ClassKeywords *kw)
{
  HsObject *prepare, *bases_tuple, *ns;

  if (meta == (HsObject *)&hs_type_type)
    return hs_dict_new (vm);
  prepare = hs_object_getattr_cstr (vm, meta, "__prepare__");
  if (prepare == NULL)
    {
      if (!hs_err_matches (vm, &hs_exc_AttributeError))
        return NULL;
      hs_err_clear (vm);
      return hs_dict_new (vm);
    }
  /* (CPython's bases tuple lives through the body; here only through the calls) */
  bases_tuple = hs_tuple_from_array (vm, bases, nbases);
  HsObject *args[2] = { name, bases_tuple };
  ns = bases_tuple != NULL ? call_with_keywords (vm, prepare, args, 2, kw) : NULL;
  hs_decref (vm, prepare);
  hs_xdecref (vm, bases_tuple);
  if (ns != NULL && !hs_dict_check (ns))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                     hs_type_check (meta) ? ((HsType *)meta)->name : "<metaclass>",
                     hs_type_name (ns));
      HS_CLEAR (vm, ns);
    }
  return ns;
}

/* Makes the class once its body ran: meta(name, bases, ns, **kw). */
static HsObject *
make_class (HsVM *vm, HsObject *meta, HsObject *name, HsObject **bases, gsize nbases, HsObject *ns,
            const ClassKeywords *kw)
{
  HsObject *bases_tuple = hs_tuple_from_array (vm, bases, nbases), *cls;
  if (bases_tuple == NULL)
    return NULL;
  if (meta == (HsObject *)&hs_type_type)
    cls = hs_class_new_with_bases (vm, &hs_type_type, name, bases_tuple, ns, kw->values, kw->names);
  else
    {
      HsObject *args[3] = { name, bases_tuple, ns };
      cls = call_with_keywords (vm, meta, args, 3, kw);
    }
  hs_decref (vm, bases_tuple);
  return cls;
}

/* Runs a class body in the namespace `ns`; NULL on error, else what the body returned
 * (its __class__ cell, or None). */
static HsObject *
run_class_body (HsVM *vm, HsObject *func, HsObject *ns)
{
  HsFunction *fn = HS_FUNCTION (func);
  HsFrame *f = hs_vm_frame_push (vm, fn->code, func, fn->globals);
  if (f == NULL)
    return NULL;
  f->ns = hs_incref (ns);
  f->cur_line = -1;
  hs_call_bind_frees (fn, f->locals);
  if (fn->code->ncells != 0 && frame_setup_cells (vm, f, fn) < 0)
    {
      hs_vm_frame_pop (vm, f);
      return NULL;
    }
  return hs_vm_eval_frame (vm, f);
}

/* PEP 560: each base that is not a class and has __mro_entries__ is replaced by the
 * classes that method returns for the tuple of the bases written (CPython's update_bases).
 * A new tuple of the bases (new reference), NULL with an error, or the written ones
 * (*orig, new reference) when none was replaced. */
static HsObject *
update_bases (HsVM *vm, HsObject **bases, gsize nbases, HsObject **orig)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();  /* borrowed from bases or from kept */
  g_autoptr (GPtrArray) kept = g_ptr_array_new (); /* the tuples __mro_entries__ gave */
  HsObject *r = NULL;
  if ((*orig = hs_tuple_from_array (vm, bases, nbases)) == NULL)
    return NULL;
  for (gsize i = 0; i < nbases; i++)
    {
      HsObject *meth = NULL, *entries;
      if (!hs_type_check (bases[i])
          && (meth = hs_object_getattr_cstr (vm, bases[i], "__mro_entries__")) == NULL)
        {
          if (!hs_err_matches (vm, &hs_exc_AttributeError))
            goto done;
          hs_err_clear (vm);
        }
      if (meth == NULL)
        {
          g_ptr_array_add (all, bases[i]);
          continue;
        }
      entries = hs_object_call (vm, meth, orig, 1, NULL);
      hs_decref (vm, meth);
      if (entries == NULL)
        goto done;
      g_ptr_array_add (kept, entries);
      if (!hs_tuple_check (entries))
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "__mro_entries__ must return a tuple");
          goto done;
        }
      for (gsize j = 0; j < hs_tuple_len (entries); j++)
        g_ptr_array_add (all, hs_tuple_get_borrow (entries, j));
    }
  r = kept->len == 0 ? hs_incref (*orig)
                     : hs_tuple_from_array (vm, (HsObject **)all->pdata, all->len);
done:
  for (guint i = 0; i < kept->len; i++)
    hs_decref (vm, kept->pdata[i]);
  if (r == NULL)
    HS_CLEAR (vm, *orig);
  return r;
}

/* Runs a class body in the namespace its metaclass prepares, then makes the class
 * (CPython's __build_class__). */
HsObject *
hs_call_build_class (HsVM *vm, HsObject *func, HsObject *name, HsObject **written, gsize nwritten,
                     HsObject *kwnames)
{
  ClassKeywords kw;
  HsObject *meta = NULL, *ns = NULL, *r = NULL, *cls = NULL, *orig = NULL;
  HsObject *bases_tuple = update_bases (vm, written, nwritten, &orig);
  HsObject **bases = bases_tuple != NULL ? hs_tuple_items (bases_tuple) : NULL;
  gsize nbases = bases_tuple != NULL ? hs_tuple_len (bases_tuple) : 0;

  if (split_keywords (vm, written + nwritten, kwnames, &kw) && bases_tuple != NULL)
    meta = hs_class_calculate_metaclass (vm, kw.meta, bases, nbases);
  if (meta != NULL)
    ns = prepare_namespace (vm, meta, name, bases, nbases, &kw);
  if (ns != NULL)
    r = run_class_body (vm, func, ns);
  if (r != NULL && bases_tuple != orig
      && hs_object_setitem (vm, ns, hs_str_intern_cstr ("__orig_bases__"), orig) < 0)
    HS_CLEAR (vm, r);
  if (r != NULL)
    cls = make_class (vm, meta, name, bases, nbases, ns, &kw);
  if (cls != NULL && HS_IS (r, &hs_cell_type))
    hs_cell_set (vm, r, cls);
  hs_xdecref (vm, r);
  hs_xdecref (vm, ns);
  hs_xdecref (vm, kw.names);
  hs_xdecref (vm, bases_tuple);
  hs_xdecref (vm, orig);
  g_free (kw.values);
  return cls;
}
