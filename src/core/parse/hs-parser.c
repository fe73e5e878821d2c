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
 *
 * The parser is four files sharing hs-parser-private.h: this one (the parser's state:
 * tokens, errors, nodes, target validation; statements; the entry point),
 * hs-parse-speculate.c (marks, speculation and the invalid_ rules tried for their errors),
 * hs-parse-expr.c (expressions) and hs-parse-string.c (string literals and f-strings).
 */
#include "hs-parser-private.h"
#include "hs-recursion.h"

#include <string.h>

#include <glib/gi18n-lib.h>

/* CPython 3.11's MAXSTACK less the levels of its grammar above a statement's first
 * expression (30: `not` * 5970 is the first chain it refuses) */
#define MAX_LEVELS (6000 - 30)

static gboolean statement (Parser *p, GPtrArray *out);

static gboolean
is_trivia (HsTokKind k)
{
  return k == HS_T_NEWLINE || k == HS_T_INDENT || k == HS_T_DEDENT || k == HS_T_ENDMARKER;
}

/* The position from token `start` to the last non-whitespace token consumed so far. */
HsPos
hs_parse_span (Parser *p, int start)
{
  int last = p->pos - 1;
  while (last > start && is_trivia (hs_lexer_token (p->ts, last)->kind))
    last--;
  if (last < start)
    last = start;
  HsToken *a = hs_lexer_token (p->ts, start), *b = hs_lexer_token (p->ts, last);
  HsPos pos = { a->lineno, a->col, b->end_lineno, b->end_col };
  return pos;
}

HsPos
hs_parse_join_pos (HsPos a, HsPos b)
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
void
hs_parse_error_raw (Parser *p, const char *type_name, int lineno, int offset, int end_lineno,
                    int end_offset, char *msg)
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
  e->construct = g_strdup (p->refusing);
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
      const char *stop = hs_lexer_token (p->ts, G_MAXINT)->start;
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

void
hs_parse_error_span (Parser *p, const char *type_name, HsPos pos, char *msg)
{
  hs_parse_error_raw (p, type_name, pos.lineno, chars_at (p, pos.lineno, pos.col_offset) + 1,
                      pos.end_lineno, chars_at (p, pos.end_lineno, pos.end_col_offset) + 1, msg);
}

/* CPython's RAISE_ERROR_KNOWN_LOCATION(a->lineno, a->end_col_offset - 1, a->end_lineno, -1):
 * the node's last character, no end column. */
void
hs_parse_error_last_char (Parser *p, HsPos pos, char *msg)
{
  hs_parse_error_raw (p, "SyntaxError", pos.lineno,
                      chars_at (p, pos.lineno, pos.end_col_offset - 1) + 1, pos.end_lineno, 0, msg);
}

HsPos
hs_parse_tok_pos (HsToken *t)
{
  HsPos pos = { t->lineno, t->col, t->end_lineno, t->end_col };
  return pos;
}

/* CPython gives INDENT, DEDENT and ENDMARKER no column (-1); at the end of the file they sit on
 * the last line read. Returns TRUE and the line/byte column CPython's tokenizer cursor has. */
static gboolean
columnless (Parser *p, HsToken *t, int *lineno, int *col, gboolean *at_end)
{
  *at_end = FALSE;
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
  *at_end = TRUE;
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
  gboolean at_end;
  if (columnless (p, t, &lineno, &col, &at_end))
    {
      const char *l = line_ptr (p, lineno);
      /* The source need not be NUL-terminated: a cursor past its end is one character
       * after the last. */
      int rest = l ? (int)(p->main->src + p->main->len - l) : 0;
      int off = !l           ? col
                : col > rest ? hs_lexer_char_count (l, rest) + 1
                             : hs_lexer_char_count (l, col);
      gboolean first = !p->failed && hs_parse_top (p)->err == NULL;
      hs_parse_error_raw (p, type_name, lineno, off, lineno, -1, msg);
      if (first && hs_parse_top (p)->err != NULL)
        hs_parse_top (p)->err->at_end = at_end;
      return;
    }
  hs_parse_error_span (p, type_name, hs_parse_tok_pos (t), msg);
}

void
hs_parse_error_tok (Parser *p, HsToken *t, char *msg)
{
  error_tok_type (p, "SyntaxError", t, msg);
}

void
hs_parse_refuse_tok (Parser *p, HsToken *t, const char *what)
{
  p->refusing = what;
  error_tok_type (
      p, "NotImplementedError", t,
      g_strdup_printf ("%s are not supported by Heapscope yet (line %d)", what, t->lineno));
  p->refusing = NULL;
}

/* The generic error: CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION at the last token. */
void *
hs_parse_invalid_syntax (Parser *p)
{
  HsToken *t = cur (p);
  int lineno, col;
  gboolean at_end;
  if (t->kind != HS_T_ERROR && columnless (p, t, &lineno, &col, &at_end))
    hs_parse_error_raw (p, "SyntaxError", lineno, 0, lineno, 0, g_strdup ("invalid syntax"));
  else
    hs_parse_error_span (p, "SyntaxError", hs_parse_tok_pos (t), g_strdup ("invalid syntax"));
  return NULL;
}

/* CPython 3.11's parser past its 6,000 levels: MemoryError, without a location and as it is
 * (no second pass, no tokenizer error in its place). Also where the C stack would not hold
 * a deeper parse. */
static void
too_deep (Parser *p)
{
  Parser *top = p;
  while (top->outer)
    top = top->outer;
  if (p->failed)
    return;
  for (Parser *q = p; q; q = q->outer)
    q->failed = TRUE;
  p->hard_failure = TRUE;
  if (top->err != NULL)
    return;
  top->err = g_new0 (HsSyntaxError, 1);
  top->err->type_name = g_strdup ("MemoryError");
  top->err->msg = g_strdup ("");
  top->err_is_final = TRUE;
}

/* One more nesting of `levels` (pair with leave): FALSE, with CPython's MemoryError, past
 * CPython's limit or when the C stack runs short. */
gboolean
hs_parse_enter (Parser *p, int levels)
{
  p->depth += levels;
  if (p->depth > MAX_LEVELS || hs_stack_exhausted ())
    {
      too_deep (p);
      return FALSE;
    }
  return TRUE;
}

gboolean
hs_parse_expect (Parser *p, HsTokKind k)
{
  if (accept (p, k))
    return TRUE;
  hs_parse_invalid_syntax (p);
  return FALSE;
}

/* ":" ending a compound statement header: "expected ':'" when the line ends instead. */
static gboolean
expect_colon (Parser *p)
{
  if (accept (p, HS_T_COLON))
    return TRUE;
  if (kind (p) == HS_T_NEWLINE)
    hs_parse_error_tok (p, cur (p), g_strdup ("expected ':'"));
  else
    hs_parse_invalid_syntax (p);
  return FALSE;
}

/* &&':' in CPython's grammar (def, try, else, finally): "expected ':'" whatever follows. */
static gboolean
expect_forced_colon (Parser *p)
{
  if (accept (p, HS_T_COLON))
    return TRUE;
  if (kind (p) == HS_T_ERROR)
    hs_parse_invalid_syntax (p);
  else
    hs_parse_error_tok (p, cur (p), g_strdup ("expected ':'"));
  return FALSE;
}

/* ---- nodes and lists ------------------------------------------------------------------------ */

HsExpr *
hs_parse_new_expr (Parser *p, HsExprKind k, HsPos pos)
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

char *
hs_parse_tok_str (Parser *p, HsToken *t)
{
  gsize n = (gsize)(t->end - t->start);

  /* Non-ASCII names are NFKC-normalised, as CPython's tokenizer does (PEP 3131): the
   * ligature in `ﬁ = 1` names fi. */
  for (gsize i = 0; t->kind == HS_T_NAME && i < n; i++)
    if ((guchar)t->start[i] >= 0x80)
      {
        g_autofree char *norm = g_utf8_normalize (t->start, (gssize)n, G_NORMALIZE_NFKC);
        if (norm != NULL)
          return hs_ast_strndup (p->arena, norm, strlen (norm));
        break;
      }
  return hs_ast_strndup (p->arena, t->start, n);
}

HsExprList
hs_parse_to_exprs (Parser *p, GPtrArray *a)
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

HsExpr *
hs_parse_new_name (Parser *p, HsToken *t, HsExprContext ctx)
{
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_NAME, hs_parse_tok_pos (t));
  e->u.name.id = hs_parse_tok_str (p, t);
  e->u.name.ctx = ctx;
  return e;
}

HsExpr *
hs_parse_new_constant (Parser *p, HsConstKind k, HsPos pos)
{
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_CONSTANT, pos);
  e->u.constant.kind = k;
  return e;
}

gboolean
hs_parse_is_name (HsExpr *e, const char *id)
{
  return e->kind == HS_EXPR_NAME && strcmp (e->u.name.id, id) == 0;
}

/* ---- target validation -------------------------------------------------------------------- */

/* CPython's _PyPegen_get_expr_name. */
const char *
hs_parse_expr_name (HsExpr *e)
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
  hs_parse_error_span (p, "SyntaxError", bad->pos, g_strdup_printf (fmt, hs_parse_expr_name (bad)));
}

gboolean
hs_parse_validate_target (Parser *p, HsExpr *e, TargetUse use)
{
  HsExpr *bad = set_context (e, use == T_DEL ? HS_CTX_DEL : HS_CTX_STORE);
  if (bad == NULL)
    return TRUE;
  target_error (p, bad, use);
  return FALSE;
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
          hs_parse_error_span (
              p, "SyntaxError", hs_parse_join_pos (last->pos, rhs->pos),
              g_strdup ("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
          return;
        }
      if (hs_parse_is_bitwise_or_kind (last))
        {
          hs_parse_error_span (
              p, "SyntaxError", last->pos,
              g_strdup_printf ("cannot assign to %s here. Maybe you meant '==' instead "
                               "of '='?",
                               hs_parse_expr_name (last)));
          return;
        }
    }
  target_error (p, bad, T_ASSIGN);
}

/* The value of an assignment or a return, which CPython's grammar reaches 2 levels deeper
 * than an expression statement. */
static HsExpr *
statement_value (Parser *p, HsExpr *(*rule) (Parser *))
{
  if (!hs_parse_enter (p, HS_LEVELS_VALUE))
    return NULL;
  HsExpr *e = rule (p);
  leave (p, HS_LEVELS_VALUE);
  return e;
}

static HsStmt *
assignment_rest (Parser *p, int start, HsExpr *first)
{
  g_autoptr (GPtrArray) targets = g_ptr_array_new ();
  HsExpr *value = first;
  gboolean first_trailing_comma = hs_lexer_token (p->ts, p->pos - 1)->kind == HS_T_COMMA;
  while (accept (p, HS_T_EQUAL))
    {
      g_ptr_array_add (targets, value);
      if (!(value = statement_value (p, hs_parse_yield_or_star_expressions)))
        return NULL;
    }
  for (guint i = 0; i < targets->len; i++)
    {
      HsExpr *t = targets->pdata[i];
      if (t->kind == HS_EXPR_YIELD || t->kind == HS_EXPR_YIELD_FROM)
        {
          hs_parse_error_span (p, "SyntaxError", t->pos,
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
  HsStmt *s = new_stmt (p, HS_STMT_ASSIGN, hs_parse_span (p, start));
  s->u.assign.targets = hs_parse_to_exprs (p, targets);
  s->u.assign.value = value;
  return s;
}

static HsStmt *
annotated_rest (Parser *p, int start, HsExpr *target)
{
  if (target->kind == HS_EXPR_TUPLE || target->kind == HS_EXPR_LIST)
    {
      hs_parse_error_span (p, "SyntaxError",
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
      Mark m = hs_parse_mark (p);
      advance (p);
      HsExpr *ann = hs_parse_speculate (p, hs_parse_expression);
      hs_parse_reset (p, m);
      if (ann)
        hs_parse_error_span (p, "SyntaxError", target->pos,
                             g_strdup ("illegal target for annotation"));
      else
        hs_parse_invalid_syntax (p);
      return NULL;
    }
  advance (p);
  HsExpr *ann = hs_parse_expression (p), *value = NULL;
  if (!ann)
    return NULL;
  if (accept (p, HS_T_EQUAL) && !(value = statement_value (p, hs_parse_yield_or_star_expressions)))
    return NULL;
  set_context (target, HS_CTX_STORE);
  HsStmt *s = new_stmt (p, HS_STMT_ANNASSIGN, hs_parse_span (p, start));
  s->u.annassign.target = target;
  s->u.annassign.annotation = ann;
  s->u.annassign.value = value;
  s->u.annassign.simple
      = target->kind == HS_EXPR_NAME && hs_lexer_token (p->ts, start)->kind != HS_T_LPAR;
  return s;
}

static HsStmt *
augassign_rest (Parser *p, int start, HsExpr *target)
{
  HsAstBinOp op = (HsAstBinOp)(kind (p) - HS_T_PLUSEQUAL);
  if (target->kind != HS_EXPR_NAME && target->kind != HS_EXPR_ATTRIBUTE
      && target->kind != HS_EXPR_SUBSCRIPT)
    {
      hs_parse_error_span (
          p, "SyntaxError", target->pos,
          g_strdup_printf ("'%s' is an illegal expression for augmented assignment",
                           hs_parse_expr_name (target)));
      return NULL;
    }
  advance (p);
  HsExpr *value = statement_value (p, hs_parse_yield_or_star_expressions);
  if (!value)
    return NULL;
  set_context (target, HS_CTX_STORE);
  HsStmt *s = new_stmt (p, HS_STMT_AUGASSIGN, hs_parse_span (p, start));
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
  HsExpr *e = hs_parse_yield_or_star_expressions (p);
  if (!e)
    return NULL;
  HsTokKind k = kind (p);
  if (k == HS_T_EQUAL)
    return assignment_rest (p, start, e);
  if (k == HS_T_COLON)
    return annotated_rest (p, start, e);
  if (k >= HS_T_PLUSEQUAL && k <= HS_T_ATEQUAL)
    return augassign_rest (p, start, e);
  HsStmt *s = new_stmt (p, HS_STMT_EXPR, hs_parse_span (p, start));
  s->u.value = e;
  return s;
}

static HsStmt *
return_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  HsExpr *v = NULL;
  if (hs_parse_can_start_star_expression (kind (p))
      && !(v = statement_value (p, hs_parse_star_expressions)))
    return NULL;
  HsStmt *s = new_stmt (p, HS_STMT_RETURN, hs_parse_span (p, start));
  s->u.value = v;
  return s;
}

static HsStmt *
raise_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  HsExpr *exc = NULL, *cause = NULL;
  if (hs_parse_starts_expression (kind (p)))
    {
      if (!(exc = hs_parse_expression (p)))
        return NULL;
      if (accept (p, HS_T_KW_FROM) && !(cause = hs_parse_expression (p)))
        return NULL;
    }
  HsStmt *s = new_stmt (p, HS_STMT_RAISE, hs_parse_span (p, start));
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
        return hs_parse_invalid_syntax (p);
      g_ptr_array_add (names, hs_parse_tok_str (p, advance (p)));
    }
  while (accept (p, HS_T_COMMA));
  HsStmt *s = new_stmt (p, k, hs_parse_span (p, start));
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
      HsExpr *t = hs_parse_bitwise_or (p);
      if (!t)
        return NULL;
      if (!hs_parse_validate_target (p, t, T_DEL))
        return NULL;
      g_ptr_array_add (targets, t);
    }
  while (accept (p, HS_T_COMMA));
  if (targets->len == 0)
    return hs_parse_invalid_syntax (p);
  if (kind (p) != HS_T_NEWLINE && kind (p) != HS_T_SEMI)
    return hs_parse_invalid_syntax (p);
  HsStmt *s = new_stmt (p, HS_STMT_DELETE, hs_parse_span (p, start));
  s->u.targets = hs_parse_to_exprs (p, targets);
  return s;
}

static HsStmt *
assert_stmt (Parser *p)
{
  int start = p->pos;
  advance (p);
  HsExpr *test = hs_parse_expression (p), *msg = NULL;
  if (!test)
    return NULL;
  if (accept (p, HS_T_COMMA) && !(msg = hs_parse_expression (p)))
    return NULL;
  HsStmt *s = new_stmt (p, HS_STMT_ASSERT, hs_parse_span (p, start));
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
          return hs_parse_invalid_syntax (p);
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
    a.name = hs_parse_tok_str (p, advance (p));
  else
    hs_parse_invalid_syntax (p);
  if (!a.name)
    return FALSE;
  if (accept (p, HS_T_KW_AS))
    {
      if (kind (p) != HS_T_NAME)
        return hs_parse_invalid_syntax (p), FALSE;
      a.asname = hs_parse_tok_str (p, advance (p));
    }
  a.pos = hs_parse_span (p, start);
  g_array_append_val (out, a);
  return TRUE;
}

static HsStmt *
import_node (Parser *p, HsStmtKind k, int start, GArray *names)
{
  HsStmt *s = new_stmt (p, k, hs_parse_span (p, start));
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
      HsAlias a = { hs_ast_strndup (p->arena, "*", 1), NULL, hs_parse_tok_pos (t) };
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
  if (paren && !hs_parse_expect (p, HS_T_RPAR))
    return FALSE;
  if (!paren && hs_lexer_token (p->ts, p->pos - 1)->kind == HS_T_COMMA)
    {
      hs_parse_error_tok (p, hs_lexer_token (p->ts, p->pos - 1),
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
  if (!hs_parse_expect (p, HS_T_KW_IMPORT))
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
  return new_stmt (p, k, hs_parse_span (p, start));
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
    return hs_parse_invalid_syntax (p), FALSE;
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
        hs_parse_invalid_syntax (p);
      else
        error_tok_type (p, "IndentationError", t, g_strdup (msg));
      return FALSE;
    }
  advance (p);
  if (!hs_parse_enter (p, HS_LEVELS_BLOCK))
    return FALSE;
  while (kind (p) != HS_T_DEDENT && kind (p) != HS_T_ENDMARKER)
    if (!statement (p, stmts))
      return leave (p, HS_LEVELS_BLOCK), FALSE;
  leave (p, HS_LEVELS_BLOCK);
  if (!hs_parse_expect (p, HS_T_DEDENT))
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

/* A condition is a named_expression: CPython's invalid_named_expression has raised there
 * already (hs_parse_named_expression); another '=' is its generic error (`if a = b = 3:`). */
static HsExpr *
condition (Parser *p)
{
  HsExpr *test = hs_parse_named_expression (p);
  if (test && kind (p) == HS_T_EQUAL)
    return hs_parse_invalid_syntax (p);
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
      HsStmt *s = new_stmt (p, HS_STMT_IF, hs_parse_span (p, part->start));
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
  HsStmt *s = new_stmt (p, HS_STMT_WHILE, hs_parse_span (p, start));
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
  if (!hs_parse_comp_target (p, &target) || !hs_parse_expect (p, HS_T_KW_IN))
    return NULL;
  if (!(iter = hs_parse_star_expressions (p)) || !expect_colon (p)
      || !block (p, "'for' statement", kw->lineno, &body))
    return NULL;
  if (kind (p) == HS_T_KW_ELSE && !else_block (p, &orelse))
    return NULL;
  HsStmt *s = new_stmt (p, HS_STMT_FOR, hs_parse_span (p, start));
  s->u.for_.target = target;
  s->u.for_.iter = iter;
  s->u.for_.body = body;
  s->u.for_.orelse = orelse;
  s->u.for_.is_async = is_async;
  return s;
}

/* 'except' ['*'] [expression ['as' NAME]] ':' block; *star says whether it had the star */
static gboolean
except_block (Parser *p, HsExceptHandler *h, gboolean *star)
{
  int start = p->pos;
  HsToken *kw = advance (p);
  *star = accept (p, HS_T_STAR);
  if (*star && kind (p) == HS_T_COLON)
    {
      hs_parse_error_tok (p, cur (p), g_strdup ("expected one or more exception types"));
      return FALSE;
    }
  if (kind (p) != HS_T_COLON)
    {
      if (!(h->type = hs_parse_expression (p)))
        return FALSE;
      if (kind (p) == HS_T_COMMA)
        {
          advance (p);
          HsExpr *more = hs_parse_speculate (p, hs_parse_star_expressions);
          hs_parse_error_span (p, "SyntaxError",
                               more ? hs_parse_join_pos (h->type->pos, more->pos) : h->type->pos,
                               g_strdup ("multiple exception types must be parenthesized"));
          return FALSE;
        }
      if (accept (p, HS_T_KW_AS))
        {
          if (kind (p) != HS_T_NAME)
            return hs_parse_invalid_syntax (p), FALSE;
          h->name = hs_parse_tok_str (p, advance (p));
        }
    }
  if (!expect_colon (p)
      || !block (p, *star ? "'except*' statement" : "'except' statement", kw->lineno, &h->body))
    return FALSE;
  h->pos = hs_parse_span (p, start);
  return TRUE;
}

static HsStmt *
try_stmt (Parser *p)
{
  int start = p->pos;
  HsToken *kw = advance (p);
  HsStmt *s = new_stmt (p, HS_STMT_TRY, hs_parse_tok_pos (kw));
  if (!expect_forced_colon (p) || !block (p, "'try' statement", kw->lineno, &s->u.try_.body))
    return NULL;
  GArray *handlers = g_array_new (FALSE, TRUE, sizeof (HsExceptHandler));
  gboolean ok = TRUE;
  while (ok && kind (p) == HS_T_KW_EXCEPT)
    {
      HsExceptHandler h = { 0 };
      int at_tok = p->pos;
      gboolean star = FALSE;
      if ((ok = except_block (p, &h, &star)))
        g_array_append_val (handlers, h);
      if (ok && handlers->len > 1 && star != s->u.try_.star)
        {
          /* CPython's caret covers "except*" */
          HsPos at = hs_parse_tok_pos (hs_lexer_token (p->ts, at_tok));
          if (star)
            at = hs_parse_join_pos (at, hs_parse_tok_pos (hs_lexer_token (p->ts, at_tok + 1)));
          hs_parse_error_span (
              p, "SyntaxError", at,
              g_strdup ("cannot have both 'except' and 'except*' on the same 'try'"));
          ok = FALSE;
        }
      s->u.try_.star = star;
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
      hs_parse_error_tok (p, cur (p), g_strdup ("expected 'except' or 'finally' block"));
      return NULL;
    }
  s->pos = hs_parse_span (p, start);
  return s;
}

/* with_item: expression ['as' star_target] */
static gboolean
with_item (Parser *p, GArray *items)
{
  HsWithItem it = { 0 };
  if (!(it.context_expr = hs_parse_expression (p)))
    return FALSE;
  if (accept (p, HS_T_KW_AS))
    {
      if (!(it.optional_vars = hs_parse_star_target (p))
          || !hs_parse_validate_target (p, it.optional_vars, T_ASSIGN))
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
  return !paren || hs_parse_expect (p, HS_T_RPAR);
}

/* Tries `with (a as b, c):` — the parenthesized form; FALSE (nothing consumed) if it is not. */
static gboolean
with_paren_items (Parser *p, GArray *items)
{
  Mark m = hs_parse_mark (p);
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
      hs_parse_reset (p, m);
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
      s = new_stmt (p, HS_STMT_WITH, hs_parse_span (p, start));
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
    return hs_parse_invalid_syntax (p);
  HsToken *name = advance (p);
  if (kind (p) != HS_T_LPAR)
    {
      if (kind (p) == HS_T_ERROR)
        return hs_parse_invalid_syntax (p);
      hs_parse_error_tok (p, cur (p), g_strdup ("expected '('"));
      return NULL;
    }
  advance (p);
  HsArguments *args = hs_parse_parameters (p, TRUE, HS_T_RPAR);
  HsExpr *returns = NULL;
  HsStmtList body = { 0 };
  if (!args || !hs_parse_expect (p, HS_T_RPAR))
    return NULL;
  if (accept (p, HS_T_RARROW) && !(returns = hs_parse_expression (p)))
    return NULL;
  if (!expect_forced_colon (p) || !block (p, "function definition", kw->lineno, &body))
    return NULL;
  HsStmt *s = new_stmt (p, HS_STMT_FUNCTIONDEF, hs_parse_span (p, start));
  s->u.funcdef.name = hs_parse_tok_str (p, name);
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
    return hs_parse_invalid_syntax (p);
  HsToken *name = advance (p);
  HsStmt *s = new_stmt (p, HS_STMT_CLASSDEF, hs_parse_tok_pos (kw));
  if (kind (p) == HS_T_LPAR)
    {
      HsExpr *c = hs_parse_call (p, start, NULL);
      if (!c)
        return NULL;
      s->u.classdef.bases = c->u.call.args;
      s->u.classdef.keywords = c->u.call.keywords;
      s->u.classdef.n_keywords = c->u.call.n_keywords;
    }
  if (!expect_colon (p) || !block (p, "class definition", kw->lineno, &s->u.classdef.body))
    return NULL;
  s->pos = hs_parse_span (p, start);
  s->u.classdef.name = hs_parse_tok_str (p, name);
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
      HsExpr *d = hs_parse_named_expression (p);
      if (!d || !hs_parse_expect (p, HS_T_NEWLINE))
        return NULL;
      g_ptr_array_add (decs, d);
    }
  int start = p->pos;
  HsExprList list = hs_parse_to_exprs (p, decs);
  if (kind (p) == HS_T_KW_DEF)
    return funcdef (p, start, FALSE, list);
  if (kind (p) == HS_T_KW_CLASS)
    return classdef (p, start, list);
  if (kind (p) == HS_T_KW_ASYNC && peek_kind (p, 1) == HS_T_KW_DEF)
    {
      advance (p);
      return funcdef (p, start, TRUE, list);
    }
  return hs_parse_invalid_syntax (p);
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
      hs_parse_refuse_tok (p, hs_lexer_token (p->ts, start), N_ ("'async with' statements"));
      return NULL;
    }
  return hs_parse_invalid_syntax (p);
}

/* "invalid syntax" at the furthest token looked at, as CPython reports a statement that no
 * rule matched (the pattern rules fail softly, see hs-parse-pattern.c). */
static void
invalid_at_furthest (Parser *p)
{
  p->pos = p->max_pos;
  hs_parse_invalid_syntax (p);
}

static gboolean
is_soft_keyword (HsToken *t, const char *word)
{
  gsize n = strlen (word);
  return t->kind == HS_T_NAME && (gsize)(t->end - t->start) == n && memcmp (t->start, word, n) == 0;
}

/* "match" subject_expr — the subject, or NULL */
static HsExpr *
match_subject (Parser *p)
{
  advance (p);
  return hs_parse_star_named_expressions_list (p);
}

/* "match" subject_expr ':' NEWLINE: the soft keyword starts a match statement when the line
 * has that shape (`match[x]: int = 1` is an annotated assignment). */
static HsExpr *
match_header (Parser *p)
{
  HsExpr *subject = match_subject (p);
  if (!subject || kind (p) != HS_T_COLON || peek_kind (p, 1) != HS_T_NEWLINE)
    return hs_parse_invalid_syntax (p);
  return subject;
}

/* case_block: "case" patterns guard? ':' block, with CPython's invalid_case_block errors */
static gboolean
case_block (Parser *p, HsMatchCase *out)
{
  HsToken *kw = advance (p);
  out->pattern = hs_parse_case_pattern (p);
  if (out->pattern == NULL)
    {
      if (!p->failed)
        invalid_at_furthest (p);
      return FALSE;
    }
  if (accept (p, HS_T_KW_IF) && (out->guard = hs_parse_named_expression (p)) == NULL)
    return FALSE;
  if (kind (p) == HS_T_NEWLINE)
    {
      hs_parse_error_tok (p, cur (p), g_strdup ("expected ':'"));
      return FALSE;
    }
  if (!accept (p, HS_T_COLON))
    {
      invalid_at_furthest (p);
      return FALSE;
    }
  return block (p, "'case' statement", kw->lineno, &out->body);
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT */
static HsStmt *
match_stmt (Parser *p)
{
  int start = p->pos;
  HsExpr *subject = hs_parse_speculate (p, match_header);
  if (!subject)
    return NULL;
  int lineno = hs_lexer_token (p->ts, start)->lineno;
  p->pos += 2;
  if (kind (p) != HS_T_INDENT)
    {
      g_autofree char *msg = g_strdup_printf (
          "expected an indented block after 'match' statement on line %d", lineno);
      if (kind (p) == HS_T_ERROR)
        hs_parse_invalid_syntax (p);
      else
        error_tok_type (p, "IndentationError", cur (p), g_strdup (msg));
      return NULL;
    }
  advance (p);
  GArray *cases = g_array_new (FALSE, TRUE, sizeof (HsMatchCase));
  HsStmt *s = NULL;
  while (is_soft_keyword (cur (p), "case"))
    {
      HsMatchCase mc = { 0 };
      if (!case_block (p, &mc))
        goto out;
      g_array_append_val (cases, mc);
    }
  if (cases->len == 0 || kind (p) != HS_T_DEDENT)
    {
      invalid_at_furthest (p);
      goto out;
    }
  advance (p);
  s = new_stmt (p, HS_STMT_MATCH, hs_parse_span (p, start));
  s->u.match.subject = subject;
  s->u.match.n_cases = (int)cases->len;
  s->u.match.cases = hs_ast_alloc (p->arena, cases->len * sizeof (HsMatchCase));
  copy_items (s->u.match.cases, cases->data, cases->len * sizeof (HsMatchCase));
out:
  g_array_free (cases, TRUE);
  return s;
}

/* A line starting with the soft keyword `match` that is no match statement and no simple
 * statement either: CPython's invalid_match_stmt says "expected ':'" when the subject is
 * followed by the end of the line. */
static void
invalid_match_stmt (Parser *p, Mark m)
{
  if (p->hard_failure)
    return;
  HsSyntaxError *saved = g_steal_pointer (&p->err);
  hs_parse_clear_failure (p, m);
  HsExpr *subject = hs_parse_speculate (p, match_subject);
  if (subject && kind (p) == HS_T_NEWLINE)
    {
      hs_parse_error_tok (p, cur (p), g_strdup ("expected ':'"));
      hs_syntax_error_free (saved);
      return;
    }
  p->err = saved;
  p->failed = TRUE;
  /* the match rule looked further than the simple statement did (`match x: pass`) */
  if (saved != NULL && strcmp (saved->msg, "invalid syntax") == 0)
    {
      hs_syntax_error_free (g_steal_pointer (&p->err));
      p->failed = FALSE;
      invalid_at_furthest (p);
    }
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
      hs_parse_error_raw (p, "IndentationError", t->lineno, chars_at (p, t->lineno, t->col),
                          t->lineno, -1, g_strdup ("unexpected indent"));
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
  gboolean maybe_match
      = is_soft_keyword (t, "match")
        && (hs_parse_starts_expression (peek_kind (p, 1)) || peek_kind (p, 1) == HS_T_STAR);
  Mark m = hs_parse_mark (p);
  if (maybe_match)
    {
      HsStmt *s = match_stmt (p);
      if (s || p->failed)
        {
          if (s)
            g_ptr_array_add (out, s);
          return s != NULL;
        }
    }
  if (simple_stmts (p, out))
    return TRUE;
  if (maybe_match)
    invalid_match_stmt (p, m);
  return FALSE;
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
  gboolean reached = hs_lexer_token (p->ts, p->max_pos)->kind == HS_T_ERROR;
  if (p->err && p->err_is_final && !reached)
    return g_steal_pointer (&p->err);
  /* CPython re-tokenizes to the end after a parser error: brackets still open there win if
   * they were opened on a line before the furthest token the parser looked at */
  gboolean unclosed_before
      = le->at_eof_in_paren && hs_lexer_token (p->ts, p->max_pos)->lineno > ts->open_paren_lineno;
  gboolean use_lex = le->overrides || reached || unclosed_before;
  if (!use_lex && p->err)
    return g_steal_pointer (&p->err);
  hs_syntax_error_free (g_steal_pointer (&p->err));
  return lex_error (ts);
}

/* eval: expressions NEWLINE* ENDMARKER, as a module of one expression statement */
static void
eval_input (Parser *p, GPtrArray *body)
{
  int start = p->pos;
  HsExpr *e = hs_parse_star_expressions (p);
  if (e == NULL)
    return;
  while (accept (p, HS_T_NEWLINE))
    ;
  if (kind (p) != HS_T_ENDMARKER)
    {
      hs_parse_invalid_syntax (p);
      return;
    }
  HsStmt *s = new_stmt (p, HS_STMT_EXPR, hs_parse_span (p, start));
  s->u.value = e;
  g_ptr_array_add (body, s);
}

/* The statements before the current token are finished: their tokens and memos go. */
static void
next_statement (Parser *p)
{
  hs_lexer_discard (p->ts, p->pos);
  g_clear_pointer (&p->expr_memo, g_free);
  p->memo_base = p->pos;
  p->memo_len = 0;
}

/* After a parser error, the tokenizer runs to the end of the file (resolve_error), keeping
 * only the furthest token the parser looked at. */
static void
drain (Parser *p)
{
  while (!hs_lexer_done (p->ts))
    {
      hs_lexer_fill (p->ts, p->ts->n_tokens + HS_TOKEN_BLOCK);
      hs_lexer_discard (p->ts, p->max_pos);
    }
}

static HsModule *
parse (HsAstArena *arena, const char *source, gsize len, gboolean eval, HsStmtFunc each,
       gpointer data, HsSyntaxError **error)
{
  HsTokenStream ts;
  hs_lexer_start (source, len, &ts);
  Parser p = { 0 };
  p.arena = arena;
  p.main = &ts;
  p.ts = &ts;
  p.plain_expression_at = -1;
  g_autoptr (GPtrArray) body = g_ptr_array_new ();
  if (eval && kind (&p) != HS_T_ERROR)
    eval_input (&p, body);
  while (!eval && !p.failed && kind (&p) != HS_T_ENDMARKER)
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
      next_statement (&p);
      if (statement (&p, body) && each != NULL)
        {
          for (guint i = 0; i < body->len; i++)
            each (body->pdata[i], data);
          g_ptr_array_set_size (body, 0);
          hs_ast_arena_reset (arena);
        }
    }
  if (eval && kind (&p) == HS_T_ERROR)
    p.failed = TRUE;
  HsModule *m = NULL;
  if (p.failed)
    drain (&p);
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

HsModule *
hs_parse_module (HsAstArena *arena, const char *source, gsize len, HsSyntaxError **error)
{
  g_return_val_if_fail (arena != NULL && source != NULL, NULL);
  return parse (arena, source, len, FALSE, NULL, NULL, error);
}

gboolean
hs_parse_module_each (HsAstArena *arena, const char *source, gsize len, HsStmtFunc each,
                      gpointer data, HsSyntaxError **error)
{
  g_return_val_if_fail (arena != NULL && source != NULL && each != NULL, FALSE);
  return parse (arena, source, len, FALSE, each, data, error) != NULL;
}

HsModule *
hs_parse_eval (HsAstArena *arena, const char *source, gsize len, HsSyntaxError **error)
{
  g_return_val_if_fail (arena != NULL && source != NULL, NULL);
  return parse (arena, source, len, TRUE, NULL, NULL, error);
}
