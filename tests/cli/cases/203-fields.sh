# The header fields are searchable by name.
. "$GV_LIB"
assert_eq "$(hits author:okafor)" 2 "author:"
assert_eq "$(hits 'author:"amara okafor"')" 2 "author: phrase"
assert_eq "$(hits place:london)" 5 "place: (four headers, one dateline)"
assert_eq "$(hit_files title:extradition)" "uk-banker-extradition-ruling.txt" "title:"
assert_eq "$(hits source:reuters)" 4 "source: (two headers, two datelines)"
