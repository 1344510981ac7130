#!/usr/bin/env bash
# Print the folder of the project's shared data (data/, tools/): $NE_SHARED
# if set, else ../shared beside the checkout, else /work/shared. Fails with
# a message when that folder has no data/.
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${NE_SHARED:-}" ]; then
    candidates=("$NE_SHARED")
else
    candidates=("$root/../shared" /work/shared)
fi
for d in "${candidates[@]}"; do
    [ -d "$d/data" ] && { (cd "$d" && pwd); exit 0; }
done
echo "shared data not found in ${candidates[*]} (set NE_SHARED to the folder that holds data/ and tools/)" >&2
exit 1
