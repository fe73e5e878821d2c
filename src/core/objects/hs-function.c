/* hs-function.c — Python function objects and argument binding.
 *
 * Invariant: binding either fills every parameter slot with a new reference and
 * returns 0, or sets CPython's TypeError and returns -1; the messages name the function
 * by its qualified name, as CPython 3.11 does.
 */
#include "config.h"

#include <string.h>

#include "hs-function.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

/* Default i of the defaults tuple belongs to one of the last positional parameters. */
static const char *
default_row (HsObject *fn, const HsRef *ref, HsObject *key)
{
  HsFunction *f = HS_FUNCTION (fn);
  return f->code->varnames[f->code->nparams - (int)hs_tuple_len (f->defaults) + (int)ref->index];
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
  return slot >= 0 ? code->varnames[slot] : "?";
}

/* What a function keeps alive, drawn in its box: its default values (the defaults tuple
 * and keyword-only defaults dict are not drawn themselves) and the cells it closes over,
 * named like the variables they hold. */
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
}

static void
function_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, HS_FUNCTION (self)->defaults);
  HS_CLEAR (vm, HS_FUNCTION (self)->kwdefaults);
  HS_CLEAR (vm, HS_FUNCTION (self)->closure);
}

static void
function_dealloc (HsVM *vm, HsObject *self)
{
  function_clear (vm, self);
}

void
hs_function_set_extras (HsFunction *fn, HsObject *kwdefaults, HsObject *closure,
                        guint64 parent_frame_id)
{
  fn->kwdefaults = kwdefaults;
  fn->closure = closure;
  fn->parent_frame_id = parent_frame_id;
}

static HsObject *
function_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_format (vm, "<function %s at 0x%" G_GINT64_MODIFIER "x>",
                             HS_FUNCTION (self)->code->qualname, (gint64)self->id);
}

static HsObject *
function_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_vm_call_function (vm, self, args, nargs, kwnames);
}

static HsObject *
function_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsFunction *fn = HS_FUNCTION (self);
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "__name__") == 0)
    return hs_incref (fn->name);
  if (strcmp (n, "__qualname__") == 0)
    return hs_str_from_cstr (vm, fn->code->qualname);
  if (strcmp (n, "__defaults__") == 0)
    return hs_incref (fn->defaults != NULL ? fn->defaults : hs_None);
  if (strcmp (n, "__kwdefaults__") == 0)
    return hs_incref (fn->kwdefaults != NULL ? fn->kwdefaults : hs_None);
  if (strcmp (n, "__module__") == 0)
    return hs_str_intern_cstr ("__main__");
  if (strcmp (n, "__doc__") == 0)
    return hs_None;
  if (strcmp (n, "__closure__") == 0)
    return hs_incref (fn->closure != NULL ? fn->closure : hs_None);
  hs_err_format (vm, &hs_exc_AttributeError, "'function' object has no attribute '%s'", n);
  return NULL;
}

/* CPython gives functions a __dict__ for attributes; Heapscope's functions have none. */
static int
function_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  hs_err_format (vm, &hs_exc_NotImplementedError,
                 "function attributes (%s.%s) are not supported by Heapscope yet",
                 HS_FUNCTION (self)->code->name, hs_str_utf8 (name));
  return -1;
}

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
  fn->name = hs_str_intern_cstr (code->name);
  fn->defaults = defaults;
  fn->globals = globals;
  hs_gc_track (vm, (HsObject *)fn);
  return (HsObject *)fn;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static void
append_name_list (GString *s, char **names, int n)
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
  char **missing = g_new0 (char *, hi - lo + 1);
  int n = 0;
  for (int i = lo; i < hi; i++)
    if (locals[i] == NULL)
      missing[n++] = co->varnames[i];
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "%s() missing %d required %s argument%s: ", co->qualname, n, kind,
                          n == 1 ? "" : "s");
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
                   co->qualname, takes, given, given == 1 ? "" : "s", kwonly_given,
                   kwonly_given == 1 ? "" : "s");
  else
    hs_err_format (vm, &hs_exc_TypeError, "%s() takes %s but %" G_GSIZE_FORMAT " %s given",
                   co->qualname, takes, given, given == 1 ? "was" : "were");
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
check_posonly_keywords (HsVM *vm, HsCode *co, HsObject *kwnames)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (gsize k = 0; k < hs_tuple_len (kwnames); k++)
    if (param_slot (co, 0, co->nposonly, hs_tuple_get_borrow (kwnames, k)) >= 0)
      g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                              hs_str_utf8 (hs_tuple_get_borrow (kwnames, k)));
  if (names->len == 0)
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError,
                 "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                 co->qualname, names->str);
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
          if (co->nposonly > 0 && !check_posonly_keywords (vm, co, kwnames))
            return -1;
          hs_err_format (vm, &hs_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                         co->qualname, hs_str_utf8 (key));
          return -1;
        }
      if (locals[i] != NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError, "%s() got multiple values for argument '%s'",
                         co->qualname, hs_str_utf8 (key));
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
  return fn->code->varnames[i];
}

HsObject *
hs_function_default_borrow (HsFunction *fn, int i)
{
  int ndef = fn->defaults != NULL ? (int)hs_tuple_len (fn->defaults) : 0;
  int first_def = fn->code->nparams - ndef;
  return i >= first_def ? hs_tuple_get_borrow (fn->defaults, i - first_def) : NULL;
}
