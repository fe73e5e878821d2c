/* hs-parse-speculate.c — the parser's speculation: marks, rules tried without their failure
 * becoming the error, the memo of speculative expressions by token, and CPython's invalid_
 * rules run only for the errors they raise (hs-parse-expr.c has the rules themselves).
 *
 * Invariant: a speculation that fails leaves the position, the depth and any earlier error as
 * they were; only an error CPython raises in any pass (a hard failure) or one raised by an
 * invalid_ rule stands.
 */
#include "hs-parser-private.h"

#include <string.h>

Mark
hs_parse_mark (Parser *p)
{
  Mark m = { p->pos, p->depth, p->paren_depth };
  return m;
}

void
hs_parse_reset (Parser *p, Mark m)
{
  p->pos = m.pos;
  p->depth = m.depth;
  p->paren_depth = m.paren_depth;
}

/* Forgets the current error (set since the caller saved and cleared it) and goes back to `m`. */
void
hs_parse_clear_failure (Parser *p, Mark m)
{
  Parser *top = hs_parse_top (p);
  hs_syntax_error_free (g_steal_pointer (&top->err));
  for (Parser *q = p; q; q = q->outer)
    q->failed = FALSE;
  p->hard_failure = FALSE;
  hs_parse_reset (p, m);
}

/* Runs `rule` without letting its failure become the error; returns NULL and restores the
 * position if it fails. */
HsExpr *
hs_parse_speculate (Parser *p, HsExpr *(*rule) (Parser *))
{
  Parser *top = hs_parse_top (p);
  if (p->failed)
    return NULL;
  Mark m = hs_parse_mark (p);
  HsSyntaxError *saved = top->err;
  top->err = NULL;
  HsExpr *e = rule (p);
  /* a hard failure stands: CPython raises it in any pass, also in expression_without_invalid */
  if (p->failed && !(p->no_invalid && p->hard_failure))
    hs_parse_clear_failure (p, m);
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
gboolean
hs_parse_fall_back (Parser *p, Mark m)
{
  if (!p->failed || !p->no_invalid || p->hard_failure)
    return FALSE;
  hs_parse_clear_failure (p, m);
  return TRUE;
}

/* A speculative `expression` at one token: its node (NULL if it failed), the token after it
 * and how far it looked ahead. */
typedef struct _ExprMemo
{
  gboolean done;
  HsExpr *e;
  int end, max_pos;
  unsigned invalid_tried; /* HsInvalidRule bits: tried here, raised nothing */
} ExprMemo;

/* The memo of token i, at or after the current statement's first token. */
static ExprMemo *
memo_at (Parser *p, int i)
{
  int k = i - p->memo_base;
  if (k >= p->memo_len)
    {
      int len = MAX (MAX (64, 2 * p->memo_len), k + 1);
      p->expr_memo = g_renew (ExprMemo, p->expr_memo, len);
      memset (p->expr_memo + p->memo_len, 0, sizeof (ExprMemo) * (len - p->memo_len));
      p->memo_len = len;
    }
  return &p->expr_memo[k];
}

/* CPython's expression_without_invalid, tried after a juxtaposed or unseparated expression
 * for "Perhaps you forgot a comma?". Run strictly, with the checks inside it, unclosed
 * brackets made that exponential; it is also memoised by token position, like CPython's
 * packrat `memo` rules. The result does not depend on how it was reached (bracket depth follows
 * from the position), so callers may share the node; they only read its position. */
HsExpr *
hs_parse_speculate_expression (Parser *p)
{
  if (p->failed)
    return NULL;
  ExprMemo *m = memo_at (p, p->pos);
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
  HsExpr *e = hs_parse_speculate (p, hs_parse_expression);
  p->no_invalid = no_invalid;
  /* a hard failure is the error (the recursion limit's also depends on the depth) */
  if (!p->failed)
    {
      m = memo_at (p, start);
      m->done = TRUE;
      m->e = e;
      m->end = p->pos;
      m->max_pos = p->max_pos;
    }
  return e;
}

/* Whether the parse failed with nothing but CPython's generic "invalid syntax" (a rule that did
 * not match), not with an error one of its invalid rules raised. */
static gboolean
failed_generically (Parser *p)
{
  Parser *top = hs_parse_top (p);
  return p->failed && !p->hard_failure && top->err != NULL
         && (strcmp (top->err->msg, "invalid syntax") == 0
             || strcmp (top->err->msg, "f-string: invalid syntax") == 0);
}

/* Runs one of CPython's invalid_ rules (`rule`, in hs-parse-expr.c, for each of its `n_alts`
 * alternatives) from the current token, for the errors it raises: an error raised inside it
 * stands (FALSE); a mismatch is forgotten, the position and any earlier error kept (TRUE).
 * Memoised by token, like the packrat rules it stands for: nested brackets would otherwise be
 * read again at every level. */
gboolean
hs_parse_try_invalid (Parser *p, HsInvalidRule which, HsAltRule rule, int n_alts)
{
  if (p->failed || p->no_invalid)
    return !p->failed;
  Parser *top = hs_parse_top (p);
  int at = p->pos;
  if (memo_at (p, at)->invalid_tried & which)
    return TRUE;
  Mark m = hs_parse_mark (p);
  HsSyntaxError *saved = top->err;
  top->err = NULL;
  for (int alt = 0; alt < n_alts; alt++)
    {
      rule (p, alt);
      if (p->failed && !failed_generically (p))
        {
          hs_syntax_error_free (saved);
          return FALSE;
        }
      if (p->failed)
        hs_parse_clear_failure (p, m);
      hs_syntax_error_free (g_steal_pointer (&top->err));
      hs_parse_reset (p, m);
    }
  top->err = saved;
  memo_at (p, at)->invalid_tried |= which;
  return TRUE;
}

/* A display at `m` failed: if only generically, CPython's second pass goes on to the display's
 * invalid_comprehension alternative (listcomp's, setcomp's, genexp's); its error replaces the
 * generic one, which otherwise stands as it was. */
void
hs_parse_retry_comprehension (Parser *p, Mark m, HsAltRule rule, int n_alts)
{
  if (!failed_generically (p) || p->no_invalid)
    return;
  Parser *top = hs_parse_top (p);
  HsSyntaxError *generic = g_steal_pointer (&top->err);
  Mark end = hs_parse_mark (p);
  for (Parser *q = p; q; q = q->outer)
    q->failed = FALSE;
  hs_parse_reset (p, m);
  if (!hs_parse_try_invalid (p, HS_INVALID_COMPREHENSION, rule, n_alts))
    {
      hs_syntax_error_free (generic);
      return;
    }
  top->err = generic;
  for (Parser *q = p; q; q = q->outer)
    q->failed = TRUE;
  hs_parse_reset (p, end);
}
