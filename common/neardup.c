/* Near-duplicate fingerprints (see neardup.h).
 *
 * Each word is hashed (FNV-1a over its lower-cased code points); each
 * shingle of GV_NEARDUP_SHINGLE words is hashed from its words and mixed
 * (MurmurHash3's finaliser) into a 64-bit g; hash function i maps g to
 * the high 32 bits of a_i * g + b_i (multiply-shift, a_i odd), which costs
 * one multiply per function and shingle, so fingerprinting is a small
 * part of indexing. The a_i, b_i come from a fixed seed: signatures made
 * by every run and every machine compare. */
#include "neardup.h"

#include <string.h>

#include "utf8.h"

#define SIG_VERSION 1
#define SEED        0x6761766c6e656172u /* any fixed value */
#define FNV_OFFSET  0xcbf29ce484222325u
#define FNV_PRIME   0x100000001b3u

static uint64_t
fmix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return h;
}

static uint64_t
splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* Characters that are a word each: Chinese and Japanese are written
 * without spaces, so a shingle of them is a run of characters. */
static bool
is_cjk(uint32_t c)
{
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
           (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
           (c >= 0x20000 && c <= 0x2ffff);
}

/* Letters and digits, roughly: ASCII letters and digits, and any other
 * character outside the punctuation and symbol blocks. */
static bool
is_word_char(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
               (c >= 'A' && c <= 'Z');
    if (c < 0xc0 || c == 0xd7 || c == 0xf7)
        return false; /* Latin-1 punctuation and signs */
    if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) ||
        (c >= 0xfe00 && c <= 0xfe6f) || (c >= 0xff00 && c <= 0xff0f) ||
        (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
        (c >= 0xff5b && c <= 0xff65) || (c >= 0xe000 && c <= 0xf8ff) ||
        c == 0xfffd || c >= 0x1f000)
        return c >= 0x20000 && c <= 0x2ffff; /* CJK extensions are words */
    return true;
}

static uint32_t
fold_case(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
        return c + 0x20;
    return c;
}

/* The state of one signature being made. */
typedef struct signer {
    gv_neardup_sig *sig;
    uint64_t a[GV_NEARDUP_HASHES], b[GV_NEARDUP_HASHES];
    uint64_t words[GV_NEARDUP_SHINGLE]; /* the last words' hashes, a ring */
    size_t nwords;
} signer;

static void
add_word(signer *s, uint64_t word)
{
    uint64_t g = 0;

    s->words[s->nwords % GV_NEARDUP_SHINGLE] = word;
    s->nwords++;
    if (s->nwords < GV_NEARDUP_SHINGLE)
        return;
    for (size_t j = s->nwords - GV_NEARDUP_SHINGLE; j < s->nwords; j++)
        g = (g + s->words[j % GV_NEARDUP_SHINGLE]) * FNV_PRIME;
    g = fmix64(g);
    for (int i = 0; i < GV_NEARDUP_HASHES; i++) {
        uint32_t v = (uint32_t)((g * s->a[i] + s->b[i]) >> 32);
        if (v < s->sig->min[i])
            s->sig->min[i] = v;
    }
    s->sig->shingles++;
}

/* About how many different shingles the text has: the minimum of n
 * random values in [0, 1) is 1 / (n + 1) on average, so the mean of the
 * minima tells n (the MinHash cardinality estimate, within some 15%). */
static double
distinct_shingles(const gv_neardup_sig *sig)
{
    double sum = 0;

    for (int i = 0; i < GV_NEARDUP_HASHES; i++)
        sum += sig->min[i] / 4294967296.0;
    return sum > 0 ? GV_NEARDUP_HASHES / sum - 1 : 0;
}

bool
gv_neardup_sign(const char *text, size_t len, gv_neardup_sig *out)
{
    signer s;
    uint64_t state = SEED, word = FNV_OFFSET;
    bool in_word = false;

    memset(&s, 0, sizeof(s));
    s.sig = out;
    memset(out, 0, sizeof(*out));
    memset(out->min, 0xff, sizeof(out->min));
    for (int i = 0; i < GV_NEARDUP_HASHES; i++) {
        s.a[i] = splitmix64(&state) | 1;
        s.b[i] = splitmix64(&state);
    }
    for (size_t i = 0; i < len;) {
        uint32_t c = 0;
        size_t n = gv_utf8_decode(text + i, len - i, &c);
        bool is_word = n && is_word_char(c);

        i += n ? n : 1;
        if ((!is_word || is_cjk(c)) && in_word) {
            add_word(&s, word);
            in_word = false;
            word = FNV_OFFSET;
        }
        if (!is_word)
            continue;
        word = (word ^ fold_case(c)) * FNV_PRIME;
        in_word = true;
        if (is_cjk(c)) {
            add_word(&s, word);
            in_word = false;
            word = FNV_OFFSET;
        }
    }
    if (in_word)
        add_word(&s, word);
    return out->shingles >= GV_NEARDUP_MIN_SHINGLES &&
           distinct_shingles(out) >= GV_NEARDUP_MIN_DISTINCT;
}

uint64_t
gv_neardup_band_key(const gv_neardup_sig *sig, unsigned band)
{
    uint64_t h = fmix64(SEED ^ band);

    for (unsigned r = 0; r < GV_NEARDUP_ROWS; r++)
        h = fmix64(h ^ sig->min[band * GV_NEARDUP_ROWS + r]);
    return h;
}

double
gv_neardup_similarity(const gv_neardup_sig *a, const gv_neardup_sig *b)
{
    unsigned same = 0;

    for (int i = 0; i < GV_NEARDUP_HASHES; i++)
        same += a->min[i] == b->min[i];
    return (double)same / GV_NEARDUP_HASHES;
}

bool
gv_neardup_is_copy(const gv_neardup_sig *a, const gv_neardup_sig *b,
                   double *similarity_out)
{
    double sim = gv_neardup_similarity(a, b);
    bool is_short = a->shingles < GV_NEARDUP_SHORT_SHINGLES ||
                    b->shingles < GV_NEARDUP_SHORT_SHINGLES;

    if (similarity_out)
        *similarity_out = sim;
    return sim >=
           (is_short ? GV_NEARDUP_SHORT_THRESHOLD : GV_NEARDUP_THRESHOLD);
}

static void
put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static uint32_t
get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           (uint32_t)p[3];
}

void
gv_neardup_encode(const gv_neardup_sig *sig,
                  unsigned char out[GV_NEARDUP_SIG_BYTES])
{
    out[0] = SIG_VERSION;
    put_u32(out + 1,
            sig->shingles > UINT32_MAX ? UINT32_MAX : (uint32_t)sig->shingles);
    for (int i = 0; i < GV_NEARDUP_HASHES; i++)
        put_u32(out + 5 + 4 * i, sig->min[i]);
}

bool
gv_neardup_decode(const char *data, size_t len, gv_neardup_sig *out)
{
    const unsigned char *p = (const unsigned char *)data;

    memset(out, 0, sizeof(*out));
    if (len != GV_NEARDUP_SIG_BYTES || p[0] != SIG_VERSION)
        return false;
    out->shingles = get_u32(p + 1);
    for (int i = 0; i < GV_NEARDUP_HASHES; i++)
        out->min[i] = get_u32(p + 5 + 4 * i);
    return true;
}
