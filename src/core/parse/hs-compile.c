/* hs-compile.c — the compiler: symbol analysis, code generation and assembly.
 *
 * Invariant: one Unit per scope being compiled (the module, or a def); its instructions
 * refer to labels until assembly, which (1) resolves labels to instruction indices,
 * (2) gives position-less instructions the line of their predecessor, (3) inserts an
 * HS_OP_LINE before every instruction that starts a new line or is a jump target, and
 * (4) computes the maximum stack depth. The first error is kept and later code is
 * discarded, so every visitor may simply return once c->error is set.
 *
 * Scopes come from hs-symtable: a function's locals live in fast slots (parameters
 * first), its cells and free variables in slots holding cell objects; a class body's
 * names live in its namespace dict; everything else resolves through the module's
 * globals, then the builtins.
 *
 * Exceptions (tier 2): SETUP_FINALLY/POP_BLOCK pseudo-instructions bracket protected
 * code in textual order; the assembler removes them and writes the exception table.
 * Leaving protected code early (return, break, continue) pops the blocks, runs the
 * `finally` bodies inline, jumps, and re-opens the blocks textually after the jump, so
 * the linear bracketing stays balanced (CPython 3.11's scheme, without a CFG).
 */
#include "config.h"

#include <string.h>

#include "hs-compile.h"
#include "hs-symtable.h"
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

typedef enum
{
  FB_WHILE,
  FB_FOR,
  FB_TRY_EXCEPT,  /* protected try body: label = handler */
  FB_FINALLY_TRY, /* protected try body with a finally: label = handler, body = finalbody */
  FB_FINALLY_END, /* finally body on the exception path: label = cleanup */
  FB_HANDLER,     /* except body: label = cleanup, label2 = named cleanup or -1, name */
  FB_WITH,        /* with body: label = handler */
} FBType;

typedef struct
{
  FBType type;
  int label;
  int label2;
  HsStmtList *body;
  const char *name;
  HsCodePos pos; /* the position when the block was entered (a with's exit call takes it) */
} FBlock;

typedef enum
{
  UNIT_MODULE,
  UNIT_FUNCTION,
  UNIT_CLASS,
} UnitKind;

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
  GPtrArray *children;  /* HsCode * */
  GArray *fblocks;      /* FBlock */
  gboolean is_function; /* has fast locals (kind == UNIT_FUNCTION) */
  UnitKind kind;
  HsScope *scope;
  int nkwonly;
  guint32 code_flags;
  GArray *cells; /* int slots */
  GArray *frees; /* int slots, closure order */
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
  HsSymtable *st;
  int depth; /* statements and expressions being visited (C recursion) */
} Compiler;

static void visit_expr (Compiler *c, HsExpr *e);
static void visit_jump_if (Compiler *c, HsExpr *test, int label, gboolean jump_if_true);
static void visit_stmts (Compiler *c, HsStmtList *body);
static void visit_store (Compiler *c, HsExpr *target);

/* ---- errors ---------------------------------------------------------------------- */

/* Byte offset just past line `lineno` (1-based, valid), with or without its '\n';
 * O(1) from the line starts, so that per-instruction anchors stay linear on long lines. */
static gsize
line_end (Compiler *c, int lineno, gboolean with_newline)
{
  if ((guint)lineno >= c->line_starts->len)
    return c->len;
  gsize next = g_array_index (c->line_starts, gsize, lineno); /* just past the '\n' */
  return with_newline ? next : next - 1;
}

static char *
line_text (Compiler *c, int lineno)
{
  if (lineno < 1 || (guint)lineno > c->line_starts->len)
    return NULL;
  gsize start = g_array_index (c->line_starts, gsize, lineno - 1);
  /* CPython's SyntaxError.text keeps the newline */
  gsize end = line_end (c, lineno, TRUE);
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

/* CPython's RecursionError for an AST nested too deeply: no location, no text. */
static void
recursion_error (Compiler *c)
{
  if (c->error != NULL)
    return;
  HsSyntaxError *err = g_new0 (HsSyntaxError, 1);
  err->type_name = g_strdup ("RecursionError");
  err->msg = g_strdup ("maximum recursion depth exceeded during compilation");
  c->error = err;
}

/* Counts one more level of C recursion (pair with `c->depth--`); FALSE, with a
 * RecursionError, past the symtable's limit. The symtable normally stops such a program
 * first; this guards the compiler's own walk. */
static gboolean
enter_level (Compiler *c)
{
  if (++c->depth <= HS_SYMTABLE_MAX_DEPTH)
    return TRUE;
  recursion_error (c);
  return FALSE;
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
unit_new (Unit *parent, const char *name, UnitKind kind, HsScope *scope, int firstlineno)
{
  gboolean is_function = kind == UNIT_FUNCTION;
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
  u->fblocks = g_array_new (FALSE, FALSE, sizeof (FBlock));
  u->is_function = is_function;
  u->kind = kind;
  u->scope = scope;
  u->cells = g_array_new (FALSE, FALSE, sizeof (int));
  u->frees = g_array_new (FALSE, FALSE, sizeof (int));
  u->name = g_strdup (name);
  u->qualname = parent != NULL && parent->kind == UNIT_FUNCTION
                    ? g_strdup_printf ("%s.<locals>.%s", parent->qualname, name)
                : parent != NULL && parent->kind == UNIT_CLASS
                    ? g_strdup_printf ("%s.%s", parent->qualname, name)
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
      for (guint i = u->consts->len; i-- > 0;) /* a constant tuple before its items */
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
  g_array_free (u->fblocks, TRUE);
  g_array_free (u->cells, TRUE);
  g_array_free (u->frees, TRUE);
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

/* Appends an instruction slot. The emitters fill it in place rather than appending a
 * local: a local whose address is taken gets its own stack slot (and red zones under
 * ASan) in every visitor these small functions are inlined into, which made the
 * recursive visit_expr frames too large for the 3000-level depth limit. */
static Instr *
new_instr (Compiler *c)
{
  GArray *a = c->u->instrs;
  g_array_set_size (a, a->len + 1);
  return &g_array_index (a, Instr, a->len - 1);
}

static void
emit_at (Compiler *c, HsOpcode op, guint32 arg, HsCodePos pos)
{
  *new_instr (c) = (Instr){ op, arg, FALSE, pos };
}

static void
emit (Compiler *c, HsOpcode op, guint32 arg)
{
  emit_at (c, op, arg, c->u->cur);
}

static void
emit_jump (Compiler *c, HsOpcode op, int label)
{
  *new_instr (c) = (Instr){ op, (guint32)label, TRUE, c->u->cur };
}

/* An instruction with no line of its own (end-of-branch jumps, implicit returns). */
static void
emit_jump_noline (Compiler *c, HsOpcode op, int label)
{
  *new_instr (c) = (Instr){ op, (guint32)label, TRUE, { -1, -1, -1, -1, -1, -1 } };
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
  *len = line_end (c, lineno, FALSE) - start;
  return c->source + start;
}

static gboolean
is_ws (char ch)
{
  return ch == ' ' || ch == '\t' || ch == '\f' || ch == '\n' || ch == '\r';
}

/* The caret anchors CPython 3.11 derives from a binary operation's segment: the
 * operator (skipping whitespace and closing parentheses of the left operand). */
G_GNUC_NO_INLINE static void
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

G_GNUC_NO_INLINE static void
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

/* CPython 3.11's update_start_location_to_match_attr: an attribute access (or method
 * call) at `cp` whose name ends on another line is located at the name, so a chain of
 * calls split over lines steps through its lines. */
static HsCodePos
pos_attr (HsCodePos cp, HsExpr *attr)
{
  if (cp.line == attr->pos.end_lineno)
    return cp;
  int len = (int)strlen (attr->u.attribute.attr);
  cp.line = attr->pos.end_lineno;
  cp.col = len <= attr->pos.end_col_offset ? attr->pos.end_col_offset - len : -1;
  cp.end_line = MAX (cp.line, cp.end_line);
  if (cp.col < 0)
    cp.end_col = -1;
  else if (cp.line == cp.end_line)
    cp.end_col = MAX (cp.col, cp.end_col);
  cp.anchor_left = cp.anchor_right = -1;
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

static int
add_local (Unit *u, const char *name)
{
  int idx = local_index (u, name);
  if (idx >= 0)
    return idx;
  char *copy = g_strdup (name);
  g_ptr_array_add (u->varnames, copy);
  g_hash_table_insert (u->local_map, copy, GINT_TO_POINTER (u->varnames->len));
  return (int)u->varnames->len - 1;
}

/* Slots of a function or class unit from its scope: parameters, then locals and cells
 * in first-seen order, then free variables in closure order. Class units only have
 * slots for their cells (the implicit __class__) and free variables. */
static void
allocate_slots (Unit *u)
{
  HsScope *sc = u->scope;
  if (u->kind == UNIT_FUNCTION)
    {
      for (guint i = 0; i < sc->params->len; i++)
        add_local (u, sc->params->pdata[i]);
      for (guint i = 0; i < sc->names->len; i++)
        {
          HsSymScope r = hs_scope_resolve (sc, sc->names->pdata[i]);
          if (r == HS_SYM_LOCAL || r == HS_SYM_CELL)
            add_local (u, sc->names->pdata[i]);
        }
      for (guint i = 0; i < sc->names->len; i++)
        if (hs_scope_resolve (sc, sc->names->pdata[i]) == HS_SYM_CELL)
          {
            int slot = local_index (u, sc->names->pdata[i]);
            g_array_append_val (u->cells, slot);
          }
    }
  else if (u->kind == UNIT_CLASS && sc->class_cell)
    {
      int slot = add_local (u, "__class__");
      g_array_append_val (u->cells, slot);
    }
  for (guint i = 0; i < sc->frees->len; i++)
    {
      int slot = add_local (u, sc->frees->pdata[i]);
      g_array_append_val (u->frees, slot);
    }
}

/* ---- expressions ----------------------------------------------------------------- */

typedef enum
{
  NAME_LOAD,
  NAME_STORE,
  NAME_DEL,
} NameOp;

static void
name_op (Compiler *c, const char *id, NameOp op)
{
  static const HsOpcode fast[] = { HS_OP_LOAD_FAST, HS_OP_STORE_FAST, HS_OP_DELETE_FAST };
  static const HsOpcode deref[] = { HS_OP_LOAD_DEREF, HS_OP_STORE_DEREF, HS_OP_DELETE_DEREF };
  static const HsOpcode global[] = { HS_OP_LOAD_GLOBAL, HS_OP_STORE_GLOBAL, HS_OP_DELETE_GLOBAL };
  static const HsOpcode name[] = { HS_OP_LOAD_NAME, HS_OP_STORE_NAME, HS_OP_DELETE_NAME };
  Unit *u = c->u;
  if (u->kind == UNIT_MODULE)
    {
      emit (c, global[op], name_index (c, id));
      return;
    }
  HsSymScope sc = hs_scope_resolve (u->scope, id);
  switch (sc)
    {
      case HS_SYM_LOCAL:
        if (u->kind == UNIT_FUNCTION)
          emit (c, fast[op], local_index (u, id));
        else
          emit (c, name[op], name_index (c, id));
        break;
      case HS_SYM_CELL:
      case HS_SYM_FREE:
        if (u->kind == UNIT_CLASS && op == NAME_LOAD)
          emit (c, HS_OP_LOAD_CLASSDEREF, local_index (u, id) | (guint32)name_index (c, id) << 12);
        else
          emit (c, deref[op], local_index (u, id));
        break;
      case HS_SYM_GLOBAL_EXPLICIT:
        emit (c, global[op], name_index (c, id));
        break;
      case HS_SYM_GLOBAL_IMPLICIT:
        emit (c, u->kind == UNIT_CLASS ? name[op] : global[op], name_index (c, id));
        break;
    }
}

static void
load_name (Compiler *c, const char *id)
{
  name_op (c, id, NAME_LOAD);
}

static void
store_name (Compiler *c, const char *id, gboolean del)
{
  name_op (c, id, del ? NAME_DEL : NAME_STORE);
}

/* The constant's index in the unit's constants, or -1 after an error. */
static int
constant_index (Compiler *c, HsExpr *e)
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
              return -1;
            }
          idx = add_const_keyed (c, is_int ? "i" : "f", text, strlen (text), o);
          break;
        }
      case HS_CONST_ELLIPSIS:
        idx = const_singleton (c, hs_Ellipsis, "E");
        break;
      case HS_CONST_IMAG:
        unsupported (c, e->pos, "complex numbers");
        return -1;
      case HS_CONST_BYTES:
        unsupported (c, e->pos, "bytes literals");
        return -1;
    }
  return idx;
}

static void
visit_constant (Compiler *c, HsExpr *e)
{
  int idx = constant_index (c, e);
  if (idx >= 0)
    emit (c, HS_OP_LOAD_CONST, idx);
}

/* `-` before a number literal, which CPython 3.11 folds into a constant. */
static gboolean
is_negative_number (HsExpr *e)
{
  if (e->kind != HS_EXPR_UNARYOP || e->u.unaryop.op != HS_UOP_NEG
      || e->u.unaryop.operand->kind != HS_EXPR_CONSTANT)
    return FALSE;
  HsConstKind k = e->u.unaryop.operand->u.constant.kind;
  return k == HS_CONST_INT || k == HS_CONST_FLOAT;
}

/* The constant for is_negative_number's `-number`, or -1 if it could not be made (then it
 * is negated at run time). */
static int
negative_constant_index (Compiler *c, HsExpr *e)
{
  HsExpr *num = e->u.unaryop.operand;
  const char *kind = num->u.constant.kind == HS_CONST_INT ? "i-" : "f-";
  const char *text = num->u.constant.text;
  int idx = add_const_keyed (c, kind, text, strlen (text), NULL);
  if (idx >= 0)
    return idx;
  int pos = constant_index (c, num);
  if (pos < 0)
    return -1;
  HsObject *neg = hs_number_unaryop (c->vm, HS_UNARY_NEG, c->u->consts->pdata[pos]);
  if (neg == NULL)
    {
      hs_err_clear (c->vm);
      return -1;
    }
  return add_const_keyed (c, kind, text, strlen (text), neg);
}

/* Whether CPython 3.11 folds the tuple display into one constant: not empty, and all its
 * items literals, negative numbers or such tuples. */
static gboolean
is_constant_tuple (HsExpr *e)
{
  if (e->kind != HS_EXPR_TUPLE || e->u.seq.elts.len == 0)
    return FALSE;
  for (int i = 0; i < e->u.seq.elts.len; i++)
    {
      HsExpr *item = e->u.seq.elts.items[i];
      if (item->kind == HS_EXPR_CONSTANT)
        {
          HsConstKind k = item->u.constant.kind;
          if (k == HS_CONST_ELLIPSIS || k == HS_CONST_IMAG || k == HS_CONST_BYTES)
            return FALSE;
        }
      else if (!is_negative_number (item) && !is_constant_tuple (item))
        return FALSE;
    }
  return TRUE;
}

/* The constant for a tuple is_constant_tuple() accepts, shared by equal displays in the
 * unit (so every evaluation yields the same object, as in CPython); -1 if it could not be
 * made (then the tuple is built at run time). */
static int
constant_tuple_index (Compiler *c, HsExpr *e)
{
  int n = e->u.seq.elts.len;
  g_autofree int *items = g_new (int, n);
  for (int i = 0; i < n; i++)
    {
      HsExpr *item = e->u.seq.elts.items[i];
      items[i] = item->kind == HS_EXPR_CONSTANT ? constant_index (c, item)
                 : is_negative_number (item)    ? negative_constant_index (c, item)
                                                : constant_tuple_index (c, item);
      if (items[i] < 0)
        return -1;
    }
  const char *key = (const char *)items;
  int idx = add_const_keyed (c, "t", key, sizeof (int) * n, NULL);
  if (idx >= 0)
    return idx;
  HsObject *t = hs_tuple_new (c->vm, n);
  if (t == NULL)
    {
      hs_err_clear (c->vm);
      return -1;
    }
  for (int i = 0; i < n; i++)
    hs_tuple_set_take (t, i, hs_incref (c->u->consts->pdata[items[i]]));
  return add_const_keyed (c, "t", key, sizeof (int) * n, t);
}

static void
visit_exprs (Compiler *c, HsExprList *l)
{
  for (int i = 0; i < l->len; i++)
    visit_expr (c, l->items[i]);
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

static gboolean
has_starred (HsExprList *l)
{
  for (int i = 0; i < l->len; i++)
    if (l->items[i]->kind == HS_EXPR_STARRED)
      return TRUE;
  return FALSE;
}

/* An iterable as CPython 3.11's AST optimizer leaves it: a list display becomes a tuple
 * (a constant one when it can be), in `for`, in comprehensions and after `in`. */
static void
fold_iterable (HsExpr *e)
{
  if (e->kind == HS_EXPR_LIST && !has_starred (&e->u.seq.elts))
    e->kind = HS_EXPR_TUPLE;
}

/* a < b < c: the middle operand is evaluated once and kept with DUP/ROT. */
static void
visit_compare (Compiler *c, HsExpr *e)
{
  HsExprList *comps = &e->u.compare.comparators;
  HsCodePos whole = pos_plain (e->pos);
  HsAstCmpOp last = e->u.compare.ops[comps->len - 1];
  if (last == HS_CMPOP_IN || last == HS_CMPOP_NOT_IN)
    fold_iterable (comps->items[comps->len - 1]);
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

/* Builds a list of the items, `*x` extending it (stack: ... list). */
static void
build_list_with_stars (Compiler *c, HsExprList *l, HsCodePos whole, gboolean in_call)
{
  set_pos (c, whole);
  emit (c, HS_OP_BUILD_LIST, 0);
  for (int i = 0; i < l->len; i++)
    {
      HsExpr *el = l->items[i];
      if (el->kind == HS_EXPR_STARRED)
        {
          visit_expr (c, el->u.starred.value);
          set_pos (c, whole);
          emit (c, HS_OP_LIST_EXTEND, 1 | (in_call ? 0x100 : 0));
        }
      else
        {
          visit_expr (c, el);
          set_pos (c, whole);
          emit (c, HS_OP_LIST_APPEND, 1);
        }
    }
}

/* Displays keep at most this many items on the stack, as CPython's compiler does; it
 * decides when the items' __hash__ and __eq__ run. */
#define STACK_USE_GUIDELINE 30

/* {a, b, *c, d}: as CPython, every item is evaluated before the set is built (and any
 * item hashed) unless the display is starred or long; then the set is built before the
 * first starred item (or at once when long) and each later item added as it comes. */
static void
visit_set_display (Compiler *c, HsExpr *e)
{
  HsExprList *elts = &e->u.seq.elts;
  gboolean built = elts->len > STACK_USE_GUIDELINE;

  if (!built && !has_starred (elts))
    {
      visit_exprs (c, elts);
      set_pos (c, pos_plain (e->pos));
      emit (c, HS_OP_BUILD_SET, elts->len);
      return;
    }
  if (built)
    {
      set_pos (c, pos_plain (e->pos));
      emit (c, HS_OP_BUILD_SET, 0);
    }
  for (int i = 0; i < elts->len; i++)
    {
      HsExpr *el = elts->items[i];
      gboolean star = el->kind == HS_EXPR_STARRED;
      if (star && !built)
        {
          set_pos (c, pos_plain (e->pos));
          emit (c, HS_OP_BUILD_SET, i);
          built = TRUE;
        }
      visit_expr (c, star ? el->u.starred.value : el);
      if (built)
        {
          set_pos (c, pos_plain (e->pos));
          emit (c, star ? HS_OP_SET_UPDATE : HS_OP_SET_ADD, 1);
        }
    }
}

/* The dict of the display's items [begin, end): all evaluated, then inserted, unless
 * there are more than the stack guideline allows; then inserted one by one. */
static void
visit_subdict (Compiler *c, HsExpr *e, int begin, int end)
{
  gboolean big = (end - begin) * 2 > STACK_USE_GUIDELINE;

  if (big)
    {
      set_pos (c, pos_plain (e->pos));
      emit (c, HS_OP_BUILD_MAP, 0);
    }
  for (int i = begin; i < end; i++)
    {
      visit_expr (c, e->u.dict.keys.items[i]);
      visit_expr (c, e->u.dict.values.items[i]);
      if (big)
        {
          set_pos (c, pos_plain (e->pos));
          emit (c, HS_OP_MAP_ADD, 1);
        }
    }
  if (!big)
    {
      set_pos (c, pos_plain (e->pos));
      emit (c, HS_OP_BUILD_MAP, end - begin);
    }
}

/* {k: v, **m, ...} as CPython 3.11 compiles it: runs of key: value items become dicts
 * of their own (a run ends at a `**` or after 17 items) merged into the first, which
 * reuses their hashes: so when each __hash__ and __eq__ runs matches CPython. */
static void
visit_dict_display (Compiler *c, HsExpr *e)
{
  int n = e->u.dict.keys.len, elements = 0;
  gboolean have_dict = FALSE;

  for (int i = 0; i < n; i++)
    {
      if (e->u.dict.keys.items[i] == NULL)
        {
          if (elements > 0)
            {
              visit_subdict (c, e, i - elements, i);
              if (have_dict)
                emit (c, HS_OP_DICT_MERGE, 1 | 0x100);
              have_dict = TRUE;
              elements = 0;
            }
          if (!have_dict)
            {
              set_pos (c, pos_plain (e->pos));
              emit (c, HS_OP_BUILD_MAP, 0);
              have_dict = TRUE;
            }
          visit_expr (c, e->u.dict.values.items[i]);
          set_pos (c, pos_plain (e->pos));
          emit (c, HS_OP_DICT_MERGE, 1 | 0x100);
        }
      else if (elements * 2 > STACK_USE_GUIDELINE)
        {
          visit_subdict (c, e, i - elements, i + 1);
          if (have_dict)
            emit (c, HS_OP_DICT_MERGE, 1 | 0x100);
          have_dict = TRUE;
          elements = 0;
        }
      else
        elements++;
    }
  if (elements > 0)
    {
      visit_subdict (c, e, n - elements, n);
      if (have_dict)
        emit (c, HS_OP_DICT_MERGE, 1 | 0x100);
      have_dict = TRUE;
    }
  if (!have_dict)
    {
      set_pos (c, pos_plain (e->pos));
      emit (c, HS_OP_BUILD_MAP, 0);
    }
}

/* f(*a, **k): the positional arguments as a tuple, the keywords as a dict. */
static void
visit_call_ex (Compiler *c, HsExpr *e)
{
  HsCodePos whole = pos_plain (e->pos);
  int nkw = e->u.call.n_keywords;
  visit_expr (c, e->u.call.func);
  build_list_with_stars (c, &e->u.call.args, whole, TRUE);
  emit (c, HS_OP_LIST_TO_TUPLE, 0);
  if (nkw > 0)
    {
      emit (c, HS_OP_BUILD_MAP, 0);
      for (int i = 0; i < nkw; i++)
        {
          HsKeyword *k = &e->u.call.keywords[i];
          if (k->arg == NULL)
            {
              visit_expr (c, k->value);
              set_pos (c, whole);
              emit (c, HS_OP_DICT_MERGE, 1);
            }
          else
            {
              set_pos (c, whole);
              emit (c, HS_OP_LOAD_CONST, const_str (c, k->arg, strlen (k->arg)));
              visit_expr (c, k->value);
              set_pos (c, whole);
              emit (c, HS_OP_MAP_ADD, 1 | 0x100);
            }
        }
    }
  set_pos (c, whole);
  emit (c, HS_OP_CALL_FUNCTION_EX, nkw > 0);
}

static void
visit_call (Compiler *c, HsExpr *e)
{
  HsExpr *func = e->u.call.func;
  HsExprList *args = &e->u.call.args;
  int nkw = e->u.call.n_keywords;
  gboolean ex = has_starred (args);
  for (int i = 0; i < nkw; i++)
    if (e->u.call.keywords[i].arg == NULL)
      ex = TRUE;
  if (ex)
    {
      visit_call_ex (c, e);
      return;
    }
  HsCodePos whole = pos_plain (e->pos);
  if (func->kind == HS_EXPR_ATTRIBUTE && nkw == 0)
    {
      visit_expr (c, func->u.attribute.value);
      set_pos (c, pos_attr (pos_plain (func->pos), func));
      emit (c, HS_OP_LOAD_METHOD, name_index (c, func->u.attribute.attr));
      visit_exprs (c, args);
      set_pos (c, pos_attr (whole, func));
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

static void make_closure (Compiler *c, HsCode *code, HsScope *scope, guint32 flags);
static HsCode *compile_lambda (Compiler *c, HsExpr *e);
static HsCode *compile_comprehension (Compiler *c, HsExpr *e);

static void
visit_comprehension_call (Compiler *c, HsExpr *e)
{
  HsCode *code = compile_comprehension (c, e);
  if (code == NULL)
    return;
  set_pos (c, pos_plain (e->pos));
  make_closure (c, code, hs_symtable_lookup (c->st, e), 0);
  fold_iterable (e->u.comp.generators[0].iter);
  visit_expr (c, e->u.comp.generators[0].iter);
  set_pos (c, pos_plain (e->pos));
  emit (c, HS_OP_GET_ITER, 0);
  emit (c, HS_OP_CALL, 1);
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
        if (is_negative_number (e))
          {
            int idx = negative_constant_index (c, e);
            if (idx >= 0)
              {
                emit (c, HS_OP_LOAD_CONST, idx);
                break;
              }
          }
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
          visit_jump_if (c, e->u.ifexp.test, orelse, FALSE);
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
        set_pos (c, pos_attr (pos_plain (e->pos), e));
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
        if (is_constant_tuple (e))
          {
            int idx = constant_tuple_index (c, e);
            if (idx >= 0)
              {
                emit (c, HS_OP_LOAD_CONST, idx);
                return;
              }
          }
        if (has_starred (&e->u.seq.elts))
          {
            build_list_with_stars (c, &e->u.seq.elts, pos_plain (e->pos), FALSE);
            if (e->kind == HS_EXPR_TUPLE)
              emit (c, HS_OP_LIST_TO_TUPLE, 0);
            return;
          }
        visit_exprs (c, &e->u.seq.elts);
        set_pos (c, pos_plain (e->pos));
        emit (c, e->kind == HS_EXPR_LIST ? HS_OP_BUILD_LIST : HS_OP_BUILD_TUPLE, e->u.seq.elts.len);
        break;
      case HS_EXPR_DICT:
        visit_dict_display (c, e);
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
        {
          HsArguments *a = e->u.lambda.args;
          guint32 flags = 0;
          if (a->defaults.len > 0)
            {
              visit_exprs (c, &a->defaults);
              set_pos (c, pos_plain (e->pos));
              emit (c, HS_OP_BUILD_TUPLE, a->defaults.len);
              flags |= 1;
            }
          HsCode *code = compile_lambda (c, e);
          if (code == NULL)
            return;
          set_pos (c, pos_plain (e->pos));
          make_closure (c, code, hs_symtable_lookup (c->st, e), flags);
          break;
        }
      case HS_EXPR_SET:
        visit_set_display (c, e);
        break;
      case HS_EXPR_LISTCOMP:
      case HS_EXPR_SETCOMP:
      case HS_EXPR_DICTCOMP:
      case HS_EXPR_GENEXP:
        visit_comprehension_call (c, e);
        break;
      case HS_EXPR_YIELD:
        if (e->u.yield_.value != NULL)
          visit_expr (c, e->u.yield_.value);
        else
          emit (c, HS_OP_LOAD_CONST, const_none (c));
        set_pos (c, pos_plain (e->pos));
        emit (c, HS_OP_YIELD_VALUE, 0);
        break;
      case HS_EXPR_YIELD_FROM:
        {
          int top = new_label (c), end = new_label (c);
          visit_expr (c, e->u.yield_.value);
          set_pos (c, pos_plain (e->pos));
          emit (c, HS_OP_GET_YIELD_FROM_ITER, 0);
          emit (c, HS_OP_LOAD_CONST, const_none (c));
          bind_label (c, top);
          emit_jump (c, HS_OP_SEND, end);
          emit (c, HS_OP_YIELD_VALUE, 0);
          /* the value sent in is SEND's next v; CPython's JUMP_BACKWARD_NO_INTERRUPT:
           * resuming gives no line event */
          emit_jump (c, HS_OP_JUMP, top);
          bind_label (c, end);
          break;
        }
    }
}

static void
visit_expr (Compiler *c, HsExpr *e)
{
  if (c->error != NULL)
    return;
  if (enter_level (c))
    {
      HsCodePos old = set_pos (c, pos_plain (e->pos));
      visit_expr_inner (c, e);
      c->u->cur = old;
    }
  c->depth--;
}

/* Jumps to `label` when `test` is true (jump_if_true) or false, as CPython 3.11's
 * compiler_jump_if: `not` flips the jump, `and`/`or` jump from each operand, and a
 * comparison leaves its position current (the jump and what follows take its line). */
static void
visit_jump_if (Compiler *c, HsExpr *test, int label, gboolean jump_if_true)
{
  if (c->error != NULL)
    return;
  if (!enter_level (c))
    {
      c->depth--;
      return;
    }
  switch (test->kind)
    {
      case HS_EXPR_UNARYOP:
        if (test->u.unaryop.op != HS_UOP_NOT)
          break;
        visit_jump_if (c, test->u.unaryop.operand, label, !jump_if_true);
        c->depth--;
        return;
      case HS_EXPR_BOOLOP:
        {
          HsExprList *v = &test->u.boolop.values;
          gboolean is_or = !test->u.boolop.is_and;
          int next = is_or != jump_if_true ? new_label (c) : label;
          for (int i = 0; i < v->len - 1; i++)
            visit_jump_if (c, v->items[i], next, is_or);
          visit_jump_if (c, v->items[v->len - 1], label, jump_if_true);
          if (next != label)
            bind_label (c, next);
          c->depth--;
          return;
        }
      case HS_EXPR_COMPARE:
        set_pos (c, pos_plain (test->pos));
        break;
      default:
        break;
    }
  visit_expr (c, test);
  emit_jump (c, jump_if_true ? HS_OP_POP_JUMP_IF_TRUE : HS_OP_POP_JUMP_IF_FALSE, label);
  c->depth--;
}

/* ---- assignment targets ---------------------------------------------------------- */

/* A name, attribute or subscript target, stored into or deleted: TRUE if t was one. */
static gboolean
visit_simple_target (Compiler *c, HsExpr *t, gboolean del)
{
  switch (t->kind)
    {
      case HS_EXPR_NAME:
        store_name (c, t->u.name.id, del);
        return TRUE;
      case HS_EXPR_ATTRIBUTE:
        visit_expr (c, t->u.attribute.value);
        set_pos (c, pos_attr (pos_plain (t->pos), t));
        emit (c, del ? HS_OP_DELETE_ATTR : HS_OP_STORE_ATTR, name_index (c, t->u.attribute.attr));
        return TRUE;
      case HS_EXPR_SUBSCRIPT:
        visit_expr (c, t->u.subscript.value);
        visit_slice_or_index (c, t->u.subscript.slice);
        set_pos (c, pos_expr (c, t));
        emit (c, del ? HS_OP_DELETE_SUBSCR : HS_OP_STORE_SUBSCR, 0);
        return TRUE;
      default:
        return FALSE;
    }
}

static void
visit_store (Compiler *c, HsExpr *t)
{
  if (c->error != NULL)
    return;
  HsCodePos old = set_pos (c, pos_plain (t->pos));
  if (visit_simple_target (c, t, FALSE))
    {
      c->u->cur = old;
      return;
    }
  switch (t->kind)
    {
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
  if (visit_simple_target (c, t, TRUE))
    {
      c->u->cur = old;
      return;
    }
  switch (t->kind)
    {
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

/* CPython 3.11's CO_MAXBLOCKS: how many blocks may be statically nested in one code
 * object. CPython pushes two blocks for an except body (EXCEPTION_HANDLER and
 * HANDLER_CLEANUP) where we push one FB_HANDLER, hence its weight of 2. */
#define MAX_STATIC_BLOCKS 20

static int
fblock_weight (FBType type)
{
  return type == FB_HANDLER ? 2 : 1;
}

/* The block is pushed even past the limit (after the SyntaxError, at the statement
 * being compiled) so that pushes and pops stay paired. */
static void
push_fblock (Compiler *c, FBType type, int label, int label2, HsStmtList *body, const char *name)
{
  int used = 0;
  for (guint i = 0; i < c->u->fblocks->len; i++)
    used += fblock_weight (g_array_index (c->u->fblocks, FBlock, i).type);
  if (used + fblock_weight (type) > MAX_STATIC_BLOCKS)
    {
      HsCodePos cp = c->u->cur;
      HsPos pos = { cp.line, cp.col, cp.end_line, cp.end_col };
      error_at (c, "SyntaxError", pos, "too many statically nested blocks");
    }
  FBlock b = { type, label, label2, body, name, c->u->cur };
  g_array_append_val (c->u->fblocks, b);
}

static void
pop_fblock (Compiler *c)
{
  g_array_set_size (c->u->fblocks, c->u->fblocks->len - 1);
}

static void
emit_setup (Compiler *c, int label)
{
  emit_jump (c, HS_OP_SETUP_FINALLY, label);
}

static void
emit_pop_block (Compiler *c)
{
  emit (c, HS_OP_POP_BLOCK, 0);
}

/* name = None; del name (the end of `except E as name:`) */
static void
clear_handler_name (Compiler *c, const char *name)
{
  emit (c, HS_OP_LOAD_CONST, const_none (c));
  store_name (c, name, FALSE);
  store_name (c, name, TRUE);
}

static void
call_exit_none (Compiler *c)
{
  for (int i = 0; i < 3; i++)
    emit (c, HS_OP_LOAD_CONST, const_none (c));
  emit (c, HS_OP_CALL, 3);
  emit (c, HS_OP_POP_TOP, 0);
}

/* Emits what leaving block b early requires (with the return value on top when
 * preserve_tos). */
static void
unwind_fblock (Compiler *c, int index, gboolean preserve_tos)
{
  FBlock blk = g_array_index (c->u->fblocks, FBlock, index);
  FBlock *b = &blk;
  switch (b->type)
    {
      case FB_WHILE:
        break;
      case FB_FOR:
        if (preserve_tos)
          emit (c, HS_OP_ROT_TWO, 0);
        emit (c, HS_OP_POP_TOP, 0);
        break;
      case FB_TRY_EXCEPT:
        emit_pop_block (c);
        break;
      case FB_FINALLY_TRY:
        {
          emit_pop_block (c);
          /* the finally body runs with this block and the inner ones gone (a return
           * inside it unwinds the outer blocks only); they are restored afterwards */
          GArray *fb = c->u->fblocks;
          guint len = fb->len;
          guint idx = (guint)index;
          FBlock *tail
              = g_memdup2 (&g_array_index (fb, FBlock, idx), sizeof (FBlock) * (len - idx));
          g_array_set_size (fb, idx);
          visit_stmts (c, tail[0].body);
          g_array_set_size (fb, idx);
          g_array_append_vals (fb, tail, len - idx);
          g_free (tail);
          break;
        }
      case FB_FINALLY_END:
        if (preserve_tos)
          emit (c, HS_OP_ROT_TWO, 0);
        emit (c, HS_OP_POP_TOP, 0); /* the exception */
        emit_pop_block (c);
        if (preserve_tos)
          emit (c, HS_OP_ROT_TWO, 0);
        emit (c, HS_OP_POP_EXCEPT, 0);
        break;
      case FB_HANDLER:
        if (b->label2 >= 0)
          emit_pop_block (c);
        emit_pop_block (c);
        if (preserve_tos)
          emit (c, HS_OP_ROT_TWO, 0);
        emit (c, HS_OP_POP_EXCEPT, 0);
        if (b->name != NULL)
          clear_handler_name (c, b->name);
        break;
      case FB_WITH:
        set_pos (c, b->pos);
        emit_pop_block (c);
        if (preserve_tos)
          emit (c, HS_OP_ROT_TWO, 0);
        call_exit_none (c);
        break;
    }
}

/* Re-opens, after the jump, the blocks unwind_fblock closed (textual bracketing). */
static void
rewind_fblock (Compiler *c, FBlock *b)
{
  switch (b->type)
    {
      case FB_TRY_EXCEPT:
      case FB_FINALLY_TRY:
      case FB_FINALLY_END:
      case FB_WITH:
        emit_setup (c, b->label);
        break;
      case FB_HANDLER:
        emit_setup (c, b->label);
        if (b->label2 >= 0)
          emit_setup (c, b->label2);
        break;
      default:
        break;
    }
}

/* Unwinds the blocks above index `stop` (exclusive), innermost first. TRUE when a
 * finally body was inlined or a with's exit called (the jump that follows then keeps
 * their last line, as in CPython). */
static gboolean
unwind_to (Compiler *c, int stop, gboolean preserve_tos)
{
  gboolean inlined = FALSE;
  for (int i = (int)c->u->fblocks->len - 1; i > stop; i--)
    {
      FBType t = g_array_index (c->u->fblocks, FBlock, i).type;
      unwind_fblock (c, i, preserve_tos);
      if (t == FB_FINALLY_TRY || t == FB_WITH)
        {
          /* what follows seems to run after the finally body or exit call */
          HsCodePos none = { -1, -1, -1, -1, -1, -1 };
          set_pos (c, none);
          inlined = TRUE;
        }
    }
  return inlined;
}

static void
rewind_to (Compiler *c, int stop)
{
  for (int i = stop + 1; i < (int)c->u->fblocks->len; i++)
    rewind_fblock (c, &g_array_index (c->u->fblocks, FBlock, i));
}

static int
innermost_loop_index (Compiler *c)
{
  for (int i = (int)c->u->fblocks->len - 1; i >= 0; i--)
    {
      FBType t = g_array_index (c->u->fblocks, FBlock, i).type;
      if (t == FB_WHILE || t == FB_FOR)
        return i;
    }
  return -1;
}

static void
visit_break_continue (Compiler *c, HsStmt *s)
{
  gboolean brk = s->kind == HS_STMT_BREAK;
  int li = innermost_loop_index (c);
  if (li < 0)
    {
      error_at (c, "SyntaxError", s->pos,
                brk ? "'break' outside loop" : "'continue' not properly in loop");
      return;
    }
  FBlock loop = g_array_index (c->u->fblocks, FBlock, li);
  emit (c, HS_OP_NOP, 0); /* the statement's line event, before any unwinding code */
  unwind_to (c, li, FALSE);
  if (brk && loop.type == FB_FOR)
    emit (c, HS_OP_POP_TOP, 0);
  emit_jump (c, brk ? HS_OP_JUMP : HS_OP_JUMP_BACKWARD, brk ? loop.label2 : loop.label);
  rewind_to (c, li);
}

static void
visit_return (Compiler *c, HsStmt *s)
{
  if (c->u->kind != UNIT_FUNCTION)
    {
      error_at (c, "SyntaxError", s->pos, "'return' outside function");
      return;
    }
  if (s->u.value != NULL)
    visit_expr (c, s->u.value);
  else
    emit (c, HS_OP_LOAD_CONST, const_none (c));
  if (!unwind_to (c, -1, TRUE))
    set_pos (c, pos_plain (s->pos));
  emit (c, HS_OP_RETURN_VALUE, 0);
  rewind_to (c, -1);
}

/* try/except[/else]: see the module comment and CPython 3.11's compiler_try_except. */
static void
visit_try_except (Compiler *c, HsStmt *s)
{
  int handler = new_label (c), end = new_label (c), cleanup = new_label (c);
  emit_setup (c, handler);
  push_fblock (c, FB_TRY_EXCEPT, handler, -1, NULL, NULL);
  visit_stmts (c, &s->u.try_.body);
  pop_fblock (c);
  emit_pop_block (c);
  visit_stmts (c, &s->u.try_.orelse);
  emit_jump_noline (c, HS_OP_JUMP, end);
  HsExceptHandler *first = &s->u.try_.handlers[0];
  set_pos (c, pos_plain (first->pos));
  bind_label (c, handler); /* [exc] */
  emit_setup (c, cleanup);
  emit (c, HS_OP_PUSH_EXC_INFO, 0); /* [prev, exc] */
  for (int i = 0; i < s->u.try_.n_handlers && c->error == NULL; i++)
    {
      HsExceptHandler *h = &s->u.try_.handlers[i];
      int next = new_label (c);
      set_pos (c, pos_plain (h->pos));
      if (h->type == NULL && i < s->u.try_.n_handlers - 1)
        {
          error_at (c, "SyntaxError", h->pos, "default 'except:' must be last");
          return;
        }
      if (h->type != NULL)
        {
          visit_expr (c, h->type);
          set_pos (c, pos_plain (h->pos));
          emit (c, HS_OP_CHECK_EXC_MATCH, 0);
          emit_jump (c, HS_OP_POP_JUMP_IF_FALSE, next);
        }
      int named = -1;
      if (h->name != NULL)
        {
          store_name (c, h->name, FALSE);
          named = new_label (c);
          emit_setup (c, named);
        }
      else
        emit (c, HS_OP_POP_TOP, 0);
      push_fblock (c, FB_HANDLER, cleanup, named, NULL, h->name);
      visit_stmts (c, &h->body);
      pop_fblock (c);
      HsCodePos none = { -1, -1, -1, -1, -1, -1 };
      set_pos (c, none);
      if (named >= 0)
        emit_pop_block (c);
      emit_pop_block (c);
      emit (c, HS_OP_POP_EXCEPT, 0);
      if (h->name != NULL)
        clear_handler_name (c, h->name);
      emit_jump_noline (c, HS_OP_JUMP, end);
      emit_setup (c, cleanup);
      if (named >= 0)
        {
          bind_label (c, named); /* [prev, exc2] */
          clear_handler_name (c, h->name);
          emit (c, HS_OP_RERAISE, 1);
        }
      bind_label (c, next);
    }
  emit (c, HS_OP_RERAISE, 0);
  emit_pop_block (c);
  bind_label (c, cleanup); /* [prev, exc2] */
  emit (c, HS_OP_ROT_TWO, 0);
  emit (c, HS_OP_POP_EXCEPT, 0);
  emit (c, HS_OP_RERAISE, 1);
  bind_label (c, end);
}

static void
visit_try (Compiler *c, HsStmt *s)
{
  emit (c, HS_OP_NOP, 0); /* the `try:` line gets its line event, as in CPython */
  if (s->u.try_.finalbody.len == 0)
    {
      visit_try_except (c, s);
      return;
    }
  int handler = new_label (c), end = new_label (c), cleanup = new_label (c);
  emit_setup (c, handler);
  push_fblock (c, FB_FINALLY_TRY, handler, -1, &s->u.try_.finalbody, NULL);
  if (s->u.try_.n_handlers > 0)
    visit_try_except (c, s);
  else
    visit_stmts (c, &s->u.try_.body);
  pop_fblock (c);
  HsCodePos none = { -1, -1, -1, -1, -1, -1 };
  set_pos (c, none);
  emit_pop_block (c);
  visit_stmts (c, &s->u.try_.finalbody);
  emit_jump_noline (c, HS_OP_JUMP, end);
  set_pos (c, none);
  bind_label (c, handler); /* [exc] */
  emit_setup (c, cleanup);
  emit (c, HS_OP_PUSH_EXC_INFO, 0);
  push_fblock (c, FB_FINALLY_END, cleanup, -1, NULL, NULL);
  visit_stmts (c, &s->u.try_.finalbody);
  pop_fblock (c);
  set_pos (c, none);
  emit (c, HS_OP_RERAISE, 0);
  emit_pop_block (c);
  bind_label (c, cleanup);
  emit (c, HS_OP_ROT_TWO, 0);
  emit (c, HS_OP_POP_EXCEPT, 0);
  emit (c, HS_OP_RERAISE, 1);
  bind_label (c, end);
}

static void
visit_with_item (Compiler *c, HsStmt *s, int i)
{
  HsWithItem *item = &s->u.with_.items[i];
  int handler = new_label (c), end = new_label (c), cleanup = new_label (c),
      suppress = new_label (c);
  HsCodePos whole = pos_plain (s->pos);
  visit_expr (c, item->context_expr);
  set_pos (c, whole);
  emit (c, HS_OP_BEFORE_WITH, 0); /* [exit, entered] */
  emit_setup (c, handler);
  push_fblock (c, FB_WITH, handler, -1, NULL, NULL);
  if (item->optional_vars != NULL)
    visit_store (c, item->optional_vars);
  else
    emit (c, HS_OP_POP_TOP, 0);
  if (i + 1 < s->u.with_.n_items)
    visit_with_item (c, s, i + 1);
  else
    visit_stmts (c, &s->u.with_.body);
  pop_fblock (c);
  set_pos (c, whole);
  emit_pop_block (c);
  call_exit_none (c);
  emit_jump_noline (c, HS_OP_JUMP, end);
  bind_label (c, handler); /* [exit, exc] */
  emit_setup (c, cleanup);
  emit (c, HS_OP_PUSH_EXC_INFO, 0); /* [exit, prev, exc] */
  emit (c, HS_OP_WITH_EXCEPT_START, 0);
  emit_jump (c, HS_OP_POP_JUMP_IF_TRUE, suppress);
  emit (c, HS_OP_RERAISE, 1);
  emit_pop_block (c);
  bind_label (c, suppress);
  emit (c, HS_OP_POP_TOP, 0);
  emit (c, HS_OP_POP_EXCEPT, 0);
  emit (c, HS_OP_POP_TOP, 0);
  emit_jump_noline (c, HS_OP_JUMP, end);
  bind_label (c, cleanup); /* [exit, prev, exc2] */
  emit (c, HS_OP_ROT_TWO, 0);
  emit (c, HS_OP_POP_EXCEPT, 0);
  emit (c, HS_OP_RERAISE, 1);
  bind_label (c, end);
}

static void
visit_import (Compiler *c, HsStmt *s)
{
  gboolean from = s->kind == HS_STMT_IMPORTFROM;
  if (from && s->u.import.level > 0)
    {
      emit (c, HS_OP_IMPORT_NAME, name_index (c, ""));
      emit (c, HS_OP_POP_TOP, 0);
      return;
    }
  if (!from)
    {
      for (int i = 0; i < s->u.import.n_names; i++)
        {
          HsAlias *a = &s->u.import.names[i];
          emit (c, HS_OP_IMPORT_NAME, name_index (c, a->name));
          if (a->asname != NULL)
            store_name (c, a->asname, FALSE);
          else
            {
              const char *dot = strchr (a->name, '.');
              g_autofree char *top = dot != NULL ? g_strndup (a->name, dot - a->name) : NULL;
              if (top != NULL)
                {
                  emit (c, HS_OP_POP_TOP, 0);
                  emit (c, HS_OP_IMPORT_NAME, name_index (c, top));
                }
              store_name (c, top != NULL ? top : a->name, FALSE);
            }
        }
      return;
    }
  emit (c, HS_OP_IMPORT_NAME, name_index (c, s->u.import.module));
  for (int i = 0; i < s->u.import.n_names; i++)
    {
      HsAlias *a = &s->u.import.names[i];
      if (strcmp (a->name, "*") == 0)
        {
          unsupported (c, s->pos, "'from ... import *'");
          return;
        }
      emit (c, HS_OP_IMPORT_FROM, name_index (c, a->name));
      store_name (c, a->asname != NULL ? a->asname : a->name, FALSE);
    }
  emit (c, HS_OP_POP_TOP, 0);
}

static void
visit_if (Compiler *c, HsStmt *s)
{
  int orelse = new_label (c), end = new_label (c);
  visit_jump_if (c, s->u.if_.test, s->u.if_.orelse.len > 0 ? orelse : end, FALSE);
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
  visit_jump_if (c, s->u.while_.test, orelse, FALSE);
  bind_label (c, body);
  push_fblock (c, FB_WHILE, top, end, NULL, NULL);
  visit_stmts (c, &s->u.while_.body);
  pop_fblock (c);
  set_pos (c, pos_plain (s->pos));
  visit_jump_if (c, s->u.while_.test, body, TRUE);
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
  fold_iterable (s->u.for_.iter);
  visit_expr (c, s->u.for_.iter);
  set_pos (c, whole);
  emit (c, HS_OP_GET_ITER, 0);
  bind_label (c, top);
  emit_jump (c, HS_OP_FOR_ITER, orelse);
  visit_store (c, s->u.for_.target);
  push_fblock (c, FB_FOR, top, end, NULL, NULL);
  visit_stmts (c, &s->u.for_.body);
  pop_fblock (c);
  set_pos (c, whole);
  emit_jump_noline (c, HS_OP_JUMP_BACKWARD, top);
  bind_label (c, orelse);
  visit_stmts (c, &s->u.for_.orelse);
  bind_label (c, end);
}

static HsCode *compile_function (Compiler *c, HsStmt *s);
static HsCode *compile_class (Compiler *c, HsStmt *s);

/* Pushes a function object for `code`: the defaults (flags 1) and kwdefaults (flags 2)
 * are already on the stack; adds the closure tuple (LOAD_CLOSURE of each free variable
 * the child needs, in its closure order). The child code is adopted by the unit. */
static void
make_closure (Compiler *c, HsCode *code, HsScope *scope, guint32 flags)
{
  if (scope != NULL && scope->frees->len > 0)
    {
      for (guint i = 0; i < scope->frees->len; i++)
        {
          const char *name = scope->frees->pdata[i];
          int slot = local_index (c->u, name);
          if (slot < 0)
            {
              error_at (c, "SystemError", (HsPos){ code->firstlineno, 0, code->firstlineno, 0 },
                        "compiler: no slot for free variable '%s'", name);
              hs_code_free (c->vm, code);
              return;
            }
          emit (c, HS_OP_LOAD_CLOSURE, slot);
        }
      emit (c, HS_OP_BUILD_TUPLE, scope->frees->len);
      flags |= 4;
    }
  g_ptr_array_add (c->u->children, code);
  emit (c, HS_OP_MAKE_FUNCTION, ((c->u->children->len - 1) << 3) | flags);
}

/* Defaults and keyword-only defaults of a def or lambda; returns MAKE_FUNCTION flags. */
static guint32
visit_defaults (Compiler *c, HsArguments *a, HsPos pos)
{
  guint32 flags = 0;
  if (a->defaults.len > 0)
    {
      visit_exprs (c, &a->defaults);
      set_pos (c, pos_plain (pos));
      emit (c, HS_OP_BUILD_TUPLE, a->defaults.len);
      flags |= 1;
    }
  int nkw = 0;
  for (int i = 0; i < a->n_kwonly; i++)
    if (a->kw_defaults[i] != NULL)
      {
        set_pos (c, pos_plain (pos));
        emit (c, HS_OP_LOAD_CONST,
              const_str (c, a->kwonlyargs[i].name, strlen (a->kwonlyargs[i].name)));
        visit_expr (c, a->kw_defaults[i]);
        nkw++;
      }
  if (nkw > 0)
    {
      set_pos (c, pos_plain (pos));
      emit (c, HS_OP_BUILD_MAP, nkw);
      flags |= 2;
    }
  return flags;
}

static gboolean
check_arguments (Compiler *c, HsArguments *a, HsPos pos)
{
  if (a->n_posonly > 0)
    {
      unsupported (c, pos, "positional-only parameters ('/')");
      return FALSE;
    }
  return TRUE;
}

static void
apply_decorators (Compiler *c, HsExprList *decorators)
{
  for (int i = decorators->len - 1; i >= 0; i--)
    {
      set_pos (c, pos_plain (decorators->items[i]->pos));
      emit (c, HS_OP_CALL, 1);
    }
}

static void
visit_funcdef (Compiler *c, HsStmt *s)
{
  HsArguments *a = s->u.funcdef.args;
  if (s->u.funcdef.is_async)
    return unsupported (c, s->pos, "'async def' functions");
  if (!check_arguments (c, a, s->pos))
    return;
  visit_exprs (c, &s->u.funcdef.decorators);
  guint32 flags = visit_defaults (c, a, s->pos);
  HsCode *code = compile_function (c, s);
  if (code == NULL)
    return;
  set_pos (c, pos_plain (s->pos));
  make_closure (c, code, hs_symtable_lookup (c->st, s), flags);
  apply_decorators (c, &s->u.funcdef.decorators);
  set_pos (c, pos_plain (s->pos));
  store_name (c, s->u.funcdef.name, FALSE);
}

static void
visit_classdef (Compiler *c, HsStmt *s)
{
  if (s->u.classdef.n_keywords > 0)
    return unsupported (c, s->u.classdef.keywords[0].pos, "class keywords (metaclass=...)");
  if (has_starred (&s->u.classdef.bases))
    return unsupported (c, s->pos, "'*' in class bases");
  visit_exprs (c, &s->u.classdef.decorators);
  HsCode *code = compile_class (c, s);
  if (code == NULL)
    return;
  set_pos (c, pos_plain (s->pos));
  make_closure (c, code, hs_symtable_lookup (c->st, s), 0);
  emit (c, HS_OP_LOAD_CONST, const_str (c, s->u.classdef.name, strlen (s->u.classdef.name)));
  visit_exprs (c, &s->u.classdef.bases);
  set_pos (c, pos_plain (s->pos));
  emit (c, HS_OP_BUILD_CLASS, s->u.classdef.bases.len);
  apply_decorators (c, &s->u.classdef.decorators);
  set_pos (c, pos_plain (s->pos));
  store_name (c, s->u.classdef.name, FALSE);
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
        emit (c, HS_OP_NOP, 0);
        break;
      case HS_STMT_GLOBAL:
      case HS_STMT_NONLOCAL:
        break; /* declarations: no code, so no line event (as in CPython) */
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
        visit_break_continue (c, s);
        break;
      case HS_STMT_RETURN:
        visit_return (c, s);
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
          visit_jump_if (c, s->u.assert_.test, end, TRUE);
          if (s->u.assert_.msg != NULL)
            visit_expr (c, s->u.assert_.msg);
          set_pos (c, pos_plain (s->u.assert_.test->pos));
          emit (c, HS_OP_ASSERT_FAIL, s->u.assert_.msg != NULL);
          bind_label (c, end);
          break;
        }
      case HS_STMT_CLASSDEF:
        visit_classdef (c, s);
        break;
      case HS_STMT_TRY:
        visit_try (c, s);
        break;
      case HS_STMT_WITH:
        visit_with_item (c, s, 0);
        break;
      case HS_STMT_MATCH:
        unsupported (c, s->pos, "'match' statements");
        break;
      case HS_STMT_IMPORT:
      case HS_STMT_IMPORTFROM:
        visit_import (c, s);
        break;
    }
}

static void
visit_stmt (Compiler *c, HsStmt *s)
{
  if (c->error != NULL)
    return;
  if (enter_level (c))
    {
      HsCodePos old = set_pos (c, pos_plain (s->pos));
      visit_stmt_inner (c, s);
      c->u->cur = old;
    }
  c->depth--;
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
      case HS_OP_DELETE_DEREF:
      case HS_OP_DELETE_NAME:
      case HS_OP_POP_BLOCK:
      case HS_OP_CHECK_EXC_MATCH:
      case HS_OP_LIST_TO_TUPLE:
      case HS_OP_YIELD_VALUE:
      case HS_OP_GET_YIELD_FROM_ITER:
        return 0;
      case HS_OP_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
      case HS_OP_SETUP_FINALLY:
        return jump ? 1 : 0;
      case HS_OP_LOAD_CONST:
      case HS_OP_LOAD_FAST:
      case HS_OP_LOAD_GLOBAL:
      case HS_OP_LOAD_DEREF:
      case HS_OP_LOAD_CLOSURE:
      case HS_OP_LOAD_NAME:
      case HS_OP_LOAD_CLASSDEREF:
      case HS_OP_DUP_TOP:
      case HS_OP_LOAD_METHOD:
      case HS_OP_PUSH_EXC_INFO:
      case HS_OP_IMPORT_NAME:
      case HS_OP_IMPORT_FROM:
      case HS_OP_BEFORE_WITH:
      case HS_OP_WITH_EXCEPT_START:
        return 1;
      case HS_OP_DUP_TOP_TWO:
        return 2;
      case HS_OP_STORE_FAST:
      case HS_OP_STORE_GLOBAL:
      case HS_OP_STORE_DEREF:
      case HS_OP_STORE_NAME:
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
      case HS_OP_POP_EXCEPT:
      case HS_OP_RERAISE:
      case HS_OP_LIST_APPEND:
      case HS_OP_SET_ADD:
      case HS_OP_LIST_EXTEND:
      case HS_OP_DICT_MERGE:
      case HS_OP_SET_UPDATE:
        return -1;
      case HS_OP_MAP_ADD:
        return -2;
      case HS_OP_STORE_SUBSCR:
        return -3;
      case HS_OP_DELETE_SUBSCR:
      case HS_OP_STORE_ATTR:
        return -2;
      case HS_OP_BUILD_SLICE:
      case HS_OP_BUILD_LIST:
      case HS_OP_BUILD_TUPLE:
      case HS_OP_BUILD_STRING:
      case HS_OP_BUILD_SET:
        return 1 - (int)arg;
      case HS_OP_BUILD_MAP:
        return 1 - 2 * (int)arg;
      case HS_OP_CALL_METHOD:
        return -(int)arg - 1;
      case HS_OP_CALL:
        return -(int)arg;
      case HS_OP_CALL_KW:
        return -(int)arg - 1;
      case HS_OP_CALL_FUNCTION_EX:
        return -(int)arg - 1;
      case HS_OP_BUILD_CLASS:
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
      case HS_OP_SEND:
        return jump ? -1 : 0;
      case HS_OP_MAKE_FUNCTION:
        return 1 - (int)(arg & 1) - (int)((arg >> 1) & 1) - (int)((arg >> 2) & 1);
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
         || op == HS_OP_RAISE || op == HS_OP_ASSERT_FAIL || op == HS_OP_RERAISE;
}

static gboolean
is_jump_op (guint32 op)
{
  return op == HS_OP_JUMP || op == HS_OP_JUMP_BACKWARD || op == HS_OP_POP_JUMP_IF_FALSE
         || op == HS_OP_POP_JUMP_IF_TRUE || op == HS_OP_JUMP_IF_FALSE_OR_POP
         || op == HS_OP_JUMP_IF_TRUE_OR_POP || op == HS_OP_FOR_ITER || op == HS_OP_SEND
         || op == HS_OP_SETUP_FINALLY;
}

static gboolean
is_pseudo (guint32 op)
{
  return op == HS_OP_SETUP_FINALLY || op == HS_OP_POP_BLOCK;
}

/* Stack depth before each instruction (-1: unreachable) by a walk of the flow graph in
 * which SETUP_FINALLY also branches to its handler with the exception pushed. Returns
 * the maximum depth. */
static int
compute_depths (Instr *in, int n, int *depth)
{
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
          guint32 op = in[i].op, arg = in[i].arg;
          if (op == HS_OP_LOAD_METHOD || op == HS_OP_UNPACK_SEQUENCE || op == HS_OP_UNPACK_EX)
            maxd = MAX (maxd, d + (int)(arg & 0xfff) + (int)(arg >> 12) + 1);
          if (is_jump_op (op))
            {
              int jd = d + stack_effect (op, arg, TRUE);
              maxd = MAX (maxd, jd);
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
  return maxd;
}

static void
add_exc_entry (GArray *table, int handler, int start, int end, int *newidx, int *depth)
{
  if (handler < 0 || end <= start || depth[handler] < 1)
    return;
  HsExcEntry e = { start, end, newidx[handler], depth[handler] - 1 };
  g_array_append_val (table, e);
}

/* Exception table from the textual SETUP_FINALLY/POP_BLOCK bracketing: each real
 * instruction is protected by the innermost open block. */
static void
build_exc_table (Instr *in, int n, int *newidx, int *depth, HsCode *co)
{
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *table = g_array_new (FALSE, FALSE, sizeof (HsExcEntry));
  int cur = -1, cur_start = 0;
  for (int i = 0; i < n; i++)
    {
      if (in[i].op == HS_OP_SETUP_FINALLY)
        {
          int t = (int)in[i].arg;
          g_array_append_val (stack, t);
          continue;
        }
      if (in[i].op == HS_OP_POP_BLOCK)
        {
          if (stack->len > 0)
            g_array_set_size (stack, stack->len - 1);
          continue;
        }
      int h = stack->len > 0 ? g_array_index (stack, int, stack->len - 1) : -1;
      if (h != cur)
        {
          add_exc_entry (table, cur, cur_start, newidx[i], newidx, depth);
          cur = h;
          cur_start = newidx[i];
        }
    }
  add_exc_entry (table, cur, cur_start, newidx[n], newidx, depth);
  co->nexc = (int)table->len;
  co->exc_table = (HsExcEntry *)g_array_free (table, FALSE);
  g_array_free (stack, TRUE);
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
  int *depth = g_new (int, n + 1);
  int maxd = compute_depths (in, n, depth);
  /* Position-less instructions that are not jump targets take their predecessor's (the
   * last real one: pseudo-instructions leave no code to own a line). */
  int prev = -1;
  gboolean pending = FALSE;
  for (int i = 0; i < n; i++)
    {
      pending |= target[i];
      if (is_pseudo (in[i].op))
        continue;
      if (in[i].pos.line < 0 && !pending && prev >= 0)
        in[i].pos = in[prev].pos;
      pending = FALSE;
      prev = i;
    }

  int *newidx = g_new (int, n + 1);
  GArray *code = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *pos = g_array_new (FALSE, FALSE, sizeof (HsCodePos));
  int prev_line = -1;
  gboolean pending_target = FALSE;
  for (int i = 0; i < n; i++)
    {
      newidx[i] = (int)code->len;
      pending_target |= target[i];
      if (is_pseudo (in[i].op))
        continue;
      int line = in[i].pos.line;
      if (line >= 0 && (code->len == 0 || pending_target || line != prev_line))
        {
          guint32 w = HS_INSTR (HS_OP_LINE, 0);
          g_array_append_val (code, w);
          g_array_append_val (pos, in[i].pos);
        }
      pending_target = FALSE;
      prev_line = line;
      guint32 w = HS_INSTR (in[i].op, in[i].arg);
      g_array_append_val (code, w);
      g_array_append_val (pos, in[i].pos);
    }
  newidx[n] = (int)code->len;
  guint32 *words = (guint32 *)code->data;
  for (int i = 0; i < n; i++)
    if (in[i].is_jump && !is_pseudo (in[i].op))
      words[newidx[i] + (HS_INSTR_OP (words[newidx[i]]) == HS_OP_LINE)]
          = HS_INSTR (in[i].op, newidx[in[i].arg]);

  HsCode *co = g_new0 (HsCode, 1);
  build_exc_table (in, n, newidx, depth, co);
  co->name = g_strdup (u->name);
  co->qualname = g_strdup (u->qualname);
  co->filename = g_strdup (c->filename);
  co->firstlineno = u->firstlineno;
  co->is_module = u->kind == UNIT_MODULE;
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
  co->nkwonly = u->nkwonly;
  co->flags = u->code_flags;
  co->varnames = g_new0 (char *, MAX (1, co->nlocals));
  co->varname_objs = g_new0 (HsObject *, MAX (1, co->nlocals));
  for (int i = 0; i < co->nlocals; i++)
    {
      co->varnames[i] = g_strdup (u->varnames->pdata[i]);
      co->varname_objs[i] = hs_str_intern_cstr (co->varnames[i]);
    }
  co->ncells = (int)u->cells->len;
  co->cells = g_memdup2 (u->cells->data, sizeof (int) * MAX (1, co->ncells));
  co->nfrees = (int)u->frees->len;
  co->frees = g_memdup2 (u->frees->data, sizeof (int) * MAX (1, co->nfrees));
  co->nchildren = (int)u->children->len;
  co->children = g_memdup2 (u->children->pdata, sizeof (HsCode *) * MAX (1, u->children->len));
  co->stacksize = maxd + 2;
  g_free (newidx);
  g_free (target);
  g_free (depth);
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

/* Opens a unit for the scope of `node` (already analysed by the symtable). */
static Unit *
enter_unit (Compiler *c, gconstpointer node, const char *name, UnitKind kind, int firstlineno)
{
  HsScope *scope = hs_symtable_lookup (c->st, node);
  Unit *u = unit_new (c->u, name, kind, scope, firstlineno);
  if (c->u != NULL && c->u->kind != UNIT_MODULE)
    u->code_flags |= HS_CODE_NESTED;
  if (kind == UNIT_CLASS)
    u->code_flags |= HS_CODE_CLASS_BODY;
  if (scope != NULL && scope->is_generator)
    u->code_flags |= HS_CODE_GENERATOR;
  c->u = u;
  allocate_slots (u);
  return u;
}

static HsCode *
leave_unit (Compiler *c, Unit *u)
{
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
set_params (Unit *u, HsArguments *a)
{
  u->nparams = a->n_posonly + a->n_args;
  u->nkwonly = a->n_kwonly;
  if (a->vararg != NULL)
    u->code_flags |= HS_CODE_VARARGS;
  if (a->kwarg != NULL)
    u->code_flags |= HS_CODE_VARKEYWORDS;
}

/* A def's or class's co_firstlineno: in CPython 3.11 its first decorator's line, which is
 * also the line of its 'call' events. */
static int
first_line (HsStmt *s, HsExprList *decorators)
{
  return decorators->len > 0 ? decorators->items[0]->pos.lineno : s->pos.lineno;
}

static HsCode *
compile_function (Compiler *c, HsStmt *s)
{
  Unit *u = enter_unit (c, s, s->u.funcdef.name, UNIT_FUNCTION,
                        first_line (s, &s->u.funcdef.decorators));
  set_params (u, s->u.funcdef.args);
  HsStmtList body = s->u.funcdef.body;
  if (has_docstring (&body))
    {
      body.items++;
      body.len--;
    }
  visit_stmts (c, &body);
  emit_implicit_return (c);
  return leave_unit (c, u);
}

static HsCode *
compile_lambda (Compiler *c, HsExpr *e)
{
  if (!check_arguments (c, e->u.lambda.args, e->pos))
    return NULL;
  Unit *u = enter_unit (c, e, "<lambda>", UNIT_FUNCTION, e->pos.lineno);
  set_params (u, e->u.lambda.args);
  set_pos (c, pos_plain (e->u.lambda.body->pos));
  visit_expr (c, e->u.lambda.body);
  if (!(u->code_flags & HS_CODE_GENERATOR))
    emit (c, HS_OP_RETURN_VALUE, 0);
  else
    {
      emit (c, HS_OP_POP_TOP, 0);
      emit_implicit_return (c);
    }
  return leave_unit (c, u);
}

/* One `for` clause and the ones inside it. As in CPython 3.11, the instructions of the
 * comprehension itself take a running position: the whole comprehension's, until an `if`
 * clause that compares moves it (see visit_jump_if; so the appends, the backward jumps
 * and the return can sit on an `if` line, which decides its line events). */
static void
comprehension_loop (Compiler *c, HsExpr *e, int gen)
{
  HsComprehension *g = &e->u.comp.generators[gen];
  int top = new_label (c), end = new_label (c), if_cleanup = new_label (c);
  if (g->is_async)
    {
      unsupported (c, e->pos, "asynchronous comprehensions");
      return;
    }
  if (gen == 0)
    emit (c, HS_OP_LOAD_FAST, 0); /* .0 */
  else
    {
      fold_iterable (g->iter);
      visit_expr (c, g->iter);
      emit (c, HS_OP_GET_ITER, 0);
    }
  bind_label (c, top);
  emit_jump (c, HS_OP_FOR_ITER, end);
  visit_store (c, g->target);
  for (int i = 0; i < g->ifs.len; i++)
    visit_jump_if (c, g->ifs.items[i], if_cleanup, FALSE);
  if (gen + 1 < e->u.comp.n_generators)
    comprehension_loop (c, e, gen + 1);
  else
    {
      int depth = e->u.comp.n_generators + 1;
      switch (e->kind)
        {
          case HS_EXPR_LISTCOMP:
            visit_expr (c, e->u.comp.elt);
            emit (c, HS_OP_LIST_APPEND, depth);
            break;
          case HS_EXPR_SETCOMP:
            visit_expr (c, e->u.comp.elt);
            emit (c, HS_OP_SET_ADD, depth);
            break;
          case HS_EXPR_DICTCOMP:
            visit_expr (c, e->u.comp.key);
            visit_expr (c, e->u.comp.elt);
            emit (c, HS_OP_MAP_ADD, depth);
            break;
          default:
            visit_expr (c, e->u.comp.elt);
            emit (c, HS_OP_YIELD_VALUE, 0);
            emit (c, HS_OP_POP_TOP, 0);
            break;
        }
    }
  bind_label (c, if_cleanup);
  emit_jump (c, HS_OP_JUMP_BACKWARD, top);
  bind_label (c, end);
}

static HsCode *
compile_comprehension (Compiler *c, HsExpr *e)
{
  const char *name = e->kind == HS_EXPR_LISTCOMP   ? "<listcomp>"
                     : e->kind == HS_EXPR_SETCOMP  ? "<setcomp>"
                     : e->kind == HS_EXPR_DICTCOMP ? "<dictcomp>"
                                                   : "<genexpr>";
  Unit *u = enter_unit (c, e, name, UNIT_FUNCTION, e->pos.lineno);
  u->nparams = 1;
  set_pos (c, pos_plain (e->pos));
  if (e->kind == HS_EXPR_LISTCOMP)
    emit (c, HS_OP_BUILD_LIST, 0);
  else if (e->kind == HS_EXPR_SETCOMP)
    emit (c, HS_OP_BUILD_SET, 0);
  else if (e->kind == HS_EXPR_DICTCOMP)
    emit (c, HS_OP_BUILD_MAP, 0);
  comprehension_loop (c, e, 0);
  if (e->kind == HS_EXPR_GENEXP)
    {
      /* CPython's implicit return takes the line of the FOR_ITER that jumps to it */
      set_pos (c, pos_plain (e->pos));
      emit (c, HS_OP_LOAD_CONST, const_none (c));
    }
  emit (c, HS_OP_RETURN_VALUE, 0);
  return leave_unit (c, u);
}

static HsCode *
compile_class (Compiler *c, HsStmt *s)
{
  Unit *u = enter_unit (c, s, s->u.classdef.name, UNIT_CLASS,
                        first_line (s, &s->u.classdef.decorators));
  HsStmtList body = s->u.classdef.body;
  HsExprList *decorators = &s->u.classdef.decorators;
  set_pos (c, pos_plain (decorators->len > 0 ? decorators->items[0]->pos : s->pos));
  /* CPython's class body starts as `__module__ = __name__` on its first line (which also
   * gives that line its event); the namespace's order of keys follows */
  emit (c, HS_OP_LOAD_NAME, name_index (c, "__name__"));
  emit (c, HS_OP_STORE_NAME, name_index (c, "__module__"));
  if (has_docstring (&body))
    {
      HsStmt *doc = body.items[0];
      set_pos (c, pos_plain (doc->pos));
      visit_constant (c, doc->u.value);
      emit (c, HS_OP_STORE_NAME, name_index (c, "__doc__"));
      body.items++;
      body.len--;
    }
  visit_stmts (c, &body);
  HsCodePos none = { -1, -1, -1, -1, -1, -1 };
  if (u->scope->class_cell)
    emit_at (c, HS_OP_LOAD_CLOSURE, local_index (u, "__class__"), none);
  else
    emit_at (c, HS_OP_LOAD_CONST, const_none (c), none);
  emit_at (c, HS_OP_RETURN_VALUE, 0, none);
  return leave_unit (c, u);
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
  Compiler c = { vm, source, len, filename, NULL, NULL, NULL, NULL, 0 };
  compute_line_starts (&c);
  c.st = hs_symtable_build (mod);
  HsPos epos;
  const char *emsg = hs_symtable_error (c.st, &epos);
  if (hs_symtable_too_deep (c.st))
    recursion_error (&c);
  else if (emsg != NULL)
    error_at (&c, "SyntaxError", epos, "%s", emsg);
  Unit *u = unit_new (NULL, "<module>", UNIT_MODULE, hs_symtable_module (c.st), 1);
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
  hs_symtable_free (c.st);
  g_array_free (c.line_starts, TRUE);
  if (error != NULL)
    *error = c.error;
  else if (c.error != NULL)
    hs_syntax_error_free (c.error);
  return code;
}
