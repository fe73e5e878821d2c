/* hs-class.h — user classes, their instances, bound methods, super, and the
 * staticmethod/classmethod/property wrappers.
 *
 * Invariant: a class made by a `class` statement is an HsClass: an HsType (so the
 * protocol functions dispatch through its slots) whose header type is `type`, with
 * HS_TYPE_HEAP set, owning its namespace dict (`type.dict`, a separate dict object that
 * refs visits), its bases and method resolution order (C3, as CPython's) as tuples, and,
 * when its base (the one whose layout it extends) is a heap class, a reference to it.
 * Its slots call the dunder methods found along the MRO (CPython's slot_* functions). An
 * instance owns a reference to its class and its attributes, kept inside the instance (not
 * in a separate dict object) in insertion order, names interned, until the program asks for
 * its `__dict__`: from then on a dict object the instance owns holds them (CPython's
 * materialised dict), which refs visits as an unfolded part (drawn as the instance's rows).
 * refs visits the class, then the attribute values (or that dict). Every store into the
 * table marks the instance dirty (a store into the dict marks the dict). The built-in
 * part of a class is object or a built-in exception class (its instances then start with
 * an HsException).
 */
#pragma once

#include "hs-dict.h"
#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject **names;  /* interned str; the block that values share (values = names + cap) */
  HsObject **values; /* owned */
  guint32 len, cap;
  /* Owned: the dict `__dict__` made (CPython 3.11 materialises it on first access), from
   * then on the instance's only attribute storage (len 0); NULL: the table above. */
  HsObject *dict;
} HsAttrs;

typedef struct
{
  HsType type;
  HsObject *name;      /* interned str */
  HsObject *qualname;  /* interned str (CPython's ht_qualname), or NULL: the name */
  gsize attrs_offset;  /* where an instance's HsAttrs lives */
  HsType *static_base; /* the first built-in ancestor (object or an exception class) */
  /* What CPython's type keeps: tp_mro (the class itself, then its ancestors) and
   * tp_bases, owned tuples that `__mro__` and `__bases__` give (the same objects, as in
   * CPython); with the namespace's descriptors they are the class's hidden holders. */
  HsObject *mro;
  HsObject *bases;
  gboolean has_getattribute; /* it or an ancestor class defines __getattribute__ */
  /* What CPython's tp_dictoffset and tp_weaklistoffset say: whether its instances have an
   * attribute dict (the table at attrs_offset) and take weak references (no __slots__ in
   * the hierarchy, or one naming '__dict__' or '__weakref__'). */
  gboolean has_dict, has_weakref;
  /* The slots its own __slots__ adds (sorted mangled names, interned), each an owned
   * HsObject * (NULL: unset) at slots_offset + i * sizeof (HsObject *) in an instance,
   * after the base's layout; read and written through the member descriptors of its
   * namespace. */
  HsObject **slot_names;
  guint32 nslots;
  gsize slots_offset;
  /* While the class's shape tag is plain_tag: the Python __init__ a call of the class
   * runs on an instance that an allocation alone makes (type's call, object's __new__,
   * nothing abstract, no built-in base but object), borrowed; NULL: not known to be so. */
  guint64 plain_tag;
  HsObject *plain_init;
  /* The attribute slots an instance made by hs_instance_new_plain has in its own block, past
   * the layout (no second allocation for its first attributes): as many as an instance of
   * the class last grew its table to hold, at most HS_CLASS_ATTRS_INLINE_MAX. */
  guint32 attrs_inline;
} HsClass;

#define HS_CLASS_ATTRS_INLINE_MAX 8

#define HS_CLASS(o) ((HsClass *)(o))

static inline gboolean
hs_class_check (const HsObject *o)
{
  return hs_type_check (o) && (((const HsType *)o)->type_flags & HS_TYPE_HEAP) != 0;
}

/* An instance whose attributes are read the default way: its class defines no
 * __getattribute__ (the VM may then look methods up itself). */
static inline gboolean
hs_instance_plain_getattr (const HsObject *o)
{
  return !((const HsClass *)o->type)->has_getattribute;
}

/* An instance of a user class (its type is a heap class) with the attribute table of one
 * (a class made by a metaclass keeps its attributes in its namespace instead). */
static inline gboolean
hs_instance_check (const HsObject *o)
{
  return (o->type->type_flags & HS_TYPE_HEAP) != 0 && !hs_type_check (o);
}

/* An instance whose references are its class and its attribute values alone (no
 * built-in part, slots or materialised dict): TRUE with those values (*values[0..*n),
 * borrowed), read in place by the collector, which needs no labels; else FALSE. */
gboolean hs_instance_plain_refs (HsObject *self, HsObject ***values, guint32 *n);

/* What a built-in type's getset descriptor reads of obj (new reference), NULL with an
 * error (or NULL without one: no such attribute). */
typedef HsObject *(*HsGetsetFn) (HsVM *vm, HsObject *obj, HsObject *name);
/* What its setter does with obj.name = value (NULL: del): 0, or -1 with an error. */
typedef int (*HsGetsetSetFn) (HsVM *vm, HsObject *obj, HsObject *name, HsObject *value);

/* The `__dict__`/`__weakref__` descriptors in a class's namespace, and the member
 * descriptors of its __slots__. */
extern HsType hs_getset_descr_type;
extern HsType hs_member_descr_type;

/* Puts into the dict of the built-in type `owner` a member descriptor `name` for the
 * object field at `offset` of its objects (defaultdict.default_factory), so that an
 * instance of a class derived from it reads and sets the field, not an attribute. */
void hs_member_install (HsType *owner, const char *name, gsize offset);

/* The same for read-only members CPython's type holds as C numbers (complex.real): `get`
 * reads them; setting one is CPython's "readonly attribute". */
void hs_member_install_readonly (HsType *owner, const char *names, HsGetsetFn get);

/* Puts into the dict of the built-in type `owner` a getset descriptor for each name of
 * `names` (space-separated), as CPython's `int.real`: `get (vm, obj, name)` reads it,
 * `set` writes it (NULL: read-only). */
void hs_getset_install (HsType *owner, const char *names, HsGetsetFn get, HsGetsetSetFn set);
/* obj.<name> through such a descriptor (new reference), or NULL with CPython's errors. */
HsObject *hs_getset_get (HsVM *vm, HsObject *getset, HsObject *obj);
/* obj.<getset> = value (NULL: del): its setter, `__dict__`'s, or `__weakref__`'s
 * AttributeError. */
int hs_getset_set (HsVM *vm, HsObject *getset, HsObject *obj, HsObject *value);

/* Whether instances of t (a class or a built-in type) take weak references. */
gboolean hs_class_instances_weakrefable (const HsType *t);

/* meta(name, bases, ns, **kw) for the metaclass `meta` (`type` or a subclass) once the
 * body ran with namespace `ns` (borrowed, kept as the class's namespace) and the tuple
 * `bases_tuple` (borrowed, kept as __bases__; NULL or empty: (object,)): CPython's
 * type_new, with __set_name__ and __init_subclass__(**kw) (one value in kwvalues per name
 * in kwnames, which may be NULL). */
HsObject *hs_class_new_with_bases (HsVM *vm, HsType *meta, HsObject *name, HsObject *bases_tuple,
                                   HsObject *ns, HsObject **kwvalues, HsObject *kwnames);
/* The same with the bases as an array (a tuple of them is made). */
HsObject *hs_class_new (HsVM *vm, HsType *meta, HsObject *name, HsObject **bases, gsize nbases,
                        HsObject *ns, HsObject **kwvalues, HsObject *kwnames);

/* CPython's _PyType_CalculateMetaclass: `meta` (NULL: the type of the first base, or
 * `type`), or the most derived of it and the types of the bases when it is a type;
 * borrowed; NULL with TypeError on a metaclass conflict. */
HsObject *hs_class_calculate_metaclass (HsVM *vm, HsObject *meta, HsObject **bases, gsize nbases);

/* ---- accessors for the trace engine ---------------------------------------------- */
const char *hs_class_name (HsObject *cls);
/* CPython's type __qualname__ (`Outer.Inner` for a class nested in a class body), which
 * the reprs of a class and its instances show; a built-in type's name. */
const char *hs_type_qualname (const HsType *t);
/* CPython's type __module__ as text: the module of a type a module makes in C, a class's
 * `__module__` (which its class statement sets from the globals' __name__: "pprint" for a
 * library class, "__main__" for the program's), NULL for a built-in type. */
const char *hs_type_module (const HsType *t);
/* The base class whose layout the instances extend (CPython's __base__: a type object;
 * `object` for a class without bases). */
HsObject *hs_class_base_borrow (HsObject *cls);
/* The classes of its `class` statement (a tuple of type objects; CPython's __bases__). */
HsObject *hs_class_bases_borrow (HsObject *cls);
/* The i-th type of t's method resolution order (t itself at 0), NULL past the end: a
 * class's __mro__ (C3 linearisation of its bases), a built-in type's base chain. */
const HsType *hs_type_mro_at (const HsType *t, gsize i);
/* The objects a class keeps that the diagram does not draw, each holding references
 * counted like arrows (its __mro__ and __bases__ tuples, and its namespace's __dict__,
 * __weakref__ and slot member descriptors, which hold it): fn is called with each,
 * borrowed, and its name ("__mro__", "__dict__", a slot's name). */
typedef void (*HsClassInternalFn) (HsObject *obj, const char *name, gpointer data);
void hs_class_internals (HsObject *cls, HsClassInternalFn fn, gpointer data);
/* The class's own attributes: its namespace dict (iterate it with hs_dict_next). */
HsObject *hs_class_dict_borrow (HsObject *cls);
/* Instance attributes in insertion order: start with *pos = 0. Borrowed. */
gboolean hs_instance_next_attr (HsObject *inst, gsize *pos, HsObject **name, HsObject **value);
/* The instance's own attribute `name` (borrowed) or NULL. */
HsObject *hs_instance_attr_borrow (HsObject *inst, HsObject *name);
/* The instance's `__dict__` (new reference), made from its attributes the first time:
 * from then on it holds them. */
HsObject *hs_instance_dict (HsVM *vm, HsObject *self);
/* The instance's materialised `__dict__` (borrowed), or NULL while it has none. */
HsObject *hs_instance_dict_borrow (HsObject *inst);

/* copyreg._slotnames: a new list of the names of the slots of cls's classes (the MRO's
 * order, each __slots__ in its order, private names mangled, no __dict__ or __weakref__). */
HsObject *hs_class_slotnames (HsVM *vm, HsObject *cls);

/* The class `owner.__new__(cls, ...)` is asked to make (its first argument), or NULL with
 * CPython's TypeError. */
HsType *hs_class_new_target (HsVM *vm, const char *owner, HsObject **args, gsize nargs);
/* Whether v is what abc.abstractmethod marked (also inside a property, staticmethod or
 * classmethod): CPython's __isabstractmethod__. */
gboolean hs_class_is_abstract (HsObject *v);

/* ---- attribute caches (the VM's LOAD_ATTR, STORE_ATTR, LOAD_METHOD) ---------------- */

/* What an attribute instruction found for objects of one type, valid while the type's
 * shape tag is the same (hs_type_shape_tag): CPython 3.11's LOAD_ATTR_INSTANCE_VALUE,
 * STORE_ATTR_INSTANCE_VALUE and LOAD_METHOD_WITH_VALUES/_NO_DICT. */
typedef struct _HsAttrCache HsAttrCache; /* the code object holds them (hs-code.h) */
#define HS_ATTR_CACHE_LACKING_MAX 4
/* A code keeps HS_ATTR_CACHE_WAYS caches for each attribute name, and the functions below
 * take the first: the one the eval loop tests inline, for the type last seen; the second
 * keeps the type seen before, swapped in when it comes back (CPython 3.11's caches hold one
 * type, but they are per instruction: ours are per name, and `self.area < other.area` in a
 * __lt__ sorting Squares and Rectangles would refill at every call). */
#define HS_ATTR_CACHE_WAYS 2

struct _HsAttrCache
{
  const HsType *type; /* NULL: empty */
  guint64 shape_tag;  /* the type's when filled (never 0) */
  /* What LOAD_METHOD pushes with the object as self, unless the object (an instance) has
   * an attribute of that name; NULL: none (borrowed: the type's namespace holds it). */
  HsObject *method;
  guint32 index; /* where an instance of the type last had the attribute: a hint */
  guint32 flags; /* HS_ATTR_CACHE_* */
  /* The names of the last attribute table found without the attribute, which an instance
   * whose names are these same objects (immortal interned strs) lacks too, with no search
   * (CPython 3.11's shared keys: a class's instances get their attributes in one order);
   * n_lacking is 1 + their number, 0: none remembered. */
  guint32 n_lacking;
  HsObject *lacking[HS_ATTR_CACHE_LACKING_MAX];
  /* HS_ATTR_CACHE_PROPERTY: the property's getter, a Python function (borrowed: the
   * property the type's namespace holds holds it) */
  HsObject *getter;
};

enum
{
  HS_ATTR_CACHE_INSTANCE = 1 << 0, /* an instance whose attribute table is read directly */
  HS_ATTR_CACHE_LOAD = 1 << 1,     /* an attribute of its own is what getattr gives */
  HS_ATTR_CACHE_STORE = 1 << 2,    /* setattr stores into its own attributes */
  HS_ATTR_CACHE_CLASS = 1 << 3,    /* `__class__` of an instance: its type, unless its own */
  HS_ATTR_CACHE_PROPERTY = 1 << 4, /* a property of the type: what getattr gives is getter(o) */
};

/* obj.name (new reference, or NULL with the error), through the cache, which a slow
 * lookup refills. */
HsObject *hs_attr_load_cached (HsVM *vm, HsObject *obj, HsObject *name, HsAttrCache *c);

/* Where obj.name is if the cache is right about it (an instance attribute of the type the
 * cache knows, at the slot its hint names), else NULL: hs_attr_load_cached's first test,
 * inline for the eval loop (CPython 3.11's LOAD_ATTR_INSTANCE_VALUE). */
static inline HsObject **
hs_attr_cached_slot (HsObject *obj, HsObject *name, const HsAttrCache *c, guint32 flag)
{
  HsAttrs *a;

  if (!(c->flags & flag) || obj->type != c->type
      || c->shape_tag != hs_type_shape_tag_peek (obj->type)
      || HS_CLASS (obj->type)->attrs_offset == 0)
    return NULL;
  a = (HsAttrs *)((char *)obj + HS_CLASS (obj->type)->attrs_offset);
  return c->index < a->len && a->names[c->index] == name ? &a->values[c->index] : NULL;
}
/* obj.name = value: 0, or -1 with the error. */
int hs_attr_store_cached (HsVM *vm, HsObject *obj, HsObject *name, HsObject *value, HsAttrCache *c);
/* The function LOAD_METHOD may push with obj as self instead of a bound method (borrowed),
 * or NULL: then obj.name is looked up. */
HsObject *hs_attr_method_cached (HsObject *obj, HsObject *name, HsAttrCache *c);

/* cls.__new__(cls) of a class made by a `class` statement: an instance with no
 * attributes, its __init__ not run (what copy makes a copy into). */
HsObject *hs_instance_new_empty (HsVM *vm, HsObject *cls);
/* Sets (value NULL: deletes) the instance's own attribute, with no descriptor involved
 * (what `y.__dict__.update(state)` does). */
int hs_instance_set_attr (HsVM *vm, HsObject *inst, HsObject *name, HsObject *value);

/* ---- bound methods ------------------------------------------------------------------ */
typedef struct
{
  HsObject header;
  HsObject *func; /* owned */
  HsObject *self; /* owned */
} HsMethod;

extern HsType hs_method_type;
HsObject *hs_method_new (HsVM *vm, HsObject *func, HsObject *self);

/* `obj.__class__ = value` (value NULL: del), CPython's object_set_class: obj becomes an
 * object of the class value when both are classes of the same layout. */
int hs_object_set_class (HsVM *vm, HsObject *obj, HsObject *value);

/* Whether an attribute name is "__class__" (interned or not). */
gboolean hs_is_class_name (HsObject *name);
/* CPython's object_isinstance for a type cls: o's type derives from cls, or o.__class__
 * (a class's own __class__ property or attribute, or __getattribute__'s answer) is another
 * class that does; AttributeError there is False; 1, 0, or -1 with an error */
int hs_class_isinstance_by_class (HsVM *vm, HsObject *o, HsType *cls);
/* isinstance(o, cls) for a type cls (CPython's PyObject_IsInstance, which a class pattern
 * also asks): True/False, NULL with an error. */
HsObject *hs_class_isinstance (HsVM *vm, HsObject *o, HsType *cls);

/* For the VM: when calling `cls` means allocating an instance and running a Python
 * __init__, allocates the instance (returned) and sets *init, so that the VM runs
 * __init__ in a frame of its own, with no C recursion: the caller's frame then visibly
 * holds the new object while __init__ runs. Returns NULL with *init NULL when the class
 * is called the ordinary way, or NULL with an error set. */
HsObject *hs_class_start_instance (HsVM *vm, HsObject *cls, HsObject **args, gsize nargs,
                                   HsObject **init);
/* The Python __init__ that calling cls runs on an instance an allocation alone makes, as
 * hs_class_start_instance found it while the class's shape tag holds (borrowed); NULL:
 * not known to be so. Inline for the eval loop's class calls. */
static inline HsObject *
hs_class_plain_init (HsObject *cls)
{
  const HsClass *c = HS_CLASS (cls);

  return c->plain_init != NULL && c->plain_tag == hs_type_shape_tag_peek (&c->type)
                 && cls->type == &hs_type_type
             ? c->plain_init
             : NULL;
}
/* A new instance of cls, whose hs_class_plain_init is known: allocated, nothing more to
 * do. */
HsObject *hs_instance_new_plain (HsVM *vm, HsObject *cls);
/* How an instruction calls a class, a __call__ method or type.__call__ (vm->class_call,
 * set by hs-call.c, taken by the call): DIRECT, straight from the instruction, so that
 * what the call holds is listed on the caller's frame and the Python code it runs has
 * its counts checked (hs_inspect_holds_listed); PACKED, with an argument tuple and
 * keyword dict the caller holds (f(*args, **kw)), which CPython's PyObject_Call hands on
 * as they are: no copy of them is held. */
typedef enum
{
  HS_CLASS_CALL_DIRECT = 1 << 0,
  HS_CLASS_CALL_PACKED = 1 << 1,
} HsClassCall;

/* Whether calling `callable` goes straight to a class call or a __call__ method. */
gboolean hs_class_call_is_direct (HsObject *callable);
/* vm->class_call, cleared: a call further in is not the instruction's. */
guint hs_class_take_call (HsVM *vm);
static inline HsObject *
hs_method_self_borrow (HsObject *m)
{
  return ((HsMethod *)m)->self;
}
static inline HsObject *
hs_method_func_borrow (HsObject *m)
{
  return ((HsMethod *)m)->func;
}
/* The arguments of a call with `first` put in front of args[0..n) (a bound method's self,
 * an __init__'s new instance): in `small` (HS_ARGS_SMALL items) when they fit, else in
 * memory counted against the heap, since a chain of methods bound to methods adds an
 * argument a link and 100,000 links are a MemoryError, not an abort. NULL with
 * MemoryError; hs_args_prepend_free releases what it returned. */
#define HS_ARGS_SMALL 8
HsObject **hs_args_prepend (HsVM *vm, HsObject *first, HsObject *const *args, gsize n,
                            HsObject **small);
void hs_args_prepend_free (HsVM *vm, HsObject **all, gsize n, HsObject **small);

extern HsType hs_super_type;
/* What LOAD_METHOD pushes for `super().name` (borrowed), with *self (borrowed) as the
 * method's self, when super's attribute would be a method of its object bound (a Python
 * function, a method descriptor): CPython 3.12's LOAD_SUPER_ATTR, which makes no bound
 * method. NULL: super's getattr is asked. */
HsObject *hs_super_method_borrow (HsVM *vm, HsObject *sup, HsObject *name, HsObject **self);
extern HsType hs_staticmethod_type;
extern HsType hs_classmethod_type;
extern HsType hs_property_type;

/* isinstance's and issubclass's hook: what cls's metaclass (a class of the program or a
 * module's, such as abc.ABCMeta) says through its method `name` ("__instancecheck__",
 * "__subclasscheck__") about arg, as a bool; NotImplemented (not a new reference) when the
 * metaclass has none; NULL on error. */
HsObject *hs_class_metaclass_hook (HsVM *vm, HsObject *cls, const char *name, HsObject *arg);
/* issubclass(C, B) with CPython's messages. */
HsObject *hs_builtin_issubclass (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
/* cls.<name>(arg) when cls's type defines name (isinstance() and issubclass() asking an
 * object that is no class, such as typing.Iterable): True/False, NULL with an error, or
 * hs_NotImplemented when the type does not define it. */
HsObject *hs_object_check_hook (HsVM *vm, HsObject *cls, const char *name, HsObject *arg);

/* What `obj.name` finds in obj's type (borrowed, NULL if absent), binding it as
 * CPython's descriptors do. */
HsObject *hs_descr_get (HsVM *vm, HsObject *descr, HsObject *obj, const HsType *type);

/* Readies the types and extends `type` (attributes of classes, class setattr/refs). */
void hs_class_runtime_init (void);

G_END_DECLS
