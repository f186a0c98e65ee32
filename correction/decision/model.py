"""The fitted decision model: a logistic regression over :data:`~correction.decision.features.FEATURES`.

A model is data (scikit-learn's lesson): the feature names, their centring and scaling, the
weights, the bias and the default confidence bound, with the signature of the data and settings
that fitted it, in one small JSON file (``weights.json`` beside this module; made by
``python benchmarks/fit_decision.py``). Loading checks every field; a missing or corrupt file is a
one-line :class:`ModelError` naming it.

>>> model = DecisionModel.load()
>>> 0.0 < model.min_confidence < 1.0 and set(model.features) <= set(FEATURES)
True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorrectionError
from .features import FEATURES

WEIGHTS = Path(__file__).resolve().parent / "weights.json"
FORMAT = "correction-decision/1"


class ModelError(CorrectionError):
    """A decision weights file that is missing, not JSON, or not a model of the known features."""


@dataclass(frozen=True)
class DecisionModel:
    """``p(right fix) = sigmoid(bias + sum(weight * (value - mean) / scale))``."""

    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    min_confidence: float
    signature: str

    def __post_init__(self) -> None:
        count = len(self.features)
        for field in ("means", "scales", "weights"):
            if len(getattr(self, field)) != count:
                raise ValueError(f"DecisionModel.{field}: {len(getattr(self, field))} values for {count} features")
        unknown = [name for name in self.features if name not in FEATURES]
        if unknown:
            raise ValueError(f"DecisionModel.features: unknown feature(s) {', '.join(unknown)}")
        if any(scale <= 0 for scale in self.scales):
            raise ValueError("DecisionModel.scales: every scale must be positive")
        if not 0.0 < self.min_confidence < 1.0:
            raise ValueError(f"DecisionModel.min_confidence: {self.min_confidence} is outside (0, 1)")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "DecisionModel":
        """The model in ``path`` (default: the shipped weights)."""
        file = Path(path) if path is not None else WEIGHTS
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ModelError(str(file), "no decision weights file; run python benchmarks/fit_decision.py") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ModelError(str(file), f"corrupt decision weights ({type(error).__name__}: {error})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(str(file), f"not a decision weights file (format must be {FORMAT!r})")
        try:
            return cls(
                features=tuple(data["features"]), means=tuple(map(float, data["means"])),
                scales=tuple(map(float, data["scales"])), weights=tuple(map(float, data["weights"])),
                bias=float(data["bias"]), min_confidence=float(data["min_confidence"]),
                signature=str(data["signature"]),
            )
        except KeyError as error:
            raise ModelError(str(file), f"corrupt decision weights (no {error.args[0]!r})") from None
        except (TypeError, ValueError) as error:
            raise ModelError(str(file), f"corrupt decision weights ({error})") from None

    def to_json(self, extra: dict | None = None) -> str:
        data = {"format": FORMAT, "signature": self.signature, "features": list(self.features),
                "means": [round(v, 6) for v in self.means], "scales": [round(v, 6) for v in self.scales],
                "weights": [round(v, 6) for v in self.weights], "bias": round(self.bias, 6),
                "min_confidence": self.min_confidence, **(extra or {})}
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    def contributions(self, values: list[float]) -> list[float]:
        """Each feature's share of the log-odds: ``weight * (value - mean) / scale``."""
        return [w * (v - m) / s for v, m, s, w in zip(values, self.means, self.scales, self.weights)]

    def logit(self, values: list[float]) -> float:
        return self.bias + sum(self.contributions(values))

    def probability(self, values: list[float]) -> float:
        return sigmoid(self.logit(values))

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        """The probability of each row. The decision asks for a transcript's candidates at once, so
        that another kind of model (one that predicts in batches) can stand in for this one."""
        return [self.probability(values) for values in rows]


def sigmoid(logit: float) -> float:
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    exp = math.exp(logit)
    return exp / (1.0 + exp)


def logit(probability: float) -> float:
    """The inverse of :func:`sigmoid` (probabilities clipped away from 0 and 1)."""
    probability = min(max(probability, 1e-9), 1 - 1e-9)
    return math.log(probability / (1 - probability))
