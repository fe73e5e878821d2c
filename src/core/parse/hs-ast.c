/* hs-ast.c — the AST arena, syntax-error records and the `ast.dump()`-style dumper.
 *
 * Invariant: every node and string of one parse is carved out of the arena's chunks, so
 * freeing the arena frees the whole tree at once and nodes never own anything. The dumper
 * prints exactly what CPython 3.11's `ast.dump(tree)` prints for the same source, which is what
 * the parser tests compare against.
 */
#include "hs-ast.h"
#include "hs-recursion.h"
#include "hs-str.h"

#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (64 * 1024)

typedef struct _Chunk Chunk;
struct _Chunk
{
  Chunk *next;
  gsize used, size;
  /* data follows, 16-byte aligned (HEADER) */
};

struct _HsAstArena
{
  Chunk *chunks;
};

HsAstArena *
hs_ast_arena_new (void)
{
  return g_new0 (HsAstArena, 1);
}

void
hs_ast_arena_free (HsAstArena *arena)
{
  if (arena == NULL)
    return;
  for (Chunk *c = arena->chunks, *next; c != NULL; c = next)
    {
      next = c->next;
      g_free (c);
    }
  g_free (arena);
}

#define HEADER ((sizeof (Chunk) + 15) & ~(gsize)15)

void
hs_ast_arena_reset (HsAstArena *arena)
{
  Chunk *keep = NULL;
  for (Chunk *c = arena->chunks, *next; c != NULL; c = next)
    {
      next = c->next;
      if (keep == NULL && c->size == CHUNK_SIZE)
        keep = c; /* one chunk of the usual size is used again */
      else
        g_free (c);
    }
  if (keep != NULL)
    {
      keep->used = 0;
      keep->next = NULL;
    }
  arena->chunks = keep;
}

/* `size` bytes at a multiple of `align` (a power of two): nodes hold pointers (8), text
 * needs none, so that a one-letter name takes 2 bytes, not 16. */
static gpointer
arena_alloc (HsAstArena *arena, gsize size, gsize align)
{
  Chunk *c = arena->chunks;
  if (c != NULL)
    c->used = (c->used + align - 1) & ~(align - 1);
  if (c == NULL || c->used + size > c->size)
    {
      gsize cap = MAX (CHUNK_SIZE, size);
      c = g_malloc (HEADER + cap);
      c->used = 0;
      c->size = cap;
      c->next = arena->chunks;
      arena->chunks = c;
    }
  char *p = (char *)c + HEADER + c->used;
  c->used += size;
  return p;
}

gpointer
hs_ast_alloc (HsAstArena *arena, gsize size)
{
  return memset (arena_alloc (arena, size, sizeof (gpointer)), 0, size);
}

char *
hs_ast_strndup (HsAstArena *arena, const char *s, gsize len)
{
  char *p = arena_alloc (arena, len + 1, 1);
  memcpy (p, s, len);
  p[len] = '\0';
  return p;
}

void
hs_syntax_error_free (HsSyntaxError *err)
{
  if (err == NULL)
    return;
  g_free (err->type_name);
  g_free (err->msg);
  g_free (err->text);
  g_free (err->construct);
  g_free (err);
}

/* The byte column of the 1-based character column `col` of text (past its end, a byte a
 * character) */
static int
byte_column (const char *text, int col)
{
  const char *p = text;
  int chars = 0;
  while (*p != '\0' && chars < col - 1)
    {
      p = g_utf8_next_char (p);
      chars++;
    }
  return (int)(p - text) + (col - 1 - chars) + 1;
}

void
hs_syntax_error_columns_to_bytes (HsSyntaxError *err)
{
  if (err->text == NULL || err->offset <= 0)
    return;
  if (err->end_lineno == err->lineno && err->end_offset > 0)
    err->end_offset = byte_column (err->text, err->end_offset);
  err->offset = byte_column (err->text, err->offset);
}

/* ---- repr of constants, as Python prints them ------------------------------------------ */

/* Python's repr of the str s: str's own (hs-str-repr.c) */
static void
repr_str (GString *out, const char *s, gsize len)
{
  hs_str_repr_append_text (out, s, len);
}

static void
repr_bytes (GString *out, const char *s, gsize len)
{
  gboolean has_sq = memchr (s, '\'', len) != NULL, has_dq = memchr (s, '"', len) != NULL;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  g_string_append_c (out, 'b');
  g_string_append_c (out, q);
  for (gsize i = 0; i < len; i++)
    {
      unsigned char c = (unsigned char)s[i];
      if (c == (unsigned char)q || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c >= 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, q);
}

static char *
strip_underscores (const char *text)
{
  char *s = g_strdup (text), *w = s;
  for (const char *r = text; *r; r++)
    if (*r != '_')
      *w++ = *r;
  *w = 0;
  return s;
}

static void
repr_int (GString *out, const char *text)
{
  g_autofree char *s = strip_underscores (text);
  int base = 10;
  const char *digits = s;
  if (s[0] == '0' && s[1] != 0 && strchr ("xXoObB", s[1]))
    {
      base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
      digits = s + 2;
    }
  mpz_t z;
  mpz_init (z);
  mpz_set_str (z, digits, base);
  char *d = mpz_get_str (NULL, 10, z);
  g_string_append (out, d);
  void (*freefunc) (void *, size_t);
  mp_get_memory_functions (NULL, NULL, &freefunc);
  freefunc (d, strlen (d) + 1);
  mpz_clear (z);
}

/* Python's repr(float): the shortest digits that round-trip, fixed notation for exponents in
 * [-4, 16), scientific otherwise. */
static void
repr_double (GString *out, double v, gboolean complex_part)
{
  if (isinf (v))
    {
      g_string_append (out, v > 0 ? "inf" : "-inf");
      return;
    }
  if (isnan (v))
    {
      g_string_append (out, "nan");
      return;
    }
  char buf[64];
  for (int prec = 0; prec < 17; prec++)
    {
      g_snprintf (buf, sizeof buf, "%.*e", prec, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  /* buf is "-d.ddde[+-]XX": split digits and exponent */
  char *e = strchr (buf, 'e');
  int exp10 = atoi (e + 1);
  *e = 0;
  GString *digits = g_string_new (NULL);
  gboolean neg = buf[0] == '-';
  for (char *p = buf + neg; *p; p++)
    if (*p != '.')
      g_string_append_c (digits, *p);
  if (neg)
    g_string_append_c (out, '-');
  if (exp10 >= -4 && exp10 < 16)
    {
      if (exp10 < 0)
        {
          g_string_append (out, "0.");
          for (int i = 0; i < -exp10 - 1; i++)
            g_string_append_c (out, '0');
          g_string_append (out, digits->str);
        }
      else
        {
          for (int i = 0; i <= exp10; i++)
            g_string_append_c (out, i < (int)digits->len ? digits->str[i] : '0');
          if ((int)digits->len > exp10 + 1)
            g_string_append_printf (out, ".%s", digits->str + exp10 + 1);
          else if (!complex_part)
            g_string_append (out, ".0");
        }
    }
  else
    {
      g_string_append_c (out, digits->str[0]);
      if (digits->len > 1)
        g_string_append_printf (out, ".%s", digits->str + 1);
      g_string_append_printf (out, "e%c%02d", exp10 < 0 ? '-' : '+', ABS (exp10));
    }
  g_string_free (digits, TRUE);
}

void
hs_ast_repr_constant (GString *out, HsExpr *e)
{
  g_autofree char *s = NULL;
  switch (e->u.constant.kind)
    {
      case HS_CONST_NONE:
        g_string_append (out, "None");
        break;
      case HS_CONST_TRUE:
        g_string_append (out, "True");
        break;
      case HS_CONST_FALSE:
        g_string_append (out, "False");
        break;
      case HS_CONST_ELLIPSIS:
        g_string_append (out, "Ellipsis");
        break;
      case HS_CONST_INT:
        repr_int (out, e->u.constant.text);
        break;
      case HS_CONST_FLOAT:
        s = strip_underscores (e->u.constant.text);
        repr_double (out, g_ascii_strtod (s, NULL), FALSE);
        break;
      case HS_CONST_IMAG:
        s = strip_underscores (e->u.constant.text);
        repr_double (out, g_ascii_strtod (s, NULL), TRUE);
        g_string_append_c (out, 'j');
        break;
      case HS_CONST_STR:
        repr_str (out, e->u.constant.value, e->u.constant.len);
        break;
      case HS_CONST_BYTES:
        repr_bytes (out, e->u.constant.value, e->u.constant.len);
        break;
    }
}

/* ---- the dumper ------------------------------------------------------------------------ */

typedef struct
{
  GString *out;
  gboolean attrs;
} Dumper;

static void dump_expr (Dumper *d, HsExpr *e);
static void dump_stmts (Dumper *d, HsStmtList *l);

static void
dump_pos (Dumper *d, HsPos *p)
{
  if (d->attrs)
    g_string_append_printf (d->out, ", lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
                            p->lineno, p->col_offset, p->end_lineno, p->end_col_offset);
}

/* Like dump_pos for a node whose field list is empty ("Pass()" vs "Pass(lineno=...)"). */
static void
dump_pos_only (Dumper *d, HsPos *p)
{
  if (d->attrs)
    g_string_append_printf (d->out, "lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
                            p->lineno, p->col_offset, p->end_lineno, p->end_col_offset);
}

static void
dump_exprs (Dumper *d, HsExpr **items, int n)
{
  g_string_append_c (d->out, '[');
  for (int i = 0; i < n; i++)
    {
      if (i)
        g_string_append (d->out, ", ");
      if (items[i])
        dump_expr (d, items[i]);
      else
        g_string_append (d->out, "None");
    }
  g_string_append_c (d->out, ']');
}

static void
dump_list (Dumper *d, HsExprList *l)
{
  dump_exprs (d, l->items, l->len);
}

static void
dump_str_or_none (Dumper *d, const char *s)
{
  if (s)
    repr_str (d->out, s, strlen (s));
  else
    g_string_append (d->out, "None");
}

static const char *const binop_names[] = {
  "Add",    "Sub",    "Mult",  "Div",    "FloorDiv", "Mod",     "Pow",
  "LShift", "RShift", "BitOr", "BitXor", "BitAnd",   "MatMult",
};
static const char *const unop_names[] = { "Not", "USub", "UAdd", "Invert" };
static const char *const cmpop_names[]
    = { "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn" };
static const char *const ctx_names[] = { "Load()", "Store()", "Del()" };

static void
dump_arg (Dumper *d, HsArg *a)
{
  g_string_append (d->out, "arg(arg=");
  dump_str_or_none (d, a->name);
  if (a->annotation)
    {
      g_string_append (d->out, ", annotation=");
      dump_expr (d, a->annotation);
    }
  dump_pos (d, &a->pos);
  g_string_append_c (d->out, ')');
}

static void
dump_args_array (Dumper *d, HsArg *a, int n)
{
  g_string_append_c (d->out, '[');
  for (int i = 0; i < n; i++)
    {
      if (i)
        g_string_append (d->out, ", ");
      dump_arg (d, &a[i]);
    }
  g_string_append_c (d->out, ']');
}

static void
dump_arguments (Dumper *d, HsArguments *a)
{
  g_string_append (d->out, "arguments(posonlyargs=");
  dump_args_array (d, a->posonlyargs, a->n_posonly);
  g_string_append (d->out, ", args=");
  dump_args_array (d, a->args, a->n_args);
  if (a->vararg)
    {
      g_string_append (d->out, ", vararg=");
      dump_arg (d, a->vararg);
    }
  g_string_append (d->out, ", kwonlyargs=");
  dump_args_array (d, a->kwonlyargs, a->n_kwonly);
  g_string_append (d->out, ", kw_defaults=");
  dump_exprs (d, a->kw_defaults, a->n_kwonly);
  if (a->kwarg)
    {
      g_string_append (d->out, ", kwarg=");
      dump_arg (d, a->kwarg);
    }
  g_string_append (d->out, ", defaults=");
  dump_list (d, &a->defaults);
  g_string_append_c (d->out, ')');
}

static void
dump_keywords (Dumper *d, HsKeyword *k, int n)
{
  g_string_append_c (d->out, '[');
  for (int i = 0; i < n; i++)
    {
      if (i)
        g_string_append (d->out, ", ");
      g_string_append (d->out, "keyword(");
      if (k[i].arg)
        {
          g_string_append (d->out, "arg=");
          dump_str_or_none (d, k[i].arg);
          g_string_append (d->out, ", ");
        }
      g_string_append (d->out, "value=");
      dump_expr (d, k[i].value);
      dump_pos (d, &k[i].pos);
      g_string_append_c (d->out, ')');
    }
  g_string_append_c (d->out, ']');
}

static void
dump_generators (Dumper *d, HsComprehension *g, int n)
{
  g_string_append_c (d->out, '[');
  for (int i = 0; i < n; i++)
    {
      if (i)
        g_string_append (d->out, ", ");
      g_string_append (d->out, "comprehension(target=");
      dump_expr (d, g[i].target);
      g_string_append (d->out, ", iter=");
      dump_expr (d, g[i].iter);
      g_string_append (d->out, ", ifs=");
      dump_list (d, &g[i].ifs);
      g_string_append_printf (d->out, ", is_async=%d)", g[i].is_async ? 1 : 0);
    }
  g_string_append_c (d->out, ']');
}

static void
dump_comp (Dumper *d, const char *name, HsExpr *e)
{
  g_string_append_printf (d->out, "%s(", name);
  if (e->kind == HS_EXPR_DICTCOMP)
    {
      g_string_append (d->out, "key=");
      dump_expr (d, e->u.comp.key);
      g_string_append (d->out, ", value=");
    }
  else
    g_string_append (d->out, "elt=");
  dump_expr (d, e->u.comp.elt);
  g_string_append (d->out, ", generators=");
  dump_generators (d, e->u.comp.generators, e->u.comp.n_generators);
}

/* Writes "Kind(fields" for e; the caller's common tail adds positions and ')'. */
static void
dump_expr_fields (Dumper *d, HsExpr *e)
{
  GString *o = d->out;
  switch (e->kind)
    {
      case HS_EXPR_BOOLOP:
        g_string_append_printf (o, "BoolOp(op=%s(), values=", e->u.boolop.is_and ? "And" : "Or");
        dump_list (d, &e->u.boolop.values);
        break;
      case HS_EXPR_NAMEDEXPR:
        g_string_append (o, "NamedExpr(target=");
        dump_expr (d, e->u.namedexpr.target);
        g_string_append (o, ", value=");
        dump_expr (d, e->u.namedexpr.value);
        break;
      case HS_EXPR_BINOP:
        g_string_append (o, "BinOp(left=");
        dump_expr (d, e->u.binop.left);
        g_string_append_printf (o, ", op=%s(), right=", binop_names[e->u.binop.op]);
        dump_expr (d, e->u.binop.right);
        break;
      case HS_EXPR_UNARYOP:
        g_string_append_printf (o, "UnaryOp(op=%s(), operand=", unop_names[e->u.unaryop.op]);
        dump_expr (d, e->u.unaryop.operand);
        break;
      case HS_EXPR_LAMBDA:
        g_string_append (o, "Lambda(args=");
        dump_arguments (d, e->u.lambda.args);
        g_string_append (o, ", body=");
        dump_expr (d, e->u.lambda.body);
        break;
      case HS_EXPR_IFEXP:
        g_string_append (o, "IfExp(test=");
        dump_expr (d, e->u.ifexp.test);
        g_string_append (o, ", body=");
        dump_expr (d, e->u.ifexp.body);
        g_string_append (o, ", orelse=");
        dump_expr (d, e->u.ifexp.orelse);
        break;
      case HS_EXPR_DICT:
        g_string_append (o, "Dict(keys=");
        dump_list (d, &e->u.dict.keys);
        g_string_append (o, ", values=");
        dump_list (d, &e->u.dict.values);
        break;
      case HS_EXPR_SET:
        g_string_append (o, "Set(elts=");
        dump_list (d, &e->u.seq.elts);
        break;
      case HS_EXPR_LISTCOMP:
        dump_comp (d, "ListComp", e);
        break;
      case HS_EXPR_SETCOMP:
        dump_comp (d, "SetComp", e);
        break;
      case HS_EXPR_DICTCOMP:
        dump_comp (d, "DictComp", e);
        break;
      case HS_EXPR_GENEXP:
        dump_comp (d, "GeneratorExp", e);
        break;
      case HS_EXPR_YIELD:
      case HS_EXPR_YIELD_FROM:
        g_string_append (o, e->kind == HS_EXPR_YIELD ? "Yield(" : "YieldFrom(");
        if (e->u.yield_.value)
          {
            g_string_append (o, "value=");
            dump_expr (d, e->u.yield_.value);
          }
        else
          {
            dump_pos_only (d, &e->pos);
            g_string_append_c (o, ')');
            return;
          }
        break;
      case HS_EXPR_COMPARE:
        g_string_append (o, "Compare(left=");
        dump_expr (d, e->u.compare.left);
        g_string_append (o, ", ops=[");
        for (int i = 0; i < e->u.compare.comparators.len; i++)
          g_string_append_printf (o, "%s%s()", i ? ", " : "", cmpop_names[e->u.compare.ops[i]]);
        g_string_append (o, "], comparators=");
        dump_list (d, &e->u.compare.comparators);
        break;
      case HS_EXPR_CALL:
        g_string_append (o, "Call(func=");
        dump_expr (d, e->u.call.func);
        g_string_append (o, ", args=");
        dump_list (d, &e->u.call.args);
        g_string_append (o, ", keywords=");
        dump_keywords (d, e->u.call.keywords, e->u.call.n_keywords);
        break;
      case HS_EXPR_FORMATTED:
        g_string_append (o, "FormattedValue(value=");
        dump_expr (d, e->u.formatted.value);
        g_string_append_printf (o, ", conversion=%d", e->u.formatted.conversion);
        if (e->u.formatted.format_spec)
          {
            g_string_append (o, ", format_spec=");
            dump_expr (d, e->u.formatted.format_spec);
          }
        break;
      case HS_EXPR_JOINEDSTR:
        g_string_append (o, "JoinedStr(values=");
        dump_list (d, &e->u.seq.elts);
        break;
      case HS_EXPR_CONSTANT:
        g_string_append (o, "Constant(value=");
        hs_ast_repr_constant (o, e);
        if (e->u.constant.is_u)
          g_string_append (o, ", kind='u'");
        break;
      case HS_EXPR_ATTRIBUTE:
        g_string_append (o, "Attribute(value=");
        dump_expr (d, e->u.attribute.value);
        g_string_append (o, ", attr=");
        dump_str_or_none (d, e->u.attribute.attr);
        g_string_append_printf (o, ", ctx=%s", ctx_names[e->u.attribute.ctx]);
        break;
      case HS_EXPR_SUBSCRIPT:
        g_string_append (o, "Subscript(value=");
        dump_expr (d, e->u.subscript.value);
        g_string_append (o, ", slice=");
        dump_expr (d, e->u.subscript.slice);
        g_string_append_printf (o, ", ctx=%s", ctx_names[e->u.subscript.ctx]);
        break;
      case HS_EXPR_STARRED:
        g_string_append (o, "Starred(value=");
        dump_expr (d, e->u.starred.value);
        g_string_append_printf (o, ", ctx=%s", ctx_names[e->u.starred.ctx]);
        break;
      case HS_EXPR_NAME:
        g_string_append (o, "Name(id=");
        dump_str_or_none (d, e->u.name.id);
        g_string_append_printf (o, ", ctx=%s", ctx_names[e->u.name.ctx]);
        break;
      case HS_EXPR_LIST:
      case HS_EXPR_TUPLE:
        g_string_append (o, e->kind == HS_EXPR_LIST ? "List(elts=" : "Tuple(elts=");
        dump_list (d, &e->u.seq.elts);
        g_string_append_printf (o, ", ctx=%s", ctx_names[e->u.seq.ctx]);
        break;
      case HS_EXPR_SLICE:
        {
          const char *sep = "";
          g_string_append (o, "Slice(");
          HsExpr *parts[3] = { e->u.slice.lower, e->u.slice.upper, e->u.slice.step };
          const char *names[3] = { "lower", "upper", "step" };
          for (int i = 0; i < 3; i++)
            if (parts[i])
              {
                g_string_append_printf (o, "%s%s=", sep, names[i]);
                dump_expr (d, parts[i]);
                sep = ", ";
              }
          if (*sep == 0)
            {
              dump_pos_only (d, &e->pos);
              g_string_append_c (o, ')');
              return;
            }
          break;
        }
    }
  dump_pos (d, &e->pos);
  g_string_append_c (o, ')');
}

static void
dump_expr (Dumper *d, HsExpr *e)
{
  /* a tree the parser built as deep as the C stack allowed is shown cut */
  if (hs_stack_exhausted ())
    g_string_append (d->out, "...");
  else
    dump_expr_fields (d, e);
}

static void
dump_names (Dumper *d, char **names, int n)
{
  g_string_append_c (d->out, '[');
  for (int i = 0; i < n; i++)
    {
      if (i)
        g_string_append (d->out, ", ");
      dump_str_or_none (d, names[i]);
    }
  g_string_append_c (d->out, ']');
}

static void
dump_aliases (Dumper *d, HsAlias *a, int n)
{
  g_string_append_c (d->out, '[');
  for (int i = 0; i < n; i++)
    {
      if (i)
        g_string_append (d->out, ", ");
      g_string_append (d->out, "alias(name=");
      dump_str_or_none (d, a[i].name);
      if (a[i].asname)
        {
          g_string_append (d->out, ", asname=");
          dump_str_or_none (d, a[i].asname);
        }
      dump_pos (d, &a[i].pos);
      g_string_append_c (d->out, ')');
    }
  g_string_append_c (d->out, ']');
}

static void
dump_handlers (Dumper *d, HsExceptHandler *h, int n)
{
  g_string_append_c (d->out, '[');
  for (int i = 0; i < n; i++)
    {
      if (i)
        g_string_append (d->out, ", ");
      g_string_append (d->out, "ExceptHandler(");
      if (h[i].type)
        {
          g_string_append (d->out, "type=");
          dump_expr (d, h[i].type);
          g_string_append (d->out, ", ");
        }
      if (h[i].name)
        {
          g_string_append (d->out, "name=");
          dump_str_or_none (d, h[i].name);
          g_string_append (d->out, ", ");
        }
      g_string_append (d->out, "body=");
      dump_stmts (d, &h[i].body);
      dump_pos (d, &h[i].pos);
      g_string_append_c (d->out, ')');
    }
  g_string_append_c (d->out, ']');
}

static void
dump_body_orelse (Dumper *d, HsStmtList *body, HsStmtList *orelse)
{
  g_string_append (d->out, ", body=");
  dump_stmts (d, body);
  g_string_append (d->out, ", orelse=");
  dump_stmts (d, orelse);
}

static void
dump_funcdef (Dumper *d, HsStmt *s)
{
  GString *o = d->out;
  g_string_append (o, s->u.funcdef.is_async ? "AsyncFunctionDef(name=" : "FunctionDef(name=");
  dump_str_or_none (d, s->u.funcdef.name);
  g_string_append (o, ", args=");
  dump_arguments (d, s->u.funcdef.args);
  g_string_append (o, ", body=");
  dump_stmts (d, &s->u.funcdef.body);
  g_string_append (o, ", decorator_list=");
  dump_list (d, &s->u.funcdef.decorators);
  if (s->u.funcdef.returns)
    {
      g_string_append (o, ", returns=");
      dump_expr (d, s->u.funcdef.returns);
    }
}

static void
dump_classdef (Dumper *d, HsStmt *s)
{
  GString *o = d->out;
  g_string_append (o, "ClassDef(name=");
  dump_str_or_none (d, s->u.classdef.name);
  g_string_append (o, ", bases=");
  dump_list (d, &s->u.classdef.bases);
  g_string_append (o, ", keywords=");
  dump_keywords (d, s->u.classdef.keywords, s->u.classdef.n_keywords);
  g_string_append (o, ", body=");
  dump_stmts (d, &s->u.classdef.body);
  g_string_append (o, ", decorator_list=");
  dump_list (d, &s->u.classdef.decorators);
}

static void
dump_with (Dumper *d, HsStmt *s)
{
  GString *o = d->out;
  g_string_append (o, "With(items=[");
  for (int i = 0; i < s->u.with_.n_items; i++)
    {
      g_string_append (o, i ? ", withitem(context_expr=" : "withitem(context_expr=");
      dump_expr (d, s->u.with_.items[i].context_expr);
      if (s->u.with_.items[i].optional_vars)
        {
          g_string_append (o, ", optional_vars=");
          dump_expr (d, s->u.with_.items[i].optional_vars);
        }
      g_string_append_c (o, ')');
    }
  g_string_append (o, "], body=");
  dump_stmts (d, &s->u.with_.body);
}

static void dump_pattern (Dumper *d, HsPattern *pat);

static void
dump_patterns (Dumper *d, HsPatternList *l)
{
  g_string_append_c (d->out, '[');
  for (int i = 0; i < l->len; i++)
    {
      if (i)
        g_string_append (d->out, ", ");
      dump_pattern (d, l->items[i]);
    }
  g_string_append_c (d->out, ']');
}

static void
dump_pattern (Dumper *d, HsPattern *pat)
{
  GString *o = d->out;
  switch (pat->kind)
    {
      case HS_PAT_VALUE:
        g_string_append (o, "MatchValue(value=");
        dump_expr (d, pat->u.value);
        break;
      case HS_PAT_SINGLETON:
        g_string_append_printf (o, "MatchSingleton(value=%s",
                                pat->u.singleton == HS_CONST_NONE   ? "None"
                                : pat->u.singleton == HS_CONST_TRUE ? "True"
                                                                    : "False");
        break;
      case HS_PAT_SEQUENCE:
      case HS_PAT_OR:
        g_string_append (o,
                         pat->kind == HS_PAT_OR ? "MatchOr(patterns=" : "MatchSequence(patterns=");
        dump_patterns (d, &pat->u.patterns);
        break;
      case HS_PAT_MAPPING:
        g_string_append (o, "MatchMapping(keys=");
        dump_list (d, &pat->u.mapping.keys);
        g_string_append (o, ", patterns=");
        dump_patterns (d, &pat->u.mapping.patterns);
        if (pat->u.mapping.rest)
          {
            g_string_append (o, ", rest=");
            dump_str_or_none (d, pat->u.mapping.rest);
          }
        break;
      case HS_PAT_CLASS:
        g_string_append (o, "MatchClass(cls=");
        dump_expr (d, pat->u.cls.cls);
        g_string_append (o, ", patterns=");
        dump_patterns (d, &pat->u.cls.patterns);
        g_string_append (o, ", kwd_attrs=");
        dump_names (d, pat->u.cls.kwd_attrs, pat->u.cls.kwd_patterns.len);
        g_string_append (o, ", kwd_patterns=");
        dump_patterns (d, &pat->u.cls.kwd_patterns);
        break;
      case HS_PAT_STAR:
      case HS_PAT_AS:
        {
          g_string_append (o, pat->kind == HS_PAT_STAR ? "MatchStar(" : "MatchAs(");
          HsPattern *inner = pat->kind == HS_PAT_AS ? pat->u.as.pattern : NULL;
          const char *name = pat->kind == HS_PAT_AS ? pat->u.as.name : pat->u.name;
          if (inner)
            {
              g_string_append (o, "pattern=");
              dump_pattern (d, inner);
            }
          if (name)
            {
              g_string_append (o, inner ? ", name=" : "name=");
              dump_str_or_none (d, name);
            }
          if (!inner && !name)
            {
              dump_pos_only (d, &pat->pos);
              g_string_append_c (o, ')');
              return;
            }
          break;
        }
    }
  dump_pos (d, &pat->pos);
  g_string_append_c (o, ')');
}

static void
dump_match (Dumper *d, HsStmt *s)
{
  GString *o = d->out;
  g_string_append (o, "Match(subject=");
  dump_expr (d, s->u.match.subject);
  g_string_append (o, ", cases=[");
  for (int i = 0; i < s->u.match.n_cases; i++)
    {
      HsMatchCase *mc = &s->u.match.cases[i];
      g_string_append (o, i ? ", match_case(pattern=" : "match_case(pattern=");
      dump_pattern (d, mc->pattern);
      if (mc->guard)
        {
          g_string_append (o, ", guard=");
          dump_expr (d, mc->guard);
        }
      g_string_append (o, ", body=");
      dump_stmts (d, &mc->body);
      g_string_append_c (o, ')');
    }
  g_string_append_c (o, ']');
}

static void
dump_simple_stmt (Dumper *d, HsStmt *s)
{
  GString *o = d->out;
  switch (s->kind)
    {
      case HS_STMT_RETURN:
        g_string_append (o, "Return(");
        if (s->u.value)
          {
            g_string_append (o, "value=");
            dump_expr (d, s->u.value);
            dump_pos (d, &s->pos);
          }
        else
          dump_pos_only (d, &s->pos);
        g_string_append_c (o, ')');
        return;
      case HS_STMT_DELETE:
        g_string_append (o, "Delete(targets=");
        dump_list (d, &s->u.targets);
        break;
      case HS_STMT_ASSIGN:
        g_string_append (o, "Assign(targets=");
        dump_list (d, &s->u.assign.targets);
        g_string_append (o, ", value=");
        dump_expr (d, s->u.assign.value);
        break;
      case HS_STMT_AUGASSIGN:
        g_string_append (o, "AugAssign(target=");
        dump_expr (d, s->u.augassign.target);
        g_string_append_printf (o, ", op=%s(), value=", binop_names[s->u.augassign.op]);
        dump_expr (d, s->u.augassign.value);
        break;
      case HS_STMT_ANNASSIGN:
        g_string_append (o, "AnnAssign(target=");
        dump_expr (d, s->u.annassign.target);
        g_string_append (o, ", annotation=");
        dump_expr (d, s->u.annassign.annotation);
        if (s->u.annassign.value)
          {
            g_string_append (o, ", value=");
            dump_expr (d, s->u.annassign.value);
          }
        g_string_append_printf (o, ", simple=%d", s->u.annassign.simple ? 1 : 0);
        break;
      case HS_STMT_RAISE:
        g_string_append (o, "Raise(");
        if (!s->u.raise.exc && !s->u.raise.cause)
          {
            dump_pos_only (d, &s->pos);
            g_string_append_c (o, ')');
            return;
          }
        if (s->u.raise.exc)
          {
            g_string_append (o, "exc=");
            dump_expr (d, s->u.raise.exc);
          }
        if (s->u.raise.cause)
          {
            g_string_append (o, s->u.raise.exc ? ", cause=" : "cause=");
            dump_expr (d, s->u.raise.cause);
          }
        break;
      case HS_STMT_ASSERT:
        g_string_append (o, "Assert(test=");
        dump_expr (d, s->u.assert_.test);
        if (s->u.assert_.msg)
          {
            g_string_append (o, ", msg=");
            dump_expr (d, s->u.assert_.msg);
          }
        break;
      case HS_STMT_IMPORT:
        g_string_append (o, "Import(names=");
        dump_aliases (d, s->u.import.names, s->u.import.n_names);
        break;
      case HS_STMT_IMPORTFROM:
        g_string_append (o, "ImportFrom(");
        if (s->u.import.module)
          {
            g_string_append (o, "module=");
            dump_str_or_none (d, s->u.import.module);
            g_string_append (o, ", ");
          }
        g_string_append (o, "names=");
        dump_aliases (d, s->u.import.names, s->u.import.n_names);
        g_string_append_printf (o, ", level=%d", s->u.import.level);
        break;
      case HS_STMT_GLOBAL:
      case HS_STMT_NONLOCAL:
        g_string_append (o, s->kind == HS_STMT_GLOBAL ? "Global(names=" : "Nonlocal(names=");
        dump_names (d, s->u.names.names, s->u.names.n_names);
        break;
      case HS_STMT_EXPR:
        g_string_append (o, "Expr(value=");
        dump_expr (d, s->u.value);
        break;
      default:
        g_string_append (o, s->kind == HS_STMT_PASS    ? "Pass("
                            : s->kind == HS_STMT_BREAK ? "Break("
                                                       : "Continue(");
        dump_pos_only (d, &s->pos);
        g_string_append_c (o, ')');
        return;
    }
  dump_pos (d, &s->pos);
  g_string_append_c (o, ')');
}

static void
dump_stmt (Dumper *d, HsStmt *s)
{
  GString *o = d->out;
  switch (s->kind)
    {
      case HS_STMT_FUNCTIONDEF:
        dump_funcdef (d, s);
        break;
      case HS_STMT_CLASSDEF:
        dump_classdef (d, s);
        break;
      case HS_STMT_FOR:
        g_string_append (o, s->u.for_.is_async ? "AsyncFor(target=" : "For(target=");
        dump_expr (d, s->u.for_.target);
        g_string_append (o, ", iter=");
        dump_expr (d, s->u.for_.iter);
        dump_body_orelse (d, &s->u.for_.body, &s->u.for_.orelse);
        break;
      case HS_STMT_WHILE:
      case HS_STMT_IF:
        g_string_append (o, s->kind == HS_STMT_WHILE ? "While(test=" : "If(test=");
        dump_expr (d, s->u.if_.test);
        dump_body_orelse (d, &s->u.if_.body, &s->u.if_.orelse);
        break;
      case HS_STMT_TRY:
        g_string_append (o, "Try(body=");
        dump_stmts (d, &s->u.try_.body);
        g_string_append (o, ", handlers=");
        dump_handlers (d, s->u.try_.handlers, s->u.try_.n_handlers);
        g_string_append (o, ", orelse=");
        dump_stmts (d, &s->u.try_.orelse);
        g_string_append (o, ", finalbody=");
        dump_stmts (d, &s->u.try_.finalbody);
        break;
      case HS_STMT_WITH:
        dump_with (d, s);
        break;
      case HS_STMT_MATCH:
        dump_match (d, s);
        break;
      default:
        dump_simple_stmt (d, s);
        return;
    }
  dump_pos (d, &s->pos);
  g_string_append_c (o, ')');
}

static void
dump_stmts (Dumper *d, HsStmtList *l)
{
  g_string_append_c (d->out, '[');
  for (int i = 0; i < l->len; i++)
    {
      if (i)
        g_string_append (d->out, ", ");
      dump_stmt (d, l->items[i]);
    }
  g_string_append_c (d->out, ']');
}

char *
hs_ast_dump_full (HsModule *m, gboolean include_attributes)
{
  g_return_val_if_fail (m != NULL, NULL);
  Dumper d = { g_string_new ("Module(body="), include_attributes };
  dump_stmts (&d, &m->body);
  g_string_append (d.out, ", type_ignores=[])");
  return g_string_free (d.out, FALSE);
}

char *
hs_ast_dump (HsModule *m)
{
  return hs_ast_dump_full (m, FALSE);
}
