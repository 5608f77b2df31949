/* Unit tests of common/html.h: where each field comes from and in which
 * order, what the body keeps and drops, encodings, broken pages, and the
 * fixtures in fixtures/html/. */
#include "html.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "gz.h"
#include "utf8.h"

/* Parse NUL-terminated @p html into *a, which the caller releases. */
static gv_status
parse(const char *html, gv_article *a, gv_err *err)
{
    gv_err_clear(err);
    return gv_html_parse(html, strlen(html), a, err);
}

/* True when the body is exactly @p want. */
static int
body_is(const gv_article *a, const char *want)
{
    size_t n = strlen(want);
    int ok = a->body && a->body_len == n && memcmp(a->body, want, n) == 0 &&
             a->body == a->body_owned;

    if (!ok)
        fprintf(stderr, "  body is \"%.*s\", want \"%s\"\n",
                a->body ? (int)a->body_len : 0, a->body ? a->body : "", want);
    return ok;
}

/* True when the body contains @p word. */
static int
body_has(const gv_article *a, const char *word)
{
    return a->body && strstr(a->body, word) != NULL;
}

/* The title parsed from @p html (a static copy), or "(null)". */
static const char *
title_of(const char *html)
{
    static char title[GV_MAX_FIELD_BYTES + 1];
    gv_article a;
    gv_err err = GV_ERR_INIT;

    if (parse(html, &a, &err) != GV_OK || !a.fields[GV_FIELD_TITLE])
        snprintf(title, sizeof(title), "(null)");
    else
        snprintf(title, sizeof(title), "%s", a.fields[GV_FIELD_TITLE]);
    gv_article_release(&a);
    return title;
}

static void
test_title_precedence(void)
{
    /* og:title over <title> over <h1>. */
    CHECK_STR(title_of("<html><head><title>From title</title>"
                       "<meta property=\"og:title\" content=\" From  og \">"
                       "</head><body><h1>From h1</h1><p>x</p></body></html>"),
              "From og");
    CHECK_STR(title_of("<html><head><title>From\n  title</title></head>"
                       "<body><h1>From h1</h1><p>x</p></body></html>"),
              "From title");
    CHECK_STR(title_of("<html><body><p>x</p><h1>From <em>h1</em></h1>"
                       "<h1>Second h1</h1></body></html>"),
              "From h1");
    /* A blank og:title or <title> is as good as none. */
    CHECK_STR(title_of("<meta property='og:title' content='  '>"
                       "<title> </title><h1>Fallback</h1>"),
              "Fallback");
    /* The story's own <h1> before the logo's in the page header. */
    CHECK_STR(title_of("<body><header><h1>Site Logo</h1></header>"
                       "<article><h1>Story heading</h1><p>x</p></article>"),
              "Story heading");
    /* An <svg>'s <title> is not the page's. */
    CHECK_STR(title_of("<body><svg><title>icon</title></svg>"
                       "<h1>Real heading</h1></body>"),
              "Real heading");
    CHECK_STR(title_of("<p>No heading at all</p>"), "(null)");
}

/* The date field, year, month and day parsed from @p html. */
static void
check_date(const char *html, const char *raw, int y, int m, int d)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    if (parse(html, &a, &err) != GV_OK)
        fprintf(stderr, "  cannot parse %s: %s\n", html, err.msg);
    CHECK(err.code == GV_OK);
    if (raw) {
        CHECK_STR(a.fields[GV_FIELD_DATE], raw);
        CHECK(a.date_source == GV_DATE_HEADER);
    } else {
        CHECK(a.fields[GV_FIELD_DATE] == NULL);
        CHECK(a.date_source == GV_DATE_NONE);
    }
    CHECK(a.date.year == y && a.date.month == m && a.date.day == d);
    gv_article_release(&a);
}

static void
test_dates(void)
{
    check_date("<meta property=\"article:published_time\" "
               "content=\"2021-05-18T09:30:00+01:00\">"
               "<meta name=date content=2020-01-01><p>x</p>",
               "2021-05-18T09:30:00+01:00", 2021, 5, 18);
    check_date("<meta name=\"date\" content=\"March 4, 2021\"><p>x</p>",
               "March 4, 2021", 2021, 3, 4);
    check_date("<meta name=\"DC.date.issued\" content=\"2020-11-23\"><p>x</p>",
               "2020-11-23", 2020, 11, 23);
    check_date("<meta name=\"dcterms.created\" content=\"7 June 2018\">"
               "<p>x</p>",
               "7 June 2018", 2018, 6, 7);
    check_date("<meta itemprop=\"datePublished\" content=\"2017-02-03\">"
               "<p>x</p>",
               "2017-02-03", 2017, 2, 3);
    /* Meta keys in any case, surest key first whatever the order. */
    check_date("<META NAME='DC.Date' CONTENT='2016-01-02'>"
               "<meta property='ARTICLE:PUBLISHED_TIME' content='2015-12-31'>"
               "<p>x</p>",
               "2015-12-31", 2015, 12, 31);
    /* A value that does not parse gives way to the next source. */
    check_date("<meta property=article:published_time content=yesterday>"
               "<meta name=pubdate content='Jan. 9, 2014'><p>x</p>",
               "Jan. 9, 2014", 2014, 1, 9);
    /* <time datetime> only without a meta date; one without datetime or
     * with a bad one is passed over. */
    check_date("<p>Posted <time>today</time> <time datetime='soon'>x</time>"
               "<time datetime='2022-09-07T14:05:00Z'>7 Sept</time>"
               "<time datetime='2001-01-01'>old</time></p>",
               "2022-09-07T14:05:00Z", 2022, 9, 7);
    check_date("<meta name=date content='2019-03-14'>"
               "<time datetime='2001-01-01'>x</time>",
               "2019-03-14", 2019, 3, 14);
    /* Nothing that parses: no date, no date field. */
    check_date("<meta name=date content='2021-02-30'><p>x</p>", NULL, 0, 0, 0);
    check_date("<p>No date here, 2021.</p>", NULL, 0, 0, 0);
}

static void
test_author_source_url_place(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    CHECK(parse("<meta property='og:site_name' content='Northbank Wire'>"
                "<meta name='publisher' content='Other'>"
                "<meta property='og:url' content='https://n.example.com/a'>"
                "<link rel='canonical' href='https://n.example.com/b'>"
                "<meta name='author' content='Ingrid  Halvorsen'>"
                "<meta name='geo.placename' content='Leeds'>"
                "<p class='byline'>By Someone Else</p>",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_SOURCE], "Northbank Wire");
    CHECK_STR(a.fields[GV_FIELD_URL], "https://n.example.com/a");
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Ingrid Halvorsen");
    CHECK_STR(a.fields[GV_FIELD_PLACE], "Leeds");
    gv_article_release(&a);

    /* Second choices: publisher, canonical link, and an article:author
     * that is a profile URL passed over for DC.creator. */
    CHECK(parse("<meta name='DC.publisher' content='Courts Bulletin'>"
                "<link rel='Canonical' href='https://c.example.org/x'>"
                "<meta property='article:author' "
                "content='https://c.example.org/staff/tw'>"
                "<meta name='DC.creator' content='Tomasz Wierzbicki'>"
                "<p>text</p>",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_SOURCE], "Courts Bulletin");
    CHECK_STR(a.fields[GV_FIELD_URL], "https://c.example.org/x");
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Tomasz Wierzbicki");
    CHECK(a.fields[GV_FIELD_PLACE] == NULL);
    gv_article_release(&a);

    /* A byline element: its first line, without "By" and what follows a
     * bar; one in the story before one elsewhere. */
    CHECK(parse("<body><div class='author'>Columnist Of The Week</div>"
                "<article><h1>T</h1><p class='story-byline byline'>"
                "BY&nbsp;Ingrid Halvorsen | Legal affairs</p>"
                "<p>text</p></article></body>",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Ingrid Halvorsen");
    gv_article_release(&a);
    CHECK(parse("<p>Story text.</p><p>Written by "
                "<a rel='author nofollow' href='/pr'>Priya Ramaswamy</a></p>",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Priya Ramaswamy");
    gv_article_release(&a);
    /* A long "byline" is a paragraph, not a name: the next one counts. */
    CHECK(parse("<p class=byline>This paragraph is far too long to be a name: "
                "it goes on and on about the case, the court, the parties and "
                "the sentence handed down at the end of the trial.</p>",
                &a, &err) == GV_OK);
    CHECK(a.fields[GV_FIELD_AUTHOR] == NULL);
    gv_article_release(&a);
    CHECK(parse("<div class=author><p>About the author: a columnist who has "
                "covered the courts for twenty years and written three books "
                "on sentencing and the appeal courts.</p></div><p>Text.</p>"
                "<span class=author>Amara Okafor</span>",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Amara Okafor");
    gv_article_release(&a);
    /* The story is not hidden by aria-hidden (a saved page's open dialog). */
    CHECK(parse("<body aria-hidden=true><p>Story.</p></body>", &a, &err) ==
          GV_OK);
    CHECK(body_is(&a, "Story.\n"));
    gv_article_release(&a);
}

static void
test_body_drops_furniture(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    CHECK(parse("<html><head><title>T</title>"
                "<script>var scriptword = 1;</script>"
                "<style>.styleword { color: red }</style></head><body>"
                "<header>Site headerword</header>"
                "<nav><a href=/>navbarxyzzy</a></nav>"
                "<p>Kept one.</p>"
                "<aside>asideword</aside><form>formword<button>buttonword"
                "</button><select><option>optionword</select></form>"
                "<noscript>noscriptword</noscript>"
                "<template>templateword</template>"
                "<iframe>iframeword</iframe><svg><text>svgword</text></svg>"
                "<div role=navigation>roleword</div>"
                "<!-- commentword -->"
                "<p>Kept two.</p><footer>footerplugh</footer></body></html>",
                &a, &err) == GV_OK);
    CHECK(body_is(&a, "Kept one.\nKept two.\n"));
    gv_article_release(&a);
}

static void
test_body_root(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    /* The first <article>: text outside it is not the story, but its
     * own header (headline, byline) is; its footer is not. */
    CHECK(parse("<body><p>Outside.</p><aside><article>Teaser</article>"
                "</aside><main><article><header><h1>Headline</h1>"
                "<p>By A. Writer</p></header><p>Story.</p>"
                "<footer>Tags: x</footer></article>"
                "<article>Second article</article></main></body>",
                &a, &err) == GV_OK);
    CHECK(body_is(&a, "Headline\nBy A. Writer\nStory.\n"));
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Headline");
    gv_article_release(&a);

    /* <main> without an <article>; a page header inside it is dropped. */
    CHECK(parse("<body><p>Outside.</p><main><header>Banner</header>"
                "<p>Main text.</p></main></body>",
                &a, &err) == GV_OK);
    CHECK(body_is(&a, "Main text.\n"));
    gv_article_release(&a);

    /* libxml2 leaves HTML 5 elements it does not know in <head> when a
     * page has no <body> tag: they are still the story. */
    CHECK(parse("<meta charset=utf-8><title>T</title><main><p>In main.</p>"
                "<time datetime=2021-01-11>x</time></main>",
                &a, &err) == GV_OK);
    CHECK(body_is(&a, "In main.\nx\n"));
    CHECK(a.date.year == 2021 && a.date.month == 1 && a.date.day == 11);
    gv_article_release(&a);

    /* An empty <article> gives way to the <body>. */
    CHECK(parse("<body><article><script>x</script></article>"
                "<p>Body text.</p></body>",
                &a, &err) == GV_OK);
    CHECK(body_is(&a, "Body text.\n"));
    gv_article_release(&a);
}

static void
test_body_lines(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    CHECK(parse("<p>First   paragraph\n  spans\tlines.</p><p>Second "
                "<b>bold</b><i>italic</i> paragraph.</p>"
                "<div>Div<div>nested</div>after</div>"
                "Line<br>break<ul><li>one</li><li>two</li></ul>"
                "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr>"
                "</table><h2>Heading</h2><blockquote>Quote</blockquote>"
                "<pre>pre  one\npre two</pre><dl><dt>term</dt><dd>def</dd>"
                "</dl><figure><img src=x><figcaption>Caption</figcaption>"
                "</figure>",
                &a, &err) == GV_OK);
    CHECK(body_is(&a, "First paragraph spans lines.\n"
                      "Second bolditalic paragraph.\n"
                      "Div\nnested\nafter\n"
                      "Line\nbreak\none\ntwo\na b\nc\nHeading\nQuote\n"
                      "pre one\npre two\nterm\ndef\nCaption\n"));
    gv_article_release(&a);
}

static void
test_entities(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    CHECK(parse("<title>Smith &amp; Jones &#8212; caf&eacute;</title>"
                "<p>R&eacute;sum&eacute; &lt;b&gt; &#x20AC;5 &quot;q&quot; "
                "&euro; a&nbsp;b &copy; &#39;s &bogus; &amp;&amp</p>",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE],
              "Smith & Jones \xe2\x80\x94 caf\xc3\xa9");
    CHECK(body_is(&a, "R\xc3\xa9sum\xc3\xa9 <b> \xe2\x82\xac"
                      "5 \"q\" \xe2\x82\xac a b \xc2\xa9 's &bogus; &&amp\n"));
    gv_article_release(&a);
}

static void
test_encodings(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    /* Latin-1, declared by <meta charset>, comes out as UTF-8. */
    CHECK(parse("<meta charset=\"iso-8859-1\"><title>M\xfcller</title>"
                "<p>Caf\xe9 na\xefve</p>",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "M\xc3\xbcller");
    CHECK(body_is(&a, "Caf\xc3\xa9 na\xc3\xafve\n"));
    gv_article_release(&a);

    /* The same through http-equiv, with windows-1252 quotes under an
     * iso-8859-1 label, as browsers read them. */
    CHECK(parse("<meta http-equiv=\"Content-Type\" "
                "content=\"text/html; charset=ISO-8859-1\">"
                "<p>\x93Quoted\x94 \x96 M\xfcller \x81!</p>",
                &a, &err) == GV_OK);
    CHECK(body_is(&a, "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x93 "
                      "M\xc3\xbcller !\n"));
    gv_article_release(&a);

    /* UTF-8 without any charset. */
    CHECK(parse("<title>\xe6\xb3\x95\xe9\x99\xa2 M\xc3\xbcller</title>"
                "<p>\xe2\x80\x9cna\xc3\xafve\xe2\x80\x9d</p>",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE],
              "\xe6\xb3\x95\xe9\x99\xa2 M\xc3\xbcller");
    CHECK(body_is(&a, "\xe2\x80\x9cna\xc3\xafve\xe2\x80\x9d\n"));
    gv_article_release(&a);

    /* Bytes that are not UTF-8 in an undeclared page: still valid UTF-8
     * out, and the text around them kept. */
    CHECK(parse("<title>Bad \xff\xfe byte</title><p>caf\xe9 \xc3 end</p>", &a,
                &err) == GV_OK);
    CHECK(a.fields[GV_FIELD_TITLE] &&
          gv_utf8_is_valid(a.fields[GV_FIELD_TITLE],
                           strlen(a.fields[GV_FIELD_TITLE])));
    CHECK(gv_utf8_is_valid(a.body, a.body_len));
    CHECK(body_has(&a, "caf") && body_has(&a, "end"));
    gv_article_release(&a);

    /* A UTF-8 byte-order mark. */
    CHECK(parse("\xef\xbb\xbf<p>After BOM</p>", &a, &err) == GV_OK);
    CHECK(body_is(&a, "After BOM\n"));
    gv_article_release(&a);
}

static void
test_broken_markup(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;

    CHECK(parse("<html><body><div><p>Unclosed paragraph <b>bold <i>both"
                "</div></div></span><p>Stray closers</p></td></body>"
                "<p>After body</p></html><p>After html",
                &a, &err) == GV_OK);
    CHECK(body_has(&a, "Unclosed paragraph bold both"));
    CHECK(body_has(&a, "Stray closers"));
    CHECK(body_has(&a, "After body"));
    CHECK(body_has(&a, "After html"));
    gv_article_release(&a);

    /* A page cut off in a tag, in an attribute, in a comment. */
    CHECK(parse("<title>Cut</title><p>Text before the cut <a hr", &a, &err) ==
          GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Cut");
    CHECK(body_has(&a, "Text before the cut"));
    gv_article_release(&a);
    CHECK(parse("<p>Kept</p><meta name=\"date\" content=\"2021-0", &a, &err) ==
          GV_OK);
    CHECK(body_is(&a, "Kept\n"));
    gv_article_release(&a);
    CHECK(parse("<p>Kept</p><!-- comment never closed <p>lost", &a, &err) ==
          GV_OK);
    CHECK(body_has(&a, "Kept"));
    gv_article_release(&a);

    /* Text without any tags is a page too. */
    CHECK(parse("Just text, no markup.", &a, &err) == GV_OK);
    CHECK(body_is(&a, "Just text, no markup.\n"));
    gv_article_release(&a);
}

static void
test_no_text(void)
{
    static const char *const pages[] = {
        "",
        " \n\t ",
        "<html><head></head><body></body></html>",
        "<script>var onlyScript = 1;</script><style>p{}</style>",
        "<!-- only a comment -->",
        "<html><body><nav>Home</nav><footer>(c)</footer></body></html>",
        "<title>  </title><p>&nbsp;</p>",
    };
    gv_article a;
    gv_err err = GV_ERR_INIT;

    for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
        CHECK(parse(pages[i], &a, &err) == GV_EBADDOC);
        CHECK(err.code == GV_EBADDOC && strcmp(err.msg, "no text") == 0);
        gv_article_release(&a);
    }
    /* A title alone is enough. */
    CHECK(parse("<title>Only a title</title>", &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Only a title");
    CHECK(a.body_len == 0 && a.body && a.body[0] == '\0');
    gv_article_release(&a);
    /* NULL err is allowed. */
    CHECK(gv_html_parse("", 0, &a, NULL) == GV_EBADDOC);
    gv_article_release(&a);
}

static void
test_clip_and_controls(void)
{
    gv_buf html = GV_BUF_INIT;
    gv_article a;
    gv_err err = GV_ERR_INIT;
    bool ok;

    /* 600 two-byte characters: 1200 bytes, clipped to 1024 on a
     * character boundary. */
    ok = gv_buf_puts(&html, "<title>", NULL) == GV_OK;
    for (int i = 0; i < 600; i++)
        ok = ok && gv_buf_puts(&html, "\xc3\xa9", NULL) == GV_OK;
    CHECK(ok && gv_buf_puts(&html, "</title><p>x</p>", NULL) == GV_OK);
    CHECK(gv_html_parse(html.data, html.len, &a, &err) == GV_OK);
    CHECK(a.fields[GV_FIELD_TITLE] &&
          strlen(a.fields[GV_FIELD_TITLE]) == GV_MAX_FIELD_BYTES);
    CHECK(a.fields[GV_FIELD_TITLE] &&
          gv_utf8_is_valid(a.fields[GV_FIELD_TITLE],
                           strlen(a.fields[GV_FIELD_TITLE])));
    gv_article_release(&a);

    /* An odd cap: 1023 bytes of 'a' then a 2-byte character. */
    gv_buf_reset(&html);
    ok = gv_buf_puts(&html, "<meta property=og:title content='", NULL) == GV_OK;
    for (int i = 0; i < 1023; i++)
        ok = ok && gv_buf_putc(&html, 'a', NULL) == GV_OK;
    CHECK(ok && gv_buf_puts(&html, "\xc3\xa9'><p>x</p>", NULL) == GV_OK);
    CHECK(gv_html_parse(html.data, html.len, &a, &err) == GV_OK);
    CHECK(a.fields[GV_FIELD_TITLE] && strlen(a.fields[GV_FIELD_TITLE]) == 1023);
    gv_article_release(&a);
    gv_buf_release(&html);

    /* Control characters: libxml2 drops those XML forbids from text, as
     * raw bytes or references; what reaches the fields is blanked. */
    CHECK(parse("<title>Bell\x07here &#27;[31m red\x7f!</title>"
                "<meta name=author content='A\x01"
                "B\x1b[0m'><p>Body\x1b[2Jclear\x7f"
                "del&#1;one\tx\ry\fz</p>",
                &a, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Bellhere [31m red !");
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "A B [0m");
    CHECK(body_is(&a, "Body[2Jclear delone x yz\n"));
    gv_article_release(&a);
}

/* Broken encodings make libxml2 report to its global handlers, which print
 * to stderr unless silenced: run one with stderr in a file. */
static void
test_quiet(void)
{
    static const char page[] =
        "<meta charset='shift_jis'><p>\x82\xa0\x82\xff\xff\xff</p>";
    const char *tmp = getenv("TMPDIR");
    char path[512];
    int saved, fd;
    gv_article a;
    gv_status st;

    snprintf(path, sizeof(path), "%s/test_html_stderr.XXXXXX",
             tmp ? tmp : "/tmp");
    fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    fflush(stderr);
    saved = dup(2);
    dup2(fd, 2);
    st = gv_html_parse(page, sizeof(page) - 1, &a, NULL);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    CHECK(st == GV_OK || st == GV_EBADDOC);
    CHECK(lseek(fd, 0, SEEK_END) == 0);
    close(fd);
    unlink(path);
    gv_article_release(&a);
}

/* libxml2 builds at most 256 levels and drops what lies deeper (its
 * default cap, kept: it bounds its own recursion); any depth is safe. */
static void
test_deep_nesting(void)
{
    gv_buf html = GV_BUF_INIT;
    gv_article a;
    gv_err err = GV_ERR_INIT;
    gv_status st;
    bool ok = true;

    for (int i = 0; i < 120; i++)
        ok = ok && gv_buf_puts(&html, "<div><span>", NULL) == GV_OK;
    CHECK(ok && gv_buf_puts(&html, "deep", NULL) == GV_OK);
    CHECK(gv_html_parse(html.data, html.len, &a, &err) == GV_OK);
    CHECK(body_is(&a, "deep\n"));
    gv_article_release(&a);
    for (int i = 0; i < 100000; i++)
        ok = ok && gv_buf_puts(&html, "<div><b>", NULL) == GV_OK;
    CHECK(ok && gv_buf_puts(&html, "deeper", NULL) == GV_OK);
    st = gv_html_parse(html.data, html.len, &a, &err);
    CHECK(st == GV_OK || st == GV_EBADDOC);
    gv_article_release(&a);
    gv_buf_release(&html);
}

/* Parse fixtures/html/@p name (gunzipped if .gz) into *a. */
static gv_status
parse_fixture(const char *name, gv_article *a)
{
    const char *fx = getenv("GV_FIXTURES");
    const gv_read_limits limits = {GV_MAX_FILE_BYTES, GV_MAX_DOC_BYTES};
    char path[1024];
    gv_buf raw = GV_BUF_INIT;
    gv_read_info info;
    gv_status st;

    memset(a, 0, sizeof(*a));
    snprintf(path, sizeof(path), "%s/html/%s", fx ? fx : "../fixtures", name);
    st = gv_gz_read_file(path, &limits, &raw, &info, NULL);
    if (st == GV_OK)
        st = gv_html_parse(raw.data, raw.len, a, NULL);
    gv_buf_release(&raw);
    return st;
}

/* The facts fixtures/html/README.md promises. */
static void
test_fixtures(void)
{
    gv_article a;

    CHECK(parse_fixture("appeal-court-ruling.html", &a) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Court of Appeal quashes harbour "
                                        "pilot's conviction over disclosure "
                                        "failures");
    CHECK_STR(a.fields[GV_FIELD_DATE], "2021-05-18T09:30:00+01:00");
    CHECK(a.date.year == 2021 && a.date.month == 5 && a.date.day == 18);
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Ingrid Halvorsen");
    CHECK_STR(a.fields[GV_FIELD_SOURCE], "Northbank Legal Wire");
    CHECK_STR(a.fields[GV_FIELD_PLACE], "Leeds");
    CHECK_STR(a.fields[GV_FIELD_URL],
              "https://northbank.example.com/2021/05/18/harbour-pilot-appeal");
    CHECK(body_has(&a, "quillfeather"));
    CHECK(body_has(&a, "compensation & costs."));
    CHECK(!body_has(&a, "navbarxyzzy") && !body_has(&a, "footerplugh") &&
          !body_has(&a, "Asidewordqux") && !body_has(&a, "stylesheetonly"));
    gv_article_release(&a);

    CHECK(parse_fixture("regulator-fine.htm", &a) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE], "Markets regulator fines broker "
                                        "\xc2\xa3"
                                        "4.2m over rigged bond auctions");
    CHECK_STR(a.fields[GV_FIELD_DATE], "2022-09-07T14:05:00Z");
    CHECK(a.date.year == 2022 && a.date.month == 9 && a.date.day == 7);
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Priya Ramaswamy");
    CHECK_STR(a.fields[GV_FIELD_SOURCE], "Ledgerline Financial Courts");
    CHECK_STR(a.fields[GV_FIELD_URL],
              "https://ledgerline.example.org/enforcement/broker-fine-2022");
    CHECK(body_has(&a, "brambleworth"));
    CHECK(!body_has(&a, "navbarxyzzy") && !body_has(&a, "footerplugh") &&
          !body_has(&a, "formonlyword"));
    gv_article_release(&a);

    CHECK(parse_fixture("legacy-sentencing.html", &a) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE],
              "Magistrate jails cycle courier for assault on tram conductor");
    CHECK_STR(a.fields[GV_FIELD_DATE], "2019-03-14");
    CHECK(a.date.year == 2019 && a.date.month == 3 && a.date.day == 14);
    CHECK(a.fields[GV_FIELD_AUTHOR] == NULL);
    CHECK(body_has(&a, "District Judge Helga M\xc3\xbcller"));
    CHECK(body_has(&a, "marrowgate") && !body_has(&a, "navbarxyzzy"));
    gv_article_release(&a);

    CHECK(parse_fixture("tribunal-bail-decision.html.gz", &a) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_TITLE],
              "Tribunal refuses bail to shipping executive in sanctions case");
    CHECK_STR(a.fields[GV_FIELD_DATE], "2020-11-23");
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Tomasz Wierzbicki");
    CHECK_STR(a.fields[GV_FIELD_SOURCE], "Riverside Courts Bulletin");
    CHECK(body_has(&a, "lanternwick") && body_has(&a, "\xe2\x82\xac"));
    CHECK(!body_has(&a, "navbarxyzzy"));
    gv_article_release(&a);

    /* fixtures/bad/broken.html: recovered, not refused. */
    {
        const char *fx = getenv("GV_FIXTURES");
        const gv_read_limits limits = {GV_MAX_FILE_BYTES, GV_MAX_DOC_BYTES};
        char path[1024];
        gv_buf raw = GV_BUF_INIT;
        gv_read_info info;

        snprintf(path, sizeof(path), "%s/bad/broken.html",
                 fx ? fx : "../fixtures");
        CHECK(gv_gz_read_file(path, &limits, &raw, &info, NULL) == GV_OK);
        CHECK(gv_html_parse(raw.data, raw.len, &a, NULL) == GV_OK);
        CHECK(body_has(&a, "tanglewrack"));
        CHECK(gv_utf8_is_valid(a.body, a.body_len));
        gv_article_release(&a);
        gv_buf_release(&raw);
    }
}

int
main(void)
{
    test_title_precedence();
    test_dates();
    test_author_source_url_place();
    test_body_drops_furniture();
    test_body_root();
    test_body_lines();
    test_entities();
    test_encodings();
    test_broken_markup();
    test_no_text();
    test_clip_and_controls();
    test_quiet();
    test_deep_nesting();
    test_fixtures();
    return CHECK_DONE();
}
