/* Recursive directory walk for gavel-index: sorted, skips hidden entries,
 * follows symlinked folders only when asked, never loops. */
#ifndef GV_WALK_H
#define GV_WALK_H

#include "gv.h"

#include <stdbool.h>
#include <sys/stat.h>

enum gv_walk_flags {
    GV_WALK_FOLLOW_SYMLINKS = 1 << 0, /* descend into symlinked folders */
};

typedef struct gv_walk_ops {
    /* A regular file (or a symlink to one), with its lstat(2) (a
     * symlink's own), or NULL for a root file. A status other than GV_OK
     * stops the walk and is returned by gv_walk(). */
    gv_status (*file)(void *ctx, const char *path, const struct stat *lst,
                      gv_err *err);
    /* Return false to leave folder @p path out; NULL: enter all. */
    bool (*enter_dir)(void *ctx, const char *path, const struct stat *st);
    /* Something under the root that cannot be read; the walk goes on. */
    void (*problem)(void *ctx, const char *path, const char *msg);
    /* Left out: a symlinked folder not followed, a device, a socket. */
    void (*skipped)(void *ctx, const char *path);
    void *ctx;
} gv_walk_ops;

/**
 * Visit @p root: a file is passed to ops->file whatever its name; a folder
 * is walked recursively in byte order of names, leaving out names that
 * start with '.', symlinked folders (unless GV_WALK_FOLLOW_SYMLINKS),
 * folders already being walked (symlink loops), and anything that is not a
 * regular file or folder (those go to ops->skipped, hidden ones nowhere).
 * Unreadable entries go to ops->problem, also a root folder that cannot
 * be listed. Returns GV_OK; GV_EIO when @p root does not exist or is not a
 * file or folder (msg names it); GV_ENOMEM; or what ops->file returned.
 */
GV_MUST_CHECK gv_status
gv_walk(const char *root, unsigned flags, const gv_walk_ops *ops, gv_err *err);

#endif
