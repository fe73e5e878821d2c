/* hs-parser.c — hand-written recursive-descent parser for Python 3.11 → HsModule.
 *
 * There is no reusable Python grammar library in C, so this follows CPython's PEG grammar
 * (Grammar/python.gram) by hand, one function per rule. Invariants:
 *  - every node spans from the first to the last token its rule consumed (NEWLINE, INDENT and
 *    DEDENT excluded), which is how CPython computes positions;
 *  - the first error set wins and every rule returns NULL/FALSE once `failed` is set; the
 *    specific messages of CPython's second ("invalid_*") pass are raised where the first
 *    failure is detected;
 *  - recursion is bounded by `depth`, so hostile input cannot overflow the C stack;
 *  - after a parser error, an error the tokenizer raised later in the file wins (CPython
 *    tokenizes the rest of the file before reporting), see resolve_error().
 * String literals are decoded here, and f-strings are split into JoinedStr/FormattedValue
 * exactly as CPython 3.11's string_parser.c does, parsing each expression part with a
 * sub-parser over a fragment of the same source.
 */
#include "hs-ast.h"
#include "hs-lexer.h"

#include <string.h>

#define MAX_DEPTH 3000

typedef struct _Parser Parser;
struct _Parser
{
  HsAstArena *arena;
  HsTokenStream *main; /* the module's stream: line texts, tokenizer error */
  HsToken *toks;
  int n;
  int pos, max_pos;
  int depth;
  int paren_depth; /* brackets open around the current token (for "forgot a comma?") */
  /* speculate_expression() results by token, n entries */
  struct _ExprMemo *expr_memo;
  /* inside CPython's expression_without_invalid, see fall_back() */
  gboolean no_invalid;
  /* the error is one CPython raises in any pass (strings, depth) */
  gboolean hard_failure;
  gboolean failed;
  gboolean err_is_final; /* "unexpected indent": CPython reports it without re-tokenizing */
  HsSyntaxError *err;
  /* f-string expression sub-parsers */
  Parser *outer;
  const char *frag_start; /* first byte of the expression part */
  int frag_lineno;
  int fstring_level;
};

typedef enum
{
  T_ASSIGN,
  T_DEL,
  T_FOR,
  T_AUG
} TargetUse;

/* An empty GArray/GPtrArray has no data pointer, and memcpy from NULL is undefined even
 * for zero bytes. */
static inline void
copy_items (void *dst, const void *src, gsize bytes)
{
  if (bytes > 0)
    memcpy (dst, src, bytes);
}

static HsExpr *expression (Parser *p);
static HsExpr *named_expression (Parser *p);
static HsExpr *star_expressions (Parser *p);
static HsExpr *star_named_expression (Parser *p);
static HsExpr *bitwise_or (Parser *p);
static HsExpr *disjunction (Parser *p);
static HsExpr *yield_expr (Parser *p);
static HsExpr *atom (Parser *p);
static gboolean statement (Parser *p, GPtrArray *out);
static HsExpr *fstring_compile_expr (Parser *p, HsToken *t, const char *start, const char *end);

/* ---- tokens ------------------------------------------------------------------------------ */

static inline HsToken *
cur (Parser *p)
{
  if (p->pos > p->max_pos)
    p->max_pos = p->pos;
  return &p->toks[p->pos];
}

static inline HsTokKind
kind (Parser *p)
{
  return cur (p)->kind;
}

static inline HsTokKind
peek_kind (Parser *p, int k)
{
  int i = MIN (p->pos + k, p->n - 1);
  if (i > p->max_pos)
    p->max_pos = i;
  return p->toks[i].kind;
}

static inline HsToken *
advance (Parser *p)
{
  HsToken *t = cur (p);
  if (p->pos < p->n - 1)
    p->pos++;
  return t;
}

static inline gboolean
accept (Parser *p, HsTokKind k)
{
  if (kind (p) != k)
    return FALSE;
  advance (p);
  return TRUE;
}

static gboolean
is_trivia (HsTokKind k)
{
  return k == HS_T_NEWLINE || k == HS_T_INDENT || k == HS_T_DEDENT || k == HS_T_ENDMARKER;
}

/* The position from token `start` to the last non-whitespace token consumed so far. */
static HsPos
span (Parser *p, int start)
{
  int last = p->pos - 1;
  while (last > start && is_trivia (p->toks[last].kind))
    last--;
  if (last < start)
    last = start;
  HsToken *a = &p->toks[start], *b = &p->toks[last];
  HsPos pos = { a->lineno, a->col, b->end_lineno, b->end_col };
  return pos;
}

static HsPos
join_pos (HsPos a, HsPos b)
{
  HsPos r = { a.lineno, a.col_offset, b.end_lineno, b.end_col_offset };
  return r;
}

/* ---- errors ------------------------------------------------------------------------------ */

static const char *
line_ptr (Parser *p, int lineno)
{
  HsTokenStream *ts = p->main;
  if (lineno < 1 || lineno > ts->n_lines)
    return NULL;
  return ts->src + ts->line_starts[lineno - 1];
}

static int
chars_at (Parser *p, int lineno, int col)
{
  const char *l = line_ptr (p, lineno);
  return l ? hs_lexer_char_count (l, col) : col;
}

/* Sets the error with offsets already in CPython's convention. */
static void
error_raw (Parser *p, const char *type_name, int lineno, int offset, int end_lineno, int end_offset,
           char *msg)
{
  if (p->failed)
    {
      g_free (msg);
      return;
    }
  Parser *top = p;
  while (top->outer)
    top = top->outer;
  p->failed = TRUE;
  for (Parser *q = p->outer; q; q = q->outer)
    q->failed = TRUE;
  if (top->err)
    {
      g_free (msg);
      return;
    }
  HsSyntaxError *e = g_new0 (HsSyntaxError, 1);
  e->type_name = g_strdup (type_name);
  e->lineno = lineno;
  e->offset = offset;
  e->end_lineno = end_lineno;
  e->end_offset = end_offset;
  e->text = hs_lexer_line_text (p->main, lineno);
  if (p->outer)
    {
      /* CPython parses "(expr)" for f-string parts and reports against that text */
      const char *e_end = p->main->src + p->main->len;
      const char *s = p->frag_start;
      const char *stop = p->toks[p->n - 1].start;
      (void)e_end;
      int shift = hs_lexer_char_count (line_ptr (p, p->frag_lineno),
                                       (int)(s - line_ptr (p, p->frag_lineno)));
      g_free (e->text);
      e->text = g_strdup_printf ("(%.*s)", (int)(stop - s), s);
      e->lineno = 1;
      e->end_lineno = 1;
      e->offset = offset - shift + 1;
      e->end_offset = end_offset > 0 ? end_offset - shift + 1 : end_offset;
      e->msg = g_strconcat ("f-string: ", msg, NULL);
      g_free (msg);
    }
  else
    e->msg = msg;
  top->err = e;
}

static void
error_span (Parser *p, const char *type_name, HsPos pos, char *msg)
{
  error_raw (p, type_name, pos.lineno, chars_at (p, pos.lineno, pos.col_offset) + 1, pos.end_lineno,
             chars_at (p, pos.end_lineno, pos.end_col_offset) + 1, msg);
}

static HsPos
tok_pos (HsToken *t)
{
  HsPos pos = { t->lineno, t->col, t->end_lineno, t->end_col };
  return pos;
}

/* CPython gives INDENT, DEDENT and ENDMARKER no column (-1); at the end of the file they sit on
 * the last line read. Returns TRUE and the line/byte column CPython's tokenizer cursor has. */
static gboolean
columnless (Parser *p, HsToken *t, int *lineno, int *col)
{
  if (t->kind != HS_T_INDENT && t->kind != HS_T_DEDENT && t->kind != HS_T_ENDMARKER)
    return FALSE;
  if (p->outer)
    return FALSE;
  HsTokenStream *m = p->main;
  if (t->start < m->src + m->len)
    {
      *lineno = t->lineno;
      *col = t->col;
      return TRUE;
    }
  int last = m->n_lines;
  if (m->len > 0 && m->src[m->len - 1] == '\n' && last > 1)
    last--;
  *lineno = last;
  g_autofree char *text = hs_lexer_line_text (m, last);
  *col = (int)strlen (text) + 1;
  return TRUE;
}

/* An error located at a token (CPython's RAISE_SYNTAX_ERROR uses the last token read). */
static void
error_tok_type (Parser *p, const char *type_name, HsToken *t, char *msg)
{
  int lineno, col;
  if (columnless (p, t, &lineno, &col))
    {
      const char *l = line_ptr (p, lineno);
      /* The source need not be NUL-terminated: a cursor past its end is one character
       * after the last. */
      int rest = l ? (int)(p->main->src + p->main->len - l) : 0;
      int off = !l           ? col
                : col > rest ? hs_lexer_char_count (l, rest) + 1
                             : hs_lexer_char_count (l, col);
      error_raw (p, type_name, lineno, off, lineno, -1, msg);
      return;
    }
  error_span (p, type_name, tok_pos (t), msg);
}

static void
error_tok (Parser *p, HsToken *t, char *msg)
{
  error_tok_type (p, "SyntaxError", t, msg);
}

/* The generic error: CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION at the last token. */
static void *
invalid_syntax (Parser *p)
{
  HsToken *t = cur (p);
  int lineno, col;
  if (t->kind != HS_T_ERROR && columnless (p, t, &lineno, &col))
    error_raw (p, "SyntaxError", lineno, 0, lineno, 0, g_strdup ("invalid syntax"));
  else
    error_span (p, "SyntaxError", tok_pos (t), g_strdup ("invalid syntax"));
  return NULL;
}

static gboolean
enter (Parser *p)
{
  if (++p->depth > MAX_DEPTH)
    {
      p->hard_failure = TRUE;
      error_tok (p, cur (p), g_strdup ("too many nested parentheses"));
      return FALSE;
    }
  return TRUE;
}

static inline void
leave (Parser *p)
{
  p->depth--;
}

static gboolean
expect (Parser *p, HsTokKind k)
{
  if (accept (p, k))
    return TRUE;
  invalid_syntax (p);
  return FALSE;
}

/* ":" ending a compound statement header: "expected ':'" when the line ends instead. */
static gboolean
expect_colon (Parser *p)
{
  if (accept (p, HS_T_COLON))
    return TRUE;
  if (kind (p) == HS_T_NEWLINE)
    error_tok (p, cur (p), g_strdup ("expected ':'"));
  else
    invalid_syntax (p);
  return FALSE;
}

/* &&':' in CPython's grammar (def, try, else, finally): "expected ':'" whatever follows. */
static gboolean
expect_forced_colon (Parser *p)
{
  if (accept (p, HS_T_COLON))
    return TRUE;
  if (kind (p) == HS_T_ERROR)
    invalid_syntax (p);
  else
    error_tok (p, cur (p), g_strdup ("expected ':'"));
  return FALSE;
}

/* Speculation: state saved before trying a rule whose failure is not an error. */
typedef struct
{
  int pos, depth, paren_depth;
} Mark;

static Mark
mark (Parser *p)
{
  Mark m = { p->pos, p->depth, p->paren_depth };
  return m;
}

static void
reset (Parser *p, Mark m)
{
  p->pos = m.pos;
  p->depth = m.depth;
  p->paren_depth = m.paren_depth;
}

/* Forgets the current error (set since the caller saved and cleared it) and goes back to `m`. */
static void
clear_failure (Parser *p, Mark m)
{
  Parser *top = p;
  while (top->outer)
    top = top->outer;
  hs_syntax_error_free (g_steal_pointer (&top->err));
  for (Parser *q = p; q; q = q->outer)
    q->failed = FALSE;
  p->hard_failure = FALSE;
  reset (p, m);
}

/* Runs `rule` without letting its failure become the error; returns NULL and restores the
 * position if it fails. */
static HsExpr *
speculate (Parser *p, HsExpr *(*rule) (Parser *))
{
  Parser *top = p;
  while (top->outer)
    top = top->outer;
  if (p->failed)
    return NULL;
  Mark m = mark (p);
  HsSyntaxError *saved = top->err;
  top->err = NULL;
  HsExpr *e = rule (p);
  /* a hard failure stands: CPython raises it in any pass, also in expression_without_invalid */
  if (p->failed && !(p->no_invalid && p->hard_failure))
    clear_failure (p, m);
  if (saved || !p->failed)
    {
      hs_syntax_error_free (top->err);
      top->err = saved;
    }
  return e;
}

/* Inside expression_without_invalid CPython's PEG rules do not fail on a bad postfix or
 * operand: the rule ends before it ("f(a b(1 c))" finds `b`). Undoes such a failure back to
 * `m`; returns FALSE (the failure stands) outside that mode or for a hard failure. */
static gboolean
fall_back (Parser *p, Mark m)
{
  if (!p->failed || !p->no_invalid || p->hard_failure)
    return FALSE;
  clear_failure (p, m);
  return TRUE;
}

/* A speculative `expression` at one token: its node (NULL if it failed), the token after it
 * and how far it looked ahead. */
typedef struct _ExprMemo
{
  gboolean done;
  HsExpr *e;
  int end, max_pos;
} ExprMemo;

/* CPython's expression_without_invalid, tried after a juxtaposed or unseparated expression
 * for "Perhaps you forgot a comma?". Run strictly, with the checks inside it, unclosed
 * brackets made that exponential; it is also memoised by token position, like CPython's
 * packrat `memo` rules. The result does not depend on how it was reached (bracket depth follows
 * from the position), so callers may share the node; they only read its position. */
static HsExpr *
speculate_expression (Parser *p)
{
  if (p->failed)
    return NULL;
  if (!p->expr_memo)
    p->expr_memo = g_new0 (ExprMemo, p->n);
  ExprMemo *m = &p->expr_memo[p->pos];
  if (m->done)
    {
      if (m->e)
        p->pos = m->end;
      p->max_pos = MAX (p->max_pos, m->max_pos);
      return m->e;
    }
  int start = p->pos;
  gboolean no_invalid = p->no_invalid;
  p->no_invalid = TRUE;
  HsExpr *e = speculate (p, expression);
  p->no_invalid = no_invalid;
  /* a hard failure is the error (the recursion limit's also depends on the depth) */
  if (!p->failed)
    {
      m = &p->expr_memo[start];
      m->done = TRUE;
      m->e = e;
      m->end = p->pos;
      m->max_pos = p->max_pos;
    }
  return e;
}

/* ---- nodes and lists ------------------------------------------------------------------------ */

static HsExpr *
new_expr (Parser *p, HsExprKind k, HsPos pos)
{
  HsExpr *e = hs_ast_alloc (p->arena, sizeof (HsExpr));
  e->kind = k;
  e->pos = pos;
  return e;
}

static HsStmt *
new_stmt (Parser *p, HsStmtKind k, HsPos pos)
{
  HsStmt *s = hs_ast_alloc (p->arena, sizeof (HsStmt));
  s->kind = k;
  s->pos = pos;
  return s;
}

static char *
tok_str (Parser *p, HsToken *t)
{
  return hs_ast_strndup (p->arena, t->start, t->end - t->start);
}

static HsExprList
to_exprs (Parser *p, GPtrArray *a)
{
  HsExprList l = { NULL, (int)a->len };
  if (a->len)
    {
      l.items = hs_ast_alloc (p->arena, a->len * sizeof (HsExpr *));
      copy_items (l.items, a->pdata, a->len * sizeof (HsExpr *));
    }
  return l;
}

static HsStmtList
to_stmts (Parser *p, GPtrArray *a)
{
  HsStmtList l = { NULL, (int)a->len };
  if (a->len)
    {
      l.items = hs_ast_alloc (p->arena, a->len * sizeof (HsStmt *));
      copy_items (l.items, a->pdata, a->len * sizeof (HsStmt *));
    }
  return l;
}

static HsExpr *
new_name (Parser *p, HsToken *t, HsExprContext ctx)
{
  HsExpr *e = new_expr (p, HS_EXPR_NAME, tok_pos (t));
  e->u.name.id = tok_str (p, t);
  e->u.name.ctx = ctx;
  return e;
}

static HsExpr *
new_constant (Parser *p, HsConstKind k, HsPos pos)
{
  HsExpr *e = new_expr (p, HS_EXPR_CONSTANT, pos);
  e->u.constant.kind = k;
  return e;
}

static gboolean
is_name (HsExpr *e, const char *id)
{
  return e->kind == HS_EXPR_NAME && strcmp (e->u.name.id, id) == 0;
}

/* ---- target validation -------------------------------------------------------------------- */

/* CPython's _PyPegen_get_expr_name. */
static const char *
expr_name (HsExpr *e)
{
  switch (e->kind)
    {
      case HS_EXPR_ATTRIBUTE:
        return "attribute";
      case HS_EXPR_SUBSCRIPT:
        return "subscript";
      case HS_EXPR_STARRED:
        return "starred";
      case HS_EXPR_NAME:
        return "name";
      case HS_EXPR_LIST:
        return "list";
      case HS_EXPR_TUPLE:
        return "tuple";
      case HS_EXPR_LAMBDA:
        return "lambda";
      case HS_EXPR_CALL:
        return "function call";
      case HS_EXPR_BOOLOP:
      case HS_EXPR_BINOP:
      case HS_EXPR_UNARYOP:
        return "expression";
      case HS_EXPR_GENEXP:
        return "generator expression";
      case HS_EXPR_YIELD:
      case HS_EXPR_YIELD_FROM:
        return "yield expression";
      case HS_EXPR_LISTCOMP:
        return "list comprehension";
      case HS_EXPR_SETCOMP:
        return "set comprehension";
      case HS_EXPR_DICTCOMP:
        return "dict comprehension";
      case HS_EXPR_DICT:
        return "dict literal";
      case HS_EXPR_SET:
        return "set display";
      case HS_EXPR_JOINEDSTR:
      case HS_EXPR_FORMATTED:
        return "f-string expression";
      case HS_EXPR_COMPARE:
        return "comparison";
      case HS_EXPR_IFEXP:
        return "conditional expression";
      case HS_EXPR_NAMEDEXPR:
        return "named expression";
      case HS_EXPR_SLICE:
        return "slice";
      case HS_EXPR_CONSTANT:
        switch (e->u.constant.kind)
          {
            case HS_CONST_NONE:
              return "None";
            case HS_CONST_TRUE:
              return "True";
            case HS_CONST_FALSE:
              return "False";
            case HS_CONST_ELLIPSIS:
              return "ellipsis";
            default:
              return "literal";
          }
    }
  return "expression";
}

/* Sets the context of a target in place; returns the first invalid sub-expression, or NULL
 * when the whole target is valid (CPython's _PyPegen_get_invalid_target + set_expr_context). */
static HsExpr *
set_context (HsExpr *e, HsExprContext ctx)
{
  switch (e->kind)
    {
      case HS_EXPR_NAME:
        e->u.name.ctx = ctx;
        return NULL;
      case HS_EXPR_ATTRIBUTE:
        e->u.attribute.ctx = ctx;
        return NULL;
      case HS_EXPR_SUBSCRIPT:
        e->u.subscript.ctx = ctx;
        return NULL;
      case HS_EXPR_STARRED:
        if (ctx == HS_CTX_DEL)
          return e;
        e->u.starred.ctx = ctx;
        return set_context (e->u.starred.value, ctx);
      case HS_EXPR_LIST:
      case HS_EXPR_TUPLE:
        e->u.seq.ctx = ctx;
        for (int i = 0; i < e->u.seq.elts.len; i++)
          {
            HsExpr *bad = set_context (e->u.seq.elts.items[i], ctx);
            if (bad)
              return bad;
          }
        return NULL;
      default:
        return e;
    }
}

static void
target_error (Parser *p, HsExpr *bad, TargetUse use)
{
  const char *fmt = use == T_DEL ? "cannot delete %s" : "cannot assign to %s";
  error_span (p, "SyntaxError", bad->pos, g_strdup_printf (fmt, expr_name (bad)));
}

static gboolean
validate_target (Parser *p, HsExpr *e, TargetUse use)
{
  HsExpr *bad = set_context (e, use == T_DEL ? HS_CTX_DEL : HS_CTX_STORE);
  if (bad == NULL)
    return TRUE;
  target_error (p, bad, use);
  return FALSE;
}

/* ---- string literals -------------------------------------------------------------------- */

typedef struct
{
  gboolean raw, bytes, fmt, u;
  const char *body, *body_end;
} StrTok;

static void
analyze_string (HsToken *t, StrTok *st)
{
  const char *s = t->start;
  memset (st, 0, sizeof *st);
  for (; *s != '\'' && *s != '"'; s++)
    {
      char c = g_ascii_tolower (*s);
      st->raw |= c == 'r';
      st->bytes |= c == 'b';
      st->fmt |= c == 'f';
      st->u |= c == 'u';
    }
  int q = (t->end - s >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
  st->body = s + q;
  st->body_end = t->end - q;
}

static void
unicode_error (Parser *p, int from, int to, const char *what)
{
  error_tok (p, cur (p),
             g_strdup_printf ("(unicode error) 'unicodeescape' codec can't decode bytes in "
                              "position %d-%d: %s",
                              from, to, what));
}

static int
hexval (int c)
{
  return g_ascii_xdigit_value (c);
}

/* One backslash escape at s (after the backslash); appends its value; returns the number of
 * bytes consumed after the backslash, or -1 on error. `base` is the body start (for the
 * position in CPython's message). */
static int
decode_escape (Parser *p, const char *s, const char *end, const char *base, gboolean bytes,
               GString *out)
{
  int c = s < end ? (unsigned char)*s : -1;
  int pos = (int)(s - 1 - base);
  switch (c)
    {
      case '\n':
        return 1;
      case '\\':
      case '\'':
      case '"':
        g_string_append_c (out, (char)c);
        return 1;
      case 'n':
        g_string_append_c (out, '\n');
        return 1;
      case 't':
        g_string_append_c (out, '\t');
        return 1;
      case 'r':
        g_string_append_c (out, '\r');
        return 1;
      case 'a':
        g_string_append_c (out, '\a');
        return 1;
      case 'b':
        g_string_append_c (out, '\b');
        return 1;
      case 'f':
        g_string_append_c (out, '\f');
        return 1;
      case 'v':
        g_string_append_c (out, '\v');
        return 1;
      default:
        break;
    }
  if (c >= '0' && c <= '7')
    {
      int v = 0, n = 0;
      while (n < 3 && s + n < end && s[n] >= '0' && s[n] <= '7')
        v = v * 8 + (s[n++] - '0');
      if (bytes)
        g_string_append_c (out, (char)(v & 0xff));
      else
        g_string_append_unichar (out, v);
      return n;
    }
  int ndig = c == 'x' ? 2 : (c == 'u' && !bytes) ? 4 : (c == 'U' && !bytes) ? 8 : 0;
  if (ndig)
    {
      guint32 v = 0;
      int n = 0;
      for (; n < ndig && s + 1 + n < end && hexval (s[1 + n]) >= 0; n++)
        v = v * 16 + hexval (s[1 + n]);
      if (n < ndig)
        {
          const char *what = c == 'x'   ? "truncated \\xXX escape"
                             : c == 'u' ? "truncated \\uXXXX escape"
                                        : "truncated \\UXXXXXXXX escape";
          unicode_error (p, pos, pos + n + 1, what);
          return -1;
        }
      if (bytes)
        g_string_append_c (out, (char)v);
      else if (v > 0x10FFFF)
        {
          unicode_error (p, pos, pos + ndig + 1, "illegal Unicode character");
          return -1;
        }
      else
        g_string_append_unichar (out, v);
      return ndig + 1;
    }
  if (c == 'N' && !bytes)
    {
      unicode_error (p, pos, pos + 1, "unknown Unicode character name");
      return -1;
    }
  /* unknown escapes are kept as written (CPython only warns) */
  g_string_append_c (out, '\\');
  return 0;
}

static gboolean
decode_body (Parser *p, const char *s, const char *end, gboolean raw, gboolean bytes, GString *out)
{
  const char *base = s;
  while (s < end)
    {
      const char *bs = raw ? NULL : memchr (s, '\\', end - s);
      const char *stop = bs ? bs : end;
      if (bytes)
        for (const char *q = s; q < stop; q++)
          if ((unsigned char)*q >= 0x80)
            {
              error_tok (p, cur (p), g_strdup ("bytes can only contain ASCII literal characters"));
              return FALSE;
            }
      g_string_append_len (out, s, stop - s);
      if (!bs)
        break;
      int n = decode_escape (p, bs + 1, end, base, bytes, out);
      if (n < 0)
        return FALSE;
      s = bs + 1 + n;
    }
  return TRUE;
}

/* f-strings, following CPython 3.11's string_parser.c. */
typedef struct
{
  GString *lit;
  GPtrArray *values;
  HsPos whole; /* every Constant/FormattedValue spans all the concatenated tokens */
} FState;

static void
flush_literal_at (Parser *p, FState *st, HsPos pos)
{
  if (st->lit->len == 0)
    return;
  HsExpr *c = new_constant (p, HS_CONST_STR, pos);
  c->u.constant.value = hs_ast_strndup (p->arena, st->lit->str, st->lit->len);
  c->u.constant.len = st->lit->len;
  g_ptr_array_add (st->values, c);
  g_string_truncate (st->lit, 0);
}

static void
flush_literal (Parser *p, FState *st)
{
  flush_literal_at (p, st, st->whole);
}

static void
fstring_error (Parser *p, HsToken *next, const char *msg)
{
  error_tok (p, next, g_strdup (msg));
}

static gboolean fstring_parse (Parser *p, HsToken *t, const char **str, const char *end,
                               gboolean raw, int lvl, FState *st, HsToken *next);

/* Scans the expression part after '{' up to its end ('!', ':', '=', '}'), as CPython's
 * fstring_find_expr does; sets *expr_end. */
static gboolean
fstring_scan_expr (Parser *p, const char **str, const char *end, HsToken *next)
{
  char parens[200];
  int depth = 0;
  char quote = 0;
  int qsize = 0;
  for (; *str < end; (*str)++)
    {
      char ch = **str;
      if (ch == '\\')
        return fstring_error (p, next, "f-string expression part cannot include a backslash"),
               FALSE;
      if (quote)
        {
          if (ch == quote
              && (qsize == 1 || (*str + 2 < end && (*str)[1] == quote && (*str)[2] == quote)))
            {
              *str += qsize - 1;
              quote = 0;
            }
          continue;
        }
      if (ch == '\'' || ch == '"')
        {
          qsize = (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) ? 3 : 1;
          *str += qsize - 1;
          quote = ch;
          continue;
        }
      if (ch == '[' || ch == '(' || ch == '{')
        {
          if (depth >= 200)
            return fstring_error (p, next, "f-string: too many nested parenthesis"), FALSE;
          parens[depth++] = ch;
          continue;
        }
      if (ch == '#')
        return fstring_error (p, next, "f-string expression part cannot include '#'"), FALSE;
      if (depth == 0 && strchr ("!:}=<>", ch))
        {
          char nx = *str + 1 < end ? (*str)[1] : 0;
          if (nx == '=' && ch != ':' && ch != '}')
            {
              (*str)++;
              continue;
            }
          if (ch == '<' || ch == '>')
            continue;
          break;
        }
      if (ch == ']' || ch == ')' || ch == '}')
        {
          if (depth == 0)
            {
              g_autofree char *m = g_strdup_printf ("f-string: unmatched '%c'", ch);
              return fstring_error (p, next, m), FALSE;
            }
          char open = parens[--depth];
          if (!((open == '(' && ch == ')') || (open == '[' && ch == ']')
                || (open == '{' && ch == '}')))
            {
              g_autofree char *m = g_strdup_printf ("f-string: closing parenthesis '%c' does not "
                                                    "match opening parenthesis '%c'",
                                                    ch, open);
              return fstring_error (p, next, m), FALSE;
            }
        }
    }
  if (quote)
    return fstring_error (p, next, "f-string: unterminated string"), FALSE;
  if (depth)
    {
      g_autofree char *m = g_strdup_printf ("f-string: unmatched '%c'", parens[depth - 1]);
      return fstring_error (p, next, m), FALSE;
    }
  if (*str >= end)
    return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
  return TRUE;
}

/* One replacement field, *str at '{'. Appends to st (self-documenting text, then the
 * FormattedValue). */
static gboolean
fstring_field (Parser *p, HsToken *t, const char **str, const char *end, gboolean raw, int lvl,
               FState *st, HsToken *next)
{
  if (lvl >= 2)
    return fstring_error (p, next, "f-string: expressions nested too deeply"), FALSE;
  (*str)++;
  const char *expr_start = *str;
  if (!fstring_scan_expr (p, str, end, next))
    return FALSE;
  HsExpr *value = fstring_compile_expr (p, t, expr_start, *str);
  if (value == NULL)
    return FALSE;
  gboolean self_doc = FALSE;
  if (**str == '=')
    {
      (*str)++;
      while (*str < end && g_ascii_isspace (**str))
        (*str)++;
      if (*str >= end)
        return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
      g_string_append_len (st->lit, expr_start, *str - expr_start);
      self_doc = TRUE;
    }
  int conversion = -1;
  if (**str == '!')
    {
      (*str)++;
      if (*str >= end)
        return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
      conversion = (unsigned char)*(*str)++;
      if (conversion != 's' && conversion != 'r' && conversion != 'a')
        return fstring_error (p, next,
                              "f-string: invalid conversion character: expected 's', "
                              "'r', or 'a'"),
               FALSE;
    }
  HsExpr *spec = NULL;
  if (*str < end && **str == ':')
    {
      (*str)++;
      if (*str >= end)
        return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
      FState sub = { g_string_new (NULL), g_ptr_array_new (), st->whole };
      gboolean ok = fstring_parse (p, t, str, end, raw, lvl + 1, &sub, next);
      if (ok)
        {
          /* CPython gives a spec's trailing literal the position of its own token */
          flush_literal_at (p, &sub, tok_pos (t));
          spec = new_expr (p, HS_EXPR_JOINEDSTR, tok_pos (t));
          spec->u.seq.elts = to_exprs (p, sub.values);
        }
      g_string_free (sub.lit, TRUE);
      g_ptr_array_unref (sub.values);
      if (!ok)
        return FALSE;
    }
  if (*str >= end || **str != '}')
    return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
  (*str)++;
  if (self_doc && spec == NULL && conversion == -1)
    conversion = 'r';
  flush_literal (p, st);
  HsExpr *fv = new_expr (p, HS_EXPR_FORMATTED, st->whole);
  fv->u.formatted.value = value;
  fv->u.formatted.conversion = conversion;
  fv->u.formatted.format_spec = spec;
  g_ptr_array_add (st->values, fv);
  return TRUE;
}

/* Literal text and fields of one f-string body (or of a format spec when lvl > 0, which ends
 * at a single '}'). */
static gboolean
fstring_parse (Parser *p, HsToken *t, const char **str, const char *end, gboolean raw, int lvl,
               FState *st, HsToken *next)
{
  while (*str < end)
    {
      const char *s = *str;
      while (s < end && *s != '{' && *s != '}')
        {
          if (*s == '\\' && !raw && s + 2 < end && s[1] == 'N' && s[2] == '{')
            while (s < end - 1 && *s != '}')
              s++;
          s++;
        }
      if (!decode_body (p, *str, MIN (s, end), raw, FALSE, st->lit))
        return FALSE;
      *str = s;
      if (s >= end)
        break;
      if (s + 1 < end && s[1] == *s && !(lvl > 0 && *s == '}'))
        {
          g_string_append_c (st->lit, *s);
          *str = s + 2;
          continue;
        }
      if (*s == '}')
        {
          if (lvl > 0)
            return TRUE;
          return fstring_error (p, next, "f-string: single '}' is not allowed"), FALSE;
        }
      if (!fstring_field (p, t, str, end, raw, lvl, st, next))
        return FALSE;
    }
  return TRUE;
}

static HsExpr *
strings_constant (Parser *p, StrTok *st, int n, HsPos pos, gboolean bytes)
{
  g_autoptr (GString) buf = g_string_new (NULL);
  for (int i = 0; i < n; i++)
    if (!decode_body (p, st[i].body, st[i].body_end, st[i].raw, bytes, buf))
      return NULL;
  HsExpr *c = new_constant (p, bytes ? HS_CONST_BYTES : HS_CONST_STR, pos);
  c->u.constant.value = hs_ast_strndup (p->arena, buf->str, buf->len);
  c->u.constant.len = buf->len;
  c->u.constant.is_u = st[0].u;
  return c;
}

/* strings: STRING+ (implicit concatenation, f-strings included). */
static HsExpr *
strings (Parser *p)
{
  int start = p->pos;
  while (kind (p) == HS_T_STRING)
    advance (p);
  int n = p->pos - start;
  HsPos pos = span (p, start);
  HsToken *next = cur (p);
  StrTok *st = g_newa (StrTok, n);
  gboolean any_f = FALSE, any_bytes = FALSE, all_bytes = TRUE;
  for (int i = 0; i < n; i++)
    {
      analyze_string (&p->toks[start + i], &st[i]);
      any_f |= st[i].fmt;
      any_bytes |= st[i].bytes;
      all_bytes &= st[i].bytes;
    }
  if (any_bytes && !all_bytes)
    {
      error_tok (p, next, g_strdup ("cannot mix bytes and nonbytes literals"));
      return NULL;
    }
  if (!any_f)
    return strings_constant (p, st, n, pos, any_bytes);
  FState fs = { g_string_new (NULL), g_ptr_array_new (), pos };
  gboolean ok = TRUE;
  for (int i = 0; ok && i < n; i++)
    {
      const char *s = st[i].body;
      if (st[i].fmt)
        ok = fstring_parse (p, &p->toks[start + i], &s, st[i].body_end, st[i].raw, 0, &fs, next);
      else
        ok = decode_body (p, s, st[i].body_end, st[i].raw, FALSE, fs.lit);
    }
  HsExpr *e = NULL;
  if (ok)
    {
      flush_literal (p, &fs);
      e = new_expr (p, HS_EXPR_JOINEDSTR, pos);
      e->u.seq.elts = to_exprs (p, fs.values);
    }
  g_string_free (fs.lit, TRUE);
  g_ptr_array_unref (fs.values);
  return e;
}

/* Parses src[start..end) of the enclosing source as the expression of an f-string field. */
static HsExpr *
fstring_compile_expr (Parser *p, HsToken *t, const char *start, const char *end)
{
  const char *q = start;
  while (q < end && g_ascii_isspace (*q))
    q++;
  if (q == end)
    {
      error_tok (p, cur (p), g_strdup ("f-string: empty expression not allowed"));
      return NULL;
    }
  int lineno = t->lineno;
  for (const char *c = t->start; c < start; c++)
    if (*c == '\n')
      lineno++;
  HsTokenStream ts;
  HsTokenStream *m = p->main;
  hs_lexer_tokenize_fragment (m->src, start - m->src, end - m->src, lineno, m->line_starts,
                              m->n_lines, &ts);
  Parser sub = { 0 };
  sub.arena = p->arena;
  sub.main = m;
  sub.toks = ts.tokens;
  sub.n = ts.n_tokens;
  sub.outer = p;
  sub.depth = p->depth;
  sub.paren_depth = 0;
  sub.frag_start = start;
  sub.frag_lineno = lineno;
  HsExpr *e = NULL;
  if (ts.error.set)
    error_raw (&sub, "SyntaxError", ts.error.lineno, ts.error.offset, ts.error.end_lineno,
               ts.error.end_offset, g_strdup (ts.error.msg));
  else
    {
      e = atom (&sub);
      if (e && kind (&sub) != HS_T_ENDMARKER)
        e = invalid_syntax (&sub);
    }
  g_free (sub.expr_memo);
  hs_lexer_stream_clear (&ts);
  return e;
}

/* ---- atoms ---------------------------------------------------------------------------------- */

static gboolean
starts_expression (HsTokKind k)
{
  switch (k)
    {
      case HS_T_NAME:
      case HS_T_NUMBER:
      case HS_T_STRING:
      case HS_T_LPAR:
      case HS_T_LSQB:
      case HS_T_LBRACE:
      case HS_T_MINUS:
      case HS_T_PLUS:
      case HS_T_TILDE:
      case HS_T_ELLIPSIS:
      case HS_T_KW_NOT:
      case HS_T_KW_LAMBDA:
      case HS_T_KW_NONE:
      case HS_T_KW_TRUE:
      case HS_T_KW_FALSE:
      case HS_T_KW_AWAIT:
        return TRUE;
      default:
        return FALSE;
    }
}

static HsExpr *
number (Parser *p)
{
  HsToken *t = advance (p);
  char last = t->end[-1];
  HsConstKind k = HS_CONST_INT;
  gboolean hex = t->end - t->start > 1 && (t->start[1] == 'x' || t->start[1] == 'X');
  if (last == 'j' || last == 'J')
    k = HS_CONST_IMAG;
  else if (!hex
           && (memchr (t->start, '.', t->end - t->start)
               || memchr (t->start, 'e', t->end - t->start)
               || memchr (t->start, 'E', t->end - t->start)))
    k = HS_CONST_FLOAT;
  HsExpr *e = new_constant (p, k, tok_pos (t));
  e->u.constant.text = tok_str (p, t);
  return e;
}

typedef struct
{
  HsComprehension *items;
  int n;
} Generators;

static gboolean comp_target (Parser *p, HsExpr **out);

/* for_if_clauses: ('async'? 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static gboolean
for_if_clauses (Parser *p, Generators *g)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (HsComprehension));
  while (kind (p) == HS_T_KW_FOR || (kind (p) == HS_T_KW_ASYNC && peek_kind (p, 1) == HS_T_KW_FOR))
    {
      HsComprehension c = { 0 };
      c.is_async = accept (p, HS_T_KW_ASYNC);
      advance (p);
      if (!comp_target (p, &c.target) || !expect (p, HS_T_KW_IN))
        goto fail;
      if (!(c.iter = disjunction (p)))
        goto fail;
      g_autoptr (GPtrArray) ifs = g_ptr_array_new ();
      while (accept (p, HS_T_KW_IF))
        {
          HsExpr *cond = disjunction (p);
          if (!cond)
            goto fail;
          g_ptr_array_add (ifs, cond);
        }
      c.ifs = to_exprs (p, ifs);
      g_array_append_val (a, c);
    }
  g->n = a->len;
  g->items = hs_ast_alloc (p->arena, MAX (a->len, 1) * sizeof (HsComprehension));
  copy_items (g->items, a->data, a->len * sizeof (HsComprehension));
  g_array_unref (a);
  return TRUE;
fail:
  g_array_unref (a);
  return FALSE;
}

static HsExpr *
comprehension (Parser *p, HsExprKind k, int start, HsExpr *elt, HsExpr *key, HsTokKind close)
{
  Generators g;
  if (!for_if_clauses (p, &g))
    return NULL;
  if (close != HS_T_ERROR && !expect (p, close))
    return NULL;
  HsExpr *e = new_expr (p, k, span (p, start));
  e->u.comp.elt = elt;
  e->u.comp.key = key;
  e->u.comp.generators = g.items;
  e->u.comp.n_generators = g.n;
  return e;
}

static gboolean is_soft_keyword (HsToken *t);

/* CPython's `!(NAME STRING | SOFT_KEYWORD)` before "Perhaps you forgot a comma?": a name
 * directly followed by a string, or an expression starting with a soft keyword. */
static gboolean
comma_hint_excluded (Parser *p, int start)
{
  HsToken *first = &p->toks[start];
  return is_soft_keyword (first)
         || (first->kind == HS_T_NAME && p->toks[start + 1].kind == HS_T_STRING);
}

static int
expr_start_index (Parser *p, HsExpr *e)
{
  for (int i = p->pos - 1; i >= 0; i--)
    if (p->toks[i].lineno == e->pos.lineno && p->toks[i].col == e->pos.col_offset)
      return i;
  return p->pos;
}

/* After an element inside brackets: "Perhaps you forgot a comma?" or "invalid syntax". */
static void *
sequence_error (Parser *p, HsExpr *prev)
{
  if (prev && !p->no_invalid && starts_expression (kind (p)) && !p->failed
      && !comma_hint_excluded (p, expr_start_index (p, prev)))
    {
      HsExpr *next = speculate_expression (p);
      if (next)
        {
          error_span (p, "SyntaxError", join_pos (prev->pos, next->pos),
                      g_strdup ("invalid syntax. Perhaps you forgot a comma?"));
          return NULL;
        }
    }
  return invalid_syntax (p);
}

/* Elements of a list/tuple/set display up to `close` (the first one already parsed). */
static gboolean
display_elements (Parser *p, HsExpr *first, HsTokKind close, GPtrArray *out)
{
  g_ptr_array_add (out, first);
  while (accept (p, HS_T_COMMA))
    {
      if (kind (p) == close)
        break;
      HsExpr *e = star_named_expression (p);
      if (!e)
        return FALSE;
      g_ptr_array_add (out, e);
    }
  if (kind (p) != close)
    return sequence_error (p, out->pdata[out->len - 1]), FALSE;
  advance (p);
  return TRUE;
}

static HsExpr *
seq_node (Parser *p, HsExprKind k, int start, GPtrArray *elts)
{
  HsExpr *e = new_expr (p, k, span (p, start));
  e->u.seq.elts = to_exprs (p, elts);
  e->u.seq.ctx = HS_CTX_LOAD;
  return e;
}

/* '(' ... ')': tuple, group, generator expression, yield. */
static HsExpr *
paren_atom (Parser *p)
{
  int start = p->pos;
  advance (p);
  p->paren_depth++;
  g_autoptr (GPtrArray) elts = g_ptr_array_new ();
  HsExpr *first, *r = NULL;
  if (accept (p, HS_T_RPAR))
    r = seq_node (p, HS_EXPR_TUPLE, start, elts);
  else if (kind (p) == HS_T_KW_YIELD)
    {
      if ((first = yield_expr (p)) && expect (p, HS_T_RPAR))
        r = first;
    }
  else if (!(first = star_named_expression (p)))
    ;
  else if (kind (p) == HS_T_KW_FOR || kind (p) == HS_T_KW_ASYNC)
    r = comprehension (p, HS_EXPR_GENEXP, start, first, NULL, HS_T_RPAR);
  else if (accept (p, HS_T_RPAR))
    {
      if (first->kind == HS_EXPR_STARRED)
        error_span (p, "SyntaxError", first->pos, g_strdup ("cannot use starred expression here"));
      else
        r = first;
    }
  else if (kind (p) == HS_T_COMMA)
    {
      if (display_elements (p, first, HS_T_RPAR, elts))
        r = seq_node (p, HS_EXPR_TUPLE, start, elts);
    }
  else
    sequence_error (p, first);
  p->paren_depth--;
  return r;
}

static HsExpr *
list_atom (Parser *p)
{
  int start = p->pos;
  advance (p);
  p->paren_depth++;
  g_autoptr (GPtrArray) elts = g_ptr_array_new ();
  HsExpr *first, *r = NULL;
  if (accept (p, HS_T_RSQB))
    r = seq_node (p, HS_EXPR_LIST, start, elts);
  else if (!(first = star_named_expression (p)))
    ;
  else if (kind (p) == HS_T_KW_FOR || kind (p) == HS_T_KW_ASYNC)
    r = comprehension (p, HS_EXPR_LISTCOMP, start, first, NULL, HS_T_RSQB);
  else if (display_elements (p, first, HS_T_RSQB, elts))
    r = seq_node (p, HS_EXPR_LIST, start, elts);
  p->paren_depth--;
  return r;
}

/* One dict item: key ':' value, or '**' bitwise_or (key NULL). */
static gboolean
dict_item (Parser *p, HsExpr **key, HsExpr **value)
{
  if (accept (p, HS_T_DOUBLESTAR))
    {
      *key = NULL;
      return (*value = bitwise_or (p)) != NULL;
    }
  if (!(*key = expression (p)))
    return FALSE;
  if (kind (p) != HS_T_COLON)
    {
      if (kind (p) == HS_T_COMMA || kind (p) == HS_T_RBRACE)
        error_span (p, "SyntaxError", (*key)->pos, g_strdup ("':' expected after dictionary key"));
      else
        sequence_error (p, *key);
      return FALSE;
    }
  HsToken *colon = advance (p);
  if (kind (p) == HS_T_RBRACE || kind (p) == HS_T_COMMA)
    {
      error_span (p, "SyntaxError", tok_pos (colon),
                  g_strdup ("expression expected after dictionary key and ':'"));
      return FALSE;
    }
  return (*value = expression (p)) != NULL;
}

static HsExpr *
dict_rest (Parser *p, int start, HsExpr *key, HsExpr *value)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  if (key && value && (kind (p) == HS_T_KW_FOR || kind (p) == HS_T_KW_ASYNC))
    return comprehension (p, HS_EXPR_DICTCOMP, start, value, key, HS_T_RBRACE);
  g_ptr_array_add (keys, key);
  g_ptr_array_add (values, value);
  while (accept (p, HS_T_COMMA))
    {
      if (kind (p) == HS_T_RBRACE)
        break;
      if (!dict_item (p, &key, &value))
        return NULL;
      g_ptr_array_add (keys, key);
      g_ptr_array_add (values, value);
    }
  if (kind (p) != HS_T_RBRACE)
    return sequence_error (p, values->pdata[values->len - 1]);
  advance (p);
  HsExpr *e = new_expr (p, HS_EXPR_DICT, span (p, start));
  e->u.dict.keys = to_exprs (p, keys);
  e->u.dict.values = to_exprs (p, values);
  return e;
}

static HsExpr *
brace_atom_inner (Parser *p, int start)
{
  g_autoptr (GPtrArray) elts = g_ptr_array_new ();
  HsExpr *key = NULL, *value = NULL;
  if (accept (p, HS_T_RBRACE))
    {
      HsExpr *e = new_expr (p, HS_EXPR_DICT, span (p, start));
      return e;
    }
  if (kind (p) == HS_T_DOUBLESTAR)
    return dict_item (p, &key, &value) ? dict_rest (p, start, NULL, value) : NULL;
  HsExpr *first = star_named_expression (p);
  if (!first)
    return NULL;
  if (kind (p) == HS_T_COLON && first->kind != HS_EXPR_STARRED)
    {
      HsToken *colon = advance (p);
      if (kind (p) == HS_T_RBRACE || kind (p) == HS_T_COMMA)
        {
          error_span (p, "SyntaxError", tok_pos (colon),
                      g_strdup ("expression expected after dictionary key and ':'"));
          return NULL;
        }
      if (!(value = expression (p)))
        return NULL;
      return dict_rest (p, start, first, value);
    }
  if (kind (p) == HS_T_KW_FOR || kind (p) == HS_T_KW_ASYNC)
    return comprehension (p, HS_EXPR_SETCOMP, start, first, NULL, HS_T_RBRACE);
  if (!display_elements (p, first, HS_T_RBRACE, elts))
    return NULL;
  return seq_node (p, HS_EXPR_SET, start, elts);
}

static HsExpr *
brace_atom (Parser *p)
{
  int start = p->pos;
  advance (p);
  p->paren_depth++;
  HsExpr *e = brace_atom_inner (p, start);
  p->paren_depth--;
  return e;
}

static HsExpr *
atom (Parser *p)
{
  HsToken *t = cur (p);
  HsExpr *e;
  switch (t->kind)
    {
      case HS_T_NAME:
        advance (p);
        return new_name (p, t, HS_CTX_LOAD);
      case HS_T_NUMBER:
        return number (p);
      case HS_T_STRING:
        /* CPython decodes literals in its actions, which fail in any pass */
        e = strings (p);
        p->hard_failure |= !e;
        return e;
      case HS_T_KW_NONE:
      case HS_T_KW_TRUE:
      case HS_T_KW_FALSE:
      case HS_T_ELLIPSIS:
        advance (p);
        e = new_constant (p,
                          t->kind == HS_T_KW_NONE    ? HS_CONST_NONE
                          : t->kind == HS_T_KW_TRUE  ? HS_CONST_TRUE
                          : t->kind == HS_T_KW_FALSE ? HS_CONST_FALSE
                                                     : HS_CONST_ELLIPSIS,
                          tok_pos (t));
        e->u.constant.text = tok_str (p, t);
        return e;
      case HS_T_LPAR:
      case HS_T_LSQB:
      case HS_T_LBRACE:
        if (!enter (p))
          return NULL;
        e = t->kind == HS_T_LPAR   ? paren_atom (p)
            : t->kind == HS_T_LSQB ? list_atom (p)
                                   : brace_atom (p);
        leave (p);
        return e;
      default:
        return invalid_syntax (p);
    }
}

/* ---- primaries: calls, subscripts, attributes ------------------------------------------------ */

typedef struct
{
  GPtrArray *args;
  GArray *keywords;
} CallArgs;

static HsKeyword
make_keyword (char *arg, HsExpr *value, HsPos pos)
{
  HsKeyword k = { arg, value, pos };
  return k;
}

/* One call argument; `seen_kw`/`seen_kwunpack` track CPython's ordering rules. */
static gboolean
call_arg (Parser *p, CallArgs *ca, gboolean *seen_kw, gboolean *seen_kwunpack)
{
  int start = p->pos;
  if (accept (p, HS_T_DOUBLESTAR))
    {
      HsExpr *v = expression (p);
      if (!v)
        return FALSE;
      HsKeyword k = make_keyword (NULL, v, span (p, start));
      g_array_append_val (ca->keywords, k);
      *seen_kwunpack = TRUE;
      return TRUE;
    }
  if (kind (p) == HS_T_STAR)
    {
      advance (p);
      HsExpr *v = expression (p);
      if (!v)
        return FALSE;
      HsExpr *s = new_expr (p, HS_EXPR_STARRED, span (p, start));
      s->u.starred.value = v;
      if (*seen_kwunpack)
        {
          error_tok (p, &p->toks[start],
                     g_strdup ("iterable argument unpacking follows keyword argument unpacking"));
          return FALSE;
        }
      g_ptr_array_add (ca->args, s);
      return TRUE;
    }
  if (kind (p) == HS_T_NAME && peek_kind (p, 1) == HS_T_EQUAL)
    {
      HsToken *name = advance (p);
      advance (p);
      HsExpr *v = expression (p);
      if (!v)
        return FALSE;
      HsKeyword k = make_keyword (tok_str (p, name), v, span (p, start));
      g_array_append_val (ca->keywords, k);
      *seen_kw = TRUE;
      return TRUE;
    }
  HsExpr *e = named_expression (p);
  if (!e)
    return FALSE;
  if (kind (p) == HS_T_EQUAL)
    {
      HsToken *eq = advance (p);
      error_span (p, "SyntaxError", join_pos (e->pos, tok_pos (eq)),
                  g_strdup ("expression cannot contain assignment, perhaps you meant \"==\"?"));
      return FALSE;
    }
  if (*seen_kw || *seen_kwunpack)
    {
      error_tok (p, cur (p),
                 g_strdup (*seen_kwunpack ? "positional argument follows keyword argument "
                                            "unpacking"
                                          : "positional argument follows keyword argument"));
      return FALSE;
    }
  g_ptr_array_add (ca->args, e);
  return TRUE;
}

/* arguments after '(' up to and including ')'; `open` is the '(' token index. */
static gboolean
call_args (Parser *p, int open, CallArgs *ca)
{
  gboolean seen_kw = FALSE, seen_kwunpack = FALSE;
  while (kind (p) != HS_T_RPAR)
    {
      int arg_start = p->pos;
      if (!call_arg (p, ca, &seen_kw, &seen_kwunpack))
        return FALSE;
      if (kind (p) == HS_T_KW_FOR || kind (p) == HS_T_KW_ASYNC)
        {
          /* generator expression as an argument: the sole one spans the parentheses */
          HsExpr *elt = ca->args->len ? ca->args->pdata[ca->args->len - 1] : NULL;
          gboolean sole = ca->args->len == 1 && ca->keywords->len == 0;
          if (!elt || elt->kind == HS_EXPR_STARRED)
            return invalid_syntax (p), FALSE;
          HsExpr *g
              = comprehension (p, HS_EXPR_GENEXP, sole ? open : arg_start, elt, NULL, HS_T_ERROR);
          if (!g)
            return FALSE;
          if (!sole || kind (p) != HS_T_RPAR)
            {
              if (kind (p) == HS_T_COMMA && peek_kind (p, 1) == HS_T_RPAR && sole)
                advance (p);
              else
                {
                  g->pos = span (p, arg_start);
                  error_span (p, "SyntaxError", g->pos,
                              g_strdup ("Generator expression must be parenthesized"));
                  return FALSE;
                }
            }
          advance (p);
          g->pos = span (p, open);
          ca->args->pdata[ca->args->len - 1] = g;
          return TRUE;
        }
      if (!accept (p, HS_T_COMMA))
        {
          if (kind (p) != HS_T_RPAR)
            return sequence_error (p, ca->args->len ? ca->args->pdata[ca->args->len - 1] : NULL),
                   FALSE;
        }
    }
  advance (p);
  return TRUE;
}

static HsExpr *
call (Parser *p, int start, HsExpr *func)
{
  int open = p->pos;
  advance (p);
  p->paren_depth++;
  CallArgs ca = { g_ptr_array_new (), g_array_new (FALSE, FALSE, sizeof (HsKeyword)) };
  HsExpr *e = NULL;
  if (call_args (p, open, &ca))
    {
      e = new_expr (p, HS_EXPR_CALL, span (p, start));
      e->u.call.func = func;
      e->u.call.args = to_exprs (p, ca.args);
      e->u.call.n_keywords = ca.keywords->len;
      e->u.call.keywords = hs_ast_alloc (p->arena, MAX (1u, ca.keywords->len) * sizeof (HsKeyword));
      copy_items (e->u.call.keywords, ca.keywords->data, ca.keywords->len * sizeof (HsKeyword));
    }
  g_ptr_array_unref (ca.args);
  g_array_unref (ca.keywords);
  p->paren_depth--;
  return e;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression | starred */
static HsExpr *
slice (Parser *p)
{
  int start = p->pos;
  HsExpr *lower = NULL;
  if (kind (p) == HS_T_STAR)
    return star_named_expression (p);
  if (kind (p) != HS_T_COLON)
    {
      lower = named_expression (p);
      if (!lower || kind (p) != HS_T_COLON)
        return lower;
    }
  advance (p);
  HsExpr *s = new_expr (p, HS_EXPR_SLICE, span (p, start));
  s->u.slice.lower = lower;
  if (kind (p) != HS_T_COLON && kind (p) != HS_T_COMMA && kind (p) != HS_T_RSQB
      && !(s->u.slice.upper = expression (p)))
    return NULL;
  if (accept (p, HS_T_COLON) && kind (p) != HS_T_COMMA && kind (p) != HS_T_RSQB
      && !(s->u.slice.step = expression (p)))
    return NULL;
  s->pos = span (p, start);
  return s;
}

static HsExpr *
subscript (Parser *p, int start, HsExpr *value)
{
  advance (p);
  p->paren_depth++;
  int sstart = p->pos;
  HsExpr *first = slice (p), *e = NULL, *sl = first;
  if (first && kind (p) == HS_T_COMMA)
    {
      g_autoptr (GPtrArray) elts = g_ptr_array_new ();
      g_ptr_array_add (elts, first);
      while (sl && accept (p, HS_T_COMMA) && kind (p) != HS_T_RSQB)
        if ((sl = slice (p)))
          g_ptr_array_add (elts, sl);
      sl = sl ? seq_node (p, HS_EXPR_TUPLE, sstart, elts) : NULL;
    }
  if (sl && kind (p) != HS_T_RSQB)
    sequence_error (p, sl);
  else if (sl)
    {
      advance (p);
      e = new_expr (p, HS_EXPR_SUBSCRIPT, span (p, start));
      e->u.subscript.value = value;
      e->u.subscript.slice = sl;
    }
  p->paren_depth--;
  return e;
}

static HsExpr *
primary (Parser *p)
{
  int start = p->pos;
  HsExpr *e = atom (p);
  while (e)
    {
      Mark m = mark (p);
      HsExpr *next = NULL;
      if (kind (p) == HS_T_DOT)
        {
          advance (p);
          if (kind (p) != HS_T_NAME)
            {
              invalid_syntax (p);
              return fall_back (p, m) ? e : NULL;
            }
          HsToken *name = advance (p);
          HsExpr *a = new_expr (p, HS_EXPR_ATTRIBUTE, span (p, start));
          a->u.attribute.value = e;
          a->u.attribute.attr = tok_str (p, name);
          next = a;
        }
      else if (kind (p) == HS_T_LPAR)
        next = call (p, start, e);
      else if (kind (p) == HS_T_LSQB)
        next = subscript (p, start, e);
      else
        break;
      if (next)
        e = next;
      else
        return fall_back (p, m) ? e : NULL;
    }
  return e;
}

/* ---- operators ------------------------------------------------------------------------------ */

static HsExpr *factor (Parser *p);

static HsExpr *
binop_node (Parser *p, int start, HsExpr *l, HsAstBinOp op, HsExpr *r)
{
  HsExpr *e = new_expr (p, HS_EXPR_BINOP, span (p, start));
  e->u.binop.left = l;
  e->u.binop.op = op;
  e->u.binop.right = r;
  return e;
}

static HsExpr *
power (Parser *p)
{
  int start = p->pos;
  if (kind (p) == HS_T_KW_AWAIT)
    {
      error_tok (p, cur (p), g_strdup ("'await' expressions are not supported"));
      return NULL;
    }
  HsExpr *l = primary (p);
  Mark m = mark (p);
  if (l && accept (p, HS_T_DOUBLESTAR))
    {
      /* `**` is right-associative: a long chain recurses here */
      if (!enter (p))
        return NULL;
      HsExpr *r = factor (p);
      leave (p);
      if (!r && fall_back (p, m))
        return l;
      return r ? binop_node (p, start, l, HS_OP_POW, r) : NULL;
    }
  return l;
}

static HsExpr *
factor (Parser *p)
{
  HsTokKind k = kind (p);
  if (k != HS_T_PLUS && k != HS_T_MINUS && k != HS_T_TILDE)
    return power (p);
  int start = p->pos;
  if (!enter (p))
    return NULL;
  advance (p);
  HsExpr *operand = factor (p);
  leave (p);
  if (!operand)
    return NULL;
  HsExpr *e = new_expr (p, HS_EXPR_UNARYOP, span (p, start));
  e->u.unaryop.op = k == HS_T_PLUS ? HS_UOP_POS : k == HS_T_MINUS ? HS_UOP_NEG : HS_UOP_INVERT;
  e->u.unaryop.operand = operand;
  return e;
}

typedef struct
{
  HsTokKind tok;
  HsAstBinOp op;
} OpMap;

/* One left-associative binary level: operand (op operand)*. */
static HsExpr *
binary_level (Parser *p, HsExpr *(*operand) (Parser *), const OpMap *ops, int n_ops)
{
  int start = p->pos;
  HsExpr *l = operand (p);
  while (l)
    {
      int i = 0;
      while (i < n_ops && ops[i].tok != kind (p))
        i++;
      if (i == n_ops)
        break;
      Mark m = mark (p);
      advance (p);
      HsExpr *r = operand (p);
      if (!r && fall_back (p, m))
        break;
      l = r ? binop_node (p, start, l, ops[i].op, r) : NULL;
    }
  return l;
}

static HsExpr *
term (Parser *p)
{
  static const OpMap ops[] = { { HS_T_STAR, HS_OP_MUL },
                               { HS_T_SLASH, HS_OP_DIV },
                               { HS_T_DOUBLESLASH, HS_OP_FLOORDIV },
                               { HS_T_PERCENT, HS_OP_MOD },
                               { HS_T_AT, HS_OP_MATMUL } };
  return binary_level (p, factor, ops, G_N_ELEMENTS (ops));
}

static HsExpr *
sum (Parser *p)
{
  static const OpMap ops[] = { { HS_T_PLUS, HS_OP_ADD }, { HS_T_MINUS, HS_OP_SUB } };
  return binary_level (p, term, ops, G_N_ELEMENTS (ops));
}

static HsExpr *
shift_expr (Parser *p)
{
  static const OpMap ops[]
      = { { HS_T_LEFTSHIFT, HS_OP_LSHIFT }, { HS_T_RIGHTSHIFT, HS_OP_RSHIFT } };
  return binary_level (p, sum, ops, G_N_ELEMENTS (ops));
}

static HsExpr *
bitwise_and (Parser *p)
{
  static const OpMap ops[] = { { HS_T_AMPER, HS_OP_BITAND } };
  return binary_level (p, shift_expr, ops, 1);
}

static HsExpr *
bitwise_xor (Parser *p)
{
  static const OpMap ops[] = { { HS_T_CIRCUMFLEX, HS_OP_BITXOR } };
  return binary_level (p, bitwise_and, ops, 1);
}

static HsExpr *
bitwise_or (Parser *p)
{
  static const OpMap ops[] = { { HS_T_VBAR, HS_OP_BITOR } };
  return binary_level (p, bitwise_xor, ops, 1);
}

/* The comparison operator at the cursor (consumed), or -1. */
static int
compare_op (Parser *p)
{
  static const struct
  {
    HsTokKind tok;
    HsAstCmpOp op;
  } simple[] = { { HS_T_EQEQUAL, HS_CMPOP_EQ }, { HS_T_NOTEQUAL, HS_CMPOP_NE },
                 { HS_T_LESS, HS_CMPOP_LT },    { HS_T_LESSEQUAL, HS_CMPOP_LE },
                 { HS_T_GREATER, HS_CMPOP_GT }, { HS_T_GREATEREQUAL, HS_CMPOP_GE },
                 { HS_T_KW_IN, HS_CMPOP_IN } };
  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    if (kind (p) == simple[i].tok)
      {
        advance (p);
        return simple[i].op;
      }
  if (kind (p) == HS_T_KW_NOT && peek_kind (p, 1) == HS_T_KW_IN)
    {
      p->pos += 2;
      return HS_CMPOP_NOT_IN;
    }
  if (accept (p, HS_T_KW_IS))
    return accept (p, HS_T_KW_NOT) ? HS_CMPOP_IS_NOT : HS_CMPOP_IS;
  return -1;
}

static HsExpr *
comparison (Parser *p)
{
  int start = p->pos;
  HsExpr *l = bitwise_or (p);
  if (!l)
    return NULL;
  GArray *ops = NULL;
  g_autoptr (GPtrArray) rights = g_ptr_array_new ();
  int op;
  for (Mark m = mark (p); (op = compare_op (p)) >= 0; m = mark (p))
    {
      HsExpr *r = bitwise_or (p);
      if (!r && fall_back (p, m))
        break;
      if (!r)
        {
          if (ops)
            g_array_unref (ops);
          return NULL;
        }
      if (!ops)
        ops = g_array_new (FALSE, FALSE, sizeof (HsAstCmpOp));
      HsAstCmpOp o = op;
      g_array_append_val (ops, o);
      g_ptr_array_add (rights, r);
    }
  if (!ops)
    return l;
  HsExpr *e = new_expr (p, HS_EXPR_COMPARE, span (p, start));
  e->u.compare.left = l;
  e->u.compare.ops = hs_ast_alloc (p->arena, ops->len * sizeof (HsAstCmpOp));
  copy_items (e->u.compare.ops, ops->data, ops->len * sizeof (HsAstCmpOp));
  e->u.compare.comparators = to_exprs (p, rights);
  g_array_unref (ops);
  return e;
}

static HsExpr *
inversion (Parser *p)
{
  if (kind (p) != HS_T_KW_NOT)
    return comparison (p);
  int start = p->pos;
  if (!enter (p))
    return NULL;
  advance (p);
  HsExpr *operand = inversion (p);
  leave (p);
  if (!operand)
    return NULL;
  HsExpr *e = new_expr (p, HS_EXPR_UNARYOP, span (p, start));
  e->u.unaryop.op = HS_UOP_NOT;
  e->u.unaryop.operand = operand;
  return e;
}

static HsExpr *
boolop_level (Parser *p, HsExpr *(*operand) (Parser *), HsTokKind kw)
{
  int start = p->pos;
  HsExpr *first = operand (p);
  if (!first || kind (p) != kw)
    return first;
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  g_ptr_array_add (values, first);
  for (Mark m = mark (p); accept (p, kw); m = mark (p))
    {
      HsExpr *e = operand (p);
      if (!e && fall_back (p, m))
        break;
      if (!e)
        return NULL;
      g_ptr_array_add (values, e);
    }
  if (values->len == 1)
    return first;
  HsExpr *e = new_expr (p, HS_EXPR_BOOLOP, span (p, start));
  e->u.boolop.is_and = kw == HS_T_KW_AND;
  e->u.boolop.values = to_exprs (p, values);
  return e;
}

static HsExpr *
conjunction (Parser *p)
{
  return boolop_level (p, inversion, HS_T_KW_AND);
}

static HsExpr *
disjunction (Parser *p)
{
  return boolop_level (p, conjunction, HS_T_KW_OR);
}

/* ---- lambda and parameters --------------------------------------------------------------------
 */

typedef struct
{
  GArray *posonly, *args, *kwonly; /* HsArg */
  GPtrArray *defaults, *kw_defaults;
  HsArg *vararg, *kwarg;
  gboolean star_seen, slash_seen, default_seen;
} Params;

static HsArg *
new_arg (Parser *p, HsToken *name, HsExpr *annotation, HsPos pos)
{
  HsArg *a = hs_ast_alloc (p->arena, sizeof (HsArg));
  a->name = tok_str (p, name);
  a->annotation = annotation;
  a->pos = pos;
  return a;
}

/* NAME [':' expression] (annotations only where allowed). */
static HsArg *
param (Parser *p, gboolean annotations, gboolean star_annotation)
{
  int start = p->pos;
  if (kind (p) != HS_T_NAME)
    return invalid_syntax (p);
  HsToken *name = advance (p);
  HsExpr *ann = NULL;
  if (annotations && accept (p, HS_T_COLON))
    {
      ann = star_annotation && kind (p) == HS_T_STAR ? star_named_expression (p) : expression (p);
      if (!ann)
        return NULL;
    }
  return new_arg (p, name, ann, span (p, start));
}

static gboolean
param_item (Parser *p, Params *ps, gboolean annotations, HsTokKind close)
{
  HsToken *t = cur (p);
  if (accept (p, HS_T_SLASH))
    {
      if (ps->slash_seen)
        return error_tok (p, t, g_strdup ("/ may appear only once")), FALSE;
      if (ps->star_seen)
        return error_tok (p, t, g_strdup ("/ must be ahead of *")), FALSE;
      if (ps->args->len == 0)
        return error_tok (p, t, g_strdup ("at least one argument must precede /")), FALSE;
      ps->slash_seen = TRUE;
      g_array_append_vals (ps->posonly, ps->args->data, ps->args->len);
      g_array_set_size (ps->args, 0);
      return TRUE;
    }
  if (accept (p, HS_T_STAR))
    {
      if (ps->star_seen)
        return error_tok (p, t, g_strdup ("* argument may appear only once")), FALSE;
      ps->star_seen = TRUE;
      if (kind (p) == HS_T_COMMA || kind (p) == close)
        {
          if (kind (p) == close || peek_kind (p, 1) == HS_T_DOUBLESTAR)
            return error_tok (p, t, g_strdup ("named arguments must follow bare *")), FALSE;
          return TRUE;
        }
      return (ps->vararg = param (p, annotations, TRUE)) != NULL;
    }
  if (accept (p, HS_T_DOUBLESTAR))
    {
      if (!(ps->kwarg = param (p, annotations, FALSE)))
        return FALSE;
      if (kind (p) == HS_T_COMMA && peek_kind (p, 1) != close)
        return error_tok (p, &p->toks[p->pos + 1],
                          g_strdup ("arguments cannot follow var-keyword argument")),
               FALSE;
      return TRUE;
    }
  HsArg *a = param (p, annotations, FALSE);
  if (!a)
    return FALSE;
  HsExpr *def = NULL;
  if (accept (p, HS_T_EQUAL) && !(def = expression (p)))
    return FALSE;
  if (ps->star_seen)
    {
      g_array_append_val (ps->kwonly, *a);
      g_ptr_array_add (ps->kw_defaults, def);
      return TRUE;
    }
  if (def)
    {
      ps->default_seen = TRUE;
      g_ptr_array_add (ps->defaults, def);
    }
  else if (ps->default_seen)
    return error_span (p, "SyntaxError", a->pos,
                       g_strdup ("non-default argument follows default argument")),
           FALSE;
  g_array_append_val (ps->args, *a);
  return TRUE;
}

static HsArg *
arg_array (Parser *p, GArray *a)
{
  HsArg *r = hs_ast_alloc (p->arena, MAX (1u, a->len) * sizeof (HsArg));
  copy_items (r, a->data, a->len * sizeof (HsArg));
  return r;
}

/* Parameters up to (not including) `close`; returns the arguments node. */
static HsArguments *
parameters (Parser *p, gboolean annotations, HsTokKind close)
{
  Params ps = { 0 };
  ps.posonly = g_array_new (FALSE, FALSE, sizeof (HsArg));
  ps.args = g_array_new (FALSE, FALSE, sizeof (HsArg));
  ps.kwonly = g_array_new (FALSE, FALSE, sizeof (HsArg));
  ps.defaults = g_ptr_array_new ();
  ps.kw_defaults = g_ptr_array_new ();
  HsArguments *r = NULL;
  gboolean ok = TRUE;
  while (ok && kind (p) != close)
    {
      ok = param_item (p, &ps, annotations, close);
      if (ok && !accept (p, HS_T_COMMA) && kind (p) != close)
        ok = (invalid_syntax (p), FALSE);
    }
  if (ok)
    {
      r = hs_ast_alloc (p->arena, sizeof (HsArguments));
      r->n_posonly = ps.posonly->len;
      r->posonlyargs = arg_array (p, ps.posonly);
      r->n_args = ps.args->len;
      r->args = arg_array (p, ps.args);
      r->n_kwonly = ps.kwonly->len;
      r->kwonlyargs = arg_array (p, ps.kwonly);
      r->kw_defaults = hs_ast_alloc (p->arena, MAX (1u, ps.kw_defaults->len) * sizeof (HsExpr *));
      copy_items (r->kw_defaults, ps.kw_defaults->pdata, ps.kw_defaults->len * sizeof (HsExpr *));
      r->vararg = ps.vararg;
      r->kwarg = ps.kwarg;
      r->defaults = to_exprs (p, ps.defaults);
    }
  g_array_unref (ps.posonly);
  g_array_unref (ps.args);
  g_array_unref (ps.kwonly);
  g_ptr_array_unref (ps.defaults);
  g_ptr_array_unref (ps.kw_defaults);
  return r;
}

static HsExpr *
lambdef (Parser *p)
{
  int start = p->pos;
  advance (p);
  HsArguments *args = parameters (p, FALSE, HS_T_COLON);
  if (!args || !expect (p, HS_T_COLON))
    return NULL;
  HsExpr *body = expression (p);
  if (!body)
    return NULL;
  HsExpr *e = new_expr (p, HS_EXPR_LAMBDA, span (p, start));
  e->u.lambda.args = args;
  e->u.lambda.body = body;
  return e;
}

/* ---- expressions --------------------------------------------------------------------------- */

static gboolean
is_soft_keyword (HsToken *t)
{
  gsize n = t->end - t->start;
  return t->kind == HS_T_NAME
         && ((n == 5 && memcmp (t->start, "match", 5) == 0)
             || (n == 4 && memcmp (t->start, "case", 4) == 0) || (n == 1 && *t->start == '_'));
}

/* CPython's invalid_expression / invalid_legacy_expression, checked after a disjunction that
 * is directly followed by something that starts another expression. */
static void
check_juxtaposed (Parser *p, int start, HsExpr *a)
{
  if (p->no_invalid || !starts_expression (kind (p)) || p->failed)
    return;
  if (a->kind == HS_EXPR_NAME && p->pos == start + 1
      && (is_name (a, "print") || is_name (a, "exec")) && kind (p) != HS_T_LPAR)
    {
      HsExpr *b = speculate (p, star_expressions);
      if (b)
        error_span (p, "SyntaxError", join_pos (a->pos, b->pos),
                    g_strdup_printf ("Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                     a->u.name.id, a->u.name.id));
      return;
    }
  if (comma_hint_excluded (p, start))
    return;
  /* tried at any depth: like CPython's second pass, this looks ahead (max_pos), which decides
   * whether an unclosed bracket is reported instead */
  Mark m = mark (p);
  HsExpr *b = speculate_expression (p);
  reset (p, m);
  if (b && p->paren_depth > 0)
    error_span (p, "SyntaxError", join_pos (a->pos, b->pos),
                g_strdup ("invalid syntax. Perhaps you forgot a comma?"));
}

static HsExpr *
expression_inner (Parser *p)
{
  if (kind (p) == HS_T_KW_LAMBDA)
    return lambdef (p);
  int start = p->pos;
  HsExpr *body = disjunction (p);
  if (!body)
    return NULL;
  if (kind (p) != HS_T_KW_IF)
    {
      check_juxtaposed (p, start, body);
      return p->failed ? NULL : body;
    }
  Mark m = mark (p);
  advance (p);
  HsExpr *test = disjunction (p);
  if (!test)
    return fall_back (p, m) ? body : NULL;
  if (!accept (p, HS_T_KW_ELSE))
    {
      if (kind (p) != HS_T_COLON)
        error_span (p, "SyntaxError", join_pos (body->pos, test->pos),
                    g_strdup ("expected 'else' after 'if' expression"));
      else
        invalid_syntax (p);
      return fall_back (p, m) ? body : NULL;
    }
  HsExpr *orelse = expression (p);
  if (!orelse)
    return fall_back (p, m) ? body : NULL;
  HsExpr *e = new_expr (p, HS_EXPR_IFEXP, span (p, start));
  e->u.ifexp.test = test;
  e->u.ifexp.body = body;
  e->u.ifexp.orelse = orelse;
  return e;
}

static HsExpr *
expression (Parser *p)
{
  if (!enter (p))
    return NULL;
  HsExpr *e = expression_inner (p);
  leave (p);
  return e;
}

/* named_expression: NAME ':=' expression | expression !':=' */
static HsExpr *
named_expression (Parser *p)
{
  int start = p->pos;
  if (kind (p) == HS_T_NAME && peek_kind (p, 1) == HS_T_COLONEQUAL)
    {
      HsToken *name = advance (p);
      advance (p);
      HsExpr *value = expression (p);
      if (!value)
        return NULL;
      HsExpr *e = new_expr (p, HS_EXPR_NAMEDEXPR, span (p, start));
      e->u.namedexpr.target = new_name (p, name, HS_CTX_STORE);
      e->u.namedexpr.value = value;
      return e;
    }
  HsExpr *e = expression (p);
  if (e && kind (p) == HS_T_COLONEQUAL)
    {
      error_span (p, "SyntaxError", e->pos,
                  g_strdup_printf ("cannot use assignment expressions with %s", expr_name (e)));
      return NULL;
    }
  return e;
}

static HsExpr *
starred (Parser *p)
{
  int start = p->pos;
  advance (p);
  HsExpr *v = bitwise_or (p);
  if (!v)
    return NULL;
  HsExpr *e = new_expr (p, HS_EXPR_STARRED, span (p, start));
  e->u.starred.value = v;
  return e;
}

static HsExpr *
star_named_expression (Parser *p)
{
  return kind (p) == HS_T_STAR ? starred (p) : named_expression (p);
}

static HsExpr *
star_expression (Parser *p)
{
  return kind (p) == HS_T_STAR ? starred (p) : expression (p);
}

/* Tokens that may follow an expression list and end it. */
static gboolean
can_start_star_expression (HsTokKind k)
{
  return starts_expression (k) || k == HS_T_STAR;
}

/* elem (',' elem)* [','] → one expression or an unparenthesized Tuple. */
static HsExpr *
expression_list (Parser *p, HsExpr *(*elem) (Parser *))
{
  int start = p->pos;
  HsExpr *first = elem (p);
  if (!first || kind (p) != HS_T_COMMA)
    return first;
  g_autoptr (GPtrArray) elts = g_ptr_array_new ();
  g_ptr_array_add (elts, first);
  while (accept (p, HS_T_COMMA) && can_start_star_expression (kind (p)))
    {
      HsExpr *e = elem (p);
      if (!e)
        return NULL;
      g_ptr_array_add (elts, e);
    }
  return seq_node (p, HS_EXPR_TUPLE, start, elts);
}

static HsExpr *
star_expressions (Parser *p)
{
  return expression_list (p, star_expression);
}

static HsExpr *
star_named_expressions_list (Parser *p)
{
  return expression_list (p, star_named_expression);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static HsExpr *
yield_expr (Parser *p)
{
  int start = p->pos;
  advance (p);
  if (accept (p, HS_T_KW_FROM))
    {
      HsExpr *v = expression (p);
      if (!v)
        return NULL;
      HsExpr *e = new_expr (p, HS_EXPR_YIELD_FROM, span (p, start));
      e->u.yield_.value = v;
      return e;
    }
  HsExpr *v = NULL;
  if (can_start_star_expression (kind (p)) && !(v = star_expressions (p)))
    return NULL;
  HsExpr *e = new_expr (p, HS_EXPR_YIELD, span (p, start));
  e->u.yield_.value = v;
  return e;
}

static HsExpr *
yield_or_star_expressions (Parser *p)
{
  return kind (p) == HS_T_KW_YIELD ? yield_expr (p) : star_expressions (p);
}

/* Targets of `for` (statement and comprehension): star_targets, parsed at bitwise_or level so
 * that `in` ends them. */
static HsExpr *
star_target (Parser *p)
{
  return kind (p) == HS_T_STAR ? starred (p) : bitwise_or (p);
}

static gboolean
comp_target (Parser *p, HsExpr **out)
{
  HsExpr *t = expression_list (p, star_target);
  if (!t)
    return FALSE;
  *out = t;
  return validate_target (p, t, T_FOR);
}

/* ---- simple statements ------------------------------------------------------------------------
 */

static gboolean
is_unparenthesized_tuple (HsExpr *e)
{
  return e->kind == HS_EXPR_TUPLE && e->u.seq.elts.len > 0
         && e->u.seq.elts.items[0]->pos.lineno == e->pos.lineno
         && e->u.seq.elts.items[0]->pos.col_offset == e->pos.col_offset;
}

static gboolean
is_bitwise_or_kind (HsExpr *e)
{
  switch (e->kind)
    {
      case HS_EXPR_COMPARE:
      case HS_EXPR_BOOLOP:
      case HS_EXPR_IFEXP:
      case HS_EXPR_LAMBDA:
      case HS_EXPR_NAMEDEXPR:
      case HS_EXPR_STARRED:
      case HS_EXPR_YIELD:
      case HS_EXPR_YIELD_FROM:
      case HS_EXPR_GENEXP:
      case HS_EXPR_LIST:
      case HS_EXPR_TUPLE:
        return FALSE;
      case HS_EXPR_UNARYOP:
        return e->u.unaryop.op != HS_UOP_NOT;
      case HS_EXPR_CONSTANT:
        return e->u.constant.kind != HS_CONST_NONE && e->u.constant.kind != HS_CONST_TRUE
               && e->u.constant.kind != HS_CONST_FALSE;
      default:
        return TRUE;
    }
}

/* The first '=' of `targets = value` has an invalid target: CPython's second pass picks one
 * of three messages depending on what stands right before the '='. */
static void
assign_target_error (Parser *p, HsExpr *target, HsExpr *bad, HsExpr *value, gboolean chained,
                     gboolean trailing_comma)
{
  HsExpr *last = target;
  if (is_unparenthesized_tuple (target))
    last = trailing_comma ? NULL : target->u.seq.elts.items[target->u.seq.elts.len - 1];
  if (last && !chained && value)
    {
      HsExpr *rhs = is_unparenthesized_tuple (value) ? value->u.seq.elts.items[0] : value;
      if (rhs->kind == HS_EXPR_COMPARE)
        rhs = rhs->u.compare.left;
      if (last->kind == HS_EXPR_NAME)
        {
          error_span (p, "SyntaxError", join_pos (last->pos, rhs->pos),
                      g_strdup ("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
          return;
        }
      if (is_bitwise_or_kind (last))
        {
          error_span (p, "SyntaxError", last->pos,
                      g_strdup_printf ("cannot assign to %s here. Maybe you meant '==' instead "
                                       "of '='?",
                                       expr_name (last)));
          return;
        }
    }
  target_error (p, bad, T_ASSIGN);
}

static HsStmt *
assignment_rest (Parser *p, int start, HsExpr *first)
{
  g_autoptr (GPtrArray) targets = g_ptr_array_new ();
  HsExpr *value = first;
  gboolean first_trailing_comma = p->toks[p->pos - 1].kind == HS_T_COMMA;
  while (accept (p, HS_T_EQUAL))
    {
      g_ptr_array_add (targets, value);
      if (!(value = yield_or_star_expressions (p)))
        return NULL;
    }
  for (guint i = 0; i < targets->len; i++)
    {
      HsExpr *t = targets->pdata[i];
      if (t->kind == HS_EXPR_YIELD || t->kind == HS_EXPR_YIELD_FROM)
        {
          error_span (p, "SyntaxError", t->pos,
                      g_strdup ("assignment to yield expression not possible"));
          return NULL;
        }
      HsExpr *bad = set_context (t, HS_CTX_STORE);
      if (bad)
        {
          if (i == 0)
            assign_target_error (p, t, bad, value, targets->len > 1, first_trailing_comma);
          else
            target_error (p, bad, T_ASSIGN);
          return NULL;
        }
    }
  HsStmt *s = new_stmt (p, HS_STMT_ASSIGN, span (p, start));
  s->u.assign.targets = to_exprs (p, targets);
  s->u.assign.value = value;
  return s;
}

static HsStmt *
annotated_rest (Parser *p, int start, HsExpr *target)
{
  if (target->kind == HS_EXPR_TUPLE || target->kind == HS_EXPR_LIST)
    {
      error_span (p, "SyntaxError",
                  is_unparenthesized_tuple (target) ? target->u.seq.elts.items[0]->pos
                                                    : target->pos,
                  g_strdup_printf ("only single target (not %s) can be annotated",
                                   target->kind == HS_EXPR_TUPLE ? "tuple" : "list"));
      return NULL;
    }
  if (target->kind != HS_EXPR_NAME && target->kind != HS_EXPR_ATTRIBUTE
      && target->kind != HS_EXPR_SUBSCRIPT)
    {
      /* only reported when an annotation follows (CPython's second pass) */
      Mark m = mark (p);
      advance (p);
      HsExpr *ann = speculate (p, expression);
      reset (p, m);
      if (ann)
        error_span (p, "SyntaxError", target->pos, g_strdup ("illegal target for annotation"));
      else
        invalid_syntax (p);
      return NULL;
    }
  advance (p);
  HsExpr *ann = expression (p), *value = NULL;
  if (!ann)
    return NULL;
  if (accept (p, HS_T_EQUAL) && !(value = yield_or_star_expressions (p)))
    return NULL;
  set_context (target, HS_CTX_STORE);
  HsStmt *s = new_stmt (p, HS_STMT_ANNASSIGN, span (p, start));
  s->u.annassign.target = target;
  s->u.annassign.annotation = ann;
  s->u.annassign.value = value;
  s->u.annassign.simple = target->kind == HS_EXPR_NAME && p->toks[start].kind != HS_T_LPAR;
  return s;
}

static HsStmt *
augassign_rest (Parser *p, int start, HsExpr *target)
{
  HsAstBinOp op = (HsAstBinOp)(kind (p) - HS_T_PLUSEQUAL);
  if (target->kind != HS_EXPR_NAME && target->kind != HS_EXPR_ATTRIBUTE
      && target->kind != HS_EXPR_SUBSCRIPT)
    {
      error_span (p, "SyntaxError", target->pos,
                  g_strdup_printf ("'%s' is an illegal expression for augmented assignment",
                                   expr_name (target)));
      return NULL;
    }
  advance (p);
  HsExpr *value = yield_or_star_expressions (p);
  if (!value)
    return NULL;
  set_context (target, HS_CTX_STORE);
  HsStmt *s = new_stmt (p, HS_STMT_AUGASSIGN, span (p, start));
  s->u.augassign.target = target;
  s->u.augassign.op = op;
  s->u.augassign.value = value;
  return s;
}

/* Expression statement, assignment, augmented or annotated assignment. */
static HsStmt *
expr_stmt (Parser *p)
{
  int start = p->pos;
  HsExpr *e = yield_or_star_expressions (p);
  if (!e)
    return NULL;
  HsTokKind k = kind (p);
  if (k == HS_T_EQUAL)
    return assignment_rest (p, start, e);
  if (k == HS_T_COLON)
    return annotated_rest (p, start, e);
  if (k >= HS_T_PLUSEQUAL && k <= HS_T_ATEQUAL)
    return augassign_rest (p, start, e);
  HsStmt *s = new_stmt (p, HS_STMT_EXPR, span (p, start));
  s->u.value = e;
  return s;
}

static HsStmt *
return_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  HsExpr *v = NULL;
  if (can_start_star_expression (kind (p)) && !(v = star_expressions (p)))
    return NULL;
  HsStmt *s = new_stmt (p, HS_STMT_RETURN, span (p, start));
  s->u.value = v;
  return s;
}

static HsStmt *
raise_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  HsExpr *exc = NULL, *cause = NULL;
  if (starts_expression (kind (p)))
    {
      if (!(exc = expression (p)))
        return NULL;
      if (accept (p, HS_T_KW_FROM) && !(cause = expression (p)))
        return NULL;
    }
  HsStmt *s = new_stmt (p, HS_STMT_RAISE, span (p, start));
  s->u.raise.exc = exc;
  s->u.raise.cause = cause;
  return s;
}

static HsStmt *
names_stmt (Parser *p, HsStmtKind k)
{
  int start = p->pos;
  advance (p);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  do
    {
      if (kind (p) != HS_T_NAME)
        return invalid_syntax (p);
      g_ptr_array_add (names, tok_str (p, advance (p)));
    }
  while (accept (p, HS_T_COMMA));
  HsStmt *s = new_stmt (p, k, span (p, start));
  s->u.names.n_names = names->len;
  s->u.names.names = hs_ast_alloc (p->arena, names->len * sizeof (char *));
  copy_items (s->u.names.names, names->pdata, names->len * sizeof (char *));
  return s;
}

static HsStmt *
del_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  g_autoptr (GPtrArray) targets = g_ptr_array_new ();
  do
    {
      if (kind (p) == HS_T_NEWLINE || kind (p) == HS_T_SEMI)
        break;
      HsExpr *t = bitwise_or (p);
      if (!t)
        return NULL;
      if (!validate_target (p, t, T_DEL))
        return NULL;
      g_ptr_array_add (targets, t);
    }
  while (accept (p, HS_T_COMMA));
  if (targets->len == 0)
    return invalid_syntax (p);
  if (kind (p) != HS_T_NEWLINE && kind (p) != HS_T_SEMI)
    return invalid_syntax (p);
  HsStmt *s = new_stmt (p, HS_STMT_DELETE, span (p, start));
  s->u.targets = to_exprs (p, targets);
  return s;
}

static HsStmt *
assert_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  HsExpr *test = expression (p), *msg = NULL;
  if (!test)
    return NULL;
  if (accept (p, HS_T_COMMA) && !(msg = expression (p)))
    return NULL;
  HsStmt *s = new_stmt (p, HS_STMT_ASSERT, span (p, start));
  s->u.assert_.test = test;
  s->u.assert_.msg = msg;
  return s;
}

/* dotted_name: NAME ('.' NAME)* → "a.b.c" */
static char *
dotted_name (Parser *p)
{
  GString *s = g_string_new (NULL);
  do
    {
      if (kind (p) != HS_T_NAME)
        {
          g_string_free (s, TRUE);
          return invalid_syntax (p);
        }
      HsToken *t = advance (p);
      if (s->len)
        g_string_append_c (s, '.');
      g_string_append_len (s, t->start, t->end - t->start);
    }
  while (accept (p, HS_T_DOT));
  char *r = hs_ast_strndup (p->arena, s->str, s->len);
  g_string_free (s, TRUE);
  return r;
}

/* name [as NAME], `dotted` for `import a.b as c`. */
static gboolean
alias (Parser *p, gboolean dotted, GArray *out)
{
  int start = p->pos;
  HsAlias a = { 0 };
  if (dotted)
    a.name = dotted_name (p);
  else if (kind (p) == HS_T_NAME)
    a.name = tok_str (p, advance (p));
  else
    invalid_syntax (p);
  if (!a.name)
    return FALSE;
  if (accept (p, HS_T_KW_AS))
    {
      if (kind (p) != HS_T_NAME)
        return invalid_syntax (p), FALSE;
      a.asname = tok_str (p, advance (p));
    }
  a.pos = span (p, start);
  g_array_append_val (out, a);
  return TRUE;
}

static HsStmt *
import_node (Parser *p, HsStmtKind k, int start, GArray *names)
{
  HsStmt *s = new_stmt (p, k, span (p, start));
  s->u.import.n_names = names->len;
  s->u.import.names = hs_ast_alloc (p->arena, names->len * sizeof (HsAlias));
  copy_items (s->u.import.names, names->data, names->len * sizeof (HsAlias));
  g_array_unref (names);
  return s;
}

static HsStmt *
import_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  GArray *names = g_array_new (FALSE, FALSE, sizeof (HsAlias));
  do
    if (!alias (p, TRUE, names))
      return g_array_unref (names), NULL;
  while (accept (p, HS_T_COMMA));
  return import_node (p, HS_STMT_IMPORT, start, names);
}

static gboolean
from_names (Parser *p, GArray *names)
{
  if (kind (p) == HS_T_STAR)
    {
      HsToken *t = advance (p);
      HsAlias a = { hs_ast_strndup (p->arena, "*", 1), NULL, tok_pos (t) };
      g_array_append_val (names, a);
      return TRUE;
    }
  gboolean paren = accept (p, HS_T_LPAR);
  do
    {
      if (paren && kind (p) == HS_T_RPAR && names->len)
        break;
      if (!alias (p, FALSE, names))
        return FALSE;
    }
  while (accept (p, HS_T_COMMA));
  if (paren && !expect (p, HS_T_RPAR))
    return FALSE;
  if (!paren && p->toks[p->pos - 1].kind == HS_T_COMMA)
    {
      error_tok (p, &p->toks[p->pos - 1],
                 g_strdup ("trailing comma not allowed without surrounding parentheses"));
      return FALSE;
    }
  return TRUE;
}

static HsStmt *
from_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  int level = 0;
  for (;; advance (p))
    if (kind (p) == HS_T_DOT)
      level++;
    else if (kind (p) == HS_T_ELLIPSIS)
      level += 3;
    else
      break;
  char *module = NULL;
  if (kind (p) != HS_T_KW_IMPORT || level == 0)
    if (!(module = dotted_name (p)))
      return NULL;
  if (!expect (p, HS_T_KW_IMPORT))
    return NULL;
  GArray *names = g_array_new (FALSE, FALSE, sizeof (HsAlias));
  if (!from_names (p, names))
    return g_array_unref (names), NULL;
  HsStmt *s = import_node (p, HS_STMT_IMPORTFROM, start, names);
  s->u.import.module = module;
  s->u.import.level = level;
  return s;
}

static HsStmt *
simple_stmt (Parser *p)
{
  int start = p->pos;
  HsStmtKind k;
  switch (kind (p))
    {
      case HS_T_KW_RETURN:
        return return_stmt (p);
      case HS_T_KW_RAISE:
        return raise_stmt (p);
      case HS_T_KW_GLOBAL:
        return names_stmt (p, HS_STMT_GLOBAL);
      case HS_T_KW_NONLOCAL:
        return names_stmt (p, HS_STMT_NONLOCAL);
      case HS_T_KW_DEL:
        return del_stmt (p);
      case HS_T_KW_ASSERT:
        return assert_stmt (p);
      case HS_T_KW_IMPORT:
        return import_stmt (p);
      case HS_T_KW_FROM:
        return from_stmt (p);
      case HS_T_KW_PASS:
        k = HS_STMT_PASS;
        break;
      case HS_T_KW_BREAK:
        k = HS_STMT_BREAK;
        break;
      case HS_T_KW_CONTINUE:
        k = HS_STMT_CONTINUE;
        break;
      default:
        return expr_stmt (p);
    }
  advance (p);
  return new_stmt (p, k, span (p, start));
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static gboolean
simple_stmts (Parser *p, GPtrArray *out)
{
  int n = 0;
  do
    {
      if (kind (p) == HS_T_NEWLINE && n > 0)
        break;
      n++;
      HsStmt *s = simple_stmt (p);
      if (!s)
        return FALSE;
      g_ptr_array_add (out, s);
    }
  while (accept (p, HS_T_SEMI));
  if (!accept (p, HS_T_NEWLINE))
    return invalid_syntax (p), FALSE;
  return TRUE;
}

/* ---- compound statements ------------------------------------------------------------------- */

/* block: NEWLINE INDENT statements DEDENT | simple_stmts. `what` names the header for
 * "expected an indented block after ..." ("'if' statement", "function definition"). */
static gboolean
block (Parser *p, const char *what, int header_line, HsStmtList *out)
{
  g_autoptr (GPtrArray) stmts = g_ptr_array_new ();
  if (kind (p) != HS_T_NEWLINE)
    {
      if (!simple_stmts (p, stmts))
        return FALSE;
      *out = to_stmts (p, stmts);
      return TRUE;
    }
  HsToken *nl = advance (p);
  if (kind (p) != HS_T_INDENT)
    {
      g_autofree char *msg
          = g_strdup_printf ("expected an indented block after %s on line %d", what, header_line);
      HsToken *t = cur (p);
      (void)nl;
      if (t->kind == HS_T_ERROR)
        invalid_syntax (p);
      else
        error_tok_type (p, "IndentationError", t, g_strdup (msg));
      return FALSE;
    }
  advance (p);
  if (!enter (p))
    return FALSE;
  while (kind (p) != HS_T_DEDENT && kind (p) != HS_T_ENDMARKER)
    if (!statement (p, stmts))
      return leave (p), FALSE;
  leave (p);
  if (!expect (p, HS_T_DEDENT))
    return FALSE;
  *out = to_stmts (p, stmts);
  return TRUE;
}

static HsStmt *if_rest (Parser *p, int start, const char *what);

/* else_block: 'else' ':' block */
static gboolean
else_block (Parser *p, HsStmtList *out)
{
  HsToken *kw = advance (p);
  return expect_forced_colon (p) && block (p, "'else' statement", kw->lineno, out);
}

static HsExpr *
condition (Parser *p)
{
  HsExpr *test = named_expression (p);
  if (test && kind (p) == HS_T_EQUAL)
    {
      int save = p->pos;
      advance (p);
      HsExpr *rhs = speculate (p, bitwise_or);
      p->pos = save;
      if (test->kind == HS_EXPR_NAME && rhs)
        error_span (p, "SyntaxError", join_pos (test->pos, rhs->pos),
                    g_strdup ("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
      else if (is_bitwise_or_kind (test) && rhs)
        error_span (p, "SyntaxError", test->pos,
                    g_strdup_printf ("cannot assign to %s here. Maybe you meant '==' instead of "
                                     "'='?",
                                     expr_name (test)));
      else
        invalid_syntax (p);
      return NULL;
    }
  return test;
}

typedef struct
{
  int start;
  HsExpr *test;
  HsStmtList body;
} IfPart;

/* 'if'/'elif' named_expression ':' block [elif_stmt | else_block]
 * The elif chain is read in a loop, then nested from the last part outwards (each elif
 * is the lone statement of the previous orelse), so that a chain of thousands of elifs
 * cannot overflow the C stack; the compiler bounds the nesting it then sees. */
static HsStmt *
if_rest (Parser *p, int start, const char *what)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (IfPart));
  HsStmtList orelse = { 0 };
  HsStmt *result = NULL;
  for (;;)
    {
      HsToken *kw = advance (p);
      IfPart part = { start, condition (p), { 0 } };
      if (!part.test || !expect_colon (p) || !block (p, what, kw->lineno, &part.body))
        goto out;
      g_array_append_val (parts, part);
      if (kind (p) != HS_T_KW_ELIF)
        break;
      start = p->pos;
      what = "'elif' statement";
    }
  if (kind (p) == HS_T_KW_ELSE && !else_block (p, &orelse))
    goto out;
  for (guint i = parts->len; i-- > 0;)
    {
      IfPart *part = &g_array_index (parts, IfPart, i);
      HsStmt *s = new_stmt (p, HS_STMT_IF, span (p, part->start));
      s->u.if_.test = part->test;
      s->u.if_.body = part->body;
      s->u.if_.orelse = orelse;
      orelse.items = hs_ast_alloc (p->arena, sizeof (HsStmt *));
      orelse.items[0] = s;
      orelse.len = 1;
      result = s;
    }
out:
  g_array_free (parts, TRUE);
  return result;
}

static HsStmt *
while_stmt (Parser *p)
{
  int start = p->pos;
  HsToken *kw = advance (p);
  HsExpr *test = condition (p);
  HsStmtList body = { 0 }, orelse = { 0 };
  if (!test || !expect_colon (p) || !block (p, "'while' statement", kw->lineno, &body))
    return NULL;
  if (kind (p) == HS_T_KW_ELSE && !else_block (p, &orelse))
    return NULL;
  HsStmt *s = new_stmt (p, HS_STMT_WHILE, span (p, start));
  s->u.while_.test = test;
  s->u.while_.body = body;
  s->u.while_.orelse = orelse;
  return s;
}

static HsStmt *
for_stmt (Parser *p, int start, gboolean is_async)
{
  HsToken *kw = advance (p);
  HsExpr *target = NULL, *iter;
  HsStmtList body = { 0 }, orelse = { 0 };
  if (!comp_target (p, &target) || !expect (p, HS_T_KW_IN))
    return NULL;
  if (!(iter = star_expressions (p)) || !expect_colon (p)
      || !block (p, "'for' statement", kw->lineno, &body))
    return NULL;
  if (kind (p) == HS_T_KW_ELSE && !else_block (p, &orelse))
    return NULL;
  HsStmt *s = new_stmt (p, HS_STMT_FOR, span (p, start));
  s->u.for_.target = target;
  s->u.for_.iter = iter;
  s->u.for_.body = body;
  s->u.for_.orelse = orelse;
  s->u.for_.is_async = is_async;
  return s;
}

/* 'except' [expression ['as' NAME]] ':' block */
static gboolean
except_block (Parser *p, HsExceptHandler *h)
{
  int start = p->pos;
  HsToken *kw = advance (p);
  if (kind (p) == HS_T_STAR)
    return error_tok (p, cur (p), g_strdup ("'except*' is not supported")), FALSE;
  if (kind (p) != HS_T_COLON)
    {
      if (!(h->type = expression (p)))
        return FALSE;
      if (kind (p) == HS_T_COMMA)
        {
          advance (p);
          HsExpr *more = speculate (p, star_expressions);
          error_span (p, "SyntaxError", more ? join_pos (h->type->pos, more->pos) : h->type->pos,
                      g_strdup ("multiple exception types must be parenthesized"));
          return FALSE;
        }
      if (accept (p, HS_T_KW_AS))
        {
          if (kind (p) != HS_T_NAME)
            return invalid_syntax (p), FALSE;
          h->name = tok_str (p, advance (p));
        }
    }
  if (!expect_colon (p) || !block (p, "'except' statement", kw->lineno, &h->body))
    return FALSE;
  h->pos = span (p, start);
  return TRUE;
}

static HsStmt *
try_stmt (Parser *p)
{
  int start = p->pos;
  HsToken *kw = advance (p);
  HsStmt *s = new_stmt (p, HS_STMT_TRY, tok_pos (kw));
  if (!expect_forced_colon (p) || !block (p, "'try' statement", kw->lineno, &s->u.try_.body))
    return NULL;
  GArray *handlers = g_array_new (FALSE, TRUE, sizeof (HsExceptHandler));
  gboolean ok = TRUE;
  while (ok && kind (p) == HS_T_KW_EXCEPT)
    {
      HsExceptHandler h = { 0 };
      if ((ok = except_block (p, &h)))
        g_array_append_val (handlers, h);
    }
  s->u.try_.n_handlers = handlers->len;
  s->u.try_.handlers = hs_ast_alloc (p->arena, MAX (1u, handlers->len) * sizeof (HsExceptHandler));
  copy_items (s->u.try_.handlers, handlers->data, handlers->len * sizeof (HsExceptHandler));
  g_array_unref (handlers);
  if (!ok)
    return NULL;
  if (s->u.try_.n_handlers && kind (p) == HS_T_KW_ELSE && !else_block (p, &s->u.try_.orelse))
    return NULL;
  if (kind (p) == HS_T_KW_FINALLY)
    {
      HsToken *fk = advance (p);
      if (!expect_forced_colon (p)
          || !block (p, "'finally' statement", fk->lineno, &s->u.try_.finalbody))
        return NULL;
    }
  else if (s->u.try_.n_handlers == 0)
    {
      error_tok (p, cur (p), g_strdup ("expected 'except' or 'finally' block"));
      return NULL;
    }
  s->pos = span (p, start);
  return s;
}

/* with_item: expression ['as' star_target] */
static gboolean
with_item (Parser *p, GArray *items)
{
  HsWithItem it = { 0 };
  if (!(it.context_expr = expression (p)))
    return FALSE;
  if (accept (p, HS_T_KW_AS))
    {
      if (!(it.optional_vars = star_target (p)) || !validate_target (p, it.optional_vars, T_ASSIGN))
        return FALSE;
    }
  g_array_append_val (items, it);
  return TRUE;
}

static gboolean
with_items (Parser *p, GArray *items, gboolean paren)
{
  do
    {
      if (paren && kind (p) == HS_T_RPAR && items->len)
        break;
      if (!with_item (p, items))
        return FALSE;
    }
  while (accept (p, HS_T_COMMA));
  return !paren || expect (p, HS_T_RPAR);
}

/* Tries `with (a as b, c):` — the parenthesized form; FALSE (nothing consumed) if it is not. */
static gboolean
with_paren_items (Parser *p, GArray *items)
{
  Mark m = mark (p);
  Parser *top = p;
  while (top->outer)
    top = top->outer;
  HsSyntaxError *saved = top->err;
  top->err = NULL;
  advance (p);
  gboolean ok = with_items (p, items, TRUE) && kind (p) == HS_T_COLON;
  if (!ok)
    {
      hs_syntax_error_free (top->err);
      p->failed = FALSE;
      g_array_set_size (items, 0);
      reset (p, m);
    }
  top->err = saved;
  return ok;
}

static HsStmt *
with_stmt (Parser *p, int start)
{
  HsToken *kw = advance (p);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (HsWithItem));
  HsStmt *s = NULL;
  HsStmtList body = { 0 };
  gboolean ok
      = (kind (p) == HS_T_LPAR && with_paren_items (p, items)) || with_items (p, items, FALSE);
  if (ok && expect_colon (p) && block (p, "'with' statement", kw->lineno, &body))
    {
      s = new_stmt (p, HS_STMT_WITH, span (p, start));
      s->u.with_.n_items = items->len;
      s->u.with_.items = hs_ast_alloc (p->arena, items->len * sizeof (HsWithItem));
      copy_items (s->u.with_.items, items->data, items->len * sizeof (HsWithItem));
      s->u.with_.body = body;
    }
  g_array_unref (items);
  return s;
}

static HsStmt *
funcdef (Parser *p, int start, gboolean is_async, HsExprList decorators)
{
  HsToken *kw = advance (p);
  if (kind (p) != HS_T_NAME)
    return invalid_syntax (p);
  HsToken *name = advance (p);
  if (kind (p) != HS_T_LPAR)
    {
      if (kind (p) == HS_T_ERROR)
        return invalid_syntax (p);
      error_tok (p, cur (p), g_strdup ("expected '('"));
      return NULL;
    }
  advance (p);
  HsArguments *args = parameters (p, TRUE, HS_T_RPAR);
  HsExpr *returns = NULL;
  HsStmtList body = { 0 };
  if (!args || !expect (p, HS_T_RPAR))
    return NULL;
  if (accept (p, HS_T_RARROW) && !(returns = expression (p)))
    return NULL;
  if (!expect_forced_colon (p) || !block (p, "function definition", kw->lineno, &body))
    return NULL;
  HsStmt *s = new_stmt (p, HS_STMT_FUNCTIONDEF, span (p, start));
  s->u.funcdef.name = tok_str (p, name);
  s->u.funcdef.args = args;
  s->u.funcdef.body = body;
  s->u.funcdef.decorators = decorators;
  s->u.funcdef.returns = returns;
  s->u.funcdef.is_async = is_async;
  return s;
}

static HsStmt *
classdef (Parser *p, int start, HsExprList decorators)
{
  HsToken *kw = advance (p);
  if (kind (p) != HS_T_NAME)
    return invalid_syntax (p);
  HsToken *name = advance (p);
  HsStmt *s = new_stmt (p, HS_STMT_CLASSDEF, tok_pos (kw));
  if (kind (p) == HS_T_LPAR)
    {
      HsExpr *c = call (p, start, NULL);
      if (!c)
        return NULL;
      s->u.classdef.bases = c->u.call.args;
      s->u.classdef.keywords = c->u.call.keywords;
      s->u.classdef.n_keywords = c->u.call.n_keywords;
    }
  if (!expect_colon (p) || !block (p, "class definition", kw->lineno, &s->u.classdef.body))
    return NULL;
  s->pos = span (p, start);
  s->u.classdef.name = tok_str (p, name);
  s->u.classdef.decorators = decorators;
  return s;
}

/* decorators: ('@' named_expression NEWLINE)+, then a def or class. */
static HsStmt *
decorated (Parser *p)
{
  g_autoptr (GPtrArray) decs = g_ptr_array_new ();
  while (accept (p, HS_T_AT))
    {
      HsExpr *d = named_expression (p);
      if (!d || !expect (p, HS_T_NEWLINE))
        return NULL;
      g_ptr_array_add (decs, d);
    }
  int start = p->pos;
  HsExprList list = to_exprs (p, decs);
  if (kind (p) == HS_T_KW_DEF)
    return funcdef (p, start, FALSE, list);
  if (kind (p) == HS_T_KW_CLASS)
    return classdef (p, start, list);
  if (kind (p) == HS_T_KW_ASYNC && peek_kind (p, 1) == HS_T_KW_DEF)
    {
      advance (p);
      return funcdef (p, start, TRUE, list);
    }
  return invalid_syntax (p);
}

static HsStmt *
async_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  HsExprList none = { 0 };
  if (kind (p) == HS_T_KW_DEF)
    return funcdef (p, start, TRUE, none);
  if (kind (p) == HS_T_KW_FOR)
    return for_stmt (p, start, TRUE);
  if (kind (p) == HS_T_KW_WITH)
    {
      error_tok (p, &p->toks[start], g_strdup ("'async with' is not supported"));
      return NULL;
    }
  return invalid_syntax (p);
}

/* `match subject:` NEWLINE INDENT ... — the soft keyword is recognized when the line has that
 * shape; the cases are skipped (the compiler rejects the statement). */
static HsExpr *
match_header (Parser *p)
{
  advance (p);
  HsExpr *subject = star_named_expressions_list (p);
  if (!subject || kind (p) != HS_T_COLON || peek_kind (p, 1) != HS_T_NEWLINE
      || peek_kind (p, 2) != HS_T_INDENT)
    return invalid_syntax (p);
  return subject;
}

static HsStmt *
match_stmt (Parser *p)
{
  int start = p->pos;
  HsExpr *subject = speculate (p, match_header);
  if (!subject)
    return NULL;
  p->pos += 3;
  for (int level = 1; level > 0 && kind (p) != HS_T_ENDMARKER && kind (p) != HS_T_ERROR;)
    {
      HsTokKind k = advance (p)->kind;
      level += k == HS_T_INDENT ? 1 : k == HS_T_DEDENT ? -1 : 0;
    }
  HsStmt *s = new_stmt (p, HS_STMT_MATCH, span (p, start));
  s->u.match.subject = subject;
  return s;
}

static HsStmt *
compound_stmt (Parser *p)
{
  int start = p->pos;
  HsExprList none = { 0 };
  switch (kind (p))
    {
      case HS_T_KW_IF:
        return if_rest (p, start, "'if' statement");
      case HS_T_KW_WHILE:
        return while_stmt (p);
      case HS_T_KW_FOR:
        return for_stmt (p, start, FALSE);
      case HS_T_KW_TRY:
        return try_stmt (p);
      case HS_T_KW_WITH:
        return with_stmt (p, start);
      case HS_T_KW_DEF:
        return funcdef (p, start, FALSE, none);
      case HS_T_KW_CLASS:
        return classdef (p, start, none);
      case HS_T_AT:
        return decorated (p);
      case HS_T_KW_ASYNC:
        return async_stmt (p);
      default:
        return NULL;
    }
}

static gboolean
is_compound_start (Parser *p)
{
  switch (kind (p))
    {
      case HS_T_KW_IF:
      case HS_T_KW_WHILE:
      case HS_T_KW_FOR:
      case HS_T_KW_TRY:
      case HS_T_KW_WITH:
      case HS_T_KW_DEF:
      case HS_T_KW_CLASS:
      case HS_T_AT:
      case HS_T_KW_ASYNC:
        return TRUE;
      default:
        return FALSE;
    }
}

static gboolean
statement (Parser *p, GPtrArray *out)
{
  HsToken *t = cur (p);
  if (t->kind == HS_T_INDENT)
    {
      error_raw (p, "IndentationError", t->lineno, chars_at (p, t->lineno, t->col), t->lineno, -1,
                 g_strdup ("unexpected indent"));
      p->err_is_final = TRUE;
      return FALSE;
    }
  if (is_compound_start (p))
    {
      HsStmt *s = compound_stmt (p);
      if (s)
        g_ptr_array_add (out, s);
      return s != NULL;
    }
  if (is_soft_keyword (t) && t->end - t->start == 5 && starts_expression (peek_kind (p, 1)))
    {
      HsStmt *s = match_stmt (p);
      if (s)
        {
          g_ptr_array_add (out, s);
          return TRUE;
        }
    }
  return simple_stmts (p, out);
}

/* ---- entry point ------------------------------------------------------------------------------
 */

static HsSyntaxError *
lex_error (HsTokenStream *ts)
{
  HsLexError *le = &ts->error;
  HsSyntaxError *e = g_new0 (HsSyntaxError, 1);
  if (le->at_eof_in_paren)
    {
      int l = ts->open_paren_lineno;
      g_autofree char *text = hs_lexer_line_text (ts, l);
      e->type_name = g_strdup ("SyntaxError");
      e->msg = g_strdup_printf ("'%c' was never closed", ts->open_paren_char);
      e->lineno = e->end_lineno = l;
      e->offset = hs_lexer_char_count (text, ts->open_paren_col) + 1;
      e->end_offset = 0;
      e->text = g_steal_pointer (&text);
      return e;
    }
  e->type_name = g_strdup (le->type_name);
  e->msg = g_strdup (le->msg);
  e->lineno = le->lineno;
  e->end_lineno = le->end_lineno;
  e->offset = le->offset;
  e->end_offset = le->end_offset;
  e->text = hs_lexer_line_text (ts, le->lineno);
  return e;
}

/* CPython's rule: a parser error stands unless the tokenizer, run to the end of the file,
 * raises an error itself, or the parser reached the tokenizer's error token, or brackets left
 * open on an earlier line explain it. */
static HsSyntaxError *
resolve_error (Parser *p)
{
  HsTokenStream *ts = p->main;
  HsLexError *le = &ts->error;
  if (!le->set)
    return g_steal_pointer (&p->err);
  gboolean reached = p->toks[p->max_pos].kind == HS_T_ERROR;
  if (p->err && p->err_is_final && !reached)
    return g_steal_pointer (&p->err);
  /* CPython re-tokenizes to the end after a parser error: brackets still open there win if
   * they were opened on a line before the furthest token the parser looked at */
  gboolean unclosed_before
      = le->at_eof_in_paren && p->toks[p->max_pos].lineno > ts->open_paren_lineno;
  gboolean use_lex = le->overrides || reached || unclosed_before;
  if (!use_lex && p->err)
    return g_steal_pointer (&p->err);
  hs_syntax_error_free (g_steal_pointer (&p->err));
  return lex_error (ts);
}

HsModule *
hs_parse_module (HsAstArena *arena, const char *source, gsize len, HsSyntaxError **error)
{
  g_return_val_if_fail (arena != NULL && source != NULL, NULL);
  HsTokenStream ts;
  hs_lexer_tokenize (source, len, &ts);
  Parser p = { 0 };
  p.arena = arena;
  p.main = &ts;
  p.toks = ts.tokens;
  p.n = ts.n_tokens;
  g_autoptr (GPtrArray) body = g_ptr_array_new ();
  while (!p.failed && kind (&p) != HS_T_ENDMARKER)
    {
      if (kind (&p) == HS_T_ERROR)
        {
          p.failed = TRUE;
          break;
        }
      if (kind (&p) == HS_T_NEWLINE)
        {
          advance (&p);
          continue;
        }
      statement (&p, body);
    }
  HsModule *m = NULL;
  if (p.failed || ts.error.set)
    {
      HsSyntaxError *e = resolve_error (&p);
      if (error)
        *error = e;
      else
        hs_syntax_error_free (e);
    }
  else
    {
      m = hs_ast_alloc (arena, sizeof (HsModule));
      m->body = to_stmts (&p, body);
    }
  hs_syntax_error_free (p.err);
  g_free (p.expr_memo);
  hs_lexer_stream_clear (&ts);
  return m;
}
