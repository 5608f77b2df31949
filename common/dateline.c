/* Datelines and dates in paths (see dateline.h), for the article parser.
 * A small hand-written scanner: a dateline is recognised only when every
 * piece of it has the expected shape, because a wrong place or date in the
 * index is worse than none. */
#include "dateline.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

/* Caps: a dateline is a short line. Bytes from the first letter to the end
 * of the place or date; bytes inside one parenthesis; words in one
 * comma-separated name ("NEW DELHI", "China News Service"). */
#define HEAD_MAX      120
#define PAREN_MAX     160
#define NAME_WORDS    4
#define PARTICLES_MAX 2
#define SEGMENTS_MAX  3
#define WORD_LETTERS  40 /* longer is no name, even in Welsh */
#define PEOPLE_MAX    12 /* names in one reporter parenthesis */
#define HAN_PREFIX    12 /* characters of agency and place, "新华社北京" */
#define HAN_PLACE     6

/* One whole dateline, for the copying buffer. */
#define SPAN_MAX (PAREN_MAX + HEAD_MAX)

enum letter { NOT_LETTER, LOWER, UPPER };
enum date_found { DATE_NONE, DATE_OK, DATE_BAD };

/* ---- characters ---- */

/* The character at s[i] into *c and its length; 0 at the end or on a byte
 * that is not valid UTF-8, which stops every rule below. */
static size_t
char_at(const char *s, size_t n, size_t i, uint32_t *c)
{
    size_t k;

    *c = 0;
    if (i >= n)
        return 0;
    k = gv_utf8_decode(s + i, n - i, c);
    if (!k)
        *c = 0;
    return k;
}

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Space inside a line: also no-break space (HTML &nbsp;) and U+3000. */
static size_t
blank_len(const char *s, size_t n, size_t i)
{
    uint32_t c;
    size_t k = char_at(s, n, i, &c);

    return k && (c == ' ' || c == '\t' || c == 0xa0 || c == 0x3000) ? k : 0;
}

static size_t
space_len(const char *s, size_t n, size_t i)
{
    size_t k = blank_len(s, n, i);

    if (!k && i < n && (s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
        k = 1;
    return k;
}

static size_t
skip_blanks(const char *s, size_t n, size_t i)
{
    size_t k;

    while ((k = blank_len(s, n, i)))
        i += k;
    return i;
}

static size_t
skip_space(const char *s, size_t n, size_t i)
{
    size_t k;

    while ((k = space_len(s, n, i)))
        i += k;
    return i;
}

/* Letters of English, French, German, Spanish, Polish... place names: ASCII,
 * Latin-1 and Latin Extended-A, where case alternates except in a few runs.
 */
static enum letter
letter_case(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return UPPER;
    if (c >= 'a' && c <= 'z')
        return LOWER;
    if (c >= 0xc0 && c <= 0xde && c != 0xd7)
        return UPPER;
    if (c >= 0xdf && c <= 0xff && c != 0xf7)
        return LOWER;
    if (c >= 0x100 && c <= 0x17f) {
        if (c == 0x138 || c == 0x149 || c == 0x17f)
            return LOWER;
        if (c == 0x178)
            return UPPER;
        bool odd_upper =
            (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e);
        return ((c & 1) != 0) == odd_upper ? UPPER : LOWER;
    }
    return NOT_LETTER;
}

static bool
is_han(uint32_t c)
{
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/* Case-insensitive: do the @p n bytes at @p s spell one of @p list? */
static bool
in_list(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncasecmp(*list, s, n) == 0)
            return true;
    return false;
}

/* ---- words and names ---- */

typedef struct word {
    size_t start, end;
    size_t letters_end; /* end without an abbreviation's final "." */
    int upper, lower;   /* letters of each case */
} word;

/* A word: letters, joined inside by "." "'" "’" "-" "/" ("N.Y", "Xi'an",
 * "Port-au-Prince", "BAGHDAD/DUBAI"), with a final "." kept ("Calif."). */
static bool
word_at(const char *s, size_t n, size_t i, word *w)
{
    uint32_t c;
    size_t k;

    memset(w, 0, sizeof(*w));
    w->start = i;
    k = char_at(s, n, i, &c);
    if (!k || letter_case(c) == NOT_LETTER)
        return false;
    for (;;) {
        enum letter lc;
        k = char_at(s, n, i, &c);
        if (k && (lc = letter_case(c)) != NOT_LETTER) {
            if (lc == UPPER)
                w->upper++;
            else
                w->lower++;
            i += k;
            continue;
        }
        if (k &&
            (c == '.' || c == '\'' || c == 0x2019 || c == '-' || c == '/')) {
            uint32_t next;
            size_t k2 = char_at(s, n, i + k, &next);
            if (k2 && letter_case(next) != NOT_LETTER) {
                i += k;
                continue;
            }
            if (c == '.') {
                w->letters_end = i;
                w->end = i + 1;
                return true;
            }
        }
        break;
    }
    w->letters_end = w->end = i;
    return true;
}

/* "Beijing", "LONDON", and "d’Ivoire", "l'Aquila" after an elision. */
static bool
word_is_cap(const word *w, const char *s)
{
    uint32_t c;
    size_t i = w->start, k;
    int lower = 0;

    while (lower < 2 && (k = char_at(s, w->end, i, &c))) {
        if (letter_case(c) == UPPER)
            return lower == 0;
        if (letter_case(c) != LOWER)
            break;
        i += k;
        lower++;
    }
    if (!lower || !(k = char_at(s, w->end, i, &c)) ||
        (c != '\'' && c != 0x2019))
        return false;
    return char_at(s, w->end, i + k, &c) && letter_case(c) == UPPER;
}

/* Lower-case words inside place and person names. */
static const char *const particles[] = {
    "al",  "am", "an",   "da",  "das", "de", "del", "della", "den",
    "der", "di", "do",   "dos", "du",  "el", "es",  "la",    "le",
    "les", "of", "upon", "van", "von", "y",  NULL};

static bool
word_is_particle(const word *w, const char *s)
{
    return in_list(particles, s + w->start, w->end - w->start);
}

/* One comma-separated name: 1..NAME_WORDS capitalised words (with a few
 * particles between them), on one line, ending before a date. */
typedef struct segment {
    size_t start, end;
    int names;
    int title_words; /* "Beijing", "Calif." */
    int caps_words;  /* "LONDON", "N.Y." (two letters or more) */
    int long_caps;   /* caps words of four letters or more */
    int longest;     /* letters in the longest word */
    word first, last;
} segment;

static enum date_found
date_at(const char *s, size_t n, size_t i, gv_date *out, size_t *end);

static bool
segment_at(const char *s, size_t n, size_t i, segment *g)
{
    bool last_particle = false;
    size_t j = i;
    int particle_count = 0;

    memset(g, 0, sizeof(*g));
    g->start = g->end = i;
    for (;;) {
        size_t k = j;
        gv_date d;
        size_t dend;
        word w;

        if (g->names + particle_count > 0) {
            k = skip_blanks(s, n, j);
            if (k == j)
                break;
        }
        /* "RICHMOND, Va. Feb 26": the date is not part of the name. */
        if (date_at(s, n, k, &d, &dend) != DATE_NONE || !word_at(s, n, k, &w))
            break;
        if (w.upper + w.lower > WORD_LETTERS)
            return false;
        if (word_is_cap(&w, s)) {
            if (++g->names > NAME_WORDS)
                return false;
            if (g->names == 1)
                g->first = w;
            if (w.lower > 0)
                g->title_words++;
            else if (w.upper >= 2)
                g->caps_words++;
            if (w.lower == 0 && w.upper >= 4)
                g->long_caps++;
            if (w.lower + w.upper > g->longest)
                g->longest = w.lower + w.upper;
            last_particle = false;
        } else if (g->names > 0 && word_is_particle(&w, s)) {
            if (++particle_count > PARTICLES_MAX)
                return false;
            last_particle = true;
        } else {
            break;
        }
        g->last = w;
        g->end = j = w.end;
    }
    return g->names > 0 && !last_particle;
}

/* "In LONDON" is a sentence; "Washington DC" and "NEW YORK" are places. */
static bool
segment_case_consistent(const segment *g)
{
    return !(g->title_words > 0 && g->long_caps > 0);
}

static bool
segment_all_caps(const segment *g)
{
    return g->title_words == 0 && g->caps_words > 0;
}

static const char *const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon",     "tue",       "tues",     "wed",    "thu",
    "thur",   "thurs",   "fri",       "sat",      "sun",    NULL};

/* A place that is one word naming a weekday or a month ("Monday, January
 * 11", "May, ...") is a date line, not a dateline. */
static bool
segment_is_calendar_word(const segment *g, const char *s)
{
    const word *w = &g->first;
    size_t n = w->letters_end - w->start;

    return g->names == 1 && (in_list(weekdays, s + w->start, n) ||
                             gv_date_month_from_name(s + w->start, n) != 0);
}

/* Words that start sentences, never places: "On March 3 - ...". */
static const char *const sentence_openers[] = {
    "after", "as",    "at",        "before", "by",    "during",
    "for",   "from",  "in",        "last",   "next",  "of",
    "on",    "since", "this",      "to",     "today", "tomorrow",
    "until", "when",  "yesterday", NULL};

/* PLACE: a word of two letters or more, no sentence opener first, not
 * "In LONDON", not a lone weekday or month ("Monday, January 11"). */
static bool
segment_is_place(const segment *g, const char *s)
{
    const word *w = &g->first;

    return g->longest >= 2 && segment_case_consistent(g) &&
           !segment_is_calendar_word(g, s) &&
           !in_list(sentence_openers, s + w->start, w->letters_end - w->start);
}

/* Agencies whose name alone says so, and words that make a name one. */
static const char *const agencies[] = {
    "AAP",       "AFP",       "AP",     "ANI",     "ANP",     "ANSA",
    "APA",       "Anadolu",   "Antara", "Belga",   "Bernama", "BSS",
    "CNA",       "CNS",       "CP",     "dpa",     "EFE",     "IANS",
    "Interfax",  "ITAR-TASS", "Jiji",   "KCNA",    "Kyodo",   "Lusa",
    "MENA",      "PAP",       "PTI",    "Reuters", "RIA",     "SAPA",
    "TASS",      "UNI",       "UPI",    "WAM",     "Xinhua",  "Yonhap",
    "Bloomberg", NULL};

static const char *const agency_words[] = {
    "agence",  "agency", "bureau",   "daily",   "media",
    "network", "news",   "newswire", "presse",  "press",
    "service", "wire",   "xinhua",   "reuters", NULL};

/* Does the span [a, b) name a news agency? */
static bool
names_agency(const char *s, size_t a, size_t b)
{
    word w;

    if (in_list(agencies, s + a, b - a))
        return true;
    for (size_t i = a; i < b;) {
        if (word_at(s, b, i, &w)) {
            if (in_list(agency_words, s + w.start, w.letters_end - w.start) ||
                in_list(agencies, s + w.start, w.letters_end - w.start))
                return true;
            i = w.end;
        } else {
            uint32_t c;
            size_t k = char_at(s, b, i, &c);
            i += k ? k : 1;
        }
    }
    return false;
}

/* Words an ALL-CAPS heading is made of, never a place standing alone
 * before a dash ("BREAKING NEWS — ..."). */
static const char *const heading_words[] = {
    "advisory",  "alert",     "analysis", "breaking",   "brief",     "bulletin",
    "column",    "comment",   "end",      "correction", "corrected", "court",
    "editorial", "exclusive", "factbox",  "feature",    "flash",     "insight",
    "interview", "judge",     "law",      "live",       "news",      "note",
    "opinion",   "photo",     "refile",   "review",     "ruling",    "said",
    "says",      "summary",   "update",   "updated",    "urgent",    "verdict",
    "video",     "watch",     "wrapup",   NULL};

static bool
segment_has_heading_word(const segment *g, const char *s)
{
    word w;

    for (size_t i = g->start; i < g->end;) {
        if (word_at(s, g->end, i, &w)) {
            if (in_list(heading_words, s + w.start, w.letters_end - w.start))
                return true;
            i = w.end;
        } else {
            i++;
        }
    }
    return false;
}

/* ---- dates ---- */

/* 1..@p max digits at s[i], not followed by another digit: *v and the end,
 * or i when there are none. */
static size_t
number_at(const char *s, size_t n, size_t i, int max, int *v)
{
    size_t j = i;

    *v = 0;
    while (j < n && is_digit(s[j]) && (int)(j - i) < max)
        *v = *v * 10 + (s[j++] - '0');
    if (j == i || (j < n && is_digit(s[j])))
        return i;
    return j;
}

static bool
letter_at(const char *s, size_t n, size_t i)
{
    uint32_t c;

    return char_at(s, n, i, &c) && letter_case(c) != NOT_LETTER;
}

/* After a day: "11th", "1st", then no letter may follow. */
static size_t
skip_ordinal(const char *s, size_t n, size_t i)
{
    static const char *const suffixes[] = {"st", "nd", "rd", "th", NULL};

    if (i + 2 <= n && in_list(suffixes, s + i, 2) && !letter_at(s, n, i + 2))
        return i + 2;
    return i;
}

/* A month name ("January", "Sept.", "OCT"): *m and the end, else i. */
static size_t
month_at(const char *s, size_t n, size_t i, int *m)
{
    size_t j = i;

    *m = 0;
    while (j < n &&
           ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
        j++;
    if (letter_at(s, n, j) || !(*m = gv_date_month_from_name(s + i, j - i)))
        return i;
    if (j < n && s[j] == '.')
        j++;
    return j;
}

/*
 * A date as datelines write it, at s[i]:
 *   month day [[,] year]     "January 11", "Sept. 3", "March 3, 1987"
 *   day month [year]         "3 March", "3 March 1987"
 * DATE_BAD for a well-formed but impossible one ("February 30"): the text
 * is then not trusted as a dateline at all. Without a year, February 29
 * is allowed.
 */
static enum date_found
date_at(const char *s, size_t n, size_t i, gv_date *out, size_t *end)
{
    int m = 0, d = 0, y = 0;
    size_t j, k;

    if (i < n && is_digit(s[i])) {
        j = number_at(s, n, i, 2, &d);
        if (j == i)
            return DATE_NONE;
        j = skip_ordinal(s, n, j);
        k = skip_blanks(s, n, j);
        if (k == j || (j = month_at(s, n, k, &m)) == k)
            return DATE_NONE;
    } else {
        j = month_at(s, n, i, &m);
        if (j == i)
            return DATE_NONE;
        k = skip_blanks(s, n, j);
        if (k == j && s[j - 1] != '.')
            return DATE_NONE;
        j = number_at(s, n, k, 2, &d);
        if (j == k)
            return DATE_NONE;
        j = skip_ordinal(s, n, j);
        if (letter_at(s, n, j))
            return DATE_NONE;
    }
    k = j;
    if (k < n && s[k] == ',')
        k++;
    k = skip_blanks(s, n, k);
    if (k > j && k + 4 <= n) {
        size_t e = number_at(s, n, k, 4, &y);
        if (e == k + 4 && !letter_at(s, n, e))
            j = e;
        else
            y = 0;
    }
    if (!gv_date_is_valid(y ? y : 2000, m, d))
        return DATE_BAD;
    out->year = y, out->month = m, out->day = d;
    *end = j;
    return DATE_OK;
}

/* ---- parentheses ---- */

static size_t
open_paren_len(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '(')
        return 1;
    if (i + 3 <= n && memcmp(s + i, "\xef\xbc\x88", 3) == 0) /* （ */
        return 3;
    return 0;
}

/* The text inside a parenthesis at s[i], trimmed, and where it ends. */
typedef struct paren {
    size_t start, end; /* the text inside, trimmed */
    size_t after;      /* just past the closing parenthesis */
} paren;

static bool
paren_at(const char *s, size_t n, size_t i, paren *p)
{
    size_t k = open_paren_len(s, n, i), j;
    uint32_t c;

    if (!k)
        return false;
    p->start = j = skip_blanks(s, n, i + k);
    for (;;) {
        if (j - i > PAREN_MAX || !(k = char_at(s, n, j, &c)))
            return false;
        if ((c < 0x20 && c != '\t') || c == '(' || c == 0xff08)
            return false;
        if (c == ')' || c == 0xff09)
            break;
        j += k;
    }
    p->after = j + k;
    p->end = j;
    while (p->end > p->start && (s[p->end - 1] == ' ' || s[p->end - 1] == '\t'))
        p->end--;
    return p->end > p->start;
}

/* At s[i], @p keyword as a whole word ("By Jane", not "Byron"), then an
 * optional ":" and blanks: the bytes all that takes, else 0. */
static size_t
keyword_at(const char *s, size_t n, size_t i, const char *keyword)
{
    size_t m = strlen(keyword), j = i + m;

    if (n - i < m || strncasecmp(s + i, keyword, m) != 0 || letter_at(s, n, j))
        return 0;
    if (j < n && s[j] == ':')
        j++;
    else if (n - j >= 3 && memcmp(s + j, "\xef\xbc\x9a", 3) == 0) /* ： */
        j += 3;
    return skip_blanks(s, n, j) - i;
}

/* Names of people: capitalised words, particles, "and", "&", ",", "、" or
 * Han characters ("Zhang Su and Li Wei", "Jane Doe", "张素"). */
static bool
names_people(const char *s, size_t a, size_t b)
{
    int names = 0;
    word w;

    for (size_t i = skip_blanks(s, b, a); i < b; i = skip_blanks(s, b, i)) {
        uint32_t c;
        size_t k = char_at(s, b, i, &c);

        if (!k)
            return false;
        if (c == ',' || c == '&' || c == 0x3001) {
            i += k;
        } else if (is_han(c)) {
            while ((k = char_at(s, b, i, &c)) && is_han(c))
                i += k;
            if (++names > PEOPLE_MAX)
                return false;
        } else if (word_at(s, b, i, &w)) {
            if (word_is_cap(&w, s)) {
                if (++names > PEOPLE_MAX)
                    return false;
            } else if (!word_is_particle(&w, s) &&
                       !(w.end - w.start == 3 &&
                         strncmp(s + w.start, "and", 3) == 0))
                return false;
            else if (names == 0)
                return false;
            i = w.end;
        } else {
            return false;
        }
    }
    return names > 0;
}

/* ---- separators ---- */

/* The separator at s[i] between a dateline and its story: "-", "--", "—",
 * "–", "―" (each maybe doubled), or ":" when @p colon_ok. A "-" must be
 * followed by space, so that "Feb 26-27" is no separator. */
static size_t
separator_len(const char *s, size_t n, size_t i, bool colon_ok)
{
    size_t k = 0;

    if (i < n && s[i] == '-') {
        k = (i + 1 < n && s[i + 1] == '-') ? 2 : 1;
        return i + k == n || space_len(s, n, i + k) ? k : 0;
    }
    while (i + k + 3 <= n && s[i + k] == '\xe2' && s[i + k + 1] == '\x80' &&
           (s[i + k + 2] == '\x93' || s[i + k + 2] == '\x94' ||
            s[i + k + 2] == '\x95') &&
           k < 6)
        k += 3;
    if (k)
        return k;
    if (colon_ok && i < n && s[i] == ':')
        return 1;
    return 0;
}

/* The story after a parenthesis with no separator starts a sentence. */
static bool
starts_sentence(const char *s, size_t n, size_t i)
{
    uint32_t c;

    if (!char_at(s, n, i, &c))
        return false;
    return letter_case(c) == UPPER || (c >= '0' && c <= '9') || c == '"' ||
           c == '\'' || c == 0x201c || c == 0x2018 || c == 0xab || c >= 0x2e80;
}

/* ---- copying ---- */

/* Copy s[a, b) into @p dst with runs of space made one " ", trimmed, and
 * cut at a character boundary to fit. */
static void
copy_part(char dst[GV_DATELINE_PART_BYTES], const char *s, size_t a, size_t b)
{
    char tmp[SPAN_MAX];
    size_t t = 0, m;
    bool space = false;

    for (size_t i = a; i < b;) {
        uint32_t c;
        size_t k = space_len(s, b, i);

        if (k) {
            space = t > 0;
            i += k;
            continue;
        }
        k = char_at(s, b, i, &c);
        if (!k || c == 0) { /* validated before; never copy a bad byte */
            i++;
            continue;
        }
        if (t + space + k > sizeof(tmp))
            break;
        if (space)
            tmp[t++] = ' ';
        space = false;
        memcpy(tmp + t, s + i, k);
        t += k;
        i += k;
    }
    m = gv_utf8_clip(tmp, t, GV_DATELINE_PART_BYTES - 1);
    memcpy(dst, tmp, m);
    dst[m] = '\0';
}

/* ---- English-style datelines ---- */

/*
 * [AGENCY ", "] PLACE [", " REGION] [[","] DATE] [(AGENCY)] [(Reporter X)]
 *     [SEPARATOR]
 *
 * with these conditions, so that a sentence is not taken for one:
 *  - AGENCY first only when it names an agency ("China News Service") and
 *    a date or parenthesis follows;
 *  - PLACE 1..4 capitalised words, not mixing Title and ALL CAPS words
 *    ("In LONDON"), not a lone weekday or month;
 *  - without a date, a parenthesis naming a known agency or a reporter
 *    is needed, or else PLACE must be ALL CAPS (3 letters or more, not a
 *    heading word) and a dash must follow: "LONDON —", "NEW YORK (CNNMoney)
 *    --", but not "OK - fine" or "Paris (France) - ...";
 *  - without a separator, a parenthesis is needed, and a capital, digit or
 *    quote must start the story ("... (Reporter Zhang Su) The ...");
 *  - ":" separates only after a date or parenthesis ("(PTI): The").
 */
static bool
parse_latin(const char *s, size_t n, size_t i0, gv_dateline *dl)
{
    segment seg[SEGMENTS_MAX];
    paren agency_paren = {0, 0, 0}, reporter_paren = {0, 0, 0};
    int nseg = 0, place_seg = 0;
    bool have_date = false, agency_known = false;
    size_t i = i0, j, k, body;

    for (;;) {
        enum date_found r = date_at(s, n, i, &dl->date, &j);
        if (r == DATE_BAD)
            return false;
        if (r == DATE_OK) {
            have_date = true;
            i = j;
            break;
        }
        if (nseg == SEGMENTS_MAX || !segment_at(s, n, i, &seg[nseg]))
            return false;
        j = skip_blanks(s, n, seg[nseg].end);
        i = seg[nseg++].end;
        if (j < n && s[j] == ',') {
            i = skip_blanks(s, n, j + 1);
            continue;
        }
        /* "RICHMOND, Va. Feb 26": a date without a comma before it */
        r = date_at(s, n, j, &dl->date, &k);
        if (r == DATE_BAD)
            return false;
        if (r == DATE_OK) {
            have_date = true;
            i = k;
        }
        break;
    }
    if (nseg == 0 || i - i0 > HEAD_MAX)
        return false;

    /* "(Reuters)", "(Reporter Zhang Su)": at most one of each. */
    for (;;) {
        paren p;
        j = skip_blanks(s, n, i);
        if (!open_paren_len(s, n, j))
            break;
        if (!paren_at(s, n, j, &p))
            return false;
        if ((k = keyword_at(s, p.end, p.start, "reporters")) ||
            (k = keyword_at(s, p.end, p.start, "reporter")) ||
            (k = keyword_at(s, p.end, p.start, "by")) ||
            (k = keyword_at(s, p.end, p.start, "记者"))) {
            if (reporter_paren.after || !names_people(s, p.start + k, p.end))
                return false;
            reporter_paren = p;
            reporter_paren.start += k;
        } else {
            segment g;
            if (agency_paren.after ||
                (!in_list(agencies, s + p.start, p.end - p.start) &&
                 !(segment_at(s, p.end, p.start, &g) && g.end == p.end)))
                return false;
            agency_paren = p;
            agency_known = names_agency(s, p.start, p.end);
        }
        i = p.after;
    }
    bool have_paren = agency_paren.after || reporter_paren.after;

    j = skip_blanks(s, n, i);
    size_t sep = separator_len(s, n, j, have_date || have_paren);
    if (sep) {
        body = skip_space(s, n, j + sep);
    } else {
        body = skip_space(s, n, i);
        if (!have_paren || !starts_sentence(s, n, body))
            return false;
    }

    /* Which name is which. */
    bool lead_agency = nseg >= 2 && names_agency(s, seg[0].start, seg[0].end);
    if (lead_agency && nseg == 2 && seg[1].names == 1 &&
        s[seg[1].last.end - 1] == '.')
        lead_agency = false; /* "NEWPORT NEWS, Va." */
    if (lead_agency && segment_all_caps(&seg[0]) &&
        !in_list(agencies, s + seg[0].start, seg[0].end - seg[0].start))
        lead_agency = false;
    if (nseg == 3 && !lead_agency)
        return false;
    if (lead_agency) {
        if (!have_date && !have_paren)
            return false;
        place_seg = 1;
    }
    const segment *place = &seg[place_seg];
    if (!segment_is_place(place, s))
        return false;
    if (nseg - place_seg == 2 && seg[nseg - 1].names > 3)
        return false; /* a region is short: "Calif.", "Netherlands" */
    /* Without a date, "(Reuters)" or a reporter says "dateline"; else an
     * ALL-CAPS place does, with a dash: "NEW YORK (CNNMoney) --",
     * "LONDON —", but not "Paris (France) - ..." or "OK - fine". */
    if (!have_date && !(agency_known || reporter_paren.after)) {
        if (!segment_all_caps(place) || place->longest < 3 ||
            segment_has_heading_word(place, s) || !sep)
            return false;
    }

    copy_part(dl->place, s, place->start, seg[nseg - 1].end);
    if (lead_agency)
        copy_part(dl->agency, s, seg[0].start, seg[0].end);
    else if (agency_paren.after)
        copy_part(dl->agency, s, agency_paren.start, agency_paren.end);
    if (reporter_paren.after)
        copy_part(dl->reporter, s, reporter_paren.start, reporter_paren.end);
    dl->len = body;
    return true;
}

/* ---- Chinese-style datelines ---- */

/* ASCII or full-width digits, 1..@p max of them: the value, or -1. */
static int
han_number_at(const char *s, size_t n, size_t *i, int max)
{
    int v = 0, digits = 0;

    while (digits < max) {
        if (*i < n && is_digit(s[*i])) {
            v = v * 10 + (s[(*i)++] - '0');
        } else if (*i + 3 <= n && memcmp(s + *i, "\xef\xbc", 2) == 0 &&
                   (unsigned char)s[*i + 2] >= 0x90 &&
                   (unsigned char)s[*i + 2] <= 0x99) {
            v = v * 10 + ((unsigned char)s[*i + 2] - 0x90);
            *i += 3;
        } else {
            break;
        }
        digits++;
    }
    return digits ? v : -1;
}

static bool
literal_at(const char *s, size_t n, size_t *i, const char *lit)
{
    size_t m = strlen(lit);

    if (n - *i < m || memcmp(s + *i, lit, m) != 0)
        return false;
    *i += m;
    return true;
}

/* Agencies that open Chinese datelines; longer names first. */
static const char *const han_agencies[] = {
    "中国新闻社", "中国新闻网", "中国日报网", "澎湃新闻", "央视新闻", "新华社",
    "中新社",     "中新网",     "人民网",     "新华网",   "央视网",   "光明网",
    "环球网",     "本报",       "本网",       NULL};

/* After "电"/"讯" these make a word ("日电力", "电话"), not a dispatch. */
static const char *const han_not_dispatch[] = {
    "力", "话", "视", "影", "脑", "子", "网", "站", "器", "费", "梯",
    "商", "气", "线", "台", "邮", "源", "池", "动", "厂", "价", "量",
    "路", "缆", "报", "压", "流", "信", "竞", "息", "号", "车", NULL};

/*
 * [AGENCY] PLACE [YYYY年] M月D日电 [（记者 NAME）], as in
 * "新华社北京1月11日电（记者张素）". AGENCY is a known one or ends in
 * 社/网/报; PLACE is 2..6 Han characters. "电" (or "讯") must be the
 * dispatch, not the start of a word ("电力").
 */
static bool
parse_han(const char *s, size_t n, size_t i0, gv_dateline *dl)
{
    size_t i = i0, split, k, chars = 0, after_agency = 0;
    uint32_t c;
    int y = 0, m, d;

    while (chars < HAN_PREFIX && (k = char_at(s, n, i, &c)) && is_han(c)) {
        i += k;
        chars++;
        /* The first 社, 网 or 报 after one character ends an agency. */
        if (!after_agency && chars >= 2 &&
            (c == 0x793e || c == 0x7f51 || c == 0x62a5))
            after_agency = i;
    }
    size_t prefix_end = i;
    for (const char *const *a = han_agencies; *a; a++) {
        size_t len = strlen(*a);
        if (prefix_end - i0 >= len && memcmp(s + i0, *a, len) == 0) {
            after_agency = i0 + len;
            break;
        }
    }
    if (after_agency == prefix_end)
        return false; /* an agency and no place */
    split = after_agency ? after_agency : i0;

    /* The place: 2..HAN_PLACE characters ("北京", "乌鲁木齐"); one alone
     * is more likely a word of a sentence than a city. */
    chars = 0;
    for (size_t p = split; p < prefix_end; p += char_at(s, n, p, &c))
        chars++;
    if (chars < 2 || chars > HAN_PLACE)
        return false;

    if ((m = han_number_at(s, n, &i, 4)) < 0)
        return false;
    if (literal_at(s, n, &i, "年")) {
        if (m < 1000)
            return false;
        y = m;
        if ((m = han_number_at(s, n, &i, 2)) < 0)
            return false;
    }
    if (!literal_at(s, n, &i, "月") || (d = han_number_at(s, n, &i, 2)) < 0 ||
        !literal_at(s, n, &i, "日") ||
        !(literal_at(s, n, &i, "电") || literal_at(s, n, &i, "讯")))
        return false;
    k = char_at(s, n, i, &c);
    if (k && in_list(han_not_dispatch, s + i, k))
        return false;
    if (!gv_date_is_valid(y ? y : 2000, m, d))
        return false;

    /* "（记者张素）", "(记者 张素)": the rest of the paren is the reporter. */
    size_t body = skip_space(s, n, i);
    paren p;
    k = skip_blanks(s, n, i);
    if (open_paren_len(s, n, k) && paren_at(s, n, k, &p)) {
        size_t r = 0;
        if (!(r = keyword_at(s, p.end, p.start, "本报记者")) &&
            !(r = keyword_at(s, p.end, p.start, "记者")))
            r = keyword_at(s, p.end, p.start, "通讯员");
        if (r && p.start + r < p.end) {
            copy_part(dl->reporter, s, p.start + r, p.end);
            body = skip_space(s, n, p.after);
        }
    }
    if (split > i0)
        copy_part(dl->agency, s, i0, split);
    copy_part(dl->place, s, split, prefix_end);
    dl->date.year = y, dl->date.month = m, dl->date.day = d;
    dl->len = body;
    return true;
}

bool
gv_dateline_parse(const char *text, size_t len, gv_dateline *out)
{
    gv_dateline dl;
    size_t i = skip_space(text, len, 0);
    uint32_t c;

    memset(&dl, 0, sizeof(dl));
    if (!char_at(text, len, i, &c))
        return false;
    if (is_han(c) ? !parse_han(text, len, i, &dl)
                  : !parse_latin(text, len, i, &dl))
        return false;
    *out = dl;
    return true;
}

/* ---- dates in paths ---- */

static bool
year_ok(int y)
{
    return y >= 1900 && y <= 2099;
}

/*
 * At a run of exactly four digits at p[i] (a year): "YYYY-MM-DD" with one
 * separator of "-_./" used twice, then a non-digit; else a folder "YYYY/"
 * or "YYYY-MM/" for the year alone.
 */
static bool
path_date_at_year(const char *p, size_t n, size_t i, gv_date *d)
{
    size_t j = i + 4, k;
    int y = 0, m, day;

    for (k = i; k < j; k++)
        y = y * 10 + (p[k] - '0');
    if (!year_ok(y))
        return false;
    if (j < n && strchr("-_./", p[j])) {
        char sep = p[j];
        k = number_at(p, n, j + 1, 2, &m);
        if (k > j + 1 && k < n && p[k] == sep) {
            size_t e = number_at(p, n, k + 1, 2, &day);
            if (e > k + 1 && gv_date_is_valid(y, m, day)) {
                *d = (gv_date){y, m, day};
                return true;
            }
        }
    }
    /* A folder of its own: "2021/", "2021-01/". */
    if (i > 0 && p[i - 1] != '/')
        return false;
    if (j < n && (p[j] == '-' || p[j] == '_')) {
        k = number_at(p, n, j + 1, 2, &m);
        if (k != j + 3 || m < 1 || m > 12)
            return false;
        j = k;
    }
    if (j >= n || p[j] != '/')
        return false;
    *d = (gv_date){y, 0, 0};
    return true;
}

bool
gv_date_from_path(const char *path, gv_date *out)
{
    size_t n = strlen(path), i = 0;
    bool found = false;
    gv_date best = {0, 0, 0}, d;

    while (i < n) {
        size_t run = 0;
        if (!is_digit(path[i])) {
            i++;
            continue;
        }
        while (i + run < n && is_digit(path[i + run]))
            run++;
        if (run == 8) {
            int y = 0, m = 0, day = 0;
            for (size_t k = 0; k < 4; k++)
                y = y * 10 + (path[i + k] - '0');
            m = (path[i + 4] - '0') * 10 + (path[i + 5] - '0');
            day = (path[i + 6] - '0') * 10 + (path[i + 7] - '0');
            if (year_ok(y) && gv_date_is_valid(y, m, day)) {
                best = (gv_date){y, m, day};
                found = true;
            }
        } else if (run == 4 && path_date_at_year(path, n, i, &d)) {
            best = d;
            found = true;
        }
        i += run;
    }
    if (found)
        *out = best;
    return found;
}
