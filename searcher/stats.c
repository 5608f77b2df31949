/* Index statistics (see stats.h). */
#include "stats.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "json.h"
#include "render.h"
#include "schema.h"

#define TOP_SOURCES 10

typedef struct source_count {
    char name[GV_MAX_FIELD_BYTES + 1];
    unsigned count;
} source_count;

typedef struct facts {
    unsigned docs;
    unsigned long long terms, revision, bytes;
    gv_buf first, last; /* "YYYYMMDD" */
    time_t changed;
    source_count sources[TOP_SOURCES];
    unsigned nsources;
    unsigned shards, remote_shards;
} facts;

static bool
take_source(void *ctx, const char *value, unsigned count)
{
    facts *f = ctx;

    snprintf(f->sources[f->nsources].name, sizeof(f->sources[f->nsources].name),
             "%s", value);
    f->sources[f->nsources++].count = count;
    return f->nsources < TOP_SOURCES;
}

/* Size and newest change of the files of the index folder. */
static void
disk_usage(const char *db_path, facts *f)
{
    DIR *d = opendir(db_path);
    struct dirent *e;
    char path[4096];
    struct stat st;

    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        snprintf(path, sizeof(path), "%s/%s", db_path, e->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        f->bytes += (unsigned long long)st.st_size;
        if (st.st_mtime > f->changed)
            f->changed = st.st_mtime;
    }
    closedir(d);
}

/* "YYYYMMDD" as "YYYY-MM-DD" into @p out (room for 11); "" if none. */
static const char *
iso(const gv_buf *key, char *out)
{
    if (key->len != 8)
        return "";
    snprintf(out, 11, "%.4s-%.2s-%.2s", key->data, key->data + 4,
             key->data + 6);
    return out;
}

static gv_status
render_text(const facts *f, const char *db_path, gv_buf *b, gv_err *err)
{
    char lo[11], hi[11], dates[32] = "none", when[32] = "unknown";
    struct tm tm;
    gv_status st;

    if (f->changed && gmtime_r(&f->changed, &tm))
        strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S UTC", &tm);
    if (f->first.len == 8)
        snprintf(dates, sizeof(dates), "%s to %s", iso(&f->first, lo),
                 iso(&f->last, hi));
    st = gv_buf_printf(b, err,
                       "index:      %s\n"
                       "documents:  %u\n"
                       "terms:      %llu\n"
                       "dates:      %s\n"
                       "size:       %.1f MB\n"
                       "changed:    %s\n"
                       "revision:   %llu\n"
                       "sources:%s\n",
                       db_path, f->docs, f->terms, dates, f->bytes / 1e6, when,
                       f->revision, f->nsources ? "" : "    none recorded");
    for (unsigned i = 0; st == GV_OK && i < f->nsources; i++)
        st = gv_buf_printf(b, err, "  %8u  %s\n", f->sources[i].count,
                           f->sources[i].name);
    /* Only for several: the figures above are their sums (the size of the
     * local ones only, the revision a sum that grows with any commit). */
    if (st == GV_OK && f->shards > 1)
        st = gv_buf_printf(b, err, "shards:     %u (%u remote)\n", f->shards,
                           f->remote_shards);
    return st;
}

static gv_status
render_json(const facts *f, const char *db_path, gv_buf *b, gv_err *err)
{
    char lo[11], hi[11];
    gv_status st = gv_buf_printf(
        b, err, "{\"format_version\":%d,\"index\":", GV_JSON_FORMAT_VERSION);

    if (st == GV_OK)
        st = gv_json_string_or_null(b, db_path, err);
    if (st == GV_OK)
        st = gv_buf_printf(b, err,
                           ",\"documents\":%u,\"terms\":%llu,\"revision\":%llu,"
                           "\"bytes\":%llu,\"changed\":%lld,\"first_date\":",
                           f->docs, f->terms, f->revision, f->bytes,
                           (long long)f->changed);
    if (st == GV_OK)
        st = gv_json_string_or_null(
            b, f->first.len == 8 ? iso(&f->first, lo) : NULL, err);
    if (st == GV_OK)
        st = gv_buf_puts(b, ",\"last_date\":", err);
    if (st == GV_OK)
        st = gv_json_string_or_null(
            b, f->last.len == 8 ? iso(&f->last, hi) : NULL, err);
    if (st == GV_OK)
        st = gv_buf_puts(b, ",\"sources\":[", err);
    for (unsigned i = 0; st == GV_OK && i < f->nsources; i++) {
        st = gv_buf_puts(b, i ? ",{\"source\":" : "{\"source\":", err);
        if (st == GV_OK)
            st = gv_json_string_or_null(b, f->sources[i].name, err);
        if (st == GV_OK)
            st = gv_buf_printf(b, err, ",\"documents\":%u}",
                               f->sources[i].count);
    }
    return st == GV_OK ? gv_buf_puts(b, "]}\n", err) : st;
}

gv_status
gv_stats_render(gv_db *db, const char *db_path, bool json, gv_buf *out,
                gv_err *err)
{
    facts f;
    gv_status st;

    memset(&f, 0, sizeof(f));
    gv_buf_init(&f.first);
    gv_buf_init(&f.last);
    st = gv_db_doc_count(db, &f.docs, err);
    if (st == GV_OK)
        st = gv_db_term_count(db, &f.terms, err);
    if (st == GV_OK)
        st = gv_db_revision(db, &f.revision, err);
    if (st == GV_OK)
        st = gv_db_value_bounds(db, GV_SLOT_DATE, &f.first, &f.last, err);
    if (st == GV_OK)
        st = gv_db_top_values(db, GV_SLOT_SOURCE, TOP_SOURCES, take_source, &f,
                              err);
    /* Every local shard's folder (one, unless several were searched). */
    for (unsigned i = 0; i < gv_db_shard_count(db); i++) {
        bool remote;
        const char *shard = gv_db_shard_name(db, i, &remote);
        if (!remote)
            disk_usage(shard, &f);
        f.remote_shards += remote;
        f.shards++;
    }
    if (st == GV_OK)
        st = json ? render_json(&f, db_path, out, err)
                  : render_text(&f, db_path, out, err);
    gv_buf_release(&f.first);
    gv_buf_release(&f.last);
    return st;
}
