/* hs-class.c — user classes and instances (see hs-class.h for the invariant): making a
 * class (CPython's type_new), calling one (type_call: __new__, then __init__), the
 * attributes of instances and classes, object's and type's own methods. The rest of the
 * room: hs-class-slots.c (special methods), hs-class-mro.c (MRO, layout, metaclass),
 * hs-descr.c (descriptors), hs-method.c (bound methods), hs-super.c (super).
 */
#include "config.h"

#include <string.h>

#include "hs-builtin-subclass.h"
#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-class-private.h"
#include "hs-complex.h"
#include "hs-cpython-names.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-frame.h"
#include "hs-function.h"
#include "hs-genericalias.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-mappingproxy.h"
#include "hs-module.h"
#include "hs-number-parts.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-symtable.h"
#include "hs-tuple.h"

/* ---- instances ----------------------------------------------------------------------- */

static HsAttrs *
attrs_of (HsObject *o)
{
  HsClass *c = HS_CLASS (o->type);
  if (c->attrs_offset == 0) /* after a str's or tuple's variable part */
    return (HsAttrs *)((char *)o + hs_object_alloc_size (o) - sizeof (HsAttrs));
  return (HsAttrs *)((char *)o + c->attrs_offset);
}

/* Names are stored interned (hs_str_intern_name_obj), found by identity first. An equal name apart
 * is a str not interned, or the runtime's interned str of a text the program interned
 * before the runtime did (hs_str_intern_vm): hence the second pass, on cached hashes. */
static int
attrs_find (HsAttrs *a, HsObject *name)
{
  gint64 hash;

  for (guint32 i = 0; i < a->len; i++)
    if (a->names[i] == name)
      return (int)i;
  hash = hs_str_hash (name);
  for (guint32 i = 0; i < a->len; i++)
    if (HS_STR (a->names[i])->hash == hash && hs_str_equal (a->names[i], name))
      return (int)i;
  return -1;
}

static void
attrs_replace (HsVM *vm, HsObject *self, HsAttrs *a, guint32 i, HsObject *value)
{
  HsObject *old = a->values[i];
  a->values[i] = hs_incref (value);
  hs_object_mark_dirty (vm, self);
  hs_decref (vm, old);
}

/* Where the attribute slots an instance has in its own block begin (HsClass.attrs_inline):
 * past its class's layout. */
static gsize
attrs_inline_offset (const HsType *t)
{
  return (t->basicsize + 7) & ~(gsize)7;
}

/* Frees the table's block, unless it is the one in the instance's own block. */
static void
attrs_block_free (HsVM *vm, HsObject *self, HsObject **block, guint32 cap)
{
  gsize inline_at = attrs_inline_offset (self->type);

  if ((char *)block != (char *)self + inline_at || hs_object_alloc_size (self) <= inline_at)
    hs_mem_block_free (vm, block, 2 * sizeof (HsObject *) * cap);
}

/* names and values share one block (values from names + cap): one allocation per
 * instance's first attributes, not two. The class's next instances get room for as many
 * in their own block. */
static int
attrs_grow (HsVM *vm, HsObject *self, HsAttrs *a)
{
  guint32 cap = a->cap ? a->cap * 2 : 4;
  HsObject **block = hs_mem_block_alloc (vm, 2 * sizeof (HsObject *) * cap);
  HsClass *c = HS_CLASS (self->type);

  if (block == NULL)
    return -1;
  if (a->len > 0)
    {
      memcpy (block, a->names, sizeof (HsObject *) * a->len);
      memcpy (block + cap, a->values, sizeof (HsObject *) * a->len);
    }
  attrs_block_free (vm, self, a->names, a->cap);
  a->names = block;
  a->values = block + cap;
  a->cap = cap;
  if (c->attrs_offset != 0 && c->attrs_inline <= a->len)
    c->attrs_inline = MIN (a->len + 1, HS_CLASS_ATTRS_INLINE_MAX);
  return 0;
}

/* Adds the attribute `name`, which the table lacks. */
static int
attrs_append (HsVM *vm, HsObject *self, HsAttrs *a, HsObject *name, HsObject *value)
{
  if (a->len == a->cap && attrs_grow (vm, self, a) < 0)
    return -1;
  a->names[a->len] = hs_str_intern_name_obj (vm, name);
  a->values[a->len] = hs_incref (value);
  a->len++;
  hs_object_mark_dirty (vm, self);
  return 0;
}

static int materialise_dict (HsVM *vm, HsObject *self);

/* A store into the materialised dict: CPython's _PyObjectDict_SetItem, and its
 * AttributeError for a delete of what is not there. */
static int
dict_attr_set (HsVM *vm, HsObject *self, HsObject *dict, HsObject *name, HsObject *value)
{
  if (value != NULL)
    return hs_dict_set_item (vm, dict, name, value);
  if (hs_dict_del_item (vm, dict, name) == 0)
    return 0;
  if (hs_err_matches (vm, &hs_exc_KeyError))
    {
      hs_err_clear (vm);
      hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                     hs_type_name (self), hs_str_check (name) ? hs_str_utf8 (name) : "?");
    }
  return -1;
}

static int
attrs_set (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsAttrs *a = attrs_of (self);
  if (a->dict == NULL && !hs_str_check (name) && materialise_dict (vm, self) < 0)
    return -1; /* only a dict holds a name that is not a str (copy's state) */
  if (a->dict != NULL)
    return dict_attr_set (vm, self, a->dict, name, value);
  int i = attrs_find (a, name);
  if (value == NULL)
    {
      if (i < 0)
        {
          hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                         hs_type_name (self), hs_str_utf8 (name));
          return -1;
        }
      HsObject *old = a->values[i];
      memmove (a->names + i, a->names + i + 1, sizeof (HsObject *) * (a->len - i - 1));
      memmove (a->values + i, a->values + i + 1, sizeof (HsObject *) * (a->len - i - 1));
      a->len--;
      hs_object_mark_dirty (vm, self);
      hs_decref (vm, old);
      return 0;
    }
  if (i >= 0)
    {
      attrs_replace (vm, self, a, i, value);
      return 0;
    }
  return attrs_append (vm, self, a, name, value);
}

int
hs_instance_set_attr (HsVM *vm, HsObject *inst, HsObject *name, HsObject *value)
{
  return attrs_set (vm, inst, name, value);
}

/* Empties the table, its references dropped. */
static void
attrs_empty (HsVM *vm, HsObject *self, HsAttrs *a)
{
  HsObject **values = a->values, **block = a->names;
  guint32 len = a->len, cap = a->cap;
  a->values = a->names = NULL;
  a->len = a->cap = 0;
  for (guint32 i = 0; i < len; i++)
    hs_decref (vm, values[i]);
  if (block != NULL)
    attrs_block_free (vm, self, block, cap);
}

static void
attrs_release (HsVM *vm, HsObject *self)
{
  HsAttrs *a = attrs_of (self);
  attrs_empty (vm, self, a);
  HS_CLEAR (vm, a->dict);
}

/* CPython 3.11's make_dict_from_instance_attributes: the first `__dict__` becomes the
 * instance's storage, its attributes moved into it in order. */
static int
materialise_dict (HsVM *vm, HsObject *self)
{
  HsAttrs *a = attrs_of (self);
  HsObject *d = hs_dict_new (vm);
  if (d == NULL)
    return -1;
  for (guint32 i = 0; i < a->len; i++)
    if (hs_dict_set_item (vm, d, a->names[i], a->values[i]) < 0)
      {
        hs_decref (vm, d);
        return -1;
      }
  attrs_empty (vm, self, a);
  a->dict = d;
  HS_DICT (d)->split = TRUE;
  hs_object_mark_dirty (vm, self);
  return 0;
}

HsObject *
hs_instance_dict (HsVM *vm, HsObject *self)
{
  HsAttrs *a = attrs_of (self);
  if (a->dict == NULL && materialise_dict (vm, self) < 0)
    return NULL;
  return hs_incref (a->dict);
}

HsObject *
hs_instance_dict_borrow (HsObject *inst)
{
  return attrs_of (inst)->dict;
}

int
hs_instance_set_dict (HsVM *vm, HsObject *self, HsObject *value)
{
  HsAttrs *a = attrs_of (self);
  if (value != NULL && !hs_dict_check (value))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                     hs_type_name (value));
      return -1;
    }
  HsObject *old = a->dict;
  a->dict = value != NULL ? hs_incref (value) : NULL; /* deleted: a new one when asked */
  attrs_empty (vm, self, a);
  hs_object_mark_dirty (vm, self);
  hs_xdecref (vm, old);
  return 0;
}

/* ---- slots (__slots__) ---------------------------------------------------------------- */

static HsObject **
slot_at (HsObject *o, const HsClass *c, guint32 i)
{
  return (HsObject **)((char *)o + c->slots_offset) + i;
}

/* The slots set in an instance, named rows, those of the classes its layout extends
 * first (their order in memory). */
static void
slots_refs (HsObject *self, const HsType *k, HsVisitFn visit, gpointer data)
{
  if (!(k->type_flags & HS_TYPE_HEAP))
    return;
  slots_refs (self, k->base, visit, data);
  for (guint32 i = 0; i < HS_CLASS (k)->nslots; i++)
    {
      HsObject *v = *slot_at (self, HS_CLASS (k), i);
      if (v != NULL)
        hs_visit_attr_str (visit, v, HS_CLASS (k)->slot_names[i], data);
    }
}

static void
slots_release (HsVM *vm, HsObject *self)
{
  for (const HsType *k = self->type; k->type_flags & HS_TYPE_HEAP; k = k->base)
    for (guint32 i = 0; i < HS_CLASS (k)->nslots; i++)
      HS_CLEAR (vm, *slot_at (self, HS_CLASS (k), i));
}

gboolean
hs_class_instances_have_dict (const HsType *t)
{
  if (t->type_flags & HS_TYPE_HEAP)
    return HS_CLASS (t)->has_dict;
  return hs_type_is_subtype (t, &hs_type_type) || (t->type_flags & HS_TYPE_EXCEPTION);
}

gboolean
hs_class_instances_weakrefable (const HsType *t)
{
  if (t->type_flags & HS_TYPE_HEAP)
    return HS_CLASS (t)->has_weakref;
  return hs_type_is_subtype (t, &hs_type_type);
}

/* The slot of the built-in part of class c's instances, from the nearest built-in type
 * filling it (a Counter's entries are a dict's). */
#define BUILTIN_SLOT(c, slot)                                                                      \
  ({                                                                                               \
    const HsType *_b = (c)->static_base;                                                           \
    while (_b != NULL && _b->slot == NULL)                                                         \
      _b = _b->base;                                                                               \
    _b != NULL ? _b->slot : NULL;                                                                  \
  })

/* The class row, what the built-in base holds (an exception's args), the slots, the
 * attributes (a materialised dict's entries, drawn as the instance's rows). */
static void
instance_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsClass *c = HS_CLASS (self->type);
  void (*refs) (HsObject *, HsVisitFn, gpointer) = BUILTIN_SLOT (c, refs);
  hs_visit_named (visit, (HsObject *)c, HS_REF_CLASS, NULL, data);
  if (refs != NULL)
    refs (self, visit, data);
  slots_refs (self, self->type, visit, data);
  HsAttrs *a = attrs_of (self);
  if (a->dict != NULL)
    hs_visit_unfold (visit, a->dict, hs_ref_row_by_key, data);
  for (guint32 i = 0; i < a->len; i++)
    hs_visit_attr_str (visit, a->values[i], a->names[i], data);
}

gboolean
hs_instance_plain_refs (HsObject *self, HsObject ***values, guint32 *n)
{
  HsClass *c = HS_CLASS (self->type);
  if (self->type->refs != instance_refs || BUILTIN_SLOT (c, refs) != NULL)
    return FALSE;
  for (const HsType *k = self->type; k->type_flags & HS_TYPE_HEAP; k = k->base)
    if (HS_CLASS (k)->nslots > 0)
      return FALSE;
  HsAttrs *a = attrs_of (self);
  if (a->dict != NULL)
    return FALSE;
  *values = a->values;
  *n = a->len;
  return TRUE;
}

static void
instance_clear (HsVM *vm, HsObject *self)
{
  void (*clear) (HsVM *, HsObject *) = BUILTIN_SLOT (HS_CLASS (self->type), clear);
  if (clear != NULL)
    clear (vm, self);
  slots_release (vm, self);
  attrs_release (vm, self);
}

/* Drops an instance's reference to its class from its dealloc. When that frees the
 * class, the class is queued on the VM's deferred-free list (as the trashcan does), so
 * it is destroyed after the instance's memory: hs_object_free may still read the
 * instance's type once dealloc returns. */
static void
release_class_late (HsVM *vm, HsObject *cls)
{
  if (hs_is_immortal (cls) || --cls->refcount > 0)
    return;
  guint saved = vm->dealloc_depth;
  vm->dealloc_depth = G_MAXUINT / 2; /* past any trashcan depth: hs_object_free queues */
  hs_object_free (vm, cls);
  vm->dealloc_depth = saved;
}

static void
instance_dealloc (HsVM *vm, HsObject *self)
{
  HsClass *c = HS_CLASS (self->type);
  void (*dealloc) (HsVM *, HsObject *) = BUILTIN_SLOT (c, dealloc);
  if (dealloc != NULL)
    dealloc (vm, self);
  slots_release (vm, self);
  attrs_release (vm, self);
  release_class_late (vm, (HsObject *)c);
}

gboolean
hs_instance_next_attr (HsObject *inst, gsize *pos, HsObject **name, HsObject **value)
{
  HsAttrs *a = attrs_of (inst);
  if (a->dict != NULL)
    return hs_dict_next (a->dict, pos, name, value);
  if (*pos >= a->len)
    return FALSE;
  if (name != NULL)
    *name = a->names[*pos];
  if (value != NULL)
    *value = a->values[*pos];
  (*pos)++;
  return TRUE;
}

HsObject *
hs_instance_attr_borrow (HsObject *inst, HsObject *name)
{
  HsAttrs *a = attrs_of (inst);
  if (a->dict != NULL) /* by text: no __eq__ of a key the program put there runs */
    return hs_dict_get_item_cstr_borrow (NULL, a->dict, hs_str_utf8 (name));
  int i = attrs_find (a, name);
  return i >= 0 ? a->values[i] : NULL;
}

/* CPython's PyObject_GenericGetAttr for an instance (what object.__getattribute__ does). */
static HsObject *
generic_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  const HsType *t = self->type;
  HsObject *d = hs_type_lookup_borrow (t, name);
  if (d != NULL && hs_descr_is_data (d))
    return hs_descr_get (vm, d, self, t);
  /* object's __class__ and the class's __dict__ are data descriptors: an entry of that
   * name in the instance's dict does not hide them */
  if (d == NULL && hs_is_class_name (name))
    return hs_incref ((HsObject *)t);
  if (d == NULL && name == hs_dunder[N_DICT] && hs_class_instances_have_dict (t))
    return hs_instance_dict (vm, self);
  HsAttrs *a = attrs_of (self);
  if (a->dict != NULL)
    {
      HsObject *v = hs_dict_get_item_borrow (vm, a->dict, name);
      if (v != NULL)
        return hs_incref (v);
      if (hs_err_occurred (vm))
        return NULL;
    }
  int i = attrs_find (a, name);
  if (i >= 0)
    return hs_incref (a->values[i]);
  HsType *sb = HS_CLASS (t)->static_base;
  HsObject *v = sb == &hs_module_type ? hs_dict_get_item_borrow (vm, hs_module_dict (self), name)
                                      : NULL; /* a module's own attributes: its dict */
  if (v != NULL)
    return hs_incref (v);
  if (d != NULL)
    return hs_descr_get (vm, d, self, t);
  if (sb->getattr != NULL)
    return sb->getattr (vm, self, name);
  hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                 hs_type_tp_name (t), hs_str_utf8 (name));
  return NULL;
}

/* CPython's slot_tp_getattr_hook: the class's __getattribute__ or the generic lookup, then
 * __getattr__ when that raised AttributeError. */
static HsObject *
instance_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *r
      = HS_CLASS (self->type)->has_getattribute ? hs_class_call_method (
            vm, hs_type_lookup_borrow (self->type, hs_dunder[N_GETATTRIBUTE]), self, &name, 1, NULL)
                                                : generic_getattr (vm, self, name);
  HsObject *ga;
  if (r == NULL && hs_err_matches (vm, &hs_exc_AttributeError)
      && (ga = hs_type_lookup_borrow (self->type, hs_dunder[N_GETATTR])) != NULL)
    {
      hs_err_clear (vm);
      return hs_class_call_method (vm, ga, self, &name, 1, NULL);
    }
  return r;
}

static int generic_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value);

/* The methods object's dict has for these hooks, called from Python (super().__setattr__):
 * the generic behaviour. */
static HsObject *
object_getattribute_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL;
  if (!hs_parse_args (vm, "__getattribute__", args + 1, nargs - 1, kwnames, "!name", &name))
    return NULL;
  if (!hs_str_check (name))
    {
      hs_err_format (vm, &hs_exc_TypeError, "attribute name must be string, not '%s'",
                     hs_type_name (name));
      return NULL;
    }
  return hs_instance_check (args[0]) ? generic_getattr (vm, args[0], name)
                                     : hs_object_getattr (vm, args[0], name);
}

static HsObject *
object_setattr_common (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  if (!hs_str_check (name))
    {
      hs_err_format (vm, &hs_exc_TypeError, "attribute name must be string, not '%s'",
                     hs_type_name (name));
      return NULL;
    }
  int r = hs_instance_check (self) ? generic_setattr (vm, self, name, value)
                                   : hs_object_setattr (vm, self, name, value);
  return r < 0 ? NULL : hs_None;
}

static HsObject *
object_setattr_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL, *value = NULL;
  if (!hs_parse_args (vm, "__setattr__", args + 1, nargs - 1, kwnames, "name value /", &name,
                      &value))
    return NULL;
  return object_setattr_common (vm, args[0], name, value);
}

static HsObject *
object_delattr_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL;
  if (!hs_parse_args (vm, "__delattr__", args + 1, nargs - 1, kwnames, "!name", &name))
    return NULL;
  return object_setattr_common (vm, args[0], name, NULL);
}

static HsObject *type_setattr_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
static HsObject *type_delattr_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

/* The class's __setattr__ (or __delattr__ for a delete), defined in the class or
 * installed by a decorator (a frozen dataclass's), or NULL when it is object's or (for a
 * metaclass) type's. */
static HsObject *
setattr_hook (const HsType *t, gboolean delete)
{
  HsObject *hook = hs_type_lookup_borrow (t, hs_dunder[delete ? N_DELATTR : N_SETATTR]);
  HsCFunction fn
      = hook != NULL && hs_method_descr_check (hook) ? ((HsCFunctionObject *)hook)->def->fn : NULL;
  if (fn == object_setattr_method || fn == object_delattr_method || fn == type_setattr_method
      || fn == type_delattr_method)
    return NULL;
  return hook;
}

/* CPython's slot_tp_setattro: the class's __setattr__ or __delattr__, else the generic
 * store. */
static int
instance_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *hook = setattr_hook (self->type, value == NULL);
  if (hook != NULL)
    {
      HsObject *hargs[2] = { name, value },
               *r = hs_class_call_method (vm, hook, self, hargs, value ? 2 : 1, NULL);
      if (r == NULL)
        return -1;
      hs_decref (vm, r);
      return 0;
    }
  return generic_setattr (vm, self, name, value);
}

int
hs_class_isinstance_by_class (HsVM *vm, HsObject *o, HsType *cls)
{
  HsObject *icls;
  int r;
  /* a function we write in C that CPython writes in Python answers as its __class__ */
  if (hs_type_is_subtype (hs_cfunction_python_type (o), cls))
    return 1;
  /* only a class's own __class__ or __getattribute__ can answer another class */
  if (!(o->type->type_flags & HS_TYPE_HEAP)
      || (hs_instance_plain_getattr (o)
          && hs_type_lookup_borrow (o->type, hs_dunder[N_CLASS]) == NULL))
    return 0;
  icls = hs_object_getattr (vm, o, hs_dunder[N_CLASS]);
  if (icls == NULL)
    {
      if (!hs_err_matches (vm, &hs_exc_AttributeError))
        return -1;
      hs_err_clear (vm);
      return 0;
    }
  r = icls != (HsObject *)o->type && hs_type_check (icls)
      && hs_type_is_subtype ((HsType *)icls, cls);
  hs_decref (vm, icls);
  return r;
}

gboolean
hs_is_class_name (HsObject *name)
{
  return name == hs_dunder[N_CLASS]
         || (!(name->flags & HS_FLAG_INTERNED) && hs_str_check (name)
             && strcmp (hs_str_utf8 (name), "__class__") == 0);
}

/* CPython's PyObject_GenericSetAttr for an instance: a data descriptor's __set__ or
 * __delete__, else the instance's own attribute (or object's __class__). */
static int
generic_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *d = hs_type_lookup_borrow (self->type, name);
  if (d != NULL && HS_IS (d, &hs_member_descr_type))
    return hs_member_set (vm, d, self, value);
  if (d == NULL && hs_is_class_name (name))
    return hs_object_set_class (vm, self, value);
  if (d != NULL && HS_IS (d, &hs_getset_descr_type))
    return hs_getset_set (vm, d, self, value);
  if (d != NULL && !HS_IS (d, &hs_property_type) && hs_descr_is_data (d))
    {
      HsObject *fn = hs_type_lookup_borrow (d->type, hs_dunder[value ? N_SET : N_DELETE]);
      if (fn == NULL)
        {
          hs_err_set_string (vm, &hs_exc_AttributeError, value ? "__set__" : "__delete__");
          return -1;
        }
      HsObject *dargs[2] = { self, value };
      HsObject *r = hs_class_call_method (vm, fn, d, dargs, value ? 2 : 1, NULL);
      if (r == NULL)
        return -1;
      hs_decref (vm, r);
      return 0;
    }
  if (d != NULL && HS_IS (d, &hs_property_type))
    return hs_property_set (vm, d, self, value);
  if (HS_CLASS (self->type)->static_base == &hs_module_type)
    return hs_module_type.setattr (vm, self, name, value); /* into the module's dict */
  if (!hs_class_instances_have_dict (self->type))
    {
      HsType *sb = HS_CLASS (self->type)->static_base;
      if (sb->setattr != NULL) /* its built-in part's answer (a namedtuple's field) */
        return sb->setattr (vm, self, name, value);
      hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                     hs_type_name (self), hs_str_utf8 (name));
      return -1;
    }
  return attrs_set (vm, self, name, value);
}

/* ---- attribute caches ---------------------------------------------------------------- */

/* What an attribute instruction may take as given for objects of o's type while its
 * shape tag holds; the slow paths above stay the definition. */
static void
attr_cache_fill (HsAttrCache *c, HsObject *o, HsObject *name)
{
  const HsType *t = o->type;
  guint64 tag = hs_type_shape_tag (t);
  HsObject *d = hs_type_lookup_borrow (t, name);

  *c = (HsAttrCache){ tag != 0 ? t : NULL, tag, NULL, 0, 0 };
  if (name == hs_dunder[N_CLASS])
    {
      /* what generic_getattr gives an instance without an attribute of that name */
      if (d == NULL && hs_instance_check (o) && t->getattr == instance_getattr
          && hs_instance_plain_getattr (o) && HS_CLASS (t)->static_base != &hs_module_type)
        c->flags = HS_ATTR_CACHE_CLASS;
      return;
    }
  if (t->getattr == NULL) /* a built-in type's method: self is any of its objects */
    {
      /* not object's own (__eq__) when the type may fill that dunder by a slot, which
       * wins (hs_object_generic_getattr) */
      if (d != NULL && hs_method_descr_check (d)
          && (((HsCFunctionObject *)d)->owner != &hs_object_type || t == &hs_object_type))
        c->method = d;
      return;
    }
  if (!hs_instance_check (o) || t->getattr != instance_getattr || !hs_instance_plain_getattr (o))
    return;
  c->flags = HS_ATTR_CACHE_INSTANCE;
  if (d != NULL && (HS_IS (d, &hs_function_type) || hs_method_descr_check (d)))
    c->method = d;
  /* (an AttributeError from the getter goes to __getattr__: instance_getattr's way) */
  if (d != NULL && HS_IS (d, &hs_property_type) && ((HsProperty *)d)->fget != NULL
      && HS_IS (((HsProperty *)d)->fget, &hs_function_type)
      && hs_type_lookup_borrow (t, hs_dunder[N_GETATTR]) == NULL)
    {
      c->flags |= HS_ATTR_CACHE_PROPERTY;
      c->getter = ((HsProperty *)d)->fget;
    }
  if ((d != NULL && hs_descr_is_data (d)) || !hs_class_instances_have_dict (t))
    return;
  c->flags |= HS_ATTR_CACHE_LOAD;
  if (t->setattr == instance_setattr && setattr_hook (t, FALSE) == NULL)
    c->flags |= HS_ATTR_CACHE_STORE;
  int i = attrs_find (attrs_of (o), name);
  c->index = i >= 0 ? (guint32)i : 0;
}

static gboolean
attr_cache_valid (const HsAttrCache *c, const HsObject *o)
{
  return o->type == c->type && c->shape_tag == hs_type_shape_tag_peek (o->type);
}

/* The slot of the instance's attribute `name` if the cache's hint is right, else -1. */
static gssize
attr_cache_slot (const HsAttrCache *c, HsAttrs *a, HsObject *name)
{
  return c->index < a->len && a->names[c->index] == name ? (gssize)c->index : -1;
}

/* Whether the instance's own table (no dict) lacks `name`, as attrs_find says, which
 * for a table of the names the cache remembers it need not ask. */
static gboolean
attrs_lack (HsAttrCache *c, HsAttrs *a, HsObject *name)
{
  if (a->len + 1 == c->n_lacking)
    {
      guint32 i = 0;
      while (i < a->len && a->names[i] == c->lacking[i])
        i++;
      if (i == a->len)
        return TRUE;
    }
  if (attrs_find (a, name) >= 0)
    return FALSE;
  if (a->len <= HS_ATTR_CACHE_LACKING_MAX)
    {
      if (a->len > 0) /* an empty table may have no names array: memcpy wants a pointer */
        memcpy (c->lacking, a->names, sizeof (HsObject *) * a->len);
      c->n_lacking = a->len + 1;
    }
  return TRUE;
}

/* attr_cache_select's way when the first cache does not hold. */
static G_GNUC_NO_INLINE gboolean
attr_cache_swap (HsAttrCache *c, const HsObject *o)
{
  HsAttrCache other;

  if (!attr_cache_valid (c + 1, o))
    return FALSE;
  other = c[1];
  c[1] = c[0];
  c[0] = other;
  return TRUE;
}

/* Whether c (the first of its name's caches) holds for o, once the second one, when it
 * does, is swapped in. */
static inline gboolean
attr_cache_select (HsAttrCache *c, const HsObject *o)
{
  return G_LIKELY (attr_cache_valid (c, o)) || attr_cache_swap (c, o);
}

/* c for o's type, what it held for another type kept as the second cache. */
static void
attr_cache_refill (HsAttrCache *c, HsObject *o, HsObject *name)
{
  if (c->type != NULL && c->type != o->type)
    c[1] = c[0];
  attr_cache_fill (c, o, name);
}

/* After a slow lookup or store: fill the cache for a new type, or move its hint. */
static void
attr_cache_update (HsAttrCache *c, HsObject *o, HsObject *name)
{
  if (!attr_cache_select (c, o))
    attr_cache_refill (c, o, name);
  else if (c->flags & HS_ATTR_CACHE_INSTANCE)
    {
      int i = attrs_find (attrs_of (o), name);
      if (i >= 0)
        c->index = (guint32)i;
    }
}

HsObject *
hs_attr_load_cached (HsVM *vm, HsObject *o, HsObject *name, HsAttrCache *c)
{
  gboolean valid = attr_cache_select (c, o);

  if ((c->flags & HS_ATTR_CACHE_CLASS) && valid)
    return hs_incref ((HsObject *)o->type);
  /* CPython's property_descr_get, without generic getattr's search for it */
  if ((c->flags & HS_ATTR_CACHE_PROPERTY) && valid)
    return hs_object_call (vm, c->getter, &o, 1, NULL);
  if ((c->flags & HS_ATTR_CACHE_LOAD) && valid)
    {
      HsAttrs *a = attrs_of (o);
      gssize i = attr_cache_slot (c, a, name);
      if (i >= 0)
        return hs_incref (a->values[i]);
    }
  HsObject *r = hs_object_getattr (vm, o, name);
  if (r != NULL)
    attr_cache_update (c, o, name);
  return r;
}

int
hs_attr_store_cached (HsVM *vm, HsObject *o, HsObject *name, HsObject *value, HsAttrCache *c)
{
  if (attr_cache_select (c, o) && (c->flags & HS_ATTR_CACHE_STORE))
    {
      HsAttrs *a = attrs_of (o);
      gssize i = attr_cache_slot (c, a, name);
      if (i >= 0)
        {
          attrs_replace (vm, o, a, (guint32)i, value);
          return 0;
        }
      /* a new attribute where the type's instances keep it next (an __init__ filling a
       * fresh instance): appended, the hint already right */
      if (c->index == a->len && a->dict == NULL && attrs_lack (c, a, name))
        return attrs_append (vm, o, a, name, value);
      if (attrs_set (vm, o, name, value) < 0)
        return -1;
      attr_cache_update (c, o, name);
      return 0;
    }
  if (hs_object_setattr (vm, o, name, value) < 0)
    return -1;
  attr_cache_update (c, o, name);
  return 0;
}

HsObject *
hs_attr_method_cached (HsObject *o, HsObject *name, HsAttrCache *c)
{
  if (!attr_cache_select (c, o))
    attr_cache_refill (c, o, name);
  if (c->method == NULL)
    return NULL;
  if (c->flags & HS_ATTR_CACHE_INSTANCE)
    {
      HsAttrs *a = attrs_of (o);
      if (a->dict != NULL ? hs_instance_attr_borrow (o, name) != NULL : !attrs_lack (c, a, name))
        return NULL;
    }
  return c->method;
}

/* What abc.abstractmethod marked, also inside a property, staticmethod or classmethod. */
gboolean
hs_class_is_abstract (HsObject *v)
{
  if (v == NULL)
    return FALSE;
  if (HS_IS (v, &hs_property_type))
    return hs_class_is_abstract (((HsProperty *)v)->fget)
           || hs_class_is_abstract (((HsProperty *)v)->fset)
           || hs_class_is_abstract (((HsProperty *)v)->fdel);
  if (HS_IS (v, &hs_staticmethod_type) || HS_IS (v, &hs_classmethod_type))
    return hs_class_is_abstract (((HsWrapper *)v)->func);
  return (v->flags & HS_FLAG_ABSTRACT) != 0;
}

/* property.__isabstractmethod__ */
static HsObject *
property_isabstract (HsVM *vm, HsObject *obj, HsObject *name)
{
  return hs_bool_from (hs_class_is_abstract (obj));
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* object.__new__'s check for a class deriving from abc.ABC (which has `__abstractmethods__`): the
 * names some class of its MRO marked abstract that it still resolves to an abstract
 * method, sorted, in CPython's TypeError. */
static gboolean
check_abstract (HsVM *vm, HsType *type)
{
  HsObject *mro = HS_CLASS (type)->mro, *k, *v;
  g_autoptr (GPtrArray) found = NULL;
  GString *msg;

  if (hs_type_lookup_borrow (type, hs_dunder[N_ABSTRACTMETHODS]) == NULL || mro == NULL)
    return TRUE;
  found = g_ptr_array_new ();
  for (gsize i = 0; i < hs_tuple_len (mro); i++)
    {
      HsObject *c = hs_tuple_get_borrow (mro, i);
      gsize pos = 0;
      if (!hs_class_check (c))
        continue;
      while (hs_dict_next (((HsType *)c)->dict, &pos, &k, &v))
        if (hs_class_is_abstract (v) && hs_class_is_abstract (hs_type_lookup_borrow (type, k))
            && !g_ptr_array_find_with_equal_func (found, hs_str_utf8 (k), g_str_equal, NULL))
          g_ptr_array_add (found, (gpointer)hs_str_utf8 (k));
    }
  if (found->len == 0)
    return TRUE;
  g_ptr_array_sort (found, compare_names);
  msg = g_string_new (NULL);
  g_string_printf (msg, "Can't instantiate abstract class %s with abstract method%s ", type->name,
                   found->len > 1 ? "s" : "");
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (msg, "%s%s", i > 0 ? ", " : "", (const char *)found->pdata[i]);
  hs_err_set_string (vm, &hs_exc_TypeError, msg->str);
  g_string_free (msg, TRUE);
  return FALSE;
}

/* A new, empty instance of a class (exceptions get their args). */
static HsObject *
new_instance (HsVM *vm, HsType *type, HsObject **args, gsize nargs)
{
  if (!check_abstract (vm, type))
    return NULL;
  if (hs_builtin_subclass_base (type) != NULL)
    return hs_builtin_subclass_new_empty (vm, type);
  HsObject *self = hs_object_alloc (vm, type, type->basicsize);
  if (self == NULL)
    return NULL;
  hs_incref ((HsObject *)type);
  if (type->type_flags & HS_TYPE_EXCEPTION)
    {
      HsObject *t = hs_tuple_from_array (vm, args, nargs);
      if (t == NULL)
        {
          hs_decref (vm, self);
          return NULL;
        }
      HS_EXCEPTION (self)->args = t;
    }
  hs_gc_track (vm, self);
  if ((type->type_flags & HS_TYPE_EXCEPTION) && hs_exception_args_set (vm, self) < 0)
    {
      hs_decref (vm, self);
      return NULL;
    }
  return self;
}

static HsObject *object_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
static HsObject *type_init_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

/* Whether the __init__ found is object's or type's, which have nothing to do once __new__
 * ran (a C __init__ installed in a class, a dataclass's, is called as a method). */
static gboolean
is_builtin_init (HsObject *init)
{
  return init == NULL
         || (hs_method_descr_check (init)
             && (((HsCFunctionObject *)init)->def->fn == object_init
                 || ((HsCFunctionObject *)init)->def->fn == type_init_method));
}

/* `object.__new__` and `type.__new__`, the built-in functions a class's __new__ lookup
 * ends at (made by hs_class_runtime_init). */
static HsObject *object_new_fn, *type_new_fn;

static HsObject *type_new (HsVM *vm, HsType *meta, HsObject **args, gsize nargs, HsObject *kwnames);

HsObject *
hs_instance_new_empty (HsVM *vm, HsObject *cls)
{
  return new_instance (vm, (HsType *)cls, NULL, 0);
}

HsObject *
hs_instance_new_plain (HsVM *vm, HsObject *cls)
{
  guint32 n = HS_CLASS (cls)->attrs_inline;
  gsize inline_at = attrs_inline_offset ((HsType *)cls);
  HsObject *self = hs_object_alloc (vm, (HsType *)cls, inline_at + 2 * sizeof (HsObject *) * n);
  if (self == NULL)
    return NULL;
  if (n > 0)
    {
      HsAttrs *a = attrs_of (self);
      a->names = (HsObject **)((char *)self + inline_at);
      a->values = a->names + n;
      a->cap = n;
    }
  hs_incref (cls);
  hs_gc_track (vm, self);
  return self;
}

/* Remembers, while the class's shape tag holds, that its instances are made the plain
 * way. */
static void
note_plain_init (HsType *type, HsObject *init)
{
  HsClass *c = HS_CLASS (type);
  if ((type->type_flags & HS_TYPE_EXCEPTION) || hs_builtin_subclass_base (type) != NULL
      || hs_type_lookup_borrow (type, hs_dunder[N_ABSTRACTMETHODS]) != NULL)
    return;
  c->plain_tag = hs_type_shape_tag (type);
  c->plain_init = c->plain_tag != 0 ? init : NULL;
}

HsObject *
hs_class_start_instance (HsVM *vm, HsObject *cls, HsObject **args, gsize nargs, HsObject **init)
{
  HsType *type = (HsType *)cls;
  HsObject *found;

  if ((*init = hs_class_plain_init (cls)) != NULL)
    return hs_instance_new_plain (vm, cls);
  found = hs_type_lookup_borrow (type, hs_dunder[N_INIT]);
  *init = NULL;
  if (cls->type != &hs_type_type || hs_type_lookup_borrow (type, hs_dunder[N_NEW]) != object_new_fn
      || found == NULL || !HS_IS (found, &hs_function_type)
      || (HS_FUNCTION (found)->code->flags & HS_CODE_GENERATOR))
    return NULL;
  *init = found;
  note_plain_init (type, found);
  return new_instance (vm, type, args, nargs);
}

/* cls(args) with object's __new__: CPython's object_new, whose excess arguments are an
 * error unless the class defines __init__ (then __init__ checks them). */
static HsObject *
object_new (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gboolean excess = nargs > 0 || (kwnames != NULL && hs_tuple_len (kwnames) > 0);
  HsType *sb = type->type_flags & HS_TYPE_HEAP ? HS_CLASS (type)->static_base : type;

  /* typing's Generic and Protocol construct as object does */
  if (excess && (sb == &hs_object_type || sb == &hs_generic_type || sb == &hs_protocol_type))
    {
      if (hs_type_lookup_borrow (type, hs_dunder[N_NEW]) != object_new_fn)
        {
          hs_err_set_string (
              vm, &hs_exc_TypeError,
              "object.__new__() takes exactly one argument (the type to instantiate)");
          return NULL;
        }
      if (is_builtin_init (hs_type_lookup_borrow (type, hs_dunder[N_INIT])))
        {
          hs_err_format (vm, &hs_exc_TypeError, "%s() takes no arguments", type->name);
          return NULL;
        }
    }
  if (!(type->type_flags & HS_TYPE_HEAP))
    return type->construct (vm, type, args, nargs, kwnames);
  return new_instance (vm, type, args, nargs);
}

/* The class `owner.__new__(cls, ...)` is asked to make (its first argument), or NULL with
 * CPython's TypeError. */
HsType *
hs_class_new_target (HsVM *vm, const char *owner, HsObject **args, gsize nargs)
{
  if (nargs < 1)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s.__new__(): not enough arguments", owner);
      return NULL;
    }
  if (!hs_type_check (args[0]))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s.__new__(X): X is not a type object (%s)", owner,
                     hs_type_name (args[0]));
      return NULL;
    }
  return (HsType *)args[0];
}

/* `object.__new__(cls, ...)`, callable from Python. */
static HsObject *
object_new_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsType *type = hs_class_new_target (vm, "object", args, nargs);
  if (type == NULL)
    return NULL;
  HsType *sb = type->type_flags & HS_TYPE_HEAP ? HS_CLASS (type)->static_base : type;
  if (sb != &hs_object_type && !(sb->type_flags & HS_TYPE_EXCEPTION))
    {
      /* CPython names the nearest class whose __new__ is not written in Python */
      HsType *safe = type;
      while ((safe->type_flags & HS_TYPE_HEAP)
             && hs_dict_get_item_borrow (vm, safe->dict, hs_dunder[N_NEW]) != NULL)
        safe = safe->base;
      hs_err_format (vm, &hs_exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                     type->name, safe->name);
      return NULL;
    }
  return object_new (vm, type, args + 1, nargs - 1, kwnames);
}

/* Calls the __new__ found for `type` as __new__(type, *args, **kw). */
static HsObject *
call_new (HsVM *vm, HsObject *fn, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames,
          guint how)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  HsObject *small[8];
  HsObject **all;
  HsObject *r;

  if (HS_IS (fn, &hs_staticmethod_type))
    fn = ((HsWrapper *)fn)->func;
  if (HS_IS (fn, &hs_function_type))
    return hs_class_call_held (vm, fn, (HsObject *)type, args, nargs, kwnames, how);
  all = nargs + nkw + 1 <= 8 ? small : g_new (HsObject *, nargs + nkw + 1);
  all[0] = (HsObject *)type;
  if (nargs + nkw > 0)
    memcpy (all + 1, args, sizeof (HsObject *) * (nargs + nkw));
  r = hs_object_call (vm, fn, all, nargs + 1, kwnames);
  if (all != small)
    g_free (all);
  return r;
}

/* Runs the class's __init__ on what __new__ made (a Python one must return None;
 * object.__init__ and type.__init__ have nothing left to do). */
static int
run_init (HsVM *vm, HsType *type, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames,
          guint how)
{
  HsObject *init = hs_type_lookup_borrow (type, hs_dunder[N_INIT]);
  if (is_builtin_init (init))
    return 0;
  HsObject *r = hs_class_call_held (vm, init, self, args, nargs, kwnames, how);
  if (r == NULL)
    return -1;
  if (r != hs_None && HS_IS (init, &hs_function_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__init__() should return None, not '%s'",
                     hs_type_name (r));
      hs_decref (vm, r);
      return -1;
    }
  hs_decref (vm, r);
  return 0;
}

/* Calling a class (CPython's type_call): __new__, then __init__ when __new__ gave an
 * instance of the class. */
static HsObject *
class_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *nw = hs_type_lookup_borrow (type, hs_dunder[N_NEW]);
  gsize nall = nargs + (kwnames != NULL ? hs_tuple_len (kwnames) : 0);
  HsObject *self;
  guint how = hs_class_take_call (vm);
  /* type_call's argument tuple and keyword dict, unless the caller passed its own */
  HsFrameHold held = (how & HS_CLASS_CALL_PACKED) ? (HsFrameHold){ NULL, 0 }
                                                  : hs_frame_hold (vm, NULL, args, nall);

  self = nw == type_new_fn                   ? type_new (vm, type, args, nargs, kwnames)
         : nw == object_new_fn || nw == NULL ? object_new (vm, type, args, nargs, kwnames)
                                             : call_new (vm, nw, type, args, nargs, kwnames, how);
  if (self != NULL && HS_ISINSTANCE (self, type))
    {
      /* type_call's `obj`, listed with the caller's pending values while __init__ runs
       * (the listing takes over this reference, given back after) */
      HsFrameHold obj = hs_frame_hold (vm, self, NULL, 0);
      int r;

      if (obj.frame != NULL)
        hs_decref (vm, self);
      r = run_init (vm, type, self, args, nargs, kwnames, how);
      if (obj.frame != NULL)
        hs_incref (self);
      hs_frame_unhold (vm, obj);
      if (r < 0)
        HS_CLEAR (vm, self);
    }
  hs_frame_unhold (vm, held);
  return self;
}

/* ---- classes ------------------------------------------------------------------------ */

const char *
hs_class_name (HsObject *cls)
{
  return ((HsType *)cls)->name;
}

const char *
hs_type_qualname (const HsType *t)
{
  return (t->type_flags & HS_TYPE_HEAP) && HS_CLASS (t)->qualname != NULL
             ? hs_str_utf8 (HS_CLASS (t)->qualname)
             : t->name;
}

const char *
hs_type_module (const HsType *t)
{
  HsObject *m;

  if (t->module != NULL || !(t->type_flags & HS_TYPE_HEAP))
    return t->module;
  m = t->dict != NULL ? hs_dict_get_item_cstr_borrow (NULL, t->dict, "__module__") : NULL;
  return m != NULL && hs_str_check (m) ? hs_str_utf8 (m) : "__main__";
}

HsObject *
hs_class_base_borrow (HsObject *cls)
{
  return (HsObject *)((HsType *)cls)->base;
}

void
hs_class_internals (HsObject *cls, HsClassInternalFn fn, gpointer data)
{
  HsClass *c = HS_CLASS (cls);

  if (c->mro != NULL)
    fn (c->mro, "__mro__", data);
  if (c->bases != NULL)
    fn (c->bases, "__bases__", data);
  gsize pos = 0;
  HsObject *k, *v;
  while (c->type.dict != NULL && hs_dict_next (c->type.dict, &pos, &k, &v))
    if ((HS_IS (v, &hs_getset_descr_type) || HS_IS (v, &hs_member_descr_type))
        && ((HsGetset *)v)->owner == cls)
      fn (v, hs_str_utf8 (((HsGetset *)v)->name), data);
}

HsObject *
hs_class_bases_borrow (HsObject *cls)
{
  return HS_CLASS (cls)->bases;
}

HsObject *
hs_class_dict_borrow (HsObject *cls)
{
  return ((HsType *)cls)->dict;
}
static int
set_entry (HsVM *vm, HsObject *ns, const char *name, HsObject *value)
{
  if (value == NULL)
    return -1;
  int r = hs_dict_set_item (vm, ns, hs_str_intern_cstr (name), value);
  hs_decref (vm, value);
  return r;
}

/* What CPython's type_new adds to a new class's namespace after the body ran, in its order:
 * the member descriptors of its slots, the `__dict__`/`__weakref__` descriptors where the
 * hierarchy gains them, `__doc__` and, for a class defining `__eq__` alone,
 * `__hash__ = None`. */
static int
add_type_new_entries (HsVM *vm, HsClass *c, gboolean unhashable)
{
  HsType *t = &c->type;
  HsObject *ns = t->dict;
  for (guint32 i = 0; i < c->nslots; i++)
    {
      HsObject *m
          = hs_member_new (vm, c->slot_names[i], c, c->slots_offset + i * sizeof (HsObject *));
      int r = m != NULL ? hs_dict_set_item (vm, ns, c->slot_names[i], m) : -1;
      hs_xdecref (vm, m);
      if (r < 0)
        return -1;
    }
  if (c->has_dict && !hs_class_instances_have_dict (t->base)
      && set_entry (vm, ns, "__dict__", hs_getset_new (vm, "__dict__", c)) < 0)
    return -1;
  if (c->has_weakref && !hs_class_instances_weakrefable (t->base)
      && set_entry (vm, ns, "__weakref__", hs_getset_new (vm, "__weakref__", c)) < 0)
    return -1;
  if (hs_dict_get_item_borrow (vm, ns, hs_dunder[N_DOC]) == NULL
      && set_entry (vm, ns, "__doc__", hs_incref (hs_None)) < 0)
    return -1;
  if (unhashable && set_entry (vm, ns, "__hash__", hs_incref (hs_None)) < 0)
    return -1;
  return 0;
}

/* What type_new does to the namespace: __qualname__ (a str) is taken out into *qualname
 * (interned, as the name is; NULL when there is none), a plain function as __new__ becomes
 * a staticmethod, as __init_subclass__ or __class_getitem__ a classmethod. */
static int
wrap_implicit_methods (HsVM *vm, HsObject *ns, HsObject **qualname)
{
  *qualname = hs_dict_get_item_borrow (vm, ns, hs_str_intern_cstr ("__qualname__"));
  if (*qualname != NULL && !hs_str_check (*qualname))
    {
      hs_err_format (vm, &hs_exc_TypeError, "type __qualname__ must be a str, not %s",
                     hs_type_name (*qualname));
      *qualname = NULL;
      return -1;
    }
  if (*qualname != NULL)
    {
      *qualname = hs_str_intern_name_obj (vm, *qualname);
      if (hs_dict_del_item (vm, ns, hs_str_intern_cstr ("__qualname__")) < 0)
        return -1;
    }
  static const int which[] = { N_NEW, N_INIT_SUBCLASS, N_CLASS_GETITEM };
  for (gsize i = 0; i < G_N_ELEMENTS (which); i++)
    {
      HsObject *f = hs_dict_get_item_borrow (vm, ns, hs_dunder[which[i]]);
      if (f == NULL || !HS_IS (f, &hs_function_type))
        continue;
      HsObject *w = hs_wrapper_new (
          vm, which[i] == N_NEW ? &hs_staticmethod_type : &hs_classmethod_type, f);
      if (w == NULL)
        return -1;
      int r = hs_dict_set_item (vm, ns, hs_dunder[which[i]], w);
      hs_decref (vm, w);
      if (r < 0)
        return -1;
    }
  return 0;
}

/* CPython 3.11's type_new_set_names: value.__set_name__(cls, name) for each entry of the
 * namespace whose type has one; an error becomes the cause of a RuntimeError. */
static int
set_names (HsVM *vm, HsClass *c)
{
  HsObject *ns = hs_dict_copy (vm, c->type.dict);
  gsize pos = 0;
  HsObject *k, *v;
  int rc = 0;

  if (ns == NULL)
    return -1;
  while (rc == 0 && hs_dict_next (ns, &pos, &k, &v))
    {
      HsObject *fn = hs_type_lookup_borrow (v->type, hs_dunder[N_SET_NAME]);
      if (fn == NULL)
        continue;
      HsObject *args[2] = { (HsObject *)c, k };
      HsObject *r = hs_class_call_method (vm, fn, v, args, 2, NULL);
      if (r != NULL)
        {
          hs_decref (vm, r);
          continue;
        }
      rc = -1;
      HsObject *cause = hs_err_fetch (vm);
      HsObject *kr = hs_object_repr (vm, k);
      if (kr == NULL)
        {
          hs_decref (vm, cause);
          break;
        }
      hs_err_format (vm, &hs_exc_RuntimeError,
                     "Error calling __set_name__ on '%s' instance %s in '%s'", hs_type_name (v),
                     hs_str_utf8 (kr), c->type.name);
      hs_decref (vm, kr);
      HsObject *e = hs_err_fetch (vm);
      HS_EXCEPTION (e)->cause = hs_incref (cause);
      HS_EXCEPTION (e)->context = cause;
      HS_EXCEPTION (e)->suppress_context = TRUE;
      hs_err_set_object (vm, e);
      hs_decref (vm, e);
    }
  hs_decref (vm, ns);
  return rc;
}

/* super(cls, cls).__init_subclass__(**kw): the nearest one after the class in its MRO. */
static int
init_subclass (HsVM *vm, HsType *t, HsObject **kwvalues, HsObject *kwnames)
{
  const HsType *m;
  HsObject *d = NULL;
  for (gsize i = 1; d == NULL && (m = hs_type_mro_at (t, i)) != NULL; i++)
    d = m->dict != NULL ? hs_dict_get_item_borrow (vm, m->dict, hs_dunder[N_INIT_SUBCLASS]) : NULL;
  if (d == NULL)
    return 0;
  HsObject *fn = hs_descr_get (vm, d, NULL, t);
  if (fn == NULL)
    return -1;
  HsObject *r = hs_object_call (vm, fn, kwvalues, 0, kwnames);
  hs_decref (vm, fn);
  if (r == NULL)
    return -1;
  hs_decref (vm, r);
  return 0;
}

HsObject *
hs_class_new (HsVM *vm, HsType *meta, HsObject *name, HsObject **bases, gsize nbases, HsObject *ns,
              HsObject **kwvalues, HsObject *kwnames)
{
  HsObject *bases_tuple = nbases > 0 ? hs_tuple_from_array (vm, bases, nbases) : NULL;
  if (nbases > 0 && bases_tuple == NULL)
    return NULL;
  HsObject *cls = hs_class_new_with_bases (vm, meta, name, bases_tuple, ns, kwvalues, kwnames);
  hs_xdecref (vm, bases_tuple);
  return cls;
}

HsObject *
hs_class_new_with_bases (HsVM *vm, HsType *meta, HsObject *name, HsObject *bases_tuple,
                         HsObject *ns, HsObject **kwvalues, HsObject *kwnames)
{
  HsObject **bases = bases_tuple != NULL ? hs_tuple_items (bases_tuple) : NULL;
  gsize nbases = bases_tuple != NULL ? hs_tuple_len (bases_tuple) : 0;
  g_auto (HsSlotsSpec) spec = { NULL, FALSE, FALSE };
  HsType *base = hs_class_best_base (vm, bases, nbases);
  HsObject *qualname = NULL;
  if (base == NULL || !hs_class_check_static_bases (vm, bases, nbases)
      || hs_class_read_slots (vm, ns, name, base, &spec) < 0
      || wrap_implicit_methods (vm, ns, &qualname) < 0)
    return NULL;
  HsClass *c = (HsClass *)hs_object_alloc (vm, meta, meta->basicsize);
  if (c == NULL)
    return NULL;
  hs_incref ((HsObject *)meta);
  HsType *t = &c->type;
  c->name = hs_str_intern_name_obj (vm, name);
  c->qualname = qualname;
  t->name = hs_str_utf8 (c->name);
  t->base = base;
  if (base->type_flags & HS_TYPE_HEAP)
    {
      hs_incref ((HsObject *)base);
      c->static_base = HS_CLASS (base)->static_base;
      c->attrs_offset = HS_CLASS (base)->attrs_offset;
    }
  else
    {
      c->static_base = base;
      c->attrs_offset = hs_builtin_subclass_varsize (base) ? 0 : (base->basicsize + 7) & ~(gsize)7;
    }
  t->type_flags
      = HS_TYPE_HEAP | HS_TYPE_GC | HS_TYPE_BASETYPE | (base->type_flags & HS_TYPE_EXCEPTION);
  t->construct = class_construct;
  if (hs_type_is_subtype (c->static_base, &hs_type_type))
    t->basicsize = sizeof (HsClass); /* a metaclass: its instances are classes */
  else
    {
      t->type_flags |= HS_TYPE_DRAWN_AS_INSTANCE;
      t->basicsize = base->type_flags & HS_TYPE_HEAP
                         ? base->basicsize
                         : (c->attrs_offset ? c->attrs_offset : c->static_base->basicsize)
                               + sizeof (HsAttrs);
      t->dealloc = instance_dealloc;
      t->refs = instance_refs;
      t->clear = instance_clear;
      t->getattr = instance_getattr;
      t->setattr = instance_setattr;
    }
  hs_class_set_slots (c, &spec);
  t->dict = hs_incref (ns);
  hs_dict_mark_type_namespace (ns, t);
  /* CPython's type_module: the namespace's __module__, so a class that library text or exec()
   * made under a module's name other than __main__ is named by it */
  HsObject *module = hs_dict_get_item_cstr_borrow (vm, ns, "__module__");
  if (module != NULL && hs_str_check (module) && !hs_str_equal_cstr (module, "__main__"))
    t->module = g_intern_string (hs_str_utf8 (module));
  /* the tuple given, as CPython's type_new keeps it (`bases` counts it) */
  c->bases
      = nbases > 0 ? hs_incref (bases_tuple) : hs_tuple_pack (vm, 1, (HsObject *)&hs_object_type);
  c->mro = c->bases != NULL ? hs_class_compute_mro (vm, c) : NULL;
  hs_gc_track (vm, (HsObject *)c);
  if (c->mro == NULL)
    {
      hs_decref (vm, (HsObject *)c);
      return NULL;
    }
  hs_class_subclasses_add (vm, c);
  hs_class_inherit_slots (t);
  hs_type_modified (vm, t); /* lookups since walked no mro yet */
  gsize pos = 0;
  HsObject *k, *v;
  gboolean has_eq = FALSE, has_hash = FALSE;
  while (hs_dict_next (ns, &pos, &k, &v))
    if (hs_str_check (k))
      {
        const char *n = hs_str_utf8 (k);
        has_eq |= strcmp (n, "__eq__") == 0;
        has_hash |= strcmp (n, "__hash__") == 0;
        if (strcmp (n, "__hash__") == 0 && v == hs_None)
          t->hash = hs_object_hash_not_implemented;
        else
          hs_class_fixup_slot (t, n);
      }
  if (has_eq && !has_hash)
    t->hash = hs_object_hash_not_implemented;
  if (add_type_new_entries (vm, c, has_eq && !has_hash) < 0 || set_names (vm, c) < 0
      || init_subclass (vm, t, kwvalues, kwnames) < 0)
    {
      hs_decref (vm, (HsObject *)c);
      return NULL;
    }
  return (HsObject *)c;
}

/* CPython's type_new: type.__new__(meta, name, bases, ns, **kw) with its argument checks;
 * the class gets a copy of ns. */
static HsObject *
type_new (HsVM *vm, HsType *meta, HsObject **args, gsize nargs, HsObject *kwnames)
{
  static const char *const want[] = { "str", "tuple", "dict" };
  if (nargs != 3)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "type.__new__() takes exactly 3 arguments (%" G_GSIZE_FORMAT " given)", nargs);
      return NULL;
    }
  for (int i = 0; i < 3; i++)
    if (!(i == 0   ? hs_str_check (args[0])
          : i == 1 ? hs_tuple_check (args[1])
                   : hs_dict_check (args[2])))
      {
        hs_err_format (vm, &hs_exc_TypeError, "type.__new__() argument %d must be %s, not %s",
                       i + 1, want[i], hs_type_name (args[i]));
        return NULL;
      }
  HsObject **bases = hs_tuple_items (args[1]);
  gsize nbases = hs_tuple_len (args[1]);
  HsObject *winner = hs_class_calculate_metaclass (vm, (HsObject *)meta, bases, nbases);
  if (winner == NULL)
    return NULL;
  HsObject *ns = hs_dict_copy (vm, args[2]);
  if (ns == NULL)
    return NULL;
  HsObject *cls
      = hs_class_new_with_bases (vm, (HsType *)winner, args[0], args[1], ns, args + 3, kwnames);
  hs_decref (vm, ns);
  return cls;
}

/* `type.__new__(meta, name, bases, ns)`, callable from Python. */
static HsObject *
type_new_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (hs_class_new_target (vm, "type", args, nargs) == NULL)
    return NULL;
  if (!hs_type_is_subtype ((HsType *)args[0], &hs_type_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "type.__new__(%s): %s is not a subtype of type",
                     ((HsType *)args[0])->name, ((HsType *)args[0])->name);
      return NULL;
    }
  return type_new (vm, (HsType *)args[0], args + 1, nargs - 1, kwnames);
}

/* type(name, bases, ns): `type` itself called with three arguments. */
static HsObject *
type_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return type_new (vm, type, args, nargs, kwnames);
}

/* Bookkeeping of a class body that the learner did not write: not drawn. */
static const char *
namespace_row (HsObject *cls, const HsRef *ref, HsObject *key)
{
  static const char *const hidden[]
      = { "__module__", "__qualname__", "__doc__", "__dict__", "__weakref__", NULL };
  for (int i = 0; hidden[i]; i++)
    if (hs_str_equal_cstr (key, hidden[i]))
      return NULL;
  return hs_str_utf8 (key);
}

/* The base row (a built-in base is immortal: drawn by name, never counted), the
 * namespace's entries as rows, and the __mro__ and __bases__ tuples, never drawn. */
static void
class_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsType *t = (HsType *)self;
  if (!(t->type_flags & HS_TYPE_HEAP))
    return;
  if (t->base != &hs_object_type)
    hs_visit_named (visit, (HsObject *)t->base, HS_REF_CLASS, NULL, data);
  if (t->dict != NULL)
    hs_visit_unfold (visit, t->dict, namespace_row, data);
  if (HS_CLASS (t)->mro != NULL)
    hs_visit_named (visit, HS_CLASS (t)->mro, HS_REF_HIDDEN, "__mro__", data);
  if (HS_CLASS (t)->bases != NULL)
    hs_visit_named (visit, HS_CLASS (t)->bases, HS_REF_HIDDEN, "__bases__", data);
  if (self->type != &hs_type_type)
    hs_visit_named (visit, (HsObject *)self->type, HS_REF_HIDDEN, "__class__", data);
}

static void
class_clear (HsVM *vm, HsObject *self)
{
  HsType *t = (HsType *)self;
  if (!(t->type_flags & HS_TYPE_HEAP))
    return;
  if (t->dict != NULL)
    hs_dict_clear (vm, t->dict);
  hs_class_subclasses_forget (vm, HS_CLASS (t));
  HS_CLEAR (vm, HS_CLASS (t)->mro);
  HS_CLEAR (vm, HS_CLASS (t)->bases);
}

static void
class_dealloc (HsVM *vm, HsObject *self)
{
  HsType *t = (HsType *)self;
  if (!(t->type_flags & HS_TYPE_HEAP))
    return;
  hs_class_subclasses_forget (vm, HS_CLASS (t));
  HS_CLEAR (vm, HS_CLASS (t)->mro);
  HS_CLEAR (vm, HS_CLASS (t)->bases);
  if (t->dict != NULL && HS_DICT (t->dict)->namespace_of == t) /* locals() of its body */
    HS_DICT (t->dict)->namespace_of = NULL;
  HS_CLEAR (vm, t->dict);
  g_clear_pointer (&HS_CLASS (t)->slot_names, g_free);
  if (t->base->type_flags & HS_TYPE_HEAP)
    {
      HsObject *b = (HsObject *)t->base;
      t->base = &hs_object_type;
      hs_decref (vm, b);
    }
  release_class_late (vm, (HsObject *)self->type);
}

static HsObject *(*type_getattr_base) (HsVM *, HsObject *, HsObject *);

static HsObject *
type_getattr_lookup (HsVM *vm, HsObject *self, HsObject *name)
{
  HsType *t = (HsType *)self;
  const char *n = hs_str_utf8 (name);
  gboolean heap = (t->type_flags & HS_TYPE_HEAP) != 0;
  if (n[0] == '_' && n[1] == '_')
    {
      if (strcmp (n, "__qualname__") == 0 && heap && HS_CLASS (t)->qualname != NULL)
        return hs_incref (HS_CLASS (t)->qualname);
      if (strcmp (n, "__name__") == 0 || strcmp (n, "__qualname__") == 0)
        return heap ? hs_incref (HS_CLASS (t)->name) : hs_str_from_cstr (vm, t->name);
      if (strcmp (n, "__module__") == 0)
        return hs_str_intern_cstr (hs_type_module (t) != NULL ? hs_type_module (t) : "builtins");
      /* the class's own tuples, as CPython's tp_bases and tp_mro: `A.__mro__ is A.__mro__` */
      if (strcmp (n, "__bases__") == 0 && heap)
        return hs_incref (HS_CLASS (t)->bases);
      /* ExceptionGroup's (BaseExceptionGroup, Exception) */
      if (strcmp (n, "__bases__") == 0 && t->base != NULL
          && (t->base->type_flags & HS_TYPE_MIXIN_BASE))
        return hs_tuple_pack (vm, 2, (HsObject *)t->base, (HsObject *)t->base->base);
      if (strcmp (n, "__bases__") == 0)
        return hs_type_mro_at (t, 1) != NULL
                   ? hs_tuple_pack (vm, 1, (HsObject *)hs_type_mro_at (t, 1))
                   : hs_incref (hs_tuple_empty ());
      if (strcmp (n, "__class__") == 0)
        return hs_incref ((HsObject *)self->type);
      if (strcmp (n, "__base__") == 0 && heap)
        return hs_incref (t->base != NULL ? (HsObject *)t->base : hs_None);
      if (strcmp (n, "__base__") == 0)
        return hs_incref (hs_type_mro_at (t, 1) != NULL ? (HsObject *)hs_type_mro_at (t, 1)
                                                        : hs_None);
      if (strcmp (n, "__mro__") == 0)
        return heap ? hs_incref (HS_CLASS (t)->mro) : hs_class_mro_tuple (vm, t);
      if (strcmp (n, "__dict__") == 0) /* a read-only view of the namespace */
        {
          if (!heap)
            hs_cpython_dict_order (t);
          return hs_mappingproxy_new (vm, t->dict);
        }
      if (strcmp (n, "__doc__") == 0 && heap)
        {
          HsObject *d = hs_dict_get_item_borrow (vm, t->dict, name);
          return hs_incref (d != NULL ? d : hs_None);
        }
    }
  HsObject *d;
  if (!heap)
    {
      HsObject *r = type_getattr_base (vm, self, name);
      if (r != NULL || !hs_err_matches (vm, &hs_exc_AttributeError))
        return r;
      hs_err_clear (vm);
    }
  else if ((d = hs_type_lookup_borrow (t, name)) != NULL)
    return hs_descr_get (vm, d, NULL, t);
  /* then the metatype's attributes, bound to the class (C.mro()) */
  d = hs_type_lookup_borrow (self->type, name);
  if (d != NULL)
    return hs_descr_get (vm, d, self, self->type);
  hs_err_format (vm, &hs_exc_AttributeError, "type object '%s' has no attribute '%s'",
                 hs_type_tp_name (t), n);
  return NULL;
}

/* A class's attribute, then (CPython's slot_tp_getattr_hook on its metaclass) what the
 * metaclass's __getattr__ says of a name the class and the metaclass lack. */
static HsObject *
type_getattr_ext (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *r = type_getattr_lookup (vm, self, name), *ga;
  if (r == NULL && (self->type->type_flags & HS_TYPE_HEAP)
      && hs_err_matches (vm, &hs_exc_AttributeError)
      && (ga = hs_type_lookup_borrow (self->type, hs_dunder[N_GETATTR])) != NULL)
    {
      hs_err_clear (vm);
      return hs_class_call_method (vm, ga, self, &name, 1, NULL);
    }
  return r;
}

/* CPython's type_set_qualname. */
static int
set_qualname (HsVM *vm, HsType *t, HsObject *value)
{
  if (value == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "cannot delete '__qualname__' attribute of immutable type '%s'", t->name);
      return -1;
    }
  if (!hs_str_check (value))
    {
      hs_err_format (vm, &hs_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                     t->name, hs_type_name (value));
      return -1;
    }
  HS_CLASS (t)->qualname = hs_str_intern_name_obj (vm, value);
  hs_object_mark_dirty (vm, (HsObject *)t);
  return 0;
}

/* type.__setattr__: a class's own store (CPython's type_setattro) */
static int
type_setattr_plain (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsType *t = (HsType *)self;
  if (!hs_str_check (name))
    {
      hs_err_format (vm, &hs_exc_TypeError, "attribute name must be string, not '%s'",
                     hs_type_name (name));
      return -1;
    }
  if (!(t->type_flags & HS_TYPE_HEAP))
    {
      hs_err_format (vm, &hs_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                     hs_str_utf8 (name), hs_type_tp_name (t));
      return -1;
    }
  if (hs_str_equal_cstr (name, "__qualname__"))
    return set_qualname (vm, t, value);
  HsObject *key = hs_str_intern_name_obj (vm, name);
  if (value == NULL)
    {
      if (hs_dict_get_item_borrow (vm, t->dict, key) == NULL)
        {
          hs_err_format (vm, &hs_exc_AttributeError, "type object '%s' has no attribute '%s'",
                         hs_type_tp_name (t), hs_str_utf8 (name));
          return -1;
        }
      if (hs_dict_del_item (vm, t->dict, key) < 0)
        return -1;
    }
  else if (hs_dict_set_item (vm, t->dict, key, value) < 0)
    return -1;
  if (value != NULL)
    hs_class_fixup_slot (t, hs_str_utf8 (key));
  hs_object_mark_dirty (vm, self);
  return 0;
}

/* Setting or deleting a class's attribute: its metaclass's __setattr__ or __delattr__
 * when it defines one (CPython's slot_tp_setattro on the metatype), else type's. */
static int
type_setattr_ext (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *hook
      = (self->type->type_flags & HS_TYPE_HEAP) ? setattr_hook (self->type, !value) : NULL;
  if (hook != NULL)
    {
      HsObject *hargs[2] = { name, value };
      HsObject *r = hs_class_call_method (vm, hook, self, hargs, value ? 2 : 1, NULL);
      if (r == NULL)
        return -1;
      hs_decref (vm, r);
      return 0;
    }
  return type_setattr_plain (vm, self, name, value);
}

static HsObject *
type_setattr_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL, *value = NULL;
  if (!hs_parse_args (vm, "__setattr__", args + 1, nargs - 1, kwnames, "name value /", &name,
                      &value))
    return NULL;
  return type_setattr_plain (vm, args[0], name, value) < 0 ? NULL : hs_None;
}

static HsObject *
type_delattr_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL;
  if (!hs_parse_args (vm, "__delattr__", args + 1, nargs - 1, kwnames, "!name", &name))
    return NULL;
  return type_setattr_plain (vm, args[0], name, NULL) < 0 ? NULL : hs_None;
}

/* ---- object's methods ----------------------------------------------------------------- */

static HsObject *
object_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsType *type = (HsType *)args[0]->type;
  HsObject *nw = hs_type_lookup_borrow (type, hs_dunder[N_NEW]);
  gboolean own = !is_builtin_init (hs_type_lookup_borrow (type, hs_dunder[N_INIT]));
  /* CPython's object_init: excess arguments are an error when the class overrides __init__,
   * or else when it has object's __new__ (a class with its own __new__ takes them) */
  if ((nargs <= 1 && (kwnames == NULL || hs_tuple_len (kwnames) == 0))
      || (!own
          && ((type->type_flags & HS_TYPE_HEAP) ? nw != NULL && nw != object_new_fn
                                                : type != &hs_object_type)))
    return hs_None;
  hs_err_format (vm, &hs_exc_TypeError,
                 "%s.__init__() takes exactly one argument (the instance to initialize)",
                 own ? "object" : type->name);
  return NULL;
}

static HsObject *
object_repr_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_object_default_repr (vm, args[0]);
}

static HsObject *
object_str_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_object_repr (vm, args[0]);
}

static HsObject *
type_subclasses_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__subclasses__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_class_subclasses_list (vm, (HsType *)args[0]);
}

static HsObject *
type_mro_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "mro", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsObject *t = hs_class_mro_tuple (vm, (HsType *)args[0]);
  if (t == NULL)
    return NULL;
  HsObject *l = hs_list_from_array (vm, hs_tuple_items (t), hs_tuple_len (t));
  hs_decref (vm, t);
  return l;
}

static HsObject *
type_init_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (kwnames != NULL && hs_tuple_len (kwnames) > 0 && nargs == 2)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "type.__init__() takes no keyword arguments");
      return NULL;
    }
  if (nargs != 2 && nargs != 4)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
      return NULL;
    }
  return hs_None;
}

/* type.__call__(cls, ...): what calling a class does, for a metaclass's __call__ to reach
 * through super(). */
static HsObject *
type_call_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_type_type.call (vm, args[0], args + 1, nargs - 1, kwnames);
}

gboolean
hs_class_is_type_call (HsObject *fn)
{
  return hs_cfunction_check (fn) && ((HsCFunctionObject *)fn)->def->fn == type_call_method;
}

static HsObject *
object_init_subclass (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 1 || (kwnames != NULL && hs_tuple_len (kwnames) > 0))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                     ((HsType *)args[0])->name);
      return NULL;
    }
  return hs_None;
}

static const HsMethodDef type_extra_methods[] = {

  { "mro", type_mro_method },
  { "__subclasses__", type_subclasses_method },
  { "__init__", type_init_method, HS_METH_SLOT },
  { "__call__", type_call_method, HS_METH_SLOT },
  { "__setattr__", type_setattr_method, HS_METH_SLOT },
  { "__delattr__", type_delattr_method, HS_METH_SLOT },
  { NULL, NULL },
};

static const HsMethodDef new_defs[] = {
  { "__new__", object_new_method },
  { "__new__", type_new_method },
};

static const HsMethodDef object_extra_methods[] = {
  { "__init__", object_init, HS_METH_SLOT },
  { "__repr__", object_repr_method, HS_METH_SLOT },
  { "__str__", object_str_method, HS_METH_SLOT },
  { "__init_subclass__", object_init_subclass, HS_METH_CLASS },

  { "__getattribute__", object_getattribute_method, HS_METH_SLOT },
  { "__setattr__", object_setattr_method, HS_METH_SLOT },
  { "__delattr__", object_delattr_method, HS_METH_SLOT },
  { NULL, NULL },
};

static void
add_methods (HsType *type, const HsMethodDef *defs)
{
  for (const HsMethodDef *m = defs; m->name != NULL; m++)
    {
      HsObject *name = hs_str_intern_cstr (m->name);
      if (hs_dict_get_item_borrow (NULL, type->dict, name) == NULL)
        hs_dict_set_item (NULL, type->dict, name, hs_method_descr_new (m, type));
    }
}

void
hs_class_runtime_init (void)
{
  hs_class_slots_init ();
  hs_type_ready (&hs_method_type);
  hs_type_ready (&hs_super_type);
  hs_type_ready (&hs_staticmethod_type);
  hs_type_ready (&hs_classmethod_type);
  hs_type_ready (&hs_property_type);
  hs_type_ready (&hs_member_descr_type);
  hs_type_ready (&hs_getset_descr_type);
  /* `type` gains what classes need: its own slots are static, so the extension is
   * installed once here (additive; static types behave as before). */
  type_getattr_base = hs_type_type.getattr;
  hs_type_type.getattr = type_getattr_ext;
  hs_type_type.setattr = type_setattr_ext;
  hs_type_type.refs = class_refs;
  hs_type_type.clear = class_clear;
  hs_type_type.dealloc = class_dealloc;
  add_methods (&hs_object_type, object_extra_methods);
  add_methods (&hs_object_type, hs_object_compare_methods);
  add_methods (&hs_type_type, type_extra_methods);
  add_methods (&hs_object_type, hs_object_more_methods);
  add_methods (&hs_type_type, hs_type_more_methods);
  object_new_fn = hs_cfunction_new (NULL, &new_defs[0], NULL);
  type_new_fn = hs_cfunction_new (NULL, &new_defs[1], NULL);
  hs_builtin_subclass_runtime_init ();
  hs_getset_install (&hs_int_type, "real imag numerator denominator", hs_int_part, NULL);
  hs_getset_install (&hs_float_type, "real imag", hs_float_part, NULL);
  hs_member_install_readonly (&hs_complex_type, "real imag", hs_complex_part);
  hs_getset_install (&hs_property_type, "__isabstractmethod__", property_isabstract, NULL);
  hs_dict_set_item (NULL, hs_object_type.dict, hs_dunder[N_NEW], object_new_fn);
  hs_dict_set_item (NULL, hs_type_type.dict, hs_dunder[N_NEW], type_new_fn);
  /* class objects are HsClass; `type` makes them from three arguments */
  hs_type_type.basicsize = sizeof (HsClass);
  hs_type_type.type_flags |= HS_TYPE_BASETYPE;
  hs_type_type.construct = type_construct;
}
