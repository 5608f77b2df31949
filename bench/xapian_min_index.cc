// A minimal indexer written directly against libxapian, for
// bench/index_bench.py: the single-core bound of a Xapian writer that does
// only what any indexer must (read each file, TermGenerator with the English
// stemmer and positions, add_document, commit every N documents). No
// headers parsed, no dates, no update logic: a floor, not a product.
// A peer for the benchmark, not part of Gavel (whose one C++ file, the
// only user of <xapian.h>, is common/xdb.cc): CMake does not build it.
//
//   xapian_min_index [-b N] [--no-sync] DB TREE...
//
// Built by bench/index_bench.py with
//   g++ -O2 -std=c++17 xapian_min_index.cc $(pkg-config --cflags --libs xapian-core)
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

static bool
read_file(const std::string &path, std::string &out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

int
main(int argc, char **argv)
{
    unsigned batch = 1000;
    int flags = Xapian::DB_CREATE_OR_OVERWRITE;
    std::vector<std::string> args;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "-b") && i + 1 < argc)
            batch = std::strtoul(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--no-sync"))
            flags |= Xapian::DB_NO_SYNC;
        else
            args.push_back(argv[i]);
    }
    if (args.size() < 2 || batch == 0) {
        std::cerr << "usage: xapian_min_index [-b N] [--no-sync] DB TREE...\n";
        return 2;
    }
    try {
        Xapian::WritableDatabase db(args[0], flags);
        Xapian::TermGenerator tg;
        tg.set_stemmer(Xapian::Stem("english"));
        unsigned long docs = 0;
        std::string text;
        for (size_t a = 1; a < args.size(); a++) {
            for (auto it = fs::recursive_directory_iterator(args[a]);
                 it != fs::recursive_directory_iterator(); ++it) {
                const std::string name = it->path().filename().string();
                if (!name.empty() && name[0] == '.') {
                    if (it->is_directory())
                        it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_regular_file())
                    continue;
                const std::string path = it->path().string();
                if (!read_file(path, text)) {
                    std::cerr << "xapian_min_index: cannot read '" << path
                              << "'\n";
                    continue;
                }
                Xapian::Document doc;
                tg.set_document(doc);
                tg.index_text(text); // positions included
                doc.set_data(path);
                doc.add_boolean_term("Q" + path.substr(0, 240));
                db.add_document(doc);
                if (++docs % batch == 0)
                    db.commit();
            }
        }
        db.commit();
        std::cerr << "xapian_min_index: " << docs << " documents\n";
    } catch (const Xapian::Error &e) {
        std::cerr << "xapian_min_index: " << e.get_description() << "\n";
        return 2;
    } catch (const std::exception &e) {
        std::cerr << "xapian_min_index: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
