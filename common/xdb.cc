// The C binding of libxapian declared in xdb.h: the only C++ file in Gavel
// and the only one that includes <xapian.h>. Every extern "C" function
// catches everything and turns it into a gv_status, because a C++
// exception unwinding through a C frame is undefined behaviour.
#include "xdb.h"

#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <sys/stat.h>
#include <vector>

// Searches retried when a writer's commits overtake the reader.
#define MAX_SEARCH_TRIES 5

struct gv_db {
    std::string path;
    gv_db_mode mode;
    Xapian::Database rdb;         // read handle; a copy of wdb when writing
    Xapian::WritableDatabase wdb; // valid only in GV_DB_WRITE
};

struct gv_xdoc {
    Xapian::Document doc;
    Xapian::TermGenerator gen;
};

struct gv_qparser {
    Xapian::QueryParser qp;
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

struct gv_mset {
    Xapian::MSet mset;
    std::string db_path; // for messages about reading hits
    Xapian::Stem stem;
    unsigned text_flags;
    // The hits' documents, read while the searched revision is open;
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

extern "C" {

gv_status
gv_db_open(const char *path, gv_db_mode mode, gv_db **out, gv_err *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<gv_db> db(new gv_db);
        db->path = path;
        db->mode = mode;
        if (mode == GV_DB_WRITE) {
            if (is_foreign_folder(path))
                return gv_err_set(err, GV_EINVAL,
                                  "cannot create index '%s': the folder "
                                  "holds other files and no index",
                                  path);
            db->wdb = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
            db->rdb = db->wdb;
        } else {
            // Xapian's message for a missing directory is vague; name it.
            struct stat st;
            if (stat(path, &st) != 0)
                return gv_err_set(err, GV_EIO, "cannot open index '%s': %s",
                                  path, std::strerror(errno));
            db->rdb = Xapian::Database(path);
        }
        *out = db.release();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, path);
    }
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
        *out = db->rdb.get_revision();
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
        *out = db->rdb.get_termfreq(term);
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
gv_db_get_value(gv_db *db, unsigned docid, unsigned slot, gv_buf *out,
                gv_err *err)
{
    gv_buf_reset(out);
    try {
        Xapian::Database &d = db->mode == GV_DB_WRITE ? db->wdb : db->rdb;
        std::string v = d.get_document(docid).get_value(slot);
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

gv_status
gv_query_new_filtered(const gv_query *q, const gv_query *filter, gv_query **out,
                      gv_err *err)
{
    *out = nullptr;
    try {
        gv_status st = wrap_query(
            Xapian::Query(Xapian::Query::OP_FILTER, q->query, filter->query),
            out, err);
        if (st == GV_OK) {
            (*out)->stem = q->stem; // snippets still stem as the query did
            (*out)->text_flags = q->text_flags;
        }
        return st;
    } catch (...) {
        return status_from_exception(err, nullptr);
    }
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

static Xapian::MSet
run_enquire(Xapian::Database &rdb, const gv_query *q,
            const gv_search_opts *opts)
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
    // Kept alive until get_mset() has used it.
    Xapian::MultiValueKeyMaker key;
    if (opts->sort_slot >= 0) {
        Xapian::valueno slot = (Xapian::valueno)opts->sort_slot;
        if (opts->sort == GV_SORT_RELEVANCE) {
            // An empty value sorts lowest: undated hits lose ties.
            enq.set_sort_by_relevance_then_value(slot, true);
        } else {
            bool desc = opts->sort == GV_SORT_VALUE_DESC;
            // Without a value: lowest when descending, highest ascending,
            // so such hits come last either way.
            key.add_value(slot, desc, desc ? std::string() : "\xff");
            enq.set_sort_by_key_then_relevance(&key, false);
        }
    }
    if (opts->collapse_slot >= 0)
        enq.set_collapse_key((Xapian::valueno)opts->collapse_slot);
    return enq.get_mset(opts->offset, opts->limit, opts->check_at_least);
}

// Run the search and read every hit's document data now, while the
// revision the ranking came from is still the one open.
static void
run_and_fetch(Xapian::Database &rdb, const gv_query *q,
              const gv_search_opts *opts, gv_mset *ms)
{
    ms->mset = run_enquire(rdb, q, opts);
    size_t n = ms->mset.size();
    ms->docs.assign(n, Xapian::Document());
    ms->data.assign(n, std::string());
    ms->values.assign(n, std::map<unsigned, std::string>());
    for (unsigned i = 0; i < n && !opts->count_only; i++) {
        ms->docs[i] = ms->mset[i].get_document();
        ms->data[i] = ms->docs[i].get_data();
    }
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
                run_and_fetch(db->rdb, q, opts, ms.get());
                break;
            } catch (const Xapian::DatabaseModifiedError &) {
                if (tries == MAX_SEARCH_TRIES)
                    throw;
                db->rdb.reopen();
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
    try {
        return ms->mset.size();
    } catch (...) {
        return 0;
    }
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
    if (i >= ms->mset.size())
        return gv_err_set(err, GV_EINVAL, "hit %u of %u", i,
                          (unsigned)ms->mset.size());
    try {
        Xapian::MSetIterator it = ms->mset[i];
        out->docid = *it;
        out->rank = it.get_rank();
        out->weight = it.get_weight();
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
    if (i >= ms->mset.size())
        return gv_err_set(err, GV_EINVAL, "hit %u of %u", i,
                          (unsigned)ms->mset.size());
    try {
        const std::string &v = hit_value(ms, i, slot);
        *out = v.c_str();
        *len_out = v.size();
        return GV_OK;
    } catch (...) {
        return status_from_exception(err, ms->db_path.c_str());
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
