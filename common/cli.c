/* Command-line helpers (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

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

int
gv_cli_bad_option(const char *prog, int c, char *const *argv, int optind_now,
                  const char *hint)
{
    /* A long option is the word getopt just read; a short one is named by
     * optopt, as optind has not moved past a cluster such as "-qx". */
    const char *arg = optind_now > 0 ? argv[optind_now - 1] : "";
    bool is_long = strncmp(arg, "--", 2) == 0;
    int name_len = (int)strcspn(arg, "=");

    fprintf(stderr, "%s: ", prog);
    if (c == ':' && is_long)
        fprintf(stderr, "option '%s' needs a value\n", arg);
    else if (c == ':')
        fprintf(stderr, "option '-%c' needs a value\n", optopt);
    else if (is_long && optopt)
        fprintf(stderr, "option '%.*s' takes no value\n", name_len, arg);
    else if (is_long)
        fprintf(stderr, "unknown option '%.*s'\n", name_len, arg);
    else
        fprintf(stderr, "unknown option '-%c'\n", optopt);
    if (hint)
        fprintf(stderr, "%s\n", hint);
    fprintf(stderr, "Try '%s --help' for more information.\n", prog);
    return GV_EXIT_USAGE;
}

int
gv_cli_finish(const char *prog, int code)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: cannot write output: %s\n", prog, strerror(errno));
        return GV_EXIT_USAGE;
    }
    return code;
}
