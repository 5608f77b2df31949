/* Unit tests of common/article.h: header lines, the title fallbacks, and
 * where the body starts, on the shapes of text the archives hold. */
#include "article.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "utf8.h"

/* Parse NUL-terminated @p text into *a, which the caller releases. */
static gv_status
parse(const char *text, gv_article *a, gv_err *err)
{
    gv_err_clear(err);
    return gv_article_parse(text, strlen(text), a, err);
}

/* True when the body is exactly @p want. */
static int
body_is(const gv_article *a, const char *want)
{
    size_t n = strlen(want);
    int ok = a->body && a->body_len == n && memcmp(a->body, want, n) == 0;

    if (!ok)
        fprintf(stderr, "  body is \"%.*s\", want \"%s\"\n",
                a->body ? (int)a->body_len : 0, a->body ? a->body : "", want);
    return ok;
}

static void
test_headers(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;
    const char *text = "Title: Court upholds sentence\n"
                       "Date: January 11, 2021\n"
                       "Source: Reuters\n"
                       "Author: Amara Okafor\n"
                       "Place: London\n"
                       "URL: https://news.example.com/a?b=c\n"
                       "\n"
                       "The body text.\nSecond line.\n";

    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Court upholds sentence");
    CHECK_STR(a.fields[GV_FIELD_DATE], "January 11, 2021");
    CHECK_STR(a.fields[GV_FIELD_SOURCE], "Reuters");
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Amara Okafor");
    CHECK_STR(a.fields[GV_FIELD_PLACE], "London");
    CHECK_STR(a.fields[GV_FIELD_URL], "https://news.example.com/a?b=c");
    CHECK(a.date.year == 2021 && a.date.month == 1 && a.date.day == 11);
    /* The body is borrowed: a pointer into the text, past the blank line. */
    CHECK(a.body == strstr(text, "The body text."));
    CHECK(body_is(&a, "The body text.\nSecond line.\n"));
    gv_article_release(&a);

    /* Any case, any order, spaces before the colon, CRLF line ends. */
    text = "date : 2021-03-08\r\n"
           "AUTHOR:Lin Xiaozhou\r\n"
           "TITLE:   Loud title   \r\n"
           "sOuRcE\t: Wire\r\n"
           "\r\n"
           "Body.\r\n";
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Loud title");
    CHECK_STR(a.fields[GV_FIELD_DATE], "2021-03-08");
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Lin Xiaozhou");
    CHECK_STR(a.fields[GV_FIELD_SOURCE], "Wire");
    CHECK(a.fields[GV_FIELD_PLACE] == NULL && a.fields[GV_FIELD_URL] == NULL);
    CHECK(a.date.year == 2021 && a.date.month == 3 && a.date.day == 8);
    CHECK(body_is(&a, "Body.\r\n"));
    gv_article_release(&a);

    /* A header block without a Title: the first body line is the title. */
    text = "Date: 11 January 2021\n\nHeadline after headers\nBody here.\n";
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Headline after headers");
    CHECK_STR(a.fields[GV_FIELD_DATE], "11 January 2021");
    CHECK(body_is(&a, "Body here.\n"));
    gv_article_release(&a);

    /* Headers end at the first line that is not one, even without a blank
     * line; a later "Source:" is body text. */
    text = "Title: T\nNot a header line\nSource: in the body\n";
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "T");
    CHECK(a.fields[GV_FIELD_SOURCE] == NULL);
    CHECK(body_is(&a, "Not a header line\nSource: in the body\n"));
    gv_article_release(&a);

    /* A word that merely starts like a key is not a header. */
    text = "Titles: of nobility\nbody\n";
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Titles: of nobility");
    CHECK(body_is(&a, "body\n"));
    gv_article_release(&a);

    /* Headers only, no body: still an article. */
    CHECK(parse("Title: Only a title", &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Only a title");
    CHECK(a.body_len == 0);
    gv_article_release(&a);

    /* A repeated header keeps the first value. */
    CHECK(parse("Title: First\nTitle: Second\n\nBody\n", &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "First");
    CHECK(body_is(&a, "Body\n"));
    gv_article_release(&a);
}

static void
test_header_in_body(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    /* After the blank line that ends the headers, "Date:" is text. */
    const char *text = "Title: T\n\nDate: 2021-01-11\nmore\n";
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK(a.fields[GV_FIELD_DATE] == NULL && a.date.year == 0);
    CHECK(body_is(&a, "Date: 2021-01-11\nmore\n"));
    gv_article_release(&a);

    /* Without headers, the first line is the title and a "Title:" line
     * under it is body. */
    text = "Plain headline\nTitle: not a header\nAuthor: nobody\n";
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Plain headline");
    CHECK(a.fields[GV_FIELD_AUTHOR] == NULL);
    CHECK(body_is(&a, "Title: not a header\nAuthor: nobody\n"));
    gv_article_release(&a);
}

static void
test_title_from_first_line(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    const char *text = "Magistrates' courts struggle with record backlog\n"
                       "\n"
                       "LONDON, Jan 5 (Reuters) - Body text.\n";
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE],
              "Magistrates' courts struggle with record backlog");
    for (int f = GV_FIELD_DATE; f < GV_FIELD_COUNT; f++)
        CHECK(a.fields[f] == NULL);
    CHECK(a.date.year == 0);
    CHECK(body_is(&a, "\nLONDON, Jan 5 (Reuters) - Body text.\n"));
    gv_article_release(&a);

    /* Leading blank (and blank-looking) lines are skipped. */
    text = "\n   \n\t\n\n  Late headline  \nbody\n";
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Late headline");
    CHECK(body_is(&a, "body\n"));
    gv_article_release(&a);

    /* Leading blank lines before a header block too. */
    text = "\n\nTitle: After blanks\n\nbody\n";
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "After blanks");
    CHECK(body_is(&a, "body\n"));
    gv_article_release(&a);

    /* One line, no newline. */
    CHECK(parse("Just one line", &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Just one line");
    CHECK(a.body_len == 0);
    gv_article_release(&a);
}

static void
test_long_first_line(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;
    char text[1024];

    /* A wire story opening with its dateline paragraph: 300 bytes. */
    strcpy(text, "NAIROBI, May 12 - Kenya's Court of Appeal on Wednesday "
                 "quashed the acquittal of five former port officials "
                 "accused of helping clear undervalued cargo at Mombasa, and "
                 "ordered a fresh trial before a different magistrate in a "
                 "case that has dragged on for years.\nSecond paragraph.\n");
    CHECK(strchr(text, '\n') - text > 200);
    CHECK(parse(text, &a, &err) == GV_OK);
    const char *t = a.fields[GV_FIELD_TITLE];
    CHECK(t != NULL);
    if (t) {
        size_t n = strlen(t);
        CHECK(n > 3 && n <= 100 + 3);
        CHECK(strcmp(t + n - 3, "...") == 0);
        /* Cut at a word: what precedes "..." is a prefix of the line
         * ending where a word ends. */
        CHECK(strncmp(t, text, n - 3) == 0);
        CHECK(text[n - 3] == ' ');
        CHECK(strncmp(t, "NAIROBI, May 12 - Kenya's Court", 31) == 0);
    }
    /* The line is not used up by the title: the body starts with it. */
    CHECK(a.body == text);
    CHECK(a.body_len == strlen(text));
    gv_article_release(&a);

    /* Exactly 200 bytes is still a title line. */
    memset(text, 'w', 200);
    for (int i = 9; i < 200; i += 10)
        text[i] = ' ';
    strcpy(text + 200, "\nbody\n");
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK(a.fields[GV_FIELD_TITLE] && strlen(a.fields[GV_FIELD_TITLE]) == 199);
    CHECK(body_is(&a, "body\n"));
    gv_article_release(&a);

    /* A long line with no space at all (CJK text has none) must still be
     * cut between characters, not inside one. */
    text[0] = '\0';
    for (int i = 0; i < 80; i++)
        strcat(text, "\xe6\xb3\x95"); /* 法: 240 bytes */
    strcat(text, "\n");
    CHECK(parse(text, &a, &err) == GV_OK);
    t = a.fields[GV_FIELD_TITLE];
    CHECK(t != NULL);
    if (t) {
        size_t n = strlen(t);
        CHECK(n > 3 && strcmp(t + n - 3, "...") == 0);
        CHECK(gv_utf8_is_valid(t, n));
        CHECK(n - 3 <= 100 && (n - 3) % 3 == 0 && n - 3 > 0);
    }
    CHECK(a.body == text);
    gv_article_release(&a);
}

static void
test_no_text(void)
{
    static const char *const empty[] = {"",       " ",          "\n",
                                        "\n\n\n", " \t \r\n\n", "\f\v\n"};
    gv_article a;
    gv_err err = GV_ERR_INIT;

    for (size_t i = 0; i < sizeof(empty) / sizeof(empty[0]); i++) {
        CHECK(parse(empty[i], &a, &err) == GV_EBADDOC);
        CHECK(err.code == GV_EBADDOC && strstr(err.msg, "no text") != NULL);
        gv_article_release(&a);
    }
    /* Zero length with a non-NULL pointer to real text: nothing to read. */
    gv_err_clear(&err);
    CHECK(gv_article_parse("Title: x", 0, &a, &err) == GV_EBADDOC);
    gv_article_release(&a);

    /* Headers whose values are all empty carry nothing either. */
    CHECK(parse("Title:\nDate: \n\n \n", &a, &err) == GV_EBADDOC);
    gv_article_release(&a);
}

static void
test_values(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    /* An unparseable Date is kept as text but gives no date. */
    CHECK(parse("Title: T\nDate: sometime last spring\n\nb\n", &a, &err) ==
          GV_OK);
    CHECK_STR(a.fields[GV_FIELD_DATE], "sometime last spring");
    CHECK(a.date.year == 0);
    gv_article_release(&a);

    /* An empty header value is as good as missing. */
    CHECK(parse("Title: T\nAuthor:\nPlace:   \t\nSource: S\n\nb\n", &a, &err) ==
          GV_OK);
    CHECK(a.fields[GV_FIELD_AUTHOR] == NULL);
    CHECK(a.fields[GV_FIELD_PLACE] == NULL);
    CHECK_STR(a.fields[GV_FIELD_SOURCE], "S");
    CHECK(body_is(&a, "b\n"));
    gv_article_release(&a);

    /* Runs of spaces and tabs inside a value become one space. */
    CHECK(parse("Title:  A \t  spaced\t\ttitle  \nPlace: S\xc3\xa3o   Paulo\n\n"
                "b",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "A spaced title");
    CHECK_STR(a.fields[GV_FIELD_PLACE], "S\xc3\xa3o Paulo");
    gv_article_release(&a);

    /* A first-line title is collapsed the same way. */
    CHECK(parse("  Two   words \t here\nb", &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Two words here");
    gv_article_release(&a);

    /* Values are capped at GV_MAX_FIELD_BYTES, at a character boundary. */
    size_t n = 3 * GV_MAX_FIELD_BYTES;
    char *text = malloc(n + 64);
    CHECK(text != NULL);
    if (!text)
        return;
    strcpy(text, "Title: T\nAuthor: ");
    memset(text + 17, 'a', n);
    strcpy(text + 17 + n, "\n\nbody\n");
    CHECK(parse(text, &a, &err) == GV_OK);
    CHECK(a.fields[GV_FIELD_AUTHOR] &&
          strlen(a.fields[GV_FIELD_AUTHOR]) == GV_MAX_FIELD_BYTES);
    CHECK(body_is(&a, "body\n"));
    gv_article_release(&a);

    strcpy(text, "Title: ");
    for (size_t i = 0; i < GV_MAX_FIELD_BYTES; i++)
        strcat(text + 7 + 3 * i, "\xe6\xb3\x95"); /* 3 * 1024 bytes */
    strcat(text, "\n\nbody\n");
    CHECK(parse(text, &a, &err) == GV_OK);
    const char *t = a.fields[GV_FIELD_TITLE];
    CHECK(t != NULL);
    if (t) {
        size_t len = strlen(t);
        CHECK(len <= GV_MAX_FIELD_BYTES && len > GV_MAX_FIELD_BYTES - 3);
        CHECK(len % 3 == 0); /* no character cut in two */
    }
    gv_article_release(&a);
    free(text);
}

static void
test_release(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    memset(&a, 0, sizeof(a));
    gv_article_release(&a);
    gv_article_release(&a);
    gv_article_release(NULL);

    CHECK(parse("Title: x\nAuthor: y\n\nz", &a, &err) == GV_OK);
    gv_article_release(&a);
    /* Released means zeroed, so a second release frees nothing twice. */
    for (int f = 0; f < GV_FIELD_COUNT; f++)
        CHECK(a.fields[f] == NULL);
    CHECK(a.body == NULL && a.body_len == 0 && a.date.year == 0);
    gv_article_release(&a);

    /* Released after a failed parse too, as the header says. */
    CHECK(parse("   ", &a, &err) == GV_EBADDOC);
    gv_article_release(&a);
    gv_article_release(&a);
}

static void
test_field_names(void)
{
    CHECK_STR(gv_field_name(GV_FIELD_TITLE), "title");
    CHECK_STR(gv_field_name(GV_FIELD_DATE), "date");
    CHECK_STR(gv_field_name(GV_FIELD_SOURCE), "source");
    CHECK_STR(gv_field_name(GV_FIELD_AUTHOR), "author");
    CHECK_STR(gv_field_name(GV_FIELD_PLACE), "place");
    CHECK_STR(gv_field_name(GV_FIELD_URL), "url");
}

int
main(void)
{
    test_headers();
    test_header_in_body();
    test_title_from_first_line();
    test_long_first_line();
    test_no_text();
    test_values();
    test_release();
    test_field_names();
    return CHECK_DONE();
}
