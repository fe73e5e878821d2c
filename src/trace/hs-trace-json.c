/* hs-trace-json.c — a trace as Python Tutor's JSON, plus Heapscope's own keys.
 *
 * Invariant: every reference that a mortal object's count includes appears in its step
 * as ["REF", id] outside the Heapscope keys (`refcounts`, `freed`, `gc`, `unreachable`):
 * frame variables, heap contents, and the values a frame holds (`heapscope_held`).
 * The format is documented in docs/trace-format.md.
 *
 * Steps are formatted one at a time and written out at once (a long run never sits in
 * memory as text). In compact mode the per-object maps of a step (heap, refcounts, ...)
 * hold only the entries that differ from the previous step, and `heapscope_removed` names
 * those gone: Map keeps each entry's text of the previous step to compare with. Heap
 * entries are kept in both modes and follow the recorded deltas (the snapshot's NEW and
 * CHANGED flags, HsSnapObject.changed_from): one that its step did not touch is copied
 * (compact: left out) without being formatted, and a list changed from item i on is
 * written from there. A step told by what it touched (hs-trace-json-delta.c) formats only
 * that; a whole trace then keeps every map's entries (Maps.cached) and writes them all.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hs-trace-json-private.h"

#include "hs-cpython-names.h"

/* `len` bytes of `s` appended to out: in place while they fit, without GLib's call (the
 * writer appends short pieces, millions of them in a long run). */
static inline void
out_len (GString *out, const char *s, gsize len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, s, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, (gssize)len);
}

/* A NUL-terminated text appended (a literal's length is known when inlined). */
static inline void
out_str (GString *out, const char *s)
{
  out_len (out, s, strlen (s));
}

/* One code point of `s` (at most `end`), decoded leniently: surrogates are accepted (a
 * str's lone surrogate reaches here encoded like any code point), anything else that is
 * not UTF-8 gives U+FFFD. Returns the bytes used. */
static gsize
decode_char (const unsigned char *s, const unsigned char *end, gunichar *c)
{
  gsize len = *s < 0x80 ? 1 : *s >= 0xf0 ? 4 : *s >= 0xe0 ? 3 : *s >= 0xc0 ? 2 : 0;
  gunichar v;

  if (len == 0 || (gsize)(end - s) < len)
    {
      *c = 0xfffd;
      return 1;
    }
  v = len == 1 ? *s : *s & (0x7f >> len);
  for (gsize i = 1; i < len; i++)
    {
      if ((s[i] & 0xc0) != 0x80)
        {
          *c = 0xfffd;
          return i;
        }
      v = v << 6 | (s[i] & 0x3f);
    }
  *c = v > 0x10ffff ? 0xfffd : v;
  return len;
}

/* A JSON string of `len` bytes (NULs included): quotes, backslashes and every control
 * character escaped, lone surrogates as \udXXX escapes (they have no UTF-8 form), the
 * rest as UTF-8. */
static void
put_string_len (GString *out, const char *s, gsize len)
{
  const unsigned char *p = (const unsigned char *)s, *end = p + len;

  g_string_append_c (out, '"');
  while (p < end)
    {
      const unsigned char *run = p;
      gunichar c;

      /* printable ASCII but quotes and backslashes is written as it is */
      while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
        p++;
      if (p > run)
        {
          out_len (out, (const char *)run, p - run);
          continue;
        }
      p += decode_char (p, end, &c);
      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char)c);
        }
      else if (c == '\n')
        out_str (out, "\\n");
      else if (c == '\r')
        out_str (out, "\\r");
      else if (c == '\t')
        out_str (out, "\\t");
      else if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  g_string_append_c (out, '"');
}

static void
put_int (GString *out, gint64 v)
{
  char buf[HS_DECIMAL_SIZE];

  out_len (out, buf, hs_format_int (buf, v));
}

static void
put_uint (GString *out, guint64 v)
{
  char buf[24], *p = buf + sizeof buf;

  do
    *--p = (char)('0' + v % 10);
  while ((v /= 10) != 0);
  out_len (out, p, buf + sizeof buf - p);
}

/* `key` as a JSON object key after ", ", then `open` ("{" or "["): ", \"key\": [" */
static void
put_key (GString *out, const char *key, const char *open)
{
  out_str (out, ", \"");
  out_str (out, key);
  out_str (out, "\": ");
  out_str (out, open);
}

static void
put_ref (GString *out, guint64 id)
{
  out_str (out, "[\"REF\", ");
  put_int (out, (gint64)id);
  g_string_append_c (out, ']');
}

static void
put_string (GString *out, const char *s)
{
  put_string_len (out, s, strlen (s));
}

/* Python's repr of a str back to its value: the repr is what the runtime printed, with
 * its quotes and \\-escapes. The value may hold NULs and surrogates (see put_string_len). */
static GString *
str_from_repr (const char *repr)
{
  gsize n = strlen (repr);
  GString *s = g_string_sized_new (n);

  for (gsize i = 1; i + 1 < n; i++)
    {
      char c = repr[i];
      if (c != '\\' || i + 2 >= n)
        {
          g_string_append_c (s, c);
          continue;
        }
      c = repr[++i];
      switch (c)
        {
          case 'n':
            g_string_append_c (s, '\n');
            break;
          case 't':
            g_string_append_c (s, '\t');
            break;
          case 'r':
            g_string_append_c (s, '\r');
            break;
          case 'x':
          case 'u':
          case 'U':
            {
              int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
              char hex[9] = { 0 };
              if (i + digits < n)
                {
                  char utf8[6];

                  memcpy (hex, repr + i + 1, digits);
                  /* g_string_append_unichar would drop a NUL; a surrogate encodes as one */
                  out_len (s, utf8, g_unichar_to_utf8 ((gunichar)strtoul (hex, NULL, 16), utf8));
                  i += digits;
                }
              break;
            }
          default:
            g_string_append_c (s, c);
            break;
        }
    }
  return s;
}

/* The inline values that are objects of the language (modules, built-in functions, types,
 * Ellipsis, NotImplemented) are listed in the heap as pg_encoder lists them. */
const char *
hs_json_language_tag (const HsSnapValue *v)
{
  static const struct
  {
    const char *prefix, *tag;
  } forms[] = {
    { "<module '", "module" },           { "<built-in function ", "FUNCTION" },
    { "<built-in method ", "FUNCTION" }, { "<function ", "FUNCTION" },
    { "<bound method ", "FUNCTION" },    { "<class '", "CLASS" },
    { "Ellipsis", "INSTANCE_PPRINT" },   { "NotImplemented", "INSTANCE_PPRINT" },
  };

  if (v->kind != HS_SNAP_VALUE_PRIMITIVE || v->ref == 0 || g_strcmp0 (v->type_name, "object") != 0
      || v->text == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_str_has_prefix (v->text, forms[i].prefix))
      return forms[i].tag;
  return NULL;
}

/* The name a repr quotes or starts with: "<module 'math' (built-in)>" -> "math",
 * "<built-in method append of ...>" -> "append", "<function dumps at 0x...>" -> "dumps",
 * "<bound method Random.randint of ...>" -> "Random.randint", "<class 'x.Y'>" -> "Y". */
static char *
name_in_repr (const char *text, const char *tag)
{
  const char *start = strchr (text, g_str_equal (tag, "FUNCTION") ? ' ' : '\'');
  const char *end;
  char *name, *dot;

  if (g_str_equal (tag, "FUNCTION") && !g_str_has_prefix (text, "<function "))
    start = strchr (start + 1, ' ');
  start = start ? start + 1 : text;
  end = start + strcspn (start, g_str_equal (tag, "FUNCTION") ? " >" : "'");
  name = g_strndup (start, end - start);
  dot = strrchr (name, '.');
  if (dot != NULL && g_str_equal (tag, "CLASS"))
    memmove (name, dot + 1, strlen (dot + 1) + 1);
  return name;
}

/* ---- per-object maps, whole or as changes (compact) ---------------------------- */

typedef enum
{
  MAP_HEAP,
  MAP_REFCOUNTS,
  MAP_HIDDEN_HOLDERS,
  MAP_CLASS_REFS,
  MAP_CLOSURE_CELLS,
  MAP_WEAK_REFS,
  N_MAPS
} MapKind;

static const char *const map_keys[N_MAPS] = {
  "heap",
  "refcounts",
  "heapscope_hidden_holders",
  "heapscope_class_refs",
  "heapscope_closure_cells",
  "heapscope_weak_refs",
};

/* A cached map's entry: its id and its text in prev (char*, HeapText* in the heap). */
typedef struct
{
  guint64 id;
  gpointer text;
} Kept;

/* A heap entry as the last step wrote it (without the ", " before it), in one block of its
 * own size: a heap of 900,000 small objects keeps 900,000 of them (a GString each was a
 * struct and 128 bytes of room for 70 bytes of text). */
typedef struct
{
  GArray *items; /* gsize: a list's or tuple's, where ", item i" starts in str; or NULL */
  gsize len;     /* of str, not counting its NUL */
  gsize room;    /* str's size: an entry written on in place (an append) doubles it */
  char str[];    /* "\"12\": [\"LIST\", 1, 2]" */
} HeapText;

static void
heap_text_free (gpointer p)
{
  HeapText *t = p;

  if (t->items != NULL)
    g_array_unref (t->items);
  g_free (t);
}

/* t (NULL: a new entry) with its text from `at` on replaced by `tail`, which put_heap_object
 * wrote with `items` (when not NULL) counted from its start: t's own items from then on. */
static HeapText *
heap_text_put (HeapText *t, gsize at, const GString *tail, GArray *items, guint from)
{
  gsize len = at + tail->len;

  if (t == NULL)
    {
      t = g_malloc (sizeof *t + len + 1);
      t->items = items;
      t->room = len + 1;
    }
  else if (len + 1 > t->room)
    {
      t->room = MAX (len + 1, 2 * t->room);
      t = g_realloc (t, sizeof *t + t->room);
    }
  memcpy (t->str + at, tail->str, tail->len + 1);
  t->len = len;
  for (guint i = from; items != NULL && i < items->len; i++)
    g_array_index (items, gsize, i) += at;
  return t;
}

typedef struct
{
  gboolean compact;
  /* A whole trace whose steps may be told by what they touched: every map keeps its
   * entries (prev) and is written from them, in the order of their ids (`order`), as a
   * whole step writes the objects of its snapshot; the language objects follow the heap's
   * (`lang`). */
  gboolean cached;
  /* guint64* id -> the entry's text at the last step (char*; HeapText* for the heap, kept in
   * both modes: an entry that its step did not change is copied, not written again) */
  GHashTable *prev[N_MAPS];
  GArray *order[N_MAPS];   /* cached: Kept, by id: prev's entries as the last step wrote them */
  GArray *changed[N_MAPS]; /* cached: guint64: ids whose entry in prev changed at this step */
  GString *lang;           /* cached: the language objects' heap entries, each after ", " */
  GHashTable *now[N_MAPS]; /* ids present in this step (keys borrowed from its snapshot) */
  GString *removed;        /* compact: this step's "heapscope_removed" members */
  gsize map_start, entry_start;
  gboolean first;
  gsize stdout_len;    /* compact: stdout written so far */
  gsize stderr_len;    /* compact: stderr written so far */
  GArray *elements[2]; /* compact: element offsets, for extend_entry */
  GArray *removed_ids; /* guint64: the ids map_end takes out of a map */
  GString *entry;      /* a heap entry being written, before it is kept (HeapText) */
  /* compact, a step told by what it touched (HsJsonDeltaStep): the ids gone from every map
   * and the language objects gone from the heap, in place of comparing with all of prev */
  const GArray *gone, *lang_gone;
} Maps;

static void
maps_init (Maps *m, gboolean compact, gboolean cached)
{
  *m = (Maps){ compact, cached };
  for (int i = 0; i < N_MAPS; i++)
    if (compact || cached || i == MAP_HEAP)
      {
        m->prev[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            i == MAP_HEAP ? heap_text_free : g_free);
        m->now[i] = g_hash_table_new (g_int64_hash, g_int64_equal);
      }
  for (int i = 0; i < N_MAPS && cached; i++)
    {
      m->order[i] = g_array_new (FALSE, FALSE, sizeof (Kept));
      m->changed[i] = g_array_new (FALSE, FALSE, sizeof (guint64));
    }
  m->lang = g_string_new (NULL);
  m->removed = g_string_new (NULL);
  m->elements[0] = g_array_new (FALSE, FALSE, sizeof (gsize));
  m->elements[1] = g_array_new (FALSE, FALSE, sizeof (gsize));
  m->removed_ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  m->entry = g_string_new (NULL);
}

static void
maps_clear (Maps *m)
{
  for (int i = 0; i < N_MAPS; i++)
    {
      g_clear_pointer (&m->prev[i], g_hash_table_unref);
      g_clear_pointer (&m->now[i], g_hash_table_unref);
      g_clear_pointer (&m->order[i], g_array_unref);
      g_clear_pointer (&m->changed[i], g_array_unref);
    }
  g_string_free (m->lang, TRUE);
  g_string_free (m->removed, TRUE);
  g_array_unref (m->elements[0]);
  g_array_unref (m->elements[1]);
  g_array_unref (m->removed_ids);
  g_string_free (m->entry, TRUE);
}

/* A keyframe: the next step writes every entry, and readers start afresh from it. */
static void
maps_forget (Maps *m)
{
  for (int i = 0; i < N_MAPS; i++)
    if (m->prev[i] != NULL)
      g_hash_table_remove_all (m->prev[i]);
  for (int i = 0; i < N_MAPS && m->cached; i++)
    {
      g_array_set_size (m->order[i], 0);
      g_array_set_size (m->changed[i], 0);
    }
  m->stdout_len = 0;
  m->stderr_len = 0;
}

static void
map_begin (Maps *m, GString *out, MapKind kind)
{
  m->map_start = out->len;
  put_key (out, map_keys[kind], "{");
  m->first = TRUE;
}

/* Starts the entry of `id`; its value follows. */
static void
entry_begin (Maps *m, GString *out, guint64 id)
{
  m->entry_start = out->len;
  if (!m->first)
    out_str (out, ", ");
  g_string_append_c (out, '"');
  put_int (out, (gint64)id);
  out_str (out, "\": ");
}

/* Fills `at` with the byte offsets of the elements of the JSON array `text` (where each
 * starts, after "[" or ", "). */
static void
array_elements (const char *text, GArray *at)
{
  int depth = 0;
  gboolean in_string = FALSE;

  g_array_set_size (at, 0);
  for (const char *p = text; *p; p++)
    {
      gsize offset;

      if (in_string)
        {
          if (*p == '\\')
            p++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if ((*p == '[' || *p == '{') && depth++ == 0)
        {
          offset = p + 1 - text;
          g_array_append_val (at, offset);
        }
      else if (*p == ']' || *p == '}')
        depth--;
      else if (*p == ',' && depth == 1)
        {
          offset = p + 2 - text;
          g_array_append_val (at, offset);
        }
    }
}

/* A heap entry whose first elements read as they did (a list that grew) is written as
 * ["HEAPSCOPE_EXTEND", kept, the elements after them...]: the entry's first `kept`
 * elements of the previous step, then those. `value` is where the entry's value starts
 * in `out`, `before` its previous value. */
static void
extend_entry (Maps *m, GString *out, gsize value, const char *before)
{
  const char *now = out->str + value;
  GArray *a = m->elements[0], *b = m->elements[1];
  guint kept = 0;
  g_autofree char *rest = NULL;

  array_elements (before, a);
  array_elements (now, b);
  if (a->len == 0 || b->len == 0 || g_array_index (a, gsize, 0) != g_array_index (b, gsize, 0))
    return;
  /* element k ends where k + 1 starts: compare one element at a time */
  while (kept + 1 < a->len && kept + 1 < b->len
         && g_array_index (a, gsize, kept + 1) == g_array_index (b, gsize, kept + 1)
         && memcmp (before + g_array_index (a, gsize, kept), now + g_array_index (a, gsize, kept),
                    g_array_index (a, gsize, kept + 1) - g_array_index (a, gsize, kept))
                == 0)
    kept++;
  if (kept < 2 || g_array_index (a, gsize, kept) < 64)
    return; /* not worth it */
  rest = g_strdup (now + g_array_index (b, gsize, kept));
  g_string_truncate (out, value);
  g_string_append_printf (out, "[\"HEAPSCOPE_EXTEND\", %u, %s", kept, rest);
}

/* `text` (char*, HeapText* in the heap) becomes id's entry in prev. */
static void
keep_entry (Maps *m, MapKind kind, const guint64 *id, gpointer text)
{
  g_hash_table_insert (m->prev[kind], g_memdup2 (id, sizeof *id), text);
  if (m->cached)
    g_array_append_val (m->changed[kind], *id);
}

/* In compact mode an entry that reads as it did at the previous step is taken back (a
 * cached map keeps it, and writes its entries when it ends). */
static void
entry_end (Maps *m, GString *out, MapKind kind, const guint64 *id)
{
  gsize start = m->entry_start + (m->first ? 0 : 2);
  const char *before;
  char *now;

  if (m->compact || m->cached)
    {
      g_hash_table_add (m->now[kind], (gpointer)id);
      before = g_hash_table_lookup (m->prev[kind], id);
      if (before != NULL && strcmp (before, out->str + start) == 0)
        {
          g_string_truncate (out, m->entry_start);
          return;
        }
      now = g_strndup (out->str + start, out->len - start);
      keep_entry (m, kind, id, now);
      if (m->cached)
        {
          g_string_truncate (out, m->entry_start); /* map_end writes it */
          return;
        }
    }
  m->first = FALSE;
}

/* Writes the heap entry `now` (made for this step; `from` > 0: its first `from` items are
 * those of the entry of the step before, `same` when it reads as that one did; else
 * `before` is that entry, or NULL) and keeps it for the next step. Compact mode writes only
 * how it differs: nothing when it reads the same, else ["HEAPSCOPE_EXTEND", kept, the
 * elements after them...] when its first elements are. */
static void
heap_entry_put (Maps *m, GString *out, const guint64 *id, const HeapText *before, gboolean same,
                HeapText *now, guint from)
{
  gsize start;

  if (m->cached
      || (m->compact
          && (same
              || (before != NULL && before->len == now->len
                  && memcmp (before->str, now->str, now->len) == 0))))
    ;
  else if (m->compact && from > 0)
    {
      /* the items after the first `from` (", item", ...), and the closing bracket */
      gsize rest = from < now->items->len ? g_array_index (now->items, gsize, from) : now->len - 1;

      out_str (out, m->first ? "" : ", ");
      out_len (out, now->str, strchr (now->str, ':') + 2 - now->str);
      out_str (out, "[\"HEAPSCOPE_EXTEND\", ");
      put_int (out, (gint64)from + 1);
      out_len (out, now->str + rest, now->len - rest);
      m->first = FALSE;
    }
  else
    {
      out_str (out, m->first ? "" : ", ");
      start = out->len;
      out_len (out, now->str, now->len);
      if (m->compact && before != NULL)
        extend_entry (m, out, strchr (out->str + start, ':') + 2 - out->str,
                      strchr (before->str, ':') + 2);
      m->first = FALSE;
    }
  g_hash_table_add (m->now[MAP_HEAP], (gpointer)id);
  keep_entry (m, MAP_HEAP, id, now);
}

/* m->entry emptied, then holding "\"id\": ". */
static GString *
entry_begin_text (Maps *m, guint64 id)
{
  g_string_truncate (m->entry, 0);
  g_string_append_c (m->entry, '"');
  put_int (m->entry, (gint64)id);
  out_str (m->entry, "\": ");
  return m->entry;
}

/* Compact: names `id` among the map's entries gone in "heapscope_removed". */
static void
note_removed (Maps *m, MapKind kind, guint64 id, gboolean *first)
{
  if (*first)
    {
      out_str (m->removed, m->removed->len ? ", \"" : "\"");
      out_str (m->removed, map_keys[kind]);
      out_str (m->removed, "\": [");
    }
  else
    out_str (m->removed, ", ");
  put_uint (m->removed, id);
  *first = FALSE;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

/* Compact, a step told by what it touched: the ids it lists as gone that the map held leave
 * it (into `removed`). */
static void
remove_gone (Maps *m, MapKind kind, const GArray *ids, GArray *removed)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_hash_table_remove (m->prev[kind], &g_array_index (ids, guint64, i)))
      g_array_append_val (removed, g_array_index (ids, guint64, i));
}

static const char *
kept_text (MapKind kind, gpointer text, gsize *len)
{
  if (kind == MAP_HEAP)
    {
      *len = ((HeapText *)text)->len;
      return ((HeapText *)text)->str;
    }
  *len = strlen (text);
  return text;
}

/* A cached map's entries, by id: those of the last step, the ones that changed since read
 * anew from prev (and left out when they left it), then (the heap) the language objects'. */
static void
write_kept (Maps *m, GString *out, MapKind kind)
{
  GArray *order = m->order[kind], *changed = m->changed[kind];
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (Kept), order->len + changed->len);
  guint i = 0, j = 0;

  g_array_sort (changed, compare_ids);
  while (i < order->len || j < changed->len)
    {
      guint64 next = j < changed->len ? g_array_index (changed, guint64, j) : G_MAXUINT64;
      Kept k;
      const char *str;
      gsize len;

      if (i < order->len && g_array_index (order, Kept, i).id < next)
        k = g_array_index (order, Kept, i++);
      else
        {
          /* changed: as prev has it now (the last step's entry, if any, is passed) */
          for (; j < changed->len && g_array_index (changed, guint64, j) == next; j++)
            ;
          if (i < order->len && g_array_index (order, Kept, i).id == next)
            i++;
          k = (Kept){ next, g_hash_table_lookup (m->prev[kind], &next) };
          if (k.text == NULL)
            continue;
        }
      g_array_append_val (merged, k);
      str = kept_text (kind, k.text, &len);
      if (merged->len > 1)
        out_len (out, ", ", 2);
      out_len (out, str, len);
    }
  if (kind == MAP_HEAP && m->lang->len > 0)
    out_str (out, m->lang->str + (merged->len > 0 ? 0 : 2));
  g_string_truncate (m->lang, 0);
  g_array_set_size (changed, 0);
  g_array_unref (order);
  m->order[kind] = merged;
}

/* Closes the map; in compact mode lists the ids it held at the last step and no more. */
static void
map_end (Maps *m, GString *out, MapKind kind)
{
  GHashTableIter iter;
  gpointer key;
  gboolean first = TRUE;
  GArray *removed = m->removed_ids;

  if (!m->cached)
    out_str (out, "}");
  if (m->prev[kind] == NULL)
    return;
  if (m->first && m->compact)
    g_string_truncate (out, m->map_start); /* compact: a map with no change is left out */
  g_array_set_size (removed, 0);
  if (m->gone != NULL)
    {
      remove_gone (m, kind, m->gone, removed);
      if (kind == MAP_HEAP)
        remove_gone (m, kind, m->lang_gone, removed);
    }
  else
    {
      g_hash_table_iter_init (&iter, m->prev[kind]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          if (g_hash_table_contains (m->now[kind], key))
            continue;
          g_array_append_val (removed, *(guint64 *)key);
          g_hash_table_iter_remove (&iter);
        }
    }
  /* by id: the table's own order follows its history, which a step told by what it touched
   * (hs-trace-json-delta.c) does not repeat */
  g_array_sort (removed, compare_ids);
  if (m->cached) /* their entries are gone from prev */
    g_array_append_vals (m->changed[kind], removed->data, removed->len);
  for (guint i = 0; m->compact && i < removed->len; i++)
    note_removed (m, kind, g_array_index (removed, guint64, i), &first);
  if (!first)
    out_str (m->removed, "]");
  g_hash_table_remove_all (m->now[kind]);
  if (m->cached)
    {
      write_kept (m, out, kind);
      out_str (out, "}");
    }
}

/* A language object's heap entry (see hs_json_language_tag). */
static void
put_language_object (GString *out, const HsSnapValue *v)
{
  const char *tag = hs_json_language_tag (v);
  g_autofree char *name = name_in_repr (v->text, tag);

  g_string_append_printf (out, "[\"%s\", ", tag);
  if (g_str_equal (tag, "FUNCTION"))
    {
      /* "<function dataclass at 0x...>", "<bound method Random.randint of ...>": one CPython
       * writes in Python, parameters known */
      const HsCPythonFunction *f
          = g_str_has_prefix (v->text, "<function ") || g_str_has_prefix (v->text, "<bound method ")
                ? hs_cpython_function (NULL, name)
                : NULL;
      g_autofree char *sig = f != NULL ? NULL : g_strconcat (name, "(...)", NULL);
      put_string (out, f != NULL ? f->signature : sig);
      out_str (out, ", null");
      if (f != NULL && f->defaults != NULL && f->defaults[0] != '\0')
        g_string_append_printf (out, ", %s", f->defaults);
      out_str (out, "]");
    }
  else if (g_str_equal (tag, "CLASS"))
    {
      put_string (out, name);
      out_str (out, ", []]");
    }
  else if (g_str_equal (tag, "INSTANCE_PPRINT"))
    g_string_append_printf (out, "\"%s\", \"%s\"]",
                            g_str_equal (v->text, "Ellipsis") ? "ellipsis" : "NotImplementedType",
                            v->text);
  else
    {
      put_string (out, name);
      out_str (out, "]");
    }
}

/* Floats as pg_encoder sends them: a whole number as ["SPECIAL_FLOAT", "3.0"] (so that it
 * does not read as an int), infinities and NaN by name, the others as JSON numbers. */
static void
put_float (GString *out, const char *text)
{
  double x = g_ascii_strtod (text, NULL);

  if (isinf (x) || isnan (x))
    g_string_append_printf (out, "[\"SPECIAL_FLOAT\", \"%s\"]",
                            isnan (x) ? "NaN"
                            : x < 0   ? "-Infinity"
                                      : "Infinity");
  else if (x == floor (x))
    g_string_append_printf (out, "[\"SPECIAL_FLOAT\", \"%.1f\"]", x);
  else
    out_str (out, text);
}

static void
put_primitive (GString *out, const HsSnapValue *v)
{
  const char *t = v->type_name;

  if (g_strcmp0 (t, "str") == 0)
    {
      g_autoptr (GString) s = str_from_repr (v->text);
      put_string_len (out, s->str, s->len);
    }
  else if (g_strcmp0 (t, "NoneType") == 0)
    out_str (out, "null");
  else if (g_strcmp0 (t, "bool") == 0)
    out_str (out, g_strcmp0 (v->text, "True") == 0 ? "true" : "false");
  else if (g_strcmp0 (t, "float") == 0)
    put_float (out, v->text);
  else if (g_strcmp0 (t, "int") == 0 && strspn (v->text, "-0123456789") == strlen (v->text))
    out_str (out, v->text);
  else if (hs_json_language_tag (v) != NULL)
    put_ref (out, v->ref);
  else
    put_string (out, v->text); /* an object only known by its repr */
}

static void
put_value (GString *out, const HsSnapValue *v)
{
  if (v->kind == HS_SNAP_VALUE_REF)
    put_ref (out, v->ref);
  else
    put_primitive (out, v);
}

static void
put_vars (GString *out, GArray *vars, const char *names_key, const char *values_key)
{
  g_string_append_c (out, '"');
  out_str (out, values_key);
  out_str (out, "\": {");
  for (guint i = 0; i < vars->len; i++)
    {
      HsSnapVar *var = &g_array_index (vars, HsSnapVar, i);
      if (i)
        out_str (out, ", ");
      put_string (out, var->name);
      out_str (out, ": ");
      put_value (out, &var->value);
    }
  out_str (out, "}");
  put_key (out, names_key, "[");
  for (guint i = 0; i < vars->len; i++)
    {
      if (i)
        out_str (out, ", ");
      put_string (out, g_array_index (vars, HsSnapVar, i).name);
    }
  out_str (out, "]");
}

static void
put_held (GString *out, GArray *held)
{
  out_str (out, "[");
  for (guint i = 0; i < held->len; i++)
    {
      HsSnapVar *var = &g_array_index (held, HsSnapVar, i);
      out_str (out, i ? ", [" : "[");
      put_string (out, var->name);
      out_str (out, ", ");
      put_value (out, &var->value);
      out_str (out, "]");
    }
  out_str (out, "]");
}

static void
put_frame (GString *out, HsSnapFrame *f)
{
  out_str (out, "{\"func_name\": ");
  put_string (out, f->func_name);
  out_str (out, ", \"frame_id\": ");
  put_uint (out, f->frame_id);
  out_str (out, f->is_highlighted ? ", \"is_highlighted\": true" : ", \"is_highlighted\": false");
  out_str (out, f->is_parent ? ", \"is_parent\": true" : ", \"is_parent\": false");
  out_str (out, f->is_zombie ? ", \"is_zombie\": true" : ", \"is_zombie\": false");
  out_str (out, ", \"parent_frame_id_list\": [");
  for (guint i = 0; i < f->parent_frame_ids->len; i++)
    {
      if (i)
        out_str (out, ", ");
      put_uint (out, g_array_index (f->parent_frame_ids, guint64, i));
    }
  out_str (out, "], \"unique_hash\": \"");
  out_str (out, f->func_name); /* as it is, as pg_encoder does */
  out_str (out, "_f");
  put_uint (out, f->frame_id);
  out_str (out, f->is_parent ? "_p" : "");
  out_str (out, f->is_zombie ? "_z\", " : "\", ");
  put_vars (out, f->vars, "ordered_varnames", "encoded_locals");
  out_str (out, ", \"heapscope_held\": ");
  put_held (out, f->held);
  out_str (out, "}");
}

/* The function frames, oldest first: those Python Tutor lists, or the hidden ones. */
static void
put_frames (GString *out, HsSnapshot *snap, const char *key, gboolean hidden)
{
  gboolean first = TRUE;

  put_key (out, key, "[");
  for (guint i = 1; i < snap->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (snap->frames, i);
      if (f->is_hidden != hidden)
        continue;
      if (!first)
        out_str (out, ", ");
      first = FALSE;
      put_frame (out, f);
    }
  out_str (out, "]");
}

static const char *
heap_tag (HsSnapKind kind)
{
  switch (kind)
    {
      case HS_SNAP_LIST:
        return "LIST";
      case HS_SNAP_TUPLE:
        return "TUPLE";
      case HS_SNAP_DICT:
        return "DICT";
      case HS_SNAP_SET:
        return "SET";
      case HS_SNAP_CLASS:
        return "CLASS";
      case HS_SNAP_FUNCTION:
        return "FUNCTION";
      case HS_SNAP_PRIMITIVE:
        return "HEAP_PRIMITIVE";
      case HS_SNAP_INSTANCE:
      case HS_SNAP_OTHER:
      default:
        return "INSTANCE";
    }
}

/* Python Tutor lists a class's bases by name, `object` left out. */
static void
put_bases (GString *out, HsSnapshot *snap, HsSnapObject *o)
{
  const HsSnapValue *base = &o->class_ref;

  out_str (out, ", [");
  if (o->bases != NULL)
    {
      gboolean first = TRUE;
      for (guint i = 0; i < o->bases->len; i++)
        if (strcmp (g_ptr_array_index (o->bases, i), "object") != 0)
          {
            out_str (out, first ? "" : ", ");
            put_string (out, g_ptr_array_index (o->bases, i));
            first = FALSE;
          }
    }
  else if (base->kind == HS_SNAP_VALUE_REF)
    {
      HsSnapObject *b = hs_snapshot_lookup (snap, base->ref);
      if (b != NULL)
        put_string (out, b->label ? b->label : b->type_name);
    }
  else if (base->text != NULL && g_str_has_prefix (base->text, "<class '")
           && g_str_has_suffix (base->text, "'>") && strcmp (base->text, "<class 'object'>") != 0)
    {
      /* a built-in base, recorded inline by its repr: its __name__ */
      g_autofree char *name = name_in_repr (base->text, "CLASS");
      put_string (out, name);
    }
  out_str (out, "]");
}

gboolean
hs_json_is_pg_hidden_label (const char *text)
{
  return text != NULL
         && (strcmp (text, "'__module__'") == 0 || strcmp (text, "'__return__'") == 0
             || strcmp (text, "'__locals__'") == 0);
}

/* Keys pg_encoder leaves out of a dict (a class body's namespace has `__module__`). */
static gboolean
is_pg_hidden_key (HsSnapshot *snap, const HsSnapValue *key)
{
  const char *text = key->text;
  if (key->kind == HS_SNAP_VALUE_REF) /* heap-primitives mode: a str's node */
    {
      HsSnapObject *k = hs_snapshot_lookup (snap, key->ref);
      text = k != NULL && k->kind == HS_SNAP_PRIMITIVE ? k->label : NULL;
    }
  return hs_json_is_pg_hidden_label (text);
}

static int
cmp_cell_labels (gconstpointer a, gconstpointer b)
{
  const HsSnapCell *x = *(const HsSnapCell *const *)a, *y = *(const HsSnapCell *const *)b;
  return g_strcmp0 (x->label, y->label);
}

/* A list, tuple, dict or set of a type of a module (collections' deque, Counter, a
 * namedtuple) or of a class derived from one, which Python Tutor writes as an instance of
 * that type. */
static gboolean
is_module_container (HsSnapObject *o)
{
  return (o->kind == HS_SNAP_LIST && strcmp (o->type_name, "list") != 0)
         || (o->kind == HS_SNAP_TUPLE && strcmp (o->type_name, "tuple") != 0)
         || (o->kind == HS_SNAP_DICT && strcmp (o->type_name, "dict") != 0)
         || (o->kind == HS_SNAP_SET && strcmp (o->type_name, "set") != 0
             && strcmp (o->type_name, "frozenset") != 0);
}

/* A function's row for a cell it closes over (the rest are its defaults). */
static gboolean
is_closure_row (HsSnapshot *snap, const HsSnapCell *c)
{
  HsSnapObject *target;

  if (c->value.kind != HS_SNAP_VALUE_REF)
    return FALSE;
  target = hs_snapshot_lookup (snap, c->value.ref);
  return target != NULL && g_strcmp0 (target->type_name, "cell") == 0;
}

/* A function's or an instance's rows as Python Tutor lists them: a cell referring to a
 * part that is drawn itself (a defaults tuple two functions share, an instance's __dict__
 * the program refers to: HsSnapObject.folded_cells) stands for the part's rows, one per
 * item of the part. */
static GPtrArray *
unfolded_rows (HsSnapshot *snap, HsSnapObject *o)
{
  GPtrArray *rows = g_ptr_array_sized_new (o->cells->len);
  guint folded = 0;

  for (guint i = 0; i < o->cells->len; i++)
    {
      HsSnapCell *c = &g_array_index (o->cells, HsSnapCell, i);
      HsSnapObject *part = NULL;

      if (o->folded_cells != NULL && c->value.kind == HS_SNAP_VALUE_REF && c->label != NULL
          && (strcmp (c->label, "__defaults__") == 0 || strcmp (c->label, "__kwdefaults__") == 0
              || strcmp (c->label, "__closure__") == 0 || strcmp (c->label, "__dict__") == 0))
        part = hs_snapshot_lookup (snap, c->value.ref);
      if (part == NULL)
        {
          g_ptr_array_add (rows, c);
          continue;
        }
      for (guint j = 0; j < part->cells->len && folded < o->folded_cells->len; j++)
        g_ptr_array_add (rows, &g_array_index (o->folded_cells, HsSnapCell, folded++));
    }
  return rows;
}

static void
put_rows (GString *out, HsSnapshot *snap, GPtrArray *rows, gboolean closure)
{
  gboolean first = TRUE;

  for (guint i = 0; i < rows->len; i++)
    {
      HsSnapCell *c = rows->pdata[i];

      if (is_closure_row (snap, c) != closure)
        continue;
      out_str (out, first ? "[" : ", [");
      put_string (out, c->label ? c->label : "");
      out_str (out, ", ");
      put_value (out, &c->value);
      out_str (out, "]");
      first = FALSE;
    }
}

/* pg_encoder appends a function's defaults as one list of [name, value] pairs, and only
 * when there are some; the cells it closes over go to heapscope_closure_cells, and its
 * attributes (`__annotations__`, what the program set) are not listed. */
static void
put_function_defaults (GString *out, HsSnapshot *snap, HsSnapObject *o)
{
  g_autoptr (GPtrArray) rows = NULL;

  if (o->n_defaults == 0)
    return;
  rows = unfolded_rows (snap, o);
  g_ptr_array_set_size (rows, MIN (o->n_defaults, rows->len));
  out_str (out, ", [");
  put_rows (out, snap, rows, FALSE);
  out_str (out, "]");
}

static void
put_closure_cells (Maps *m, GString *out, HsSnapshot *snap)
{
  map_begin (m, out, MAP_CLOSURE_CELLS);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      gboolean any = FALSE;
      g_autoptr (GPtrArray) rows = NULL;

      if (o->kind != HS_SNAP_FUNCTION || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      rows = unfolded_rows (snap, o);
      for (guint j = 0; j < rows->len && !any; j++)
        any = is_closure_row (snap, rows->pdata[j]);
      if (!any)
        continue;
      entry_begin (m, out, o->id);
      out_str (out, "[");
      put_rows (out, snap, rows, TRUE);
      out_str (out, "]");
      entry_end (m, out, MAP_CLOSURE_CELLS, &o->id);
    }
  map_end (m, out, MAP_CLOSURE_CELLS);
}

/* The heap entry's tag and header (a function's whole entry: then FALSE). */
static gboolean
put_heap_header (GString *out, HsSnapshot *snap, HsSnapObject *o)
{
  gboolean module_container = is_module_container (o);

  out_str (out, "[\"");
  out_str (out, module_container ? "INSTANCE" : heap_tag (o->kind));
  g_string_append_c (out, '"');
  if (module_container)
    {
      out_str (out, ", ");
      put_string (out, o->type_name);
    }
  switch (o->kind)
    {
      case HS_SNAP_FUNCTION:
        out_str (out, ", ");
        put_string (out, o->label ? o->label : o->type_name);
        if (o->parent_frame_id != 0)
          {
            out_str (out, ", ");
            put_uint (out, o->parent_frame_id);
          }
        else
          out_str (out, ", null");
        put_function_defaults (out, snap, o);
        out_str (out, "]");
        return FALSE;
      case HS_SNAP_PRIMITIVE:
        {
          HsSnapValue v = { HS_SNAP_VALUE_PRIMITIVE, 0, o->label, o->type_name };
          out_str (out, ", ");
          put_string (out, o->type_name);
          out_str (out, ", ");
          put_primitive (out, &v);
          break;
        }
      case HS_SNAP_CLASS:
        out_str (out, ", ");
        put_string (out, o->label ? o->label : o->type_name);
        put_bases (out, snap, o);
        break;
      case HS_SNAP_INSTANCE:
      case HS_SNAP_OTHER:
        out_str (out, ", ");
        put_string (out, o->type_name);
        break;
      default:
        break;
    }
  return TRUE;
}

/* The heap entry of o: its tag and header, then its cells from `from` on (a list's or
 * tuple's, whose first `from` items were written already), each one's offset in `out` in
 * `items` when it is not NULL. */
static void
put_heap_object (GString *out, HsSnapshot *snap, HsSnapObject *o, guint from, GArray *items)
{
  g_autoptr (GPtrArray) cells = NULL;
  gboolean module_container = is_module_container (o);
  /* a list's cells before `from` are written already: an append reads its item, not the
   * list (classes' and instances' rows are sorted, whole) */
  guint first
      = o->kind == HS_SNAP_INSTANCE || o->kind == HS_SNAP_CLASS ? 0 : MIN (from, o->cells->len);

  if (from == 0 && !put_heap_header (out, snap, o))
    return;
  if (o->kind == HS_SNAP_INSTANCE)
    cells = unfolded_rows (snap, o);
  else
    {
      cells = g_ptr_array_sized_new (o->cells->len - first);
      for (guint i = first; i < o->cells->len; i++)
        g_ptr_array_add (cells, &g_array_index (o->cells, HsSnapCell, i));
    }
  /* Python Tutor sorts the attributes of classes and instances by name. */
  if (o->kind == HS_SNAP_INSTANCE || o->kind == HS_SNAP_CLASS)
    g_ptr_array_sort (cells, cmp_cell_labels);
  for (guint i = from; i < first + cells->len; i++)
    {
      HsSnapCell *c = g_ptr_array_index (cells, i - first);
      if (o->kind == HS_SNAP_DICT && is_pg_hidden_key (snap, &c->key))
        continue;
      if (items != NULL)
        g_array_append_val (items, out->len);
      out_str (out, ", ");
      if (o->kind == HS_SNAP_DICT && c->label == NULL) /* an entry, not an attribute row */
        {
          out_str (out, "[");
          put_value (out, &c->key);
          out_str (out, ", ");
          put_value (out, &c->value);
          out_str (out, "]");
        }
      else if (o->kind == HS_SNAP_INSTANCE || o->kind == HS_SNAP_CLASS || o->kind == HS_SNAP_OTHER
               || module_container)
        {
          g_autofree char *index = c->label ? NULL : g_strdup_printf ("%u", i);
          out_str (out, "[");
          put_string (out, c->label ? c->label : index);
          out_str (out, ", ");
          put_value (out, &c->value);
          out_str (out, "]");
        }
      else
        put_value (out, &c->value);
    }
  out_str (out, "]");
}

/* Whether o's entry is made of its own cells alone (a list, tuple, dict, set or instance;
 * a function's and a class's read other objects), so that it reads as it did while its step
 * did not touch it. */
static gboolean
entry_is_own (const HsSnapObject *o)
{
  return o->kind == HS_SNAP_LIST || o->kind == HS_SNAP_TUPLE || o->kind == HS_SNAP_DICT
         || o->kind == HS_SNAP_SET || o->kind == HS_SNAP_INSTANCE;
}

/* o's heap entry: the last step's copied when its step did not touch it, else written from
 * the first cell it changed when it is a list or tuple whose first items stayed. */
static void
put_heap_entry (Maps *m, GString *out, HsSnapshot *snap, HsSnapObject *o)
{
  HeapText *before = g_hash_table_lookup (m->prev[MAP_HEAP], &o->id);
  gboolean items
      = (o->kind == HS_SNAP_LIST || o->kind == HS_SNAP_TUPLE) && !is_module_container (o);
  guint from = 0;
  HeapText *now;
  GString *text;
  GArray *item_offsets;

  if (before != NULL && entry_is_own (o) && !(o->flags & (HS_SNAP_FLAG_NEW | HS_SNAP_FLAG_CHANGED)))
    {
      g_hash_table_add (m->now[MAP_HEAP], &o->id);
      if (m->compact || m->cached)
        return;
      out_str (out, m->first ? "" : ", ");
      out_len (out, before->str, before->len);
      m->first = FALSE;
      return;
    }
  if (items && before != NULL && before->items != NULL && (o->flags & HS_SNAP_FLAG_CHANGED)
      && o->changed_from <= before->items->len)
    from = o->changed_from;
  if (from > 0)
    {
      /* The entry of the step before, written on from where ", item" `from` started (or
       * the closing bracket): in place, so that an append costs its item, not the list. */
      gsize cut = from < before->items->len ? g_array_index (before->items, gsize, from)
                                            : before->len - 1;
      gpointer key;
      gboolean same;

      g_hash_table_steal_extended (m->prev[MAP_HEAP], &o->id, &key, NULL);
      g_free (key);
      g_string_truncate (m->entry, 0);
      g_array_set_size (before->items, from);
      put_heap_object (m->entry, snap, o, from, before->items);
      same = before->len - cut == m->entry->len
             && memcmp (before->str + cut, m->entry->str, m->entry->len) == 0;
      now = heap_text_put (before, cut, m->entry, before->items, from);
      heap_entry_put (m, out, &o->id, NULL, same, now, from);
      return;
    }
  text = entry_begin_text (m, o->id);
  item_offsets = items ? g_array_new (FALSE, FALSE, sizeof (gsize)) : NULL;
  put_heap_object (text, snap, o, 0, item_offsets);
  now = heap_text_put (NULL, 0, text, item_offsets, 0);
  heap_entry_put (m, out, &o->id, before, FALSE, now, 0);
}

static void
put_id_list (GString *out, const char *key, HsSnapshot *snap, guint flag)
{
  gboolean first = TRUE;
  put_key (out, key, "[");
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (!(o->flags & flag))
        continue;
      if (!first)
        out_str (out, ", ");
      put_uint (out, o->id);
      first = FALSE;
    }
  out_str (out, "]");
}

/* Instances' references to their class and classes' to their base: counted, so shown. */
static void
put_class_refs (Maps *m, GString *out, HsSnapshot *snap)
{
  map_begin (m, out, MAP_CLASS_REFS);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (o->class_ref.kind != HS_SNAP_VALUE_REF || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      /* part of the object's record: what its step did not touch stays */
      if (m->compact && !(o->flags & (HS_SNAP_FLAG_NEW | HS_SNAP_FLAG_CHANGED))
          && g_hash_table_contains (m->prev[MAP_CLASS_REFS], &o->id))
        {
          g_hash_table_add (m->now[MAP_CLASS_REFS], &o->id);
          continue;
        }
      entry_begin (m, out, o->id);
      put_value (out, &o->class_ref);
      entry_end (m, out, MAP_CLASS_REFS, &o->id);
    }
  map_end (m, out, MAP_CLASS_REFS);
}

/* "heapscope_weak_refs": {id: ["REF", id] or null}: what each weak reference refers to
 * (null once it died), a reference no count includes. */
static void
put_weak_refs (Maps *m, GString *out, HsSnapshot *snap)
{
  map_begin (m, out, MAP_WEAK_REFS);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      const HsSnapValue *v = &o->weak_ref;

      if ((v->kind == HS_SNAP_VALUE_PRIMITIVE && v->text == NULL)
          || (v->kind == HS_SNAP_VALUE_REF && hs_snapshot_lookup (snap, v->ref) == NULL)
          || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      entry_begin (m, out, o->id);
      if (v->kind == HS_SNAP_VALUE_REF)
        put_value (out, v);
      else
        out_str (out, "null");
      entry_end (m, out, MAP_WEAK_REFS, &o->id);
    }
  map_end (m, out, MAP_WEAK_REFS);
}

/* "heapscope_hidden_holders": {id: [[kind, name], ...]}: the references each count
 * includes whose holder the heap does not list. */
static void
put_hidden_holders (Maps *m, GString *out, HsSnapshot *snap)
{
  map_begin (m, out, MAP_HIDDEN_HOLDERS);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (o->recorded_holders->len == 0 || o->immortal || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      entry_begin (m, out, o->id);
      out_str (out, "[");
      for (guint j = 0; j < o->recorded_holders->len; j++)
        {
          const HsSnapHolder *h = &g_array_index (o->recorded_holders, HsSnapHolder, j);
          out_str (out, j ? ", [" : "[");
          put_string (out, h->kind);
          out_str (out, ", ");
          put_string (out, h->name);
          out_str (out, "]");
        }
      out_str (out, "]");
      entry_end (m, out, MAP_HIDDEN_HOLDERS, &o->id);
    }
  map_end (m, out, MAP_HIDDEN_HOLDERS);
}

/* `counted`: the objects whose counts to write (or compare), by id. */
static void
put_heapscope_keys (Maps *m, GString *out, HsSnapshot *snap, GPtrArray *counted)
{
  map_begin (m, out, MAP_REFCOUNTS);
  for (guint i = 0; i < counted->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (counted, i);
      if (o->immortal || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      entry_begin (m, out, o->id);
      put_int (out, o->refcount);
      entry_end (m, out, MAP_REFCOUNTS, &o->id);
    }
  map_end (m, out, MAP_REFCOUNTS);
  put_hidden_holders (m, out, snap);
  put_class_refs (m, out, snap);
  put_closure_cells (m, out, snap);
  put_weak_refs (m, out, snap);
  put_id_list (out, "freed", snap, HS_SNAP_FLAG_FREED);
  put_id_list (out, "unreachable", snap, HS_SNAP_FLAG_UNREACHABLE);
  out_str (out, ", \"gc\": {\"freed\": [");
  for (guint i = 0; i < snap->gc_freed->len; i++)
    {
      if (i)
        out_str (out, ", ");
      put_uint (out, g_array_index (snap->gc_freed, guint64, i));
    }
  out_str (out, "]}");
}

static void
collect_language_value (GHashTable *found, const HsSnapValue *v)
{
  if (hs_json_language_tag (v) != NULL)
    g_hash_table_insert (found, (gpointer)&v->ref, (gpointer)v);
}

static void
collect_language_vars (GHashTable *found, GArray *vars)
{
  for (guint i = 0; i < vars->len; i++)
    collect_language_value (found, &g_array_index (vars, HsSnapVar, i).value);
}

/* The language objects (hs_json_language_tag) the step's values name, by id. */
static GHashTable *
collect_language_objects (HsSnapshot *snap)
{
  GHashTable *found = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < snap->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (snap->frames, i);

      collect_language_vars (found, f->vars);
      collect_language_vars (found, f->held);
    }
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);

      for (guint j = 0; j < o->cells->len && !(o->flags & HS_SNAP_FLAG_FREED); j++)
        {
          collect_language_value (found, &g_array_index (o->cells, HsSnapCell, j).key);
          collect_language_value (found, &g_array_index (o->cells, HsSnapCell, j).value);
        }
    }
  return found;
}

GPtrArray *
hs_json_language_order (GPtrArray *values)
{
  g_autoptr (GHashTable) found = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *order = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < values->len; i++)
    collect_language_value (found, values->pdata[i]);
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (order, value);
  return order;
}

/* A language object's heap entry, written as the heap's other entries are. */
static void
put_language_entry (Maps *m, GString *out, const HsSnapValue *v)
{
  GString *text = entry_begin_text (m, v->ref);

  put_language_object (text, v);
  if (m->cached)
    {
      /* written after the objects' entries, each time */
      out_str (m->lang, ", ");
      out_len (m->lang, text->str, text->len);
      return;
    }
  heap_entry_put (m, out, &v->ref, g_hash_table_lookup (m->prev[MAP_HEAP], &v->ref), FALSE,
                  heap_text_put (NULL, 0, text, NULL, 0), 0);
}

/* The step of `snap`, or (compact) of what `delta` says it touched (snap is its part). */
static void
put_step (Maps *m, GString *out, HsSnapshot *snap, const HsJsonDeltaStep *delta, const char *event)
{
  g_autoptr (GHashTable) language = delta == NULL ? collect_language_objects (snap) : NULL;
  GHashTableIter iter;
  gpointer value;
  HsSnapFrame *globals = snap->frames->len ? g_ptr_array_index (snap->frames, 0) : NULL;
  const char *text = snap->stdout_text ? snap->stdout_text : "";
  gsize text_len = strlen (text);

  out_str (out, "\"line\": ");
  if (snap->line < 0) /* a frame left with no line: CPython's f_lineno is None */
    out_str (out, "null");
  else
    put_int (out, snap->line);
  out_str (out, ", \"event\": \"");
  out_str (out, event);
  out_str (out, "\", \"func_name\": ");
  put_string (out, snap->func_name ? snap->func_name : "<module>");
  out_str (out, ", ");
  if (globals != NULL)
    put_vars (out, globals->vars, "ordered_globals", "globals");
  else
    out_str (out, "\"globals\": {}, \"ordered_globals\": []");
  out_str (out, ", \"heapscope_global_held\": ");
  if (globals != NULL)
    put_held (out, globals->held);
  else
    out_str (out, "[]");
  put_frames (out, snap, "stack_to_render", FALSE);
  put_frames (out, snap, "heapscope_hidden_frames", TRUE);
  map_begin (m, out, MAP_HEAP);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (!(o->flags & HS_SNAP_FLAG_FREED))
        put_heap_entry (m, out, snap, o);
    }
  if (delta != NULL)
    {
      /* all it names, in a whole step's order, when the step names more than one anew or
       * a whole trace writes them all */
      GPtrArray *lang = delta->lang_all != NULL ? delta->lang_all : delta->lang_new;

      for (guint i = 0; i < lang->len; i++)
        put_language_entry (m, out, lang->pdata[i]);
    }
  else
    {
      g_hash_table_iter_init (&iter, language);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        put_language_entry (m, out, value);
    }
  m->gone = delta != NULL ? delta->gone : NULL;
  m->lang_gone = delta != NULL ? delta->lang_gone : NULL;
  map_end (m, out, MAP_HEAP);
  /* compact: what this step printed (stdout only grows) */
  out_str (out, ", \"stdout\": ");
  if (m->compact && m->stdout_len <= text_len)
    put_string_len (out, text + m->stdout_len, text_len - m->stdout_len);
  else
    put_string_len (out, text, text_len);
  m->stdout_len = text_len;
  /* the program's stderr once it wrote some; compact: what this step wrote, if anything */
  if (snap->stderr_text != NULL)
    {
      gsize err_len = strlen (snap->stderr_text);

      if (!m->compact || err_len > m->stderr_len)
        {
          gsize from = m->compact ? m->stderr_len : 0;

          out_str (out, ", \"heapscope_stderr\": ");
          put_string_len (out, snap->stderr_text + from, err_len - from);
        }
      m->stderr_len = err_len;
    }
  if (snap->exception_msg != NULL)
    {
      out_str (out, ", \"exception_msg\": ");
      put_string (out, snap->exception_msg);
    }
  put_heapscope_keys (m, out, snap, delta != NULL ? delta->counted : snap->objects);
  if (m->compact)
    {
      out_str (out, ", \"heapscope_removed\": {");
      out_len (out, m->removed->str, m->removed->len);
      g_string_append_c (out, '}');
      g_string_truncate (m->removed, 0);
    }
  out_str (out, "}");
}

G_DEFINE_QUARK (hs - trace - error - quark, hs_trace_error)

void
hs_json_options_init (HsJsonOptions *opts)
{
  *opts = (HsJsonOptions){ 0 };
}

/* Step k as it is written: its own event (`event` when not NULL), or the one that ends a
 * trace stopped early. */
static void
format_step (Maps *m, GString *buf, HsTrace *trace, HsSnapshot *snap, const HsJsonDeltaStep *delta,
             int k, int n, const char *limit_msg, const char *event)
{
  g_string_truncate (buf, 0);
  out_str (buf, k ? ",\n" : "\n");
  if (limit_msg != NULL)
    {
      g_free (snap->exception_msg);
      snap->exception_msg = g_strdup (limit_msg);
    }
  if (m->compact && (k == 0 || limit_msg != NULL))
    out_str (buf, "{\"heapscope_keyframe\": true, ");
  else
    g_string_append_c (buf, '{');
  put_step (m, buf, snap, delta,
            limit_msg != NULL
                    || (k == n - 1
                        && (hs_trace_get_end (trace) == HS_TRACE_END_STEP_LIMIT
                            || hs_trace_get_end (trace) == HS_TRACE_END_TOO_LARGE))
                ? "instruction_limit_reached"
            : event != NULL ? event
                            : snap->event);
}

int
hs_trace_write_json (HsTrace *trace, const HsJsonOptions *opts, FILE *file, gboolean *stopped,
                     GError **error)
{
  int n = hs_trace_get_n_steps (trace), k;
  gboolean raised = FALSE, module_return = FALSE;
  g_autoptr (GString) buf = g_string_sized_new (1 << 16);
  gsize written;
  HsRState *st;
  HsSnapReuse *reuse;
  HsJsonDelta *delta;
  Maps m;

  /* pg_logger ends a program that died with its `exception` step (the module's 'return'
   * that CPython reports next is dropped), and records an `uncaught_exception` only when no
   * step raised (a syntax error); an exception re-raised out of the module (by `raise`, a
   * finally or an except*: CPython reports no 'exception' for a re-raise) ends with the
   * module's 'return'; a run stopped at the step limit ends with
   * `instruction_limit_reached`. */
  for (k = 0; k + 1 < n && !raised; k++)
    raised = g_str_equal (hs_trace_step_event (trace, k), "exception");
  if (raised && hs_trace_get_end (trace) == HS_TRACE_END_EXCEPTION
      && g_str_equal (hs_trace_step_event (trace, n - 1), "uncaught_exception"))
    {
      if (g_str_equal (hs_trace_step_event (trace, n - 2), "exception"))
        n--;
      else
        module_return = TRUE;
    }

  out_str (buf, "{\"code\": ");
  put_string (buf, trace->source);
  for (guint i = 0; i < hs_trace_get_n_warnings (trace); i++)
    {
      int line;
      const char *message = hs_trace_get_warning (trace, i, &line);

      g_string_append_printf (buf, "%s{\"line\": %d, \"message\": ",
                              i == 0 ? ", \"heapscope_warnings\": [" : ", ", line);
      put_string (buf, message);
      g_string_append_c (buf, '}');
      if (i + 1 == hs_trace_get_n_warnings (trace))
        g_string_append_c (buf, ']');
    }
  out_str (buf, opts->compact ? ", \"heapscope_compact\": true, \"trace\": [" : ", \"trace\": [");
  fwrite (buf->str, 1, buf->len, file);
  written = buf->len;
  /* a step is told by what it touched when it can be, not by its whole snapshot */
  delta = !opts->whole_steps ? hs_json_delta_new (trace, !opts->compact) : NULL;
  maps_init (&m, opts->compact, !opts->compact && delta != NULL);
  /* One replay, advanced step by step: the whole trace in time linear in its length. */
  st = hs_rstate_new ();
  reuse = hs_snap_reuse_new ();
  if (opts->n_told != NULL)
    *opts->n_told = 0;
  for (k = 0; k < n; k++)
    {
      g_autoptr (HsSnapshot) snap = NULL;
      HsJsonDeltaStep part = { 0 };
      gboolean told;

      hs_trace_advance (trace, st, k);
      told = delta != NULL && k > 0 && hs_json_delta_step (delta, st, k, reuse, &part);
      if (told && opts->n_told != NULL)
        (*opts->n_told)++;
      if (!told)
        {
          /* a step refused once its part was made: the objects it took from reuse
           * return, as their step has them (hs_rstate_to_snapshot takes them again) */
          if (part.part != NULL)
            hs_snap_reuse_keep_part (reuse, part.part);
          hs_json_delta_step_done (delta, &part);
          snap = hs_rstate_to_snapshot (st, trace, k, 0, reuse);
        }
      if (module_return && k == n - 1)
        g_clear_pointer (told ? &part.part->exception_msg : &snap->exception_msg, g_free);
      format_step (&m, buf, trace, told ? part.part : snap, told ? &part : NULL, k, n, NULL,
                   module_return && k == n - 1 ? "return" : NULL);
      if (opts->max_bytes > 0 && k > 0 && written + buf->len > opts->max_bytes)
        {
          /* The steps so far, and this one as the last, saying why, as the step limit
           * does: Python Tutor's frontend shows its message. */
          g_autofree char *msg = g_strdup_printf (
              "Heapscope stopped the trace after %d steps: the JSON would pass %" G_GSIZE_FORMAT
              " MB (heapscope-cli trace --compact writes only what changes)",
              k + 1, opts->max_bytes >> 20);

          /* what the told step kept is let go before the whole step is made: both at once
           * were two snapshots of a step of 900,000 objects */
          hs_json_delta_step_clear (&part);
          maps_forget (&m);
          if (snap == NULL)
            snap = hs_rstate_to_snapshot (st, trace, k, 0, reuse);
          format_step (&m, buf, trace, snap, NULL, k, n, msg, NULL);
          fwrite (buf->str, 1, buf->len, file);
          break;
        }
      fwrite (buf->str, 1, buf->len, file);
      written += buf->len;
      if (told)
        hs_snap_reuse_keep_part (reuse, part.part);
      else if (delta != NULL)
        hs_json_delta_reset (delta, snap);
      hs_json_delta_step_done (delta, &part);
      if (!told)
        hs_snap_reuse_keep (reuse, snap);
    }
  hs_json_delta_free (delta);
  hs_rstate_free (st);
  hs_snap_reuse_free (reuse);
  maps_clear (&m);
  fputs ("]}\n", file);
  if (ferror (file))
    {
      g_set_error_literal (error, HS_TRACE_ERROR, HS_TRACE_ERROR_IO, g_strerror (errno));
      return -1;
    }
  if (stopped != NULL)
    *stopped = k < n;
  return k < n ? k + 1 : n;
}

char *
hs_trace_to_json (HsTrace *trace, gsize max_bytes, GError **error)
{
  HsJsonOptions opts;
  char *data = NULL;
  size_t size = 0;
  FILE *file = open_memstream (&data, &size);
  int n;

  hs_json_options_init (&opts);
  opts.max_bytes = max_bytes;
  n = hs_trace_write_json (trace, &opts, file, NULL, error);
  fclose (file);
  if (n < 0)
    {
      free (data);
      return NULL;
    }
  return data;
}
