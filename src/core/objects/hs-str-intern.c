/* hs-str-intern.c — interned strs: the runtime's process-wide table and each VM's own.
 *
 * Invariant: the process-wide table maps the runtime's own names, and the names CPython 3.11
 * preallocates (hs-str-cpython-ids.c), to their one immortal str and is only touched under
 * `intern_lock`. A VM interns the program's strings in its own
 * table (vm->interned, which holds no reference: CPython 3.11's mortal interned strings),
 * so a program's interned str is counted like any object, and leaves the table when it is
 * freed, unless the program's text uses it as a name, which makes it immortal.
 */
#include "config.h"

#include <string.h>

#include "hs-str.h"
#include "hs-str-private.h"
#include "hs-error.h"
#include "hs-object-private.h"

static GHashTable *intern_table; /* data (char *) -> HsObject * */
static GMutex intern_lock;

/* Under intern_lock. */
static void
ensure_table (void)
{
  if (intern_table == NULL)
    intern_table = g_hash_table_new (g_str_hash, g_str_equal);
}

HsObject *
hs_str_intern (const char *s, gsize len)
{
  HsObject *r;

  r = hs_str_interned_apart (s, len) ? NULL : hs_str_singleton (s, len);
  if (r != NULL)
    return r;
  if (memchr (s, '\0', len) != NULL)
    return hs_str_new_immortal (s, len); /* not shareable through a C-string table */
  g_mutex_lock (&intern_lock);
  ensure_table ();
  {
    g_autofree char *key = g_strndup (s, len);
    r = g_hash_table_lookup (intern_table, key);
    if (r == NULL)
      {
        r = hs_str_new_immortal (s, len);
        r->flags |= HS_FLAG_INTERNED;
        g_hash_table_insert (intern_table, HS_STR (r)->data, r);
      }
  }
  g_mutex_unlock (&intern_lock);
  return r;
}

HsObject *
hs_str_intern_cstr (const char *s)
{
  return hs_str_intern (s, strlen (s));
}

/* The process-wide interned str of the text when there is one (a singleton, a one-letter
 * name, a name the runtime interned, a name CPython 3.11 allocates statically), else NULL. */
static HsObject *
runtime_interned (const char *s, gsize len)
{
  HsObject *r;

  if (len <= 2 && (hs_str_singleton (s, len) != NULL || hs_str_interned_apart (s, len)))
    return hs_str_intern (s, len);
  if (memchr (s, '\0', len) != NULL)
    return NULL;
  g_mutex_lock (&intern_lock);
  ensure_table ();
  {
    g_autofree char *key = g_strndup (s, len);
    r = g_hash_table_lookup (intern_table, key);
  }
  g_mutex_unlock (&intern_lock);
  if (r == NULL && hs_str_is_cpython_static_id (s, len))
    r = hs_str_intern (s, len);
  return r;
}

gboolean
hs_str_interned_by_runtime (const char *s, gsize len)
{
  return runtime_interned (s, len) != NULL;
}

static guint
vm_table_hash (gconstpointer s)
{
  return (guint)hs_str_hash ((HsObject *)s);
}

static gboolean
vm_table_equal (gconstpointer a, gconstpointer b)
{
  return hs_str_equal ((HsObject *)a, (HsObject *)b);
}

HsObject *
hs_str_intern_obj (HsVM *vm, HsObject *s)
{
  HsObject *r;

  if (s->flags & HS_FLAG_INTERNED)
    return hs_incref (s);
  r = runtime_interned (HS_STR (s)->data, HS_STR (s)->byte_len);
  if (r == NULL && vm->interned != NULL)
    r = g_hash_table_lookup (vm->interned, s);
  if (r != NULL || hs_is_immortal (s)) /* an immortal str is not this VM's to mark */
    return hs_incref (r != NULL ? r : s);
  if (vm->interned == NULL)
    vm->interned = g_hash_table_new (vm_table_hash, vm_table_equal);
  s->flags |= HS_FLAG_INTERNED;
  g_hash_table_add (vm->interned, s);
  return hs_incref (s);
}

HsObject *
hs_str_intern_vm (HsVM *vm, const char *s, gsize len)
{
  HsObject *r = runtime_interned (s, len), *o;

  if (r != NULL)
    return r;
  o = hs_str_new_unshared (vm, s, len);
  if (o == NULL)
    return NULL;
  r = hs_str_intern_obj (vm, o);
  hs_decref (vm, o);
  return r;
}

/* Makes the interned str r (a new reference, given up) a name: immortal from now on, which
 * a trace that drew its count learns as of a change. */
static HsObject *
as_name (HsVM *vm, HsObject *r)
{
  if (!hs_is_immortal (r))
    {
      r->flags |= HS_FLAG_IMMORTAL;
      hs_object_mark_dirty (vm, r);
    }
  return r;
}

HsObject *
hs_str_intern_name (HsVM *vm, const char *s, gsize len)
{
  HsObject *r = hs_str_intern_vm (vm, s, len);

  if (r != NULL)
    return as_name (vm, r);
  hs_err_clear (vm);
  return hs_str_intern (s, len);
}

HsObject *
hs_str_intern_name_obj (HsVM *vm, HsObject *s)
{
  if ((s->flags & HS_FLAG_INTERNED) && hs_is_immortal (s))
    return s;
  return as_name (vm, hs_str_intern_obj (vm, s));
}

gboolean
hs_str_is_intern_candidate (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '_')
      return FALSE;
  return TRUE;
}

void
hs_str_forget_interned (HsVM *vm, HsObject *s)
{
  if (vm->interned != NULL)
    g_hash_table_remove (vm->interned, s);
}
