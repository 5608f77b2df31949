#!/bin/sh
# Fails when a file other than the allowed one includes Xapian, zlib,
# libxml2 or jansson, or when a second C++ file appears outside tests/
# and bench/.
top=${1:?project folder}
cd "$top" || exit 2
status=0
for dir in common indexer searcher; do
    for f in "$dir"/*.[ch] "$dir"/*.cc; do
        [ -f "$f" ] || continue
        if grep -q '#include *<xapian' "$f" && [ "$f" != common/xdb.cc ]; then
            echo "$f includes <xapian.h>; only common/xdb.cc may" >&2
            status=1
        fi
        if grep -q '#include *<zlib' "$f" && [ "$f" != common/gz.c ]; then
            echo "$f includes <zlib.h>; only common/gz.c may" >&2
            status=1
        fi
        if grep -q '#include *<libxml/' "$f" && [ "$f" != common/html.c ]; then
            echo "$f includes <libxml/...>; only common/html.c may" >&2
            status=1
        fi
        if grep -q '#include *<jansson' "$f" && [ "$f" != common/jsonl.c ]; then
            echo "$f includes <jansson.h>; only common/jsonl.c may" >&2
            status=1
        fi
    done
done
cxx=$(ls common/*.cc common/*.cpp indexer/*.cc indexer/*.cpp \
      searcher/*.cc searcher/*.cpp 2>/dev/null | grep -v '^common/xdb.cc$')
if [ -n "$cxx" ]; then
    echo "C++ files besides common/xdb.cc: $cxx" >&2
    status=1
fi
[ $status = 0 ] && echo "1 passed, 0 failed"
exit $status
