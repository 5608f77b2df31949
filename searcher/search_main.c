/* gavel-search: parse options, run one query, render the hits to stdout,
 * choose the exit code (grep's: 0 matched, 1 no match, 2 error). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "datefilter.h"
#include "render.h"
#include "search.h"
#include "xdb.h"

#define PROG "gavel-search"

enum { EXIT_MATCH = 0, EXIT_NO_MATCH = 1, EXIT_ERROR = 2 };
enum {
    OPT_VERSION = 256,
    OPT_OFFSET,
    OPT_ANY,
    OPT_COLOR,
    OPT_SORT,
    OPT_SINCE,
    OPT_UNTIL
};

#define MAX_LIMIT 100000u

/* Xapian's "-word" looks like an option to the shell's user. */
#define MINUS_WORD_HINT                                                        \
    "(a query word starting with '-' excludes it: quote the query, or\n"       \
    "put it after --, as in: gavel-search -- bribery -kenya)"

static void
usage(FILE *out)
{
    fprintf(out,
            "Usage: " PROG " [OPTION]... QUERY...\n"
            "Search a Gavel index; the words of QUERY are joined by spaces.\n"
            "\n"
            "Query syntax (Xapian's): words (stemmed, English), \"exact\n"
            "phrases\", AND, OR, NOT, XOR, (brackets), +required,\n"
            "-excluded, a NEAR b, trailing wildcards (judic*), and fields\n"
            "title:, author:, source:, place: (title:\"plea bargain\"),\n"
            "date:2021-03-05, date:2020-01-01..2020-06-30, date:2021..,\n"
            "year:2021, month:2021-03, day:2021-03-05, path:/archive/2021,\n"
            "record:ID, url:URL, site:example.org.\n"
            "Plain words must all match unless --any is given.\n"
            "\n"
            "Options:\n"
            "  -d, --db=PATH       index to search (default: $GAVEL_DB,\n"
            "                      else ./gavel.db)\n"
            "  -n, --limit=N       show at most N hits (default 10)\n"
            "      --offset=K      skip the first K hits (default 0)\n"
            "      --any           plain words OR instead of AND\n"
            "      --sort=ORDER    relevance (default; ties newest first),\n"
            "                      newest or oldest (undated articles last)\n"
            "      --since=DATE    only articles dated DATE or later\n"
            "      --until=DATE    only articles dated DATE or earlier\n"
            "                      (DATE: 2021-03-05, 2021-03, 2021, or 30d\n"
            "                      or 2w for days or weeks ago)\n"
            "  -f, --format=FMT    output format:\n");
    for (const gv_format *f = gv_formats; f->name; f++)
        fprintf(out, "                        %-6s %s\n", f->name, f->help);
    fprintf(out,
            "      --color=WHEN    bold matches: auto (on a terminal, unless\n"
            "                      NO_COLOR is set), always, never\n"
            "  -h, --help          show this help and exit\n"
            "      --version       show version information and exit\n"
            "\n"
            "Exit status: 0 something matched, 1 nothing matched, 2 an\n"
            "error (bad usage, a query that does not parse, a missing or\n"
            "unreadable index).\n");
}

/* The words left after the options, joined by spaces. */
static char *
join_args(int argc, char **argv)
{
    gv_buf q = GV_BUF_INIT;

    for (int i = 0; i < argc; i++) {
        if ((i && gv_buf_putc(&q, ' ', NULL) != GV_OK) ||
            gv_buf_puts(&q, argv[i], NULL) != GV_OK) {
            gv_buf_release(&q);
            return NULL;
        }
    }
    return gv_buf_detach(&q, NULL);
}

int
main(int argc, char **argv)
{
    static const struct option long_opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"limit", required_argument, NULL, 'n'},
        {"offset", required_argument, NULL, OPT_OFFSET},
        {"any", no_argument, NULL, OPT_ANY},
        {"format", required_argument, NULL, 'f'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"sort", required_argument, NULL, OPT_SORT},
        {"since", required_argument, NULL, OPT_SINCE},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    static const char *const orders[] = {
        [GV_ORDER_RELEVANCE] = "relevance",
        [GV_ORDER_NEWEST] = "newest",
        [GV_ORDER_OLDEST] = "oldest",
    };
    gv_search_req req = {NULL, 0, 10, false, GV_ORDER_RELEVANCE, NULL, NULL};
    char since[GV_DATE_KEY_LEN + 1], until[GV_DATE_KEY_LEN + 1];
    const gv_format *format = gv_format_find("text");
    const char *db_path = getenv("GAVEL_DB");
    const char *color = "auto";
    gv_render_opts ropts = {false};
    gv_searcher *searcher = NULL;
    gv_result_set *rs = NULL;
    gv_buf out = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    char *query;
    gv_status st;
    int c, code;

    if (!db_path || !*db_path)
        db_path = "gavel.db";
    opterr = 0; /* gv_cli_bad_option() says what is wrong */
    while ((c = getopt_long(argc, argv, ":d:n:f:h", long_opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            db_path = optarg;
            break;
        case 'n':
            if (!gv_cli_parse_uint(optarg, 0, MAX_LIMIT, &req.limit))
                return gv_cli_bad_usage(
                    PROG,
                    "invalid --limit '%s': expected a number "
                    "from 0 to 100000",
                    optarg);
            break;
        case OPT_OFFSET:
            if (!gv_cli_parse_uint(optarg, 0, UINT_MAX - MAX_LIMIT,
                                   &req.offset))
                return gv_cli_bad_usage(PROG,
                                        "invalid --offset '%s': expected a "
                                        "number",
                                        optarg);
            break;
        case OPT_ANY:
            req.match_any = true;
            break;
        case 'f':
            format = gv_format_find(optarg);
            if (!format)
                return gv_cli_bad_usage(
                    PROG,
                    "unknown --format '%s': expected text or "
                    "json",
                    optarg);
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
                strcmp(optarg, "never"))
                return gv_cli_bad_usage(PROG,
                                        "invalid --color '%s': expected auto, "
                                        "always or never",
                                        optarg);
            color = optarg;
            break;
        case OPT_SORT:
            req.order = GV_ORDER_OLDEST + 1;
            for (int o = GV_ORDER_RELEVANCE; o <= GV_ORDER_OLDEST; o++)
                if (strcmp(optarg, orders[o]) == 0)
                    req.order = (gv_result_order)o;
            if (req.order > GV_ORDER_OLDEST)
                return gv_cli_bad_usage(PROG,
                                        "invalid --sort '%s': expected "
                                        "relevance, newest or oldest",
                                        optarg);
            break;
        case OPT_SINCE:
        case OPT_UNTIL:
            if (!gv_date_bound_parse(optarg, strlen(optarg), c == OPT_UNTIL,
                                     time(NULL),
                                     c == OPT_SINCE ? since : until))
                return gv_cli_bad_usage(
                    PROG,
                    "invalid --%s '%s': expected a date such as "
                    "2021-03-05, 2021-03 or 2021, or 30d or 2w",
                    c == OPT_SINCE ? "since" : "until", optarg);
            if (c == OPT_SINCE)
                req.date_lo = since;
            else
                req.date_hi = until;
            break;
        case 'h':
            usage(stdout);
            return gv_cli_finish(PROG, 0);
        case OPT_VERSION:
            gv_cli_print_version(stdout, PROG);
            return gv_cli_finish(PROG, 0);
        default:
            return gv_cli_bad_option(PROG, c, argv, optind, MINUS_WORD_HINT);
        }
    }
    if (req.date_lo && req.date_hi && strcmp(req.date_lo, req.date_hi) > 0)
        return gv_cli_bad_usage(PROG, "%s", "--since is after --until");
    if (optind == argc)
        return gv_cli_bad_usage(PROG, "%s", "no QUERY given");
    query = join_args(argc - optind, argv + optind);
    if (!query) {
        fprintf(stderr, PROG ": out of memory\n");
        return EXIT_ERROR;
    }
    /* auto: bold on a terminal, unless NO_COLOR is set (no-color.org). */
    const char *no_color = getenv("NO_COLOR");
    ropts.use_color = strcmp(color, "always") == 0 ||
                      (strcmp(color, "auto") == 0 && isatty(STDOUT_FILENO) &&
                       !(no_color && *no_color));
    req.query = query;

    st = gv_searcher_open(db_path, &searcher, &err);
    if (st == GV_OK)
        st = gv_searcher_run(searcher, &req, &rs, &err);
    if (st == GV_OK)
        st = format->render(rs, &ropts, &out, &err);
    if (st == GV_OK) {
        fwrite(out.data, 1, out.len, stdout);
        code = rs->count || rs->lower_bound ? EXIT_MATCH : EXIT_NO_MATCH;
    } else {
        fprintf(stderr, PROG ": %s\n", err.msg);
        if (st == GV_EIO && access(db_path, F_OK) != 0)
            fprintf(stderr, PROG ": make it with gavel-index, or name "
                                 "another with --db or GAVEL_DB\n");
        code = EXIT_ERROR;
    }
    code = gv_cli_finish(PROG, code);
    gv_buf_release(&out);
    gv_result_set_free(rs);
    gv_searcher_close(searcher);
    free(query);
    return code;
}
