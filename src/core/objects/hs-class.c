/* hs-class.c — user classes and instances (see hs-class.h for the invariant).
 *
 * The dunder slots follow CPython's typeobject.c: a class that defines `__eq__` gets the
 * generic richcompare slot, which looks the method up on the instance's type at call
 * time, so subclasses and later assignments to the class work; the methods themselves
 * run in the VM (hs_vm_call_function), so their frames appear in tracebacks and traces.
 */
#include "config.h"

#include <string.h>

#include "hs-cell.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-recursion.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-frame.h"
#include "hs-function.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

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

static const char *const name_strs[N_COUNT] = {
  "__init__",
  "__repr__",
  "__str__",
  "__hash__",
  "__eq__",
  "__ne__",
  "__lt__",
  "__le__",
  "__gt__",
  "__ge__",
  "__bool__",
  "__len__",
  "__getitem__",
  "__setitem__",
  "__delitem__",
  "__contains__",
  "__iter__",
  "__next__",
  "__call__",
  "__getattr__",
  "__neg__",
  "__pos__",
  "__invert__",
  "__class__",
  "__dict__",
  "__doc__",
  "__index__",
  "__get__",
  "__set__",
  "__delete__",
  "__getattribute__",
  "__new__",
  "__init_subclass__",
  "__set_name__",
  "__class_getitem__",
  "__setattr__",
  "__delattr__",
  "__abstractmethods__",
};
static HsObject *names[N_COUNT];

static const char *const binop_names[HS_BIN_COUNT] = {
  "add",    "sub",    "mul", "truediv", "floordiv", "mod",    "pow",
  "lshift", "rshift", "and", "or",      "xor",      "matmul",
};
static HsObject *binop_dunder[HS_BIN_COUNT], *binop_rdunder[HS_BIN_COUNT],
    *binop_idunder[HS_BIN_COUNT];

static const HsCompareOp cmp_swap[]
    = { HS_CMP_GT, HS_CMP_GE, HS_CMP_EQ, HS_CMP_NE, HS_CMP_LT, HS_CMP_LE };

/* ---- calling methods ---------------------------------------------------------------- */

/* Calls `fn` (a class attribute) as a method of self with args (borrowed). */
static HsObject *
call_method (HsVM *vm, HsObject *fn, HsObject *self, HsObject **args, gsize nargs,
             HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  if (HS_IS (fn, &hs_function_type) || HS_IS (fn, &hs_method_descr_type))
    {
      HsObject *small[8];
      HsObject **all = nargs + nkw + 1 <= 8 ? small : g_new (HsObject *, nargs + nkw + 1);
      all[0] = self;
      if (nargs + nkw > 0)
        memcpy (all + 1, args, sizeof (HsObject *) * (nargs + nkw));
      HsObject *r = HS_IS (fn, &hs_function_type)
                        ? hs_vm_call_function (vm, fn, all, nargs + 1, kwnames)
                        : hs_cfunction_call_with_self (vm, ((HsCFunctionObject *)fn)->def, self,
                                                       args, nargs, kwnames);
      if (all != small)
        g_free (all);
      return r;
    }
  HsObject *bound = hs_descr_get (vm, fn, self, self->type);
  if (bound == NULL)
    return NULL;
  HsObject *r = hs_object_call (vm, bound, args, nargs, kwnames);
  hs_decref (vm, bound);
  return r;
}

/* self.<dunder>(args) looked up on the type only; NULL + no error when absent. */
static HsObject *
call_dunder (HsVM *vm, HsObject *self, HsObject *name, HsObject **args, gsize nargs,
             gboolean *found)
{
  HsObject *fn = hs_type_lookup_borrow (self->type, name);
  *found = fn != NULL && fn != hs_None;
  if (!*found)
    return NULL;
  return call_method (vm, fn, self, args, nargs, NULL);
}

HsObject *
hs_object_index (HsVM *vm, HsObject *o)
{
  gboolean found = FALSE;
  HsObject *r;

  if (hs_int_check (o))
    return hs_incref (o);
  r = (o->type->type_flags & HS_TYPE_HEAP) ? call_dunder (vm, o, names[N_INDEX], NULL, 0, &found)
                                           : NULL;
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (o));
      return NULL;
    }
  if (r != NULL && !hs_int_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__index__ returned non-int (type %s)",
                     hs_type_name (r));
      HS_CLEAR (vm, r);
    }
  return r;
}

gboolean
hs_object_has_index (HsObject *o)
{
  HsObject *fn;
  if (hs_int_check (o))
    return TRUE;
  fn = (o->type->type_flags & HS_TYPE_HEAP) ? hs_type_lookup_borrow (o->type, names[N_INDEX])
                                            : NULL;
  return fn != NULL && fn != hs_None;
}

/* ---- descriptors ------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *func;
} HsWrapper; /* staticmethod, classmethod */

typedef struct
{
  HsObject header;
  HsObject *fget, *fset;
} HsProperty;

/* The `__dict__` and `__weakref__` entries CPython puts in the namespace of the first class
 * of a hierarchy whose instances have them; what they read is the instance's own. Each
 * holds its class, as CPython's descriptor does (d_type): a reference the diagram lists
 * among the class's hidden holders. */
typedef struct
{
  HsObject header;
  HsObject *name;
  HsObject *owner; /* the class */
} HsGetset;

static HsObject *attrs_as_dict (HsVM *vm, HsObject *self);

HsObject *
hs_descr_get (HsVM *vm, HsObject *d, HsObject *obj, const HsType *type)
{
  if (HS_IS (d, &hs_getset_descr_type))
    {
      if (obj == NULL)
        return hs_incref (d);
      return ((HsGetset *)d)->name == names[N_DICT] ? attrs_as_dict (vm, obj) : hs_incref (hs_None);
    }
  if (HS_IS (d, &hs_function_type))
    return obj != NULL ? hs_method_new (vm, d, obj) : hs_incref (d);
  if (HS_IS (d, &hs_staticmethod_type))
    return hs_incref (((HsWrapper *)d)->func);
  if (HS_IS (d, &hs_classmethod_type))
    return hs_method_new (vm, ((HsWrapper *)d)->func, (HsObject *)type);
  if (HS_IS (d, &hs_property_type))
    {
      if (obj == NULL)
        return hs_incref (d);
      HsProperty *p = (HsProperty *)d;
      if (p->fget == NULL)
        {
          hs_err_set_string (vm, &hs_exc_AttributeError, "unreadable attribute");
          return NULL;
        }
      return hs_object_call (vm, p->fget, &obj, 1, NULL);
    }
  if (HS_IS (d, &hs_method_descr_type) && obj != NULL)
    {
      HsCFunctionObject *m = (HsCFunctionObject *)d;
      return hs_cfunction_new_method (vm, m->def, m->owner, obj);
    }
  if (HS_IS (d, &hs_classmethod_descr_type))
    {
      HsCFunctionObject *m = (HsCFunctionObject *)d;
      return hs_cfunction_new_method (vm, m->def, m->owner, (HsObject *)type);
    }
  HsObject *get
      = (d->type->type_flags & HS_TYPE_HEAP) ? hs_type_lookup_borrow (d->type, names[N_GET]) : NULL;
  if (get != NULL) /* a descriptor written in Python: __get__(obj or None, type) */
    {
      HsObject *args[2] = { obj != NULL ? obj : hs_None, (HsObject *)type };
      return call_method (vm, get, d, args, 2, NULL);
    }
  return hs_incref (d);
}

/* A data descriptor (it defines __set__ or __delete__) wins over the instance's own
 * attribute. */
static gboolean
is_data_descr (HsObject *d)
{
  if (HS_IS (d, &hs_property_type))
    return TRUE;
  return (d->type->type_flags & HS_TYPE_HEAP)
         && (hs_type_lookup_borrow (d->type, names[N_SET]) != NULL
             || hs_type_lookup_borrow (d->type, names[N_DELETE]) != NULL);
}

/* ---- instances ----------------------------------------------------------------------- */

static HsAttrs *
attrs_of (HsObject *o)
{
  HsClass *c = HS_CLASS (o->type);
  return (HsAttrs *)((char *)o + c->attrs_offset);
}

static int
attrs_find (HsAttrs *a, HsObject *name)
{
  for (guint32 i = 0; i < a->len; i++)
    if (a->names[i] == name)
      return (int)i;
  for (guint32 i = 0; i < a->len; i++)
    if (hs_str_equal (a->names[i], name))
      return (int)i;
  return -1;
}

static HsObject *
intern_name (HsObject *name)
{
  if (hs_is_immortal (name))
    return name;
  return hs_str_intern (hs_str_utf8 (name), hs_str_byte_len (name));
}

static int
attrs_set (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsAttrs *a = attrs_of (self);
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
      HsObject *old = a->values[i];
      a->values[i] = hs_incref (value);
      hs_object_mark_dirty (vm, self);
      hs_decref (vm, old);
      return 0;
    }
  if (a->len == a->cap)
    {
      guint32 cap = a->cap ? a->cap * 2 : 4;
      HsObject **n
          = hs_mem_realloc (vm, a->names, sizeof (HsObject *) * a->cap, sizeof (HsObject *) * cap);
      if (n == NULL)
        return -1;
      a->names = n;
      HsObject **v
          = hs_mem_realloc (vm, a->values, sizeof (HsObject *) * a->cap, sizeof (HsObject *) * cap);
      if (v == NULL)
        {
          /* keep names consistent with the old capacity */
          a->names = hs_mem_realloc (vm, a->names, sizeof (HsObject *) * cap,
                                     sizeof (HsObject *) * a->cap);
          return -1;
        }
      a->values = v;
      a->cap = cap;
    }
  a->names[a->len] = intern_name (name);
  a->values[a->len] = hs_incref (value);
  a->len++;
  hs_object_mark_dirty (vm, self);
  return 0;
}

int
hs_instance_set_attr (HsVM *vm, HsObject *inst, HsObject *name, HsObject *value)
{
  return attrs_set (vm, inst, name, value);
}

static void
attrs_release (HsVM *vm, HsObject *self)
{
  HsAttrs *a = attrs_of (self);
  HsObject **values = a->values, **names = a->names;
  guint32 len = a->len, cap = a->cap;
  a->values = a->names = NULL;
  a->len = a->cap = 0;
  for (guint32 i = 0; i < len; i++)
    hs_decref (vm, values[i]);
  hs_mem_realloc (vm, values, sizeof (HsObject *) * cap, 0);
  hs_mem_realloc (vm, names, sizeof (HsObject *) * cap, 0);
}

/* The class row, what the built-in base holds (an exception's args), the attributes. */
static void
instance_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsClass *c = HS_CLASS (self->type);
  hs_visit_named (visit, (HsObject *)c, HS_REF_CLASS, NULL, data);
  if (c->static_base->refs != NULL)
    c->static_base->refs (self, visit, data);
  HsAttrs *a = attrs_of (self);
  for (guint32 i = 0; i < a->len; i++)
    hs_visit_attr_str (visit, a->values[i], a->names[i], data);
}

static void
instance_clear (HsVM *vm, HsObject *self)
{
  HsClass *c = HS_CLASS (self->type);
  if (c->static_base->clear != NULL)
    c->static_base->clear (vm, self);
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
  if (c->static_base->dealloc != NULL)
    c->static_base->dealloc (vm, self);
  attrs_release (vm, self);
  release_class_late (vm, (HsObject *)c);
}

gboolean
hs_instance_next_attr (HsObject *inst, gsize *pos, HsObject **name, HsObject **value)
{
  HsAttrs *a = attrs_of (inst);
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
  int i = attrs_find (a, name);
  return i >= 0 ? a->values[i] : NULL;
}

static HsObject *
attrs_as_dict (HsVM *vm, HsObject *self)
{
  HsObject *d = hs_dict_new (vm);
  if (d == NULL)
    return NULL;
  HsAttrs *a = attrs_of (self);
  for (guint32 i = 0; i < a->len; i++)
    if (hs_dict_set_item (vm, d, a->names[i], a->values[i]) < 0)
      {
        hs_decref (vm, d);
        return NULL;
      }
  return d;
}

/* CPython's PyObject_GenericGetAttr for an instance (what object.__getattribute__ does). */
static HsObject *
generic_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  const HsType *t = self->type;
  HsObject *d = hs_type_lookup_borrow (t, name);
  if (d != NULL && is_data_descr (d))
    return hs_descr_get (vm, d, self, t);
  HsAttrs *a = attrs_of (self);
  int i = attrs_find (a, name);
  if (i >= 0)
    return hs_incref (a->values[i]);
  if (d != NULL)
    return hs_descr_get (vm, d, self, t);
  if (name == names[N_CLASS])
    return hs_incref ((HsObject *)t);
  if (name == names[N_DICT])
    return attrs_as_dict (vm, self);
  HsType *sb = HS_CLASS (t)->static_base;
  if (sb->getattr != NULL)
    return sb->getattr (vm, self, name);
  hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                 hs_str_utf8 (name));
  return NULL;
}

/* CPython's slot_tp_getattr_hook: the class's __getattribute__ or the generic lookup, then
 * __getattr__ when that raised AttributeError. */
static HsObject *
instance_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *r = HS_CLASS (self->type)->has_getattribute
                    ? call_method (vm, hs_type_lookup_borrow (self->type, names[N_GETATTRIBUTE]),
                                   self, &name, 1, NULL)
                    : generic_getattr (vm, self, name);
  HsObject *ga;
  if (r == NULL && hs_err_matches (vm, &hs_exc_AttributeError)
      && (ga = hs_type_lookup_borrow (self->type, names[N_GETATTR])) != NULL)
    {
      hs_err_clear (vm);
      return call_method (vm, ga, self, &name, 1, NULL);
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

/* CPython's slot_tp_setattro: the class's __setattr__ or __delattr__ (defined in the class
 * or installed by a decorator, a frozen dataclass's), else the generic store. */
static int
instance_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *hook = hs_type_lookup_borrow (self->type, names[value ? N_SETATTR : N_DELATTR]);
  if (hook != NULL
      && !(HS_IS (hook, &hs_method_descr_type)
           && (((HsCFunctionObject *)hook)->def->fn == object_setattr_method
               || ((HsCFunctionObject *)hook)->def->fn == object_delattr_method)))
    {
      HsObject *hargs[2] = { name, value },
               *r = call_method (vm, hook, self, hargs, value ? 2 : 1, NULL);
      if (r == NULL)
        return -1;
      hs_decref (vm, r);
      return 0;
    }
  return generic_setattr (vm, self, name, value);
}

/* CPython's PyObject_GenericSetAttr for an instance: a data descriptor's __set__ or
 * __delete__, else the instance's own attribute. */
static int
generic_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *d = hs_type_lookup_borrow (self->type, name);
  if (d != NULL && !HS_IS (d, &hs_property_type) && is_data_descr (d))
    {
      HsObject *fn = hs_type_lookup_borrow (d->type, names[value ? N_SET : N_DELETE]);
      if (fn == NULL)
        {
          hs_err_set_string (vm, &hs_exc_AttributeError, value ? "__set__" : "__delete__");
          return -1;
        }
      HsObject *dargs[2] = { self, value };
      HsObject *r = call_method (vm, fn, d, dargs, value ? 2 : 1, NULL);
      if (r == NULL)
        return -1;
      hs_decref (vm, r);
      return 0;
    }
  if (d != NULL && HS_IS (d, &hs_property_type))
    {
      HsProperty *p = (HsProperty *)d;
      if (p->fset == NULL || value == NULL)
        {
          hs_err_format (vm, &hs_exc_AttributeError, "property '%s' of '%s' object has no %s",
                         hs_str_utf8 (name), hs_type_name (self), value ? "setter" : "deleter");
          return -1;
        }
      HsObject *args[2] = { self, value };
      HsObject *r = hs_object_call (vm, p->fset, args, 2, NULL);
      if (r == NULL)
        return -1;
      hs_decref (vm, r);
      return 0;
    }
  return attrs_set (vm, self, name, value);
}

/* What abc.abstractmethod marked, also inside a property, staticmethod or classmethod. */
static gboolean
is_abstract (HsObject *v)
{
  if (v == NULL)
    return FALSE;
  if (HS_IS (v, &hs_property_type))
    return is_abstract (((HsProperty *)v)->fget) || is_abstract (((HsProperty *)v)->fset);
  if (HS_IS (v, &hs_staticmethod_type) || HS_IS (v, &hs_classmethod_type))
    return is_abstract (((HsWrapper *)v)->func);
  return (v->flags & HS_FLAG_ABSTRACT) != 0;
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

  if (hs_type_lookup_borrow (type, names[N_ABSTRACTMETHODS]) == NULL || mro == NULL)
    return TRUE;
  found = g_ptr_array_new ();
  for (gsize i = 0; i < hs_tuple_len (mro); i++)
    {
      HsObject *c = hs_tuple_get_borrow (mro, i);
      gsize pos = 0;
      if (!hs_class_check (c))
        continue;
      while (hs_dict_next (((HsType *)c)->dict, &pos, &k, &v))
        if (is_abstract (v) && is_abstract (hs_type_lookup_borrow (type, k))
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
         || (HS_IS (init, &hs_method_descr_type)
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
hs_class_start_instance (HsVM *vm, HsObject *cls, HsObject **args, gsize nargs, HsObject **init)
{
  HsType *type = (HsType *)cls;
  HsObject *found = hs_type_lookup_borrow (type, names[N_INIT]);

  *init = NULL;
  if (cls->type != &hs_type_type || hs_type_lookup_borrow (type, names[N_NEW]) != object_new_fn
      || found == NULL || !HS_IS (found, &hs_function_type)
      || (HS_FUNCTION (found)->code->flags & HS_CODE_GENERATOR))
    return NULL;
  *init = found;
  return new_instance (vm, type, args, nargs);
}

/* cls(args) with object's __new__: CPython's object_new, whose excess arguments are an
 * error unless the class defines __init__ (then __init__ checks them). */
static HsObject *
object_new (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gboolean excess = nargs > 0 || (kwnames != NULL && hs_tuple_len (kwnames) > 0);
  HsType *sb = type->type_flags & HS_TYPE_HEAP ? HS_CLASS (type)->static_base : type;

  if (excess && sb == &hs_object_type)
    {
      if (hs_type_lookup_borrow (type, names[N_NEW]) != object_new_fn)
        {
          hs_err_set_string (
              vm, &hs_exc_TypeError,
              "object.__new__() takes exactly one argument (the type to instantiate)");
          return NULL;
        }
      if (is_builtin_init (hs_type_lookup_borrow (type, names[N_INIT])))
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
static HsType *
new_target (HsVM *vm, const char *owner, HsObject **args, gsize nargs)
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
  HsType *type = new_target (vm, "object", args, nargs);
  if (type == NULL)
    return NULL;
  HsType *sb = type->type_flags & HS_TYPE_HEAP ? HS_CLASS (type)->static_base : type;
  if (sb != &hs_object_type && !(sb->type_flags & HS_TYPE_EXCEPTION))
    {
      hs_err_format (vm, &hs_exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                     type->name, sb->name);
      return NULL;
    }
  return object_new (vm, type, args + 1, nargs - 1, kwnames);
}

/* Calls the __new__ found for `type` as __new__(type, *args, **kw). */
static HsObject *
call_new (HsVM *vm, HsObject *fn, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  HsObject *small[8];
  HsObject **all = nargs + nkw + 1 <= 8 ? small : g_new (HsObject *, nargs + nkw + 1);
  if (HS_IS (fn, &hs_staticmethod_type))
    fn = ((HsWrapper *)fn)->func;
  all[0] = (HsObject *)type;
  if (nargs + nkw > 0)
    memcpy (all + 1, args, sizeof (HsObject *) * (nargs + nkw));
  HsObject *r = hs_object_call (vm, fn, all, nargs + 1, kwnames);
  if (all != small)
    g_free (all);
  return r;
}

/* Runs the class's __init__ on what __new__ made (a Python one must return None;
 * object.__init__ and type.__init__ have nothing left to do). */
static int
run_init (HsVM *vm, HsType *type, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *init = hs_type_lookup_borrow (type, names[N_INIT]);
  if (is_builtin_init (init))
    return 0;
  HsObject *r = call_method (vm, init, self, args, nargs, kwnames);
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
  HsObject *nw = hs_type_lookup_borrow (type, names[N_NEW]);
  HsObject *self = nw == type_new_fn ? type_new (vm, type, args, nargs, kwnames)
                   : nw == object_new_fn || nw == NULL
                       ? object_new (vm, type, args, nargs, kwnames)
                       : call_new (vm, nw, type, args, nargs, kwnames);
  if (self == NULL || !HS_ISINSTANCE (self, type))
    return self;
  if (run_init (vm, type, self, args, nargs, kwnames) < 0)
    HS_CLEAR (vm, self);
  return self;
}

/* ---- dunder slots -------------------------------------------------------------------- */

static HsObject *
check_str_result (HsVM *vm, HsObject *r, const char *what)
{
  if (r != NULL && !hs_str_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s returned non-string (type %s)", what,
                     hs_type_name (r));
      hs_decref (vm, r);
      return NULL;
    }
  return r;
}

static HsObject *
slot_repr (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[N_REPR], NULL, 0, &found);
  if (!found)
    return hs_object_default_repr (vm, self);
  return check_str_result (vm, r, "__repr__");
}

static HsObject *
slot_str (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[N_STR], NULL, 0, &found);
  if (!found)
    return hs_object_repr (vm, self);
  return check_str_result (vm, r, "__str__");
}

static int
slot_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[N_HASH], NULL, 0, &found);
  if (!found)
    return hs_object_hash_not_implemented (vm, self, out);
  if (r == NULL)
    return -1;
  if (!hs_int_check (r))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "__hash__ method should return an integer");
      hs_decref (vm, r);
      return -1;
    }
  int rc = hs_object_hash (vm, r, out);
  hs_decref (vm, r);
  return rc;
}

static HsObject *
slot_richcompare (HsVM *vm, HsObject *self, HsObject *other, HsCompareOp op)
{
  static const int idx[] = { N_LT, N_LE, N_EQ, N_NE, N_GT, N_GE };
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[idx[op]], &other, 1, &found);
  if (found)
    return r;
  if (op == HS_CMP_NE)
    {
      r = call_dunder (vm, self, names[N_EQ], &other, 1, &found);
      if (found)
        {
          if (r == NULL || r == hs_NotImplemented)
            return r;
          int t = hs_object_truth (vm, r);
          hs_decref (vm, r);
          return t < 0 ? NULL : hs_bool_from (!t);
        }
    }
  if (op == HS_CMP_EQ && self == other)
    return hs_True;
  return hs_incref (hs_NotImplemented);
}

static gboolean
has_dunder (HsObject *o, HsObject *name)
{
  if (!(o->type->type_flags & HS_TYPE_HEAP))
    return FALSE;
  HsObject *f = hs_type_lookup_borrow (o->type, name);
  return f != NULL && f != hs_None;
}

static HsObject *
slot_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  gboolean found;
  gboolean do_other = a->type != b->type && has_dunder (b, binop_rdunder[op]);
  if (has_dunder (a, binop_dunder[op]))
    {
      if (do_other && hs_type_is_subtype (b->type, a->type))
        {
          HsObject *r = call_dunder (vm, b, binop_rdunder[op], &a, 1, &found);
          if (r != hs_NotImplemented)
            return r;
          hs_decref (vm, r);
          do_other = FALSE;
        }
      HsObject *r = call_dunder (vm, a, binop_dunder[op], &b, 1, &found);
      if (r != hs_NotImplemented)
        return r;
      hs_decref (vm, r);
    }
  if (do_other)
    return call_dunder (vm, b, binop_rdunder[op], &a, 1, &found);
  return hs_incref (hs_NotImplemented);
}

static HsObject *
slot_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  gboolean found;
  HsObject *r = call_dunder (vm, a, binop_idunder[op], &b, 1, &found);
  return found ? r : hs_incref (hs_NotImplemented);
}

static HsObject *
slot_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  static const int idx[] = { N_NEG, N_POS, N_INVERT };
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[idx[op]], NULL, 0, &found);
  return found ? r : hs_incref (hs_NotImplemented);
}

static gssize slot_len (HsVM *vm, HsObject *self);

static int
slot_truth (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[N_BOOL], NULL, 0, &found);
  if (!found)
    {
      if (has_dunder (self, names[N_LEN]))
        {
          gssize n = slot_len (vm, self);
          return n < 0 ? -1 : n > 0;
        }
      return 1;
    }
  if (r == NULL)
    return -1;
  if (r != hs_True && r != hs_False)
    {
      hs_err_format (vm, &hs_exc_TypeError, "__bool__ should return bool, returned %s",
                     hs_type_name (r));
      hs_decref (vm, r);
      return -1;
    }
  return r == hs_True;
}

static gssize
slot_len (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[N_LEN], NULL, 0, &found);
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError, "object of type '%s' has no len()",
                     hs_type_name (self));
      return -1;
    }
  if (r == NULL)
    return -1;
  if (!hs_int_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (r));
      hs_decref (vm, r);
      return -1;
    }
  gint64 n = 0;
  gboolean fits = hs_int_as_i64 (r, &n);
  hs_decref (vm, r);
  if (fits && n < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "__len__() should return >= 0");
      return -1;
    }
  if (!fits)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
      return -1;
    }
  return (gssize)n;
}

static HsObject *
slot_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[N_GETITEM], &key, 1, &found);
  if (!found)
    hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not subscriptable", hs_type_name (self));
  return r;
}

static int
slot_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  gboolean found;
  HsObject *args[2] = { key, value };
  HsObject *r = value != NULL ? call_dunder (vm, self, names[N_SETITEM], args, 2, &found)
                              : call_dunder (vm, self, names[N_DELITEM], args, 1, &found);
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     value != NULL ? "'%s' object does not support item assignment"
                                   : "'%s' object does not support item deletion",
                     hs_type_name (self));
      return -1;
    }
  if (r == NULL)
    return -1;
  hs_decref (vm, r);
  return 0;
}

static int
slot_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[N_CONTAINS], &item, 1, &found);
  if (!found) /* fall back to iteration, as CPython does */
    return hs_object_iter_search (vm, self, item);
  if (r == NULL)
    return -1;
  int t = hs_object_truth (vm, r);
  hs_decref (vm, r);
  return t;
}

static HsObject *
slot_iter (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[N_ITER], NULL, 0, &found);
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not iterable", hs_type_name (self));
      return NULL;
    }
  if (r != NULL && r->type->iternext == NULL && !has_dunder (r, names[N_NEXT]))
    {
      const HsType *t = r->type;
      while (t != NULL && t->iternext == NULL)
        t = t->base;
      if (t == NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError, "iter() returned non-iterator of type '%s'",
                         hs_type_name (r));
          hs_decref (vm, r);
          return NULL;
        }
    }
  return r;
}

static HsObject *
slot_iternext (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = call_dunder (vm, self, names[N_NEXT], NULL, 0, &found);
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not an iterator", hs_type_name (self));
      return NULL;
    }
  if (r == NULL && hs_err_matches (vm, &hs_exc_StopIteration))
    {
      if (vm->for_iter_frame != NULL && vm->for_iter_frame == vm->frame)
        {
          HS_CLEAR (vm, vm->for_iter_stop);
          vm->for_iter_stop = hs_err_fetch (vm);
        }
      else
        hs_err_clear (vm);
    }
  return r;
}

static HsObject *
slot_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fn = hs_type_lookup_borrow (self->type, names[N_CALL]);
  if (fn == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not callable", hs_type_name (self));
      return NULL;
    }
  return call_method (vm, fn, self, args, nargs, kwnames);
}

/* Installs the slot(s) a dunder name in the class body implies. */
static void
fixup_slot (HsType *t, const char *n)
{
  if (n[0] != '_' || n[1] != '_')
    return;
  if (strcmp (n, "__repr__") == 0)
    t->repr = slot_repr;
  else if (strcmp (n, "__str__") == 0)
    t->str = slot_str;
  else if (strcmp (n, "__hash__") == 0)
    t->hash = slot_hash;
  else if (strcmp (n, "__eq__") == 0 || strcmp (n, "__ne__") == 0 || strcmp (n, "__lt__") == 0
           || strcmp (n, "__le__") == 0 || strcmp (n, "__gt__") == 0 || strcmp (n, "__ge__") == 0)
    t->richcompare = slot_richcompare;
  else if (strcmp (n, "__bool__") == 0)
    t->truth = slot_truth;
  else if (strcmp (n, "__len__") == 0)
    t->len = slot_len;
  else if (strcmp (n, "__getitem__") == 0)
    t->getitem = slot_getitem;
  else if (strcmp (n, "__setitem__") == 0 || strcmp (n, "__delitem__") == 0)
    t->setitem = slot_setitem;
  else if (strcmp (n, "__contains__") == 0)
    t->contains = slot_contains;
  else if (strcmp (n, "__iter__") == 0)
    t->iter = slot_iter;
  else if (strcmp (n, "__next__") == 0)
    t->iternext = slot_iternext;
  else if (strcmp (n, "__call__") == 0)
    t->call = slot_call;
  else if (strcmp (n, "__getattribute__") == 0)
    HS_CLASS (t)->has_getattribute = TRUE;
  else if (strcmp (n, "__neg__") == 0 || strcmp (n, "__pos__") == 0
           || strcmp (n, "__invert__") == 0)
    t->unaryop = slot_unaryop;
  else
    for (int i = 0; i < HS_BIN_COUNT; i++)
      {
        const char *b = binop_names[i];
        gsize bl = strlen (b), nl = strlen (n);
        if (nl != bl + 4 && nl != bl + 5)
          continue;
        if (nl == bl + 4 && strncmp (n + 2, b, bl) == 0 && strcmp (n + 2 + bl, "__") == 0)
          t->binop = slot_binop;
        else if (nl == bl + 5 && (n[2] == 'r' || n[2] == 'i') && strncmp (n + 3, b, bl) == 0
                 && strcmp (n + 3 + bl, "__") == 0)
          {
            if (n[2] == 'r')
              t->binop = slot_binop;
            else
              t->inplace = slot_inplace;
          }
      }
}

/* ---- classes ------------------------------------------------------------------------ */

const char *
hs_class_name (HsObject *cls)
{
  return ((HsType *)cls)->name;
}

HsObject *
hs_class_base_borrow (HsObject *cls)
{
  return (HsObject *)((HsType *)cls)->base;
}

int
hs_class_internals (HsObject *cls, HsObject **objs, const char **names)
{
  HsClass *c = HS_CLASS (cls);
  int n = 0;

  if (c->mro != NULL)
    {
      names[n] = "__mro__";
      objs[n++] = c->mro;
    }
  if (c->bases != NULL)
    {
      names[n] = "__bases__";
      objs[n++] = c->bases;
    }
  gsize pos = 0;
  HsObject *k, *v;
  while (c->type.dict != NULL && hs_dict_next (c->type.dict, &pos, &k, &v) && n < 4)
    if (HS_IS (v, &hs_getset_descr_type) && ((HsGetset *)v)->owner == cls)
      {
        names[n] = hs_str_utf8 (((HsGetset *)v)->name);
        objs[n++] = v;
      }
  return n;
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

static HsObject *
getset_new (HsVM *vm, const char *name, HsClass *owner)
{
  HsGetset *g = (HsGetset *)hs_object_alloc (vm, &hs_getset_descr_type, sizeof (HsGetset));
  if (g == NULL)
    return NULL;
  g->name = hs_str_intern_cstr (name);
  g->owner = hs_incref ((HsObject *)owner);
  hs_gc_track (vm, (HsObject *)g);
  return (HsObject *)g;
}

static void
getset_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit (visit, ((HsGetset *)self)->owner, data);
}

static void
getset_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsGetset *)self)->owner);
}

static HsObject *
getset_repr (HsVM *vm, HsObject *self)
{
  HsGetset *g = (HsGetset *)self;
  return hs_str_from_format (vm, "<attribute '%s' of '%s' objects>", hs_str_utf8 (g->name),
                             hs_class_name (g->owner));
}

HsType hs_getset_descr_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "getset_descriptor",
  .base = &hs_object_type,
  .basicsize = sizeof (HsGetset),
  .type_flags = HS_TYPE_GC,
  .dealloc = getset_clear,
  .refs = getset_refs,
  .clear = getset_clear,
  .repr = getset_repr,
};

/* Whether instances of t carry an attribute dict and a weak reference list: a user class's
 * do (there is no __slots__), exceptions have a dict. */
static gboolean
has_instance_slot (const HsType *t, gboolean dict_slot)
{
  return (t->type_flags & HS_TYPE_HEAP) || hs_type_is_subtype (t, &hs_type_type)
         || (dict_slot && (t->type_flags & HS_TYPE_EXCEPTION));
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

const HsType *
hs_type_mro_at (const HsType *t, gsize i)
{
  HsObject *mro = (t->type_flags & HS_TYPE_HEAP) ? HS_CLASS (t)->mro : NULL;

  if (mro != NULL)
    return i < hs_tuple_len (mro) ? (const HsType *)hs_tuple_get_borrow (mro, i) : NULL;
  for (; t != NULL && i > 0; i--)
    t = t->base;
  return t;
}

gboolean
hs_class_mro_contains (const HsType *t, const HsType *base)
{
  const HsType *m;
  for (gsize i = 0; (m = hs_type_mro_at (t, i)) != NULL; i++)
    if (m == base)
      return TRUE;
  return FALSE;
}

/* A new tuple of t's method resolution order (what `__mro__` gives). */
static HsObject *
mro_tuple (HsVM *vm, const HsType *t)
{
  gsize n = 0;
  while (hs_type_mro_at (t, n) != NULL)
    n++;
  HsObject *tup = hs_tuple_new (vm, n);
  if (tup == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    hs_tuple_set_take (tup, i, hs_incref ((HsObject *)hs_type_mro_at (t, i)));
  return tup;
}

/* CPython's set_mro_error: the heads that could not be placed, each named once. */
static void
set_mro_error (HsVM *vm, HsObject **seqs, gsize nseqs, const gsize *remain)
{
  g_autoptr (GPtrArray) heads = g_ptr_array_new ();
  g_autoptr (GString) msg
      = g_string_new ("Cannot create a consistent method resolution\norder (MRO) for bases");

  for (gsize i = 0; i < nseqs; i++)
    if (remain[i] < hs_tuple_len (seqs[i])
        && !g_ptr_array_find (heads, hs_tuple_get_borrow (seqs[i], remain[i]), NULL))
      g_ptr_array_add (heads, hs_tuple_get_borrow (seqs[i], remain[i]));
  for (guint i = 0; i < heads->len; i++)
    g_string_append_printf (msg, "%s %s", i > 0 ? "," : "",
                            ((HsType *)g_ptr_array_index (heads, i))->name);
  hs_err_set_string (vm, &hs_exc_TypeError, msg->str);
}

static gboolean
tail_contains (HsObject *seq, gsize whence, HsObject *o)
{
  for (gsize j = whence + 1; j < hs_tuple_len (seq); j++)
    if (hs_tuple_get_borrow (seq, j) == o)
      return TRUE;
  return FALSE;
}

/* CPython's pmerge: the C3 merge of seqs into acc; FALSE with the MRO TypeError set. */
static gboolean
c3_merge (HsVM *vm, GPtrArray *acc, HsObject **seqs, gsize nseqs)
{
  g_autofree gsize *remain = g_new0 (gsize, nseqs);
  gsize empty;

again:
  empty = 0;
  for (gsize i = 0; i < nseqs; i++)
    {
      if (remain[i] >= hs_tuple_len (seqs[i]))
        {
          empty++;
          continue;
        }
      HsObject *candidate = hs_tuple_get_borrow (seqs[i], remain[i]);
      gboolean in_tail = FALSE;
      for (gsize j = 0; j < nseqs && !in_tail; j++)
        in_tail = tail_contains (seqs[j], remain[j], candidate);
      if (in_tail)
        continue;
      g_ptr_array_add (acc, candidate);
      for (gsize j = 0; j < nseqs; j++)
        if (remain[j] < hs_tuple_len (seqs[j])
            && hs_tuple_get_borrow (seqs[j], remain[j]) == candidate)
          remain[j]++;
      goto again;
    }
  if (empty != nseqs)
    {
      set_mro_error (vm, seqs, nseqs, remain);
      return FALSE;
    }
  return TRUE;
}

/* CPython's mro_implementation: the class, then the C3 merge of its bases' MROs and of its
 * bases; a new tuple, or NULL with "duplicate base class" or the MRO TypeError. */
static HsObject *
compute_mro (HsVM *vm, HsClass *c)
{
  gsize nbases = hs_tuple_len (c->bases);
  g_autoptr (GPtrArray) acc = g_ptr_array_new ();
  HsObject **seqs = g_new0 (HsObject *, nbases + 1);
  HsObject *r = NULL;

  for (gsize i = 0; i < nbases; i++)
    for (gsize j = i + 1; j < nbases; j++)
      if (hs_tuple_get_borrow (c->bases, i) == hs_tuple_get_borrow (c->bases, j))
        {
          hs_err_format (vm, &hs_exc_TypeError, "duplicate base class %s",
                         ((HsType *)hs_tuple_get_borrow (c->bases, i))->name);
          goto out;
        }
  for (gsize i = 0; i < nbases; i++)
    if ((seqs[i] = mro_tuple (vm, (HsType *)hs_tuple_get_borrow (c->bases, i))) == NULL)
      goto out;
  seqs[nbases] = hs_incref (c->bases);
  g_ptr_array_add (acc, c);
  /* one base: its MRO as it is (CPython's shortcut, which also skips the merge) */
  if (nbases == 1)
    for (gsize j = 0; j < hs_tuple_len (seqs[0]); j++)
      g_ptr_array_add (acc, hs_tuple_get_borrow (seqs[0], j));
  else if (!c3_merge (vm, acc, seqs, nbases + 1))
    goto out;
  r = hs_tuple_from_array (vm, (HsObject **)acc->pdata, acc->len);
out:
  for (gsize i = 0; i <= nbases; i++)
    hs_xdecref (vm, seqs[i]);
  g_free (seqs);
  return r;
}

/* CPython's solid_base: the nearest ancestor whose instances are laid out differently from
 * its base's (a class adds only its attribute table, which does not count). */
static const HsType *
solid_base (const HsType *t)
{
  if (t->type_flags & HS_TYPE_HEAP)
    return solid_base (HS_CLASS (t)->static_base);
  const HsType *b = t->base != NULL ? solid_base (t->base) : &hs_object_type;
  return t->basicsize != b->basicsize ? t : b;
}

/* CPython's best_base: the base whose layout the new class's instances extend. */
static HsType *
best_base (HsVM *vm, HsObject **bases, gsize nbases)
{
  HsType *base = NULL;
  const HsType *winner = NULL;

  if (nbases == 0)
    return &hs_object_type;
  for (gsize i = 0; i < nbases; i++)
    {
      if (!hs_type_check (bases[i]))
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "bases must be types");
          return NULL;
        }
      HsType *b = (HsType *)bases[i];
      if (!(b->type_flags & HS_TYPE_BASETYPE))
        {
          hs_err_format (vm, &hs_exc_TypeError, "type '%s' is not an acceptable base type",
                         b->name);
          return NULL;
        }
      const HsType *candidate = solid_base (b);
      if (winner == NULL || (hs_type_is_subtype (candidate, winner) && candidate != winner))
        {
          winner = candidate;
          base = b;
        }
      else if (!hs_type_is_subtype (winner, candidate))
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "multiple bases have instance lay-out conflict");
          return NULL;
        }
    }
  return base;
}

/* The built-in part of each base is object, type or an exception class: others are
 * refused. */
static gboolean
check_static_bases (HsVM *vm, HsObject **bases, gsize nbases)
{
  for (gsize i = 0; i < nbases; i++)
    {
      HsType *b = (HsType *)bases[i];
      if (b->type_flags & HS_TYPE_HEAP)
        b = HS_CLASS (b)->static_base;
      if (b != &hs_object_type && b != &hs_type_type && !(b->type_flags & HS_TYPE_EXCEPTION))
        {
          hs_err_format (vm, &hs_exc_NotImplementedError,
                         "subclassing the built-in type '%s' is not supported by Heapscope yet",
                         b->name);
          return FALSE;
        }
    }
  return TRUE;
}

HsObject *
hs_class_calculate_metaclass (HsVM *vm, HsObject *meta, HsObject **bases, gsize nbases)
{
  const HsType *winner;

  if (meta == NULL)
    meta = nbases > 0 ? (HsObject *)bases[0]->type : (HsObject *)&hs_type_type;
  if (!HS_ISINSTANCE (meta, &hs_type_type))
    return meta; /* a callable: called as it is */
  winner = (const HsType *)meta;
  for (gsize i = 0; i < nbases; i++)
    {
      const HsType *t = bases[i]->type;
      if (hs_type_is_subtype (winner, t))
        continue;
      if (hs_type_is_subtype (t, winner))
        {
          winner = t;
          continue;
        }
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "metaclass conflict: the metaclass of a derived class must be a "
                         "(non-strict) subclass of the metaclasses of all its bases");
      return NULL;
    }
  return (HsObject *)winner;
}

/* Installs the slots the dunders of the class's ancestors imply (reversed MRO, so nearer
 * classes come last): with several bases, inherited slots are not all along `base`. */
static void
inherit_slots (HsType *t)
{
  HsObject *mro = HS_CLASS (t)->mro;
  for (gsize i = hs_tuple_len (mro) - 1; i >= 1; i--)
    {
      HsType *b = (HsType *)hs_tuple_get_borrow (mro, i);
      gsize pos = 0;
      HsObject *k, *v;
      if (!(b->type_flags & HS_TYPE_HEAP))
        continue;
      while (hs_dict_next (b->dict, &pos, &k, &v))
        if (hs_str_check (k))
          fixup_slot (t, hs_str_utf8 (k));
    }
}

/* What CPython's type_new adds to a new class's namespace after the body ran, in its order:
 * the `__dict__`/`__weakref__` descriptors where the hierarchy gains them, `__doc__` and,
 * for a class defining `__eq__` alone, `__hash__ = None`. */
static int
add_type_new_entries (HsVM *vm, HsClass *c, gboolean unhashable)
{
  HsType *t = &c->type;
  HsObject *ns = t->dict;
  if (!has_instance_slot (t->base, TRUE)
      && set_entry (vm, ns, "__dict__", getset_new (vm, "__dict__", c)) < 0)
    return -1;
  if (!has_instance_slot (t->base, FALSE)
      && set_entry (vm, ns, "__weakref__", getset_new (vm, "__weakref__", c)) < 0)
    return -1;
  if (hs_dict_get_item_borrow (vm, ns, names[N_DOC]) == NULL
      && set_entry (vm, ns, "__doc__", hs_incref (hs_None)) < 0)
    return -1;
  if (unhashable && set_entry (vm, ns, "__hash__", hs_incref (hs_None)) < 0)
    return -1;
  return 0;
}

/* What type_new does to the namespace: __qualname__ (a str) is taken out, a plain
 * function as __new__ becomes a staticmethod, as __init_subclass__ or __class_getitem__ a
 * classmethod. */
static int
wrap_implicit_methods (HsVM *vm, HsObject *ns)
{
  HsObject *qualname = hs_dict_get_item_borrow (vm, ns, hs_str_intern_cstr ("__qualname__"));
  if (qualname != NULL && !hs_str_check (qualname))
    {
      hs_err_format (vm, &hs_exc_TypeError, "type __qualname__ must be a str, not %s",
                     hs_type_name (qualname));
      return -1;
    }
  if (qualname != NULL && hs_dict_del_item (vm, ns, hs_str_intern_cstr ("__qualname__")) < 0)
    return -1;
  static const int which[] = { N_NEW, N_INIT_SUBCLASS, N_CLASS_GETITEM };
  for (gsize i = 0; i < G_N_ELEMENTS (which); i++)
    {
      HsObject *f = hs_dict_get_item_borrow (vm, ns, names[which[i]]);
      if (f == NULL || !HS_IS (f, &hs_function_type))
        continue;
      HsWrapper *w = (HsWrapper *)hs_object_alloc (
          vm, which[i] == N_NEW ? &hs_staticmethod_type : &hs_classmethod_type, sizeof (HsWrapper));
      if (w == NULL)
        return -1;
      w->func = hs_incref (f);
      hs_gc_track (vm, (HsObject *)w);
      int r = hs_dict_set_item (vm, ns, names[which[i]], (HsObject *)w);
      hs_decref (vm, (HsObject *)w);
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
      HsObject *fn = hs_type_lookup_borrow (v->type, names[N_SET_NAME]);
      if (fn == NULL)
        continue;
      HsObject *args[2] = { (HsObject *)c, k };
      HsObject *r = call_method (vm, fn, v, args, 2, NULL);
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
    d = m->dict != NULL ? hs_dict_get_item_borrow (vm, m->dict, names[N_INIT_SUBCLASS]) : NULL;
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
  /* Instances keep their attributes in a table of their own: no fixed slots. Refused
   * rather than ignored. */
  static const char *const refused[] = { "__slots__" };
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    if (hs_dict_get_item_borrow (vm, ns, hs_str_intern_cstr (refused[i])) != NULL)
      {
        hs_err_format (vm, &hs_exc_NotImplementedError, "%s is not supported by Heapscope yet",
                       refused[i]);
        return NULL;
      }
  HsType *base = best_base (vm, bases, nbases);
  if (base == NULL || !check_static_bases (vm, bases, nbases) || wrap_implicit_methods (vm, ns) < 0)
    return NULL;
  HsClass *c = (HsClass *)hs_object_alloc (vm, meta, meta->basicsize);
  if (c == NULL)
    return NULL;
  hs_incref ((HsObject *)meta);
  HsType *t = &c->type;
  c->name = intern_name (name);
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
      c->attrs_offset = (base->basicsize + 7) & ~(gsize)7;
    }
  t->type_flags
      = HS_TYPE_HEAP | HS_TYPE_GC | HS_TYPE_BASETYPE | (base->type_flags & HS_TYPE_EXCEPTION);
  t->construct = class_construct;
  if (hs_type_is_subtype (c->static_base, &hs_type_type))
    t->basicsize = sizeof (HsClass); /* a metaclass: its instances are classes */
  else
    {
      t->type_flags |= HS_TYPE_DRAWN_AS_INSTANCE;
      t->basicsize = c->attrs_offset + sizeof (HsAttrs);
      t->dealloc = instance_dealloc;
      t->refs = instance_refs;
      t->clear = instance_clear;
      t->getattr = instance_getattr;
      t->setattr = instance_setattr;
    }
  t->dict = hs_incref (ns);
  hs_dict_mark_type_namespace (ns); /* the new type may reuse a freed one's address */
  c->bases = nbases > 0 ? hs_tuple_from_array (vm, bases, nbases)
                        : hs_tuple_pack (vm, 1, (HsObject *)&hs_object_type);
  c->mro = c->bases != NULL ? compute_mro (vm, c) : NULL;
  hs_gc_track (vm, (HsObject *)c);
  if (c->mro == NULL)
    {
      hs_decref (vm, (HsObject *)c);
      return NULL;
    }
  inherit_slots (t);
  hs_dict_mark_type_namespace (ns); /* lookups cached since walked no mro yet */
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
          fixup_slot (t, n);
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
      = hs_class_new (vm, (HsType *)winner, args[0], bases, nbases, ns, args + 3, kwnames);
  hs_decref (vm, ns);
  return cls;
}

/* `type.__new__(meta, name, bases, ns)`, callable from Python. */
static HsObject *
type_new_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (new_target (vm, "type", args, nargs) == NULL)
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
  HS_CLEAR (vm, HS_CLASS (t)->mro);
  HS_CLEAR (vm, HS_CLASS (t)->bases);
}

static void
class_dealloc (HsVM *vm, HsObject *self)
{
  HsType *t = (HsType *)self;
  if (!(t->type_flags & HS_TYPE_HEAP))
    return;
  HS_CLEAR (vm, HS_CLASS (t)->mro);
  HS_CLEAR (vm, HS_CLASS (t)->bases);
  HS_CLEAR (vm, t->dict);
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
type_getattr_ext (HsVM *vm, HsObject *self, HsObject *name)
{
  HsType *t = (HsType *)self;
  const char *n = hs_str_utf8 (name);
  gboolean heap = (t->type_flags & HS_TYPE_HEAP) != 0;
  if (n[0] == '_' && n[1] == '_')
    {
      if (strcmp (n, "__name__") == 0 || strcmp (n, "__qualname__") == 0)
        return heap ? hs_incref (HS_CLASS (t)->name) : hs_str_from_cstr (vm, t->name);
      if (strcmp (n, "__module__") == 0)
        return hs_str_intern_cstr (t->module ? t->module : heap ? "__main__" : "builtins");
      if (strcmp (n, "__bases__") == 0 && heap)
        return hs_tuple_from_array (vm, hs_tuple_items (HS_CLASS (t)->bases),
                                    hs_tuple_len (HS_CLASS (t)->bases));
      if (strcmp (n, "__bases__") == 0)
        return t->base != NULL ? hs_tuple_pack (vm, 1, (HsObject *)t->base)
                               : hs_incref (hs_tuple_empty ());
      if (strcmp (n, "__class__") == 0)
        return hs_incref ((HsObject *)self->type);
      if (strcmp (n, "__base__") == 0)
        return hs_incref (t->base != NULL ? (HsObject *)t->base : hs_None);
      if (strcmp (n, "__mro__") == 0)
        return mro_tuple (vm, t);
      if (strcmp (n, "__dict__") == 0 && heap)
        return hs_dict_copy (vm, t->dict);
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
  hs_err_format (vm, &hs_exc_AttributeError, "type object '%s' has no attribute '%s'", t->name, n);
  return NULL;
}

static int
type_setattr_ext (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsType *t = (HsType *)self;
  if (!(t->type_flags & HS_TYPE_HEAP))
    {
      hs_err_format (vm, &hs_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                     hs_str_utf8 (name), t->name);
      return -1;
    }
  HsObject *key = intern_name (name);
  if (value == NULL)
    {
      if (hs_dict_get_item_borrow (vm, t->dict, key) == NULL)
        {
          hs_err_format (vm, &hs_exc_AttributeError, "type object '%s' has no attribute '%s'",
                         t->name, hs_str_utf8 (name));
          return -1;
        }
      if (hs_dict_del_item (vm, t->dict, key) < 0)
        return -1;
    }
  else if (hs_dict_set_item (vm, t->dict, key, value) < 0)
    return -1;
  if (value != NULL)
    fixup_slot (t, hs_str_utf8 (key));
  hs_object_mark_dirty (vm, self);
  return 0;
}

/* ---- bound methods ------------------------------------------------------------------- */

static void
method_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsMethod *m = (HsMethod *)self;
  hs_visit_named (visit, m->func, HS_REF_ATTR, "__func__", data);
  hs_visit_named (visit, m->self, HS_REF_ATTR, "__self__", data);
}

static void
method_dealloc (HsVM *vm, HsObject *self)
{
  HsMethod *m = (HsMethod *)self;
  HS_CLEAR (vm, m->func);
  HS_CLEAR (vm, m->self);
}

static HsObject *
method_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsMethod *m = (HsMethod *)self;
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  HsObject *small[8];
  HsObject **all = nargs + nkw + 1 <= 8 ? small : g_new (HsObject *, nargs + nkw + 1);
  all[0] = m->self;
  if (nargs + nkw > 0)
    memcpy (all + 1, args, sizeof (HsObject *) * (nargs + nkw));
  HsObject *r = hs_object_call (vm, m->func, all, nargs + 1, kwnames);
  if (all != small)
    g_free (all);
  return r;
}

static const char *
func_qualname (HsObject *f)
{
  if (HS_IS (f, &hs_function_type))
    return HS_FUNCTION (f)->code->qualname;
  return hs_type_name (f);
}

static HsObject *
method_repr (HsVM *vm, HsObject *self)
{
  HsMethod *m = (HsMethod *)self;
  HsObject *r = hs_object_repr (vm, m->self);
  if (r == NULL)
    return NULL;
  HsObject *s = hs_str_from_format (vm, "<bound method %s of %s>", func_qualname (m->func),
                                    hs_str_utf8 (r));
  hs_decref (vm, r);
  return s;
}

static HsObject *
method_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsMethod *m = (HsMethod *)self;
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "__self__") == 0)
    return hs_incref (m->self);
  if (strcmp (n, "__func__") == 0)
    return hs_incref (m->func);
  return hs_object_getattr (vm, m->func, name);
}

static HsObject *
method_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !HS_IS (b, &hs_method_type))
    return hs_incref (hs_NotImplemented);
  HsMethod *x = (HsMethod *)a, *y = (HsMethod *)b;
  gboolean eq = x->func == y->func && x->self == y->self;
  return hs_bool_from (op == HS_CMP_EQ ? eq : !eq);
}

HsType hs_method_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "method",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,
  .basicsize = sizeof (HsMethod),
  .dealloc = method_dealloc,
  .refs = method_refs,
  .clear = NULL,
  .repr = method_repr,
  .richcompare = method_richcompare,
  .call = method_call,
  .getattr = method_getattr,
};

HsObject *
hs_method_new (HsVM *vm, HsObject *func, HsObject *self)
{
  HsMethod *m = (HsMethod *)hs_object_alloc (vm, &hs_method_type, sizeof (HsMethod));
  if (m == NULL)
    return NULL;
  m->func = hs_incref (func);
  m->self = hs_incref (self);
  hs_gc_track (vm, (HsObject *)m);
  return (HsObject *)m;
}

/* ---- super ------------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *type; /* the class whose bases are searched */
  HsObject *obj;
} HsSuper;

static void
super_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsSuper *s = (HsSuper *)self;
  hs_visit (visit, s->type, data);
  hs_visit (visit, s->obj, data);
}

static void
super_dealloc (HsVM *vm, HsObject *self)
{
  HsSuper *s = (HsSuper *)self;
  HS_CLEAR (vm, s->type);
  HS_CLEAR (vm, s->obj);
}

/* CPython's super_getattro: the attribute of the first class after `type` in the MRO of
 * the object's type (of the object itself when it is a subclass of `type`). */
static HsObject *
super_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsSuper *s = (HsSuper *)self;
  gboolean is_type
      = hs_type_check (s->obj) && hs_type_is_subtype ((HsType *)s->obj, (HsType *)s->type);
  const HsType *start = is_type ? (HsType *)s->obj : s->obj->type, *m;
  gsize i = 0;

  while ((m = hs_type_mro_at (start, i)) != NULL && m != (HsType *)s->type)
    i++;
  for (i++; m != NULL && (m = hs_type_mro_at (start, i)) != NULL; i++)
    {
      HsObject *d = m->dict != NULL ? hs_dict_get_item_borrow (vm, m->dict, name) : NULL;
      if (d == NULL)
        continue;
      if (HS_IS (d, &hs_method_descr_type) && is_type)
        return hs_incref (d);
      return hs_descr_get (vm, d, is_type ? NULL : s->obj, start);
    }
  hs_err_format (vm, &hs_exc_AttributeError, "'super' object has no attribute '%s'",
                 hs_str_utf8 (name));
  return NULL;
}

static HsObject *
super_repr (HsVM *vm, HsObject *self)
{
  HsSuper *s = (HsSuper *)self;
  return hs_str_from_format (vm, "<super: <class '%s'>, <%s object>>", ((HsType *)s->type)->name,
                             hs_type_name (s->obj));
}

HsType hs_super_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "super",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsSuper),
  .dealloc = super_dealloc,
  .refs = super_refs,
  .repr = super_repr,
  .getattr = super_getattr,
};

static HsObject *
super_new (HsVM *vm, HsObject *type, HsObject *obj)
{
  HsType *t = (HsType *)type;
  gboolean ok = (hs_type_check (obj) && hs_type_is_subtype ((HsType *)obj, t))
                || hs_type_is_subtype (obj->type, t);
  if (!ok)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "super(type, obj): obj must be an instance or subtype of type");
      return NULL;
    }
  HsSuper *s = (HsSuper *)hs_object_alloc (vm, &hs_super_type, sizeof (HsSuper));
  if (s == NULL)
    return NULL;
  s->type = hs_incref (type);
  s->obj = hs_incref (obj);
  hs_gc_track (vm, (HsObject *)s);
  return (HsObject *)s;
}

HsObject *
hs_builtin_super (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "super() takes no keyword arguments");
      return NULL;
    }
  if (nargs == 2)
    {
      if (!hs_type_check (args[0]))
        {
          hs_err_format (vm, &hs_exc_TypeError, "super() argument 1 must be a type, not %s",
                         hs_type_name (args[0]));
          return NULL;
        }
      return super_new (vm, args[0], args[1]);
    }
  if (nargs != 0)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "super() expected at most 2 arguments, got %" G_GSIZE_FORMAT, nargs);
      return NULL;
    }
  HsFrame *f = hs_vm_current_frame (vm);
  if (f == NULL || f->code->is_module)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): no arguments");
      return NULL;
    }
  HsCode *co = f->code;
  HsObject *cls = NULL;
  for (int i = 0; i < co->nfrees; i++)
    if (strcmp (co->varnames[co->frees[i]], "__class__") == 0)
      {
        HsObject *cell = f->locals[co->frees[i]];
        cls = cell != NULL ? hs_cell_get_borrow (cell) : NULL;
        if (cls == NULL)
          {
            hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): empty __class__ cell");
            return NULL;
          }
        break;
      }
  if (cls == NULL)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): __class__ cell not found");
      return NULL;
    }
  if (co->nparams + co->nkwonly == 0 && !(co->flags & HS_CODE_VARARGS))
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): no arguments");
      return NULL;
    }
  HsObject *obj = f->locals[0];
  if (obj != NULL && HS_IS (obj, &hs_cell_type))
    obj = hs_cell_get_borrow (obj);
  if (obj == NULL)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "super(): arg[0] deleted");
      return NULL;
    }
  return super_new (vm, cls, obj);
}

/* ---- issubclass ---------------------------------------------------------------------- */

HsObject *
hs_builtin_issubclass (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *c = NULL, *b = NULL;
  if (!hs_parse_args (vm, "issubclass", args, nargs, kwnames, "cls class_or_tuple /", &c, &b))
    return NULL;
  if (!hs_type_check (c))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "issubclass() arg 1 must be a class");
      return NULL;
    }
  if (hs_type_check (b))
    return hs_bool_from (hs_type_is_subtype ((HsType *)c, (HsType *)b));
  if (hs_tuple_check (b))
    {
      HsObject *r = hs_False;
      if (!hs_recursion_enter (vm, " in __subclasscheck__"))
        return NULL;
      for (gsize i = 0; i < hs_tuple_len (b) && r == hs_False; i++)
        {
          HsObject *sub[2] = { c, hs_tuple_get_borrow (b, i) };
          r = hs_builtin_issubclass (vm, sub, 2, NULL);
        }
      hs_recursion_leave (vm);
      return r;
    }
  hs_err_set_string (vm, &hs_exc_TypeError,
                     "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return NULL;
}

/* ---- staticmethod, classmethod, property ----------------------------------------------- */

static void
wrapper_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit (visit, ((HsWrapper *)self)->func, data);
}

static void
wrapper_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsWrapper *)self)->func);
}

static HsObject *
wrapper_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, type->name, args, nargs, kwnames, "!function", &f))
    return NULL;
  HsWrapper *w = (HsWrapper *)hs_object_alloc (vm, type, sizeof (HsWrapper));
  if (w == NULL)
    return NULL;
  w->func = hs_incref (f);
  hs_gc_track (vm, (HsObject *)w);
  return (HsObject *)w;
}

static HsObject *
wrapper_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (strcmp (hs_str_utf8 (name), "__func__") == 0)
    return hs_incref (((HsWrapper *)self)->func);
  return hs_object_getattr (vm, ((HsWrapper *)self)->func, name);
}

HsType hs_staticmethod_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "staticmethod",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsWrapper),
  .dealloc = wrapper_dealloc,
  .refs = wrapper_refs,
  .getattr = wrapper_getattr,
  .construct = wrapper_construct,
};

HsType hs_classmethod_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "classmethod",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsWrapper),
  .dealloc = wrapper_dealloc,
  .refs = wrapper_refs,
  .getattr = wrapper_getattr,
  .construct = wrapper_construct,
};

static void
property_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsProperty *p = (HsProperty *)self;
  if (p->fget != NULL)
    hs_visit (visit, p->fget, data);
  if (p->fset != NULL)
    hs_visit (visit, p->fset, data);
}

static void
property_dealloc (HsVM *vm, HsObject *self)
{
  HsProperty *p = (HsProperty *)self;
  HS_CLEAR (vm, p->fget);
  HS_CLEAR (vm, p->fset);
}

static HsObject *
property_make (HsVM *vm, HsObject *fget, HsObject *fset)
{
  HsProperty *p = (HsProperty *)hs_object_alloc (vm, &hs_property_type, sizeof (HsProperty));
  if (p == NULL)
    return NULL;
  p->fget = fget != NULL && fget != hs_None ? hs_incref (fget) : NULL;
  p->fset = fset != NULL && fset != hs_None ? hs_incref (fset) : NULL;
  hs_gc_track (vm, (HsObject *)p);
  return (HsObject *)p;
}

static HsObject *
property_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fget = NULL, *fset = NULL;
  if (!hs_parse_args (vm, "property", args, nargs, kwnames, "| fget fset", &fget, &fset))
    return NULL;
  return property_make (vm, fget, fset);
}

static HsObject *
property_setter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, "setter", args + 1, nargs - 1, kwnames, "!func", &f))
    return NULL;
  return property_make (vm, ((HsProperty *)args[0])->fget, f);
}

static HsObject *
property_getter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, "getter", args + 1, nargs - 1, kwnames, "!func", &f))
    return NULL;
  return property_make (vm, f, ((HsProperty *)args[0])->fset);
}

static const HsMethodDef property_methods[] = {
  { "setter", property_setter },
  { "getter", property_getter },
  { NULL, NULL },
};

HsType hs_property_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "property",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsProperty),
  .dealloc = property_dealloc,
  .refs = property_refs,
  .construct = property_construct,
  .methods = property_methods,
};

/* ---- object's methods ----------------------------------------------------------------- */

static HsObject *
object_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 1 || (kwnames != NULL && hs_tuple_len (kwnames) > 0))
    {
      hs_err_set_string (
          vm, &hs_exc_TypeError,
          "object.__init__() takes exactly one argument (the instance to initialize)");
      return NULL;
    }
  return hs_None;
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
type_mro_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "mro", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsObject *t = mro_tuple (vm, (HsType *)args[0]);
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
  { "__init__", type_init_method },
  { "__call__", type_call_method },
  { NULL, NULL },
};

static const HsMethodDef new_defs[] = {
  { "__new__", object_new_method },
  { "__new__", type_new_method },
};

static const HsMethodDef object_extra_methods[] = {
  { "__init__", object_init },
  { "__repr__", object_repr_method },
  { "__str__", object_str_method },
  { "__init_subclass__", object_init_subclass, HS_METH_CLASS },
  { "__getattribute__", object_getattribute_method },
  { "__setattr__", object_setattr_method },
  { "__delattr__", object_delattr_method },
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
  for (int i = 0; i < N_COUNT; i++)
    names[i] = hs_str_intern_cstr (name_strs[i]);
  for (int i = 0; i < HS_BIN_COUNT; i++)
    {
      g_autofree char *a = g_strdup_printf ("__%s__", binop_names[i]);
      g_autofree char *r = g_strdup_printf ("__r%s__", binop_names[i]);
      g_autofree char *in = g_strdup_printf ("__i%s__", binop_names[i]);
      binop_dunder[i] = hs_str_intern_cstr (a);
      binop_rdunder[i] = hs_str_intern_cstr (r);
      binop_idunder[i] = hs_str_intern_cstr (in);
    }
  (void)cmp_swap;
  hs_type_ready (&hs_method_type);
  hs_type_ready (&hs_super_type);
  hs_type_ready (&hs_staticmethod_type);
  hs_type_ready (&hs_classmethod_type);
  hs_type_ready (&hs_property_type);
  /* `type` gains what classes need: its own slots are static, so the extension is
   * installed once here (additive; static types behave as before). */
  type_getattr_base = hs_type_type.getattr;
  hs_type_type.getattr = type_getattr_ext;
  hs_type_type.setattr = type_setattr_ext;
  hs_type_type.refs = class_refs;
  hs_type_type.clear = class_clear;
  hs_type_type.dealloc = class_dealloc;
  add_methods (&hs_object_type, object_extra_methods);
  add_methods (&hs_type_type, type_extra_methods);
  object_new_fn = hs_cfunction_new (NULL, &new_defs[0], NULL);
  type_new_fn = hs_cfunction_new (NULL, &new_defs[1], NULL);
  hs_dict_set_item (NULL, hs_object_type.dict, names[N_NEW], object_new_fn);
  hs_dict_set_item (NULL, hs_type_type.dict, names[N_NEW], type_new_fn);
  /* class objects are HsClass; `type` makes them from three arguments */
  hs_type_type.basicsize = sizeof (HsClass);
  hs_type_type.type_flags |= HS_TYPE_BASETYPE;
  hs_type_type.construct = type_construct;
}
