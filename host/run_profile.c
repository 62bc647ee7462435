/* SPDX-License-Identifier: MIT */
/* The profile `backcoach run` coaches: see run_profile.h. */
#include "run_profile.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/session_recorder.h"
#include "coach/settings.h"

static void report(const char *msg)
{
	fprintf(stderr, "backcoach run: %s\n", msg);
}

/* The settings: --settings, else the profile's file when it exists; the plan only for a replay. */
static int load_settings(bc_run_profile *p, const char *name, bc_app_config *cfg, char *err,
			 size_t err_size)
{
	char own[PATH_MAX];
	const char *path = p->settings_path;
	if (!path) {
		path = bc_profile_file(name, "settings.conf", own, sizeof(own));
		if (path && access(path, F_OK) != 0)
			path = NULL;
	}
	bc_coach_settings loaded;
	bc_coach_settings_init(&loaded);
	if (path) {
		bc_settings_error serr;
		if (bc_settings_load(path, &loaded, &serr) != 0) {
			snprintf(err, err_size, "Settings not used (defaults instead): %s",
				 serr.message);
			bc_coach_settings_init(&loaded);
			if (p->live || p->settings_path)
				cfg->settings = loaded;
			else
				cfg->settings.plan = loaded.plan;
			return -1;
		}
	}
	if (p->live || p->settings_path)
		cfg->settings = loaded;
	else
		cfg->settings.plan = loaded.plan; /* counts as `replay` counts them */
	return 0;
}

int bc_run_profile_apply(void *ctx, const char *name, bc_app_config *cfg, char *err,
			 size_t err_size)
{
	bc_run_profile *p = ctx;
	snprintf(p->name, sizeof(p->name), "%s", name);
	cfg->history_path = bc_profile_file(name, "history.sqlite3", p->history_path,
					    sizeof(p->history_path));
	if (p->own_recordings) {
		cfg->record_dir = bc_profile_file(name, "sessions", p->record_dir,
						  sizeof(p->record_dir));
		if (cfg->record_dir)
			bc_session_recorder_recover(cfg->record_dir, report);
	}
	char current[BC_PROFILE_NAME_MAX], why[256];
	if (strcmp(bc_profile_current(current, sizeof(current)), name) != 0 &&
	    bc_profile_set_current(name, why, sizeof(why)) != 0)
		report(why); /* only the next start's choice is lost */
	return load_settings(p, name, cfg, err, err_size);
}

int bc_run_profile_open(bc_run_profile *p, const char *wanted, bc_app_config *cfg, char *notice,
			size_t notice_size)
{
	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX], err[256], last[BC_PROFILE_NAME_MAX];
	int n = bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err));
	if (n < 0) { /* no home at all: one wearer, the defaults */
		bc_coach_settings_init(&cfg->settings);
		return 0;
	}
	const char *name = wanted ? wanted : bc_profile_current(last, sizeof(last));
	int i = bc_profiles_find(names, n, name);
	if (i < 0) {
		fprintf(stderr, "backcoach run: no profile '%s' (backcoach profile add %s)\n", name,
			name);
		return 1;
	}
	bc_app_profiles *ap = &cfg->profiles;
	*ap = (bc_app_profiles){ .n = n, .current = i, .selection = i, .requested = -1 };
	_Static_assert(BC_APP_PROFILE_NAME_MAX == BC_PROFILE_NAME_MAX, "one name length");
	for (int k = 0; k < n && k < BC_APP_PROFILES_MAX; k++)
		memcpy(ap->name[k], names[k], sizeof(ap->name[k]));
	cfg->switch_profile = bc_run_profile_apply;
	cfg->add_profile = bc_run_profile_add_wearer;
	cfg->profile_ctx = p;
	if (bc_run_profile_apply(p, names[i], cfg, notice, notice_size) != 0) {
		fprintf(stderr, "backcoach run: %s\n", notice);
		cfg->notice = notice;
	}
	return 0;
}

int bc_run_profile_add_wearer(void *ctx, char *name, size_t name_size, char *err, size_t err_size)
{
	(void)ctx;
	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX];
	int n = bc_profiles_list(names, BC_PROFILES_MAX, err, err_size);
	if (n < 0)
		return -1;
	for (int k = 2; k <= BC_PROFILES_MAX + 1; k++) {
		char candidate[BC_PROFILE_NAME_MAX];
		snprintf(candidate, sizeof(candidate), "Wearer %d", k);
		if (bc_profiles_find(names, n, candidate) >= 0)
			continue;
		if (bc_profile_add(candidate, err, err_size) != 0)
			return -1;
		snprintf(name, name_size, "%s", candidate);
		return 0;
	}
	snprintf(err, err_size, "%d profiles already: the home screen shows no more", n);
	return -1;
}
