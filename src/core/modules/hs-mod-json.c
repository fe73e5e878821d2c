/* hs-mod-json.c — the `json` module: dumps and loads (with JSONDecodeError).
 *
 * Invariant: dumps writes what CPython's encoder writes for the same arguments (indent,
 * separators, sort_keys, ensure_ascii, allow_nan, skipkeys, default), key conversions and
 * float reprs included, and fails with its errors (a circular reference, a type it cannot
 * serialize, a bad key); loads reads JSON as CPython's scanner does, into new dicts,
 * lists, strs, ints and floats, with JSONDecodeError's "msg: line L column C (char N)",
 * positions counted in characters. dump and load write to and read from any object with
 * write() and read() (io.StringIO: programs have no real files). JSONEncoder is a class of
 * each VM's module, as CPython's Python class: its instances hold their settings as
 * attributes, encode() reads them back and calls self.default() (a subclass's) for what
 * JSON has no form for; dumps(cls=...) and dumps with keywords of the class's own make one.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-builtins.h"
#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-format.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-recursion.h"
#include "hs-str.h"
#include "hs-tuple.h"

static HsType decode_error_type = {
  .name = "JSONDecodeError",
  .module = "json.decoder",
  .base = &hs_exc_ValueError,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

/* ---- dumps ------------------------------------------------------------------------------ */

typedef struct
{
  HsVM *vm;
  GString *out;
  const char *indent; /* NULL: everything on one line */
  const char *item_sep, *key_sep;
  gboolean sort_keys, ensure_ascii, allow_nan, skipkeys;
  HsObject *dflt;    /* default= or NULL */
  GPtrArray *active; /* containers being written: a second visit is a cycle */
  gboolean check_circular;
  const char *where; /* the RecursionError's words: see encoder_enter_frames() */
  int depth;
} Encoder;

static void
put_string (Encoder *e, const char *s, gsize len)
{
  g_string_append_c (e->out, '"');
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      switch (c)
        {
          case '"':
            g_string_append (e->out, "\\\"");
            break;
          case '\\':
            g_string_append (e->out, "\\\\");
            break;
          case '\n':
            g_string_append (e->out, "\\n");
            break;
          case '\r':
            g_string_append (e->out, "\\r");
            break;
          case '\t':
            g_string_append (e->out, "\\t");
            break;
          case '\b':
            g_string_append (e->out, "\\b");
            break;
          case '\f':
            g_string_append (e->out, "\\f");
            break;
          default:
            if (c < 0x20 || (e->ensure_ascii && c > 0x7e))
              {
                if (c >= 0x10000)
                  {
                    gunichar v = c - 0x10000;
                    g_string_append_printf (e->out, "\\u%04x\\u%04x", 0xd800 | (v >> 10),
                                            0xdc00 | (v & 0x3ff));
                  }
                else
                  g_string_append_printf (e->out, "\\u%04x", c);
              }
            else
              g_string_append_unichar (e->out, c);
        }
    }
  g_string_append_c (e->out, '"');
}

/* float.__repr__, or NaN/Infinity/-Infinity when allowed */
static gboolean
put_float (Encoder *e, double d)
{
  if (isfinite (d))
    {
      hs_float_repr_append (e->out, d);
      return TRUE;
    }
  if (!e->allow_nan)
    {
      hs_err_set_string (e->vm, &hs_exc_ValueError,
                         "Out of range float values are not JSON compliant");
      return FALSE;
    }
  g_string_append (e->out, isnan (d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
  return TRUE;
}

static gboolean
put_int (Encoder *e, HsObject *o)
{
  HsObject *s = hs_int_to_str (e->vm, o);
  if (s == NULL)
    return FALSE;
  g_string_append (e->out, hs_str_utf8 (s));
  hs_decref (e->vm, s);
  return TRUE;
}

static void
newline_indent (Encoder *e)
{
  if (e->indent == NULL)
    return;
  g_string_append_c (e->out, '\n');
  for (int i = 0; i < e->depth; i++)
    g_string_append (e->out, e->indent);
}

static gboolean put_value (Encoder *e, HsObject *o);

/* Each container (and each object given to default=) is one level against the recursion
 * limit, as in CPython's encoders. e->active holds them all, also without check_circular. */
static gboolean
enter (Encoder *e, HsObject *o)
{
  if (e->check_circular)
    for (guint i = 0; i < e->active->len; i++)
      if (e->active->pdata[i] == o)
        {
          hs_err_set_string (e->vm, &hs_exc_ValueError, "Circular reference detected");
          return FALSE;
        }
  if (!hs_recursion_enter (e->vm, e->where))
    return FALSE;
  g_ptr_array_add (e->active, o);
  return TRUE;
}

static void
leave (Encoder *e)
{
  hs_recursion_leave (e->vm);
  g_ptr_array_set_size (e->active, e->active->len - 1);
}

/* json.dumps, json.loads and the methods they call are Python code in CPython, whose frames
 * count against the recursion limit while the containers are written or read: `frames` of
 * them, the last one a call through C to the C encoder or scanner when `via_c`. */
static gboolean
enter_library_frames (HsVM *vm, int frames, gboolean via_c)
{
  if (!hs_recursion_enter_n (vm, frames - via_c, ""))
    return FALSE;
  if (via_c && !hs_recursion_enter (vm, " while calling a Python object"))
    {
      hs_recursion_leave_n (vm, frames - 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
put_list (Encoder *e, HsObject **items, gsize n, HsObject *o)
{
  if (!enter (e, o))
    return FALSE;
  if (n == 0)
    {
      g_string_append (e->out, "[]");
      leave (e);
      return TRUE;
    }
  g_string_append_c (e->out, '[');
  e->depth++;
  newline_indent (e);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0)
        {
          g_string_append (e->out, e->item_sep);
          newline_indent (e);
        }
      if (!put_value (e, items[i]))
        return FALSE;
    }
  e->depth--;
  newline_indent (e);
  g_string_append_c (e->out, ']');
  leave (e);
  return TRUE;
}

/* A key as CPython's encoder turns it into a str; NULL with *skip for a skipped key. */
static HsObject *
key_string (Encoder *e, HsObject *k, gboolean *skip)
{
  GString *s;
  *skip = FALSE;
  if (hs_str_check (k))
    return hs_incref (k);
  if (HS_ISINSTANCE (k, &hs_float_type))
    {
      Encoder tmp = *e;
      s = g_string_new (NULL);
      tmp.out = s;
      if (!put_float (&tmp, hs_float_value (k)))
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      return hs_str_from_gstring (e->vm, s);
    }
  if (k == hs_True || k == hs_bool_from (FALSE) || k == hs_None)
    return hs_str_from_cstr (e->vm, k == hs_True ? "true" : k == hs_None ? "null" : "false");
  if (hs_int_check (k))
    return hs_int_to_str (e->vm, k);
  if (e->skipkeys)
    {
      *skip = TRUE;
      return NULL;
    }
  hs_err_format (e->vm, &hs_exc_TypeError, "keys must be str, int, float, bool or None, not %s",
                 hs_type_name (k));
  return NULL;
}

static gboolean
put_dict (Encoder *e, HsObject *d)
{
  HsObject *items, *k, *v;
  gsize pos = 0, n = 0;
  gboolean ok = TRUE;

  if (!enter (e, d))
    return FALSE;
  if (hs_dict_len (d) == 0)
    {
      g_string_append (e->out, "{}");
      leave (e);
      return TRUE;
    }
  /* the (key, value) pairs, sorted by key when asked (a TypeError for mixed keys) */
  if ((items = hs_list_new (e->vm, hs_dict_len (d))) == NULL)
    return FALSE;
  while (hs_dict_next (d, &pos, &k, &v))
    if (hs_list_append_take (e->vm, items, hs_tuple_pack (e->vm, 2, k, v)) < 0)
      {
        hs_decref (e->vm, items);
        return FALSE;
      }
  if (e->sort_keys && hs_list_sort (e->vm, items, NULL, FALSE) < 0)
    {
      hs_decref (e->vm, items);
      return FALSE;
    }
  g_string_append_c (e->out, '{');
  e->depth++;
  newline_indent (e);
  for (gsize i = 0; ok && i < hs_list_len (items); i++)
    {
      HsObject *pair = hs_list_get_borrow (items, i), *ks;
      gboolean skip;
      if ((ks = key_string (e, hs_tuple_get_borrow (pair, 0), &skip)) == NULL)
        {
          ok = skip;
          continue;
        }
      if (n++ > 0)
        {
          g_string_append (e->out, e->item_sep);
          newline_indent (e);
        }
      put_string (e, hs_str_utf8 (ks), hs_str_byte_len (ks));
      hs_decref (e->vm, ks);
      g_string_append (e->out, e->key_sep);
      ok = put_value (e, hs_tuple_get_borrow (pair, 1));
    }
  hs_decref (e->vm, items);
  if (!ok)
    return FALSE;
  e->depth--;
  newline_indent (e);
  g_string_append_c (e->out, '}');
  leave (e);
  return TRUE;
}

static gboolean
put_value (Encoder *e, HsObject *o)
{
  if (o == hs_None)
    g_string_append (e->out, "null");
  else if (o == hs_True)
    g_string_append (e->out, "true");
  else if (o == hs_bool_from (FALSE))
    g_string_append (e->out, "false");
  else if (hs_str_check (o))
    put_string (e, hs_str_utf8 (o), hs_str_byte_len (o));
  else if (hs_int_check (o))
    return put_int (e, o);
  else if (HS_ISINSTANCE (o, &hs_float_type))
    return put_float (e, hs_float_value (o));
  else if (hs_list_check (o))
    return put_list (e, hs_list_items (o), hs_list_len (o), o);
  else if (HS_ISINSTANCE (o, &hs_tuple_type))
    return put_list (e, hs_tuple_items (o), hs_tuple_len (o), o);
  else if (hs_dict_check (o))
    return put_dict (e, o);
  else if (e->dflt != NULL)
    {
      HsObject *r;
      gboolean ok;
      if (!enter (e, o))
        return FALSE;
      if ((r = hs_object_call (e->vm, e->dflt, &o, 1, NULL)) == NULL)
        return FALSE;
      ok = put_value (e, r);
      hs_decref (e->vm, r);
      if (ok)
        leave (e);
      return ok;
    }
  else
    {
      hs_err_format (e->vm, &hs_exc_TypeError, "Object of type %s is not JSON serializable",
                     hs_type_name (o));
      return FALSE;
    }
  /* the text is built outside the heap: it stays within what the cap leaves */
  return hs_format_check_size (e->vm, e->out->len);
}

/* The indent as CPython's encoders use it: a str as is, an int n as n spaces (none below 1);
 * *out NULL for None. FALSE with the error of `' ' * indent`. */
static gboolean
indent_text (HsVM *vm, HsObject *indent, char **out)
{
  *out = NULL;
  if (indent == hs_None)
    return TRUE;
  if (hs_str_check (indent))
    {
      *out = g_strdup (hs_str_utf8 (indent));
      return TRUE;
    }
  gssize n = hs_int_check (indent) ? hs_int_as_ssize (vm, indent) : -2;
  if (n == -2 && !hs_err_occurred (vm))
    hs_err_format (vm, &hs_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                   hs_type_name (indent));
  if (hs_err_occurred (vm))
    return FALSE;
  *out = g_strnfill (MAX (n, 0), ' ');
  return TRUE;
}

/* item_separator, key_separator = separators: a new list or tuple of two strs, or NULL */
static HsObject *
unpack_separators (HsVM *vm, HsObject *separators)
{
  HsObject *seps = hs_sequence_fast (vm, separators, "cannot unpack non-iterable object");
  if (seps == NULL)
    return NULL;
  gsize n = hs_list_check (seps) ? hs_list_len (seps) : hs_tuple_len (seps);
  if (n != 2)
    {
      hs_decref (vm, seps);
      if (n > 2)
        hs_err_set_string (vm, &hs_exc_ValueError, "too many values to unpack (expected 2)");
      else
        hs_err_format (vm, &hs_exc_ValueError,
                       "not enough values to unpack (expected 2, got %" G_GSIZE_FORMAT ")", n);
      return NULL;
    }
  return seps;
}

static HsObject *
pair_item (HsObject *seq, gsize k)
{
  return hs_list_check (seq) ? hs_list_get_borrow (seq, k) : hs_tuple_get_borrow (seq, k);
}

static gboolean
check_separator (HsVM *vm, HsObject *sep)
{
  if (hs_str_check (sep))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError, "separators must be str, not %s", hs_type_name (sep));
  return FALSE;
}

/* Writes obj with e's settings (its indent, separators and default held by the caller).
 * `frames`: the library frames CPython runs on the way to its encoder (json.dumps,
 * JSONEncoder.encode, iterencode), which count against the recursion limit. */
static HsObject *
run_encoder (Encoder *e, HsObject *obj, int frames)
{
  HsVM *vm = e->vm;
  gboolean via_c = e->indent == NULL;
  /* the C encoder (no indent) or the Python encoder's _iterencode generator */
  e->where = via_c ? " while encoding a JSON object" : " while calling a Python object";
  if (!enter_library_frames (vm, frames, via_c))
    return NULL;
  e->out = g_string_new (NULL);
  e->active = g_ptr_array_new ();
  gboolean ok = put_value (e, obj);
  /* an error leaves the containers it was in entered */
  hs_recursion_leave_n (vm, e->active->len + frames);
  g_ptr_array_free (e->active, TRUE);
  if (!ok)
    {
      g_string_free (e->out, TRUE);
      return NULL;
    }
  return hs_str_from_gstring (vm, e->out);
}

/* dumps' keyword parameters, in the order it passes them to cls(...) */
static const char *const dumps_keywords[]
    = { "skipkeys",   "ensure_ascii", "check_circular", "allow_nan", "indent",
        "separators", "default",      "sort_keys",      "cls" };
enum
{
  KW_SKIPKEYS,
  KW_ENSURE_ASCII,
  KW_CHECK_CIRCULAR,
  KW_ALLOW_NAN,
  KW_INDENT,
  KW_SEPARATORS,
  KW_DEFAULT,
  KW_SORT_KEYS,
  KW_CLS,
  N_KW
};

/* cls(skipkeys=..., ..., sort_keys=..., **extra): CPython's dumps when given cls= or keywords
 * of its own (extra: the names and values of those). */
static HsObject *
make_encoder (HsVM *vm, HsObject *cls, HsObject **kw, GPtrArray *extra)
{
  HsObject *defaults[KW_CLS]
      = { hs_bool_from (FALSE), hs_True, hs_True, hs_True, hs_None, hs_None, hs_None,
          hs_bool_from (FALSE) };
  gsize n = KW_CLS + extra->len / 2;
  HsObject *names = hs_tuple_new (vm, n), *r = NULL;
  HsObject **vals = g_new (HsObject *, n);
  if (names == NULL)
    goto out;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *name
          = i < KW_CLS ? hs_str_intern_cstr (dumps_keywords[i]) : extra->pdata[2 * (i - KW_CLS)];
      hs_tuple_items (names)[i] = hs_incref (name);
      vals[i]
          = i < KW_CLS ? (kw[i] != NULL ? kw[i] : defaults[i]) : extra->pdata[2 * (i - KW_CLS) + 1];
    }
  r = hs_object_call (vm, cls, vals, 0, names);
out:
  hs_xdecref (vm, names);
  g_free (vals);
  return r;
}

static HsObject *encoder_class (HsVM *vm);

/* dumps(obj, **kw), or what dump(obj, fp, **kw) writes (fname "dump") */
static HsObject *
encode (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *kw[N_KW] = { NULL };
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  g_autoptr (GPtrArray) extra = g_ptr_array_new ();

  HsObject *obj = nargs > 0 ? args[0] : NULL;
  if (nargs > 1)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s() takes 1 positional argument but %" G_GSIZE_FORMAT " were given", fname,
                     nargs);
      return NULL;
    }
  for (gsize i = 0; i < nkw; i++)
    {
      HsObject *name = hs_tuple_get_borrow (kwnames, i);
      gsize k = 0;
      while (k < N_KW && !hs_str_equal_cstr (name, dumps_keywords[k]))
        k++;
      if (k < N_KW)
        kw[k] = args[nargs + i];
      else if (hs_str_equal_cstr (name, "obj") && obj != NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError, "%s() got multiple values for argument 'obj'",
                         fname);
          return NULL;
        }
      else if (hs_str_equal_cstr (name, "obj"))
        obj = args[nargs + i];
      else
        {
          g_ptr_array_add (extra, name);
          g_ptr_array_add (extra, args[nargs + i]);
        }
    }
  if (obj == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() missing 1 required positional argument: 'obj'",
                     fname);
      return NULL;
    }
  if ((kw[KW_CLS] != NULL && kw[KW_CLS] != hs_None) || extra->len > 0)
    {
      /* cls(...).encode(obj), CPython's one frame of dumps around it */
      HsObject *cls = kw[KW_CLS] != NULL && kw[KW_CLS] != hs_None ? hs_incref (kw[KW_CLS])
                                                                  : encoder_class (vm);
      HsObject *enc = cls != NULL ? make_encoder (vm, cls, kw, extra) : NULL, *r = NULL;
      hs_xdecref (vm, cls);
      if (enc != NULL && hs_recursion_enter (vm, ""))
        {
          r = hs_object_call_method (vm, enc, "encode", &obj, 1, NULL);
          hs_recursion_leave (vm);
        }
      hs_xdecref (vm, enc);
      return r;
    }

  Encoder e = { vm };
  g_autofree char *indent_str = NULL;
  HsObject *seps = NULL;
  HsObject *indent = kw[KW_INDENT] != NULL ? kw[KW_INDENT] : hs_None;
  HsObject *separators = kw[KW_SEPARATORS] != NULL ? kw[KW_SEPARATORS] : hs_None;
  e.skipkeys = kw[KW_SKIPKEYS] != NULL && hs_object_truth (vm, kw[KW_SKIPKEYS]) > 0;
  e.ensure_ascii = kw[KW_ENSURE_ASCII] == NULL || hs_object_truth (vm, kw[KW_ENSURE_ASCII]) > 0;
  e.allow_nan = kw[KW_ALLOW_NAN] == NULL || hs_object_truth (vm, kw[KW_ALLOW_NAN]) > 0;
  e.sort_keys = kw[KW_SORT_KEYS] != NULL && hs_object_truth (vm, kw[KW_SORT_KEYS]) > 0;
  e.check_circular
      = kw[KW_CHECK_CIRCULAR] == NULL || hs_object_truth (vm, kw[KW_CHECK_CIRCULAR]) > 0;
  e.dflt = kw[KW_DEFAULT] != NULL && kw[KW_DEFAULT] != hs_None ? kw[KW_DEFAULT] : NULL;
  if (!indent_text (vm, indent, &indent_str))
    return NULL;
  e.indent = indent_str;
  e.item_sep = e.indent != NULL ? "," : ", ";
  e.key_sep = ": ";
  if (separators != hs_None)
    {
      if ((seps = unpack_separators (vm, separators)) == NULL)
        return NULL;
      for (gsize k = 0; k < 2; k++)
        {
          if (!check_separator (vm, pair_item (seps, k)))
            {
              hs_decref (vm, seps);
              return NULL;
            }
          *(k == 0 ? &e.item_sep : &e.key_sep) = hs_str_utf8 (pair_item (seps, k));
        }
    }
  /* json.dumps and JSONEncoder.encode, then iterencode calling the C encoder (no indent)
   * or the Python encoder's _iterencode generator */
  HsObject *r = run_encoder (&e, obj, e.indent == NULL ? 4 : 3);
  hs_xdecref (vm, seps); /* it kept the separators alive while encoding */
  return r;
}

/* ---- JSONEncoder -------------------------------------------------------------------------- */

/* JSONEncoder.__init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
 * allow_nan=True, sort_keys=False, indent=None, separators=None, default=None): the settings
 * as attributes of the instance, in CPython's order. */
static HsObject *
encoder_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v[8] = { hs_bool_from (FALSE), hs_True, hs_True, hs_True,
                     hs_bool_from (FALSE), hs_None, hs_None, hs_None };
  static const char *const names[]
      = { "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys", "indent" };
  HsObject *self = NULL;
  if (!hs_parse_args (vm, "JSONEncoder.__init__", args, nargs, kwnames,
                      "@self|$skipkeys ensure_ascii check_circular allow_nan sort_keys indent "
                      "separators default",
                      &self, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (hs_object_setattr (vm, self, hs_str_intern_cstr (names[i]), v[i]) < 0)
      return NULL;
  if (v[6] != hs_None)
    {
      HsObject *seps = unpack_separators (vm, v[6]);
      int rc = seps != NULL
                       && hs_object_setattr (vm, self, hs_str_intern_cstr ("item_separator"),
                                             pair_item (seps, 0))
                              == 0
                       && hs_object_setattr (vm, self, hs_str_intern_cstr ("key_separator"),
                                             pair_item (seps, 1))
                              == 0
                   ? 0
                   : -1;
      hs_xdecref (vm, seps);
      if (rc < 0)
        return NULL;
    }
  else if (v[5] != hs_None
           && hs_object_setattr (vm, self, hs_str_intern_cstr ("item_separator"),
                                 hs_str_intern_cstr (","))
                  < 0)
    return NULL;
  if (v[7] != hs_None && hs_object_setattr (vm, self, hs_str_intern_cstr ("default"), v[7]) < 0)
    return NULL;
  return hs_incref (hs_None);
}

/* JSONEncoder.default(self, o): the TypeError a subclass overrides */
static HsObject *
encoder_default (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *o = NULL;
  if (!hs_parse_args (vm, "JSONEncoder.default", args, nargs, kwnames, "@self o", &self, &o))
    return NULL;
  hs_err_format (vm, &hs_exc_TypeError, "Object of type %s is not JSON serializable",
                 hs_type_name (o));
  return NULL;
}

/* The truth of self.<name> into *flag */
static gboolean
attr_flag (HsVM *vm, HsObject *self, const char *name, gboolean *flag)
{
  HsObject *v = hs_object_getattr_cstr (vm, self, name);
  int t = v != NULL ? hs_object_truth (vm, v) : -1;
  hs_xdecref (vm, v);
  *flag = t > 0;
  return t >= 0;
}

/* JSONEncoder.encode(self, o): o written with the instance's settings, its default() (a
 * subclass's) called for what JSON has no form for. */
static HsObject *
encoder_encode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *o = NULL;
  if (!hs_parse_args (vm, "JSONEncoder.encode", args, nargs, kwnames, "@self o", &self, &o))
    return NULL;
  Encoder e = { vm };
  g_autofree char *indent_str = NULL;
  HsObject *held[4] = { NULL }, *r = NULL; /* indent, separators and default */
  if (!attr_flag (vm, self, "check_circular", &e.check_circular)
      || !attr_flag (vm, self, "ensure_ascii", &e.ensure_ascii))
    return NULL;
  if ((held[0] = hs_object_getattr_cstr (vm, self, "default")) == NULL
      || (held[1] = hs_object_getattr_cstr (vm, self, "indent")) == NULL
      || (held[2] = hs_object_getattr_cstr (vm, self, "key_separator")) == NULL
      || (held[3] = hs_object_getattr_cstr (vm, self, "item_separator")) == NULL
      || !attr_flag (vm, self, "sort_keys", &e.sort_keys)
      || !attr_flag (vm, self, "skipkeys", &e.skipkeys)
      || !attr_flag (vm, self, "allow_nan", &e.allow_nan) || !check_separator (vm, held[2])
      || !check_separator (vm, held[3]) || !indent_text (vm, held[1], &indent_str))
    goto out;
  e.dflt = held[0];
  e.indent = indent_str;
  e.key_sep = hs_str_utf8 (held[2]);
  e.item_sep = hs_str_utf8 (held[3]);
  r = run_encoder (&e, o, e.indent == NULL ? 3 : 2);
out:
  for (gsize i = 0; i < G_N_ELEMENTS (held); i++)
    hs_xdecref (vm, held[i]);
  return r;
}

static HsObject *
encoder_iterencode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  hs_err_set_string (vm, &hs_exc_NotImplementedError,
                     "JSONEncoder.iterencode() is not supported by Heapscope yet");
  return NULL;
}

static const HsMethodDef encoder_methods[] = {
  { "__init__", encoder_init },
  { "default", encoder_default },
  { "encode", encoder_encode },
  { "iterencode", encoder_iterencode },
};
static HsObject *encoder_descrs[G_N_ELEMENTS (encoder_methods)];

/* json.encoder.JSONEncoder, a class of each VM's json module (CPython's is Python code) */
static HsObject *
encoder_class_new (HsVM *vm)
{
  HsObject *ns = hs_dict_new (vm);
  gboolean ok = ns != NULL
                && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"),
                                     hs_str_intern_cstr ("json.encoder"))
                       == 0
                && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("item_separator"),
                                     hs_str_intern_cstr (", "))
                       == 0
                && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("key_separator"),
                                     hs_str_intern_cstr (": "))
                       == 0;
  for (gsize i = 0; ok && i < G_N_ELEMENTS (encoder_methods); i++)
    ok = hs_dict_set_item (vm, ns, hs_str_intern_cstr (encoder_methods[i].name), encoder_descrs[i])
         == 0;
  if (!ok)
    {
      hs_xdecref (vm, ns);
      return NULL;
    }
  return hs_module_class_new (vm, "json.encoder", &hs_type_type, "JSONEncoder", NULL, ns);
}

/* the json module's JSONEncoder (new reference) */
static HsObject *
encoder_class (HsVM *vm)
{
  return hs_import_attr (vm, "json", "JSONEncoder");
}

/* ---- loads ------------------------------------------------------------------------------ */

typedef struct
{
  HsVM *vm;
  HsObject *doc; /* the str decoded (borrowed), whose bytes s holds */
  const char *s;
  gsize len, pos;
  /* a JSONDecoder's settings (borrowed; NULL: the default), CPython's scanner's */
  HsObject *object_hook, *pairs_hook, *parse_float, *parse_int, *parse_constant;
  gboolean lax; /* strict=False: control characters allowed in strings */
} Decoder;

/* JSONDecodeError(msg, doc, pos): "msg: line L column C (char N)", in characters */
static void
decode_error (Decoder *d, const char *msg, gsize at)
{
  glong ch = g_utf8_pointer_to_offset (d->s, d->s + at), line = 1, col;
  const char *line_start = d->s;
  for (const char *p = d->s; p < d->s + at; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  col = g_utf8_pointer_to_offset (line_start, d->s + at) + 1;
  hs_err_format (d->vm, &decode_error_type, "%s: line %ld column %ld (char %ld)", msg, line, col,
                 ch);
  /* the attributes json.decoder's __init__ sets: msg, doc, pos, lineno, colno */
  HsObject *e = hs_err_fetch (d->vm);
  HsObject *values[]
      = { hs_str_from_cstr (d->vm, msg), hs_incref (d->doc), hs_int_from_i64 (d->vm, ch),
          hs_int_from_i64 (d->vm, line), hs_int_from_i64 (d->vm, col) };
  static const char *const names[] = { "msg", "doc", "pos", "lineno", "colno" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (values[i] != NULL)
        hs_object_setattr (d->vm, e, hs_str_intern_cstr (names[i]), values[i]);
      hs_xdecref (d->vm, values[i]);
    }
  if (!hs_err_occurred (d->vm)) /* else MemoryError, which wins */
    hs_err_set_object (d->vm, e);
  hs_decref (d->vm, e);
}

static void
skip_ws (Decoder *d)
{
  while (d->pos < d->len && strchr (" \t\n\r", d->s[d->pos]) != NULL && d->s[d->pos] != 0)
    d->pos++;
}

static HsObject *parse_value (Decoder *d);

static int
hex4 (const char *p)
{
  int v = 0;
  for (int i = 0; i < 4; i++)
    {
      int h = g_ascii_xdigit_value (p[i]);
      if (h < 0)
        return -1;
      v = v * 16 + h;
    }
  return v;
}

static HsObject *
parse_string (Decoder *d)
{
  gsize start = d->pos; /* the opening quote */
  GString *out = g_string_new (NULL);
  d->pos++;
  for (;;)
    {
      char c;
      if (d->pos >= d->len)
        {
          decode_error (d, "Unterminated string starting at", start);
          g_string_free (out, TRUE);
          return NULL;
        }
      c = d->s[d->pos];
      if (c == '"')
        {
          d->pos++;
          return hs_str_from_gstring (d->vm, out);
        }
      if ((unsigned char)c < 0x20 && !d->lax)
        {
          decode_error (d, "Invalid control character at", d->pos);
          g_string_free (out, TRUE);
          return NULL;
        }
      if (c != '\\')
        {
          g_string_append_c (out, c);
          d->pos++;
          continue;
        }
      if (d->pos + 1 >= d->len)
        {
          decode_error (d, "Unterminated string starting at", start);
          g_string_free (out, TRUE);
          return NULL;
        }
      c = d->s[d->pos + 1];
      if (c == 'u')
        {
          int u = d->pos + 6 <= d->len ? hex4 (d->s + d->pos + 2) : -1;
          if (u < 0)
            {
              decode_error (d, "Invalid \\uXXXX escape", d->pos + 1);
              g_string_free (out, TRUE);
              return NULL;
            }
          d->pos += 6;
          if (u >= 0xd800 && u <= 0xdbff && d->pos + 6 <= d->len && d->s[d->pos] == '\\'
              && d->s[d->pos + 1] == 'u')
            {
              int lo = hex4 (d->s + d->pos + 2);
              if (lo >= 0xdc00 && lo <= 0xdfff)
                {
                  u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                  d->pos += 6;
                }
            }
          g_string_append_unichar (out, (gunichar)u);
          continue;
        }
      {
        const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t", *at = strchr (from, c);
        if (c == 0 || at == NULL)
          {
            decode_error (d, "Invalid \\escape", d->pos);
            g_string_free (out, TRUE);
            return NULL;
          }
        g_string_append_c (out, to[at - from]);
        d->pos += 2;
      }
    }
}

/* hook(text): parse_float, parse_int or parse_constant called with what the scanner read */
static HsObject *
call_hook_text (Decoder *d, HsObject *hook, const char *text, gsize len)
{
  HsObject *arg = hs_str_new (d->vm, text, len), *r;
  if (arg == NULL)
    return NULL;
  r = hs_object_call (d->vm, hook, &arg, 1, NULL);
  hs_decref (d->vm, arg);
  return r;
}

/* CPython's NUMBER_RE: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? */
static HsObject *
parse_number (Decoder *d)
{
  gsize start = d->pos, p = d->pos;
  gboolean is_float = FALSE;
  if (p < d->len && d->s[p] == '-')
    p++;
  if (p >= d->len || !g_ascii_isdigit (d->s[p]))
    return NULL;
  if (d->s[p] == '0')
    p++;
  else
    while (p < d->len && g_ascii_isdigit (d->s[p]))
      p++;
  if (p + 1 < d->len && d->s[p] == '.' && g_ascii_isdigit (d->s[p + 1]))
    {
      is_float = TRUE;
      p++;
      while (p < d->len && g_ascii_isdigit (d->s[p]))
        p++;
    }
  if (p < d->len && (d->s[p] == 'e' || d->s[p] == 'E'))
    {
      gsize q = p + 1;
      if (q < d->len && (d->s[q] == '+' || d->s[q] == '-'))
        q++;
      if (q < d->len && g_ascii_isdigit (d->s[q]))
        {
          is_float = TRUE;
          p = q;
          while (p < d->len && g_ascii_isdigit (d->s[p]))
            p++;
        }
    }
  d->pos = p;
  if ((is_float ? d->parse_float : d->parse_int) != NULL)
    return call_hook_text (d, is_float ? d->parse_float : d->parse_int, d->s + start, p - start);
  return is_float ? hs_float_from_str (d->vm, d->s + start, p - start)
                  : hs_int_from_str (d->vm, d->s + start, p - start, 10);
}

static gboolean
match_word (Decoder *d, const char *w)
{
  gsize n = strlen (w);
  if (d->pos + n <= d->len && strncmp (d->s + d->pos, w, n) == 0)
    {
      d->pos += n;
      return TRUE;
    }
  return FALSE;
}

static HsObject *
parse_array (Decoder *d)
{
  HsObject *list = hs_list_new (d->vm, 0);
  d->pos++;
  skip_ws (d);
  if (d->pos < d->len && d->s[d->pos] == ']')
    {
      d->pos++;
      return list;
    }
  while (list != NULL)
    {
      HsObject *v = parse_value (d);
      if (v == NULL || hs_list_append_take (d->vm, list, v) < 0)
        break;
      skip_ws (d);
      if (d->pos < d->len && d->s[d->pos] == ']')
        {
          d->pos++;
          return list;
        }
      if (d->pos >= d->len || d->s[d->pos] != ',')
        {
          decode_error (d, "Expecting ',' delimiter", d->pos);
          break;
        }
      d->pos++;
      skip_ws (d);
    }
  hs_xdecref (d->vm, list);
  return NULL;
}

static int
add_member (Decoder *d, HsObject *obj, HsObject *k, HsObject *v)
{
  HsObject *pair;
  int r;
  if (d->pairs_hook == NULL)
    return hs_dict_set_item (d->vm, obj, k, v);
  if ((pair = hs_tuple_pack (d->vm, 2, k, v)) == NULL)
    return -1;
  r = hs_list_append (d->vm, obj, pair);
  hs_decref (d->vm, pair);
  return r;
}

/* The object read (taken): object_pairs_hook(pairs), object_hook(dict), or the dict. */
static HsObject *
finish_object (Decoder *d, HsObject *obj)
{
  HsObject *hook = d->pairs_hook != NULL ? d->pairs_hook : d->object_hook, *r;
  if (obj == NULL || hook == NULL)
    return obj;
  r = hs_object_call (d->vm, hook, &obj, 1, NULL);
  hs_decref (d->vm, obj);
  return r;
}

static HsObject *
parse_object (Decoder *d)
{
  /* object_pairs_hook gets the pairs as a list, duplicates kept */
  HsObject *dict = d->pairs_hook != NULL ? hs_list_new (d->vm, 0) : hs_dict_new (d->vm);
  d->pos++;
  skip_ws (d);
  if (d->pos < d->len && d->s[d->pos] == '}')
    {
      d->pos++;
      return finish_object (d, dict);
    }
  while (dict != NULL)
    {
      HsObject *k, *v;
      int r;
      if (d->pos >= d->len || d->s[d->pos] != '"')
        {
          decode_error (d, "Expecting property name enclosed in double quotes", d->pos);
          break;
        }
      if ((k = parse_string (d)) == NULL)
        break;
      skip_ws (d);
      if (d->pos >= d->len || d->s[d->pos] != ':')
        {
          hs_decref (d->vm, k);
          decode_error (d, "Expecting ':' delimiter", d->pos);
          break;
        }
      d->pos++;
      if ((v = parse_value (d)) == NULL)
        {
          hs_decref (d->vm, k);
          break;
        }
      r = add_member (d, dict, k, v);
      hs_decref (d->vm, k);
      hs_decref (d->vm, v);
      if (r < 0)
        break;
      skip_ws (d);
      if (d->pos < d->len && d->s[d->pos] == '}')
        {
          d->pos++;
          return finish_object (d, dict);
        }
      if (d->pos >= d->len || d->s[d->pos] != ',')
        {
          decode_error (d, "Expecting ',' delimiter", d->pos);
          break;
        }
      d->pos++;
      skip_ws (d);
    }
  hs_xdecref (d->vm, dict);
  return NULL;
}

static HsObject *
constant (Decoder *d, const char *name, double value)
{
  if (d->parse_constant != NULL)
    return call_hook_text (d, d->parse_constant, name, strlen (name));
  return hs_float_new (d->vm, value);
}

static HsObject *
parse_value (Decoder *d)
{
  HsObject *r;
  char c;
  skip_ws (d);
  if (d->pos >= d->len)
    {
      decode_error (d, "Expecting value", d->pos);
      return NULL;
    }
  c = d->s[d->pos];
  if (c == '"')
    r = parse_string (d);
  else if (c == '[' || c == '{')
    {
      /* a level each, as CPython's scanner */
      if (!hs_recursion_enter (d->vm, c == '['
                                          ? " while decoding a JSON array from a unicode string"
                                          : " while decoding a JSON object from a unicode string"))
        return NULL;
      r = c == '[' ? parse_array (d) : parse_object (d);
      hs_recursion_leave (d->vm);
    }
  else if (match_word (d, "null"))
    r = hs_None;
  else if (match_word (d, "true"))
    r = hs_True;
  else if (match_word (d, "false"))
    r = hs_bool_from (FALSE);
  else if (match_word (d, "NaN"))
    r = constant (d, "NaN", NAN);
  else if (match_word (d, "Infinity"))
    r = constant (d, "Infinity", INFINITY);
  else if (match_word (d, "-Infinity"))
    r = constant (d, "-Infinity", -INFINITY);
  else if ((r = parse_number (d)) == NULL && !hs_err_occurred (d->vm))
    decode_error (d, "Expecting value", d->pos);
  return r;
}

/* Decodes d's document from character idx: the whole of it (what follows may only be white
 * space: JSONDecoder.decode), else its first value and, in *end, the character after it
 * (raw_decode, which reads no white space first). */
static HsObject *
decode_doc (Decoder *d, HsObject *s, gint64 idx, gboolean whole, gint64 *end, int frames)
{
  HsVM *vm = d->vm;
  HsObject *r;
  if (!hs_str_check (s))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "the JSON object must be str, bytes or bytearray, not %s", hs_type_name (s));
      return NULL;
    }
  d->doc = s;
  d->s = hs_str_utf8 (s);
  d->len = hs_str_byte_len (s);
  if (idx > 0)
    d->pos = idx >= (gint64)g_utf8_strlen (d->s, d->len)
                 ? d->len
                 : (gsize)(g_utf8_offset_to_pointer (d->s, (glong)idx) - d->s);
  if (!whole && (d->pos >= d->len || strchr (" \t\n\r", d->s[d->pos]) != NULL))
    {
      decode_error (d, "Expecting value", d->pos);
      return NULL;
    }
  /* the frames CPython's Python code would have between this and the C scanner (of
   * JSONDecoder.decode and raw_decode), and the scanner's own */
  if (!enter_library_frames (vm, frames, TRUE))
    return NULL;
  r = parse_value (d);
  hs_recursion_leave_n (vm, frames);
  if (r == NULL)
    return NULL;
  if (end != NULL)
    *end = g_utf8_pointer_to_offset (d->s, d->s + d->pos);
  if (!whole)
    return r;
  skip_ws (d);
  if (d->pos != d->len)
    {
      decode_error (d, "Extra data", d->pos);
      hs_decref (vm, r);
      return NULL;
    }
  return r;
}

/* _loads(s): json.loads with no hook, the default decoder's decode. */
static HsObject *
json_loads (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL;
  Decoder d = { vm };
  if (!hs_parse_args (vm, "loads", args, nargs, kwnames, "@s", &s))
    return NULL;
  return decode_doc (&d, s, 0, TRUE, NULL, 3);
}

/* A hook that is the default (float, int) or None: NULL, the scanner's own way. */
static HsObject *
hook_or_null (HsObject *hook, const HsType *dflt)
{
  return hook == hs_None || hook == (HsObject *)dflt ? NULL : hook;
}

/* _scan(s, idx, whole, object_hook, object_pairs_hook, parse_float, parse_int,
 * parse_constant, strict): a JSONDecoder's decode (whole) or raw_decode ((obj, end)). */
static HsObject *
json_scan (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s, *idx, *whole, *oh, *ph, *pf, *pi, *pc, *strict, *r, *end_obj, *t;
  Decoder d = { vm };
  gint64 i = 0, end = 0;
  int w, st;
  if (!hs_parse_args (vm, "_scan", args, nargs, kwnames,
                      "s idx whole object_hook object_pairs_hook parse_float parse_int "
                      "parse_constant strict /",
                      &s, &idx, &whole, &oh, &ph, &pf, &pi, &pc, &strict))
    return NULL;
  if ((i = hs_int_as_ssize_index (vm, idx)) == -1 && hs_err_occurred (vm))
    return NULL;
  if ((w = hs_object_truth (vm, whole)) < 0 || (st = hs_object_truth (vm, strict)) < 0)
    return NULL;
  d.object_hook = hook_or_null (oh, NULL);
  d.pairs_hook = hook_or_null (ph, NULL);
  d.parse_float = hook_or_null (pf, &hs_float_type);
  d.parse_int = hook_or_null (pi, &hs_int_type);
  d.parse_constant = hook_or_null (pc, NULL);
  d.lax = !st;
  if ((r = decode_doc (&d, s, i, w, &end, w ? 2 : 1)) == NULL || w)
    return r;
  end_obj = hs_int_from_i64 (vm, end);
  t = end_obj != NULL ? hs_tuple_pack (vm, 2, r, end_obj) : NULL;
  hs_xdecref (vm, end_obj);
  hs_decref (vm, r);
  return t;
}

static HsObject *
json_dumps (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return encode (vm, "dumps", args, nargs, kwnames);
}

/* Calls fp.<method>(arg) (arg NULL: no argument); new reference or NULL. */
static HsObject *
call_file (HsVM *vm, HsObject *fp, const char *method, HsObject *arg)
{
  HsObject *fn = hs_object_getattr_cstr (vm, fp, method);
  HsObject *r = fn != NULL ? hs_object_call (vm, fn, &arg, arg != NULL ? 1 : 0, NULL) : NULL;
  hs_xdecref (vm, fn);
  return r;
}

/* dump(obj, fp, **kw): fp.write(dumps(obj, **kw)) (CPython writes it in chunks) */
static HsObject *
json_dump (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *fp = NULL;
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  if (nargs != 2 && !hs_parse_args (vm, "dump", args, nargs, NULL, "@obj fp", &obj, &fp))
    return NULL;
  HsObject **rest = g_new (HsObject *, 1 + nkw);
  rest[0] = args[0];
  memcpy (rest + 1, args + 2, nkw * sizeof (HsObject *));
  HsObject *text = encode (vm, "dump", rest, 1, kwnames);
  g_free (rest);
  HsObject *r = text != NULL ? call_file (vm, args[1], "write", text) : NULL;
  hs_xdecref (vm, text);
  if (r == NULL)
    return NULL;
  hs_decref (vm, r);
  return hs_incref (hs_None);
}

static const HsMethodDef json_functions[] = {
  { "dumps", json_dumps }, { "_loads", json_loads }, { "_scan", json_scan },
  { "dump", json_dump },   { NULL, NULL },
};

/* CPython 3.11's json.decoder.JSONDecoder and json's loads and load (with their hooks and
 * cls=), over the scanner above; the decoder's class and functions have json.decoder's
 * __module__, as CPython's. */
static const char json_text[]
    = "class JSONDecoder(object):\n"
      "    \"\"\"Simple JSON <https://json.org> decoder\"\"\"\n"
      "    __module__ = 'json.decoder'\n"
      "\n"
      "    def __init__(self, *, object_hook=None, parse_float=None,\n"
      "            parse_int=None, parse_constant=None, strict=True,\n"
      "            object_pairs_hook=None):\n"
      "        self.object_hook = object_hook\n"
      "        self.parse_float = parse_float or float\n"
      "        self.parse_int = parse_int or int\n"
      "        self.parse_constant = parse_constant or _CONSTANTS.__getitem__\n"
      "        self.strict = strict\n"
      "        self.object_pairs_hook = object_pairs_hook\n"
      "\n"
      "    def decode(self, s):\n"
      "        return _scan(s, 0, True, self.object_hook, self.object_pairs_hook,\n"
      "                     self.parse_float, self.parse_int, self.parse_constant, self.strict)\n"
      "\n"
      "    def raw_decode(self, s, idx=0):\n"
      "        return _scan(s, idx, False, self.object_hook, self.object_pairs_hook,\n"
      "                     self.parse_float, self.parse_int, self.parse_constant, self.strict)\n"
      "\n"
      "for _f in (JSONDecoder.__init__, JSONDecoder.decode, JSONDecoder.raw_decode):\n"
      "    _f.__module__ = 'json.decoder'\n"
      "del _f\n"
      "\n"
      "_CONSTANTS = {\n"
      "    '-Infinity': float('-inf'),\n"
      "    'Infinity': float('inf'),\n"
      "    'NaN': float('nan'),\n"
      "}\n"
      "\n"
      "def loads(s, *, cls=None, object_hook=None, parse_float=None,\n"
      "        parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):\n"
      "    \"\"\"Deserialize ``s`` (a ``str`` instance containing a JSON document) to a Python "
      "object.\"\"\"\n"
      "    if (cls is None and object_hook is None and\n"
      "            parse_int is None and parse_float is None and\n"
      "            parse_constant is None and object_pairs_hook is None and not kw):\n"
      "        return _loads(s)\n"
      "    if not isinstance(s, str):\n"
      "        return _loads(s)\n"
      "    if cls is None:\n"
      "        cls = JSONDecoder\n"
      "    if object_hook is not None:\n"
      "        kw['object_hook'] = object_hook\n"
      "    if object_pairs_hook is not None:\n"
      "        kw['object_pairs_hook'] = object_pairs_hook\n"
      "    if parse_float is not None:\n"
      "        kw['parse_float'] = parse_float\n"
      "    if parse_int is not None:\n"
      "        kw['parse_int'] = parse_int\n"
      "    if parse_constant is not None:\n"
      "        kw['parse_constant'] = parse_constant\n"
      "    return cls(**kw).decode(s)\n"
      "\n"
      "def load(fp, *, cls=None, object_hook=None, parse_float=None,\n"
      "        parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):\n"
      "    \"\"\"Deserialize ``fp`` (a ``.read()``-supporting file-like object containing a JSON "
      "document) to a Python object.\"\"\"\n"
      "    return loads(fp.read(),\n"
      "        cls=cls, object_hook=object_hook,\n"
      "        parse_float=parse_float, parse_int=parse_int,\n"
      "        parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)\n";

void
hs_mod_json_runtime_init (void)
{
  hs_type_ready (&decode_error_type);
  for (gsize i = 0; i < G_N_ELEMENTS (encoder_methods); i++)
    encoder_descrs[i] = hs_method_descr_new (&encoder_methods[i], &hs_object_type);
}

int
hs_mod_json_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_take (vm, dict, "JSONDecodeError", hs_incref ((HsObject *)&decode_error_type))
      < 0)
    return -1;
  if (hs_module_add_take (vm, dict, "JSONEncoder", encoder_class_new (vm)) < 0)
    return -1;
  return hs_exec_library_module (vm, dict, json_functions, json_text);
}
