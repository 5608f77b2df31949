/* The state file of saved searches (--watch --state FILE): which
 * documents each saved search has already reported, so a run prints only
 * what is new. Documents are known by a hash of their path and record,
 * not by Xapian's document numbers, which change when a file is
 * re-indexed; so a re-indexed article is not new, and one added while an
 * earlier run was reading is not lost. The file is locked while a run
 * uses it, and replaced atomically. */
#ifndef GV_WATCHSTATE_H
#define GV_WATCHSTATE_H

#include "gv.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct gv_watch_state gv_watch_state;

/**
 * Lock the state file @p path (through "PATH.lock") and read it, if it
 * exists (*existed says). *out is for gv_watch_state_close().
 * Returns GV_OK; GV_ELOCKED when another run holds it; GV_EIO (msg names
 * the file); GV_ECORRUPT for a file that is not a state file; GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_watch_state_open(const char *path, gv_watch_state **out, bool *existed,
                    gv_err *err);

/** True when the saved search @p name reported document @p key before. */
bool
gv_watch_state_seen(const gv_watch_state *ws, const char *name, uint64_t key);

/** Record that @p name has now reported, or matched, document @p key: it
 * goes into the state the next gv_watch_state_save() writes. */
GV_MUST_CHECK gv_status
gv_watch_state_mark(gv_watch_state *ws, const char *name, uint64_t key,
                    gv_err *err);

/** Carry what @p name had seen into the next state unchanged (a saved
 * search that could not run this time). */
GV_MUST_CHECK gv_status
gv_watch_state_keep(gv_watch_state *ws, const char *name, gv_err *err);

/**
 * Replace the state file with the marks of this run (write a temporary
 * file, fsync, rename). Returns GV_OK, GV_EIO (msg names the file).
 */
GV_MUST_CHECK gv_status
gv_watch_state_save(gv_watch_state *ws, gv_err *err);

/** Unlock and free @p ws. NULL is allowed. */
void
gv_watch_state_close(gv_watch_state *ws);

#endif
