// A minimal searcher written directly against libxapian, for
// bench/index_bench.py: opens the index once, then reads one query a line
// from stdin and prints the stored data (the path, as xapian_min_index
// stores it) of its top 10 (BM25, QueryParser with the English stemmer,
// STEM_SOME, AND between words), one line a query: what a searcher must
// read to print paths, as gavel-search -f paths and FTS5 do. With -t, the
// milliseconds each query took (parse, match, fetch) go to stderr, one a
// line. The floor that gavel-search's batch mode is measured against.
// A peer for the benchmark, not part of Gavel (whose one C++ file, the
// only user of <xapian.h>, is common/xdb.cc): CMake does not build it.
//
//   xapian_min_search [-t] [-n N] DB < QUERIES
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

int
main(int argc, char **argv)
{
    bool timing = false;
    unsigned limit = 10;
    const char *path = nullptr;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "-t"))
            timing = true;
        else if (!std::strcmp(argv[i], "-n") && i + 1 < argc)
            limit = std::strtoul(argv[++i], nullptr, 10);
        else
            path = argv[i];
    }
    if (!path) {
        std::cerr << "usage: xapian_min_search [-t] [-n N] DB < QUERIES\n";
        return 2;
    }
    try {
        Xapian::Database db(path);
        Xapian::Enquire enquire(db);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(Xapian::Stem("english"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        std::string line, out;
        while (std::getline(std::cin, line)) {
            auto t0 = std::chrono::steady_clock::now();
            out.clear();
            try {
                enquire.set_query(qp.parse_query(line));
                Xapian::MSet mset = enquire.get_mset(0, limit);
                for (auto m = mset.begin(); m != mset.end(); ++m) {
                    if (!out.empty())
                        out += '\t';
                    out += m.get_document().get_data();
                }
            } catch (const Xapian::QueryParserError &e) {
                std::cerr << "xapian_min_search: " << e.get_msg() << "\n";
            }
            std::fputs(out.c_str(), stdout);
            std::fputc('\n', stdout);
            if (timing) {
                std::chrono::duration<double, std::milli> ms =
                    std::chrono::steady_clock::now() - t0;
                std::fprintf(stderr, "%.4f\n", ms.count());
            }
        }
    } catch (const Xapian::Error &e) {
        std::cerr << "xapian_min_search: " << e.get_description() << "\n";
        return 2;
    }
    return std::fflush(stdout) == 0 ? 0 : 2;
}
