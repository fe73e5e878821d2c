/* hs-compile.c — the compiler: symbol analysis, code generation and assembly.
 *
 * Invariant: one Unit per scope being compiled (the module, or a def); its instructions
 * refer to labels until assembly, which (1) resolves labels to instruction indices,
 * (2) gives position-less instructions the line of their predecessor, (3) inserts an
 * HS_OP_LINE before every instruction that starts a new line or is a jump target, and
 * (4) computes the maximum stack depth. The first error is kept and later code is
 * discarded, so every visitor may simply return once c->error is set.
 *
 * Scopes: a def's locals are its parameters and every name it binds (assignment,
 * for-target, del, def) unless declared `global`; they live in fast slots. Everything
 * else resolves through the module's globals, then the builtins. Nested defs that read
 * an enclosing def's locals would need closures, which the subset rejects by name.
 */
#include "config.h"

#include <string.h>

#include "hs-compile.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

#define NO_LABEL (-1)

typedef struct
{
  guint32 op;
  guint32 arg;
  gboolean is_jump; /* arg is a label until assembly */
  HsCodePos pos;
} Instr;

typedef struct
{
  gboolean is_for;
  int cont;
  int brk;
} Loop;

typedef struct _Unit Unit;
struct _Unit
{
  Unit *parent;
  GArray *instrs; /* Instr */
  GArray *labels; /* int: instruction index or NO_LABEL */
  GPtrArray *consts;
  GHashTable *const_map; /* GBytes key -> index + 1 */
  GPtrArray *names;      /* char * */
  GHashTable *name_map;  /* char * -> index + 1 */
  GPtrArray *varnames;   /* char * */
  GHashTable *local_map; /* char * -> index + 1 */
  GHashTable *global_decl;
  GPtrArray *children; /* HsCode * */
  GArray *loops;       /* Loop */
  gboolean is_function;
  char *name;
  char *qualname;
  int firstlineno;
  int nparams;
  HsCodePos cur; /* position given to the instructions being emitted */
};

typedef struct
{
  HsVM *vm;
  const char *source;
  gsize len;
  const char *filename;
  GArray *line_starts; /* gsize: byte offset of each line (index 0 = line 1) */
  HsSyntaxError *error;
  Unit *u;
} Compiler;

static void visit_expr (Compiler *c, HsExpr *e);
static void visit_stmts (Compiler *c, HsStmtList *body);
static void visit_store (Compiler *c, HsExpr *target);

/* ---- errors ---------------------------------------------------------------------- */

static char *
line_text (Compiler *c, int lineno)
{
  if (lineno < 1 || (guint)lineno > c->line_starts->len)
    return NULL;
  gsize start = g_array_index (c->line_starts, gsize, lineno - 1);
  gsize end = start;
  while (end < c->len && c->source[end] != '\n')
    end++;
  if (end < c->len)
    end++; /* CPython's SyntaxError.text keeps the newline */
  return g_strndup (c->source + start, end - start);
}

static int
char_offset (const char *line, int byte_col)
{
  if (line == NULL)
    return byte_col;
  int n = (int)strlen (line);
  if (byte_col > n)
    return byte_col;
  return (int)g_utf8_strlen (line, byte_col);
}

static void error_at (Compiler *c, const char *type_name, HsPos pos, const char *fmt, ...)
    G_GNUC_PRINTF (4, 5);

static void
error_at (Compiler *c, const char *type_name, HsPos pos, const char *fmt, ...)
{
  if (c->error != NULL)
    return;
  va_list ap;
  va_start (ap, fmt);
  HsSyntaxError *err = g_new0 (HsSyntaxError, 1);
  err->type_name = g_strdup (type_name);
  err->msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  err->lineno = pos.lineno;
  err->end_lineno = pos.end_lineno;
  err->text = line_text (c, pos.lineno);
  err->offset = char_offset (err->text, pos.col_offset) + 1;
  err->end_offset = pos.end_lineno == pos.lineno ? char_offset (err->text, pos.end_col_offset) + 1
                                                 : err->offset + 1;
  c->error = err;
}

static void
unsupported (Compiler *c, HsPos pos, const char *what)
{
  error_at (c, "NotImplementedError", pos, "%s %s not supported by Heapscope yet (line %d)", what,
            g_str_has_suffix (what, "s") ? "are" : "is", pos.lineno);
}

/* ---- units ----------------------------------------------------------------------- */

static guint
bytes_hash (gconstpointer k)
{
  return g_bytes_hash (k);
}

static Unit *
unit_new (Unit *parent, const char *name, gboolean is_function, int firstlineno)
{
  Unit *u = g_new0 (Unit, 1);
  u->parent = parent;
  u->instrs = g_array_new (FALSE, FALSE, sizeof (Instr));
  u->labels = g_array_new (FALSE, FALSE, sizeof (int));
  u->consts = g_ptr_array_new ();
  u->const_map
      = g_hash_table_new_full (bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
  u->names = g_ptr_array_new_with_free_func (g_free);
  u->name_map = g_hash_table_new (g_str_hash, g_str_equal);
  u->varnames = g_ptr_array_new_with_free_func (g_free);
  u->local_map = g_hash_table_new (g_str_hash, g_str_equal);
  u->global_decl = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  u->children = g_ptr_array_new ();
  u->loops = g_array_new (FALSE, FALSE, sizeof (Loop));
  u->is_function = is_function;
  u->name = g_strdup (name);
  u->qualname = parent != NULL && parent->is_function
                    ? g_strdup_printf ("%s.<locals>.%s", parent->qualname, name)
                    : g_strdup (name);
  u->firstlineno = firstlineno;
  return u;
}

/* Frees a unit whose constants and children were not handed to a code object. */
static void
unit_free (HsVM *vm, Unit *u, gboolean release)
{
  if (release)
    {
      for (guint i = 0; i < u->consts->len; i++)
        hs_code_release_const (vm, u->consts->pdata[i]);
      for (guint i = 0; i < u->children->len; i++)
        hs_code_free (vm, u->children->pdata[i]);
    }
  g_array_free (u->instrs, TRUE);
  g_array_free (u->labels, TRUE);
  g_ptr_array_free (u->consts, TRUE);
  g_hash_table_destroy (u->const_map);
  g_ptr_array_free (u->names, TRUE);
  g_hash_table_destroy (u->name_map);
  g_ptr_array_free (u->varnames, TRUE);
  g_hash_table_destroy (u->local_map);
  g_hash_table_destroy (u->global_decl);
  g_ptr_array_free (u->children, TRUE);
  g_array_free (u->loops, TRUE);
  g_free (u->name);
  g_free (u->qualname);
  g_free (u);
}

static int
new_label (Compiler *c)
{
  int none = NO_LABEL;
  g_array_append_val (c->u->labels, none);
  return (int)c->u->labels->len - 1;
}

static void
bind_label (Compiler *c, int label)
{
  g_array_index (c->u->labels, int, label) = (int)c->u->instrs->len;
}

static void
emit_at (Compiler *c, HsOpcode op, guint32 arg, HsCodePos pos)
{
  Instr in = { op, arg, FALSE, pos };
  g_array_append_val (c->u->instrs, in);
}

static void
emit (Compiler *c, HsOpcode op, guint32 arg)
{
  emit_at (c, op, arg, c->u->cur);
}

static void
emit_jump (Compiler *c, HsOpcode op, int label)
{
  Instr in = { op, (guint32)label, TRUE, c->u->cur };
  g_array_append_val (c->u->instrs, in);
}

/* An instruction with no line of its own (end-of-branch jumps, implicit returns). */
static void
emit_jump_noline (Compiler *c, HsOpcode op, int label)
{
  Instr in = { op, (guint32)label, TRUE, { -1, -1, -1, -1, -1, -1 } };
  g_array_append_val (c->u->instrs, in);
}

/* ---- positions ------------------------------------------------------------------- */

static HsCodePos
pos_plain (HsPos p)
{
  HsCodePos cp = { p.lineno, p.col_offset, p.end_lineno, p.end_col_offset, -1, -1 };
  return cp;
}

static const char *
line_ptr (Compiler *c, int lineno, gsize *len)
{
  if (lineno < 1 || (guint)lineno > c->line_starts->len)
    return NULL;
  gsize start = g_array_index (c->line_starts, gsize, lineno - 1);
  gsize end = start;
  while (end < c->len && c->source[end] != '\n')
    end++;
  *len = end - start;
  return c->source + start;
}

static gboolean
is_ws (char ch)
{
  return ch == ' ' || ch == '\t' || ch == '\f' || ch == '\n' || ch == '\r';
}

/* The caret anchors CPython 3.11 derives from a binary operation's segment: the
 * operator (skipping whitespace and closing parentheses of the left operand). */
static void
binop_anchors (Compiler *c, HsExpr *e, HsCodePos *cp)
{
  gsize len;
  const char *line = line_ptr (c, e->pos.lineno, &len);
  HsExpr *l = e->u.binop.left, *r = e->u.binop.right;
  if (line == NULL || l->pos.end_lineno != e->pos.lineno || r->pos.lineno != e->pos.lineno)
    return;
  for (int i = l->pos.end_col_offset; i < r->pos.col_offset && (gsize)i < len; i++)
    {
      if (is_ws (line[i]))
        continue;
      cp->anchor_left = i;
      cp->anchor_right = i + 1;
      if (i + 1 < r->pos.col_offset && !is_ws (line[i + 1]))
        cp->anchor_right++;
      if (i + 1 < r->pos.col_offset && line[i] == ')')
        continue;
      break;
    }
}

static void
subscript_anchors (Compiler *c, HsExpr *e, HsCodePos *cp)
{
  gsize len;
  const char *line = line_ptr (c, e->pos.lineno, &len);
  HsExpr *v = e->u.subscript.value, *s = e->u.subscript.slice;
  if (line == NULL || v->pos.end_lineno != e->pos.lineno || s->pos.end_lineno != e->pos.lineno)
    return;
  int end = MIN (e->pos.end_col_offset, (int)len);
  int left = v->pos.end_col_offset;
  int right = s->pos.end_col_offset + 1;
  while (left < end && line[left] != '[')
    left++;
  while (right < end && line[right] != ']')
    right++;
  if (right < end)
    right++;
  cp->anchor_left = left;
  cp->anchor_right = right;
}

static HsCodePos
pos_expr (Compiler *c, HsExpr *e)
{
  HsCodePos cp = pos_plain (e->pos);
  if (e->pos.lineno == e->pos.end_lineno)
    {
      if (e->kind == HS_EXPR_BINOP)
        binop_anchors (c, e, &cp);
      else if (e->kind == HS_EXPR_SUBSCRIPT)
        subscript_anchors (c, e, &cp);
    }
  return cp;
}

/* Sets the position of the instructions emitted next; returns the previous one. */
static HsCodePos
set_pos (Compiler *c, HsCodePos cp)
{
  HsCodePos old = c->u->cur;
  c->u->cur = cp;
  return old;
}

/* ---- constants and names --------------------------------------------------------- */

static int
add_const_keyed (Compiler *c, const char *kind, const char *data, gsize len, HsObject *obj)
{
  GByteArray *key = g_byte_array_new ();
  g_byte_array_append (key, (const guint8 *)kind, strlen (kind) + 1);
  g_byte_array_append (key, (const guint8 *)data, len);
  GBytes *k = g_byte_array_free_to_bytes (key);
  gpointer found = g_hash_table_lookup (c->u->const_map, k);
  if (found != NULL)
    {
      g_bytes_unref (k);
      if (obj != NULL)
        {
          hs_code_make_const (obj);
          hs_code_release_const (c->vm, obj);
        }
      return GPOINTER_TO_INT (found) - 1;
    }
  if (obj == NULL)
    {
      g_bytes_unref (k);
      return -1;
    }
  hs_code_make_const (obj);
  g_ptr_array_add (c->u->consts, obj);
  g_hash_table_insert (c->u->const_map, k, GINT_TO_POINTER (c->u->consts->len));
  return (int)c->u->consts->len - 1;
}

static int
const_singleton (Compiler *c, HsObject *obj, const char *kind)
{
  return add_const_keyed (c, kind, "", 0, obj);
}

static gboolean
all_name_chars (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '_')
      return FALSE;
  return TRUE;
}

static HsObject *
make_str_const (Compiler *c, const char *s, gsize len)
{
  if (all_name_chars (s, len))
    {
      char *z = g_strndup (s, len);
      HsObject *o = hs_str_intern_cstr (z);
      g_free (z);
      return o;
    }
  return hs_str_new (c->vm, s, len);
}

static int
const_str (Compiler *c, const char *s, gsize len)
{
  int idx = add_const_keyed (c, "s", s, len, NULL);
  if (idx >= 0)
    return idx;
  HsObject *o = make_str_const (c, s, len);
  if (o == NULL)
    {
      hs_err_clear (c->vm);
      return const_singleton (c, hs_None, "N");
    }
  return add_const_keyed (c, "s", s, len, o);
}

static int
const_none (Compiler *c)
{
  return const_singleton (c, hs_None, "N");
}

/* A tuple of interned strs (keyword names of a call). */
static int
const_names_tuple (Compiler *c, HsKeyword *kws, int n)
{
  GString *key = g_string_new (NULL);
  for (int i = 0; i < n; i++)
    g_string_append_printf (key, "%s,", kws[i].arg);
  int idx = add_const_keyed (c, "k", key->str, key->len, NULL);
  if (idx < 0)
    {
      HsObject *t = hs_tuple_new (c->vm, n);
      if (t == NULL)
        {
          hs_err_clear (c->vm);
          g_string_free (key, TRUE);
          return const_none (c);
        }
      for (int i = 0; i < n; i++)
        hs_tuple_set_take (t, i, hs_str_intern_cstr (kws[i].arg));
      idx = add_const_keyed (c, "k", key->str, key->len, t);
    }
  g_string_free (key, TRUE);
  return idx;
}

static int
name_index (Compiler *c, const char *name)
{
  gpointer found = g_hash_table_lookup (c->u->name_map, name);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;
  char *copy = g_strdup (name);
  g_ptr_array_add (c->u->names, copy);
  g_hash_table_insert (c->u->name_map, copy, GINT_TO_POINTER (c->u->names->len));
  return (int)c->u->names->len - 1;
}

static int
local_index (Unit *u, const char *name)
{
  gpointer found = g_hash_table_lookup (u->local_map, name);
  return found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
}

static void
add_local (Unit *u, const char *name)
{
  if (local_index (u, name) >= 0 || g_hash_table_contains (u->global_decl, name))
    return;
  char *copy = g_strdup (name);
  g_ptr_array_add (u->varnames, copy);
  g_hash_table_insert (u->local_map, copy, GINT_TO_POINTER (u->varnames->len));
}

/* ---- symbol analysis (defs only) -------------------------------------------------- */

static void
collect_target (Compiler *c, HsExpr *t)
{
  switch (t->kind)
    {
      case HS_EXPR_NAME:
        add_local (c->u, t->u.name.id);
        break;
      case HS_EXPR_TUPLE:
      case HS_EXPR_LIST:
        for (int i = 0; i < t->u.seq.elts.len; i++)
          collect_target (c, t->u.seq.elts.items[i]);
        break;
      case HS_EXPR_STARRED:
        collect_target (c, t->u.starred.value);
        break;
      default:
        break;
    }
}

static void collect_stmts (Compiler *c, HsStmtList *body);

static void
collect_stmt (Compiler *c, HsStmt *s)
{
  switch (s->kind)
    {
      case HS_STMT_FUNCTIONDEF:
      case HS_STMT_CLASSDEF:
        add_local (c->u, s->kind == HS_STMT_FUNCTIONDEF ? s->u.funcdef.name : s->u.classdef.name);
        break;
      case HS_STMT_ASSIGN:
        for (int i = 0; i < s->u.assign.targets.len; i++)
          collect_target (c, s->u.assign.targets.items[i]);
        break;
      case HS_STMT_AUGASSIGN:
        collect_target (c, s->u.augassign.target);
        break;
      case HS_STMT_ANNASSIGN:
        if (s->u.annassign.value != NULL)
          collect_target (c, s->u.annassign.target);
        break;
      case HS_STMT_DELETE:
        for (int i = 0; i < s->u.targets.len; i++)
          collect_target (c, s->u.targets.items[i]);
        break;
      case HS_STMT_FOR:
        collect_target (c, s->u.for_.target);
        collect_stmts (c, &s->u.for_.body);
        collect_stmts (c, &s->u.for_.orelse);
        break;
      case HS_STMT_WHILE:
        collect_stmts (c, &s->u.while_.body);
        collect_stmts (c, &s->u.while_.orelse);
        break;
      case HS_STMT_IF:
        collect_stmts (c, &s->u.if_.body);
        collect_stmts (c, &s->u.if_.orelse);
        break;
      case HS_STMT_GLOBAL:
        for (int i = 0; i < s->u.names.n_names; i++)
          {
            const char *name = s->u.names.names[i];
            if (local_index (c->u, name) >= 0 && local_index (c->u, name) < c->u->nparams)
              {
                error_at (c, "SyntaxError", s->pos, "name '%s' is parameter and global", name);
                return;
              }
            if (local_index (c->u, name) >= 0)
              {
                error_at (c, "SyntaxError", s->pos,
                          "name '%s' is assigned to before global declaration", name);
                return;
              }
            g_hash_table_add (c->u->global_decl, g_strdup (name));
          }
        break;
      default:
        break;
    }
}

static void
collect_stmts (Compiler *c, HsStmtList *body)
{
  for (int i = 0; i < body->len; i++)
    collect_stmt (c, body->items[i]);
}

/* ---- expressions ----------------------------------------------------------------- */

static void
load_name (Compiler *c, const char *id)
{
  Unit *u = c->u;
  if (u->is_function)
    {
      int idx = local_index (u, id);
      if (idx >= 0)
        {
          emit (c, HS_OP_LOAD_FAST, idx);
          return;
        }
      if (!g_hash_table_contains (u->global_decl, id))
        for (Unit *p = u->parent; p != NULL && p->is_function; p = p->parent)
          if (local_index (p, id) >= 0)
            {
              HsPos pos = { u->cur.line, u->cur.col, u->cur.end_line, u->cur.end_col };
              unsupported (c, pos,
                           "nested functions that use variables of an enclosing "
                           "function (closures)");
              return;
            }
    }
  emit (c, HS_OP_LOAD_GLOBAL, name_index (c, id));
}

static void
store_name (Compiler *c, const char *id, gboolean del)
{
  int idx = c->u->is_function ? local_index (c->u, id) : -1;
  if (idx >= 0)
    emit (c, del ? HS_OP_DELETE_FAST : HS_OP_STORE_FAST, idx);
  else
    emit (c, del ? HS_OP_DELETE_GLOBAL : HS_OP_STORE_GLOBAL, name_index (c, id));
}

static void
visit_constant (Compiler *c, HsExpr *e)
{
  int idx = -1;
  switch (e->u.constant.kind)
    {
      case HS_CONST_NONE:
        idx = const_none (c);
        break;
      case HS_CONST_TRUE:
        idx = const_singleton (c, hs_True, "T");
        break;
      case HS_CONST_FALSE:
        idx = const_singleton (c, hs_False, "F");
        break;
      case HS_CONST_STR:
        idx = const_str (c, e->u.constant.value, e->u.constant.len);
        break;
      case HS_CONST_INT:
      case HS_CONST_FLOAT:
        {
          gboolean is_int = e->u.constant.kind == HS_CONST_INT;
          const char *text = e->u.constant.text;
          idx = add_const_keyed (c, is_int ? "i" : "f", text, strlen (text), NULL);
          if (idx >= 0)
            break;
          HsObject *o = is_int ? hs_int_from_literal (c->vm, text, strlen (text))
                               : hs_float_from_str (c->vm, text, strlen (text));
          if (o == NULL)
            {
              HsObject *exc = hs_err_fetch (c->vm);
              HsObject *msg = exc != NULL ? hs_object_str (c->vm, exc) : NULL;
              error_at (c, "SyntaxError", e->pos, "%s",
                        msg != NULL ? hs_str_utf8 (msg) : "invalid number literal");
              hs_xdecref (c->vm, msg);
              hs_xdecref (c->vm, exc);
              hs_err_clear (c->vm);
              return;
            }
          idx = add_const_keyed (c, is_int ? "i" : "f", text, strlen (text), o);
          break;
        }
      case HS_CONST_ELLIPSIS:
        unsupported (c, e->pos, "'...' (Ellipsis)");
        return;
      case HS_CONST_IMAG:
        unsupported (c, e->pos, "complex numbers");
        return;
      case HS_CONST_BYTES:
        unsupported (c, e->pos, "bytes literals");
        return;
    }
  emit (c, HS_OP_LOAD_CONST, idx);
}

static void
visit_exprs (Compiler *c, HsExprList *l)
{
  for (int i = 0; i < l->len; i++)
    visit_expr (c, l->items[i]);
}

static gboolean
reject_starred (Compiler *c, HsExprList *l, const char *what)
{
  for (int i = 0; i < l->len; i++)
    if (l->items[i]->kind == HS_EXPR_STARRED)
      {
        unsupported (c, l->items[i]->pos, what);
        return TRUE;
      }
  return FALSE;
}

static void
visit_boolop (Compiler *c, HsExpr *e)
{
  int end = new_label (c);
  HsExprList *v = &e->u.boolop.values;
  for (int i = 0; i < v->len - 1; i++)
    {
      visit_expr (c, v->items[i]);
      set_pos (c, pos_plain (e->pos));
      emit_jump (c, e->u.boolop.is_and ? HS_OP_JUMP_IF_FALSE_OR_POP : HS_OP_JUMP_IF_TRUE_OR_POP,
                 end);
    }
  visit_expr (c, v->items[v->len - 1]);
  bind_label (c, end);
}

static void
emit_compare (Compiler *c, HsAstCmpOp op)
{
  static const HsCompareOp map[]
      = { HS_CMP_EQ, HS_CMP_NE, HS_CMP_LT, HS_CMP_LE, HS_CMP_GT, HS_CMP_GE };
  switch (op)
    {
      case HS_CMPOP_IS:
      case HS_CMPOP_IS_NOT:
        emit (c, HS_OP_IS_OP, op == HS_CMPOP_IS_NOT);
        break;
      case HS_CMPOP_IN:
      case HS_CMPOP_NOT_IN:
        emit (c, HS_OP_CONTAINS_OP, op == HS_CMPOP_NOT_IN);
        break;
      default:
        emit (c, HS_OP_COMPARE_OP, map[op]);
        break;
    }
}

/* a < b < c: the middle operand is evaluated once and kept with DUP/ROT. */
static void
visit_compare (Compiler *c, HsExpr *e)
{
  HsExprList *comps = &e->u.compare.comparators;
  HsCodePos whole = pos_plain (e->pos);
  visit_expr (c, e->u.compare.left);
  if (comps->len == 1)
    {
      visit_expr (c, comps->items[0]);
      set_pos (c, whole);
      emit_compare (c, e->u.compare.ops[0]);
      return;
    }
  int cleanup = new_label (c), end = new_label (c);
  for (int i = 0; i < comps->len - 1; i++)
    {
      visit_expr (c, comps->items[i]);
      set_pos (c, whole);
      emit (c, HS_OP_DUP_TOP, 0);
      emit (c, HS_OP_ROT_THREE, 0);
      emit_compare (c, e->u.compare.ops[i]);
      emit_jump (c, HS_OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
  visit_expr (c, comps->items[comps->len - 1]);
  set_pos (c, whole);
  emit_compare (c, e->u.compare.ops[comps->len - 1]);
  emit_jump_noline (c, HS_OP_JUMP, end);
  bind_label (c, cleanup);
  emit (c, HS_OP_ROT_TWO, 0);
  emit (c, HS_OP_POP_TOP, 0);
  bind_label (c, end);
}

static void
visit_call (Compiler *c, HsExpr *e)
{
  HsExpr *func = e->u.call.func;
  HsExprList *args = &e->u.call.args;
  int nkw = e->u.call.n_keywords;
  if (reject_starred (c, args, "'*' arguments in calls"))
    return;
  for (int i = 0; i < nkw; i++)
    if (e->u.call.keywords[i].arg == NULL)
      {
        unsupported (c, e->u.call.keywords[i].pos, "'**' arguments in calls");
        return;
      }
  HsCodePos whole = pos_plain (e->pos);
  if (func->kind == HS_EXPR_ATTRIBUTE && nkw == 0)
    {
      visit_expr (c, func->u.attribute.value);
      set_pos (c, pos_plain (func->pos));
      emit (c, HS_OP_LOAD_METHOD, name_index (c, func->u.attribute.attr));
      visit_exprs (c, args);
      set_pos (c, whole);
      emit (c, HS_OP_CALL_METHOD, args->len);
      return;
    }
  visit_expr (c, func);
  visit_exprs (c, args);
  for (int i = 0; i < nkw; i++)
    visit_expr (c, e->u.call.keywords[i].value);
  set_pos (c, whole);
  if (nkw == 0)
    {
      emit (c, HS_OP_CALL, args->len);
      return;
    }
  emit (c, HS_OP_LOAD_CONST, const_names_tuple (c, e->u.call.keywords, nkw));
  emit (c, HS_OP_CALL_KW, args->len + nkw);
}

static void
visit_slice_or_index (Compiler *c, HsExpr *s)
{
  if (s->kind != HS_EXPR_SLICE)
    {
      visit_expr (c, s);
      return;
    }
  HsExpr *parts[3] = { s->u.slice.lower, s->u.slice.upper, s->u.slice.step };
  int n = parts[2] != NULL ? 3 : 2;
  for (int i = 0; i < n; i++)
    {
      if (parts[i] != NULL)
        visit_expr (c, parts[i]);
      else
        {
          set_pos (c, pos_plain (s->pos));
          emit (c, HS_OP_LOAD_CONST, const_none (c));
        }
    }
  set_pos (c, pos_plain (s->pos));
  emit (c, HS_OP_BUILD_SLICE, n);
}

static void
visit_joinedstr (Compiler *c, HsExpr *e)
{
  HsExprList *parts = &e->u.seq.elts;
  int n = 0;
  for (int i = 0; i < parts->len; i++)
    {
      HsExpr *p = parts->items[i];
      if (p->kind == HS_EXPR_CONSTANT)
        {
          if (p->u.constant.len == 0)
            continue;
          set_pos (c, pos_plain (e->pos));
          visit_constant (c, p);
        }
      else if (p->kind == HS_EXPR_FORMATTED)
        {
          visit_expr (c, p->u.formatted.value);
          guint32 flags = 0;
          switch (p->u.formatted.conversion)
            {
              case 's':
                flags = 1;
                break;
              case 'r':
                flags = 2;
                break;
              case 'a':
                flags = 3;
                break;
              default:
                break;
            }
          if (p->u.formatted.format_spec != NULL)
            {
              visit_expr (c, p->u.formatted.format_spec);
              flags |= 4;
            }
          set_pos (c, pos_plain (e->pos));
          emit (c, HS_OP_FORMAT_VALUE, flags);
        }
      else
        visit_expr (c, p);
      n++;
    }
  set_pos (c, pos_plain (e->pos));
  if (n == 0)
    emit (c, HS_OP_LOAD_CONST, const_str (c, "", 0));
  else if (n > 1 || parts->items[0]->kind != HS_EXPR_FORMATTED)
    emit (c, HS_OP_BUILD_STRING, n);
}

/* The AST lists | ^ & in Python's grammar order; HsBinOp in CPython's nb_ order. */
static HsBinOp
binop_map (HsAstBinOp op)
{
  switch (op)
    {
      case HS_OP_ADD:
        return HS_BIN_ADD;
      case HS_OP_SUB:
        return HS_BIN_SUB;
      case HS_OP_MUL:
        return HS_BIN_MUL;
      case HS_OP_DIV:
        return HS_BIN_TRUEDIV;
      case HS_OP_FLOORDIV:
        return HS_BIN_FLOORDIV;
      case HS_OP_MOD:
        return HS_BIN_MOD;
      case HS_OP_POW:
        return HS_BIN_POW;
      case HS_OP_LSHIFT:
        return HS_BIN_LSHIFT;
      case HS_OP_RSHIFT:
        return HS_BIN_RSHIFT;
      case HS_OP_BITOR:
        return HS_BIN_OR;
      case HS_OP_BITXOR:
        return HS_BIN_XOR;
      case HS_OP_BITAND:
        return HS_BIN_AND;
      case HS_OP_MATMUL:
      default:
        return HS_BIN_MATMUL;
    }
}

static void
visit_expr_inner (Compiler *c, HsExpr *e)
{
  switch (e->kind)
    {
      case HS_EXPR_CONSTANT:
        visit_constant (c, e);
        break;
      case HS_EXPR_NAME:
        if (e->u.name.ctx == HS_CTX_LOAD)
          load_name (c, e->u.name.id);
        break;
      case HS_EXPR_BINOP:
        visit_expr (c, e->u.binop.left);
        visit_expr (c, e->u.binop.right);
        set_pos (c, pos_expr (c, e));
        emit (c, HS_OP_BINARY_OP, binop_map (e->u.binop.op));
        break;
      case HS_EXPR_UNARYOP:
        visit_expr (c, e->u.unaryop.operand);
        set_pos (c, pos_plain (e->pos));
        if (e->u.unaryop.op == HS_UOP_NOT)
          emit (c, HS_OP_UNARY_NOT, 0);
        else
          emit (c, HS_OP_UNARY_OP,
                e->u.unaryop.op == HS_UOP_NEG   ? HS_UNARY_NEG
                : e->u.unaryop.op == HS_UOP_POS ? HS_UNARY_POS
                                                : HS_UNARY_INVERT);
        break;
      case HS_EXPR_BOOLOP:
        visit_boolop (c, e);
        break;
      case HS_EXPR_COMPARE:
        visit_compare (c, e);
        break;
      case HS_EXPR_IFEXP:
        {
          int orelse = new_label (c), end = new_label (c);
          visit_expr (c, e->u.ifexp.test);
          emit_jump (c, HS_OP_POP_JUMP_IF_FALSE, orelse);
          visit_expr (c, e->u.ifexp.body);
          emit_jump_noline (c, HS_OP_JUMP, end);
          bind_label (c, orelse);
          visit_expr (c, e->u.ifexp.orelse);
          bind_label (c, end);
          break;
        }
      case HS_EXPR_CALL:
        visit_call (c, e);
        break;
      case HS_EXPR_ATTRIBUTE:
        visit_expr (c, e->u.attribute.value);
        set_pos (c, pos_plain (e->pos));
        emit (c, HS_OP_LOAD_ATTR, name_index (c, e->u.attribute.attr));
        break;
      case HS_EXPR_SUBSCRIPT:
        visit_expr (c, e->u.subscript.value);
        visit_slice_or_index (c, e->u.subscript.slice);
        set_pos (c, pos_expr (c, e));
        emit (c, HS_OP_BINARY_SUBSCR, 0);
        break;
      case HS_EXPR_LIST:
      case HS_EXPR_TUPLE:
        if (reject_starred (c, &e->u.seq.elts, "'*' unpacking in displays"))
          return;
        visit_exprs (c, &e->u.seq.elts);
        set_pos (c, pos_plain (e->pos));
        emit (c, e->kind == HS_EXPR_LIST ? HS_OP_BUILD_LIST : HS_OP_BUILD_TUPLE, e->u.seq.elts.len);
        break;
      case HS_EXPR_DICT:
        for (int i = 0; i < e->u.dict.keys.len; i++)
          {
            if (e->u.dict.keys.items[i] == NULL)
              {
                unsupported (c, e->u.dict.values.items[i]->pos, "'**' unpacking in dict displays");
                return;
              }
            visit_expr (c, e->u.dict.keys.items[i]);
            visit_expr (c, e->u.dict.values.items[i]);
          }
        set_pos (c, pos_plain (e->pos));
        emit (c, HS_OP_BUILD_MAP, e->u.dict.keys.len);
        break;
      case HS_EXPR_JOINEDSTR:
        visit_joinedstr (c, e);
        break;
      case HS_EXPR_FORMATTED:
        visit_expr (c, e->u.formatted.value);
        set_pos (c, pos_plain (e->pos));
        emit (c, HS_OP_FORMAT_VALUE, 0);
        break;
      case HS_EXPR_SLICE:
        unsupported (c, e->pos, "slices outside subscripts");
        break;
      case HS_EXPR_STARRED:
        error_at (c, "SyntaxError", e->pos, "can't use starred expression here");
        break;
      case HS_EXPR_NAMEDEXPR:
        unsupported (c, e->pos, "assignment expressions (':=')");
        break;
      case HS_EXPR_LAMBDA:
        unsupported (c, e->pos, "'lambda' expressions");
        break;
      case HS_EXPR_SET:
        unsupported (c, e->pos, "sets");
        break;
      case HS_EXPR_LISTCOMP:
        unsupported (c, e->pos, "list comprehensions");
        break;
      case HS_EXPR_SETCOMP:
        unsupported (c, e->pos, "set comprehensions");
        break;
      case HS_EXPR_DICTCOMP:
        unsupported (c, e->pos, "dict comprehensions");
        break;
      case HS_EXPR_GENEXP:
        unsupported (c, e->pos, "generator expressions");
        break;
      case HS_EXPR_YIELD:
      case HS_EXPR_YIELD_FROM:
        unsupported (c, e->pos, "'yield' expressions");
        break;
    }
}

static void
visit_expr (Compiler *c, HsExpr *e)
{
  if (c->error != NULL)
    return;
  HsCodePos old = set_pos (c, pos_plain (e->pos));
  visit_expr_inner (c, e);
  c->u->cur = old;
}

/* ---- assignment targets ---------------------------------------------------------- */

static void
visit_store (Compiler *c, HsExpr *t)
{
  if (c->error != NULL)
    return;
  HsCodePos old = set_pos (c, pos_plain (t->pos));
  switch (t->kind)
    {
      case HS_EXPR_NAME:
        store_name (c, t->u.name.id, FALSE);
        break;
      case HS_EXPR_ATTRIBUTE:
        visit_expr (c, t->u.attribute.value);
        set_pos (c, pos_plain (t->pos));
        emit (c, HS_OP_STORE_ATTR, name_index (c, t->u.attribute.attr));
        break;
      case HS_EXPR_SUBSCRIPT:
        visit_expr (c, t->u.subscript.value);
        visit_slice_or_index (c, t->u.subscript.slice);
        set_pos (c, pos_expr (c, t));
        emit (c, HS_OP_STORE_SUBSCR, 0);
        break;
      case HS_EXPR_TUPLE:
      case HS_EXPR_LIST:
        {
          int star = -1, n = t->u.seq.elts.len;
          for (int i = 0; i < n; i++)
            if (t->u.seq.elts.items[i]->kind == HS_EXPR_STARRED)
              {
                if (star >= 0)
                  {
                    error_at (c, "SyntaxError", t->pos,
                              "multiple starred expressions in assignment");
                    break;
                  }
                star = i;
              }
          if (star < 0)
            emit (c, HS_OP_UNPACK_SEQUENCE, n);
          else
            emit (c, HS_OP_UNPACK_EX, star | ((n - star - 1) << 12));
          for (int i = 0; i < n; i++)
            {
              HsExpr *el = t->u.seq.elts.items[i];
              visit_store (c, el->kind == HS_EXPR_STARRED ? el->u.starred.value : el);
            }
          break;
        }
      default:
        error_at (c, "SyntaxError", t->pos, "cannot assign to expression");
        break;
    }
  c->u->cur = old;
}

static void
visit_delete (Compiler *c, HsExpr *t)
{
  if (c->error != NULL)
    return;
  HsCodePos old = set_pos (c, pos_plain (t->pos));
  switch (t->kind)
    {
      case HS_EXPR_NAME:
        store_name (c, t->u.name.id, TRUE);
        break;
      case HS_EXPR_ATTRIBUTE:
        visit_expr (c, t->u.attribute.value);
        set_pos (c, pos_plain (t->pos));
        emit (c, HS_OP_DELETE_ATTR, name_index (c, t->u.attribute.attr));
        break;
      case HS_EXPR_SUBSCRIPT:
        visit_expr (c, t->u.subscript.value);
        visit_slice_or_index (c, t->u.subscript.slice);
        set_pos (c, pos_expr (c, t));
        emit (c, HS_OP_DELETE_SUBSCR, 0);
        break;
      case HS_EXPR_TUPLE:
      case HS_EXPR_LIST:
        for (int i = 0; i < t->u.seq.elts.len; i++)
          visit_delete (c, t->u.seq.elts.items[i]);
        break;
      default:
        error_at (c, "SyntaxError", t->pos, "cannot delete expression");
        break;
    }
  c->u->cur = old;
}

static void
visit_augassign (Compiler *c, HsStmt *s)
{
  HsExpr *t = s->u.augassign.target;
  HsCodePos whole = pos_plain (s->pos);
  switch (t->kind)
    {
      case HS_EXPR_NAME:
        set_pos (c, pos_plain (t->pos));
        load_name (c, t->u.name.id);
        visit_expr (c, s->u.augassign.value);
        set_pos (c, whole);
        emit (c, HS_OP_INPLACE_OP, binop_map (s->u.augassign.op));
        set_pos (c, pos_plain (t->pos));
        store_name (c, t->u.name.id, FALSE);
        break;
      case HS_EXPR_ATTRIBUTE:
        visit_expr (c, t->u.attribute.value);
        set_pos (c, pos_plain (t->pos));
        emit (c, HS_OP_DUP_TOP, 0);
        emit (c, HS_OP_LOAD_ATTR, name_index (c, t->u.attribute.attr));
        visit_expr (c, s->u.augassign.value);
        set_pos (c, whole);
        emit (c, HS_OP_INPLACE_OP, binop_map (s->u.augassign.op));
        set_pos (c, pos_plain (t->pos));
        emit (c, HS_OP_ROT_TWO, 0);
        emit (c, HS_OP_STORE_ATTR, name_index (c, t->u.attribute.attr));
        break;
      case HS_EXPR_SUBSCRIPT:
        visit_expr (c, t->u.subscript.value);
        visit_slice_or_index (c, t->u.subscript.slice);
        set_pos (c, pos_expr (c, t));
        emit (c, HS_OP_DUP_TOP_TWO, 0);
        emit (c, HS_OP_BINARY_SUBSCR, 0);
        visit_expr (c, s->u.augassign.value);
        set_pos (c, whole);
        emit (c, HS_OP_INPLACE_OP, binop_map (s->u.augassign.op));
        set_pos (c, pos_expr (c, t));
        emit (c, HS_OP_ROT_THREE, 0);
        emit (c, HS_OP_STORE_SUBSCR, 0);
        break;
      default:
        error_at (c, "SyntaxError", t->pos,
                  "'%s' is an illegal expression for augmented assignment",
                  t->kind == HS_EXPR_TUPLE  ? "tuple"
                  : t->kind == HS_EXPR_LIST ? "list"
                                            : "expression");
        break;
    }
}

/* ---- statements ------------------------------------------------------------------ */

static Loop *
innermost_loop (Compiler *c)
{
  GArray *l = c->u->loops;
  return l->len > 0 ? &g_array_index (l, Loop, l->len - 1) : NULL;
}

static void
push_loop (Compiler *c, gboolean is_for, int cont, int brk)
{
  Loop l = { is_for, cont, brk };
  g_array_append_val (c->u->loops, l);
}

static void
pop_loop (Compiler *c)
{
  g_array_set_size (c->u->loops, c->u->loops->len - 1);
}

static void
visit_if (Compiler *c, HsStmt *s)
{
  int orelse = new_label (c), end = new_label (c);
  visit_expr (c, s->u.if_.test);
  emit_jump (c, HS_OP_POP_JUMP_IF_FALSE, s->u.if_.orelse.len > 0 ? orelse : end);
  visit_stmts (c, &s->u.if_.body);
  if (s->u.if_.orelse.len > 0)
    {
      emit_jump_noline (c, HS_OP_JUMP, end);
      bind_label (c, orelse);
      visit_stmts (c, &s->u.if_.orelse);
    }
  bind_label (c, end);
}

/* Like CPython 3.11, the test is repeated at the bottom, so that a loop on one line
 * fires one line event per iteration (the backward jump). */
static void
visit_while (Compiler *c, HsStmt *s)
{
  int top = new_label (c), body = new_label (c), orelse = new_label (c), end = new_label (c);
  bind_label (c, top);
  visit_expr (c, s->u.while_.test);
  emit_jump (c, HS_OP_POP_JUMP_IF_FALSE, orelse);
  bind_label (c, body);
  push_loop (c, FALSE, top, end);
  visit_stmts (c, &s->u.while_.body);
  pop_loop (c);
  visit_expr (c, s->u.while_.test);
  set_pos (c, pos_plain (s->u.while_.test->pos));
  emit_jump (c, HS_OP_POP_JUMP_IF_TRUE, body);
  bind_label (c, orelse);
  visit_stmts (c, &s->u.while_.orelse);
  bind_label (c, end);
}

static void
visit_for (Compiler *c, HsStmt *s)
{
  if (s->u.for_.is_async)
    {
      unsupported (c, s->pos, "'async for' loops");
      return;
    }
  int top = new_label (c), orelse = new_label (c), end = new_label (c);
  HsCodePos whole = pos_plain (s->pos);
  visit_expr (c, s->u.for_.iter);
  set_pos (c, whole);
  emit (c, HS_OP_GET_ITER, 0);
  bind_label (c, top);
  emit_jump (c, HS_OP_FOR_ITER, orelse);
  visit_store (c, s->u.for_.target);
  push_loop (c, TRUE, top, end);
  visit_stmts (c, &s->u.for_.body);
  pop_loop (c);
  set_pos (c, whole);
  emit_jump_noline (c, HS_OP_JUMP_BACKWARD, top);
  bind_label (c, orelse);
  visit_stmts (c, &s->u.for_.orelse);
  bind_label (c, end);
}

static HsCode *compile_function (Compiler *c, HsStmt *s);

static void
visit_funcdef (Compiler *c, HsStmt *s)
{
  HsArguments *a = s->u.funcdef.args;
  if (s->u.funcdef.is_async)
    return unsupported (c, s->pos, "'async def' functions");
  if (s->u.funcdef.decorators.len > 0)
    return unsupported (c, s->u.funcdef.decorators.items[0]->pos, "decorators");
  if (a->n_posonly > 0)
    return unsupported (c, s->pos, "positional-only parameters ('/')");
  if (a->vararg != NULL)
    return unsupported (c, a->vararg->pos, "'*args' parameters");
  if (a->n_kwonly > 0)
    return unsupported (c, a->kwonlyargs[0].pos, "keyword-only parameters");
  if (a->kwarg != NULL)
    return unsupported (c, a->kwarg->pos, "'**kwargs' parameters");
  for (int i = 0; i < a->n_args; i++)
    for (int j = 0; j < i; j++)
      if (strcmp (a->args[i].name, a->args[j].name) == 0)
        return error_at (c, "SyntaxError", a->args[i].pos,
                         "duplicate argument '%s' in function definition", a->args[i].name);
  visit_exprs (c, &a->defaults);
  set_pos (c, pos_plain (s->pos));
  if (a->defaults.len > 0)
    emit (c, HS_OP_BUILD_TUPLE, a->defaults.len);
  HsCode *code = compile_function (c, s);
  if (code == NULL)
    return;
  g_ptr_array_add (c->u->children, code);
  emit (c, HS_OP_MAKE_FUNCTION, ((c->u->children->len - 1) << 1) | (a->defaults.len > 0));
  store_name (c, s->u.funcdef.name, FALSE);
}

static void
visit_stmt_inner (Compiler *c, HsStmt *s)
{
  switch (s->kind)
    {
      case HS_STMT_EXPR:
        if (s->u.value->kind == HS_EXPR_CONSTANT)
          {
            emit (c, HS_OP_NOP, 0);
            break;
          }
        visit_expr (c, s->u.value);
        emit (c, HS_OP_POP_TOP, 0);
        break;
      case HS_STMT_ASSIGN:
        visit_expr (c, s->u.assign.value);
        for (int i = 0; i < s->u.assign.targets.len; i++)
          {
            if (i < s->u.assign.targets.len - 1)
              emit (c, HS_OP_DUP_TOP, 0);
            visit_store (c, s->u.assign.targets.items[i]);
          }
        break;
      case HS_STMT_AUGASSIGN:
        visit_augassign (c, s);
        break;
      case HS_STMT_ANNASSIGN:
        if (s->u.annassign.value == NULL)
          {
            emit (c, HS_OP_NOP, 0);
            break;
          }
        visit_expr (c, s->u.annassign.value);
        visit_store (c, s->u.annassign.target);
        break;
      case HS_STMT_DELETE:
        for (int i = 0; i < s->u.targets.len; i++)
          visit_delete (c, s->u.targets.items[i]);
        break;
      case HS_STMT_PASS:
      case HS_STMT_GLOBAL:
        emit (c, HS_OP_NOP, 0);
        break;
      case HS_STMT_IF:
        visit_if (c, s);
        break;
      case HS_STMT_WHILE:
        visit_while (c, s);
        break;
      case HS_STMT_FOR:
        visit_for (c, s);
        break;
      case HS_STMT_BREAK:
      case HS_STMT_CONTINUE:
        {
          Loop *l = innermost_loop (c);
          gboolean brk = s->kind == HS_STMT_BREAK;
          if (l == NULL)
            {
              error_at (c, "SyntaxError", s->pos,
                        brk ? "'break' outside loop" : "'continue' not properly in loop");
              break;
            }
          if (brk && l->is_for)
            emit (c, HS_OP_POP_TOP, 0);
          emit_jump (c, brk ? HS_OP_JUMP : HS_OP_JUMP_BACKWARD, brk ? l->brk : l->cont);
          break;
        }
      case HS_STMT_RETURN:
        if (!c->u->is_function)
          {
            error_at (c, "SyntaxError", s->pos, "'return' outside function");
            break;
          }
        if (s->u.value != NULL)
          visit_expr (c, s->u.value);
        else
          emit (c, HS_OP_LOAD_CONST, const_none (c));
        /* a `for` loop's iterator stays on the stack: RETURN_VALUE drops the rest */
        emit (c, HS_OP_RETURN_VALUE, 0);
        break;
      case HS_STMT_FUNCTIONDEF:
        visit_funcdef (c, s);
        break;
      case HS_STMT_RAISE:
        if (s->u.raise.exc == NULL)
          {
            emit (c, HS_OP_RAISE, 0);
            break;
          }
        visit_expr (c, s->u.raise.exc);
        if (s->u.raise.cause != NULL)
          visit_expr (c, s->u.raise.cause);
        emit (c, HS_OP_RAISE, s->u.raise.cause != NULL ? 2 : 1);
        break;
      case HS_STMT_ASSERT:
        {
          int end = new_label (c);
          visit_expr (c, s->u.assert_.test);
          emit_jump (c, HS_OP_POP_JUMP_IF_TRUE, end);
          if (s->u.assert_.msg != NULL)
            visit_expr (c, s->u.assert_.msg);
          emit (c, HS_OP_ASSERT_FAIL, s->u.assert_.msg != NULL);
          bind_label (c, end);
          break;
        }
      case HS_STMT_CLASSDEF:
        unsupported (c, s->pos, "'class' statements");
        break;
      case HS_STMT_TRY:
        unsupported (c, s->pos, "'try' statements");
        break;
      case HS_STMT_WITH:
        unsupported (c, s->pos, "'with' statements");
        break;
      case HS_STMT_MATCH:
        unsupported (c, s->pos, "'match' statements");
        break;
      case HS_STMT_IMPORT:
      case HS_STMT_IMPORTFROM:
        unsupported (c, s->pos, "'import' statements");
        break;
      case HS_STMT_NONLOCAL:
        unsupported (c, s->pos, "'nonlocal' declarations");
        break;
    }
}

static void
visit_stmt (Compiler *c, HsStmt *s)
{
  if (c->error != NULL)
    return;
  HsCodePos old = set_pos (c, pos_plain (s->pos));
  visit_stmt_inner (c, s);
  c->u->cur = old;
}

static void
visit_stmts (Compiler *c, HsStmtList *body)
{
  for (int i = 0; i < body->len && c->error == NULL; i++)
    visit_stmt (c, body->items[i]);
}

/* ---- assembly -------------------------------------------------------------------- */

static int
stack_effect (guint32 op, guint32 arg, gboolean jump)
{
  switch (op)
    {
      case HS_OP_NOP:
      case HS_OP_LINE:
      case HS_OP_ROT_TWO:
      case HS_OP_ROT_THREE:
      case HS_OP_UNARY_OP:
      case HS_OP_UNARY_NOT:
      case HS_OP_LOAD_ATTR:
      case HS_OP_JUMP:
      case HS_OP_JUMP_BACKWARD:
      case HS_OP_GET_ITER:
      case HS_OP_DELETE_FAST:
      case HS_OP_DELETE_GLOBAL:
      case HS_OP_FORMAT_VALUE:
        return op == HS_OP_FORMAT_VALUE && (arg & 4) ? -1 : 0;
      case HS_OP_LOAD_CONST:
      case HS_OP_LOAD_FAST:
      case HS_OP_LOAD_GLOBAL:
      case HS_OP_DUP_TOP:
      case HS_OP_LOAD_METHOD:
        return 1;
      case HS_OP_DUP_TOP_TWO:
        return 2;
      case HS_OP_STORE_FAST:
      case HS_OP_STORE_GLOBAL:
      case HS_OP_POP_TOP:
      case HS_OP_BINARY_OP:
      case HS_OP_INPLACE_OP:
      case HS_OP_COMPARE_OP:
      case HS_OP_IS_OP:
      case HS_OP_CONTAINS_OP:
      case HS_OP_BINARY_SUBSCR:
      case HS_OP_DELETE_ATTR:
      case HS_OP_POP_JUMP_IF_FALSE:
      case HS_OP_POP_JUMP_IF_TRUE:
      case HS_OP_RETURN_VALUE:
        return -1;
      case HS_OP_STORE_SUBSCR:
        return -3;
      case HS_OP_DELETE_SUBSCR:
      case HS_OP_STORE_ATTR:
        return -2;
      case HS_OP_BUILD_SLICE:
      case HS_OP_BUILD_LIST:
      case HS_OP_BUILD_TUPLE:
      case HS_OP_BUILD_STRING:
        return 1 - (int)arg;
      case HS_OP_BUILD_MAP:
        return 1 - 2 * (int)arg;
      case HS_OP_CALL_METHOD:
        return -(int)arg - 1;
      case HS_OP_CALL:
        return -(int)arg;
      case HS_OP_CALL_KW:
        return -(int)arg - 1;
      case HS_OP_UNPACK_SEQUENCE:
        return (int)arg - 1;
      case HS_OP_UNPACK_EX:
        return (int)(arg & 0xfff) + (int)(arg >> 12);
      case HS_OP_JUMP_IF_FALSE_OR_POP:
      case HS_OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
      case HS_OP_FOR_ITER:
        return jump ? -1 : 1;
      case HS_OP_MAKE_FUNCTION:
        return (arg & 1) ? 0 : 1;
      case HS_OP_RAISE:
      case HS_OP_ASSERT_FAIL:
        return -(int)arg;
      default:
        return 0;
    }
}

static gboolean
is_terminal (guint32 op)
{
  return op == HS_OP_JUMP || op == HS_OP_JUMP_BACKWARD || op == HS_OP_RETURN_VALUE
         || op == HS_OP_RAISE || op == HS_OP_ASSERT_FAIL;
}

static int
max_stack_depth (guint32 *code, int n)
{
  int *depth = g_new (int, n + 1);
  for (int i = 0; i <= n; i++)
    depth[i] = -1;
  GArray *work = g_array_new (FALSE, FALSE, sizeof (int));
  int maxd = 0, start = 0;
  depth[0] = 0;
  g_array_append_val (work, start);
  while (work->len > 0)
    {
      int i = g_array_index (work, int, work->len - 1);
      g_array_set_size (work, work->len - 1);
      int d = depth[i];
      for (; i < n; i++)
        {
          guint32 op = HS_INSTR_OP (code[i]), arg = HS_INSTR_ARG (code[i]);
          gboolean jumps = op == HS_OP_JUMP || op == HS_OP_JUMP_BACKWARD
                           || op == HS_OP_POP_JUMP_IF_FALSE || op == HS_OP_POP_JUMP_IF_TRUE
                           || op == HS_OP_JUMP_IF_FALSE_OR_POP || op == HS_OP_JUMP_IF_TRUE_OR_POP
                           || op == HS_OP_FOR_ITER;
          if (op == HS_OP_LOAD_METHOD || op == HS_OP_UNPACK_SEQUENCE || op == HS_OP_UNPACK_EX)
            maxd = MAX (maxd, d + (int)arg + 1);
          if (jumps)
            {
              int jd = d + stack_effect (op, arg, TRUE);
              if ((int)arg <= n && depth[arg] < 0)
                {
                  depth[arg] = jd;
                  int t = (int)arg;
                  g_array_append_val (work, t);
                }
            }
          if (is_terminal (op))
            break;
          d += stack_effect (op, arg, FALSE);
          maxd = MAX (maxd, d);
          if (i + 1 <= n && depth[i + 1] >= 0)
            break;
          if (i + 1 <= n)
            depth[i + 1] = d;
        }
    }
  g_array_free (work, TRUE);
  g_free (depth);
  return maxd + 2;
}

static gboolean
is_jump_op (guint32 op)
{
  return op == HS_OP_JUMP || op == HS_OP_JUMP_BACKWARD || op == HS_OP_POP_JUMP_IF_FALSE
         || op == HS_OP_POP_JUMP_IF_TRUE || op == HS_OP_JUMP_IF_FALSE_OR_POP
         || op == HS_OP_JUMP_IF_TRUE_OR_POP || op == HS_OP_FOR_ITER;
}

static HsCode *
assemble (Compiler *c, Unit *u)
{
  int n = (int)u->instrs->len;
  Instr *in = (Instr *)u->instrs->data;
  gboolean *target = g_new0 (gboolean, n + 1);
  for (int i = 0; i < n; i++)
    if (in[i].is_jump)
      {
        in[i].arg = (guint32)g_array_index (u->labels, int, in[i].arg);
        target[in[i].arg] = TRUE;
      }
  /* Position-less instructions that are not jump targets take their predecessor's. */
  for (int i = 1; i < n; i++)
    if (in[i].pos.line < 0 && !target[i])
      in[i].pos = in[i - 1].pos;

  int *newidx = g_new (int, n + 1);
  GArray *code = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *pos = g_array_new (FALSE, FALSE, sizeof (HsCodePos));
  for (int i = 0; i < n; i++)
    {
      newidx[i] = (int)code->len;
      int line = in[i].pos.line;
      if (line >= 0 && (i == 0 || target[i] || line != in[i - 1].pos.line))
        {
          guint32 w = HS_INSTR (HS_OP_LINE, 0);
          g_array_append_val (code, w);
          g_array_append_val (pos, in[i].pos);
        }
      guint32 w = HS_INSTR (in[i].op, in[i].arg);
      g_array_append_val (code, w);
      g_array_append_val (pos, in[i].pos);
    }
  newidx[n] = (int)code->len;
  guint32 *words = (guint32 *)code->data;
  for (int i = 0; i < n; i++)
    if (in[i].is_jump)
      words[newidx[i] + (HS_INSTR_OP (words[newidx[i]]) == HS_OP_LINE)]
          = HS_INSTR (in[i].op, newidx[in[i].arg]);

  HsCode *co = g_new0 (HsCode, 1);
  co->name = g_strdup (u->name);
  co->qualname = g_strdup (u->qualname);
  co->filename = g_strdup (c->filename);
  co->firstlineno = u->firstlineno;
  co->is_module = !u->is_function;
  co->ncode = (int)code->len;
  co->code = (guint32 *)g_array_free (code, FALSE);
  co->pos = (HsCodePos *)g_array_free (pos, FALSE);
  co->nconsts = (int)u->consts->len;
  co->consts = g_memdup2 (u->consts->pdata, sizeof (HsObject *) * MAX (1, u->consts->len));
  co->nnames = (int)u->names->len;
  co->names = g_new0 (HsObject *, MAX (1, co->nnames));
  for (int i = 0; i < co->nnames; i++)
    co->names[i] = hs_str_intern_cstr (u->names->pdata[i]);
  co->nlocals = (int)u->varnames->len;
  co->nparams = u->nparams;
  co->varnames = g_new0 (char *, MAX (1, co->nlocals));
  co->varname_objs = g_new0 (HsObject *, MAX (1, co->nlocals));
  for (int i = 0; i < co->nlocals; i++)
    {
      co->varnames[i] = g_strdup (u->varnames->pdata[i]);
      co->varname_objs[i] = hs_str_intern_cstr (co->varnames[i]);
    }
  co->nchildren = (int)u->children->len;
  co->children = g_memdup2 (u->children->pdata, sizeof (HsCode *) * MAX (1, u->children->len));
  co->stacksize = max_stack_depth (co->code, co->ncode);
  g_free (newidx);
  g_free (target);
  (void)is_jump_op;
  return co;
}

static void
emit_implicit_return (Compiler *c)
{
  HsCodePos none = { -1, -1, -1, -1, -1, -1 };
  emit_at (c, HS_OP_LOAD_CONST, const_none (c), none);
  emit_at (c, HS_OP_RETURN_VALUE, 0, none);
}

/* A docstring (a leading string constant) is not compiled in a def, as in CPython. */
static gboolean
has_docstring (HsStmtList *body)
{
  if (body->len == 0 || body->items[0]->kind != HS_STMT_EXPR)
    return FALSE;
  HsExpr *v = body->items[0]->u.value;
  return v->kind == HS_EXPR_CONSTANT && v->u.constant.kind == HS_CONST_STR;
}

static HsCode *
compile_function (Compiler *c, HsStmt *s)
{
  HsArguments *a = s->u.funcdef.args;
  Unit *u = unit_new (c->u, s->u.funcdef.name, TRUE, s->pos.lineno);
  c->u = u;
  for (int i = 0; i < a->n_args; i++)
    add_local (u, a->args[i].name);
  u->nparams = a->n_args;
  collect_stmts (c, &s->u.funcdef.body);
  HsStmtList body = s->u.funcdef.body;
  if (has_docstring (&body))
    {
      body.items++;
      body.len--;
    }
  visit_stmts (c, &body);
  emit_implicit_return (c);
  c->u = u->parent;
  if (c->error != NULL)
    {
      unit_free (c->vm, u, TRUE);
      return NULL;
    }
  HsCode *code = assemble (c, u);
  unit_free (c->vm, u, FALSE);
  return code;
}

static void
compute_line_starts (Compiler *c)
{
  c->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;
  g_array_append_val (c->line_starts, zero);
  for (gsize i = 0; i < c->len; i++)
    if (c->source[i] == '\n')
      {
        gsize next = i + 1;
        g_array_append_val (c->line_starts, next);
      }
}

HsCode *
hs_compile_module (HsVM *vm, HsModule *mod, const char *source, gsize len, const char *filename,
                   HsSyntaxError **error)
{
  Compiler c = { vm, source, len, filename, NULL, NULL, NULL };
  compute_line_starts (&c);
  Unit *u = unit_new (NULL, "<module>", FALSE, 1);
  c.u = u;
  HsStmtList body = mod->body;
  if (has_docstring (&body))
    {
      HsStmt *doc = body.items[0];
      set_pos (&c, pos_plain (doc->pos));
      visit_constant (&c, doc->u.value);
      store_name (&c, "__doc__", FALSE);
      body.items++;
      body.len--;
    }
  visit_stmts (&c, &body);
  emit_implicit_return (&c);
  HsCode *code = NULL;
  if (c.error == NULL)
    code = assemble (&c, u);
  unit_free (vm, u, c.error != NULL);
  g_array_free (c.line_starts, TRUE);
  if (error != NULL)
    *error = c.error;
  else if (c.error != NULL)
    hs_syntax_error_free (c.error);
  return code;
}
