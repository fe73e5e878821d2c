/* hs-compile-private.h — what the compiler's files share (not for the rest of the core).
 *
 * The compiler is four files: hs-compile.c (errors and positions, statements, the units
 * of defs, classes, comprehensions and the module), hs-compile-expr.c (expressions and
 * assignment targets), hs-compile-annot.c (annotations and future imports) and
 * hs-assemble.c (a unit's instruction stream, its constants and names, and its assembly
 * into an HsCode).
 *
 * Invariant: one Unit per scope being compiled (the module, or a def); its instructions
 * refer to labels until assembly, which (1) resolves labels to instruction indices,
 * (2) gives position-less instructions the line of their predecessor, (3) inserts an
 * HS_OP_LINE before every instruction that starts a new line or is a jump target, and
 * (4) computes the maximum stack depth. The first error is kept and later code is
 * discarded, so every visitor may simply return once c->error is set.
 */
#pragma once

#include "hs-compile.h"
#include "hs-symtable.h"
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
  FB_EXCEPT_STAR, /* except* clauses: no break, continue or return leaves them */
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

/* What a unit's assembly has produced so far: a module is assembled a statement at a time
 * (hs_compile_assemble_chunk), carrying this state from one statement to the next. */
typedef struct
{
  GArray *words;        /* guint32: the code */
  HsCodePosWriter pos;  /* its positions */
  GArray *exc;          /* HsExcEntry */
  int maxd;             /* the largest stack depth */
  int prev_line;        /* of the last instruction, for HS_OP_LINE */
  gboolean target_next; /* the next instruction is a jump target (a label at the end) */
  gboolean have_prev;   /* prev_pos is set */
  HsCodePos prev_pos;   /* the last real instruction's, for position-less ones */
} Assembly;

typedef struct _Unit Unit;
struct _Unit
{
  Unit *parent;
  GArray *instrs;        /* Instr */
  GArray *labels;        /* int: instruction index or NO_LABEL */
  GPtrArray *consts;     /* HsObject*, owned: the module's canonical constants it loads */
  GHashTable *const_map; /* HsObject* -> index + 1 */
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
  int nposonly;
  guint32 code_flags;
  GArray *cells; /* int slots */
  GArray *frees; /* int slots, closure order */
  char *name;
  char *qualname;
  const char *private_name; /* the class that mangles its private names (hs_mangle) */
  int firstlineno;
  int nparams;
  gboolean has_doc; /* its docstring is consts[0] */
  HsCodePos cur;    /* position given to the instructions being emitted */
  Assembly out;
};

typedef struct _HsModuleCompiler Compiler;
struct _HsModuleCompiler
{
  HsVM *vm;
  const char *source;
  gsize len;
  const char *filename;
  GArray *line_starts; /* gsize: byte offset of each line (index 0 = line 1) */
  HsSyntaxError *error;
  Unit *u;
  HsSymtable *st;
  int depth;     /* statements and expressions being visited (C recursion) */
  int max_depth; /* the symtable's (HS_SYMTABLE_FRAME_SCALE) */
  /* GBytes value key -> HsObject* (owned): the module's constants, equal ones merged into
   * one object whichever code object loads them (CPython's c_const_cache) */
  GHashTable *const_cache;
  GPtrArray *literals; /* HsObject* (owned): what CPython's parse tree holds (HsCode.literals) */
  /* GBytes of a code's constants -> GPtrArray of the HsCodes with them, the first owning them:
   * CPython merges equal co_consts tuples (hs-assemble.c) */
  GHashTable *code_consts;
  GHashTable *program_names;   /* char* (owned): the NAME tokens of the source, made on demand */
  gboolean future_annotations; /* from __future__ import annotations */
  /* hs_compile_namespace: the module's names go through the frame's namespace */
  gboolean in_namespace;
  HsCompileMode mode;
  /* The module comes a statement at a time (hs_module_compiler_add): */
  int n_stmts;
  gboolean past_futures;       /* a statement other than the docstring or a future import came */
  HsSyntaxError *future_error; /* a leading future import's error: wins over the others */
  gboolean has_annotations;    /* a module-level annotation: the module sets __annotations__ up */
  int annotations_at;          /* first of the three NOPs reserved for that, -1 before any */
  int annotations_line;        /* the first statement's line, SETUP_ANNOTATIONS's in CPython */
  GArray *warnings;            /* Warning: reported once the whole module has compiled */
};

/* hs-assemble.c */
Unit *hs_compile_unit_new (Unit *parent, const char *name, UnitKind kind, HsScope *scope,
                           int firstlineno);
void hs_compile_unit_free (HsVM *vm, Unit *u, gboolean release);
int hs_compile_new_label (Compiler *c);
void hs_compile_bind_label (Compiler *c, int label);
void hs_compile_emit_at (Compiler *c, HsOpcode op, guint32 arg, HsCodePos pos);
void hs_compile_emit (Compiler *c, HsOpcode op, guint32 arg);
void hs_compile_emit_build_tuple (Compiler *c, guint n);
/* A def's or lambda's defaults tuple and keyword-only defaults dict, pushed: returns
 * MAKE_FUNCTION's flags for them. */
guint32 hs_compile_visit_defaults (Compiler *c, HsArguments *a, HsPos pos);
void hs_compile_emit_jump (Compiler *c, HsOpcode op, int label);
void hs_compile_emit_jump_noline (Compiler *c, HsOpcode op, int label);
HsObject *hs_compile_canonical (Compiler *c, const char *kind, const char *data, gsize len,
                                HsObject *obj, gboolean literal);
HsObject *hs_compile_canonical_value (Compiler *c, const char *kind, HsObject *obj,
                                      gboolean literal);
int hs_compile_const_index (Compiler *c, HsObject *obj);
void hs_compile_consts_init (Compiler *c);
void hs_compile_consts_clear (Compiler *c);
HsObject *hs_compile_str_object (Compiler *c, const char *s, gsize len);
int hs_compile_const_str (Compiler *c, const char *s, gsize len);
int hs_compile_const_none (Compiler *c);
int hs_compile_const_names_tuple (Compiler *c, HsKeyword *kws, int n);
int hs_compile_name_index (Compiler *c, const char *name);
/* CPython's ADDOP_NAME: the index of `name` mangled (an attribute or an imported name). */
int hs_compile_mangled_name_index (Compiler *c, const char *name);
/* The constant index of the str `name` mangled (a parameter's in defaults and annotations). */
int hs_compile_const_mangled (Compiler *c, const char *name);
int hs_compile_local_index (Unit *u, const char *name);
void hs_compile_allocate_slots (Unit *u);
/* Assembles the unit's instructions so far and forgets them (and its labels): at the end of a
 * module's statement, where the stack is empty and no label is pending. */
void hs_compile_assemble_chunk (Unit *u);
HsCode *hs_compile_assemble (Compiler *c, Unit *u);

/* hs-compile-expr.c */
void hs_compile_store_name (Compiler *c, const char *id, gboolean del);
void hs_compile_load_name (Compiler *c, const char *id);
void hs_compile_visit_constant (Compiler *c, HsExpr *e);
void hs_compile_visit_exprs (Compiler *c, HsExprList *l);
gboolean hs_compile_has_starred (HsExprList *l);
void hs_compile_fold_iterable (HsExpr *e);
HsObject *hs_compile_folded_value (Compiler *c, HsExpr *e);
/* A SyntaxWarning at `lineno`, reported on the run's stderr (see hs_vm_write_syntax_warning)
 * once the module has compiled, or failed with an error the compiler found after it (not one of
 * the symbol table's, found before compiling in CPython); compiling goes on. */
void hs_compile_warn (Compiler *c, int lineno, const char *message);

/* hs-compile-warn.c: the SyntaxWarnings CPython 3.11's compiler gives for code that can
 * only fail or mislead, each checked before the node is compiled. */
void hs_compile_check_compare (Compiler *c, HsExpr *compare);
void hs_compile_check_caller (Compiler *c, HsExpr *call);
/* CPython's validate_keywords: the SyntaxError "keyword argument repeated: NAME" at the
 * second use of a keyword in a call or a class's bases. */
void hs_compile_check_keywords (Compiler *c, const HsKeyword *keywords, int n);
void hs_compile_check_subscript (Compiler *c, HsExpr *subscript);
void hs_compile_check_assert (Compiler *c, HsStmt *assert_);
void hs_compile_visit_expr (Compiler *c, HsExpr *e);
void hs_compile_visit_jump_if (Compiler *c, HsExpr *test, int label, gboolean jump_if_true);
void hs_compile_visit_store (Compiler *c, HsExpr *t);
void hs_compile_visit_delete (Compiler *c, HsExpr *t);
void hs_compile_visit_augassign (Compiler *c, HsStmt *s);

/* hs-compile.c */
void hs_compile_error_at (Compiler *c, const char *type_name, HsPos pos, const char *fmt, ...)
    G_GNUC_PRINTF (4, 5);
gboolean hs_compile_enter_level (Compiler *c);
void hs_compile_unsupported (Compiler *c, HsPos pos, const char *what);
HsCodePos hs_compile_pos_plain (HsPos p);
HsCodePos hs_compile_pos_expr (Compiler *c, HsExpr *e);
HsCodePos hs_compile_pos_attr (HsCodePos cp, HsExpr *attr);
HsCodePos hs_compile_set_pos (Compiler *c, HsCodePos cp);
void hs_compile_make_closure (Compiler *c, HsCode *code, HsScope *scope, guint32 flags);
HsCode *hs_compile_lambda (Compiler *c, HsExpr *e);
/* hs-compile-annot.c */
gboolean hs_compile_is_future (HsStmt *s);
void hs_compile_read_future (Compiler *c, HsStmt *s);
gboolean hs_compile_has_annotations (HsStmt *s); /* at module level, CPython's find_ann */
void hs_compile_setup_annotations (Compiler *c, HsStmtList *body);
void hs_compile_visit_annassign (Compiler *c, HsStmt *s);
gboolean hs_compile_visit_annotations (Compiler *c, HsArguments *a, HsExpr *returns, HsPos pos);
int hs_compile_constant_index (Compiler *c, HsExpr *e);
HsCode *hs_compile_comprehension (Compiler *c, HsExpr *e);
void hs_compile_visit_stmts (Compiler *c, HsStmtList *body);

/* hs-compile-match.c */
void hs_compile_match (Compiler *c, HsStmt *s);
