"""Language resources at the library edge: morphology (pymorphy3, simplemma) and tokens."""

from treatywatch.extract.lang.morph import Analysis, Morph, normalize
from treatywatch.extract.lang.tokens import Token, tokenize

__all__ = ["Analysis", "Morph", "Token", "normalize", "tokenize"]
