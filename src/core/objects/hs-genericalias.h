/* hs-genericalias.h — what annotations are made of: `list[int]` (types.GenericAlias),
 * `int | None` (types.UnionType) and the typing module's forms (`typing.List[int]`,
 * `typing.Optional[str]`, `typing.Any`). See hs-genericalias.c. */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef enum
{
  HS_ALIAS_GENERIC, /* list[int] */
  HS_ALIAS_UNION,   /* int | None */
  HS_ALIAS_TYPING,  /* typing.List, typing.List[int], typing.Any */
} HsAliasKind;

/* cls[key] for a built-in class that is generic (list, dict, tuple, set, frozenset, type,
 * and the collections types): a new alias; NULL without an error set when cls is not one. */
HsObject *hs_alias_class_getitem (HsVM *vm, HsObject *cls, HsObject *key);
/* CPython's classmethod(GenericAlias): cls.__class_getitem__(key), for the classes a module
 * makes in C (collections.abc.Iterable[int]). */
HsObject *hs_alias_class_getitem_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
/* a | b where both are classes, None or aliases: a types.UnionType; NULL without an error
 * when they are not. */
HsObject *hs_alias_union (HsVM *vm, HsObject *a, HsObject *b);
/* The typing form `name`: `origin` is the class it stands for (List: list, Iterable:
 * collections.abc.Iterable) or NULL; a subscript takes `nparams` arguments (-1: any; 0: it
 * is not generic); calling it makes an instance of origin when `inst` (Deque), else raises
 * TypeError (List). */
HsObject *hs_alias_typing_form (HsVM *vm, const char *name, HsObject *origin, int nparams,
                                gboolean inst);
/* The members of a types.UnionType (`int | str`, borrowed), which isinstance() and
 * issubclass() take as a tuple of them (CPython 3.11), or NULL when o is not one. */
HsObject *hs_alias_union_members (HsObject *o);

/* typing.Generic and typing.Protocol: classes a program derives from (class
 * Stack(Generic[T])), whose instances hold nothing of theirs. */
extern HsType hs_generic_type;
extern HsType hs_protocol_type;
/* Whether cls is a class made a protocol by deriving from Protocol (its own _is_protocol). */
gboolean hs_protocol_is_protocol (HsVM *vm, HsObject *cls);
/* isinstance(arg, cls) or issubclass(arg, cls) (`hook` "__instancecheck__" or
 * "__subclasscheck__") for a protocol, as CPython 3.11's _ProtocolMeta and _proto_hook:
 * only for @runtime_checkable ones (else TypeError), an object being an instance when it
 * has every member (a method not set to None), a class a subclass when its MRO defines
 * every method (a protocol with data members refuses issubclass()); hs_NotImplemented when
 * cls is no protocol. */
HsObject *hs_protocol_check (HsVM *vm, HsObject *cls, const char *hook, HsObject *arg);
/* typing.ForwardRef: what a str stands for in a typing form (List['Node']) */
extern HsType hs_forwardref_type;

void hs_alias_runtime_init (void);

G_END_DECLS
