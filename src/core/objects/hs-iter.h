/* hs-iter.h — iterator objects: sequence iterators (list, tuple, str, generic
 * __getitem__), their reversed forms, range and dict iterators, enumerate, zip,
 * reversed, map and filter, and callable_iterator (hs-calliter.c).
 *
 * Invariant: an iterator that walks a container holds a reference to it (shown by
 * refs: the diagram draws a for-loop's iterator pointing at its list) until it is
 * exhausted, when it drops the reference as CPython does.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_list_iter_type;
extern HsType hs_list_reviter_type;
extern HsType hs_tuple_iter_type;
extern HsType hs_str_iter_type;
extern HsType hs_str_uiter_type; /* over a str not all ASCII */
extern HsType hs_seq_iter_type;
extern HsType hs_range_iter_type;
extern HsType hs_dict_keyiter_type;
extern HsType hs_dict_valueiter_type;
extern HsType hs_dict_itemiter_type;
extern HsType hs_dict_revkeyiter_type;
extern HsType hs_dict_revvalueiter_type;
extern HsType hs_dict_revitemiter_type;
extern HsType hs_enumerate_type;
extern HsType hs_zip_type;
extern HsType hs_reversed_type;
extern HsType hs_map_type;
extern HsType hs_filter_type;
extern HsType hs_calliter_type;

/* iter(callable, sentinel) (hs-calliter.c) */
HsObject *hs_calliter_new (HsVM *vm, HsObject *callable, HsObject *sentinel);

HsObject *hs_list_iter_new (HsVM *vm, HsObject *list);
HsObject *hs_tuple_iter_new (HsVM *vm, HsObject *tuple);
/* Iterates a str by code points (needs hs_str_utf8/hs_str_new); usable as str's `iter`
 * slot. */
HsObject *hs_str_iter_new (HsVM *vm, HsObject *str);
/* The fallback iterator over obj[0], obj[1], ... until IndexError. */
HsObject *hs_seq_iter_new (HsVM *vm, HsObject *seq);
/* The same, named as CPython names the iterator of bytes and of bytearray. */
extern HsType hs_bytes_iter_type;
extern HsType hs_bytearray_iter_type;
HsObject *hs_seq_iter_new_of (HsVM *vm, HsType *type, HsObject *seq);
HsObject *hs_range_iter_new (HsVM *vm, gint64 start, gint64 step, gint64 len);
/* The iterators' __length_hint__ and __setstate__ as CPython's (hs_runtime_init). */
void hs_iter_runtime_init (void);
/* kind: 0 keys, 1 values, 2 items; 3, 4, 5 the same backwards (reversed()). */
HsObject *hs_dict_iter_new (HsVM *vm, HsObject *dict, int kind);
/* reversed(seq): TypeError "'int' object is not reversible". */
HsObject *hs_reversed_new (HsVM *vm, HsObject *seq);
/* A list_reverseiterator over `list` (a list or an instance of a class derived from it). */
HsObject *hs_list_reviter_new (HsVM *vm, HsObject *list);

/* What an iterator's __reduce__ returns, as CPython's: (builtins.<callable>, (arg,)[, index]);
 * takes arg (NULL: fails) */
HsObject *hs_iter_reduce_value (HsVM *vm, const char *callable, HsObject *arg, gboolean with_index,
                                gint64 index);

G_END_DECLS
