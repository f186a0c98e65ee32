"""Both decisions on the kinds of mishearing issue 10 names, one sentence each, written for this
check (not from any held-out set), with the default lexicon reduced to its terms (no alias, no
sounds-like: what a canonical-only lexicon gives).

    python benchmarks/issue_kinds.py

A sentence counts as fixed when the corrected text is the expected one exactly; the last one
must be left as it is ("il y a" is "there is", not Ilya). Nothing was fitted or tuned on these.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from correction import Corrector, Entry, Lexicon  # noqa: E402

# (kind, heard, expected)
SENTENCES = (
    ("the name's letters respaced, named elsewhere",
     "Le patron d'open Ai a parlé hier soir. OpenAI a répondu ce matin.",
     "Le patron d'OpenAI a parlé hier soir. OpenAI a répondu ce matin."),
    ("the name's letters recased, not named right elsewhere",
     "Les chercheurs d'OpenAI visent l'Agi. Pour eux, l'Agi arrivera vite.",
     "Les chercheurs d'OpenAI visent l'AGI. Pour eux, l'AGI arrivera vite."),
    ("a company after a role word",
     "Clément, le fondateur de Hugging Fesse, était là. Hugging Face lève des fonds.",
     "Clément, le fondateur de Hugging Face, était là. Hugging Face lève des fonds."),
    ("a product garbled into pieces",
     "Mid journée sort une nouvelle version. Midjourney est payant.",
     "Midjourney sort une nouvelle version. Midjourney est payant."),
    ("a product heard as foreign words",
     "Tout le monde utilise chat jay pity maintenant. ChatGPT a cent millions d'utilisateurs.",
     "Tout le monde utilise ChatGPT maintenant. ChatGPT a cent millions d'utilisateurs."),
    ("a person heard as three words",
     "Demi sa Sabis dirige Google DeepMind. Demis Hassabis a eu le prix Nobel.",
     "Demis Hassabis dirige Google DeepMind. Demis Hassabis a eu le prix Nobel."),
    ("two persons misheard in one sentence",
     "Satia Nadela a proposé d'embaucher Salman Altman chez Microsoft. Satya Nadella était furieux.",
     "Satya Nadella a proposé d'embaucher Sam Altman chez Microsoft. Satya Nadella était furieux."),
    ("a surname misheard, the first name right",
     "On en parle avec Yann Lequin, le patron de la recherche chez Meta.",
     "On en parle avec Yann LeCun, le patron de la recherche chez Meta."),
    ("ordinary speech to leave alone",
     "Il y a trois semaines, il y a eu le licenciement de Sam Altman par le conseil.",
     "Il y a trois semaines, il y a eu le licenciement de Sam Altman par le conseil."),
)


def main() -> int:
    lexicon = Lexicon.from_entries([Entry(term=entry.term, kind=entry.kind) for entry in Lexicon.load()])
    correctors = {decision: Corrector(lexicon, decision=decision) for decision in ("rules", "model")}
    print("| kind | heard | " + " | ".join(correctors) + " |")
    print("|---|---|" + "---|" * len(correctors))
    right = dict.fromkeys(correctors, 0)
    for kind, heard, expected in SENTENCES:
        cells = []
        for decision, corrector in correctors.items():
            ok = corrector.correct(heard).text == expected
            right[decision] += ok
            cells.append("yes" if ok else "no")
        print(f"| {kind} | {heard} | " + " | ".join(cells) + " |")
    print("\nright: " + ", ".join(f"{decision} {count}/{len(SENTENCES)}" for decision, count in right.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
