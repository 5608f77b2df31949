/* JSON-lines records (see jsonl.h). jansson does the parsing; this module
 * only maps the keys scrapers and corpora use onto article fields. */
#include "jsonl.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "utf8.h"

/* Keys for each field, first present wins. NULL-terminated. */
static const char *const id_keys[] = {"id",   "_id",  "doc_id", "docid",
                                      "guid", "uuid", NULL};
static const char *const text_keys[] = {
    "text",  "body",     "content",     "article", "full_text",
    "story", "abstract", "description", "summary", NULL};
static const char *const date_keys[] = {
    "date",    "published", "published_at", "publication_date",
    "pubdate", "datetime",  "created_at",   NULL};
static const char *const dateline_keys[] = {"dateline", NULL};
static const char *const *const field_keys[GV_FIELD_COUNT] = {
    [GV_FIELD_TITLE] =
        (const char *const[]){"title", "headline", "subject", NULL},
    [GV_FIELD_SOURCE] =
        (const char *const[]){"source", "publisher", "publication", "site",
                              "outlet", "agency", NULL},
    [GV_FIELD_AUTHOR] =
        (const char *const[]){"author", "authors", "byline", "creator", NULL},
    [GV_FIELD_PLACE] = (const char *const[]){"place", "location", NULL},
    [GV_FIELD_URL] = (const char *const[]){"url", "link", "permalink", NULL},
};

void
gv_jsonl_record_release(gv_jsonl_record *r)
{
    if (!r)
        return;
    gv_article_release(&r->article);
    free(r->id);
    free(r->dateline);
    memset(r, 0, sizeof(*r));
}

/* Append the text of @p v to @p b: strings as they are, integers in
 * decimal, arrays joined with ", ", objects by their "name". */
static gv_status
put_value(gv_buf *b, const json_t *v, gv_err *err)
{
    gv_status st = GV_OK;

    if (json_is_string(v))
        return gv_buf_append(b, json_string_value(v), json_string_length(v),
                             err);
    if (json_is_integer(v))
        return gv_buf_printf(b, err, "%lld", (long long)json_integer_value(v));
    if (json_is_object(v)) {
        const json_t *name = json_object_get(v, "name");
        return name && json_is_string(name) ? put_value(b, name, err) : GV_OK;
    }
    if (json_is_array(v)) {
        size_t i;
        const json_t *item;
        json_array_foreach(v, i, item)
        {
            size_t before = b->len;
            if (before && st == GV_OK)
                st = gv_buf_puts(b, ", ", err);
            if (st == GV_OK)
                st = put_value(b, item, err);
            if (st == GV_OK && b->len == before + (before ? 2 : 0))
                b->len = before; /* an item with no text adds nothing */
        }
        if (b->data)
            b->data[b->len] = '\0';
    }
    return st;
}

/* The text of the first of @p keys with some, into @p b (reset first). */
static gv_status
first_value(const json_t *obj, const char *const *keys, gv_buf *b, gv_err *err)
{
    gv_status st = GV_OK;

    gv_buf_reset(b);
    for (; *keys && st == GV_OK && b->len == 0; keys++) {
        const json_t *v = json_object_get(obj, *keys);
        if (v)
            st = put_value(b, v, err);
    }
    return st;
}

/* A malloc'd cleaned copy of @p b, or NULL when @p b is empty. */
static gv_status
take_field(const gv_buf *b, char **out, gv_err *err)
{
    *out = NULL;
    if (b->len == 0)
        return GV_OK;
    *out = gv_field_copy(b->data, b->len);
    if (!*out)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    if (!**out) {
        free(*out);
        *out = NULL;
    }
    return GV_OK;
}

/* Epoch seconds (a number in a date key) as "YYYY-MM-DD". */
static gv_status
epoch_date(const json_t *v, gv_buf *b, gv_err *err)
{
    double secs =
        json_is_integer(v) ? (double)json_integer_value(v) : json_real_value(v);
    struct tm tm;
    time_t t;

    gv_buf_reset(b);
    /* Milliseconds too. Past about the year 5000 is no date, and would
     * overflow the conversion to time_t. */
    if (!(secs > 0 && secs < 1e14))
        return GV_OK;
    t = (time_t)(secs > 1e11 ? secs / 1000 : secs);
    if (!gmtime_r(&t, &tm))
        return GV_OK;
    return gv_buf_printf(b, err, "%04d-%02d-%02d", tm.tm_year + 1900,
                         tm.tm_mon + 1, tm.tm_mday);
}

static gv_status
read_date(const json_t *obj, gv_article *a, gv_buf *b, gv_err *err)
{
    gv_status st = GV_OK;

    gv_buf_reset(b);
    for (const char *const *k = date_keys; *k && b->len == 0; k++) {
        const json_t *v = json_object_get(obj, *k);
        if (json_is_number(v))
            st = epoch_date(v, b, err);
        else if (json_is_string(v))
            st = put_value(b, v, err);
        if (st != GV_OK)
            return st;
    }
    st = take_field(b, &a->fields[GV_FIELD_DATE], err);
    if (st == GV_OK && a->fields[GV_FIELD_DATE] &&
        gv_date_parse(a->fields[GV_FIELD_DATE],
                      strlen(a->fields[GV_FIELD_DATE]), &a->date))
        a->date_source = GV_DATE_HEADER;
    else
        memset(&a->date, 0, sizeof(a->date));
    return st;
}

static gv_status
read_record(const json_t *obj, gv_jsonl_record *out, gv_buf *b, gv_err *err)
{
    gv_article *a = &out->article;
    gv_status st = GV_OK;

    for (int f = 0; st == GV_OK && f < GV_FIELD_COUNT; f++) {
        if (!field_keys[f])
            continue;
        st = first_value(obj, field_keys[f], b, err);
        if (st == GV_OK)
            st = take_field(b, &a->fields[f], err);
    }
    if (st == GV_OK)
        st = read_date(obj, a, b, err);
    if (st == GV_OK)
        st = first_value(obj, id_keys, b, err);
    if (st == GV_OK)
        st = take_field(b, &out->id, err);
    if (st == GV_OK)
        st = first_value(obj, dateline_keys, b, err);
    if (st == GV_OK)
        st = take_field(b, &out->dateline, err);
    if (st == GV_OK)
        st = first_value(obj, text_keys, b, err);
    if (st != GV_OK)
        return st;
    /* The body keeps its own lines and is the record's to own. */
    out->has_text = b->len > 0;
    gv_utf8_blank_controls(b->data, b->len);
    a->body_owned = gv_buf_detach(b, &a->body_len);
    if (!a->body_owned)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    a->body = a->body_owned;
    return GV_OK;
}

gv_status
gv_jsonl_parse(const char *line, size_t len, gv_jsonl_record *out, gv_err *err)
{
    gv_buf b = GV_BUF_INIT;
    json_error_t jerr;
    json_t *obj;
    gv_status st;

    memset(out, 0, sizeof(*out));
    out->article.body = "";
    obj = json_loadb(line, len, 0, &jerr);
    if (!obj)
        return gv_err_set(err, GV_EBADDOC, "not valid JSON (column %d): %s",
                          jerr.column, jerr.text);
    if (!json_is_object(obj)) {
        json_decref(obj);
        return gv_err_set(err, GV_EBADDOC, "not a JSON object");
    }
    st = read_record(obj, out, &b, err);
    json_decref(obj);
    gv_buf_release(&b);
    if (st == GV_OK && !out->has_text && !out->article.fields[GV_FIELD_TITLE])
        st = gv_err_set(err, GV_EBADDOC, "no text or title field");
    return st;
}
