/* hs-mod-textwrap.c — the `textwrap` module: wrap, fill, shorten, dedent and indent.
 *
 * Invariant: wrap splits the text into CPython's chunks (runs of whitespace, words, the
 * parts of hyphenated words, em-dashes: TextWrapper.wordsep_re) after turning every
 * whitespace character into a space, then fills lines greedily exactly as
 * TextWrapper._wrap_chunks does (long words broken, whitespace dropped at line ends,
 * max_lines with its placeholder); lengths are counted in characters. dedent and indent
 * follow textwrap.py's regular expressions. The text is handled as an array of code
 * points.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- text as code points --------------------------------------------------------------- */

typedef struct
{
  gunichar *c;
  glong n;
} Text;

static Text
text_of (const char *s, gssize len)
{
  Text t;
  t.c = g_utf8_to_ucs4_fast (s, len, &t.n);
  return t;
}

static HsObject *
str_of (HsVM *vm, const gunichar *c, glong n)
{
  g_autofree char *s = g_ucs4_to_utf8 (c, n, NULL, NULL, NULL);
  return hs_str_from_cstr (vm, s);
}

/* ---- options ------------------------------------------------------------------------------ */

typedef struct
{
  gssize width;
  Text initial_indent, subsequent_indent, placeholder;
  gboolean expand_tabs, replace_whitespace, drop_whitespace, break_long_words, break_on_hyphens,
      fix_sentence_endings;
  gssize tabsize, max_lines; /* max_lines -1: none */
} Options;

static const char *const option_names[] = { "width",
                                            "initial_indent",
                                            "subsequent_indent",
                                            "expand_tabs",
                                            "replace_whitespace",
                                            "fix_sentence_endings",
                                            "break_long_words",
                                            "drop_whitespace",
                                            "break_on_hyphens",
                                            "tabsize",
                                            "max_lines",
                                            "placeholder" };

static void
options_clear (Options *o)
{
  g_free (o->initial_indent.c);
  g_free (o->subsequent_indent.c);
  g_free (o->placeholder.c);
}

static gboolean
options_read (HsVM *vm, Options *o, HsObject **v)
{
  o->width = 70;
  o->tabsize = 8;
  o->max_lines = -1;
  o->expand_tabs = o->replace_whitespace = o->drop_whitespace = o->break_long_words
      = o->break_on_hyphens = TRUE;
  o->fix_sentence_endings = FALSE;
  o->initial_indent = text_of ("", 0);
  o->subsequent_indent = text_of ("", 0);
  o->placeholder = text_of (" [...]", -1);
  for (gsize i = 0; i < G_N_ELEMENTS (option_names); i++)
    {
      HsObject *x = v[i];
      gboolean *flags[] = { NULL,
                            NULL,
                            NULL,
                            &o->expand_tabs,
                            &o->replace_whitespace,
                            &o->fix_sentence_endings,
                            &o->break_long_words,
                            &o->drop_whitespace,
                            &o->break_on_hyphens };
      if (x == NULL)
        continue;
      if (i == 0 || i == 9 || i == 10)
        {
          gssize n = x == hs_None && i == 10 ? -1 : hs_int_as_ssize (vm, x);
          if (n == -1 && hs_err_occurred (vm))
            return FALSE;
          *(i == 0 ? &o->width : i == 9 ? &o->tabsize : &o->max_lines) = n;
        }
      else if (i == 1 || i == 2 || i == 11)
        {
          Text *t = i == 1 ? &o->initial_indent : i == 2 ? &o->subsequent_indent : &o->placeholder;
          if (!hs_str_check (x))
            {
              hs_err_format (vm, &hs_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                             hs_type_name (x));
              return FALSE;
            }
          g_free (t->c);
          *t = text_of (hs_str_utf8 (x), (gssize)hs_str_byte_len (x));
        }
      else
        {
          int b = hs_object_truth (vm, x);
          if (b < 0)
            return FALSE;
          *flags[i] = b;
        }
    }
  if (o->fix_sentence_endings)
    {
      hs_err_set_string (vm, &hs_exc_NotImplementedError,
                         "textwrap's fix_sentence_endings is not supported by Heapscope yet");
      return FALSE;
    }
  return TRUE;
}

/* ---- chunks ----------------------------------------------------------------------------- */

static gboolean
is_ws (gunichar c)
{
  return c == '\t' || c == '\n' || c == 0x0b || c == 0x0c || c == '\r' || c == ' ';
}

static gboolean
is_word (gunichar c) /* \w */
{
  return g_unichar_isalnum (c) || c == '_';
}

static gboolean
is_letter (gunichar c) /* [^\d\W] */
{
  return is_word (c) && !g_unichar_isdigit (c);
}

static gboolean
is_word_punct (gunichar c) /* [\w!"'&.,?] */
{
  return is_word (c) || (c < 0x80 && strchr ("!\"'&.,?", (int)c) != NULL);
}

/* -{2,}\w at i */
static gboolean
em_dash_at (const Text *t, glong i)
{
  glong j = i;
  while (j < t->n && t->c[j] == '-')
    j++;
  return j - i >= 2 && j < t->n && is_word (t->c[j]);
}

static gboolean
letter_at (const Text *t, glong i)
{
  return i >= 0 && i < t->n && is_letter (t->c[i]);
}

/* The end of the chunk that starts at i (wordsep_re, or wordsep_simple_re without
 * break_on_hyphens: whitespace runs and non-whitespace runs). */
static glong
chunk_end (const Text *t, glong i, gboolean hyphens)
{
  glong k;
  if (is_ws (t->c[i]))
    {
      for (k = i; k < t->n && is_ws (t->c[k]); k++)
        ;
      return k;
    }
  if (!hyphens)
    {
      for (k = i; k < t->n && !is_ws (t->c[k]); k++)
        ;
      return k;
    }
  /* an em-dash between words */
  if (i > 0 && is_word_punct (t->c[i - 1]) && em_dash_at (t, i))
    {
      for (k = i; k < t->n && t->c[k] == '-'; k++)
        ;
      return k;
    }
  /* the shortest run of non-whitespace that ends a word, a hyphenated part or before an
   * em-dash */
  for (k = i + 1; k <= t->n; k++)
    {
      if (k < t->n && t->c[k] == '-'
          && ((letter_at (t, k - 2) && letter_at (t, k - 1))
              || (letter_at (t, k - 3) && t->c[k - 2] == '-' && letter_at (t, k - 1)))
          && letter_at (t, k + 1)
          && (letter_at (t, k + 2) || (k + 2 < t->n && t->c[k + 2] == '-' && letter_at (t, k + 3))))
        return k + 1;
      if (k == t->n || is_ws (t->c[k]))
        return k;
      if (is_word_punct (t->c[k - 1]) && em_dash_at (t, k))
        return k;
      if (is_ws (t->c[k - 1]))
        break;
    }
  return k;
}

/* _munge_whitespace: tabs expanded, each whitespace character a space */
static Text
munge (const Options *o, const char *s, gsize len)
{
  Text in = text_of (s, (gssize)len), out;
  GArray *a = g_array_new (FALSE, FALSE, sizeof (gunichar));
  glong col = 0;
  for (glong i = 0; i < in.n; i++)
    {
      gunichar c = in.c[i];
      if (c == '\t' && o->expand_tabs)
        {
          glong spaces = o->tabsize > 0 ? o->tabsize - col % o->tabsize : 0;
          for (glong k = 0; k < spaces; k++)
            {
              gunichar sp = ' ';
              g_array_append_val (a, sp);
            }
          col += spaces;
          continue;
        }
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
      if (o->replace_whitespace && is_ws (c))
        c = ' ';
      g_array_append_val (a, c);
    }
  g_free (in.c);
  out.n = (glong)a->len;
  out.c = (gunichar *)g_array_free (a, FALSE);
  return out;
}

/* ---- _wrap_chunks ----------------------------------------------------------------------- */

typedef struct
{
  const gunichar *c;
  glong n;
} Chunk;

static gboolean
chunk_blank (Chunk ch)
{
  for (glong i = 0; i < ch.n; i++)
    if (!g_unichar_isspace (ch.c[i]))
      return FALSE;
  return TRUE;
}

static void
emit (GPtrArray *lines, const Text *indent, GArray *cur, gboolean placeholder, const Text *ph)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_array_append_vals (a, indent->c, (guint)indent->n);
  for (guint i = 0; i < cur->len; i++)
    {
      Chunk ch = g_array_index (cur, Chunk, i);
      g_array_append_vals (a, ch.c, (guint)ch.n);
    }
  if (placeholder)
    g_array_append_vals (a, ph->c, (guint)ph->n);
  g_ptr_array_add (lines, a);
}

static glong
text_strip_len (const gunichar *c, glong n, glong *start) /* .strip(): [start, start+len) */
{
  glong s = 0, e = n;
  while (s < e && g_unichar_isspace (c[s]))
    s++;
  while (e > s && g_unichar_isspace (c[e - 1]))
    e--;
  *start = s;
  return e - s;
}

/* The wrapped lines (GArrays of gunichar) of the chunks (in order), or NULL + ValueError. */
static GPtrArray *
wrap_chunks (HsVM *vm, const Options *o, GArray *chunks)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  guint next = 0; /* chunks[next..] are what is left (CPython's reversed list) */
  Chunk *cs = (Chunk *)chunks->data;

  if (o->width <= 0)
    {
      hs_err_format (vm, &hs_exc_ValueError, "invalid width %" G_GSSIZE_FORMAT " (must be > 0)",
                     o->width);
      g_ptr_array_unref (lines);
      return NULL;
    }
  if (o->max_lines >= 0)
    {
      const Text *indent = o->max_lines > 1 ? &o->subsequent_indent : &o->initial_indent;
      glong s, ph = text_strip_len (o->placeholder.c, o->placeholder.n, &s);
      glong lstripped = o->placeholder.n - s;
      (void)ph;
      if (indent->n + lstripped > o->width)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "placeholder too large for max width");
          g_ptr_array_unref (lines);
          return NULL;
        }
    }
  while (next < chunks->len)
    {
      const Text *indent = lines->len > 0 ? &o->subsequent_indent : &o->initial_indent;
      gssize width = o->width - indent->n, cur_len = 0;
      g_autoptr (GArray) cur = g_array_new (FALSE, FALSE, sizeof (Chunk));

      if (o->drop_whitespace && chunk_blank (cs[next]) && lines->len > 0)
        next++;
      while (next < chunks->len && cur_len + cs[next].n <= width)
        {
          g_array_append_val (cur, cs[next]);
          cur_len += cs[next].n;
          next++;
        }
      if (next < chunks->len && cs[next].n > width)
        {
          /* _handle_long_word */
          gssize space_left = width < 1 ? 1 : width - cur_len;
          if (o->break_long_words)
            {
              Chunk ch = cs[next], head;
              glong end = space_left;
              if (o->break_on_hyphens && ch.n > space_left)
                {
                  glong hyphen = -1;
                  for (glong h = 0; h < space_left && h < ch.n; h++)
                    if (ch.c[h] == '-')
                      hyphen = h;
                  if (hyphen > 0)
                    for (glong h = 0; h < hyphen; h++)
                      if (ch.c[h] != '-')
                        {
                          end = hyphen + 1;
                          break;
                        }
                }
              head.c = ch.c;
              head.n = MIN (end, ch.n);
              g_array_append_val (cur, head);
              cs[next].c += head.n;
              cs[next].n -= head.n;
            }
          else if (cur->len == 0)
            {
              g_array_append_val (cur, cs[next]);
              next++;
            }
          cur_len = 0;
          for (guint i = 0; i < cur->len; i++)
            cur_len += g_array_index (cur, Chunk, i).n;
        }
      if (o->drop_whitespace && cur->len > 0
          && chunk_blank (g_array_index (cur, Chunk, cur->len - 1)))
        {
          cur_len -= g_array_index (cur, Chunk, cur->len - 1).n;
          g_array_set_size (cur, cur->len - 1);
        }
      if (cur->len == 0)
        continue;
      if (o->max_lines < 0 || (gssize)lines->len + 1 < o->max_lines
          || ((next >= chunks->len
               || (o->drop_whitespace && next + 1 == chunks->len && chunk_blank (cs[next])))
              && cur_len <= width))
        {
          emit (lines, indent, cur, FALSE, NULL);
          continue;
        }
      /* the last line: as much as fits with the placeholder */
      while (cur->len > 0)
        {
          Chunk last = g_array_index (cur, Chunk, cur->len - 1);
          if (!chunk_blank (last) && cur_len + o->placeholder.n <= width)
            {
              emit (lines, indent, cur, TRUE, &o->placeholder);
              return lines;
            }
          cur_len -= last.n;
          g_array_set_size (cur, cur->len - 1);
        }
      if (lines->len > 0)
        {
          GArray *prev = g_ptr_array_index (lines, lines->len - 1);
          glong n = (glong)prev->len;
          while (n > 0 && g_unichar_isspace (g_array_index (prev, gunichar, n - 1)))
            n--;
          if (n + o->placeholder.n <= o->width)
            {
              g_array_set_size (prev, (guint)n);
              g_array_append_vals (prev, o->placeholder.c, (guint)o->placeholder.n);
              return lines;
            }
        }
      {
        glong s;
        Text lph;
        text_strip_len (o->placeholder.c, o->placeholder.n, &s);
        lph.c = o->placeholder.c + s;
        lph.n = o->placeholder.n - s;
        g_array_set_size (cur, 0);
        emit (lines, indent, cur, TRUE, &lph);
      }
      return lines;
    }
  return lines;
}

static GPtrArray *
wrap_lines (HsVM *vm, const Options *o, HsObject *text)
{
  Text t = munge (o, hs_str_utf8 (text), hs_str_byte_len (text));
  GArray *chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));
  GPtrArray *lines;
  for (glong i = 0; i < t.n;)
    {
      glong e = chunk_end (&t, i, o->break_on_hyphens);
      Chunk ch = { t.c + i, e - i };
      g_array_append_val (chunks, ch);
      i = e;
    }
  lines = wrap_chunks (vm, o, chunks);
  g_array_free (chunks, TRUE);
  g_free (t.c);
  return lines;
}

/* The text to wrap: a str, else CPython's error from its text.expandtabs() */
static gboolean
text_checked (HsVM *vm, HsObject *text)
{
  if (hs_str_check (text))
    return TRUE;
  hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute 'expandtabs'",
                 hs_type_name (text));
  return FALSE;
}

static gboolean
options_of (HsVM *vm, Options *o, HsObject **v)
{
  if (options_read (vm, o, v))
    return TRUE;
  options_clear (o);
  return FALSE;
}

/* wrap/fill/shorten(text, width=70, **kwargs): the TextWrapper options by keyword, read
 * into o (which options_clear must free) */
static gboolean
parse_wrap_args (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
                 HsObject **text, Options *o)
{
  HsObject *v[G_N_ELEMENTS (option_names)] = { NULL };
  if (!hs_parse_args (vm, fname, args, nargs, kwnames,
                      "@text|width $initial_indent subsequent_indent expand_tabs "
                      "replace_whitespace fix_sentence_endings break_long_words drop_whitespace "
                      "break_on_hyphens tabsize max_lines placeholder",
                      text, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9],
                      &v[10], &v[11]))
    return FALSE;
  return text_checked (vm, *text) && options_of (vm, o, v);
}

static HsObject *
lines_as_list (HsVM *vm, GPtrArray *lines)
{
  HsObject *list = hs_list_new (vm, lines->len);
  for (guint i = 0; list != NULL && i < lines->len; i++)
    {
      GArray *a = g_ptr_array_index (lines, i);
      if (hs_list_append_take (vm, list, str_of (vm, (gunichar *)a->data, (glong)a->len)) < 0)
        HS_CLEAR (vm, list);
    }
  return list;
}

static HsObject *
lines_joined (HsVM *vm, GPtrArray *lines)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (gunichar));
  HsObject *r;
  for (guint i = 0; i < lines->len; i++)
    {
      GArray *a = g_ptr_array_index (lines, i);
      gunichar nl = '\n';
      if (i > 0)
        g_array_append_val (all, nl);
      g_array_append_vals (all, a->data, a->len);
    }
  r = str_of (vm, (gunichar *)all->data, (glong)all->len);
  g_array_free (all, TRUE);
  return r;
}

/* The one wrap and fill, of the module's functions and of a TextWrapper's methods: text's
 * lines under the options o (cleared), a list or joined by newlines. */
static HsObject *
wrap_text (HsVM *vm, Options *o, HsObject *text, gboolean fill)
{
  HsObject *r = NULL;
  GPtrArray *lines = wrap_lines (vm, o, text);
  if (lines != NULL)
    {
      r = fill ? lines_joined (vm, lines) : lines_as_list (vm, lines);
      g_ptr_array_unref (lines);
    }
  options_clear (o);
  return r;
}

static HsObject *
tw_wrap_or_fill (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean fill)
{
  HsObject *text = NULL;
  Options o;
  if (!parse_wrap_args (vm, fill ? "fill" : "wrap", args, nargs, kwnames, &text, &o))
    return NULL;
  return wrap_text (vm, &o, text, fill);
}

HS_CFUNCTION_VARIANT (tw_wrap, tw_wrap_or_fill, FALSE)
HS_CFUNCTION_VARIANT (tw_fill, tw_wrap_or_fill, TRUE)

/* shorten: ' '.join(text.strip().split()) filled on one line with the placeholder */
static HsObject *
tw_shorten (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *text = NULL, *r = NULL, *words, *split, *joined = NULL, *space;
  GPtrArray *lines;
  Options o;
  if (!parse_wrap_args (vm, "shorten", args, nargs, kwnames, &text, &o))
    return NULL;
  o.max_lines = 1;
  split = hs_object_getattr_cstr (vm, text, "split");
  words = split != NULL ? hs_object_call (vm, split, NULL, 0, NULL) : NULL;
  hs_xdecref (vm, split);
  if (words != NULL && (space = hs_str_from_cstr (vm, " ")) != NULL)
    {
      HsObject *join = hs_object_getattr_cstr (vm, space, "join");
      joined = join != NULL ? hs_object_call (vm, join, &words, 1, NULL) : NULL;
      hs_xdecref (vm, join);
      hs_decref (vm, space);
    }
  hs_xdecref (vm, words);
  if (joined != NULL && (lines = wrap_lines (vm, &o, joined)) != NULL)
    {
      r = lines_joined (vm, lines);
      g_ptr_array_unref (lines);
    }
  hs_xdecref (vm, joined);
  options_clear (&o);
  return r;
}

/* ---- TextWrapper ---------------------------------------------------------------------------- */

/* CPython's TextWrapper: its options are instance attributes (settable, read by each
 * wrap/fill), drawn as the instance's rows in the order CPython's trace sorts them. */
typedef struct
{
  HsObject header;
  HsObject *opt[G_N_ELEMENTS (option_names)]; /* in option_names' order */
} HsTextWrapper;

static HsType wrapper_type;

static const guint8 sorted_options[] = { 6, 8, 7, 3, 5, 1, 10, 11, 4, 2, 9, 0 };
G_STATIC_ASSERT (G_N_ELEMENTS (sorted_options) == G_N_ELEMENTS (option_names));

static void
wrapper_clear (HsVM *vm, HsObject *self)
{
  for (gsize i = 0; i < G_N_ELEMENTS (option_names); i++)
    HS_CLEAR (vm, ((HsTextWrapper *)self)->opt[i]);
}

static void
wrapper_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sorted_options); i++)
    {
      HsObject *v = ((HsTextWrapper *)self)->opt[sorted_options[i]];
      if (v != NULL)
        hs_visit_named (visit, v, HS_REF_ATTR, option_names[sorted_options[i]], data);
    }
}

/* TextWrapper(width=70, initial_indent='', subsequent_indent='', expand_tabs=True,
 * replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
 * drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
 * placeholder=' [...]') */
static HsObject *
wrapper_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v[G_N_ELEMENTS (option_names)] = { NULL };
  HsTextWrapper *w;
  if (!hs_parse_args (vm, "TextWrapper.__init__", args, nargs, kwnames,
                      "@|width initial_indent subsequent_indent expand_tabs replace_whitespace "
                      "fix_sentence_endings break_long_words drop_whitespace break_on_hyphens "
                      "tabsize $max_lines placeholder",
                      &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &v[10],
                      &v[11])
      || (w = (HsTextWrapper *)hs_object_alloc (vm, type, sizeof (HsTextWrapper))) == NULL)
    return NULL;
  HsObject *defaults[G_N_ELEMENTS (option_names)] = {
    hs_int_from_i64 (vm, 70),
    hs_str_intern_cstr (""),
    hs_str_intern_cstr (""),
    hs_True,
    hs_True,
    hs_False,
    hs_True,
    hs_True,
    hs_True,
    hs_int_from_i64 (vm, 8),
    hs_None,
    hs_str_intern_cstr (" [...]") /* one object, as the default CPython's __init__ keeps */,
  };
  for (gsize i = 0; i < G_N_ELEMENTS (option_names); i++)
    {
      w->opt[i] = hs_incref (v[i] != NULL ? v[i] : defaults[i]);
      hs_decref (vm, defaults[i]);
    }
  hs_gc_track (vm, &w->header);
  return &w->header;
}

static gssize
option_index (HsObject *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (option_names); i++)
    if (hs_str_equal_cstr (name, option_names[i]))
      return (gssize)i;
  return -1;
}

static HsObject *
wrapper_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  gssize i = option_index (name);
  if (i >= 0)
    return hs_incref (((HsTextWrapper *)self)->opt[i]);
  return hs_object_generic_getattr (vm, self, name);
}

static int
wrapper_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  gssize i = option_index (name);
  HsObject *old;
  if (i < 0 || value == NULL) /* CPython's instances take any attribute */
    {
      hs_err_format (vm, &hs_exc_NotImplementedError,
                     "%s TextWrapper.%s is not supported by Heapscope yet",
                     value == NULL ? "deleting" : "setting", hs_str_utf8 (name));
      return -1;
    }
  old = ((HsTextWrapper *)self)->opt[i];
  ((HsTextWrapper *)self)->opt[i] = hs_incref (value);
  hs_object_mark_dirty (vm, self);
  hs_decref (vm, old);
  return 0;
}

static HsObject *
wrapper_m_wrap_or_fill (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean fill)
{
  HsObject *text = NULL;
  Options o;
  if (!hs_parse_args (vm, fill ? "TextWrapper.fill" : "TextWrapper.wrap", args + 1, nargs - 1,
                      kwnames, "@text", &text)
      || !text_checked (vm, text) || !options_of (vm, &o, ((HsTextWrapper *)args[0])->opt))
    return NULL;
  return wrap_text (vm, &o, text, fill);
}

HS_CFUNCTION_VARIANT (wrapper_m_wrap, wrapper_m_wrap_or_fill, FALSE)
HS_CFUNCTION_VARIANT (wrapper_m_fill, wrapper_m_wrap_or_fill, TRUE)

static const HsMethodDef wrapper_methods[] = {
  { "wrap", wrapper_m_wrap },
  { "fill", wrapper_m_fill },
  { NULL, NULL },
};

static HsType wrapper_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "TextWrapper",
  .module = "textwrap",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,
  .basicsize = sizeof (HsTextWrapper),
  .dealloc = wrapper_clear,
  .refs = wrapper_refs,
  .clear = wrapper_clear,
  .getattr = wrapper_getattr,
  .setattr = wrapper_setattr,
  .construct = wrapper_construct,
  .methods = wrapper_methods,
};

/* ---- dedent and indent --------------------------------------------------------------------- */

static HsObject *
tw_dedent (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *text = NULL;
  GString *clean, *out;
  const char *margin = NULL;
  gsize margin_len = 0;

  if (!hs_parse_args (vm, "dedent", args, nargs, kwnames, "@text", &text))
    return NULL;
  if (!hs_str_check (text))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "expected string or bytes-like object");
      return NULL;
    }
  /* lines of only spaces and tabs lose them (_whitespace_only_re), then the common
   * margin of the lines that have text is found (_leading_whitespace_re) */
  clean = g_string_new (NULL);
  {
    const char *s = hs_str_utf8 (text), *end = s + hs_str_byte_len (text);
    while (s <= end)
      {
        const char *nl = memchr (s, '\n', (gsize)(end - s));
        const char *le = nl != NULL ? nl : end, *p = s;
        while (p < le && (*p == ' ' || *p == '\t'))
          p++;
        if (!(p == le && le > s))
          g_string_append_len (clean, s, le - s);
        if (nl == NULL)
          break;
        g_string_append_c (clean, '\n');
        s = nl + 1;
      }
  }
  for (const char *s = clean->str; s != NULL;)
    {
      const char *p = s;
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p != '\n' && *p != 0)
        {
          gsize n = (gsize)(p - s);
          if (margin == NULL)
            margin = s, margin_len = n;
          else if (n >= margin_len && strncmp (s, margin, margin_len) == 0)
            ;
          else if (n < margin_len && strncmp (s, margin, n) == 0)
            margin_len = n;
          else
            {
              gsize i = 0;
              while (i < n && i < margin_len && s[i] == margin[i])
                i++;
              margin_len = i;
            }
        }
      s = strchr (s, '\n');
      if (s != NULL)
        s++;
    }
  if (margin == NULL || margin_len == 0)
    return hs_str_from_gstring (vm, clean);
  out = g_string_new (NULL);
  for (const char *s = clean->str; s != NULL;)
    {
      const char *nl = strchr (s, '\n');
      if (strncmp (s, margin, margin_len) == 0)
        s += margin_len;
      g_string_append_len (out, s, nl != NULL ? nl + 1 - s : (gssize)strlen (s));
      s = nl != NULL ? nl + 1 : NULL;
    }
  g_string_free (clean, TRUE);
  return hs_str_from_gstring (vm, out);
}

static HsObject *
tw_indent (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *text = NULL, *prefix = NULL, *predicate = hs_None, *lines, *splitlines, *out, *r;
  if (!hs_parse_args (vm, "indent", args, nargs, kwnames, "@text prefix|predicate", &text, &prefix,
                      &predicate))
    return NULL;
  if ((splitlines = hs_object_getattr_cstr (vm, text, "splitlines")) == NULL)
    return NULL;
  {
    HsObject *keep = hs_True;
    lines = hs_object_call (vm, splitlines, &keep, 1, NULL);
  }
  hs_decref (vm, splitlines);
  if (lines == NULL || (out = hs_list_new (vm, 0)) == NULL)
    {
      hs_xdecref (vm, lines);
      return NULL;
    }
  for (gsize i = 0; out != NULL && i < hs_list_len (lines); i++)
    {
      HsObject *line = hs_list_get_borrow (lines, i), *test, *item;
      int t;
      if (predicate == hs_None)
        {
          HsObject *strip = hs_object_getattr_cstr (vm, line, "strip");
          test = strip != NULL ? hs_object_call (vm, strip, NULL, 0, NULL) : NULL;
          hs_xdecref (vm, strip);
        }
      else
        test = hs_object_call (vm, predicate, &line, 1, NULL);
      t = test != NULL ? hs_object_truth (vm, test) : -1;
      hs_xdecref (vm, test);
      item = t < 0 ? NULL : t ? hs_number_binop (vm, HS_BIN_ADD, prefix, line) : hs_incref (line);
      if (hs_list_append_take (vm, out, item) < 0)
        HS_CLEAR (vm, out);
    }
  hs_decref (vm, lines);
  if (out == NULL)
    return NULL;
  {
    HsObject *empty = hs_str_from_cstr (vm, ""), *join;
    join = empty != NULL ? hs_object_getattr_cstr (vm, empty, "join") : NULL;
    r = join != NULL ? hs_object_call (vm, join, &out, 1, NULL) : NULL;
    hs_xdecref (vm, join);
    hs_xdecref (vm, empty);
  }
  hs_decref (vm, out);
  return r;
}

static const HsMethodDef textwrap_functions[] = {
  { "wrap", tw_wrap },     { "fill", tw_fill },     { "shorten", tw_shorten },
  { "dedent", tw_dedent }, { "indent", tw_indent }, { NULL, NULL },
};

void
hs_mod_textwrap_runtime_init (void)
{
  hs_type_ready (&wrapper_type);
}

int
hs_mod_textwrap_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_take (vm, dict, "TextWrapper", hs_incref ((HsObject *)&wrapper_type)) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, textwrap_functions);
}
