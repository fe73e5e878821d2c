/* hs-trace-record-text.c — the texts the recorder keeps of an object: a primitive's repr
 * (pooled, once per int or str while it lives) and an object's label, each clipped to what a
 * drawing can use, so that a step changing a 100 MB bytearray does not log 400 MB.
 */
#include "config.h"

#include <string.h>

#include "hs-trace-record-private.h"

#include "hs-bytes.h"
#include "hs-class.h"
#include "hs-code.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"

/* The most a recorded text (a primitive's repr, an object's label) keeps: its first
 * TEXT_HEAD_BYTES and last TEXT_TAIL_BYTES around an ellipsis. The diagram shows 40
 * characters of it; a step that changes a bytearray of 100 MB must not log 400 MB. */
#define TEXT_HEAD_BYTES (48 * 1024)
#define TEXT_TAIL_BYTES (16 * 1024)

/* The length a str or a bytes-like object has for len() (0 for anything else). */
static guint64
value_len (HsObject *o)
{
  return HS_IS (o, &hs_str_type)   ? hs_str_char_len (o)
         : hs_bytes_like_check (o) ? HS_BYTES (o)->len
                                   : 0;
}

/* The length mark of a text clipped from a value of len > 0 characters or bytes. */
static void
append_len_mark (GString *out, guint64 len)
{
  if (len > 0)
    g_string_append_printf (out, "%c%" G_GUINT64_FORMAT "%c", HS_TEXT_LEN_MARK, len,
                            HS_TEXT_LEN_MARK);
}

/* The start and end of a text longer than a recorded text may be, around an ellipsis (cut at
 * character boundaries), appended to out: head is at least its first TEXT_HEAD_BYTES + 1
 * bytes, tail at least its last TEXT_TAIL_BYTES + 1 (the whole text may be both). */
static void
append_cut (GString *out, const char *head, gsize head_n, const char *tail, gsize tail_n)
{
  const char *head_end = g_utf8_find_prev_char (head, head + TEXT_HEAD_BYTES + 1);
  const char *from = g_utf8_find_next_char (tail + tail_n - TEXT_TAIL_BYTES - 1, NULL);

  head_end = head_end != NULL ? head_end : head + TEXT_HEAD_BYTES;
  g_string_append_len (out, head, head_end - head);
  g_string_append (out, "…");
  g_string_append_len (out, from, tail + tail_n - from);
}

/* text, or its start and end around an ellipsis when it is longer than a recorded text
 * may be; takes text. A text clipped here or already (`clipped`) from a value of `len` > 0
 * characters or bytes carries that length (HS_TEXT_LEN_MARK), so that the diagram can say
 * how long the value is. */
static char *
clip_text (char *text, guint64 len, gboolean clipped)
{
  gsize n = strlen (text);
  GString *out;

  if (n <= TEXT_HEAD_BYTES + TEXT_TAIL_BYTES && (!clipped || len == 0))
    return text;
  out = g_string_sized_new (MIN (n, TEXT_HEAD_BYTES + TEXT_TAIL_BYTES) + 32);
  append_len_mark (out, len);
  if (n > TEXT_HEAD_BYTES + TEXT_TAIL_BYTES)
    append_cut (out, text, n, text, n);
  else
    g_string_append_len (out, text, n);
  g_free (text);
  return g_string_free (out, FALSE);
}

/* The runtime's repr, computed without letting the recording disturb the program; a
 * bytes-like object's only around what is kept of it. */
char *
hs_record_repr_text (Recorder *rec, HsObject *o)
{
  /* a module by the module type's repr, never its class's __repr__ (Python code) */
  HsObject *r = hs_module_check (o) ? hs_module_repr_plain (rec->vm, o) : NULL;
  gboolean bytes = r == NULL && hs_bytes_like_check (o);
  char *text = r != NULL ? g_strdup (hs_str_utf8 (r))
               : bytes   ? hs_bytes_repr_clipped (o, TEXT_HEAD_BYTES / 4, TEXT_TAIL_BYTES / 4)
                         : hs_inspect_repr (rec->vm, o);

  hs_xdecref (rec->vm, r);
  /* e.g. an int past CPython's 4300-digit limit for str(): no repr exists. */
  return text != NULL
             ? clip_text (text, value_len (o),
                          bytes && HS_BYTES (o)->len > (TEXT_HEAD_BYTES + TEXT_TAIL_BYTES) / 4)
             : g_strdup_printf ("<%s>", HS_TYPE (o)->name);
}

/* Ints and strs never change (a str grows in place only while no trace records), and every
 * keyframe puts each traced one again: their texts are pooled until they die. */
gboolean
hs_record_has_fixed_text (HsObject *o)
{
  return HS_IS (o, &hs_int_type) || HS_IS (o, &hs_str_type);
}

gboolean
hs_record_has_pooled_text (HsObject *o)
{
  gint64 v;
  return HS_IS (o, &hs_str_type) || (HS_IS (o, &hs_int_type) && !hs_int_as_i64 (o, &v));
}

/* The text of str o made whole, clipped and pooled (taken). */
static guint32
pool_clipped (Recorder *rec, HsObject *o, char *text)
{
  return hs_string_pool_take (&rec->trace->pool, clip_text (text, value_len (o), FALSE));
}

/* The repr of str o, a concatenation of a str whose repr is known (its text pooled and
 * noted in str_texts) and a tail: that text but its closing quote, then the tail's, pooled
 * as derived from it. 0 when o has no such origin, or its repr quotes otherwise. */
static guint32
str_text_derived (Recorder *rec, HsObject *o, StrText *noted)
{
  guint64 from_id;
  gsize from_len, len = HS_STR (o)->byte_len;
  const char *tail = hs_str_utf8 (o);
  StrText *e;
  g_autoptr (GString) out = NULL;

  if (!hs_inspect_str_origin (rec->vm, o, &from_id, &from_len))
    return 0;
  e = &rec->str_texts[from_id % G_N_ELEMENTS (rec->str_texts)];
  if (e->id != from_id || e->byte_len != from_len || from_len > len)
    return 0;
  tail += from_len;
  noted->has_single = e->has_single || memchr (tail, '\'', len - from_len) != NULL;
  noted->has_double = e->has_double || memchr (tail, '"', len - from_len) != NULL;
  noted->quote = hs_str_repr_quote (noted->has_single, noted->has_double);
  out = g_string_sized_new (len - from_len + 2);
  if (noted->quote != e->quote
      || !hs_inspect_str_repr_tail (rec->vm, o, from_len, noted->quote, out))
    return 0;
  noted->text_len = e->text_len - 1 + out->len;
  if (noted->text_len > TEXT_HEAD_BYTES + TEXT_TAIL_BYTES)
    {
      /* clipped as hs_record_repr_text clips: made whole (the id was used: once) */
      g_autoptr (GString) whole = g_string_sized_new (noted->text_len);
      HsPoolScratch scratch = { NULL, 0 };

      g_string_append_len (whole, hs_string_pool_text (&rec->trace->pool, e->text_str, &scratch),
                           e->text_len - 1);
      hs_pool_scratch_clear (&scratch);
      g_string_append_len (whole, out->str, out->len);
      noted->text_len = 0;
      return pool_clipped (rec, o, g_string_free (g_steal_pointer (&whole), FALSE));
    }
  return hs_string_pool_add_derived (&rec->trace->pool, e->text_str, e->text_len - 1, out->str,
                                     out->len);
}

/* The clipped repr of a str longer than a recorded text, pooled, made from its two ends
 * (a str built by `s += c` past that length escaped 200 KB at each step to keep 64); 0 when
 * the VM must make it. */
static guint32
str_text_clipped (Recorder *rec, HsObject *o)
{
  GString *head = rec->text_scratch;
  g_autoptr (GString) tail = g_string_sized_new (TEXT_TAIL_BYTES + 64);
  g_autoptr (GString) out = g_string_sized_new (TEXT_HEAD_BYTES + TEXT_TAIL_BYTES + 64);

  g_string_truncate (head, 0);
  if (!hs_inspect_str_repr_ends (rec->vm, o, TEXT_HEAD_BYTES, TEXT_TAIL_BYTES, head, tail))
    return 0;
  append_len_mark (out, value_len (o));
  append_cut (out, head->str, head->len, tail->str, tail->len);
  return hs_string_pool_add (&rec->trace->pool, out->str);
}

/* A str's repr, pooled as it is made (a str built by `s += c` is a new one at every step:
 * its text made in a scratch and copied into the pool once, or only its tail:
 * str_text_derived); 0 when the VM must make it (hs_inspect_repr). */
static guint32
str_text (Recorder *rec, HsObject *o)
{
  gsize len = HS_STR (o)->byte_len;
  StrText noted = { hs_object_id (o), len, 0, 0, 0, FALSE, FALSE };
  GString *out;

  if (len >= HS_INSPECT_STR_ORIGIN_BYTES
      && (noted.text_str = str_text_derived (rec, o, &noted)) != 0)
    ;
  else if (len > TEXT_HEAD_BYTES + TEXT_TAIL_BYTES)
    return str_text_clipped (rec, o);
  else if (len > TEXT_HEAD_BYTES / 4)
    return 0;
  else
    {
      out = rec->text_scratch;
      g_string_truncate (out, 0);
      if (!hs_inspect_str_repr (rec->vm, o, out))
        return 0;
      noted.text_len = out->len;
      noted.quote = out->str[0];
      noted.has_single = memchr (hs_str_utf8 (o), '\'', len) != NULL;
      noted.has_double = memchr (hs_str_utf8 (o), '"', len) != NULL;
      /* copied: a GString holds 64 bytes at least, more than most reprs (52 MB not counted
       * by the budget for the 430,000 short strs of a loop filling a dict) */
      noted.text_str = hs_string_pool_add (&rec->trace->pool, out->str);
    }
  /* what a str made from this one extends (a whole repr, not a clipped one) */
  if (len >= HS_INSPECT_STR_ORIGIN_BYTES && noted.text_len != 0)
    rec->str_texts[noted.id % G_N_ELEMENTS (rec->str_texts)] = noted;
  return noted.text_str;
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
          = hs_class_check (o) ? g_strdup_printf ("<class '%s.%s'>", hs_type_module ((HsType *)o),
                                                  hs_class_name (o))
                               : hs_record_repr_text (rec, o);
      return pool (rec, text);
    }
  if (g_hash_table_lookup_extended (rec->texts, o, NULL, &cached))
    return GPOINTER_TO_UINT (cached);
  /* a str whose repr could pass what a recorded text keeps is clipped by hs_record_repr_text */
  text_str = HS_IS (o, &hs_str_type) ? str_text (rec, o) : 0;
  if (text_str == 0)
    {
      g_autofree char *text = hs_record_repr_text (rec, o);
      text_str = pool (rec, text);
    }
  g_hash_table_insert (rec->texts, o, GUINT_TO_POINTER (text_str));
  return text_str;
}

void
hs_record_append_star_params (GString *label, HsCode *code)
{
  int slot = code->nparams + code->nkwonly;
  const char *sep = code->nparams > 0 ? ", " : "";

  if (code->flags & HS_CODE_VARARGS)
    {
      g_string_append_printf (label, "%s*%s", sep, hs_code_varname (code, slot++));
      sep = ", ";
    }
  for (int i = 0; i < code->nkwonly; i++, sep = ", ")
    g_string_append_printf (label, "%s%s", sep, hs_code_varname (code, code->nparams + i));
  if (code->flags & HS_CODE_VARKEYWORDS)
    g_string_append_printf (label, "%s**%s", sep, hs_code_varname (code, slot));
}

void
hs_record_append_lambda_line (GString *name, HsCode *code)
{
  if (g_str_equal (code->name, "<lambda>"))
    g_string_append_printf (name, " <line %d>", code->firstlineno);
}
