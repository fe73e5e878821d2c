/* hs-format.h — format(value, spec), str.format and printf-style `%` formatting.
 *
 * Invariant: every function here builds its text in a GString and makes one str at the
 * end; widths and precisions count code points; results match CPython 3.11 byte for
 * byte, including the wording of every ValueError/TypeError.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* format(value, spec) for int, bool, float, str and other objects (empty spec: str()).
 * spec may be NULL (same as ''). */
HsObject *hs_format_value (HsVM *vm, HsObject *value, HsObject *spec);
/* int.__format__, float.__format__ and str.__format__ (the methods, args[0] self). */
HsObject *hs_format_dunder (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
/* fmt % args */
HsObject *hs_str_percent_format (HsVM *vm, HsObject *fmt, HsObject *args);
/* bytes % args and bytearray % args (PEP 461), the result of fmt's kind. */
HsObject *hs_bytes_percent_format (HsVM *vm, HsObject *fmt, HsObject *args);
/* fmt.format(*args, **kwargs): args[0..nargs) positional, then one value per kwnames. */
HsObject *hs_str_format_method (HsVM *vm, HsObject *fmt, HsObject **args, gsize nargs,
                                HsObject *kwnames);
/* fmt.format_map(mapping): every field a key looked up with mapping[key]. */
HsObject *hs_str_format_map (HsVM *vm, HsObject *fmt, HsObject *mapping);
/* ascii(obj): its repr with what is not ASCII escaped (the `!a` conversion). */
HsObject *hs_object_ascii (HsVM *vm, HsObject *obj);
/* The most bytes a text built outside the heap (then copied into it as a str or bytes)
 * may take: half of what the heap cap leaves, so that it and its copy stay under the cap;
 * G_MAXSIZE without a cap. */
gsize hs_format_text_room (HsVM *vm);
/* MemoryError when a text of `bytes` built outside the heap would pass that room. */
gboolean hs_format_check_size (HsVM *vm, gsize bytes);

G_END_DECLS
