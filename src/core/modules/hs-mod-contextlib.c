/* hs-mod-contextlib.c — the `contextlib` module: contextmanager, suppress, closing,
 * nullcontext, ExitStack and redirect_stdout.
 *
 * Invariant: each object holds what CPython's Python class keeps in its instance's __dict__,
 * under the same names, drawn as an instance (a _GeneratorContextManager its gen, func, args
 * and kwds until __enter__ deletes the last three; an ExitStack its deque of (True, callback)
 * pairs). The generator of a @contextmanager function is driven with next() and throw() as
 * CPython's _GeneratorContextManager drives it, so its frame runs as the program's own steps;
 * the errors and the suppression rules are CPython 3.11's. What @contextmanager returns stands
 * for CPython's `helper` function: a callable of type "function" that reads its name, doc and
 * module from the function it wraps (functools.wraps).
 */
#include "config.h"

#include <stddef.h>

#include "hs-builtins.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-deque.h"
#include "hs-dict.h"
#include "hs-list.h"
#include "hs-error.h"
#include "hs-function.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* func(*args, **kwds) with args a tuple and kwds a dict (or NULL). */
static HsObject *
call_tuple_dict (HsVM *vm, HsObject *func, HsObject *args, HsObject *kwds)
{
  gsize npos = hs_tuple_len (args), nkw = kwds != NULL ? hs_dict_len (kwds) : 0, pos = 0;
  g_autofree HsObject **all = g_new (HsObject *, npos + nkw + 1);
  HsObject *names = NULL, *k, *v, *r;
  for (gsize i = 0; i < npos; i++)
    all[i] = hs_tuple_get_borrow (args, i);
  if (nkw > 0)
    {
      if ((names = hs_tuple_new (vm, nkw)) == NULL)
        return NULL;
      for (gsize j = 0; hs_dict_next (kwds, &pos, &k, &v); j++)
        {
          hs_tuple_set_take (names, j, hs_incref (k));
          all[npos + j] = v;
        }
    }
  r = hs_object_call (vm, func, all, npos, names);
  hs_xdecref (vm, names);
  return r;
}

/* Raises exc_type(msg) `from None` (its context the exception being replaced, if any). */
static void
raise_from_none (HsVM *vm, HsType *exc_type, const char *msg)
{
  HsObject *e;
  hs_err_set_string (vm, exc_type, msg);
  e = hs_err_fetch (vm);
  if (e == NULL)
    return;
  HS_EXCEPTION (e)->suppress_context = TRUE;
  hs_err_set_object (vm, e);
  hs_decref (vm, e);
}

static gboolean
is_none (HsObject *o)
{
  return o == NULL || o == hs_None;
}

/* obj.name for the attributes CPython's class keeps in the instance's __dict__, here the
 * object's fields: those of `fields` drawn as attributes (HS_REF_ATTR); else the type's
 * attributes. */
static HsObject *
fields_getattr (HsVM *vm, HsObject *self, HsObject *name, const HsRefField *fields, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (fields[i].kind == HS_REF_ATTR && hs_str_equal_cstr (name, fields[i].name))
      {
        HsObject *f = *(HsObject **)((char *)self + fields[i].offset);
        if (f != NULL)
          return hs_incref (f);
        hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                       hs_type_name (self), fields[i].name);
        return NULL;
      }
  return hs_object_generic_getattr (vm, self, name);
}

/* Raises RuntimeError(msg), then closes gen (CPython 3.11.7's try/raise/finally close): an
 * exception close() raises replaces it, with it as its context. */
static void
raise_and_close (HsVM *vm, HsObject *gen, const char *msg)
{
  HsObject *e, *r;
  hs_err_set_string (vm, &hs_exc_RuntimeError, msg);
  if ((e = hs_err_fetch (vm)) == NULL)
    return;
  r = hs_object_call_method (vm, gen, "close", NULL, 0, NULL);
  if (r != NULL)
    {
      hs_decref (vm, r);
      hs_err_set_object (vm, e);
    }
  else
    {
      HsObject *n = hs_err_fetch (vm);
      if (n != e && HS_EXCEPTION (n)->context == NULL)
        HS_EXCEPTION (n)->context = hs_incref (e);
      hs_err_set_object (vm, n);
      hs_decref (vm, n);
    }
  hs_decref (vm, e);
}

/* ---- _GeneratorContextManager ---------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *gen, *func, *args, *kwds; /* func, args, kwds: NULL once entered */
  HsObject *doc;                      /* __doc__: the function's, or the class's */
} HsGenCM;

#define GCM(o) ((HsGenCM *)(o))

static const HsRefField gcm_fields[] = {
  { offsetof (HsGenCM, gen), HS_REF_ATTR, "gen" },
  { offsetof (HsGenCM, func), HS_REF_ATTR, "func" },
  { offsetof (HsGenCM, args), HS_REF_ATTR, "args" },
  { offsetof (HsGenCM, kwds), HS_REF_ATTR, "kwds" },
  { offsetof (HsGenCM, doc), HS_REF_HIDDEN, "__doc__" },
};

HS_DEFINE_FIELD_REFS (gcm)

static HsObject *
gcm_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "__doc__"))
    return hs_incref (GCM (self)->doc != NULL ? GCM (self)->doc : hs_None);
  return fields_getattr (vm, self, name, gcm_fields, G_N_ELEMENTS (gcm_fields));
}

static HsObject *
gen_next (HsVM *vm, HsObject *gen)
{
  if (HS_TYPE (gen)->iternext == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not an iterator", hs_type_name (gen));
      return NULL;
    }
  return hs_iter_next (vm, gen);
}

static HsObject *
gcm_enter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsGenCM *c = GCM (args[0]);
  HsObject *r;
  if (!hs_parse_args (vm, "__enter__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if (c->args == NULL) /* del self.args, self.kwds, self.func */
    {
      hs_err_set_string (vm, &hs_exc_AttributeError, "args");
      return NULL;
    }
  HS_CLEAR (vm, c->args);
  HS_CLEAR (vm, c->kwds);
  HS_CLEAR (vm, c->func);
  hs_object_mark_dirty (vm, args[0]);
  if ((r = gen_next (vm, c->gen)) != NULL)
    return r;
  if (hs_err_occurred (vm) && !hs_err_matches (vm, &hs_exc_StopIteration))
    return NULL;
  raise_from_none (vm, &hs_exc_RuntimeError, "generator didn't yield");
  return NULL;
}

/* The exception `value` left its traceback as `len` entries long when it was thrown in:
 * CPython's __exit__ sets exc.__traceback__ back to the traceback it was given. */
static void
restore_traceback (HsObject *value, guint len)
{
  HsException *e = HS_EXCEPTION (value);
  if (e->traceback != NULL && e->traceback->len > len)
    g_array_set_size (e->traceback, len);
}

static HsObject *
gcm_exit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsGenCM *c = GCM (args[0]);
  HsObject *typ = NULL, *value = NULL, *tb = NULL, *r, *exc;
  if (!hs_parse_args (vm, "__exit__", args + 1, nargs - 1, kwnames, "@typ value traceback", &typ,
                      &value, &tb))
    return NULL;
  if (typ == hs_None)
    {
      if ((r = gen_next (vm, c->gen)) != NULL)
        {
          hs_decref (vm, r);
          raise_and_close (vm, c->gen, "generator didn't stop");
          return NULL;
        }
      if (hs_err_occurred (vm))
        {
          if (!hs_err_matches (vm, &hs_exc_StopIteration))
            return NULL;
          hs_err_clear (vm);
        }
      return hs_incref (hs_False);
    }
  if (value == hs_None)
    {
      if ((value = hs_object_call (vm, typ, NULL, 0, NULL)) == NULL)
        return NULL;
    }
  else
    hs_incref (value);
  guint tb_len = hs_exception_check (value) && HS_EXCEPTION (value)->traceback != NULL
                     ? HS_EXCEPTION (value)->traceback->len
                     : 0;
  if ((r = hs_object_call_method (vm, c->gen, "throw", &value, 1, NULL)) != NULL)
    {
      hs_decref (vm, r);
      hs_decref (vm, value);
      raise_and_close (vm, c->gen, "generator didn't stop after throw()");
      return NULL;
    }
  if (hs_err_matches (vm, &hs_exc_StopIteration))
    {
      exc = hs_err_fetch (vm);
      r = hs_incref (exc != value ? hs_True : hs_False);
      hs_decref (vm, exc);
      hs_decref (vm, value);
      return r;
    }
  exc = hs_err_fetch (vm);
  if (exc == value
      || (HS_ISINSTANCE (exc, &hs_exc_RuntimeError) && HS_ISINSTANCE (value, &hs_exc_StopIteration)
          && HS_EXCEPTION (exc)->cause == value))
    {
      if (hs_exception_check (value))
        restore_traceback (value, tb_len);
      hs_decref (vm, exc);
      hs_decref (vm, value);
      return hs_incref (hs_False);
    }
  hs_err_set_object (vm, exc);
  hs_decref (vm, exc);
  hs_decref (vm, value);
  return NULL;
}

static const HsMethodDef gcm_methods[] = {
  { "__enter__", gcm_enter },
  { "__exit__", gcm_exit },
  { NULL, NULL },
};

static HsType gcm_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_GeneratorContextManager",
  .module = "contextlib",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,
  .basicsize = sizeof (HsGenCM),
  .dealloc = gcm_clear,
  .refs = gcm_refs,
  .clear = gcm_clear,
  .getattr = gcm_getattr,
  .methods = gcm_methods,
};

/* ---- what @contextmanager returns ------------------------------------------------------ */

typedef struct
{
  HsObject header;
  HsObject *func;
} HsCMHelper;

static const HsRefField helper_fields[] = {
  { offsetof (HsCMHelper, func), HS_REF_ATTR, "__wrapped__" },
};

HS_DEFINE_FIELD_REFS (helper)

static HsObject *
helper_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *func = ((HsCMHelper *)self)->func, *doc;
  HsGenCM *c;
  if ((c = (HsGenCM *)hs_object_alloc (vm, &gcm_type, sizeof (HsGenCM))) == NULL)
    return NULL;
  hs_gc_track (vm, &c->header);
  c->gen = hs_object_call (vm, func, args, nargs, kwnames);
  if (c->gen == NULL)
    goto fail;
  c->func = hs_incref (func);
  c->args = hs_tuple_from_array (vm, args, nargs);
  c->kwds = hs_dict_new (vm);
  if (c->args == NULL || c->kwds == NULL
      || hs_dict_merge_kwargs (vm, c->kwds, args, nargs, kwnames) < 0)
    goto fail;
  if ((doc = hs_object_getattr_cstr (vm, func, "__doc__")) == NULL)
    hs_err_clear (vm);
  if (doc == NULL || doc == hs_None)
    {
      hs_xdecref (vm, doc);
      doc = hs_str_from_cstr (vm, "Helper for @contextmanager decorator.");
    }
  c->doc = doc;
  hs_object_mark_dirty (vm, &c->header);
  return &c->header;
fail:
  hs_decref (vm, &c->header);
  return NULL;
}

static HsObject *
helper_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *func = ((HsCMHelper *)self)->func;
  if (hs_str_equal_cstr (name, "__wrapped__"))
    return hs_incref (func);
  if (hs_str_equal_cstr (name, "__name__") || hs_str_equal_cstr (name, "__qualname__")
      || hs_str_equal_cstr (name, "__doc__") || hs_str_equal_cstr (name, "__module__"))
    return hs_object_getattr (vm, func, name);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
helper_repr (HsVM *vm, HsObject *self)
{
  HsObject *q = hs_object_getattr_cstr (vm, ((HsCMHelper *)self)->func, "__qualname__"), *r;
  if (q == NULL)
    return NULL;
  r = hs_function_repr_named (vm, hs_str_check (q) ? hs_str_utf8 (q) : "helper", self);
  hs_decref (vm, q);
  return r;
}

static HsType helper_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "function",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsCMHelper),
  .dealloc = helper_clear,
  .refs = helper_refs,
  .clear = helper_clear,
  .repr = helper_repr,
  .call = helper_call,
  .getattr = helper_getattr,
};

static HsObject *
cl_contextmanager (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *func = NULL;
  HsCMHelper *h;
  if (!hs_parse_args (vm, "contextmanager", args, nargs, kwnames, "@func", &func))
    return NULL;
  if ((h = (HsCMHelper *)hs_object_alloc (vm, &helper_type, sizeof (HsCMHelper))) == NULL)
    return NULL;
  h->func = hs_incref (func);
  hs_gc_track (vm, &h->header);
  return &h->header;
}

/* ---- suppress, closing, nullcontext, redirect_stdout: one held value each -------------- */

typedef struct
{
  HsObject header;
  HsObject *held; /* suppress: _exceptions; closing: thing; nullcontext: enter_result;
                   * redirect_stdout: _new_target */
  HsObject *old;  /* redirect_stdout: _old_targets (a list) */
} HsSimpleCM;

#define SCM(o) ((HsSimpleCM *)(o))

static HsType suppress_type, closing_type, nullcontext_type, redirect_type;

/* What CPython's classes name the held values */
static const HsRefField suppress_fields[] = {
  { offsetof (HsSimpleCM, held), HS_REF_ATTR, "_exceptions" },
};
static const HsRefField closing_fields[] = {
  { offsetof (HsSimpleCM, held), HS_REF_ATTR, "thing" },
};
static const HsRefField nullcontext_fields[] = {
  { offsetof (HsSimpleCM, held), HS_REF_ATTR, "enter_result" },
};
static const HsRefField redirect_fields[] = {
  { offsetof (HsSimpleCM, held), HS_REF_ATTR, "_new_target" },
  { offsetof (HsSimpleCM, old), HS_REF_ATTR, "_old_targets" },
};

/* The fields of self's type (*n of them); only redirect_stdout sets `old` */
static const HsRefField *
scm_fields (HsObject *self, gsize *n)
{
  const HsRefField *f = HS_IS (self, &suppress_type)   ? suppress_fields
                        : HS_IS (self, &closing_type)  ? closing_fields
                        : HS_IS (self, &redirect_type) ? redirect_fields
                                                       : nullcontext_fields;
  *n = f == redirect_fields ? G_N_ELEMENTS (redirect_fields) : 1;
  return f;
}

static void
scm_clear (HsVM *vm, HsObject *self)
{
  gsize n;
  const HsRefField *fields = scm_fields (self, &n);
  hs_clear_fields (vm, self, fields, n);
}

static void
scm_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  gsize n;
  const HsRefField *fields = scm_fields (self, &n);
  hs_visit_fields (self, fields, n, visit, data);
}

static HsObject *
scm_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  gsize n;
  const HsRefField *fields = scm_fields (self, &n);
  return fields_getattr (vm, self, name, fields, n);
}

static HsObject *
scm_new (HsVM *vm, HsType *type, HsObject *held)
{
  HsSimpleCM *s = (HsSimpleCM *)hs_object_alloc (vm, type, sizeof (HsSimpleCM));
  if (s == NULL)
    return NULL;
  s->held = hs_incref (held);
  hs_gc_track (vm, &s->header);
  return &s->header;
}

static HsObject *
suppress_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *t, *r;
  if (!hs_parse_no_kwargs (vm, "suppress", kwnames))
    return NULL;
  if ((t = hs_tuple_from_array (vm, args, nargs)) == NULL)
    return NULL;
  r = scm_new (vm, type, t);
  hs_decref (vm, t);
  return r;
}

static HsObject *
closing_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *thing = NULL;
  if (!hs_parse_args (vm, "closing.__init__", args, nargs, kwnames, "@thing", &thing))
    return NULL;
  return scm_new (vm, type, thing);
}

static HsObject *
nullcontext_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *result = hs_None;
  if (!hs_parse_args (vm, "nullcontext.__init__", args, nargs, kwnames, "@|enter_result", &result))
    return NULL;
  return scm_new (vm, type, result);
}

static HsObject *
redirect_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *target = NULL, *r;
  if (!hs_parse_args (vm, "redirect_stdout.__init__", args, nargs, kwnames, "@new_target", &target))
    return NULL;
  if ((r = scm_new (vm, type, target)) != NULL && (SCM (r)->old = hs_list_new (vm, 0)) == NULL)
    HS_CLEAR (vm, r);
  return r;
}

static HsObject *
scm_enter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0];
  if (!hs_parse_args (vm, "__enter__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if (HS_IS (self, &suppress_type))
    return hs_incref (hs_None);
  if (HS_IS (self, &redirect_type))
    {
      HsObject *sys = hs_import_module (vm, "sys"), *old;
      old = sys != NULL ? hs_object_getattr_cstr (vm, sys, "stdout") : NULL;
      int ok = old != NULL && hs_list_append_take (vm, SCM (self)->old, old) == 0
               && hs_object_setattr (vm, sys, hs_str_intern_cstr ("stdout"), SCM (self)->held) == 0;
      hs_xdecref (vm, sys);
      return ok ? hs_incref (SCM (self)->held) : NULL;
    }
  return hs_incref (SCM (self)->held);
}

static HsObject *
scm_exit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *typ = NULL, *value = NULL, *tb = NULL;
  if (HS_IS (self, &nullcontext_type)) /* __exit__(self, *excinfo) */
    return hs_parse_no_kwargs (vm, "__exit__", kwnames) ? hs_incref (hs_None) : NULL;
  if (!hs_parse_args (vm, "__exit__", args + 1, nargs - 1, kwnames, "@typ value traceback", &typ,
                      &value, &tb))
    return NULL;
  if (HS_IS (self, &suppress_type))
    {
      if (typ == hs_None)
        return hs_incref (hs_False);
      HsObject *iargs[2] = { typ, SCM (self)->held };
      return hs_builtin_issubclass (vm, iargs, 2, NULL);
    }
  if (HS_IS (self, &closing_type))
    {
      HsObject *r = hs_object_call_method (vm, SCM (self)->held, "close", NULL, 0, NULL);
      if (r == NULL)
        return NULL;
      hs_decref (vm, r);
    }
  if (HS_IS (self, &redirect_type))
    {
      HsObject *last = hs_object_call_method (vm, SCM (self)->old, "pop", NULL, 0, NULL), *sys;
      int ok = last != NULL && (sys = hs_import_module (vm, "sys")) != NULL;
      if (ok)
        {
          ok = hs_object_setattr (vm, sys, hs_str_intern_cstr ("stdout"), last) == 0;
          hs_decref (vm, sys);
        }
      hs_xdecref (vm, last);
      if (!ok)
        return NULL;
    }
  return hs_incref (hs_None);
}

static const HsMethodDef scm_methods[] = {
  { "__enter__", scm_enter },
  { "__exit__", scm_exit },
  { NULL, NULL },
};

#define SIMPLE_CM_TYPE(var, tname, ctor)                                                           \
  static HsType var = {                                                                            \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = tname,                                                                                 \
    .module = "contextlib",                                                                        \
    .base = &hs_object_type,                                                                       \
    .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,                                          \
    .basicsize = sizeof (HsSimpleCM),                                                              \
    .dealloc = scm_clear,                                                                          \
    .refs = scm_refs,                                                                              \
    .clear = scm_clear,                                                                            \
    .construct = ctor,                                                                             \
    .getattr = scm_getattr,                                                                        \
    .methods = scm_methods,                                                                        \
  };

SIMPLE_CM_TYPE (suppress_type, "suppress", suppress_construct)
SIMPLE_CM_TYPE (closing_type, "closing", closing_construct)
SIMPLE_CM_TYPE (nullcontext_type, "nullcontext", nullcontext_construct)
SIMPLE_CM_TYPE (redirect_type, "redirect_stdout", redirect_construct)

/* ---- ExitStack ----------------------------------------------------------------------------- */

/* What ExitStack.callback pushes: CPython's _exit_wrapper closure, which calls
 * callback(*args, **kwds) whatever exception details it is given. */
typedef struct
{
  HsObject header;
  HsObject *callback, *args, *kwds;
} HsExitWrapper;

#define EW(o) ((HsExitWrapper *)(o))

static const HsRefField ew_fields[] = {
  { offsetof (HsExitWrapper, callback), HS_REF_ATTR, "__wrapped__" },
  { offsetof (HsExitWrapper, args), HS_REF_ATTR, "args" },
  { offsetof (HsExitWrapper, kwds), HS_REF_ATTR, "kwds" },
};

HS_DEFINE_FIELD_REFS (ew)

static HsObject *
ew_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *r;
  (void)args;
  (void)nargs;
  (void)kwnames;
  if ((r = call_tuple_dict (vm, EW (self)->callback, EW (self)->args, EW (self)->kwds)) == NULL)
    return NULL;
  hs_decref (vm, r);
  return hs_incref (hs_None);
}

static HsObject *
ew_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "__wrapped__"))
    return hs_incref (EW (self)->callback);
  return hs_object_generic_getattr (vm, self, name);
}

static HsType exit_wrapper_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "function",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsExitWrapper),
  .dealloc = ew_clear,
  .refs = ew_refs,
  .clear = ew_clear,
  .call = ew_call,
  .getattr = ew_getattr,
};

typedef struct
{
  HsObject header;
  HsObject *callbacks; /* _exit_callbacks: a deque of (True, callback) */
} HsExitStack;

#define XS(o) ((HsExitStack *)(o))

static const HsRefField xs_fields[] = {
  { offsetof (HsExitStack, callbacks), HS_REF_ATTR, "_exit_callbacks" },
};

HS_DEFINE_FIELD_REFS (xs)

static HsObject *
xs_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  return fields_getattr (vm, self, name, xs_fields, G_N_ELEMENTS (xs_fields));
}

static HsObject *
new_deque (HsVM *vm)
{
  return hs_object_call (vm, (HsObject *)&hs_deque_type, NULL, 0, NULL);
}

static HsObject *
xs_new (HsVM *vm, const HsType *type)
{
  HsExitStack *x = (HsExitStack *)hs_object_alloc (vm, type, sizeof (HsExitStack));
  if (x == NULL)
    return NULL;
  hs_gc_track (vm, &x->header);
  if ((x->callbacks = new_deque (vm)) == NULL)
    {
      hs_decref (vm, &x->header);
      return NULL;
    }
  return &x->header;
}

static HsObject *
xs_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  (void)args;
  if (!hs_parse_args (vm, "ExitStack", args, nargs, kwnames, "@"))
    return NULL;
  return xs_new (vm, type);
}

/* self._exit_callbacks.append((True, cb)) */
static int
push_callback (HsVM *vm, HsObject *self, HsObject *cb)
{
  HsObject *pair = hs_tuple_pack (vm, 2, hs_True, cb), *r;
  if (pair == NULL)
    return -1;
  r = hs_object_call_method (vm, XS (self)->callbacks, "append", &pair, 1, NULL);
  hs_decref (vm, pair);
  if (r == NULL)
    return -1;
  hs_decref (vm, r);
  return 0;
}

/* type(cm).<name> bound to cm (new reference), or NULL with no error when it has none. */
static HsObject *
bound_special (HsVM *vm, HsObject *cm, const char *name)
{
  HsObject *m = hs_type_lookup_borrow (HS_TYPE (cm), hs_str_intern_cstr (name));
  return m != NULL ? hs_descr_get (vm, m, cm, HS_TYPE (cm)) : NULL;
}

static HsObject *
xs_enter_context (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cm = NULL, *enter, *exit, *r;
  if (!hs_parse_args (vm, "enter_context", args + 1, nargs - 1, kwnames, "@cm", &cm))
    return NULL;
  if (hs_type_lookup_borrow (HS_TYPE (cm), hs_str_intern_cstr ("__enter__")) == NULL
      || hs_type_lookup_borrow (HS_TYPE (cm), hs_str_intern_cstr ("__exit__")) == NULL)
    {
      const HsType *t = HS_TYPE (cm);
      hs_err_format (vm, &hs_exc_TypeError,
                     "'%s.%s' object does not support the context manager protocol",
                     t->module != NULL                ? t->module
                     : (t->type_flags & HS_TYPE_HEAP) ? "__main__"
                                                      : "builtins",
                     hs_type_qualname (t));
      return NULL;
    }
  if ((enter = bound_special (vm, cm, "__enter__")) == NULL)
    return NULL;
  r = hs_object_call (vm, enter, NULL, 0, NULL);
  hs_decref (vm, enter);
  if (r == NULL)
    return NULL;
  if ((exit = bound_special (vm, cm, "__exit__")) == NULL || push_callback (vm, args[0], exit) < 0)
    HS_CLEAR (vm, r);
  hs_xdecref (vm, exit);
  return r;
}

static HsObject *
xs_push (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *exit = NULL, *cb;
  if (!hs_parse_args (vm, "push", args + 1, nargs - 1, kwnames, "@exit", &exit))
    return NULL;
  if (hs_type_lookup_borrow (HS_TYPE (exit), hs_str_intern_cstr ("__exit__")) != NULL)
    cb = bound_special (vm, exit, "__exit__");
  else
    cb = hs_incref (exit);
  if (cb == NULL || push_callback (vm, args[0], cb) < 0)
    {
      hs_xdecref (vm, cb);
      return NULL;
    }
  hs_decref (vm, cb);
  return hs_incref (exit);
}

static HsObject *
xs_callback (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsExitWrapper *w;
  if (nargs < 2)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "ExitStack.callback() missing 1 required positional argument: "
                         "'callback'");
      return NULL;
    }
  if ((w = (HsExitWrapper *)hs_object_alloc (vm, &exit_wrapper_type, sizeof (HsExitWrapper)))
      == NULL)
    return NULL;
  hs_gc_track (vm, &w->header);
  w->callback = hs_incref (args[1]);
  w->args = hs_tuple_from_array (vm, args + 2, nargs - 2);
  w->kwds = hs_dict_new (vm);
  if (w->args == NULL || w->kwds == NULL
      || hs_dict_merge_kwargs (vm, w->kwds, args + 2, nargs - 2, kwnames) < 0
      || push_callback (vm, args[0], &w->header) < 0)
    {
      hs_decref (vm, &w->header);
      return NULL;
    }
  hs_decref (vm, &w->header);
  return hs_incref (args[1]);
}

static HsObject *
xs_pop_all (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *fresh, *other;
  if (!hs_parse_args (vm, "pop_all", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if ((other = xs_new (vm, HS_TYPE (self))) == NULL)
    return NULL;
  if ((fresh = new_deque (vm)) == NULL)
    {
      hs_decref (vm, other);
      return NULL;
    }
  HS_CLEAR (vm, XS (other)->callbacks);
  XS (other)->callbacks = XS (self)->callbacks;
  XS (self)->callbacks = fresh;
  hs_object_mark_dirty (vm, self);
  hs_object_mark_dirty (vm, other);
  return other;
}

/* CPython's ExitStack.__exit__: the callbacks, last pushed first, each given the exception
 * details left by the one before; returns whether a received exception was suppressed. */
static HsObject *
xs_unwind (HsVM *vm, HsObject *self, HsObject *typ, HsObject *value, HsObject *tb)
{
  gboolean received = typ != hs_None, suppressed = FALSE;
  HsObject *pending = NULL; /* the exception a callback raised, still to raise */
  HsObject *d[3] = { hs_incref (typ), hs_incref (value), hs_incref (tb) };

  while (hs_object_len (vm, XS (self)->callbacks) > 0)
    {
      HsObject *pair = hs_object_call_method (vm, XS (self)->callbacks, "pop", NULL, 0, NULL);
      HsObject *r, *cb;
      int t;
      if (pair == NULL)
        break;
      cb = hs_incref (hs_tuple_get_borrow (pair, 1));
      hs_decref (vm, pair);
      r = hs_object_call (vm, cb, d, 3, NULL);
      hs_decref (vm, cb);
      t = r != NULL ? hs_object_truth (vm, r) : -1;
      hs_xdecref (vm, r);
      if (t > 0)
        {
          suppressed = TRUE;
          HS_CLEAR (vm, pending);
          for (int i = 0; i < 3; i++)
            {
              hs_decref (vm, d[i]);
              d[i] = hs_incref (hs_None);
            }
        }
      else if (t < 0)
        {
          HsObject *e = hs_err_fetch (vm);
          if (!is_none (d[1]) && e != d[1] && HS_EXCEPTION (e)->context == NULL)
            HS_EXCEPTION (e)->context = hs_incref (d[1]);
          HS_CLEAR (vm, pending);
          pending = hs_incref (e);
          for (int i = 0; i < 3; i++)
            hs_decref (vm, d[i]);
          d[0] = hs_incref ((HsObject *)HS_TYPE (e));
          d[1] = e;
          d[2] = hs_exception_traceback_object (vm, e);
          if (d[2] == NULL)
            {
              hs_err_clear (vm);
              d[2] = hs_incref (hs_None);
            }
        }
    }
  for (int i = 0; i < 3; i++)
    hs_decref (vm, d[i]);
  if (hs_err_occurred (vm))
    {
      hs_xdecref (vm, pending);
      return NULL;
    }
  if (pending != NULL)
    {
      hs_err_set_object (vm, pending);
      hs_decref (vm, pending);
      return NULL;
    }
  return hs_incref (received && suppressed ? hs_True : hs_False);
}

static HsObject *
xs_exit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_no_kwargs (vm, "__exit__", kwnames))
    return NULL;
  if (nargs != 4)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "ExitStack.__exit__() takes 4 positional arguments but %" G_GSIZE_FORMAT
                     " were given",
                     nargs);
      return NULL;
    }
  return xs_unwind (vm, args[0], args[1], args[2], args[3]);
}

static HsObject *
xs_close (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *r;
  if (!hs_parse_args (vm, "close", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if ((r = xs_unwind (vm, args[0], hs_None, hs_None, hs_None)) == NULL)
    return NULL;
  hs_decref (vm, r);
  return hs_incref (hs_None);
}

static HsObject *
xs_enter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__enter__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return hs_incref (args[0]);
}

static const HsMethodDef xs_methods[] = {
  { "__enter__", xs_enter },
  { "__exit__", xs_exit },
  { "enter_context", xs_enter_context },
  { "push", xs_push },
  { "callback", xs_callback },
  { "pop_all", xs_pop_all },
  { "close", xs_close },
  { NULL, NULL },
};

static HsType exitstack_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "ExitStack",
  .module = "contextlib",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsExitStack),
  .dealloc = xs_clear,
  .refs = xs_refs,
  .clear = xs_clear,
  .construct = xs_construct,
  .getattr = xs_getattr,
  .methods = xs_methods,
};

/* ---- the module ---------------------------------------------------------------------------- */

static const HsMethodDef contextlib_functions[] = {
  { "contextmanager", cl_contextmanager },
  { NULL, NULL },
};

void
hs_mod_contextlib_runtime_init (void)
{
  static HsType *const types[]
      = { &gcm_type,         &helper_type,   &suppress_type,     &closing_type,
          &nullcontext_type, &redirect_type, &exit_wrapper_type, &exitstack_type };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    hs_type_ready (types[i]);
}

/* CPython 3.11's ContextDecorator, in Python as there. */
static const char contextlib_text[]
    = "from functools import wraps\n"
      "\n"
      "class ContextDecorator(object):\n"
      "    \"A base class or mixin that enables context managers to work as decorators.\"\n"
      "\n"
      "    def _recreate_cm(self):\n"
      "        \"\"\"Return a recreated instance of self.\"\"\"\n"
      "        return self\n"
      "\n"
      "    def __call__(self, func):\n"
      "        @wraps(func)\n"
      "        def inner(*args, **kwds):\n"
      "            with self._recreate_cm():\n"
      "                return func(*args, **kwds)\n"
      "        return inner\n"
      "";

int
hs_mod_contextlib_init (HsVM *vm, HsObject *dict)
{
  static HsType *const types[] = { &suppress_type, &closing_type,   &nullcontext_type,
                                   &redirect_type, &exitstack_type, &gcm_type };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (hs_module_add_take (vm, dict, types[i]->name, hs_incref ((HsObject *)types[i])) < 0)
      return -1;
  return hs_exec_library_module (vm, dict, contextlib_functions, contextlib_text);
}
