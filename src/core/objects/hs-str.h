/* hs-str.h — Python's str: immutable UTF-8 text.
 *
 * Invariant: `data` holds byte_len bytes of valid UTF-8 plus a NUL; char_len is its
 * length in code points, and `ascii` is TRUE exactly when byte_len == char_len (so
 * indexing is by byte). The empty string and every one-character Latin-1 string are
 * process-wide immortal singletons (as in CPython, so `s[0] is 'a'` holds). Interned
 * strings are unique per text within a VM: the runtime's own names are process-wide and
 * immortal, the program's are the VM's, counted like other objects (identifier-like
 * constants, sys.intern) until the program uses the text as a name, which makes it immortal.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  gsize byte_len;
  gsize char_len;
  gint64 hash; /* cached; -1 until computed */
  gboolean ascii;
  char data[]; /* NUL-terminated */
} HsStr;

#define HS_STR(o) ((HsStr *)(o))

static inline gboolean
hs_str_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_str_type);
}

static inline const char *
hs_str_utf8 (HsObject *s)
{
  return HS_STR (s)->data;
}

static inline gsize
hs_str_byte_len (HsObject *s)
{
  return HS_STR (s)->byte_len;
}

static inline gsize
hs_str_char_len (HsObject *s)
{
  return HS_STR (s)->char_len;
}

/* The characters in s[0, len) of valid UTF-8; NULs count (g_utf8_strlen stops at one). */
static inline gsize
hs_utf8_count (const char *s, gsize len)
{
  gsize chars = 0;
  for (gsize i = 0; i < len; i++)
    chars += ((guchar)s[i] & 0xC0) != 0x80;
  return chars;
}

void hs_str_runtime_init (void);

/* New str from valid UTF-8 (copied). */
HsObject *hs_str_new (HsVM *vm, const char *utf8, gsize len);
/* A new object even for "" or one Latin-1 character, which hs_str_new shares: CPython's
 * int-to-str conversion writes its digits into a new string (`str(5) is str(5)` is False). */
HsObject *hs_str_new_unshared (HsVM *vm, const char *utf8, gsize len);
/* The same from ASCII text, which is not measured again (a number's digits). */
HsObject *hs_str_new_ascii_unshared (HsVM *vm, const char *ascii, gsize len);
HsObject *hs_str_from_cstr (HsVM *vm, const char *s);
HsObject *hs_str_from_format (HsVM *vm, const char *fmt, ...) G_GNUC_PRINTF (2, 3);
/* Takes the contents of a GString (frees it). */
HsObject *hs_str_from_gstring (HsVM *vm, GString *s);
/* Appends len bytes of text to out, the text of a str being built outside the heap (a join,
 * a container's repr); FALSE with MemoryError, out unchanged, when out would pass what the
 * heap cap leaves, so such a str stays within the cap like any object. */
gboolean hs_str_build (HsVM *vm, GString *out, const char *text, gsize len);
/* Appends n copies of unit (padding: fill characters), in a few copies rather than n. */
void hs_str_append_repeat (GString *out, const char *unit, gsize unit_len, gsize n);
/* Appends repr(o) so (o held meanwhile: its repr may drop the container's reference);
 * FALSE with the error raised. */
gboolean hs_str_build_repr (HsVM *vm, GString *out, HsObject *o);
/* Process-wide immortal interned string, the same object for the same text: for the
 * runtime's own names (never the program's: those are the VM's, below). */
HsObject *hs_str_intern (const char *s, gsize len);
HsObject *hs_str_intern_cstr (const char *s);
/* The program's interned str equal to str s (CPython's PyUnicode_InternInPlace, new
 * reference): a runtime name's, else the VM's, else s itself, now interned. The VM's table
 * holds no reference (CPython 3.11's mortal interned strings); s is an exact str. */
HsObject *hs_str_intern_obj (HsVM *vm, HsObject *s);
/* hs_str_intern_obj of a new str of the text; NULL with MemoryError. */
HsObject *hs_str_intern_vm (HsVM *vm, const char *s, gsize len);
/* The interned str of a name of the program (a variable, an attribute, a parameter, a
 * keyword), borrowed and immortal: CPython's count of a name includes the references its
 * parser keeps, one each time it reads the name again while backtracking, which the
 * diagram cannot show. Never NULL. */
HsObject *hs_str_intern_name (HsVM *vm, const char *s, gsize len);
HsObject *hs_str_intern_name_obj (HsVM *vm, HsObject *s);
/* Whether the runtime has an interned str of the text before any program runs (a one-letter
 * str, a name of Heapscope's runtime, a name CPython 3.11 interns at start-up). */
gboolean hs_str_interned_by_runtime (const char *s, gsize len);
/* CPython interns string constants made only of ASCII letters, digits and '_'. */
gboolean hs_str_is_intern_candidate (const char *s, gsize len);
/* str.isidentifier() */
gboolean hs_str_is_identifier (HsObject *str);
/* The UTF-8 text s[0..len) as int() and float() read it (CPython's
 * _PyUnicode_TransformDecimalAndSpaceToASCII): every whitespace character a space, every
 * decimal digit of any script its ASCII digit, any other non-ASCII character '?'. NULL when
 * the text is ASCII already (then it is read as it is). */
GString *hs_str_decimal_to_ascii (const char *s, gsize len);

HsObject *hs_str_concat (HsVM *vm, HsObject *a, HsObject *b);
/* The strs items[0..n) joined with sep between them (NULL: nothing), made in the heap at
 * its final size (the cap counts it, no copy is made outside first); a lone exact str item
 * is given back itself, as CPython's _PyUnicode_JoinArray does. */
HsObject *hs_str_join_array (HsVM *vm, HsObject *sep, HsObject **items, gsize n);
/* a + b, taking a: when the caller held its only reference, a grows in place (CPython's
 * PyUnicode_Append), which keeps `s += t` in a loop linear. */
HsObject *hs_str_append_take (HsVM *vm, HsObject *a, HsObject *b);
HsObject *hs_str_repeat (HsVM *vm, HsObject *s, gssize n);
gboolean hs_str_equal_cstr (HsObject *s, const char *c);
gboolean hs_str_equal (HsObject *a, HsObject *b);
/* Whether `a op b` holds for two strs (compared by code points). */
gboolean hs_str_compare_holds (HsObject *a, HsObject *b, HsCompareOp op);
gint64 hs_str_hash (HsObject *s);
/* The hash of a str of these UTF-8 bytes (bytes objects hash alike, as in CPython). */
gint64 hs_hash_bytes (const char *data, gsize len);
/* CPython's repr of a str ('...' or "..." with escapes) appended to out. */
void hs_str_repr_append (GString *out, HsObject *s);
/* the same of a str's text (UTF-8, a lone surrogate as its 3-byte encoding): ast.dump's
 * constants and names */
void hs_str_repr_append_text (GString *out, const char *text, gsize len);
/* The quote a str's repr uses: ' unless the text has one and no ". */
char hs_str_repr_quote (gboolean has_single, gboolean has_double);
/* What a repr quoted with `quote` writes between its quotes for len bytes of a str's text
 * starting at p (a character boundary): a str grown by a tail has its repr's head the same. */
void hs_str_repr_body_append (GString *out, const char *p, gsize len, char quote);
/* The escape repr() and ascii() write for code point c >= 0x80: \xNN, \uNNNN, \UNNNNNNNN. */
void hs_str_append_escape (GString *out, gunichar c);
/* Code point at index i (0 <= i < char_len), as a str (a cached singleton if Latin-1). */
HsObject *hs_str_char_at (HsVM *vm, HsObject *s, gsize i);
/* Byte offset of code point i (i <= char_len). */
gsize hs_str_offset_of (HsObject *s, gsize i);

/* str.translate, str.maketrans (a static method) and the expandtabs of str, bytes and
 * bytearray (hs-str-translate.c). */
HsObject *hs_str_translate_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_str_maketrans (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_text_expandtabs_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
/* s[0, len), `units` long (characters for str, bytes for bytes), padded with `fill` to
 * `width` > units: on the right ('<'), the left ('>') or both ('^', CPython's rule). */
void hs_text_pad (GString *out, const char *s, gsize len, gsize units, gsize width, char align,
                  const char *fill, gsize fill_len);
/* zfill: zeros after a leading sign up to `width` > units. */
void hs_text_zfill (GString *out, const char *s, gsize len, gsize units, gsize width);
/* expandtabs of s[0, len) into out, columns counted in characters (utf8) or bytes; FALSE
 * with MemoryError past the heap cap. str's and bytes' expandtabs. */
gboolean hs_text_expandtabs (HsVM *vm, GString *out, const char *s, gsize len, gboolean utf8,
                             gint64 tabsize);

G_END_DECLS
