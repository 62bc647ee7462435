/* SPDX-License-Identifier: MIT */
/*
 * The voice's cost (make bench): how long espeak-ng takes to render a line
 * (wall and CPU time, instructions where the CPU counts them), how much
 * audio that line is (so the real-time factor), and the memory: espeak-ng's
 * own once started, and a line's buffer. Rendering runs on the voice's own
 * thread, never on the sensor path; this says what that thread costs.
 *
 * Usage: bench_voice BUILD_DIR SHARED_DATA_DIR (as tests/bench/run_bench.sh calls it)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "app/speech_engine.h"
#include "coach/coach.h"
#include "support/bench_support.h"

#define OUT_RATE_HZ 44100
#define RUNS	    15

static double cpu_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long max_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	static const char *const lines[] = {
		"That's three",
		"Hold",
		"Not counted: hold for 2 seconds, you held 0.8 seconds",
		"Not counted: keep your hips level: your left hip dropped",
		"Lie on your back, knees bent. Already down? Stand up for 3 seconds first",
	};
	char cpu[128], err[256];
	bc_bench_cpu_model(cpu, sizeof(cpu));
	bc_coach_settings s;
	bc_coach_settings_init(&s);

	long rss0 = max_rss_kb();
	double t0 = bc_bench_now_s();
	bc_speech_engine *e = bc_speech_engine_open(&s.voice, OUT_RATE_HZ, err, sizeof(err));
	double open_s = bc_bench_now_s() - t0;
	if (!e) {
		printf("voice: skipped: %s\n", err);
		return 0;
	}
	long rss1 = max_rss_kb();
	printf("voice: espeak-ng, voice \"%s\" at %d wpm, rendered at %d Hz, out at %d Hz, on %s\n",
	       s.voice.name, s.voice.rate_wpm, bc_speech_engine_native_rate_hz(e), OUT_RATE_HZ,
	       cpu);
	printf("voice: start-up %.0f ms; resident memory +%ld kB (espeak-ng and its data)\n",
	       open_s * 1e3, rss1 - rss0);
	printf("voice: %-74s %8s %8s %8s %9s %8s\n", "line", "audio s", "wall ms", "cpu ms",
	       "x realtime", "buf kB");
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		double wall[RUNS], cpu_used[RUNS], audio_s = 0;
		size_t bytes = 0;
		long long ins0 = bc_bench_instructions();
		for (int r = 0; r < RUNS; r++) {
			float *pcm = NULL;
			size_t n = 0;
			double w = bc_bench_now_s(), c = cpu_s();
			if (bc_speech_engine_render(e, lines[i], &pcm, &n, NULL) != 0) {
				printf("voice: render failed\n");
				return 1;
			}
			wall[r] = bc_bench_now_s() - w;
			cpu_used[r] = cpu_s() - c;
			audio_s = (double)n / OUT_RATE_HZ;
			bytes = n * sizeof(float);
			free(pcm);
		}
		long long ins1 = bc_bench_instructions();
		double wm = bc_bench_median(wall, RUNS), cm = bc_bench_median(cpu_used, RUNS);
		printf("voice: %-74s %8.2f %8.1f %8.1f %9.0f %8.0f", lines[i], audio_s, wm * 1e3,
		       cm * 1e3, audio_s / wm, (double)bytes / 1024.0);
		if (ins0 >= 0 && ins1 >= 0)
			printf("  %.1f M instructions", (double)(ins1 - ins0) / RUNS / 1e6);
		printf("\n");
	}
	bc_speech_engine_close(e);
	return 0;
}
