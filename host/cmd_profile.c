/* SPDX-License-Identifier: MIT */
/*
 * backcoach profile [list | add NAME | use NAME]
 *
 * The wearers of one device (profiles.h): list them with where each one's
 * history and settings are, add one, or choose the one the coach starts
 * with (the home screen's chooser does the same with the buttons). Adding
 * makes a directory and nothing else: no file of anyone's is changed.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_options.h"
#include "commands.h"
#include "profiles.h"

static const bc_cli_option options[] = {
	{ NULL, NULL, NULL, 0 },
};

static void more_help(FILE *out)
{
	fprintf(out,
		"\nlist (the default)  the profiles, the current one marked '*', with their files\n"
		"add NAME            a new profile: its own plan (settings.conf) and history\n"
		"use NAME            the profile the coach starts with\n"
		"\nThe first profile, '" BC_PROFILE_FIRST
		"', is the data backcoach always used ($BACKCOACH_HOME\n"
		"or ~/.local/share/backcoach, and ~/.config/backcoach/settings.conf); every other\n"
		"one lives in DATA/profiles/NAME/. 'backcoach history --profile NAME' and\n"
		"'backcoach run --profile NAME' take one.\n");
}

static const bc_cli_command command = {
	.name = "profile",
	.synopsis = "[list | add NAME | use NAME]",
	.about = "The wearers of this device, each with a plan and a history of their own.",
	.options = options,
	.min_args = 0,
	.max_args = 2,
	.more_help = more_help,
	.exit_status = "0 done, 1 cannot (a name taken, a directory not made), 2 usage error",
};

static bool exists(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0;
}

static int list(void)
{
	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX], err[256], current[BC_PROFILE_NAME_MAX];
	int n = bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err));
	if (n < 0) {
		fprintf(stderr, "backcoach profile: %s\n", err);
		return BC_EXIT_FAILURE;
	}
	bc_profile_current(current, sizeof(current));
	for (int i = 0; i < n; i++) {
		char hist[4096], conf[4096];
		const char *h = bc_profile_file(names[i], "history.sqlite3", hist, sizeof(hist));
		const char *c = bc_profile_file(names[i], "settings.conf", conf, sizeof(conf));
		printf("%c %s\n", strcmp(names[i], current) ? ' ' : '*', names[i]);
		printf("    history:  %s%s\n", h ? h : "?", exists(h) ? "" : " (none yet)");
		printf("    settings: %s%s\n", c ? c : "?", exists(c) ? "" : " (none: defaults)");
	}
	return bc_cli_flush_stdout(&command);
}

int cmd_profile(int argc, char **argv)
{
	bc_cli_parser p;
	const char *value;
	bc_cli_parser_init(&p, &command, argc, argv);
	while (bc_cli_next_option(&p, &value) != BC_CLI_END)
		;
	int n;
	char **args = bc_cli_arguments(&p, &n);
	const char *verb = n > 0 ? args[0] : "list";
	char err[512];
	if (!strcmp(verb, "list") && n <= 1)
		return list();
	if (n != 2 || (strcmp(verb, "add") && strcmp(verb, "use")))
		return bc_cli_usage_error(&command, "expected list, add NAME or use NAME");
	const char *name = args[1];
	if (!strcmp(verb, "add")) {
		if (bc_profile_add(name, err, sizeof(err)) != 0) {
			fprintf(stderr, "backcoach profile: %s\n", err);
			return BC_EXIT_FAILURE;
		}
		char conf[4096];
		printf("added profile '%s'; its plan goes in %s\n", name,
		       bc_profile_file(name, "settings.conf", conf, sizeof(conf)));
		return bc_cli_flush_stdout(&command);
	}
	char names[BC_PROFILES_MAX][BC_PROFILE_NAME_MAX];
	int k = bc_profiles_list(names, BC_PROFILES_MAX, err, sizeof(err));
	int i = k > 0 ? bc_profiles_find(names, k, name) : -1;
	if (i < 0) {
		fprintf(stderr, "backcoach profile: no profile '%s' (backcoach profile add %s)\n",
			name, name);
		return BC_EXIT_FAILURE;
	}
	if (bc_profile_set_current(names[i], err, sizeof(err)) != 0) {
		fprintf(stderr, "backcoach profile: %s\n", err);
		return BC_EXIT_FAILURE;
	}
	return BC_EXIT_OK;
}
