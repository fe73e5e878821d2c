/* hs-descr.c — descriptors: what `obj.name` finds on a type, bound as CPython's
 * descriptors bind it (functions, staticmethod, classmethod, property, the `__dict__` and
 * `__weakref__` getset descriptors, the member descriptors of __slots__, built-in
 * methods, descriptors written in Python).
 *
 * Invariant: every descriptor holds what it wraps (its refs visit it); a getset or member
 * descriptor holds its class, a reference the diagram lists among the class's hidden
 * holders.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class-private.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-function.h"
#include "hs-object-private.h"
#include "hs-str.h"

/* ---- binding ------------------------------------------------------------------------- */

HsObject *
hs_descr_get (HsVM *vm, HsObject *d, HsObject *obj, const HsType *type)
{
  if (HS_IS (d, &hs_getset_descr_type))
    {
      if (obj == NULL)
        return hs_incref (d);
      if (((HsGetset *)d)->get != NULL)
        return hs_getset_get (vm, d, obj);
      return ((HsGetset *)d)->name == hs_dunder[N_DICT] ? hs_instance_dict (vm, obj)
                                                        : hs_incref (hs_None);
    }
  if (HS_IS (d, &hs_member_descr_type))
    return obj != NULL ? hs_member_get (vm, d, obj) : hs_incref (d);
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
  if (hs_method_descr_check (d) && obj != NULL)
    {
      HsCFunctionObject *m = (HsCFunctionObject *)d;
      return hs_cfunction_new_method (vm, m->def, m->owner, obj);
    }
  if (HS_IS (d, &hs_classmethod_descr_type))
    {
      HsCFunctionObject *m = (HsCFunctionObject *)d;
      return hs_cfunction_new_method (vm, m->def, m->owner, (HsObject *)type);
    }
  if (d->type->descr_get != NULL)
    return d->type->descr_get (vm, d, obj, type);
  HsObject *get = (d->type->type_flags & HS_TYPE_HEAP)
                      ? hs_type_lookup_borrow (d->type, hs_dunder[N_GET])
                      : NULL;
  if (get != NULL) /* a descriptor written in Python: __get__(obj or None, type) */
    {
      HsObject *args[2] = { obj != NULL ? obj : hs_None, (HsObject *)type };
      return hs_class_call_method (vm, get, d, args, 2, NULL);
    }
  return hs_incref (d);
}

gboolean
hs_descr_is_data (HsObject *d)
{
  if (HS_IS (d, &hs_property_type) || HS_IS (d, &hs_member_descr_type)
      || HS_IS (d, &hs_getset_descr_type))
    return TRUE;
  return (d->type->type_flags & HS_TYPE_HEAP)
         && (hs_type_lookup_borrow (d->type, hs_dunder[N_SET]) != NULL
             || hs_type_lookup_borrow (d->type, hs_dunder[N_DELETE]) != NULL);
}

/* ---- __dict__ and __weakref__ ------------------------------------------------------ */

HsObject *
hs_getset_new (HsVM *vm, const char *name, HsClass *owner)
{
  HsGetset *g = (HsGetset *)hs_object_alloc (vm, &hs_getset_descr_type, sizeof (HsGetset));
  if (g == NULL)
    return NULL;
  g->name = hs_str_intern_cstr (name);
  g->owner = hs_incref ((HsObject *)owner);
  hs_gc_track (vm, (HsObject *)g);
  return (HsObject *)g;
}

/* CPython's descr_check: whether the descriptor applies to obj, else its TypeError. */
static gboolean
applies (HsVM *vm, HsGetset *g, HsObject *obj)
{
  if (HS_ISINSTANCE (obj, (HsType *)g->owner))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError,
                 "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                 hs_str_utf8 (g->name), hs_type_tp_name ((HsType *)g->owner), hs_type_name (obj));
  return FALSE;
}

int
hs_getset_set (HsVM *vm, HsObject *getset, HsObject *obj, HsObject *value)
{
  HsGetset *g = (HsGetset *)getset;
  if (g->set != NULL)
    return applies (vm, g, obj) ? g->set (vm, obj, g->name, value) : -1;
  if (g->name == hs_dunder[N_DICT])
    return hs_instance_set_dict (vm, obj, value);
  hs_err_format (vm, &hs_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                 hs_str_utf8 (g->name), hs_type_tp_name ((HsType *)g->owner));
  return -1;
}

HsObject *
hs_getset_get (HsVM *vm, HsObject *getset, HsObject *obj)
{
  HsGetset *g = (HsGetset *)getset;
  HsObject *r;
  if (!applies (vm, g, obj))
    return NULL;
  r = g->get (vm, obj, g->name);
  if (r == NULL && !hs_err_occurred (vm))
    hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                   hs_type_name (obj), hs_str_utf8 (g->name));
  return r;
}

void
hs_getset_install (HsType *owner, const char *names, HsGetsetFn get, HsGetsetSetFn set)
{
  g_auto (GStrv) v = g_strsplit (names, " ", -1);
  for (char **n = v; *n != NULL; n++)
    {
      HsObject *g = hs_getset_new (NULL, *n, (HsClass *)owner);
      hs_gc_untrack (NULL, g); /* process-wide, as a method descriptor of a built-in */
      ((HsGetset *)g)->get = get;
      ((HsGetset *)g)->set = set;
      hs_dict_set_item (NULL, owner->dict, ((HsGetset *)g)->name, g);
    }
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
                             hs_type_tp_name ((HsType *)g->owner));
}

/* ---- the member descriptors of __slots__ -------------------------------------------- */

HsObject *
hs_member_new (HsVM *vm, HsObject *name, HsClass *owner, gsize offset)
{
  HsMember *m = (HsMember *)hs_object_alloc (vm, &hs_member_descr_type, sizeof (HsMember));
  if (m == NULL)
    return NULL;
  m->getset.name = name;
  m->getset.owner = hs_incref ((HsObject *)owner);
  m->offset = offset;
  hs_gc_track (vm, (HsObject *)m);
  return (HsObject *)m;
}

void
hs_member_install (HsType *owner, const char *name, gsize offset)
{
  HsObject *n = hs_str_intern_cstr (name);
  HsObject *m = hs_member_new (NULL, n, (HsClass *)owner, offset);
  hs_gc_untrack (NULL, m); /* process-wide, as a method descriptor of a built-in */
  hs_dict_set_item (NULL, owner->dict, n, m);
}

void
hs_member_install_readonly (HsType *owner, const char *names, HsGetsetFn get)
{
  g_auto (GStrv) v = g_strsplit (names, " ", -1);
  for (char **n = v; *n != NULL; n++)
    {
      HsObject *name = hs_str_intern_cstr (*n);
      HsObject *m = hs_member_new (NULL, name, (HsClass *)owner, 0);
      hs_gc_untrack (NULL, m); /* process-wide, as a method descriptor of a built-in */
      ((HsMember *)m)->getset.get = get;
      hs_dict_set_item (NULL, owner->dict, name, m);
    }
}

/* Where the slot's value lives in obj, or NULL with CPython's TypeError when obj is not an
 * instance of the slot's class. */
static HsObject **
member_slot (HsVM *vm, HsMember *m, HsObject *obj)
{
  if (!applies (vm, &m->getset, obj))
    return NULL;
  return (HsObject **)((char *)obj + m->offset);
}

HsObject *
hs_member_get (HsVM *vm, HsObject *member, HsObject *obj)
{
  HsObject **slot = member_slot (vm, (HsMember *)member, obj);
  if (slot == NULL)
    return NULL;
  if (((HsMember *)member)->getset.get != NULL)
    return ((HsMember *)member)->getset.get (vm, obj, ((HsMember *)member)->getset.name);
  if (*slot == NULL)
    {
      hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                     hs_type_name (obj), hs_str_utf8 (((HsMember *)member)->getset.name));
      return NULL;
    }
  return hs_incref (*slot);
}

int
hs_member_set (HsVM *vm, HsObject *member, HsObject *obj, HsObject *value)
{
  HsObject **slot = member_slot (vm, (HsMember *)member, obj), *old;
  if (slot == NULL)
    return -1;
  if (((HsMember *)member)->getset.get != NULL)
    {
      hs_err_set_string (vm, &hs_exc_AttributeError, "readonly attribute");
      return -1;
    }
  if (value == NULL && *slot == NULL)
    {
      /* CPython's PyMember_SetOne: the bare name */
      hs_err_set_string (vm, &hs_exc_AttributeError,
                         hs_str_utf8 (((HsMember *)member)->getset.name));
      return -1;
    }
  old = *slot;
  *slot = value != NULL ? hs_incref (value) : NULL;
  hs_object_mark_dirty (vm, obj);
  hs_xdecref (vm, old);
  return 0;
}

static HsObject *
member_repr (HsVM *vm, HsObject *self)
{
  HsGetset *g = (HsGetset *)self;
  return hs_str_from_format (vm, "<member '%s' of '%s' objects>", hs_str_utf8 (g->name),
                             hs_type_tp_name ((HsType *)g->owner));
}

/* __get__(obj, type=None), __set__(obj, value), __delete__(obj), for Python code. */
static HsObject *
member_get_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *type = NULL;
  if (!hs_parse_args (vm, "__get__", args + 1, nargs - 1, kwnames, "obj |type /", &obj, &type))
    return NULL;
  return obj == hs_None ? hs_incref (args[0]) : hs_descr_get (vm, args[0], obj, HS_TYPE (obj));
}

static HsObject *
member_set_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *value = NULL;
  if (!hs_parse_args (vm, "__set__", args + 1, nargs - 1, kwnames, "obj value /", &obj, &value))
    return NULL;
  return hs_member_set (vm, args[0], obj, value) < 0 ? NULL : hs_None;
}

static HsObject *
member_delete_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL;
  if (!hs_parse_args (vm, "__delete__", args + 1, nargs - 1, kwnames, "obj /", &obj))
    return NULL;
  return hs_member_set (vm, args[0], obj, NULL) < 0 ? NULL : hs_None;
}

/* __name__, __qualname__ and __objclass__, then the methods. */
static HsObject *
descr_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsGetset *g = (HsGetset *)self;
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "__name__") == 0)
    return hs_incref (g->name);
  if (strcmp (n, "__qualname__") == 0)
    return hs_str_from_format (vm, "%s.%s", hs_type_qualname ((HsType *)g->owner),
                               hs_str_utf8 (g->name));
  if (strcmp (n, "__objclass__") == 0)
    return hs_incref (g->owner);
  return hs_object_generic_getattr (vm, self, name);
}

static const HsMethodDef member_methods[] = {
  { "__get__", member_get_method },
  { "__set__", member_set_method },
  { "__delete__", member_delete_method },
  { NULL, NULL },
};

HsType hs_member_descr_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "member_descriptor",
  .base = &hs_object_type,
  .basicsize = sizeof (HsMember),
  .type_flags = HS_TYPE_GC,
  .dealloc = getset_clear,
  .refs = getset_refs,
  .clear = getset_clear,
  .repr = member_repr,
  .getattr = descr_getattr,
  .methods = member_methods,
};

static const HsMethodDef getset_methods[] = {
  { "__get__", member_get_method },
  { NULL, NULL },
};

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
  .getattr = descr_getattr,
  .methods = getset_methods,
};

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

HsObject *
hs_wrapper_new (HsVM *vm, const HsType *type, HsObject *func)
{
  HsWrapper *w = (HsWrapper *)hs_object_alloc (vm, type, sizeof (HsWrapper));
  if (w == NULL)
    return NULL;
  w->func = hs_incref (func);
  hs_gc_track (vm, (HsObject *)w);
  return (HsObject *)w;
}

static HsObject *
wrapper_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, type->name, args, nargs, kwnames, "!function", &f))
    return NULL;
  return hs_wrapper_new (vm, type, f);
}

/* "<staticmethod(<function f at 0x…>)>", as CPython 3.10+ (sm_repr, cm_repr). */
static HsObject *
wrapper_repr (HsVM *vm, HsObject *self)
{
  HsObject *r = hs_object_repr (vm, ((HsWrapper *)self)->func);
  if (r == NULL)
    return NULL;
  HsObject *s = hs_str_from_format (
      vm, "<%s(%s)>", HS_TYPE (self) == &hs_staticmethod_type ? "staticmethod" : "classmethod",
      hs_str_utf8 (r));
  hs_decref (vm, r);
  return s;
}

/* The (obj, type=None) of a __get__ called from Python; FALSE with CPython's TypeError
 * when both are None. */
static gboolean
get_args (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, HsObject **obj,
          HsObject **type)
{
  *type = NULL;
  if (!hs_parse_args (vm, "__get__", args + 1, nargs - 1, kwnames, "obj |type /", obj, type))
    return FALSE;
  if (*type == hs_None)
    *type = NULL;
  if (*obj == hs_None && *type == NULL)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "__get__(None, None) is invalid");
      return FALSE;
    }
  return TRUE;
}

/* staticmethod.__get__, classmethod.__get__, property.__get__(obj, type=None) */
static HsObject *
descr_get_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj, *type;

  if (!get_args (vm, args, nargs, kwnames, &obj, &type))
    return NULL;
  if (type == NULL)
    type = (HsObject *)HS_TYPE (obj);
  if (!hs_type_check (type) && HS_IS (args[0], &hs_classmethod_type))
    return hs_method_new (vm, ((HsWrapper *)args[0])->func, type);
  return hs_descr_get (vm, args[0], obj == hs_None ? NULL : obj, (const HsType *)type);
}

static const HsMethodDef wrapper_methods[] = {
  { "__get__", descr_get_method, HS_METH_SLOT },
  { NULL, NULL },
};

static HsObject *
wrapper_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (strcmp (hs_str_utf8 (name), "__func__") == 0)
    return hs_incref (((HsWrapper *)self)->func);
  if (hs_type_lookup_borrow (HS_TYPE (self), name) != NULL
      && strcmp (hs_str_utf8 (name), "__doc__"))
    return hs_object_generic_getattr (vm, self, name); /* its own __get__ */
  return hs_object_getattr (vm, ((HsWrapper *)self)->func, name);
}

/* A staticmethod is callable since 3.10: it calls its function. */
static HsObject *
staticmethod_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_object_call (vm, ((HsWrapper *)self)->func, args, nargs, kwnames);
}

HsType hs_staticmethod_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "staticmethod",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsWrapper),
  .dealloc = wrapper_dealloc,
  .refs = wrapper_refs,
  .repr = wrapper_repr,
  .call = staticmethod_call,
  .getattr = wrapper_getattr,
  .construct = wrapper_construct,
  .methods = wrapper_methods,
};

HsType hs_classmethod_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "classmethod",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsWrapper),
  .dealloc = wrapper_dealloc,
  .refs = wrapper_refs,
  .repr = wrapper_repr,
  .getattr = wrapper_getattr,
  .construct = wrapper_construct,
  .methods = wrapper_methods,
};

static void
property_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsProperty *p = (HsProperty *)self;
  if (p->fget != NULL)
    hs_visit (visit, p->fget, data);
  if (p->fset != NULL)
    hs_visit (visit, p->fset, data);
  if (p->fdel != NULL)
    hs_visit (visit, p->fdel, data);
}

static void
property_dealloc (HsVM *vm, HsObject *self)
{
  HsProperty *p = (HsProperty *)self;
  HS_CLEAR (vm, p->fget);
  HS_CLEAR (vm, p->fset);
  HS_CLEAR (vm, p->fdel);
}

static HsObject *
property_make (HsVM *vm, HsObject *fget, HsObject *fset, HsObject *fdel)
{
  HsProperty *p = (HsProperty *)hs_object_alloc (vm, &hs_property_type, sizeof (HsProperty));
  if (p == NULL)
    return NULL;
  p->fget = fget != NULL && fget != hs_None ? hs_incref (fget) : NULL;
  p->fset = fset != NULL && fset != hs_None ? hs_incref (fset) : NULL;
  p->fdel = fdel != NULL && fdel != hs_None ? hs_incref (fdel) : NULL;
  hs_gc_track (vm, (HsObject *)p);
  return (HsObject *)p;
}

static HsObject *
property_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fget = NULL, *fset = NULL, *fdel = NULL, *doc = NULL;
  if (!hs_parse_args (vm, "property", args, nargs, kwnames, "| fget fset fdel doc", &fget, &fset,
                      &fdel, &doc))
    return NULL;
  return property_make (vm, fget, fset, fdel);
}

static HsObject *
property_setter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, "setter", args + 1, nargs - 1, kwnames, "!func", &f))
    return NULL;
  return property_make (vm, ((HsProperty *)args[0])->fget, f, ((HsProperty *)args[0])->fdel);
}

static HsObject *
property_getter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, "getter", args + 1, nargs - 1, kwnames, "!func", &f))
    return NULL;
  return property_make (vm, f, ((HsProperty *)args[0])->fset, ((HsProperty *)args[0])->fdel);
}

static HsObject *
property_deleter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, "deleter", args + 1, nargs - 1, kwnames, "!func", &f))
    return NULL;
  return property_make (vm, ((HsProperty *)args[0])->fget, ((HsProperty *)args[0])->fset, f);
}

/* p.fget, p.fset, p.fdel: the functions, or None */
static HsObject *
property_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsProperty *p = (HsProperty *)self;
  HsObject *f = hs_str_equal_cstr (name, "fget")   ? p->fget
                : hs_str_equal_cstr (name, "fset") ? p->fset
                : hs_str_equal_cstr (name, "fdel") ? p->fdel
                                                   : self;
  if (f != self)
    return hs_incref (f != NULL ? f : hs_None);
  if (hs_str_equal_cstr (name, "__doc__")) /* its getter's (a doc= argument is not kept) */
    return p->fget != NULL ? hs_object_getattr (vm, p->fget, name) : hs_incref (hs_None);
  return hs_object_generic_getattr (vm, self, name);
}

/* The name the property has in the class of obj (CPython 3.11 keeps the one __set_name__
 * gave it), or NULL. */
static const char *
property_name (HsObject *prop, HsObject *obj)
{
  const HsType *t;
  HsObject *d, *k, *v;

  for (gsize i = 0; (t = hs_type_mro_at (HS_TYPE (obj), i)) != NULL; i++)
    {
      gsize pos = 0;
      d = t->dict;
      const char *last = NULL; /* __set_name__ ran for each name, in order */
      while (d != NULL && hs_dict_next (d, &pos, &k, &v))
        if (v == prop && hs_str_check (k))
          last = hs_str_utf8 (k);
      if (last != NULL)
        return last;
    }
  return NULL;
}

/* p.__set__(obj, value) and p.__delete__(obj) (value NULL), as descriptors are set */
int
hs_property_set (HsVM *vm, HsObject *prop, HsObject *obj, HsObject *value)
{
  HsProperty *p = (HsProperty *)prop;
  HsObject *fn = value != NULL ? p->fset : p->fdel, *args[2] = { obj, value }, *r;
  const char *name;

  if (fn == NULL)
    {
      name = property_name (prop, obj);
      hs_err_format (vm, &hs_exc_AttributeError, "property %s%s%sof '%s' object has no %s",
                     name ? "'" : "", name ? name : "", name ? "' " : "", hs_type_name (obj),
                     value ? "setter" : "deleter");
      return -1;
    }
  r = hs_object_call (vm, fn, args, value != NULL ? 2 : 1, NULL);
  hs_xdecref (vm, r);
  return r != NULL ? 0 : -1;
}

static HsObject *
property_set_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *value = NULL;
  if (!hs_parse_args (vm, "__set__", args + 1, nargs - 1, kwnames, "obj value /", &obj, &value))
    return NULL;
  return hs_property_set (vm, args[0], obj, value) < 0 ? NULL : hs_incref (hs_None);
}

static HsObject *
property_delete_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL;
  if (!hs_parse_args (vm, "__delete__", args + 1, nargs - 1, kwnames, "obj /", &obj))
    return NULL;
  return hs_property_set (vm, args[0], obj, NULL) < 0 ? NULL : hs_incref (hs_None);
}

static const HsMethodDef property_methods[] = {
  { "__get__", descr_get_method, HS_METH_SLOT },
  { "__set__", property_set_method, HS_METH_SLOT },
  { "__delete__", property_delete_method, HS_METH_SLOT },
  { "setter", property_setter },
  { "getter", property_getter },
  { "deleter", property_deleter },
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
  .getattr = property_getattr,
  .construct = property_construct,
  .methods = property_methods,
};
