#!/usr/bin/env python3
"""Writes a benchmark corpus of Wiro tool specs (*.wiro.md) derived from the real pages in ../shared/specs.

The corpus holds the real pages as they are (pages/, excerpts/, seed/) plus variants of them: each variant
renames the tool's slug (so every spec gets its own type name), shuffles the order of its inputs, and, for a
page that still has its newlines, alternates between that layout and the collapsed one-line layout the seed
and the excerpts arrived in. Output is deterministic for a given --seed.

The pages are third-party material: write the corpus to a temporary or obj/ folder, never into the repository.

    python3 scripts/make-corpus.py --out /tmp/wiro-corpus --count 1000
"""
import argparse
import os
import random
import re
import sys

FOLDERS = ("pages", "excerpts", "seed")
INPUTS_HEADING = re.compile(r"## (?:Tool|Model) Inputs:")
NEXT_HEADING = re.compile(r"(?:^|\s)## ")
INPUT_START = re.compile(r"(?<=\s)- name:")
WHITESPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")


def collapse(text):
    """The layout of the seed and the excerpts: every whitespace run turned into one space."""
    return WHITESPACE_RUN.sub(" ", text).strip()


def is_collapsed(text):
    return "\n" not in text.strip()


def rename_slug(text, owner, slug, new_slug):
    """Points every Run endpoint (the generator's source of truth for the type name) at the new slug."""
    old = re.compile(re.escape("/Run/" + owner + "/" + slug), re.IGNORECASE)
    renamed, count = old.subn(lambda _: "/Run/" + owner + "/" + new_slug, text)
    if count == 0:
        raise ValueError("no Run endpoint for %s/%s" % (owner, slug))
    return renamed


def shuffle_inputs(text, rng):
    """Shuffles the input blocks of the inputs section; a block cut by truncation stays last."""
    heading = INPUTS_HEADING.search(text)
    if heading is None:
        return text
    body_start = heading.end()
    following = NEXT_HEADING.search(text, body_start)
    body_end = following.start() if following else len(text)
    body = text[body_start:body_end]

    starts = [match.start() for match in INPUT_START.finditer(body)]
    if len(starts) < 2:
        return text
    prefix = body[:starts[0]]
    blocks = [body[start:end] for start, end in zip(starts, starts[1:] + [len(body)])]
    trailing = blocks[-1][len(blocks[-1].rstrip()):]
    separator = blocks[0][len(blocks[0].rstrip()):] or " "
    blocks = [block.rstrip() for block in blocks]

    cut = blocks.pop() if following is None else None
    rng.shuffle(blocks)
    if cut is not None:
        blocks.append(cut)
    return text[:body_start] + prefix + separator.join(blocks) + trailing + text[body_end:]


def read_real_specs(shared):
    specs = []
    for folder in FOLDERS:
        directory = os.path.join(shared, folder)
        if not os.path.isdir(directory):
            sys.exit("make-corpus: no %s (expected the shared specs at %s)" % (directory, shared))
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".md"):
                continue
            owner, slug = name[:-len(".md")].split("__", 1)
            with open(os.path.join(directory, name), encoding="utf-8", newline="") as handle:
                specs.append((folder, owner, slug, handle.read()))
    return specs


def file_stem(owner, slug):
    return re.sub(r"[^A-Za-z0-9._-]", "_", owner + "__" + slug)


def write(directory, name, text):
    with open(os.path.join(directory, name), "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="folder to (re)create the corpus in")
    parser.add_argument("--count", type=int, default=1000, help="specs in all, the real ones included")
    parser.add_argument("--shared", default=os.path.join(here, "..", "..", "shared", "specs"),
                        help="the shared specs folder (default: ../shared/specs beside the repository)")
    parser.add_argument("--seed", type=int, default=20240601, help="random seed of the input shuffles")
    parser.add_argument("--no-real", action="store_true", help="variants only, no copy of the real pages")
    args = parser.parse_args()

    real = read_real_specs(os.path.abspath(args.shared))
    os.makedirs(args.out, exist_ok=True)
    for stale in os.listdir(args.out):
        if stale.endswith(".wiro.md"):
            os.remove(os.path.join(args.out, stale))

    written = 0
    if not args.no_real:
        for folder, owner, slug, text in real[:args.count]:
            write(args.out, "real-%s-%s.wiro.md" % (folder, file_stem(owner, slug)), text)
            written += 1
    real_count = written

    rng = random.Random(args.seed)
    layouts = {"multi-line": 0, "collapsed": 0}
    index = 0
    while written < args.count:
        folder, owner, slug, text = real[index % len(real)]
        new_slug = "%s-c%04d" % (slug, index)
        variant = shuffle_inputs(rename_slug(text, owner, slug, new_slug), rng)
        if not is_collapsed(variant) and index // len(real) % 2 == 1:
            variant = collapse(variant)
        layouts["collapsed" if is_collapsed(variant) else "multi-line"] += 1
        write(args.out, "c%04d-%s.wiro.md" % (index, file_stem(owner, new_slug)), variant)
        written += 1
        index += 1

    print("make-corpus: wrote %d specs to %s (%d real; %d variants: %d multi-line, %d collapsed)"
          % (written, os.path.abspath(args.out), real_count, written - real_count,
             layouts["multi-line"], layouts["collapsed"]))


if __name__ == "__main__":
    main()
