/* SPDX-License-Identifier: MIT */
/*
 * Profiles: more than one wearer on one device, each with a name, a plan
 * (their settings file) and a history of their own.
 *
 *   the first profile, "Me"   the files backcoach always used, where they
 *                             are: DATA/history.sqlite3, DATA/sessions/ and
 *                             ~/.config/backcoach/settings.conf (paths.h);
 *                             an existing single-user device keeps its data
 *                             and nothing is moved, renamed or deleted
 *   every other profile NAME  DATA/profiles/NAME/history.sqlite3,
 *                             DATA/profiles/NAME/sessions/ and
 *                             DATA/profiles/NAME/settings.conf
 *   the last one chosen       DATA/profile (one line: its name), so the
 *                             device starts with the wearer who used it last
 *
 * DATA is the user's data directory (paths.h). A profile is made by
 * `backcoach profile add NAME` (a directory; no settings file is written:
 * the defaults apply until someone puts one there). Names are 1 to 31
 * bytes of UTF-8 without '/', control characters, a leading '.' or spaces
 * at either end, and unique ignoring case.
 */
#ifndef BC_PROFILES_H
#define BC_PROFILES_H

#include <stdbool.h>
#include <stddef.h>

#define BC_PROFILES_MAX	    8
#define BC_PROFILE_NAME_MAX 32
#define BC_PROFILE_FIRST    "Me"

/* Whether name can be a profile's (see above; "Me" is taken by the first). */
bool bc_profile_name_valid(const char *name);

/*
 * The profiles: the first one, then the others sorted by name, into names
 * (at most max). Returns how many (at least 1), or -1 with a message in err
 * when the data directory is unknown.
 */
int bc_profiles_list(char names[][BC_PROFILE_NAME_MAX], int max, char *err, size_t err_size);

/* Index of name among n listed names (case ignored), -1 if none. */
int bc_profiles_find(char names[][BC_PROFILE_NAME_MAX], int n, const char *name);

/*
 * A profile's files: "history.sqlite3", "sessions" or "settings.conf",
 * written into buf. Returns buf, or NULL (no home known, buf too small or
 * an invalid name). name NULL or BC_PROFILE_FIRST: the first profile's.
 */
const char *bc_profile_file(const char *name, const char *file, char *buf, size_t size);

/*
 * Makes profile name (its directory, mode 0700, and DATA/profiles when
 * needed). 0, or -1 with a message in err: a bad name, one that exists,
 * the limit reached, or the directory cannot be made.
 */
int bc_profile_add(const char *name, char *err, size_t err_size);

/*
 * The profile chosen last (DATA/profile) into buf, or BC_PROFILE_FIRST when
 * none is recorded or it no longer exists. Returns buf.
 */
const char *bc_profile_current(char *buf, size_t size);

/* Records name as the profile chosen last (written atomically). 0 or -1 (err). */
int bc_profile_set_current(const char *name, char *err, size_t err_size);

#endif /* BC_PROFILES_H */
