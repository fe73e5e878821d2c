/* hs-assemble.c — the compiler's back end: a unit's instruction stream (labels and
 * emitters), its constants (equal constants shared, as CPython's compiler shares them),
 * names and local slots, and assembly into an HsCode: jump resolution, the line table,
 * the stack depth and the exception table (see the invariant in hs-compile-private.h).
 */
#include "config.h"

#include <string.h>

#include "hs-compile-private.h"
#include "hs-error.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- units ----------------------------------------------------------------------- */

static guint
bytes_hash (gconstpointer k)
{
  return g_bytes_hash (k);
}

Unit *
hs_compile_unit_new (Unit *parent, const char *name, UnitKind kind, HsScope *scope, int firstlineno)
{
  gboolean is_function = kind == UNIT_FUNCTION;
  Unit *u = g_new0 (Unit, 1);
  u->parent = parent;
  u->instrs = g_array_new (FALSE, FALSE, sizeof (Instr));
  u->labels = g_array_new (FALSE, FALSE, sizeof (int));
  u->consts = g_ptr_array_new ();
  u->const_map = g_hash_table_new (NULL, NULL);
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
  /* a class's body and what is nested in it mangle by the class's name */
  u->private_name = kind == UNIT_CLASS ? u->name : parent != NULL ? parent->private_name : NULL;
  u->firstlineno = firstlineno;
  u->out.words = g_array_new (FALSE, FALSE, sizeof (guint32));
  hs_code_pos_writer_init (&u->out.pos);
  u->out.exc = g_array_new (FALSE, FALSE, sizeof (HsExcEntry));
  u->out.prev_line = -1;
  return u;
}

/* Frees a unit whose constants and children were not handed to a code object. */
void
hs_compile_unit_free (HsVM *vm, Unit *u, gboolean release)
{
  if (release)
    {
      for (guint i = 0; i < u->consts->len; i++)
        hs_decref (vm, u->consts->pdata[i]);
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
  if (u->out.words != NULL) /* not assembled into a code object */
    {
      g_array_free (u->out.words, TRUE);
      g_byte_array_free (u->out.pos.bytes, TRUE);
      g_array_free (u->out.pos.groups, TRUE);
      g_array_free (u->out.exc, TRUE);
    }
  g_free (u);
}

int
hs_compile_new_label (Compiler *c)
{
  int none = NO_LABEL;
  g_array_append_val (c->u->labels, none);
  return (int)c->u->labels->len - 1;
}

void
hs_compile_bind_label (Compiler *c, int label)
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

void
hs_compile_emit_at (Compiler *c, HsOpcode op, guint32 arg, HsCodePos pos)
{
  *new_instr (c) = (Instr){ op, arg, FALSE, pos };
}

void
hs_compile_emit (Compiler *c, HsOpcode op, guint32 arg)
{
  hs_compile_emit_at (c, op, arg, c->u->cur);
}

void
hs_compile_emit_jump (Compiler *c, HsOpcode op, int label)
{
  *new_instr (c) = (Instr){ op, (guint32)label, TRUE, c->u->cur };
}

/* An instruction with no line of its own (end-of-branch jumps, implicit returns). */
void
hs_compile_emit_jump_noline (Compiler *c, HsOpcode op, int label)
{
  *new_instr (c) = (Instr){ op, (guint32)label, TRUE, HS_CODE_POS_NONE };
}

/* Whether a label is bound inside the last n instructions (a jump lands there). */
static gboolean
label_in_tail (Compiler *c, guint n)
{
  guint len = c->u->instrs->len;
  for (guint i = 0; i < c->u->labels->len; i++)
    {
      int at = g_array_index (c->u->labels, int, i);
      if (at != NO_LABEL && (guint)at > len - n && (guint)at <= len)
        return TRUE;
    }
  return FALSE;
}

/* BUILD_TUPLE n, or, after n LOAD_CONSTs, one LOAD_CONST of their tuple: CPython 3.11's
 * fold_tuple_on_constants, which merges the tuple with the module's equal constants (a
 * function's constant defaults are one constant: `f.__defaults__` is held by the code).
 * The items stay constants of the unit, as they do in CPython's co_consts. */
void
hs_compile_emit_build_tuple (Compiler *c, guint n)
{
  GArray *instrs = c->u->instrs;
  HsObject *t;

  if (n == 0 || n > instrs->len || label_in_tail (c, n))
    goto plain;
  for (guint i = instrs->len - n; i < instrs->len; i++)
    if (g_array_index (instrs, Instr, i).op != HS_OP_LOAD_CONST)
      goto plain;
  if ((t = hs_tuple_new (c->vm, n)) == NULL)
    {
      hs_err_clear (c->vm);
      goto plain;
    }
  for (guint i = 0; i < n; i++)
    {
      guint32 k = g_array_index (instrs, Instr, instrs->len - n + i).arg;
      hs_tuple_set_take (t, i, hs_incref (c->u->consts->pdata[k]));
    }
  g_array_set_size (instrs, instrs->len - n);
  hs_compile_emit (c, HS_OP_LOAD_CONST,
                   hs_compile_const_index (c, hs_compile_canonical_value (c, "t", t, FALSE)));
  return;
plain:
  hs_compile_emit (c, HS_OP_BUILD_TUPLE, n);
}

/* ---- constants and names --------------------------------------------------------- */

void
hs_compile_consts_init (Compiler *c)
{
  c->const_cache
      = g_hash_table_new_full (bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
  c->literals = g_ptr_array_new ();
  c->code_consts = g_hash_table_new_full (bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref,
                                          (GDestroyNotify)g_ptr_array_unref);
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  guint64 x = hs_object_id (*(HsObject *const *)a), y = hs_object_id (*(HsObject *const *)b);
  return x < y ? -1 : x > y;
}

void
hs_compile_consts_clear (Compiler *c)
{
  /* released oldest first: a tuple's key holds its items' addresses, and the order of the
   * frees must not depend on them */
  g_autoptr (GPtrArray) objects = g_ptr_array_new ();
  GHashTableIter it;
  gpointer obj;

  g_hash_table_iter_init (&it, c->const_cache);
  while (g_hash_table_iter_next (&it, NULL, &obj))
    g_ptr_array_add (objects, obj);
  g_ptr_array_sort (objects, compare_ids);
  for (guint i = 0; i < objects->len; i++)
    hs_decref (c->vm, objects->pdata[i]);
  g_hash_table_destroy (c->const_cache);
  for (guint i = 0; i < c->literals->len; i++)
    hs_decref (c->vm, c->literals->pdata[i]);
  g_ptr_array_free (c->literals, TRUE);
  g_hash_table_destroy (c->code_consts);
  g_clear_pointer (&c->program_names, g_hash_table_unref);
}

/* A new constant tuple of these items equal to earlier codes' constants: CPython's merge
 * makes it their co_consts tuple, so they share its items (their references go) and hold
 * it, in place of the parse tree, which keeps the object its optimizer made (TRUE). */
static gboolean
adopt_code_consts (Compiler *c, const char *items, gsize len, HsObject *tuple)
{
  g_autoptr (GBytes) key = g_bytes_new_static (items, len);
  GPtrArray *codes = g_hash_table_lookup (c->code_consts, key);
  HsCode *owner;

  if (codes == NULL || c->error != NULL) /* after an error, the codes may be gone */
    return FALSE;
  owner = codes->pdata[0];
  for (int i = 0; i < owner->nconsts; i++)
    hs_decref (c->vm, owner->consts[i]);
  g_free (owner->consts);
  for (guint i = 0; i < codes->len; i++)
    {
      HsCode *co = codes->pdata[i];
      co->consts = hs_tuple_items (tuple);
      co->consts_shared = TRUE;
      co->consts_tuple = hs_incref (tuple);
    }
  g_hash_table_remove (c->code_consts, key);
  return TRUE;
}

/* The module's one constant equal to obj (borrowed), keyed by kind and data: obj itself
 * the first time (taken), else the earlier one (obj released), as CPython's compiler
 * merges constants across a module's code objects. `literal`: obj was made from the
 * program's text (a literal, or folded from literals), so the parse tree holds it while
 * the program runs, when it is the one kept. With obj NULL, only looks up. */
HsObject *
hs_compile_canonical (Compiler *c, const char *kind, const char *data, gsize len, HsObject *obj,
                      gboolean literal)
{
  GByteArray *key = g_byte_array_new ();
  g_byte_array_append (key, (const guint8 *)kind, strlen (kind) + 1);
  g_byte_array_append (key, (const guint8 *)data, len);
  GBytes *k = g_byte_array_free_to_bytes (key);
  HsObject *found = g_hash_table_lookup (c->const_cache, k);

  if (found != NULL || obj == NULL)
    {
      g_bytes_unref (k);
      if (obj != NULL)
        hs_decref (c->vm, obj);
      return found;
    }
  g_hash_table_insert (c->const_cache, k, obj);
  if (strcmp (kind, "t") == 0 && adopt_code_consts (c, data, len, obj))
    literal = FALSE;
  if (literal && !hs_is_immortal (obj))
    g_ptr_array_add (c->literals, hs_incref (obj));
  return obj;
}

/* hs_compile_canonical keyed by obj's value: its repr (which tells -0.0 from 0.0), or
 * for a tuple its items, themselves canonical. */
HsObject *
hs_compile_canonical_value (Compiler *c, const char *kind, HsObject *obj, gboolean literal)
{
  if (HS_IS (obj, &hs_tuple_type))
    return hs_compile_canonical (c, kind, (const char *)hs_tuple_items (obj),
                                 hs_tuple_len (obj) * sizeof (HsObject *), obj, literal);
  HsObject *r = hs_object_repr (c->vm, obj);
  if (r == NULL)
    {
      /* past the digit limit of int's str(): the object is its own key */
      hs_err_clear (c->vm);
      return hs_compile_canonical (c, kind, (const char *)&obj, sizeof obj, obj, literal);
    }
  HsObject *found
      = hs_compile_canonical (c, kind, hs_str_utf8 (r), hs_str_byte_len (r), obj, literal);
  hs_decref (c->vm, r);
  return found;
}

/* The module's constant tuple of these (canonical) items, or NULL. */
static HsObject *
constant_tuple (Compiler *c, HsObject **items, int n)
{
  return hs_compile_canonical (c, "t", (const char *)items, n * sizeof (HsObject *), NULL, FALSE);
}

/* CPython's makecode merges a new code's co_consts and variable names with the module's
 * equal constant tuples (merge_const_one): a code whose constants equal a constant tuple
 * or an earlier code's constants shares them (its own references go), holding that tuple;
 * one whose variable names equal a constant tuple holds it too. A constant tuple made after
 * the code is not merged: CPython's count is the same, the code's tuple standing in for
 * the parse tree's. */
static void
merge_code_tuples (Compiler *c, HsCode *co)
{
  GBytes *key = g_bytes_new (co->consts, co->nconsts * sizeof (HsObject *));
  HsObject *tuple = constant_tuple (c, co->consts, co->nconsts);
  GPtrArray *twins = g_hash_table_lookup (c->code_consts, key);

  if (tuple != NULL || twins != NULL)
    {
      for (int i = 0; i < co->nconsts; i++)
        hs_decref (c->vm, co->consts[i]);
      g_free (co->consts);
      co->consts = tuple != NULL ? hs_tuple_items (tuple) : ((HsCode *)twins->pdata[0])->consts;
      co->consts_shared = TRUE;
      co->consts_tuple = tuple != NULL ? hs_incref (tuple) : NULL;
      if (twins != NULL)
        g_ptr_array_add (twins, co);
      g_bytes_unref (key);
    }
  else
    {
      twins = g_ptr_array_new ();
      g_ptr_array_add (twins, co);
      g_hash_table_insert (c->code_consts, key, twins);
    }
  co->varnames_tuple = constant_tuple (c, co->varname_objs, co->nlocals);
  if (co->varnames_tuple != NULL)
    hs_incref (co->varnames_tuple);
}

/* The index of a canonical constant in the unit's co_consts, added (with a reference of
 * the code's own) the first time the unit loads it. */
int
hs_compile_const_index (Compiler *c, HsObject *obj)
{
  gpointer found = g_hash_table_lookup (c->u->const_map, obj);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;
  g_ptr_array_add (c->u->consts, hs_incref (obj));
  g_hash_table_insert (c->u->const_map, obj, GINT_TO_POINTER (c->u->consts->len));
  return (int)c->u->consts->len - 1;
}

static HsObject *
make_str_const (Compiler *c, const char *s, gsize len)
{
  if (hs_str_is_intern_candidate (s, len))
    return hs_str_intern_vm (c->vm, s, len);
  return hs_str_new (c->vm, s, len);
}

/* The module's str constant (borrowed): identifier-like ones interned, as CPython
 * interns them; None if it could not be made. */
HsObject *
hs_compile_str_object (Compiler *c, const char *s, gsize len)
{
  HsObject *o = hs_compile_canonical (c, "s", s, len, NULL, FALSE);
  if (o == NULL)
    o = hs_compile_canonical (c, "s", s, len, make_str_const (c, s, len), TRUE);
  if (o == NULL)
    {
      hs_err_clear (c->vm);
      return hs_None;
    }
  return o;
}

int
hs_compile_const_str (Compiler *c, const char *s, gsize len)
{
  return hs_compile_const_index (c, hs_compile_str_object (c, s, len));
}

int
hs_compile_const_none (Compiler *c)
{
  return hs_compile_const_index (c, hs_None);
}

/* A tuple of interned strs (keyword names of a call), made by the compiler. */
int
hs_compile_const_names_tuple (Compiler *c, HsKeyword *kws, int n)
{
  g_autoptr (GString) key = g_string_new (NULL);
  for (int i = 0; i < n; i++)
    g_string_append_printf (key, "%s,", kws[i].arg);
  HsObject *t = hs_compile_canonical (c, "k", key->str, key->len, NULL, FALSE);
  if (t == NULL)
    {
      t = hs_tuple_new (c->vm, n);
      if (t == NULL)
        {
          hs_err_clear (c->vm);
          return hs_compile_const_none (c);
        }
      for (int i = 0; i < n; i++)
        hs_tuple_set_take (t, i, hs_str_intern_name (c->vm, kws[i].arg, strlen (kws[i].arg)));
      t = hs_compile_canonical (c, "k", key->str, key->len, t, FALSE);
    }
  return hs_compile_const_index (c, t);
}

int
hs_compile_name_index (Compiler *c, const char *name)
{
  gpointer found = g_hash_table_lookup (c->u->name_map, name);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;
  char *copy = g_strdup (name);
  g_ptr_array_add (c->u->names, copy);
  g_hash_table_insert (c->u->name_map, copy, GINT_TO_POINTER (c->u->names->len));
  return (int)c->u->names->len - 1;
}

int
hs_compile_mangled_name_index (Compiler *c, const char *name)
{
  g_autofree char *m = hs_mangle (c->u->private_name, name);
  return hs_compile_name_index (c, m != NULL ? m : name);
}

int
hs_compile_const_mangled (Compiler *c, const char *name)
{
  g_autofree char *m = hs_mangle (c->u->private_name, name);
  const char *s = m != NULL ? m : name;
  return hs_compile_const_str (c, s, strlen (s));
}

int
hs_compile_local_index (Unit *u, const char *name)
{
  gpointer found = g_hash_table_lookup (u->local_map, name);
  return found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
}

static int
add_local (Unit *u, const char *name)
{
  int idx = hs_compile_local_index (u, name);
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
void
hs_compile_allocate_slots (Unit *u)
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
            int slot = hs_compile_local_index (u, sc->names->pdata[i]);
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
      case HS_OP_CHECK_EG_MATCH:
      case HS_OP_LIST_TO_TUPLE:
      case HS_OP_YIELD_VALUE:
      case HS_OP_GET_YIELD_FROM_ITER:
      case HS_OP_SWAP:
        return 0;
      case HS_OP_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
      case HS_OP_SETUP_FINALLY:
        return jump ? 1 : 0;
      case HS_OP_SETUP_WITH:
        return 0; /* to the handler: __enter__'s value gone, the exception pushed */
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
      case HS_OP_COPY:
      case HS_OP_GET_LEN:
      case HS_OP_MATCH_MAPPING:
      case HS_OP_MATCH_SEQUENCE:
      case HS_OP_MATCH_KEYS:
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
      case HS_OP_PRINT_EXPR:
      case HS_OP_PREP_RERAISE_STAR:
      case HS_OP_IMPORT_STAR:
        return -1;
      case HS_OP_MAP_ADD:
      case HS_OP_MATCH_CLASS:
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
      case HS_OP_BUILD_CONST_KEY_MAP:
        return -(int)arg;
      case HS_OP_CALL_METHOD:
        return -(int)arg - 1;
      case HS_OP_CALL:
        return -(int)arg;
      case HS_OP_CALL_KW:
        return -(int)arg - 1;
      case HS_OP_CALL_FUNCTION_EX:
        return -(int)arg - 1;
      case HS_OP_BUILD_CLASS:
        return -(int)(arg & 0xffff) - (int)(arg >> 16) - 1 - (arg >> 16 != 0);
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
        return 1 - (int)(arg & 1) - (int)((arg >> 1) & 1) - (int)((arg >> 2) & 1)
               - (int)((arg >> 3) & 1);
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
         || op == HS_OP_SETUP_FINALLY || op == HS_OP_SETUP_WITH;
}

static gboolean
is_pseudo (guint32 op)
{
  return op == HS_OP_SETUP_FINALLY || op == HS_OP_SETUP_WITH || op == HS_OP_POP_BLOCK;
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
build_exc_table (Instr *in, int n, int *newidx, int *depth, GArray *table)
{
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (int));
  int cur = -1, cur_start = 0;
  for (int i = 0; i < n; i++)
    {
      if (in[i].op == HS_OP_SETUP_FINALLY || in[i].op == HS_OP_SETUP_WITH)
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
  g_array_free (stack, TRUE);
}

void
hs_compile_assemble_chunk (Unit *u)
{
  Assembly *out = &u->out;
  int n = (int)u->instrs->len;
  Instr *in = (Instr *)u->instrs->data;
  gboolean *target = g_new0 (gboolean, n + 1);
  target[0] = out->target_next;
  for (int i = 0; i < n; i++)
    if (in[i].is_jump)
      {
        in[i].arg = (guint32)g_array_index (u->labels, int, in[i].arg);
        target[in[i].arg] = TRUE;
      }
  int *depth = g_new (int, n + 1);
  out->maxd = MAX (out->maxd, compute_depths (in, n, depth));
  /* Position-less instructions that are not jump targets take their predecessor's (the
   * last real one: pseudo-instructions leave no code to own a line). */
  gboolean pending = FALSE;
  for (int i = 0; i < n; i++)
    {
      pending |= target[i];
      if (is_pseudo (in[i].op))
        continue;
      if (in[i].pos.line < 0 && !pending && out->have_prev)
        in[i].pos = out->prev_pos;
      pending = FALSE;
      out->prev_pos = in[i].pos;
      out->have_prev = TRUE;
    }

  int *newidx = g_new (int, n + 1);
  GArray *code = out->words;
  gboolean pending_target = FALSE;
  for (int i = 0; i < n; i++)
    {
      newidx[i] = (int)code->len;
      pending_target |= target[i];
      if (is_pseudo (in[i].op))
        continue;
      int line = in[i].pos.line;
      if (line >= 0 && (code->len == 0 || pending_target || line != out->prev_line))
        {
          guint32 w = HS_INSTR (HS_OP_LINE, MIN (line, HS_INSTR_ARG_MAX));
          g_array_append_val (code, w);
          hs_code_pos_writer_add (&out->pos, &in[i].pos);
        }
      pending_target = FALSE;
      out->prev_line = line;
      guint32 w = HS_INSTR (in[i].op, in[i].arg);
      g_array_append_val (code, w);
      hs_code_pos_writer_add (&out->pos, &in[i].pos);
    }
  newidx[n] = (int)code->len;
  out->target_next = pending_target || target[n];
  guint32 *words = (guint32 *)code->data;
  for (int i = 0; i < n; i++)
    if (in[i].is_jump && !is_pseudo (in[i].op))
      words[newidx[i] + (HS_INSTR_OP (words[newidx[i]]) == HS_OP_LINE)]
          = HS_INSTR (in[i].op, newidx[in[i].arg]);
  build_exc_table (in, n, newidx, depth, out->exc);
  g_array_set_size (u->instrs, 0);
  g_array_set_size (u->labels, 0);
  g_free (newidx);
  g_free (target);
  g_free (depth);
}

/* Instructions of more bytes than this (a large module's) are not copied into the code's
 * block: they and their positions stay where they were written, shrunk in place; a copy
 * would briefly hold them twice. */
#define CODE_APART_BYTES (64 * 1024)

/* The code's block (see struct _HsCode): the struct, its names and variable names, its
 * instructions and positions (unless apart), then its name and qualname (unless the same as
 * its name). */
static HsCode *
code_block_new (Unit *u)
{
  Assembly *out = &u->out;
  gsize nnames = u->names->len, nlocals = u->varnames->len, ncode = out->words->len;
  gboolean apart = ncode * sizeof (guint32) > CODE_APART_BYTES;
  gsize code_len = apart ? 0 : ncode * sizeof (guint32) + hs_code_pos_writer_size (&out->pos);
  gsize name_len = strlen (u->name) + 1;
  gsize qualname_len = strcmp (u->qualname, u->name) == 0 ? 0 : strlen (u->qualname) + 1;
  HsCode *co = g_malloc0 (sizeof (HsCode) + (nnames + nlocals) * sizeof (HsObject *) + code_len
                          + name_len + qualname_len);
  char *tail;

  co->names = (HsObject **)(co + 1);
  co->varname_objs = co->names + nnames;
  tail = (char *)(co->varname_objs + nlocals) + code_len;
  co->ncode = (int)ncode;
  co->arrays_apart = apart;
  if (apart)
    {
      co->code = g_renew (guint32, (guint32 *)(void *)g_array_free (out->words, FALSE), ncode);
      hs_code_pos_writer_finish (&out->pos, co, NULL);
    }
  else
    {
      co->code = (guint32 *)(co->varname_objs + nlocals);
      memcpy (co->code, out->words->data, ncode * sizeof (guint32));
      g_array_free (out->words, TRUE);
      hs_code_pos_writer_finish (&out->pos, co, co->code + ncode);
    }
  out->words = NULL; /* given to the code */
  co->name = memcpy (tail, u->name, name_len);
  co->qualname = qualname_len == 0 ? co->name : memcpy (tail + name_len, u->qualname, qualname_len);
  return co;
}

/* The superinstruction a LOAD_FAST becomes before an instruction of opcode `next`, or
 * LOAD_FAST itself. */
static guint32
fused_load_fast (guint32 next)
{
  switch (next)
    {
      case HS_OP_LOAD_FAST:
        return HS_OP_LOAD_FAST_LOAD_FAST;
      case HS_OP_LOAD_CONST:
        return HS_OP_LOAD_FAST_LOAD_CONST;
      case HS_OP_LOAD_ATTR:
        return HS_OP_LOAD_FAST_LOAD_ATTR;
      default:
        return HS_OP_LOAD_FAST;
    }
}

/* CPython 3.11's superinstructions (LOAD_FAST__LOAD_FAST and its siblings): the last pass,
 * on the finished words. A pair's first word takes the fused opcode, its second stays as it
 * was, so every index (jumps, handlers, positions, line events) keeps its meaning: the
 * fused instruction runs the second word too and steps over it, and a jump to the second
 * runs it alone. */
static void
fuse_pairs (guint32 *words, gsize n)
{
  for (gsize i = 0; i + 1 < n; i++)
    if (HS_INSTR_OP (words[i]) == HS_OP_LOAD_FAST)
      {
        guint32 op = fused_load_fast (HS_INSTR_OP (words[i + 1]));
        if (op != HS_OP_LOAD_FAST)
          {
            words[i] = HS_INSTR (op, HS_INSTR_ARG (words[i]));
            i++; /* the second word stays plain */
          }
      }
}

HsCode *
hs_compile_assemble (Compiler *c, Unit *u)
{
  hs_compile_assemble_chunk (u);
  Assembly *out = &u->out;
  fuse_pairs ((guint32 *)out->words->data, out->words->len);
  HsCode *co = code_block_new (u);
  co->nexc = (int)out->exc->len;
  co->exc_table = (HsExcEntry *)(void *)g_array_free (out->exc, FALSE);
  co->filename = g_ref_string_new_intern (c->filename);
  co->firstlineno = u->firstlineno;
  co->is_module = u->kind == UNIT_MODULE;
  co->nconsts = (int)u->consts->len;
  co->consts = g_memdup2 (u->consts->pdata, sizeof (HsObject *) * MAX (1, u->consts->len));
  co->doc = u->has_doc ? co->consts[0] : NULL;
  co->nnames = (int)u->names->len;
  for (int i = 0; i < co->nnames; i++)
    co->names[i] = hs_str_intern_name (c->vm, u->names->pdata[i], strlen (u->names->pdata[i]));
  co->nlocals = (int)u->varnames->len;
  co->nparams = u->nparams;
  co->nkwonly = u->nkwonly;
  co->nposonly = u->nposonly;
  co->flags = u->code_flags;
  for (int i = 0; i < co->nlocals; i++)
    {
      const char *name = u->varnames->pdata[i];
      co->varname_objs[i] = hs_str_intern_name (c->vm, name, strlen (name));
    }
  if (c->error == NULL)
    merge_code_tuples (c, co);
  /* NULL when empty: most functions have no cells, free variables or nested code, and a
   * large module has hundreds of thousands of functions */
  co->ncells = (int)u->cells->len;
  co->cells = g_memdup2 (u->cells->data, sizeof (int) * co->ncells);
  co->nfrees = (int)u->frees->len;
  co->frees = g_memdup2 (u->frees->data, sizeof (int) * co->nfrees);
  co->nchildren = (int)u->children->len;
  co->children = g_memdup2 (u->children->pdata, sizeof (HsCode *) * co->nchildren);
  co->stacksize = out->maxd + 2;
  return co;
}
