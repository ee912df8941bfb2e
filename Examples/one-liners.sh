#!/bin/sh
# fsq from the shell: one number per command, ready for pipelines.
fsq -e 'margin(q3 2009) - margin(q3 2008)'
fsq --format json -e 'growth(revenue, q3 2009)'
fsq --format csv -e 'table revenue, gross_profit, margin for q3 2009, q3 2008'
fsq --format markdown -e 'table revenue, ebitda, adjusted_ebitda for q3 2009, q3 2008'
fsq -e 'ticker(2009-05-29)' -e 'ticker(2009-11-17)'
echo 'total_assets(2009-09-30) - total_assets(2008-12-31)' | fsq
fsq -e 'revenue(q4 2009)' 2>&1 || echo "exit status $?"
