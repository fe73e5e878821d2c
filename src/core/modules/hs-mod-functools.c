/* hs-mod-functools.c — the `functools` module: reduce, partial, lru_cache, cache,
 * total_ordering, cmp_to_key, singledispatch, update_wrapper and wraps.
 *
 * Invariant: a partial owns its function, its argument tuple and its keyword dict; an
 * lru_cache wrapper owns the function it wraps and its cache, a dict from the call's key
 * to the result whose order is the order of last use (the least recently used first), so
 * that with a maxsize the first entry is the one dropped. Both show what they own through
 * refs, so the diagram draws the function, the arguments and the cache with their
 * counts. Results, errors and cache_info() are CPython 3.11's.
 */
#include "config.h"

#include <string.h>

#include "hs-builtins.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-function.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-namedtuple.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- reduce ------------------------------------------------------------------------ */

static HsObject *
ft_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fn = NULL, *iterable = NULL, *acc = NULL, *it, *item;

  if (!hs_parse_args (vm, "reduce", args, nargs, kwnames, "function iterable|initial /", &fn,
                      &iterable, &acc))
    return NULL;
  if ((it = hs_object_iter (vm, iterable)) == NULL)
    return NULL;
  if (acc != NULL)
    hs_incref (acc);
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *pair[2] = { acc, item }, *r;
      if (acc == NULL)
        {
          acc = item;
          continue;
        }
      r = hs_object_call (vm, fn, pair, 2, NULL);
      hs_decref (vm, acc);
      hs_decref (vm, item);
      if ((acc = r) == NULL)
        break;
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    {
      hs_xdecref (vm, acc);
      return NULL;
    }
  if (acc == NULL)
    hs_err_set_string (vm, &hs_exc_TypeError, "reduce() of empty iterable with no initial value");
  return acc;
}

/* ---- partial ----------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *func;
  HsObject *args;     /* tuple */
  HsObject *keywords; /* dict */
  HsObject *dict; /* a partial's __dict__ (its attributes, drawn as rows), made when first used */
} HsPartial;      /* a partial or a partialmethod */

static HsType partial_type;
static HsType partialmethod_type;

/* the members; the __dict__ is unfolded into rows of the partial's own */
static const HsRefField partial_fields[] = {
  { offsetof (HsPartial, func), HS_REF_ATTR, "func" },
  { offsetof (HsPartial, args), HS_REF_ATTR, "args" },
  { offsetof (HsPartial, keywords), HS_REF_ATTR, "keywords" },
};

static void
partial_dealloc (HsVM *vm, HsObject *self)
{
  hs_clear_fields (vm, self, partial_fields, G_N_ELEMENTS (partial_fields));
  HS_CLEAR (vm, ((HsPartial *)self)->dict);
}

static void
partial_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsPartial *p = (HsPartial *)self;
  hs_visit_fields (self, partial_fields, G_N_ELEMENTS (partial_fields), visit, data);
  if (p->dict != NULL)
    hs_visit_unfold (visit, p->dict, hs_ref_row_by_key, data);
}

/* A partial (or partialmethod) of `type` holding func, the tuple args and the dict keywords
 * (both taken; NULL after a failure). */
static HsPartial *
partial_new_take (HsVM *vm, HsType *type, HsObject *func, HsObject *args, HsObject *keywords)
{
  HsPartial *p = NULL;
  if (args != NULL && keywords != NULL)
    p = (HsPartial *)hs_object_alloc (vm, type, sizeof (HsPartial));
  if (p == NULL)
    {
      hs_xdecref (vm, args);
      hs_xdecref (vm, keywords);
      return NULL;
    }
  p->func = hs_incref (func);
  p->args = args;
  p->keywords = keywords;
  p->dict = NULL;
  hs_gc_track (vm, &p->header);
  return p;
}

/* One calling func with args and the keywords kwnames names (their values after args). */
static HsPartial *
partial_make (HsVM *vm, HsType *type, HsObject *func, HsObject **args, gsize nargs,
              HsObject *kwnames)
{
  HsObject *kw = hs_dict_new (vm);
  if (kw != NULL && hs_dict_merge_kwargs (vm, kw, args, nargs, kwnames) < 0)
    HS_CLEAR (vm, kw);
  return partial_new_take (vm, type, func, hs_tuple_from_array (vm, args, nargs), kw);
}

/* One over another's function, args = inner.args + args and keywords = {**inner.keywords,
 * **keywords}: CPython flattens a partial of a plain partial (and a partialmethod of a
 * partialmethod), so that nesting them a million deep calls one level down. */
static HsPartial *
partial_over (HsVM *vm, HsType *type, HsPartial *inner, HsObject **args, gsize nargs,
              HsObject *kwnames)
{
  HsPartial *p = partial_make (vm, type, inner->func, args, nargs, kwnames);
  HsObject *joined;
  if (p == NULL)
    return NULL;
  joined = hs_number_binop (vm, HS_BIN_ADD, inner->args, p->args);
  if (joined != NULL)
    {
      hs_decref (vm, p->args);
      p->args = joined;
      joined = hs_dict_copy (vm, inner->keywords);
    }
  if (joined == NULL || hs_dict_update (vm, joined, p->keywords) < 0)
    {
      hs_xdecref (vm, joined);
      hs_decref (vm, &p->header);
      return NULL;
    }
  hs_decref (vm, p->keywords);
  p->keywords = joined;
  return p;
}

static HsObject *
partial_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs < 1)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "type 'partial' takes at least one argument");
      return NULL;
    }
  if (!hs_object_is_callable (args[0]))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "the first argument must be callable");
      return NULL;
    }
  /* CPython's partial_new: a partial (of any subclass) without a __dict__ is unwrapped */
  if (HS_ISINSTANCE (args[0], &partial_type) && ((HsPartial *)args[0])->dict == NULL)
    return (HsObject *)partial_over (vm, type, (HsPartial *)args[0], args + 1, nargs - 1, kwnames);
  return (HsObject *)partial_make (vm, type, args[0], args + 1, nargs - 1, kwnames);
}

/* p.func(*args[:lead], *p.args, *args[lead:], **p.keywords, **kwargs): a partial's call
 * (lead 0), and a partialmethod's with the instance first (lead 1, CPython's _method). */
static HsObject *
partial_call_lead (HsVM *vm, HsPartial *p, gsize lead, HsObject **args, gsize nargs,
                   HsObject *kwnames)
{
  HsObject *kw = hs_dict_copy (vm, p->keywords), *names = NULL, *r = NULL, *k, *v;
  gsize npos = hs_tuple_len (p->args), pos = 0, i = 0;
  g_autofree HsObject **all = NULL;

  if (kw == NULL)
    return NULL;
  if (hs_dict_merge_kwargs (vm, kw, args, nargs, kwnames) < 0)
    goto out;
  all = g_new (HsObject *, npos + nargs + hs_dict_len (kw) + 1);
  for (gsize j = 0; j < lead; j++)
    all[i++] = args[j];
  for (gsize j = 0; j < npos; j++)
    all[i++] = hs_tuple_get_borrow (p->args, j);
  for (gsize j = lead; j < nargs; j++)
    all[i++] = args[j];
  if ((names = hs_tuple_new (vm, hs_dict_len (kw))) == NULL)
    goto out;
  for (gsize j = 0; hs_dict_next (kw, &pos, &k, &v); j++)
    {
      hs_tuple_set_take (names, j, hs_incref (k));
      all[i++] = v;
    }
  r = hs_object_call (vm, p->func, all, npos + nargs, hs_dict_len (kw) > 0 ? names : NULL);
out:
  hs_xdecref (vm, names);
  hs_decref (vm, kw);
  return r;
}

static HsObject *
partial_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return partial_call_lead (vm, (HsPartial *)self, 0, args, nargs, kwnames);
}

/* functools.partial(<function f at 0x...>, 1, k=2), and CPython's partialmethod repr:
 * functools.partialmethod(<function f at 0x...>, 1, k=2), its two lists always there
 * (functools.partialmethod(<built-in function len>, , )). */
static HsObject *
partial_repr (HsVM *vm, HsObject *self)
{
  HsPartial *p = (HsPartial *)self;
  gboolean method = HS_IS (self, &partialmethod_type);
  GString *out = g_string_new (method ? "functools.partialmethod(" : "functools.partial(");
  HsObject *k, *v, *r;
  gsize pos = 0;
  gboolean ok = TRUE;

  if (hs_repr_enter (self))
    {
      g_string_free (out, TRUE);
      return hs_str_from_cstr (vm, "...");
    }
  if ((r = hs_object_repr (vm, p->func)) != NULL)
    {
      g_string_append (out, hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  ok = r != NULL;
  if (method)
    g_string_append (out, ", ");
  for (gsize i = 0; ok && i < hs_tuple_len (p->args); i++)
    if ((ok = (r = hs_object_repr (vm, hs_tuple_get_borrow (p->args, i))) != NULL))
      {
        g_string_append_printf (out, method && i == 0 ? "%s" : ", %s", hs_str_utf8 (r));
        hs_decref (vm, r);
      }
  if (method)
    g_string_append (out, ", ");
  for (gsize i = 0; ok && hs_dict_next (p->keywords, &pos, &k, &v); i++)
    if ((ok = (r = hs_object_repr (vm, v)) != NULL))
      {
        g_string_append_printf (out, method && i == 0 ? "%s=%s" : ", %s=%s", hs_str_utf8 (k),
                                hs_str_utf8 (r));
        hs_decref (vm, r);
      }
  hs_repr_leave (self);
  if (!ok)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

static HsObject *
partial_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsPartial *p = (HsPartial *)self;
  if (hs_str_equal_cstr (name, "func"))
    return hs_incref (p->func);
  if (hs_str_equal_cstr (name, "args"))
    return hs_incref (p->args);
  if (hs_str_equal_cstr (name, "keywords"))
    return hs_incref (p->keywords);
  if (HS_IS (self, &partialmethod_type))
    return hs_object_generic_getattr (vm, self, name);
  if (hs_str_equal_cstr (name, "__dict__"))
    {
      HsObject *d = hs_attr_dict_lazy (vm, self, &p->dict);
      return d != NULL ? hs_incref (d) : NULL;
    }
  HsObject *own = p->dict != NULL ? hs_dict_get_item_borrow (vm, p->dict, name) : NULL;
  if (own != NULL)
    return hs_incref (own);
  return hs_object_generic_getattr (vm, self, name);
}

/* func, args and keywords are CPython's read-only members; other attributes go to the
 * partial's __dict__ (p.__doc__ = "...") */
static int
partial_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsPartial *p = (HsPartial *)self;
  if (hs_str_equal_cstr (name, "func") || hs_str_equal_cstr (name, "args")
      || hs_str_equal_cstr (name, "keywords"))
    {
      hs_err_set_string (vm, &hs_exc_AttributeError, "readonly attribute");
      return -1;
    }
  if (hs_str_equal_cstr (name, "__dict__"))
    return hs_attr_dict_replace (vm, self, &p->dict, value);
  return hs_attr_dict_store (vm, self, &p->dict, name, value);
}

/* What partial and partialmethod share (both are an HsPartial); each type then says how it
 * is made, and how it is called (partial) or bound (partialmethod). */
#define PARTIAL_TYPE_COMMON(tname)                                                                 \
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL }, .name = tname,    \
  .module = "functools", .base = &hs_object_type, .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,     \
  .basicsize = sizeof (HsPartial), .dealloc = partial_dealloc, .refs = partial_refs,               \
  .clear = partial_dealloc, .repr = partial_repr, .getattr = partial_getattr

static HsType partial_type = {
  PARTIAL_TYPE_COMMON ("partial"), .tp_name = "functools.partial", .call = partial_call,
  .setattr = partial_setattr,      .construct = partial_construct,
};

/* ---- partialmethod ------------------------------------------------------------------ */

/* Whether o has a __get__ (a staticmethod, a classmethod, a property, a descriptor class) */
static gboolean
has_get (HsObject *o)
{
  return o->type->descr_get != NULL || HS_IS (o, &hs_staticmethod_type)
         || HS_IS (o, &hs_classmethod_type) || HS_IS (o, &hs_property_type)
         || hs_type_lookup_borrow (o->type, hs_str_intern_cstr ("__get__")) != NULL;
}

/* partialmethod(func, /, *args, **keywords): a partialmethod's func flattened into it */
static HsObject *
partialmethod_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs < 1)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "partialmethod.__init__() missing 1 required positional argument: 'func'");
      return NULL;
    }
  if (!hs_object_is_callable (args[0]) && !has_get (args[0]))
    {
      HsObject *r = hs_object_repr (vm, args[0]);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "%s is not callable or a descriptor",
                       hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  if (!HS_IS (args[0], &partialmethod_type))
    return (HsObject *)partial_make (vm, type, args[0], args + 1, nargs - 1, kwnames);
  return (HsObject *)partial_over (vm, type, (HsPartial *)args[0], args + 1, nargs - 1, kwnames);
}

/* What CPython's partialmethod._make_unbound_method makes, a new one at each read: the
 * function `_method(cls_or_self, /, *args, **keywords)` calling the partialmethod's func
 * with the instance first; its _partialmethod is the partialmethod. CPython's is a Python
 * function; this one is built in, its type named `function` as that one's is. */
typedef struct
{
  HsObject header;
  HsObject *pm;
} HsUnboundPartial;

#define UNBOUND_QUALNAME "partialmethod._make_unbound_method.<locals>._method"

static const HsRefField unbound_fields[] = {
  { offsetof (HsUnboundPartial, pm), HS_REF_ATTR, "_partialmethod" },
};

HS_DEFINE_FIELD_REFS (unbound)

static HsObject *
unbound_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_format (vm, "<function " UNBOUND_QUALNAME " at %p>", hs_object_address (self));
}

static HsObject *
unbound_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs < 1)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         UNBOUND_QUALNAME
                         "() missing 1 required positional argument: 'cls_or_self'");
      return NULL;
    }
  return partial_call_lead (vm, (HsPartial *)((HsUnboundPartial *)self)->pm, 1, args, nargs,
                            kwnames);
}

static HsObject *
unbound_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "__name__"))
    return hs_str_from_cstr (vm, "_method");
  if (hs_str_equal_cstr (name, "__qualname__"))
    return hs_str_from_cstr (vm, UNBOUND_QUALNAME);
  if (hs_str_equal_cstr (name, "__module__"))
    return hs_str_from_cstr (vm, "functools");
  if (hs_str_equal_cstr (name, "_partialmethod"))
    return hs_incref (((HsUnboundPartial *)self)->pm);
  if (hs_str_equal_cstr (name, "__isabstractmethod__"))
    return hs_object_getattr (vm, ((HsUnboundPartial *)self)->pm, name);
  return hs_object_generic_getattr (vm, self, name);
}

/* A function's __get__: bound to an instance, itself when read on the class. */
static HsObject *
unbound_get (HsVM *vm, HsObject *self, HsObject *obj, const HsType *type)
{
  (void)type;
  return obj == NULL || obj == hs_None ? hs_incref (self) : hs_method_new (vm, self, obj);
}

static HsType unbound_partial_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "function",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsUnboundPartial),
  .dealloc = unbound_clear,
  .refs = unbound_refs,
  .clear = unbound_clear,
  .repr = unbound_repr,
  .call = unbound_call,
  .getattr = unbound_getattr,
  .descr_get = unbound_get,
};

static HsObject *
unbound_new (HsVM *vm, HsObject *pm)
{
  HsUnboundPartial *u
      = (HsUnboundPartial *)hs_object_alloc (vm, &unbound_partial_type, sizeof (HsUnboundPartial));
  if (u == NULL)
    return NULL;
  u->pm = hs_incref (pm);
  hs_gc_track (vm, &u->header);
  return &u->header;
}

/* CPython's partialmethod.__get__: a partial of what func's own __get__ binds it to (a
 * bound method), else _make_unbound_method()'s function, bound to obj as a function is. */
static HsObject *
partialmethod_get (HsVM *vm, HsObject *self, HsObject *obj, const HsType *type)
{
  HsPartial *p = (HsPartial *)self;
  HsObject *bound = hs_descr_get (vm, p->func, obj == hs_None ? NULL : obj, type), *r;
  if (bound == NULL)
    return NULL;
  if (bound != p->func)
    {
      r = (HsObject *)partial_new_take (vm, &partial_type, bound, hs_incref (p->args),
                                        hs_dict_copy (vm, p->keywords));
      hs_decref (vm, bound);
      return r;
    }
  hs_decref (vm, bound);
  HsObject *fn = unbound_new (vm, self);
  if (fn == NULL || obj == NULL || obj == hs_None)
    return fn;
  r = hs_method_new (vm, fn, obj);
  hs_decref (vm, fn);
  return r;
}

static HsType partialmethod_type = {
  PARTIAL_TYPE_COMMON ("partialmethod"),
  .construct = partialmethod_construct,
  .descr_get = partialmethod_get,
};

/* ---- cached_property ----------------------------------------------------------------- */

/* CPython's cached_property: a non-data descriptor that calls func once per instance and
 * stores the result as the instance's attribute of its name, which later reads find first. */
typedef struct
{
  HsObject header;
  HsObject *func;
  HsObject *attrname; /* NULL until __set_name__ */
} HsCachedProperty;

#define CACHED(o) ((HsCachedProperty *)(o))

static const HsRefField cached_fields[] = {
  { offsetof (HsCachedProperty, func), HS_REF_ATTR, "func" },
  { offsetof (HsCachedProperty, attrname), HS_REF_ATTR, "attrname" },
};

HS_DEFINE_FIELD_REFS (cached)

static HsObject *
cached_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *func = NULL;
  HsCachedProperty *c;
  if (!hs_parse_args (vm, "cached_property.__init__", args, nargs, kwnames, "@func", &func)
      || (c = (HsCachedProperty *)hs_object_alloc (vm, type, sizeof (HsCachedProperty))) == NULL)
    return NULL;
  c->func = hs_incref (func);
  hs_gc_track (vm, &c->header);
  return &c->header;
}

static HsObject *
cached_m_set_name (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsCachedProperty *c = CACHED (args[0]);
  HsObject *owner = NULL, *name = NULL;
  if (!hs_parse_args (vm, "__set_name__", args + 1, nargs - 1, kwnames, "@owner name", &owner,
                      &name))
    return NULL;
  if (c->attrname == NULL)
    {
      c->attrname = hs_incref (name);
      hs_object_mark_dirty (vm, args[0]);
      return hs_None;
    }
  int same = hs_object_richcompare_bool (vm, name, c->attrname, HS_CMP_EQ);
  if (same < 0)
    return NULL;
  if (same)
    return hs_None;
  HsObject *a = hs_object_repr (vm, c->attrname), *b = a != NULL ? hs_object_repr (vm, name) : NULL;
  if (b != NULL)
    hs_err_format (vm, &hs_exc_TypeError,
                   "Cannot assign the same cached_property to two different names (%s and %s).",
                   hs_str_utf8 (a), hs_str_utf8 (b));
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return NULL;
}

static HsObject *
cached_get (HsVM *vm, HsObject *self, HsObject *obj, const HsType *type)
{
  HsCachedProperty *c = CACHED (self);
  if (obj == NULL || obj == hs_None)
    return hs_incref (self);
  if (c->attrname == NULL)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "Cannot use cached_property instance without calling __set_name__ on it.");
      return NULL;
    }
  HsObject *dict = hs_object_getattr_cstr (vm, obj, "__dict__");
  if (dict == NULL)
    {
      HsObject *name
          = hs_err_matches (vm, &hs_exc_AttributeError) ? hs_object_repr (vm, c->attrname) : NULL;
      if (name != NULL)
        hs_err_format (vm, &hs_exc_TypeError,
                       "No '__dict__' attribute on '%s' instance to cache %s property.",
                       hs_type_name (obj), hs_str_utf8 (name));
      hs_xdecref (vm, name);
      return NULL;
    }
  /* functools.py: cache.get(attrname), else cache[attrname] = func(obj) */
  HsObject *val = hs_dict_check (dict) ? hs_dict_get_item_borrow (vm, dict, c->attrname) : NULL;
  if (val != NULL || hs_err_occurred (vm))
    {
      hs_decref (vm, dict);
      return val != NULL ? hs_incref (val) : NULL;
    }
  if ((val = hs_object_call (vm, c->func, &obj, 1, NULL)) != NULL
      && hs_object_setitem (vm, dict, c->attrname, val) < 0)
    {
      HS_CLEAR (vm, val);
      if (hs_err_matches (vm, &hs_exc_TypeError))
        hs_err_format (vm, &hs_exc_TypeError,
                       "The '__dict__' attribute on '%s' instance does not support item "
                       "assignment for caching '%s' property.",
                       hs_type_name (obj), hs_str_utf8 (c->attrname));
    }
  hs_decref (vm, dict);
  return val;
}

static HsObject *
cached_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsCachedProperty *c = CACHED (self);
  if (hs_str_equal_cstr (name, "func"))
    return hs_incref (c->func);
  if (hs_str_equal_cstr (name, "attrname"))
    return hs_incref (c->attrname != NULL ? c->attrname : hs_None);
  if (hs_str_equal_cstr (name, "__doc__"))
    return hs_object_getattr_cstr (vm, c->func, "__doc__");
  return hs_object_generic_getattr (vm, self, name);
}

static const HsMethodDef cached_methods[] = {
  { "__set_name__", cached_m_set_name },
  { NULL, NULL },
};

static HsType cached_property_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "cached_property",
  .module = "functools",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsCachedProperty),
  .dealloc = cached_clear,
  .refs = cached_refs,
  .clear = cached_clear,
  .getattr = cached_getattr,
  .construct = cached_construct,
  .methods = cached_methods,
  .descr_get = cached_get,
};

/* ---- lru_cache ---------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *func;
  HsObject *cache;      /* dict: key -> result, least recently used first */
  HsObject *cache_info; /* the CacheInfo type (immortal) */
  gssize maxsize;       /* -1: unbounded */
  gint64 hits, misses;
} HsLru;

/* the cache is no attribute in CPython either: named for what it is; cache_info, the
 * CacheInfo type, is immortal */
static const HsRefField lru_fields[] = {
  { offsetof (HsLru, func), HS_REF_ATTR, "__wrapped__" },
  { offsetof (HsLru, cache), HS_REF_ATTR, "cache" },
};

HS_DEFINE_FIELD_REFS (lru)

/* The cache key of a call: a lone int or str argument itself, else the tuple of the
 * arguments followed by the keyword (name, value) pairs. */
static HsObject *
make_key (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  HsObject *key;
  if (nkw == 0 && nargs == 1 && (HS_IS (args[0], &hs_int_type) || HS_IS (args[0], &hs_str_type)))
    return hs_incref (args[0]);
  if ((key = hs_tuple_new (vm, nargs + nkw)) == NULL)
    return NULL;
  for (gsize i = 0; i < nargs; i++)
    hs_tuple_set_take (key, i, hs_incref (args[i]));
  for (gsize k = 0; k < nkw; k++)
    {
      HsObject *pair = hs_tuple_pack (vm, 2, hs_tuple_get_borrow (kwnames, k), args[nargs + k]);
      if (pair == NULL)
        {
          hs_decref (vm, key);
          return NULL;
        }
      hs_tuple_set_take (key, nargs + k, pair);
    }
  return key;
}

static HsObject *
lru_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsLru *l = (HsLru *)self;
  HsObject *key = make_key (vm, args, nargs, kwnames), *r;

  if (key == NULL)
    return NULL;
  if ((r = hs_dict_get_item_borrow (vm, l->cache, key)) != NULL)
    {
      l->hits++;
      hs_incref (r);
      /* most recently used: to the end */
      if (l->maxsize > 0
          && (hs_dict_del_item (vm, l->cache, key) < 0
              || hs_dict_set_item (vm, l->cache, key, r) < 0))
        HS_CLEAR (vm, r);
      hs_decref (vm, key);
      return r;
    }
  if (hs_err_occurred (vm))
    {
      hs_decref (vm, key);
      return NULL;
    }
  l->misses++;
  r = hs_object_call (vm, l->func, args, nargs, kwnames);
  if (r != NULL && l->maxsize != 0 && hs_dict_contains (vm, l->cache, key) == 0)
    {
      if (l->maxsize > 0 && hs_dict_len (l->cache) >= (gsize)l->maxsize)
        {
          gsize pos = 0;
          HsObject *oldest;
          if (hs_dict_next (l->cache, &pos, &oldest, NULL)
              && hs_dict_del_item (vm, l->cache, oldest) < 0)
            HS_CLEAR (vm, r);
        }
      if (r != NULL && hs_dict_set_item (vm, l->cache, key, r) < 0)
        HS_CLEAR (vm, r);
    }
  hs_decref (vm, key);
  return r;
}

static HsObject *
lru_m_cache_info (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsLru *l = (HsLru *)args[0];
  HsObject *v[4] = { NULL, NULL, NULL, NULL }, *r = NULL;
  if (!hs_parse_args (vm, "cache_info", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  v[0] = hs_int_from_i64 (vm, l->hits);
  v[1] = hs_int_from_i64 (vm, l->misses);
  v[2] = l->maxsize < 0 ? hs_None : hs_int_from_i64 (vm, l->maxsize);
  v[3] = hs_int_from_i64 (vm, (gint64)hs_dict_len (l->cache));
  if (v[0] && v[1] && v[2] && v[3])
    r = hs_object_call (vm, l->cache_info, v, 4, NULL);
  for (int i = 0; i < 4; i++)
    hs_xdecref (vm, v[i]);
  return r;
}

static HsObject *
lru_m_cache_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsLru *l = (HsLru *)args[0];
  if (!hs_parse_args (vm, "cache_clear", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  hs_dict_clear (vm, l->cache);
  l->hits = l->misses = 0;
  return hs_None;
}

/* The attributes update_wrapper copies from the wrapped function `func`, read from it. */
static HsObject *
wrapper_getattr (HsVM *vm, HsObject *self, HsObject *func, HsObject *name)
{
  if (hs_str_equal_cstr (name, "__wrapped__"))
    return hs_incref (func);
  if (hs_str_equal_cstr (name, "__name__") || hs_str_equal_cstr (name, "__qualname__")
      || hs_str_equal_cstr (name, "__doc__") || hs_str_equal_cstr (name, "__module__"))
    return hs_object_getattr (vm, func, name);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
lru_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  return wrapper_getattr (vm, self, ((HsLru *)self)->func, name);
}

static const HsMethodDef lru_methods[] = {
  { "cache_info", lru_m_cache_info },
  { "cache_clear", lru_m_cache_clear },
  { NULL, NULL },
};

static HsType lru_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_lru_cache_wrapper",
  .module = "functools",
  .tp_name = "functools._lru_cache_wrapper",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsLru),
  .dealloc = lru_clear,
  .refs = lru_refs,
  .clear = lru_clear,
  .call = lru_call,
  .getattr = lru_getattr,
  .methods = lru_methods,
};

static HsObject *
lru_new (HsVM *vm, HsObject *func, gssize maxsize)
{
  HsLru *l;
  HsObject *module = hs_import_module (vm, "functools"), *info;

  if (module == NULL)
    return NULL;
  /* immortal, as what a module defines */
  info = hs_dict_get_item_cstr_borrow (vm, hs_module_dict (module), "_CacheInfo");
  hs_decref (vm, module);

  if (!hs_object_is_callable (func))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "the first argument must be callable");
      return NULL;
    }
  if ((l = (HsLru *)hs_object_alloc (vm, &lru_type, sizeof (HsLru))) == NULL)
    return NULL;
  l->func = hs_incref (func);
  l->cache = hs_dict_new (vm);
  l->cache_info = info;
  l->maxsize = maxsize;
  hs_gc_track (vm, &l->header);
  if (l->cache == NULL)
    {
      hs_decref (vm, &l->header);
      return NULL;
    }
  return &l->header;
}

/* The decorator lru_cache(maxsize) returns: a bound method of the cache's settings. */
static HsObject *
ft_decorating (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fn = NULL;
  gssize maxsize;
  if (!hs_parse_args (vm, "decorating_function", args + 1, nargs - 1, kwnames, "@user_function",
                      &fn))
    return NULL;
  maxsize = args[0] == hs_None ? -1 : hs_int_as_ssize (vm, args[0]);
  return lru_new (vm, fn, MAX (maxsize, args[0] == hs_None ? -1 : 0));
}

static const HsMethodDef decorating_def = { "decorating_function", ft_decorating };

static HsObject *
ft_lru_cache (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *maxsize = NULL, *typed = NULL;
  if (!hs_parse_args (vm, "lru_cache", args, nargs, kwnames, "@|maxsize typed", &maxsize, &typed))
    return NULL;
  if (maxsize != NULL && maxsize != hs_None && !hs_int_check (maxsize))
    {
      if (hs_object_is_callable (maxsize) && !HS_IS (maxsize, &hs_bool_type))
        return lru_new (vm, maxsize, 128);
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "Expected first argument to be an integer, a callable, or None");
      return NULL;
    }
  if (maxsize == NULL)
    maxsize = hs_int_from_i64 (vm, 128);
  else
    hs_incref (maxsize);
  {
    HsObject *r = hs_cfunction_new (vm, &decorating_def, maxsize);
    hs_decref (vm, maxsize);
    return r;
  }
}

static HsObject *
ft_cache (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fn = NULL;
  if (!hs_parse_args (vm, "cache", args, nargs, kwnames, "@user_function", &fn))
    return NULL;
  return lru_new (vm, fn, -1);
}

/* ---- total_ordering --------------------------------------------------------------------- */

/* The four orderings in the order total_ordering prefers a root: __lt__, __le__, __gt__,
 * __ge__ (max() of the names). For each root, the three it derives, as CPython's _convert:
 * each is `op(root_result, self == other)` with the root's NotImplemented passed on. */
typedef enum
{
  DERIVE_NOT_AND_NE, /* not r and self != other */
  DERIVE_OR_EQ,      /* r or self == other */
  DERIVE_NOT,        /* not r */
  DERIVE_NOT_OR_EQ,  /* not r or self == other */
  DERIVE_AND_NE,     /* r and self != other */
} Derive;

static const char *const order_names[4] = { "__lt__", "__le__", "__gt__", "__ge__" };

static HsObject *
derived_compare (HsVM *vm, HsObject *self, HsObject *other, int root, Derive how)
{
  HsObject *fn = hs_type_lookup_borrow (HS_TYPE (self), hs_str_intern_cstr (order_names[root]));
  HsObject *both[2] = { self, other }, *r;
  int t;

  if (fn == NULL)
    {
      hs_err_format (vm, &hs_exc_AttributeError, "type object '%s' has no attribute '%s'",
                     hs_type_name (self), order_names[root]);
      return NULL;
    }
  if ((r = hs_object_call (vm, fn, both, 2, NULL)) == NULL || r == hs_NotImplemented)
    return r;
  if ((t = hs_object_truth (vm, r)) < 0)
    {
      hs_decref (vm, r);
      return NULL;
    }
  /* `r or x` and `r and x` give r itself when it decides; `not r ...` a bool */
  if ((how == DERIVE_OR_EQ && t) || (how == DERIVE_AND_NE && !t))
    return r;
  hs_decref (vm, r);
  if (how == DERIVE_NOT || (how == DERIVE_NOT_AND_NE && t) || (how == DERIVE_NOT_OR_EQ && !t))
    return hs_bool_from (!t);
  return hs_object_richcompare (
      vm, self, other, how == DERIVE_OR_EQ || how == DERIVE_NOT_OR_EQ ? HS_CMP_EQ : HS_CMP_NE);
}

#define DERIVED(fname, root, how)                                                                  \
  static HsObject *fname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)               \
  {                                                                                                \
    HsObject *self = NULL, *other = NULL;                                                          \
    if (!hs_parse_args (vm, #fname, args, nargs, kwnames, "@self other", &self, &other))           \
      return NULL;                                                                                 \
    return derived_compare (vm, self, other, root, how);                                           \
  }
DERIVED (_gt_from_lt, 0, DERIVE_NOT_AND_NE)
DERIVED (_le_from_lt, 0, DERIVE_OR_EQ)
DERIVED (_ge_from_lt, 0, DERIVE_NOT)
DERIVED (_ge_from_le, 1, DERIVE_NOT_OR_EQ)
DERIVED (_lt_from_le, 1, DERIVE_AND_NE)
DERIVED (_gt_from_le, 1, DERIVE_NOT)
DERIVED (_lt_from_gt, 2, DERIVE_NOT_AND_NE)
DERIVED (_ge_from_gt, 2, DERIVE_OR_EQ)
DERIVED (_le_from_gt, 2, DERIVE_NOT)
DERIVED (_le_from_ge, 3, DERIVE_NOT_OR_EQ)
DERIVED (_gt_from_ge, 3, DERIVE_AND_NE)
DERIVED (_lt_from_ge, 3, DERIVE_NOT)
#undef DERIVED

/* _convert[root]: the methods total_ordering adds, named as it renames them */
static const HsMethodDef derived_defs[4][3] = {
  { { "__gt__", _gt_from_lt }, { "__le__", _le_from_lt }, { "__ge__", _ge_from_lt } },
  { { "__ge__", _ge_from_le }, { "__lt__", _lt_from_le }, { "__gt__", _gt_from_le } },
  { { "__lt__", _lt_from_gt }, { "__ge__", _ge_from_gt }, { "__le__", _le_from_gt } },
  { { "__le__", _le_from_ge }, { "__gt__", _gt_from_ge }, { "__lt__", _lt_from_ge } },
};
static HsObject *derived_descrs[4][3]; /* method descriptors, made at runtime init */

static HsObject *
ft_total_ordering (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = NULL;
  gboolean defined[4];
  int root = -1;

  if (!hs_parse_args (vm, "total_ordering", args, nargs, kwnames, "@cls", &cls))
    return NULL;
  if (!HS_ISINSTANCE (cls, &hs_type_type))
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "must define at least one ordering operation: < > <= >=");
      return NULL;
    }
  for (int i = 3; i >= 0; i--)
    {
      HsObject *name = hs_str_intern_cstr (order_names[i]);
      HsObject *mine = hs_type_lookup_borrow ((HsType *)cls, name);
      defined[i] = mine != NULL && mine != hs_type_lookup_borrow (&hs_object_type, name);
      if (defined[i])
        root = i;
    }
  if (root < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "must define at least one ordering operation: < > <= >=");
      return NULL;
    }
  for (int k = 0; k < 3; k++)
    {
      const char *name = derived_defs[root][k].name;
      int which = 0;
      while (strcmp (order_names[which], name) != 0)
        which++;
      if (!defined[which]
          && hs_object_setattr (vm, cls, hs_str_intern_cstr (name), derived_descrs[root][k]) < 0)
        return NULL;
    }
  return hs_incref (cls);
}

/* ---- cmp_to_key ------------------------------------------------------------------------ */

typedef struct
{
  HsObject header;
  HsObject *cmp;
  HsObject *object; /* NULL in the key function cmp_to_key returns */
} HsKeyWrapper;

static const HsRefField key_fields[] = {
  { offsetof (HsKeyWrapper, cmp), HS_REF_PLAIN, NULL },
  { offsetof (HsKeyWrapper, object), HS_REF_ATTR, "obj" },
};

HS_DEFINE_FIELD_REFS (key)

static HsType key_type;

static HsObject *
key_new (HsVM *vm, HsObject *cmp, HsObject *object)
{
  HsKeyWrapper *k = (HsKeyWrapper *)hs_object_alloc (vm, &key_type, sizeof (HsKeyWrapper));
  if (k == NULL)
    return NULL;
  k->cmp = hs_incref (cmp);
  k->object = object != NULL ? hs_incref (object) : NULL;
  hs_gc_track (vm, &k->header);
  return &k->header;
}

static HsObject *
key_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL;
  if (!hs_parse_args (vm, "K", args, nargs, kwnames, "obj", &obj))
    return NULL;
  return key_new (vm, ((HsKeyWrapper *)self)->cmp, obj);
}

/* cmp(x, y) compared with 0 by the operator asked */
static HsObject *
key_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsKeyWrapper *x = (HsKeyWrapper *)a, *y = (HsKeyWrapper *)b;
  HsObject *pair[2], *r, *zero, *answer;

  if (!HS_IS (b, &key_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "other argument must be K instance");
      return NULL;
    }
  if (x->object == NULL || y->object == NULL)
    {
      hs_err_set_string (vm, &hs_exc_AttributeError, "object");
      return NULL;
    }
  pair[0] = x->object;
  pair[1] = y->object;
  if ((r = hs_object_call (vm, x->cmp, pair, 2, NULL)) == NULL)
    return NULL;
  zero = hs_int_from_i64 (vm, 0);
  answer = hs_object_richcompare (vm, r, zero, op);
  hs_decref (vm, zero);
  hs_decref (vm, r);
  return answer;
}

static HsObject *
key_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsKeyWrapper *k = (HsKeyWrapper *)self;
  if (hs_str_equal_cstr (name, "obj") && k->object != NULL)
    return hs_incref (k->object);
  return hs_object_generic_getattr (vm, self, name);
}

static HsType key_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "KeyWrapper",
  .module = "functools",
  .tp_name = "functools.KeyWrapper",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsKeyWrapper),
  .dealloc = key_clear,
  .refs = key_refs,
  .clear = key_clear,
  .hash = hs_object_hash_not_implemented,
  .richcompare = key_richcompare,
  .call = key_call,
  .getattr = key_getattr,
};

static HsObject *
ft_cmp_to_key (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cmp = NULL;
  if (!hs_parse_args (vm, "cmp_to_key", args, nargs, kwnames, "mycmp", &cmp))
    return NULL;
  return key_new (vm, cmp, NULL);
}

/* ---- singledispatch ---------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *func;     /* the default implementation, registry[object] */
  HsObject *registry; /* dict: class -> implementation */
} HsDispatch;

static const HsRefField dispatch_fields[] = {
  { offsetof (HsDispatch, func), HS_REF_PLAIN, NULL },
  { offsetof (HsDispatch, registry), HS_REF_ATTR, "registry" },
};

HS_DEFINE_FIELD_REFS (dispatch)

/* The implementation for `cls`: the first class of its __mro__ that is registered
 * (borrowed). */
static HsObject *
dispatch_find (HsVM *vm, HsDispatch *d, HsObject *cls)
{
  HsObject *mro = hs_object_getattr_cstr (vm, cls, "__mro__"), *impl = NULL;
  if (mro == NULL)
    return NULL;
  for (gsize i = 0; impl == NULL && !hs_err_occurred (vm) && i < hs_tuple_len (mro); i++)
    impl = hs_dict_get_item_borrow (vm, d->registry, hs_tuple_get_borrow (mro, i));
  hs_decref (vm, mro);
  if (impl == NULL && !hs_err_occurred (vm))
    impl = d->func;
  return hs_err_occurred (vm) ? NULL : impl;
}

static HsObject *
dispatch_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsDispatch *d = (HsDispatch *)self;
  HsObject *impl;

  if (nargs == 0)
    {
      HsObject *name = hs_object_getattr_cstr (vm, d->func, "__name__");
      if (name != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "%s requires at least 1 positional argument",
                       hs_str_utf8 (name));
      hs_xdecref (vm, name);
      return NULL;
    }
  if ((impl = dispatch_find (vm, d, (HsObject *)HS_TYPE (args[0]))) == NULL)
    return NULL;
  return hs_object_call (vm, impl, args, nargs, kwnames);
}

static HsObject *
dispatch_m_dispatch (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = NULL, *impl;
  if (!hs_parse_args (vm, "dispatch", args + 1, nargs - 1, kwnames, "@cls", &cls))
    return NULL;
  impl = dispatch_find (vm, (HsDispatch *)args[0], cls);
  return impl != NULL ? hs_incref (impl) : NULL;
}

static HsObject *
dispatch_register (HsVM *vm, HsDispatch *d, HsObject *cls, HsObject *func)
{
  if (hs_dict_set_item (vm, d->registry, cls, func) < 0)
    return NULL;
  hs_object_mark_dirty (vm, &d->header);
  return hs_incref (func);
}

/* register(cls) as a decorator: self is the tuple (dispatcher, cls) */
static HsObject *
dispatch_register_with (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *func = NULL, *bound = args[0];
  if (!hs_parse_args (vm, "<lambda>", args + 1, nargs - 1, kwnames, "@f", &func))
    return NULL;
  return dispatch_register (vm, (HsDispatch *)hs_tuple_get_borrow (bound, 0),
                            hs_tuple_get_borrow (bound, 1), func);
}

static const HsMethodDef register_with_def = { "<lambda>", dispatch_register_with };

static HsObject *
dispatch_m_register (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsDispatch *d = (HsDispatch *)args[0];
  HsObject *cls = NULL, *func = hs_None, *r, *ann;

  if (!hs_parse_args (vm, "register", args + 1, nargs - 1, kwnames, "@cls|func", &cls, &func))
    return NULL;
  if (HS_ISINSTANCE (cls, &hs_type_type))
    {
      HsObject *pair;
      if (func != hs_None)
        return dispatch_register (vm, d, cls, func);
      if ((pair = hs_tuple_pack (vm, 2, &d->header, cls)) == NULL)
        return NULL;
      r = hs_cfunction_new (vm, &register_with_def, pair);
      hs_decref (vm, pair);
      return r;
    }
  if (func != hs_None)
    {
      if ((r = hs_object_repr (vm, cls)) != NULL)
        hs_err_format (vm, &hs_exc_TypeError,
                       "Invalid first argument to `register()`. %s is not a class or union type.",
                       hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  /* @register on a function: the class is its first parameter's annotation */
  if ((ann = hs_object_getattr_cstr (vm, cls, "__annotations__")) == NULL)
    return NULL;
  {
    gsize pos = 0;
    HsObject *name = NULL, *t = NULL;
    if (!hs_dict_check (ann) || !hs_dict_next (ann, &pos, &name, &t))
      {
        hs_decref (vm, ann);
        if ((r = hs_object_repr (vm, cls)) != NULL)
          hs_err_format (vm, &hs_exc_TypeError,
                         "Invalid first argument to `register()`: %s. Use either "
                         "`@register(some_class)` or plain `@register` on an annotated function.",
                         hs_str_utf8 (r));
        hs_xdecref (vm, r);
        return NULL;
      }
    /* typing.get_type_hints: a string annotation (from __future__ import annotations) is
     * evaluated in the function's globals, and what that gives if it is a string again */
    HsObject *evaluated = NULL;
    for (int depth = 0; hs_str_check (t) && depth < 8; depth++)
      {
        HsObject *globals = hs_object_getattr_cstr (vm, cls, "__globals__");
        HsObject *eval_args[2] = { t, globals };
        HsObject *v = globals != NULL ? hs_builtin_eval (vm, eval_args, 2, NULL) : NULL;
        hs_xdecref (vm, globals);
        hs_xdecref (vm, evaluated);
        if ((evaluated = v) == NULL)
          {
            hs_decref (vm, ann);
            return NULL;
          }
        t = evaluated;
      }
    if (!HS_ISINSTANCE (t, &hs_type_type))
      {
        if ((r = hs_object_repr (vm, t)) != NULL)
          hs_err_format (vm, &hs_exc_TypeError, "Invalid annotation for '%s'. %s is not a class.",
                         hs_str_utf8 (name), hs_str_utf8 (r));
        hs_xdecref (vm, r);
        hs_xdecref (vm, evaluated);
        hs_decref (vm, ann);
        return NULL;
      }
    r = dispatch_register (vm, d, t, cls);
    hs_xdecref (vm, evaluated);
    hs_decref (vm, ann);
    return r;
  }
}

static HsObject *
dispatch_repr (HsVM *vm, HsObject *self)
{
  HsObject *q = hs_object_getattr_cstr (vm, ((HsDispatch *)self)->func, "__qualname__"), *r;
  if (q == NULL)
    return NULL;
  r = hs_function_repr_named (vm, hs_str_utf8 (q), self);
  hs_decref (vm, q);
  return r;
}

static HsObject *
dispatch_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsDispatch *d = (HsDispatch *)self;
  if (hs_str_equal_cstr (name, "registry"))
    return hs_incref (d->registry);
  return wrapper_getattr (vm, self, d->func, name);
}

static const HsMethodDef dispatch_methods[] = {
  { "register", dispatch_m_register },
  { "dispatch", dispatch_m_dispatch },
  { NULL, NULL },
};

/* CPython's wrapper is a Python function: the type has its name */
static HsType dispatch_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "function",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsDispatch),
  .dealloc = dispatch_clear,
  .refs = dispatch_refs,
  .clear = dispatch_clear,
  .repr = dispatch_repr,
  .call = dispatch_call,
  .getattr = dispatch_getattr,
  .methods = dispatch_methods,
};

static HsObject *
ft_singledispatch (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *func = NULL;
  HsDispatch *d;

  if (!hs_parse_args (vm, "singledispatch", args, nargs, kwnames, "@func", &func))
    return NULL;
  if ((d = (HsDispatch *)hs_object_alloc (vm, &dispatch_type, sizeof (HsDispatch))) == NULL)
    return NULL;
  d->func = hs_incref (func);
  d->registry = hs_dict_new (vm);
  hs_gc_track (vm, &d->header);
  if (d->registry == NULL
      || hs_dict_set_item (vm, d->registry, (HsObject *)&hs_object_type, func) < 0)
    {
      hs_decref (vm, &d->header);
      return NULL;
    }
  return &d->header;
}

/* ---- update_wrapper and wraps ---------------------------------------------------------- */

static const char *const wrapper_assignments[]
    = { "__module__", "__name__", "__qualname__", "__doc__", "__annotations__" };

/* functools.py's WRAPPER_ASSIGNMENTS or WRAPPER_UPDATES, a new tuple of interned names. */
static HsObject *
names_tuple (HsVM *vm, const char *const *names, gsize n)
{
  HsObject *t = hs_tuple_new (vm, n);
  for (gsize i = 0; t != NULL && i < n; i++)
    hs_tuple_set_take (t, i, hs_str_intern_cstr (names[i]));
  return t;
}

/* getattr(o, attr), or NULL with no error when o has no such attribute. */
static HsObject *
getattr_if_any (HsVM *vm, HsObject *o, HsObject *attr)
{
  HsObject *v = hs_object_getattr (vm, o, attr);
  if (v == NULL && hs_err_matches (vm, &hs_exc_AttributeError))
    hs_err_clear (vm);
  return v;
}

/* setattr(wrapper, attr, getattr(wrapped, attr)) for each attr it has. */
static int
assign_attrs (HsVM *vm, HsObject *wrapper, HsObject *wrapped, HsObject *assigned)
{
  HsObject *it = hs_object_iter (vm, assigned), *attr, *value;
  int rc = it != NULL ? 0 : -1;

  while (rc == 0 && (attr = hs_iter_next (vm, it)) != NULL)
    {
      if ((value = getattr_if_any (vm, wrapped, attr)) != NULL)
        {
          rc = hs_object_setattr (vm, wrapper, attr, value);
          hs_decref (vm, value);
        }
      else if (hs_err_occurred (vm))
        rc = -1;
      hs_decref (vm, attr);
    }
  hs_xdecref (vm, it);
  return rc < 0 || hs_err_occurred (vm) ? -1 : 0;
}

/* getattr(wrapper, attr).update(getattr(wrapped, attr, {})) for each attr. */
static int
update_attrs (HsVM *vm, HsObject *wrapper, HsObject *wrapped, HsObject *updated)
{
  HsObject *it = hs_object_iter (vm, updated), *attr;
  int rc = it != NULL ? 0 : -1;

  while (rc == 0 && (attr = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *mine = hs_object_getattr (vm, wrapper, attr);
      HsObject *theirs = mine != NULL ? getattr_if_any (vm, wrapped, attr) : NULL;
      HsObject *update = NULL, *r = NULL;
      if (theirs == NULL && mine != NULL && !hs_err_occurred (vm))
        theirs = hs_dict_new (vm);
      if (theirs != NULL && (update = hs_object_getattr_cstr (vm, mine, "update")) != NULL)
        r = hs_object_call (vm, update, &theirs, 1, NULL);
      rc = r != NULL ? 0 : -1;
      hs_xdecref (vm, r);
      hs_xdecref (vm, update);
      hs_xdecref (vm, theirs);
      hs_xdecref (vm, mine);
      hs_decref (vm, attr);
    }
  hs_xdecref (vm, it);
  return rc < 0 || hs_err_occurred (vm) ? -1 : 0;
}

static HsObject *
ft_update_wrapper (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *wrapper = NULL, *wrapped = NULL, *assigned = NULL, *updated = NULL, *mine[2];
  int rc;

  if (!hs_parse_args (vm, "update_wrapper", args, nargs, kwnames,
                      "@wrapper wrapped|assigned updated", &wrapper, &wrapped, &assigned, &updated))
    return NULL;
  mine[0] = assigned == NULL
                ? names_tuple (vm, wrapper_assignments, G_N_ELEMENTS (wrapper_assignments))
                : hs_incref (assigned);
  mine[1] = updated == NULL ? hs_tuple_pack (vm, 1, hs_str_intern_cstr ("__dict__"))
                            : hs_incref (updated);
  rc = mine[0] != NULL && mine[1] != NULL && assign_attrs (vm, wrapper, wrapped, mine[0]) == 0
               && update_attrs (vm, wrapper, wrapped, mine[1]) == 0
           ? hs_object_setattr (vm, wrapper, hs_str_intern_cstr ("__wrapped__"), wrapped)
           : -1;
  hs_xdecref (vm, mine[0]);
  hs_xdecref (vm, mine[1]);
  return rc < 0 ? NULL : hs_incref (wrapper);
}

/* wraps(wrapped, ...) is partial(update_wrapper, wrapped=wrapped, assigned=..., updated=...). */
static HsObject *
ft_wraps (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *wrapped = NULL, *assigned = NULL, *updated = NULL, *module, *v[4], *names, *r = NULL;

  if (!hs_parse_args (vm, "wraps", args, nargs, kwnames, "@wrapped|assigned updated", &wrapped,
                      &assigned, &updated))
    return NULL;
  if ((module = hs_import_module (vm, "functools")) == NULL)
    return NULL;
  /* immortal, as what a module defines */
  v[0] = hs_dict_get_item_cstr_borrow (vm, hs_module_dict (module), "update_wrapper");
  v[1] = wrapped;
  v[2] = assigned != NULL
             ? assigned
             : hs_dict_get_item_cstr_borrow (vm, hs_module_dict (module), "WRAPPER_ASSIGNMENTS");
  v[3] = updated != NULL
             ? updated
             : hs_dict_get_item_cstr_borrow (vm, hs_module_dict (module), "WRAPPER_UPDATES");
  names = hs_tuple_pack (vm, 3, hs_str_intern_cstr ("wrapped"), hs_str_intern_cstr ("assigned"),
                         hs_str_intern_cstr ("updated"));
  if (names != NULL && v[0] != NULL && v[2] != NULL && v[3] != NULL)
    r = hs_object_call (vm, (HsObject *)&partial_type, v, 1, names);
  hs_xdecref (vm, names);
  hs_decref (vm, module);
  return r;
}

static const HsMethodDef functools_functions[] = {
  { "update_wrapper", ft_update_wrapper },
  { "wraps", ft_wraps },
  { "reduce", ft_reduce },
  { "lru_cache", ft_lru_cache },
  { "cache", ft_cache },
  { "total_ordering", ft_total_ordering },
  { "cmp_to_key", ft_cmp_to_key },
  { "singledispatch", ft_singledispatch },
  { NULL, NULL },
};

void
hs_mod_functools_runtime_init (void)
{
  hs_type_ready (&partial_type);
  hs_type_ready (&lru_type);
  hs_type_ready (&key_type);
  hs_type_ready (&dispatch_type);
  hs_type_ready (&cached_property_type);
  hs_type_ready (&partialmethod_type);
  hs_type_ready (&unbound_partial_type);
  for (int r = 0; r < 4; r++)
    for (int k = 0; k < 3; k++)
      derived_descrs[r][k] = hs_method_descr_new (&derived_defs[r][k], &hs_object_type);
}

int
hs_mod_functools_init (HsVM *vm, HsObject *dict)
{
  HsObject *args[2], *info;
  int r;

  if (hs_module_add_functions (vm, dict, functools_functions) < 0
      || hs_module_add_take (vm, dict, "partial", hs_incref ((HsObject *)&partial_type)) < 0
      || hs_module_add_take (vm, dict, "partialmethod", hs_incref ((HsObject *)&partialmethod_type))
             < 0
      || hs_module_add_take (vm, dict, "cached_property",
                             hs_incref ((HsObject *)&cached_property_type))
             < 0)
    return -1;
  args[0] = hs_str_from_cstr (vm, "CacheInfo");
  args[1] = hs_str_from_cstr (vm, "hits misses maxsize currsize");
  info = args[0] && args[1] ? hs_namedtuple_new (vm, args, 2, NULL) : NULL;
  hs_xdecref (vm, args[0]);
  hs_xdecref (vm, args[1]);
  r = hs_module_add_take (vm, dict, "_CacheInfo", info);
  if (r == 0)
    r = hs_module_add_take (
        vm, dict, "WRAPPER_ASSIGNMENTS",
        names_tuple (vm, wrapper_assignments, G_N_ELEMENTS (wrapper_assignments)));
  if (r == 0)
    r = hs_module_add_take (vm, dict, "WRAPPER_UPDATES",
                            hs_tuple_pack (vm, 1, hs_str_intern_cstr ("__dict__")));
  return r;
}
