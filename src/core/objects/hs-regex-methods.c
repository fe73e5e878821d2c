/* hs-regex-methods.c — the methods of re.Pattern (match, search, fullmatch, findall,
 * finditer, sub, subn, split), which the re module's functions call on the compiled pattern.
 *
 * Invariant: every scan goes through matches as CPython 3.7+'s does: after an empty match
 * the next one may not be empty at the same place (PCRE's NOTEMPTY_ATSTART), so empty
 * matches next to a previous match count; a replacement template is parsed as CPython's
 * (\1, \g<name>, \g<2>, the standard escapes, its errors) before the scan starts.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-regex.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* The string argument of a scan: a str (bytes are not supported). */
static gboolean
check_string (HsVM *vm, HsObject *s)
{
  if (hs_str_check (s))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError, "expected string or bytes-like object, got '%s'",
                 hs_type_name (s));
  return FALSE;
}

static gboolean
index_arg (HsVM *vm, HsObject *o, gssize *out)
{
  if (o == NULL)
    return TRUE;
  *out = hs_int_as_ssize_index (vm, o);
  return !(*out == -1 && hs_err_occurred (vm));
}

/* pattern.match/search/fullmatch(string, pos=0, endpos=sys.maxsize) */
static HsObject *
exec_method (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
             HsReMode mode)
{
  HsObject *string = NULL, *pos_obj = NULL, *end_obj = NULL;
  gssize pos = 0, endpos = G_MAXSSIZE;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "string | pos endpos", &string,
                      &pos_obj, &end_obj)
      || !check_string (vm, string) || !index_arg (vm, pos_obj, &pos)
      || !index_arg (vm, end_obj, &endpos))
    return NULL;
  return hs_pattern_exec (vm, args[0], string, pos, endpos, mode, FALSE);
}

static HsObject *
p_match (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return exec_method (vm, "match", args, nargs, kwnames, HS_RE_MATCH);
}

static HsObject *
p_search (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return exec_method (vm, "search", args, nargs, kwnames, HS_RE_SEARCH);
}

static HsObject *
p_fullmatch (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return exec_method (vm, "fullmatch", args, nargs, kwnames, HS_RE_FULLMATCH);
}

/* Calls fn(match, data) for each match of pat in string[pos:endpos], at most `count`
 * (0: all); stops early when fn returns 1, on error -1. */
typedef int (*EachFn) (HsVM *vm, HsObject *m, gpointer data);

static int
each_match (HsVM *vm, HsObject *pat, HsObject *string, gssize pos, gssize endpos, gsize count,
            EachFn fn, gpointer data)
{
  gboolean after_empty = FALSE;
  for (gsize n = 0; count == 0 || n < count; n++)
    {
      HsObject *m = hs_pattern_exec (vm, pat, string, pos, endpos, HS_RE_SEARCH, after_empty);
      if (m == NULL)
        return -1;
      if (m == hs_None)
        {
          hs_decref (vm, m);
          return 0;
        }
      gssize s = hs_match_start (m, 0), e = hs_match_end (m, 0);
      int r = fn (vm, m, data);
      hs_decref (vm, m);
      if (r != 0)
        return r;
      after_empty = s == e;
      pos = e;
      if (pos > endpos)
        return 0;
    }
  return 0;
}

static HsObject *
scan_args (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
           gssize *pos, gssize *endpos)
{
  HsObject *string = NULL, *pos_obj = NULL, *end_obj = NULL;
  *pos = 0;
  *endpos = G_MAXSSIZE;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "string | pos endpos", &string,
                      &pos_obj, &end_obj)
      || !check_string (vm, string) || !index_arg (vm, pos_obj, pos)
      || !index_arg (vm, end_obj, endpos))
    return NULL;
  return string;
}

typedef struct
{
  HsObject *list;
  guint groups;
} Found;

static int
found_item (HsVM *vm, HsObject *m, gpointer data)
{
  Found *f = data;
  HsObject *empty = hs_str_intern_cstr ("");
  if (f->groups <= 1)
    return hs_list_append_take (vm, f->list, hs_match_group (vm, m, f->groups, empty));
  HsObject *t = hs_tuple_new (vm, f->groups);
  for (guint g = 1; t != NULL && g <= f->groups; g++)
    {
      HsObject *v = hs_match_group (vm, m, g, empty);
      if (v == NULL)
        HS_CLEAR (vm, t);
      else
        hs_tuple_set_take (t, g - 1, v);
    }
  return hs_list_append_take (vm, f->list, t);
}

static HsObject *
p_findall (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gssize pos, endpos;
  HsObject *string = scan_args (vm, "findall", args, nargs, kwnames, &pos, &endpos);
  Found f = { string != NULL ? hs_list_new (vm, 0) : NULL, hs_pattern_groups (args[0]) };
  if (f.list != NULL && each_match (vm, args[0], string, pos, endpos, 0, found_item, &f) < 0)
    HS_CLEAR (vm, f.list);
  return f.list;
}

static HsObject *
p_scanner (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gssize pos, endpos;
  HsObject *string = scan_args (vm, "scanner", args, nargs, kwnames, &pos, &endpos);
  return string != NULL ? hs_scanner_new (vm, args[0], string, pos, endpos) : NULL;
}

/* finditer: iter(self.scanner(...).search, None), as CPython's: one match per next() */
static HsObject *
p_finditer (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gssize pos, endpos;
  HsObject *string = scan_args (vm, "finditer", args, nargs, kwnames, &pos, &endpos);
  HsObject *sc = string != NULL ? hs_scanner_new (vm, args[0], string, pos, endpos) : NULL;
  HsObject *search = sc != NULL ? hs_object_getattr_cstr (vm, sc, "search") : NULL;
  HsObject *it = search != NULL ? hs_calliter_new (vm, search, hs_None) : NULL;
  hs_xdecref (vm, search);
  hs_xdecref (vm, sc);
  return it;
}

/* ---- replacement templates ---------------------------------------------------------- */

/* A parsed template: literal text and group numbers, alternating as pieces. */
typedef struct
{
  GString *text;  /* all literal text */
  GArray *pieces; /* (offset into text, length, group or -1) */
} Template;

typedef struct
{
  gsize off, len;
  gint group;
} Piece;

static void
template_clear (Template *t)
{
  g_string_free (t->text, TRUE);
  g_array_free (t->pieces, TRUE);
}

static void
add_text (Template *t, const char *s, gsize len)
{
  Piece p = { t->text->len, len, -1 };
  g_string_append_len (t->text, s, len);
  g_array_append_val (t->pieces, p);
}

static void
add_group (Template *t, gint g)
{
  Piece p = { 0, 0, g };
  g_array_append_val (t->pieces, p);
}

/* re.error(msg, repl, position of `at`), as CPython's template parser raises it */
static gboolean
tfail (HsVM *vm, HsObject *repl, const char *at, const char *msg)
{
  hs_regex_error_set (vm, msg, repl, g_utf8_pointer_to_offset (hs_str_utf8 (repl), at));
  return FALSE;
}

/* \g<name> or \g<number> at the 'g' */
static gboolean
template_named (HsVM *vm, HsObject *pat, HsObject *repl, const char **pp, const char *end,
                Template *t)
{
  const char *p = *pp + 1;
  if (p >= end || *p != '<')
    return tfail (vm, repl, p, "missing <");
  const char *name = ++p;
  while (p < end && *p != '>')
    p++;
  if (p >= end)
    return tfail (vm, repl, name, "missing >, unterminated name");
  if (p == name)
    return tfail (vm, repl, name, "missing group name");
  gsize len = p - name;
  gint64 g = -1;
  gboolean digits = TRUE;
  for (gsize i = 0; i < len; i++)
    digits &= g_ascii_isdigit (name[i]);
  if (digits)
    g = g_ascii_strtoll (name, NULL, 10);
  else
    {
      HsObject *key = hs_str_new (vm, name, len);
      HsObject *num = key != NULL
                          ? hs_dict_get_item_borrow (vm, hs_pattern_groupindex_borrow (pat), key)
                          : NULL;
      hs_xdecref (vm, key);
      if (num == NULL)
        {
          hs_err_format (vm, &hs_exc_IndexError, "unknown group name '%.*s'", (int)len, name);
          return FALSE;
        }
      hs_int_as_i64 (num, &g);
    }
  if (g > (gint64)hs_pattern_groups (pat))
    {
      char *msg = g_strdup_printf ("invalid group reference %d", (int)g);
      gboolean r = tfail (vm, repl, name, msg);
      g_free (msg);
      return r;
    }
  add_group (t, (gint)g);
  *pp = p + 1;
  return TRUE;
}

/* CPython's parse_template: FALSE with re.error for a bad escape or group reference. */
static gboolean
template_parse (HsVM *vm, HsObject *pat, HsObject *repl, Template *t)
{
  const char *s = hs_str_utf8 (repl), *end = s + hs_str_byte_len (repl), *p = s, *lit = s;
  t->text = g_string_new (NULL);
  t->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  while (p < end)
    {
      if (*p != '\\')
        {
          p++;
          continue;
        }
      add_text (t, lit, p - lit);
      const char *bs = p++;
      if (p >= end)
        return tfail (vm, repl, bs, "bad escape (end of pattern)");
      char c = *p;
      static const char escapes[] = "a\ab\bf\fn\nr\rt\tv\v\\\\";
      const char *e = strchr (escapes, c);
      if (c == 'g')
        {
          if (!template_named (vm, pat, repl, &p, end, t))
            return FALSE;
        }
      else if (c == '0' || (c >= '1' && c <= '9'))
        {
          /* octal: \0, \0oo, or three octal digits; else a group of one or two digits */
          const char *q = p;
          gboolean oct3 = q + 2 < end && q[0] <= '7' && q[1] >= '0' && q[1] <= '7' && q[2] >= '0'
                          && q[2] <= '7';
          if (c == '0' || oct3)
            {
              guint v = 0, k = 0;
              while (k < 3 && q < end && *q >= '0' && *q <= '7')
                v = v * 8 + (guint)(*q++ - '0'), k++;
              char buf[8];
              gint n = g_unichar_to_utf8 (v, buf);
              add_text (t, buf, (gsize)n);
              p = q;
            }
          else
            {
              gint g = c - '0';
              q++;
              if (q < end && g_ascii_isdigit (*q))
                g = g * 10 + (*q++ - '0');
              if (g > (gint)hs_pattern_groups (pat))
                {
                  char *msg = g_strdup_printf ("invalid group reference %d", g);
                  gboolean r = tfail (vm, repl, bs + 1, msg);
                  g_free (msg);
                  return r;
                }
              add_group (t, g);
              p = q;
            }
        }
      else if (e != NULL && ((e - escapes) % 2) == 0)
        {
          add_text (t, e + 1, 1);
          p++;
        }
      else if (g_ascii_isalpha (c))
        {
          char *msg = g_strdup_printf ("bad escape \\%c", c);
          gboolean r = tfail (vm, repl, bs, msg);
          g_free (msg);
          return r;
        }
      else
        {
          add_text (t, bs, 1); /* an unknown escape stays as it is */
          lit = p;
          continue;
        }
      lit = p;
    }
  add_text (t, lit, end - lit);
  return TRUE;
}

typedef struct
{
  GString *out;
  HsObject *string;
  HsObject *repl; /* a callable, or NULL with the template */
  Template tmpl;
  gssize last; /* character position after the previous match */
  gsize n;
  gsize items; /* the pieces CPython's list would hold (its join's "sequence item N") */
} Sub;

static void
append_chars (GString *out, HsObject *s, gssize from, gssize to)
{
  const char *t = hs_str_utf8 (s);
  const char *a = g_utf8_offset_to_pointer (t, from), *b = g_utf8_offset_to_pointer (a, to - from);
  g_string_append_len (out, a, b - a);
}

static int
sub_one (HsVM *vm, HsObject *m, gpointer data)
{
  Sub *s = data;
  s->items += s->last < hs_match_start (m, 0);
  append_chars (s->out, s->string, s->last, hs_match_start (m, 0));
  s->last = hs_match_end (m, 0);
  s->n++;
  if (s->repl != NULL)
    {
      HsObject *r = hs_object_call (vm, s->repl, &m, 1, NULL);
      if (r == NULL)
        return -1;
      if (!hs_str_check (r))
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         "sequence item %" G_GSIZE_FORMAT ": expected str instance, %s found",
                         s->items, hs_type_name (r));
          hs_decref (vm, r);
          return -1;
        }
      g_string_append_len (s->out, hs_str_utf8 (r), hs_str_byte_len (r));
      hs_decref (vm, r);
      s->items++;
      return 0;
    }
  for (guint i = 0; i < s->tmpl.pieces->len; i++)
    {
      Piece *p = &g_array_index (s->tmpl.pieces, Piece, i);
      if (p->group < 0)
        g_string_append_len (s->out, s->tmpl.text->str + p->off, p->len);
      else if (hs_match_start (m, (guint)p->group) >= 0)
        append_chars (s->out, s->string, hs_match_start (m, (guint)p->group),
                      hs_match_end (m, (guint)p->group));
    }
  return 0;
}

/* sub/subn(repl, string, count=0): the new str and the number of replacements */
static HsObject *
substitute (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
            gboolean with_count)
{
  HsObject *repl = NULL, *string = NULL, *count_obj = NULL;
  gssize count = 0;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "repl string | count", &repl,
                      &string, &count_obj)
      || !check_string (vm, string) || !index_arg (vm, count_obj, &count))
    return NULL;
  Sub s = { NULL, string, NULL, { NULL, NULL }, 0, 0, 0 };
  if (hs_str_check (repl))
    {
      if (!template_parse (vm, args[0], repl, &s.tmpl))
        {
          template_clear (&s.tmpl);
          return NULL;
        }
    }
  else if (hs_object_is_callable (repl))
    s.repl = repl;
  else
    {
      check_string (vm, repl);
      return NULL;
    }
  s.out = g_string_new (NULL);
  int r
      = count < 0 ? 0 : each_match (vm, args[0], string, 0, G_MAXSSIZE, (gsize)count, sub_one, &s);
  if (s.tmpl.text != NULL)
    template_clear (&s.tmpl);
  if (r < 0)
    {
      g_string_free (s.out, TRUE);
      return NULL;
    }
  append_chars (s.out, string, s.last, (gssize)hs_str_char_len (string));
  HsObject *text = hs_str_from_gstring (vm, s.out);
  if (!with_count || text == NULL)
    return text;
  HsObject *n = hs_int_from_i64 (vm, (gint64)s.n);
  HsObject *t = n != NULL ? hs_tuple_pack (vm, 2, text, n) : NULL;
  hs_decref (vm, text);
  hs_xdecref (vm, n);
  return t;
}

static HsObject *
p_sub (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return substitute (vm, "sub", args, nargs, kwnames, FALSE);
}

static HsObject *
p_subn (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return substitute (vm, "subn", args, nargs, kwnames, TRUE);
}

typedef struct
{
  HsObject *list;
  HsObject *string;
  guint groups;
  gssize last;
} Split;

/* split's pieces for one match: the text before it, then its groups (None unmatched) */
static int
split_one (HsVM *vm, HsObject *m, gpointer data)
{
  Split *s = data;
  GString *piece = g_string_new (NULL);
  append_chars (piece, s->string, s->last, hs_match_start (m, 0));
  if (hs_list_append_take (vm, s->list, hs_str_from_gstring (vm, piece)) < 0)
    return -1;
  for (guint g = 1; g <= s->groups; g++)
    if (hs_list_append_take (vm, s->list, hs_match_group (vm, m, g, hs_None)) < 0)
      return -1;
  s->last = hs_match_end (m, 0);
  return 0;
}

static HsObject *
p_split (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *string = NULL, *max_obj = NULL;
  gssize maxsplit = 0;
  if (!hs_parse_args (vm, "split", args + 1, nargs - 1, kwnames, "string | maxsplit", &string,
                      &max_obj)
      || !check_string (vm, string) || !index_arg (vm, max_obj, &maxsplit))
    return NULL;
  Split s = { hs_list_new (vm, 0), string, hs_pattern_groups (args[0]), 0 };
  if (s.list == NULL)
    return NULL;
  if (maxsplit >= 0
      && each_match (vm, args[0], string, 0, G_MAXSSIZE, (gsize)maxsplit, split_one, &s) < 0)
    {
      hs_decref (vm, s.list);
      return NULL;
    }
  GString *rest = g_string_new (NULL);
  append_chars (rest, string, s.last, (gssize)hs_str_char_len (string));
  if (hs_list_append_take (vm, s.list, hs_str_from_gstring (vm, rest)) < 0)
    HS_CLEAR (vm, s.list);
  return s.list;
}

/* __copy__ and __deepcopy__: a pattern is immutable */
static HsObject *
p_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  (void)vm;
  (void)nargs;
  (void)kwnames;
  return hs_incref (args[0]);
}

const HsMethodDef hs_pattern_methods[] = {
  { "match", p_match },     { "search", p_search },     { "fullmatch", p_fullmatch },
  { "findall", p_findall }, { "finditer", p_finditer }, { "scanner", p_scanner },
  { "sub", p_sub },         { "subn", p_subn },         { "split", p_split },
  { "__copy__", p_copy },   { "__deepcopy__", p_copy }, { NULL, NULL },
};
