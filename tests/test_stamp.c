/* Unit tests of indexer/stamp.c: a stamp survives its encoding, and a
 * value that is not one is refused rather than misread. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "stamp.h"

/* Encode @p s with @p path, decode it back, and compare. */
static void
check_round_trip(const gv_stamp *s, const char *path)
{
    gv_buf value = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    gv_stamp back;
    const char *back_path = NULL;

    CHECK(gv_stamp_encode(s, path, &value, &err) == GV_OK);
    CHECK(gv_stamp_decode(value.data, &back, &back_path));
    CHECK(back.size == s->size);
    CHECK(back.mtime_sec == s->mtime_sec);
    CHECK(back.mtime_nsec == s->mtime_nsec);
    CHECK(back.has_crc == s->has_crc);
    CHECK(!s->has_crc || back.crc == s->crc);
    CHECK_STR(back_path, path);
    gv_buf_release(&value);
}

static void
test_round_trip(void)
{
    gv_stamp plain = {2048, 1764979200, 123456789, false, 0};
    gv_stamp checked = {0, 0, 0, true, 0xdeadbeef};
    gv_stamp old = {ULLONG_MAX, -86401, 999999999, true, 0};

    check_round_trip(&plain, "/archive/2025/court ruling.txt");
    check_round_trip(&checked, "/a");
    check_round_trip(&old, "/archive/ x with  spaces\tand tab.html");
}

static void
test_decode(void)
{
    gv_stamp s;
    const char *path = NULL;

    CHECK(gv_stamp_decode("1 10 5.000000007 - /x/y.txt", &s, &path));
    CHECK(s.size == 10 && s.mtime_sec == 5 && s.mtime_nsec == 7);
    CHECK(!s.has_crc);
    CHECK_STR(path, "/x/y.txt");
    CHECK(gv_stamp_decode("1 10 -5.000000000 0000001f /x", &s, &path));
    CHECK(s.mtime_sec == -5 && s.has_crc && s.crc == 0x1f);

    /* Another version, or anything cut short or malformed. */
    static const char *const bad[] = {
        "",
        "2 10 5.0 - /x",
        "1",
        "1 10",
        "1 10 5",
        "1 10 5.0",
        "1 10 5.0 -",
        "1 x 5.0 - /x",
        "1 10 5.x - /x",
        "1 10 5.1000000000 - /x",
        "1 10 5.0 zz /x",
        "1 -10 5.0 - /x",
        "1 99999999999999999999 5.0 - /x",
        "1 10 99999999999999999999.0 - /x",
        "110 5.0 - /x",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (gv_stamp_decode(bad[i], &s, &path)) {
            fprintf(stderr, "decoded \"%s\"\n", bad[i]);
            CHECK(false);
        }
    }
}

int
main(void)
{
    test_round_trip();
    test_decode();
    return CHECK_DONE();
}
