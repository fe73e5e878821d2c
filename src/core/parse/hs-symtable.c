/* hs-symtable.c — scope analysis (see hs-symtable.h for the invariant).
 *
 * Two passes, as in CPython: `visit_*` records, per scope, how each name is used
 * (bound, parameter, declared global/nonlocal, read); `analyze` then resolves each name
 * top-down, knowing which names the enclosing functions bind, and bottom-up turns a
 * local that an inner function reads into a cell.
 */
#include "config.h"

#include <string.h>

#include "hs-recursion.h"
#include "hs-symtable.h"

struct _HsSymtable
{
  HsScope *module;
  GHashTable *by_node; /* node -> HsScope */
  HsScope *cur;
  char *error; /* the first error of the visits */
  HsPos error_pos;
  char *analysis_error; /* the first of the analyses (set_analysis_error) */
  HsPos analysis_error_pos;
  int depth; /* statements and expressions being visited (C recursion) */
  int max_depth;
  gboolean too_deep;        /* the walk stopped at max_depth */
  gboolean in_comp_target;  /* visiting a comprehension's `for` target */
  const char *private_name; /* the class whose body is being visited, for hs_mangle */
  GStringChunk *mangled;    /* the mangled names the scopes refer to, and the module's names */
  guint module_resolved;    /* how many of the module scope's names analyze() has resolved */
};

static HsScope *
scope_new (HsSymtable *st, HsScopeKind kind, gconstpointer node)
{
  HsScope *s = g_new0 (HsScope, 1);
  s->kind = kind;
  s->parent = st->cur;
  s->node = node;
  s->flags = g_hash_table_new (g_str_hash, g_str_equal);
  s->resolved = g_hash_table_new (g_str_hash, g_str_equal);
  s->names = g_ptr_array_new ();
  s->params = g_ptr_array_new ();
  s->frees = g_ptr_array_new ();
  s->children = g_ptr_array_new ();
  if (st->cur != NULL)
    g_ptr_array_add (st->cur->children, s);
  if (node != NULL)
    g_hash_table_insert (st->by_node, (gpointer)node, s);
  return s;
}

static void
scope_free (HsScope *s)
{
  for (guint i = 0; i < s->children->len; i++)
    scope_free (s->children->pdata[i]);
  g_hash_table_destroy (s->flags);
  g_hash_table_destroy (s->resolved);
  g_ptr_array_free (s->names, TRUE);
  g_ptr_array_free (s->params, TRUE);
  g_ptr_array_free (s->frees, TRUE);
  g_ptr_array_free (s->children, TRUE);
  g_free (s);
}

/* Keeps the first error of its kind. */
static void
keep_first (char **error, HsPos *error_pos, HsPos pos, char *msg)
{
  if (*error != NULL)
    {
      g_free (msg);
      return;
    }
  *error = msg;
  *error_pos = pos;
}

static void
set_error (HsSymtable *st, HsPos pos, char *msg)
{
  keep_first (&st->error, &st->error_pos, pos, msg);
}

/* An error of the analysis: CPython's analyses the module once all of it is visited, so an
 * error any statement's visit finds wins over it. */
static void
set_analysis_error (HsSymtable *st, HsPos pos, char *msg)
{
  keep_first (&st->analysis_error, &st->analysis_error_pos, pos, msg);
}

char *
hs_mangle (const char *private_name, const char *name)
{
  gsize len = strlen (name);
  if (private_name == NULL || len < 2 || name[0] != '_' || name[1] != '_'
      || (name[len - 1] == '_' && name[len - 2] == '_') || strchr (name, '.') != NULL)
    return NULL;
  while (*private_name == '_')
    private_name++;
  if (*private_name == '\0')
    return NULL;
  return g_strdup_printf ("_%s%s", private_name, name);
}

/* `name` as the class being visited mangles it, kept as long as the table. */
static const char *
mangled (HsSymtable *st, const char *name)
{
  g_autofree char *m = hs_mangle (st->private_name, name);
  return m != NULL ? g_string_chunk_insert_const (st->mangled, m) : name;
}

/* `name` as scope `s` may keep it: the module's scope outlives the statements whose trees
 * hold the names (hs_symtable_forget), so it keeps copies. */
static const char *
keep (HsSymtable *st, HsScope *s, const char *name)
{
  return s->kind == HS_SCOPE_MODULE ? g_string_chunk_insert_const (st->mangled, name) : name;
}

static int
flags_of (HsScope *s, const char *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (s->flags, name));
}

/* Records `f` for `id`, mangled; the errors name it as written, as CPython's do. */
static void
add_flags (HsSymtable *st, const char *id, int f, HsPos pos)
{
  HsScope *s = st->cur;
  const char *m = keep (st, s, mangled (st, id)), *name = id;
  int old = flags_of (s, m);
  if (old == 0)
    g_ptr_array_add (s->names, (gpointer)m);
  if ((f & HS_DEF_GLOBAL) && (old & HS_DEF_PARAM))
    set_error (st, pos, g_strdup_printf ("name '%s' is parameter and global", name));
  else if ((f & HS_DEF_NONLOCAL) && (old & HS_DEF_PARAM))
    set_error (st, pos, g_strdup_printf ("name '%s' is parameter and nonlocal", name));
  else if ((f & (HS_DEF_GLOBAL | HS_DEF_NONLOCAL)) && (old & HS_DEF_LOCAL))
    set_error (st, pos,
               g_strdup_printf ("name '%s' is assigned to before %s declaration", name,
                                (f & HS_DEF_GLOBAL) ? "global" : "nonlocal"));
  else if ((f & (HS_DEF_GLOBAL | HS_DEF_NONLOCAL)) && (old & HS_USE))
    set_error (st, pos,
               g_strdup_printf ("name '%s' is used prior to %s declaration", name,
                                (f & HS_DEF_GLOBAL) ? "global" : "nonlocal"));
  g_hash_table_insert (s->flags, (gpointer)m, GINT_TO_POINTER (old | f));
}

static void visit_expr (HsSymtable *st, HsExpr *e);
static void visit_stmts (HsSymtable *st, HsStmtList *l);

static void
visit_exprs (HsSymtable *st, HsExprList *l)
{
  for (int i = 0; i < l->len; i++)
    if (l->items[i] != NULL)
      visit_expr (st, l->items[i]);
}

static void
add_param (HsSymtable *st, HsArg *a)
{
  const char *name = mangled (st, a->name);
  if (flags_of (st->cur, name) & HS_DEF_PARAM)
    set_error (st, a->pos,
               g_strdup_printf ("duplicate argument '%s' in function definition", a->name));
  add_flags (st, a->name, HS_DEF_PARAM, a->pos);
  g_ptr_array_add (st->cur->params, (gpointer)name);
}

/* Defaults are evaluated in the enclosing scope; the parameters belong to the new one. */
static void
visit_arguments_defaults (HsSymtable *st, HsArguments *a)
{
  visit_exprs (st, &a->defaults);
  for (int i = 0; i < a->n_kwonly; i++)
    if (a->kw_defaults[i] != NULL)
      visit_expr (st, a->kw_defaults[i]);
}

static void
enter_function (HsSymtable *st, gconstpointer node, HsArguments *a)
{
  st->cur = scope_new (st, HS_SCOPE_FUNCTION, node);
  if (a == NULL)
    return;
  for (int i = 0; i < a->n_posonly; i++)
    add_param (st, &a->posonlyargs[i]);
  for (int i = 0; i < a->n_args; i++)
    add_param (st, &a->args[i]);
  for (int i = 0; i < a->n_kwonly; i++)
    add_param (st, &a->kwonlyargs[i]);
  if (a->vararg != NULL)
    add_param (st, a->vararg);
  if (a->kwarg != NULL)
    add_param (st, a->kwarg);
}

static void
leave (HsSymtable *st)
{
  st->cur = st->cur->parent;
}

static void
visit_comprehension (HsSymtable *st, HsExpr *e)
{
  HsComprehension *gens = e->u.comp.generators;
  visit_expr (st, gens[0].iter); /* the outermost iterable: enclosing scope */
  enter_function (st, e, NULL);
  st->cur->is_generator = e->kind == HS_EXPR_GENEXP;
  add_flags (st, ".0", HS_DEF_PARAM, e->pos);
  g_ptr_array_add (st->cur->params, ".0");
  for (int i = 0; i < e->u.comp.n_generators; i++)
    {
      if (i > 0)
        visit_expr (st, gens[i].iter);
      st->in_comp_target = TRUE;
      visit_expr (st, gens[i].target);
      st->in_comp_target = FALSE;
      visit_exprs (st, &gens[i].ifs);
    }
  if (e->u.comp.key != NULL)
    visit_expr (st, e->u.comp.key);
  visit_expr (st, e->u.comp.elt);
  leave (st);
}

static void
use_name (HsSymtable *st, const char *id, HsPos pos)
{
  add_flags (st, id, HS_USE, pos);
  /* zero-argument super() reads the implicit __class__ cell of the enclosing class */
  if (strcmp (id, "super") == 0 && st->cur->kind == HS_SCOPE_FUNCTION)
    add_flags (st, "__class__", HS_USE, pos);
}

/* Counts one more level of C recursion; FALSE (and a RecursionError, as CPython's
 * symtable raises) once the AST is nested deeper than max_depth or the C
 * stack runs short, so that a 50,000-term `1+1+...` line cannot overflow the C stack.
 * Pair with `st->depth--`. */
static gboolean
enter_level (HsSymtable *st, HsPos pos)
{
  if (++st->depth <= st->max_depth && !st->too_deep && !hs_stack_exhausted ())
    return TRUE;
  if (!st->too_deep && st->error == NULL)
    {
      st->too_deep = TRUE;
      set_error (st, pos, g_strdup ("maximum recursion depth exceeded during compilation"));
    }
  return FALSE;
}

static void visit_expr_inner (HsSymtable *st, HsExpr *e);

static void
visit_expr (HsSymtable *st, HsExpr *e)
{
  if (enter_level (st, e->pos))
    visit_expr_inner (st, e);
  st->depth--;
}

static gboolean
is_comprehension (HsScope *s)
{
  const HsExpr *e = s->node;
  return s->kind == HS_SCOPE_FUNCTION && e != NULL
         && (e->kind == HS_EXPR_LISTCOMP || e->kind == HS_EXPR_SETCOMP
             || e->kind == HS_EXPR_DICTCOMP || e->kind == HS_EXPR_GENEXP);
}

/* PEP 572: inside comprehensions `:=` binds in the first enclosing scope that is not one
 * (each comprehension in between sees it as nonlocal, or global at module level). The
 * check against the iteration variables looks for the name as written, not mangled, as
 * CPython 3.11's does. */
static void
visit_named_target (HsSymtable *st, HsExpr *target)
{
  const char *written = target->u.name.id, *id = mangled (st, written);
  HsScope *owner = st->cur;
  int bind_as;
  if (!is_comprehension (st->cur))
    {
      visit_expr (st, target);
      return;
    }
  for (HsScope *s = st->cur; is_comprehension (s); s = s->parent)
    if (flags_of (s, written) & HS_DEF_COMP_ITER)
      {
        set_error (st, target->pos,
                   g_strdup_printf (
                       "assignment expression cannot rebind comprehension iteration variable '%s'",
                       written));
        return;
      }
  while (is_comprehension (owner))
    owner = owner->parent;
  if (owner->kind == HS_SCOPE_CLASS)
    {
      set_error (st, target->pos,
                 g_strdup ("assignment expression within a comprehension cannot be used in a "
                           "class body"));
      return;
    }
  bind_as = owner->kind == HS_SCOPE_MODULE ? HS_DEF_GLOBAL : HS_DEF_NONLOCAL;
  for (HsScope *s = st->cur; s != owner; s = s->parent)
    {
      /* not add_flags: a use before the `:=` is no error here, unlike before `nonlocal` */
      int old = flags_of (s, id);
      if (old == 0)
        g_ptr_array_add (s->names, (gpointer)id);
      g_hash_table_insert (s->flags, (gpointer)id, GINT_TO_POINTER (old | bind_as));
    }
  {
    int old = flags_of (owner, id);
    id = keep (st, owner, id);
    if (old == 0)
      g_ptr_array_add (owner->names, (gpointer)id);
    if (!(old & (HS_DEF_GLOBAL | HS_DEF_NONLOCAL)))
      g_hash_table_insert (owner->flags, (gpointer)id, GINT_TO_POINTER (old | HS_DEF_LOCAL));
  }
}

static void
visit_expr_inner (HsSymtable *st, HsExpr *e)
{
  switch (e->kind)
    {
      case HS_EXPR_NAME:
        if (e->u.name.ctx == HS_CTX_LOAD)
          use_name (st, e->u.name.id, e->pos);
        else
          add_flags (st, e->u.name.id, HS_DEF_LOCAL | (st->in_comp_target ? HS_DEF_COMP_ITER : 0),
                     e->pos);
        break;
      case HS_EXPR_BOOLOP:
        visit_exprs (st, &e->u.boolop.values);
        break;
      case HS_EXPR_NAMEDEXPR:
        visit_expr (st, e->u.namedexpr.value);
        visit_named_target (st, e->u.namedexpr.target);
        break;
      case HS_EXPR_BINOP:
        visit_expr (st, e->u.binop.left);
        visit_expr (st, e->u.binop.right);
        break;
      case HS_EXPR_UNARYOP:
        visit_expr (st, e->u.unaryop.operand);
        break;
      case HS_EXPR_LAMBDA:
        visit_arguments_defaults (st, e->u.lambda.args);
        enter_function (st, e, e->u.lambda.args);
        visit_expr (st, e->u.lambda.body);
        leave (st);
        break;
      case HS_EXPR_IFEXP:
        visit_expr (st, e->u.ifexp.test);
        visit_expr (st, e->u.ifexp.body);
        visit_expr (st, e->u.ifexp.orelse);
        break;
      case HS_EXPR_DICT:
        visit_exprs (st, &e->u.dict.keys);
        visit_exprs (st, &e->u.dict.values);
        break;
      case HS_EXPR_SET:
      case HS_EXPR_LIST:
      case HS_EXPR_TUPLE:
      case HS_EXPR_JOINEDSTR:
        visit_exprs (st, &e->u.seq.elts);
        break;
      case HS_EXPR_LISTCOMP:
      case HS_EXPR_SETCOMP:
      case HS_EXPR_DICTCOMP:
      case HS_EXPR_GENEXP:
        visit_comprehension (st, e);
        break;
      case HS_EXPR_YIELD:
      case HS_EXPR_YIELD_FROM:
        if (st->cur->kind != HS_SCOPE_FUNCTION)
          set_error (st, e->pos, g_strdup ("'yield' outside function"));
        st->cur->is_generator = TRUE;
        if (e->u.yield_.value != NULL)
          visit_expr (st, e->u.yield_.value);
        break;
      case HS_EXPR_COMPARE:
        visit_expr (st, e->u.compare.left);
        visit_exprs (st, &e->u.compare.comparators);
        break;
      case HS_EXPR_CALL:
        visit_expr (st, e->u.call.func);
        visit_exprs (st, &e->u.call.args);
        for (int i = 0; i < e->u.call.n_keywords; i++)
          visit_expr (st, e->u.call.keywords[i].value);
        break;
      case HS_EXPR_FORMATTED:
        visit_expr (st, e->u.formatted.value);
        if (e->u.formatted.format_spec != NULL)
          visit_expr (st, e->u.formatted.format_spec);
        break;
      case HS_EXPR_CONSTANT:
        break;
      case HS_EXPR_ATTRIBUTE:
        visit_expr (st, e->u.attribute.value);
        break;
      case HS_EXPR_SUBSCRIPT:
        visit_expr (st, e->u.subscript.value);
        visit_expr (st, e->u.subscript.slice);
        break;
      case HS_EXPR_STARRED:
        visit_expr (st, e->u.starred.value);
        break;
      case HS_EXPR_SLICE:
        if (e->u.slice.lower)
          visit_expr (st, e->u.slice.lower);
        if (e->u.slice.upper)
          visit_expr (st, e->u.slice.upper);
        if (e->u.slice.step)
          visit_expr (st, e->u.slice.step);
        break;
    }
}

static void
bind (HsSymtable *st, const char *name, HsPos pos)
{
  add_flags (st, name, HS_DEF_LOCAL, pos);
}

static void visit_pattern (HsSymtable *st, HsPattern *pat);

static void
visit_patterns (HsSymtable *st, HsPatternList *l)
{
  for (int i = 0; i < l->len; i++)
    visit_pattern (st, l->items[i]);
}

/* A pattern binds its capture names, in CPython's order (an `as` pattern's inner pattern
 * first). */
static void
visit_pattern_inner (HsSymtable *st, HsPattern *pat)
{
  switch (pat->kind)
    {
      case HS_PAT_VALUE:
        visit_expr (st, pat->u.value);
        break;
      case HS_PAT_SINGLETON:
        break;
      case HS_PAT_SEQUENCE:
      case HS_PAT_OR:
        visit_patterns (st, &pat->u.patterns);
        break;
      case HS_PAT_MAPPING:
        visit_exprs (st, &pat->u.mapping.keys);
        visit_patterns (st, &pat->u.mapping.patterns);
        if (pat->u.mapping.rest != NULL)
          bind (st, pat->u.mapping.rest, pat->pos);
        break;
      case HS_PAT_CLASS:
        visit_expr (st, pat->u.cls.cls);
        visit_patterns (st, &pat->u.cls.patterns);
        visit_patterns (st, &pat->u.cls.kwd_patterns);
        break;
      case HS_PAT_STAR:
        if (pat->u.name != NULL)
          bind (st, pat->u.name, pat->pos);
        break;
      case HS_PAT_AS:
        if (pat->u.as.pattern != NULL)
          visit_pattern (st, pat->u.as.pattern);
        if (pat->u.as.name != NULL)
          bind (st, pat->u.as.name, pat->pos);
        break;
    }
}

static void
visit_pattern (HsSymtable *st, HsPattern *pat)
{
  if (enter_level (st, pat->pos))
    visit_pattern_inner (st, pat);
  st->depth--;
}

static void visit_stmt_inner (HsSymtable *st, HsStmt *s);

static void
visit_stmt (HsSymtable *st, HsStmt *s)
{
  if (enter_level (st, s->pos))
    visit_stmt_inner (st, s);
  st->depth--;
}

static void
visit_stmt_inner (HsSymtable *st, HsStmt *s)
{
  switch (s->kind)
    {
      case HS_STMT_FUNCTIONDEF:
        visit_exprs (st, &s->u.funcdef.decorators);
        visit_arguments_defaults (st, s->u.funcdef.args);
        bind (st, s->u.funcdef.name, s->pos);
        enter_function (st, s, s->u.funcdef.args);
        visit_stmts (st, &s->u.funcdef.body);
        leave (st);
        break;
      case HS_STMT_CLASSDEF:
        visit_exprs (st, &s->u.classdef.decorators);
        visit_exprs (st, &s->u.classdef.bases);
        for (int i = 0; i < s->u.classdef.n_keywords; i++)
          visit_expr (st, s->u.classdef.keywords[i].value);
        bind (st, s->u.classdef.name, s->pos);
        {
          const char *outer = st->private_name;
          st->cur = scope_new (st, HS_SCOPE_CLASS, s);
          st->private_name = s->u.classdef.name;
          visit_stmts (st, &s->u.classdef.body);
          st->private_name = outer;
          leave (st);
        }
        break;
      case HS_STMT_RETURN:
      case HS_STMT_EXPR:
        if (s->u.value != NULL)
          visit_expr (st, s->u.value);
        break;
      case HS_STMT_DELETE:
        visit_exprs (st, &s->u.targets);
        break;
      case HS_STMT_ASSIGN:
        visit_expr (st, s->u.assign.value);
        visit_exprs (st, &s->u.assign.targets);
        break;
      case HS_STMT_AUGASSIGN:
        visit_expr (st, s->u.augassign.value);
        if (s->u.augassign.target->kind == HS_EXPR_NAME)
          {
            use_name (st, s->u.augassign.target->u.name.id, s->pos);
            bind (st, s->u.augassign.target->u.name.id, s->pos);
          }
        else
          visit_expr (st, s->u.augassign.target);
        break;
      case HS_STMT_ANNASSIGN:
        /* an annotated name is bound even without a value (CPython's DEF_LOCAL); the
         * annotation is evaluated in modules and classes only */
        if (s->u.annassign.value != NULL)
          visit_expr (st, s->u.annassign.value);
        visit_expr (st, s->u.annassign.target);
        if (st->cur->kind != HS_SCOPE_FUNCTION)
          visit_expr (st, s->u.annassign.annotation);
        break;
      case HS_STMT_FOR:
        visit_expr (st, s->u.for_.iter);
        visit_expr (st, s->u.for_.target);
        visit_stmts (st, &s->u.for_.body);
        visit_stmts (st, &s->u.for_.orelse);
        break;
      case HS_STMT_WHILE:
        visit_expr (st, s->u.while_.test);
        visit_stmts (st, &s->u.while_.body);
        visit_stmts (st, &s->u.while_.orelse);
        break;
      case HS_STMT_IF:
        visit_expr (st, s->u.if_.test);
        visit_stmts (st, &s->u.if_.body);
        visit_stmts (st, &s->u.if_.orelse);
        break;
      case HS_STMT_WITH:
        for (int i = 0; i < s->u.with_.n_items; i++)
          {
            visit_expr (st, s->u.with_.items[i].context_expr);
            if (s->u.with_.items[i].optional_vars != NULL)
              visit_expr (st, s->u.with_.items[i].optional_vars);
          }
        visit_stmts (st, &s->u.with_.body);
        break;
      case HS_STMT_RAISE:
        if (s->u.raise.exc != NULL)
          visit_expr (st, s->u.raise.exc);
        if (s->u.raise.cause != NULL)
          visit_expr (st, s->u.raise.cause);
        break;
      case HS_STMT_TRY:
        visit_stmts (st, &s->u.try_.body);
        for (int i = 0; i < s->u.try_.n_handlers; i++)
          {
            HsExceptHandler *h = &s->u.try_.handlers[i];
            if (h->type != NULL)
              visit_expr (st, h->type);
            if (h->name != NULL)
              bind (st, h->name, h->pos);
            visit_stmts (st, &h->body);
          }
        visit_stmts (st, &s->u.try_.orelse);
        visit_stmts (st, &s->u.try_.finalbody);
        break;
      case HS_STMT_ASSERT:
        visit_expr (st, s->u.assert_.test);
        if (s->u.assert_.msg != NULL)
          visit_expr (st, s->u.assert_.msg);
        break;
      case HS_STMT_IMPORT:
      case HS_STMT_IMPORTFROM:
        for (int i = 0; i < s->u.import.n_names; i++)
          {
            HsAlias *a = &s->u.import.names[i];
            if (strcmp (a->name, "*") == 0)
              continue;
            if (a->asname != NULL)
              bind (st, a->asname, s->pos);
            else
              {
                const char *dot = strchr (a->name, '.');
                g_autofree char *top = dot != NULL ? g_strndup (a->name, dot - a->name) : NULL;
                bind (st, top != NULL ? g_intern_string (top) : a->name, s->pos);
              }
          }
        break;
      case HS_STMT_GLOBAL:
      case HS_STMT_NONLOCAL:
        {
          gboolean g = s->kind == HS_STMT_GLOBAL;
          if (!g && st->cur->kind == HS_SCOPE_MODULE)
            {
              set_error (st, s->pos, g_strdup ("nonlocal declaration not allowed at module level"));
              break;
            }
          if (!g)
            st->cur->nonlocal_pos = s->pos;
          for (int i = 0; i < s->u.names.n_names; i++)
            add_flags (st, s->u.names.names[i], g ? HS_DEF_GLOBAL : HS_DEF_NONLOCAL, s->pos);
          break;
        }
      case HS_STMT_MATCH:
        visit_expr (st, s->u.match.subject);
        for (int i = 0; i < s->u.match.n_cases; i++)
          {
            HsMatchCase *mc = &s->u.match.cases[i];
            visit_pattern (st, mc->pattern);
            if (mc->guard != NULL)
              visit_expr (st, mc->guard);
            visit_stmts (st, &mc->body);
          }
        break;
      case HS_STMT_PASS:
      case HS_STMT_BREAK:
      case HS_STMT_CONTINUE:
        break;
    }
}

static void
visit_stmts (HsSymtable *st, HsStmtList *l)
{
  for (int i = 0; i < l->len; i++)
    visit_stmt (st, l->items[i]);
}

/* ---- analysis ------------------------------------------------------------------ */

static void
resolve (HsScope *s, const char *name, HsSymScope sc)
{
  g_hash_table_insert (s->resolved, (gpointer)name, GINT_TO_POINTER (sc + 1));
}

static void
add_free (HsSymtable *st, HsScope *s, const char *name)
{
  name = keep (st, s, name);
  for (guint i = 0; i < s->frees->len; i++)
    if (strcmp (s->frees->pdata[i], name) == 0)
      return;
  g_ptr_array_add (s->frees, (gpointer)name);
  if (g_hash_table_lookup (s->flags, name) == NULL)
    {
      g_hash_table_insert (s->flags, (gpointer)name, GINT_TO_POINTER (HS_USE));
      g_ptr_array_add (s->names, (gpointer)name);
    }
  /* CPython's DEF_FREE_CLASS: a class passes its methods' free variable through even when
   * it binds the name (or declares it global) itself, and its own uses keep reading and
   * writing its namespace (or the globals) */
  HsSymScope own = hs_scope_resolve (s, name);
  if (s->kind == HS_SCOPE_CLASS && (own == HS_SYM_LOCAL || own == HS_SYM_GLOBAL_EXPLICIT))
    return;
  resolve (s, name, HS_SYM_FREE);
}

/* `bound`: names bound by the enclosing functions (visible as free variables). */
static void
analyze (HsSymtable *st, HsScope *s, GHashTable *bound)
{
  /* the module's names are resolved as its statements come (hs_symtable_add) */
  for (guint i = s == st->module ? st->module_resolved : 0; i < s->names->len; i++)
    {
      const char *name = s->names->pdata[i];
      int f = flags_of (s, name);
      HsSymScope sc;
      if (f & HS_DEF_GLOBAL)
        sc = HS_SYM_GLOBAL_EXPLICIT;
      else if (f & HS_DEF_NONLOCAL)
        {
          if (bound == NULL || !g_hash_table_contains (bound, name))
            {
              set_analysis_error (st, s->nonlocal_pos,
                                  g_strdup_printf ("no binding for nonlocal '%s' found", name));
              sc = HS_SYM_GLOBAL_IMPLICIT;
            }
          else
            sc = HS_SYM_FREE;
        }
      else if (f & (HS_DEF_LOCAL | HS_DEF_PARAM))
        sc = s->kind == HS_SCOPE_MODULE ? HS_SYM_GLOBAL_IMPLICIT : HS_SYM_LOCAL;
      else if (bound != NULL && g_hash_table_contains (bound, name))
        sc = HS_SYM_FREE;
      else
        sc = HS_SYM_GLOBAL_IMPLICIT;
      resolve (s, name, sc);
      if (sc == HS_SYM_FREE)
        add_free (st, s, name);
    }
  /* what the children may close over */
  GHashTable *child_bound = g_hash_table_new (g_str_hash, g_str_equal);
  if (bound != NULL)
    {
      GHashTableIter it;
      gpointer k;
      g_hash_table_iter_init (&it, bound);
      while (g_hash_table_iter_next (&it, &k, NULL))
        g_hash_table_add (child_bound, k);
    }
  if (s->kind == HS_SCOPE_FUNCTION)
    for (guint i = 0; i < s->names->len; i++)
      {
        HsSymScope sc = hs_scope_resolve (s, s->names->pdata[i]);
        if (sc == HS_SYM_LOCAL || sc == HS_SYM_FREE)
          g_hash_table_add (child_bound, s->names->pdata[i]);
        else
          g_hash_table_remove (child_bound, s->names->pdata[i]);
      }
  else if (s->kind == HS_SCOPE_CLASS)
    g_hash_table_add (child_bound, "__class__");
  else
    g_hash_table_remove_all (child_bound);
  for (guint i = 0; i < s->children->len; i++)
    {
      HsScope *c = s->children->pdata[i];
      analyze (st, c, s->kind == HS_SCOPE_MODULE ? NULL : child_bound);
      for (guint j = 0; j < c->frees->len; j++)
        {
          const char *name = c->frees->pdata[j];
          HsSymScope sc = g_hash_table_lookup (s->resolved, name) != NULL
                              ? hs_scope_resolve (s, name)
                              : HS_SYM_GLOBAL_IMPLICIT;
          if (s->kind == HS_SCOPE_CLASS && strcmp (name, "__class__") == 0)
            s->class_cell = TRUE;
          else if (s->kind == HS_SCOPE_FUNCTION && (sc == HS_SYM_LOCAL || sc == HS_SYM_CELL))
            resolve (s, name, HS_SYM_CELL);
          else if (sc != HS_SYM_FREE || s->kind == HS_SCOPE_CLASS)
            add_free (st, s, name);
        }
    }
  g_hash_table_destroy (child_bound);
  if (s == st->module)
    st->module_resolved = s->names->len;
}

HsSymtable *
hs_symtable_new (int depth, int max_depth)
{
  HsSymtable *st = g_new0 (HsSymtable, 1);
  st->depth = depth;
  st->max_depth = max_depth;
  st->by_node = g_hash_table_new (NULL, NULL);
  st->mangled = g_string_chunk_new (4096);
  st->module = scope_new (st, HS_SCOPE_MODULE, NULL);
  return st;
}

void
hs_symtable_add (HsSymtable *st, HsStmt *s)
{
  st->cur = st->module;
  visit_stmt (st, s);
  st->cur = NULL;
  analyze (st, st->module, NULL);
}

static void
forget_nodes (HsSymtable *st, HsScope *s)
{
  for (guint i = 0; i < s->children->len; i++)
    forget_nodes (st, s->children->pdata[i]);
  g_hash_table_remove (st->by_node, s->node);
}

void
hs_symtable_forget (HsSymtable *st)
{
  GPtrArray *children = st->module->children;
  for (guint i = 0; i < children->len; i++)
    {
      forget_nodes (st, children->pdata[i]);
      scope_free (children->pdata[i]);
    }
  g_ptr_array_set_size (children, 0);
}

const char *
hs_symtable_error (HsSymtable *st, HsPos *pos)
{
  if (st->error == NULL && pos != NULL)
    *pos = st->analysis_error_pos;
  else if (pos != NULL)
    *pos = st->error_pos;
  return st->error != NULL ? st->error : st->analysis_error;
}

void
hs_symtable_free (HsSymtable *st)
{
  if (st == NULL)
    return;
  scope_free (st->module);
  g_hash_table_destroy (st->by_node);
  g_string_chunk_free (st->mangled);
  g_free (st->error);
  g_free (st->analysis_error);
  g_free (st);
}

gboolean
hs_symtable_too_deep (HsSymtable *st)
{
  return st->too_deep;
}

HsScope *
hs_symtable_module (HsSymtable *st)
{
  return st->module;
}

HsScope *
hs_symtable_lookup (HsSymtable *st, gconstpointer node)
{
  return g_hash_table_lookup (st->by_node, node);
}

HsSymScope
hs_scope_resolve (HsScope *scope, const char *name)
{
  gpointer v = g_hash_table_lookup (scope->resolved, name);
  return v != NULL ? (HsSymScope)(GPOINTER_TO_INT (v) - 1) : HS_SYM_GLOBAL_IMPLICIT;
}
