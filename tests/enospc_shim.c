/* LD_PRELOAD shim for the CLI tests: a disk that fills up. Writes to
 * regular files under the folder named by GV_ENOSPC_DIR fail with ENOSPC
 * once this process has written more than GV_ENOSPC_AFTER bytes there, as
 * on a full file system, without a loop mount (which CI may not allow).
 * Covers what libxapian and libc's stdio call: write, pwrite, pwrite64,
 * writev, pwritev, fallocate, posix_fallocate. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static unsigned long long written; /* bytes written under the folder */

/* True when @p fd is a regular file under GV_ENOSPC_DIR. Looked up on
 * every call rather than cached: an fd number is reused after close. */
static int
is_watched(int fd)
{
    const char *dir = getenv("GV_ENOSPC_DIR");
    char link[64], target[4096];
    struct stat st;
    ssize_t n;
    size_t len;

    if (!dir || !*dir || fd <= 2)
        return 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    n = readlink(link, target, sizeof(target) - 1);
    if (n < 0)
        return 0;
    target[n] = '\0';
    len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    return strncmp(target, dir, len) == 0 &&
           (target[len] == '/' || target[len] == '\0');
}

/* True when writing @p count more bytes to @p fd must fail; else counts
 * them. */
static int
full(int fd, size_t count)
{
    const char *after = getenv("GV_ENOSPC_AFTER");
    unsigned long long budget = after ? strtoull(after, NULL, 10) : 0;

    if (!is_watched(fd))
        return 0;
    if (written + count > budget) {
        errno = ENOSPC;
        return 1;
    }
    written += count;
    return 0;
}

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*pwrite64_fn)(int, const void *, size_t, off64_t);
typedef ssize_t (*writev_fn)(int, const struct iovec *, int);
typedef ssize_t (*pwritev_fn)(int, const struct iovec *, int, off_t);
typedef int (*fallocate_fn)(int, int, off_t, off_t);
typedef int (*posix_fallocate_fn)(int, off_t, off_t);

/* The next definition of @p name (libc's). POSIX's dlsym idiom: ISO C has
 * no conversion from void * to a function pointer. */
#define REAL(name, type)                                                       \
    static type real_##name;                                                   \
    if (!real_##name)                                                          \
        *(void **)&real_##name = dlsym(RTLD_NEXT, #name);

ssize_t
write(int fd, const void *buf, size_t count)
{
    REAL(write, write_fn)
    if (full(fd, count))
        return -1;
    return real_write(fd, buf, count);
}

ssize_t
pwrite(int fd, const void *buf, size_t count, off_t off)
{
    REAL(pwrite, pwrite_fn)
    if (full(fd, count))
        return -1;
    return real_pwrite(fd, buf, count, off);
}

ssize_t
pwrite64(int fd, const void *buf, size_t count, off64_t off)
{
    REAL(pwrite64, pwrite64_fn)
    if (full(fd, count))
        return -1;
    return real_pwrite64(fd, buf, count, off);
}

static size_t
iov_bytes(const struct iovec *iov, int n)
{
    size_t total = 0;

    for (int i = 0; i < n; i++)
        total += iov[i].iov_len;
    return total;
}

ssize_t
writev(int fd, const struct iovec *iov, int n)
{
    REAL(writev, writev_fn)
    if (full(fd, iov_bytes(iov, n)))
        return -1;
    return real_writev(fd, iov, n);
}

ssize_t
pwritev(int fd, const struct iovec *iov, int n, off_t off)
{
    REAL(pwritev, pwritev_fn)
    if (full(fd, iov_bytes(iov, n)))
        return -1;
    return real_pwritev(fd, iov, n, off);
}

int
fallocate(int fd, int mode, off_t off, off_t len)
{
    REAL(fallocate, fallocate_fn)
    if (len > 0 && full(fd, (size_t)len))
        return -1;
    return real_fallocate(fd, mode, off, len);
}

int
posix_fallocate(int fd, off_t off, off_t len)
{
    REAL(posix_fallocate, posix_fallocate_fn)
    /* Returns the error instead of setting errno. */
    if (len > 0 && full(fd, (size_t)len))
        return ENOSPC;
    return real_posix_fallocate(fd, off, len);
}
