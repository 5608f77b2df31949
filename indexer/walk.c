/* Directory walk (see walk.h). Hand-written rather than nftw(): nftw
 * cannot prune hidden folders portably, sort entries or detect loops
 * through followed symlinks. */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The names in the folder open at @p fd that do not start with '.',
 * sorted, into *out (*n of them; the caller frees them with
 * free_names()). -1 with errno set when it cannot be listed. */
static int
list_names(int fd, char ***out, size_t *n)
{
    int dup_fd = dup(fd);
    DIR *dir = dup_fd < 0 ? NULL : fdopendir(dup_fd);
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *d;
    int saved;

    if (!dir) {
        saved = errno;
        if (dup_fd >= 0)
            close(dup_fd);
        errno = saved;
        return -1;
    }
    errno = 0;
    while ((d = readdir(dir))) {
        if (d->d_name[0] == '.')
            continue;
        if (count == cap) {
            size_t grown_cap = cap ? cap * 2 : 64;
            char **grown = realloc(names, grown_cap * sizeof(*grown));
            if (!grown)
                break;
            names = grown;
            cap = grown_cap;
        }
        if (!(names[count] = strdup(d->d_name)))
            break;
        count++;
        errno = 0;
    }
    saved = errno;
    closedir(dir);
    if (saved) {
        free_names(names, count);
        errno = saved;
        return -1;
    }
    if (count)
        qsort(names, count, sizeof(*names), compare_names);
    *out = names;
    *n = count;
    return 0;
}

static gv_status
walk_dir(gv_buf *path, const struct stat *st, unsigned flags,
         const gv_walk_ops *ops, dir_stack *stack, gv_err *err);

/* Visit the entry @p name of the folder open at *dir_fd, at @p path: a
 * file, a folder, or something to skip. Stat'ing it by name in its
 * folder spares the system a walk of the whole path for each file. A
 * subfolder's walk opens its own: *dir_fd is closed (-1) first, so that
 * a deep tree does not hold a descriptor a level. */
static gv_status
visit(gv_buf *path, int *dir_fd, const char *name, unsigned flags,
      const gv_walk_ops *ops, dir_stack *stack, gv_err *err)
{
    struct stat lst, st;

    if (fstatat(*dir_fd, name, &lst, AT_SYMLINK_NOFOLLOW) != 0) {
        report(ops, path->data, strerror(errno));
        return GV_OK;
    }
    st = lst;
    if (S_ISLNK(lst.st_mode) && fstatat(*dir_fd, name, &st, 0) != 0) {
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
    close(*dir_fd);
    *dir_fd = -1;
    return walk_dir(path, &st, flags, ops, stack, err);
}

/* The folder at @p path, open for fstatat(); -1 with errno set. */
static int
open_dir(const char *path)
{
    return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

static gv_status
walk_dir(gv_buf *path, const struct stat *st, unsigned flags,
         const gv_walk_ops *ops, dir_stack *stack, gv_err *err)
{
    char **names = NULL;
    gv_status st_code = GV_OK;
    size_t base = path->len, n = 0;
    int fd;

    for (unsigned d = 0; d < stack->depth; d++)
        if (stack->dev[d] == st->st_dev && stack->ino[d] == st->st_ino)
            return GV_OK; /* a symlink back up the tree */
    if (stack->depth == MAX_DEPTH) {
        report(ops, path->data, "folders nested too deep");
        return GV_OK;
    }
    if (ops->enter_dir && !ops->enter_dir(ops->ctx, path->data, st))
        return GV_OK;
    fd = open_dir(path->data);
    if (fd < 0 || list_names(fd, &names, &n) != 0) {
        report(ops, path->data, strerror(errno));
        if (fd >= 0)
            close(fd);
        return GV_OK;
    }
    stack->dev[stack->depth] = st->st_dev;
    stack->ino[stack->depth] = st->st_ino;
    stack->depth++;
    for (size_t i = 0; st_code == GV_OK && i < n; i++) {
        path->len = base;
        path->data[base] = '\0';
        if (fd < 0) { /* closed for a subfolder's walk */
            fd = open_dir(path->data);
            if (fd < 0) {
                report(ops, path->data, strerror(errno));
                break;
            }
        }
        if (base == 0 || path->data[base - 1] != '/')
            st_code = gv_buf_putc(path, '/', err);
        if (st_code == GV_OK)
            st_code = gv_buf_puts(path, names[i], err);
        if (st_code == GV_OK)
            st_code = visit(path, &fd, names[i], flags, ops, stack, err);
    }
    if (fd >= 0)
        close(fd);
    free_names(names, n);
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
