#!/usr/bin/env bash
# Generates assets/stage/curtain-stinger.webm: the 《百姓大舞台》 stinger transition, 0.8 s at 30 fps.
# Two crimson curtains with gold edges close over the picture (fully closed at 0.4 s, the show file's
# transitionPointMs, where the scene switches underneath) and open again. VP9 with alpha so the picture
# shows between the curtains; ~20 KB.
set -euo pipefail
out="$(dirname "$(readlink -f "$0")")/../stage/curtain-stinger.webm"
P="max(0\,1-abs(T-0.4)/0.4)"          # how far the curtains are closed, 0..1..0
L="(W/2*$P+20)"                       # right edge of the left curtain (overlaps the centre when closed)
G="gt($P\,0.02)*(between(X\,$L-24\,$L)+between(X\,W-$L\,W-$L+24))"  # the gold trim on each leading edge
# Colours in limited-range YCbCr: crimson #8E0E1A with folds (luma varies with X), gold #E5B443.
ffmpeg -hide_banner -loglevel error -y -f lavfi \
    -i "color=c=black:s=1280x720:r=30:d=0.8,format=yuva420p,geq=lum='if($G\,172\,35+45*pow(sin(X/18)\,2))':cb='if($G\,71\,114)':cr='if($G\,158\,183)':a='if(lt(X\,$L)+gt(X\,W-$L)\,255\,0)'" \
    -c:v libvpx-vp9 -pix_fmt yuva420p -b:v 600k -auto-alt-ref 0 -metadata title="百姓大舞台 curtain stinger" \
    -fflags +bitexact "$out"
echo "wrote $out"
