" fsq scripts: *.fsq, or a #! line that runs fsq.
autocmd BufRead,BufNewFile *.fsq setfiletype fsq
autocmd BufRead,BufNewFile * if getline(1) =~# '^#!.*\<fsq\>' | setfiletype fsq | endif
