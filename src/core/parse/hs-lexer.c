/* hs-lexer.c — Python 3.11 tokenizer (INDENT/DEDENT, brackets, numbers, strings).
 *
 * Invariant: the lexer walks the source once, line by line as CPython's tokenizer does:
 * indentation is measured only at the beginning of a logical line outside brackets, blank and
 * comment-only lines produce nothing, and every error is recorded with the location CPython
 * reports for it. Strings (f-strings included) are returned whole, undecoded: decoding and
 * f-string parsing belong to the parser, as in CPython 3.11.
 */
#include "hs-lexer.h"

#include <string.h>

#define MAXINDENT 100
#define MAXLEVEL 200
#define TABSIZE 8

struct _HsLexer
{
  HsTokenStream *ts;
  HsTokKind last_kind; /* of the last token read (NEWLINE before the first) */
  const char *src, *cur, *end;
  const char *line_start;
  int lineno;
  gboolean atbol;
  gboolean fragment;
  int indent, pendin;
  int indstack[MAXINDENT], altstack[MAXINDENT];
  int level;
  char parenstack[MAXLEVEL];
  int parenlineno[MAXLEVEL], parencol[MAXLEVEL];
  gboolean failed;
};
typedef struct _HsLexer Lexer;

static const struct
{
  const char *word;
  HsTokKind kind;
} keywords[] = {
  { "False", HS_T_KW_FALSE },
  { "None", HS_T_KW_NONE },
  { "True", HS_T_KW_TRUE },
  { "and", HS_T_KW_AND },
  { "as", HS_T_KW_AS },
  { "assert", HS_T_KW_ASSERT },
  { "async", HS_T_KW_ASYNC },
  { "await", HS_T_KW_AWAIT },
  { "break", HS_T_KW_BREAK },
  { "class", HS_T_KW_CLASS },
  { "continue", HS_T_KW_CONTINUE },
  { "def", HS_T_KW_DEF },
  { "del", HS_T_KW_DEL },
  { "elif", HS_T_KW_ELIF },
  { "else", HS_T_KW_ELSE },
  { "except", HS_T_KW_EXCEPT },
  { "finally", HS_T_KW_FINALLY },
  { "for", HS_T_KW_FOR },
  { "from", HS_T_KW_FROM },
  { "global", HS_T_KW_GLOBAL },
  { "if", HS_T_KW_IF },
  { "import", HS_T_KW_IMPORT },
  { "in", HS_T_KW_IN },
  { "is", HS_T_KW_IS },
  { "lambda", HS_T_KW_LAMBDA },
  { "nonlocal", HS_T_KW_NONLOCAL },
  { "not", HS_T_KW_NOT },
  { "or", HS_T_KW_OR },
  { "pass", HS_T_KW_PASS },
  { "raise", HS_T_KW_RAISE },
  { "return", HS_T_KW_RETURN },
  { "try", HS_T_KW_TRY },
  { "while", HS_T_KW_WHILE },
  { "with", HS_T_KW_WITH },
  { "yield", HS_T_KW_YIELD },
};

/* Operators, longest first so that a prefix scan finds the longest match. */
static const struct
{
  const char *text;
  HsTokKind kind;
} operators[] = {
  { "**=", HS_T_DOUBLESTAREQUAL },
  { "//=", HS_T_DOUBLESLASHEQUAL },
  { ">>=", HS_T_RIGHTSHIFTEQUAL },
  { "<<=", HS_T_LEFTSHIFTEQUAL },
  { "...", HS_T_ELLIPSIS },
  { "!=", HS_T_NOTEQUAL },
  { "%=", HS_T_PERCENTEQUAL },
  { "&=", HS_T_AMPEREQUAL },
  { "**", HS_T_DOUBLESTAR },
  { "*=", HS_T_STAREQUAL },
  { "+=", HS_T_PLUSEQUAL },
  { "-=", HS_T_MINEQUAL },
  { "->", HS_T_RARROW },
  { "//", HS_T_DOUBLESLASH },
  { "/=", HS_T_SLASHEQUAL },
  { ":=", HS_T_COLONEQUAL },
  { "<<", HS_T_LEFTSHIFT },
  { "<=", HS_T_LESSEQUAL },
  { "<>", HS_T_UNKNOWN },
  { "==", HS_T_EQEQUAL },
  { ">=", HS_T_GREATEREQUAL },
  { ">>", HS_T_RIGHTSHIFT },
  { "@=", HS_T_ATEQUAL },
  { "^=", HS_T_CIRCUMFLEXEQUAL },
  { "|=", HS_T_VBAREQUAL },
  { "%", HS_T_PERCENT },
  { "&", HS_T_AMPER },
  { "(", HS_T_LPAR },
  { ")", HS_T_RPAR },
  { "*", HS_T_STAR },
  { "+", HS_T_PLUS },
  { ",", HS_T_COMMA },
  { "-", HS_T_MINUS },
  { ".", HS_T_DOT },
  { "/", HS_T_SLASH },
  { ":", HS_T_COLON },
  { ";", HS_T_SEMI },
  { "<", HS_T_LESS },
  { "=", HS_T_EQUAL },
  { ">", HS_T_GREATER },
  { "@", HS_T_AT },
  { "[", HS_T_LSQB },
  { "]", HS_T_RSQB },
  { "^", HS_T_CIRCUMFLEX },
  { "{", HS_T_LBRACE },
  { "|", HS_T_VBAR },
  { "}", HS_T_RBRACE },
  { "~", HS_T_TILDE },
};

int
hs_lexer_char_count (const char *s, int nbytes)
{
  int n = 0;
  for (int i = 0; i < nbytes; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      n++;
  return n;
}

/* CPython's offset for an error "at" position p: the number of characters before p. */
static int
offset_at (Lexer *L, const char *p)
{
  return hs_lexer_char_count (L->line_start, (int)(p - L->line_start));
}

static HsToken *
push_token (Lexer *L, HsTokKind kind, const char *start, int lineno, int col)
{
  HsTokenStream *ts = L->ts;
  int b = (ts->n_tokens >> HS_TOKEN_BLOCK_BITS) - ts->first_block;
  if (b == ts->n_blocks)
    {
      if (ts->n_blocks == ts->blocks_room)
        {
          ts->blocks_room = MAX (8, 2 * ts->blocks_room);
          ts->blocks = g_renew (HsToken *, ts->blocks, ts->blocks_room);
        }
      ts->blocks[ts->n_blocks++] = g_new (HsToken, HS_TOKEN_BLOCK);
    }
  HsToken *t = &ts->blocks[b][ts->n_tokens++ & (HS_TOKEN_BLOCK - 1)];
  *t = (HsToken){ kind, lineno, col, L->lineno, (int)(L->cur - L->line_start), start, L->cur };
  L->last_kind = kind;
  return t;
}

/* Records the (first) error and appends the terminating ERROR token. */
static void
fail (Lexer *L, gboolean overrides, const char *type_name, int lineno, int offset, int end_offset,
      char *msg)
{
  HsLexError *e = &L->ts->error;
  if (L->failed)
    {
      g_free (msg);
      return;
    }
  L->failed = TRUE;
  e->set = TRUE;
  e->overrides = overrides;
  e->type_name = type_name;
  e->msg = msg;
  e->lineno = e->end_lineno = lineno;
  e->offset = offset;
  e->end_offset = end_offset;
  push_token (L, HS_T_ERROR, L->cur, L->lineno, (int)(L->cur - L->line_start));
}

/* An error the tokenizer raises itself at the cursor (CPython's `syntaxerror(tok, ...)`). */
static void
fail_here (Lexer *L, char *msg)
{
  int off = offset_at (L, L->cur);
  fail (L, TRUE, "SyntaxError", L->lineno, off, off, msg);
}

static void
new_line (Lexer *L)
{
  L->lineno++;
  L->line_start = L->cur;
}

static inline int
peekc (Lexer *L, int k)
{
  return L->cur + k < L->end ? (unsigned char)L->cur[k] : -1;
}

/* ---- indentation ---------------------------------------------------------------------- */

static void
indent_error (Lexer *L, const char *type_name, const char *msg)
{
  fail (L, FALSE, type_name, L->lineno, 1, 0, g_strdup (msg));
}

/* Measures the indentation of a new line and queues INDENT/DEDENT tokens; FALSE on error. */
static gboolean
measure_indent (Lexer *L)
{
  int col = 0, altcol = 0;
  const char *p = L->cur;
  for (; p < L->end; p++)
    {
      if (*p == ' ')
        col++, altcol++;
      else if (*p == '\t')
        col = (col / TABSIZE + 1) * TABSIZE, altcol++;
      else if (*p == '\f')
        col = altcol = 0;
      else
        break;
    }
  L->cur = p;
  if (p >= L->end || *p == '#' || *p == '\n' || *p == '\r' || *p == '\\')
    return TRUE; /* blank line: indentation does not count */
  if (col == L->indstack[L->indent])
    {
      if (altcol != L->altstack[L->indent])
        return indent_error (L, "TabError", "inconsistent use of tabs and spaces in indentation"),
               FALSE;
    }
  else if (col > L->indstack[L->indent])
    {
      if (L->indent + 1 >= MAXINDENT)
        return indent_error (L, "IndentationError", "too many levels of indentation"), FALSE;
      if (altcol <= L->altstack[L->indent])
        return indent_error (L, "TabError", "inconsistent use of tabs and spaces in indentation"),
               FALSE;
      L->pendin++;
      L->indent++;
      L->indstack[L->indent] = col;
      L->altstack[L->indent] = altcol;
    }
  else
    {
      while (L->indent > 0 && col < L->indstack[L->indent])
        {
          L->pendin--;
          L->indent--;
        }
      if (col != L->indstack[L->indent])
        {
          const char *eol = memchr (L->cur, '\n', L->end - L->cur);
          int len = eol ? (int)(eol - L->line_start) : (int)(L->end - L->line_start);
          fail (L, FALSE, "IndentationError", L->lineno,
                hs_lexer_char_count (L->line_start, len) + 1, -1,
                g_strdup ("unindent does not match any outer indentation level"));
          return FALSE;
        }
      if (altcol != L->altstack[L->indent])
        return indent_error (L, "TabError", "inconsistent use of tabs and spaces in indentation"),
               FALSE;
    }
  return TRUE;
}

/* ---- numbers ---------------------------------------------------------------------------- */

static gboolean
is_id_start (int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static gboolean
is_id_char (int c)
{
  return is_id_start (c) || (c >= '0' && c <= '9');
}

static gboolean
lookahead_word (Lexer *L, const char *w)
{
  gsize n = strlen (w);
  return (gsize)(L->end - L->cur) >= n && memcmp (L->cur, w, n) == 0;
}

/* CPython's verify_end_of_number: a number followed by an identifier character is an error,
 * except before the keywords that may legally follow a number (`1if x else 2`). */
static gboolean
verify_end_of_number (Lexer *L, const char *kind)
{
  int c = peekc (L, 0);
  static const char *const ok[] = { "and", "else", "for", "if", "in", "is", "or", "not" };
  if (!is_id_char (c))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    if (lookahead_word (L, ok[i]))
      return TRUE;
  fail_here (L, g_strdup_printf ("invalid %s literal", kind));
  return FALSE;
}

/* Digits of one class with single underscores between them; FALSE (error set) on a trailing
 * or doubled underscore. */
static gboolean
scan_digits (Lexer *L, gboolean (*isdig) (int), const char *kind)
{
  while (TRUE)
    {
      while (isdig (peekc (L, 0)))
        L->cur++;
      if (peekc (L, 0) != '_')
        return TRUE;
      L->cur++;
      if (!isdig (peekc (L, 0)))
        {
          fail_here (L, g_strdup_printf ("invalid %s literal", kind));
          return FALSE;
        }
    }
}

static gboolean
isdec (int c)
{
  return c >= '0' && c <= '9';
}

static gboolean
ishex (int c)
{
  return g_ascii_isxdigit (c);
}

static gboolean
isoct (int c)
{
  return c >= '0' && c <= '7';
}

static gboolean
isbin (int c)
{
  return c == '0' || c == '1';
}

static gboolean
scan_radix (Lexer *L, gboolean (*isdig) (int), const char *kind)
{
  L->cur++; /* the x/o/b */
  if (peekc (L, 0) == '_')
    L->cur++;
  if (!isdig (peekc (L, 0)))
    {
      int c = peekc (L, 0);
      if (isdig != ishex && isdec (c))
        {
          int off = offset_at (L, L->cur) + 1;
          fail (L, TRUE, "SyntaxError", L->lineno, off, off,
                g_strdup_printf ("invalid digit '%c' in %s literal", c, kind));
          return FALSE;
        }
      fail_here (L, g_strdup_printf ("invalid %s literal", kind));
      return FALSE;
    }
  if (!scan_digits (L, isdig, kind))
    return FALSE;
  if (isdig != ishex && isdec (peekc (L, 0)))
    {
      int off = offset_at (L, L->cur) + 1;
      fail (L, TRUE, "SyntaxError", L->lineno, off, off,
            g_strdup_printf ("invalid digit '%c' in %s literal", peekc (L, 0), kind));
      return FALSE;
    }
  return verify_end_of_number (L, kind);
}

static gboolean
scan_exponent (Lexer *L)
{
  const char *e = L->cur;
  L->cur++;
  if (peekc (L, 0) == '+' || peekc (L, 0) == '-')
    {
      L->cur++;
      if (!isdec (peekc (L, 0)))
        {
          fail_here (L, g_strdup ("invalid decimal literal"));
          return FALSE;
        }
    }
  else if (!isdec (peekc (L, 0)))
    {
      L->cur = e;
      return verify_end_of_number (L, "decimal");
    }
  return scan_digits (L, isdec, "decimal");
}

/* After the integer part: fraction, exponent, imaginary suffix. */
static gboolean
scan_float_tail (Lexer *L)
{
  if (peekc (L, 0) == '.')
    {
      L->cur++;
      if (isdec (peekc (L, 0)) && !scan_digits (L, isdec, "decimal"))
        return FALSE;
    }
  if (peekc (L, 0) == 'e' || peekc (L, 0) == 'E')
    {
      const char *before = L->cur;
      if (!scan_exponent (L))
        return FALSE;
      if (L->cur == before)
        return TRUE;
    }
  if (peekc (L, 0) == 'j' || peekc (L, 0) == 'J')
    L->cur++;
  return verify_end_of_number (L, peekc (L, -1) == 'j' || peekc (L, -1) == 'J' ? "imaginary"
                                                                               : "decimal");
}

static gboolean
scan_number (Lexer *L)
{
  const char *start = L->cur;
  if (*L->cur == '0')
    {
      int c = g_ascii_tolower (peekc (L, 1));
      L->cur++;
      if (c == 'x')
        return scan_radix (L, ishex, "hexadecimal");
      if (c == 'o')
        return scan_radix (L, isoct, "octal");
      if (c == 'b')
        return scan_radix (L, isbin, "binary");
      /* "0", "00", "0_0": only zeros unless a fraction/exponent follows */
      while (peekc (L, 0) == '0' || (peekc (L, 0) == '_' && isdec (peekc (L, 1))))
        L->cur++;
      const char *zeros_end = L->cur;
      if (isdec (peekc (L, 0)))
        {
          if (!scan_digits (L, isdec, "decimal"))
            return FALSE;
          if (peekc (L, 0) != '.' && peekc (L, 0) != 'e' && peekc (L, 0) != 'E'
              && peekc (L, 0) != 'j' && peekc (L, 0) != 'J')
            {
              int off = offset_at (L, start) + 1;
              L->cur = zeros_end;
              fail (L, TRUE, "SyntaxError", L->lineno, off, offset_at (L, L->cur) + 1,
                    g_strdup ("leading zeros in decimal integer literals are not permitted; use "
                              "an 0o prefix for octal integers"));
              return FALSE;
            }
        }
      return scan_float_tail (L);
    }
  if (*L->cur != '.' && !scan_digits (L, isdec, "decimal"))
    return FALSE;
  return scan_float_tail (L);
}

/* ---- strings ---------------------------------------------------------------------------- */

static gboolean
is_string_prefix (const char *s, int n)
{
  char a = n > 0 ? g_ascii_tolower (s[0]) : 0, b = n > 1 ? g_ascii_tolower (s[1]) : 0;
  if (n == 1)
    return a == 'r' || a == 'u' || a == 'b' || a == 'f';
  if (n == 2)
    return (a == 'r' && (b == 'b' || b == 'f')) || ((a == 'b' || a == 'f') && b == 'r');
  return FALSE;
}

/* Scans a string whose prefix starts at `start` and whose quote is at the cursor. */
static gboolean
scan_string (Lexer *L, const char *start, int lineno, int col)
{
  const char *start_line = L->line_start;
  char q = *L->cur;
  int qsize = (peekc (L, 1) == q && peekc (L, 2) == q) ? 3 : 1;
  int run = 0;
  L->cur += qsize;
  while (run < qsize)
    {
      int c = peekc (L, 0);
      if (c < 0 || (qsize == 1 && c == '\n'))
        {
          int detected = L->lineno - (c < 0 && L->cur > L->src && L->cur[-1] == '\n' ? 1 : 0);
          int off = hs_lexer_char_count (start_line, (int)(start - start_line)) + 1;
          fail (L, TRUE, "SyntaxError", lineno, off, off,
                g_strdup_printf (qsize == 3 ? "unterminated triple-quoted string literal "
                                              "(detected at line %d)"
                                            : "unterminated string literal (detected at line %d)",
                                 detected));
          return FALSE;
        }
      L->cur++;
      if (c == q)
        {
          run++;
          continue;
        }
      run = 0;
      if (c == '\\' && L->cur < L->end)
        c = *L->cur++;
      if (c == '\n')
        new_line (L);
    }
  push_token (L, HS_T_STRING, start, lineno, col);
  return TRUE;
}

/* ---- names, operators, brackets ----------------------------------------------------------- */

static gboolean
scan_name (Lexer *L, const char *start, int col)
{
  while (L->cur < L->end && is_id_char ((unsigned char)*L->cur))
    L->cur++;
  int n = (int)(L->cur - start);
  if ((peekc (L, 0) == '\'' || peekc (L, 0) == '"') && is_string_prefix (start, n))
    return scan_string (L, start, L->lineno, col);
  HsTokKind kind = HS_T_NAME;
  if (n >= 2 && n <= 8)
    for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
      if (keywords[i].word[0] == *start && (int)strlen (keywords[i].word) == n
          && memcmp (keywords[i].word, start, n) == 0)
        {
          kind = keywords[i].kind;
          break;
        }
  push_token (L, kind, start, L->lineno, col);
  return TRUE;
}

static char
closing_for (char open)
{
  return open == '(' ? ')' : open == '[' ? ']' : '}';
}

static gboolean
open_bracket (Lexer *L, char c, int col)
{
  if (L->level >= MAXLEVEL)
    {
      fail_here (L, g_strdup ("too many nested parentheses"));
      return FALSE;
    }
  L->parenstack[L->level] = c;
  L->parenlineno[L->level] = L->lineno;
  L->parencol[L->level] = col;
  L->level++;
  return TRUE;
}

static gboolean
close_bracket (Lexer *L, char c)
{
  if (L->level == 0)
    {
      fail_here (L, g_strdup_printf ("unmatched '%c'", c));
      return FALSE;
    }
  L->level--;
  char open = L->parenstack[L->level];
  if (closing_for (open) != c)
    {
      if (L->parenlineno[L->level] != L->lineno)
        fail_here (L, g_strdup_printf ("closing parenthesis '%c' does not match opening "
                                       "parenthesis '%c' on line %d",
                                       c, open, L->parenlineno[L->level]));
      else
        fail_here (L, g_strdup_printf ("closing parenthesis '%c' does not match opening "
                                       "parenthesis '%c'",
                                       c, open));
      return FALSE;
    }
  return TRUE;
}

static gboolean
scan_operator (Lexer *L, const char *start, int col)
{
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      if (operators[i].text[0] != *start)
        continue;
      gsize n = strlen (operators[i].text);
      if ((gsize)(L->end - start) >= n && memcmp (operators[i].text, start, n) == 0)
        {
          L->cur = start + n;
          char c = *start;
          if (n == 1 && (c == '(' || c == '[' || c == '{') && !open_bracket (L, c, col))
            return FALSE;
          if (n == 1 && (c == ')' || c == ']' || c == '}') && !close_bracket (L, c))
            return FALSE;
          push_token (L, operators[i].kind, start, L->lineno, col);
          return TRUE;
        }
    }
  /* a character that starts no token: one whole UTF-8 character */
  L->cur = g_utf8_find_next_char (start, L->end);
  if (L->cur == NULL)
    L->cur = L->end;
  push_token (L, HS_T_UNKNOWN, start, L->lineno, col);
  return TRUE;
}

/* A non-ASCII character must be able to start an identifier (letters, not symbols). */
static gboolean
check_identifier_char (Lexer *L, const char *start)
{
  gunichar u = g_utf8_get_char_validated (start, L->end - start);
  if (u == (gunichar)-1 || u == (gunichar)-2 || g_unichar_isalpha (u))
    return TRUE;
  char buf[8] = { 0 };
  g_unichar_to_utf8 (u, buf);
  L->cur = g_utf8_next_char (start);
  fail_here (L, g_strdup_printf ("invalid character '%s' (U+%04X)", buf, u));
  return FALSE;
}

/* ---- the main loop -------------------------------------------------------------------------- */

static void
finish_at_eof (Lexer *L)
{
  if (L->fragment)
    {
      HsToken *t = push_token (L, HS_T_RPAR, L->cur, L->lineno, (int)(L->cur - L->line_start));
      t->end_col++;
      push_token (L, HS_T_ENDMARKER, L->cur, L->lineno, (int)(L->cur - L->line_start));
      return;
    }
  if (L->level > 0)
    {
      HsTokenStream *ts = L->ts;
      ts->open_paren_lineno = L->parenlineno[L->level - 1];
      ts->open_paren_col = L->parencol[L->level - 1];
      ts->open_paren_char = L->parenstack[L->level - 1];
      fail (L, FALSE, "SyntaxError", L->lineno, 0, 0, g_strdup ("unexpected EOF"));
      ts->error.at_eof_in_paren = TRUE;
      return;
    }
  HsTokKind k = L->last_kind;
  if (k != HS_T_NEWLINE && k != HS_T_DEDENT && k != HS_T_INDENT)
    push_token (L, HS_T_NEWLINE, L->cur, L->lineno, (int)(L->cur - L->line_start));
  if (L->cur > L->line_start)
    {
      /* CPython appends the missing final newline */
      L->lineno++;
      L->line_start = L->cur;
    }
  for (; L->indent > 0; L->indent--)
    push_token (L, HS_T_DEDENT, L->cur, L->lineno, 0);
  push_token (L, HS_T_ENDMARKER, L->cur, L->lineno, 0);
}

/* Backslash continuation: "\\\n" joins lines; anything else after it is an error. */
static gboolean
continuation (Lexer *L)
{
  int c = peekc (L, 1);
  if (c == '\r' && peekc (L, 2) == '\n')
    L->cur++, c = '\n';
  if (c == '\n')
    {
      L->cur += 2;
      new_line (L);
      if (L->cur >= L->end)
        {
          fail (L, FALSE, "SyntaxError", L->lineno, 0, 0,
                g_strdup ("unexpected EOF while parsing"));
          return FALSE;
        }
      return TRUE;
    }
  L->cur++;
  int off = offset_at (L, L->cur) + 1;
  fail (L, FALSE, "SyntaxError", L->lineno, off, 0,
        g_strdup ("unexpected character after line continuation character"));
  return FALSE;
}

static gboolean
emit_pending_indent (Lexer *L)
{
  if (L->pendin == 0)
    return FALSE;
  int col = (int)(L->cur - L->line_start);
  if (L->pendin < 0)
    {
      L->pendin++;
      push_token (L, HS_T_DEDENT, L->cur, L->lineno, col);
    }
  else
    {
      L->pendin--;
      push_token (L, HS_T_INDENT, L->cur, L->lineno, col);
    }
  return TRUE;
}

/* `from` is where the NEWLINE token starts: a comment before the line break belongs to it,
 * as in CPython's tokenizer (errors at the end of such a line point at the comment). */
static void
handle_newline (Lexer *L, const char *from)
{
  const char *nl = L->cur;
  L->cur++;
  if (L->level > 0 || L->fragment)
    {
      new_line (L);
      return;
    }
  HsTokKind k = L->last_kind;
  if (k != HS_T_NEWLINE && k != HS_T_INDENT && k != HS_T_DEDENT)
    {
      HsToken *t = push_token (L, HS_T_NEWLINE, from, L->lineno, (int)(from - L->line_start));
      t->end_col = (int)(nl - L->line_start); /* CPython leaves the '\n' out of the token */
    }
  new_line (L);
  L->atbol = TRUE;
}

/* Scans one token (or skips whitespace/comments); FALSE once the stream is finished. */
static gboolean
next_token (Lexer *L)
{
  if (L->atbol && !L->fragment && L->level == 0)
    {
      L->atbol = FALSE;
      if (!measure_indent (L))
        return FALSE;
    }
  L->atbol = FALSE;
  if (emit_pending_indent (L))
    return TRUE;
  while (L->cur < L->end
         && (*L->cur == ' ' || *L->cur == '\t' || *L->cur == '\f'
             || (*L->cur == '\r' && peekc (L, 1) == '\n')))
    L->cur++;
  const char *comment = L->cur;
  if (L->cur < L->end && *L->cur == '#')
    while (L->cur < L->end && *L->cur != '\n')
      L->cur++;
  if (L->cur >= L->end)
    {
      finish_at_eof (L);
      return FALSE;
    }
  const char *start = L->cur;
  int col = (int)(start - L->line_start);
  int c = (unsigned char)*start;
  if (c == '\n')
    {
      handle_newline (L, comment < start && *comment == '#' ? comment : start);
      return TRUE;
    }
  if (is_id_start (c))
    {
      if (c >= 128 && !check_identifier_char (L, start))
        return FALSE;
      L->cur++;
      return scan_name (L, start, col);
    }
  if (isdec (c) || (c == '.' && isdec (peekc (L, 1))))
    {
      if (!scan_number (L))
        return FALSE;
      push_token (L, HS_T_NUMBER, start, L->lineno, col);
      return TRUE;
    }
  if (c == '\'' || c == '"')
    return scan_string (L, start, L->lineno, col);
  if (c == '\\')
    return continuation (L);
  return scan_operator (L, start, col);
}

static void
compute_lines (HsTokenStream *ts)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (int));
  int zero = 0;
  g_array_append_val (a, zero);
  for (gsize i = 0; i < ts->len; i++)
    if (ts->src[i] == '\n')
      {
        int next = (int)i + 1;
        g_array_append_val (a, next);
      }
  ts->n_lines = a->len;
  ts->line_starts = (int *)g_array_free (a, FALSE);
}

static Lexer *
lexer_new (HsTokenStream *ts, const char *src, const char *cur, gsize end, int lineno)
{
  Lexer *L = g_new0 (Lexer, 1);
  L->ts = ts;
  L->last_kind = HS_T_NEWLINE;
  L->src = src;
  L->cur = cur;
  L->line_start = src + ts->line_starts[lineno - 1];
  L->end = src + end;
  L->lineno = lineno;
  ts->lexer = L;
  return L;
}

int
hs_lexer_fill (HsTokenStream *ts, int i)
{
  Lexer *L = ts->lexer;
  while (ts->n_tokens <= i && L != NULL)
    if (L->failed || !next_token (L))
      {
        g_clear_pointer (&ts->lexer, g_free);
        L = NULL;
      }
  return MIN (i, ts->n_tokens - 1);
}

void
hs_lexer_discard (HsTokenStream *ts, int i)
{
  int drop = MIN ((i >> HS_TOKEN_BLOCK_BITS) - ts->first_block, ts->n_blocks - 1);
  if (drop <= 0)
    return;
  for (int k = 0; k < drop; k++)
    g_free (ts->blocks[k]);
  memmove (ts->blocks, ts->blocks + drop, sizeof (HsToken *) * (ts->n_blocks - drop));
  ts->n_blocks -= drop;
  ts->first_block += drop;
}

void
hs_lexer_start (const char *src, gsize len, HsTokenStream *ts)
{
  memset (ts, 0, sizeof *ts);
  ts->src = src;
  ts->len = len;
  compute_lines (ts);
  lexer_new (ts, src, src, len, 1)->atbol = TRUE;
}

gboolean
hs_lexer_tokenize (const char *src, gsize len, HsTokenStream *ts)
{
  hs_lexer_start (src, len, ts);
  hs_lexer_fill (ts, G_MAXINT);
  return !ts->error.set;
}

gboolean
hs_lexer_tokenize_fragment (const char *src, gsize start, gsize end, int lineno,
                            const int *line_starts, int n_lines, HsTokenStream *ts)
{
  memset (ts, 0, sizeof *ts);
  ts->src = src;
  ts->len = end;
  ts->line_starts = (int *)line_starts;
  ts->n_lines = n_lines;
  Lexer *L = lexer_new (ts, src, src + start, end, lineno);
  L->fragment = TRUE;
  /* CPython compiles "(" + expr + ")": the parentheses sit on the '{' and on the character
   * that ends the expression, which is where tuple and generator positions come from */
  HsToken *t
      = push_token (L, HS_T_LPAR, src + start - 1, lineno, (int)(src + start - 1 - L->line_start));
  t->end_col = t->col + 1;
  hs_lexer_fill (ts, G_MAXINT);
  ts->line_starts = NULL; /* borrowed */
  ts->n_lines = 0;
  return !ts->error.set;
}

void
hs_lexer_stream_clear (HsTokenStream *ts)
{
  for (int k = 0; k < ts->n_blocks; k++)
    g_free (ts->blocks[k]);
  g_clear_pointer (&ts->blocks, g_free);
  g_clear_pointer (&ts->lexer, g_free);
  ts->n_blocks = 0;
  g_clear_pointer (&ts->line_starts, g_free);
  g_clear_pointer (&ts->error.msg, g_free);
  ts->n_tokens = 0;
}

char *
hs_lexer_line_text (const HsTokenStream *ts, int lineno)
{
  if (lineno < 1 || lineno > ts->n_lines)
    return g_strdup ("");
  const char *s = ts->src + ts->line_starts[lineno - 1];
  const char *e = memchr (s, '\n', ts->src + ts->len - s);
  if (e == NULL)
    e = ts->src + ts->len;
  if (e > s && e[-1] == '\r')
    e--;
  return g_strndup (s, e - s);
}

const char *
hs_lexer_kind_name (HsTokKind kind)
{
  static const char *const names[] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "ERRORTOKEN", "OP",
  };
  if (kind < G_N_ELEMENTS (names))
    return names[kind];
  return kind >= HS_T_KW_FALSE ? "NAME" : "OP";
}
