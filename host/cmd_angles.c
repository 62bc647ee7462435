/* SPDX-License-Identifier: MIT */
/* Placeholder: replaced by the real command in its own change. */
#include <stdio.h>

#include "commands.h"

int cmd_angles(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "backcoach angles: not built yet\n");
	return BC_EXIT_FAILURE;
}
