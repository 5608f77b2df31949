/* A minimal test harness (after Redis testhelp.h): CHECK() records a
 * failure with its place and goes on; CHECK_DONE() prints the closing line
 * and gives main()'s exit code. */
#ifndef GV_CHECK_H
#define GV_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

#define CHECK(c)                                                               \
    do {                                                                       \
        check_count++;                                                         \
        if (!(c)) {                                                            \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__,   \
                    #c);                                                       \
            check_failures++;                                                  \
        }                                                                      \
    } while (0)

#define CHECK_STR(a, b)                                                        \
    do {                                                                       \
        const char *check_a_ = (a), *check_b_ = (b);                           \
        check_count++;                                                         \
        if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {       \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n",          \
                    __FILE__, __LINE__, #a, check_a_ ? check_a_ : "(null)",    \
                    check_b_ ? check_b_ : "(null)");                           \
            check_failures++;                                                  \
        }                                                                      \
    } while (0)

#define CHECK_DONE()                                                           \
    (printf("%d passed, %d failed\n", check_count - check_failures,            \
            check_failures),                                                   \
     check_failures ? 1 : 0)

#endif
