/* Legal citations in running text and in queries: each one written mention
 * becomes one or more short normalised keys, so that the index holds one
 * term per cited law or case however the article spelled it. Pure: no I/O,
 * no allocation. */
#ifndef GV_CITE_H
#define GV_CITE_H

#include <stdbool.h>
#include <stddef.h>

#define GV_CITE_KEY_BYTES 96 /* room for one key, with NUL: fits a term */
#define GV_CITE_MAX_KEYS  8  /* keys one mention can give ("§§ 1, 2, 3") */

/*
 * Keys: lowercase ASCII, no spaces, fields joined by ':'. A field the
 * mention does not have is left out, never blank. Subsections ("(a)(2)",
 * "Article 12(1)") and pin pages are dropped, so a key names the whole
 * section, article or case.
 *
 *   usc:42:1983          42 U.S.C. § 1983, 42 USC 1983, 42 U.S. Code § 1983,
 *                        section 1983 of title 42 (of the United States Code)
 *   us:410:113           410 U.S. 113 (also f, f2d, f3d, f4th, fsupp,
 *                        fsupp2d, fsupp3d, fappx, sct, led, led2d)
 *   air:1996:sc:463      AIR 1996 SC 463, A.I.R. 1996 S.C. 463, 1996 AIR 463;
 *                        high courts by their AIR short name: air:1958:mad:12
 *   scc:1995:6:315       (1995) 6 SCC 315, [1995] 6 SCC 315, 1995 (6) SCC 315,
 *                        1995 SCC (6) 315; a supplement volume is supp2 (or
 *                        supp without a number); no volume: scc:1950:869
 *   scr:1962:2:1 scale:1995:5:690 jt:1995:7:225      the same shapes
 *   insc:1995:551        [1995] INSC 551
 *   uksc:2020:5          [2020] UKSC 5; also ukhl, ukpc, ukut, ukftt, ewcaciv,
 *                        ewcacrim, ewhc, ewcop, ewfc, csih, csoh, hcjac,
 *                        nica, ussc, hca; a division in brackets after the
 *                        number is a last field: ewhc:2018:456:admin
 *   art:12:criminal-law  Article 12 of the Criminal Law (of the People's
 *                        Republic of China); the name's words lowercased,
 *                        joined by '-', apostrophes dropped
 *   sec:302:indian-penal-code   Section 302 of the Indian Penal Code
 */

/* One key found in a text. Several keys from one mention share its span. */
typedef struct gv_cite {
    size_t start, len; /* bytes of the text the mention takes */
    char key[GV_CITE_KEY_BYTES];
} gv_cite;

/* Called for each key found; return false to stop the scan. */
typedef bool (*gv_cite_fn)(const gv_cite *cite, void *ctx);

/**
 * Find every citation in the @p len bytes of UTF-8 @p text and call @p fn
 * with each key, in text order, @p ctx passed through. Mentions do not
 * overlap. Case matters the way it does in print ("42 USC 1983" is one,
 * "42 usc 1983" is not), which keeps look-alikes out: "42 U.S. soldiers",
 * "[2020] was a hard year", "AIR 2020", "section 5 of the report".
 * Returns the number of keys passed to @p fn.
 *
 *   static bool add(const gv_cite *c, void *ctx) { ...; return true; }
 *   gv_cite_scan(body, body_len, add, &terms);
 */
size_t
gv_cite_scan(const char *text, size_t len, gv_cite_fn fn, void *ctx);

/**
 * The key for what a user typed after "cite:" (@p len bytes of @p query):
 * any form gv_cite_scan() knows, with case ignored and "of the" optional
 * ("42 usc 1983", "article 12 criminal law"), or a key itself. The whole
 * query must be one citation that gives one key. Returns true and writes
 * the key to @p key (@p cap bytes, GV_CITE_KEY_BYTES is always enough);
 * false, with @p key set to "" when cap allows, for anything else.
 */
bool
gv_cite_normalize(const char *query, size_t len, char *key, size_t cap);

#endif
