/* hs-code.h — opcodes and code objects (the compiler's output, the VM's input).
 *
 * Invariant: a code object is immutable once assembled. `code[i]` is one 32-bit word,
 * opcode in the low 8 bits and argument in the high 24; jump arguments are absolute
 * instruction indices. `pos[i]` is the source range of instruction i as CPython 3.11
 * records it (1-based lines, 0-based byte columns, end exclusive). An HS_OP_LINE
 * instruction stands before every instruction whose line differs from its textual
 * predecessor's and before every jump target: it is where CPython's sys.settrace could
 * fire a 'line' event, so the VM checks lines, steps and cancellation only there; its
 * argument is that line (HS_INSTR_ARG_MAX: look it up, a line past what 24 bits hold).
 *
 * Positions are stored compactly (a large source's code lives as long as the program):
 * each instruction's range as a few varint deltas from the previous one's, like CPython's
 * co_linetable, restarting every HS_CODE_POS_GROUP instructions so that hs_code_pos reads
 * at most that many entries.
 *
 * Code objects are plain C structs owned by the VM (freed with it), not heap objects:
 * the diagram does not draw them, and lists them as hidden holders of their constants,
 * which are ordinary objects whose counts include the code's references, as in CPython.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

#define HS_FOREACH_OPCODE(X)                                                                       \
  X (NOP)                                                                                          \
  X (LINE)       /* possible line event; arg: its line */                                          \
  X (LOAD_CONST) /* consts[arg] */                                                                 \
  X (LOAD_FAST)  /* locals[arg]; UnboundLocalError when unset */                                   \
  X (STORE_FAST)                                                                                   \
  X (DELETE_FAST)                                                                                  \
  X (LOAD_GLOBAL) /* names[arg] in globals, then builtins */                                       \
  X (STORE_GLOBAL)                                                                                 \
  X (DELETE_GLOBAL)                                                                                \
  X (POP_TOP)                                                                                      \
  X (DUP_TOP)                                                                                      \
  X (DUP_TOP_TWO)                                                                                  \
  X (ROT_TWO)                                                                                      \
  X (ROT_THREE)                                                                                    \
  X (BINARY_OP)  /* arg: HsBinOp */                                                                \
  X (INPLACE_OP) /* arg: HsBinOp */                                                                \
  X (UNARY_OP)   /* arg: HsUnaryOp */                                                              \
  X (UNARY_NOT)                                                                                    \
  X (COMPARE_OP)  /* arg: HsCompareOp */                                                           \
  X (IS_OP)       /* arg 1: is not */                                                              \
  X (CONTAINS_OP) /* arg 1: not in */                                                              \
  X (BINARY_SUBSCR)                                                                                \
  X (STORE_SUBSCR) /* TOS1[TOS] = TOS2 */                                                          \
  X (DELETE_SUBSCR)                                                                                \
  X (BUILD_SLICE) /* arg: 2 or 3 */                                                                \
  X (LOAD_ATTR)   /* names[arg] */                                                                 \
  X (STORE_ATTR)  /* TOS.name = TOS1 */                                                            \
  X (DELETE_ATTR)                                                                                  \
  X (LOAD_METHOD) /* pushes (method, self) or (NULL, bound) */                                     \
  X (CALL_METHOD) /* arg: nargs */                                                                 \
  X (BUILD_LIST)                                                                                   \
  X (BUILD_TUPLE)                                                                                  \
  X (BUILD_MAP)           /* arg: pairs */                                                         \
  X (BUILD_CONST_KEY_MAP) /* arg: count; the values, then a constant tuple of the keys */          \
  X (BUILD_STRING)        /* arg: count of str pieces */                                           \
  X (FORMAT_VALUE)        /* arg: conversion (0 none, 1 s, 2 r, 3 a) | 4 if spec on stack */       \
  X (UNPACK_SEQUENCE)     /* arg: count */                                                         \
  X (UNPACK_EX)           /* arg: before | after << 12 (a, *b, c = ...) */                         \
  X (JUMP)                                                                                         \
  X (JUMP_BACKWARD)                                                                                \
  X (POP_JUMP_IF_FALSE)                                                                            \
  X (POP_JUMP_IF_TRUE)                                                                             \
  X (JUMP_IF_FALSE_OR_POP)                                                                         \
  X (JUMP_IF_TRUE_OR_POP)                                                                          \
  X (GET_ITER)                                                                                     \
  X (FOR_ITER)      /* arg: target when exhausted (iterator popped) */                             \
  X (CALL)          /* arg: nargs; callable below the args */                                      \
  X (CALL_KW)       /* arg: nargs incl. keyword values; kwnames tuple on top */                    \
  X (MAKE_FUNCTION) /* arg: child << 4, 1 defaults, 2 kwdefaults, 4 closure, 8 annotations */      \
  X (RETURN_VALUE)                                                                                 \
  X (RAISE)       /* arg: 0 bare re-raise, 1 exc, 2 exc from cause */                              \
  X (ASSERT_FAIL) /* arg: 1 message on stack */                                                    \
  /* closures, class bodies, exceptions, comprehensions, generators */                             \
  X (LOAD_DEREF) /* locals[arg] is a cell: push its value */                                       \
  X (STORE_DEREF)                                                                                  \
  X (DELETE_DEREF)                                                                                 \
  X (LOAD_CLOSURE) /* push the cell in locals[arg] itself */                                       \
  X (LOAD_NAME)    /* names[arg]: frame namespace, globals, builtins (class bodies) */             \
  X (STORE_NAME)                                                                                   \
  X (DELETE_NAME)                                                                                  \
  X (LOAD_CLASSDEREF)  /* class body reading a free variable: namespace, then the cell */          \
  X (SETUP_FINALLY)    /* pseudo (removed by the assembler): protect until POP_BLOCK */            \
  X (SETUP_WITH)       /* pseudo: SETUP_FINALLY for a with block, whose handler starts without     \
                        * the value __enter__ gave (popped or stored first) */                     \
  X (POP_BLOCK)        /* pseudo */                                                                \
  X (PUSH_EXC_INFO)    /* exc -> prev_exc_info, exc; exc becomes the handled exception */          \
  X (POP_EXCEPT)       /* pops prev_exc_info and restores it */                                    \
  X (CHECK_EXC_MATCH)  /* exc, type -> exc, bool */                                                \
  X (RERAISE)          /* pops exc and raises it again (no new traceback entry); arg 1: a          \
                        * cleanup, the frame still reports the line of the original raise */       \
  X (BUILD_CLASS)      /* arg: nbases | nkw << 16; body function, name, bases..., keyword          \
                        * values... and their names' tuple when nkw > 0 -> class */                \
  X (CALL_FUNCTION_EX) /* arg: 1 with a kwargs dict; callable, args tuple[, dict] */               \
  X (LIST_APPEND)      /* arg: depth of the list below TOS */                                      \
  X (SET_ADD)                                                                                      \
  X (MAP_ADD)     /* key, value on top */                                                          \
  X (LIST_EXTEND) /* arg: depth; extends the list with the iterable on top */                      \
  X (LIST_TO_TUPLE)                                                                                \
  X (DICT_MERGE) /* arg: depth; merges the mapping on top (call **kwargs) */                       \
  X (SET_UPDATE)                                                                                   \
  X (BUILD_SET)                                                                                    \
  X (YIELD_VALUE)                                                                                  \
  X (GET_YIELD_FROM_ITER)                                                                          \
  X (SEND) /* receiver, v -> receiver, its next value; or -> its return value, jump to arg */      \
  X (IMPORT_NAME)       /* names[arg & ~FROMLIST]: push the module */                              \
  X (IMPORT_FROM)       /* names[arg]: push module.name (module stays) */                          \
  X (IMPORT_STAR)       /* module -> (its public names stored in the frame's namespace) */         \
  X (BEFORE_WITH)       /* mgr -> bound __exit__, result of __enter__ */                           \
  X (WITH_EXCEPT_START) /* exit, prev, exc -> exit, prev, exc, exit(type, exc, tb) */              \
  /* pattern matching (CPython 3.11's instructions of the same names) */                           \
  X (COPY)              /* arg n: push the n-th item from the top (1: TOS) */                      \
  X (SWAP)              /* arg n: exchange TOS and the n-th item */                                \
  X (GET_LEN)           /* push len(TOS) */                                                        \
  X (MATCH_MAPPING)     /* push whether TOS is a mapping */                                        \
  X (MATCH_SEQUENCE)    /* push whether TOS is a sequence (not str) */                             \
  X (MATCH_KEYS)        /* subject, keys -> subject, keys, values tuple or None */                 \
  X (MATCH_CLASS)       /* arg: nargs; subject, type, names -> attributes tuple or None */         \
  X (CHECK_EG_MATCH)    /* exc, type -> exc, None or rest, match (the handled exception) */        \
  X (PREP_RERAISE_STAR) /* orig, list -> what leaves the try/except* (None, or to raise) */        \
  X (PRINT_EXPR)        /* compile(..., 'single'): sys.displayhook(TOS), popped */                 \
  /* superinstructions (the assembler's last pass, hs_code_fuse): a LOAD_FAST that also runs       \
   * the next word, a plain instruction left as it was (a jump may land on it), and skips it;      \
   * arg: the LOAD_FAST's */                                                                       \
  X (LOAD_FAST_LOAD_FAST)                                                                          \
  X (LOAD_FAST_LOAD_CONST)                                                                         \
  X (LOAD_FAST_LOAD_ATTR)

typedef enum
{
#define HS_OPCODE_ENUM(name) HS_OP_##name,
  HS_FOREACH_OPCODE (HS_OPCODE_ENUM)
#undef HS_OPCODE_ENUM
      HS_OP_COUNT
} HsOpcode;

#define HS_INSTR(op, arg) ((guint32)(op) | ((guint32)(arg) << 8))
#define HS_INSTR_OP(w) ((w)&0xff)
#define HS_INSTR_ARG(w) ((w) >> 8)
#define HS_INSTR_ARG_MAX 0xffffff
/* IMPORT_NAME's flag for a `from` import (CPython's fromlist is not empty) */
#define HS_IMPORT_FROMLIST 0x800000

/* One instruction's source range, plus the caret anchors CPython 3.11 derives from a
 * binary operator or subscript node (byte columns in the line; -1: none). */
typedef struct
{
  gint32 line, col, end_line, end_col;
  gint32 anchor_left, anchor_right;
} HsCodePos;

/* No position: code the compiler gives no line (CPython's UNSET_LOC). */
#define HS_CODE_POS_NONE ((HsCodePos){ -1, -1, -1, -1, -1, -1 })

typedef struct _HsCode HsCode;
typedef struct _HsGlobalCache HsGlobalCache;
typedef struct _HsAttrCache HsAttrCache; /* hs-class.h */

/* One entry of a code object's exception table: an exception raised
 * by an instruction in [start, end) pops the value stack to `depth`, pushes the
 * exception and jumps to `target`. Entries do not overlap (the innermost handler wins). */
typedef struct
{
  int start, end, target, depth;
} HsExcEntry;

enum
{
  HS_CODE_VARARGS = 1 << 0,     /* has *args (slot nparams + nkwonly) */
  HS_CODE_VARKEYWORDS = 1 << 1, /* has **kwargs (the slot after *args, if any) */
  HS_CODE_GENERATOR = 1 << 2,   /* calling it creates a generator */
  HS_CODE_CLASS_BODY = 1 << 3,  /* runs with a namespace dict (frame->ns) */
  HS_CODE_NESTED = 1 << 4,      /* defined inside a function */
  HS_CODE_TEXT = 1 << 5,        /* the module level of exec()/eval()/compile() text */
  /* text a library module generates and runs (CPython's dataclasses exec()s its methods):
   * not the learner's code, so its frames give no step of their own */
  HS_CODE_LIBRARY = 1 << 6,
  /* a library module written in Python here where CPython's is C or its frames are of no
   * interest (warnings, traceback): its frames appear in no traceback */
  HS_CODE_NO_TRACEBACK = 1 << 7,
};

/* A code object is one block (hs_compile_assemble): the struct, then its names and
 * variable names, its instructions, its positions and its name and qualname; a large
 * module has hundreds of thousands of code objects, and each block of its own would cost
 * malloc's header and rounding. Its constants (shared between codes), caches, exception
 * table, cells, frees and children have blocks of their own, and so have the instructions
 * and positions of a large code (arrays_apart). */
struct _HsCode
{
  const char *name;     /* "<module>" or the function's name */
  const char *qualname; /* "f", "outer.<locals>.inner": used in call error messages */
  /* the immortal interned str of name that hs_function_new gave a function of name_vm (a
   * comprehension's code makes a function at every run: interning its name each time was
   * most of the cost of making it) */
  HsObject *name_obj;
  HsVM *name_vm;
  HsObject *doc;  /* a function's docstring, consts[0] (borrowed), or NULL */
  char *filename; /* as tracebacks print it (a GRefString, shared) */

  guint32 *code;
  guint8 *postab;      /* the positions, encoded (hs-code.c) */
  guint32 *pos_groups; /* byte offset in postab of each HS_CODE_POS_GROUP instructions */
  gint32 *lines;       /* each instruction's line once hs_code_line_cached was asked, or NULL */

  HsObject **consts;        /* owned references (CPython's co_consts): the module's equal
                             * constants are one object, shared by its code objects */
  HsObject *consts_tuple;   /* the constant tuple equal to co_consts, held, or NULL */
  HsObject *varnames_tuple; /* the constant tuple equal to the variable names, held, or NULL */
  /* Module code only: the objects CPython's parse tree holds while the program runs (its
   * arena): one reference for each constant made from a literal or folded from literals,
   * released when the program ends (hs_code_release_literals). */
  HsObject **literals;
  HsObject **names; /* interned str: globals and attributes */
  /* LOAD_GLOBAL's inline cache, by name index (NULL until first used): see hs-vm.c */
  HsGlobalCache *global_cache;
  /* LOAD_ATTR's, STORE_ATTR's and LOAD_METHOD's, by name index (NULL until first used) */
  HsAttrCache *attr_cache;
  HsObject **varname_objs; /* interned str: parameters first, then other locals */
  HsCode **children;       /* code of nested defs, by MAKE_FUNCTION arg */
  int *cells;              /* slots holding a cell (created at frame entry), ncells of them */
  int *frees;              /* slots filled from the function's closure tuple, in order */
  HsExcEntry *exc_table;   /* sorted by start */

  int firstlineno;
  gboolean is_module;
  gboolean arrays_apart; /* code, postab and pos_groups are blocks of their own */
  int ncode;
  int nconsts;
  /* consts are the items of consts_tuple or of an earlier code's consts, not owned: CPython
   * merges equal co_consts tuples with each other and with the module's constant tuples */
  gboolean consts_shared;
  int nliterals;
  int nnames;
  /* lookups (global loads and stores, attribute lookups) done without a cache: once they
   * pass twice the names, some name was looked up three times and the next lookup makes the
   * caches (wants_caches in hs-vm.c). A code run once, as most of a large module's functions
   * are, even one with a short loop, never pays for caches it would not use. */
  guint32 uncached;
  /* its calls and backward jumps so far, up to HS_CODE_WARMUP (hs_code_warm) */
  guint32 warmup;
  int nlocals;
  int nparams; /* positional parameters */
  int stacksize;
  int nchildren;
  guint32 flags; /* HS_CODE_* */
  int nkwonly;   /* keyword-only parameters, after the nparams positional ones */
  int nposonly;  /* the first nposonly of the nparams are positional-only (`/`) */
  int ncells;
  int nfrees;
  int nexc;
};

/* CPython 3.11 quickens a code object at its 8th call, generator resumption or
 * JUMP_BACKWARD (_PyCode_Warmup), and its calls specialize at once: from then on most calls
 * of C functions skip the recursion check of the generic call (cfunction_vectorcall_*,
 * method_vectorcall_*), so a level against the limit while they run only before then. */
#define HS_CODE_WARMUP 8

static inline void
hs_code_warm (HsCode *co)
{
  if (co->warmup < HS_CODE_WARMUP)
    co->warmup++;
}

static inline gboolean
hs_code_quickened (const HsCode *co)
{
  return co->warmup >= HS_CODE_WARMUP;
}

/* The handler for an exception at instruction ip, or NULL. */
/* Where LOAD_GLOBAL of a name found it: an entry of the globals, or of the builtins when
 * the globals lack it, valid while the dicts keep the keys versions they had (CPython
 * 3.11's LOAD_GLOBAL_MODULE/_BUILTIN, keyed on dict keys versions): a value stored under
 * an existing name keeps it valid. */
struct _HsGlobalCache
{
  HsObject *globals; /* the dict globals_keys is of; NULL: empty entry */
  guint64 globals_keys;
  HsObject *dict;        /* where the name is: the globals or the builtins */
  guint64 builtins_keys; /* when it is in the builtins */
  gsize index;           /* its entry there */
};

const HsExcEntry *hs_code_find_handler (const HsCode *code, int ip);

const char *hs_opcode_name (HsOpcode op);

/* Frees the code and its children and releases their constants; with vm NULL, not the
 * constants (hs_vm_free: hs_heap_fini has freed them, as they are on the VM's live list). */
void hs_code_free (HsVM *vm, HsCode *code);

/* Releases what the parse tree held (the module code's `literals`): the program ended. */
void hs_code_release_literals (HsVM *vm, HsCode *code);

/* Visits every reference the code and its children hold: constants ("co_consts"), the
 * constant tuple equal to its variable names ("co_varnames"), then literals ("ast"). */
void hs_code_refs (const HsCode *code, HsVisitFn visit, gpointer data);
/* The same for the code alone, not its children. */
void hs_code_refs_own (const HsCode *code, HsVisitFn visit, gpointer data);

#define HS_CODE_POS_GROUP 32

/* Encodes the positions of a code's instructions as they are emitted, one at a time. */
typedef struct
{
  GByteArray *bytes;
  GArray *groups; /* guint32 */
  int n;
  HsCodePos prev; /* the last position written, all zero at a group's start */
} HsCodePosWriter;

void hs_code_pos_writer_init (HsCodePosWriter *w);
void hs_code_pos_writer_add (HsCodePosWriter *w, const HsCodePos *p);
/* The bytes the positions written take in a code's block. */
gsize hs_code_pos_writer_size (const HsCodePosWriter *w);
/* Gives the code the positions written (exactly ncode of them), copied to `room` (a block
 * of hs_code_pos_writer_size bytes, aligned on 4), and frees the writer's arrays; with room
 * NULL, the writer's arrays themselves, shrunk to size. */
void hs_code_pos_writer_finish (HsCodePosWriter *w, HsCode *code, gpointer room);

/* Instruction ip's source range. ip -1 is the frame's entry, before its first instruction
 * (CPython's RESUME), where an exception thrown into a generator that never ran is raised:
 * the def line, without columns. */
HsCodePos hs_code_pos (const HsCode *code, int ip);

/* The instruction's source line (for a frame's "current line"). */
static inline int
hs_code_line (const HsCode *code, int ip)
{
  return hs_code_pos (code, ip).line;
}

/* hs_code_line from a table of every instruction's line, made at the first call (a traced
 * RETURN asks at every return: decoding a group of positions each time was a third of what
 * a return step cost the VM). */
int hs_code_line_cached (HsCode *code, int ip);

/* The name of local slot i (borrowed from the interned str, which lives as long as the VM). */
const char *hs_code_varname (const HsCode *code, int i);

/* Dumps the bytecode for debugging (newly allocated). */
char *hs_code_disassemble (const HsCode *code);

G_END_DECLS
