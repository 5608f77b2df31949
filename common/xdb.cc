// The C binding of libxapian declared in xdb.h: the only C++ file in Gavel
// and the only one that includes <xapian.h>. Every extern "C" function
// catches everything and turns it into a gv_status, because a C++
// exception unwinding through a C frame is undefined behaviour.
#include "xdb.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

// Searches retried when a writer's commits overtake the reader.
#define MAX_SEARCH_TRIES 5

// One sub-database of a read handle: a local database or a remote one.
struct gv_shard {
    std::string name;   // its path, or HOST:PORT
    std::string origin; // the stub file that listed it; "" if named itself
    bool remote;
    Xapian::Database db;
    // A remote one: HOST and PORT, or PROG and ARGS, to connect again.
    std::string host, prog, args;
    unsigned port;
};

struct gv_db {
    std::string path;
    gv_db_mode mode;
    Xapian::Database rdb;         // read handle; a copy of wdb when writing
    Xapian::WritableDatabase wdb; // valid only in GV_DB_WRITE
    // Read mode: what rdb is made of, and the remote shards left out
    // (gv_db_open_opts.partial), each as "'NAME' (in 'STUB'): WHY".
    gv_db_open_opts opts;
    std::vector<gv_shard> shards;
    std::vector<std::string> missing;
};

struct gv_xdoc {
    Xapian::Document doc;
    Xapian::TermGenerator gen;
};

struct gv_qparser {
    Xapian::QueryParser qp;
    gv_db *db; // for wildcards: its shards may change (a shard left out)
    Xapian::Stem stem;
    unsigned parse_flags;
    unsigned text_flags;
    // The first error of a C field function in the current parse: kept
    // here rather than thrown, as libxapian 1.4 leaks when a field
    // processor throws.
    std::string field_error;
};

struct gv_query {
    Xapian::Query query;
    Xapian::Stem stem; // for snippets: the stemmer the query was built with
    unsigned text_flags;
};

// One hit kept: where it is in the MSet, its place in the whole ranking
// and its score, which a rescore may have changed.
struct gv_pick {
    unsigned index;
    unsigned rank;
    double weight;
};

struct gv_mset {
    Xapian::MSet mset;
    std::map<std::string, unsigned> facets; // value -> matches with it
    std::vector<gv_pick> picks;             // the hits, in the order shown
    std::string db_path;                    // for messages about reading hits
    Xapian::Stem stem;
    unsigned text_flags;
    // The picks' documents, read while the searched revision is open;
    // their values are read only when asked for (a body for a snippet).
    std::vector<Xapian::Document> docs;
    // Strings handed to C live here until gv_mset_free().
    // (A map per hit, as its nodes never move: pointers stay valid.)
    std::vector<std::string> data;
    std::vector<std::map<unsigned, std::string>> values;
};

// Turn the exception being handled into a status and message. Call only
// from a catch block: it rethrows to classify, subclass before base class.
static gv_status
status_from_exception(gv_err *err, const char *subject)
{
    const char *s = subject ? subject : "";
    const char *sep = subject ? ": " : "";
    try {
        throw;
    } catch (const Xapian::QueryParserError &e) {
        return gv_err_set(err, GV_EQUERY, "%s", e.get_msg().c_str());
    } catch (const Xapian::DatabaseLockError &) {
        return gv_err_set(err, GV_ELOCKED,
                          "index '%s' is locked by another writer", s);
    } catch (const Xapian::DatabaseCorruptError &e) {
        return gv_err_set(err, GV_ECORRUPT, "index '%s' is corrupt: %s", s,
                          e.get_msg().c_str());
    } catch (const Xapian::DatabaseCreateError &e) {
        const char *why = e.get_error_string();
        return gv_err_set(err, GV_EIO, "cannot create index '%s': %s%s%s%s", s,
                          e.get_msg().c_str(), why ? " (" : "", why ? why : "",
                          why ? ")" : "");
    } catch (const Xapian::DatabaseNotFoundError &) {
        return gv_err_set(err, GV_EIO, "cannot open index '%s': %s", s,
                          "no Xapian index there");
    } catch (const Xapian::DatabaseOpeningError &e) {
        return gv_err_set(err, GV_EIO, "cannot open index '%s': %s", s,
                          e.get_msg().c_str());
    } catch (const Xapian::NetworkError &e) {
        const char *why = e.get_error_string();
        return gv_err_set(err, GV_EIO,
                          "index '%s': a remote shard failed: %s%s%s", s,
                          e.get_msg().c_str(), why ? ": " : "", why ? why : "");
    } catch (const Xapian::DatabaseError &e) {
        // A full disk shows up as "DatabaseError: Error writing block 9 (No
        // space left on device)": say first what the user has to act on.
        // Xapian 1.4 exposes the errno only as its strerror() text.
        const char *why = e.get_error_string();
        if (why && (std::strcmp(why, std::strerror(ENOSPC)) == 0 ||
                    std::strcmp(why, std::strerror(EDQUOT)) == 0))
            return gv_err_set(err, GV_EIO, "cannot write index '%s': %s (%s)",
                              s,
                              std::strcmp(why, std::strerror(ENOSPC)) == 0
                                  ? "no space left on device"
                                  : "disk quota exceeded",
                              e.get_msg().c_str());
        return gv_err_set(err, GV_EIO, "index '%s': %s", s,
                          e.get_description().c_str());
    } catch (const Xapian::Error &e) {
        return gv_err_set(err, GV_EXAPIAN, "%s%s%s", s, sep,
                          e.get_description().c_str());
    } catch (const std::bad_alloc &) {
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    } catch (const std::exception &e) {
        return gv_err_set(err, GV_EINTERNAL, "unexpected exception: %s",
                          e.what());
    } catch (...) {
        return gv_err_set(err, GV_EINTERNAL, "unexpected exception");
    }
}

static gv_status
make_stemmer(const char *lang, Xapian::Stem *out, gv_err *err)
{
    if (!lang || !*lang || std::strcmp(lang, "none") == 0) {
        *out = Xapian::Stem();
        return GV_OK;
    }
    try {
        *out = Xapian::Stem(lang);
    } catch (const Xapian::InvalidArgumentError &) {
        return gv_err_set(err, GV_EINVAL, "unknown stemming language '%s'",
                          lang);
    }
    return GV_OK;
}

// True for a folder that holds entries but no Xapian database: creating
// an index there would scatter its files among someone's documents.
static bool
is_foreign_folder(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    DIR *dir = opendir(path);
    if (!dir)
        return false;
    bool has_entries = false;
    for (struct dirent *e; !has_entries && (e = readdir(dir)) != nullptr;)
        has_entries = std::strcmp(e->d_name, ".") != 0 &&
                      std::strcmp(e->d_name, "..") != 0;
    closedir(dir);
    if (!has_entries)
        return false;
    try {
        Xapian::Database probe(path);
        return false;
    } catch (const Xapian::DatabaseOpeningError &) {
        return true;
    }
}

// ---- Opening shards: database folders and stub files ----
//
// Xapian opens a stub file itself, but with fixed timeouts for its remote
// lines (10 s, and nothing to say which shard failed): so stub files are
// read here, in Xapian's format (see gv_db_open_many() in xdb.h), and each
// line becomes one shard.

static std::string
shard_where(const std::string &name, const std::string &origin)
{
    std::string w = "'" + name + "'";
    if (!origin.empty())
        w += " (in '" + origin + "')";
    return w;
}

static std::string
network_why(const Xapian::Error &e)
{
    const char *why = e.get_error_string();
    return e.get_msg() + (why ? std::string(": ") + why : std::string());
}

// A remote shard did not answer: an error naming it, or with partial, a
// note of it and GV_OK.
static gv_status
shard_down(gv_db *db, const std::string &name, const std::string &origin,
           const std::string &why, gv_err *err)
{
    std::string where = shard_where(name, origin);
    if (db->opts.partial) {
        db->missing.push_back(where + ": " + why);
        return GV_OK;
    }
    return gv_err_set(err, GV_EIO, "cannot reach shard %s: %s", where.c_str(),
                      why.c_str());
}

// A path in a stub file is relative to the stub's folder.
static std::string
stub_relative(const std::string &path, const std::string &stub)
{
    if (path.empty() || path[0] == '/')
        return path;
    std::string::size_type slash = stub.rfind('/');
    if (slash == std::string::npos)
        return path;
    return stub.substr(0, slash + 1) + path;
}

// True for a single-file glass database (which is a file, like a stub).
static bool
is_glass_file(const std::string &path)
{
    static const char magic[] = "\x0f\x0dXapian Glass";
    char head[sizeof(magic) - 1];
    int fd = open(path.c_str(), O_RDONLY);
    if (fd < 0)
        return false;
    bool yes = read(fd, head, sizeof(head)) == (ssize_t)sizeof(head) &&
               std::memcmp(head, magic, sizeof(head)) == 0;
    close(fd);
    return yes;
}

static gv_status
open_path(gv_db *db, const std::string &path, const std::string &origin,
          int depth, gv_err *err);

static gv_status
add_local(gv_db *db, const std::string &path, const std::string &origin,
          int flags, gv_err *err)
{
    try {
        db->shards.push_back(gv_shard{
            path, origin, false, Xapian::Database(path, flags), "", "", "", 0});
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, path.c_str());
    }
}

// Connect to the remote shard @p s; throws Xapian::NetworkError.
static void
connect_remote(const gv_db *db, gv_shard *s)
{
    s->db = s->prog.empty()
                ? Xapian::Remote::open(s->host, s->port, db->opts.timeout_ms,
                                       db->opts.connect_timeout_ms)
                : Xapian::Remote::open(s->prog, s->args, db->opts.timeout_ms);
}

static gv_status
add_remote(gv_db *db, const std::string &host, unsigned port,
           const std::string &prog, const std::string &args,
           const std::string &origin, gv_err *err)
{
    std::string name =
        prog.empty() ? host + ":" + std::to_string(port) : prog + " " + args;
    try {
        gv_shard s{name, origin, true, Xapian::Database(),
                   host, prog,   args, port};
        connect_remote(db, &s);
        db->shards.push_back(s);
        return GV_OK;
    } catch (const Xapian::NetworkError &e) {
        return shard_down(db, name, origin, network_why(e), err);
    } catch (...) {
        return status_from_exception(err, name.c_str());
    }
}

// One line of the stub file @p stub (line @p lineno, without its end).
static gv_status
stub_line(gv_db *db, const std::string &stub, unsigned lineno,
          const std::string &line, int depth, gv_err *err)
{
    std::string::size_type space = line.find(' ');
    std::string type = line.substr(0, space);
    std::string rest = space == std::string::npos ? "" : line.substr(space + 1);

    if (type == "auto")
        return open_path(db, stub_relative(rest, stub), stub, depth + 1, err);
    if (type == "glass")
        return add_local(db, stub_relative(rest, stub), stub,
                         Xapian::DB_BACKEND_GLASS, err);
    if (type == "chert")
        return add_local(db, stub_relative(rest, stub), stub,
                         Xapian::DB_BACKEND_CHERT, err);
    if (type == "inmemory" && rest.empty())
        return add_local(db, "", stub, Xapian::DB_BACKEND_INMEMORY, err);
    if (type == "remote" && !rest.empty() && rest[0] == ':') {
        // remote :PROG ARGS: a program that speaks the remote protocol on
        // its stdin and stdout (xapian-progsrv, or ssh running it).
        std::string::size_type sp = rest.find(' ');
        std::string prog =
            rest.substr(1, sp == std::string::npos ? sp : sp - 1);
        std::string args = sp == std::string::npos ? "" : rest.substr(sp + 1);
        if (!prog.empty())
            return add_remote(db, "", 0, prog, args, stub, err);
    } else if (type == "remote") {
        // remote HOST:PORT (the last colon: HOST may not hold one in 1.4).
        std::string::size_type colon = rest.rfind(':');
        if (colon != std::string::npos && colon > 0) {
            const char *p = rest.c_str() + colon + 1;
            char *end;
            errno = 0;
            unsigned long port = std::strtoul(p, &end, 10);
            if (*p >= '0' && *p <= '9' && !*end && !errno && port > 0 &&
                port <= 65535)
                return add_remote(db, rest.substr(0, colon), (unsigned)port, "",
                                  "", stub, err);
        }
        return gv_err_set(err, GV_EINVAL,
                          "stub '%s' line %u: expected remote HOST:PORT or "
                          "remote :PROGRAM ARGS",
                          stub.c_str(), lineno);
    }
    return gv_err_set(err, GV_EINVAL,
                      "stub '%s' line %u: not a database line (expected "
                      "auto, glass, chert, remote or inmemory)",
                      stub.c_str(), lineno);
}

// Every database the stub file @p stub lists, as shards of @p db.
static gv_status
read_stub(gv_db *db, const std::string &stub, int depth, gv_err *err)
{
    if (depth > GV_MAX_STUB_DEPTH)
        return gv_err_set(err, GV_EINVAL,
                          "stub '%s': stubs nested more than %d deep",
                          stub.c_str(), GV_MAX_STUB_DEPTH);
    FILE *f = std::fopen(stub.c_str(), "rb");
    if (!f)
        return gv_err_set(err, GV_EIO, "cannot open index '%s': %s",
                          stub.c_str(), std::strerror(errno));
    std::string text;
    char chunk[4096];
    for (size_t got; (got = std::fread(chunk, 1, sizeof(chunk), f)) > 0;) {
        text.append(chunk, got);
        if (text.size() > GV_MAX_STUB_BYTES)
            break;
    }
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed)
        return gv_err_set(err, GV_EIO, "cannot read stub '%s'", stub.c_str());
    if (text.size() > GV_MAX_STUB_BYTES)
        return gv_err_set(err, GV_EINVAL,
                          "stub '%s' is larger than %u bytes: not a stub "
                          "database",
                          stub.c_str(), GV_MAX_STUB_BYTES);
    if (text.find('\0') != std::string::npos)
        return gv_err_set(err, GV_EIO,
                          "cannot open index '%s': neither a Xapian index "
                          "nor a stub database file",
                          stub.c_str());
    unsigned lineno = 0;
    for (std::string::size_type at = 0; at < text.size();) {
        std::string::size_type nl = text.find('\n', at);
        if (nl == std::string::npos)
            nl = text.size();
        std::string line = text.substr(at, nl - at);
        at = nl + 1;
        lineno++;
        // Tolerate CRLF and trailing blanks, which Xapian would not.
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' ||
                                 line.back() == '\t'))
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        gv_status st = stub_line(db, stub, lineno, line, depth, err);
        if (st != GV_OK)
            return st;
    }
    return GV_OK;
}

// @p path as one or more shards of @p db: a database folder, a stub
// file, or a stub folder (a folder with a XAPIANDB stub file).
static gv_status
open_path(gv_db *db, const std::string &path, const std::string &origin,
          int depth, gv_err *err)
{
    struct stat st;
    // Xapian's message for a missing directory is vague; name it.
    if (stat(path.c_str(), &st) != 0) {
        int saved = errno;
        if (origin.empty())
            return gv_err_set(err, GV_EIO, "cannot open index '%s': %s",
                              path.c_str(), std::strerror(saved));
        return gv_err_set(err, GV_EIO, "cannot open shard '%s' (in '%s'): %s",
                          path.c_str(), origin.c_str(), std::strerror(saved));
    }
    if (S_ISREG(st.st_mode) && !is_glass_file(path))
        return read_stub(db, path, depth, err);
    if (S_ISDIR(st.st_mode) && access((path + "/iamglass").c_str(), F_OK) &&
        access((path + "/iamchert").c_str(), F_OK) &&
        access((path + "/XAPIANDB").c_str(), F_OK) == 0)
        return read_stub(db, path + "/XAPIANDB", depth, err);
    return add_local(db, path, origin, 0, err);
}

// Make db->rdb search every shard of db->shards.
static void
combine_shards(gv_db *db)
{
    Xapian::Database all;
    for (const gv_shard &s : db->shards)
        all.add_database(s.db);
    db->rdb = all;
}

extern "C" {

gv_status
gv_db_open(const char *path, gv_db_mode mode, gv_db **out, gv_err *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<gv_db> db(new gv_db());
        db->path = path;
        db->mode = mode == GV_DB_READ ? GV_DB_READ : GV_DB_WRITE;
        if (db->mode == GV_DB_WRITE) {
            if (is_foreign_folder(path))
                return gv_err_set(err, GV_EINVAL,
                                  "cannot create index '%s': the folder "
                                  "holds other files and no index",
                                  path);
            int flags = Xapian::DB_CREATE_OR_OPEN;
            if (mode == GV_DB_WRITE_UNSYNCED)
                flags |= Xapian::DB_NO_SYNC;
            db->wdb = Xapian::WritableDatabase(path, flags);
            db->rdb = db->wdb;
        } else {
            const gv_db_open_opts defaults = GV_DB_OPEN_OPTS_INIT;
            db.reset();
            return gv_db_open_many(&path, 1, &defaults, out, err);
        }
        *out = db.release();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, path);
    }
}

gv_status
gv_db_open_many(const char *const *paths, size_t n, const gv_db_open_opts *opts,
                gv_db **out, gv_err *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<gv_db> db(new gv_db());
        db->mode = GV_DB_READ;
        db->opts = *opts;
        for (size_t i = 0; i < n; i++) {
            db->path += (i ? ", " : "") + std::string(paths[i]);
            gv_status st = open_path(db.get(), paths[i], "", 0, err);
            if (st != GV_OK)
                return st;
        }
        if (db->shards.empty() && !db->missing.empty())
            return gv_err_set(err, GV_EIO, "no shard answered: %s",
                              db->missing[0].c_str());
        combine_shards(db.get());
        *out = db.release();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, n ? paths[0] : "");
    }
}

unsigned
gv_db_shard_count(const gv_db *db)
{
    return (unsigned)db->shards.size();
}

const char *
gv_db_shard_name(const gv_db *db, unsigned i, bool *is_remote)
{
    if (is_remote)
        *is_remote = db->shards[i].remote;
    return db->shards[i].name.c_str();
}

unsigned
gv_db_missing_count(const gv_db *db)
{
    return (unsigned)db->missing.size();
}

const char *
gv_db_missing(const gv_db *db, unsigned i)
{
    return db->missing[i].c_str();
}

gv_status
gv_db_compact(const char *const *paths, size_t n, const char *out_path,
              gv_err *err)
{
    struct stat st;
    if (lstat(out_path, &st) == 0)
        return gv_err_set(err, GV_EINVAL,
                          "cannot merge into '%s': it already exists",
                          out_path);
    const gv_db_open_opts opts = GV_DB_OPEN_OPTS_INIT;
    gv_db *db = nullptr;
    gv_status status = gv_db_open_many(paths, n, &opts, &db, err);
    if (status != GV_OK)
        return status;
    try {
        for (const gv_shard &s : db->shards)
            if (s.remote) {
                status = gv_err_set(err, GV_EINVAL,
                                    "cannot merge remote shard '%s': Xapian "
                                    "compacts local databases only",
                                    s.name.c_str());
                break;
            }
        // FULL packs items across blocks where that saves space: some 1%
        // smaller than the default, in the same time.
        if (status == GV_OK)
            db->rdb.compact(out_path, Xapian::Compactor::FULL);
    } catch (...) {
        status = status_from_exception(err, out_path);
    }
    gv_db_close(db);
    return status;
}

void
gv_db_close(gv_db *db)
{
    if (!db)
        return;
    try {
        // WritableDatabase::close() and its destructor both commit pending
        // changes. Cancelling an (empty) transaction discards them instead,
        // so nothing half-written is made durable behind the caller's back.
        if (db->mode == GV_DB_WRITE) {
            try {
                db->wdb.begin_transaction(false);
                db->wdb.cancel_transaction();
            } catch (...) {
                // Still close below: that releases the lock.
            }
            db->wdb.close();
        }
        db->rdb.close();
    } catch (...) {
        // Closing is best effort; there is nobody to report to.
    }
    delete db;
}

const char *
gv_db_path(const gv_db *db)
{
    return db->path.c_str();
}

gv_status
gv_db_commit(gv_db *db, gv_err *err)
{
    try {
        if (db->mode == GV_DB_WRITE)
            db->wdb.commit();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_reopen(gv_db *db, gv_err *err)
{
    try {
        db->rdb.reopen();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

// Run @p read on a read-only @p db; when a writer's commits discard the
// revision it reads, catch up and read again (a few times at most).
static void
read_retrying(gv_db *db, const std::function<void()> &read)
{
    for (int tries = 1;; tries++) {
        try {
            read();
            return;
        } catch (const Xapian::DatabaseModifiedError &) {
            if (tries == MAX_SEARCH_TRIES || db->mode == GV_DB_WRITE)
                throw;
            db->rdb.reopen();
        }
    }
}

gv_status
gv_db_doc_count(gv_db *db, unsigned *out, gv_err *err)
{
    *out = 0;
    try {
        *out = db->rdb.get_doccount();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

static gv_status
check_writable_term(const gv_db *db, const char *term, gv_err *err)
{
    if (db->mode != GV_DB_WRITE)
        return gv_err_set(err, GV_EINVAL, "index '%s' is open read-only",
                          db->path.c_str());
    size_t n = std::strlen(term);
    if (n == 0 || n > GV_MAX_TERM_BYTES)
        return gv_err_set(err, GV_EINVAL, "unique term of %zu bytes", n);
    return GV_OK;
}

gv_status
gv_db_replace(gv_db *db, const char *idterm, gv_xdoc *doc, gv_err *err)
{
    gv_status st = check_writable_term(db, idterm, err);
    if (st != GV_OK)
        return st;
    try {
        doc->doc.add_boolean_term(idterm);
        db->wdb.replace_document(idterm, doc->doc);
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_delete(gv_db *db, const char *idterm, gv_err *err)
{
    gv_status st = check_writable_term(db, idterm, err);
    if (st != GV_OK)
        return st;
    try {
        db->wdb.delete_document(idterm);
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_get_metadata(gv_db *db, const char *key, gv_buf *out, gv_err *err)
{
    gv_buf_reset(out);
    try {
        // The write handle sees its own uncommitted changes.
        std::string v = db->mode == GV_DB_WRITE ? db->wdb.get_metadata(key)
                                                : db->rdb.get_metadata(key);
        return gv_buf_append(out, v.data(), v.size(), err);
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_metadata_everywhere(gv_db *db, const char *key, bool *out, gv_err *err)
{
    *out = false;
    try {
        if (db->mode == GV_DB_WRITE) {
            *out = !db->wdb.get_metadata(key).empty();
            return GV_OK;
        }
        for (gv_shard &s : db->shards) {
            try {
                if (s.db.get_metadata(key).empty())
                    return GV_OK;
            } catch (const Xapian::NetworkError &) {
                return GV_OK; // unknown: as if it lacked it
            }
        }
        *out = !db->shards.empty();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_set_metadata(gv_db *db, const char *key, const char *value, gv_err *err)
{
    if (db->mode != GV_DB_WRITE)
        return gv_err_set(err, GV_EINVAL, "index '%s' is open read-only",
                          db->path.c_str());
    try {
        db->wdb.set_metadata(key, value);
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_each_metadata(gv_db *db, const char *prefix, gv_metadata_fn fn, void *ctx,
                    gv_err *err)
{
    try {
        Xapian::Database &d = db->mode == GV_DB_WRITE ? db->wdb : db->rdb;
        for (Xapian::TermIterator k = d.metadata_keys_begin(prefix);
             k != d.metadata_keys_end(prefix); ++k) {
            std::string key = *k;
            if (!fn(ctx, key.c_str(), d.get_metadata(key).c_str()))
                break;
        }
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_term_count(gv_db *db, unsigned long long *out, gv_err *err)
{
    *out = 0;
    try {
        for (Xapian::TermIterator t = db->rdb.allterms_begin();
             t != db->rdb.allterms_end(); ++t)
            ++*out;
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_revision(gv_db *db, unsigned long long *out, gv_err *err)
{
    *out = 0;
    try {
        if (db->mode == GV_DB_WRITE) {
            *out = db->rdb.get_revision();
            return GV_OK;
        }
        // Xapian gives no revision for several databases, nor for a remote
        // one: sum those of the local shards.
        for (const gv_shard &s : db->shards)
            if (!s.remote)
                *out += s.db.get_revision();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_value_bounds(gv_db *db, unsigned slot, gv_buf *lo, gv_buf *hi,
                   gv_err *err)
{
    gv_buf_reset(lo);
    gv_buf_reset(hi);
    try {
        // The bounds may be loose after deletions; the real first and last
        // values are what a person wants to see.
        std::string l, h;
        try {
            Xapian::ValueIterator v = db->rdb.valuestream_begin(slot);
            if (v != db->rdb.valuestream_end(slot)) {
                l = h = *v;
                for (; v != db->rdb.valuestream_end(slot); ++v) {
                    if (*v < l)
                        l = *v;
                    if (*v > h)
                        h = *v;
                }
            }
        } catch (const Xapian::UnimplementedError &) {
            // A remote shard cannot stream values: its recorded bounds.
            l = db->rdb.get_value_lower_bound(slot);
            h = db->rdb.get_value_upper_bound(slot);
        }
        gv_status st = gv_buf_append(lo, l.data(), l.size(), err);
        return st == GV_OK ? gv_buf_append(hi, h.data(), h.size(), err) : st;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_top_values(gv_db *db, unsigned slot, unsigned max, gv_value_count_fn fn,
                 void *ctx, gv_err *err)
{
    try {
        Xapian::Enquire enq(db->rdb);
        enq.set_query(Xapian::Query::MatchAll);
        Xapian::ValueCountMatchSpy spy(slot);
        enq.add_matchspy(&spy);
        enq.get_mset(0, 0, db->rdb.get_doccount());
        for (Xapian::TermIterator v = spy.top_values_begin(max);
             v != spy.top_values_end(max); ++v)
            if (!fn(ctx, (*v).c_str(), v.get_termfreq()))
                break;
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_term_freq(gv_db *db, const char *term, unsigned *out, gv_err *err)
{
    *out = 0;
    try {
        read_retrying(db, [&] { *out = db->rdb.get_termfreq(term); });
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_each_posting(gv_db *db, const char *term, gv_docid_fn fn, void *ctx,
                   gv_err *err)
{
    try {
        Xapian::Database &d = db->mode == GV_DB_WRITE ? db->wdb : db->rdb;
        for (Xapian::PostingIterator p = d.postlist_begin(term);
             p != d.postlist_end(term); ++p)
            if (!fn(ctx, *p))
                break;
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_each_shared_posting(gv_db *db, const char *prefix, gv_term_docid_fn fn,
                          void *ctx, gv_err *err)
{
    try {
        Xapian::Database &d = db->mode == GV_DB_WRITE ? db->wdb : db->rdb;
        for (Xapian::TermIterator t = d.allterms_begin(prefix);
             t != d.allterms_end(prefix); ++t) {
            if (t.get_termfreq() < 2)
                continue;
            const std::string term = *t;
            for (Xapian::PostingIterator p = d.postlist_begin(term);
                 p != d.postlist_end(term); ++p)
                if (!fn(ctx, term.c_str(), *p))
                    return GV_OK;
        }
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_retag(gv_db *db, unsigned docid, unsigned slot, const char *value,
            size_t len, const char *old_term, const char *new_term, gv_err *err)
{
    if (db->mode != GV_DB_WRITE)
        return gv_err_set(err, GV_EINVAL, "index '%s' is open read-only",
                          db->path.c_str());
    try {
        Xapian::Document doc = db->wdb.get_document(docid);
        if (old_term && new_term) {
            try {
                doc.remove_term(old_term);
            } catch (const Xapian::InvalidArgumentError &) {
                // It did not have it: nothing to remove.
            }
            doc.add_boolean_term(new_term);
        }
        doc.add_value(slot, std::string(value, len));
        db->wdb.replace_document(docid, doc);
        return GV_OK;
    } catch (const Xapian::DocNotFoundError &) {
        return gv_err_set(err, GV_EINVAL, "index '%s' has no document %u",
                          db->path.c_str(), docid);
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_db_get_value(gv_db *db, unsigned docid, unsigned slot, gv_buf *out,
                gv_err *err)
{
    gv_buf_reset(out);
    try {
        Xapian::Database &d = db->mode == GV_DB_WRITE ? db->wdb : db->rdb;
        std::string v;
        read_retrying(db, [&] { v = d.get_document(docid).get_value(slot); });
        return gv_buf_append(out, v.data(), v.size(), err);
    } catch (const Xapian::DocNotFoundError &) {
        return gv_err_set(err, GV_EINVAL, "index '%s' has no document %u",
                          db->path.c_str(), docid);
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

gv_status
gv_xdoc_new(const char *stem_lang, unsigned text_flags, gv_xdoc **out,
            gv_err *err)
{
    *out = nullptr;
    try {
        Xapian::Stem stem;
        gv_status st = make_stemmer(stem_lang, &stem, err);
        if (st != GV_OK)
            return st;
        std::unique_ptr<gv_xdoc> doc(new gv_xdoc);
        doc->gen.set_stemmer(stem);
        doc->gen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        if (text_flags & GV_TEXT_CJK_NGRAM)
            doc->gen.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        doc->gen.set_document(doc->doc);
        *out = doc.release();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

void
gv_xdoc_free(gv_xdoc *doc)
{
    delete doc;
}

gv_status
gv_xdoc_index_text(gv_xdoc *doc, const char *text, size_t len, unsigned wdf_inc,
                   const char *prefix, bool positions, gv_err *err)
{
    try {
        Xapian::Utf8Iterator it(text, len);
        if (positions)
            doc->gen.index_text(it, wdf_inc, prefix);
        else
            doc->gen.index_text_without_positions(it, wdf_inc, prefix);
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

gv_status
gv_xdoc_skip_positions(gv_xdoc *doc, unsigned delta, gv_err *err)
{
    try {
        doc->gen.increase_termpos(delta);
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

gv_status
gv_xdoc_add_boolean_term(gv_xdoc *doc, const char *term, gv_err *err)
{
    size_t n = std::strlen(term);
    if (n == 0 || n > GV_MAX_TERM_BYTES)
        return gv_err_set(err, GV_EINVAL, "boolean term of %zu bytes", n);
    try {
        doc->doc.add_boolean_term(std::string(term, n));
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

gv_status
gv_xdoc_set_value(gv_xdoc *doc, unsigned slot, const char *value, size_t len,
                  gv_err *err)
{
    try {
        doc->doc.add_value(slot, std::string(value, len));
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

gv_status
gv_xdoc_set_data(gv_xdoc *doc, const char *data, size_t len, gv_err *err)
{
    try {
        doc->doc.set_data(std::string(data, len));
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

gv_status
gv_qparser_new(gv_db *db, const char *stem_lang, unsigned text_flags,
               gv_qparser **out, gv_err *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<gv_qparser> qp(new gv_qparser);
        gv_status st = make_stemmer(stem_lang, &qp->stem, err);
        if (st != GV_OK)
            return st;
        qp->qp.set_stemmer(qp->stem);
        qp->qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp->qp.set_database(db->rdb);
        qp->db = db;
        qp->qp.set_default_op(Xapian::Query::OP_AND);
        // Bound wildcard expansion so "a*" cannot build a huge query.
        qp->qp.set_max_expansion(1000,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        qp->text_flags = text_flags;
        gv_qparser_set_flags(qp.get(), GV_PARSE_DEFAULT);
        *out = qp.release();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

void
gv_qparser_free(gv_qparser *qp)
{
    delete qp;
}

gv_status
gv_qparser_add_prefix(gv_qparser *qp, const char *field, const char *prefix,
                      bool is_boolean, gv_err *err)
{
    try {
        if (is_boolean)
            qp->qp.add_boolean_prefix(field, prefix);
        else
            qp->qp.add_prefix(field, prefix);
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

void
gv_qparser_set_flags(gv_qparser *qp, unsigned parse_flags)
{
    static const struct {
        unsigned gv;
        unsigned xapian;
    } map[] = {
        {GV_PARSE_BOOLEAN, Xapian::QueryParser::FLAG_BOOLEAN},
        {GV_PARSE_PHRASE, Xapian::QueryParser::FLAG_PHRASE},
        {GV_PARSE_LOVEHATE, Xapian::QueryParser::FLAG_LOVEHATE},
        {GV_PARSE_WILDCARD, Xapian::QueryParser::FLAG_WILDCARD},
        {GV_PARSE_PURE_NOT, Xapian::QueryParser::FLAG_PURE_NOT},
    };
    unsigned flags = 0;
    for (const auto &m : map)
        if (parse_flags & m.gv)
            flags |= m.xapian;
    if (qp->text_flags & GV_TEXT_CJK_NGRAM)
        flags |= Xapian::QueryParser::FLAG_CJK_NGRAM;
    qp->parse_flags = flags;
}

void
gv_qparser_set_default_op(gv_qparser *qp, gv_default_op op)
{
    try {
        qp->qp.set_default_op(op == GV_OP_OR ? Xapian::Query::OP_OR
                                             : Xapian::Query::OP_AND);
    } catch (...) {
        // Documented not to throw for these operators; keep C safe anyway.
    }
}

gv_status
gv_qparser_parse(gv_qparser *qp, const char *text, gv_query **out, gv_err *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<gv_query> q(new gv_query);
        qp->field_error.clear();
        qp->qp.set_database(qp->db->rdb); // a shard may have been left out
        q->query = qp->qp.parse_query(text, qp->parse_flags);
        if (!qp->field_error.empty())
            return gv_err_set(err, GV_EQUERY, "%s", qp->field_error.c_str());
        q->stem = qp->stem;
        q->text_flags = qp->text_flags;
        *out = q.release();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

// The words of @p text as the indexer turns them into terms, each with
// its count in the text. A word the indexer also stems is kept by its
// stem alone, as a query parser would search it.
static std::map<std::string, unsigned>
text_terms(const char *text, size_t len, const Xapian::Stem &stem,
           unsigned text_flags)
{
    Xapian::Document doc;
    Xapian::TermGenerator gen;
    gen.set_stemmer(stem);
    gen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    if (text_flags & GV_TEXT_CJK_NGRAM)
        gen.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    gen.set_document(doc);
    gen.index_text_without_positions(Xapian::Utf8Iterator(text, len));
    std::map<std::string, unsigned> all, out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        all[*t] = t.get_wdf();
    for (const auto &[term, count] : all)
        if (term[0] == 'Z' || !all.count("Z" + stem(term)))
            out[term] = count;
    return out;
}

// One candidate term of a query made from a text.
struct like_term {
    std::string term;
    unsigned count; // in the text
    double score;   // count times the term's idf in the index
};

gv_status
gv_qparser_like(gv_qparser *qp, const char *text, size_t len,
                unsigned max_terms, gv_query **out, gv_err *err)
{
    *out = nullptr;
    try {
        std::vector<like_term> terms;
        gv_db *db = qp->db;
        read_retrying(db, [&] {
            terms.clear();
            double n = db->rdb.get_doccount();
            for (const auto &[term, count] :
                 text_terms(text, len, qp->stem, qp->text_flags)) {
                Xapian::doccount df = db->rdb.get_termfreq(term);
                if (df == 0)
                    continue; // matches nothing: no use to the ranking
                terms.push_back({term, count, count * std::log(n / df)});
            }
        });
        // The most telling terms first; ties in term order, so the same
        // text always gives the same query.
        std::sort(terms.begin(), terms.end(),
                  [](const like_term &a, const like_term &b) {
                      return a.score != b.score ? a.score > b.score
                                                : a.term < b.term;
                  });
        if (max_terms && terms.size() > max_terms)
            terms.resize(max_terms);
        std::vector<Xapian::Query> subs;
        // Weighted by count, as if each time the word occurs in the text
        // were a query word of its own.
        for (const like_term &t : terms)
            subs.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                              Xapian::Query(t.term), t.count);
        std::unique_ptr<gv_query> q(new gv_query);
        q->query =
            Xapian::Query(Xapian::Query::OP_OR, subs.begin(), subs.end());
        q->stem = qp->stem;
        q->text_flags = qp->text_flags;
        *out = q.release();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

void
gv_query_free(gv_query *q)
{
    delete q;
}

// Hands "field:value" to a C function that builds its query.
class CFieldProcessor : public Xapian::FieldProcessor
{
    gv_field_fn fn;
    void *ctx;
    std::string *error; // the parser's field_error

  public:
    CFieldProcessor(gv_field_fn f, void *c, std::string *e)
        : fn(f), ctx(c), error(e)
    {
    }

    Xapian::Query operator()(const std::string &value) override
    {
        gv_query *q = nullptr;
        gv_err err = GV_ERR_INIT;
        gv_status st = fn(ctx, value.c_str(), &q, &err);
        if (st == GV_ENOMEM)
            throw std::bad_alloc();
        if (st != GV_OK || !q) {
            if (error->empty())
                *error = err.msg[0] ? err.msg : "bad value";
            delete q;
            return never_matches();
        }
        Xapian::Query result = q->query;
        delete q;
        return result.empty() ? never_matches() : result;
    }

  private:
    // Not MatchNothing: libxapian 1.4.22's parser dereferences the null
    // internals of an empty Query that a field processor returns in some
    // contexts ("J\n+(-date:2" crashed gavel-search; found by fuzz_query).
    // No document has this term: the indexer makes no term with it.
    static Xapian::Query never_matches()
    {
        return Xapian::Query("XGVNOMATCH");
    }
};

gv_status
gv_qparser_add_field_fn(gv_qparser *qp, const char *field, gv_field_fn fn,
                        void *ctx, gv_err *err)
{
    try {
        qp->qp.add_boolean_prefix(
            field, (new CFieldProcessor(fn, ctx, &qp->field_error))->release());
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

// A new gv_query around @p query, into *out.
static gv_status
wrap_query(const Xapian::Query &query, gv_query **out, gv_err *err)
{
    try {
        gv_query *q = new gv_query;
        q->query = query;
        q->text_flags = 0;
        *out = q;
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

gv_status
gv_query_new_term(const char *term, gv_query **out, gv_err *err)
{
    *out = nullptr;
    try {
        return wrap_query(Xapian::Query(term), out, err);
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

gv_status
gv_query_new_value_range(unsigned slot, const char *lo, const char *hi,
                         gv_query **out, gv_err *err)
{
    *out = nullptr;
    try {
        if (lo && hi)
            return wrap_query(
                Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi), out,
                err);
        if (lo)
            return wrap_query(
                Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo), out, err);
        if (hi)
            return wrap_query(
                Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi), out, err);
        // Open at both ends: every document with a value.
        return wrap_query(
            Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, std::string()), out,
            err);
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

// @p a OP @p b into *out, stemming snippets as @p a does.
static gv_status
combine(Xapian::Query::op op, const gv_query *a, const gv_query *b,
        gv_query **out, gv_err *err)
{
    *out = nullptr;
    try {
        gv_status st =
            wrap_query(Xapian::Query(op, a->query, b->query), out, err);
        if (st == GV_OK) {
            (*out)->stem = a->stem;
            (*out)->text_flags = a->text_flags;
        }
        return st;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
}

gv_status
gv_query_new_filtered(const gv_query *q, const gv_query *filter, gv_query **out,
                      gv_err *err)
{
    return combine(Xapian::Query::OP_FILTER, q, filter, out, err);
}

gv_status
gv_query_new_and_maybe(const gv_query *q, const gv_query *extra, gv_query **out,
                       gv_err *err)
{
    return combine(Xapian::Query::OP_AND_MAYBE, q, extra, out, err);
}

gv_status
gv_query_new_or(const gv_query *a, const gv_query *b, gv_query **out,
                gv_err *err)
{
    return combine(Xapian::Query::OP_OR, a, b, out, err);
}

bool
gv_query_is_empty(const gv_query *q)
{
    try {
        return q->query.empty();
    } catch (...) {
        return false;
    }
}

char *
gv_query_describe(const gv_query *q)
{
    try {
        return strdup(q->query.get_description().c_str());
    } catch (...) {
        return nullptr;
    }
}

// True when @p db searches a remote database.
static bool
has_remote(const gv_db *db)
{
    for (const gv_shard &s : db->shards)
        if (s.remote)
            return true;
    return false;
}

// enq.get_mset(), counting the facet slot's values of every document
// examined into ms->facets when asked to (afresh on each call). A value
// may hold several, one a line: Xapian's own spy counts whole values
// (and, unlike a spy of ours, also runs on remote shards), which are
// then split.
static Xapian::MSet
get_mset_counted(Xapian::Enquire &enq, const gv_search_opts *opts,
                 unsigned first, unsigned max, unsigned check_at_least,
                 gv_mset *ms)
{
    if (opts->facet_slot < 0)
        return enq.get_mset(first, max, check_at_least);
    Xapian::ValueCountMatchSpy spy((Xapian::valueno)opts->facet_slot);
    enq.clear_matchspies();
    enq.add_matchspy(&spy);
    Xapian::MSet found = enq.get_mset(first, max, check_at_least);
    enq.clear_matchspies();
    ms->facets.clear();
    for (Xapian::TermIterator v = spy.values_begin(); v != spy.values_end();
         ++v) {
        const std::string whole = *v;
        size_t start = 0;
        while (start < whole.size()) {
            size_t nl = std::min(whole.find('\n', start), whole.size());
            if (nl > start)
                ms->facets[whole.substr(start, nl - start)] += v.get_termfreq();
            start = nl + 1;
        }
    }
    return found;
}

// Rank the first @p window hits by relevance, then rescore them. The
// order is final when the window held every match, or when the last hit
// wanted has a key no hit outside the window could beat: at least the
// bound for the relevance of the last one in it.
static bool
rescore_window(Xapian::Enquire &enq, const gv_search_opts *opts,
               unsigned window, unsigned max_window, gv_mset *ms)
{
    unsigned want = opts->offset + opts->limit;
    ms->mset = get_mset_counted(enq, opts, 0, window,
                                std::max(opts->check_at_least, window), ms);
    unsigned n = ms->mset.size();
    std::vector<gv_pick> all;
    all.reserve(n);
    for (unsigned i = 0; i < n; i++) {
        Xapian::MSetIterator it = ms->mset[i];
        std::string v = it.get_document().get_value(opts->rescore_slot);
        all.push_back({i, 0,
                       opts->rescore(opts->rescore_ctx, v.data(), v.size(),
                                     it.get_weight())});
    }
    // Stable: equal scores stay in relevance order.
    std::stable_sort(
        all.begin(), all.end(),
        [](const gv_pick &a, const gv_pick &b) { return a.weight > b.weight; });
    bool final = n < window || window >= max_window || want == 0 ||
                 (want <= n && all[want - 1].weight >=
                                   opts->rescore(opts->rescore_ctx, nullptr, 0,
                                                 ms->mset[n - 1].get_weight()));
    if (!final)
        return false;
    ms->picks.clear();
    for (unsigned i = opts->offset; i < n && i < want; i++)
        ms->picks.push_back({all[i].index, i, all[i].weight});
    return true;
}

// Four times @p window, at most @p max_window.
static unsigned
grow_window(unsigned window, unsigned max_window)
{
    return window > max_window / 4 ? max_window : window * 4;
}

// Hits ranked by opts->rescore: in growing windows of the most relevant.
// When no hit can weigh anything (a pure filter), the key depends on the
// value alone and rises with it, so Xapian's sort by value is that order.
static void
run_rescored(Xapian::Enquire &enq, const gv_search_opts *opts, bool remote,
             gv_mset *ms)
{
    // (offset + limit cannot overflow: callers bound both.)
    unsigned want = opts->offset + opts->limit;
    unsigned max_window = std::max(want, GV_RESCORE_MAX_HITS);
    unsigned window = std::max(grow_window(want, max_window), 200u);
    while (!rescore_window(enq, opts, window, max_window, ms)) {
        if (ms->mset.get_max_possible() == 0)
            break;
        window = grow_window(window, max_window);
    }
    if (ms->mset.get_max_possible() != 0)
        return;
    // (A plain value sort where a KeyMaker cannot go: the same order, as
    // no value is lowest.)
    Xapian::MultiValueKeyMaker key;
    key.add_value(opts->rescore_slot, true);
    if (remote)
        enq.set_sort_by_value_then_relevance(opts->rescore_slot, true);
    else
        enq.set_sort_by_key_then_relevance(&key, false);
    ms->mset = get_mset_counted(enq, opts, opts->offset, opts->limit,
                                opts->check_at_least, ms);
    ms->picks.clear();
    for (unsigned i = 0; i < ms->mset.size(); i++) {
        Xapian::MSetIterator it = ms->mset[i];
        std::string v = it.get_document().get_value(opts->rescore_slot);
        ms->picks.push_back(
            {i, it.get_rank(),
             opts->rescore(opts->rescore_ctx, v.data(), v.size(), 0)});
    }
}

static void
run_enquire(Xapian::Database &rdb, const gv_query *q,
            const gv_search_opts *opts, bool remote, gv_mset *ms)
{
    Xapian::Enquire enq(rdb);
    enq.set_query(q->query);
    Xapian::BM25Weight defaults;
    if (opts->bm25_k1 >= 0 || opts->bm25_b >= 0) {
        // Xapian's defaults apart from what the caller chose.
        double k1 = opts->bm25_k1 >= 0 ? opts->bm25_k1 : 1.0;
        double b = opts->bm25_b >= 0 ? opts->bm25_b : 0.5;
        enq.set_weighting_scheme(Xapian::BM25Weight(k1, 0, 1, b, 0.5));
    } else {
        enq.set_weighting_scheme(defaults);
    }
    if (opts->collapse_slot >= 0)
        enq.set_collapse_key((Xapian::valueno)opts->collapse_slot);
    if (opts->rescore) {
        run_rescored(enq, opts, remote, ms);
        return;
    }
    // Kept alive until get_mset() has used it.
    Xapian::MultiValueKeyMaker key;
    if (opts->sort_slot >= 0) {
        Xapian::valueno slot = (Xapian::valueno)opts->sort_slot;
        if (opts->sort == GV_SORT_RELEVANCE) {
            // An empty value sorts lowest: undated hits lose ties.
            enq.set_sort_by_relevance_then_value(slot, true);
        } else {
            bool desc = opts->sort == GV_SORT_VALUE_DESC;
            if (remote) {
                // Xapian 1.4 cannot send a KeyMaker to a remote shard: a
                // plain value sort, the same order when descending (no
                // value is lowest), but ascending, hits without a value
                // come first.
                enq.set_sort_by_value_then_relevance(slot, desc);
            } else {
                // Without a value: lowest when descending, highest
                // ascending, so such hits come last either way.
                key.add_value(slot, desc, desc ? std::string() : "\xff");
                enq.set_sort_by_key_then_relevance(&key, false);
            }
        }
    }
    ms->mset = get_mset_counted(enq, opts, opts->offset, opts->limit,
                                opts->check_at_least, ms);
    ms->picks.clear();
    for (unsigned i = 0; i < ms->mset.size(); i++) {
        Xapian::MSetIterator it = ms->mset[i];
        ms->picks.push_back({i, it.get_rank(), it.get_weight()});
    }
}

// Run the search and read every hit's document data now, while the
// revision the ranking came from is still the one open.
static void
run_and_fetch(gv_db *db, const gv_query *q, const gv_search_opts *opts,
              gv_mset *ms)
{
    run_enquire(db->rdb, q, opts, has_remote(db), ms);
    size_t n = ms->picks.size();
    ms->docs.assign(n, Xapian::Document());
    ms->data.assign(n, std::string());
    ms->values.assign(n, std::map<unsigned, std::string>());
    for (unsigned i = 0; i < n && !opts->count_only; i++) {
        ms->docs[i] = ms->mset[ms->picks[i].index].get_document();
        ms->data[i] = ms->docs[i].get_data();
    }
}

// After a search failed with @p e: find the remote shard to blame (the
// one the error's context names, else one that fails a keep-alive, which
// costs another timeout). Without partial, an error naming it; with
// partial, it is left out of db and noted. Rethrows @p e when no shard is
// to blame.
static gv_status
drop_silent_shard(gv_db *db, const Xapian::NetworkError &e, gv_err *err)
{
    size_t culprit = db->shards.size();
    std::string why = network_why(e);
    // Xapian 1.4 words it "remote:tcp(HOST:PORT)" or "remote:prog(...)".
    for (size_t i = 0; i < db->shards.size(); i++) {
        const gv_shard &s = db->shards[i];
        if (s.remote && (e.get_context() == "remote:tcp(" + s.name + ")" ||
                         e.get_context() == "remote:prog(" + s.name + ")")) {
            culprit = i;
            break;
        }
    }
    for (size_t i = 0; culprit == db->shards.size() && i < db->shards.size();
         i++) {
        if (!db->shards[i].remote)
            continue;
        try {
            db->shards[i].db.keep_alive();
        } catch (const Xapian::Error &ka) {
            why = network_why(ka);
            culprit = i;
        }
    }
    if (culprit == db->shards.size())
        throw e;
    std::string where =
        shard_where(db->shards[culprit].name, db->shards[culprit].origin);
    if (!db->opts.partial)
        return gv_err_set(err, GV_EIO, "shard %s stopped answering: %s",
                          where.c_str(), why.c_str());
    db->missing.push_back(where + ": " + why);
    db->shards.erase(db->shards.begin() + (std::ptrdiff_t)culprit);
    // The other remote shards may be halfway through the failed search's
    // exchange: connect to them afresh (and leave out any that is down).
    for (size_t i = 0; i < db->shards.size();) {
        gv_shard &s = db->shards[i];
        if (s.remote) {
            try {
                connect_remote(db, &s);
            } catch (const Xapian::NetworkError &again) {
                db->missing.push_back(shard_where(s.name, s.origin) + ": " +
                                      network_why(again));
                db->shards.erase(db->shards.begin() + (std::ptrdiff_t)i);
                continue;
            }
        }
        i++;
    }
    if (db->shards.empty())
        return gv_err_set(err, GV_EIO, "no shard answered: %s",
                          db->missing.back().c_str());
    combine_shards(db);
    return GV_OK;
}

gv_status
gv_db_search(gv_db *db, const gv_query *q, const gv_search_opts *opts,
             gv_mset **out, gv_err *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<gv_mset> ms(new gv_mset);
        ms->stem = q->stem;
        ms->text_flags = q->text_flags;
        ms->db_path = db->path;
        // A writer that commits twice while we read makes the revision we
        // read go away: catch up with it and read again. Each try is
        // quick, so a few are enough even for a writer committing often.
        for (int tries = 1;; tries++) {
            try {
                run_and_fetch(db, q, opts, ms.get());
                break;
            } catch (const Xapian::DatabaseModifiedError &) {
                if (tries == MAX_SEARCH_TRIES)
                    throw;
                db->rdb.reopen();
            } catch (const Xapian::NetworkError &e) {
                // A remote shard went silent: name it, or leave it out
                // and search the others (at most once per shard).
                gv_status st = drop_silent_shard(db, e, err);
                if (st != GV_OK)
                    return st;
                tries = 0;
            }
        }
        *out = ms.release();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, db->path.c_str());
    }
}

void
gv_mset_free(gv_mset *ms)
{
    delete ms;
}

unsigned
gv_mset_size(const gv_mset *ms)
{
    return (unsigned)ms->picks.size();
}

unsigned
gv_mset_estimate(const gv_mset *ms)
{
    try {
        return ms->mset.get_matches_estimated();
    } catch (...) {
        return 0;
    }
}

unsigned
gv_mset_lower_bound(const gv_mset *ms)
{
    try {
        return ms->mset.get_matches_lower_bound();
    } catch (...) {
        return 0;
    }
}

unsigned
gv_mset_upper_bound(const gv_mset *ms)
{
    try {
        return ms->mset.get_matches_upper_bound();
    } catch (...) {
        return 0;
    }
}

// Value @p slot of hit @p i, read once. A value that can no longer be
// read (a writer has since replaced the revision searched) is empty: it
// only ever feeds a snippet.
static const std::string &
hit_value(gv_mset *ms, unsigned i, unsigned slot)
{
    auto found = ms->values[i].find(slot);
    if (found != ms->values[i].end())
        return found->second;
    std::string v;
    try {
        v = ms->docs[i].get_value(slot);
    } catch (const Xapian::DatabaseModifiedError &) {
        v.clear();
    }
    return ms->values[i].emplace(slot, std::move(v)).first->second;
}

gv_status
gv_mset_hit(gv_mset *ms, unsigned i, gv_hit *out, gv_err *err)
{
    std::memset(out, 0, sizeof(*out));
    if (i >= ms->picks.size())
        return gv_err_set(err, GV_EINVAL, "hit %u of %u", i,
                          (unsigned)ms->picks.size());
    try {
        Xapian::MSetIterator it = ms->mset[ms->picks[i].index];
        out->docid = *it;
        out->rank = ms->picks[i].rank;
        out->weight = ms->picks[i].weight;
        out->percent = it.get_percent();
        out->data = ms->data[i].c_str();
        out->data_len = ms->data[i].size();
        out->collapse_count = it.get_collapse_count();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, ms->db_path.c_str());
    }
}

gv_status
gv_mset_value(gv_mset *ms, unsigned i, unsigned slot, const char **out,
              size_t *len_out, gv_err *err)
{
    *out = "";
    *len_out = 0;
    if (i >= ms->picks.size())
        return gv_err_set(err, GV_EINVAL, "hit %u of %u", i,
                          (unsigned)ms->picks.size());
    try {
        const std::string &v = hit_value(ms, i, slot);
        *out = v.c_str();
        *len_out = v.size();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, ms->db_path.c_str());
    }
}

void
gv_mset_each_facet(const gv_mset *ms, unsigned max, gv_value_count_fn fn,
                   void *ctx)
{
    try {
        std::vector<std::pair<std::string, unsigned>> top(ms->facets.begin(),
                                                          ms->facets.end());
        // Stable on the map's byte order: equal counts stay in it.
        std::stable_sort(top.begin(), top.end(),
                         [](const std::pair<std::string, unsigned> &a,
                            const std::pair<std::string, unsigned> &b) {
                             return a.second > b.second;
                         });
        for (size_t i = 0; i < top.size() && i < max; i++)
            if (!fn(ctx, top[i].first.c_str(), top[i].second))
                break;
    } catch (...) {
        // Out of memory while sorting: no facets rather than a crash.
    }
}

gv_status
gv_mset_snippet(const gv_mset *ms, const char *text, size_t text_len,
                size_t length, const char *hi_start, const char *hi_end,
                const char *omit, char **out, gv_err *err)
{
    *out = nullptr;
    try {
        // No background model: it looks up the frequency of every word of
        // the body in the index, which made snippets most of a query's
        // cost; the passage with the most matches is as good a choice.
        unsigned flags = Xapian::MSet::SNIPPET_EXHAUSTIVE;
        if (ms->text_flags & GV_TEXT_CJK_NGRAM)
            flags |= Xapian::MSet::SNIPPET_CJK_NGRAM;
        // (Without the background model a snippet reads nothing from the
        // index, so a writer's commits cannot make it fail either.)
        std::string s =
            ms->mset.snippet(std::string(text, text_len), length, ms->stem,
                             flags, hi_start, hi_end, omit);
        char *copy = static_cast<char *>(std::malloc(s.size() + 1));
        if (!copy)
            return gv_err_set(err, GV_ENOMEM, "out of memory");
        std::memcpy(copy, s.c_str(), s.size() + 1);
        *out = copy;
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, ms->db_path.c_str());
    }
}

const char *
gv_xapian_version(void)
{
    return Xapian::version_string();
}

} // extern "C"
