/* SPDX-License-Identifier: MIT */
/*
 * The profile `backcoach run` coaches (profiles.h): chosen by --profile or
 * the one used last, listed for the home screen's chooser, and switched to
 * when the wearer picks another one there. A profile brings its settings
 * file (live sessions: all of it; a replay or the demo: only its plan, so
 * the counts stay those of `backcoach replay`), its history and, live, its
 * recordings directory. --settings and --record still win over them.
 */
#ifndef BC_RUN_PROFILE_H
#define BC_RUN_PROFILE_H

#include <limits.h>
#include <stdbool.h>

#include "app/app_run.h"
#include "profiles.h"

typedef struct {
	bool live;		   /* live sessions: the whole settings file and recordings */
	const char *settings_path; /* --settings: used whatever the profile */
	bool own_recordings;	   /* live and neither --record nor --no-record */
	char name[BC_PROFILE_NAME_MAX];
	char history_path[PATH_MAX];
	char record_dir[PATH_MAX];
} bc_run_profile;

/*
 * Lists the profiles into cfg->profiles, picks wanted (NULL: the one used
 * last) and applies it to cfg (settings already initialised; see
 * bc_run_profile_apply), and sets cfg's switch callback. 0; 1 when wanted is
 * no profile (message on stderr); a bad settings file is a notice in
 * notice and on stderr, and the defaults are used.
 */
int bc_run_profile_open(bc_run_profile *p, const char *wanted, bc_app_config *cfg, char *notice,
			size_t notice_size);

/*
 * Points cfg at profile name: its settings, history and recordings, and
 * records it as the one used last. The app's switch callback. 0, or -1 with
 * the settings file's problem in err (cfg then has the defaults).
 */
int bc_run_profile_apply(void *ctx, const char *name, bc_app_config *cfg, char *err,
			 size_t err_size);

/*
 * Makes the first free "Wearer N" (N from 2) and writes its name into name:
 * the app's new-wearer callback (no keyboard to type one). 0, or -1 with a
 * message in err (the limit reached, the directory cannot be made).
 */
int bc_run_profile_add_wearer(void *ctx, char *name, size_t name_size, char *err, size_t err_size);

#endif /* BC_RUN_PROFILE_H */
