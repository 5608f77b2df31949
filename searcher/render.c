/* Result renderers (see render.h). */
#include "render.h"

#include <stdio.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

static bool
is_control(char c)
{
    return (unsigned char)c < 0x20 || c == 0x7f;
}

/* Append @p snippet with its match marks turned into @p on / @p off, and
 * any other control character (an escape sequence in a hostile file) made
 * harmless for a terminal. */
static gv_status
put_snippet(gv_buf *b, const char *snippet, const char *on, const char *off,
            gv_err *err)
{
    gv_status st = GV_OK;

    for (const char *p = snippet; st == GV_OK && *p; p++) {
        if (*p == GV_HI_START)
            st = gv_buf_puts(b, on, err);
        else if (*p == GV_HI_END)
            st = gv_buf_puts(b, off, err);
        else
            st = gv_buf_putc(b, is_control(*p) ? '?' : *p, err);
    }
    return st;
}

/* Append @p s for a terminal: control characters shown as '?' (a file
 * name with a newline stays on its line), and bytes that are not UTF-8 (a
 * Latin-1 file name; stored text is already clean) as U+FFFD, as in
 * JSON. */
static gv_status
put_clean(gv_buf *b, const char *s, gv_err *err)
{
    size_t n = strlen(s), i = 0;
    gv_status st = GV_OK;

    while (st == GV_OK && i < n) {
        uint32_t cp;
        size_t len = gv_utf8_decode(s + i, n - i, &cp);

        if (len == 0)
            st = gv_buf_puts(b, "\xef\xbf\xbd", err), len = 1;
        else if (len == 1)
            st = gv_buf_putc(b, is_control(s[i]) ? '?' : s[i], err);
        else
            st = gv_buf_append(b, s + i, len, err);
        i += len;
    }
    return st;
}

static gv_status
put_count_line(const gv_result_set *rs, gv_buf *b, gv_err *err)
{
    bool exact = rs->lower_bound == rs->upper_bound;
    const char *plural = rs->estimated == 1 ? "" : "es";

    if (rs->count == 0)
        return gv_buf_printf(b, err, "%s%u match%s\n", exact ? "" : "about ",
                             rs->estimated, plural);
    return gv_buf_printf(b, err, "%s%u match%s, showing %u-%u\n",
                         exact ? "" : "about ", rs->estimated, plural,
                         rs->offset + 1, rs->offset + (unsigned)rs->count);
}

/* "   + 2 copies: Reuters, AP": the other copies folded into a hit. */
static gv_status
put_copies_line(const gv_result *r, gv_buf *b, gv_err *err)
{
    gv_status st = gv_buf_printf(b, err, "   + %u cop%s", r->copies,
                                 r->copies == 1 ? "y" : "ies");

    for (size_t i = 0; st == GV_OK && i < r->copy_source_count; i++) {
        st = gv_buf_puts(b, i ? ", " : ": ", err);
        if (st == GV_OK)
            st = put_clean(b, r->copy_sources[i], err);
    }
    return st == GV_OK ? gv_buf_putc(b, '\n', err) : st;
}

/* In a run of several queries, each result starts with what it is for. */
static gv_status
put_text_header(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
                gv_err *err)
{
    gv_status st;

    if (!opts->batch)
        return GV_OK;
    st = gv_buf_puts(b, opts->first ? "== " : "\n== ", err);
    if (st == GV_OK && rs->name) {
        st = put_clean(b, rs->name, err);
        if (st == GV_OK)
            st = gv_buf_puts(b, ": ", err);
    }
    if (st == GV_OK)
        st = put_clean(b, rs->query ? rs->query : "", err);
    return st == GV_OK ? gv_buf_putc(b, '\n', err) : st;
}

/* Writing facet counts: where, how, and the first error. */
typedef struct facet_out {
    gv_buf *b;
    bool json;
    unsigned written;
    gv_status st;
    gv_err *err;
} facet_out;

static bool
put_facet_value(void *ctx, const char *value, unsigned count)
{
    facet_out *o = ctx;

    if (o->json) {
        o->st = gv_buf_puts(
            o->b, o->written ? ",{\"value\":" : "{\"value\":", o->err);
        if (o->st == GV_OK)
            o->st = gv_json_string_or_null(o->b, value, o->err);
        if (o->st == GV_OK)
            o->st = gv_buf_printf(o->b, o->err, ",\"count\":%u}", count);
    } else {
        o->st = gv_buf_printf(o->b, o->err, "%8u  ", count);
        if (o->st == GV_OK)
            o->st = put_clean(o->b, value, o->err);
        if (o->st == GV_OK)
            o->st = gv_buf_putc(o->b, '\n', o->err);
    }
    o->written++;
    return o->st == GV_OK;
}

/* --facet: "\nCITE (in all N matches):" and a line per value, most
 * frequent first; or in JSON, ,"facets":{"cite":[{"value","count"}]}. */
static gv_status
put_facets(const gv_result_set *rs, bool json, gv_buf *b, gv_err *err)
{
    facet_out o = {b, json, 0, GV_OK, err};
    const char *name = gv_facet_name(rs->facet);

    if (rs->facet == GV_FACET_NONE)
        return GV_OK;
    if (json)
        o.st = gv_buf_printf(b, err, ",\"facets\":{\"%s\":[", name);
    else
        o.st = gv_buf_printf(b, err, "\n%s (in all %u match%s):\n", name,
                             rs->estimated, rs->estimated == 1 ? "" : "es");
    if (o.st == GV_OK)
        gv_result_set_each_facet(rs, put_facet_value, &o);
    if (o.st == GV_OK && json)
        o.st = gv_buf_puts(b, "]}", err);
    else if (o.st == GV_OK && !o.written)
        o.st = gv_buf_puts(b, "   (none)\n", err);
    return o.st;
}

/* "   cites usc:42:1983, us:410:113 and 4 more": the first few keys of
 * @p keys (one a line). */
static gv_status
put_text_citations(const char *keys, gv_buf *b, gv_err *err)
{
    enum { SHOWN = 4 };
    unsigned n = 0, total = 1;
    gv_status st = gv_buf_puts(b, "   cites ", err);

    for (const char *p = keys; *p; p++)
        total += *p == '\n';
    for (const char *p = keys; st == GV_OK && *p && n < SHOWN; n++) {
        size_t len = strcspn(p, "\n");
        if (n)
            st = gv_buf_puts(b, ", ", err);
        if (st == GV_OK)
            st = gv_buf_append(b, p, len, err);
        p += len + (p[len] == '\n');
    }
    if (st == GV_OK && total > n)
        st = gv_buf_printf(b, err, " and %u more", total - n);
    return st == GV_OK ? gv_buf_putc(b, '\n', err) : st;
}

static gv_status
text_result(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
            gv_err *err)
{
    const char *on = opts->use_color ? "\033[1m" : "**";
    const char *off = opts->use_color ? "\033[0m" : "**";
    gv_status st = put_text_header(rs, opts, b, err);

    if (st == GV_OK && opts->only_new)
        st = gv_buf_printf(b, err, "%zu new (of %s%u match%s)\n", rs->count,
                           rs->lower_bound == rs->upper_bound ? "" : "about ",
                           rs->estimated, rs->estimated == 1 ? "" : "es");
    else if (st == GV_OK)
        st = put_count_line(rs, b, err);

    for (size_t i = 0; st == GV_OK && i < rs->count; i++) {
        const gv_result *r = &rs->results[i];
        const char *const *f = r->record.fields;
        static const gv_field byline[] = {GV_FIELD_PLACE, GV_FIELD_SOURCE,
                                          GV_FIELD_AUTHOR};
        bool guessed = r->record.date_source &&
                       gv_date_source_from_name(r->record.date_source) ==
                           GV_DATE_DATELINE_MTIME;

        st = gv_buf_printf(b, err, "\n%u. ", r->rank);
        if (st == GV_OK)
            st = put_clean(
                b, f[GV_FIELD_TITLE] ? f[GV_FIELD_TITLE] : "(no title)", err);
        if (st == GV_OK)
            st = gv_buf_printf(b, err, "\n   %s%s",
                               f[GV_FIELD_DATE] ? f[GV_FIELD_DATE] : "no date",
                               guessed ? " (year from file time)" : "");
        for (size_t k = 0; st == GV_OK && k < 3; k++) {
            if (!f[byline[k]])
                continue;
            st = gv_buf_puts(b, " | ", err);
            if (st == GV_OK)
                st = put_clean(b, f[byline[k]], err);
        }
        if (st == GV_OK)
            st = gv_buf_printf(b, err, " | score %.2f\n   ", r->score);
        if (st == GV_OK)
            st = put_clean(b, r->record.path ? r->record.path : "", err);
        /* A JSON-lines record: which one of the file. */
        if (st == GV_OK && r->record.record)
            st = gv_buf_putc(b, '#', err);
        if (st == GV_OK && r->record.record)
            st = put_clean(b, r->record.record, err);
        if (st == GV_OK)
            st = gv_buf_putc(b, '\n', err);
        if (st == GV_OK && r->citations && r->citations[0])
            st = put_text_citations(r->citations, b, err);
        if (st == GV_OK && r->snippet && r->snippet[0]) {
            st = gv_buf_puts(b, "   ", err);
            if (st == GV_OK)
                st = put_snippet(b, r->snippet, on, off, err);
            if (st == GV_OK)
                st = gv_buf_putc(b, '\n', err);
        }
        if (st == GV_OK && r->copies)
            st = put_copies_line(r, b, err);
    }
    return st == GV_OK ? put_facets(rs, false, b, err) : st;
}

/* The fields of a hit, in the order of every structured format. */
enum hit_field {
    F_RANK,
    F_DOCID,
    F_PATH,
    F_RECORD,
    F_SCORE,
    F_PERCENT,
    F_DATE,
    F_DATE_SOURCE,
    F_TITLE,
    F_SOURCE,
    F_AUTHOR,
    F_PLACE,
    F_URL,
    F_SNIPPET,
    F_GROUP,
    F_COPIES,
    F_COPY_SOURCES,
    F_COUNT
};

static const char *const hit_field_names[F_COUNT] = {
    "rank", "docid",       "path",  "record", "score",       "percent",
    "date", "date_source", "title", "source", "author",      "place",
    "url",  "snippet",     "group", "copies", "copy_sources"};

/* Field @p f of @p r as text into @p b (reset first); false when the hit
 * has no such field (JSON null, an empty TSV column). *is_number says
 * whether it is a JSON number. */
static bool
hit_field(const gv_result *r, enum hit_field f, gv_buf *b, bool *is_number,
          gv_err *err)
{
    static const gv_field fields[F_COUNT] = {
        [F_DATE] = GV_FIELD_DATE,     [F_TITLE] = GV_FIELD_TITLE,
        [F_SOURCE] = GV_FIELD_SOURCE, [F_AUTHOR] = GV_FIELD_AUTHOR,
        [F_PLACE] = GV_FIELD_PLACE,   [F_URL] = GV_FIELD_URL};
    const char *s = NULL;

    gv_buf_reset(b);
    *is_number = f == F_RANK || f == F_DOCID || f == F_SCORE ||
                 f == F_PERCENT || f == F_COPIES;
    switch (f) {
    case F_RANK:
        return gv_buf_printf(b, err, "%u", r->rank) == GV_OK;
    case F_DOCID:
        return gv_buf_printf(b, err, "%u", r->docid) == GV_OK;
    case F_SCORE:
        return gv_buf_printf(b, err, "%.4f", r->score) == GV_OK;
    case F_PERCENT:
        return gv_buf_printf(b, err, "%d", r->percent) == GV_OK;
    case F_PATH:
        s = r->record.path;
        break;
    case F_RECORD:
        s = r->record.record;
        break;
    case F_DATE_SOURCE:
        s = r->record.date_source;
        break;
    case F_SNIPPET:
        return r->snippet &&
               put_snippet(b, r->snippet, "**", "**", err) == GV_OK;
    case F_GROUP:
        s = r->group[0] ? r->group : NULL;
        break;
    case F_COPIES:
        return gv_buf_printf(b, err, "%u", r->copies) == GV_OK;
    case F_COPY_SOURCES:
        /* A TSV column; JSON makes a list of them (put_json_fields). */
        for (size_t i = 0; i < r->copy_source_count; i++)
            if (gv_buf_printf(b, err, "%s%s", i ? "; " : "",
                              r->copy_sources[i]) != GV_OK)
                return false;
        return true;
    default:
        s = r->record.fields[fields[f]];
        break;
    }
    return s && gv_buf_puts(b, s, err) == GV_OK;
}

/* ,"citations":["usc:42:1983",...]: the keys of what the article cites
 * (JSON formats only: a list has no place in a TSV column). */
static gv_status
put_json_citations(const gv_result *r, gv_buf *b, gv_err *err)
{
    const char *p = r->citations ? r->citations : "";
    gv_status st = gv_buf_puts(b, ",\"citations\":[", err);

    while (st == GV_OK && *p) {
        size_t n = strcspn(p, "\n");
        if (p != r->citations)
            st = gv_buf_putc(b, ',', err);
        if (st == GV_OK)
            st = gv_json_string(b, p, n, err);
        p += n + (p[n] == '\n');
    }
    return st == GV_OK ? gv_buf_putc(b, ']', err) : st;
}

/* ,"copy_sources":["Reuters","AP"] */
static gv_status
put_json_sources(const gv_result *r, gv_buf *b, gv_err *err)
{
    gv_status st = gv_buf_puts(b, ",\"copy_sources\":[", err);

    for (size_t i = 0; st == GV_OK && i < r->copy_source_count; i++) {
        if (i)
            st = gv_buf_putc(b, ',', err);
        if (st == GV_OK)
            st = gv_json_string_or_null(b, r->copy_sources[i], err);
    }
    return st == GV_OK ? gv_buf_putc(b, ']', err) : st;
}

/* The fields of @p r as JSON members, "rank":1,...,"copy_sources":[...] */
static gv_status
put_json_fields(const gv_result *r, gv_buf *b, gv_err *err)
{
    gv_buf v = GV_BUF_INIT;
    gv_status st = GV_OK;
    bool number;

    for (int f = 0; st == GV_OK && f < F_COUNT; f++) {
        if (f == F_COPY_SOURCES) {
            st = put_json_sources(r, b, err);
            continue;
        }
        bool has = hit_field(r, (enum hit_field)f, &v, &number, err);
        if (err->code != GV_OK)
            st = err->code;
        else
            st = gv_buf_printf(b, err, "%s\"%s\":", f ? "," : "",
                               hit_field_names[f]);
        if (st == GV_OK && !has)
            st = gv_buf_puts(b, "null", err);
        else if (st == GV_OK && number)
            st = gv_buf_append(b, v.data, v.len, err);
        else if (st == GV_OK)
            st = gv_json_string(b, v.data, v.len, err);
    }
    gv_buf_release(&v);
    return st == GV_OK ? put_json_citations(r, b, err) : st;
}

/* One result set as a JSON object; @p versioned puts format_version
 * first (a single query's document). */
static gv_status
put_json_set(const gv_result_set *rs, bool versioned, gv_buf *b, gv_err *err)
{
    gv_status st = GV_OK;

    if (versioned)
        st = gv_buf_printf(b, err, "{\"format_version\":%d,",
                           GV_JSON_FORMAT_VERSION);
    else
        st = gv_buf_putc(b, '{', err);
    if (st == GV_OK && rs->name) {
        st = gv_buf_puts(b, "\"name\":", err);
        if (st == GV_OK)
            st = gv_json_string_or_null(b, rs->name, err);
        if (st == GV_OK)
            st = gv_buf_putc(b, ',', err);
    }
    if (st == GV_OK)
        st = gv_buf_puts(b, "\"query\":", err);
    if (st == GV_OK)
        st = gv_json_string_or_null(b, rs->query, err);
    if (st == GV_OK)
        st = gv_buf_printf(b, err,
                           ",\"offset\":%u,\"matches_estimated\":%u,"
                           "\"matches_lower_bound\":%u,"
                           "\"matches_upper_bound\":%u,\"hits\":[",
                           rs->offset, rs->estimated, rs->lower_bound,
                           rs->upper_bound);
    for (size_t i = 0; st == GV_OK && i < rs->count; i++) {
        st = gv_buf_puts(b, i ? ",{" : "{", err);
        if (st == GV_OK)
            st = put_json_fields(&rs->results[i], b, err);
        if (st == GV_OK)
            st = gv_buf_putc(b, '}', err);
    }
    if (st == GV_OK)
        st = gv_buf_putc(b, ']', err);
    if (st == GV_OK)
        st = put_facets(rs, true, b, err);
    return st == GV_OK ? gv_buf_putc(b, '}', err) : st;
}

/* json: one document per run; several queries make a "results" list. */
static gv_status
json_begin(const gv_render_opts *opts, gv_buf *b, gv_err *err)
{
    if (!opts->batch)
        return GV_OK;
    return gv_buf_printf(b, err, "{\"format_version\":%d,\"results\":[",
                         GV_JSON_FORMAT_VERSION);
}

static gv_status
json_result(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
            gv_err *err)
{
    gv_status st = GV_OK;

    if (opts->batch && !opts->first)
        st = gv_buf_putc(b, ',', err);
    if (st == GV_OK)
        st = put_json_set(rs, !opts->batch, b, err);
    if (st == GV_OK && !opts->batch)
        st = gv_buf_putc(b, '\n', err);
    return st;
}

static gv_status
json_end(const gv_render_opts *opts, gv_buf *b, gv_err *err)
{
    return opts->batch ? gv_buf_puts(b, "]}\n", err) : GV_OK;
}

/* The start of a JSON-lines object: version, saved search, query. */
static gv_status
put_jsonl_head(const gv_result_set *rs, gv_buf *b, gv_err *err)
{
    gv_status st = gv_buf_printf(
        b, err, "{\"format_version\":%d,\"name\":", GV_JSON_FORMAT_VERSION);

    if (st == GV_OK)
        st = gv_json_string_or_null(b, rs->name, err);
    if (st == GV_OK)
        st = gv_buf_puts(b, ",\"query\":", err);
    if (st == GV_OK)
        st = gv_json_string_or_null(b, rs->query, err);
    return st;
}

/* jsonl: one hit per line, each with its query, for streaming and jq. */
static gv_status
jsonl_result(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
             gv_err *err)
{
    gv_status st = GV_OK;

    (void)opts;
    for (size_t i = 0; st == GV_OK && i < rs->count; i++) {
        st = put_jsonl_head(rs, b, err);
        if (st == GV_OK)
            st = gv_buf_putc(b, ',', err);
        if (st == GV_OK)
            st = put_json_fields(&rs->results[i], b, err);
        if (st == GV_OK)
            st = gv_buf_puts(b, "}\n", err);
    }
    return st;
}

/* A TSV column: tab, newline, carriage return and backslash escaped as
 * \t \n \r \\, so no value can break a row. */
static gv_status
put_tsv_value(gv_buf *b, const char *s, size_t n, gv_err *err)
{
    gv_status st = GV_OK;

    for (size_t i = 0; st == GV_OK && i < n; i++) {
        switch (s[i]) {
        case '\t':
            st = gv_buf_puts(b, "\\t", err);
            break;
        case '\n':
            st = gv_buf_puts(b, "\\n", err);
            break;
        case '\r':
            st = gv_buf_puts(b, "\\r", err);
            break;
        case '\\':
            st = gv_buf_puts(b, "\\\\", err);
            break;
        default:
            st = gv_buf_putc(b, s[i], err);
        }
    }
    return st;
}

/* tsv: one hit per row: name, query, then the JSON fields in order. */
static gv_status
tsv_result(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
           gv_err *err)
{
    gv_buf v = GV_BUF_INIT;
    gv_status st = GV_OK;
    bool number;

    (void)opts;
    for (size_t i = 0; st == GV_OK && i < rs->count; i++) {
        const char *name = rs->name ? rs->name : "";
        const char *query = rs->query ? rs->query : "";
        st = put_tsv_value(b, name, strlen(name), err);
        if (st == GV_OK)
            st = gv_buf_putc(b, '\t', err);
        if (st == GV_OK)
            st = put_tsv_value(b, query, strlen(query), err);
        for (int f = 0; st == GV_OK && f < F_COUNT; f++) {
            bool has =
                hit_field(&rs->results[i], (enum hit_field)f, &v, &number, err);
            st = err->code != GV_OK ? err->code : gv_buf_putc(b, '\t', err);
            if (st == GV_OK && has)
                st = put_tsv_value(b, v.data, v.len, err);
        }
        if (st == GV_OK)
            st = gv_buf_putc(b, '\n', err);
    }
    gv_buf_release(&v);
    return st;
}

/* paths: each hit's file once per result, for xargs. Control characters
 * are left as they are: the path must name the file; -0 is for names
 * with newlines. */
static gv_status
paths_result(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
             gv_err *err)
{
    gv_status st = GV_OK;

    for (size_t i = 0; st == GV_OK && i < rs->count; i++) {
        const char *path = rs->results[i].record.path;
        /* Records of one file come one after another only by chance:
         * look back over this result's paths. */
        bool seen = !path;
        for (size_t j = 0; !seen && j < i; j++)
            seen = rs->results[j].record.path &&
                   strcmp(rs->results[j].record.path, path) == 0;
        if (seen)
            continue;
        st = gv_buf_puts(b, path, err);
        if (st == GV_OK)
            st = gv_buf_putc(b, opts->nul_separated ? '\0' : '\n', err);
    }
    return st;
}

/* --count: "N<TAB>exact|estimated<TAB>QUERY", one line per query. */
static gv_status
count_line(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
           gv_err *err)
{
    const char *query = rs->query ? rs->query : "";
    gv_status st;

    (void)opts;
    st = gv_buf_printf(b, err, "%u\t%s\t", rs->estimated,
                       rs->lower_bound == rs->upper_bound ? "exact"
                                                          : "estimated");
    if (st == GV_OK)
        st = put_tsv_value(b, query, strlen(query), err);
    return st == GV_OK ? gv_buf_putc(b, '\n', err) : st;
}

/* --count in JSON formats: {"format_version":1,"name":..,"query":..,
 * "count":N,"exact":true}. */
static gv_status
put_json_count(const gv_result_set *rs, gv_buf *b, gv_err *err)
{
    gv_status st = put_jsonl_head(rs, b, err);

    if (st == GV_OK)
        st = gv_buf_printf(b, err, ",\"count\":%u,\"exact\":%s}", rs->estimated,
                           rs->lower_bound == rs->upper_bound ? "true"
                                                              : "false");
    return st;
}

static gv_status
json_count(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
           gv_err *err)
{
    gv_status st = GV_OK;

    if (opts->batch && !opts->first)
        st = gv_buf_putc(b, ',', err);
    if (st == GV_OK)
        st = put_json_count(rs, b, err);
    if (st == GV_OK && !opts->batch)
        st = gv_buf_putc(b, '\n', err);
    return st;
}

static gv_status
jsonl_count(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
            gv_err *err)
{
    gv_status st = put_json_count(rs, b, err);

    (void)opts;
    return st == GV_OK ? gv_buf_putc(b, '\n', err) : st;
}

const gv_format gv_formats[] = {
    {"text", NULL, text_result, count_line, NULL, true,
     "one block per hit, for people (default)"},
    {"json", json_begin, json_result, json_count, json_end, true,
     "one JSON document per run"},
    {"jsonl", NULL, jsonl_result, jsonl_count, NULL, true,
     "one JSON object per hit (per line)"},
    {"tsv", NULL, tsv_result, count_line, NULL, true,
     "one tab-separated row per hit"},
    {"paths", NULL, paths_result, count_line, NULL, false,
     "the hits' file paths, one per line (-0: NUL)"},
    {NULL, NULL, NULL, NULL, NULL, false, NULL},
};

const gv_format *
gv_format_find(const char *name)
{
    for (const gv_format *f = gv_formats; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}
