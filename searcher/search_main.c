/* gavel-search: parse options, run one query (or a list of queries, or
 * saved searches), render the hits to stdout, choose the exit code
 * (grep's: 0 matched, 1 no match, 2 error; 75 busy). */
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
#include "gz.h"
#include "querylist.h"
#include "recency.h"
#include "render.h"
#include "search.h"
#include "stats.h"
#include "watchstate.h"
#include "xdb.h"

#define PROG "gavel-search"

/* 75 is EX_TEMPFAIL of sysexits.h: try again later. */
enum { EXIT_MATCH = 0, EXIT_NO_MATCH = 1, EXIT_ERROR = 2, EXIT_BUSY = 75 };
enum {
    OPT_VERSION = 256,
    OPT_OFFSET,
    OPT_ANY,
    OPT_COLOR,
    OPT_SORT,
    OPT_SINCE,
    OPT_UNTIL,
    OPT_COUNT,
    OPT_EXACT,
    OPT_QUERIES,
    OPT_WATCH,
    OPT_STATE,
    OPT_INIT,
    OPT_STATS,
    OPT_BM25,
    OPT_NO_SNIPPETS,
    OPT_RECENT,
    OPT_FACET,
    OPT_TIMEOUT,
    OPT_PARTIAL,
    OPT_ALL_COPIES,
    OPT_LIKE,
    OPT_LIKE_TERMS
};

/* --db may be given this many times. */
#define MAX_DBS 256
/* --timeout is at most an hour. */
#define MAX_TIMEOUT_SECONDS 3600.0

#define MAX_LIMIT         100000u
#define DEFAULT_FACET_MAX 20u
/* --like reads this much of its file; a whole judgment is far less. */
#define MAX_LIKE_BYTES (16u << 20)
#define MAX_LIKE_TERMS 100000u

/* Xapian's "-word" looks like an option to the shell's user. */
#define MINUS_WORD_HINT                                                        \
    "(a query word starting with '-' excludes it: quote the query, or\n"       \
    "put it after --, as in: gavel-search -- bribery -kenya)"

static void
usage(FILE *out)
{
    fprintf(out,
            "Usage: " PROG " [OPTION]... QUERY...\n"
            "       " PROG " [OPTION]... --like FILE [QUERY...]\n"
            "       " PROG " [OPTION]... --queries FILE\n"
            "       " PROG " [OPTION]... --watch FILE --state FILE [--init]\n"
            "       " PROG " [--db PATH] [--format json] --stats\n"
            "Search a Gavel index; the words of QUERY are joined by spaces.\n"
            "\n"
            "Query syntax (Xapian's): words (stemmed, English), \"exact\n"
            "phrases\", AND, OR, NOT, XOR, (brackets), +required,\n"
            "-excluded, a NEAR b, trailing wildcards (judic*), and fields\n"
            "title:, author:, source:, place: (title:\"plea bargain\"),\n"
            "date:2021-03-05, date:2020-01-01..2020-06-30, date:2021..,\n"
            "year:2021, month:2021-03, day:2021-03-05, path:/archive/2021,\n"
            "record:ID, url:URL, site:example.org, cite:\"42 USC 1983\",\n"
            "group:ID (the copies of a story).\n"
            "Plain words must all match unless --any is given.\n"
            "\n"
            "Options:\n"
            "  -d, --db=PATH       index to search (default: $GAVEL_DB,\n"
            "                      else ./gavel.db); a folder, or a Xapian\n"
            "                      stub file listing local and remote\n"
            "                      shards. Given again, the indexes are\n"
            "                      searched as one, ranked together\n"
            "      --timeout=SECONDS  wait this long for a remote shard to\n"
            "                      connect and each time it answers\n"
            "                      (default 5; fractions allowed)\n"
            "      --partial       search the shards that answer, with a\n"
            "                      warning naming those that do not\n"
            "                      (default: that is an error)\n"
            "  -n, --limit=N       show at most N hits (default 10; with\n"
            "                      --watch, every new hit)\n"
            "      --offset=K      skip the first K hits (default 0)\n"
            "      --any           plain words OR instead of AND\n"
            "      --bm25=K1,B     BM25 parameters (default 1.5,0.75)\n"
            "      --sort=ORDER    relevance (default; ties newest first),\n"
            "                      newest or oldest (undated articles last;\n"
            "                      --watch lists new hits newest first)\n"
            "      --recent=HALF   rank by relevance decayed by age: a\n"
            "                      score halves every HALF (90d, 12w, 2y)\n"
            "      --facet=F[:N]   also count, over every match, the N\n"
            "                      (default 20) most frequent values of F:\n"
            "                      cite (citations) or source\n"
            "      --since=DATE    only articles dated DATE or later\n"
            "      --until=DATE    only articles dated DATE or earlier\n"
            "                      (DATE: 2021-03-05, 2021-03, 2021, or 30d\n"
            "                      or 2w for days or weeks ago)\n"
            "  -f, --format=FMT    output format:\n");
    for (const gv_format *f = gv_formats; f->name; f++)
        fprintf(out, "                        %-6s %s\n", f->name, f->help);
    fprintf(out,
            "      --like=FILE     find articles like the text of FILE (a\n"
            "                      judgment, an article; - for stdin): its\n"
            "                      most telling words, any of them matching;\n"
            "                      with a QUERY, the query says what matches\n"
            "      --like-terms=N  words of the --like text kept (default\n"
            "                      100; 0 for all)\n"
            "      --no-snippets   leave snippets out (faster for many hits)\n"
            "      --all-copies    show every copy of a story republished\n"
            "                      with small edits, not only the best one\n"
            "                      (the others are counted under it)\n"
            "  -0, --null          paths: end each path with NUL, for\n"
            "                      xargs -0\n"
            "      --count         print only the number of matches (and\n"
            "                      whether it is exact or estimated)\n"
            "      --exact         count every match exactly (slower)\n"
            "  -q, --quiet         print nothing: the exit code says\n"
            "      --queries=FILE  run each line of FILE as a query (- for\n"
            "                      stdin; blank and # lines skipped)\n"
            "      --watch=FILE    saved searches, NAME<TAB>QUERY a line:\n"
            "                      print only documents new since the last\n"
            "                      run with the same --state\n"
            "      --state=FILE    what earlier --watch runs reported\n"
            "      --init          mark every current match as seen, print\n"
            "                      nothing (also what a first run does)\n"
            "      --stats         describe the index: documents, terms,\n"
            "                      dates, sources, size, revision\n"
            "      --color=WHEN    bold matches: auto (on a terminal, unless\n"
            "                      NO_COLOR is set), always, never\n"
            "  -h, --help          show this help and exit\n"
            "      --version       show version information and exit\n"
            "\n"
            "Exit status: 0 something matched (with --watch: something\n"
            "new), 1 nothing did, 2 an error (bad usage, a query that does\n"
            "not parse, a missing or unreadable index, a failed write),\n"
            "75 another --watch run is using the state file.\n");
}

/* What the options asked for. */
typedef struct options {
    const char *db_path, *color, *queries_file, *watch_file, *state_file;
    const char *like_file;         /* --like */
    gv_buf like;                   /* its text */
    const char *db_paths[MAX_DBS]; /* every --db, or db_path */
    size_t ndb;
    gv_db_open_opts open_opts;
    const gv_format *format;
    gv_search_req req;
    bool limit_given, sort_given, count, quiet, nul, init, stats, no_snippets;
    char since[GV_DATE_KEY_LEN + 1], until[GV_DATE_KEY_LEN + 1];
} options;

/* One run: the searcher, the output so far, and how it went. */
typedef struct run {
    options *o;
    gv_searcher *searcher;
    gv_render_opts ropts;
    gv_watch_state *state;
    gv_buf out;
    bool matched, failed;
} run;

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

/* "K1,B" for BM25 into @p req. */
static bool
parse_bm25(const char *s, gv_search_req *req)
{
    char *end;
    double k1 = strtod(s, &end), b;

    if (end == s || *end != ',')
        return false;
    s = end + 1;
    b = strtod(s, &end);
    if (end == s || *end || !(k1 >= 0 && k1 <= 10) || !(b >= 0 && b <= 1))
        return false;
    /* 0 is a real choice here (k1 0: term frequency ignored), while the
     * request's 0 means the default: use the smallest positive value. */
    req->bm25_k1 = k1 > 0 ? k1 : 1e-9;
    req->bm25_b = b > 0 ? b : 1e-9;
    return true;
}

/* --facet FIELD[:N] into @p req. */
static bool
parse_facet(const char *s, gv_search_req *req)
{
    const char *colon = strchr(s, ':');
    char name[16];
    size_t n = colon ? (size_t)(colon - s) : strlen(s);

    if (n >= sizeof(name))
        return false;
    memcpy(name, s, n);
    name[n] = '\0';
    req->facet_max = DEFAULT_FACET_MAX;
    if (colon && !gv_cli_parse_uint(colon + 1, 1, MAX_LIMIT, &req->facet_max))
        return false;
    return gv_facet_parse(name, &req->facet);
}

/* "SECONDS" (a fraction allowed) for --timeout into @p opts. */
static bool
parse_timeout(const char *s, gv_db_open_opts *opts)
{
    char *end;
    double t;

    errno = 0;
    t = strtod(s, &end);
    if (end == s || *end || errno || !(t > 0 && t <= MAX_TIMEOUT_SECONDS))
        return false;
    opts->timeout_ms = (unsigned)(t * 1000 + 0.5);
    if (opts->timeout_ms == 0)
        opts->timeout_ms = 1;
    opts->connect_timeout_ms = opts->timeout_ms;
    return true;
}

/* Parse the options into @p o; returns -1 to go on, else an exit code. */
static int
parse_options(int argc, char **argv, options *o)
{
    static const struct option long_opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"limit", required_argument, NULL, 'n'},
        {"offset", required_argument, NULL, OPT_OFFSET},
        {"any", no_argument, NULL, OPT_ANY},
        {"format", required_argument, NULL, 'f'},
        {"null", no_argument, NULL, '0'},
        {"quiet", no_argument, NULL, 'q'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"sort", required_argument, NULL, OPT_SORT},
        {"since", required_argument, NULL, OPT_SINCE},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"count", no_argument, NULL, OPT_COUNT},
        {"exact", no_argument, NULL, OPT_EXACT},
        {"queries", required_argument, NULL, OPT_QUERIES},
        {"watch", required_argument, NULL, OPT_WATCH},
        {"state", required_argument, NULL, OPT_STATE},
        {"init", no_argument, NULL, OPT_INIT},
        {"stats", no_argument, NULL, OPT_STATS},
        {"bm25", required_argument, NULL, OPT_BM25},
        {"no-snippets", no_argument, NULL, OPT_NO_SNIPPETS},
        {"recent", required_argument, NULL, OPT_RECENT},
        {"facet", required_argument, NULL, OPT_FACET},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"partial", no_argument, NULL, OPT_PARTIAL},
        {"all-copies", no_argument, NULL, OPT_ALL_COPIES},
        {"like", required_argument, NULL, OPT_LIKE},
        {"like-terms", required_argument, NULL, OPT_LIKE_TERMS},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    static const char *const orders[] = {
        [GV_ORDER_RELEVANCE] = "relevance",
        [GV_ORDER_NEWEST] = "newest",
        [GV_ORDER_OLDEST] = "oldest",
    };
    int c;

    opterr = 0; /* gv_cli_bad_option() says what is wrong */
    while ((c = getopt_long(argc, argv, ":d:n:f:0qh", long_opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (o->ndb == MAX_DBS)
                return gv_cli_bad_usage(PROG, "more than %d --db options",
                                        MAX_DBS);
            o->db_paths[o->ndb++] = optarg;
            o->db_path = o->db_paths[0];
            break;
        case OPT_TIMEOUT:
            if (!parse_timeout(optarg, &o->open_opts))
                return gv_cli_bad_usage(PROG,
                                        "invalid --timeout '%s': expected "
                                        "seconds, more than 0 and at most "
                                        "3600",
                                        optarg);
            break;
        case OPT_PARTIAL:
            o->open_opts.partial = true;
            break;
        case 'n':
            if (!gv_cli_parse_uint(optarg, 0, MAX_LIMIT, &o->req.limit))
                return gv_cli_bad_usage(
                    PROG,
                    "invalid --limit '%s': expected a number "
                    "from 0 to 100000",
                    optarg);
            o->limit_given = true;
            break;
        case OPT_OFFSET:
            if (!gv_cli_parse_uint(optarg, 0, UINT_MAX - MAX_LIMIT,
                                   &o->req.offset))
                return gv_cli_bad_usage(PROG,
                                        "invalid --offset '%s': expected a "
                                        "number",
                                        optarg);
            break;
        case OPT_ANY:
            o->req.match_any = true;
            break;
        case 'f':
            o->format = gv_format_find(optarg);
            if (!o->format)
                return gv_cli_bad_usage(PROG,
                                        "unknown --format '%s': expected "
                                        "text, json, jsonl, tsv or paths",
                                        optarg);
            break;
        case '0':
            o->nul = true;
            break;
        case 'q':
            o->quiet = true;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
                strcmp(optarg, "never"))
                return gv_cli_bad_usage(PROG,
                                        "invalid --color '%s': expected auto, "
                                        "always or never",
                                        optarg);
            o->color = optarg;
            break;
        case OPT_SORT:
            o->req.order = GV_ORDER_OLDEST + 1;
            for (int i = GV_ORDER_RELEVANCE; i <= GV_ORDER_OLDEST; i++)
                if (strcmp(optarg, orders[i]) == 0)
                    o->req.order = (gv_result_order)i;
            if (o->req.order > GV_ORDER_OLDEST)
                return gv_cli_bad_usage(PROG,
                                        "invalid --sort '%s': expected "
                                        "relevance, newest or oldest",
                                        optarg);
            o->sort_given = true;
            break;
        case OPT_SINCE:
        case OPT_UNTIL:
            if (!gv_date_bound_parse(optarg, strlen(optarg), c == OPT_UNTIL,
                                     time(NULL),
                                     c == OPT_SINCE ? o->since : o->until))
                return gv_cli_bad_usage(
                    PROG,
                    "invalid --%s '%s': expected a date such as "
                    "2021-03-05, 2021-03 or 2021, or 30d or 2w",
                    c == OPT_SINCE ? "since" : "until", optarg);
            if (c == OPT_SINCE)
                o->req.date_lo = o->since;
            else
                o->req.date_hi = o->until;
            break;
        case OPT_COUNT:
            o->count = true;
            break;
        case OPT_EXACT:
            o->req.exact_count = true;
            break;
        case OPT_QUERIES:
            o->queries_file = optarg;
            break;
        case OPT_WATCH:
            o->watch_file = optarg;
            break;
        case OPT_STATE:
            o->state_file = optarg;
            break;
        case OPT_INIT:
            o->init = true;
            break;
        case OPT_STATS:
            o->stats = true;
            break;
        case OPT_NO_SNIPPETS:
            o->no_snippets = true;
            break;
        case OPT_FACET:
            if (!parse_facet(optarg, &o->req))
                return gv_cli_bad_usage(PROG,
                                        "invalid --facet '%s': expected cite "
                                        "or source, optionally with :N for "
                                        "the N most frequent (default %u)",
                                        optarg, DEFAULT_FACET_MAX);
            break;
        case OPT_RECENT:
            if (!gv_recency_parse_half_life(optarg, &o->req.recent_half_life))
                return gv_cli_bad_usage(PROG,
                                        "invalid --recent '%s': expected a "
                                        "half-life such as 90d, 12w or 2y",
                                        optarg);
            break;
        case OPT_ALL_COPIES:
            o->req.all_copies = true;
            break;
        case OPT_LIKE:
            o->like_file = optarg;
            break;
        case OPT_LIKE_TERMS:
            if (!gv_cli_parse_uint(optarg, 0, MAX_LIKE_TERMS,
                                   &o->req.like_terms))
                return gv_cli_bad_usage(PROG,
                                        "invalid --like-terms '%s': expected "
                                        "a number from 0 (every word) to %u",
                                        optarg, MAX_LIKE_TERMS);
            break;
        case OPT_BM25:
            if (!parse_bm25(optarg, &o->req))
                return gv_cli_bad_usage(PROG,
                                        "invalid --bm25 '%s': expected K1,B "
                                        "such as 1.2,0.75 (K1 from 0 to 10, "
                                        "B from 0 to 1)",
                                        optarg);
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
    return -1;
}

/* Combinations that make no sense; returns -1 when all is well. */
static int
check_options(const options *o, bool has_query)
{
    if (o->req.date_lo && o->req.date_hi &&
        strcmp(o->req.date_lo, o->req.date_hi) > 0)
        return gv_cli_bad_usage(PROG, "%s", "--since is after --until");
    if (o->req.recent_half_life > 0 && o->req.order != GV_ORDER_RELEVANCE)
        return gv_cli_bad_usage(PROG, "%s",
                                "--recent ranks by relevance and age; it "
                                "does not go with --sort newest or oldest");
    if (o->req.facet != GV_FACET_NONE &&
        (o->count || o->watch_file ||
         (strcmp(o->format->name, "text") && strcmp(o->format->name, "json"))))
        return gv_cli_bad_usage(PROG, "%s",
                                "--facet goes with -f text or json, not "
                                "--count or --watch (-n 0 shows the counts "
                                "alone)");
    if (o->queries_file && o->watch_file)
        return gv_cli_bad_usage(PROG, "%s",
                                "--queries and --watch do not go together");
    if (o->watch_file && !o->state_file)
        return gv_cli_bad_usage(PROG, "%s", "--watch needs --state FILE");
    if ((o->state_file || o->init) && !o->watch_file)
        return gv_cli_bad_usage(PROG, "%s",
                                "--state and --init go with --watch");
    if (o->watch_file && (o->count || o->req.offset))
        return gv_cli_bad_usage(PROG, "%s",
                                "--watch does not go with --count or --offset");
    if (o->nul && strcmp(o->format->name, "paths") != 0)
        return gv_cli_bad_usage(PROG, "%s", "-0 goes with --format paths");
    if (o->stats && (has_query || o->queries_file || o->watch_file))
        return gv_cli_bad_usage(PROG, "%s", "--stats takes no query");
    if (!o->stats && has_query && (o->queries_file || o->watch_file))
        return gv_cli_bad_usage(PROG, "%s",
                                "give a QUERY or --queries/--watch, not both");
    if (o->like_file && (o->stats || o->queries_file || o->watch_file))
        return gv_cli_bad_usage(PROG, "%s",
                                "--like goes with one search, not --stats, "
                                "--queries or --watch");
    if (!o->stats && !has_query && !o->like_file && !o->queries_file &&
        !o->watch_file)
        return gv_cli_bad_usage(PROG, "%s", "no QUERY given");
    return -1;
}

/* Print what is rendered so far; true when stdout took it all. */
static bool
flush_out(run *r)
{
    bool ok = fwrite(r->out.data ? r->out.data : "", 1, r->out.len, stdout) ==
              r->out.len;

    gv_buf_reset(&r->out);
    return ok;
}

/* --watch: keep only the hits @p name has not reported before, and mark
 * every current match as seen for the next run. A story is known by its
 * group of copies too, so a new copy of one already reported is not new
 * (unless --all-copies). */
static gv_status
keep_new(run *r, const char *name, gv_result_set *rs, gv_err *err)
{
    bool *keep = calloc(rs->count ? rs->count : 1, sizeof(*keep));
    gv_status st = GV_OK;

    if (!keep)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    for (size_t i = 0; st == GV_OK && i < rs->count; i++) {
        const gv_result *res = &rs->results[i];
        uint64_t key = gv_record_key(&res->record), group_key = 0;
        bool by_group = rs->collapsed && res->group[0];
        char group[sizeof("group:") + GV_DUP_GROUP_LEN];

        if (by_group) {
            snprintf(group, sizeof(group), "group:%s", res->group);
            group_key = gv_schema_hash(group);
        }
        keep[i] = !r->o->init && !gv_watch_state_seen(r->state, name, key) &&
                  !(by_group && gv_watch_state_seen(r->state, name, group_key));
        st = gv_watch_state_mark(r->state, name, key, err);
        if (st == GV_OK && by_group)
            st = gv_watch_state_mark(r->state, name, group_key, err);
    }
    if (st == GV_OK)
        gv_result_set_keep(rs, keep);
    free(keep);
    return st;
}

/* Run one query (of a list, named when a saved search) and render it. */
static gv_status
run_query(run *r, const char *name, const char *query, gv_err *err)
{
    gv_search_req req = r->o->req;
    gv_result_set *rs = NULL;
    unsigned limit = req.limit;
    gv_status st;

    req.query = query;
    /* What the output shows, and --watch's groups, decide what is read. */
    req.records_only = !r->o->format->needs_snippets && !r->state;
    if (r->o->count)
        req.limit = 0;
    if (r->state) {
        /* Every match, to tell new from seen; the limit applies after. */
        unsigned docs = 0;
        st = gv_db_doc_count(gv_searcher_db(r->searcher), &docs, err);
        if (st != GV_OK)
            return st;
        req.limit = docs;
        if (!r->o->sort_given && req.recent_half_life <= 0)
            req.order = GV_ORDER_NEWEST;
        if (!r->o->limit_given)
            limit = UINT_MAX; /* an alert lists all that is new */
    }
    st = gv_searcher_run(r->searcher, &req, &rs, err);
    if (st == GV_OK && r->state)
        st = keep_new(r, name, rs, err);
    /* A shard left out (--partial) still holds what was seen there: keep
     * those marks, or its articles would be new again once it is back. */
    if (st == GV_OK && r->state &&
        gv_db_missing_count(gv_searcher_db(r->searcher)))
        st = gv_watch_state_keep(r->state, name, err);
    if (st == GV_OK && r->state && rs->count > limit)
        gv_result_set_truncate(rs, limit); /* the rest stay marked */
    if (st != GV_OK) {
        gv_result_set_free(rs);
        return st;
    }
    rs->name = name;
    r->matched |= r->state ? rs->count > 0 : rs->count || rs->lower_bound;
    if (!r->o->quiet && !r->o->count && !r->o->no_snippets &&
        r->o->format->needs_snippets)
        st = gv_result_set_fill_snippets(rs, err);
    /* Exact counts and sources of copies, for the hits shown. */
    if (st == GV_OK && !r->o->quiet && !r->o->count &&
        r->o->format->needs_snippets)
        st = gv_result_set_fill_copies(rs, err);
    /* Saved searches with nothing new are left out of the alert. */
    if (st == GV_OK && !r->o->quiet && !(r->o->init && r->state) &&
        !(r->state && rs->count == 0)) {
        st = (r->o->count ? r->o->format->count
                          : r->o->format->result)(rs, &r->ropts, &r->out, err);
        r->ropts.first = false;
    }
    gv_result_set_free(rs);
    return st;
}

/* Run every query of @p list; a query that fails is reported with its
 * line and the others still run. Returns only what stops the run. */
static gv_status
run_list(run *r, const char *file, const gv_query_list *list, gv_err *err)
{
    for (size_t i = 0; i < list->count; i++) {
        const gv_query_item *it = &list->items[i];
        gv_err qerr = GV_ERR_INIT;
        gv_status st = GV_EQUERY;

        if (it->problem)
            gv_err_set(&qerr, GV_EQUERY, "%s", it->problem);
        else
            st = run_query(r, it->name, it->query, &qerr);
        if (st == GV_EQUERY) {
            fprintf(stderr, PROG ": %s:%u: %s\n", file, it->line, qerr.msg);
            r->failed = true;
            /* A saved search that did not run keeps what it had seen. */
            if (r->state)
                st = gv_watch_state_keep(r->state, it->name, &qerr);
        }
        if (st != GV_OK && st != GV_EQUERY) {
            return gv_err_set(err, st, "%s", qerr.msg);
        }
        if (!flush_out(r))
            return gv_err_set(err, GV_EIO, "cannot write the results: %s",
                              strerror(errno));
    }
    return GV_OK;
}

/* The query list of --queries or --watch, run; state saved after the
 * output is out. */
static gv_status
run_file(run *r, gv_err *err)
{
    options *o = r->o;
    const char *file = o->watch_file ? o->watch_file : o->queries_file;
    gv_query_list list;
    bool existed = true;
    gv_status st;

    st = gv_query_list_read(file, o->watch_file != NULL, &list, err);
    if (st == GV_OK && o->watch_file)
        st = gv_watch_state_open(o->state_file, &r->state, &existed, err);
    if (st == GV_OK && !existed && !o->init) {
        /* A first run marks what matches now, so that a new cron job
         * does not mail the whole archive. */
        fprintf(stderr,
                PROG ": no state in '%s' yet: marking the current matches "
                     "as seen; later runs print what is new\n",
                o->state_file);
        r->o->init = true;
    }
    r->ropts.batch = true;
    r->ropts.only_new = r->state != NULL;
    if (st == GV_OK && o->format->begin && !o->quiet && !o->init)
        st = o->format->begin(&r->ropts, &r->out, err);
    if (st == GV_OK)
        st = run_list(r, file, &list, err);
    if (st == GV_OK && o->format->end && !o->quiet && !o->init)
        st = o->format->end(&r->ropts, &r->out, err);
    if (st == GV_OK && (!flush_out(r) || fflush(stdout) != 0 || ferror(stdout)))
        st = gv_err_set(err, GV_EIO, "cannot write the results: %s",
                        strerror(errno));
    /* Only once the alerts are out: a failed write leaves the state as it
     * was, and the next run reports the same documents again. */
    if (st == GV_OK && r->state)
        st = gv_watch_state_save(r->state, err);
    gv_query_list_free(&list);
    return st;
}

/* The text of --like FILE (- for stdin) into o->like and o->req;
 * false, having said why, when it cannot be read. */
static bool
read_like(options *o)
{
    const char *path = strcmp(o->like_file, "-") ? o->like_file : "/dev/stdin";
    gv_read_limits limits = {MAX_LIKE_BYTES, MAX_LIKE_BYTES};
    gv_read_info info;
    gv_err err = GV_ERR_INIT;

    gv_buf_init(&o->like);
    if (gv_gz_read_file(path, &limits, &o->like, &info, &err) != GV_OK) {
        fprintf(stderr, PROG ": --like '%s': %s\n", o->like_file, err.msg);
        return false;
    }
    if (info.hit_cap)
        fprintf(stderr,
                PROG ": warning: --like '%s': only its first %u MiB are "
                     "used\n",
                o->like_file, MAX_LIKE_BYTES >> 20);
    o->req.like = o->like.data ? o->like.data : "";
    o->req.like_len = o->like.len;
    return true;
}

int
main(int argc, char **argv)
{
    options o;
    run r;
    gv_err err = GV_ERR_INIT;
    char *query = NULL;
    gv_status st;
    int code;

    memset(&o, 0, sizeof(o));
    o.db_path = getenv("GAVEL_DB");
    if (!o.db_path || !*o.db_path)
        o.db_path = "gavel.db";
    o.color = "auto";
    o.format = gv_format_find("text");
    o.req.limit = 10;
    o.req.like_terms = GV_LIKE_TERMS_DEFAULT;
    o.req.now = time(NULL);
    o.open_opts = (gv_db_open_opts)GV_DB_OPEN_OPTS_INIT;
    code = parse_options(argc, argv, &o);
    if (code >= 0)
        return code;
    if (o.ndb == 0)
        o.db_paths[o.ndb++] = o.db_path;
    code = check_options(&o, optind < argc);
    if (code >= 0)
        return code;
    if (optind < argc && !(query = join_args(argc - optind, argv + optind))) {
        fprintf(stderr, PROG ": out of memory\n");
        return EXIT_ERROR;
    }
    if (o.like_file && !read_like(&o)) {
        free(query);
        return EXIT_ERROR;
    }

    memset(&r, 0, sizeof(r));
    r.o = &o;
    gv_buf_init(&r.out);
    /* auto: bold on a terminal, unless NO_COLOR is set (no-color.org). */
    const char *no_color = getenv("NO_COLOR");
    r.ropts.use_color = strcmp(o.color, "always") == 0 ||
                        (strcmp(o.color, "auto") == 0 &&
                         isatty(STDOUT_FILENO) && !(no_color && *no_color));
    r.ropts.first = true;
    r.ropts.nul_separated = o.nul;

    st = gv_searcher_open_many(o.db_paths, o.ndb, &o.open_opts, &r.searcher,
                               &err);
    if (st == GV_OK && o.stats)
        st = gv_stats_render(gv_searcher_db(r.searcher),
                             gv_db_path(gv_searcher_db(r.searcher)),
                             strcmp(o.format->name, "json") == 0, &r.out, &err);
    else if (st == GV_OK && (query || o.like_file))
        st = run_query(&r, NULL, query, &err);
    else if (st == GV_OK)
        st = run_file(&r, &err);
    if (st == GV_OK && !flush_out(&r))
        st = gv_err_set(&err, GV_EIO, "cannot write the results: %s",
                        strerror(errno));

    /* --partial: the hits are from the shards that answered; say which
     * did not (after the results, which are complete for those). */
    for (unsigned i = 0;
         r.searcher && i < gv_db_missing_count(gv_searcher_db(r.searcher)); i++)
        fprintf(stderr, PROG ": warning: left out shard %s\n",
                gv_db_missing(gv_searcher_db(r.searcher), i));
    if (st == GV_OK)
        code = r.failed               ? EXIT_ERROR
               : o.stats || r.matched ? EXIT_MATCH
                                      : EXIT_NO_MATCH;
    else {
        fprintf(stderr, PROG ": %s\n", err.msg);
        clearerr(stdout); /* said once: gv_cli_finish() need not */
        bool missing = false;
        for (size_t i = 0; i < o.ndb; i++)
            missing |= access(o.db_paths[i], F_OK) != 0;
        if (st == GV_EIO && missing)
            fprintf(stderr, PROG ": make it with gavel-index, or name "
                                 "another with --db or GAVEL_DB\n");
        code = st == GV_ELOCKED ? EXIT_BUSY : EXIT_ERROR;
    }
    code = gv_cli_finish(PROG, code);
    gv_buf_release(&r.out);
    gv_watch_state_close(r.state);
    gv_searcher_close(r.searcher);
    free(query);
    gv_buf_release(&o.like);
    return code;
}
