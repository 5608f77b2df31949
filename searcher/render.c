/* Result renderers (see render.h). */
#include "render.h"

#include <string.h>

#include "json.h"
#include "utf8.h"

const gv_format gv_formats[] = {
    {"text", gv_render_text, "one block per hit, for people (default)"},
    {"json", gv_render_json, "one JSON document with every hit"},
    {NULL, NULL, NULL},
};

const gv_format *
gv_format_find(const char *name)
{
    for (const gv_format *f = gv_formats; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

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

gv_status
gv_render_text(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
               gv_err *err)
{
    const char *on = opts->use_color ? "\033[1m" : "**";
    const char *off = opts->use_color ? "\033[0m" : "**";
    gv_status st = put_count_line(rs, b, err);

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
        if (st == GV_OK && r->snippet[0]) {
            st = gv_buf_puts(b, "   ", err);
            if (st == GV_OK)
                st = put_snippet(b, r->snippet, on, off, err);
            if (st == GV_OK)
                st = gv_buf_putc(b, '\n', err);
        }
    }
    return st;
}

static gv_status
put_json_hit(const gv_result *r, gv_buf *b, gv_err *err)
{
    static const gv_field shown[] = {GV_FIELD_TITLE, GV_FIELD_SOURCE,
                                     GV_FIELD_AUTHOR, GV_FIELD_PLACE,
                                     GV_FIELD_URL};
    gv_buf snippet = GV_BUF_INIT;
    gv_status st;

    st = gv_buf_printf(b, err, "{\"rank\":%u,\"docid\":%u,\"path\":", r->rank,
                       r->docid);
    if (st == GV_OK)
        st = gv_json_string_or_null(b, r->record.path, err);
    if (st == GV_OK)
        st = gv_buf_puts(b, ",\"record\":", err);
    if (st == GV_OK)
        st = gv_json_string_or_null(b, r->record.record, err);
    if (st == GV_OK)
        st = gv_buf_printf(b, err,
                           ",\"score\":%.4f,\"percent\":%d,\"date\":", r->score,
                           r->percent);
    if (st == GV_OK)
        st = gv_json_string_or_null(b, r->record.fields[GV_FIELD_DATE], err);
    if (st == GV_OK)
        st = gv_buf_puts(b, ",\"date_source\":", err);
    if (st == GV_OK)
        st = gv_json_string_or_null(b, r->record.date_source, err);
    for (size_t i = 0; st == GV_OK && i < sizeof(shown) / sizeof(*shown); i++) {
        st = gv_buf_printf(b, err, ",\"%s\":", gv_field_name(shown[i]));
        if (st == GV_OK)
            st = gv_json_string_or_null(b, r->record.fields[shown[i]], err);
    }
    if (st == GV_OK)
        st = put_snippet(&snippet, r->snippet, "**", "**", err);
    if (st == GV_OK)
        st = gv_buf_puts(b, ",\"snippet\":", err);
    if (st == GV_OK)
        st = gv_json_string(b, snippet.data, snippet.len, err);
    if (st == GV_OK)
        st = gv_buf_putc(b, '}', err);
    gv_buf_release(&snippet);
    return st;
}

gv_status
gv_render_json(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *b,
               gv_err *err)
{
    gv_status st;

    (void)opts;
    st = gv_buf_printf(
        b, err, "{\"format_version\":%d,\"query\":", GV_JSON_FORMAT_VERSION);
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
        if (i)
            st = gv_buf_putc(b, ',', err);
        if (st == GV_OK)
            st = put_json_hit(&rs->results[i], b, err);
    }
    if (st == GV_OK)
        st = gv_buf_puts(b, "]}\n", err);
    return st;
}
