/* Unit tests of common/gz.h: reading plain and gzip files, the read caps
 * (a bomb must stop at max_text_bytes), the errors for bad input, and
 * in-memory zlib streams (bounded by the length the caller expects). */
#include "gz.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define MIB (1024u * 1024u)

static char fixtures[2048];
static char tmpdir[2048];

static const char *
fixture(const char *rel)
{
    static char path[4096];

    snprintf(path, sizeof(path), "%s/%s", fixtures, rel);
    return path;
}

/* A new temp file holding @p n bytes at @p data; its name goes into
 * @p path (room for 4096) and ends in @p suffix, e.g. ".gz", because the
 * reader decides by the name whether to decompress. */
static int
make_temp(char *path, const char *suffix, const void *data, size_t n)
{
    char base[4096];
    FILE *f;

    snprintf(base, sizeof(base), "%s/test_gz_XXXXXX", tmpdir);
    int fd = mkstemp(base);
    if (fd < 0)
        return 0;
    if (*suffix) {
        /* mkstemp made the name unique; the suffixed name is taken with
         * an exclusive create, then the placeholder goes. */
        close(fd);
        snprintf(path, 4096, "%s%s", base, suffix);
        f = fopen(path, "wbx");
        remove(base);
    } else {
        snprintf(path, 4096, "%s", base);
        f = fdopen(fd, "wb");
        if (!f)
            close(fd);
    }
    if (!f)
        return 0;
    size_t w = n ? fwrite(data, 1, n, f) : 0;
    return (fclose(f) == 0) & (w == n);
}

/* Compress @p n bytes with gzip(1) into a new temp .gz file. */
static int
make_temp_gz(char *path, const void *data, size_t n)
{
    char plain[4096], cmd[9000];
    int ok;

    if (!make_temp(plain, ".txt", data, n))
        return 0;
    ok = snprintf(path, 4096, "%s.gz", plain) < 4096;
    snprintf(cmd, sizeof(cmd), "gzip -nc '%s' > '%s'", plain, path);
    ok = ok && system(cmd) == 0;
    remove(plain);
    return ok;
}

/* What gzip -dc makes of @p path, appended to @p out. */
static int
gunzip_to(const char *path, gv_buf *out)
{
    char cmd[4200], chunk[4096];
    gv_err err = GV_ERR_INIT;
    size_t n;
    int ok = 1;

    snprintf(cmd, sizeof(cmd), "gzip -dc '%s'", path);
    FILE *p = popen(cmd, "r");
    if (!p)
        return 0;
    while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
        ok &= gv_buf_append(out, chunk, n, &err) == GV_OK;
    return (pclose(p) == 0) & ok;
}

/* Read @p path with caps @p text and @p raw into a fresh *out. */
static gv_status
read_capped(const char *path, size_t text, size_t raw, gv_buf *out,
            gv_read_info *info, gv_err *err)
{
    gv_read_limits lim = {raw, text};

    gv_buf_release(out);
    gv_err_clear(err);
    return gv_gz_read_file(path, &lim, out, info, err);
}

static void
test_plain(void)
{
    char path[4096];
    gv_buf out = GV_BUF_INIT;
    gv_read_info info = {true, true};
    gv_err err = GV_ERR_INIT;
    const char text[] = "Title: A plain file\n\nSome body text.\n";

    CHECK(make_temp(path, ".txt", text, sizeof(text) - 1));
    /* NULL limits means the defaults; info is reset by the call. */
    CHECK(gv_gz_read_file(path, NULL, &out, &info, &err) == GV_OK);
    CHECK_STR(out.data, text);
    CHECK(out.len == sizeof(text) - 1);
    CHECK(!info.was_gzip && !info.hit_cap);

    /* The read appends to what the buffer already holds. */
    gv_buf_release(&out);
    CHECK(gv_buf_puts(&out, ">>", &err) == GV_OK);
    CHECK(gv_gz_read_file(path, NULL, &out, &info, &err) == GV_OK);
    CHECK(out.len == 2 + sizeof(text) - 1);
    CHECK(strncmp(out.data, ">>Title: A plain file", 21) == 0);
    remove(path);

    /* An empty file is not an error here; the caller decides. */
    CHECK(make_temp(path, ".txt", "", 0));
    CHECK(read_capped(path, 100, 100, &out, &info, &err) == GV_OK);
    CHECK(out.len == 0 && !info.hit_cap);
    remove(path);

    /* Damaged UTF-8 is read as it is: repair is another module's job. */
    CHECK(gv_gz_read_file(fixture("bad/invalid-utf8.txt"), NULL, &out, &info,
                          &err) == GV_OK);
    CHECK(strstr(out.data, "vexillology") != NULL);
    gv_buf_release(&out);
}

static void
test_gzip_fixtures(void)
{
    static const char *const gz[] = {
        "articles/kenya/kenya-judge-bribery.txt.gz",
        "articles/us/us-federal-judge-recusal-pipeline.txt.gz",
        "articles/germany/germany-emissions-software-fine.txt.gz",
        "articles/australia/australia-council-tender-corruption-inquiry.txt.gz",
    };
    gv_buf out = GV_BUF_INIT, want = GV_BUF_INIT;
    gv_read_info info;
    gv_err err = GV_ERR_INIT;

    for (size_t i = 0; i < sizeof(gz) / sizeof(gz[0]); i++) {
        const char *path = fixture(gz[i]);
        gv_buf_release(&out);
        gv_buf_release(&want);
        CHECK(gv_gz_read_file(path, NULL, &out, &info, &err) == GV_OK);
        CHECK(info.was_gzip && !info.hit_cap);
        CHECK(gunzip_to(path, &want));
        CHECK(out.len == want.len && want.len > 0 &&
              memcmp(out.data, want.data, want.len) == 0);
        if (i == 0) {
            CHECK(strstr(out.data, "Amara Okafor") != NULL);
            CHECK(strncmp(out.data, "Title: Kenyan High Court", 24) == 0);
        }
    }
    CHECK(err.code == GV_OK);
    gv_buf_release(&out);
    gv_buf_release(&want);
}

static void
test_bad_files(void)
{
    gv_buf out = GV_BUF_INIT;
    gv_read_info info;
    gv_err err = GV_ERR_INIT;
    char path[4096];

    CHECK(gv_gz_read_file(fixture("bad/truncated.txt.gz"), NULL, &out, &info,
                          &err) == GV_EBADDOC);
    CHECK(err.code == GV_EBADDOC && strstr(err.msg, "truncated") != NULL);

    CHECK(read_capped(fixture("bad/not-gzip.txt.gz"), MIB, MIB, &out, &info,
                      &err) == GV_EBADDOC);
    CHECK(strstr(err.msg, "not in gzip format") != NULL);

    CHECK(read_capped(fixture("bad/binary.txt"), MIB, MIB, &out, &info, &err) ==
          GV_EBADDOC);
    CHECK(strstr(err.msg, "binary") != NULL);

    /* Messages name the problem, not the file: the caller names it. */
    CHECK(strstr(err.msg, "binary.txt") == NULL);

    /* A missing file is an I/O error carrying strerror's text. */
    snprintf(path, sizeof(path), "%s/no-such-file.txt", tmpdir);
    CHECK(read_capped(path, MIB, MIB, &out, &info, &err) == GV_EIO);
    CHECK(err.code == GV_EIO && strstr(err.msg, strerror(ENOENT)) != NULL);
    snprintf(path, sizeof(path), "%s/no-such-file.txt.gz", tmpdir);
    CHECK(read_capped(path, MIB, MIB, &out, &info, &err) == GV_EIO);

    /* A directory opens but cannot be read. */
    CHECK(read_capped(tmpdir, MIB, MIB, &out, &info, &err) == GV_EIO);

    /* An empty .gz file has no gzip stream in it. */
    CHECK(make_temp(path, ".gz", "", 0));
    CHECK(read_capped(path, MIB, MIB, &out, &info, &err) == GV_EBADDOC);
    remove(path);

    /* A gzip header followed by a deflate block of reserved type 3. */
    static const unsigned char corrupt[] = {
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    CHECK(make_temp(path, ".gz", corrupt, sizeof(corrupt)));
    CHECK(read_capped(path, MIB, MIB, &out, &info, &err) == GV_EBADDOC);
    CHECK(strstr(err.msg, "corrupt") != NULL);
    remove(path);

    /* A NUL in the first block is binary; gzip does not hide it. */
    CHECK(make_temp_gz(path, "text\0more text", 14));
    CHECK(read_capped(path, MIB, MIB, &out, &info, &err) == GV_EBADDOC);
    CHECK(strstr(err.msg, "binary") != NULL);
    remove(path);

    /* A NUL far past the first block does not make a text file binary. */
    char *late = malloc(100000);
    CHECK(late != NULL);
    if (late) {
        memset(late, 'x', 100000);
        late[90000] = '\0';
        CHECK(make_temp(path, ".txt", late, 100000));
        CHECK(read_capped(path, MIB, MIB, &out, &info, &err) == GV_OK);
        CHECK(out.len == 100000);
        remove(path);
        free(late);
    }
    gv_buf_release(&out);
}

static void
test_bomb(void)
{
    gv_buf out = GV_BUF_INIT;
    gv_read_info info;
    gv_err err = GV_ERR_INIT;
    const char *bomb = fixture("bad/bomb.txt.gz");

    /* 80 MB of text behind 194 KB: stop at the text cap, keep the start. */
    CHECK(read_capped(bomb, MIB, 200 * 1024, &out, &info, &err) == GV_OK);
    CHECK(info.hit_cap && info.was_gzip);
    CHECK(out.len == MIB);
    CHECK(strncmp(out.data, "aaaa aaaa aaaa aaaa\naaaa", 24) == 0);
    CHECK(out.data[out.len] == '\0');

    /* A cap that is not a multiple of zlib's chunk size is exact too. */
    CHECK(read_capped(bomb, 100001, 200 * 1024, &out, &info, &err) == GV_OK);
    CHECK(info.hit_cap && out.len == 100001);

    /* The raw cap stops it as well: only 4 KB of the file is read, so
     * the text is far less than the text cap. */
    CHECK(read_capped(bomb, 64 * MIB, 4096, &out, &info, &err) == GV_OK);
    CHECK(info.hit_cap && out.len > 0 && out.len < 64 * MIB);
    gv_buf_release(&out);
}

/* @p n bytes of printable text, for files of an exact size. */
static char *
text_of(size_t n)
{
    char *s = malloc(n + 1);

    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++)
        s[i] = i % 64 == 63 ? '\n' : (char)('a' + i % 26);
    s[n] = '\0';
    return s;
}

static void
test_caps_exact(void)
{
    /* Sizes around the cap, including zlib's 64 KB chunk boundary. */
    static const size_t caps[] = {4096, 65536, 131072};
    gv_buf out = GV_BUF_INIT;
    gv_read_info info;
    gv_err err = GV_ERR_INIT;
    char path[4096];

    for (size_t c = 0; c < sizeof(caps) / sizeof(caps[0]); c++) {
        size_t cap = caps[c];
        char *s = text_of(cap + 1);
        CHECK(s != NULL);
        if (!s)
            continue;

        /* Plain file exactly at the text cap: all of it, no cap hit. */
        CHECK(make_temp(path, ".txt", s, cap));
        CHECK(read_capped(path, cap, MIB, &out, &info, &err) == GV_OK);
        CHECK(!info.hit_cap && out.len == cap);
        CHECK(memcmp(out.data, s, cap) == 0);
        /* ... and exactly at the raw cap. */
        CHECK(read_capped(path, MIB, cap, &out, &info, &err) == GV_OK);
        CHECK(!info.hit_cap && out.len == cap);
        remove(path);

        /* One byte more: cut at the cap, and the cut is reported. */
        CHECK(make_temp(path, ".txt", s, cap + 1));
        CHECK(read_capped(path, cap, MIB, &out, &info, &err) == GV_OK);
        CHECK(info.hit_cap && out.len == cap);
        CHECK(memcmp(out.data, s, cap) == 0);
        CHECK(read_capped(path, MIB, cap, &out, &info, &err) == GV_OK);
        CHECK(info.hit_cap && out.len == cap);
        remove(path);

        /* The same for gzip content against the text cap. */
        CHECK(make_temp_gz(path, s, cap));
        CHECK(read_capped(path, cap, MIB, &out, &info, &err) == GV_OK);
        CHECK(!info.hit_cap && info.was_gzip && out.len == cap);
        CHECK(memcmp(out.data, s, cap) == 0);
        remove(path);
        CHECK(make_temp_gz(path, s, cap + 1));
        CHECK(read_capped(path, cap, MIB, &out, &info, &err) == GV_OK);
        CHECK(info.hit_cap && out.len == cap);
        remove(path);
        free(s);
    }

    /* A plain file well over the cap. */
    char *big = text_of(300000);
    CHECK(big != NULL);
    if (big) {
        CHECK(make_temp(path, ".txt", big, 300000));
        CHECK(read_capped(path, 100000, MIB, &out, &info, &err) == GV_OK);
        CHECK(info.hit_cap && !info.was_gzip && out.len == 100000);
        remove(path);
        free(big);
    }
    gv_buf_release(&out);
}

static void
test_concatenated_members(void)
{
    char a[4096], b[4096], cmd[9000];
    gv_buf out = GV_BUF_INIT;
    gv_read_info info;
    gv_err err = GV_ERR_INIT;

    /* gzip(1) decompresses "cat a.gz b.gz" to both texts; so must we. */
    CHECK(make_temp_gz(a, "first part\n", 11));
    CHECK(make_temp_gz(b, "second part\n", 12));
    snprintf(cmd, sizeof(cmd), "cat '%s' >> '%s'", b, a);
    CHECK(system(cmd) == 0);
    CHECK(read_capped(a, MIB, MIB, &out, &info, &err) == GV_OK);
    CHECK_STR(out.data, "first part\nsecond part\n");
    remove(a);
    remove(b);
    gv_buf_release(&out);
}

/* Every line of @p path under @p lim, joined as "line|line|", with the
 * numbers of cut lines in @p cut ("3,"), into @p out. */
static gv_status
read_lines(const char *path, const gv_line_limits *lim, gv_buf *out, char *cut,
           size_t cut_size, gv_err *err)
{
    gv_line_reader *r = NULL;
    gv_buf line = GV_BUF_INIT;
    gv_line_info info;
    gv_status st = gv_lines_open(path, lim, &r, err);

    gv_buf_reset(out);
    cut[0] = '\0';
    while (st == GV_OK) {
        st = gv_lines_next(r, &line, &info, err);
        if (st != GV_OK || info.eof)
            break;
        if (info.cut)
            snprintf(cut + strlen(cut), cut_size - strlen(cut), "%lu,",
                     info.lineno);
        st = gv_buf_append(out, line.data, line.len, err);
        if (st == GV_OK)
            st = gv_buf_putc(out, '|', err);
    }
    gv_lines_close(r);
    gv_buf_release(&line);
    return st;
}

static void
test_lines(void)
{
    const gv_line_limits lim = {MIB, MIB, 8};
    gv_buf out = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    char path[4096], cut[64];

    /* Empty lines count; a last line without '\n' is a line. */
    CHECK(make_temp(path, ".jsonl", "one\n\nthree\nfour", 15));
    CHECK(read_lines(path, &lim, &out, cut, sizeof(cut), &err) == GV_OK);
    CHECK_STR(out.data, "one||three|four|");
    CHECK_STR(cut, "");
    remove(path);

    /* A line over the cap keeps its start; the next line is whole. */
    CHECK(make_temp(path, ".jsonl", "short\nabcdefghijklmnop\nnext\n", 28));
    CHECK(read_lines(path, &lim, &out, cut, sizeof(cut), &err) == GV_OK);
    CHECK_STR(out.data, "short|abcdefgh|next|");
    CHECK_STR(cut, "2,");
    remove(path);

    /* The same through gzip, with lines across zlib's chunks. */
    char *big = text_of(200000);
    CHECK(big != NULL);
    if (big) {
        gv_line_limits wide = {MIB, MIB, 64};
        CHECK(make_temp_gz(path, big, 200000));
        CHECK(read_lines(path, &wide, &out, cut, sizeof(cut), &err) == GV_OK);
        /* text_of() ends a line every 64 bytes, the last one too. */
        CHECK(out.len == 200000);
        CHECK(strncmp(out.data, big, 63) == 0 && out.data[63] == '|');
        CHECK_STR(cut, "");
        remove(path);
        free(big);
    }

    /* A file with no lines at all ends at once. */
    CHECK(make_temp(path, ".jsonl", "", 0));
    CHECK(read_lines(path, &lim, &out, cut, sizeof(cut), &err) == GV_OK);
    CHECK(out.len == 0);
    remove(path);

    /* Bad gzip and binary files are errors, as for whole files. */
    CHECK(read_lines(fixture("bad/truncated.txt.gz"), &lim, &out, cut,
                     sizeof(cut), &err) == GV_EBADDOC);
    CHECK(read_lines(fixture("bad/not-gzip.txt.gz"), &lim, &out, cut,
                     sizeof(cut), &err) == GV_EBADDOC);
    CHECK(read_lines(fixture("bad/binary.txt"), &lim, &out, cut, sizeof(cut),
                     &err) == GV_EBADDOC);

    /* A bomb of one endless line costs one line of memory and stops at
     * the content cap. */
    gv_line_reader *r = NULL;
    gv_line_info info;
    const gv_line_limits bomb_lim = {64 * MIB, 3 * MIB, 1024};
    CHECK(gv_lines_open(fixture("bad/bomb.txt.gz"), &bomb_lim, &r, &err) ==
          GV_OK);
    unsigned long lines = 0;
    while (r && gv_lines_next(r, &out, &info, &err) == GV_OK && !info.eof)
        lines++;
    CHECK(info.eof && info.hit_cap);
    CHECK(lines > 0 && lines <= 3 * MIB / 20 + 1);
    gv_lines_close(r);
    gv_buf_release(&out);
}

static void
test_names(void)
{
    CHECK(gv_gz_is_gzip_name("a.gz"));
    CHECK(gv_gz_is_gzip_name("/archive/kenya-judge-bribery.txt.gz"));
    CHECK(!gv_gz_is_gzip_name("a.txt"));
    CHECK(!gv_gz_is_gzip_name("a.gz.txt"));
    CHECK(!gv_gz_is_gzip_name("a.tgz"));
    CHECK(!gv_gz_is_gzip_name("a.GZ"));
    CHECK(!gv_gz_is_gzip_name("gz"));
    CHECK(!gv_gz_is_gzip_name(""));
    /* A file named just ".gz" is a hidden file, not "" compressed. */
    CHECK(!gv_gz_is_gzip_name(".gz"));

    const char *v = gv_gz_zlib_version();
    CHECK(v != NULL && v[0] >= '1' && v[0] <= '9');
}

/* Only regular files are read: a FIFO (the walk saw a file, then it was
 * replaced) must not make the open wait for a writer, nor a device such
 * as /dev/zero be read forever. */
static void
test_not_regular(void)
{
    char path[4200];
    gv_buf out = GV_BUF_INIT;
    gv_read_info info;
    gv_err err = GV_ERR_INIT;
    gv_line_reader *r = NULL;
    const gv_line_limits lim = {1024, 1024, 1024};

    snprintf(path, sizeof(path), "%s/test_gz_fifo.%ld.txt", tmpdir,
             (long)getpid());
    remove(path);
    CHECK(mkfifo(path, 0600) == 0);
    CHECK(gv_gz_read_file(path, NULL, &out, &info, &err) == GV_EIO);
    CHECK_STR(err.msg, "cannot open: not a regular file");
    gv_err_clear(&err);
    CHECK(gv_lines_open(path, &lim, &r, &err) == GV_EIO && !r);
    remove(path);
    gv_err_clear(&err);
    CHECK(gv_gz_read_file("/dev/zero", NULL, &out, &info, &err) == GV_EIO);
    CHECK(out.len == 0);
    gv_buf_release(&out);
}

static void
test_memory_streams(void)
{
    gv_buf z = GV_BUF_INIT, out = GV_BUF_INIT, bomb = GV_BUF_INIT,
           small = GV_BUF_INIT;
    gv_err err = GV_ERR_INIT;
    char *text = text_of(10000);

    CHECK(text != NULL);
    if (!text)
        return;
    /* A round trip, appended after what the buffers hold. */
    CHECK(gv_buf_puts(&z, "head", &err) == GV_OK);
    CHECK(gv_gz_deflate(text, 10000, &z, &err) == GV_OK);
    CHECK(z.len > 4 && z.len < 1000 && memcmp(z.data, "head", 4) == 0);
    CHECK(gv_buf_puts(&out, "x", &err) == GV_OK);
    CHECK(gv_gz_inflate(z.data + 4, z.len - 4, 10000, &out, &err) == GV_OK);
    CHECK(out.len == 10001 && out.data[0] == 'x');
    CHECK(memcmp(out.data + 1, text, 10000) == 0 && out.data[10001] == '\0');
    CHECK(err.code == GV_OK);

    /* Nothing is a stream too. */
    gv_buf_reset(&z);
    gv_buf_reset(&out);
    CHECK(gv_gz_deflate("", 0, &z, &err) == GV_OK && z.len > 0);
    CHECK(gv_gz_inflate(z.data, z.len, 0, &out, &err) == GV_OK);
    CHECK(out.len == 0);

    /* Every way a stream can disagree with what is expected of it. */
    gv_buf_reset(&z);
    CHECK(gv_gz_deflate(text, 10000, &z, &err) == GV_OK);
    gv_buf_reset(&out);
    CHECK(gv_gz_inflate(z.data, z.len, 9999, &out, &err) == GV_ECORRUPT);
    CHECK(strstr(err.msg, "more than 9999 bytes") != NULL);
    CHECK(out.len == 0);
    gv_err_clear(&err);
    CHECK(gv_gz_inflate(z.data, z.len, 10001, &out, &err) == GV_ECORRUPT);
    CHECK(out.len == 0);
    gv_err_clear(&err);
    CHECK(gv_gz_inflate(z.data, z.len - 1, 10000, &out, &err) == GV_ECORRUPT);
    CHECK_STR(err.msg, "corrupt compressed data");
    gv_err_clear(&err);
    CHECK(gv_gz_inflate(z.data, 0, 10000, &out, &err) == GV_ECORRUPT);
    gv_err_clear(&err);
    CHECK(gv_gz_inflate(text, 100, 10000, &out, &err) == GV_ECORRUPT);
    gv_err_clear(&err);
    z.data[z.len - 1] ^= 1; /* the Adler-32 check */
    CHECK(gv_gz_inflate(z.data, z.len, 10000, &out, &err) == GV_ECORRUPT);
    z.data[z.len - 1] ^= 1;
    gv_err_clear(&err);
    CHECK(gv_buf_puts(&z, "tail", &err) == GV_OK);
    CHECK(gv_gz_inflate(z.data, z.len, 10000, &out, &err) == GV_ECORRUPT);
    CHECK_STR(err.msg, "4 stray bytes after compressed data");
    CHECK(out.len == 0);

    /* A bomb: 16 MiB of zeros in a few KiB. Expecting 100 bytes takes
     * no more than 100 bytes of memory. */
    char *zeros = calloc(16, MIB);
    CHECK(zeros != NULL);
    if (zeros) {
        CHECK(gv_gz_deflate(zeros, 16 * MIB, &bomb, &err) == GV_OK);
        CHECK(bomb.len < 64 * 1024);
        gv_err_clear(&err);
        CHECK(gv_gz_inflate(bomb.data, bomb.len, 100, &small, &err) ==
              GV_ECORRUPT);
        CHECK(small.len == 0 && small.cap <= 1024);
    }
    free(zeros);
    free(text);
    gv_buf_release(&z);
    gv_buf_release(&out);
    gv_buf_release(&bomb);
    gv_buf_release(&small);
}

int
main(void)
{
    const char *fx = getenv("GV_FIXTURES");
    const char *tmp = getenv("TMPDIR");

    snprintf(fixtures, sizeof(fixtures), "%s", fx && *fx ? fx : "../fixtures");
    snprintf(tmpdir, sizeof(tmpdir), "%s", tmp && *tmp ? tmp : "/tmp");
    test_plain();
    test_gzip_fixtures();
    test_bad_files();
    test_bomb();
    test_caps_exact();
    test_concatenated_members();
    test_lines();
    test_names();
    test_not_regular();
    test_memory_streams();
    return CHECK_DONE();
}
