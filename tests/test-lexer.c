/* test-lexer.c — the tokenizer: token kinds and positions, INDENT/DEDENT, strings, numbers,
 * and the errors CPython 3.11's tokenizer reports (message and location). */
#include "hs-lexer.h"

#include <string.h>

/* Renders a stream as "KIND:text@line:col ..." (text only for NAME/NUMBER/STRING/OP). */
static char *
render (const char *src)
{
  HsTokenStream ts;
  hs_lexer_tokenize (src, strlen (src), &ts);
  GString *out = g_string_new (NULL);
  for (int i = 0; i < ts.n_tokens; i++)
    {
      HsToken *t = hs_lexer_token (&ts, i);
      if (i)
        g_string_append_c (out, ' ');
      switch (t->kind)
        {
          case HS_T_NEWLINE:
            g_string_append (out, "NL");
            break;
          case HS_T_INDENT:
            g_string_append (out, "IN");
            break;
          case HS_T_DEDENT:
            g_string_append (out, "DE");
            break;
          case HS_T_ENDMARKER:
            g_string_append (out, "END");
            break;
          case HS_T_ERROR:
            g_string_append_printf (out, "ERR(%s)", ts.error.msg);
            break;
          default:
            g_string_append_len (out, t->start, t->end - t->start);
        }
    }
  hs_lexer_stream_clear (&ts);
  return g_string_free (out, FALSE);
}

static void
assert_tokens (const char *src, const char *expected)
{
  g_autofree char *got = render (src);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_simple (void)
{
  assert_tokens ("x = 1 + 2\n", "x = 1 + 2 NL END");
  assert_tokens ("x", "x NL END"); /* missing final newline is supplied */
  assert_tokens ("", "END");
  assert_tokens ("\n\n# only a comment\n", "END");
}

static void
test_operators (void)
{
  assert_tokens ("a**=b//=c->d:=e@f@=g...h!=i<<=j>>=k\n",
                 "a **= b //= c -> d := e @ f @= g ... h != i <<= j >>= k NL END");
  HsTokenStream ts;
  hs_lexer_tokenize ("a := b", 6, &ts);
  g_assert_cmpint (hs_lexer_token (&ts, 1)->kind, ==, HS_T_COLONEQUAL);
  g_assert_cmpint (hs_lexer_token (&ts, 0)->kind, ==, HS_T_NAME);
  hs_lexer_stream_clear (&ts);
  hs_lexer_tokenize ("if not x", 8, &ts);
  g_assert_cmpint (hs_lexer_token (&ts, 0)->kind, ==, HS_T_KW_IF);
  g_assert_cmpint (hs_lexer_token (&ts, 1)->kind, ==, HS_T_KW_NOT);
  hs_lexer_stream_clear (&ts);
}

static void
test_indentation (void)
{
  assert_tokens ("if x:\n    y\n    if z:\n        w\nv\n",
                 "if x : NL IN y NL if z : NL IN w NL DE DE v NL END");
  /* blank lines and comments do not change indentation */
  assert_tokens ("if x:\n\n    # c\n    y\n\n", "if x : NL IN y NL DE END");
  /* brackets join lines; backslash continues them */
  assert_tokens ("x = (1,\n  2)\ny = 1 + \\\n    2\n", "x = ( 1 , 2 ) NL y = 1 + 2 NL END");
  /* dedent at end of file */
  assert_tokens ("def f():\n  return 1", "def f ( ) : NL IN return 1 NL DE END");
}

static void
test_positions (void)
{
  HsTokenStream ts;
  const char *src = "x = 'é'\nif y:\n  z = \"\"\"a\nb\"\"\"\n";
  hs_lexer_tokenize (src, strlen (src), &ts);
  /* 'é' is 4 bytes: columns are UTF-8 byte offsets, as in CPython's ast */
  g_assert_cmpint (hs_lexer_token (&ts, 2)->col, ==, 4);
  g_assert_cmpint (hs_lexer_token (&ts, 2)->end_col, ==, 8);
  /* NEWLINE leaves the '\n' out of its extent, as CPython's tokenizer does */
  g_assert_cmpint (hs_lexer_token (&ts, 3)->kind, ==, HS_T_NEWLINE);
  g_assert_cmpint (hs_lexer_token (&ts, 3)->col, ==, 8);
  g_assert_cmpint (hs_lexer_token (&ts, 3)->end_col, ==, 8);
  /* a triple-quoted string spans lines */
  HsToken *s = hs_lexer_token (&ts, 11);
  g_assert_cmpint (s->kind, ==, HS_T_STRING);
  g_assert_cmpint (s->lineno, ==, 3);
  g_assert_cmpint (s->col, ==, 6);
  g_assert_cmpint (s->end_lineno, ==, 4);
  g_assert_cmpint (s->end_col, ==, 4);
  hs_lexer_stream_clear (&ts);
}

static void
test_strings (void)
{
  assert_tokens ("'a' \"b\" '''c\nd''' r'\\n' b'x' Rb\"y\" F'{z}' fR'w' u'v'\n",
                 "'a' \"b\" '''c\nd''' r'\\n' b'x' Rb\"y\" F'{z}' fR'w' u'v' NL END");
  /* a backslash escapes the quote; a backslash-newline continues a short string */
  assert_tokens ("'it\\'s' 'a\\\nb'\n", "'it\\'s' 'a\\\nb' NL END");
  /* a prefix that is not one is a name */
  assert_tokens ("ab'x'\n", "ab 'x' NL END");
}

static void
test_numbers (void)
{
  assert_tokens ("0 10 1_000 0x_1F 0o17 0b10 1.5 .5 5. 1e10 1E-5 1_0.0_1e+1_0 3j 1.5J 00\n",
                 "0 10 1_000 0x_1F 0o17 0b10 1.5 .5 5. 1e10 1E-5 1_0.0_1e+1_0 3j 1.5J 00 NL END");
  /* a number may touch a keyword that can follow it */
  assert_tokens ("1if x else 2\n", "1 if x else 2 NL END");
  assert_tokens ("1 .real\n", "1 . real NL END");
}

typedef struct
{
  const char *src, *type, *msg;
  int lineno, offset, end_offset;
} ErrCase;

static void
test_errors (void)
{
  static const ErrCase cases[] = {
    { "x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 5 },
    { "x = 1\ny = \"\"\"abc\n\n", "SyntaxError",
      "unterminated triple-quoted string literal (detected at line 3)", 2, 5, 5 },
    { "x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5, 5 },
    { "x = 1_000_\n", "SyntaxError", "invalid decimal literal", 1, 10, 10 },
    { "x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6, 6 },
    { "x = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 7, 7 },
    { "x = 0b102\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 9, 9 },
    { "x = 012\n", "SyntaxError",
      "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
      "integers",
      1, 5, 6 },
    { "x = 1e+\n", "SyntaxError", "invalid decimal literal", 1, 7, 7 },
    { "x = )\n", "SyntaxError", "unmatched ')'", 1, 5, 5 },
    { "x = (]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('",
      1, 6, 6 },
    { "x = (1,\n2]\n", "SyntaxError",
      "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2 },
    { "if x:\n    a\n  b\n", "IndentationError",
      "unindent does not match any outer indentation level", 3, 4, -1 },
    { "if x:\n\tif y:\n        pass\n", "TabError",
      "inconsistent use of tabs and spaces in indentation", 3, 1, 0 },
    { "x = 1 \\ 2\n", "SyntaxError", "unexpected character after line continuation character", 1, 8,
      0 },
    { "x = €\n", "SyntaxError", "invalid character '€' (U+20AC)", 1, 5, 5 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ErrCase *c = &cases[i];
      HsTokenStream ts;
      g_assert_false (hs_lexer_tokenize (c->src, strlen (c->src), &ts));
      g_assert_cmpint (hs_lexer_token (&ts, ts.n_tokens - 1)->kind, ==, HS_T_ERROR);
      g_assert_cmpstr (ts.error.type_name, ==, c->type);
      g_assert_cmpstr (ts.error.msg, ==, c->msg);
      g_assert_cmpint (ts.error.lineno, ==, c->lineno);
      g_assert_cmpint (ts.error.offset, ==, c->offset);
      g_assert_cmpint (ts.error.end_offset, ==, c->end_offset);
      hs_lexer_stream_clear (&ts);
    }
}

static void
test_limits (void)
{
  HsTokenStream ts;
  /* 200 levels of brackets are fine, 201 are not (CPython's MAXLEVEL) */
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 200; i++)
    g_string_append_c (s, '(');
  g_assert_true (hs_lexer_tokenize (s->str, s->len, &ts) == FALSE); /* never closed */
  g_assert_true (ts.error.at_eof_in_paren);
  hs_lexer_stream_clear (&ts);
  g_string_append_c (s, '(');
  hs_lexer_tokenize (s->str, s->len, &ts);
  g_assert_cmpstr (ts.error.msg, ==, "too many nested parentheses");
  g_assert_cmpint (ts.error.offset, ==, 201);
  hs_lexer_stream_clear (&ts);
  /* 100 levels of indentation are too many */
  g_string_truncate (s, 0);
  for (int i = 0; i <= 100; i++)
    g_string_append_printf (s, "%*sif x:\n", i, "");
  hs_lexer_tokenize (s->str, s->len, &ts);
  g_assert_cmpstr (ts.error.type_name, ==, "IndentationError");
  g_assert_cmpstr (ts.error.msg, ==, "too many levels of indentation");
  g_assert_cmpint (ts.error.lineno, ==, 101);
  hs_lexer_stream_clear (&ts);
  g_string_free (s, TRUE);
}

static void
test_line_text (void)
{
  HsTokenStream ts;
  const char *src = "a\r\nbb\nccc";
  hs_lexer_tokenize (src, strlen (src), &ts);
  g_autofree char *l1 = hs_lexer_line_text (&ts, 1);
  g_autofree char *l3 = hs_lexer_line_text (&ts, 3);
  g_assert_cmpstr (l1, ==, "a");
  g_assert_cmpstr (l3, ==, "ccc");
  g_assert_cmpint (hs_lexer_char_count ("héllo", 3), ==, 2);
  hs_lexer_stream_clear (&ts);
}

/* Read on demand, with the tokens before each statement discarded, the stream is the one
 * tokenized at once, and only a block or two of it is ever alive. */
static void
test_on_demand (void)
{
  g_autoptr (GString) src = g_string_new (NULL);
  HsTokenStream whole, ts;

  for (int i = 0; i < 5000; i++)
    g_string_append_printf (src, "if x%d:\n    y = [%d,\n 'a']\n", i, i);
  g_string_append (src, "z = (\n");
  g_assert_false (hs_lexer_tokenize (src->str, src->len, &whole));
  hs_lexer_start (src->str, src->len, &ts);
  g_assert_cmpint (ts.n_tokens, ==, 0);
  for (int i = 0; !hs_lexer_done (&ts) || i < ts.n_tokens; i++)
    {
      HsToken *a = hs_lexer_token (&ts, i), *b = hs_lexer_token (&whole, i);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->lineno, ==, b->lineno);
      g_assert_cmpint (a->col, ==, b->col);
      g_assert_cmpint (a->end_col, ==, b->end_col);
      g_assert_true (a->start == b->start && a->end == b->end);
      if (a->kind == HS_T_NEWLINE)
        hs_lexer_discard (&ts, i + 1);
      g_assert_cmpint (ts.n_blocks, <=, 2);
    }
  g_assert_cmpint (ts.n_tokens, ==, whole.n_tokens);
  g_assert_cmpint (hs_lexer_token (&ts, G_MAXINT)->kind, ==, HS_T_ERROR);
  g_assert_cmpstr (ts.error.msg, ==, whole.error.msg);
  g_assert_cmpint (ts.open_paren_lineno, ==, 15001);
  hs_lexer_stream_clear (&ts);
  hs_lexer_stream_clear (&whole);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/lexer/simple", test_simple);
  g_test_add_func ("/core/lexer/operators", test_operators);
  g_test_add_func ("/core/lexer/indentation", test_indentation);
  g_test_add_func ("/core/lexer/positions", test_positions);
  g_test_add_func ("/core/lexer/strings", test_strings);
  g_test_add_func ("/core/lexer/numbers", test_numbers);
  g_test_add_func ("/core/lexer/errors", test_errors);
  g_test_add_func ("/core/lexer/limits", test_limits);
  g_test_add_func ("/core/lexer/line-text", test_line_text);
  g_test_add_func ("/core/lexer/on-demand", test_on_demand);
  return g_test_run ();
}
