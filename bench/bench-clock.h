/* bench-clock.h — the clocks the benchmarks read, in milliseconds. */
#pragma once

#include <time.h>

static inline double
bench_clock_ms (clockid_t id)
{
  struct timespec ts;

  clock_gettime (id, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this thread: what the measured work costs, whatever else the machine runs. */
static inline double
bench_cpu_ms (void)
{
  return bench_clock_ms (CLOCK_THREAD_CPUTIME_ID);
}
