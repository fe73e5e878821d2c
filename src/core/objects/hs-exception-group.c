/* hs-exception-group.c — BaseExceptionGroup and ExceptionGroup (PEP 654), as CPython 3.11's
 * Objects/exceptions.c makes them, and the two steps of `except*` (CHECK_EG_MATCH's match
 * and PREP_RERAISE_STAR's re-raise).
 *
 * Invariant: a group is an HsException followed by its message (a str) and its exceptions
 * (a non-empty tuple of exceptions); its args stay what the program passed. ExceptionGroup's
 * MRO is (ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object): static types
 * have one base, so BaseExceptionGroup's base is Exception, and HS_TYPE_MIXIN_BASE keeps
 * Exception out of BaseExceptionGroup's own MRO. A split part carries its group's metadata
 * (traceback, cause, context, notes), as CPython's exception_group_set_metadata.
 */
#include "config.h"

#include <string.h>

#include "hs-exception-group.h"

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsException exc;
  HsObject *msg;  /* str */
  HsObject *excs; /* tuple of exceptions, not empty */
} HsExceptionGroup;

#define HS_EG(o) ((HsExceptionGroup *)(o))

gboolean
hs_exception_group_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_exc_BaseExceptionGroup);
}

HsObject *
hs_exception_group_excs (HsObject *eg)
{
  return HS_EG (eg)->excs;
}

/* ---- the object ---------------------------------------------------------------------- */

static void (*exc_refs) (HsObject *self, HsVisitFn visit, gpointer data);
static void (*exc_clear) (HsVM *vm, HsObject *self);
static void (*exc_dealloc) (HsVM *vm, HsObject *self);

static void
eg_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  exc_refs (self, visit, data);
  if (HS_EG (self)->msg != NULL)
    hs_visit_named (visit, HS_EG (self)->msg, HS_REF_ATTR, "message", data);
  if (HS_EG (self)->excs != NULL)
    hs_visit_named (visit, HS_EG (self)->excs, HS_REF_ATTR, "exceptions", data);
}

static void
eg_clear (HsVM *vm, HsObject *self)
{
  exc_clear (vm, self);
  HS_CLEAR (vm, HS_EG (self)->msg);
  HS_CLEAR (vm, HS_EG (self)->excs);
}

static void
eg_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, HS_EG (self)->msg);
  HS_CLEAR (vm, HS_EG (self)->excs);
  exc_dealloc (vm, self);
}

/* The tuple of the exceptions a group is made of (a new reference; CPython's
 * PySequence_Tuple: a tuple is itself), with CPython's TypeErrors and ValueError. */
static HsObject *
exceptions_tuple (HsVM *vm, HsObject *seq)
{
  HsObject *t;
  if (!hs_tuple_check (seq) && !hs_list_check (seq))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "second argument (exceptions) must be a sequence");
      return NULL;
    }
  t = HS_IS (seq, &hs_tuple_type) ? hs_incref (seq) : hs_tuple_from_iterable (vm, seq);
  if (t == NULL)
    return NULL;
  if (hs_tuple_len (t) == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "second argument (exceptions) must be a non-empty sequence");
      HS_CLEAR (vm, t);
    }
  for (gsize i = 0; t != NULL && i < hs_tuple_len (t); i++)
    if (!hs_exception_check (hs_tuple_get_borrow (t, i)))
      {
        hs_err_format (vm, &hs_exc_ValueError,
                       "Item %" G_GSIZE_FORMAT " of second argument (exceptions) is not an "
                       "exception",
                       i);
        HS_CLEAR (vm, t);
      }
  return t;
}

/* The type a group of excs is made as: BaseExceptionGroup becomes ExceptionGroup when all
 * are Exceptions; an Exception's group may hold no other BaseException. NULL: TypeError. */
static HsType *
group_type (HsVM *vm, HsType *type, HsObject *excs)
{
  gboolean all_exceptions = TRUE;
  for (gsize i = 0; i < hs_tuple_len (excs); i++)
    all_exceptions
        = all_exceptions && HS_ISINSTANCE (hs_tuple_get_borrow (excs, i), &hs_exc_Exception);
  if (type == &hs_exc_BaseExceptionGroup)
    return all_exceptions ? &hs_exc_ExceptionGroup : type;
  if (all_exceptions || !hs_type_is_subtype (type, &hs_exc_Exception))
    return type;
  if (type == &hs_exc_ExceptionGroup)
    hs_err_set_string (vm, &hs_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  else
    hs_err_format (vm, &hs_exc_TypeError, "Cannot nest BaseExceptions in '%s'", type->name);
  return NULL;
}

static HsObject *
eg_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *excs, *eg, *argt;
  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() takes no keyword arguments", type->name);
      return NULL;
    }
  if (nargs != 2)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "BaseExceptionGroup.__new__() takes exactly 2 arguments (%" G_GSIZE_FORMAT
                     " given)",
                     nargs);
      return NULL;
    }
  if (!hs_str_check (args[0]))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                     hs_type_name (args[0]));
      return NULL;
    }
  if ((excs = exceptions_tuple (vm, args[1])) == NULL)
    return NULL;
  if ((type = group_type (vm, type, excs)) == NULL
      || (argt = hs_tuple_from_array (vm, args, 2)) == NULL)
    {
      hs_decref (vm, excs);
      return NULL;
    }
  eg = hs_exception_new (vm, type, argt);
  hs_decref (vm, argt);
  if (eg == NULL)
    {
      hs_decref (vm, excs);
      return NULL;
    }
  HS_EG (eg)->msg = hs_incref (args[0]);
  HS_EG (eg)->excs = excs;
  return eg;
}

/* "msg (2 sub-exceptions)" */
static HsObject *
eg_str (HsVM *vm, HsObject *self)
{
  gsize n = hs_tuple_len (HS_EG (self)->excs);
  return hs_str_from_format (vm, "%s (%" G_GSIZE_FORMAT " sub-exception%s)",
                             hs_str_utf8 (HS_EG (self)->msg), n, n == 1 ? "" : "s");
}

static HsObject *
eg_str_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__str__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return eg_str (vm, args[0]);
}

static HsObject *
eg_field_get (HsVM *vm, HsObject *self, HsObject *name)
{
  return hs_incref (strcmp (hs_str_utf8 (name), "message") == 0 ? HS_EG (self)->msg
                                                                : HS_EG (self)->excs);
}

/* ---- derive, split, subgroup ------------------------------------------------------- */

/* eg.derive(excs): BaseExceptionGroup(eg.message, excs) */
static HsObject *
eg_derive (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *excs;
  if (!hs_parse_args (vm, "derive", args + 1, nargs - 1, kwnames, "!excs", &excs))
    return NULL;
  HsObject *cargs[2] = { HS_EG (args[0])->msg, excs };
  return eg_construct (vm, &hs_exc_BaseExceptionGroup, cargs, 2, NULL);
}

typedef enum
{
  MATCH_BY_TYPE,      /* an exception type or a tuple of them */
  MATCH_BY_PREDICATE, /* a callable */
  MATCH_INSTANCE_IDS, /* a set of leaves, as a GHashTable (PREP_RERAISE_STAR) */
} MatchKind;

typedef struct
{
  MatchKind kind;
  HsObject *value;
  GHashTable *ids;
} Matcher;

static gboolean
is_exception_type (HsObject *o)
{
  return hs_type_check (o) && hs_type_is_subtype ((HsType *)o, &hs_exc_BaseException);
}

static gboolean
matcher_init (HsVM *vm, HsObject *value, Matcher *m)
{
  gboolean types = hs_tuple_check (value) || is_exception_type (value);
  for (gsize i = 0; hs_tuple_check (value) && i < hs_tuple_len (value); i++)
    types = types && is_exception_type (hs_tuple_get_borrow (value, i));
  *m = (Matcher){ types ? MATCH_BY_TYPE : MATCH_BY_PREDICATE, value, NULL };
  if (types || (!hs_type_check (value) && value->type->call != NULL))
    return TRUE;
  hs_err_set_string (vm, &hs_exc_TypeError,
                     "expected an exception type, a tuple of exception types, or a callable (other "
                     "than a class)");
  return FALSE;
}

/* 1 when exc matches, 0 when not, -1 on error */
static int
matches (HsVM *vm, HsObject *exc, const Matcher *m)
{
  if (m->kind == MATCH_INSTANCE_IDS)
    return g_hash_table_contains (m->ids, exc);
  if (m->kind == MATCH_BY_PREDICATE)
    {
      HsObject *r = hs_object_call (vm, m->value, &exc, 1, NULL);
      int t = r != NULL ? hs_object_truth (vm, r) : -1;
      hs_xdecref (vm, r);
      return t;
    }
  if (!hs_tuple_check (m->value))
    return HS_ISINSTANCE (exc, (HsType *)m->value);
  for (gsize i = 0; i < hs_tuple_len (m->value); i++)
    if (HS_ISINSTANCE (exc, (HsType *)hs_tuple_get_borrow (m->value, i)))
      return 1;
  return 0;
}

/* Gives `to` the traceback, cause, context and a copy of the notes of `from`. */
static int
copy_metadata (HsVM *vm, HsObject *to, HsObject *from)
{
  HsException *t = HS_EXCEPTION (to), *f = HS_EXCEPTION (from);
  HsObject *notes_name = hs_str_intern_cstr ("__notes__"), *notes, *copy;
  /* the same traceback object, as CPython's */
  HsObject *tb = hs_exception_traceback_object (vm, from);
  if (tb == NULL)
    return -1;
  hs_decref (vm, tb);
  HS_CLEAR (vm, t->cause);
  HS_CLEAR (vm, t->context);
  HS_CLEAR (vm, t->tb_object);
  t->cause = f->cause != NULL ? hs_incref (f->cause) : NULL;
  t->context = f->context != NULL ? hs_incref (f->context) : NULL;
  t->suppress_context = f->suppress_context;
  t->tb_object = f->tb_object != NULL ? hs_incref (f->tb_object) : NULL;
  t->tb_len = f->tb_len;
  if (t->traceback != NULL)
    g_array_free (t->traceback, TRUE);
  t->traceback = f->traceback != NULL ? g_array_copy (f->traceback) : NULL;
  hs_object_mark_dirty (vm, to);
  if ((notes = hs_object_getattr (vm, from, notes_name)) == NULL)
    {
      hs_err_clear (vm);
      return 0;
    }
  copy = hs_tuple_check (notes) || hs_list_check (notes) ? hs_list_from_iterable (vm, notes) : NULL;
  hs_decref (vm, notes);
  if (copy == NULL)
    return hs_err_occurred (vm) ? -1 : 0;
  int r = hs_object_setattr (vm, to, notes_name, copy);
  hs_decref (vm, copy);
  return r;
}

/* eg.derive(parts) with eg's metadata; NULL without error when parts is empty. */
static HsObject *
derive_part (HsVM *vm, HsObject *eg, HsObject *parts)
{
  if (hs_list_len (parts) == 0)
    return NULL;
  HsObject *d = hs_object_call_method (vm, eg, "derive", &parts, 1, NULL);
  if (d != NULL && !hs_exception_group_check (d))
    {
      hs_err_format (vm, &hs_exc_TypeError, "derive must return an instance of BaseExceptionGroup");
      HS_CLEAR (vm, d);
    }
  if (d != NULL && copy_metadata (vm, d, eg) < 0)
    HS_CLEAR (vm, d);
  return d;
}

/* CPython's exceptiongroup_split_recursive: *match and *rest (NULL: none; rest only when
 * asked) as new references. -1 on error. */
static int
split_recursive (HsVM *vm, HsObject *exc, const Matcher *m, gboolean want_rest, HsObject **match,
                 HsObject **rest)
{
  int r = matches (vm, exc, m);
  *match = *rest = NULL;
  if (r != 0)
    {
      if (r > 0)
        *match = hs_incref (exc);
      return r < 0 ? -1 : 0;
    }
  if (!hs_exception_group_check (exc))
    {
      if (want_rest)
        *rest = hs_incref (exc);
      return 0;
    }
  HsObject *excs = HS_EG (exc)->excs;
  HsObject *matched = hs_list_new (vm, 0), *rests = hs_list_new (vm, 0);
  int ok = matched != NULL && rests != NULL ? 0 : -1;
  for (gsize i = 0; ok == 0 && i < hs_tuple_len (excs); i++)
    {
      HsObject *im, *ir;
      ok = split_recursive (vm, hs_tuple_get_borrow (excs, i), m, want_rest, &im, &ir);
      if (ok == 0 && im != NULL)
        ok = hs_list_append (vm, matched, im);
      if (ok == 0 && ir != NULL)
        ok = hs_list_append (vm, rests, ir);
      hs_xdecref (vm, im);
      hs_xdecref (vm, ir);
    }
  if (ok == 0)
    {
      *match = derive_part (vm, exc, matched);
      ok = hs_err_occurred (vm) ? -1 : 0;
    }
  if (ok == 0 && want_rest)
    {
      *rest = derive_part (vm, exc, rests);
      ok = hs_err_occurred (vm) ? -1 : 0;
    }
  if (ok < 0)
    {
      HS_CLEAR (vm, *match);
      HS_CLEAR (vm, *rest);
    }
  hs_xdecref (vm, matched);
  hs_xdecref (vm, rests);
  return ok;
}

static HsObject *
split_or_subgroup (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean split)
{
  HsObject *condition, *match, *rest, *r;
  Matcher m;
  if (!hs_parse_args (vm, split ? "split" : "subgroup", args + 1, nargs - 1, kwnames,
                      "!matcher_value", &condition)
      || !matcher_init (vm, condition, &m)
      || split_recursive (vm, args[0], &m, split, &match, &rest) < 0)
    return NULL;
  if (!split)
    return match != NULL ? match : hs_None;
  r = hs_tuple_pack (vm, 2, match != NULL ? match : hs_None, rest != NULL ? rest : hs_None);
  hs_xdecref (vm, match);
  hs_xdecref (vm, rest);
  return r;
}

HS_CFUNCTION_VARIANT (eg_split, split_or_subgroup, TRUE)
HS_CFUNCTION_VARIANT (eg_subgroup, split_or_subgroup, FALSE)

/* ---- except* ------------------------------------------------------------------------- */

int
hs_exception_group_check_star_type (HsVM *vm, HsObject *type)
{
  gsize n = hs_tuple_check (type) ? hs_tuple_len (type) : 1;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *t = hs_tuple_check (type) ? hs_tuple_get_borrow (type, i) : type;
      if (!is_exception_type (t))
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "catching classes that do not inherit from BaseException is not "
                             "allowed");
          return -1;
        }
      if (hs_type_is_subtype ((HsType *)t, &hs_exc_BaseExceptionGroup))
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "catching ExceptionGroup with except* is not allowed. Use except "
                             "instead.");
          return -1;
        }
    }
  return 0;
}

static int
group_match (HsVM *vm, HsObject *exc, HsObject *type, HsObject **match, HsObject **rest)
{
  Matcher m = { MATCH_BY_TYPE, type, NULL };
  int r = matches (vm, exc, &m);
  *match = *rest = NULL;
  if (r > 0 && hs_exception_group_check (exc))
    *match = hs_incref (exc);
  else if (r > 0)
    {
      /* a naked exception is wrapped, keeping its traceback */
      HsObject *args[2] = { hs_str_intern_cstr (""), NULL };
      if ((args[1] = hs_tuple_pack (vm, 1, exc)) == NULL)
        return -1;
      *match = eg_construct (vm, &hs_exc_BaseExceptionGroup, args, 2, NULL);
      hs_decref (vm, args[1]);
      if (*match == NULL)
        return -1;
      HsException *w = HS_EXCEPTION (*match), *e = HS_EXCEPTION (exc);
      w->traceback = e->traceback != NULL ? g_array_copy (e->traceback) : NULL;
      w->tb_object = e->tb_object != NULL ? hs_incref (e->tb_object) : NULL;
      w->tb_len = e->tb_len;
    }
  else if (r == 0 && hs_exception_group_check (exc))
    return split_recursive (vm, exc, &m, TRUE, match, rest);
  return r < 0 ? -1 : 0;
}

int
hs_exception_group_star_match (HsVM *vm, HsObject **exc, HsObject *type, HsObject **match)
{
  HsObject *rest;
  *match = hs_None;
  if (hs_exception_group_check_star_type (vm, type) < 0
      || group_match (vm, *exc, type, match, &rest) < 0)
    return -1;
  if (*match == NULL)
    {
      hs_xdecref (vm, rest);
      *match = hs_None;
      return 0;
    }
  hs_decref (vm, *exc);
  *exc = rest != NULL ? rest : hs_None;
  return 0;
}

/* Whether two exceptions carry the same traceback, cause and context: a part of the
 * original group re-raised (CPython's is_same_exception_metadata; our tracebacks are
 * arrays, compared by their entries). */
static gboolean
same_metadata (HsObject *a, HsObject *b)
{
  HsException *e1 = HS_EXCEPTION (a), *e2 = HS_EXCEPTION (b);
  guint n1 = e1->traceback != NULL ? e1->traceback->len : 0;
  guint n2 = e2->traceback != NULL ? e2->traceback->len : 0;
  return e1->cause == e2->cause && e1->context == e2->context && n1 == n2
         && (n1 == 0
             || memcmp (e1->traceback->data, e2->traceback->data, n1 * sizeof (HsTracebackEntry))
                    == 0);
}

static void
collect_leaves (HsObject *exc, GHashTable *ids)
{
  if (!hs_exception_group_check (exc))
    {
      g_hash_table_add (ids, exc);
      return;
    }
  for (gsize i = 0; i < hs_tuple_len (HS_EG (exc)->excs); i++)
    collect_leaves (hs_tuple_get_borrow (HS_EG (exc)->excs, i), ids);
}

/* The part of orig whose leaves are among those of keep (CPython's
 * exception_group_projection); NULL when none or on error. */
static HsObject *
projection (HsVM *vm, HsObject *orig, HsObject *keep)
{
  GHashTable *ids = g_hash_table_new (NULL, NULL);
  Matcher m = { MATCH_INSTANCE_IDS, NULL, ids };
  HsObject *match = NULL, *rest;
  for (gsize i = 0; i < hs_list_len (keep); i++)
    collect_leaves (hs_list_get_borrow (keep, i), ids);
  if (g_hash_table_size (ids) > 0)
    split_recursive (vm, orig, &m, FALSE, &match, &rest);
  g_hash_table_unref (ids);
  return match;
}

HsObject *
hs_exception_group_prep_reraise (HsVM *vm, HsObject *orig, HsObject *excs)
{
  gsize n = hs_list_len (excs);
  if (n == 0)
    return hs_None;
  if (!hs_exception_group_check (orig))
    /* a naked exception was caught and wrapped: one except* clause ran at most */
    return hs_incref (hs_list_get_borrow (excs, 0));
  HsObject *raised = hs_list_new (vm, 0), *reraised = hs_list_new (vm, 0), *r = NULL;
  int ok = raised != NULL && reraised != NULL ? 0 : -1;
  for (gsize i = 0; ok == 0 && i < n; i++)
    {
      HsObject *e = hs_list_get_borrow (excs, i);
      if (e != hs_None)
        ok = hs_list_append (vm, same_metadata (e, orig) ? reraised : raised, e);
    }
  HsObject *kept = ok == 0 ? projection (vm, orig, reraised) : NULL;
  if (ok == 0 && !hs_err_occurred (vm))
    {
      if (kept != NULL && hs_list_len (raised) > 0)
        ok = hs_list_append (vm, raised, kept);
      if (ok == 0 && hs_list_len (raised) == 0)
        r = hs_incref (kept != NULL ? kept : hs_None);
      else if (ok == 0 && hs_list_len (raised) == 1)
        r = hs_incref (hs_list_get_borrow (raised, 0));
      else if (ok == 0)
        {
          HsObject *args[2] = { hs_str_intern_cstr (""), raised };
          r = eg_construct (vm, &hs_exc_BaseExceptionGroup, args, 2, NULL);
        }
    }
  hs_xdecref (vm, kept);
  hs_xdecref (vm, raised);
  hs_xdecref (vm, reraised);
  return r;
}

/* ---- the types ------------------------------------------------------------------------ */

static const HsMethodDef eg_methods[] = {
  { "__str__", eg_str_method, HS_METH_SLOT },
  { "derive", eg_derive },
  { "split", eg_split },
  { "subgroup", eg_subgroup },
  { NULL, NULL },
};

void
hs_exception_group_runtime_init (void)
{
  HsType *types[] = { &hs_exc_BaseExceptionGroup, &hs_exc_ExceptionGroup };
  exc_refs = hs_exc_BaseException.refs;
  exc_clear = hs_exc_BaseException.clear;
  exc_dealloc = hs_exc_BaseException.dealloc;
  hs_exc_BaseExceptionGroup.type_flags |= HS_TYPE_MIXIN_BASE;
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    {
      types[i]->basicsize = sizeof (HsExceptionGroup);
      types[i]->refs = eg_refs;
      types[i]->clear = eg_clear;
      types[i]->dealloc = eg_dealloc;
      types[i]->str = eg_str;
      types[i]->construct = eg_construct;
    }
  hs_exc_BaseExceptionGroup.methods = eg_methods;
}

void
hs_exception_group_runtime_ready (void)
{
  hs_getset_install (&hs_exc_BaseExceptionGroup, "message exceptions", eg_field_get, NULL);
}
