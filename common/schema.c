/* The index schema (see schema.h): article -> Xapian document, and the
 * stored record back to fields.
 *
 * Stored record format (the document data): one "key=value" line per
 * present field, values with "\\" and newlines escaped as "\\\\" and
 * "\\n". The body is not in it but in value slot GV_SLOT_BODY.
 *
 *     path=/archive/2021/court.txt
 *     title=Court upholds sentence
 *     date=2021-01-11
 *
 * Body value format (GV_SLOT_BODY): the body's first GV_MAX_STORED_BODY
 * bytes, cut between characters, in one of two forms, told apart by the
 * first byte:
 *
 *   - compressed: the byte 0xff, the text's length in 4 bytes (least
 *     significant first; never over GV_MAX_STORED_BODY), then the text as
 *     one zlib stream (RFC 1950: its Adler-32 catches damage);
 *   - text, as it is: valid UTF-8, so it never starts with a byte from
 *     0xf8 to 0xff. Indexes made before bodies were compressed hold only
 *     this form; it is still written when compressing would not save.
 *
 * 0xf8 to 0xfe are kept for other forms: a value starting with one of
 * them reads as damaged here, rather than as text.
 */
#include "schema.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cite.h"
#include "gz.h"
#include "utf8.h"

/* Field terms for the searchable header fields; NULL: not a term field. */
static const char *const field_prefixes[GV_FIELD_COUNT] = {
    [GV_FIELD_TITLE] = GV_PREFIX_TITLE,
    [GV_FIELD_AUTHOR] = GV_PREFIX_AUTHOR,
    [GV_FIELD_SOURCE] = GV_PREFIX_SOURCE,
    [GV_FIELD_PLACE] = GV_PREFIX_PLACE,
};

/* A gap of positions between fields, so that no phrase spans two. */
#define FIELD_POSITION_GAP 100

#define FNV_OFFSET 0xcbf29ce484222325u
#define FNV_PRIME  0x100000001b3u

static uint64_t
fnv1a64_more(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= FNV_PRIME;
    }
    return h;
}

static uint64_t
fnv1a64(const char *s)
{
    return fnv1a64_more(FNV_OFFSET, s);
}

uint64_t
gv_schema_hash(const char *s)
{
    return fnv1a64(s);
}

uint64_t
gv_record_key(const gv_record *r)
{
    uint64_t h = fnv1a64(r->path ? r->path : "");

    return r->record ? fnv1a64_more(fnv1a64_more(h, "#"), r->record) : h;
}

/* @p prefix + @p path [+ "#" + @p record] into @p out; one too long for a
 * Xapian term keeps its start and a hash of the whole. */
static gv_status
make_key(const char *prefix, const char *path, const char *record, gv_buf *out,
         gv_err *err)
{
    size_t plen = strlen(prefix);
    gv_status st;

    /* Appended piece by piece: a no-op run makes a key for every file,
     * and printf's parsing of the format showed in its profile. */
    gv_buf_reset(out);
    st = gv_buf_puts(out, prefix, err);
    if (st == GV_OK)
        st = gv_buf_puts(out, path, err);
    if (st == GV_OK && record)
        st = gv_buf_putc(out, '#', err);
    if (st == GV_OK && record)
        st = gv_buf_puts(out, record, err);
    if (st != GV_OK || out->len <= GV_MAX_TERM_BYTES)
        return st;
    uint64_t hash = fnv1a64(out->data + plen);
    out->len = gv_utf8_clip(out->data, out->len, GV_MAX_TERM_BYTES - 17);
    out->data[out->len] = '\0';
    return gv_buf_printf(out, err, "#%016llx", (unsigned long long)hash);
}

gv_status
gv_schema_id_term(const char *path, const char *record, gv_buf *out,
                  gv_err *err)
{
    return make_key(GV_PREFIX_ID, path, record, out, err);
}

gv_status
gv_schema_file_term(const char *path, gv_buf *out, gv_err *err)
{
    return make_key(GV_PREFIX_FILE, path, NULL, out, err);
}

gv_status
gv_schema_stamp_key(const char *path, gv_buf *out, gv_err *err)
{
    return make_key(GV_STAMP_KEY_PREFIX, path, NULL, out, err);
}

static gv_status
put_escaped(gv_buf *b, const char *key, const char *value, gv_err *err)
{
    gv_status st = gv_buf_printf(b, err, "%s=", key);

    for (const char *p = value; st == GV_OK && *p; p++) {
        if (*p == '\\')
            st = gv_buf_puts(b, "\\\\", err);
        else if (*p == '\n')
            st = gv_buf_puts(b, "\\n", err);
        else
            st = gv_buf_putc(b, *p, err);
    }
    return st == GV_OK ? gv_buf_putc(b, '\n', err) : st;
}

/* Append one field unless it would take the record past its cap. */
static gv_status
put_capped(gv_buf *b, const char *key, const char *value, gv_err *err)
{
    size_t before = b->len;
    gv_status st = put_escaped(b, key, value, err);

    if (st == GV_OK && b->len > GV_MAX_RECORD_BYTES) {
        b->len = before;
        b->data[before] = '\0';
    }
    return st;
}

static gv_status
encode_record(const gv_article *a, const char *path, const char *record,
              const char *iso_date, gv_buf *b, gv_err *err)
{
    const char *date_source = gv_date_source_name(a->date_source);
    gv_status st = put_capped(b, "path", path, err);

    if (st == GV_OK && record)
        st = put_capped(b, "record", record, err);
    if (st == GV_OK && date_source && *iso_date)
        st = put_capped(b, "date_source", date_source, err);
    for (int f = 0; st == GV_OK && f < GV_FIELD_COUNT; f++) {
        const char *v = f == GV_FIELD_DATE ? iso_date : a->fields[f];
        if (v && *v)
            st = put_capped(b, gv_field_name((gv_field)f), v, err);
    }
    return st;
}

static gv_status
add_date_terms(gv_xdoc *doc, const gv_date *d, gv_err *err)
{
    char term[32], value[16];
    gv_status st;

    snprintf(term, sizeof(term), GV_PREFIX_DAY "%04d%02d%02d", d->year,
             d->month, d->day);
    st = gv_xdoc_add_boolean_term(doc, term, err);
    snprintf(term, sizeof(term), GV_PREFIX_MONTH "%04d%02d", d->year, d->month);
    if (st == GV_OK)
        st = gv_xdoc_add_boolean_term(doc, term, err);
    snprintf(term, sizeof(term), GV_PREFIX_YEAR "%04d", d->year);
    if (st == GV_OK)
        st = gv_xdoc_add_boolean_term(doc, term, err);
    snprintf(value, sizeof(value), "%04d%02d%02d", d->year, d->month, d->day);
    if (st == GV_OK)
        st = gv_xdoc_set_value(doc, GV_SLOT_DATE, value, strlen(value), err);
    return st;
}

/* Add boolean term @p prefix + the @p n bytes at @p value, unless it is
 * too long to be a term (then that value cannot be searched for). */
static gv_status
add_exact_term(gv_xdoc *doc, const char *prefix, const char *value, size_t n,
               gv_buf *term, gv_err *err)
{
    gv_status st;

    if (n == 0 || strlen(prefix) + n > GV_MAX_TERM_BYTES)
        return GV_OK;
    gv_buf_reset(term);
    st = gv_buf_printf(term, err, "%s%.*s", prefix, (int)n, value);
    return st == GV_OK ? gv_xdoc_add_boolean_term(doc, term->data, err) : st;
}

/* site: terms for the host of @p url and each domain above it:
 * news.example.org, example.org (not "org"). */
static gv_status
add_site_terms(gv_xdoc *doc, const char *url, gv_buf *term, gv_err *err)
{
    const char *host = strstr(url, "://");
    char lower[256];
    size_t n = 0;
    gv_status st = GV_OK;

    host = host ? host + 3 : url;
    while (host[n] && !strchr("/:?#", host[n]) && n < sizeof(lower) - 1) {
        char c = host[n];
        lower[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    lower[n] = '\0';
    for (char *p = lower; st == GV_OK && strchr(p, '.'); p = strchr(p, '.') + 1)
        st = add_exact_term(doc, GV_PREFIX_SITE, p, strlen(p), term, err);
    return st;
}

/* Terms to find a document by where it came from: every folder above it,
 * its file (GV_PREFIX_FILE, which path: reads as well; indexes made before
 * also have the file as a GV_PREFIX_PATH term), its record id, its URL
 * and site. */
static gv_status
add_locator_terms(gv_xdoc *doc, const gv_article *a, const char *path,
                  const char *record, gv_err *err)
{
    const char *url = a->fields[GV_FIELD_URL];
    gv_buf term = GV_BUF_INIT;
    gv_status st = GV_OK;

    for (const char *p = strchr(path + 1, '/'); st == GV_OK && p;
         p = strchr(p + 1, '/'))
        st = add_exact_term(doc, GV_PREFIX_PATH, path, (size_t)(p - path),
                            &term, err);
    if (st == GV_OK)
        st = gv_schema_file_term(path, &term, err);
    if (st == GV_OK)
        st = gv_xdoc_add_boolean_term(doc, term.data, err);
    if (st == GV_OK && record)
        st = add_exact_term(doc, GV_PREFIX_RECORD, record, strlen(record),
                            &term, err);
    if (st == GV_OK && url)
        st = add_exact_term(doc, GV_PREFIX_URL, url, strlen(url), &term, err);
    if (st == GV_OK && url)
        st = add_site_terms(doc, url, &term, err);
    gv_buf_release(&term);
    return st;
}

static gv_status
index_text(gv_xdoc *doc, const gv_article *a, gv_err *err)
{
    const char *title = a->fields[GV_FIELD_TITLE];
    gv_status st = GV_OK;

    /* Field terms (prefixed, with positions for field phrases such as
     * author:"amara okafor"), then title and body as unprefixed text. A
     * gap after each keeps phrases from spanning two fields. */
    for (int f = 0; st == GV_OK && f < GV_FIELD_COUNT; f++) {
        const char *v = a->fields[f];
        if (!v || !field_prefixes[f])
            continue;
        st = gv_xdoc_index_text(doc, v, strlen(v), 1, field_prefixes[f], true,
                                err);
        if (st == GV_OK)
            st = gv_xdoc_skip_positions(doc, FIELD_POSITION_GAP, err);
    }
    if (st == GV_OK && title)
        st = gv_xdoc_index_text(doc, title, strlen(title), GV_TITLE_WDF, "",
                                true, err);
    if (st == GV_OK)
        st = gv_xdoc_skip_positions(doc, FIELD_POSITION_GAP, err);
    if (st == GV_OK)
        st = gv_xdoc_index_text(doc, a->body, a->body_len, 1, "", true, err);
    return st;
}

/* The citations of one article: each key once, "\nkey\n..." in the order
 * first seen, and the first error. */
typedef struct cite_terms {
    gv_xdoc *doc;
    gv_buf keys;
    gv_buf term;
    gv_status st;
    gv_err *err;
} cite_terms;

static bool
add_cite(const gv_cite *c, void *ctx)
{
    cite_terms *ct = ctx;
    size_t n = strlen(c->key);

    /* Seen before: the buffer holds "\n" + the key + "\n". */
    for (const char *p = ct->keys.data; (p = strstr(p, c->key)) != NULL; p += n)
        if (p[-1] == '\n' && p[n] == '\n')
            return true;
    ct->st = gv_buf_printf(&ct->keys, ct->err, "%s\n", c->key);
    gv_buf_reset(&ct->term);
    if (ct->st == GV_OK)
        ct->st = gv_buf_printf(&ct->term, ct->err, GV_PREFIX_CITE "%s", c->key);
    if (ct->st == GV_OK)
        ct->st = gv_xdoc_add_boolean_term(ct->doc, ct->term.data, ct->err);
    return ct->st == GV_OK;
}

/* A cite: term for each citation of title and body, and their keys, one
 * a line, in GV_SLOT_CITES for --facet cite and the output. */
static gv_status
add_cite_terms(gv_xdoc *doc, const gv_article *a, gv_err *err)
{
    const char *title = a->fields[GV_FIELD_TITLE];
    cite_terms ct = {doc, GV_BUF_INIT, GV_BUF_INIT, GV_OK, err};

    ct.st = gv_buf_putc(&ct.keys, '\n', err);
    if (ct.st == GV_OK && title)
        gv_cite_scan(title, strlen(title), add_cite, &ct);
    if (ct.st == GV_OK)
        gv_cite_scan(a->body, a->body_len, add_cite, &ct);
    if (ct.st == GV_OK && ct.keys.len > 1)
        ct.st = gv_xdoc_set_value(doc, GV_SLOT_CITES, ct.keys.data + 1,
                                  ct.keys.len - 2, err);
    gv_buf_release(&ct.keys);
    gv_buf_release(&ct.term);
    return ct.st;
}

gv_status
gv_schema_build_doc(const gv_article *a, const char *path, const char *record,
                    gv_xdoc **out, gv_err *err)
{
    gv_xdoc *doc = NULL;
    gv_buf data = GV_BUF_INIT, body = GV_BUF_INIT;
    char iso[GV_DATE_ISO_LEN + 1] = "";
    gv_status st;

    *out = NULL;
    st = gv_xdoc_new(GV_STEM_LANG, GV_TEXT_FLAGS, &doc, err);
    if (st == GV_OK)
        st = index_text(doc, a, err);
    if (st == GV_OK)
        st = add_locator_terms(doc, a, path, record, err);
    if (st == GV_OK)
        st = add_cite_terms(doc, a, err);
    if (st == GV_OK && a->date.year) {
        gv_date_format(&a->date, iso);
        st = add_date_terms(doc, &a->date, err);
    }
    if (st == GV_OK)
        st = encode_record(a, path, record, iso, &data, err);
    if (st == GV_OK)
        st = gv_xdoc_set_data(doc, data.data, data.len, err);
    if (st == GV_OK && a->fields[GV_FIELD_SOURCE])
        st = gv_xdoc_set_value(doc, GV_SLOT_SOURCE, a->fields[GV_FIELD_SOURCE],
                               strlen(a->fields[GV_FIELD_SOURCE]), err);
    if (st == GV_OK)
        st = gv_schema_body_encode(
            a->body, gv_utf8_clip(a->body, a->body_len, GV_MAX_STORED_BODY),
            &body, err);
    if (st == GV_OK)
        st = gv_xdoc_set_value(doc, GV_SLOT_BODY, body.data, body.len, err);
    gv_buf_release(&data);
    gv_buf_release(&body);
    if (st != GV_OK) {
        gv_xdoc_free(doc);
        return st;
    }
    *out = doc;
    return GV_OK;
}

#define BODY_ZLIB     0xffu /* the first byte of a compressed body */
#define BODY_FORM_MIN 0xf8u /* from here up: a form byte, never text */
#define BODY_HEADER   5u    /* the form byte and the text's length */

gv_status
gv_schema_body_encode(const char *text, size_t len, gv_buf *out, gv_err *err)
{
    const unsigned char head[BODY_HEADER] = {
        BODY_ZLIB, (unsigned char)len, (unsigned char)(len >> 8),
        (unsigned char)(len >> 16), (unsigned char)(len >> 24)};
    gv_status st;

    gv_buf_reset(out);
    if (len > GV_MAX_STORED_BODY)
        return gv_err_set(err, GV_EINVAL,
                          "a stored body of %zu bytes is over the %u-byte cap",
                          len, GV_MAX_STORED_BODY);
    if (len == 0)
        return GV_OK;
    st = gv_buf_append(out, head, sizeof(head), err);
    if (st == GV_OK)
        st = gv_gz_deflate(text, len, out, err);
    /* Text that does not shrink is kept as it is, unless it would read as
     * another form (never for UTF-8, but any input must read back). */
    if (st == GV_OK && out->len >= len &&
        (unsigned char)text[0] < BODY_FORM_MIN) {
        gv_buf_reset(out);
        st = gv_buf_append(out, text, len, err);
    }
    return st;
}

gv_status
gv_schema_body_decode(const char *value, size_t len, gv_buf *out, gv_err *err)
{
    const unsigned char *v = (const unsigned char *)value;
    gv_err why = GV_ERR_INIT;
    size_t text_len;
    gv_status st;

    gv_buf_reset(out);
    if (len == 0 || v[0] < BODY_FORM_MIN)
        return gv_buf_append(out, value,
                             gv_utf8_clip(value, len, GV_MAX_STORED_BODY), err);
    if (v[0] != BODY_ZLIB)
        return gv_err_set(err, GV_ECORRUPT,
                          "stored body: unknown form (first byte 0x%02x)",
                          v[0]);
    if (len < BODY_HEADER)
        return gv_err_set(err, GV_ECORRUPT,
                          "stored body: cut short (%zu bytes)", len);
    text_len = (size_t)v[1] | (size_t)v[2] << 8 | (size_t)v[3] << 16 |
               (size_t)v[4] << 24;
    if (text_len > GV_MAX_STORED_BODY)
        return gv_err_set(err, GV_ECORRUPT,
                          "stored body: claims %zu bytes, over the %u-byte "
                          "cap",
                          text_len, GV_MAX_STORED_BODY);
    st = gv_gz_inflate(value + BODY_HEADER, len - BODY_HEADER, text_len, out,
                       &why);
    if (st == GV_ECORRUPT)
        return gv_err_set(err, st, "stored body: %s", why.msg);
    return st == GV_OK ? GV_OK : gv_err_set(err, st, "%s", why.msg);
}

gv_status
gv_schema_add_dup_sig(gv_xdoc *doc, const gv_neardup_sig *sig, gv_err *err)
{
    unsigned char value[GV_NEARDUP_SIG_BYTES];
    char term[GV_DUP_TERM_BYTES];
    gv_status st = GV_OK;

    for (unsigned b = 0; st == GV_OK && b < GV_NEARDUP_BANDS; b++) {
        gv_schema_dup_band_term(sig, b, term);
        st = gv_xdoc_add_boolean_term(doc, term, err);
    }
    gv_neardup_encode(sig, value);
    if (st == GV_OK)
        st = gv_xdoc_set_value(doc, GV_SLOT_DUP_SIG, (const char *)value,
                               sizeof(value), err);
    return st;
}

void
gv_schema_dup_band_term(const gv_neardup_sig *sig, unsigned band,
                        char out[GV_DUP_TERM_BYTES])
{
    snprintf(out, GV_DUP_TERM_BYTES, GV_PREFIX_DUP_BAND "%016llx",
             (unsigned long long)gv_neardup_band_key(sig, band));
}

void
gv_schema_dup_group_id(const char *idterm, unsigned attempt,
                       char out[GV_DUP_GROUP_LEN + 1])
{
    char n[16];
    uint64_t h = fnv1a64(idterm);

    if (attempt) {
        snprintf(n, sizeof(n), "#%u", attempt);
        h = fnv1a64_more(h, n);
    }
    snprintf(out, GV_DUP_GROUP_LEN + 1, "%016llx", (unsigned long long)h);
}

void
gv_schema_dup_group_term(const char *group, char out[GV_DUP_TERM_BYTES])
{
    snprintf(out, GV_DUP_TERM_BYTES, GV_PREFIX_DUP_GROUP "%.16s", group);
}

gv_status
gv_schema_set_dup_group(gv_xdoc *doc, const char *group, bool has_others,
                        gv_err *err)
{
    char term[GV_DUP_TERM_BYTES];
    gv_status st;

    gv_schema_dup_group_term(group, term);
    st = gv_xdoc_add_boolean_term(doc, term, err);
    if (st == GV_OK)
        st = gv_xdoc_set_value(doc, GV_SLOT_DUP_GROUP, group, strlen(group),
                               err);
    if (st == GV_OK && has_others)
        st = gv_xdoc_set_value(doc, GV_SLOT_DUP_COLLAPSE, group, strlen(group),
                               err);
    return st;
}

/* path:/archive/2021/ is the folder /archive/2021 (its GV_PREFIX_PATH
 * term), path:/archive/2021/a.txt that file (its GV_PREFIX_FILE term; in
 * an index made before, a GV_PREFIX_PATH term too): the one that names
 * nothing matches nothing. */
static gv_status
path_field(void *ctx, const char *value, gv_query **out, gv_err *err)
{
    size_t n = strlen(value);
    gv_buf path = GV_BUF_INIT, term = GV_BUF_INIT;
    gv_query *folder = NULL, *file = NULL;
    gv_status st;

    (void)ctx;
    while (n > 1 && value[n - 1] == '/')
        n--;
    st = gv_buf_append(&path, value, n, err);
    if (st == GV_OK)
        st = gv_buf_printf(&term, err, GV_PREFIX_PATH "%s", path.data);
    if (st == GV_OK)
        st = gv_query_new_term(term.data, &folder, err);
    if (st == GV_OK)
        st = gv_schema_file_term(path.data, &term, err);
    if (st == GV_OK)
        st = gv_query_new_term(term.data, &file, err);
    if (st == GV_OK)
        st = gv_query_new_or(folder, file, out, err);
    gv_query_free(folder);
    gv_query_free(file);
    gv_buf_release(&path);
    gv_buf_release(&term);
    return st;
}

/* cite:"42 U.S.C. § 1983" is the citation's key, however it is written;
 * anything else is an error that says what would do. */
static gv_status
cite_field(void *ctx, const char *value, gv_query **out, gv_err *err)
{
    char key[GV_CITE_KEY_BYTES];
    gv_buf term = GV_BUF_INIT;
    gv_status st;

    (void)ctx;
    if (!gv_cite_normalize(value, strlen(value), key, sizeof(key)))
        return gv_err_set(
            err, GV_EQUERY,
            "cite:\"%s\" is not a citation Gavel knows; try forms "
            "such as cite:\"42 USC 1983\", cite:\"410 U.S. "
            "113\", cite:\"AIR 1996 SC 463\", cite:\"[2020] "
            "UKSC 5\" or cite:\"Article 12 of the Criminal Law\"",
            value);
    st = gv_buf_printf(&term, err, GV_PREFIX_CITE "%s", key);
    if (st == GV_OK)
        st = gv_query_new_term(term.data, out, err);
    gv_buf_release(&term);
    return st;
}

/* site:Example.ORG is the host example.org. */
static gv_status
site_field(void *ctx, const char *value, gv_query **out, gv_err *err)
{
    gv_buf term = GV_BUF_INIT;
    gv_status st = gv_buf_puts(&term, GV_PREFIX_SITE, err);

    (void)ctx;
    for (const char *p = value; st == GV_OK && *p; p++)
        st = gv_buf_putc(
            &term, *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p, err);
    if (st == GV_OK)
        st = gv_query_new_term(term.data, out, err);
    gv_buf_release(&term);
    return st;
}

gv_status
gv_schema_add_query_fields(gv_qparser *qp, gv_err *err)
{
    gv_status st = GV_OK;

    for (int f = 0; st == GV_OK && f < GV_FIELD_COUNT; f++)
        if (field_prefixes[f])
            st = gv_qparser_add_prefix(qp, gv_field_name((gv_field)f),
                                       field_prefixes[f], false, err);
    if (st == GV_OK)
        st = gv_qparser_add_prefix(qp, "url", GV_PREFIX_URL, true, err);
    if (st == GV_OK)
        st = gv_qparser_add_prefix(qp, "record", GV_PREFIX_RECORD, true, err);
    if (st == GV_OK)
        st = gv_qparser_add_prefix(qp, "group", GV_PREFIX_DUP_GROUP, true, err);
    if (st == GV_OK)
        st = gv_qparser_add_field_fn(qp, "path", path_field, NULL, err);
    if (st == GV_OK)
        st = gv_qparser_add_field_fn(qp, "site", site_field, NULL, err);
    if (st == GV_OK)
        st = gv_qparser_add_field_fn(qp, "cite", cite_field, NULL, err);
    return st;
}

void
gv_record_release(gv_record *r)
{
    if (!r)
        return;
    gv_buf_release(&r->storage);
    memset(r, 0, sizeof(*r));
    gv_buf_init(&r->storage);
}

/* Undo put_escaped() in place; returns the new length. */
static size_t
unescape(char *s, size_t n)
{
    size_t o = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            i++;
            s[o++] = s[i] == 'n' ? '\n' : s[i];
        } else {
            s[o++] = s[i];
        }
    }
    return o;
}

static void
set_record_field(gv_record *r, const char *key, size_t key_len,
                 const char *value)
{
    static const struct {
        const char *key;
        size_t offset;
    } extras[] = {{"path", offsetof(gv_record, path)},
                  {"record", offsetof(gv_record, record)},
                  {"date_source", offsetof(gv_record, date_source)}};

    for (size_t i = 0; i < sizeof(extras) / sizeof(extras[0]); i++) {
        if (strlen(extras[i].key) == key_len &&
            memcmp(key, extras[i].key, key_len) == 0) {
            *(const char **)((char *)r + extras[i].offset) = value;
            return;
        }
    }
    for (int f = 0; f < GV_FIELD_COUNT; f++) {
        const char *name = gv_field_name((gv_field)f);
        if (strlen(name) == key_len && memcmp(key, name, key_len) == 0)
            r->fields[f] = value;
    }
}

gv_status
gv_record_parse(const char *data, size_t len, gv_record *out, gv_err *err)
{
    gv_status st;
    char *p, *end;

    memset(out, 0, sizeof(*out));
    gv_buf_init(&out->storage);
    st = gv_buf_append(&out->storage, data, len, err);
    if (st != GV_OK)
        return st;
    p = out->storage.data;
    end = p + out->storage.len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *eol = nl ? nl : end;
        char *eq = memchr(p, '=', (size_t)(eol - p));

        if (eq) {
            size_t n = unescape(eq + 1, (size_t)(eol - eq - 1));
            eq[1 + n] = '\0';
            set_record_field(out, p, (size_t)(eq - p), eq + 1);
        }
        p = nl ? nl + 1 : end;
    }
    return GV_OK;
}
