/* The indexing pipeline (see index.h). */
#include "index.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "dating.h"
#include "html.h"
#include "jsonl.h"
#include "neardup.h"
#include "schema.h"
#include "shards.h"
#include "stamp.h"
#include "utf8.h"
#include "walk.h"
#include "xdb.h"

struct gv_indexer {
    /* The shards written (one, unless --db is a stub of shards), and the
     * one the file at hand goes to. Each shard is a database of its own,
     * with the documents and stamps of the files routed to it: a worker
     * per shard could write them in parallel. */
    gv_db **shards; /* NULL where another worker writes the shard */
    unsigned nshards;
    gv_db *own; /* the first shard this process writes */
    gv_db *db;
    gv_index_opts opts;
    gv_index_stats stats;
    unsigned pending;     /* documents written since the last commit */
    size_t pending_bytes; /* and the bytes of their text */
    struct stat db_stat;
    bool have_db_stat;
    /* The real path of the folder of the last file, so that a walk does
     * not resolve every file's path from the root (realpath costs a
     * system call per component). */
    char dir[PATH_MAX], dir_real[PATH_MAX];
    /* Hashes of the real paths of the files met in this run, for the
     * sweep of files gone: an open-addressing table of seen_cap slots
     * (a power of two, at most half full; 0 marks an empty slot). */
    uint64_t *seen;
    size_t nseen, seen_cap;
    gv_buf text, idterm, key, value; /* reused for every file */
    gv_buf dup_value;                /* a candidate copy's signature */
};

/* Record problems reported one by one in a JSON-lines file; the rest
 * are counted in one closing warning. */
#define MAX_RECORD_WARNINGS 10

static bool
has_ext(const char *dot, size_t len, const char *ext)
{
    return len == strlen(ext) && strncmp(dot, ext, len) == 0;
}

gv_input_format
gv_index_format_of(const char *name)
{
    static const struct {
        const char *ext;
        gv_input_format format;
    } exts[] = {{".txt", GV_INPUT_TEXT},    {".text", GV_INPUT_TEXT},
                {".html", GV_INPUT_HTML},   {".htm", GV_INPUT_HTML},
                {".xhtml", GV_INPUT_HTML},  {".jsonl", GV_INPUT_JSONL},
                {".ndjson", GV_INPUT_JSONL}};
    const char *base = strrchr(name, '/');
    size_t n;

    base = base ? base + 1 : name;
    n = strlen(base);
    if (n > 3 && strcmp(base + n - 3, ".gz") == 0)
        n -= 3;
    /* The extension is what follows the last dot not at the start. */
    const char *dot = NULL;
    for (size_t i = 1; i < n; i++)
        if (base[i] == '.')
            dot = base + i;
    if (!dot)
        return GV_INPUT_TEXT;
    for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
        if (has_ext(dot, n - (size_t)(dot - base), exts[i].ext))
            return exts[i].format;
    return GV_INPUT_NONE;
}

bool
gv_index_wants_name(const char *name)
{
    return gv_index_format_of(name) != GV_INPUT_NONE;
}

static void
warn(gv_indexer *ix, const char *path, const char *msg, gv_warning_kind kind)
{
    if (kind == GV_WARN_FAILED)
        ix->stats.failed++;
    else if (kind == GV_WARN_PARTIAL)
        ix->stats.partial++;
    else if (kind == GV_WARN_RECORD)
        ix->stats.bad_records++;
    else
        ix->stats.repaired++;
    if (ix->opts.warn)
        ix->opts.warn(ix->opts.ctx, path, msg, kind);
}

/* Open @p db_path for writing in @p mode, waiting up to @p wait_seconds
 * for another writer to let go of it. */
static gv_status
open_waiting(const char *db_path, gv_db_mode mode, unsigned wait_seconds,
             gv_db **out, gv_err *err)
{
    const struct timespec pause = {0, 200 * 1000 * 1000};
    struct timespec start, now;

    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        gv_err try_err = GV_ERR_INIT;
        gv_status st = gv_db_open(db_path, mode, out, &try_err);
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (st != GV_ELOCKED || now.tv_sec - start.tv_sec >= wait_seconds)
            return st == GV_OK ? GV_OK : gv_err_set(err, st, "%s", try_err.msg);
        nanosleep(&pause, NULL);
    }
}

/* Whether shard @p i is this process's to write. */
static bool
owns_shard(const gv_indexer *ix, unsigned i)
{
    return ix->opts.workers <= 1 || i % ix->opts.workers == ix->opts.worker;
}

/* Whether this process reports what every worker meets. */
static bool
is_lead(const gv_indexer *ix)
{
    return ix->opts.workers <= 1 || ix->opts.worker == 0;
}

/* An index without documents yet keeps what finds copies the way a
 * search reads fastest: say so (see GV_META_COLLAPSE_SLOT). */
static gv_status
mark_if_new(gv_db *db, gv_err *err)
{
    unsigned docs = 0;
    gv_status st = gv_db_doc_count(db, &docs, err);

    if (st == GV_OK && docs == 0)
        st = gv_db_set_metadata(db, GV_META_COLLAPSE_SLOT, "1", err);
    return st;
}

/* Open the shards of @p db_path into ix->shards: the stub file of
 * shards it is, or N new ones beside it (opts.shards), or else the one
 * index it is. */
static gv_status
open_shards(gv_indexer *ix, const char *db_path, gv_err *err)
{
    unsigned want = ix->opts.shards, have = 0;
    gv_buf path = GV_BUF_INIT;
    struct stat sb;
    bool exists = stat(db_path, &sb) == 0;
    gv_status st = GV_OK;

    if (exists && S_ISREG(sb.st_mode) && ix->opts.shards_as_one) {
        have = 1; /* Xapian opens the stub file's shards as one */
    } else if (exists && S_ISREG(sb.st_mode)) {
        st = gv_shards_read(db_path, &have, err);
        if (st == GV_OK && want && want != have)
            st = gv_err_set(err, GV_EINVAL,
                            "'%s' holds %u shards, not %u: documents are "
                            "placed by the number of shards (merge them into "
                            "one index with --compact, or index again into a "
                            "new stub file)",
                            db_path, have, want);
    } else if (exists && want > 1) {
        st = gv_err_set(err, GV_EINVAL,
                        "'%s' is one index: --shards makes a new stub file "
                        "and its shards",
                        db_path);
    } else {
        have = want > 1 ? want : 1;
        if (have > 1)
            st = gv_shards_make_folder(db_path, err);
    }
    if (st == GV_OK && !(ix->shards = calloc(have, sizeof(*ix->shards))))
        st = gv_err_set(err, GV_ENOMEM, "out of memory");
    for (unsigned i = 0; st == GV_OK && i < have; i++) {
        ix->nshards = i + 1;
        if (!owns_shard(ix, i))
            continue; /* another worker's */
        if (have > 1)
            st = gv_shards_path(db_path, i, &path, err);
        if (st == GV_OK)
            st = open_waiting(have > 1 ? path.data : db_path,
                              ix->opts.unsynced ? GV_DB_WRITE_UNSYNCED
                                                : GV_DB_WRITE,
                              ix->opts.wait_seconds, &ix->shards[i], err);
        if (st == GV_OK)
            st = mark_if_new(ix->shards[i], err);
        if (st == GV_OK && !ix->own)
            ix->own = ix->shards[i];
    }
    /* The stub last: it lists only shards that exist. */
    if (st == GV_OK && have > 1 && want > 1 && stat(db_path, &sb) != 0)
        st = gv_shards_write(db_path, have, err);
    gv_buf_release(&path);
    return st;
}

unsigned
gv_index_default_batch(unsigned docs)
{
    unsigned batch = docs / GV_INDEX_BATCH_PER_DOCS;

    if (docs == 0)
        return GV_INDEX_BATCH_DEFAULT;
    if (batch < GV_INDEX_BATCH_UPDATE)
        return GV_INDEX_BATCH_UPDATE;
    return batch < GV_INDEX_BATCH_MAX_AUTO ? batch : GV_INDEX_BATCH_MAX_AUTO;
}

gv_status
gv_indexer_open(const char *db_path, const gv_index_opts *opts,
                gv_indexer **out, gv_err *err)
{
    gv_indexer *ix;
    gv_status st;

    *out = NULL;
    ix = calloc(1, sizeof(*ix));
    if (!ix)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    ix->opts = *opts;
    if (ix->opts.batch_bytes == 0)
        ix->opts.batch_bytes = GV_INDEX_BATCH_BYTES_DEFAULT;
    gv_buf_init(&ix->text);
    gv_buf_init(&ix->idterm);
    gv_buf_init(&ix->key);
    gv_buf_init(&ix->value);
    gv_buf_init(&ix->dup_value);
    st = open_shards(ix, db_path, err);
    if (st != GV_OK) {
        gv_indexer_close(ix);
        return st;
    }
    ix->db = ix->own;
    if (!ix->db) {
        gv_indexer_close(ix);
        return gv_err_set(err, GV_EINVAL, "worker %u of %u has no shard",
                          opts->worker, opts->workers);
    }
    if (ix->opts.batch_docs == 0) {
        unsigned docs = 0;
        st = gv_db_doc_count(ix->db, &docs, err);
        if (st != GV_OK) {
            gv_indexer_close(ix);
            return st;
        }
        ix->opts.batch_docs = gv_index_default_batch(docs);
    }
    /* The index may live inside a folder being indexed: never index it. */
    ix->have_db_stat = stat(db_path, &ix->db_stat) == 0;
    *out = ix;
    return GV_OK;
}

void
gv_indexer_close(gv_indexer *ix)
{
    if (!ix)
        return;
    for (unsigned i = 0; i < ix->nshards; i++)
        gv_db_close(ix->shards[i]);
    free(ix->shards);
    gv_buf_release(&ix->text);
    gv_buf_release(&ix->idterm);
    gv_buf_release(&ix->key);
    gv_buf_release(&ix->value);
    gv_buf_release(&ix->dup_value);
    free(ix->seen);
    free(ix);
}

const gv_index_stats *
gv_indexer_stats(const gv_indexer *ix)
{
    return &ix->stats;
}

gv_status
gv_indexer_doc_count(gv_indexer *ix, unsigned *out, gv_err *err)
{
    gv_status st = GV_OK;

    *out = 0;
    for (unsigned i = 0; st == GV_OK && i < ix->nshards; i++) {
        unsigned n = 0;
        if (ix->shards[i])
            st = gv_db_doc_count(ix->shards[i], &n, err);
        *out += n;
    }
    return st;
}

unsigned
gv_indexer_shard_count(const gv_indexer *ix)
{
    return ix->nshards;
}

static void
enter_phase(const gv_indexer *ix, gv_index_phase phase)
{
    if (ix->opts.phase)
        ix->opts.phase(ix->opts.ctx, phase);
}

/* Commit without announcing a phase: batch commits are part of the
 * phase they happen in. */
static gv_status
commit_batch(gv_indexer *ix, gv_err *err)
{
    gv_status st = GV_OK;

    /* Each shard commits on its own: after a crash between two, each
     * holds the stamps of the files it holds, so the next run redoes
     * exactly what a shard lost. */
    for (unsigned i = 0; st == GV_OK && i < ix->nshards; i++)
        if (ix->shards[i])
            st = gv_db_commit(ix->shards[i], err);
    if (st == GV_OK) {
        ix->pending = 0;
        ix->pending_bytes = 0;
        ix->stats.commits++;
    }
    return st;
}

gv_status
gv_indexer_commit(gv_indexer *ix, gv_err *err)
{
    enter_phase(ix, GV_PHASE_COMMITTING);
    return commit_batch(ix, err);
}

/* Commit once a batch is full, by documents or by bytes. */
static gv_status
maybe_commit(gv_indexer *ix, gv_err *err)
{
    if (ix->pending >= ix->opts.batch_docs ||
        ix->pending_bytes >= ix->opts.batch_bytes)
        return commit_batch(ix, err);
    return GV_OK;
}

/* Read @p abs_path into ix->text as it is, stopped at the caps without a
 * cut-off character. Problems with the file are warnings (GV_EBADDOC,
 * GV_EIO in @p file_err); only GV_ENOMEM is the caller's to stop on. */
static gv_status
load_raw(gv_indexer *ix, const char *path, const char *abs_path,
         gv_input_format format, gv_err *file_err)
{
    gv_read_limits limits = ix->opts.limits;
    char msg[320];
    gv_read_info info;
    gv_status st;

    /* libxml2's tree takes some 20 times the page: keep that bounded. */
    if (format == GV_INPUT_HTML && limits.max_text_bytes > GV_MAX_HTML_BYTES)
        limits.max_text_bytes = GV_MAX_HTML_BYTES;
    gv_buf_reset(&ix->text);
    st = gv_gz_read_file(abs_path, &limits, &ix->text, &info, file_err);
    if (st == GV_OK)
        ix->stats.bytes_read += ix->text.len;
    if (st == GV_OK && info.hit_cap) {
        ix->text.len = gv_utf8_complete_len(ix->text.data, ix->text.len);
        ix->text.data[ix->text.len] = '\0';
        snprintf(msg, sizeof(msg),
                 "indexed only the first %zu bytes (size cap reached)",
                 ix->text.len);
        warn(ix, path, msg, GV_WARN_PARTIAL);
    }
    return st;
}

/* Make @p text clean UTF-8: invalid sequences repaired (counted into
 * *repaired), control characters blanked. */
static gv_status
clean_text(gv_buf *text, size_t *repaired, gv_err *err)
{
    gv_status st = gv_utf8_repair(text, repaired, err);

    if (st == GV_OK)
        gv_utf8_blank_controls(text->data, text->len);
    return st;
}

static void
warn_repaired(gv_indexer *ix, const char *path, size_t repaired)
{
    char msg[320];

    snprintf(msg, sizeof(msg),
             "replaced %zu invalid UTF-8 sequence%s with U+FFFD", repaired,
             repaired == 1 ? "" : "s");
    warn(ix, path, msg, GV_WARN_REPAIRED);
}

/* Copies of one story (see README, "Wire copies").
 *
 * A new document with a fingerprint looks up the documents that share
 * one of its band terms (in the writable index, so documents not yet
 * committed count too), compares fingerprints, and joins the group of
 * the most similar copy; without one it starts a group named after its
 * own id term. Groups are never re-formed: when the document that
 * started a group changes or goes, the others keep the group's id, and
 * a changed first document that is no longer a copy of them starts a
 * group under another id. A band shared by very many documents is
 * boilerplate: only its first MAX_BAND_CANDIDATES count. */
#define MAX_BAND_CANDIDATES 64
#define MAX_DUP_CANDIDATES  (MAX_BAND_CANDIDATES * GV_NEARDUP_BANDS)
#define MAX_GROUP_ATTEMPTS  8

typedef struct dup_candidates {
    unsigned docids[MAX_DUP_CANDIDATES];
    size_t count, from_band;
} dup_candidates;

static bool
add_candidate(void *ctx, unsigned docid)
{
    dup_candidates *c = ctx;

    for (size_t i = 0; i < c->count; i++)
        if (c->docids[i] == docid)
            return c->count - c->from_band < MAX_BAND_CANDIDATES;
    c->docids[c->count++] = docid;
    return c->count - c->from_band < MAX_BAND_CANDIDATES;
}

static bool
found_one(void *ctx, unsigned docid)
{
    (void)docid;
    *(bool *)ctx = true;
    return false;
}

/* The documents of the band terms that two or more documents share, read
 * in one pass over them: regrouping looks a document's bands up here, as
 * a lookup in the index opens a posting list in every shard. */
typedef struct band_lists {
    gv_buf terms;  /* GV_DUP_TERM_BYTES a term, in byte order */
    gv_buf starts; /* size_t: where each term's documents start in docids,
                      and one past the last */
    gv_buf docids; /* unsigned: the first MAX_DUP_CANDIDATES of each term,
                      all a band can add to the candidates */
    gv_buf all;    /* unsigned: every document of each term */
    size_t nterms, in_term;
    gv_status st;
    gv_err *err;
} band_lists;

#define BAND_LISTS_INIT                                                        \
    {                                                                          \
        GV_BUF_INIT, GV_BUF_INIT, GV_BUF_INIT, GV_BUF_INIT, 0, 0, GV_OK, NULL  \
    }

static bool
add_band_posting(void *ctx, const char *term, unsigned docid)
{
    band_lists *bl = ctx;
    gv_status st = GV_OK;

    if (!bl->nterms ||
        strcmp(term, bl->terms.data + (bl->nterms - 1) * GV_DUP_TERM_BYTES)) {
        char padded[GV_DUP_TERM_BYTES] = {0};
        size_t at = bl->docids.len / sizeof(unsigned);
        memcpy(padded, term, strnlen(term, sizeof(padded) - 1));
        st = gv_buf_append(&bl->terms, padded, sizeof(padded), bl->err);
        if (st == GV_OK)
            st = gv_buf_append(&bl->starts, (const char *)&at, sizeof(at),
                               bl->err);
        bl->nterms++;
        bl->in_term = 0;
    }
    if (st == GV_OK && bl->in_term < MAX_DUP_CANDIDATES) {
        st = gv_buf_append(&bl->docids, (const char *)&docid, sizeof(docid),
                           bl->err);
        bl->in_term++;
    }
    if (st == GV_OK)
        st = gv_buf_append(&bl->all, (const char *)&docid, sizeof(docid),
                           bl->err);
    bl->st = st;
    return st == GV_OK;
}

/* Read the shared band terms of @p db into *bl. */
static gv_status
read_band_lists(gv_db *db, band_lists *bl, gv_err *err)
{
    size_t end;
    gv_status st;

    bl->err = err;
    st = gv_db_each_shared_posting(db, GV_PREFIX_DUP_BAND, add_band_posting, bl,
                                   err);
    if (st == GV_OK)
        st = bl->st;
    end = bl->docids.len / sizeof(unsigned);
    return st == GV_OK ? gv_buf_append(&bl->starts, (const char *)&end,
                                       sizeof(end), err)
                       : st;
}

static void
release_band_lists(band_lists *bl)
{
    gv_buf_release(&bl->terms);
    gv_buf_release(&bl->starts);
    gv_buf_release(&bl->docids);
    gv_buf_release(&bl->all);
}

static int
compare_terms(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* Add to @p cand the documents of band term @p term from @p bl (only
 * @p self when no other shares it), as a lookup of its posting list
 * would. */
static void
add_band_candidates(const band_lists *bl, const char *term, unsigned self,
                    dup_candidates *cand)
{
    char padded[GV_DUP_TERM_BYTES] = {0};
    const char *found;

    memcpy(padded, term, strnlen(term, sizeof(padded) - 1));
    found = bl->nterms ? bsearch(padded, bl->terms.data, bl->nterms,
                                 GV_DUP_TERM_BYTES, compare_terms)
                       : NULL;
    if (!found) {
        add_candidate(cand, self);
        return;
    }
    size_t t = (size_t)(found - bl->terms.data) / GV_DUP_TERM_BYTES;
    const size_t *starts = (const size_t *)(const void *)bl->starts.data;
    const unsigned *ids = (const unsigned *)(const void *)bl->docids.data;
    for (size_t i = starts[t]; i < starts[t + 1]; i++)
        if (!add_candidate(cand, ids[i]))
            break;
}

/* The group of the document most like one with fingerprint @p sig, of
 * those numbered below @p before (0: any), into @p group ("" if none is a
 * copy). Its bands are looked up in @p bl when given (document @p before
 * is then in the index), else in the index. */
static gv_status
best_copy_group(gv_indexer *ix, const gv_neardup_sig *sig, unsigned before,
                const band_lists *bl, char group[GV_DUP_GROUP_LEN + 1],
                gv_err *err)
{
    dup_candidates cands, *cand = &cands; /* 4 KiB */
    char term[GV_DUP_TERM_BYTES];
    double best_sim = -1.0;
    gv_status st = GV_OK;

    cand->count = 0;
    group[0] = '\0';
    for (unsigned b = 0; st == GV_OK && b < GV_NEARDUP_BANDS; b++) {
        gv_schema_dup_band_term(sig, b, term);
        cand->from_band = cand->count;
        if (bl)
            add_band_candidates(bl, term, before, cand);
        else
            st = gv_db_each_posting(ix->db, term, add_candidate, cand, err);
    }
    for (size_t i = 0; st == GV_OK && i < cand->count; i++) {
        gv_neardup_sig other;
        double sim;
        if (before && cand->docids[i] >= before)
            continue;
        st = gv_db_get_value(ix->db, cand->docids[i], GV_SLOT_DUP_SIG,
                             &ix->dup_value, err);
        if (st != GV_OK ||
            !gv_neardup_decode(ix->dup_value.data, ix->dup_value.len, &other))
            continue;
        if (!gv_neardup_is_copy(sig, &other, &sim) || sim <= best_sim)
            continue;
        st = gv_db_get_value(ix->db, cand->docids[i], GV_SLOT_DUP_GROUP,
                             &ix->dup_value, err);
        if (st == GV_OK && ix->dup_value.len == GV_DUP_GROUP_LEN) {
            memcpy(group, ix->dup_value.data, GV_DUP_GROUP_LEN + 1);
            best_sim = sim;
        }
    }
    return st;
}

/* The group of copies for a document of unique term @p idterm with
 * fingerprint @p sig, into @p group; *joined: a copy's group, not a new
 * one. */
static gv_status
choose_group(gv_indexer *ix, const gv_neardup_sig *sig, const char *idterm,
             char group[GV_DUP_GROUP_LEN + 1], bool *joined, gv_err *err)
{
    char term[GV_DUP_TERM_BYTES];
    gv_status st = best_copy_group(ix, sig, 0, NULL, group, err);

    *joined = group[0] != '\0';
    /* A new group, under an id no other document holds. */
    for (unsigned n = 0; st == GV_OK && !group[0] && n < MAX_GROUP_ATTEMPTS;
         n++) {
        bool taken = false;
        gv_schema_dup_group_id(idterm, n, group);
        gv_schema_dup_group_term(group, term);
        st = gv_db_each_posting(ix->db, term, found_one, &taken, err);
        if (taken && n + 1 < MAX_GROUP_ATTEMPTS)
            group[0] = '\0';
    }
    return st;
}

/* Up to two documents of a group, less one. */
typedef struct group_members {
    unsigned skip; /* the document joining (0: none) */
    unsigned docids[2];
    size_t count;
} group_members;

static bool
add_member(void *ctx, unsigned docid)
{
    group_members *m = ctx;

    if (docid != m->skip)
        m->docids[m->count++] = docid;
    return m->count < 2;
}

static bool
first_docid(void *ctx, unsigned docid)
{
    *(unsigned *)ctx = docid;
    return false;
}

/* A document (@p self, or the one of unique term @p idterm) joins group
 * @p group: *has_others tells whether the group holds another, and when
 * that one was alone, it gets its collapse key (GV_SLOT_DUP_COLLAPSE),
 * which every document of a group of several has. */
static gv_status
join_group(gv_indexer *ix, const char *group, unsigned self, const char *idterm,
           bool *has_others, gv_err *err)
{
    char term[GV_DUP_TERM_BYTES];
    group_members m = {self, {0, 0}, 0};
    gv_status st = GV_OK;

    *has_others = false;
    if (idterm) /* its older version is not another */
        st = gv_db_each_posting(ix->db, idterm, first_docid, &m.skip, err);
    gv_schema_dup_group_term(group, term);
    if (st == GV_OK)
        st = gv_db_each_posting(ix->db, term, add_member, &m, err);
    if (st != GV_OK || m.count == 0)
        return st;
    *has_others = true;
    if (m.count == 1)
        st = gv_db_get_value(ix->db, m.docids[0], GV_SLOT_DUP_COLLAPSE,
                             &ix->dup_value, err);
    if (st == GV_OK && m.count == 1 && ix->dup_value.len == 0)
        st = gv_db_retag(ix->db, m.docids[0], GV_SLOT_DUP_COLLAPSE, group,
                         GV_DUP_GROUP_LEN, NULL, NULL, err);
    return st;
}

static int
compare_docids(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

    return (x > y) - (x < y);
}

/* Sort the @p n docids at @p ids and drop repeats; returns how many stay. */
static size_t
sort_unique_docids(unsigned *ids, size_t n)
{
    size_t kept = 0;

    if (n == 0)
        return 0;
    qsort(ids, n, sizeof(*ids), compare_docids);
    for (size_t i = 1; i < n; i++)
        if (ids[i] != ids[kept])
            ids[++kept] = ids[i];
    return kept + 1;
}

gv_status
gv_indexer_regroup(gv_indexer *ix, unsigned long *moved, gv_err *err)
{
    band_lists bl = BAND_LISTS_INIT;
    gv_buf own = GV_BUF_INIT;
    char group[GV_DUP_GROUP_LEN + 1], old_term[GV_DUP_TERM_BYTES],
        new_term[GV_DUP_TERM_BYTES];
    unsigned changed = 0, *docids;
    size_t nids = 0;
    bool has_others;
    gv_status st;

    *moved = 0;
    if (ix->nshards != 1)
        return gv_err_set(err, GV_EINVAL, "regrouping needs one index");
    ix->db = ix->shards[0];
    /* Only a document that shares a band term with another can have a
     * copy (best_copy_group() finds them by those terms): most have
     * none. */
    st = read_band_lists(ix->db, &bl, err);
    docids = (unsigned *)(void *)bl.all.data; /* malloc'd, or empty */
    if (st == GV_OK)
        nids = sort_unique_docids(docids, bl.all.len / sizeof(unsigned));
    for (size_t i = 0; st == GV_OK && i < nids; i++) {
        gv_neardup_sig sig;
        unsigned docid = docids[i];
        st = gv_db_get_value(ix->db, docid, GV_SLOT_DUP_SIG, &ix->dup_value,
                             err);
        if (st != GV_OK ||
            !gv_neardup_decode(ix->dup_value.data, ix->dup_value.len, &sig))
            continue;
        st = best_copy_group(ix, &sig, docid, &bl, group, err);
        if (st == GV_OK)
            st = gv_db_get_value(ix->db, docid, GV_SLOT_DUP_GROUP, &own, err);
        if (st != GV_OK || !group[0] ||
            (own.len && strcmp(group, own.data) == 0))
            continue;
        gv_schema_dup_group_term(own.len ? own.data : "", old_term);
        gv_schema_dup_group_term(group, new_term);
        st = gv_db_retag(ix->db, docid, GV_SLOT_DUP_GROUP, group,
                         GV_DUP_GROUP_LEN, old_term, new_term, err);
        if (st == GV_OK)
            st = join_group(ix, group, docid, NULL, &has_others, err);
        if (st == GV_OK && has_others)
            st = gv_db_retag(ix->db, docid, GV_SLOT_DUP_COLLAPSE, group,
                             GV_DUP_GROUP_LEN, NULL, NULL, err);
        (*moved)++;
        if (st == GV_OK && ++changed % ix->opts.batch_docs == 0)
            st = gv_db_commit(ix->db, err);
    }
    if (st == GV_OK)
        st = gv_db_commit(ix->db, err);
    release_band_lists(&bl);
    gv_buf_release(&own);
    return st;
}

/* Write the document of @p a, read from @p abs_path (record @p record of
 * it, or NULL for the whole file). The caller commits (maybe_commit())
 * when the file's stamp is written too. */
static gv_status
write_article(gv_indexer *ix, const gv_article *a, const char *abs_path,
              const char *record, gv_err *err)
{
    char group[GV_DUP_GROUP_LEN + 1];
    gv_xdoc *doc = NULL;
    gv_neardup_sig sig;
    bool has_sig = gv_neardup_sign(a->body, a->body_len, &sig);
    bool joined = false, has_others = false;
    gv_status st = gv_schema_build_doc(a, abs_path, record, &doc, err);

    if (st == GV_OK)
        st = gv_schema_id_term(abs_path, record, &ix->idterm, err);
    if (st == GV_OK && has_sig)
        st = gv_schema_add_dup_sig(doc, &sig, err);
    if (st == GV_OK && has_sig)
        st = choose_group(ix, &sig, ix->idterm.data, group, &joined, err);
    if (st == GV_OK && joined)
        st = join_group(ix, group, 0, ix->idterm.data, &has_others, err);
    if (st == GV_OK && has_sig)
        st = gv_schema_set_dup_group(doc, group, has_others, err);
    if (st == GV_OK)
        st = gv_db_replace(ix->db, ix->idterm.data, doc, err);
    gv_xdoc_free(doc);
    if (st != GV_OK)
        return st;
    ix->stats.indexed++;
    ix->pending++;
    ix->pending_bytes += a->body_len;
    enter_phase(ix, GV_PHASE_INDEXING); /* a tick for the display */
    return GV_OK;
}

/* A problem with a file: a warning, unless it is running out of memory,
 * which stops the run. */
static gv_status
file_problem(gv_indexer *ix, const char *path, gv_status st,
             const gv_err *file_err, gv_err *err)
{
    char msg[320];

    if (st == GV_ENOMEM)
        return gv_err_set(err, st, "'%s': %s", path, file_err->msg);
    snprintf(msg, sizeof(msg), "skipping: %s", file_err->msg);
    warn(ix, path, msg, GV_WARN_FAILED);
    return GV_OK;
}

/* One article file: plain text or an HTML page. */
static gv_status
index_article_file(gv_indexer *ix, const char *path, const char *abs_path,
                   gv_input_format format, time_t mtime, gv_err *err)
{
    gv_err file_err = GV_ERR_INIT;
    gv_article article;
    size_t repaired = 0;
    gv_status st;

    memset(&article, 0, sizeof(article));
    st = load_raw(ix, path, abs_path, format, &file_err);
    /* libxml2 decodes a page by its declared charset; text is UTF-8. */
    if (st == GV_OK && format == GV_INPUT_HTML)
        st = gv_html_parse(ix->text.data, ix->text.len, &article, &file_err);
    else if (st == GV_OK) {
        st = clean_text(&ix->text, &repaired, &file_err);
        if (st == GV_OK && repaired)
            warn_repaired(ix, path, repaired);
        if (st == GV_OK)
            st = gv_article_parse(ix->text.data, ix->text.len, &article,
                                  &file_err);
    }
    if (st == GV_OK)
        st = gv_article_complete(&article, NULL, abs_path, mtime, &file_err);
    if (st != GV_OK) {
        gv_article_release(&article);
        return file_problem(ix, path, st, &file_err, err);
    }
    st = write_article(ix, &article, abs_path, NULL, err);
    gv_article_release(&article);
    return st;
}

/* One line of a JSON-lines file as a document. A bad record is a
 * warning (GV_EBADDOC in @p rec_err); other errors stop the file. */
static gv_status
index_record(gv_indexer *ix, const char *abs_path, unsigned long lineno,
             time_t mtime, gv_err *rec_err, gv_err *err)
{
    gv_jsonl_record rec;
    char line_key[32];
    size_t repaired = 0;
    gv_status st = clean_text(&ix->text, &repaired, rec_err);

    if (st == GV_OK)
        st = gv_jsonl_parse(ix->text.data, ix->text.len, &rec, rec_err);
    else
        memset(&rec, 0, sizeof(rec));
    if (st == GV_OK)
        st = gv_article_complete(&rec.article, rec.dateline, abs_path, mtime,
                                 rec_err);
    if (st == GV_OK) {
        /* Without its own id a record is known by its line. */
        snprintf(line_key, sizeof(line_key), "line:%lu", lineno);
        st = write_article(ix, &rec.article, abs_path,
                           rec.id ? rec.id : line_key, err);
    }
    gv_jsonl_record_release(&rec);
    return st;
}

/* A JSON-lines file, one document per line, read a line at a time. */
static gv_status
index_jsonl_file(gv_indexer *ix, const char *path, const char *abs_path,
                 time_t mtime, gv_err *err)
{
    const gv_line_limits limits = {SIZE_MAX, GV_MAX_STREAM_BYTES,
                                   ix->opts.limits.max_text_bytes};
    gv_err file_err = GV_ERR_INIT;
    gv_line_reader *lines = NULL;
    gv_line_info info = {0};
    unsigned long bad = 0, before = ix->stats.indexed;
    char msg[400];
    gv_status st = gv_lines_open(abs_path, &limits, &lines, &file_err);

    while (st == GV_OK) {
        gv_err rec_err = GV_ERR_INIT;
        st = gv_lines_next(lines, &ix->text, &info, &file_err);
        if (st != GV_OK || info.eof)
            break;
        if (ix->opts.split_records && ix->opts.workers > 1 &&
            info.lineno % ix->opts.workers != ix->opts.worker)
            continue;                             /* another worker's line */
        ix->stats.bytes_read += ix->text.len + 1; /* and its '\n' */
        if (ix->text.len == 0 || strspn(ix->text.data, " \t\r") == ix->text.len)
            continue; /* blank lines separate nothing */
        if (info.cut) {
            gv_err_set(&rec_err, GV_EBADDOC,
                       "longer than the %zu-byte cap for one record",
                       limits.max_line_bytes);
            st = GV_EBADDOC;
        } else {
            st = index_record(ix, abs_path, info.lineno, mtime, &rec_err, err);
            /* A commit inside a file is safe: its stamp is written at the
             * end, so after a crash the next run reads it all again. */
            if (st == GV_OK)
                st = maybe_commit(ix, err);
        }
        if (st == GV_EBADDOC && ++bad <= MAX_RECORD_WARNINGS) {
            snprintf(msg, sizeof(msg), "line %lu: skipping record: %s",
                     info.lineno, rec_err.msg);
            warn(ix, path, msg, GV_WARN_RECORD);
        }
        if (st == GV_EBADDOC)
            st = GV_OK;
        else if (st != GV_OK) {
            gv_lines_close(lines);
            /* Out of memory or the index failed: stop the run. */
            return gv_err_set(err, st, "'%s' line %lu: %s", path, info.lineno,
                              rec_err.msg);
        }
    }
    gv_lines_close(lines);
    if (bad > MAX_RECORD_WARNINGS) {
        snprintf(msg, sizeof(msg), "%lu more bad records not shown",
                 bad - MAX_RECORD_WARNINGS);
        warn(ix, path, msg, GV_WARN_RECORD);
    }
    if (st == GV_OK && info.hit_cap) {
        snprintf(msg, sizeof(msg),
                 "indexed only the first %llu bytes (size cap reached)",
                 (unsigned long long)GV_MAX_STREAM_BYTES);
        warn(ix, path, msg, GV_WARN_PARTIAL);
    }
    if (st != GV_OK && ix->stats.indexed > before) {
        /* Records before a damaged stretch of gzip are kept. */
        snprintf(msg, sizeof(msg), "stopped at line %lu: %s", info.lineno + 1,
                 file_err.msg);
        warn(ix, path, msg, GV_WARN_PARTIAL);
        return GV_OK;
    }
    return st == GV_OK ? GV_OK : file_problem(ix, path, st, &file_err, err);
}

/* The real path of the file at @p path into @p out (PATH_MAX) and its
 * stat into *sb; false with errno set when it cannot be had. @p lst is
 * its lstat() when the walk has it (NULL: taken here). Only a symlink,
 * or a file in a folder other than the last one, costs a realpath(). */
static bool
resolve(gv_indexer *ix, const char *path, const struct stat *lst, char *out,
        struct stat *sb)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) : 0;
    const char *base = slash ? slash + 1 : path;
    size_t real_len, base_len = strlen(base);

    if (lst)
        *sb = *lst;
    else if (lstat(path, sb) != 0)
        return false;
    if (S_ISLNK(sb->st_mode) || dir_len >= sizeof(ix->dir))
        return realpath(path, out) && stat(out, sb) == 0;
    if (strlen(ix->dir) != dir_len || strncmp(ix->dir, path, dir_len) != 0) {
        char dir[PATH_MAX];
        memcpy(dir, slash ? path : ".", slash ? dir_len : 1);
        dir[slash ? dir_len : 1] = '\0';
        if (slash && dir_len == 0)
            strcpy(dir, "/");
        if (!realpath(dir, ix->dir_real)) {
            ix->dir[0] = '\0';
            return false;
        }
        memcpy(ix->dir, path, dir_len);
        ix->dir[dir_len] = '\0';
    }
    real_len = strlen(ix->dir_real);
    if (real_len == 1) /* "/" */
        real_len = 0;
    if (real_len + 1 + base_len >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return false;
    }
    memcpy(out, ix->dir_real, real_len);
    out[real_len] = '/';
    memcpy(out + real_len + 1, base, base_len + 1);
    return true;
}

/* The hash of a real path in the table of files seen (never 0). */
static uint64_t
seen_hash(const char *abs_path)
{
    uint64_t h = gv_schema_hash(abs_path);

    return h ? h : 1;
}

/* The slot of @p h in @p table of @p cap slots: its own, or the empty
 * one it would take. */
static size_t
seen_slot(const uint64_t *table, size_t cap, uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 32)) & (cap - 1);

    while (table[i] && table[i] != h)
        i = (i + 1) & (cap - 1);
    return i;
}

/* Note that the file at real path @p abs_path is there. A hash table
 * rather than a sorted array: the sweep looks up every stamp of the
 * index, a million on a large archive. */
static gv_status
mark_seen(gv_indexer *ix, const char *abs_path, gv_err *err)
{
    uint64_t h = seen_hash(abs_path);
    size_t i;

    if ((ix->nseen + 1) * 2 > ix->seen_cap) {
        size_t cap = ix->seen_cap ? ix->seen_cap * 2 : 1024;
        uint64_t *grown = calloc(cap, sizeof(*grown));
        if (!grown)
            return gv_err_set(err, GV_ENOMEM, "out of memory");
        for (size_t j = 0; j < ix->seen_cap; j++)
            if (ix->seen[j])
                grown[seen_slot(grown, cap, ix->seen[j])] = ix->seen[j];
        free(ix->seen);
        ix->seen = grown;
        ix->seen_cap = cap;
    }
    i = seen_slot(ix->seen, ix->seen_cap, h);
    if (!ix->seen[i]) {
        ix->seen[i] = h;
        ix->nseen++;
    }
    return GV_OK;
}

/* Whether this run met the file at real path @p abs_path. */
static bool
was_seen(const gv_indexer *ix, const char *abs_path)
{
    uint64_t h = seen_hash(abs_path);

    return ix->nseen && ix->seen[seen_slot(ix->seen, ix->seen_cap, h)] == h;
}

/* Whether the file of stamp @p now at @p abs_path is as the index holds
 * it (stamp @p old): same size and time, and with --verify the same
 * checksum, which then goes into @p now. */
static bool
is_unchanged(gv_indexer *ix, const char *abs_path, const gv_stamp *old,
             bool known, gv_stamp *now)
{
    gv_err crc_err = GV_ERR_INIT;

    if (known && !ix->opts.verify)
        return gv_stamp_same(old, now);
    if (ix->opts.verify)
        now->has_crc = gv_gz_file_crc32(abs_path, &now->crc, &crc_err) == GV_OK;
    return known && gv_stamp_same(old, now) && old->has_crc && now->has_crc &&
           old->crc == now->crc;
}

/* After (re)reading a file: stamp it when it gave documents, so the next
 * run can skip it; else forget it, so the next run tries again. */
static gv_status
restamp(gv_indexer *ix, const char *abs_path, const gv_stamp *now,
        bool gave_docs, bool known, gv_err *err)
{
    gv_status st = GV_OK;

    if (gave_docs)
        st = gv_stamp_encode(now, abs_path, &ix->value, err);
    else
        gv_buf_reset(&ix->value);
    if (st == GV_OK && (gave_docs || known))
        st = gv_db_set_metadata(ix->db, ix->key.data,
                                ix->value.data ? ix->value.data : "", err);
    return st;
}

static void
walk_skipped(void *ctx, const char *path);

/* Read, parse and write one file, unless the index holds it unchanged.
 * Problems with the file itself are warnings; only index errors are
 * returned. */
static gv_status
index_file(gv_indexer *ix, const char *path, const struct stat *lst,
           gv_input_format format, gv_err *err)
{
    char abs_path[PATH_MAX], msg[320];
    gv_err crc_err = GV_ERR_INIT; /* no checksum is no error */
    unsigned long before;
    gv_stamp now, old;
    const char *old_path;
    struct stat sb;
    bool known;
    gv_status st;

    if (!resolve(ix, path, lst, abs_path, &sb)) {
        if (!is_lead(ix))
            return GV_OK;
        snprintf(msg, sizeof(msg), "skipping: %s", strerror(errno));
        warn(ix, path, msg, GV_WARN_FAILED);
        ix->stats.files++;
        if (ix->opts.progress)
            ix->opts.progress(ix->opts.ctx, path, GV_FILE_INDEXED);
        return GV_OK;
    }
    /* The stub file of the shards, in a folder being indexed. */
    if (ix->have_db_stat && sb.st_dev == ix->db_stat.st_dev &&
        sb.st_ino == ix->db_stat.st_ino) {
        walk_skipped(ix, path);
        return GV_OK;
    }
    if (ix->opts.split_records && format == GV_INPUT_JSONL)
        ix->db = ix->own; /* every worker reads it, for its share of lines */
    else if (!(ix->db = ix->shards[gv_shards_route(abs_path, ix->nshards)]))
        return GV_OK; /* another worker's file */
    gv_stamp_from_stat(&sb, &now);
    st = mark_seen(ix, abs_path, err);
    if (st == GV_OK)
        st = gv_schema_stamp_key(abs_path, &ix->key, err);
    if (st == GV_OK)
        st = gv_db_get_metadata(ix->db, ix->key.data, &ix->value, err);
    if (st != GV_OK)
        return st;
    known = ix->value.len && gv_stamp_decode(ix->value.data, &old, &old_path);
    if (is_unchanged(ix, abs_path, &old, known, &now)) {
        ix->stats.unchanged++;
        ix->stats.files++;
        if (ix->opts.progress)
            ix->opts.progress(ix->opts.ctx, path, GV_FILE_UNCHANGED);
        return GV_OK;
    }
    /* Changed: its old documents go, records it lost included. */
    if (known &&
        (st = gv_schema_file_term(abs_path, &ix->idterm, err)) == GV_OK)
        st = gv_db_delete(ix->db, ix->idterm.data, err);
    before = ix->stats.indexed;
    if (st == GV_OK && format == GV_INPUT_JSONL)
        st = index_jsonl_file(ix, path, abs_path, sb.st_mtime, err);
    else if (st == GV_OK)
        st = index_article_file(ix, path, abs_path, format, sb.st_mtime, err);
    /* Stamp it with its checksum too, so a later --verify has one to
     * compare with (just read, the file is in the page cache). */
    if (st == GV_OK && !now.has_crc && ix->stats.indexed > before)
        now.has_crc = gv_gz_file_crc32(abs_path, &now.crc, &crc_err) == GV_OK;
    if (st == GV_OK)
        st =
            restamp(ix, abs_path, &now, ix->stats.indexed > before, known, err);
    if (st == GV_OK)
        st = maybe_commit(ix, err);
    if (st == GV_OK)
        ix->stats.files++;
    if (st == GV_OK && ix->opts.progress)
        ix->opts.progress(ix->opts.ctx, path, GV_FILE_INDEXED);
    return st;
}

/* Paths of files gone since they were indexed, found by the sweep. */
typedef struct sweep_ctx {
    const char *root; /* with a trailing '/' */
    size_t root_len;
    const gv_indexer *ix;
    gv_buf gone; /* NUL-separated paths */
    gv_status st;
    gv_err *err;
} sweep_ctx;

/* A stamp of a file under the root that this run's walk did not meet:
 * deleted, renamed, now hidden or of a skipped name. */
static bool
sweep_one(void *ctx, const char *key, const char *value)
{
    sweep_ctx *sw = ctx;
    const char *path;
    gv_stamp stamp;

    (void)key;
    if (!gv_stamp_decode(value, &stamp, &path) ||
        strncmp(path, sw->root, sw->root_len) != 0)
        return true;
    if (was_seen(sw->ix, path))
        return true;
    sw->st = gv_buf_append(&sw->gone, path, strlen(path) + 1, sw->err);
    return sw->st == GV_OK;
}

/* Remove the documents and stamp of the file at @p path. */
static gv_status
forget_file(gv_indexer *ix, const char *path, gv_err *err)
{
    gv_status st = gv_schema_file_term(path, &ix->idterm, err);

    if (st == GV_OK)
        st = gv_db_delete(ix->db, ix->idterm.data, err);
    if (st == GV_OK)
        st = gv_schema_stamp_key(path, &ix->key, err);
    if (st == GV_OK)
        st = gv_db_set_metadata(ix->db, ix->key.data, "", err);
    if (st == GV_OK) {
        ix->stats.removed++;
        ix->pending++;
        if (ix->opts.progress)
            ix->opts.progress(ix->opts.ctx, path, GV_FILE_REMOVED);
    }
    return st == GV_OK ? maybe_commit(ix, err) : st;
}

/* After walking the folder @p root: remove what the index holds of files
 * under it that are gone. */
static gv_status
sweep(gv_indexer *ix, const char *root, gv_err *err)
{
    char abs_root[PATH_MAX];
    sweep_ctx sw = {NULL, 0, ix, GV_BUF_INIT, GV_OK, err};
    gv_status st;

    if (!realpath(root, abs_root) || strlen(abs_root) + 2 > sizeof(abs_root))
        return GV_OK; /* the walk has warned already */
    if (strcmp(abs_root, "/") != 0)
        strcat(abs_root, "/");
    sw.root = abs_root;
    sw.root_len = strlen(abs_root);
    /* Long keys are hashed: then match on a prefix of the key and check
     * the path kept in the stamp. */
    st = gv_schema_stamp_key(abs_root, &ix->key, err);
    if (st == GV_OK && ix->key.len > 200) {
        ix->key.len = gv_utf8_clip(ix->key.data, ix->key.len, 200);
        ix->key.data[ix->key.len] = '\0';
    }
    /* Each shard's stamps, and what is gone goes from that shard. */
    for (unsigned i = 0; st == GV_OK && i < ix->nshards; i++) {
        if (!(ix->db = ix->shards[i]))
            continue; /* another worker's */
        gv_buf_reset(&sw.gone);
        st = gv_db_each_metadata(ix->db, ix->key.data, sweep_one, &sw, err);
        if (st == GV_OK)
            st = sw.st;
        for (size_t at = 0; st == GV_OK && at < sw.gone.len;
             at += strlen(sw.gone.data + at) + 1)
            st = forget_file(ix, sw.gone.data + at, err);
    }
    gv_buf_release(&sw.gone);
    return st;
}

static bool
walk_enter_dir(void *ctx, const char *path, const struct stat *st)
{
    const gv_indexer *ix = ctx;
    char marker[PATH_MAX];

    if (ix->have_db_stat && st->st_dev == ix->db_stat.st_dev &&
        st->st_ino == ix->db_stat.st_ino)
        return false;
    /* Nor any other Xapian index met on the way (through -L, say): its
     * tables are not articles. */
    snprintf(marker, sizeof(marker), "%s/iamglass", path);
    return access(marker, F_OK) != 0;
}

static void
walk_problem(void *ctx, const char *path, const char *msg)
{
    char text[320];

    if (!is_lead(ctx))
        return;
    snprintf(text, sizeof(text), "skipping: %s", msg);
    warn(ctx, path, text, GV_WARN_FAILED);
}

static void
walk_skipped(void *ctx, const char *path)
{
    gv_indexer *ix = ctx;

    if (!is_lead(ix))
        return;
    ix->stats.skipped++;
    if (ix->opts.progress)
        ix->opts.progress(ix->opts.ctx, path, GV_FILE_SKIPPED);
}

/* A file met while walking a folder: indexed if its name says article. */
static gv_status
walk_file(void *ctx, const char *path, const struct stat *lst, gv_err *err)
{
    gv_input_format format = gv_index_format_of(path);

    if (format == GV_INPUT_NONE) {
        walk_skipped(ctx, path);
        return GV_OK;
    }
    return index_file(ctx, path, lst, format, err);
}

/* The walk of gv_indexer_count(). */
typedef struct count_ctx {
    gv_indexer *ix;
    unsigned long files;
} count_ctx;

static bool
count_enter_dir(void *ctx, const char *path, const struct stat *st)
{
    const count_ctx *c = ctx;

    return walk_enter_dir(c->ix, path, st);
}

static gv_status
count_file(void *ctx, const char *path, const struct stat *lst, gv_err *err)
{
    count_ctx *c = ctx;

    (void)lst;
    (void)err;
    if (gv_index_format_of(path) != GV_INPUT_NONE)
        c->files++;
    return GV_OK;
}

gv_status
gv_indexer_count(gv_indexer *ix, const char *root, unsigned long *out,
                 gv_err *err)
{
    count_ctx c = {ix, 0};
    const gv_walk_ops ops = {count_file, count_enter_dir, NULL, NULL, &c};
    unsigned flags = ix->opts.follow_symlinks ? GV_WALK_FOLLOW_SYMLINKS : 0;
    gv_err walk_err = GV_ERR_INIT;
    struct stat sb;
    gv_status st;

    *out = 0;
    enter_phase(ix, GV_PHASE_COUNTING);
    if (stat(root, &sb) != 0)
        return GV_OK;
    if (S_ISREG(sb.st_mode)) {
        *out = 1; /* named: indexed whatever its name */
        return GV_OK;
    }
    if (!S_ISDIR(sb.st_mode))
        return GV_OK;
    st = gv_walk(root, flags, &ops, &walk_err);
    if (st == GV_ENOMEM)
        return gv_err_set(err, st, "%s", walk_err.msg);
    *out = c.files; /* GV_EIO: the root went away; the real walk warns */
    return GV_OK;
}

gv_status
gv_indexer_add_path(gv_indexer *ix, const char *root, gv_err *err)
{
    const gv_walk_ops ops = {walk_file, walk_enter_dir, walk_problem,
                             walk_skipped, ix};
    unsigned flags = ix->opts.follow_symlinks ? GV_WALK_FOLLOW_SYMLINKS : 0;
    struct stat sb;
    gv_status st;

    enter_phase(ix, GV_PHASE_INDEXING);
    if (stat(root, &sb) != 0) {
        bool is_link = lstat(root, &sb) == 0 && S_ISLNK(sb.st_mode);
        walk_problem(ix, root,
                     !is_link          ? strerror(errno)
                     : errno == ELOOP  ? "symbolic link loop"
                     : errno == ENOENT ? "broken symbolic link"
                                       : strerror(errno));
        return GV_OK;
    }
    /* A file named on the command line is indexed whatever its name:
     * as plain text unless the name says otherwise. */
    if (S_ISREG(sb.st_mode)) {
        gv_input_format format = gv_index_format_of(root);
        return index_file(ix, root, NULL, format ? format : GV_INPUT_TEXT, err);
    }
    if (!S_ISDIR(sb.st_mode)) {
        walk_problem(ix, root, "not a file or folder");
        return GV_OK;
    }
    st = gv_walk(root, flags, &ops, err);
    if (st != GV_OK)
        return st;
    enter_phase(ix, GV_PHASE_REMOVING);
    return sweep(ix, root, err);
}
