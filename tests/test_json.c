/* Unit tests of common/json.h: every byte string must come out as one valid
 * JSON string, whatever control characters or broken UTF-8 it holds. */
#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

#define FFFD "\xef\xbf\xbd"

/* The JSON of @p n bytes at @p s, in a static buffer so that CHECK_STR
 * can show it on failure. */
static const char *
json_of(const char *s, size_t n)
{
    static char out[256];
    gv_buf b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;

    if (gv_json_string(&b, s, n, &err) != GV_OK || b.len >= sizeof(out) ||
        strlen(b.data) != b.len)
        snprintf(out, sizeof(out), "(failed: %.200s)", err.msg);
    else
        memcpy(out, b.data, b.len + 1);
    gv_buf_release(&b);
    return out;
}

#define JSON(s) json_of(s, sizeof(s) - 1)

static void
test_escaping(void)
{
    CHECK_STR(JSON(""), "\"\"");
    CHECK_STR(JSON("plain text"), "\"plain text\"");
    CHECK_STR(JSON("say \"hi\""), "\"say \\\"hi\\\"\"");
    CHECK_STR(JSON("C:\\path\\"), "\"C:\\\\path\\\\\"");
    CHECK_STR(JSON("a\nb\tc\rd"), "\"a\\nb\\tc\\rd\"");
    /* Other C0 controls have no short form in our output: \u00XX. */
    CHECK_STR(JSON("\x01"), "\"\\u0001\"");
    CHECK_STR(JSON("\b\f"), "\"\\u0008\\u000c\"");
    CHECK_STR(JSON("\x1b[0m"), "\"\\u001b[0m\"");
    CHECK_STR(JSON("\x1f"), "\"\\u001f\"");
    CHECK_STR(JSON("a\0b"), "\"a\\u0000b\""); /* an embedded NUL */
    CHECK_STR(JSON("\x7f"), "\"\\u007f\"");   /* DEL */
    /* Characters that need no escape in JSON pass through as they are. */
    CHECK_STR(JSON("/ ' < > &"), "\"/ ' < > &\"");

    /* Valid multibyte UTF-8 passes through unescaped. */
    CHECK_STR(JSON("caf\xc3\xa9 \xe6\xb3\x95\xe9\x99\xa2 \xf0\x9f\x98\x80"),
              "\"caf\xc3\xa9 \xe6\xb3\x95\xe9\x99\xa2 \xf0\x9f\x98\x80\"");
    /* Invalid UTF-8 becomes U+FFFD, never raw bytes. */
    CHECK_STR(JSON("a\xff"
                   "b"),
              "\"a" FFFD "b\"");
    CHECK_STR(JSON("\x80"), "\"" FFFD "\"");
    /* A sequence cut off by the end of the input: one U+FFFD per bad
     * byte or one for the whole sequence are both valid JSON. */
    const char *cut = JSON("x\xe2\x82");
    CHECK(strcmp(cut, "\"x" FFFD "\"") == 0 ||
          strcmp(cut, "\"x" FFFD FFFD "\"") == 0);
    /* Only n bytes are read: a quote after them is not output. */
    CHECK_STR(json_of("ab\"", 2), "\"ab\"");
}

static void
test_appends_and_null(void)
{
    gv_buf b = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;

    /* The string is appended after what the buffer already holds, as
     * the renderers build a whole object piece by piece. */
    CHECK(gv_buf_puts(&b, "{\"title\":", &err) == GV_OK);
    CHECK(gv_json_string_or_null(&b, "A \"quoted\" title", &err) == GV_OK);
    CHECK(gv_buf_puts(&b, ",\"author\":", &err) == GV_OK);
    CHECK(gv_json_string_or_null(&b, NULL, &err) == GV_OK);
    CHECK(gv_buf_putc(&b, '}', &err) == GV_OK);
    CHECK_STR(b.data, "{\"title\":\"A \\\"quoted\\\" title\",\"author\":null}");
    gv_buf_release(&b);

    CHECK(gv_json_string_or_null(&b, "", &err) == GV_OK);
    CHECK_STR(b.data, "\"\"");
    CHECK(err.code == GV_OK);
    gv_buf_release(&b);
}

/* Every byte 0x00..0xff at once, plus broken sequences: jq must accept the
 * output and give back the printable part unchanged. */
static void
test_jq_accepts(void)
{
    if (system("command -v jq >/dev/null 2>&1") != 0) {
        printf("jq not found: skipping the jq validation\n");
        return;
    }
    gv_buf in = GV_BUF_INIT, out = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    char tmpl[4096];
    const char *tmpdir = getenv("TMPDIR");

    int ok = 1;
    for (int c = 0; c < 256; c++)
        ok &= gv_buf_putc(&in, (char)c, &err) == GV_OK;
    CHECK(ok);
    CHECK(gv_buf_puts(&in, "\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xe2\x82",
                      &err) == GV_OK);
    CHECK(gv_buf_puts(&in, "caf\xc3\xa9 \"end\"\\", &err) == GV_OK);
    CHECK(gv_json_string(&out, in.data, in.len, &err) == GV_OK);

    /* jq reads a file so that popen() is free to read jq's answer back. */
    snprintf(tmpl, sizeof(tmpl), "%s/test_json_XXXXXX",
             tmpdir && *tmpdir ? tmpdir : "/tmp");
    int fd = mkstemp(tmpl);
    CHECK(fd >= 0);
    if (fd < 0)
        goto out;
    FILE *f = fdopen(fd, "wb");
    CHECK(f != NULL);
    if (f) {
        fwrite(out.data, 1, out.len, f);
        fclose(f);
    }

    char cmd[4200];
    snprintf(cmd, sizeof(cmd), "jq -e -r 'type == \"string\"' '%s'", tmpl);
    FILE *p = popen(cmd, "r");
    char line[64] = "";
    CHECK(p != NULL);
    if (p) {
        if (!fgets(line, sizeof(line), p))
            line[0] = '\0';
        CHECK(pclose(p) == 0);
        CHECK_STR(line, "true\n");
    }

    /* jq decodes the escapes; the tail we added comes back intact. */
    snprintf(cmd, sizeof(cmd), "jq -j '.[-11:]' '%s'", tmpl);
    p = popen(cmd, "r");
    CHECK(p != NULL);
    if (p) {
        char tail[64] = "";
        size_t n = fread(tail, 1, sizeof(tail) - 1, p);
        tail[n] = '\0';
        CHECK(pclose(p) == 0);
        CHECK_STR(tail, "caf\xc3\xa9 \"end\"\\");
    }
    remove(tmpl);
out:
    gv_buf_release(&in);
    gv_buf_release(&out);
}

int
main(void)
{
    test_escaping();
    test_appends_and_null();
    test_jq_accepts();
    return CHECK_DONE();
}
