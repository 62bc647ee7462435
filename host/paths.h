/* SPDX-License-Identifier: MIT */
/*
 * Where backcoach keeps and finds its files, all in one place:
 *
 *   the user's data      $BACKCOACH_HOME, else $XDG_DATA_HOME/backcoach,
 *   (history, sessions)  else ~/.local/share/backcoach
 *   the user's settings  $XDG_CONFIG_HOME/backcoach/settings.conf,
 *                        else ~/.config/backcoach/settings.conf
 *   bundled data         beside the program in the source tree (build/ and
 *   (the demo session)   build/<arch>/ are one and two levels below it), its
 *                        ../share/backcoach/ (../../share/backcoach/ from
 *                        backcoach-app), ./host/data/, then
 *                        /usr/local/share/backcoach/
 *   the screen's program $BACKCOACH_APP, else backcoach-app beside this
 *   (run and report)     program (build/), else its ../lib/backcoach/
 *                        (installed: /usr/bin and /usr/lib/backcoach)
 *   fonts                fonts-dejavu-core's directory
 *
 * An empty variable counts as unset, and a relative $XDG_* is ignored (the
 * XDG base directory specification). Nothing here creates a directory.
 */
#ifndef BC_PATHS_H
#define BC_PATHS_H

#include <stddef.h>

#define BC_PATHS_INSTALLED_DATA_DIR "/usr/local/share/backcoach"
#define BC_PATHS_FONT_DIR	    "/usr/share/fonts/truetype/dejavu"

/*
 * name ("history.sqlite3", "sessions") in the user's data directory,
 * written into buf. Returns buf, or NULL when no home is known (neither
 * $BACKCOACH_HOME, $XDG_DATA_HOME nor $HOME) or buf is too small.
 */
const char *bc_paths_data_file(const char *name, char *buf, size_t size);

/* The user's settings file, written into buf; NULL as for bc_paths_data_file. */
const char *bc_paths_settings_file(char *buf, size_t size);

/*
 * The first readable bundled file name (e.g. "demo-bridge.csv.gz") in the
 * places listed above, written into buf; NULL when there is none.
 */
const char *bc_paths_find_bundled(const char *name, char *buf, size_t size);

/*
 * backcoach-app, the program with the screen's commands (run, report) and
 * their libraries, written into buf: $BACKCOACH_APP as given (an emulator's
 * wrapper, say), else the first executable of the places listed above.
 * NULL when there is none or buf is too small.
 */
const char *bc_paths_find_app(char *buf, size_t size);

#endif /* BC_PATHS_H */
