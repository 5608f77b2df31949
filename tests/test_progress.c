/* Unit tests of indexer/progress.c: durations, the ETA, the line and its
 * cut to a width, and what is written to a terminal or a log. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "progress.h"

static void
test_duration(void)
{
    char buf[16];

    gv_progress_format_duration(0, buf, sizeof(buf));
    CHECK_STR(buf, "0s");
    gv_progress_format_duration(-3, buf, sizeof(buf));
    CHECK_STR(buf, "0s");
    gv_progress_format_duration(44.6, buf, sizeof(buf));
    CHECK_STR(buf, "45s");
    gv_progress_format_duration(59.4, buf, sizeof(buf));
    CHECK_STR(buf, "59s");
    gv_progress_format_duration(59.6, buf, sizeof(buf));
    CHECK_STR(buf, "1m00s");
    gv_progress_format_duration(125, buf, sizeof(buf));
    CHECK_STR(buf, "2m05s");
    gv_progress_format_duration(3599, buf, sizeof(buf));
    CHECK_STR(buf, "59m59s");
    gv_progress_format_duration(3600, buf, sizeof(buf));
    CHECK_STR(buf, "1h00m");
    gv_progress_format_duration(2 * 3600 + 7 * 60 + 59, buf, sizeof(buf));
    CHECK_STR(buf, "2h07m");
    gv_progress_format_duration(99 * 3600 + 59 * 60 + 29, buf, sizeof(buf));
    CHECK_STR(buf, "99h59m");
    gv_progress_format_duration(100 * 3600, buf, sizeof(buf));
    CHECK_STR(buf, ">99h");
    gv_progress_format_duration(1e300, buf, sizeof(buf));
    CHECK_STR(buf, ">99h");
    gv_progress_format_duration(125, buf, 3);
    CHECK_STR(buf, "2m");
}

static void
test_eta(void)
{
    gv_progress_counts c = {10, 40, 10, 0};
    double eta = -1;

    CHECK(gv_progress_eta(&c, 5.0, &eta));
    CHECK(eta > 14.99 && eta < 15.01);      /* 30 files left at 2 a second */
    CHECK(!gv_progress_eta(&c, 0.9, &eta)); /* too early to tell */
    c.files = 0;
    CHECK(!gv_progress_eta(&c, 5.0, &eta));
    c.files = 40;
    CHECK(!gv_progress_eta(&c, 5.0, &eta)); /* done */
    c.files = 41;
    CHECK(!gv_progress_eta(&c, 5.0, &eta)); /* a file added since */
    c.files = 10;
    c.files_total = 0;
    CHECK(!gv_progress_eta(&c, 5.0, &eta)); /* not counted */
}

static void
test_line(void)
{
    const unsigned long long mb = 1u << 20;
    gv_progress_counts c = {10, 40, 9, 3 * mb};
    char buf[256];

    gv_progress_format_line("gavel-index", GV_PHASE_COUNTING, &c, 0, 0, buf,
                            sizeof(buf));
    CHECK_STR(buf, "gavel-index: counting files");
    gv_progress_format_line("gavel-index", GV_PHASE_INDEXING, &c, 2.0, 0, buf,
                            sizeof(buf));
    CHECK_STR(buf,
              "gavel-index: indexing 10/40 files, 9 docs, 1.5 MB/s, ETA 6s");
    /* No rate in the first half second, no ETA before a second. */
    gv_progress_format_line("gavel-index", GV_PHASE_INDEXING, &c, 0.2, 0, buf,
                            sizeof(buf));
    CHECK_STR(buf, "gavel-index: indexing 10/40 files, 9 docs");
    gv_progress_format_line("gavel-index", GV_PHASE_INDEXING, &c, 0.5, 0, buf,
                            sizeof(buf));
    CHECK_STR(buf, "gavel-index: indexing 10/40 files, 9 docs, 6.0 MB/s");
    /* Other phases have no ETA. */
    gv_progress_format_line("gavel-index", GV_PHASE_REMOVING, &c, 2.0, 0, buf,
                            sizeof(buf));
    CHECK_STR(buf, "gavel-index: removing 10/40 files, 9 docs, 1.5 MB/s");
    c.files = 40;
    c.docs = 39;
    gv_progress_format_line("gavel-index", GV_PHASE_COMMITTING, &c, 2.0, 0, buf,
                            sizeof(buf));
    CHECK_STR(buf, "gavel-index: committing 40/40 files, 39 docs, 1.5 MB/s");
    /* Total unknown, or overtaken by files added after the count. */
    c.files_total = 0;
    gv_progress_format_line("gavel-index", GV_PHASE_INDEXING, &c, 2.0, 0, buf,
                            sizeof(buf));
    CHECK_STR(buf, "gavel-index: indexing 40 files, 39 docs, 1.5 MB/s");
    c.files_total = 39;
    gv_progress_format_line("gavel-index", GV_PHASE_INDEXING, &c, 2.0, 0, buf,
                            sizeof(buf));
    CHECK_STR(buf, "gavel-index: indexing 40 files, 39 docs, 1.5 MB/s");

    /* Cut to a terminal's width, and to the buffer. */
    gv_progress_format_line("gavel-index", GV_PHASE_INDEXING, &c, 2.0, 21, buf,
                            sizeof(buf));
    CHECK_STR(buf, "gavel-index: indexing");
    gv_progress_format_line("gavel-index", GV_PHASE_INDEXING, &c, 2.0, 200, buf,
                            sizeof(buf));
    CHECK_STR(buf, "gavel-index: indexing 40 files, 39 docs, 1.5 MB/s");
    gv_progress_format_line("gavel-index", GV_PHASE_INDEXING, &c, 2.0, 0, buf,
                            9);
    CHECK_STR(buf, "gavel-in");
}

/* What @p f holds, into @p buf. */
static void
slurp(FILE *f, char *buf, size_t size)
{
    size_t n;

    rewind(f);
    n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
}

static void
test_streams(void)
{
    gv_progress_counts c = {0, 2, 0, 0};
    gv_progress p;
    char buf[1024];
    FILE *f = tmpfile();

    CHECK(f != NULL);
    if (!f)
        return;
    /* A log: a line at each phase; none for a change of counts within
     * 10 s; hiding and showing write nothing. */
    gv_progress_init(&p, f, "gv", GV_PROGRESS_LOG);
    gv_progress_update(&p, GV_PHASE_INDEXING, &c);
    c.files = c.docs = 1;
    gv_progress_update(&p, GV_PHASE_INDEXING, &c);
    gv_progress_hide(&p);
    gv_progress_show(&p);
    c.files = c.docs = 2;
    gv_progress_update(&p, GV_PHASE_COMMITTING, &c);
    gv_progress_finish(&p);
    slurp(f, buf, sizeof(buf));
    CHECK_STR(buf, "gv: indexing 0/2 files, 0 docs\n"
                   "gv: committing 2/2 files, 2 docs\n");
    fclose(f);

    /* A terminal (a file here, so 80 columns): redrawn in place, cleared
     * before other output and at the end, drawn again after it. */
    f = tmpfile();
    CHECK(f != NULL);
    if (!f)
        return;
    gv_progress_init(&p, f, "gv", GV_PROGRESS_TERMINAL);
    gv_progress_hide(&p); /* nothing shown yet: nothing to clear */
    gv_progress_show(&p); /* nor to draw */
    c.files = c.docs = 0;
    gv_progress_update(&p, GV_PHASE_INDEXING, &c);
    c.files = c.docs = 1;
    gv_progress_update(&p, GV_PHASE_INDEXING, &c); /* within 0.2 s */
    gv_progress_hide(&p);
    fputs("warning\n", f);
    gv_progress_show(&p);
    gv_progress_finish(&p);
    gv_progress_finish(&p); /* twice is harmless */
    slurp(f, buf, sizeof(buf));
    CHECK_STR(buf, "\rgv: indexing 0/2 files, 0 docs\033[K"
                   "\r\033[Kwarning\n"
                   "\rgv: indexing 1/2 files, 1 docs\033[K"
                   "\r\033[K");
    fclose(f);
}

int
main(void)
{
    test_duration();
    test_eta();
    test_line();
    test_streams();
    return CHECK_DONE();
}
