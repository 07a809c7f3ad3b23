#!/usr/bin/env bash
# Train the English pipeline shipped in src/newsevents/models/en_ud/ from UD_English-EWT
# (../shared/corpus/ud-english/, CC BY-SA 4.0). `make model-en` runs it; never CI.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
EWT=${EWT:-../shared/corpus/ud-english/UD_English-EWT}
WORK=${WORK:-training/en_ud/work}
OUT=${OUT:-src/newsevents/models/en_ud}
mkdir -p "$WORK/corpus"
for split in train dev test; do
    "$PY" -m spacy convert "$EWT/en_ewt-ud-$split.conllu" "$WORK/corpus" -n 10 -c conllu >/dev/null
done
start=$(date +%s)
"$PY" -m spacy train training/en_ud/config.cfg --output "$WORK/out" \
    --paths.train "$WORK/corpus/en_ewt-ud-train.spacy" --paths.dev "$WORK/corpus/en_ewt-ud-dev.spacy" \
    --nlp.batch_size 256
end=$(date +%s)
echo "training took $((end - start)) s"
"$PY" training/en_ud/package.py "$WORK/out/model-best" "$OUT" --ewt "$EWT" --train-seconds $((end - start))
