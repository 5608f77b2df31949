/* Saved searches' state (see watchstate.h).
 *
 * File format, text:
 *
 *     # gavel watch state 1
 *     0123456789abcdef<TAB>NAME     one line per (document, search)
 */
#include "watchstate.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "buf.h"
#include "schema.h"

#define STATE_HEADER "# gavel watch state 1\n"

/* A document a saved search reported: its key and its name's hash. */
typedef struct mark {
    uint64_t name_hash, key;
} mark;

typedef struct mark_set {
    mark *items;
    size_t count, cap;
} mark_set;

struct gv_watch_state {
    char *path;
    int lock_fd;
    mark_set seen; /* read from the file, sorted */
    mark_set next; /* this run's */
    gv_buf names;  /* "NAME\0" for each name hash in next, for saving */
};

static uint64_t
hash_name(const char *s)
{
    return gv_schema_hash(s);
}

static int
cmp_mark(const void *a, const void *b)
{
    const mark *x = a, *y = b;

    if (x->name_hash != y->name_hash)
        return x->name_hash < y->name_hash ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static gv_status
add_mark(mark_set *s, uint64_t name_hash, uint64_t key, gv_err *err)
{
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        mark *grown = realloc(s->items, cap * sizeof(*grown));
        if (!grown)
            return gv_err_set(err, GV_ENOMEM, "out of memory");
        s->items = grown;
        s->cap = cap;
    }
    s->items[s->count].name_hash = name_hash;
    s->items[s->count].key = key;
    s->count++;
    return GV_OK;
}

void
gv_watch_state_close(gv_watch_state *ws)
{
    if (!ws)
        return;
    if (ws->lock_fd >= 0)
        close(ws->lock_fd); /* releases the lock */
    free(ws->path);
    free(ws->seen.items);
    free(ws->next.items);
    gv_buf_release(&ws->names);
    free(ws);
}

static gv_status
take_lock(gv_watch_state *ws, gv_err *err)
{
    gv_buf lock = GV_BUF_INIT;
    gv_status st = gv_buf_printf(&lock, err, "%s.lock", ws->path);

    if (st != GV_OK)
        return st;
    ws->lock_fd = open(lock.data, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (ws->lock_fd < 0)
        st = gv_err_set(err, GV_EIO, "cannot open '%s': %s", lock.data,
                        strerror(errno));
    else if (flock(ws->lock_fd, LOCK_EX | LOCK_NB) != 0)
        st = errno == EWOULDBLOCK
                 ? gv_err_set(err, GV_ELOCKED,
                              "state file '%s' is in use by another "
                              "gavel-search --watch",
                              ws->path)
                 : gv_err_set(err, GV_EIO, "cannot lock '%s': %s", lock.data,
                              strerror(errno));
    gv_buf_release(&lock);
    return st;
}

static gv_status
read_state(gv_watch_state *ws, FILE *f, gv_err *err)
{
    char line[4096];
    unsigned lineno = 0;
    gv_status st = GV_OK;

    while (st == GV_OK && fgets(line, sizeof(line), f)) {
        unsigned long long key;
        int used = 0;
        lineno++;
        if (lineno == 1 && strcmp(line, STATE_HEADER) != 0)
            return gv_err_set(err, GV_ECORRUPT,
                              "'%s' is not a gavel watch state file", ws->path);
        if (line[0] == '#')
            continue;
        line[strcspn(line, "\n")] = '\0';
        if (sscanf(line, "%16llx\t%n", &key, &used) != 1 || used != 17)
            return gv_err_set(err, GV_ECORRUPT, "'%s' line %u is damaged",
                              ws->path, lineno);
        st = add_mark(&ws->seen, hash_name(line + used), key, err);
    }
    if (st == GV_OK && ferror(f))
        st = gv_err_set(err, GV_EIO, "cannot read '%s': %s", ws->path,
                        strerror(errno));
    if (st == GV_OK)
        qsort(ws->seen.items, ws->seen.count, sizeof(mark), cmp_mark);
    return st;
}

gv_status
gv_watch_state_open(const char *path, gv_watch_state **out, bool *existed,
                    gv_err *err)
{
    gv_watch_state *ws = calloc(1, sizeof(*ws));
    gv_status st;
    FILE *f;

    *out = NULL;
    *existed = false;
    if (!ws || !(ws->path = strdup(path))) {
        free(ws);
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    }
    ws->lock_fd = -1;
    gv_buf_init(&ws->names);
    st = take_lock(ws, err);
    if (st == GV_OK) {
        f = fopen(path, "r");
        if (f) {
            *existed = true;
            st = read_state(ws, f, err);
            fclose(f);
        } else if (errno != ENOENT) {
            st = gv_err_set(err, GV_EIO, "cannot open '%s': %s", path,
                            strerror(errno));
        }
    }
    if (st != GV_OK) {
        gv_watch_state_close(ws);
        return st;
    }
    *out = ws;
    return GV_OK;
}

bool
gv_watch_state_seen(const gv_watch_state *ws, const char *name, uint64_t key)
{
    mark want = {hash_name(name), key};

    return ws->seen.count && bsearch(&want, ws->seen.items, ws->seen.count,
                                     sizeof(mark), cmp_mark) != NULL;
}

/* Whether @p name is in ws->names already. */
static bool
has_name(const gv_watch_state *ws, const char *name)
{
    for (size_t at = 0; at < ws->names.len;
         at += strlen(ws->names.data + at) + 1)
        if (strcmp(ws->names.data + at, name) == 0)
            return true;
    return false;
}

gv_status
gv_watch_state_mark(gv_watch_state *ws, const char *name, uint64_t key,
                    gv_err *err)
{
    gv_status st = GV_OK;

    if (!has_name(ws, name))
        st = gv_buf_append(&ws->names, name, strlen(name) + 1, err);
    return st == GV_OK ? add_mark(&ws->next, hash_name(name), key, err) : st;
}

gv_status
gv_watch_state_keep(gv_watch_state *ws, const char *name, gv_err *err)
{
    uint64_t h = hash_name(name);
    gv_status st = GV_OK;

    for (size_t i = 0; st == GV_OK && i < ws->seen.count; i++)
        if (ws->seen.items[i].name_hash == h)
            st = gv_watch_state_mark(ws, name, ws->seen.items[i].key, err);
    return st;
}

/* Write every mark of @p name_hash (called @p name) to @p f. */
static void
write_marks(const gv_watch_state *ws, const char *name, FILE *f)
{
    uint64_t h = hash_name(name);

    /* next is sorted: a mark made twice (matched now, and kept from an
     * earlier run while a shard was missing) is written once. */
    for (size_t i = 0; i < ws->next.count; i++)
        if (ws->next.items[i].name_hash == h &&
            !(i && cmp_mark(&ws->next.items[i - 1], &ws->next.items[i]) == 0))
            fprintf(f, "%016llx\t%s\n",
                    (unsigned long long)ws->next.items[i].key, name);
}

/* fsync the folder holding @p path, so the rename itself is durable. */
static void
sync_parent(const char *path)
{
    char *dir = strdup(path), *slash;
    int fd;

    if (!dir)
        return;
    slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir] = '\0';
    fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

gv_status
gv_watch_state_save(gv_watch_state *ws, gv_err *err)
{
    gv_buf tmp = GV_BUF_INIT;
    gv_status st = gv_buf_printf(&tmp, err, "%s.tmp", ws->path);
    FILE *f = NULL;

    if (st == GV_OK)
        f = fopen(tmp.data, "w");
    if (st == GV_OK && !f)
        st = gv_err_set(err, GV_EIO, "cannot write '%s': %s", tmp.data,
                        strerror(errno));
    if (f) {
        if (ws->next.count)
            qsort(ws->next.items, ws->next.count, sizeof(mark), cmp_mark);
        fputs(STATE_HEADER, f);
        for (size_t at = 0; at < ws->names.len;
             at += strlen(ws->names.data + at) + 1)
            write_marks(ws, ws->names.data + at, f);
        bool ok = fflush(f) == 0 && !ferror(f) && fsync(fileno(f)) == 0;
        int saved = errno;
        ok = (fclose(f) == 0) && ok;
        if (!ok)
            st = gv_err_set(err, GV_EIO, "cannot write '%s': %s", tmp.data,
                            strerror(saved ? saved : errno));
        else if (rename(tmp.data, ws->path) != 0)
            st = gv_err_set(err, GV_EIO, "cannot replace '%s': %s", ws->path,
                            strerror(errno));
        if (st != GV_OK)
            remove(tmp.data);
        else
            sync_parent(ws->path);
    }
    gv_buf_release(&tmp);
    return st;
}
