/* Unit tests of common/neardup.h: signatures are stable (an index made
 * today compares with one made later), identical texts agree, edited
 * copies of a story pass the threshold, different stories on the same
 * topic do not, and short or repetitive texts get no signature. The
 * stories are the hand-written ones of fixtures/copies. */
#include "neardup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The body of fixtures/copies/@p name (after its header block), read
 * into @p buf of @p cap bytes; its length, or 0 when unreadable. */
static size_t
read_body(const char *name, char *buf, size_t cap)
{
    const char *fx = getenv("GV_FIXTURES");
    char path[4096];
    FILE *f;
    size_t n;
    char *body;

    snprintf(path, sizeof(path), "%s/copies/%s", fx ? fx : "fixtures", name);
    f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open '%s'\n", path);
        return 0;
    }
    n = fread(buf, 1, cap - 1, f);
    fclose(f);
    buf[n] = '\0';
    body = strstr(buf, "\n\n");
    if (!body)
        return n;
    body += 2;
    n -= (size_t)(body - buf);
    memmove(buf, body, n + 1);
    return n;
}

/* The signature of fixture @p name into *out; false when it has none. */
static bool
sign_fixture(const char *name, gv_neardup_sig *out)
{
    static char buf[1 << 16];
    size_t n = read_body(name, buf, sizeof(buf));

    return n && gv_neardup_sign(buf, n, out);
}

static double
similarity(const char *a, const char *b)
{
    gv_neardup_sig x, y;

    if (!sign_fixture(a, &x) || !sign_fixture(b, &y))
        return -1.0;
    return gv_neardup_similarity(&x, &y);
}

static void
test_stable(void)
{
    const char *text = "The Court of Appeal on Monday declared void a "
                       "dredging contract awarded by the harbour board, "
                       "finding that two board members had rigged the "
                       "tender in favour of a company owned by a relative "
                       "of the chairman, and ordered the board to run the "
                       "tender again under the rules first published and "
                       "to pay the legal costs of the losing consortium.";
    gv_neardup_sig a, b, c;
    unsigned char enc[GV_NEARDUP_SIG_BYTES];

    CHECK(gv_neardup_sign(text, strlen(text), &a));
    CHECK(gv_neardup_sign(text, strlen(text), &b));
    CHECK(memcmp(a.min, b.min, sizeof(a.min)) == 0);
    CHECK(a.shingles == 58);
    /* Fixed values: a change of hashing would make every fingerprint in
     * existing indexes useless, so it must be deliberate (and bump the
     * encoding's version byte). */
    CHECK(a.min[0] == 0x01e23b64u);
    CHECK(gv_neardup_band_key(&a, 0) == 0x7f5312d40bf3d092u);
    CHECK(gv_neardup_similarity(&a, &b) == 1.0);
    CHECK(gv_neardup_is_copy(&a, &b, NULL));

    /* Case and punctuation do not matter. */
    char upper[1024];
    size_t n = strlen(text);
    for (size_t i = 0; i <= n; i++)
        upper[i] = text[i] >= 'a' && text[i] <= 'z' ? text[i] - 32
                   : text[i] == ','                 ? ';'
                                                    : text[i];
    CHECK(gv_neardup_sign(upper, n, &c));
    CHECK(gv_neardup_similarity(&a, &c) == 1.0);

    /* Encoding round trip; other bytes are refused. */
    gv_neardup_encode(&a, enc);
    CHECK(gv_neardup_decode((const char *)enc, sizeof(enc), &c));
    CHECK(memcmp(a.min, c.min, sizeof(a.min)) == 0 && c.shingles == a.shingles);
    CHECK(!gv_neardup_decode((const char *)enc, sizeof(enc) - 1, &c));
    enc[0] = 99;
    CHECK(!gv_neardup_decode((const char *)enc, sizeof(enc), &c));
    CHECK(!gv_neardup_decode("", 0, &c));
}

static void
test_short_and_repetitive(void)
{
    const char *notice = "The Court of Appeal will give judgment in the "
                         "Port Velmora dredging appeal on Monday, March 14, "
                         "at 10 a.m. in courtroom 3, the court said.";
    gv_neardup_sig sig;
    char rep[4096] = "";

    CHECK(!gv_neardup_sign(notice, strlen(notice), &sig));
    CHECK(!gv_neardup_sign("", 0, &sig));
    for (int i = 0; i < 100; i++)
        strcat(rep, "guilty as charged ");
    CHECK(!gv_neardup_sign(rep, strlen(rep), &sig));
    /* Invalid bytes separate words; nothing reads past the end. */
    CHECK(!gv_neardup_sign("\xff\xfe\xe4\xb8", 4, &sig));
}

static void
test_cjk(void)
{
    /* Chinese: each character is a word, so a shingle is 4 characters. */
    const char *a =
        "最高人民法院近日召开会议，部署深入整治司法腐败工作。会议要求"
        "各级法院严肃查处法官受贿、违规干预案件等问题，"
        "坚决清除害群之马，维护司法公正和司法权威。";
    const char *b =
        "新华社北京电 最高人民法院近日召开会议，部署深入整治司法腐败"
        "工作。会议要求各级法院严肃查处法官受贿、违规干预案件等"
        "问题，坚决清除害群之马，维护司法公正和司法权威。";
    gv_neardup_sig x, y;

    CHECK(gv_neardup_sign(a, strlen(a), &x));
    CHECK(gv_neardup_sign(b, strlen(b), &y));
    CHECK(x.shingles > 60);
    CHECK(gv_neardup_similarity(&x, &y) >= 0.8);
}

static void
test_fixtures(void)
{
    static const char *const copies[] = {
        "courier-headline.txt", /* other outlet and headline */
        "docket-trimmed.txt",   /* last paragraph cut */
        "daily-editors-note.txt" /* small edits, an editor's note */};
    static const char *const others[] = {"appeal-pilot-boats.txt",
                                         "appeal-harbour-official.txt"};
    gv_neardup_sig orig, sig;

    CHECK(sign_fixture("wire-original.txt", &orig));
    for (size_t i = 0; i < 3; i++) {
        double sim = similarity("wire-original.txt", copies[i]);
        CHECK(sign_fixture(copies[i], &sig));
        CHECK(gv_neardup_is_copy(&orig, &sig, NULL));
        CHECK(sim >= 0.7);
    }
    /* Same court, same port, same vocabulary, other facts. */
    for (size_t i = 0; i < 2; i++) {
        double sim = similarity("wire-original.txt", others[i]);
        CHECK(sign_fixture(others[i], &sig));
        CHECK(!gv_neardup_is_copy(&orig, &sig, NULL));
        CHECK(sim >= 0.0 && sim < 0.2);
    }
    CHECK(similarity("appeal-pilot-boats.txt", "appeal-harbour-official.txt") <
          0.2);
    /* The court's short notices have no fingerprint at all. */
    CHECK(!sign_fixture("notice-dredging.txt", &sig));
    CHECK(!sign_fixture("notice-pilot-boats.txt", &sig));
}

int
main(void)
{
    test_stable();
    test_short_and_repetitive();
    test_cjk();
    test_fixtures();
    return CHECK_DONE();
}
