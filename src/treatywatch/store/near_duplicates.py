"""Near-duplicate republications found with MinHash over 5-word shingles.

Each document's signature is stored with it; the LSH index lives in memory and is
rebuilt from the stored signatures when a store starts ingesting. Two documents are
near-duplicates when their estimated Jaccard similarity reaches `THRESHOLD`.

Which copy counts does not depend on ingestion order: in a group of near-duplicates
the original is the earliest published, then the smallest id (`original_key`).

datasketch (which pulls in scipy, a second to import) is imported only when
signatures are made or compared, so read-only commands start fast.
"""

from __future__ import annotations

import datetime as dt
import re

from typing import Any

from treatywatch.store.identity import normalize_text

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 5
SEED = 1
SCHEME = "affine32"  # pinned: stored signatures must stay comparable across versions
_WORD = re.compile(r"\w+", re.UNICODE)


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes to store."""
    words = _WORD.findall(normalize_text(text).lower())
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i:i + SHINGLE_WORDS])
                    for i in range(len(words) - SHINGLE_WORDS + 1)}
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return minhash.hashvalues.astype("<u8").tobytes()


def _lean(data: bytes) -> Any:
    import numpy as np
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(data, dtype="<u8"), scheme=SCHEME)


def original_key(published: dt.date | None, doc_id: str) -> tuple[dt.date, str]:
    return (published or dt.date.max, doc_id)


class NearDuplicateIndex:
    """Signatures of stored documents, queried for neighbours above `THRESHOLD`."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._hashes: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, doc_id: str, data: bytes) -> None:
        if doc_id in self._hashes:
            return
        lean = _lean(data)
        self._hashes[doc_id] = lean
        self._lsh.insert(doc_id, lean)

    def neighbours(self, data: bytes, exclude: str | None = None) -> dict[str, float]:
        """Stored documents similar to a signature, with their estimated similarity."""
        lean = _lean(data)
        found = {}
        for doc_id in self._lsh.query(lean):
            if doc_id == exclude:
                continue
            similarity = lean.jaccard(self._hashes[doc_id])
            if similarity >= THRESHOLD:
                found[doc_id] = float(similarity)
        return found

    def neighbours_of(self, doc_id: str) -> dict[str, float]:
        lean = self._hashes[doc_id]
        return self.neighbours(lean.hashvalues.astype("<u8").tobytes(), exclude=doc_id)
