/* SPDX-License-Identifier: MIT */
/* The bundled demo session of each exercise: see demo.h. */
#include "demo.h"

#include <stdio.h>

#include "coach/exercise_table.h"
#include "paths.h"

const char *bc_demo_file_name(bc_exercise_id ex, char *buf, size_t size)
{
	const bc_exercise_info *info = bc_exercise_info_get(ex);
	if (!info)
		return NULL;
	int n = snprintf(buf, size, "demo-%s.csv.gz", info->name);
	return n > 0 && (size_t)n < size ? buf : NULL;
}

const char *bc_demo_find(bc_exercise_id ex, char *buf, size_t size)
{
	char name[64];
	if (!bc_demo_file_name(ex, name, sizeof(name)))
		return NULL;
	return bc_paths_find_bundled(name, buf, size);
}
