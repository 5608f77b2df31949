/* Fuzz target: bytes as a gavel-search query, parsed and run over a small
 * index (built once, at the first input, in $TMPDIR) and rendered as text
 * and JSON. Any query must give GV_OK or GV_EQUERY, never a crash. */
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "index.h"
#include "render.h"
#include "search.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Articles with every field the query syntax can name. */
static const struct {
    const char *name, *text;
} articles[] = {
    {"2021/03/04/extradition.txt",
     "Title: Judge approves extradition of banker\n"
     "Date: 2021-03-04\nSource: Financial Courier\nAuthor: Tobias Wrenfield\n"
     "Place: London\nURL: https://news.example.org/2021/03/04/a\n\n"
     "LONDON, March 4 (Reuters) - A judge approved the extradition of a "
     "banker accused of fraud and money laundering; the plea bargain "
     "failed.\n"},
    {"kenya.txt", "Kenyan court jails judge for bribery\n\nNAIROBI, Jan 11 - "
                  "The judge took a bribe, the court found. Judges appeal.\n"},
    {"zh.txt", "司法腐败案件\n\n新华社北京1月11日电（记者张素）最高人民法院"
               "审理腐败案件。\n"},
    {"dump.jsonl",
     "{\"id\":\"r1\",\"title\":\"Graft ruling\",\"date\":\"2020-06-30\","
     "\"text\":\"graft and corruption\",\"url\":\"https://a.example.com/x\"}\n"
     "{\"title\":\"Undated note\",\"text\":\"no date here, judicial\"}\n"},
};

static char root[4096];       /* the temporary folder, "" until made */
static gv_searcher *searcher; /* kept for the whole run */

static int
remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void
cleanup(void)
{
    gv_searcher_close(searcher);
    searcher = NULL;
    if (root[0])
        nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int
write_file(const char *dir, const char *name, const char *text)
{
    char path[8192];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    /* Make the folders of a dated path. */
    for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

/* The index, built on the first call; exits when it cannot be (the
 * fuzzer would otherwise test nothing). */
static gv_searcher *
open_index(void)
{
    gv_index_opts opts = GV_INDEX_OPTS_INIT;
    gv_indexer *ix = NULL;
    gv_err err = GV_ERR_INIT;
    char in[4200], db[4200];
    const char *tmp = getenv("TMPDIR");

    if (searcher)
        return searcher;
    snprintf(root, sizeof(root), "%s/gv-fuzz-query.XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(root)) {
        perror("fuzz_query: mkdtemp");
        exit(1);
    }
    atexit(cleanup);
    snprintf(in, sizeof(in), "%s/in", root);
    snprintf(db, sizeof(db), "%s/db", root);
    mkdir(in, 0700);
    for (size_t i = 0; i < sizeof(articles) / sizeof(articles[0]); i++)
        if (write_file(in, articles[i].name, articles[i].text) != 0) {
            perror("fuzz_query: writing an article");
            exit(1);
        }
    if (gv_indexer_open(db, &opts, &ix, &err) != GV_OK ||
        gv_indexer_add_path(ix, in, &err) != GV_OK ||
        gv_indexer_commit(ix, &err) != GV_OK ||
        gv_searcher_open(db, &searcher, &err) != GV_OK) {
        fprintf(stderr, "fuzz_query: cannot build the index: %s\n", err.msg);
        exit(1);
    }
    gv_indexer_close(ix);
    return searcher;
}

static void
run_one(gv_searcher *s, const gv_search_req *req)
{
    const gv_render_opts ropts = {.use_color = false};
    gv_result_set *rs = NULL;
    gv_err err = GV_ERR_INIT;
    gv_buf out = GV_BUF_INIT;
    gv_status st = gv_searcher_run(s, req, &rs, &err);

    if (st != GV_OK && st != GV_EQUERY) {
        fprintf(stderr, "fuzz_query: status %d: %s\n", (int)st, err.msg);
        __builtin_trap();
    }
    if (st == GV_OK &&
        (gv_result_set_fill_snippets(rs, &err) != GV_OK ||
         gv_format_find("text")->result(rs, &ropts, &out, &err) != GV_OK ||
         gv_format_find("json")->result(rs, &ropts, &out, &err) != GV_OK))
        __builtin_trap();
    gv_buf_release(&out);
    gv_result_set_free(rs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gv_searcher *s = open_index();
    char *query = malloc(size + 1);

    if (!query)
        return 0;
    /* A command line cannot hold a NUL: the query ends at the first. */
    memcpy(query, data, size);
    query[size] = '\0';
    {
        gv_search_req req = {.query = query, .limit = 10};
        run_one(s, &req);
        /* The other code paths: OR, date order, a date filter, an offset. */
        req.match_any = true;
        req.order = GV_ORDER_NEWEST;
        req.date_lo = "20200101";
        req.offset = 1;
        run_one(s, &req);
    }
    free(query);
    return 0;
}
