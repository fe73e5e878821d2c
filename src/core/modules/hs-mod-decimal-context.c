/* hs-mod-decimal-context.c — the `decimal` module's Context, localcontext() and the
 * module itself (its signal classes, constants and template contexts); Decimal and its
 * arithmetic are hs-mod-decimal.c.
 *
 * Invariant: the current context is the module dict's hidden entry CONTEXT_KEY, a Context
 * the program may hold and change; a ContextManager holds the context its with block makes
 * current and the one it replaced, put back by __exit__.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-namedtuple.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

#include "hs-decimal.h"

static HsType manager_type;

/* ---- SignalDict: ctx.flags and ctx.traps ------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsContext *ctx; /* not counted (it holds this dict); NULL once freed, then `own` */
  gboolean traps;
  guint own;
} HsSignalDict;

static HsType signal_dict_type;

#define SD(o) ((HsSignalDict *)(o))

static guint *
sd_word (HsObject *self)
{
  HsSignalDict *d = SD (self);
  if (d->ctx == NULL)
    return &d->own;
  return d->traps ? &d->ctx->traps : &d->ctx->flags;
}

HsObject *
hs_decimal_signal_dict_new (HsVM *vm, HsContext *ctx, gboolean traps)
{
  HsSignalDict *d = (HsSignalDict *)hs_object_alloc (vm, &signal_dict_type, sizeof (HsSignalDict));
  if (d == NULL)
    return NULL;
  d->ctx = ctx;
  d->traps = traps;
  d->own = 0;
  return &d->header;
}

/* The signal class i of the module (borrowed), or NULL */
static HsObject *
signal_class (HsVM *vm, int i)
{
  HsObject *d = hs_decimal_module_dict (vm);
  return d != NULL ? hs_dict_get_item_cstr_borrow (vm, d, hs_decimal_signal_names[i]) : NULL;
}

/* The signal bit of key, or 0 with CPython's KeyError */
static guint
signal_of (HsVM *vm, HsObject *key)
{
  for (int i = 0; i < (int)G_N_ELEMENTS (hs_decimal_signal_names); i++)
    if (key == signal_class (vm, i))
      return 1u << i;
  HsObject *msg = hs_str_from_cstr (vm, "valid values for signals are:\n"
                                        "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                                        "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                                        "   Clamped]");
  if (msg != NULL)
    {
      hs_err_set_key (vm, msg);
      hs_decref (vm, msg);
    }
  return 0;
}

static HsObject *
sd_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  guint bit = signal_of (vm, key);
  if (bit == 0)
    return NULL;
  return hs_incref (hs_bool_from ((*sd_word (self) & bit) != 0));
}

static int
sd_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  guint bit;
  int t;
  if (value == NULL)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "signal keys cannot be deleted");
      return -1;
    }
  bit = signal_of (vm, key);
  if (bit == 0 || (t = hs_object_truth (vm, value)) < 0)
    return -1;
  if (t)
    *sd_word (self) |= bit;
  else
    *sd_word (self) &= ~bit;
  return 0;
}

static int
sd_contains (HsVM *vm, HsObject *self, HsObject *key)
{
  for (int i = 0; i < (int)G_N_ELEMENTS (hs_decimal_signal_names); i++)
    if (key == signal_class (vm, i))
      return 1;
  return 0;
}

static gssize
sd_len (HsVM *vm, HsObject *self)
{
  return G_N_ELEMENTS (hs_decimal_signal_names);
}

/* {class: bool} of the signals, in CPython's order */
static HsObject *
sd_as_dict (HsVM *vm, HsObject *self)
{
  HsObject *d = hs_dict_new (vm);
  for (int i = 0; d != NULL && i < (int)G_N_ELEMENTS (hs_decimal_signal_names); i++)
    {
      HsObject *c = signal_class (vm, i);
      if (c != NULL
          && hs_dict_set_item (vm, d, c, hs_bool_from ((*sd_word (self) & (1u << i)) != 0)) < 0)
        HS_CLEAR (vm, d);
    }
  return d;
}

/* an iterator over the tuple of the signal classes, as CPython's */
static HsObject *
sd_iter (HsVM *vm, HsObject *self)
{
  HsObject *c[G_N_ELEMENTS (hs_decimal_signal_names)];
  for (int i = 0; i < (int)G_N_ELEMENTS (hs_decimal_signal_names); i++)
    if ((c[i] = signal_class (vm, i)) == NULL)
      {
        hs_err_set_string (vm, &hs_exc_RuntimeError, "the decimal module's signals are gone");
        return NULL;
      }
  HsObject *t = hs_tuple_from_array (vm, c, G_N_ELEMENTS (c));
  HsObject *it = t != NULL ? hs_object_iter (vm, t) : NULL;
  hs_xdecref (vm, t);
  return it;
}

static HsObject *
sd_repr (HsVM *vm, HsObject *self)
{
  GString *s = g_string_new ("{");
  for (int i = 0; i < (int)G_N_ELEMENTS (hs_decimal_signal_names); i++)
    g_string_append_printf (s, "%s<class 'decimal.%s'>:%s", i > 0 ? ", " : "",
                            hs_decimal_signal_names[i],
                            (*sd_word (self) & (1u << i)) != 0 ? "True" : "False");
  g_string_append_c (s, '}');
  HsObject *r = hs_str_new (vm, s->str, s->len);
  g_string_free (s, TRUE);
  return r;
}

static HsObject *
sd_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *x, *y, *r;
  if ((op != HS_CMP_EQ && op != HS_CMP_NE)
      || !(HS_ISINSTANCE (b, &signal_dict_type) || HS_ISINSTANCE (b, &hs_dict_type)))
    return hs_incref (hs_NotImplemented);
  x = sd_as_dict (vm, a);
  y = HS_ISINSTANCE (b, &signal_dict_type) ? sd_as_dict (vm, b) : hs_incref (b);
  r = x != NULL && y != NULL ? hs_object_richcompare (vm, x, y, op) : NULL;
  hs_xdecref (vm, x);
  hs_xdecref (vm, y);
  return r;
}

static HsObject *
m_sd_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_decimal_no_args (vm, "copy", nargs, kwnames))
    return NULL;
  return sd_as_dict (vm, args[0]);
}

/* keys(), values(), items(): the views of a copy (CPython's are the Mapping's views) */
static HsObject *
sd_view (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
         HsObject *(*view) (HsVM *, HsObject *))
{
  if (!hs_decimal_no_args (vm, name, nargs, kwnames))
    return NULL;
  HsObject *d = sd_as_dict (vm, args[0]);
  HsObject *r = d != NULL ? view (vm, d) : NULL;
  hs_xdecref (vm, d);
  return r;
}

static HsObject *
m_sd_keys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return sd_view (vm, args, nargs, kwnames, "keys", hs_dict_keys);
}

static HsObject *
m_sd_values (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return sd_view (vm, args, nargs, kwnames, "values", hs_dict_values);
}

static HsObject *
m_sd_items (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return sd_view (vm, args, nargs, kwnames, "items", hs_dict_items);
}

static HsObject *
m_sd_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key, *dflt = hs_None;
  if (!hs_parse_args (vm, "get", args + 1, nargs - 1, kwnames, "key|default /", &key, &dflt))
    return NULL;
  if (sd_contains (vm, args[0], key))
    return sd_getitem (vm, args[0], key);
  return hs_incref (dflt);
}

static const HsMethodDef signal_dict_methods[] = {
  { "copy", m_sd_copy },   { "keys", m_sd_keys }, { "values", m_sd_values },
  { "items", m_sd_items }, { "get", m_sd_get },   { NULL, NULL },
};

static HsType signal_dict_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "SignalDict",
  .module = "decimal",
  .tp_name = "decimal.SignalDict",
  .base = &hs_object_type,
  .basicsize = sizeof (HsSignalDict),
  .repr = sd_repr,
  .richcompare = sd_richcompare,
  .len = sd_len,
  .getitem = sd_getitem,
  .setitem = sd_setitem,
  .contains = sd_contains,
  .iter = sd_iter,
  .methods = signal_dict_methods,
};

/* The signals a Context() argument or a ctx.traps assignment names: a dict of every signal
 * to a bool, or (`list_ok`) a list of signals; FALSE with CPython's error */
static gboolean
signals_from (HsVM *vm, HsObject *v, gboolean list_ok, guint *out)
{
  *out = 0;
  if (HS_ISINSTANCE (v, &signal_dict_type))
    {
      *out = *sd_word (v);
      return TRUE;
    }
  if (list_ok && (hs_list_check (v) || HS_ISINSTANCE (v, &hs_tuple_type)))
    {
      HsObject *t = hs_list_check (v) ? hs_list_as_tuple (vm, v) : hs_incref (v);
      gboolean ok = t != NULL;
      for (gsize i = 0; ok && i < hs_tuple_len (t); i++)
        {
          guint bit = signal_of (vm, hs_tuple_get_borrow (t, i));
          ok = bit != 0;
          *out |= bit;
        }
      hs_xdecref (vm, t);
      return ok;
    }
  if (!HS_ISINSTANCE (v, &hs_dict_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "argument must be a signal dict");
      return FALSE;
    }
  if (hs_dict_len (v) != G_N_ELEMENTS (hs_decimal_signal_names))
    goto invalid;
  for (int i = 0; i < (int)G_N_ELEMENTS (hs_decimal_signal_names); i++)
    {
      HsObject *c = signal_class (vm, i);
      HsObject *b = c != NULL ? hs_dict_get_item_borrow (vm, v, c) : NULL;
      int t;
      if (b == NULL)
        goto invalid;
      if ((t = hs_object_truth (vm, b)) < 0)
        return FALSE;
      if (t)
        *out |= 1u << i;
    }
  return TRUE;
invalid:
  if (!hs_err_occurred (vm))
    {
      HsObject *msg = hs_str_from_cstr (vm, "invalid signal dict");
      if (msg != NULL)
        {
          hs_err_set_key (vm, msg);
          hs_decref (vm, msg);
        }
    }
  return FALSE;
}

/* ---- Context ------------------------------------------------------------------------------ */

/* The signals of `set` as CPython's Context repr lists them, in its own order */
static void
signal_list (GString *s, guint set)
{
  static const guint order[] = { S_INVALID,  S_CLAMPED, S_DIVZERO,   S_INEXACT,  S_FLOAT,
                                 S_OVERFLOW, S_ROUNDED, S_SUBNORMAL, S_UNDERFLOW };
  gboolean first = TRUE;
  g_string_append_c (s, '[');
  for (gsize k = 0; k < G_N_ELEMENTS (order); k++)
    if (set & order[k])
      {
        int i = 0;
        while (!(order[k] & (1u << i)))
          i++;
        g_string_append_printf (s, "%s%s", first ? "" : ", ", hs_decimal_signal_names[i]);
        first = FALSE;
      }
  g_string_append_c (s, ']');
}

static HsObject *
context_repr (HsVM *vm, HsObject *self)
{
  HsContext *c = CTX (self);
  GString *s = g_string_new (NULL);
  g_string_append_printf (s,
                          "Context(prec=%" G_GINT64_FORMAT ", rounding=%s, Emin=%" G_GINT64_FORMAT
                          ", Emax=%" G_GINT64_FORMAT ", capitals=%d, clamp=%d, flags=",
                          c->prec, hs_decimal_rounding_names[c->rounding], c->emin, c->emax,
                          c->capitals, c->clamp);
  signal_list (s, c->flags);
  g_string_append (s, ", traps=");
  signal_list (s, c->traps);
  g_string_append_c (s, ')');
  HsObject *r = hs_str_new (vm, s->str, s->len);
  g_string_free (s, TRUE);
  return r;
}

static HsObject *
context_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsContext *c = CTX (self);
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "prec") == 0)
    return hs_int_from_i64 (vm, c->prec);
  if (strcmp (n, "rounding") == 0)
    return hs_str_from_cstr (vm, hs_decimal_rounding_names[c->rounding]);
  if (strcmp (n, "Emin") == 0)
    return hs_int_from_i64 (vm, c->emin);
  if (strcmp (n, "Emax") == 0)
    return hs_int_from_i64 (vm, c->emax);
  if (strcmp (n, "capitals") == 0)
    return hs_int_from_i64 (vm, c->capitals);
  if (strcmp (n, "clamp") == 0)
    return hs_int_from_i64 (vm, c->clamp);
  if (strcmp (n, "flags") == 0)
    return hs_incref (c->flags_dict);
  if (strcmp (n, "traps") == 0)
    return hs_incref (c->traps_dict);
  return hs_object_generic_getattr (vm, self, name);
}

/* An int attribute's value in [lo, hi], or FALSE with CPython's error */
static gboolean
int_in (HsVM *vm, HsObject *v, gint64 lo, gint64 hi, const char *msg, gint64 *out)
{
  if (!hs_int_check (v))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "an integer is required");
      return FALSE;
    }
  if (!hs_int_as_i64 (v, out) || *out < lo || *out > hi)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, msg);
      return FALSE;
    }
  return TRUE;
}

static int
context_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsContext *c = CTX (self);
  const char *n = hs_str_utf8 (name);
  gint64 v;
  if (value == NULL)
    {
      hs_err_set_string (vm, &hs_exc_AttributeError, "context attributes cannot be deleted");
      return -1;
    }
  if (strcmp (n, "prec") == 0)
    {
      if (!int_in (vm, value, 1, G_GINT64_CONSTANT (999999999999999999),
                   "valid range for prec is [1, MAX_PREC]", &v))
        return -1;
      c->prec = v;
    }
  else if (strcmp (n, "rounding") == 0)
    {
      int r = hs_decimal_rounding_of (vm, value);
      if (r < 0)
        return -1;
      c->rounding = r;
    }
  else if (strcmp (n, "Emin") == 0)
    {
      if (!int_in (vm, value, G_GINT64_CONSTANT (-999999999999999999), 0,
                   "valid range for Emin is [MIN_EMIN, 0]", &v))
        return -1;
      c->emin = v;
    }
  else if (strcmp (n, "Emax") == 0)
    {
      if (!int_in (vm, value, 0, G_GINT64_CONSTANT (999999999999999999),
                   "valid range for Emax is [0, MAX_EMAX]", &v))
        return -1;
      c->emax = v;
    }
  else if (strcmp (n, "capitals") == 0)
    {
      if (!int_in (vm, value, 0, 1, "valid values for capitals are 0 or 1", &v))
        return -1;
      c->capitals = (int)v;
    }
  else if (strcmp (n, "clamp") == 0)
    {
      if (!int_in (vm, value, 0, 1, "valid values for clamp are 0 or 1", &v))
        return -1;
      c->clamp = (int)v;
    }
  else if (strcmp (n, "flags") == 0 || strcmp (n, "traps") == 0)
    {
      guint bits;
      if (!signals_from (vm, value, FALSE, &bits))
        return -1;
      *(n[0] == 'f' ? &c->flags : &c->traps) = bits;
    }
  else
    {
      hs_err_format (vm, &hs_exc_AttributeError, "'decimal.Context' object has no attribute '%s'",
                     n);
      return -1;
    }
  return 0;
}

/* Sets the context attributes named in kwnames (values after args[npos]) */
static gboolean
context_apply_kw (HsVM *vm, HsObject *c, HsObject **values, HsObject *kwnames)
{
  gsize nk = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  for (gsize i = 0; i < nk; i++)
    {
      HsObject *k = hs_tuple_get_borrow (kwnames, i);
      const char *n = hs_str_utf8 (k);
      if (values[i] == hs_None)
        continue;
      if (strcmp (n, "flags") == 0 || strcmp (n, "traps") == 0)
        {
          guint bits;
          if (!signals_from (vm, values[i], TRUE, &bits))
            return FALSE;
          *(n[0] == 'f' ? &CTX (c)->flags : &CTX (c)->traps) = bits;
          continue;
        }
      if (values[i] == hs_None)
        continue;
      if (strcmp (n, "prec") != 0 && strcmp (n, "rounding") != 0 && strcmp (n, "Emin") != 0
          && strcmp (n, "Emax") != 0 && strcmp (n, "capitals") != 0 && strcmp (n, "clamp") != 0)
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         "'%s' is an invalid keyword argument for this function", n);
          return FALSE;
        }
      if (context_setattr (vm, c, k, values[i]) < 0)
        return FALSE;
    }
  return TRUE;
}

static HsObject *
context_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  static const char *const pos[]
      = { "prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps" };
  HsObject *c;
  if (nargs > G_N_ELEMENTS (pos))
    {
      hs_err_format (vm, &hs_exc_TypeError, "Context() takes at most 8 arguments (%zu given)",
                     nargs);
      return NULL;
    }
  c = hs_decimal_context_new (vm);
  if (c == NULL)
    return NULL;
  for (gsize i = 0; i < nargs; i++)
    {
      HsObject *one
          = args[i] != hs_None ? hs_tuple_pack (vm, 1, hs_str_intern_cstr (pos[i])) : NULL;
      gboolean ok = args[i] == hs_None || (one != NULL && context_apply_kw (vm, c, args + i, one));
      hs_xdecref (vm, one);
      if (!ok)
        goto fail;
    }
  if (!context_apply_kw (vm, c, args + nargs, kwnames))
    goto fail;
  return c;
fail:
  hs_decref (vm, c);
  return NULL;
}

static HsObject *
m_context_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_decimal_no_args (vm, "copy", nargs, kwnames))
    return NULL;
  return hs_decimal_context_copy (vm, args[0]);
}

/* clear_flags(), clear_traps(), Etiny(), Etop(): no arguments; a word cleared (None) or
 * an exponent limit */
static HsObject *
context_simple (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name)
{
  HsContext *c = CTX (args[0]);
  if (!hs_decimal_no_args (vm, name, nargs, kwnames))
    return NULL;
  if (strcmp (name, "Etiny") == 0)
    return hs_int_from_i64 (vm, c->emin - c->prec + 1);
  if (strcmp (name, "Etop") == 0)
    return hs_int_from_i64 (vm, c->emax - c->prec + 1);
  *(strcmp (name, "clear_flags") == 0 ? &c->flags : &c->traps) = 0;
  return hs_incref (hs_None);
}

static HsObject *
m_clear_flags (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return context_simple (vm, args, nargs, kwnames, "clear_flags");
}

static HsObject *
m_clear_traps (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return context_simple (vm, args, nargs, kwnames, "clear_traps");
}

static HsObject *
m_etiny (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return context_simple (vm, args, nargs, kwnames, "Etiny");
}

static HsObject *
m_etop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return context_simple (vm, args, nargs, kwnames, "Etop");
}

static HsObject *
m_create_decimal (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v = NULL, *d;
  Num r;
  if (!hs_parse_args (vm, "create_decimal", args + 1, nargs - 1, kwnames, "|num /", &v))
    return NULL;
  d = hs_decimal_of (vm, v);
  if (d == NULL)
    return NULL;
  hs_decimal_num_init (&r);
  hs_decimal_num_set (&r, NUM (d));
  hs_decref (vm, d);
  return hs_decimal_result (vm, hs_decimal_finish (vm, CTX (args[0]), &r), &r);
}

static const HsMethodDef context_methods[] = {
  { "copy", m_context_copy },
  { "clear_flags", m_clear_flags },
  { "clear_traps", m_clear_traps },
  { "Etiny", m_etiny },
  { "Etop", m_etop },
  { "create_decimal", m_create_decimal },
  { "__copy__", m_context_copy },
  { NULL, NULL },
};

static void
context_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit_named (visit, CTX (self)->flags_dict, HS_REF_HIDDEN, "flags", data);
  hs_visit_named (visit, CTX (self)->traps_dict, HS_REF_HIDDEN, "traps", data);
}

/* The SignalDicts keep the words they read once the context is gone */
static void
context_dealloc (HsVM *vm, HsObject *self)
{
  HsContext *c = CTX (self);
  HsObject *dicts[2] = { c->flags_dict, c->traps_dict };
  for (int i = 0; i < 2; i++)
    if (dicts[i] != NULL)
      {
        SD (dicts[i])->own = *sd_word (dicts[i]);
        SD (dicts[i])->ctx = NULL;
        hs_decref (vm, dicts[i]);
      }
  c->flags_dict = c->traps_dict = NULL;
}

HsType hs_decimal_context_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Context",
  .module = "decimal",
  .tp_name = "decimal.Context",
  .base = &hs_object_type,
  .basicsize = sizeof (HsContext),
  .dealloc = context_dealloc,
  .refs = context_refs,
  .repr = context_repr,
  .getattr = context_getattr,
  .setattr = context_setattr,
  .construct = context_construct,
  .methods = context_methods,
};

/* ---- localcontext ------------------------------------------------------------------------ */

static void
manager_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsContextManager *m = (HsContextManager *)self;
  if (m->local != NULL)
    hs_visit (visit, m->local, data);
  if (m->saved != NULL)
    hs_visit (visit, m->saved, data);
}

static void
manager_clear (HsVM *vm, HsObject *self)
{
  HsContextManager *m = (HsContextManager *)self;
  HS_CLEAR (vm, m->local);
  HS_CLEAR (vm, m->saved);
}

/* Makes c (borrowed) the current context */
static gboolean
set_current (HsVM *vm, HsObject *c)
{
  HsObject *d = hs_decimal_module_dict (vm);
  if (d == NULL)
    return TRUE;
  return hs_decimal_module_store (vm, d, CONTEXT_KEY, c) == 0;
}

static HsObject *
m_enter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsContextManager *m = (HsContextManager *)args[0];
  if (!hs_decimal_no_args (vm, "__enter__", nargs, kwnames))
    return NULL;
  HsObject *cur = &hs_decimal_current (vm)->header;
  HS_CLEAR (vm, m->saved);
  m->saved = hs_incref (cur);
  if (!set_current (vm, m->local))
    return NULL;
  return hs_incref (m->local);
}

static HsObject *
m_exit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsContextManager *m = (HsContextManager *)args[0];
  if (m->saved != NULL && !set_current (vm, m->saved))
    return NULL;
  HS_CLEAR (vm, m->saved);
  return hs_incref (hs_None);
}

static const HsMethodDef manager_methods[] = {
  { "__enter__", m_enter },
  { "__exit__", m_exit },
  { NULL, NULL },
};

static HsType manager_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "ContextManager",
  .module = "decimal",
  .tp_name = "decimal.ContextManager",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsContextManager),
  .dealloc = manager_clear,
  .refs = manager_refs,
  .clear = manager_clear,
  .methods = manager_methods,
};

static HsObject *
f_localcontext (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *ctx = NULL, *copy;
  gsize nk = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  if (nargs > 1)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "localcontext() takes at most 1 positional argument (%zu given)", nargs);
      return NULL;
    }
  if (nargs == 1)
    ctx = args[0];
  for (gsize i = 0; i < nk; i++)
    if (strcmp (hs_str_utf8 (hs_tuple_get_borrow (kwnames, i)), "ctx") == 0)
      ctx = args[nargs + i];
  if (ctx == NULL || ctx == hs_None)
    ctx = &hs_decimal_current (vm)->header;
  if (!HS_ISINSTANCE (ctx, &hs_decimal_context_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "optional argument must be a context");
      return NULL;
    }
  copy = hs_decimal_context_copy (vm, ctx);
  if (copy == NULL)
    return NULL;
  for (gsize i = 0; i < nk; i++)
    {
      HsObject *k = hs_tuple_get_borrow (kwnames, i);
      if (strcmp (hs_str_utf8 (k), "ctx") == 0)
        continue;
      HsObject *one = hs_tuple_pack (vm, 1, k);
      gboolean ok = one != NULL && context_apply_kw (vm, copy, args + nargs + i, one);
      hs_xdecref (vm, one);
      if (!ok)
        {
          hs_decref (vm, copy);
          return NULL;
        }
    }
  HsContextManager *m
      = (HsContextManager *)hs_object_alloc (vm, &manager_type, sizeof (HsContextManager));
  if (m == NULL)
    {
      hs_decref (vm, copy);
      return NULL;
    }
  m->local = copy;
  m->saved = NULL;
  hs_gc_track (vm, &m->header);
  return &m->header;
}

static HsObject *
f_getcontext (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "getcontext", args, nargs, kwnames, "!"))
    return NULL;
  return hs_incref (&hs_decimal_current (vm)->header);
}

static HsObject *
f_setcontext (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *c;
  if (!hs_parse_args (vm, "setcontext", args, nargs, kwnames, "!context", &c))
    return NULL;
  if (!HS_ISINSTANCE (c, &hs_decimal_context_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "argument must be a context");
      return NULL;
    }
  return set_current (vm, c) ? hs_incref (hs_None) : NULL;
}

static const HsMethodDef decimal_functions[] = {
  { "getcontext", f_getcontext },
  { "setcontext", f_setcontext },
  { "localcontext", f_localcontext },
  { NULL, NULL },
};

/* ---- the module ----------------------------------------------------------------------------- */

void
hs_mod_decimal_runtime_init (void)
{
  hs_decimal_type_init ();
  hs_type_ready (&hs_decimal_context_type);
  hs_type_ready (&manager_type);
  hs_type_ready (&signal_dict_type);
}

/* The signals in the order CPython's module defines them: name, then its bases (names of
 * signals made before it, or "" for the built-in exception given in `builtin`) */
static const struct
{
  const char *name, *bases[3];
  HsType *builtin;
} signal_classes[] = {
  { "DecimalException", { "" }, &hs_exc_ArithmeticError },
  { "Clamped", { "DecimalException" }, NULL },
  { "Rounded", { "DecimalException" }, NULL },
  { "Inexact", { "DecimalException" }, NULL },
  { "Subnormal", { "DecimalException" }, NULL },
  { "Underflow", { "Inexact", "Rounded", "Subnormal" }, NULL },
  { "Overflow", { "Inexact", "Rounded" }, NULL },
  { "DivisionByZero", { "DecimalException", "" }, &hs_exc_ZeroDivisionError },
  { "FloatOperation", { "DecimalException", "" }, &hs_exc_TypeError },
  { "InvalidOperation", { "DecimalException" }, NULL },
  { "ConversionSyntax", { "InvalidOperation" }, NULL },
  { "DivisionImpossible", { "InvalidOperation" }, NULL },
  { "DivisionUndefined", { "InvalidOperation", "" }, &hs_exc_ZeroDivisionError },
  { "InvalidContext", { "InvalidOperation" }, NULL },
};

/* class NAME(*bases) in the module, as CPython's signal classes */
static int
make_signal (HsVM *vm, HsObject *dict, gsize i)
{
  HsObject *bases[3], *ns, *cls;
  gsize n = 0;
  for (; n < 3 && signal_classes[i].bases[n] != NULL; n++)
    bases[n] = signal_classes[i].bases[n][0] == '\0'
                   ? (HsObject *)signal_classes[i].builtin
                   : hs_dict_get_item_cstr_borrow (vm, dict, signal_classes[i].bases[n]);
  ns = hs_dict_new (vm);
  if (ns == NULL
      || hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"),
                           hs_str_intern_cstr ("decimal"))
             < 0)
    {
      hs_xdecref (vm, ns);
      return -1;
    }
  cls = hs_class_new (vm, &hs_type_type, hs_str_intern_cstr (signal_classes[i].name), bases, n, ns,
                      NULL, NULL);
  hs_decref (vm, ns);
  if (cls == NULL)
    return -1;
  ((HsType *)cls)->module = "decimal";
  return hs_module_add_take (vm, dict, signal_classes[i].name, cls);
}

/* DefaultContext (k 0), BasicContext (1) and ExtendedContext (2): Contexts a program may
 * change, drawn as objects (CPython's are), so not made immortal by hs_module_add_take */
static int
add_template_context (HsVM *vm, HsObject *dict, int k)
{
  static const char *const names[3] = { "DefaultContext", "BasicContext", "ExtendedContext" };
  HsObject *c = hs_decimal_context_new (vm);
  int r;
  if (c == NULL)
    return -1;
  if (k > 0)
    CTX (c)->prec = 9;
  if (k == 1)
    {
      CTX (c)->rounding = R_HALF_UP;
      CTX (c)->traps |= S_CLAMPED | S_UNDERFLOW;
    }
  if (k == 2)
    CTX (c)->traps = 0;
  r = hs_decimal_module_store (vm, dict, names[k], c);
  hs_decref (vm, c);
  return r;
}

int
hs_mod_decimal_init (HsVM *vm, HsObject *dict)
{
  /* in the order of CPython's module dict, which `from decimal import *` follows */
  if (hs_module_add_functions (vm, dict, decimal_functions) < 0
      || hs_module_add_take (vm, dict, "Decimal", hs_incref ((HsObject *)&hs_decimal_type)) < 0
      || hs_module_add_take (vm, dict, "Context", hs_incref ((HsObject *)&hs_decimal_context_type))
             < 0)
    return -1;
  /* DecimalTuple = namedtuple('DecimalTuple', 'sign digits exponent', module='decimal') */
  HsObject *nt_args[]
      = { hs_str_intern_cstr ("DecimalTuple"), hs_str_intern_cstr ("sign digits exponent"),
          hs_str_intern_cstr ("decimal") };
  HsObject *kw = hs_tuple_pack (vm, 1, hs_str_intern_cstr ("module"));
  HsObject *nt = kw != NULL ? hs_namedtuple_new (vm, nt_args, 2, kw) : NULL;
  hs_xdecref (vm, kw);
  if (hs_module_add_take (vm, dict, "DecimalTuple", nt) < 0)
    return -1;
  for (gsize i = 0; i < G_N_ELEMENTS (signal_classes); i++)
    if (make_signal (vm, dict, i) < 0)
      return -1;
  if (add_template_context (vm, dict, 0) < 0
      || hs_module_add_take (vm, dict, "HAVE_CONTEXTVAR", hs_incref (hs_True)) < 0
      || hs_module_add_take (vm, dict, "HAVE_THREADS", hs_incref (hs_True)) < 0
      || add_template_context (vm, dict, 1) < 0 || add_template_context (vm, dict, 2) < 0)
    return -1;
  static const struct
  {
    const char *name;
    gint64 value;
  } limits[] = {
    { "MAX_PREC", G_GINT64_CONSTANT (999999999999999999) },
    { "MAX_EMAX", G_GINT64_CONSTANT (999999999999999999) },
    { "MIN_EMIN", G_GINT64_CONSTANT (-999999999999999999) },
    { "MIN_ETINY", G_GINT64_CONSTANT (-1999999999999999997) },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (limits); i++)
    if (hs_module_add_take (vm, dict, limits[i].name, hs_int_from_i64 (vm, limits[i].value)) < 0)
      return -1;
  for (gsize i = 0; i < G_N_ELEMENTS (hs_decimal_rounding_names); i++)
    if (hs_module_add_take (vm, dict, hs_decimal_rounding_names[i],
                            hs_str_intern_cstr (hs_decimal_rounding_names[i]))
        < 0)
      return -1;
  return 0;
}
