/* Unit tests of common/cli.h: gv_cli_parse_uint, which guards every number
 * option of both programs, so anything but plain digits must be refused. */
#include "cli.h"

#include <limits.h>

#include "check.h"

/* True when @p s parses within [min, max] to @p want. */
static int
accepts(const char *s, unsigned min, unsigned max, unsigned want)
{
    unsigned out = 12345;

    return gv_cli_parse_uint(s, min, max, &out) && out == want;
}

/* True when @p s is refused and *out is left alone, so a caller's default
 * survives a bad option. */
static int
refuses(const char *s, unsigned min, unsigned max)
{
    unsigned out = 12345;

    return !gv_cli_parse_uint(s, min, max, &out) && out == 12345;
}

static void
test_accepts(void)
{
    CHECK(accepts("0", 0, 10, 0));
    CHECK(accepts("10", 0, 10, 10));
    CHECK(accepts("10", 10, 10, 10)); /* min == max */
    CHECK(accepts("1", 1, 100, 1));
    CHECK(accepts("4294967295", 0, UINT_MAX, 4294967295u));
    CHECK(accepts("007", 0, 10, 7));   /* leading zeros are still decimal */
    CHECK(accepts("010", 0, 100, 10)); /* not octal */
}

static void
test_refuses(void)
{
    CHECK(refuses("", 0, 10));
    CHECK(refuses("-1", 0, UINT_MAX));
    CHECK(refuses("-0", 0, 10));
    CHECK(refuses("+1", 0, 10));
    CHECK(refuses(" 1", 0, 10));
    CHECK(refuses("1 ", 0, 10));
    CHECK(refuses("1x", 0, 10));
    CHECK(refuses("0x10", 0, 100));
    CHECK(refuses("1.5", 0, 10));
    CHECK(refuses("abc", 0, 10));
    CHECK(refuses("99999999999", 0, UINT_MAX));
    CHECK(refuses("4294967296", 0, UINT_MAX));
    CHECK(refuses("18446744073709551616", 0, UINT_MAX)); /* > ULONG_MAX */
    /* In range for unsigned, out of the caller's bounds. */
    CHECK(refuses("11", 0, 10));
    CHECK(refuses("0", 1, 10));
    CHECK(refuses("5", 6, 10));
}

int
main(void)
{
    test_accepts();
    test_refuses();
    return CHECK_DONE();
}
