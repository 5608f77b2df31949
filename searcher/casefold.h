/* Query words folded to lower case before parsing, so that Xapian's
 * "stem some" strategy, which leaves capitalised words unstemmed (taking
 * them for names), stems "Courts" as it stems "courts": on the test
 * collections of bench/quality that finds more of the relevant articles
 * (see bench/quality/TUNING.md). */
#ifndef GV_CASEFOLD_H
#define GV_CASEFOLD_H

/**
 * A malloc'd copy of @p query with ASCII letters in lower case, except
 * Xapian's operators (AND, OR, NOT, XOR, NEAR, ADJ, NEAR/3, ADJ/3), which
 * must stay capitals, and the values of the exact fields (url:, record:,
 * path:, cite:), which are matched as written. NULL when out of memory.
 */
char *
gv_query_fold_case(const char *query);

#endif
