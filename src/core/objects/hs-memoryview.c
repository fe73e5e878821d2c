/* hs-memoryview.c — memoryview and its managed buffer (CPython's memoryobject.c), for
 * one-dimensional views of bytes ('B') over bytes and bytearray. See hs-memoryview.h.
 */
#include "config.h"

#include <string.h>

#include "hs-memoryview.h"

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-range.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- the managed buffer ------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *obj; /* the exporter; NULL once every view is released */
  gsize views;   /* views not released: while some are, obj counts one export */
} HsManagedBuffer;

#define MBUF(o) ((HsManagedBuffer *)(o))

static const HsRefField mbuf_fields[] = {
  { offsetof (HsManagedBuffer, obj), HS_REF_ATTR, "obj" },
};

static void
mbuf_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit_fields (self, mbuf_fields, G_N_ELEMENTS (mbuf_fields), visit, data);
}

/* The last view released: the exporter's export ends and its reference goes. */
static void
mbuf_release (HsVM *vm, HsObject *self)
{
  HsManagedBuffer *m = MBUF (self);
  if (m->obj == NULL)
    return;
  HS_BYTES (m->obj)->exports--;
  HS_CLEAR (vm, m->obj);
  hs_object_mark_dirty (vm, self);
}

static void
mbuf_clear (HsVM *vm, HsObject *self)
{
  mbuf_release (vm, self);
}

HsType hs_managedbuffer_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "managedbuffer",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsManagedBuffer),
  .dealloc = mbuf_clear,
  .refs = mbuf_refs,
  .clear = mbuf_clear,
};

/* ---- the view ------------------------------------------------------------------------ */

typedef struct
{
  HsObject header;
  HsObject *mbuf;
  gsize start, len; /* the first byte viewed, the number of bytes */
  gssize step;      /* between two bytes viewed */
  gboolean readonly, released;
  gint64 hash; /* -1 until asked */
} HsMemoryView;

#define MV(o) ((HsMemoryView *)(o))

static const HsRefField mv_fields[] = {
  { offsetof (HsMemoryView, mbuf), HS_REF_ATTR, "mbuf" },
};

static void
mv_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit_fields (self, mv_fields, G_N_ELEMENTS (mv_fields), visit, data);
}

static void
mv_release (HsVM *vm, HsMemoryView *m)
{
  if (m->released)
    return;
  m->released = TRUE;
  if (m->mbuf != NULL && --MBUF (m->mbuf)->views == 0)
    mbuf_release (vm, m->mbuf);
}

static void
mv_clear (HsVM *vm, HsObject *self)
{
  mv_release (vm, MV (self));
  HS_CLEAR (vm, MV (self)->mbuf);
}

/* A new view over mbuf's bytes */
static HsObject *
mv_new (HsVM *vm, HsObject *mbuf, gsize start, gsize len, gssize step, gboolean readonly)
{
  HsMemoryView *m = (HsMemoryView *)hs_object_alloc (vm, &hs_memoryview_type, sizeof *m);
  if (m == NULL)
    return NULL;
  m->mbuf = hs_incref (mbuf);
  MBUF (mbuf)->views++;
  m->start = start;
  m->len = len;
  m->step = step;
  m->readonly = readonly;
  m->hash = -1;
  hs_gc_track (vm, &m->header);
  return &m->header;
}

static gboolean
check_released (HsVM *vm, HsMemoryView *m)
{
  if (!m->released)
    return TRUE;
  hs_err_set_string (vm, &hs_exc_ValueError, "operation forbidden on released memoryview object");
  return FALSE;
}

/* The address of byte i of the view (the exporter's bytes, where they are now) */
static char *
byte_at (HsMemoryView *m, gsize i)
{
  return HS_BYTES (MBUF (m->mbuf)->obj)->data + m->start + (gssize)i * m->step;
}

static gboolean
contiguous (const HsMemoryView *m)
{
  return m->step == 1 || m->len <= 1;
}

gboolean
hs_memoryview_buffer (HsVM *vm, HsObject *o, const char **data, gsize *len)
{
  HsMemoryView *m = MV (o);
  if (!check_released (vm, m))
    return FALSE;
  if (!contiguous (m))
    {
      hs_err_set_string (vm, &hs_exc_BufferError,
                         "memoryview: underlying buffer is not C-contiguous");
      return FALSE;
    }
  *data = m->len > 0 ? byte_at (m, 0) : "";
  *len = m->len;
  return TRUE;
}

/* A new bytes object of the bytes viewed */
static HsObject *
to_bytes (HsVM *vm, HsMemoryView *m)
{
  HsObject *b = hs_bytes_new (vm, "", 0);
  if (b == NULL || hs_bytes_resize (vm, b, m->len) < 0)
    {
      hs_xdecref (vm, b);
      return NULL;
    }
  for (gsize i = 0; i < m->len; i++)
    HS_BYTES (b)->data[i] = *byte_at (m, i);
  return b;
}

HsObject *
hs_memoryview_tobytes (HsVM *vm, HsObject *o)
{
  return check_released (vm, MV (o)) ? to_bytes (vm, MV (o)) : NULL;
}

/* memoryview(object) */
static HsObject *
mv_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *mbuf, *r;
  HsManagedBuffer *mb;

  if (!hs_parse_args (vm, "memoryview", args, nargs, kwnames, "object", &obj))
    return NULL;
  if (hs_memoryview_check (obj))
    {
      HsMemoryView *src = MV (obj);
      if (!check_released (vm, src))
        return NULL;
      return mv_new (vm, src->mbuf, src->start, src->len, src->step, src->readonly);
    }
  if (hs_bytes_has_buffer (obj) && !hs_bytes_like_check (obj))
    {
      hs_err_format (vm, &hs_exc_NotImplementedError,
                     "memoryview() of a '%s' object is not supported by Heapscope yet",
                     hs_type_name (obj));
      return NULL;
    }
  if (!hs_bytes_like_check (obj))
    {
      hs_err_format (vm, &hs_exc_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                     hs_type_name (obj));
      return NULL;
    }
  if ((mb = (HsManagedBuffer *)hs_object_alloc (vm, &hs_managedbuffer_type, sizeof *mb)) == NULL)
    return NULL;
  mb->obj = hs_incref (obj);
  HS_BYTES (obj)->exports++;
  mbuf = &mb->header;
  hs_gc_track (vm, mbuf);
  r = mv_new (vm, mbuf, 0, HS_BYTES (obj)->len, 1, !HS_ISINSTANCE (obj, &hs_bytearray_type));
  hs_decref (vm, mbuf); /* the view holds it now (or it goes, releasing obj) */
  return r;
}

static HsObject *
mv_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_format (vm, MV (self)->released ? "<released memory at %p>" : "<memory at %p>",
                             hs_object_address (self));
}

static gssize
mv_len (HsVM *vm, HsObject *self)
{
  return check_released (vm, MV (self)) ? (gssize)MV (self)->len : -1;
}

/* The index of key in the view, IndexError outside it; -1 with the error */
static gssize
index_of (HsVM *vm, HsMemoryView *m, HsObject *key)
{
  gssize i;
  if (!hs_int_arg_ssize (vm, key, &i))
    return -1;
  if (i < 0)
    i += (gssize)m->len;
  if (i < 0 || i >= (gssize)m->len)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "index out of bounds on dimension 1");
      return -1;
    }
  return i;
}

static HsObject *
mv_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsMemoryView *m = MV (self);
  gssize i, start, stop, step, n;

  if (!check_released (vm, m))
    return NULL;
  if (hs_object_has_index (key))
    return (i = index_of (vm, m, key)) < 0 ? NULL
                                           : hs_int_from_i64 (vm, (guchar)*byte_at (m, (gsize)i));
  if (!HS_IS (key, &hs_slice_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "memoryview: invalid slice key");
      return NULL;
    }
  if (hs_slice_indices (vm, key, (gssize)m->len, &start, &stop, &step, &n) < 0)
    return NULL;
  return mv_new (vm, m->mbuf, (gsize)((gssize)m->start + start * m->step), (gsize)n, m->step * step,
                 m->readonly);
}

/* The byte an int stands for, as CPython's pack_single for format 'B' */
static gboolean
byte_value (HsVM *vm, HsObject *value, guchar *out)
{
  gint64 v;
  HsObject *i;

  if (!hs_object_has_index (value) || (i = hs_number_index (vm, value)) == NULL)
    {
      hs_err_clear (vm);
      hs_err_set_string (vm, &hs_exc_TypeError, "memoryview: invalid type for format 'B'");
      return FALSE;
    }
  if (!hs_int_as_i64 (i, &v) || v < 0 || v > 255)
    {
      hs_decref (vm, i);
      hs_err_set_string (vm, &hs_exc_ValueError, "memoryview: invalid value for format 'B'");
      return FALSE;
    }
  hs_decref (vm, i);
  *out = (guchar)v;
  return TRUE;
}

/* m[slice] = value: as many bytes, copied first (value may be this very view's bytes) */
static int
set_slice (HsVM *vm, HsMemoryView *m, HsObject *key, HsObject *value)
{
  gssize start, stop, step, n;
  const char *src;
  gsize src_len;
  char *copy;

  if (!hs_bytes_buffer (vm, value, &src, &src_len)
      || hs_slice_indices (vm, key, (gssize)m->len, &start, &stop, &step, &n) < 0)
    return -1;
  if ((gsize)n != src_len)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
  if (n == 0)
    return 0;
  if ((copy = hs_mem_realloc (vm, NULL, 0, (gsize)n)) == NULL)
    return -1;
  memcpy (copy, src, (gsize)n);
  for (gssize k = 0; k < n; k++)
    *byte_at (m, (gsize)(start + k * step)) = copy[k];
  hs_mem_realloc (vm, copy, (gsize)n, 0);
  return 0;
}

static int
mv_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  HsMemoryView *m = MV (self);
  gssize i;
  guchar byte;
  int rc;

  if (!check_released (vm, m))
    return -1;
  if (m->readonly || value == NULL)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         m->readonly ? "cannot modify read-only memory" : "cannot delete memory");
      return -1;
    }
  if (hs_object_has_index (key))
    {
      if ((i = index_of (vm, m, key)) < 0 || !byte_value (vm, value, &byte))
        return -1;
      *byte_at (m, (gsize)i) = (char)byte;
      rc = 0;
    }
  else if (HS_IS (key, &hs_slice_type))
    rc = set_slice (vm, m, key, value);
  else
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "memoryview: invalid slice key");
      return -1;
    }
  if (rc == 0) /* the exporter's bytes changed: the trace records them again */
    hs_object_mark_dirty (vm, MBUF (m->mbuf)->obj);
  return rc;
}

static HsObject *
mv_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *self = hs_memoryview_check (a) ? a : b, *other = self == a ? b : a;
  HsMemoryView *m = MV (self);
  gboolean equal;

  if (op != HS_CMP_EQ && op != HS_CMP_NE)
    return hs_incref (hs_NotImplemented);
  if (m->released || (hs_memoryview_check (other) && MV (other)->released))
    equal = a == b;
  else if (hs_memoryview_check (other))
    {
      HsMemoryView *o = MV (other);
      equal = m->len == o->len;
      for (gsize i = 0; equal && i < m->len; i++)
        equal = *byte_at (m, i) == *byte_at (o, i);
    }
  else if (hs_bytes_like_check (other))
    {
      equal = m->len == HS_BYTES (other)->len;
      for (gsize i = 0; equal && i < m->len; i++)
        equal = *byte_at (m, i) == HS_BYTES (other)->data[i];
    }
  else
    return hs_incref (hs_NotImplemented);
  return hs_incref (hs_bool_from (op == HS_CMP_EQ ? equal : !equal));
}

static int
mv_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  HsMemoryView *m = MV (self);
  HsObject *b;

  if (m->hash == -1)
    {
      if (!check_released (vm, m))
        return -1;
      if (!m->readonly)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "cannot hash writable memoryview object");
          return -1;
        }
      if ((b = to_bytes (vm, m)) == NULL)
        return -1;
      m->hash = hs_hash_bytes (HS_BYTES (b)->data, HS_BYTES (b)->len);
      hs_decref (vm, b);
    }
  *out = m->hash;
  return 0;
}

static HsObject *
mv_iter (HsVM *vm, HsObject *self)
{
  return check_released (vm, MV (self)) ? hs_seq_iter_new (vm, self) : NULL;
}

/* ---- methods and attributes ------------------------------------------------------------ */

static HsObject *
m_tobytes (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *order = NULL;
  if (!hs_parse_args (vm, "tobytes", args + 1, nargs - 1, kwnames, "|order", &order))
    return NULL;
  return hs_memoryview_tobytes (vm, args[0]);
}

static HsObject *
m_tolist (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsMemoryView *m = MV (args[0]);
  HsObject *list;

  if (!hs_parse_args (vm, "tolist", args + 1, nargs - 1, kwnames, "") || !check_released (vm, m)
      || (list = hs_list_new (vm, 0)) == NULL)
    return NULL;
  for (gsize i = 0; i < m->len; i++)
    {
      HsObject *v = hs_int_from_i64 (vm, (guchar)*byte_at (m, i));
      if (v == NULL || hs_list_append (vm, list, v) < 0)
        {
          hs_xdecref (vm, v);
          hs_decref (vm, list);
          return NULL;
        }
      hs_decref (vm, v);
    }
  return list;
}

/* hex(sep, bytes_per_sep): bytes.hex of the bytes viewed */
static HsObject *
m_hex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *b = hs_memoryview_tobytes (vm, args[0]), *r;
  if (b == NULL)
    return NULL;
  r = hs_object_call_method (vm, b, "hex", args + 1, nargs - 1, kwnames);
  hs_decref (vm, b);
  return r;
}

static HsObject *
m_release (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "release", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  mv_release (vm, MV (args[0]));
  hs_object_mark_dirty (vm, args[0]);
  return hs_None;
}

static HsObject *
m_enter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__enter__", args + 1, nargs - 1, kwnames, "")
      || !check_released (vm, MV (args[0])))
    return NULL;
  return hs_incref (args[0]);
}

static HsObject *
m_exit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_no_kwargs (vm, "__exit__", kwnames))
    return NULL;
  mv_release (vm, MV (args[0]));
  hs_object_mark_dirty (vm, args[0]);
  return hs_None;
}

static HsObject *
m_toreadonly (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsMemoryView *m = MV (args[0]);
  if (!hs_parse_args (vm, "toreadonly", args + 1, nargs - 1, kwnames, "")
      || !check_released (vm, m))
    return NULL;
  return mv_new (vm, m->mbuf, m->start, m->len, m->step, TRUE);
}

static HsObject *
m_cast (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  hs_err_set_string (vm, &hs_exc_NotImplementedError,
                     "memoryview.cast() is not supported by Heapscope yet");
  return NULL;
}

static HsObject *
mv_attr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsMemoryView *m = MV (self);
  const char *n = hs_str_utf8 (name);

  if (!check_released (vm, m))
    return NULL;
  if (strcmp (n, "obj") == 0)
    return hs_incref (MBUF (m->mbuf)->obj);
  if (strcmp (n, "nbytes") == 0)
    return hs_int_from_u64 (vm, m->len);
  if (strcmp (n, "readonly") == 0)
    return hs_incref (hs_bool_from (m->readonly));
  if (strcmp (n, "itemsize") == 0 || strcmp (n, "ndim") == 0)
    return hs_int_from_i64 (vm, 1);
  if (strcmp (n, "format") == 0)
    return hs_str_from_cstr (vm, "B");
  if (strcmp (n, "shape") == 0 || strcmp (n, "strides") == 0)
    {
      HsObject *v = hs_int_from_i64 (vm, n[1] == 'h' ? (gint64)m->len : (gint64)m->step), *t;
      t = v != NULL ? hs_tuple_pack (vm, 1, v) : NULL;
      hs_xdecref (vm, v);
      return t;
    }
  if (strcmp (n, "suboffsets") == 0)
    return hs_tuple_new (vm, 0);
  /* c_contiguous, f_contiguous, contiguous */
  return hs_incref (hs_bool_from (contiguous (m)));
}

static const HsMethodDef mv_methods[] = {
  { "tobytes", m_tobytes },       { "tolist", m_tolist },   { "hex", m_hex },
  { "release", m_release },       { "__enter__", m_enter }, { "__exit__", m_exit },
  { "toreadonly", m_toreadonly }, { "cast", m_cast },       { NULL, NULL },
};

HsType hs_memoryview_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "memoryview",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsMemoryView),
  .dealloc = mv_clear,
  .refs = mv_refs,
  .clear = mv_clear,
  .repr = mv_repr,
  .str = mv_repr,
  .hash = mv_hash,
  .richcompare = mv_richcompare,
  .len = mv_len,
  .getitem = mv_getitem,
  .setitem = mv_setitem,
  .iter = mv_iter,
  .construct = mv_construct,
  .methods = mv_methods,
};

void
hs_memoryview_runtime_init (void)
{
  hs_type_ready (&hs_managedbuffer_type);
  hs_type_ready (&hs_memoryview_type);
  hs_getset_install (&hs_memoryview_type,
                     "obj nbytes readonly itemsize format ndim shape strides suboffsets "
                     "c_contiguous f_contiguous contiguous",
                     mv_attr, NULL);
}
