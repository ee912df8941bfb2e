#ifndef FSQ_CEDITLINE_SHIM_H
#define FSQ_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#include <editline/readline.h>

// Swift 6 refuses to touch mutable C globals such as `stdin` directly; these accessors hand
// them over as plain function results.
static inline FILE *fsq_stdin(void) { return stdin; }
static inline FILE *fsq_stdout(void) { return stdout; }
static inline FILE *fsq_stderr(void) { return stderr; }

// libedit's readline globals, read and written through functions for the same reason.
static inline char *fsq_rl_line_buffer(void) { return rl_line_buffer; }
static inline int fsq_rl_point(void) { return rl_point; }
static inline void fsq_rl_set_completion(rl_completion_func_t *function) { rl_attempted_completion_function = function; }
static inline void fsq_rl_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void fsq_rl_set_append_character(int c) { rl_completion_append_character = c; }
static inline void fsq_rl_set_word_breaks(char *breaks) {
  rl_basic_word_break_characters = breaks;
  rl_completer_word_break_characters = breaks;
}
static inline void fsq_rl_set_getc(int (*function)(FILE *)) { rl_getc_function = function; }
static inline void fsq_rl_set_catch_signals(int on) { rl_catch_signals = on; }
static inline void fsq_rl_set_name(const char *name) { rl_readline_name = name; }
#endif
