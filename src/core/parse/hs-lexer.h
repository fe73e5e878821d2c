/* hs-lexer.h — Python 3.11 tokenizer for Heapscope's front end.
 *
 * Invariant: the source is tokenized into a stream that ends with exactly one ENDMARKER or one
 * ERROR token, read on demand (a large module's tokens are never all alive at once: the parser
 * discards those of the statements it has finished). Token positions are CPython's: 1-based lines,
 * 0-based columns in UTF-8 bytes, end exclusive. Token text points into the source (no copies), so
 * the source must outlive the stream. A tokenizer error stops the stream and is kept in `error`,
 * together with whether it "overrides" a parser error found earlier (CPython re-tokenizes the rest
 * of the file after a parser error and prefers errors the tokenizer raises itself).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HS_T_ENDMARKER,
  HS_T_NAME,
  HS_T_NUMBER,
  HS_T_STRING,
  HS_T_NEWLINE,
  HS_T_INDENT,
  HS_T_DEDENT,
  HS_T_ERROR,   /* the tokenizer error (see HsTokenStream.error); always last */
  HS_T_UNKNOWN, /* a character that starts no token ('$', '?', '!'): the parser rejects it */
  /* operators */
  HS_T_LPAR,
  HS_T_RPAR,
  HS_T_LSQB,
  HS_T_RSQB,
  HS_T_LBRACE,
  HS_T_RBRACE,
  HS_T_COLON,
  HS_T_COMMA,
  HS_T_SEMI,
  HS_T_PLUS,
  HS_T_MINUS,
  HS_T_STAR,
  HS_T_SLASH,
  HS_T_VBAR,
  HS_T_AMPER,
  HS_T_LESS,
  HS_T_GREATER,
  HS_T_EQUAL,
  HS_T_DOT,
  HS_T_PERCENT,
  HS_T_EQEQUAL,
  HS_T_NOTEQUAL,
  HS_T_LESSEQUAL,
  HS_T_GREATEREQUAL,
  HS_T_TILDE,
  HS_T_CIRCUMFLEX,
  HS_T_LEFTSHIFT,
  HS_T_RIGHTSHIFT,
  HS_T_DOUBLESTAR,
  HS_T_DOUBLESLASH,
  HS_T_AT,
  HS_T_RARROW,
  HS_T_ELLIPSIS,
  HS_T_COLONEQUAL,
  /* augmented assignment: same order as HsAstBinOp, so op = kind - HS_T_PLUSEQUAL */
  HS_T_PLUSEQUAL,
  HS_T_MINEQUAL,
  HS_T_STAREQUAL,
  HS_T_SLASHEQUAL,
  HS_T_DOUBLESLASHEQUAL,
  HS_T_PERCENTEQUAL,
  HS_T_DOUBLESTAREQUAL,
  HS_T_LEFTSHIFTEQUAL,
  HS_T_RIGHTSHIFTEQUAL,
  HS_T_VBAREQUAL,
  HS_T_CIRCUMFLEXEQUAL,
  HS_T_AMPEREQUAL,
  HS_T_ATEQUAL,
  /* keywords (soft keywords `match`, `case`, `_` stay NAME) */
  HS_T_KW_FALSE,
  HS_T_KW_NONE,
  HS_T_KW_TRUE,
  HS_T_KW_AND,
  HS_T_KW_AS,
  HS_T_KW_ASSERT,
  HS_T_KW_ASYNC,
  HS_T_KW_AWAIT,
  HS_T_KW_BREAK,
  HS_T_KW_CLASS,
  HS_T_KW_CONTINUE,
  HS_T_KW_DEF,
  HS_T_KW_DEL,
  HS_T_KW_ELIF,
  HS_T_KW_ELSE,
  HS_T_KW_EXCEPT,
  HS_T_KW_FINALLY,
  HS_T_KW_FOR,
  HS_T_KW_FROM,
  HS_T_KW_GLOBAL,
  HS_T_KW_IF,
  HS_T_KW_IMPORT,
  HS_T_KW_IN,
  HS_T_KW_IS,
  HS_T_KW_LAMBDA,
  HS_T_KW_NONLOCAL,
  HS_T_KW_NOT,
  HS_T_KW_OR,
  HS_T_KW_PASS,
  HS_T_KW_RAISE,
  HS_T_KW_RETURN,
  HS_T_KW_TRY,
  HS_T_KW_WHILE,
  HS_T_KW_WITH,
  HS_T_KW_YIELD,
  HS_T_N_KINDS
} HsTokKind;

typedef struct
{
  HsTokKind kind;
  int lineno, col, end_lineno, end_col; /* byte columns */
  const char *start, *end;              /* token text in the source */
} HsToken;

/* A tokenizer error with CPython's reported location: `offset`/`end_offset` are already in
 * CPython's convention (1-based characters; 0 or -1 where CPython reports those). */
typedef struct
{
  gboolean set;
  gboolean overrides;       /* raised by the tokenizer itself: wins over an earlier parser error */
  gboolean at_eof_in_paren; /* EOF inside brackets: "'(' was never closed" */
  const char *type_name;
  char *msg;
  int lineno, offset, end_lineno, end_offset;
} HsLexError;

typedef struct _HsLexer HsLexer;

/* Tokens are kept in blocks of HS_TOKEN_BLOCK that never move, so a token's address stays
 * valid while the parser holds it, until hs_lexer_discard drops its block. */
#define HS_TOKEN_BLOCK_BITS 10
#define HS_TOKEN_BLOCK (1 << HS_TOKEN_BLOCK_BITS)

typedef struct
{
  HsToken **blocks; /* blocks[k] holds tokens from (first_block + k) * HS_TOKEN_BLOCK */
  int n_blocks, blocks_room, first_block;
  int n_tokens;   /* tokens read so far: all of them once the lexer is done */
  HsLexer *lexer; /* reads more on demand; NULL once the stream has ended */
  const char *src;
  gsize len;
  int *line_starts; /* byte offset of each line; line_starts[i] is line i + 1 */
  int n_lines;
  HsLexError error;
  int open_paren_lineno, open_paren_col; /* innermost bracket open at EOF (0 if none) */
  char open_paren_char;
} HsTokenStream;

/* Starts tokenizing a whole module, on demand: tokens are read as hs_lexer_token asks for
 * them. Free the stream with hs_lexer_stream_clear. */
void hs_lexer_start (const char *src, gsize len, HsTokenStream *ts);

/* Reads tokens up to index i; returns i, or the last token's index if the stream ends
 * before it. */
int hs_lexer_fill (HsTokenStream *ts, int i);

/* Token i (counted from the start of the stream), read if need be; past the end, the last
 * token (ENDMARKER or ERROR). It must not have been discarded. */
static inline HsToken *
hs_lexer_token (HsTokenStream *ts, int i)
{
  if (i >= ts->n_tokens)
    i = hs_lexer_fill (ts, i);
  return &ts->blocks[(i >> HS_TOKEN_BLOCK_BITS) - ts->first_block][i & (HS_TOKEN_BLOCK - 1)];
}

/* The stream has ended: every token is read and the error, if any, is known. */
static inline gboolean
hs_lexer_done (const HsTokenStream *ts)
{
  return ts->lexer == NULL;
}

/* Frees the tokens before index i that are no longer needed (whole blocks of them). */
void hs_lexer_discard (HsTokenStream *ts, int i);

/* Tokenizes a whole module at once. Always fills *ts (free it with hs_lexer_stream_clear);
 * returns FALSE when the stream ends with an HS_T_ERROR token. */
gboolean hs_lexer_tokenize (const char *src, gsize len, HsTokenStream *ts);

/* Tokenizes the expression part of an f-string, src[start..end), as if it stood inside
 * parentheses (no NEWLINE/INDENT tokens), with positions measured in the enclosing source.
 * `line_starts` are the enclosing stream's. */
gboolean hs_lexer_tokenize_fragment (const char *src, gsize start, gsize end, int lineno,
                                     const int *line_starts, int n_lines, HsTokenStream *ts);

void hs_lexer_stream_clear (HsTokenStream *ts);

/* The text of line `lineno` (1-based) without its line break, newly allocated. */
char *hs_lexer_line_text (const HsTokenStream *ts, int lineno);

/* Number of characters in the first `nbytes` bytes of `s` (UTF-8). */
int hs_lexer_char_count (const char *s, int nbytes);

const char *hs_lexer_kind_name (HsTokKind kind);

G_END_DECLS
