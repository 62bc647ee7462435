/* SPDX-License-Identifier: MIT */
/* Saving the frame on screen as PNG (--screenshot, the tests, the README). */
#ifndef BC_APP_SCREENSHOT_H
#define BC_APP_SCREENSHOT_H

#include <stddef.h>

#include <SDL.h>

/*
 * The renderer's current target (w x h pixels) to a PNG file, through
 * SDL2_image. Written to path.part and renamed, so a crash never leaves half
 * a PNG. 0, or -1 with a message naming the file in err.
 */
int bc_screenshot_save(SDL_Renderer *renderer, int w, int h, const char *path, char *err,
		       size_t err_size);

#endif /* BC_APP_SCREENSHOT_H */
