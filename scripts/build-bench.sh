#!/usr/bin/env bash
# Build-time cost of the generator in a real `dotnet build`, run by hand (never by CI); see docs/benchmarks.md.
#
# Creates three console projects in a temporary folder: two referencing src/Wiro.Generator as an analyzer, one with
# SPECS spec files (from scripts/make-corpus.py, i.e. from ../shared/specs) and one with none; the third without the
# generator, holding the C# the generator wrote for the first as plain source (the floor). Then times:
#   1. an incremental build with no change            (goal: with specs <= 1.2x without; the two alternate)
#   2. a build after editing one spec                 (beside a build after editing Program.cs in each project)
# Uses hyperfine when installed, else times RUNS runs itself; prints medians and ratios.
#
#   scripts/build-bench.sh [--specs 500] [--runs 10] [--keep]
# The compiler server follows the environment (UseSharedCompilation); pass -p:UseSharedCompilation=true|false
# through BUILD_ARGS to choose, e.g. BUILD_ARGS=-p:UseSharedCompilation=true scripts/build-bench.sh
set -euo pipefail

specs=500
runs=10
keep=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --specs) specs="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    *) echo "usage: $0 [--specs N] [--runs N] [--keep]" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/wiro-build-bench.XXXXXX")"
$keep || trap 'rm -rf "$work"' EXIT
build_args=(--no-restore -nologo -v:q -clp:ErrorsOnly ${BUILD_ARGS:-})

python3 "$repo/scripts/make-corpus.py" --out "$work/corpus" --count "$specs"

generator_reference="<ProjectReference Include=\"$repo/src/Wiro.Generator/Wiro.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />"

make_project() { # name, items for the project file
  local dir="$work/$1"
  mkdir -p "$dir"
  cat > "$dir/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    $2
  </ItemGroup>
</Project>
XML
  cat > "$dir/Program.cs" <<'CS'
using Wiro;

using var client = new WiroClient(new WiroClientOptions { ApiKey = "k", ApiSecret = "s" });
Console.WriteLine(client.Options.BaseAddress);
CS
}

build_once() { # name, extra build arguments
  dotnet build "$work/$1/App.csproj" -nologo -v:q -clp:ErrorsOnly ${BUILD_ARGS:-} "${@:2}" > "$work/$1.first-build.log" 2>&1 \
    || { cat "$work/$1.first-build.log"; exit 1; }
}

make_project with-specs "$generator_reference <AdditionalFiles Include=\"$work/corpus/*.wiro.md\" />"
make_project no-specs "$generator_reference"
make_project plain-source ""
build_once no-specs
# The floor for a build with specs: the same generated C#, as plain source files in a project without the generator.
build_once with-specs -p:EmitCompilerGeneratedFiles=true "-p:CompilerGeneratedFilesOutputPath=$work/generated"
cp -r "$work/generated" "$work/plain-source/Generated"
build_once plain-source
build_once with-specs
derived=("$work"/corpus/c*.wiro.md)
spec="${derived[0]}"

# Edits that change what the compiler sees: a spec's description (so its generated docs change) or a C# comment.
edit_spec="sed -i '0,/description: /s//description: x/' '$spec'"
edit_code_with="echo '// edit' >> '$work/with-specs/Program.cs'"
edit_code_none="echo '// edit' >> '$work/no-specs/Program.cs'"
edit_code_plain="echo '// edit' >> '$work/plain-source/Program.cs'"
build_with="dotnet build '$work/with-specs/App.csproj' ${build_args[*]}"
build_none="dotnet build '$work/no-specs/App.csproj' ${build_args[*]}"
build_plain="dotnet build '$work/plain-source/App.csproj' ${build_args[*]}"

results="$work/results.tsv"
: > "$results"

summarize() { # label; reads milliseconds, one per line; appends "label median min max" in seconds to the results
  sort -n | python3 -c 'import sys; t=[int(x)/1000 for x in sys.stdin]; print("%s\t%.3f\t%.3f\t%.3f" % (sys.argv[1], t[len(t)//2], t[0], t[-1]))' "$1" >> "$results"
}

measure() { # label, prepare command ("" for none), build command
  local label="$1" prepare="$2" command="$3"
  if command -v hyperfine > /dev/null; then
    local json="$work/$(echo "$label" | tr -c 'a-zA-Z0-9' '-').json"
    local prepare_args=()
    [[ -n "$prepare" ]] && prepare_args=(--prepare "$prepare")
    hyperfine --style basic --warmup 1 --runs "$runs" "${prepare_args[@]}" -n "$label" --export-json "$json" "$command" >&2
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%s\t%.3f\t%.3f\t%.3f" % (sys.argv[2], r["median"], r["min"], r["max"]))' "$json" "$label" >> "$results"
  else
    local times=()
    for ((i = 0; i <= runs; i++)); do
      [[ -n "$prepare" ]] && bash -c "$prepare"
      local start end
      start=$(date +%s%N); bash -c "$command"; end=$(date +%s%N)
      ((i > 0)) && times+=("$(( (end - start) / 1000000 ))")   # run 0 is the warm-up
    done
    printf '%s\n' "${times[@]}" | summarize "$label"
  fi
}

# The goal is a ratio of two no-change builds, so they are timed in alternation (one warm-up each). Timed one after
# the other, the ratio moved with the order: 1.30x in one run, 1.08x in the next, on the same projects.
measure_alternating() { # label A, command A, label B, command B
  local -a times_a=() times_b=()
  local start end
  for ((i = 0; i <= runs; i++)); do
    start=$(date +%s%N); bash -c "$2" > /dev/null; end=$(date +%s%N)
    ((i > 0)) && times_a+=("$(( (end - start) / 1000000 ))")
    start=$(date +%s%N); bash -c "$4" > /dev/null; end=$(date +%s%N)
    ((i > 0)) && times_b+=("$(( (end - start) / 1000000 ))")
  done
  for pair in "$1:${times_a[*]}" "$3:${times_b[*]}"; do
    printf '%s\n' ${pair#*:} | summarize "${pair%%:*}"
  done
}

measure_alternating "no change, $specs specs" "$build_with" "no change, no specs" "$build_none"
measure "one spec edited, $specs specs" "$edit_spec" "$build_with"
measure "Program.cs edited, $specs specs" "$edit_code_with" "$build_with"
measure "Program.cs edited, no specs" "$edit_code_none" "$build_none"
measure "Program.cs edited, generated C# as plain source" "$edit_code_plain" "$build_plain"

echo
echo "machine: $(nproc) cores, $(dotnet --version) SDK, UseSharedCompilation=${UseSharedCompilation:-unset}, BUILD_ARGS=${BUILD_ARGS:-none}, tool: $(command -v hyperfine > /dev/null && hyperfine --version || echo 'shell timing')"
python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
median = {label: float(m) for label, m, _, _ in rows}
print("%-48s %9s %9s %9s" % ("case", "median s", "min s", "max s"))
for label, m, lo, hi in rows:
    print("%-48s %9s %9s %9s" % (label, m, lo, hi))
labels = [label for label, *_ in rows]
print()
print("no-change build, specs / none:          %.2fx (goal <= 1.2x)" % (median[labels[0]] / median[labels[1]]))
print("spec edit (specs) / C# edit (none):     %.2fx" % (median[labels[2]] / median[labels[4]]))
print("C# edit (specs) / C# edit (none):       %.2fx" % (median[labels[3]] / median[labels[4]]))
print("spec edit / C# edit, same C# as source: %.2fx (the generator's share of a build after a spec edit)" % (median[labels[2]] / median[labels[5]]))
print("C# edit (specs) / same C# as source:    %.2fx (the generator's share of a build after a C# edit)" % (median[labels[3]] / median[labels[5]]))
PY
