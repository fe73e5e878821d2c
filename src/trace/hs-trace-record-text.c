/* hs-trace-record-text.c — the texts the recorder keeps of an object: a primitive's repr
 * (pooled, once per int or str while it lives) and an object's label, each clipped to what a
 * drawing can use, so that a step changing a 100 MB bytearray does not log 400 MB.
 */
#include "config.h"

#include <string.h>

#include "hs-trace-record-private.h"

#include "hs-bytes.h"
#include "hs-class.h"
#include "hs-module.h"
#include "hs-str.h"

/* The most a recorded text (a primitive's repr, an object's label) keeps: its first
 * TEXT_HEAD_BYTES and last TEXT_TAIL_BYTES around an ellipsis. The diagram shows 40
 * characters of it; a step that changes a bytearray of 100 MB must not log 400 MB. */
#define TEXT_HEAD_BYTES (48 * 1024)
#define TEXT_TAIL_BYTES (16 * 1024)

/* text, or its start and end around an ellipsis when it is longer than a recorded text
 * may be (cut at character boundaries); takes text. */
static char *
clip_text (char *text)
{
  gsize len = strlen (text);
  const char *head_end, *tail;
  char *clipped;

  if (len <= TEXT_HEAD_BYTES + TEXT_TAIL_BYTES)
    return text;
  head_end = g_utf8_find_prev_char (text, text + TEXT_HEAD_BYTES + 1);
  tail = g_utf8_find_next_char (text + len - TEXT_TAIL_BYTES - 1, NULL);
  head_end = head_end != NULL ? head_end : text + TEXT_HEAD_BYTES;
  clipped = g_strdup_printf ("%.*s…%s", (int)(head_end - text), text, tail);
  g_free (text);
  return clipped;
}

/* The runtime's repr, computed without letting the recording disturb the program; a
 * bytes-like object's only around what is kept of it. */
char *
hs_record_repr_text (Recorder *rec, HsObject *o)
{
  /* a module by the module type's repr, never its class's __repr__ (Python code) */
  HsObject *r = hs_module_check (o) ? hs_module_repr_plain (rec->vm, o) : NULL;
  char *text = r != NULL ? g_strdup (hs_str_utf8 (r))
               : hs_bytes_like_check (o)
                   ? hs_bytes_repr_clipped (o, TEXT_HEAD_BYTES / 4, TEXT_TAIL_BYTES / 4)
                   : hs_inspect_repr (rec->vm, o);

  hs_xdecref (rec->vm, r);
  /* e.g. an int past CPython's 4300-digit limit for str(): no repr exists. */
  return text != NULL ? clip_text (text) : g_strdup_printf ("<%s>", HS_TYPE (o)->name);
}

/* Ints and strs never change (a str grows in place only while no trace records), and every
 * keyframe puts each traced one again: their texts are pooled until they die. */
gboolean
hs_record_has_fixed_text (HsObject *o)
{
  return HS_IS (o, &hs_int_type) || HS_IS (o, &hs_str_type);
}

/* A str's repr, pooled as it is made (a str built by `s += c` is a new one at every step:
 * its text copied once, not three times); 0 when the VM must make it (hs_inspect_repr). */
static guint32
str_text (Recorder *rec, HsObject *o)
{
  GString *out = g_string_sized_new (HS_STR (o)->byte_len + 3);

  if (!hs_inspect_str_repr (rec->vm, o, out))
    {
      g_string_free (out, TRUE);
      return 0;
    }
  return hs_string_pool_take (&rec->trace->pool, g_string_free (out, FALSE));
}

guint32
hs_record_primitive_text (Recorder *rec, HsObject *o)
{
  gpointer cached;
  guint32 text_str;

  if (!hs_record_has_fixed_text (o))
    {
      /* a module's class by its name, whatever its metaclass's repr (<enum 'Enum'>) */
      g_autofree char *text
          = hs_class_check (o)
                ? g_strdup_printf ("<class '%s.%s'>", hs_type_module ((HsType *)o), hs_class_name (o))
                : hs_record_repr_text (rec, o);
      return pool (rec, text);
    }
  if (g_hash_table_lookup_extended (rec->texts, o, NULL, &cached))
    return GPOINTER_TO_UINT (cached);
  /* a str whose repr could pass what a recorded text keeps is clipped by hs_record_repr_text */
  text_str = HS_IS (o, &hs_str_type) && HS_STR (o)->byte_len <= TEXT_HEAD_BYTES / 4
                 ? str_text (rec, o)
                 : 0;
  if (text_str == 0)
    {
      g_autofree char *text = hs_record_repr_text (rec, o);
      text_str = pool (rec, text);
    }
  g_hash_table_insert (rec->texts, o, GUINT_TO_POINTER (text_str));
  return text_str;
}
