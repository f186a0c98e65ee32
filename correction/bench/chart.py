"""WER and edit F1 per row of the benchmark, one bar per lexicon setting, as a PNG.

Drawn on a bare ``Figure`` with the Agg canvas: no pyplot, no display, no global backend
switch. The chart shows the total when there are several data sets, else the one data set.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .runner import BenchResult


def draw(result: BenchResult):
    """The figure (two panels: WER and F1, in percent), not yet saved."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    shown = result.tables[-1]
    rows = [row for row in result.rows if row.dataset == shown]
    systems = list(dict.fromkeys(row.system for row in rows))
    figure = Figure(figsize=(11, 4.5), layout="constrained")
    FigureCanvasAgg(figure)
    width = 0.8 / max(1, len(result.settings))
    for axes, title, value, label in zip(
        figure.subplots(1, 2),
        ("WER (lower is better)", "edit F1 (higher is better)"),
        (lambda row: row.wer, lambda row: row.f1),
        ("%.2f", "%.1f"),  # WERs after correction differ in the second decimal
    ):
        for number, setting in enumerate(result.settings):
            by_system = {row.system: value(row) for row in rows if row.lexicon == setting}
            heights = [100 * (by_system.get(system) or 0.0) for system in systems]
            positions = [index + (number - (len(result.settings) - 1) / 2) * width for index in range(len(systems))]
            bars = axes.bar(positions, heights, width, label=f"lexicon: {setting}")
            axes.bar_label(bars, fmt=label, fontsize=7, padding=1)
        axes.set_title(title)
        axes.set_ylabel("%")
        axes.set_xticks(range(len(systems)), systems, rotation=20)
        axes.grid(axis="y", alpha=0.3)
    figure.axes[0].legend(fontsize=8)
    figure.suptitle(f"correction bench: {'total of ' + ', '.join(result.datasets) if len(result.datasets) > 1 else shown}")
    return figure


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_chart(result: BenchResult, path: str | os.PathLike) -> None:
    """Save the chart through a temporary file and a rename, like ``write_text_atomic``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        draw(result).savefig(temp_name, format="png", dpi=120)
        os.chmod(temp_name, 0o666 & ~_umask())  # mkstemp makes 0600; a chart is as readable as any file
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
