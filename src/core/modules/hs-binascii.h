/* hs-binascii.h — what base64 (hs-mod-base64.c) shares with binascii (hs-mod-binascii.c):
 * the conversions CPython's base64.py makes through binascii, and binascii.Error.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* binascii.Error (a ValueError), which base64 raises too. */
extern HsType hs_binascii_error_type;

/* The bytes of an argument binascii's a2b_* functions take (CPython's
 * ascii_buffer_converter): a bytes-like object's, or an ASCII str's (borrowed); FALSE with
 * ValueError "string argument should contain only ASCII characters" or TypeError
 * "argument should be bytes, buffer or ASCII string, not 'int'". */
gboolean hs_binascii_ascii_data (HsVM *vm, HsObject *o, const char **data, gsize *len);
/* binascii.b2a_base64(data, newline=newline) of `len` bytes: a new bytes object. */
HsObject *hs_binascii_b2a_base64 (HsVM *vm, const char *data, gsize len, gboolean newline);
/* binascii.a2b_base64(data, strict_mode=strict): CPython's decoder and errors. */
HsObject *hs_binascii_a2b_base64 (HsVM *vm, const char *data, gsize len, gboolean strict);
/* binascii.hexlify(data) (upper: its .upper()); binascii.unhexlify(data). */
HsObject *hs_binascii_hexlify (HsVM *vm, const char *data, gsize len, gboolean upper);
HsObject *hs_binascii_unhexlify (HsVM *vm, const char *data, gsize len);
/* A new bytes object of `len` bytes, uninitialised (NUL-terminated), to be written. */
HsObject *hs_binascii_bytes_of_len (HsVM *vm, gsize len, char **data);

G_END_DECLS
