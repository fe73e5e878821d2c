/* hs-mod-pprint.c — the `pprint` module: pprint, pformat, pp, saferepr, isreadable and
 * isrecursive.
 *
 * Invariant: the text is CPython 3.11's, made by the same algorithm as Lib/pprint.py's
 * PrettyPrinter: an object whose one-line form (_safe_repr) fits in what is left of the line
 * is written so; one that does not is broken by its type's printer (chosen, as CPython's
 * _dispatch, by its type's __repr__ being dict's, list's, tuple's, set's, frozenset's, str's,
 * OrderedDict's, defaultdict's, Counter's, ChainMap's or deque's), items one a line, each
 * given the room its closing brackets leave (the `allowance`), long strs cut at spaces into
 * adjacent literals. Lengths count code points. Dict items and set members are sorted as
 * _safe_key sorts them (by `<`, or by type name and id where `<` raises TypeError). The
 * objects it formats are only read: nothing of pprint's is drawn.
 */
#include "config.h"

#include <string.h>

#include "hs-bytes.h"
#include "hs-builtins.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-complex.h"
#include "hs-chainmap.h"
#include "hs-deque.h"
#include "hs-dict.h"
#include "hs-dictkinds.h"
#include "hs-error.h"
#include "hs-format.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-recursion.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsVM *vm;
  gssize indent_per_level, width, depth; /* depth 0: no limit */
  gboolean compact, sort_dicts, underscore_numbers;
  GString *out;
  GHashTable *context; /* the containers being formatted (CPython's `context` dict of ids) */
  gboolean readable, recursive;
} Printer;

typedef enum
{
  P_NONE,
  P_DICT,
  P_LIST,
  P_TUPLE,
  P_SET,
  P_STR,
  P_ORDERED,
  P_DEFAULT,
  P_COUNTER,
  P_CHAINMAP,
  P_DEQUE,
  P_DATACLASS,
} Kind;

static HsObject *
repr_slot (const HsType *t)
{
  return hs_type_lookup_borrow (t, hs_str_intern_cstr ("__repr__"));
}

/* CPython's _dispatch[type(object).__repr__] */
static Kind
kind_of (HsObject *o)
{
  static const struct
  {
    HsType *type;
    Kind kind;
  } table[] = {
    { &hs_dict_type, P_DICT },           { &hs_list_type, P_LIST },
    { &hs_tuple_type, P_TUPLE },         { &hs_set_type, P_SET },
    { &hs_frozenset_type, P_SET },       { &hs_str_type, P_STR },
    { &hs_ordereddict_type, P_ORDERED }, { &hs_defaultdict_type, P_DEFAULT },
    { &hs_counter_type, P_COUNTER },     { &hs_chainmap_type, P_CHAINMAP },
    { &hs_deque_type, P_DEQUE },
  };
  HsObject *r = repr_slot (HS_TYPE (o));
  if (r == NULL)
    return P_NONE;
  if (hs_dataclass_repr_is_generated (r) && !hs_type_check (o))
    return P_DATACLASS;
  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    if (repr_slot (table[i].type) == r)
      return table[i].kind;
  return P_NONE;
}

static glong
text_len (const char *s)
{
  return g_utf8_strlen (s, -1);
}

static void
spaces (GString *out, gssize n)
{
  for (gssize i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* repr(o) as a new C string, or NULL with the error set. */
static char *
repr_text (HsVM *vm, HsObject *o)
{
  HsObject *r = hs_object_repr (vm, o);
  char *s;
  if (r == NULL)
    return NULL;
  s = g_strdup (hs_str_utf8 (r));
  hs_decref (vm, r);
  return s;
}

static char *
recursion_text (HsObject *o)
{
  return g_strdup_printf ("<Recursion on %s with id=%" G_GUINT64_FORMAT ">", HS_TYPE (o)->name,
                          hs_object_id (o));
}

/* ---- _safe_key ordering ------------------------------------------------------------------ */

/* a < b as _safe_key compares: 1, 0, or -1 with an error. */
static int
safe_less (HsVM *vm, HsObject *a, HsObject *b)
{
  int r = hs_object_richcompare_bool (vm, a, b, HS_CMP_LT);
  if (r >= 0 || !hs_err_matches (vm, &hs_exc_TypeError))
    return r;
  hs_err_clear (vm);
  {
    g_autofree char *ta = g_strdup_printf ("<class '%s'>", hs_type_name (a));
    g_autofree char *tb = g_strdup_printf ("<class '%s'>", hs_type_name (b));
    int c = strcmp (ta, tb);
    if (c != 0)
      return c < 0;
    return hs_object_id (a) < hs_object_id (b);
  }
}

/* Sorts items[0..n) (stable merge sort) by key_of(item) under safe_less; -1 on error. */
static int
safe_sort (HsVM *vm, HsObject **items, gsize n, gboolean pairs)
{
  g_autofree HsObject **tmp = NULL;
  if (n < 2)
    return 0;
  tmp = g_new (HsObject *, n);
  for (gsize w = 1; w < n; w *= 2)
    {
      for (gsize lo = 0; lo < n; lo += 2 * w)
        {
          gsize mid = MIN (lo + w, n), hi = MIN (lo + 2 * w, n), i = lo, j = mid, k = lo;
          while (i < mid && j < hi)
            {
              HsObject *a = pairs ? hs_tuple_get_borrow (items[i], 0) : items[i];
              HsObject *b = pairs ? hs_tuple_get_borrow (items[j], 0) : items[j];
              int lt = safe_less (vm, b, a);
              if (lt < 0)
                return -1;
              tmp[k++] = lt ? items[j++] : items[i++];
            }
          while (i < mid)
            tmp[k++] = items[i++];
          while (j < hi)
            tmp[k++] = items[j++];
        }
      memcpy (items, tmp, n * sizeof (HsObject *));
    }
  return 0;
}

/* The items of a dict as a list of (key, value) tuples, sorted when the printer sorts dicts;
 * NULL with an error. */
static HsObject *
dict_items (Printer *p, HsObject *d, gboolean sort)
{
  HsVM *vm = p->vm;
  HsObject *list = hs_dict_items (vm, d), *l;
  if (list == NULL)
    return NULL;
  l = hs_list_from_iterable (vm, list);
  hs_decref (vm, list);
  if (l != NULL && sort && safe_sort (vm, hs_list_items (l), hs_list_len (l), TRUE) < 0)
    HS_CLEAR (vm, l);
  return l;
}

/* ---- _safe_repr ------------------------------------------------------------------------ */

static char *safe_repr (Printer *p, HsObject *o, gssize level, gboolean *readable,
                        gboolean *recursive);

static gboolean
is_builtin_scalar (HsObject *o)
{
  const HsType *t = HS_TYPE (o);
  return t == &hs_str_type || t == &hs_bytes_type || t == &hs_bytearray_type || t == &hs_float_type
         || t == &hs_complex_type || t == &hs_bool_type || t == &hs_none_type;
}

/* The one-line form of a dict, list or tuple (CPython's _safe_repr for them). */
static char *
safe_repr_container (Printer *p, HsObject *o, gboolean dict, const char *open, const char *close,
                     gssize level, gboolean *readable, gboolean *recursive)
{
  HsVM *vm = p->vm;
  HsObject *items;
  GString *s;

  if (p->depth > 0 && level >= p->depth)
    {
      *readable = FALSE;
      *recursive = g_hash_table_contains (p->context, o);
      return g_strdup_printf ("%s...%s", open, close);
    }
  if (g_hash_table_contains (p->context, o))
    {
      *readable = FALSE;
      *recursive = TRUE;
      return recursion_text (o);
    }
  /* _safe_repr is a Python frame per level in CPython: a list nested 200,000 deep is a
   * RecursionError, not a C stack overflow */
  if (!hs_recursion_enter (vm, ""))
    return NULL;
  items = dict ? dict_items (p, o, p->sort_dicts) : hs_list_from_iterable (vm, o);
  if (items == NULL)
    {
      hs_recursion_leave (vm);
      return NULL;
    }
  g_hash_table_add (p->context, o);
  s = g_string_new (open);
  *readable = TRUE;
  *recursive = FALSE;
  level++;
  for (gsize i = 0; s != NULL && i < hs_list_len (items); i++)
    {
      HsObject *it = hs_list_get_borrow (items, i);
      gboolean r1 = TRUE, c1 = FALSE, r2 = TRUE, c2 = FALSE;
      char *a = safe_repr (p, dict ? hs_tuple_get_borrow (it, 0) : it, level, &r1, &c1);
      char *b
          = dict && a != NULL ? safe_repr (p, hs_tuple_get_borrow (it, 1), level, &r2, &c2) : NULL;
      if (a == NULL || (dict && b == NULL))
        {
          g_free (a);
          g_string_free (s, TRUE);
          s = NULL;
          break;
        }
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, a);
      if (dict)
        g_string_append_printf (s, ": %s", b);
      *readable = *readable && r1 && r2;
      *recursive = *recursive || c1 || c2;
      g_free (a);
      g_free (b);
    }
  g_hash_table_remove (p->context, o);
  hs_decref (vm, items);
  hs_recursion_leave (vm);
  if (s == NULL)
    return NULL;
  g_string_append (s, close);
  return g_string_free (s, FALSE);
}

static char *
safe_repr (Printer *p, HsObject *o, gssize level, gboolean *readable, gboolean *recursive)
{
  HsVM *vm = p->vm;
  HsObject *r = repr_slot (HS_TYPE (o));
  char *s;

  *readable = TRUE;
  *recursive = FALSE;
  if (is_builtin_scalar (o))
    return repr_text (vm, o);
  if (HS_ISINSTANCE (o, &hs_int_type) && r == repr_slot (&hs_int_type))
    {
      if (p->underscore_numbers)
        {
          HsObject *spec = hs_str_from_cstr (vm, "_d"), *f;
          f = spec != NULL ? hs_format_value (vm, o, spec) : NULL;
          hs_xdecref (vm, spec);
          if (f == NULL)
            return NULL;
          s = g_strdup (hs_str_utf8 (f));
          hs_decref (vm, f);
          return s;
        }
      return repr_text (vm, o);
    }
  if (HS_ISINSTANCE (o, &hs_dict_type) && r == repr_slot (&hs_dict_type))
    {
      if (hs_dict_len (o) == 0)
        return g_strdup ("{}");
      return safe_repr_container (p, o, TRUE, "{", "}", level, readable, recursive);
    }
  if (HS_ISINSTANCE (o, &hs_list_type) && r == repr_slot (&hs_list_type))
    {
      if (hs_list_len (o) == 0)
        return g_strdup ("[]");
      return safe_repr_container (p, o, FALSE, "[", "]", level, readable, recursive);
    }
  if (HS_ISINSTANCE (o, &hs_tuple_type) && r == repr_slot (&hs_tuple_type))
    {
      if (hs_tuple_len (o) == 1)
        return safe_repr_container (p, o, FALSE, "(", ",)", level, readable, recursive);
      if (hs_tuple_len (o) == 0)
        return g_strdup ("()");
      return safe_repr_container (p, o, FALSE, "(", ")", level, readable, recursive);
    }
  if ((s = repr_text (vm, o)) == NULL)
    return NULL;
  *readable = s[0] != 0 && s[0] != '<';
  return s;
}

/* CPython's PrettyPrinter._repr: the one-line form, noting what it found. */
static char *
pp_repr (Printer *p, HsObject *o, gssize level)
{
  gboolean readable = TRUE, recursive = FALSE;
  char *s = safe_repr (p, o, level, &readable, &recursive);
  if (!readable)
    p->readable = FALSE;
  if (recursive)
    p->recursive = TRUE;
  return s;
}

/* ---- _format and the printers of each kind ------------------------------------------------- */

static int format_obj (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level);

static int
format_dict_items (Printer *p, HsObject *items, gssize indent, gssize allowance, gssize level)
{
  gsize n = hs_list_len (items);
  indent += p->indent_per_level;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *it = hs_list_get_borrow (items, i);
      gboolean last = i == n - 1;
      g_autofree char *rep = pp_repr (p, hs_tuple_get_borrow (it, 0), level);
      if (rep == NULL)
        return -1;
      g_string_append (p->out, rep);
      g_string_append (p->out, ": ");
      if (format_obj (p, hs_tuple_get_borrow (it, 1), indent + text_len (rep) + 2,
                      last ? allowance : 1, level)
          < 0)
        return -1;
      if (!last)
        {
          g_string_append (p->out, ",\n");
          spaces (p->out, indent);
        }
    }
  return 0;
}

typedef enum
{
  DELIM_NONE,
  DELIM_COMMA,   /* ", " */
  DELIM_NEWLINE, /* ",\n" and the indent */
} Delim;

static void
write_delim (Printer *p, Delim d, gssize indent)
{
  if (d == DELIM_COMMA)
    g_string_append (p->out, ", ");
  else if (d == DELIM_NEWLINE)
    {
      g_string_append (p->out, ",\n");
      spaces (p->out, indent);
    }
}

static int
format_items (Printer *p, HsObject *seq, gssize indent, gssize allowance, gssize level)
{
  HsVM *vm = p->vm;
  HsObject *items = hs_list_from_iterable (vm, seq);
  gsize n;
  gssize width, max_width;
  Delim delim = DELIM_NONE;
  int rc = 0;

  if (items == NULL)
    return -1;
  n = hs_list_len (items);
  indent += p->indent_per_level;
  if (p->indent_per_level > 1)
    spaces (p->out, p->indent_per_level - 1);
  width = max_width = p->width - indent + 1;
  for (gsize i = 0; i < n && rc == 0; i++)
    {
      HsObject *ent = hs_list_get_borrow (items, i);
      gboolean last = i == n - 1;
      if (last)
        {
          max_width -= allowance;
          width -= allowance;
        }
      if (p->compact)
        {
          g_autofree char *rep = pp_repr (p, ent, level);
          gssize w;
          if (rep == NULL)
            {
              rc = -1;
              break;
            }
          w = text_len (rep) + 2;
          if (width < w)
            {
              width = max_width;
              if (delim != DELIM_NONE)
                delim = DELIM_NEWLINE;
            }
          if (width >= w)
            {
              width -= w;
              write_delim (p, delim, indent);
              delim = DELIM_COMMA;
              g_string_append (p->out, rep);
              continue;
            }
        }
      write_delim (p, delim, indent);
      delim = DELIM_NEWLINE;
      rc = format_obj (p, ent, indent, last ? allowance : 1, level);
    }
  hs_decref (vm, items);
  return rc;
}

static int
write_repr (Printer *p, HsObject *o)
{
  g_autofree char *r = repr_text (p->vm, o);
  if (r == NULL)
    return -1;
  g_string_append (p->out, r);
  return 0;
}

/* open, the items of seq (_format_items, leaving room for close on the last line), close:
 * how CPython's printers of the sequences and sets write their bodies */
static int
write_bracketed (Printer *p, HsObject *seq, const char *open, const char *close, gssize indent,
                 gssize allowance, gssize level)
{
  g_string_append (p->out, open);
  int rc = format_items (p, seq, indent, allowance + text_len (close), level);
  g_string_append (p->out, close);
  return rc;
}

static int
pprint_dict (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  HsObject *items;
  int rc = 0;
  g_string_append_c (p->out, '{');
  if (p->indent_per_level > 1)
    spaces (p->out, p->indent_per_level - 1);
  if (hs_dict_len (o) > 0)
    {
      if ((items = dict_items (p, o, p->sort_dicts)) == NULL)
        return -1;
      rc = format_dict_items (p, items, indent, allowance + 1, level);
      hs_decref (p->vm, items);
    }
  g_string_append_c (p->out, '}');
  return rc;
}

static int
pprint_set (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  HsVM *vm = p->vm;
  const char *name = HS_TYPE (o)->name;
  HsObject *items;
  int rc;
  if ((items = hs_list_from_iterable (vm, o)) == NULL)
    return -1;
  rc = safe_sort (vm, hs_list_items (items), hs_list_len (items), FALSE);
  if (rc == 0 && HS_TYPE (o) == &hs_set_type)
    rc = write_bracketed (p, items, "{", "}", indent, allowance, level);
  else if (rc == 0)
    {
      g_autofree char *open = g_strdup_printf ("%s({", name);
      rc = write_bracketed (p, items, open, "})", indent + text_len (name) + 1, allowance, level);
    }
  hs_decref (vm, items);
  return rc;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
}

/* repr of the code points c[0..n) */
static char *
repr_of_chars (HsVM *vm, const gunichar *c, glong n)
{
  g_autofree char *u = g_ucs4_to_utf8 (c, n, NULL, NULL, NULL);
  HsObject *s = hs_str_from_cstr (vm, u);
  char *r;
  if (s == NULL)
    return NULL;
  r = repr_text (vm, s);
  hs_decref (vm, s);
  return r;
}

/* One line of a str cut at spaces (CPython's re.findall(r'\S*\s*', line)) into chunks whose
 * reprs fit max_width (less the allowance for the text's last part). */
static int
str_line_chunks (HsVM *vm, GPtrArray *chunks, HsObject *line, gssize max_width, gssize allowance,
                 gboolean last_line)
{
  glong n;
  g_autofree gunichar *c = g_utf8_to_ucs4_fast (hs_str_utf8 (line), -1, &n);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (glong));
  glong cur_start = 0, cur_end = 0; /* current = c[cur_start..cur_end) */
  for (glong i = 0; i < n;)
    {
      g_array_append_val (starts, i);
      while (i < n && !is_space (c[i]))
        i++;
      while (i < n && is_space (c[i]))
        i++;
    }
  for (guint j = 0; j < starts->len; j++)
    {
      glong ps = g_array_index (starts, glong, j);
      glong pe = j + 1 < starts->len ? g_array_index (starts, glong, j + 1) : n;
      g_autofree char *cand = NULL;
      if (j == starts->len - 1 && last_line)
        max_width -= allowance;
      if ((cand = repr_of_chars (vm, c + cur_start, pe - cur_start)) == NULL)
        {
          g_array_free (starts, TRUE);
          return -1;
        }
      if (text_len (cand) > max_width)
        {
          if (cur_end > cur_start)
            {
              char *r = repr_of_chars (vm, c + cur_start, cur_end - cur_start);
              if (r == NULL)
                {
                  g_array_free (starts, TRUE);
                  return -1;
                }
              g_ptr_array_add (chunks, r);
            }
          cur_start = ps;
        }
      cur_end = pe;
    }
  g_array_free (starts, TRUE);
  if (cur_end > cur_start)
    {
      char *r = repr_of_chars (vm, c + cur_start, cur_end - cur_start);
      if (r == NULL)
        return -1;
      g_ptr_array_add (chunks, r);
    }
  return 0;
}

static int
pprint_str (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  HsVM *vm = p->vm;
  HsObject *keep = hs_True, *lines;
  g_autoptr (GPtrArray) chunks = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *rep = NULL;
  gssize max_width, max_width1;
  gsize n;

  if (hs_str_char_len (o) == 0)
    {
      g_string_append (p->out, "''");
      return 0;
    }
  if ((lines = hs_object_call_method (vm, o, "splitlines", &keep, 1, NULL)) == NULL)
    return -1;
  if (level == 1)
    {
      indent += 1;
      allowance += 1;
    }
  max_width1 = max_width = p->width - indent;
  n = hs_list_len (lines);
  for (gsize i = 0; i < n; i++)
    {
      HsObject *line = hs_list_get_borrow (lines, i);
      g_free (rep);
      if ((rep = repr_text (vm, line)) == NULL)
        break;
      if (i == n - 1)
        max_width1 -= allowance;
      if (text_len (rep) <= max_width1)
        g_ptr_array_add (chunks, g_strdup (rep));
      else if (str_line_chunks (vm, chunks, line, max_width, allowance, i == n - 1) < 0)
        {
          g_clear_pointer (&rep, g_free);
          break;
        }
    }
  hs_decref (vm, lines);
  if (rep == NULL)
    return -1;
  if (chunks->len == 1)
    {
      g_string_append (p->out, rep);
      return 0;
    }
  if (level == 1)
    g_string_append_c (p->out, '(');
  for (guint i = 0; i < chunks->len; i++)
    {
      if (i > 0)
        {
          g_string_append_c (p->out, '\n');
          spaces (p->out, indent);
        }
      g_string_append (p->out, chunks->pdata[i]);
    }
  if (level == 1)
    g_string_append_c (p->out, ')');
  return 0;
}

static int
pprint_ordered (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  const char *name = hs_class_name ((HsObject *)HS_TYPE (o));
  HsObject *items, *list;
  int rc;
  if ((items = hs_dict_items (p->vm, o)) == NULL)
    return -1;
  list = hs_list_from_iterable (p->vm, items);
  hs_decref (p->vm, items);
  if (list == NULL)
    return -1;
  g_string_append_printf (p->out, "%s(", name);
  rc = format_obj (p, list, indent + text_len (name) + 1, allowance + 1, level);
  hs_decref (p->vm, list);
  g_string_append_c (p->out, ')');
  return rc;
}

static int
pprint_default (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  const char *name = hs_class_name ((HsObject *)HS_TYPE (o));
  HsObject *factory;
  g_autofree char *rdf = NULL;
  if ((factory = hs_object_getattr_cstr (p->vm, o, "default_factory")) == NULL)
    return -1;
  rdf = pp_repr (p, factory, level);
  hs_decref (p->vm, factory);
  if (rdf == NULL)
    return -1;
  indent += text_len (name) + 1;
  g_string_append_printf (p->out, "%s(%s,\n", name, rdf);
  spaces (p->out, indent);
  if (pprint_dict (p, o, indent, allowance + 1, level) < 0)
    return -1;
  g_string_append_c (p->out, ')');
  return 0;
}

static int
pprint_counter (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  const char *name = hs_class_name ((HsObject *)HS_TYPE (o));
  HsObject *items;
  int rc;
  g_string_append_printf (p->out, "%s({", name);
  if (p->indent_per_level > 1)
    spaces (p->out, p->indent_per_level - 1);
  if ((items = hs_object_call_method (p->vm, o, "most_common", NULL, 0, NULL)) == NULL)
    return -1;
  rc = hs_list_check (items)
           ? format_dict_items (p, items, indent + text_len (name) + 1, allowance + 2, level)
           : -1;
  hs_decref (p->vm, items);
  g_string_append (p->out, "})");
  return rc;
}

static int
pprint_chainmap (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  const char *name = hs_class_name ((HsObject *)HS_TYPE (o));
  HsObject *maps = hs_object_getattr_cstr (p->vm, o, "maps"), *list;
  gsize n;
  int rc = 0;
  if (maps == NULL)
    return -1;
  list = hs_list_from_iterable (p->vm, maps);
  hs_decref (p->vm, maps);
  if (list == NULL)
    return -1;
  if ((n = hs_list_len (list)) == 0)
    {
      hs_decref (p->vm, list);
      return write_repr (p, o);
    }
  g_string_append_printf (p->out, "%s(", name);
  indent += text_len (name) + 1;
  for (gsize i = 0; i < n && rc == 0; i++)
    {
      if (i == n - 1)
        {
          rc = format_obj (p, hs_list_get_borrow (list, i), indent, allowance + 1, level);
          g_string_append_c (p->out, ')');
        }
      else
        {
          rc = format_obj (p, hs_list_get_borrow (list, i), indent, 1, level);
          g_string_append (p->out, ",\n");
          spaces (p->out, indent);
        }
    }
  hs_decref (p->vm, list);
  return rc;
}

static int
pprint_deque (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  const char *name = hs_class_name ((HsObject *)HS_TYPE (o));
  HsObject *maxlen;
  g_autofree char *open = g_strdup_printf ("%s([", name);
  int rc;
  if ((maxlen = hs_object_getattr_cstr (p->vm, o, "maxlen")) == NULL)
    return -1;
  indent += text_len (name) + 1;
  if (maxlen == hs_None)
    rc = write_bracketed (p, o, open, "])", indent, allowance, level);
  else
    {
      g_autofree char *rml = NULL;
      g_string_append (p->out, open);
      rc = format_items (p, o, indent, 2, level);
      if (rc == 0 && (rml = pp_repr (p, maxlen, level)) == NULL)
        rc = -1;
      if (rc == 0)
        {
          g_string_append (p->out, "],\n");
          spaces (p->out, indent);
          g_string_append_printf (p->out, "maxlen=%s)", rml);
        }
    }
  hs_decref (p->vm, maxlen);
  return rc;
}

/* CPython's _pprint_dataclass: Name(field=value, ...) for the fields with repr=True, one a
 * line (_format_namespace_items). */
static int
pprint_dataclass (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  HsVM *vm = p->vm;
  const char *name = hs_class_name ((HsObject *)HS_TYPE (o));
  HsObject *module = hs_import_module (vm, "dataclasses"), *fields, *items;
  int rc = 0;
  if (module == NULL)
    return -1;
  fields = hs_object_call_method (vm, module, "fields", &o, 1, NULL);
  hs_decref (vm, module);
  if (fields == NULL)
    return -1;
  items = hs_list_new (vm, 0);
  for (gsize i = 0; items != NULL && i < hs_tuple_len (fields); i++)
    {
      HsObject *f = hs_tuple_get_borrow (fields, i), *show, *fname, *v = NULL, *pair = NULL;
      int t = (show = hs_object_getattr_cstr (vm, f, "repr")) != NULL ? hs_object_truth (vm, show)
                                                                      : -1;
      hs_xdecref (vm, show);
      fname = t > 0 ? hs_object_getattr_cstr (vm, f, "name") : NULL;
      if (fname != NULL && (v = hs_object_getattr (vm, o, fname)) != NULL)
        pair = hs_tuple_pack (vm, 2, fname, v);
      hs_xdecref (vm, fname);
      hs_xdecref (vm, v);
      if (t < 0 || (t > 0 && (pair == NULL || hs_list_append_take (vm, items, pair) < 0)))
        HS_CLEAR (vm, items);
    }
  hs_decref (vm, fields);
  if (items == NULL)
    return -1;
  indent += text_len (name) + 1;
  g_string_append_printf (p->out, "%s(", name);
  for (gsize i = 0, n = hs_list_len (items); i < n && rc == 0; i++)
    {
      HsObject *it = hs_list_get_borrow (items, i), *ent = hs_tuple_get_borrow (it, 1);
      const char *key = hs_str_utf8 (hs_tuple_get_borrow (it, 0));
      gboolean last = i == n - 1;
      g_string_append_printf (p->out, "%s=", key);
      if (g_hash_table_contains (p->context, ent))
        g_string_append (p->out, "...");
      else
        rc = format_obj (p, ent, indent + text_len (key) + 1, last ? allowance : 1, level);
      if (!last)
        {
          g_string_append (p->out, ",\n");
          spaces (p->out, indent);
        }
    }
  hs_decref (vm, items);
  g_string_append_c (p->out, ')');
  return rc;
}

static int
pprint_list (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  return write_bracketed (p, o, "[", "]", indent, allowance, level);
}

static int
pprint_tuple (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  return write_bracketed (p, o, "(", hs_tuple_len (o) == 1 ? ",)" : ")", indent, allowance, level);
}

typedef int (*PrintFn) (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level);

/* CPython's _dispatch, by kind. The printers of the sets, the dict subclasses and deque
 * begin alike: `if not len(object): stream.write(repr(object)); return` (empty_as_repr). */
static const struct
{
  PrintFn print;
  gboolean empty_as_repr;
} printers[] = {
  [P_DICT] = { pprint_dict, FALSE },
  [P_LIST] = { pprint_list, FALSE },
  [P_TUPLE] = { pprint_tuple, FALSE },
  [P_SET] = { pprint_set, TRUE },
  [P_STR] = { pprint_str, FALSE },
  [P_ORDERED] = { pprint_ordered, TRUE },
  [P_DEFAULT] = { pprint_default, TRUE },
  [P_COUNTER] = { pprint_counter, TRUE },
  [P_CHAINMAP] = { pprint_chainmap, FALSE },
  [P_DEQUE] = { pprint_deque, TRUE },
  [P_DATACLASS] = { pprint_dataclass, FALSE },
};

static int
dispatch (Printer *p, Kind kind, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  if (kind == P_NONE || kind >= G_N_ELEMENTS (printers))
    return 0;
  if (printers[kind].empty_as_repr)
    {
      gssize n = hs_object_len (p->vm, o);
      if (n <= 0)
        return n < 0 ? -1 : write_repr (p, o);
    }
  return printers[kind].print (p, o, indent, allowance, level);
}

static int
format_obj (Printer *p, HsObject *o, gssize indent, gssize allowance, gssize level)
{
  g_autofree char *rep = NULL;
  Kind kind;
  if (g_hash_table_contains (p->context, o))
    {
      g_autofree char *r = recursion_text (o);
      g_string_append (p->out, r);
      p->recursive = TRUE;
      p->readable = FALSE;
      return 0;
    }
  if ((rep = pp_repr (p, o, level)) == NULL)
    return -1;
  if (text_len (rep) > p->width - indent - allowance && (kind = kind_of (o)) != P_NONE)
    {
      int rc;
      /* _format -> _pprint_KIND -> _format_items -> _format: three Python frames a level */
      if (!hs_recursion_enter_n (p->vm, 3, ""))
        return -1;
      g_hash_table_add (p->context, o);
      rc = dispatch (p, kind, o, indent, allowance, level + 1);
      g_hash_table_remove (p->context, o);
      hs_recursion_leave_n (p->vm, 3);
      return rc;
    }
  g_string_append (p->out, rep);
  return 0;
}

/* ---- the functions ------------------------------------------------------------------------ */

/* PrettyPrinter.__init__'s checks, from the arguments as given; FALSE with CPython's error. */
static gboolean
printer_init (HsVM *vm, Printer *p, HsObject *indent, HsObject *width, HsObject *depth,
              HsObject *compact, HsObject *sort_dicts, HsObject *underscore)
{
  HsObject *i = hs_object_call (vm, (HsObject *)&hs_int_type, &indent, 1, NULL), *w;
  gint64 iv, wv;
  int t;
  if (i == NULL)
    return FALSE;
  w = hs_object_call (vm, (HsObject *)&hs_int_type, &width, 1, NULL);
  if (w == NULL)
    {
      hs_decref (vm, i);
      return FALSE;
    }
  iv = hs_int_as_ssize (vm, i);
  wv = hs_int_as_ssize (vm, w);
  hs_decref (vm, i);
  hs_decref (vm, w);
  if (hs_err_occurred (vm))
    return FALSE;
  if (iv < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "indent must be >= 0");
      return FALSE;
    }
  memset (p, 0, sizeof *p);
  p->vm = vm;
  if (depth != hs_None)
    {
      HsObject *zero = hs_int_from_i64 (vm, 0);
      t = zero != NULL ? hs_object_richcompare_bool (vm, depth, zero, HS_CMP_LE) : -1;
      hs_xdecref (vm, zero);
      if (t < 0)
        return FALSE;
      if (t)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "depth must be > 0");
          return FALSE;
        }
      p->depth = hs_int_as_ssize (vm, depth);
      if (hs_err_occurred (vm))
        return FALSE;
    }
  if (wv == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "width must be != 0");
      return FALSE;
    }
  p->indent_per_level = iv;
  p->width = wv;
  if ((t = hs_object_truth (vm, compact)) < 0)
    return FALSE;
  p->compact = t;
  if ((t = hs_object_truth (vm, sort_dicts)) < 0)
    return FALSE;
  p->sort_dicts = t;
  if ((t = hs_object_truth (vm, underscore)) < 0)
    return FALSE;
  p->underscore_numbers = t;
  p->readable = TRUE;
  return TRUE;
}

/* The pretty text of o (new str), or NULL. */
static HsObject *
printer_format (Printer *p, HsObject *o)
{
  HsObject *r = NULL;
  p->out = g_string_new (NULL);
  p->context = g_hash_table_new (NULL, NULL);
  if (format_obj (p, o, 0, 0, 0) == 0)
    r = hs_str_new (p->vm, p->out->str, p->out->len);
  g_string_free (p->out, TRUE);
  g_hash_table_destroy (p->context);
  return r;
}

static int
stream_write (HsVM *vm, HsObject *stream, HsObject *text)
{
  HsObject *r = hs_object_call_method (vm, stream, "write", &text, 1, NULL);
  if (r == NULL)
    return -1;
  hs_decref (vm, r);
  return 0;
}

static HsObject *
pprint_with (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
             HsObject *sort_dicts)
{
  HsObject *o = NULL, *stream = hs_None, *indent = hs_int_from_i64 (vm, 1),
           *width = hs_int_from_i64 (vm, 80);
  HsObject *depth = hs_None, *compact = hs_False, *underscore = hs_False, *text, *nl;
  HsObject *own_stream = NULL;
  Printer p;
  int rc;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames,
                      "@object|stream indent width depth $compact sort_dicts underscore_numbers",
                      &o, &stream, &indent, &width, &depth, &compact, &sort_dicts, &underscore)
      || !printer_init (vm, &p, indent, width, depth, compact, sort_dicts, underscore))
    return NULL;
  if (stream == hs_None)
    {
      HsObject *sys = hs_import_module (vm, "sys");
      if (sys == NULL)
        return NULL;
      own_stream = stream = hs_object_getattr_cstr (vm, sys, "stdout");
      hs_decref (vm, sys);
      if (stream == NULL)
        return NULL;
    }
  if (stream == hs_None)
    {
      hs_decref (vm, own_stream);
      return hs_incref (hs_None);
    }
  if ((text = printer_format (&p, o)) == NULL)
    {
      hs_xdecref (vm, own_stream);
      return NULL;
    }
  rc = stream_write (vm, stream, text);
  hs_decref (vm, text);
  if (rc == 0)
    {
      nl = hs_str_from_cstr (vm, "\n");
      rc = nl != NULL ? stream_write (vm, stream, nl) : -1;
      hs_xdecref (vm, nl);
    }
  hs_xdecref (vm, own_stream);
  return rc == 0 ? hs_incref (hs_None) : NULL;
}

static HsObject *
pp_pprint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return pprint_with (vm, "pprint", args, nargs, kwnames, hs_True);
}

static HsObject *
pp_pp (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return pprint_with (vm, "pprint", args, nargs, kwnames, hs_False);
}

static HsObject *
pp_pformat (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL, *indent = hs_int_from_i64 (vm, 1), *width = hs_int_from_i64 (vm, 80),
           *depth = hs_None;
  HsObject *compact = hs_False, *sort_dicts = hs_True, *underscore = hs_False;
  Printer p;
  if (!hs_parse_args (vm, "pformat", args, nargs, kwnames,
                      "@object|indent width depth $compact sort_dicts underscore_numbers", &o,
                      &indent, &width, &depth, &compact, &sort_dicts, &underscore)
      || !printer_init (vm, &p, indent, width, depth, compact, sort_dicts, underscore))
    return NULL;
  return printer_format (&p, o);
}

/* saferepr, isreadable and isrecursive: PrettyPrinter()._safe_repr(object, {}, None, 0). */
static HsObject *
safe_repr_answer (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
                  int which)
{
  HsObject *o = NULL, *r = NULL;
  Printer p;
  gboolean readable = TRUE, recursive = FALSE;
  char *s;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@object", &o)
      || !printer_init (vm, &p, hs_int_from_i64 (vm, 1), hs_int_from_i64 (vm, 80), hs_None,
                        hs_False, hs_True, hs_False))
    return NULL;
  p.context = g_hash_table_new (NULL, NULL);
  s = safe_repr (&p, o, 0, &readable, &recursive);
  g_hash_table_destroy (p.context);
  if (s == NULL)
    return NULL;
  if (which == 0)
    r = hs_str_from_cstr (vm, s);
  else
    r = hs_incref (hs_bool_from (which == 1 ? readable : recursive));
  g_free (s);
  return r;
}

static HsObject *
pp_saferepr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return safe_repr_answer (vm, "saferepr", args, nargs, kwnames, 0);
}

static HsObject *
pp_isreadable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return safe_repr_answer (vm, "isreadable", args, nargs, kwnames, 1);
}

static HsObject *
pp_isrecursive (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return safe_repr_answer (vm, "isrecursive", args, nargs, kwnames, 2);
}

static const HsMethodDef pprint_functions[] = {
  { "pprint", pp_pprint },
  { "pformat", pp_pformat },
  { "pp", pp_pp },
  { "saferepr", pp_saferepr },
  { "isreadable", pp_isreadable },
  { "isrecursive", pp_isrecursive },
  { NULL, NULL },
};

/* CPython 3.11's PrettyPrinter, its settings kept as CPython keeps them, over pformat. */
static const char pprint_text[]
    = "import sys as _sys\n"
      "\n"
      "class PrettyPrinter:\n"
      "    def __init__(self, indent=1, width=80, depth=None, stream=None, *,\n"
      "                 compact=False, sort_dicts=True, underscore_numbers=False):\n"
      "        indent = int(indent)\n"
      "        width = int(width)\n"
      "        if indent < 0:\n"
      "            raise ValueError('indent must be >= 0')\n"
      "        if depth is not None and depth <= 0:\n"
      "            raise ValueError('depth must be > 0')\n"
      "        if not width:\n"
      "            raise ValueError('width must be != 0')\n"
      "        self._depth = depth\n"
      "        self._indent_per_level = indent\n"
      "        self._width = width\n"
      "        if stream is not None:\n"
      "            self._stream = stream\n"
      "        else:\n"
      "            self._stream = _sys.stdout\n"
      "        self._compact = bool(compact)\n"
      "        self._sort_dicts = sort_dicts\n"
      "        self._underscore_numbers = underscore_numbers\n"
      "\n"
      "    def pprint(self, object):\n"
      "        if self._stream is not None:\n"
      "            self._stream.write(self.pformat(object))\n"
      "            self._stream.write(\"\\n\")\n"
      "\n"
      "    def pformat(self, object):\n"
      "        return pformat(object, self._indent_per_level, self._width, self._depth,\n"
      "                       compact=self._compact, sort_dicts=self._sort_dicts,\n"
      "                       underscore_numbers=self._underscore_numbers)\n"
      "\n"
      "    def isrecursive(self, object):\n"
      "        return isrecursive(object)\n"
      "\n"
      "    def isreadable(self, object):\n"
      "        return isreadable(object)\n"
      "\n"
      "    def format(self, object, context, maxlevels, level):\n"
      "        return saferepr(object), isreadable(object), isrecursive(object)\n";

int
hs_mod_pprint_init (HsVM *vm, HsObject *dict)
{
  return hs_exec_library_module (vm, dict, pprint_functions, pprint_text);
}
