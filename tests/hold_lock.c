/* Test helper: holds the write lock of the index named by argv[1] until
 * its standard input closes, so a CLI case can run gavel-index against a
 * locked index. Prints "locked" once the lock is held. */
#include <stdio.h>

#include "xdb.h"

int
main(int argc, char **argv)
{
    gv_db *db = NULL;
    gv_err err = GV_ERR_INIT;

    if (argc != 2) {
        fprintf(stderr, "usage: hold_lock INDEX <control\n");
        return 2;
    }
    if (gv_db_open(argv[1], GV_DB_WRITE, &db, &err) != GV_OK) {
        fprintf(stderr, "hold_lock: %s\n", err.msg);
        return 1;
    }
    printf("locked\n");
    fflush(stdout);
    while (getchar() != EOF)
        ;
    gv_db_close(db);
    return 0;
}
