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
#endif
