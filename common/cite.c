/* Citations in text and queries (see cite.h), for the indexer and the
 * query parser. A hand-written scanner over bytes: at each word start it
 * tries the few shapes a citation can have, and takes one only when every
 * part is there, because a wrong key in the index is worse than none. */
#include "cite.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "gv.h"

#define WS_MAX       16 /* bytes of space between two parts of a mention */
#define NAME_WORDS   12 /* words looked at for a statute's name */
#define EXTEND_WORDS 4  /* content words after "on"/"of" in a name */
#define EXTEND_LOWER 2  /* the same when the name is not capitalised */
#define ITEM_BYTES   16 /* one section or article number, "2000e-2" */
#define QUERY_MAX    256

typedef struct scan {
    const char *s;
    size_t n;
    bool relaxed; /* a query: any case, "of the" optional */
} scan;

/* The keys of one mention, before they are reported. */
typedef struct mention {
    size_t count;
    char key[GV_CITE_MAX_KEYS][GV_CITE_KEY_BYTES];
} mention;

/* Numbers of a list: "§§ 1983, 1985", "Articles 12 and 13". */
typedef struct numlist {
    size_t count;
    char item[GV_CITE_MAX_KEYS][ITEM_BYTES];
} numlist;

/* A printed abbreviation (letters and digits only) and its key part. */
typedef struct form {
    const char *pat;
    const char *key;
} form;

/* ---- characters ---- */

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool
is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool
is_alpha(char c)
{
    return is_upper(c) || (c >= 'a' && c <= 'z');
}

static bool
is_alnum(char c)
{
    return is_alpha(c) || is_digit(c);
}

static char
lower(char c)
{
    return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* Space between parts: also line breaks (wrapped text) and no-break space. */
static size_t
ws_len(const scan *sc, size_t i)
{
    const char *s = sc->s;

    if (i >= sc->n)
        return 0;
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
        return 1;
    if (i + 1 < sc->n && (unsigned char)s[i] == 0xc2 &&
        (unsigned char)s[i + 1] == 0xa0)
        return 2;
    return 0;
}

static size_t
skip_ws(const scan *sc, size_t i)
{
    size_t start = i, k;

    while (i - start < WS_MAX && (k = ws_len(sc, i)))
        i += k;
    return i;
}

/* Can a citation start at @p i? Not inside a word or a number: "1,410 U.S.",
 * "$42", "2/410" and "x42" are parts of something else. */
static bool
is_lead(const char *s, size_t i)
{
    unsigned char p;

    if (i == 0)
        return true;
    p = (unsigned char)s[i - 1];
    if (is_alnum((char)p))
        return false;
    if (is_digit(s[i]) && p && strchr(".,$/-+#%'", p))
        return false;
    if (p >= 0x80) /* after a no-break space or a dash or quote only */
        return p == 0xa0 || (i >= 3 && (unsigned char)s[i - 2] == 0x80 &&
                             (unsigned char)s[i - 3] == 0xe2);
    return true;
}

/* ---- words and numbers ---- */

/* The word @p w (lowercase) at @p i, any case, not followed by a letter.
 * Returns its end or 0. */
static size_t
word_is(const scan *sc, size_t i, const char *w)
{
    size_t k = strlen(w);

    if (i + k > sc->n || strncasecmp(sc->s + i, w, k) != 0)
        return 0;
    if (i + k < sc->n && is_alpha(sc->s[i + k]))
        return 0;
    return i + k;
}

/* 1..@p max_digits digits at @p i, not glued to a letter or digit after
 * them. The value goes to *val. Returns the end or 0. */
static size_t
num_at(const scan *sc, size_t i, int max_digits, unsigned *val)
{
    size_t j = i;
    unsigned v = 0;

    while (j < sc->n && is_digit(sc->s[j]) && (int)(j - i) < max_digits)
        v = v * 10 + (unsigned)(sc->s[j++] - '0');
    if (j == i || (j < sc->n && is_alnum(sc->s[j])))
        return 0;
    *val = v;
    return j;
}

/* A four-digit year a law report could carry. */
static size_t
year_at(const scan *sc, size_t i, unsigned *year)
{
    size_t e = num_at(sc, i, 4, year);

    return e == i + 4 && *year >= 1800 && *year <= 2099 ? e : 0;
}

/*
 * Does the text at @p i spell @p pat, with an optional "." or "'" after
 * each character and, after a ".", spaces: "U.S.C.", "S. C. C.",
 * "F. Supp. 2d", "App'x"? Case must match except in a query, where spaces
 * may come anywhere. The match must end a word, after an optional final
 * "." -- unless @p glued is set ("Suppl.SCC"). Returns the end or 0.
 */
static size_t
abbrev_at(const scan *sc, size_t i, const char *pat, bool glued)
{
    const char *s = sc->s;
    size_t n = sc->n;

    for (const char *p = pat; *p; p++) {
        if (p != pat) {
            bool dot = i < n && s[i] == '.';
            if (i < n && (s[i] == '.' || s[i] == '\''))
                i++;
            if (dot || sc->relaxed)
                i = skip_ws(sc, i);
        }
        if (i >= n || (sc->relaxed ? lower(s[i]) != lower(*p) : s[i] != *p))
            return 0;
        i++;
    }
    if (i < n && s[i] == '.') {
        i++;
        if (glued)
            return i;
    }
    return i < n && is_alnum(s[i]) ? 0 : i;
}

/* The first form of @p forms spelled at @p i; its end goes to *end. */
static const form *
form_at(const scan *sc, size_t i, const form *forms, size_t *end)
{
    for (const form *f = forms; f->pat; f++)
        if ((*end = abbrev_at(sc, i, f->pat, false)))
            return f;
    return NULL;
}

/* Subsections after a number, dropped from the key: "(a)(2)", "(1) (iv)".
 * Not a year in brackets: "(2000)" is no subsection. */
static size_t
skip_subsections(const scan *sc, size_t i)
{
    for (;;) {
        size_t j = i, k;
        while (j < sc->n && (sc->s[j] == ' ' || sc->s[j] == '\t'))
            j++;
        if (j >= sc->n || sc->s[j] != '(')
            return i;
        for (k = j + 1; k < sc->n && is_alnum(sc->s[k]) && k - j <= 5; k++)
            ;
        if (k == j + 1 || k >= sc->n || sc->s[k] != ')' || k - j > 5 ||
            (k - j == 5 && is_digit(sc->s[j + 1])))
            return i;
        i = k + 1;
    }
}

/* A section or article number, lowercased into @p out: "1983", "1396a",
 * "2000e-2", "133-1". Returns the end, after any subsections, or 0. */
static size_t
item_at(const scan *sc, size_t i, char out[ITEM_BYTES])
{
    const char *s = sc->s;
    size_t j = i, k = 0;
    int digits = 0, letters = 0;

    while (j < sc->n && is_digit(s[j]) && digits < 6)
        out[k++] = s[j++], digits++;
    if (!digits)
        return 0;
    while (j < sc->n && is_alpha(s[j]) && letters < 3)
        out[k++] = lower(s[j++]), letters++;
    if (j + 1 < sc->n && s[j] == '-' && is_digit(s[j + 1])) {
        out[k++] = s[j++];
        for (digits = 0; j < sc->n && is_digit(s[j]) && digits < 4; digits++)
            out[k++] = s[j++];
        for (letters = 0; j < sc->n && is_alpha(s[j]) && letters < 2; letters++)
            out[k++] = lower(s[j++]);
    }
    out[k] = '\0';
    if (j < sc->n && is_alnum(s[j]))
        return 0;
    return skip_subsections(sc, j);
}

/* What may follow a number of a list: prose ("1985 with it"), "and",
 * "of", ...; a capitalised word means the number belongs to what comes
 * next ("§ 1983, 42 U.S.C."). */
static bool
ends_item(const scan *sc, size_t i)
{
    return i >= sc->n || !is_upper(sc->s[i]) || word_is(sc, i, "and") ||
           word_is(sc, i, "or") || word_is(sc, i, "of") ||
           word_is(sc, i, "note") || word_is(sc, i, "et") ||
           word_is(sc, i, "paragraph") || word_is(sc, i, "title");
}

/* "1983", "1983, 1985", "12 and 13", "14, 19 and 21": returns the end of
 * the last number taken, or 0. */
static size_t
list_at(const scan *sc, size_t i, numlist *out)
{
    size_t end = item_at(sc, i, out->item[0]);

    out->count = end ? 1 : 0;
    while (end && out->count < GV_CITE_MAX_KEYS) {
        size_t j = skip_ws(sc, end), k, e;
        if (j < sc->n && (sc->s[j] == ',' || sc->s[j] == '&')) {
            j = skip_ws(sc, j + 1);
            if ((k = word_is(sc, j, "and")))
                j = skip_ws(sc, k);
        } else if ((k = word_is(sc, j, "and")) || (k = word_is(sc, j, "or"))) {
            j = skip_ws(sc, k);
        } else {
            break;
        }
        e = item_at(sc, j, out->item[out->count]);
        if (!e || !ends_item(sc, skip_ws(sc, e)))
            break;
        out->count++;
        end = e;
    }
    return end;
}

/* ---- keys ---- */

static bool
add_key(mention *m, const char *fmt, ...) GV_PRINTF(2, 3);

static bool
add_key(mention *m, const char *fmt, ...)
{
    va_list ap;
    int k;

    if (m->count == GV_CITE_MAX_KEYS)
        return false;
    va_start(ap, fmt);
    k = vsnprintf(m->key[m->count], GV_CITE_KEY_BYTES, fmt, ap);
    va_end(ap);
    if (k < 0 || k >= GV_CITE_KEY_BYTES)
        return false;
    m->count++;
    return true;
}

/* One key per number of @p list, "prefix:N:name"; false if one is too
 * long, when the mention is dropped. */
static bool
add_list(mention *m, const char *prefix, const numlist *list, const char *name)
{
    for (size_t k = 0; k < list->count; k++)
        if (!add_key(m, "%s:%s:%s", prefix, list->item[k], name))
            return false;
    return true;
}

/* ---- US Code and US reporters: "42 U.S.C. § 1983", "410 U.S. 113" ---- */

static const form usc_forms[] = {
    {"USC", "usc"}, {"USCA", "usc"}, {"USCode", "usc"}, {NULL, NULL}};

static const form us_reporters[] = {{"US", "us"},
                                    {"F", "f"},
                                    {"F2d", "f2d"},
                                    {"F3d", "f3d"},
                                    {"F4th", "f4th"},
                                    {"FSupp", "fsupp"},
                                    {"FSupp2d", "fsupp2d"},
                                    {"FSupp3d", "fsupp3d"},
                                    {"FAppx", "fappx"},
                                    {"SCt", "sct"},
                                    {"LEd", "led"},
                                    {"LEd2d", "led2d"},
                                    {NULL, NULL}};

/* "§", "§§", "sec.", "section(s)" before a section number: all optional. */
static size_t
skip_section_mark(const scan *sc, size_t i)
{
    size_t k;

    while (i + 1 < sc->n && (unsigned char)sc->s[i] == 0xc2 &&
           (unsigned char)sc->s[i + 1] == 0xa7)
        i += 2;
    if ((k = word_is(sc, i, "sections")) || (k = word_is(sc, i, "section")))
        i = k;
    else if ((k = word_is(sc, i, "sec")) && k < sc->n && sc->s[k] == '.')
        i = k + 1;
    return skip_ws(sc, i);
}

/* "note" and "et seq." after a section: part of the mention, not the key. */
static size_t
skip_usc_tail(const scan *sc, size_t end)
{
    size_t j = skip_ws(sc, end), k;

    if ((k = word_is(sc, j, "note")))
        return k;
    if ((k = word_is(sc, j, "et"))) {
        size_t q = skip_ws(sc, k);
        if ((k = word_is(sc, q, "seq")))
            return k < sc->n && sc->s[k] == '.' ? k + 1 : k;
    }
    return end;
}

static size_t
usc_at(const scan *sc, size_t i, mention *m)
{
    unsigned title;
    size_t j = num_at(sc, i, 2, &title), end;
    numlist list;

    if (!j || !title || !form_at(sc, skip_ws(sc, j), usc_forms, &j))
        return 0;
    end = list_at(sc, skip_section_mark(sc, skip_ws(sc, j)), &list);
    if (!end)
        return 0;
    for (size_t k = 0; k < list.count; k++)
        if (!add_key(m, "usc:%u:%s", title, list.item[k]))
            return 0;
    return skip_usc_tail(sc, end);
}

/* Volume, reporter, first page. Volumes have at most three digits, which
 * keeps years out ("In 2019 U.S. 113 ..."). */
static size_t
us_reporter_at(const scan *sc, size_t i, mention *m)
{
    unsigned vol, page;
    size_t j = num_at(sc, i, 3, &vol), k, e;

    if (!j || !vol)
        return 0;
    j = skip_ws(sc, j);
    for (const form *f = us_reporters; f->pat; f++) {
        if (!(k = abbrev_at(sc, j, f->pat, false)))
            continue;
        e = num_at(sc, skip_ws(sc, k), 5, &page);
        if (e && page && add_key(m, "%s:%u:%u", f->key, vol, page))
            return e;
    }
    return 0;
}

/* ---- Indian reports: AIR, SCC, SCR, SCALE, JT, INSC ---- */

static const form in_reporters[] = {{"SCC", "scc"},
                                    {"SCR", "scr"},
                                    {"SCALE", "scale"},
                                    {"JT", "jt"},
                                    {NULL, NULL}};

/* AIR's short names of courts, with the long names papers also print. */
static const form air_courts[] = {
    {"SC", "sc"},         {"PC", "pc"},        {"All", "all"},
    {"Allahabad", "all"}, {"Mad", "mad"},      {"Madras", "mad"},
    {"Cal", "cal"},       {"Calcutta", "cal"}, {"Bom", "bom"},
    {"Bombay", "bom"},    {"Pat", "pat"},      {"Patna", "pat"},
    {"Punj", "punj"},     {"Punjab", "punj"},  {"Ker", "ker"},
    {"Kerala", "ker"},    {"Del", "del"},      {"Delhi", "del"},
    {"Guj", "guj"},       {"Gujarat", "guj"},  {"Ori", "ori"},
    {"Orissa", "ori"},    {"Raj", "raj"},      {"Rajasthan", "raj"},
    {"Nag", "nag"},       {"Nagpur", "nag"},   {"Lah", "lah"},
    {"Lahore", "lah"},    {"Oudh", "oudh"},    {"Assam", "assam"},
    {"Gau", "gau"},       {"Gauhati", "gau"},  {"MP", "mp"},
    {"AP", "ap"},         {"Kant", "kant"},    {"Karnataka", "kant"},
    {"Mys", "mys"},       {"Mysore", "mys"},   {"Hyd", "hyd"},
    {"Hyderabad", "hyd"}, {"HP", "hp"},        {"Sind", "sind"},
    {"Rang", "rang"},     {"Rangoon", "rang"}, {"Pesh", "pesh"},
    {"Peshawar", "pesh"}, {"Bihar", "pat"},    {NULL, NULL}};

/* "Supp", "Supp.", "Suppl.", "Supl.", "(Supp.)": a supplement volume. */
static size_t
supp_at(const scan *sc, size_t i)
{
    static const char *const pats[] = {"Suppl", "Supp", "Supl", NULL};
    size_t k;

    if (i < sc->n && sc->s[i] == '(') {
        k = supp_at(sc, i + 1);
        return k && k < sc->n && sc->s[k] == ')' ? k + 1 : 0;
    }
    for (const char *const *p = pats; *p; p++)
        if ((k = abbrev_at(sc, i, *p, true)))
            return k;
    return 0;
}

/* A volume: "6" or "(6)", up to two digits; after the reporter only in
 * brackets, as a bare number there is the page ("S.C.R. 89"). */
static size_t
vol_at(const scan *sc, size_t i, bool paren_only, unsigned *vol)
{
    unsigned v = 0;
    size_t k;

    if (i < sc->n && sc->s[i] == '(') {
        k = num_at(sc, i + 1, 2, &v);
        k = k && k < sc->n && sc->s[k] == ')' ? k + 1 : 0;
    } else {
        k = paren_only ? 0 : num_at(sc, i, 2, &v);
    }
    if (!k || !v)
        return 0;
    *vol = v;
    return k;
}

/* Supplement mark and volume, in either order, each optional. */
static size_t
supp_vol_at(const scan *sc, size_t i, bool paren_only, bool *supp,
            unsigned *vol)
{
    size_t k;

    if (!*supp && (k = supp_at(sc, i))) {
        *supp = true;
        i = skip_ws(sc, k);
    }
    if (!*vol && (k = vol_at(sc, i, paren_only, vol)))
        i = skip_ws(sc, k);
    if (!*supp && (k = supp_at(sc, i))) {
        *supp = true;
        i = skip_ws(sc, k);
    }
    return i;
}

/* What follows the year of an Indian citation: "6 SCC 315", "(6) SCC 315",
 * "SCC (6) 315", "Supp 2 SCC 315", "SCR Supl. (2) 1", "INSC 551", and
 * after a bare year also "AIR 463" (the Supreme Court's own header form). */
static size_t
in_after_year(const scan *sc, size_t i, unsigned year, bool bare, mention *m)
{
    const form *rep;
    unsigned vol = 0, page;
    bool supp = false;
    size_t j = skip_ws(sc, i), k, e;

    if ((k = abbrev_at(sc, j, "INSC", false))) {
        e = num_at(sc, skip_ws(sc, k), 5, &page);
        return e && page && add_key(m, "insc:%u:%u", year, page) ? e : 0;
    }
    if (bare && (k = abbrev_at(sc, j, "AIR", false))) {
        e = num_at(sc, skip_ws(sc, k), 5, &page);
        return e && page && add_key(m, "air:%u:sc:%u", year, page) ? e : 0;
    }
    j = supp_vol_at(sc, j, false, &supp, &vol);
    if (!(rep = form_at(sc, j, in_reporters, &k)))
        return 0;
    j = supp_vol_at(sc, skip_ws(sc, k), true, &supp, &vol);
    if (j < sc->n && sc->s[j] == '[') /* "SCC (6) [315 JT 1995]" */
        j++;
    if (!(e = num_at(sc, j, 5, &page)) || !page)
        return 0;
    if (supp && vol)
        k = add_key(m, "%s:%u:supp%u:%u", rep->key, year, vol, page);
    else if (supp)
        k = add_key(m, "%s:%u:supp:%u", rep->key, year, page);
    else if (vol)
        k = add_key(m, "%s:%u:%u:%u", rep->key, year, vol, page);
    else
        k = add_key(m, "%s:%u:%u", rep->key, year, page);
    return k ? e : 0;
}

/* "AIR 1996 SC 463", "A.I.R. 1958 Madras 12". */
static size_t
air_at(const scan *sc, size_t i, mention *m)
{
    unsigned year, page;
    size_t j = abbrev_at(sc, i, "AIR", false), e;
    const form *court;

    if (!j || !(j = year_at(sc, skip_ws(sc, j), &year)))
        return 0;
    if (!(court = form_at(sc, skip_ws(sc, j), air_courts, &j)))
        return 0;
    e = num_at(sc, skip_ws(sc, j), 5, &page);
    return e && page && add_key(m, "air:%u:%s:%u", year, court->key, page) ? e
                                                                           : 0;
}

/* ---- neutral citations: "[2020] UKSC 5", "[2018] EWHC 456 (Admin)" ---- */

static const form neutral_courts[] = {
    {"UKSC", "uksc"}, {"UKHL", "ukhl"},   {"UKPC", "ukpc"},
    {"UKUT", "ukut"}, {"UKFTT", "ukftt"}, {"UKEAT", "ukeat"},
    {"EWHC", "ewhc"}, {"EWCOP", "ewcop"}, {"EWFC", "ewfc"},
    {"CSIH", "csih"}, {"CSOH", "csoh"},   {"HCJAC", "hcjac"},
    {"NICA", "nica"}, {"USSC", "ussc"},   {"HCA", "hca"},
    {NULL, NULL}};

/* "(Admin)", "(QB)", "(Ch)": a division of the High Court or a chamber of
 * a tribunal, lowercased into @p out. Returns the end or 0. */
static size_t
division_at(const scan *sc, size_t i, char out[8])
{
    size_t j = skip_ws(sc, i), k = 0;

    if (j >= sc->n || sc->s[j] != '(')
        return 0;
    for (j++; j < sc->n && is_alpha(sc->s[j]) && k < 7; j++)
        out[k++] = lower(sc->s[j]);
    out[k] = '\0';
    return k >= 2 && j < sc->n && sc->s[j] == ')' ? j + 1 : 0;
}

static size_t
neutral_after_year(const scan *sc, size_t i, unsigned year, mention *m)
{
    char court[16], div[8];
    unsigned num;
    size_t j = skip_ws(sc, i), k, e, d;
    const form *f = form_at(sc, j, neutral_courts, &k);

    if (f) {
        snprintf(court, sizeof(court), "%s", f->key);
    } else if ((k = abbrev_at(sc, j, "EWCA", false))) {
        j = skip_ws(sc, k);
        if ((k = abbrev_at(sc, j, "Civ", false)))
            snprintf(court, sizeof(court), "ewcaciv");
        else if ((k = abbrev_at(sc, j, "Crim", false)))
            snprintf(court, sizeof(court), "ewcacrim");
        else
            return 0;
    } else {
        return 0;
    }
    if (!(e = num_at(sc, skip_ws(sc, k), 5, &num)) || !num)
        return 0;
    if ((!strcmp(court, "ewhc") || !strcmp(court, "ukut") ||
         !strcmp(court, "ukftt")) &&
        (d = division_at(sc, e, div)))
        return add_key(m, "%s:%u:%u:%s", court, year, num, div) ? d : 0;
    return add_key(m, "%s:%u:%u", court, year, num) ? e : 0;
}

/* "(1995) 6 SCC 315", "[1962] 2 SCR 1", "[2020] UKSC 5". */
static size_t
bracket_at(const scan *sc, size_t i, mention *m)
{
    char close = sc->s[i] == '(' ? ')' : ']';
    unsigned year;
    size_t j = year_at(sc, i + 1, &year), e;

    if (!j || j >= sc->n || sc->s[j] != close)
        return 0;
    if ((e = in_after_year(sc, j + 1, year, false, m)))
        return e;
    return close == ']' ? neutral_after_year(sc, j + 1, year, m) : 0;
}

/* A mention that opens with a number: US Code, US reporters, and the
 * Indian and (in a query) neutral forms after a bare year. */
static size_t
number_at(const scan *sc, size_t i, mention *m)
{
    unsigned year;
    size_t j = year_at(sc, i, &year), e;

    if (j) {
        if ((e = in_after_year(sc, j, year, true, m)))
            return e;
        return sc->relaxed ? neutral_after_year(sc, j, year, m) : 0;
    }
    if ((e = usc_at(sc, i, m)))
        return e;
    return us_reporter_at(sc, i, m);
}

/* ---- statutes by name: "Article 12 of the Criminal Law" ---- */

/* The last word of a statute's name. */
static const char *const heads[] = {
    "law",       "code",       "constitution", "act",        "convention",
    "treaty",    "charter",    "regulations",  "regulation", "rules",
    "measures",  "provisions", "ordinance",    "covenant",   "statute",
    "directive", NULL};

/* Countries a name may end with, dropped from the key, so "the Criminal
 * Law of the People's Republic of China" is "the Criminal Law". */
static const char *const countries[] = {"china", "india", "prc", NULL};

typedef struct word {
    size_t start, end;
} word;

static bool
in_list(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncasecmp(*list, s, n) == 0)
            return true;
    return false;
}

/* A word: letters joined inside by "-", "'" or "’" ("People's"). */
static size_t
word_end(const scan *sc, size_t i)
{
    const char *s = sc->s;
    size_t j = i;

    while (j < sc->n && is_alpha(s[j])) {
        j++;
        if (j + 1 < sc->n && (s[j] == '-' || s[j] == '\'') &&
            is_alpha(s[j + 1]))
            j++;
        else if (j + 3 < sc->n && (unsigned char)s[j] == 0xe2 &&
                 (unsigned char)s[j + 1] == 0x80 &&
                 (unsigned char)s[j + 2] == 0x99 && is_alpha(s[j + 3]))
            j += 3;
    }
    return j;
}

static bool
word_in(const scan *sc, const word *w, const char *const *list)
{
    return in_list(list, sc->s + w->start, w->end - w->start);
}

/* Does @p w spell @p text, any case, apostrophes left out of both? */
static bool
word_eq(const scan *sc, const word *w, const char *text)
{
    size_t j = w->start;

    for (;; text++) {
        while (j < w->end &&
               (sc->s[j] == '\'' || (unsigned char)sc->s[j] >= 0x80))
            j++; /* "'" or the three bytes of "’" */
        while (*text == '\'')
            text++;
        if (j == w->end || !*text)
            return j == w->end && !*text;
        if (lower(sc->s[j++]) != *text)
            return false;
    }
}

/* Capitalised, or any word in a query. */
static bool
word_cap(const scan *sc, const word *w)
{
    return sc->relaxed || is_upper(sc->s[w->start]);
}

/* Words joining the parts of a name: "Law on ...", "Code of ...". */
static bool
word_join(const scan *sc, const word *w)
{
    static const char *const joins[] = {"of", "on", "for", "and", "the", NULL};

    return word_in(sc, w, joins);
}

/* Up to NAME_WORDS words from @p i, separated by spaces only: punctuation
 * ends a name. A word that opens the next mention ends it too. */
static size_t
collect_words(const scan *sc, size_t i, word *w)
{
    static const char *const stops[] = {"article",  "articles",  "section",
                                        "sections", "paragraph", NULL};
    size_t nw = 0;

    while (nw < NAME_WORDS) {
        size_t e = word_end(sc, i), k;
        if (e == i)
            break;
        w[nw] = (word){i, e};
        if (word_in(sc, &w[nw], stops))
            break;
        nw++;
        for (k = e; k < sc->n && (sc->s[k] == ' ' || sc->s[k] == '\t'); k++)
            ;
        if (k == e || k - e > 2)
            break;
        i = k;
    }
    return nw;
}

/* Words @p from.. that end a name with a country: "of the People's
 * Republic of China", "of China", "of the PRC", "of India". Returns how
 * many, or 0. */
static size_t
country_words(const scan *sc, const word *w, size_t from, size_t nw)
{
    size_t k = from;

    if (k >= nw || !word_eq(sc, &w[k], "of"))
        return 0;
    if (++k < nw && word_eq(sc, &w[k], "the"))
        k++;
    if (k + 3 < nw && word_eq(sc, &w[k], "people's") &&
        word_eq(sc, &w[k + 1], "republic") && word_eq(sc, &w[k + 2], "of"))
        k += 3;
    return k < nw && word_in(sc, &w[k], countries) && word_cap(sc, &w[k])
               ? k + 1 - from
               : 0;
}

/* After the head: "on Human Rights", "of Criminal Procedure". Content
 * words keep the head's case (the Guardian prints "European convention on
 * human rights"); "and", "of", "for" and, after a capital, "the" may join
 * them. Returns the index of the last word taken, or @p h for none. */
static size_t
extension(const scan *sc, const word *w, size_t h, size_t nw)
{
    bool cap = is_upper(sc->s[w[h].start]) || sc->relaxed;
    size_t last = h, content = 0;

    if (h + 2 >= nw ||
        !(word_eq(sc, &w[h + 1], "on") || word_eq(sc, &w[h + 1], "of")))
        return h;
    for (size_t k = h + 2;
         k < nw && content < (cap ? EXTEND_WORDS : EXTEND_LOWER); k++) {
        if (word_join(sc, &w[k])) {
            if (word_eq(sc, &w[k], "on") ||
                (!cap &&
                 (word_eq(sc, &w[k], "the") || word_eq(sc, &w[k], "and"))))
                break;
            continue;
        }
        if (cap && !is_upper(sc->s[w[k].start]) && !sc->relaxed)
            break;
        if (word_in(sc, &w[k], countries))
            break;
        last = k;
        content++;
    }
    return last;
}

/* Append the words w[a..b] to @p out as "criminal-procedure-law". */
static bool
name_key(const scan *sc, const word *w, size_t a, size_t b, char *out,
         size_t cap)
{
    size_t k = 0;

    for (size_t x = a; x <= b; x++) {
        if (x > a && k < cap)
            out[k++] = '-';
        for (size_t j = w[x].start; j < w[x].end; j++) {
            unsigned char c = (unsigned char)sc->s[j];
            if (c == '\'' || c >= 0x80) /* the apostrophes */
                continue;
            if (k < cap)
                out[k++] = lower((char)c);
        }
    }
    if (k >= cap)
        return false;
    out[k] = '\0';
    return true;
}

/*
 * A statute's name at @p i: capitalised words (and joining words) up to
 * the first head word ("Criminal Procedure Law", "Indian Penal Code"), then
 * maybe "on ..."/"of ..." ("European Convention on Human Rights", "Code of
 * Criminal Procedure"), then maybe a country, dropped. One word alone is
 * too vague ("the Act", "the Law"), except "the Constitution". Writes the
 * key part to @p out; returns the end or 0.
 */
static size_t
name_at(const scan *sc, size_t i, char *out, size_t cap)
{
    word w[NAME_WORDS];
    size_t nw = collect_words(sc, i, w), h, last, key_end, c;

    if (!nw || !word_cap(sc, &w[0]) || word_join(sc, &w[0]))
        return 0;
    for (h = 0; h < nw; h++) {
        if (word_in(sc, &w[h], heads))
            break;
        if (!word_cap(sc, &w[h]) && !word_join(sc, &w[h]))
            return 0;
    }
    if (h == nw)
        return 0;
    /* "Criminal Law Amendment Act": a later head in the same capitalised
     * run ends the name; a joining word ("Law and ...") stops the run. */
    for (size_t k = h + 1;
         k < nw && is_upper(sc->s[w[k].start]) && !word_join(sc, &w[k]); k++)
        if (word_in(sc, &w[k], heads))
            h = k;
    if ((c = country_words(sc, w, h + 1, nw))) {
        key_end = h;
        last = h + c;
    } else {
        key_end = last = extension(sc, w, h, nw);
    }
    if (key_end == 0 && !word_eq(sc, &w[0], "constitution"))
        return 0;
    if (!name_key(sc, w, 0, key_end, out, cap))
        return 0;
    return w[last].end;
}

/* "of the", "of China's", and in a query nothing at all. */
static size_t
skip_of_the(const scan *sc, size_t i, bool *ok)
{
    size_t k;

    *ok = sc->relaxed;
    if ((k = word_is(sc, i, "of"))) {
        *ok = true;
        i = skip_ws(sc, k);
    }
    if (*ok && (k = word_is(sc, i, "the")))
        i = skip_ws(sc, k);
    else if (*ok && (k = word_end(sc, i)) == i + 7 &&
             strncmp(sc->s + i, "China's", 7) == 0)
        i = skip_ws(sc, k);
    return i;
}

/* ", paragraph 1" or "paragraph 1" after an article: skipped. */
static size_t
skip_paragraph(const scan *sc, size_t end)
{
    size_t j = skip_ws(sc, end), k;
    char item[ITEM_BYTES];

    if (j < sc->n && sc->s[j] == ',')
        j = skip_ws(sc, j + 1);
    if (!(k = word_is(sc, j, "paragraph")) && !(k = word_is(sc, j, "clause")))
        return end;
    k = item_at(sc, skip_ws(sc, k), item);
    return k ? k : end;
}

/* "Article 12 of the Criminal Law", "Section 302 of the Indian Penal Code",
 * and "section 1983 of title 42 (of the United States Code)". */
static size_t
statute_at(const scan *sc, size_t i, mention *m)
{
    static const char *const usc_names[] = {"United States Code", "U.S. Code",
                                            "US Code", NULL};
    char name[GV_CITE_KEY_BYTES];
    const char *prefix;
    numlist list;
    unsigned title;
    bool of;
    size_t j, k, e;

    if ((k = word_is(sc, i, "articles")) || (k = word_is(sc, i, "article")))
        prefix = "art";
    else if ((k = word_is(sc, i, "sections")) ||
             (k = word_is(sc, i, "section")))
        prefix = "sec";
    else if ((k = word_is(sc, i, "art")) && k < sc->n && sc->s[k] == '.')
        prefix = "art", k++;
    else
        return 0;
    if (!(e = list_at(sc, skip_ws(sc, k), &list)))
        return 0;
    e = skip_paragraph(sc, e);
    j = skip_of_the(sc, skip_ws(sc, e), &of);
    if (!of)
        return 0;
    if (prefix[0] == 's' && (k = word_is(sc, j, "title")) &&
        (e = num_at(sc, skip_ws(sc, k), 2, &title)) && title) {
        for (size_t x = 0; x < list.count; x++)
            if (!add_key(m, "usc:%u:%s", title, list.item[x]))
                return 0;
        j = skip_of_the(sc, skip_ws(sc, e), &of);
        for (const char *const *u = usc_names; of && *u; u++)
            if (sc->n - j >= strlen(*u) &&
                !strncasecmp(sc->s + j, *u, strlen(*u)))
                return j + strlen(*u);
        return e;
    }
    if (!(e = name_at(sc, j, name, sizeof(name))))
        return 0;
    return add_list(m, prefix, &list, name) ? e : 0;
}

/* ---- the scanner ---- */

static size_t
mention_at(const scan *sc, size_t i, mention *m)
{
    char c = sc->s[i];
    size_t e = 0;

    m->count = 0;
    if (is_digit(c))
        e = number_at(sc, i, m);
    else if (c == '(' || c == '[')
        e = bracket_at(sc, i, m);
    else if (c == 'A' || c == 'a' || c == 'S' || c == 's') {
        if (c == 'A' || sc->relaxed)
            e = air_at(sc, i, m);
        if (!e)
            e = statute_at(sc, i, m);
    }
    if (!e)
        m->count = 0; /* a form that failed late may have left keys */
    return e;
}

size_t
gv_cite_scan(const char *text, size_t len, gv_cite_fn fn, void *ctx)
{
    const scan sc = {text, len, false};
    mention m;
    size_t found = 0, i = 0, end;

    while (i < len) {
        if (!is_lead(text, i) || !(end = mention_at(&sc, i, &m))) {
            i++;
            continue;
        }
        for (size_t k = 0; k < m.count; k++) {
            gv_cite c = {i, end - i, {0}};
            memcpy(c.key, m.key[k], sizeof(c.key));
            found++;
            if (!fn(&c, ctx))
                return found;
        }
        i = end;
    }
    return found;
}

/* A key typed as such ("usc:42:1983"): known prefix, key characters. */
static bool
is_key(const char *q, size_t n)
{
    static const char *const prefixes[] = {
        "usc",      "us",      "f",     "f2d",   "f3d",  "f4th",  "fsupp",
        "fsupp2d",  "fsupp3d", "fappx", "sct",   "led",  "led2d", "air",
        "scc",      "scr",     "scale", "jt",    "insc", "uksc",  "ukhl",
        "ukpc",     "ukut",    "ukftt", "ukeat", "ewhc", "ewcop", "ewfc",
        "csih",     "csoh",    "hcjac", "nica",  "ussc", "hca",   "ewcaciv",
        "ewcacrim", "art",     "sec",   NULL};
    const char *colon = memchr(q, ':', n);

    if (!colon || n >= GV_CITE_KEY_BYTES ||
        !in_list(prefixes, q, (size_t)(colon - q)))
        return false;
    for (size_t k = 0; k < n; k++)
        if (!(is_digit(q[k]) || (q[k] >= 'a' && q[k] <= 'z') || q[k] == ':' ||
              q[k] == '-'))
            return false;
    return colon + 1 < q + n && q[n - 1] != ':';
}

bool
gv_cite_normalize(const char *query, size_t len, char *key, size_t cap)
{
    scan sc = {query, len, true};
    mention m;
    size_t start, end;

    if (cap)
        key[0] = '\0';
    start = skip_ws(&sc, 0);
    while (len > start && (query[len - 1] == ' ' || query[len - 1] == '\t' ||
                           query[len - 1] == '\n' || query[len - 1] == '\r'))
        len--;
    if (len - start > QUERY_MAX)
        return false;
    if (is_key(query + start, len - start)) {
        if (len - start >= cap)
            return false;
        memcpy(key, query + start, len - start);
        key[len - start] = '\0';
        return true;
    }
    sc.s = query + start;
    sc.n = len - start;
    if (!sc.n || !(end = mention_at(&sc, 0, &m)) || end != sc.n ||
        m.count != 1 || strlen(m.key[0]) >= cap)
        return false;
    memcpy(key, m.key[0], strlen(m.key[0]) + 1);
    return true;
}
