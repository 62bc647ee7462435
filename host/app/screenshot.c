/* SPDX-License-Identifier: MIT */
/* Frame capture to PNG: see screenshot.h. */
#include "app/screenshot.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <SDL_image.h>

int bc_screenshot_save(SDL_Renderer *renderer, int w, int h, const char *path, char *err,
		       size_t err_size)
{
	char tmp[4096];
	int ret = -1;
	SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 24, SDL_PIXELFORMAT_RGB24);
	if (!shot) {
		snprintf(err, err_size, "%s: %s", path, SDL_GetError());
		return -1;
	}
	if (SDL_RenderReadPixels(renderer, NULL, SDL_PIXELFORMAT_RGB24, shot->pixels,
				 shot->pitch) != 0) {
		snprintf(err, err_size, "%s: cannot read the frame: %s", path, SDL_GetError());
		goto out;
	}
	snprintf(tmp, sizeof(tmp), "%s.part", path);
	if (IMG_SavePNG(shot, tmp) != 0) {
		snprintf(err, err_size, "%s: %s", tmp, IMG_GetError());
		remove(tmp);
		goto out;
	}
	if (rename(tmp, path) != 0) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		remove(tmp);
		goto out;
	}
	ret = 0;
out:
	SDL_FreeSurface(shot);
	return ret;
}
