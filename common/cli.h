/* Helpers that both command-line programs share: usage errors, number
 * options, the version line. Used only by the *_main.c files. */
#ifndef GV_CLI_H
#define GV_CLI_H

#include "gv.h"

#include <stdbool.h>
#include <stdio.h>

#define GV_EXIT_USAGE 2

/**
 * Print "PROG: message" and the "Try 'PROG --help'" hint to stderr and
 * return GV_EXIT_USAGE, for `return gv_cli_bad_usage(...)` in main().
 */
int
gv_cli_bad_usage(const char *prog, const char *fmt, ...) GV_PRINTF(2, 3);

/**
 * Parse @p s as a decimal number from @p min to @p max into *out.
 * False for anything else: signs, spaces, trailing text, overflow.
 */
bool
gv_cli_parse_uint(const char *s, unsigned min, unsigned max, unsigned *out);

/**
 * Report what getopt_long() rejected, for its '?' and ':' returns (the
 * programs set opterr = 0 and start the option string with ':'), with
 * @p hint (or NULL) on a line of its own, and return GV_EXIT_USAGE.
 * @p argv and @p optind_now are getopt's.
 */
int
gv_cli_bad_option(const char *prog, int c, char *const *argv, int optind_now,
                  const char *hint);

/**
 * Flush stdout and turn a failed write (a full disk, a closed pipe) into a
 * message and GV_EXIT_USAGE; otherwise return @p code.
 */
int
gv_cli_finish(const char *prog, int code);

/** Print "PROG 0.1.0 (xapian 1.4.22, zlib 1.2.13)" to @p out. */
void
gv_cli_print_version(FILE *out, const char *prog);

#endif
