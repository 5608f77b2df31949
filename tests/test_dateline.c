/* Unit tests of common/dateline.h: wire datelines taken apart (English and
 * Chinese forms), sentences that only look like one, and dates in paths.
 * Every text here is written for the test. */
#include "dateline.h"

#include <string.h>

#include "check.h"
#include "utf8.h"

/* Parse @p text and compare every field; @p body is exactly the text that
 * must follow the dateline, so len is checked to the byte. */
static int
dateline_is(const char *text, const char *place, const char *agency,
            const char *reporter, int y, int m, int d, const char *body)
{
    gv_dateline dl;
    bool ok = gv_dateline_parse(text, strlen(text), &dl);

    if (!ok) {
        fprintf(stderr, "  \"%s\" refused\n", text);
        return 0;
    }
    if (strcmp(dl.place, place) != 0 || strcmp(dl.agency, agency) != 0 ||
        strcmp(dl.reporter, reporter) != 0 || dl.date.year != y ||
        dl.date.month != m || dl.date.day != d || dl.len > strlen(text) ||
        strcmp(text + dl.len, body) != 0) {
        fprintf(stderr,
                "  \"%s\"\n    -> place \"%s\" agency \"%s\" reporter \"%s\" "
                "%d-%d-%d body \"%s\"\n",
                text, dl.place, dl.agency, dl.reporter, dl.date.year,
                dl.date.month, dl.date.day,
                dl.len <= strlen(text) ? text + dl.len : "(past the end)");
        return 0;
    }
    return 1;
}

static int
not_dateline(const char *text)
{
    gv_dateline dl;

    memset(&dl, 0, sizeof(dl));
    if (gv_dateline_parse(text, strlen(text), &dl)) {
        fprintf(stderr, "  \"%s\" taken: place \"%s\" agency \"%s\"\n", text,
                dl.place, dl.agency);
        return 0;
    }
    return 1;
}

static void
test_wire_forms(void)
{
    CHECK(dateline_is("China News Service, Beijing, January 11 (Reporter "
                      "Zhang Su) The implementation of the rules began.",
                      "Beijing", "China News Service", "Zhang Su", 0, 1, 11,
                      "The implementation of the rules began."));
    CHECK(dateline_is("Beijing, January 11 (Reporter Zhang Su) Judges heard "
                      "the first case.",
                      "Beijing", "", "Zhang Su", 0, 1, 11,
                      "Judges heard the first case."));
    CHECK(dateline_is("WASHINGTON (Reuters) - The appeals court declined.",
                      "WASHINGTON", "Reuters", "", 0, 0, 0,
                      "The appeals court declined."));
    CHECK(dateline_is("LONDON, March 3 \xe2\x80\x94 The High Court adjourned.",
                      "LONDON", "", "", 0, 3, 3, "The High Court adjourned."));
    CHECK(dateline_is("LONDON, March 3 \xe2\x80\x93 Counsel asked for time.",
                      "LONDON", "", "", 0, 3, 3, "Counsel asked for time."));
    CHECK(dateline_is("LONDON, March 3 -- The jury retired.", "LONDON", "", "",
                      0, 3, 3, "The jury retired."));
    CHECK(dateline_is("NEW DELHI, Oct 5 (PTI): The bench reserved its order.",
                      "NEW DELHI", "PTI", "", 0, 10, 5,
                      "The bench reserved its order."));
    CHECK(dateline_is("SALVADOR, Feb 26 - Heavy rain delayed the hearing.",
                      "SALVADOR", "", "", 0, 2, 26,
                      "Heavy rain delayed the hearing."));
    CHECK(dateline_is("NEW YORK, March 3, 1987 - A federal judge ruled.",
                      "NEW YORK", "", "", 1987, 3, 3,
                      "A federal judge ruled."));
    CHECK(dateline_is("PARIS, 3 March (AFP) - Prosecutors opened an inquiry.",
                      "PARIS", "AFP", "", 0, 3, 3,
                      "Prosecutors opened an inquiry."));
    CHECK(dateline_is("CHICAGO, Sept. 14 - The council voted.", "CHICAGO", "",
                      "", 0, 9, 14, "The council voted."));
    CHECK(dateline_is("BOSTON, Sept 14 (Reuters) - A clerk testified.",
                      "BOSTON", "Reuters", "", 0, 9, 14, "A clerk testified."));
    CHECK(dateline_is("TOKYO, Jan. 8 (Kyodo) - The ministry appealed.", "TOKYO",
                      "Kyodo", "", 0, 1, 8, "The ministry appealed."));
    CHECK(dateline_is("THE HAGUE, Netherlands (AP) \xe2\x80\x94 The tribunal "
                      "sat.",
                      "THE HAGUE, Netherlands", "AP", "", 0, 0, 0,
                      "The tribunal sat."));
    CHECK(dateline_is("SAN FRANCISCO, Calif., June 2 (Reuters) - A jury "
                      "agreed.",
                      "SAN FRANCISCO, Calif.", "Reuters", "", 0, 6, 2,
                      "A jury agreed."));
    CHECK(dateline_is("SHANGHAI, May 20 (Reporters Zhang Su and Li Wei) "
                      "Prosecutors charged two firms.",
                      "SHANGHAI", "", "Zhang Su and Li Wei", 0, 5, 20,
                      "Prosecutors charged two firms."));
    CHECK(dateline_is("Chicago, April 4 (By Jane Doe) A county judge ruled.",
                      "Chicago", "", "Jane Doe", 0, 4, 4,
                      "A county judge ruled."));
    CHECK(dateline_is("BEIJING, Dec. 9 (Xinhua) -- The top court said.",
                      "BEIJING", "Xinhua", "", 0, 12, 9,
                      "The top court said."));
    CHECK(dateline_is("JAKARTA (AP) \xe2\x80\x94 Indonesia's court agreed.",
                      "JAKARTA", "AP", "", 0, 0, 0,
                      "Indonesia's court agreed."));
    CHECK(dateline_is("Mumbai, July 12 (IANS) The High Court stayed it.",
                      "Mumbai", "IANS", "", 0, 7, 12,
                      "The High Court stayed it."));
    CHECK(dateline_is("Xinhua News Agency, Beijing, March 3 (Reporter Wang "
                      "Fang) China's prosecutors said.",
                      "Beijing", "Xinhua News Agency", "Wang Fang", 0, 3, 3,
                      "China's prosecutors said."));
    CHECK(dateline_is("Seoul, March 3 (Yonhap) -- The court ruled.", "Seoul",
                      "Yonhap", "", 0, 3, 3, "The court ruled."));
    CHECK(dateline_is("LONDON, March 3 (Reuters) (Reporter Jane Doe) - Fees "
                      "rose.",
                      "LONDON", "Reuters", "Jane Doe", 0, 3, 3, "Fees rose."));
    CHECK(dateline_is("Nairobi, 3rd March 2021 - The court sat.", "Nairobi", "",
                      "", 2021, 3, 3, "The court sat."));
    CHECK(dateline_is("BERLIN, March 3 (Reuters) \xe2\x80\x94The judges met.",
                      "BERLIN", "Reuters", "", 0, 3, 3, "The judges met."));
    CHECK(dateline_is("Seoul, March 3 (Yonhap) \xe2\x80\x94\xe2\x80\x94 It "
                      "rained.",
                      "Seoul", "Yonhap", "", 0, 3, 3, "It rained."));
    /* Feb 29 has no year to refute it. */
    CHECK(dateline_is("FRANKFURT, 29 February (dpa) - The court sat.",
                      "FRANKFURT", "dpa", "", 0, 2, 29, "The court sat."));
    CHECK(dateline_is("Paris, 14 July 1990 (AFP) - Crowds gathered.", "Paris",
                      "AFP", "", 1990, 7, 14, "Crowds gathered."));
}

static void
test_places(void)
{
    CHECK(dateline_is("RICHMOND, Va. Feb 26 - The state appealed.",
                      "RICHMOND, Va.", "", "", 0, 2, 26,
                      "The state appealed."));
    CHECK(dateline_is("PORTLAND, Ore. \xe2\x80\x94 A federal judge ruled.",
                      "PORTLAND, Ore.", "", "", 0, 0, 0,
                      "A federal judge ruled."));
    CHECK(dateline_is("LONDON \xe2\x80\x94 The Court of Appeal agreed.",
                      "LONDON", "", "", 0, 0, 0,
                      "The Court of Appeal agreed."));
    CHECK(dateline_is("S\xc3\xa3o Paulo, Nov 30 (Reuters) - Brazil's court "
                      "ruled.",
                      "S\xc3\xa3o Paulo", "Reuters", "", 0, 11, 30,
                      "Brazil's court ruled."));
    CHECK(dateline_is("RIO DE JANEIRO, Aug 1 - The judge resigned.",
                      "RIO DE JANEIRO", "", "", 0, 8, 1,
                      "The judge resigned."));
    CHECK(dateline_is("Rio de Janeiro, Aug 1 (Reuters) - The judge resigned.",
                      "Rio de Janeiro", "Reuters", "", 0, 8, 1,
                      "The judge resigned."));
    CHECK(dateline_is("NEWPORT NEWS, Va., March 3 - The shipyard sued.",
                      "NEWPORT NEWS, Va.", "", "", 0, 3, 3,
                      "The shipyard sued."));
    CHECK(dateline_is("WASHINGTON, D.C., March 3 - The agency settled.",
                      "WASHINGTON, D.C.", "", "", 0, 3, 3,
                      "The agency settled."));
    CHECK(dateline_is("Washington DC, March 3 (AP) - Lawmakers met.",
                      "Washington DC", "AP", "", 0, 3, 3, "Lawmakers met."));
    CHECK(dateline_is("BAGHDAD/DUBAI, March 3 (Reuters) - Talks resumed.",
                      "BAGHDAD/DUBAI", "Reuters", "", 0, 3, 3,
                      "Talks resumed."));
    CHECK(dateline_is("Abidjan, C\xc3\xb4te d\xe2\x80\x99Ivoire, March 3 - "
                      "The court sat.",
                      "Abidjan, C\xc3\xb4te d\xe2\x80\x99Ivoire", "", "", 0, 3,
                      3, "The court sat."));
    /* An agency nobody listed, after an ALL-CAPS place and before a dash. */
    CHECK(dateline_is("NEW YORK (CNNMoney) -- Shares fell.", "NEW YORK",
                      "CNNMoney", "", 0, 0, 0, "Shares fell."));
    CHECK(dateline_is("WINSTON-SALEM, N.C., May 2 - The board sued.",
                      "WINSTON-SALEM, N.C.", "", "", 0, 5, 2,
                      "The board sued."));
}

static void
test_spacing(void)
{
    /* Leading space is part of len; inner space collapses. */
    CHECK(dateline_is("\n\t  LONDON, March 3 - The court rose.", "LONDON", "",
                      "", 0, 3, 3, "The court rose."));
    CHECK(dateline_is("NEW   YORK,\tMarch 3 (Reuters) - Shares fell.",
                      "NEW YORK", "Reuters", "", 0, 3, 3, "Shares fell."));
    CHECK(dateline_is("GENEVA, March 3 (Reuters) -\n\nThe panel met.", "GENEVA",
                      "Reuters", "", 0, 3, 3, "The panel met."));
    CHECK(dateline_is("LONDON,\xc2\xa0March\xc2\xa0"
                      "3 - The court rose.",
                      "LONDON", "", "", 0, 3, 3, "The court rose."));
    CHECK(dateline_is("Beijing, January 11 (Reporters  Zhang Su  and\tLi Wei) "
                      "Courts heard it.",
                      "Beijing", "", "Zhang Su and Li Wei", 0, 1, 11,
                      "Courts heard it."));
    CHECK(dateline_is("Beijing, January 11 \xef\xbc\x88Reporter Zhang "
                      "Su\xef\xbc\x89 Courts heard it.",
                      "Beijing", "", "Zhang Su", 0, 1, 11, "Courts heard it."));
    /* A dateline at the very end of the text. */
    CHECK(dateline_is("LONDON, March 3 -", "LONDON", "", "", 0, 3, 3, ""));

    /* Only len bytes are read. */
    gv_dateline dl;
    const char *t = "LONDON, March 3 - The court rose.";
    CHECK(gv_dateline_parse(t, 18, &dl) && dl.len == 18);
    CHECK(!gv_dateline_parse(t, 15, &dl)); /* cut before the separator */
}

static void
test_chinese(void)
{
    CHECK(dateline_is(
        "新华社北京1月11日电（记者张素）最高人民法院11日发布意见。", "北京",
        "新华社", "张素", 0, 1, 11, "最高人民法院11日发布意见。"));
    CHECK(dateline_is("中新网北京1月11日电 (记者 张素)最高人民检察院通报案件。",
                      "北京", "中新网", "张素", 0, 1, 11,
                      "最高人民检察院通报案件。"));
    CHECK(dateline_is("本报上海3月5日讯（记者 李伟 王芳）市法院审结此案。",
                      "上海", "本报", "李伟 王芳", 0, 3, 5,
                      "市法院审结此案。"));
    CHECK(dateline_is("新华社香港2021年1月11日电 香港高等法院作出裁决。",
                      "香港", "新华社", "", 2021, 1, 11,
                      "香港高等法院作出裁决。"));
    CHECK(dateline_is("中国日报网广州１２月３日电（记者：陈杰）案件开庭。",
                      "广州", "中国日报网", "陈杰", 0, 12, 3, "案件开庭。"));
    CHECK(dateline_is("  北京1月11日电\u3000法院开庭。", "北京", "", "", 0, 1,
                      11, "法院开庭。"));

    /* A reporter list too long for its buffer is cut between characters. */
    char text[512], *p = text;
    p += sprintf(p, "新华社北京1月11日电（记者");
    for (int i = 0; i < 45; i++)
        p += sprintf(p, "张");
    sprintf(p, "）正文");
    gv_dateline dl;
    CHECK(gv_dateline_parse(text, strlen(text), &dl));
    CHECK(strlen(dl.reporter) == 126); /* 42 characters of 3 bytes */
    CHECK(gv_utf8_is_valid(dl.reporter, strlen(dl.reporter)));
    CHECK_STR(text + dl.len, "正文");
}

static void
test_not_datelines(void)
{
    CHECK(not_dateline("London is the capital of the United Kingdom."));
    CHECK(not_dateline("Washington, the capital, said on Monday it would."));
    CHECK(not_dateline("May 5 was a day the court will remember."));
    CHECK(not_dateline("Paris (the city) was quiet."));
    CHECK(not_dateline("The minister said - and repeated - that it was so."));
    CHECK(not_dateline("He said - wait for it - no."));
    CHECK(not_dateline("Officials said: the hearing is off."));
    CHECK(not_dateline("Supreme Court Rules on Bail\n\nThe court held."));
    CHECK(not_dateline("BREAKING NEWS \xe2\x80\x94 The court held."));
    CHECK(not_dateline("UPDATE 1-Court rejects appeal"));
    CHECK(not_dateline("In LONDON, March 3 - The court rose."));
    CHECK(not_dateline("Paris (France) - The city woke."));
    CHECK(not_dateline("Atlanta (WSB) - The station said."));
    CHECK(not_dateline("OK - fine, the judge said."));
    CHECK(not_dateline("THE END - of the trial."));
    CHECK(not_dateline("FOR SALE - one courthouse."));
    CHECK(not_dateline("X, March 3 - The court rose."));
    CHECK(not_dateline("On March 3 - the day of the vote - it rained."));
    CHECK(not_dateline("Today, March 3 - the court rose."));
    CHECK(not_dateline("London (Reuters) said the ruling stood."));
    CHECK(not_dateline("WASHINGTON (the capital) - Officials met."));
    CHECK(not_dateline("London, January 11 was the day of the ruling."));
    CHECK(not_dateline("LONDON, March 3, the court said."));
    CHECK(not_dateline("Feb 26-27 hearings were cancelled."));
    CHECK(not_dateline("Washington, Paris and London (AP) agreed."));
    /* Decided: a weekday and date with no place is not a dateline; the date
     * alone says too little about where the story is from. */
    CHECK(not_dateline("Monday, January 11 - The court sat late."));
    CHECK(not_dateline("Monday, January 11\n\nThe court sat late."));
    /* Decided: a bare place before ":" is a heading as often as not
     * ("NOTE:", "WARNING:"), so ":" only follows a date or parenthesis. */
    CHECK(not_dateline("NEW DELHI: The court sat late."));
    /* A place and date with nothing to end them. */
    CHECK(not_dateline("LONDON, March 3"));
    CHECK(not_dateline("LONDON"));
    CHECK(not_dateline(""));
    CHECK(not_dateline(" \n\t "));
    /* Too long: five words of place, and a head past 120 bytes. */
    CHECK(not_dateline("NORTH EAST GREATER WEST HAMPTON, March 3 - Text."));
    CHECK(not_dateline("International Consolidated Broadcasting Agency, "
                       "Llanfairpwllgwyngyll Gogerychwyrndrobwll Llantysilio, "
                       "Northwesternmost Territories, March 3 - Text."));
    CHECK(not_dateline("Zhang Su, Beijing, Shanghai, March 3 - Text."));
    CHECK(not_dateline(
        "LONDON, March 3 (Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaa) - A word of 47 letters is no agency."));
    CHECK(not_dateline("LONDON, March 3 (Reporters Ann, Bo, Cy, Di, Ed, Flo, "
                       "Gus, Hal, Ida, Jo, Kim, Lu and Mo) - Thirteen."));
}

static void
test_bad_dates(void)
{
    /* Decided: an impossible date rejects the whole dateline, rather than
     * keeping a place whose date is wrong; such text is damaged or is not
     * a dateline at all. */
    CHECK(not_dateline("LONDON, February 30 - The court rose."));
    CHECK(not_dateline("LONDON, April 31 (Reuters) - The court rose."));
    CHECK(not_dateline("LONDON, Jan 32 - The court rose."));
    CHECK(not_dateline("NEW YORK, Feb 29, 2021 - Not a leap year."));
    CHECK(not_dateline("北京1月32日电 法院开庭。"));
    CHECK(not_dateline("新华社北京13月1日电 法院开庭。"));
    /* A Chinese sentence that happens to contain 日电. */
    CHECK(not_dateline("今年1月11日电力供应紧张。"));
    CHECK(not_dateline("新华社1月11日电 没有地点。"));
    CHECK(not_dateline("今天3月9日电报到了。")); /* 电报, a telegram */
    CHECK(not_dateline("新3月9日电 一字不是地名。"));

    /* A refused text leaves *out as it was. */
    gv_dateline dl;
    memset(&dl, 0, sizeof(dl));
    strcpy(dl.place, "kept");
    CHECK(!gv_dateline_parse("LONDON, February 30 - X", 23, &dl));
    CHECK_STR(dl.place, "kept");
}

static void
test_month_names(void)
{
    CHECK(gv_date_month_from_name("Sept", 4) == 9);
    CHECK(gv_date_month_from_name("sep", 3) == 9);
    CHECK(gv_date_month_from_name("DECEMBER", 8) == 12);
    CHECK(gv_date_month_from_name("May", 3) == 5);
    CHECK(gv_date_month_from_name("Ma", 2) == 0);
    CHECK(gv_date_month_from_name("Mayor", 5) == 0);
    CHECK(gv_date_month_from_name("Monday", 6) == 0);
}

/* @p path gives y-m-d (m = d = 0 for a year alone). */
static int
path_is(const char *path, int y, int m, int d)
{
    gv_date out = {-1, -1, -1};
    bool ok = gv_date_from_path(path, &out);

    if (!ok || out.year != y || out.month != m || out.day != d) {
        fprintf(stderr, "  \"%s\" -> %s %d-%d-%d, want %d-%d-%d\n", path,
                ok ? "ok" : "none", out.year, out.month, out.day, y, m, d);
        return 0;
    }
    return 1;
}

static int
path_has_none(const char *path)
{
    gv_date out = {7, 7, 7};

    if (gv_date_from_path(path, &out) || out.year != 7) {
        fprintf(stderr, "  \"%s\" -> %d-%d-%d\n", path, out.year, out.month,
                out.day);
        return 0;
    }
    return 1;
}

static void
test_paths(void)
{
    CHECK(path_is("archive/2021/01/11/story.txt", 2021, 1, 11));
    CHECK(path_is("news/2021-01-11-court.txt", 2021, 1, 11));
    CHECK(path_is("wire/2021_01_11_ruling.txt", 2021, 1, 11));
    CHECK(path_is("x/20210111.txt", 2021, 1, 11));
    CHECK(path_is("feed/20210111T103000Z.json", 2021, 1, 11));
    CHECK(path_is("2021-1-5-note.txt", 2021, 1, 5));
    CHECK(path_is("/srv/2021.03.04.html", 2021, 3, 4));
    CHECK(path_is("2024/02/29/leap.txt", 2024, 2, 29));
    /* The last date wins, even a year alone after a whole date. */
    CHECK(path_is("a/2020/01/15/b/2021-03-04.txt", 2021, 3, 4));
    CHECK(path_is("x/2021-01-11/2020/y.txt", 2020, 0, 0));
    /* Year alone: a folder "2021", "2021-01", or "2021/01/". */
    CHECK(path_is("2021/01/", 2021, 0, 0));
    CHECK(path_is("archive/2021/story.txt", 2021, 0, 0));
    CHECK(path_is("archive/2021-01/story.txt", 2021, 0, 0));
    CHECK(path_is("2021/13/01/x.txt", 2021, 0, 0));      /* no 13th month */
    CHECK(path_is("2023/02/29/x.txt", 2023, 0, 0));      /* not a leap year */
    CHECK(path_is("2021/01/11-court.txt", 2021, 1, 11)); /* "/" twice */

    CHECK(path_has_none("2021-02-30.txt"));
    CHECK(path_has_none("1899/01/01/x.txt"));
    CHECK(path_has_none("2100-01-01.txt"));
    CHECK(path_has_none("case-123456789.txt"));
    CHECK(path_has_none("120210111.txt"));
    CHECK(path_has_none("docs/report.txt"));
    CHECK(path_has_none("docs/2021"));   /* a file, not a folder */
    CHECK(path_has_none("v2021/a.txt")); /* not a folder of its own */
    CHECK(path_has_none("12021-01-11.txt"));
    CHECK(path_has_none("2021-01-111.txt"));
    /* Mixed separators are no whole date; "2021-01/" is a folder. */
    CHECK(path_is("2021-01/11.txt", 2021, 0, 0));
    CHECK(path_has_none("x2021-01/11.txt"));
    CHECK(path_has_none(""));
}

int
main(void)
{
    test_wire_forms();
    test_places();
    test_spacing();
    test_chinese();
    test_not_datelines();
    test_bad_dates();
    test_month_names();
    test_paths();
    return CHECK_DONE();
}
