/* hs-bytes.h — Python's bytes (immutable) and bytearray (mutable): sequences of bytes.
 *
 * Invariant: both share one layout, so every read-only operation (indexing, slicing,
 * comparisons, searching, the methods that make new bytes) is written once, in
 * hs-bytes.c, and returns an object of the receiver's type. `data` holds `len` bytes in a
 * side buffer of `cap` bytes (counted against the heap cap, NUL-terminated for the
 * convenience of C string functions); a bytes object never changes after it is made (its
 * hash is cached), a bytearray marks itself dirty whenever it changes.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  gsize len;
  gsize cap;
  gint64 hash;   /* bytes: cached, -1 until asked */
  gsize exports; /* memoryviews' managed buffers over it: a bytearray then keeps its size */
  char *data;
} HsBytes;

#define HS_BYTES(o) ((HsBytes *)(o))

extern HsType hs_bytes_type;
extern HsType hs_bytearray_type;

/* bytes or bytearray (or a subclass): what CPython calls a bytes-like object here. */
static inline gboolean
hs_bytes_like_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_bytes_type)
         || hs_type_is_subtype (o->type, &hs_bytearray_type);
}

HsObject *hs_bytes_new (HsVM *vm, const char *data, gsize len);
HsObject *hs_bytearray_new (HsVM *vm, const char *data, gsize len);
/* New bytes or bytearray, as `type` says (one of the two). */
HsObject *hs_bytes_new_of (HsVM *vm, const HsType *type, const char *data, gsize len);
/* The bytes an argument stands for: a bytes-like object's or a contiguous memoryview's
 * (borrowed, valid until the program runs on); FALSE with TypeError "a bytes-like object
 * is required, not 'str'" (or a released memoryview's ValueError). */
gboolean hs_bytes_buffer (HsVM *vm, HsObject *o, const char **data, gsize *len);
/* Whether o exports a buffer hs_bytes_buffer reads: bytes, bytearray, memoryview, or an
 * object of a type registered below. */
gboolean hs_bytes_has_buffer (const HsObject *o);
/* Registers the buffer of a module's type (array.array) for hs_bytes_buffer, bytes() and
 * bytearray(); at runtime initialisation only. */
typedef gboolean (*HsBufferFn) (HsVM *vm, HsObject *o, const char **data, gsize *len);
void hs_bytes_register_exporter (const HsType *type, HsBufferFn get);
/* A new bytes object of the bytes a memoryview views (ValueError once released). */
HsObject *hs_memoryview_tobytes (HsVM *vm, HsObject *o);
/* The byte an int-like object stands for; FALSE with TypeError, or ValueError
 * `range_error` outside 0..255. */
gboolean hs_bytes_byte_of (HsVM *vm, HsObject *o, const char *range_error, char *out);
/* Grows or shrinks a bytearray (or a bytes object being made) to `len` bytes, the new ones
 * uninitialised; -1 with MemoryError. */
int hs_bytes_resize (HsVM *vm, HsObject *b, gsize len);
/* The bytes an argument of bytes() / bytearray() stands for, while they are read: borrowed
 * from a bytes-like object (`ref` holds it or the encoded str), or built in `buf`, a
 * buffer counted against the heap cap like an object's (`cap` bytes, one more than
 * `len`, NUL-terminated). Nothing of it is outside the cap, so a bytearray extended by
 * itself doubles within the cap. Cleared with hs_bytes_arg_clear. */
typedef struct
{
  const char *data;
  gsize len;
  HsObject *ref;
  char *buf;
  gsize cap;
} HsBytesArg;

/* Fills `out` with the bytes of bytes(x) / bytearray(x) for x an int count, an iterable
 * of ints, a bytes-like object or a str with an encoding; FALSE with CPython's errors (and
 * `out` cleared). `what` names the type in messages. */
gboolean hs_bytes_from_args (HsVM *vm, const char *what, HsObject *source, HsObject *encoding,
                             HsObject *errors, HsBytesArg *out);
void hs_bytes_arg_clear (HsVM *vm, HsBytesArg *arg);
/* A new bytes or bytearray (as `type` says) of `arg`'s bytes, taking its buffer when it
 * has one (no copy); `arg` is cleared. */
HsObject *hs_bytes_new_from_arg (HsVM *vm, const HsType *type, HsBytesArg *arg);

/* The slots and methods bytearray shares with bytes (hs-bytes.c). */
HsObject *hs_bytes_repr (HsVM *vm, HsObject *self);
/* The repr's text, newly allocated; of a bytes-like object longer than head + tail bytes,
 * only of its first `head` and last `tail` bytes around an ellipsis (the recorder's label
 * of a big bytearray: the whole one would be up to four times its size at every step). */
char *hs_bytes_repr_clipped (HsObject *self, gsize head, gsize tail);
HsObject *hs_bytes_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op);
HsObject *hs_bytes_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b);
gssize hs_bytes_len (HsVM *vm, HsObject *self);
HsObject *hs_bytes_getitem (HsVM *vm, HsObject *self, HsObject *key);
int hs_bytes_contains (HsVM *vm, HsObject *self, HsObject *item);
HsObject *hs_bytes_iter (HsVM *vm, HsObject *self);
int hs_bytes_truth (HsVM *vm, HsObject *self);
void hs_bytes_dealloc (HsVM *vm, HsObject *self);
/* Readies bytearray's type: its methods and bytes' read-only ones (hs_runtime_init). */
void hs_bytearray_ready (void);
/* The read-only methods, NULL-terminated, that both types list. */
extern const HsMethodDef hs_bytes_common_methods[];
/* bytes' methods that bytearray lacks (__bytes__, __getnewargs__) */
extern const HsMethodDef hs_bytes_own_methods[];

/* Codecs (hs-codecs.c): utf-8, ascii and latin-1, errors 'strict', 'ignore', 'replace'. */
HsObject *hs_codec_encode (HsVM *vm, HsObject *str, const char *encoding, const char *errors);
HsObject *hs_codec_decode (HsVM *vm, const char *data, gsize len, const char *encoding,
                           const char *errors);
/* str(obj, encoding, errors) with encoding or errors given (either may be NULL): obj, a
 * bytes-like object, decoded; CPython's TypeErrors for the rest. */
HsObject *hs_str_from_encoded (HsVM *vm, HsObject *obj, HsObject *encoding, HsObject *errors);
/* str.encode(encoding='utf-8', errors='strict') */
HsObject *hs_str_encode_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

G_END_DECLS
