/* hs-parser-private.h — what the parser's files share (not for the rest of the core): the
 * parser's state, its token primitives (inline: they run for every token), and the rules
 * and helpers that hs-parser.c, hs-parse-expr.c and hs-parse-string.c call across files.
 * The parser's invariants are at the top of hs-parser.c.
 */
#pragma once

#include "hs-ast.h"
#include "hs-lexer.h"

#include <string.h>

typedef struct _Parser Parser;
struct _Parser
{
  HsAstArena *arena;
  HsTokenStream *main; /* the module's stream: line texts, tokenizer error */
  HsTokenStream *ts;   /* the tokens read: the module's, or an f-string part's */
  int pos, max_pos;    /* token indices from the start of ts */
  int depth;           /* nesting, in CPython's parser levels (see hs_parse_enter) */
  int paren_depth;     /* brackets open around the current token (for "forgot a comma?") */
  /* speculate_expression() results by token from memo_base (the statement's first token),
   * memo_len of them */
  struct _ExprMemo *expr_memo;
  int memo_base, memo_len;
  /* inside CPython's expression_without_invalid, see fall_back() */
  gboolean no_invalid;
  /* the token where an expression is read without its invalid_ alternatives (a later dict
   * key: see dict_item), or -1 */
  int plain_expression_at;
  /* the error is one CPython raises in any pass (strings, depth) */
  gboolean hard_failure;
  const char *refusing; /* the construct hs_parse_refuse_tok is reporting */
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

/* ---- tokens ------------------------------------------------------------------------------ */

static inline HsToken *
cur (Parser *p)
{
  if (p->pos > p->max_pos)
    p->max_pos = p->pos;
  return hs_lexer_token (p->ts, p->pos);
}

static inline HsTokKind
kind (Parser *p)
{
  return cur (p)->kind;
}

static inline HsTokKind
peek_kind (Parser *p, int k)
{
  int i = p->pos + k;
  if (i >= p->ts->n_tokens)
    i = hs_lexer_fill (p->ts, i); /* the last token, past the end */
  if (i > p->max_pos)
    p->max_pos = i;
  return hs_lexer_token (p->ts, i)->kind;
}

static inline HsToken *
advance (Parser *p)
{
  HsToken *t = cur (p);
  if (t->kind != HS_T_ENDMARKER && t->kind != HS_T_ERROR) /* the stream's last token */
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

/* What one step of each recursive construct costs in CPython 3.11's PEG parser (rule calls
 * from one nesting to the next), so that the same programs reach its limit: a `not` or a
 * unary operator 1, a lambda or `**` 2, a bracket 27-29, a call or subscript 24, a
 * block 6; an assignment's value sits 2 deeper than an expression statement. Every rule here counts
 * 1 (HS_LEVELS_RULE) and the rest is added as the step's extra levels. */
enum
{
  HS_LEVELS_RULE = 1,
  HS_LEVELS_POWER = 2,
  HS_LEVELS_LAMBDA = 1,         /* with its body's expression: 2 */
  HS_LEVELS_LAMBDA_DEFAULT = 6, /* with the lambda and the expression: 8 */
  HS_LEVELS_PAREN = 26,         /* with the expression inside: 27 */
  HS_LEVELS_DISPLAY = 28,       /* [ or {, with the expression inside: 29 */
  HS_LEVELS_TRAILER = 23,       /* a call's ( or a subscript's [, with its expression: 24 */
  HS_LEVELS_BLOCK = 6,
  HS_LEVELS_VALUE = 2, /* an assignment's or a return's value */
};

static inline void
leave (Parser *p, int levels)
{
  p->depth -= levels;
}

/* Speculation: state saved before trying a rule whose failure is not an error. */
typedef struct
{
  int pos, depth, paren_depth;
} Mark;

/* hs-parse-expr.c */
gboolean hs_parse_starts_expression (HsTokKind k);
HsExpr *hs_parse_atom (Parser *p);
HsExpr *hs_parse_number (Parser *p); /* a NUMBER token's Constant */
/* New BinOp / UnaryOp nodes spanning from token `start` to the last one consumed. */
HsExpr *hs_parse_binop_node (Parser *p, int start, HsExpr *l, HsAstBinOp op, HsExpr *r);
HsExpr *hs_parse_unaryop_node (Parser *p, int start, HsAstUnaryOp op, HsExpr *operand);
HsExpr *hs_parse_call (Parser *p, int start, HsExpr *func);
HsExpr *hs_parse_bitwise_or (Parser *p);
HsArguments *hs_parse_parameters (Parser *p, gboolean annotations, HsTokKind close);
gboolean hs_parse_is_soft_keyword (HsToken *t);
HsExpr *hs_parse_expression (Parser *p);
HsExpr *hs_parse_named_expression (Parser *p);
gboolean hs_parse_can_start_star_expression (HsTokKind k);
HsExpr *hs_parse_star_expressions (Parser *p);
HsExpr *hs_parse_star_named_expressions_list (Parser *p);
HsExpr *hs_parse_yield_or_star_expressions (Parser *p);
HsExpr *hs_parse_star_target (Parser *p);
gboolean hs_parse_comp_target (Parser *p, HsExpr **out);

/* hs-parse-pattern.c */
HsPattern *hs_parse_case_pattern (Parser *p);

/* hs-parse-string.c */
HsExpr *hs_parse_strings (Parser *p);

/* hs-parser.c */
HsPos hs_parse_span (Parser *p, int start);
HsPos hs_parse_join_pos (HsPos a, HsPos b);
/* Valid Python that Heapscope does not run yet: a NotImplementedError naming the construct
 * (marked N_(), kept in HsSyntaxError.construct) and the line, never a SyntaxError. */
void hs_parse_refuse_tok (Parser *p, HsToken *t, const char *what);
void hs_parse_error_raw (Parser *p, const char *type_name, int lineno, int offset, int end_lineno,
                         int end_offset, char *msg);
void hs_parse_error_span (Parser *p, const char *type_name, HsPos pos, char *msg);
void hs_parse_error_last_char (Parser *p, HsPos pos, char *msg);
HsPos hs_parse_tok_pos (HsToken *t);
void hs_parse_error_tok (Parser *p, HsToken *t, char *msg);
void *hs_parse_invalid_syntax (Parser *p);
gboolean hs_parse_enter (Parser *p, int levels);
gboolean hs_parse_expect (Parser *p, HsTokKind k);
Mark hs_parse_mark (Parser *p);
void hs_parse_reset (Parser *p, Mark m);
/* The parser of the module (an f-string part's parser has outer parsers): it holds the error. */
static inline Parser *
hs_parse_top (Parser *p)
{
  while (p->outer)
    p = p->outer;
  return p;
}

/* hs-parse-speculate.c */
void hs_parse_clear_failure (Parser *p, Mark m);
HsExpr *hs_parse_speculate (Parser *p, HsExpr *(*rule) (Parser *));
gboolean hs_parse_fall_back (Parser *p, Mark m);
HsExpr *hs_parse_speculate_expression (Parser *p);
/* An invalid_ rule's alternative `alt` (0..), run for the error it may raise. */
typedef void (*HsAltRule) (Parser *p, int alt);
typedef enum
{
  HS_INVALID_COMPREHENSION = 1 << 0,
  HS_INVALID_LEGACY = 1 << 1,
  HS_INVALID_KWARG = 1 << 2,
} HsInvalidRule;
gboolean hs_parse_try_invalid (Parser *p, HsInvalidRule which, HsAltRule rule, int n_alts);
void hs_parse_retry_comprehension (Parser *p, Mark m, HsAltRule rule, int n_alts);
HsExpr *hs_parse_new_expr (Parser *p, HsExprKind k, HsPos pos);
char *hs_parse_tok_str (Parser *p, HsToken *t);
HsExprList hs_parse_to_exprs (Parser *p, GPtrArray *a);
HsExpr *hs_parse_new_name (Parser *p, HsToken *t, HsExprContext ctx);
HsExpr *hs_parse_new_constant (Parser *p, HsConstKind k, HsPos pos);
gboolean hs_parse_is_name (HsExpr *e, const char *id);
const char *hs_parse_expr_name (HsExpr *e);
/* Whether e is what CPython's bitwise_or rule makes (no comparison, `not`, lambda, display
 * of a list or tuple, True/None/False...): an `a` of invalid_named_expression. */
gboolean hs_parse_is_bitwise_or_kind (HsExpr *e);
gboolean hs_parse_validate_target (Parser *p, HsExpr *e, TargetUse use);
