/* Unit tests of common/xdb.h, the C binding of Xapian: opening and locking,
 * shards and stub files, writing and deleting, query syntax, ranking, match-set
 * reading, snippets, and the gv_err record that every error goes through. */
#include "xdb.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

static char tmpdir[2048];

/* A fresh directory name under the test's temp folder. */
static const char *
db_path(const char *name)
{
    static char paths[8][4096];
    static int next;
    char *p = paths[next++ % 8];

    snprintf(p, 4096, "%s/%s", tmpdir, name);
    return p;
}

/* Build a document from @p text with @p flags and store it as @p idterm,
 * with @p text itself as the document data. */
static gv_status
add_doc(gv_db *db, const char *idterm, const char *text, unsigned flags)
{
    gv_xdoc *doc = NULL;
    gv_err err = GV_ERR_INIT;
    gv_status st = gv_xdoc_new("english", flags, &doc, &err);

    if (st == GV_OK)
        st = gv_xdoc_index_text(doc, text, strlen(text), 1, "", true, &err);
    if (st == GV_OK)
        st = gv_xdoc_set_data(doc, text, strlen(text), &err);
    if (st == GV_OK)
        st = gv_db_replace(db, idterm, doc, &err);
    if (st != GV_OK)
        fprintf(stderr, "  add_doc %s: %s\n", idterm, err.msg);
    gv_xdoc_free(doc);
    return st;
}

static unsigned
doc_count(gv_db *db)
{
    gv_err err = GV_ERR_INIT;
    unsigned n = 12345;

    if (gv_db_doc_count(db, &n, &err) != GV_OK)
        return 12345;
    return n;
}

/* Hits for @p query on @p db with default op @p op and @p flags, or -1 on
 * a parse or search error. The first hit's data goes into @p top (room
 * for 256) when given. */
static int
count_hits_op(gv_db *db, const char *query, gv_default_op op, unsigned flags,
              char *top)
{
    gv_qparser *qp = NULL;
    gv_query *q = NULL;
    gv_mset *ms = NULL;
    gv_err err = GV_ERR_INIT;
    gv_search_opts opts = GV_SEARCH_OPTS_INIT;
    int n = -1;

    opts.limit = 100;
    if (top)
        top[0] = '\0';
    if (gv_qparser_new(db, "english", flags, &qp, &err) != GV_OK)
        goto out;
    gv_qparser_set_default_op(qp, op);
    if (gv_qparser_parse(qp, query, &q, &err) != GV_OK)
        goto out;
    if (gv_db_search(db, q, &opts, &ms, &err) != GV_OK)
        goto out;
    n = (int)gv_mset_size(ms);
    if (top && n > 0) {
        gv_hit hit;
        if (gv_mset_hit(ms, 0, &hit, &err) == GV_OK)
            snprintf(top, 256, "%.*s", (int)hit.data_len, hit.data);
    }
out:
    if (n < 0)
        fprintf(stderr, "  query '%s': %s\n", query, err.msg);
    gv_mset_free(ms);
    gv_query_free(q);
    gv_qparser_free(qp);
    return n;
}

static int
count_hits(gv_db *db, const char *query)
{
    return count_hits_op(db, query, GV_OP_AND, 0, NULL);
}

static void
test_open_write_read(void)
{
    const char *path = db_path("basic.db");
    gv_db *db = NULL, *rd = NULL;
    gv_err err = GV_ERR_INIT;
    struct stat sb;

    /* Write mode creates the database. */
    CHECK(stat(path, &sb) != 0);
    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    CHECK(db != NULL);
    if (!db)
        return;
    CHECK(stat(path, &sb) == 0 && S_ISDIR(sb.st_mode));
    CHECK_STR(gv_db_path(db), path);
    CHECK(doc_count(db) == 0);
    CHECK(add_doc(db, "Qone", "the first document", 0) == GV_OK);
    CHECK(add_doc(db, "Qtwo", "the second document", 0) == GV_OK);
    CHECK(add_doc(db, "Qthree", "the third document", 0) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    CHECK(doc_count(db) == 3);
    gv_db_close(db);
    db = NULL;

    CHECK(gv_db_open(path, GV_DB_READ, &rd, &err) == GV_OK);
    CHECK(doc_count(rd) == 3);
    CHECK(count_hits(rd, "document") == 3);
    CHECK(count_hits(rd, "second") == 1);
    unsigned tf = 0;
    CHECK(gv_db_term_freq(rd, "Qtwo", &tf, &err) == GV_OK && tf == 1);
    CHECK(gv_db_term_freq(rd, "document", &tf, &err) == GV_OK && tf == 3);
    CHECK(gv_db_term_freq(rd, "absent", &tf, &err) == GV_OK && tf == 0);
    /* Committing a read handle is a no-op, not an error. */
    CHECK(gv_db_commit(rd, &err) == GV_OK);

    /* Replacing by the same id term keeps the count and the new text
     * wins. */
    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    if (db) {
        CHECK(add_doc(db, "Qtwo", "the second document, revised", 0) == GV_OK);
        CHECK(gv_db_commit(db, &err) == GV_OK);
        CHECK(doc_count(db) == 3);
        CHECK(count_hits(db, "revised") == 1);
        CHECK(gv_db_term_freq(db, "Qtwo", &tf, &err) == GV_OK && tf == 1);

        /* The read handle still sees its revision until reopened. */
        CHECK(count_hits(rd, "revised") == 0);
        CHECK(gv_db_reopen(rd, &err) == GV_OK);
        CHECK(count_hits(rd, "revised") == 1);

        /* Delete one; deleting what is not there is no error. */
        CHECK(gv_db_delete(db, "Qone", &err) == GV_OK);
        CHECK(gv_db_delete(db, "Qnothing", &err) == GV_OK);
        CHECK(gv_db_commit(db, &err) == GV_OK);
        CHECK(doc_count(db) == 2);
        CHECK(count_hits(db, "first") == 0);

        /* Uncommitted changes are dropped by close. */
        CHECK(add_doc(db, "Qfour", "the fourth document", 0) == GV_OK);
        CHECK(doc_count(db) == 3);
        gv_db_close(db);
        db = NULL;
    }
    CHECK(gv_db_reopen(rd, &err) == GV_OK);
    CHECK(doc_count(rd) == 2);
    CHECK(count_hits(rd, "fourth") == 0);
    CHECK(err.code == GV_OK);
    gv_db_close(rd);
    gv_db_close(NULL);
}

/* Up to 8 docids and the first letter of their terms, collected by
 * gv_db_each_shared_posting(). */
typedef struct docids {
    unsigned id[8];
    char term[8];
    unsigned n, stop_at;
} docids;

static bool
collect(void *ctx, const char *term, unsigned docid)
{
    docids *d = ctx;

    if (d->n < 8) {
        d->term[d->n] = term[1]; /* after the prefix "b" */
        d->id[d->n++] = docid;
    }
    return d->n != d->stop_at;
}

static void
test_shared_postings(void)
{
    const char *path = db_path("shared.db");
    gv_db *db = NULL;
    gv_err err = GV_ERR_INIT;
    docids d = {{0}, {0}, 0, 0};

    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    if (!db)
        return;
    CHECK(add_doc(db, "Qone", "beta alpha", 0) == GV_OK);
    CHECK(add_doc(db, "Qtwo", "bravo alpha", 0) == GV_OK);
    CHECK(add_doc(db, "Qthree", "beta delta", 0) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    /* "beta" is shared, "bravo" is not; "alpha" lacks the prefix. */
    CHECK(gv_db_each_shared_posting(db, "b", collect, &d, &err) == GV_OK);
    CHECK(d.n == 2 && d.id[0] == 1 && d.id[1] == 3);
    /* A document not yet committed counts: "bravo" is now shared. */
    CHECK(add_doc(db, "Qfour", "bravo", 0) == GV_OK);
    d.n = 0;
    CHECK(gv_db_each_shared_posting(db, "b", collect, &d, &err) == GV_OK);
    CHECK(d.n == 4 && d.id[0] == 1 && d.id[1] == 3 && d.id[2] == 2 &&
          d.id[3] == 4);
    CHECK(memcmp(d.term, "eerr", 4) == 0); /* beta, beta, bravo, bravo */
    /* Returning false stops. */
    d.n = 0;
    d.stop_at = 1;
    CHECK(gv_db_each_shared_posting(db, "b", collect, &d, &err) == GV_OK);
    CHECK(d.n == 1);
    gv_db_close(db);
}

/* An unsynced writer (for scratch shards) writes as GV_DB_WRITE does: it
 * is a writer for every call that needs one, and what it commits is
 * there for the next reader. */
static void
test_open_unsynced(void)
{
    const char *path = db_path("unsynced.db");
    gv_db *db = NULL, *rd = NULL;
    gv_err err = GV_ERR_INIT;
    gv_buf v = GV_BUF_INIT;

    CHECK(gv_db_open(path, GV_DB_WRITE_UNSYNCED, &db, &err) == GV_OK);
    if (!db)
        return;
    CHECK(add_doc(db, "Qone", "an unsynced document", 0) == GV_OK);
    CHECK(gv_db_set_metadata(db, "stamp", "kept", &err) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    gv_db_close(db);
    CHECK(gv_db_open(path, GV_DB_READ, &rd, &err) == GV_OK);
    if (!rd)
        return;
    CHECK(doc_count(rd) == 1);
    CHECK(count_hits(rd, "unsynced") == 1);
    CHECK(gv_db_get_metadata(rd, "stamp", &v, &err) == GV_OK);
    CHECK(v.len == 4 && memcmp(v.data, "kept", 4) == 0);
    gv_buf_release(&v);
    gv_db_close(rd);
}

static void
test_open_errors(void)
{
    gv_db *db = NULL, *db2 = NULL;
    gv_err err = GV_ERR_INIT;
    const char *path = db_path("locked.db");

    /* A second writer is refused while the first holds the lock. */
    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    CHECK(gv_db_open(path, GV_DB_WRITE, &db2, &err) == GV_ELOCKED);
    CHECK(db2 == NULL);
    CHECK(err.code == GV_ELOCKED && strstr(err.msg, path) != NULL);
    /* Readers are not blocked by the writer. */
    gv_db *rd = NULL;
    gv_err_clear(&err);
    CHECK(gv_db_open(path, GV_DB_READ, &rd, &err) == GV_OK);
    gv_db_close(rd);
    /* Once the first writer closes, the lock is free again. */
    gv_db_close(db);
    db = NULL;
    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    gv_db_close(db);
    db = NULL;

    /* Reading a path that does not exist: I/O error naming the path. */
    path = db_path("missing.db");
    gv_err_clear(&err);
    CHECK(gv_db_open(path, GV_DB_READ, &db, &err) == GV_EIO);
    CHECK(db == NULL);
    CHECK(strstr(err.msg, path) != NULL);
    CHECK(strstr(err.msg, strerror(ENOENT)) != NULL);
    /* Read mode never creates. */
    struct stat sb;
    CHECK(stat(path, &sb) != 0);

    /* A directory that is not an index. */
    path = db_path("not-an-index");
    CHECK(mkdir(path, 0700) == 0);
    gv_err_clear(&err);
    CHECK(gv_db_open(path, GV_DB_READ, &db, &err) == GV_EIO);
    CHECK(db == NULL && strstr(err.msg, path) != NULL);
    rmdir(path);

    /* Creating under a folder that does not exist fails as I/O. */
    path = db_path("no/such/folder/x.db");
    gv_err_clear(&err);
    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_EIO);
    CHECK(db == NULL && err.msg[0] != '\0');
}

static void
test_corrupt(void)
{
    const char *path = db_path("corrupt.db");
    gv_db *db = NULL;
    gv_err err = GV_ERR_INIT;
    char file[4200];

    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    if (!db)
        return;
    CHECK(add_doc(db, "Qa", "some words to index", 0) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    gv_db_close(db);
    db = NULL;

    /* Garbage in place of the version file: Xapian reports the index as
     * corrupt, which must come out as GV_ECORRUPT with the path. */
    snprintf(file, sizeof(file), "%s/iamglass", path);
    FILE *f = fopen(file, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("this is not a glass version file, just some junk bytes", f);
    fclose(f);
    gv_status st = gv_db_open(path, GV_DB_READ, &db, &err);
    CHECK(st == GV_ECORRUPT);
    CHECK(db == NULL && strstr(err.msg, path) != NULL);
    gv_db_close(db);
}

static void
test_einval(void)
{
    const char *path = db_path("einval.db");
    gv_db *db = NULL, *rd = NULL;
    gv_xdoc *doc = NULL;
    gv_qparser *qp = NULL;
    gv_err err = GV_ERR_INIT;
    char big[GV_MAX_TERM_BYTES + 2];

    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    CHECK(gv_db_open(path, GV_DB_READ, &rd, &err) == GV_OK);
    CHECK(gv_xdoc_new("english", 0, &doc, &err) == GV_OK);
    if (!db || !rd || !doc)
        goto out;

    CHECK(gv_db_replace(rd, "Qx", doc, &err) == GV_EINVAL);
    CHECK(strstr(err.msg, "read-only") != NULL);
    gv_err_clear(&err);
    CHECK(gv_db_delete(rd, "Qx", &err) == GV_EINVAL);
    gv_err_clear(&err);
    CHECK(gv_db_replace(db, "", doc, &err) == GV_EINVAL);
    gv_err_clear(&err);
    memset(big, 'Q', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0'; /* GV_MAX_TERM_BYTES + 1 bytes */
    CHECK(gv_db_replace(db, big, doc, &err) == GV_EINVAL);
    gv_err_clear(&err);
    CHECK(gv_xdoc_add_boolean_term(doc, big, &err) == GV_EINVAL);
    gv_err_clear(&err);
    CHECK(gv_xdoc_add_boolean_term(doc, "", &err) == GV_EINVAL);
    gv_err_clear(&err);
    /* The longest allowed term goes in. */
    big[GV_MAX_TERM_BYTES] = '\0';
    CHECK(gv_db_replace(db, big, doc, &err) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    CHECK(doc_count(db) == 1);

    /* Unknown stemming languages. */
    gv_xdoc *bad = NULL;
    CHECK(gv_xdoc_new("klingon", 0, &bad, &err) == GV_EINVAL);
    CHECK(bad == NULL && strstr(err.msg, "klingon") != NULL);
    gv_err_clear(&err);
    CHECK(gv_qparser_new(rd, "klingon", 0, &qp, &err) == GV_EINVAL);
    CHECK(qp == NULL);
    gv_err_clear(&err);
    /* "" and "none" mean no stemming, not an error. */
    CHECK(gv_xdoc_new("", 0, &bad, &err) == GV_OK);
    gv_xdoc_free(bad);
    CHECK(gv_xdoc_new("none", 0, &bad, &err) == GV_OK);
    gv_xdoc_free(bad);
    CHECK(gv_qparser_new(rd, "none", 0, &qp, &err) == GV_OK);
    gv_qparser_free(qp);
    gv_xdoc_free(NULL);
    gv_qparser_free(NULL);
out:
    gv_xdoc_free(doc);
    gv_db_close(rd);
    gv_db_close(db);
}

/* A small corpus for the query tests. */
static gv_db *
make_corpus(void)
{
    const char *path = db_path("corpus.db");
    gv_db *db = NULL;
    gv_err err = GV_ERR_INIT;
    static const char *const docs[][2] = {
        {"Qapple-banana", "apple banana"},
        {"Qapple-cherry", "apple cherry"},
        {"Qbanana-cherry", "banana cherry"},
        {"Qplea", "The defendant accepted a plea bargain on Monday."},
        {"Qapart",
         "He made no plea of any kind, and the prosecutors in the case "
         "would never bargain over the core charges."},
        {"Qjudicial", "a judicial review of the order"},
        {"Qjudiciary", "the judiciary is independent"},
        {"Qjudge", "the judge ruled"},
    };

    if (gv_db_open(path, GV_DB_WRITE, &db, &err) != GV_OK)
        return NULL;
    for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++)
        CHECK(add_doc(db, docs[i][0], docs[i][1], 0) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    return db;
}

static void
test_queries(void)
{
    gv_db *db = make_corpus();
    gv_qparser *qp = NULL;
    gv_query *q = NULL;
    gv_err err = GV_ERR_INIT;

    CHECK(db != NULL);
    if (!db)
        return;

    /* Plain words: all must match under AND, any under OR. */
    CHECK(count_hits_op(db, "apple banana", GV_OP_AND, 0, NULL) == 1);
    CHECK(count_hits_op(db, "apple banana", GV_OP_OR, 0, NULL) == 3);
    CHECK(count_hits(db, "apple OR cherry") == 3);
    CHECK(count_hits(db, "apple AND NOT banana") == 1);
    CHECK(count_hits(db, "cherry -apple") == 1);

    /* A phrase needs the words adjacent; NEAR a small window. */
    CHECK(count_hits(db, "plea bargain") == 2);
    CHECK(count_hits(db, "\"plea bargain\"") == 1);
    CHECK(count_hits(db, "plea NEAR/3 bargain") == 1);
    CHECK(count_hits(db, "plea NEAR/30 bargain") == 2);
    CHECK(count_hits(db, "\"bargain plea\"") == 0);

    /* Stemming: "ruling" and "ruled" share the stem "rule". */
    CHECK(count_hits(db, "rules") == 1);

    /* A trailing wildcard expands over the terms in the database. */
    CHECK(count_hits(db, "judic*") == 2);
    CHECK(count_hits(db, "judg*") == 1);
    CHECK(count_hits(db, "zzz*") == 0);

    /* Syntax errors come back as GV_EQUERY with Xapian's message. */
    CHECK(gv_qparser_new(db, "english", 0, &qp, &err) == GV_OK);
    if (qp) {
        CHECK(gv_qparser_parse(qp, "foo AND", &q, &err) == GV_EQUERY);
        CHECK(q == NULL && err.code == GV_EQUERY && err.msg[0] != '\0');
        gv_err_clear(&err);

        /* An empty query parses to a query that matches nothing. */
        CHECK(gv_qparser_parse(qp, "", &q, &err) == GV_OK);
        CHECK(q && gv_query_is_empty(q));
        gv_query_free(q);
        q = NULL;

        CHECK(gv_qparser_parse(qp, "apple \"plea bargain\"", &q, &err) ==
              GV_OK);
        CHECK(q && !gv_query_is_empty(q));
        char *d = q ? gv_query_describe(q) : NULL;
        CHECK(d != NULL);
        CHECK(d && strstr(d, "Query(") == d);
        /* Stemmed words carry Xapian's Z prefix; the phrase is kept. */
        CHECK(d && strstr(d, "Zappl") && strstr(d, "PHRASE"));
        free(d);
        gv_query_free(q);
        q = NULL;

        /* Added prefixes: a free-text field and a boolean filter. */
        CHECK(gv_qparser_add_prefix(qp, "tag", "XTAG", false, &err) == GV_OK);
        CHECK(gv_qparser_add_prefix(qp, "id", "Q", true, &err) == GV_OK);
        CHECK(gv_qparser_parse(qp, "id:apple-banana", &q, &err) == GV_OK);
        d = q ? gv_query_describe(q) : NULL;
        CHECK(d && strstr(d, "Qapple-banana") != NULL);
        free(d);
        if (q) {
            gv_search_opts opts = GV_SEARCH_OPTS_INIT;
            gv_mset *ms = NULL;
            CHECK(gv_db_search(db, q, &opts, &ms, &err) == GV_OK);
            CHECK(ms && gv_mset_size(ms) == 1);
            gv_mset_free(ms);
        }
        gv_query_free(q);
        q = NULL;
        CHECK(gv_qparser_parse(qp, "tag:apple", &q, &err) == GV_OK);
        d = q ? gv_query_describe(q) : NULL;
        CHECK(d && strstr(d, "XTAG") != NULL);
        free(d);
        gv_query_free(q);
        q = NULL;
    }
    gv_qparser_free(qp);
    gv_query_free(NULL);
    gv_db_close(db);
}

static void
test_positions_gap(void)
{
    const char *path = db_path("gap.db");
    gv_db *db = NULL;
    gv_xdoc *doc = NULL;
    gv_err err = GV_ERR_INIT;

    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    CHECK(gv_xdoc_new("english", 0, &doc, &err) == GV_OK);
    if (!db || !doc)
        goto out;
    /* Two fields, like title and body: a phrase must not span them. */
    CHECK(gv_xdoc_index_text(doc, "alpha beta", 10, 1, "", true, &err) ==
          GV_OK);
    CHECK(gv_xdoc_skip_positions(doc, 100, &err) == GV_OK);
    CHECK(gv_xdoc_index_text(doc, "gamma delta", 11, 1, "", true, &err) ==
          GV_OK);
    /* Without positions: findable, not in phrases. */
    CHECK(gv_xdoc_index_text(doc, "epsilon zeta", 12, 1, "", false, &err) ==
          GV_OK);
    /* Only the first len bytes are indexed. */
    CHECK(gv_xdoc_index_text(doc, "omega theta", 5, 1, "", true, &err) ==
          GV_OK);
    CHECK(gv_db_replace(db, "Qgap", doc, &err) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    CHECK(count_hits(db, "\"alpha beta\"") == 1);
    CHECK(count_hits(db, "\"gamma delta\"") == 1);
    CHECK(count_hits(db, "\"beta gamma\"") == 0);
    CHECK(count_hits(db, "beta gamma") == 1);
    CHECK(count_hits(db, "epsilon zeta") == 1);
    CHECK(count_hits(db, "omega") == 1);
    CHECK(count_hits(db, "theta") == 0);
out:
    gv_xdoc_free(doc);
    gv_db_close(db);
}

static void
test_cjk(void)
{
    const char *path = db_path("cjk.db");
    gv_db *db = NULL;
    gv_err err = GV_ERR_INIT;
    char top[256];

    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    if (!db)
        return;
    CHECK(add_doc(db, "Qzh",
                  "\xe6\x9c\x80\xe9\xab\x98\xe4\xba\xba\xe6\xb0\x91\xe6\xb3"
                  "\x95\xe9\x99\xa2\xe9\x83\xa8\xe7\xbd\xb2\xe6\x95\xb4\xe6"
                  "\xb2\xbb\xe5\x8f\xb8\xe6\xb3\x95\xe8\x85\x90\xe8\xb4\xa5",
                  GV_TEXT_CJK_NGRAM) == GV_OK);
    CHECK(add_doc(db, "Qen", "judicial corruption in English", 0) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    /* 司法腐败 ("judicial corruption") sits inside the unsegmented text:
     * n-grams find it without a word splitter. */
    CHECK(count_hits_op(db, "\xe5\x8f\xb8\xe6\xb3\x95\xe8\x85\x90\xe8\xb4\xa5",
                        GV_OP_AND, GV_TEXT_CJK_NGRAM, top) == 1);
    CHECK(strncmp(top, "\xe6\x9c\x80\xe9\xab\x98", 6) == 0);
    /* 法院 ("court") too; 美国 ("USA") is not there. */
    CHECK(count_hits_op(db, "\xe6\xb3\x95\xe9\x99\xa2", GV_OP_AND,
                        GV_TEXT_CJK_NGRAM, NULL) == 1);
    CHECK(count_hits_op(db, "\xe7\xbe\x8e\xe5\x9b\xbd", GV_OP_AND,
                        GV_TEXT_CJK_NGRAM, NULL) == 0);
    CHECK(count_hits_op(db, "corruption", GV_OP_AND, GV_TEXT_CJK_NGRAM, top) ==
          1);
    CHECK(strncmp(top, "judicial", 8) == 0);
    gv_db_close(db);
}

static void
test_ranking_and_mset(void)
{
    const char *path = db_path("rank.db");
    gv_db *db = NULL;
    gv_qparser *qp = NULL;
    gv_query *q = NULL;
    gv_mset *ms = NULL;
    gv_err err = GV_ERR_INIT;
    gv_search_opts opts = GV_SEARCH_OPTS_INIT;
    gv_hit hit;
    char name[32];

    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    if (!db)
        return;
    /* Same length, so only the term's frequency tells them apart; the
     * many-times doc goes in between the others so docid order is not
     * the ranking. */
    CHECK(add_doc(db, "Qonce",
                  "fraud alpha beta gamma delta epsilon zeta eta theta iota",
                  0) == GV_OK);
    CHECK(add_doc(db, "Qmany",
                  "fraud fraud fraud fraud fraud fraud alpha beta gamma delta",
                  0) == GV_OK);
    for (int i = 0; i < 20; i++) {
        snprintf(name, sizeof(name), "Qfiller%d", i);
        CHECK(add_doc(db, name, "unrelated words about the weather", 0) ==
              GV_OK);
    }
    CHECK(gv_db_commit(db, &err) == GV_OK);

    CHECK(gv_qparser_new(db, "english", 0, &qp, &err) == GV_OK);
    CHECK(qp && gv_qparser_parse(qp, "fraud", &q, &err) == GV_OK);
    if (!q)
        goto out;
    opts.check_at_least = 100;
    CHECK(gv_db_search(db, q, &opts, &ms, &err) == GV_OK);
    if (!ms)
        goto out;
    CHECK(gv_mset_size(ms) == 2);
    CHECK(gv_mset_estimate(ms) == 2);
    CHECK(gv_mset_lower_bound(ms) == 2 && gv_mset_upper_bound(ms) == 2);
    CHECK(gv_mset_hit(ms, 0, &hit, &err) == GV_OK);
    CHECK(hit.rank == 0 && hit.data_len > 0);
    CHECK(strncmp(hit.data, "fraud fraud", 11) == 0);
    CHECK(hit.percent > 0 && hit.percent <= 100);
    double top = hit.weight;
    unsigned top_id = hit.docid;
    CHECK(gv_mset_hit(ms, 1, &hit, &err) == GV_OK);
    CHECK(hit.rank == 1 && strncmp(hit.data, "fraud alpha", 11) == 0);
    CHECK(top > hit.weight && hit.weight > 0 && top_id != hit.docid);
    /* Reading a hit twice gives the same data. */
    CHECK(gv_mset_hit(ms, 1, &hit, &err) == GV_OK && hit.rank == 1);

    /* Out of range: GV_EINVAL, and *out is cleared. */
    CHECK(gv_mset_hit(ms, 2, &hit, &err) == GV_EINVAL);
    CHECK(hit.data == NULL && hit.data_len == 0);
    gv_err_clear(&err);
    CHECK(gv_mset_hit(ms, 1000000, &hit, &err) == GV_EINVAL);
    gv_err_clear(&err);
    const char *v = NULL;
    size_t vlen = 99;
    CHECK(gv_mset_value(ms, 5, 0, &v, &vlen, &err) == GV_EINVAL);
    gv_err_clear(&err);
    /* An unset slot reads as "". */
    CHECK(gv_mset_value(ms, 0, 7, &v, &vlen, &err) == GV_OK);
    CHECK(v && vlen == 0 && v[0] == '\0');
    gv_mset_free(ms);
    ms = NULL;

    /* Offset and limit page through the ranking. */
    opts.offset = 1;
    opts.limit = 10;
    CHECK(gv_db_search(db, q, &opts, &ms, &err) == GV_OK);
    if (ms) {
        CHECK(gv_mset_size(ms) == 1);
        CHECK(gv_mset_hit(ms, 0, &hit, &err) == GV_OK && hit.rank == 1);
        CHECK(strncmp(hit.data, "fraud alpha", 11) == 0);
        gv_mset_free(ms);
        ms = NULL;
    }

    /* The bounds bracket the estimate for a wide query with a small
     * page, and the page never exceeds the limit. */
    gv_query_free(q);
    q = NULL;
    opts = (gv_search_opts)GV_SEARCH_OPTS_INIT;
    opts.limit = 3;
    CHECK(gv_qparser_parse(qp, "weather OR fraud", &q, &err) == GV_OK);
    if (q)
        CHECK(gv_db_search(db, q, &opts, &ms, &err) == GV_OK);
    if (ms) {
        CHECK(gv_mset_size(ms) == 3);
        CHECK(gv_mset_lower_bound(ms) <= gv_mset_estimate(ms));
        CHECK(gv_mset_estimate(ms) <= gv_mset_upper_bound(ms));
        CHECK(gv_mset_upper_bound(ms) <= 22 && gv_mset_lower_bound(ms) >= 3);
        gv_mset_free(ms);
        ms = NULL;
    }

    /* Chosen BM25 parameters still rank by term frequency. */
    gv_query_free(q);
    q = NULL;
    opts = (gv_search_opts)GV_SEARCH_OPTS_INIT;
    opts.bm25_k1 = 2.0;
    opts.bm25_b = 0.75;
    CHECK(gv_qparser_parse(qp, "fraud", &q, &err) == GV_OK);
    if (q)
        CHECK(gv_db_search(db, q, &opts, &ms, &err) == GV_OK);
    if (ms) {
        CHECK(gv_mset_hit(ms, 0, &hit, &err) == GV_OK);
        CHECK(strncmp(hit.data, "fraud fraud", 11) == 0);
    }
out:
    gv_mset_free(ms);
    gv_mset_free(NULL);
    gv_query_free(q);
    gv_qparser_free(qp);
    gv_db_close(db);
}

static void
test_values_and_snippets(void)
{
    const char *path = db_path("snippet.db");
    const char *text = "Officials said the fraud & bribery case <in court> "
                       "would resume next week.";
    gv_db *db = NULL;
    gv_xdoc *doc = NULL;
    gv_qparser *qp = NULL;
    gv_query *q = NULL;
    gv_mset *ms = NULL;
    gv_err err = GV_ERR_INIT;
    gv_search_opts opts = GV_SEARCH_OPTS_INIT;
    char *snip = NULL;

    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    CHECK(gv_xdoc_new("english", 0, &doc, &err) == GV_OK);
    if (!db || !doc)
        goto out;
    CHECK(gv_xdoc_index_text(doc, text, strlen(text), 1, "", true, &err) ==
          GV_OK);
    CHECK(gv_xdoc_set_value(doc, 0, "20210111", 8, &err) == GV_OK);
    CHECK(gv_xdoc_set_value(doc, 3, "a\0b", 3, &err) == GV_OK);
    CHECK(gv_xdoc_set_data(doc, text, strlen(text), &err) == GV_OK);
    CHECK(gv_db_replace(db, "Qsnip", doc, &err) == GV_OK);
    CHECK(add_doc(db, "Qother", "something else entirely", 0) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);

    CHECK(gv_qparser_new(db, "english", 0, &qp, &err) == GV_OK);
    CHECK(qp && gv_qparser_parse(qp, "bribery", &q, &err) == GV_OK);
    if (q)
        CHECK(gv_db_search(db, q, &opts, &ms, &err) == GV_OK);
    if (!ms)
        goto out;
    CHECK(gv_mset_size(ms) == 1);

    const char *v = NULL;
    size_t vlen = 0;
    CHECK(gv_mset_value(ms, 0, 0, &v, &vlen, &err) == GV_OK);
    CHECK(vlen == 8 && memcmp(v, "20210111", 8) == 0);
    /* Values are bytes: an embedded NUL survives. */
    CHECK(gv_mset_value(ms, 0, 3, &v, &vlen, &err) == GV_OK);
    CHECK(vlen == 3 && memcmp(v, "a\0b", 3) == 0);

    CHECK(gv_mset_snippet(ms, text, strlen(text), 200, "[[", "]]", "...", &snip,
                          &err) == GV_OK);
    CHECK(snip != NULL);
    if (snip) {
        CHECK(strstr(snip, "[[bribery]]") != NULL);
        CHECK(strstr(snip, "fraud &amp; ") != NULL);
        CHECK(strstr(snip, "&lt;in court&gt;") != NULL);
        CHECK(strstr(snip, "[[fraud]]") == NULL); /* not a query word */
        free(snip);
        snip = NULL;
    }
    /* A short length cuts the text and marks the cut with omit. */
    CHECK(gv_mset_snippet(ms, text, strlen(text), 30, "<b>", "</b>", "...",
                          &snip, &err) == GV_OK);
    CHECK(snip && strstr(snip, "<b>bribery</b>") && strstr(snip, "..."));
    CHECK(snip && strlen(snip) < strlen(text));
    free(snip);
    snip = NULL;
out:
    gv_mset_free(ms);
    gv_query_free(q);
    gv_qparser_free(qp);
    gv_xdoc_free(doc);
    gv_db_close(db);
}

static void
test_err(void)
{
    gv_err err = GV_ERR_INIT;

    CHECK(err.code == GV_OK && err.msg[0] == '\0');
    /* The first error is the cause; a later one must not hide it. */
    CHECK(gv_err_set(&err, GV_EIO, "first %s %d", "problem", 1) == GV_EIO);
    CHECK(gv_err_set(&err, GV_EQUERY, "second problem") == GV_EIO);
    CHECK(err.code == GV_EIO);
    CHECK_STR(err.msg, "first problem 1");
    gv_err_clear(&err);
    CHECK(err.code == GV_OK && err.msg[0] == '\0');
    CHECK(gv_err_set(&err, GV_EQUERY, "second problem") == GV_EQUERY);
    CHECK_STR(err.msg, "second problem");
    gv_err_clear(NULL);

    /* NULL err: the code still comes back. */
    CHECK(gv_err_set(NULL, GV_EBADDOC, "ignored") == GV_EBADDOC);

    /* A long message is cut, still NUL-terminated. */
    char longmsg[1000];
    memset(longmsg, 'm', sizeof(longmsg) - 1);
    longmsg[sizeof(longmsg) - 1] = '\0';
    gv_err_clear(&err);
    CHECK(gv_err_set(&err, GV_EXAPIAN, "%s", longmsg) == GV_EXAPIAN);
    CHECK(strlen(err.msg) == sizeof(err.msg) - 1);

    /* A real first error from the binding is kept across a second. */
    gv_db *db = NULL;
    gv_err_clear(&err);
    CHECK(gv_db_open(db_path("missing-1"), GV_DB_READ, &db, &err) == GV_EIO);
    CHECK(gv_db_open(db_path("missing-2"), GV_DB_READ, &db, &err) == GV_EIO);
    CHECK(strstr(err.msg, "missing-1") && !strstr(err.msg, "missing-2"));

    static const struct {
        gv_status code;
        const char *name;
    } names[] = {
        {GV_OK, "ok"},
        {GV_ENOMEM, "out of memory"},
        {GV_EINVAL, "invalid argument"},
        {GV_EIO, "I/O error"},
        {GV_EQUERY, "query error"},
        {GV_ELOCKED, "database locked"},
        {GV_ECORRUPT, "database corrupt"},
        {GV_EBADDOC, "bad document"},
        {GV_EXAPIAN, "Xapian error"},
        {GV_EINTERNAL, "internal error"},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        CHECK_STR(gv_status_name(names[i].code), names[i].name);
    CHECK_STR(gv_status_name((gv_status)99), "unknown error");

    const char *v = gv_xapian_version();
    CHECK(v != NULL && v[0] >= '1' && v[0] <= '9' && strchr(v, '.'));
}

/* Write @p text to the file @p name under the test's folder. */
static void
write_file(const char *name, const char *text)
{
    FILE *f = fopen(db_path(name), "w");

    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A loopback TCP port where nothing listens (bound, then let go). */
static unsigned
closed_port(void)
{
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    unsigned port = 0;

    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
        getsockname(fd, (struct sockaddr *)&a, &len) == 0)
        port = ntohs(a.sin_port);
    if (fd >= 0)
        close(fd);
    return port;
}

/* Open the stub @p name read-only as one database (gv_db_open_many()). */
static gv_status
open_stub(const char *name, bool partial, gv_db **out, gv_err *err)
{
    gv_db_open_opts opts = GV_DB_OPEN_OPTS_INIT;
    const char *path = db_path(name);

    opts.partial = partial;
    opts.timeout_ms = opts.connect_timeout_ms = 2000;
    return gv_db_open_many(&path, 1, &opts, out, err);
}

static void
test_shards(void)
{
    const char *paths[2];
    gv_db_open_opts opts = GV_DB_OPEN_OPTS_INIT;
    gv_db *db = NULL;
    gv_err err = GV_ERR_INIT;
    char text[256];
    bool remote = true, marked = false;
    unsigned port = closed_port();

    /* Two shards of two documents each. */
    CHECK(gv_db_open(db_path("shard-a.db"), GV_DB_WRITE, &db, &err) == GV_OK);
    CHECK(add_doc(db, "Qa1", "appeal court ruling", 0) == GV_OK);
    CHECK(add_doc(db, "Qa2", "court fees rise", 0) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    gv_db_close(db);
    CHECK(gv_db_open(db_path("shard-b.db"), GV_DB_WRITE, &db, &err) == GV_OK);
    CHECK(add_doc(db, "Qb1", "supreme court appeal", 0) == GV_OK);
    CHECK(add_doc(db, "Qb2", "bail hearing", 0) == GV_OK);
    CHECK(gv_db_set_metadata(db, "mark", "1", &err) == GV_OK);
    CHECK(gv_db_metadata_everywhere(db, "mark", &marked, &err) == GV_OK);
    CHECK(marked);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    gv_db_close(db);

    /* Several paths are one database, with hits from both; metadata is
     * everywhere only when each shard holds it. */
    paths[0] = db_path("shard-a.db");
    paths[1] = db_path("shard-b.db");
    CHECK(gv_db_open_many(paths, 2, &opts, &db, &err) == GV_OK);
    if (db) {
        CHECK(gv_db_shard_count(db) == 2);
        CHECK(doc_count(db) == 4);
        CHECK(count_hits(db, "court") == 3);
        CHECK(count_hits(db, "appeal") == 2);
        CHECK(gv_db_missing_count(db) == 0);
        CHECK(gv_db_metadata_everywhere(db, "mark", &marked, &err) == GV_OK);
        CHECK(!marked);
        gv_db_close(db);
        db = NULL;
    }
    CHECK(gv_db_open_many(paths + 1, 1, &opts, &db, &err) == GV_OK);
    if (db) {
        CHECK(gv_db_metadata_everywhere(db, "mark", &marked, &err) == GV_OK);
        CHECK(marked);
        gv_db_close(db);
        db = NULL;
    }

    /* A stub: comments, blank lines, CRLF, paths relative to the stub,
     * a nested stub. */
    write_file("inner.stub", "glass shard-b.db\r\n");
    write_file("all.stub",
               "# two shards\n\nauto shard-a.db\nauto inner.stub\n");
    CHECK(open_stub("all.stub", false, &db, &err) == GV_OK);
    if (db) {
        CHECK(gv_db_shard_count(db) == 2);
        CHECK_STR(gv_db_shard_name(db, 0, &remote), db_path("shard-a.db"));
        CHECK(!remote);
        CHECK(doc_count(db) == 4);
        CHECK(count_hits(db, "court") == 3);
        gv_db_close(db);
        db = NULL;
    }
    /* An empty stub is an empty database. */
    write_file("empty.stub", "# nothing yet\n");
    CHECK(open_stub("empty.stub", false, &db, &err) == GV_OK);
    if (db) {
        CHECK(gv_db_shard_count(db) == 0);
        CHECK(doc_count(db) == 0);
        gv_db_close(db);
        db = NULL;
    }

    /* Bad stubs: an unknown line, a bad remote line, a loop, a missing
     * shard; each names the stub. */
    write_file("bad.stub", "auto shard-a.db\nflint old.db\n");
    CHECK(open_stub("bad.stub", false, &db, &err) == GV_EINVAL);
    CHECK(db == NULL);
    CHECK(strstr(err.msg, "bad.stub' line 2: not a database line") != NULL);
    gv_err_clear(&err);
    write_file("bad.stub", "remote 127.0.0.1:99999\n");
    CHECK(open_stub("bad.stub", false, &db, &err) == GV_EINVAL);
    CHECK(strstr(err.msg, "expected remote HOST:PORT") != NULL);
    gv_err_clear(&err);
    write_file("loop.stub", "auto loop.stub\n");
    CHECK(open_stub("loop.stub", false, &db, &err) == GV_EINVAL);
    CHECK(strstr(err.msg, "nested more than") != NULL);
    gv_err_clear(&err);
    write_file("bad.stub", "auto nowhere.db\n");
    CHECK(open_stub("bad.stub", true, &db, &err) == GV_EIO);
    CHECK(strstr(err.msg, "cannot open shard") != NULL &&
          strstr(err.msg, "nowhere.db") != NULL);
    gv_err_clear(&err);

    /* A remote shard nobody serves: an error naming it; with partial,
     * left out, unless no shard is left. */
    CHECK(port != 0);
    snprintf(text, sizeof(text), "auto shard-a.db\nremote 127.0.0.1:%u\n",
             port);
    write_file("down.stub", text);
    CHECK(open_stub("down.stub", false, &db, &err) == GV_EIO);
    snprintf(text, sizeof(text), "cannot reach shard '127.0.0.1:%u' (in '%s')",
             port, db_path("down.stub"));
    CHECK(strstr(err.msg, text) != NULL);
    gv_err_clear(&err);
    CHECK(open_stub("down.stub", true, &db, &err) == GV_OK);
    if (db) {
        CHECK(gv_db_shard_count(db) == 1);
        CHECK(gv_db_missing_count(db) == 1);
        snprintf(text, sizeof(text), "'127.0.0.1:%u' (in '%s'): ", port,
                 db_path("down.stub"));
        CHECK(strncmp(gv_db_missing(db, 0), text, strlen(text)) == 0);
        CHECK(count_hits(db, "court") == 2);
        gv_db_close(db);
        db = NULL;
    }
    snprintf(text, sizeof(text), "remote 127.0.0.1:%u\n", port);
    write_file("down.stub", text);
    CHECK(open_stub("down.stub", true, &db, &err) == GV_EIO);
    CHECK(strstr(err.msg, "no shard answered") != NULL);
    gv_err_clear(&err);

    /* Compaction merges the shards of a stub into one database. */
    paths[0] = db_path("all.stub");
    CHECK(gv_db_compact(paths, 1, db_path("merged.db"), &err) == GV_OK);
    CHECK(gv_db_open(db_path("merged.db"), GV_DB_READ, &db, &err) == GV_OK);
    if (db) {
        CHECK(gv_db_shard_count(db) == 1);
        CHECK(doc_count(db) == 4);
        CHECK(count_hits(db, "court") == 3);
        gv_db_close(db);
        db = NULL;
    }
    CHECK(gv_db_compact(paths, 1, db_path("merged.db"), &err) == GV_EINVAL);
    CHECK(strstr(err.msg, "already exists") != NULL);
    gv_err_clear(&err);
}

int
main(void)
{
    const char *tmp = getenv("TMPDIR");
    char tmpl[2048];

    snprintf(tmpl, sizeof(tmpl), "%s/test_xdb_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(tmpl)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(tmpdir, sizeof(tmpdir), "%s", tmpl);

    test_open_write_read();
    test_shared_postings();
    test_open_unsynced();
    test_open_errors();
    test_corrupt();
    test_einval();
    test_queries();
    test_positions_gap();
    test_cjk();
    test_ranking_and_mset();
    test_values_and_snippets();
    test_err();
    test_shards();

    /* The databases are directories of files: rm -r is simplest. */
    char cmd[4200];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return CHECK_DONE();
}
