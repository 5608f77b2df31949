/* Unit tests of common/cite.h: citations in running text with their keys
 * and spans, look-alikes that must not be taken, and queries that must give
 * the same key as the text. Every text here is written for the test. */
#include "cite.h"

#include <string.h>

#include "check.h"

#define MAX_FOUND 16

typedef struct found {
    size_t count;
    gv_cite cite[MAX_FOUND];
} found;

static bool
collect(const gv_cite *c, void *ctx)
{
    found *f = ctx;

    if (f->count < MAX_FOUND)
        f->cite[f->count++] = *c;
    return true;
}

/* The keys found in @p text, joined by spaces, into @p out. */
static const char *
keys_of(const char *text, char *out, size_t cap)
{
    found f = {0};
    size_t k = 0;

    gv_cite_scan(text, strlen(text), collect, &f);
    out[0] = '\0';
    for (size_t x = 0; x < f.count; x++)
        k += (size_t)snprintf(out + k, cap - k, "%s%s", x ? " " : "",
                              f.cite[x].key);
    return out;
}

#define KEYS(text, expected)                                                   \
    do {                                                                       \
        char keys_[1024];                                                      \
        CHECK_STR(keys_of(text, keys_, sizeof(keys_)), expected);              \
    } while (0)

#define NONE(text) KEYS(text, "")

/* The one mention in @p text must cover exactly @p span. */
static int
span_is(const char *text, const char *span)
{
    found f = {0};

    gv_cite_scan(text, strlen(text), collect, &f);
    if (f.count == 0 || f.cite[0].start + f.cite[0].len > strlen(text) ||
        f.cite[0].len != strlen(span) ||
        memcmp(text + f.cite[0].start, span, strlen(span)) != 0) {
        fprintf(stderr, "  \"%s\": span is not \"%s\"\n", text, span);
        return 0;
    }
    return 1;
}

/* The query's key, or "(none)". */
static const char *
norm(const char *query, char *key, size_t cap)
{
    return gv_cite_normalize(query, strlen(query), key, cap) ? key : "(none)";
}

#define NORM(query, expected)                                                  \
    do {                                                                       \
        char key_[GV_CITE_KEY_BYTES];                                          \
        CHECK_STR(norm(query, key_, sizeof(key_)), expected);                  \
    } while (0)

static void
test_us_code(void)
{
    KEYS("under 42 U.S.C. \xc2\xa7 1983 the", "usc:42:1983");
    KEYS("under 42 USC 1983 the", "usc:42:1983");
    KEYS("under 42 U.S.C. 1983 note, the", "usc:42:1983");
    KEYS("42 U.S.C. \xc2\xa7\xc2\xa7 1983, 1985", "usc:42:1983 usc:42:1985");
    KEYS("42 U.S.C. \xc2\xa7\xc2\xa7 1983 and 1985", "usc:42:1983 usc:42:1985");
    /* A list followed by prose, not by punctuation. */
    KEYS("42 U.S.C. \xc2\xa7\xc2\xa7 1983, 1985 with it",
         "usc:42:1983 usc:42:1985");
    KEYS("42 U.S.C. \xc2\xa7\xc2\xa7 1981, 1983, and 1985.",
         "usc:42:1981 usc:42:1983 usc:42:1985");
    KEYS("sued under section 1983 of title 42.", "usc:42:1983");
    KEYS("Section 1983 of Title 42 of the United States Code", "usc:42:1983");
    KEYS("18 U.S.C. \xc2\xa7 1030(a)(2) makes it", "usc:18:1030");
    KEYS("42 U.S.C. \xc2\xa7 2000e-2(a) bars", "usc:42:2000e-2");
    KEYS("42 U.S. Code \xc2\xa7 1983", "usc:42:1983");
    KEYS("42 U.S.C.\xc2\xa7"
         "1983",
         "usc:42:1983");
    /* a number after a comma that starts the next citation */
    KEYS("42 U.S.C. \xc2\xa7 1983, 42 U.S.C. \xc2\xa7 1985",
         "usc:42:1983 usc:42:1985");
    CHECK(span_is("under 42 U.S.C. 1983 note, the", "42 U.S.C. 1983 note"));
    CHECK(span_is("(18 U.S.C. \xc2\xa7 1030(a)(2))",
                  "18 U.S.C. \xc2\xa7 1030(a)(2)"));
    /* no title: which code? */
    NONE("a \xc2\xa7 1983 claim");
    NONE("section 1983 claims");
}

static void
test_us_reporters(void)
{
    KEYS("Roe v. Wade, 410 U.S. 113 (1973)", "us:410:113");
    KEYS("550 F.3d 1201", "f3d:550:1201");
    KEYS("123 F.2d 456", "f2d:123:456");
    KEYS("999 F. Supp. 2d 12", "fsupp2d:999:12");
    KEYS("999 F.Supp. 12", "fsupp:999:12");
    KEYS("135 S. Ct. 2584", "sct:135:2584");
    KEYS("35 L. Ed. 2d 147", "led2d:35:147");
    KEYS("12 F. App'x 345", "fappx:12:345");
    KEYS("410 U.S. 113, 135 S. Ct. 2584", "us:410:113 sct:135:2584");
    CHECK(span_is("Roe v. Wade, 410 U.S. 113 (1973)", "410 U.S. 113"));
}

static void
test_indian_reports(void)
{
    KEYS("AIR 1996 SC 463", "air:1996:sc:463");
    KEYS("A.I.R. 1996 S.C. 463", "air:1996:sc:463");
    KEYS("CITATION: 1978 AIR 597, 1978 SCR (2) 621",
         "air:1978:sc:597 scr:1978:2:621");
    KEYS("A.I.R. 1958 Madras 12 and AIR 1958 Mad. 12",
         "air:1958:mad:12 air:1958:mad:12");
    KEYS("(1995) 6 SCC 315", "scc:1995:6:315");
    KEYS("[1995] 6 SCC 315", "scc:1995:6:315");
    KEYS("[[1981] 4 SCC 554]", "scc:1981:4:554");
    KEYS("(1992)1 SCC 441 at p.462", "scc:1992:1:441");
    KEYS("[1984]3 S.C.C. 95", "scc:1984:3:95");
    KEYS("1995 (6) SCC 315;", "scc:1995:6:315");
    KEYS("1995 SCC (6) 315", "scc:1995:6:315");
    KEYS("1995 SCC (4) [683 JT 1995]", "scc:1995:4:683");
    KEYS("1995 (5) SCALE 690", "scale:1995:5:690");
    KEYS("1995 SCALE (5)690", "scale:1995:5:690");
    KEYS("1995 (7) JT 225", "jt:1995:7:225");
    KEYS("[1962] 2 SCR 1", "scr:1962:2:1");
    KEYS("[1952] S. C. R. 89", "scr:1952:89");
    KEYS("(1995) Supp 2 SCC 315", "scc:1995:supp2:315");
    KEYS("1989 (2) Suppl.SCC 680", "scc:1989:supp2:680");
    KEYS("1988 SCR Supl. (3) 893", "scr:1988:supp3:893");
    KEYS("[1962] 2 Supp. S.C.R. 623", "scr:1962:supp2:623");
    KEYS("[1966] Suppl. S.C.R. 464", "scr:1966:supp:464");
    KEYS("[1995] INSC 551", "insc:1995:551");
    KEYS("551; AIR 1996 SC 463; 1995 (6) SCC 315; 1995 (7) JT 225; 1995 (5) "
         "SCALE 690",
         "air:1996:sc:463 scc:1995:6:315 jt:1995:7:225 scale:1995:5:690");
    CHECK(span_is("see (1995) 6 SCC 315.", "(1995) 6 SCC 315"));
}

static void
test_neutral(void)
{
    KEYS("[2020] UKSC 5", "uksc:2020:5");
    KEYS("[2019] EWCA Crim 123", "ewcacrim:2019:123");
    KEYS("[2019] EWCA Civ 1", "ewcaciv:2019:1");
    KEYS("[2018] EWHC 456 (Admin)", "ewhc:2018:456:admin");
    KEYS("[2018] EWHC 456", "ewhc:2018:456");
    KEYS("[2017] UKHL 12", "ukhl:2017:12");
    CHECK(
        span_is("in [2018] EWHC 456 (Admin), the", "[2018] EWHC 456 (Admin)"));
}

static void
test_statutes(void)
{
    KEYS("under Article 12 of the Criminal Law,", "art:12:criminal-law");
    KEYS("Article 3 of the Civil Code", "art:3:civil-code");
    KEYS("Articles 12 and 13 of the Criminal Procedure Law",
         "art:12:criminal-procedure-law art:13:criminal-procedure-law");
    KEYS("Article 12 of the Criminal Law of the People's Republic of China "
         "says",
         "art:12:criminal-law");
    KEYS("Article 133-1 of the Criminal Law", "art:133-1:criminal-law");
    KEYS("Article 22, paragraph 1 of the Civil Code", "art:22:civil-code");
    KEYS("article 5 of the European convention on human rights, which",
         "art:5:european-convention-on-human-rights");
    KEYS("Article 8 of the European Convention on Human Rights",
         "art:8:european-convention-on-human-rights");
    KEYS("Article 35 of the Constitution", "art:35:constitution");
    KEYS("Article 14 of the Constitution of India", "art:14:constitution");
    KEYS("Articles 14, 19 and 21 of the Constitution",
         "art:14:constitution art:19:constitution art:21:constitution");
    KEYS("Section 302 of the Indian Penal Code", "sec:302:indian-penal-code");
    KEYS("Section 64(1) (iv) of the Income Tax Act, 1961",
         "sec:64:income-tax-act");
    KEYS("section 438 of the Code of Criminal Procedure",
         "sec:438:code-of-criminal-procedure");
    KEYS("Article 50 of the Lisbon Treaty", "art:50:lisbon-treaty");
    KEYS("section 11 of the Criminal Law Amendment Act",
         "sec:11:criminal-law-amendment-act");
    KEYS("Article 12 of the Criminal Law and Article 3 of the Civil Code",
         "art:12:criminal-law art:3:civil-code");
    KEYS("article 9 of the European convention on human rights says "
         "marriage",
         "art:9:european-convention-on-human-rights");
    KEYS("sections 1 and 2 of the Fraud Act",
         "sec:1:fraud-act sec:2:fraud-act");
    CHECK(span_is("under Article 12 of the Criminal Law of the People's "
                  "Republic of China, a",
                  "Article 12 of the Criminal Law of the People's Republic "
                  "of China"));
}

static void
test_look_alikes(void)
{
    NONE("call 555 123 4567 or +1 202 555 0100");
    NONE("on 12 May 2020 and 2020 12 05");
    NONE("42 U.S. soldiers and 410 US troops");
    NONE("the US 113 and 42 usc 1983");
    NONE("Article 12 says so");
    NONE("Article 12 of the report");
    NONE("section 5 of the report");
    NONE("section 5 of the Act");
    NONE("ISBN 978-0-14-044913-6");
    NONE("1234 5678 90");
    NONE("[2020] was a hard year");
    NONE("AIR 2020 was a good year for the airline");
    NONE("AIR 2020 SCALE models");
    NONE("1,410 U.S. 113");
    NONE("$410 U.S. 113");
    NONE("(1995) was 6 SCC");
    NONE("the 2019 U.S. 113 group");
    NONE("[2020] UKSC");
    NONE("");
}

static void
test_normalize(void)
{
    NORM("42 USC 1983", "usc:42:1983");
    NORM("42 U.S.C. \xc2\xa7 1983", "usc:42:1983");
    NORM("42 usc 1983", "usc:42:1983");
    NORM("section 1983 of title 42", "usc:42:1983");
    NORM("410 U.S. 113", "us:410:113");
    NORM("410 us 113", "us:410:113");
    NORM("AIR 1996 SC 463", "air:1996:sc:463");
    NORM("air 1996 sc 463", "air:1996:sc:463");
    NORM("(1995) 6 SCC 315", "scc:1995:6:315");
    NORM("1995 (5) SCALE 690", "scale:1995:5:690");
    NORM("[2020] UKSC 5", "uksc:2020:5");
    NORM("2020 uksc 5", "uksc:2020:5");
    NORM("[2018] EWHC 456 (Admin)", "ewhc:2018:456:admin");
    NORM("article 12 criminal law", "art:12:criminal-law");
    NORM("Article 12 of the Criminal Law", "art:12:criminal-law");
    NORM("article 8 european convention on human rights",
         "art:8:european-convention-on-human-rights");
    NORM("  usc:42:1983 ", "usc:42:1983");
    NORM("42 U.S.C. \xc2\xa7\xc2\xa7 1983, 1985", "(none)"); /* two keys */
    NORM("42 USC 1983 and more", "(none)");
    NORM("hello", "(none)");
    NORM("xyz:1:2", "(none)");
    NORM("", "(none)");

    /* too small a buffer is a refusal, not a cut key */
    char small[6];
    CHECK(!gv_cite_normalize("42 USC 1983", 11, small, sizeof(small)));
    CHECK(small[0] == '\0');
}

/* What the scan finds, the normaliser must find too. */
static void
test_text_and_query_agree(void)
{
    static const char *const forms[] = {"42 U.S.C. \xc2\xa7 1983",
                                        "550 F.3d 1201",
                                        "A.I.R. 1996 S.C. 463",
                                        "[1995] 6 SCC 315",
                                        "[2019] EWCA Crim 123",
                                        "Article 3 of the Civil Code",
                                        NULL};

    for (const char *const *f = forms; *f; f++) {
        char text_key[1024], query_key[GV_CITE_KEY_BYTES];
        keys_of(*f, text_key, sizeof(text_key));
        CHECK_STR(norm(*f, query_key, sizeof(query_key)), text_key);
    }
}

static bool
stop_at_first(const gv_cite *c, void *ctx)
{
    (void)c;
    (void)ctx;
    return false;
}

static void
test_stop(void)
{
    const char *text = "410 U.S. 113 and 550 F.3d 1201";

    CHECK(gv_cite_scan(text, strlen(text), stop_at_first, NULL) == 1);
    /* a length shorter than the string: nothing past it is read */
    KEYS("410 U.S.", "");
    CHECK(gv_cite_scan(text, 8, stop_at_first, NULL) == 0);
}

int
main(void)
{
    test_us_code();
    test_us_reporters();
    test_indian_reports();
    test_neutral();
    test_statutes();
    test_look_alikes();
    test_normalize();
    test_text_and_query_agree();
    test_stop();
    return CHECK_DONE();
}
