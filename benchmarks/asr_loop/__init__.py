"""Recogniser-in-the-loop data: written sentences, spoken by espeak-ng, heard by Whisper base.

Run from the project root: ``python -m benchmarks.asr_loop.generate hear`` (slow, resumable),
then ``python -m benchmarks.asr_loop.generate build`` (seconds, no recogniser needed).
"""
