/* hs-cfunction.c — built-in functions, bound built-in methods, method descriptors, and
 * the argument parser of every C function.
 *
 * Invariant: a bound built-in method owns one reference to its self (dropped in dealloc,
 * visited by refs); descriptors and plain built-in functions own nothing. A C method
 * always receives self as args[0].
 */
#include "config.h"

#include "hs-cfunction.h"

#include <stdarg.h>
#include <string.h>

#include "hs-class.h"
#include "hs-cpython-names.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-function.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-recursion.h"
#include "hs-str.h"
#include "hs-tuple.h"

#define MAX_PARAMS 16
#define STACK_ARGS 8

static HsObject *
new_function (HsVM *vm, const HsType *type, const HsMethodDef *def, const HsType *owner,
              HsObject *self)
{
  HsCFunctionObject *f
      = (HsCFunctionObject *)hs_object_alloc (vm, type, sizeof (HsCFunctionObject));
  if (f == NULL)
    return NULL;
  f->def = def;
  f->owner = owner;
  f->self = self ? hs_incref (self) : NULL;
  if (self != NULL && vm != NULL)
    hs_gc_track (vm, &f->header);
  return &f->header;
}

HsObject *
hs_cfunction_new (HsVM *vm, const HsMethodDef *def, HsObject *self)
{
  return new_function (vm, &hs_cfunction_type, def, NULL, self);
}

HsObject *
hs_cfunction_new_method (HsVM *vm, const HsMethodDef *def, const HsType *owner, HsObject *self)
{
  return new_function (vm,
                       (def->flags & HS_METH_SLOT) ? &hs_method_wrapper_type : &hs_cfunction_type,
                       def, owner, self);
}

HsObject *
hs_method_descr_new (const HsMethodDef *def, const HsType *owner)
{
  const HsType *type = (def->flags & HS_METH_CLASS)  ? &hs_classmethod_descr_type
                       : (def->flags & HS_METH_SLOT) ? &hs_wrapper_descr_type
                                                     : &hs_method_descr_type;
  return new_function (NULL, type, def, owner, NULL);
}

HsObject **
hs_method_descrs_new (const HsMethodDef *defs, const HsType *owner)
{
  gsize n = 0;
  while (defs[n].name != NULL)
    n++;
  HsObject **descrs = g_new0 (HsObject *, n + 1);
  for (gsize k = 0; k < n; k++)
    descrs[k] = hs_method_descr_new (&defs[k], owner);
  return descrs;
}

HsObject *
hs_cfunction_call_with_self (HsVM *vm, const HsMethodDef *def, HsObject *self, HsObject **args,
                             gsize nargs, HsObject *kwnames)
{
  gsize total = nargs + (kwnames ? hs_tuple_len (kwnames) : 0);
  HsObject *stack[STACK_ARGS + 1];
  HsObject **argv = total < STACK_ARGS ? stack : g_new (HsObject *, total + 1);
  HsObject *r;

  argv[0] = self;
  if (total > 0)
    memcpy (argv + 1, args, total * sizeof (HsObject *));
  r = def->fn (vm, argv, nargs + 1, kwnames);
  if (argv != stack)
    g_free (argv);
  return r;
}

/* ---- builtin_function_or_method ------------------------------------------------------ */

static void
cfunction_dealloc (HsVM *vm, HsObject *self)
{
  HsCFunctionObject *f = (HsCFunctionObject *)self;
  HS_CLEAR (vm, f->self);
}

static void
cfunction_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsCFunctionObject *f = (HsCFunctionObject *)self;
  if (f->self != NULL)
    hs_visit (visit, f->self, data);
}

/* The class along t's MRO (a class's __mro__, a built-in's bases) whose own namespace holds
 * a method descriptor of def, or NULL. */
static const HsType *
holder_along (const HsType *t, const HsMethodDef *def)
{
  HsObject *mro = (t->type_flags & HS_TYPE_HEAP) ? HS_CLASS (t)->mro : NULL;
  gsize n = mro != NULL ? hs_tuple_len (mro) : G_MAXSIZE;
  for (gsize i = 0; i < n && t != NULL; i++, t = mro != NULL ? NULL : t->base)
    {
      const HsType *c = mro != NULL ? (const HsType *)hs_tuple_get_borrow (mro, i) : t;
      HsObject *d
          = c->dict != NULL ? hs_dict_get_item_cstr_borrow (NULL, c->dict, def->name) : NULL;
      if (d != NULL && (hs_method_descr_check (d) || HS_IS (d, &hs_classmethod_descr_type))
          && ((HsCFunctionObject *)d)->def == def)
        return c;
    }
  return NULL;
}

/* The class that defines f's method: its owner, but for a method of a class a module makes
 * at run time, whose descriptors are made once for every run (their owner object or type:
 * UserDict.fromkeys, Sized.__subclasshook__), the class along the MRO of self (a class
 * method's class) or of self's type that holds it. */
static const HsType *
defining_class (const HsCFunctionObject *f)
{
  const HsType *c = NULL;
  if (f->self == NULL || (f->owner != &hs_object_type && f->owner != &hs_type_type))
    return f->owner;
  if (hs_type_check (f->self))
    c = holder_along ((const HsType *)f->self, f->def);
  if (c == NULL)
    c = holder_along (HS_TYPE (f->self), f->def);
  return c != NULL ? c : f->owner;
}

/* The table's entry when CPython writes this function in Python: a module's (`dataclass`,
 * self NULL) or a class's (`Random.randint`, by its defining class's qualified name, which
 * *cls is set to); NULL otherwise. */
static const HsCPythonFunction *
python_in_cpython (const HsCFunctionObject *f, const HsType **cls)
{
  const HsType *owner = defining_class (f);
  const char *home = owner != NULL ? hs_type_module (owner) : NULL;
  g_autofree char *qualname = NULL;

  if (f->self == NULL && f->owner == NULL)
    {
      home = hs_module_function_home (f->def);
      return home != NULL && home[0] != '\0' ? hs_cpython_function (home, f->def->name) : NULL;
    }
  if (home == NULL)
    return NULL;
  if (cls != NULL)
    *cls = owner;
  qualname = g_strdup_printf ("%s.%s", hs_type_qualname (owner), f->def->name);
  return hs_cpython_function (home, qualname);
}

const HsType *
hs_cfunction_python_type (HsObject *obj)
{
  HsCFunctionObject *f = (HsCFunctionObject *)obj;
  if ((!HS_IS (obj, &hs_cfunction_type) && !HS_IS (obj, &hs_method_descr_type))
      || python_in_cpython (f, NULL) == NULL)
    return obj->type;
  return f->self != NULL ? &hs_method_type : &hs_function_type;
}

/* One CPython writes in Python prints as CPython's function or bound method, with its id as
 * a program's function (an address would differ from run to run in the diagram). */
static HsObject *
cfunction_repr (HsVM *vm, HsObject *self)
{
  HsCFunctionObject *f = (HsCFunctionObject *)self;
  const HsType *cls = NULL;
  gboolean python = python_in_cpython (f, &cls) != NULL;
  HsObject *bound = python && f->self != NULL ? hs_object_repr (vm, f->self) : NULL;
  char *s;
  HsObject *r;

  if (python && f->self == NULL)
    return hs_function_repr_named (vm, f->def->name, self);
  if (python && bound == NULL)
    return NULL;
  else if (python)
    s = g_strdup_printf ("<bound method %s.%s of %s>", hs_type_qualname (cls), f->def->name,
                         hs_str_utf8 (bound));
  else if (f->self == NULL)
    s = g_strdup_printf ("<built-in function %s>", f->def->name);
  else if (f->def->flags & HS_METH_SLOT)
    s = g_strdup_printf ("<method-wrapper '%s' of %s object at %p>", f->def->name,
                         hs_type_name (f->self), hs_object_address (f->self));
  else
    s = g_strdup_printf ("<built-in method %s of %s object at %p>", f->def->name,
                         hs_type_name (f->self), hs_object_address (f->self));
  hs_xdecref (vm, bound);
  r = hs_str_new (vm, s, strlen (s));
  g_free (s);
  return r;
}

static HsObject *
cfunction_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsCFunctionObject *f = (HsCFunctionObject *)self;
  HsObject *r;

  if (f->self != NULL)
    return hs_cfunction_call_with_self (vm, f->def, f->self, args, nargs, kwnames);
  if (!(f->def->flags & HS_METH_O))
    return f->def->fn (vm, args, nargs, kwnames);
  if (!hs_recursion_enter (vm, " while calling a Python object"))
    return NULL;
  r = f->def->fn (vm, args, nargs, kwnames);
  hs_recursion_leave (vm);
  return r;
}

/* CPython's meth_get__qualname__ and descr_get_qualname: a module's function by its name,
 * a method by its class's __qualname__ (the type of self for a bound one: `L().append`
 * is 'L.append' for a subclass L of list). */
static HsObject *
qualname (HsVM *vm, HsCFunctionObject *f)
{
  const HsType *t = f->header.type != &hs_cfunction_type                  ? f->owner
                    : f->self == NULL || HS_IS (f->self, &hs_module_type) ? NULL
                    : hs_type_check (f->self)                             ? (const HsType *)f->self
                                                                          : HS_TYPE (f->self);
  if (t == NULL)
    return hs_str_from_cstr (vm, f->def->name);
  return hs_str_from_format (vm, "%s.%s", hs_type_qualname (t), f->def->name);
}

/* CPython's m_module: a module function's module (builtins' for len), that of a method
 * CPython writes in Python (random.randint), None for another bound method or a function
 * no module made. */
static HsObject *
module_of (HsVM *vm, HsCFunctionObject *f)
{
  const char *home = hs_module_function_home (f->def);
  if (f->self != NULL && HS_IS (f->self, &hs_module_type))
    return hs_incref (((HsModuleObject *)f->self)->name);
  return home != NULL && home[0] != '\0' ? hs_str_from_cstr (vm, home) : hs_incref (hs_None);
}

/* __name__, __qualname__, __module__, a bound method's __self__ and a descriptor's
 * __objclass__, then the type's attributes. */
static HsObject *
cfunction_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsCFunctionObject *f = (HsCFunctionObject *)self;
  const HsType *cls = NULL;
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "__name__") == 0)
    return hs_str_from_cstr (vm, f->def->name);
  if (strcmp (n, "__qualname__") == 0)
    return qualname (vm, f);
  if (strcmp (n, "__module__") == 0 && f->owner != NULL && python_in_cpython (f, &cls) != NULL)
    return hs_str_from_cstr (vm, hs_type_module (cls)); /* Random.randint, Counter.fromkeys */
  if (strcmp (n, "__module__") == 0 && self->type == &hs_cfunction_type)
    return module_of (vm, f);
  if (strcmp (n, "__class__") == 0)
    return hs_incref ((HsObject *)hs_cfunction_python_type (self));
  if (strcmp (n, "__self__") == 0 && f->self != NULL)
    return hs_incref (f->self);
  if (strcmp (n, "__objclass__") == 0 && self->type != &hs_cfunction_type)
    return hs_incref ((HsObject *)f->owner);
  return hs_object_generic_getattr (vm, self, name);
}

HsType hs_cfunction_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "builtin_function_or_method",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsCFunctionObject),
  .dealloc = cfunction_dealloc,
  .refs = cfunction_refs,
  .clear = cfunction_dealloc,
  .repr = cfunction_repr,
  .getattr = cfunction_getattr,
  .call = cfunction_call,
};

HsType hs_method_wrapper_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "method-wrapper",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsCFunctionObject),
  .dealloc = cfunction_dealloc,
  .refs = cfunction_refs,
  .clear = cfunction_dealloc,
  .repr = cfunction_repr,
  .getattr = cfunction_getattr,
  .call = cfunction_call,
};

/* ---- method descriptors --------------------------------------------------------------- */

static HsObject *
descr_repr (HsVM *vm, HsObject *self)
{
  HsCFunctionObject *f = (HsCFunctionObject *)self;
  const HsType *cls = NULL;
  if (python_in_cpython (f, &cls) != NULL)
    {
      g_autofree char *qualname = g_strdup_printf ("%s.%s", hs_type_qualname (cls), f->def->name);
      return hs_function_repr_named (vm, qualname, self);
    }
  char *s = g_strdup_printf ((f->def->flags & HS_METH_SLOT) ? "<slot wrapper '%s' of '%s' objects>"
                                                            : "<method '%s' of '%s' objects>",
                             f->def->name, hs_type_tp_name (f->owner));
  HsObject *r = hs_str_new (vm, s, strlen (s));
  g_free (s);
  return r;
}

/* list.append(lst, x): checks the self argument, then calls the C method directly. */
static HsObject *
descr_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsCFunctionObject *f = (HsCFunctionObject *)self;

  if (nargs == 0)
    {
      hs_err_format (vm, &hs_exc_TypeError, "unbound method %s.%s() needs an argument",
                     f->owner->name, f->def->name);
      return NULL;
    }
  if (!hs_type_is_subtype (HS_TYPE (args[0]), f->owner))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     (f->def->flags & HS_METH_SLOT)
                         ? "descriptor '%s' requires a '%s' object but received a '%s'"
                         : "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                     f->def->name, hs_type_tp_name (f->owner), hs_type_name (args[0]));
      return NULL;
    }
  return f->def->fn (vm, args, nargs, kwnames);
}

HsType hs_method_descr_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "method_descriptor",
  .base = &hs_object_type,
  .basicsize = sizeof (HsCFunctionObject),
  .repr = descr_repr,
  .getattr = cfunction_getattr,
  .call = descr_call,
};

static HsObject *
classdescr_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsCFunctionObject *f = (HsCFunctionObject *)self;
  return hs_cfunction_call_with_self (vm, f->def, (HsObject *)f->owner, args, nargs, kwnames);
}

HsType hs_wrapper_descr_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "wrapper_descriptor",
  .base = &hs_object_type,
  .basicsize = sizeof (HsCFunctionObject),
  .repr = descr_repr,
  .getattr = cfunction_getattr,
  .call = descr_call,
};

HsType hs_classmethod_descr_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "classmethod_descriptor",
  .base = &hs_object_type,
  .basicsize = sizeof (HsCFunctionObject),
  .repr = descr_repr,
  .getattr = cfunction_getattr,
  .call = classdescr_call,
};

/* ---- argument parsing ----------------------------------------------------------------- */

typedef struct
{
  const char *name;
  gsize name_len;
  gboolean required;
  gboolean kwonly;
  gboolean posonly;
} Param;

typedef struct
{
  Param p[MAX_PARAMS];
  gsize n;
  gboolean meth_o; /* "!" style */
  gboolean python; /* "@" style */
  gboolean tuple;  /* "%" style */
  gsize maxpos;    /* parameters that may be given by position */
  gsize minpos;    /* required positional parameters */
  gboolean all_posonly;
} Spec;

static void
spec_parse (const char *spec, Spec *s)
{
  gboolean optional = FALSE, kwonly = FALSE;
  const char *c = spec;

  memset (s, 0, sizeof *s);
  if (*c == '!')
    {
      s->meth_o = TRUE;
      c++;
    }
  else if (*c == '@')
    {
      s->python = TRUE;
      c++;
    }
  else if (*c == '%')
    {
      s->tuple = TRUE;
      c++;
    }
  while (*c)
    {
      if (*c == '|')
        optional = TRUE;
      else if (*c == '$')
        kwonly = TRUE;
      else if (*c == '/')
        for (gsize i = 0; i < s->n; i++)
          s->p[i].posonly = TRUE;
      else if (g_ascii_isalnum (*c) || *c == '_')
        {
          Param *p = &s->p[s->n++];
          g_assert (s->n <= MAX_PARAMS);
          p->name = c;
          while (g_ascii_isalnum (c[1]) || c[1] == '_')
            c++;
          p->name_len = (gsize)(c - p->name) + 1;
          p->required = !optional;
          p->kwonly = kwonly;
        }
      c++;
    }
  s->all_posonly = TRUE;
  for (gsize i = 0; i < s->n; i++)
    {
      if (!s->p[i].kwonly)
        s->maxpos++;
      if (!s->p[i].kwonly && s->p[i].required)
        s->minpos++;
      if (!s->p[i].posonly && !s->meth_o)
        s->all_posonly = FALSE;
    }
}

static const char *
short_name (const char *fname)
{
  const char *dot = strrchr (fname, '.');
  return dot ? dot + 1 : fname;
}

static const char *
plural (gsize n)
{
  return n == 1 ? "" : "s";
}

gboolean
hs_parse_no_kwargs (HsVM *vm, const char *fname, HsObject *kwnames)
{
  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() takes no keyword arguments", fname);
      return FALSE;
    }
  return TRUE;
}

/* METH_O / METH_NOARGS ("!x", ""). */
static gboolean
check_simple (HsVM *vm, const char *fname, const Spec *s, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_no_kwargs (vm, fname, kwnames))
    return FALSE;
  if (s->n == 0 && nargs != 0)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() takes no arguments (%" G_GSIZE_FORMAT " given)",
                     fname, nargs);
      return FALSE;
    }
  if (s->n == 1 && nargs != 1)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s() takes exactly one argument (%" G_GSIZE_FORMAT " given)", fname, nargs);
      return FALSE;
    }
  return TRUE;
}

/* Argument Clinic's positional-only checks. */
static gboolean
check_positional (HsVM *vm, const char *fname, const Spec *s, gsize nargs, HsObject *kwnames)
{
  const char *name = short_name (fname);

  if (!hs_parse_no_kwargs (vm, fname, kwnames))
    return FALSE;
  if (nargs >= s->minpos && nargs <= s->maxpos)
    return TRUE;
  if (s->tuple)
    hs_err_format (vm, &hs_exc_TypeError,
                   "%s() takes %s %" G_GSIZE_FORMAT " argument%s (%" G_GSIZE_FORMAT " given)", name,
                   s->minpos == s->maxpos ? "exactly"
                   : nargs < s->minpos    ? "at least"
                                          : "at most",
                   nargs < s->minpos ? s->minpos : s->maxpos,
                   plural (nargs < s->minpos ? s->minpos : s->maxpos), nargs);
  else if (s->minpos == s->maxpos)
    hs_err_format (vm, &hs_exc_TypeError,
                   "%s expected %" G_GSIZE_FORMAT " argument%s, got %" G_GSIZE_FORMAT, name,
                   s->maxpos, plural (s->maxpos), nargs);
  else if (nargs < s->minpos)
    hs_err_format (vm, &hs_exc_TypeError,
                   "%s expected at least %" G_GSIZE_FORMAT " argument%s, got %" G_GSIZE_FORMAT,
                   name, s->minpos, plural (s->minpos), nargs);
  else
    hs_err_format (vm, &hs_exc_TypeError,
                   "%s expected at most %" G_GSIZE_FORMAT " argument%s, got %" G_GSIZE_FORMAT, name,
                   s->maxpos, plural (s->maxpos), nargs);
  return FALSE;
}

static gssize
find_param (const Spec *s, const char *kw)
{
  gsize len = strlen (kw);
  for (gsize i = 0; i < s->n; i++)
    if (!s->p[i].posonly && s->p[i].name_len == len && memcmp (s->p[i].name, kw, len) == 0)
      return (gssize)i;
  return -1;
}

/* Keyword style: fills slots[] (NULL = not given). */
static gboolean
match_keywords (HsVM *vm, const char *fname, const Spec *s, HsObject **args, gsize nargs,
                HsObject *kwnames, HsObject **slots)
{
  const char *name = short_name (fname);
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;

  if (nargs + nkw > s->n)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s() takes at most %" G_GSIZE_FORMAT " %sargument%s (%" G_GSIZE_FORMAT
                     " given)",
                     name, s->n, nargs == 0 ? "keyword " : "", plural (s->n), nargs + nkw);
      return FALSE;
    }
  if (nargs > s->maxpos)
    {
      if (s->maxpos == 0)
        hs_err_format (vm, &hs_exc_TypeError, "%s() takes no positional arguments", name);
      else
        hs_err_format (vm, &hs_exc_TypeError,
                       "%s() takes %s %" G_GSIZE_FORMAT " positional argument%s (%" G_GSIZE_FORMAT
                       " given)",
                       name, s->minpos < s->maxpos ? "at most" : "exactly", s->maxpos,
                       plural (s->maxpos), nargs);
      return FALSE;
    }
  for (gsize i = 0; i < nargs; i++)
    slots[i] = args[i];
  for (gsize k = 0; k < nkw; k++)
    {
      const char *kw = hs_str_utf8 (hs_tuple_get_borrow (kwnames, k));
      gssize i = find_param (s, kw);
      if (i < 0)
        {
          hs_err_format (vm, &hs_exc_TypeError, "'%s' is an invalid keyword argument for %s()", kw,
                         name);
          return FALSE;
        }
      if (slots[i] != NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         "argument for %s() given by name ('%s') and position (%" G_GSSIZE_FORMAT
                         ")",
                         name, kw, i + 1);
          return FALSE;
        }
      slots[i] = args[nargs + k];
    }
  for (gsize i = 0; i < s->n; i++)
    if (s->p[i].required && slots[i] == NULL)
      {
        hs_err_format (vm, &hs_exc_TypeError,
                       "%s() missing required argument '%.*s' (pos %" G_GSIZE_FORMAT ")", name,
                       (int)s->p[i].name_len, s->p[i].name, i + 1);
        return FALSE;
      }
  return TRUE;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'": the required parameters of kind `kwonly`
 * that no argument filled. */
static gsize
append_missing (GString *out, const Spec *s, HsObject **slots, gboolean kwonly)
{
  gsize n = 0, k = 0;
  for (gsize i = 0; i < s->n; i++)
    n += s->p[i].required && s->p[i].kwonly == kwonly && slots[i] == NULL;
  for (gsize i = 0; i < s->n; i++)
    if (s->p[i].required && s->p[i].kwonly == kwonly && slots[i] == NULL)
      {
        if (k > 0)
          g_string_append (out, n == 2 ? " and " : (k == n - 1 ? ", and " : ", "));
        g_string_append_printf (out, "'%.*s'", (int)s->p[i].name_len, s->p[i].name);
        k++;
      }
  return n;
}

/* The messages of a function CPython writes in Python ("@" spec), in the order its
 * argument binding checks: keywords, then the positional count, then what is missing. */
static gboolean
match_python (HsVM *vm, const char *fname, const Spec *s, HsObject **args, gsize nargs,
              HsObject *kwnames, HsObject **slots)
{
  const char *name = fname; /* a Python function's messages name its __qualname__ */
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;

  for (gsize i = 0; i < MIN (nargs, s->maxpos); i++)
    slots[i] = args[i];
  for (gsize k = 0; k < nkw; k++)
    {
      const char *kw = hs_str_utf8 (hs_tuple_get_borrow (kwnames, k));
      gssize i = find_param (s, kw);
      if (i < 0 || slots[i] != NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         i < 0 ? "%s() got an unexpected keyword argument '%s'"
                               : "%s() got multiple values for argument '%s'",
                         name, kw);
          return FALSE;
        }
      slots[i] = args[nargs + k];
    }
  if (nargs > s->maxpos)
    {
      g_autofree char *takes
          = s->minpos < s->maxpos ? g_strdup_printf ("from %" G_GSIZE_FORMAT " to %" G_GSIZE_FORMAT,
                                                     s->minpos, s->maxpos)
                                  : g_strdup_printf ("%" G_GSIZE_FORMAT, s->maxpos);
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s() takes %s positional argument%s but %" G_GSIZE_FORMAT " %s given", name,
                     takes, plural (s->maxpos), nargs, nargs == 1 ? "was" : "were");
      return FALSE;
    }
  for (int kwonly = 0; kwonly <= 1; kwonly++)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      gsize n = append_missing (names, s, slots, kwonly);
      if (n > 0)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         "%s() missing %" G_GSIZE_FORMAT " required %s argument%s: %s", name, n,
                         kwonly ? "keyword-only" : "positional", plural (n), names->str);
          return FALSE;
        }
    }
  return TRUE;
}

static inline gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* What a positional call needs to know of a spec: how many parameters it names, how many
 * of them are required (SHAPE_NONE: no '|'), whether it is a METH_O spec ('!') and whether
 * it is never bound positionally here (keyword-only parameters all required). A '%' spec
 * differs from a positional-only one in its messages only, which a call binding plainly
 * never gives (str.startswith(p) was parsed whole at every call). */
#define SHAPE_NONE G_MAXUINT16
typedef struct
{
  const char *spec;
  guint16 n;
  guint16 required;
  gboolean meth_o;
  gboolean refused;
} SpecShape;

static void
shape_scan (const char *spec, SpecShape *sh)
{
  *sh = (SpecShape){ spec, 0, SHAPE_NONE, *spec == '!', FALSE };
  for (const char *c = strchr ("!@%", *spec) != NULL && *spec != '\0' ? spec + 1 : spec;
       *c && !sh->refused; c++)
    {
      if (*c == '$') /* keyword-only parameters: none is required after a '|' */
        {
          sh->refused = sh->required == SHAPE_NONE;
          break;
        }
      if (*c == '|')
        sh->required = MIN (sh->required, sh->n);
      if (is_name_char (*c) && (c == spec || !is_name_char (c[-1])))
        sh->n++;
    }
}

/* Specs are string literals, so their address names them: each thread keeps the shapes of
 * the specs it bound last (list.append(x) scanned its spec at every call). */
#define SHAPE_CACHE_SIZE 256
static __thread SpecShape shape_cache[SHAPE_CACHE_SIZE];

static const SpecShape *
spec_shape (const char *spec)
{
  SpecShape *sh = &shape_cache[((guintptr)spec >> 3) % SHAPE_CACHE_SIZE];
  if (sh->spec != spec)
    shape_scan (spec, sh);
  return sh;
}

/* The common call, by position only, every required parameter given and no more than the
 * positional ones (list.append(x), d.get(k, 0), a dataclass's __eq__(other)): it binds as
 * the spec says without parsing it into a Spec. */
static gboolean
plain_positional_call (const char *spec, gsize nargs, HsObject *kwnames)
{
  const SpecShape *sh;

  if (kwnames != NULL)
    return FALSE;
  sh = spec_shape (spec);
  if (sh->refused)
    return FALSE;
  if (sh->meth_o)
    return sh->required == SHAPE_NONE && sh->n == nargs;
  return MIN (sh->required, sh->n) <= nargs && nargs <= sh->n;
}

gboolean
hs_parse_args (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
               const char *spec, ...)
{
  Spec s;
  HsObject *slots[MAX_PARAMS];
  va_list ap;

  if (plain_positional_call (spec, nargs, kwnames))
    {
      va_start (ap, spec);
      for (gsize i = 0; i < nargs; i++)
        *va_arg (ap, HsObject **) = args[i];
      va_end (ap);
      return TRUE;
    }
  memset (slots, 0, sizeof slots); /* not before: the call above is most calls */
  spec_parse (spec, &s);
  if (s.meth_o || s.n == 0)
    {
      if (!check_simple (vm, fname, &s, nargs, kwnames))
        return FALSE;
      for (gsize i = 0; i < nargs; i++)
        slots[i] = args[i];
    }
  else if (s.python)
    {
      if (!match_python (vm, fname, &s, args, nargs, kwnames, slots))
        return FALSE;
    }
  else if (s.all_posonly)
    {
      if (!check_positional (vm, fname, &s, nargs, kwnames))
        return FALSE;
      for (gsize i = 0; i < nargs; i++)
        slots[i] = args[i];
    }
  else if (!match_keywords (vm, fname, &s, args, nargs, kwnames, slots))
    return FALSE;

  va_start (ap, spec);
  for (gsize i = 0; i < s.n; i++)
    {
      HsObject **out = va_arg (ap, HsObject **);
      if (slots[i] != NULL)
        *out = slots[i];
    }
  va_end (ap);
  return TRUE;
}
