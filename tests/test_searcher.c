/* Unit tests of searcher/: running queries over an index of
 * fixtures/articles, snippets from every form of stored body, snippet
 * clean-up, and the text and JSON renderers. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "index.h"
#include "render.h"
#include "search.h"

static char db[4096];

static void
build_index(void)
{
    gv_index_opts opts = GV_INDEX_OPTS_INIT;
    const char *fx = getenv("GV_FIXTURES");
    gv_indexer *ix = NULL;
    gv_err err = GV_ERR_INIT;
    char articles[4096];

    snprintf(articles, sizeof(articles), "%s/articles",
             fx ? fx : "../fixtures");
    CHECK(gv_indexer_open(db, &opts, &ix, &err) == GV_OK);
    CHECK(gv_indexer_add_path(ix, articles, &err) == GV_OK);
    CHECK(gv_indexer_commit(ix, &err) == GV_OK);
    CHECK(gv_indexer_stats(ix)->indexed == 31);
    gv_indexer_close(ix);
}

/* Hits of @p query (AND, or OR when @p any), or -1 on error. */
static int
count_hits(gv_searcher *s, const char *query, bool any)
{
    gv_search_req req = {.query = query, .limit = 100, .match_any = any};
    gv_result_set *rs = NULL;
    gv_err err = GV_ERR_INIT;
    int n;

    if (gv_searcher_run(s, &req, &rs, &err) != GV_OK)
        return -1;
    n = (int)rs->count;
    gv_result_set_free(rs);
    return n;
}

static void
test_search(void)
{
    gv_searcher *s = NULL;
    gv_result_set *rs = NULL;
    gv_err err = GV_ERR_INIT;
    gv_search_req req = {.query = "extradition", .limit = 10};

    CHECK(gv_searcher_open(db, &s, &err) == GV_OK);
    if (!s)
        return;
    CHECK(gv_searcher_run(s, &req, &rs, &err) == GV_OK);
    CHECK(rs && rs->count == 3);
    if (rs && rs->count == 3) {
        CHECK(rs->estimated == 3);
        CHECK(strstr(rs->results[0].record.path,
                     "uk-banker-extradition-ruling.txt") != NULL);
        CHECK(rs->results[0].rank == 1 && rs->results[2].rank == 3);
        CHECK(rs->results[0].score > rs->results[1].score);
        CHECK_STR(rs->results[0].record.fields[GV_FIELD_DATE], "2021-03-04");
        /* Snippets are made only when asked for: for the hits shown. */
        CHECK(rs->results[0].snippet == NULL);
        CHECK(gv_result_set_fill_snippets(rs, &err) == GV_OK);
        CHECK(strchr(rs->results[0].snippet, GV_HI_START) != NULL);
        CHECK(strchr(rs->results[0].snippet, '\n') == NULL);
    }
    gv_result_set_free(rs);
    rs = NULL;

    req.offset = 2;
    CHECK(gv_searcher_run(s, &req, &rs, &err) == GV_OK);
    CHECK(rs && rs->count == 1 && rs->results[0].rank == 3);
    gv_result_set_free(rs);

    CHECK(count_hits(s, "quarantotto extradition", false) == 0);
    CHECK(count_hits(s, "quarantotto extradition", true) == 4);
    CHECK(count_hits(s, "author:okafor", false) == 2);
    CHECK(count_hits(s, "\"plea bargain\"", false) == 3);

    rs = NULL;
    req.query = "court AND";
    CHECK(gv_searcher_run(s, &req, &rs, &err) == GV_EQUERY);
    CHECK(strstr(err.msg, "cannot parse query 'court AND'") != NULL);
    CHECK(rs == NULL);
    gv_err_clear(&err);
    req.query = " \t";
    CHECK(gv_searcher_run(s, &req, &rs, &err) == GV_EQUERY);
    CHECK_STR(err.msg, "empty query");
    /* Stray bytes (a Latin-1 terminal) are refused, not read as Latin-1;
     * a valid query over several lines is fine. */
    gv_err_clear(&err);
    req.query = "caf\xe9 court";
    CHECK(gv_searcher_run(s, &req, &rs, &err) == GV_EQUERY);
    CHECK_STR(err.msg, "query is not valid UTF-8 (byte 4 is 0xe9)");
    gv_err_clear(&err);
    req.query = "court \xc3";
    CHECK(gv_searcher_run(s, &req, &rs, &err) == GV_EQUERY);
    CHECK_STR(err.msg, "query is not valid UTF-8 (byte 7 is 0xc3)");
    CHECK(rs == NULL);
    CHECK(count_hits(s, "caf\xc3\xa9 OR extradition", false) == 3);
    gv_searcher_close(s);

    gv_err_clear(&err);
    s = NULL;
    CHECK(gv_searcher_open("/no/such/index", &s, &err) == GV_EIO);
    CHECK(s == NULL);
    CHECK(strstr(err.msg, "/no/such/index") != NULL);
}

/* Store a document of @p body as @p path in @p wdb; its stored body
 * replaced by the @p value_len bytes at @p value unless @p value is NULL. */
static void
put_body(gv_db *wdb, const char *path, const char *body, const char *value,
         size_t value_len)
{
    gv_article a;
    gv_xdoc *doc = NULL;
    gv_buf id = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;

    memset(&a, 0, sizeof(a));
    a.body = body;
    a.body_len = strlen(body);
    CHECK(gv_schema_build_doc(&a, path, NULL, &doc, &err) == GV_OK);
    if (value)
        CHECK(gv_xdoc_set_value(doc, GV_SLOT_BODY, value, value_len, &err) ==
              GV_OK);
    CHECK(gv_schema_id_term(path, NULL, &id, &err) == GV_OK);
    CHECK(gv_db_replace(wdb, id.data, doc, &err) == GV_OK);
    gv_xdoc_free(doc);
    gv_buf_release(&id);
}

/* Snippets come from the body however it is stored: compressed (now),
 * as plain text (indexes made before bodies were compressed), or damaged,
 * which gives an empty snippet, not an error or a crash. */
static void
test_stored_bodies(void)
{
    static const char body[] =
        "The harbour authority said the pelican sanctuary would close for "
        "the winter while the court considered the appeal. Lawyers for the "
        "sanctuary said the closure was unlawful and the pelican colony "
        "had nowhere else to go.";
    gv_search_req req = {.query = "pelican", .limit = 10};
    char path[4200];
    gv_db *wdb = NULL;
    gv_searcher *s = NULL;
    gv_result_set *rs = NULL;
    gv_buf value = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;

    snprintf(path, sizeof(path), "%s-bodies", db);
    CHECK(gv_db_open(path, GV_DB_WRITE, &wdb, &err) == GV_OK);
    if (!wdb)
        return;
    CHECK(gv_schema_body_encode(body, strlen(body), &value, &err) == GV_OK);
    CHECK(value.len < strlen(body) && (unsigned char)value.data[0] == 0xff);
    put_body(wdb, "/new.txt", body, NULL, 0);
    put_body(wdb, "/old.txt", body, body, strlen(body));
    value.data[value.len - 3] ^= 0x5a;
    put_body(wdb, "/damaged.txt", body, value.data, value.len);
    put_body(wdb, "/cut.txt", body, value.data, 3);
    CHECK(gv_db_commit(wdb, &err) == GV_OK);
    gv_db_close(wdb);

    CHECK(gv_searcher_open(path, &s, &err) == GV_OK);
    if (s)
        CHECK(gv_searcher_run(s, &req, &rs, &err) == GV_OK);
    CHECK(rs && rs->count == 4);
    if (rs)
        CHECK(gv_result_set_fill_snippets(rs, &err) == GV_OK);
    for (size_t i = 0; rs && i < rs->count; i++) {
        const gv_result *r = &rs->results[i];
        bool readable = strcmp(r->record.path, "/new.txt") == 0 ||
                        strcmp(r->record.path, "/old.txt") == 0;
        CHECK(r->snippet != NULL);
        if (!r->snippet)
            continue;
        if (readable) {
            CHECK(strstr(r->snippet, "pelican") != NULL);
            CHECK(strchr(r->snippet, GV_HI_START) != NULL);
        } else {
            CHECK_STR(r->snippet, "");
        }
    }
    CHECK(err.code == GV_OK);
    gv_result_set_free(rs);
    gv_searcher_close(s);
    gv_buf_release(&value);
}

static void
test_plain_snippet(void)
{
    char *p =
        gv_search_plain_snippet("a &amp; b &lt;c&gt;\n\n  d &quot;e&#39;");

    CHECK_STR(p, "a & b <c> d \"e'");
    free(p);
    p = gv_search_plain_snippet("\x02"
                                "x\x03\x02y\x03 z &bogus;");
    CHECK_STR(p, "\x02xy\x03 z &bogus;");
    free(p);
}

/* Render @p rs in the format called @p fmt. */
#define RENDER(fmt, rs, opts, out, err)                                        \
    gv_format_find(fmt)->result(rs, opts, out, err)

/* A result set made by hand, to render. */
static void
test_render(void)
{
    gv_result r;
    gv_result_set rs;
    gv_render_opts plain = {.use_color = false}, color = {.use_color = true};
    gv_buf out = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    const char rec[] = "path=/a/b.txt\ntitle=Evil \x1b[2J title\n"
                       "date=2021-01-11\nsource=Wire \"X\"\nbody=\nText";

    memset(&r, 0, sizeof(r));
    memset(&rs, 0, sizeof(rs));
    CHECK(gv_record_parse(rec, sizeof(rec) - 1, &r.record, &err) == GV_OK);
    r.rank = 1;
    r.docid = 7;
    r.score = 1.5;
    r.percent = 100;
    r.snippet = "the \x02"
                "court\x03 sat";
    rs.query = "court";
    rs.estimated = rs.lower_bound = rs.upper_bound = 1;
    rs.count = 1;
    rs.results = &r;

    CHECK(RENDER("text", &rs, &plain, &out, &err) == GV_OK);
    CHECK(strstr(out.data, "1 match, showing 1-1\n") == out.data);
    CHECK(strstr(out.data, "1. Evil ?[2J title\n") != NULL);
    CHECK(strstr(out.data, "2021-01-11 | Wire \"X\" | score 1.50\n") != NULL);
    CHECK(strstr(out.data, "   /a/b.txt\n") != NULL);
    CHECK(strstr(out.data, "the **court** sat") != NULL);
    gv_buf_reset(&out);
    CHECK(RENDER("text", &rs, &color, &out, &err) == GV_OK);
    CHECK(strstr(out.data, "the \x1b[1mcourt\x1b[0m sat") != NULL);

    /* A file name in Latin-1, with a tab: U+FFFD and '?' in text, U+FFFD
     * and \t in JSON, so both stay valid UTF-8 and a hit one block. */
    {
        const char odd[] = "path=/a/caf\xe9\t\xc3\xa9.txt\ntitle=T";
        gv_result o = r;
        gv_result_set ors = rs;

        CHECK(gv_record_parse(odd, sizeof(odd) - 1, &o.record, &err) == GV_OK);
        ors.results = &o;
        gv_buf_reset(&out);
        CHECK(RENDER("text", &ors, &plain, &out, &err) == GV_OK);
        CHECK(strstr(out.data, "   /a/caf\xef\xbf\xbd?\xc3\xa9.txt\n") != NULL);
        gv_buf_reset(&out);
        CHECK(RENDER("json", &ors, &plain, &out, &err) == GV_OK);
        CHECK(strstr(out.data,
                     "\"path\":\"/a/caf\xef\xbf\xbd\\t\xc3\xa9.txt\"") != NULL);
        gv_record_release(&o.record);
    }

    gv_buf_reset(&out);
    CHECK(RENDER("json", &rs, &plain, &out, &err) == GV_OK);
    CHECK(strstr(out.data, "{\"format_version\":2,\"query\":\"court\"") ==
          out.data);
    CHECK(strstr(out.data, "\"title\":\"Evil \\u001b[2J title\"") != NULL);
    CHECK(strstr(out.data, "\"source\":\"Wire \\\"X\\\"\"") != NULL);
    CHECK(strstr(out.data, "\"author\":null") != NULL);
    CHECK(strstr(out.data, "\"snippet\":\"the **court** sat\",\"group\":null,"
                           "\"copies\":0,\"copy_sources\":[],"
                           "\"citations\":[]}]}\n") != NULL);

    /* Approximate counts say so. */
    rs.upper_bound = 5;
    rs.estimated = 3;
    gv_buf_reset(&out);
    CHECK(RENDER("text", &rs, &plain, &out, &err) == GV_OK);
    CHECK(strstr(out.data, "about 3 matches") == out.data);

    /* jsonl: one line per hit, with its query; tsv: hostile titles
     * cannot break a row; paths: the file once. */
    {
        const char hostile[] = "path=/a/x.txt\ntitle=Tab\there\\nline \\\\ end";
        gv_result two[2];
        gv_result_set trs = rs;

        two[0] = r;
        memset(&two[1], 0, sizeof(two[1]));
        CHECK(gv_record_parse(hostile, sizeof(hostile) - 1, &two[1].record,
                              &err) == GV_OK);
        two[1].rank = 2;
        two[1].snippet = "";
        trs.results = two;
        trs.count = 2;
        gv_buf_reset(&out);
        CHECK(RENDER("jsonl", &trs, &plain, &out, &err) == GV_OK);
        CHECK(strncmp(out.data,
                      "{\"format_version\":2,\"name\":null,\"query\":"
                      "\"court\",\"rank\":1,",
                      56) == 0);
        CHECK(strchr(out.data, '\n') == strrchr(out.data, '\n') - 0 ||
              strchr(strchr(out.data, '\n') + 1, '\n') ==
                  out.data + out.len - 1);
        gv_buf_reset(&out);
        CHECK(RENDER("tsv", &trs, &plain, &out, &err) == GV_OK);
        if (!strstr(out.data, "\tTab\\there\\nline \\\\ end\t"))
            fprintf(stderr, "tsv: %s", out.data);
        CHECK(strstr(out.data, "\tTab\\there\\nline \\\\ end\t") != NULL);
        size_t rows = 0;
        for (size_t i = 0; i < out.len; i++)
            rows += out.data[i] == '\n';
        CHECK(rows == 2);
        /* name, query, then 17 fields: 18 tabs a row. */
        size_t tabs = 0;
        for (const char *c = out.data; *c != '\n'; c++)
            tabs += *c == '\t';
        CHECK(tabs == 18);
        gv_buf_reset(&out);
        CHECK(RENDER("paths", &trs, &plain, &out, &err) == GV_OK);
        CHECK_STR(out.data, "/a/b.txt\n/a/x.txt\n");
        gv_render_opts nul = {.nul_separated = true};
        gv_buf_reset(&out);
        CHECK(RENDER("paths", &trs, &nul, &out, &err) == GV_OK);
        CHECK(out.len == 18 && out.data[8] == '\0' && out.data[17] == '\0');
        gv_buf_reset(&out);
        CHECK(gv_format_find("text")->count(&trs, &plain, &out, &err) == GV_OK);
        CHECK_STR(out.data, "3\testimated\tcourt\n");
        gv_record_release(&two[1].record);
    }

    CHECK(gv_format_find("json") && gv_format_find("text"));
    CHECK(gv_format_find("xml") == NULL);
    gv_record_release(&r.record);
    gv_buf_release(&out);
}

int
main(void)
{
    const char *base = getenv("TMPDIR");

    snprintf(db, sizeof(db), "%s/test_searcher.XXXXXX", base ? base : "/tmp");
    if (!mkdtemp(db)) {
        perror("mkdtemp");
        return 1;
    }
    strcat(db, "/index");
    build_index();
    test_search();
    test_stored_bodies();
    test_plain_snippet();
    test_render();
    return CHECK_DONE();
}
