/* Unit tests of gv_buf (common/buf.h): appending, formatting, handing the
 * contents over, and the invariant that data is always NUL-terminated. */
#include "buf.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The invariant every other module relies on when it passes b.data to a
 * string function. */
static int
buf_ok(const gv_buf *b)
{
    return b->data != NULL && b->data[b->len] == '\0' &&
           (b->cap == 0 || b->len < b->cap);
}

static void
test_init_and_release(void)
{
    gv_buf b = GV_BUF_INIT;
    gv_buf c;

    CHECK(buf_ok(&b));
    CHECK(b.len == 0 && b.cap == 0);
    CHECK_STR(b.data, "");
    /* Releasing a buffer that never allocated must not free the static "". */
    gv_buf_release(&b);
    CHECK(buf_ok(&b) && b.cap == 0);
    gv_buf_release(&b);
    gv_buf_release(NULL);

    gv_buf_init(&c);
    CHECK(buf_ok(&c) && c.len == 0 && c.cap == 0);
    gv_buf_reset(&c); /* on the static empty buffer too */
    CHECK(buf_ok(&c) && c.len == 0);
    CHECK_STR(gv_buf_empty, "");
}

static void
test_append(void)
{
    gv_buf b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;

    CHECK(gv_buf_append(&b, "abc", 3, &err) == GV_OK);
    CHECK(buf_ok(&b) && b.len == 3);
    CHECK_STR(b.data, "abc");
    /* Only n bytes count, not up to a NUL. */
    CHECK(gv_buf_append(&b, "defXYZ", 3, &err) == GV_OK);
    CHECK_STR(b.data, "abcdef");
    /* A zero-byte append of NULL must be harmless. */
    CHECK(gv_buf_append(&b, NULL, 0, &err) == GV_OK);
    CHECK(b.len == 6 && buf_ok(&b));
    /* Embedded NULs are data: len counts them. */
    CHECK(gv_buf_append(&b, "g\0h", 3, &err) == GV_OK);
    CHECK(b.len == 9 && memcmp(b.data, "abcdefg\0h", 10) == 0);
    CHECK(err.code == GV_OK);
    gv_buf_release(&b);
    CHECK(b.len == 0 && b.cap == 0 && buf_ok(&b));
}

static void
test_puts_putc_printf(void)
{
    gv_buf b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;

    CHECK(gv_buf_puts(&b, "hello", &err) == GV_OK);
    CHECK(gv_buf_putc(&b, ',', &err) == GV_OK);
    CHECK(gv_buf_putc(&b, ' ', &err) == GV_OK);
    CHECK(gv_buf_puts(&b, "", &err) == GV_OK);
    CHECK(gv_buf_printf(&b, &err, "%s #%d of %u (%.1f%%)", "world", -3, 7u,
                        12.5) == GV_OK);
    CHECK_STR(b.data, "hello, world #-3 of 7 (12.5%)");
    CHECK(b.len == strlen("hello, world #-3 of 7 (12.5%)"));
    CHECK(buf_ok(&b));

    /* An empty format on an unallocated buffer must still leave a valid
     * string behind. */
    gv_buf c = GV_BUF_INIT;
    CHECK(gv_buf_printf(&c, &err, "%s", "") == GV_OK);
    CHECK(c.len == 0 && buf_ok(&c));
    CHECK_STR(c.data, "");

    /* printf output longer than the current capacity forces a grow. */
    char big[1000];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    CHECK(gv_buf_printf(&c, &err, "[%s]", big) == GV_OK);
    CHECK(c.len == 1001 && c.data[0] == '[' && c.data[1000] == ']');
    CHECK(buf_ok(&c));
    CHECK(err.code == GV_OK);
    gv_buf_release(&b);
    gv_buf_release(&c);
}

static void
test_reset_keeps_memory(void)
{
    gv_buf b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;

    CHECK(gv_buf_puts(&b, "some text", &err) == GV_OK);
    size_t cap = b.cap;
    char *data = b.data;
    gv_buf_reset(&b);
    CHECK(b.len == 0 && buf_ok(&b));
    CHECK_STR(b.data, "");
    CHECK(b.cap == cap && b.data == data);
    CHECK(gv_buf_puts(&b, "again", &err) == GV_OK);
    CHECK_STR(b.data, "again");
    gv_buf_release(&b);
}

static void
test_detach(void)
{
    gv_buf b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    size_t len = 99;

    CHECK(gv_buf_puts(&b, "owned", &err) == GV_OK);
    char *s = gv_buf_detach(&b, &len);
    CHECK_STR(s, "owned");
    CHECK(len == 5);
    /* The buffer is empty and reusable; s is now the caller's. */
    CHECK(b.len == 0 && b.cap == 0 && buf_ok(&b));
    CHECK(s != b.data);
    CHECK(gv_buf_puts(&b, "next", &err) == GV_OK);
    CHECK_STR(s, "owned");
    free(s);

    /* Detaching a buffer that never allocated still gives a freeable
     * string, not the static "". */
    gv_buf e = GV_BUF_INIT;
    len = 99;
    s = gv_buf_detach(&e, &len);
    CHECK(s != NULL && s != gv_buf_empty);
    CHECK_STR(s, "");
    CHECK(len == 0);
    free(s);

    s = gv_buf_detach(&b, NULL);
    CHECK_STR(s, "next");
    free(s);
    gv_buf_release(&b);
}

static void
test_growth(void)
{
    gv_buf b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    int ok = 1;

    /* Many small appends cross several reallocations; check the content
     * and the invariant after every one. */
    for (int i = 0; i < 20000; i++) {
        if (gv_buf_putc(&b, (char)('a' + i % 26), &err) != GV_OK ||
            !buf_ok(&b) || b.len != (size_t)i + 1)
            ok = 0;
    }
    CHECK(ok);
    ok = 1;
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] != (char)('a' + i % 26))
            ok = 0;
    CHECK(ok);
    CHECK(strlen(b.data) == 20000);

    /* Mixed appends of varied sizes. */
    gv_buf_reset(&b);
    size_t want = 0;
    for (int i = 0; i < 500; i++) {
        char chunk[300];
        size_t n = (size_t)(i * 7) % sizeof(chunk);
        memset(chunk, '0' + i % 10, n);
        if (gv_buf_append(&b, chunk, n, &err) != GV_OK)
            ok = 0;
        want += n;
    }
    CHECK(ok && b.len == want && buf_ok(&b));

    /* gv_buf_grow reserves room without changing the contents. */
    gv_buf c = GV_BUF_INIT;
    CHECK(gv_buf_grow(&c, 5000, &err) == GV_OK);
    CHECK(c.cap > 5000 && c.len == 0 && buf_ok(&c));
    CHECK_STR(c.data, "");
    /* Absurd sizes fail cleanly with GV_ENOMEM instead of wrapping. */
    CHECK(gv_buf_grow(&c, (size_t)-1, &err) == GV_ENOMEM);
    CHECK(err.code == GV_ENOMEM && err.msg[0] != '\0');
    CHECK(c.len == 0 && buf_ok(&c));
    gv_buf_release(&c);
    gv_buf_release(&b);
}

int
main(void)
{
    test_init_and_release();
    test_append();
    test_puts_putc_printf();
    test_reset_keeps_memory();
    test_detach();
    test_growth();
    return CHECK_DONE();
}
