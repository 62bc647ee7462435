/* SPDX-License-Identifier: MIT */
/*
 * Subcommands of build/backcoach. Each takes argc/argv starting at its own
 * name and returns the process exit status (contract §2: 0 done, 2 usage,
 * 3 unreadable or malformed trace).
 */
#ifndef BC_COMMANDS_H
#define BC_COMMANDS_H

#define BC_EXIT_OK	  0
#define BC_EXIT_FAILURE	  1
#define BC_EXIT_USAGE	  2
#define BC_EXIT_BAD_TRACE 3

int cmd_replay(int argc, char **argv);
int cmd_orient(int argc, char **argv);
int cmd_angles(int argc, char **argv);
int cmd_sim(int argc, char **argv);
int cmd_probe(int argc, char **argv);
int cmd_record(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_profile(int argc, char **argv);
int cmd_sway(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif /* BC_COMMANDS_H */
