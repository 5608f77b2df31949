/* Directory walk (see walk.h). Hand-written rather than nftw(): nftw
 * cannot prune hidden folders portably, sort entries or detect loops
 * through followed symlinks. */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Deeper than any real archive, yet bounded: each level is a stack frame
 * of the recursive walk. A path of PATH_MAX (4096) bytes has at most 2048
 * levels; past about 4096 bytes the system refuses the path itself
 * (ENAMETOOLONG), which is a warning like this limit. */
#define MAX_DEPTH 1024

/* The folders on the way down from the root, to refuse loops. */
typedef struct dir_stack {
    dev_t dev[MAX_DEPTH];
    ino_t ino[MAX_DEPTH];
    unsigned depth;
} dir_stack;

static void
report(const gv_walk_ops *ops, const char *path, const char *msg)
{
    if (ops->problem)
        ops->problem(ops->ctx, path, msg);
}

static int
compare_names(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int
not_hidden(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

static gv_status
walk_dir(gv_buf *path, const struct stat *st, unsigned flags,
         const gv_walk_ops *ops, dir_stack *stack, gv_err *err);

/* Visit the entry at @p path: a file, a folder, or something to skip. */
static gv_status
visit(gv_buf *path, unsigned flags, const gv_walk_ops *ops, dir_stack *stack,
      gv_err *err)
{
    struct stat lst, st;

    if (lstat(path->data, &lst) != 0) {
        report(ops, path->data, strerror(errno));
        return GV_OK;
    }
    st = lst;
    if (S_ISLNK(lst.st_mode) && stat(path->data, &st) != 0) {
        /* Missing target (also a file deleted after the listing), a loop
         * of links (a -> b -> a), or a target we may not look at. */
        report(ops, path->data,
               errno == ENOENT  ? "broken symbolic link"
               : errno == ELOOP ? "symbolic link loop"
                                : strerror(errno));
        return GV_OK;
    }
    if (S_ISREG(st.st_mode))
        return ops->file(ops->ctx, path->data, &lst, err);
    if (!S_ISDIR(st.st_mode) ||
        (S_ISLNK(lst.st_mode) && !(flags & GV_WALK_FOLLOW_SYMLINKS))) {
        if (ops->skipped)
            ops->skipped(ops->ctx, path->data);
        return GV_OK;
    }
    return walk_dir(path, &st, flags, ops, stack, err);
}

static gv_status
walk_dir(gv_buf *path, const struct stat *st, unsigned flags,
         const gv_walk_ops *ops, dir_stack *stack, gv_err *err)
{
    struct dirent **names = NULL;
    gv_status st_code = GV_OK;
    size_t base = path->len;
    int n, i;

    for (unsigned d = 0; d < stack->depth; d++)
        if (stack->dev[d] == st->st_dev && stack->ino[d] == st->st_ino)
            return GV_OK; /* a symlink back up the tree */
    if (stack->depth == MAX_DEPTH) {
        report(ops, path->data, "folders nested too deep");
        return GV_OK;
    }
    if (ops->enter_dir && !ops->enter_dir(ops->ctx, path->data, st))
        return GV_OK;
    n = scandir(path->data, &names, not_hidden, compare_names);
    if (n < 0) {
        report(ops, path->data, strerror(errno));
        return GV_OK;
    }
    stack->dev[stack->depth] = st->st_dev;
    stack->ino[stack->depth] = st->st_ino;
    stack->depth++;
    for (i = 0; i < n; i++) {
        if (st_code == GV_OK) {
            path->len = base;
            path->data[base] = '\0';
            if (base == 0 || path->data[base - 1] != '/')
                st_code = gv_buf_putc(path, '/', err);
            if (st_code == GV_OK)
                st_code = gv_buf_puts(path, names[i]->d_name, err);
            if (st_code == GV_OK)
                st_code = visit(path, flags, ops, stack, err);
        }
        free(names[i]);
    }
    free(names);
    stack->depth--;
    path->len = base;
    path->data[base] = '\0';
    return st_code;
}

gv_status
gv_walk(const char *root, unsigned flags, const gv_walk_ops *ops, gv_err *err)
{
    gv_buf path = GV_BUF_INIT;
    dir_stack *stack;
    struct stat st;
    gv_status code;

    /* The root itself is followed even when it is a symlink: the user
     * named it. */
    if (stat(root, &st) != 0)
        return gv_err_set(err, GV_EIO, "cannot read '%s': %s", root,
                          strerror(errno));
    if (S_ISREG(st.st_mode))
        return ops->file(ops->ctx, root, NULL, err);
    if (!S_ISDIR(st.st_mode))
        return gv_err_set(err, GV_EIO, "cannot read '%s': not a file or folder",
                          root);
    stack = calloc(1, sizeof(*stack));
    if (!stack)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    code = gv_buf_puts(&path, root, err);
    if (code == GV_OK)
        code = walk_dir(&path, &st, flags, ops, stack, err);
    free(stack);
    gv_buf_release(&path);
    return code;
}
