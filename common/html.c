/* HTML pages -> gv_article (see html.h). The only file that includes
 * libxml2: it parses the page, reads the metadata from <meta>, <link>,
 * <title>, <time> and byline elements, and flattens the story to text. */
#include "html.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "utf8.h"

#define HTML_PARSE_OPTIONS                                                     \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |          \
     HTML_PARSE_NONET | HTML_PARSE_COMPACT)

/* A byline longer than this is a paragraph, not a name. */
#define MAX_BYLINE_BYTES 120u

/* Where each field may come from: <meta> keys (matched against the
 * property, name and itemprop attributes, any case), surest first. */
enum { KEY_MAX_PER_FIELD = 16 };
static const char *const meta_keys[GV_FIELD_COUNT][KEY_MAX_PER_FIELD] = {
    [GV_FIELD_TITLE] = {"og:title"},
    [GV_FIELD_DATE] = {"article:published_time", "og:published_time",
                       "datePublished", "date", "DC.date", "DC.date.issued",
                       "dcterms.created", "dcterms.issued", "dcterms.date",
                       "pubdate", "publishdate", "publish-date",
                       "parsely-pub-date", "sailthru.date"},
    [GV_FIELD_SOURCE] = {"og:site_name", "publisher", "DC.publisher",
                         "dcterms.publisher"},
    [GV_FIELD_AUTHOR] = {"author", "article:author", "DC.creator",
                         "dcterms.creator", "parsely-author",
                         "sailthru.author"},
    [GV_FIELD_PLACE] = {"geo.placename"},
    [GV_FIELD_URL] = {"og:url"},
};

/* What one pass over the whole tree found; pointers are borrowed from the
 * xmlDoc. */
typedef struct page {
    const char *meta[GV_FIELD_COUNT][KEY_MAX_PER_FIELD]; /* first of each */
    const xmlNode *title;                                /* first <title> */
    const char *canonical; /* <link rel=canonical href> */
} page;

/* Text being flattened: runs of whitespace become one space, and block
 * boundaries one newline, written only when more text follows. */
typedef struct flat {
    gv_buf *out;
    bool keep_header; /* inside the story's own <article>: its <header>
                         holds the headline and standfirst */
    bool space;       /* whitespace since the last text */
    bool newline;     /* a block boundary since the last text */
    int pre_depth;    /* inside <pre>: its newlines are line breaks */
} flat;

static bool
is_named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           strcmp((const char *)n->name, name) == 0;
}

static bool
name_in(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (is_named(n, *names))
            return true;
    return false;
}

/* The value of attribute @p name of @p n, borrowed from the document;
 * "" for an attribute without a value, NULL when absent. */
static const char *
attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcasecmp((const char *)a->name, name) != 0)
            continue;
        if (a->children && a->children->type == XML_TEXT_NODE &&
            a->children->content)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

/* True when the space-separated list @p list holds @p word, any case
 * (rel="author nofollow", class="story-byline byline"). */
static bool
has_token(const char *list, const char *word)
{
    size_t wn = strlen(word);

    while (list && *list) {
        size_t n = strcspn(list, " \t\r\n\f");
        if (n == wn && strncasecmp(list, word, n) == 0)
            return true;
        list += n;
        list += strspn(list, " \t\r\n\f");
    }
    return false;
}

/* Not <head>: libxml2 follows HTML 4, so the HTML 5 elements it does not
 * know (<article>, <main>, <time>, ...) stay in <head> when a page starts
 * with them before any <body> content. Its <title> is a field. */
static const char *const skipped_elements[] = {
    "script", "style",  "noscript", "template", "nav",   "aside",
    "form",   "button", "select",   "textarea", "svg",   "math",
    "iframe", "object", "embed",    "canvas",   "audio", "video",
    "title",  "footer", "dialog",   NULL};

/* Roles that mark page furniture rather than the story. */
static const char *const skipped_roles[] = {"navigation", "contentinfo",
                                            "complementary", "search", NULL};

/* True when nothing inside @p n is story text. */
static bool
is_skipped(const xmlNode *n, bool keep_header)
{
    const char *role;

    if (n->type != XML_ELEMENT_NODE)
        return true;
    if (name_in(n, skipped_elements))
        return true;
    role = attr(n, "role");
    if (!keep_header &&
        (is_named(n, "header") || (role && strcasecmp(role, "banner") == 0)))
        return true;
    /* Not hidden or aria-hidden: a page saved with a dialog open has
     * them on the whole story, and losing a story costs more than a few
     * stray words. */
    for (const char *const *r = skipped_roles; role && *r; r++)
        if (strcasecmp(role, *r) == 0)
            return true;
    return false;
}

static const char *const block_elements[] = {
    "address",  "article",    "blockquote", "body",   "br",     "caption",
    "center",   "dd",         "details",    "div",    "dl",     "dt",
    "fieldset", "figcaption", "figure",     "h1",     "h2",     "h3",
    "h4",       "h5",         "h6",         "header", "hgroup", "hr",
    "legend",   "li",         "main",       "ol",     "p",      "pre",
    "section",  "summary",    "table",      "tbody",  "tfoot",  "thead",
    "tr",       "ul",         NULL};

/* Table cells sit side by side: a space between them, not a line. */
static const char *const cell_elements[] = {"td", "th", NULL};

static bool
is_space_byte(unsigned char c)
{
    /* Other control characters are blanked like whitespace. */
    return c <= 0x20 || c == 0x7f;
}

/* Append text node content @p s to @p f. */
static gv_status
flat_text(flat *f, const char *s, gv_err *err)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        size_t run = 0;
        if (*p == '\n' && f->pre_depth > 0) {
            f->newline = true;
            p++;
            continue;
        }
        if (is_space_byte(*p)) {
            f->space = true;
            p++;
            continue;
        }
        if (p[0] == 0xc2 && p[1] == 0xa0) { /* &nbsp; */
            f->space = true;
            p += 2;
            continue;
        }
        while (p[run] && !is_space_byte(p[run]) &&
               !(p[run] == 0xc2 && p[run + 1] == 0xa0))
            run++;
        if (f->out->len > 0 && (f->newline || f->space) &&
            gv_buf_putc(f->out, f->newline ? '\n' : ' ', err) != GV_OK)
            return GV_ENOMEM;
        f->newline = f->space = false;
        if (gv_buf_append(f->out, p, run, err) != GV_OK)
            return GV_ENOMEM;
        p += run;
    }
    return GV_OK;
}

static void
flat_edge(flat *f, const xmlNode *n, bool entering)
{
    if (name_in(n, block_elements))
        f->newline = true;
    else if (name_in(n, cell_elements))
        f->space = true;
    if (is_named(n, "pre"))
        f->pre_depth += entering ? 1 : -1;
}

/* Flatten the text under @p root into @p out, one line per block.
 * Iterative, like every walk here: no stack depth to think about. */
static gv_status
flatten(const xmlNode *root, bool keep_header, gv_buf *out, gv_err *err)
{
    flat f = {out, keep_header, false, false, 0};
    const xmlNode *n = root->children;

    while (n) {
        if (n->type == XML_ELEMENT_NODE && !is_skipped(n, f.keep_header)) {
            flat_edge(&f, n, true);
            if (n->children) {
                n = n->children;
                continue;
            }
            flat_edge(&f, n, false);
        } else if ((n->type == XML_TEXT_NODE ||
                    n->type == XML_CDATA_SECTION_NODE) &&
                   n->content) {
            if (flat_text(&f, (const char *)n->content, err) != GV_OK)
                return GV_ENOMEM;
        }
        while (!n->next) {
            n = n->parent;
            if (!n || n == root)
                return GV_OK;
            flat_edge(&f, n, false);
        }
        n = n->next;
    }
    return GV_OK;
}

/* The next node after @p n in document order under @p root, not entering
 * @p n's children when @p descend is false; NULL at the end. */
static const xmlNode *
next_node(const xmlNode *root, const xmlNode *n, bool descend)
{
    if (descend && n->children)
        return n->children;
    while (n && n != root && !n->next)
        n = n->parent;
    return n && n != root ? n->next : NULL;
}

/* The first element under @p root after @p after (NULL: from the start)
 * that @p match accepts (with @p name), outside page furniture, or NULL. */
static const xmlNode *
find_next(const xmlNode *root, const xmlNode *after,
          bool (*match)(const xmlNode *, const char *), const char *name,
          bool keep_header)
{
    const xmlNode *n = after ? next_node(root, after, false) : root->children;

    while (n) {
        if (n->type == XML_ELEMENT_NODE && match(n, name))
            return n;
        n = next_node(root, n,
                      n->type == XML_ELEMENT_NODE &&
                          !is_skipped(n, keep_header));
    }
    return NULL;
}

static const xmlNode *
find_first(const xmlNode *root, bool (*match)(const xmlNode *, const char *),
           const char *name, bool keep_header)
{
    return find_next(root, NULL, match, name, keep_header);
}

/* Note what <meta> @p n says, if its key is one of meta_keys. */
static void
note_meta(page *pg, const xmlNode *n)
{
    static const char *const key_attrs[] = {"property", "name", "itemprop"};
    const char *content = attr(n, "content");

    if (!content)
        return;
    for (size_t k = 0; k < sizeof(key_attrs) / sizeof(key_attrs[0]); k++) {
        const char *key = attr(n, key_attrs[k]);
        for (int fi = 0; key && fi < GV_FIELD_COUNT; fi++)
            for (int i = 0; i < KEY_MAX_PER_FIELD && meta_keys[fi][i]; i++)
                if (!pg->meta[fi][i] && strcasecmp(key, meta_keys[fi][i]) == 0)
                    pg->meta[fi][i] = content;
    }
}

/* An element that holds the author's name: <a rel=author>, a "byline"
 * or "author" class, schema.org itemprop=author. */
static bool
is_byline(const xmlNode *n, const char *unused)
{
    const char *rel = attr(n, "rel"), *cls = attr(n, "class");
    const char *itemprop = attr(n, "itemprop");

    (void)unused;
    /* <link rel=author> and <meta> have no text. */
    return !is_named(n, "link") && !is_named(n, "meta") &&
           (has_token(rel, "author") || has_token(cls, "byline") ||
            has_token(cls, "author") || has_token(itemprop, "author"));
}

/* One pass over the whole document for its metadata. */
static void
scan_page(const xmlNode *root, page *pg)
{
    const xmlNode *n = root;

    while (n) {
        bool descend = true;
        if (n->type == XML_ELEMENT_NODE) {
            if (is_named(n, "meta"))
                note_meta(pg, n);
            else if (is_named(n, "link") && !pg->canonical &&
                     has_token(attr(n, "rel"), "canonical"))
                pg->canonical = attr(n, "href");
            else if (is_named(n, "title") && !pg->title)
                pg->title = n;
            /* An <svg> has <title>s of its own. */
            descend = !is_named(n, "svg") && !is_named(n, "script") &&
                      !is_named(n, "style");
        }
        n = next_node(root, n, descend);
    }
}

/* U+0080..U+009F as windows-1252 means them: pages labelled iso-8859-1
 * are written in windows-1252 (browsers decode them so, per the WHATWG
 * Encoding standard), and libxml2 turns their quotes and dashes into C1
 * controls. 0 where windows-1252 has no character: dropped, as browsers
 * show nothing there. */
static const unsigned short cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* Rewrite the C1 controls in valid UTF-8 @p b as windows-1252 characters. */
static gv_status
fix_c1(gv_buf *b, gv_err *err)
{
    gv_buf fixed = GV_BUF_INIT;
    size_t done = 0;

    for (size_t i = 0; i + 1 < b->len; i++) {
        unsigned char c = (unsigned char)b->data[i + 1];
        unsigned cp;
        char u[3];
        if ((unsigned char)b->data[i] != 0xc2 || c < 0x80 || c > 0x9f)
            continue;
        cp = cp1252_c1[c - 0x80];
        /* Every mapped character is 2 or 3 bytes of UTF-8. */
        u[0] = (char)(cp < 0x800 ? 0xc0 | (cp >> 6) : 0xe0 | (cp >> 12));
        u[1] =
            (char)(cp < 0x800 ? 0x80 | (cp & 0x3f) : 0x80 | ((cp >> 6) & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        if (gv_buf_append(&fixed, b->data + done, i - done, err) != GV_OK ||
            gv_buf_append(&fixed, u,
                          cp == 0      ? 0
                          : cp < 0x800 ? 2
                                       : 3,
                          err) != GV_OK) {
            gv_buf_release(&fixed);
            return GV_ENOMEM;
        }
        done = i + 2;
        i++;
    }
    if (done == 0)
        return GV_OK;
    if (gv_buf_append(&fixed, b->data + done, b->len - done, err) != GV_OK) {
        gv_buf_release(&fixed);
        return GV_ENOMEM;
    }
    gv_buf_release(b);
    *b = fixed;
    return GV_OK;
}

static bool
is_field_space(const unsigned char *p)
{
    return is_space_byte(p[0]) || (p[0] == 0xc2 && p[1] == 0xa0);
}

/* Set *out to a malloc'd copy of the @p n bytes at @p s as a field: valid
 * UTF-8, whitespace and control characters collapsed to single spaces,
 * cut at GV_MAX_FIELD_BYTES; NULL when nothing is left. */
static gv_status
make_field(const char *s, size_t n, char **out, gv_err *err)
{
    gv_buf b = GV_BUF_INIT;
    unsigned char *w;
    const unsigned char *p, *end;
    bool space = false;

    *out = NULL;
    if (gv_buf_append(&b, s, n, err) != GV_OK ||
        gv_utf8_repair(&b, NULL, err) != GV_OK || fix_c1(&b, err) != GV_OK) {
        gv_buf_release(&b);
        return GV_ENOMEM;
    }
    /* Collapse in place: the text only shrinks. */
    w = (unsigned char *)b.data;
    p = (const unsigned char *)b.data;
    end = p + b.len;
    while (p < end) {
        if (is_field_space(p)) {
            space = w != (unsigned char *)b.data;
            p += p[0] == 0xc2 ? 2 : 1;
            continue;
        }
        if (space)
            *w++ = ' ';
        space = false;
        *w++ = *p++;
    }
    b.len = gv_utf8_clip(b.data, (size_t)(w - (unsigned char *)b.data),
                         GV_MAX_FIELD_BYTES);
    while (b.len > 0 && b.data[b.len - 1] == ' ')
        b.len--; /* a clip can end on a space */
    if (b.len > 0) {
        b.data[b.len] = '\0';
        *out = gv_buf_detach(&b, NULL);
        if (!*out)
            return gv_err_set(err, GV_ENOMEM, "out of memory");
    }
    gv_buf_release(&b);
    return GV_OK;
}

/* Set *out to the text of element @p n as a field (NULL if none). With
 * @p first_line, only its first line: a byline's name, not its date. */
static gv_status
element_field(const xmlNode *n, bool first_line, char **out, gv_err *err)
{
    gv_buf b = GV_BUF_INIT;
    gv_status st;

    *out = NULL;
    st = flatten(n, true, &b, err);
    if (st == GV_OK) {
        size_t len = first_line ? strcspn(b.data, "\n|") : b.len;
        st = make_field(b.data, len, out, err);
    }
    gv_buf_release(&b);
    return st;
}

static bool
is_url(const char *s)
{
    return strstr(s, "://") != NULL;
}

/* A byline's name without its "By ", or NULL when it is not simple. */
static gv_status
byline_field(const xmlNode *n, char **out, gv_err *err)
{
    char *name;
    gv_status st = element_field(n, true, &name, err);

    *out = NULL;
    if (st != GV_OK || !name)
        return st;
    if (strlen(name) > MAX_BYLINE_BYTES || is_url(name)) {
        free(name);
        return GV_OK;
    }
    if (strncasecmp(name, "by ", 3) == 0) {
        st = make_field(name + 3, strlen(name + 3), out, err);
        free(name);
        return st;
    }
    *out = name;
    return GV_OK;
}

/* Fill every field but the date from @p pg and the tree. */
static gv_status
fill_fields(const page *pg, const xmlNode *story, const xmlNode *root,
            gv_article *out, gv_err *err)
{
    for (int fi = 0; fi < GV_FIELD_COUNT; fi++) {
        if (fi == GV_FIELD_DATE)
            continue;
        for (int i = 0; i < KEY_MAX_PER_FIELD && !out->fields[fi]; i++) {
            const char *v = pg->meta[fi][i];
            if (!v || (fi == GV_FIELD_AUTHOR && is_url(v)))
                continue; /* article:author is often a profile URL */
            if (make_field(v, strlen(v), &out->fields[fi], err) != GV_OK)
                return GV_ENOMEM;
        }
    }
    if (!out->fields[GV_FIELD_TITLE] && pg->title &&
        element_field(pg->title, false, &out->fields[GV_FIELD_TITLE], err) !=
            GV_OK)
        return GV_ENOMEM;
    if (!out->fields[GV_FIELD_TITLE]) {
        /* The story's own heading before a logo's <h1> in the page. */
        const xmlNode *h1 =
            story ? find_first(story, is_named, "h1", true) : NULL;
        if (!h1)
            h1 = find_first(root, is_named, "h1", true);
        if (h1 && element_field(h1, false, &out->fields[GV_FIELD_TITLE], err) !=
                      GV_OK)
            return GV_ENOMEM;
    }
    /* The first simple byline in the story, else in the page. */
    for (int pass = 0; pass < 2 && !out->fields[GV_FIELD_AUTHOR]; pass++) {
        const xmlNode *in = pass == 0 ? story : root, *by = NULL;
        while (in && !out->fields[GV_FIELD_AUTHOR] &&
               (by = find_next(in, by, is_byline, NULL, true)))
            if (byline_field(by, &out->fields[GV_FIELD_AUTHOR], err) != GV_OK)
                return GV_ENOMEM;
    }
    if (!out->fields[GV_FIELD_URL] && pg->canonical &&
        make_field(pg->canonical, strlen(pg->canonical),
                   &out->fields[GV_FIELD_URL], err) != GV_OK)
        return GV_ENOMEM;
    return GV_OK;
}

/* Take @p raw as the date if it parses. */
static gv_status
try_date(const char *raw, gv_article *out, gv_err *err)
{
    char *value;

    if (make_field(raw, strlen(raw), &value, err) != GV_OK)
        return GV_ENOMEM;
    if (value && gv_date_parse(value, strlen(value), &out->date)) {
        out->fields[GV_FIELD_DATE] = value;
        out->date_source = GV_DATE_HEADER;
        return GV_OK;
    }
    memset(&out->date, 0, sizeof(out->date));
    free(value);
    return GV_OK;
}

/* The date: the first meta key whose value parses, else the first
 * <time datetime> that does. */
static gv_status
fill_date(const page *pg, const xmlNode *root, gv_article *out, gv_err *err)
{
    const xmlNode *n = root;

    for (int i = 0; i < KEY_MAX_PER_FIELD && !out->fields[GV_FIELD_DATE]; i++)
        if (pg->meta[GV_FIELD_DATE][i] &&
            try_date(pg->meta[GV_FIELD_DATE][i], out, err) != GV_OK)
            return GV_ENOMEM;
    while (n && !out->fields[GV_FIELD_DATE]) {
        const char *dt = is_named(n, "time") ? attr(n, "datetime") : NULL;
        if (dt && try_date(dt, out, err) != GV_OK)
            return GV_ENOMEM;
        n = next_node(root, n, true);
    }
    return GV_OK;
}

/* The story: the first <article>, else <main>, else the whole page (its
 * <body>, and any text a broken page has after </body>), taking the first
 * that holds any text. */
static gv_status
fill_body(const xmlNode *root, const xmlNode **story_out, gv_article *out,
          gv_err *err)
{
    static const char *const story_elements[3] = {"article", "main", NULL};
    gv_buf b = GV_BUF_INIT;

    *story_out = NULL;
    for (size_t i = 0; i < 3 && b.len == 0; i++) {
        const char *name = story_elements[i];
        const xmlNode *story = !name || is_named(root, name)
                                   ? root
                                   : find_first(root, is_named, name, false);
        if (!story)
            continue;
        if (flatten(story, is_named(story, "article"), &b, err) != GV_OK) {
            gv_buf_release(&b);
            return GV_ENOMEM;
        }
        if (b.len > 0)
            *story_out = story;
    }
    if (b.len > 0 && gv_buf_putc(&b, '\n', err) != GV_OK) {
        gv_buf_release(&b);
        return GV_ENOMEM;
    }
    /* libxml2 writes UTF-8, but a page that lies about its charset can
     * still leave bad bytes behind. */
    if (gv_utf8_repair(&b, NULL, err) != GV_OK || fix_c1(&b, err) != GV_OK) {
        gv_buf_release(&b);
        return GV_ENOMEM;
    }
    gv_utf8_blank_controls(b.data, b.len);
    out->body_owned = gv_buf_detach(&b, &out->body_len);
    if (!out->body_owned)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    out->body = out->body_owned;
    return GV_OK;
}

static void
silent_error(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void
silent_structured_error(void *ctx, xmlErrorPtr error)
{
    (void)ctx;
    (void)error;
}

/* Parse with libxml2's error output silenced: NOERROR quiets the parser,
 * but encoding errors go to the global handlers, which print to stderr.
 * libxml2 keeps those per thread; they are put back as found. */
static xmlDoc *
read_quietly(const char *html, int len)
{
    xmlGenericErrorFunc old_generic;
    xmlStructuredErrorFunc old_structured;
    void *old_generic_ctx, *old_structured_ctx;
    xmlDoc *doc;

    xmlInitParser();
    old_generic = xmlGenericError;
    old_generic_ctx = xmlGenericErrorContext;
    old_structured = xmlStructuredError;
    old_structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, silent_error);
    xmlSetStructuredErrorFunc(NULL, silent_structured_error);
    doc = htmlReadMemory(html, len, NULL, NULL, HTML_PARSE_OPTIONS);
    xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
    xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
    return doc;
}

gv_status
gv_html_parse(const char *html, size_t len, gv_article *out, gv_err *err)
{
    page pg;
    xmlDoc *doc;
    const xmlNode *root, *story = NULL;
    gv_status st;

    memset(out, 0, sizeof(*out));
    memset(&pg, 0, sizeof(pg));
    if (len > INT_MAX) /* libxml2 takes an int; the caps are far below */
        return gv_err_set(err, GV_EBADDOC, "page too large for the parser");
    /* libxml2 gives no document for empty or blank input. */
    doc = len > 0 ? read_quietly(html, (int)len) : NULL;
    root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        return gv_err_set(err, GV_EBADDOC, "no text");
    }
    scan_page(root, &pg);
    st = fill_body(root, &story, out, err);
    if (st == GV_OK)
        st = fill_fields(&pg, story, root, out, err);
    if (st == GV_OK)
        st = fill_date(&pg, root, out, err);
    xmlFreeDoc(doc);
    if (st == GV_OK && !out->fields[GV_FIELD_TITLE] && out->body_len == 0)
        st = gv_err_set(err, GV_EBADDOC, "no text");
    return st;
}
