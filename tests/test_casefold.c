/* Unit tests of searcher/casefold.h: words folded, operators and exact
 * field values kept as written. */
#include "casefold.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static bool
folds_to(const char *in, const char *want)
{
    char *got = gv_query_fold_case(in);
    bool ok = got && strcmp(got, want) == 0;
    if (!ok)
        fprintf(stderr, "fold '%s': got '%s', want '%s'\n", in,
                got ? got : "(null)", want);
    free(got);
    return ok;
}

int
main(void)
{
    CHECK(folds_to("Courts", "courts"));
    CHECK(folds_to("Supreme Court ruling", "supreme court ruling"));
    CHECK(folds_to("", ""));
    CHECK(folds_to("  Extra  Spaces ", "  extra  spaces "));
    /* Operators stay capitals; the same words in lower case are words. */
    CHECK(folds_to("Fraud AND Bribery", "fraud AND bribery"));
    CHECK(folds_to("a OR b NOT c XOR d", "a OR b NOT c XOR d"));
    CHECK(folds_to("Judge NEAR Recusal", "judge NEAR recusal"));
    CHECK(folds_to("Judge NEAR/3 Recusal ADJ/2 X",
                   "judge NEAR/3 recusal ADJ/2 x"));
    CHECK(folds_to("NEAR/x", "near/x"));
    CHECK(folds_to("ANDROID ORBIT", "android orbit"));
    CHECK(folds_to("(Fraud OR Theft) AND Court", "(fraud OR theft) AND court"));
    CHECK(folds_to("(Fraud OR) Theft", "(fraud OR) theft"));
    /* Signs, phrases, fields, wildcards. */
    CHECK(folds_to("+Court -Appeal", "+court -appeal"));
    CHECK(folds_to("\"Plea Bargain\" Judic*", "\"plea bargain\" judic*"));
    CHECK(folds_to("Title:Extradition author:\"Amara Okafor\"",
                   "title:extradition author:\"amara okafor\""));
    /* Exact values are matched as written. */
    CHECK(folds_to("path:/Archive/2021 Court", "path:/Archive/2021 court"));
    CHECK(folds_to("record:AB-12 url:https://X.example/A",
                   "record:AB-12 url:https://X.example/A"));
    CHECK(folds_to("path:\"/My Docs/Case A\" Ruling",
                   "path:\"/My Docs/Case A\" ruling"));
    CHECK(folds_to("(path:/A/B OR Court)", "(path:/A/B OR court)"));
    CHECK(folds_to("cite:\"42 U.S.C. 1983\" Damages",
                   "cite:\"42 U.S.C. 1983\" damages"));
    CHECK(folds_to("path:\"/Unclosed Quote", "path:\"/Unclosed Quote"));
    /* Only ASCII letters change; UTF-8 passes through. */
    CHECK(folds_to("Zürich École 法院", "zürich École 法院"));
    return CHECK_DONE();
}
