# The header fields are searchable by name.
. "$GV_LIB"
assert_eq "$(hits author:okafor)" 2 "author:"
assert_eq "$(hits 'author:"amara okafor"')" 2 "author: phrase"
assert_eq "$(hits place:london)" 4 "place:"
assert_eq "$(hit_files title:extradition)" "uk-banker-extradition-ruling.txt" "title:"
assert_eq "$(hits source:reuters)" 2 "source:"
