/* The layout of a sharded index (see shards.h).
 *
 * The stub file, which Xapian's own tools read too (quest -d STUB):
 *
 *     # Gavel index in 3 shards (written by gavel-index; see shards.h)
 *     auto archive.shards/0
 *     auto archive.shards/1
 *     auto archive.shards/2
 */
#include "shards.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema.h"

#define SHARDS_SUFFIX ".shards"

unsigned
gv_shards_route(const char *abs_path, unsigned count)
{
    return count > 1 ? (unsigned)(gv_schema_hash(abs_path) % count) : 0;
}

static const char *
base_name(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

gv_status
gv_shards_path(const char *stub_path, unsigned i, gv_buf *out, gv_err *err)
{
    gv_buf_reset(out);
    return gv_buf_printf(out, err, "%s" SHARDS_SUFFIX "/%u", stub_path, i);
}

gv_status
gv_shards_read(const char *stub_path, unsigned *out, gv_err *err)
{
    const char *base = base_name(stub_path);
    FILE *f = fopen(stub_path, "r");
    char line[4096];
    unsigned count = 0;
    bool ok = true;

    *out = 0;
    if (!f)
        return gv_err_set(err, GV_EIO, "cannot read '%s': %s", stub_path,
                          strerror(errno));
    while (ok && fgets(line, sizeof(line), f)) {
        size_t n = strlen(line), blen = strlen(base);
        char *end;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        /* "auto BASE.shards/I", I the next number */
        ok = strncmp(line, "auto ", 5) == 0 &&
             strncmp(line + 5, base, blen) == 0 &&
             strncmp(line + 5 + blen, SHARDS_SUFFIX "/",
                     strlen(SHARDS_SUFFIX) + 1) == 0;
        if (ok) {
            const char *num = line + 5 + blen + strlen(SHARDS_SUFFIX) + 1;
            errno = 0;
            unsigned long i = strtoul(num, &end, 10);
            ok = *num >= '0' && *num <= '9' && !*end && !errno && i == count &&
                 count < GV_MAX_SHARDS;
        }
        count += ok;
    }
    fclose(f);
    if (!ok || count == 0)
        return gv_err_set(err, GV_EINVAL,
                          "'%s' is not a stub of gavel-index shards (lines "
                          "'auto %s" SHARDS_SUFFIX "/0', '.../1' ...)",
                          stub_path, base);
    *out = count;
    return GV_OK;
}

gv_status
gv_shards_make_folder(const char *stub_path, gv_err *err)
{
    gv_buf dir = GV_BUF_INIT;
    gv_status st = gv_buf_printf(&dir, err, "%s" SHARDS_SUFFIX, stub_path);

    if (st == GV_OK && mkdir(dir.data, 0777) != 0 && errno != EEXIST)
        st = gv_err_set(err, GV_EIO, "cannot create '%s': %s", dir.data,
                        strerror(errno));
    gv_buf_release(&dir);
    return st;
}

gv_status
gv_shards_write(const char *stub_path, unsigned count, gv_err *err)
{
    const char *base = base_name(stub_path);
    gv_buf tmp = GV_BUF_INIT, text = GV_BUF_INIT;
    gv_status st = gv_buf_printf(&tmp, err, "%s.tmp", stub_path);
    FILE *f = NULL;

    if (st == GV_OK)
        st = gv_buf_printf(&text, err,
                           "# Gavel index in %u shards, written by "
                           "gavel-index: a Xapian stub database.\n"
                           "# Each file's documents are in the shard its "
                           "path hashes to: keep\n"
                           "# these lines as they are (list remote copies "
                           "in a stub of your own).\n",
                           count);
    for (unsigned i = 0; st == GV_OK && i < count; i++)
        st =
            gv_buf_printf(&text, err, "auto %s" SHARDS_SUFFIX "/%u\n", base, i);
    if (st == GV_OK && !(f = fopen(tmp.data, "w")))
        st = gv_err_set(err, GV_EIO, "cannot write '%s': %s", tmp.data,
                        strerror(errno));
    if (f) {
        bool ok = fwrite(text.data, 1, text.len, f) == text.len &&
                  fflush(f) == 0 && fsync(fileno(f)) == 0;
        int saved = errno;
        ok = fclose(f) == 0 && ok;
        if (!ok)
            st = gv_err_set(err, GV_EIO, "cannot write '%s': %s", tmp.data,
                            strerror(saved ? saved : errno));
        else if (rename(tmp.data, stub_path) != 0)
            st = gv_err_set(err, GV_EIO, "cannot replace '%s': %s", stub_path,
                            strerror(errno));
        if (st != GV_OK)
            remove(tmp.data);
    }
    gv_buf_release(&tmp);
    gv_buf_release(&text);
    return st;
}
