/* hs-class-mro.c — the class hierarchy: method resolution order (C3, as CPython's
 * mro_implementation), the base whose layout a class extends, the metaclass of a class
 * statement, issubclass, whether an object's __class__ may change to another class
 * (the two lay their objects out alike), each type's live subclasses (`__subclasses__`),
 * and the slots a class's __slots__ adds to its instances' layout.
 *
 * Invariant: a class's mro tuple starts with the class and is the C3 merge of its bases'
 * MROs and its bases; a built-in type's is its chain of bases.
 */
#include "config.h"

#include <string.h>

#include "hs-builtin-subclass.h"
#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-class-private.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-genericalias.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-recursion.h"
#include "hs-str.h"
#include "hs-symtable.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

const HsType *
hs_type_mro_at (const HsType *t, gsize i)
{
  HsObject *mro = (t->type_flags & HS_TYPE_HEAP) ? HS_CLASS (t)->mro : NULL;
  const HsType *start = t;

  if (mro != NULL)
    return i < hs_tuple_len (mro) ? (const HsType *)hs_tuple_get_borrow (mro, i) : NULL;
  for (; t != NULL && i > 0; i--)
    do
      t = t == start && (t->type_flags & HS_TYPE_MIXIN_BASE) ? t->base->base : t->base;
    while (t != NULL && (t->type_flags & HS_TYPE_HIDDEN));
  return t;
}

gboolean
hs_class_mro_contains (const HsType *t, const HsType *base)
{
  HsObject *mro = (t->type_flags & HS_TYPE_HEAP) ? HS_CLASS (t)->mro : NULL;

  if (mro == NULL)
    {
      for (; t != NULL; t = t->base)
        if (t == base)
          return TRUE;
      return FALSE;
    }
  /* the tuple read in place: isinstance() and every subtype test of a class come here */
  for (gsize i = 0, n = hs_tuple_len (mro); i < n; i++)
    if (hs_tuple_get_borrow (mro, i) == (const HsObject *)base)
      return TRUE;
  /* a hidden type is in no MRO: the class derives from it through its built-in part */
  return (base->type_flags & HS_TYPE_HIDDEN) && HS_CLASS (t)->static_base != NULL
         && hs_class_mro_contains (HS_CLASS (t)->static_base, base);
}

HsObject *
hs_class_mro_tuple (HsVM *vm, const HsType *t)
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
HsObject *
hs_class_compute_mro (HsVM *vm, HsClass *c)
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
    if ((seqs[i] = hs_class_mro_tuple (vm, (HsType *)hs_tuple_get_borrow (c->bases, i))) == NULL)
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
 * its base's (a class adds only its attribute table, which does not count, unless its
 * __slots__ add slots). */
static const HsType *
solid_base (const HsType *t)
{
  if (t->type_flags & HS_TYPE_HEAP)
    return HS_CLASS (t)->nslots > 0 ? t : solid_base (t->base);
  const HsType *b = t->base != NULL ? solid_base (t->base) : &hs_object_type;
  return t->basicsize != b->basicsize ? t : b;
}

/* CPython's best_base: the base whose layout the new class's instances extend. */
HsType *
hs_class_best_base (HsVM *vm, HsObject **bases, gsize nbases)
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
                         hs_type_tp_name (b));
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

/* The built-in part of each base is object, type, an exception class, one of the
 * built-ins a class may derive from (hs-builtin-subclass.c) or a type whose instances hold
 * nothing but their header (datetime.tzinfo): others are refused. */
gboolean
hs_class_check_static_bases (HsVM *vm, HsObject **bases, gsize nbases)
{
  for (gsize i = 0; i < nbases; i++)
    {
      HsType *b = (HsType *)bases[i];
      if (b->type_flags & HS_TYPE_HEAP)
        b = HS_CLASS (b)->static_base;
      if (b != &hs_object_type && b != &hs_type_type && !(b->type_flags & HS_TYPE_EXCEPTION)
          && !hs_builtin_subclass_allowed (b) && b->basicsize != sizeof (HsObject)
          && !(b->type_flags & HS_TYPE_PYTHON_CLASS))
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

/* ---- issubclass ---------------------------------------------------------------------- */

/* cls.<name>(arg) as a bool: True/False, or NULL with an error */
static HsObject *
call_check (HsVM *vm, HsObject *cls, const char *name, HsObject *arg)
{
  HsObject *fn = hs_object_getattr_cstr (vm, cls, name);
  HsObject *r = fn != NULL ? hs_object_call (vm, fn, &arg, 1, NULL) : NULL;
  hs_xdecref (vm, fn);
  int t = r != NULL ? hs_object_truth (vm, r) : -1;
  hs_xdecref (vm, r);
  return t < 0 ? NULL : hs_bool_from (t);
}

HsObject *
hs_class_metaclass_hook (HsVM *vm, HsObject *cls, const char *name, HsObject *arg)
{
  const HsType *meta = HS_TYPE (cls);
  if (!(meta->type_flags & HS_TYPE_HEAP)
      || hs_type_lookup_borrow (meta, hs_str_intern_cstr (name)) == NULL)
    return hs_protocol_check (vm, cls, name, arg); /* CPython's _ProtocolMeta's, or none */
  return call_check (vm, cls, name, arg);
}

HsObject *
hs_class_isinstance (HsVM *vm, HsObject *o, HsType *cls)
{
  HsObject *hook;
  int yes;
  /* an exact match needs no hook, as CPython's PyObject_IsInstance */
  if (hs_cfunction_python_type (o) == cls)
    return hs_bool_from (TRUE);
  hook = hs_class_metaclass_hook (vm, (HsObject *)cls, "__instancecheck__", o);
  if (hook != hs_NotImplemented)
    return hook;
  yes = hs_class_isinstance_by_class (vm, o, cls);
  return yes < 0 ? NULL : hs_bool_from (yes);
}

HsObject *
hs_object_check_hook (HsVM *vm, HsObject *cls, const char *name, HsObject *arg)
{
  if (hs_type_lookup_borrow (HS_TYPE (cls), hs_str_intern_cstr (name)) == NULL)
    return hs_NotImplemented;
  return call_check (vm, cls, name, arg);
}

HsObject *
hs_builtin_issubclass (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *c = NULL, *b = NULL, *members;
  if (!hs_parse_args (vm, "issubclass", args, nargs, kwnames, "cls class_or_tuple /", &c, &b))
    return NULL;
  /* int | str stands for (int, str) (CPython 3.11); another object that is no class asks
   * its type's __subclasscheck__ (typing.Iterable), before arg 1 is looked at */
  if ((members = hs_alias_union_members (b)) != NULL)
    b = members;
  if (!hs_type_check (b) && !hs_tuple_check (b))
    {
      HsObject *hook = hs_object_check_hook (vm, b, "__subclasscheck__", c);
      if (hook != hs_NotImplemented)
        return hook;
    }
  if (!hs_type_check (c))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "issubclass() arg 1 must be a class");
      return NULL;
    }
  if (hs_type_check (b))
    {
      HsObject *hook = hs_class_metaclass_hook (vm, b, "__subclasscheck__", c);
      return hook != hs_NotImplemented
                 ? hook
                 : hs_bool_from (hs_type_is_subtype ((HsType *)c, (HsType *)b));
    }
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

/* ---- __class__ assignment ------------------------------------------------------------ */

/* The nearest class in t's MRO whose __slots__ adds slots, or NULL. */
static const HsClass *
slotted (const HsType *t)
{
  const HsType *a;
  for (gsize i = 0; (a = hs_type_mro_at (t, i)) != NULL && (a->type_flags & HS_TYPE_HEAP); i++)
    if (HS_CLASS (a)->nslots > 0)
      return HS_CLASS (a);
  return NULL;
}

/* Whether two classes' objects are laid out alike (CPython's compatible_for_assignment):
 * the same built-in base, size and attribute table. */
static gboolean
same_layout (const HsType *a, const HsType *b)
{
  const HsClass *x = HS_CLASS (a), *y = HS_CLASS (b);

  if (x->static_base != y->static_base || a->basicsize != b->basicsize
      || x->attrs_offset != y->attrs_offset || x->has_dict != y->has_dict
      || x->has_weakref != y->has_weakref)
    return FALSE;
  /* CPython's same_slots_added: the same slots, by name */
  x = slotted (a);
  y = slotted (b);
  return x == y
         || (x != NULL && y != NULL && x->nslots == y->nslots
             && memcmp (x->slot_names, y->slot_names, x->nslots * sizeof (HsObject *)) == 0);
}

/* CPython lets a module's class change between ModuleType and the classes derived from it
 * (Heapscope's add no slots, a module keeps room for an attribute table). */
static gboolean
modules_alike (const HsType *a, const HsType *b)
{
  return hs_type_is_subtype (a, &hs_module_type) && hs_type_is_subtype (b, &hs_module_type);
}

int
hs_object_set_class (HsVM *vm, HsObject *obj, HsObject *value)
{
  const HsType *old = obj->type;

  if (value == NULL)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "can't delete __class__ attribute");
      return -1;
    }
  if (!hs_type_check (value))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                     hs_type_name (value));
      return -1;
    }
  gboolean modules = modules_alike (old, (HsType *)value);
  if (!modules
      && (!(old->type_flags & HS_TYPE_HEAP) || !(((HsType *)value)->type_flags & HS_TYPE_HEAP)))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "__class__ assignment only supported for mutable types or ModuleType "
                         "subclasses");
      return -1;
    }
  if (!modules && !same_layout (old, (HsType *)value))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "__class__ assignment: '%s' object layout differs from '%s'",
                     ((HsType *)value)->name, old->name);
      return -1;
    }
  obj->type = (HsType *)hs_incref (value);
  hs_object_mark_dirty (vm, obj);   /* its class row */
  hs_object_mark_dirty (vm, value); /* a module's class lists it among its holders */
  hs_object_mark_dirty (vm, (HsObject *)old);
  hs_decref (vm, (HsObject *)old);
  return 0;
}

/* ---- __subclasses__ ---------------------------------------------------------------- */

/* vm->subclasses: a type -> GPtrArray of its live direct subclasses (not owned), in the
 * order they were made, as CPython's tp_subclasses (a dict keyed by their addresses). */

void
hs_class_subclasses_add (HsVM *vm, HsClass *c)
{
  HsObject *bases = c->bases;

  if (vm->subclasses == NULL)
    vm->subclasses = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  for (gsize i = 0; i < hs_tuple_len (bases); i++)
    {
      gpointer base = hs_tuple_get_borrow (bases, i);
      GPtrArray *list = g_hash_table_lookup (vm->subclasses, base);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (vm->subclasses, base, list);
        }
      g_ptr_array_add (list, c);
    }
}

/* Its bases tuple may be cleared already (the collector clears a cycle in any order), so
 * every list is searched: there are few, and classes are seldom freed. */
void
hs_class_subclasses_forget (HsVM *vm, HsClass *c)
{
  GHashTableIter it;
  gpointer list;

  if (vm->subclasses == NULL)
    return;
  g_hash_table_remove (vm->subclasses, c);
  g_hash_table_iter_init (&it, vm->subclasses);
  while (g_hash_table_iter_next (&it, NULL, &list))
    g_ptr_array_remove (list, c);
}

HsObject *
hs_class_subclasses_list (HsVM *vm, const HsType *t)
{
  GPtrArray *list = vm->subclasses != NULL ? g_hash_table_lookup (vm->subclasses, t) : NULL;

  if (list == NULL)
    return hs_list_from_array (vm, NULL, 0);
  return hs_list_from_array (vm, (HsObject **)list->pdata, list->len);
}

/* ---- version tags ------------------------------------------------------------------- */

/* Set once the runtime's built-in types are complete: their namespaces change while it
 * makes them, and no subclass list reaches a built-in type derived from another (bool
 * from int), so none takes a tag before. */
static gboolean version_tags_ready;
static guint64 next_version_tag = 1;

void
hs_type_version_tags_enable (void)
{
  __atomic_store_n (&version_tags_ready, TRUE, __ATOMIC_RELEASE);
}

/* Its own tag in *field, a new one unless it has one (another thread may give a built-in
 * type one first: then that one). */
static guint64
assign_tag (guint64 *field)
{
  guint64 tag = __atomic_load_n (field, __ATOMIC_RELAXED), fresh;

  if (tag != 0)
    return tag;
  fresh = __atomic_fetch_add (&next_version_tag, 1, __ATOMIC_RELAXED);
  if (__atomic_compare_exchange_n (field, &tag, fresh, FALSE, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
    return fresh;
  return tag;
}

/* A shape tag first: a type with a version tag has one. */
static guint64
assign_version_tag (const HsType *t)
{
  assign_tag (&((HsType *)t)->shape_tag);
  return assign_tag (&((HsType *)t)->version_tag);
}

guint64
hs_type_version_tag (const HsType *type)
{
  guint64 tag = hs_type_version_tag_peek (type);
  gsize n = 1;

  if (tag != 0 || !__atomic_load_n (&version_tags_ready, __ATOMIC_ACQUIRE))
    return tag;
  /* an MRO lists each type before its bases: from its end, each type's bases have a tag
   * before it takes one */
  while (hs_type_mro_at (type, n) != NULL)
    n++;
  while (--n > 0)
    assign_version_tag (hs_type_mro_at (type, n));
  return assign_version_tag (type);
}

guint64
hs_type_shape_tag (const HsType *type)
{
  guint64 tag = hs_type_shape_tag_peek (type);

  if (tag != 0)
    return tag;
  hs_type_version_tag (type);
  return hs_type_shape_tag_peek (type);
}

/* Whether the type has a tag type_reset_tags resets (a type without one has subclasses
 * without one: tags are given bases first). */
static gboolean
has_tag (const HsType *t, gboolean values_only)
{
  return hs_type_version_tag_peek (t) != 0 || (!values_only && hs_type_shape_tag_peek (t) != 0);
}

static void
reset_tags (const HsType *t, gboolean values_only)
{
  __atomic_store_n (&((HsType *)t)->version_tag, 0, __ATOMIC_RELAXED);
  if (!values_only)
    __atomic_store_n (&((HsType *)t)->shape_tag, 0, __ATOMIC_RELAXED);
}

/* The version tags (and, unless values_only, the shape tags) of type and its subclasses
 * reset. */
static void
type_reset_tags (HsVM *vm, const HsType *type, gboolean values_only)
{
  GPtrArray *subs, *todo;

  if (!has_tag (type, values_only))
    return;
  reset_tags (type, values_only);
  subs = vm != NULL && vm->subclasses != NULL ? g_hash_table_lookup (vm->subclasses, type) : NULL;
  if (subs == NULL || subs->len == 0)
    return;
  /* a loop, not recursion: a chain of classes may be deep */
  todo = g_ptr_array_new ();
  g_ptr_array_add (todo, (gpointer)type);
  while (todo->len > 0)
    {
      subs = g_hash_table_lookup (vm->subclasses,
                                  g_ptr_array_steal_index_fast (todo, todo->len - 1));
      for (guint i = 0; subs != NULL && i < subs->len; i++)
        if (has_tag (subs->pdata[i], values_only))
          {
            reset_tags (subs->pdata[i], values_only);
            g_ptr_array_add (todo, subs->pdata[i]);
          }
    }
  g_ptr_array_unref (todo);
}

void
hs_type_modified (HsVM *vm, const HsType *type)
{
  type_reset_tags (vm, type, FALSE);
}

/* A value with no descriptor behaviour, whose type no program can change (the common
 * ones: a counter, a label, a flag): what an attribute cache never holds. */
static gboolean
is_plain_value (const HsObject *v)
{
  const HsType *t = v->type;
  return t == &hs_int_type || t == &hs_float_type || t == &hs_str_type || t == &hs_bool_type
         || t == &hs_none_type;
}

void
hs_type_modified_value (HsVM *vm, const HsType *type, HsObject *name, HsObject *old,
                        HsObject *value)
{
  /* a dunder may be read by a slot, or cached by a class call (__init__, __new__) */
  gboolean plain = is_plain_value (old) && is_plain_value (value) && name->type == &hs_str_type
                   && !(hs_str_utf8 (name)[0] == '_' && hs_str_utf8 (name)[1] == '_');
  type_reset_tags (vm, type, plain);
}

/* ---- __slots__ ------------------------------------------------------------------------ */

void
hs_slots_spec_clear (HsSlotsSpec *spec)
{
  g_clear_pointer (&spec->names, g_ptr_array_unref);
}

/* An attribute name as the class `cls_name` mangles it (interned, borrowed). */
static HsObject *
mangle (HsVM *vm, HsObject *cls_name, HsObject *name)
{
  g_autofree char *m = hs_mangle (hs_str_utf8 (cls_name), hs_str_utf8 (name));
  return m != NULL ? hs_str_intern_name (vm, m, strlen (m)) : name;
}

/* Whether CPython's objects of the built-in part of t vary in size (tp_itemsize != 0),
 * which leaves no room for slots; Heapscope's str subclasses keep their attributes after
 * the text, so they cannot have slots either. */
static gboolean
itemsize_nonzero (const HsType *t)
{
  const HsType *sb = t->type_flags & HS_TYPE_HEAP ? HS_CLASS (t)->static_base : t;
  return sb == &hs_int_type || sb == &hs_tuple_type || sb == &hs_bytes_type
         || hs_type_is_subtype (sb, &hs_type_type);
}

static int
check_slot_name (HsVM *vm, HsObject *item, const HsType *base, HsSlotsSpec *spec)
{
  if (!hs_str_check (item))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__slots__ items must be strings, not '%s'",
                     hs_type_name (item));
      return -1;
    }
  if (!hs_str_is_identifier (item))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "__slots__ must be identifiers");
      return -1;
    }
  if (hs_str_equal_cstr (item, "__dict__"))
    {
      if (hs_class_instances_have_dict (base) || spec->add_dict)
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "__dict__ slot disallowed: we already got one");
          return -1;
        }
      spec->add_dict = TRUE;
    }
  else if (hs_str_equal_cstr (item, "__weakref__"))
    {
      if (hs_class_instances_weakrefable (base) || itemsize_nonzero (base) || spec->add_weakref)
        {
          hs_err_set_string (
              vm, &hs_exc_TypeError,
              "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
          return -1;
        }
      spec->add_weakref = TRUE;
    }
  else
    g_ptr_array_add (spec->names, item);
  return 0;
}

static gint
compare_str_ptrs (gconstpointer a, gconstpointer b)
{
  return strcmp (hs_str_utf8 (*(HsObject *const *)a), hs_str_utf8 (*(HsObject *const *)b));
}

/* The new slots' names, mangled, each checked against the class variables (the caller
 * frees spec->names). */
static int
copy_slot_names (HsVM *vm, HsObject *ns, HsObject *cls_name, const HsType *base, HsSlotsSpec *spec)
{
  if (spec->names->len > 0
      && hs_builtin_subclass_varsize (base->type_flags & HS_TYPE_HEAP ? HS_CLASS (base)->static_base
                                                                      : base))
    {
      hs_err_format (vm, &hs_exc_NotImplementedError,
                     "nonempty __slots__ in a subclass of '%s' are not supported by Heapscope yet",
                     base->name);
      return -1;
    }
  for (guint i = 0; i < spec->names->len; i++)
    {
      HsObject *slot = spec->names->pdata[i];
      if (!hs_str_equal_cstr (slot, "__qualname__") && !hs_str_equal_cstr (slot, "__classcell__")
          && hs_dict_get_item_borrow (vm, ns, mangle (vm, cls_name, slot)) != NULL)
        {
          HsObject *r = hs_object_repr (vm, slot);
          if (r != NULL)
            hs_err_format (vm, &hs_exc_ValueError, "%s in __slots__ conflicts with class variable",
                           hs_str_utf8 (r));
          hs_xdecref (vm, r);
          return -1;
        }
      spec->names->pdata[i] = hs_str_intern_name_obj (vm, mangle (vm, cls_name, slot));
    }
  g_ptr_array_sort (spec->names, compare_str_ptrs);
  return 0;
}

int
hs_class_read_slots (HsVM *vm, HsObject *ns, HsObject *cls_name, const HsType *base,
                     HsSlotsSpec *spec)
{
  HsObject *slots = hs_dict_get_item_borrow (vm, ns, hs_str_intern_cstr ("__slots__"));
  spec->names = g_ptr_array_new ();
  if (slots == NULL)
    {
      spec->add_dict = !hs_class_instances_have_dict (base);
      spec->add_weakref = !hs_class_instances_weakrefable (base) && !itemsize_nonzero (base);
      return 0;
    }
  HsObject *items
      = hs_str_check (slots) ? hs_tuple_pack (vm, 1, slots) : hs_tuple_from_iterable (vm, slots);
  int rc = items != NULL ? 0 : -1;
  if (rc == 0 && hs_tuple_len (items) > 0 && itemsize_nonzero (base))
    {
      hs_err_format (vm, &hs_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                     base->name);
      rc = -1;
    }
  for (gsize i = 0; rc == 0 && i < hs_tuple_len (items); i++)
    rc = check_slot_name (vm, hs_tuple_get_borrow (items, i), base, spec);
  if (rc == 0)
    rc = copy_slot_names (vm, ns, cls_name, base, spec);
  hs_xdecref (vm, items);
  return rc;
}

HsObject *
hs_class_slotnames (HsVM *vm, HsObject *cls)
{
  HsObject *names = hs_list_new (vm, 0);
  const HsType *k;
  int rc = names != NULL ? 0 : -1;

  for (gsize i = 0; rc == 0 && (k = hs_type_mro_at ((HsType *)cls, i)) != NULL; i++)
    {
      HsObject *slots
          = k->dict != NULL && (k->type_flags & HS_TYPE_HEAP)
                ? hs_dict_get_item_borrow (vm, k->dict, hs_str_intern_cstr ("__slots__"))
                : NULL;
      if (slots == NULL)
        continue;
      HsObject *items = hs_str_check (slots) ? hs_tuple_pack (vm, 1, slots)
                                             : hs_tuple_from_iterable (vm, slots);
      rc = items != NULL ? 0 : -1;
      for (gsize j = 0; rc == 0 && j < hs_tuple_len (items); j++)
        {
          HsObject *n = hs_tuple_get_borrow (items, j);
          if (!hs_str_equal_cstr (n, "__dict__") && !hs_str_equal_cstr (n, "__weakref__"))
            rc = hs_list_append (vm, names, mangle (vm, HS_CLASS (k)->name, n));
        }
      hs_xdecref (vm, items);
    }
  if (rc < 0)
    HS_CLEAR (vm, names);
  return names;
}

void
hs_class_set_slots (HsClass *c, const HsSlotsSpec *spec)
{
  const HsType *base = c->type.base;
  c->has_dict = hs_class_instances_have_dict (base) || spec->add_dict;
  c->has_weakref = hs_class_instances_weakrefable (base) || spec->add_weakref;
  c->nslots = spec->names->len;
  c->slot_names
      = c->nslots > 0 ? g_memdup2 (spec->names->pdata, sizeof (HsObject *) * c->nslots) : NULL;
  c->slots_offset = (c->type.basicsize + 7) & ~(gsize)7;
  c->type.basicsize = c->slots_offset + sizeof (HsObject *) * c->nslots;
}
