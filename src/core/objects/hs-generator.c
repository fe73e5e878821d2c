/* hs-generator.c — the generator type (see hs-generator.h for the invariant). */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-frame.h"
#include "hs-generator.h"
#include "hs-vm-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

static void
gen_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsGenerator *g = HS_GENERATOR (self);
  if (g->frame != NULL && !g->running)
    hs_frame_refs (g->frame, visit, data);
  if (g->name != NULL)
    hs_visit_named (visit, g->name, HS_REF_ATTR, "__name__", data);
  if (g->qualname != NULL)
    hs_visit_named (visit, g->qualname, HS_REF_ATTR, "__qualname__", data);
}

static void
gen_dealloc (HsVM *vm, HsObject *self)
{
  vm->live_generators--;
  hs_vm_generator_finalize (vm, self);
  if (HS_GENERATOR (self)->frame != NULL)
    hs_vm_generator_release_frame (vm, self);
  hs_xdecref (vm, HS_GENERATOR (self)->name);
  hs_xdecref (vm, HS_GENERATOR (self)->qualname);
}

static HsObject *
gen_repr (HsVM *vm, HsObject *self)
{
  HsGenerator *g = HS_GENERATOR (self);
  const char *name = g->qualname != NULL ? hs_str_utf8 (g->qualname) : g->code->qualname;
  return hs_str_from_format (vm, "<generator object %s at %p>", name, hs_object_address (self));
}

static HsObject *
gen_iter (HsVM *vm, HsObject *self)
{
  return hs_incref (self);
}

static HsObject *
gen_iternext (HsVM *vm, HsObject *self)
{
  return hs_vm_generator_resume (vm, self, hs_None, NULL);
}

/* The end of send() or throw(): what the generator yielded, or its error, or the
 * StopIteration that carries what it returned. */
static HsObject *
yielded_or_stop (HsVM *vm, HsObject *r, HsObject *returned)
{
  if (r == NULL && !hs_err_occurred (vm))
    hs_err_set_stop_iteration (vm, returned);
  hs_xdecref (vm, returned);
  return r;
}

HsObject *
hs_generator_send (HsVM *vm, HsObject *gen, HsObject *value, HsObject **returned)
{
  HsGenerator *g = HS_GENERATOR (gen);
  if (g->frame != NULL && g->frame->ip == 0 && value != hs_None)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "can't send non-None value to a just-started generator");
      return NULL;
    }
  return hs_vm_generator_resume (vm, gen, value, returned);
}

static HsObject *
gen_send (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v = NULL, *returned = NULL;
  if (!hs_parse_args (vm, "send", args + 1, nargs - 1, kwnames, "!value", &v))
    return NULL;
  HsObject *r = hs_generator_send (vm, args[0], v, &returned);
  return yielded_or_stop (vm, r, returned);
}

static HsObject *
gen_close (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "close", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (hs_vm_generator_close (vm, args[0]) < 0)
    return NULL;
  return hs_None;
}

/* The exception throw(typ, val) raises, made as CPython's _gen_throw makes it: an
 * instance as it is, a class called with val (none, one argument, or a tuple of them). */
static HsObject *
thrown_exception (HsVM *vm, HsObject *typ, HsObject *val)
{
  if (hs_exception_check (typ))
    {
      if (val != NULL && val != hs_None)
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "instance exception may not have a separate value");
          return NULL;
        }
      return hs_incref (typ);
    }
  if (!hs_exception_type_check (typ))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not %s",
                     hs_type_name (typ));
      return NULL;
    }
  if (val != NULL && hs_type_is_subtype (val->type, (HsType *)typ))
    return hs_incref (val);
  if (val == NULL || val == hs_None)
    return hs_object_call (vm, typ, NULL, 0, NULL);
  if (HS_IS (val, &hs_tuple_type))
    return hs_object_call (vm, typ, hs_tuple_items (val), hs_tuple_len (val), NULL);
  return hs_object_call (vm, typ, &val, 1, NULL);
}

static HsObject *
gen_throw (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *typ = NULL, *val = NULL, *tb = NULL;
  if (!hs_parse_args (vm, "generator.throw", args + 1, nargs - 1, kwnames, "typ|val tb /", &typ,
                      &val, &tb))
    return NULL;
  if (tb != NULL && tb != hs_None)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "throw() third argument must be a traceback object");
      return NULL;
    }
  HsObject *exc = thrown_exception (vm, typ, val);
  if (exc == NULL)
    return NULL;
  HsObject *returned = NULL;
  HsObject *r = hs_vm_generator_throw (vm, args[0], exc, &returned);
  return yielded_or_stop (vm, r, returned);
}

static const HsMethodDef gen_methods[] = {
  { "send", gen_send },
  { "throw", gen_throw },
  { "close", gen_close },
  { NULL, NULL },
};

/* gi_running, gi_suspended, gi_yieldfrom, gi_frame, gi_code, __name__, __qualname__ */
static HsObject *
gen_attribute (HsVM *vm, HsObject *self, HsObject *name)
{
  HsGenerator *g = HS_GENERATOR (self);
  const char *n = hs_str_utf8 (name);
  HsObject *delegate;

  if (strcmp (n, "gi_running") == 0)
    return hs_bool_from (g->running);
  if (strcmp (n, "gi_suspended") == 0)
    return hs_bool_from (hs_vm_generator_suspended (self));
  if (strcmp (n, "gi_yieldfrom") == 0)
    {
      delegate = hs_vm_generator_delegate (self);
      return hs_incref (delegate != NULL ? delegate : hs_None);
    }
  if (strcmp (n, "__name__") == 0)
    return g->name != NULL ? hs_incref (g->name) : hs_str_from_cstr (vm, g->code->name);
  if (strcmp (n, "__qualname__") == 0)
    return g->qualname != NULL ? hs_incref (g->qualname) : hs_str_from_cstr (vm, g->code->qualname);
  if (strcmp (n, "gi_frame") == 0 && g->frame == NULL)
    return hs_None;
  hs_err_format (vm, &hs_exc_NotImplementedError,
                 "generator.%s is not supported by Heapscope yet (it has no frame or code "
                 "objects)",
                 n);
  return NULL;
}

static int
gen_set_name (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsGenerator *g = HS_GENERATOR (self);
  gboolean qual = strcmp (hs_str_utf8 (name), "__qualname__") == 0;
  HsObject **field = qual ? &g->qualname : &g->name;

  if (value == NULL || !hs_str_check (value))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s must be set to a string object",
                     hs_str_utf8 (name));
      return -1;
    }
  hs_xdecref (vm, *field);
  *field = hs_incref (value);
  return 0;
}

void
hs_generator_runtime_init (void)
{
  hs_type_ready (&hs_generator_type);
  hs_getset_install (&hs_generator_type, "gi_running gi_suspended gi_yieldfrom gi_frame gi_code",
                     gen_attribute, NULL);
  hs_getset_install (&hs_generator_type, "__name__ __qualname__", gen_attribute, gen_set_name);
}

HsType hs_generator_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "generator",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsGenerator),
  .dealloc = gen_dealloc,
  .refs = gen_refs,
  .repr = gen_repr,
  .iter = gen_iter,
  .iternext = gen_iternext,
  .methods = gen_methods,
};

HsObject *
hs_generator_new (HsVM *vm, HsFrame *frame, gsize frame_size)
{
  HsGenerator *g = (HsGenerator *)hs_object_alloc (vm, &hs_generator_type, sizeof (HsGenerator));
  if (g == NULL)
    return NULL;
  g->frame = frame;
  g->frame_size = frame_size;
  g->code = frame->code;
  frame->gen = (HsObject *)g;
  vm->live_generators++;
  hs_gc_track (vm, (HsObject *)g);
  return (HsObject *)g;
}

HsFrame *
hs_generator_frame (HsObject *gen)
{
  return HS_GENERATOR (gen)->frame;
}
