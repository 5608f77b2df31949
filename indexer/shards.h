/* The layout of an index split into shards by gavel-index --shards: a
 * Xapian stub database file STUB listing STUB.shards/0 .. N-1 (relative to
 * the stub's folder), with each file's documents in the shard its path
 * hashes to. Used by index.c; no Xapian here, only paths and the stub. */
#ifndef GV_SHARDS_H
#define GV_SHARDS_H

#include "buf.h"
#include "gv.h"

#define GV_MAX_SHARDS 1024u

/**
 * The shard, of @p count, that holds the documents of the file at
 * @p abs_path: a stable hash of the path, so a changed file, and every
 * record of a JSON-lines file, stays in one shard.
 */
unsigned
gv_shards_route(const char *abs_path, unsigned count);

/** The path of shard @p i of the stub at @p stub_path into @p out. */
GV_MUST_CHECK gv_status
gv_shards_path(const char *stub_path, unsigned i, gv_buf *out, gv_err *err);

/**
 * The number of shards the stub file at @p stub_path lists, into *out,
 * when it is in gavel-index's layout (its lines, comments apart, are
 * "auto NAME.shards/I" for I from 0 up). Returns GV_OK; GV_EIO (cannot
 * read it); GV_EINVAL (another stub file: msg says so).
 */
GV_MUST_CHECK gv_status
gv_shards_read(const char *stub_path, unsigned *out, gv_err *err);

/**
 * Make the folder of the shards of @p stub_path (STUB.shards) when it is
 * missing. Returns GV_OK, GV_EIO.
 */
GV_MUST_CHECK gv_status
gv_shards_make_folder(const char *stub_path, gv_err *err);

/**
 * Write the stub file at @p stub_path listing @p count shards, atomically
 * (a temporary file, fsync, rename). Returns GV_OK, GV_EIO.
 */
GV_MUST_CHECK gv_status
gv_shards_write(const char *stub_path, unsigned count, gv_err *err);

#endif
