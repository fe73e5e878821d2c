/* hs-object.h — the one object header and the table of type operations.
 *
 * Invariant: every value the runtime handles is an HsObject *. A mortal object's
 * `refcount` equals the number of references held to it by frames (variables, value
 * stacks, for-loop iterators) and by other objects' `refs`. When it reaches zero the
 * object is freed at once (hs_decref → type->dealloc). Immortal objects (None, True,
 * False, NotImplemented, small ints -5..256, the runtime's interned names, static types) carry
 * HS_FLAG_IMMORTAL and are never freed by a count.
 *
 * Every heap object is linked in the VM's list of live objects (for snapshots and the
 * heap checker); containers are also marked HS_FLAG_GC_TRACKED for the cycle collector.
 *
 * Errors are data: a function that fails sets the VM's current exception
 * (hs_err_set / hs_err_format) and returns NULL or -1. Nothing here prints or exits.
 *
 * Ownership is in the names: functions return new references unless their name says
 * `_borrow`; arguments are borrowed unless the name says `_take` (steals).
 */
#pragma once

#include <glib.h>
#include <stdint.h>

G_BEGIN_DECLS

typedef struct _HsVM HsVM;
typedef struct _HsObject HsObject;
typedef struct _HsType HsType;

enum
{
  HS_FLAG_IMMORTAL = 1 << 0,
  HS_FLAG_GC_TRACKED = 1 << 1,
  HS_FLAG_DIRTY = 1 << 2,       /* contents changed during the current step (trace) */
  HS_FLAG_REPR_ACTIVE = 1 << 3, /* inside its own repr: guards self-containing lists */
  HS_FLAG_GC_MARK = 1 << 4,     /* scratch bit for the collector */
  HS_FLAG_TRACED = 1 << 5,      /* recorded by the trace engine (its content is in the log) */
  HS_FLAG_ABSTRACT = 1 << 6,   /* a function abc.abstractmethod marked (its __isabstractmethod__) */
  HS_FLAG_FINALIZED = 1 << 7,  /* its __del__ was called (PEP 442: at most once) */
  HS_FLAG_WEAKREFED = 1 << 8,  /* weak references to it are listed in vm->weakrefs */
  HS_FLAG_INTERNED = 1 << 9,   /* the interned str of its text (hs-str.h): for a VM, no other
                                * is equal to it but a runtime name interned after it */
  HS_FLAG_NAMESPACE = 1 << 10, /* held by the module machinery where no arrow is drawn (a
                                * module's dict or a value in it, a function's or frame's globals,
                                * sys.modules): hs_inspect_namespace_holders lists them */
};

struct _HsObject
{
  const HsType *type;
  gint64 refcount;
  guint64 id; /* allocation serial, stable for the object's life, never reused */
  guint32 flags;
  gint32 gc_refs; /* collector scratch (update_refs/subtract_refs) */
  HsObject *prev; /* VM's list of all live heap objects */
  HsObject *next;
};

/* ---- references: what an object holds, as the collector and the diagram see it ----
 *
 * Each type describes its references once, in its `refs` slot, next to its definition:
 * it visits every reference the object holds (and so counts in the child's refcount),
 * each with a label saying how the diagram shows it. The cycle collector walks the same
 * visits ignoring the labels (CPython's tp_traverse); the trace recorder draws the rows
 * from the labels. Adding a type means writing its `refs`, nothing else. */
typedef enum
{
  HS_REF_PLAIN,    /* an unnamed reference (drawn as an unlabelled row) */
  HS_REF_ITEM,     /* item `index` of a sequence or set, a cell of its row */
  HS_REF_KEY,      /* the key of entry `index` of a mapping (entries in insertion order, a
                    * deleted one keeping its index) */
  HS_REF_VALUE,    /* the value of entry `index`, visited right after its key */
  HS_REF_ATTR,     /* a row named `name` (an attribute, a parameter's default) */
  HS_REF_ATTR_STR, /* a row named by `name_obj`, a str (an instance attribute) */
  HS_REF_CLASS,    /* the instance's class, or the class's base: the diagram's class row */
  /* A part of the object that is not drawn itself (a function's defaults tuple, a class's
   * namespace dict): its own references are drawn as rows of this object, each named by
   * `unfold` (NULL: not drawn, a hidden holder of the child). */
  HS_REF_UNFOLD,
  HS_REF_HIDDEN, /* held, never drawn (a class's __mro__): `name` says what it is */
} HsRefKind;

typedef struct _HsRef HsRef;

/* Names the row for the reference `ref` of the unfolded part (a mapping part passes the
 * entry's key with its VALUE; KEY references of an unfolded part are never rows); NULL
 * leaves the reference out of the drawing. */
typedef const char *(*HsRefNameFn) (HsObject *holder, const HsRef *ref, HsObject *key);

struct _HsRef
{
  HsRefKind kind;
  gsize index; /* ITEM, KEY, VALUE */
  union
  {
    const char *name;   /* ATTR, HIDDEN */
    HsObject *name_obj; /* ATTR_STR */
    HsRefNameFn unfold; /* UNFOLD */
  };
};

/* Called once per reference; the collector's visitors ignore `ref`. */
typedef void (*HsVisitFn) (HsObject *child, const HsRef *ref, gpointer user_data);

/* Visits in a type's `refs`, one per kind of label. */
static inline void
hs_visit (HsVisitFn visit, HsObject *child, gpointer data)
{
  HsRef ref = { .kind = HS_REF_PLAIN };
  visit (child, &ref, data);
}

static inline void
hs_visit_item (HsVisitFn visit, HsObject *child, HsRefKind kind, gsize index, gpointer data)
{
  HsRef ref = { .kind = kind, .index = index };
  visit (child, &ref, data);
}

static inline void
hs_visit_named (HsVisitFn visit, HsObject *child, HsRefKind kind, const char *name, gpointer data)
{
  HsRef ref = { .kind = kind, .name = name };
  visit (child, &ref, data);
}

static inline void
hs_visit_attr_str (HsVisitFn visit, HsObject *child, HsObject *name, gpointer data)
{
  HsRef ref = { .kind = HS_REF_ATTR_STR, .name_obj = name };
  visit (child, &ref, data);
}

/* The HsRefNameFn of an attribute dict unfolded into its holder (a function's or an
 * instance's __dict__): each value a row named by its key ("?" for a key not a str). */
const char *hs_ref_row_by_key (HsObject *holder, const HsRef *ref, HsObject *key);

/* One reference field of a C object: where it lies in the struct and how it is drawn. An
 * object that holds its references in a few fields (the wrappers the modules write in C)
 * lists them once in a table, which its `refs` and its `clear` both walk, so the two cannot
 * disagree about what it holds. */
typedef struct
{
  gsize offset;     /* of the HsObject * field, offsetof (struct, field) */
  HsRefKind kind;   /* HS_REF_PLAIN, HS_REF_ATTR or HS_REF_HIDDEN */
  const char *name; /* the row's name (ATTR), what it is (HIDDEN) */
} HsRefField;

/* Visits each field of the table that holds a reference, in the table's order. */
void hs_visit_fields (HsObject *self, const HsRefField *fields, gsize n, HsVisitFn visit,
                      gpointer data);
/* Drops the references of the table's fields, in its order (each field NULL first). */
void hs_clear_fields (HsVM *vm, HsObject *self, const HsRefField *fields, gsize n);
/* Defines a type's PREFIX_clear and PREFIX_refs over its table PREFIX_fields, for the objects
 * whose references are those fields and nothing else. */
#define HS_DEFINE_FIELD_REFS(prefix)                                                               \
  static void prefix##_clear (HsVM *vm, HsObject *self)                                            \
  {                                                                                                \
    hs_clear_fields (vm, self, prefix##_fields, G_N_ELEMENTS (prefix##_fields));                   \
  }                                                                                                \
  static void prefix##_refs (HsObject *self, HsVisitFn visit, gpointer data)                       \
  {                                                                                                \
    hs_visit_fields (self, prefix##_fields, G_N_ELEMENTS (prefix##_fields), visit, data);          \
  }

static inline void
hs_visit_unfold (HsVisitFn visit, HsObject *child, HsRefNameFn name, gpointer data)
{
  HsRef ref = { .kind = HS_REF_UNFOLD, .unfold = name };
  visit (child, &ref, data);
}

typedef enum
{
  HS_CMP_LT,
  HS_CMP_LE,
  HS_CMP_EQ,
  HS_CMP_NE,
  HS_CMP_GT,
  HS_CMP_GE,
} HsCompareOp;

/* Whether a three-way comparison's result c (<0, 0, >0) satisfies op. */
static inline gboolean
hs_compare_holds (int c, HsCompareOp op)
{
  return op == HS_CMP_LT   ? c < 0
         : op == HS_CMP_LE ? c <= 0
         : op == HS_CMP_EQ ? c == 0
         : op == HS_CMP_NE ? c != 0
         : op == HS_CMP_GT ? c > 0
                           : c >= 0;
}

typedef enum
{
  HS_BIN_ADD,
  HS_BIN_SUB,
  HS_BIN_MUL,
  HS_BIN_TRUEDIV,
  HS_BIN_FLOORDIV,
  HS_BIN_MOD,
  HS_BIN_POW,
  HS_BIN_LSHIFT,
  HS_BIN_RSHIFT,
  HS_BIN_AND,
  HS_BIN_OR,
  HS_BIN_XOR,
  HS_BIN_MATMUL,
  HS_BIN_COUNT
} HsBinOp;

typedef enum
{
  HS_UNARY_NEG,
  HS_UNARY_POS,
  HS_UNARY_INVERT,
} HsUnaryOp;

/* A C function callable from Python: args[0..nargs) positional, then one value per
 * name in `kwnames` (a tuple of str, or NULL). Returns a new reference or NULL. */
typedef HsObject *(*HsCFunction) (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

/* Defines the HsCFunction `name` as `fn` called with these trailing arguments: a family
 * of functions sharing one body (str.ljust/rjust/center, math.floor/ceil/trunc) is one
 * line each. Used at file scope, without a semicolon. */
#define HS_CFUNCTION_VARIANT(name, fn, ...)                                                        \
  static HsObject *name (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)                \
  {                                                                                                \
    return fn (vm, args, nargs, kwnames, __VA_ARGS__);                                             \
  }

typedef struct
{
  const char *name;
  HsCFunction fn; /* for methods, args[0] is self */
  guint32 flags;  /* HS_METH_*; 0 for an ordinary method or function */
} HsMethodDef;

enum
{
  HS_METH_CLASS = 1 << 0, /* classmethod (dict.fromkeys): args[0] is the type */
  HS_METH_SLOT = 1 << 1,  /* a dunder CPython makes a slot wrapper of (int.__add__), for reprs */
  /* a METH_O built-in function (repr, hash): CPython's every call of it, specialized
   * (PRECALL_NO_KW_BUILTIN_O) or not, is a level against the recursion limit */
  HS_METH_O = 1 << 2,
};

enum
{
  HS_TYPE_GC = 1 << 0,            /* instances may hold references: tracked by the collector */
  HS_TYPE_HEAP = 1 << 1,          /* created by a `class` statement */
  HS_TYPE_BASETYPE = 1 << 2,      /* may be subclassed */
  HS_TYPE_EXCEPTION = 1 << 3,     /* BaseException or a subclass */
  HS_TYPE_DRAWN_AS_LIST = 1 << 4, /* a built-in sequence (collections.deque) that the trace
                                   * draws as a list of its ITEM references, in order */
  /* drawn as an instance: a class row and a row per named reference (user instances, and
   * built-in objects whose CPython counterpart keeps what they hold in attributes:
   * random.Random's gauss_next, a bound method's __func__ and __self__; exceptions
   * (HS_TYPE_EXCEPTION) are drawn so too); a subtype of tuple (a namedtuple) is drawn as a
   * tuple with named items */
  HS_TYPE_DRAWN_AS_INSTANCE = 1 << 5,
  /* drawn as its repr with a row per reference under it (an aware datetime: its tzinfo; a
   * timezone: its offset and name), where other built-in objects that hold references
   * show only their rows */
  HS_TYPE_DRAWN_WITH_TEXT = 1 << 6,
  /* a built-in type standing for a class CPython writes in Python (fractions.Fraction), with
   * HS_TYPE_BASETYPE: a class derives from it as from a Python class, its instances the
   * type's objects (allocated at the class's size by the type's own code) followed by their
   * attribute table, drawn as instances */
  HS_TYPE_PYTHON_CLASS = 1 << 7,
  /* a built-in type Python never sees: left out of every __mro__, mro() and __bases__
   * (collections.namedtuple's common base of the namedtuple() classes, whose methods
   * CPython writes into each class; each such class's dict holds them too) */
  HS_TYPE_HIDDEN = 1 << 8,
  /* a static type whose base is in the MRO of its subclasses only, not its own: a static
   * type has one base, and ExceptionGroup's MRO is (ExceptionGroup, BaseExceptionGroup,
   * Exception, BaseException, object) where BaseExceptionGroup's skips Exception */
  HS_TYPE_MIXIN_BASE = 1 << 9,
};

/* Type operations; a NULL slot means "not supported" (the protocol functions raise
 * CPython's TypeError). Slots are looked up along `base`. */
struct _HsType
{
  HsObject header;
  const char *name;
  /* the module a built-in type of a module lives in ("collections"), shown in its repr and
   * in tracebacks ("copy.Error"); NULL for the builtins */
  const char *module;
  /* CPython's tp_name of a type its module makes in C ("datetime.date", "_io.StringIO"),
   * which error messages name it by; NULL: `name` (the builtins, and the classes CPython
   * writes in Python, whose tp_name is their bare name) */
  const char *tp_name;
  HsType *base;
  guint32 type_flags;
  gsize basicsize; /* bytes of one instance, for sys.getsizeof and the allocator */

  void (*dealloc) (HsVM *vm, HsObject *self); /* decref children, free */
  /* every reference the object holds, labelled (see HsRefKind); NULL: none */
  void (*refs) (HsObject *self, HsVisitFn visit, gpointer user_data);
  void (*clear) (HsVM *vm, HsObject *self); /* drop references (gc) */

  HsObject *(*repr) (HsVM *vm, HsObject *self);
  HsObject *(*str) (HsVM *vm, HsObject *self);
  int (*hash) (HsVM *vm, HsObject *self, gint64 *out); /* -1 on error */
  HsObject *(*richcompare) (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op);
  /* Binary operators: called with the operands in order for both a's and b's type;
   * returns hs_NotImplemented (new ref) when it does not handle the pair. */
  HsObject *(*binop) (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b);
  /* In-place variant (list += ...); NULL falls back to binop. */
  HsObject *(*inplace) (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b);
  HsObject *(*unaryop) (HsVM *vm, HsUnaryOp op, HsObject *self);
  int (*truth) (HsVM *vm, HsObject *self);  /* 0, 1, -1 error */
  gssize (*len) (HsVM *vm, HsObject *self); /* -1 error */
  HsObject *(*getitem) (HsVM *vm, HsObject *self, HsObject *key);
  int (*setitem) (HsVM *vm, HsObject *self, HsObject *key, HsObject *value); /* value NULL: del */
  int (*contains) (HsVM *vm, HsObject *self, HsObject *item);                /* 0, 1, -1 error */
  HsObject *(*iter) (HsVM *vm, HsObject *self);
  /* Next item (new ref); NULL with no exception set means exhausted. */
  HsObject *(*iternext) (HsVM *vm, HsObject *self);
  HsObject *(*call) (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames);
  HsObject *(*getattr) (HsVM *vm, HsObject *self, HsObject *name);
  int (*setattr) (HsVM *vm, HsObject *self, HsObject *name, HsObject *value); /* value NULL: del */
  /* Calling the type object itself: int("3"), list(x), ... */
  HsObject *(*construct) (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames);

  const HsMethodDef *methods; /* NULL-terminated; installed into `dict` at VM start */
  HsObject *dict;             /* attribute dict (methods, class attributes), may be NULL */
  /* A descriptor a module writes in C (functools.cached_property): what obj.name gives when
   * the type holds it (obj NULL: looked up on the type); NULL: not a descriptor. */
  HsObject *(*descr_get) (HsVM *vm, HsObject *self, HsObject *obj, const HsType *type);
  /* CPython's tp_version_tag: what was looked up along the type's bases holds while it is
   * the same, unique in the process and never reused (so a type made at a freed one's
   * address is not taken for it); 0: none yet (hs_type_version_tag assigns one). Any
   * change to the namespace of the type or of a type on its MRO resets it to 0. */
  guint64 version_tag;
  /* The same, but kept when only a plain value of the namespace was replaced by another
   * (`Account.opened += 1`: hs_type_modified_value): what the attribute caches take as
   * given (which names hold functions and descriptors) holds while it is the same; 0:
   * none (the version tag's assignment gives one); a type with a version tag has one. */
  guint64 shape_tag;
};

/* ---- reference counting ------------------------------------------------------ */

void hs_object_free (HsVM *vm, HsObject *obj); /* count reached zero */

/* Immortal objects are shared by every VM of the process (possibly on other threads),
 * so their counts are never touched. */
static inline HsObject *
hs_incref (HsObject *obj)
{
  if (!(obj->flags & HS_FLAG_IMMORTAL))
    obj->refcount++;
  return obj;
}

static inline void
hs_decref (HsVM *vm, HsObject *obj)
{
  if (!(obj->flags & HS_FLAG_IMMORTAL) && --obj->refcount == 0)
    hs_object_free (vm, obj);
}

static inline void
hs_xdecref (HsVM *vm, HsObject *obj)
{
  if (obj != NULL)
    hs_decref (vm, obj);
}

#define HS_CLEAR(vm, ptr)                                                                          \
  do                                                                                               \
    {                                                                                              \
      HsObject *_hs_tmp = (HsObject *)(ptr);                                                       \
      (ptr) = NULL;                                                                                \
      hs_xdecref ((vm), _hs_tmp);                                                                  \
    }                                                                                              \
  while (0)

static inline gboolean
hs_is_immortal (const HsObject *obj)
{
  return (obj->flags & HS_FLAG_IMMORTAL) != 0;
}

/* ---- allocation ------------------------------------------------------------------ */

/* Allocates `size` zeroed bytes as an object of `type` with refcount 1, a fresh id,
 * linked into the VM's live list; counts bytes against the heap cap. Returns NULL with
 * MemoryError set when the cap is exceeded. Containers call hs_gc_track once built. */
HsObject *hs_object_alloc (HsVM *vm, const HsType *type, gsize size);
/* Grows or shrinks an object to `size` bytes, keeping its id and count; it may move, so
 * only for an object no one else points to (refcount 1, not seen by a trace). NULL +
 * MemoryError on failure, the object then unchanged. */
HsObject *hs_object_resize (HsVM *vm, HsObject *obj, gsize size);
/* Grows or shrinks a side buffer owned by an object (list items, str bytes, ...),
 * counting bytes against the heap cap; NULL + MemoryError on failure. */
gpointer hs_mem_realloc (HsVM *vm, gpointer ptr, gsize old_size, gsize new_size);
/* A zeroed buffer of `size` bytes, from the small objects' arenas when it is small (an
 * instance's attributes: no malloc per instance), counted in heap_bytes; NULL with a
 * MemoryError. Freed with hs_mem_block_free, the same VM and size, never g_free. */
gpointer hs_mem_block_alloc (HsVM *vm, gsize size);
void hs_mem_block_free (HsVM *vm, gpointer block, gsize size);
/* Counts `size` bytes a library allocates for an object on its own (a GChecksum's state)
 * against the heap cap: FALSE with a MemoryError past it. hs_mem_discharge gives them
 * back when the object frees that memory. */
gboolean hs_mem_charge (HsVM *vm, gsize size);
void hs_mem_discharge (HsVM *vm, gsize size);
void hs_gc_track (HsVM *vm, HsObject *obj);
/* Process-wide immortal objects (small ints, interned strings, method objects of the
 * built-in types) are created by hs_runtime_init with vm == NULL: hs_object_alloc then
 * uses g_malloc0, links nothing, and returns an immortal object. */
void hs_runtime_init (void); /* idempotent, thread-safe (g_once) */
/* The object's stable id (what `id()` returns and the trace records): the allocation
 * serial, or for statically initialised immortals one assigned on first use. */
guint64 hs_object_id (HsObject *obj);
/* The address CPython's reprs show ("<A object at 0x…>"): the object's id, as id() gives
 * it, so that a repr and id() agree and a run's text does not depend on where its heap lies. */
#define hs_object_address(obj) GSIZE_TO_POINTER ((gsize)hs_object_id ((HsObject *)(obj)))
/* Marks obj's contents as changed in this step, for the trace recorder. */
void hs_object_mark_dirty (HsVM *vm, HsObject *obj);
/* Same, naming the item range [lo, hi) of a list that may differ after the mutation
 * (hi == new length when the length changed), a dict's entry slots or a set's table
 * slots. The dirty array keeps the union. */
void hs_object_mark_dirty_range (HsVM *vm, HsObject *obj, gsize lo, gsize hi);
void hs_gc_untrack (HsVM *vm, HsObject *obj);
/* CPython's _PyObject_GC_MAY_BE_TRACKED: obj is a container the collector may see (a tuple
 * only while tracked; a class only if the program made it), so a dict holding it must be
 * tracked. */
gboolean hs_gc_may_be_tracked (const HsObject *obj);
/* Installs a static type's `methods` into its (immortal) `dict`; idempotent. Called by
 * hs_runtime_init for the core's types; other modules' static types call it from their
 * runtime init, before any VM runs. */
void hs_type_ready (HsType *type);
/* Installs `methods` into the static type's dict as hs_type_ready does (names it has
 * already are kept): a table beside the type's own. */
void hs_type_add_methods (HsType *type, const HsMethodDef *methods);
/* The `hash` slot of unhashable types (list, dict): "unhashable type: 'list'". */
int hs_object_hash_not_implemented (HsVM *vm, HsObject *self, gint64 *out);
/* The default repr "<list object at 0x...>". */
HsObject *hs_object_default_repr (HsVM *vm, HsObject *self);
/* Whether obj's type (or a base) leaves repr to that default, which says nothing but an
 * address. */
gboolean hs_object_has_default_repr (const HsObject *obj);

/* ---- protocol (CPython's abstract object layer) -------------------------------- */

/* Whether `base` is in the heap class t's __mro__ (in hs-class-mro.c). */
gboolean hs_class_mro_contains (const HsType *t, const HsType *base);

static inline gboolean
hs_type_is_subtype (const HsType *t, const HsType *base)
{
  if (t->type_flags & HS_TYPE_HEAP)
    return hs_class_mro_contains (t, base);
  if (t->type_flags & HS_TYPE_MIXIN_BASE)
    {
      if (t == base)
        return TRUE;
      t = t->base->base;
    }
  for (; t != NULL; t = t->base)
    if (t == base)
      return TRUE;
  return FALSE;
}

#define HS_TYPE(o) (((HsObject *)(o))->type)

extern HsType hs_type_type;
/* A type object: `type`'s instances and those of its subclasses (metaclasses). */
static inline gboolean
hs_type_check (const HsObject *o)
{
  return o->type == &hs_type_type || hs_type_is_subtype (o->type, &hs_type_type);
}
#define HS_IS(o, t) (HS_TYPE (o) == (t))
#define HS_ISINSTANCE(o, t) hs_type_is_subtype (HS_TYPE (o), (t))

HsObject *hs_object_repr (HsVM *vm, HsObject *obj); /* returns a str */
HsObject *hs_object_str (HsVM *vm, HsObject *obj);  /* returns a str */
int hs_object_hash (HsVM *vm, HsObject *obj, gint64 *out);
HsObject *hs_object_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op);
int hs_object_richcompare_bool (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op);
int hs_object_equal (HsVM *vm, HsObject *a, HsObject *b); /* `is` short-cut, then == */
HsObject *hs_number_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b);
HsObject *hs_number_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b);
HsObject *hs_number_unaryop (HsVM *vm, HsUnaryOp op, HsObject *a);
int hs_object_truth (HsVM *vm, HsObject *obj);
gssize hs_object_len (HsVM *vm, HsObject *obj);
/* CPython's length hint, asked by list(), tuple(), list.extend() and the like after they
 * got the iterator: len(obj) if its type has __len__ (a TypeError from it is ignored),
 * else obj.__length_hint__() if defined (TypeError or NotImplemented: dflt), else
 * dflt; -1 with an exception set on error. */
gssize hs_object_length_hint (HsVM *vm, HsObject *obj, gssize dflt);
/* CPython's PyNumber_Index: an int as is, else what type(o).__index__() returns (which
 * must be an int); TypeError "'X' object cannot be interpreted as an integer" without
 * one. hs_object_has_index says whether there is one (int, or a class with __index__),
 * for callers whose TypeError says more. (In hs-class-slots.c, where the dunders are.) */
HsObject *hs_object_index (HsVM *vm, HsObject *o);
gboolean hs_object_has_index (HsObject *o);
HsObject *hs_object_getitem (HsVM *vm, HsObject *obj, HsObject *key);
int hs_object_setitem (HsVM *vm, HsObject *obj, HsObject *key, HsObject *value);
int hs_object_delitem (HsVM *vm, HsObject *obj, HsObject *key);
int hs_object_contains (HsVM *vm, HsObject *container, HsObject *item);
HsObject *hs_object_iter (HsVM *vm, HsObject *obj);
HsObject *hs_iter_next (HsVM *vm, HsObject *iter); /* NULL + no error = exhausted */
/* Called with each item (borrowed): < 0 error, 0 go on, > 0 stop. */
typedef int (*HsForeachFunc) (HsVM *vm, HsObject *item, gpointer data);
/* -1 on error, 0 when the iterable is exhausted, or what fn stopped with. */
int hs_object_foreach (HsVM *vm, HsObject *iterable, HsForeachFunc fn, gpointer data);
/* `item in container` by iterating and comparing (CPython's _PySequence_IterSearch):
 * 1 found, 0 not, -1 error. */
int hs_object_iter_search (HsVM *vm, HsObject *container, HsObject *item);
HsObject *hs_object_call (HsVM *vm, HsObject *callable, HsObject **args, gsize nargs,
                          HsObject *kwnames);
/* obj.name(*args, **kw): the attribute, called (kwnames as hs_object_call's). */
HsObject *hs_object_call_method (HsVM *vm, HsObject *obj, const char *name, HsObject **args,
                                 gsize nargs, HsObject *kwnames);
/* callable(obj): its type or a base has a `call` slot. */
gboolean hs_object_is_callable (const HsObject *obj);
HsObject *hs_object_getattr (HsVM *vm, HsObject *obj, HsObject *name);
HsObject *hs_object_getattr_cstr (HsVM *vm, HsObject *obj, const char *name);
int hs_object_setattr (HsVM *vm, HsObject *obj, HsObject *name, HsObject *value);
/* Type-dict lookup along the method resolution order (a class's __mro__, a built-in's
 * base chain); borrowed, NULL if absent (no error set). A hit of CPython's type attribute
 * cache is inline: (type, interned name) -> what the lookup along the bases found, valid
 * while the type's version tag is the one it was found at. Per thread: VMs run on
 * several. */
typedef struct
{
  const HsType *type;
  HsObject *name;
  guint64 version_tag;
  HsObject *value; /* borrowed: the unchanged namespace holds it */
} HsTypeLookupEntry;

#define HS_TYPE_LOOKUP_CACHE_SIZE 1024
extern __thread HsTypeLookupEntry hs_type_lookup_cache[HS_TYPE_LOOKUP_CACHE_SIZE];
HsObject *hs_type_lookup_borrow_miss (const HsType *type, HsObject *name);

/* The type's version tag as it is now (0: none); atomic: a built-in type is shared by
 * the VMs of every thread. */
static inline guint64
hs_type_version_tag_peek (const HsType *type)
{
  return __atomic_load_n (&type->version_tag, __ATOMIC_RELAXED);
}

/* The type's version tag, assigned first to the types of its MRO and then to it when it
 * has none (CPython's assign_version_tag), so that a type with a tag has bases with tags;
 * 0 until the runtime's built-in types are complete. */
guint64 hs_type_version_tag (const HsType *type);

/* From now on types take version tags: the built-in types are complete (the end of the
 * runtime's and its modules' start-up). */
void hs_type_version_tags_enable (void);

/* What was looked up along type's bases may have changed (its namespace did, or its MRO
 * was made): its version tag and those of its subclasses (vm's, when vm is not NULL) are
 * reset (CPython's PyType_Modified). */
void hs_type_modified (HsVM *vm, const HsType *type);
/* The value of `name` in type's namespace was old and is now value: hs_type_modified, but
 * when both are plain values (an int, a str, None, ..., never a descriptor) of a name no
 * slot reads, the shape tags are kept (CPython's PyType_Modified resets tp_version_tag on
 * any store: so does this; only our attribute caches, which hold no plain value, are
 * kept). */
void hs_type_modified_value (HsVM *vm, const HsType *type, HsObject *name, HsObject *old,
                             HsObject *value);
/* The type's shape tag, assigned with its version tag when it has none (0 until the
 * runtime's built-in types are complete). */
guint64 hs_type_shape_tag (const HsType *type);
static inline guint64
hs_type_shape_tag_peek (const HsType *type)
{
  return __atomic_load_n (&type->shape_tag, __ATOMIC_RELAXED);
}

static inline HsObject *
hs_type_lookup_borrow (const HsType *type, HsObject *name)
{
  const HsTypeLookupEntry *e = &hs_type_lookup_cache[(((guintptr)type >> 4) ^ ((guintptr)name >> 4))
                                                     % HS_TYPE_LOOKUP_CACHE_SIZE];
  /* only an immortal name is cached: a mortal one's address may come back with other text;
   * an entry's tag is never 0 */
  if (e->type == type && e->name == name && (name->flags & HS_FLAG_IMMORTAL)
      && e->version_tag == hs_type_version_tag_peek (type))
    return e->value;
  return hs_type_lookup_borrow_miss (type, name);
}
/* Name of the type for messages ("int", "list", a class's name, "datetime.date"). */
const char *hs_type_name (const HsObject *obj);
/* The same for a type itself: its tp_name. */
const char *hs_type_tp_name (const HsType *type);
/* Visits every reference obj holds, labelled (its type's `refs`; nothing for leaf types). */
void hs_object_refs (HsObject *obj, HsVisitFn visit, gpointer user_data);
/* How many of the references obj holds go to target. */
guint hs_object_refs_to (HsObject *obj, HsObject *target);

/* CPython's PySequence_Fast: an exact list or tuple itself (new reference), else a new
 * list of the items of the iterable's iterator (whose length hint is asked, not the
 * iterable's); NULL on error, a TypeError "not_iterable" (unless NULL) when the iterable
 * is not iterable. */
HsObject *hs_sequence_fast (HsVM *vm, HsObject *iterable, const char *not_iterable);
/* `a, b = seq` for n names: out[0..n) the items (new references), 0; or -1 with CPython's
 * ValueError/TypeError ("not enough values to unpack (expected 2, got 1)"). */
int hs_unpack_sequence (HsVM *vm, HsObject *seq, int n, HsObject **out);

/* ---- singletons and core types ------------------------------------------------ */

extern HsType hs_type_type;
extern HsType hs_object_type; /* `object` */
extern HsType hs_none_type;
extern HsType hs_notimplemented_type;
extern HsType hs_ellipsis_type;
extern HsType hs_bool_type;
extern HsType hs_int_type;
extern HsType hs_float_type;
extern HsType hs_str_type;
extern HsType hs_list_type;
extern HsType hs_tuple_type;
extern HsType hs_dict_type;
extern HsType hs_range_type;
extern HsType hs_slice_type;

extern HsObject hs_None_struct;
extern HsObject hs_NotImplemented_struct;
#define hs_None (&hs_None_struct)
#define hs_NotImplemented (&hs_NotImplemented_struct)
extern HsObject hs_Ellipsis_struct;
#define hs_Ellipsis (&hs_Ellipsis_struct) /* `...` */
/* True and False are ints (bool subclasses int); defined in hs-int.c. */
HsObject *hs_bool_from (gboolean b);

G_END_DECLS
