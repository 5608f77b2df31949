/* Unit tests of common/jsonl.h: the keys of each field, ids, dates as
 * strings and epoch seconds, and the records that must be refused. */
#include "jsonl.h"

#include <string.h>

#include "check.h"

static gv_status
parse(const char *line, gv_jsonl_record *r)
{
    gv_err err = GV_ERR_INIT;

    gv_jsonl_record_release(r);
    return gv_jsonl_parse(line, strlen(line), r, &err);
}

static void
test_usual_keys(void)
{
    gv_jsonl_record r = {0};
    const char *const *f = (const char *const *)r.article.fields;

    CHECK(parse("{\"id\":\"a-1\",\"title\":\"  Court  rules \",\"date\":"
                "\"2020-02-10T08:00:00Z\",\"text\":\"Body\\nline two\","
                "\"source\":\"Courtwire\",\"author\":\"Maya\",\"url\":"
                "\"https://x.example/a\",\"place\":\"Leeds\",\"extra\":[1]}",
                &r) == GV_OK);
    CHECK_STR(r.id, "a-1");
    CHECK_STR(f[GV_FIELD_TITLE], "Court rules");
    CHECK_STR(f[GV_FIELD_SOURCE], "Courtwire");
    CHECK_STR(f[GV_FIELD_AUTHOR], "Maya");
    CHECK_STR(f[GV_FIELD_URL], "https://x.example/a");
    CHECK_STR(f[GV_FIELD_PLACE], "Leeds");
    CHECK(r.article.date.year == 2020 && r.article.date.month == 2 &&
          r.article.date.day == 10);
    CHECK(r.article.date_source == GV_DATE_HEADER);
    /* The body keeps its lines. */
    CHECK(r.article.body_len == 13 &&
          memcmp(r.article.body, "Body\nline two", 13) == 0);
    CHECK(r.has_text && r.dateline == NULL);

    /* Other names for the same fields; a numeric id; arrays joined; an
     * object source by its name. */
    CHECK(parse("{\"docid\":1002,\"headline\":\"H\",\"published_at\":"
                "\"21 July 2020\",\"body\":\"B\",\"authors\":[\"Dev\",null,"
                "\"Ola\"],\"publisher\":{\"name\":\"The Docket\"},\"link\":"
                "\"u\"}",
                &r) == GV_OK);
    CHECK_STR(r.id, "1002");
    CHECK_STR(f[GV_FIELD_TITLE], "H");
    CHECK_STR(f[GV_FIELD_AUTHOR], "Dev, Ola");
    CHECK_STR(f[GV_FIELD_SOURCE], "The Docket");
    CHECK_STR(f[GV_FIELD_URL], "u");
    CHECK(r.article.date.year == 2020 && r.article.date.month == 7);

    /* The first key present wins; an empty one does not count. */
    CHECK(parse("{\"text\":\"\",\"content\":\"second\",\"title\":\"\","
                "\"subject\":\"S\"}",
                &r) == GV_OK);
    CHECK(r.article.body_len == 6);
    CHECK_STR(f[GV_FIELD_TITLE], "S");
    CHECK(r.id == NULL);
    gv_jsonl_record_release(&r);
}

static void
test_dates(void)
{
    gv_jsonl_record r = {0};

    /* Epoch seconds, and milliseconds. */
    CHECK(parse("{\"text\":\"t\",\"published\":1609459200}", &r) == GV_OK);
    CHECK(r.article.date.year == 2021 && r.article.date.month == 1 &&
          r.article.date.day == 1);
    CHECK(parse("{\"text\":\"t\",\"date\":1609459200000}", &r) == GV_OK);
    CHECK(r.article.date.year == 2021 && r.article.date.day == 1);
    /* Numbers too large to be a time leave it undated. */
    CHECK(parse("{\"text\":\"t\",\"published\":1.1e45}", &r) == GV_OK);
    CHECK(r.article.date.year == 0);
    CHECK(parse("{\"text\":\"t\",\"published\":-5}", &r) == GV_OK);
    CHECK(r.article.date.year == 0);
    /* null, nonsense and impossible dates leave it undated. */
    CHECK(parse("{\"text\":\"t\",\"date\":null}", &r) == GV_OK);
    CHECK(r.article.date.year == 0 && r.article.date_source == GV_DATE_NONE);
    CHECK(parse("{\"text\":\"t\",\"date\":\"soon\"}", &r) == GV_OK);
    CHECK(r.article.date.year == 0 && r.article.date_source == GV_DATE_NONE);
    CHECK(parse("{\"text\":\"t\",\"date\":\"2021-02-30\"}", &r) == GV_OK);
    CHECK(r.article.date.year == 0);
    /* A dateline field is kept for the dateline parser. */
    CHECK(
        parse(
            "{\"id\":\"g\",\"text\":\"t\",\"dateline\":\"GENEVA, Sept 14 -\"}",
            &r) == GV_OK);
    CHECK_STR(r.id, "g");
    CHECK_STR(r.dateline, "GENEVA, Sept 14 -");
    gv_jsonl_record_release(&r);
}

static void
test_refused(void)
{
    static const char *const bad[] = {
        "{\"id\": \"x\", \"text\": \"cut off",
        "[1, 2]",
        "\"a string\"",
        "42",
        "",
        "{\"id\": \"only-id\"}",
        "{\"title\": null, \"text\": null}",
        "{\"text\": \"a\\u0000b\"}", /* NUL inside a string */
        "{\"text\": \"x\"} trailing",
    };
    gv_jsonl_record r = {0};
    gv_err err = GV_ERR_INIT;

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        gv_err_clear(&err);
        CHECK(gv_jsonl_parse(bad[i], strlen(bad[i]), &r, &err) == GV_EBADDOC);
        CHECK(err.msg[0] != '\0');
        gv_jsonl_record_release(&r);
    }
    CHECK(gv_jsonl_parse("{\"id\": 1", 8, &r, &err) == GV_EBADDOC);
    gv_jsonl_record_release(&r);

    /* A title alone is enough; the record says it had no text. */
    CHECK(parse("{\"title\":\"Brief\"}", &r) == GV_OK);
    CHECK(!r.has_text && r.article.body_len == 0);
    /* Control characters in the text are blanked. */
    CHECK(parse("{\"text\":\"a\\u001b[31mb\"}", &r) == GV_OK);
    CHECK(memchr(r.article.body, 0x1b, r.article.body_len) == NULL);
    gv_jsonl_record_release(&r);
}

int
main(void)
{
    test_usual_keys();
    test_dates();
    test_refused();
    return CHECK_DONE();
}
