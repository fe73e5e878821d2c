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
 * is its length + 1 and its bytes (0: none). Within one batch the steps come last, after
 * everything they need.
 */
#pragma once

#include "hs-trace.h"

G_BEGIN_DECLS

#define HS_TRACE_STREAM_VERSION 1

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
/* The trace read; the reader is spent. If the stream broke off before its end, the trace
 * holds the steps that arrived whole and ends with `end_if_cut` and `error_text`. */
HsTrace *hs_trace_reader_finish (HsTraceReader *reader, HsTraceEnd end_if_cut,
                                 const char *error_text);

G_END_DECLS
