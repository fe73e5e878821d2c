/* hs-parse-expr.c — the parser's expression rules, from atoms (names, numbers, displays,
 * comprehensions) through primaries (calls, subscripts, attributes), operators, lambda and
 * parameters, up to expression, star_expressions, yield and the targets of for clauses.
 * The parser's state and invariants are in hs-parser-private.h and hs-parser.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hs-parser-private.h"

static HsExpr *star_named_expression (Parser *p);
static HsExpr *named_expression (Parser *p, gboolean invalid);
static HsExpr *disjunction (Parser *p);
static HsExpr *yield_expr (Parser *p);
static HsExpr *starred (Parser *p, HsExpr *(*value) (Parser *));

/* ---- atoms ---------------------------------------------------------------------------------- */

gboolean
hs_parse_starts_expression (HsTokKind k)
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

HsExpr *
hs_parse_number (Parser *p)
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
  HsExpr *e = hs_parse_new_constant (p, k, hs_parse_tok_pos (t));
  e->u.constant.text = hs_parse_tok_str (p, t);
  return e;
}

typedef struct
{
  HsComprehension *items;
  int n;
} Generators;

static void *sequence_error (Parser *p, HsExpr *prev);

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
      if (!hs_parse_comp_target (p, &c.target))
        goto fail;
      if (kind (p) != HS_T_KW_IN && hs_parse_starts_expression (kind (p)))
        {
          /* CPython's invalid_for_target reads the target as star_expressions, whose
           * invalid_expression says "Perhaps you forgot a comma?" ([x for x y]) */
          HsExpr *t = c.target;
          if (t->kind == HS_EXPR_TUPLE && t->u.seq.elts.len > 0
              && t->u.seq.elts.items[0]->pos.col_offset == t->pos.col_offset
              && t->u.seq.elts.items[0]->pos.lineno == t->pos.lineno) /* not parenthesized */
            t = t->u.seq.elts.items[t->u.seq.elts.len - 1];
          sequence_error (p, t);
          goto fail;
        }
      if (!hs_parse_expect (p, HS_T_KW_IN))
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
      c.ifs = hs_parse_to_exprs (p, ifs);
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

static gboolean
starts_for (Parser *p)
{
  return kind (p) == HS_T_KW_FOR || (kind (p) == HS_T_KW_ASYNC && peek_kind (p, 1) == HS_T_KW_FOR);
}

/* CPython's invalid_comprehension, alternative `alt`, from the bracket at the current token:
 *   ('[' | '(' | '{') a=starred_expression for_if_clauses
 *       -> "iterable unpacking cannot be used in comprehension" at a
 *   ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
 *   ('[' | '{') a=star_named_expression b=',' for_if_clauses
 *       -> "did you forget parentheses around the comprehension target?" from a to b
 * Its items are read with the invalid rules on, so an error inside them is raised first
 * (`x = 1 {2 3}` is "Perhaps you forgot a comma?"). Run by hs_parse_try_invalid. */
static void
invalid_comprehension (Parser *p, int alt)
{
  Generators g;
  if (alt > 0 && kind (p) == HS_T_LPAR)
    return;
  advance (p);
  p->paren_depth++;
  if (alt == 0)
    {
      if (kind (p) != HS_T_STAR)
        return;
      HsPos star = hs_parse_tok_pos (advance (p));
      HsExpr *v = hs_parse_expression (p);
      if (v && starts_for (p) && for_if_clauses (p, &g))
        hs_parse_error_span (p, "SyntaxError", hs_parse_join_pos (star, v->pos),
                             g_strdup ("iterable unpacking cannot be used in comprehension"));
      return;
    }
  HsExpr *a = star_named_expression (p);
  if (!a || kind (p) != HS_T_COMMA)
    return;
  HsPos last = hs_parse_tok_pos (advance (p));
  if (alt == 1)
    {
      HsExpr *e = star_named_expression (p);
      while (e && kind (p) == HS_T_COMMA && hs_parse_can_start_star_expression (peek_kind (p, 1)))
        {
          last = e->pos;
          advance (p);
          e = star_named_expression (p);
        }
      if (!e)
        return;
      last = e->pos;
      accept (p, HS_T_COMMA);
    }
  if (starts_for (p) && for_if_clauses (p, &g))
    hs_parse_error_span (p, "SyntaxError", hs_parse_join_pos (a->pos, last),
                         g_strdup ("did you forget parentheses around the comprehension target?"));
}

static HsExpr *
comprehension (Parser *p, HsExprKind k, int start, HsExpr *elt, HsExpr *key, HsTokKind close)
{
  Generators g;
  /* a starred target is no comprehension: invalid_comprehension says why (hs_parse_atom) */
  if (elt->kind == HS_EXPR_STARRED)
    return hs_parse_invalid_syntax (p);
  if (!for_if_clauses (p, &g))
    return NULL;
  if (close != HS_T_ERROR && !hs_parse_expect (p, close))
    return NULL;
  HsExpr *e = hs_parse_new_expr (p, k, hs_parse_span (p, start));
  e->u.comp.elt = elt;
  e->u.comp.key = key;
  e->u.comp.generators = g.items;
  e->u.comp.n_generators = g.n;
  return e;
}

/* CPython's `!(NAME STRING | SOFT_KEYWORD)` before "Perhaps you forgot a comma?": a name
 * directly followed by a string, or an expression starting with a soft keyword. */
static gboolean
comma_hint_excluded (Parser *p, int start)
{
  HsToken *first = hs_lexer_token (p->ts, start);
  return hs_parse_is_soft_keyword (first)
         || (first->kind == HS_T_NAME && hs_lexer_token (p->ts, start + 1)->kind == HS_T_STRING);
}

static int
expr_start_index (Parser *p, HsExpr *e)
{
  for (int i = p->pos - 1; i >= 0; i--)
    if (hs_lexer_token (p->ts, i)->lineno == e->pos.lineno
        && hs_lexer_token (p->ts, i)->col == e->pos.col_offset)
      return i;
  return p->pos;
}

/* After an element inside brackets: "Perhaps you forgot a comma?" or "invalid syntax". */
static void *
sequence_error (Parser *p, HsExpr *prev)
{
  /* a starred item is `'*' bitwise_or`, which has no invalid_expression */
  if (prev && prev->kind != HS_EXPR_STARRED && !p->no_invalid
      && hs_parse_starts_expression (kind (p)) && !p->failed
      && !comma_hint_excluded (p, expr_start_index (p, prev)))
    {
      HsExpr *next = hs_parse_speculate_expression (p);
      if (next)
        {
          hs_parse_error_span (p, "SyntaxError", hs_parse_join_pos (prev->pos, next->pos),
                               g_strdup ("invalid syntax. Perhaps you forgot a comma?"));
          return NULL;
        }
    }
  return hs_parse_invalid_syntax (p);
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
  HsExpr *e = hs_parse_new_expr (p, k, hs_parse_span (p, start));
  e->u.seq.elts = hs_parse_to_exprs (p, elts);
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
      if ((first = yield_expr (p)) && hs_parse_expect (p, HS_T_RPAR))
        r = first;
    }
  else if (!(first = star_named_expression (p)))
    ;
  else if (kind (p) == HS_T_KW_FOR || kind (p) == HS_T_KW_ASYNC)
    r = comprehension (p, HS_EXPR_GENEXP, start, first, NULL, HS_T_RPAR);
  else if (accept (p, HS_T_RPAR))
    {
      if (first->kind == HS_EXPR_STARRED)
        hs_parse_error_span (p, "SyntaxError", first->pos,
                             g_strdup ("cannot use starred expression here"));
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

/* CPython's invalid_kvpair errors: raised in the rule's action, so they stand also inside
 * expression_without_invalid (`x = 1 {2:}` is not "invalid syntax"). */
static void *
dict_error (Parser *p, HsPos pos, const char *msg)
{
  hs_parse_error_span (p, "SyntaxError", pos, g_strdup (msg));
  p->hard_failure = TRUE;
  return NULL;
}

/* A dict item's value, after its ':'. */
static HsExpr *
dict_value (Parser *p, HsToken *colon)
{
  if (kind (p) == HS_T_RBRACE || kind (p) == HS_T_COMMA)
    return dict_error (p, hs_parse_tok_pos (colon),
                       "expression expected after dictionary key and ':'");
  if (kind (p) == HS_T_STAR)
    {
      HsPos star = hs_parse_tok_pos (advance (p));
      HsExpr *e = hs_parse_bitwise_or (p);
      return e ? dict_error (p, hs_parse_join_pos (star, e->pos),
                             "cannot use a starred expression in a dictionary value")
               : NULL;
    }
  return hs_parse_expression (p);
}

/* One dict item: key ':' value, or '**' bitwise_or (key NULL). */
static gboolean
dict_item (Parser *p, HsExpr **key, HsExpr **value)
{
  if (accept (p, HS_T_DOUBLESTAR))
    {
      *key = NULL;
      return (*value = hs_parse_bitwise_or (p)) != NULL;
    }
  /* a key after the first item: CPython 3.11 meets it first where the invalid rules are off
   * (its `expression` is memoised so, with all it holds), so a key that does not end at ':'
   * is invalid_kvpair's error at the end of what that reading found, never "Perhaps you
   * forgot a comma?" (`{1: 2, 3 if 4 else 5 6}` at 5, `{1: 2, f(5 6)}` at f); a key that
   * reading cannot make is read as usual (`{1: 2, (5 6)}` forgot a comma) */
  Mark m = hs_parse_mark (p);
  HsExpr *found = hs_parse_speculate_expression (p);
  if (found && kind (p) != HS_T_COLON)
    {
      hs_parse_error_last_char (p, found->pos, g_strdup ("':' expected after dictionary key"));
      p->hard_failure = TRUE; /* see dict_error */
      return FALSE;
    }
  hs_parse_reset (p, m);
  int plain = p->plain_expression_at;
  p->plain_expression_at = p->pos;
  *key = hs_parse_expression (p);
  p->plain_expression_at = plain;
  if (!*key)
    return FALSE;
  if (kind (p) != HS_T_COLON)
    {
      hs_parse_error_last_char (p, (*key)->pos, g_strdup ("':' expected after dictionary key"));
      p->hard_failure = TRUE; /* see dict_error */
      return FALSE;
    }
  return (*value = dict_value (p, advance (p))) != NULL;
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
  if (kind (p) != HS_T_RBRACE) /* after `**a` (a bitwise_or): no comma hint */
    return sequence_error (p, keys->pdata[keys->len - 1] ? values->pdata[values->len - 1] : NULL);
  advance (p);
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_DICT, hs_parse_span (p, start));
  e->u.dict.keys = hs_parse_to_exprs (p, keys);
  e->u.dict.values = hs_parse_to_exprs (p, values);
  return e;
}

static HsExpr *
brace_atom_inner (Parser *p, int start)
{
  g_autoptr (GPtrArray) elts = g_ptr_array_new ();
  HsExpr *key = NULL, *value = NULL;
  if (accept (p, HS_T_RBRACE))
    {
      HsExpr *e = hs_parse_new_expr (p, HS_EXPR_DICT, hs_parse_span (p, start));
      return e;
    }
  if (kind (p) == HS_T_DOUBLESTAR)
    return dict_item (p, &key, &value) ? dict_rest (p, start, NULL, value) : NULL;
  HsExpr *first = star_named_expression (p);
  if (!first)
    return NULL;
  if (kind (p) == HS_T_COLON && first->kind != HS_EXPR_STARRED)
    {
      if (!(value = dict_value (p, advance (p))))
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

HsExpr *
hs_parse_atom (Parser *p)
{
  HsToken *t = cur (p);
  HsExpr *e;
  switch (t->kind)
    {
      case HS_T_NAME:
        advance (p);
        return hs_parse_new_name (p, t, HS_CTX_LOAD);
      case HS_T_NUMBER:
        return hs_parse_number (p);
      case HS_T_STRING:
        /* CPython decodes literals in its actions, which fail in any pass */
        e = hs_parse_strings (p);
        p->hard_failure |= !e;
        return e;
      case HS_T_KW_NONE:
      case HS_T_KW_TRUE:
      case HS_T_KW_FALSE:
      case HS_T_ELLIPSIS:
        advance (p);
        e = hs_parse_new_constant (p,
                                   t->kind == HS_T_KW_NONE    ? HS_CONST_NONE
                                   : t->kind == HS_T_KW_TRUE  ? HS_CONST_TRUE
                                   : t->kind == HS_T_KW_FALSE ? HS_CONST_FALSE
                                                              : HS_CONST_ELLIPSIS,
                                   hs_parse_tok_pos (t));
        e->u.constant.text = hs_parse_tok_str (p, t);
        return e;
      case HS_T_LPAR:
      case HS_T_LSQB:
      case HS_T_LBRACE:
        {
          int levels = t->kind == HS_T_LPAR ? HS_LEVELS_PAREN : HS_LEVELS_DISPLAY;
          Mark m = hs_parse_mark (p);
          if (!hs_parse_enter (p, levels))
            return NULL;
          e = t->kind == HS_T_LPAR   ? paren_atom (p)
              : t->kind == HS_T_LSQB ? list_atom (p)
                                     : brace_atom (p);
          leave (p, levels);
          if (!e)
            hs_parse_retry_comprehension (p, m, invalid_comprehension, 3);
        }
        return e;
      default:
        return hs_parse_invalid_syntax (p);
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
/* CPython's invalid_kwarg alternative `a=NAME b='=' expression for_if_clauses`, tried before
 * a keyword argument: `print(x = 1 for x in y)` -> "invalid syntax. Maybe you meant '==' or
 * ':=' instead of '='?" from the name to the '='. Run by hs_parse_try_invalid. */
static void
invalid_kwarg_genexp (Parser *p, int alt)
{
  Generators g;
  HsToken *name = advance (p);
  HsToken *eq = advance (p);
  (void)alt;
  if (hs_parse_expression (p) && starts_for (p) && for_if_clauses (p, &g))
    hs_parse_error_span (p, "SyntaxError",
                         hs_parse_join_pos (hs_parse_tok_pos (name), hs_parse_tok_pos (eq)),
                         g_strdup ("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
}

static gboolean
call_arg (Parser *p, CallArgs *ca, gboolean *seen_kw, gboolean *seen_kwunpack)
{
  int start = p->pos;
  if (accept (p, HS_T_DOUBLESTAR))
    {
      HsExpr *v = hs_parse_expression (p);
      if (!v)
        return FALSE;
      HsKeyword k = make_keyword (NULL, v, hs_parse_span (p, start));
      g_array_append_val (ca->keywords, k);
      *seen_kwunpack = TRUE;
      return TRUE;
    }
  if (kind (p) == HS_T_STAR)
    {
      advance (p);
      HsExpr *v = hs_parse_expression (p);
      if (!v)
        return FALSE;
      HsExpr *s = hs_parse_new_expr (p, HS_EXPR_STARRED, hs_parse_span (p, start));
      s->u.starred.value = v;
      if (*seen_kwunpack)
        {
          hs_parse_error_tok (
              p, hs_lexer_token (p->ts, start),
              g_strdup ("iterable argument unpacking follows keyword argument unpacking"));
          return FALSE;
        }
      g_ptr_array_add (ca->args, s);
      return TRUE;
    }
  if (kind (p) == HS_T_NAME && peek_kind (p, 1) == HS_T_EQUAL)
    {
      if (!hs_parse_try_invalid (p, HS_INVALID_KWARG, invalid_kwarg_genexp, 1))
        return FALSE;
      HsToken *name = advance (p);
      advance (p);
      HsExpr *v = hs_parse_expression (p);
      if (!v)
        return FALSE;
      HsKeyword k = make_keyword (hs_parse_tok_str (p, name), v, hs_parse_span (p, start));
      g_array_append_val (ca->keywords, k);
      *seen_kw = TRUE;
      return TRUE;
    }
  HsExpr *e = named_expression (p, FALSE);
  if (!e)
    return FALSE;
  if (kind (p) == HS_T_EQUAL)
    {
      HsToken *eq = advance (p);
      hs_parse_error_span (
          p, "SyntaxError", hs_parse_join_pos (e->pos, hs_parse_tok_pos (eq)),
          g_strdup ("expression cannot contain assignment, perhaps you meant \"==\"?"));
      return FALSE;
    }
  if (*seen_kw || *seen_kwunpack)
    {
      hs_parse_error_tok (p, cur (p),
                          g_strdup (*seen_kwunpack
                                        ? "positional argument follows keyword argument "
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
            return hs_parse_invalid_syntax (p), FALSE;
          HsExpr *g
              = comprehension (p, HS_EXPR_GENEXP, sole ? open : arg_start, elt, NULL, HS_T_ERROR);
          if (!g)
            return FALSE;
          if (!sole || kind (p) != HS_T_RPAR)
            {
              if (kind (p) == HS_T_COMMA && peek_kind (p, 1) == HS_T_RPAR && sole)
                advance (p);
              else if (sole && kind (p) != HS_T_COMMA) /* f(x for x in y z) */
                return hs_parse_invalid_syntax (p), FALSE;
              else
                {
                  g->pos = hs_parse_span (p, arg_start);
                  hs_parse_error_span (p, "SyntaxError", g->pos,
                                       g_strdup ("Generator expression must be parenthesized"));
                  return FALSE;
                }
            }
          advance (p);
          g->pos = hs_parse_span (p, open);
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

HsExpr *
hs_parse_call (Parser *p, int start, HsExpr *func)
{
  int open = p->pos;
  advance (p);
  p->paren_depth++;
  CallArgs ca = { g_ptr_array_new (), g_array_new (FALSE, FALSE, sizeof (HsKeyword)) };
  HsExpr *e = NULL;
  gboolean ok = hs_parse_enter (p, HS_LEVELS_TRAILER) && call_args (p, open, &ca);
  leave (p, HS_LEVELS_TRAILER);
  if (ok)
    {
      e = hs_parse_new_expr (p, HS_EXPR_CALL, hs_parse_span (p, start));
      e->u.call.func = func;
      e->u.call.args = hs_parse_to_exprs (p, ca.args);
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
  if (kind (p) == HS_T_STAR) /* slices' starred_expression: '*' expression */
    return starred (p, hs_parse_expression);
  if (kind (p) != HS_T_COLON)
    {
      lower = hs_parse_named_expression (p);
      if (!lower || kind (p) != HS_T_COLON)
        return lower;
    }
  advance (p);
  HsExpr *s = hs_parse_new_expr (p, HS_EXPR_SLICE, hs_parse_span (p, start));
  s->u.slice.lower = lower;
  if (kind (p) != HS_T_COLON && kind (p) != HS_T_COMMA && kind (p) != HS_T_RSQB
      && !(s->u.slice.upper = hs_parse_expression (p)))
    return NULL;
  if (accept (p, HS_T_COLON) && kind (p) != HS_T_COMMA && kind (p) != HS_T_RSQB
      && !(s->u.slice.step = hs_parse_expression (p)))
    return NULL;
  s->pos = hs_parse_span (p, start);
  return s;
}

static HsExpr *
subscript (Parser *p, int start, HsExpr *value)
{
  advance (p);
  p->paren_depth++;
  int sstart = p->pos;
  HsExpr *first = hs_parse_enter (p, HS_LEVELS_TRAILER) ? slice (p) : NULL, *e = NULL, *sl = first;
  HsExpr *last = first;
  if (first && kind (p) == HS_T_COMMA)
    {
      g_autoptr (GPtrArray) elts = g_ptr_array_new ();
      g_ptr_array_add (elts, first);
      while (sl && accept (p, HS_T_COMMA) && kind (p) != HS_T_RSQB)
        if ((sl = slice (p)))
          g_ptr_array_add (elts, last = sl);
      sl = sl ? seq_node (p, HS_EXPR_TUPLE, sstart, elts) : NULL;
    }
  leave (p, HS_LEVELS_TRAILER);
  if (sl && kind (p) != HS_T_RSQB)
    sequence_error (p, last);
  else if (sl)
    {
      advance (p);
      e = hs_parse_new_expr (p, HS_EXPR_SUBSCRIPT, hs_parse_span (p, start));
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
  HsExpr *e = hs_parse_atom (p);
  while (e)
    {
      Mark m = hs_parse_mark (p);
      HsExpr *next = NULL;
      if (kind (p) == HS_T_DOT)
        {
          advance (p);
          if (kind (p) != HS_T_NAME)
            {
              hs_parse_invalid_syntax (p);
              return hs_parse_fall_back (p, m) ? e : NULL;
            }
          HsToken *name = advance (p);
          HsExpr *a = hs_parse_new_expr (p, HS_EXPR_ATTRIBUTE, hs_parse_span (p, start));
          a->u.attribute.value = e;
          a->u.attribute.attr = hs_parse_tok_str (p, name);
          next = a;
        }
      else if (kind (p) == HS_T_LPAR)
        {
          /* `primary genexp` comes first: `f(*a for a in b)` */
          if (peek_kind (p, 1) == HS_T_STAR
              && !hs_parse_try_invalid (p, HS_INVALID_COMPREHENSION, invalid_comprehension, 1))
            return NULL;
          next = hs_parse_call (p, start, e);
        }
      else if (kind (p) == HS_T_LSQB)
        next = subscript (p, start, e);
      else
        {
          /* CPython's `primary genexp`: no trailer starts with '{', but genexp's
           * invalid_comprehension reads one (`x = 1 {2 3}`) */
          if (kind (p) == HS_T_LBRACE
              && !hs_parse_try_invalid (p, HS_INVALID_COMPREHENSION, invalid_comprehension, 3))
            return NULL;
          break;
        }
      if (next)
        e = next;
      else
        return hs_parse_fall_back (p, m) ? e : NULL;
    }
  return e;
}

/* ---- operators ------------------------------------------------------------------------------ */

static HsExpr *factor (Parser *p);

HsExpr *
hs_parse_binop_node (Parser *p, int start, HsExpr *l, HsAstBinOp op, HsExpr *r)
{
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_BINOP, hs_parse_span (p, start));
  e->u.binop.left = l;
  e->u.binop.op = op;
  e->u.binop.right = r;
  return e;
}

HsExpr *
hs_parse_unaryop_node (Parser *p, int start, HsAstUnaryOp op, HsExpr *operand)
{
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_UNARYOP, hs_parse_span (p, start));
  e->u.unaryop.op = op;
  e->u.unaryop.operand = operand;
  return e;
}

static HsExpr *
power (Parser *p)
{
  int start = p->pos;
  if (kind (p) == HS_T_KW_AWAIT)
    {
      hs_parse_refuse_tok (p, cur (p), N_ ("'await' expressions"));
      return NULL;
    }
  HsExpr *l = primary (p);
  Mark m = hs_parse_mark (p);
  if (l && accept (p, HS_T_DOUBLESTAR))
    {
      /* `**` is right-associative: a long chain recurses here */
      if (!hs_parse_enter (p, HS_LEVELS_POWER))
        return NULL;
      HsExpr *r = factor (p);
      leave (p, HS_LEVELS_POWER);
      if (!r && hs_parse_fall_back (p, m))
        return l;
      return r ? hs_parse_binop_node (p, start, l, HS_OP_POW, r) : NULL;
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
  if (!hs_parse_enter (p, HS_LEVELS_RULE))
    return NULL;
  advance (p);
  HsExpr *operand = factor (p);
  leave (p, HS_LEVELS_RULE);
  if (!operand)
    return NULL;
  return hs_parse_unaryop_node (p, start,
                                k == HS_T_PLUS    ? HS_UOP_POS
                                : k == HS_T_MINUS ? HS_UOP_NEG
                                                  : HS_UOP_INVERT,
                                operand);
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
      Mark m = hs_parse_mark (p);
      advance (p);
      HsExpr *r = operand (p);
      if (!r && hs_parse_fall_back (p, m))
        break;
      l = r ? hs_parse_binop_node (p, start, l, ops[i].op, r) : NULL;
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

HsExpr *
hs_parse_bitwise_or (Parser *p)
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
  HsExpr *l = hs_parse_bitwise_or (p);
  if (!l)
    return NULL;
  GArray *ops = NULL;
  g_autoptr (GPtrArray) rights = g_ptr_array_new ();
  int op;
  for (Mark m = hs_parse_mark (p); (op = compare_op (p)) >= 0; m = hs_parse_mark (p))
    {
      HsExpr *r = hs_parse_bitwise_or (p);
      if (!r && hs_parse_fall_back (p, m))
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
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_COMPARE, hs_parse_span (p, start));
  e->u.compare.left = l;
  e->u.compare.ops = hs_ast_alloc (p->arena, ops->len * sizeof (HsAstCmpOp));
  copy_items (e->u.compare.ops, ops->data, ops->len * sizeof (HsAstCmpOp));
  e->u.compare.comparators = hs_parse_to_exprs (p, rights);
  g_array_unref (ops);
  return e;
}

static HsExpr *
inversion (Parser *p)
{
  if (kind (p) != HS_T_KW_NOT)
    return comparison (p);
  int start = p->pos;
  if (!hs_parse_enter (p, HS_LEVELS_RULE))
    return NULL;
  advance (p);
  HsExpr *operand = inversion (p);
  leave (p, HS_LEVELS_RULE);
  if (!operand)
    return NULL;
  return hs_parse_unaryop_node (p, start, HS_UOP_NOT, operand);
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
  for (Mark m = hs_parse_mark (p); accept (p, kw); m = hs_parse_mark (p))
    {
      HsExpr *e = operand (p);
      if (!e && hs_parse_fall_back (p, m))
        break;
      if (!e)
        return NULL;
      g_ptr_array_add (values, e);
    }
  if (values->len == 1)
    return first;
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_BOOLOP, hs_parse_span (p, start));
  e->u.boolop.is_and = kw == HS_T_KW_AND;
  e->u.boolop.values = hs_parse_to_exprs (p, values);
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
  a->name = hs_parse_tok_str (p, name);
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
    return hs_parse_invalid_syntax (p);
  HsToken *name = advance (p);
  HsExpr *ann = NULL;
  if (annotations && accept (p, HS_T_COLON))
    {
      ann = star_annotation && kind (p) == HS_T_STAR ? star_named_expression (p)
                                                     : hs_parse_expression (p);
      if (!ann)
        return NULL;
    }
  return new_arg (p, name, ann, hs_parse_span (p, start));
}

static gboolean
param_item (Parser *p, Params *ps, gboolean annotations, HsTokKind close)
{
  HsToken *t = cur (p);
  if (accept (p, HS_T_SLASH))
    {
      if (ps->slash_seen)
        return hs_parse_error_tok (p, t, g_strdup ("/ may appear only once")), FALSE;
      if (ps->star_seen)
        return hs_parse_error_tok (p, t, g_strdup ("/ must be ahead of *")), FALSE;
      if (ps->args->len == 0)
        return hs_parse_error_tok (p, t, g_strdup ("at least one argument must precede /")), FALSE;
      ps->slash_seen = TRUE;
      g_array_append_vals (ps->posonly, ps->args->data, ps->args->len);
      g_array_set_size (ps->args, 0);
      return TRUE;
    }
  if (accept (p, HS_T_STAR))
    {
      if (ps->star_seen)
        return hs_parse_error_tok (p, t, g_strdup ("* argument may appear only once")), FALSE;
      ps->star_seen = TRUE;
      if (kind (p) == HS_T_COMMA || kind (p) == close)
        {
          if (kind (p) == close || peek_kind (p, 1) == HS_T_DOUBLESTAR)
            return hs_parse_error_tok (p, t, g_strdup ("named arguments must follow bare *")),
                   FALSE;
          return TRUE;
        }
      return (ps->vararg = param (p, annotations, TRUE)) != NULL;
    }
  if (accept (p, HS_T_DOUBLESTAR))
    {
      if (!(ps->kwarg = param (p, annotations, FALSE)))
        return FALSE;
      if (kind (p) == HS_T_COMMA && peek_kind (p, 1) != close)
        return hs_parse_error_tok (p, hs_lexer_token (p->ts, p->pos + 1),
                                   g_strdup ("arguments cannot follow var-keyword argument")),
               FALSE;
      return TRUE;
    }
  HsArg *a = param (p, annotations, FALSE);
  if (!a)
    return FALSE;
  HsExpr *def = NULL;
  if (accept (p, HS_T_EQUAL))
    {
      /* CPython's lambda parameters take 6 rules more than a def's to reach the default */
      int levels = close == HS_T_COLON ? HS_LEVELS_LAMBDA_DEFAULT : 0;
      if (!hs_parse_enter (p, levels))
        return FALSE;
      def = hs_parse_expression (p);
      leave (p, levels);
      if (!def)
        return FALSE;
    }
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
    return hs_parse_error_span (p, "SyntaxError", a->pos,
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
HsArguments *
hs_parse_parameters (Parser *p, gboolean annotations, HsTokKind close)
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
        ok = (hs_parse_invalid_syntax (p), FALSE);
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
      r->defaults = hs_parse_to_exprs (p, ps.defaults);
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
  if (!hs_parse_enter (p, HS_LEVELS_LAMBDA))
    return NULL;
  HsArguments *args = hs_parse_parameters (p, FALSE, HS_T_COLON);
  HsExpr *body = args && hs_parse_expect (p, HS_T_COLON) ? hs_parse_expression (p) : NULL;
  leave (p, HS_LEVELS_LAMBDA);
  if (!body)
    return NULL;
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_LAMBDA, hs_parse_span (p, start));
  e->u.lambda.args = args;
  e->u.lambda.body = body;
  return e;
}

/* ---- expressions --------------------------------------------------------------------------- */

gboolean
hs_parse_is_soft_keyword (HsToken *t)
{
  gsize n = t->end - t->start;
  /* CPython 3.11's _PyPegen_soft_keyword_token compares strncmp (keyword, token, len (token)):
   * a name that begins a soft keyword is one too (`[c d]` is "invalid syntax", as `case`) */
  return t->kind == HS_T_NAME
         && ((n <= 5 && memcmp (t->start, "match", n) == 0)
             || (n <= 4 && memcmp (t->start, "case", n) == 0) || (n == 1 && *t->start == '_'));
}

static void
legacy_star_expressions (Parser *p, int alt)
{
  (void)alt;
  hs_parse_star_expressions (p);
}

/* invalid_legacy_expression's star_expressions after a name, read for the errors raised inside
 * it (a mismatch is no error). */
static void
try_legacy_expression (Parser *p)
{
  hs_parse_try_invalid (p, HS_INVALID_LEGACY, legacy_star_expressions, 1);
}

/* CPython's invalid_expression / invalid_legacy_expression, checked after a disjunction that
 * is directly followed by something that starts another expression. */
static void
check_juxtaposed (Parser *p, int start, HsExpr *a)
{
  if (p->no_invalid || !hs_parse_starts_expression (kind (p)) || p->failed)
    return;
  if (a->kind == HS_EXPR_NAME && p->pos == start + 1
      && (hs_parse_is_name (a, "print") || hs_parse_is_name (a, "exec")) && kind (p) != HS_T_LPAR)
    {
      HsExpr *b = hs_parse_speculate (p, hs_parse_star_expressions);
      if (b)
        hs_parse_error_span (
            p, "SyntaxError", hs_parse_join_pos (a->pos, b->pos),
            g_strdup_printf ("Missing parentheses in call to '%s'. Did you mean %s(...)?",
                             a->u.name.id, a->u.name.id));
      return;
    }
  if (comma_hint_excluded (p, start))
    {
      /* CPython's lookahead skips invalid_expression's first alternative there, so the
       * invalid rules are first tried after the name in invalid_legacy_expression's
       * `NAME !'(' star_expressions` (`x = a "b" {2 3}` finds `2 3`) */
      if (a->kind == HS_EXPR_NAME && p->pos == start + 1 && kind (p) != HS_T_LPAR)
        try_legacy_expression (p);
      return;
    }
  /* tried at any depth: like CPython's second pass, this looks ahead (max_pos), which decides
   * whether an unclosed bracket is reported instead */
  Mark m = hs_parse_mark (p);
  HsExpr *b = hs_parse_speculate_expression (p);
  hs_parse_reset (p, m);
  if (b && p->paren_depth > 0)
    hs_parse_error_span (p, "SyntaxError", hs_parse_join_pos (a->pos, b->pos),
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
  gboolean plain = start == p->plain_expression_at; /* see dict_item */
  if (kind (p) != HS_T_KW_IF)
    {
      if (!plain)
        check_juxtaposed (p, start, body);
      return p->failed ? NULL : body;
    }
  Mark m = hs_parse_mark (p);
  advance (p);
  HsExpr *test = disjunction (p);
  if (!test)
    return hs_parse_fall_back (p, m) ? body : NULL;
  if (plain && kind (p) != HS_T_KW_ELSE)
    {
      hs_parse_reset (p, m);
      return body;
    }
  if (!accept (p, HS_T_KW_ELSE))
    {
      if (kind (p) != HS_T_COLON)
        hs_parse_error_span (p, "SyntaxError", hs_parse_join_pos (body->pos, test->pos),
                             g_strdup ("expected 'else' after 'if' expression"));
      else
        hs_parse_invalid_syntax (p);
      return hs_parse_fall_back (p, m) ? body : NULL;
    }
  HsExpr *orelse = hs_parse_expression (p);
  if (!orelse)
    return hs_parse_fall_back (p, m) ? body : NULL;
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_IFEXP, hs_parse_span (p, start));
  e->u.ifexp.test = test;
  e->u.ifexp.body = body;
  e->u.ifexp.orelse = orelse;
  return e;
}

HsExpr *
hs_parse_expression (Parser *p)
{
  if (!hs_parse_enter (p, HS_LEVELS_RULE))
    return NULL;
  HsExpr *e = expression_inner (p);
  leave (p, HS_LEVELS_RULE);
  return e;
}

gboolean
hs_parse_is_bitwise_or_kind (HsExpr *e)
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

/* CPython's lookahead `!(list|tuple|genexp|'True'|'None'|'False')` before the bitwise_or of
 * invalid_named_expression: whether e (a bitwise_or) starts with one of these (`[1] + a`). */
static gboolean
starts_with_display (Parser *p, int start, HsExpr *e)
{
  HsTokKind first = hs_lexer_token (p->ts, start)->kind;
  if (first == HS_T_KW_TRUE || first == HS_T_KW_FALSE || first == HS_T_KW_NONE)
    return TRUE;
  for (HsExpr *x = e; x != NULL;)
    {
      if (x->pos.lineno != e->pos.lineno || x->pos.col_offset != e->pos.col_offset)
        return FALSE; /* `((a, b)).c`: the tuple starts inside the first bracket */
      switch (x->kind)
        {
          case HS_EXPR_LIST:
          case HS_EXPR_TUPLE:
          case HS_EXPR_GENEXP:
            return TRUE;
          case HS_EXPR_BINOP:
            x = x->u.binop.left;
            break;
          case HS_EXPR_ATTRIBUTE:
            x = x->u.attribute.value;
            break;
          case HS_EXPR_SUBSCRIPT:
            x = x->u.subscript.value;
            break;
          case HS_EXPR_CALL:
            x = x->u.call.func;
            break;
          default:
            return FALSE;
        }
    }
  return FALSE;
}

/* CPython's invalid_named_expression after the expression e (from token `start`) where its
 * grammar reads a named_expression with the invalid rules on (a display's item, a subscript,
 * a condition; not a call's argument):
 *   a=NAME '=' b=bitwise_or !('='|':=')
 *       -> "invalid syntax. Maybe you meant '==' or ':=' instead of '='?" from a to b
 *   !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
 *       -> "cannot assign to %s here. Maybe you meant '==' instead of '='?" at a
 * (`print({a = 2})`, `x = 1 {a = 2}`). Its ':=' alternative is hs_parse_named_expression's. */
static void
invalid_named_expression (Parser *p, int start, HsExpr *e)
{
  if (p->no_invalid || p->failed || kind (p) != HS_T_EQUAL || !hs_parse_is_bitwise_or_kind (e))
    return;
  Mark m = hs_parse_mark (p);
  advance (p);
  HsExpr *b = hs_parse_speculate (p, hs_parse_bitwise_or);
  gboolean ends = b != NULL && kind (p) != HS_T_EQUAL && kind (p) != HS_T_COLONEQUAL;
  hs_parse_reset (p, m);
  if (!ends)
    return;
  if (e->kind == HS_EXPR_NAME && p->pos == start + 1)
    hs_parse_error_span (p, "SyntaxError", hs_parse_join_pos (e->pos, b->pos),
                         g_strdup ("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
  else if (!starts_with_display (p, start, e))
    hs_parse_error_span (p, "SyntaxError", e->pos,
                         g_strdup_printf ("cannot assign to %s here. Maybe you meant '==' "
                                          "instead of '='?",
                                          hs_parse_expr_name (e)));
}

/* named_expression: NAME ':=' expression | expression !':=' (a call's argument is read so too,
 * but CPython's grammar has no invalid_named_expression there: `invalid` FALSE) */
static HsExpr *
named_expression (Parser *p, gboolean invalid)
{
  int start = p->pos;
  if (kind (p) == HS_T_NAME && peek_kind (p, 1) == HS_T_COLONEQUAL)
    {
      HsToken *name = advance (p);
      advance (p);
      HsExpr *value = hs_parse_expression (p);
      if (!value)
        return NULL;
      HsExpr *e = hs_parse_new_expr (p, HS_EXPR_NAMEDEXPR, hs_parse_span (p, start));
      e->u.namedexpr.target = hs_parse_new_name (p, name, HS_CTX_STORE);
      e->u.namedexpr.value = value;
      return e;
    }
  HsExpr *e = hs_parse_expression (p);
  if (e && kind (p) == HS_T_COLONEQUAL)
    {
      hs_parse_error_span (
          p, "SyntaxError", e->pos,
          g_strdup_printf ("cannot use assignment expressions with %s", hs_parse_expr_name (e)));
      return NULL;
    }
  if (e && invalid)
    invalid_named_expression (p, start, e);
  return p->failed ? NULL : e;
}

HsExpr *
hs_parse_named_expression (Parser *p)
{
  return named_expression (p, TRUE);
}

/* '*' value */
static HsExpr *
starred (Parser *p, HsExpr *(*value) (Parser *))
{
  int start = p->pos;
  advance (p);
  HsExpr *v = value (p);
  if (!v)
    return NULL;
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_STARRED, hs_parse_span (p, start));
  e->u.starred.value = v;
  return e;
}

static HsExpr *
star_named_expression (Parser *p)
{
  return kind (p) == HS_T_STAR ? starred (p, hs_parse_bitwise_or) : hs_parse_named_expression (p);
}

static HsExpr *
star_expression (Parser *p)
{
  return kind (p) == HS_T_STAR ? starred (p, hs_parse_bitwise_or) : hs_parse_expression (p);
}

/* Tokens that may follow an expression list and end it. */
gboolean
hs_parse_can_start_star_expression (HsTokKind k)
{
  return hs_parse_starts_expression (k) || k == HS_T_STAR;
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
  while (accept (p, HS_T_COMMA) && hs_parse_can_start_star_expression (kind (p)))
    {
      HsExpr *e = elem (p);
      if (!e)
        return NULL;
      g_ptr_array_add (elts, e);
    }
  return seq_node (p, HS_EXPR_TUPLE, start, elts);
}

HsExpr *
hs_parse_star_expressions (Parser *p)
{
  return expression_list (p, star_expression);
}

HsExpr *
hs_parse_star_named_expressions_list (Parser *p)
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
      HsExpr *v = hs_parse_expression (p);
      if (!v)
        return NULL;
      HsExpr *e = hs_parse_new_expr (p, HS_EXPR_YIELD_FROM, hs_parse_span (p, start));
      e->u.yield_.value = v;
      return e;
    }
  HsExpr *v = NULL;
  if (hs_parse_can_start_star_expression (kind (p)) && !(v = hs_parse_star_expressions (p)))
    return NULL;
  HsExpr *e = hs_parse_new_expr (p, HS_EXPR_YIELD, hs_parse_span (p, start));
  e->u.yield_.value = v;
  return e;
}

HsExpr *
hs_parse_yield_or_star_expressions (Parser *p)
{
  return kind (p) == HS_T_KW_YIELD ? yield_expr (p) : hs_parse_star_expressions (p);
}

/* Targets of `for` (statement and comprehension): star_targets, parsed at bitwise_or level so
 * that `in` ends them. */
HsExpr *
hs_parse_star_target (Parser *p)
{
  return kind (p) == HS_T_STAR ? starred (p, hs_parse_bitwise_or) : hs_parse_bitwise_or (p);
}

gboolean
hs_parse_comp_target (Parser *p, HsExpr **out)
{
  HsExpr *t = expression_list (p, hs_parse_star_target);
  if (!t)
    return FALSE;
  *out = t;
  return hs_parse_validate_target (p, t, T_FOR);
}
