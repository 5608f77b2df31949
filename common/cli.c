/* Command-line helpers (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>

#include "gz.h"
#include "xdb.h"

int
gv_cli_bad_usage(const char *prog, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", prog);
    return GV_EXIT_USAGE;
}

bool
gv_cli_parse_uint(const char *s, unsigned min, unsigned max, unsigned *out)
{
    char *end;
    unsigned long v;

    if (*s < '0' || *s > '9')
        return false;
    errno = 0;
    v = strtoul(s, &end, 10);
    if (errno || *end || v < min || v > max)
        return false;
    *out = (unsigned)v;
    return true;
}

void
gv_cli_print_version(FILE *out, const char *prog)
{
    fprintf(out, "%s %s (xapian %s, zlib %s)\n", prog, GV_VERSION,
            gv_xapian_version(), gv_gz_zlib_version());
}
