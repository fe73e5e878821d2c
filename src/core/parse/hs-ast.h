/* hs-ast.h — the abstract syntax tree, shaped like CPython's `ast` module.
 *
 * Invariant: every node records its source range as CPython does (1-based lines,
 * 0-based columns in UTF-8 bytes, end exclusive), because tracebacks print carets under
 * the failing expression and syntax errors point at a column. All nodes of one parse
 * live in one HsAstArena and are freed with it; the tree holds no runtime objects
 * (constants are kept as text and converted by the compiler).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HsAstArena HsAstArena;
typedef struct _HsExpr HsExpr;
typedef struct _HsStmt HsStmt;

typedef struct
{
  int lineno, col_offset, end_lineno, end_col_offset;
} HsPos;

/* Growable arrays of node pointers (arena-allocated). */
typedef struct
{
  HsExpr **items;
  int len;
} HsExprList;

typedef struct
{
  HsStmt **items;
  int len;
} HsStmtList;

typedef enum
{
  HS_OP_ADD,
  HS_OP_SUB,
  HS_OP_MUL,
  HS_OP_DIV,
  HS_OP_FLOORDIV,
  HS_OP_MOD,
  HS_OP_POW,
  HS_OP_LSHIFT,
  HS_OP_RSHIFT,
  HS_OP_BITOR,
  HS_OP_BITXOR,
  HS_OP_BITAND,
  HS_OP_MATMUL,
} HsAstBinOp; /* same order as HsBinOp in hs-object.h */

typedef enum
{
  HS_UOP_NOT,
  HS_UOP_NEG,
  HS_UOP_POS,
  HS_UOP_INVERT
} HsAstUnaryOp;

typedef enum
{
  HS_CMPOP_EQ,
  HS_CMPOP_NE,
  HS_CMPOP_LT,
  HS_CMPOP_LE,
  HS_CMPOP_GT,
  HS_CMPOP_GE,
  HS_CMPOP_IS,
  HS_CMPOP_IS_NOT,
  HS_CMPOP_IN,
  HS_CMPOP_NOT_IN,
} HsAstCmpOp;

typedef enum
{
  HS_CTX_LOAD,
  HS_CTX_STORE,
  HS_CTX_DEL
} HsExprContext;

typedef enum
{
  HS_EXPR_BOOLOP,     /* boolop: values, is_and */
  HS_EXPR_NAMEDEXPR,  /* namedexpr: target (Name), value */
  HS_EXPR_BINOP,      /* binop */
  HS_EXPR_UNARYOP,    /* unaryop */
  HS_EXPR_LAMBDA,     /* lambda */
  HS_EXPR_IFEXP,      /* ifexp */
  HS_EXPR_DICT,       /* dict: keys (NULL key = **value), values */
  HS_EXPR_SET,        /* seq.elts */
  HS_EXPR_LISTCOMP,   /* comp */
  HS_EXPR_SETCOMP,    /* comp */
  HS_EXPR_DICTCOMP,   /* comp (key, elt=value) */
  HS_EXPR_GENEXP,     /* comp */
  HS_EXPR_YIELD,      /* yield_.value (may be NULL) */
  HS_EXPR_YIELD_FROM, /* yield_.value */
  HS_EXPR_COMPARE,    /* compare */
  HS_EXPR_CALL,       /* call */
  HS_EXPR_FORMATTED,  /* formatted: one {} field of an f-string */
  HS_EXPR_JOINEDSTR,  /* seq.elts: Constant str and Formatted parts */
  HS_EXPR_CONSTANT,   /* constant */
  HS_EXPR_ATTRIBUTE,  /* attribute */
  HS_EXPR_SUBSCRIPT,  /* subscript */
  HS_EXPR_STARRED,    /* starred */
  HS_EXPR_NAME,       /* name */
  HS_EXPR_LIST,       /* seq */
  HS_EXPR_TUPLE,      /* seq */
  HS_EXPR_SLICE,      /* slice: lower/upper/step, each may be NULL */
} HsExprKind;

typedef enum
{
  HS_CONST_NONE,
  HS_CONST_TRUE,
  HS_CONST_FALSE,
  HS_CONST_ELLIPSIS,
  HS_CONST_INT,   /* text: decimal digits after removing '_' and converting base prefixes
                     is the compiler's job; `text` is the literal as written */
  HS_CONST_FLOAT, /* text as written */
  HS_CONST_IMAG,  /* unsupported by the runtime: compiler reports it */
  HS_CONST_STR,   /* value: decoded UTF-8 (escapes processed), len in bytes */
  HS_CONST_BYTES, /* unsupported by the runtime: compiler reports it */
} HsConstKind;

typedef struct
{
  HsExpr *target; /* Name / Tuple / List / Attribute / Subscript / Starred, ctx Store */
  HsExpr *iter;
  HsExprList ifs;
  gboolean is_async;
} HsComprehension;

typedef struct
{
  char *arg; /* NULL for **kwargs in a call */
  HsExpr *value;
  HsPos pos;
} HsKeyword;

typedef struct
{
  char *name;
  HsExpr *annotation; /* parsed and ignored */
  HsPos pos;
} HsArg;

typedef struct
{
  HsArg *posonlyargs;
  int n_posonly;
  HsArg *args;
  int n_args;
  HsArg *vararg; /* NULL if none */
  HsArg *kwonlyargs;
  int n_kwonly;
  HsExpr **kw_defaults; /* n_kwonly entries, NULL where no default */
  HsArg *kwarg;         /* NULL if none */
  HsExprList defaults;  /* for the last positional args */
} HsArguments;

struct _HsExpr
{
  HsExprKind kind;
  HsPos pos;
  union
  {
    struct
    {
      gboolean is_and;
      HsExprList values;
    } boolop;
    struct
    {
      HsExpr *target, *value;
    } namedexpr;
    struct
    {
      HsExpr *left;
      HsAstBinOp op;
      HsExpr *right;
    } binop;
    struct
    {
      HsAstUnaryOp op;
      HsExpr *operand;
    } unaryop;
    struct
    {
      HsArguments *args;
      HsExpr *body;
    } lambda;
    struct
    {
      HsExpr *test, *body, *orelse;
    } ifexp;
    struct
    {
      HsExprList keys, values;
    } dict;
    struct
    {
      HsExpr *elt;
      HsExpr *key; /* dictcomp only */
      HsComprehension *generators;
      int n_generators;
    } comp;
    struct
    {
      HsExpr *value;
    } yield_;
    struct
    {
      HsExpr *left;
      HsAstCmpOp *ops;
      HsExprList comparators;
    } compare;
    struct
    {
      HsExpr *func;
      HsExprList args;
      HsKeyword *keywords;
      int n_keywords;
    } call;
    struct
    {
      HsExpr *value;
      int conversion;      /* -1, 's', 'r', 'a' */
      HsExpr *format_spec; /* JoinedStr or NULL */
    } formatted;
    struct
    {
      HsConstKind kind;
      char *text;
      char *value;
      gsize len;
      gboolean is_u; /* u'' prefix: ast kind='u' */
    } constant;
    struct
    {
      HsExpr *value;
      char *attr;
      HsExprContext ctx;
    } attribute;
    struct
    {
      HsExpr *value, *slice;
      HsExprContext ctx;
    } subscript;
    struct
    {
      HsExpr *value;
      HsExprContext ctx;
    } starred;
    struct
    {
      char *id;
      HsExprContext ctx;
    } name;
    struct
    {
      HsExprList elts;
      HsExprContext ctx;
    } seq;
    struct
    {
      HsExpr *lower, *upper, *step;
    } slice;
  } u;
};

typedef enum
{
  HS_STMT_FUNCTIONDEF, /* funcdef */
  HS_STMT_CLASSDEF,    /* classdef */
  HS_STMT_RETURN,      /* value (may be NULL) */
  HS_STMT_DELETE,      /* targets */
  HS_STMT_ASSIGN,      /* assign: targets (a = b = v), value */
  HS_STMT_AUGASSIGN,   /* augassign */
  HS_STMT_ANNASSIGN,   /* annassign */
  HS_STMT_FOR,         /* for_ */
  HS_STMT_WHILE,       /* while_ */
  HS_STMT_IF,          /* if_ */
  HS_STMT_WITH,        /* unsupported by the runtime: compiler reports it */
  HS_STMT_MATCH,       /* match: subject, cases */
  HS_STMT_RAISE,       /* raise */
  HS_STMT_TRY,         /* try_ */
  HS_STMT_ASSERT,      /* assert_ */
  HS_STMT_IMPORT,      /* import */
  HS_STMT_IMPORTFROM,  /* import */
  HS_STMT_GLOBAL,      /* names */
  HS_STMT_NONLOCAL,    /* names */
  HS_STMT_EXPR,        /* value */
  HS_STMT_PASS,
  HS_STMT_BREAK,
  HS_STMT_CONTINUE,
} HsStmtKind;

/* Patterns of a `match` statement (PEP 634), shaped like CPython's `pattern` nodes. */
typedef enum
{
  HS_PAT_VALUE,     /* value: a Constant, an Attribute, or what folds to a constant (-1, 1+2j) */
  HS_PAT_SINGLETON, /* singleton: HS_CONST_NONE, HS_CONST_TRUE or HS_CONST_FALSE */
  HS_PAT_SEQUENCE,  /* patterns */
  HS_PAT_MAPPING,   /* mapping */
  HS_PAT_CLASS,     /* cls */
  HS_PAT_STAR,      /* name (NULL for `*_`) */
  HS_PAT_AS,        /* as: pattern and name each may be NULL (`_` has neither) */
  HS_PAT_OR,        /* patterns (two or more) */
} HsPatternKind;

typedef struct _HsPattern HsPattern;

typedef struct
{
  HsPattern **items;
  int len;
} HsPatternList;

struct _HsPattern
{
  HsPatternKind kind;
  HsPos pos;
  union
  {
    HsExpr *value;
    HsConstKind singleton;
    HsPatternList patterns;
    char *name;
    struct
    {
      HsExprList keys;
      HsPatternList patterns;
      char *rest; /* `**rest`, or NULL */
    } mapping;
    struct
    {
      HsExpr *cls; /* Name or Attribute */
      HsPatternList patterns;
      char **kwd_attrs;
      HsPatternList kwd_patterns; /* one per kwd_attrs entry */
    } cls;
    struct
    {
      HsPattern *pattern;
      char *name;
    } as;
  } u;
};

typedef struct
{
  HsPattern *pattern;
  HsExpr *guard; /* NULL without `if` */
  HsStmtList body;
} HsMatchCase;

/* One `ctx as vars` item of a `with` statement (parsed only; the compiler rejects `with`). */
typedef struct
{
  HsExpr *context_expr;
  HsExpr *optional_vars; /* NULL without `as` */
} HsWithItem;

typedef struct
{
  HsExpr *type; /* NULL for bare except */
  char *name;   /* NULL without `as` */
  HsStmtList body;
  HsPos pos;
} HsExceptHandler;

typedef struct
{
  char *name;   /* dotted module name, or the imported name for `from` */
  char *asname; /* NULL if none */
  HsPos pos;
} HsAlias;

struct _HsStmt
{
  HsStmtKind kind;
  HsPos pos;
  union
  {
    struct
    {
      char *name;
      HsArguments *args;
      HsStmtList body;
      HsExprList decorators;
      HsExpr *returns;
      gboolean is_async;
    } funcdef;
    struct
    {
      char *name;
      HsExprList bases;
      HsKeyword *keywords;
      int n_keywords;
      HsStmtList body;
      HsExprList decorators;
    } classdef;
    HsExpr *value;
    HsExprList targets;
    struct
    {
      HsExprList targets;
      HsExpr *value;
    } assign;
    struct
    {
      HsExpr *target;
      HsAstBinOp op;
      HsExpr *value;
    } augassign;
    struct
    {
      HsExpr *target, *annotation, *value; /* value may be NULL */
      gboolean simple;
    } annassign;
    struct
    {
      HsExpr *target, *iter;
      HsStmtList body, orelse;
      gboolean is_async;
    } for_;
    struct
    {
      HsExpr *test;
      HsStmtList body, orelse;
    } while_;
    struct
    {
      HsExpr *test;
      HsStmtList body, orelse;
    } if_;
    struct
    {
      HsExpr *exc, *cause; /* both may be NULL */
    } raise;
    struct
    {
      HsStmtList body;
      HsExceptHandler *handlers;
      int n_handlers;
      HsStmtList orelse, finalbody;
      gboolean star; /* except* clauses (try_star) */
    } try_;
    struct
    {
      HsExpr *test, *msg;
    } assert_;
    struct
    {
      char *module; /* ImportFrom only; NULL for `from . import` */
      int level;
      HsAlias *names;
      int n_names;
    } import;
    struct
    {
      char **names;
      int n_names;
    } names;
    struct
    {
      HsWithItem *items;
      int n_items;
      HsStmtList body;
    } with_; /* HS_STMT_WITH */
    struct
    {
      HsExpr *subject;
      HsMatchCase *cases;
      int n_cases;
    } match; /* HS_STMT_MATCH */
  } u;
};

typedef struct
{
  HsStmtList body;
} HsModule;

/* A syntax error as CPython reports it: the message ("invalid syntax",
 * "expected ':'", "unterminated string literal (detected at line 3)", ...), the
 * exception class name ("SyntaxError", "IndentationError", "TabError"), the
 * 1-based line and 1-based column range (CPython's `offset`/`end_offset`, in
 * characters) and the text of the line. */
typedef struct
{
  char *type_name;
  char *msg;
  int lineno, offset, end_lineno, end_offset;
  char *text;
  /* A refusal (NotImplementedError: valid Python that Heapscope does not run yet): the
   * construct, in English as marked for translation ("'match' statements"), else NULL. */
  char *construct;
  /* Raised at a token past the end of the text (CPython's columnless DEDENT or ENDMARKER at
   * the end of the file): a program read from a file has no column there (offset 0, no
   * caret), where compile() of the same text has one past the last line's end. */
  gboolean at_end;
  /* Raised by the compiler or the symbol table, whose columns CPython counts in bytes
   * (compiler_error's col_offset + 1) where its parser counts characters */
  gboolean from_compiler;
} HsSyntaxError;

void hs_syntax_error_free (HsSyntaxError *err);
/* The character columns of err turned into the byte columns of its line (for a line past
 * its text's end, a byte a character), as CPython's compiler reports them, and its parser
 * for a program file without an encoding declaration (whose tokenizer has no encoding
 * then, so the columns stay the bytes it read). */
void hs_syntax_error_columns_to_bytes (HsSyntaxError *err);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsSyntaxError, hs_syntax_error_free)

HsAstArena *hs_ast_arena_new (void);
void hs_ast_arena_free (HsAstArena *arena);
/* Frees everything allocated in the arena, which stays usable. */
void hs_ast_arena_reset (HsAstArena *arena);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsAstArena, hs_ast_arena_free)

/* Parses a whole module. The source must be valid UTF-8 without NUL bytes (the caller
 * checks). Returns NULL and fills *error on a syntax error. */
HsModule *hs_parse_module (HsAstArena *arena, const char *source, gsize len, HsSyntaxError **error);

/* hs_parse_module a top-level statement at a time, for a large module: each statement is
 * built in `arena`, handed to `each` and freed (the arena reset) before the next is read,
 * so that only one statement's tokens and tree are alive. FALSE with *error on a syntax error
 * (the same one hs_parse_module reports, wherever in the file it is): the statements handed
 * out before it are not the module's. */
typedef void (*HsStmtFunc) (HsStmt *stmt, gpointer data);
gboolean hs_parse_module_each (HsAstArena *arena, const char *source, gsize len, HsStmtFunc each,
                               gpointer data, HsSyntaxError **error);
/* Parses what eval() takes (expressions, then only newlines) as a module of one expression
 * statement. */
HsModule *hs_parse_eval (HsAstArena *arena, const char *source, gsize len, HsSyntaxError **error);

/* Zeroed memory that lives as long as the arena. */
gpointer hs_ast_alloc (HsAstArena *arena, gsize size);
char *hs_ast_strndup (HsAstArena *arena, const char *s, gsize len);

/* The tree as Python's `ast.dump(tree)` prints it (`include_attributes` adds the positions,
 * as `ast.dump(tree, include_attributes=True)`); for tests and debugging. */
char *hs_ast_dump (HsModule *m);
/* repr() of a Constant's value, as ast.dump writes it (Ellipsis as `Ellipsis`). */
void hs_ast_repr_constant (GString *out, HsExpr *e);
char *hs_ast_dump_full (HsModule *m, gboolean include_attributes);

G_END_DECLS
