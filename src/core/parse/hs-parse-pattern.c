/* hs-parse-pattern.c — the patterns of a `match` statement's cases (PEP 634), following the
 * pattern rules of CPython 3.11's grammar (Grammar/python.gram, `patterns` to `keyword_pattern`).
 *
 * Invariant: a rule that does not match returns NULL with `p->failed` unset and the position
 * where it started (a soft failure: the caller tries its next alternative, as a PEG parser
 * does); NULL with `p->failed` set is an error raised where CPython raises it in any pass
 * (a complex literal's operand, an `as` target, a decoding error in a string) and ends the
 * parse. Lookaheads peek exactly the tokens CPython's rules peek, because an "invalid syntax"
 * error is reported at the furthest token looked at (hs_parse_case_pattern's caller).
 */
#include "hs-parser-private.h"

static HsPattern *pattern (Parser *p);
static HsPattern *closed_pattern (Parser *p);

static HsPattern *
new_pattern (Parser *p, HsPatternKind k, HsPos pos)
{
  HsPattern *pat = hs_ast_alloc (p->arena, sizeof (HsPattern));
  pat->kind = k;
  pat->pos = pos;
  return pat;
}

static HsPatternList
to_patterns (Parser *p, GPtrArray *a)
{
  HsPatternList l = { NULL, (int)a->len };
  if (a->len)
    {
      l.items = hs_ast_alloc (p->arena, a->len * sizeof (HsPattern *));
      copy_items (l.items, a->pdata, a->len * sizeof (HsPattern *));
    }
  return l;
}

/* A soft failure: back to `start`, nothing reported. */
static void *
no_match (Parser *p, int start)
{
  p->pos = start;
  return NULL;
}

static gboolean
is_wildcard_tok (HsToken *t)
{
  return t->kind == HS_T_NAME && t->end - t->start == 1 && *t->start == '_';
}

/* !('.' | '(' | '=') after a name */
static gboolean
ends_name (Parser *p)
{
  HsTokKind k = kind (p);
  return k != HS_T_DOT && k != HS_T_LPAR && k != HS_T_EQUAL;
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=') — the name, or NULL */
static char *
capture_target (Parser *p)
{
  int start = p->pos;
  if (kind (p) != HS_T_NAME || is_wildcard_tok (cur (p)))
    return NULL;
  HsToken *t = advance (p);
  if (!ends_name (p))
    return no_match (p, start);
  return hs_parse_tok_str (p, t);
}

/* ---- literals ---------------------------------------------------------------------------- */

static gboolean
is_imaginary (HsExpr *e)
{
  return e->u.constant.kind == HS_CONST_IMAG;
}

/* signed_number: NUMBER | '-' NUMBER */
static HsExpr *
signed_number (Parser *p)
{
  int start = p->pos;
  gboolean neg = accept (p, HS_T_MINUS);
  if (kind (p) != HS_T_NUMBER)
    return no_match (p, start);
  HsExpr *num = hs_parse_number (p);
  if (!neg)
    return num;
  return hs_parse_unaryop_node (p, start, HS_UOP_NEG, num);
}

/* signed_number !('+' | '-') | complex_number, where complex_number is
 * signed_real_number ('+' | '-') imaginary_number */
static HsExpr *
number_literal (Parser *p)
{
  int start = p->pos;
  HsExpr *real = signed_number (p);
  if (real == NULL || (kind (p) != HS_T_PLUS && kind (p) != HS_T_MINUS))
    return real;
  HsExpr *num = real->kind == HS_EXPR_UNARYOP ? real->u.unaryop.operand : real;
  if (is_imaginary (num))
    {
      hs_parse_error_span (p, "SyntaxError", num->pos,
                           g_strdup ("real number required in complex literal"));
      return NULL;
    }
  HsTokKind op = advance (p)->kind;
  if (kind (p) != HS_T_NUMBER)
    return no_match (p, start);
  HsExpr *imag = hs_parse_number (p);
  if (!is_imaginary (imag))
    {
      hs_parse_error_span (p, "SyntaxError", imag->pos,
                           g_strdup ("imaginary number required in complex literal"));
      return NULL;
    }
  return hs_parse_binop_node (p, start, real, op == HS_T_PLUS ? HS_OP_ADD : HS_OP_SUB, imag);
}

/* literal_expr without the singletons: a number, a complex literal or strings */
static HsExpr *
value_literal (Parser *p)
{
  HsTokKind k = kind (p);
  if (k == HS_T_NUMBER || k == HS_T_MINUS)
    return number_literal (p);
  if (k == HS_T_STRING)
    return hs_parse_strings (p);
  return NULL;
}

static HsExpr *
singleton_constant (Parser *p)
{
  HsToken *t = advance (p);
  HsExpr *e = hs_parse_new_constant (p,
                                     t->kind == HS_T_KW_NONE   ? HS_CONST_NONE
                                     : t->kind == HS_T_KW_TRUE ? HS_CONST_TRUE
                                                               : HS_CONST_FALSE,
                                     hs_parse_tok_pos (t));
  e->u.constant.text = hs_parse_tok_str (p, t);
  return e;
}

static gboolean
is_singleton_tok (HsTokKind k)
{
  return k == HS_T_KW_NONE || k == HS_T_KW_TRUE || k == HS_T_KW_FALSE;
}

/* name_or_attr: NAME ('.' NAME)* — a Name or an Attribute chain (Load) */
static HsExpr *
name_or_attr (Parser *p)
{
  int start = p->pos;
  HsExpr *e = hs_parse_new_name (p, advance (p), HS_CTX_LOAD);
  while (kind (p) == HS_T_DOT && peek_kind (p, 1) == HS_T_NAME)
    {
      advance (p);
      HsToken *name = advance (p);
      HsExpr *a = hs_parse_new_expr (p, HS_EXPR_ATTRIBUTE, hs_parse_span (p, start));
      a->u.attribute.value = e;
      a->u.attribute.attr = hs_parse_tok_str (p, name);
      e = a;
    }
  return e;
}

/* ---- class patterns ---------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *args, *kwd_attrs, *kwd_patterns;
} ClassArgs;

/* keyword_pattern: NAME '=' pattern */
static gboolean
keyword_pattern (Parser *p, ClassArgs *a)
{
  int start = p->pos;
  if (kind (p) != HS_T_NAME || peek_kind (p, 1) != HS_T_EQUAL)
    return FALSE;
  HsToken *name = advance (p);
  advance (p);
  HsPattern *value = pattern (p);
  if (value == NULL)
    return no_match (p, start), FALSE;
  g_ptr_array_add (a->kwd_attrs, hs_parse_tok_str (p, name));
  g_ptr_array_add (a->kwd_patterns, value);
  return TRUE;
}

/* CPython's invalid_class_pattern: positional patterns after keyword ones, reported from the
 * first to the last of them. */
static void
positional_after_keyword (Parser *p)
{
  HsPattern *first = pattern (p), *last = first;
  while (last != NULL && kind (p) == HS_T_COMMA)
    {
      int comma = p->pos;
      advance (p);
      HsPattern *next = pattern (p);
      if (next == NULL)
        {
          p->pos = comma;
          break;
        }
      last = next;
    }
  if (first != NULL && !p->failed)
    hs_parse_error_span (p, "SyntaxError", hs_parse_join_pos (first->pos, last->pos),
                         g_strdup ("positional patterns follow keyword patterns"));
}

/* '(' [positional_patterns] [keyword_patterns] [','] ')' after name_or_attr */
static gboolean
class_args (Parser *p, ClassArgs *a)
{
  advance (p);
  while (kind (p) != HS_T_RPAR)
    {
      if (keyword_pattern (p, a))
        ;
      else if (p->failed)
        return FALSE;
      else if (a->kwd_attrs->len > 0)
        {
          /* a positional pattern after a keyword one: CPython's second pass names it */
          int at = p->pos;
          positional_after_keyword (p);
          p->pos = p->failed ? p->pos : at;
          return FALSE;
        }
      else
        {
          HsPattern *arg = pattern (p);
          if (arg == NULL)
            return FALSE;
          g_ptr_array_add (a->args, arg);
        }
      if (!accept (p, HS_T_COMMA))
        break;
    }
  return accept (p, HS_T_RPAR);
}

static HsPattern *
class_pattern (Parser *p, int start, HsExpr *cls)
{
  ClassArgs a = { g_ptr_array_new (), g_ptr_array_new (), g_ptr_array_new () };
  HsPattern *pat = NULL;
  if (class_args (p, &a))
    {
      pat = new_pattern (p, HS_PAT_CLASS, hs_parse_span (p, start));
      pat->u.cls.cls = cls;
      pat->u.cls.patterns = to_patterns (p, a.args);
      pat->u.cls.kwd_patterns = to_patterns (p, a.kwd_patterns);
      pat->u.cls.kwd_attrs = hs_ast_alloc (p->arena, (a.kwd_attrs->len + 1) * sizeof (char *));
      copy_items (pat->u.cls.kwd_attrs, a.kwd_attrs->pdata, a.kwd_attrs->len * sizeof (char *));
    }
  g_ptr_array_free (a.args, TRUE);
  g_ptr_array_free (a.kwd_attrs, TRUE);
  g_ptr_array_free (a.kwd_patterns, TRUE);
  return pat != NULL || p->failed ? pat : no_match (p, start);
}

/* ---- sequences and mappings -------------------------------------------------------------- */

/* star_pattern: '*' (pattern_capture_target | wildcard_pattern) */
static HsPattern *
star_pattern (Parser *p)
{
  int start = p->pos;
  advance (p);
  char *name = capture_target (p);
  if (name == NULL)
    {
      if (!is_wildcard_tok (cur (p)))
        return no_match (p, start);
      advance (p);
    }
  HsPattern *pat = new_pattern (p, HS_PAT_STAR, hs_parse_span (p, start));
  pat->u.name = name;
  return pat;
}

static HsPattern *
maybe_star_pattern (Parser *p)
{
  return kind (p) == HS_T_STAR ? star_pattern (p) : pattern (p);
}

/* ','.maybe_star_pattern+ [','] after `first` (already in `items`), up to the token that
 * does not start another item. */
static gboolean
more_items (Parser *p, GPtrArray *items)
{
  while (kind (p) == HS_T_COMMA)
    {
      int comma = p->pos;
      advance (p);
      HsPattern *next = maybe_star_pattern (p);
      if (next == NULL)
        {
          if (p->failed)
            return FALSE;
          /* the trailing comma */
          p->pos = comma + 1;
          break;
        }
      g_ptr_array_add (items, next);
    }
  return TRUE;
}

static HsPattern *
sequence_node (Parser *p, int start, GPtrArray *items)
{
  HsPattern *pat = new_pattern (p, HS_PAT_SEQUENCE, hs_parse_span (p, start));
  pat->u.patterns = to_patterns (p, items);
  return pat;
}

/* '[' maybe_sequence_pattern? ']' */
static HsPattern *
list_pattern (Parser *p)
{
  int start = p->pos;
  advance (p);
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  if (kind (p) != HS_T_RSQB)
    {
      HsPattern *first = maybe_star_pattern (p);
      if (first == NULL)
        return p->failed ? NULL : no_match (p, start);
      g_ptr_array_add (items, first);
      if (!more_items (p, items))
        return NULL;
    }
  if (!accept (p, HS_T_RSQB))
    return no_match (p, start);
  return sequence_node (p, start, items);
}

/* group_pattern: '(' pattern ')' | '(' open_sequence_pattern? ')' */
static HsPattern *
paren_pattern (Parser *p)
{
  int start = p->pos;
  advance (p);
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  if (accept (p, HS_T_RPAR))
    return sequence_node (p, start, items);
  HsPattern *first = maybe_star_pattern (p);
  if (first == NULL)
    return p->failed ? NULL : no_match (p, start);
  if (first->kind != HS_PAT_STAR && accept (p, HS_T_RPAR))
    return first;
  if (kind (p) != HS_T_COMMA)
    return no_match (p, start);
  g_ptr_array_add (items, first);
  if (!more_items (p, items))
    return NULL;
  if (!accept (p, HS_T_RPAR))
    return no_match (p, start);
  return sequence_node (p, start, items);
}

/* key_value_pattern: (literal_expr | attr) ':' pattern */
static gboolean
key_value_pattern (Parser *p, GPtrArray *keys, GPtrArray *values)
{
  int start = p->pos;
  HsExpr *key = NULL;
  if (is_singleton_tok (kind (p)))
    key = singleton_constant (p);
  else if (kind (p) == HS_T_NAME)
    {
      key = name_or_attr (p);
      if (key->kind != HS_EXPR_ATTRIBUTE)
        return no_match (p, start), FALSE;
    }
  else
    key = value_literal (p);
  if (key == NULL || !accept (p, HS_T_COLON))
    return p->failed ? FALSE : (no_match (p, start), FALSE);
  HsPattern *value = pattern (p);
  if (value == NULL)
    return p->failed ? FALSE : (no_match (p, start), FALSE);
  g_ptr_array_add (keys, key);
  g_ptr_array_add (values, value);
  return TRUE;
}

/* mapping_pattern: '{' [items_pattern] [',' '**' target] [','] '}' (as CPython's four
 * alternatives) */
static HsPattern *
mapping_pattern (Parser *p)
{
  int start = p->pos;
  advance (p);
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  char *rest = NULL;
  while (kind (p) != HS_T_RBRACE)
    {
      if (accept (p, HS_T_DOUBLESTAR))
        {
          rest = capture_target (p);
          if (rest == NULL)
            return no_match (p, start);
          accept (p, HS_T_COMMA);
          break;
        }
      if (!key_value_pattern (p, keys, values))
        return p->failed ? NULL : no_match (p, start);
      if (!accept (p, HS_T_COMMA))
        break;
    }
  if (!accept (p, HS_T_RBRACE))
    return no_match (p, start);
  HsPattern *pat = new_pattern (p, HS_PAT_MAPPING, hs_parse_span (p, start));
  pat->u.mapping.keys = hs_parse_to_exprs (p, keys);
  pat->u.mapping.patterns = to_patterns (p, values);
  pat->u.mapping.rest = rest;
  return pat;
}

/* ---- closed, or, as ---------------------------------------------------------------------- */

static HsPattern *
value_pattern (Parser *p, HsExpr *value)
{
  HsPattern *pat = new_pattern (p, HS_PAT_VALUE, value->pos);
  pat->u.value = value;
  return pat;
}

/* A pattern starting with a NAME: capture, wildcard, value (dotted name) or class. */
static HsPattern *
name_pattern (Parser *p)
{
  int start = p->pos;
  HsToken *t = cur (p);
  if (is_wildcard_tok (t))
    {
      advance (p);
      return new_pattern (p, HS_PAT_AS, hs_parse_tok_pos (t));
    }
  char *name = capture_target (p);
  if (name != NULL)
    {
      HsPattern *pat = new_pattern (p, HS_PAT_AS, hs_parse_tok_pos (t));
      pat->u.as.name = name;
      return pat;
    }
  HsExpr *e = name_or_attr (p);
  if (kind (p) == HS_T_LPAR)
    return class_pattern (p, start, e);
  if (e->kind == HS_EXPR_ATTRIBUTE && ends_name (p))
    return value_pattern (p, e);
  return no_match (p, start);
}

static HsPattern *
closed_pattern_inner (Parser *p)
{
  HsToken *t = cur (p);
  switch (t->kind)
    {
      case HS_T_NUMBER:
      case HS_T_MINUS:
      case HS_T_STRING:
        {
          HsExpr *v = value_literal (p);
          return v != NULL ? value_pattern (p, v) : NULL;
        }
      case HS_T_KW_NONE:
      case HS_T_KW_TRUE:
      case HS_T_KW_FALSE:
        {
          HsPattern *pat = new_pattern (p, HS_PAT_SINGLETON, hs_parse_tok_pos (t));
          pat->u.singleton = singleton_constant (p)->u.constant.kind;
          return pat;
        }
      case HS_T_NAME:
        return name_pattern (p);
      case HS_T_LPAR:
        return paren_pattern (p);
      case HS_T_LSQB:
        return list_pattern (p);
      case HS_T_LBRACE:
        return mapping_pattern (p);
      default:
        return NULL;
    }
}

static HsPattern *
closed_pattern (Parser *p)
{
  if (!hs_parse_enter (p, HS_LEVELS_RULE))
    return NULL;
  HsPattern *pat = closed_pattern_inner (p);
  leave (p, HS_LEVELS_RULE);
  return pat;
}

/* or_pattern: '|'.closed_pattern+ */
static HsPattern *
or_pattern (Parser *p)
{
  int start = p->pos;
  HsPattern *first = closed_pattern (p);
  if (first == NULL || kind (p) != HS_T_VBAR)
    return first;
  g_autoptr (GPtrArray) alts = g_ptr_array_new ();
  g_ptr_array_add (alts, first);
  while (kind (p) == HS_T_VBAR)
    {
      int bar = p->pos;
      advance (p);
      HsPattern *next = closed_pattern (p);
      if (next == NULL)
        {
          if (p->failed)
            return NULL;
          p->pos = bar;
          break;
        }
      g_ptr_array_add (alts, next);
    }
  if (alts->len == 1)
    return first;
  HsPattern *pat = new_pattern (p, HS_PAT_OR, hs_parse_span (p, start));
  pat->u.patterns = to_patterns (p, alts);
  return pat;
}

/* pattern: or_pattern 'as' pattern_capture_target | or_pattern, with CPython's
 * invalid_as_pattern errors */
static HsPattern *
pattern (Parser *p)
{
  int start = p->pos;
  HsPattern *inner = or_pattern (p);
  if (inner == NULL || kind (p) != HS_T_KW_AS)
    return inner;
  int as = p->pos;
  advance (p);
  HsToken *t = cur (p);
  char *name = capture_target (p);
  if (name == NULL)
    {
      if (is_wildcard_tok (t))
        {
          hs_parse_error_tok (p, t, g_strdup ("cannot use '_' as a target"));
          return NULL;
        }
      if (t->kind != HS_T_NAME)
        {
          HsExpr *target = hs_parse_speculate (p, hs_parse_expression);
          if (target != NULL)
            {
              hs_parse_error_span (p, "SyntaxError", target->pos,
                                   g_strdup ("invalid pattern target"));
              return NULL;
            }
        }
      p->pos = as;
      return inner;
    }
  HsPattern *pat = new_pattern (p, HS_PAT_AS, hs_parse_span (p, start));
  pat->u.as.pattern = inner;
  pat->u.as.name = name;
  return pat;
}

/* patterns: open_sequence_pattern | pattern — what follows `case`. NULL without an error
 * when it does not match (the caller reports "invalid syntax" at the furthest token). */
HsPattern *
hs_parse_case_pattern (Parser *p)
{
  int start = p->pos;
  HsPattern *first = maybe_star_pattern (p);
  if (first == NULL || kind (p) != HS_T_COMMA)
    return first == NULL || first->kind == HS_PAT_STAR ? no_match (p, start) : first;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  g_ptr_array_add (items, first);
  if (!more_items (p, items))
    return NULL;
  return sequence_node (p, start, items);
}
