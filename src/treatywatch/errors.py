"""Errors treatywatch raises on purpose. Anything else is a bug.

    TreatywatchError
    ├── InputError        a document cannot be read (names the document and the problem)
    ├── DataFileError     a bundled or user data file is invalid (names file:line and the fix)
    ├── ConfigError       a bad option, URL or environment value
    ├── StoreError        the database cannot be opened, migrated or written
    └── NotFoundError     a case, document or state asked for does not exist

Extraction never raises on text: odd text gives a Doc with no events and a warning.
"""

from __future__ import annotations


class TreatywatchError(Exception):
    """Base class: the message is meant for the user as it is."""


class InputError(TreatywatchError):
    def __init__(self, document: str, problem: str):
        self.document = document
        self.problem = problem
        super().__init__(f"{document}: {problem}")

    def __reduce__(self):  # picklable, to come back from a worker process
        return type(self), (self.document, self.problem)


class DataFileError(TreatywatchError):
    pass


class ConfigError(TreatywatchError):
    pass


class StoreError(TreatywatchError):
    pass


class NotFoundError(TreatywatchError):
    pass
