# The man pages render without a warning (groff, and man -l when man-db
# is there), and cannot drift from the code: every long option of each
# program's --help is in its page's OPTIONS section, and every option that
# section lists is in --help.
. "$GV_LIB"
MAN=$FX/../man
command -v groff >/dev/null || {
    echo "601-man-pages: groff is missing (apt-get install groff-base)" >&2
    exit 77
}

# long_opts: the sorted long options (--name) in stdin.
long_opts() {
    grep -oE -- '--[a-z0-9][a-z0-9-]*' | sort -u
}

# page_opts PAGE: the long options in the tags of PAGE's OPTIONS section
# (the line after each .TP), with the roff escape \- read as -.
page_opts() {
    sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$1" |
        awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' |
        sed 's/\\-/-/g' | long_opts
}

for prog in index search; do
    page=$MAN/gavel-$prog.1
    [ -f "$page" ] || fail "no man page '$page'"
    groff -man -Tutf8 -ww -z "$page" 2>groff.err
    [ ! -s groff.err ] || fail "groff warns on gavel-$prog.1: $(cat groff.err)"
    if command -v man >/dev/null; then
        MANWIDTH=80 man --warnings -l "$page" >/dev/null 2>man.err ||
            fail "man -l gavel-$prog.1 failed: $(cat man.err)"
        [ ! -s man.err ] || fail "man warns on gavel-$prog.1: $(cat man.err)"
    fi

    case $prog in
    index) bin=$IDX ;;
    search) bin=$SRCH ;;
    esac
    "$bin" --help | long_opts >help.opts
    [ -s help.opts ] || fail "no options in gavel-$prog --help"
    page_opts "$page" >page.opts
    missing=$(comm -23 help.opts page.opts | tr '\n' ' ')
    [ -z "$missing" ] || fail "gavel-$prog.1 OPTIONS lacks: $missing"
    extra=$(comm -13 help.opts page.opts | tr '\n' ' ')
    [ -z "$extra" ] || fail "gavel-$prog.1 OPTIONS has what --help lacks: $extra"
done
