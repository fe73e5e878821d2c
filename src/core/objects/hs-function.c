/* hs-function.c — Python function objects and argument binding.
 *
 * Invariant: binding either fills every parameter slot with a new reference and
 * returns 0, or sets CPython's TypeError and returns -1; the messages name the function
 * by its qualified name, as CPython 3.11 does.
 */
#include "config.h"

#include <string.h>

#include "hs-function.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

/* Default i of the defaults tuple belongs to one of the last positional parameters. */
static const char *
default_row (HsObject *fn, const HsRef *ref, HsObject *key)
{
  HsFunction *f = HS_FUNCTION (fn);
  return hs_code_varname (f->code,
                          f->code->nparams - (int)hs_tuple_len (f->defaults) + (int)ref->index);
}

static const char *
kwdefault_row (HsObject *fn, const HsRef *ref, HsObject *key)
{
  return hs_str_utf8 (key);
}

/* Cell i of the closure holds the free variable i. */
static const char *
closure_row (HsObject *fn, const HsRef *ref, HsObject *key)
{
  HsCode *code = HS_FUNCTION (fn)->code;
  int slot = (int)ref->index < code->nfrees ? code->frees[ref->index] : -1;
  return slot >= 0 ? hs_code_varname (code, slot) : "?";
}

/* What a function keeps alive, drawn in its box: its default values (the defaults tuple
 * and keyword-only defaults dict are not drawn themselves), the cells it closes over,
 * named like the variables they hold, its attributes and what the program set. */
static void
function_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsFunction *fn = HS_FUNCTION (self);
  if (fn->defaults != NULL)
    hs_visit_unfold (visit, fn->defaults, default_row, data);
  if (fn->kwdefaults != NULL)
    hs_visit_unfold (visit, fn->kwdefaults, kwdefault_row, data);
  if (fn->closure != NULL)
    hs_visit_unfold (visit, fn->closure, closure_row, data);
  if (!hs_is_immortal (fn->name))
    hs_visit_named (visit, fn->name, HS_REF_ATTR, "__name__", data);
  if (fn->qualname != NULL)
    hs_visit_named (visit, fn->qualname, HS_REF_ATTR, "__qualname__", data);
  if (fn->doc != NULL)
    hs_visit_named (visit, fn->doc, HS_REF_ATTR, "__doc__", data);
  if (fn->module != NULL)
    hs_visit_named (visit, fn->module, HS_REF_ATTR, "__module__", data);
  if (fn->annotations != NULL) /* a dict of its own: functools.wraps shares it */
    hs_visit_named (visit, fn->annotations, HS_REF_ATTR, "__annotations__", data);
  if (fn->dict != NULL)
    hs_visit_unfold (visit, fn->dict, hs_ref_row_by_key, data);
  if (fn->globals != NULL) /* CPython's func_globals: the module's dict, drawn as frames */
    hs_visit_named (visit, fn->globals, HS_REF_HIDDEN, "__globals__", data);
}

static void
function_clear (HsVM *vm, HsObject *self)
{
  HsFunction *fn = HS_FUNCTION (self);
  HS_CLEAR (vm, fn->defaults);
  HS_CLEAR (vm, fn->kwdefaults);
  HS_CLEAR (vm, fn->closure);
  HS_CLEAR (vm, fn->qualname);
  HS_CLEAR (vm, fn->doc);
  HS_CLEAR (vm, fn->module);
  HS_CLEAR (vm, fn->annotations);
  HS_CLEAR (vm, fn->dict);
}

static void
function_dealloc (HsVM *vm, HsObject *self)
{
  function_clear (vm, self);
  hs_decref (vm, HS_FUNCTION (self)->name);
  /* not in function_clear: a function the collector cleared may still be called by a
   * finalizer; the cycle through the globals breaks at the dict */
  hs_xdecref (vm, HS_FUNCTION (self)->globals);
}

int
hs_function_set_extras (HsVM *vm, HsFunction *fn, HsObject *kwdefaults, HsObject *closure,
                        HsObject *annotations, guint64 parent_frame_id)
{
  fn->kwdefaults = kwdefaults;
  fn->closure = closure;
  fn->parent_frame_id = parent_frame_id;
  if (annotations == NULL)
    return 0;
  fn->annotations = hs_dict_new (vm);
  for (gsize i = 0; fn->annotations != NULL && i + 1 < hs_tuple_len (annotations); i += 2)
    if (hs_dict_set_item (vm, fn->annotations, hs_tuple_get_borrow (annotations, i),
                          hs_tuple_get_borrow (annotations, i + 1))
        < 0)
      HS_CLEAR (vm, fn->annotations);
  hs_decref (vm, annotations);
  return fn->annotations != NULL ? 0 : -1;
}

static const char *
function_qualname (HsFunction *fn)
{
  return fn->qualname != NULL ? hs_str_utf8 (fn->qualname) : fn->code->qualname;
}

HsObject *
hs_function_repr_named (HsVM *vm, const char *qualname, HsObject *self)
{
  return hs_str_from_format (vm, "<function %s at %p>", qualname, hs_object_address (self));
}

static HsObject *
function_repr (HsVM *vm, HsObject *self)
{
  return hs_function_repr_named (vm, function_qualname (HS_FUNCTION (self)), self);
}

static HsObject *
function_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_vm_call_function (vm, self, NULL, args, nargs, kwnames);
}

static HsObject *
function_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsFunction *fn = HS_FUNCTION (self);
  const char *n = hs_str_utf8 (name);
  HsObject *v;
  if (strcmp (n, "__name__") == 0)
    return hs_incref (fn->name);
  if (strcmp (n, "__qualname__") == 0)
    return fn->qualname != NULL ? hs_incref (fn->qualname)
                                : hs_str_from_cstr (vm, fn->code->qualname);
  if (strcmp (n, "__dict__") == 0 || strcmp (n, "__annotations__") == 0)
    {
      v = hs_attr_dict_lazy (vm, self, n[2] == 'd' ? &fn->dict : &fn->annotations);
      return v != NULL ? hs_incref (v) : NULL;
    }
  if (strcmp (n, "__defaults__") == 0)
    return hs_incref (fn->defaults != NULL ? fn->defaults : hs_None);
  if (strcmp (n, "__kwdefaults__") == 0)
    return hs_incref (fn->kwdefaults != NULL ? fn->kwdefaults : hs_None);
  if (strcmp (n, "__module__") == 0)
    {
      /* CPython's func_module: the __name__ of its globals when it was made */
      HsObject *g = fn->module == NULL && fn->globals != NULL
                        ? hs_dict_get_item_cstr_borrow (vm, fn->globals, "__name__")
                        : NULL;
      if (fn->module != NULL)
        return hs_incref (fn->module);
      return g != NULL && hs_str_check (g) ? hs_incref (g) : hs_str_intern_cstr ("__main__");
    }
  if (strcmp (n, "__doc__") == 0)
    return hs_incref (fn->doc != NULL ? fn->doc : fn->code->doc != NULL ? fn->code->doc : hs_None);
  if (strcmp (n, "__closure__") == 0)
    return hs_incref (fn->closure != NULL ? fn->closure : hs_None);
  if (strcmp (n, "__globals__") == 0)
    return hs_incref (fn->globals != NULL ? fn->globals : hs_None);
  if (strcmp (n, "__builtins__") == 0)
    return hs_incref (vm->builtins);
  if (strcmp (n, "__isabstractmethod__") == 0 && (self->flags & HS_FLAG_ABSTRACT))
    return hs_incref (hs_True); /* abc.abstractmethod's mark */
  if (fn->dict != NULL && (v = hs_dict_get_item_borrow (vm, fn->dict, name)) != NULL)
    return hs_incref (v);
  /* then what the type and object hold (f.__reduce_ex__, f.__sizeof__) */
  return hs_object_generic_getattr (vm, self, name);
}

/* Replaces an owned field, marking the function changed. */
static int
set_field (HsVM *vm, HsObject *self, HsObject **field, HsObject *value)
{
  HsObject *old = *field;
  *field = value != NULL ? hs_incref (value) : NULL;
  hs_object_mark_dirty (vm, self);
  hs_xdecref (vm, old);
  return 0;
}

/* __name__ and __qualname__ take a str only, and cannot be deleted. */
static int
set_name_field (HsVM *vm, HsObject *self, HsObject **field, HsObject *value, const char *what)
{
  if (value == NULL || !hs_str_check (value))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s must be set to a string object", what);
      return -1;
    }
  return set_field (vm, self, field, value);
}

/* __annotations__ takes a dict, and is made again once deleted. */
static int
set_annotations (HsVM *vm, HsObject *self, HsObject **field, HsObject *value)
{
  if (value != NULL && !hs_dict_check (value))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "__annotations__ must be set to a dict object");
      return -1;
    }
  return set_field (vm, self, field, value);
}

/* CPython's function attributes: the fields it keeps apart (__name__, __qualname__, __doc__,
 * __module__, __dict__, __annotations__) and anything else in its __dict__. */
static int
function_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  static const char *const readonly[] = { "__globals__", "__closure__", "__builtins__" };
  static const char *const refused[] = { "__code__", "__defaults__", "__kwdefaults__" };
  HsFunction *fn = HS_FUNCTION (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "__name__") == 0)
    return set_name_field (vm, self, &fn->name, value, n);
  if (strcmp (n, "__qualname__") == 0)
    return set_name_field (vm, self, &fn->qualname, value, n);
  if (strcmp (n, "__doc__") == 0 || strcmp (n, "__module__") == 0)
    return set_field (vm, self, n[2] == 'd' ? &fn->doc : &fn->module,
                      value != NULL ? value : hs_None);
  if (strcmp (n, "__dict__") == 0)
    return hs_attr_dict_replace (vm, self, &fn->dict, value);
  if (strcmp (n, "__annotations__") == 0)
    return set_annotations (vm, self, &fn->annotations, value);
  for (gsize i = 0; i < G_N_ELEMENTS (readonly); i++)
    if (strcmp (n, readonly[i]) == 0)
      {
        hs_err_set_string (vm, &hs_exc_AttributeError, "readonly attribute");
        return -1;
      }
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    if (strcmp (n, refused[i]) == 0)
      {
        hs_err_format (vm, &hs_exc_NotImplementedError,
                       "setting function.%s is not supported by Heapscope yet", n);
        return -1;
      }
  return hs_attr_dict_store (vm, self, &fn->dict, name, value);
}

/* f.__get__(obj, type=None): f bound to obj, or f itself for None */
static HsObject *
function_get_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *type = NULL;
  if (!hs_parse_args (vm, "__get__", args + 1, nargs - 1, kwnames, "obj |type /", &obj, &type))
    return NULL;
  return obj == hs_None ? hs_incref (args[0]) : hs_method_new (vm, args[0], obj);
}

/* f.__call__(*args, **kwargs) */
static HsObject *
function_call_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_object_call (vm, args[0], args + 1, nargs - 1, kwnames);
}

static const HsMethodDef function_methods[] = {
  { "__get__", function_get_method, HS_METH_SLOT },
  { "__call__", function_call_method, HS_METH_SLOT },
  { NULL, NULL },
};

HsType hs_function_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "function",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsFunction),
  .dealloc = function_dealloc,
  .refs = function_refs,
  .clear = function_clear,
  .repr = function_repr,
  .call = function_call,
  .getattr = function_getattr,
  .setattr = function_setattr,
  .methods = function_methods,
};

HsObject *
hs_function_new (HsVM *vm, HsCode *code, HsObject *globals, HsObject *defaults)
{
  HsFunction *fn = (HsFunction *)hs_object_alloc (vm, &hs_function_type, sizeof (HsFunction));
  if (fn == NULL)
    {
      hs_xdecref (vm, defaults);
      return NULL;
    }
  fn->code = code;
  if (code->name_obj == NULL || code->name_vm != vm)
    {
      code->name_obj = hs_str_intern_name (vm, code->name, strlen (code->name));
      code->name_vm = vm;
    }
  fn->name = code->name_obj;
  fn->defaults = defaults;
  fn->globals = hs_incref (globals);
  globals->flags |= HS_FLAG_NAMESPACE;
  hs_gc_track (vm, (HsObject *)fn);
  return (HsObject *)fn;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static void
append_name_list (GString *s, const char **names, int n)
{
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
      g_string_append_printf (s, "'%s'", names[i]);
    }
}

static void
missing_error (HsVM *vm, HsFunction *fn, HsObject **locals, int lo, int hi, const char *kind)
{
  HsCode *co = fn->code;
  const char **missing = g_new0 (const char *, hi - lo + 1);
  int n = 0;
  for (int i = lo; i < hi; i++)
    if (locals[i] == NULL)
      missing[n++] = hs_code_varname (co, i);
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "%s() missing %d required %s argument%s: ", function_qualname (fn), n,
                          kind, n == 1 ? "" : "s");
  append_name_list (s, missing, n);
  hs_err_set_string (vm, &hs_exc_TypeError, s->str);
  g_string_free (s, TRUE);
  g_free (missing);
}

static void
too_many_error (HsVM *vm, HsFunction *fn, gsize given, HsObject **locals)
{
  HsCode *co = fn->code;
  int ndef = fn->defaults != NULL ? (int)hs_tuple_len (fn->defaults) : 0;
  int kwonly_given = 0;
  for (int i = co->nparams; i < co->nparams + co->nkwonly; i++)
    kwonly_given += locals[i] != NULL;
  char *takes = ndef > 0 ? g_strdup_printf ("from %d to %d positional arguments",
                                            co->nparams - ndef, co->nparams)
                         : g_strdup_printf ("%d positional argument%s", co->nparams,
                                            co->nparams == 1 ? "" : "s");
  if (kwonly_given > 0)
    hs_err_format (vm, &hs_exc_TypeError,
                   "%s() takes %s but %" G_GSIZE_FORMAT
                   " positional argument%s (and %d keyword-only argument%s) were given",
                   function_qualname (fn), takes, given, given == 1 ? "" : "s", kwonly_given,
                   kwonly_given == 1 ? "" : "s");
  else
    hs_err_format (vm, &hs_exc_TypeError, "%s() takes %s but %" G_GSIZE_FORMAT " %s given",
                   function_qualname (fn), takes, given, given == 1 ? "was" : "were");
  g_free (takes);
}

/* The parameter slot in [from, to) named `key`, or -1. */
static int
param_slot (HsCode *co, int from, int to, HsObject *key)
{
  for (int i = from; i < to; i++)
    if (co->varname_objs[i] == key || hs_str_equal (co->varname_objs[i], key))
      return i;
  return -1;
}

/* CPython's positional_only_passed_as_keyword: FALSE (with its TypeError, naming every
 * positional-only parameter given by keyword) when some is. */
static gboolean
check_posonly_keywords (HsVM *vm, HsFunction *fn, HsObject *kwnames)
{
  HsCode *co = fn->code;
  g_autoptr (GString) names = g_string_new (NULL);

  for (gsize k = 0; k < hs_tuple_len (kwnames); k++)
    if (param_slot (co, 0, co->nposonly, hs_tuple_get_borrow (kwnames, k)) >= 0)
      g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                              hs_str_utf8 (hs_tuple_get_borrow (kwnames, k)));
  if (names->len == 0)
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError,
                 "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                 function_qualname (fn), names->str);
  return FALSE;
}

static int
bind_keywords (HsVM *vm, HsFunction *fn, HsObject **locals, HsObject **kwvalues, HsObject *kwnames,
               HsObject *kwdict)
{
  HsCode *co = fn->code;
  gsize nkw = hs_tuple_len (kwnames);
  int nnamed = co->nparams + co->nkwonly;
  for (gsize k = 0; k < nkw; k++)
    {
      HsObject *key = hs_tuple_get_borrow (kwnames, k);
      /* a positional-only parameter is never bound by keyword: the name goes to **kw */
      int i = param_slot (co, co->nposonly, nnamed, key);
      if (i < 0)
        {
          if (kwdict != NULL)
            {
              if (hs_dict_set_item (vm, kwdict, key, kwvalues[k]) < 0)
                return -1;
              continue;
            }
          if (co->nposonly > 0 && !check_posonly_keywords (vm, fn, kwnames))
            return -1;
          hs_err_format (vm, &hs_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                         function_qualname (fn), hs_str_utf8 (key));
          return -1;
        }
      if (locals[i] != NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError, "%s() got multiple values for argument '%s'",
                         function_qualname (fn), hs_str_utf8 (key));
          return -1;
        }
      locals[i] = hs_incref (kwvalues[k]);
    }
  return 0;
}

int
hs_function_bind_args (HsVM *vm, HsFunction *fn, HsObject **locals, HsObject **args, gsize nargs,
                       HsObject *kwnames)
{
  HsCode *co = fn->code;
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  gsize npos = MIN (nargs, (gsize)co->nparams);
  int slot = co->nparams + co->nkwonly;
  HsObject *kwdict = NULL;
  if (co->flags & HS_CODE_VARARGS)
    {
      HsObject *rest = nargs > npos ? hs_tuple_from_array (vm, args + npos, nargs - npos)
                                    : hs_incref (hs_tuple_empty ());
      if (rest == NULL)
        return -1;
      locals[slot++] = rest;
    }
  if (co->flags & HS_CODE_VARKEYWORDS)
    {
      kwdict = hs_dict_new (vm);
      if (kwdict == NULL)
        return -1;
      locals[slot++] = kwdict;
    }
  for (gsize i = 0; i < npos; i++)
    locals[i] = hs_incref (args[i]);
  if (nkw > 0 && bind_keywords (vm, fn, locals, args + nargs, kwnames, kwdict) < 0)
    return -1;
  if (nargs > npos && !(co->flags & HS_CODE_VARARGS))
    {
      too_many_error (vm, fn, nargs, locals);
      return -1;
    }
  int ndef = fn->defaults != NULL ? (int)hs_tuple_len (fn->defaults) : 0;
  int first_def = co->nparams - ndef;
  for (int i = (int)npos; i < co->nparams; i++)
    if (locals[i] == NULL && i >= first_def)
      locals[i] = hs_incref (hs_tuple_get_borrow (fn->defaults, i - first_def));
  for (int i = 0; i < co->nparams; i++)
    if (locals[i] == NULL)
      {
        missing_error (vm, fn, locals, 0, co->nparams, "positional");
        return -1;
      }
  for (int i = co->nparams; i < co->nparams + co->nkwonly; i++)
    if (locals[i] == NULL && fn->kwdefaults != NULL)
      {
        HsObject *d = hs_dict_get_item_borrow (vm, fn->kwdefaults, co->varname_objs[i]);
        if (d != NULL)
          locals[i] = hs_incref (d);
      }
  for (int i = co->nparams; i < co->nparams + co->nkwonly; i++)
    if (locals[i] == NULL)
      {
        missing_error (vm, fn, locals, co->nparams, co->nparams + co->nkwonly, "keyword-only");
        return -1;
      }
  return 0;
}

int
hs_function_nparams (HsFunction *fn)
{
  return fn->code->nparams;
}

const char *
hs_function_param_name (HsFunction *fn, int i)
{
  return hs_code_varname (fn->code, i);
}

HsObject *
hs_function_default_borrow (HsFunction *fn, int i)
{
  int ndef = fn->defaults != NULL ? (int)hs_tuple_len (fn->defaults) : 0;
  int first_def = fn->code->nparams - ndef;
  return i >= first_def ? hs_tuple_get_borrow (fn->defaults, i - first_def) : NULL;
}
