#!/usr/bin/env bash
# Draws the latency-over-time plot of a load run (ops/load/run.sh) with gnuplot: p50, p95 and p99 of
# the requests started in each 1 s window (5 s at low rates) against the 500 ms and 1 s targets, with the step boundaries,
# and the requests answered per second and failed; for a soak also the heap after GC, the Hikari
# connections, open files and threads that were sampled.
#
# Usage: ops/load/plot.sh SERIES_DAT OUT_PNG WARMUP_SECONDS STEP_SECONDS [SAMPLES_CSV] [--dry-run]
# SERIES_DAT comes from `ops/load/report.py series`; SAMPLES_CSV from a soak. Needs gnuplot.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"
(($# >= 4)) || fail "usage: plot.sh SERIES_DAT OUT_PNG WARMUP_SECONDS STEP_SECONDS [SAMPLES_CSV]"
series=$1 png=$2 warmup=$3 step=$4 samples=${5:-}
[[ -f "$series" ]] || fail "$series does not exist"
[[ "$warmup" =~ ^[0-9]+$ && "$step" =~ ^[0-9]+$ ]] || fail "WARMUP_SECONDS and STEP_SECONDS must be whole numbers"
command -v gnuplot >/dev/null || fail "gnuplot is missing (apt-get install -y gnuplot-nox)"
panels=$([[ -n "$samples" ]] && echo 3 || echo 2)
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
  echo "set terminal pngcairo size 1200,$((panels * 330)) font 'sans,10'"
  echo "set output '$png'"
  echo "set multiplot layout $panels,1"
  echo "set grid; set key top left; set xlabel 'seconds since the load started'"
  echo "set for [i=1:1000] arrow i from $warmup+(i-1)*$step, graph 0 to $warmup+(i-1)*$step, graph 1 nohead lc rgb '#888888' dt 2"
  echo "set title 'Latency of the requests started in each $(sed -n '1s/# window \([0-9]*\) s.*/\1 s/p' "$series") window (dashed lines: end of the warm-up, then each step)'"
  echo "set ylabel 'ms'; set logscale y"
  echo "plot '$series' using 1:(\$3 > 0 ? \$3 : 1) with lines lw 1 title 'p50', \
'' using 1:(\$4 > 0 ? \$4 : 1) with lines lw 1 title 'p95', \
'' using 1:(\$5 > 0 ? \$5 : 1) with lines lw 1 title 'p99', \
500 with lines dt 3 lc rgb 'orange' title 'p95 target 500 ms', \
1000 with lines dt 3 lc rgb 'red' title 'p99 target 1 s'"
  echo "unset logscale y"
  echo "set title 'Requests started per second, and failed requests per window'"
  echo "set ylabel 'requests/s'"
  echo "plot '$series' using 1:2 with lines title 'requests/s', '' using 1:6 with impulses lc rgb 'red' title 'failed'"
  if [[ -n "$samples" ]]; then
    echo "unset for [i=1:1000] arrow i"
    echo "set datafile separator ','"
    echo "set title 'Soak: heap after a full GC, Hikari connections, open files, threads'"
    echo "set ylabel 'MiB'; set y2label 'count'; set y2tics; set ytics nomirror"
    echo "plot '$samples' using 1:(\$3/1048576) every ::1 with linespoints axes x1y1 title 'heap after GC (MiB)', \
'' using 1:4 every ::1 with linespoints axes x1y2 title 'Hikari active', \
'' using 1:6 every ::1 with linespoints axes x1y2 title 'Hikari pending', \
'' using 1:7 every ::1 with linespoints axes x1y2 title 'open files', \
'' using 1:8 every ::1 with linespoints axes x1y2 title 'threads'"
  fi
  echo "unset multiplot"
} >"$script"
run gnuplot "$script"
log "plot: $png"
