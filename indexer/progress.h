/* The live progress line of gavel-index: on a terminal one line redrawn in
 * place, else (a log file) a plain line now and then. Writes only to the
 * FILE * it is given. Used by index_main.c; the tests use the pure
 * formatting functions. */
#ifndef GV_PROGRESS_H
#define GV_PROGRESS_H

#include "index.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum gv_progress_mode {
    GV_PROGRESS_TERMINAL, /* '\r', the line, ESC[K: about 5 redraws a second */
    GV_PROGRESS_LOG       /* a plain line at each phase and every 10 s */
} gv_progress_mode;

/* Seconds between two draws of an unchanged phase, by mode. */
#define GV_PROGRESS_TERMINAL_INTERVAL 0.2
#define GV_PROGRESS_LOG_INTERVAL      10.0

/* What the line shows besides the phase. */
typedef struct gv_progress_counts {
    unsigned long files;       /* done: read, failed or unchanged */
    unsigned long files_total; /* 0: not known */
    unsigned long docs;        /* documents written */
    unsigned long long bytes;  /* of text read */
} gv_progress_counts;

/* Caller-owned; fields are private to progress.c. */
typedef struct gv_progress {
    FILE *out;        /* borrowed */
    const char *prog; /* borrowed: the line starts "PROG: " */
    gv_progress_mode mode;
    gv_index_phase phase;
    gv_progress_counts counts; /* as last given */
    double started;            /* seconds: first phase other than counting */
    double last_draw;          /* seconds, CLOCK_MONOTONIC */
    bool has_phase;            /* a phase was given: there is a line */
    bool has_started;          /* `started` is set */
    bool shown;                /* terminal: the line is on screen */
} gv_progress;

/** Set up @p p to draw to @p out, a terminal or not as @p mode says. */
void
gv_progress_init(gv_progress *p, FILE *out, const char *prog,
                 gv_progress_mode mode);

/**
 * Record @p phase and @p counts; draw the line when the phase changed or
 * the interval of the mode has passed since the last draw. Cheap enough
 * to call for each document.
 */
void
gv_progress_update(gv_progress *p, gv_index_phase phase,
                   const gv_progress_counts *counts);

/** Before other output to the same stream: on a terminal, clear the line. */
void
gv_progress_hide(gv_progress *p);

/** After that output: on a terminal, draw the line again. */
void
gv_progress_show(gv_progress *p);

/**
 * The end, before the summary: on a terminal the line is cleared, so the
 * summary takes its place; a log keeps its lines. @p p needs no release.
 */
void
gv_progress_finish(gv_progress *p);

/**
 * @p seconds as "45s", "3m05s", "2h07m" or ">99h" (rounded to the nearest
 * second) into @p buf of @p size bytes (truncated to fit; 8 always fit).
 */
void
gv_progress_format_duration(double seconds, char *buf, size_t size);

/**
 * The seconds left, into *out, guessed from the files done in @p seconds
 * of work. False (no guess) before 1 s of work, before the first file,
 * and when the total is unknown or already reached.
 */
bool
gv_progress_eta(const gv_progress_counts *c, double seconds, double *out);

/**
 * The line for @p phase after @p seconds of work, such as
 * "gavel-index: indexing 120/2500 files, 118 docs, 12.3 MB/s, ETA 2m05s",
 * cut to @p width bytes (0: no limit; the line is ASCII, one byte a
 * column, with an ASCII @p prog), into @p buf of @p size bytes. MB are 2^20
 * bytes, as for --batch-mb; the rate shows from 0.5 s of work, the ETA as
 * gv_progress_eta() allows, and only while indexing.
 */
void
gv_progress_format_line(const char *prog, gv_index_phase phase,
                        const gv_progress_counts *c, double seconds,
                        size_t width, char *buf, size_t size);

#endif
