/* Query building and running (see search.h). */
#include "search.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "casefold.h"
#include "datefilter.h"
#include "recency.h"
#include "utf8.h"
#include "xdb.h"

#define SNIPPET_BYTES      200
#define QUOTED_QUERY_BYTES 80

struct gv_searcher {
    gv_db *db;
    gv_qparser *qp;
    unsigned collapse_slot; /* where the copies' collapse keys are */
};

gv_status
gv_searcher_open(const char *db_path, gv_searcher **out, gv_err *err)
{
    const gv_db_open_opts opts = GV_DB_OPEN_OPTS_INIT;

    return gv_searcher_open_many(&db_path, 1, &opts, out, err);
}

gv_status
gv_searcher_open_many(const char *const *db_paths, size_t n,
                      const gv_db_open_opts *opts, gv_searcher **out,
                      gv_err *err)
{
    gv_searcher *s;
    bool collapse_slot = false;
    gv_status st;

    *out = NULL;
    s = calloc(1, sizeof(*s));
    if (!s)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    st = gv_db_open_many(db_paths, n, opts, &s->db, err);
    if (st == GV_OK)
        st = gv_db_metadata_everywhere(s->db, GV_META_COLLAPSE_SLOT,
                                       &collapse_slot, err);
    s->collapse_slot = collapse_slot ? GV_SLOT_DUP_COLLAPSE : GV_SLOT_DUP_GROUP;
    if (st == GV_OK)
        st = gv_qparser_new(s->db, GV_STEM_LANG, GV_TEXT_FLAGS, &s->qp, err);
    if (st == GV_OK)
        st = gv_schema_add_query_fields(s->qp, err);
    if (st == GV_OK)
        st = gv_datefilter_add_fields(s->qp, err);
    if (st != GV_OK) {
        gv_searcher_close(s);
        return st;
    }
    *out = s;
    return GV_OK;
}

void
gv_searcher_close(gv_searcher *s)
{
    if (!s)
        return;
    gv_qparser_free(s->qp);
    gv_db_close(s->db);
    free(s);
}

static void
result_release(gv_result *r)
{
    gv_record_release(&r->record);
    free(r->snippet);
    r->snippet = NULL;
    for (size_t i = 0; i < r->copy_source_count; i++)
        free(r->copy_sources[i]);
    free(r->copy_sources);
    r->copy_sources = NULL;
    r->copy_source_count = 0;
}

gv_db *
gv_searcher_db(gv_searcher *s)
{
    return s->db;
}

void
gv_result_set_free(gv_result_set *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->count; i++)
        result_release(&rs->results[i]);
    free(rs->results);
    gv_mset_free(rs->mset);
    gv_query_free(rs->xquery);
    free(rs);
}

static const char *const facet_names[] = {
    [GV_FACET_NONE] = "none",
    [GV_FACET_SOURCE] = "source",
    [GV_FACET_CITE] = "cite",
};

bool
gv_facet_parse(const char *name, gv_facet *out)
{
    for (int f = GV_FACET_SOURCE; f <= GV_FACET_CITE; f++)
        if (strcmp(name, facet_names[f]) == 0) {
            *out = (gv_facet)f;
            return true;
        }
    return false;
}

const char *
gv_facet_name(gv_facet f)
{
    return facet_names[f];
}

void
gv_result_set_each_facet(const gv_result_set *rs, gv_value_count_fn fn,
                         void *ctx)
{
    if (rs->facet != GV_FACET_NONE)
        gv_mset_each_facet(rs->mset, rs->facet_max, fn, ctx);
}

void
gv_result_set_keep(gv_result_set *rs, const bool *keep)
{
    size_t kept = 0;

    for (size_t i = 0; i < rs->count; i++) {
        if (keep[i])
            rs->results[kept++] = rs->results[i];
        else
            result_release(&rs->results[i]);
    }
    rs->count = kept;
}

/* Decode the entities Xapian's snippet escaping produces. */
static size_t
decode_entity(const char *p, char *out)
{
    static const struct {
        const char *name;
        char c;
    } entities[] = {{"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                    {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};

    for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
        size_t n = strlen(entities[i].name);
        if (strncmp(p, entities[i].name, n) == 0) {
            *out = entities[i].c;
            return n;
        }
    }
    return 0;
}

char *
gv_search_plain_snippet(const char *html)
{
    size_t n = strlen(html);
    char *out = malloc(n + 1), *o = out;
    bool space = false;

    if (!out)
        return NULL;
    for (const char *p = html; *p;) {
        char c = *p;
        size_t used = c == '&' ? decode_entity(p, &c) : 0;
        p += used ? used : 1;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = o != out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = false;
        /* Marked terms side by side read as one: "**司法**", not
         * "**司****法**" (CJK n-grams are marked a character at a time). */
        if (c == GV_HI_START && o > out && o[-1] == GV_HI_END) {
            o--;
            continue;
        }
        *o++ = c;
    }
    *o = '\0';
    return out;
}

/* True when @p query holds something besides white space. */
static bool
has_query(const char *query)
{
    return query && query[strspn(query, " \t\n\r")];
}

/* req->query parsed into *out. */
static gv_status
parse_text(gv_searcher *s, const gv_search_req *req, gv_query **out,
           gv_err *err)
{
    size_t n = strlen(req->query);
    gv_err parse_err = GV_ERR_INIT;
    char *folded;
    gv_status st;

    *out = NULL;
    if (n > GV_MAX_QUERY_BYTES)
        return gv_err_set(err, GV_EQUERY,
                          "query of %zu bytes is longer than the %u-byte "
                          "limit",
                          n, GV_MAX_QUERY_BYTES);
    /* Xapian would read stray bytes as Latin-1 and quietly search for
     * other words (and an XPATH term of a non-UTF-8 file name could never
     * match either way): say so instead, naming the first bad byte. */
    if (!gv_utf8_is_valid(req->query, n)) {
        size_t at = 0;
        uint32_t cp;
        for (size_t len; (len = gv_utf8_decode(req->query + at, n - at, &cp));)
            at += len;
        return gv_err_set(err, GV_EQUERY,
                          "query is not valid UTF-8 (byte %zu is 0x%02x)",
                          at + 1, (unsigned)(unsigned char)req->query[at]);
    }
    folded = gv_query_fold_case(req->query);
    if (!folded)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    gv_qparser_set_default_op(s->qp, req->match_any ? GV_OP_OR : GV_OP_AND);
    st = gv_qparser_parse(s->qp, folded, out, &parse_err);
    free(folded);
    if (st == GV_EQUERY) {
        /* Quote a long query only in part, cut between characters. */
        size_t shown = gv_utf8_clip(req->query, n, QUOTED_QUERY_BYTES);
        return gv_err_set(err, st, "cannot parse query '%.*s%s': %s",
                          (int)shown, req->query, shown < n ? "..." : "",
                          parse_err.msg);
    }
    if (st != GV_OK)
        return gv_err_set(err, st, "%s", parse_err.msg);
    return GV_OK;
}

/* *q combined with the query of req->like: that query alone when *q is
 * NULL, else *q's matches ranked by both. */
static gv_status
add_like(gv_searcher *s, const gv_search_req *req, gv_query **q, gv_err *err)
{
    gv_query *like = NULL, *both = NULL;
    gv_status st = gv_qparser_like(s->qp, req->like, req->like_len,
                                   req->like_terms, &like, err);

    if (st != GV_OK || !*q) {
        gv_query_free(*q);
        *q = like;
        return st;
    }
    st = gv_query_new_and_maybe(*q, like, &both, err);
    gv_query_free(like);
    gv_query_free(*q);
    *q = both;
    return st;
}

/* The query of @p req: its text, its --like text, its date range. */
static gv_status
parse_query(gv_searcher *s, const gv_search_req *req, gv_query **out,
            gv_err *err)
{
    gv_status st = GV_OK;

    *out = NULL;
    if (has_query(req->query))
        st = parse_text(s, req, out, err);
    else if (!req->like)
        return gv_err_set(err, GV_EQUERY, "empty query");
    if (st == GV_OK && req->like)
        st = add_like(s, req, out, err);
    if (st == GV_OK && (req->date_lo || req->date_hi)) {
        gv_query *range = NULL, *parsed = *out;
        *out = NULL;
        st = gv_query_new_value_range(GV_SLOT_DATE, req->date_lo, req->date_hi,
                                      &range, err);
        if (st == GV_OK)
            st = gv_query_new_filtered(parsed, range, out, err);
        gv_query_free(range);
        gv_query_free(parsed);
    }
    if (st != GV_OK) {
        gv_query_free(*out);
        *out = NULL;
    }
    return st;
}

/* Hit @p i of @p ms into @p r; @p decayed when its weight is the rank
 * key of --recent, which is shown as the decayed score; @p record_only
 * leaves its citations and group empty. */
static gv_status
fill_result(gv_mset *ms, unsigned i, bool decayed, bool record_only,
            gv_result *r, gv_err *err)
{
    const char *group;
    size_t group_len;
    gv_hit hit;
    size_t len;
    gv_status st;

    st = gv_mset_hit(ms, i, &hit, err);
    if (st != GV_OK)
        return st;
    r->hit = i;
    r->rank = hit.rank + 1;
    r->docid = hit.docid;
    r->score = decayed ? exp2(hit.weight) : hit.weight;
    r->percent = hit.percent;
    r->copies = hit.collapse_count;
    r->citations = "";
    if (!record_only) {
        st = gv_mset_value(ms, i, GV_SLOT_CITES, &r->citations, &len, err);
        if (st == GV_OK)
            st = gv_mset_value(ms, i, GV_SLOT_DUP_GROUP, &group, &group_len,
                               err);
        if (st != GV_OK)
            return st;
        if (group_len == GV_DUP_GROUP_LEN)
            memcpy(r->group, group, GV_DUP_GROUP_LEN + 1);
    }
    return gv_record_parse(hit.data, hit.data_len, &r->record, err);
}

/* Add @p source to the sources of @p r's copies, unless it is there. */
static gv_status
add_copy_source(gv_result *r, const char *source, gv_err *err)
{
    char *copy;

    if (!source || !*source || r->copy_source_count == GV_MAX_COPY_SOURCES)
        return GV_OK;
    for (size_t i = 0; i < r->copy_source_count; i++)
        if (strcmp(r->copy_sources[i], source) == 0)
            return GV_OK;
    if (!r->copy_sources) {
        r->copy_sources = calloc(GV_MAX_COPY_SOURCES, sizeof(char *));
        if (!r->copy_sources)
            return gv_err_set(err, GV_ENOMEM, "out of memory");
    }
    copy = strdup(source);
    if (!copy)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    r->copy_sources[r->copy_source_count++] = copy;
    return GV_OK;
}

/* The copies of @p r that match the query: the query run again, filtered
 * to its group's term. */
static gv_status
fill_copies(gv_result_set *rs, gv_result *r, gv_err *err)
{
    gv_search_opts opts = GV_SEARCH_OPTS_INIT;
    char term[GV_DUP_TERM_BYTES];
    gv_query *group = NULL, *q = NULL;
    gv_mset *ms = NULL;
    unsigned members = 0;
    gv_status st;

    gv_schema_dup_group_term(r->group, term);
    st = gv_db_term_freq(rs->db, term, &members, err);
    if (st != GV_OK || members < 2)
        return st;
    st = gv_query_new_term(term, &group, err);
    if (st == GV_OK)
        st = gv_query_new_filtered(rs->xquery, group, &q, err);
    /* Copies beyond the sources shown need counting, not reading. */
    opts.limit = GV_MAX_COPY_SOURCES * 2;
    opts.check_at_least = members;
    if (st == GV_OK)
        st = gv_db_search(rs->db, q, &opts, &ms, err);
    if (st == GV_OK) {
        unsigned n = gv_mset_estimate(ms);
        r->copies = n > 0 ? n - 1 : 0;
    }
    for (unsigned i = 0; st == GV_OK && i < gv_mset_size(ms); i++) {
        gv_record rec;
        gv_hit hit;
        st = gv_mset_hit(ms, i, &hit, err);
        if (st != GV_OK || hit.docid == r->docid)
            continue;
        st = gv_record_parse(hit.data, hit.data_len, &rec, err);
        if (st == GV_OK)
            st = add_copy_source(r, rec.fields[GV_FIELD_SOURCE], err);
        gv_record_release(&rec);
    }
    gv_mset_free(ms);
    gv_query_free(q);
    gv_query_free(group);
    return st;
}

gv_status
gv_result_set_fill_copies(gv_result_set *rs, gv_err *err)
{
    gv_status st = GV_OK;

    for (size_t i = 0; st == GV_OK && rs->collapsed && i < rs->count; i++)
        if (rs->results[i].group[0] && !rs->results[i].copy_sources)
            st = fill_copies(rs, &rs->results[i], err);
    return st;
}

/* The snippet of hit @p r, from its stored body (@p text is scratch
 * space). A body that cannot be decoded, which only a damaged index
 * holds, gives an empty snippet: the hit itself is still good. */
static gv_status
make_snippet(gv_mset *ms, gv_result *r, gv_buf *text, gv_err *err)
{
    const char hi_start[] = {GV_HI_START, '\0'}, hi_end[] = {GV_HI_END, '\0'};
    gv_err damaged = GV_ERR_INIT;
    const char *value;
    size_t value_len;
    char *html = NULL;
    gv_status st;

    st = gv_mset_value(ms, r->hit, GV_SLOT_BODY, &value, &value_len, err);
    if (st != GV_OK)
        return st;
    st = gv_schema_body_decode(value, value_len, text, &damaged);
    if (st == GV_ENOMEM)
        return gv_err_set(err, st, "%s", damaged.msg);
    if (st != GV_OK)
        gv_buf_reset(text);
    st = gv_mset_snippet(ms, text->data, text->len, SNIPPET_BYTES, hi_start,
                         hi_end, "...", &html, err);
    if (st == GV_OK) {
        r->snippet = gv_search_plain_snippet(html);
        if (!r->snippet)
            st = gv_err_set(err, GV_ENOMEM, "out of memory");
    }
    free(html);
    return st;
}

void
gv_result_set_truncate(gv_result_set *rs, size_t n)
{
    for (size_t i = n; i < rs->count; i++)
        result_release(&rs->results[i]);
    if (n < rs->count)
        rs->count = n;
}

gv_status
gv_result_set_fill_snippets(gv_result_set *rs, gv_err *err)
{
    gv_buf text = GV_BUF_INIT;
    gv_status st = GV_OK;

    for (size_t i = 0; st == GV_OK && i < rs->count; i++)
        if (!rs->results[i].snippet)
            st = make_snippet(rs->mset, &rs->results[i], &text, err);
    gv_buf_release(&text);
    return st;
}

typedef struct recency {
    long today;
    double half_life;
} recency;

/* The rank key of --recent: the log of the decayed score, which keeps
 * the order of articles too old for the score itself to be told apart. */
static double
decay_by_age(void *ctx, const char *date, size_t len, double weight)
{
    const recency *r = ctx;
    double halvings =
        date ? gv_recency_halvings(date, len, r->today, r->half_life) : 0;
    /* A pure filter weighs nothing: then newer still comes first. */
    return log2(weight > 0 ? weight : DBL_MIN) - halvings;
}

/* An exact count of collapsed matches: Xapian knows how many groups
 * there are only when the match set can hold every match, so the search
 * runs again with room for them all, reading no documents. */
static gv_status
count_collapsed(gv_db *db, const gv_query *q, const gv_search_opts *opts,
                gv_mset **out, gv_err *err)
{
    gv_search_opts count = *opts;

    count.offset = 0;
    count.limit = opts->check_at_least;
    count.count_only = true;
    return gv_db_search(db, q, &count, out, err);
}

gv_status
gv_searcher_run(gv_searcher *s, const gv_search_req *req, gv_result_set **out,
                gv_err *err)
{
    gv_search_opts opts = GV_SEARCH_OPTS_INIT;
    recency age = {gv_recency_today(req->now), req->recent_half_life};
    gv_result_set *rs = NULL;
    gv_query *q = NULL;
    gv_mset *ms = NULL, *counted = NULL;
    gv_status st;

    *out = NULL;
    st = parse_query(s, req, &q, err);
    if (st != GV_OK)
        return st;
    opts.offset = req->offset;
    opts.limit = req->limit;
    opts.bm25_k1 = req->bm25_k1 > 0 ? req->bm25_k1 : GV_BM25_K1_DEFAULT;
    opts.bm25_b = req->bm25_b > 0 ? req->bm25_b : GV_BM25_B_DEFAULT;
    opts.sort_slot = GV_SLOT_DATE;
    opts.sort = req->order == GV_ORDER_NEWEST   ? GV_SORT_VALUE_DESC
                : req->order == GV_ORDER_OLDEST ? GV_SORT_VALUE_ASC
                                                : GV_SORT_RELEVANCE;
    if (req->recent_half_life > 0) {
        opts.rescore = decay_by_age;
        opts.rescore_ctx = &age;
        opts.rescore_slot = GV_SLOT_DATE;
    }
    /* Copies of one story: only the best of each group. */
    opts.collapse_slot = req->all_copies ? -1 : (int)s->collapse_slot;
    /* Even for no hits (-n 0), look at one match: Xapian's bounds are 0
     * when it checks nothing, and the exit code rests on them. */
    opts.check_at_least = req->offset + (req->limit ? req->limit : 1);
    if (req->facet != GV_FACET_NONE)
        opts.facet_slot =
            req->facet == GV_FACET_CITE ? GV_SLOT_CITES : GV_SLOT_SOURCE;
    if (req->exact_count || req->facet != GV_FACET_NONE) {
        unsigned docs = 0;
        st = gv_db_doc_count(s->db, &docs, err);
        if (st != GV_OK)
            goto out;
        /* Checking every document makes the count (and the facet
         * counts) exact. */
        if (docs > opts.check_at_least)
            opts.check_at_least = docs;
    }
    st = gv_db_search(s->db, q, &opts, &ms, err);
    if (st == GV_OK && req->exact_count && opts.collapse_slot >= 0 &&
        gv_mset_lower_bound(ms) != gv_mset_upper_bound(ms))
        st = count_collapsed(s->db, q, &opts, &counted, err);
    if (st != GV_OK)
        goto out;
    rs = calloc(1, sizeof(*rs));
    if (rs && gv_mset_size(ms))
        rs->results = calloc(gv_mset_size(ms), sizeof(*rs->results));
    if (!rs || (gv_mset_size(ms) && !rs->results)) {
        st = gv_err_set(err, GV_ENOMEM, "out of memory");
        goto out;
    }
    rs->mset = ms;
    ms = NULL;
    rs->xquery = q;
    q = NULL;
    rs->db = s->db;
    rs->collapsed = !req->all_copies;
    rs->query = req->query;
    rs->offset = req->offset;
    rs->facet = req->facet;
    rs->facet_max = req->facet_max;
    rs->estimated = gv_mset_estimate(counted ? counted : rs->mset);
    rs->lower_bound = gv_mset_lower_bound(counted ? counted : rs->mset);
    rs->upper_bound = gv_mset_upper_bound(counted ? counted : rs->mset);
    for (unsigned i = 0; st == GV_OK && i < gv_mset_size(rs->mset); i++) {
        rs->count = i + 1;
        st = fill_result(rs->mset, i, opts.rescore != NULL, req->records_only,
                         &rs->results[i], err);
    }
    if (st == GV_OK) {
        *out = rs;
        rs = NULL;
    }
out:
    gv_result_set_free(rs);
    gv_mset_free(ms);
    gv_mset_free(counted);
    gv_query_free(q);
    return st;
}
