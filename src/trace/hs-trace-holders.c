/* hs-trace-holders.c — the hidden holders the recorder writes beside an object: what holds
 * it that the diagram does not draw as an arrow (a class's internal tuples, a code
 * object's constants, a docstring, an unfolded part's left-out entries).
 *
 * Invariant: an object's drawn references plus its hidden holders are every reference its
 * count includes; hs-trace-verify.c checks it at every step of the refcount corpus.
 */
#include "config.h"

#include "hs-trace-record-private.h"

#include "hs-class.h"
#include "hs-dict.h"
#include "hs-module.h"
#include "hs-inspect.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* What the unfolded parts of an object keep out of its drawing (a class's namespace
 * entries __doc__, __module__, ...): as (key, value) pairs, flattened. */
typedef struct
{
  HsObject *holder;
  HsRefNameFn name;
  HsObject *key;
  GPtrArray *out;
} Hidden;

static void
hidden_part_ref (HsObject *child, const HsRef *ref, gpointer data)
{
  Hidden *h = data;
  if (ref->kind == HS_REF_KEY)
    h->key = child;
  else if (h->name (h->holder, ref, ref->kind == HS_REF_VALUE ? h->key : NULL) == NULL)
    {
      g_ptr_array_add (h->out, ref->kind == HS_REF_VALUE ? h->key : NULL);
      g_ptr_array_add (h->out, child);
    }
}

static void
hidden_ref (HsObject *child, const HsRef *ref, gpointer data)
{
  Hidden *h = data;
  if (ref->kind != HS_REF_UNFOLD)
    return;
  h->name = ref->unfold;
  hs_object_refs (child, hidden_part_ref, h);
}

GPtrArray *
hs_record_hidden_rows (HsObject *o)
{
  Hidden h = { o, NULL, NULL, g_ptr_array_new () };
  hs_object_refs (o, hidden_ref, &h);
  return h.out;
}

/* ---- hidden holders ------------------------------------------------------------- */

static void
add_holder (Recorder *rec, GArray *holders, const char *kind, const char *name)
{
  guint32 k = pool (rec, kind), n = pool (rec, name);
  g_array_append_val (holders, k);
  g_array_append_val (holders, n);
}

gint
hs_record_compare_ids (gconstpointer a, gconstpointer b)
{
  guint64 x = hs_object_id (*(HsObject *const *)a), y = hs_object_id (*(HsObject *const *)b);
  return x < y ? -1 : x > y;
}

GPtrArray *
hs_record_by_id (GHashTable *table, gboolean values)
{
  GPtrArray *objects = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter it;
  gpointer key, value;

  g_hash_table_iter_init (&it, table);
  while (g_hash_table_iter_next (&it, &key, &value))
    g_ptr_array_add (objects, values ? value : key);
  g_ptr_array_sort (objects, hs_record_compare_ids);
  return objects;
}

/* The traced classes, oldest first (so that hidden holders are listed in an order that
 * does not depend on where the classes were allocated). */
static GPtrArray *
traced_classes (Recorder *rec)
{
  return hs_record_by_id (rec->class_dicts, TRUE);
}

gboolean
hs_record_is_traced_tuple (HsObject *o)
{
  /* those hold classes only: the others are told apart without a look at every class */
  return HS_IS (o, &hs_tuple_type) && (o->flags & HS_FLAG_TRACED) && hs_tuple_len (o) > 0
         && hs_type_check (hs_tuple_get_borrow (o, 0));
}

/* How a holder names a class's internal object: "A.__mro__", "A.__dict__['__dict__']". */
static char *
internal_name (HsObject *cls, const char *name)
{
  return g_str_equal (name, "__mro__") || g_str_equal (name, "__bases__")
             ? g_strdup_printf ("%s.%s", hs_class_name (cls), name)
             : g_strdup_printf ("%s.__dict__['%s']", hs_class_name (cls), name);
}

typedef struct
{
  Recorder *rec;
  HsObject *cls, *holder; /* the class whose holders are listed, the traced class */
  GArray *holders;
  GHashTable *seen; /* internals already counted: a class made again shares its __bases__ */
} ClassHolders;

static void
add_internal_holder (HsObject *obj, const char *what, gpointer data)
{
  ClassHolders *h = data;
  g_autofree char *name = NULL;
  guint n;

  if (hs_record_is_traced_tuple (obj) || !g_hash_table_add (h->seen, obj))
    return;
  n = hs_object_refs_to (obj, h->cls);
  if (n == 0)
    return;
  name = internal_name (h->holder, what);
  for (guint j = 0; j < n; j++)
    add_holder (h->rec, h->holders, "class", name);
}

/* The references into a class from the internals of the traced classes (their __mro__
 * and __bases__ tuples and __dict__/__weakref__/slot descriptors), which the diagram does
 * not draw: as many holders as their refs find references. An internal tuple the program
 * reached (`m = A.__mro__`) is traced: its own references are counted as the arrows they
 * are. */
static void
add_class_holders (Recorder *rec, HsObject *cls, GArray *holders, HsObject *leaving)
{
  g_autoptr (GPtrArray) classes = traced_classes (rec);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint k = 0; k < classes->len; k++)
    {
      HsObject *c = classes->pdata[k];
      ClassHolders h = { rec, cls, c, holders, seen };

      if (c == leaving)
        continue;
      if ((HsObject *)HS_TYPE (c) == cls) /* a class made by the metaclass cls holds it */
        {
          g_autofree char *name = g_strdup_printf ("%s.__class__", hs_class_name (c));
          add_holder (rec, holders, "class", name);
        }
      hs_class_internals (c, add_internal_holder, &h);
    }
  /* a module of a class derived from ModuleType holds it; a module is drawn by its name */
  for (HsObject *p = hs_type_is_subtype ((HsType *)cls, &hs_module_type)
                         ? hs_inspect_live_first (rec->vm)
                         : NULL;
       p != NULL; p = hs_inspect_live_next (rec->vm, p))
    if ((HsObject *)HS_TYPE (p) == cls && p != leaving)
      add_holder (rec, holders, "module", hs_str_utf8 (((HsModuleObject *)p)->name));
}

static void
add_code_holder (Recorder *rec, HsObject *o, const char *kind, const char *name)
{
  GArray *holders;

  if (hs_is_immortal (o))
    return;
  holders = g_hash_table_lookup (rec->code_holders, o);
  if (holders == NULL)
    {
      holders = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (rec->code_holders, o, holders);
    }
  add_holder (rec, holders, kind, name);
}

typedef struct
{
  Recorder *rec;
  const HsCode *code;
} CodeHolders;

static void
add_code_ref (HsObject *o, const HsRef *ref, gpointer data)
{
  CodeHolders *h = data;

  if (g_strcmp0 (ref->name, "ast") == 0)
    add_code_holder (h->rec, o, "ast", h->code->name);
  else
    add_code_holder (h->rec, o, "code", h->code->qualname);
}

static void
collect_code_holders (Recorder *rec, const HsCode *code)
{
  CodeHolders h = { rec, code };

  hs_code_refs_own (code, add_code_ref, &h);
  for (int i = 0; i < code->nchildren; i++)
    collect_code_holders (rec, code->children[i]);
}

void
hs_record_ensure_code_holders (Recorder *rec)
{
  g_autoptr (GPtrArray) constants = NULL;
  guint ncodes, version;
  HsCode *const *codes = hs_inspect_codes (rec->vm, &ncodes, &version);

  g_autoptr (GHashTable) before = NULL;

  if (rec->code_holders != NULL && rec->codes_version == version)
    return;
  /* exec(), eval() or compile() added code: list the holders again */
  before = g_steal_pointer (&rec->code_holders);
  rec->codes_version = version;
  rec->code_holders = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
  for (guint i = 0; i < ncodes; i++)
    collect_code_holders (rec, codes[i]);
  rec->code_holders_max_id = 0;
  constants = hs_record_by_id (rec->code_holders, FALSE); /* traced in the order they were made */
  for (guint i = 0; i < constants->len; i++)
    {
      HsObject *o = constants->pdata[i];
      GArray *had = before != NULL ? g_hash_table_lookup (before, o) : NULL;

      if (!hs_is_immortal (o))
        rec->code_holders_max_id = MAX (rec->code_holders_max_id, o->id);
      /* an object traced before that the new code holds too (two texts share an interned
       * name) is listed with its new holders */
      if ((o->flags & HS_FLAG_TRACED) && before != NULL
          && (had == NULL
              || had->len != ((GArray *)g_hash_table_lookup (rec->code_holders, o))->len))
        hs_record_put_holders (rec, &rec->trace->log, o, NULL);
      ref (rec, o);
    }
}

void
hs_record_class_tuples (HsObject *cls, HsObject *tuples[2])
{
  tuples[0] = HS_CLASS (cls)->mro;
  tuples[1] = HS_CLASS (cls)->bases;
}

/* A class's tuple that the program reached (`m = A.__mro__`) is held by the class, which
 * does not draw it. */
static void
add_internal_holders (Recorder *rec, HsObject *o, GArray *holders, HsObject *leaving)
{
  static const char *const names[2] = { "__mro__", "__bases__" };
  g_autoptr (GPtrArray) classes = traced_classes (rec);

  for (guint k = 0; k < classes->len; k++)
    {
      HsObject *tuples[2];

      hs_record_class_tuples (classes->pdata[k], tuples);
      for (int i = 0; i < 2 && classes->pdata[k] != leaving; i++)
        if (tuples[i] == o)
          {
            g_autofree char *name = internal_name (classes->pdata[k], names[i]);
            add_holder (rec, holders, "class", name);
          }
    }
}

/* A class's docstring is in its namespace under `__doc__`, which the class's box leaves
 * out (hidden_rows). */
static void
add_docstring_holders (Recorder *rec, HsObject *str, GArray *holders)
{
  g_autoptr (GPtrArray) classes = traced_classes (rec);

  for (guint k = 0; k < classes->len; k++)
    {
      HsObject *cls = classes->pdata[k];
      g_autoptr (GPtrArray) hidden = hs_record_hidden_rows (cls);
      for (guint i = 0; i < hidden->len; i += 2)
        if (hidden->pdata[i + 1] == str)
          {
            g_autofree char *name
                = g_strdup_printf ("%s.%s", hs_class_name (cls),
                                   hidden->pdata[i] != NULL ? hs_str_utf8 (hidden->pdata[i]) : "?");
            add_holder (rec, holders, "class", name);
          }
    }
}

/* The module's __annotations__ (`p: Point = …` at module level keeps Point there), a dict
 * the diagram does not draw; NULL when the program annotated nothing. Asked at every step:
 * its entry is looked for again only when the globals' keys changed (keys_version), not
 * when a value did (a scan of the globals at every module-level step was 11% of a
 * recording of a loop). */
static HsObject *
module_annotations (Recorder *rec)
{
  HsDict *d = HS_DICT (hs_inspect_globals (rec->vm));
  HsObject *a;

  if (d->keys_version != rec->annotations_keys)
    {
      rec->annotations_keys = d->keys_version;
      rec->annotations_at = 0;
      for (gsize i = 0; i < d->nentries && rec->annotations_at == 0; i++)
        if (d->entries[i].key != NULL && HS_IS (d->entries[i].key, &hs_str_type)
            && hs_str_equal_cstr (d->entries[i].key, "__annotations__"))
          rec->annotations_at = i + 1;
    }
  a = rec->annotations_at != 0 ? d->entries[rec->annotations_at - 1].value : NULL;
  return a != NULL && hs_dict_check (a) ? a : NULL;
}

/* Whether o is an annotation of the module; each one a holder (holders NULL: only asked). */
static gboolean
add_annotation_holders (Recorder *rec, HsObject *o, GArray *holders)
{
  HsObject *annotations = module_annotations (rec), *k, *v;
  gsize pos = 0;
  gboolean any = FALSE;
  while (annotations != NULL && hs_dict_next (annotations, &pos, &k, &v))
    if (v == o)
      {
        any = TRUE;
        if (holders != NULL)
          add_holder (rec, holders, "annotation", hs_str_check (k) ? hs_str_utf8 (k) : "?");
      }
  return any;
}

void
hs_record_put_annotation_holders (Recorder *rec, HsLog *log)
{
  HsObject *annotations, *k, *v;
  gsize pos = 0;

  /* Globals with no dirty mark since the last step hold the __annotations__ they held (most
   * steps: the entry is not looked at) */
  if (!rec->annotations_known || (hs_inspect_globals (rec->vm)->flags & HS_FLAG_DIRTY))
    {
      rec->annotations = module_annotations (rec);
      rec->annotations_known = TRUE;
    }
  annotations = rec->annotations;
  /* an object put before this sync, in the step that made the dict, is put again below */
  rec->module_annotated = annotations != NULL;
  if (annotations == NULL || !(annotations->flags & HS_FLAG_DIRTY))
    return;
  while (hs_dict_next (annotations, &pos, &k, &v))
    if ((v->flags & HS_FLAG_TRACED) && !hs_is_immortal (v))
      hs_record_put_holders (rec, log, v, NULL);
}

typedef struct
{
  Recorder *rec;
  GArray *holders;
} NamespaceHolders;

static void
add_namespace_holder (const char *kind, const char *name, gpointer data)
{
  NamespaceHolders *h = data;
  add_holder (h->rec, h->holders, kind, name);
}

void
hs_record_put_holders (Recorder *rec, HsLog *log, HsObject *o, HsObject *leaving)
{
  /* a mortal object made after the last constant is none (most objects put) */
  GArray *code
      = rec->code_holders != NULL && (hs_is_immortal (o) || o->id <= rec->code_holders_max_id)
            ? g_hash_table_lookup (rec->code_holders, o)
            : NULL;
  g_autoptr (GArray) holders = NULL;
  gboolean internal, namespace = (o->flags & HS_FLAG_NAMESPACE) != 0;
  /* looked up only in a program that annotated a name at module level */
  gboolean annotation = rec->module_annotated && add_annotation_holders (rec, o, NULL);

  /* most objects: asked at every put_object (an internal tuple is a tuple) */
  if (code == NULL && !namespace && !HS_IS (o, &hs_str_type) && !HS_IS (o, &hs_tuple_type)
      && !hs_class_check (o) && !annotation)
    return;
  internal = hs_record_is_traced_tuple (o);
  if (code == NULL && !hs_class_check (o) && !HS_IS (o, &hs_str_type) && !internal && !namespace
      && !annotation)
    return;
  holders = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (namespace)
    {
      NamespaceHolders h = { rec, holders };
      hs_inspect_namespace_holders (rec->vm, o, add_namespace_holder, &h);
    }
  if (code != NULL)
    g_array_append_vals (holders, code->data, code->len);
  if (hs_class_check (o))
    add_class_holders (rec, o, holders, leaving);
  if (HS_IS (o, &hs_str_type))
    add_docstring_holders (rec, o, holders);
  if (internal)
    add_internal_holders (rec, o, holders, leaving);
  if (annotation)
    add_annotation_holders (rec, o, holders);
  /* an internal loses its holder when its class goes */
  if (holders->len == 0 && code == NULL && !hs_class_check (o) && !(internal && leaving != NULL)
      && !namespace)
    return;
  hs_log_put (log, HS_REC_HOLDERS);
  hs_log_put (log, hs_object_id (o));
  hs_log_put (log, holders->len / 2);
  for (guint i = 0; i < holders->len; i++)
    hs_log_put (log, g_array_index (holders, guint32, i));
}

static void
put_class_holders_of_ref (HsObject *child, const HsRef *ref, gpointer data)
{
  gpointer *args = data;
  Recorder *rec = args[0];

  if (hs_class_check (child) && (child->flags & HS_FLAG_TRACED)
      && !g_ptr_array_find (rec->todo, child, NULL))
    hs_record_put_holders (rec, args[1], child, NULL);
}

void
hs_record_put_internal_traced (Recorder *rec, HsLog *log, HsObject *o)
{
  gpointer args[2] = { rec, log };
  g_autoptr (GArray) holders = NULL;

  if (!hs_record_is_traced_tuple (o))
    return; /* most objects: asked at every put_object */
  holders = g_array_new (FALSE, FALSE, sizeof (guint32));
  add_internal_holders (rec, o, holders, NULL);
  if (holders->len > 0)
    hs_object_refs (o, put_class_holders_of_ref, args);
}

void
hs_record_put_ancestor_holders (Recorder *rec, HsLog *log, HsObject *cls, HsObject *leaving)
{
  HsObject *a;
  for (gsize i = 0; (a = (HsObject *)hs_type_mro_at ((HsType *)cls, i)) != NULL; i++)
    {
      if (i == 0) /* its metaclass, held like an ancestor */
        a = (HsObject *)HS_TYPE (cls);
      if (hs_class_check (a) && (a->flags & HS_FLAG_TRACED) && !hs_is_immortal (a)
          && !g_ptr_array_find (rec->todo, a, NULL))
        hs_record_put_holders (rec, log, a, leaving);
    }
}

void
hs_record_put_traced_internal_holders (Recorder *rec, HsLog *log, HsObject *cls)
{
  HsObject *tuples[2];

  hs_record_class_tuples (cls, tuples);
  for (int i = 0; i < 2; i++)
    if (tuples[i] != NULL && hs_record_is_traced_tuple (tuples[i])
        && !g_ptr_array_find (rec->todo, tuples[i], NULL))
      hs_record_put_holders (rec, log, tuples[i], NULL);
}
