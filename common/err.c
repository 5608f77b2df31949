/* gv_err: the first-error-wins error record used by every module. */
#include "gv.h"

#include <stdarg.h>
#include <stdio.h>

gv_status
gv_err_set(gv_err *err, gv_status code, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return code;
    if (err->code != GV_OK)
        return err->code; /* keep the first error: it is the cause */
    err->code = code;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    return code;
}

void
gv_err_clear(gv_err *err)
{
    if (!err)
        return;
    err->code = GV_OK;
    err->msg[0] = '\0';
}

const char *
gv_status_name(gv_status code)
{
    switch (code) {
    case GV_OK:
        return "ok";
    case GV_ENOMEM:
        return "out of memory";
    case GV_EINVAL:
        return "invalid argument";
    case GV_EIO:
        return "I/O error";
    case GV_EQUERY:
        return "query error";
    case GV_ELOCKED:
        return "database locked";
    case GV_ECORRUPT:
        return "database corrupt";
    case GV_EBADDOC:
        return "bad document";
    case GV_EXAPIAN:
        return "Xapian error";
    case GV_EINTERNAL:
        return "internal error";
    }
    return "unknown error";
}
