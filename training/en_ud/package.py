"""Package a trained English pipeline into the source tree with its meta.json.

    python training/en_ud/package.py MODEL_DIR OUT_DIR --ewt EWT_DIR --train-seconds N

Scores it on EWT's test split through the project's own parse interface (bench/parser.py)
and records the data, the licence and the scores in meta.json: a model trained on
UD_English-EWT carries EWT's licence, CC BY-SA 4.0.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--ewt", type=Path, required=True)
    parser.add_argument("--train-seconds", type=int, required=True)
    args = parser.parse_args()

    nlp = spacy.load(args.model)
    nlp.meta.update({
        "lang": "en", "name": "ud", "version": "1.0.0",
        "description": "English tagger, morphologizer, dependency parser and trainable "
                       "lemmatizer for newsevents, trained on UD_English-EWT r2.16 "
                       "(CNN tok2vec, no static vectors). Config: training/en_ud/config.cfg; "
                       "reproduce with `make model-en`.",
        "license": "CC BY-SA 4.0",
        "author": "newsevents", "url": "",
        "sources": [{
            "name": "Universal Dependencies English Web Treebank (UD_English-EWT) r2.16",
            "url": "https://github.com/UniversalDependencies/UD_English-EWT",
            "license": "CC BY-SA 4.0",
            "author": "Silveira et al. 2014; Universal Dependencies contributors",
        }],
        "training_seconds_2_cores": args.train_seconds,
    })
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    shutil.copy(args.ewt / "LICENSE.txt", args.out / "LICENSE.EWT.txt")
    # The packaged pipeline itself is scored, wherever it was written.
    env = {**os.environ, "NEWSEVENTS_EN_MODEL": str(args.out.resolve())}
    scores = subprocess.run(
        [sys.executable, str(ROOT / "bench/parser.py"), "--lang", "en",
         "--conllu", str(args.ewt / "en_ewt-ud-test.conllu")],
        check=True, capture_output=True, text=True, cwd=ROOT, env=env,
    ).stdout.strip().splitlines()[-1]
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["ewt_test_scores"] = json.loads(scores)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(scores)


if __name__ == "__main__":
    main()
