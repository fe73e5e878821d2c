/* hs-regex.c — re.Pattern and re.Match over GLib's GRegex (PCRE2).
 *
 * Invariant: a Pattern keeps its source str, its flags and the GRegex compiled from a
 * translation of Python's syntax into PCRE's (\Z as \z, {,n} as {0,n}, \uXXXX as \x{XXXX},
 * global inline flags as compile flags, verbose whitespace and comments dropped), made by
 * one pass that also rejects what CPython's parser rejects, with its messages and
 * character positions. A Match is computed whole when it is made: the spans of every group
 * in characters (-1 for a group that took no part), with the subject str and the Pattern
 * it holds; it keeps no GMatchInfo. Subjects are searched as UTF-8; positions are
 * converted between bytes and characters through a table only for non-ASCII text.
 * A live Pattern is found again by its source and flags (vm->re_cache, which holds no
 * reference: a Pattern leaves it when freed), so compiling the same pattern twice gives the
 * same object while the first lives, as CPython's re._cache gives it.
 */
#include "config.h"

#include "hs-regex.h"

#include <string.h>

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-mappingproxy.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  HsObject *pattern;    /* the source str */
  HsObject *groupindex; /* dict: name -> group number */
  gint64 flags;         /* with UNICODE, as CPython's Pattern.flags */
  guint groups;
  GRegex *regex;
  GRegex *full; /* (?:pattern)\z for fullmatch, made on first use */
  char *translated;
  GRegexCompileFlags cflags;
  GBytes *cache_key; /* its key in vm->re_cache, or NULL */
} HsRePattern;

typedef struct
{
  HsObject header;
  HsObject *string;  /* the subject */
  HsObject *pattern; /* the Pattern (`re`) */
  gssize pos, endpos;
  guint ngroups;
  gssize *spans; /* 2 * (ngroups + 1) character positions */
} HsReMatch;

#define PAT(o) ((HsRePattern *)(o))
#define MAT(o) ((HsReMatch *)(o))

/* ---- Python syntax to PCRE --------------------------------------------------------- */

typedef enum
{
  PREV_START, /* start of a branch: nothing to repeat */
  PREV_ATOM,
  PREV_QUANT, /* a quantifier: only a lazy ? or possessive + may follow */
  PREV_MOD,
} Prev;

typedef struct
{
  const char *p, *end;
  glong ci; /* character position of p */
  gint64 flags;
  GString *out;
  GArray *open; /* character positions of the open groups */
  HsObject *names;
  HsVM *vm;
  guint groups;
  Prev prev;
  char *msg; /* the error, when set */
  glong msg_pos;
} Tr;

static gboolean fail (Tr *t, glong pos, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Tr *t, glong pos, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  if (t->msg == NULL)
    {
      t->msg = g_strdup_vprintf (fmt, ap);
      t->msg_pos = pos;
    }
  va_end (ap);
  return FALSE;
}

static gunichar
peek (Tr *t, gsize ahead)
{
  const char *q = t->p;
  for (gsize i = 0; i < ahead && q < t->end; i++)
    q = g_utf8_next_char (q);
  return q < t->end ? g_utf8_get_char (q) : 0;
}

/* Moves past one character, copying it to the output when `copy`. */
static void
advance (Tr *t, gboolean copy)
{
  const char *n = g_utf8_next_char (t->p);
  if (copy)
    g_string_append_len (t->out, t->p, n - t->p);
  t->p = n;
  t->ci++;
}

static gboolean
at_end (Tr *t)
{
  return t->p >= t->end;
}

/* A quantifier at the current character: checks what it repeats. */
static gboolean
quantifier (Tr *t, glong pos, gboolean modifier_ok)
{
  if (t->prev == PREV_START)
    return fail (t, pos, "nothing to repeat");
  if (t->prev == PREV_MOD || (t->prev == PREV_QUANT && !modifier_ok))
    return fail (t, pos, "multiple repeat");
  t->prev = t->prev == PREV_QUANT ? PREV_MOD : PREV_QUANT;
  return TRUE;
}

/* PCRE's largest repetition count */
#define HS_RE_MAX_REPEAT 65535

/* {m}, {m,}, {,n}, {m,n} at '{': emitted as PCRE reads it; FALSE (nothing consumed) when it
 * is not one, then '{' is a literal. */
static gboolean
brace_quantifier (Tr *t, gboolean *ok)
{
  const char *q = t->p + 1;
  const char *m0 = q;
  while (q < t->end && g_ascii_isdigit (*q))
    q++;
  const char *m1 = q, *n0 = NULL, *n1 = NULL;
  if (q < t->end && *q == ',')
    {
      n0 = ++q;
      while (q < t->end && g_ascii_isdigit (*q))
        q++;
      n1 = q;
    }
  if (q >= t->end || *q != '}' || (m0 == m1 && n0 == NULL))
    return FALSE;
  glong pos = t->ci;
  /* CPython's sre_parse checks the numbers before what they repeat: each below MAXREPEAT
   * (2**32 - 1, else OverflowError), then min <= max. strtoull saturates a longer one. */
  guint64 m = m0 != m1 ? g_ascii_strtoull (m0, NULL, 10) : 0;
  guint64 n = n0 == NULL ? m : n0 != n1 ? g_ascii_strtoull (n0, NULL, 10) : 0;
  gboolean bounded = n0 == NULL || n0 != n1;
  if (m >= G_MAXUINT32 || (bounded && n >= G_MAXUINT32))
    {
      hs_err_set_string (t->vm, &hs_exc_OverflowError, "the repetition number is too large");
      *ok = FALSE;
      return TRUE;
    }
  if (bounded && m > n)
    {
      *ok = fail (t, pos + 1, "min repeat greater than max repeat");
      return TRUE;
    }
  *ok = quantifier (t, pos, FALSE);
  if (!*ok)
    return TRUE;
  if (m > HS_RE_MAX_REPEAT || (bounded && n > HS_RE_MAX_REPEAT))
    {
      /* PCRE's own limit: its repeats of groups are copies of them */
      hs_err_format (t->vm, &hs_exc_NotImplementedError,
                     "repetition counts above %d are not supported by Heapscope yet",
                     HS_RE_MAX_REPEAT);
      *ok = FALSE;
      return TRUE;
    }
  g_string_append_c (t->out, '{');
  if (m0 == m1)
    g_string_append_c (t->out, '0');
  g_string_append_len (t->out, m0, q + 1 - m0);
  t->ci += q + 1 - t->p;
  t->p = q + 1;
  return TRUE;
}

/* \d \D \s \S \w \W under re.ASCII: their ASCII sets, as ranges that also work inside a set
 * (PCRE matches them on all of Unicode, as Python does without ASCII). */
static const char *
ascii_class (gunichar c)
{
  switch (c)
    {
      case 'd':
        return "0-9";
      case 'D':
        return "\\x{0}-/:-\\x{10ffff}";
      case 's':
        return "\\t-\\r ";
      case 'S':
        return "\\x{0}-\\x{8}\\x{e}-\\x{1f}!-\\x{10ffff}";
      case 'w':
        return "0-9A-Z_a-z";
      case 'W':
        return "\\x{0}-/:-@\\[-^`{-\\x{10ffff}";
      default:
        return NULL;
    }
}

/* \b and \B under re.ASCII: word boundaries between ASCII word characters only. */
#define ASCII_WORD "[0-9A-Z_a-z]"
#define ASCII_BOUNDARY                                                                             \
  "(?:(?<=" ASCII_WORD ")(?!" ASCII_WORD ")|(?<!" ASCII_WORD ")(?=" ASCII_WORD "))"
#define ASCII_NOT_BOUNDARY                                                                         \
  "(?:(?<=" ASCII_WORD ")(?=" ASCII_WORD ")|(?<!" ASCII_WORD ")(?!" ASCII_WORD "))"

/* An escape at '\\' (in a character set when in_set). */
static gboolean
escape (Tr *t, gboolean in_set)
{
  glong pos = t->ci;
  advance (t, FALSE);
  if (at_end (t))
    return fail (t, pos, "bad escape (end of pattern)");
  gunichar c = g_utf8_get_char (t->p);
  if (c == 'u' || c == 'U')
    {
      guint n = c == 'u' ? 4 : 8;
      const char *h = t->p + 1;
      guint k = 0;
      while (k < n && h + k < t->end && g_ascii_isxdigit (h[k]))
        k++;
      if (k < n)
        return fail (t, pos, "incomplete escape \\%c%.*s", (char)c, (int)k, h);
      g_string_append_printf (t->out, "\\x{%.*s}", (int)n, h);
      t->p = h + n;
      t->ci += 1 + n;
      return TRUE;
    }
  if (c < 128 && g_ascii_isalpha (c))
    {
      const char *known = in_set ? "abfnrtvxdDsSwW" : "abfnrtvxdDsSwWAZB";
      if (strchr (known, (int)c) == NULL)
        return fail (t, pos, "bad escape \\%c", (char)c);
      const char *ascii = t->flags & HS_RE_ASCII ? ascii_class (c) : NULL;
      if (ascii != NULL)
        g_string_append_printf (t->out, in_set ? "%s" : "[%s]", ascii);
      else if ((c == 'b' || c == 'B') && !in_set && (t->flags & HS_RE_ASCII))
        g_string_append (t->out, c == 'b' ? ASCII_BOUNDARY : ASCII_NOT_BOUNDARY);
      else if (c == 'Z')
        g_string_append (t->out, "\\z");
      else if (c == 'v')
        g_string_append (t->out, "\\x0b");
      else if (c == 'a')
        g_string_append (t->out, "\\x07");
      else if (c == 'b' && in_set)
        g_string_append (t->out, "\\x08");
      else
        g_string_append_printf (t->out, "\\%c", (char)c);
      advance (t, FALSE);
      return TRUE;
    }
  if (c >= '1' && c <= '9' && !in_set)
    {
      /* a group reference (two digits at most), unless three octal digits make a char */
      const char *d = t->p;
      if (d + 2 < t->end && d[0] <= '7' && d[1] >= '0' && d[1] <= '7' && d[2] >= '0' && d[2] <= '7')
        {
          g_string_append_c (t->out, '\\');
          for (int i = 0; i < 3; i++)
            advance (t, TRUE);
          return TRUE;
        }
      guint n = (guint)(c - '0');
      advance (t, FALSE);
      if (!at_end (t) && g_ascii_isdigit (*t->p))
        {
          n = n * 10 + (guint)(*t->p - '0');
          advance (t, FALSE);
        }
      if (n > t->groups)
        return fail (t, pos + 1, "invalid group reference %u", n);
      g_string_append_printf (t->out, "\\g{%u}", n);
      return TRUE;
    }
  g_string_append_c (t->out, '\\');
  advance (t, TRUE);
  return TRUE;
}

/* A character set at '[' up to its ']'. */
static gboolean
char_set (Tr *t)
{
  glong start = t->ci;
  advance (t, TRUE);
  if (!at_end (t) && *t->p == '^')
    advance (t, TRUE);
  gboolean first = TRUE;
  gunichar last = 0;
  glong last_pos = -1;
  while (!at_end (t) && (*t->p != ']' || first))
    {
      first = FALSE;
      if (*t->p == '\\')
        {
          if (!escape (t, TRUE))
            return FALSE;
          last_pos = -1;
          continue;
        }
      gunichar c = g_utf8_get_char (t->p);
      if (c == '-' && last_pos >= 0 && peek (t, 1) != ']' && peek (t, 1) != 0
          && peek (t, 1) != '\\')
        {
          gunichar hi = peek (t, 1);
          if (hi < last)
            {
              GString *r = g_string_new (NULL);
              g_string_append_unichar (r, last);
              g_string_append_c (r, '-');
              g_string_append_unichar (r, hi);
              fail (t, last_pos, "bad character range %s", r->str);
              g_string_free (r, TRUE);
              return FALSE;
            }
          advance (t, TRUE);
          advance (t, TRUE);
          last_pos = -1;
          continue;
        }
      if (c == '[')
        g_string_append_c (t->out, '\\'); /* a literal in Python, a POSIX class in PCRE */
      last = c;
      last_pos = t->ci;
      advance (t, TRUE);
    }
  if (at_end (t))
    return fail (t, start, "unterminated character set");
  advance (t, TRUE);
  t->prev = PREV_ATOM;
  return TRUE;
}

static gboolean
is_identifier (const char *s, gsize len)
{
  if (len == 0)
    return FALSE;
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!(c == '_' || g_unichar_isalpha (c) || (p > s && g_unichar_isdigit (c))))
        return FALSE;
    }
  return TRUE;
}

/* The group name from p up to `term` ('>' or ')'): checked, its length in bytes, or -1. */
static gssize
group_name (Tr *t, char term, const char *what)
{
  const char *q = t->p;
  while (q < t->end && *q != term)
    q++;
  if (q >= t->end)
    {
      fail (t, t->ci, "missing %c, unterminated name", term);
      return -1;
    }
  if (q == t->p)
    {
      fail (t, t->ci, "missing group name");
      return -1;
    }
  if (!is_identifier (t->p, q - t->p))
    {
      fail (t, t->ci, "bad character in %s '%.*s'", what, (int)(q - t->p), t->p);
      return -1;
    }
  return q - t->p;
}

/* (?...) at '(' */
static gboolean
extension (Tr *t)
{
  glong open = t->ci;
  advance (t, FALSE); /* ( */
  advance (t, FALSE); /* ? */
  gunichar c = at_end (t) ? 0 : g_utf8_get_char (t->p);
  if (c == 'P' && peek (t, 1) == '<')
    {
      advance (t, FALSE);
      advance (t, FALSE);
      glong name_pos = t->ci;
      gssize n = group_name (t, '>', "group name");
      if (n < 0)
        return FALSE;
      HsObject *name = hs_str_new (t->vm, t->p, (gsize)n);
      HsObject *old = name != NULL ? hs_dict_get_item_borrow (t->vm, t->names, name) : NULL;
      gint64 was = 0;
      if (old != NULL)
        {
          hs_int_as_i64 (old, &was);
          hs_decref (t->vm, name);
          return fail (t, name_pos, "redefinition of group name '%.*s' as group %u; was group %d",
                       (int)n, t->p, t->groups + 1, (int)was);
        }
      HsObject *num = hs_int_from_i64 (t->vm, ++t->groups);
      if (name != NULL && num != NULL)
        hs_dict_set_item (t->vm, t->names, name, num);
      hs_xdecref (t->vm, name);
      hs_xdecref (t->vm, num);
      g_string_append (t->out, "(?P<");
      g_string_append_len (t->out, t->p, n + 1);
      t->ci += g_utf8_strlen (t->p, n) + 1;
      t->p += n + 1;
      g_array_append_val (t->open, open);
      t->prev = PREV_START;
      return TRUE;
    }
  if (c == 'P' && peek (t, 1) == '=')
    {
      advance (t, FALSE);
      advance (t, FALSE);
      glong name_pos = t->ci;
      gssize n = group_name (t, ')', "group name");
      if (n < 0)
        return FALSE;
      HsObject *name = hs_str_new (t->vm, t->p, (gsize)n);
      gboolean known = name != NULL && hs_dict_get_item_borrow (t->vm, t->names, name) != NULL;
      hs_xdecref (t->vm, name);
      if (!known)
        return fail (t, name_pos, "unknown group name '%.*s'", (int)n, t->p);
      g_string_append (t->out, "(?P=");
      g_string_append_len (t->out, t->p, n + 1);
      t->ci += g_utf8_strlen (t->p, n) + 1;
      t->p += n + 1;
      t->prev = PREV_ATOM;
      return TRUE;
    }
  if (c == '#')
    {
      while (!at_end (t) && *t->p != ')')
        advance (t, FALSE);
      if (at_end (t))
        return fail (t, open, "missing ), unterminated comment");
      advance (t, FALSE);
      return TRUE;
    }
  if (c == ':' || c == '=' || c == '!' || c == '>' || c == '(')
    {
      g_string_append (t->out, "(?");
      if (c != '(')
        advance (t, TRUE);
      g_array_append_val (t->open, open);
      t->prev = PREV_START;
      return TRUE;
    }
  if (c == '<' && (peek (t, 1) == '=' || peek (t, 1) == '!'))
    {
      g_string_append (t->out, "(?");
      advance (t, TRUE);
      advance (t, TRUE);
      g_array_append_val (t->open, open);
      t->prev = PREV_START;
      return TRUE;
    }
  /* flags: (?aiLmsux) at the start, or (?flags-flags:...) */
  GString *pcre = g_string_new ("(?");
  gint64 add = 0;
  gboolean minus = FALSE;
  while (!at_end (t) && strchr ("aiLmsux-", *t->p) != NULL && *t->p != '\0')
    {
      char f = *t->p;
      if (f == 'L')
        {
          g_string_free (pcre, TRUE);
          return fail (t, t->ci, "bad inline flags: cannot use 'L' flag with a str pattern");
        }
      if (f == '-')
        minus = TRUE;
      if (f != 'a' && f != 'u')
        g_string_append_c (pcre, f);
      if (!minus)
        add |= f == 'i'   ? HS_RE_IGNORECASE
               : f == 'm' ? HS_RE_MULTILINE
               : f == 's' ? HS_RE_DOTALL
               : f == 'x' ? HS_RE_VERBOSE
               : f == 'a' ? HS_RE_ASCII
                          : 0;
      advance (t, FALSE);
    }
  if (!at_end (t) && *t->p == ')' && !minus && pcre->len + (add & HS_RE_ASCII ? 1 : 0) >= 2)
    {
      g_string_free (pcre, TRUE);
      if (open != 0)
        return fail (t, open, "global flags not at the start of the expression");
      t->flags |= add;
      advance (t, FALSE);
      return TRUE;
    }
  if (!at_end (t) && *t->p == ':' && pcre->len > 2)
    {
      g_string_append_c (pcre, ':');
      g_string_append_len (t->out, pcre->str, pcre->len);
      g_string_free (pcre, TRUE);
      advance (t, FALSE);
      g_array_append_val (t->open, open);
      t->prev = PREV_START;
      return TRUE;
    }
  g_string_free (pcre, TRUE);
  if (at_end (t))
    return fail (t, t->ci, "unexpected end of pattern");
  GString *e = g_string_new (NULL);
  g_string_append_unichar (e, g_utf8_get_char (t->p));
  fail (t, open + 1, "unknown extension ?%s", e->str);
  g_string_free (e, TRUE);
  return FALSE;
}

static gboolean
translate_one (Tr *t)
{
  gunichar c = g_utf8_get_char (t->p);
  glong pos = t->ci;
  if ((t->flags & HS_RE_VERBOSE)
      && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'))
    {
      advance (t, FALSE);
      return TRUE;
    }
  if ((t->flags & HS_RE_VERBOSE) && c == '#')
    {
      while (!at_end (t) && *t->p != '\n')
        advance (t, FALSE);
      return TRUE;
    }
  switch (c)
    {
      case '\\':
        t->prev = PREV_ATOM;
        return escape (t, FALSE);
      case '[':
        return char_set (t);
      case '(':
        if (peek (t, 1) == '?')
          return extension (t);
        t->groups++;
        g_array_append_val (t->open, pos);
        advance (t, TRUE);
        t->prev = PREV_START;
        return TRUE;
      case ')':
        if (t->open->len == 0)
          return fail (t, pos, "unbalanced parenthesis");
        g_array_set_size (t->open, t->open->len - 1);
        advance (t, TRUE);
        t->prev = PREV_ATOM;
        return TRUE;
      case '|':
        advance (t, TRUE);
        t->prev = PREV_START;
        return TRUE;
      case '*':
      case '+':
      case '?':
        if (!quantifier (t, pos, c != '*'))
          return FALSE;
        advance (t, TRUE);
        return TRUE;
      case '{':
        {
          gboolean ok = TRUE;
          if (brace_quantifier (t, &ok))
            return ok;
          g_string_append (t->out, "\\{");
          advance (t, FALSE);
          t->prev = PREV_ATOM;
          return TRUE;
        }
      case '^':
      case '$':
        advance (t, TRUE);
        t->prev = PREV_START;
        return TRUE;
      default:
        {
          /* under ASCII, IGNORECASE folds ASCII letters only */
          gboolean exact = (guchar)*t->p >= 0x80
                           && (t->flags & (HS_RE_ASCII | HS_RE_IGNORECASE))
                                  == (HS_RE_ASCII | HS_RE_IGNORECASE);
          if (exact)
            g_string_append (t->out, "(?-i:");
          advance (t, TRUE);
          if (exact)
            g_string_append_c (t->out, ')');
          t->prev = PREV_ATOM;
          return TRUE;
        }
    }
}

/* ---- Pattern ------------------------------------------------------------------------ */

static void
pattern_dealloc (HsVM *vm, HsObject *self)
{
  HsRePattern *p = PAT (self);
  HS_CLEAR (vm, p->pattern);
  HS_CLEAR (vm, p->groupindex);
  g_clear_pointer (&p->regex, g_regex_unref);
  g_clear_pointer (&p->full, g_regex_unref);
  g_clear_pointer (&p->translated, g_free);
  if (p->cache_key != NULL && vm->re_cache != NULL
      && g_hash_table_lookup (vm->re_cache, p->cache_key) == p)
    g_hash_table_remove (vm->re_cache, p->cache_key);
  g_clear_pointer (&p->cache_key, g_bytes_unref);
}

static void
pattern_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (PAT (self)->pattern != NULL)
    hs_visit_named (visit, PAT (self)->pattern, HS_REF_ATTR, "pattern", data);
  if (PAT (self)->groupindex != NULL)
    hs_visit_named (visit, PAT (self)->groupindex, HS_REF_HIDDEN, "groupindex", data);
}

static GRegexCompileFlags
compile_flags (gint64 flags)
{
  return G_REGEX_NEWLINE_LF | (flags & HS_RE_IGNORECASE ? G_REGEX_CASELESS : 0)
         | (flags & HS_RE_MULTILINE ? G_REGEX_MULTILINE : 0)
         | (flags & HS_RE_DOTALL ? G_REGEX_DOTALL : 0);
}

/* PCRE's complaint about what the translation let through, as re.error. */
static void
pcre_error (HsVM *vm, HsObject *pattern, GError *error)
{
  if (g_error_matches (error, G_REGEX_ERROR, G_REGEX_ERROR_VARIABLE_LENGTH_LOOKBEHIND))
    {
      hs_regex_error_set (vm, "look-behind requires fixed-width pattern", NULL, -1);
      return;
    }
  const char *msg = strstr (error->message, ": ");
  const char *at = strstr (error->message, " at char ");
  hs_regex_error_set (vm, msg != NULL ? msg + 2 : "error", pattern, at != NULL ? atoi (at + 9) : 0);
}

/* The key of a pattern in vm->re_cache: its flags, then its text. */
static GBytes *
cache_key (HsObject *pattern, gint64 flags)
{
  GByteArray *key = g_byte_array_new ();
  g_byte_array_append (key, (const guint8 *)&flags, sizeof flags);
  g_byte_array_append (key, (const guint8 *)hs_str_utf8 (pattern), hs_str_byte_len (pattern));
  return g_byte_array_free_to_bytes (key);
}

/* Keeps p findable by its source and flags (CPython caches all but DEBUG patterns). */
static void
cache_pattern (HsVM *vm, HsRePattern *p, GBytes *key)
{
  if (vm->re_cache == NULL)
    vm->re_cache
        = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
  p->cache_key = g_bytes_ref (key);
  g_hash_table_replace (vm->re_cache, g_bytes_ref (key), p);
}

HsObject *
hs_pattern_compile (HsVM *vm, HsObject *pattern, gint64 flags)
{
  if (hs_bytes_like_check (pattern))
    {
      hs_err_set_string (vm, &hs_exc_NotImplementedError,
                         "bytes patterns are not supported by Heapscope yet");
      return NULL;
    }
  if (!hs_str_check (pattern))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "first argument must be string or compiled pattern");
      return NULL;
    }
  if (flags & HS_RE_LOCALE)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "cannot use LOCALE flag with a str pattern");
      return NULL;
    }
  g_autoptr (GBytes) key = cache_key (pattern, flags);
  HsRePattern *cached = vm->re_cache != NULL ? g_hash_table_lookup (vm->re_cache, key) : NULL;
  if (cached != NULL)
    return hs_incref (&cached->header);
  Tr t = { hs_str_utf8 (pattern),
           hs_str_utf8 (pattern) + hs_str_byte_len (pattern),
           0,
           flags,
           g_string_new (NULL),
           g_array_new (FALSE, FALSE, sizeof (glong)),
           hs_dict_new (vm),
           vm,
           0,
           PREV_START,
           NULL,
           0 };
  gboolean ok = t.names != NULL;
  while (ok && !at_end (&t))
    ok = translate_one (&t);
  if (ok && t.open->len > 0)
    ok = fail (&t, g_array_index (t.open, glong, t.open->len - 1),
               "missing ), unterminated subpattern");
  HsRePattern *p = NULL;
  if (t.msg != NULL)
    hs_regex_error_set (vm, t.msg, pattern, t.msg_pos);
  else if (ok)
    {
      GError *error = NULL;
      GRegexCompileFlags cf = compile_flags (t.flags);
      GRegex *re = g_regex_new (t.out->str, cf, 0, &error);
      if (re == NULL)
        {
          pcre_error (vm, pattern, error);
          g_error_free (error);
        }
      else if ((p = (HsRePattern *)hs_object_alloc (vm, &hs_pattern_type, sizeof (HsRePattern)))
               == NULL)
        g_regex_unref (re);
      else
        {
          p->pattern = hs_incref (pattern);
          p->groupindex = g_steal_pointer (&t.names);
          p->flags = t.flags | HS_RE_UNICODE;
          p->groups = t.groups;
          p->regex = re;
          p->cflags = cf;
          p->translated = g_strdup (t.out->str);
          if (!(flags & HS_RE_DEBUG))
            cache_pattern (vm, p, key);
          hs_gc_track (vm, &p->header);
        }
    }
  g_free (t.msg);
  g_string_free (t.out, TRUE);
  g_array_free (t.open, TRUE);
  hs_xdecref (vm, t.names);
  return (HsObject *)p;
}

guint
hs_pattern_groups (HsObject *pat)
{
  return PAT (pat)->groups;
}

HsObject *
hs_pattern_groupindex_borrow (HsObject *pat)
{
  return PAT (pat)->groupindex;
}

/* The regex a mode runs: fullmatch's is anchored at the end too. */
static GRegex *
mode_regex (HsVM *vm, HsRePattern *p, HsReMode mode)
{
  if (mode != HS_RE_FULLMATCH)
    return p->regex;
  if (p->full == NULL)
    {
      char *src = g_strdup_printf ("(?:%s)\\z", p->translated);
      GError *error = NULL;
      p->full = g_regex_new (src, p->cflags, 0, &error);
      g_free (src);
      if (p->full == NULL)
        {
          pcre_error (vm, p->pattern, error);
          g_error_free (error);
        }
    }
  return p->full;
}

static HsObject *
pattern_repr (HsVM *vm, HsObject *self)
{
  static const struct
  {
    gint64 flag;
    const char *name;
  } names[] = {
    { HS_RE_TEMPLATE, "re.TEMPLATE" }, { HS_RE_IGNORECASE, "re.IGNORECASE" },
    { HS_RE_LOCALE, "re.LOCALE" },     { HS_RE_MULTILINE, "re.MULTILINE" },
    { HS_RE_DOTALL, "re.DOTALL" },     { HS_RE_VERBOSE, "re.VERBOSE" },
    { HS_RE_DEBUG, "re.DEBUG" },       { HS_RE_ASCII, "re.ASCII" },
  };
  HsObject *r = hs_object_repr (vm, PAT (self)->pattern);
  if (r == NULL)
    return NULL;
  GString *out = g_string_new ("re.compile(");
  g_string_append_len (out, hs_str_utf8 (r), MIN (hs_str_byte_len (r), 200));
  hs_decref (vm, r);
  gint64 flags = PAT (self)->flags & ~HS_RE_UNICODE;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (flags & names[i].flag)
      {
        g_string_append (out, (flags & (names[i].flag - 1)) ? "|" : ", ");
        g_string_append (out, names[i].name);
      }
  g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

static HsObject *
pattern_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !HS_IS (b, &hs_pattern_type))
    return hs_incref (hs_NotImplemented);
  int eq = PAT (a)->flags == PAT (b)->flags
           && hs_object_equal (vm, PAT (a)->pattern, PAT (b)->pattern) > 0;
  return hs_bool_from (op == HS_CMP_EQ ? eq : !eq);
}

static int
pattern_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  if (hs_object_hash (vm, PAT (self)->pattern, out) < 0)
    return -1;
  *out ^= PAT (self)->flags * 1000003;
  if (*out == -1)
    *out = -2;
  return 0;
}

static HsObject *
pattern_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsRePattern *p = PAT (self);
  if (hs_str_equal_cstr (name, "pattern"))
    return hs_incref (p->pattern);
  if (hs_str_equal_cstr (name, "flags"))
    return hs_int_from_i64 (vm, p->flags);
  if (hs_str_equal_cstr (name, "groups"))
    return hs_int_from_i64 (vm, p->groups);
  if (hs_str_equal_cstr (name, "groupindex"))
    return hs_mappingproxy_new (vm, p->groupindex);
  return hs_object_generic_getattr (vm, self, name);
}

HsType hs_pattern_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Pattern",
  .module = "re",
  .tp_name = "re.Pattern",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsRePattern),
  .dealloc = pattern_dealloc,
  .refs = pattern_refs,
  .clear = pattern_dealloc,
  .repr = pattern_repr,
  .hash = pattern_hash,
  .richcompare = pattern_richcompare,
  .getattr = pattern_getattr,
  .methods = hs_pattern_methods,
};

/* ---- matching -------------------------------------------------------------------------- */

/* Byte offset of character `ci` of the str (whose text may be non-ASCII). */
static gsize
byte_at (HsObject *s, gssize ci)
{
  if (hs_str_byte_len (s) == hs_str_char_len (s))
    return (gsize)ci;
  return (gsize)(g_utf8_offset_to_pointer (hs_str_utf8 (s), ci) - hs_str_utf8 (s));
}

static gssize
char_at (HsObject *s, gint b)
{
  if (b < 0)
    return -1;
  if (hs_str_byte_len (s) == hs_str_char_len (s))
    return b;
  return g_utf8_pointer_to_offset (hs_str_utf8 (s), hs_str_utf8 (s) + b);
}

/* CPython's clamping of pos and endpos to the string. */
static void
clamp (gssize len, gssize *pos, gssize *endpos)
{
  *pos = *pos < 0 ? 0 : MIN (*pos, len);
  *endpos = *endpos < 0 ? 0 : MIN (*endpos, len);
}

HsObject *
hs_pattern_exec (HsVM *vm, HsObject *pat, HsObject *string, gssize pos, gssize endpos,
                 HsReMode mode, gboolean not_empty_at_pos)
{
  HsRePattern *p = PAT (pat);
  clamp ((gssize)hs_str_char_len (string), &pos, &endpos);
  if (endpos < pos)
    return hs_incref (hs_None);
  GRegex *re = mode_regex (vm, p, mode);
  if (re == NULL)
    return NULL;
  GMatchInfo *mi = NULL;
  GError *error = NULL;
  GRegexMatchFlags mf = (mode != HS_RE_SEARCH ? G_REGEX_MATCH_ANCHORED : 0)
                        | (not_empty_at_pos ? G_REGEX_MATCH_NOTEMPTY_ATSTART : 0);
  gboolean found = g_regex_match_full (re, hs_str_utf8 (string), (gssize)byte_at (string, endpos),
                                       (gint)byte_at (string, pos), mf, &mi, &error);
  if (error != NULL)
    {
      hs_err_format (vm, &hs_exc_RuntimeError, "regular expression failed: %s", error->message);
      g_error_free (error);
      g_match_info_free (mi);
      return NULL;
    }
  if (!found)
    {
      g_match_info_free (mi);
      return hs_incref (hs_None);
    }
  HsReMatch *m = (HsReMatch *)hs_object_alloc (vm, &hs_match_type, sizeof (HsReMatch));
  if (m == NULL)
    {
      g_match_info_free (mi);
      return NULL;
    }
  m->string = hs_incref (string);
  m->pattern = hs_incref (pat);
  m->pos = pos;
  m->endpos = endpos;
  m->ngroups = p->groups;
  m->spans = g_new (gssize, 2 * (p->groups + 1));
  gint count = g_match_info_get_match_count (mi);
  for (guint g = 0; g <= p->groups; g++)
    {
      gint s = -1, e = -1;
      if ((gint)g < count)
        g_match_info_fetch_pos (mi, (gint)g, &s, &e);
      m->spans[2 * g] = char_at (string, s);
      m->spans[2 * g + 1] = s < 0 ? -1 : char_at (string, e);
    }
  g_match_info_free (mi);
  hs_gc_track (vm, &m->header);
  return &m->header;
}

/* ---- Match ----------------------------------------------------------------------------- */

static void
match_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, MAT (self)->string);
  HS_CLEAR (vm, MAT (self)->pattern);
  g_clear_pointer (&MAT (self)->spans, g_free);
}

static void
match_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (MAT (self)->string != NULL)
    hs_visit_named (visit, MAT (self)->string, HS_REF_ATTR, "string", data);
  if (MAT (self)->pattern != NULL)
    hs_visit_named (visit, MAT (self)->pattern, HS_REF_ATTR, "re", data);
}

gssize
hs_match_start (HsObject *m, guint group)
{
  return MAT (m)->spans[2 * group];
}

gssize
hs_match_end (HsObject *m, guint group)
{
  return MAT (m)->spans[2 * group + 1];
}

gssize
hs_match_endpos (HsObject *m)
{
  return MAT (m)->endpos;
}

HsObject *
hs_match_group (HsVM *vm, HsObject *m, guint g, HsObject *dflt)
{
  gssize s = hs_match_start (m, g), e = hs_match_end (m, g);
  if (s < 0)
    return hs_incref (dflt);
  HsObject *str = MAT (m)->string;
  gsize b0 = byte_at (str, s), b1 = byte_at (str, e);
  return hs_str_new (vm, hs_str_utf8 (str) + b0, b1 - b0);
}

static HsObject *
match_repr (HsVM *vm, HsObject *self)
{
  HsObject *g = hs_match_group (vm, self, 0, hs_None);
  HsObject *r = g != NULL ? hs_object_repr (vm, g) : NULL;
  HsObject *out
      = r != NULL ? hs_str_from_format (
            vm, "<re.Match object; span=(%" G_GSSIZE_FORMAT ", %" G_GSSIZE_FORMAT "), match=%s>",
            hs_match_start (self, 0), hs_match_end (self, 0), hs_str_utf8 (r))
                  : NULL;
  hs_xdecref (vm, g);
  hs_xdecref (vm, r);
  return out;
}

/* The group number a match method was given (an int or a group name), or -1 with
 * IndexError "no such group". */
static gssize
group_index (HsVM *vm, HsObject *m, HsObject *g)
{
  gint64 n = -1;
  if (hs_int_check (g) && !hs_int_as_i64 (g, &n))
    n = -1;
  else if (hs_str_check (g))
    {
      HsObject *num = hs_dict_get_item_borrow (vm, PAT (MAT (m)->pattern)->groupindex, g);
      if (num != NULL)
        hs_int_as_i64 (num, &n);
    }
  if (n < 0 || n > (gint64)MAT (m)->ngroups)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "no such group");
      return -1;
    }
  return (gssize)n;
}

static HsObject *
match_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  gssize g = group_index (vm, self, key);
  return g < 0 ? NULL : hs_match_group (vm, self, (guint)g, hs_None);
}

/* A tuple of n groups of m: those `keys` name (numbers or names), or with keys NULL
 * groups 1..n, `dflt` for one that did not take part. */
static HsObject *
group_tuple (HsVM *vm, HsObject *m, HsObject **keys, gsize n, HsObject *dflt)
{
  HsObject *t = hs_tuple_new (vm, n);
  for (gsize i = 0; t != NULL && i < n; i++)
    {
      HsObject *v = keys != NULL ? match_getitem (vm, m, keys[i])
                                 : hs_match_group (vm, m, (guint)i + 1, dflt);
      if (v == NULL)
        HS_CLEAR (vm, t);
      else
        hs_tuple_set_take (t, i, v);
    }
  return t;
}

static HsObject *
m_group (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_no_kwargs (vm, "group", kwnames))
    return NULL;
  if (nargs <= 2)
    return nargs == 1 ? hs_match_group (vm, args[0], 0, hs_None)
                      : match_getitem (vm, args[0], args[1]);
  return group_tuple (vm, args[0], args + 1, nargs - 1, hs_None);
}

static HsObject *
m_groups (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *dflt = hs_None;
  if (!hs_parse_args (vm, "groups", args + 1, nargs - 1, kwnames, "|default", &dflt))
    return NULL;
  return group_tuple (vm, args[0], NULL, MAT (args[0])->ngroups, dflt);
}

static HsObject *
m_groupdict (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *dflt = hs_None;
  if (!hs_parse_args (vm, "groupdict", args + 1, nargs - 1, kwnames, "|default", &dflt))
    return NULL;
  HsObject *index = PAT (MAT (args[0])->pattern)->groupindex, *d = hs_dict_new (vm), *k, *v;
  gsize pos = 0;
  while (d != NULL && hs_dict_next (index, &pos, &k, &v))
    {
      gint64 g = 0;
      hs_int_as_i64 (v, &g);
      HsObject *s = hs_match_group (vm, args[0], (guint)g, dflt);
      if (s == NULL || hs_dict_set_item (vm, d, k, s) < 0)
        HS_CLEAR (vm, d);
      hs_xdecref (vm, s);
    }
  return d;
}

/* start(), end(), span(): which 0, 1, 2 */
static HsObject *
position (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames, int which)
{
  HsObject *group = NULL;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "%|group /", &group))
    return NULL;
  gssize g = group != NULL ? group_index (vm, args[0], group) : 0;
  if (g < 0)
    return NULL;
  gssize s = hs_match_start (args[0], (guint)g), e = hs_match_end (args[0], (guint)g);
  if (which < 2)
    return hs_int_from_i64 (vm, which == 0 ? s : e);
  HsObject *a = hs_int_from_i64 (vm, s), *b = hs_int_from_i64 (vm, e);
  HsObject *t = a != NULL && b != NULL ? hs_tuple_pack (vm, 2, a, b) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return t;
}

static HsObject *
m_start (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return position (vm, "start", args, nargs, kwnames, 0);
}

static HsObject *
m_end (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return position (vm, "end", args, nargs, kwnames, 1);
}

static HsObject *
m_span (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return position (vm, "span", args, nargs, kwnames, 2);
}

/* lastindex: the matched group that closed last (the one ending last; of those ending at
 * the same place, the outermost, which closes after the ones it holds) */
static gssize
last_index (HsReMatch *m)
{
  gssize best = -1;
  for (guint g = 1; g <= m->ngroups; g++)
    if (m->spans[2 * g] >= 0 && (best < 0 || m->spans[2 * g + 1] > m->spans[2 * best + 1]))
      best = g;
  return best;
}

static HsObject *
match_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsReMatch *m = MAT (self);
  if (hs_str_equal_cstr (name, "string"))
    return hs_incref (m->string);
  if (hs_str_equal_cstr (name, "re"))
    return hs_incref (m->pattern);
  if (hs_str_equal_cstr (name, "pos"))
    return hs_int_from_i64 (vm, m->pos);
  if (hs_str_equal_cstr (name, "endpos"))
    return hs_int_from_i64 (vm, m->endpos);
  if (hs_str_equal_cstr (name, "lastindex") || hs_str_equal_cstr (name, "lastgroup"))
    {
      gssize li = last_index (m);
      if (li < 0)
        return hs_incref (hs_None);
      if (hs_str_equal_cstr (name, "lastindex"))
        return hs_int_from_i64 (vm, li);
      HsObject *k, *v;
      gsize pos = 0;
      while (hs_dict_next (PAT (m->pattern)->groupindex, &pos, &k, &v))
        {
          gint64 g = 0;
          if (hs_int_as_i64 (v, &g) && g == li)
            return hs_incref (k);
        }
      return hs_incref (hs_None);
    }
  if (hs_str_equal_cstr (name, "regs"))
    {
      HsObject *t = hs_tuple_new (vm, m->ngroups + 1);
      for (guint g = 0; t != NULL && g <= m->ngroups; g++)
        {
          HsObject *a = hs_int_from_i64 (vm, m->spans[2 * g]);
          HsObject *b = hs_int_from_i64 (vm, m->spans[2 * g + 1]);
          HsObject *pair = a != NULL && b != NULL ? hs_tuple_pack (vm, 2, a, b) : NULL;
          hs_xdecref (vm, a);
          hs_xdecref (vm, b);
          if (pair == NULL)
            HS_CLEAR (vm, t);
          else
            hs_tuple_set_take (t, g, pair);
        }
      return t;
    }
  return hs_object_generic_getattr (vm, self, name);
}

static const HsMethodDef match_methods[] = {
  { "group", m_group }, { "groups", m_groups }, { "groupdict", m_groupdict },
  { "start", m_start }, { "end", m_end },       { "span", m_span },
  { NULL, NULL },
};

HsType hs_match_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Match",
  .module = "re",
  .tp_name = "re.Match",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsReMatch),
  .dealloc = match_dealloc,
  .refs = match_refs,
  .clear = match_dealloc,
  .repr = match_repr,
  .getitem = match_getitem,
  .getattr = match_getattr,
  .methods = match_methods,
};

void
hs_regex_runtime_init (void)
{
  hs_type_ready (&hs_pattern_type);
  hs_type_ready (&hs_match_type);
  hs_type_ready (&hs_regex_error_type);
  hs_type_ready (&hs_scanner_type);
}
