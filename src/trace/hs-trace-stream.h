/* hs-trace-stream.h — a recording sent from the process that runs the program to the one
 * that shows it, step by step, as it is recorded.
 *
 * A trace is already a log: append-only arrays (steps, the delta log, keyframes, the
 * string pool, the output). The stream carries what each of them gained since the last
 * message, so the reader rebuilds the same trace byte for byte, and a stream cut short
 * (the runner crashed or was killed) still yields every step that arrived whole.
 *
 * Format (version HS_TRACE_STREAM_VERSION): the magic "HSTS", varints for the version and
 * the sizes of HsTraceStep and HsTraceKeyframe (which travel as they are in memory: the
 * runner and the app are one build), then messages `type len payload` (two varints and
 * `len` bytes; unknown types are skipped). Payloads use the trace log's varints; a string
 * is its length + 1 and its bytes (0: none); a pooled one is 0 and the string, or a
 * derived one's base, kept length, tail length and tail (version 3). Within one batch the steps
 * come last, after everything they need.
 *
 * The other way, on the runner's stdin, the app sends the runner its input: the magic
 * "HSTI" and the version, then messages in the same framing: the program's text (first,
 * once), then one answer per input() the program makes (a line without its newline). A
 * program that calls input() when no answer is waiting in the pipe makes the runner send
 * what it recorded so far and an input request (version 2), then wait for the answer;
 * the pipe's end is the end of input (EOFError), as CPython's closed stdin.
 */
#pragma once

#include "hs-trace.h"

G_BEGIN_DECLS

#define HS_TRACE_STREAM_VERSION 3

/* Where a writer's bytes go; FALSE when they could not be delivered (the reader left). */
typedef gboolean (*HsTraceStreamSink) (const guint8 *data, gsize len, gpointer user_data);

typedef struct _HsTraceStreamWriter HsTraceStreamWriter;

/* Sends at most every `interval_us` microseconds (0: at every step). */
HsTraceStreamWriter *hs_trace_stream_writer_new (HsTraceStreamSink sink, gpointer user_data,
                                                 gint64 interval_us);
void hs_trace_stream_writer_free (HsTraceStreamWriter *writer);
/* For HsTraceOptions.step_done: sends the steps recorded since the last batch when the
 * interval has passed. */
void hs_trace_stream_writer_step_done (HsTrace *trace, gpointer writer);
/* Sends the steps recorded since the last batch now. */
void hs_trace_stream_writer_flush (HsTraceStreamWriter *writer, HsTrace *trace);
/* Sends the steps so far and asks for input: the program waits at its input() number
 * `index` (0 for the first) until the answer comes on stdin. */
void hs_trace_stream_writer_want_input (HsTraceStreamWriter *writer, HsTrace *trace, guint index);
/* After hs_trace_record returned: the rest of the trace and how it ended. FALSE when the
 * sink failed at any point. */
gboolean hs_trace_stream_writer_finish (HsTraceStreamWriter *writer, HsTrace *trace);

typedef struct _HsTraceReader HsTraceReader;

/* Rebuilds the trace of `source` (the program the writer ran). With `max_steps` > 0 the
 * reader keeps only the first max_steps steps and is complete once it has them. */
HsTraceReader *hs_trace_reader_new (const char *source, const char *filename,
                                    const HsTraceOptions *options, int max_steps);
void hs_trace_reader_free (HsTraceReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTraceReader, hs_trace_reader_free)
/* Takes the next bytes of the stream, in any pieces. FALSE (and `error`) when the stream
 * is not one this reader understands; the steps read so far stay. */
gboolean hs_trace_reader_feed (HsTraceReader *reader, const guint8 *data, gsize len,
                               GError **error);
int hs_trace_reader_get_n_steps (HsTraceReader *reader);
/* TRUE once the end was read (or max_steps steps). */
gboolean hs_trace_reader_is_complete (HsTraceReader *reader);
/* How many input requests arrived: the program waits for answer number n - 1 (0: it
 * never asked; a request for an answer already sent is satisfied by it). */
guint hs_trace_reader_get_inputs_wanted (HsTraceReader *reader);
/* A copy of the trace read so far (its whole steps and all the output), ending with
 * `end`; the reader goes on. For showing a run that waits for input. */
HsTrace *hs_trace_reader_copy_trace (HsTraceReader *reader, HsTraceEnd end);
/* The trace read; the reader is spent. If the stream broke off before its end, the trace
 * holds the steps that arrived whole and ends with `end_if_cut` and `error_text`. */
HsTrace *hs_trace_reader_finish (HsTraceReader *reader, HsTraceEnd end_if_cut,
                                 const char *error_text);

/* ---- the runner's input (app -> runner) ---- */

typedef enum
{
  HS_TRACE_INPUT_SOURCE = 1, /* the program's text */
  HS_TRACE_INPUT_ANSWER,     /* a line for input(), without its newline */
} HsTraceInputType;

/* Appends the header of the runner's input to `out`. */
void hs_trace_input_put_header (GByteArray *out);
/* Appends one message. */
void hs_trace_input_put (GByteArray *out, HsTraceInputType type, const char *data, gsize len);

typedef struct _HsTraceInputDecoder HsTraceInputDecoder;

HsTraceInputDecoder *hs_trace_input_decoder_new (void);
void hs_trace_input_decoder_free (HsTraceInputDecoder *decoder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTraceInputDecoder, hs_trace_input_decoder_free)
/* Takes the next bytes, in any pieces; FALSE (and `error`) when they are not the runner's
 * input of this Heapscope. */
gboolean hs_trace_input_decoder_feed (HsTraceInputDecoder *decoder, const guint8 *data, gsize len,
                                      GError **error);
/* The next whole message, if one is there: its type and its payload (new, NUL-terminated,
 * its length in *len). Messages of unknown types are skipped. */
gboolean hs_trace_input_decoder_next (HsTraceInputDecoder *decoder, HsTraceInputType *type,
                                      char **data, gsize *len);

G_END_DECLS
