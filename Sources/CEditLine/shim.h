#ifndef FSQ_CEDITLINE_SHIM_H
#define FSQ_CEDITLINE_SHIM_H
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <editline/readline.h>

// Swift 6 refuses to touch mutable C globals such as `stdin` directly; these accessors hand
// them over as plain function results.
static inline FILE *fsq_stdin(void) { return stdin; }
static inline FILE *fsq_stdout(void) { return stdout; }
static inline FILE *fsq_stderr(void) { return stderr; }

// libedit is opened only when the interactive shell starts: linking it made every run of fsq
// load libedit, libtinfo, libbsd and libmd (about 0.2 ms of a one-liner). Its functions and
// globals are reached through dlsym; without libedit the shell reads plain lines.
#if defined(__APPLE__)
#define FSQ_LIBEDIT "libedit.3.dylib"
#else
#define FSQ_LIBEDIT "libedit.so.2"
#endif

static inline void *fsq_edit_symbol(const char *name) {
  static void *library = NULL;
  static int tried = 0;
  if (!tried) {
    tried = 1;
    library = dlopen(FSQ_LIBEDIT, RTLD_LAZY | RTLD_LOCAL);
  }
  return library ? dlsym(library, name) : NULL;
}

static inline int fsq_edit_available(void) { return fsq_edit_symbol("readline") != NULL; }

static inline char *fsq_readline(const char *prompt) {
  char *(*function)(const char *) = (char *(*)(const char *))fsq_edit_symbol("readline");
  if (function) return function(prompt);
  fputs(prompt, stdout);
  fflush(stdout);
  char *line = NULL;
  size_t capacity = 0;
  ssize_t count = getline(&line, &capacity, stdin);
  if (count < 0) {
    free(line);
    return NULL;
  }
  if (count > 0 && line[count - 1] == '\n') line[count - 1] = 0;
  return line;
}

static inline int fsq_add_history(const char *line) {
  int (*function)(const char *) = (int (*)(const char *))fsq_edit_symbol("add_history");
  return function ? function(line) : 0;
}
static inline void fsq_using_history(void) {
  void (*function)(void) = (void (*)(void))fsq_edit_symbol("using_history");
  if (function) function();
}
static inline int fsq_read_history(const char *path) {
  int (*function)(const char *) = (int (*)(const char *))fsq_edit_symbol("read_history");
  return function ? function(path) : 0;
}
static inline int fsq_write_history(const char *path) {
  int (*function)(const char *) = (int (*)(const char *))fsq_edit_symbol("write_history");
  return function ? function(path) : 0;
}

// libedit's readline globals, read and written through functions for the same reasons.
#define FSQ_EDIT_GLOBAL(type, name) ((type *)fsq_edit_symbol(#name))
static inline char *fsq_rl_line_buffer(void) {
  char **buffer = FSQ_EDIT_GLOBAL(char *, rl_line_buffer);
  return buffer ? *buffer : NULL;
}
static inline int fsq_rl_point(void) {
  int *point = FSQ_EDIT_GLOBAL(int, rl_point);
  return point ? *point : 0;
}
static inline void fsq_rl_set_completion(rl_completion_func_t *function) {
  rl_completion_func_t **slot = FSQ_EDIT_GLOBAL(rl_completion_func_t *, rl_attempted_completion_function);
  if (slot) *slot = function;
}
static inline void fsq_rl_set_completion_over(int over) {
  int *slot = FSQ_EDIT_GLOBAL(int, rl_attempted_completion_over);
  if (slot) *slot = over;
}
static inline void fsq_rl_set_append_character(int c) {
  int *slot = FSQ_EDIT_GLOBAL(int, rl_completion_append_character);
  if (slot) *slot = c;
}
static inline void fsq_rl_set_word_breaks(char *breaks) {
  const char **basic = FSQ_EDIT_GLOBAL(const char *, rl_basic_word_break_characters);
  char **completer = FSQ_EDIT_GLOBAL(char *, rl_completer_word_break_characters);
  if (basic) *basic = breaks;
  if (completer) *completer = breaks;
}
static inline void fsq_rl_set_getc(int (*function)(FILE *)) {
  typedef int (*getc_function)(FILE *);
  getc_function *slot = FSQ_EDIT_GLOBAL(getc_function, rl_getc_function);
  if (slot) *slot = function;
}
static inline void fsq_rl_set_catch_signals(int on) {
  int *slot = FSQ_EDIT_GLOBAL(int, rl_catch_signals);
  if (slot) *slot = on;
}
static inline void fsq_rl_set_name(const char *name) {
  const char **slot = FSQ_EDIT_GLOBAL(const char *, rl_readline_name);
  if (slot) *slot = name;
}
#endif
