/* hs-class-private.h — what the files of the class room share, and no one else: the
 * interned dunder names, the layouts of the descriptors, calling a method found on a type.
 * The room: hs-class.c (classes and instances), hs-class-slots.c (special-method
 * dispatch), hs-class-mro.c (MRO, layout, metaclass), hs-descr.c (descriptors),
 * hs-method.c (bound methods), hs-super.c (super).
 */
#pragma once

#include "hs-class.h"

G_BEGIN_DECLS

/* Indexes into hs_dunder, the interned names the room looks up. */
enum
{
  N_INIT,
  N_REPR,
  N_STR,
  N_HASH,
  N_EQ,
  N_NE,
  N_LT,
  N_LE,
  N_GT,
  N_GE,
  N_BOOL,
  N_LEN,
  N_GETITEM,
  N_SETITEM,
  N_DELITEM,
  N_CONTAINS,
  N_ITER,
  N_NEXT,
  N_CALL,
  N_GETATTR,
  N_NEG,
  N_POS,
  N_INVERT,
  N_CLASS,
  N_DICT,
  N_DOC,
  N_INDEX,
  N_GET,
  N_SET,
  N_DELETE,
  N_GETATTRIBUTE,
  N_NEW,
  N_INIT_SUBCLASS,
  N_SET_NAME,
  N_CLASS_GETITEM,
  N_SETATTR,
  N_DELATTR,
  N_ABSTRACTMETHODS,
  N_COUNT
};

extern HsObject *hs_dunder[N_COUNT];

typedef struct
{
  HsObject header;
  HsObject *func;
} HsWrapper; /* staticmethod, classmethod */

typedef struct
{
  HsObject header;
  HsObject *fget, *fset, *fdel;
} HsProperty;

/* The `__dict__` and `__weakref__` entries CPython puts in the namespace of the first class
 * of a hierarchy whose instances have them; what they read is the instance's own. Each
 * holds its class, as CPython's descriptor does (d_type): a reference the diagram lists
 * among the class's hidden holders. */
typedef struct
{
  HsObject header;
  HsObject *name;
  HsObject *owner;   /* the class */
  HsGetsetFn get;    /* a built-in type's attribute (int.real); NULL for __dict__, __weakref__ */
  HsGetsetSetFn set; /* its setter (BaseException.args); NULL: read-only */
} HsGetset;

/* A slot of __slots__: a getset's fields, then where its value lives in an instance. */
typedef struct
{
  HsGetset getset;
  gsize offset;
} HsMember;

HsObject *hs_wrapper_new (HsVM *vm, const HsType *type, HsObject *func);
HsObject *hs_getset_new (HsVM *vm, const char *name, HsClass *owner);
/* The member descriptor of the slot `name` (interned) at `offset` in owner's instances. */
HsObject *hs_member_new (HsVM *vm, HsObject *name, HsClass *owner, gsize offset);
/* obj.<slot> (new reference) or NULL with CPython's TypeError (obj not an instance of its
 * class) or AttributeError (unset). */
HsObject *hs_member_get (HsVM *vm, HsObject *member, HsObject *obj);
/* obj.<slot> = value (NULL: del): 0, or -1 with CPython's errors. */
int hs_member_set (HsVM *vm, HsObject *member, HsObject *obj, HsObject *value);
/* A data descriptor (it defines __set__ or __delete__) wins over the instance's own
 * attribute. */
gboolean hs_descr_is_data (HsObject *d);
/* A property's __set__ (value) or __delete__ (value NULL) on obj: 0, or -1 with the error. */
int hs_property_set (HsVM *vm, HsObject *prop, HsObject *obj, HsObject *value);

/* Calls `fn` (a class attribute) as a method of self with args (borrowed). */
HsObject *hs_class_call_method (HsVM *vm, HsObject *fn, HsObject *self, HsObject **args,
                                gsize nargs, HsObject *kwnames);
/* hs_class_call_method for a class call (__new__, __init__) or a __call__ slot: a Python
 * fn called with keywords gets a copy of self and the arguments (CPython's
 * _PyStack_UnpackDict), held and listed on the calling frame (hs_frame_hold). `how`: the
 * HsClassCall bits the call took; a DIRECT one has every reference it holds listed, so
 * the steps of fn count as checkable (vm->listed_calls). */
HsObject *hs_class_call_held (HsVM *vm, HsObject *fn, HsObject *self, HsObject **args, gsize nargs,
                              HsObject *kwnames, guint how);
/* Whether fn is type.__call__ bound to a class (a metaclass's super().__call__). */
gboolean hs_class_is_type_call (HsObject *fn);
/* self.<dunder>(args) looked up on the type only; NULL + no error when absent. */
HsObject *hs_class_call_dunder (HsVM *vm, HsObject *self, HsObject *name, HsObject **args,
                                gsize nargs, gboolean *found);
/* Installs the slot(s) a dunder name in the class body implies. */
void hs_class_fixup_slot (HsType *t, const char *n);
/* Installs the slots the dunders of the class's ancestors imply. */
void hs_class_inherit_slots (HsType *t);
/* object's __eq__, __ne__, __lt__, __le__, __gt__ and __ge__ (CPython's object_richcompare). */
extern const HsMethodDef hs_object_compare_methods[];
/* object's and type's other methods CPython's dicts hold (hs-object-methods.c). */
extern const HsMethodDef hs_object_more_methods[];
extern const HsMethodDef hs_type_more_methods[];
/* Interns the names of hs_dunder and of the operators' dunders. */
void hs_class_slots_init (void);

/* A new tuple of t's method resolution order (what `__mro__` gives). */
HsObject *hs_class_mro_tuple (HsVM *vm, const HsType *t);
/* CPython's mro_implementation for a class whose bases are set: a new tuple, or NULL with
 * "duplicate base class" or the MRO TypeError. */
HsObject *hs_class_compute_mro (HsVM *vm, HsClass *c);
/* Records a new class, its bases set, as a subclass of each of them; forgets it when it is
 * freed; a new list of t's live direct subclasses, oldest first (`__subclasses__`). */
void hs_class_subclasses_add (HsVM *vm, HsClass *c);
void hs_class_subclasses_forget (HsVM *vm, HsClass *c);
HsObject *hs_class_subclasses_list (HsVM *vm, const HsType *t);
/* CPython's best_base: the base whose layout the new class's instances extend. */
HsType *hs_class_best_base (HsVM *vm, HsObject **bases, gsize nbases);
/* The built-in part of each base is object, type or an exception class: others are
 * refused. */
gboolean hs_class_check_static_bases (HsVM *vm, HsObject **bases, gsize nbases);

/* obj.__dict__ = value (NULL: del, a new empty one made when next asked): 0, or -1 with
 * CPython's TypeError for a value that is not a dict. */
int hs_instance_set_dict (HsVM *vm, HsObject *self, HsObject *value);
/* CPython's tp_dictoffset != 0: instances of t have an attribute dict. */
gboolean hs_class_instances_have_dict (const HsType *t);

/* What a class's __slots__ asks for (CPython's type_new_visit_slots and
 * type_new_copy_slots), read in hs-class-mro.c with the rest of the layout. */
typedef struct
{
  GPtrArray *names; /* the new slots' mangled names, interned, sorted */
  gboolean add_dict, add_weakref;
} HsSlotsSpec;

void hs_slots_spec_clear (HsSlotsSpec *spec);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HsSlotsSpec, hs_slots_spec_clear)

/* Reads the namespace's __slots__ (a str, or an iterable of them) for a class extending
 * base; without one the class gets an attribute dict and weak references. */
int hs_class_read_slots (HsVM *vm, HsObject *ns, HsObject *cls_name, const HsType *base,
                         HsSlotsSpec *spec);
/* The layout of the class's instances: the base's, then the new slots. */
void hs_class_set_slots (HsClass *c, const HsSlotsSpec *spec);

G_END_DECLS
