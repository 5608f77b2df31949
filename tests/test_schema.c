/* Unit tests of common/schema.h over a real temp index: what the indexer
 * writes (id term, field and date terms, date value, stored record) must
 * be what the searcher's query fields and record parser read back. */
#include "schema.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "utf8.h"

static char tmpdir[2048];

static const char article_text[] =
    "Title: Judge jails banker for bribery\n"
    "Date: January 11, 2021\n"
    "Source: Reuters\n"
    "Author: Amara Okafor\n"
    "Place: London\n"
    "URL: https://news.example.com/2021/01/11/banker\n"
    "\n"
    "The High Court sentenced a former banker on Monday after a long trial.\n"
    "Prosecutors had sought his extradition from Spain in 2019.\n";

static const char article_path[] = "/archive/uk/banker-jailed.txt";

static void
test_id_term(void)
{
    gv_buf a = GV_BUF_INIT, b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    char key[1200];

    CHECK(gv_schema_id_term("/archive/a.txt", NULL, &a, &err) == GV_OK);
    CHECK_STR(a.data, "Q/archive/a.txt");
    /* The buffer is reset, not appended to. */
    CHECK(gv_schema_id_term("/b", NULL, &a, &err) == GV_OK);
    CHECK_STR(a.data, "Q/b");

    /* The longest key that fits whole: the term is exactly the limit. */
    memset(key, 'k', GV_MAX_TERM_BYTES - 1);
    key[GV_MAX_TERM_BYTES - 1] = '\0';
    CHECK(gv_schema_id_term(key, NULL, &a, &err) == GV_OK);
    CHECK(a.len == GV_MAX_TERM_BYTES && a.data[0] == 'Q');
    CHECK(strcmp(a.data + 1, key) == 0);

    /* Longer keys are shortened, and stay distinct when only their ends
     * differ (deep archive paths share long prefixes). */
    memset(key, 'k', 1000);
    strcpy(key + 1000, "/one.txt");
    CHECK(gv_schema_id_term(key, NULL, &a, &err) == GV_OK);
    CHECK(a.len <= GV_MAX_TERM_BYTES && a.len > 100);
    CHECK(a.data[0] == 'Q' && strncmp(a.data + 1, key, 100) == 0);
    strcpy(key + 1000, "/two.txt");
    CHECK(gv_schema_id_term(key, NULL, &b, &err) == GV_OK);
    CHECK(b.len <= GV_MAX_TERM_BYTES && b.data[0] == 'Q');
    CHECK(strcmp(a.data, b.data) != 0);
    /* ... and the same key always gives the same term. */
    CHECK(gv_schema_id_term(key, NULL, &a, &err) == GV_OK);
    CHECK_STR(a.data, b.data);

    /* One byte over the whole-key limit already takes the hashed form. */
    memset(key, 'k', GV_MAX_TERM_BYTES);
    key[GV_MAX_TERM_BYTES] = '\0';
    CHECK(gv_schema_id_term(key, NULL, &a, &err) == GV_OK);
    CHECK(a.len <= GV_MAX_TERM_BYTES);
    key[GV_MAX_TERM_BYTES - 1] = '\0';
    CHECK(gv_schema_id_term(key, NULL, &b, &err) == GV_OK);
    CHECK(strcmp(a.data, b.data) != 0);

    /* A long multibyte key is not cut inside a character. */
    key[0] = '\0';
    for (int i = 0; i < 300; i++)
        strcat(key, "\xe6\xb3\x95");
    CHECK(gv_schema_id_term(key, NULL, &a, &err) == GV_OK);
    CHECK(a.len <= GV_MAX_TERM_BYTES && gv_utf8_is_valid(a.data, a.len));
    CHECK(err.code == GV_OK);
    gv_buf_release(&a);
    gv_buf_release(&b);
}

/* The body text of hit @p i of @p ms, decoded, into @p out. */
static gv_status
stored_body(gv_mset *ms, unsigned i, gv_buf *out)
{
    const char *v = NULL;
    size_t vlen = 0;
    gv_err err = GV_ERR_INIT;
    gv_status st = gv_mset_value(ms, i, GV_SLOT_BODY, &v, &vlen, &err);

    if (st == GV_OK)
        st = gv_schema_body_decode(v, vlen, out, &err);
    if (st != GV_OK)
        fprintf(stderr, "  stored body: %s\n", err.msg);
    return st;
}

/* Store article @p a read from @p path in @p db under its id term. */
static gv_status
store(gv_db *db, const gv_article *a, const char *path)
{
    gv_buf id = GV_BUF_INIT;
    gv_xdoc *doc = NULL;
    gv_err err = GV_ERR_INIT;
    gv_status st = gv_schema_id_term(path, NULL, &id, &err);

    if (st == GV_OK)
        st = gv_schema_build_doc(a, path, NULL, &doc, &err);
    if (st == GV_OK)
        st = gv_db_replace(db, id.data, doc, &err);
    if (st != GV_OK)
        fprintf(stderr, "  store %s: %s\n", path, err.msg);
    gv_xdoc_free(doc);
    gv_buf_release(&id);
    return st;
}

/* Run @p query the way gavel-search does; *ms for the caller to free. */
static int
search(gv_db *db, const char *query, gv_mset **ms)
{
    gv_qparser *qp = NULL;
    gv_query *q = NULL;
    gv_err err = GV_ERR_INIT;
    gv_search_opts opts = GV_SEARCH_OPTS_INIT;
    int n = -1;

    *ms = NULL;
    if (gv_qparser_new(db, GV_STEM_LANG, GV_TEXT_FLAGS, &qp, &err) == GV_OK &&
        gv_schema_add_query_fields(qp, &err) == GV_OK &&
        gv_qparser_parse(qp, query, &q, &err) == GV_OK &&
        gv_db_search(db, q, &opts, ms, &err) == GV_OK)
        n = (int)gv_mset_size(*ms);
    if (n < 0)
        fprintf(stderr, "  query '%s': %s\n", query, err.msg);
    gv_query_free(q);
    gv_qparser_free(qp);
    return n;
}

static int
count(gv_db *db, const char *query)
{
    gv_mset *ms = NULL;
    int n = search(db, query, &ms);

    gv_mset_free(ms);
    return n;
}

static unsigned
term_freq(gv_db *db, const char *term)
{
    gv_err err = GV_ERR_INIT;
    unsigned n = 12345;

    if (gv_db_term_freq(db, term, &n, &err) != GV_OK)
        return 12345;
    return n;
}

static void
test_round_trip(gv_db *db)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;
    gv_mset *ms = NULL;
    unsigned n = 0;

    CHECK(gv_article_parse(article_text, sizeof(article_text) - 1, &a, &err) ==
          GV_OK);
    CHECK(store(db, &a, article_path) == GV_OK);
    /* Storing the same path again replaces, it does not add. */
    CHECK(store(db, &a, article_path) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    CHECK(gv_db_doc_count(db, &n, &err) == GV_OK && n == 1);

    /* Field searches, in the case people type them. */
    CHECK(count(db, "title:banker") == 1);
    CHECK(count(db, "title:jails") == 1);
    CHECK(count(db, "title:Judge") == 1);
    CHECK(count(db, "title:extradition") == 0); /* body only */
    CHECK(count(db, "author:okafor") == 1);
    CHECK(count(db, "author:Okafor") == 1);
    CHECK(count(db, "author:amara") == 1);
    CHECK(count(db, "author:london") == 0);
    CHECK(count(db, "source:reuters") == 1);
    CHECK(count(db, "source:okafor") == 0);
    CHECK(count(db, "place:london") == 1);
    CHECK(count(db, "place:reuters") == 0);
    CHECK(count(db, "place:london source:reuters title:bribery") == 1);

    /* Free text covers title and body, stemmed. */
    CHECK(count(db, "extradition") == 1);
    CHECK(count(db, "bribery") == 1);
    CHECK(count(db, "sentences") == 1);
    CHECK(count(db, "\"high court\"") == 1);
    /* The title's last word and the body's first are not a phrase. */
    CHECK(count(db, "\"bribery the\"") == 0);
    CHECK(count(db, "bribery the") == 1);

    /* Date terms and value, after Omega. */
    CHECK(term_freq(db, "D20210111") == 1);
    CHECK(term_freq(db, "M202101") == 1);
    CHECK(term_freq(db, "Y2021") == 1);
    CHECK(term_freq(db, "D20210112") == 0);
    CHECK(term_freq(db, "Y2020") == 0);
    gv_buf id = GV_BUF_INIT;
    CHECK(gv_schema_id_term(article_path, NULL, &id, &err) == GV_OK);
    CHECK(term_freq(db, id.data) == 1);
    gv_buf_release(&id);

    /* path: finds the file, and each folder above it. The file is a term
     * once (XFILE), not also an XPATH term, as in indexes made before. */
    CHECK(term_freq(db, "XPATH/archive") == 1);
    CHECK(term_freq(db, "XPATH/archive/uk") == 1);
    CHECK(term_freq(db, "XFILE/archive/uk/banker-jailed.txt") == 1);
    CHECK(term_freq(db, "XPATH/archive/uk/banker-jailed.txt") == 0);
    CHECK(count(db, "path:/archive/uk/banker-jailed.txt") == 1);
    CHECK(count(db, "path:/archive/uk/") == 1);
    CHECK(count(db, "path:/archive bribery") == 1);
    CHECK(count(db, "path:/archive/u") == 0);
    CHECK(count(db, "path:/archive/uk/banker-jailed.tx") == 0);

    CHECK(search(db, "title:banker", &ms) == 1);
    if (ms) {
        const char *v = NULL;
        size_t vlen = 0;
        gv_hit hit;
        gv_record r;

        CHECK(gv_mset_value(ms, 0, GV_SLOT_DATE, &v, &vlen, &err) == GV_OK);
        CHECK(vlen == 8 && memcmp(v, "20210111", 8) == 0);

        CHECK(gv_mset_hit(ms, 0, &hit, &err) == GV_OK);
        CHECK(gv_record_parse(hit.data, hit.data_len, &r, &err) == GV_OK);
        CHECK_STR(r.path, article_path);
        CHECK_STR(r.fields[GV_FIELD_TITLE], "Judge jails banker for bribery");
        CHECK_STR(r.fields[GV_FIELD_DATE], "2021-01-11");
        CHECK_STR(r.fields[GV_FIELD_SOURCE], "Reuters");
        CHECK_STR(r.fields[GV_FIELD_AUTHOR], "Amara Okafor");
        CHECK_STR(r.fields[GV_FIELD_PLACE], "London");
        CHECK_STR(r.fields[GV_FIELD_URL],
                  "https://news.example.com/2021/01/11/banker");
        gv_buf body = GV_BUF_INIT;
        CHECK(stored_body(ms, 0, &body) == GV_OK);
        CHECK(body.len == a.body_len &&
              memcmp(body.data, a.body, a.body_len) == 0);
        gv_buf_release(&body);
        gv_record_release(&r);
        gv_record_release(&r);
        gv_mset_free(ms);
    }
    gv_article_release(&a);
}

static void
test_escaped_record(gv_db *db)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;
    gv_mset *ms = NULL;
    const char *path = "/archive/odd\\name\nwith=newline.txt";
    const char *body = "Body mentions zygomorphic flowers.\nbody=not a key\n";
    char title[] = "Line one\nline two \\ back\\nslash = sign";

    /* Parsed articles never hold a newline in a value, but the record
     * format must survive one (and a path may have one). */
    memset(&a, 0, sizeof(a));
    a.fields[GV_FIELD_TITLE] = title;
    a.body = body;
    a.body_len = strlen(body);
    CHECK(store(db, &a, path) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);

    CHECK(search(db, "zygomorphic", &ms) == 1);
    if (ms) {
        gv_hit hit;
        gv_record r;
        CHECK(gv_mset_hit(ms, 0, &hit, &err) == GV_OK);
        CHECK(gv_record_parse(hit.data, hit.data_len, &r, &err) == GV_OK);
        CHECK_STR(r.path, path);
        CHECK_STR(r.fields[GV_FIELD_TITLE], title);
        /* No date: no date field, and no date value or terms. */
        CHECK(r.fields[GV_FIELD_DATE] == NULL);
        CHECK(r.fields[GV_FIELD_AUTHOR] == NULL);
        const char *v = NULL;
        size_t vlen = 99;
        gv_buf text = GV_BUF_INIT;
        CHECK(stored_body(ms, 0, &text) == GV_OK);
        CHECK_STR(text.data, body);
        gv_buf_release(&text);
        CHECK(gv_mset_value(ms, 0, GV_SLOT_DATE, &v, &vlen, &err) == GV_OK);
        CHECK(vlen == 0);
        gv_record_release(&r);
        gv_mset_free(ms);
    }
    CHECK(count(db, "title:line title:sign") == 1);
}

static void
test_big_body(gv_db *db)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;
    gv_mset *ms = NULL;
    size_t n = GV_MAX_STORED_BODY + 5000;
    char *body = malloc(n + 1);

    CHECK(body != NULL);
    if (!body)
        return;
    /* Numbered words all through, and a marker only past the stored
     * part. */
    for (size_t i = 0; i < n; i += 8)
        snprintf(body + i, n + 1 - i, "w%06zu ", i / 8);
    memcpy(body + n - 12, " xylophonic ", 12);
    body[n] = '\0';
    memset(&a, 0, sizeof(a));
    a.body = body;
    a.body_len = n;
    CHECK(store(db, &a, "/archive/big.txt") == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    /* The whole body is indexed, only its start is stored. */
    CHECK(search(db, "xylophonic", &ms) == 1);
    if (ms) {
        gv_hit hit;
        gv_record r;
        CHECK(gv_mset_hit(ms, 0, &hit, &err) == GV_OK);
        const char *v = NULL;
        size_t vlen = 0;
        CHECK(gv_record_parse(hit.data, hit.data_len, &r, &err) == GV_OK);
        gv_buf text = GV_BUF_INIT;
        CHECK(stored_body(ms, 0, &text) == GV_OK);
        CHECK(text.len == GV_MAX_STORED_BODY &&
              memcmp(text.data, body, text.len) == 0);
        gv_buf_release(&text);
        /* ... and it is stored compressed. */
        CHECK(gv_mset_value(ms, 0, GV_SLOT_BODY, &v, &vlen, &err) == GV_OK);
        CHECK(vlen < GV_MAX_STORED_BODY / 2);
        CHECK(r.fields[GV_FIELD_TITLE] == NULL);
        gv_record_release(&r);
        gv_mset_free(ms);
    }
    free(body);
}

/* A long, extremely repetitive article and very long fields: libxapian
 * 1.4.22 cannot read back some compressed data tags over 8 KiB, so the
 * body goes in a value and the record stays small. Every such document
 * must still be readable. */
static void
test_repetitive_and_long(gv_db *db)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;
    gv_mset *ms = NULL;
    char path[4096], title[GV_MAX_FIELD_BYTES + 1];
    size_t n = 8248; /* a size at which a data tag of this text fails */
    char *body = malloc(n + 1);

    CHECK(body != NULL);
    if (!body)
        return;
    for (size_t i = 0; i < n; i++)
        body[i] = "quokkas "[i % 8];
    body[n] = '\0';
    memset(path, 'p', sizeof(path) - 1);
    path[0] = '/';
    path[sizeof(path) - 1] = '\0';
    memset(title, 't', sizeof(title) - 1);
    title[sizeof(title) - 1] = '\0';
    memset(&a, 0, sizeof(a));
    a.body = body;
    a.body_len = n;
    for (int f = 0; f < GV_FIELD_COUNT; f++)
        if (f != GV_FIELD_DATE)
            a.fields[f] = title;
    CHECK(store(db, &a, path) == GV_OK);
    CHECK(gv_db_commit(db, &err) == GV_OK);
    CHECK(search(db, "quokkas", &ms) == 1);
    if (ms) {
        gv_hit hit;
        gv_record r;
        const char *v = NULL;
        size_t vlen = 0;
        CHECK(gv_mset_hit(ms, 0, &hit, &err) == GV_OK);
        CHECK(hit.data_len <= GV_MAX_RECORD_BYTES);
        CHECK(gv_record_parse(hit.data, hit.data_len, &r, &err) == GV_OK);
        CHECK_STR(r.path, path); /* the path is kept first */
        CHECK_STR(r.fields[GV_FIELD_TITLE], title);
        gv_buf text = GV_BUF_INIT;
        CHECK(stored_body(ms, 0, &text) == GV_OK);
        CHECK(text.len == n && memcmp(text.data, body, n) == 0);
        gv_buf_release(&text);
        CHECK(gv_mset_value(ms, 0, GV_SLOT_BODY, &v, &vlen, &err) == GV_OK);
        CHECK(vlen < 100);
        gv_record_release(&r);
        gv_mset_free(ms);
    }
    /* A path too long for a term is still found by path: (its XFILE term
     * holds a hash of it). */
    gv_buf q = GV_BUF_INIT;
    CHECK(gv_buf_printf(&q, &err, "path:%s", path) == GV_OK);
    CHECK(count(db, q.data) == 1);
    q.data[q.len - 1] = 'x';
    CHECK(count(db, q.data) == 0);
    gv_buf_release(&q);
    free(body);
}

/* Decode the @p len bytes at @p value: its status, and its text in
 * @p out. */
static gv_status
decode(const char *value, size_t len, gv_buf *out, gv_err *err)
{
    gv_err_clear(err);
    return gv_schema_body_decode(value, len, out, err);
}

static void
test_body_value(void)
{
    gv_buf value = GV_BUF_INIT, text = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    size_t n = GV_MAX_STORED_BODY;
    char *big = malloc(n + 2);
    const unsigned char *v;

    CHECK(big != NULL);
    if (!big)
        return;
    for (size_t i = 0; i <= n; i++)
        big[i] = "The court heard the appeal. "[i % 28];
    big[n + 1] = '\0';

    /* Text compresses: 0xff, its length, a zlib stream; and reads back. */
    CHECK(gv_schema_body_encode(big, 1000, &value, &err) == GV_OK);
    v = (const unsigned char *)value.data;
    CHECK(value.len > 5 && value.len < 200);
    CHECK(v[0] == 0xff && v[1] == 1000 % 256 && v[2] == 1000 / 256 &&
          v[3] == 0 && v[4] == 0);
    CHECK(decode(value.data, value.len, &text, &err) == GV_OK);
    CHECK(text.len == 1000 && memcmp(text.data, big, 1000) == 0);
    CHECK(text.data[text.len] == '\0');
    /* The whole cap, and not a byte more. */
    CHECK(gv_schema_body_encode(big, n, &value, &err) == GV_OK);
    CHECK(decode(value.data, value.len, &text, &err) == GV_OK);
    CHECK(text.len == n && memcmp(text.data, big, n) == 0);
    CHECK(gv_schema_body_encode(big, n + 1, &value, &err) == GV_EINVAL);
    CHECK(value.len == 0);

    /* Text too short to gain is kept as it is, as every body was before
     * bodies were compressed: such values read back as they are. */
    gv_err_clear(&err);
    CHECK(gv_schema_body_encode("Jailed.", 7, &value, &err) == GV_OK);
    CHECK(value.len == 7 && memcmp(value.data, "Jailed.", 7) == 0);
    const char old[] = "Old index: the extradition hearing \xe2\x80\x94 "
                       "adjourned.";
    CHECK(decode(old, strlen(old), &text, &err) == GV_OK);
    CHECK_STR(text.data, old);
    CHECK(decode("", 0, &text, &err) == GV_OK && text.len == 0);
    CHECK(gv_schema_body_encode("", 0, &value, &err) == GV_OK);
    CHECK(value.len == 0);
    /* An old value over the cap (none was ever written) reads as its
     * first GV_MAX_STORED_BODY bytes. */
    CHECK(decode(big, n + 1, &text, &err) == GV_OK && text.len == n);

    /* Any input reads back, even one that starts with a form byte. */
    CHECK(gv_schema_body_encode("\xff", 1, &value, &err) == GV_OK);
    CHECK(value.len > 1 && (unsigned char)value.data[0] == 0xff);
    CHECK(decode(value.data, value.len, &text, &err) == GV_OK);
    CHECK(text.len == 1 && (unsigned char)text.data[0] == 0xff);

    /* Damaged values are errors that say so, and leave no text. */
    CHECK(gv_schema_body_encode(big, 1000, &value, &err) == GV_OK);
    CHECK(decode("\xff", 1, &text, &err) == GV_ECORRUPT);
    CHECK_STR(err.msg, "stored body: cut short (1 bytes)");
    CHECK(decode(value.data, 4, &text, &err) == GV_ECORRUPT);
    CHECK(decode("\xfe\x01", 2, &text, &err) == GV_ECORRUPT);
    CHECK_STR(err.msg, "stored body: unknown form (first byte 0xfe)");
    CHECK(decode("\xf8", 1, &text, &err) == GV_ECORRUPT);
    CHECK(decode(value.data, value.len - 1, &text, &err) == GV_ECORRUPT);
    CHECK_STR(err.msg, "stored body: corrupt compressed data");
    CHECK(text.len == 0 && text.data[0] == '\0');
    value.data[value.len / 2] ^= 0x55;
    CHECK(decode(value.data, value.len, &text, &err) == GV_ECORRUPT);
    value.data[value.len / 2] ^= 0x55;
    value.data[1]++; /* 1001: one byte more than the stream holds */
    CHECK(decode(value.data, value.len, &text, &err) == GV_ECORRUPT);
    CHECK(strncmp(err.msg, "stored body: ", 13) == 0);
    value.data[1] -= 2; /* 999: one byte less */
    CHECK(decode(value.data, value.len, &text, &err) == GV_ECORRUPT);
    CHECK(text.len == 0);
    /* A length past the cap is refused before any memory is taken. */
    memcpy(value.data + 1, "\x01\x00\x01\x00", 4); /* 64 KiB + 1 */
    CHECK(decode(value.data, value.len, &text, &err) == GV_ECORRUPT);
    CHECK_STR(err.msg, "stored body: claims 65537 bytes, over the 65536-byte "
                       "cap");
    memcpy(value.data + 1, "\xff\xff\xff\xff", 4);
    CHECK(decode(value.data, value.len, &text, &err) == GV_ECORRUPT);
    CHECK(text.len == 0);

    gv_buf_release(&value);
    gv_buf_release(&text);
    free(big);
}

static void
test_record_parse(void)
{
    gv_record r;
    gv_err err = GV_ERR_INIT;

    /* Empty data: nothing, and no crash. */
    CHECK(gv_record_parse("", 0, &r, &err) == GV_OK);
    CHECK(r.path == NULL);
    for (int f = 0; f < GV_FIELD_COUNT; f++)
        CHECK(r.fields[f] == NULL);
    gv_record_release(&r);
    CHECK(gv_record_parse(NULL, 0, &r, &err) == GV_OK);
    CHECK(r.path == NULL);
    gv_record_release(&r);

    /* Garbage: lines without '=', empty keys, binary bytes, no body. */
    static const char junk[] = "\x01\x02 no equals here\n=\n==x\n\xff\xfe=\x80"
                               "\npath\ntitle\n\\\n\0zzz=1\nbody";
    CHECK(gv_record_parse(junk, sizeof(junk) - 1, &r, &err) == GV_OK);
    CHECK(r.path == NULL);
    for (int f = 0; f < GV_FIELD_COUNT; f++)
        CHECK(r.fields[f] == NULL);
    gv_record_release(&r);

    /* Unknown keys are skipped; a trailing backslash is kept. */
    static const char rec[] = "colour=red\ntitle=T\\\nauthor=x\\\\y\nbody=\n"
                              "text without a key";
    CHECK(gv_record_parse(rec, sizeof(rec) - 1, &r, &err) == GV_OK);
    CHECK_STR(r.fields[GV_FIELD_TITLE], "T\\");
    CHECK_STR(r.fields[GV_FIELD_AUTHOR], "x\\y");
    CHECK(r.path == NULL);
    gv_record_release(&r);

    /* The record owns its strings: the input may go away. */
    char *copy = strdup("path=/p\ntitle=Owned\n");
    CHECK(copy != NULL);
    if (copy) {
        CHECK(gv_record_parse(copy, strlen(copy), &r, &err) == GV_OK);
        memset(copy, 'X', strlen(copy));
        free(copy);
        CHECK_STR(r.path, "/p");
        CHECK_STR(r.fields[GV_FIELD_TITLE], "Owned");
        gv_record_release(&r);
    }
    gv_record_release(NULL);
    CHECK(err.code == GV_OK);
}

int
main(void)
{
    const char *tmp = getenv("TMPDIR");
    char tmpl[2048], path[4096];
    gv_db *db = NULL;
    gv_err err = GV_ERR_INIT;

    snprintf(tmpl, sizeof(tmpl), "%s/test_schema_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(tmpl)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(tmpdir, sizeof(tmpdir), "%s", tmpl);
    snprintf(path, sizeof(path), "%s/index", tmpdir);

    test_id_term();
    test_body_value();
    test_record_parse();
    CHECK(gv_db_open(path, GV_DB_WRITE, &db, &err) == GV_OK);
    if (db) {
        test_round_trip(db);
        test_escaped_record(db);
        test_big_body(db);
        test_repetitive_and_long(db);
        gv_db_close(db);
    }

    char cmd[4200];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return CHECK_DONE();
}
