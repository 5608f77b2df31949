/* The progress line of gavel-index (see progress.h). */
#include "progress.h"

#include <limits.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* A terminal that does not say its width is taken to be this wide. */
#define DEFAULT_WIDTH 80

static const char *const phase_names[] = {
    [GV_PHASE_COUNTING] = "counting",
    [GV_PHASE_INDEXING] = "indexing",
    [GV_PHASE_REMOVING] = "removing",
    [GV_PHASE_COMMITTING] = "committing",
};

static double
now_seconds(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void
gv_progress_format_duration(double seconds, char *buf, size_t size)
{
    /* Past 99 hours the guess is worth nothing, and it must not
     * overflow the conversion. */
    const unsigned long s = seconds > 0 && seconds < 1e7
                                ? (unsigned long)(seconds + 0.5)
                            : seconds > 0 ? ULONG_MAX
                                          : 0;

    if (s >= 100 * 3600ul)
        snprintf(buf, size, ">99h");
    else if (s < 60)
        snprintf(buf, size, "%lus", s);
    else if (s < 3600)
        snprintf(buf, size, "%lum%02lus", s / 60, s % 60);
    else
        snprintf(buf, size, "%luh%02lum", s / 3600, s / 60 % 60);
}

bool
gv_progress_eta(const gv_progress_counts *c, double seconds, double *out)
{
    /* By files rather than bytes: the count before indexing sees names,
     * and a file found unchanged costs about what its stat costs. */
    if (seconds < 1.0 || c->files == 0 || c->files >= c->files_total)
        return false;
    *out = seconds * (double)(c->files_total - c->files) / (double)c->files;
    return true;
}

static void
append(char *buf, size_t size, size_t *len, const char *fmt, ...)
    GV_PRINTF(4, 5);

/* Append to @p buf (holding *len bytes of @p size) what fmt says, keeping
 * it NUL-terminated when it does not fit. */
static void
append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (*len + 1 >= size)
        return;
    va_start(ap, fmt);
    n = vsnprintf(buf + *len, size - *len, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len += (size_t)n < size - *len ? (size_t)n : size - *len - 1;
}

void
gv_progress_format_line(const char *prog, gv_index_phase phase,
                        const gv_progress_counts *c, double seconds,
                        size_t width, char *buf, size_t size)
{
    size_t len = 0;
    double eta;
    char when[16];

    if (size == 0)
        return;
    buf[0] = '\0';
    append(buf, size, &len, "%s: %s", prog, phase_names[phase]);
    if (phase == GV_PHASE_COUNTING) {
        append(buf, size, &len, " files");
    } else {
        /* A file added after the count would make "12/11": drop the total
         * instead. */
        if (c->files_total && c->files <= c->files_total)
            append(buf, size, &len, " %lu/%lu files", c->files, c->files_total);
        else
            append(buf, size, &len, " %lu files", c->files);
        append(buf, size, &len, ", %lu docs", c->docs);
        if (seconds >= 0.5)
            append(buf, size, &len, ", %.1f MB/s",
                   (double)c->bytes / (1 << 20) / seconds);
        if (phase == GV_PHASE_INDEXING && gv_progress_eta(c, seconds, &eta)) {
            gv_progress_format_duration(eta, when, sizeof(when));
            append(buf, size, &len, ", ETA %s", when);
        }
    }
    if (width && len > width) {
        len = width;
        buf[len] = '\0';
    }
}

void
gv_progress_init(gv_progress *p, FILE *out, const char *prog,
                 gv_progress_mode mode)
{
    memset(p, 0, sizeof(*p));
    p->out = out;
    p->prog = prog;
    p->mode = mode;
}

/* The columns of the terminal: asked each time, so a resized window is
 * followed (an ioctl a fifth of a second is nothing). */
static size_t
terminal_width(FILE *out)
{
    struct winsize ws;

    if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return DEFAULT_WIDTH;
}

static void
draw(gv_progress *p, double now)
{
    const bool on_terminal = p->mode == GV_PROGRESS_TERMINAL;
    const double seconds = p->has_started ? now - p->started : 0;
    char text[256], line[sizeof(text) + 8];

    /* One column short on a terminal: writing the last one makes some
     * terminals wrap, and '\r' would then return to the wrong line. */
    gv_progress_format_line(p->prog, p->phase, &p->counts, seconds,
                            on_terminal ? terminal_width(p->out) - 1 : 0, text,
                            sizeof(text));
    /* One write: stderr is unbuffered, and pieces would flicker. The
     * clearing comes after the text: what a longer line left goes. */
    snprintf(line, sizeof(line), on_terminal ? "\r%s\033[K" : "%s\n", text);
    fputs(line, p->out);
    fflush(p->out);
    p->last_draw = now;
    p->shown = p->mode == GV_PROGRESS_TERMINAL;
}

void
gv_progress_update(gv_progress *p, gv_index_phase phase,
                   const gv_progress_counts *counts)
{
    const double interval = p->mode == GV_PROGRESS_TERMINAL
                                ? GV_PROGRESS_TERMINAL_INTERVAL
                                : GV_PROGRESS_LOG_INTERVAL;
    const double now = now_seconds();
    const bool changed = !p->has_phase || phase != p->phase;

    p->counts = *counts;
    p->phase = phase;
    p->has_phase = true;
    /* Rates and the ETA count from the work, not from the count. */
    if (!p->has_started && phase != GV_PHASE_COUNTING) {
        p->started = now;
        p->has_started = true;
    }
    if (changed || now - p->last_draw >= interval)
        draw(p, now);
}

void
gv_progress_hide(gv_progress *p)
{
    if (!p->shown)
        return;
    fputs("\r\033[K", p->out);
    fflush(p->out);
    p->shown = false;
}

void
gv_progress_show(gv_progress *p)
{
    if (p->mode == GV_PROGRESS_TERMINAL && p->has_phase && !p->shown)
        draw(p, now_seconds());
}

void
gv_progress_finish(gv_progress *p)
{
    gv_progress_hide(p);
    fflush(p->out);
}
