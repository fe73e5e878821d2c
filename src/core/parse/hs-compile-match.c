/* hs-compile-match.c — code for the `match` statement (PEP 634), in the shape of CPython 3.11's
 * compiler (compiler_match and the compiler_pattern_* functions of Python/compile.c), so that
 * the same instructions carry the same positions and a tracer sees the same line events.
 *
 * Invariant, for every pattern being compiled: its subject is on top of the stack and the
 * pattern consumes it. Below it are `on_top` items the enclosing patterns still need, and
 * below those the values captured so far, one per name in `stores` (bound to their names
 * only when the whole case matched). A failure jumps to fail_pop[n], where n is everything
 * above the case's subject (on_top + stores): the fail_pop labels are a run of POP_TOPs,
 * fail_pop[n] popping n items, emitted once the pattern is compiled. As in CPython, each
 * pattern sets the position of what follows (SET_LOC) and leaves it set, which also decides
 * where the compile-time errors point.
 */
#include "config.h"

#include <string.h>

#include "hs-compile-private.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  GPtrArray *stores; /* const char *: captured names, in stack order (bottom first) */
  gboolean allow_irrefutable;
  GArray *fail_pop; /* int: labels, fail_pop[n] pops n items */
  int on_top;
} PatternContext;

static void compile_pattern (Compiler *c, HsPattern *p, PatternContext *pc);

static void
set_loc (Compiler *c, HsPattern *p)
{
  hs_compile_set_pos (c, hs_compile_pos_plain (p->pos));
}

/* A SyntaxError at the current position (CPython's compiler_error uses its SET_LOC). */
static void G_GNUC_PRINTF (2, 3) error_here (Compiler *c, const char *fmt, ...)
{
  if (c->error != NULL)
    return;
  HsCodePos cp = c->u->cur;
  HsPos pos = { cp.line, cp.col, cp.end_line, cp.end_col };
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  hs_compile_error_at (c, "SyntaxError", pos, "%s", msg);
}

static gboolean
is_wildcard (HsPattern *p)
{
  return p->kind == HS_PAT_AS && p->u.as.pattern == NULL && p->u.as.name == NULL;
}

static gboolean
is_star_wildcard (HsPattern *p)
{
  return p->kind == HS_PAT_STAR && p->u.name == NULL;
}

static void
load_const (Compiler *c, HsObject *o)
{
  hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_index (c, o));
}

static void
load_int (Compiler *c, gint64 n)
{
  HsObject *o = hs_int_from_i64 (c->vm, n);
  if (o == NULL)
    {
      hs_err_clear (c->vm);
      error_here (c, "out of memory");
      return;
    }
  load_const (c, hs_compile_canonical_value (c, "n", o, FALSE));
}

/* ---- failure paths ------------------------------------------------------------------- */

static void
ensure_fail_pop (Compiler *c, PatternContext *pc, int n)
{
  while ((int)pc->fail_pop->len <= n)
    {
      int label = hs_compile_new_label (c);
      g_array_append_val (pc->fail_pop, label);
    }
}

/* Jumps (with `op`) to the label that pops what is above the case's subject. */
static void
jump_to_fail_pop (Compiler *c, PatternContext *pc, HsOpcode op)
{
  int pops = pc->on_top + (int)pc->stores->len;
  ensure_fail_pop (c, pc, pops);
  hs_compile_emit_jump (c, op, g_array_index (pc->fail_pop, int, pops));
}

static void
emit_and_reset_fail_pop (Compiler *c, PatternContext *pc)
{
  for (int i = (int)pc->fail_pop->len - 1; i > 0; i--)
    {
      hs_compile_bind_label (c, g_array_index (pc->fail_pop, int, i));
      hs_compile_emit (c, HS_OP_POP_TOP, 0);
    }
  if (pc->fail_pop->len > 0)
    hs_compile_bind_label (c, g_array_index (pc->fail_pop, int, 0));
  g_array_set_size (pc->fail_pop, 0);
}

/* Moves TOS down to position `count` (CPython 3.10's ROT_N, as SWAPs). */
static void
rotate (Compiler *c, int count)
{
  while (count > 1)
    hs_compile_emit (c, HS_OP_SWAP, count--);
}

static gboolean
has_store (PatternContext *pc, const char *name)
{
  for (guint i = 0; i < pc->stores->len; i++)
    if (strcmp (pc->stores->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
store_name (Compiler *c, const char *name, PatternContext *pc)
{
  if (name == NULL)
    {
      hs_compile_emit (c, HS_OP_POP_TOP, 0);
      return;
    }
  if (strcmp (name, "__debug__") == 0)
    return error_here (c, "cannot assign to __debug__");
  if (has_store (pc, name))
    return error_here (c, "multiple assignments to name '%s' in pattern", name);
  /* under the items the enclosing patterns still need */
  rotate (c, pc->on_top + (int)pc->stores->len + 1);
  g_ptr_array_add (pc->stores, (gpointer)name);
}

/* Compiles p with irrefutable patterns allowed (a sub-pattern never makes cases unreachable). */
static void
subpattern (Compiler *c, HsPattern *p, PatternContext *pc)
{
  gboolean allow = pc->allow_irrefutable;
  pc->allow_irrefutable = TRUE;
  compile_pattern (c, p, pc);
  pc->allow_irrefutable = allow;
}

/* ---- sequences ----------------------------------------------------------------------- */

static void
sequence_unpack (Compiler *c, HsPatternList *pats, PatternContext *pc)
{
  int n = pats->len, star = -1;
  for (int i = 0; i < n; i++)
    if (pats->items[i]->kind == HS_PAT_STAR)
      star = i;
  if (star < 0)
    hs_compile_emit (c, HS_OP_UNPACK_SEQUENCE, n);
  else if (star >= 1 << 8 || n - star - 1 >= 1 << 12)
    return error_here (c, "too many expressions in star-unpacking sequence pattern");
  else
    hs_compile_emit (c, HS_OP_UNPACK_EX, star | (n - star - 1) << 12);
  /* the items are new subjects on the stack, each consumed by its sub-pattern in turn */
  pc->on_top += n;
  for (int i = 0; i < n && c->error == NULL; i++)
    {
      pc->on_top--;
      subpattern (c, pats->items[i], pc);
    }
}

/* [first, *_, last]: items fetched by index (a starred wildcard is not unpacked). */
static void
sequence_subscr (Compiler *c, HsPatternList *pats, int star, PatternContext *pc)
{
  int n = pats->len;
  pc->on_top++;
  for (int i = 0; i < n && c->error == NULL; i++)
    {
      HsPattern *p = pats->items[i];
      if (is_wildcard (p) || i == star)
        continue;
      hs_compile_emit (c, HS_OP_COPY, 1);
      if (i < star)
        load_int (c, i);
      else
        {
          /* the subject may not support negative indices */
          hs_compile_emit (c, HS_OP_GET_LEN, 0);
          load_int (c, n - i);
          hs_compile_emit (c, HS_OP_BINARY_OP, HS_BIN_SUB);
        }
      hs_compile_emit (c, HS_OP_BINARY_SUBSCR, 0);
      subpattern (c, p, pc);
    }
  pc->on_top--;
  hs_compile_emit (c, HS_OP_POP_TOP, 0);
}

static void
pattern_sequence (Compiler *c, HsPattern *p, PatternContext *pc)
{
  HsPatternList *pats = &p->u.patterns;
  int n = pats->len, star = -1;
  gboolean only_wildcard = TRUE, star_wildcard = FALSE;
  for (int i = 0; i < n; i++)
    {
      HsPattern *item = pats->items[i];
      if (item->kind == HS_PAT_STAR)
        {
          if (star >= 0)
            return error_here (c, "multiple starred names in sequence pattern");
          star_wildcard = is_star_wildcard (item);
          only_wildcard &= star_wildcard;
          star = i;
          continue;
        }
      only_wildcard &= is_wildcard (item);
    }
  pc->on_top++;
  hs_compile_emit (c, HS_OP_MATCH_SEQUENCE, 0);
  jump_to_fail_pop (c, pc, HS_OP_POP_JUMP_IF_FALSE);
  if (star < 0)
    {
      hs_compile_emit (c, HS_OP_GET_LEN, 0);
      load_int (c, n);
      hs_compile_emit (c, HS_OP_COMPARE_OP, HS_CMP_EQ);
      jump_to_fail_pop (c, pc, HS_OP_POP_JUMP_IF_FALSE);
    }
  else if (n > 1)
    {
      hs_compile_emit (c, HS_OP_GET_LEN, 0);
      load_int (c, n - 1);
      hs_compile_emit (c, HS_OP_COMPARE_OP, HS_CMP_GE);
      jump_to_fail_pop (c, pc, HS_OP_POP_JUMP_IF_FALSE);
    }
  pc->on_top--;
  if (only_wildcard)
    hs_compile_emit (c, HS_OP_POP_TOP, 0);
  else if (star_wildcard)
    sequence_subscr (c, pats, star, pc);
  else
    sequence_unpack (c, pats, pc);
}

/* ---- mappings ------------------------------------------------------------------------ */

/* CPython's check of a mapping pattern's literal keys: no two equal. */
static gboolean
check_mapping_keys (Compiler *c, HsExprList *keys)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  gboolean ok = TRUE;
  for (int i = 0; i < keys->len && ok; i++)
    {
      HsExpr *key = keys->items[i];
      if (key->kind == HS_EXPR_ATTRIBUTE)
        continue;
      HsObject *v = hs_compile_folded_value (c, key);
      if (v == NULL)
        {
          if (c->error == NULL && key->kind == HS_EXPR_JOINEDSTR)
            error_here (c, "mapping pattern keys may only match literals and attribute lookups");
          continue;
        }
      for (guint j = 0; j < seen->len && ok; j++)
        {
          int eq = hs_object_richcompare_bool (c->vm, seen->pdata[j], v, HS_CMP_EQ);
          if (eq < 0)
            hs_err_clear (c->vm);
          if (eq > 0)
            {
              HsObject *r = hs_object_repr (c->vm, v);
              error_here (c, "mapping pattern checks duplicate key (%s)",
                          r != NULL ? hs_str_utf8 (r) : "?");
              hs_xdecref (c->vm, r);
              ok = FALSE;
            }
        }
      g_ptr_array_add (seen, v);
    }
  for (guint j = 0; j < seen->len; j++)
    hs_decref (c->vm, seen->pdata[j]);
  return ok && c->error == NULL;
}

/* The keys as one tuple: a constant when they all are (CPython's optimizer folds the
 * BUILD_TUPLE of constants), else built at run time. */
static void
load_mapping_keys (Compiler *c, HsExprList *keys)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  for (int i = 0; i < keys->len; i++)
    {
      HsObject *v = hs_compile_folded_value (c, keys->items[i]);
      if (v == NULL)
        break;
      g_ptr_array_add (values, v);
    }
  if ((int)values->len == keys->len)
    {
      HsObject *t = hs_tuple_new (c->vm, keys->len);
      for (int i = 0; t != NULL && i < keys->len; i++)
        {
          HsObject *v = values->pdata[i];
          HsObject *k
              = HS_IS (v, &hs_str_type)
                    ? hs_incref (hs_compile_str_object (c, hs_str_utf8 (v), hs_str_byte_len (v)))
                    : hs_incref (hs_compile_canonical_value (c, "n", hs_incref (v), TRUE));
          hs_tuple_set_take (t, i, k);
        }
      for (guint i = 0; i < values->len; i++)
        hs_decref (c->vm, values->pdata[i]);
      if (t != NULL)
        {
          load_const (c, hs_compile_canonical_value (c, "t", t, TRUE));
          return;
        }
      hs_err_clear (c->vm);
    }
  else
    for (guint i = 0; i < values->len; i++)
      hs_decref (c->vm, values->pdata[i]);
  hs_compile_visit_exprs (c, keys);
  hs_compile_emit (c, HS_OP_BUILD_TUPLE, keys->len);
}

static void
pattern_mapping (Compiler *c, HsPattern *p, PatternContext *pc)
{
  HsExprList *keys = &p->u.mapping.keys;
  HsPatternList *pats = &p->u.mapping.patterns;
  const char *rest = p->u.mapping.rest;
  int n = keys->len;
  pc->on_top++;
  hs_compile_emit (c, HS_OP_MATCH_MAPPING, 0);
  jump_to_fail_pop (c, pc, HS_OP_POP_JUMP_IF_FALSE);
  if (n == 0 && rest == NULL)
    {
      pc->on_top--;
      hs_compile_emit (c, HS_OP_POP_TOP, 0);
      return;
    }
  if (n > 0)
    {
      hs_compile_emit (c, HS_OP_GET_LEN, 0);
      load_int (c, n);
      hs_compile_emit (c, HS_OP_COMPARE_OP, HS_CMP_GE);
      jump_to_fail_pop (c, pc, HS_OP_POP_JUMP_IF_FALSE);
    }
  if (!check_mapping_keys (c, keys))
    return;
  load_mapping_keys (c, keys);
  hs_compile_set_pos (c, hs_compile_pos_plain (p->pos));
  hs_compile_emit (c, HS_OP_MATCH_KEYS, 0);
  /* the keys and the values (or None) are on top of the subject */
  pc->on_top += 2;
  hs_compile_emit (c, HS_OP_COPY, 1);
  hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
  hs_compile_emit (c, HS_OP_IS_OP, 1);
  jump_to_fail_pop (c, pc, HS_OP_POP_JUMP_IF_FALSE);
  hs_compile_emit (c, HS_OP_UNPACK_SEQUENCE, n);
  pc->on_top += n - 1;
  for (int i = 0; i < n && c->error == NULL; i++)
    {
      pc->on_top--;
      subpattern (c, pats->items[i], pc);
    }
  pc->on_top -= 2;
  if (rest == NULL)
    {
      hs_compile_emit (c, HS_OP_POP_TOP, 0); /* the keys */
      hs_compile_emit (c, HS_OP_POP_TOP, 0); /* the subject */
      return;
    }
  /* rest = dict(subject), then del rest[key] for each key */
  hs_compile_emit (c, HS_OP_BUILD_MAP, 0);          /* subject, keys, {} */
  hs_compile_emit (c, HS_OP_SWAP, 3);               /* {}, keys, subject */
  hs_compile_emit (c, HS_OP_DICT_MERGE, 2 | 0x100); /* rest, keys */
  hs_compile_emit (c, HS_OP_UNPACK_SEQUENCE, n);    /* rest, key... */
  for (int size = n; size > 0; size--)
    {
      hs_compile_emit (c, HS_OP_COPY, 1 + size);
      hs_compile_emit (c, HS_OP_SWAP, 2);
      hs_compile_emit (c, HS_OP_DELETE_SUBSCR, 0);
    }
  store_name (c, rest, pc);
}

/* ---- classes ------------------------------------------------------------------------- */

static gboolean
check_kwd_attrs (Compiler *c, HsPattern *p)
{
  char **attrs = p->u.cls.kwd_attrs;
  HsPatternList *pats = &p->u.cls.kwd_patterns;
  for (int i = 0; i < pats->len; i++)
    {
      set_loc (c, pats->items[i]);
      if (strcmp (attrs[i], "__debug__") == 0)
        {
          error_here (c, "cannot assign to __debug__");
          return FALSE;
        }
      for (int j = i + 1; j < pats->len; j++)
        if (strcmp (attrs[i], attrs[j]) == 0)
          {
            set_loc (c, pats->items[j]);
            error_here (c, "attribute name repeated in class pattern: %s", attrs[i]);
            return FALSE;
          }
    }
  return TRUE;
}

static void
pattern_class (Compiler *c, HsPattern *p, PatternContext *pc)
{
  HsPatternList *args = &p->u.cls.patterns, *kwds = &p->u.cls.kwd_patterns;
  int nargs = args->len, nattrs = kwds->len;
  if (nattrs > 0)
    {
      if (!check_kwd_attrs (c, p))
        return;
      set_loc (c, p);
    }
  hs_compile_visit_expr (c, p->u.cls.cls);
  HsObject *names = hs_tuple_new (c->vm, nattrs);
  if (names == NULL)
    {
      hs_err_clear (c->vm);
      return error_here (c, "out of memory");
    }
  for (int i = 0; i < nattrs; i++)
    hs_tuple_set_take (
        names, i,
        hs_str_intern_name (c->vm, p->u.cls.kwd_attrs[i], strlen (p->u.cls.kwd_attrs[i])));
  load_const (c, hs_compile_canonical_value (c, "t", names, FALSE));
  hs_compile_emit (c, HS_OP_MATCH_CLASS, nargs);
  hs_compile_emit (c, HS_OP_COPY, 1);
  hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
  hs_compile_emit (c, HS_OP_IS_OP, 1);
  /* a tuple of the nargs + nattrs attributes (or None) is on top */
  pc->on_top++;
  jump_to_fail_pop (c, pc, HS_OP_POP_JUMP_IF_FALSE);
  hs_compile_emit (c, HS_OP_UNPACK_SEQUENCE, nargs + nattrs);
  pc->on_top += nargs + nattrs - 1;
  for (int i = 0; i < nargs + nattrs && c->error == NULL; i++)
    {
      pc->on_top--;
      HsPattern *sub = i < nargs ? args->items[i] : kwds->items[i - nargs];
      if (is_wildcard (sub))
        {
          hs_compile_emit (c, HS_OP_POP_TOP, 0);
          continue;
        }
      subpattern (c, sub, pc);
    }
}

/* ---- or, as, values ------------------------------------------------------------------ */

static int
store_index (GPtrArray *stores, const char *name)
{
  for (guint i = 0; i < stores->len; i++)
    if (strcmp (stores->pdata[i], name) == 0)
      return (int)i;
  return -1;
}

/* Brings the names an alternative bound into the order of the first alternative's
 * (`control`), on the stack and in its stores; FALSE when it binds other names. */
static gboolean
reorder_like (Compiler *c, GPtrArray *stores, GPtrArray *control)
{
  if (stores->len != control->len)
    return FALSE;
  for (int icontrol = (int)control->len - 1; icontrol >= 0; icontrol--)
    {
      int istores = store_index (stores, control->pdata[icontrol]);
      if (istores < 0)
        return FALSE;
      if (istores == icontrol)
        continue;
      /* rotated = stores[:rotations]; del stores[:rotations];
       * stores[icontrol - istores:icontrol - istores] = rotated */
      int rotations = istores + 1;
      g_autoptr (GPtrArray) rotated = g_ptr_array_new ();
      for (int i = 0; i < rotations; i++)
        g_ptr_array_add (rotated, stores->pdata[i]);
      g_ptr_array_remove_range (stores, 0, rotations);
      for (int i = 0; i < rotations; i++)
        g_ptr_array_insert (stores, icontrol - istores + i, rotated->pdata[i]);
      for (int i = 0; i < rotations; i++)
        rotate (c, icontrol + 1);
    }
  return TRUE;
}

static void
pattern_or (Compiler *c, HsPattern *p, PatternContext *pc)
{
  int end = hs_compile_new_label (c);
  HsPatternList *alts = &p->u.patterns;
  PatternContext old = *pc;
  g_autoptr (GPtrArray) control = NULL;
  gboolean diff = FALSE;
  pc->fail_pop = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < alts->len && c->error == NULL && !diff; i++)
    {
      HsPattern *alt = alts->items[i];
      set_loc (c, alt);
      pc->stores = g_ptr_array_new ();
      /* an irrefutable alternative must be the last, if it is allowed at all */
      pc->allow_irrefutable = i == alts->len - 1 && old.allow_irrefutable;
      pc->on_top = 0;
      hs_compile_emit (c, HS_OP_COPY, 1);
      compile_pattern (c, alt, pc);
      if (c->error == NULL)
        {
          if (i == 0)
            control = g_ptr_array_ref (pc->stores);
          else
            diff = !reorder_like (c, pc->stores, control);
        }
      g_ptr_array_unref (pc->stores);
      if (c->error == NULL && !diff)
        {
          hs_compile_emit_jump (c, HS_OP_JUMP, end);
          emit_and_reset_fail_pop (c, pc);
        }
    }
  g_array_free (pc->fail_pop, TRUE);
  *pc = old;
  if (diff)
    error_here (c, "alternative patterns bind different names");
  if (c->error != NULL)
    return;
  /* no alternative matched: pop the subject's copy and fail */
  hs_compile_emit (c, HS_OP_POP_TOP, 0);
  jump_to_fail_pop (c, pc, HS_OP_JUMP);
  hs_compile_bind_label (c, end);
  /* the captures sit under the subject's copy, anything on top and the earlier captures */
  int nstores = (int)control->len;
  int nrots = nstores + 1 + pc->on_top + (int)pc->stores->len;
  for (int i = 0; i < nstores; i++)
    {
      rotate (c, nrots);
      const char *name = control->pdata[i];
      if (has_store (pc, name))
        return error_here (c, "multiple assignments to name '%s' in pattern", name);
      g_ptr_array_add (pc->stores, (gpointer)name);
    }
  hs_compile_emit (c, HS_OP_POP_TOP, 0); /* the subject's copy */
}

static void
pattern_as (Compiler *c, HsPattern *p, PatternContext *pc)
{
  if (p->u.as.pattern == NULL)
    {
      if (pc->allow_irrefutable)
        store_name (c, p->u.as.name, pc);
      else if (p->u.as.name != NULL)
        error_here (c, "name capture '%s' makes remaining patterns unreachable", p->u.as.name);
      else
        error_here (c, "wildcard makes remaining patterns unreachable");
      return;
    }
  pc->on_top++;
  hs_compile_emit (c, HS_OP_COPY, 1);
  compile_pattern (c, p->u.as.pattern, pc);
  pc->on_top--;
  store_name (c, p->u.as.name, pc);
}

static void
pattern_value (Compiler *c, HsPattern *p, PatternContext *pc)
{
  HsExpr *v = p->u.value;
  if (v->kind == HS_EXPR_JOINEDSTR)
    return error_here (c, "patterns may only match literals and attribute lookups");
  hs_compile_visit_expr (c, v);
  set_loc (c, p);
  hs_compile_emit (c, HS_OP_COMPARE_OP, HS_CMP_EQ);
  jump_to_fail_pop (c, pc, HS_OP_POP_JUMP_IF_FALSE);
}

static void
pattern_singleton (Compiler *c, HsPattern *p, PatternContext *pc)
{
  load_const (c, p->u.singleton == HS_CONST_NONE   ? hs_None
                 : p->u.singleton == HS_CONST_TRUE ? hs_True
                                                   : hs_False);
  hs_compile_emit (c, HS_OP_IS_OP, 0);
  jump_to_fail_pop (c, pc, HS_OP_POP_JUMP_IF_FALSE);
}

static void
compile_pattern_inner (Compiler *c, HsPattern *p, PatternContext *pc)
{
  set_loc (c, p);
  switch (p->kind)
    {
      case HS_PAT_VALUE:
        pattern_value (c, p, pc);
        break;
      case HS_PAT_SINGLETON:
        pattern_singleton (c, p, pc);
        break;
      case HS_PAT_SEQUENCE:
        pattern_sequence (c, p, pc);
        break;
      case HS_PAT_MAPPING:
        pattern_mapping (c, p, pc);
        break;
      case HS_PAT_CLASS:
        pattern_class (c, p, pc);
        break;
      case HS_PAT_STAR:
        store_name (c, p->u.name, pc);
        break;
      case HS_PAT_AS:
        pattern_as (c, p, pc);
        break;
      case HS_PAT_OR:
        pattern_or (c, p, pc);
        break;
    }
}

static void
compile_pattern (Compiler *c, HsPattern *p, PatternContext *pc)
{
  if (c->error == NULL && hs_compile_enter_level (c))
    compile_pattern_inner (c, p, pc);
  c->depth--;
}

/* ---- the statement ------------------------------------------------------------------- */

/* One case that is not the trailing `case _:`; `copy`: the subject stays for later cases. */
static void
match_case (Compiler *c, HsMatchCase *m, gboolean copy, gboolean last, int end)
{
  PatternContext pc = { g_ptr_array_new (), m->guard != NULL || last,
                        g_array_new (FALSE, FALSE, sizeof (int)), 0 };
  set_loc (c, m->pattern);
  if (copy)
    hs_compile_emit (c, HS_OP_COPY, 1);
  compile_pattern (c, m->pattern, &pc);
  /* it matched: bind the captured names (they are on the stack) */
  for (guint n = 0; n < pc.stores->len && c->error == NULL; n++)
    hs_compile_store_name (c, pc.stores->pdata[n], FALSE);
  if (m->guard != NULL && c->error == NULL)
    {
      ensure_fail_pop (c, &pc, 0);
      hs_compile_visit_jump_if (c, m->guard, g_array_index (pc.fail_pop, int, 0), FALSE);
    }
  if (copy)
    hs_compile_emit (c, HS_OP_POP_TOP, 0);
  hs_compile_visit_stmts (c, &m->body);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
  /* a failed pattern's cleanup belongs to its line, not to the body's last */
  set_loc (c, m->pattern);
  emit_and_reset_fail_pop (c, &pc);
  g_ptr_array_free (pc.stores, TRUE);
  g_array_free (pc.fail_pop, TRUE);
}

void
hs_compile_match (Compiler *c, HsStmt *s)
{
  int n = s->u.match.n_cases;
  HsMatchCase *cases = s->u.match.cases;
  int end = hs_compile_new_label (c);
  hs_compile_visit_expr (c, s->u.match.subject);
  gboolean has_default = n > 1 && is_wildcard (cases[n - 1].pattern);
  for (int i = 0; i < n - has_default && c->error == NULL; i++)
    match_case (c, &cases[i], i != n - has_default - 1, i == n - 1, end);
  if (has_default && c->error == NULL)
    {
      /* a trailing `case _:` needs no pattern code, only its line */
      HsMatchCase *m = &cases[n - 1];
      set_loc (c, m->pattern);
      hs_compile_emit (c, HS_OP_NOP, 0);
      if (m->guard != NULL)
        hs_compile_visit_jump_if (c, m->guard, end, FALSE);
      hs_compile_visit_stmts (c, &m->body);
    }
  hs_compile_bind_label (c, end);
}
