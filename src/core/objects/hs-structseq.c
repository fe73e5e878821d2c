/* hs-structseq.c — struct sequences: sys.version_info, sys.float_info, time.struct_time.
 *
 * Invariant: a struct sequence type (made once per VM by the module that owns it, immortal
 * for the rest of the run, like namedtuple's types) derives from tuple directly, as
 * CPython's PyStructSequence types do: an instance is an HsTuple whose items are its
 * sequence fields, so every tuple operation (comparison with a tuple, slicing, hashing)
 * applies, and the trace draws it as a tuple whose items are named by the fields. Fields
 * past the sequence ones (struct_time's tm_zone and tm_gmtoff) are stored after the
 * tuple's items, as CPython stores them: attributes only, not in len() or the repr. Its repr
 * names the module ("sys.version_info(major=3, ...)"); its fields are read-only.
 */
#include "config.h"

#include "hs-structseq.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-list.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsType type;
  const char *const *fields; /* static, NULL-terminated */
  gsize n;                   /* all fields */
  gsize n_visible;           /* the sequence fields, the first n_visible */
  gboolean constructible;    /* time.struct_time(seq); sys's cannot be made by a program */
  char tp_name[64];          /* "time.struct_time", which messages name it by */
} SSType;

#define SS(t) ((SSType *)(t))

static gssize
field_index (const SSType *t, HsObject *name)
{
  for (gsize i = 0; i < t->n; i++)
    if (hs_str_equal_cstr (name, t->fields[i]))
      return (gssize)i;
  return -1;
}

static HsObject *
ss_repr (HsVM *vm, HsObject *self)
{
  SSType *t = SS (self->type);
  GString *out = g_string_new (NULL);

  g_string_printf (out, "%s.%s(", t->type.module, t->type.name);
  for (gsize i = 0; i < t->n_visible; i++)
    {
      HsObject *r = hs_object_repr (vm, hs_tuple_get_borrow (self, i));
      if (r == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_printf (out, "%s%s=%s", i > 0 ? ", " : "", t->fields[i], hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

static HsObject *
ss_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  gssize i = field_index (SS (self->type), name);
  if (i >= 0)
    return hs_incref (hs_tuple_get_borrow (self, (gsize)i));
  return hs_object_generic_getattr (vm, self, name);
}

static int
ss_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  if (field_index (SS (self->type), name) >= 0)
    hs_err_set_string (vm, &hs_exc_AttributeError, "readonly attribute");
  else
    hs_err_format (vm, &hs_exc_AttributeError, "'%s.%s' object has no attribute '%s'",
                   self->type->module, self->type->name, hs_str_utf8 (name));
  return -1;
}

static void
ss_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  SSType *t = SS (self->type);
  for (gsize i = 0; i < t->n; i++)
    if (hs_tuple_get_borrow (self, i) != NULL)
      hs_visit_named (visit, hs_tuple_get_borrow (self, i), HS_REF_ATTR, t->fields[i], data);
}

/* tuple's dealloc would miss the fields past its items */
static void
ss_dealloc (HsVM *vm, HsObject *self)
{
  for (gsize i = SS (self->type)->n; i > 0; i--)
    HS_CLEAR (vm, hs_tuple_items (self)[i - 1]);
}

/* time.struct_time(sequence): the sequence fields, then any of the others (None if left out) */
static HsObject *
ss_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  SSType *t = SS (type);
  HsObject *seq = NULL, *items, *self = NULL;
  gsize len;

  if (!t->constructible)
    {
      hs_err_format (vm, &hs_exc_TypeError, "cannot create '%s.%s' instances", type->module,
                     type->name);
      return NULL;
    }
  if (!hs_parse_args (vm, "struct_time", args, nargs, kwnames, "sequence", &seq))
    return NULL;
  /* PySequence_Fast: any iterable */
  HsObject *it = hs_object_iter (vm, seq);
  if (it == NULL && hs_err_matches (vm, &hs_exc_TypeError))
    hs_err_set_string (vm, &hs_exc_TypeError, "constructor requires a sequence");
  items = it != NULL ? hs_tuple_from_iterable (vm, it) : NULL;
  hs_xdecref (vm, it);
  if (items == NULL)
    return NULL;
  len = hs_tuple_len (items);
  if (len < t->n_visible || len > t->n)
    hs_err_format (vm, &hs_exc_TypeError,
                   "%s.%s() takes %s %" G_GSIZE_FORMAT "-sequence (%" G_GSIZE_FORMAT
                   "-sequence given)",
                   type->module, type->name,
                   t->n_visible == t->n ? "a"
                   : len < t->n_visible ? "an at least"
                                        : "an at most",
                   len < t->n_visible ? t->n_visible : t->n, len);
  else
    {
      HsObject **fields = g_new (HsObject *, t->n);
      for (gsize i = 0; i < t->n; i++)
        fields[i] = i < len ? hs_tuple_get_borrow (items, i) : hs_None;
      self = hs_structseq_new (vm, type, fields);
      g_free (fields);
    }
  hs_decref (vm, items);
  return self;
}

HsObject *
hs_structseq_new (HsVM *vm, HsType *type, HsObject **items)
{
  SSType *t = SS (type);
  HsObject *self = hs_tuple_new_type (vm, type, t->n);

  if (self == NULL)
    return NULL;
  for (gsize i = 0; i < t->n; i++)
    hs_tuple_set_take (self, i, hs_incref (items[i]));
  HS_TUPLE (self)->len = t->n_visible;
  return self;
}

HsObject *
hs_structseq_new_take (HsVM *vm, HsType *type, HsObject **items)
{
  gsize n = SS (type)->n;
  gboolean ok = TRUE;
  HsObject *self;

  for (gsize i = 0; i < n; i++)
    ok &= items[i] != NULL;
  self = ok ? hs_structseq_new (vm, type, items) : NULL;
  for (gsize i = 0; i < n; i++)
    hs_xdecref (vm, items[i]);
  return self;
}

static int
set_count (HsVM *vm, HsObject *dict, const char *name, gsize n)
{
  HsObject *v = hs_int_from_i64 (vm, (gint64)n);
  int r = v != NULL ? hs_dict_set_item (vm, dict, hs_str_intern_cstr (name), v) : -1;
  hs_xdecref (vm, v);
  return r;
}

HsType *
hs_structseq_new_type (HsVM *vm, const char *module, const char *name, const char *const *fields,
                       gsize n_visible, gboolean constructible)
{
  SSType *t = (SSType *)hs_object_alloc (vm, &hs_type_type, sizeof (SSType));
  gsize n = g_strv_length ((char **)fields);

  if (t == NULL)
    return NULL;
  t->type.header.flags |= HS_FLAG_IMMORTAL;
  t->type.name = name;
  t->type.module = module;
  g_snprintf (t->tp_name, sizeof t->tp_name, "%s.%s", module, name);
  t->type.tp_name = t->tp_name;
  t->type.base = &hs_tuple_type;
  t->type.type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE;
  t->type.basicsize = sizeof (HsTuple);
  t->type.repr = ss_repr;
  t->type.getattr = ss_getattr;
  t->type.setattr = ss_setattr;
  t->type.refs = ss_refs;
  t->type.dealloc = ss_dealloc;
  t->type.clear = ss_dealloc;
  t->type.construct = ss_construct;
  t->fields = fields;
  t->n = n;
  t->n_visible = n_visible;
  t->constructible = constructible;
  t->type.dict = hs_dict_new (vm);
  if (t->type.dict == NULL)
    return NULL;
  t->type.dict->flags |= HS_FLAG_IMMORTAL;
  hs_dict_mark_type_namespace (t->type.dict, &t->type);
  if (set_count (vm, t->type.dict, "n_fields", n) < 0
      || set_count (vm, t->type.dict, "n_sequence_fields", n_visible) < 0
      || set_count (vm, t->type.dict, "n_unnamed_fields", 0) < 0)
    return NULL;
  return &t->type;
}
