" Vim syntax file for fsq (https://github.com/…/fsq). Keywords follow Grammar/fsq.ebnf.
if exists("b:current_syntax")
  finish
endif

syn keyword fsqKeyword let def assert table for explain check use load
syn keyword fsqOperatorWord and or not
syn keyword fsqBoolean true false
syn match fsqComment "#.*$"
syn region fsqString start=+"+ skip=+\\\\\|\\"+ end=+"+ contains=fsqEscape
syn match fsqEscape +\\[\\"nt]+ contained
syn match fsqPeriod "\c\<c\=q[1-4][ \t]\+\d\{4}\>"
syn match fsqPeriod "\c\<c\=h[12][ \t]\+\d\{4}\>"
syn match fsqPeriod "\c\<q[1-4][ \t]\+fy[ \t]*\d\{4}\>"
syn match fsqPeriod "\c\<h[12][ \t]\+fy[ \t]*\d\{4}\>"
syn match fsqPeriod "\c\<[fc]y[ \t]*\d\{4}\>"
syn match fsqPeriod "\<\d\{4}[qh]\d\>"
syn match fsqPeriod "\<\d\{1,2}m[ \t]\+\d\{4}\>"
syn match fsqDate "\<\d\{4}-\d\{2}-\d\{2}\>"
syn match fsqNumber "\$\=\<\d[0-9_]*\(,\d\{3}\)*\(\.\d\+\)\=\([eE][+-]\=\d\+\)\=\(bn\|[kKmMbB]\)\=\(%\|pp\|x\)\="
syn match fsqMeta "^\s*:[a-z]\+"
syn match fsqCall "\<[A-Za-z_][A-Za-z0-9_]*\ze\s*("

hi def link fsqKeyword Keyword
hi def link fsqOperatorWord Operator
hi def link fsqBoolean Boolean
hi def link fsqComment Comment
hi def link fsqString String
hi def link fsqEscape SpecialChar
hi def link fsqPeriod Constant
hi def link fsqDate Constant
hi def link fsqNumber Number
hi def link fsqMeta PreProc
hi def link fsqCall Function

let b:current_syntax = "fsq"
