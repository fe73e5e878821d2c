/* hs-function.c — Python function objects and argument binding.
 *
 * Invariant: binding either fills every parameter slot with a new reference and
 * returns 0, or sets CPython's TypeError and returns -1; the messages name the function
 * by its qualified name, as CPython 3.11 does.
 */
#include "config.h"

#include <string.h>

#include "hs-function.h"
#include "hs-error.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

static void
function_traverse (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsFunction *fn = HS_FUNCTION (self);
  if (fn->defaults != NULL)
    visit (fn->defaults, data);
}

static void
function_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, HS_FUNCTION (self)->defaults);
}

static void
function_dealloc (HsVM *vm, HsObject *self)
{
  function_clear (vm, self);
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
  hs_err_format (vm, &hs_exc_AttributeError, "'function' object has no attribute '%s'", n);
  return NULL;
}

HsType hs_function_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "function",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsFunction),
  .dealloc = function_dealloc,
  .traverse = function_traverse,
  .clear = function_clear,
  .repr = function_repr,
  .call = function_call,
  .getattr = function_getattr,
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
missing_error (HsVM *vm, HsFunction *fn, HsObject **locals)
{
  HsCode *co = fn->code;
  char **missing = g_new0 (char *, co->nparams + 1);
  int n = 0;
  for (int i = 0; i < co->nparams; i++)
    if (locals[i] == NULL)
      missing[n++] = co->varnames[i];
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "%s() missing %d required positional argument%s: ", co->qualname, n,
                          n == 1 ? "" : "s");
  append_name_list (s, missing, n);
  hs_err_set_string (vm, &hs_exc_TypeError, s->str);
  g_string_free (s, TRUE);
  g_free (missing);
}

static void
too_many_error (HsVM *vm, HsFunction *fn, gsize given)
{
  HsCode *co = fn->code;
  int ndef = fn->defaults != NULL ? (int)hs_tuple_len (fn->defaults) : 0;
  char *takes = ndef > 0 ? g_strdup_printf ("from %d to %d positional arguments",
                                            co->nparams - ndef, co->nparams)
                         : g_strdup_printf ("%d positional argument%s", co->nparams,
                                            co->nparams == 1 ? "" : "s");
  hs_err_format (vm, &hs_exc_TypeError, "%s() takes %s but %" G_GSIZE_FORMAT " %s given",
                 co->qualname, takes, given, given == 1 ? "was" : "were");
  g_free (takes);
}

static int
bind_keywords (HsVM *vm, HsFunction *fn, HsObject **locals, HsObject **kwvalues, HsObject *kwnames)
{
  HsCode *co = fn->code;
  gsize nkw = hs_tuple_len (kwnames);
  for (gsize k = 0; k < nkw; k++)
    {
      HsObject *key = hs_tuple_get_borrow (kwnames, k);
      int i;
      for (i = 0; i < co->nparams; i++)
        if (co->varname_objs[i] == key || hs_str_equal (co->varname_objs[i], key))
          break;
      if (i == co->nparams)
        {
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
  gsize npos = nargs;
  if (npos > (gsize)co->nparams)
    {
      too_many_error (vm, fn, npos);
      return -1;
    }
  for (gsize i = 0; i < npos; i++)
    locals[i] = hs_incref (args[i]);
  if (nkw > 0 && bind_keywords (vm, fn, locals, args + npos, kwnames) < 0)
    return -1;
  int ndef = fn->defaults != NULL ? (int)hs_tuple_len (fn->defaults) : 0;
  int first_def = co->nparams - ndef;
  for (int i = (int)npos; i < co->nparams; i++)
    if (locals[i] == NULL && i >= first_def)
      locals[i] = hs_incref (hs_tuple_get_borrow (fn->defaults, i - first_def));
  for (int i = 0; i < co->nparams; i++)
    if (locals[i] == NULL)
      {
        missing_error (vm, fn, locals);
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
