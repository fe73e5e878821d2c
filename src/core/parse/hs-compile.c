/* hs-compile.c — the compiler's statements and units: errors and source positions, the
 * statement visitors, and the units of defs, lambdas, comprehensions, classes and the
 * module (hs_compile_module). Expressions are in hs-compile-expr.c, assembly in
 * hs-assemble.c; hs-compile-private.h holds what they share and the Unit invariant.
 *
 * Scopes come from hs-symtable: a function's locals live in fast slots (parameters
 * first), its cells and free variables in slots holding cell objects; a class body's
 * names live in its namespace dict; everything else resolves through the module's
 * globals, then the builtins.
 *
 * Exceptions: SETUP_FINALLY/POP_BLOCK pseudo-instructions bracket protected
 * code in textual order; the assembler removes them and writes the exception table.
 * Leaving protected code early (return, break, continue) pops the blocks, runs the
 * `finally` bodies inline, jumps, and re-opens the blocks textually after the jump, so
 * the linear bracketing stays balanced (CPython 3.11's scheme, without a CFG).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "hs-compile-private.h"
#include "hs-recursion.h"

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

typedef struct
{
  int lineno;
  char *message;
} Warning;

void
hs_compile_warn (Compiler *c, int lineno, const char *message)
{
  Warning w = { lineno, g_strdup (message) };
  g_array_append_val (c->warnings, w);
}

static void
report_warnings (Compiler *c)
{
  /* CPython prints the source line when it can read the file: not for exec()'s strings */
  gboolean from_file = c->filename[0] != '<';
  for (guint i = 0; i < c->warnings->len; i++)
    {
      Warning *w = &g_array_index (c->warnings, Warning, i);
      g_autofree char *line = from_file ? line_text (c, w->lineno) : NULL;
      hs_vm_write_syntax_warning (c->vm, c->filename, w->lineno, w->message, line,
                                  !c->in_namespace);
    }
}

static void
warning_clear (gpointer p)
{
  g_free (((Warning *)p)->message);
}

/* Where CPython 3.11's AssertionError points: at the comparison the test's jumps ended
 * with (through `not`, `and`/`or` and `if`-`else`), else at the whole statement, which a
 * traceback shows without carets. */
static HsPos
assert_raise_pos (HsStmt *s)
{
  HsExpr *e = s->u.assert_.test;

  for (;;)
    switch (e->kind)
      {
        case HS_EXPR_COMPARE:
          return e->pos;
        case HS_EXPR_UNARYOP:
          if (e->u.unaryop.op != HS_UOP_NOT)
            return s->pos;
          e = e->u.unaryop.operand;
          break;
        case HS_EXPR_BOOLOP:
          e = e->u.boolop.values.items[e->u.boolop.values.len - 1];
          break;
        case HS_EXPR_IFEXP:
          e = e->u.ifexp.orelse;
          break;
        default:
          return s->pos;
      }
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

void
hs_compile_error_at (Compiler *c, const char *type_name, HsPos pos, const char *fmt, ...)
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
  err->from_compiler = TRUE;
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
 * RecursionError, past the symtable's limit or when the C stack runs short. The symtable
 * normally stops such a program first; this guards the compiler's own walk. */
gboolean
hs_compile_enter_level (Compiler *c)
{
  if (++c->depth <= c->max_depth && !hs_stack_exhausted ())
    return TRUE;
  recursion_error (c);
  return FALSE;
}

void
hs_compile_unsupported (Compiler *c, HsPos pos, const char *what)
{
  if (c->error != NULL)
    return;
  hs_compile_error_at (c, "NotImplementedError", pos,
                       "%s %s not supported by Heapscope yet (line %d)", what,
                       g_str_has_suffix (what, "s") ? "are" : "is", pos.lineno);
  c->error->construct = g_strdup (what);
}

/* ---- positions ------------------------------------------------------------------- */

HsCodePos
hs_compile_pos_plain (HsPos p)
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

HsCodePos
hs_compile_pos_expr (Compiler *c, HsExpr *e)
{
  HsCodePos cp = hs_compile_pos_plain (e->pos);
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
HsCodePos
hs_compile_pos_attr (HsCodePos cp, HsExpr *attr)
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
HsCodePos
hs_compile_set_pos (Compiler *c, HsCodePos cp)
{
  HsCodePos old = c->u->cur;
  c->u->cur = cp;
  return old;
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
      hs_compile_error_at (c, "SyntaxError", pos, "too many statically nested blocks");
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
  hs_compile_emit_jump (c, HS_OP_SETUP_FINALLY, label);
}

static void
emit_pop_block (Compiler *c)
{
  hs_compile_emit (c, HS_OP_POP_BLOCK, 0);
}

/* name = None; del name (the end of `except E as name:`) */
static void
clear_handler_name (Compiler *c, const char *name)
{
  hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
  hs_compile_store_name (c, name, FALSE);
  hs_compile_store_name (c, name, TRUE);
}

static void
call_exit_none (Compiler *c)
{
  for (int i = 0; i < 3; i++)
    hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
  hs_compile_emit (c, HS_OP_CALL, 3);
  hs_compile_emit (c, HS_OP_POP_TOP, 0);
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
          hs_compile_emit (c, HS_OP_ROT_TWO, 0);
        hs_compile_emit (c, HS_OP_POP_TOP, 0);
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
          hs_compile_visit_stmts (c, tail[0].body);
          g_array_set_size (fb, idx);
          g_array_append_vals (fb, tail, len - idx);
          g_free (tail);
          break;
        }
      case FB_FINALLY_END:
        if (preserve_tos)
          hs_compile_emit (c, HS_OP_ROT_TWO, 0);
        hs_compile_emit (c, HS_OP_POP_TOP, 0); /* the exception */
        emit_pop_block (c);
        if (preserve_tos)
          hs_compile_emit (c, HS_OP_ROT_TWO, 0);
        hs_compile_emit (c, HS_OP_POP_EXCEPT, 0);
        break;
      case FB_HANDLER:
        if (b->label2 >= 0)
          emit_pop_block (c);
        emit_pop_block (c);
        if (preserve_tos)
          hs_compile_emit (c, HS_OP_ROT_TWO, 0);
        hs_compile_emit (c, HS_OP_POP_EXCEPT, 0);
        if (b->name != NULL)
          clear_handler_name (c, b->name);
        break;
      case FB_WITH:
        hs_compile_set_pos (c, b->pos);
        emit_pop_block (c);
        if (preserve_tos)
          hs_compile_emit (c, HS_OP_ROT_TWO, 0);
        call_exit_none (c);
        break;
      case FB_EXCEPT_STAR:
        break; /* unwind_to refuses to leave it */
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
          hs_compile_set_pos (c, HS_CODE_POS_NONE);
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

/* Leaving the blocks above `stop` must not leave an except* clause: FALSE with CPython's
 * SyntaxError at pos. */
static gboolean
may_leave (Compiler *c, int stop, HsPos pos)
{
  for (int i = (int)c->u->fblocks->len - 1; i > stop; i--)
    if (g_array_index (c->u->fblocks, FBlock, i).type == FB_EXCEPT_STAR)
      {
        hs_compile_error_at (c, "SyntaxError", pos,
                             "'break', 'continue' and 'return' cannot appear in an except* block");
        return FALSE;
      }
  return TRUE;
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
      hs_compile_error_at (c, "SyntaxError", s->pos,
                           brk ? "'break' outside loop" : "'continue' not properly in loop");
      return;
    }
  FBlock loop = g_array_index (c->u->fblocks, FBlock, li);
  if (!may_leave (c, li, s->pos))
    return;
  hs_compile_emit (c, HS_OP_NOP, 0); /* the statement's line event, before any unwinding code */
  unwind_to (c, li, FALSE);
  if (brk && loop.type == FB_FOR)
    hs_compile_emit (c, HS_OP_POP_TOP, 0);
  hs_compile_emit_jump (c, brk ? HS_OP_JUMP : HS_OP_JUMP_BACKWARD, brk ? loop.label2 : loop.label);
  rewind_to (c, li);
}

static void
visit_return (Compiler *c, HsStmt *s)
{
  if (c->u->kind != UNIT_FUNCTION)
    {
      hs_compile_error_at (c, "SyntaxError", s->pos, "'return' outside function");
      return;
    }
  /* CPython reports it at the value, where its compiler's location was left */
  if (!may_leave (c, -1, s->u.value != NULL ? s->u.value->pos : s->pos))
    return;
  if (s->u.value != NULL)
    hs_compile_visit_expr (c, s->u.value);
  else
    hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
  if (!unwind_to (c, -1, TRUE))
    hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
  hs_compile_emit (c, HS_OP_RETURN_VALUE, 0);
  rewind_to (c, -1);
}

/* The protected body of a try with handlers, its else, and the jump past the handlers. */
static void
try_body (Compiler *c, HsStmt *s, int handler, int end)
{
  emit_setup (c, handler);
  push_fblock (c, FB_TRY_EXCEPT, handler, -1, NULL, NULL);
  hs_compile_visit_stmts (c, &s->u.try_.body);
  pop_fblock (c);
  emit_pop_block (c);
  hs_compile_visit_stmts (c, &s->u.try_.orelse);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
}

/* What an exception raised in the handlers does (the handled one restored, it goes on),
 * then the statement's end. */
static void
cleanup_then_end (Compiler *c, int cleanup, int end)
{
  hs_compile_bind_label (c, cleanup); /* [prev, exc2] */
  hs_compile_emit (c, HS_OP_ROT_TWO, 0);
  hs_compile_emit (c, HS_OP_POP_EXCEPT, 0);
  hs_compile_emit (c, HS_OP_RERAISE, 1);
  hs_compile_bind_label (c, end);
}

/* try/except[/else]: see the module comment and CPython 3.11's compiler_try_except. */
static void
visit_try_except (Compiler *c, HsStmt *s)
{
  int handler = hs_compile_new_label (c), end = hs_compile_new_label (c),
      cleanup = hs_compile_new_label (c);
  try_body (c, s, handler, end);
  HsExceptHandler *first = &s->u.try_.handlers[0];
  hs_compile_set_pos (c, hs_compile_pos_plain (first->pos));
  hs_compile_bind_label (c, handler); /* [exc] */
  emit_setup (c, cleanup);
  hs_compile_emit (c, HS_OP_PUSH_EXC_INFO, 0); /* [prev, exc] */
  for (int i = 0; i < s->u.try_.n_handlers && c->error == NULL; i++)
    {
      HsExceptHandler *h = &s->u.try_.handlers[i];
      int next = hs_compile_new_label (c);
      hs_compile_set_pos (c, hs_compile_pos_plain (h->pos));
      if (h->type == NULL && i < s->u.try_.n_handlers - 1)
        {
          hs_compile_error_at (c, "SyntaxError", h->pos, "default 'except:' must be last");
          return;
        }
      if (h->type != NULL)
        {
          hs_compile_visit_expr (c, h->type);
          hs_compile_set_pos (c, hs_compile_pos_plain (h->pos));
          hs_compile_emit (c, HS_OP_CHECK_EXC_MATCH, 0);
          hs_compile_emit_jump (c, HS_OP_POP_JUMP_IF_FALSE, next);
        }
      int named = -1;
      if (h->name != NULL)
        {
          hs_compile_store_name (c, h->name, FALSE);
          named = hs_compile_new_label (c);
          emit_setup (c, named);
        }
      else
        hs_compile_emit (c, HS_OP_POP_TOP, 0);
      push_fblock (c, FB_HANDLER, cleanup, named, NULL, h->name);
      hs_compile_visit_stmts (c, &h->body);
      pop_fblock (c);
      hs_compile_set_pos (c, HS_CODE_POS_NONE);
      if (named >= 0)
        emit_pop_block (c);
      emit_pop_block (c);
      hs_compile_emit (c, HS_OP_POP_EXCEPT, 0);
      if (h->name != NULL)
        clear_handler_name (c, h->name);
      hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
      emit_setup (c, cleanup);
      if (named >= 0)
        {
          hs_compile_bind_label (c, named); /* [prev, exc2] */
          clear_handler_name (c, h->name);
          hs_compile_emit (c, HS_OP_RERAISE, 1);
        }
      hs_compile_bind_label (c, next);
    }
  hs_compile_emit (c, HS_OP_RERAISE, 0);
  emit_pop_block (c);
  cleanup_then_end (c, cleanup, end);
}

/* One except* clause, its stack [prev, orig, list, exc] on entry and on exit, where exc
 * becomes what it leaves unmatched and list gathers what its body raised. */
static void
visit_except_star_clause (Compiler *c, HsExceptHandler *h, gboolean last)
{
  int no_match = hs_compile_new_label (c), next = hs_compile_new_label (c),
      cleanup_end = hs_compile_new_label (c);
  hs_compile_visit_expr (c, h->type);
  hs_compile_set_pos (c, hs_compile_pos_plain (h->pos));
  hs_compile_emit (c, HS_OP_CHECK_EG_MATCH, 0); /* [.., rest, match] or [.., exc, None] */
  hs_compile_emit (c, HS_OP_COPY, 1);
  hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
  hs_compile_emit (c, HS_OP_IS_OP, 0);
  hs_compile_emit_jump (c, HS_OP_POP_JUMP_IF_TRUE, no_match);
  if (h->name != NULL)
    hs_compile_store_name (c, h->name, FALSE);
  else
    hs_compile_emit (c, HS_OP_POP_TOP, 0);
  emit_setup (c, cleanup_end);
  push_fblock (c, FB_HANDLER, cleanup_end, -1, NULL, h->name);
  hs_compile_visit_stmts (c, &h->body);
  pop_fblock (c);
  hs_compile_set_pos (c, HS_CODE_POS_NONE);
  emit_pop_block (c);
  if (h->name != NULL)
    clear_handler_name (c, h->name);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP, next);
  hs_compile_bind_label (c, cleanup_end); /* [prev, orig, list, rest, raised] */
  if (h->name != NULL)
    clear_handler_name (c, h->name);
  hs_compile_emit (c, HS_OP_LIST_APPEND, 2);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP, next);
  hs_compile_set_pos (c, hs_compile_pos_plain (h->pos));
  hs_compile_bind_label (c, no_match);
  hs_compile_emit (c, HS_OP_POP_TOP, 0);
  hs_compile_bind_label (c, next);
  /* what no clause matched joins the list; from here CPython's code has no line (many
   * jumps lead there) */
  hs_compile_set_pos (c, HS_CODE_POS_NONE);
  if (last)
    hs_compile_emit (c, HS_OP_LIST_APPEND, 1);
}

/* try/except*: CPython 3.11's compiler_try_star_except, with the labels of visit_try_except */
static void
visit_try_star (Compiler *c, HsStmt *s)
{
  int handler = hs_compile_new_label (c), end = hs_compile_new_label (c),
      cleanup = hs_compile_new_label (c), reraise = hs_compile_new_label (c);
  try_body (c, s, handler, end);
  hs_compile_set_pos (c, hs_compile_pos_plain (s->u.try_.handlers[0].pos));
  hs_compile_bind_label (c, handler); /* [exc] */
  emit_setup (c, cleanup);
  hs_compile_emit (c, HS_OP_PUSH_EXC_INFO, 0); /* [prev, exc] */
  hs_compile_emit (c, HS_OP_COPY, 1);
  hs_compile_emit (c, HS_OP_BUILD_LIST, 0);
  hs_compile_emit (c, HS_OP_SWAP, 2); /* [prev, orig, list, exc] */
  push_fblock (c, FB_EXCEPT_STAR, cleanup, -1, NULL, NULL);
  for (int i = 0; i < s->u.try_.n_handlers && c->error == NULL; i++)
    {
      HsExceptHandler *h = &s->u.try_.handlers[i];
      hs_compile_set_pos (c, hs_compile_pos_plain (h->pos));
      visit_except_star_clause (c, h, i == s->u.try_.n_handlers - 1);
    }
  pop_fblock (c);
  hs_compile_emit (c, HS_OP_PREP_RERAISE_STAR, 0); /* [prev, to raise or None] */
  hs_compile_emit (c, HS_OP_COPY, 1);
  hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
  hs_compile_emit (c, HS_OP_IS_OP, 1);
  hs_compile_emit_jump (c, HS_OP_POP_JUMP_IF_TRUE, reraise);
  hs_compile_emit (c, HS_OP_POP_TOP, 0);
  emit_pop_block (c); /* as CPython's, what follows leaves the clauses */
  hs_compile_emit (c, HS_OP_POP_EXCEPT, 0);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
  hs_compile_bind_label (c, reraise);
  hs_compile_emit (c, HS_OP_SWAP, 2);
  hs_compile_emit (c, HS_OP_POP_EXCEPT, 0);
  hs_compile_emit (c, HS_OP_RERAISE, 0);
  cleanup_then_end (c, cleanup, end);
}

static void
visit_try_handlers (Compiler *c, HsStmt *s)
{
  if (s->u.try_.star)
    visit_try_star (c, s);
  else
    visit_try_except (c, s);
}

static void
visit_try (Compiler *c, HsStmt *s)
{
  hs_compile_emit (c, HS_OP_NOP, 0); /* the `try:` line gets its line event, as in CPython */
  if (s->u.try_.finalbody.len == 0)
    {
      visit_try_handlers (c, s);
      return;
    }
  int handler = hs_compile_new_label (c), end = hs_compile_new_label (c),
      cleanup = hs_compile_new_label (c);
  emit_setup (c, handler);
  push_fblock (c, FB_FINALLY_TRY, handler, -1, &s->u.try_.finalbody, NULL);
  if (s->u.try_.n_handlers > 0)
    visit_try_handlers (c, s);
  else
    hs_compile_visit_stmts (c, &s->u.try_.body);
  pop_fblock (c);
  hs_compile_set_pos (c, HS_CODE_POS_NONE);
  emit_pop_block (c);
  hs_compile_visit_stmts (c, &s->u.try_.finalbody);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
  hs_compile_set_pos (c, HS_CODE_POS_NONE);
  hs_compile_bind_label (c, handler); /* [exc] */
  emit_setup (c, cleanup);
  hs_compile_emit (c, HS_OP_PUSH_EXC_INFO, 0);
  push_fblock (c, FB_FINALLY_END, cleanup, -1, NULL, NULL);
  hs_compile_visit_stmts (c, &s->u.try_.finalbody);
  pop_fblock (c);
  hs_compile_set_pos (c, HS_CODE_POS_NONE);
  hs_compile_emit (c, HS_OP_RERAISE, 0);
  emit_pop_block (c);
  cleanup_then_end (c, cleanup, end);
}

static void
visit_with_item (Compiler *c, HsStmt *s, int i)
{
  HsWithItem *item = &s->u.with_.items[i];
  int handler = hs_compile_new_label (c), end = hs_compile_new_label (c),
      cleanup = hs_compile_new_label (c), suppress = hs_compile_new_label (c);
  HsCodePos whole = hs_compile_pos_plain (s->pos);
  hs_compile_visit_expr (c, item->context_expr);
  hs_compile_set_pos (c, whole);
  hs_compile_emit (c, HS_OP_BEFORE_WITH, 0); /* [exit, entered] */
  hs_compile_emit_jump (c, HS_OP_SETUP_WITH, handler);
  push_fblock (c, FB_WITH, handler, -1, NULL, NULL);
  if (item->optional_vars != NULL)
    hs_compile_visit_store (c, item->optional_vars);
  else
    hs_compile_emit (c, HS_OP_POP_TOP, 0);
  if (i + 1 < s->u.with_.n_items)
    visit_with_item (c, s, i + 1);
  else
    hs_compile_visit_stmts (c, &s->u.with_.body);
  pop_fblock (c);
  hs_compile_set_pos (c, whole);
  emit_pop_block (c);
  call_exit_none (c);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
  hs_compile_bind_label (c, handler); /* [exit, exc] */
  emit_setup (c, cleanup);
  hs_compile_emit (c, HS_OP_PUSH_EXC_INFO, 0); /* [exit, prev, exc] */
  hs_compile_emit (c, HS_OP_WITH_EXCEPT_START, 0);
  hs_compile_emit_jump (c, HS_OP_POP_JUMP_IF_TRUE, suppress);
  hs_compile_emit (c, HS_OP_RERAISE, 1);
  emit_pop_block (c);
  hs_compile_bind_label (c, suppress);
  hs_compile_emit (c, HS_OP_POP_TOP, 0);
  hs_compile_emit (c, HS_OP_POP_EXCEPT, 0);
  hs_compile_emit (c, HS_OP_POP_TOP, 0);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
  /* no line, as CPython's: the handler the exception goes on to traces its line */
  hs_compile_set_pos (c, HS_CODE_POS_NONE);
  hs_compile_bind_label (c, cleanup); /* [exit, prev, exc2] */
  hs_compile_emit (c, HS_OP_ROT_TWO, 0);
  hs_compile_emit (c, HS_OP_POP_EXCEPT, 0);
  hs_compile_emit (c, HS_OP_RERAISE, 1);
  hs_compile_bind_label (c, end);
}

static void
visit_import (Compiler *c, HsStmt *s)
{
  gboolean from = s->kind == HS_STMT_IMPORTFROM;
  if (from && s->u.import.level > 0)
    {
      hs_compile_emit (c, HS_OP_IMPORT_NAME, hs_compile_name_index (c, ""));
      hs_compile_emit (c, HS_OP_POP_TOP, 0);
      return;
    }
  if (!from)
    {
      for (int i = 0; i < s->u.import.n_names; i++)
        {
          HsAlias *a = &s->u.import.names[i];
          hs_compile_emit (c, HS_OP_IMPORT_NAME, hs_compile_mangled_name_index (c, a->name));
          if (a->asname != NULL)
            hs_compile_store_name (c, a->asname, FALSE);
          else
            {
              const char *dot = strchr (a->name, '.');
              g_autofree char *top = dot != NULL ? g_strndup (a->name, dot - a->name) : NULL;
              if (top != NULL)
                {
                  hs_compile_emit (c, HS_OP_POP_TOP, 0);
                  hs_compile_emit (c, HS_OP_IMPORT_NAME, hs_compile_name_index (c, top));
                }
              hs_compile_store_name (c, top != NULL ? top : a->name, FALSE);
            }
        }
      return;
    }
  hs_compile_emit (c, HS_OP_IMPORT_NAME,
                   hs_compile_mangled_name_index (c, s->u.import.module) | HS_IMPORT_FROMLIST);
  for (int i = 0; i < s->u.import.n_names; i++)
    {
      HsAlias *a = &s->u.import.names[i];
      if (strcmp (a->name, "*") == 0)
        {
          /* the parser gives `*` alone; CPython's symtable allows it in a module only */
          if (c->u->kind != UNIT_MODULE)
            return hs_compile_error_at (c, "SyntaxError", a->pos,
                                        "import * only allowed at module level");
          hs_compile_emit (c, HS_OP_IMPORT_STAR, 0);
          return;
        }
      hs_compile_emit (c, HS_OP_IMPORT_FROM, hs_compile_mangled_name_index (c, a->name));
      hs_compile_store_name (c, a->asname != NULL ? a->asname : a->name, FALSE);
    }
  hs_compile_emit (c, HS_OP_POP_TOP, 0);
}

static void
visit_if (Compiler *c, HsStmt *s)
{
  int orelse = hs_compile_new_label (c), end = hs_compile_new_label (c);
  hs_compile_visit_jump_if (c, s->u.if_.test, s->u.if_.orelse.len > 0 ? orelse : end, FALSE);
  hs_compile_visit_stmts (c, &s->u.if_.body);
  if (s->u.if_.orelse.len > 0)
    {
      hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
      hs_compile_bind_label (c, orelse);
      hs_compile_visit_stmts (c, &s->u.if_.orelse);
    }
  hs_compile_bind_label (c, end);
}

/* Like CPython 3.11, the test is repeated at the bottom, so that a loop on one line
 * fires one line event per iteration (the backward jump). */
static void
visit_while (Compiler *c, HsStmt *s)
{
  int top = hs_compile_new_label (c), body = hs_compile_new_label (c),
      orelse = hs_compile_new_label (c), end = hs_compile_new_label (c);
  hs_compile_bind_label (c, top);
  hs_compile_visit_jump_if (c, s->u.while_.test, orelse, FALSE);
  hs_compile_bind_label (c, body);
  push_fblock (c, FB_WHILE, top, end, NULL, NULL);
  hs_compile_visit_stmts (c, &s->u.while_.body);
  pop_fblock (c);
  hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
  hs_compile_visit_jump_if (c, s->u.while_.test, body, TRUE);
  hs_compile_bind_label (c, orelse);
  hs_compile_visit_stmts (c, &s->u.while_.orelse);
  hs_compile_bind_label (c, end);
}

static void
visit_for (Compiler *c, HsStmt *s)
{
  if (s->u.for_.is_async)
    {
      hs_compile_unsupported (c, s->pos, N_ ("'async for' loops"));
      return;
    }
  int top = hs_compile_new_label (c), orelse = hs_compile_new_label (c),
      end = hs_compile_new_label (c);
  HsCodePos whole = hs_compile_pos_plain (s->pos);
  hs_compile_fold_iterable (s->u.for_.iter);
  hs_compile_visit_expr (c, s->u.for_.iter);
  hs_compile_set_pos (c, whole);
  hs_compile_emit (c, HS_OP_GET_ITER, 0);
  hs_compile_bind_label (c, top);
  hs_compile_emit_jump (c, HS_OP_FOR_ITER, orelse);
  hs_compile_visit_store (c, s->u.for_.target);
  push_fblock (c, FB_FOR, top, end, NULL, NULL);
  hs_compile_visit_stmts (c, &s->u.for_.body);
  pop_fblock (c);
  hs_compile_set_pos (c, whole);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP_BACKWARD, top);
  hs_compile_bind_label (c, orelse);
  hs_compile_visit_stmts (c, &s->u.for_.orelse);
  hs_compile_bind_label (c, end);
}

static HsCode *compile_function (Compiler *c, HsStmt *s);
static HsCode *compile_class (Compiler *c, HsStmt *s);

/* Pushes a function object for `code`: the defaults (flags 1), kwdefaults (flags 2) and
 * annotations (flags 8) are already on the stack; adds the closure tuple (LOAD_CLOSURE of each free
 * variable the child needs, in its closure order). The child code is adopted by the unit. */
void
hs_compile_make_closure (Compiler *c, HsCode *code, HsScope *scope, guint32 flags)
{
  if (scope != NULL && scope->frees->len > 0)
    {
      for (guint i = 0; i < scope->frees->len; i++)
        {
          const char *name = scope->frees->pdata[i];
          int slot = hs_compile_local_index (c->u, name);
          if (slot < 0)
            {
              hs_compile_error_at (c, "SystemError",
                                   (HsPos){ code->firstlineno, 0, code->firstlineno, 0 },
                                   "compiler: no slot for free variable '%s'", name);
              hs_code_free (c->vm, code);
              return;
            }
          hs_compile_emit (c, HS_OP_LOAD_CLOSURE, slot);
        }
      hs_compile_emit (c, HS_OP_BUILD_TUPLE, scope->frees->len);
      flags |= 4;
    }
  g_ptr_array_add (c->u->children, code);
  hs_compile_emit (c, HS_OP_MAKE_FUNCTION, ((c->u->children->len - 1) << 4) | flags);
}

/* Defaults and keyword-only defaults of a def or lambda; returns MAKE_FUNCTION flags. */
guint32
hs_compile_visit_defaults (Compiler *c, HsArguments *a, HsPos pos)
{
  guint32 flags = 0;
  if (a->defaults.len > 0)
    {
      hs_compile_visit_exprs (c, &a->defaults);
      hs_compile_set_pos (c, hs_compile_pos_plain (pos));
      hs_compile_emit_build_tuple (c, a->defaults.len);
      flags |= 1;
    }
  int nkw = 0;
  for (int i = 0; i < a->n_kwonly; i++)
    if (a->kw_defaults[i] != NULL)
      {
        hs_compile_set_pos (c, hs_compile_pos_plain (pos));
        hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_mangled (c, a->kwonlyargs[i].name));
        hs_compile_visit_expr (c, a->kw_defaults[i]);
        nkw++;
      }
  if (nkw > 0)
    {
      hs_compile_set_pos (c, hs_compile_pos_plain (pos));
      hs_compile_emit (c, HS_OP_BUILD_MAP, nkw);
      flags |= 2;
    }
  return flags;
}

static void
apply_decorators (Compiler *c, HsExprList *decorators)
{
  for (int i = decorators->len - 1; i >= 0; i--)
    {
      hs_compile_set_pos (c, hs_compile_pos_plain (decorators->items[i]->pos));
      hs_compile_emit (c, HS_OP_CALL, 1);
    }
}

static void
visit_funcdef (Compiler *c, HsStmt *s)
{
  HsArguments *a = s->u.funcdef.args;
  if (s->u.funcdef.is_async)
    return hs_compile_unsupported (c, s->pos, N_ ("'async def' functions"));
  hs_compile_visit_exprs (c, &s->u.funcdef.decorators);
  guint32 flags = hs_compile_visit_defaults (c, a, s->pos);
  flags |= hs_compile_visit_annotations (c, a, s->u.funcdef.returns, s->pos) ? 8 : 0;
  HsCode *code = compile_function (c, s);
  if (code == NULL)
    return;
  hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
  hs_compile_make_closure (c, code, hs_symtable_lookup (c->st, s), flags);
  apply_decorators (c, &s->u.funcdef.decorators);
  hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
  hs_compile_store_name (c, s->u.funcdef.name, FALSE);
}

static void
visit_classdef (Compiler *c, HsStmt *s)
{
  int nkw = s->u.classdef.n_keywords;
  hs_compile_check_keywords (c, s->u.classdef.keywords, nkw);
  for (int i = 0; i < nkw; i++)
    if (s->u.classdef.keywords[i].arg == NULL)
      return hs_compile_unsupported (c, s->u.classdef.keywords[i].pos,
                                     N_ ("'**' in class keywords"));
  if (hs_compile_has_starred (&s->u.classdef.bases))
    return hs_compile_unsupported (c, s->pos, N_ ("'*' in class bases"));
  hs_compile_visit_exprs (c, &s->u.classdef.decorators);
  HsCode *code = compile_class (c, s);
  if (code == NULL)
    return;
  hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
  hs_compile_make_closure (c, code, hs_symtable_lookup (c->st, s), 0);
  hs_compile_emit (c, HS_OP_LOAD_CONST,
                   hs_compile_const_str (c, s->u.classdef.name, strlen (s->u.classdef.name)));
  hs_compile_visit_exprs (c, &s->u.classdef.bases);
  for (int i = 0; i < nkw; i++)
    hs_compile_visit_expr (c, s->u.classdef.keywords[i].value);
  hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
  if (nkw > 0)
    hs_compile_emit (c, HS_OP_LOAD_CONST,
                     hs_compile_const_names_tuple (c, s->u.classdef.keywords, nkw));
  hs_compile_emit (c, HS_OP_BUILD_CLASS, (guint32)s->u.classdef.bases.len | ((guint32)nkw << 16));
  apply_decorators (c, &s->u.classdef.decorators);
  hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
  hs_compile_store_name (c, s->u.classdef.name, FALSE);
}

static void
visit_stmt_inner (Compiler *c, HsStmt *s)
{
  switch (s->kind)
    {
      case HS_STMT_EXPR:
        if (c->mode == HS_COMPILE_SINGLE && c->u->kind == UNIT_MODULE)
          {
            /* an interactive statement: sys.displayhook shows the value */
            hs_compile_visit_expr (c, s->u.value);
            hs_compile_emit (c, HS_OP_PRINT_EXPR, 0);
            break;
          }
        if (s->u.value->kind == HS_EXPR_CONSTANT)
          {
            hs_compile_emit (c, HS_OP_NOP, 0);
            break;
          }
        hs_compile_visit_expr (c, s->u.value);
        hs_compile_emit (c, HS_OP_POP_TOP, 0);
        break;
      case HS_STMT_ASSIGN:
        hs_compile_visit_expr (c, s->u.assign.value);
        for (int i = 0; i < s->u.assign.targets.len; i++)
          {
            if (i < s->u.assign.targets.len - 1)
              hs_compile_emit (c, HS_OP_DUP_TOP, 0);
            hs_compile_visit_store (c, s->u.assign.targets.items[i]);
          }
        break;
      case HS_STMT_AUGASSIGN:
        hs_compile_visit_augassign (c, s);
        break;
      case HS_STMT_ANNASSIGN:
        hs_compile_visit_annassign (c, s);
        break;
      case HS_STMT_DELETE:
        for (int i = 0; i < s->u.targets.len; i++)
          hs_compile_visit_delete (c, s->u.targets.items[i]);
        break;
      case HS_STMT_PASS:
        hs_compile_emit (c, HS_OP_NOP, 0);
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
            hs_compile_emit (c, HS_OP_RAISE, 0);
            break;
          }
        hs_compile_visit_expr (c, s->u.raise.exc);
        if (s->u.raise.cause != NULL)
          hs_compile_visit_expr (c, s->u.raise.cause);
        hs_compile_emit (c, HS_OP_RAISE, s->u.raise.cause != NULL ? 2 : 1);
        break;
      case HS_STMT_ASSERT:
        {
          int end = hs_compile_new_label (c);

          hs_compile_check_assert (c, s);
          hs_compile_visit_jump_if (c, s->u.assert_.test, end, TRUE);
          if (s->u.assert_.msg != NULL)
            hs_compile_visit_expr (c, s->u.assert_.msg);
          hs_compile_set_pos (c, hs_compile_pos_plain (assert_raise_pos (s)));
          hs_compile_emit (c, HS_OP_ASSERT_FAIL, s->u.assert_.msg != NULL);
          hs_compile_bind_label (c, end);
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
        hs_compile_match (c, s);
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
  if (hs_compile_enter_level (c))
    {
      HsCodePos old = hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
      visit_stmt_inner (c, s);
      c->u->cur = old;
    }
  c->depth--;
}

void
hs_compile_visit_stmts (Compiler *c, HsStmtList *body)
{
  for (int i = 0; i < body->len && c->error == NULL; i++)
    visit_stmt (c, body->items[i]);
}

static void
emit_implicit_return (Compiler *c)
{
  hs_compile_emit_at (c, HS_OP_LOAD_CONST, hs_compile_const_none (c), HS_CODE_POS_NONE);
  hs_compile_emit_at (c, HS_OP_RETURN_VALUE, 0, HS_CODE_POS_NONE);
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
  Unit *u = hs_compile_unit_new (c->u, name, kind, scope, firstlineno);
  if (c->u != NULL && c->u->kind != UNIT_MODULE)
    u->code_flags |= HS_CODE_NESTED;
  if (kind == UNIT_CLASS)
    u->code_flags |= HS_CODE_CLASS_BODY;
  if (scope != NULL && scope->is_generator)
    u->code_flags |= HS_CODE_GENERATOR;
  c->u = u;
  hs_compile_allocate_slots (u);
  return u;
}

static HsCode *
leave_unit (Compiler *c, Unit *u)
{
  c->u = u->parent;
  if (c->error != NULL)
    {
      hs_compile_unit_free (c->vm, u, TRUE);
      return NULL;
    }
  HsCode *code = hs_compile_assemble (c, u);
  hs_compile_unit_free (c->vm, u, FALSE);
  return code;
}

static void
set_params (Unit *u, HsArguments *a)
{
  u->nparams = a->n_posonly + a->n_args;
  u->nposonly = a->n_posonly;
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
      /* co_consts[0], as CPython's compiler puts it */
      u->has_doc = hs_compile_constant_index (c, body.items[0]->u.value) == 0;
      body.items++;
      body.len--;
    }
  else
    hs_compile_const_none (c); /* else None is co_consts[0], which merging compares */
  hs_compile_visit_stmts (c, &body);
  emit_implicit_return (c);
  return leave_unit (c, u);
}

HsCode *
hs_compile_lambda (Compiler *c, HsExpr *e)
{
  Unit *u = enter_unit (c, e, "<lambda>", UNIT_FUNCTION, e->pos.lineno);
  set_params (u, e->u.lambda.args);
  hs_compile_const_none (c); /* co_consts[0], as CPython's compiler puts it */
  hs_compile_set_pos (c, hs_compile_pos_plain (e->u.lambda.body->pos));
  hs_compile_visit_expr (c, e->u.lambda.body);
  if (!(u->code_flags & HS_CODE_GENERATOR))
    hs_compile_emit (c, HS_OP_RETURN_VALUE, 0);
  else
    {
      hs_compile_emit (c, HS_OP_POP_TOP, 0);
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
  int top = hs_compile_new_label (c), end = hs_compile_new_label (c),
      if_cleanup = hs_compile_new_label (c);
  if (g->is_async)
    {
      hs_compile_unsupported (c, e->pos, N_ ("asynchronous comprehensions"));
      return;
    }
  if (gen == 0)
    hs_compile_emit (c, HS_OP_LOAD_FAST, 0); /* .0 */
  else
    {
      hs_compile_fold_iterable (g->iter);
      hs_compile_visit_expr (c, g->iter);
      hs_compile_emit (c, HS_OP_GET_ITER, 0);
    }
  hs_compile_bind_label (c, top);
  hs_compile_emit_jump (c, HS_OP_FOR_ITER, end);
  hs_compile_visit_store (c, g->target);
  for (int i = 0; i < g->ifs.len; i++)
    hs_compile_visit_jump_if (c, g->ifs.items[i], if_cleanup, FALSE);
  if (gen + 1 < e->u.comp.n_generators)
    comprehension_loop (c, e, gen + 1);
  else
    {
      int depth = e->u.comp.n_generators + 1;
      switch (e->kind)
        {
          case HS_EXPR_LISTCOMP:
            hs_compile_visit_expr (c, e->u.comp.elt);
            hs_compile_emit (c, HS_OP_LIST_APPEND, depth);
            break;
          case HS_EXPR_SETCOMP:
            hs_compile_visit_expr (c, e->u.comp.elt);
            hs_compile_emit (c, HS_OP_SET_ADD, depth);
            break;
          case HS_EXPR_DICTCOMP:
            hs_compile_visit_expr (c, e->u.comp.key);
            hs_compile_visit_expr (c, e->u.comp.elt);
            hs_compile_emit (c, HS_OP_MAP_ADD, depth);
            break;
          default:
            hs_compile_visit_expr (c, e->u.comp.elt);
            hs_compile_emit (c, HS_OP_YIELD_VALUE, 0);
            hs_compile_emit (c, HS_OP_POP_TOP, 0);
            break;
        }
    }
  hs_compile_bind_label (c, if_cleanup);
  hs_compile_emit_jump (c, HS_OP_JUMP_BACKWARD, top);
  hs_compile_bind_label (c, end);
}

HsCode *
hs_compile_comprehension (Compiler *c, HsExpr *e)
{
  const char *name = e->kind == HS_EXPR_LISTCOMP   ? "<listcomp>"
                     : e->kind == HS_EXPR_SETCOMP  ? "<setcomp>"
                     : e->kind == HS_EXPR_DICTCOMP ? "<dictcomp>"
                                                   : "<genexpr>";
  Unit *u = enter_unit (c, e, name, UNIT_FUNCTION, e->pos.lineno);
  u->nparams = 1;
  hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
  if (e->kind == HS_EXPR_LISTCOMP)
    hs_compile_emit (c, HS_OP_BUILD_LIST, 0);
  else if (e->kind == HS_EXPR_SETCOMP)
    hs_compile_emit (c, HS_OP_BUILD_SET, 0);
  else if (e->kind == HS_EXPR_DICTCOMP)
    hs_compile_emit (c, HS_OP_BUILD_MAP, 0);
  comprehension_loop (c, e, 0);
  if (e->kind == HS_EXPR_GENEXP)
    {
      /* CPython's implicit return takes the line of the FOR_ITER that jumps to it */
      hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
      hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
    }
  hs_compile_emit (c, HS_OP_RETURN_VALUE, 0);
  return leave_unit (c, u);
}

static HsCode *
compile_class (Compiler *c, HsStmt *s)
{
  Unit *u = enter_unit (c, s, s->u.classdef.name, UNIT_CLASS,
                        first_line (s, &s->u.classdef.decorators));
  HsStmtList body = s->u.classdef.body;
  HsExprList *decorators = &s->u.classdef.decorators;
  hs_compile_set_pos (
      c, hs_compile_pos_plain (decorators->len > 0 ? decorators->items[0]->pos : s->pos));
  /* CPython's class body starts as `__module__ = __name__; __qualname__ = '...'` on its
   * first line (which also gives that line its event); the namespace's order of keys
   * follows */
  hs_compile_emit (c, HS_OP_LOAD_NAME, hs_compile_name_index (c, "__name__"));
  hs_compile_emit (c, HS_OP_STORE_NAME, hs_compile_name_index (c, "__module__"));
  hs_compile_emit (c, HS_OP_LOAD_CONST,
                   hs_compile_const_str (c, u->qualname, strlen (u->qualname)));
  hs_compile_emit (c, HS_OP_STORE_NAME, hs_compile_name_index (c, "__qualname__"));
  hs_compile_setup_annotations (c, &body);
  if (has_docstring (&body))
    {
      HsStmt *doc = body.items[0];
      hs_compile_set_pos (c, hs_compile_pos_plain (doc->pos));
      hs_compile_visit_constant (c, doc->u.value);
      hs_compile_emit (c, HS_OP_STORE_NAME, hs_compile_name_index (c, "__doc__"));
      body.items++;
      body.len--;
    }
  hs_compile_visit_stmts (c, &body);
  if (u->scope->class_cell)
    hs_compile_emit_at (c, HS_OP_LOAD_CLOSURE, hs_compile_local_index (u, "__class__"),
                        HS_CODE_POS_NONE);
  else
    hs_compile_emit_at (c, HS_OP_LOAD_CONST, hs_compile_const_none (c), HS_CODE_POS_NONE);
  hs_compile_emit_at (c, HS_OP_RETURN_VALUE, 0, HS_CODE_POS_NONE);
  return leave_unit (c, u);
}

static void
compute_line_starts (Compiler *c)
{
  guint n = 1;
  for (const char *p = c->source, *end = p + c->len; (p = memchr (p, '\n', end - p)) != NULL; p++)
    n++;
  /* exactly sized: a large source has millions of lines */
  c->line_starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n);
  gsize zero = 0;
  g_array_append_val (c->line_starts, zero);
  for (gsize i = 0; i < c->len; i++)
    if (c->source[i] == '\n')
      {
        gsize next = i + 1;
        g_array_append_val (c->line_starts, next);
      }
}

/* A compiler for the module's code; with `in_namespace` (exec, eval, compile()) its names go
 * through the frame's namespace and it is not the program's module. */
static Compiler *
compiler_new (HsVM *vm, const char *source, gsize len, const char *filename, HsCompileMode mode,
              gboolean in_namespace)
{
  Compiler *c = g_new0 (Compiler, 1);
  c->vm = vm;
  c->source = source;
  c->len = len;
  c->filename = filename;
  c->mode = mode;
  c->in_namespace = in_namespace;
  compute_line_starts (c);
  c->depth = vm->depth < G_MAXINT / HS_SYMTABLE_FRAME_SCALE ? vm->depth * HS_SYMTABLE_FRAME_SCALE
                                                            : vm->depth;
  c->max_depth = vm->config.recursion_limit < G_MAXINT / HS_SYMTABLE_FRAME_SCALE
                     ? vm->config.recursion_limit * HS_SYMTABLE_FRAME_SCALE
                     : vm->config.recursion_limit;
  c->st = hs_symtable_new (c->depth, c->max_depth);
  c->u = hs_compile_unit_new (NULL, "<module>", UNIT_MODULE, hs_symtable_module (c->st), 1);
  hs_compile_consts_init (c);
  c->annotations_at = -1;
  c->warnings = g_array_new (FALSE, FALSE, sizeof (Warning));
  g_array_set_clear_func (c->warnings, warning_clear);
  return c;
}

HsModuleCompiler *
hs_module_compiler_new (HsVM *vm, const char *source, gsize len, const char *filename)
{
  return compiler_new (vm, source, len, filename, HS_COMPILE_EXEC, FALSE);
}

/* The first statement's code starts with three NOPs, where BUILD_MAP and the store of
 * `__annotations__` go, after a line event at the first statement's line, if an annotation
 * comes later (CPython's compiler_body looks for one in the whole module first and emits
 * SETUP_ANNOTATIONS; the module is not whole here). They have no position: without
 * annotations, the first line event is the first instruction's, as in CPython (line 3 for
 * `x = [` on line 2 and a call on line 3). */
static void
reserve_annotations (Compiler *c)
{
  for (int i = 0; i < 3; i++)
    hs_compile_emit_at (c, HS_OP_NOP, 0, HS_CODE_POS_NONE);
  c->annotations_at = 0; /* of the first statement's instructions, until assembled */
  c->annotations_line = c->u->cur.line;
}

static void
setup_annotations (Compiler *c, HsCode *code)
{
  guint n = c->u->instrs->len;
  hs_compile_emit (c, HS_OP_BUILD_MAP, 0);
  hs_compile_store_name (c, "__annotations__", FALSE);
  Instr *in = &g_array_index (c->u->instrs, Instr, n);
  code->code[c->annotations_at]
      = HS_INSTR (HS_OP_LINE, (guint32)MIN (c->annotations_line, HS_INSTR_ARG_MAX));
  code->code[c->annotations_at + 1] = HS_INSTR (in[0].op, in[0].arg);
  code->code[c->annotations_at + 2] = HS_INSTR (in[1].op, in[1].arg);
  g_array_set_size (c->u->instrs, n);
}

void
hs_module_compiler_add (HsStmt *s, gpointer compiler)
{
  Compiler *c = compiler;
  gboolean first = c->n_stmts++ == 0;
  HsStmtList one = { &s, 1 };

  /* CPython reads the leading future imports, then builds the symbol table of the whole
   * module, before anything compiles: their errors win, wherever they are */
  gboolean doc = first && c->mode == HS_COMPILE_EXEC && has_docstring (&one);
  gboolean future = !doc && c->mode != HS_COMPILE_EVAL && hs_compile_is_future (s);
  c->past_futures |= !doc && !future;
  if (future && !c->past_futures && c->future_error == NULL)
    {
      HsSyntaxError *error = g_steal_pointer (&c->error);
      hs_compile_read_future (c, s);
      c->future_error = g_steal_pointer (&c->error);
      c->error = error;
    }
  hs_symtable_add (c->st, s);
  if (hs_symtable_error (c->st, NULL) != NULL || hs_symtable_too_deep (c->st)
      || c->future_error != NULL || c->error != NULL)
    {
      hs_symtable_forget (c->st);
      return;
    }
  c->has_annotations |= hs_compile_has_annotations (s);
  hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
  if (c->mode == HS_COMPILE_EVAL)
    {
      /* hs_parse_eval's module: one expression statement, whose value is returned */
      HsExpr *e = s->u.value;
      hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
      hs_compile_visit_expr (c, e);
      hs_compile_emit (c, HS_OP_RETURN_VALUE, 0);
    }
  else
    {
      if (first)
        reserve_annotations (c);
      if (doc)
        {
          hs_compile_visit_constant (c, s->u.value);
          hs_compile_store_name (c, "__doc__", FALSE);
        }
      else if (future && c->past_futures)
        hs_compile_error_at (c, "SyntaxError", s->pos,
                             "from __future__ imports must occur at the beginning of the file");
      else
        hs_compile_visit_stmts (c, &one);
    }
  if (c->error == NULL)
    {
      /* the statement's instructions become code: only the code lasts */
      guint before = c->u->out.words->len;
      hs_compile_assemble_chunk (c->u);
      if (first && c->mode != HS_COMPILE_EVAL)
        c->annotations_at = (int)before;
    }
  hs_symtable_forget (c->st);
}

/* The first error: a leading future import's, the symbol table's, then the compiler's.
 * Warnings are reported when the compiler ran (no error before it). */
static HsSyntaxError *
final_error (Compiler *c)
{
  HsSyntaxError *compile_error = g_steal_pointer (&c->error);
  HsPos epos;
  const char *emsg = hs_symtable_error (c->st, &epos);
  c->error = g_steal_pointer (&c->future_error);
  if (hs_symtable_too_deep (c->st))
    recursion_error (c);
  else if (emsg != NULL)
    hs_compile_error_at (c, "SyntaxError", epos, "%s", emsg);
  if (c->error == NULL)
    {
      report_warnings (c);
      c->error = g_steal_pointer (&compile_error);
    }
  hs_syntax_error_free (compile_error);
  hs_syntax_error_free (c->future_error);
  return c->error;
}

HsCode *
hs_module_compiler_finish (HsModuleCompiler *c, gboolean parsed, HsSyntaxError **error)
{
  HsCode *code = NULL;
  if (!parsed)
    {
      /* the parser's error is the module's: nothing of the compiler's is reported */
      hs_syntax_error_free (g_steal_pointer (&c->error));
      hs_syntax_error_free (g_steal_pointer (&c->future_error));
      c->error = g_new0 (HsSyntaxError, 1);
    }
  else if (final_error (c) == NULL)
    {
      if (c->mode != HS_COMPILE_EVAL)
        emit_implicit_return (c);
      code = hs_compile_assemble (c, c->u);
      if (c->has_annotations)
        setup_annotations (c, code);
      code->is_module = !c->in_namespace;
      if (c->in_namespace)
        code->flags |= HS_CODE_TEXT;
      code->nliterals = (int)c->literals->len;
      code->literals = (HsObject **)g_ptr_array_free (c->literals, FALSE);
      c->literals = g_ptr_array_new ();
    }
  hs_compile_unit_free (c->vm, c->u, c->error != NULL);
  hs_compile_consts_clear (c);
  hs_symtable_free (c->st);
  g_array_free (c->line_starts, TRUE);
  g_array_free (c->warnings, TRUE);
  if (!parsed)
    hs_syntax_error_free (g_steal_pointer (&c->error));
  if (error != NULL)
    *error = c->error;
  else if (c->error != NULL)
    hs_syntax_error_free (c->error);
  g_free (c);
  return code;
}

static HsCode *
compile_top (HsVM *vm, HsModule *mod, const char *source, gsize len, const char *filename,
             HsCompileMode mode, gboolean in_namespace, HsSyntaxError **error)
{
  Compiler *c = compiler_new (vm, source, len, filename, mode, in_namespace);
  for (int i = 0; i < mod->body.len; i++)
    hs_module_compiler_add (mod->body.items[i], c);
  return hs_module_compiler_finish (c, TRUE, error);
}

HsCode *
hs_compile_module (HsVM *vm, HsModule *mod, const char *source, gsize len, const char *filename,
                   HsSyntaxError **error)
{
  return compile_top (vm, mod, source, len, filename, HS_COMPILE_EXEC, FALSE, error);
}

HsCode *
hs_compile_namespace (HsVM *vm, HsModule *mod, const char *source, gsize len, const char *filename,
                      HsCompileMode mode, HsSyntaxError **error)
{
  return compile_top (vm, mod, source, len, filename, mode, TRUE, error);
}
