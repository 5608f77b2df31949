/* Unit tests of common/utf8.h: decoding of valid and invalid sequences,
 * repair of damaged text to U+FFFD, and clipping at character boundaries. */
#include "utf8.h"

#include <string.h>

#include "check.h"

#define FFFD "\xef\xbf\xbd"

/* Decode the whole of @p s as one character: its length, or 0. */
static size_t
decode(const char *s, uint32_t *cp)
{
    *cp = 0xdeadbeef;
    return gv_utf8_decode(s, strlen(s), cp);
}

static void
test_decode_valid(void)
{
    uint32_t cp;

    CHECK(decode("A", &cp) == 1 && cp == 'A');
    CHECK(gv_utf8_decode("\0", 1, &cp) == 1 && cp == 0);
    CHECK(decode("\x7f", &cp) == 1 && cp == 0x7f);
    CHECK(decode("\xc2\x80", &cp) == 2 && cp == 0x80);  /* smallest 2 */
    CHECK(decode("\xc3\xa9", &cp) == 2 && cp == 0xe9);  /* é */
    CHECK(decode("\xdf\xbf", &cp) == 2 && cp == 0x7ff); /* largest 2 */
    CHECK(decode("\xe0\xa0\x80", &cp) == 3 && cp == 0x800);
    CHECK(decode("\xe2\x82\xac", &cp) == 3 && cp == 0x20ac); /* € */
    CHECK(decode("\xe6\xb3\x95", &cp) == 3 && cp == 0x6cd5); /* 法 */
    CHECK(decode("\xed\x9f\xbf", &cp) == 3 && cp == 0xd7ff); /* below D800 */
    CHECK(decode("\xee\x80\x80", &cp) == 3 && cp == 0xe000); /* above DFFF */
    CHECK(decode(FFFD, &cp) == 3 && cp == 0xfffd);
    CHECK(decode("\xef\xbf\xbf", &cp) == 3 && cp == 0xffff);
    CHECK(decode("\xf0\x90\x80\x80", &cp) == 4 && cp == 0x10000);
    CHECK(decode("\xf0\x9f\x98\x80", &cp) == 4 && cp == 0x1f600); /* emoji */
    CHECK(decode("\xf4\x8f\xbf\xbf", &cp) == 4 && cp == 0x10ffff);
    /* Only the first character is decoded; what follows is not looked at. */
    CHECK(gv_utf8_decode("\xc3\xa9xyz", 5, &cp) == 2 && cp == 0xe9);
}

static void
test_decode_invalid(void)
{
    uint32_t cp;

    CHECK(gv_utf8_decode("A", 0, &cp) == 0);     /* nothing there */
    CHECK(decode("\xc0\xaf", &cp) == 0);         /* overlong '/' */
    CHECK(decode("\xc1\xbf", &cp) == 0);         /* overlong 0x7f */
    CHECK(decode("\xe0\x80\xaf", &cp) == 0);     /* overlong, 3 bytes */
    CHECK(decode("\xe0\x9f\xbf", &cp) == 0);     /* overlong 0x7ff */
    CHECK(decode("\xf0\x80\x80\xaf", &cp) == 0); /* overlong, 4 bytes */
    CHECK(decode("\xf0\x8f\xbf\xbf", &cp) == 0); /* overlong 0xffff */
    CHECK(decode("\xed\xa0\x80", &cp) == 0);     /* U+D800 surrogate */
    CHECK(decode("\xed\xbf\xbf", &cp) == 0);     /* U+DFFF surrogate */
    CHECK(decode("\xf4\x90\x80\x80", &cp) == 0); /* U+110000 */
    CHECK(decode("\xf5\x80\x80\x80", &cp) == 0); /* lead beyond F4 */
    CHECK(decode("\xff", &cp) == 0);
    CHECK(decode("\xfe", &cp) == 0);
    CHECK(decode("\x80", &cp) == 0); /* lone continuation */
    CHECK(decode("\xbf\x80", &cp) == 0);
    /* Truncated: the length says the rest is missing ... */
    CHECK(gv_utf8_decode("\xc3\xa9", 1, &cp) == 0);
    CHECK(gv_utf8_decode("\xe2\x82\xac", 2, &cp) == 0);
    CHECK(gv_utf8_decode("\xf0\x9f\x98\x80", 3, &cp) == 0);
    /* ... or a non-continuation byte cuts the sequence short. */
    CHECK(decode("\xc3 ", &cp) == 0);
    CHECK(decode("\xe2\x82x", &cp) == 0);
    CHECK(decode("\xf0\x9f\x98"
                 "A",
                 &cp) == 0);
    CHECK(decode("\xe2\xc3\xa9", &cp) == 0);
}

/* Repair @p n bytes at @p in; compare with @p want and the count. */
static int
repairs_to(const char *in, size_t n, const char *want, size_t want_count)
{
    gv_buf b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    size_t count = 12345;
    int ok;

    if (gv_buf_append(&b, in, n, &err) != GV_OK)
        return 0;
    ok = gv_utf8_repair(&b, &count, &err) == GV_OK;
    ok = ok && count == want_count && b.len == strlen(want) &&
         memcmp(b.data, want, b.len) == 0 && b.data[b.len] == '\0';
    if (!ok)
        fprintf(stderr, "  repair gave \"%s\" (count %zu), want \"%s\" (%zu)\n",
                b.data, count, want, want_count);
    gv_buf_release(&b);
    return ok;
}

#define REPAIRS_TO(in, want, count) repairs_to(in, sizeof(in) - 1, want, count)

static void
test_repair(void)
{
    /* Valid text is left alone and nothing is counted. */
    CHECK(REPAIRS_TO("", "", 0));
    CHECK(REPAIRS_TO("plain ASCII text\n", "plain ASCII text\n", 0));
    CHECK(REPAIRS_TO("caf\xc3\xa9 \xe6\xb3\x95\xe9\x99\xa2 \xf0\x9f\x98\x80",
                     "caf\xc3\xa9 \xe6\xb3\x95\xe9\x99\xa2 \xf0\x9f\x98\x80",
                     0));

    /* Each bad sequence becomes exactly one U+FFFD. */
    CHECK(REPAIRS_TO("\xff", FFFD, 1));
    CHECK(REPAIRS_TO("a\xffz", "a" FFFD "z", 1));
    CHECK(REPAIRS_TO("x\xc0\xafy", "x" FFFD "y", 1));         /* overlong */
    CHECK(REPAIRS_TO("x\xe0\x80\xafy", "x" FFFD "y", 1));     /* overlong */
    CHECK(REPAIRS_TO("x\xed\xa0\x80y", "x" FFFD "y", 1));     /* surrogate */
    CHECK(REPAIRS_TO("x\xf4\x90\x80\x80y", "x" FFFD "y", 1)); /* > 10FFFF */
    CHECK(REPAIRS_TO("Ren\xc3 Albers", "Ren" FFFD " Albers", 1)); /* cut */
    CHECK(REPAIRS_TO("end\xe2\x82", "end" FFFD, 1)); /* cut at the end */
    CHECK(REPAIRS_TO("\x80", FFFD, 1));              /* lone continuation */
    CHECK(REPAIRS_TO("a\x80\x80\x80z", "a" FFFD "z", 1));
    CHECK(REPAIRS_TO("\xff\xfe", FFFD FFFD, 2));
    /* The three faults of fixtures/bad/invalid-utf8.txt, counted apart,
     * with the valid characters between them kept. */
    CHECK(REPAIRS_TO("a \xff b Ren\xc3 c \xc0\xaf d \xc3\xa9",
                     "a " FFFD " b Ren" FFFD " c " FFFD " d \xc3\xa9", 3));
    /* Latin-1 text, the common real-world case: each accented byte. */
    CHECK(REPAIRS_TO("caf\xe9 na\xefve", "caf" FFFD " na" FFFD "ve", 2));

    /* A leading BOM is dropped, not counted; elsewhere it is a character. */
    CHECK(REPAIRS_TO("\xef\xbb\xbfTitle", "Title", 0));
    CHECK(REPAIRS_TO("\xef\xbb\xbf", "", 0));
    CHECK(REPAIRS_TO("\xef\xbb\xbf\xff", FFFD, 1));
    CHECK(REPAIRS_TO("a\xef\xbb\xbf", "a\xef\xbb\xbf", 0));

    gv_buf b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    size_t count = 9;

    /* NUL bytes are valid UTF-8 (U+0000): repair must keep them. */
    CHECK(gv_buf_append(&b, "a\0b\xff", 4, &err) == GV_OK);
    CHECK(gv_utf8_repair(&b, &count, &err) == GV_OK);
    CHECK(count == 1 && b.len == 6 && memcmp(b.data, "a\0b" FFFD, 7) == 0);
    gv_buf_release(&b);

    /* A NULL count pointer is allowed. */
    CHECK(gv_buf_puts(&b, "x\xffy", &err) == GV_OK);
    CHECK(gv_utf8_repair(&b, NULL, &err) == GV_OK);
    CHECK_STR(b.data, "x" FFFD "y");
    gv_buf_release(&b);
}

static void
test_clip(void)
{
    /* "a" "é" "法" "😀": offsets 0, 1, 3, 6, end 10. */
    const char *s = "a\xc3\xa9\xe6\xb3\x95\xf0\x9f\x98\x80";
    size_t n = strlen(s);
    static const size_t want[11] = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10};

    for (size_t max = 0; max <= n; max++) {
        size_t c = gv_utf8_clip(s, n, max);
        CHECK(c == want[max]);
        CHECK(c <= max && gv_utf8_is_valid(s, c));
    }
    CHECK(gv_utf8_clip(s, n, 1000) == n); /* shorter than max: unchanged */
    CHECK(gv_utf8_clip("abc", 3, 2) == 2);
    CHECK(gv_utf8_clip("", 0, 0) == 0);

    /* A long CJK run clipped at every length stays valid. */
    char cjk[3 * 50 + 1] = "";
    for (int i = 0; i < 50; i++)
        strcat(cjk, "\xe6\xb3\x95");
    int ok = 1;
    for (size_t max = 0; max <= 150; max++) {
        size_t c = gv_utf8_clip(cjk, 150, max);
        if (c > max || c % 3 != 0 || max - c >= 3)
            ok = 0;
    }
    CHECK(ok);
}

static void
test_complete_len(void)
{
    /* "a法" cut after each of its bytes: a cut-off character is dropped. */
    const char *s = "a\xe6\xb3\x95";
    CHECK(gv_utf8_complete_len(s, 4) == 4);
    CHECK(gv_utf8_complete_len(s, 3) == 1);
    CHECK(gv_utf8_complete_len(s, 2) == 1);
    CHECK(gv_utf8_complete_len(s, 1) == 1);
    CHECK(gv_utf8_complete_len(s, 0) == 0);
    /* A 4-byte character cut after 3 bytes. */
    CHECK(gv_utf8_complete_len("x\xf0\x9f\x98", 4) == 1);
    /* Damage that is not a cut is left for repair to count. */
    CHECK(gv_utf8_complete_len("x\x80\x80", 3) == 3);
    CHECK(gv_utf8_complete_len("x\xff", 2) == 2);
}

static void
test_is_valid(void)
{
    CHECK(gv_utf8_is_valid("", 0));
    CHECK(gv_utf8_is_valid("a\xc3\xa9\xe6\xb3\x95", 6));
    CHECK(!gv_utf8_is_valid("a\xc3", 2));
    CHECK(!gv_utf8_is_valid("\xc0\xaf", 2));
}

static void
test_blank_controls(void)
{
    char s[] = "a\x02"
               "b\x03\tc\n\r\fd\x1b[1m\x7f\x01\xc3\xa9";

    gv_utf8_blank_controls(s, sizeof(s) - 1);
    CHECK_STR(s, "a b \tc\n\r\fd [1m  \xc3\xa9");
}

int
main(void)
{
    test_decode_valid();
    test_decode_invalid();
    test_repair();
    test_clip();
    test_complete_len();
    test_blank_controls();
    test_is_valid();
    return CHECK_DONE();
}
